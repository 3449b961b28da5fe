//! Sessions over several slots: a two-hour workshop takes consecutive session
//! slots of one day in one space. The topic says how many (`span`), its
//! placement names the first. A span runs over a break (the workshop pauses
//! for coffee with everybody else) but never over a plenary, where everybody
//! is together; nor past the day's last session slot.

use jiff::civil::DateTime;

use super::edition::{Edition, Slot, SlotKind};
use super::error::{ModelError, ModelResult};
use super::hhmm::format_hhmm;
use super::ids::{SlotId, SpaceId, TopicId};
use super::topic::{Placement, Topic};

/// The most slots one session may take: a whole day of them.
pub const MAX_SPAN: u32 = 12;

/// Why a span does not fit from a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// A plenary comes before the span is complete: (its label, its start).
    Plenary(String, String),
    /// The day has only this many session slots from the start on.
    DayEnds(usize),
}

impl Misfit {
    /// The same, short, for a message line that already names the session:
    /// "3 slots from 12:30 run into the plenary at 13:30".
    pub fn short(&self, span: u32, from: &Slot) -> String {
        let start = format_hhmm(from.start);
        match self {
            Misfit::Plenary(_, at) => {
                format!("{span} slots from {start} run into the plenary at {at}")
            }
            Misfit::DayEnds(left) => format!("the day has {left} from {start}, not {span}"),
        }
    }

    /// "“Kubernetes lab” needs 3 slots from 14:00; the day has 2 from then"
    pub fn message(&self, title: &str, span: u32, from: &Slot) -> String {
        let start = format_hhmm(from.start);
        match self {
            Misfit::Plenary(label, at) => format!(
                "“{title}” needs {span} slots from {start}; the plenary “{label}” at {at} is in the way"
            ),
            Misfit::DayEnds(left) => {
                format!("“{title}” needs {span} slots from {start}; the day has {left} from then")
            }
        }
    }
}

impl Edition {
    /// The session slots that `span` slots from `start` take, in time order:
    /// the start slot and the next session slots of its day, over breaks.
    pub fn span_from(&self, start: &SlotId, span: u32) -> Result<Vec<&Slot>, Misfit> {
        let Some(first) = self.slot(start) else {
            return Err(Misfit::DayEnds(0));
        };
        let span = span.clamp(1, MAX_SPAN) as usize;
        let mut taken = vec![first];
        let day = self.slots_of_day(first.day);
        let after = day
            .iter()
            .position(|s| s.id == first.id)
            .map_or(day.len(), |i| i + 1);
        for slot in &day[after..] {
            if taken.len() == span {
                break;
            }
            match &slot.kind {
                SlotKind::Session => taken.push(slot),
                SlotKind::Break(_) => {}
                SlotKind::Plenary(label) => {
                    return Err(Misfit::Plenary(label.clone(), format_hhmm(slot.start)));
                }
            }
        }
        if taken.len() < span {
            return Err(Misfit::DayEnds(taken.len()));
        }
        Ok(taken)
    }

    /// The slots a placed topic takes: its span as far as it fits, and at
    /// least its first slot, so that a session whose span no longer fits
    /// stays on the board (the warnings say so). Empty when parked.
    pub fn slots_taken(&self, t: &Topic) -> Vec<&Slot> {
        let Placement::At { slot, .. } = &t.placement else {
            return Vec::new();
        };
        if t.slots() == 1 {
            return self.slot(slot).into_iter().collect();
        }
        match self.span_from(slot, t.slots()) {
            Ok(slots) => slots,
            Err(_) => {
                // as far as it goes
                let mut slots = Vec::new();
                for n in (1..t.slots()).rev() {
                    if let Ok(s) = self.span_from(slot, n) {
                        slots = s;
                        break;
                    }
                }
                if slots.is_empty() {
                    slots.extend(self.slot(slot));
                }
                slots
            }
        }
    }

    /// Whether a topic takes a cell, in any of its slots.
    pub fn takes(&self, t: &Topic, slot: &SlotId, space: &SpaceId) -> bool {
        match &t.placement {
            Placement::At { slot: s, space: p } if p == space => {
                s == slot || (t.slots() > 1 && self.slots_taken(t).iter().any(|x| &x.id == slot))
            }
            _ => false,
        }
    }

