//! Firedrill: an incident-response drill simulator.
//!
//! The core (everything but `app`) never uses Bevy: scenarios, the
//! deterministic simulation, participants and NPCs, communication, sessions
//! and the headless CLI. The `app` feature adds the Bevy shell.

pub mod diagnostic;
pub mod npc;
pub mod scenario;
pub mod time;
pub mod comms;
pub mod drill;
pub mod sim;
pub mod script;
pub mod session;
pub mod play;
pub mod cli;
#[cfg(test)]
pub(crate) mod testing;
