//! Authoring drills: `firedrill new-scenario NAME` scaffolds a commented,
//! working scenario with its exemplary and chaotic scripts; `firedrill
//! validate --autoplay` plays them and says whether the drill can be won and
//! how each team scores.
//!
//! The scaffold is the bundled matching-engine drill (the best-exercised one)
//! under the new id, with a comment before every section saying what it is
//! for and how to change it, so it validates and autoplays out of the box and
//! an author edits a working drill rather than a blank page.

use std::path::{Path, PathBuf};

use crate::scenario::validate::valid_id;

mod autoplay;
pub use autoplay::{Autoplay, Played, autoplay};

const BASE_ID: &str = "matching-engine-failure";
const BASE: &str = include_str!("../../../scenarios/matching-engine-failure.ron");
const BASE_EXEMPLARY: &str =
    include_str!("../../../scenarios/scripts/matching-engine-failure.exemplary.ron");
const BASE_CHAOTIC: &str =
    include_str!("../../../scenarios/scripts/matching-engine-failure.chaotic.ron");

/// What each section is for, put before it in the scaffold.
const GUIDE: [(&str, &str); 14] = [
    (
        "    id:",
        "The id: lowercase letters, digits and '-'; scripts and sessions name the drill by it.",
    ),
    (
        "    summary:",
        "What the picker shows. Describe the symptoms, never the cause: trainees find it.",
    ),
    (
        "    difficulty:",
        "Beginner, Intermediate, Advanced or Expert; objectives are what the debrief talks about.",
    ),
    (
        "    recommended_seats:",
        "Seats worth practising in this drill (IC, OL, CL, Scribe).",
    ),
    (
        "    time_limit:",
        "Durations are \"90s\", \"5m\", \"1h\". Par times are what a good team achieves; severity is the right declaration.",
    ),
    (
        "    components:",
        "The platform: each component with what it depends on (fails with it) or degrades with (half as badly), its metrics (baseline -> failed) and its customers (orders per minute and users hurt while it is impaired). Name them as the trainees' dashboards would.",
    ),
    (
        "    alerts:",
        "Alerts fire when a metric stays above a threshold for a while: Page pages the on-call, Ticket is a quieter signal.",
    ),
    (
        "    faults:",
        "What goes wrong: At(time), IfNotMitigated(fault, by) for escalation, AfterAction(action) for the consequence of a wrong fix, AfterFault(fault, delay). The root cause is hidden until a diagnostic reveals it. A fault At a later time is a hazard: a diagnostic can Reveal it before it strikes and an action Defuse it.",
    ),
    (
        "    actions:",
        "What responders can run: Diagnostics reveal causes (with a finding), Remediations Mitigate (symptoms gone), Resolve (cause fixed) or Defuse (a hazard never strikes). `requires` gates an action; `trap: true` marks a wrong fix that competent simulated people never choose and freelancers reach for first.",
    ),
    (
        "    responders:",
        "Simulated responders who join at a time, with skills (matching actions run faster) and traits: Reliable, Slow, Freelancer, Chatty, NewHire, SeasonedIc.",
    ),
    (
        "    executives:",
        "Executives ask for status when left without an update for longer than their patience, then escalate.",
    ),
    (
        "    customers:",
        "Customer tickets per minute while customers are hurt and the status page is quiet; `segments` say who the customers are (unit, per_min, people, the components they use with the harm each does: Blocked, Stranded, Wrong) and what they say. Add `parties` (who outside writes in) and `obligations` (what harm makes the company owe, discharged by an action or a notice) beside it.",
    ),
    (
        "    injects:",
        "Scripted messages at a time, as an Executive, Customer, Vendor, Regulator, Responder or one of the scenario's Party ids (vendors, regulators, the press and parties write in #liaison). A game master can fire them early or write new ones live.",
    ),
    (
        "    exit:",
        "When the incident counts as mitigated, and when as resolved (the drill ends).",
    ),
];

/// The three files of a new drill.
#[derive(Debug, Clone, PartialEq)]
pub struct Scaffold {
    pub scenario: String,
    pub exemplary: String,
    pub chaotic: String,
}

/// Why a name cannot become a drill, with what would work.
fn check_name(name: &str) -> Result<(), String> {
    if valid_id(name) {
        Ok(())
    } else {
        let suggestion: String = name
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let hint = if valid_id(&suggestion) {
            format!("try `{suggestion}`")
        } else {
            "start with a letter; use lowercase letters, digits and '-'".into()
        };
        Err(format!(
            "`{name}` cannot be a scenario id (lowercase letters, digits and '-', starting with a letter, at most 48)\n  hint: {hint}"
        ))
    }
}

