//! The day as it runs: which slot is on now, which comes next, when the
//! countdown ends, and shifting the rest of the day when it runs late.

use jiff::civil::{DateTime, Time};
use jiff::{SignedDuration, ToSpan};

use super::edition::{Edition, Slot};
use super::error::{ModelError, ModelResult};

impl Edition {
    /// The slot going on at `now`, of any kind.
    pub fn now_slot(&self, now: DateTime) -> Option<&Slot> {
        self.slots.iter().find(|s| s.holds(now))
    }

    /// The first slot that starts after `now`.
    pub fn next_slot(&self, now: DateTime) -> Option<&Slot> {
        self.slots
            .iter()
            .filter(|s| s.starts() > now)
            .min_by_key(|s| (s.day, s.start))
    }

    /// What the countdown counts down to: the facilitator's timer while it
    /// runs (and in its overtime until the next slot starts), else the end
    /// of the current slot, or of the sessions in it when all of them run on
    /// over later slots (a morning of workshops ends with them). Returns the
    /// end and what it is the end of.
    pub fn countdown_end(&self, now: DateTime) -> Option<(DateTime, Countdown)> {
        if let Some(t) = self.timer
            && t.start <= now
        {
            let superseded = self
                .next_slot(t.end)
                .is_some_and(|s| s.day.to_datetime(s.start) <= now);
            if !superseded {
                return Some((t.end, Countdown::Timer));
            }
        }
        let slot = self.now_slot(now)?;
        // every session in the slot ends with it or later: the first that
        // ends with it (any of one slot) settles it, without looking further
        let mut sessions_end: Option<DateTime> = None;
        for t in self.during(&slot.id) {
            let end = if t.slots() <= 1 {
                slot.ends()
            } else {
                match self.session_times(t) {
                    Some((_, end)) => end,
                    None => continue,
                }
            };
            sessions_end = Some(sessions_end.map_or(end, |m| m.min(end)));
            if end <= slot.ends() {
                break;
            }
        }
        match sessions_end {
            Some(end) if end > slot.ends() => Some((end, Countdown::Session)),
            _ => Some((slot.ends(), Countdown::Slot)),
        }
    }

    /// Shifts the rest of today by `minutes`: the slot going on ends later,
    /// and every later slot of the day moves. One change, so one undo.
    pub fn running_late(&mut self, now: DateTime, minutes: i32) -> ModelResult<usize> {
        let day = now.date();
        let span = i64::from(minutes).minutes();
        let mut moved = Vec::new();
        for (i, slot) in self.slots.iter().enumerate().filter(|(_, s)| s.day == day) {
            let (starts, ends) = (slot.starts(), slot.ends());
            let current = slot.holds(now);
            if !current && starts <= now {
                continue;
            }
            let start = if current {
                Ok(starts)
            } else {
                starts.checked_add(span)
            };
            let end = ends.checked_add(span);
            match (start, end) {
                // a slot may end past midnight, as long as it starts on the day
                (Ok(s), Ok(e))
                    if s.date() == day
                        && e > s
                        && super::hhmm::slot_minutes(s.time(), e.time()).is_some() =>
                {
                    moved.push((i, s.time(), e.time()));
                }
                _ => {
                    return Err(ModelError::SlotTimes(format!(
                        "{} moved by {minutes} min leaves the day",
                        slot.times()
                    )));
                }
            }
        }
        for (i, start, end) in &moved {
            if let Some(slot) = self.slots.get_mut(*i) {
                slot.start = *start;
                slot.end = *end;
            }
        }
        Ok(moved.len())
    }
}

/// What a countdown counts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    Slot,
    /// The sessions going on, all of which run past their slot.
    Session,
    Timer,
}

/// Seconds from `now` to `end`: negative once it is over.
pub fn seconds_left(now: DateTime, end: DateTime) -> i64 {
    now.duration_until(end).as_secs()
}

/// "23:14" left, or "+02:05" over; hours when needed.
pub fn countdown_text(seconds: i64) -> String {
    let sign = if seconds < 0 { "+" } else { "" };
    let s = seconds.unsigned_abs();
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m:02}:{s:02}")
    }
}

