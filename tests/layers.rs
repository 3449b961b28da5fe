//! The stack of layers: what is on top takes the keys and is what is
//! drawn, over every view; help works everywhere and stays in bounds;
//! keys rebound in one layer never act on another.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use jiff::civil::{date, time};
use openspace::app::form::Form;
use openspace::app::keymap::{HELP_SECTIONS, Keymap, Mode, Rebind};
use openspace::app::layers::capture::Capture;
use openspace::app::layers::grab::Grab;
use openspace::app::layers::grid::Cursor;
use openspace::app::layers::help::HelpView;
use openspace::app::layers::prompt::{Ask, Prompt};
use openspace::app::layers::search::SearchView;
use openspace::app::layers::session::SessionView;
use openspace::app::picker::{NewForm, Picker};
use openspace::app::stack::{ListView, Overlay, ReviewView, View};
use openspace::app::{App, Screen};
use openspace::storage;
use openspace::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| ui::render(app, &Theme::mono(), f))
        .expect("drawing never fails");
    terminal.backend().to_string()
}

/// The screen's rows as plain text.
fn rows(app: &App) -> Vec<String> {
    screen(app)
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

/// The shipped 2019 edition on its first day at 14:30, at a size.
fn on_the_day(size: (u16, u16)) -> App {
    let mut app = board_app(shipped(), size);
    app.set_now(date(2019, 5, 14).to_datetime(time(14, 30, 0, 0)));
    app
}

/// 2019 in a folder with the 2020 edition started from it, 2020 open.
fn two_editions_open(size: (u16, u16)) -> (tempfile::TempDir, App) {
    let (dir, path) = two_editions();
    let app = opened(&path, dir.path(), size);
    (dir, app)
}

fn opened(path: &Path, dir: &Path, size: (u16, u16)) -> App {
    let today = date(2020, 5, 12);
    let (board, _lock) = openspace::run::open_board(path, dir, today).expect("opens");
    let mut app = App::new(Screen::Board(Box::new(board)), size, today);
    app.set_now(today.to_datetime(time(9, 0, 0, 0)));
    app
}

fn with_keys(mut app: App, rebinds: &[Rebind]) -> App {
    app.keymap = Keymap::with(rebinds).expect("the rebinds are valid");
    app
}

fn rebind(mode: Mode, key: &str, action: openspace::app::action::Action) -> Rebind {
    Rebind {
        mode,
        key: key.into(),
        action,
    }
}

// ---- what goes wrong on a view the room cannot see ----

#[test]
fn in_present_mode_and_on_the_break_screen_the_board_keys_do_nothing_unseen() {
    for start in ["P", "b", "Pb"] {
        let mut app = on_the_day((160, 45));
        press(&mut app, start);
        let view = board(&app).stack.view.clone();
        assert!(view.projected(), "{start}: {view:?}");
        let before = board(&app).edition.clone();
        for keys in [
            "A", "V", "R", "O", "W", "C", "N", "M", "M<Enter>", "S", "d", "m",
        ] {
            press(&mut app, keys);
            assert_eq!(board(&app).stack.view, view, "{start} then {keys}");
            assert!(
                board(&app).stack.overlays.is_empty(),
                "{start} then {keys}: {:?}",
                board(&app).stack.top()
            );
        }
        assert_eq!(board(&app).edition, before, "nothing changed unseen");
        // what the keys do there is drawn: the timer's prompt over present mode
        press(&mut app, "T");
        assert_eq!(app.mode(), Mode::Prompt);
        assert!(
            screen(&app).contains("Timer (45m"),
            "{start}: the prompt is drawn"
        );
    }
}

#[test]
fn an_overlay_that_needs_the_board_is_refused_over_present_mode_with_a_word() {
    let mut app = with_keys(
        on_the_day((160, 45)),
        &[rebind(
            Mode::Present,
            "A",
            openspace::app::action::Action::ActionPlan,
        )],
    );
    press(&mut app, "P");
    press(&mut app, "A");
    assert_eq!(board(&app).stack.view, View::Present);
    assert!(
        toast_text(&app).contains("does nothing"),
        "{}",
        toast_text(&app)
    );
    let b = app.board_mut().expect("the board");
    let refused = b.stack.open(Overlay::Layout);
    assert!(refused.is_err_and(|why| why.contains("Esc leaves present mode")));
    assert!(b.stack.overlays.is_empty());
}

#[test]
fn a_key_rebound_in_a_view_never_runs_the_grids_action() {
    let mut app = with_keys(
        after_2019(),
        &[rebind(
            Mode::Plan,
            "d",
            openspace::app::action::Action::Delete,
        )],
    );
    let n = board(&app).edition.topics.len();
    press(&mut app, "A");
    assert_eq!(app.mode(), Mode::Plan);
    press(&mut app, "d");
    assert_eq!(board(&app).edition.topics.len(), n, "no card deleted");
    assert!(titled(&app, "Team tourism").title == "Team tourism");
    assert_eq!(app.mode(), Mode::Plan);
    assert!(toast_text(&app).contains("does nothing in ACTION PLAN"));
}

/// The 2019 board on 1 September 2019: over, editing allowed.
fn after_2019() -> App {
    let mut app = board_app(shipped(), (160, 45));
    app.set_now(date(2019, 9, 1).to_datetime(time(10, 0, 0, 0)));
    app
}

#[test]
fn letters_rebound_in_a_typing_layer_stay_text() {
    use openspace::app::action::Action;
    let mut app = with_keys(
        board_app(small_edition(), (120, 40)),
        &[
            rebind(Mode::ActionLine, "x", Action::ToggleDone),
            rebind(Mode::NextEdition, "x", Action::Cancel),
        ],
    );
    press(&mut app, "o");
    assert_eq!(app.mode(), Mode::ActionLine);
    type_text(&mut app, "fix x");
    assert_eq!(board(&app).stack.capture().unwrap().input.value(), "fix x");
    press(&mut app, "<Esc><Esc>N");
    assert_eq!(app.mode(), Mode::NextEdition);
    press(&mut app, "<BS><BS><BS><BS>");
    type_text(&mut app, "xx");
    assert_eq!(app.mode(), Mode::NextEdition, "x did not cancel the form");
    for mode in [
        Mode::ActionLine,
        Mode::NextEdition,
        Mode::Capture,
        Mode::Prompt,
    ] {
        assert!(mode.is_typing(), "{mode:?}");
    }
}

// ---- help ----

#[test]
fn help_scrolls_within_its_bounds_and_end_shows_the_last_line() {
    let mut app = board_app(small_edition(), (80, 24));
    press(&mut app, "?");
    for _ in 0..500 {
        press(&mut app, "j");
    }
    let help = |app: &App| match board(app).stack.top() {
        Some(Overlay::Help(h)) => h.clone(),
        other => panic!("help is on top: {other:?}"),
    };
    let max = help(&app).max_scroll(app.size);
    assert!(max > 0);
    assert_eq!(help(&app).first(app.size), max);
    press(&mut app, "k");
    assert_eq!(help(&app).first(app.size), max - 1, "one k moves at once");
    press(&mut app, "<PageDown><PageDown><PageDown>");
    assert_eq!(help(&app).first(app.size), max, "never past the end");
    let last = help(&app).lines.last().unwrap().0.clone();
    assert!(
        screen(&app).contains(&last[..30]),
        "the last line of help shows"
    );
    press(&mut app, "g");
    assert_eq!(help(&app).first(app.size), 0);
    press(&mut app, "G");
    assert_eq!(help(&app).first(app.size), max);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn help_opens_at_the_section_of_the_layer_it_was_asked_from() {
    let cases = [
        ("A", "The action plan (A)"),
        ("V", "Dot voting (V)"),
        ("b", "The break screen (b)"),
        ("P", "Present mode (P)"),
        ("<Enter>", "A session (Enter on a card)"),
    ];
    for (keys, title) in cases {
        let mut app = after_2019();
        press(&mut app, keys);
        press(&mut app, "?");
        assert_eq!(app.mode(), Mode::Help, "? after {keys}");
        let Some(Overlay::Help(h)) = board(&app).stack.top() else {
            panic!("help on top");
        };
        let first = h.first(app.size);
        assert_eq!(h.lines[first].0, title, "after {keys}");
        assert!(screen(&app).contains(title));
        press(&mut app, "<Esc>");
        assert_ne!(app.mode(), Mode::Help);
    }
    // while typing, F1
    let mut app = after_2019();
    press(&mut app, "a");
    app.handle(&key_event(
        crossterm::event::KeyCode::F(1),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(app.mode(), Mode::Help);
    assert!(screen(&app).contains("Adding topics"));
}

#[test]
fn the_pickers_help_scrolls_with_page_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(shipped_path(), dir.path().join("tlm-2019.ron")).unwrap();
    let listed = storage::summaries_cached(dir.path(), None).unwrap();
    let picker = Picker::from_listing(dir.path().to_path_buf(), listed);
    let mut app = App::new(
        Screen::Picker(Box::new(picker)),
        (80, 24),
        date(2026, 5, 14),
    );
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    let first = |app: &App| match &app.screen {
        Screen::Picker(p) => p.help.as_ref().map(|h| h.first(app.size)),
        Screen::Board(_) => None,
    };
    // it opens at "Choosing an edition", near the end
    let at = first(&app).expect("help open");
    assert!(at > 0);
    press(&mut app, "<PageUp>");
    assert_eq!(app.mode(), Mode::Help, "PgUp scrolls, it does not close");
    assert!(first(&app).unwrap() < at);
    press(&mut app, "<PageDown>");
    assert_eq!(app.mode(), Mode::Help, "PgDn scrolls, it does not close");
    assert_eq!(first(&app), Some(at));
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Picker);
}

#[test]
fn every_mode_with_keys_has_a_help_section_and_help_opens_from_every_view() {
    let keymap = Keymap::default();
    for mode in Mode::ALL {
        let bound = keymap.bindings().iter().any(|b| b.mode == mode);
        let section = HELP_SECTIONS.iter().any(|(m, _)| *m == mode);
        assert!(!bound || section, "{mode:?} has keys but no help section");
        if !bound {
            continue;
        }
        let f1 = key_event(
            crossterm::event::KeyCode::F(1),
            crossterm::event::KeyModifiers::NONE,
        );
        let crossterm::event::Event::Key(f1) = f1 else {
            unreachable!()
        };
        let action = keymap.action(mode, &f1);
        // in help itself F1 closes it (or ends the search in it)
        let ok = if matches!(mode, Mode::Help | Mode::HelpSearch) {
            action == Some(openspace::app::action::Action::Cancel)
        } else {
            action == Some(openspace::app::action::Action::Help)
        };
        assert!(ok, "F1 in {mode:?}: {action:?}");
        if !mode.is_typing() && mode != Mode::Help {
            let q = crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char('?'),
                crossterm::event::KeyModifiers::NONE,
            );
            assert_eq!(
                keymap.action(mode, &q),
                Some(openspace::app::action::Action::Help),
                "? in {mode:?}"
            );
        }
    }
}

// ---- the session window leaves the input line readable ----

#[test]
fn the_session_window_is_never_drawn_over_the_action_line() {
    for size in [(160, 45), (100, 30), (80, 24)] {
        let mut app = after_2019();
        app.resize(size.0, size.1);
        press(&mut app, "<Enter>o");
        type_text(&mut app, "Publish the catalogue");
        let rows = rows(&app);
        let input = usize::from(size.1) - 4;
        assert!(
            rows[input].starts_with(" Action ▸ Publish the catalogue"),
            "{size:?}: {:?}",
            rows[input]
        );
        // and the prompt of "how many took part"
        press(&mut app, "<Esc>c");
        let rows = self::rows(&app);
        assert!(
            rows[input].starts_with(" How many took part ▸"),
            "{size:?}: {:?}",
            rows[input]
        );
    }
}

// ---- the comparison scrolls ----

#[test]
fn the_comparison_scrolls_to_every_carried_point_and_pages_no_spaces() {
    for size in [(80, 24), (160, 45)] {
        let (_dir, mut app) = two_editions_open(size);
        press(&mut app, "C");
        assert_eq!(app.mode(), Mode::Compare);
        let b = board(&app);
        let carried: Vec<String> = b.edition.carried.iter().map(|a| a.text.clone()).collect();
        assert!(carried.len() > 20);
        assert!(!rows(&app)[0].contains("spaces 1–"), "{:?}", rows(&app)[0]);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..100 {
            let s = screen(&app);
            for c in &carried {
                let head: String = c.chars().take(40).collect();
                if s.contains(&head) {
                    seen.insert(c.clone());
                }
            }
            press(&mut app, "j");
        }
        assert_eq!(
            seen.len(),
            carried.len(),
            "{size:?}: every carried point was on screen"
        );
        press(&mut app, "g");
        assert!(screen(&app).contains("Spaces"));
        press(&mut app, "G");
        let last: String = carried.last().unwrap().chars().take(40).collect();
        assert!(screen(&app).contains(&last));
    }
}

// ---- search in text whose lowercase is longer ----

#[test]
fn searching_text_with_a_dotted_capital_i_finds_it_without_a_panic() {
    let mut e = small_edition();
    let id = e.topics[0].id;
    e.set_notes(id, &format!("{}x", "İ".repeat(100))).unwrap();
    let mut app = board_app(e, (120, 40));
    press(&mut app, "/");
    type_text(&mut app, "x");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Search);
    let View::Search(SearchView { query, .. }) = &board(&app).stack.view else {
        panic!("search results");
    };
    assert!(!board(&app).search_hits(query).is_empty());
    assert!(screen(&app).contains("notes"));
}

