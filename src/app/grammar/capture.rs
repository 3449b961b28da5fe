//! The capture line: one line typed while someone pitches, such as
//! `Service mesh in our cloud @Marta #Atrium 10:30 +5`. Convener after @,
//! space after #, a time picks the slot, +N votes; a time range
//! (`10:30-12:15`) or `x2` makes a session over several slots; every part
//! optional. Nothing is ever rejected: whatever does not parse stays in the title.

use jiff::civil::{Date, Time};

use crate::model::{Edition, SlotId, SpaceId, clean_names, hhmm};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub title: String,
    pub conveners: Vec<String>,
    pub space: Option<SpaceId>,
    pub time: Option<Time>,
    /// The time as typed and how many title words came before it, to put
    /// it back in its place when no slot holds it.
    pub time_text: Option<(usize, String)>,
    pub votes: Option<u32>,
    /// The end of a typed time range: the session runs to the slot it ends in.
    pub until: Option<Time>,
    /// How many slots, as `x2`.
    pub span: Option<u32>,
    /// What was not understood and so kept in the title.
    pub warnings: Vec<String>,
}

fn is_marker(word: &str) -> bool {
    (word.len() > 1 && (word.starts_with('@') || word.starts_with('#')))
        || votes(word).is_some()
        || time(word).is_some()
        || range(word).is_some()
        || span(word).is_some()
}

/// "10:15-12:30" (or with an en dash).
fn range(word: &str) -> Option<(Time, Time)> {
    let (a, b) = word.split_once(['-', '–'])?;
    Some((time(a)?, time(b)?))
}

/// "x2" to "x9" (or X2, ×2): a bare "x86" in a title is not a span.
fn span(word: &str) -> Option<u32> {
    let n = word.strip_prefix(['x', 'X', '×'])?;
    match n.as_bytes() {
        [d @ b'1'..=b'9'] => Some(u32::from(d - b'0')),
        _ => None,
    }
}

fn votes(word: &str) -> Option<u32> {
    let digits = word.strip_prefix('+')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Only "10:30" or "9:30" forms: a bare "2019" in a title is not a time.
fn time(word: &str) -> Option<Time> {
    if !word.contains(':') {
        return None;
    }
    hhmm::parse_hhmm(word)
}

/// The space a typed name means: exact name, id, or the one name it starts.
pub fn find_space(edition: &Edition, typed: &str) -> Option<SpaceId> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let exact = edition
        .spaces
        .iter()
        .find(|s| s.name.to_lowercase() == typed || s.id.0 == typed);
    if let Some(s) = exact {
        return Some(s.id.clone());
    }
    let mut prefixed = edition
        .spaces
        .iter()
        .filter(|s| s.name.to_lowercase().starts_with(&typed));
    match (prefixed.next(), prefixed.next()) {
        (Some(only), None) => Some(only.id.clone()),
        _ => None,
    }
}

/// A name after `@`, which runs over the following words up to the next
/// marker: returns it and the index of the first word after it.
pub(super) fn name_run(
    words: &[&str],
    at: usize,
    first: &str,
    is_marker: impl Fn(&str) -> bool,
) -> (String, usize) {
    let mut name = vec![first];
    let mut i = at + 1;
    while i < words.len() && !is_marker(words[i]) {
        name.push(words[i]);
        i += 1;
    }
    (name.join(" "), i)
}

