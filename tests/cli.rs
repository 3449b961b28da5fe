//! The command line, run as the real binary on temporary folders: every run
//! gets `--dir <tmp>` (or $OPENSPACE_DIR) and a temporary working directory,
//! so nothing outside them is read or written.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use jiff::civil::{Date, date, time};
use openspace::model::{
    ActionDraft, ActionId, ActionPoint, Edition, Origin, SlotKind, Status, TopicDraft,
};
use openspace::storage;
use openspace::text::width;
use tempfile::TempDir;

/// A temporary working directory with an empty sessions folder inside.
struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("tempdir");
        fs::create_dir(root.path().join("sessions")).expect("sessions folder");
        Sandbox { root }
    }
    fn root(&self) -> &Path {
        self.root.path()
    }
    fn sessions(&self) -> PathBuf {
        self.root().join("sessions")
    }
    /// The binary, working in the sandbox, with `--dir` set to its sessions folder.
    fn run(&self) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--dir").arg(self.sessions());
        cmd
    }
    /// The binary working in the sandbox, sessions folder not given
    /// ($OPENSPACE_DIR is cleared; callers set it or pass --dir).
    fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("openspace").expect("the openspace binary");
        cmd.current_dir(self.root())
            .env_remove("OPENSPACE_DIR")
            .env("NO_COLOR", "1")
            .timeout(Duration::from_secs(60));
        cmd
    }
    fn save(&self, file: &str, e: &Edition) -> PathBuf {
        let path = self.sessions().join(file);
        storage::save(&path, e).expect("save the test edition");
        path
    }
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn ran(cmd: &mut Command) -> Ran {
    let out = cmd.output().expect("run openspace");
    Ran {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

impl Ran {
    fn expect_code(self, code: i32) -> Ran {
        assert_eq!(
            self.code,
            Some(code),
            "exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// new
// ---------------------------------------------------------------------------

#[test]
fn new_creates_an_edition_with_the_given_days_spaces_slots_and_theme() {
    let s = Sandbox::new();
    let r = ran(s.run().args([
        "new",
        "spring",
        "--name",
        "Spring Open Space",
        "--date",
        "2024-03-01",
        "--days",
        "2",
        "--spaces",
        "Atrium:40,Library:12",
        "--slots",
        "09:00-09:45,10:00-10:15=Coffee",
        "--theme",
        "How do we learn?",
    ]))
    .expect_code(0);
    let path = s.sessions().join("spring.ron");
    assert!(r.stdout.contains("Created"), "{}", r.stdout);
    assert!(
        r.stdout.contains(&path.display().to_string()),
        "{}",
        r.stdout
    );
    assert_eq!(names_in(&s.sessions()), vec!["spring.ron"]);
    assert_eq!(
        names_in(s.root()),
        vec!["sessions"],
        "nothing beside the folder"
    );

    let e = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(e.name, "Spring Open Space");
    assert_eq!(e.theme, "How do we learn?");
    assert_eq!(e.days, vec![date(2024, 3, 1), date(2024, 3, 2)]);
    let spaces: Vec<(&str, Option<u32>)> = e
        .spaces
        .iter()
        .map(|x| (x.name.as_str(), x.capacity))
        .collect();
    assert_eq!(spaces, vec![("Atrium", Some(40)), ("Library", Some(12))]);
    assert_eq!(e.slots.len(), 4, "two slots on each of two days");
    for day in &e.days {
        let slots = e.slots_of_day(*day);
        let got: Vec<(String, SlotKind)> =
            slots.iter().map(|x| (x.times(), x.kind.clone())).collect();
        assert_eq!(
            got,
            vec![
                ("09:00–09:45".to_string(), SlotKind::Session),
                ("10:00–10:15".to_string(), SlotKind::Break("Coffee".into())),
            ],
            "on {day}"
        );
    }
    assert!(e.topics.is_empty() && e.carried.is_empty());
}

#[test]
fn new_without_options_makes_one_empty_day_and_a_path_goes_where_it_says() {
    let s = Sandbox::new();
    ran(s.run().args([
        "new",
        "plans/autumn",
        "--name",
        "Autumn",
        "--date",
        "2024-10-07",
    ]))
    .expect_code(0);
    // a path with a folder is taken as given (relative to the working directory), .ron added
    let path = s.root().join("plans").join("autumn.ron");
    let e = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(e.name, "Autumn");
    assert_eq!(e.days, vec![date(2024, 10, 7)]);
    assert!(e.spaces.is_empty() && e.slots.is_empty());
    assert!(names_in(&s.sessions()).is_empty());
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let s = Sandbox::new();
    let path = s.sessions().join("taken.ron");
    fs::write(&path, "precious, and not even RON").expect("write");
    let r = ran(s
        .run()
        .args(["new", "taken", "--name", "Again", "--date", "2024-01-01"]))
    .expect_code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(r.stderr.contains("taken.ron"), "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "precious, and not even RON"
    );
    assert_eq!(
        names_in(&s.sessions()),
        vec!["taken.ron"],
        "no backup, no temp file"
    );
}

#[test]
fn new_explains_bad_spaces_and_slots_and_creates_nothing() {
    let s = Sandbox::new();
    let cases: [(&str, &str, &[&str]); 5] = [
        (
            "--spaces",
            "Atrium:forty",
            &["--spaces", "Atrium:forty", "number"],
        ),
        ("--spaces", ":12", &["--spaces", "name"]),
        (
            "--slots",
            "10:00-09:00",
            &["--slots", "end after it starts"],
        ),
        ("--slots", "9-10", &["--slots", "not a time"]),
        (
            "--slots",
            "09:00-10:00,09:30-10:30",
            &["--slots", "overlaps"],
        ),
    ];
    for (flag, value, words) in cases {
        let r = ran(s.run().args([
            "new",
            "bad",
            "--name",
            "Bad",
            "--date",
            "2024-01-01",
            flag,
            value,
        ]));
        assert_ne!(r.code, Some(0), "{flag} {value} must fail");
        for w in words {
            assert!(
                r.stderr.contains(w),
                "{flag} {value}: {w:?} missing in {}",
                r.stderr
            );
        }
        assert!(
            names_in(&s.sessions()).is_empty(),
            "{flag} {value} created a file"
        );
    }
}

#[test]
fn new_without_a_name_or_with_a_bad_date_is_a_usage_error() {
    let s = Sandbox::new();
    let r = ran(s.run().args(["new", "x", "--date", "2024-01-01"])).expect_code(2);
    assert!(r.stderr.contains("--name"), "{}", r.stderr);
    let r = ran(s
        .run()
        .args(["new", "x", "--name", "X", "--date", "2024-13-01"]))
    .expect_code(2);
    assert!(r.stderr.contains("--date"), "{}", r.stderr);
    ran(s.run().args([
        "new",
        "x",
        "--name",
        "X",
        "--date",
        "2024-01-01",
        "--days",
        "0",
    ]))
    .expect_code(2);
    assert!(names_in(&s.sessions()).is_empty());
}

/// The 2019 meeting: two days, two spaces, a plenary and a break; action
/// points open, done and dropped; one point already carried from 2018 (open)
/// and one carried and since done.
fn earlier() -> Edition {
    let d1 = date(2019, 5, 14);
    let d2 = date(2019, 5, 15);
    let t = |h, m| time(h, m, 0, 0);
    let mut e = Edition::new("Tech Leaders' Meeting 2019", d1);
    e.number = Some(11);
    e.theme = "How do we grow technical leaders?".into();
    e.venue = "Kraków".into();
    e.facilitators = vec!["Ania".into(), "Bartek".into()];
    e.previous = Some("tlm-2018".into());
    e.add_day(d2).expect("day");
    let atrium = e.add_space("Atrium", Some(40)).expect("space");
    e.spaces[0].notes = "projector broken".into();
    e.add_space("Library", Some(12)).expect("space");
    e.add_slot(
        d1,
        t(9, 0),
        t(9, 30),
        SlotKind::Plenary("Opening circle".into()),
    )
    .expect("slot");
    let s1 = e
        .add_slot(d1, t(9, 30), t(10, 15), SlotKind::Session)
        .expect("slot");
    e.add_slot(d1, t(10, 15), t(10, 30), SlotKind::Break("Coffee".into()))
        .expect("slot");
    e.add_slot(d2, t(9, 0), t(9, 45), SlotKind::Session)
        .expect("slot");

    let from_2018 = |id, text: &str, status| ActionPoint {
        status,
        origin: Some(Origin {
            edition: "tlm-2018".into(),
            action: ActionId(id + 10),
            topic: "Hiring".into(),
        }),
        ..ActionPoint::new(ActionId(id), text)
    };
    e.carried
        .push(from_2018(1, "Interview guide", Status::Open));
    e.carried
        .push(from_2018(2, "Old and finished", Status::Done));

    let topic = |title: &str| TopicDraft {
        title: title.into(),
        ..TopicDraft::default()
    };
    let mesh = e.add_topic(topic("Service mesh")).expect("topic");
    let tourism = e.add_topic(topic("Team tourism")).expect("topic");
    e.place(mesh, &s1, &atrium).expect("place");
    let action = |text: &str, owner: Option<&str>, due: Option<Date>| ActionDraft {
        text: text.into(),
        owner: owner.map(str::to_string),
        due,
    };
    e.add_action(
        mesh,
        action("Pilot in one team", Some("Marta"), Some(date(2019, 9, 1))),
    )
    .expect("action");
    let done = e
        .add_action(mesh, action("Book a room", None, None))
        .expect("action");
    e.complete_action(done).expect("done");
    let dropped = e
        .add_action(tourism, action("Buy a tool", None, None))
        .expect("action");
    e.drop_action(dropped).expect("dropped");
    e.add_action(
        tourism,
        action("Write down how tours work", Some("Ola"), None),
    )
    .expect("action");
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    e
}

#[test]
fn new_from_an_earlier_edition_copies_the_frame_and_carries_only_open_points() {
    let s = Sandbox::new();
    let old = earlier();
    let old_path = s.save("tlm-2019.ron", &old);
    let old_bytes = fs::read(&old_path).expect("read");
    let r = ran(s.run().args([
        "new",
        "tlm-2020",
        "--from",
        "tlm-2019.ron",
        "--name",
        "Tech Leaders' Meeting 2020",
        "--date",
        "2020-05-12",
    ]))
    .expect_code(0);
    assert!(
        r.stdout.contains("3 action points carried over"),
        "{}",
        r.stdout
    );
    assert_eq!(
        fs::read(&old_path).expect("read"),
        old_bytes,
        "the earlier file is untouched"
    );

    let new = storage::load(&s.sessions().join("tlm-2020.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(new.name, "Tech Leaders' Meeting 2020");
    assert_eq!(new.number, Some(12));
    assert_eq!(new.previous.as_deref(), Some("tlm-2019"));
    assert_eq!(new.theme, old.theme);
    assert_eq!(new.venue, old.venue);
    assert_eq!(new.facilitators, old.facilitators);
    assert_eq!(new.days, vec![date(2020, 5, 12), date(2020, 5, 13)]);
    // spaces copied, with their notes (a room's equipment stays with it)
    assert_eq!(new.spaces, old.spaces);
    // slots moved to the new dates, day for day
    assert_eq!(new.slots.len(), old.slots.len());
    for (a, b) in old.slots.iter().zip(&new.slots) {
        assert_eq!(
            (&a.id, a.start, a.end, &a.kind),
            (&b.id, b.start, b.end, &b.kind)
        );
        let old_index = old.days.iter().position(|d| *d == a.day);
        let new_index = new.days.iter().position(|d| *d == b.day);
        assert_eq!(old_index, new_index, "{} moved to another day", a.id);
    }
    assert!(new.topics.is_empty());

    // only the open points, each linked to where it was in 2019
    let carried: Vec<(&str, Status, &str, ActionId, &str)> = new
        .carried
        .iter()
        .map(|a| {
            let o = a
                .origin
                .as_ref()
                .expect("every carried point has an origin");
            (
                a.text.as_str(),
                a.status,
                o.edition.as_str(),
                o.action,
                o.topic.as_str(),
            )
        })
        .collect();
    let id_of = |text: &str| {
        old.actions()
            .find(|(_, a)| a.text == text)
            .map(|(_, a)| a.id)
            .expect("the earlier point")
    };
    assert_eq!(
        carried,
        vec![
            // the chain: carried from 2018 into 2019, still open, on into 2020
            (
                "Interview guide",
                Status::Open,
                "tlm-2019",
                ActionId(1),
                "Hiring"
            ),
            (
                "Pilot in one team",
                Status::Open,
                "tlm-2019",
                id_of("Pilot in one team"),
                "Service mesh"
            ),
            (
                "Write down how tours work",
                Status::Open,
                "tlm-2019",
                id_of("Write down how tours work"),
                "Team tourism"
            ),
        ]
    );
    let pilot = &new.carried[1];
    assert_eq!(pilot.owner.as_deref(), Some("Marta"));
    assert_eq!(pilot.due, Some(date(2019, 9, 1)));
    for gone in ["Book a room", "Buy a tool", "Old and finished"] {
        assert!(
            new.actions().all(|(_, a)| a.text != gone),
            "{gone} was carried"
        );
    }
    assert!(new.validate().is_empty());
}

#[test]
fn new_from_a_broken_file_says_where_and_creates_nothing() {
    let s = Sandbox::new();
    let broken = s.sessions().join("broken.ron");
    fs::write(&broken, "(\n  version: 1,\n  name: \"x\"\n  days: [],\n)\n").expect("write");
    let r = ran(s.run().args([
        "new",
        "next",
        "--from",
        "broken",
        "--name",
        "Next",
        "--date",
        "2024-01-01",
    ]))
    .expect_code(1);
    assert!(
        r.stderr.contains(&format!("{}:4:3:", broken.display())),
        "{}",
        r.stderr
    );
    assert_eq!(names_in(&s.sessions()), vec!["broken.ron"]);
}

// ---------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------

/// The six numbers at the end of a `list` line.
fn counts_of(line: &str) -> Vec<usize> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len().saturating_sub(6)..]
        .iter()
        .map(|w| {
            w.parse()
                .unwrap_or_else(|_| panic!("{w:?} in {line:?} is not a count"))
        })
        .collect()
}

#[test]
fn list_shows_editions_newest_first_with_counts_and_broken_files() {
    let s = Sandbox::new();
    s.save("tlm-2019.ron", &earlier());
    let mut newer = Edition::new("Spring 2024", date(2024, 3, 1));
    newer.add_space("Atrium", None).expect("space");
    s.save("a-spring.ron", &newer);
    fs::write(
        s.sessions().join("broken.ron"),
        "(version: 1, name: \"Broken\"",
    )
    .expect("write");
    fs::write(s.sessions().join("notes.txt"), "not an edition").expect("write");

    let r = ran(s.run().arg("list")).expect_code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "header and three files:\n{}", r.stdout);
    for word in [
        "FILE", "NAME", "DATES", "SPACES", "SLOTS", "PLACED", "PARKED", "OPEN", "DONE",
    ] {
        assert!(
            lines[0].contains(word),
            "{word} missing in header {:?}",
            lines[0]
        );
    }
    assert!(lines[1].starts_with("a-spring.ron"), "{}", r.stdout);
    assert!(lines[1].contains("Spring 2024") && lines[1].contains("2024-03-01"));
    assert_eq!(counts_of(lines[1]), vec![1, 0, 0, 0, 0, 0]);

    assert!(lines[2].starts_with("tlm-2019.ron"), "{}", r.stdout);
    assert!(lines[2].contains("Tech Leaders' Meeting 2019"));
    assert!(lines[2].contains("2019-05-14 – 2019-05-15"), "{}", lines[2]);
    // spaces, slots, placed, parked, open, done
    assert_eq!(counts_of(lines[2]), vec![2, 4, 1, 1, 3, 2]);

    assert!(lines[3].starts_with("broken.ron"), "{}", r.stdout);
    assert!(lines[3].contains("does not load"), "{}", lines[3]);
    assert!(!r.stdout.contains("notes.txt"));
}

#[test]
fn list_reads_the_folder_from_the_environment_and_an_empty_one_says_so() {
    let s = Sandbox::new();
    let r = ran(s.bare().env("OPENSPACE_DIR", s.sessions()).arg("list")).expect_code(0);
    assert!(r.stdout.contains("No editions"), "{}", r.stdout);
    s.save("only.ron", &Edition::new("Only one", date(2024, 1, 1)));
    let r = ran(s.bare().env("OPENSPACE_DIR", s.sessions()).arg("list")).expect_code(0);
    assert!(
        r.stdout.contains("only.ron") && r.stdout.contains("Only one"),
        "{}",
        r.stdout
    );
    // a missing folder lists nothing, and is not created
    let missing = s.root().join("nope");
    let r = ran(s.bare().arg("--dir").arg(&missing).arg("list")).expect_code(0);
    assert!(r.stdout.contains("No editions"), "{}", r.stdout);
    assert!(!missing.exists());
}

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

const PLACED_IN_A_BREAK: &str = r#"(
  version: 1,
  name: "Spring",
  days: ["2024-03-01"],
  spaces: [(id: "atrium", name: "Atrium")],
  slots: [
    (id: "d1-0900", day: "2024-03-01", start: "09:00", end: "09:45"),
    (id: "d1-1000", day: "2024-03-01", start: "10:00", end: "10:15", kind: Break("Coffee")),
  ],
  topics: [
    (id: 1, title: "Fine", placement: At(slot: "d1-0900", space: "atrium")),
    (id: 2, title: "Coffee chat",
      placement: At(slot: "d1-1000", space: "atrium")),
  ],
)
"#;

#[test]
fn check_says_ok_for_valid_files() {
    let s = Sandbox::new();
    let a = s.save("a.ron", &earlier());
    let b = s.save("b.ron", &Edition::new("Bee", date(2024, 1, 1)));
    let r = ran(s.run().arg("check").arg(&a).arg(&b)).expect_code(0);
    assert!(
        r.stdout.contains(&format!("{}: ok", a.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{}: ok (Bee)", b.display())),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.lines().count(), 2);
}

#[test]
fn check_prints_file_line_col_for_an_invalid_file_and_exits_1() {
    let s = Sandbox::new();
    let bad = s.sessions().join("bad.ron");
    fs::write(&bad, PLACED_IN_A_BREAK).expect("write");
    let r = ran(s.run().arg("check").arg(&bad)).expect_code(1);
    let expected = format!("{}:13:7: “Coffee chat” is placed in slot", bad.display());
    assert!(
        r.stdout.contains(&expected),
        "{expected:?} not in\n{}",
        r.stdout
    );
    assert!(r.stdout.contains("not a session slot"), "{}", r.stdout);
    assert_eq!(fs::read_to_string(&bad).expect("read"), PLACED_IN_A_BREAK);
    assert_eq!(names_in(&s.sessions()), vec!["bad.ron"]);
}

#[test]
fn check_reports_every_file_and_fails_if_any_fails() {
    let s = Sandbox::new();
    let good = s.save("good.ron", &earlier());
    let bad = s.sessions().join("bad.ron");
    fs::write(&bad, PLACED_IN_A_BREAK).expect("write");
    let typo = s.sessions().join("typo.ron");
    fs::write(&typo, "(\n  version: 1,\n  titel: \"x\",\n)\n").expect("write");
    let missing = s.sessions().join("missing.ron");
    let r = ran(s.run().arg("check").args([&good, &bad, &typo, &missing])).expect_code(1);
    assert!(
        r.stdout.contains(&format!("{}: ok", good.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{}:13:7: ", bad.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{}:3:3: ", typo.display())),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("`titel`"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains(&format!("{}: cannot read", missing.display())),
        "{}",
        r.stdout
    );
    // a valid file alone still passes
    ran(s.run().arg("check").arg(&good)).expect_code(0);
}

#[test]
fn check_without_files_is_a_usage_error() {
    let s = Sandbox::new();
    ran(s.run().arg("check")).expect_code(2);
}

#[test]
fn the_shipped_sessions_all_pass_check() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<PathBuf> = fs::read_dir(&shipped)
        .unwrap_or_else(|e| panic!("{}: {e}", shipped.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .ron files in {}", shipped.display());
    let s = Sandbox::new();
    let r = ran(s.run().arg("check").args(&files)).expect_code(0);
    for f in &files {
        assert!(
            r.stdout.contains(&format!("{}: ok", f.display())),
            "{}",
            r.stdout
        );
    }
}

// ---------------------------------------------------------------------------
// print
// ---------------------------------------------------------------------------

/// Five spaces (too many for 100 columns), titles with wide characters,
/// placed and parked topics, open, done, dropped and carried points.
fn board() -> Edition {
    let d1 = date(2024, 3, 1);
    let d2 = date(2024, 3, 2);
    let t = |h, m| time(h, m, 0, 0);
    let mut e = Edition::new("Spring Open Space 2024 — 春の会議 🌸", d1);
    e.theme = "What should we stop doing?".into();
    e.previous = Some("autumn-2023".into());
    e.add_day(d2).expect("day");
    let spaces: Vec<_> = ["Atrium", "Library", "会议室", "Garden 🌳", "Kitchen"]
        .iter()
        .enumerate()
        .map(|(i, n)| e.add_space(n, u32::try_from(i * 10).ok()).expect("space"))
        .collect();
    e.add_slot(
        d1,
        t(9, 0),
        t(9, 30),
        SlotKind::Plenary("Opening circle".into()),
    )
    .expect("slot");
    let s1 = e
        .add_slot(d1, t(9, 30), t(10, 15), SlotKind::Session)
        .expect("slot");
    e.add_slot(d1, t(10, 15), t(10, 30), SlotKind::Break("Coffee".into()))
        .expect("slot");
    let s2 = e
        .add_slot(d2, t(9, 0), t(9, 45), SlotKind::Session)
        .expect("slot");
    let mut topic = |title: &str, who: &str, votes| {
        let id = e
            .add_topic(TopicDraft {
                title: title.into(),
                conveners: vec![who.into()],
                ..TopicDraft::default()
            })
            .expect("topic");
        e.set_votes(id, votes).expect("votes");
        id
    };
    let mesh = topic("Service mesh", "Marta", 7);
    let tea = topic("会议 🎉 Party", "李雷", 3);
    let kitchen = topic("Cooking code", "Ola", 1);
    let day2 = topic("Staying techie", "Piotr", 0);
    topic("Parked: mobile apps", "Tomek", 5);
    topic("Parked: 日本語の話", "Kasia", 2);
    e.place(mesh, &s1, &spaces[0]).expect("place");
    e.place(tea, &s1, &spaces[2]).expect("place");
    e.place(kitchen, &s1, &spaces[4]).expect("place");
    e.place(day2, &s2, &spaces[1]).expect("place");
    let draft = |text: &str, owner: Option<&str>| ActionDraft {
        text: text.into(),
        owner: owner.map(str::to_string),
        due: Some(date(2024, 4, 1)),
    };
    e.add_action(mesh, draft("Pilot in one team", Some("Marta")))
        .expect("action");
    let done = e
        .add_action(mesh, draft("Book the big room", None))
        .expect("action");
    e.complete_action(done).expect("done");
    let dropped = e
        .add_action(tea, draft("Order 🍵 for everyone", None))
        .expect("action");
    e.drop_action(dropped).expect("dropped");
    e.carried.push(ActionPoint {
        origin: Some(Origin {
            edition: "autumn-2023".into(),
            action: ActionId(4),
            topic: "Hiring".into(),
        }),
        ..ActionPoint::new(ActionId(100), "Finish the interview guide")
    });
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    e
}

/// Prints at `cols` columns, checks every line fits, and when `all` is set
/// that everything on the board is there.
fn print_at(s: &Sandbox, cols: u16, all: bool) -> String {
    let r = ran(s
        .run()
        .args(["print", "spring", "--width", &cols.to_string()]))
    .expect_code(0);
    for line in r.stdout.lines() {
        assert!(
            width(line) <= usize::from(cols),
            "at --width {cols} this line is {} wide:\n{line}\n\n{}",
            width(line),
            r.stdout
        );
    }
    let must = [
        "Service mesh",
        "会议 🎉 Party",
        "Cooking code",
        "Staying techie",
        "Opening circle (plenary)",
        "Coffee (break)",
        "Parking lot (2)",
        "Parked: mobile apps",
        "Parked: 日本語の話",
        "Action points (2 open, 1 done, 1 dropped)",
        "Carried over from autumn-2023",
        "[ ] Finish the interview guide",
        "[ ] Pilot in one team — Marta, due 2024-04-01",
        "[x] Book the big room",
        "[-] Order 🍵 for everyone",
    ];
    for m in must.iter().filter(|_| all) {
        assert!(
            r.stdout.contains(m),
            "{m:?} missing at --width {cols}:\n{}",
            r.stdout
        );
    }
    r.stdout
}

#[test]
fn print_fits_the_width_and_shows_grid_parking_lot_and_action_points() {
    let s = Sandbox::new();
    s.save("spring.ron", &board());
    let narrow = print_at(&s, 100, true);
    assert!(
        narrow.contains("(spaces 1–"),
        "100 columns cannot hold five spaces:\n{narrow}"
    );
    assert!(narrow.contains("(spaces 1–4 of 5)") && narrow.contains("(spaces 5–5 of 5)"));
    let wide = print_at(&s, 200, true);
    assert!(
        !wide.contains("(spaces "),
        "200 columns hold all five:\n{wide}"
    );
    assert!(wide.contains("Kitchen (40)"), "{wide}");
    let narrowest = print_at(&s, 40, false);
    assert!(narrowest.contains("(spaces 1–1 of 5)"), "{narrowest}");
}

#[test]
fn print_of_a_broken_or_missing_file_fails_with_its_location() {
    let s = Sandbox::new();
    let bad = s.sessions().join("bad.ron");
    fs::write(&bad, PLACED_IN_A_BREAK).expect("write");
    let r = ran(s.run().args(["print", "bad", "--width", "100"])).expect_code(1);
    assert!(
        r.stderr.contains(&format!("{}:13:7:", bad.display())),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let r = ran(s.run().args(["print", "nope", "--width", "100"])).expect_code(1);
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
    ran(s.run().args(["print", "bad", "--width", "10"])).expect_code(2);
}

// ---------------------------------------------------------------------------
// help, version, usage errors
// ---------------------------------------------------------------------------

#[test]
fn help_and_version() {
    let s = Sandbox::new();
    let r = ran(s.run().arg("--help")).expect_code(0);
    for word in ["Usage", "list", "check", "new", "print", "--dir"] {
        assert!(
            r.stdout.contains(word),
            "{word} missing in --help:\n{}",
            r.stdout
        );
    }
    let r = ran(s.run().arg("--version")).expect_code(0);
    assert_eq!(
        r.stdout.trim(),
        format!("openspace {}", env!("CARGO_PKG_VERSION"))
    );
    let per_command: [(&str, &[&str]); 4] = [
        ("list", &["newest first"]),
        ("check", &["FILE:LINE:COL"]),
        (
            "new",
            &[
                "--name", "--date", "--days", "--spaces", "--slots", "--theme", "--from",
            ],
        ),
        ("print", &["--width"]),
    ];
    for (command, words) in per_command {
        let r = ran(s.run().args([command, "--help"])).expect_code(0);
        for w in words {
            assert!(
                r.stdout.contains(w),
                "{w} missing in {command} --help:\n{}",
                r.stdout
            );
        }
    }
    assert!(names_in(&s.sessions()).is_empty());
}

#[test]
fn unknown_flags_and_subcommands_are_usage_errors() {
    let s = Sandbox::new();
    let r = ran(s.run().arg("--frobnicate")).expect_code(2);
    assert!(r.stderr.contains("--frobnicate"), "{}", r.stderr);
    let r = ran(s.run().args(["list", "--all"])).expect_code(2);
    assert!(r.stderr.contains("--all"), "{}", r.stderr);
    ran(s.run().args([
        "new",
        "x",
        "--name",
        "X",
        "--date",
        "2024-01-01",
        "--colour",
        "red",
    ]))
    .expect_code(2);
    // a bare unknown word is taken as the FILE to open on the board, so a
    // mistyped subcommand shows as an unexpected argument after it
    let r = ran(s.run().args(["chekc", "a.ron"])).expect_code(2);
    assert!(r.stderr.contains("a.ron"), "{}", r.stderr);
    assert!(names_in(&s.sessions()).is_empty());
    assert_eq!(names_in(s.root()), vec!["sessions"]);
}

#[test]
fn help_says_where_the_config_file_is() {
    let home = tempfile::tempdir().expect("a home");
    let out = assert_cmd::Command::cargo_bin("openspace")
        .expect("the binary")
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .arg("--help")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("config.ron"), "{text}");
    assert!(
        text.contains(&home.path().join(".config/openspace").display().to_string()),
        "{text}"
    );
}

#[test]
fn search_in_text_whose_lowercase_is_longer_finds_it_without_a_panic() {
    let s = Sandbox::new();
    let mut e = board();
    let id = e.topics[0].id;
    e.set_notes(id, &format!("{}x", "İ".repeat(100))).unwrap();
    s.save("dotted.ron", &e);
    let out = ran(s.run().args(["search", "x"])).expect_code(0);
    assert!(out.stdout.contains("notes"), "{}", out.stdout);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

#[test]
fn text_commands_never_pass_a_files_control_bytes_to_the_terminal() {
    let s = Sandbox::new();
    let mut e = board();
    let hostile = "Evil\x1b]0;pwned\x07 \x1b]52;c;ZWNobyBoaQ==\x07\x1b[2J\r\u{9b}6n";
    e.name = format!("Edition {hostile}");
    let id = e.topics[0].id;
    e.topics[0] = std::sync::Arc::new(openspace::model::Topic {
        title: format!("Topic {hostile}"),
        ..(*e.topics[0]).clone()
    });
    e.set_notes(id, &format!("notes {hostile}")).unwrap();
    let path = s.save(&format!("evil\x1b[2J{}.ron", "x"), &e);
    // and a broken file whose name is hostile, for check's error lines
    fs::write(
        s.sessions().join("broken\x1b]0;t\x07.ron"),
        "(name: \"x\", ",
    )
    .unwrap();
    let path = path.to_string_lossy().into_owned();
    let outputs = [
        ran(s.run().args(["print", &path])).expect_code(0),
        ran(s.run().args(["list"])).expect_code(0),
        ran(s.run().args(["search", "evil"])).expect_code(0),
        ran(s.run().arg("check").arg(&path)),
        ran(s
            .run()
            .arg("check")
            .arg(s.sessions().join("broken\x1b]0;t\x07.ron")))
        .expect_code(1),
    ];
    for out in outputs {
        for text in [&out.stdout, &out.stderr] {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "a control character reached the terminal: {text:?}"
            );
        }
        assert!(
            out.stdout.contains("\\u{1b}") || out.stderr.contains("\\u{1b}"),
            "shown as a visible escape: {:?} {:?}",
            out.stdout,
            out.stderr
        );
    }
}

#[test]
fn the_board_without_a_terminal_says_so_in_one_line() {
    let s = Sandbox::new();
    let path = s.save("board.ron", &board());
    let out = ran(s.run().arg(&path)).expect_code(1);
    assert!(out.stderr.contains("needs a terminal"), "{}", out.stderr);
    assert!(out.stderr.contains("list"), "says which commands do not");
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
}

#[test]
fn check_prints_warnings_with_their_place_and_exits_0_unless_strict() {
    let s = Sandbox::new();
    let mut e = board();
    // one convener in two sessions of one slot
    let who = e
        .topics
        .iter()
        .find(|t| !t.placement.is_parked() && !t.conveners.is_empty())
        .unwrap();
    let (name, id) = (who.conveners[0].clone(), who.id);
    let openspace::model::Placement::At { slot, .. } = who.placement.clone() else {
        unreachable!()
    };
    let free = e
        .spaces
        .iter()
        .find(|p| e.topic_at(&slot, &p.id).is_none())
        .map(|p| p.id.clone())
        .expect("a free space in that slot");
    let twin = e
        .add_topic(openspace::model::TopicDraft {
            title: "A second session at once".into(),
            conveners: vec![name.clone()],
            ..Default::default()
        })
        .unwrap();
    e.place(twin, &slot, &free).unwrap();
    let path = s.save("clash.ron", &e);
    let out = ran(s.run().arg("check").arg(&path)).expect_code(0);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("warning:") && l.contains("convener-clash"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(line.starts_with(&format!("{}:", path.display())), "{line}");
    assert!(line.contains(&format!("{name} convenes")), "{line}");
    let _ = id;
    ran(s.run().args(["check", "--strict"]).arg(&path)).expect_code(1);
    // the config file can turn the rule off
    let config = s.root().join(".config/openspace");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.ron"),
        "(warnings_off: [\"convener-clash\"])",
    )
    .unwrap();
    let out = ran(s
        .run()
        .env("HOME", s.root())
        .env_remove("XDG_CONFIG_HOME")
        .args(["check", "--strict"])
        .arg(&path));
    assert!(!out.stdout.contains("convener-clash"), "{}", out.stdout);
}

#[test]
fn place_fills_the_grid_from_the_parking_lot_and_dry_run_changes_nothing() {
    let s = Sandbox::new();
    let path = s.save("fill.ron", &board());
    let before = fs::read(&path).unwrap();
    let parked = |p: &Path| {
        storage::load(p)
            .unwrap()
            .topics
            .iter()
            .filter(|t| t.placement.is_parked())
            .count()
    };
    let n = parked(&path);
    assert!(n > 0, "the test edition has a parking lot");
    let out = ran(s.run().args(["place", "--dry-run"]).arg(&path)).expect_code(0);
    assert!(
        out.stdout.contains(&format!("places {n}")),
        "{}",
        out.stdout
    );
    assert_eq!(fs::read(&path).unwrap(), before, "--dry-run writes nothing");
    let out = ran(s.run().arg("place").arg(&path)).expect_code(0);
    assert!(out.stdout.contains("saved"), "{}", out.stdout);
    assert_eq!(parked(&path), 0);
    // the same edition gives the same placement: a second run has nothing to do
    let out = ran(s.run().arg("place").arg(&path)).expect_code(0);
    assert!(out.stdout.contains("places 0, moves 0"), "{}", out.stdout);
}

#[test]
fn new_takes_a_slot_that_ends_at_midnight_or_after_it() {
    let s = Sandbox::new();
    ran(s.run().args([
        "new",
        "late",
        "--name",
        "Late Night",
        "--date",
        "2026-05-14",
        "--slots",
        "18:00-20:00, 20:00-24:00=Party!",
    ]))
    .expect_code(0);
    let e = storage::load(&s.sessions().join("late.ron")).unwrap();
    let party = e.slots.iter().find(|s| !s.kind.is_session()).unwrap();
    assert_eq!(party.times(), "20:00–00:00");
    assert_eq!(
        party.ends(),
        jiff::civil::date(2026, 5, 15).to_datetime(jiff::civil::time(0, 0, 0, 0))
    );
    ran(s.run().arg("check").arg(s.sessions().join("late.ron"))).expect_code(0);
}
