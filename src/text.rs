//! Text measured in terminal columns: wide characters (CJK, emoji) take two,
//! so widths come from unicode-width, never from `len()` or `chars().count()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads with spaces (or cuts) to exactly `cols` columns.
pub fn fit(text: &str, cols: usize) -> String {
    let mut out = truncate(text, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Wraps to `cols` columns in at most `max_lines` lines; the last line ends in
/// `…` when text was left out. Newlines in the text start new lines.
pub fn wrap(text: &str, cols: usize, max_lines: usize) -> Vec<String> {
    if cols == 0 || max_lines == 0 {
        return Vec::new();
    }
    let options = textwrap::Options::new(cols).break_words(true);
    let lines: Vec<String> = textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() <= max_lines {
        return lines;
    }
    let mut kept: Vec<String> = lines[..max_lines].to_vec();
    if let Some(last) = kept.last_mut() {
        let room = cols.saturating_sub(1);
        *last = format!("{}…", truncate(last.trim_end(), room).trim_end_matches('…'));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("会议"), 4);
        assert_eq!(truncate("会议室会议室", 5), "会议…");
        assert_eq!(width(&fit("🎉 party", 6)), 6);
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn wrap_cuts_with_an_ellipsis() {
        let lines = wrap("Service mesh in our cloud environment", 12, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 12));
        assert_eq!(wrap("short", 12, 2), vec!["short"]);
        assert!(wrap("x", 0, 2).is_empty());
        let long_word = wrap("Supercalifragilistic", 5, 3);
        assert!(long_word.iter().all(|l| width(l) <= 5), "{long_word:?}");
    }
}
