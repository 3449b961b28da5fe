//! Update tests: a sequence of keys, then the state and the effects — the
//! board as the facilitator drives it, without a terminal.

mod common;

use common::*;
use crossterm::event::Event;
use openspace::app::Effect;
use openspace::app::keymap::Mode;
use openspace::app::layers::grid::Focus;
use openspace::model::{Edition, Placement};

fn app() -> openspace::app::App {
    board_app(small_edition(), (120, 40))
}

fn topics(app: &openspace::app::App) -> usize {
    board(app).edition.topics.len()
}

#[test]
fn the_capture_line_adds_the_example_topic_and_stays_open() {
    let mut app = app();
    press(&mut app, "a");
    assert_eq!(app.mode(), Mode::Capture);
    // the line opens prefilled with the first free cell of the cursor's slot
    let prefill = board(&app)
        .stack
        .capture()
        .unwrap()
        .input
        .value()
        .to_string();
    assert_eq!(prefill, " #Garden 09:30");
    // replace the prefill with the whole example line
    board_mut_clear_capture(&mut app);
    type_text(&mut app, "Service mesh again @Marta #Atrium 10:30 +5");
    press(&mut app, "<Enter>");
    let t = titled(&app, "Service mesh again");
    assert_eq!(t.conveners, vec!["Marta"]);
    assert_eq!(t.votes, 5);
    assert_eq!(where_is(&app, "Service mesh again"), "Atrium 10:30");
    assert_eq!(app.mode(), Mode::Capture, "Enter keeps the line open");
    let toast = toast_text(&app);
    assert!(
        toast.contains("Added “Service mesh again” to Atrium"),
        "{toast}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

/// Empties the capture line whatever its content (tui-input has no "select all").
fn board_mut_clear_capture(app: &mut openspace::app::App) {
    if let Some(b) = app.board_mut()
        && let Some(c) = b.stack.capture_mut()
    {
        c.input = tui_input::Input::default();
    }
}

#[test]
fn capturing_into_the_prefilled_cells_fills_the_slot_left_to_right() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Pitch one @Zoë");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Pitch one"), "Garden 09:30");
    // the slot is now full: the next line is prefilled with nothing on this row
    type_text(&mut app, "Pitch two");
    press(&mut app, "<Enter>");
    assert_ne!(where_is(&app, "Pitch two"), "Garden 09:30");
    assert_eq!(titled(&app, "Pitch one").conveners, vec!["Zoë"]);
}

#[test]
fn odd_capture_lines_are_never_rejected_and_lose_nothing() {
    let mut app = app();
    press(&mut app, "<Tab>a");
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        "",
        "no prefill from the parking lot"
    );
    let before = topics(&app);

    // only spaces: nothing added, a hint, the line stays open
    type_text(&mut app, "     ");
    press(&mut app, "<Enter>");
    assert_eq!(topics(&app), before);
    assert!(toast_text(&app).contains("title"));
    assert_eq!(app.mode(), Mode::Capture);
    board_mut_clear_capture(&mut app);

    // an unknown space stays in the title; the topic is parked
    type_text(&mut app, "Roadmaps #Narnia @Ola");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Roadmaps #Narnia"), "parked");
    assert!(toast_text(&app).contains("no space “Narnia”"));

    // a time outside every slot stays in the title too
    type_text(&mut app, "Late talk 23:00");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Late talk 23:00"), "parked");

    // emoji and wide characters
    type_text(&mut app, "🚀 Launch 会议 @Zoë +2");
    press(&mut app, "<Enter>");
    assert_eq!(titled(&app, "🚀 Launch 会议").votes, 2);

    // 500 characters
    let long = "x".repeat(500);
    type_text(&mut app, &long);
    press(&mut app, "<Enter>");
    assert_eq!(titled(&app, &long).title.chars().count(), 500);
    assert_eq!(topics(&app), before + 4);
}

#[test]
fn up_recalls_earlier_lines_and_tab_completes() {
    let mut app = app();
    press(&mut app, "<Tab>a");
    type_text(&mut app, "First pitch @Marta");
    press(&mut app, "<Enter><Up>");
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        "First pitch @Marta"
    );
    press(&mut app, "<Down>");
    assert_eq!(board(&app).stack.capture().unwrap().input.value(), "");
    type_text(&mut app, "Second @Pi");
    press(&mut app, "<Tab>");
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        "Second @Piotr "
    );
    type_text(&mut app, "#Lib");
    press(&mut app, "<Tab>");
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        "Second @Piotr #Library "
    );
}