/// Parses what the facilitator types for a timer, at `now`:
/// "45m" or "45" (from now), "1h30m", "+5" / "-5" (more or less time than
/// the countdown has now), "until 11:45" or "11:45". Empty clears the timer.
pub fn parse_timer(
    text: &str,
    now: DateTime,
    current_end: Option<DateTime>,
) -> Result<Option<super::Timer>, String> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let until = text.strip_prefix("until").map(str::trim).unwrap_or(&text);
    if until.contains(':') {
        let at: Time = super::hhmm::parse_hhmm(until)
            .ok_or_else(|| format!("{until:?} is not a time such as 11:45"))?;
        let mut end = now.date().to_datetime(at);
        if end <= now {
            end = end.checked_add(1.day()).map_err(|e| e.to_string())?;
        }
        return Ok(Some(super::Timer { start: now, end }));
    }
    let (relative, rest) = match text.as_bytes().first() {
        Some(b'+') => (Some(1), &text[1..]),
        Some(b'-') => (Some(-1), &text[1..]),
        _ => (None, text.as_str()),
    };
    let minutes = parse_minutes(rest.trim())
        .ok_or_else(|| format!("{text:?}: type 45m, 1h30m, +5, -5 or until 11:45"))?;
    let end = match relative {
        Some(sign) => {
            let base = current_end.unwrap_or(now);
            base.checked_add(SignedDuration::from_mins(sign * minutes))
        }
        None => now.checked_add(SignedDuration::from_mins(minutes)),
    }
    .map_err(|e| e.to_string())?;
    if end <= now {
        return Err("that timer would already be over".into());
    }
    Ok(Some(super::Timer { start: now, end }))
}

