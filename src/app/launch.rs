//! What the command line asked the app to do.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::scenario::Seat;
use crate::script::Script;
use crate::time::Tick;

/// How the app starts.
#[derive(Resource, Debug, Clone)]
pub struct Launch {
    /// Where the scenario library lives.
    pub scenarios_dir: PathBuf,
    /// Jump straight into a drill instead of the title screen.
    pub direct: Option<DirectDrill>,
}

/// `firedrill drill SCENARIO --seat …`.
#[derive(Debug, Clone)]
pub struct DirectDrill {
    pub scenario: PathBuf,
    pub seat: Seat,
    pub seed: u64,
    /// Show every seat's instruments.
    pub practice: bool,
    /// Play a script in the window, take screenshots and exit.
    pub autopilot: Option<AutopilotPlan>,
}

/// The autopilot's plan: what to play, when to take pictures, where to put them.
#[derive(Debug, Clone)]
pub struct AutopilotPlan {
    pub script: Script,
    pub shots: Vec<Tick>,
    pub shot_dir: PathBuf,
    /// Simulated seconds per wall second.
    pub speed: u32,
}

impl Launch {
    /// The title screen over the bundled library.
    pub fn title(scenarios_dir: PathBuf) -> Launch {
        Launch {
            scenarios_dir,
            direct: None,
        }
    }
}
