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

/// A title made ready to compare, once: normalised, and its words.
#[derive(Debug, Clone, Default)]
pub struct TitleKey {
    norm: String,
    words: Vec<String>,
}

impl TitleKey {
    pub fn new(title: &str) -> TitleKey {
        let norm = normalise(title);
        let words = norm
            .split(' ')
            .filter(|w| w.len() > 2)
            .map(str::to_string)
            .collect();
        TitleKey { norm, words }
    }
}

/// How alike two titles are, 0 to 1: the better of the whole-string
/// similarity and the share of words they have in common.
pub fn similarity(a: &str, b: &str) -> f64 {
    similar(&TitleKey::new(a), &TitleKey::new(b), 0.0)
}

/// `similarity` of two keys, exact at or above `at_least`; below it, a
/// value below `at_least` found with less work (most titles are nothing
/// alike, and are told so after a word or two).
fn similar(a: &TitleKey, b: &TitleKey, at_least: f64) -> f64 {
    if a.norm.is_empty() || b.norm.is_empty() {
        return 0.0;
    }
    let whole = strsim::jaro_winkler(&a.norm, &b.norm);
    let (wa, wb) = (&a.words, &b.words);
    if wa.is_empty() || wb.is_empty() {
        return whole;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    // "team" and "teams" are the same word here
    let same = |x: &String, y: &String| x == y || strsim::jaro_winkler(x, y) >= 0.9;
    let n = short.len() as f64;
    let mut shared = 0usize;
    for (i, w) in short.iter().enumerate() {
        if long.iter().any(|v| same(w, v)) {
            shared += 1;
        }
        // even if every word left matched, the overlap stays below what is asked
        let best = (shared + short.len() - i - 1) as f64 / n * 0.95;
        if best < at_least && whole < at_least {
            return whole.max(best);
        }
    }
    whole.max(shared as f64 / n * 0.95)
}

/// The earlier editions' titles made ready to compare, built once when
/// they arrive: Enter on the capture line compares, it does not normalise,
/// and it compares only with the titles that share the start of a word
/// (a title that comes back keeps at least one word's first letters).
#[derive(Debug, Clone, Default)]
pub struct EchoIndex {
    /// Each title key once, with where it is: (index into the known
    /// editions, index of the topic). A topic that comes back year after
    /// year reads the same in every edition, and is compared once.
    keys: Vec<(TitleKey, Vec<(usize, usize)>)>,
    /// The start of a word → the keys with a word that starts so.
    by_start: std::collections::HashMap<String, Vec<usize>>,
}

/// The first letters of a word, which a word and its plural or a typo
/// further on share.
fn start(word: &str) -> String {
    word.chars().take(4).collect()
}

impl EchoIndex {
    pub fn build(known: &[Known]) -> EchoIndex {
        let mut keys: Vec<(TitleKey, Vec<(usize, usize)>)> = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for (k, e) in known.iter().enumerate() {
            for (i, t) in e.edition.topics.iter().enumerate() {
                let key = TitleKey::new(&t.title);
                match seen.get(&key.norm) {
                    Some(&n) => keys[n].1.push((k, i)),
                    None => {
                        seen.insert(key.norm.clone(), keys.len());
                        keys.push((key, vec![(k, i)]));
                    }
                }
            }
        }
        let mut by_start: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (n, (key, _)) in keys.iter().enumerate() {
            for w in &key.words {
                let list = by_start.entry(start(w)).or_default();
                if list.last() != Some(&n) {
                    list.push(n);
                }
            }
        }
        EchoIndex { keys, by_start }
    }

    /// `echoes`, with the keys made once.
    pub fn echoes(&self, title: &str, known: &[Known], except: &str) -> Vec<Echo> {
        let key = TitleKey::new(title);
        let mut starts: Vec<String> = key.words.iter().map(|w| start(w)).collect();
        starts.sort_unstable();
        starts.dedup();
        // how many word starts each title shares with the new one
        let mut shared: std::collections::HashMap<usize, usize> = Default::default();
        for s in &starts {
            for &n in self.by_start.get(s).into_iter().flatten() {
                *shared.entry(n).or_default() += 1;
            }
        }
        // alike titles share most of their words: at least half of the shorter one's
        let candidates = shared.into_iter().filter(|&(n, count)| {
            let theirs = self.keys.get(n).map_or(0, |(k, _)| k.words.len());
            count * 2 >= starts.len().min(theirs).max(1)
        });
        // each title compared once, then every topic that has it
        let mut alike: Vec<(f64, usize, usize)> = Vec::new();
        for (n, _) in candidates {
            let Some((other, places)) = self.keys.get(n) else {
                continue;
            };
            let s = similar(&key, other, THRESHOLD);
            if s >= THRESHOLD {
                alike.extend(places.iter().map(|&(k, i)| (s, k, i)));
            }
        }
        // most alike first, then in the folder's order
        alike.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        alike
            .into_iter()
            .filter_map(|(s, k, i)| {
                let edition = known.get(k).filter(|e| e.file != except)?;
                let t = edition.edition.topics.get(i)?;
                Some(Echo {
                    edition: edition.edition.name.clone(),
                    file: edition.file.clone(),
                    title: t.title.clone(),
                    votes: t.votes,
                    actions: t.actions.len(),
                    similarity: s,
                })
            })
            .collect()
    }
}

/// How alike a title must be to count as coming back.
const THRESHOLD: f64 = 0.88;

/// Earlier topics that resemble `title`, most alike first. `except` is the
/// edition being worked on, whose own topics do not count.
pub fn echoes(title: &str, known: &[Known], except: &str) -> Vec<Echo> {
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

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn the_index_finds_what_comparing_every_title_again_finds() {
        let text = include_str!("../../sessions/tech-leaders-meeting-2019.ron");
        let e = crate::storage::from_ron(text).expect("the shipped edition");
        let known = vec![Known {
            file: "tlm-2019".into(),
            edition: e,
        }];
        let index = EchoIndex::build(&known);
        for title in [
            "Team tourism",
            "Team-tourism!",
            "Teams tourism, one year on",
            "How can team leaders stay technical",
            "Something else entirely",
            "",
        ] {
            assert_eq!(
                index.echoes(title, &known, "this"),
                echoes(title, &known, "this"),
                "{title:?}"
            );
        }
        assert!(
            index.echoes("anything", &known, "tlm-2019").is_empty(),
            "its own edition does not count"
        );
    }
}
