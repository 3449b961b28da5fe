//! End to end: the real binary in a pseudo-terminal, its screen read back
//! through a vt100 emulator, its files read back with the library.
//!
//! Every run gets `--dir <tmp>`, `HOME=<tmp>`, a clean environment (no
//! $OPENSPACE_DIR) and a temporary working directory, so nothing outside the
//! temporary folder is read or written. Tests wait for what the screen shows
//! (never for a fixed time), and fail with the screen in the message.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use jiff::civil::{Date, date, time};
use openspace::model::{Edition, Placement, SlotKind, Topic};
use openspace::storage;
use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// How long any one thing may take to show on screen.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(25);

const BIN: &str = env!("CARGO_BIN_EXE_openspace");

// Keys as a terminal sends them.
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const TAB: &str = "\t";
const CTRL_U: &str = "\x15";
const DOWN: &str = "\x1b[B";

/// The real binary running in a pseudo-terminal.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, in order.
    raw: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Dropping the writer sends a newline and EOF, so it goes after the child.
    writer: Option<Box<dyn Write + Send>>,
    _master: Box<dyn MasterPty + Send>,
    /// Fires when the reader has seen the end of the output.
    drained: mpsc::Receiver<()>,
    reader: Option<JoinHandle<()>>,
}

impl Tui {
    /// `openspace --dir <dir> --no-mouse ARGS…`, in a 120×40 terminal.
    fn spawn(sandbox: &Path, dir: &Path, args: &[&Path]) -> Tui {
        Tui::spawn_with(sandbox, dir, args, &[])
    }

    fn spawn_with(sandbox: &Path, dir: &Path, args: &[&Path], env: &[(&str, &str)]) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.env_clear();
        cmd.env("HOME", sandbox);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        // the clock is injected: no test depends on the real time of day
        cmd.env("OPENSPACE_NOW", "2030-05-14T09:00:00");
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.cwd(sandbox);
        cmd.arg("--dir");
        cmd.arg(dir);
        cmd.arg("--no-mouse");
        for a in args {
            cmd.arg(a);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn openspace");
        // Only the child may hold the slave: then the reader sees the end when it exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            ROWS.try_into().unwrap(),
            COLS.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (done, drained) = mpsc::channel();
        let reader = {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
                let _ = done.send(());
            })
        };
        Tui {
            parser,
            raw,
            child,
            writer: Some(writer),
            _master: pair.master,
            drained,
            reader: Some(reader),
        }
    }

    /// Writes keys to the terminal.
    fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("the pty writer");
        w.write_all(keys.as_bytes()).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    fn screen_text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the screen as it is now.
    fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen satisfies `ok`; panics with the screen when it never does.
    fn wait_screen(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&ok) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen's text satisfies `ok`; returns that text.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_screen(what, |s| ok(&s.contents()));
        self.screen_text()
    }

    /// Waits until every one of `needles` is on screen at once.
    fn wait_text(&self, needles: &[&str]) -> String {
        self.wait_for(&format!("{needles:?}"), |s| {
            needles.iter().all(|n| s.contains(n))
        })
    }

    /// Waits for a toast together with "✓ saved". The frame that first shows
    /// a change's toast is drawn while its save runs ("… saving"), so a later
    /// screen showing both means that change is on disk.
    fn wait_saved(&self, toast: &str) -> String {
        self.wait_text(&[toast, "✓ saved"])
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// Waits for the program to end by itself.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "openspace did not exit within {TIMEOUT:?}; the screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// After the program ended: waits until the reader has seen all its output.
    fn wait_drained(&mut self) {
        self.drained
            .recv_timeout(TIMEOUT)
            .expect("the pty output ends once openspace has exited");
        if let Some(r) = self.reader.take() {
            r.join().expect("the reader thread");
        }
    }

    fn raw_len(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    fn raw_from(&self, offset: usize) -> Vec<u8> {
        self.raw.lock().unwrap()[offset..].to_vec()
    }
}

impl Drop for Tui {
    /// A failed test must not leave the program running: end it, then close the pty.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.writer.take();
    }
}

/// A temporary home with a sessions folder inside.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(root.path().join("sessions")).expect("sessions folder");
        Sandbox { root }
    }
    fn root(&self) -> &Path {
        self.root.path()
    }
    fn sessions(&self) -> PathBuf {
        self.root().join("sessions")
    }
    fn open(&self, args: &[&Path]) -> Tui {
        Tui::spawn(self.root(), &self.sessions(), args)
    }
    /// The names of the files in the sessions folder, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.sessions())
            .expect("read the sessions folder")
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

const DAY: Date = date(2030, 5, 14);

/// An edition written with the library: two spaces, two session slots.
fn small_edition(path: &Path) {
    let mut e = Edition::new("Kill Switch Meetup", DAY);
    e.add_space("Atrium", Some(40)).unwrap();
    e.add_space("Library", Some(12)).unwrap();
    e.add_slot(
        DAY,
        time(9, 30, 0, 0),
        time(10, 15, 0, 0),
        SlotKind::Session,
    )
    .unwrap();
    e.add_slot(
        DAY,
        time(10, 30, 0, 0),
        time(11, 15, 0, 0),
        SlotKind::Session,
    )
    .unwrap();
    storage::create(path, &e).expect("create the test edition");
}

/// Whether the footer's first line starts with this mode's badge.
fn mode_is(screen: &str, label: &str) -> bool {
    screen
        .lines()
        .nth(usize::from(ROWS) - 2)
        .is_some_and(|l| l.starts_with(&format!(" {label} ")))
}

/// The grid as drawn: the text of each cell by (slot times, space name),
/// read from the columns between the header's `│` separators.
fn grid_cells(screen: &vt100::Screen) -> BTreeMap<(String, String), String> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let at = |y: u16, x: u16| screen.cell(y, x).map(|c| c.contents().to_string());
    // the header is the grid's first line, under the edition's line
    let header_y = 1;
    let parking = (0..cols)
        .find(|&x| at(header_y, x).as_deref() == Some("┃"))
        .unwrap_or(cols);
    let seps: Vec<u16> = (0..parking)
        .filter(|&x| at(header_y, x).as_deref() == Some("│"))
        .collect();
    let columns: Vec<(String, Vec<String>)> = seps
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let start = s + 1;
            let end = seps.get(i + 1).copied().unwrap_or(parking);
            let lines: Vec<String> = screen.rows(start, end - start).collect();
            // "1 Atrium ·40" → "Atrium"
            let head = lines[usize::from(header_y)].trim();
            let name = head
                .split_once(' ')
                .map_or(head, |(_, n)| n)
                .split(" ·")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            (name, lines)
        })
        .collect();
    // the slot's times are left of the first separator
    let time_w = seps.first().copied().unwrap_or(0);
    let time_col: Vec<String> = screen.rows(0, time_w).collect();
    let mut cells = BTreeMap::new();
    let mut slot: Option<String> = None;
    // below the header, above the footer (two lines)
    for y in usize::from(header_y) + 1..usize::from(rows) - 2 {
        let t = time_col[y].trim_start_matches('▶').trim();
        if t.len() == "09:30–10:15".len() && t.contains('–') && t.contains(':') {
            slot = Some(t.to_string());
        } else if t.starts_with('─') {
            slot = None;
        }
        let Some(slot) = &slot else { continue };
        for (name, lines) in &columns {
            let text: &mut String = cells.entry((slot.clone(), name.clone())).or_default();
            text.push_str(lines[y].trim());
            text.push('\n');
        }
    }
    cells
}

