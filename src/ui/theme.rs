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
    pub selected: Style,
    pub grabbed: Style,
    pub plenary: Style,
    pub pause: Style,
    pub badge: Style,
    pub warn: Style,
    pub error: Style,
    pub ok: Style,
    pub input: Style,
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
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            grabbed: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            plenary: plain.add_modifier(Modifier::BOLD),
            pause: plain,
            badge: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warn: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ok: plain,
            input: plain.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The theme for this run: mono when NO_COLOR is set to anything non-empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::projector_light(),
        }
    }
}
