//! A simulated Operations Lead: forms a team from the responders who join,
//! keeps idle hands off production, sends diagnostics at the impaired
//! components, proposes the fix once the cause is known, and reports to the
//! IC in CAN form.

use std::collections::{BTreeMap, BTreeSet};

use super::mind::Mind;
use super::responder::{in_flight, is_idle};
use super::text;
use crate::base::time::{Dur, MINUTE, Tick};
use crate::scenario::{ActionIdx, ActionKind, Condition, Effect, Role, Seat};
use crate::world::comms::MessageKind;
use crate::world::{Command, Drill, Health, Task};

const TEAM: &str = "ops";

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    assigned_at: Option<Tick>,
    last_report: Tick,
    staffed: BTreeSet<String>,
    told_standby: BTreeSet<String>,
    /// Remediations proposed: action -> when.
    proposals: BTreeMap<ActionIdx, Tick>,
    known_facts: usize,
}

pub(super) fn duties(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    let memory = &mut mind.operations;
    let assigned = *memory.assigned_at.get_or_insert(now);
    if now < assigned + 20 {
        return;
    }
    if staff(mind, drill, out) {
        return;
    }
    // A decision covers one run: an action owed again is proposed again.
    let proposals = &mut mind.operations.proposals;
    proposals.retain(|&a, _| !drill.action_done(a) || in_flight(drill, a));
    remediate(mind, drill, out);
    investigate(mind, drill, out);
    // Orders given this tick are not applied yet: only stand people down on a quiet tick.
    if out.is_empty() {
        stand_down_idle(mind, drill, out);
    }
    report(mind, drill, out);
}

fn responders(drill: &Drill) -> impl Iterator<Item = &crate::world::Participant> {
    drill
        .people()
        .list
        .iter()
        .filter(|p| p.present && matches!(p.seat, None | Some(Seat::Responder)))
}

/// Puts each joined responder on the team; returns whether it acted.
fn staff(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) -> bool {
    let Some(newcomer) = responders(drill).find(|p| !mind.operations.staffed.contains(&p.id))
    else {
        return false;
    };
    mind.operations.staffed.insert(newcomer.id.clone());
    if drill.people().teams.contains_key(TEAM) {
        out.push(Command::JoinTeam {
            team: TEAM.into(),
            person: newcomer.id.clone(),
        });
    } else {
        out.push(Command::CreateTeam {
            team: TEAM.into(),
            lead: newcomer.id.clone(),
        });
    }
    true
}

/// Idle people who may be given work, best skill match first.
fn idle_hands(drill: &Drill, action: ActionIdx) -> Option<String> {
    let skill = &drill.scenario().actions[action].skill;
    let mut idle: Vec<_> = responders(drill)
        .filter(|p| drill.people().team_of(&p.id).is_some() && is_idle(drill, &p.id))
        .collect();
    idle.sort_by_key(|p| !skill.as_ref().is_some_and(|s| p.skills.contains(s)));
    idle.first().map(|p| p.id.clone())
}

fn assign_or_run(mind: &mut Mind, drill: &Drill, action: ActionIdx, out: &mut Vec<Command>) {
    let a = &drill.scenario().actions[action];
    match idle_hands(drill, action) {
        Some(who) => {
            mind.operations.told_standby.remove(&who);
            let minutes = (a.duration * 3 / 2).div_ceil(MINUTE).max(2);
            out.push(Command::Order {
                to: Some(who.clone()),
                task: Task::Run(a.id.clone()),
                timebox: Some(Dur(minutes * MINUTE)),
                text: format!(
                    "@{who} please {} ({}), report back in {minutes}m",
                    a.name.to_lowercase(),
                    a.id
                ),
            });
        }
        None if is_idle(drill, &mind.id) => out.push(Command::Run(a.id.clone())),
        None => {}
    }
}

/// Components worth a diagnostic: impaired or alerting, deepest causes first.
fn focus(drill: &Drill) -> Vec<usize> {
    let s = &drill.scenario();
    let mut set: BTreeSet<usize> = (0..s.components.len())
        .filter(|&c| drill.platform().health[c] != Health::Healthy)
        .collect();
    set.extend(
        s.alerts
            .iter()
            .enumerate()
            .filter(|(i, _)| drill.alerts()[*i].firing())
            .map(|(_, a)| a.component),
    );
    let mut list: Vec<usize> = set.into_iter().collect();
    list.sort_by_key(|&c| {
        s.components[c]
            .depends_on
            .iter()
            .any(|&(d, _)| drill.platform().health[d] != Health::Healthy)
    });
    list
}

