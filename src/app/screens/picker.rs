//! The scenario picker: every drill in the library, with its difficulty,
//! objectives and recommended seats; a broken file shows its errors.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use egui_plot::{Line, Plot, PlotPoints};

use crate::app::attempts::Attempts;
use crate::app::library::Library;
use crate::app::screen::{Choice, Screen, full_screen};
use crate::judge::history::History;
use crate::scenario::Seat;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Picker)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    mut problem: Local<Option<String>>,
    library: Res<Library>,
    attempts: Res<Attempts>,
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
        ladder(ui, &attempts.history, &library);
        if let Some(p) = problem.as_ref() {
            ui.colored_label(egui::Color32::from_rgb(230, 110, 90), p);
        }
        if let Some(problem) = &attempts.problem {
            ui.colored_label(
                egui::Color32::from_rgb(230, 110, 90),
                format!("Attempt history: {problem}"),
            );
        }
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
                                let brief = ui.button("Brief me");
                                // A screen reader (and the keyboard autopilot) hears which drill.
                                brief.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::WidgetType::Button,
                                        true,
                                        format!("Brief me: {}", s.title),
                                    )
                                });
                                if brief.clicked() {
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
                            if let Some(review) = record(ui, &attempts.history, &s.id) {
                                let opened = match review {
                                    Review::Replay(path) => crate::app::replay::ReplayViewer::open(
                                        &path, None,
                                    )
                                    .map(|viewer| {
                                        commands.insert_resource(viewer);
                                        next.set(Screen::Replay);
                                    }),
                                    Review::Compare(a, b) => {
                                        super::Comparing::of(&a, &b).map(|c| {
                                            commands.insert_resource(c);
                                            next.set(Screen::Compare);
                                        })
                                    }
                                };
                                *problem = opened.err();
                            }
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

/// Reviewing past attempts of a scenario.
enum Review {
    Replay(std::path::PathBuf),
    Compare(std::path::PathBuf, std::path::PathBuf),
}

/// Best and last score of a scenario, a plot of every attempt, and buttons to
/// replay the last attempt or compare it with the one before.
fn record(ui: &mut egui::Ui, history: &History, id: &str) -> Option<Review> {
    let scores: Vec<f64> = history.of(id).filter_map(|a| a.overall).collect();
    let Some(last) = history.last(id) else {
        ui.weak("Not attempted yet");
        return None;
    };
    // Best is of the scenario as written; a tuned last run says how it was tuned.
    let best = history.best(id);
    let mut review = None;
    let recorded: Vec<std::path::PathBuf> = history
        .of(id)
        .map(|a| std::path::PathBuf::from(&a.session))
        .filter(|p| p.exists())
        .collect();
    ui.horizontal(|ui| {
        if let Some(latest) = recorded.last()
            && ui.small_button("Replay last").clicked()
        {
            review = Some(Review::Replay(latest.clone()));
        }
        if let [.., before, latest] = recorded.as_slice()
            && ui.small_button("Compare last two").clicked()
        {
            review = Some(Review::Compare(before.clone(), latest.clone()));
        }
        let mut seat = last.seat.map_or("team".to_string(), |s| format!("{s:?}"));
        if !last.knobs.is_normal() {
            seat = format!("{seat}, {}", last.knobs.describe());
        }
        ui.label(format!(
            "Best {}  ·  Last {} ({seat})  ·  {} attempt{}",
            crate::judge::aar::value_text(best),
            crate::judge::aar::value_text(last.overall),
            scores.len(),
            if scores.len() == 1 { "" } else { "s" }
        ));
        if scores.len() >= 2 {
            let points: PlotPoints = scores
                .iter()
                .enumerate()
                .map(|(i, v)| [i as f64 + 1.0, *v])
                .collect();
            Plot::new(("attempts", id))
                .height(48.0)
                .width(220.0)
                .include_y(0.0)
                .include_y(1.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show_axes([false, true])
                .show(ui, |plot| plot.line(Line::new("overall", points)));
        }
    });
    review
}

/// The solo ladder: per seat, the hardest difficulty cleared in a row.
fn ladder(ui: &mut egui::Ui, history: &History, library: &Library) {
    let difficulty_of = |id: &str| {
        library
            .entries
            .iter()
            .filter_map(|e| e.loaded.as_ref().ok())
            .find(|l| l.scenario.id == id)
            .map(|l| l.scenario.difficulty)
    };
    let rungs: Vec<String> = [Seat::IC, Seat::OL, Seat::CL, Seat::Scribe]
        .into_iter()
        .map(|seat| format!("{seat:?}: {:?}", history.ladder(seat, difficulty_of)))
        .collect();
    ui.weak(format!(
        "Solo ladder (hardest difficulty cleared at S or better): {}",
        rungs.join("  ·  ")
    ));
}
