//! After the drill: observer notes saved into recordings and shown in the
//! report, comparing runs, and the command line for both.

use std::path::Path;

use firedrill::base::time::{MINUTE, Tick};
use firedrill::judge::compare::{Change, Run, compare};
use firedrill::judge::score::{Facts, score_facts};
use firedrill::run::play::{Pace, play};
use firedrill::run::replay::{MarkerKind, Replay, annotate, markers};
use firedrill::run::session::{self, Session};
use firedrill::scenario::Area;
use firedrill::world::{Command, Event, GAME_MASTER};

use crate::common::{firedrill, root, scenario, temp_dir};
use crate::replay::recorded;

#[test]
fn notes_and_injects_survive_save_load_replay_and_reach_the_report() {
    let dir = temp_dir("replay-notes");
    let (path, loaded, session) = recorded(&dir, "instructor");
    let gm_inputs: Vec<&Command> = session
        .inputs
        .iter()
        .filter(|(_, i)| i.by == GAME_MASTER)
        .map(|(_, i)| &i.command)
        .collect();
    assert_eq!(gm_inputs.len(), 7, "every game master input is recorded");
    let count =
        |s: &Session, f: fn(&Event) -> bool| s.events.iter().filter(|e| f(&e.event)).count();
    assert_eq!(
        count(&session, |e| matches!(e, Event::ObserverNote { .. })),
        3
    );
    assert_eq!(
        count(&session, |e| matches!(
            e,
            Event::InjectDelivered {
                instructor: true,
                ..
            }
        )),
        2
    );
    assert_eq!(count(&session, |e| matches!(e, Event::Left { .. })), 1);

    // A note pinned during the replay is saved into the recording, and nothing else moves.
    let before = std::fs::read_to_string(&path).unwrap();
    let (updated, _) = annotate(
        &path,
        &loaded,
        20 * MINUTE,
        Area::Operations,
        Some(2),
        "Rollback ordered without a stated verification step",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let reread = session::read(&path).unwrap();
    assert!(reread.damage.is_none());
    assert_eq!(reread.session, updated);
    assert_eq!(reread.session.end, session.end);
    let others = |s: &Session| -> Vec<_> {
        s.events
            .iter()
            .filter(|e| !matches!(e.event, Event::ObserverNote { .. }))
            .cloned()
            .collect()
    };
    assert_eq!(others(&reread.session), others(&session));
    assert!(reread.session.events.iter().any(|e| e.at == 20 * MINUTE
        && matches!(&e.event, Event::ObserverNote { rating: Some(2), text, .. } if text.starts_with("Rollback"))));
    let replay = Replay::new(&reread.session, &loaded).unwrap();
    let notes: Vec<Tick> = markers(replay.events())
        .into_iter()
        .filter(|m| m.kind == MarkerKind::Note)
        .map(|m| m.at)
        .collect();
    assert_eq!(
        notes,
        [6 * MINUTE + 30, 16 * MINUTE, 20 * MINUTE, 24 * MINUTE]
    );
    assert!(std::fs::read_to_string(&path).unwrap() != before);

    // A bad note is refused and the file is left alone.
    let kept = std::fs::read_to_string(&path).unwrap();
    let err = annotate(&path, &loaded, 60, Area::Command, Some(6), "x").unwrap_err();
    assert!(err.to_string().contains("1 to 5"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), kept);

    // The report shows the notes under their own heading, ratings beside the score.
    let facts = Facts::new(&loaded.scenario, &reread.session.events);
    let card = score_facts(&facts, None);
    let without_notes = {
        let stripped = others(&reread.session);
        let f = Facts::new(&loaded.scenario, &stripped);
        score_facts(&f, None).overall
    };
    assert_eq!(
        card.overall, without_notes,
        "notes are never blended into the score"
    );
    let report = firedrill::judge::aar::markdown(&firedrill::judge::aar::Input {
        facts: &facts,
        seed: 7,
        card: &card,
        previous: None,
        answers: None,
        knobs: Default::default(),
    });
    assert!(report.contains("## Observer notes"), "{report}");
    assert!(report.contains("Rollback ordered without a stated verification step"));
    assert!(
        report.contains("| Command | ") && report.contains("5.0 / 5 (1 rating)"),
        "{report}"
    );
    assert!(report.contains("| Operations | ") && report.contains("2.0 / 5 (1 rating)"));
}

#[test]
fn comparing_runs_flags_what_got_better_and_worse() {
    let dir = temp_dir("replay-compare");
    let (_, loaded, good) = recorded(&dir, "exemplary");
    let (_, _, bad) = recorded(&dir, "chaotic");
    let score = |s: &Session| {
        let facts = Facts::new(&loaded.scenario, &s.events);
        score_facts(&facts, None)
    };
    let (good_card, bad_card) = (score(&good), score(&bad));
    let a = Run {
        card: &bad_card,
        log: &bad.events,
    };
    let b = Run {
        card: &good_card,
        log: &good.events,
    };
    let c = compare(&a, &b);
    assert_eq!(c.overall.change, Change::Better, "{c:?}");
    assert!(c.criteria.iter().any(|r| r.change == Change::Better));
    let declared = c.timings.iter().find(|t| t.name == "declared").unwrap();
    assert_eq!(declared.change, Change::Better, "{declared:?}");
    let reversed = compare(&b, &a);
    assert_eq!(reversed.overall.change, Change::Worse);
    let same = compare(&b, &b);
    assert_eq!(same.differences().count(), 0);
}

#[test]
fn the_command_line_compares_runs_and_pins_notes() {
    let dir = temp_dir("replay-cli");
    let (good, _, _) = recorded(&dir, "exemplary");
    let (bad, _, _) = recorded(&dir, "chaotic");
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let out = firedrill(&["compare", bad, good]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Overall") && text.contains("better"),
        "{text}"
    );
    assert!(
        text.contains("Key timings") && text.contains("declared"),
        "{text}"
    );
    let json = firedrill(&["compare", "--json", bad, good]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["criteria"].as_array().map(Vec::len), Some(16));

    let noted = firedrill(&[
        "note",
        good,
        "--at",
        "9m",
        "--area",
        "communications",
        "--rating",
        "5",
        "First status post inside five minutes",
    ]);
    assert!(
        noted.status.success(),
        "{}",
        String::from_utf8_lossy(&noted.stderr)
    );
    let session = session::read(Path::new(good)).unwrap().session;
    assert!(session.events.iter().any(|e| e.at == 9 * MINUTE
        && matches!(
            &e.event,
            Event::ObserverNote {
                rating: Some(5),
                ..
            }
        )));
    let check = firedrill(&["replay", "--check", good]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    let bad_rating = firedrill(&[
        "note", good, "--at", "9m", "--area", "command", "--rating", "9", "x",
    ]);
    assert!(!bad_rating.status.success());
    assert!(String::from_utf8_lossy(&bad_rating.stderr).contains("1 to 5"));
    let bad_time = firedrill(&["note", good, "--at", "soon", "--area", "command", "x"]);
    let err = String::from_utf8_lossy(&bad_time.stderr);
    assert!(
        !bad_time.status.success() && err.contains("--at soon"),
        "{err}"
    );

    // A headless drill without --out is recorded all the same, in the data directory.
    let data = dir.join("data");
    let played = std::process::Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args(["play", "scenarios/ics-practice.ron"])
        .current_dir(root())
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&played.stdout);
    assert!(
        played.status.success(),
        "{}",
        String::from_utf8_lossy(&played.stderr)
    );
    let sessions: Vec<_> = std::fs::read_dir(data.join("firedrill/sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sessions.len(), 1);
    assert!(
        said.contains(&format!("Session saved to {}", sessions[0].display())),
        "{said}"
    );
    assert!(session::read(&sessions[0]).unwrap().session.end.is_some());

    // Runs of different scenarios are not compared.
    let other = dir.join("other.ron");
    let loaded = scenario("ics-practice");
    let script = firedrill::run::script::load(
        &root().join("scenarios/scripts/ics-practice.exemplary.ron"),
        &loaded.scenario,
    )
    .unwrap();
    play(&loaded, &script, 1, Some(&other), Pace::default()).unwrap();
    let refused = firedrill(&["compare", good, other.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && err.contains("same scenario"),
        "{err}"
    );
}

#[test]
fn notes_pinned_to_an_unfinished_recording_lose_nothing_and_it_still_resumes() {
    let dir = temp_dir("replay-unfinished");
    let (path, loaded, full) = recorded(&dir, "exemplary");
    // An interrupted drill: the file stops cleanly after about half its lines.
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let cut = dir.join("interrupted.ron");
    std::fs::write(&cut, lines[..lines.len() / 2].join("\n") + "\n").unwrap();
    let before = session::read(&cut).unwrap().session;
    assert!(before.end.is_none());
    for (moment, text) in [(8 * MINUTE, "first note"), (9 * MINUTE, "second note")] {
        annotate(&cut, &loaded, moment, Area::Command, None, text)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let after = session::read(&cut).unwrap();
    assert!(after.damage.is_none());
    let others = |s: &Session| -> Vec<_> {
        s.inputs
            .iter()
            .filter(|(_, i)| i.by != GAME_MASTER)
            .cloned()
            .collect()
    };
    assert_eq!(
        others(&after.session),
        others(&before),
        "every recorded input kept"
    );
    let tail = |s: &Session| s.events.last().cloned();
    assert_eq!(
        tail(&after.session),
        tail(&before),
        "the unfinished tick kept as recorded"
    );
    // Resumed, it ends exactly as the drill that was never interrupted.
    let mut room = session::resume(&cut, &after.session, &loaded).unwrap();
    room.run_to_end(Pace::default(), |_| {}).unwrap();
    let visible: Vec<_> = room
        .drill()
        .log()
        .iter()
        .filter(|e| !matches!(e.event, Event::ObserverNote { .. }))
        .cloned()
        .collect();
    assert_eq!(visible, full.events);
    assert_eq!(
        room.drill()
            .log()
            .iter()
            .filter(|e| matches!(e.event, Event::ObserverNote { .. }))
            .count(),
        2
    );
}
