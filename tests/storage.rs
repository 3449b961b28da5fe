//! Editions on disk: the RON format round-trips every edition, bad files are
//! refused with FILE:LINE:COL messages and left untouched, saves are atomic
//! and keep a backup, and the sessions folder lists newest first.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::{Date, Time, date, time};
use openspace::model::{
    ActionDraft, ActionId, ActionPoint, Edition, MergedFrom, Origin, Placement, Retrospective,
    Slot, SlotId, SlotKind, Space, SpaceId, Status, Topic, TopicDraft, TopicId, TopicKind,
};
use openspace::storage::{self, LoadError};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Generated editions
// ---------------------------------------------------------------------------

/// Text that has broken serializers before: quotes, backslashes, newlines,
/// control characters, emoji, CJK, combining marks, things that look like RON.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("say \"hi\" and \"bye\"".to_string()),
        Just(r#"C:\path\to\file \\ \n is not a newline \""#.to_string()),
        Just("line one\nline two\r\nline three\n".to_string()),
        Just("tab\there, form\u{c}feed".to_string()),
        Just("🎉🚀👩‍💻 emoji, 🇵🇱 flag, ❤️".to_string()),
        Just("会议室 — 技术领导会议".to_string()),
        Just("Zürich Café naïve e\u{301} Ångström".to_string()),
        Just("r#\"raw\"# ) ] } , : // /* not a comment */".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\u{7f}\u{85}".to_string()),
        Just("\u{feff}bom inside, \u{202e}rtl, \u{200b}zero width".to_string()),
        Just("Some(\"x\"), None, At(slot: \"d1\")".to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => tricky(),
        2 => "[a-zA-Z ]{0,12}",
        2 => any::<String>(),
        1 => vec(tricky(), 0..4).prop_map(|parts| parts.concat()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    text().prop_filter("an edition needs a name", |s| !s.trim().is_empty())
}

fn a_date() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Open),
        Just(Status::Done),
        Just(Status::Dropped)
    ]
}

fn topic_kind() -> impl Strategy<Value = TopicKind> {
    proptest::sample::select(TopicKind::ALL.to_vec())
}

/// An action point without its id (ids are handed out when the edition is built).
#[derive(Debug, Clone)]
struct ActionRecipe {
    id_gap: u32,
    text: String,
    owner: Option<String>,
    due: Option<Date>,
    status: Status,
    origin: Option<Origin>,
}

prop_compose! {
    fn origin()(edition in text(), action in any::<u32>(), topic in text()) -> Origin {
        Origin { edition, action: ActionId(action), topic }
    }
}

prop_compose! {
    fn action()(
        id_gap in 0u32..4,
        text in text(),
        owner in option::of(text()),
        due in option::of(a_date()),
        status in status(),
        origin in option::of(origin()),
    ) -> ActionRecipe {
        ActionRecipe { id_gap, text, owner, due, status, origin }
    }
}

#[derive(Debug, Clone)]
struct TopicRecipe {
    id_gap: u32,
    title: String,
    conveners: Vec<String>,
    description: String,
    kind: TopicKind,
    votes: u32,
    pinned: bool,
    span: u32,
    notes: String,
    participants: Option<u32>,
    actions: Vec<ActionRecipe>,
    merged_from: Vec<MergedFrom>,
    /// Which session cell it would like; it is parked when that one is taken.
    wants_cell: Option<usize>,
}

prop_compose! {
    fn merged_from()(id in any::<u32>(), title in text(), conveners in vec(text(), 0..3)) -> MergedFrom {
        MergedFrom { id: TopicId(id), title, conveners }
    }
}

prop_compose! {
    fn topic_text()(
        title in text(),
        conveners in vec(text(), 0..4),
        description in text(),
        notes in text(),
    ) -> (String, Vec<String>, String, String) {
        (title, conveners, description, notes)
    }
}

prop_compose! {
    fn topic()(
        id_gap in 0u32..5,
        (title, conveners, description, notes) in topic_text(),
        kind in topic_kind(),
        votes in prop_oneof![0u32..20, any::<u32>()],
        pinned in any::<bool>(),
        span in prop_oneof![3 => Just(1u32), 1 => 2u32..4],
        participants in option::of(any::<u32>()),
        actions in vec(action(), 0..4),
        merged_from in vec(merged_from(), 0..3),
        wants_cell in option::of(any::<usize>()),
    ) -> TopicRecipe {
        TopicRecipe {
            id_gap, title, conveners, description, kind, votes, pinned, span, notes,
            participants, actions, merged_from, wants_cell,
        }
    }
}

#[derive(Debug, Clone)]
struct SpaceRecipe {
    id_suffix: String,
    name: String,
    capacity: Option<u32>,
    notes: String,
}

