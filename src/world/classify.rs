//! One table says, for every kind of event, who may see it, whether the
//! team's timeline lists it, whether the After Action Report keeps it as a
//! milestone, and whether a replay's scrubber flags it. Every view (the
//! panels, the game master's console, replay markers, scoring's index, the
//! network host's projection) asks here; a new event is classified once.

use super::comms::{Channel, MessageKind};
use super::{Event, GAME_MASTER, People};
use crate::scenario::Role;

/// Who may see an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience<'a> {
    /// Everyone taking part.
    Everyone,
    /// Whoever reads the channel a message was posted in.
    Readers(&'a Channel),
    /// Whoever holds the role now (customer tickets reach the CL).
    Holder(Role),
    /// Only the person whose command it answers (a refusal is feedback to
    /// them, not news to the team).
    Issuer(&'a str),
    /// Ground truth the team cannot see: hidden causes, which messages were
    /// scripted injects. Game masters, debriefs and the practice lens only.
    GroundTruth,
    /// Only the game master: observer notes and refusals of their commands.
    GameMaster,
}

/// What kind of moment a replay marker flags; the viewer colours and filters by it.
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

/// How one event is treated by every view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class<'a> {
    pub audience: Audience<'a>,
    /// Listed on the team's timeline (the rest have panels of their own:
    /// channels, tickets, the ISD, the platform map) for those who may see it.
    pub timeline: bool,
    /// A moment the After Action Report's timelines keep.
    pub milestone: bool,
    /// A moment a replay's scrubber flags.
    pub marker: Option<MarkerKind>,
}

/// The one classification of events.
pub fn classify(event: &Event) -> Class<'_> {
    use Audience::*;
    let class = |audience, timeline, milestone, marker| Class {
        audience,
        timeline,
        milestone,
        marker,
    };
    match event {
        Event::DrillStarted { .. } | Event::Joined { .. } => class(Everyone, true, false, None),
        Event::FaultStarted { .. } => class(GroundTruth, false, true, None),
        Event::HealthChanged { .. } => class(Everyone, false, false, None),
        Event::AlertFired { .. } => class(Everyone, true, true, Some(MarkerKind::Alert)),
        Event::AlertResolved { .. } | Event::AlertAcked { .. } => {
            class(Everyone, true, false, None)
        }
        Event::Declared { .. } => class(Everyone, true, true, Some(MarkerKind::Declaration)),
        Event::RoleAssigned { .. } | Event::RoleReleased { .. } => {
            class(Everyone, true, true, Some(MarkerKind::RoleChange))
        }
        Event::HandoffOffered { .. } | Event::HandoffAccepted { .. } => {
            class(Everyone, true, true, Some(MarkerKind::Handoff))
        }
        Event::TeamCreated { .. } => class(Everyone, true, true, None),
        Event::TeamJoined { .. } | Event::TeamLeft { .. } => class(Everyone, true, false, None),
        Event::Posted(m) => {
            let milestone = matches!(m.kind, MessageKind::Report | MessageKind::Decision);
            let marker = match m.kind {
                MessageKind::Order => Some(MarkerKind::Order),
                MessageKind::Decision => Some(MarkerKind::Decision),
                _ => None,
            };
            class(Readers(&m.channel), false, milestone, marker)
        }
        Event::ActionStarted { .. } | Event::ActionRefused { .. } => {
            class(Everyone, true, true, None)
        }
        Event::ActionFinished { .. } => class(Everyone, true, false, None),
        Event::ViolationNoted { .. } => class(Everyone, true, true, Some(MarkerKind::Violation)),
        Event::CauseRevealed { .. }
        | Event::FaultMitigated { .. }
        | Event::FaultResolved { .. }
        | Event::FaultDefused { .. }
        | Event::ObligationArose { .. }
        | Event::ObligationDischarged { .. } => class(Everyone, true, true, None),
        Event::StatusPosted(_) => class(Everyone, true, true, Some(MarkerKind::StatusPost)),
        Event::IsdEdited { .. } => class(Everyone, false, true, None),
        Event::SegmentHarmed { .. } => class(Everyone, false, true, None),
        Event::CustomerTicket { .. } => class(Holder(Role::CL), false, false, None),
        Event::InjectDelivered { .. } => class(GroundTruth, false, false, Some(MarkerKind::Inject)),
        Event::Left { .. } | Event::ExecutiveEscalated { .. } => class(Everyone, true, true, None),
        Event::ObserverNote { .. } => class(GameMaster, false, false, Some(MarkerKind::Note)),
        Event::CommandRefused { by, command, .. } => {
            if by == GAME_MASTER || command.is_instructor() {
                class(GameMaster, false, false, None)
            } else {
                class(Issuer(by), true, false, None)
            }
        }
        Event::IncidentMitigated => class(Everyone, true, true, Some(MarkerKind::Mitigation)),
        Event::IncidentResolved => class(Everyone, true, true, Some(MarkerKind::Resolution)),
        Event::IncidentReopened { .. } | Event::Closed { .. } | Event::DrillEnded { .. } => {
            class(Everyone, true, true, None)
        }
    }
}

