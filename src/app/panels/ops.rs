//! The ops console: diagnostics and remediations with their progress. A
//! refused change shows the core's reason.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::ui_state::UiState;
use crate::base::time::clock;
use crate::scenario::ActionKind;
use crate::world::{Command, Event};

/// The console.
pub fn show(ui: &mut egui::Ui, view: &View, state: &UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    let drill = view.drill;
    ui.heading("Ops console");
    for w in drill.work() {
        let action = &drill.scenario().actions[w.action];
        let total = (w.ends_at - w.started).max(1) as f32;
        let done = (drill.now().saturating_sub(w.started)) as f32 / total;
        ui.add(egui::ProgressBar::new(done.min(1.0)).text(format!(
            "{} — {} (done {})",
            w.by,
            action.name,
            clock(w.ends_at)
        )));
    }
    let log = drill.log();
    let refusal = state
        .log_index
        .refusals
        .iter()
        .rev()
        .map(|&i| &log[i])
        .find_map(|e| match &e.event {
            Event::ActionRefused { by, reason, .. }
                if by == view.me && drill.now() <= e.at + 120 =>
            {
                Some((e.at, reason.clone()))
            }
            _ => None,
        });
    if let Some((at, reason)) = refusal {
        ui.colored_label(
            egui::Color32::from_rgb(230, 110, 90),
            format!("{}: refused — {reason}", clock(at)),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("ops")
        .max_height(ui.available_height())
        .show(ui, |ui| {
            for (kind, title) in [
                (ActionKind::Diagnostic, "Diagnostics"),
                (ActionKind::Remediation, "Remediations (production changes)"),
            ] {
                ui.label(egui::RichText::new(title).strong());
                for (i, action) in drill
                    .scenario()
                    .actions
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.kind == kind)
                {
                    let running = drill.work().iter().any(|w| w.action == i);
                    ui.horizontal(|ui| {
                        let button =
                            ui.add_enabled(!running && !view.read_only, egui::Button::new("Run"));
                        if button.clicked() {
                            actions.push(Action::Drill(Command::Run(action.id.clone())));
                        }
                        let target = &drill.scenario().components[action.target].name;
                        ui.label(format!(
                            "{} — {target} ({})",
                            action.name,
                            crate::base::time::span(action.duration)
                        ))
                        .on_hover_text(format!("/run {}", action.id));
                    });
                }
            }
        });
    actions
}
