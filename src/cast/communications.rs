//! A simulated Communications Lead: the status page within minutes of the
//! declaration and on every change of state, promised updates kept, executive
//! updates before they have to ask, answers to their questions, the ISD kept
//! current, and joiners pointed to it.

use super::mind::Mind;
use super::text;
use crate::base::time::{Dur, MINUTE, Tick};
use crate::scenario::Role;
use crate::world::comms::{Channel, IsdSection, MessageKind, StatusState};
use crate::world::{Command, Drill, Health};

const STATUS_EVERY: Tick = 20 * MINUTE;
const ISD_EVERY: Tick = 10 * MINUTE;

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    assigned_at: Option<Tick>,
    last_status: Option<(Tick, StatusState)>,
    last_exec: Option<Tick>,
    answered_question: Option<u32>,
    last_isd: Option<(Tick, StatusState)>,
    /// Customer-facing components hurt at some point in this incident.
    affected: Vec<String>,
    liaison: super::liaison::Memory,
}

/// The public state the incident is in now.
fn public_state(drill: &Drill) -> StatusState {
    if drill.resolved_at().is_some() {
        StatusState::Resolved
    } else if drill.mitigated_at().is_some() {
        StatusState::Monitoring
    } else if drill.faults().iter().any(|f| f.revealed) {
        StatusState::Identified
    } else {
        StatusState::Investigating
    }
}

pub(super) fn duties(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    let memory = &mut mind.communications;
    let assigned = *memory.assigned_at.get_or_insert(now);
    if drill.declared_at().is_none() || now < assigned + 60 {
        return;
    }
    let state = public_state(drill);
    // Once the public and the executives have heard it is resolved, there is nothing more to say.
    let finished = state == StatusState::Resolved
        && memory
            .last_status
            .is_some_and(|(_, s)| s == StatusState::Resolved)
        && memory
            .last_exec
            .zip(memory.last_status)
            .is_some_and(|(exec, (status, _))| exec > status);
    if finished {
        return;
    }
    for c in text::customer_facing(drill) {
        let component = &drill.scenario().components[c];
        if drill.platform().health[c] != Health::Healthy
            && !memory.affected.contains(&component.name)
        {
            memory.affected.push(component.name.clone());
        }
    }
    let status_due = match memory.last_status {
        None => true,
        Some((at, last)) => last != state || now + 2 * MINUTE >= at + STATUS_EVERY,
    };
    if status_due && memory.last_status.is_none_or(|(at, _)| now >= at + MINUTE) {
        memory.last_status = Some((now, state));
        out.push(status_post(drill, state, &memory.affected));
        return;
    }
    if super::liaison::duties(&mut memory.liaison, drill, state, out) {
        return;
    }
    let question = drill.threads().last_outside_exec_question;
    let unanswered =
        question.filter(|(id, at)| memory.answered_question != Some(*id) && now >= at + 60);
    // On cadence, and half a minute after each public post the executives have not heard about.
    let exec_due = match (memory.last_exec, memory.last_status) {
        (None, _) => true,
        (Some(exec), Some((status, _))) if status > exec => now >= status + 30,
        (Some(exec), _) => now >= exec + exec_cadence(drill),
    };
    if unanswered.is_some() || exec_due && now >= assigned + 2 * MINUTE {
        memory.last_exec = Some(now);
        if let Some((id, _)) = unanswered {
            memory.answered_question = Some(id);
        }
        out.push(Command::Say {
            channel: Channel::Executive,
            kind: MessageKind::StatusUpdate,
            text: exec_update(drill, state),
        });
        return;
    }
    if memory
        .last_isd
        .is_none_or(|(at, last)| last != state || now >= at + ISD_EVERY)
    {
        memory.last_isd = Some((now, state));
        out.push(Command::EditIsd {
            section: IsdSection::Status,
            text: format!("{state:?}. {}", text::conditions(drill)),
        });
        out.push(Command::EditIsd {
            section: IsdSection::Impact,
            text: text::customer_impact(drill),
        });
        out.push(Command::EditIsd {
            section: IsdSection::CommandHierarchy,
            text: hierarchy(drill),
        });
    }
}