prop_compose! {
    fn space()(id_suffix in text(), name in text(), capacity in option::of(any::<u32>()), notes in text()) -> SpaceRecipe {
        SpaceRecipe { id_suffix, name, capacity, notes }
    }
}

#[derive(Debug, Clone)]
struct SlotRecipe {
    id_suffix: String,
    /// 0: session (most of them), 1: plenary, 2: break.
    kind: u8,
    label: String,
    gap_minutes: i32,
    minutes: i32,
}

prop_compose! {
    fn slot()(
        id_suffix in text(),
        kind in prop_oneof![3 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        label in text(),
        gap_minutes in 0i32..=30,
        minutes in 5i32..=55,
    ) -> SlotRecipe {
        SlotRecipe { id_suffix, kind, label, gap_minutes, minutes }
    }
}

#[derive(Debug, Clone)]
struct EditionRecipe {
    name: String,
    number: Option<u32>,
    theme: String,
    venue: String,
    facilitators: Vec<String>,
    notes: String,
    previous: Option<String>,
    first_day: Date,
    slots_per_day: Vec<Vec<SlotRecipe>>,
    spaces: Vec<SpaceRecipe>,
    topics: Vec<TopicRecipe>,
    carried: Vec<ActionRecipe>,
    retrospective: Retrospective,
}

prop_compose! {
    fn frame()(
        name in name(),
        number in option::of(any::<u32>()),
        theme in text(),
        venue in text(),
        facilitators in vec(text(), 0..3),
        notes in text(),
        previous in option::of(text()),
        first_day in a_date(),
    ) -> (String, Option<u32>, String, String, Vec<String>, String, Option<String>, Date) {
        (name, number, theme, venue, facilitators, notes, previous, first_day)
    }
}

prop_compose! {
    fn recipe()(
        (name, number, theme, venue, facilitators, notes, previous, first_day) in frame(),
        slots_per_day in vec(vec(slot(), 0..5), 1..=3),
        spaces in vec(space(), 0..5),
        topics in vec(topic(), 0..7),
        carried in vec(action(), 0..4),
        worked in vec(text(), 0..3),
        better in vec(text(), 0..3),
    ) -> EditionRecipe {
        EditionRecipe {
            name, number, theme, venue, facilitators, notes, previous, first_day,
            slots_per_day, spaces, topics, carried,
            retrospective: Retrospective { worked, better },
        }
    }
}

fn clock(minutes_after_midnight: i32) -> Time {
    let h = i8::try_from(minutes_after_midnight / 60).expect("slots stay within the day");
    let m = i8::try_from(minutes_after_midnight % 60).expect("minutes fit");
    time(h, m, 0, 0)
}

/// A valid edition from a recipe: unique ids everywhere, slots on the
/// edition's days, placements only into existing session cells, one topic per cell.
fn build(r: EditionRecipe) -> Edition {
    let mut e = Edition::new(r.name, r.first_day);
    e.number = r.number;
    e.theme = r.theme;
    e.venue = r.venue;
    e.facilitators = r.facilitators;
    e.notes = r.notes;
    e.previous = r.previous;
    e.retrospective = r.retrospective;
    e.days = (0..r.slots_per_day.len())
        .map(|i| {
            let offset = i64::try_from(i).expect("few days");
            r.first_day
                .checked_add(jiff::Span::new().days(offset))
                .expect("dates stay in range")
        })
        .collect();

    e.spaces = r
        .spaces
        .into_iter()
        .enumerate()
        .map(|(i, s)| Space {
            id: SpaceId(format!("s{i}-{}", s.id_suffix)),
            name: s.name,
            capacity: s.capacity,
            notes: s.notes,
        })
        .collect();

    for (d, (day, slots)) in e.days.clone().iter().zip(r.slots_per_day).enumerate() {
        let mut cursor = 8 * 60;
        for (k, s) in slots.into_iter().enumerate() {
            let start = cursor + s.gap_minutes;
            let end = start + s.minutes;
            cursor = end;
            let kind = match s.kind {
                0 => SlotKind::Session,
                1 => SlotKind::Plenary(s.label),
                _ => SlotKind::Break(s.label),
            };
            e.slots.push(Slot {
                id: SlotId(format!("d{}-{k}-{}", d + 1, s.id_suffix)),
                day: *day,
                start: clock(start),
                end: clock(end),
                kind,
            });
        }
    }

    let cells: Vec<(SlotId, SpaceId)> = e
        .slots
        .iter()
        .filter(|s| s.kind.is_session())
        .flat_map(|s| e.spaces.iter().map(|p| (s.id.clone(), p.id.clone())))
        .collect();
    let mut taken = BTreeSet::new();
    let mut next_action = 0u32;
    let mut action = |a: ActionRecipe| {
        next_action += 1 + a.id_gap;
        ActionPoint {
            id: ActionId(next_action),
            text: a.text,
            owner: a.owner,
            due: a.due,
            status: a.status,
            origin: a.origin,
        }
    };
    e.carried = r.carried.into_iter().map(&mut action).collect();
    let mut next_topic = 0u32;
    for t in r.topics {
        next_topic += 1 + t.id_gap;
        let placement = match t.wants_cell {
            Some(n) if !cells.is_empty() => {
                let (slot, space) = cells[n % cells.len()].clone();
                if taken.insert((slot.clone(), space.clone())) {
                    Placement::At { slot, space }
                } else {
                    Placement::Parked
                }
            }
            _ => Placement::Parked,
        };
        e.topics.push(Arc::new(Topic {
            id: TopicId(next_topic),
            title: t.title,
            conveners: t.conveners,
            description: t.description,
            kind: t.kind,
            votes: t.votes,
            placement,
            span: t.span,
            pinned: t.pinned,
            notes: t.notes,
            participants: t.participants,
            actions: t.actions.into_iter().map(&mut action).collect(),
            merged_from: t.merged_from,
        }));
    }
    e
}

fn edition() -> impl Strategy<Value = Edition> {
    recipe().prop_map(build)
}

fn fail(what: &str, e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(format!("{what}: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_edition_survives_save_and_load(e in edition()) {
        prop_assert!(e.validate().is_empty(), "the generator made an invalid edition: {:?}", e.validate());

        let text = storage::to_ron(&e).map_err(|x| fail("to_ron", x))?;
        let back = storage::from_ron(&text).map_err(|p| fail("from_ron", format!("{p:?}\n{text}")))?;
        prop_assert_eq!(&back, &e);
        // the text is canonical: writing what was read gives the same text
        prop_assert_eq!(storage::to_ron(&back).map_err(|x| fail("to_ron", x))?, text.clone());

        let dir = tempfile::tempdir().map_err(|x| fail("tempdir", x))?;
        let path = dir.path().join("edition.ron");
        storage::save(&path, &e).map_err(|x| fail("save", x))?;
        let first = fs::read(&path).map_err(|x| fail("read", x))?;
        prop_assert_eq!(&first, text.as_bytes());
        let loaded = storage::load(&path).map_err(|x| fail("load", x))?;
        prop_assert_eq!(&loaded, &e);

        storage::save(&path, &loaded).map_err(|x| fail("second save", x))?;
        let second = fs::read(&path).map_err(|x| fail("read", x))?;
        prop_assert_eq!(first, second, "saving twice must give the same bytes");
    }
}

// ---------------------------------------------------------------------------
// A fixed edition, built with the model's own operations
// ---------------------------------------------------------------------------

fn sample() -> Edition {
    let d1 = date(2019, 5, 14);
    let d2 = date(2019, 5, 15);
    let t = |h, m| time(h, m, 0, 0);
    let mut e = Edition::new("Tech Leaders' Meeting 2019", d1);
    e.number = Some(11);
    e.theme = "How do we grow \"technical\" leaders?".into();
    e.add_day(d2).expect("day");
    let atrium = e.add_space("Atrium", Some(40)).expect("space");
    let library = e.add_space("会议室", Some(12)).expect("space");
    let s1 = e
        .add_slot(d1, t(9, 30), t(10, 15), SlotKind::Session)
        .expect("slot");
    e.add_slot(
        d1,
        t(10, 15),
        t(10, 30),
        SlotKind::Break("Coffee ☕".into()),
    )
    .expect("slot");
    let s2 = e
        .add_slot(d2, t(9, 0), t(9, 45), SlotKind::Session)
        .expect("slot");
    let topic = |title: &str, who: &str| TopicDraft {
        title: title.into(),
        conveners: vec![who.into()],
        ..TopicDraft::default()
    };
    let a = e
        .add_topic(topic("Service mesh 🎉", "Marta"))
        .expect("topic");
    let b = e.add_topic(topic("Team tourism", "Ola")).expect("topic");
    e.add_topic(topic("Parked one", "Piotr")).expect("topic");
    e.place(a, &s1, &atrium).expect("place");
    e.place(b, &s2, &library).expect("place");
    e.set_votes(a, 7).expect("votes");
    e.add_action(
        b,
        ActionDraft {
            text: "Write down how tours work\nwith \\ backslashes".into(),
            owner: Some("Ola".into()),
            due: Some(date(2019, 6, 30)),
        },
    )
    .expect("action");
    e
}

#[test]
fn the_fixed_sample_is_valid_and_saves_deterministically() {
    let e = sample();
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    let dir = tempfile::tempdir().expect("tempdir");
    let one = dir.path().join("one.ron");
    let two = dir.path().join("two.ron");
    storage::save(&one, &e).expect("first save");
    storage::save(&two, &e).expect("second save");
    storage::save(&two, &e).expect("third save");
    let a = fs::read(&one).expect("read one");
    let b = fs::read(&two).expect("read two");
    assert_eq!(a, b, "the same edition must always give the same bytes");

    let text = storage::to_ron(&e).expect("to_ron");
    assert_eq!(text.as_bytes(), a.as_slice());
    assert!(
        text.ends_with(")\n"),
        "a file ends with a newline: {text:?}"
    );
    assert_eq!(storage::from_ron(&text).expect("parses back"), e);
    assert_eq!(storage::load(&one).expect("loads"), e);
}

// ---------------------------------------------------------------------------
// Hand-written files
// ---------------------------------------------------------------------------

const HAND_WRITTEN: &str = r#"// Written by hand: optional fields left out.
(
  version: 1,
  name: "Spring Open Space",
  days: ["2024-03-01"],
  spaces: [
    (id: "atrium", name: "Atrium", capacity: 40),
    (id: "library", name: "Library", capacity: Some(12)),
    (id: "garden", name: "Garden"),
  ],
  slots: [
    (id: "d1-0900", day: "2024-03-01", start: "09:00", end: "09:45"),
    (id: "d1-1000", day: "2024-03-01", start: "10:00", end: "10:15", kind: Break("Coffee")),
    (id: "d1-1015", day: "2024-03-01", start: "10:15", end: "11:00"),
  ],
  topics: [
    (id: 1, title: "Service mesh", conveners: ["Marta"], votes: 3,
     placement: At(slot: "d1-0900", space: "atrium")),
    (id: 2, title: "Team tourism"),
    (
      id: 3,
      title: "Staying technical",
      actions: [(id: 1, text: "Start a reading group", owner: "Piotr", due: "2024-04-01")],
    ),
  ],
)
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("write the test file");
    path
}

fn check_hand_written(e: &Edition) {
    assert_eq!(e.name, "Spring Open Space");
    assert_eq!(e.days, vec![date(2024, 3, 1)]);
    assert_eq!(e.number, None);
    assert!(e.theme.is_empty() && e.facilitators.is_empty() && e.carried.is_empty());
    let caps: Vec<(&str, Option<u32>)> = e
        .spaces
        .iter()
        .map(|s| (s.id.0.as_str(), s.capacity))
        .collect();
    assert_eq!(
        caps,
        vec![
            ("atrium", Some(40)),
            ("library", Some(12)),
            ("garden", None)
        ]
    );
    assert_eq!(e.slots.len(), 3);
    assert_eq!(e.slots[0].kind, SlotKind::Session);
    assert_eq!(e.slots[0].start, time(9, 0, 0, 0));
    assert_eq!(e.slots[1].kind, SlotKind::Break("Coffee".into()));
    let t1 = e.topic(TopicId(1)).expect("topic 1");
    assert_eq!(t1.votes, 3);
    assert_eq!(t1.conveners, vec!["Marta"]);
    assert!(t1.placement.is_at(&"d1-0900".into(), &"atrium".into()));
    let t2 = e.topic(TopicId(2)).expect("topic 2");
    assert!(t2.placement.is_parked());
    assert_eq!(
        (t2.votes, t2.kind, t2.pinned),
        (0, TopicKind::Discussion, false)
    );
    let (owner, action) = e.action(ActionId(1)).expect("action 1");
    assert_eq!(owner.map(|t| t.id), Some(TopicId(3)));
    assert_eq!(action.owner.as_deref(), Some("Piotr"));
    assert_eq!(action.due, Some(date(2024, 4, 1)));
    assert_eq!(action.status, Status::Open);
    let c = e.counts();
    assert_eq!((c.placed, c.parked, c.open), (1, 2, 1));
}

#[test]
fn a_short_hand_written_file_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "spring.ron", HAND_WRITTEN);
    let e = storage::load(&path).unwrap_or_else(|e| panic!("should load:\n{e}"));
    check_hand_written(&e);
    // loading never rewrites the file
    assert_eq!(fs::read_to_string(&path).expect("read"), HAND_WRITTEN);
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "bom.ron", &format!("\u{feff}{HAND_WRITTEN}"));
    let e = storage::load(&path).unwrap_or_else(|e| panic!("should load:\n{e}"));
    check_hand_written(&e);
}