pub fn parse(line: &str, edition: &Edition) -> Parsed {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out = Parsed::default();
    let mut title: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if let Some(first) = word.strip_prefix('@').filter(|w| !w.is_empty()) {
            // A convener's name runs to the next marker: "@Anna Maria #Atrium".
            let (names, next) = name_run(&words, i, first, is_marker);
            i = next;
            out.conveners
                .extend(names.split(',').map(|n| n.trim().to_string()));
            continue;
        }
        if let Some(first) = word.strip_prefix('#').filter(|w| !w.is_empty()) {
            // The longest run of words that names a space: "#Main hall".
            let mut run = vec![first];
            let mut j = i + 1;
            while j < words.len() && !is_marker(words[j]) {
                run.push(words[j]);
                j += 1;
            }
            let found = (1..=run.len())
                .rev()
                .find_map(|k| find_space(edition, &run[..k].join(" ")).map(|id| (k, id)));
            match found {
                Some((k, id)) => {
                    // a second space is the prefilled cell after a typed one: the first wins
                    if out.space.is_none() {
                        out.space = Some(id);
                    }
                    i += k;
                }
                _ => {
                    out.warnings
                        .push(format!("no space “{first}”: kept in the title"));
                    title.push(word);
                    i += 1;
                }
            }
            continue;
        }
        if let Some(n) = votes(word) {
            out.votes = Some(out.votes.unwrap_or(0).saturating_add(n));
        } else if let Some(n) = span(word) {
            out.span = Some(n);
        } else if let Some((from, to)) = range(word) {
            if out.time.is_none() {
                out.time = Some(from);
                out.until = Some(to);
                out.time_text = Some((title.len(), word.to_string()));
            }
        } else if let Some(t) = time(word) {
            // likewise a second time: the first one typed wins
            if out.time.is_none() {
                out.time = Some(t);
                out.time_text = Some((title.len(), word.to_string()));
            }
        } else {
            title.push(word);
        }
        i += 1;
    }
    out.conveners = clean_names(std::mem::take(&mut out.conveners));
    out.title = title.join(" ");
    out
}

/// The session slot a time falls in: on `day` first, else on any day.
pub fn slot_at(edition: &Edition, day: Option<Date>, at: Time) -> Option<SlotId> {
    let holds = |s: &&crate::model::Slot| {
        // a time after midnight is in a slot that runs past it
        let within = if s.end <= s.start {
            s.start <= at || at < s.end
        } else {
            s.start <= at && at < s.end
        };
        s.kind.is_session() && within
    };
    let on_day = day.and_then(|d| edition.slots.iter().filter(|s| s.day == d).find(holds));
    on_day
        .or_else(|| edition.slots.iter().find(holds))
        .map(|s| s.id.clone())
}

/// Where a parsed line goes, and what could not be honoured.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    /// The cell, when one was asked for and is free (for a session over
    /// several slots: its first cell, all of them free).
    pub cell: Option<(SlotId, SpaceId)>,
    /// How many slots it takes.
    pub span: u32,
    /// The title, with a time that no slot holds put back at its end.
    pub title: String,
    pub notes: Vec<String>,
}

