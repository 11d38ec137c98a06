//! One pass over the event log, indexing what the criteria ask about: who
//! held which role when, the messages and their replies, the status page,
//! the ISD, production changes and the incident's milestones.

use std::collections::BTreeMap;

use crate::comms::{Channel, IsdSection, Message, MessageId, MessageKind, StatusPost};
use crate::drill::{Entry, Event, Outcome, Violation};
use crate::scenario::{ActionKind, Role, Scenario, Seat, Severity};
use crate::time::Tick;

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

/// Everything the criteria read, indexed once.
pub struct Facts<'a> {
    pub scenario: &'a Scenario,
    pub log: &'a [Entry],
    pub end: Tick,
    pub outcome: Option<Outcome>,
    pub people: Vec<Person>,
    pub on_call: Option<&'a str>,
    pub first_alert: Option<Tick>,
    pub declared: Option<(Tick, &'a str, Severity)>,
    pub mitigated: Option<Tick>,
    pub resolved: Option<Tick>,
    pub roles: Vec<RoleChange<'a>>,
    pub handoffs: Vec<Handoff<'a>>,
    pub messages: Vec<&'a Message>,
    message_index: BTreeMap<MessageId, usize>,
    /// First ack of each order, by order id.
    pub acks: BTreeMap<MessageId, Tick>,
    pub status: Vec<&'a StatusPost>,
    pub isd: Vec<IsdEdit<'a>>,
    pub actions: Vec<ActionTry<'a>>,
    pub violations: Vec<(Tick, &'a str, Violation, &'a str)>,
    pub causes: Vec<(Tick, &'a str)>,
    pub faults_started: Vec<(Tick, &'a str)>,
    pub tickets: Vec<Tick>,
}

impl<'a> Facts<'a> {
    /// Indexes a log of a drill on `scenario`.
    pub fn new(scenario: &'a Scenario, log: &'a [Entry]) -> Facts<'a> {
        let mut f = Facts {
            scenario,
            log,
            end: log.last().map_or(0, |e| e.at),
            outcome: None,
            people: Vec::new(),
            on_call: None,
            first_alert: None,
            declared: None,
            mitigated: None,
            resolved: None,
            roles: Vec::new(),
            handoffs: Vec::new(),
            messages: Vec::new(),
            message_index: BTreeMap::new(),
            acks: BTreeMap::new(),
            status: Vec::new(),
            isd: Vec::new(),
            actions: Vec::new(),
            violations: Vec::new(),
            causes: Vec::new(),
            faults_started: Vec::new(),
            tickets: Vec::new(),
        };
        for entry in log {
            f.index(entry);
        }
        f
    }

    fn index(&mut self, entry: &'a Entry) {
        let at = entry.at;
        match &entry.event {
            Event::Joined {
                who,
                name,
                human,
                seat,
            } => {
                if *seat == Some(Seat::IC) && self.on_call.is_none() {
                    self.on_call = Some(who);
                }
                self.people.push(Person {
                    id: who.clone(),
                    name: name.clone(),
                    human: *human,
                    seat: *seat,
                    joined: at,
                });
            }
            Event::AlertFired { .. } => {
                self.first_alert.get_or_insert(at);
            }
            Event::Declared { by, severity } => {
                self.declared.get_or_insert((at, by, *severity));
                self.roles.push(RoleChange {
                    at,
                    role: Role::IC,
                    to: Some(by),
                    by,
                    briefing: "",
                    kind: ChangeKind::Declared,
                });
            }
            Event::RoleAssigned {
                role,
                to,
                by,
                briefing,
            } => self.roles.push(RoleChange {
                at,
                role: role.clone(),
                to: Some(to),
                by,
                briefing,
                kind: ChangeKind::Assigned,
            }),
            Event::HandoffOffered {
                role,
                from,
                to,
                briefing,
            } => self.handoffs.push(Handoff {
                at,
                role: role.clone(),
                from,
                to,
                briefing,
                accepted: None,
            }),
            Event::HandoffAccepted { role, from, to } => {
                if let Some(h) = self
                    .handoffs
                    .iter_mut()
                    .rev()
                    .find(|h| h.role == *role && h.from == from && h.to == to)
                {
                    h.accepted = Some(at);
                }
                let briefing = self
                    .handoffs
                    .iter()
                    .rev()
                    .find(|h| h.role == *role && h.to == to)
                    .map_or("", |h| h.briefing);
                self.roles.push(RoleChange {
                    at,
                    role: role.clone(),
                    to: Some(to),
                    by: from,
                    briefing,
                    kind: ChangeKind::HandedOver,
                });
            }
            Event::RoleReleased { role, by } => self.roles.push(RoleChange {
                at,
                role: role.clone(),
                to: None,
                by,
                briefing: "",
                kind: ChangeKind::Released,
            }),
            Event::TeamCreated { team, lead, by } => self.roles.push(RoleChange {
                at,
                role: Role::TeamLead(team.clone()),
                to: Some(lead),
                by,
                briefing: "",
                kind: ChangeKind::TeamLead,
            }),
            Event::Posted(message) => {
                if message.kind == MessageKind::Ack
                    && let Some(order) = message.reply_to
                {
                    self.acks.entry(order).or_insert(at);
                }
                self.message_index.insert(message.id, self.messages.len());
                self.messages.push(message);
            }
            Event::ActionStarted {
                by, action, order, ..
            } => self.push_action(at, by, action, *order, false),
            Event::ActionRefused { by, action, .. } => self.push_action(at, by, action, None, true),
            Event::ViolationNoted {
                by,
                violation,
                detail,
            } => self.violations.push((at, by, *violation, detail)),
            Event::CauseRevealed { fault, .. } => self.causes.push((at, fault)),
            Event::FaultStarted { fault, .. } => self.faults_started.push((at, fault)),
            Event::StatusPosted(post) => self.status.push(post),
            Event::IsdEdited { by, section, text } => self.isd.push(IsdEdit {
                at,
                by,
                section: *section,
                text,
            }),
            Event::CustomerTicket { .. } => self.tickets.push(at),
            Event::IncidentMitigated => {
                self.mitigated.get_or_insert(at);
            }
            Event::IncidentResolved => {
                self.resolved.get_or_insert(at);
            }
            Event::DrillEnded { outcome, .. } => self.outcome = Some(*outcome),
            _ => {}
        }
    }

    fn push_action(
        &mut self,
        at: Tick,
        by: &'a str,
        action: &'a str,
        order: Option<MessageId>,
        refused: bool,
    ) {
        let known = self.scenario.actions.iter().find(|a| a.id == action);
        self.actions.push(ActionTry {
            at,
            by,
            action,
            kind: known.map_or(ActionKind::Diagnostic, |a| a.kind),
            trap: known.is_some_and(|a| a.trap),
            order,
            refused,
        });
    }

    /// A message by id.
    pub fn message(&self, id: MessageId) -> Option<&'a Message> {
        self.message_index.get(&id).map(|&i| self.messages[i])
    }

    /// A participant's display name (the id if unknown).
    pub fn name(&self, id: &str) -> String {
        if let Some(p) = self.people.iter().find(|p| p.id == id) {
            return p.name.clone();
        }
        self.scenario
            .executives
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| format!("{} ({})", e.name, e.title))
    }

    /// Whether `id` is someone the drill introduced (not an executive or outsider).
    pub fn is_participant(&self, id: &str) -> bool {
        self.people.iter().any(|p| p.id == id)
    }

    /// Whether `id` is one of the scenario's executives.
    pub fn is_executive(&self, id: &str) -> bool {
        self.scenario.executives.iter().any(|e| e.id == id)
    }

    /// Who held `role` at `at`: its explicit holder, else the IC (who holds
    /// every undelegated command role), else the person on call.
    pub fn holder(&self, role: &Role, at: Tick) -> Option<&'a str> {
        self.explicit_holder(role, at).or_else(|| match role {
            Role::IC => self.on_call,
            r if Role::COMMAND_ROLES.contains(r) => self.holder(&Role::IC, at),
            _ => None,
        })
    }

    /// The explicit holder of `role` at `at`, if it was given to someone.
    pub fn explicit_holder(&self, role: &Role, at: Tick) -> Option<&'a str> {
        let mut holder = None;
        for change in self.roles.iter().take_while(|c| c.at <= at) {
            if change.role == *role {
                holder = change.to;
            }
        }
        holder
    }

    /// When `role` was first given to someone explicitly.
    pub fn first_staffed(&self, role: &Role) -> Option<&RoleChange<'a>> {
        self.roles
            .iter()
            .find(|c| c.role == *role && c.to.is_some() && c.kind != ChangeKind::Released)
    }

    /// Whether `id` held any of `roles` at `at`.
    pub fn held_any(&self, id: &str, roles: &[Role], at: Tick) -> bool {
        roles.iter().any(|r| self.holder(r, at) == Some(id))
    }

    /// Seconds of the incident (first alert to end) during which `id` held
    /// any of `roles`, sampled once a minute.
    pub fn held_for(&self, id: &str, roles: &[Role]) -> (Tick, Tick) {
        let start = self.first_alert.unwrap_or(0);
        let mut held = 0;
        let mut total = 0;
        let mut t = start;
        while t <= self.end {
            total += 1;
            if self.held_any(id, roles, t) {
                held += 1;
            }
            t += 60;
        }
        (held, total.max(1))
    }

    /// Messages posted by people in the drill (not executives or outsiders).
    pub fn team_messages(&self) -> impl Iterator<Item = &'a Message> + '_ {
        self.messages
            .iter()
            .copied()
            .filter(|m| self.is_participant(&m.from))
    }

    /// Whether a channel is the command post.
    pub fn is_command_post(channel: &Channel) -> bool {
        *channel == Channel::CommandPost
    }

    /// When the incident stopped hurting or the drill ended: the window in
    /// which cadences (status page, reports, executive updates) are owed.
    pub fn open_until(&self) -> Tick {
        self.resolved.unwrap_or(self.end)
    }
}
