//! The short forms people type for spaces and slots:
//! "Atrium:40,Library:12" and "09:00-09:45,10:00-10:15=Coffee".

use jiff::civil::Time;

use super::edition::SlotKind;
use super::hhmm::parse_hhmm;

/// A space as typed: a name and maybe a capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceSpec {
    pub name: String,
    pub capacity: Option<u32>,
}

/// A slot as typed: times, and a label when it is a break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSpec {
    pub start: Time,
    pub end: Time,
    pub kind: SlotKind,
}

/// "Atrium:40, Library:12, Garden" — names with optional capacities.
pub fn parse_spaces(text: &str) -> Result<Vec<SpaceSpec>, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, capacity) = match part.rsplit_once(':') {
            Some((name, cap)) => {
                let cap = cap.trim();
                let n = cap.parse::<u32>().map_err(|_| {
                    format!("{part:?}: the capacity after ':' must be a number, not {cap:?}")
                })?;
                (name.trim(), Some(n))
            }
            None => (part, None),
        };
        if name.is_empty() {
            return Err(format!("{part:?}: a space needs a name"));
        }
        out.push(SpaceSpec {
            name: name.to_string(),
            capacity,
        });
    }
    Ok(out)
}

/// The one way slots are typed, everywhere (`new --slots`, the new-edition
/// form, spaces and slots on the board): a session slot, a break with its
/// label, a plenary with its label and `!`.
#[macro_export]
macro_rules! slot_syntax {
    () => {
        "09:00-09:45 a session slot, 10:30-10:45=Coffee a break, 17:00-17:30=Closing circle! a plenary"
    };
}

pub const SLOT_SYNTAX: &str = crate::slot_syntax!();

/// "09:00-09:45, 10:00-10:15=Coffee, 17:00-17:30=Closing circle!" — session
/// slots, breaks with a label, plenaries with a label and `!`.
pub fn parse_slots(text: &str) -> Result<Vec<SlotSpec>, String> {
    let mut out: Vec<SlotSpec> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (times, label) = match part.split_once('=') {
            Some((t, l)) => (t.trim(), Some(l.trim())),
            None => (part, None),
        };
        let (start, end) = times
            .split_once(['-', '–'])
            .ok_or_else(|| format!("{part:?}: expected START-END such as 09:00-09:45"))?;
        let time = |t: &str| {
            parse_hhmm(t)
                .ok_or_else(|| format!("{part:?}: {:?} is not a time such as 09:30", t.trim()))
        };
        let (start, end) = (time(start)?, time(end)?);
        let Some(length) = super::hhmm::slot_minutes(start, end) else {
            return Err(format!(
                "{part:?}: the slot must end after it starts (past midnight by 12 hours at most, such as 20:00-01:00)"
            ));
        };
        // times as minutes of the day, an end past midnight after 24:00
        let span = |s: Time, len: i32| {
            let from = i32::from(s.hour()) * 60 + i32::from(s.minute());
            (from, from + len)
        };
        let (from, to) = span(start, length);
        if let Some(other) = out.iter().find(|s| {
            let (f, t) = span(
                s.start,
                super::hhmm::slot_minutes(s.start, s.end).unwrap_or(0),
            );
            f < to && from < t
        }) {
            return Err(format!(
                "{part:?} overlaps {}-{}",
                super::hhmm::format_hhmm(other.start),
                super::hhmm::format_hhmm(other.end)
            ));
        }
        let kind = match label {
            Some(l) if l.trim_end_matches('!').trim().is_empty() => {
                return Err(format!(
                    "{part:?}: a break or plenary needs a label after ="
                ));
            }
            Some(l) => match l.strip_suffix('!') {
                Some(plenary) => SlotKind::Plenary(plenary.trim().to_string()),
                None => SlotKind::Break(l.to_string()),
            },
            None => SlotKind::Session,
        };
        out.push(SlotSpec { start, end, kind });
    }
    out.sort_by_key(|s| s.start);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn slots_may_end_at_midnight_or_after_it() {
        let s = parse_slots("20:00-01:00=Party!, 18:00-20:00").unwrap();
        assert_eq!(s[1].kind, SlotKind::Plenary("Party".into()));
        assert!(
            parse_slots("22:00-24:00=Late talks").is_ok(),
            "24:00 is midnight"
        );
        assert!(parse_slots("10:00-09:00").is_err(), "the wrong way round");
        assert!(
            parse_slots("20:00-01:00, 23:00-23:30").is_err(),
            "inside the late slot"
        );
    }

    #[test]
    fn sessions_breaks_and_plenaries_are_typed_one_way() {
        let s =
            parse_slots("09:00-09:45, 10:30-10:45=Coffee, 17:00-17:30=Closing circle!").unwrap();
        assert_eq!(s[0].kind, SlotKind::Session);
        assert_eq!(s[1].kind, SlotKind::Break("Coffee".into()));
        assert_eq!(s[2].kind, SlotKind::Plenary("Closing circle".into()));
        assert!(parse_slots("10:00-10:15=").is_err());
        assert!(parse_slots("10:00-10:15=!").is_err());
    }

    #[test]
    fn spaces_with_and_without_capacity() {
        let s = parse_spaces("Atrium:40, Library:12,Garden,").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(
            s[0],
            SpaceSpec {
                name: "Atrium".into(),
                capacity: Some(40)
            }
        );
        assert_eq!(s[2].capacity, None);
        assert!(parse_spaces("Atrium:forty").unwrap_err().contains("number"));
        assert!(parse_spaces(":3").unwrap_err().contains("name"));
    }

    #[test]
    fn slots_sessions_and_breaks() {
        let s = parse_slots("10:00-10:15=Coffee, 09:00-09:45").unwrap();
        assert_eq!(s[0].start, time(9, 0, 0, 0));
        assert_eq!(s[1].kind, SlotKind::Break("Coffee".into()));
        assert!(parse_slots("9-10").unwrap_err().contains("not a time"));
        assert!(
            parse_slots("10:00-09:00")
                .unwrap_err()
                .contains("end after")
        );
        assert!(
            parse_slots("09:00-10:00,09:30-10:30")
                .unwrap_err()
                .contains("overlaps")
        );
        assert!(parse_slots("0900").unwrap_err().contains("START-END"));
    }
}