/// The cells whose text holds `title`.
fn cells_showing(cells: &BTreeMap<(String, String), String>, title: &str) -> Vec<(String, String)> {
    cells
        .iter()
        .filter(|(_, text)| text.contains(title))
        .map(|(k, _)| k.clone())
        .collect()
}

/// Where a topic is, named as the screen names it: ("09:30–10:15", "Atrium").
fn cell_of(e: &Edition, t: &Topic) -> Option<(String, String)> {
    match &t.placement {
        Placement::Parked => None,
        Placement::At { slot, space } => Some((
            e.slot(slot).expect("the topic's slot").times(),
            e.space(space).expect("the topic's space").name.clone(),
        )),
    }
}

fn cell(times: &str, space: &str) -> (String, String) {
    (times.to_string(), space.to_string())
}

#[test]
fn create_capture_move_undo_quit() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.open(&[]);
    tui.wait_text(&["No editions here yet", " EDITIONS "]);

    // the new-edition form, prefilled for a blank edition
    tui.send("n");
    let form = tui.wait_text(&["New edition", "▶Name", "Atrium:40, Library:12, Garden:15"]);
    let days = form
        .lines()
        .find(|l| l.contains(" Days "))
        .expect("a Days field");
    assert!(
        days.split("Days")
            .nth(1)
            .unwrap()
            .trim_start()
            .starts_with("1 "),
        "Days is prefilled with 1: {days:?}"
    );
    tui.send("Tech Leaders E2E");
    tui.wait_text(&["Tech Leaders E2E"]);
    tui.send(TAB);
    tui.wait_text(&["▶First day"]);
    // clear today's date (tui-input: Ctrl-U deletes the line), type a fixed one
    tui.send(CTRL_U);
    tui.send("2030-05-14");
    tui.wait_text(&["2030-05-14"]);
    tui.send(ENTER);
    let screen = tui.wait_text(&[" Tech Leaders E2E · ", " BOARD ", "1 Atrium ·40"]);
    // an empty parking lot folds away: the spaces have the width
    assert!(!screen.contains("Parking lot"), "{screen}");
    assert_eq!(
        sandbox.files(),
        [".tech-leaders-e2e.ron.lock", "tech-leaders-e2e.ron"],
        "creating the edition writes its file and locks it"
    );
    let file = sandbox.sessions().join("tech-leaders-e2e.ron");

    // the capture line is prefilled with the first free cell, cursor at its start
    tui.send("a");
    tui.wait_text(&[" ADD TOPICS ", "Add ▸  #Atrium 09:30"]);
    // the cursor move may arrive a moment after the cells: wait for it
    tui.wait_screen("the cursor before the prefilled cell", |s| {
        let line = s.contents().lines().position(|l| l.starts_with(" Add ▸ "));
        line.is_some_and(|line| {
            s.cursor_position()
                == (
                    u16::try_from(line).unwrap_or(u16::MAX),
                    " Add ▸ ".chars().count() as u16,
                )
        })
    });
    tui.send("Service mesh @Marta");
    tui.wait_text(&["→ “Service mesh” · by Marta · Atrium"]);
    tui.send(ENTER);
    tui.wait_saved("Added “Service mesh” to Atrium");
    // the line moves on to the next free cell of the slot
    tui.wait_text(&["Add ▸  #Library 09:30"]);
    tui.send("Team tourism @Ola +3");
    tui.wait_text(&["→ “Team tourism” · by Ola · Library", "▲3"]);
    tui.send(ENTER);
    tui.wait_saved("Added “Team tourism” to Library");
    tui.wait_text(&["Add ▸  #Garden 09:30"]);
    // Typing a cell of one's own: clear the prefilled one first. Left in,
    // it would follow what is typed ("… #Garden 10:30 #Garden 09:30"); the
    // second #Garden and 09:30 would then end up in the title.
    tui.send(CTRL_U);
    tui.send("Staying technical #Garden 10:30");
    tui.wait_text(&["→ “Staying technical” · Garden"]);
    tui.send(ENTER);
    tui.wait_saved("Added “Staying technical” to Garden");
    tui.send(ESC);
    let screen = tui.wait_for("the capture line to close", |s| {
        mode_is(s, "BOARD") && !s.contains("Add ▸")
    });
    // nothing parked: no parking lot, and no count of it in the top line
    assert!(!screen.contains(" parked (Tab)"), "{screen}");
    let placed = tui.with_screen(grid_cells);
    assert_eq!(
        cells_showing(&placed, "Service mesh"),
        [cell("09:30–10:15", "Atrium")]
    );
    assert_eq!(
        cells_showing(&placed, "Team tourism"),
        [cell("09:30–10:15", "Library")]
    );
    assert_eq!(
        cells_showing(&placed, "Staying technical"),
        [cell("10:30–11:15", "Garden")]
    );

    // the cursor went on to the next free cell; go to "Service mesh" (first
    // slot, space 1) and move it down
    tui.send("g1");
    tui.wait_text(&["▶Service mesh"]);
    tui.send("m");
    tui.wait_text(&[" MOVE ", "Moving “Service mesh”"]);
    tui.send(DOWN);
    tui.wait_text(&["(moving) Service mesh", "✥ Service mesh"]);
    tui.send(ENTER);
    tui.wait_saved("Moved “Service mesh” to Atrium");
    let moved = tui.with_screen(grid_cells);
    assert_eq!(
        cells_showing(&moved, "Service mesh"),
        [cell("10:30–11:15", "Atrium")]
    );
    // saved after every change: the file already has the move
    let on_disk = storage::load(&file).expect("the file loads while the board is open");
    let mesh = on_disk
        .topics
        .iter()
        .find(|t| t.title == "Service mesh")
        .unwrap();
    assert_eq!(cell_of(&on_disk, mesh), Some(cell("10:30–11:15", "Atrium")));

    tui.send("u");
    tui.wait_saved("Undid move “Service mesh”");
    let screen = tui.screen_text();
    let shown = tui.with_screen(grid_cells);
    assert_eq!(
        cells_showing(&shown, "Service mesh"),
        [cell("09:30–10:15", "Atrium")],
        "the undo puts the card back\n{screen}"
    );

    tui.send("q");
    let status = tui.wait_exit();
    assert!(status.success(), "quits with success: {status:?}");

    // the file holds what the screen showed, nothing more
    let e = storage::load(&file).expect("the file loads after quitting");
    let mut titles: Vec<&str> = e.topics.iter().map(|t| t.title.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        ["Service mesh", "Staying technical", "Team tourism"]
    );
    for t in &e.topics {
        let at = cell_of(&e, t).unwrap_or_else(|| panic!("{} is placed", t.title));
        assert_eq!(
            cells_showing(&shown, &t.title),
            std::slice::from_ref(&at),
            "{} is in the file where the screen showed it\n{screen}",
            t.title
        );
        let text = &shown[&at];
        for who in &t.conveners {
            assert!(text.contains(who.as_str()), "{who} on {}:\n{text}", t.title);
        }
        if t.votes > 0 {
            assert!(text.contains(&format!("▲{}", t.votes)), "{text}");
        } else {
            assert!(!text.contains('▲'), "{text}");
        }
    }
    let by_title = |title: &str| e.topics.iter().find(|t| t.title == title).unwrap();
    assert_eq!(by_title("Service mesh").conveners, ["Marta"]);
    assert_eq!(by_title("Team tourism").conveners, ["Ola"]);
    assert_eq!(by_title("Team tourism").votes, 3);
    assert!(by_title("Staying technical").conveners.is_empty());
    assert_eq!(e.days, [DAY]);
    assert_eq!(
        e.spaces.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Atrium", "Library", "Garden"]
    );
    assert_eq!(e.slots.len(), 4);
}

