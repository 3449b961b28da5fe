//! A scribe's journal: what one scribe's laptop added to the sessions of
//! its room (notes, participant counts, action points and their status),
//! written by that laptop alone. The facilitator's board merges every
//! journal into the edition by id: an entry is taken once, whatever order
//! the files arrive in and however often the same one is read. Where the
//! facilitator changed what a scribe changed, both values are kept and the
//! facilitator chooses (`sync::Conflict`); nothing is dropped silently.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::edition::Edition;
use super::ids::{ActionId, TopicId};
use super::sync::{Conflict, Point};
use super::topic::Status;

/// The newest journal format this openspace reads.
pub const JOURNAL_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub version: u32,
    /// Made when the journal was started, unique to it: what was merged is
    /// remembered by it, so a laptop that starts a new journal under the same
    /// name is not mistaken for the old one.
    pub id: String,
    /// The laptop's name: the journal's file is `NAME.scribes/DEVICE.ron`.
    pub device: String,
    /// Who writes, as the board says it ("the Oak Room scribe").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scribe: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
}

/// One thing a scribe did, numbered in the order it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub seq: u64,
    /// The session it belongs to.
    pub topic: TopicId,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A paragraph added to the session's notes.
    Note { text: String },
    /// How many took part; `was` is what the scribe saw before.
    Participants { was: Option<u32>, now: Option<u32> },
    /// A new action point.
    AddAction {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
    /// An action point's status set; `was` is what the scribe saw before.
    Status {
        action: ActionRef,
        was: Status,
        now: Status,
    },
    /// An action point's words, owner or date corrected; `was` is what the
    /// scribe saw before.
    EditAction {
        action: ActionRef,
        was: Wording,
        now: Wording,
    },
}

/// What an action point says: its words, its owner and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl Wording {
    pub fn of(a: &super::topic::ActionPoint) -> Wording {
        Wording {
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due,
        }
    }

    /// "Draft the charter — Ada, due 2019-07-01"
    fn label(&self) -> String {
        let mut out = self.text.clone();
        if let Some(o) = &self.owner {
            out.push_str(&format!(" — {o}"));
        }
        if let Some(d) = self.due {
            out.push_str(&format!(", due {d}"));
        }
        out
    }
}

/// An action point: one the board had, or one this journal added (by the
/// `seq` of its `AddAction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionRef {
    Board(ActionId),
    Scribed(u64),
}

/// What the edition remembers of a journal: the last entry merged, and the
/// action points its entries added.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub merged: u64,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actions: BTreeMap<u64, ActionId>,
}

/// What one merge took in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Taken {
    /// By scribe: notes, action points, other changes.
    pub by: BTreeMap<String, (usize, usize, usize)>,
    /// Where the facilitator changed what a scribe changed: the board's
    /// value stands until the facilitator takes the scribe's.
    pub conflicts: Vec<Conflict>,
    /// The edition with the scribes' values where they conflict, to take from.
    pub theirs: Option<Edition>,
    /// Entries for a session no longer on the board (kept in their journal).
    pub orphans: usize,
}

impl Taken {
    pub fn is_empty(&self) -> bool {
        self.by.is_empty() && self.conflicts.is_empty() && self.orphans == 0
    }

    /// "2 action points and 1 note from the Oak Room scribe; …"
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts: Vec<String> = self
            .by
            .iter()
            .map(|(who, (notes, actions, other))| {
                let mut what = Vec::new();
                if *actions > 0 {
                    what.push(plural(*actions, "action point", "action points"));
                }
                if *notes > 0 {
                    what.push(plural(*notes, "note", "notes"));
                }
                if *other > 0 {
                    what.push(plural(*other, "change", "changes"));
                }
                format!("{} from {who}", what.join(" and "))
            })
            .collect();
        if self.orphans > 0 {
            parts.push(format!(
                "{} for a session no longer on the board (kept in the journal)",
                plural(self.orphans, "entry", "entries")
            ));
        }
        parts.join("; ")
    }
}

