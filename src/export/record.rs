//! The day as a record: what every export writes, gathered once from the
//! edition, in the order a reader wants it. Pure: no files, no formats.

use jiff::civil::{Date, DateTime};

use crate::model::{ActionPoint, Edition, Placement, SlotKind, Status, Topic};

/// A session as the record tells it: where and when, whole (a session over
/// several slots is one, with its whole time).
#[derive(Debug, Clone)]
pub struct Session<'a> {
    pub topic: &'a Topic,
    pub space: String,
    pub starts: DateTime,
    pub ends: DateTime,
}

/// A plenary or a break, for the calendar and the grid.
#[derive(Debug, Clone)]
pub struct Gathering {
    /// The slot's id: stable, so the calendar's id for it is too.
    pub slot: String,
    pub label: String,
    pub plenary: bool,
    pub starts: DateTime,
    pub ends: DateTime,
}

/// An action point with where it came from, for the action plan.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub point: &'a ActionPoint,
    /// The session's title, or the earlier edition's for a carried point.
    pub session: String,
    pub overdue: bool,
}

pub struct Record<'a> {
    pub edition: &'a Edition,
    /// The file's name without `.ron`: what the calendar's ids are made from.
    pub stem: String,
    /// Placed sessions in time order, then space order.
    pub sessions: Vec<Session<'a>>,
    pub gatherings: Vec<Gathering>,
    pub parked: Vec<&'a Topic>,
    /// Every topic, most votes first.
    pub ranking: Vec<&'a Topic>,
    /// The action plan: each owner with their points (no owner last).
    pub plan: Vec<(String, Vec<Item<'a>>)>,
    pub carried: Vec<&'a ActionPoint>,
    pub today: Date,
}

impl<'a> Record<'a> {
    pub fn new(edition: &'a Edition, stem: &str, today: Date) -> Record<'a> {
        let e = edition;
        let mut sessions: Vec<Session> = e
            .topics
            .iter()
            .map(|t| &**t)
            .filter_map(|t| {
                let Placement::At { space, .. } = &t.placement else {
                    return None;
                };
                let (starts, ends) = e.session_times(t)?;
                let name = e.space(space).map(|s| s.name.clone()).unwrap_or_default();
                Some(Session {
                    topic: t,
                    space: name,
                    starts,
                    ends,
                })
            })
            .collect();
        let order = |s: &Session| {
            let col = match &s.topic.placement {
                Placement::At { space, .. } => e.space_index(space).unwrap_or(0),
                Placement::Parked => 0,
            };
            (s.starts, col)
        };
        sessions.sort_by_key(order);
        let mut gatherings: Vec<Gathering> = e
            .slots
            .iter()
            .filter_map(|s| match &s.kind {
                SlotKind::Session => None,
                SlotKind::Plenary(l) | SlotKind::Break(l) => Some(Gathering {
                    slot: s.id.0.clone(),
                    label: l.clone(),
                    plenary: matches!(s.kind, SlotKind::Plenary(_)),
                    starts: s.starts(),
                    ends: s.ends(),
                }),
            })
            .collect();
        gatherings.sort_by_key(|g| g.starts);
        // the action plan by owner, each owner's points by due date
        let mut by_owner: std::collections::BTreeMap<(bool, String), Vec<Item>> =
            Default::default();
        for (topic, a) in e.actions() {
            let session = match (topic, &a.origin) {
                (Some(t), _) => t.title.clone(),
                (None, Some(o)) => o.topic.clone(),
                (None, None) => String::new(),
            };
            let owner = a.owner.clone().unwrap_or_default();
            by_owner
                .entry((owner.is_empty(), owner))
                .or_default()
                .push(Item {
                    point: a,
                    session,
                    overdue: a.is_overdue(today),
                });
        }
        let plan = by_owner
            .into_iter()
            .map(|((_, owner), mut items)| {
                items.sort_by_key(|i| (i.point.due.is_none(), i.point.due));
                (owner, items)
            })
            .collect();
        Record {
            edition: e,
            stem: stem.to_string(),
            sessions,
            gatherings,
            parked: e.parked(),
            ranking: e.ranking(),
            plan,
            carried: e.carried.iter().collect(),
            today,
        }
    }

    /// The days of the event, each with its sessions.
    pub fn days(&self) -> Vec<(Date, Vec<&Session<'a>>)> {
        let mut days: Vec<Date> = self.edition.days.clone();
        days.sort();
        days.into_iter()
            .map(|d| {
                let sessions = self
                    .sessions
                    .iter()
                    .filter(|s| s.starts.date() == d)
                    .collect();
                (d, sessions)
            })
            .collect()
    }
}

/// "14:15–15:45"
pub fn times(starts: DateTime, ends: DateTime) -> String {
    format!(
        "{}–{}",
        crate::model::hhmm::format_hhmm(starts.time()),
        crate::model::hhmm::format_hhmm(ends.time())
    )
}

/// "done", "open", "dropped", and overdue said in words.
pub fn status(point: &ActionPoint, today: Date) -> String {
    match (point.status, point.is_overdue(today)) {
        (Status::Open, true) => "open, overdue".into(),
        (s, _) => s.label().into(),
    }
}