#[test]
fn sigkill_right_after_typing_keeps_the_topic() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("kill.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" Kill Switch Meetup · ", " BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸  #Atrium 09:30"]);
    tui.send("Lightning talks @Ana +2");
    tui.send(ENTER);
    // The toast is drawn in the very frame that starts the save (off the UI
    // thread, footer "… saving"); "✓ saved" beside it says the save is done.
    // So this waits (bounded, a few milliseconds in practice) for both, then
    // kills at once: no chance for a clean exit, and no waiting afterwards.
    tui.wait_saved("Added “Lightning talks” to Atrium");
    let pid = tui.pid().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -9 {pid}");
    let status = tui.wait_exit();
    assert!(!status.success(), "SIGKILL ends it: {status:?}");

    let e = storage::load(&file).expect("the file loads after SIGKILL");
    assert_eq!(e.topics.len(), 1, "{e:#?}");
    let t = &e.topics[0];
    assert_eq!(t.title, "Lightning talks");
    assert_eq!(t.conveners, ["Ana"]);
    assert_eq!(t.votes, 2);
    assert_eq!(cell_of(&e, t), Some(cell("09:30–10:15", "Atrium")));

    // no temporary file left behind: only the edition, its backup and its lock
    assert_eq!(
        sandbox.files(),
        [".kill.ron.lock", "kill.ron", "kill.ron.bak"]
    );
    let listed = storage::list(&sandbox.sessions()).expect("list the folder");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].edition.is_ok());
    let out = std::process::Command::new(BIN)
        .env_clear()
        .env("HOME", sandbox.root())
        .env("NO_COLOR", "1")
        .current_dir(sandbox.root())
        .arg("--dir")
        .arg(sandbox.sessions())
        .arg("list")
        .output()
        .expect("openspace list");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        stdout.lines().count(),
        2,
        "a header and one edition:\n{stdout}"
    );
    assert!(stdout.contains("Kill Switch Meetup"), "{stdout}");
}

#[test]
fn second_instance_is_read_only() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("shared.ron");
    small_edition(&file);
    let mut first = sandbox.open(&[&file]);
    let screen = first.wait_text(&[" Kill Switch Meetup · ", " BOARD ", "✓ saved"]);
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    let before = std::fs::read(&file).unwrap();

    let mut second = sandbox.open(&[&file]);
    second.wait_text(&[
        "READ-ONLY",
        "Read-only: another openspace has this file open",
        "not saving: read-only",
    ]);
    second.send("a");
    second.wait_text(&["Add ▸  #Atrium 09:30"]);
    second.send("Sneaky topic @Eve");
    second.wait_text(&["→ “Sneaky topic” · by Eve"]);
    second.send(ENTER);
    second.send(ESC);
    second.wait_for("the capture line to close", |s| {
        mode_is(s, "BOARD") && !s.contains("Add ▸")
    });
    // keys are handled in order: once this shows, Enter was handled long ago
    second.send("u");
    let screen = second.wait_text(&["Read-only: nothing to undo"]);
    assert!(!screen.contains("Sneaky topic"), "{screen}");
    assert!(!screen.contains(" parked (Tab)"), "{screen}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is untouched"
    );

    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "quitting the read-only board writes nothing"
    );
    assert!(!sandbox.files().contains(&"shared.ron.bak".to_string()));

    // the first one still owns the file
    let screen = first.screen_text();
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    first.send("q");
    assert!(first.wait_exit().success());
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn terminal_is_restored_on_quit() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("restore.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    tui.with_screen(|s| {
        assert!(s.alternate_screen(), "the board is on the alternate screen");
        assert!(s.bracketed_paste(), "bracketed paste is on");
    });
    let offset = tui.raw_len();
    tui.send("q");
    assert!(tui.wait_exit().success());
    tui.wait_drained();
    let tail = tui.raw_from(offset);
    let all = tui.raw_from(0);
    let last = |hay: &[u8], needle: &str| {
        hay.windows(needle.len())
            .rposition(|w| w == needle.as_bytes())
    };
    for (on, off) in [
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[?25l", "\x1b[?25h"),
        ("\x1b[?2004h", "\x1b[?2004l"),
    ] {
        assert!(
            last(&tail, off).is_some(),
            "{off:?} is written on quit; the last bytes: {:?}",
            String::from_utf8_lossy(&tail)
        );
        assert!(
            last(&all, on) < last(&all, off),
            "nothing turns {on:?} back on after {off:?}"
        );
    }
    tui.with_screen(|s| {
        assert!(!s.alternate_screen(), "back on the main screen");
        assert!(!s.hide_cursor(), "the cursor shows");
        assert!(!s.bracketed_paste(), "bracketed paste is off");
    });
}

#[test]
fn a_broken_file_opens_nothing() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("broken.ron");
    // line 3 lacks its comma: the parser finds out at line 4, column 3
    let text = "(\n  version: 1,\n  name: \"Broken\"\n  days: [\"2030-05-14\"],\n)\n";
    std::fs::write(&file, text).unwrap();
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("HOME", sandbox.root())
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .current_dir(sandbox.root())
        .arg("--dir")
        .arg(sandbox.sessions())
        .arg(&file)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run openspace");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("openspace on a broken file did not exit");
        }
        std::thread::sleep(POLL);
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "the screen is never touched");
    // FILE:LINE:COL: message
    let prefix = format!("{}:", file.display());
    let at = stderr
        .find(&prefix)
        .unwrap_or_else(|| panic!("{prefix} in {stderr:?}"));
    let rest = &stderr[at + prefix.len()..];
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().expect("a line number");
    let col: usize = parts.next().unwrap().parse().expect("a column number");
    let message = parts.next().unwrap_or_default().trim();
    assert_eq!(
        (line, col),
        (4, 3),
        "points where the comma is missing: {stderr}"
    );
    assert!(!message.is_empty(), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "untouched");
    assert_eq!(sandbox.files(), ["broken.ron"], "no lock, no backup");
}

