//! Help (F1: keys, slash commands, the ICS glossary) and the doctrine cards
//! (F2: the trainee's seat first), as windows over the drill. The same
//! glossary and cards serve every other screen (`app::guide`).

use bevy_egui::egui;

use super::View;
use crate::app::ui_state::UiState;
use crate::lenses::compose::SLASH_COMMANDS;
use crate::lenses::doctrine::{GLOSSARY, card};
use crate::lenses::view::Lens;
use crate::scenario::Seat;

/// Seats with a doctrine card, in the order they are offered.
const SEATS: [Seat; 5] = [Seat::IC, Seat::OL, Seat::CL, Seat::Scribe, Seat::Responder];

/// Shows whichever of the two windows is open.
pub fn windows(ctx: &egui::Context, view: &View, state: &mut UiState) {
    let own = match view.lens {
        Lens::Seat(seat) => seat,
        Lens::Everything => view.drill.seat_of(view.me).unwrap_or(Seat::IC),
    };
    let seat = state.doctrine_seat.get_or_insert(own);
    egui::Window::new("Doctrine cards")
        .open(&mut state.show_doctrine)
        .default_width(440.0)
        .show(ctx, |ui| doctrine_cards(ui, seat));
    egui::Window::new("Help").open(&mut state.show_help).default_width(520.0).show(ctx, |ui| {
        ui.label("Enter sends · Tab moves between buttons · F6 between panels · Space pauses (when nothing has the focus) · F1 help · F2 doctrine · Esc menu");
        ui.separator();
        for (_, help) in SLASH_COMMANDS {
            ui.monospace(help);
        }
        ui.separator();
        glossary(ui);
    });
}

/// The ICS words, one line each.
pub fn glossary(ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .id_salt("glossary")
        .max_height(420.0)
        .show(ui, |ui| {
            for (word, meaning) in GLOSSARY {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(word).strong());
                    ui.label(meaning);
                });
            }
        });
}

/// A tab per seat and the chosen seat's rules.
pub fn doctrine_cards(ui: &mut egui::Ui, seat: &mut Seat) {
    ui.horizontal(|ui| {
        for s in SEATS {
            ui.selectable_value(seat, s, format!("{s:?}"));
        }
    });
    ui.separator();
    for rule in card(*seat) {
        ui.label(format!("• {rule}"));
    }
}
