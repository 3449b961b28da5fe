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

/// Text for the big letters, whose 8×8 font holds ASCII and Latin-1 only: a
/// letter outside it becomes its nearest ASCII ("Łukasz" is "Lukasz", "–"
/// is "-"), so that no letter of a name silently goes missing; control
/// characters become spaces. Every character it gives is one column wide.
pub fn for_big(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            '–' | '—' => out.push('-'),
            ' '..='~' | '\u{a0}'..='\u{ff}' => out.push(c),
            c => out.push_str(deunicode::deunicode_char(c).unwrap_or("?")),
        }
    }
    out
}

/// Wraps to `cols` columns with nothing left out, for printing: lines
/// break at spaces only (never inside "2019-10-01" or "on-call"), and a
/// word longer than a line is the only thing ever split.
pub fn wrap_whole(text: &str, cols: usize) -> Vec<String> {
    if cols == 0 {
        return Vec::new();
    }
    let options = textwrap::Options::new(cols)
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
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
mod big_tests {
    #[test]
    fn the_big_letters_get_every_letter_of_a_name() {
        assert_eq!(super::for_big("Łukasz, Paweł – Zoë"), "Lukasz, Pawel - Zoë");
        assert_eq!(super::for_big("a\u{1b}[2Jb"), "a [2Jb");
        assert!(super::for_big("会议室 🎉").is_ascii());
    }
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

/// Text as it may reach a terminal: control characters (escape sequences,
/// the bell, carriage returns, C1 controls) are shown as visible escapes
/// such as `\u{1b}`, so a file's bytes can never drive the terminal.
/// Line breaks and tabs stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let harmful = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(harmful) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if harmful(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A writer for the text commands' output: everything written to it goes
/// through `printable`. Every text command writes through one.
pub struct Printable<W: std::io::Write> {
    inner: W,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<W: std::io::Write> Printable<W> {
    pub fn new(inner: W) -> Printable<W> {
        Printable {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            // an incomplete character at the end waits for the next write
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // bytes that are not text at all are shown as what they are
            Err(_) => {
                let text = String::from_utf8_lossy(&self.pending).into_owned();
                self.pending.clear();
                self.inner.write_all(printable(&text).as_bytes())?;
                return Ok(buf.len());
            }
        };
        let rest = self.pending.split_off(valid);
        let text = std::str::from_utf8(&self.pending).unwrap_or_default();
        self.inner.write_all(printable(text).as_bytes())?;
        self.pending = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(printable(&text).as_bytes())?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod printable_tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn control_characters_become_visible_escapes() {
        let hostile = "Title\x1b]0;pwned\x07 \x1b[2J\r\u{9b}31m\nnext\tline";
        let shown = printable(hostile);
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        assert!(shown.contains("\\u{1b}]0;pwned\\u{7}"));
        assert!(shown.contains("\\u{9b}"));
        assert!(shown.contains("\nnext\tline"));
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_filters_across_split_writes() {
        let mut out = Printable::new(Vec::new());
        let bytes = "é\x1b[2Jü".as_bytes();
        for b in bytes {
            out.write_all(&[*b]).unwrap();
        }
        out.flush().unwrap();
        let text = String::from_utf8(out.inner).unwrap();
        assert_eq!(text, "é\\u{1b}[2Jü");
    }
}
