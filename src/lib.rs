//! Firedrill: an incident-response drill simulator.
//!
//! The core (everything but `app`) never uses Bevy: scenarios, the
//! deterministic simulation, participants and NPCs, communication, sessions
//! and the headless CLI. The `app` feature adds the Bevy shell.
//!
//! A drill in a few lines: load a scenario, start it with a seed and the
//! humans taking part (none here: simulated people hold every seat), and
//! step it one simulated second at a time with whatever commands arrive.
//!
//! ```
//! use firedrill::world::Outcome;
//! use firedrill::run::Simulation;
//!
//! let loaded = firedrill::scenario::load("scenarios/ics-practice.ron".as_ref())?;
//! let mut sim = Simulation::new(loaded.scenario, 7, &[]);
//! while !sim.is_over() {
//!     sim.step(&[]);
//! }
//! assert_eq!(sim.outcome(), Some(Outcome::Resolved));
//! # Ok::<(), firedrill::base::diagnostic::Diagnostics>(())
//! ```

//! The code is built in floors, lowest first: `base`, `scenario`, `world`,
//! `cast`, `lenses`, `run`, `judge`, `tools`, `net`, `app`, `cli`. Each uses
//! only the floors below it (docs/architecture.md; `tests/drill/architecture.rs`
//! checks it).

#[cfg(feature = "app")]
pub mod app;
pub mod base;
pub mod cast;
pub mod cli;
pub mod judge;
pub mod lenses;
pub mod net;
pub mod run;
pub mod scenario;
#[cfg(test)]
pub(crate) mod testing;
pub mod tools;
pub mod world;
