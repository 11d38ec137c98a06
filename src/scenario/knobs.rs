//! Difficulty knobs: the same scenario made easier or harder without
//! editing it. Each knob turns the scenario a drill runs into another
//! scenario (pure and deterministic), so the simulation itself is unchanged;
//! the knobs are recorded in the session, and a replay applies them again.
//! Every knob at `Normal` leaves the scenario exactly as written.

use serde::{Deserialize, Serialize};

use crate::base::time::{MINUTE, Tick};
use crate::scenario::{AlertRule, AlertSeverity, Condition, Inject, Persona, Scenario, Trait};

/// One knob's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Level {
    Low,
    #[default]
    Normal,
    High,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Low, Level::Normal, Level::High];
}

/// How a drill is tuned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Knobs {
    /// Alerts that do not matter: Low drops the quiet (ticket) alerts no
    /// fault can reach, High adds flapping tickets on components no fault
    /// can reach (marked as noise: they never start the scoring clock).
    pub alert_noise: Level,
    /// Simulated responders: Low makes the unreliable ones slow and one of
    /// them a freelancer; High makes everyone reliable.
    pub npc_reliability: Level,
    /// Messages from outside: Low keeps every other inject, High adds
    /// executives' and customers' follow-ups after the first fault starts.
    pub inject_density: Level,
    /// How fast things get worse: executives' patience, the fuses of
    /// escalations (from their parent fault's start) and customer complaints
    /// (Low ×1.5 time, High ×0.6).
    pub time_pressure: Level,
}

impl Knobs {
    /// Every knob at Normal.
    pub fn is_normal(&self) -> bool {
        *self == Knobs::default()
    }

    /// "alert noise High, time pressure Low" (only the knobs off Normal).
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("alert noise", self.alert_noise),
            ("responder reliability", self.npc_reliability),
            ("inject density", self.inject_density),
            ("time pressure", self.time_pressure),
        ]
        .into_iter()
        .filter(|(_, l)| *l != Level::Normal)
        .map(|(name, l)| format!("{name} {l:?}"))
        .collect();
        if parts.is_empty() {
            "as written".into()
        } else {
            parts.join(", ")
        }
    }

    /// The scenario tuned by these knobs.
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        let mut s = scenario.clone();
        alert_noise(&mut s, self.alert_noise);
        reliability(&mut s, self.npc_reliability);
        injects(&mut s, self.inject_density);
        pressure(&mut s, self.time_pressure);
        s
    }
}

/// Components a fault can reach: the faulted ones and everything that
/// depends on them, however softly, directly or not. Noise stays away from
/// them, and the quiet alerts on them carry signal.
fn reachable_by_faults(s: &Scenario) -> Vec<bool> {
    let mut reached = vec![false; s.components.len()];
    for f in &s.faults {
        reached[f.component] = true;
    }
    // Dependencies point at what a component needs: spread until nothing changes.
    loop {
        let mut changed = false;
        for (c, component) in s.components.iter().enumerate() {
            if !reached[c] && component.depends_on.iter().any(|(d, _)| reached[*d]) {
                reached[c] = true;
                changed = true;
            }
        }
        if !changed {
            return reached;
        }
    }
}

/// Components the exit criteria name.
fn in_exit(s: &Scenario, c: usize) -> bool {
    s.exit
        .mitigated
        .iter()
        .chain(&s.exit.resolved)
        .any(|cond| matches!(cond, Condition::Healthy(x) if *x == c))
}

fn alert_noise(s: &mut Scenario, level: Level) {
    let reached = reachable_by_faults(s);
    match level {
        Level::Normal => {}
        // Quiet alerts go, except where a fault can reach: those are clues.
        Level::Low => s
            .alerts
            .retain(|a| a.severity == AlertSeverity::Page || reached[a.component]),
        Level::High => {
            // Metrics jitter by up to 3 %: a threshold 1.5 % over baseline held
            // for 4 s trips every few minutes and clears at once.
            let noisy: Vec<(usize, usize)> = (0..s.components.len())
                .filter(|&c| !reached[c] && !in_exit(s, c) && s.components[c].customers.is_none())
                .filter_map(|c| {
                    let m = s.components[c]
                        .metrics
                        .iter()
                        .position(|m| m.baseline > 0.0)?;
                    Some((c, m))
                })
                .take(2)
                .collect();
            for (n, (c, m)) in noisy.into_iter().enumerate() {
                let component = &s.components[c];
                let metric = &component.metrics[m];
                let mut id = format!("{}-watch-{n}", metric.name.replace('_', "-"));
                while s.alerts.iter().any(|a| a.id == id) {
                    id.push('x');
                }
                let rule = AlertRule {
                    id,
                    component: c,
                    metric: m,
                    above: Some(metric.baseline * 1.015),
                    below: None,
                    sustained: 4,
                    severity: AlertSeverity::Ticket,
                    text: format!("{} {} above normal", component.name, metric.name),
                    noise: true,
                };
                s.alerts.push(rule);
            }
        }
    }
}

