//! The notes tab: pin an observation to this moment, with an area and an
//! optional 1-5 rating; the notes so far.

use bevy_egui::egui;

use super::{GmAction, GmState};
use crate::base::time::clock;
use crate::scenario::Area;
use crate::world::{Command, Drill, Event};

pub(super) fn show(ui: &mut egui::Ui, drill: &Drill, state: &mut GmState) -> Vec<GmAction> {
    let mut actions = Vec::new();
    if let Some(command) = form(ui, drill.now(), state) {
        actions.push(GmAction::Command(command));
        state.note_text.clear();
    }
    ui.add_space(6.0);
    ui.strong("Notes so far");
    let mut any = false;
    for e in drill.log().iter().rev() {
        if let Event::ObserverNote {
            area, rating, text, ..
        } = &e.event
        {
            any = true;
            let rating = rating.map(|r| format!(" {r}/5")).unwrap_or_default();
            ui.label(format!("{} [{area:?}{rating}] {text}", clock(e.at)));
        }
    }
    if !any {
        ui.weak("None yet.");
    }
    actions
}

/// The note form: area, rating, text and the pin button. Shared with the
/// replay viewer. The text stays in the box: the caller clears it once the
/// note is accepted.
pub fn form(
    ui: &mut egui::Ui,
    moment: crate::base::time::Tick,
    state: &mut GmState,
) -> Option<Command> {
    let mut pinned = None;
    ui.horizontal_wrapped(|ui| {
        for area in Area::ALL {
            if ui
                .selectable_label(state.note_area == Some(area), format!("{area:?}"))
                .clicked()
            {
                state.note_area = Some(area);
            }
        }
        ui.separator();
        ui.label("Rating");
        if ui
            .selectable_label(state.note_rating.is_none(), "none")
            .clicked()
        {
            state.note_rating = None;
        }
        for r in 1..=5u8 {
            if ui
                .selectable_label(state.note_rating == Some(r), r.to_string())
                .clicked()
            {
                state.note_rating = Some(r);
            }
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut state.note_text)
            .id(egui::Id::new("gm-note-text"))
            .hint_text("What you saw (the behaviour, not the person)")
            .desired_width(f32::INFINITY),
    );
    if ui
        .button(format!("Pin note at {}", clock(moment)))
        .clicked()
    {
        match (state.note_area, state.note_text.trim()) {
            (None, _) => state.error = Some("Choose an area for the note.".into()),
            (_, "") => state.error = Some("Write the note first.".into()),
            (Some(area), text) => match crate::world::check_note(state.note_rating, text) {
                Ok(()) => {
                    pinned = Some(Command::Note {
                        area,
                        rating: state.note_rating,
                        text: text.to_string(),
                    });
                    state.error = None;
                }
                Err(e) => state.error = Some(e),
            },
        }
    }
    pinned
}
