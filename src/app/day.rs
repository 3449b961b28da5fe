//! Running the day: the clock, NOW and NEXT, the countdown and its bell,
//! timers, running late, revealing slots, present mode and the break screen.

use super::Effect;
use super::board::Board;
use super::layers::grid::Focus;
use super::layers::prompt::Ask;
use crate::model::schedule::{Countdown, countdown_text, parse_timer, seconds_left};
use crate::model::{Slot, SlotId};

/// How the countdown looks: normal, the last five minutes, the last one, over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Normal,
    FiveMinutes,
    LastMinute,
    Overtime,
}

impl Urgency {
    pub fn of(seconds: i64) -> Urgency {
        match seconds {
            s if s < 0 => Urgency::Overtime,
            s if s <= 60 => Urgency::LastMinute,
            s if s <= 300 => Urgency::FiveMinutes,
            _ => Urgency::Normal,
        }
    }
    /// A glyph and a word, so the state never rests on colour alone.
    pub fn sign(self) -> &'static str {
        match self {
            Urgency::Normal => "",
            Urgency::FiveMinutes => "⚠ 5 MIN",
            Urgency::LastMinute => "‼ LAST MINUTE",
            Urgency::Overtime => "+ OVERTIME",
        }
    }
}

/// The countdown as shown: text, urgency, and what it counts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remaining {
    pub text: String,
    pub seconds: i64,
    pub urgency: Urgency,
    pub what: Countdown,
}

impl Board {
    pub fn now_slot(&self) -> Option<&Slot> {
        self.edition.now_slot(self.now)
    }
    pub fn next_slot(&self) -> Option<&Slot> {
        self.edition.next_slot(self.now)
    }

    pub fn remaining(&self) -> Option<Remaining> {
        let (end, what) = self.edition.countdown_end(self.now)?;
        let seconds = seconds_left(self.now, end);
        Some(Remaining {
            text: countdown_text(seconds),
            seconds,
            urgency: Urgency::of(seconds),
            what,
        })
    }

    /// Called by the loop every second: rings at five minutes and at the
    /// end, and brings a new NOW slot into view.
    pub fn tick(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        let current = self
            .edition
            .countdown_end(self.now)
            .map(|(end, _)| (end, seconds_left(self.now, end)));
        if let Some((end, before)) = self.last_left {
            // the end of what was counted, even if a new countdown began at that moment
            let ended = before > 0 && self.now >= end;
            let five = current.is_some_and(|(e, left)| e == end && before > 300 && left <= 300);
            if ended || five {
                effects.push(Effect::Bell);
            }
        }
        self.last_left = current;
        self.rotate_on();
        let now_id = self.now_slot().map(|s| s.id.clone());
        if now_id != self.now_seen {
            self.now_seen = now_id.clone();
            if let Some(id) = now_id {
                self.show_row_of(&id);
            }
        }
        effects
    }

    fn row_of(&self, id: &SlotId) -> Option<usize> {
        self.index
            .rows
            .iter()
            .position(|&i| self.edition.slots[i].id == *id)
    }

    /// Scrolls a slot's row to the top of the grid, unless that would hide the cursor.
    fn show_row_of(&mut self, id: &SlotId) {
        let Some(row) = self.row_of(id) else { return };
        let before = self.stack.grid.scroll_row;
        self.stack.grid.scroll_row = row;
        if self
            .current_grid()
            .row_band(self.stack.grid.cursor.row)
            .is_none()
        {
            self.stack.grid.scroll_row = before;
        }
        self.keep_cursor_in_view();
    }

    pub(crate) fn jump_to_now(&mut self) {
        let target = self
            .now_slot()
            .or_else(|| self.next_slot())
            .map(|s| s.id.clone());
        match target.and_then(|id| self.row_of(&id)) {
            Some(row) => {
                self.stack.grid.focus = Focus::Grid;
                self.stack.grid.cursor.row = row;
            }
            None => self.toast("Nothing is on now or later"),
        }
    }

