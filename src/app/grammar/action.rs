//! The action-point line: `Draft the admin-tools guidelines @Ola due:fri`.
//! Owner after @, due date after `due:` (a date, or words such as fri, +2w).
//! Like the capture line, it rejects nothing: what does not parse stays in the text.

use jiff::civil::Date;

use crate::model::{ActionDraft, ActionPoint, parse_due};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedAction {
    pub draft: ActionDraft,
    /// What could not be understood, or deserves a second look.
    pub warnings: Vec<String>,
}

fn is_marker(word: &str) -> bool {
    (word.len() > 1 && word.starts_with('@')) || word.to_lowercase().starts_with("due:")
}

pub fn parse(line: &str, today: Date) -> ParsedAction {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut text: Vec<&str> = Vec::new();
    let mut out = ParsedAction::default();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if let Some(first) = word.strip_prefix('@').filter(|w| !w.is_empty()) {
            let (name, next) = super::capture::name_run(&words, i, first, is_marker);
            out.draft.owner = Some(name);
            i = next;
            continue;
        }
        if word.len() > 4 && word.to_lowercase().starts_with("due:") {
            let when = &word[4..];
            match parse_due(when, today) {
                Some(date) => {
                    if date < today {
                        out.warnings.push(format!("due {date} is in the past"));
                    }
                    out.draft.due = Some(date);
                }
                None => {
                    out.warnings
                        .push(format!("“{when}” is not a date: kept in the text"));
                    text.push(word);
                }
            }
            i += 1;
            continue;
        }
        text.push(word);
        i += 1;
    }
    out.draft.text = text.join(" ");
    out
}

/// The line that gives back an existing point, for editing it.
pub fn unparse(point: &ActionPoint) -> String {
    let mut line = point.text.clone();
    if let Some(owner) = &point.owner {
        line.push_str(&format!(" @{owner}"));
    }
    if let Some(due) = point.due {
        line.push_str(&format!(" due:{due}"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2019, 5, 15);

    #[test]
    fn the_example_line() {
        let p = parse(
            "Draft the admin-tools guidelines @Ola due:2019-06-30",
            TODAY,
        );
        assert_eq!(p.draft.text, "Draft the admin-tools guidelines");
        assert_eq!(p.draft.owner.as_deref(), Some("Ola"));
        assert_eq!(p.draft.due, Some(date(2019, 6, 30)));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn words_for_due_dates_and_two_word_owners() {
        let p = parse("Pilot the mesh due:fri @Anna Maria", TODAY);
        assert_eq!(p.draft.due, Some(date(2019, 5, 17)));
        assert_eq!(p.draft.owner.as_deref(), Some("Anna Maria"));
        assert_eq!(parse("x due:+2w", TODAY).draft.due, Some(date(2019, 5, 29)));
    }

    #[test]
    fn odd_lines() {
        // no text at all
        let p = parse("@Ola due:fri", TODAY);
        assert_eq!(p.draft.text, "");
        // an unknown date word stays in the text
        let p = parse("Ask legal due:whenever", TODAY);
        assert_eq!(p.draft.text, "Ask legal due:whenever");
        assert_eq!(p.draft.due, None);
        assert_eq!(p.warnings.len(), 1);
        // a date in the past is kept, with a warning
        let p = parse("Look back due:2019-01-01", TODAY);
        assert_eq!(p.draft.due, Some(date(2019, 1, 1)));
        assert!(p.warnings[0].contains("past"));
        // 500 characters
        let long = "y".repeat(500);
        assert_eq!(parse(&long, TODAY).draft.text, long);
    }

    #[test]
    fn unparse_round_trips() {
        let mut point = ActionPoint::new(crate::model::ActionId(1), "Write it down");
        point.owner = Some("Ola K".into());
        point.due = Some(date(2019, 6, 30));
        let p = parse(&unparse(&point), TODAY);
        assert_eq!(
            (p.draft.text.as_str(), p.draft.owner.as_deref(), p.draft.due),
            ("Write it down", Some("Ola K"), point.due)
        );
    }
}
