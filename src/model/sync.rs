//! Two versions of one edition made from the same one — the board's and
//! the file's after another program wrote it — merged by id. Changes to
//! different things (fields of the edition, spaces, slots, topics and their
//! fields, action points) are all kept. Where both changed the same thing
//! differently, the board's version stays in the merge and the conflict
//! says both, so the facilitator can choose; nothing is dropped silently.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::edition::Edition;
use super::ids::{ActionId, SlotId, SpaceId, TopicId};
use super::topic::{ActionPoint, Placement, Topic};

/// What two changes both touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Point {
    /// A field of the edition itself, by name.
    Edition(&'static str),
    Space(SpaceId),
    Slot(SlotId),
    /// A field of a topic, by name.
    Topic(TopicId, &'static str),
    /// An action point of a topic, or carried over (no topic).
    Action(Option<TopicId>, ActionId),
}

/// Both versions of something changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub point: Point,
    /// "the title of “Team tourism”"
    pub what: String,
    /// The board's version and the file's, as short text.
    pub ours: String,
    pub theirs: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merge: the board's version wherever both changed the same thing.
    pub edition: Edition,
    pub conflicts: Vec<Conflict>,
    /// How many things only the file changed, and were taken.
    pub taken: usize,
}

/// The fields of an edition merged one by one (its lists are merged by id).
macro_rules! edition_fields {
    ($apply:ident) => {
        $apply!(
            name,
            number,
            theme,
            venue,
            time_zone,
            facilitators,
            notes,
            dots,
            previous,
            days,
            retrospective,
            timer,
            announcements,
            hide_after,
            scribes
        )
    };
}

/// The fields of a topic merged one by one (its action points by id).
macro_rules! topic_fields {
    ($apply:ident) => {
        $apply!(
            title,
            conveners,
            description,
            kind,
            votes,
            placement,
            span,
            pinned,
            notes,
            participants,
            merged_from
        )
    };
}

/// Three-way choice for one thing: the side that changed it, or a conflict.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> (T, bool, bool) {
    if ours == theirs || theirs == base {
        (ours.clone(), false, false)
    } else if ours == base {
        (theirs.clone(), false, true)
    } else {
        (ours.clone(), true, false)
    }
}

fn short<T: std::fmt::Debug>(value: &T) -> String {
    let text = format!("{value:?}");
    crate::text::truncate(&text, 120)
}