// ---- every layer over every view ----

/// Each overlay, and the text that shows it is on top.
fn overlays(app: &App) -> Vec<(Overlay, &'static str)> {
    let b = board(app);
    let first = b.edition.topics[0].id;
    let second = b.edition.topics[1].id;
    let grab = Grab {
        topic: first,
        from: Cursor::default(),
        from_parking: false,
    };
    let mut notes = SessionView::new(first);
    notes.notes = Some(openspace::app::layers::session::notes_area(
        "Notes typed here",
    ));
    vec![
        (Overlay::Layout, " SPACES & SLOTS "),
        (Overlay::Session(SessionView::new(first)), " Session "),
        (Overlay::Session(notes), " NOTES "),
        (Overlay::Capture(Capture::default()), " Add ▸ "),
        (Overlay::Capture(Capture::actions(first)), " Action ▸ "),
        (
            Overlay::Form(Form::edit(b.topic(first).unwrap())),
            " Edit topic ",
        ),
        (
            Overlay::Prompt(Prompt {
                ask: Ask::Timer,
                input: tui_input::Input::default(),
                error: None,
            }),
            " Timer (45m",
        ),
        (Overlay::Grab(grab), " MOVE "),
        (Overlay::Merge(grab), " MERGE "),
        (
            Overlay::ConfirmMerge {
                keep: first,
                other: second,
            },
            " Merge two topics? ",
        ),
        (
            Overlay::NextEdition(NewForm::new(date(2021, 5, 11), None)),
            " The next edition",
        ),
        (Overlay::ConfirmQuit, " Quit without saving? "),
        (
            Overlay::Recover(openspace::app::layers::recover::Recovery {
                path: "kept.ron.recovered".into(),
                edition: Box::new(b.edition.clone()),
            }),
            " Unsaved changes from the last run ",
        ),
        (
            Overlay::Conflicts(openspace::app::layers::conflicts::Conflicts {
                list: vec![openspace::model::sync::Conflict {
                    point: openspace::model::sync::Point::Topic(first, "title"),
                    what: "the title of “X”".into(),
                    ours: "\"Board\"".into(),
                    theirs: "\"File\"".into(),
                }],
                theirs: Box::new(b.edition.clone()),
                selected: 0,
                from: Default::default(),
            }),
            " Changed in the file and on the board",
        ),
        (
            Overlay::Fill(openspace::app::layers::fill::FillPreview {
                plan: openspace::model::fill::plan(&b.edition, false),
                refit: false,
            }),
            " Fill the grid from the parking lot? ",
        ),
        (
            Overlay::Notice(openspace::app::layers::notice::Notice {
                title: "A note".into(),
                text: "Read this in full.".into(),
            }),
            " A note ",
        ),
        (
            Overlay::Help(HelpView::new(&app.keymap, Mode::Board)),
            " Keys · Esc closes",
        ),
    ]
}

