//! The game master's console: the ground truth, the load on each role, and
//! the controls (injects, people, notes). A function of a read-only drill
//! that returns what the game master asked for, like the trainees' panels.

mod injects;
mod load;
mod notes;

pub use notes::form as note_form;
mod people;
mod truth;

use bevy_egui::egui;

use crate::lenses::view::Lens;
use crate::scenario::Area;
use crate::scenario::{Seat, Skill, Trait};
use crate::tools::instructor::{RoleLoad, Truth};
use crate::world::{Command, Drill};

/// The console's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GmTab {
    #[default]
    Truth,
    Load,
    Injects,
    People,
    Notes,
}

impl GmTab {
    pub const ALL: [(GmTab, &'static str); 5] = [
        (GmTab::Truth, "Ground truth"),
        (GmTab::Load, "Load"),
        (GmTab::Injects, "Injects"),
        (GmTab::People, "People"),
        (GmTab::Notes, "Notes"),
    ];
}

/// Who a custom inject speaks as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonaKind {
    #[default]
    Executive,
    Customer,
    Vendor,
    Regulator,
    /// One of the scenario's parties (the press, a partner…).
    Party,
    Responder,
}

/// What the game master is typing and looking at.
#[derive(Debug, Clone, Default)]
pub struct GmState {
    pub tab: GmTab,
    pub persona: PersonaKind,
    /// Executive or responder id, or an outsider's name.
    pub persona_name: String,
    pub inject_text: String,
    pub new_id: String,
    pub new_name: String,
    pub new_skills: Vec<Skill>,
    pub new_traits: Vec<Trait>,
    pub note_area: Option<Area>,
    pub note_rating: Option<u8>,
    pub note_text: String,
    /// Why the last form could not be sent.
    pub error: Option<String>,
}

/// What the game master asked for this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum GmAction {
    /// An instructor command for the next simulated second.
    Command(Command),
    /// Look through another lens.
    Lens(Lens),
}

/// The console, in the space given. `queued` are the game master's commands
/// waiting for the next simulated second (all of them while paused).
pub fn console(
    ui: &mut egui::Ui,
    drill: &Drill,
    (truth, load): (&Truth, &[RoleLoad]),
    lens: Lens,
    queued: &[Command],
    state: &mut GmState,
) -> Vec<GmAction> {
    let waiting = queued.len();
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Game master");
        for (tab, label) in GmTab::ALL {
            ui.selectable_value(&mut state.tab, tab, label);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("View as:");
        if ui
            .selectable_label(lens == Lens::Everything, "every seat")
            .clicked()
        {
            actions.push(GmAction::Lens(Lens::Everything));
        }
        for seat in Seat::STAFFED {
            if ui
                .selectable_label(lens == Lens::Seat(seat), format!("{seat:?}"))
                .clicked()
            {
                actions.push(GmAction::Lens(Lens::Seat(seat)));
            }
        }
        if waiting > 0 {
            ui.separator();
            ui.colored_label(
                egui::Color32::from_rgb(230, 160, 40),
                format!(
                    "{waiting} waiting: applied at {} when you resume",
                    crate::base::time::clock(drill.now())
                ),
            );
        }
    });
    if let Some(error) = &state.error {
        ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
    }
    if let Some((at, reason)) = last_refusal(drill) {
        ui.colored_label(
            egui::Color32::from_rgb(230, 110, 90),
            format!("Refused at {}: {reason}", crate::base::time::clock(at)),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("gm-console")
        .auto_shrink(false)
        .show(ui, |ui| match state.tab {
            GmTab::Truth => truth::show(ui, truth),
            GmTab::Load => load::show(ui, load),
            GmTab::Injects => actions.extend(injects::show(ui, drill, truth, queued, state)),
            GmTab::People => actions.extend(people::show(ui, drill, queued, state)),
            GmTab::Notes => actions.extend(notes::show(ui, drill, state)),
        });
    actions
}

/// The game master's latest refused command in the last two minutes, and why.
fn last_refusal(drill: &Drill) -> Option<(crate::base::time::Tick, &str)> {
    let recent = drill.now().saturating_sub(120);
    drill
        .log()
        .iter()
        .rev()
        .take_while(|e| e.at >= recent)
        .find_map(|e| match &e.event {
            crate::world::Event::CommandRefused { by, reason, .. }
                if by == crate::world::GAME_MASTER =>
            {
                Some((e.at, reason.as_str()))
            }
            _ => None,
        })
}

/// Amber for what needs attention.
pub(crate) const WARN: egui::Color32 = egui::Color32::from_rgb(230, 160, 40);

#[cfg(test)]
mod tests;
