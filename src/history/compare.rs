//! Two editions side by side: their numbers, their spaces, the topics
//! they share, and what became of the action points carried from one to
//! the other.

use super::recurring::similarity;
use crate::model::{Edition, Status};

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// (what, earlier, later)
    pub numbers: Vec<(&'static str, String, String)>,
    pub spaces_kept: Vec<String>,
    pub spaces_gone: Vec<String>,
    pub spaces_new: Vec<String>,
    /// (earlier title, later title)
    pub recurring: Vec<(String, String)>,
    /// Points carried from the earlier edition into the later one, with
    /// their status now.
    pub carried: Vec<(String, Status)>,
}

fn numbers(e: &Edition) -> Vec<String> {
    let c = e.counts();
    let votes: u64 = e.topics.iter().map(|t| u64::from(t.votes)).sum();
    let people: u32 = e
        .topics
        .iter()
        .filter_map(|t| t.participants)
        .max()
        .unwrap_or(0);
    vec![
        e.dates_label(),
        e.days.len().to_string(),
        c.spaces.to_string(),
        e.slots
            .iter()
            .filter(|s| s.kind.is_session())
            .count()
            .to_string(),
        (c.placed + c.parked).to_string(),
        votes.to_string(),
        if people > 0 {
            people.to_string()
        } else {
            "—".into()
        },
        (c.open + c.done + c.dropped).to_string(),
        c.done.to_string(),
        c.open.to_string(),
    ]
}

const NUMBERS: [&str; 10] = [
    "dates",
    "days",
    "spaces",
    "session slots",
    "topics",
    "votes",
    "largest session",
    "action points",
    "done",
    "open",
];

pub fn compare(earlier: &Edition, earlier_file: &str, later: &Edition) -> Comparison {
    let (a, b) = (numbers(earlier), numbers(later));
    let numbers = NUMBERS
        .iter()
        .zip(a.into_iter().zip(b))
        .map(|(what, (x, y))| (*what, x, y))
        .collect();
    let names = |e: &Edition| -> Vec<String> { e.spaces.iter().map(|s| s.name.clone()).collect() };
    let (sa, sb) = (names(earlier), names(later));
    let spaces_kept = sa.iter().filter(|s| sb.contains(s)).cloned().collect();
    let spaces_gone = sa.iter().filter(|s| !sb.contains(s)).cloned().collect();
    let spaces_new = sb.iter().filter(|s| !sa.contains(s)).cloned().collect();
    let mut recurring = Vec::new();
    for t in &later.topics {
        let best = earlier
            .topics
            .iter()
            .map(|o| (similarity(&t.title, &o.title), o))
            .filter(|(s, _)| *s >= 0.88)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, o)) = best {
            recurring.push((o.title.clone(), t.title.clone()));
        }
    }
    let carried = later
        .actions()
        .filter(|(_, a)| a.origin.as_ref().is_some_and(|o| o.edition == earlier_file))
        .map(|(_, a)| (a.text.clone(), a.status))
        .collect();
    Comparison {
        numbers,
        spaces_kept,
        spaces_gone,
        spaces_new,
        recurring,
        carried,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;
    use crate::model::{NextEdition, TopicDraft, next_edition};

    #[test]
    fn numbers_spaces_recurring_and_carried() {
        let old = sample();
        let mut new = next_edition(
            &old,
            "old",
            &NextEdition {
                name: "New".into(),
                first_day: jiff::civil::date(2020, 5, 12),
                days: None,
            },
        )
        .unwrap();
        new.add_space("Terrace", None).unwrap();
        let garden = new
            .spaces
            .iter()
            .find(|s| s.name == "Garden")
            .unwrap()
            .id
            .clone();
        new.remove_space(&garden).unwrap();
        new.add_topic(TopicDraft {
            title: "Team tourism, again".into(),
            ..Default::default()
        })
        .unwrap();
        let carried = new.carried[0].id;
        new.complete_action(carried).unwrap();
        let c = compare(&old, "old", &new);
        assert_eq!(c.numbers[0].0, "dates");
        assert_eq!(c.numbers[4], ("topics", "5".into(), "1".into()));
        assert_eq!(c.spaces_new, vec!["Terrace"]);
        assert_eq!(c.spaces_gone, vec!["Garden"]);
        assert_eq!(
            c.recurring,
            vec![("Team tourism".into(), "Team tourism, again".into())]
        );
        assert_eq!(
            c.carried,
            vec![("Write down how tours work".into(), Status::Done)]
        );
    }
}
