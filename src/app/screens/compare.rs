//! Two runs of one scenario side by side: the score per criterion and the
//! key timings, differences highlighted.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::screen::{Screen, full_screen};
use crate::app::theme::band_colour;
use crate::base::time::clock;
use crate::judge::compare::{Change, Comparison, Scored, recordings};
use crate::judge::score::Band;

/// The two runs being compared.
#[derive(Resource)]
pub struct Comparing {
    pub a: Scored,
    pub b: Scored,
    pub paths: (PathBuf, PathBuf),
    pub comparison: Comparison,
}

impl Comparing {
    /// Scores and compares two recordings (A is the earlier run, B the later).
    pub fn of(a: &Path, b: &Path) -> Result<Comparing, String> {
        let (sa, sb, comparison) = recordings(a, b)?;
        Ok(Comparing {
            a: sa,
            b: sb,
            paths: (a.to_path_buf(), b.to_path_buf()),
            comparison,
        })
    }
}

/// What the compare screen asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareAction {
    Back,
    Replay(PathBuf),
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Compare).and_then(resource_exists::<Comparing>)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    comparing: Res<Comparing>,
    mut next: ResMut<NextState<Screen>>,
    mut error: Local<Option<String>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut action = None;
    full_screen(ctx, |ui| {
        action = compare_screen(ui, &comparing);
        if let Some(e) = error.as_ref() {
            ui.colored_label(egui::Color32::from_rgb(230, 110, 90), e);
        }
    });
    match action {
        Some(CompareAction::Back) => next.set(Screen::Title),
        Some(CompareAction::Replay(path)) => {
            match crate::app::replay::ReplayViewer::open(&path, None) {
                Ok(viewer) => {
                    commands.insert_resource(viewer);
                    next.set(Screen::Replay);
                }
                Err(e) => *error = Some(e),
            }
        }
        None => {}
    }
    Ok(())
}

fn change_label(ui: &mut egui::Ui, change: Change) {
    match change {
        Change::Better => ui.colored_label(band_colour(Some(Band::P)), "better"),
        Change::Worse => ui.colored_label(band_colour(Some(Band::U)), "worse"),
        Change::Missing => ui.colored_label(band_colour(Some(Band::M)), "one run only"),
        Change::Same => ui.weak("same"),
    };
}

/// The comparison on `ui`.
pub fn compare_screen(ui: &mut egui::Ui, c: &Comparing) -> Option<CompareAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("⏴ Title").clicked() {
            action = Some(CompareAction::Back);
        }
        ui.heading(format!("Compare runs — {}", c.a.scenario));
    });
    ui.horizontal(|ui| {
        ui.strong("A:");
        ui.label(&c.a.label);
        if ui.small_button("Replay A").clicked() {
            action = Some(CompareAction::Replay(c.paths.0.clone()));
        }
    });
    ui.horizontal(|ui| {
        ui.strong("B:");
        ui.label(&c.b.label);
        if ui.small_button("Replay B").clicked() {
            action = Some(CompareAction::Replay(c.paths.1.clone()));
        }
    });
    let differences = c.comparison.differences().count();
    ui.label(format!(
        "{differences} difference{} (scores move by {:.2} or more, timings by {} s or more)",
        if differences == 1 { "" } else { "s" },
        crate::judge::compare::SCORE_NOISE,
        crate::judge::compare::TIME_NOISE
    ));
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.columns(2, |cols| {
            egui::Grid::new("compare-scores")
                .striped(true)
                .show(&mut cols[0], |ui| {
                    for h in ["Criterion", "A", "B", "B against A"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for row in std::iter::once(&c.comparison.overall).chain(&c.comparison.criteria)
                    {
                        if row.change == Change::Same {
                            ui.label(&row.name);
                        } else {
                            ui.strong(&row.name);
                        }
                        ui.label(crate::judge::aar::value_text(row.a));
                        ui.label(crate::judge::aar::value_text(row.b));
                        change_label(ui, row.change);
                        ui.end_row();
                    }
                });
            egui::Grid::new("compare-times")
                .striped(true)
                .show(&mut cols[1], |ui| {
                    for h in ["Key timing", "A", "B", "B against A"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    let time = |t: Option<u32>| t.map_or("never".to_string(), clock);
                    for row in &c.comparison.timings {
                        ui.label(row.name);
                        ui.label(time(row.a));
                        ui.label(time(row.b));
                        change_label(ui, row.change);
                        ui.end_row();
                    }
                });
        });
    });
    action
}
