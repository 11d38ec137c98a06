//! One thing the tutorial teaches: what has to happen first (the cue), what
//! the trainee then does (the deed), and the words that guide them to it.

use crate::scenario::{AlertSeverity, Scenario, Seat, Trait};
use crate::world::comms::{Channel, IsdSection, MessageKind, StatusState};
use crate::world::{Entry, Event};

/// One step of a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// A few words for the checklist: "Record the declaration".
    pub goal: &'static str,
    /// The explicit instruction of the first stage: what to do and where.
    pub prompt: &'static str,
    /// The nudge of the second stage, shown only once the trainee stalls.
    pub hint: &'static str,
    /// What must have happened before the step can be done.
    pub cue: Cue,
    /// What the trainee does to complete it.
    pub deed: Deed,
    /// Done before its cue (once the trainee holds the stage's role) still
    /// counts: an IC who declares before the page has declared.
    pub early: bool,
}

/// Something in the drill that makes a step possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// From the first second.
    Start,
    /// The trainee was given this seat's role (or holds it from the rota).
    RoleGiven(Seat),
    /// An alert that pages has fired.
    Page,
    /// The incident has been declared.
    Declared,
    /// Someone was ordered to investigate or to run an action.
    WorkOrdered,
    /// A decision was put to the room.
    Proposal,
    /// A decision was recorded.
    Decision,
    /// An executive asked a question on the executive channel.
    ExecutiveQuestion,
    /// The incident was mitigated.
    Mitigated,
    /// The incident was resolved.
    Resolved,
    /// A seasoned commander joined (and will offer to take over).
    SeasonedCommanderJoined,
}

/// What the trainee does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deed {
    /// Post anything in a channel (an acknowledgement, an update, an answer).
    Post(ChannelKind),
    /// Add to or rewrite a section of the ISD.
    EditIsd(IsdSection),
    /// A status page post in one of these states, with impact, components and
    /// (unless resolved) a next-update time.
    StatusPost(StatusStates),
    /// Acknowledge a page.
    AckAlert,
    /// Declare the incident.
    Declare,
    /// Give a seat's command role to someone, with a briefing.
    Assign(Seat),
    /// An order to a named person with a time box.
    Order,
    /// Record a decision.
    Decide,
    /// Hand a seat's role over; done when the other side accepts.
    Handoff(Seat),
}

/// The channels a `Post` deed can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    CommandPost,
    Executive,
}

impl ChannelKind {
    fn matches(self, channel: &Channel) -> bool {
        match self {
            ChannelKind::CommandPost => *channel == Channel::CommandPost,
            ChannelKind::Executive => *channel == Channel::Executive,
        }
    }
}

/// A set of status page states: the first post may say only "investigating",
/// a recovery post "identified" or "monitoring".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusStates {
    /// Any state before resolution (the first post).
    Open,
    /// Identified or monitoring: the cause is known or the fix is in.
    Progress,
    /// Resolved.
    Resolved,
}

impl StatusStates {
    fn contains(self, state: StatusState) -> bool {
        match self {
            StatusStates::Open => state != StatusState::Resolved,
            StatusStates::Progress => {
                matches!(state, StatusState::Identified | StatusState::Monitoring)
            }
            StatusStates::Resolved => state == StatusState::Resolved,
        }
    }
}

impl Cue {
    /// Whether this log entry is the cue, for the trainee `me`.
    pub fn seen_in(self, entry: &Entry, me: &str, scenario: &Scenario) -> bool {
        match (self, &entry.event) {
            (Cue::Start, _) => true,
            (Cue::RoleGiven(role), Event::RoleAssigned { role: r, to, .. })
            | (Cue::RoleGiven(role), Event::HandoffAccepted { role: r, to, .. }) => {
                role.role().as_ref() == Some(r) && to == me
            }
            (Cue::Page, Event::AlertFired { severity, .. }) => *severity == AlertSeverity::Page,
            (Cue::Declared, Event::Declared { .. }) => true,
            // The trainee's own messages are never the cue for their next step.
            (_, Event::Posted(m)) if m.from == me => false,
            (Cue::WorkOrdered, Event::Posted(m)) => {
                m.kind == MessageKind::Order
                    && matches!(
                        m.task,
                        Some(
                            crate::world::comms::Task::Run(_)
                                | crate::world::comms::Task::Investigate(_)
                        )
                    )
            }
            (Cue::Proposal, Event::Posted(m)) => m.kind == MessageKind::Proposal,
            (Cue::Decision, Event::Posted(m)) => m.kind == MessageKind::Decision,
            (Cue::ExecutiveQuestion, Event::Posted(m)) => {
                m.channel == Channel::Executive && m.kind == MessageKind::Question
            }
            (Cue::Mitigated, Event::IncidentMitigated) => true,
            (Cue::Resolved, Event::IncidentResolved) => true,
            (Cue::SeasonedCommanderJoined, Event::Joined { who, .. }) => scenario
                .responders
                .iter()
                .any(|r| r.id == *who && r.traits.contains(&Trait::SeasonedIc)),
            _ => false,
        }
    }
}

impl Deed {
    /// Whether this log entry is the trainee `me` doing the deed.
    pub fn done_in(self, entry: &Entry, me: &str) -> bool {
        match (self, &entry.event) {
            (Deed::Post(kind), Event::Posted(m)) => m.from == me && kind.matches(&m.channel),
            (Deed::EditIsd(section), Event::IsdEdited { by, section: s, .. }) => {
                by == me && *s == section
            }
            (Deed::StatusPost(states), Event::StatusPosted(post)) => {
                post.by == me
                    && states.contains(post.state)
                    && !post.impact.trim().is_empty()
                    && !post.components.is_empty()
                    && (post.state == StatusState::Resolved || post.next_update.is_some())
            }
            (Deed::AckAlert, Event::AlertAcked { by, .. }) => by == me,
            (Deed::Declare, Event::Declared { by, .. }) => by == me,
            (
                Deed::Assign(role),
                Event::RoleAssigned {
                    role: r,
                    by,
                    briefing,
                    ..
                },
            ) => by == me && role.role().as_ref() == Some(r) && !briefing.trim().is_empty(),
            (Deed::Order, Event::Posted(m)) => {
                m.from == me
                    && m.kind == MessageKind::Order
                    && !m.mentions.is_empty()
                    && m.due.is_some()
            }
            (Deed::Decide, Event::Posted(m)) => m.from == me && m.kind == MessageKind::Decision,
            (Deed::Handoff(role), Event::HandoffAccepted { role: r, from, .. }) => {
                from == me && role.role().as_ref() == Some(r)
            }
            _ => false,
        }
    }
}
