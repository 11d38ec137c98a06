//! Replaying a recorded drill: the drill as it was at any moment, found by
//! re-simulating from the nearest keyframe; the moments worth stopping at;
//! notes added afterwards; and branching a new drill from any moment.

mod annotate;
mod branch;
mod markers;

pub use annotate::annotate;
pub use branch::branch;
pub use markers::{Marker, MarkerKind, markers};

use crate::base::time::Tick;
use crate::run::Simulation;
use crate::run::session::{Header, Moment, ReplayError, Session};
use crate::scenario::LoadedScenario;
use crate::world::{Entry, Input, Outcome};

/// A keyframe every this many simulated seconds: a seek re-simulates at most this many.
pub const KEYFRAME_EVERY: Tick = 120;

/// The drill at a moment, its log left out: the log up to then is a prefix
/// of the recording's, restored on seek. (Messages, orders and documents
/// are still copied per keyframe.)
struct Keyframe {
    sim: Simulation,
    log_len: usize,
}

impl Keyframe {
    fn of(sim: &Simulation) -> Keyframe {
        Keyframe {
            sim: sim.copy_without_log(),
            log_len: sim.log().len(),
        }
    }
}

/// A recorded drill, ready to be shown at any moment.
pub struct Replay {
    header: Header,
    inputs: Vec<(Tick, Input)>,
    events: Vec<Entry>,
    end: Option<(Tick, Outcome)>,
    /// `keyframes[i]` is the drill at moment `i * KEYFRAME_EVERY`, kept
    /// without its log: the log up to then is a prefix of `events`.
    keyframes: Vec<Keyframe>,
    /// The last moment there is: every tick before it was recorded.
    length: Tick,
}

impl Replay {
    /// Re-simulates the whole recording once, keeping keyframes, and checks
    /// that it reproduces the recorded log event for event.
    pub fn new(session: &Session, loaded: &LoadedScenario) -> Result<Replay, ReplayError> {
        let until = match (session.end, session.complete_through()) {
            (Some(_), _) => None,
            (None, Some(through)) => Some(through),
            (None, None) => return Replay::from_start(session, loaded),
        };
        let mut keyframes = Vec::new();
        let drill = crate::run::session::rerun_watching(session, loaded, until, |d, moment| {
            // The next keyframe is due exactly at its multiple of KEYFRAME_EVERY.
            if moment == Moment::Tick && keyframes.len() as Tick * KEYFRAME_EVERY == d.now() {
                keyframes.push(Keyframe::of(d));
            }
        })?;
        let recorded = crate::run::session::rerun::prefix(&session.events, until);
        let replayed = crate::run::session::rerun::prefix(drill.log(), until);
        crate::run::session::rerun::compare(recorded, replayed)?;
        if replayed.len() != recorded.len() {
            return Err(ReplayError::Other(format!(
                "the recording has {} events, the replay {}",
                recorded.len(),
                replayed.len()
            )));
        }
        Ok(Replay {
            header: session.header.clone(),
            inputs: session.inputs.clone(),
            events: replayed.to_vec(),
            end: session.end,
            length: drill.now(),
            keyframes,
        })
    }

    /// A recording interrupted before its first second was complete: only the start.
    fn from_start(session: &Session, loaded: &LoadedScenario) -> Result<Replay, ReplayError> {
        crate::run::session::rerun::ensure_playable(&session.header, loaded)?;
        let drill = Simulation::new(
            session.header.scenario(loaded),
            session.header.seed,
            &session.header.team,
        );
        Ok(Replay {
            header: session.header.clone(),
            inputs: Vec::new(),
            events: drill.log().to_vec(),
            end: None,
            length: 0,
            keyframes: vec![Keyframe::of(&drill)],
        })
    }

    /// The recording's header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Every recorded event (those of a damaged or unfinished tail left out).
    pub fn events(&self) -> &[Entry] {
        &self.events
    }

    /// The recorded inputs.
    pub fn inputs(&self) -> &[(Tick, Input)] {
        &self.inputs
    }

    /// How the drill ended, if it did.
    pub fn end(&self) -> Option<(Tick, Outcome)> {
        self.end
    }

    /// The last moment of the recording.
    pub fn length(&self) -> Tick {
        self.length
    }

    /// The drill as it was at `moment` (clamped to the recording): every tick
    /// before it simulated, none after.
    pub fn seek(&self, moment: Tick) -> Simulation {
        let moment = moment.min(self.length);
        let k = ((moment / KEYFRAME_EVERY) as usize).min(self.keyframes.len().saturating_sub(1));
        let keyframe = &self.keyframes[k];
        let mut drill = keyframe.sim.clone();
        drill.restore_log(self.events[..keyframe.log_len].to_vec());
        self.advance(&mut drill, moment);
        drill
    }

    /// Plays `drill` (a state of this recording) forward to `moment` with the
    /// recorded inputs: cheaper than a seek when the moment is just ahead.
    pub fn advance(&self, drill: &mut Simulation, moment: Tick) {
        let moment = moment.min(self.length);
        let mut next = self.inputs.partition_point(|(at, _)| *at < drill.now());
        while drill.now() < moment && !drill.is_over() {
            let now = drill.now();
            let start = next;
            while self.inputs.get(next).is_some_and(|(at, _)| *at == now) {
                next += 1;
            }
            let inputs: Vec<Input> = self.inputs[start..next]
                .iter()
                .map(|(_, input)| input.clone())
                .collect();
            drill.step(&inputs);
        }
    }

    /// The inputs recorded at or after `moment`: what "the original commands" are from there.
    pub fn inputs_from(&self, moment: Tick) -> &[(Tick, Input)] {
        &self.inputs[self.inputs.partition_point(|(at, _)| *at < moment)..]
    }
}

#[cfg(test)]
mod tests;