#[test]
fn while_typing_letters_are_text_not_commands() {
    let mut app = app();
    press(&mut app, "a");
    board_mut_clear_capture(&mut app);
    let effects = press(&mut app, "qudm?");
    assert!(effects.is_empty(), "q must not quit while typing");
    assert_eq!(board(&app).stack.capture().unwrap().input.value(), "qudm?");
    let effects = press(&mut app, "<C-c>");
    assert_eq!(effects, vec![Effect::Quit], "Ctrl-C always quits");
}

#[test]
fn pasting_several_lines_adds_one_parked_topic_per_line() {
    let mut app = app();
    press(&mut app, "a");
    let before = topics(&app);
    app.handle(&Event::Paste(
        "Hiring @Ewa\n\nOn-call +4\r\nDocs nobody reads\n".into(),
    ));
    assert_eq!(topics(&app), before + 3);
    assert_eq!(where_is(&app, "On-call"), "parked");
    assert_eq!(titled(&app, "On-call").votes, 4);
    assert_eq!(titled(&app, "Hiring").conveners, vec!["Ewa"]);
    // one undo takes the whole paste back
    press(&mut app, "<Esc>u");
    assert_eq!(topics(&app), before);
}

#[test]
fn grab_move_and_drop_swaps_with_an_occupied_cell() {
    let mut app = app();
    // cursor starts on the first session cell: Atrium 09:30 (Service mesh)
    assert_eq!(
        board(&app).selected().unwrap().title,
        "Service mesh in our cloud"
    );
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Grab);
    press(&mut app, "l<Enter>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 09:30");
    assert_eq!(where_is(&app, "Team tourism"), "Atrium 09:30");
    assert!(toast_text(&app).contains("swapped with “Team tourism”"));
    // undo puts both back
    press(&mut app, "u");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Atrium 09:30");
    assert_eq!(where_is(&app, "Team tourism"), "Library 09:30");
}

#[test]
fn esc_cancels_a_move_and_breaks_refuse_a_drop() {
    let mut app = app();
    let before = board(&app).edition.clone();
    press(&mut app, "mjjl<Esc>");
    assert_eq!(board(&app).edition, before);
    assert_eq!(board(&app).stack.grid.cursor.col, 0, "the cursor goes back");
    // the row below the first session is the coffee break
    press(&mut app, "mj<Enter>");
    assert_eq!(app.mode(), Mode::Grab, "still carrying");
    assert!(toast_text(&app).contains("break or plenary"));
    assert_eq!(board(&app).edition, before);
}

#[test]
fn shift_arrows_move_a_card_one_cell_skipping_breaks() {
    let mut app = app();
    press(&mut app, "<S-Down>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Atrium 10:30");
    press(&mut app, "<S-Right>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 10:30");
    press(&mut app, "K");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 09:30");
    assert_eq!(where_is(&app, "Team tourism"), "Library 10:30", "swapped");
}

#[test]
fn park_and_unpark() {
    let mut app = app();
    press(&mut app, "p");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "parked");
    // in the parking lot (sorted by votes: 7 first), m grabs it to place it
    press(&mut app, "<Tab>");
    assert_eq!(board(&app).stack.grid.focus, Focus::Parking);
    assert_eq!(
        board(&app).selected().unwrap().title,
        "Service mesh in our cloud"
    );
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Grab);
    press(&mut app, "ll<Enter>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Garden 09:30");
}

#[test]
fn a_pinned_card_does_not_move_until_unpinned() {
    let mut app = app();
    press(&mut app, "*");
    assert!(titled(&app, "Service mesh in our cloud").pinned);
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Board);
    assert!(toast_text(&app).contains("pinned"));
    press(&mut app, "p<S-Right>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Atrium 09:30");
    press(&mut app, "*p");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "parked");
}

#[test]
fn enter_on_an_empty_cell_starts_a_topic_there_and_esc_in_a_form_restores() {
    let mut app = app();
    press(&mut app, "ll<Enter>");
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "Garden chat");
    press(&mut app, "<Tab>");
    type_text(&mut app, "Ola, Piotr");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Garden chat"), "Garden 09:30");
    assert_eq!(titled(&app, "Garden chat").conveners, vec!["Ola", "Piotr"]);
    // editing, then Esc: the original stays
    let before = board(&app).edition.clone();
    press(&mut app, "e");
    type_text(&mut app, " CHANGED");
    press(&mut app, "<Esc>");
    assert_eq!(board(&app).edition, before);
    // an emptied title is refused inside the form, which stays open
    press(&mut app, "e");
    for _ in 0..30 {
        press(&mut app, "<BS>");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Form);
    assert!(board(&app).stack.form().unwrap().error.is_some());
    assert_eq!(board(&app).edition, before);
}