#[test]
fn bare_and_some_optionals_read_the_same() {
    let bare = HAND_WRITTEN.replace("capacity: Some(12)", "capacity: 12");
    let some = HAND_WRITTEN.replace("capacity: 40", "capacity: Some(40)");
    assert_ne!(bare, HAND_WRITTEN);
    assert_ne!(some, HAND_WRITTEN);
    let bare = storage::from_ron(&bare).expect("bare capacities");
    let some = storage::from_ron(&some).expect("Some(..) capacities");
    assert_eq!(bare, some);
    assert_eq!(bare.spaces[0].capacity, Some(40));
    assert_eq!(bare.spaces[1].capacity, Some(12));
    // and the writer uses the bare form
    let text = storage::to_ron(&bare).expect("to_ron");
    assert!(text.contains("capacity: 40,"), "{text}");
    assert!(!text.contains("Some("), "{text}");
}

// ---------------------------------------------------------------------------
// Bad files: located errors, and the file is left as it was
// ---------------------------------------------------------------------------

/// Loads a bad file and returns the error text, checking that loading left
/// the file byte-for-byte as it was and wrote nothing beside it.
fn refused(name: &str, text: &str) -> (PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), name, text);
    let err = match storage::load(&path) {
        Ok(e) => panic!("{name} should not load, got {e:?}"),
        Err(err) => err,
    };
    assert!(
        matches!(err, LoadError::Invalid { .. }),
        "expected an invalid file, got {err:?}"
    );
    assert_eq!(
        fs::read(&path).expect("read back"),
        text.as_bytes(),
        "a file that did not load must be left untouched"
    );
    assert_eq!(
        folder_names(dir.path()),
        vec![name.to_string()],
        "nothing may be written beside a file that did not load"
    );
    // keep the printable path; the folder goes away with `dir`
    (path, err.to_string())
}

fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Asserts the message has a `FILE:LINE:COL: ` line containing every `words`.
fn assert_located(path: &Path, message: &str, line: usize, col: usize, words: &[&str]) {
    let prefix = format!("{}:{line}:{col}: ", path.display());
    let found = message.lines().find(|l| l.starts_with(&prefix));
    let Some(found) = found else {
        panic!("expected a line starting with {prefix:?} in:\n{message}");
    };
    for w in words {
        assert!(found.contains(w), "{w:?} missing from {found:?}");
    }
}

#[test]
fn a_missing_comma_is_a_syntax_error_with_line_and_column() {
    let text = "(\n  version: 1,\n  name: \"Spring\"\n  days: [\"2024-03-01\"],\n)\n";
    let (path, message) = refused("comma.ron", text);
    // ron notices at the next field: line 4, column 3
    assert_located(&path, &message, 4, 3, &["comma"]);
}

#[test]
fn an_unclosed_string_points_at_where_it_opens() {
    let text = "(\n  version: 1,\n  name: \"Spring,\n  days: [],\n)\n";
    let (path, message) = refused("string.ron", text);
    assert_located(&path, &message, 3, 9, &["end of string"]);
}

#[test]
fn a_misspelled_field_is_named_and_pointed_at() {
    let text = r#"(
  version: 1,
  name: "Spring",
  days: ["2024-03-01"],
  topics: [
    (id: 1, title: "Fine"),
    (id: 2, titel: "Misspelled"),
  ],
)
"#;
    let (path, message) = refused("titel.ron", text);
    assert_located(
        &path,
        &message,
        7,
        13,
        &["`titel`", "Topic", "`title`", "misspelled?"],
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let text = "(\n  version: 1,\n  days: [\"2024-03-01\"],\n  spaces: [],\n)\n";
    let (path, message) = refused("noname.ron", text);
    // the edition's closing parenthesis is where ron finds out
    assert_located(&path, &message, 5, 1, &["`name`", "required"]);
}

