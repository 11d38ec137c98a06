//! The drill's timeline as the team could know it (hidden causes only
//! through the practice lens).

use bevy_egui::egui;

use super::View;
use crate::app::ui_state::UiState;
use crate::lenses::describe::describe;

/// The last events, newest first.
pub fn show(ui: &mut egui::Ui, view: &View, state: &UiState) {
    ui.heading("Timeline");
    let log = view.drill.log();
    if view.instruments().ground_truth {
        for entry in log.iter().rev().take(40) {
            ui.label(describe(entry));
        }
    } else {
        for &i in state.log_index.timeline.iter().rev().take(40) {
            ui.label(describe(&log[i]));
        }
    }
}
