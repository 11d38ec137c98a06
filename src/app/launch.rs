//! What the command line asked the app to do.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::base::time::Tick;
use crate::run::script::Script;
use crate::scenario::Seat;

/// How the app starts.
#[derive(Resource, Debug, Clone)]
pub struct Launch {
    /// Where the scenario library lives.
    pub scenarios_dir: PathBuf,
    /// Jump straight into a drill instead of the title screen.
    pub direct: Option<DirectDrill>,
    /// Open the replay viewer on a recording instead of the title screen.
    pub replay: Option<ReplayLaunch>,
    /// Open the guided tutorial instead of the title screen.
    pub tutorial: Option<TutorialLaunch>,
    /// Join a hosted team drill (its lobby) instead of the title screen.
    pub join: Option<JoinLaunch>,
    /// Host a team drill from this window, as its game master.
    pub host: Option<HostLaunch>,
    /// Play a drill from the title screen with the keyboard alone.
    pub keyboard: Option<KeyboardLaunch>,
}

/// `firedrill keys PLAN`: the plan, where it came from, where pictures go.
#[derive(Debug, Clone)]
pub struct KeyboardLaunch {
    pub plan: crate::app::keyboard_plan::KeyPlan,
    pub plan_path: PathBuf,
    pub shot_dir: PathBuf,
}

/// `firedrill join ADDRESS CODE`.
#[derive(Debug, Clone)]
pub struct JoinLaunch {
    pub address: String,
    pub code: String,
    pub name: Option<String>,
    /// Play a script's part in the window, take screenshots and exit.
    pub tour: Option<TeamTour>,
}

/// `firedrill drill SCENARIO --host`: this window hosts and is the game master.
#[derive(Debug, Clone)]
pub struct HostLaunch {
    pub scenario: PathBuf,
    pub seed: u64,
    pub knobs: crate::scenario::Knobs,
    pub bind: std::net::SocketAddr,
    pub tls: bool,
    /// Simulated seconds per second.
    pub speed: u32,
    /// Also write the codes here, one `PERSON CODE` a line.
    pub codes: Option<PathBuf>,
    /// Start by itself once this many trainees are here.
    pub start_when: Option<usize>,
    /// Who plays (from `--team`); none: a code per seat.
    pub team: Option<Vec<crate::world::HumanSpec>>,
    pub tour: Option<TeamTour>,
}

/// A team window's autopilot: the script whose part to play (trainees),
/// drill times to photograph, where the pictures go.
#[derive(Debug, Clone)]
pub struct TeamTour {
    pub script: Option<Script>,
    pub shots: Vec<Tick>,
    pub shot_dir: PathBuf,
}

/// `firedrill tutorial`.
#[derive(Debug, Clone, Default)]
pub struct TutorialLaunch {
    /// A scripted new hire plays every stage while screenshots are taken; then the app exits.
    pub autopilot: Option<TutorialAutopilot>,
}

/// Where the tutorial autopilot's pictures go and how fast it plays.
#[derive(Debug, Clone)]
pub struct TutorialAutopilot {
    pub shot_dir: PathBuf,
    /// Simulated seconds per wall second.
    pub speed: u32,
}

/// `firedrill replay SESSION`.
#[derive(Debug, Clone)]
pub struct ReplayLaunch {
    pub session: PathBuf,
    pub scenario: Option<PathBuf>,
    /// Photograph the viewer at these moments and exit.
    pub tour: Option<ReplayTour>,
}

/// The replay viewer's autopilot: moments to photograph, then optionally a comparison.
#[derive(Debug, Clone)]
pub struct ReplayTour {
    pub shots: Vec<Tick>,
    pub shot_dir: PathBuf,
    pub compare_with: Option<PathBuf>,
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
    /// The game master's console and every seat's view.
    pub instructor: bool,
    /// With `instructor`: simulated people in every seat.
    pub no_trainee: bool,
    /// How the drill is tuned.
    pub knobs: crate::scenario::Knobs,
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
            replay: None,
            tutorial: None,
            join: None,
            host: None,
            keyboard: None,
        }
    }
}
