//! The spreadsheet files: sessions and action points as CSV, written by
//! the csv crate, so that a title holding commas, quotes or newlines comes
//! back whole from a spreadsheet.

use super::record::Record;

/// `sessions.csv`: one row per session, whole (a session over several
/// slots is one row with its whole time).
pub fn sessions(r: &Record) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "day",
        "start",
        "end",
        "space",
        "title",
        "conveners",
        "votes",
        "participants",
    ])?;
    for s in &r.sessions {
        let t = s.topic;
        w.write_record([
            s.starts.date().to_string(),
            crate::model::hhmm::format_hhmm(s.starts.time()),
            crate::model::hhmm::format_hhmm(s.ends.time()),
            s.space.clone(),
            t.title.clone(),
            t.conveners.join(", "),
            t.votes.to_string(),
            t.participants.map(|p| p.to_string()).unwrap_or_default(),
        ])?;
    }
    finish(w)
}

/// `actions.csv`: every action point with its session and where it came from.
pub fn actions(r: &Record) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["session", "text", "owner", "due", "status", "carried from"])?;
    for (topic, a) in r.edition.actions() {
        let session = match (topic, &a.origin) {
            (Some(t), _) => t.title.clone(),
            (None, Some(o)) => o.topic.clone(),
            (None, None) => String::new(),
        };
        w.write_record([
            session,
            a.text.clone(),
            a.owner.clone().unwrap_or_default(),
            a.due.map(|d| d.to_string()).unwrap_or_default(),
            a.status.label().to_string(),
            a.origin
                .as_ref()
                .map(|o| o.edition.clone())
                .unwrap_or_default(),
        ])?;
    }
    finish(w)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