#[test]
fn delete_asks_nothing_and_undo_brings_it_back() {
    let mut app = app();
    let before = board(&app).edition.clone();
    press(&mut app, "d");
    assert!(
        board(&app)
            .edition
            .topics
            .iter()
            .all(|t| t.title != "Service mesh in our cloud")
    );
    assert!(toast_text(&app).contains("u undoes"));
    press(&mut app, "u");
    assert_eq!(board(&app).edition, before);
}

/// Each kind of change, undone and redone: (keys, what to check changed).
#[test]
fn undo_and_redo_across_every_kind_of_change() {
    let cases: &[(&str, &str)] = &[
        ("a<C-u>", "capture"),
        ("e", "edit"),
        ("m l<Enter>", "move"),
        ("<S-Down>", "shove"),
        ("p", "park"),
        ("d", "delete"),
        ("*", "pin"),
        ("+", "vote up"),
        ("-", "vote down"),
        ("=", "set votes"),
        ("Sa", "add space"),
        ("Sr", "rename space"),
        ("Sd", "remove space"),
        ("S<lt>", "move space"),
        ("SA", "add slot"),
        ("SR", "edit slot"),
        ("SD", "remove slot"),
    ];
    for (keys, what) in cases {
        let mut app = app();
        // start one column right, so "move space left" has somewhere to go
        press(&mut app, "l");
        let before: Edition = board(&app).edition.clone();
        do_change(&mut app, keys, what);
        let after = board(&app).edition.clone();
        assert_ne!(before, after, "{what}: the change happened");
        press(&mut app, "<Esc>");
        press(&mut app, "u");
        assert_eq!(board(&app).edition, before, "{what}: undo restores");
        press(&mut app, "U");
        assert_eq!(board(&app).edition, after, "{what}: redo reapplies");
        press(&mut app, "<C-z>");
        assert_eq!(board(&app).edition, before, "{what}: Ctrl-Z undoes");
        press(&mut app, "<C-y>");
        assert_eq!(board(&app).edition, after, "{what}: Ctrl-Y redoes");
    }
}

fn do_change(app: &mut openspace::app::App, keys: &str, what: &str) {
    match what {
        "capture" => {
            press(app, "a");
            board_mut_clear_capture(app);
            type_text(app, "New one @Ada +2");
            press(app, "<Enter><Esc>");
        }
        "edit" => {
            press(app, "e");
            type_text(app, "!");
            press(app, "<Enter>");
        }
        "move" => {
            press(app, "ml<Enter>");
        }
        "set votes" => {
            press(app, "=");
            press(app, "<BS>");
            type_text(app, "42");
            press(app, "<Enter>");
        }
        "add space" | "add slot" | "rename space" | "edit slot" => {
            press(app, &keys[..2]);
            if let Some(b) = app.board_mut()
                && let Some(p) = b.stack.prompt_mut()
            {
                p.input = tui_input::Input::default();
            }
            let text = match what {
                "add space" => "Terrace:16",
                "rename space" => "Big Atrium:60",
                "add slot" => "16:00-16:45",
                _ => "09:35-10:15",
            };
            type_text(app, text);
            press(app, "<Enter>");
            assert!(
                board(app).stack.prompt().is_none(),
                "{what}: {:?}",
                board(app).stack.prompt()
            );
            press(app, "<Esc>");
        }
        "move space" => {
            press(app, "S<");
            press(app, "<Esc>");
        }
        _ => {
            press(app, keys);
            press(app, "<Esc>");
        }
    }
}

#[test]
fn removing_a_space_from_the_board_parks_its_sessions() {
    let mut app = app();
    let before = topics(&app);
    press(&mut app, "Sd");
    assert_eq!(topics(&app), before, "no topic is deleted");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "parked");
    assert!(
        board(&app)
            .edition
            .spaces
            .iter()
            .all(|s| s.name != "Atrium")
    );
}

#[test]
fn a_group_moving_to_the_garden_takes_seconds() {
    let mut app = app();
    // add the space, then move the session there
    press(&mut app, "Sa");
    type_text(&mut app, "Garden tent:20");
    press(&mut app, "<Enter><Esc>");
    assert!(
        board(&app)
            .edition
            .spaces
            .iter()
            .any(|s| s.name == "Garden tent" && s.capacity == Some(20))
    );
    press(&mut app, "1m4<Enter>");
    assert_eq!(
        where_is(&app, "Service mesh in our cloud"),
        "Garden tent 09:30"
    );
}

