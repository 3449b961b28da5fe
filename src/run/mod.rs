//! The loop, above `app` and `ui`: one task owns the terminal; it waits for a terminal event, a
//! finished save, a signal or a timer, updates the state, and draws only
//! when something changed. Saves run off the UI path and report back.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{
    DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, EventStream,
};
use crossterm::execute;
use futures::StreamExt;
use ratatui::DefaultTerminal;
use tokio::time::Instant;

mod saving;
pub mod scribe;
mod terminal;

use crate::app::board::Board;
use crate::app::earlier::Earlier;
use crate::app::picker::Picker;
use crate::app::stack::{Overlay, View};
use crate::app::{App, Effect, Screen};
use crate::storage::{self, EditionLock};
use crate::ui::{self, theme::Theme};
use saving::{Drafts, Saving};
use terminal::{edit_in_editor, install_panic_hook, open_terminal, restore_terminal};

/// How long a toast stays.
const TOAST_FOR: Duration = Duration::from_secs(6);

/// What the board is opened on.
pub enum Start {
    Picker,
    File(PathBuf),
    /// A second window for the projector: present mode, read-only,
    /// following the file as another openspace saves it.
    Present(PathBuf),
    /// A scribe's board: the file followed, this laptop's journal written.
    Scribe {
        path: PathBuf,
        space: Option<String>,
        device: String,
    },
}

pub struct Options {
    pub folder: PathBuf,
    pub mouse: bool,
    pub theme: Theme,
    pub keymap: crate::app::keymap::Keymap,
    /// The warnings the config file turned off.
    pub warnings_off: Vec<crate::model::warnings::Rule>,
    /// The config's `fine_letters`: sextants and octants in the big letters.
    pub fine_letters: bool,
    /// Present mode without the conveners' names (`present --hide-conveners`).
    pub hide_conveners: bool,
    /// The projector's window turns its pages, each this many seconds.
    pub rotate: Option<u32>,
    /// What is wrong with the config file, shown once on screen.
    pub config_problem: Option<String>,
}

/// Writes every export format into the folder beside the edition; the
/// message says where, or why not.
fn export_beside(board: &Board) -> String {
    let stem = storage::stem(&board.path);
    let record = crate::export::Record::new(&board.edition, &stem, board.now.date());
    let dir = crate::export::folder_beside(&board.path);
    let stamp = jiff::Timestamp::now();
    match crate::export::files(&record, crate::export::Format::All, stamp)
        .and_then(|files| crate::export::write(&dir, &files).map_err(|e| e.to_string()))
    {
        Ok(written) => format!(
            "Wrote {} files to {}: proceedings (.md, .html), CSV, calendar (.ics), door signs",
            written.len(),
            dir.display()
        ),
        Err(e) => format!("⚠ Could not export to {}: {e}", dir.display()),
    }
}

/// What the options set on every board opened: the warnings checked and
/// how the projected screens look.
fn prepare(board: &mut Board, options: &Options) {
    board.warnings_off = options.warnings_off.clone();
    board.stack.fine_letters = options.fine_letters;
    board.stack.hide_conveners |= options.hide_conveners;
    board.stack.rotate_every = options.rotate.unwrap_or(20);
    if board.stack.follower && options.rotate.is_some() {
        board.rotate(options.rotate);
    }
    board.check_warnings();
}

/// How long a start waits for the lock of a process that is just ending.
const LOCK_WAIT: Duration = Duration::from_millis(1500);

