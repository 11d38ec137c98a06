//! The guided tutorial: a new hire learns the Incident Command System by
//! doing it, in three stages over one small incident — the scribe's seat,
//! then the CL's, then the IC's. The coach spells out every step in the
//! first stage, offers a hint only when the trainee stalls in the second,
//! and says nothing in the third. Progress is saved between sessions, and
//! finishing suggests an order for the rest of the library.

mod coach;
pub mod new_hire;
mod progress;
mod stages;
mod step;
mod suggest;

pub use coach::{Coach, Guidance, STALL_AFTER, Say, StageResult};
pub use progress::{Progress, StageRecord, aside_path, default_path, set_aside};
pub use stages::{Scaffolding, Stage, StageId, stage};
pub use step::{ChannelKind, Cue, Deed, StatusStates, Step};
pub use suggest::{Suggestion, suggest_order};

/// The tutorial's scenario, inside the scenario library directory.
pub const SCENARIO_FILE: &str = "tutorial/first-incident.ron";

/// The seed every tutorial stage runs with, so the incident unfolds the same way each time.
pub const SEED: u64 = 1;

#[cfg(test)]
mod tests;
