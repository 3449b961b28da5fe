//! Search in every edition of the folder: topics, conveners, notes,
//! descriptions and action points. Results are ranked: the title before
//! the rest, whole words before parts of words, newer editions first.

use super::Known;
use crate::model::TopicId;

/// Where in a topic the text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Convener,
    Action,
    Description,
    Notes,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Convener => "convener",
            Field::Action => "action point",
            Field::Description => "description",
            Field::Notes => "notes",
        }
    }
    fn weight(self) -> u32 {
        match self {
            Field::Title => 100,
            Field::Convener => 70,
            Field::Action => 50,
            Field::Description => 40,
            Field::Notes => 30,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub file: String,
    pub edition: String,
    pub first_day: Option<jiff::civil::Date>,
    /// The topic to open the edition at; None for a carried-over point.
    pub topic: Option<TopicId>,
    pub title: String,
    pub field: Field,
    /// The words around the match.
    pub snippet: String,
    pub score: u32,
}

/// Where `query` (already lowercase) first occurs in `text`, case-insensitively:
/// the range of characters of `text` itself. Lowercasing can change a
/// text's length ("İ" becomes two characters), so positions are found in
/// the folded text and mapped back to the original characters, never used
/// to slice the original directly.
fn find_folded(text: &str, query: &str) -> Option<(usize, usize)> {
    if text.is_ascii() {
        // bytes are characters, and folding keeps every length: compared
        // in place, nothing folded into a copy (a search goes over every field)
        let at = find_ascii_folded(text.as_bytes(), query.as_bytes())?;
        return Some((at, at + query.len()));
    }
    // each folded character, with the index of the original character it came from
    let folded: Vec<(usize, char)> = text
        .chars()
        .enumerate()
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect();
    let q: Vec<char> = query.chars().collect();
    if q.is_empty() || q.len() > folded.len() {
        return None;
    }
    let at = (0..=folded.len() - q.len()).find(|&i| {
        folded[i..i + q.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(q.iter().copied())
    })?;
    let start = folded[at].0;
    let end = folded[at + q.len() - 1].0 + 1;
    Some((start, end))
}

/// Where the lowercase ASCII `query` is in `text`, ASCII letters of
/// either case alike; other bytes must be the same.
fn find_ascii_folded(text: &[u8], query: &[u8]) -> Option<usize> {
    let first = *query.first()?;
    if query.len() > text.len() {
        return None;
    }
    (0..=text.len() - query.len())
        .filter(|&i| text[i].to_ascii_lowercase() == first)
        .find(|&i| text[i..i + query.len()].eq_ignore_ascii_case(query))
}

/// How well `text` holds the query: a whole word scores more than part of one.
fn score_in(text: &str, query: &str) -> Option<u32> {
    let (start, end) = find_folded(text, query)?;
    let before = start.checked_sub(1).and_then(|i| text.chars().nth(i));
    let after = text.chars().nth(end);
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut score = 10;
    if boundary(before) {
        score += 10;
    }
    if boundary(after) {
        score += 5;
    }
    if start == 0 {
        score += 5;
    }
    Some(score)
}

/// The line of `text` that holds the query, cut to about 80 characters around it.
fn snippet(text: &str, query: &str) -> String {
    let line = text
        .lines()
        .find(|l| find_folded(l, query).is_some())
        .unwrap_or(text)
        .trim();
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 80 {
        return line.to_string();
    }
    let pos = find_folded(line, query).map_or(0, |(start, _)| start);
    let start = pos.saturating_sub(30);
    let end = (start + 80).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Every match of `query` (case-insensitive) in every edition, best first.
pub fn search(known: &[Known], query: &str) -> Vec<Hit> {
    let editions: Vec<(&str, &crate::model::Edition)> = known
        .iter()
        .map(|k| (k.file.as_str(), &k.edition))
        .collect();
    search_in(&editions, query)
}

/// `search` over editions held elsewhere: (file name without `.ron`, edition).
pub fn search_in(editions: &[(&str, &crate::model::Edition)], query: &str) -> Vec<Hit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for &(file, e) in editions {
        let mut hit = |topic: Option<TopicId>, title: &str, field: Field, text: &str| {
            if let Some(s) = score_in(text, &query) {
                hits.push(Hit {
                    file: file.to_string(),
                    edition: e.name.clone(),
                    first_day: e.first_day(),
                    topic,
                    title: title.to_string(),
                    field,
                    snippet: snippet(text, &query),
                    score: field.weight() + s,
                });
            }
        };
        for t in &e.topics {
            let id = Some(t.id);
            // one hit per field and topic: the best line
            hit(id, &t.title, Field::Title, &t.title);
            hit(id, &t.title, Field::Convener, &t.conveners.join(", "));
            hit(id, &t.title, Field::Description, &t.description);
            hit(id, &t.title, Field::Notes, &t.notes);
            for a in &t.actions {
                let text = match &a.owner {
                    Some(o) => format!("{} — {o}", a.text),
                    None => a.text.clone(),
                };
                hit(id, &t.title, Field::Action, &text);
            }
        }
        for a in &e.carried {
            let from = a
                .origin
                .as_ref()
                .map(|o| o.topic.clone())
                .unwrap_or_default();
            hit(None, &from, Field::Action, &a.text);
        }
    }
    rank(&mut hits);
    hits
}

/// Best first: the score, then newer editions, then by title.
pub fn rank(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.first_day.cmp(&a.first_day))
            .then(a.title.cmp(&b.title))
    });
}

