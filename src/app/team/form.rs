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

/// Width of the join form's text fields.
const FIELD_WIDTH: f32 = 240.0;

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
        .resizable(false)
        // Above the title art, where the buttons that opened it stay in view.
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 24.0))
        .show(ctx, |ui| {
            egui::Grid::new("join-form").show(ui, |ui| {
                // Each field is wide enough for its text and named by its
                // label for screen readers.
                let field = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str| {
                    let label = ui.label(label);
                    ui.add_sized(
                        [FIELD_WIDTH, ui.spacing().interact_size.y],
                        egui::TextEdit::singleline(text).hint_text(hint),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                };
                field(ui, "Host", &mut form.address, "127.0.0.1:7878");
                field(ui, "Your code", &mut form.code, "abcd-efgh-jkmn-pqrs");
                field(ui, "Your name", &mut form.name, "as the team should see it");
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
