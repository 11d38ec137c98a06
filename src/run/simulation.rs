//! A drill with its simulated people: everything that moves when a second
//! passes. `Simulation::step` is the only place a drill is stepped; the loop
//! (`Room`) wraps it with a journal, a clock and its input sources, and
//! replays re-simulate with it.

use crate::cast::Cast;
use crate::scenario::Scenario;
use crate::world::{Drill, Entry, HumanSpec, Input};

/// A drill and its cast, stepped together. Cloning it copies the whole
/// moment (replays keep such keyframes).
#[derive(Debug, Clone)]
pub struct Simulation {
    drill: Drill,
    cast: Cast,
}

impl Simulation {
    /// A new drill: the humans given take their seats, simulated people fill the rest.
    pub fn new(scenario: Scenario, seed: u64, humans: &[HumanSpec]) -> Simulation {
        let drill = Drill::new(scenario, seed, humans);
        let cast = Cast::new(&drill);
        Simulation { drill, cast }
    }

    /// Applies the inputs at the current tick, lets the world and the
    /// simulated people act, and moves on one second. Returns the events of
    /// this tick (none once the drill is over).
    pub fn step(&mut self, inputs: &[Input]) -> &[Entry] {
        for input in inputs {
            self.drill.apply_now(input);
        }
        self.finish_step()
    }

    /// Applies an input at once in the current second (its effect is in the
    /// log before the second runs). False once the drill is over.
    pub fn apply_now(&mut self, input: &Input) -> bool {
        self.drill.apply_now(input)
    }

    /// Runs the current second, whose inputs were applied as they came: the
    /// world and the simulated people act, and it moves on one second.
    /// Returns the second's events (none once the drill is over).
    pub fn finish_step(&mut self) -> &[Entry] {
        let start = match self.drill.run_tick() {
            Some(mut turn) => {
                self.cast.act(&mut turn);
                turn.close()
            }
            None => self.drill.log().len(),
        };
        &self.drill.log()[start..]
    }

    /// The drill as it stands.
    pub fn drill(&self) -> &Drill {
        &self.drill
    }

    /// The simulated people.
    pub fn cast(&self) -> &Cast {
        &self.cast
    }

    /// A copy of this moment without the drill's log, which replays keep
    /// once rather than in every keyframe.
    pub fn copy_without_log(&self) -> Simulation {
        Simulation {
            drill: self.drill.copy_without_log(),
            cast: self.cast.clone(),
        }
    }

    /// Puts back the log of a copy made by `copy_without_log`: `log` must be
    /// the drill's log up to this moment.
    pub fn restore_log(&mut self, log: Vec<Entry>) {
        self.drill.restore_log(log);
    }

    /// The drill and its cast, taken apart.
    pub fn into_parts(self) -> (Drill, Cast) {
        (self.drill, self.cast)
    }

    /// Puts a drill and its cast back together (a keyframe, say).
    pub fn from_parts(drill: Drill, cast: Cast) -> Simulation {
        Simulation { drill, cast }
    }
}

/// Reading a simulation is reading its drill.
impl std::ops::Deref for Simulation {
    type Target = Drill;

    fn deref(&self) -> &Drill {
        &self.drill
    }
}