#[test]
fn navigation_keys_stay_on_the_board() {
    let mut app = app();
    press(&mut app, "G");
    let last = board(&app).index.rows.len() - 1;
    assert_eq!(board(&app).stack.grid.cursor.row, last);
    press(&mut app, "g");
    assert_eq!(board(&app).stack.grid.cursor.row, 0);
    press(&mut app, "3");
    assert_eq!(board(&app).stack.grid.cursor.col, 2);
    press(&mut app, "9");
    assert_eq!(board(&app).stack.grid.cursor.col, 2, "no space 9");
    press(&mut app, "llllll");
    assert_eq!(
        board(&app).stack.grid.cursor.col,
        2,
        "never past the last space"
    );
    press(&mut app, "<PageDown><PageDown><PageUp>");
    assert!(board(&app).stack.grid.cursor.row <= last);
}

#[test]
fn quitting_is_immediate_unless_a_save_is_failing() {
    let mut app = app();
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    let mut app = self::app();
    press(&mut app, "+");
    if let Some(b) = app.board_mut() {
        b.save.error = Some("disk full".into());
    }
    assert!(press(&mut app, "q").is_empty());
    assert_eq!(app.mode(), Mode::ConfirmQuit);
    assert!(press(&mut app, "n").is_empty());
    assert_eq!(app.mode(), Mode::Board);
    press(&mut app, "q");
    assert_eq!(press(&mut app, "y"), vec![Effect::Quit]);
}

#[test]
fn a_read_only_board_changes_nothing() {
    let mut app = app();
    if let Some(b) = app.board_mut() {
        b.read_only = Some("another openspace has this file open".into());
    }
    let before = board(&app).edition.clone();
    press(&mut app, "d+p*");
    press(&mut app, "a");
    type_text(&mut app, "Nope");
    press(&mut app, "<Enter><Esc>");
    assert_eq!(board(&app).edition, before);
    assert!(toast_text(&app).starts_with("Read-only"));
    assert_eq!(board(&app).save.generation, 0, "nothing to save");
}

#[test]
fn every_change_asks_for_a_save() {
    let mut app = app();
    assert!(!board(&app).save.dirty());
    press(&mut app, "+");
    assert!(board(&app).save.dirty());
    let g = board(&app).save.generation;
    press(&mut app, "jjk");
    assert_eq!(
        board(&app).save.generation,
        g,
        "moving the cursor is not a change"
    );
}

#[test]
fn help_lists_the_keymap_and_closes() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "j");
    assert_eq!(app.mode(), Mode::Help, "scrolling keeps help open");
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn the_parked_topic_stays_selected_while_votes_reorder_the_lot() {
    let mut app = app();
    press(&mut app, "pj"); // park Service mesh (7 votes); parking lot: Service mesh 7, Staying technical 2
    press(&mut app, "<Tab>j");
    assert_eq!(board(&app).selected().unwrap().title, "Staying technical");
    for _ in 0..6 {
        press(&mut app, "+");
    }
    assert_eq!(board(&app).selected().unwrap().title, "Staying technical");
    assert_eq!(
        board(&app).stack.grid.parking_sel,
        0,
        "now first, with 8 votes"
    );
    assert!(matches!(
        titled(&app, "Staying technical").placement,
        Placement::Parked
    ));
}

#[test]
fn only_words_typed_and_not_entered_make_a_draft() {
    use openspace::app::draft::Draft;
    let mut app = app();
    press(&mut app, "a");
    assert_eq!(
        board(&app).draft(),
        None,
        "the prefilled cell is nothing typed"
    );
    type_text(&mut app, "Half a pitch");
    assert_eq!(
        board(&app).draft(),
        Some(Draft::Topics("Half a pitch #Garden 09:30".into()))
    );
    press(&mut app, "<Enter>");
    assert_eq!(
        board(&app).draft(),
        None,
        "entered: nothing left to recover"
    );
    // back on a fresh board, the draft comes back into the capture line
    let mut fresh = self::app();
    if let Some(b) = fresh.board_mut() {
        b.restore_draft(Draft::Topics("Recovered words".into()));
    }
    assert_eq!(fresh.mode(), Mode::Capture);
    assert_eq!(
        board(&fresh).stack.capture().unwrap().input.value(),
        "Recovered words"
    );
}