/// Merges `theirs` (the file as another program left it) into `ours` (the
/// board), both made from `base` (the file as the board last read or wrote it).
pub fn merge(base: &Edition, ours: &Edition, theirs: &Edition) -> Merged {
    let theirs = &renumbered(base, ours, theirs);
    let mut out = ours.clone();
    let mut conflicts = Vec::new();
    let mut taken = 0;

    macro_rules! fields {
        ($($field:ident),*) => {$(
            let (value, conflict, took) = pick(&base.$field, &ours.$field, &theirs.$field);
            if conflict {
                conflicts.push(Conflict {
                    point: Point::Edition(stringify!($field)),
                    what: format!("the edition's {}", stringify!($field)),
                    ours: short(&ours.$field),
                    theirs: short(&theirs.$field),
                });
            }
            taken += usize::from(took);
            out.$field = value;
        )*};
    }
    edition_fields!(fields);

    // spaces and slots: whole, by id
    let (spaces, c, t) = by_id(
        &base.spaces,
        &ours.spaces,
        &theirs.spaces,
        |s| s.id.clone(),
        |s| Point::Space(s.id.clone()),
        |s| format!("the space {}", s.name),
    );
    out.spaces = spaces;
    conflicts.extend(c);
    taken += t;
    let (slots, c, t) = by_id(
        &base.slots,
        &ours.slots,
        &theirs.slots,
        |s| s.id.clone(),
        |s| Point::Slot(s.id.clone()),
        |s| format!("the slot {} {}", s.day, s.times()),
    );
    out.slots = slots;
    conflicts.extend(c);
    taken += t;

    // topics: by id, field by field; new topics on both sides are both kept
    let b: HashMap<TopicId, &Arc<Topic>> = base.topics.iter().map(|t| (t.id, t)).collect();
    let o: HashMap<TopicId, &Arc<Topic>> = ours.topics.iter().map(|t| (t.id, t)).collect();
    let th: HashMap<TopicId, &Arc<Topic>> = theirs.topics.iter().map(|t| (t.id, t)).collect();
    let mut topics: Vec<Arc<Topic>> = Vec::new();
    for t in &ours.topics {
        match (b.get(&t.id), th.get(&t.id)) {
            // unchanged by the file, or changed the same way
            (_, Some(x)) if *x == t => topics.push(t.clone()),
            (Some(bt), Some(xt)) => {
                let (merged, c, took) = merge_topic(bt, t, xt);
                conflicts.extend(c);
                taken += took;
                topics.push(Arc::new(merged));
            }
            // the file removed it
            (Some(bt), None) if *bt == t => taken += 1,
            (Some(_), None) => {
                // removed there, changed here: kept, and said
                conflicts.push(Conflict {
                    point: Point::Topic(t.id, "removed"),
                    what: format!("“{}”", t.title),
                    ours: "changed on the board".into(),
                    theirs: "removed in the file".into(),
                });
                topics.push(t.clone());
            }
            // new on the board
            (None, None) => topics.push(t.clone()),
            (None, Some(_)) => topics.push(t.clone()),
        }
    }
    for x in &theirs.topics {
        match (b.get(&x.id), o.get(&x.id)) {
            (_, Some(ot)) if *ot == x => {}
            (Some(_), Some(_)) => {}
            // removed on the board, untouched in the file
            (Some(bt), None) if *bt == x => {}
            (Some(_), None) => {
                conflicts.push(Conflict {
                    point: Point::Topic(x.id, "removed"),
                    what: format!("“{}”", x.title),
                    ours: "removed on the board".into(),
                    theirs: "changed in the file: kept".into(),
                });
                topics.push(x.clone());
            }
            (None, None) => {
                topics.push(x.clone());
                taken += 1;
            }
            // the same new topic on both sides (renumbering made the others apart)
            (None, Some(_)) => {}
        }
    }
    out.topics = topics;

    // carried-over points: whole, by id
    let (carried, c, t) = by_id(
        &base.carried,
        &ours.carried,
        &theirs.carried,
        |a| a.id,
        |a| Point::Action(None, a.id),
        |a| format!("the carried point “{}”", a.text),
    );
    out.carried = carried;
    conflicts.extend(c);
    taken += t;

    conflicts.extend(repair(&mut out, ours));
    Merged {
        edition: out,
        conflicts,
        taken,
    }
}

/// The file's version with its new topics and action points renumbered
/// where the board made others with the same numbers: both are kept.
fn renumbered(base: &Edition, ours: &Edition, theirs: &Edition) -> Edition {
    let actions = |e: &Edition| -> HashMap<ActionId, ActionPoint> {
        e.topics
            .iter()
            .flat_map(|t| t.actions.iter())
            .chain(e.carried.iter())
            .map(|a| (a.id, a.clone()))
            .collect()
    };
    let (base_actions, our_actions) = (actions(base), actions(ours));
    let mut next_topic = [base, ours, theirs]
        .iter()
        .flat_map(|e| e.topics.iter().map(|t| t.id.0))
        .max()
        .unwrap_or(0);
    let mut next_action = [&base_actions, &our_actions, &actions(theirs)]
        .iter()
        .flat_map(|m| m.keys().map(|k| k.0))
        .max()
        .unwrap_or(0);
    let mut out = theirs.clone();
    for t in &mut out.topics {
        let clash = base.topic(t.id).is_none() && ours.topic(t.id).is_some_and(|o| o != &**t);
        let new_actions = t.actions.iter().any(|a| {
            !base_actions.contains_key(&a.id) && our_actions.get(&a.id).is_some_and(|o| o != a)
        });
        if !clash && !new_actions {
            continue;
        }
        let t = Arc::make_mut(t);
        if clash {
            next_topic += 1;
            t.id = TopicId(next_topic);
        }
        for a in &mut t.actions {
            if !base_actions.contains_key(&a.id) && our_actions.get(&a.id).is_some_and(|o| o != a) {
                next_action += 1;
                a.id = ActionId(next_action);
            }
        }
    }
    for a in &mut out.carried {
        if !base_actions.contains_key(&a.id) && our_actions.get(&a.id).is_some_and(|o| o != a) {
            next_action += 1;
            a.id = ActionId(next_action);
        }
    }
    out
}

