//! The clock bar: drill time, pause and speeds, customer impact, the seat.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::live::SPEEDS;
use crate::app::ui_state::UiState;
use crate::base::time::clock;

/// Width of the customer-impact summary in the clock bar.
const IMPACT_WIDTH: f32 = 300.0;
/// Room kept for the practice toggle, the doctrine and the help buttons.
const RIGHT_BUTTONS_WIDTH: f32 = 340.0;

/// The top bar.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    let platform = view.drill.platform();
    ui.horizontal_wrapped(|ui| {
        ui.heading(clock(view.drill.now()));
        // A replay has its own transport; a game master watching keeps this
        // one; in a hosted drill the clock is the game master's alone.
        if (!view.read_only || view.console_on_left) && (!view.remote || view.instructor) {
            let label = if view.paused {
                "▶ Resume"
            } else {
                "⏸ Pause"
            };
            if ui.button(label).on_hover_text("Space").clicked() {
                actions.push(Action::Pause(!view.paused));
            }
            for speed in SPEEDS {
                if ui
                    .selectable_label(view.speed == speed, format!("x{speed}"))
                    .clicked()
                {
                    actions.push(Action::Speed(speed));
                }
            }
        }
        ui.separator();
        let drill = &view.drill;
        let lines = crate::lenses::describe::impact_lines(drill.scenario(), &drill.impact());
        let harmed: Vec<&String> = lines.iter().filter(|l| !l.ends_with("no harm")).collect();
        let summary = if harmed.is_empty() {
            "No customer harm yet".to_string()
        } else {
            harmed
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        };
        // The bar keeps its width whatever the segments' names: the whole
        // count is one hover away.
        ui.add_sized(
            [IMPACT_WIDTH, ui.spacing().interact_size.y],
            egui::Label::new(summary).truncate(),
        )
        .on_hover_text(lines.join("\n"));
        ui.label(format!("{} affected", platform.users_affected));
        let debts = drill.debts();
        if !debts.is_empty() {
            let list: Vec<String> = debts
                .iter()
                .map(|(_, name, owner)| format!("{name} ({owner:?})"))
                .collect();
            ui.label(
                egui::RichText::new(format!("⚠ {} owed", debts.len()))
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(format!(
                "Still owed before the incident is over:\n{}",
                list.join("\n")
            ));
        }
        ui.separator();
        let seat = match view.lens {
            crate::lenses::view::Lens::Seat(seat) => format!("{seat:?} seat"),
            crate::lenses::view::Lens::Everything => "all seats".into(),
        };
        // The title gives way to the buttons on the right (whole on hover).
        let title = format!("{} — {seat}", view.drill.scenario().title);
        let room = (ui.available_width() - RIGHT_BUTTONS_WIDTH).max(60.0);
        ui.add_sized(
            [room, ui.spacing().interact_size.y],
            egui::Label::new(&title).truncate(),
        )
        .on_hover_text(&title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Help (F1)").clicked() {
                state.show_help = !state.show_help;
            }
            if ui.button("Doctrine (F2)").clicked() {
                state.show_doctrine = !state.show_doctrine;
            }
            let mut practice = view.practice;
            if !view.instructor
                && !view.read_only
                && !view.remote
                && ui
                    .checkbox(&mut practice, "Practice: show everything")
                    .changed()
            {
                actions.push(Action::Practice(practice));
            }
            // A team at one screen (a branch of a team drill): who is typing now.
            let humans: Vec<_> = view
                .drill
                .people()
                .list
                .iter()
                .filter(|p| p.human)
                .collect();
            if humans.len() > 1 && !view.read_only && !view.remote {
                let current = humans
                    .iter()
                    .find(|p| p.id == view.me)
                    .map_or(view.me.to_string(), |p| p.name.clone());
                egui::ComboBox::from_id_salt("acting-as")
                    .selected_text(format!("Acting as {current}"))
                    .show_ui(ui, |ui| {
                        for p in &humans {
                            if ui.selectable_label(p.id == view.me, &p.name).clicked()
                                && p.id != view.me
                            {
                                actions.push(Action::ActAs(p.id.clone()));
                            }
                        }
                    });
            }
        });
    });
    actions
}
