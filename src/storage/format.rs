//! The RON text of an edition: writing it in a stable, diff-friendly form and
//! reading it back with errors that point at a line and column.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use crate::model::{Anchor, Edition};

/// One thing wrong with a file; `at` is (line, column), both from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub at: Option<(usize, usize)>,
    pub message: String,
}

fn options() -> ron::Options {
    // `capacity: 40` rather than `capacity: Some(40)`, in files people write.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The edition as the file holds it. The same edition always gives the same text.
pub fn to_ron(edition: &Edition) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .struct_names(false)
        .indentor("  ")
        .depth_limit(4)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = options().to_string_pretty(edition, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses and validates a file's text. Problems come in file order.
pub fn from_ron(text: &str) -> Result<Edition, Vec<FileProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let edition: Edition = options().from_str(text).map_err(|e| {
        let at = (e.span.start.line, e.span.start.col);
        vec![FileProblem {
            at: Some(at),
            message: explain(&e.code, text, at),
        }]
    })?;
    let problems = edition.validate();
    if problems.is_empty() {
        return Ok(edition);
    }
    // one pass over the text finds every id, one over the lines every position
    let locator = Locator::new(text);
    let offsets: Vec<Option<usize>> = problems.iter().map(|p| locator.offset(&p.anchor)).collect();
    let lines = LineIndex::new(text);
    Err(problems
        .into_iter()
        .zip(offsets)
        .map(|(p, at)| FileProblem {
            at: at.map(|o| lines.position(text, o)),
            message: p.message,
        })
        .collect())
}

/// Where in a file's text each of these places is, when it can be found:
/// (line, column), both from 1. One pass over the text for all of them.
pub fn positions(text: &str, anchors: &[Anchor]) -> Vec<Option<(usize, usize)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let locator = Locator::new(text);
    let lines = LineIndex::new(text);
    anchors
        .iter()
        .map(|a| locator.offset(a).map(|o| lines.position(text, o)))
        .collect()
}

/// ron's messages, with a sentence saying what was expected where people
/// commonly go wrong: the field whose value did not parse is named, with
/// the form it takes, and the parser's own words follow.
fn explain(code: &ron::Error, text: &str, (line, col): (usize, usize)) -> String {
    let message = code.to_string();
    match code {
        ron::Error::NoSuchStructField { .. } => {
            return format!("{message} (misspelled? see docs/format.md for every field)");
        }
        ron::Error::MissingStructField { .. } => {
            return format!("{message}: this field is required");
        }
        _ => {}
    }
    let lines = LineIndex::new(text);
    let offset = lines.offset(text, line, col);
    match field_before(text, offset).and_then(|f| expected(text, f, offset)) {
        Some(hint) => format!("{hint} (the parser says: {message})"),
        None => message,
    }
}

/// The name of the field whose value holds `offset`: the last `name:` before it.
fn field_before(text: &str, offset: usize) -> Option<&str> {
    let before = &text[..offset.min(text.len())];
    // the last colon that follows a field name
    let mut end = before.len();
    while let Some(colon) = before[..end].rfind(':') {
        let head = before[..colon].trim_end();
        let start = head
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric() && *c != '_')
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = &head[start..];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Some(name);
        }
        end = colon;
    }
    None
}

/// What a field's value is written as, for the fields people get wrong.
fn expected(text: &str, field: &str, offset: usize) -> Option<String> {
    let within = |name: &str| {
        let at = field_offsets(text, 0, name, "", None)
            .take_while(|&o| o <= offset)
            .last();
        at.unwrap_or(0)
    };
    let hint = match field {
        "version" => "`version` is a whole number, such as `version: 1`".to_string(),
        // a slot's kind and a topic's kind: whichever list the value is in
        "kind" if within("slots") > within("topics") => {
            "a slot's `kind` is `Break(\"label\")`, `Plenary(\"label\")` or left out (a session slot)"
                .to_string()
        }
        "kind" => "a topic's `kind` is `Discussion`, `Workshop`, `Presentation` or `Other`, \
                   without quotes"
            .to_string(),
        "placement" => "`placement` is `At(slot: \"d1-0930\", space: \"atrium\")` or `Parked`"
            .to_string(),
        "status" => "`status` is `Open`, `Done` or `Dropped`, without quotes".to_string(),
        "days" | "day" | "due" => {
            format!("a date in `{field}` is written \"YYYY-MM-DD\", such as \"2015-04-24\"")
        }
        "start" | "end" => format!("`{field}` is a time written \"HH:MM\", such as \"09:30\""),
        "capacity" | "votes" | "participants" | "dots" => {
            format!("`{field}` is a whole number, or left out")
        }
        "id" => "an `id` is a whole number for topics and action points, a quoted slug such as \
                 \"atrium\" for spaces and slots"
            .to_string(),
        _ => return None,
    };
    Some(hint)
}

