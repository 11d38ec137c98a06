//! The after-action questions form. Returns true when the team saves.

use bevy_egui::egui;

use crate::judge::score::Answers;

pub fn show(ui: &mut egui::Ui, answers: &mut Answers) -> bool {
    let mut save = false;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.label("Answer together, honestly and briefly. The answers go into the After Action Report and score C15.");
        let fields: [(&str, &mut String); 8] = [
            ("What went well?", &mut answers.went_well),
            ("What went badly?", &mut answers.went_badly),
            ("What needs improving?", &mut answers.improve),
            ("What did we like?", &mut answers.liked),
            ("What did we not like?", &mut answers.disliked),
            ("When did you call for help, and was it early enough?", &mut answers.called_for_help),
            ("What data did you distrust, and why?", &mut answers.distrusted_data),
            ("Observer notes (shown beside the score, never blended)", &mut answers.observer_notes),
        ];
        for (i, (question, text)) in fields.into_iter().enumerate() {
            ui.strong(question);
            ui.add(
                egui::TextEdit::multiline(text)
                    .id_salt(("aar-question", i))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
        }
        if ui.button("Save answers").clicked() {
            save = true;
        }
    });
    save
}