#[test]
fn a_value_of_the_wrong_kind_points_at_it() {
    let text = "(\n  version: 1,\n  name: \"Spring\",\n  days: [\"2024-03-01\"],\n  slots: [(id: \"a\", day: \"2024-03-01\", start: \"9:70\", end: \"10:00\")],\n)\n";
    let (path, message) = refused("time.ron", text);
    assert_located(&path, &message, 5, 48, &["invalid time \"9:70\""]);
}

/// The frame of a file whose topics start on line 14.
fn with_topics(topics: &str) -> String {
    format!(
        r#"(
  version: 1,
  name: "Spring",
  days: ["2024-03-01"],
  spaces: [
    (id: "atrium", name: "Atrium", capacity: 40),
    (id: "library", name: "Library"),
  ],
  slots: [
    (id: "d1-0900", day: "2024-03-01", start: "09:00", end: "09:45"),
    (id: "d1-1000", day: "2024-03-01", start: "10:00", end: "10:15", kind: Break("Coffee")),
  ],
  topics: [
{topics}  ],
)
"#
    )
}

#[test]
fn a_topic_in_a_break_slot_points_at_its_placement() {
    let text = with_topics(
        r#"    (id: 1, title: "Service mesh", placement: At(slot: "d1-0900", space: "atrium")),
    (
      id: 2,
      title: "Coffee chat",
      placement: At(slot: "d1-1000", space: "library"),
    ),
"#,
    );
    assert_eq!(
        text.lines().nth(17),
        Some(r#"      placement: At(slot: "d1-1000", space: "library"),"#)
    );
    let (path, message) = refused("break.ron", &text);
    assert_located(
        &path,
        &message,
        18,
        7,
        &[
            "“Coffee chat”",
            "\"d1-1000\"",
            "Coffee",
            "not a session slot",
        ],
    );
    assert_eq!(message.lines().count(), 1, "only one problem: {message}");
}

#[test]
fn a_duplicate_topic_id_points_at_the_second_one() {
    let text = with_topics(
        r#"    (id: 1, title: "Service mesh"),
    (id: 2, title: "Team tourism"),
    (id: 3, title: "Staying technical"),
    (id: 2, title: "Mobile apps"),
"#,
    );
    assert_eq!(
        text.lines().nth(16),
        Some(r#"    (id: 2, title: "Mobile apps"),"#)
    );
    let (path, message) = refused("duplicate.ron", &text);
    assert_located(&path, &message, 17, 6, &["duplicate topic id 2"]);
}

#[test]
fn a_placement_in_a_missing_slot_points_at_it() {
    let text = with_topics(
        r#"    (id: 1, title: "Service mesh", placement: At(slot: "d1-0900", space: "atrium")),
    (id: 2, title: "Team tourism"),
    (id: 3, title: "Lost", votes: 2,
     placement: At(slot: "d9-0900", space: "library")),
"#,
    );
    assert_eq!(
        text.lines().nth(16),
        Some(r#"     placement: At(slot: "d9-0900", space: "library")),"#)
    );
    let (path, message) = refused("noslot.ron", &text);
    assert_located(
        &path,
        &message,
        17,
        6,
        &["“Lost”", "slot \"d9-0900\"", "does not exist"],
    );
}

#[test]
fn every_problem_of_a_file_gets_its_own_line() {
    let text = with_topics(
        r#"    (id: 1, title: "A", placement: At(slot: "d1-1000", space: "atrium")),
    (id: 1, title: "B", placement: At(slot: "nowhere", space: "atrium")),
"#,
    );
    let (path, message) = refused("many.ron", &text);
    assert_located(&path, &message, 14, 25, &["“A”", "not a session slot"]);
    assert_located(&path, &message, 15, 6, &["duplicate topic id 1"]);
    assert!(
        message.contains("“B” is placed in slot \"nowhere\", which does not exist"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 3, "{message}");
}

#[test]
fn a_newer_format_version_is_refused_at_its_line() {
    let text = "(\n  version: 99,\n  name: \"From the future\",\n  days: [\"2024-03-01\"],\n)\n";
    let (path, message) = refused("future.ron", text);
    assert_located(&path, &message, 2, 3, &["version 99 is not supported"]);
}

// ---------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------

#[test]
fn a_save_that_fails_half_way_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("edition.ron");
    let old = sample();
    storage::save(&path, &old).expect("first save");
    let before = fs::read(&path).expect("read");

    let mut new = old.clone();
    new.name = "Renamed, never saved".into();
    let mut written = 0;
    let result = storage::save_with(&path, &new, |file, bytes| {
        let half = &bytes[..bytes.len() / 2];
        file.write_all(half)?;
        written = half.len();
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    });
    let err = result.expect_err("the save must report the failure");
    assert!(written > 0, "the writer did write part of the file");
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(shown.contains("no space left on device"), "{shown}");
    assert_eq!(err.source.kind(), io::ErrorKind::StorageFull);

    assert_eq!(fs::read(&path).expect("read"), before, "old file changed");
    assert_eq!(storage::load(&path).expect("still loads"), old);
    // no temporary file left behind: only the edition and (maybe) its backup
    let names = folder_names(dir.path());
    let allowed = ["edition.ron", "edition.ron.bak"];
    assert!(
        names.iter().all(|n| allowed.contains(&n.as_str())),
        "left behind: {names:?}"
    );
    let backup = storage::backup_path(&path);
    if backup.exists() {
        assert_eq!(fs::read(&backup).expect("read backup"), before);
    }
}

#[test]
fn saving_through_a_regular_file_fails_with_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let afile = write(dir.path(), "afile", "just a file");
    let path = afile.join("edition.ron");
    let err = storage::save(&path, &sample()).expect_err("cannot save inside a file");
    assert_eq!(err.path, path);
    let shown = err.to_string();
    assert!(
        shown.contains(&format!("could not save {}", path.display())),
        "{shown}"
    );
    assert_eq!(
        fs::read_to_string(&afile).expect("read"),
        "just a file",
        "the file in the way is untouched"
    );
    assert_eq!(folder_names(dir.path()), vec!["afile".to_string()]);

    // `create` says the same
    let err = storage::create(&path, &sample()).expect_err("cannot create inside a file");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn create_refuses_to_replace_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "taken.ron", "not even RON");
    let err = storage::create(&path, &sample()).expect_err("must refuse");
    assert_eq!(err.source.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read_to_string(&path).expect("read"), "not even RON");
    assert!(!storage::backup_path(&path).exists());
}

#[test]
fn the_backup_is_the_file_as_it_was_before_the_runs_first_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("edition.ron");
    let backup = storage::backup_path(&path);
    assert_eq!(backup, dir.path().join("edition.ron.bak"));
    // nothing to back up before the file exists
    storage::backup(&path).expect("no file, no backup");
    assert!(!backup.exists());

    let v1 = sample();
    storage::save(&path, &v1).expect("save v1");
    assert!(!backup.exists(), "saving never writes the backup");

    // a run opens v1: the backup is taken once, then every save goes over the edition only
    storage::backup(&path).expect("backup");
    for n in 2..5 {
        let mut v = v1.clone();
        v.name = format!("Version {n}");
        storage::save(&path, &v).expect("save");
        assert_eq!(
            storage::load(&path).expect("load").name,
            format!("Version {n}")
        );
        assert_eq!(storage::load(&backup).expect("load backup"), v1);
    }
    assert_eq!(
        fs::read_to_string(&backup).expect("read backup"),
        storage::to_ron(&v1).expect("to_ron")
    );
    assert_eq!(
        folder_names(dir.path()),
        vec!["edition.ron".to_string(), "edition.ron.bak".to_string()]
    );
}

