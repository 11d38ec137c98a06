//! `firedrill validate --autoplay`: play a drill's exemplary and chaotic
//! scripts and judge them by the validity rules (the exemplary team resolves
//! the incident with a P, the chaotic team scores U or M), and let simulated
//! people hold every seat over several seeds: a drill they cannot win
//! cannot be finished by a trainee in a seat whose duty they leave undone.

use std::path::{Path, PathBuf};

use super::script_path;

/// How one scripted team did.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    pub script: PathBuf,
    pub outcome: Option<crate::world::Outcome>,
    /// When the incident was resolved, if it was.
    pub resolved: Option<crate::base::time::Tick>,
    /// When the drill ended (resolution plus the time to close, or the limit).
    pub ended: crate::base::time::Tick,
    pub overall: Option<f64>,
}

impl Played {
    fn band(&self) -> Option<crate::judge::score::Band> {
        self.overall.map(crate::judge::score::Band::of)
    }

    /// "resolved", "mitigated only, not resolved", …
    pub fn outcome_words(&self) -> &'static str {
        use crate::world::Outcome;
        match self.outcome {
            Some(Outcome::Resolved) => "resolved",
            Some(Outcome::MitigatedOnly) => "mitigated only, not resolved",
            Some(Outcome::Unmitigated) => "not even mitigated",
            None => "still running",
        }
    }

    /// "resolved at T+25:09 (drill ended T+40:09)", "not even mitigated by T+60:00".
    pub fn when_words(&self) -> String {
        let clock = crate::base::time::clock;
        match self.resolved {
            Some(at) => format!(
                "resolved at {} (drill ended {})",
                clock(at),
                clock(self.ended)
            ),
            None => format!("{} by {}", self.outcome_words(), clock(self.ended)),
        }
    }
}

/// The seeds simulated people play every drill with.
pub const SEEDS: [u64; 3] = [1, 2, 3];

/// How simulated people in every seat did with one seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Unattended {
    pub seed: u64,
    pub played: Played,
    /// What stood between them and the resolution when the drill ended,
    /// with the role whose duty it was.
    pub undone: Vec<(crate::scenario::Role, String)>,
}

/// What autoplay found: the exemplary team (must win and score P) and the
/// chaotic one (must score U or M), and what is wrong, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Autoplay {
    pub exemplary: Played,
    pub chaotic: Option<Played>,
    pub unattended: Vec<Unattended>,
    pub problems: Vec<String>,
}

fn play_script(loaded: &crate::scenario::LoadedScenario, path: &Path) -> Result<Played, String> {
    let script = crate::run::script::load(path, &loaded.scenario).map_err(|d| d.to_string())?;
    let drill =
        crate::run::play::play(loaded, &script, 1, None, crate::run::play::Pace::default())?;
    Ok(played(loaded, path, &drill))
}

fn played(
    loaded: &crate::scenario::LoadedScenario,
    path: &Path,
    drill: &crate::world::Drill,
) -> Played {
    let card = crate::judge::score::score(&loaded.scenario, drill.log(), None);
    Played {
        script: path.to_path_buf(),
        outcome: drill.outcome(),
        resolved: drill.resolved_at(),
        ended: drill.now().saturating_sub(1),
        overall: card.overall,
    }
}

/// Simulated people in every seat, one drill per seed.
fn unattended(loaded: &crate::scenario::LoadedScenario) -> Result<Vec<Unattended>, String> {
    let script = crate::run::script::Script::empty(&loaded.scenario.id);
    SEEDS
        .iter()
        .map(|&seed| {
            let drill = crate::run::play::play(
                loaded,
                &script,
                seed,
                None,
                crate::run::play::Pace::default(),
            )?;
            Ok(Unattended {
                seed,
                played: played(loaded, Path::new("simulated people in every seat"), &drill),
                undone: drill.left_undone(),
            })
        })
        .collect()
}