fn views() -> Vec<(View, &'static str)> {
    vec![
        (View::Grid, " time"),
        (View::Plan(Default::default()), " Action plan ·"),
        (View::Tally(ListView::default()), " Dot voting ·"),
        (View::Reports(ListView::default()), " ✎ Reports owed"),
        (View::Review(ReviewView::default()), " What became of"),
        (View::Retro(ListView::default()), " Last time:"),
        (View::Compare { scroll: 0 }, " Spaces"),
        (
            View::Search(SearchView {
                query: "team".into(),
                selected: 0,
                hits: Vec::new(),
            }),
            " Search “team”",
        ),
        (View::Present, " ■ NOW"),
        (
            View::Break {
                from_present: false,
            },
            " break",
        ),
    ]
}

#[test]
fn every_layer_over_every_view_is_what_is_on_screen_and_takes_the_keys() {
    for size in [(80, 24), (160, 45)] {
        let (_dir, mut template) = two_editions_open(size);
        // two topics to open, edit, move and merge
        press(&mut template, "a");
        type_text(&mut template, "Team tourism, one year on @Sylwia");
        press(&mut template, "<Enter>");
        type_text(&mut template, "Staying technical @Piotr");
        press(&mut template, "<Enter><Esc>");
        for (view, view_sign) in views() {
            let mut app = template.clone();
            app.board_mut().unwrap().stack.view = view.clone();
            assert!(
                screen(&app).contains(view_sign),
                "{size:?} {view:?} shows {view_sign:?}:\n{}",
                screen(&app)
            );
            for (overlay, sign) in overlays(&template) {
                let mut app = template.clone();
                let mode = overlay.mode();
                let b = app.board_mut().unwrap();
                b.stack.view = view.clone();
                let stands_alone = overlay.stands_alone();
                match b.stack.open(overlay) {
                    Ok(()) => {
                        assert!(
                            !view.projected() || stands_alone,
                            "{view:?} took an overlay that needs the board"
                        );
                        assert_eq!(
                            app.mode(),
                            mode,
                            "{size:?} {view:?}: the top takes the keys"
                        );
                        let s = screen(&app);
                        assert!(
                            s.contains(sign),
                            "{size:?}: {mode:?} over {view:?} shows {sign:?}:\n{s}"
                        );
                    }
                    Err(why) => {
                        assert!(
                            view.projected() && !stands_alone,
                            "{view:?} refused {mode:?}"
                        );
                        assert!(why.contains("Esc leaves"), "{why}");
                        assert!(b.stack.overlays.is_empty());
                    }
                }
            }
        }
    }
}

