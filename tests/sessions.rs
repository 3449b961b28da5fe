//! Update tests for what sessions produce: action points, notes, votes,
//! merging, the action plan, dot voting and the reports owed.

mod common;

use common::*;
use jiff::civil::{date, time};
use openspace::app::App;
use openspace::app::keymap::Mode;
use openspace::app::layers::plan::{Grouping, PlanView, StatusFilter};
use openspace::app::stack::View;
use openspace::model::Status;

/// The small edition, on its first day at 11:30 (both morning slots have ended).
fn app() -> App {
    let mut app = board_app(small_edition(), (120, 40));
    app.set_now(date(2026, 5, 14).to_datetime(time(11, 30, 0, 0)));
    app
}

fn actions(
    app: &App,
    title: &str,
) -> Vec<(String, Option<String>, Option<jiff::civil::Date>, Status)> {
    titled(app, title)
        .actions
        .iter()
        .map(|a| (a.text.clone(), a.owner.clone(), a.due, a.status))
        .collect()
}

fn toast(app: &App) -> String {
    board(app)
        .stack
        .toast
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

#[test]
fn o_captures_action_points_one_after_another() {
    let mut app = app();
    press(&mut app, "o");
    assert_eq!(app.mode(), Mode::ActionLine);
    type_text(&mut app, "Draft the mesh guidelines @Ola due:2026-06-30");
    press(&mut app, "<Enter>");
    type_text(&mut app, "Pilot in one team @Anna Maria due:fri");
    press(&mut app, "<Enter>");
    assert_eq!(
        app.mode(),
        Mode::ActionLine,
        "the line stays open for the next one"
    );
    press(&mut app, "<Esc>");
    assert_eq!(
        app.mode(),
        Mode::Session,
        "the session stays open to read them"
    );
    assert_eq!(
        actions(&app, "Service mesh in our cloud"),
        vec![
            (
                "Draft the mesh guidelines".into(),
                Some("Ola".into()),
                Some(date(2026, 6, 30)),
                Status::Open
            ),
            // 2026-05-14 is a Thursday: fri is the next day
            (
                "Pilot in one team".into(),
                Some("Anna Maria".into()),
                Some(date(2026, 5, 15)),
                Status::Open
            ),
        ]
    );
}

#[test]
fn odd_action_lines() {
    let mut app = app();
    press(&mut app, "o");
    // no text: nothing added, a hint, the line stays open
    type_text(&mut app, "@Ola due:fri");
    press(&mut app, "<Enter>");
    assert!(actions(&app, "Service mesh in our cloud").is_empty());
    assert!(toast(&app).contains("Type what is to be done"));
    assert_eq!(app.mode(), Mode::ActionLine);
    if let Some(b) = app.board_mut()
        && let Some(c) = b.stack.capture_mut()
    {
        c.input = tui_input::Input::default();
    }
    // an unknown date word stays in the text
    type_text(&mut app, "Ask legal due:whenever");
    press(&mut app, "<Enter>");
    // a due date in the past is kept, and said
    type_text(&mut app, "Look back due:2020-01-01");
    press(&mut app, "<Enter>");
    assert!(toast(&app).contains("in the past"), "{}", toast(&app));
    // 500 characters
    let long = "z".repeat(500);
    type_text(&mut app, &long);
    press(&mut app, "<Enter>");
    let got = actions(&app, "Service mesh in our cloud");
    assert_eq!(got[0].0, "Ask legal due:whenever");
    assert_eq!(got[0].2, None);
    assert_eq!(got[1].2, Some(date(2020, 1, 1)));
    assert_eq!(got[2].0, long);
    assert_eq!(got.len(), 3);
}

#[test]
fn action_points_are_marked_edited_reordered_and_deleted_with_undo() {
    let mut app = app();
    press(&mut app, "o");
    for line in ["First @Ola", "Second", "Third due:+2w"] {
        type_text(&mut app, line);
        press(&mut app, "<Enter>");
    }
    press(&mut app, "<Esc>");
    // the last added is selected; go to the first
    press(&mut app, "kk");
    press(&mut app, "x");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[0].3,
        Status::Done
    );
    press(&mut app, "x");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[0].3,
        Status::Open,
        "x again reopens"
    );
    press(&mut app, "jX");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[1].3,
        Status::Dropped
    );
    // edit: the prompt holds the point as a line
    press(&mut app, "r");
    assert_eq!(board(&app).stack.prompt().unwrap().input.value(), "Second");
    type_text(&mut app, " half @Piotr");
    press(&mut app, "<Enter>");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[1].1.as_deref(),
        Some("Piotr")
    );
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[1].0,
        "Second half"
    );
    // move it up
    press(&mut app, "K");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[0].0,
        "Second half"
    );
    // delete, undo
    let before = board(&app).edition.clone();
    press(&mut app, "d");
    assert_eq!(actions(&app, "Service mesh in our cloud").len(), 2);
    press(&mut app, "u");
    assert_eq!(board(&app).edition, before);
}

#[test]
fn notes_are_written_in_place_and_kept_on_esc() {
    let mut app = app();
    press(&mut app, "<Enter>n");
    assert_eq!(app.mode(), Mode::Notes);
    type_text(&mut app, "Timeouts first.");
    press(&mut app, "<Enter>");
    type_text(&mut app, "Then retries; q and u are just letters here.");
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Session);
    assert_eq!(
        titled(&app, "Service mesh in our cloud").notes,
        "Timeouts first.\nThen retries; q and u are just letters here."
    );
    press(&mut app, "u");
    assert_eq!(titled(&app, "Service mesh in our cloud").notes, "");
    // the $EDITOR key asks the loop to suspend the board
    let effects = press(&mut app, "N");
    assert!(matches!(
        effects.as_slice(),
        [openspace::app::Effect::EditNotes { .. }]
    ));
    if let Some(b) = app.board_mut() {
        let id = b.stack.session().unwrap().topic;
        b.notes_from_editor(id, "From the editor\n");
    }
    assert_eq!(
        titled(&app, "Service mesh in our cloud").notes,
        "From the editor"
    );
}