#[test]
fn the_mouse_selects_drags_and_picks_from_the_parking_lot() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = app();
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // find the screen position of the Library 09:30 cell from the layout
    let g = board(&app).current_grid();
    let (y, _) = g.row_band(board(&app).stack.grid.cursor.row).unwrap();
    let x_library = g.col_x(1).unwrap() + 1;
    let x_garden = g.col_x(2).unwrap() + 1;
    app.handle(&mouse(
        MouseEventKind::Down(MouseButton::Left),
        x_library,
        y,
    ));
    assert_eq!(board(&app).selected().unwrap().title, "Team tourism");
    // drag it to the Garden
    app.handle(&mouse(MouseEventKind::Drag(MouseButton::Left), x_garden, y));
    app.handle(&mouse(MouseEventKind::Up(MouseButton::Left), x_garden, y));
    assert_eq!(where_is(&app, "Team tourism"), "Garden 09:30");
    // a click in the parking lot selects the topic there
    let area = board(&app).regions().parking.unwrap();
    app.handle(&mouse(
        MouseEventKind::Down(MouseButton::Left),
        area.x + 3,
        area.y + 1,
    ));
    assert_eq!(
        board(&app).stack.grid.focus,
        openspace::app::layers::grid::Focus::Parking
    );
    assert_eq!(board(&app).selected().unwrap().title, "Staying technical");
    // with the mouse off (F2), clicks do nothing
    press(&mut app, "<Tab><F2>");
    let before = board(&app).stack.grid.cursor;
    app.handle(&mouse(
        MouseEventKind::Down(MouseButton::Left),
        x_library,
        y,
    ));
    assert_eq!(
        board(&app).stack.grid.focus,
        openspace::app::layers::grid::Focus::Grid
    );
    assert_eq!(board(&app).stack.grid.cursor, before);
    assert_ne!(before.col, 1);
}

#[test]
fn pasted_lines_are_read_as_typed_ones_whatever_their_line_breaks() {
    for sep in ["\n", "\r", "\r\n"] {
        let mut app = app();
        press(&mut app, "a");
        let before = topics(&app);
        let text = [
            "Hiring @Ewa #Garden 09:30",
            "Docs nobody reads",
            "On-call 10:30 +4",
        ]
        .join(sep);
        app.handle(&Event::Paste(text));
        assert_eq!(topics(&app), before + 3, "{sep:?}");
        assert_eq!(
            where_is(&app, "Hiring"),
            "Garden 09:30",
            "{sep:?}: #space and time kept"
        );
        assert_eq!(titled(&app, "Hiring").conveners, vec!["Ewa"]);
        assert_eq!(where_is(&app, "Docs nobody reads"), "parked");
        assert_eq!(where_is(&app, "On-call"), "Atrium 10:30", "{sep:?}");
        assert_eq!(titled(&app, "On-call").votes, 4);
    }
}

#[test]
fn a_huge_paste_is_one_step_and_a_line_too_long_is_refused_with_a_word() {
    let mut app = app();
    press(&mut app, "a<C-u>");
    // a line that fits goes in at once, at the cursor
    app.handle(&Event::Paste("x".repeat(1_500)));
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value().len(),
        1_500
    );
    // a megabyte on one line is refused, and the line keeps what it had
    app.handle(&Event::Paste("y".repeat(1 << 20)));
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value().len(),
        1_500
    );
    assert!(
        toast_text(&app).contains("too long for one line"),
        "{}",
        toast_text(&app)
    );
    // thousands of lines: the first ones become topics, the rest are counted
    press(&mut app, "<C-u>");
    let before = topics(&app);
    let many: Vec<String> = (0..700).map(|i| format!("Pasted topic {i}")).collect();
    app.handle(&Event::Paste(many.join("\n")));
    assert_eq!(topics(&app), before + 500);
    assert!(
        toast_text(&app).contains("200 more lines were not added"),
        "{}",
        toast_text(&app)
    );
}

#[test]
fn an_outside_change_is_taken_in_and_merged_with_the_boards_own() {
    use openspace::app::stack::Overlay;
    let mut app = app();
    // the file as the board read it, changed by another program: a new topic, a retitle
    let mut theirs = board(&app).edition.clone();
    let tourism = titled(&app, "Team tourism").id;
    theirs
        .add_topic(openspace::model::TopicDraft {
            title: "Typed in an editor".into(),
            ..Default::default()
        })
        .unwrap();
    theirs
        .edit_topic(
            tourism,
            openspace::model::TopicDraft {
                title: "Team tourism (file)".into(),
                conveners: vec!["Ola".into()],
                ..Default::default()
            },
        )
        .unwrap();
    // meanwhile on the board: a vote, and the same topic retitled otherwise
    press(&mut app, "+");
    press(&mut app, "l");
    press(&mut app, "e<C-u>");
    type_text(&mut app, "Team tourism (board)");
    press(&mut app, "<Enter>");
    let mesh = titled(&app, "Service mesh in our cloud").votes;
    app.board_mut().unwrap().file_changed(theirs.clone());
    // the different things are all kept
    assert!(
        board(&app)
            .edition
            .topics
            .iter()
            .any(|t| t.title == "Typed in an editor")
    );
    assert_eq!(titled(&app, "Service mesh in our cloud").votes, mesh);
    // the same thing: the board's stands, and both are shown
    assert_eq!(
        board(&app).edition.topic(tourism).unwrap().title,
        "Team tourism (board)"
    );
    assert_eq!(app.mode(), Mode::Conflicts);
    let Some(Overlay::Conflicts(c)) = board(&app).stack.top() else {
        panic!("the conflicts are shown");
    };
    assert!(
        c.list
            .iter()
            .any(|x| x.ours.contains("(board)") && x.theirs.contains("(file)"))
    );
    // f takes the file's version; u undoes it
    press(&mut app, "f");
    assert_eq!(
        board(&app).edition.topic(tourism).unwrap().title,
        "Team tourism (file)"
    );
    assert_ne!(app.mode(), Mode::Conflicts);
    press(&mut app, "u");
    assert_eq!(
        board(&app).edition.topic(tourism).unwrap().title,
        "Team tourism (board)"
    );
}

