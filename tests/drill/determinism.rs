//! Same scenario + seed + commands => the same log, byte for byte; sessions
//! replay to exactly what was recorded; a changed scenario is refused.

use firedrill::run::play::{Pace, play};
use firedrill::run::session::{self, ReplayError};

use super::common::{scripts, temp_dir};

#[test]
fn the_same_session_played_twice_gives_byte_identical_files() {
    let dir = temp_dir("determinism");
    for (path, loaded, script) in scripts() {
        let (a, b) = (dir.join("a.ron"), dir.join("b.ron"));
        play(&loaded, &script, 42, Some(&a), Pace::default()).unwrap();
        play(&loaded, &script, 42, Some(&b), Pace::default()).unwrap();
        let (a, b) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        assert!(a == b, "{}: two plays differ", path.display());
    }
}

#[test]
fn another_seed_gives_another_drill() {
    let (_, loaded, script) = scripts().into_iter().next().unwrap();
    let a = play(&loaded, &script, 1, None, Pace::default()).unwrap();
    let b = play(&loaded, &script, 2, None, Pace::default()).unwrap();
    assert_ne!(a.log(), b.log());
}

#[test]
fn a_recorded_session_replays_to_the_same_log() {
    let dir = temp_dir("replay");
    for (path, loaded, script) in scripts() {
        let out = dir.join("s.ron");
        let played = play(&loaded, &script, 7, Some(&out), Pace::default()).unwrap();
        let recovered = session::read(&out).unwrap();
        assert!(recovered.damage.is_none());
        assert_eq!(
            recovered.session.events,
            played.log(),
            "{}: the file holds the whole log",
            path.display()
        );
        let replayed = session::check(&recovered.session, &loaded)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(replayed.log(), played.log());
    }
}

#[test]
fn a_tampered_log_is_caught_by_the_replay_check() {
    let dir = temp_dir("tamper");
    let (_, loaded, script) = scripts().into_iter().next().unwrap();
    let out = dir.join("s.ron");
    play(&loaded, &script, 7, Some(&out), Pace::default()).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let tampered: Vec<String> = text
        .lines()
        .map(|l| {
            if l.contains("Declared(") {
                l.replace("Declared(by:\"", "Declared(by:\"x")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(
        tampered.join("\n") + "\n" != text,
        "the log records the declaration"
    );
    std::fs::write(&out, tampered.join("\n") + "\n").unwrap();
    let recovered = session::read(&out).unwrap();
    let err = session::check(&recovered.session, &loaded).unwrap_err();
    assert!(matches!(err, ReplayError::Diverged { .. }), "{err}");
}

#[test]
fn a_session_whose_scenario_changed_is_refused() {
    let dir = temp_dir("changed");
    let (_, loaded, script) = scripts().into_iter().next().unwrap();
    let copy = dir.join("scenario.ron");
    std::fs::copy(&loaded.path, &copy).unwrap();
    let original = firedrill::scenario::load(&copy).unwrap();
    let out = dir.join("s.ron");
    play(&original, &script, 3, Some(&out), Pace::default()).unwrap();
    let edited = std::fs::read_to_string(&copy).unwrap().replacen(
        "time_limit:",
        "// edited\n    time_limit:",
        1,
    );
    std::fs::write(&copy, edited).unwrap();
    let changed = firedrill::scenario::load(&copy).unwrap();
    let recovered = session::read(&out).unwrap();
    let err = session::check(&recovered.session, &changed).unwrap_err();
    assert!(matches!(err, ReplayError::ScenarioChanged { .. }));
    assert!(
        err.to_string()
            .contains("changed since this session was recorded"),
        "{err}"
    );
}

#[test]
fn a_session_from_another_engine_is_refused_for_replay_but_still_scores() {
    let dir = temp_dir("engine");
    let (_, loaded, script) = scripts().into_iter().next().unwrap();
    let out = dir.join("s.ron");
    play(&loaded, &script, 3, Some(&out), Pace::default()).unwrap();
    let mut recovered = session::read(&out).unwrap();
    assert_eq!(recovered.session.header.engine, session::ENGINE);
    // A recording from before engines were recorded reads as engine 1.
    let text = std::fs::read_to_string(&out).unwrap();
    let old = text.replacen(&format!("engine:{},", session::ENGINE), "", 1);
    assert_ne!(old, text, "the header names its engine");
    std::fs::write(&out, old).unwrap();
    recovered = session::read(&out).unwrap();
    assert_eq!(recovered.session.header.engine, 1);
    let err = session::check(&recovered.session, &loaded).unwrap_err();
    assert!(matches!(err, ReplayError::EngineChanged { recorded: 1 }));
    let text = err.to_string();
    assert!(
        text.contains("engine 1") && text.contains("still works"),
        "{text}"
    );
    assert!(firedrill::run::replay::Replay::new(&recovered.session, &loaded).is_err());
    // Scoring reads the recorded events only.
    let card = firedrill::judge::score::score(&loaded.scenario, &recovered.session.events, None);
    assert!(card.overall.is_some());
}
