//! The scenario picker: every drill in the library, with its difficulty,
//! objectives and recommended seats; a broken file shows its errors.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Choice, Screen, full_screen};
use crate::app::library::Library;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Picker)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    library: Res<Library>,
    mut choice: ResMut<Choice>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    full_screen(ctx, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Back").clicked() {
                next.set(Screen::Title);
            }
            ui.heading("Choose a drill");
        });
        if let Some(problem) = &library.problem {
            ui.colored_label(
                egui::Color32::from_rgb(230, 110, 90),
                format!("Cannot read the library: {problem}"),
            );
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for entry in &library.entries {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    match &entry.loaded {
                        Ok(loaded) => {
                            let s = &loaded.scenario;
                            ui.horizontal(|ui| {
                                ui.heading(&s.title);
                                ui.label(format!("{:?}", s.difficulty));
                                ui.weak(format!("{} min", s.time_limit / 60));
                                if ui.button("Brief me").clicked() {
                                    choice.scenario = Some(entry.path.clone());
                                    if let Some(seat) = s.recommended_seats.first() {
                                        choice.seat = *seat;
                                    }
                                    next.set(Screen::Briefing);
                                }
                            });
                            ui.label(&s.summary);
                            for objective in &s.objectives {
                                ui.label(format!("• {objective}"));
                            }
                            let seats: Vec<String> = s
                                .recommended_seats
                                .iter()
                                .map(|s| format!("{s:?}"))
                                .collect();
                            ui.weak(format!("Recommended seats: {}", seats.join(", ")));
                        }
                        Err(errors) => {
                            ui.heading(entry.title());
                            ui.colored_label(
                                egui::Color32::from_rgb(230, 110, 90),
                                "This scenario does not validate:",
                            );
                            ui.monospace(errors.to_string());
                        }
                    }
                });
            }
        });
    });
    Ok(())
}