/// A topic changed on both sides: field by field, its action points by id.
fn merge_topic(base: &Topic, ours: &Topic, theirs: &Topic) -> (Topic, Vec<Conflict>, usize) {
    let mut out = ours.clone();
    let mut conflicts = Vec::new();
    let mut taken = 0;
    macro_rules! fields {
        ($($field:ident),*) => {$(
            let (value, conflict, took) = pick(&base.$field, &ours.$field, &theirs.$field);
            if conflict {
                conflicts.push(Conflict {
                    point: Point::Topic(ours.id, stringify!($field)),
                    what: format!("the {} of “{}”", stringify!($field), ours.title),
                    ours: short(&ours.$field),
                    theirs: short(&theirs.$field),
                });
            }
            taken += usize::from(took);
            out.$field = value;
        )*};
    }
    topic_fields!(fields);
    let topic = ours.id;
    let (actions, c, t) = by_id(
        &base.actions,
        &ours.actions,
        &theirs.actions,
        |a| a.id,
        |a| Point::Action(Some(topic), a.id),
        |a| format!("the action point “{}”", a.text),
    );
    out.actions = actions;
    conflicts.extend(c);
    (out, conflicts, taken + t)
}

/// Items merged whole by id, in the board's order, the file's new ones after.
fn by_id<T: PartialEq + Clone + std::fmt::Debug, K: Eq + std::hash::Hash + Clone + Ord>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    point: impl Fn(&T) -> Point,
    what: impl Fn(&T) -> String,
) -> (Vec<T>, Vec<Conflict>, usize) {
    let b: HashMap<K, &T> = base.iter().map(|x| (key(x), x)).collect();
    let th: HashMap<K, &T> = theirs.iter().map(|x| (key(x), x)).collect();
    let o: BTreeSet<K> = ours.iter().map(&key).collect();
    let mut out = Vec::new();
    let mut conflicts = Vec::new();
    let mut taken = 0;
    for x in ours {
        let k = key(x);
        match (b.get(&k), th.get(&k)) {
            (Some(bx), Some(tx)) => {
                let (value, conflict, took) = pick(*bx, x, *tx);
                if conflict {
                    conflicts.push(Conflict {
                        point: point(x),
                        what: what(x),
                        ours: short(x),
                        theirs: short(*tx),
                    });
                }
                taken += usize::from(took);
                out.push(value);
            }
            (Some(bx), None) if *bx == x => taken += 1,
            (Some(_), None) => {
                conflicts.push(Conflict {
                    point: point(x),
                    what: what(x),
                    ours: short(x),
                    theirs: "removed in the file".into(),
                });
                out.push(x.clone());
            }
            (None, Some(tx)) if *tx != x => {
                // the same id made on both sides for different things: the board's kept
                conflicts.push(Conflict {
                    point: point(x),
                    what: what(x),
                    ours: short(x),
                    theirs: short(*tx),
                });
                out.push(x.clone());
            }
            (None, _) => out.push(x.clone()),
        }
    }
    for x in theirs {
        let k = key(x);
        if o.contains(&k) {
            continue;
        }
        match b.get(&k) {
            Some(bx) if *bx == x => {}
            Some(_) => {
                conflicts.push(Conflict {
                    point: point(x),
                    what: what(x),
                    ours: "removed on the board".into(),
                    theirs: short(x),
                });
                out.push(x.clone());
            }
            None => {
                out.push(x.clone());
                taken += 1;
            }
        }
    }
    (out, conflicts, taken)
}