fn reliability(s: &mut Scenario, level: Level) {
    match level {
        Level::Normal => {}
        Level::High => {
            for r in &mut s.responders {
                r.traits
                    .retain(|t| !matches!(t, Trait::Slow | Trait::Freelancer));
                if !r.traits.contains(&Trait::Reliable) {
                    r.traits.push(Trait::Reliable);
                }
            }
        }
        Level::Low => {
            let mut freelancer = s
                .responders
                .iter()
                .any(|r| r.traits.contains(&Trait::Freelancer));
            for r in &mut s.responders {
                if r.traits.contains(&Trait::Reliable) {
                    continue;
                }
                if !freelancer {
                    r.traits.push(Trait::Freelancer);
                    freelancer = true;
                } else if !r.traits.contains(&Trait::Slow) {
                    r.traits.push(Trait::Slow);
                }
            }
        }
    }
}

fn injects(s: &mut Scenario, level: Level) {
    match level {
        Level::Normal => {}
        Level::Low => {
            let mut i = 0;
            s.injects.retain(|_| {
                i += 1;
                i % 2 == 1
            });
        }
        Level::High => {
            // Follow-ups come once there is something to follow up on.
            let start = s
                .faults
                .iter()
                .filter_map(|f| match f.start {
                    crate::scenario::FaultStart::At(t) => Some(t),
                    _ => None,
                })
                .min()
                .unwrap_or(0);
            let mut extra: Vec<Inject> = Vec::new();
            for (n, e) in s.executives.iter().enumerate() {
                let at = start + (8 + 9 * n as Tick) * MINUTE;
                if at < s.time_limit {
                    extra.push(Inject {
                        at,
                        from: Persona::Executive(e.id.clone()),
                        text: "Where are we? I need something I can repeat to the board.".into(),
                    });
                }
            }
            for (k, after) in [(1, 6 * MINUTE), (2, 16 * MINUTE)] {
                let at = start + after;
                if at < s.time_limit {
                    extra.push(Inject {
                        at,
                        from: Persona::Customer(format!("Client desk {k}")),
                        text: "Our traders are asking whether your platform is degraded. Is it?"
                            .into(),
                    });
                }
            }
            s.injects.extend(extra);
            s.injects.sort_by_key(|i| i.at);
        }
    }
}

fn pressure(s: &mut Scenario, level: Level) {
    let (num, den) = match level {
        Level::Normal => return,
        Level::Low => (3, 2),
        Level::High => (3, 5),
    };
    let scale = |t: Tick| (u64::from(t) * num / den).min(u64::from(u32::MAX)) as Tick;
    for e in &mut s.executives {
        e.patience = scale(e.patience).max(MINUTE);
    }
    // An escalation's fuse is scaled from when its parent fault starts (when
    // that is a fixed time), and always burns after it.
    let starts: Vec<Option<Tick>> = s
        .faults
        .iter()
        .map(|f| match f.start {
            crate::scenario::FaultStart::At(t) => Some(t),
            _ => None,
        })
        .collect();
    let limit = s.time_limit.saturating_sub(1);
    for f in &mut s.faults {
        match &mut f.start {
            crate::scenario::FaultStart::IfNotMitigated { fault, by } => {
                let t0 = starts[*fault].unwrap_or(0);
                let fuse = by.saturating_sub(t0);
                *by = (t0 + scale(fuse)).clamp(t0 + 1, limit.max(t0 + 1));
            }
            crate::scenario::FaultStart::AfterFault { delay, .. } => *delay = scale(*delay).max(1),
            _ => {}
        }
    }
    s.complaints_per_min *= den as f64 / num as f64;
}

#[cfg(test)]
mod tests;
