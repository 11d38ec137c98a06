//! Applying one command: the core enforces doctrine here (who may do what),
//! records refusals, and turns accepted commands into events.

mod production;
mod roles;

use super::Drill;
use super::command::{Command, Task};
use super::event::Event;
use crate::base::time::{Tick, clock};
use crate::scenario::Role;
use crate::world::comms::{Can, Channel, Message, MessageId, MessageKind, StatusPost, mentions_in};

impl Drill {
    /// Applies a command from `by` at the current tick.
    pub(crate) fn apply(&mut self, by: &str, command: Command) {
        if !self.people.is_present(by) {
            let reason = match self.people.get(by) {
                Some(p) if p.joins_at < self.now => format!("{} has left the drill", p.name),
                Some(p) => format!("{} has not joined yet", p.name),
                None => format!("nobody called `{by}` is in this drill"),
            };
            return self.refuse(by, command, reason);
        }
        if let Err(reason) = self.try_apply(by, &command) {
            self.refuse(by, command, reason);
        }
    }

    fn refuse(&mut self, by: &str, command: Command, reason: String) {
        self.emit(Event::CommandRefused {
            by: by.into(),
            command: Box::new(command),
            reason,
        });
    }

    fn name(&self, id: &str) -> String {
        self.people
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn require_present(&self, id: &str) -> Result<(), String> {
        match self.people.get(id) {
            Some(p) if p.present => Ok(()),
            Some(p) if p.joins_at < self.now => Err(format!("{} has left the drill", p.name)),
            Some(p) => Err(format!("{} has not joined yet", p.name)),
            None => Err(format!("nobody called `{id}` is in this drill")),
        }
    }

    fn require_role(&self, by: &str, role: &Role, what: &str) -> Result<(), String> {
        if self.people.holds(by, role) {
            return Ok(());
        }
        let holder = self
            .people
            .holder(role)
            .map_or("nobody".to_string(), |h| self.name(h));
        Err(format!(
            "{what} is the {}'s job ({holder} holds {}); ask them",
            role.label(),
            role.label()
        ))
    }

    fn try_apply(&mut self, by: &str, command: &Command) -> Result<(), String> {
        match command {
            Command::AckAlert(alert) => {
                let i = self
                    .scenario
                    .alerts
                    .iter()
                    .position(|a| &a.id == alert)
                    .ok_or_else(|| format!("no alert `{alert}`"))?;
                if !self.alerts[i].firing() {
                    return Err(format!("alert `{alert}` is not firing"));
                }
                self.alerts[i].acked = true;
                self.emit(Event::AlertAcked {
                    alert: alert.clone(),
                    by: by.into(),
                });
            }
            Command::Declare(severity) => {
                if let Some(at) = self.declared {
                    return Err(format!(
                        "the incident was already declared at {}",
                        clock(at)
                    ));
                }
                self.require_role(by, &Role::IC, "declaring")?;
                self.declared = Some(self.now);
                self.emit(Event::Declared {
                    by: by.into(),
                    severity: *severity,
                });
                let text = format!(
                    "Declaring a {severity:?} incident. I am the Incident Commander. Command post is here."
                );
                self.post(
                    by,
                    Channel::CommandPost,
                    MessageKind::StatusUpdate,
                    text,
                    None,
                    None,
                );
            }
            Command::Assign { role, to, briefing } => self.assign(by, role, to, briefing)?,
            Command::Handoff { role, to, briefing } => self.handoff(by, role, to, briefing)?,
            Command::AcceptHandoff(role) => self.accept_handoff(by, role)?,
            Command::Release(role) => self.release(by, role)?,
            Command::CreateTeam { team, lead } => self.create_team(by, team, lead)?,
            Command::JoinTeam { team, person } => self.join_team(by, team, person)?,
            Command::Say {
                channel,
                kind,
                text,
            } => {
                self.check_channel(by, channel)?;
                if text.trim().is_empty() {
                    return Err("the message is empty".into());
                }
                if *kind == MessageKind::Order {
                    let to = mentions_in(text).into_iter().next();
                    let timebox = crate::base::time::timebox_in(text);
                    return self.order(
                        by,
                        to.as_deref(),
                        Task::Free(text.clone()),
                        timebox,
                        text,
                        channel.clone(),
                    );
                }
                if *kind == MessageKind::Decision {
                    self.require_role(by, &Role::IC, "deciding")?;
                }
                self.post(by, channel.clone(), *kind, text.clone(), None, None);
            }
            Command::Order {
                to,
                task,
                timebox,
                text,
            } => {
                let text = if text.is_empty() {
                    task.describe()
                } else {
                    text.clone()
                };
                self.order(
                    by,
                    to.as_deref(),
                    task.clone(),
                    timebox.map(|d| d.0),
                    &text,
                    Channel::CommandPost,
                )?;
            }
            Command::Ack | Command::AckOrder(_) => {
                let wanted = match command {
                    Command::AckOrder(msg) => Some(*msg),
                    _ => None,
                };
                let i = self
                    .orders
                    .iter()
                    .rposition(|o| {
                        o.to.as_deref() == Some(by)
                            && o.acked_at.is_none()
                            && wanted.is_none_or(|m| o.msg == m)
                    })
                    .ok_or_else(|| format!("no unacknowledged order for {}", self.name(by)))?;
                self.orders[i].acked_at = Some(self.now);
                let (msg, from, task) = (
                    self.orders[i].msg,
                    self.orders[i].from.clone(),
                    self.orders[i].task.describe(),
                );
                self.post(
                    by,
                    Channel::CommandPost,
                    MessageKind::Ack,
                    format!("@{from} ack: {task}"),
                    None,
                    Some(msg),
                );
            }
            Command::Report {
                to,
                conditions,
                actions,
                needs,
                channel,
            } => {
                let channel = channel.clone().unwrap_or(Channel::CommandPost);
                self.check_channel(by, &channel)?;
                let to = to
                    .clone()
                    .or_else(|| self.people.supervisor_of(by).map(String::from));
                let can = Can {
                    conditions: conditions.clone(),
                    actions: actions.clone(),
                    needs: needs.clone(),
                };
                let mention = to.map(|t| format!("@{t} ")).unwrap_or_default();
                // A report is about the orders its author has answered
                // (acknowledged, or posted since they arrived); an order that
                // arrived while they were writing it stays open. Someone who
                // never acknowledges reports on everything open. While they
                // still have work running it is a progress report: nothing closes.
                let open =
                    |o: &super::orders::OrderState| o.to.as_deref() == Some(by) && o.is_open();
                let acked_only = self.orders.iter().any(|o| open(o) && o.acked_at.is_some());
                let last_post = self
                    .messages
                    .iter()
                    .rev()
                    .find(|m| m.from == by)
                    .map(|m| m.at);
                let busy = self.work.iter().any(|w| w.by == by);
                for order in self.orders.iter_mut().filter(|o| {
                    open(o)
                        && (!acked_only
                            || o.acked_at.is_some()
                            || last_post.is_some_and(|t| o.at <= t))
                }) {
                    order.reported_at = Some(self.now);
                    order.done = !busy;
                }
                self.post(
                    by,
                    channel,
                    MessageKind::Report,
                    format!("{mention}{}", can.render()),
                    None,
                    None,
                );
            }
            Command::Propose(text) => {
                let mut text = text.clone();
                if !text.to_lowercase().contains("objection") {
                    text.push_str(" Any strong objections?");
                }
                self.post(
                    by,
                    Channel::CommandPost,
                    MessageKind::Proposal,
                    text,
                    None,
                    None,
                );
            }
            Command::Decide(text) => {
                self.require_role(by, &Role::IC, "deciding")?;
                let proposal = self.threads.open_proposal();
                self.post(
                    by,
                    Channel::CommandPost,
                    MessageKind::Decision,
                    text.clone(),
                    None,
                    proposal,
                );
            }
            Command::Run(action) => self.run_action(by, action)?,
            Command::PostStatus {
                state,
                impact,
                components,
                next_update,
                text,
            } => {
                self.require_role(by, &Role::CL, "the status page")?;
                if impact.trim().is_empty() && text.trim().is_empty() {
                    return Err(
                        "a status post needs at least the customer impact or a message".into(),
                    );
                }
                let post = StatusPost {
                    at: self.now,
                    by: by.into(),
                    state: *state,
                    impact: impact.clone(),
                    components: components.clone(),
                    next_update: next_update.map(|d| self.now + d.0),
                    text: text.clone(),
                };
                self.status.push(post.clone());
                self.emit(Event::StatusPosted(Box::new(post)));
            }
            Command::EditIsd { section, text } => {
                if self.people.is_observer(by) {
                    return Err("observers do not edit the ISD".into());
                }
                if text.trim().is_empty() {
                    return Err("the edit is empty".into());
                }
                self.isd.edit(*section, text, self.now, by);
                self.emit(Event::IsdEdited {
                    by: by.into(),
                    section: *section,
                    text: text.clone(),
                });
            }
            Command::Close => {
                self.require_role(by, &Role::IC, "closing the incident")?;
                if self.resolved_at.is_none() {
                    return Err(
                        "the incident is not resolved yet; the exit criteria still fail".into(),
                    );
                }
                self.closed = true;
                self.emit(Event::Closed { by: by.into() });
            }
            Command::TriggerInject(_)
            | Command::CustomInject { .. }
            | Command::AddResponder { .. }
            | Command::PageIn { .. }
            | Command::RemoveResponder(_)
            | Command::Note { .. } => {
                return Err("only the game master can do that".into());
            }
        }
        Ok(())
    }

    fn check_channel(&self, by: &str, channel: &Channel) -> Result<(), String> {
        match channel {
            Channel::Team(team) if !self.people.teams.contains_key(team) => {
                Err(format!("no team channel `{team}`"))
            }
            Channel::Direct(a, b) if a != by && b != by => {
                Err("a direct message must include its sender".into())
            }
            Channel::Direct(a, b) => self.require_present(if a == by { b } else { a }),
            Channel::Liaison if !crate::world::can_read(&self.people, by, channel) => Err(format!(
                "#liaison speaks for the company to outside parties: the IC and the CL write there; {} does not hold either role",
                self.name(by)
            )),
            Channel::Restricted if !self.people.cleared_for_restricted(by) => Err(format!(
                "#restricted is need-to-know: the IC, OL, CL, the teams and security staff; {} is not cleared",
                self.name(by)
            )),
            _ => Ok(()),
        }
    }

    /// Posts a message and returns its id. A report's three parts are read
    /// from its text here, once, as everyone after (simulated people, the
    /// scorer, a session reader) will take them.
    pub(crate) fn post(
        &mut self,
        from: &str,
        channel: Channel,
        kind: MessageKind,
        text: String,
        due: Option<Tick>,
        reply_to: Option<MessageId>,
    ) -> MessageId {
        let report = (kind == MessageKind::Report)
            .then(|| Can::parse(&text).ok().map(Box::new))
            .flatten();
        self.publish(Message {
            text,
            due,
            reply_to,
            report,
            ..Message::new(from, channel, kind)
        })
    }

    /// Numbers, dates and posts a message; mentions are read from its text.
    pub(crate) fn publish(&mut self, mut message: Message) -> MessageId {
        message.id = self.messages.len() as MessageId + 1;
        message.at = self.now;
        message.mentions = mentions_in(&message.text);
        if let Channel::Direct(a, b) = &message.channel {
            message.channel = Channel::direct(a, b);
        }
        let id = message.id;
        let from_team = self.people.get(&message.from).is_some();
        self.threads.record(&message, from_team);
        self.discharge_by_notice(&message);
        self.messages.push(message.clone());
        self.emit(Event::Posted(Box::new(message)));
        id
    }
}

#[cfg(test)]
mod tests;
