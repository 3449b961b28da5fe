//! What a facilitator checks with their eyes on a paper wall: a convener in
//! two places at once, more interest than a room holds, the same topic
//! pitched twice. Warnings explain; they never block a move or a capture.

use std::collections::HashMap;
use std::sync::Arc;

use super::edition::Edition;
use super::ids::{SlotId, SpaceId, TopicId};
use super::topic::{Placement, Topic};

/// Which check a warning comes from; a config file can turn one off by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A convener in two sessions at the same time.
    ConvenerClash,
    /// Votes or participants above the space's capacity.
    OverCapacity,
    /// Two topics with the same or nearly the same title.
    SimilarTitles,
    /// A session over several slots that no longer fits where it is: its
    /// span runs into a plenary or past the day, or over another session.
    SpanMisfit,
}

impl Rule {
    /// The word on a card that has this warning (beside the ⚠ sign).
    pub fn word(self) -> &'static str {
        match self {
            Rule::ConvenerClash => "clash",
            Rule::OverCapacity => "full",
            Rule::SimilarTitles => "twin",
            Rule::SpanMisfit => "span",
        }
    }

    pub const ALL: [Rule; 4] = [
        Rule::ConvenerClash,
        Rule::OverCapacity,
        Rule::SimilarTitles,
        Rule::SpanMisfit,
    ];

    /// The name a config file and `check` use: `convener-clash`, …
    pub fn name(self) -> &'static str {
        match self {
            Rule::ConvenerClash => "convener-clash",
            Rule::OverCapacity => "over-capacity",
            Rule::SimilarTitles => "similar-titles",
            Rule::SpanMisfit => "span-misfit",
        }
    }

    pub fn by_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// How much a warning matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look ("these two look alike").
    Notice,
    /// Something will go wrong in the room if nothing changes.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub rule: Rule,
    pub severity: Severity,
    /// The topics concerned, the first being where the warning is shown.
    pub topics: Vec<TopicId>,
    /// The convener in two places, for a clash.
    pub who: Option<String>,
}

impl Warning {
    /// The warning in words, written when it is shown: checking after every
    /// change costs no text.
    pub fn message(&self, e: &Edition) -> String {
        let topic = |i: usize| self.topics.get(i).and_then(|id| e.topic(*id));
        let title = |i: usize| topic(i).map(|t| t.title.clone()).unwrap_or_default();
        let at = |i: usize| topic(i).map(|t| place_of(e, t)).unwrap_or_default();
        match self.rule {
            Rule::ConvenerClash => format!(
                "{} convenes “{}” {} and “{}” {}",
                self.who.as_deref().unwrap_or_default(),
                title(0),
                at(0),
                title(1),
                at(1)
            ),
            Rule::OverCapacity => {
                let Some(t) = topic(0) else {
                    return String::new();
                };
                let room = cell(t).and_then(|(_, p)| e.space(p));
                let (name, capacity) = room.map_or((String::new(), 0), |r| {
                    (r.name.clone(), r.capacity.unwrap_or_default())
                });
                match t.participants {
                    Some(p) if p > capacity => {
                        format!(
                            "“{}” has {p} people took part, and {name} holds {capacity}",
                            t.title
                        )
                    }
                    _ => format!(
                        "“{}” has {} votes, and {name} holds {capacity}",
                        t.title, t.votes
                    ),
                }
            }
            Rule::SimilarTitles => format!(
                "“{}” and “{}” look like one topic: M merges them when both conveners agree",
                title(0),
                title(1)
            ),
            Rule::SpanMisfit => match (topic(0), topic(1)) {
                (Some(t), None) => e
                    .span_misfit(t)
                    .map(|why| format!("{why} (it shows in the slots that fit)"))
                    .unwrap_or_default(),
                (Some(t), Some(o)) => format!(
                    "“{}” runs on into “{}” {}: one of them needs another place",
                    t.title,
                    o.title,
                    at(1)
                ),
                _ => String::new(),
            },
        }
    }
}

