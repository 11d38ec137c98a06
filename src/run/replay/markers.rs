//! The moments worth stopping at on a replay's timeline.

use crate::base::time::Tick;
use crate::world::comms::MessageKind;
use crate::world::{Entry, Event};

/// What kind of moment a marker flags; the viewer colours and filters by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerKind {
    Alert,
    Declaration,
    RoleChange,
    Handoff,
    Order,
    Decision,
    StatusPost,
    Violation,
    Mitigation,
    Resolution,
    Inject,
    Note,
}

impl MarkerKind {
    pub const ALL: [MarkerKind; 12] = [
        MarkerKind::Alert,
        MarkerKind::Declaration,
        MarkerKind::RoleChange,
        MarkerKind::Handoff,
        MarkerKind::Order,
        MarkerKind::Decision,
        MarkerKind::StatusPost,
        MarkerKind::Violation,
        MarkerKind::Mitigation,
        MarkerKind::Resolution,
        MarkerKind::Inject,
        MarkerKind::Note,
    ];

    /// The legend's word.
    pub fn label(self) -> &'static str {
        match self {
            MarkerKind::Alert => "alerts",
            MarkerKind::Declaration => "declaration",
            MarkerKind::RoleChange => "role changes",
            MarkerKind::Handoff => "handoffs",
            MarkerKind::Order => "orders",
            MarkerKind::Decision => "decisions",
            MarkerKind::StatusPost => "status posts",
            MarkerKind::Violation => "violations",
            MarkerKind::Mitigation => "mitigation",
            MarkerKind::Resolution => "resolution",
            MarkerKind::Inject => "injects",
            MarkerKind::Note => "observer notes",
        }
    }
}

/// One flagged moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub at: Tick,
    pub kind: MarkerKind,
    /// One line saying what happened.
    pub text: String,
}

/// The markers of a log, in time order.
pub fn markers(log: &[Entry]) -> Vec<Marker> {
    log.iter()
        .filter_map(|entry| {
            let kind = kind_of(&entry.event)?;
            Some(Marker {
                at: entry.at,
                kind,
                text: crate::lenses::describe::describe(entry),
            })
        })
        .collect()
}

fn kind_of(event: &Event) -> Option<MarkerKind> {
    Some(match event {
        Event::AlertFired { .. } => MarkerKind::Alert,
        Event::Declared { .. } => MarkerKind::Declaration,
        Event::RoleAssigned { .. } | Event::RoleReleased { .. } => MarkerKind::RoleChange,
        Event::HandoffOffered { .. } | Event::HandoffAccepted { .. } => MarkerKind::Handoff,
        Event::Posted(m) if m.kind == MessageKind::Order => MarkerKind::Order,
        Event::Posted(m) if m.kind == MessageKind::Decision => MarkerKind::Decision,
        Event::StatusPosted(_) => MarkerKind::StatusPost,
        Event::ViolationNoted { .. } => MarkerKind::Violation,
        Event::IncidentMitigated => MarkerKind::Mitigation,
        Event::IncidentResolved => MarkerKind::Resolution,
        Event::InjectDelivered { .. } => MarkerKind::Inject,
        Event::ObserverNote { .. } => MarkerKind::Note,
        _ => return None,
    })
}
