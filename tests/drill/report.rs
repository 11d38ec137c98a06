//! `firedrill score` and `firedrill aar` as a user runs them.

use std::process::Command;

use crate::common::{root, temp_dir};

fn firedrill(args: &[&str], data: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args(args)
        .current_dir(root())
        .env("XDG_DATA_HOME", data)
        .output()
        .expect("run firedrill")
}

fn played(dir: &std::path::Path, kind: &str) -> String {
    let session = dir.join(format!("{kind}.ron")).display().to_string();
    let script = format!("scenarios/scripts/ics-practice.{kind}.ron");
    let out = firedrill(
        &[
            "play",
            "scenarios/ics-practice.ron",
            "--script",
            &script,
            "--out",
            &session,
        ],
        dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    session
}

#[test]
fn score_prints_the_rubric_and_json_carries_every_criterion() {
    let dir = temp_dir("score-cli");
    let session = played(&dir, "chaotic");
    let out = firedrill(&["score", &session], &dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("Overall: 0."), "{text}");
    assert!(
        text.contains("C5  Only Operations changes production"),
        "{text}"
    );
    assert!(
        text.contains("N/A"),
        "C15 is N/A before the questions are answered: {text}"
    );
    let out = firedrill(&["score", &session, "--json"], &dir);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["criteria"].as_array().map(Vec::len), Some(16));
    assert!(json["overall"].as_f64().is_some_and(|v| v < 0.40));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn aar_writes_markdown_and_html_with_answers_and_refuses_bad_input() {
    let dir = temp_dir("aar-cli");
    let session = played(&dir, "exemplary");
    let answers = dir.join("exemplary.answers.ron");
    std::fs::write(
        &answers,
        "(went_well: \"Declared fast and staffed every role early\", went_badly: \"Status page wording was slow\")",
    )
    .unwrap();
    let md = dir.join("aar.md").display().to_string();
    let out = firedrill(&["aar", &session, "--out", &md], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# After Action Report: "));
    assert!(
        text.contains("Declared fast and staffed every role early"),
        "answers beside the session are used"
    );
    assert!(
        text.contains("_(not answered yet)_"),
        "unanswered questions are marked"
    );

    let out = firedrill(&["aar", &session, "--out", &md], &dir);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));

    let html = dir.join("aar.html").display().to_string();
    let out = firedrill(&["aar", &session, "--out", &html], &dir);
    assert!(out.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<table>"));

    let out = firedrill(&["aar", &session, "--out", "report.pdf"], &dir);
    assert!(String::from_utf8_lossy(&out.stderr).contains("FILE.md"));

    std::fs::write(&answers, "(went_well: \"ok\",\n  went_wrong: \"x\")").unwrap();
    let out = firedrill(&["score", &session], &dir);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("exemplary.answers.ron:2:"), "{err}");
    assert!(err.contains("went_wrong"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
