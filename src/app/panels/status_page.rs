//! The status page composer with a public preview, the post history, and the
//! customer ticket feed.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::ui_state::UiState;
use crate::base::time::{Dur, MINUTE, clock};
use crate::world::comms::StatusState;
use crate::world::{Command, Event};

const STATES: [StatusState; 4] = [
    StatusState::Investigating,
    StatusState::Identified,
    StatusState::Monitoring,
    StatusState::Resolved,
];

/// Composer, preview and history.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Status page");
    if !view.read_only {
        composer(ui, view, state, &mut actions);
    }
    ui.label(egui::RichText::new("Posted").strong());
    for post in view.drill.status_posts().iter().rev() {
        let promise = post
            .next_update
            .map(|t| format!(", next by {}", clock(t)))
            .unwrap_or_default();
        ui.label(format!(
            "{} {:?}: {} {}{promise}",
            clock(post.at),
            post.state,
            post.impact,
            post.text
        ));
    }
    if view.drill.status_posts().is_empty() {
        ui.weak("Nothing posted yet.");
    }
    actions
}

/// The draft post, its public preview and the button that posts it.
fn composer(ui: &mut egui::Ui, view: &View, state: &mut UiState, actions: &mut Vec<Action>) {
    let draft = &mut state.status_draft;
    ui.horizontal(|ui| {
        for s in STATES {
            ui.selectable_value(&mut draft.state, s, format!("{s:?}"));
        }
    });
    ui.label("Customer impact");
    ui.add(
        egui::TextEdit::singleline(&mut draft.impact)
            .hint_text("What customers notice, in plain words")
            .desired_width(f32::INFINITY),
    );
    ui.label("Message");
    ui.add(
        egui::TextEdit::multiline(&mut draft.text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    ui.label("Affected components");
    ui.horizontal_wrapped(|ui| {
        for component in view
            .drill
            .scenario()
            .components
            .iter()
            .filter(|c| c.customers.is_some())
        {
            let mut on = draft.components.contains(&component.name);
            if ui.checkbox(&mut on, &component.name).changed() {
                if on {
                    draft.components.push(component.name.clone());
                } else {
                    draft.components.retain(|n| n != &component.name);
                }
            }
        }
    });
    if draft.state != StatusState::Resolved {
        ui.add(egui::Slider::new(&mut draft.next_update_minutes, 5..=60).text("next update (min)"));
    }
    ui.group(|ui| {
        ui.weak("Public preview");
        ui.strong(format!("{:?}", draft.state));
        ui.label(&draft.impact);
        ui.label(&draft.text);
        if !draft.components.is_empty() {
            ui.weak(format!("Affected: {}", draft.components.join(", ")));
        }
        if draft.state != StatusState::Resolved {
            ui.weak(format!(
                "Next update by {}",
                clock(view.drill.now() + draft.next_update_minutes * MINUTE)
            ));
        }
    });
    if ui.button("Post to the status page").clicked() {
        actions.push(Action::Drill(Command::PostStatus {
            state: draft.state,
            impact: draft.impact.clone(),
            components: draft.components.clone(),
            next_update: (draft.state != StatusState::Resolved)
                .then_some(Dur(draft.next_update_minutes * MINUTE)),
            text: draft.text.clone(),
        }));
    }
}

/// The customer ticket feed, newest first.
pub fn tickets(ui: &mut egui::Ui, view: &View, state: &UiState) {
    ui.label(egui::RichText::new("Customer tickets").strong());
    let log = view.drill.log();
    for &i in state.log_index.tickets.iter().rev().take(12) {
        if let Event::CustomerTicket { from, text } = &log[i].event {
            ui.label(format!("{} {from}: {text}", clock(log[i].at)));
        }
    }
    if state.log_index.tickets.is_empty() {
        ui.weak("No tickets.");
    }
}
