//! Running drills: the simulation step, the one loop (`Room`) with its
//! clock, sessions and replays.

mod clock;
pub mod play;
pub mod replay;
mod room;
pub mod script;
pub mod session;
mod simulation;

pub use clock::{Clock, MAX_STEPS_PER_ADVANCE};
pub use room::{Pace, Room};
pub use simulation::Simulation;