#[test]
fn a_backup_that_cannot_be_written_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("edition.ron");
    storage::save(&path, &sample()).expect("save");
    // the backup's place is taken (here by a folder): the write fails whole
    let bak = storage::backup_path(&path);
    fs::create_dir(&bak).expect("a folder in the backup's place");
    assert!(storage::backup(&path).is_err());
    assert!(bak.is_dir(), "what was there is untouched");
    assert_eq!(
        folder_names(dir.path()),
        vec!["edition.ron".to_string(), "edition.ron.bak".to_string()],
        "no temporary file stays"
    );
    // and the edition itself still saves
    let mut v2 = sample();
    v2.name = "Changed".into();
    storage::save(&path, &v2).expect("save");
    fs::remove_dir(&bak).expect("rmdir");
    storage::backup(&path).expect("backup");
    assert_eq!(storage::load(&bak).expect("a whole backup"), v2);
}

#[test]
fn only_plain_files_of_a_sane_size_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    // a FIFO in place of an edition is refused before it is opened (it would block)
    let fifo = dir.path().join("fifo.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let err = storage::load(&fifo).expect_err("a FIFO is not an edition");
        assert!(err.to_string().contains("not a plain file"), "{err}");
    }
    // a link to a device that never ends
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let err = storage::load(&zero).expect_err("/dev/zero is not an edition");
    assert!(err.to_string().contains("not a plain file"), "{err}");
    // a file past the limit
    let big = dir.path().join("big.ron");
    let f = fs::File::create(&big).expect("create");
    f.set_len(storage::MAX_FILE + 1).expect("sparse file");
    let err = storage::load(&big).expect_err("too big");
    assert!(err.to_string().contains("MB at most"), "{err}");
}

