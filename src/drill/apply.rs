//! Applying one command: the core enforces doctrine here (who may do what),
//! records refusals, and turns accepted commands into events.

use super::Drill;
use super::command::{Command, Task};
use super::event::{Event, Violation};
use super::orders::OrderState;
use super::people::{PendingHandoff, Team};
use super::work::{Work, duration_for};
use crate::comms::{Channel, Message, MessageId, MessageKind, StatusPost, mentions_in};
use crate::scenario::{ActionKind, Role, validate::valid_id};
use crate::time::{Tick, clock};

impl Drill {
    /// Applies a command from `by` at the current tick.
    pub(crate) fn apply(&mut self, by: &str, command: Command) {
        if !self.people.is_present(by) {
            let reason = match self.people.get(by) {
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
            command,
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
            Command::Handoff { role, to, briefing } => {
                if !self.people.holds(by, role) {
                    return Err(format!("{} does not hold {}", self.name(by), role.label()));
                }
                self.require_present(to)?;
                if to == by {
                    return Err("a handoff needs someone else to take the role".into());
                }
                self.people.handoffs.retain(|h| h.role != *role);
                self.people.handoffs.push(PendingHandoff {
                    role: role.clone(),
                    from: by.into(),
                    to: to.clone(),
                });
                self.emit(Event::HandoffOffered {
                    role: role.clone(),
                    from: by.into(),
                    to: to.clone(),
                    briefing: briefing.clone(),
                });
            }
            Command::AcceptHandoff(role) => {
                let i = self
                    .people
                    .handoffs
                    .iter()
                    .position(|h| h.role == *role && h.to == by)
                    .ok_or_else(|| {
                        format!("nobody has offered {} to {}", role.label(), self.name(by))
                    })?;
                let handoff = self.people.handoffs.remove(i);
                if !self.people.holds(&handoff.from, role) {
                    return Err(format!(
                        "{} no longer holds {}",
                        self.name(&handoff.from),
                        role.label()
                    ));
                }
                if *role == Role::IC {
                    // The old IC keeps only what was explicitly theirs.
                    self.people.set_holder(Role::IC, by);
                } else {
                    self.people.set_holder(role.clone(), by);
                }
                self.emit(Event::HandoffAccepted {
                    role: role.clone(),
                    from: handoff.from,
                    to: by.into(),
                });
            }
            Command::Release(role) => {
                if *role == Role::IC {
                    return Err("the IC cannot simply leave: hand off IC with a briefing".into());
                }
                if self.people.explicit_holder(role) != Some(by) {
                    return Err(format!("{} does not hold {}", self.name(by), role.label()));
                }
                self.people.clear_holder(role);
                self.emit(Event::RoleReleased {
                    role: role.clone(),
                    by: by.into(),
                });
            }
            Command::CreateTeam { team, lead } => {
                self.require_role(by, &Role::OL, "forming teams")?;
                if !valid_id(team) {
                    return Err(format!(
                        "`{team}` is not a usable team name: lowercase letters, digits and `-`"
                    ));
                }
                if self.people.teams.contains_key(team) {
                    return Err(format!("team `{team}` already exists"));
                }
                self.require_present(lead)?;
                self.people.teams.insert(
                    team.clone(),
                    Team {
                        lead: lead.clone(),
                        members: Vec::new(),
                    },
                );
                self.people.join_team(team, lead);
                self.emit(Event::TeamCreated {
                    team: team.clone(),
                    lead: lead.clone(),
                    by: by.into(),
                });
            }
            Command::JoinTeam { team, person } => {
                let lead = self
                    .people
                    .teams
                    .get(team)
                    .map(|t| t.lead.clone())
                    .ok_or_else(|| format!("no team `{team}`; the OL creates teams first"))?;
                if lead != by && !self.people.holds(by, &Role::OL) {
                    return Err(format!("only the OL or the lead of `{team}` staffs it"));
                }
                self.require_present(person)?;
                self.people.join_team(team, person);
                self.emit(Event::TeamJoined {
                    team: team.clone(),
                    who: person.clone(),
                    by: by.into(),
                });
            }
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
                    let timebox = crate::time::timebox_in(text);
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
                let text = format!("C: {conditions} A: {actions} N: {needs}");
                let mention = to.map(|t| format!("@{t} ")).unwrap_or_default();
                let busy = self.work.iter().any(|w| w.by == by);
                for order in self
                    .orders
                    .iter_mut()
                    .filter(|o| o.to.as_deref() == Some(by) && o.is_open())
                {
                    order.reported_at = Some(self.now);
                    order.done = !busy;
                }
                self.post(
                    by,
                    channel,
                    MessageKind::Report,
                    format!("{mention}{text}"),
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
                let proposal = self
                    .messages
                    .iter()
                    .rev()
                    .find(|m| m.kind == MessageKind::Proposal)
                    .map(|m| m.id)
                    .filter(|id| {
                        !self
                            .messages
                            .iter()
                            .any(|m| m.kind == MessageKind::Decision && m.reply_to == Some(*id))
                    });
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
                self.emit(Event::StatusPosted(post));
            }
            Command::EditIsd { section, text } => {
                if self
                    .people
                    .get(by)
                    .is_some_and(|p| p.seat == Some(crate::scenario::Seat::Observer))
                {
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
        }
        Ok(())
    }

    fn assign(&mut self, by: &str, role: &Role, to: &str, briefing: &str) -> Result<(), String> {
        self.require_present(to)?;
        match role {
            Role::IC => {
                return Err(
                    "IC changes hands by handoff: /handoff with a briefing, then they accept"
                        .into(),
                );
            }
            Role::TeamLead(_) => {
                return Err("team leads are named when the OL creates a team".into());
            }
            Role::Responder => return Err("responders join a team under the OL".into()),
            Role::OL | Role::CL | Role::PL | Role::Scribe | Role::Observer => {}
        }
        self.require_role(by, &Role::IC, "assigning roles")?;
        if let Some(holder) = self.people.explicit_holder(role) {
            if holder == to {
                return Err(format!("{} already holds {}", self.name(to), role.label()));
            }
            return Err(format!(
                "{} holds {}; ask them to hand it off",
                self.name(holder),
                role.label()
            ));
        }
        if self.people.holds(to, &Role::IC) {
            return Err(format!(
                "{} is the IC and holds {} already",
                self.name(to),
                role.label()
            ));
        }
        self.people.set_holder(role.clone(), to);
        self.emit(Event::RoleAssigned {
            role: role.clone(),
            to: to.into(),
            by: by.into(),
            briefing: briefing.into(),
        });
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
            _ => Ok(()),
        }
    }

    fn order(
        &mut self,
        by: &str,
        to: Option<&str>,
        task: Task,
        timebox: Option<Tick>,
        text: &str,
        channel: Channel,
    ) -> Result<(), String> {
        if let Some(to) = to {
            self.require_present(to)?;
            if to == by {
                return Err("an order goes to someone else; to do it yourself, just do it".into());
            }
        }
        match &task {
            Task::Run(action) if !self.scenario.actions.iter().any(|a| &a.id == action) => {
                return Err(format!("no action `{action}`"));
            }
            Task::Investigate(c) if !self.scenario.components.iter().any(|x| &x.id == c) => {
                return Err(format!("no component `{c}`"));
            }
            _ => {}
        }
        let due = timebox.map(|t| self.now + t);
        let mut text = text.to_string();
        if let Some(to) = to
            && !text.contains(&format!("@{to}"))
        {
            text = format!("@{to} {text}");
        }
        let msg = self.post(by, channel, MessageKind::Order, text.clone(), due, None);
        self.orders.push(OrderState {
            msg,
            at: self.now,
            from: by.into(),
            to: to.map(String::from),
            task,
            due,
            text,
            acked_at: None,
            reported_at: None,
            done: false,
        });
        Ok(())
    }

    fn run_action(&mut self, by: &str, action_id: &str) -> Result<(), String> {
        let Some(index) = self.scenario.actions.iter().position(|a| a.id == action_id) else {
            let ids = self.scenario.actions.iter().map(|a| a.id.as_str());
            let hint = crate::diagnostic::did_you_mean(action_id, ids)
                .map(|b| format!("; did you mean `{b}`?"))
                .unwrap_or_default();
            return Err(format!("no action `{action_id}`{hint}"));
        };
        let action = self.scenario.actions[index].clone();
        if let Some(w) = self.work.iter().find(|w| w.by == by) {
            return Err(format!(
                "{} is busy with `{}` until {}",
                self.name(by),
                self.scenario.actions[w.action].id,
                clock(w.ends_at)
            ));
        }
        if let Some(w) = self.work.iter().find(|w| w.action == index) {
            return Err(format!(
                "`{action_id}` is already under way by {} (done {})",
                self.name(&w.by),
                clock(w.ends_at)
            ));
        }
        let order = self.open_order_for(by).map(|o| o.msg);
        if action.kind == ActionKind::Remediation
            && !self.people.in_ops_chain(by)
            && order.is_none()
        {
            let ol = self
                .people
                .holder(&Role::OL)
                .map_or("the OL".to_string(), |h| self.name(h));
            let reason = format!(
                "{} is outside the Operations chain: only the OL ({ol}) and the teams under the OL change production; ask the OL",
                self.name(by)
            );
            self.emit(Event::ActionRefused {
                by: by.into(),
                action: action.id.clone(),
                reason: reason.clone(),
            });
            self.emit(Event::ViolationNoted {
                by: by.into(),
                violation: Violation::OutsideOpsChain,
                detail: format!("tried `{}`", action.id),
            });
            return Ok(());
        }
        if let Some(missing) = action.requires.iter().find(|c| !self.holds(c)) {
            let reason = format!("`{}` needs {}", action.id, self.describe(missing));
            self.emit(Event::ActionRefused {
                by: by.into(),
                action: action.id.clone(),
                reason,
            });
            return Ok(());
        }
        if action.kind == ActionKind::Remediation
            && order.is_none()
            && !self.people.holds(by, &Role::OL)
        {
            self.emit(Event::ViolationNoted {
                by: by.into(),
                violation: Violation::Freelancing,
                detail: format!("`{}` with no order or decision", action.id),
            });
        }
        let who = self.people.get(by).cloned().ok_or("unknown participant")?;
        let ends_at = self.now + duration_for(&action, &who);
        self.work.push(Work {
            by: by.into(),
            action: index,
            started: self.now,
            ends_at,
            order,
        });
        self.emit(Event::ActionStarted {
            by: by.into(),
            action: action.id,
            order,
            ends_at,
        });
        Ok(())
    }

    /// Posts a message and returns its id.
    pub(crate) fn post(
        &mut self,
        from: &str,
        channel: Channel,
        kind: MessageKind,
        text: String,
        due: Option<Tick>,
        reply_to: Option<MessageId>,
    ) -> MessageId {
        let id = self.messages.len() as MessageId + 1;
        let mentions = mentions_in(&text);
        let message = Message {
            id,
            at: self.now,
            from: from.into(),
            channel,
            kind,
            text,
            mentions,
            due,
            reply_to,
        };
        self.messages.push(message.clone());
        self.emit(Event::Posted(message));
        id
    }
}

#[cfg(test)]
mod tests {
    use crate::drill::{Command, Event, Task, Violation};
    use crate::scenario::{Role, Severity};
    use crate::testing::{act, drill, idle_until};
    use crate::time::Dur;

    fn refusals(d: &crate::drill::Drill) -> Vec<String> {
        d.log()
            .iter()
            .filter_map(|e| match &e.event {
                Event::CommandRefused { reason, .. } | Event::ActionRefused { reason, .. } => {
                    Some(reason.clone())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_on_call_holds_every_role_until_delegating() {
        let mut d = drill();
        act(&mut d, "ana", Command::Declare(Severity::Sev2));
        assert!(d.people().holds("ana", &Role::OL) && d.people().holds("ana", &Role::CL));
        act(
            &mut d,
            "ana",
            Command::Assign {
                role: Role::OL,
                to: "ben".into(),
                briefing: "b".into(),
            },
        );
        assert!(d.people().holds("ben", &Role::OL) && !d.people().holds("ana", &Role::OL));
        act(
            &mut d,
            "ben",
            Command::Assign {
                role: Role::CL,
                to: "ben".into(),
                briefing: String::new(),
            },
        );
        assert!(
            refusals(&d)[0].contains("assigning roles is the IC's job"),
            "{:?}",
            refusals(&d)
        );
        act(&mut d, "ana", Command::Declare(Severity::Sev1));
        assert!(refusals(&d)[1].contains("already declared"));
    }

    #[test]
    fn production_changes_from_outside_the_ops_chain_are_refused_and_recorded() {
        let mut d = drill();
        act(
            &mut d,
            "ana",
            Command::Assign {
                role: Role::OL,
                to: "ben".into(),
                briefing: String::new(),
            },
        );
        idle_until(&mut d, 90);
        act(&mut d, "ana", Command::Run("free".into()));
        let reasons = refusals(&d);
        assert!(
            reasons[0].contains("outside the Operations chain") && reasons[0].contains("Ben"),
            "{reasons:?}"
        );
        assert!(d.log().iter().any(|e| matches!(
            e.event,
            Event::ViolationNoted {
                violation: Violation::OutsideOpsChain,
                ..
            }
        )));
        assert!(d.work().is_empty());
        act(&mut d, "ana", Command::Run("look".into()));
        assert_eq!(d.work().len(), 1, "diagnostics are not production changes");
        act(&mut d, "ben", Command::Run("free".into()));
        assert_eq!(d.work().len(), 2, "the OL changes production");
    }

    #[test]
    fn an_order_from_the_ops_chain_brings_a_responder_into_it() {
        let mut d = drill();
        act(
            &mut d,
            "ana",
            Command::Assign {
                role: Role::OL,
                to: "ben".into(),
                briefing: String::new(),
            },
        );
        idle_until(&mut d, 121);
        assert!(!d.may_change_production("raj"));
        act(
            &mut d,
            "ben",
            Command::Order {
                to: Some("raj".into()),
                task: Task::Run("free".into()),
                timebox: Some(Dur(300)),
                text: String::new(),
            },
        );
        assert!(d.may_change_production("raj"));
        idle_until(&mut d, 200);
        let started = d.log().iter().find_map(|e| match &e.event {
            Event::ActionStarted { by, order, .. } if by == "raj" => Some(*order),
            _ => None,
        });
        assert!(
            matches!(started, Some(Some(_))),
            "raj acknowledged and started, linked to the order"
        );
    }

    #[test]
    fn handoffs_need_acceptance_and_decisions_belong_to_the_ic() {
        let mut d = drill();
        act(
            &mut d,
            "ana",
            Command::Handoff {
                role: Role::IC,
                to: "ben".into(),
                briefing: "all yours".into(),
            },
        );
        assert!(d.people().holds("ana", &Role::IC));
        act(&mut d, "ben", Command::Decide("do it".into()));
        assert!(refusals(&d)[0].contains("deciding is the IC's job"));
        act(&mut d, "ben", Command::AcceptHandoff(Role::IC));
        assert!(d.people().holds("ben", &Role::IC));
        act(&mut d, "ben", Command::AcceptHandoff(Role::IC));
        assert!(refusals(&d)[1].contains("nobody has offered"));
    }

    #[test]
    fn status_posts_and_closing_have_owners_and_preconditions() {
        let mut d = drill();
        act(
            &mut d,
            "ana",
            Command::Assign {
                role: Role::CL,
                to: "ben".into(),
                briefing: String::new(),
            },
        );
        let post = Command::PostStatus {
            state: crate::comms::StatusState::Investigating,
            impact: "slow".into(),
            components: vec![],
            next_update: Some(Dur(600)),
            text: String::new(),
        };
        act(&mut d, "ana", post.clone());
        assert!(refusals(&d)[0].contains("the status page is the CL's job"));
        act(&mut d, "ben", post);
        assert_eq!(d.status_posts().len(), 1);
        assert_eq!(
            d.status_posts()[0].next_update,
            Some(d.status_posts()[0].at + 600)
        );
        act(&mut d, "ana", Command::Close);
        assert!(refusals(&d)[1].contains("not resolved"));
    }

    #[test]
    fn unknown_people_and_actions_are_refused_not_panicked_on() {
        let mut d = drill();
        act(&mut d, "ghost", Command::Ack);
        act(&mut d, "ana", Command::Run("fre".into()));
        act(
            &mut d,
            "ana",
            Command::Order {
                to: Some("raj".into()),
                task: Task::StandBy,
                timebox: None,
                text: String::new(),
            },
        );
        let reasons = refusals(&d);
        assert!(reasons[0].contains("nobody called `ghost`"));
        assert!(reasons[1].contains("did you mean `free`"), "{reasons:?}");
        assert!(reasons[2].contains("has not joined yet"));
    }
}
