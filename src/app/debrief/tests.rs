//! The debrief through egui without a window: the scorecard shows every
//! criterion, and answers typed into the form are saved and scored.

use bevy_egui::egui;

use super::{Debrief, DebriefAction, Tab, debrief_screen};
use crate::judge::history::History;
use crate::judge::score::Criterion;
use crate::testing::{drill, idle_until};

fn frame(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    debrief: &mut Debrief,
    d: &crate::world::Drill,
) -> (Vec<DebriefAction>, String) {
    let mut actions = Vec::new();
    let texts =
        crate::app::ui_test::frame(ctx, events, |ui| actions = debrief_screen(ui, debrief, d));
    (actions, texts.join("\n"))
}

fn finished_drill() -> crate::run::Simulation {
    let mut d = drill();
    let end = d.scenario().time_limit + 1;
    idle_until(&mut d, end);
    d
}

#[test]
fn the_scorecard_lists_every_criterion_and_the_attempt_is_recorded() {
    let d = finished_drill();
    let mut history = History::default();
    let mut debrief = Debrief::new(&d, None, &mut history);
    assert_eq!(history.attempts.len(), 1, "a finished drill is recorded");
    let ctx = egui::Context::default();
    let (_, texts) = frame(&ctx, vec![], &mut debrief, &d);
    for c in Criterion::ALL {
        assert!(
            texts.contains(c.title()),
            "{} missing from:\n{texts}",
            c.title()
        );
    }
    assert!(texts.contains("Overall"));
}

#[test]
fn answers_typed_in_the_form_are_saved_beside_the_session_and_score_c15() {
    let dir = std::env::temp_dir().join(format!("firedrill-debrief-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let session = dir.join("drill.ron");
    let d = finished_drill();
    let mut debrief = Debrief::new(&d, Some(&session), &mut History::default());
    assert_eq!(
        debrief.card.value(Criterion::C15),
        None,
        "N/A before answering"
    );
    debrief.tab = Tab::Questions;
    let ctx = egui::Context::default();
    frame(&ctx, vec![], &mut debrief, &d);
    // Click into the first answer box and type.
    let click_at = egui::pos2(300.0, 150.0);
    let click = |pressed| egui::Event::PointerButton {
        pos: click_at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    frame(
        &ctx,
        vec![
            egui::Event::PointerMoved(click_at),
            click(true),
            click(false),
        ],
        &mut debrief,
        &d,
    );
    frame(
        &ctx,
        vec![egui::Event::Text(
            "We declared early and staffed every role".into(),
        )],
        &mut debrief,
        &d,
    );
    let typed = [&debrief.answers.went_well, &debrief.answers.went_badly];
    assert!(
        typed.iter().any(|t| t.contains("declared early")),
        "typed text reached no answer: {:?}",
        debrief.answers
    );
    let path = debrief.save_answers(&d).unwrap();
    assert_eq!(path, dir.join("drill.answers.ron"));
    assert!(
        debrief.card.value(Criterion::C15).is_some(),
        "C15 is scored once answered"
    );
    assert!(
        debrief
            .report
            .contains("We declared early and staffed every role")
    );
    let md = debrief.export(&d, false).unwrap();
    assert!(
        std::fs::read_to_string(md)
            .unwrap()
            .starts_with("# After Action Report")
    );
    let html = debrief.export(&d, true).unwrap();
    assert!(std::fs::read_to_string(html).unwrap().contains("<table>"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn damaged_saved_answers_are_never_overwritten() {
    let dir =
        std::env::temp_dir().join(format!("firedrill-debrief-damaged-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let session = dir.join("drill.ron");
    let answers = dir.join("drill.answers.ron");
    std::fs::write(&answers, "(went_well: \"half a thought").unwrap();
    let d = finished_drill();
    let mut debrief = Debrief::new(&d, Some(&session), &mut History::default());
    assert!(
        debrief
            .note
            .as_deref()
            .is_some_and(|n| n.contains("drill.answers.ron"))
    );
    debrief.answers.went_well = "new".into();
    let err = debrief.save_answers(&d).unwrap_err();
    assert!(err.contains("move it aside"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&answers).unwrap(),
        "(went_well: \"half a thought"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
