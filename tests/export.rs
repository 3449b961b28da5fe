//! The record of the day in every format: golden files of the shipped
//! edition and of one full of hostile text, and each format read back by
//! a parser of its own.

mod common;

use common::*;
use jiff::civil::date;
use openspace::export::{Format, Record, files};
use openspace::model::{ActionDraft, Edition, TopicDraft};

fn stamp() -> jiff::Timestamp {
    "2019-05-15T16:00:00Z".parse().unwrap()
}

fn export(e: &Edition, format: Format) -> Vec<(String, String)> {
    let r = Record::new(e, "tlm-2019", date(2019, 9, 1));
    files(&r, format, stamp()).expect("every format writes")
}

fn one(e: &Edition, format: Format) -> String {
    export(e, format)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Titles, names and notes a hurried room or a hostile file might hold.
fn hostile() -> Edition {
    let mut e = small_edition();
    e.name = "Spring <Unconference> & \"friends\"".into();
    e.venue = "Café, Room 1\nFloor 2".into();
    let titles = [
        "<script>alert('x')</script> & more",
        "Commas, \"quotes\", and\nnew lines",
        "🎉 Emoji | pipes * stars _under_",
        "עברית: שלום עולם",
        "Control \u{1b}[2J characters\u{7}",
        "# Not a heading",
        "1. not a list",
    ];
    let cells: Vec<_> = e
        .slots
        .iter()
        .filter(|s| s.kind.is_session())
        .flat_map(|s| e.spaces.iter().map(move |p| (s.id.clone(), p.id.clone())))
        .filter(|(s, p)| e.topic_at(s, p).is_none())
        .collect();
    for (i, title) in titles.iter().enumerate() {
        let id = e
            .add_topic(TopicDraft {
                title: (*title).into(),
                conveners: vec!["Zoë <z@x>".into(), "O'Brien, Ann".into()],
                description: "line one\nline <two> & three".into(),
                ..TopicDraft::default()
            })
            .unwrap();
        e.set_notes(id, "Notes with \"quotes\", commas, <b>tags</b>")
            .unwrap();
        e.add_action(
            id,
            ActionDraft {
                text: "Fix the <thing>, \"now\"".into(),
                owner: Some("Ada & Bo".into()),
                due: Some(date(2019, 6, 1)),
            },
        )
        .unwrap();
        if let Some((s, p)) = cells.get(i) {
            e.place(id, s, p).unwrap();
        }
    }
    e
}

#[test]
fn every_format_of_the_shipped_edition() {
    let e = shipped();
    for (name, text) in export(&e, Format::All) {
        insta::assert_snapshot!(format!("export_shipped_{name}"), text);
    }
}

#[test]
fn every_format_of_an_edition_full_of_hostile_text() {
    let e = hostile();
    for (name, text) in export(&e, Format::All) {
        // (the file names follow the stem given, not the edition's name)
        insta::assert_snapshot!(format!("export_hostile_{name}"), text);
    }
}

#[test]
fn the_calendar_reads_back_with_one_event_per_session_and_plenary_and_stable_ids() {
    let e = shipped();
    let text = one(&e, Format::Ics);
    let cal: icalendar::Calendar = text.parse().expect("the calendar parses");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(ev) => Some(ev),
            _ => None,
        })
        .collect();
    use icalendar::Component;
    let placed = e.topics.iter().filter(|t| !t.placement.is_parked()).count();
    let plenaries = e
        .slots
        .iter()
        .filter(|s| matches!(s.kind, openspace::model::SlotKind::Plenary(_)))
        .count();
    assert_eq!(events.len(), placed + plenaries);
    let uids: Vec<String> = events
        .iter()
        .map(|ev| ev.get_uid().expect("a UID").to_string())
        .collect();
    let unique: std::collections::BTreeSet<&String> = uids.iter().collect();
    assert_eq!(unique.len(), uids.len(), "every UID unique");
    assert!(
        events
            .iter()
            .all(|ev| ev.property_value("DTSTAMP").is_some())
    );
    // an unrelated edit, another export: the same ids
    let mut later = e.clone();
    later.name = "Tech Leaders’ Meeting 2019 (final)".into();
    later
        .add_topic(TopicDraft {
            title: "A late idea".into(),
            ..TopicDraft::default()
        })
        .unwrap();
    let again: icalendar::Calendar = one(&later, Format::Ics).parse().unwrap();
    let again: Vec<String> = again
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(ev) => ev.get_uid().map(str::to_string),
            _ => None,
        })
        .collect();
    assert_eq!(again, uids);
}

#[test]
fn a_session_over_two_slots_is_one_event_and_one_row() {
    let mut e = small_edition();
    let id = e.topics[1].id;
    e.set_span(id, 2).unwrap();
    let cal: icalendar::Calendar = one(&e, Format::Ics).parse().unwrap();
    let text = cal.to_string();
    assert_eq!(text.matches("SUMMARY:Team tourism").count(), 1, "{text}");
    assert!(text.contains("DTSTART:20260514T093000") && text.contains("DTEND:20260514T111500"));
    let csv = export(&e, Format::Csv).remove(0).1;
    assert_eq!(csv.matches("Team tourism").count(), 1, "{csv}");
    assert!(csv.contains("09:30,11:15,Library,Team tourism"), "{csv}");
}

#[test]
fn the_csv_reads_back_whole_titles_with_commas_quotes_and_new_lines() {
    let e = hostile();
    let files = export(&e, Format::Csv);
    let (_, sessions) = &files[0];
    let mut reader = csv::Reader::from_reader(sessions.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.expect("a row")[4].to_string())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t == "Commas, \"quotes\", and\nnew lines"),
        "{titles:?}"
    );
    let (_, actions) = &files[1];
    let mut reader = csv::Reader::from_reader(actions.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(
        rows.iter()
            .any(|r| &r[1] == "Fix the <thing>, \"now\"" && &r[2] == "Ada & Bo")
    );
}

#[test]
fn the_html_holds_every_title_escaped_and_no_script() {
    for e in [shipped(), hostile()] {
        let html = one(&e, Format::Html);
        let doc = scraper::Html::parse_document(&html);
        let text: String = doc.root_element().text().collect();
        for t in &e.topics {
            // whitespace as HTML shows it: new lines are spaces, and so
            // are control characters, which no file holds
            let shown: String = t
                .title
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let title = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&title), "“{title}” in the proceedings");
        }
        let scripts = scraper::Selector::parse("script").unwrap();
        assert_eq!(doc.select(&scripts).count(), 0, "no script in the page");
        assert!(
            !html.contains("<script>alert"),
            "the hostile title is escaped"
        );
        // the door signs too
        let signs = scraper::Html::parse_document(&one(&e, Format::Signs));
        assert_eq!(signs.select(&scripts).count(), 0);
    }
}

#[test]
fn the_markdown_keeps_every_title_whole_and_escapes_its_marks() {
    let e = hostile();
    let md = one(&e, Format::Md);
    assert!(
        md.contains("\\<script\\>alert('x')\\</script\\> \\& more"),
        "{md}"
    );
    assert!(md.contains("\\# Not a heading"));
    assert!(md.contains("1\\. not a list"));
    assert!(
        !md.contains('\u{1b}'),
        "no control character reaches the file"
    );
    for t in &shipped().topics {
        assert!(one(&shipped(), Format::Md).contains(&openspace::export::markdown::esc(&t.title)));
    }
}

#[test]
fn no_control_character_reaches_any_file() {
    for (name, text) in export(&hostile(), Format::All) {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "{name}"
        );
    }
}
