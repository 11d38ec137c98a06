//! A hands-on responder: acknowledges well-formed orders, asks back on vague
//! ones, does the work at their own pace and reports in CAN form — also when
//! a time box runs out. Traits bend this: freelancers touch production
//! unasked, new hires ask first, seasoned commanders offer to take command.

use std::collections::BTreeSet;

use super::mind::Mind;
use crate::base::time::{MINUTE, Tick};
use crate::scenario::{ActionKind, Role, Trait};
use crate::world::comms::{Channel, MessageId, MessageKind};
use crate::world::{Command, Drill, Health, Task};

mod orders;
pub(super) use orders::answer_order;
use orders::start_queued;

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    pub standing_by: bool,
    asked_first_question: bool,
    /// Free-text work in progress: (finishes at, order index).
    free_work: Option<(Tick, usize)>,
    last_freelance: Option<Tick>,
    idle_since: Option<Tick>,
    last_chat: Tick,
    progress_reported: BTreeSet<MessageId>,
    offered_command: bool,
    /// Orders acknowledged while busy, oldest first: each started once the
    /// work in hand is done. Told to stand by, they are dropped.
    queued: Vec<usize>,
}

fn say(kind: MessageKind, text: String) -> Command {
    Command::Say {
        channel: Channel::CommandPost,
        kind,
        text,
    }
}

/// The first present simulated responder with nothing to do, who answers ownerless asks.
pub(super) fn first_idle_npc(drill: &Drill) -> Option<&str> {
    drill
        .people()
        .list
        .iter()
        .filter(|p| !p.human && p.present && drill.people().roles_of(&p.id).is_empty())
        .find(|p| is_idle(drill, &p.id))
        .map(|p| p.id.as_str())
}

/// Who a report goes to: whoever gave the current order, else one's supervisor.
fn report_to(drill: &Drill, me: &str) -> Option<String> {
    drill
        .open_order_for(me)
        .map(|o| o.from.clone())
        .or_else(|| drill.people().supervisor_of(me).map(String::from))
}

/// No work running and no open order.
pub(super) fn is_idle(drill: &Drill, id: &str) -> bool {
    !drill.work().iter().any(|w| w.by == id) && drill.open_order_for(id).is_none()
}

/// Someone is running the action, or has been ordered to.
pub(super) fn in_flight(drill: &Drill, action: usize) -> bool {
    let id = &drill.scenario().actions[action].id;
    drill.work().iter().any(|w| w.action == action)
        || drill
            .orders()
            .iter()
            .any(|o| o.is_open() && matches!(&o.task, Task::Run(a) if a == id))
}

/// An order to stand by, addressed to `id`, newer than any other order to them.
fn told_to_stand_by(drill: &Drill, id: &str) -> bool {
    drill
        .orders()
        .iter()
        .rev()
        .find(|o| o.to.as_deref() == Some(id))
        .is_some_and(|o| o.task == Task::StandBy)
}

pub(super) fn introduce(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let Some(me) = drill.people().get(&mind.id) else {
        return;
    };
    let first = me.name.split(' ').next().unwrap_or(&me.name);
    let text = match me.seat {
        Some(seat) if seat.role().is_some() && !me.human => {
            format!("{first} here, on the {seat:?} rota. Ready when you need me.")
        }
        _ if me.skills.is_empty() => format!("{first} here. What do you need?"),
        _ => format!(
            "{first} here ({}). What do you need?",
            me.skills
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    out.push(say(MessageKind::Chat, text));
}

/// A diagnostic on the component that has not been done and can run now.
pub(super) fn pick_diagnostic(drill: &Drill, component: &str) -> Option<String> {
    drill
        .scenario()
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.kind == ActionKind::Diagnostic
                && drill.scenario().components[a.target].id == component
        })
        .filter(|(i, a)| {
            !drill.action_done(*i)
                && !in_flight(drill, *i)
                && a.requires.iter().all(|c| drill.holds(c))
        })
        .map(|(_, a)| a.id.clone())
        .next()
}

pub(super) fn ask_who(drill: &Drill, msg: MessageId, out: &mut Vec<Command>) {
    let Some(m) = drill.messages().get(msg as usize - 1) else {
        return;
    };
    out.push(say(
        MessageKind::Question,
        format!("@{} Who do you want on that, and by when?", m.from),
    ));
}

