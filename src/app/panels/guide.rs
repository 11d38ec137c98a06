//! Help (F1) and the seat's doctrine card (F2), as windows over the drill.

use bevy_egui::egui;

use super::View;
use crate::app::ui_state::UiState;
use crate::compose::SLASH_COMMANDS;
use crate::doctrine::{GLOSSARY, card};
use crate::scenario::Seat;
use crate::view::Lens;

/// Shows whichever of the two windows is open.
pub fn windows(ctx: &egui::Context, view: &View, state: &mut UiState) {
    let seat = match view.lens {
        Lens::Seat(seat) => seat,
        Lens::Everything => view.drill.seat_of(view.me).unwrap_or(Seat::IC),
    };
    egui::Window::new(format!("Doctrine — {seat:?}"))
        .open(&mut state.show_doctrine)
        .default_width(420.0)
        .show(ctx, |ui| {
            for rule in card(seat) {
                ui.label(format!("• {rule}"));
            }
        });
    egui::Window::new("Help").open(&mut state.show_help).default_width(520.0).show(ctx, |ui| {
        ui.label("Enter sends · Tab moves between panels · Space pauses (when not typing) · F1 help · F2 doctrine · Esc menu");
        ui.separator();
        for (_, help) in SLASH_COMMANDS {
            ui.monospace(help);
        }
        ui.separator();
        for (word, meaning) in GLOSSARY {
            ui.label(format!("{word}: {meaning}"));
        }
    });
}