#[test]
fn participants_and_votes_from_the_session() {
    let mut app = app();
    press(&mut app, "<Enter>c");
    type_text(&mut app, "23");
    press(&mut app, "<Enter>");
    assert_eq!(
        titled(&app, "Service mesh in our cloud").participants,
        Some(23)
    );
    press(&mut app, "c");
    type_text(&mut app, "x");
    press(&mut app, "<Enter>");
    assert!(
        board(&app)
            .stack
            .prompt()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("not a number")
    );
    press(&mut app, "<Esc>++-");
    assert_eq!(titled(&app, "Service mesh in our cloud").votes, 8);
}

#[test]
fn merging_asks_once_and_can_be_undone() {
    let mut app = app();
    let before = board(&app).edition.clone();
    press(&mut app, "M");
    assert_eq!(app.mode(), Mode::Merge);
    press(&mut app, "l<Enter>");
    assert_eq!(app.mode(), Mode::ConfirmMerge);
    press(&mut app, "n");
    assert_eq!(board(&app).edition, before, "n merges nothing");
    press(&mut app, "M");
    press(&mut app, "l<Enter>y");
    let merged = titled(&app, "Service mesh in our cloud");
    assert_eq!(merged.conveners, vec!["Marta", "Ola"]);
    assert_eq!(merged.votes, 11);
    assert_eq!(merged.merged_from[0].title, "Team tourism");
    assert!(
        board(&app)
            .edition
            .topics
            .iter()
            .all(|t| t.title != "Team tourism")
    );
    press(&mut app, "u");
    assert_eq!(board(&app).edition, before);
    // from the parking lot: the parked topic merges into a placed one
    press(&mut app, "M<Tab><Enter>y");
    assert_eq!(
        titled(&app, "Service mesh in our cloud").merged_from[0].title,
        "Staying technical"
    );
}

#[test]
fn the_action_plan_groups_filters_and_marks_done() {
    let mut app = app();
    press(&mut app, "o");
    type_text(&mut app, "Late thing @Ola due:2026-05-01");
    press(&mut app, "<Enter>");
    type_text(&mut app, "Later thing @Marta due:2026-09-01");
    press(&mut app, "<Enter><Esc><Esc>l");
    press(&mut app, "o");
    type_text(&mut app, "Tour guide @Ola");
    press(&mut app, "<Enter><Esc><Esc>A");
    assert_eq!(app.mode(), Mode::Plan);
    let items = |app: &App| -> Vec<String> {
        board(app)
            .plan_items()
            .iter()
            .map(|id| board(app).edition.action(*id).unwrap().1.text.clone())
            .collect()
    };
    assert_eq!(items(&app), vec!["Late thing", "Later thing", "Tour guide"]);
    press(&mut app, "g");
    assert!(matches!(
        board(&app).stack.view,
        View::Plan(PlanView {
            grouping: Grouping::Owner,
            ..
        })
    ));
    // Marta first, then Ola's (by due date, undated last)
    assert_eq!(items(&app), vec!["Later thing", "Late thing", "Tour guide"]);
    press(&mut app, "w");
    assert_eq!(items(&app), vec!["Later thing"], "Marta only");
    press(&mut app, "ww");
    assert_eq!(items(&app).len(), 3, "then everyone again");
    press(&mut app, "x");
    assert_eq!(
        actions(&app, "Service mesh in our cloud")[1].3,
        Status::Done
    );
    assert_eq!(items(&app).len(), 2, "the open filter hides it now");
    press(&mut app, "f");
    assert!(matches!(
        board(&app).stack.view,
        View::Plan(PlanView {
            status: StatusFilter::All,
            ..
        })
    ));
    assert_eq!(items(&app).len(), 3);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Session);
    press(&mut app, "<Esc><Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn dot_voting_counts_dots_and_ranks_live() {
    let mut app = app();
    press(&mut app, "V");
    assert_eq!(app.mode(), Mode::Tally);
    // topics in their own order; the third is Staying technical (2 votes)
    press(&mut app, "jj+++ ");
    assert_eq!(titled(&app, "Staying technical").votes, 6);
    press(&mut app, "-");
    assert_eq!(titled(&app, "Staying technical").votes, 5);
    press(&mut app, "]]");
    assert_eq!(board(&app).edition.dots, Some(5));
    press(&mut app, "[[[[[[[[");
    assert_eq!(
        board(&app).edition.dots,
        Some(1),
        "never fewer than one dot"
    );
    press(&mut app, "u");
    assert_eq!(board(&app).edition.dots, Some(2));
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn sessions_that_ended_without_notes_owe_a_report() {
    let mut app = app();
    press(&mut app, "R");
    assert_eq!(app.mode(), Mode::Reports);
    // at 11:30 both placed sessions (09:30–10:15) have ended without notes
    let owed = |app: &App| {
        openspace::app::layers::reports::reports_owed(&board(app).edition, board(app).now).len()
    };
    assert_eq!(owed(&app), 2);
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Notes);
    type_text(&mut app, "Reported.");
    press(&mut app, "<Esc>");
    assert_eq!(owed(&app), 1);
    // earlier in the morning nothing is owed yet
    app.set_now(date(2026, 5, 14).to_datetime(time(9, 45, 0, 0)));
    assert_eq!(owed(&app), 0);
}
