//! Firedrill: an incident-response drill simulator.
//!
//! The core (everything but `app`) never uses Bevy: scenarios, the
//! deterministic simulation, participants and NPCs, communication, sessions
//! and the headless CLI. The `app` feature adds the Bevy shell.

pub mod cli;
pub mod comms;
pub mod diagnostic;
pub mod drill;
pub mod npc;
pub mod play;
pub mod scenario;
pub mod script;
pub mod session;
pub mod sim;
pub mod synthetic;
#[cfg(test)]
pub(crate) mod testing;
pub mod time;