/// Takes the edition's lock, waiting a moment for a process that is just
/// ending (a start right after a crash finds the lock still held).
fn lock_for_a_moment(path: &Path) -> std::io::Result<Option<EditionLock>> {
    let until = std::time::Instant::now() + LOCK_WAIT;
    loop {
        match EditionLock::try_acquire(path)? {
            Some(lock) => return Ok(Some(lock)),
            None if std::time::Instant::now() >= until => return Ok(None),
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// Why a board without the lock is read-only.
const HELD: &str = "another openspace has this file open; changes here would overwrite it";

/// Loads an edition for the board with the other editions of its folder
/// (the loop itself loads those after the first frame: `open_edition`).
pub fn open_board(
    path: &Path,
    folder: &Path,
    today: jiff::civil::Date,
) -> Result<(Board, Option<EditionLock>), String> {
    let (mut board, lock) = open_edition(path, today)?;
    board.take_earlier(earlier_of(path, folder));
    Ok((board, lock))
}

/// The other editions of the folder: conveners for Tab, and the history of
/// the event. Files that do not load are left out.
pub fn earlier_of(path: &Path, folder: &Path) -> Vec<crate::history::Known> {
    let me = storage::stem(path);
    // the open edition is not read again
    storage::list_but(folder, |p| storage::stem(p) == me)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| {
            let file = storage::stem(&l.path);
            l.edition
                .ok()
                .map(|edition| crate::history::Known { file, edition })
        })
        .filter(|k| k.file != me)
        .collect()
}

/// Loads an edition for the board, locking it; read-only when another
/// process holds the lock. The holder cleans what interrupted saves left,
/// and is offered the changes a run that could not save them kept.
pub fn open_edition(
    path: &Path,
    today: jiff::civil::Date,
) -> Result<(Board, Option<EditionLock>), String> {
    let edition = storage::load(path).map_err(|e| e.to_string())?;
    let mut board = Board::new(edition, path.to_path_buf());
    // an edition whose days are past opens for review: read-only until E
    board.review = board.edition.last_day().is_some_and(|d| d < today);
    let lock = match lock_for_a_moment(path) {
        Ok(Some(lock)) => Some(lock),
        Ok(None) => {
            board.read_only = Some(HELD.into());
            None
        }
        Err(e) => {
            board.read_only = Some(format!("cannot lock the file ({e})"));
            None
        }
    };
    if lock.is_some() {
        storage::clean_leftovers(path);
        offer_recovery(&mut board);
    }
    Ok((board, lock))
}

/// A recovery left by a run that could not save: offered when it holds
/// more than the file, removed when it holds nothing new.
fn offer_recovery(board: &mut Board) {
    let Some((path, text)) = storage::find_recovery(&board.path) else {
        return;
    };
    match storage::from_ron(&text) {
        Ok(kept) if kept == board.edition => {
            let _ = storage::forget_recovery(&path);
        }
        Ok(kept) => board.offer_recovery(path, kept),
        Err(problems) => board.warn(format!(
            "a recovery in {} does not load ({}): it is left as it is",
            path.display(),
            problems.first().map_or("", |p| p.message.as_str())
        )),
    }
}

/// Runs the interactive board until the facilitator quits. Errors opening
/// a file named on the command line come back before the screen is touched.
pub fn run(start: Start, options: Options) -> Result<(), String> {
    let today = WallClock::from_env().now().date();
    let mut watched = None;
    // a scribe's board holds its journal's lock for as long as it runs
    let mut journal_lock: Option<EditionLock> = None;
    let (screen, lock) = match start {
        Start::File(path) => {
            // the other editions are read after the first frame, off the UI task
            let (mut board, lock) = open_edition(&path, today)?;
            board.earlier_loaded = false;
            (Screen::Board(Box::new(board)), lock)
        }
        Start::Present(path) => {
            let edition = storage::load(&path).map_err(|e| e.to_string())?;
            let mut board = Board::new(edition, path.clone());
            board.read_only =
                Some("this window presents the file; edit it in the other window".into());
            board.stack.view = View::Present;
            board.stack.follower = true;
            watched = Some(path);
            (Screen::Board(Box::new(board)), None)
        }
        Start::Scribe {
            path,
            space,
            device,
        } => {
            let (board, held) = scribe::open_scribe(&path, space.as_deref(), &device)?;
            journal_lock = Some(held);
            watched = Some(path);
            (Screen::Board(Box::new(board)), None)
        }
        Start::Picker => {
            let listed = storage::summaries(&options.folder)
                .map_err(|e| format!("{}: {e}", options.folder.display()))?;
            (
                Screen::Picker(Box::new(Picker::from_listing(
                    options.folder.clone(),
                    listed,
                ))),
                None,
            )
        }
    };
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(
            "the board needs a terminal to run in; `openspace list`, `check`, `new`, \
                    `print` and `search` work without one"
                .into(),
        );
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut terminal = take_terminal(options.mouse);
    install_panic_hook();
    let size = terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let mut app = App::new(screen, size, today);
    app.set_now(WallClock::from_env().now());
    if let Some(board) = app.board_mut()
        && board.scribe.is_some()
    {
        board.go_to_room();
    }
    app.mouse = options.mouse;
    app.keymap = options.keymap.clone();
    if let Some(board) = app.board_mut() {
        prepare(board, &options);
    }
    if let (Some(problem), Some(board)) = (&options.config_problem, app.board_mut()) {
        board.warn(format!("config: {problem} — using the defaults"));
    }
    let result = runtime.block_on(event_loop(&mut terminal, &mut app, lock, &options, watched));
    drop(journal_lock);
    restore_terminal();
    result
}

/// The terminal in the board's modes: alternate screen, raw, paste, and the mouse if wanted.
fn take_terminal(mouse: bool) -> DefaultTerminal {
    let terminal = open_terminal();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    terminal
}

/// Before leaving an edition (quitting, or opening another): a last save;
/// what still cannot be saved goes to a recovery file; unfinished typing is
/// kept as a draft for the next start. What went wrong, in one line.
async fn leave(board: &mut Board, saving: &mut Saving, drafts: &mut Drafts) -> Option<String> {
    if let Some(s) = board.scribe.as_ref() {
        // a scribe's laptop writes its journal, never the edition
        let at = s.journal_path.display().to_string();
        drafts.keep(board);
        if scribe::keep_journal(board) {
            return None;
        }
        // kept elsewhere, so that nothing typed is lost
        let text = board.scribe.as_ref().and_then(|s| {
            ron::ser::to_string_pretty(&s.journal, ron::ser::PrettyConfig::default()).ok()
        });
        let kept = text.map(|t| storage::write_recovery(Path::new(&at), &t));
        return Some(match kept {
            Some(Ok(copy)) => format!(
                "could not write the journal {at}: it is kept whole in {}; put it in its place \
                 to send it",
                copy.display()
            ),
            _ => format!("could not write the journal {at} nor keep it anywhere"),
        });
    }
    saving.flush(board).await;
    drafts.keep(board);
    if board.read_only.is_some() || !board.save.dirty() {
        return None;
    }
    let why = board.save.error.clone().unwrap_or_default();
    let file = board.path.display().to_string();
    let kept = storage::to_ron(&board.edition)
        .map_err(|e| std::io::Error::other(e.to_string()))
        .and_then(|text| storage::write_recovery(&board.path, &text));
    Some(match kept {
        Ok(at) => format!(
            "could not save {file} ({why}); the unsaved changes are kept in {} and offered \
             at the next start",
            at.display()
        ),
        Err(e) => format!(
            "could not save {file} ({why}) nor keep the changes anywhere ({e}): the last \
             changes are lost"
        ),
    })
}

/// Suspends the board (SIGTSTP: job control) and takes the terminal back
/// when the shell resumes it.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) {
    restore_terminal();
    // SAFETY: raise only sends a signal to this process; SIGSTOP cannot be
    // caught, and the process continues here when `fg` sends SIGCONT.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    *terminal = take_terminal(mouse);
    let _ = terminal.clear();
}

async fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut lock: Option<EditionLock>,
    options: &Options,
    watched: Option<PathBuf>,
) -> Result<(), String> {
    use tokio::signal::unix::{SignalKind, signal};
    let theme = options.theme;
    let mut events = EventStream::new();
    let on = |kind: SignalKind| signal(kind).map_err(|e| e.to_string());
    // every way a terminal or a user stops a program ends the board politely
    let (mut term, mut hangup) = (on(SignalKind::terminate())?, on(SignalKind::hangup())?);
    let (mut interrupt, mut quit) = (on(SignalKind::interrupt())?, on(SignalKind::quit())?);
    let mut stop = on(SignalKind::from_raw(libc::SIGTSTP))?;
    let mut saving = app.board().map(Saving::for_board).unwrap_or_default();
    // a board that found the lock held tries again now and then
    let mut waiting = watched.is_none() && lock.is_none();
    let mut toast_seen = 0u64;
    let mut toast_until: Option<Instant> = None;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    // the file is watched: the projector window follows it, the facilitator's
    // board takes in what another program wrote into it
    let (changed_tx, mut changed) = tokio::sync::mpsc::unbounded_channel::<()>();
    // (kept alive for the loop's life; replaced when another edition opens)
    let mut _watcher = app
        .board()
        .and_then(|b| watch(&b.path, changed_tx.clone()).ok());
    // a change that arrives while a save runs is looked at once it is done
    let mut recheck = false;
    let clock = WallClock::from_env();
    let mut drafts = Drafts::default();
    if let Some(board) = app.board_mut() {
        drafts.recover(board);
    }
    // the other editions of the folder, read off the UI task after the first frame
    let mut earlier = app.board().filter(|b| !b.earlier_loaded).map(|b| {
        let (path, folder) = (b.path.clone(), options.folder.clone());
        tokio::task::spawn_blocking(move || Earlier::of(earlier_of(&path, &folder)))
    });
    let mut redraw = true;
    let mut memo = ui::Memo::default();
    let mut journals = Journals::default();
    loop {
        app.set_now(clock.now());
        if let Some(board) = app.board_mut() {
            saving.kick(board);
            if board.stack.toast_seq != toast_seen {
                toast_seen = board.stack.toast_seq;
                toast_until = Some(Instant::now() + TOAST_FOR);
            }
        }
        if redraw {
            terminal
                .draw(|f| ui::render_with(app, &theme, &mut memo, f))
                .map_err(|e| e.to_string())?;
        }
        let wake = [toast_until, saving.retry_at].into_iter().flatten().min();
        let save_done = async {
            match saving.task.as_mut() {
                Some(task) => task.await,
                None => std::future::pending().await,
            }
        };
        let timer = async {
            match wake {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        let earlier_done = async {
            match earlier.as_mut() {
                Some(task) => task.await,
                None => std::future::pending().await,
            }
        };
        let mut effects = Vec::new();
        // every wake-up changes something on screen, except bare mouse motion
        redraw = true;
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => {
                    if let crossterm::event::Event::Resize(w, h) = event {
                        terminal::resize(terminal, w, h);
                    }
                    redraw = !matches!(
                        event,
                        crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
                            kind: crossterm::event::MouseEventKind::Moved,
                            ..
                        })
                    );
                    effects = app.handle(&event);
                    if let Some(board) = app.board_mut() {
                        drafts.forget_entered(board);
                        scribe::keep_journal(board);
                    }
                }
                Some(Err(e)) => return Err(e.to_string()),
                None => break,
            },
            known = earlier_done => {
                earlier = None;
                if let Some(board) = app.board_mut() {
                    board.take_folder(known.unwrap_or_default());
                }
            }
            done = save_done => {
                saving.task = None;
                if let (Ok(done), Some(board)) = (done, app.board_mut()) {
                    let saved = saving.finished(board, done);
                    if recheck || !saved {
                        recheck = false;
                        outside(board, &mut saving);
                    }
                }
            }
            () = timer => {
                if toast_until.is_some_and(|t| Instant::now() >= t) {
                    toast_until = None;
                    if let Some(board) = app.board_mut() {
                        board.stack.toast = None;
                    }
                }
            }
            _ = tick.tick(), if app.board().is_some() => {
                if let Some(board) = app.board_mut() {
                    effects = board.tick();
                    drafts.keep(board);
                    scribe::keep_journal(board);
                    if waiting && let Some(got) = take_lock_now(board) {
                        lock = Some(got);
                        waiting = false;
                    }
                    if lock.is_some() {
                        journals.look(board);
                    }
                }
            }
            Some(()) = changed.recv() => {
                match (&watched, app.board_mut()) {
                    // the projector window follows the file
                    (Some(path), Some(board)) => reload(board, path),
                    // the facilitator's board: another program wrote the file
                    (None, Some(_)) if saving.task.is_some() => recheck = true,
                    (None, Some(board)) => outside(board, &mut saving),
                    _ => {}
                }
            }
            _ = term.recv() => effects.push(Effect::Quit),
            _ = hangup.recv() => effects.push(Effect::Quit),
            _ = interrupt.recv() => effects.push(Effect::Quit),
            _ = quit.recv() => effects.push(Effect::Quit),
            _ = stop.recv() => {
                // the event reader must not hold the terminal while stopped
                drop(events);
                suspend(terminal, options.mouse && app.mouse);
                events = EventStream::new();
            }
        }
        for effect in effects {
            // a scribe's laptop writes its journal and nothing else in the folder
            if let Some(board) = app.board_mut().filter(|b| b.scribe.is_some())
                && matches!(
                    effect,
                    Effect::OpenAt(..) | Effect::Create(_) | Effect::Export
                )
            {
                board.warn(
                    "A scribe's board stays on its edition and writes only its journal: \
                     open, start or export editions on the facilitator's laptop",
                );
                continue;
            }
            match effect {
                Effect::Quit => {
                    if let Some(board) = app.board_mut()
                        && let Some(lost) = leave(board, &mut saving, &mut drafts).await
                    {
                        return Err(lost);
                    }
                    return Ok(());
                }
                Effect::ForgetRecovery(path) => {
                    let _ = storage::forget_recovery(&path);
                }
                Effect::Export => {
                    if let Some(board) = app.board_mut() {
                        let message = export_beside(board);
                        board.toast(message);
                    }
                }
                Effect::Bell => {
                    let mut out = io::stdout();
                    let _ = out.write_all(b"\x07");
                    let _ = out.flush();
                }
                Effect::ToggleMouse => {
                    let mut out = io::stdout();
                    let _ = if app.mouse {
                        execute!(out, EnableMouseCapture)
                    } else {
                        execute!(out, DisableMouseCapture)
                    };
                    let _ = out.flush();
                }
                Effect::OpenAt(path, topic) => {
                    switch(
                        app,
                        &path,
                        options,
                        &mut lock,
                        &mut saving,
                        &mut drafts,
                        topic,
                    )
                    .await;
                    waiting = lock.is_none();
                    _watcher = watch(&path, changed_tx.clone()).ok();
                }
                Effect::EditNotes { topic, text } => {
                    // the editor owns the terminal and stdin meanwhile: no event reader may run
                    drop(events);
                    let edited = edit_in_editor(&text, options.mouse && app.mouse);
                    *terminal = open_terminal();
                    let _ = terminal.clear();
                    events = EventStream::new();
                    if let Some(board) = app.board_mut() {
                        match edited {
                            Ok(text) => board.notes_from_editor(topic, &text),
                            Err(e) => board.warn(e),
                        }
                    }
                }
                Effect::Create(args) => {
                    match crate::commands::create_edition(&args, &options.folder) {
                        Ok((path, _)) => {
                            switch(
                                app,
                                &path,
                                options,
                                &mut lock,
                                &mut saving,
                                &mut drafts,
                                None,
                            )
                            .await;
                            waiting = lock.is_none();
                            _watcher = watch(&path, changed_tx.clone()).ok();
                            if let Some(board) = app.board_mut() {
                                board.toast(format!(
                                    "Created {} — the next edition",
                                    path.display()
                                ));
                            }
                        }
                        Err(e) => match &mut app.screen {
                            Screen::Picker(p) => {
                                if let Some(form) = &mut p.new {
                                    form.error = Some(e.0);
                                }
                            }
                            Screen::Board(b) => {
                                if let Some(form) = b.stack.next_form_mut() {
                                    form.error = Some(e.0);
                                }
                            }
                        },
                    }
                }
            }
        }
    }
    Ok(())
}