/// A merge can put two topics in one cell, or a topic in a cell that the
/// other side removed: the later one is parked, and said.
fn repair(e: &mut Edition, ours: &Edition) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let mut cells = std::collections::HashSet::new();
    let spaces: BTreeSet<&SpaceId> = e.spaces.iter().map(|s| &s.id).collect();
    let slots: BTreeSet<&SlotId> = e.slots.iter().map(|s| &s.id).collect();
    // the board's own placements first, so that they keep their cells
    let mut order: Vec<usize> = (0..e.topics.len()).collect();
    order.sort_by_key(|&i| {
        let t = &e.topics[i];
        let same = ours.topic(t.id).is_some_and(|o| o.placement == t.placement);
        !same
    });
    let mut park = Vec::new();
    for i in order {
        let t = &e.topics[i];
        if let Placement::At { slot, space } = &t.placement {
            let exists = slots.contains(slot) && spaces.contains(space);
            if !exists || !cells.insert((slot.clone(), space.clone())) {
                park.push(i);
                conflicts.push(Conflict {
                    point: Point::Topic(t.id, "placement"),
                    what: format!("the place of “{}”", t.title),
                    ours: if exists {
                        "another topic is in that cell".into()
                    } else {
                        "its cell is gone".into()
                    },
                    theirs: format!("{slot} · {space}: parked"),
                });
            }
        }
    }
    for i in park {
        Arc::make_mut(&mut e.topics[i]).placement = Placement::Parked;
    }
    conflicts
}

/// Takes the file's version of one conflict into the merge.
pub fn take_theirs(merged: &mut Edition, theirs: &Edition, point: &Point) {
    match point {
        Point::Edition(field) => {
            macro_rules! copy {
                ($($f:ident),*) => {
                    match *field {
                        $(stringify!($f) => merged.$f = theirs.$f.clone(),)*
                        _ => {}
                    }
                };
            }
            edition_fields!(copy);
        }
        Point::Space(id) => replace(
            &mut merged.spaces,
            theirs.spaces.iter().find(|s| s.id == *id),
            |s| s.id == *id,
        ),
        Point::Slot(id) => replace(
            &mut merged.slots,
            theirs.slots.iter().find(|s| s.id == *id),
            |s| s.id == *id,
        ),
        Point::Topic(id, field) => {
            let theirs_topic = theirs.topic(*id).cloned();
            let Some(i) = merged.topics.iter().position(|t| t.id == *id) else {
                return;
            };
            let Some(x) = theirs_topic else {
                // the file removed it
                merged.topics.remove(i);
                return;
            };
            let t = Arc::make_mut(&mut merged.topics[i]);
            macro_rules! copy {
                ($($f:ident),*) => {
                    match *field {
                        $(stringify!($f) => t.$f = x.$f.clone(),)*
                        _ => *t = x.clone(),
                    }
                };
            }
            topic_fields!(copy);
        }
        Point::Action(None, id) => replace(
            &mut merged.carried,
            theirs.carried.iter().find(|a| a.id == *id),
            |a| a.id == *id,
        ),
        Point::Action(Some(topic), id) => {
            let found: Option<ActionPoint> = theirs
                .topic(*topic)
                .and_then(|t| t.actions.iter().find(|a| a.id == *id))
                .cloned();
            if let Some(i) = merged.topics.iter().position(|t| t.id == *topic) {
                let t = Arc::make_mut(&mut merged.topics[i]);
                replace(&mut t.actions, found.as_ref(), |a| a.id == *id);
            }
        }
    }
}

