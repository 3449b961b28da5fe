//! Colours and text styles. Every state also has a glyph or a word, so the
//! mono theme (and NO_COLOR) loses no information.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub base: Style,
    pub dim: Style,
    pub heading: Style,
    pub card: Style,
    /// A card's last line: where the fill alone does not stand out 3:1
    /// from the board, a line under it carries the card's edge.
    pub card_edge: Style,
    pub selected: Style,
    pub grabbed: Style,
    pub plenary: Style,
    pub pause: Style,
    pub badge: Style,
    pub warn: Style,
    pub error: Style,
    pub ok: Style,
    pub input: Style,
    /// The slot going on now.
    pub now: Style,
    /// The countdown in its last five minutes, and its last minute or overtime.
    pub amber: Style,
    pub red: Style,
}

impl Theme {
    /// Dark text on a light background: what projectors show best in a lit room.
    pub fn projector_light() -> Theme {
        let ink = Color::Rgb(20, 20, 20);
        let paper = Color::Rgb(250, 250, 247);
        Theme {
            name: "projector-light",
            base: Style::new().fg(ink).bg(paper),
            dim: Style::new().fg(Color::Rgb(80, 80, 80)).bg(paper),
            heading: Style::new().fg(ink).bg(paper).add_modifier(Modifier::BOLD),
            card: Style::new().fg(ink).bg(Color::Rgb(255, 244, 196)),
            // pale notes on a pale wall: the fill cannot stand out 3:1 and
            // keep its text at 7:1, so a line under each card is its edge
            card_edge: Style::new()
                .fg(ink)
                .bg(Color::Rgb(255, 244, 196))
                .add_modifier(Modifier::UNDERLINED),
            selected: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(0, 60, 140))
                .add_modifier(Modifier::BOLD),
            grabbed: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 200, 80))
                .add_modifier(Modifier::BOLD),
            plenary: Style::new()
                .fg(Color::Rgb(0, 40, 90))
                .bg(Color::Rgb(220, 232, 250))
                .add_modifier(Modifier::BOLD),
            pause: Style::new()
                .fg(Color::Rgb(60, 60, 60))
                .bg(Color::Rgb(232, 232, 228)),
            badge: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(30, 30, 30))
                .add_modifier(Modifier::BOLD),
            warn: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 190, 60))
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(160, 0, 0))
                .add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Rgb(0, 90, 30)).bg(paper),
            input: Style::new().fg(ink).bg(Color::Rgb(255, 255, 255)),
            now: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(0, 100, 40))
                .add_modifier(Modifier::BOLD),
            amber: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 190, 60))
                .add_modifier(Modifier::BOLD),
            red: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(160, 0, 0))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Light text on a dark background, for a dark room.
    pub fn projector_dark() -> Theme {
        let ink = Color::Rgb(240, 240, 235);
        let night = Color::Rgb(14, 14, 16);
        Theme {
            name: "projector-dark",
            base: Style::new().fg(ink).bg(night),
            dim: Style::new().fg(Color::Rgb(200, 200, 195)).bg(night),
            heading: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(night)
                .add_modifier(Modifier::BOLD),
            // pale notes on a dark wall: the fill alone stands out
            card: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(250, 226, 140)),
            card_edge: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(250, 226, 140)),
            selected: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(120, 200, 255))
                .add_modifier(Modifier::BOLD),
            grabbed: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 200, 80))
                .add_modifier(Modifier::BOLD),
            plenary: Style::new()
                .fg(Color::Rgb(200, 225, 255))
                .bg(Color::Rgb(16, 30, 56))
                .add_modifier(Modifier::BOLD),
            pause: Style::new()
                .fg(Color::Rgb(215, 215, 210))
                .bg(Color::Rgb(34, 34, 36)),
            badge: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(235, 235, 235))
                .add_modifier(Modifier::BOLD),
            warn: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 190, 60))
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(150, 0, 0))
                .add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Rgb(140, 230, 150)).bg(night),
            input: Style::new().fg(ink).bg(Color::Rgb(36, 36, 44)),
            now: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(140, 230, 150))
                .add_modifier(Modifier::BOLD),
            amber: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 190, 60))
                .add_modifier(Modifier::BOLD),
            red: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(150, 0, 0))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: bold, reverse and glyphs carry every state.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            name: "mono",
            base: plain,
            dim: plain,
            heading: plain.add_modifier(Modifier::BOLD),
            card: plain,
            card_edge: plain.add_modifier(Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            grabbed: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            plenary: plain.add_modifier(Modifier::BOLD),
            pause: plain,
            badge: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warn: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ok: plain,
            input: plain.add_modifier(Modifier::UNDERLINED),
            now: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            amber: plain.add_modifier(Modifier::BOLD),
            red: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    pub const NAMES: [&'static str; 3] = ["projector-light", "projector-dark", "mono"];

    pub fn by_name(name: &str) -> Option<Theme> {
        match name {
            "projector-light" => Some(Theme::projector_light()),
            "projector-dark" => Some(Theme::projector_dark()),
            "mono" => Some(Theme::mono()),
            _ => None,
        }
    }

    /// The theme for this run: the chosen one, but mono whenever NO_COLOR is
    /// set to anything non-empty.
    pub fn choose(name: Option<&str>) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => name
                .and_then(Theme::by_name)
                .unwrap_or_else(Theme::projector_light),
        }
    }

    /// Every style that puts text on a background.
    pub fn styles(&self) -> [(&'static str, Style); 17] {
        [
            ("base", self.base),
            ("dim", self.dim),
            ("heading", self.heading),
            ("card", self.card),
            ("card_edge", self.card_edge),
            ("selected", self.selected),
            ("grabbed", self.grabbed),
            ("plenary", self.plenary),
            ("pause", self.pause),
            ("badge", self.badge),
            ("warn", self.warn),
            ("error", self.error),
            ("ok", self.ok),
            ("input", self.input),
            ("now", self.now),
            ("amber", self.amber),
            ("red", self.red),
        ]
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    fn luminance(c: Color) -> Option<f64> {
        let Color::Rgb(r, g, b) = c else { return None };
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        Some(0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b))
    }
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_theme_has_text_at_7_to_1_or_better() {
        for theme in [Theme::projector_light(), Theme::projector_dark()] {
            for (name, style) in theme.styles() {
                let (Some(fg), Some(bg)) = (style.fg, style.bg) else {
                    panic!("{} {name}: colours are set", theme.name);
                };
                let ratio = contrast(fg, bg).unwrap();
                assert!(ratio >= 7.0, "{} {name}: {ratio:.1}:1", theme.name);
            }
        }
    }

    /// WCAG 2.1's non-text contrast: what shapes the board stands out 3:1
    /// from what is around it, by its fill or by a line of its own.
    #[test]
    fn the_structure_stands_out_3_to_1_in_every_colour_theme() {
        let ratio = |a: Style, b: Style| contrast(a.bg.unwrap(), b.bg.unwrap()).unwrap();
        let line = |s: Style| contrast(s.fg.unwrap(), s.bg.unwrap()).unwrap();
        for t in [Theme::projector_light(), Theme::projector_dark()] {
            // a card: its fill, or the line under it (in its text colour)
            let edged =
                t.card_edge.add_modifier.contains(Modifier::UNDERLINED) && line(t.card_edge) >= 3.0;
            assert!(ratio(t.card, t.base) >= 3.0 || edged, "{}: cards", t.name);
            // the NOW row's time and the selection: their fill
            assert!(
                ratio(t.now, t.base) >= 3.0,
                "{}: now {:.2}",
                t.name,
                ratio(t.now, t.base)
            );
            assert!(
                ratio(t.selected, t.card) >= 3.0 || ratio(t.selected, t.base) >= 3.0,
                "{}: selected",
                t.name
            );
            // plenary and break rows: their fill, or the rule drawn along them
            for (name, row) in [("plenary", t.plenary), ("break", t.pause)] {
                assert!(
                    ratio(row, t.base) >= 3.0 || line(row) >= 3.0,
                    "{}: {name}",
                    t.name
                );
            }
        }
    }

    #[test]
    fn mono_has_no_colour_and_names_resolve() {
        for (_, style) in Theme::mono().styles() {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        for name in Theme::NAMES {
            assert_eq!(Theme::by_name(name).map(|t| t.name), Some(name));
        }
        assert!(Theme::by_name("neon").is_none());
    }
}
