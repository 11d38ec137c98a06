//! The coach over the drill screen: the step to do now (first stage), a
//! hint after a stall (second), nothing but the stage's name (third).

use bevy_egui::egui;

use crate::tools::tutorial::{Guidance, Say, Scaffolding, Stage};

/// What the trainee asked of the coach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoachAction {
    /// End the stage now and see how it went.
    FinishStage,
}

const PROMPT: egui::Color32 = egui::Color32::from_rgb(120, 190, 255);
const HINT: egui::Color32 = egui::Color32::from_rgb(240, 190, 80);

/// Draws the coach for `stage` saying `guidance`.
pub fn coach_panel(ui: &mut egui::Ui, stage: &Stage, guidance: &Guidance) -> Option<CoachAction> {
    let mut action = None;
    ui.weak(stage.title);
    if stage.scaffolding != Scaffolding::None {
        ui.weak(format!("{} of {} done", guidance.done, guidance.total));
    }
    match &guidance.say {
        Say::Prompt { goal, text } => {
            ui.label(
                egui::RichText::new(format!("Next: {goal}"))
                    .strong()
                    .color(PROMPT),
            );
            ui.label(*text);
        }
        Say::Hint { goal, text } => {
            ui.label(
                egui::RichText::new(format!("Hint — {goal}"))
                    .strong()
                    .color(HINT),
            );
            ui.label(*text);
        }
        Say::Watch => {
            ui.label("Nothing to write yet. Read #command-post as the IC runs the incident; your next step shows here as soon as it can be done.");
        }
        Say::Complete => {
            ui.label(
                egui::RichText::new("Stage complete — well done.")
                    .strong()
                    .color(PROMPT),
            );
        }
        Say::Nothing => {}
    }
    ui.horizontal(|ui| {
        let label = if guidance.say == Say::Complete {
            "See how it went"
        } else {
            "Finish the stage now"
        };
        if ui.button(label).clicked() {
            action = Some(CoachAction::FinishStage);
        }
        ui.weak("F1 glossary · F2 doctrine card");
    });
    action
}
