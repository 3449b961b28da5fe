//! The terminal around the board: putting it back on every way out (a
//! panic included), and lending it to $EDITOR for a while.

use std::io;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;

/// The terminal in raw mode on the alternate screen, drawn at a fixed size:
/// ratatui's full-screen viewport asks the terminal for its size before
/// every frame (on Unix crossterm opens and closes /dev/tty for it), so the
/// size is asked once here and then taken from each resize event (`resize`).
pub(super) fn open_terminal() -> ratatui::DefaultTerminal {
    let fallback = ratatui::init();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
    };
    ratatui::Terminal::with_options(
        ratatui::prelude::CrosstermBackend::new(io::stdout()),
        options,
    )
    .unwrap_or(fallback)
}

/// The terminal's new size, from a resize event: the next frame is drawn
/// whole at that size.
pub(super) fn resize(terminal: &mut ratatui::DefaultTerminal, w: u16, h: u16) {
    let _ = terminal.resize(ratatui::layout::Rect::new(0, 0, w, h));
}

/// Puts the terminal back: raw mode, alternate screen, mouse, paste, cursor.
pub(super) fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
}

/// A panic anywhere, in this task or a spawned one, restores the terminal,
/// reports, and ends the program: it must never go on running on a restored terminal.
pub(super) fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        std::process::exit(101);
    }));
}

/// Suspends the board, runs $VISUAL or $EDITOR (else vi) on the text, and
/// brings the board back; the terminal is restored either way.
pub(super) fn edit_in_editor(text: &str, mouse: bool) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    // a final newline, so that what an editor adds starts on a line of its own
    let text = if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    let path = crate::storage::scratch(&text)
        .map_err(|e| format!("cannot write the notes for {editor}: {e}"))?;
    restore_terminal();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(&path)
        .status();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let text = crate::storage::take_scratch(&path);
    match status {
        Ok(s) if s.success() => text.map_err(|e| e.to_string()),
        Ok(s) => Err(format!("{editor} exited with {s}: notes unchanged")),
        Err(e) => Err(format!("cannot run {editor}: {e}")),
    }
}
