//! The day as a calendar (RFC 5545), with the icalendar crate: one event
//! per session (a session over several slots is one) and per plenary. Each
//! event's UID is made from the edition's file and the topic's id, so it
//! stays the same from one export to the next; DTSTAMP is when the export
//! was made. With the edition's time zone the times carry its TZID, else
//! they are the venue's floating local times.

use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};

use super::record::Record;

fn naive(t: jiff::civil::DateTime) -> Option<chrono::NaiveDateTime> {
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::from(t.year()),
        u32::try_from(t.month()).ok()?,
        u32::try_from(t.day()).ok()?,
    )?;
    date.and_hms_opt(
        u32::try_from(t.hour()).ok()?,
        u32::try_from(t.minute()).ok()?,
        0,
    )
}

fn at(t: jiff::civil::DateTime, zone: Option<&str>) -> Option<CalendarDateTime> {
    let n = naive(t)?;
    Some(match zone {
        Some(tz) => CalendarDateTime::WithTimezone {
            date_time: n,
            tzid: tz.to_string(),
        },
        None => CalendarDateTime::Floating(n),
    })
}

/// The calendar, stamped `stamp` (UTC).
pub fn calendar(r: &Record, stamp: jiff::Timestamp) -> String {
    let e = r.edition;
    let zone = e.time_zone.as_deref();
    let stamp =
        chrono::DateTime::<chrono::Utc>::from_timestamp(stamp.as_second(), 0).unwrap_or_default();
    let mut cal = Calendar::new();
    cal.name(&e.name);
    for s in &r.sessions {
        let (Some(start), Some(end)) = (at(s.starts, zone), at(s.ends, zone)) else {
            continue;
        };
        let t = s.topic;
        let mut description = Vec::new();
        if !t.conveners.is_empty() {
            description.push(format!("Conveners: {}", t.conveners.join(", ")));
        }
        if !t.description.trim().is_empty() {
            description.push(t.description.trim().to_string());
        }
        if !t.notes.trim().is_empty() {
            description.push(format!("Notes: {}", t.notes.trim()));
        }
        let event = Event::new()
            .uid(&format!("{}-topic-{}@openspace", r.stem, t.id.0))
            .timestamp(stamp)
            .summary(&t.title)
            .location(&s.space)
            .description(&description.join("\n"))
            .starts(start)
            .ends(end)
            .done();
        cal.push(event);
    }
    for g in r.gatherings.iter().filter(|g| g.plenary) {
        let (Some(start), Some(end)) = (at(g.starts, zone), at(g.ends, zone)) else {
            continue;
        };
        let uid = format!("{}-slot-{}@openspace", r.stem, g.slot);
        let event = Event::new()
            .uid(&uid)
            .timestamp(stamp)
            .summary(&g.label)
            .description("Everybody together")
            .starts(start)
            .ends(end)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
