//! Commands: everything a participant can do. Humans (scripts, the app) and
//! simulated responders issue the same commands through the same checks.

use serde::{Deserialize, Serialize};

use crate::base::time::Dur;
use crate::scenario::Area;
use crate::scenario::{Persona, Role, Severity, Skill, Trait};
pub use crate::world::comms::Task;
use crate::world::comms::{Channel, IsdSection, MessageKind, StatusState};

/// One thing a participant does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Acknowledge a firing alert.
    AckAlert(String),
    /// Declare an incident; the declarer announces they are IC.
    Declare(Severity),
    /// Give a role to someone (the IC staffs command roles, the OL team roles).
    Assign {
        role: Role,
        to: String,
        #[serde(default)]
        briefing: String,
    },
    /// Offer one's role to someone with a briefing; takes effect when they accept.
    Handoff {
        role: Role,
        to: String,
        briefing: String,
    },
    /// Accept a role offered in a handoff.
    AcceptHandoff(Role),
    /// Give a role up (it returns to the IC).
    Release(Role),
    /// The OL forms a team under them with a named lead.
    CreateTeam { team: String, lead: String },
    /// Put someone on a team (by the OL or that team's lead).
    JoinTeam { team: String, person: String },
    /// Post a message.
    Say {
        channel: Channel,
        kind: MessageKind,
        text: String,
    },
    /// Give an order: owner, task and time box make it well formed.
    Order {
        #[serde(default)]
        to: Option<String>,
        task: Task,
        #[serde(default)]
        timebox: Option<Dur>,
        #[serde(default)]
        text: String,
    },
    /// Acknowledge the latest order addressed to oneself.
    Ack,
    /// Acknowledge a particular order (by its message id).
    AckOrder(u32),
    /// Report in Conditions / Actions / Needs form (in the command post unless a channel is given).
    Report {
        #[serde(default)]
        to: Option<String>,
        conditions: String,
        actions: String,
        needs: String,
        #[serde(default)]
        channel: Option<Channel>,
    },
    /// Put a decision to the room.
    Propose(String),
    /// Record a decision (optionally settling the latest open proposal).
    Decide(String),
    /// Run a diagnostic or remediation oneself.
    Run(String),
    /// Post on the public status page.
    PostStatus {
        state: StatusState,
        impact: String,
        #[serde(default)]
        components: Vec<String>,
        #[serde(default)]
        next_update: Option<Dur>,
        #[serde(default)]
        text: String,
    },
    /// Rewrite (or, for the timeline and decisions, append to) an ISD section.
    EditIsd { section: IsdSection, text: String },
    /// Close the incident once it is resolved.
    Close,
    /// Game master: deliver a scheduled inject now (its place in the scenario's inject list).
    TriggerInject(usize),
    /// Game master: a message from someone inside or outside the response, now.
    CustomInject { from: Persona, text: String },
    /// Game master: a simulated responder joins now.
    AddResponder {
        id: String,
        name: String,
        #[serde(default)]
        skills: Vec<Skill>,
        #[serde(default)]
        traits: Vec<Trait>,
    },
    /// Game master (a host, for someone who joined late): a trainee is paged
    /// into the drill now as a responder.
    PageIn { id: String, name: String },
    /// Game master: a simulated responder is called away (their roles return to the IC).
    RemoveResponder(String),
    /// Game master or observer: a note pinned to this moment, with an optional 1-5 rating.
    Note {
        area: Area,
        #[serde(default)]
        rating: Option<u8>,
        text: String,
    },
}

impl Command {
    /// Whether only the game master may issue this command.
    pub fn is_instructor(&self) -> bool {
        matches!(
            self,
            Command::TriggerInject(_)
                | Command::CustomInject { .. }
                | Command::AddResponder { .. }
                | Command::PageIn { .. }
                | Command::RemoveResponder(_)
                | Command::Note { .. }
        )
    }
}

/// The participant id instructor commands are issued by.
pub const GAME_MASTER: &str = "gm";

/// A command with the participant who issues it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub by: String,
    pub command: Command,
}