/// Resolves a parsed line against the edition: a time picks the slot (on the
/// cursor's day first); a space without a time means the cursor's slot; a
/// time without a space, the first free space. A taken cell or a time in no
/// session slot sends the topic to the parking lot, with a note saying so.
pub fn resolve(
    edition: &Edition,
    parsed: &Parsed,
    cursor_slot: Option<&crate::model::Slot>,
) -> Resolved {
    let mut notes = parsed.warnings.clone();
    let day = cursor_slot.map(|s| s.day);
    let slot = parsed.time.and_then(|t| slot_at(edition, day, t));
    let mut title = parsed.title.clone();
    if let (Some(t), None) = (parsed.time, &slot) {
        notes.push(format!(
            "no session slot at {}: parked, time kept in the title",
            hhmm::format_hhmm(t)
        ));
        if let Some((at, text)) = &parsed.time_text {
            let mut words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
            words.insert((*at).min(words.len()), text);
            title = words.join(" ");
        }
    }
    let slot = slot.or_else(|| {
        parsed.space.as_ref().and(
            cursor_slot
                .filter(|s| s.kind.is_session() && parsed.time.is_none())
                .map(|s| s.id.clone()),
        )
    });
    let from_range = match (parsed.until, &slot) {
        (Some(until), Some(slot)) => Some(span_until(edition, slot, until)),
        _ => None,
    };
    let (span, range_fits) = match (parsed.span, from_range) {
        (Some(n), Some(Ok(m))) if n != m => {
            notes.push(format!("x{n} and the time range disagree: x{n}"));
            (n, true)
        }
        (Some(n), _) => (n, true),
        (None, Some(Ok(n))) => (n, true),
        (None, Some(Err(why))) => {
            notes.push(format!("{why}: parked"));
            (1, false)
        }
        (None, None) => (1, true),
    };
    let span = span.clamp(1, crate::model::span::MAX_SPAN);
    // the session's slots from where it starts, when its span fits there
    let slots: Option<Vec<SlotId>> =
        slot.as_ref()
            .filter(|_| range_fits)
            .and_then(|slot| match edition.span_from(slot, span) {
                Ok(slots) => Some(slots.iter().map(|s| s.id.clone()).collect()),
                Err(misfit) => {
                    if let Some(first) = edition.slot(slot) {
                        notes.push(format!("{}: parked", misfit.short(span, first)));
                    }
                    None
                }
            });
    // the first session in the way, and in which of its slots
    let holder = |space: &SpaceId| {
        slots
            .iter()
            .flatten()
            .find_map(|s| edition.topic_at(s, space).map(|t| (s, t)))
    };
    let space = match (&parsed.space, &slots) {
        (Some(space), _) => Some(space.clone()),
        (None, Some(_)) => edition
            .spaces
            .iter()
            .find(|s| holder(&s.id).is_none())
            .map(|s| s.id.clone()),
        (None, None) => None,
    };
    let mut cell = slots
        .as_ref()
        .and_then(|s| s.first().cloned())
        .zip(space.clone());
    if let Some((at, t)) = space.as_ref().filter(|_| cell.is_some()).and_then(holder) {
        let first = slots.as_ref().and_then(|s| s.first());
        let which = match edition.slot(at) {
            Some(s) if first != Some(at) => format!("its {} slot", hhmm::format_hhmm(s.start)),
            _ => "that cell".to_string(),
        };
        notes.push(format!("{which} holds “{}”: parked", t.title));
        cell = None;
    } else if cell.is_none() && parsed.time.is_some() && notes.is_empty() {
        notes.push("every space is taken at that time: parked".into());
    }
    Resolved {
        cell,
        span,
        title,
        notes,
    }
}

/// How many session slots from `slot` a range ending at `until` takes: each
/// that starts before it; or why the range cannot be one session (it ends
/// before it starts, or a plenary comes on the way).
fn span_until(edition: &Edition, slot: &SlotId, until: Time) -> Result<u32, String> {
    let Some(first) = edition.slot(slot) else {
        return Ok(1);
    };
    let range = format!(
        "{}-{}",
        hhmm::format_hhmm(first.start),
        hhmm::format_hhmm(until)
    );
    // an end at or before the start is the next day only for a slot past midnight
    let past_midnight = first.end <= first.start;
    let end = match (until <= first.start, past_midnight) {
        (false, _) => first.day.to_datetime(until),
        (true, true) => match first.day.tomorrow() {
            Ok(d) => d.to_datetime(until),
            Err(_) => return Ok(1),
        },
        (true, false) => return Err(format!("{range} ends before it starts")),
    };
    let within: Vec<&crate::model::Slot> = edition
        .slots_of_day(first.day)
        .into_iter()
        .filter(|s| s.starts() >= first.starts() && s.starts() < end)
        .collect();
    if let Some(p) = within
        .iter()
        .find(|s| matches!(s.kind, crate::model::SlotKind::Plenary(_)))
    {
        return Err(format!(
            "{range} runs into the plenary “{}” at {}",
            p.kind.label().unwrap_or_default(),
            hhmm::format_hhmm(p.start)
        ));
    }
    let n = within.iter().filter(|s| s.kind.is_session()).count();
    Ok(u32::try_from(n).unwrap_or(1).max(1))
}

