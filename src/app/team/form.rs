//! "Join a team drill": the host's address, your code and your name.

use bevy_egui::egui;

/// What is typed into the join form.
#[derive(Debug, Clone, Default)]
pub struct JoinForm {
    pub open: bool,
    pub address: String,
    pub code: String,
    pub name: String,
    /// Why the last attempt could not start.
    pub error: Option<String>,
}

/// The join form as a window; returns (address, code, name) when Join is clicked.
pub fn join_window(
    ctx: &egui::Context,
    form: &mut JoinForm,
) -> Option<(String, String, Option<String>)> {
    let mut joined = None;
    let mut open = form.open;
    egui::Window::new("Join a team drill")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("join-form").show(ui, |ui| {
                ui.label("Host");
                ui.add(egui::TextEdit::singleline(&mut form.address).hint_text("127.0.0.1:7878"));
                ui.end_row();
                ui.label("Your code");
                ui.add(egui::TextEdit::singleline(&mut form.code).hint_text("abcd-efgh-jkmn-pqrs"));
                ui.end_row();
                ui.label("Your name");
                ui.add(
                    egui::TextEdit::singleline(&mut form.name)
                        .hint_text("as the team should see it"),
                );
                ui.end_row();
            });
            if let Some(error) = &form.error {
                ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
            }
            if ui.button("Join").clicked() {
                let name = form.name.trim();
                joined = Some((
                    form.address.trim().to_string(),
                    form.code.trim().to_string(),
                    (!name.is_empty()).then(|| name.to_string()),
                ));
            }
        });
    form.open = open;
    joined
}
