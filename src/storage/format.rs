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
        vec![FileProblem {
            at: Some((e.span.start.line, e.span.start.col)),
            message: explain(&e.code),
        }]
    })?;
    let problems = edition.validate();
    if problems.is_empty() {
        return Ok(edition);
    }
    Err(problems
        .into_iter()
        .map(|p| FileProblem {
            at: locate(text, &p.anchor),
            message: p.message,
        })
        .collect())
}

/// ron's messages, with a hint where people commonly go wrong.
fn explain(code: &ron::Error) -> String {
    let message = code.to_string();
    match code {
        ron::Error::NoSuchStructField { .. } => {
            format!("{message} (misspelled? see docs/format.md for every field)")
        }
        ron::Error::MissingStructField { .. } => format!("{message}: this field is required"),
        _ => message,
    }
}

/// (line, column) of a byte offset, both from 1; columns count characters.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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

/// Where in the text a validation problem has its place, when it can be found.
fn locate(text: &str, anchor: &Anchor) -> Option<(usize, usize)> {
    let offset = match anchor {
        Anchor::Version => field_offsets(text, 0, "version", "", None).next(),
        Anchor::Name => field_offsets(text, 0, "name", "", None).next(),
        Anchor::Days => field_offsets(text, 0, "days", "", None).next(),
        Anchor::HideAfter => field_offsets(text, 0, "hide_after", "", None).next(),
        Anchor::Timer => field_offsets(text, 0, "timer", "", None).next(),
        Anchor::Space { id, nth } => {
            let value = format!("{:?}", id.0);
            let from = section(text, "spaces");
            field_offsets(text, from, "id", &value, None).nth(*nth)
        }
        Anchor::Slot { id, nth } => {
            let value = format!("{:?}", id.0);
            let from = section(text, "slots");
            field_offsets(text, from, "id", &value, None).nth(*nth)
        }
        Anchor::Topic { id, nth } => {
            let value = id.0.to_string();
            let from = section(text, "topics");
            field_offsets(text, from, "id", &value, Some("title")).nth(*nth)
        }
        Anchor::Action { id, nth } => {
            let value = id.0.to_string();
            field_offsets(text, 0, "id", &value, Some("text")).nth(*nth)
        }
        Anchor::Placement(id) => {
            let value = id.0.to_string();
            let from = section(text, "topics");
            let topic = field_offsets(text, from, "id", &value, Some("title")).next()?;
            field_offsets(text, topic, "placement", "", None).next()
        }
    }?;
    Some(position(text, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

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
