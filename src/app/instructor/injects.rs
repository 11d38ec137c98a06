//! The injects tab: the scenario's injects (fire one now) and a custom
//! inject written on the spot as any persona.

use bevy_egui::egui;

use super::{GmAction, GmState, PersonaKind};
use crate::base::time::clock;
use crate::lenses::describe::persona;
use crate::scenario::Persona;
use crate::tools::instructor::Truth;
use crate::world::Command;

pub(super) fn show(
    ui: &mut egui::Ui,
    drill: &crate::world::Drill,
    truth: &Truth,
    queued: &[Command],
    state: &mut GmState,
) -> Vec<GmAction> {
    let mut actions = Vec::new();
    ui.strong("Scheduled injects");
    let injects = &truth.injects;
    if injects.is_empty() {
        ui.weak("This scenario has none.");
    }
    for i in injects {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{} {}", clock(i.at), persona(&i.from)));
            if i.delivered {
                ui.weak("delivered");
            } else if queued.contains(&Command::TriggerInject(i.index)) {
                ui.weak("fires when the drill resumes");
            } else if ui.button("Fire now").clicked() {
                actions.push(GmAction::Command(Command::TriggerInject(i.index)));
            }
        });
        ui.weak(&i.text);
    }
    ui.add_space(6.0);
    ui.strong("Custom inject");
    ui.horizontal(|ui| {
        ui.label("From");
        for (kind, label) in [
            (PersonaKind::Executive, "executive"),
            (PersonaKind::Customer, "customer"),
            (PersonaKind::Vendor, "vendor"),
            (PersonaKind::Regulator, "regulator"),
            (PersonaKind::Party, "party"),
            (PersonaKind::Responder, "responder"),
        ] {
            if ui.selectable_label(state.persona == kind, label).clicked() {
                state.persona = kind;
                state.persona_name.clear();
            }
        }
    });
    let choices: Vec<(String, String)> = match state.persona {
        PersonaKind::Executive => drill
            .scenario()
            .executives
            .iter()
            .map(|e| (e.id.clone(), format!("{} ({})", e.name, e.title)))
            .collect(),
        PersonaKind::Responder => drill
            .people()
            .list
            .iter()
            .filter(|p| p.present && !p.human)
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        PersonaKind::Party => drill
            .scenario()
            .parties
            .iter()
            .map(|p| (p.id.clone(), format!("{} ({})", p.name, p.kind)))
            .collect(),
        _ => Vec::new(),
    };
    ui.horizontal_wrapped(|ui| {
        if choices.is_empty() {
            ui.label("Name");
            ui.add(
                egui::TextEdit::singleline(&mut state.persona_name)
                    .id(egui::Id::new("gm-persona-name"))
                    .hint_text("e.g. Acme Capital, Cloud provider, FCA"),
            );
        } else {
            for (id, label) in &choices {
                if ui
                    .selectable_label(&state.persona_name == id, label)
                    .clicked()
                {
                    state.persona_name = id.clone();
                }
            }
        }
    });
    ui.add(
        egui::TextEdit::multiline(&mut state.inject_text)
            .id(egui::Id::new("gm-inject-text"))
            .hint_text("What they say")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    if ui.button("Send now").clicked() {
        match custom(state, drill).and_then(|c| match &c {
            Command::CustomInject { from, text } => {
                crate::world::check_custom_inject(drill, from, text).map(|()| c)
            }
            _ => Ok(c),
        }) {
            Ok(command) => {
                actions.push(GmAction::Command(command));
                state.inject_text.clear();
                state.error = None;
            }
            Err(e) => state.error = Some(e),
        }
    }
    actions
}

/// The custom inject the form describes, or what is missing.
fn custom(state: &GmState, drill: &crate::world::Drill) -> Result<Command, String> {
    let name = state.persona_name.trim().to_string();
    if name.is_empty() {
        return Err("Choose or name who the inject is from.".into());
    }
    if state.inject_text.trim().is_empty() {
        return Err("Write what the inject says.".into());
    }
    let from = match state.persona {
        PersonaKind::Executive => Persona::Executive(name),
        PersonaKind::Customer => Persona::Customer(name),
        PersonaKind::Vendor => Persona::Vendor(name),
        PersonaKind::Regulator => Persona::Regulator(name),
        PersonaKind::Responder => Persona::Responder(name),
        PersonaKind::Party => Persona::Party(
            drill
                .scenario()
                .parties
                .iter()
                .position(|p| p.id == name)
                .ok_or("Choose one of the scenario's parties.")?,
        ),
    };
    Ok(Command::CustomInject {
        from,
        text: state.inject_text.trim().to_string(),
    })
}