#[test]
fn two_action_points_reach_the_file_and_print() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("actions.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" Kill Switch Meetup · ", " BOARD ", "✓ saved"]);
    // a session first, then its action points from the board with o
    tui.send("a");
    tui.wait_text(&["Add ▸  #Atrium 09:30"]);
    tui.send("Service mesh @Marta");
    tui.send(ENTER);
    tui.wait_saved("Added “Service mesh” to Atrium");
    tui.send(ESC);
    tui.wait_for("the board again", |s| mode_is(s, "BOARD"));
    // the capture line left the cursor on the next free cell: back to the session
    tui.send("h");
    tui.send("o");
    tui.wait_for("the action line", |s| mode_is(s, "ADD ACTION POINTS"));
    tui.send("Draft the mesh guidelines @Ola due:2030-06-30");
    tui.send(ENTER);
    tui.wait_saved("Added action point “Draft the mesh guidelines”");
    tui.send("Pilot in one team @Piotr due:2030-09-15");
    tui.send(ENTER);
    tui.wait_saved("Added action point “Pilot in one team”");
    tui.send(ESC);
    let screen = tui.wait_for("the session with both points", |s| {
        mode_is(s, "SESSION") && s.contains("Pilot in one team — Piotr")
    });
    assert!(
        screen.contains("Draft the mesh guidelines — Ola, due 2030-06-30"),
        "{screen}"
    );
    tui.send(ESC);
    tui.wait_for("the board again", |s| mode_is(s, "BOARD"));
    tui.send("q");
    assert!(tui.wait_exit().success());

    let e = storage::load(&file).expect("the file loads");
    let t = e
        .topics
        .iter()
        .find(|t| t.title == "Service mesh")
        .expect("the session");
    let points: Vec<(&str, Option<&str>, Option<Date>)> = t
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.owner.as_deref(), a.due))
        .collect();
    assert_eq!(
        points,
        [
            (
                "Draft the mesh guidelines",
                Some("Ola"),
                Some(date(2030, 6, 30))
            ),
            ("Pilot in one team", Some("Piotr"), Some(date(2030, 9, 15))),
        ]
    );

    let out = std::process::Command::new(BIN)
        .env_clear()
        .env("HOME", sandbox.root())
        .current_dir(sandbox.root())
        .arg("--dir")
        .arg(sandbox.sessions())
        .args(["print", "actions", "--width", "100"])
        .output()
        .expect("openspace print");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("[ ] Draft the mesh guidelines — Ola, due 2030-06-30"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[ ] Pilot in one team — Piotr, due 2030-09-15"),
        "{stdout}"
    );
}

#[test]
fn present_follows_the_file_as_another_process_saves_it() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("projector.ron");
    small_edition(&file);
    let mut tui = Tui::spawn(
        sandbox.root(),
        &sandbox.sessions(),
        &[Path::new("present"), &file],
    );
    let before = tui.wait_text(&[" Kill Switch Meetup", "NOW", "NEXT"]);
    let mut e = storage::load(&file).expect("load");
    let topic = e
        .add_topic(openspace::model::TopicDraft {
            title: "Pitched on the laptop".into(),
            conveners: vec!["Ada".into()],
            ..Default::default()
        })
        .expect("a topic");
    let slot = e.slots[0].id.clone();
    let space = e.spaces[0].id.clone();
    e.place(topic, &slot, &space).expect("placed");
    // another process (here: the test, through the library) saves a topic
    storage::save(&file, &e).expect("save");
    // the projector shows it: NEXT, in big letters, had no session before
    // (what it draws is checked from its plan in tests/present.rs)
    let screen = tui.wait_for("the topic on the projector", |s| s != before);
    assert!(screen.contains("□ NEXT"), "{screen}");
    // and this window never writes the file
    let before = std::fs::read(&file).unwrap();
    tui.send("q");
    assert!(tui.wait_exit().success());
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn the_next_edition_is_started_from_the_2019_board_inside_the_board() {
    let sandbox = Sandbox::new();
    let old = sandbox.sessions().join("tlm-2019.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tech-leaders-meeting-2019.ron"),
        &old,
    )
    .expect("copy the shipped edition");
    let before = std::fs::read(&old).unwrap();
    let mut tui = sandbox.open(&[&old]);
    tui.wait_text(&["Tech Leaders’ Meeting 2019", "REVIEW"]);
    tui.send("N");
    tui.wait_for("the next-edition form", |s| mode_is(s, "NEXT EDITION"));
    tui.wait_text(&["Tech Leaders’ Meeting 2020", "2020-05-14"]);
    tui.send(ENTER);
    let screen = tui.wait_text(&["Tech Leaders’ Meeting 2020 · 2020-05-14 – 2020-05-15"]);
    assert!(screen.contains("Created"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit().success());

    let new = sandbox.sessions().join("tech-leaders-meeting-2020.ron");
    let e = storage::load(&new).expect("the new edition loads");
    let earlier = storage::load(&old).unwrap();
    assert_eq!(e.name, "Tech Leaders’ Meeting 2020");
    assert_eq!(e.previous.as_deref(), Some("tlm-2019"));
    assert_eq!(e.number, Some(12));
    assert_eq!(e.days, [date(2020, 5, 14), date(2020, 5, 15)]);
    assert_eq!(e.spaces, earlier.spaces);
    assert_eq!(e.slots.len(), earlier.slots.len());
    let open: Vec<_> = earlier
        .actions()
        .filter(|(_, a)| a.status == openspace::model::Status::Open)
        .map(|(_, a)| a.id)
        .collect();
    let origins: Vec<_> = e
        .carried
        .iter()
        .map(|a| a.origin.as_ref().expect("an origin").action)
        .collect();
    assert_eq!(origins, open);
    assert!(e.topics.is_empty());
    // last year's file is untouched
    assert_eq!(std::fs::read(&old).unwrap(), before);
}

#[test]
fn words_typed_but_not_entered_survive_sigkill() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("draft.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" Kill Switch Meetup · ", " BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸  #Atrium 09:30"]);
    tui.send("Half a pitch, still talking @Ro");
    // the draft reaches its file within about a second (polled, bounded)
    let draft = sandbox.sessions().join(".draft.ron.draft");
    let start = std::time::Instant::now();
    while !std::fs::read_to_string(&draft)
        .is_ok_and(|t| t.contains("Half a pitch, still talking @Ro"))
    {
        assert!(start.elapsed() < TIMEOUT, "no draft written");
        std::thread::sleep(POLL);
    }
    let pid = tui.pid().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    tui.wait_exit();
    // the next start puts the words back into the capture line
    let mut again = sandbox.open(&[&file]);
    let screen = again.wait_text(&[
        "Recovered what was being typed",
        "Half a pitch, still talking @Ro",
    ]);
    assert!(mode_is(&screen, "ADD TOPICS"), "{screen}");
    again.send(ENTER);
    again.wait_saved("Added “Half a pitch, still talking”");
    again.send(ESC);
    again.wait_for("the board", |s| mode_is(s, "BOARD"));
    again.send("q");
    assert!(again.wait_exit().success());
    let e = storage::load(&file).unwrap();
    assert_eq!(e.topics[0].title, "Half a pitch, still talking");
    assert!(!draft.exists(), "a clean quit leaves no draft behind");
}