/// Every warning of the edition, in a stable order (by rule, then topic);
/// the rules in `off` are not checked.
pub fn warnings(e: &Edition, off: &[Rule]) -> Vec<Warning> {
    warnings_kept(e, off, &mut Memo::default())
}

/// What the checks work out for each topic (its title's key, its
/// conveners' folded names), kept from one check to the next: a topic is
/// shared and never changed in place, so the same topic has the same keys,
/// and a change of one topic works out only that one's again.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    topics: HashMap<TopicId, Keys>,
}

#[derive(Debug, Clone)]
struct Keys {
    topic: Arc<Topic>,
    title: Option<u64>,
    conveners: Vec<u64>,
}

impl Memo {
    fn keys(&mut self, t: &Arc<Topic>, word: &mut Vec<char>) -> &Keys {
        let fresh = self
            .topics
            .get(&t.id)
            .is_none_or(|k| !Arc::ptr_eq(&k.topic, t));
        if fresh {
            let keys = Keys {
                topic: Arc::clone(t),
                title: key(&t.title, word),
                conveners: t.conveners.iter().map(|n| folded(n)).collect(),
            };
            self.topics.insert(t.id, keys);
        }
        &self.topics[&t.id]
    }

    /// The title key kept for this very topic, if the memo has it.
    fn title_of(&self, t: &Arc<Topic>) -> Option<Option<u64>> {
        self.topics
            .get(&t.id)
            .filter(|k| Arc::ptr_eq(&k.topic, t))
            .map(|k| k.title)
    }

    /// Forgets the topics no longer in the edition.
    fn keep_only(&mut self, e: &Edition) {
        if self.topics.len() > e.topics.len() {
            let ids: std::collections::HashSet<TopicId> = e.topics.iter().map(|t| t.id).collect();
            self.topics.retain(|id, _| ids.contains(id));
        }
    }
}

/// `warnings`, with what the checks before worked out.
pub fn warnings_kept(e: &Edition, off: &[Rule], memo: &mut Memo) -> Vec<Warning> {
    let mut out = Vec::new();
    let on = |r: Rule| !off.contains(&r);
    memo.keep_only(e);
    if on(Rule::ConvenerClash) {
        convener_clashes(e, memo, &mut out);
    }
    if on(Rule::OverCapacity) {
        over_capacity(e, &mut out);
    }
    if on(Rule::SimilarTitles) {
        similar_titles(e, memo, &mut out);
    }
    if on(Rule::SpanMisfit) {
        span_misfits(e, &mut out);
    }
    out
}

/// `warnings_kept` after a change of votes and participant counts only (a
/// vote, a dot, a count): those decide only which sessions are too full for
/// their room, so the other rules' warnings stand as `before` has them.
pub fn after_counts(e: &Edition, off: &[Rule], before: &[Warning]) -> Vec<Warning> {
    let rule_is = |r: Rule| move |w: &&Warning| w.rule == r;
    let mut out: Vec<Warning> = before
        .iter()
        .filter(rule_is(Rule::ConvenerClash))
        .cloned()
        .collect();
    if !off.contains(&Rule::OverCapacity) {
        over_capacity(e, &mut out);
    }
    out.extend(
        before
            .iter()
            .filter(|w| !matches!(w.rule, Rule::ConvenerClash | Rule::OverCapacity))
            .cloned(),
    );
    out
}

/// Whether `after` is `before` with other votes or participant counts only.
pub fn only_counts_changed(before: &Edition, after: &Edition) -> bool {
    if before.topics.len() != after.topics.len() || !before.same_but_topics(after) {
        return false;
    }
    let counts_aside = |t: &Topic| Topic {
        votes: 0,
        participants: None,
        ..t.clone()
    };
    before
        .topics
        .iter()
        .zip(&after.topics)
        .all(|(b, a)| Arc::ptr_eq(b, a) || counts_aside(b) == counts_aside(a))
}

