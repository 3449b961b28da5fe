//! Wall-clock times of day as the file writes them: "09:30".
//! jiff's own serde form carries seconds ("09:30:00"); a schedule never needs them.

use jiff::civil::Time;
use serde::{Deserialize, Deserializer, Serializer, de};

/// Parses "9:30", "09:30" or "0930"; seconds are not part of a schedule.
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
    Time::new(h, m, 0, 0).ok()
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
