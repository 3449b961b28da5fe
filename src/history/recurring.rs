//! Topics that come back: a new title that resembles one from an earlier
//! edition ("also in 2019: Team tourism — 21 votes, 3 action points").

use super::Known;

/// A topic of an earlier edition that resembles a new title.
#[derive(Debug, Clone, PartialEq)]
pub struct Echo {
    pub edition: String,
    pub file: String,
    pub title: String,
    pub votes: u32,
    pub actions: usize,
    pub similarity: f64,
}

impl Echo {
    /// "also in Tech Leaders’ Meeting 2019: Team tourism — 21 votes, 3 action points"
    pub fn line(&self) -> String {
        let actions = match self.actions {
            0 => String::new(),
            1 => ", 1 action point".into(),
            n => format!(", {n} action points"),
        };
        format!(
            "also in {}: {} — {} votes{actions}",
            self.edition, self.title, self.votes
        )
    }
}

fn normalise(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How alike two titles are, 0 to 1: the better of the whole-string
/// similarity and the share of words they have in common.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (normalise(a), normalise(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let whole = strsim::jaro_winkler(&a, &b);
    let words = |s: &str| -> Vec<String> {
        s.split(' ')
            .filter(|w| w.len() > 2)
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(&a), words(&b));
    // "team" and "teams" are the same word here
    let same = |x: &String, y: &String| strsim::jaro_winkler(x, y) >= 0.9;
    let shared = wa.iter().filter(|w| wb.iter().any(|v| same(w, v))).count();
    let overlap = if wa.is_empty() || wb.is_empty() {
        0.0
    } else {
        shared as f64 / wa.len().min(wb.len()) as f64
    };
    whole.max(overlap * 0.95)
}

/// Earlier topics that resemble `title`, most alike first. `except` is the
/// edition being worked on, whose own topics do not count.
pub fn echoes(title: &str, known: &[Known], except: &str) -> Vec<Echo> {
    const THRESHOLD: f64 = 0.88;
    let mut found: Vec<Echo> = known
        .iter()
        .filter(|k| k.file != except)
        .flat_map(|k| {
            k.edition.topics.iter().filter_map(move |t| {
                let s = similarity(title, &t.title);
                (s >= THRESHOLD).then(|| Echo {
                    edition: k.edition.name.clone(),
                    file: k.file.clone(),
                    title: t.title.clone(),
                    votes: t.votes,
                    actions: t.actions.len(),
                    similarity: s,
                })
            })
        })
        .collect();
    found.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

    fn known() -> Vec<Known> {
        vec![Known {
            file: "tlm-2019".into(),
            edition: sample(),
        }]
    }

    #[test]
    fn alike_titles_are_found_and_others_not() {
        let k = known();
        let e = echoes("team tourism!", &k, "tlm-2020");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title, "Team tourism");
        assert!(
            e[0].line()
                .starts_with("also in Test meeting: Team tourism — 4 votes, 1 action point")
        );
        assert_eq!(
            echoes("Tourism in teams", &k, "x")[0].title,
            "Team tourism",
            "word order"
        );
        assert_eq!(
            echoes("Service mesh", &k, "x")[0].title,
            "Service mesh in our cloud"
        );
        assert!(echoes("Hiring juniors", &k, "x").is_empty());
        assert!(echoes("", &k, "x").is_empty());
        // the edition being worked on is not an earlier one
        assert!(echoes("Team tourism", &k, "tlm-2019").is_empty());
    }
}
