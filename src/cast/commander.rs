//! A simulated Incident Commander: acknowledges the page, declares, staffs
//! OL, CL and scribe, points the OL at the problem, settles proposals, and
//! closes once the incident is resolved and the public told. Hands off the keyboard.

use super::mind::Mind;
use crate::base::time::{Dur, MINUTE, Tick};
use crate::scenario::{AlertSeverity, Role, Seat};
use crate::world::comms::{MessageId, StatusState};
use crate::world::{Command, Drill, Health, Task};

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    first_page: Option<Tick>,
    acked: bool,
    investigation_ordered: bool,
    staffed_at: Option<Tick>,
}

/// Who should hold a seat's role: the human in that seat, else its simulated holder.
pub(super) fn preferred_holder(drill: &Drill, seat: Seat) -> Option<&str> {
    drill
        .people()
        .list
        .iter()
        .filter(|p| p.seat == Some(seat) && p.present)
        .min_by_key(|p| !p.human)
        .map(|p| p.id.as_str())
}

pub(super) fn duties(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    let memory = &mut mind.commander;
    let firing_page = drill
        .scenario()
        .alerts
        .iter()
        .enumerate()
        .find(|(i, a)| a.severity == AlertSeverity::Page && drill.alerts()[*i].firing());
    if memory.first_page.is_none() && firing_page.is_some() {
        memory.first_page = Some(now);
    }
    if drill.declared_at().is_none() {
        let Some(first_page) = memory.first_page else {
            return;
        };
        if !memory.acked && now >= first_page + 45 {
            memory.acked = true;
            if let Some((i, alert)) = firing_page
                && !drill.alerts()[i].acked
            {
                out.push(Command::AckAlert(alert.id.clone()));
            }
        }
        if now >= first_page + 2 * MINUTE {
            out.push(Command::Declare(drill.scenario().severity));
        }
        return;
    }
    staff(mind, drill, out);
    inherited_proposal(drill, &mind.id, out);
    let memory = &mut mind.commander;
    // An IC who takes over mid-incident inherits the investigation already under way.
    let under_way = drill.mitigated_at().is_some()
        || drill.orders().iter().any(|o| {
            o.task != Task::StandBy && o.to.as_deref() == drill.people().explicit_holder(&Role::OL)
        });
    if !memory.investigation_ordered
        && !under_way
        && let Some(ol) = drill.people().explicit_holder(&Role::OL)
        && memory.staffed_at.is_some_and(|t| now >= t + 30)
    {
        memory.investigation_ordered = true;
        let component = suspect(drill);
        out.push(Command::Order {
            to: Some(ol.to_string()),
            task: Task::Investigate(component.clone()),
            timebox: Some(Dur(10 * MINUTE)),
            text: format!(
                "@{ol} lead the investigation, starting with {component}; report back in 10m"
            ),
        });
    }
    let told_public = drill
        .status_posts()
        .last()
        .is_some_and(|p| p.state == StatusState::Resolved);
    if let Some(resolved) = drill.resolved_at()
        && (told_public || now >= resolved + 8 * MINUTE)
        && now >= resolved + 2 * MINUTE
        && !drill.is_closed()
    {
        out.push(Command::Close);
    }
}

fn staff(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let declared = drill.declared_at().unwrap_or(0);
    for (seat, role, delay) in [
        (Seat::OL, Role::OL, 20),
        (Seat::CL, Role::CL, 45),
        (Seat::Scribe, Role::Scribe, 70),
    ] {
        if drill.people().explicit_holder(&role).is_some() || drill.now() < declared + delay {
            continue;
        }
        if let Some(who) = preferred_holder(drill, seat)
            && who != mind.id
        {
            let briefing = briefing(drill, &role);
            out.push(Command::Assign {
                role,
                to: who.to_string(),
                briefing,
            });
            mind.commander.staffed_at.get_or_insert(drill.now());
            return; // One assignment at a time, as a person would.
        }
    }
}

fn briefing(drill: &Drill, role: &Role) -> String {
    let duty = match role {
        Role::OL => {
            "you own all production changes; split work into teams and report to me every 10 minutes"
        }
        Role::CL => {
            "you own the status page, executive updates and the ISD; first public post within 5 minutes"
        }
        Role::Scribe => "record the timeline and every decision in the ISD as they happen",
        _ => "take it from here",
    };
    format!("{} — {duty}.", super::text::conditions(drill))
}

/// The component most worth investigating: an alerting one whose dependencies look healthy.
pub(super) fn suspect(drill: &Drill) -> String {
    let s = &drill.scenario();
    let alerting: Vec<usize> = s
        .alerts
        .iter()
        .enumerate()
        .filter(|(i, _)| drill.alerts()[*i].firing())
        .map(|(_, a)| a.component)
        .collect();
    let impaired: Vec<usize> = (0..s.components.len())
        .filter(|&c| drill.platform().health[c] != Health::Healthy)
        .collect();
    let candidates = if impaired.is_empty() {
        alerting
    } else {
        impaired
    };
    candidates
        .iter()
        .copied()
        .find(|&c| {
            s.components[c]
                .depends_on
                .iter()
                .all(|&(d, _)| drill.platform().health[d] == Health::Healthy)
        })
        .or_else(|| candidates.first().copied())
        .map_or_else(
            || s.components[0].id.clone(),
            |c| s.components[c].id.clone(),
        )
}

/// Decides `proposal` if it is still the one open: a decision settles the
/// latest open proposal, so deciding an older one would put its words on
/// the newer (whose own turn comes).
pub(super) fn decide(drill: &Drill, proposal: MessageId, out: &mut Vec<Command>) {
    if drill.threads().open_proposal() != Some(proposal) {
        return;
    }
    let Some(m) = drill.messages().get(proposal as usize - 1) else {
        return;
    };
    let gist = m
        .text
        .split(" Any strong objections?")
        .next()
        .unwrap_or(&m.text);
    out.push(Command::Decide(format!(
        "No objections heard — approved: {gist}"
    )));
}

/// A proposal left open for two minutes (one made before this IC took
/// command, which nobody decided): the IC decides it now.
fn inherited_proposal(drill: &Drill, me: &str, out: &mut Vec<Command>) {
    if let Some(open) = drill.threads().open_proposal()
        && let Some(m) = drill.messages().get(open as usize - 1)
        && m.from != me
        && drill.now() >= m.at + 2 * MINUTE
    {
        decide(drill, open, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::Role;
    use crate::testing::{idle_until, tiny};
    use crate::world::Event;

    #[test]
    fn a_simulated_ic_declares_staffs_and_closes() {
        let mut d = crate::run::Simulation::new(tiny(), 3, &[]);
        idle_until(&mut d, 30 * 60);
        let declared = d.declared_at().expect("declared");
        let first_alert = d
            .log()
            .iter()
            .find(|e| matches!(e.event, Event::AlertFired { .. }))
            .unwrap()
            .at;
        assert!(
            declared <= first_alert + 3 * 60,
            "declared within 3 minutes of the first page"
        );
        for role in [Role::OL, Role::CL, Role::Scribe] {
            assert!(
                d.people().explicit_holder(&role).is_some(),
                "{role:?} staffed"
            );
        }
        assert!(
            d.log()
                .iter()
                .any(|e| matches!(e.event, Event::Closed { .. }))
        );
        assert!(!d.log().iter().any(|e| matches!(&e.event, Event::ViolationNoted { by, .. } if crate::scenario::stand_ins::is_seat_npc(by))), "seat holders follow doctrine");
    }
}