/// "45", "45m", "45 min", "1h", "1h30m", "1h30" → minutes.
fn parse_minutes(text: &str) -> Option<i64> {
    let text = text.replace(' ', "");
    let text = text
        .trim_end_matches("in")
        .trim_end_matches("min")
        .trim_end_matches('m');
    let (hours, minutes) = match text.split_once('h') {
        Some((h, m)) => (
            h.parse::<i64>().ok()?,
            if m.is_empty() {
                0
            } else {
                m.parse::<i64>().ok()?
            },
        ),
        None => (0, text.parse::<i64>().ok()?),
    };
    let total = hours.checked_mul(60)?.checked_add(minutes)?;
    (0..=24 * 60).contains(&total).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_past_midnight_is_on_now_until_it_ends_the_next_day() {
        use crate::model::SlotKind;
        use jiff::civil::{date, time};
        let day = date(2026, 5, 14);
        let mut e = Edition::new("Party", day);
        e.add_day(date(2026, 5, 15)).unwrap();
        let party = e
            .add_slot(
                day,
                time(20, 0, 0, 0),
                time(1, 0, 0, 0),
                SlotKind::Plenary("Party".into()),
            )
            .unwrap();
        let at = |d: u8, h: i8| date(2026, 5, d as i8).to_datetime(time(h, 30, 0, 0));
        assert_eq!(
            e.now_slot(at(14, 23)).map(|s| s.id.clone()),
            Some(party.clone())
        );
        assert_eq!(
            e.now_slot(at(15, 0)).map(|s| s.id.clone()),
            Some(party.clone()),
            "00:30 the next day"
        );
        assert!(e.now_slot(at(15, 1)).is_none(), "over at 01:00");
        let (end, _) = e.countdown_end(at(14, 23)).unwrap();
        assert_eq!(end, date(2026, 5, 15).to_datetime(time(1, 0, 0, 0)));
        // the next morning's slot may not start before the party ends
        assert!(
            e.add_slot(
                date(2026, 5, 15),
                time(0, 30, 0, 0),
                time(2, 0, 0, 0),
                SlotKind::Session
            )
            .is_err()
        );
        assert!(
            e.add_slot(
                date(2026, 5, 15),
                time(9, 0, 0, 0),
                time(10, 0, 0, 0),
                SlotKind::Session
            )
            .is_ok()
        );
    }
    use crate::model::testing::sample;
    use jiff::civil::{date, time};

    fn at(h: i8, m: i8) -> DateTime {
        date(2019, 5, 14).to_datetime(time(h, m, 0, 0))
    }

    #[test]
    fn now_and_next() {
        let e = sample();
        assert_eq!(
            e.now_slot(at(9, 40)).map(|s| s.start),
            Some(time(9, 30, 0, 0))
        );
        assert_eq!(
            e.next_slot(at(9, 40)).map(|s| s.start),
            Some(time(10, 15, 0, 0))
        );
        // between days: nothing now, the next is tomorrow's first
        let night = at(22, 0);
        assert!(e.now_slot(night).is_none());
        assert_eq!(e.next_slot(night).map(|s| s.day), Some(date(2019, 5, 15)));
    }

    #[test]
    fn the_countdown_follows_the_slot_or_the_timer() {
        let mut e = sample();
        let (end, what) = e.countdown_end(at(9, 40)).unwrap();
        assert_eq!((end, what), (at(10, 15), Countdown::Slot));
        e.timer = parse_timer("10m", at(9, 40), Some(end)).unwrap();
        assert_eq!(
            e.countdown_end(at(9, 41)),
            Some((at(9, 50), Countdown::Timer))
        );
        // in overtime the timer still counts, until the next slot begins
        assert_eq!(
            e.countdown_end(at(10, 0)).map(|x| x.1),
            Some(Countdown::Timer)
        );
        assert_eq!(
            e.countdown_end(at(10, 20)).map(|x| x.1),
            Some(Countdown::Slot)
        );
        assert_eq!(seconds_left(at(9, 41), at(9, 50)), 540);
        assert_eq!(countdown_text(540), "09:00");
        assert_eq!(countdown_text(-125), "+02:05");
        assert_eq!(countdown_text(3725), "1:02:05");
    }

    #[test]
    fn timer_forms() {
        let now = at(11, 0);
        let end = Some(at(11, 30));
        let t = |s| parse_timer(s, now, end).map(|t| t.map(|t| t.end));
        assert_eq!(t("45m"), Ok(Some(at(11, 45))));
        assert_eq!(t("45"), Ok(Some(at(11, 45))));
        assert_eq!(t("1h30m"), Ok(Some(at(12, 30))));
        assert_eq!(t("+5"), Ok(Some(at(11, 35))));
        assert_eq!(t("-10"), Ok(Some(at(11, 20))));
        assert_eq!(t("until 11:45"), Ok(Some(at(11, 45))));
        assert_eq!(t("12:15"), Ok(Some(at(12, 15))));
        assert_eq!(t(""), Ok(None));
        assert!(t("soon").is_err());
        assert!(t("-45").is_err(), "already over");
        assert!(t("until 25:00").is_err());
    }

    #[test]
    fn running_late_shifts_the_rest_of_the_day_in_one_step() {
        let mut e = sample();
        let before = e.clone();
        // 09:40, in the 09:30–10:15 session: it ends 10 min later, and so on
        let n = e.running_late(at(9, 40), 10).unwrap();
        assert_eq!(n, 3);
        let s = |e: &Edition, h, m| {
            e.slots
                .iter()
                .find(|s| s.day == date(2019, 5, 14) && s.start == time(h, m, 0, 0))
                .cloned()
        };
        assert_eq!(s(&e, 9, 30).unwrap().end, time(10, 25, 0, 0));
        assert!(s(&e, 10, 25).is_some(), "the coffee break moved");
        assert!(s(&e, 10, 40).is_some(), "the next session moved");
        assert_eq!(
            s(&e, 9, 0).unwrap().end,
            time(9, 30, 0, 0),
            "the past stays"
        );
        assert!(
            e.slots
                .iter()
                .filter(|s| s.day != date(2019, 5, 14))
                .eq(before.slots.iter().filter(|s| s.day != date(2019, 5, 14)))
        );
        let mut late = before.clone();
        assert!(late.running_late(at(9, 40), 24 * 60).is_err());
        assert_eq!(late, before);
    }
}
