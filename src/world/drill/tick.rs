//! One simulated second, in a fixed order: joins, commands, faults, work,
//! platform; then the simulated people's turn (outsiders, customers, each
//! simulated participant in turn); then the exit criteria. A second is
//! opened first (joins) and its commands applied as they come, so a host can
//! show a command's effect at once; running it does the rest.

use rand_core::RngCore;

use super::event::{Event, Outcome, Violation};
use super::{CLOSE_GRACE, Command, Drill, Outside};
use crate::scenario::{Effect, FaultStart, Role};
use crate::world::sim::alerts::AlertChange;
use crate::world::sim::faults::{FaultPhase, due_to_start};

/// Opens the current second if it is not open yet: people due to join
/// join. False once the drill is over.
pub(super) fn begin(drill: &mut Drill) -> bool {
    if drill.outcome.is_some() {
        return false;
    }
    if !drill.tick_open {
        drill.tick_open = true;
        drill.tick_start = drill.log.len();
        joins(drill);
    }
    true
}

/// Runs the open second past its inputs: faults start, work finishes, the
/// platform moves. The simulated people act on the returned turn.
pub(super) fn run(drill: &mut Drill) -> Option<Turn<'_>> {
    if !begin(drill) {
        return None;
    }
    start_faults(drill);
    finish_work(drill);
    update_platform(drill);
    drill.obligations_arise();
    let start = drill.tick_start;
    Some(Turn { drill, start })
}

/// The middle of a tick, when the simulated people act: they read the world
/// and hand in commands and outsiders' acts, which go through the same
/// checks as everyone's. Nothing else of the world can be changed from here.
#[must_use = "a tick ends only when its turn is closed"]
pub struct Turn<'a> {
    drill: &'a mut Drill,
    start: usize,
}

impl Turn<'_> {
    /// The world as it stands at this moment of the tick.
    pub fn world(&self) -> &Drill {
        self.drill
    }

    /// A participant's command, applied now (the next to act sees its effect).
    pub fn act(&mut self, by: &str, command: Command) {
        self.drill.apply_input(by, command);
    }

    /// An outsider's act, carried out now.
    pub fn outside(&mut self, act: Outside) {
        self.drill.outside(act);
    }

    /// Ends the tick: the exit criteria, then on to the next second. Returns
    /// where this tick's events begin in the log.
    pub fn close(self) -> usize {
        exit_criteria(self.drill);
        self.drill.now += 1;
        self.drill.tick_open = false;
        self.start
    }
}

impl Drill {
    /// Applies one input: the game master's through their own rules, anyone
    /// else's through the doctrine's.
    pub(super) fn apply_input(&mut self, by: &str, command: Command) {
        if by == super::GAME_MASTER || command.is_instructor() {
            super::instructor::apply(self, by, command);
        } else {
            self.apply(by, command);
        }
    }
}

fn joins(drill: &mut Drill) {
    let now = drill.now;
    let joining: Vec<usize> = (0..drill.people.list.len())
        .filter(|&i| !drill.people.list[i].present && drill.people.list[i].joins_at == now)
        .collect();
    for i in joining {
        drill.people.list[i].present = true;
        let p = drill.people.list[i].clone();
        drill.emit(Event::Joined {
            who: p.id.clone(),
            name: p.name.clone(),
            human: p.human,
            seat: p.seat,
        });
        if p.seat == Some(crate::scenario::Seat::IC)
            && drill.people.explicit_holder(&Role::IC).is_none()
        {
            drill.people.set_holder(Role::IC, &p.id);
            drill.emit(Event::RoleAssigned {
                role: Role::IC,
                to: p.id,
                by: "on-call rota".into(),
                briefing: "You are on call: you hold IC and every role not yet delegated.".into(),
            });
        }
    }
}

pub(super) fn start_fault(drill: &mut Drill, fault: usize) {
    let now = drill.now;
    drill.faults[fault].phase = FaultPhase::Active { since: now };
    let f = &drill.scenario.faults[fault];
    let id = f.id.clone();
    let event = Event::FaultStarted {
        fault: id.clone(),
        component: drill.scenario.components[f.component].id.clone(),
    };
    drill.emit(event);
    if drill.mitigated_at.is_some() || drill.resolved_at.is_some() {
        drill.mitigated_at = None;
        drill.resolved_at = None;
        drill.emit(Event::IncidentReopened { fault: id });
    }
}

fn start_faults(drill: &mut Drill) {
    for fault in due_to_start(&drill.scenario, &drill.faults, drill.now) {
        start_fault(drill, fault);
    }
}

fn finish_work(drill: &mut Drill) {
    let now = drill.now;
    let (finished, running): (Vec<_>, Vec<_>) = std::mem::take(&mut drill.work)
        .into_iter()
        .partition(|w| w.ends_at <= now);
    drill.work = running;
    for work in finished {
        let action = drill.scenario.actions[work.action].clone();
        let roll = crate::world::sim::noise::unit(drill.rng.next_u64());
        let success = roll >= action.failure_chance;
        let finding = (success && !action.finding.is_empty()).then(|| action.finding.clone());
        drill.emit(Event::ActionFinished {
            by: work.by.clone(),
            action: action.id.clone(),
            success,
            finding,
        });
        if !success {
            continue;
        }
        drill.done[work.action] = true;
        for effect in &action.effects {
            apply_effect(drill, effect, &work.by);
        }
        drill.discharge_by_action(work.action, &work.by);
        if action.trap {
            drill.emit(Event::ViolationNoted {
                by: work.by.clone(),
                violation: Violation::WrongFix,
                detail: format!("`{}` made things worse", action.id),
            });
        }
        let triggered: Vec<usize> = drill
            .scenario
            .faults
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                f.start == FaultStart::AfterAction(work.action)
                    && drill.faults[*i].phase == FaultPhase::Dormant
            })
            .map(|(i, _)| i)
            .collect();
        for fault in triggered {
            start_fault(drill, fault);
        }
    }
}

