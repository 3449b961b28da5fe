//! Wall-clock times of day as the file writes them: "09:30".
//! jiff's own serde form carries seconds ("09:30:00"); a schedule never needs them.

use jiff::civil::Time;
use serde::{Deserialize, Deserializer, Serializer, de};

/// Parses "9:30", "09:30" or "0930"; seconds are not part of a schedule.
/// "24:00" is midnight at the end of a day, the same time of day as 00:00.
pub fn parse_hhmm(text: &str) -> Option<Time> {
    let text = text.trim();
    let (h, m) = match text.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, m),
        None if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) => text.split_at(2),
        None => return None,
    };
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: i8 = h.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    if (h, m) == (24, 0) {
        return Some(Time::midnight());
    }
    Time::new(h, m, 0, 0).ok()
}

/// The longest a slot may run past midnight: an evening party, an open end.
pub const PAST_MIDNIGHT_MAX_MINUTES: i32 = 12 * 60;

/// How long a slot from `start` to `end` lasts, in minutes: an end at or
/// before the start is on the next day (20:00–01:00 lasts five hours).
/// None when that cannot be a slot: no length, or past midnight by more
/// than twelve hours (most likely two times typed the wrong way round).
pub fn slot_minutes(start: Time, end: Time) -> Option<i32> {
    let minutes = |t: Time| i32::from(t.hour()) * 60 + i32::from(t.minute());
    let (s, e) = (minutes(start), minutes(end));
    match e - s {
        d if d > 0 => Some(d),
        // (the same time at both ends would be a whole day: refused)
        d if d + 24 * 60 <= PAST_MIDNIGHT_MAX_MINUTES => Some(d + 24 * 60),
        _ => None,
    }
}

pub fn format_hhmm(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

pub fn serialize<S: Serializer>(time: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_hhmm(*time))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    let text = String::deserialize(d)?;
    parse_hhmm(&text).ok_or_else(|| {
        de::Error::custom(format!(
            "invalid time {text:?}: expected hours and minutes such as \"09:30\""
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn parses_the_forms_people_type() {
        assert_eq!(parse_hhmm("09:30"), Some(time(9, 30, 0, 0)));
        assert_eq!(parse_hhmm("9:30"), Some(time(9, 30, 0, 0)));
        assert_eq!(parse_hhmm("1130"), Some(time(11, 30, 0, 0)));
        assert_eq!(parse_hhmm("14h05"), Some(time(14, 5, 0, 0)));
        assert_eq!(parse_hhmm("25:00"), None);
        assert_eq!(parse_hhmm("9:3"), None);
        assert_eq!(parse_hhmm("noon"), None);
        assert_eq!(parse_hhmm(""), None);
    }

    #[test]
    fn formats_without_seconds() {
        assert_eq!(format_hhmm(time(7, 5, 59, 0)), "07:05");
    }
}

#[cfg(test)]
mod midnight_tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn a_slot_may_end_at_or_after_midnight() {
        assert_eq!(parse_hhmm("24:00"), Some(time(0, 0, 0, 0)));
        assert_eq!(slot_minutes(time(20, 0, 0, 0), time(1, 0, 0, 0)), Some(300));
        assert_eq!(slot_minutes(time(22, 0, 0, 0), time(0, 0, 0, 0)), Some(120));
        assert_eq!(slot_minutes(time(9, 0, 0, 0), time(9, 45, 0, 0)), Some(45));
        assert_eq!(
            slot_minutes(time(9, 45, 0, 0), time(9, 0, 0, 0)),
            None,
            "the wrong way round"
        );
        assert_eq!(slot_minutes(time(9, 0, 0, 0), time(9, 0, 0, 0)), None);
        assert_eq!(parse_hhmm("24:30"), None);
    }
}