#[test]
fn sigterm_and_sighup_save_and_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let sandbox = Sandbox::new();
        let file = sandbox.sessions().join("signal.ron");
        small_edition(&file);
        let mut tui = sandbox.open(&[&file]);
        tui.wait_text(&[" BOARD ", "✓ saved"]);
        tui.send("a");
        tui.wait_text(&["Add ▸  #Atrium 09:30"]);
        tui.send("Signalled topic");
        tui.send(ENTER);
        tui.wait_text(&["Added “Signalled topic”"]);
        let offset = tui.raw_len();
        let pid = tui.pid().to_string();
        assert!(
            std::process::Command::new("kill")
                .args([signal, &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = tui.wait_exit();
        assert!(status.success(), "{signal}: a clean exit, {status:?}");
        tui.wait_drained();
        let tail = String::from_utf8_lossy(&tui.raw_from(offset)).into_owned();
        assert!(
            tail.contains("\x1b[?1049l"),
            "{signal}: the alternate screen is left"
        );
        let e = storage::load(&file).expect("the file loads");
        assert_eq!(e.topics.len(), 1, "{signal}: saved before quitting");
    }
}

#[test]
fn notes_in_the_editor_suspend_the_board_and_come_back() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("editor.ron");
    small_edition(&file);
    // an "editor" that adds a line to the file it is given, as a person would
    let editor = sandbox.root().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\necho 'Agreed: a pilot in one team.' >> \"$1\"\n",
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .unwrap();
    let editor = editor.display().to_string();
    let mut tui = Tui::spawn_with(
        sandbox.root(),
        &sandbox.sessions(),
        &[&file],
        &[("EDITOR", &editor)],
    );
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸  #Atrium 09:30"]);
    tui.send("Service mesh");
    tui.send(ENTER);
    tui.wait_saved("Added “Service mesh”");
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("h");
    tui.send(ENTER);
    tui.wait_for("the session", |s| mode_is(s, "SESSION"));
    tui.send("N");
    tui.wait_saved("Notes kept");
    // the board is back and answers keys
    let screen = tui.wait_text(&["Agreed: a pilot in one team."]);
    assert!(mode_is(&screen, "SESSION"), "{screen}");
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("q");
    assert!(tui.wait_exit().success());
    let e = storage::load(&file).unwrap();
    assert_eq!(e.topics[0].notes, "Agreed: a pilot in one team.");
}

/// An edition with one session placed, to open and type into.
fn one_session(path: &Path) {
    small_edition(path);
    let mut e = storage::load(path).unwrap();
    let id = e
        .add_topic(openspace::model::TopicDraft {
            title: "Service mesh".into(),
            conveners: vec!["Marta".into()],
            ..Default::default()
        })
        .unwrap();
    let (slot, space) = (e.slots[0].id.clone(), e.spaces[0].id.clone());
    e.place(id, &slot, &space).unwrap();
    storage::save(path, &e).unwrap();
}

fn kill(tui: &Tui, signal: &str) {
    let pid = tui.pid().to_string();
    assert!(
        std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap()
            .success(),
        "kill {signal} {pid}"
    );
}

/// Waits until a file holds `text`.
fn wait_file(path: &Path, text: &str) {
    let start = Instant::now();
    while !std::fs::read_to_string(path).is_ok_and(|t| t.contains(text)) {
        assert!(
            start.elapsed() < TIMEOUT,
            "{} never held {text:?}",
            path.display()
        );
        std::thread::sleep(POLL);
    }
}

#[test]
fn closing_the_window_or_a_signal_while_typing_keeps_the_typing() {
    // (how it ends, what is being typed, the keys that open it)
    let cases = [
        ("-HUP", "notes", "\rn"),
        ("-TERM", "topic", "a"),
        ("-INT", "action point", "\ro"),
        ("-QUIT", "notes", "\rn"),
        ("Ctrl-C", "topic", "a"),
    ];
    for (how, what, open) in cases {
        let sandbox = Sandbox::new();
        let file = sandbox.sessions().join("typing.ron");
        one_session(&file);
        let mut tui = sandbox.open(&[&file]);
        tui.wait_text(&[" BOARD ", "✓ saved", "Service mesh"]);
        tui.send(open);
        let words = format!("Words for the {what} before {how}");
        if what == "topic" {
            tui.wait_text(&["Add ▸"]);
            tui.send(CTRL_U);
        } else {
            tui.wait_text(&[" Session "]);
        }
        tui.send(&words);
        // all of it on screen: what the board has is what it keeps
        tui.wait_text(&[&words]);
        let offset = tui.raw_len();
        match how {
            "Ctrl-C" => tui.send("\x03"),
            signal => kill(&tui, signal),
        }
        let status = tui.wait_exit();
        assert!(status.success(), "{how}: a clean exit, {status:?}");
        tui.wait_drained();
        let tail = String::from_utf8_lossy(&tui.raw_from(offset)).into_owned();
        assert!(
            tail.contains("\x1b[?1049l"),
            "{how}: the alternate screen is left"
        );
        let draft = sandbox.sessions().join(".typing.ron.draft");
        wait_file(&draft, &words);
        // the next start puts the words back where they were typed
        let mut again = sandbox.open(&[&file]);
        again.wait_text(&["Recovered what was being typed", &words[..20]]);
        again.send("\x03");
        again.wait_exit();
    }
}

#[test]
fn a_save_that_keeps_failing_is_kept_for_the_next_start_and_offered_back() {
    for how in ["Ctrl-C", "-TERM"] {
        let sandbox = Sandbox::new();
        let file = sandbox.sessions().join("unsaved.ron");
        small_edition(&file);
        let mut tui = sandbox.open(&[&file]);
        tui.wait_text(&[" BOARD ", "✓ saved"]);
        // the folder goes away under the board: every save fails
        let away = sandbox.root().join("away");
        std::fs::rename(sandbox.sessions(), &away).unwrap();
        tui.send("a");
        tui.wait_text(&["Add ▸"]);
        tui.send(CTRL_U);
        tui.send("Never on disk @Ada");
        tui.send(ENTER);
        tui.wait_text(&["NOT SAVED"]);
        tui.send(ESC);
        tui.wait_for("the board", |s| mode_is(s, "BOARD"));
        let offset = tui.raw_len();
        match how {
            "Ctrl-C" => tui.send("\x03"),
            signal => kill(&tui, signal),
        }
        let status = tui.wait_exit();
        assert!(!status.success(), "{how}: a failed save exits non-zero");
        tui.wait_drained();
        let said = String::from_utf8_lossy(&tui.raw_from(offset)).into_owned();
        assert!(
            said.contains("the unsaved changes are kept in"),
            "{how}: {said:?}"
        );
        // beside the edition was impossible: the user's data folder took it
        let folder = sandbox.root().join(".local/share/openspace/recovered");
        let kept = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{how}: no recovery in {}: {e}", folder.display()))
            .next()
            .expect("a recovery file")
            .unwrap()
            .path();
        let name = kept.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("unsaved-"), "{name}");
        assert!(said.contains(&name), "{how}: says where: {said:?}");
        std::fs::rename(&away, sandbox.sessions()).unwrap();
        // the next start offers the changes back; y takes them, and saves
        let mut again = sandbox.open(&[&file]);
        again.wait_text(&["Unsaved changes from the last run", "y  take them back"]);
        again.send("y");
        again.wait_saved("The unsaved changes of the last run are back");
        again.send("q");
        assert!(again.wait_exit().success());
        let e = storage::load(&file).unwrap();
        assert_eq!(e.topics[0].title, "Never on disk", "{how}");
        assert!(
            !kept.exists(),
            "{how}: the recovery is gone once taken back"
        );
    }
}