fn apply_effect(drill: &mut Drill, effect: &Effect, by: &str) {
    let now = drill.now;
    match *effect {
        Effect::Reveal(f) => {
            // A hazard can be found before it strikes.
            let findable = drill.faults[f].has_started()
                || (drill.scenario.is_hazard(f) && !drill.faults[f].is_defused());
            if findable && !drill.faults[f].revealed {
                drill.faults[f].revealed = true;
                let fault = &drill.scenario.faults[f];
                let event = Event::CauseRevealed {
                    fault: fault.id.clone(),
                    by: by.into(),
                    root_cause: fault.root_cause.clone(),
                };
                drill.emit(event);
            }
        }
        Effect::Mitigate(f) => {
            if let FaultPhase::Active { since } = drill.faults[f].phase {
                drill.faults[f].phase = FaultPhase::Mitigated { since, at: now };
                let id = drill.scenario.faults[f].id.clone();
                drill.emit(Event::FaultMitigated {
                    fault: id,
                    by: by.into(),
                });
            }
        }
        Effect::Resolve(f) => {
            if matches!(
                drill.faults[f].phase,
                FaultPhase::Active { .. } | FaultPhase::Mitigated { .. }
            ) {
                drill.faults[f].phase = FaultPhase::Resolved { at: now };
                let id = drill.scenario.faults[f].id.clone();
                drill.emit(Event::FaultResolved {
                    fault: id,
                    by: by.into(),
                });
            }
        }
        Effect::Trigger(f) => {
            if drill.faults[f].phase == FaultPhase::Dormant {
                start_fault(drill, f);
            }
        }
        Effect::Defuse(f) => match drill.faults[f].phase {
            FaultPhase::Dormant => {
                drill.faults[f].phase = FaultPhase::Defused { at: now };
                let id = drill.scenario.faults[f].id.clone();
                drill.emit(Event::FaultDefused {
                    fault: id,
                    by: by.into(),
                });
            }
            // Once it has struck, the same fix resolves it.
            FaultPhase::Active { .. } | FaultPhase::Mitigated { .. } => {
                apply_effect(drill, &Effect::Resolve(f), by)
            }
            FaultPhase::Resolved { .. } | FaultPhase::Defused { .. } => {}
        },
    }
}

fn update_platform(drill: &mut Drill) {
    let now = drill.now;
    let changes = drill
        .platform
        .update(&drill.scenario, &drill.faults, now, drill.seed);
    for (c, health) in changes {
        let component = drill.scenario.components[c].id.clone();
        drill.emit(Event::HealthChanged { component, health });
    }
    for i in 0..drill.scenario.alerts.len() {
        let rule = &drill.scenario.alerts[i];
        let value = drill.platform.values[rule.component][rule.metric];
        match drill.alerts[i].observe(rule, value, now) {
            Some(AlertChange::Fired) => {
                let event = Event::AlertFired {
                    alert: rule.id.clone(),
                    component: drill.scenario.components[rule.component].id.clone(),
                    severity: rule.severity,
                    text: rule.text.clone(),
                };
                drill.emit(event);
            }
            Some(AlertChange::Resolved) => {
                let event = Event::AlertResolved {
                    alert: rule.id.clone(),
                };
                drill.emit(event);
            }
            None => {}
        }
    }
}

fn exit_criteria(drill: &mut Drill) {
    let now = drill.now;
    // Besides the scenario's criteria, nothing that started may still be hurting
    // (a wrong fix's consequence counts too).
    let started = drill.faults.iter().any(|f| f.has_started());
    let calm = !drill.faults.iter().any(|f| f.is_active());
    if started
        && calm
        && drill.mitigated_at.is_none()
        && drill.scenario.exit.mitigated.iter().all(|c| drill.holds(c))
    {
        drill.mitigated_at = Some(now);
        drill.emit(Event::IncidentMitigated);
    }
    // Nor may anything still be owed.
    if started
        && calm
        && drill.resolved_at.is_none()
        && drill.owed().next().is_none()
        && drill.scenario.exit.resolved.iter().all(|c| drill.holds(c))
    {
        drill.resolved_at = Some(now);
        if drill.mitigated_at.is_none() {
            drill.mitigated_at = Some(now);
            drill.emit(Event::IncidentMitigated);
        }
        drill.emit(Event::IncidentResolved);
    }
    let grace_over = drill.resolved_at.is_some_and(|at| now >= at + CLOSE_GRACE);
    let time_up = now + 1 >= drill.scenario.time_limit;
    if drill.closed || grace_over || time_up {
        let outcome = if drill.resolved_at.is_some() {
            Outcome::Resolved
        } else if drill.mitigated_at.is_some() {
            Outcome::MitigatedOnly
        } else {
            Outcome::Unmitigated
        };
        drill.outcome = Some(outcome);
        let event = Event::DrillEnded {
            outcome,
            failed_orders: drill.platform.failed_orders().round() as u64,
            peak_users_affected: drill.platform.peak_users_affected,
            impact: drill.impact(),
        };
        drill.emit(event);
    }
}

#[cfg(test)]
mod tests;