/// The scribes' journals as last read: each second the board looks for
/// journals that changed and merges them; one that does not read (half
/// copied, broken, newer) is said once and merged once it reads.
#[derive(Default)]
struct Journals {
    seen: std::collections::HashMap<PathBuf, (u64, Option<std::time::SystemTime>)>,
}

impl Journals {
    fn look(&mut self, board: &mut Board) {
        let found =
            storage::read_journals(&board.path, |p, stamp| self.seen.get(p) == Some(&stamp));
        let mut read = Vec::new();
        for f in found {
            self.seen.insert(f.path.clone(), f.stamp);
            match f.journal {
                Ok(j) => read.push(j),
                // the reason can quote the file: filtered before it is shown
                Err(why) => board.warn(
                    crate::text::printable(&format!(
                        "the journal {} is left for now: {why}",
                        f.path.display()
                    ))
                    .into_owned(),
                ),
            }
        }
        if !read.is_empty() {
            board.take_journals(&read);
        }
    }
}

/// The venue's wall-clock time. OPENSPACE_NOW="2019-05-14T14:30" starts the
/// clock at another moment (to rehearse a day, or in tests); it then runs on.
struct WallClock {
    offset: jiff::SignedDuration,
}

impl WallClock {
    fn from_env() -> WallClock {
        let real = jiff::Zoned::now().datetime();
        let offset = std::env::var("OPENSPACE_NOW")
            .ok()
            .and_then(|v| v.trim().parse::<jiff::civil::DateTime>().ok())
            .map(|fake| real.duration_until(fake))
            .unwrap_or_default();
        WallClock { offset }
    }