#[test]
fn a_board_that_found_the_lock_held_becomes_editable_when_it_is_free() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("shared.ron");
    small_edition(&file);
    let mut first = sandbox.open(&[&file]);
    first.wait_text(&[" BOARD ", "✓ saved"]);
    let mut second = sandbox.open(&[&file]);
    second.wait_text(&["READ-ONLY"]);
    first.send("q");
    assert!(first.wait_exit().success());
    second.wait_text(&["Editable now: the other openspace let go"]);
    second.send("a");
    second.wait_text(&["Add ▸"]);
    second.send(CTRL_U);
    second.send("Now it is mine");
    second.send(ENTER);
    second.wait_saved("Added “Now it is mine”");
    second.send(ESC);
    second.wait_for("the board", |s| mode_is(s, "BOARD"));
    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(
        storage::load(&file).unwrap().topics[0].title,
        "Now it is mine"
    );
}

#[test]
fn leftovers_of_interrupted_saves_are_cleaned_at_the_next_start() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("left.ron");
    small_edition(&file);
    let d = sandbox.sessions();
    for name in [
        ".left.ron.Ab12Cd",
        "..left.ron.draft.xY9zQ1",
        ".left.ron.bak.000000",
    ] {
        std::fs::write(d.join(name), "half a save").unwrap();
    }
    // another edition's temporary file is not this board's to remove
    std::fs::write(d.join(".other.ron.Ab12Cd"), "not mine").unwrap();
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    assert_eq!(
        sandbox.files(),
        [".left.ron.lock", ".other.ron.Ab12Cd", "left.ron"]
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_suspended_board_gives_the_terminal_back_and_returns() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("pause.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    let offset = tui.raw_len();
    kill(&tui, "-TSTP");
    // stopped (state T), with the terminal restored
    let stat = format!("/proc/{}/stat", tui.pid());
    let start = Instant::now();
    loop {
        let state = std::fs::read_to_string(&stat).unwrap_or_default();
        let stopped = state
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('T'));
        if stopped {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "never stopped: {state}");
        std::thread::sleep(POLL);
    }
    tui.wait_screen("the main screen", |s| !s.alternate_screen());
    let said = String::from_utf8_lossy(&tui.raw_from(offset)).into_owned();
    assert!(said.contains("\x1b[?1049l"), "{said:?}");
    kill(&tui, "-CONT");
    tui.wait_screen("the board again", |s| {
        s.alternate_screen() && s.contents().contains(" BOARD ")
    });
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_hand_edit_while_the_board_is_open_is_taken_in_not_overwritten() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("edited.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    // another program (an editor, git checkout) writes the file
    let mut e = storage::load(&file).unwrap();
    e.add_topic(openspace::model::TopicDraft {
        title: "Written by hand".into(),
        ..Default::default()
    })
    .unwrap();
    storage::save(&file, &e).unwrap();
    tui.wait_text(&["The file was changed outside", "Written by hand"]);
    // the board's next change keeps it
    tui.send("a");
    tui.wait_text(&["Add ▸"]);
    tui.send(CTRL_U);
    tui.send("Typed on the board");
    tui.send(ENTER);
    tui.wait_saved("Added “Typed on the board”");
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("q");
    assert!(tui.wait_exit().success());
    let titles: Vec<String> = storage::load(&file)
        .unwrap()
        .topics
        .iter()
        .map(|t| t.title.clone())
        .collect();
    assert!(
        titles.contains(&"Written by hand".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Typed on the board".to_string()),
        "{titles:?}"
    );
}

/// A small deterministic sequence of "random" moments, so a failing round can be replayed.
fn moments(seed: u64) -> impl Iterator<Item = u64> {
    let mut x = seed;
    std::iter::repeat_with(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    })
}

#[test]
fn thirty_kill_nines_at_random_moments_lose_nothing_that_was_on_screen_for_a_second() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("kills.ron");
    small_edition(&file);
    let draft = sandbox.sessions().join(".kills.ron.draft");
    let mut entered: Vec<String> = Vec::new();
    let mut waits = moments(0x5eed_0f0a);
    for round in 0..30 {
        let mut tui = sandbox.open(&[&file]);
        // the first frame: the board, or the recovered line over it
        let screen = tui.wait_for("the first frame", |s| {
            mode_is(s, "BOARD") || mode_is(s, "ADD TOPICS")
        });
        // what the last round was typing comes back; it is entered now
        if screen.contains("Recovered what was being typed") || mode_is(&screen, "ADD TOPICS") {
            let line = tui.wait_for("the recovered line", |s| s.contains("Add ▸"));
            let title = format!("Draft of round {}", round - 1);
            assert!(line.contains(&title), "round {round}: {line}");
            tui.send(ENTER);
            tui.wait_saved(&format!("Added “{title}"));
            entered.push(title);
        } else {
            tui.send("a");
            tui.wait_text(&["Add ▸"]);
        }
        tui.send(CTRL_U);
        let title = format!("Topic of round {round}");
        tui.send(&title);
        tui.send(ENTER);
        tui.wait_saved(&format!("Added “{title}"));
        entered.push(title);
        // now a line that is typed and not entered, then a kill at a random moment
        tui.send(CTRL_U);
        let typed = format!("Draft of round {round}");
        tui.send(&typed);
        // from the moment it is on screen
        tui.wait_text(&[&format!("Add ▸ {typed}")]);
        let wait = waits.next().unwrap_or(0) % 1_600;
        std::thread::sleep(Duration::from_millis(wait));
        kill(&tui, "-9");
        tui.wait_exit();
        // the edition always loads, with every topic that was saved
        let e = storage::load(&file).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let titles: Vec<&str> = e.topics.iter().map(|t| t.title.as_str()).collect();
        for t in &entered {
            assert!(titles.contains(&t.as_str()), "round {round}: {t} lost");
        }
        assert_eq!(titles.len(), entered.len(), "round {round}: nothing twice");
        // typing on screen for more than a second (and the tick that writes it) is in the draft
        if wait >= 1_400 {
            wait_file(&draft, &format!("Draft of round {round}"));
        }
        if !std::fs::read_to_string(&draft).is_ok_and(|t| t.contains(&format!("round {round}"))) {
            // the draft did not make it (killed within its second): it is typed again
            let _ = std::fs::remove_file(&draft);
        }
    }
    // a kill in the middle of a write can leave its temporary file: the next
    // start removes it, and nothing is left but the edition, its backup, lock and draft
    let mut last = sandbox.open(&[&file]);
    last.wait_for("the first frame", |s| {
        mode_is(s, "BOARD") || mode_is(s, "ADD TOPICS")
    });
    last.send("\x03");
    last.wait_exit();
    let files = sandbox.files();
    assert!(
        files.iter().all(|f| [
            "kills.ron",
            "kills.ron.bak",
            ".kills.ron.lock",
            ".kills.ron.draft"
        ]
        .contains(&f.as_str())),
        "{files:?}"
    );
}

