//! People outside the response: executives who want updates, customers who
//! file tickets while impact lasts, and the scenario's scripted injects.

use rand_core::RngCore;

use crate::comms::{Channel, MessageKind};
use crate::drill::{Drill, Event};
use crate::scenario::{Persona, Scenario};
use crate::time::{MINUTE, Tick};

/// How long without a status post before customers call the page stale.
pub const STALE_STATUS: Tick = 30 * MINUTE;

#[derive(Debug, Clone, Default)]
struct ExecutiveState {
    asked_at: Option<Tick>,
    escalated: bool,
}

/// Executives' and customers' running state.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stakeholders {
    executives: Vec<ExecutiveState>,
    next_inject: usize,
    /// Injects already delivered (on schedule or by the game master).
    delivered: std::collections::BTreeSet<usize>,
    tickets: u32,
    impact_since: Option<Tick>,
}

impl Stakeholders {
    pub(crate) fn new(scenario: &Scenario) -> Stakeholders {
        Stakeholders {
            executives: vec![ExecutiveState::default(); scenario.executives.len()],
            ..Default::default()
        }
    }
}

/// Injects, executives and customers act for this tick.
pub(crate) fn outsiders(drill: &mut Drill) {
    injects(drill);
    executives(drill);
    customers(drill);
}

fn injects(drill: &mut Drill) {
    while let Some(inject) = drill
        .scenario
        .injects
        .get(drill.stakeholders.next_inject)
        .cloned()
    {
        if inject.at > drill.now {
            break;
        }
        let index = drill.stakeholders.next_inject;
        drill.stakeholders.next_inject += 1;
        // The game master may have delivered it ahead of schedule.
        if drill.stakeholders.delivered.insert(index) {
            deliver(drill, inject.from, inject.text, false);
        }
    }
}

/// Whether the scenario's inject at `index` has been delivered.
pub(crate) fn inject_delivered(drill: &Drill, index: usize) -> bool {
    drill.stakeholders.delivered.contains(&index)
}

/// Delivers the scenario's inject at `index` now, ahead of its schedule.
pub(crate) fn deliver_scheduled_now(drill: &mut Drill, index: usize) {
    let inject = drill.scenario.injects[index].clone();
    drill.stakeholders.delivered.insert(index);
    deliver(drill, inject.from, inject.text, true);
}

/// A message from outside (or a responder) reaches the response.
pub(crate) fn deliver(drill: &mut Drill, from: Persona, text: String, instructor: bool) {
    drill.emit(Event::InjectDelivered {
        from: from.clone(),
        text: text.clone(),
        instructor,
    });
    match &from {
        Persona::Executive(id) => {
            drill.post(
                id,
                Channel::Executive,
                MessageKind::Question,
                text,
                None,
                None,
            );
        }
        Persona::Responder(id) => {
            drill.post(
                id,
                Channel::CommandPost,
                MessageKind::Chat,
                text,
                None,
                None,
            );
        }
        Persona::Customer(name) => drill.emit(Event::CustomerTicket {
            from: name.clone(),
            text,
        }),
        Persona::Vendor(name) | Persona::Regulator(name) => {
            drill.post(
                name,
                Channel::Executive,
                MessageKind::Chat,
                text,
                None,
                None,
            );
        }
    }
}