#[test]
fn an_outside_change_with_nothing_unsaved_is_taken_as_it_is() {
    let mut app = app();
    let mut theirs = board(&app).edition.clone();
    theirs.name = "Renamed by hand".into();
    app.board_mut().unwrap().file_changed(theirs);
    assert_eq!(board(&app).edition.name, "Renamed by hand");
    assert!(
        !board(&app).save.dirty(),
        "the board shows the file: nothing to save"
    );
    assert!(toast_text(&app).contains("changed outside"));
}

#[test]
fn a_full_slot_hands_the_prefill_on_to_the_next_slots_first_free_cell() {
    let mut app = app();
    press(&mut app, "a");
    // 09:30 has Atrium and Library taken: Garden, then the next session slot (10:30)
    type_text(&mut app, "Fills the slot");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Fills the slot"), "Garden 09:30");
    assert_eq!(
        board(&app).stack.capture().unwrap().input.value(),
        " #Atrium 10:30",
        "the coffee break is skipped, the next slot starts at its first space"
    );
    type_text(&mut app, "Next slot");
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Next slot"), "Atrium 10:30");
}

#[test]
fn typing_a_number_of_votes_replaces_the_count() {
    let mut app = app();
    assert_eq!(board(&app).selected().unwrap().votes, 7);
    press(&mut app, "=");
    assert_eq!(
        board(&app).stack.prompt().unwrap().input.value(),
        "",
        "not prefilled"
    );
    type_text(&mut app, "12");
    press(&mut app, "<Enter>");
    assert_eq!(
        titled(&app, "Service mesh in our cloud").votes,
        12,
        "not 712"
    );
    // and in dot voting
    press(&mut app, "V=");
    type_text(&mut app, "5");
    press(&mut app, "<Enter>");
    assert_eq!(titled(&app, "Service mesh in our cloud").votes, 5);
}

#[test]
fn a_card_being_edited_that_the_file_changes_says_so_in_its_form() {
    let mut app = app();
    let id = board(&app).selected().unwrap().id;
    press(&mut app, "e");
    type_text(&mut app, " BOARD");
    let mut theirs = board(&app).edition.clone();
    theirs
        .edit_topic(
            id,
            openspace::model::TopicDraft {
                title: "Retitled OUTSIDE".into(),
                ..Default::default()
            },
        )
        .unwrap();
    app.board_mut().unwrap().file_changed(theirs);
    let error = board(&app)
        .stack
        .form()
        .unwrap()
        .error
        .clone()
        .unwrap_or_default();
    assert!(
        error.contains("changed outside") && error.contains("Retitled OUTSIDE"),
        "{error}"
    );
    // Esc keeps the file's version
    press(&mut app, "<Esc>");
    assert_eq!(
        board(&app).edition.topic(id).unwrap().title,
        "Retitled OUTSIDE"
    );
}