#[test]
fn changes_made_while_saving_fails_are_all_saved_once_it_works_again() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("retry.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    let away = sandbox.root().join("away");
    std::fs::rename(sandbox.sessions(), &away).unwrap();
    tui.send("a");
    tui.wait_text(&["Add ▸"]);
    for title in ["First while failing", "Second while failing"] {
        tui.send(CTRL_U);
        tui.send(title);
        tui.send(ENTER);
        tui.wait_text(&[&format!("Added “{title}"), "NOT SAVED"]);
    }
    std::fs::rename(&away, sandbox.sessions()).unwrap();
    // the retry writes everything, with no key pressed
    tui.wait_for("the retry", |s| {
        s.contains("✓ saved") && !s.contains("NOT SAVED")
    });
    let titles: Vec<String> = storage::load(&file)
        .unwrap()
        .topics
        .iter()
        .map(|t| t.title.clone())
        .collect();
    assert_eq!(titles, ["First while failing", "Second while failing"]);
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_line_entered_is_no_longer_a_draft_even_when_killed_at_once() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("entered.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸"]);
    tui.send(CTRL_U);
    tui.send("Entered once");
    let draft = sandbox.sessions().join(".entered.ron.draft");
    wait_file(&draft, "Entered once");
    tui.send(ENTER);
    tui.wait_saved("Added “Entered once”");
    kill(&tui, "-9");
    tui.wait_exit();
    assert!(!draft.exists(), "the entered line left no draft behind");
    let mut again = sandbox.open(&[&file]);
    let screen = again.wait_for("the board", |s| mode_is(s, "BOARD"));
    assert!(!screen.contains("Recovered"), "{screen}");
    again.send("q");
    assert!(again.wait_exit().success());
    assert_eq!(
        storage::load(&file).unwrap().topics.len(),
        1,
        "entered once"
    );
}

#[test]
fn a_draft_that_cannot_be_written_is_tried_again() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("retry-draft.ron");
    small_edition(&file);
    let draft = sandbox.sessions().join(".retry-draft.ron.draft");
    // the draft's place is taken: every write fails
    std::fs::create_dir(&draft).unwrap();
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸"]);
    tui.send(CTRL_U);
    tui.send("Typed while the disk is full");
    tui.wait_text(&["Add ▸ Typed while the disk is full"]);
    std::thread::sleep(Duration::from_millis(1_200));
    assert!(draft.is_dir(), "nothing half-written in its place");
    // writing works again: the next tick writes it, with no key pressed
    std::fs::remove_dir(&draft).unwrap();
    wait_file(&draft, "Typed while the disk is full");
    tui.send("\x03");
    tui.wait_exit();
}

#[test]
fn opening_another_edition_while_saving_fails_keeps_the_changes_and_says_where() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("first.ron");
    small_edition(&file);
    let mut other = storage::load(&file).unwrap();
    other.name = "Second Meetup".into();
    other
        .add_topic(openspace::model::TopicDraft {
            title: "Findable elsewhere".into(),
            ..Default::default()
        })
        .unwrap();
    storage::save(&sandbox.sessions().join("second.ron"), &other).unwrap();
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" BOARD ", "✓ saved"]);
    // the other editions are read after the first frame
    tui.send("/");
    let screen = tui.wait_for("the search prompt", |s| s.contains("Search every edition"));
    assert!(screen.contains("Search every edition"), "{screen}");
    tui.send("Findable");
    tui.send(ENTER);
    tui.wait_text(&["Findable elsewhere"]);
    // the folder goes away: this edition's changes cannot be saved
    let away = sandbox.root().join("away");
    std::fs::rename(sandbox.sessions(), &away).unwrap();
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("+");
    tui.send("a");
    tui.wait_text(&["Add ▸"]);
    tui.send(CTRL_U);
    tui.send("Not saved yet");
    tui.send(ENTER);
    tui.wait_text(&["NOT SAVED"]);
    tui.send(ESC);
    tui.wait_for("the board", |s| mode_is(s, "BOARD"));
    tui.send("/");
    tui.wait_text(&["Search every edition"]);
    tui.send(CTRL_U);
    tui.send("Findable");
    tui.send(ENTER);
    tui.wait_text(&["Findable elsewhere"]);
    tui.send(ENTER);
    // leaving is refused by the missing file, and the changes are kept and said
    tui.wait_text(&["the unsaved changes are kept in"]);
    let folder = sandbox.root().join(".local/share/openspace/recovered");
    assert!(
        std::fs::read_dir(&folder).is_ok_and(|mut d| d.next().is_some()),
        "a recovery was written"
    );
    std::fs::rename(&away, sandbox.sessions()).unwrap();
    tui.send("\x03");
    tui.wait_exit();
}

#[test]
fn a_start_right_after_a_crash_waits_for_the_lock_of_the_ending_process() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("crashed.ron");
    small_edition(&file);
    // the lock of a process that is still ending, let go half a second after the start
    let held = storage::EditionLock::try_acquire(&file)
        .unwrap()
        .expect("the lock");
    let mut tui = sandbox.open(&[&file]);
    std::thread::sleep(Duration::from_millis(500));
    drop(held);
    let screen = tui.wait_text(&[" BOARD ", "✓ saved"]);
    assert!(
        !screen.contains("READ-ONLY"),
        "editable from the start: {screen}"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_session_over_two_slots_captured_on_the_board_is_one_session_in_the_file() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("spans.ron");
    small_edition(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" Kill Switch Meetup · ", " BOARD ", "✓ saved"]);
    tui.send("a");
    tui.wait_text(&["Add ▸  #Atrium 09:30"]);
    // the range replaces the prefilled cell's time: typed first, it wins
    tui.send("Kubernetes lab @Ann #Library 09:30-11:15");
    tui.wait_text(&["Library, ", "09:30–11:15 (2 slots)"]);
    tui.send(ENTER);
    tui.wait_saved("Added “Kubernetes lab” to Library");
    tui.send(ESC);
    // one card over both rows: the title once, with the session's times
    let screen = tui.wait_text(&["Kubernetes lab", "09:30–11:15"]);
    // (the grid's lines: the footer's toast names it too)
    let grid: Vec<&str> = screen.lines().filter(|l| l.contains('│')).collect();
    assert_eq!(
        grid.iter().filter(|l| l.contains("Kubernetes lab")).count(),
        1,
        "the title is drawn once:\n{screen}"
    );
    wait_file(&file, "span: 2");
    let e = storage::load(&file).expect("the file loads");
    let labs: Vec<&Topic> = e
        .topics
        .iter()
        .map(|t| &**t)
        .filter(|t| t.title == "Kubernetes lab")
        .collect();
    assert_eq!(labs.len(), 1, "one session, not two cards: {e:#?}");
    assert_eq!(labs[0].slots(), 2);
    assert_eq!(cell_of(&e, labs[0]), Some(cell("09:30–10:15", "Library")));
    assert_eq!(e.version, 2, "a file with a span says version 2");
    // its second slot holds it too
    let second = e.slots[1].id.clone();
    let library = e.spaces[1].id.clone();
    assert_eq!(
        e.topic_at(&second, &library).map(|t| t.title.as_str()),
        Some("Kubernetes lab")
    );
}

#[test]
fn x_on_the_board_writes_the_record_beside_the_edition_and_says_where() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("record.ron");
    one_session(&file);
    let mut tui = sandbox.open(&[&file]);
    tui.wait_text(&[" Kill Switch Meetup · ", " BOARD "]);
    tui.send("X");
    tui.wait_text(&["Wrote 6 files to"]);
    let dir = sandbox.sessions().join("record-export");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the export folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "record-actions.csv",
            "record-sessions.csv",
            "record-signs.html",
            "record.html",
            "record.ics",
            "record.md"
        ]
    );
    let md = std::fs::read_to_string(dir.join("record.md")).unwrap();
    assert!(md.contains("Service mesh"), "{md}");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// `openspace scribe FILE --space atrium --name atrium-laptop`, the clock in