fn executives(drill: &mut Drill) {
    let now = drill.now;
    let impact = drill.platform.customer_impact(&drill.scenario);
    if impact > 0.2 && drill.stakeholders.impact_since.is_none() {
        drill.stakeholders.impact_since = Some(now);
    }
    // Executives start counting from the declaration, or from when customers start to hurt.
    let Some(clock_start) = drill.declared.or(drill.stakeholders.impact_since) else {
        return;
    };
    if drill.resolved_at.is_some() {
        return;
    }
    let last = drill.threads.last_exec_update;
    for i in 0..drill.scenario.executives.len() {
        let exec = drill.scenario.executives[i].clone();
        let since = last.unwrap_or(clock_start).max(clock_start);
        let state = &mut drill.stakeholders.executives[i];
        if let Some(asked) = state.asked_at
            && last.is_some_and(|t| t >= asked)
        {
            state.asked_at = None;
            state.escalated = false;
        }
        let state = drill.stakeholders.executives[i].clone();
        match state.asked_at {
            None if now >= since + exec.patience => {
                drill.stakeholders.executives[i].asked_at = Some(now);
                let text = format!(
                    "{} ({}): what's the status? I'm getting questions and have heard nothing.",
                    exec.name, exec.title
                );
                drill.post(
                    &exec.id,
                    Channel::Executive,
                    MessageKind::Question,
                    text,
                    None,
                    None,
                );
            }
            Some(asked) if !state.escalated && now >= asked + exec.patience / 2 => {
                drill.stakeholders.executives[i].escalated = true;
                let text = format!(
                    "{} is joining the command post: \"Why has nobody updated me? I need status now.\"",
                    exec.name
                );
                drill.emit(Event::ExecutiveEscalated {
                    executive: exec.id.clone(),
                    text: text.clone(),
                });
                drill.post(
                    &exec.id,
                    Channel::CommandPost,
                    MessageKind::Question,
                    format!(
                        "@{} I need a status update now.",
                        drill
                            .people
                            .holder(&crate::scenario::Role::IC)
                            .unwrap_or("ic")
                    ),
                    None,
                    None,
                );
            }
            _ => {}
        }
    }
}

const TICKET_TEXTS: [&str; 6] = [
    "My orders are not going through.",
    "Is something wrong? The app keeps failing.",
    "I can't see my balance update.",
    "Your site is broken and there's nothing on the status page!",
    "Trades stuck pending for ten minutes now.",
    "Getting errors every time I try to log in.",
];

fn customers(drill: &mut Drill) {
    let impact = drill.platform.customer_impact(&drill.scenario);
    if impact <= 0.0 {
        return;
    }
    let stale = drill
        .status
        .last()
        .is_none_or(|p| drill.now >= p.at + STALE_STATUS);
    let per_minute = drill.scenario.complaints_per_min * impact * if stale { 2.0 } else { 1.0 };
    let roll = crate::sim::noise::unit(drill.rng.next_u64());
    if roll < per_minute / 60.0 {
        drill.stakeholders.tickets += 1;
        let n = drill.stakeholders.tickets;
        let text =
            TICKET_TEXTS[(drill.rng.next_u64() % TICKET_TEXTS.len() as u64) as usize].to_string();
        drill.emit(Event::CustomerTicket {
            from: format!("customer #{n}"),
            text,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::comms::{Channel, MessageKind};
    use crate::drill::{Command, Event};
    use crate::scenario::Severity;
    use crate::testing::{act, drill, idle_until};

    #[test]
    fn executives_ask_after_their_patience_and_escalate_after_half_again() {
        let mut d = drill();
        act(&mut d, "ana", Command::Declare(Severity::Sev2));
        // The simulated CL would update the CTO: take CL away from the bot by never assigning it.
        idle_until(&mut d, 5 * 60 + 1);
        let asked = d.messages().iter().find(|m| m.from == "cto").map(|m| m.at);
        assert_eq!(asked, Some(5 * 60), "patience 5m after the declaration");
        idle_until(&mut d, 8 * 60);
        assert!(
            d.log()
                .iter()
                .any(|e| matches!(e.event, Event::ExecutiveEscalated { .. }))
        );
    }

    #[test]
    fn an_update_keeps_executives_calm() {
        let mut d = drill();
        act(&mut d, "ana", Command::Declare(Severity::Sev2));
        idle_until(&mut d, 4 * 60);
        act(
            &mut d,
            "ana",
            Command::Say {
                channel: Channel::Executive,
                kind: MessageKind::StatusUpdate,
                text: "db disk full, fixing".into(),
            },
        );
        idle_until(&mut d, 8 * 60);
        assert!(!d.messages().iter().any(|m| m.from == "cto"));
    }

    #[test]
    fn customers_complain_while_impact_lasts() {
        let mut d = drill();
        idle_until(&mut d, 59);
        assert!(
            !d.log()
                .iter()
                .any(|e| matches!(e.event, Event::CustomerTicket { .. }))
        );
        idle_until(&mut d, 30 * 60);
        assert!(
            d.log()
                .iter()
                .filter(|e| matches!(e.event, Event::CustomerTicket { .. }))
                .count()
                > 3
        );
    }
}
