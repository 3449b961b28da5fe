//! The proceedings and the door signs as HTML: one self-contained file
//! each, no external resource and no script, readable on a phone and
//! printable. Askama escapes every text that goes in.

use askama::Template;

use super::record::{Record, status, times};
use crate::model::{SlotKind, Status};

/// One action point as shown.
pub struct Point {
    pub done: bool,
    pub text: String,
    pub facts: String,
}

pub struct SessionView {
    pub when: String,
    pub space: String,
    pub title: String,
    pub facts: Vec<String>,
    pub description: Vec<String>,
    pub notes: Vec<String>,
    pub actions: Vec<Point>,
}

pub struct Row {
    pub time: String,
    /// A plenary's or break's label across the row, or one cell per space.
    pub across: Option<String>,
    pub cells: Vec<String>,
}

pub struct Day {
    pub name: String,
    pub rows: Vec<Row>,
    pub sessions: Vec<SessionView>,
}

pub struct Owner {
    pub name: String,
    pub points: Vec<Point>,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ name }}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #141414; background: #fafaf7; }
h1 { font-size: 2rem; margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #141414; margin-top: 2.5rem; }
h3 { margin-top: 1.8rem; }
.facts { color: #444; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #777; padding: .3rem .4rem; vertical-align: top; text-align: left; }
td.across { background: #e8e8e4; font-style: italic; }
.grid { overflow-x: auto; }
.session { border-left: 4px solid #141414; padding-left: .8rem; margin: 1.2rem 0; break-inside: avoid; }
.session h4 { margin: 0 0 .2rem; font-size: 1.1rem; }
.when { color: #444; font-weight: normal; }
.done { color: #0a5a1e; }
.overdue { color: #a00000; font-weight: bold; }
ul.points { padding-left: 1.2rem; }
@media print {
  body { background: white; max-width: none; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: auto; }
  .grid { overflow: visible; }
}
</style>
</head>
<body>
<h1>{{ name }}</h1>
<p class="facts">{{ facts }}</p>
{% if !theme.is_empty() %}<p><strong>Theme:</strong> {{ theme }}</p>{% endif %}
{% if !facilitators.is_empty() %}<p><strong>Facilitators:</strong> {{ facilitators }}</p>{% endif %}

<h2>The grid</h2>
{% for day in days %}
<h3>{{ day.name }}</h3>
<div class="grid"><table>
<tr><th>Time</th>{% for s in spaces %}<th>{{ s }}</th>{% endfor %}</tr>
{% for row in day.rows %}<tr><td>{{ row.time }}</td>{% match row.across %}{% when Some with (label) %}<td class="across" colspan="{{ spaces.len() }}">{{ label }}</td>{% when None %}{% for c in row.cells %}<td dir="auto">{{ c }}</td>{% endfor %}{% endmatch %}</tr>
{% endfor %}</table></div>
{% endfor %}

<h2>The sessions</h2>
{% for day in days %}{% if !day.sessions.is_empty() %}
<h3>{{ day.name }}</h3>
{% for s in day.sessions %}<section class="session">
<h4 dir="auto">{{ s.title }} <span class="when">· {{ s.when }} · {{ s.space }}</span></h4>
{% if !s.facts.is_empty() %}<p class="facts">{{ s.facts|join(" · ") }}</p>{% endif %}
{% for l in s.description %}<p dir="auto">{{ l }}</p>{% endfor %}
{% if !s.notes.is_empty() %}<p><strong>Notes</strong></p>{% for l in s.notes %}<p dir="auto">{{ l }}</p>{% endfor %}{% endif %}
{% if !s.actions.is_empty() %}<p><strong>Action points</strong></p><ul class="points">{% for a in s.actions %}<li dir="auto"{% if a.done %} class="done"{% endif %}>{% if a.done %}✓{% else %}○{% endif %} {{ a.text }} — {{ a.facts }}</li>{% endfor %}</ul>{% endif %}
</section>
{% endfor %}{% endif %}{% endfor %}

{% if !parked.is_empty() %}<h2>The parking lot</h2>
<ul>{% for p in parked %}<li>{{ p }}</li>{% endfor %}</ul>{% endif %}

{% if !ranking.is_empty() %}<h2>The ranking</h2>
<ol>{% for r in ranking %}<li>{{ r }}</li>{% endfor %}</ol>{% endif %}

{% if !plan.is_empty() %}<h2>The action plan</h2>
{% for o in plan %}<h3>{{ o.name }}</h3>
<ul class="points">{% for a in o.points %}<li dir="auto"{% if a.done %} class="done"{% endif %}>{% if a.done %}✓{% else %}○{% endif %} {{ a.text }} — {{ a.facts }}</li>{% endfor %}</ul>
{% endfor %}{% endif %}

{% if !worked.is_empty() || !better.is_empty() %}<h2>The retrospective</h2>
{% if !worked.is_empty() %}<h3>What worked</h3><ul>{% for l in worked %}<li>{{ l }}</li>{% endfor %}</ul>{% endif %}
{% if !better.is_empty() %}<h3>What to do better</h3><ul>{% for l in better %}<li>{{ l }}</li>{% endfor %}</ul>{% endif %}
{% endif %}

{% if !carried.is_empty() %}<h2>Carried over from {{ carried_from }}</h2>
<ul class="points">{% for a in carried %}<li dir="auto"{% if a.done %} class="done"{% endif %}>{% if a.done %}✓{% else %}○{% endif %} {{ a.text }} — {{ a.facts }}</li>{% endfor %}</ul>{% endif %}
</body>
</html>
"#
)]
struct Proceedings {
    name: String,
    facts: String,
    theme: String,
    facilitators: String,
    spaces: Vec<String>,
    days: Vec<Day>,
    parked: Vec<String>,
    ranking: Vec<String>,
    plan: Vec<Owner>,
    worked: Vec<String>,
    better: Vec<String>,
    carried_from: String,
    carried: Vec<Point>,
}

fn point(a: &crate::model::ActionPoint, r: &Record, session: Option<&str>) -> Point {
    let mut facts = Vec::new();
    if let Some(o) = &a.owner {
        facts.push(o.clone());
    }
    if let Some(d) = a.due {
        facts.push(format!("due {d}"));
    }
    facts.push(status(a, r.today));
    if let Some(s) = session.filter(|s| !s.is_empty()) {
        facts.push(format!("from “{s}”"));
    }
    Point {
        done: a.status == Status::Done,
        text: a.text.clone(),
        facts: facts.join(", "),
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn days(r: &Record) -> Vec<Day> {
    let e = r.edition;
    r.days()
        .into_iter()
        .map(|(day, sessions)| {
            let rows = e
                .slots_of_day(day)
                .into_iter()
                .map(|slot| match &slot.kind {
                    SlotKind::Session => Row {
                        time: slot.times(),
                        across: None,
                        cells: e
                            .spaces
                            .iter()
                            .map(|p| match e.topic_at(&slot.id, &p.id) {
                                Some(t) if !t.placement.is_at(&slot.id, &p.id) => {
                                    format!("↓ {}", t.title)
                                }
                                Some(t) => t.title.clone(),
                                None => String::new(),
                            })
                            .collect(),
                    },
                    SlotKind::Plenary(l) | SlotKind::Break(l) => Row {
                        time: slot.times(),
                        across: Some(l.clone()),
                        cells: Vec::new(),
                    },
                })
                .collect();
            let sessions = sessions
                .into_iter()
                .map(|s| {
                    let t = s.topic;
                    let mut facts = Vec::new();
                    if !t.conveners.is_empty() {
                        facts.push(format!("Conveners: {}", t.conveners.join(", ")));
                    }
                    if let Some(p) = t.participants {
                        facts.push(format!("took part: {p}"));
                    }
                    if t.votes > 0 {
                        facts.push(format!("votes: {}", t.votes));
                    }
                    facts.push(t.kind.label().to_string());
                    SessionView {
                        when: times(s.starts, s.ends),
                        space: s.space.clone(),
                        title: t.title.clone(),
                        facts,
                        description: lines(&t.description),
                        notes: lines(&t.notes),
                        actions: t.actions.iter().map(|a| point(a, r, None)).collect(),
                    }
                })
                .collect();
            Day {
                name: day.strftime("%A %-d %B %Y").to_string(),
                rows,
                sessions,
            }
        })
        .collect()
}

pub fn proceedings(r: &Record) -> Result<String, askama::Error> {
    let e = r.edition;
    let mut facts = vec![e.dates_label()];
    if !e.venue.is_empty() {
        facts.push(e.venue.clone());
    }
    if let Some(n) = e.number {
        facts.push(format!("edition {n}"));
    }
    let who = |t: &crate::model::Topic| {
        let mut parts = vec![t.title.clone()];
        if !t.conveners.is_empty() {
            parts.push(t.conveners.join(", "));
        }
        if t.votes > 0 {
            parts.push(format!("{} votes", t.votes));
        }
        parts.join(" — ")
    };
    Proceedings {
        name: e.name.clone(),
        facts: facts.join(" · "),
        theme: e.theme.clone(),
        facilitators: e.facilitators.join(", "),
        spaces: e.spaces.iter().map(|s| s.name.clone()).collect(),
        days: days(r),
        parked: r.parked.iter().map(|t| who(t)).collect(),
        ranking: r
            .ranking
            .iter()
            .filter(|t| t.votes > 0)
            .map(|t| format!("{} — {} votes", t.title, t.votes))
            .collect(),
        plan: r
            .plan
            .iter()
            .map(|(owner, items)| Owner {
                name: if owner.is_empty() {
                    "No owner yet".into()
                } else {
                    owner.clone()
                },
                points: items
                    .iter()
                    .map(|i| point(i.point, r, Some(&i.session)))
                    .collect(),
            })
            .collect(),
        worked: e.retrospective.worked.clone(),
        better: e.retrospective.better.clone(),
        carried_from: e
            .previous
            .clone()
            .unwrap_or_else(|| "the earlier edition".into()),
        carried: r
            .carried
            .iter()
            .map(|a| point(a, r, a.origin.as_ref().map(|o| o.topic.as_str())))
            .collect(),
    }
    .render()
}

/// One door sign: a space's name, big, and its sessions; or a slot's
/// time and where each session of it is.
pub struct Sign {
    pub heading: String,
    pub subheading: String,
    /// (time or space, title, conveners)
    pub lines: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ name }} · door signs</title>
<style>
@page { size: A4 landscape; margin: 1.5cm; }
body { font-family: system-ui, sans-serif; margin: 0; color: #000; background: #fff; }
.sign { min-height: 95vh; padding: 2rem; box-sizing: border-box; break-after: page; }
.sign:last-child { break-after: auto; }
h1 { font-size: 5rem; line-height: 1.05; margin: 0 0 .5rem; }
.sub { font-size: 1.6rem; margin: 0 0 2rem; }
table { width: 100%; border-collapse: collapse; font-size: 1.7rem; }
td { padding: .6rem .4rem; border-top: 2px solid #000; vertical-align: top; }
td.when { white-space: nowrap; width: 1%; font-weight: bold; padding-right: 1.5rem; }
.who { font-size: 1.2rem; }
@media screen { .sign { border-bottom: 4px dashed #888; } }
</style>
</head>
<body>
{% for s in signs %}<section class="sign">
<h1>{{ s.heading }}</h1>
<p class="sub">{{ s.subheading }}</p>
<table>{% for l in s.lines %}<tr><td class="when">{{ l.0 }}</td><td dir="auto">{{ l.1 }}{% if !l.2.is_empty() %}<div class="who">{{ l.2 }}</div>{% endif %}</td></tr>{% endfor %}</table>
</section>
{% endfor %}</body>
</html>
"#
)]
struct Signs {
    name: String,
    signs: Vec<Sign>,
}

/// Door signs: one page per space with its sessions, one per session
/// slot with every space's session ("where to go").
pub fn signs(r: &Record) -> Result<String, askama::Error> {
    let e = r.edition;
    let mut signs = Vec::new();
    for space in &e.spaces {
        for (day, _) in r.days() {
            let lines: Vec<(String, String, String)> = r
                .sessions
                .iter()
                .filter(|s| s.space == space.name && s.starts.date() == day)
                .map(|s| {
                    (
                        times(s.starts, s.ends),
                        s.topic.title.clone(),
                        s.topic.conveners.join(", "),
                    )
                })
                .collect();
            if lines.is_empty() {
                continue;
            }
            let mut sub = day.strftime("%A %-d %B").to_string();
            if let Some(c) = space.capacity {
                sub.push_str(&format!(" · {c} places"));
            }
            signs.push(Sign {
                heading: space.name.clone(),
                subheading: sub,
                lines,
            });
        }
    }
    for slot in e.slots.iter().filter(|s| s.kind.is_session()) {
        let lines: Vec<(String, String, String)> = e
            .spaces
            .iter()
            .filter_map(|p| {
                let t = e.topic_at(&slot.id, &p.id)?;
                Some((p.name.clone(), t.title.clone(), t.conveners.join(", ")))
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        signs.push(Sign {
            heading: format!(
                "{} – {}",
                crate::model::hhmm::format_hhmm(slot.start),
                crate::model::hhmm::format_hhmm(slot.end)
            ),
            subheading: format!("{} · where to go", slot.day.strftime("%A %-d %B")),
            lines,
        });
    }
    Signs {
        name: e.name.clone(),
        signs,
    }
    .render()
}
