//! Alert rules evaluated against metric values: fire once a breach has lasted
//! the rule's `for` duration, resolve when it clears.

use crate::base::time::Tick;
use crate::scenario::AlertRule;

/// Runtime state of one alert rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlertState {
    pub breach_since: Option<Tick>,
    pub firing_since: Option<Tick>,
    pub acked: bool,
}

/// A change to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertChange {
    Fired,
    Resolved,
}

impl AlertState {
    /// Updates with the current metric value and reports a change, if any.
    pub fn observe(&mut self, rule: &AlertRule, value: f64, now: Tick) -> Option<AlertChange> {
        if rule.breached(value) {
            let since = *self.breach_since.get_or_insert(now);
            if self.firing_since.is_none() && now - since >= rule.sustained {
                self.firing_since = Some(now);
                self.acked = false;
                return Some(AlertChange::Fired);
            }
        } else {
            self.breach_since = None;
            if self.firing_since.take().is_some() {
                return Some(AlertChange::Resolved);
            }
        }
        None
    }

    /// Whether the alert is firing now.
    pub fn firing(&self) -> bool {
        self.firing_since.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::AlertSeverity;

    fn rule() -> AlertRule {
        AlertRule {
            id: "lat".into(),
            component: 0,
            metric: 0,
            above: Some(100.0),
            below: None,
            sustained: 30,
            severity: AlertSeverity::Page,
            text: "slow".into(),
            noise: false,
        }
    }

    #[test]
    fn fires_only_after_a_sustained_breach_and_resolves() {
        let (rule, mut state) = (rule(), AlertState::default());
        assert_eq!(state.observe(&rule, 150.0, 10), None);
        assert_eq!(
            state.observe(&rule, 50.0, 20),
            None,
            "a blip resets the clock"
        );
        assert_eq!(state.observe(&rule, 150.0, 21), None);
        assert_eq!(state.observe(&rule, 150.0, 50), None);
        assert_eq!(state.observe(&rule, 150.0, 51), Some(AlertChange::Fired));
        assert_eq!(state.observe(&rule, 150.0, 52), None);
        assert!(state.firing());
        assert_eq!(state.observe(&rule, 10.0, 60), Some(AlertChange::Resolved));
        assert!(!state.firing());
    }
}
