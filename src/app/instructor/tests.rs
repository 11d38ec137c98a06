//! The game master's console through egui without a window: every control
//! becomes the instructor command it says.

use bevy_egui::egui;

use super::{GmAction, GmState, GmTab, console};
use crate::app::ui_test::{click_on, placed};
use crate::lenses::view::Lens;
use crate::run::Simulation;
use crate::scenario::Area;
use crate::scenario::{Persona, Seat};
use crate::testing::{idle_until, team, tiny_with};
use crate::world::Command;

fn drill_with_injects() -> Simulation {
    let scenario = tiny_with(
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],"#,
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
    injects: [(at: "10m", from: Executive("cto"), text: "Are we down?"), (at: "12m", from: Customer("Jo"), text: "My orders fail")],"#,
    );
    let mut d = crate::run::Simulation::new(scenario, 1, &team());
    idle_until(&mut d, 180);
    d
}

/// One frame of the console; returns its actions and the texts on screen.
fn frame(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    d: &crate::run::Simulation,
    state: &mut GmState,
) -> (Vec<GmAction>, Vec<(String, egui::Rect)>) {
    let mut actions = Vec::new();
    let truth = crate::tools::instructor::truth(d);
    let load = crate::tools::instructor::load(d.drill());
    let texts = placed(ctx, events, |ui| {
        actions = console(ui, d.drill(), (&truth, &load), Lens::Everything, &[], state)
    });
    (actions, texts)
}

/// Draws, clicks on `label`, and returns what the click asked for.
fn click(
    ctx: &egui::Context,
    d: &crate::run::Simulation,
    state: &mut GmState,
    label: &str,
) -> Vec<GmAction> {
    let (_, texts) = frame(ctx, vec![], d, state);
    frame(ctx, click_on(&texts, label), d, state).0
}

fn type_into(ctx: &egui::Context, d: &Simulation, state: &mut GmState, id: &str, text: &str) {
    frame(ctx, vec![], d, state);
    ctx.memory_mut(|m| m.request_focus(egui::Id::new(id)));
    frame(ctx, vec![], d, state);
    frame(ctx, vec![egui::Event::Text(text.into())], d, state);
}

#[test]
fn the_ground_truth_names_the_hidden_cause_the_team_has_not_found() {
    let d = drill_with_injects();
    let ctx = egui::Context::default();
    let (_, texts) = frame(&ctx, vec![], &d, &mut GmState::default());
    let shown: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    assert!(shown.contains(&"Disk full"), "{shown:?}");
    assert!(shown.contains(&"not found yet"), "{shown:?}");
    assert!(
        shown.iter().any(|t| t.contains("active since")),
        "{shown:?}"
    );
    assert!(shown.contains(&"Injects to come"), "{shown:?}");
    assert!(
        shown.iter().any(|t| t.contains("Are we down?")),
        "the next inject is named: {shown:?}"
    );
}

#[test]
fn fire_now_triggers_a_scheduled_inject() {
    let d = drill_with_injects();
    let ctx = egui::Context::default();
    let mut state = GmState {
        tab: GmTab::Injects,
        ..Default::default()
    };
    let actions = click(&ctx, &d, &mut state, "Fire now");
    assert_eq!(actions, [GmAction::Command(Command::TriggerInject(0))]);
}

#[test]
fn a_custom_inject_is_written_as_the_chosen_persona() {
    let d = drill_with_injects();
    let ctx = egui::Context::default();
    let mut state = GmState {
        tab: GmTab::Injects,
        ..Default::default()
    };
    click(&ctx, &d, &mut state, "regulator");
    type_into(&ctx, &d, &mut state, "gm-persona-name", "FCA");
    type_into(
        &ctx,
        &d,
        &mut state,
        "gm-inject-text",
        "Is client money safe?",
    );
    let actions = click(&ctx, &d, &mut state, "Send now");
    assert_eq!(
        actions,
        [GmAction::Command(Command::CustomInject {
            from: Persona::Regulator("FCA".into()),
            text: "Is client money safe?".into()
        })]
    );
    // Without a text, the form says what is missing and sends nothing.
    let actions = click(&ctx, &d, &mut state, "Send now");
    assert!(actions.is_empty());
    assert!(
        state
            .error
            .as_deref()
            .is_some_and(|e| e.contains("Write what"))
    );
}

#[test]
fn a_note_is_pinned_with_its_area_and_rating() {
    let d = drill_with_injects();
    let ctx = egui::Context::default();
    let mut state = GmState {
        tab: GmTab::Notes,
        ..Default::default()
    };
    click(&ctx, &d, &mut state, "Operations");
    click(&ctx, &d, &mut state, "4");
    type_into(&ctx, &d, &mut state, "gm-note-text", "OL chased every ack");
    let actions = click(&ctx, &d, &mut state, "Pin note at T+03:00");
    assert_eq!(
        actions,
        [GmAction::Command(Command::Note {
            area: Area::Operations,
            rating: Some(4),
            text: "OL chased every ack".into()
        })]
    );
    assert!(state.note_text.is_empty(), "the form clears once pinned");
}

#[test]
fn responders_are_removed_and_added_and_the_view_follows_a_seat() {
    let d = drill_with_injects();
    let ctx = egui::Context::default();
    let mut state = GmState {
        tab: GmTab::People,
        ..Default::default()
    };
    let actions = click(&ctx, &d, &mut state, "Remove Raj");
    assert_eq!(
        actions,
        [GmAction::Command(Command::RemoveResponder("raj".into()))]
    );
    type_into(&ctx, &d, &mut state, "gm-new-id", "noor");
    type_into(&ctx, &d, &mut state, "gm-new-name", "Noor");
    // The skills offered are the ones this drill's work and people name.
    click(&ctx, &d, &mut state, "database");
    let actions = click(&ctx, &d, &mut state, "Add now");
    assert_eq!(
        actions,
        [GmAction::Command(Command::AddResponder {
            id: "noor".into(),
            name: "Noor".into(),
            skills: vec![crate::scenario::Skill::named("database")],
            traits: vec![],
        })]
    );
    let actions = click(&ctx, &d, &mut state, "OL");
    assert_eq!(actions, [GmAction::Lens(Lens::Seat(Seat::OL))]);
}
