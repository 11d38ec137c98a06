//! One pass over the event log, indexing what the criteria ask about: who
//! held which role when, the messages and their replies, the status page,
//! the ISD, production changes and the incident's milestones.

use std::collections::BTreeMap;

use crate::base::time::Tick;
use crate::scenario::{ActionKind, Role, Scenario, Seat, Severity};
use crate::world::comms::{Channel, Message, MessageId, MessageKind, StatusPost};
use crate::world::people::holder_of;
use crate::world::{Entry, Event, Outcome, Violation};

pub(crate) use super::index::{HashMap, HashSet};
pub use super::index::{any_within, first_from};
pub use super::records::{ActionTry, ChangeKind, Handoff, IsdEdit, Person, RoleChange};

/// Everything the criteria read, indexed once.
pub struct Facts<'a> {
    pub scenario: &'a Scenario,
    pub log: &'a [Entry],
    pub end: Tick,
    pub outcome: Option<Outcome>,
    pub people: Vec<Person>,
    names: HashMap<&'a str, String>,
    pub on_call: Option<&'a str>,
    pub first_alert: Option<Tick>,
    pub declared: Option<(Tick, &'a str, Severity)>,
    pub mitigated: Option<Tick>,
    pub resolved: Option<Tick>,
    pub roles: Vec<RoleChange<'a>>,
    pub handoffs: Vec<Handoff<'a>>,
    pub messages: Vec<&'a Message>,
    /// Messages by people in the drill (not executives or outsiders), and
    /// the orders among them.
    pub team: Vec<&'a Message>,
    pub orders: Vec<&'a Message>,
    /// Messages by where they were posted or what they are (any sender).
    pub command_post: Vec<&'a Message>,
    pub executive: Vec<&'a Message>,
    pub liaison: Vec<&'a Message>,
    pub direct: Vec<&'a Message>,
    pub reports: Vec<&'a Message>,
    // Lookup-only indexes (never iterated, so hash order cannot leak out).
    /// Position of each message by id (ids count up from 1 in a drill's log).
    message_index: Vec<u32>,
    stray_ids: HashMap<MessageId, u32>,
    participants: HashSet<&'a str>,
    actions_by_id: HashMap<&'a str, (ActionKind, bool)>,
    /// First ack of each order, by order id.
    pub acks: BTreeMap<MessageId, Tick>,
    /// When each person posted a report, in order.
    pub reports_by: HashMap<&'a str, Vec<Tick>>,
    /// When each person mentioned each other person, in order.
    pub mentions_by: HashMap<(&'a str, &'a str), Vec<Tick>>,
    /// When proposals and decisions were posted, in order.
    pub proposals: Vec<Tick>,
    pub decisions: Vec<Tick>,
    pub status: Vec<&'a StatusPost>,
    pub isd: Vec<IsdEdit<'a>>,
    pub actions: Vec<ActionTry<'a>>,
    pub violations: Vec<(Tick, &'a str, Violation, &'a str)>,
    pub causes: Vec<(Tick, &'a str)>,
    pub tickets: Vec<Tick>,
    /// Obligations as they arose: when, id, and when discharged if ever.
    pub obligations: Vec<(Tick, &'a str, Option<Tick>)>,
    /// Each segment's harm at the end (engine 2 on).
    pub impact: Vec<crate::world::SegmentImpact>,
    /// When a segment first had data that needs repair.
    pub data_harmed: Option<Tick>,
    /// Diagnostics that found nothing wrong: finished, revealing nothing, on
    /// a component that was healthy then (when, action id).
    pub dead_ends: Vec<(Tick, &'a str)>,
    /// Components not healthy now, as the log has told it so far.
    unhealthy: HashSet<&'a str>,
    /// The entries a report's timelines are made of (incident milestones,
    /// roles, production changes, decisions, reports, status posts, ISD
    /// edits), in log order: tickets, health flaps and chat are left out.
    pub milestones: Vec<&'a Entry>,
    /// Observer notes pinned to moments (never part of the score).
    pub notes: Vec<&'a Entry>,
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
            names: HashMap::default(),
            on_call: None,
            first_alert: None,
            declared: None,
            mitigated: None,
            resolved: None,
            roles: Vec::new(),
            handoffs: Vec::new(),
            messages: Vec::with_capacity(log.len() / 2),
            team: Vec::new(),
            orders: Vec::new(),
            command_post: Vec::new(),
            executive: Vec::new(),
            liaison: Vec::new(),
            direct: Vec::new(),
            reports: Vec::new(),
            message_index: Vec::new(),
            stray_ids: HashMap::default(),
            participants: HashSet::default(),
            actions_by_id: scenario
                .actions
                .iter()
                .map(|a| (a.id.as_str(), (a.kind, a.trap)))
                .collect(),
            acks: BTreeMap::new(),
            reports_by: HashMap::default(),
            mentions_by: HashMap::default(),
            proposals: Vec::new(),
            decisions: Vec::new(),
            status: Vec::new(),
            isd: Vec::new(),
            actions: Vec::new(),
            violations: Vec::new(),
            causes: Vec::new(),
            tickets: Vec::new(),
            obligations: Vec::new(),
            data_harmed: None,
            impact: Vec::new(),
            dead_ends: Vec::new(),
            unhealthy: HashSet::default(),
            milestones: Vec::new(),
            notes: Vec::new(),
        };
        for entry in log {
            f.index(entry);
        }
        for e in &scenario.executives {
            f.names
                .entry(&e.id)
                .or_insert_with(|| format!("{} ({})", e.name, e.title));
        }
        f
    }

    fn index(&mut self, entry: &'a Entry) {
        let at = entry.at;
        let milestone = crate::world::classify(&entry.event).milestone;
        if let Event::ObserverNote { .. } = entry.event {
            self.notes.push(entry);
        }
        if milestone {
            self.milestones.push(entry);
        }
        match &entry.event {
            Event::Joined {
                who,
                name,
                human,
                seat,
            } => {
                self.participants.insert(who);
                self.names.insert(who, name.clone());
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
            // Noise added by a difficulty knob never starts the clock.
            Event::AlertFired { alert, .. }
                if !self
                    .scenario
                    .alerts
                    .iter()
                    .any(|a| a.noise && &a.id == alert) =>
            {
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
                match message.kind {
                    MessageKind::Report => {
                        self.reports_by.entry(&message.from).or_default().push(at);
                    }
                    MessageKind::Proposal => self.proposals.push(at),
                    MessageKind::Decision => self.decisions.push(at),
                    _ => {}
                }
                for to in &message.mentions {
                    self.mentions_by
                        .entry((&message.from, to))
                        .or_default()
                        .push(at);
                }
                // People join before they speak: whoever posts as a known
                // participant is on the team (executives and outsiders are not).
                if self.participants.contains(message.from.as_str()) {
                    self.team.push(message);
                    if message.kind == MessageKind::Order {
                        self.orders.push(message);
                    }
                }
                match message.channel {
                    Channel::CommandPost => self.command_post.push(message),
                    Channel::Executive => self.executive.push(message),
                    Channel::Liaison => self.liaison.push(message),
                    Channel::Direct(..) => self.direct.push(message),
                    _ => {}
                }
                if message.kind == MessageKind::Report {
                    self.reports.push(message);
                }
                // Ids count up from 1; a hand-edited file with wild ids goes to a map.
                let slot = message.id as usize;
                if slot <= self.messages.len() + 1024 {
                    if slot >= self.message_index.len() {
                        self.message_index.resize(slot + 1, u32::MAX);
                    }
                    self.message_index[slot] = self.messages.len() as u32;
                } else {
                    self.stray_ids
                        .insert(message.id, self.messages.len() as u32);
                }
                self.messages.push(message);
            }
            Event::ActionStarted {
                by, action, order, ..
            } => self.push_action(at, by, action, *order, false),
            Event::ActionRefused { by, action, .. } => self.push_action(at, by, action, None, true),
            Event::HealthChanged { component, health } => {
                if *health == crate::world::Health::Healthy {
                    self.unhealthy.remove(component.as_str());
                } else {
                    self.unhealthy.insert(component);
                }
            }
            Event::ActionFinished {
                action,
                success: true,
                ..
            } => {
                let scenario = self.scenario;
                let dead_end = scenario
                    .actions
                    .iter()
                    .find(|a| a.id == *action)
                    .is_some_and(|a| {
                        a.kind == ActionKind::Diagnostic
                            && a.effects.is_empty()
                            && !self
                                .unhealthy
                                .contains(scenario.components[a.target].id.as_str())
                    });
                if dead_end {
                    self.dead_ends.push((at, action));
                }
            }
            Event::ViolationNoted {
                by,
                violation,
                detail,
            } => self.violations.push((at, by, *violation, detail)),
            Event::CauseRevealed { fault, .. } => self.causes.push((at, fault)),
            Event::StatusPosted(post) => self.status.push(post),
            Event::IsdEdited { by, section, text } => self.isd.push(IsdEdit {
                at,
                by,
                section: *section,
                text,
            }),
            Event::CustomerTicket { .. } => self.tickets.push(at),
            Event::ObligationArose { obligation, .. } => {
                self.obligations.push((at, obligation, None));
            }
            Event::ObligationDischarged { obligation, .. } => {
                if let Some(o) = self
                    .obligations
                    .iter_mut()
                    .find(|o| o.1 == obligation && o.2.is_none())
                {
                    o.2 = Some(at);
                }
            }
            Event::SegmentHarmed {
                harm: crate::scenario::Harm::Wrong,
                ..
            } => {
                self.data_harmed.get_or_insert(at);
            }
            Event::IncidentMitigated => {
                self.mitigated.get_or_insert(at);
            }
            Event::IncidentResolved => {
                self.resolved.get_or_insert(at);
            }
            // A fault after recovery: the incident counts as recovered only
            // when it recovers again.
            Event::IncidentReopened { .. } => {
                self.mitigated = None;
                self.resolved = None;
            }
            Event::DrillEnded {
                outcome, impact, ..
            } => {
                self.outcome = Some(*outcome);
                self.impact.clone_from(impact);
            }
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
        let (kind, trap) = self
            .actions_by_id
            .get(action)
            .copied()
            .unwrap_or((ActionKind::Diagnostic, false));
        self.actions.push(ActionTry {
            at,
            by,
            action,
            kind,
            trap,
            order,
            refused,
        });
    }

    /// A message by id.
    pub fn message(&self, id: MessageId) -> Option<&'a Message> {
        self.message_index
            .get(id as usize)
            .filter(|&&i| i != u32::MAX)
            .or_else(|| self.stray_ids.get(&id))
            .map(|&i| self.messages[i as usize])
    }

    /// A participant's or executive's display name (the id if unknown).
    pub fn name<'s>(&'s self, id: &'s str) -> &'s str {
        self.names.get(id).map_or(id, String::as_str)
    }

    /// Whether an action of the scenario is a diagnostic or a remediation.
    pub fn action_kind(&self, id: &str) -> Option<ActionKind> {
        self.actions_by_id.get(id).map(|&(kind, _)| kind)
    }

    /// Whether `id` is someone the drill introduced (not an executive or outsider).
    pub fn is_participant(&self, id: &str) -> bool {
        self.participants.contains(id)
    }

    /// Whether `id` is one of the scenario's executives.
    pub fn is_executive(&self, id: &str) -> bool {
        self.scenario.executives.iter().any(|e| e.id == id)
    }

    /// Who held `role` at `at`: its explicit holder, else the IC (who holds
    /// every undelegated command role), else the person on call.
    pub fn holder(&self, role: &Role, at: Tick) -> Option<&'a str> {
        // Before the rota's assignment is logged, the on-call already holds IC.
        holder_of(role, |r| {
            self.explicit_holder(r, at)
                .or_else(|| (*r == Role::IC).then_some(self.on_call).flatten())
        })
    }

    /// Who held `role` from `from` to `to`, in consecutive stretches
    /// `(holder, start, end)` (the IC's while the role was undelegated).
    pub fn tenures(&self, role: &Role, from: Tick, to: Tick) -> Vec<(&'a str, Tick, Tick)> {
        let mut out: Vec<(&'a str, Tick, Tick)> = Vec::new();
        let cuts = self
            .roles
            .iter()
            .filter(|c| c.at > from && c.at < to && (c.role == *role || c.role == Role::IC))
            .map(|c| c.at);
        let mut start = from;
        for cut in cuts.chain(std::iter::once(to.max(from))) {
            let who = self.holder(role, start).unwrap_or("");
            let empty = out.is_empty();
            match out.last_mut() {
                Some(last) if last.0 == who => last.2 = cut,
                _ if cut > start || empty => out.push((who, start, cut)),
                _ => {}
            }
            start = cut;
        }
        out
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

    /// Minutes of the incident (first alert to end) during which `id` held
    /// any of `roles`, and the incident's length in minutes.
    pub fn held_for(&self, id: &str, roles: &[Role]) -> (Tick, Tick) {
        let start = u64::from(self.first_alert.unwrap_or(0));
        let end = u64::from(self.end).max(start);
        // Once a minute, and never more than a day's worth of samples.
        let step = ((end - start) / 1440).max(60);
        let (mut held, mut total) = (0u64, 0u64);
        let mut t = start;
        while t <= end {
            total += 1;
            if self.held_any(id, roles, t as Tick) {
                held += 1;
            }
            t += step;
        }
        let minutes = |n: u64| (n * step / 60) as Tick;
        (minutes(held), minutes(total).max(1))
    }

    /// Messages posted by people in the drill (not executives or outsiders).
    pub fn team_messages(&self) -> impl Iterator<Item = &'a Message> + '_ {
        self.team.iter().copied()
    }

    /// Messages posted in `from..=to` (the log is in time order).
    pub fn messages_between(&self, from: Tick, to: Tick) -> &[&'a Message] {
        let start = self.messages.partition_point(|m| m.at < from);
        let end = self.messages.partition_point(|m| m.at <= to);
        &self.messages[start..end.max(start)]
    }

    /// When the incident stopped hurting or the drill ended: the window in
    /// which cadences (status page, reports, executive updates) are owed.
    pub fn open_until(&self) -> Tick {
        self.resolved.unwrap_or(self.end)
    }
}
