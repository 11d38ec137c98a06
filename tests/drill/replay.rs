//! Recording and replay: the viewer's core (every recording replays, seek
//! equals playing), branching, damaged and changed recordings.

use std::path::{Path, PathBuf};

use firedrill::base::time::{MINUTE, Tick};
use firedrill::run::Simulation;
use firedrill::run::play::{Pace, play};
use firedrill::run::replay::{KEYFRAME_EVERY, Replay, annotate, branch};
use firedrill::run::session::{self, ReplayError, Session};
use firedrill::scenario::Area;
use firedrill::scenario::LoadedScenario;
use firedrill::tools::instructor::{load, truth};

use crate::common::{firedrill, root, scenario, scripts, temp_dir};

/// Plays a bundled script of matching-engine-failure into a session file.
pub fn recorded(dir: &Path, kind: &str) -> (PathBuf, LoadedScenario, Session) {
    let loaded = scenario("matching-engine-failure");
    let script_path = root().join(format!(
        "scenarios/scripts/matching-engine-failure.{kind}.ron"
    ));
    let script = firedrill::run::script::load(&script_path, &loaded.scenario).expect("script");
    let path = dir.join(format!("{kind}.ron"));
    play(&loaded, &script, 7, Some(&path), Pace::default()).expect("play");
    let session = session::read(&path).expect("read").session;
    (path, loaded, session)
}

/// The drill after playing the recorded inputs up to (not including) `moment`.
fn played_to(session: &Session, loaded: &LoadedScenario, moment: Tick) -> Simulation {
    if moment == 0 {
        return Simulation::new(
            loaded.scenario.clone(),
            session.header.seed,
            &session.header.team,
        );
    }
    session::rerun(session, loaded, Some(moment - 1)).expect("rerun")
}

fn assert_same_state(a: &Simulation, b: &Simulation, moment: Tick) {
    assert_eq!(a.now(), b.now(), "clock at {moment}");
    assert_eq!(a.log(), b.log(), "log at {moment}");
    assert_eq!(a.messages(), b.messages(), "channels at {moment}");
    assert_eq!(a.isd(), b.isd(), "ISD at {moment}");
    assert_eq!(
        a.status_posts(),
        b.status_posts(),
        "status page at {moment}"
    );
    assert_eq!(
        format!("{:?}", a.platform()),
        format!("{:?}", b.platform()),
        "platform at {moment}"
    );
    assert_eq!(a.faults(), b.faults(), "faults at {moment}");
    assert_eq!(truth(a), truth(b), "ground truth at {moment}");
    assert_eq!(load(a), load(b), "load at {moment}");
}

#[test]
fn a_replay_reproduces_every_bundled_recording_event_for_event() {
    let dir = temp_dir("replay-all");
    for (path, loaded, script) in scripts() {
        let out = dir.join(path.file_name().unwrap());
        play(&loaded, &script, 3, Some(&out), Pace::default()).expect("play");
        let session = session::read(&out).unwrap().session;
        let replay = Replay::new(&session, &loaded).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(replay.events(), &session.events[..], "{}", path.display());
        assert_eq!(
            replay.seek(replay.length()).log(),
            &session.events[..],
            "{}",
            path.display()
        );
    }
}

#[test]
fn seeking_to_any_moment_equals_playing_to_it() {
    let dir = temp_dir("replay-seek");
    let (_, loaded, session) = recorded(&dir, "instructor");
    let replay = Replay::new(&session, &loaded).unwrap();
    let length = replay.length();
    let mut moments = vec![
        0,
        1,
        KEYFRAME_EVERY - 1,
        KEYFRAME_EVERY,
        KEYFRAME_EVERY + 1,
        length,
    ];
    // A fixed pseudo-random walk over the recording, backwards and forwards.
    let mut x: u64 = 0x9e37_79b9;
    for _ in 0..12 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        moments.push((x >> 33) as Tick % (length + 1));
    }
    for moment in moments {
        let seen = replay.seek(moment);
        let played = played_to(&session, &loaded, moment);
        assert_same_state(&seen, &played, moment);
    }
    // Past the end is the end.
    assert_eq!(replay.seek(length + 500).now(), length);
}