pub(super) fn report_work(
    mind: &mut Mind,
    drill: &Drill,
    action: &str,
    success: bool,
    finding: Option<String>,
    out: &mut Vec<Command>,
) {
    let name = drill
        .scenario()
        .actions
        .iter()
        .find(|a| a.id == action)
        .map_or(action.to_string(), |a| a.name.clone());
    let to = report_to(drill, &mind.id);
    let (conditions, needs) = match (success, finding) {
        (true, Some(finding)) => (finding, "a decision on the next step".to_string()),
        (true, None) => (format!("{name}: done"), "nothing".to_string()),
        (false, _) => (
            format!("{name} failed"),
            "a decision: retry or try something else".to_string(),
        ),
    };
    if drill
        .people()
        .roles_of(&mind.id)
        .iter()
        .any(|r| Role::COMMAND_ROLES.contains(r))
    {
        return; // Leads report on their own schedule.
    }
    // Need-to-know drills: findings go to the restricted channel, not the command post.
    let channel = (drill.scenario().need_to_know && success).then_some(Channel::Restricted);
    out.push(Command::Report {
        to,
        conditions,
        actions: format!("ran {name}"),
        needs,
        channel,
    });
}

pub(super) fn report_refusal(drill: &Drill, me: &str, reason: &str, out: &mut Vec<Command>) {
    let to = report_to(drill, me);
    out.push(Command::Report {
        to,
        conditions: "could not start".into(),
        actions: reason.to_string(),
        needs: "guidance".into(),
        channel: None,
    });
}

pub(super) fn duties(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    start_queued(mind, drill, out);
    if let Some((until, index)) = mind.responder.free_work
        && now >= until
    {
        mind.responder.free_work = None;
        let order = &drill.orders()[index];
        out.push(Command::Report {
            to: Some(order.from.clone()),
            conditions: format!("done: {}", order.task.describe()),
            actions: "worked through it".into(),
            needs: "nothing".into(),
            channel: None,
        });
    }
    progress_reports(mind, drill, out);
    let Some(me) = drill.people().get(&mind.id) else {
        return;
    };
    if me.has(Trait::Freelancer) {
        freelance(mind, drill, out);
    }
    if me.has(Trait::Chatty)
        && drill.declared_at().is_some()
        && drill.resolved_at().is_none()
        && now >= mind.responder.last_chat + 6 * MINUTE
    {
        mind.responder.last_chat = now;
        out.push(say(
            MessageKind::Chat,
            "Anyone else seeing this on their side? Dashboards look rough.".into(),
        ));
    }
    if me.has(Trait::SeasonedIc)
        && drill.declared_at().is_some()
        && !mind.responder.offered_command
        && drill.resolved_at().is_none()
    {
        mind.responder.offered_command = true;
        if let Some(ic) = drill.people().holder(&Role::IC) {
            out.push(say(MessageKind::Chat, format!("@{ic} I've commanded a fair few of these — happy to take IC if you want to hand off with a briefing.")));
        }
    }
}

fn progress_reports(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let Some(order) = drill.open_order_for(&mind.id) else {
        return;
    };
    let Some(due) = order.due else { return };
    if drill.now() < due || mind.responder.progress_reported.contains(&order.msg) {
        return;
    }
    mind.responder.progress_reported.insert(order.msg);
    let running = drill.work().iter().find(|w| w.by == mind.id);
    let (conditions, needs) = match running {
        Some(w) => (
            format!(
                "still on {}, about {} min to go",
                drill.scenario().actions[w.action].name,
                (w.ends_at.saturating_sub(drill.now())).div_ceil(MINUTE)
            ),
            "more time".to_string(),
        ),
        None => (
            "time box is up and I have nothing more".to_string(),
            "another task".to_string(),
        ),
    };
    out.push(Command::Report {
        to: Some(order.from.clone()),
        conditions,
        actions: "working".into(),
        needs,
        channel: None,
    });
}

/// A freelancer changes production unasked when idle and not told to stand by.
fn freelance(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    if !is_idle(drill, &mind.id) {
        mind.responder.idle_since = None;
        return;
    }
    let idle_since = *mind.responder.idle_since.get_or_insert(now);
    let idle_for_long = now >= idle_since + 2 * MINUTE;
    let cooled = mind
        .responder
        .last_freelance
        .is_none_or(|t| now >= t + 10 * MINUTE);
    if mind.responder.standing_by || told_to_stand_by(drill, &mind.id) || !idle_for_long || !cooled
    {
        return;
    }
    // The tempting quick fix (a restart, a wipe) first: that is what freelancers reach for.
    let target = drill
        .scenario()
        .actions
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            a.kind == ActionKind::Remediation
                && drill.platform().health[a.target] != Health::Healthy
                && !drill.action_done(*i)
                && a.requires.iter().all(|c| drill.holds(c))
        })
        .min_by_key(|(i, a)| (!a.trap, *i));
    if let Some((_, action)) = target {
        mind.responder.last_freelance = Some(now);
        out.push(say(
            MessageKind::Chat,
            format!("I'll just {} — should fix it.", action.name.to_lowercase()),
        ));
        out.push(Command::Run(action.id.clone()));
    }
}

#[cfg(test)]
mod tests;