/// Where each line starts, to turn byte offsets into (line, column).
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The byte offset of (line, column), both from 1, columns in characters.
    fn offset(&self, text: &str, line: usize, col: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        text[start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// (line, column) of a byte offset, both from 1; columns count characters.
    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(0, |t| t.chars().count());
        (line, col + 1)
    }
}

/// (line, column) of a byte offset, both from 1; columns count characters.
#[cfg(test)]
fn position(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).position(text, offset)
}

/// Offsets of `field: value` where `value` is a literal, optionally only
/// where the next field is `then` (to tell a topic's `id` from an action's).
fn field_offsets<'a>(
    text: &'a str,
    from: usize,
    field: &'a str,
    value: &'a str,
    then: Option<&'a str>,
) -> impl Iterator<Item = usize> + 'a {
    text[from..].match_indices(field).filter_map(move |(i, _)| {
        let start = from + i;
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let rest = text[start + field.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let rest = rest.strip_prefix(value)?;
        let ends = value.is_empty() || rest.chars().next().is_none_or(|c| !c.is_ascii_digit());
        let follows = match then {
            None => true,
            Some(next) => rest
                .trim_start()
                .strip_prefix(',')
                .is_some_and(|r| r.trim_start().starts_with(next)),
        };
        (boundary && ends && follows).then_some(start)
    })
}

fn section(text: &str, name: &str) -> usize {
    field_offsets(text, 0, name, "", None).next().unwrap_or(0)
}

/// Every `id: value` of a file, found in one pass: by value, each with its
/// offset and the field that follows it (`title` for a topic, `text` for an
/// action point), so that each problem is placed without a search of its own.
struct Locator<'a> {
    text: &'a str,
    ids: std::collections::HashMap<&'a str, Vec<(usize, &'a str)>>,
    spaces: usize,
    slots: usize,
    topics: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Locator<'a> {
        let mut ids: std::collections::HashMap<&str, Vec<(usize, &str)>> = Default::default();
        for start in field_offsets(text, 0, "id", "", None) {
            let rest = text[start + 2..].trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let rest = rest.trim_start();
            let at = text.len() - rest.len();
            let len = literal_len(rest);
            if len == 0 {
                continue;
            }
            let value = &text[at..at + len];
            let after = text[at + len..].trim_start();
            let next = after
                .strip_prefix(',')
                .map(str::trim_start)
                .map_or("", |r| {
                    let end = r
                        .find(|c: char| !c.is_alphanumeric() && c != '_')
                        .unwrap_or(r.len());
                    &r[..end]
                });
            ids.entry(value).or_default().push((start, next));
        }
        Locator {
            text,
            ids,
            spaces: section(text, "spaces"),
            slots: section(text, "slots"),
            topics: section(text, "topics"),
        }
    }

    /// The nth `id: value` after `from`, followed by `then` when it is given.
    fn id(&self, value: &str, from: usize, then: Option<&str>, nth: usize) -> Option<usize> {
        self.ids
            .get(value)?
            .iter()
            .filter(|(at, next)| *at >= from && then.is_none_or(|t| t == *next))
            .nth(nth)
            .map(|(at, _)| *at)
    }

    /// Where in the text a validation problem has its place, when it can be found.
    fn offset(&self, anchor: &Anchor) -> Option<usize> {
        let text = self.text;
        let first = |field| field_offsets(text, 0, field, "", None).next();
        match anchor {
            Anchor::Version => first("version"),
            Anchor::Name => first("name"),
            Anchor::Days => first("days"),
            Anchor::HideAfter => first("hide_after"),
            Anchor::Timer => first("timer"),
            Anchor::Space { id, nth } => self.id(&format!("{:?}", id.0), self.spaces, None, *nth),
            Anchor::Slot { id, nth } => self.id(&format!("{:?}", id.0), self.slots, None, *nth),
            Anchor::Topic { id, nth } => {
                self.id(&id.0.to_string(), self.topics, Some("title"), *nth)
            }
            Anchor::Action { id, nth } => self.id(&id.0.to_string(), 0, Some("text"), *nth),
            Anchor::Placement(id) => {
                let topic = self.id(&id.0.to_string(), self.topics, Some("title"), 0)?;
                field_offsets(text, topic, "placement", "", None).next()
            }
        }
    }
}