/// Whether only the game master sees this event: an observer note, or a
/// refusal of one of the game master's commands. Simulated people never
/// even notice such events, so they cannot change the drill.
pub fn instructor_only(event: &Event) -> bool {
    classify(event).audience == Audience::GameMaster
}

/// Whether participant `id` may see the event now, given who holds what.
/// Ground truth and the game master's events are never a participant's.
pub fn visible_to(event: &Event, people: &People, id: &str) -> bool {
    match classify(event).audience {
        Audience::Everyone => true,
        Audience::Readers(channel) => can_read(people, id, channel),
        Audience::Holder(role) => people.holds(id, &role),
        Audience::Issuer(by) => by == id,
        Audience::GroundTruth | Audience::GameMaster => false,
    }
}

/// Whether participant `id` reads a channel: the command post everyone; a
/// team's channel its members and the OL; the executive channel the IC and
/// the CL, and so does #liaison; #restricted those cleared for it; a direct message its two people.
pub fn can_read(people: &People, id: &str, channel: &Channel) -> bool {
    match channel {
        Channel::CommandPost => true,
        Channel::Team(team) => {
            people.holds(id, &Role::OL)
                || people
                    .teams
                    .get(team)
                    .is_some_and(|t| t.lead == id || t.members.iter().any(|m| m == id))
        }
        Channel::Executive | Channel::Liaison => {
            [Role::IC, Role::CL].iter().any(|r| people.holds(id, r))
        }
        Channel::Restricted => people.cleared_for_restricted(id),
        Channel::Direct(a, b) => a == id || b == id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::Command;

    #[test]
    fn the_game_masters_own_events_are_theirs_alone() {
        let note = Event::ObserverNote {
            by: GAME_MASTER.into(),
            area: crate::scenario::Area::Command,
            rating: None,
            text: "good".into(),
        };
        assert!(instructor_only(&note));
        let refused = |by: &str, command: Command| Event::CommandRefused {
            by: by.into(),
            command: Box::new(command),
            reason: "no".into(),
        };
        assert!(instructor_only(&refused("gm", Command::Ack)));
        assert!(instructor_only(&refused("ana", Command::TriggerInject(0))));
        assert!(!instructor_only(&refused("ana", Command::Ack)));
    }

    #[test]
    fn a_refusal_reaches_only_the_person_who_gave_the_command() {
        let people = People::default();
        let refused = Event::CommandRefused {
            by: "ana".into(),
            command: Box::new(Command::Ack),
            reason: "not on call".into(),
        };
        assert!(visible_to(&refused, &people, "ana"));
        assert!(!visible_to(&refused, &people, "ben"));
    }

    #[test]
    fn hidden_causes_never_reach_a_participant() {
        let people = People::default();
        let fault = Event::FaultStarted {
            fault: "f".into(),
            component: "c".into(),
        };
        assert_eq!(classify(&fault).audience, Audience::GroundTruth);
        assert!(!visible_to(&fault, &people, "ana"));
    }
}