/// Whether the text of an edition's file may hold a match of `query`, told
/// without reading it as an edition. Every text searched is a string of the
/// file, so a file whose text, folded, does not contain the query has none:
/// unless the query could match across what the file writes apart (", "
/// between conveners, " — " before an owner) or writes escaped (quotes,
/// backslashes, line ends), or the file spells characters as escapes.
pub fn may_hold(text: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return false;
    }
    // RON writes quotes (both kinds) and backslashes escaped
    let apart = query.contains([',', '—', '"', '\'', '\\']) || query.chars().any(char::is_control);
    let escaped = text.contains("\\u") || text.contains("\\x");
    if apart || escaped {
        return true;
    }
    // Only the Kelvin sign and the dotted capital I fold into ASCII: without
    // them, an ASCII query is found in the bytes as they are, case aside
    if query.is_ascii() && !text.contains(['\u{212a}', '\u{130}']) {
        return find_ascii_folded(text.as_bytes(), query.as_bytes()).is_some();
    }
    // folded a character at a time, as the search folds (no final sigma)
    let folded: String = text.chars().flat_map(char::to_lowercase).collect();
    folded.contains(&query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

    fn known() -> Vec<Known> {
        let old = sample();
        let mut new = sample();
        new.name = "Next meeting".into();
        new.days = vec![jiff::civil::date(2020, 5, 12)];
        new.slots.clear();
        for t in &mut new.topics {
            std::sync::Arc::make_mut(t).placement = crate::model::Placement::Parked;
        }
        vec![
            Known {
                file: "old".into(),
                edition: old,
            },
            Known {
                file: "new".into(),
                edition: new,
            },
        ]
    }

    #[test]
    fn titles_rank_above_notes_and_newer_editions_first() {
        let mut k = known();
        let id = k[0].edition.topics[2].id;
        k[0].edition
            .set_notes(id, "We spoke about tourism a lot")
            .unwrap();
        let hits = search(&k, "TOURISM");
        let order: Vec<(&str, Field)> = hits.iter().map(|h| (h.file.as_str(), h.field)).collect();
        assert_eq!(
            order,
            vec![
                ("new", Field::Title),
                ("old", Field::Title),
                ("old", Field::Notes)
            ]
        );
        assert_eq!(hits[0].title, "Team tourism");
        assert!(hits[2].snippet.contains("tourism"));
    }

    #[test]
    fn conveners_and_action_points_are_found_and_empty_finds_nothing() {
        let k = known();
        let hits = search(&k, "ola");
        assert!(hits.iter().any(|h| h.field == Field::Convener));
        assert!(
            hits.iter().any(|h| h.field == Field::Action),
            "the owner of an action point"
        );
        assert!(search(&k, "  ").is_empty());
        assert!(search(&k, "zzzz").is_empty());
    }

    #[test]
    fn whole_words_rank_above_parts() {
        let k = known();
        let hits = search(&k, "mesh");
        assert!(hits[0].score > 0);
        assert!(score_in("Service mesh", "mesh") > score_in("Meshuggah", "mesh").map(|s| s - 10));
        assert!(snippet(&"word ".repeat(40), "word").chars().count() <= 82);
    }

    #[test]
    fn text_whose_lowercase_is_longer_is_searched_without_a_panic() {
        // "İ" lowercases to two characters: positions in the folded text are not the original's
        let notes = format!("{}x", "İ".repeat(100));
        assert!(score_in(&notes, "x").is_some());
        let s = snippet(&notes, "x");
        assert!(s.ends_with('x'), "{s}");
        assert!(s.chars().count() <= 82);
        assert_eq!(
            find_folded("Straße İstanbul", "istanbul"),
            None,
            "i̇ is not i"
        );
        assert_eq!(find_folded("Straße İstanbul", "i̇stanbul"), Some((7, 15)));
        assert_eq!(find_folded("ÅSA", "åsa"), Some((0, 3)));
        let mut k = known();
        let id = k[0].edition.topics[0].id;
        k[0].edition.set_notes(id, &notes).unwrap();
        let hits = search(&k, "x");
        assert!(hits.iter().any(|h| h.field == Field::Notes));
    }

    #[test]
    fn a_file_whose_text_has_no_match_is_told_without_reading_it() {
        let mut e = sample();
        let ids: Vec<TopicId> = e.topics.iter().map(|t| t.id).collect();
        e.set_notes(ids[0], "Line one\nsaid \"quoted\" and C:\\data\\ada")
            .unwrap();
        std::sync::Arc::make_mut(&mut e.topics[1]).title = "KELVIN \u{212a} İstanbul Ærø".into();
        std::sync::Arc::make_mut(&mut e.topics[2]).conveners = vec!["Ada".into(), "O'Brien".into()];
        std::sync::Arc::make_mut(&mut e.topics[3]).title = "ΟΔΟΣ ΚΑΙ Women's circle".into();
        let text = crate::storage::to_ron(&e).unwrap();
        let mut queries: Vec<String> = vec![
            "ada, o'brien",
            "o'brien",
            "women's",
            "οδοσ",
            "quoted",
            "\"quoted\"",
            "line one",
            "data\\ada",
            "kelvin k",
            "istanbul",
            "i\u{307}stanbul",
            "ærø",
            "— ",
            "nothing like this",
            "tourism",
            "TEAM",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        // and every word of every title, note and point of the edition
        for t in &e.topics {
            queries.extend(t.title.split(' ').map(String::from));
            queries.extend(t.notes.split(' ').map(String::from));
            queries.extend(t.actions.iter().map(|a| a.text.clone()));
        }
        for q in &queries {
            let found = !search_in(&[("f", &e)], q).is_empty();
            if found {
                assert!(may_hold(&text, q), "{q:?} is in the edition");
            }
        }
        assert!(!may_hold(&text, "nothing like this"));
        // characters the file spells as escapes: always read
        let escaped = text.replace("Ærø", "\\u{c6}rø");
        assert!(may_hold(&escaped, "nothing like this"));
    }

    #[test]
    fn only_two_characters_fold_into_ascii() {
        // what `may_hold` counts on to search an ASCII query in the bytes
        let folding: Vec<char> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(folding, vec!['\u{130}', '\u{212a}']);
    }
}