// ---------------------------------------------------------------------------
// The sessions folder
// ---------------------------------------------------------------------------

fn named(name: &str, first_day: Date) -> Edition {
    let mut e = Edition::new(name, first_day);
    e.add_space("Atrium", None).expect("space");
    e
}

#[test]
fn list_is_newest_first_with_broken_files_last_and_other_files_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // file names sort the other way round from the dates
    storage::save(&d.join("a-2018.ron"), &named("TLM 2018", date(2018, 5, 15))).expect("save");
    storage::save(&d.join("b-2020.ron"), &named("TLM 2020", date(2020, 5, 12))).expect("save");
    storage::save(&d.join("c-2019.ron"), &named("TLM 2019", date(2019, 5, 14))).expect("save");
    // a backup, c-2019.ron.bak, is not an edition
    storage::backup(&d.join("c-2019.ron")).expect("backup");
    assert!(d.join("c-2019.ron.bak").exists());
    write(d, "0-broken.ron", "(version: 1, name: \"Broken\"\n");
    write(d, "notes.txt", "not an edition");
    write(d, "README", "(version: 1)");
    fs::create_dir(d.join("folder.ron")).expect("a folder named like an edition");

    let listed = storage::list(d).expect("list");
    let names: Vec<String> = listed
        .iter()
        .map(|l| {
            l.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        names,
        vec!["b-2020.ron", "c-2019.ron", "a-2018.ron", "0-broken.ron"]
    );
    let editions: Vec<&str> = listed
        .iter()
        .filter_map(|l| l.edition.as_ref().ok())
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(editions, vec!["TLM 2020", "TLM 2019", "TLM 2018"]);
    let broken = &listed[3];
    assert_eq!(broken.path, d.join("0-broken.ron"));
    let err = broken
        .edition
        .as_ref()
        .expect_err("the broken file does not load");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("{}:", d.join("0-broken.ron").display())),
        "{shown}"
    );
    // listing read the broken file, it did not touch it
    assert_eq!(
        fs::read_to_string(d.join("0-broken.ron")).expect("read"),
        "(version: 1, name: \"Broken\"\n"
    );
}

