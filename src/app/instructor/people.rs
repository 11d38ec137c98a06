//! The people tab: simulated responders in the drill (remove one), and a
//! new one to add now.

use bevy_egui::egui;

use super::{GmAction, GmState};
use crate::scenario::{Skill, Trait};
use crate::world::{Command, Drill};

const TRAITS: [Trait; 6] = [
    Trait::Reliable,
    Trait::Slow,
    Trait::Freelancer,
    Trait::Chatty,
    Trait::NewHire,
    Trait::SeasonedIc,
];

pub(super) fn show(
    ui: &mut egui::Ui,
    drill: &Drill,
    queued: &[Command],
    state: &mut GmState,
) -> Vec<GmAction> {
    let mut actions = Vec::new();
    ui.strong("Simulated responders here now");
    egui::Grid::new("gm-people").striped(true).show(ui, |ui| {
        for p in drill.people().list.iter().filter(|p| p.present && !p.human) {
            ui.label(format!("{} (@{})", p.name, p.id));
            let roles = drill.people().roles_of(&p.id);
            ui.label(
                roles
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            ui.weak(
                p.traits
                    .iter()
                    .map(|t| format!("{t:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            let leads = drill.people().team_led_by(&p.id);
            let commands =
                drill.people().explicit_holder(&crate::scenario::Role::IC) == Some(&p.id);
            if crate::scenario::stand_ins::is_seat_npc(&p.id) {
                ui.weak("holds a seat");
            } else if let Some(team) = leads {
                ui.weak(format!("leads {team}: the OL must name another lead first"));
            } else if commands {
                ui.weak("is the IC: hand command over first");
            } else if queued.contains(&Command::RemoveResponder(p.id.clone())) {
                ui.weak("leaves when the drill resumes");
            } else if ui.button(format!("Remove {}", p.name)).clicked() {
                actions.push(GmAction::Command(Command::RemoveResponder(p.id.clone())));
            }
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    ui.strong("Add a responder now");
    ui.horizontal(|ui| {
        ui.label("Id");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_id)
                .id(egui::Id::new("gm-new-id"))
                .hint_text("noor")
                .desired_width(100.0),
        );
        ui.label("Name");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .id(egui::Id::new("gm-new-name"))
                .hint_text("Noor Haddad")
                .desired_width(160.0),
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Skills");
        for skill in skills(drill) {
            let label = skill.to_string();
            toggle(ui, &mut state.new_skills, skill, label);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Traits");
        for t in TRAITS {
            toggle(ui, &mut state.new_traits, t, format!("{t:?}"));
        }
    });
    if ui.button("Add now").clicked() {
        let id = state.new_id.trim().to_lowercase();
        if id.is_empty() || state.new_name.trim().is_empty() {
            state.error = Some("Give the new responder an id and a name.".into());
        } else if let Err(e) = crate::world::check_new_responder(drill, &id, &state.new_name) {
            state.error = Some(e);
        } else if queued
            .iter()
            .any(|c| matches!(c, Command::AddResponder { id: q, .. } if *q == id))
        {
            state.error = Some(format!("`{id}` already joins when the drill resumes"));
        } else {
            actions.push(GmAction::Command(Command::AddResponder {
                id,
                name: state.new_name.trim().to_string(),
                skills: state.new_skills.clone(),
                traits: state.new_traits.clone(),
            }));
            state.new_id.clear();
            state.new_name.clear();
            state.error = None;
        }
    }
    actions
}

/// The skills this drill's work and people name (the usual ones if none).
fn skills(drill: &Drill) -> Vec<Skill> {
    let scenario = drill.scenario();
    let mut skills: Vec<Skill> = scenario
        .actions
        .iter()
        .filter_map(|a| a.skill.clone())
        .chain(scenario.responders.iter().flat_map(|r| r.skills.clone()))
        .collect();
    if skills.is_empty() {
        skills = Skill::KNOWN.iter().map(|s| Skill::named(s)).collect();
    }
    skills.sort();
    skills.dedup();
    skills
}

fn toggle<T: PartialEq>(ui: &mut egui::Ui, list: &mut Vec<T>, item: T, label: String) {
    let mut on = list.contains(&item);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            list.push(item);
        } else {
            list.retain(|x| *x != item);
        }
    }
}