impl Journal {
    /// A new journal for a laptop, with an id of its own.
    pub fn new(device: &str, scribe: &str, id: String) -> Journal {
        Journal {
            version: JOURNAL_VERSION,
            id,
            device: device.to_string(),
            scribe: scribe.to_string(),
            entries: Vec::new(),
        }
    }

    /// Adds an entry with the next number.
    pub fn push(&mut self, topic: TopicId, change: Change) -> u64 {
        let seq = self.entries.last().map_or(0, |e| e.seq) + 1;
        self.entries.push(Entry { seq, topic, change });
        seq
    }

    /// Who the board says it is from.
    pub fn who(&self) -> String {
        if self.scribe.trim().is_empty() {
            format!("the scribe on {}", self.device)
        } else {
            self.scribe.clone()
        }
    }
}

/// The topic an entry is for: the one with its id, or the one it was merged into.
fn session_of(e: &Edition, id: TopicId) -> Option<TopicId> {
    if e.topic(id).is_some() {
        return Some(id);
    }
    e.topics
        .iter()
        .find(|t| t.merged_from.iter().any(|m| m.id == id))
        .map(|t| t.id)
}

/// The action point an entry is about: one the board had, or one the
/// journal added (by the entry that added it).
fn point_of(e: &Edition, mark: &Mark, action: &ActionRef) -> Option<super::topic::ActionPoint> {
    let id = match action {
        ActionRef::Board(id) => Some(*id),
        ActionRef::Scribed(seq) => mark.actions.get(seq).copied(),
    }?;
    e.action(id).map(|(_, a)| a.clone())
}

/// Merges the entries of every journal that the edition has not taken yet.
/// Journals are taken in the order of their ids, entries in their order, so
/// the result does not depend on the order the files arrived in.
pub fn merge(e: &mut Edition, journals: &[Journal]) -> Taken {
    let mut taken = Taken::default();
    let mut theirs: Option<Edition> = None;
    let mut order: Vec<&Journal> = journals.iter().collect();
    order.sort_by(|a, b| a.id.cmp(&b.id));
    order.dedup_by(|a, b| a.id == b.id && a.entries.len() <= b.entries.len());
    for j in order {
        let mut mark = e.scribes.get(&j.id).cloned().unwrap_or_default();
        let before = mark.merged;
        for entry in j.entries.iter().filter(|en| en.seq > before) {
            mark.merged = mark.merged.max(entry.seq);
            let Some(topic) = session_of(e, entry.topic) else {
                taken.orphans += 1;
                continue;
            };
            let counts = taken.by.entry(j.who()).or_default();
            match &entry.change {
                Change::Note { text } => {
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    if let Ok(t) = e.topic_mut(topic) {
                        if !t.notes.trim().is_empty() {
                            t.notes.push_str("\n\n");
                        }
                        t.notes.push_str(text);
                    }
                    counts.0 += 1;
                }
                Change::AddAction { text, owner, due } => {
                    let draft = super::actions::ActionDraft {
                        text: text.clone(),
                        owner: owner.clone(),
                        due: *due,
                    };
                    if let Ok(id) = e.add_action(topic, draft) {
                        mark.actions.insert(entry.seq, id);
                        counts.1 += 1;
                    }
                }
                Change::Participants { was, now } => {
                    let current = e.topic(topic).and_then(|t| t.participants);
                    if current == *now {
                        continue;
                    }
                    if current == *was {
                        if let Ok(t) = e.topic_mut(topic) {
                            t.participants = *now;
                        }
                        counts.2 += 1;
                    } else {
                        let title = e.topic(topic).map(|t| t.title.clone()).unwrap_or_default();
                        taken.conflicts.push(Conflict {
                            point: Point::Topic(topic, "participants"),
                            what: format!("the participants of “{title}” ({})", j.who()),
                            ours: count(current),
                            theirs: count(*now),
                        });
                        let t = theirs.get_or_insert_with(|| e.clone());
                        if let Ok(t) = t.topic_mut(topic) {
                            t.participants = *now;
                        }
                    }
                }
                Change::EditAction { action, was, now } => {
                    let Some(point) = point_of(e, &mark, action) else {
                        taken.orphans += 1;
                        continue;
                    };
                    let current = Wording::of(&point);
                    if current == *now {
                        continue;
                    }
                    let draft = |w: &Wording| super::actions::ActionDraft {
                        text: w.text.clone(),
                        owner: w.owner.clone(),
                        due: w.due,
                    };
                    if current == *was {
                        let _ = e.edit_action(point.id, draft(now));
                        counts.2 += 1;
                    } else {
                        taken.conflicts.push(Conflict {
                            point: Point::Action(Some(topic), point.id),
                            what: format!("the wording of “{}” ({})", point.text, j.who()),
                            ours: current.label(),
                            theirs: now.label(),
                        });
                        let t = theirs.get_or_insert_with(|| e.clone());
                        let _ = t.edit_action(point.id, draft(now));
                    }
                }
                Change::Status { action, was, now } => {
                    let Some(point) = point_of(e, &mark, action) else {
                        taken.orphans += 1;
                        continue;
                    };
                    if point.status == *now {
                        continue;
                    }
                    if point.status == *was {
                        let _ = e.set_action_status(point.id, *now);
                        counts.2 += 1;
                    } else {
                        taken.conflicts.push(Conflict {
                            point: Point::Action(Some(topic), point.id),
                            what: format!("the status of “{}” ({})", point.text, j.who()),
                            ours: point.status.label().into(),
                            theirs: now.label().into(),
                        });
                        let t = theirs.get_or_insert_with(|| e.clone());
                        let _ = t.set_action_status(point.id, *now);
                    }
                }
            }
        }
        if mark.merged != before {
            e.scribes.insert(j.id.clone(), mark);
            e.version = e.version.max(3);
        }
    }
    taken.by.retain(|_, c| *c != (0, 0, 0));
    // the scribes' values go on the board's latest, where nothing else differs
    if let Some(t) = &mut theirs {
        let mut rest = e.clone();
        for c in &taken.conflicts {
            super::sync::take_theirs(&mut rest, t, &c.point);
        }
        *t = rest;
    }
    taken.theirs = theirs;
    taken
}

