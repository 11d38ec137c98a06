//! The journal: a drill process killed mid-run resumes with at most a second
//! lost, and a damaged session file is recovered up to the damage.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use firedrill::run::play::{Pace, play};
use firedrill::run::session;

use super::common::{root, scenario, temp_dir};

const PACE: u32 = 300;

#[test]
fn a_killed_drill_resumes_with_at_most_a_second_lost_and_ends_as_if_never_stopped() {
    let dir = temp_dir("journal");
    let out = dir.join("s.ron");
    let scenario_path = root().join("scenarios/matching-engine-failure.ron");
    let script_path = root().join("scenarios/scripts/matching-engine-failure.exemplary.ron");
    let mut child = Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args([
            "play",
            scenario_path.to_str().unwrap(),
            "--seed",
            "5",
            "--script",
            script_path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--pace",
            &PACE.to_string(),
        ])
        .stdout(Stdio::null())
        .spawn()
        .expect("start firedrill");
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(2500));
    child.kill().expect("kill");
    let elapsed = started.elapsed().as_secs_f64();
    child.wait().unwrap();

    let recovered = session::read(&out).expect("the journal is readable after a kill");
    assert!(
        recovered.session.end.is_none(),
        "the drill was still running"
    );
    let loaded = scenario("matching-engine-failure");
    let script = firedrill::run::script::load(&script_path, &loaded.scenario).unwrap();
    // Every command issued more than a second (PACE ticks) before the kill is on disk.
    let reached = (elapsed * f64::from(PACE)) as u32;
    let issued = script
        .commands
        .iter()
        .filter(|c| c.at.0 + PACE <= reached)
        .count();
    assert!(issued > 0, "the drill got far enough to issue commands");
    assert!(
        recovered.session.inputs.len() >= issued,
        "{} of {issued} commands issued over a second before the kill are on disk",
        recovered.session.inputs.len()
    );

    let status = Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args(["resume", out.to_str().unwrap()])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let straight = dir.join("straight.ron");
    play(&loaded, &script, 5, Some(&straight), Pace::default()).unwrap();
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&straight).unwrap(),
        "a resumed session file is byte for byte the one an uninterrupted drill writes"
    );
    assert!(
        session::backup_path(&out).exists(),
        "the file as it was is kept"
    );
}

#[test]
fn a_damaged_session_is_recovered_up_to_the_damage() {
    let dir = temp_dir("damaged");
    let loaded = scenario("matching-engine-failure");
    let script = firedrill::run::script::load(
        &root().join("scenarios/scripts/matching-engine-failure.exemplary.ron"),
        &loaded.scenario,
    )
    .unwrap();
    let out = dir.join("s.ron");
    let full = play(&loaded, &script, 9, Some(&out), Pace::default()).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();

    // Cut off in the middle of a line, as a crash would.
    let cut = &text[..text.len() / 2];
    std::fs::write(&out, cut).unwrap();
    let recovered = session::read(&out).unwrap();
    let damage = recovered.damage.expect("the cut is reported");
    assert!(damage.message.contains("cut off"), "{damage}");
    assert!(!recovered.session.events.is_empty());
    assert_eq!(
        recovered.session.events[..],
        full.log()[..recovered.session.events.len()]
    );

    // Garbage in the middle: everything before it is kept and the line is named.
    let mut garbled: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    garbled[40] = "Event((at: 12, event: Nonsense".into();
    std::fs::write(&out, garbled.join("\n") + "\n").unwrap();
    let recovered = session::read(&out).unwrap();
    let damage = recovered.damage.expect("garbage is reported");
    assert_eq!(damage.line, 41, "{damage}");
    assert!(recovered.session.events.len() < full.log().len());

    // A file that is not a session at all.
    std::fs::write(&out, "hello").unwrap();
    let err = session::read(&out).unwrap_err();
    assert!(err.message.contains("header"), "{err}");
}

#[test]
fn resume_refuses_to_drop_a_damaged_middle_unless_forced_and_replay_stops_where_the_recording_does()
{
    let dir = temp_dir("damaged-resume");
    let loaded = scenario("matching-engine-failure");
    let script = firedrill::run::script::load(
        &root().join("scenarios/scripts/matching-engine-failure.exemplary.ron"),
        &loaded.scenario,
    )
    .unwrap();
    let out = dir.join("s.ron");
    play(&loaded, &script, 9, Some(&out), Pace::default()).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines: Vec<String> = text.lines().take(120).map(String::from).collect();
    lines[60] = "Event((at: 12, event: Nonsense".into();
    let damaged = lines.join("\n") + "\n";
    std::fs::write(&out, &damaged).unwrap();
    let firedrill = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_firedrill"))
            .args(args)
            .output()
            .unwrap()
    };

    let refused = firedrill(&["resume", out.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("damaged at line 61"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        damaged,
        "nothing was touched"
    );

    let replayed = firedrill(&["replay", "--check", out.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&replayed.stdout);
    assert!(
        stdout.contains("the recording stops at") && stdout.contains("still running"),
        "{stdout}"
    );

    let forced = firedrill(&["resume", "--force", out.to_str().unwrap()]);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(session::backup_path(&out)).unwrap(),
        damaged,
        "the damaged original is kept"
    );
    assert!(session::read(&out).unwrap().session.end.is_some());
}