/// Puts the file's item in the place of the board's (or removes it).
fn replace<T: Clone>(items: &mut Vec<T>, theirs: Option<&T>, is: impl Fn(&T) -> bool) {
    match (items.iter().position(&is), theirs) {
        (Some(i), Some(x)) => items[i] = x.clone(),
        (Some(i), None) => {
            items.remove(i);
        }
        (None, Some(x)) => items.push(x.clone()),
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;
    use crate::model::{ActionDraft, Status, TopicDraft};

    fn topic(e: &mut Edition, title: &str) -> TopicId {
        e.add_topic(TopicDraft {
            title: title.into(),
            ..TopicDraft::default()
        })
        .unwrap()
    }

    #[test]
    fn changes_to_different_things_are_all_kept() {
        let base = sample();
        let (a, b) = (base.topics[0].id, base.topics[1].id);
        let mut ours = base.clone();
        ours.set_votes(a, 40).unwrap();
        topic(&mut ours, "Added on the board");
        let mut theirs = base.clone();
        theirs.set_notes(b, "Typed in an editor").unwrap();
        theirs.theme = "A new theme".into();
        let m = merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let e = &m.edition;
        assert_eq!(e.topic(a).unwrap().votes, 40);
        assert_eq!(e.topic(b).unwrap().notes, "Typed in an editor");
        assert_eq!(e.theme, "A new theme");
        assert!(e.topics.iter().any(|t| t.title == "Added on the board"));
        assert!(e.validate().is_empty());
        assert_eq!(m.taken, 2);
    }

    #[test]
    fn the_same_thing_changed_on_both_sides_is_a_conflict_that_keeps_both() {
        let base = sample();
        let a = base.topics[0].id;
        let mut ours = base.clone();
        ours.edit_topic(
            a,
            TopicDraft {
                title: "Board title".into(),
                ..TopicDraft::default()
            },
        )
        .unwrap();
        let mut theirs = base.clone();
        theirs
            .edit_topic(
                a,
                TopicDraft {
                    title: "File title".into(),
                    ..TopicDraft::default()
                },
            )
            .unwrap();
        let mut m = merge(&base, &ours, &theirs);
        let c = m
            .conflicts
            .iter()
            .find(|c| c.point == Point::Topic(a, "title"))
            .expect("a conflict on the title");
        assert!(c.ours.contains("Board title") && c.theirs.contains("File title"));
        assert_eq!(m.edition.topic(a).unwrap().title, "Board title");
        let point = c.point.clone();
        take_theirs(&mut m.edition, &theirs, &point);
        assert_eq!(m.edition.topic(a).unwrap().title, "File title");
    }

    #[test]
    fn new_topics_and_points_with_one_number_on_both_sides_are_both_kept() {
        let base = sample();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let x = topic(&mut ours, "Ours");
        let y = topic(&mut theirs, "Theirs");
        assert_eq!(x, y, "the same next number");
        let t = base.topics[0].id;
        ours.add_action(
            t,
            ActionDraft {
                text: "point a".into(),
                ..Default::default()
            },
        )
        .unwrap();
        theirs
            .add_action(
                t,
                ActionDraft {
                    text: "point b".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let m = merge(&base, &ours, &theirs);
        let titles: Vec<&str> = m.edition.topics.iter().map(|t| t.title.as_str()).collect();
        assert!(titles.contains(&"Ours") && titles.contains(&"Theirs"));
        assert!(
            m.edition.validate().is_empty(),
            "{:?}",
            m.edition.validate()
        );
        // both points, each once
        let texts: Vec<&str> = m
            .edition
            .topic(t)
            .unwrap()
            .actions
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(
            texts.iter().filter(|t| **t == "point a").count(),
            1,
            "{texts:?}"
        );
        assert_eq!(
            texts.iter().filter(|t| **t == "point b").count(),
            1,
            "{texts:?}"
        );
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let _ = Status::Open;
    }

    #[test]
    fn two_topics_put_in_one_cell_leave_the_files_one_parked() {
        let base = sample();
        let parked = base
            .topics
            .iter()
            .find(|t| t.placement.is_parked())
            .map(|t| t.id)
            .unwrap();
        let other = base
            .topics
            .iter()
            .find(|t| t.id != parked)
            .map(|t| t.id)
            .unwrap();
        // a free session cell
        let slot = base
            .slots
            .iter()
            .find(|s| s.kind.is_session())
            .unwrap()
            .id
            .clone();
        let space = base
            .spaces
            .iter()
            .find(|sp| base.topic_at(&slot, &sp.id).is_none())
            .unwrap()
            .id
            .clone();
        let mut ours = base.clone();
        ours.place(parked, &slot, &space).unwrap();
        let mut theirs = base.clone();
        theirs.park(other).unwrap();
        theirs.place(other, &slot, &space).unwrap();
        let m = merge(&base, &ours, &theirs);
        assert!(
            m.edition.validate().is_empty(),
            "{:?}",
            m.edition.validate()
        );
        assert!(
            m.edition
                .topic(parked)
                .unwrap()
                .placement
                .is_at(&slot, &space)
        );
        assert!(
            m.conflicts
                .iter()
                .any(|c| c.point == Point::Topic(other, "placement"))
        );
    }

    #[test]
    fn merging_is_a_no_op_when_only_one_side_changed() {
        let base = sample();
        let mut theirs = base.clone();
        theirs.name = "Renamed in an editor".into();
        let m = merge(&base, &base, &theirs);
        assert_eq!(m.edition, theirs);
        let m = merge(&base, &theirs, &base);
        assert_eq!(m.edition, theirs);
        assert!(m.conflicts.is_empty());
    }
}
