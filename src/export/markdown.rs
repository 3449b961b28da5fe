//! The proceedings in Markdown: everything the day produced, full titles,
//! never cut; what people typed is escaped so that it reads as typed.

use std::fmt::Write;

use super::record::{Record, status, times};
use crate::model::Status;

/// Text as Markdown shows it literally: the marks that act anywhere are
/// escaped, and those that act only at the start of a line (a list, a
/// heading) only there; its lines are joined.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.trim_start().chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // "1. " at the start would begin a numbered list
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// A block of text (notes, a description) as paragraphs, each line kept.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| esc(l.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

pub fn proceedings(r: &Record) -> String {
    let e = r.edition;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", esc(&e.name));
    let mut facts = vec![e.dates_label()];
    if !e.venue.is_empty() {
        facts.push(esc(&e.venue));
    }
    if let Some(n) = e.number {
        facts.push(format!("edition {n}"));
    }
    let _ = writeln!(s, "{}\n", facts.join(" · "));
    if !e.theme.is_empty() {
        let _ = writeln!(s, "**Theme:** {}\n", esc(&e.theme));
    }
    if !e.facilitators.is_empty() {
        let names: Vec<String> = e.facilitators.iter().map(|f| esc(f)).collect();
        let _ = writeln!(s, "**Facilitators:** {}\n", names.join(", "));
    }

    // the grid, a table per day
    let _ = writeln!(s, "## The grid\n");
    for (day, _) in r.days() {
        let _ = writeln!(s, "### {}\n", day.strftime("%A %-d %B %Y"));
        let mut head = vec!["Time".to_string()];
        head.extend(e.spaces.iter().map(|p| esc(&p.name)));
        let _ = writeln!(s, "| {} |", head.join(" | "));
        let _ = writeln!(s, "|{}", "---|".repeat(head.len()));
        for slot in e.slots_of_day(day) {
            let mut row = vec![slot.times()];
            match slot.kind.label() {
                Some(label) => {
                    let what = if slot.kind.is_session() { "" } else { label };
                    row.push(format!("*{}*", esc(what)));
                    row.extend(std::iter::repeat_n(
                        String::new(),
                        e.spaces.len().saturating_sub(1),
                    ));
                }
                None => row.extend(e.spaces.iter().map(|p| match e.topic_at(&slot.id, &p.id) {
                    Some(t) if !t.placement.is_at(&slot.id, &p.id) => {
                        format!("↓ {}", esc(&t.title))
                    }
                    Some(t) => esc(&t.title),
                    None => String::new(),
                })),
            }
            let _ = writeln!(s, "| {} |", row.join(" | "));
        }
        s.push('\n');
    }

    // every session, in time order
    let _ = writeln!(s, "## The sessions\n");
    for (day, sessions) in r.days() {
        if sessions.is_empty() {
            continue;
        }
        let _ = writeln!(s, "### {}\n", day.strftime("%A %-d %B %Y"));
        for x in sessions {
            let t = x.topic;
            let _ = writeln!(
                s,
                "#### {} · {} — {}\n",
                times(x.starts, x.ends),
                esc(&x.space),
                esc(&t.title)
            );
            let mut facts = Vec::new();
            if !t.conveners.is_empty() {
                let who: Vec<String> = t.conveners.iter().map(|c| esc(c)).collect();
                facts.push(format!("**Conveners:** {}", who.join(", ")));
            }
            if let Some(p) = t.participants {
                facts.push(format!("**Took part:** {p}"));
            }
            if t.votes > 0 {
                facts.push(format!("**Votes:** {}", t.votes));
            }
            facts.push(format!("**Kind:** {}", t.kind.label()));
            let _ = writeln!(s, "{}\n", facts.join(" · "));
            if !t.description.trim().is_empty() {
                let _ = writeln!(s, "{}\n", paragraphs(&t.description));
            }
            if !t.notes.trim().is_empty() {
                let _ = writeln!(s, "**Notes**\n\n{}\n", paragraphs(&t.notes));
            }
            if !t.actions.is_empty() {
                let _ = writeln!(s, "**Action points**\n");
                for a in &t.actions {
                    let _ = writeln!(s, "- {}", point(a, r));
                }
                s.push('\n');
            }
        }
    }

    if !r.parked.is_empty() {
        let _ = writeln!(s, "## The parking lot\n");
        for t in &r.parked {
            let _ = writeln!(s, "- {}{}", esc(&t.title), who_votes(t));
        }
        s.push('\n');
    }
    if r.ranking.iter().any(|t| t.votes > 0) {
        let _ = writeln!(s, "## The ranking\n");
        for (i, t) in r.ranking.iter().filter(|t| t.votes > 0).enumerate() {
            let _ = writeln!(s, "{}. {} — {} votes", i + 1, esc(&t.title), t.votes);
        }
        s.push('\n');
    }
    if !r.plan.is_empty() {
        let _ = writeln!(s, "## The action plan\n");
        for (owner, items) in &r.plan {
            let who = if owner.is_empty() {
                "No owner yet".to_string()
            } else {
                esc(owner)
            };
            let _ = writeln!(s, "### {who}\n");
            for i in items {
                let mut line = format!("- {} {}", i.point.status.glyph(), esc(&i.point.text));
                if let Some(d) = i.point.due {
                    let _ = write!(line, " — due {d}");
                }
                if i.overdue {
                    line.push_str(" — **⚠ overdue**");
                }
                if !i.session.is_empty() {
                    let _ = write!(line, " (from “{}”)", esc(&i.session));
                }
                let _ = writeln!(s, "{line}");
            }
            s.push('\n');
        }
    }
    let retro = &e.retrospective;
    if !retro.worked.is_empty() || !retro.better.is_empty() {
        let _ = writeln!(s, "## The retrospective\n");
        for (title, lines) in [
            ("What worked", &retro.worked),
            ("What to do better", &retro.better),
        ] {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(s, "### {title}\n");
            for l in lines {
                let _ = writeln!(s, "- {}", esc(l));
            }
            s.push('\n');
        }
    }
    if !r.carried.is_empty() {
        let from = e
            .previous
            .clone()
            .unwrap_or_else(|| "the earlier edition".into());
        let _ = writeln!(s, "## Carried over from {}\n", esc(&from));
        for a in &r.carried {
            let topic = a
                .origin
                .as_ref()
                .map(|o| o.topic.clone())
                .unwrap_or_default();
            let mut line = format!("- {}", point(a, r));
            if !topic.is_empty() {
                let _ = write!(line, " (from “{}”)", esc(&topic));
            }
            let _ = writeln!(s, "{line}");
        }
        s.push('\n');
    }
    s
}

/// "[x] Write the guide — Ola, due 2019-06-30, done"
fn point(a: &crate::model::ActionPoint, r: &Record) -> String {
    let mark = match a.status {
        Status::Done => "[x]",
        _ => "[ ]",
    };
    let mut facts = Vec::new();
    if let Some(o) = &a.owner {
        facts.push(esc(o));
    }
    if let Some(d) = a.due {
        facts.push(format!("due {d}"));
    }
    facts.push(status(a, r.today));
    format!("{mark} {} — {}", esc(&a.text), facts.join(", "))
}

/// " — Marta, Ola · 7 votes"
fn who_votes(t: &crate::model::Topic) -> String {
    let mut parts = Vec::new();
    if !t.conveners.is_empty() {
        let who: Vec<String> = t.conveners.iter().map(|c| esc(c)).collect();
        parts.push(who.join(", "));
    }
    if t.votes > 0 {
        parts.push(format!("{} votes", t.votes));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" — {}", parts.join(" · "))
    }
}