#[test]
fn a_missing_folder_lists_nothing_and_an_empty_one_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("not-there");
    assert!(
        storage::list(&missing)
            .expect("a missing folder is fine")
            .is_empty()
    );
    assert!(!missing.exists(), "listing must not create the folder");
    assert!(storage::list(dir.path()).expect("empty folder").is_empty());
}

// ---------------------------------------------------------------------------
// Faults: saves that fail at every step, and files mutated at random
// ---------------------------------------------------------------------------

/// Where a save fails, if it does; a full disk writes a part first.
#[derive(Debug, Clone, Copy)]
enum Fault {
    None,
    FullDisk(usize),
    Write,
    Sync,
    Rename,
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        3 => Just(Fault::None),
        1 => (0usize..4096).prop_map(Fault::FullDisk),
        1 => Just(Fault::Write),
        1 => Just(Fault::Sync),
        1 => Just(Fault::Rename),
    ]
}

struct Faulty(Fault);

impl storage::SaveSteps for Faulty {
    fn write(&mut self, file: &mut dyn io::Write, bytes: &[u8]) -> io::Result<()> {
        match self.0 {
            Fault::FullDisk(n) => {
                file.write_all(&bytes[..n.min(bytes.len())])?;
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            }
            Fault::Write => Err(io::Error::other("write failed")),
            _ => file.write_all(bytes),
        }
    }
    fn sync(&mut self) -> io::Result<()> {
        match self.0 {
            Fault::Sync => Err(io::Error::other("fsync failed")),
            _ => Ok(()),
        }
    }
    fn rename(&mut self) -> io::Result<()> {
        match self.0 {
            Fault::Rename => Err(io::Error::other("rename failed")),
            _ => Ok(()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A run of changes, each saved as the board does, with saves failing at
    /// random steps: the file is always a whole edition — the last one saved —
    /// no temporary file stays, and once saving works the last change is on disk.
    #[test]
    fn saves_failing_at_any_step_lose_nothing_once_writing_works_again(
        faults in vec(fault(), 1..24),
        votes in vec(0u32..50, 1..24),
    ) {
        let dir = tempfile::tempdir().map_err(|x| fail("tempdir", x))?;
        let path = dir.path().join("edition.ron");
        let mut e = sample();
        storage::save(&path, &e).map_err(|x| fail("first save", x))?;
        storage::backup(&path).map_err(|x| fail("backup", x))?;
        let backed = fs::read(storage::backup_path(&path)).map_err(|x| fail("read", x))?;
        let mut on_disk = e.clone();
        let id = e.topics[0].id;
        for (i, (f, v)) in faults.iter().zip(votes.iter().cycle()).enumerate() {
            e.set_votes(id, *v + i as u32).map_err(|x| fail("vote", x))?;
            if storage::save_steps(&path, &e, &mut Faulty(*f)).is_ok() {
                on_disk = e.clone();
            }
            let loaded = storage::load(&path).map_err(|x| fail("load after a fault", x))?;
            prop_assert_eq!(&loaded, &on_disk, "the file is the last edition saved");
            let names = folder_names(dir.path());
            prop_assert!(
                names.iter().all(|n| n == "edition.ron" || n == "edition.ron.bak"),
                "left behind: {:?}", names
            );
        }
        // writing works again: the retry saves what the board holds
        storage::save(&path, &e).map_err(|x| fail("retry", x))?;
        prop_assert_eq!(storage::load(&path).map_err(|x| fail("load", x))?, e);
        // and the backup is still the file as the run found it
        prop_assert_eq!(fs::read(storage::backup_path(&path)).map_err(|x| fail("read", x))?, backed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Files damaged at random — bytes changed, cut, repeated — never crash
    /// the loader: each loads or says where it is wrong.
    #[test]
    fn mutated_editions_load_or_say_where_they_are_wrong(
        e in edition(),
        edits in vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = storage::to_ron(&e).map_err(|x| fail("to_ron", x))?.into_bytes();
        for (at, byte, how) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i),
                2 => { let part = bytes[i..].to_vec(); bytes.extend_from_slice(&part); }
                _ => { bytes.remove(i); }
            }
        }
        let dir = tempfile::tempdir().map_err(|x| fail("tempdir", x))?;
        let path = dir.path().join("mutated.ron");
        fs::write(&path, &bytes).map_err(|x| fail("write", x))?;
        match storage::load(&path) {
            Ok(loaded) => prop_assert!(loaded.validate().is_empty()),
            Err(err) => {
                let shown = err.to_string();
                prop_assert!(shown.starts_with(&path.display().to_string()), "{}", shown);
                prop_assert!(!shown.is_empty());
            }
        }
    }
}
