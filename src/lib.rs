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
//! use firedrill::drill::Outcome;
//! use firedrill::run::Simulation;
//!
//! let loaded = firedrill::scenario::load("scenarios/ics-practice.ron".as_ref())?;
//! let mut sim = Simulation::new(loaded.scenario, 7, &[]);
//! while !sim.is_over() {
//!     sim.step(&[]);
//! }
//! assert_eq!(sim.outcome(), Some(Outcome::Resolved));
//! # Ok::<(), firedrill::diagnostic::Diagnostics>(())
//! ```

pub mod aar;
#[cfg(feature = "app")]
pub mod app;
pub mod authoring;
pub mod cli;
pub mod comms;
pub mod compare;
pub mod compose;
pub mod diagnostic;
pub mod doctrine;
pub mod drill;
pub mod files;
pub mod history;
pub mod instructor;
pub mod npc;
pub mod play;
pub mod replay;
pub mod run;
pub mod scenario;
pub mod score;
pub mod script;
pub mod session;
pub mod sim;
pub mod synthetic;
#[cfg(test)]
pub(crate) mod testing;
pub mod time;
pub mod tutorial;
pub mod view;
