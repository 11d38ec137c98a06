//! Golden sessions: every bundled script played at a fixed seed, its session
//! file compared byte for byte with the one checked in under
//! tests/golden/sessions, and every scorecard with tests/golden/scores.txt.
//! They pin the behaviour of the whole core (the world, the simulated people,
//! the journal, scoring): a change to any of them shows here first. Review the
//! diff, then `UPDATE_GOLDEN=1 cargo test golden_` rewrites them.

use std::fmt::Write as _;
use std::path::Path;

use firedrill::judge::score::score;
use firedrill::run::play::{Pace, play};

use super::common::{root, scripts, temp_dir};

/// The seed every golden session is played with.
const SEED: u64 = 1;

/// The checkout's absolute path stands in the session header (so a recording
/// finds its scenario from any directory); golden files hold this token instead.
const ROOT_TOKEN: &str = "<checkout>";

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// Compares `now` with the golden file at `path` (or rewrites it when updating),
/// naming the first line that differs.
fn check_golden(path: &Path, now: &str, failures: &mut Vec<String>) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, now).unwrap();
        return;
    }
    let was = std::fs::read_to_string(path).unwrap_or_default();
    if now == was {
        return;
    }
    let line = now
        .lines()
        .zip(was.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(now.lines().count().min(was.lines().count()));
    let clip = |s: Option<&str>| s.map(|s| s.chars().take(300).collect::<String>());
    failures.push(format!(
        "{} differs from line {}:\n  now: {:?}\n  was: {:?}",
        path.display(),
        line + 1,
        clip(now.lines().nth(line)),
        clip(was.lines().nth(line)),
    ));
}

#[test]
fn golden_sessions_and_scores() {
    let dir = temp_dir("golden");
    let checkout = root().canonicalize().unwrap().display().to_string();
    let mut failures = Vec::new();
    let mut scores = String::new();
    let all = scripts();
    assert!(
        all.len() >= 24,
        "every exemplary and chaotic script is golden"
    );
    for (path, loaded, script) in all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let out = dir.join(&name);
        let drill = play(&loaded, &script, SEED, Some(&out), Pace::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let session = std::fs::read_to_string(&out)
            .unwrap()
            .replace(&checkout, ROOT_TOKEN);
        check_golden(
            &root().join("tests/golden/sessions").join(&name),
            &session,
            &mut failures,
        );
        let card = score(&loaded.scenario, drill.log(), None);
        let overall = card.overall.map_or("N/A".into(), |v| format!("{v:.4}"));
        writeln!(scores, "{name}: overall {overall} {:?}", card.band).unwrap();
        for j in &card.criteria {
            let value = j.value.map_or("N/A".into(), |v| format!("{v:.4}"));
            writeln!(
                scores,
                "  {}: {value} {:?}, {} marks",
                j.criterion.id(),
                j.band,
                j.marks.len()
            )
            .unwrap();
        }
    }
    check_golden(
        &root().join("tests/golden/scores.txt"),
        &scores,
        &mut failures,
    );
    assert!(
        failures.is_empty(),
        "{}\nreview the change, then UPDATE_GOLDEN=1 cargo test golden_",
        failures.join("\n")
    );
}