#[test]
fn the_top_of_several_layers_is_drawn_last() {
    let mut app = after_2019();
    press(&mut app, "<Enter>o");
    type_text(&mut app, "A point");
    app.handle(&key_event(
        crossterm::event::KeyCode::F(1),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(app.mode(), Mode::Help);
    let s = screen(&app);
    assert!(s.contains(" Keys · Esc closes"));
    assert!(
        s.contains("Adding action points"),
        "help opened at the action line's keys"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::ActionLine);
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        "A point"
    );
}

// ---- the layering of modules ----

#[test]
fn nothing_in_app_imports_ui_or_touches_files() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
        &mut files,
    );
    assert!(files.len() > 20);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for banned in [
            "crate::ui",
            "super::ui",
            "std::fs",
            "crate::run",
            "std::process",
        ] {
            assert!(
                !text.contains(banned),
                "{} uses {banned}: app is pure and draws nothing",
                f.display()
            );
        }
    }
}

#[test]
fn end_goes_to_the_end_of_every_list_and_stays_there() {
    let selected = |app: &App| match &board(app).stack.view {
        View::Tally(l) | View::Retro(l) => l.selected,
        View::Plan(p) => p.selected,
        other => panic!("a list view: {other:?}"),
    };
    for view in ["V", "A", "W"] {
        let mut app = after_2019();
        press(&mut app, view);
        let n = match &board(&app).stack.view {
            View::Tally(_) => board(&app).edition.topics.len(),
            View::Plan(_) => board(&app).plan_items().len(),
            _ => {
                let r = &board(&app).edition.retrospective;
                r.worked.len() + r.better.len()
            }
        };
        press(&mut app, "jj<End>");
        assert_eq!(selected(&app), n - 1, "{view}: End");
        press(&mut app, "<End>G");
        assert_eq!(selected(&app), n - 1, "{view}: End again stays at the end");
        press(&mut app, "<Home>");
        assert_eq!(selected(&app), 0, "{view}: Home");
    }
}

