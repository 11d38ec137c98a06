//! The records scoring keeps about the log: people, ISD edits, production
//! changes, role changes and handoffs.

use crate::base::time::Tick;
use crate::scenario::{ActionKind, Role, Seat};
use crate::world::comms::{IsdSection, MessageId};

/// A participant as the log introduced them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub human: bool,
    pub seat: Option<Seat>,
    pub joined: Tick,
}

/// An ISD edit.
#[derive(Debug, Clone, Copy)]
pub struct IsdEdit<'a> {
    pub at: Tick,
    pub by: &'a str,
    pub section: IsdSection,
    pub text: &'a str,
}

/// A production change or diagnostic that started, or was refused.
#[derive(Debug, Clone, Copy)]
pub struct ActionTry<'a> {
    pub at: Tick,
    pub by: &'a str,
    pub action: &'a str,
    pub kind: ActionKind,
    pub trap: bool,
    pub order: Option<MessageId>,
    /// Refused by the core (outside the Operations chain, or not possible yet).
    pub refused: bool,
}

/// A role given, handed over or released, with the briefing that came with it.
#[derive(Debug, Clone)]
pub struct RoleChange<'a> {
    pub at: Tick,
    pub role: Role,
    /// The new explicit holder; `None` when released back to the IC.
    pub to: Option<&'a str>,
    pub by: &'a str,
    pub briefing: &'a str,
    pub kind: ChangeKind,
}

/// How a role changed hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Declared,
    Assigned,
    HandedOver,
    Released,
    TeamLead,
}

/// A handoff offer and what became of it.
#[derive(Debug, Clone)]
pub struct Handoff<'a> {
    pub at: Tick,
    pub role: Role,
    pub from: &'a str,
    pub to: &'a str,
    pub briefing: &'a str,
    pub accepted: Option<Tick>,
}
