//! The debrief: how the drill ended and its whole timeline, hidden causes included.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, full_screen};
use crate::app::live::LiveDrill;
use crate::drill::describe::describe;
use crate::play::Summary;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Debrief).and_then(resource_exists::<LiveDrill>)),
    );
    app.add_systems(OnExit(Screen::Debrief), |mut commands: Commands| {
        commands.remove_resource::<LiveDrill>()
    });
}

fn draw(
    mut contexts: EguiContexts,
    live: Res<LiveDrill>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    full_screen(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!("Debrief — {}", live.drill.scenario().title));
            if ui.button("Back to the library").clicked() {
                next.set(Screen::Picker);
            }
        });
        ui.monospace(Summary::of(&live.drill).to_string());
        if let Some(path) = &live.session_path {
            ui.weak(format!("Session saved to {}", path.display()));
        }
        ui.separator();
        ui.strong("Timeline (hidden causes shown)");
        let log = live.drill.log();
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(
            ui,
            18.0,
            log.len(),
            |ui, range| {
                for entry in &log[range] {
                    ui.add(egui::Label::new(describe(entry)).truncate());
                }
            },
        );
    });
    Ok(())
}
