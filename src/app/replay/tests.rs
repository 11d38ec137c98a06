//! The replay viewer without a window: it opens a recording, seeks and
//! plays, pins notes into the file, branches, and its controls say what
//! they do.

use std::path::PathBuf;

use bevy_egui::egui;

use super::{ReplayAction, ReplayViewer, replay_screen};
use crate::app::instructor::GmState;
use crate::app::ui_state::UiState;
use crate::app::ui_test::{click_on, placed};
use crate::base::time::Dur;
use crate::run::play::{Pace, play};
use crate::run::replay::MarkerKind;
use crate::run::script::{Script, ScriptCommand};
use crate::scenario::Area;
use crate::scenario::{Seat, Severity};
use crate::world::{Command, Event, GAME_MASTER, HumanSpec};

/// A recorded drill on the tiny scenario: Ana declares, the game master notes it.
fn recording(name: &str) -> PathBuf {
    recording_declared_at(name, 90)
}

/// Like `recording`, with the declaration at `declare` seconds.
fn recording_declared_at(name: &str, declare: u32) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firedrill-viewer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let scenario_path = dir.join("tiny.ron");
    std::fs::write(&scenario_path, crate::testing::TINY).unwrap();
    let loaded = crate::scenario::load(&scenario_path).unwrap();
    let script = Script {
        title: "t".into(),
        scenario: "tiny".into(),
        team: vec![HumanSpec {
            id: "ana".into(),
            name: "Ana".into(),
            seat: Seat::IC,
            joins: Dur(0),
        }],
        commands: vec![
            ScriptCommand {
                at: Dur(declare),
                by: "ana".into(),
                command: Command::Declare(Severity::Sev2),
                after: None,
            },
            ScriptCommand {
                at: Dur(100),
                by: GAME_MASTER.into(),
                command: Command::Note {
                    area: Area::Command,
                    rating: Some(4),
                    text: "Quick declaration".into(),
                },
                after: None,
            },
        ],
    };
    let path = dir.join("drill.ron");
    play(&loaded, &script, 5, Some(&path), Pace::default()).unwrap();
    path
}

#[test]
fn seeking_back_and_forth_and_playing_show_the_recorded_moment() {
    let path = recording("seek");
    let mut v = ReplayViewer::open(&path, None).unwrap();
    assert_eq!(v.moment(), 0);
    v.seek(600);
    assert_eq!(v.shown.log(), v.replay.seek(600).log());
    v.seek(95);
    assert_eq!(v.moment(), 95);
    assert_eq!(v.shown.log(), v.replay.seek(95).log());
    v.seek(650);
    assert_eq!(
        v.shown.log(),
        v.replay.seek(650).log(),
        "forward by stepping"
    );
    v.speed = 30;
    v.playing = true;
    v.play(2.0);
    assert_eq!(v.moment(), 710);
    v.seek(u32::MAX);
    assert_eq!(v.moment(), v.replay.length());
    v.play(1.0);
    assert!(!v.playing, "playing stops at the end");
    assert!(
        v.markers
            .iter()
            .any(|m| m.kind == MarkerKind::Declaration && m.at == 90)
    );
}

#[test]
fn a_note_pinned_in_the_viewer_is_saved_into_the_recording() {
    let path = recording("pin");
    let mut v = ReplayViewer::open(&path, None).unwrap();
    v.seek(300);
    let said = v
        .pin(Area::Operations, None, "Nobody owned the database yet")
        .unwrap();
    assert!(said.starts_with("Note pinned at T+05:00"), "{said}");
    assert_eq!(v.moment(), 300, "the viewer stays where it was");
    let notes: Vec<u32> = v
        .markers
        .iter()
        .filter(|m| m.kind == MarkerKind::Note)
        .map(|m| m.at)
        .collect();
    assert_eq!(notes, [100, 300]);
    let again = ReplayViewer::open(&path, None).unwrap();
    assert!(again.replay.events().iter().any(|e| e.at == 300
        && matches!(&e.event, Event::ObserverNote { text, .. } if text == "Nobody owned the database yet")));
    assert!(v.pin(Area::Operations, Some(7), "x").is_err());
}

#[test]
fn a_branch_continues_live_from_the_moment_shown() {
    let path = recording("branch");
    let mut v = ReplayViewer::open(&path, None).unwrap();
    v.seek(120);
    let out = path.with_file_name("branch.ron");
    let live = v.branch(&out).unwrap();
    assert_eq!(live.drill().now(), 120);
    assert_eq!(live.me, "ana");
    assert!(live.paused(), "a branch waits for the trainee to start it");
    let recorded = crate::run::session::read(&out).unwrap().session;
    assert_eq!(recorded.header.branched_from.unwrap().at, 120);
    assert!(v.branch(&out).is_err(), "never over an existing file");
}

