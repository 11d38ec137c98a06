//! The tutorial screen: a stage's introduction, how a stage went, and at the
//! end the rest of the library in the suggested order.

use std::path::PathBuf;

use bevy_egui::egui;

use super::{Page, Tutorial};
use crate::scenario::Seat;
use crate::tools::tutorial::{StageId, Suggestion, stage};

/// What the trainee chose on the tutorial screen (the autopilot sends the same as messages).
#[derive(Debug, Clone, PartialEq, Eq, bevy::prelude::Message)]
pub enum TutorialAction {
    Start(StageId),
    /// On to the next stage's introduction (or the suggestions).
    Next,
    Retry(StageId),
    /// Forget the progress (a damaged file is kept aside).
    StartOver,
    /// Open the briefing of a suggested drill in its seat.
    Brief(PathBuf, Seat),
    Back,
    /// End the stage being played (from the coach over the drill).
    FinishStage,
}

const ERROR: egui::Color32 = egui::Color32::from_rgb(230, 110, 90);

/// Draws the page the tutorial is on.
pub fn tutorial_page(
    ui: &mut egui::Ui,
    tutorial: &Tutorial,
    suggestions: &[(Suggestion, PathBuf)],
) -> Vec<TutorialAction> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        if ui.button("Back").clicked() {
            actions.push(TutorialAction::Back);
        }
        ui.heading("Guided tutorial: your first incidents");
    });
    stage_track(ui, tutorial);
    if let Some(problem) = &tutorial.problem {
        ui.colored_label(ERROR, problem);
        if tutorial.damaged && ui.button("Start the tutorial over").clicked() {
            actions.push(TutorialAction::StartOver);
        }
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| match &tutorial.page {
        Page::Intro(id) => intro(ui, *id, &mut actions),
        Page::Result(result) => {
            ui.heading(stage(result.stage).title);
            let verdict = if result.complete() {
                format!(
                    "Every step done ({} of {}).",
                    result.done(),
                    result.steps.len()
                )
            } else {
                format!("{} of {} steps done.", result.done(), result.steps.len())
            };
            ui.label(egui::RichText::new(verdict).strong());
            for (goal, done) in &result.steps {
                ui.label(format!("{} {goal}", if *done { "✔" } else { "✘" }));
            }
            match result.hints {
                0 => ui.label("No hints needed."),
                1 => ui.label("You needed 1 hint."),
                n => ui.label(format!("You needed {n} hints.")),
            };
            for note in &result.notes {
                ui.label(note);
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui
                    .button(egui::RichText::new("Continue").size(18.0))
                    .clicked()
                {
                    actions.push(TutorialAction::Next);
                }
                if ui.button("Try this stage again").clicked() {
                    actions.push(TutorialAction::Retry(result.stage));
                }
            });
        }
        Page::Finished => finished(ui, suggestions, &mut actions),
    });
    actions
}

/// The three stages, ticked when done.
fn stage_track(ui: &mut egui::Ui, tutorial: &Tutorial) {
    ui.horizontal(|ui| {
        for id in StageId::ALL {
            let label = format!("{}. {:?}", id.number(), stage(id).seat);
            match tutorial.progress.of(id) {
                Some(record) => ui.label(format!(
                    "✔ {label} ({}/{} steps, {} hints)",
                    record.steps_done, record.steps, record.hints
                )),
                None => ui.weak(format!("○ {label}")),
            };
        }
    });
}

fn intro(ui: &mut egui::Ui, id: StageId, actions: &mut Vec<TutorialAction>) {
    let stage = stage(id);
    ui.heading(stage.title);
    for paragraph in stage.intro {
        ui.label(*paragraph);
        ui.add_space(4.0);
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(format!(
            "Your doctrine card ({:?}) — F2 shows it any time",
            stage.seat
        ))
        .strong(),
    );
    for rule in crate::lenses::doctrine::card(stage.seat) {
        ui.label(format!("• {rule}"));
    }
    ui.add_space(12.0);
    if ui
        .button(egui::RichText::new(format!("Start stage {}", id.number())).size(20.0))
        .clicked()
    {
        actions.push(TutorialAction::Start(id));
    }
}

fn finished(
    ui: &mut egui::Ui,
    suggestions: &[(Suggestion, PathBuf)],
    actions: &mut Vec<TutorialAction>,
) {
    ui.heading("Tutorial complete");
    ui.label("You have run the same incident as scribe, as Communications Lead and as Incident Commander. Here is an order for the rest of the library: easiest first; each level opens with a drill in the seat you found hardest (if you needed hints or left steps undone), and the rest rotate through the seats, the Operations Lead's among them.");
    ui.add_space(8.0);
    egui::Grid::new("suggestions")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (n, (suggestion, path)) in suggestions.iter().enumerate() {
                ui.label(format!("{}.", n + 1));
                ui.label(egui::RichText::new(&suggestion.title).strong());
                ui.label(&suggestion.why);
                if ui
                    .button(format!("Brief me ({:?})", suggestion.seat))
                    .clicked()
                {
                    actions.push(TutorialAction::Brief(path.clone(), suggestion.seat));
                }
                ui.end_row();
            }
        });
    if suggestions.is_empty() {
        ui.colored_label(
            ERROR,
            "The scenario library is empty or unreadable; see the drill picker.",
        );
    }
    ui.add_space(12.0);
    if ui
        .button("Take the tutorial again from the start")
        .clicked()
    {
        actions.push(TutorialAction::StartOver);
    }
}
