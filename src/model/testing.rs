//! A small edition for unit tests: two days, three spaces, sessions, a
//! plenary and breaks, topics placed and parked, action points.

use jiff::civil::{date, time};

use super::actions::ActionDraft;
use super::edition::{Edition, SlotKind};
use super::ids::{SlotId, SpaceId};
use super::topics::TopicDraft;

pub fn sample() -> Edition {
    let mut e = Edition::new("Test meeting", date(2019, 5, 14));
    e.add_day(date(2019, 5, 15)).unwrap();
    let atrium = e.add_space("Atrium", Some(40)).unwrap();
    let library = e.add_space("Library", Some(12)).unwrap();
    e.add_space("Garden", None).unwrap();
    let d1 = date(2019, 5, 14);
    let d2 = date(2019, 5, 15);
    let t = |h, m| time(h, m, 0, 0);
    let plenary = SlotKind::Plenary("Opening circle".into());
    e.add_slot(d1, t(9, 0), t(9, 30), plenary).unwrap();
    let s1 = e
        .add_slot(d1, t(9, 30), t(10, 15), SlotKind::Session)
        .unwrap();
    e.add_slot(d1, t(10, 15), t(10, 30), SlotKind::Break("Coffee".into()))
        .unwrap();
    let s2 = e
        .add_slot(d1, t(10, 30), t(11, 15), SlotKind::Session)
        .unwrap();
    e.add_slot(d2, t(9, 0), t(9, 45), SlotKind::Session)
        .unwrap();
    e.add_slot(d2, t(9, 45), t(10, 0), SlotKind::Break("Coffee".into()))
        .unwrap();
    let topic = |title: &str, who: &str| TopicDraft {
        title: title.into(),
        conveners: vec![who.into()],
        ..TopicDraft::default()
    };
    let a = e
        .add_topic(topic("Service mesh in our cloud", "Marta"))
        .unwrap();
    let b = e.add_topic(topic("Team tourism", "Ola")).unwrap();
    let c = e.add_topic(topic("Staying technical", "Piotr")).unwrap();
    e.add_topic(topic("Events in the offer domain", "Kasia"))
        .unwrap();
    e.add_topic(topic("Mobile apps", "Tomek")).unwrap();
    e.place(a, &s1, &atrium).unwrap();
    e.place(b, &s1, &library).unwrap();
    e.place(c, &s2, &atrium).unwrap();
    e.set_votes(a, 7).unwrap();
    e.set_votes(b, 4).unwrap();
    e.add_action(
        b,
        ActionDraft {
            text: "Write down how tours work".into(),
            owner: Some("Ola".into()),
            due: Some(date(2019, 6, 30)),
        },
    )
    .unwrap();
    e
}

/// The nth empty session cell, in slot-then-space order.
pub fn session_cell(e: &Edition, n: usize) -> (SlotId, SpaceId) {
    e.slots
        .iter()
        .filter(|s| s.kind.is_session())
        .flat_map(|s| e.spaces.iter().map(move |p| (s.id.clone(), p.id.clone())))
        .filter(|(s, p)| e.topic_at(s, p).is_none())
        .nth(n)
        .expect("the sample has enough empty cells")
}

/// One day for sessions over several slots: sessions at 9 and 10, a coffee
/// break, sessions at 11:30 and 12:30, a plenary, a session at 14:00; two rooms.
pub fn spans_day() -> Edition {
    let d = date(2026, 5, 14);
    let mut e = Edition::new("Spans", d);
    e.add_space("Atrium", Some(40)).unwrap();
    e.add_space("Library", Some(12)).unwrap();
    let t = |h, m| time(h, m, 0, 0);
    for (a, b, kind) in [
        (t(9, 0), t(10, 0), SlotKind::Session),
        (t(10, 0), t(11, 0), SlotKind::Session),
        (t(11, 0), t(11, 30), SlotKind::Break("Coffee".into())),
        (t(11, 30), t(12, 30), SlotKind::Session),
        (t(12, 30), t(13, 30), SlotKind::Session),
        (t(13, 30), t(14, 0), SlotKind::Plenary("Lunch talk".into())),
        (t(14, 0), t(15, 0), SlotKind::Session),
    ] {
        e.add_slot(d, a, b, kind).unwrap();
    }
    e
}
