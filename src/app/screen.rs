//! The app's shared vocabulary, a leaf every other module may use: the
//! screens (states), the system sets, what a drill's end announces, the
//! choices made on the way to a drill, and the full-window panel.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::scenario::{LoadedScenario, Seat};

/// Where the player is.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Picker,
    Briefing,
    Drill,
    Debrief,
    /// The replay viewer on a recording.
    Replay,
    /// Two runs of a scenario side by side.
    Compare,
    /// The guided tutorial's pages (a stage's drill runs on `Drill`).
    Tutorial,
    /// A team drill joined or hosted, before the host starts it.
    Lobby,
}

/// The app's top-level system sets, declared once and ordered in the root plugin.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Steps the live drill by the frame's time (in `Update`).
    Clock,
    /// Draws the drill screen (in egui's pass).
    DrillUi,
}

/// The drill in play has ended; sent once per drill. The debrief and the
/// tutorial react to it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrillEnded;

/// Which screen takes over when the drill in play ends: the debrief, unless
/// whoever started the drill (a tutorial stage) asked for another.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterDrill(pub Screen);

impl Default for AfterDrill {
    fn default() -> Self {
        AfterDrill(Screen::Debrief)
    }
}

/// What the player chose on the way to a drill.
#[derive(Resource, Debug, Clone)]
pub struct Choice {
    pub scenario: Option<std::path::PathBuf>,
    pub seat: Seat,
    pub seed: u64,
    /// Run the drill as its game master.
    pub instructor: bool,
    /// With `instructor`: a trainee plays `seat` at the same keyboard.
    pub trainee: bool,
    /// Difficulty knobs.
    pub knobs: crate::scenario::Knobs,
}

impl Default for Choice {
    fn default() -> Self {
        Choice {
            scenario: None,
            seat: Seat::IC,
            seed: 1,
            instructor: false,
            trainee: true,
            knobs: Default::default(),
        }
    }
}

/// Where a new drill's session file goes.
pub fn session_path(loaded: &LoadedScenario, seat: Seat) -> std::path::PathBuf {
    crate::base::files::new_session_path(&format!("{}-{seat:?}", loaded.scenario.id))
}

/// A full-window panel on a fresh root `Ui`, for screens drawn by egui.
pub fn full_screen(ctx: &egui::Context, add: impl FnOnce(&mut egui::Ui)) {
    let mut root = egui::Ui::new(
        ctx.clone(),
        "screen".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, add);
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.init_resource::<Choice>();
    app.init_resource::<AfterDrill>();
    app.add_message::<DrillEnded>();
    // Whoever starts the next drill says again where it ends.
    app.add_systems(OnExit(Screen::Drill), |mut after: ResMut<AfterDrill>| {
        *after = AfterDrill::default();
    });
}