/// Sessions over several slots that no longer fit: after a slot was changed
/// or added, or in a file written by hand. Sessions of one slot cost nothing.
fn span_misfits(e: &Edition, out: &mut Vec<Warning>) {
    for t in e.topics.iter().map(|t| &**t).filter(|t| t.slots() > 1) {
        let Some((_, space)) = cell(t) else { continue };
        if e.span_misfit(t).is_some() {
            out.push(Warning {
                rule: Rule::SpanMisfit,
                severity: Severity::Warning,
                topics: vec![t.id],
                who: None,
            });
        }
        // another session in one of its later slots
        for slot in e.slots_taken(t).iter().skip(1) {
            if let Some(o) = e
                .topics
                .iter()
                .find(|o| o.id != t.id && o.placement.is_at(&slot.id, space))
            {
                out.push(Warning {
                    rule: Rule::SpanMisfit,
                    severity: Severity::Warning,
                    topics: vec![t.id, o.id],
                    who: None,
                });
            }
        }
    }
}

fn cell(t: &Topic) -> Option<(&SlotId, &SpaceId)> {
    match &t.placement {
        Placement::At { slot, space } => Some((slot, space)),
        Placement::Parked => None,
    }
}

/// "at 11:00 in Navis-A", "at 10:15–12:30 in Navis-A" for a session over
/// several slots.
fn place_of(e: &Edition, t: &Topic) -> String {
    match (cell(t), e.session_label(t)) {
        (Some((_, space)), Some(times)) if t.slots() > 1 => {
            let room = e.space(space).map(|s| s.name.as_str()).unwrap_or_default();
            format!("at {times} in {room}")
        }
        (Some((slot, space)), _) => place(e, slot, space),
        (None, _) => String::new(),
    }
}

/// "at 11:00 in Navis-A"
fn place(e: &Edition, slot: &SlotId, space: &SpaceId) -> String {
    let when = e
        .slot(slot)
        .map(|s| super::hhmm::format_hhmm(s.start))
        .unwrap_or_default();
    let room = e.space(space).map(|s| s.name.as_str()).unwrap_or_default();
    format!("at {when} in {room}")
}

fn convener_clashes(e: &Edition, memo: &mut Memo, out: &mut Vec<Warning>) {
    // placed sessions by slot and convener (names compared without case),
    // a session over several slots in each of them
    let mut seen: HashMap<(&SlotId, u64), Vec<&Topic>> = HashMap::new();
    let mut word = Vec::new();
    for arc in &e.topics {
        let t = &**arc;
        let Some((slot, _)) = cell(t) else { continue };
        let more = if t.slots() > 1 {
            e.slots_taken(t)
        } else {
            Vec::new()
        };
        let names = memo.keys(arc, &mut word).conveners.clone();
        let slots = std::iter::once(slot).chain(more.iter().skip(1).map(|s| &s.id));
        for slot in slots {
            for &who in &names {
                seen.entry((slot, who)).or_default().push(t);
            }
        }
    }
    // each session with the next one of the same convener at that time: every
    // clash is said, in as many warnings as there are sessions too many
    let mut clashes: Vec<(&Topic, &Topic, String)> = Vec::new();
    for topics in seen.values_mut().filter(|t| t.len() > 1) {
        topics.sort_by_key(|t| t.id);
        for pair in topics.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let who = a
                .conveners
                .iter()
                .find(|n| {
                    b.conveners
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(n) || folded(m) == folded(n))
                })
                .cloned()
                .unwrap_or_default();
            clashes.push((a, b, who));
        }
    }
    clashes.sort_by_key(|(a, b, _)| (a.id, b.id));
    // two long sessions side by side meet in several slots: said once
    clashes.dedup_by_key(|(a, b, _)| (a.id, b.id));
    for (a, b, who) in clashes {
        out.push(Warning {
            rule: Rule::ConvenerClash,
            severity: Severity::Warning,
            topics: vec![a.id, b.id],
            who: Some(who),
        });
    }
}

