//! `firedrill validate --autoplay`: play a drill's exemplary and chaotic
//! scripts and judge them by the validity rules (the exemplary team resolves
//! the incident with a P, the chaotic team scores U or M).

use std::path::{Path, PathBuf};

use super::script_path;

/// How one scripted team did.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    pub script: PathBuf,
    pub outcome: Option<crate::world::Outcome>,
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
}

/// What autoplay found: the exemplary team (must win and score P) and the
/// chaotic one (must score U or M), and what is wrong, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Autoplay {
    pub exemplary: Played,
    pub chaotic: Option<Played>,
    pub problems: Vec<String>,
}

fn play_script(loaded: &crate::scenario::LoadedScenario, path: &Path) -> Result<Played, String> {
    let script = crate::run::script::load(path, &loaded.scenario).map_err(|d| d.to_string())?;
    let drill =
        crate::run::play::play(loaded, &script, 1, None, crate::run::play::Pace::default())?;
    let card = crate::judge::score::score(&loaded.scenario, drill.log(), None);
    Ok(Played {
        script: path.to_path_buf(),
        outcome: drill.outcome(),
        ended: drill.now().saturating_sub(1),
        overall: card.overall,
    })
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
            "{}: the exemplary team did not resolve the incident ({} at {}); check that its remediations meet the exit criteria and come before the time limit",
            exemplary_path.display(),
            exemplary.outcome_words(),
            crate::base::time::clock(exemplary.ended)
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
    Ok(Autoplay {
        exemplary,
        chaotic,
        problems,
    })
}