/// The text that puts a topic into a cell, for prefilling the line: "#Atrium 10:30".
pub fn cell_text(edition: &Edition, slot: &SlotId, space: &SpaceId) -> Option<String> {
    let slot = edition.slot(slot).filter(|s| s.kind.is_session())?;
    let space = edition.space(space)?;
    Some(format!("#{} {}", space.name, hhmm::format_hhmm(slot.start)))
}

#[cfg(test)]
mod span_tests {
    use super::*;
    use crate::model::TopicDraft;
    use crate::model::testing::spans_day as day;

    fn line(e: &Edition, text: &str) -> Resolved {
        resolve(e, &parse(text, e), None)
    }

    #[test]
    fn a_time_range_or_x2_makes_a_session_over_several_slots() {
        let e = day();
        let r = line(&e, "Kubernetes lab @Ann #Atrium 10:00-12:30");
        assert_eq!(r.title, "Kubernetes lab");
        assert_eq!(r.span, 2, "over the coffee break");
        assert_eq!(r.cell.as_ref().map(|(s, _)| s.0.as_str()), Some("d1-1000"));
        let r = line(&e, "Kubernetes lab #Atrium 9:00 x3");
        assert_eq!(r.span, 3);
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        // an en dash, as some keyboards type it; an end inside a slot takes that slot
        assert_eq!(line(&e, "Lab #Atrium 9:00–10:30").span, 2);
        // x86 is a word of the title
        let r = line(&e, "x86 assembly #Atrium 9:00");
        assert_eq!((r.title.as_str(), r.span), ("x86 assembly", 1));
    }

    #[test]
    fn a_span_that_does_not_fit_is_parked_with_the_reason() {
        let mut e = day();
        let says = |r: &Resolved, what: &str| {
            assert!(
                r.notes.iter().any(|n| n.contains(what)),
                "{what}: {:?}",
                r.notes
            );
        };
        let r = line(&e, "Lab #Atrium 12:30-14:30");
        assert!(r.cell.is_none());
        says(&r, "plenary “Lunch talk”");
        says(&line(&e, "Lab #Atrium 14:00 x2"), "the day has 1");
        says(&line(&e, "Lab #Atrium 12:30 X2"), "plenary at 13:30");
        // a range backwards is no session: parked, saying so
        let r = line(&e, "Lab #Atrium 11:30-10:00");
        assert!(r.cell.is_none());
        says(&r, "ends before it starts");
        // x and a range that disagree: x wins, and it is said
        let r = line(&e, "Lab #Atrium 9:00-11:00 x3");
        assert_eq!(r.span, 3);
        says(&r, "disagree");
        // a taken second slot: parked, saying who holds it
        let t = e
            .add_topic(TopicDraft {
                title: "Taken".into(),
                ..TopicDraft::default()
            })
            .unwrap();
        let at = |hhmm: &str| {
            let at = hhmm::parse_hhmm(hhmm).unwrap();
            e.slots.iter().find(|s| s.start == at).unwrap().id.clone()
        };
        let (s, p) = (at("10:00"), e.spaces[0].id.clone());
        e.place(t, &s, &p).unwrap();
        let r = line(&e, "Lab #Atrium 9:00 x2");
        assert!(r.cell.is_none());
        says(&r, "its 10:00 slot holds “Taken”");
        // without a space, the first room free for the whole span
        let r = line(&e, "Lab 9:00 x2");
        assert_eq!(r.cell.map(|(_, p)| p.0), Some("library".to_string()));
    }
}

