//! Screens as states: title → picker → briefing → drill → debrief, and
//! title → tutorial ⇄ drill for the guided tutorial.

mod briefing;
mod compare;

pub use briefing::session_path;
pub use compare::{CompareAction, Comparing, compare_screen};
mod debrief;
mod drill;
mod picker;
mod title;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::scenario::Seat;

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

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.init_resource::<Choice>();
    app.add_plugins((
        title::plugin,
        picker::plugin,
        briefing::plugin,
        drill::plugin,
        debrief::plugin,
        compare::plugin,
    ));
}

/// A full-window panel on a fresh root `Ui`, for screens drawn by egui.
pub(super) fn full_screen(ctx: &egui::Context, add: impl FnOnce(&mut egui::Ui)) {
    let mut root = egui::Ui::new(
        ctx.clone(),
        "screen".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, add);
}
