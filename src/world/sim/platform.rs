//! Component health: impairment from active faults flows from dependencies to
//! dependents; metrics follow impairment (or what a fault drives directly);
//! customer impact accumulates while customer-facing parts are impaired.

use super::faults::FaultState;
use super::noise::jitter;
use serde::{Deserialize, Serialize};

use crate::base::time::Tick;
use crate::scenario::{ComponentIdx, FaultIdx, Harm, Scenario};

/// How a component is doing, shown by colour and by label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Health {
    Healthy,
    Degraded,
    Down,
}

/// Metric samples are kept every this many ticks for the dashboards.
pub const SAMPLE_EVERY: Tick = 10;

/// Relative size of metric jitter.
const JITTER: f64 = 0.03;

/// Live state of the platform.
#[derive(Debug, Clone)]
pub struct PlatformState {
    /// Effective impairment per component, 0 (fine) to 1 (down).
    pub impairment: Vec<f64>,
    pub health: Vec<Health>,
    /// Current value of each metric of each component.
    pub values: Vec<Vec<f64>>,
    /// Samples every `SAMPLE_EVERY` ticks: `series[component][metric][sample]`.
    pub series: Vec<Vec<Vec<f32>>>,
    /// Per segment: units blocked, stranded and wrong so far (`Harm` order).
    pub harm: Vec<[f64; 3]>,
    /// Per segment: how hurt it is right now, 0..=1.
    pub hurt: Vec<f64>,
    /// People affected right now and at worst (all segments together).
    pub users_affected: u32,
    pub peak_users_affected: u32,
    faults_by_component: Vec<Vec<FaultIdx>>,
}

impl PlatformState {
    /// A healthy platform at baseline.
    pub fn new(scenario: &Scenario) -> PlatformState {
        let mut faults_by_component = vec![Vec::new(); scenario.components.len()];
        for (i, fault) in scenario.faults.iter().enumerate() {
            faults_by_component[fault.component].push(i);
        }
        let values = scenario
            .components
            .iter()
            .map(|c| c.metrics.iter().map(|m| m.baseline).collect())
            .collect();
        let series = scenario
            .components
            .iter()
            .map(|c| vec![Vec::new(); c.metrics.len()])
            .collect();
        PlatformState {
            impairment: vec![0.0; scenario.components.len()],
            health: vec![Health::Healthy; scenario.components.len()],
            values,
            series,
            harm: vec![[0.0; 3]; scenario.segments.len()],
            hurt: vec![0.0; scenario.segments.len()],
            users_affected: 0,
            peak_users_affected: 0,
            faults_by_component,
        }
    }

    /// Advances one tick; returns components whose health changed.
    pub fn update(
        &mut self,
        scenario: &Scenario,
        faults: &[FaultState],
        now: Tick,
        seed: u64,
    ) -> Vec<(ComponentIdx, Health)> {
        let mut changes = Vec::new();
        for &c in &scenario.topo_order {
            let component = &scenario.components[c];
            let own = self.faults_by_component[c]
                .iter()
                .map(|&f| {
                    scenario.faults[f].impairment
                        * faults[f].ramp_fraction(scenario.faults[f].ramp, now)
                })
                .fold(0.0, f64::max);
            let inherited = component
                .depends_on
                .iter()
                .map(|&(dep, weight)| self.impairment[dep] * weight)
                .fold(0.0, f64::max);
            let impairment = own.max(inherited).min(1.0);
            self.impairment[c] = impairment;
            let health = health_of(impairment);
            if health != self.health[c] {
                self.health[c] = health;
                changes.push((c, health));
            }
            for (m, metric) in component.metrics.iter().enumerate() {
                let mut value = metric.baseline + (metric.failed - metric.baseline) * impairment;
                for &f in &self.faults_by_component[c] {
                    let fault = &scenario.faults[f];
                    let fraction = faults[f].ramp_fraction(fault.ramp, now);
                    for &(fm, target) in &fault.metrics {
                        if fm == m && fraction > 0.0 {
                            let driven = metric.baseline + (target - metric.baseline) * fraction;
                            if (driven - metric.baseline).abs() > (value - metric.baseline).abs() {
                                value = driven;
                            }
                        }
                    }
                }
                value += value.abs() * JITTER * jitter(seed, now, c, m);
                self.values[c][m] = value;
                if now.is_multiple_of(SAMPLE_EVERY) {
                    self.series[c][m].push(value as f32);
                }
            }
        }
        self.account_customers(scenario);
        changes
    }

