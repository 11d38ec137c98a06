//! A drill as one person has been told it: a network client keeps one,
//! built from the events the host sends (only those its person may see) and
//! the platform's readings, in the same shape as the drill itself so every
//! panel reads it alike. It never simulates: nothing happens in a mirror
//! that the host did not report.

use super::event::{Entry, Event};
use super::orders::OrderState;
use super::people::{Participant, PendingHandoff, Team};
use super::work::Work;
use super::{Drill, Task};
use crate::base::time::Tick;
use crate::scenario::{Role, Scenario};
use crate::world::comms::MessageKind;

/// What the platform's instruments read at a moment: what dashboards and the
/// map show, without what causes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Readings {
    pub at: Tick,
    /// Current value of each metric of each component.
    pub values: Vec<Vec<f64>>,
    /// Every segment's blocked units (a mirror reads them from `harm`).
    pub failed_orders: f64,
    pub users_affected: u32,
    pub peak_users_affected: u32,
    /// Each segment's harm so far (blocked, stranded, wrong).
    #[serde(default)]
    pub harm: Vec<[f64; 3]>,
    /// The dashboards' whole history so far, for someone who (re)joins late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<Vec<Vec<f32>>>>,
}

impl Drill {
    /// An empty mirror of a drill on `scenario` (as the host shared it: no
    /// hidden causes, no injects to come). Events fill it.
    pub fn mirror(scenario: Scenario) -> Drill {
        Drill::new_empty(scenario)
    }

    /// The platform's readings now, for a mirror; with the dashboards'
    /// history for someone who (re)joins.
    pub fn readings(&self, with_history: bool) -> Readings {
        Readings {
            at: self.now,
            values: self.platform.values.clone(),
            failed_orders: self.platform.failed_orders(),
            users_affected: self.platform.users_affected,
            peak_users_affected: self.platform.peak_users_affected,
            harm: self.platform.harm.clone(),
            history: with_history.then(|| self.platform.series.clone()),
        }
    }

    /// Takes in the platform's readings (every dashboard sample the host takes).
    pub fn absorb_readings(&mut self, readings: &Readings) {
        let shape_fits = readings.values.len() == self.platform.values.len()
            && readings
                .values
                .iter()
                .zip(&self.platform.values)
                .all(|(a, b)| a.len() == b.len());
        if !shape_fits {
            return;
        }
        self.platform.values = readings.values.clone();
        match &readings.history {
            Some(history) if history.len() == self.platform.series.len() => {
                self.platform.series = history.clone();
            }
            _ => self.platform.record_sample(),
        }
        self.platform.users_affected = readings.users_affected;
        self.platform.peak_users_affected = readings.peak_users_affected;
        if readings.harm.len() == self.platform.harm.len() {
            self.platform.harm = readings.harm.clone();
        }
        self.now = self.now.max(readings.at);
    }

    /// Moves a mirror's clock on (the host's time: the next tick to be simulated).
    pub fn absorb_clock(&mut self, now: Tick) {
        self.now = self.now.max(now);
    }