    /// The sessions going on in a slot: placed there, or running on into it.
    pub fn during<'a>(&'a self, slot: &'a SlotId) -> impl Iterator<Item = &'a Topic> + 'a {
        self.topics
            .iter()
            .map(|t| &**t)
            .filter(move |t| match &t.placement {
                Placement::At { slot: s, space } => s == slot || self.takes(t, slot, space),
                Placement::Parked => false,
            })
    }

    /// When a placed session starts and ends: its first slot's start and its
    /// last slot's end.
    pub fn session_times(&self, t: &Topic) -> Option<(DateTime, DateTime)> {
        let slots = self.slots_taken(t);
        Some((slots.first()?.starts(), slots.last()?.ends()))
    }

    /// "09:30–11:15" for a session over two slots, its slot's times for one.
    pub fn session_label(&self, t: &Topic) -> Option<String> {
        let slots = self.slots_taken(t);
        let (first, last) = (slots.first()?, slots.last()?);
        Some(format!(
            "{}–{}",
            format_hhmm(first.start),
            format_hhmm(last.end)
        ))
    }

    /// Why a placed topic's span does not fit where it is, in words.
    pub fn span_misfit(&self, t: &Topic) -> Option<String> {
        let Placement::At { slot, .. } = &t.placement else {
            return None;
        };
        if t.slots() == 1 {
            return None;
        }
        let first = self.slot(slot)?;
        self.span_from(slot, t.slots())
            .err()
            .map(|m| m.message(&t.title, t.slots(), first))
    }

    /// The slots `span` slots from `slot` take for the topic `id`, or the
    /// refusal that names it and says why.
    pub(super) fn span_or_refusal(
        &self,
        id: TopicId,
        slot: &SlotId,
        span: u32,
    ) -> ModelResult<Vec<&Slot>> {
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let first = self
            .slot(slot)
            .ok_or_else(|| ModelError::NoSlot(slot.clone()))?;
        self.span_from(slot, span)
            .map_err(|m| ModelError::Span(m.message(&title, span, first)))
    }

    /// Checks that `span` slots from a cell hold a session of `id`: the
    /// cell can hold one, the span fits, and no other topic (but those in
    /// `ignore`) takes any of its cells.
    pub fn check_room(
        &self,
        id: TopicId,
        slot: &SlotId,
        space: &SpaceId,
        span: u32,
        ignore: &[TopicId],
    ) -> ModelResult<()> {
        self.check_cell(slot, space)?;
        for s in self.span_or_refusal(id, slot, span)? {
            if let Some(other) = self
                .topics
                .iter()
                .find(|t| t.id != id && !ignore.contains(&t.id) && self.takes(t, &s.id, space))
            {
                let (slot, space) = self.cell_label(&s.id, space);
                return Err(ModelError::CellTaken {
                    slot,
                    space,
                    title: other.title.clone(),
                });
            }
        }
        Ok(())
    }

    /// Sets how many slots a session takes. A placed session must have the
    /// room for it where it is: else it is refused and nothing changes.
    pub fn set_span(&mut self, id: TopicId, span: u32) -> ModelResult<()> {
        if !(1..=MAX_SPAN).contains(&span) {
            return Err(ModelError::Span(format!(
                "a session takes 1 to {MAX_SPAN} slots, not {span}"
            )));
        }
        let topic = self.topic(id).ok_or(ModelError::NoTopic(id))?;
        if topic.slots() == span {
            return Ok(());
        }
        if let Placement::At { slot, space } = &topic.placement {
            self.check_room(id, slot, space, span, &[])?;
        }
        self.topic_mut(id)?.span = span;
        if span > 1 {
            self.needs_spans();
        }
        Ok(())
    }

    /// Takes a slot out of every span over it, before the slot goes or stops
    /// holding sessions: a session over it keeps its other slots (starting
    /// at the next one when it started there). The sessions that had no
    /// other slot still start there, for the caller to park.
    pub(super) fn leave_slot(&mut self, gone: &SlotId) {
        let mut shrink = Vec::new();
        for t in &self.topics {
            let Placement::At { space, .. } = &t.placement else {
                continue;
            };
            if !self.takes(t, gone, space) {
                continue;
            }
            let slots = self.slots_taken(t);
            let rest: Vec<SlotId> = slots
                .iter()
                .filter(|s| &s.id != gone)
                .map(|s| s.id.clone())
                .collect();
            if let Some(first) = rest.first() {
                shrink.push((t.id, first.clone(), space.clone(), rest.len()));
            }
        }
        for (id, first, space, n) in shrink {
            if let Ok(t) = self.topic_mut(id) {
                t.placement = Placement::At { slot: first, space };
                t.span = u32::try_from(n).unwrap_or(1).max(1);
            }
        }
    }

    /// The last slot of each placed session over several slots: what a slot
    /// change keeps (see `keep_span_ends`).
    pub(super) fn span_ends(&self) -> Vec<(TopicId, SlotId)> {
        self.topics
            .iter()
            .filter(|t| t.slots() > 1)
            .filter_map(|t| Some((t.id, self.slots_taken(t).last()?.id.clone())))
            .collect()
    }

    /// After slots were added or changed: each session over several slots
    /// runs to the same last slot as before, when it still can (a break
    /// between its slots made a session slot makes it one slot longer, not
    /// end earlier). A span that now runs into a plenary is left for the
    /// warnings to explain.
    pub(super) fn keep_span_ends(&mut self, ends: Vec<(TopicId, SlotId)>) {
        for (id, last) in ends {
            let Some(t) = self.topic(id) else { continue };
            let Placement::At { slot, .. } = &t.placement else {
                continue;
            };
            let (Some(first), Some(end)) = (self.slot(slot), self.slot(&last)) else {
                continue;
            };
            if first.day != end.day || !end.kind.is_session() || end.starts() <= first.starts() {
                continue;
            }
            let between: Vec<&Slot> = self
                .slots_of_day(first.day)
                .into_iter()
                .filter(|s| s.starts() >= first.starts() && s.starts() <= end.starts())
                .collect();
            if between
                .iter()
                .any(|s| matches!(s.kind, SlotKind::Plenary(_)))
            {
                continue;
            }
            let n = between.iter().filter(|s| s.kind.is_session()).count();
            let n = u32::try_from(n).unwrap_or(1).clamp(1, MAX_SPAN);
            if n != t.span
                && let Ok(t) = self.topic_mut(id)
            {
                t.span = n;
            }
        }
    }

    /// Once a session takes several slots, the file says version 2: an
    /// older openspace then says the file is newer, rather than failing on
    /// the field it does not know.
    pub(super) fn needs_spans(&mut self) {
        self.version = self.version.max(2);
    }
}

