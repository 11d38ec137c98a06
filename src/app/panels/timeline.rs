//! The drill's timeline as the team could know it (hidden causes only
//! through the practice lens).

use bevy_egui::egui;

use super::View;
use crate::drill::Event;
use crate::drill::describe::describe;

/// Whether an event is ground truth the team cannot see.
pub fn hidden(event: &Event) -> bool {
    matches!(
        event,
        Event::FaultStarted { .. }
            | Event::InjectDelivered { .. }
            | Event::HealthChanged { .. }
            | Event::CustomerTicket { .. }
            | Event::IsdEdited { .. }
            | Event::Posted(_)
    )
}

/// The last events, newest first.
pub fn show(ui: &mut egui::Ui, view: &View) {
    ui.heading("Timeline");
    let everything = view.instruments().ground_truth;
    let lines = view
        .drill
        .log()
        .iter()
        .rev()
        .filter(|e| everything || !hidden(&e.event))
        .take(40);
    for entry in lines {
        ui.label(describe(entry));
    }
}
