use super::*;
use crate::run::session::{Header, Session};
use crate::scenario::LoadedScenario;

/// The tiny drill played unattended by its simulated people, as a recording.
fn recorded() -> (LoadedScenario, Session) {
    let loaded = LoadedScenario {
        scenario: crate::testing::tiny(),
        path: "tiny.ron".into(),
        hash: "h".into(),
    };
    let mut drill = Simulation::new(loaded.scenario.clone(), 3, &[]);
    while !drill.is_over() {
        drill.step(&[]);
    }
    let session = Session {
        header: Header::new(&loaded, 3, vec![], None),
        inputs: vec![],
        events: drill.log().to_vec(),
        end: drill.outcome().map(|o| (drill.now() - 1, o)),
    };
    (loaded, session)
}

#[test]
fn keyframes_hold_no_log_and_every_moment_matches_playing_to_it() {
    let (loaded, session) = recorded();
    let replay = Replay::new(&session, &loaded).unwrap();
    assert!(replay.keyframes.len() > 3);
    assert!(replay.keyframes.iter().all(|k| k.sim.log().is_empty()));
    let mut moment = 0;
    while moment <= replay.length() {
        let played = if moment == 0 {
            Simulation::new(loaded.scenario.clone(), 3, &[])
        } else {
            crate::run::session::rerun(&session, &loaded, Some(moment - 1)).unwrap()
        };
        let seen = replay.seek(moment);
        assert_eq!(seen.log(), played.log(), "at {moment}");
        assert_eq!(seen.now(), played.now());
        moment += 37;
    }
    // Stepping forward from a seek lands where a seek would.
    let mut stepped = replay.seek(100);
    replay.advance(&mut stepped, 250);
    assert_eq!(stepped.log(), replay.seek(250).log());
}