impl Topic {
    /// How many slots it takes: 1 unless it spans more.
    pub fn slots(&self) -> u32 {
        self.span.clamp(1, MAX_SPAN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TopicDraft;
    use crate::model::testing::spans_day as day;
    use jiff::civil::{date, time};

    fn add(e: &mut Edition, title: &str) -> TopicId {
        e.add_topic(TopicDraft {
            title: title.into(),
            ..TopicDraft::default()
        })
        .unwrap()
    }

    fn slot(e: &Edition, hhmm: &str) -> SlotId {
        let at = crate::model::hhmm::parse_hhmm(hhmm).unwrap();
        e.slots.iter().find(|s| s.start == at).unwrap().id.clone()
    }

    fn starts(e: &Edition, id: TopicId) -> Vec<String> {
        e.slots_taken(e.topic(id).unwrap())
            .iter()
            .map(|s| format_hhmm(s.start))
            .collect()
    }

    #[test]
    fn a_span_runs_over_a_break_but_not_over_a_plenary_or_past_the_day() {
        let e = day();
        let from = |hhmm: &str, n: u32| {
            e.span_from(&slot(&e, hhmm), n)
                .map(|s| s.iter().map(|s| format_hhmm(s.start)).collect::<Vec<_>>())
        };
        assert_eq!(from("09:00", 2).unwrap(), ["09:00", "10:00"]);
        assert_eq!(from("10:00", 2).unwrap(), ["10:00", "11:30"]);
        assert!(matches!(from("12:30", 2), Err(Misfit::Plenary(l, _)) if l == "Lunch talk"));
        assert_eq!(from("14:00", 2), Err(Misfit::DayEnds(1)));
    }

    #[test]
    fn a_spanning_session_takes_every_cell_of_its_span() {
        let mut e = day();
        let space = e.spaces[0].id.clone();
        let w = add(&mut e, "Kubernetes lab");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "10:00"), &space).unwrap();
        assert_eq!(starts(&e, w), ["10:00", "11:30"]);
        let t = e.topic_at(&slot(&e, "11:30"), &space).map(|t| t.id);
        assert_eq!(t, Some(w), "its second slot shows it");
        assert_eq!(e.session_label(e.topic(w).unwrap()).unwrap(), "10:00–12:30");
        // another session cannot go into its second slot
        let other = add(&mut e, "Other");
        let err = e.place(other, &slot(&e, "11:30"), &space).unwrap_err();
        assert!(
            matches!(err, ModelError::CellTaken { ref title, .. } if title == "Kubernetes lab")
        );
        // nor can it grow into a taken cell, or over the plenary
        e.place(other, &slot(&e, "12:30"), &space).unwrap();
        assert!(matches!(
            e.set_span(w, 3),
            Err(ModelError::CellTaken { .. })
        ));
        let before = e.clone();
        let late = add(&mut e, "Late");
        e.place(late, &slot(&e, "12:30"), &e.spaces[1].id.clone())
            .unwrap();
        let err = e.set_span(late, 2).unwrap_err();
        assert!(err.to_string().contains("plenary “Lunch talk”"), "{err}");
        assert_eq!(e.topic(late).unwrap().slots(), 1);
        assert!(e.set_span(w, 0).is_err() && e.set_span(w, MAX_SPAN + 1).is_err());
        assert_eq!(
            before.topic(w).unwrap().slots(),
            e.topic(w).unwrap().slots()
        );
    }