    fn now(&self) -> jiff::civil::DateTime {
        let real = jiff::Zoned::now().datetime();
        real.checked_add(self.offset).unwrap_or(real)
    }
}

/// Watches the folder of `path` (saves rename a new file over it) and
/// signals every change to that file.
fn watch(
    path: &Path,
    changed: tokio::sync::mpsc::UnboundedSender<()>,
) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher;
    let name = path.file_name().map(|n| n.to_os_string());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && event
                .paths
                .iter()
                .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
        {
            let _ = changed.send(());
        }
    })?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    watcher.watch(dir, notify::RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// The file changed on disk: when another program wrote it (its bytes are
/// not what this board last wrote or read), the board takes the changes in,
/// merged with its own; a file caught half-way or broken is said, and the
/// board keeps its version.
fn outside(board: &mut Board, saving: &mut Saving) {
    let Ok(bytes) = storage::read_plain(&board.path) else {
        return;
    };
    let fingerprint = storage::fingerprint(&bytes);
    if saving.seen == Some(fingerprint) {
        return;
    }
    let text = String::from_utf8_lossy(&bytes);
    match storage::from_ron(&text) {
        Ok(theirs) => {
            saving.seen = Some(fingerprint);
            board.file_changed(theirs);
        }
        Err(problems) => board.warn(format!(
            "the file was changed outside and does not load now ({}): the board keeps its \
             version, and its next change is saved over it",
            problems.first().map_or("", |p| p.message.as_str())
        )),
    }
}

/// Takes the file's new content into a read-only board; a file caught
/// half-way or broken keeps what was shown, with a note.
fn reload(board: &mut Board, path: &Path) {
    match storage::load(path) {
        Ok(edition) if board.scribe.is_some() => board.follow(edition),
        Ok(edition) => {
            if edition != board.edition {
                board.edition = edition;
                board.edition_changed();
                board.save.saved = board.save.generation;
            }
        }
        Err(e) => board.warn(format!(
            "the file does not load now: {}",
            e.to_string().lines().next().unwrap_or_default()
        )),
    }
}

/// Tries the lock again for a read-only board; when it is free, the file
/// is read again (the other openspace may have changed it) and the board
/// becomes editable, with a word.
fn take_lock_now(board: &mut Board) -> Option<EditionLock> {
    if board.read_only.as_deref() != Some(HELD) {
        return None;
    }
    let lock = EditionLock::try_acquire(&board.path).ok().flatten()?;
    if let Ok(edition) = storage::load(&board.path) {
        if edition != board.edition {
            board.edition = edition;
            board.edition_changed();
        }
        board.save.saved = board.save.generation;
    }
    board.read_only = None;
    storage::clean_leftovers(&board.path);
    board.toast("Editable now: the other openspace let go of this edition");
    Some(lock)
}

/// Opens another edition on the board (from the picker, a search result or
/// a new edition), taking its lock; on failure the current screen says why.
/// The edition being left gets its last save (or a recovery) and keeps its draft.
async fn switch(
    app: &mut App,
    path: &Path,
    options: &Options,
    lock: &mut Option<EditionLock>,
    saving: &mut Saving,
    drafts: &mut Drafts,
    topic: Option<crate::model::TopicId>,
) {
    let mut lost = None;
    if let Some(board) = app.board_mut() {
        lost = leave(board, saving, drafts).await;
    }
    match open_board(path, &options.folder, app.today) {
        Ok((mut board, new_lock)) => {
            board.stack.viewport = app.size;
            board.now = app.board().map_or(board.now, |b| b.now);
            prepare(&mut board, options);
            board.open_at(topic);
            board.keep_cursor_in_view();
            *saving = Saving::for_board(&board);
            *drafts = Drafts::default();
            drafts.recover(&mut board);
            if let Some(lost) = lost {
                board.notice("The last changes of the edition left", lost);
            }
            *lock = new_lock;
            app.screen = Screen::Board(Box::new(board));
        }
        Err(e) => match &mut app.screen {
            Screen::Picker(p) => {
                p.new = None;
                p.error = Some(e);
            }
            Screen::Board(b) => {
                b.stack
                    .close_where(|o| matches!(o, Overlay::NextEdition(_)));
                match lost {
                    Some(lost) => b.notice("Unsaved changes kept for later", lost),
                    None => b.warn(e.lines().next().unwrap_or_default()),
                }
            }
        },
    }
}