    /// Takes in one event the host reported.
    pub fn absorb(&mut self, entry: &Entry) {
        let at = entry.at;
        self.now = self.now.max(at);
        match &entry.event {
            Event::Joined {
                who,
                name,
                human,
                seat,
            } => match self.people.list.iter_mut().find(|p| p.id == *who) {
                Some(p) => p.present = true,
                None => self.people.list.push(Participant {
                    id: who.clone(),
                    name: name.clone(),
                    human: *human,
                    seat: *seat,
                    skills: Vec::new(),
                    traits: Vec::new(),
                    joins_at: at,
                    present: true,
                }),
            },
            Event::Left { who, .. } => {
                if let Some(p) = self.people.list.iter_mut().find(|p| p.id == *who) {
                    p.present = false;
                }
            }
            Event::RoleAssigned { role, to, .. } => {
                if *role == Role::Observer {
                    self.people.leave_team(to);
                    self.people.observers.insert(to.clone());
                } else {
                    self.people.set_holder(role.clone(), to);
                }
            }
            Event::HandoffOffered { role, from, to, .. } => {
                self.people.handoffs.retain(|h| h.role != *role);
                self.people.handoffs.push(PendingHandoff {
                    role: role.clone(),
                    from: from.clone(),
                    to: to.clone(),
                });
            }
            Event::HandoffAccepted { role, to, .. } => {
                self.people
                    .handoffs
                    .retain(|h| !(h.role == *role && h.to == *to));
                self.people.set_holder(role.clone(), to);
            }
            Event::RoleReleased { role, .. } => self.people.clear_holder(role),
            Event::TeamCreated { team, lead, .. } => {
                self.people.teams.insert(
                    team.clone(),
                    Team {
                        lead: lead.clone(),
                        members: Vec::new(),
                    },
                );
                self.people.join_team(team, lead);
            }
            Event::TeamJoined { team, who, .. } => self.people.join_team(team, who),
            Event::TeamLeft { who, .. } => self.people.leave_team(who),
            Event::Posted(message) => {
                let message = (**message).clone();
                if message.kind == MessageKind::Order {
                    self.orders.push(OrderState {
                        msg: message.id,
                        at,
                        from: message.from.clone(),
                        from_ops_chain: self.people.in_ops_chain(&message.from),
                        to: message.mentions.first().cloned(),
                        task: message
                            .task
                            .clone()
                            .unwrap_or(Task::Free(message.text.clone())),
                        due: message.due,
                        text: message.text.clone(),
                        acked_at: None,
                        reported_at: None,
                        done: false,
                    });
                }
                if message.kind == MessageKind::Ack
                    && let Some(order) = message.reply_to
                    && let Some(o) = self.orders.iter_mut().find(|o| o.msg == order)
                {
                    o.acked_at = Some(at);
                }
                if message.kind == MessageKind::Report {
                    for o in self
                        .orders
                        .iter_mut()
                        .filter(|o| o.to.as_deref() == Some(message.from.as_str()) && !o.done)
                    {
                        o.reported_at = Some(at);
                    }
                }
                let from_team = self.people.get(&message.from).is_some();
                self.threads.record(&message, from_team);
                self.messages.push(message);
            }
            Event::ActionStarted {
                by,
                action,
                order,
                ends_at,
            } => {
                if let Some(i) = self.scenario.actions.iter().position(|a| a.id == *action) {
                    self.work.push(Work {
                        by: by.clone(),
                        action: i,
                        started: at,
                        ends_at: *ends_at,
                        order: *order,
                    });
                }
            }
            Event::ActionFinished {
                by,
                action,
                success,
                ..
            } => {
                let index = self.scenario.actions.iter().position(|a| a.id == *action);
                self.work
                    .retain(|w| !(w.by == *by && Some(w.action) == index));
                if let (true, Some(i)) = (*success, index)
                    && let Some(done) = self.done.get_mut(i)
                {
                    *done = true;
                }
            }
            Event::AlertFired { alert, .. } => {
                if let Some(state) = self.alert_state(alert) {
                    state.firing_since = Some(at);
                    state.acked = false;
                }
            }
            Event::AlertResolved { alert } => {
                if let Some(state) = self.alert_state(alert) {
                    state.firing_since = None;
                }
            }
            Event::AlertAcked { alert, .. } => {
                if let Some(state) = self.alert_state(alert) {
                    state.acked = true;
                }
            }
            Event::HealthChanged { component, health } => {
                if let Some(i) = self
                    .scenario
                    .components
                    .iter()
                    .position(|c| c.id == *component)
                {
                    self.platform.health[i] = *health;
                }
            }
            Event::Declared { .. } => self.declared = Some(at),
            Event::StatusPosted(post) => self.status.push((**post).clone()),
            Event::IsdEdited { by, section, text } => self.isd.edit(*section, text, at, by),
            Event::IncidentMitigated => self.mitigated_at = Some(at),
            Event::IncidentResolved => {
                self.resolved_at = Some(at);
                self.mitigated_at.get_or_insert(at);
            }
            Event::IncidentReopened { .. } => {
                self.mitigated_at = None;
                self.resolved_at = None;
            }
            Event::Closed { .. } => self.closed = true,
            Event::DrillEnded { outcome, .. } => self.outcome = Some(*outcome),
            Event::ObligationArose { .. } | Event::ObligationDischarged { .. } => {
                self.note_debt(&entry.event)
            }
            Event::DrillStarted { .. }
            | Event::FaultStarted { .. }
            | Event::ActionRefused { .. }
            | Event::ViolationNoted { .. }
            | Event::CauseRevealed { .. }
            | Event::FaultMitigated { .. }
            | Event::FaultResolved { .. }
            | Event::FaultDefused { .. }
            | Event::SegmentHarmed { .. }
            | Event::CustomerTicket { .. }
            | Event::InjectDelivered { .. }
            | Event::ObserverNote { .. }
            | Event::ExecutiveEscalated { .. }
            | Event::CommandRefused { .. } => {}
        }
        self.log.push(entry.clone());
    }

    fn alert_state(&mut self, id: &str) -> Option<&mut crate::world::sim::alerts::AlertState> {
        let i = self.scenario.alerts.iter().position(|a| a.id == id)?;
        self.alerts.get_mut(i)
    }
}