fn over_capacity(e: &Edition, out: &mut Vec<Warning>) {
    let capacity_of: HashMap<&SpaceId, u32> = e
        .spaces
        .iter()
        .filter_map(|s| s.capacity.map(|c| (&s.id, c)))
        .collect();
    for t in e.topics.iter().map(|t| &**t) {
        let Some((_, space)) = cell(t) else { continue };
        let Some(&capacity) = capacity_of.get(space) else {
            continue;
        };
        if t.participants.is_some_and(|p| p > capacity) || t.votes > capacity {
            out.push(Warning {
                rule: Rule::OverCapacity,
                severity: Severity::Warning,
                topics: vec![t.id],
                who: None,
            });
        }
    }
}

/// A name as compared, without its case, as a number: no text is made.
fn folded(name: &str) -> u64 {
    name.chars()
        .flat_map(char::to_lowercase)
        .fold(0xcbf2_9ce4_8422_2325, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// A title as compared, as a number: its lowercase words of letters and
/// digits, a plural's final "s" left out ("Hackathons: still worth it?" is
/// "hackathon still worth it"). `word` is a buffer the caller lends.
fn key(title: &str, word: &mut Vec<char>) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let eat = |h: &mut u64, c: char| *h = (*h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    let mut flush = |h: &mut u64, word: &mut Vec<char>| {
        if word.is_empty() {
            return;
        }
        if word.len() > 3 && word.last() == Some(&'s') {
            word.pop();
        }
        if any {
            eat(h, ' ');
        }
        for &c in word.iter() {
            eat(h, c);
        }
        any = true;
        word.clear();
    };
    word.clear();
    for c in title.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut h, word);
        }
    }
    flush(&mut h, word);
    any.then_some(h)
}

/// Twins: titles with one key. One pass with a map, so it costs the same at
/// every keystroke on a board of a thousand topics.
fn similar_titles(e: &Edition, memo: &mut Memo, out: &mut Vec<Warning>) {
    let mut by_key: HashMap<u64, Vec<TopicId>> = HashMap::with_capacity(e.topics.len());
    let mut word = Vec::new();
    for t in e.topics.iter() {
        if let Some(k) = memo.keys(t, &mut word).title {
            by_key.entry(k).or_default().push(t.id);
        }
    }
    let mut twins: Vec<Vec<TopicId>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    twins.sort_by_key(|g| g[0]);
    for g in twins {
        for pair in g.windows(2) {
            out.push(Warning {
                rule: Rule::SimilarTitles,
                severity: Severity::Notice,
                topics: vec![pair[0], pair[1]],
                who: None,
            });
        }
    }
}

/// What a topic about to be captured would clash with, in words: the
/// capture line's preview before Enter.
pub fn for_new(
    e: &Edition,
    title: &str,
    conveners: &[String],
    at: Option<(&SlotId, &SpaceId)>,
    span: u32,
    votes: u32,
) -> Vec<String> {
    for_new_kept(e, &Memo::default(), title, conveners, at, span, votes)
}

