//! Who is here: roles, teams and what each person is on, with its time box.

use bevy_egui::egui;

use super::View;
use crate::base::time::clock;
use crate::world::comms::Task;

/// The roster.
pub fn show(ui: &mut egui::Ui, view: &View) {
    ui.heading("Roster");
    let drill = view.drill;
    let people = drill.people();
    egui::Grid::new("roster")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for p in people.list.iter().filter(|p| p.present) {
                let held = people.roles_of(&p.id);
                let roles: Vec<String> = held.iter().map(|r| r.label()).collect();
                let roles = if roles.is_empty() {
                    people
                        .team_of(&p.id)
                        .map_or("—".into(), |t| format!("team {t}"))
                } else {
                    roles.join(", ")
                };
                let me = if p.id == view.me { " (you)" } else { "" };
                ui.horizontal(|ui| {
                    // The first role's shape before the name (the roles are written out beside it).
                    let tint = ui.visuals().text_color();
                    match held.first() {
                        Some(role) => {
                            crate::app::icons::show(ui, crate::app::icons::role(role), 14.0, tint)
                        }
                        None => {
                            ui.add_space(14.0 + ui.spacing().item_spacing.x);
                        }
                    }
                    ui.label(format!("{}{me}", p.name));
                });
                ui.label(roles);
                let task = match drill.work().iter().find(|w| w.by == p.id) {
                    Some(w) => format!(
                        "running {} until {}",
                        drill.scenario().actions[w.action].id,
                        clock(w.ends_at)
                    ),
                    None => drill
                        .orders()
                        .iter()
                        .rev()
                        .find(|o| o.is_open() && o.to.as_deref() == Some(p.id.as_str()))
                        .map_or(String::new(), |o| match (&o.task, o.due) {
                            (Task::StandBy, _) => "standing by".into(),
                            (task, Some(due)) => {
                                format!("{} (due {})", task.describe(), clock(due))
                            }
                            (task, None) => format!("{} (no time box)", task.describe()),
                        }),
                };
                // The panel keeps its width: a long task is cut, whole on hover.
                ui.add(egui::Label::new(egui::RichText::new(&task).weak()).truncate())
                    .on_hover_text(&task);
                ui.end_row();
            }
        });
}
