//! Authoring: a scaffolded drill validates and autoplays out of the box, and
//! autoplay says what is wrong when a script no longer wins.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::temp_dir;

fn firedrill(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run firedrill")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn a_scaffolded_drill_validates_and_autoplays_out_of_the_box() {
    let dir = temp_dir("authoring-scaffold");
    let made = firedrill(&["new-scenario", "dns-outage", "--dir", "lib"], &dir);
    let (out, err) = text(&made);
    assert!(made.status.success(), "{err}");
    for file in [
        "lib/dns-outage.ron",
        "lib/scripts/dns-outage.exemplary.ron",
        "lib/scripts/dns-outage.chaotic.ron",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing: {out}");
    }
    let played = firedrill(&["validate", "--autoplay", "lib/dns-outage.ron"], &dir);
    let (out, err) = text(&played);
    assert!(played.status.success(), "{out}\n{err}");
    assert!(
        out.contains("exemplary team") && out.contains("resolved at"),
        "{out}"
    );
    assert!(out.contains("(P)") && out.contains("(U)"), "{out}");
    assert!(out.contains("can be won"), "{out}");

    // Nothing is overwritten; a name that is not an id gets a suggestion.
    let again = firedrill(&["new-scenario", "dns-outage", "--dir", "lib"], &dir);
    let (_, err) = text(&again);
    assert!(
        !again.status.success() && err.contains("already exists"),
        "{err}"
    );
    let bad = firedrill(&["new-scenario", "DNS outage"], &dir);
    let (_, err) = text(&bad);
    assert!(
        !bad.status.success() && err.contains("try `dns-outage`"),
        "{err}"
    );
}

#[test]
fn autoplay_says_when_the_exemplary_team_no_longer_wins() {
    let dir = temp_dir("authoring-broken");
    assert!(
        firedrill(&["new-scenario", "broken", "--dir", "lib"], &dir)
            .status
            .success()
    );
    // A script without the fix no longer wins.
    let script = dir.join("lib/scripts/broken.exemplary.ron");
    let text_before = std::fs::read_to_string(&script).unwrap();
    let without_fix: String = text_before
        .lines()
        .filter(|l| !l.contains("me-failover-standby") && !l.contains("me-rollback-config"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&script, without_fix).unwrap();
    let played = firedrill(&["validate", "--autoplay", "lib/broken.ron"], &dir);
    let (out, err) = text(&played);
    assert!(!played.status.success(), "{out}");
    assert!(
        err.contains("broken.exemplary.ron") && err.contains("did not resolve"),
        "{err}"
    );
    assert!(err.contains("not even mitigated by T+59:59"), "{err}");

    // A script naming an action the scenario does not have is caught, with a suggestion.
    let renamed = text_before.replace("me-rollback-config", "me-rollback");
    std::fs::write(&script, renamed).unwrap();
    let played = firedrill(&["validate", "--autoplay", "lib/broken.ron"], &dir);
    let (_, err) = text(&played);
    assert!(!played.status.success());
    assert!(
        err.contains("broken.exemplary.ron:")
            && err.contains("unknown action \"me-rollback\"")
            && err.contains("known actions"),
        "{err}"
    );

    // Without an exemplary script, there is nothing to prove the drill winnable.
    std::fs::remove_file(&script).unwrap();
    let played = firedrill(&["validate", "--autoplay", "lib/broken.ron"], &dir);
    let (_, err) = text(&played);
    assert!(
        !played.status.success() && err.contains("no exemplary script"),
        "{err}"
    );
}