/// the first session.
fn scribe_board(sandbox: &Sandbox, file: &Path) -> Tui {
    let args = [
        Path::new("scribe"),
        file,
        Path::new("--space"),
        Path::new("atrium"),
        Path::new("--name"),
        Path::new("atrium-laptop"),
    ];
    Tui::spawn_with(
        sandbox.root(),
        &sandbox.sessions(),
        &args,
        &[("OPENSPACE_NOW", "2030-05-14T09:40:00")],
    )
}

#[test]
fn an_action_point_typed_on_a_scribes_board_reaches_the_facilitators_file() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("meetup.ron");
    one_session(&file);
    let mut board = Tui::spawn_with(
        sandbox.root(),
        &sandbox.sessions(),
        &[&file],
        &[("OPENSPACE_NOW", "2030-05-14T09:40:00")],
    );
    board.wait_text(&[" BOARD ", "Service mesh", "✓ saved"]);
    let mut scribe = scribe_board(&sandbox, &file);
    // the scribe's board opens on its room's session going on now
    scribe.wait_text(&[
        "SCRIBE · the Atrium scribe · atrium-laptop.ron",
        "Service mesh",
    ]);
    scribe.send(ENTER);
    scribe.wait_text(&["Action points"]);
    scribe.send("o");
    scribe.wait_for("the action line", |s| mode_is(s, "ADD ACTION POINTS"));
    scribe.send("Book the follow-up @Marta");
    scribe.send(ENTER);
    scribe.wait_text(&["Added action point “Book the follow-up”"]);
    // the facilitator's board looks for journals each second and saves what
    // it merged; polled, so that a busy machine only takes longer
    let start = Instant::now();
    wait_file(&file, "Book the follow-up");
    eprintln!("in the facilitator's file after {:?}", start.elapsed());
    board.wait_text(&["1 action point from the Atrium scribe"]);
    // a change that is the facilitator's is refused on the scribe's board
    scribe.send(ESC);
    scribe.wait_for("the session", |s| !mode_is(s, "ADD ACTION POINTS"));
    scribe.send(ESC);
    scribe.wait_for("the grid", |s| mode_is(s, "BOARD"));
    // nothing but its journal is written from a scribe's board: not a record
    scribe.send("X");
    scribe.wait_text(&["Scribe: a scribe's board adds notes"]);
    assert!(!sandbox.sessions().join("meetup-export").exists());
    // nor a vote (the file is checked below)
    scribe.send("+");
    scribe.send("q");
    assert!(scribe.wait_exit().success());
    board.send("q");
    assert!(board.wait_exit().success());
    let e = storage::load(&file).expect("the facilitator's file loads");
    let points: Vec<_> = e
        .actions()
        .filter(|(_, a)| a.text == "Book the follow-up")
        .collect();
    assert_eq!(points.len(), 1, "merged once");
    assert_eq!(points[0].1.owner.as_deref(), Some("Marta"));
    assert_eq!(
        e.topics[0].votes, 0,
        "the scribe's + did not reach the file"
    );
    let journal = storage::read_journal(&storage::journal_path(&file, "atrium-laptop"))
        .expect("the scribe's journal reads");
    assert_eq!(journal.entries.len(), 1);
}

#[test]
fn a_scribes_typing_survives_sigkill_and_comes_back_on_its_board() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("meetup.ron");
    one_session(&file);
    let mut scribe = scribe_board(&sandbox, &file);
    scribe.wait_text(&["SCRIBE", "Service mesh"]);
    scribe.send(ENTER);
    scribe.wait_text(&["Action points"]);
    scribe.send("o");
    scribe.wait_for("the action line", |s| mode_is(s, "ADD ACTION POINTS"));
    scribe.send("Half an action point, still being");
    // the draft is kept beside the scribe's journal, not the edition
    let draft = sandbox
        .sessions()
        .join("meetup.scribes")
        .join(".atrium-laptop.ron.draft");
    wait_file(&draft, "Half an action point, still being");
    assert!(
        !sandbox.sessions().join(".meetup.ron.draft").exists(),
        "the facilitator's draft is left alone"
    );
    kill(&scribe, "-9");
    scribe.wait_exit();
    let mut again = scribe_board(&sandbox, &file);
    again.wait_text(&[
        "Recovered what was being typed",
        "Half an action point, still being",
    ]);
    again.send(" said");
    again.send(ENTER);
    again.wait_text(&["Added action point “Half an action point, still being said”"]);
    again.send(ESC);
    again.wait_for("the session", |s| !mode_is(s, "ADD ACTION POINTS"));
    again.send(ESC);
    again.wait_for("the grid", |s| mode_is(s, "BOARD"));
    again.send("q");
    assert!(again.wait_exit().success());
    let journal = storage::read_journal(&storage::journal_path(&file, "atrium-laptop"))
        .expect("the scribe's journal reads");
    assert_eq!(journal.entries.len(), 1);
    // the edition itself was never written by the scribe
    let e = storage::load(&file).expect("loads");
    assert!(e.actions().next().is_none());
    assert!(!draft.exists(), "a clean quit leaves no draft behind");
}

#[test]
fn one_journal_has_one_writer_and_an_old_copy_of_it_starts_a_new_one() {
    let sandbox = Sandbox::new();
    let file = sandbox.sessions().join("meetup.ron");
    one_session(&file);
    let mut first = scribe_board(&sandbox, &file);
    first.wait_text(&["SCRIBE", "Service mesh"]);
    // a second board for the same laptop's journal is refused before it starts
    let second = std::process::Command::new(BIN)
        .args(["--dir"])
        .arg(sandbox.sessions())
        .arg("scribe")
        .arg(&file)
        .args(["--name", "atrium-laptop"])
        .env("HOME", sandbox.root())
        .output()
        .expect("run a second scribe's board");
    assert!(!second.status.success());
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("another scribe's board on this laptop"),
        "{said}"
    );
    first.send("q");
    assert!(first.wait_exit().success());
    // the facilitator took more of this journal than the copy here holds
    // (an old copy brought back): a new journal starts, so that nothing new
    // is numbered as already taken
    let journal_path = storage::journal_path(&file, "atrium-laptop");
    let mut old = openspace::model::journal::Journal::new("atrium-laptop", "", "old-copy".into());
    let topic = storage::load(&file).unwrap().topics[0].id;
    old.push(
        topic,
        openspace::model::journal::Change::Note {
            text: "First words.".into(),
        },
    );
    storage::write_journal(&journal_path, &old).unwrap();
    let mut e = storage::load(&file).unwrap();
    let mark = openspace::model::journal::Mark {
        merged: 5,
        ..Default::default()
    };
    e.scribes.insert("old-copy".into(), mark);
    storage::save(&file, &e).unwrap();
    let mut again = scribe_board(&sandbox, &file);
    again.wait_text(&["a new one is started"]);
    again.send("q");
    assert!(again.wait_exit().success());
    let now = storage::read_journal(&journal_path).expect("the journal reads");
    assert_ne!(now.id, "old-copy");
    assert!(now.entries.is_empty());
}
