//! The orders a responder takes: answered (acknowledged, or asked back when
//! vague), queued while other work is in hand, and started in turn.

use super::{pick_diagnostic, say};
use crate::base::time::MINUTE;
use crate::cast::mind::Mind;
use crate::scenario::{Role, Trait};
use crate::world::comms::MessageKind;
use crate::world::orders::Flaw;
use crate::world::{Command, Drill, Task};

pub(in crate::cast) fn answer_order(
    mind: &mut Mind,
    drill: &Drill,
    index: usize,
    out: &mut Vec<Command>,
) {
    let order = &drill.orders()[index];
    if !order.is_open() || order.acked_at.is_some() {
        return;
    }
    let me = drill.people().get(&mind.id);
    if me.is_some_and(|p| p.has(Trait::NewHire))
        && !mind.responder.asked_first_question
        && order.task != Task::StandBy
    {
        mind.responder.asked_first_question = true;
        out.push(say(
            MessageKind::Question,
            format!(
                "@{} Sorry, new here — is there a runbook for this? Starting anyway.",
                order.from
            ),
        ));
    }
    // Close the loop on a well-formed order; ask back on anything vague.
    let flaws = order.flaws();
    if flaws.contains(&Flaw::NoClearTask) {
        out.push(say(
            MessageKind::Question,
            format!(
                "@{} What exactly do you need from me, and by when?",
                order.from
            ),
        ));
        return;
    }
    if flaws.is_empty() {
        out.push(Command::AckOrder(order.msg));
    } else {
        let question = if flaws.contains(&Flaw::NoTimebox) {
            "by when do you need it back?"
        } else {
            "do you mean me? I'll take it."
        };
        out.push(say(
            MessageKind::Question,
            format!("@{} On it — {question}", order.from),
        ));
    }
    mind.responder.standing_by = order.task == Task::StandBy;
    if order.task == Task::StandBy {
        mind.responder.queued.clear();
    }
    // A lead delegates the work an order asks for; their own duties pick it up.
    if drill
        .people()
        .roles_of(&mind.id)
        .iter()
        .any(|r| Role::COMMAND_ROLES.contains(r))
    {
        return;
    }
    // Busy: the order waits its turn until the work in hand is done,
    // instead of being tried now, refused, and dropped.
    if order.task != Task::StandBy && (busy(mind, drill) || !mind.responder.queued.is_empty()) {
        mind.responder.queued.push(index);
        return;
    }
    start(mind, drill, index, out);
}

/// An action running or free-text work in progress.
fn busy(mind: &Mind, drill: &Drill) -> bool {
    drill.work().iter().any(|w| w.by == mind.id) || mind.responder.free_work.is_some()
}

/// Starts the oldest order still waiting, once nothing else is in hand (or
/// reports that someone else has done or is doing it).
pub(super) fn start_queued(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    if busy(mind, drill) || out.iter().any(|c| matches!(c, Command::Run(_))) {
        return;
    }
    while !mind.responder.queued.is_empty() {
        let index = mind.responder.queued.remove(0);
        let order = &drill.orders()[index];
        if !order.is_open() {
            continue;
        }
        if let Task::Run(action) = &order.task
            && let Some(a) = drill
                .scenario()
                .actions
                .iter()
                .position(|x| x.id == *action)
        {
            let other = drill
                .work()
                .iter()
                .find(|w| w.action == a && w.by != mind.id)
                .map(|w| w.by.clone());
            if drill.action_done(a) || other.is_some() {
                let state = match other {
                    Some(who) => format!("{action} is already under way ({who})"),
                    None => format!("{action} is already done"),
                };
                out.push(Command::Report {
                    to: Some(order.from.clone()),
                    conditions: state,
                    actions: "did not run it again".into(),
                    needs: "another task".into(),
                    channel: None,
                });
                return;
            }
        }
        start(mind, drill, index, out);
        return;
    }
}

/// Starts the work an acknowledged order asks for.
fn start(mind: &mut Mind, drill: &Drill, index: usize, out: &mut Vec<Command>) {
    let order = &drill.orders()[index];
    match &order.task {
        Task::Run(action) => out.push(Command::Run(action.clone())),
        Task::Investigate(component) => match pick_diagnostic(drill, component) {
            Some(action) => out.push(Command::Run(action)),
            None => out.push(Command::Report {
                to: Some(order.from.clone()),
                conditions: format!("nothing left to check on {component}"),
                actions: "looked at dashboards".into(),
                needs: "another task".into(),
                channel: None,
            }),
        },
        Task::StandBy => {}
        Task::Free(_) => {
            let minutes = 3 + mind.roll(3);
            mind.responder.free_work = Some((drill.now() + minutes * MINUTE, index));
        }
    }
}
