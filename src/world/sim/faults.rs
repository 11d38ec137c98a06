//! Fault lifecycle: dormant, active, mitigated, resolved; and when each
//! dormant fault's start condition is met.

use crate::base::time::Tick;
use crate::scenario::{FaultIdx, FaultStart, Scenario};

/// Where a fault is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultPhase {
    Dormant,
    Active {
        since: Tick,
    },
    /// Symptoms gone, cause still there.
    Mitigated {
        since: Tick,
        at: Tick,
    },
    Resolved {
        at: Tick,
    },
    /// Found and made safe before it struck: it never will.
    Defused {
        at: Tick,
    },
}

/// Runtime state of one fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultState {
    pub phase: FaultPhase,
    /// Whether a diagnostic has revealed the root cause.
    pub revealed: bool,
}

impl FaultState {
    /// A fault not yet started.
    pub const DORMANT: FaultState = FaultState {
        phase: FaultPhase::Dormant,
        revealed: false,
    };

    /// Started and still hurting.
    pub fn is_active(&self) -> bool {
        matches!(self.phase, FaultPhase::Active { .. })
    }

    /// Started at some point (a defused fault never did).
    pub fn has_started(&self) -> bool {
        !matches!(self.phase, FaultPhase::Dormant | FaultPhase::Defused { .. })
    }

    /// Symptoms are gone (mitigated, resolved or defused).
    pub fn is_mitigated(&self) -> bool {
        matches!(
            self.phase,
            FaultPhase::Mitigated { .. } | FaultPhase::Resolved { .. } | FaultPhase::Defused { .. }
        )
    }

    /// Cause fixed (or defused before it struck).
    pub fn is_resolved(&self) -> bool {
        matches!(
            self.phase,
            FaultPhase::Resolved { .. } | FaultPhase::Defused { .. }
        )
    }

    /// Defused before it struck.
    pub fn is_defused(&self) -> bool {
        matches!(self.phase, FaultPhase::Defused { .. })
    }

    /// How far the fault's effect has ramped up, 0..=1, at `now`.
    pub fn ramp_fraction(&self, ramp: Tick, now: Tick) -> f64 {
        match self.phase {
            FaultPhase::Active { since } if ramp > 0 => {
                (f64::from(now.saturating_sub(since)) / f64::from(ramp)).min(1.0)
            }
            FaultPhase::Active { .. } => 1.0,
            _ => 0.0,
        }
    }
}

/// Dormant faults whose time- or fault-based start condition holds at `now`.
/// Action-triggered faults start when the action finishes, not here.
pub fn due_to_start(scenario: &Scenario, states: &[FaultState], now: Tick) -> Vec<FaultIdx> {
    scenario
        .faults
        .iter()
        .enumerate()
        .filter(|(i, _)| states[*i].phase == FaultPhase::Dormant)
        .filter(|(_, fault)| match fault.start {
            FaultStart::At(at) => now >= at,
            FaultStart::IfNotMitigated { fault, by } => {
                now >= by && states[fault].has_started() && !states[fault].is_mitigated()
            }
            FaultStart::AfterFault { fault, delay } => match states[fault].phase {
                FaultPhase::Active { since } | FaultPhase::Mitigated { since, .. } => {
                    now >= since + delay
                }
                _ => false,
            },
            FaultStart::AfterAction(_) => false,
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny;

    #[test]
    fn conditional_faults_start_only_if_their_condition_holds() {
        let s = tiny();
        let mut states = vec![FaultState::DORMANT; s.faults.len()];
        assert!(due_to_start(&s, &states, 59).is_empty());
        assert!(
            !due_to_start(&s, &states, 25 * 60).contains(&1),
            "no escalation of a fault that never started"
        );
        assert_eq!(due_to_start(&s, &states, 60), [0]);
        states[0].phase = FaultPhase::Active { since: 60 };
        assert_eq!(
            due_to_start(&s, &states, 20 * 60),
            [1],
            "not mitigated by 20m: escalates"
        );
        states[0].phase = FaultPhase::Mitigated { since: 60, at: 600 };
        assert!(
            due_to_start(&s, &states, 20 * 60).is_empty(),
            "mitigated in time"
        );
        assert!(
            !due_to_start(&s, &states, 9999).contains(&2),
            "action-triggered faults wait for their action"
        );
    }
}