/// The scaffold of a drill called `name`.
pub fn scaffold(name: &str) -> Result<Scaffold, String> {
    check_name(name)?;
    let mut scenario = format!(
        "// {name}: a new drill, scaffolded by `firedrill new-scenario`.\n\
         // It starts as a copy of the bundled matching-engine drill so that it works at once:\n\
         // `firedrill validate --autoplay` on this file plays its two scripts (scripts/{name}.*.ron).\n\
         // Change it one section at a time and re-run that command after each change; the\n\
         // authoring guide (docs/authoring.md) walks through turning a real outage into a drill.\n"
    );
    let body = BASE
        .lines()
        .skip_while(|l| l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut guided = String::new();
    for line in body.lines() {
        if let Some((_, comment)) = GUIDE.iter().find(|(key, _)| line.starts_with(key)) {
            for chunk in wrap(comment, 92) {
                guided.push_str(&format!("    // {chunk}\n"));
            }
        }
        guided.push_str(line);
        guided.push('\n');
    }
    let title = {
        let words = name.replace('-', " ");
        let mut chars = words.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
    };
    let base_title = BASE
        .lines()
        .find_map(|l| l.trim().strip_prefix("title: "))
        .unwrap_or("\"\",");
    scenario.push_str(
        &guided
            .replacen(&format!("id: \"{BASE_ID}\""), &format!("id: \"{name}\""), 1)
            .replacen(
                &format!("title: {base_title}"),
                &format!("title: \"{title} (draft)\","),
                1,
            ),
    );
    let script = |base: &str, what: &str| {
        let body = base
            .lines()
            .skip_while(|l| l.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        format!(
            "// {what}, on `{name}`.\n\
             // Scaffolded with the drill; keep it in step with the scenario:\n\
             // `firedrill validate --autoplay` names any id it no longer finds, with its line.\n{}\n",
            body.replacen(
                &format!("scenario: \"{BASE_ID}\""),
                &format!("scenario: \"{name}\""),
                1
            )
        )
    };
    // Guard against a bundled file whose id or title line no longer matches
    // what is replaced: the scaffold must carry the new id.
    let parsed = crate::scenario::parse(&crate::base::diagnostic::Source {
        file: format!("{name}.ron"),
        text: scenario.clone(),
    })
    .map_err(|e| format!("the scaffold does not validate (a bug in Firedrill): {e:?}"))?;
    if parsed.id != name {
        return Err(format!(
            "the scaffold came out with id `{}`, not `{name}` (a bug in Firedrill)",
            parsed.id
        ));
    }
    Ok(Scaffold {
        exemplary: script(
            BASE_EXEMPLARY,
            "The exemplary team (doctrine followed): it must win and score P",
        ),
        chaotic: script(
            BASE_CHAOTIC,
            "The chaotic team (late, freelancing, silent, vague): it must score U or M",
        ),
        scenario,
    })
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Where a drill's scripts live: `scripts/` beside the scenario file.
pub fn script_path(scenario: &Path, id: &str, kind: &str) -> PathBuf {
    scenario
        .parent()
        .unwrap_or(Path::new("."))
        .join("scripts")
        .join(format!("{id}.{kind}.ron"))
}

/// Writes the scaffold of `name` into `dir` (the scenario) and `dir/scripts`,
/// each file atomically; refuses to replace any existing file.
pub fn write_scaffold(dir: &Path, name: &str) -> Result<Vec<PathBuf>, String> {
    let files = scaffold(name)?;
    let scenario = dir.join(format!("{name}.ron"));
    let paths = [
        (scenario.clone(), files.scenario),
        (script_path(&scenario, name, "exemplary"), files.exemplary),
        (script_path(&scenario, name, "chaotic"), files.chaotic),
    ];
    // Claim every name first (a file that appears meanwhile is never
    // replaced), then fill them; on any failure, give back what was claimed.
    let mut claimed: Vec<&Path> = Vec::new();
    let release = |claimed: &[&Path]| {
        for p in claimed {
            let _ = std::fs::remove_file(p);
        }
    };
    for (path, _) in &paths {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(_) => claimed.push(path),
            Err(e) => {
                release(&claimed);
                return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                    format!(
                        "{}: already exists; nothing was written\n  hint: choose another name, or move the existing drill away first",
                        path.display()
                    )
                } else {
                    format!("{}: cannot create: {e}", path.display())
                });
            }
        }
    }
    for (path, text) in &paths {
        if let Err(e) = crate::base::files::write_atomic(path, text.as_bytes()) {
            release(&claimed);
            return Err(e);
        }
    }
    Ok(paths.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_cannot_be_ids_are_refused_with_a_suggestion() {
        let err = scaffold("Exchange DNS outage").unwrap_err();
        assert!(err.contains("try `exchange-dns-outage`"), "{err}");
        let err = scaffold("42").unwrap_err();
        assert!(err.contains("start with a letter"), "{err}");
    }

    #[test]
    fn every_section_of_the_scaffold_says_what_it_is_for() {
        let s = scaffold("dns-outage").unwrap();
        assert!(s.scenario.contains("id: \"dns-outage\""));
        assert!(!s.scenario.contains(&format!("id: \"{BASE_ID}\"")));
        assert!(
            s.scenario.contains("title: \"Dns outage (draft)\","),
            "{}",
            s.scenario
        );
        let lines: Vec<&str> = s.scenario.lines().collect();
        for (key, _) in GUIDE {
            let at = lines
                .iter()
                .position(|l| l.starts_with(key))
                .unwrap_or_else(|| panic!("{key} missing"));
            assert!(
                lines[at - 1].trim_start().starts_with("//"),
                "no comment before {key}"
            );
        }
        assert!(s.exemplary.contains("scenario: \"dns-outage\""));
        assert!(s.chaotic.contains("scenario: \"dns-outage\""));
    }
}