/// Update executives before the least patient of them has to ask.
fn exec_cadence(drill: &Drill) -> Tick {
    let patience = drill
        .scenario()
        .executives
        .iter()
        .map(|x| x.patience)
        .min()
        .unwrap_or(Tick::MAX);
    patience
        .saturating_sub(2 * MINUTE)
        .clamp(3 * MINUTE, 20 * MINUTE)
}

fn status_post(drill: &Drill, state: StatusState, affected: &[String]) -> Command {
    let components = affected.to_vec();
    let (impact, body, next) = match state {
        StatusState::Resolved => (
            "Service is fully restored.".to_string(),
            if drill.scenario().need_to_know {
                "The incident is resolved and all services are operating normally. Our investigation continues; we will contact any affected customers directly.".to_string()
            } else if drill.data_harmed() {
                "The incident is resolved and all services are operating normally. Some records were affected during the incident; we have repaired them or are contacting the customers concerned.".to_string()
            } else {
                "The incident is resolved and all services are operating normally. No customer data was lost.".to_string()
            },
            None,
        ),
        StatusState::Monitoring => (
            text::customer_impact(drill),
            "A fix is in place and we are monitoring recovery.".to_string(),
            Some(Dur(STATUS_EVERY)),
        ),
        StatusState::Identified => (
            text::customer_impact(drill),
            "We have identified the cause and are working on a fix.".to_string(),
            Some(Dur(STATUS_EVERY)),
        ),
        StatusState::Investigating => (
            text::customer_impact(drill),
            "We are investigating reports of problems.".to_string(),
            Some(Dur(STATUS_EVERY)),
        ),
    };
    Command::PostStatus {
        state,
        impact,
        components,
        next_update: next,
        text: body,
    }
}

fn exec_update(drill: &Drill, state: StatusState) -> String {
    if state == StatusState::Resolved {
        return format!(
            "Final update: resolved. {} The status page says so too; the AAR follows.",
            text::conditions(drill)
        );
    }
    format!(
        "Update: {state:?}. {} Customer impact: {} Next update within 20 minutes.",
        text::conditions(drill),
        text::customer_impact(drill)
    )
}

fn hierarchy(drill: &Drill) -> String {
    [Role::IC, Role::OL, Role::CL, Role::Scribe]
        .iter()
        .map(|r| format!("{}: {}", r.label(), drill.people().holder(r).unwrap_or("-")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Points a joiner at the ISD instead of re-briefing the room.
pub(super) fn welcome(drill: &Drill, who: &str, out: &mut Vec<Command>) {
    let ol = drill.people().holder(&Role::OL).unwrap_or("the OL");
    let text = if drill.isd().last_edit().is_some() {
        format!(
            "@{who} welcome — the ISD is current, read it first, then check in with @{ol} for a task."
        )
    } else {
        format!(
            "@{who} welcome — where we are: {} Check in with @{ol} for a task.",
            text::conditions(drill)
        )
    };
    out.push(Command::Say {
        channel: Channel::CommandPost,
        kind: MessageKind::Chat,
        text,
    });
}

#[cfg(test)]
mod tests {
    use crate::testing::{idle_until, tiny};
    use crate::world::Event;
    use crate::world::comms::{Channel, IsdSection, StatusState};

    #[test]
    fn a_simulated_cl_keeps_the_public_and_executives_informed() {
        let mut d = crate::run::Simulation::new(tiny(), 2, &[]);
        idle_until(&mut d, 30 * 60);
        let declared = d.declared_at().unwrap();
        let posts = d.status_posts();
        assert!(
            posts[0].at <= declared + 5 * 60,
            "first post within 5 minutes of the declaration"
        );
        assert!(
            posts
                .iter()
                .all(|p| p.state == StatusState::Resolved || p.next_update.is_some()),
            "every open post promises the next update"
        );
        assert_eq!(posts.last().unwrap().state, StatusState::Resolved);
        assert!(
            posts
                .last()
                .unwrap()
                .text
                .contains("No customer data was lost")
        );
        assert!(
            d.messages()
                .iter()
                .any(|m| m.channel == Channel::Executive && m.from == "casey")
        );
        assert!(
            !d.log()
                .iter()
                .any(|e| matches!(e.event, Event::ExecutiveEscalated { .. })),
            "updates come before the CTO has to ask twice"
        );
        assert!(
            d.isd().section(IsdSection::Status).is_some()
                && d.isd().section(IsdSection::Impact).is_some()
        );
    }
}