/// Plays a drill's exemplary script (required) and chaotic script (if there
/// is one) from `scripts/` beside the scenario, and judges them by the
/// validity rules.
pub fn autoplay(loaded: &crate::scenario::LoadedScenario) -> Result<Autoplay, String> {
    let id = &loaded.scenario.id;
    let exemplary_path = script_path(&loaded.path, id, "exemplary");
    if !exemplary_path.exists() {
        return Err(format!(
            "{}: no exemplary script, so the drill cannot be shown winnable\n  hint: write one (see docs/authoring.md), or start from `firedrill new-scenario NAME`",
            exemplary_path.display()
        ));
    }
    let exemplary = play_script(loaded, &exemplary_path)?;
    let chaotic_path = script_path(&loaded.path, id, "chaotic");
    let chaotic = if chaotic_path.exists() {
        Some(play_script(loaded, &chaotic_path)?)
    } else {
        None
    };
    let mut problems = Vec::new();
    if exemplary.outcome != Some(crate::world::Outcome::Resolved) {
        problems.push(format!(
            "{}: the exemplary team did not resolve the incident ({}); check that its remediations meet the exit criteria and come before the time limit",
            exemplary_path.display(),
            exemplary.when_words()
        ));
    }
    if exemplary.band() != Some(crate::judge::score::Band::P) {
        problems.push(format!(
            "{}: the exemplary team scores {} and should score P; `firedrill play {} --script {} --out S.ron` then `firedrill score S.ron` shows which criteria fall short",
            exemplary_path.display(),
            crate::judge::aar::value_text(exemplary.overall),
            loaded.path.display(),
            exemplary_path.display()
        ));
    }
    match &chaotic {
        None => problems.push(format!(
            "{}: no chaotic script; the validity rules want one that scores U or M",
            chaotic_path.display()
        )),
        Some(c) if c.overall.is_none() => problems.push(format!(
            "{}: the chaotic team gave the rubric nothing to judge; make it take part (declare late, order vaguely, touch production)",
            chaotic_path.display()
        )),
        Some(c) if matches!(c.band(), Some(crate::judge::score::Band::P | crate::judge::score::Band::S)) => {
            problems.push(format!(
                "{}: the chaotic team scores {} and should score U or M: make it declare late, freelance, go silent and give vague orders",
                chaotic_path.display(),
                crate::judge::aar::value_text(c.overall)
            ))
        }
        Some(_) => {}
    }
    let unattended = unattended(loaded)?;
    for run in unattended.iter().filter(|u| u.played.resolved.is_none()) {
        problems.push(format!(
            "{}: simulated people in every seat did not resolve the incident with seed {} ({}); left undone: {}. A trainee in one seat relies on simulated people in the others: give them the means (an action the OL's team can run for each exit condition) or change the exit",
            loaded.path.display(),
            run.seed,
            run.played.when_words(),
            if run.undone.is_empty() {
                "nothing the exit names (the time ran out)".to_string()
            } else {
                run.undone
                    .iter()
                    .map(|(role, what)| format!("{} seat: {what}", role.label()))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        ));
    }
    Ok(Autoplay {
        exemplary,
        chaotic,
        unattended,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(from: &str, to: &str) -> crate::scenario::LoadedScenario {
        let source = crate::base::diagnostic::Source {
            file: "tiny.ron".into(),
            text: crate::testing::TINY.replace(from, to),
        };
        crate::scenario::LoadedScenario {
            scenario: crate::scenario::parse(&source).unwrap(),
            path: "tiny.ron".into(),
            hash: "h".into(),
        }
    }

    #[test]
    fn simulated_people_in_every_seat_win_or_say_what_they_left_undone_and_whose_it_was() {
        let fine = unattended(&loaded("", "")).unwrap();
        assert_eq!(fine.len(), SEEDS.len());
        for run in &fine {
            let resolved = run.played.resolved.expect("the tiny drill is won");
            assert!(
                resolved < run.played.ended,
                "resolution reported, not the end"
            );
            assert!(run.played.when_words().starts_with("resolved at"));
            assert!(run.undone.is_empty());
        }
        // An exit that needs work simulated people never do (a wrong fix).
        let stuck = unattended(&loaded(
            r#"resolved: [Resolved("db-disk")]"#,
            r#"resolved: [Resolved("db-disk"), Done("wipe")]"#,
        ))
        .unwrap();
        for run in &stuck {
            assert_eq!(run.played.resolved, None);
            assert_eq!(
                run.undone,
                [(
                    crate::scenario::Role::OL,
                    "`wipe` (Wipe the cache) never run".to_string()
                )]
            );
        }
    }
}