#[test]
fn a_convener_booked_twice_is_warned_on_the_card_in_the_list_and_before_enter() {
    let mut app = app();
    // Marta convenes "Service mesh" at Atrium 09:30; a second session of hers at 09:30
    press(&mut app, "a<C-u>");
    type_text(&mut app, "Mesh, part two @Marta #Garden 09:30");
    let preview = screen_text(&app, (200, 40));
    assert!(
        preview.contains("Marta also convenes “Service mesh in our cloud” at 09:30 in Atrium"),
        "{preview}"
    );
    press(&mut app, "<Enter>");
    // a warning never blocks: the topic is placed
    assert_eq!(where_is(&app, "Mesh, part two"), "Garden 09:30");
    press(&mut app, "<Esc>");
    let b = board(&app);
    let clash = b
        .warnings
        .iter()
        .find(|w| w.rule == openspace::model::warnings::Rule::ConvenerClash)
        .cloned()
        .expect("a clash");
    assert!(
        clash
            .message(&board(&app).edition)
            .contains("Marta convenes"),
        "{}",
        clash.message(&board(&app).edition)
    );
    let screen = screen_text(&app, (120, 40));
    assert!(
        screen.contains("⚠clash"),
        "a glyph and a word on the card:\n{screen}"
    );
    assert!(
        screen.contains("⚠ 1 (!)"),
        "the count in the top line:\n{screen}"
    );
    // ! lists them; Enter goes to the card
    press(&mut app, "g!");
    assert_eq!(app.mode(), Mode::Warnings);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(board(&app).selected().unwrap().id, clash.topics[0]);
}

fn screen_text(app: &openspace::app::App, (w, h): (u16, u16)) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("a terminal");
    terminal
        .draw(|f| openspace::ui::render(app, &openspace::ui::theme::Theme::mono(), f))
        .expect("drawn");
    terminal.backend().to_string()
}

#[test]
fn f_shows_the_plan_first_and_applies_it_as_one_undoable_step() {
    let mut app = app();
    assert_eq!(where_is(&app, "Staying technical"), "parked");
    press(&mut app, "F");
    assert_eq!(app.mode(), Mode::Fill);
    assert_eq!(
        where_is(&app, "Staying technical"),
        "parked",
        "shown first, not done"
    );
    let screen = screen_text(&app, (120, 40));
    assert!(screen.contains("places 1, moves 0"), "{screen}");
    press(&mut app, "y");
    assert_ne!(where_is(&app, "Staying technical"), "parked");
    assert!(toast_text(&app).contains("Filled the grid"));
    press(&mut app, "u");
    assert_eq!(
        where_is(&app, "Staying technical"),
        "parked",
        "one step undoes it"
    );
    // n leaves the grid as it is
    press(&mut app, "Fn");
    assert_eq!(where_is(&app, "Staying technical"), "parked");
}

/// The sessions of the small edition's first day, over the coffee break.
fn spans_of(app: &openspace::app::App, title: &str) -> Vec<String> {
    let e = &board(app).edition;
    e.slots_taken(titled(app, title))
        .iter()
        .map(|s| openspace::model::hhmm::format_hhmm(s.start))
        .collect()
}

#[test]
fn a_session_over_two_slots_is_set_in_the_form_moved_whole_and_undone() {
    let mut app = app();
    // the form's Slots field: → makes it two slots (over the coffee break)
    press(&mut app, "e");
    for _ in 0..4 {
        press(&mut app, "<Tab>");
    }
    press(&mut app, "<Right><Enter>");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
    // the card shows in both rows; the cursor on its second row selects it
    press(&mut app, "jj");
    assert_eq!(
        board(&app).selected().map(|t| t.title.clone()).as_deref(),
        Some("Service mesh in our cloud")
    );
    // moved to the Garden: both slots go
    press(&mut app, "kk");
    press(&mut app, "mll<Enter>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Garden 09:30");
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
    // onto Team tourism's room: one session in the way swaps
    press(&mut app, "mh<Enter>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 09:30");
    assert_eq!(where_is(&app, "Team tourism"), "Garden 09:30");
    // parked, it keeps its length; undo puts it back in its room
    press(&mut app, "p");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "parked");
    assert_eq!(titled(&app, "Service mesh in our cloud").slots(), 2);
    press(&mut app, "u");
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 09:30");
    // undo all the way: one slot again, where it began
    press(&mut app, "uuu");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Atrium 09:30");
    assert_eq!(titled(&app, "Service mesh in our cloud").slots(), 1);
}

#[test]
fn a_span_that_does_not_fit_is_refused_in_the_form_with_the_reason() {
    let mut app = app();
    // the second day has one session slot: three from the first day's
    // 09:30 run past the day's end
    press(&mut app, "e");
    for _ in 0..4 {
        press(&mut app, "<Tab>");
    }
    press(&mut app, "3<Enter>");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let error = board(&app).stack.form().unwrap().error.clone().unwrap();
    assert!(error.contains("needs 3 slots from 09:30"), "{error}");
    press(&mut app, "<Esc>");
    assert_eq!(titled(&app, "Service mesh in our cloud").slots(), 1);
}

