//! The event log: everything that happened, in order, with its tick. It is
//! append-only and deterministic: same scenario, seed and commands give the
//! same log, byte for byte.

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;
use crate::scenario::Area;
use crate::scenario::{AlertSeverity, Persona, Role, Seat, Severity};
use crate::world::comms::{IsdSection, Message, StatusPost};
use crate::world::drill::command::Command;
pub use crate::world::sim::platform::Health;

/// A breach of doctrine the core noticed as it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Violation {
    /// Someone outside the Operations chain tried to change production.
    OutsideOpsChain,
    /// A production change nobody ordered or decided.
    Freelancing,
    /// A wrong fix that made things worse.
    WrongFix,
}

/// How the drill ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Every `resolved` exit criterion held.
    Resolved,
    /// Time ran out after mitigation but before resolution.
    MitigatedOnly,
    /// Time ran out with customers still hurting.
    Unmitigated,
}

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    DrillStarted {
        scenario: String,
        seed: u64,
    },
    Joined {
        who: String,
        name: String,
        human: bool,
        seat: Option<Seat>,
    },
    FaultStarted {
        fault: String,
        component: String,
    },
    HealthChanged {
        component: String,
        health: Health,
    },
    AlertFired {
        alert: String,
        component: String,
        severity: AlertSeverity,
        text: String,
    },
    AlertResolved {
        alert: String,
    },
    AlertAcked {
        alert: String,
        by: String,
    },
    Declared {
        by: String,
        severity: Severity,
    },
    RoleAssigned {
        role: Role,
        to: String,
        by: String,
        briefing: String,
    },
    HandoffOffered {
        role: Role,
        from: String,
        to: String,
        briefing: String,
    },
    HandoffAccepted {
        role: Role,
        from: String,
        to: String,
    },
    RoleReleased {
        role: Role,
        by: String,
    },
    TeamCreated {
        team: String,
        lead: String,
        by: String,
    },
    TeamJoined {
        team: String,
        who: String,
        by: String,
    },
    /// Someone left a team (to take command).
    TeamLeft {
        team: String,
        who: String,
    },
    /// Boxed, like the other large payloads, so the log stays compact to scan.
    Posted(Box<Message>),
    ActionStarted {
        by: String,
        action: String,
        order: Option<u32>,
        ends_at: Tick,
    },
    ActionFinished {
        by: String,
        action: String,
        success: bool,
        finding: Option<String>,
    },
    ActionRefused {
        by: String,
        action: String,
        reason: String,
    },
    ViolationNoted {
        by: String,
        violation: Violation,
        detail: String,
    },
    CauseRevealed {
        fault: String,
        by: String,
        root_cause: String,
    },
    FaultMitigated {
        fault: String,
        by: String,
    },
    FaultResolved {
        fault: String,
        by: String,
    },
    /// A fault with a deadline was made safe before it struck.
    FaultDefused {
        fault: String,
        by: String,
    },
    /// A segment has suffered a kind of harm for the first time (one unit).
    SegmentHarmed {
        segment: String,
        harm: crate::scenario::Harm,
    },
    /// Harm was done that the company now owes something for.
    ObligationArose {
        obligation: String,
        name: String,
        owner: Seat,
    },
    /// What was owed is paid: the action ran, or the notice was sent.
    ObligationDischarged {
        obligation: String,
        by: String,
    },
    StatusPosted(Box<StatusPost>),
    IsdEdited {
        by: String,
        section: IsdSection,
        text: String,
    },
    CustomerTicket {
        from: String,
        text: String,
    },
    InjectDelivered {
        from: Persona,
        text: String,
        /// Delivered by the game master (live or ahead of schedule), not by the scenario's clock.
        #[serde(default, skip_serializing_if = "is_false")]
        instructor: bool,
    },
    /// A simulated responder was called away by the game master.
    Left {
        who: String,
        name: String,
    },
    /// An observer's note pinned to this moment; never part of the score.
    ObserverNote {
        by: String,
        area: Area,
        rating: Option<u8>,
        text: String,
    },
    ExecutiveEscalated {
        executive: String,
        text: String,
    },
    CommandRefused {
        by: String,
        command: Box<Command>,
        reason: String,
    },
    IncidentMitigated,
    IncidentResolved,
    /// A fault started after mitigation or resolution: the incident is open again.
    IncidentReopened {
        fault: String,
    },
    Closed {
        by: String,
    },
    DrillEnded {
        outcome: Outcome,
        failed_orders: u64,
        peak_users_affected: u32,
        /// Each segment's count of harm (engine 2 on).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        impact: Vec<SegmentImpact>,
    },
}

/// What one customer segment suffered, in its own unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentImpact {
    pub segment: String,
    pub blocked: u64,
    pub stranded: u64,
    pub wrong: u64,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An event with the tick it happened at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub at: Tick,
    pub event: Event,
}
