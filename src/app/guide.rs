//! The ICS glossary and the doctrine cards, reachable from every screen:
//! F1 and F2, or the buttons in the bottom-right corner. The drill and the
//! replay viewer draw their own (with the slash commands and the seat's card).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::screen::Screen;
use crate::scenario::Seat;

/// Which of the two windows are open, and the seat whose card comes first.
#[derive(Resource, Debug, Clone)]
pub struct GuideState {
    pub help: bool,
    pub doctrine: bool,
    pub seat: Seat,
}

impl Default for GuideState {
    fn default() -> Self {
        GuideState {
            help: false,
            doctrine: false,
            seat: Seat::IC,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GuideState>();
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(not(in_state(Screen::Drill)).and_then(not(in_state(Screen::Replay)))),
    );
}

fn draw(mut contexts: EguiContexts, mut guide: ResMut<GuideState>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (f1, f2) = ctx.input(|i| (i.key_pressed(egui::Key::F1), i.key_pressed(egui::Key::F2)));
    guide.help ^= f1;
    guide.doctrine ^= f2;
    corner_buttons(ctx, &mut guide);
    windows(ctx, &mut guide);
    Ok(())
}

/// The two buttons in the bottom-right corner.
pub fn corner_buttons(ctx: &egui::Context, guide: &mut GuideState) {
    egui::Area::new(egui::Id::new("guide-corner"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-8.0, -8.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button("ICS glossary (F1)").clicked() {
                    guide.help = !guide.help;
                }
                if ui.button("Doctrine cards (F2)").clicked() {
                    guide.doctrine = !guide.doctrine;
                }
            });
        });
}

/// The glossary and doctrine windows, whichever are open.
pub fn windows(ctx: &egui::Context, guide: &mut GuideState) {
    let GuideState {
        help,
        doctrine,
        seat,
    } = guide;
    egui::Window::new("ICS glossary")
        .open(help)
        .default_width(520.0)
        .default_pos([80.0, 80.0])
        .show(ctx, crate::app::panels::guide::glossary);
    egui::Window::new("Doctrine cards")
        .open(doctrine)
        .default_width(460.0)
        .default_pos([640.0, 80.0])
        .show(ctx, |ui| {
            crate::app::panels::guide::doctrine_cards(ui, seat)
        });
}