/// What a scribe's board may not change, said when it is tried.
pub const NOT_A_SCRIBES: &str = "a scribe's board adds notes, participant counts and action points \
     (and sets or corrects them): the grid and the rest are the facilitator's";

/// The entries that make `after` of `before` on a scribe's board, numbered
/// from `next`; `mark` is what the board shows of this journal (its points
/// not yet on the facilitator's board are known by the entry that added
/// them). Anything a scribe does not change is refused with the reason.
pub fn entries_for(
    before: &Edition,
    after: &Edition,
    mark: &Mark,
    next: u64,
) -> Result<Vec<(TopicId, Change)>, String> {
    let refuse = |why: &str| Err(why.to_string());
    // all but the topics' notes, counts and points is the facilitator's
    if !before.same_but_topics(after) || before.topics.len() != after.topics.len() {
        return refuse(NOT_A_SCRIBES);
    }
    let scribed: BTreeMap<ActionId, u64> = mark.actions.iter().map(|(s, id)| (*id, *s)).collect();
    let mut out: Vec<(TopicId, Change)> = Vec::new();
    for (b, a) in before.topics.iter().zip(&after.topics) {
        if std::sync::Arc::ptr_eq(b, a) || b == a {
            continue;
        }
        let bare = |t: &super::topic::Topic| super::topic::Topic {
            notes: String::new(),
            participants: None,
            actions: Vec::new(),
            ..t.clone()
        };
        if bare(b) != bare(a) {
            return refuse(NOT_A_SCRIBES);
        }
        let topic = a.id;
        if a.notes != b.notes {
            let added = added_to_notes(&b.notes, &a.notes);
            if added.trim().is_empty() {
                return refuse("the notes on the board stay as they are: a scribe adds to them");
            }
            out.push((topic, Change::Note { text: added }));
        }
        if a.participants != b.participants {
            out.push((
                topic,
                Change::Participants {
                    was: b.participants,
                    now: a.participants,
                },
            ));
        }
        for old in &b.actions {
            if !a.actions.iter().any(|p| p.id == old.id) {
                return refuse("an action point sent to the board stays: X drops it");
            }
        }
        let kept: Vec<ActionId> = a
            .actions
            .iter()
            .map(|p| p.id)
            .filter(|id| b.actions.iter().any(|p| p.id == *id))
            .collect();
        if !kept.iter().eq(b.actions.iter().map(|p| &p.id)) {
            return refuse("the order of the action points is the facilitator's");
        }
        for point in &a.actions {
            match b.actions.iter().find(|p| p.id == point.id) {
                None => {
                    if point.origin.is_some() {
                        return refuse(NOT_A_SCRIBES);
                    }
                    let seq = next + out.len() as u64;
                    out.push((
                        topic,
                        Change::AddAction {
                            text: point.text.clone(),
                            owner: point.owner.clone(),
                            due: point.due,
                        },
                    ));
                    if point.status != Status::Open {
                        out.push((
                            topic,
                            Change::Status {
                                action: ActionRef::Scribed(seq),
                                was: Status::Open,
                                now: point.status,
                            },
                        ));
                    }
                }
                Some(old) => {
                    // its words, owner, date and status; where it came from is not a scribe's
                    let same_but_these = super::topic::ActionPoint {
                        text: point.text.clone(),
                        owner: point.owner.clone(),
                        due: point.due,
                        status: point.status,
                        ..old.clone()
                    };
                    if same_but_these != *point {
                        return refuse(NOT_A_SCRIBES);
                    }
                    let action = match scribed.get(&point.id) {
                        Some(seq) => ActionRef::Scribed(*seq),
                        None => ActionRef::Board(point.id),
                    };
                    let (was, now) = (Wording::of(old), Wording::of(point));
                    if was != now {
                        out.push((topic, Change::EditAction { action, was, now }));
                    }
                    if old.status != point.status {
                        out.push((
                            topic,
                            Change::Status {
                                action,
                                was: old.status,
                                now: point.status,
                            },
                        ));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// What a scribe added to a session's notes, from the notes as the board
/// had them (`old`) and as the scribe left them (`new`). The notes on the
/// board are the facilitator's: only words that are new are sent. Typed
/// at the end, they are what follows; otherwise they are the lines that
/// are not the board's, in order (a line of the board's that was changed
/// counts as new, so that nothing typed is lost: the facilitator sees both).
pub fn added_to_notes(old: &str, new: &str) -> String {
    let (old, new) = (old.trim_end(), new.trim_end());
    if let Some(rest) = new.strip_prefix(old) {
        return rest.trim().to_string();
    }
    let mut theirs = old.lines().map(str::trim_end).peekable();
    let mut added = Vec::new();
    for line in new.lines().map(str::trim_end) {
        if theirs.peek() == Some(&line) {
            theirs.next();
        } else {
            added.push(line);
        }
    }
    added.join("\n").trim().to_string()
}

/// The change that sets back what `change` set, when a journal can say it:
/// a count, a status, a point's wording; a note or a point added stays added.
pub fn undoing(change: &Change) -> Option<Change> {
    match change {
        Change::Participants { was, now } => Some(Change::Participants {
            was: *now,
            now: *was,
        }),
        Change::Status { action, was, now } => Some(Change::Status {
            action: *action,
            was: *now,
            now: *was,
        }),
        Change::EditAction { action, was, now } => Some(Change::EditAction {
            action: *action,
            was: now.clone(),
            now: was.clone(),
        }),
        Change::Note { .. } | Change::AddAction { .. } => None,
    }
}

fn count(n: Option<u32>) -> String {
    n.map_or("not set".into(), |n| n.to_string())
}

/// After an undo: the journals' entries read before stay read.
pub fn keep_read(e: &mut Edition, read: BTreeMap<String, Mark>) {
    for (id, mark) in read {
        let kept = e.scribes.entry(id).or_default();
        if mark.merged > kept.merged {
            *kept = mark;
        }
    }
    // the points the undo took out are no one's: an id given again later to
    // another point must not be taken for a scribe's
    let on_board: std::collections::HashSet<ActionId> = e.actions().map(|(_, a)| a.id).collect();
    for mark in e.scribes.values_mut() {
        mark.actions.retain(|_, id| on_board.contains(id));
    }
    if !e.scribes.is_empty() {
        e.version = e.version.max(3);
    }
}
