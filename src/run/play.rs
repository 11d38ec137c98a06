//! Playing a drill headlessly: a script drives the humans, simulated people
//! fill every other seat, and the session is journaled tick by tick.

use std::path::Path;

use crate::base::time::{Tick, clock};
pub use crate::run::Pace;
use crate::run::script::Script;
use crate::run::{Room, Simulation};
use crate::scenario::Knobs;
use crate::scenario::LoadedScenario;
use crate::world::{Drill, Entry, Event, Outcome, Violation};

/// Starts a drill from a script and journals it to `out` (if given) until it ends.
pub fn play(
    loaded: &LoadedScenario,
    script: &Script,
    seed: u64,
    out: Option<&Path>,
    pace: Pace,
) -> Result<Simulation, String> {
    play_watched(loaded, script, seed, out, pace, |_| {})
}

/// Like `play`, handing each tick's events to `watch` as they happen.
pub fn play_watched(
    loaded: &LoadedScenario,
    script: &Script,
    seed: u64,
    out: Option<&Path>,
    pace: Pace,
    watch: impl FnMut(&[Entry]),
) -> Result<Simulation, String> {
    play_tuned(loaded, script, seed, Knobs::default(), out, pace, watch)
}

/// Like `play_watched`, on the scenario tuned by `knobs` (recorded in the session).
pub fn play_tuned(
    loaded: &LoadedScenario,
    script: &Script,
    seed: u64,
    knobs: Knobs,
    out: Option<&Path>,
    pace: Pace,
    watch: impl FnMut(&[Entry]),
) -> Result<Simulation, String> {
    let mut room = Room::start(
        loaded,
        seed,
        script.team.clone(),
        Some(script.clone()),
        knobs,
        out,
        |_| {},
    )?;
    room.run_to_end(pace, watch)?;
    Ok(room.into_simulation())
}

/// The facts a trainee wants right after a drill.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub outcome: Option<Outcome>,
    pub ended_at: Tick,
    pub first_alert: Option<Tick>,
    pub declared: Option<Tick>,
    pub mitigated: Option<Tick>,
    pub resolved: Option<Tick>,
    pub failed_orders: u64,
    /// Each segment's harm in its own words (empty for engine 1's sessions).
    pub impact: Vec<String>,
    pub messages: usize,
    pub status_posts: usize,
    pub refused_changes: usize,
    pub freelancing: usize,
}

impl Summary {
    /// Summarises a drill from its log.
    pub fn of(drill: &Drill) -> Summary {
        let log = drill.log();
        let first = |f: &dyn Fn(&Event) -> bool| log.iter().find(|e| f(&e.event)).map(|e| e.at);
        let count = |f: &dyn Fn(&Event) -> bool| log.iter().filter(|e| f(&e.event)).count();
        let (failed_orders, impact, ended_at) = log
            .iter()
            .rev()
            .find_map(|e| match &e.event {
                Event::DrillEnded {
                    failed_orders,
                    impact,
                    ..
                } => Some((*failed_orders, impact.clone(), e.at)),
                _ => None,
            })
            .unwrap_or_else(|| {
                (
                    drill.platform().failed_orders().round() as u64,
                    drill.impact(),
                    drill.now(),
                )
            });
        let impact = crate::lenses::describe::impact_lines(drill.scenario(), &impact);
        Summary {
            outcome: drill.outcome(),
            ended_at,
            first_alert: first(&|e| matches!(e, Event::AlertFired { .. })),
            declared: first(&|e| matches!(e, Event::Declared { .. })),
            mitigated: first(&|e| matches!(e, Event::IncidentMitigated)),
            resolved: first(&|e| matches!(e, Event::IncidentResolved)),
            failed_orders,
            impact,
            messages: count(&|e| matches!(e, Event::Posted(_))),
            status_posts: count(&|e| matches!(e, Event::StatusPosted(_))),
            refused_changes: count(&|e| {
                matches!(
                    e,
                    Event::ViolationNoted {
                        violation: Violation::OutsideOpsChain,
                        ..
                    }
                )
            }),
            freelancing: count(&|e| {
                matches!(
                    e,
                    Event::ViolationNoted {
                        violation: Violation::Freelancing,
                        ..
                    }
                )
            }),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = |t: Option<Tick>| t.map_or("never".to_string(), clock);
        let outcome = match self.outcome {
            Some(Outcome::Resolved) => "resolved",
            Some(Outcome::MitigatedOnly) => "mitigated but not resolved when time ran out",
            Some(Outcome::Unmitigated) => "NOT mitigated when time ran out",
            None => "still running",
        };
        writeln!(
            f,
            "Outcome: {outcome} (drill ended {})",
            clock(self.ended_at)
        )?;
        writeln!(
            f,
            "  first alert {}, declared {}, mitigated {}, resolved {}",
            at(self.first_alert),
            at(self.declared),
            at(self.mitigated),
            at(self.resolved)
        )?;
        if self.impact.is_empty() {
            writeln!(f, "  failed customer orders: {}", self.failed_orders)?;
        } else {
            writeln!(f, "  customer impact: {}", self.impact.join("; "))?;
        }
        write!(
            f,
            "  messages: {}, status posts: {}, refused production changes: {}, freelancing: {}",
            self.messages, self.status_posts, self.refused_changes, self.freelancing
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::LoadedScenario;

    #[test]
    fn a_headless_play_summarises_the_drill() {
        let loaded = LoadedScenario {
            scenario: crate::testing::tiny(),
            path: "tiny.ron".into(),
            hash: "h".into(),
        };
        let drill = play(&loaded, &Script::empty("tiny"), 4, None, Pace::default()).unwrap();
        let summary = Summary::of(&drill);
        assert_eq!(summary.outcome, Some(Outcome::Resolved));
        assert!(summary.declared.unwrap() > summary.first_alert.unwrap());
        assert!(summary.mitigated.unwrap() <= summary.resolved.unwrap());
        let text = summary.to_string();
        assert!(text.starts_with("Outcome: resolved"), "{text}");
    }
}