    #[test]
    fn moving_parking_and_swapping_keep_the_span_whole() {
        let mut e = day();
        let (a, b) = (e.spaces[0].id.clone(), e.spaces[1].id.clone());
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "09:00"), &a).unwrap();
        // moved to another room and time: both slots go
        e.move_to(w, &slot(&e, "11:30"), &b).unwrap();
        assert_eq!(starts(&e, w), ["11:30", "12:30"]);
        assert!(e.topic_at(&slot(&e, "09:00"), &a).is_none());
        // parked, it still needs two slots
        e.park(w).unwrap();
        assert_eq!(e.topic(w).unwrap().slots(), 2);
        // not into the last slot of the day
        let err = e.place(w, &slot(&e, "14:00"), &a).unwrap_err();
        assert!(err.to_string().contains("the day has 1"), "{err}");
        // swapped with a one-slot session: each keeps its length
        e.place(w, &slot(&e, "09:00"), &a).unwrap();
        let s = add(&mut e, "Short");
        e.place(s, &slot(&e, "11:30"), &b).unwrap();
        e.move_to(w, &slot(&e, "11:30"), &b).unwrap();
        assert_eq!(starts(&e, w), ["11:30", "12:30"]);
        assert_eq!(starts(&e, s), ["09:00"]);
        assert_eq!(
            e.topic(s).unwrap().placement,
            Placement::at(slot(&e, "09:00"), a.clone())
        );
        // two sessions in the way: refused, nothing moves
        let x = add(&mut e, "X");
        let y = add(&mut e, "Y");
        e.place(x, &slot(&e, "09:00"), &b).unwrap();
        e.place(y, &slot(&e, "10:00"), &b).unwrap();
        let before = e.clone();
        let err = e.move_to(w, &slot(&e, "09:00"), &b).unwrap_err();
        assert!(matches!(err, ModelError::SpanBlocked { .. }), "{err}");
        assert_eq!(e, before);
        // a swap that leaves no room for the other one is refused whole
        let err = e.swap(w, x).unwrap_err();
        assert!(matches!(err, ModelError::CellTaken { .. }), "{err}");
        assert_eq!(e, before);
    }

    #[test]
    fn a_slot_taken_out_of_a_span_leaves_the_rest() {
        let mut e = day();
        let a = e.spaces[0].id.clone();
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "09:00"), &a).unwrap();
        // its first slot removed: it starts at the second
        e.remove_slot(&slot(&e, "09:00")).unwrap();
        assert_eq!(starts(&e, w), ["10:00"]);
        assert_eq!(e.topic(w).unwrap().slots(), 1);
        // a one-slot session whose slot becomes a break is parked
        let s = slot(&e, "10:00");
        let parked = e
            .edit_slot(
                &s,
                time(10, 0, 0, 0),
                time(11, 0, 0, 0),
                SlotKind::Break("Long coffee".into()),
            )
            .unwrap();
        assert_eq!(parked, vec![w]);
        assert!(e.topic(w).unwrap().placement.is_parked());
        assert!(e.validate().is_empty());
    }

    #[test]
    fn a_plenary_added_under_a_span_leaves_it_short_and_says_why() {
        let mut e = day();
        let a = e.spaces[0].id.clone();
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "10:00"), &a).unwrap();
        // the coffee break becomes a plenary: the span now runs into it
        let brk = slot(&e, "11:00");
        e.edit_slot(
            &brk,
            time(11, 0, 0, 0),
            time(11, 30, 0, 0),
            SlotKind::Plenary("Keynote".into()),
        )
        .unwrap();
        assert_eq!(starts(&e, w), ["10:00"], "it keeps what fits");
        let why = e.span_misfit(e.topic(w).unwrap()).unwrap();
        assert!(why.contains("plenary “Keynote”"), "{why}");
        assert_eq!(e.version, 2, "a file with a span says version 2");
    }

    #[test]
    fn the_countdown_runs_to_the_end_of_the_sessions_when_all_run_on() {
        use crate::model::schedule::Countdown;
        let mut e = day();
        let (a, b) = (e.spaces[0].id.clone(), e.spaces[1].id.clone());
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "09:00"), &a).unwrap();
        let at = |h, m| date(2026, 5, 14).to_datetime(time(h, m, 0, 0));
        assert_eq!(
            e.countdown_end(at(9, 30)),
            Some((at(11, 0), Countdown::Session))
        );
        // in its second slot it is still on, and ends then too
        assert_eq!(e.during(&slot(&e, "10:00")).count(), 1);
        // with a one-slot session beside it the room's rhythm is the slot's
        let s = add(&mut e, "Short");
        e.place(s, &slot(&e, "09:00"), &b).unwrap();
        assert_eq!(
            e.countdown_end(at(9, 30)),
            Some((at(10, 0), Countdown::Slot))
        );
    }

    #[test]
    fn a_card_moved_to_another_room_leaves_the_one_in_the_way_its_time() {
        let mut e = day();
        let (a, b) = (e.spaces[0].id.clone(), e.spaces[1].id.clone());
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "09:00"), &a).unwrap();
        let s = add(&mut e, "Solo");
        e.place(s, &slot(&e, "10:00"), &b).unwrap();
        // the workshop changes room at the same time: Solo keeps 10:00
        assert_eq!(e.move_to(w, &slot(&e, "09:00"), &b), Ok(Some(s)));
        assert_eq!(starts(&e, w), ["09:00", "10:00"]);
        assert!(e.topic(s).unwrap().placement.is_at(&slot(&e, "10:00"), &a));
    }

    #[test]
    fn a_break_under_a_span_made_a_session_slot_keeps_its_end() {
        let mut e = day();
        let a = e.spaces[0].id.clone();
        let w = add(&mut e, "Workshop");
        e.set_span(w, 2).unwrap();
        e.place(w, &slot(&e, "10:00"), &a).unwrap();
        assert_eq!(e.session_label(e.topic(w).unwrap()).unwrap(), "10:00–12:30");
        // the coffee becomes a session slot: still to 12:30, over three slots
        let brk = slot(&e, "11:00");
        e.edit_slot(
            &brk,
            time(11, 0, 0, 0),
            time(11, 30, 0, 0),
            SlotKind::Session,
        )
        .unwrap();
        assert_eq!(e.session_label(e.topic(w).unwrap()).unwrap(), "10:00–12:30");
        assert_eq!(e.topic(w).unwrap().slots(), 3);
        // and back to a break: two again, to the same end
        e.edit_slot(
            &brk,
            time(11, 0, 0, 0),
            time(11, 30, 0, 0),
            SlotKind::Break("Coffee".into()),
        )
        .unwrap();
        assert_eq!(e.session_label(e.topic(w).unwrap()).unwrap(), "10:00–12:30");
        assert_eq!(e.topic(w).unwrap().slots(), 2);
        // a session slot added within it: it takes that one too
        e.remove_slot(&brk).unwrap();
        e.add_slot(
            e.days[0],
            time(11, 0, 0, 0),
            time(11, 30, 0, 0),
            SlotKind::Session,
        )
        .unwrap();
        assert_eq!(e.session_label(e.topic(w).unwrap()).unwrap(), "10:00–12:30");
    }
}