fn investigate(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let running = drill
        .work()
        .iter()
        .filter(|w| drill.scenario().actions[w.action].kind == ActionKind::Diagnostic)
        .count();
    if running >= 2 {
        return;
    }
    for component in focus(drill) {
        let next = drill.scenario().actions.iter().enumerate().find(|(i, a)| {
            a.kind == ActionKind::Diagnostic
                && a.target == component
                && !drill.action_done(*i)
                && !in_flight(drill, *i)
                && a.requires.iter().all(|c| drill.holds(c))
        });
        if let Some((i, _)) = next {
            assign_or_run(mind, drill, i, out);
            return;
        }
    }
    // Nothing left to look at: check for what has not struck yet, and what
    // the exit asks to have looked at.
    if running == 0
        && let Some(i) = hazard_check(drill).or_else(|| {
            exit_work(drill, ActionKind::Diagnostic).find(|&i| {
                !in_flight(drill, i)
                    && drill.scenario().actions[i]
                        .requires
                        .iter()
                        .all(|c| drill.holds(c))
            })
        })
    {
        assign_or_run(mind, drill, i, out);
    }
}

/// A diagnostic that would find a fault with a deadline before it strikes.
fn hazard_check(drill: &Drill) -> Option<ActionIdx> {
    let s = drill.scenario();
    // The cheap checks first: `is_hazard` reads every action.
    let hazard = |f: usize| {
        !drill.faults()[f].revealed
            && !drill.faults()[f].has_started()
            && !drill.faults()[f].is_defused()
            && s.is_hazard(f)
    };
    s.actions.iter().enumerate().find_map(|(i, a)| {
        (a.kind == ActionKind::Diagnostic
            && !drill.action_done(i)
            && !in_flight(drill, i)
            && a.requires.iter().all(|c| drill.holds(c))
            && a.effects
                .iter()
                .any(|e| matches!(e, Effect::Reveal(f) if hazard(*f))))
        .then_some(i)
    })
}

/// The next remediation for revealed faults: mitigate active ones first,
/// then resolve (or defuse what has not struck), then what is owed.
fn next_fix(drill: &Drill) -> Option<ActionIdx> {
    let s = &drill.scenario();
    let wanted: Vec<(usize, bool)> = (0..s.faults.len())
        .filter(|&f| drill.faults()[f].revealed && !drill.faults()[f].is_resolved())
        .map(|f| (f, drill.faults()[f].is_active()))
        .collect();
    let owed = drill
        .owed()
        .filter_map(|o| match s.obligations[o].discharge {
            crate::scenario::Discharge::Action(a) => Some(a),
            crate::scenario::Discharge::Notice(_) => None,
        })
        .collect::<Vec<_>>();
    for mitigate_first in [true, false] {
        for &(f, active) in &wanted {
            if mitigate_first && !active {
                continue;
            }
            let started = drill.faults()[f].has_started();
            let fixes = |a: &crate::scenario::Action| {
                a.effects.iter().any(|e| match e {
                    Effect::Mitigate(x) => *x == f && active,
                    Effect::Resolve(x) => *x == f && started,
                    Effect::Defuse(x) => *x == f,
                    _ => false,
                })
            };
            for (i, a) in s.actions.iter().enumerate().filter(|(i, a)| {
                a.kind == ActionKind::Remediation && !a.trap && !drill.action_done(*i) && fixes(a)
            }) {
                let missing: Vec<&Condition> =
                    a.requires.iter().filter(|c| !drill.holds(c)).collect();
                if missing.is_empty() {
                    return Some(i);
                }
                // A prerequisite step the fix needs first.
                if let Some(Condition::Done(pre)) = missing.first()
                    && s.actions[*pre].requires.iter().all(|c| drill.holds(c))
                    && !s.actions[*pre].trap
                {
                    return Some(*pre);
                }
            }
        }
    }
    // Owed even if it ran before the harm: it runs again.
    let ready = |a: &ActionIdx| s.actions[*a].requires.iter().all(|c| drill.holds(c));
    owed.into_iter()
        .find(ready)
        .or_else(|| exit_work(drill, ActionKind::Remediation).find(ready))
}