#[test]
fn a_page_of_the_action_plan_is_what_one_screen_shows() {
    let mut app = after_2019();
    app.resize(80, 24);
    press(&mut app, "A<PageDown>");
    let View::Plan(p) = &board(&app).stack.view else {
        panic!("the plan")
    };
    // about seven points fit at 80×24: a page never jumps past the ones not seen
    assert!(p.selected > 0 && p.selected <= 7, "{}", p.selected);
}

#[test]
fn help_is_searched_with_a_slash_and_n_finds_the_next() {
    let mut app = board_app(small_edition(), (120, 40));
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::HelpSearch);
    // letters are text while searching: q does not close help
    type_text(&mut app, "announce");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Help);
    let help = board(&app).stack.help().expect("help is open").clone();
    let first = help.scroll;
    assert!(
        help.lines[first].0.contains("announce"),
        "{:?}",
        help.lines[first]
    );
    press(&mut app, "n");
    let next = board(&app).stack.help().unwrap().scroll;
    assert_ne!(next, first, "n goes on to another line");
    assert!(
        board(&app).stack.help().unwrap().lines[next]
            .0
            .contains("announce")
    );
    // the legend of the card glyphs is part of help
    assert!(
        help.lines
            .iter()
            .any(|(l, _)| l.contains("⚑") && l.contains("pinned"))
    );
}
