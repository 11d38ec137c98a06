//! The Incident State Document by section, with who last edited each and when.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::ui_state::UiState;
use crate::base::time::clock;
use crate::world::Command;
use crate::world::comms::IsdSection;

/// The ISD and its editor.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Incident State Document");
    let isd = view.drill.isd();
    for section in IsdSection::ALL {
        let entry = isd.section(section);
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(section.label()).strong());
            match entry {
                Some(e) => {
                    let stale = view.drill.now().saturating_sub(e.edited_at) > 15 * 60;
                    let marker = format!("edited {} by {}", clock(e.edited_at), e.edited_by);
                    if stale {
                        ui.colored_label(
                            egui::Color32::from_rgb(230, 160, 40),
                            format!("{marker} (stale)"),
                        )
                    } else {
                        ui.weak(marker)
                    };
                }
                None => {
                    ui.weak("empty");
                }
            }
            if !view.read_only && ui.small_button("edit").clicked() {
                state.isd_section = Some(section);
                state.isd_draft = if section.is_log() {
                    String::new()
                } else {
                    entry.map_or(String::new(), |e| e.text.clone())
                };
            }
        });
        if let Some(e) = entry {
            ui.label(&e.text);
        }
    }
    if let Some(section) = state.isd_section.filter(|_| !view.read_only) {
        ui.separator();
        let verb = if section.is_log() {
            "Add to"
        } else {
            "Rewrite"
        };
        ui.label(format!("{verb} {}", section.label()));
        ui.add(
            egui::TextEdit::multiline(&mut state.isd_draft)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        ui.horizontal(|ui| {
            let empty = state.isd_draft.trim().is_empty();
            if ui
                .add_enabled(!empty, egui::Button::new("Save"))
                .on_disabled_hover_text("Write something first")
                .clicked()
            {
                let text = if section == IsdSection::Timeline && !state.isd_draft.starts_with("T+")
                {
                    format!("{} — {}", clock(view.drill.now()), state.isd_draft.trim())
                } else {
                    state.isd_draft.trim().to_string()
                };
                actions.push(Action::Drill(Command::EditIsd { section, text }));
                state.isd_section = None;
                state.isd_draft.clear();
            }
            if ui.button("Cancel").clicked() {
                state.isd_section = None;
            }
        });
    }
    actions
}