fn frame(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    v: &mut ReplayViewer,
    notes: &mut GmState,
) -> (Vec<ReplayAction>, Vec<(String, egui::Rect)>) {
    let mut state = UiState::default();
    let mut actions = Vec::new();
    let texts = placed(ctx, events, |ui| {
        actions = replay_screen(ui, v, &mut state, notes)
    });
    (actions, texts)
}

#[test]
fn the_viewer_controls_seek_pin_and_branch() {
    let path = recording("controls");
    let mut v = ReplayViewer::open(&path, None).unwrap();
    let ctx = egui::Context::default();
    let mut notes = GmState::default();
    let (_, texts) = frame(&ctx, vec![], &mut v, &mut notes);
    let shown: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        shown.contains(&"observer notes"),
        "the legend names the markers"
    );
    assert!(shown.iter().any(|t| t.starts_with("Score so far")));
    // Next marker: the first alert or the declaration, shown just after it happened.
    let (actions, _) = frame(&ctx, click_on(&texts, "⏭"), &mut v, &mut notes);
    let first = v.markers[0].at + 1;
    assert_eq!(actions, [ReplayAction::Seek(first)]);
    let (_, texts) = frame(&ctx, vec![], &mut v, &mut notes);
    let (actions, _) = frame(&ctx, click_on(&texts, "OL"), &mut v, &mut notes);
    assert_eq!(
        actions,
        [ReplayAction::Lens(crate::lenses::view::Lens::Seat(
            Seat::OL
        ))]
    );
    // A note: area, text, pin.
    let (_, texts) = frame(&ctx, vec![], &mut v, &mut notes);
    frame(&ctx, click_on(&texts, "Documentation"), &mut v, &mut notes);
    ctx.memory_mut(|m| m.request_focus(egui::Id::new("gm-note-text")));
    frame(&ctx, vec![], &mut v, &mut notes);
    frame(
        &ctx,
        vec![egui::Event::Text("No timeline yet".into())],
        &mut v,
        &mut notes,
    );
    let (_, texts) = frame(&ctx, vec![], &mut v, &mut notes);
    let (actions, _) = frame(
        &ctx,
        click_on(&texts, "Pin note at T+00:00"),
        &mut v,
        &mut notes,
    );
    assert_eq!(
        actions,
        [ReplayAction::Pin {
            area: Area::Documentation,
            rating: None,
            text: "No timeline yet".into()
        }]
    );
    let (_, texts) = frame(&ctx, vec![], &mut v, &mut notes);
    let (actions, _) = frame(
        &ctx,
        click_on(&texts, "Branch from T+00:00"),
        &mut v,
        &mut notes,
    );
    assert_eq!(actions, [ReplayAction::Branch]);
}

#[test]
fn the_compare_screen_highlights_what_changed_and_opens_either_run() {
    use crate::app::screens::{CompareAction, Comparing, compare_screen};
    let late = recording_declared_at("late", 240);
    let early = recording_declared_at("early", 70);
    let c = Comparing::of(&late, &early).unwrap();
    let ctx = egui::Context::default();
    let mut action = None;
    let texts = placed(&ctx, vec![], |ui| action = compare_screen(ui, &c));
    assert!(action.is_none());
    let shown: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    assert!(shown.contains(&"declared"), "{shown:?}");
    assert!(
        shown.contains(&"T+01:10") && shown.contains(&"T+04:00"),
        "{shown:?}"
    );
    assert!(
        shown.contains(&"better"),
        "the earlier declaration is better: {shown:?}"
    );
    let texts = placed(&ctx, vec![], |ui| action = compare_screen(ui, &c));
    placed(&ctx, click_on(&texts, "Replay B"), |ui| {
        action = compare_screen(ui, &c)
    });
    assert_eq!(action, Some(CompareAction::Replay(early.clone())));
    // A recording whose header names another scenario is refused with the reason.
    let other = late.with_file_name("other.ron");
    let text = std::fs::read_to_string(&late).unwrap().replacen(
        "scenario:\"tiny\"",
        "scenario:\"tinier\"",
        1,
    );
    std::fs::write(&other, text).unwrap();
    let refused = Comparing::of(&late, &other).err().expect("refused");
    assert!(refused.contains("tinier"), "{refused}");
}