/// Tab completion of the word before the cursor: "@Ma" → "@Marta ",
/// "#gar" → "#Garden ". Returns the new line, or None when nothing fits.
pub fn complete(line: &str, conveners: &[String], edition: &Edition) -> Option<String> {
    let start = line.rfind(['@', '#'])?;
    let (head, word) = line.split_at(start);
    let (sigil, typed) = word.split_at(1);
    let typed_lower = typed.to_lowercase();
    let candidates: Vec<&str> = match sigil {
        "@" => conveners.iter().map(String::as_str).collect(),
        _ => edition.spaces.iter().map(|s| s.name.as_str()).collect(),
    };
    let pick = candidates
        .iter()
        .find(|c| c.to_lowercase().starts_with(&typed_lower) && c.len() > typed.len())?;
    Some(format!("{head}{sigil}{pick} "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

    #[test]
    fn the_example_line() {
        let e = sample();
        let p = parse("Service mesh in our cloud @Marta #Atrium 10:30 +5", &e);
        assert_eq!(p.title, "Service mesh in our cloud");
        assert_eq!(p.conveners, vec!["Marta"]);
        assert_eq!(p.space, Some(SpaceId("atrium".into())));
        assert_eq!(p.time, hhmm::parse_hhmm("10:30"));
        assert_eq!(p.votes, Some(5));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn every_part_is_optional_and_order_is_free() {
        let e = sample();
        assert_eq!(parse("Just a title", &e).title, "Just a title");
        let p = parse("+3 #lib Team tourism", &e);
        assert_eq!(
            (p.votes, p.space.clone()),
            (Some(3), Some(SpaceId("library".into())))
        );
        assert_eq!(p.title, "Team tourism");
        let p = parse("Pairing @Anna Maria, Ola #Garden", &e);
        assert_eq!(p.conveners, vec!["Anna Maria", "Ola"]);
        assert_eq!(p.space, Some(SpaceId("garden".into())));
    }

    #[test]
    fn what_does_not_parse_stays_in_the_title() {
        let e = sample();
        let p = parse("Roadmap 2019 #Narnia +x @", &e);
        assert_eq!(p.title, "Roadmap 2019 #Narnia +x @");
        assert_eq!(p.space, None);
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(parse("   ", &e), Parsed::default());
        let emoji = parse("🚀 Launch 会议 @Zoë", &e);
        assert_eq!(emoji.title, "🚀 Launch 会议");
        assert_eq!(emoji.conveners, vec!["Zoë"]);
        let long = "x".repeat(500);
        assert_eq!(parse(&long, &e).title, long);
    }

    #[test]
    fn a_time_no_slot_holds_stays_where_it_was_typed() {
        let e = sample();
        let p = parse("Talk at 23:00 sharp #Narnia", &e);
        let r = resolve(&e, &p, None);
        assert_eq!(r.title, "Talk at 23:00 sharp #Narnia");
        assert_eq!(r.cell, None);
    }

    #[test]
    fn what_is_typed_wins_over_the_prefilled_cell() {
        let e = sample();
        let p = parse("Staying technical #Garden 10:30 #Atrium 09:30", &e);
        assert_eq!(p.title, "Staying technical");
        assert_eq!(p.space, Some(SpaceId("garden".into())));
        assert_eq!(p.time, hhmm::parse_hhmm("10:30"));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn a_time_picks_the_slot_that_holds_it() {
        let e = sample();
        let day = e.days[0];
        let t = |s| hhmm::parse_hhmm(s).unwrap();
        let s = slot_at(&e, Some(day), t("10:45")).unwrap();
        assert_eq!(e.slot(&s).unwrap().start, t("10:30"));
        // a break holds no sessions, and a time outside every slot finds none
        assert_eq!(slot_at(&e, Some(day), t("10:20")), None);
        assert_eq!(slot_at(&e, Some(day), t("23:00")), None);
        // a time only found on the second day
        let other = slot_at(&e, Some(day), t("09:10")).unwrap();
        assert_eq!(e.slot(&other).unwrap().day, e.days[1]);
    }

    #[test]
    fn tab_completes_conveners_and_spaces() {
        let e = sample();
        let known = vec!["Marta".to_string(), "Ola".to_string()];
        assert_eq!(
            complete("Mesh @ma", &known, &e).as_deref(),
            Some("Mesh @Marta ")
        );
        assert_eq!(
            complete("Mesh #gar", &known, &e).as_deref(),
            Some("Mesh #Garden ")
        );
        assert_eq!(complete("Mesh #zzz", &known, &e), None);
        assert_eq!(complete("no marker", &known, &e), None);
    }
}
