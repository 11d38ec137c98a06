//! Orders and production changes: who may change production is decided here.

use super::super::Drill;
use crate::base::time::{Tick, clock};
use crate::scenario::{ActionKind, Role};
use crate::world::comms::{Channel, Message, MessageKind};
use crate::world::drill::command::Task;
use crate::world::drill::event::{Event, Violation};
use crate::world::drill::orders::OrderState;
use crate::world::drill::work::{Work, duration_for};

impl Drill {
    /// Posts an order and tracks its loop.
    pub(super) fn order(
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
        let msg = self.publish(Message {
            text: text.clone(),
            due,
            task: Some(task.clone()),
            ..Message::new(by, channel, MessageKind::Order)
        });
        self.orders.push(OrderState {
            msg,
            at: self.now,
            from: by.into(),
            from_ops_chain: self.people.in_ops_chain(by),
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

    /// Runs an action, if the doctrine and its requirements allow.
    pub(super) fn run_action(&mut self, by: &str, action_id: &str) -> Result<(), String> {
        let Some(index) = self.scenario.actions.iter().position(|a| a.id == action_id) else {
            let ids = self.scenario.actions.iter().map(|a| a.id.as_str());
            let hint = crate::base::diagnostic::did_you_mean(action_id, ids)
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
        let remediation = action.kind == ActionKind::Remediation;
        let authorizing = self.authorizing_order(by, index).map(|o| o.msg);
        // A remediation is linked only to the order that authorizes it; work of
        // any other kind to whatever its doer was last asked to do.
        let order = if remediation {
            authorizing
        } else {
            self.open_order_for(by).map(|o| o.msg)
        };
        if remediation && !self.people.in_ops_chain(by) && authorizing.is_none() {
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
        if remediation && authorizing.is_none() && !self.people.holds(by, &Role::OL) {
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
}
