//! The big event of the benchmarks, built with the model API from a fixed
//! seed so that every run gets the same edition: 3 days of 8 slots × 40
//! spaces, 1,000 topics (840 placed, every cell full), 5,000 action points.

#![allow(dead_code)]

use jiff::civil::{Date, date, time};

use openspace::model::{ActionDraft, Edition, SlotId, SlotKind, SpaceId, TopicDraft, TopicKind};

pub const DAYS: usize = 3;
pub const SPACES: usize = 40;
pub const BIG_TOPICS: usize = 1_000;
pub const BIG_ACTIONS: usize = 5_000;
pub const SMALL_TOPICS: usize = 50;
/// Topics of the "huge" edition: the big one with more parked topics.
pub const HUGE_TOPICS: usize = 10_000;

/// A small, fixed pseudo-random sequence (splitmix64), so every run builds
/// the same edition.
pub struct Rng(u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const FORMATS: &[&str] = &[
    "Lessons from",
    "How we do",
    "Ask me anything:",
    "What went wrong with",
    "Getting started with",
    "The future of",
    "Pitfalls of",
    "Hands-on:",
    "Why we stopped doing",
    "Scaling",
    "Measuring",
    "A year of",
    "Show and tell:",
    "Rethinking",
    "Teaching",
    "Budgeting for",
    "Hiring for",
    "Migrating to",
    "Debugging",
    "Open questions about",
];

pub const SUBJECTS: &[&str] = &[
    "service mesh in our cloud",
    "team tourism",
    "staying technical as a lead",
    "events in the offer domain",
    "mobile apps",
    "on-call without burnout",
    "contract testing",
    "feature flags",
    "monorepos",
    "platform teams",
    "incident reviews",
    "pair programming across time zones",
    "design systems",
    "data mesh",
    "internal developer portals",
    "accessibility audits",
    "cost of cloud storage",
    "observability for small teams",
    "legacy payment systems",
    "domain-driven design",
    "chaos engineering",
    "career ladders for engineers",
    "tech radar",
    "architecture decision records",
    "zero-downtime database migrations",
    "GraphQL federation",
    "machine learning in production",
    "privacy by design",
    "release trains",
    "inner source",
    "security champions",
    "hackathons that ship",
    "writing good RFCs",
    "mentoring juniors remotely",
    "flaky tests",
    "Kubernetes upgrades",
    "event sourcing",
    "search relevance",
    "mobile release pipelines",
    "performance budgets",
    "SLOs that people read",
    "the four-day week",
    "async stand-ups",
    "estimating without estimates",
    "green software",
    "dependency updates at scale",
    "customer interviews for engineers",
    "frontend architecture",
    "big rewrites",
    "knowledge sharing between tribes",
];

#[rustfmt::skip]
pub const NAMES: &[&str] = &[
    "Marta", "Ola", "Piotr", "Kasia", "Tomek", "Anna", "Bartek", "Ewa", "Grzegorz", "Joanna",
    "Krzysztof", "Magda", "Michał", "Natalia", "Paweł", "Agnieszka", "Rafał", "Zofia", "Łukasz",
    "Dorota", "Jan", "Monika", "Adam", "Iwona", "Marek", "Beata", "Wojtek", "Karolina", "Jakub",
    "Aleksandra", "Sven", "Ingrid", "Lars", "Freya", "Ahmed", "Fatima", "Chen", "Mei", "Ravi",
    "Priya", "Diego", "Lucía", "Tom", "Sarah", "Oliver", "Emma", "Noah", "Mia", "Kenji", "Yuki",
];

pub const VERBS: &[&str] = &[
    "Write down",
    "Share",
    "Set up a meeting about",
    "Draft an RFC for",
    "Collect examples of",
    "Try out",
    "Present at the next all-hands:",
    "Find an owner for",
    "Budget for",
    "Start a channel about",
];

#[rustfmt::skip]
pub const SPACE_NAMES: &[&str] = &[
    "Atrium", "Library", "Garden", "Terrace", "Boardroom", "Lab", "Studio", "Lounge", "Kitchen",
    "Loft",
];

/// The big event's grid with `topics` topics and `actions` action points.
/// Cells are filled column by column (every slot of the first space, then
/// of the second…), so a small edition also fills the top-left of the board.
pub fn edition(topics: usize, actions: usize) -> Edition {
    let mut rng = Rng(2019);
    let first = date(2026, 5, 12);
    let mut e = Edition::new("Tech Leaders’ Meeting 2026", first);
    e.theme = "What should we stop doing?".into();
    e.venue = "Old Brewery, Poznań".into();
    let days: Vec<Date> = (0..DAYS as i64)
        .map(|d| first.checked_add(jiff::Span::new().days(d)).unwrap())
        .collect();
    for &day in &days[1..] {
        e.add_day(day).unwrap();
    }
    let spaces: Vec<SpaceId> = (0..SPACES)
        .map(|i| {
            let name = format!("{} {}", SPACE_NAMES[i % SPACE_NAMES.len()], i / 10 + 1);
            let capacity = [8, 12, 15, 20, 30, 40, 60][i % 7];
            e.add_space(&name, Some(capacity)).unwrap()
        })
        .collect();
    let mut sessions: Vec<SlotId> = Vec::new();
    for &day in &days {
        for hour in [9, 10, 11, 13, 14, 15, 16] {
            let slot = e
                .add_slot(
                    day,
                    time(hour, 0, 0, 0),
                    time(hour, 50, 0, 0),
                    SlotKind::Session,
                )
                .unwrap();
            sessions.push(slot);
        }
        e.add_slot(
            day,
            time(12, 0, 0, 0),
            time(13, 0, 0, 0),
            SlotKind::Break("Lunch".into()),
        )
        .unwrap();
    }
    assert_eq!(e.slots.len(), DAYS * 8);

    let mut ids = Vec::with_capacity(topics);
    for _ in 0..topics {
        let id = e.add_topic(topic_draft(&mut rng)).unwrap();
        // most topics get a handful of votes, a few are crowd favourites
        let r = rng.below(100);
        e.set_votes(id, (r * r / 400) as u32).unwrap();
        ids.push(id);
    }
    let cells = spaces
        .iter()
        .flat_map(|space| sessions.iter().map(move |slot| (slot, space)));
    for (&id, (slot, space)) in ids.iter().zip(cells) {
        e.place(id, slot, space).unwrap();
    }
    for _ in 0..actions {
        // uneven on purpose: some sessions decide much more than others
        let t = ids[rng.below(ids.len()).min(rng.below(ids.len()))];
        let text = format!("{} {}", rng.pick(VERBS), rng.pick(SUBJECTS));
        let owner = (rng.below(4) != 0).then(|| rng.pick(NAMES).to_string());
        let due = (rng.below(3) == 0)
            .then(|| date(2026, 6, 1).checked_add(jiff::Span::new().days(rng.below(90) as i64)))
            .and_then(Result::ok);
        let a = e.add_action(t, ActionDraft { text, owner, due }).unwrap();
        match rng.below(10) {
            0..=3 => e.complete_action(a).unwrap(),
            4 => e.drop_action(a).unwrap(),
            _ => {}
        }
    }
    e
}

pub fn topic_draft(rng: &mut Rng) -> TopicDraft {
    let title = format!("{} {}", rng.pick(FORMATS), rng.pick(SUBJECTS));
    let mut conveners = vec![rng.pick(NAMES).to_string()];
    if rng.below(4) == 0 {
        conveners.push(rng.pick(NAMES).to_string());
    }
    let description = if rng.below(3) == 0 {
        format!(
            "We tried {} last year; let's compare notes and decide what to keep.",
            rng.pick(SUBJECTS)
        )
    } else {
        String::new()
    };
    TopicDraft {
        title,
        conveners,
        description,
        kind: TopicKind::ALL[rng.below(TopicKind::ALL.len())],
    }
}

/// The big edition with `HUGE_TOPICS - BIG_TOPICS` more topics, all parked.
pub fn huge(big: &Edition) -> Edition {
    let mut rng = Rng(1957);
    let mut e = big.clone();
    for _ in big.topics.len()..HUGE_TOPICS {
        let id = e.add_topic(topic_draft(&mut rng)).unwrap();
        let r = rng.below(100);
        e.set_votes(id, (r * r / 400) as u32).unwrap();
    }
    e
}

/// The baseline: a minimal ratatui program that fills every cell of the
/// same screen with text and draws it, a different letter each frame so
/// that the diff has every cell to send. What a key costs is read against it.
pub fn baseline_frame<B: ratatui::backend::Backend>(term: &mut ratatui::Terminal<B>, n: &mut u64)
where
    B::Error: std::fmt::Debug,
{
    *n += 1;
    let c = char::from(b'a' + (*n % 26) as u8);
    term.draw(|f| {
        let area = f.area();
        let row: String = std::iter::repeat_n(c, usize::from(area.width)).collect();
        let buf = f.buffer_mut();
        for y in area.top()..area.bottom() {
            buf.set_string(0, y, &row, ratatui::style::Style::default());
        }
    })
    .unwrap();
}

/// Counts what a frame would send to the terminal.
#[derive(Default, Clone)]
pub struct Bytes(pub std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal of a fixed size whose frames crossterm encodes into `bytes`.
pub fn terminal_counting(
    bytes: Bytes,
    w: u16,
    h: u16,
) -> ratatui::Terminal<ratatui::prelude::CrosstermBackend<Bytes>> {
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
    };
    ratatui::Terminal::with_options(ratatui::prelude::CrosstermBackend::new(bytes), options)
        .expect("a terminal")
}

/// `terminal_counting`, the bytes not looked at.
pub fn counting_terminal(
    w: u16,
    h: u16,
) -> ratatui::Terminal<ratatui::prelude::CrosstermBackend<Bytes>> {
    terminal_counting(Bytes::default(), w, h)
}