    /// Keeps the current values as the dashboards' next sample (a mirror,
    /// which is told the values rather than computing them).
    pub fn record_sample(&mut self) {
        for (series, values) in self.series.iter_mut().zip(&self.values) {
            for (samples, value) in series.iter_mut().zip(values) {
                samples.push(*value as f32);
            }
        }
    }

    /// Each segment's harm this second: what its blocked uses stop, what
    /// its stranded and wrong uses spoil of the rest.
    fn account_customers(&mut self, scenario: &Scenario) {
        let mut people = 0.0;
        for (i, segment) in scenario.segments.iter().enumerate() {
            let worst = |harm: Harm| {
                segment
                    .uses
                    .iter()
                    .filter(|(_, h)| *h == harm)
                    .map(|&(c, _)| self.impairment[c])
                    .fold(0.0, f64::max)
            };
            let blocked = worst(Harm::Blocked);
            let rest = 1.0 - blocked;
            let fractions = [
                blocked,
                worst(Harm::Stranded) * rest,
                worst(Harm::Wrong) * rest,
            ];
            let per_second = segment.per_min / 60.0;
            for (tally, fraction) in self.harm[i].iter_mut().zip(fractions) {
                *tally += per_second * fraction;
            }
            let hurt = segment
                .uses
                .iter()
                .map(|&(c, _)| self.impairment[c])
                .fold(0.0, f64::max);
            self.hurt[i] = hurt;
            people += f64::from(segment.people) * hurt;
        }
        self.users_affected = people.round() as u32;
        self.peak_users_affected = self.peak_users_affected.max(self.users_affected);
    }

    /// Units customers could not place, so far: every segment's blocked
    /// units together (what engine 1's sessions called failed orders).
    pub fn failed_orders(&self) -> f64 {
        self.harm.iter().map(|h| h[Harm::Blocked as usize]).sum()
    }

    /// How hurt customers are right now, 0..=1: the worst-hit segment.
    pub fn customer_impact(&self) -> f64 {
        self.hurt.iter().copied().fold(0.0, f64::max)
    }

    /// Units of `harm` a segment has suffered so far, whole.
    pub fn harmed(&self, segment: usize, harm: Harm) -> u64 {
        self.harm
            .get(segment)
            .map_or(0, |h| h[harm as usize].round() as u64)
    }
}

/// Health bands of impairment.
pub fn health_of(impairment: f64) -> Health {
    if impairment < 0.05 {
        Health::Healthy
    } else if impairment < 0.75 {
        Health::Degraded
    } else {
        Health::Down
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny;
    use crate::world::sim::faults::{FaultPhase, FaultState};

    #[test]
    fn impairment_flows_from_dependencies_hard_and_soft() {
        let s = tiny();
        let mut platform = PlatformState::new(&s);
        let mut faults = vec![FaultState::DORMANT; s.faults.len()];
        assert!(
            platform.update(&s, &faults, 0, 1).is_empty(),
            "healthy at baseline"
        );
        faults[2].phase = FaultPhase::Active { since: 0 }; // the cache fails
        let changes = platform.update(&s, &faults, 1, 1);
        assert_eq!(
            platform.impairment,
            [0.5, 0.5, 0.0, 1.0],
            "web <- api (soft on cache) <- db"
        );
        assert_eq!(
            changes,
            [
                (3, Health::Down),
                (1, Health::Degraded),
                (0, Health::Degraded)
            ]
        );
        assert!(
            platform.values[1][0] > 40.0,
            "api error rate follows impairment"
        );
        assert!(platform.failed_orders() > 0.0 && platform.users_affected == 50);
    }

    #[test]
    fn ramps_grow_and_mitigation_heals() {
        let mut s = tiny();
        s.faults[0].ramp = 100;
        let mut platform = PlatformState::new(&s);
        let mut faults = vec![FaultState::DORMANT; s.faults.len()];
        faults[0].phase = FaultPhase::Active { since: 0 };
        platform.update(&s, &faults, 50, 1);
        assert!((platform.impairment[2] - 0.5).abs() < 1e-9);
        faults[0].phase = FaultPhase::Mitigated { since: 0, at: 60 };
        platform.update(&s, &faults, 60, 1);
        assert_eq!(platform.health, [Health::Healthy; 4]);
    }
}