#[test]
fn branching_then_replaying_the_original_commands_reproduces_the_original_log() {
    let dir = temp_dir("replay-branch");
    let (source, loaded, session) = recorded(&dir, "instructor");
    let replay = Replay::new(&session, &loaded).unwrap();
    for (i, moment) in [0, 8 * MINUTE + 7, 13 * MINUTE, 21 * MINUTE + 30]
        .into_iter()
        .enumerate()
    {
        let out = dir.join(format!("branch-{i}.ron"));
        let (mut drill, mut journal, header) =
            branch(&replay, &source, moment, &out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(drill.now(), moment);
        assert_eq!(header.branched_from.as_ref().map(|b| b.at), Some(moment));
        // The original commands from that moment on, tick by tick, journaled.
        while !drill.is_over() {
            let now = drill.now();
            let inputs: Vec<_> = replay
                .inputs_from(now)
                .iter()
                .take_while(|(t, _)| *t == now)
                .map(|(_, i)| i.clone())
                .collect();
            drill.step(&inputs);
            journal.record(now, &inputs, drill.log()).unwrap();
            if let Some(outcome) = drill.outcome() {
                journal.end(now, outcome, drill.log().len()).unwrap();
            }
        }
        assert_eq!(drill.log(), &session.events[..], "branch at {moment}");
        // The branch's own recording replays on its own.
        let branched = session::read(&out).unwrap();
        assert!(branched.damage.is_none());
        let again = Replay::new(&branched.session, &loaded).unwrap();
        assert_eq!(again.events(), &session.events[..]);
    }
    // A branch never replaces a file.
    let taken = dir.join("branch-0.ron");
    let refused = branch(&replay, &source, 60, &taken).err().expect("refused");
    assert!(refused.contains("already there"), "{refused}");
}

#[test]
fn a_damaged_recording_replays_up_to_the_damage_and_cannot_be_annotated() {
    let dir = temp_dir("replay-damaged");
    let (path, loaded, session) = recorded(&dir, "exemplary");
    let text = std::fs::read_to_string(&path).unwrap();
    // Cut the file in the middle of a line, as a crash would.
    let cut = text.len() * 2 / 3;
    let cut = (cut..text.len())
        .find(|&i| text.is_char_boundary(i) && text.as_bytes()[i] != b'\n')
        .unwrap();
    let damaged = dir.join("cut.ron");
    std::fs::write(&damaged, &text[..cut]).unwrap();
    let recovered = session::read(&damaged).unwrap();
    assert!(recovered.damage.is_some() && recovered.cut_off);
    let replay = Replay::new(&recovered.session, &loaded).unwrap_or_else(|e| panic!("{e}"));
    let through = recovered.session.complete_through().unwrap();
    assert_eq!(replay.length(), through + 1);
    let expected: Vec<_> = session
        .events
        .iter()
        .filter(|e| e.at <= through)
        .cloned()
        .collect();
    assert_eq!(
        replay.events(),
        &expected[..],
        "everything before the damage"
    );
    let err = annotate(&damaged, &loaded, 60, Area::Command, None, "note").unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), text[..cut]);

    // A garbled line in the middle: the replay stops at the line before it.
    let mut lines: Vec<&str> = text.lines().collect();
    let middle = lines.len() / 2;
    lines[middle] = "Event((at: 12, event: Garbled";
    let garbled = dir.join("garbled.ron");
    std::fs::write(&garbled, lines.join("\n") + "\n").unwrap();
    let recovered = session::read(&garbled).unwrap();
    let damage = recovered.damage.as_ref().unwrap();
    assert_eq!(damage.line, middle + 1, "{damage}");
    assert!(damage.to_string().contains("garbled.ron"), "{damage}");
    Replay::new(&recovered.session, &loaded).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_recording_whose_scenario_changed_is_refused_with_both_hashes() {
    let dir = temp_dir("replay-changed");
    let (_, loaded, session) = recorded(&dir, "exemplary");
    let copy = dir.join("matching-engine-failure.ron");
    let text = std::fs::read_to_string(&loaded.path).unwrap();
    std::fs::write(
        &copy,
        text.replace("time_limit: \"60m\"", "time_limit: \"70m\""),
    )
    .unwrap();
    let changed = firedrill::scenario::load(&copy).unwrap();
    let err = Replay::new(&session, &changed).err().expect("refused");
    assert!(matches!(err, ReplayError::ScenarioChanged { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("changed since this session was recorded"),
        "{message}"
    );
    assert!(message.contains("hint:"), "{message}");
}

#[test]
fn difficulty_knobs_are_recorded_and_replayed() {
    let dir = temp_dir("replay-knobs");
    let out = dir.join("tuned.ron");
    let played = firedrill(&[
        "play",
        "scenarios/matching-engine-failure.ron",
        "--script",
        "scenarios/scripts/matching-engine-failure.exemplary.ron",
        "--alert-noise",
        "high",
        "--reliability",
        "low",
        "--injects",
        "high",
        "--pressure",
        "high",
        "--out",
        out.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&played.stdout);
    assert!(
        played.status.success(),
        "{}",
        String::from_utf8_lossy(&played.stderr)
    );
    assert!(
        said.contains("alert noise High") && said.contains("time pressure High"),
        "{said}"
    );
    let session = session::read(&out).unwrap().session;
    let knobs = session.header.knobs;
    assert_eq!(knobs.alert_noise, firedrill::scenario::Level::High);
    assert_eq!(knobs.npc_reliability, firedrill::scenario::Level::Low);
    let loaded = scenario("matching-engine-failure");
    let replay = Replay::new(&session, &loaded).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(replay.events(), &session.events[..]);
    // The tuning shows in the drill: noise alerts fired, and extra injects arrived.
    let untuned = crate::common::play_to_end(
        &loaded,
        session.header.script.as_ref().unwrap(),
        session.header.seed,
    );
    let count = |log: &[firedrill::world::Entry], f: fn(&firedrill::world::Event) -> bool| {
        log.iter().filter(|e| f(&e.event)).count()
    };
    use firedrill::world::Event;
    let tuned = session.header.scenario(&loaded);
    let noise: Vec<&str> = tuned
        .alerts
        .iter()
        .filter(|a| a.noise)
        .map(|a| a.id.as_str())
        .collect();
    assert!(!noise.is_empty());
    assert!(session.events.iter().any(
        |e| matches!(&e.event, Event::AlertFired { alert, .. } if noise.contains(&alert.as_str()))
    ));
    assert!(
        count(&session.events, |e| matches!(
            e,
            Event::InjectDelivered { .. }
        )) > count(untuned.log(), |e| matches!(
            e,
            Event::InjectDelivered { .. }
        ))
    );
}