    pub(crate) fn ask_timer(&mut self) {
        let value = self
            .edition
            .timer
            .filter(|t| t.end > self.now)
            .map(|t| format!("until {}", crate::model::hhmm::format_hhmm(t.end.time())))
            .unwrap_or_default();
        self.ask(Ask::Timer, value);
    }

    pub(crate) fn submit_timer(&mut self, text: &str) -> Result<String, String> {
        let current = self.edition.countdown_end(self.now).map(|(end, _)| end);
        let timer = parse_timer(text, self.now, current)?;
        self.try_change("set the timer", |e| {
            e.timer = timer;
            Ok(())
        })
        .map_err(String::from)?;
        self.last_left = None;
        Ok(match timer {
            Some(t) => format!(
                "Timer until {}",
                crate::model::hhmm::format_hhmm(t.end.time())
            ),
            None => "The countdown follows the schedule again".into(),
        })
    }

    pub(crate) fn submit_running_late(&mut self, text: &str) -> Result<String, String> {
        let minutes: i32 = text
            .trim()
            .trim_end_matches("min")
            .trim_end_matches('m')
            .trim()
            .parse()
            .map_err(|_| format!("{text:?} is not a number of minutes"))?;
        if minutes == 0 || minutes.abs() > 12 * 60 {
            return Err("Type the minutes to shift by, such as 15".into());
        }
        let now = self.now;
        let moved = self.try_change(format!("running late by {minutes} min"), |e| {
            e.running_late(now, minutes)
        })?;
        Ok(format!("Shifted {moved} slots of today by {minutes} min"))
    }

    pub(crate) fn submit_announcements(&mut self, text: &str) -> Result<String, String> {
        let lines: Vec<String> = text
            .split('|')
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > 3 {
            return Err("Three lines at most, separated by |".into());
        }
        let n = lines.len();
        self.try_change("announcements", |e| {
            e.announcements = lines;
            Ok(())
        })
        .map_err(String::from)?;
        Ok(format!("{n} announcements"))
    }

    pub(crate) fn hide_later(&mut self) {
        let Some(id) = self.slot_at_cursor().map(|s| s.id.clone()) else {
            return;
        };
        if self
            .change("hide later slots", |e| {
                e.hide_after = Some(id);
                Ok(())
            })
            .is_some()
        {
            let n = self.index.hidden;
            self.toast(format!("{n} later slots hidden — Z reveals them"));
        }
    }

    pub(crate) fn reveal_all(&mut self) {
        if self.edition.hide_after.is_none() {
            self.toast("Every slot is shown");
            return;
        }
        if self
            .change("reveal every slot", |e| {
                e.hide_after = None;
                Ok(())
            })
            .is_some()
        {
            self.toast("Every slot is shown — u hides them again");
        }
    }

    /// "09:40 · NOW 09:30–10:15 · 12:34 left"
    pub fn clock_line(&self) -> String {
        let mut parts = vec![crate::model::hhmm::format_hhmm(self.now.time())];
        if let Some(slot) = self.now_slot() {
            parts.push(format!("NOW {}", slot.times()));
        }
        if let Some(c) = self.remaining() {
            let what = match c.what {
                Countdown::Timer => "timer ",
                Countdown::Session => "sessions ",
                Countdown::Slot => "",
            };
            let sign = c.urgency.sign();
            let text = if c.seconds < 0 {
                format!("{what}{} over", c.text)
            } else {
                format!("{what}{} left", c.text)
            };
            parts.push(if sign.is_empty() {
                text
            } else {
                format!("{sign} {text}")
            });
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgency_thresholds() {
        assert_eq!(Urgency::of(301), Urgency::Normal);
        assert_eq!(Urgency::of(300), Urgency::FiveMinutes);
        assert_eq!(Urgency::of(60), Urgency::LastMinute);
        assert_eq!(Urgency::of(0), Urgency::LastMinute);
        assert_eq!(Urgency::of(-1), Urgency::Overtime);
    }
}