#[test]
fn a_slot_removed_under_a_span_leaves_the_session_its_other_slot() {
    let mut e = small_edition();
    let id = e.topics[0].id;
    e.set_span(id, 2).unwrap();
    let mut app = board_app(e, (120, 40));
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
    // on the spaces-and-slots screen, the 10:30 slot (below the coffee) goes
    press(&mut app, "Sjj");
    press(&mut app, "D");
    let toast = toast_text(&app);
    assert!(toast.contains("1 session one slot shorter"), "{toast}");
    assert_eq!(spans_of(&app, "Service mesh in our cloud"), ["09:30"]);
    assert_eq!(titled(&app, "Service mesh in our cloud").slots(), 1);
    press(&mut app, "u");
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
}

#[test]
fn shift_moves_a_card_over_two_slots_from_its_first_row_and_says_so() {
    let mut e = small_edition();
    let id = e.topics[0].id;
    e.set_span(id, 2).unwrap();
    let mut app = board_app(e, (120, 40));
    // on its second row (below the coffee), Shift+Right moves the whole card
    press(&mut app, "jj");
    press(&mut app, "<S-Right>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Library 09:30");
    assert_eq!(
        spans_of(&app, "Service mesh in our cloud"),
        ["09:30", "10:30"]
    );
    let toast = toast_text(&app);
    assert!(toast.contains("09:30–11:15 (2 slots)"), "{toast}");
    assert!(toast.contains("swapped with “Team tourism”"), "{toast}");
    // the one in the way kept its time, in the card's old room
    assert_eq!(where_is(&app, "Team tourism"), "Atrium 09:30");
    // Shift+Up from its second row: no slot above its first on this day
    press(&mut app, "j");
    let before = board(&app).edition.clone();
    press(&mut app, "<S-Up>");
    assert_eq!(
        board(&app).edition,
        before,
        "nothing moves, nothing claims to"
    );
}

#[test]
fn a_space_past_nine_is_reached_by_its_number_or_name() {
    let mut e = small_edition();
    for n in 4..=11 {
        e.add_space(&format!("Room {n}"), None).unwrap();
    }
    e.rename_space(&e.spaces[10].id.clone(), "Navis-A").unwrap();
    let mut app = board_app(e, (120, 40));
    press(&mut app, "0");
    type_text(&mut app, "11");
    press(&mut app, "<Enter>");
    assert_eq!(board(&app).stack.grid.cursor.col, 10);
    assert!(
        toast_text(&app).contains("Space 11: Navis-A"),
        "{}",
        toast_text(&app)
    );
    // the start of a name works too, and while carrying a card
    press(&mut app, "1m0");
    type_text(&mut app, "nav");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Grab, "still carrying");
    assert_eq!(board(&app).stack.grid.cursor.col, 10);
    press(&mut app, "<Enter>");
    assert_eq!(where_is(&app, "Service mesh in our cloud"), "Navis-A 09:30");
    // a space that is not there is said
    press(&mut app, "0");
    type_text(&mut app, "42");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Prompt, "the prompt stays, saying why");
}

#[test]
fn the_parking_lot_folds_when_empty_or_when_the_spaces_need_its_width() {
    // the 2019 board: six spaces, four parked topics
    let mut app = board_app(shipped(), (120, 40));
    assert!(
        board(&app).regions().parking.is_none(),
        "six spaces need the width at 120"
    );
    assert_eq!(board(&app).current_grid().cols, 6);
    // Tab brings it back while it has the focus
    press(&mut app, "<Tab>");
    assert!(board(&app).regions().parking.is_some());
    press(&mut app, "<Tab>");
    assert!(board(&app).regions().parking.is_none());
    // on a projector-sized screen everything fits beside it
    let app = board_app(shipped(), (160, 45));
    assert!(board(&app).regions().parking.is_some());
    // empty, it folds at any size
    let mut e = shipped();
    let parked: Vec<_> = e.parked().iter().map(|t| t.id).collect();
    for id in parked {
        e.remove_topic(id).unwrap();
    }
    let app = board_app(e, (240, 67));
    assert!(board(&app).regions().parking.is_none());
}

#[test]
fn rows_left_out_below_are_said() {
    let app = board_app(shipped(), (80, 24));
    let g = board(&app).current_grid();
    assert!(g.more_below > 0, "{g:?}");
    let app = board_app(shipped(), (240, 67));
    assert_eq!(board(&app).current_grid().more_below, 0);
}

#[test]
fn the_rows_that_z_hides_go_to_the_cards_shown() {
    let mut app = board_app(shipped(), (120, 40));
    let before = board(&app).current_grid().session_h;
    // hide everything after the first session slot
    press(&mut app, "z");
    let after = board(&app).current_grid().session_h;
    assert!(board(&app).index.hidden > 0);
    assert!(after > before, "cards grow from {before} to {after} lines");
}