/// `for_new`, with the title keys the last check kept: the preview is made
/// at every key typed, and does not work out every topic's key again.
pub fn for_new_kept(
    e: &Edition,
    memo: &Memo,
    title: &str,
    conveners: &[String],
    at: Option<(&SlotId, &SpaceId)>,
    span: u32,
    votes: u32,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((slot, space)) = at {
        // every slot it would take, as far as its span fits
        let slots: Vec<&SlotId> = match e.span_from(slot, span) {
            Ok(slots) => slots.iter().map(|s| &s.id).collect(),
            Err(_) => vec![slot],
        };
        for t in e.topics.iter() {
            let Some((s, p)) = cell(t) else { continue };
            let meets = slots.contains(&s) || slots.iter().any(|x| e.takes(t, x, p));
            if !meets {
                continue;
            }
            for who in conveners {
                if t.conveners.iter().any(|c| c.eq_ignore_ascii_case(who)) {
                    out.push(format!(
                        "{who} also convenes “{}” {}",
                        t.title,
                        place_of(e, t)
                    ));
                }
            }
        }
        if let Some(room) = e.space(space)
            && let Some(cap) = room.capacity
            && votes > cap
        {
            out.push(format!("{votes} votes, and {} holds {cap}", room.name));
        }
    }
    let mut word = Vec::new();
    let k = key(title, &mut word);
    if k.is_some()
        && let Some(t) = e.topics.iter().find(|t| {
            let kept = memo.title_of(t);
            kept.unwrap_or_else(|| key(&t.title, &mut word)) == k
        })
    {
        out.push(format!("“{}” is on the board already", t.title));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TopicDraft;
    use crate::model::testing::sample;

    fn add(e: &mut Edition, title: &str, who: &[&str]) -> TopicId {
        e.add_topic(TopicDraft {
            title: title.into(),
            conveners: who.iter().map(|s| s.to_string()).collect(),
            ..TopicDraft::default()
        })
        .unwrap()
    }

    /// Two free cells of one slot: two sessions at the same time.
    fn two_free_cells_at_once(e: &Edition) -> Vec<(SlotId, SpaceId)> {
        let cells = free_cells(e);
        let in_slot = |slot: &SlotId| cells.iter().filter(|(s, _)| s == slot).count();
        let slot = cells
            .iter()
            .map(|(s, _)| s)
            .find(|s| in_slot(s) >= 2)
            .expect("a slot with two free cells");
        cells
            .iter()
            .filter(|(s, _)| s == slot)
            .take(2)
            .cloned()
            .collect()
    }

    fn free_cells(e: &Edition) -> Vec<(SlotId, SpaceId)> {
        e.slots
            .iter()
            .filter(|s| s.kind.is_session())
            .flat_map(|s| e.spaces.iter().map(move |p| (s.id.clone(), p.id.clone())))
            .filter(|(s, p)| e.topic_at(s, p).is_none())
            .collect()
    }

    #[test]
    fn a_convener_in_two_sessions_at_once_is_a_warning() {
        let mut e = sample();
        let two = two_free_cells_at_once(&e);
        let a = add(&mut e, "Threat models", &["Jeffrey"]);
        let b = add(&mut e, "Privacy by design", &["jeffrey", "Ann"]);
        e.place(a, &two[0].0, &two[0].1).unwrap();
        e.place(b, &two[1].0, &two[1].1).unwrap();
        let w = warnings(&e, &[]);
        let clash = w
            .iter()
            .find(|w| w.rule == Rule::ConvenerClash)
            .expect("a clash");
        assert_eq!(clash.topics, vec![a, b]);
        assert!(
            clash.message(&e).contains("Jeffrey convenes"),
            "{}",
            clash.message(&e)
        );
        assert!(
            warnings(&e, &[Rule::ConvenerClash])
                .iter()
                .all(|w| w.rule != Rule::ConvenerClash)
        );
        // in different slots there is no clash
        e.park(b).unwrap();
        assert!(
            warnings(&e, &[])
                .iter()
                .all(|w| w.rule != Rule::ConvenerClash)
        );
    }

    #[test]
    fn interest_above_capacity_is_a_warning_and_a_room_without_one_never_is() {
        let mut e = sample();
        let t = e
            .topics
            .iter()
            .find(|t| cell(t).is_some())
            .map(|t| t.id)
            .unwrap();
        let (_, space) = cell(e.topic(t).unwrap())
            .map(|(s, p)| (s.clone(), p.clone()))
            .unwrap();
        let cap = e.space(&space).unwrap().capacity;
        e.set_votes(t, 500).unwrap();
        let over = warnings(&e, &[])
            .into_iter()
            .any(|w| w.rule == Rule::OverCapacity && w.topics == vec![t]);
        assert_eq!(over, cap.is_some_and(|c| c < 500));
        e.set_capacity(&space, None).unwrap();
        assert!(
            warnings(&e, &[])
                .iter()
                .all(|w| w.rule != Rule::OverCapacity || w.topics != vec![t])
        );
    }

    #[test]
    fn after_votes_and_counts_the_kept_warnings_are_the_ones_checked_afresh() {
        let mut e = sample();
        // a clash and a twin, so that every rule has something to keep
        let two = two_free_cells_at_once(&e);
        let a = add(&mut e, "Service mesh", &["Ada"]);
        let b = add(&mut e, "service mesh", &["Ada"]);
        e.place(a, &two[0].0, &two[0].1).unwrap();
        e.place(b, &two[1].0, &two[1].1).unwrap();
        let rules: Vec<Rule> = warnings(&e, &[]).iter().map(|w| w.rule).collect();
        assert!(rules.contains(&Rule::ConvenerClash) && rules.contains(&Rule::SimilarTitles));
        let placed: Vec<TopicId> = e
            .topics
            .iter()
            .filter(|t| !t.placement.is_parked())
            .map(|t| t.id)
            .collect();
        let mut kept = warnings(&e, &[]);
        let mut seed = 11u64;
        for step in 0..200 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let id = placed[(seed >> 33) as usize % placed.len()];
            let n = ((seed >> 20) % 60) as u32;
            let before = e.clone();
            if step % 3 == 0 {
                e.set_participants(id, Some(n)).unwrap();
            } else {
                e.set_votes(id, n).unwrap();
            }
            assert!(only_counts_changed(&before, &e));
            for off in [&[][..], &[Rule::OverCapacity][..]] {
                let fresh = warnings(&e, off);
                let base = warnings(&before, off);
                assert_eq!(
                    after_counts(&e, off, &base),
                    fresh,
                    "step {step}, off {off:?}"
                );
            }
            kept = after_counts(&e, &[], &kept);
            assert_eq!(kept, warnings(&e, &[]), "step {step}, kept all along");
        }
        // a move, a title or a new topic is not a change of counts
        let before = e.clone();
        e.park(placed[0]).unwrap();
        assert!(!only_counts_changed(&before, &e));
        let mut renamed = before.clone();
        std::sync::Arc::make_mut(&mut renamed.topics[0]).title = "Other".into();
        assert!(!only_counts_changed(&before, &renamed));
    }

    #[test]
    fn the_same_topic_twice_is_noticed() {
        let mut e = sample();
        let a = add(&mut e, "Team-tourism!", &[]);
        let w = warnings(&e, &[]);
        let s = w
            .iter()
            .find(|w| w.rule == Rule::SimilarTitles)
            .expect("similar");
        assert!(s.topics.contains(&a));
        assert_eq!(s.severity, Severity::Notice);
        assert_eq!(Rule::by_name("similar-titles"), Some(Rule::SimilarTitles));
    }

    /// Sessions at 9 and 10, a coffee break, 11:30; two rooms.
    fn morning() -> Edition {
        use crate::model::SlotKind;
        use jiff::civil::{date, time};
        let d = date(2026, 5, 14);
        let mut e = Edition::new("Spans", d);
        e.add_space("Navis-A", Some(40)).unwrap();
        e.add_space("Navis-B", Some(40)).unwrap();
        let t = |h, m| time(h, m, 0, 0);
        e.add_slot(d, t(9, 0), t(10, 0), SlotKind::Session).unwrap();
        e.add_slot(d, t(10, 0), t(11, 0), SlotKind::Session)
            .unwrap();
        e.add_slot(d, t(11, 0), t(11, 30), SlotKind::Break("Coffee".into()))
            .unwrap();
        e.add_slot(d, t(11, 30), t(12, 30), SlotKind::Session)
            .unwrap();
        e
    }

    #[test]
    fn a_convener_in_two_overlapping_spans_is_one_clash() {
        let mut e = morning();
        let (a_room, b_room) = (e.spaces[0].id.clone(), e.spaces[1].id.clone());
        let slot = |e: &Edition, i: usize| {
            e.slots
                .iter()
                .filter(|s| s.kind.is_session())
                .nth(i)
                .unwrap()
                .id
                .clone()
        };
        let lab = add(&mut e, "Threat modelling lab", &["Jeffrey"]);
        let talk = add(&mut e, "A target privacy threat model", &["Jeffrey"]);
        e.set_span(lab, 2).unwrap();
        e.set_span(talk, 2).unwrap();
        e.place(lab, &slot(&e, 0), &a_room).unwrap();
        // starts in the lab's second slot: the two meet at 10:00
        e.place(talk, &slot(&e, 1), &b_room).unwrap();
        let clashes: Vec<Warning> = warnings(&e, &[])
            .into_iter()
            .filter(|w| w.rule == Rule::ConvenerClash)
            .collect();
        assert_eq!(clashes.len(), 1, "{clashes:?}");
        let text = clashes[0].message(&e);
        assert!(text.contains("at 09:00–11:00 in Navis-A"), "{text}");
        // the capture preview sees spans too: at 11:30 the talk is still on
        let seen = for_new(
            &e,
            "Another",
            &["jeffrey".into()],
            Some((&slot(&e, 2), &a_room)),
            1,
            0,
        );
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert!(
            seen[0].contains("also convenes “A target privacy threat model”"),
            "{seen:?}"
        );
        // apart in time, nothing
        e.park(talk).unwrap();
        assert!(
            warnings(&e, &[])
                .iter()
                .all(|w| w.rule != Rule::ConvenerClash)
        );
    }

    #[test]
    fn a_span_that_no_longer_fits_is_a_warning_that_says_why() {
        use crate::model::SlotKind;
        let mut e = morning();
        let room = e.spaces[0].id.clone();
        let first = e.slots[0].id.clone();
        let lab = add(&mut e, "Kubernetes lab", &["Ann"]);
        e.set_span(lab, 3).unwrap();
        e.place(lab, &first, &room).unwrap();
        assert!(warnings(&e, &[]).is_empty());
        // the coffee break becomes a keynote: the lab now runs into it
        let brk = e.slots[2].clone();
        e.edit_slot(
            &brk.id,
            brk.start,
            brk.end,
            SlotKind::Plenary("Keynote".into()),
        )
        .unwrap();
        let w = warnings(&e, &[]);
        let misfit = w
            .iter()
            .find(|w| w.rule == Rule::SpanMisfit)
            .expect("a misfit");
        assert_eq!(misfit.topics, vec![lab]);
        assert!(
            misfit.message(&e).contains("plenary “Keynote”"),
            "{}",
            misfit.message(&e)
        );
        assert_eq!(Rule::by_name("span-misfit"), Some(Rule::SpanMisfit));
        assert!(warnings(&e, &[Rule::SpanMisfit]).is_empty());
    }

    #[test]
    fn a_span_over_another_session_is_a_warning() {
        let mut e = morning();
        let room = e.spaces[0].id.clone();
        let (s0, s1) = (e.slots[0].id.clone(), e.slots[1].id.clone());
        let other = add(&mut e, "Other", &[]);
        e.place(other, &s1, &room).unwrap();
        // as a file written by hand could have it
        let lab = add(&mut e, "Lab", &[]);
        e.place(lab, &s0, &room).unwrap();
        e.topic_mut(lab).unwrap().span = 2;
        let w = warnings(&e, &[]);
        let over = w
            .iter()
            .find(|w| w.rule == Rule::SpanMisfit)
            .expect("an overlap");
        assert_eq!(over.topics, vec![lab, other]);
        assert!(
            over.message(&e).contains("runs on into “Other”"),
            "{}",
            over.message(&e)
        );
    }
}