/// The length in bytes of the literal a text starts with: a number, or a
/// quoted string with its escapes; 0 for anything else.
fn literal_len(text: &str) -> usize {
    if let Some(body) = text.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => return i + 2,
                _ => {}
            }
        }
        return 0;
    }
    text.bytes().take_while(u8::is_ascii_digit).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_of_problems_are_each_placed_at_their_line() {
        let topics: Vec<String> = (0..4000)
            .map(|i| format!("    (id: {}, title: \"Topic {i}\"),", i / 2 + 1))
            .collect();
        let text = format!(
            "(\n  version: 1,\n  name: \"Dup\",\n  days: [\"2026-05-14\"],\n  topics: [\n{}\n  ],\n)\n",
            topics.join("\n")
        );
        let problems = from_ron(&text).expect_err("duplicate ids");
        assert_eq!(problems.len(), 2000);
        // topic i is on line 6 + i; the second of each pair is the duplicate
        for (k, p) in problems.iter().enumerate() {
            assert_eq!(p.at, Some((6 + 2 * k + 1, 6)), "{}", p.message);
        }
    }

    #[test]
    fn a_hand_written_mistake_says_what_the_field_takes() {
        let head = r#"(version: 1, name: "X", days: ["2026-05-14"], "#;
        let slot =
            r#"slots: [(id: "d1", day: "2026-05-14", start: "09:00", end: "09:30", kind: KIND)]"#;
        let topic = r#"topics: [(id: 1, title: "T", FIELD)]"#;
        let cases = [
            (
                format!("{head}{})", slot.replace("KIND", r#""Break""#)),
                "a slot's `kind` is `Break(\"label\")`",
            ),
            (
                format!("{head}{})", slot.replace("KIND", r#"Session("talks")"#)),
                "a slot's `kind`",
            ),
            (
                format!(
                    "{head}{})",
                    topic.replace("FIELD", r#"placement: At("d2-1200", "array")"#)
                ),
                "`placement` is `At(slot:",
            ),
            (
                format!(
                    "{head}{})",
                    topic.replace("FIELD", r#"placement: (slot: "d1", space: "a")"#)
                ),
                "`placement` is",
            ),
            (
                format!("{head}{})", topic.replace("FIELD", r#"kind: "Workshop""#)),
                "a topic's `kind` is `Discussion`",
            ),
            (
                r#"(version: 1.0, name: "X", days: ["2026-05-14"])"#.to_string(),
                "`version` is a whole number",
            ),
            (
                r#"(version: 1, name: "X", days: ["2015-4-24"])"#.to_string(),
                "written \"YYYY-MM-DD\"",
            ),
        ];
        for (text, hint) in cases {
            let problems = from_ron(&text).expect_err("does not parse");
            assert!(
                problems[0].message.contains(hint),
                "{text}\n{}",
                problems[0].message
            );
            assert!(
                problems[0].message.contains("the parser says"),
                "{}",
                problems[0].message
            );
            assert!(problems[0].at.is_some());
        }
    }

    #[test]
    fn a_mistake_after_a_wide_character_is_explained_without_a_panic() {
        // found by the fuzzer: a field name searched back from the error
        // across a character of several bytes
        let text = format!(
            "(\n  version: 1,\n  name: \"Tech Le{}{}\u{feff}d4: \"X\", [{}ps into small talk\",\n    ],\n  ),\n)\n",
            "t".repeat(40),
            "d".repeat(30),
            "t".repeat(17)
        );
        let problems = from_ron(&text).expect_err("does not parse");
        assert!(problems[0].at.is_some());
        for text in [
            "(name: é:",
            "(🪕: 1",
            "(version: 1, name: \"x\", days: [\"🪕\"])",
        ] {
            let _ = from_ron(text);
        }
    }

    #[test]
    fn literals_are_read_whole() {
        assert_eq!(literal_len("12, title"), 2);
        assert_eq!(literal_len(r#""a\"b", x"#), 6);
        assert_eq!(literal_len("Some(1)"), 0);
        assert_eq!(literal_len("\"unterminated"), 0);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncé: x";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (2, 1));
        assert_eq!(position(text, text.find(':').unwrap()), (2, 3));
    }

    #[test]
    fn field_offsets_respect_word_boundaries_and_following_field() {
        let text = "(topics: [(id: 12, title: \"a\", actions: [(id: 1, text: \"x\")]), (id: 1, title: \"b\")], grid: 1)";
        let topic = field_offsets(text, 0, "id", "1", Some("title"))
            .next()
            .unwrap();
        assert!(text[topic..].starts_with("id: 1, title: \"b\""));
        let action = field_offsets(text, 0, "id", "1", Some("text"))
            .next()
            .unwrap();
        assert!(text[action..].starts_with("id: 1, text"));
        assert_eq!(
            field_offsets(text, 0, "id", "", None).count(),
            3,
            "not 'grid'"
        );
    }
}