/// Actions the exit criteria need done that are not done yet, of a kind
/// (never a trap): the incident is not over until they are.
fn exit_work(drill: &Drill, kind: ActionKind) -> impl Iterator<Item = ActionIdx> + '_ {
    let s = drill.scenario();
    s.exit
        .mitigated
        .iter()
        .chain(&s.exit.resolved)
        .filter_map(|c| match *c {
            Condition::Done(a) => Some(a),
            _ => None,
        })
        .filter(move |&a| s.actions[a].kind == kind && !s.actions[a].trap && !drill.action_done(a))
}

fn remediate(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let Some(action) = next_fix(drill) else {
        return;
    };
    if in_flight(drill, action) {
        return;
    }
    let now = drill.now();
    match mind.operations.proposals.get(&action) {
        None => {
            mind.operations.proposals.insert(action, now);
            let a = &drill.scenario().actions[action];
            out.push(Command::Propose(format!(
                "Proposal: {} ({}) on {}.",
                a.name,
                a.id,
                drill.scenario().components[a.target].name
            )));
        }
        Some(&at) => {
            // Production changes wait for the IC's decision; chase it every few minutes.
            if proposal_decided(drill, &mind.id, at) {
                assign_or_run(mind, drill, action, out);
            } else if now >= at + 4 * MINUTE
                && (now - at).is_multiple_of(4 * MINUTE)
                && let Some(ic) = drill.people().holder(&Role::IC)
            {
                let a = &drill.scenario().actions[action];
                out.push(Command::Say {
                    channel: crate::world::comms::Channel::CommandPost,
                    kind: MessageKind::Question,
                    text: format!(
                        "@{ic} I still need a decision on {} ({}) before I change production.",
                        a.name, a.id
                    ),
                });
            }
        }
    }
}

fn proposal_decided(drill: &Drill, me: &str, since: Tick) -> bool {
    drill
        .threads()
        .last_proposal_by
        .get(me)
        .is_some_and(|&(proposal, at)| {
            at >= since && drill.threads().decided.contains_key(&proposal)
        })
}

fn stand_down_idle(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let idle: Option<String> = responders(drill)
        .filter(|p| {
            drill.people().team_of(&p.id).is_some()
                && !mind.operations.told_standby.contains(&p.id)
                && is_idle(drill, &p.id)
        })
        .map(|p| p.id.clone())
        .next();
    if let Some(who) = idle
        && drill.resolved_at().is_none()
    {
        mind.operations.told_standby.insert(who.clone());
        out.push(Command::Order {
            to: Some(who.clone()),
            task: Task::StandBy,
            timebox: None,
            text: format!("@{who} stand by, hands off production until I give you a task"),
        });
    }
}

fn report(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    let now = drill.now();
    let facts = drill.faults().iter().filter(|f| f.revealed).count()
        + drill.faults().iter().filter(|f| f.is_mitigated()).count() * 10;
    let news = facts != mind.operations.known_facts;
    if !news && now < mind.operations.last_report + 8 * MINUTE {
        return;
    }
    mind.operations.known_facts = facts;
    mind.operations.last_report = now;
    let ic = drill.people().holder(&Role::IC).map(String::from);
    let pending = mind
        .operations
        .proposals
        .iter()
        .rev()
        .find(|(a, at)| !drill.action_done(**a) && !proposal_decided(drill, &mind.id, **at));
    let needs = match pending {
        Some((a, _)) => format!("a decision on {}", drill.scenario().actions[*a].id),
        None => "nothing right now".into(),
    };
    out.push(Command::Report {
        to: ic,
        conditions: text::conditions(drill),
        actions: text::actions_in_flight(drill),
        needs,
        channel: None,
    });
    if drill.scenario().need_to_know && news {
        let causes: Vec<&str> = drill
            .scenario()
            .faults
            .iter()
            .enumerate()
            .filter(|(i, _)| drill.faults()[*i].revealed)
            .map(|(_, f)| f.root_cause.as_str())
            .collect();
        if !causes.is_empty() {
            out.push(Command::Say {
                channel: crate::world::comms::Channel::Restricted,
                kind: MessageKind::Report,
                text: format!("Need to know — cause details: {}", causes.join("; ")),
            });
        }
    }
}

#[cfg(test)]
mod tests;
