//! Around the drill: `firedrill compare` two runs, `firedrill note` a moment
//! of a recording, the replay viewer's window, and authoring
//! (`firedrill new-scenario`, `firedrill validate --autoplay`).

use std::path::Path;

use crate::scenario::Area;

pub(super) fn compare_cmd(a: &Path, b: &Path, json: bool) -> Result<(), String> {
    let (a, b, comparison) = crate::judge::compare::recordings(a, b)?;
    if json {
        let text = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
        say!("{text}");
    } else {
        say!(
            "{}",
            crate::judge::compare::text(&comparison, &a.label, &b.label)
        );
    }
    Ok(())
}

/// An area as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AreaArg {
    Command,
    Operations,
    Communications,
    Documentation,
}

impl From<AreaArg> for Area {
    fn from(a: AreaArg) -> Area {
        match a {
            AreaArg::Command => Area::Command,
            AreaArg::Operations => Area::Operations,
            AreaArg::Communications => Area::Communications,
            AreaArg::Documentation => Area::Documentation,
        }
    }
}

pub(super) fn note_cmd(
    path: &Path,
    at: &str,
    area: AreaArg,
    rating: Option<u8>,
    text: &str,
    scenario: Option<&Path>,
) -> Result<(), String> {
    let moment = crate::base::time::parse_duration(at).map_err(|e| format!("--at {at}: {e}"))?;
    let session = super::commands::read_session(path)?.session;
    let loaded = super::commands::session_scenario(path, &session, scenario)?;
    let (_, at) = crate::run::replay::annotate(path, &loaded, moment, area.into(), rating, text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    say!(
        "Note pinned at {} in {}",
        crate::base::time::clock(at),
        path.display()
    );
    Ok(())
}

/// `firedrill replay SESSION` without --check or --log: the viewer.
#[cfg(feature = "app")]
pub(super) fn viewer(
    path: &Path,
    scenario: Option<&Path>,
    shots: &[String],
    shot_dir: &Path,
    compare_with: Option<&Path>,
) -> Result<(), String> {
    use crate::app::launch::{Launch, ReplayLaunch, ReplayTour};
    // Check the recording here, so a bad file is reported on the terminal.
    let session = super::commands::read_session(path)?.session;
    let loaded = super::commands::session_scenario(path, &session, scenario)?;
    crate::run::replay::Replay::new(&session, &loaded)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let tour = if shots.is_empty() {
        None
    } else {
        let times = shots
            .iter()
            .map(|s| crate::base::time::parse_duration(s).map_err(|e| format!("--shots: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        std::fs::create_dir_all(shot_dir).map_err(|e| format!("{}: {e}", shot_dir.display()))?;
        Some(ReplayTour {
            shots: times,
            shot_dir: shot_dir.to_path_buf(),
            compare_with: compare_with.map(Path::to_path_buf),
        })
    };
    let launch = Launch {
        replay: Some(ReplayLaunch {
            session: path.to_path_buf(),
            scenario: scenario.map(Path::to_path_buf),
            tour,
        }),
        ..Launch::title(super::commands::scenarios_dir())
    };
    crate::app::run_to_result(launch, None)
}

pub(super) fn new_scenario_cmd(name: &str, dir: &Path) -> Result<(), String> {
    let written = crate::tools::authoring::write_scaffold(dir, name)?;
    for path in &written {
        say!("wrote {}", path.display());
    }
    say!(
        "Next: `firedrill validate --autoplay {}` (it plays both scripts), then change the drill one section at a time; docs/authoring.md walks through it.",
        written[0].display()
    );
    Ok(())
}

pub(super) fn autoplay_cmd(files: &[std::path::PathBuf]) -> Result<(), String> {
    super::commands::validate(files)?;
    let mut failed = 0;
    for file in files {
        let loaded = crate::scenario::load(file).map_err(|d| d.to_string())?;
        let report = match crate::tools::authoring::autoplay(&loaded) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
                continue;
            }
        };
        let line = |p: &crate::tools::authoring::Played| {
            format!(
                "{}: {}, scores {}",
                p.script.display(),
                p.when_words(),
                crate::judge::aar::value_text(p.overall)
            )
        };
        say!("{}: autoplay", file.display());
        say!("  exemplary team — {}", line(&report.exemplary));
        if let Some(c) = &report.chaotic {
            say!("  chaotic team — {}", line(c));
        }
        for run in &report.unattended {
            say!(
                "  simulated people in every seat, seed {} — {}",
                run.seed,
                run.played.when_words()
            );
        }
        if report.problems.is_empty() {
            say!("  can be won, and the teams score as the validity rules require");
        } else {
            failed += 1;
            for problem in &report.problems {
                eprintln!("{problem}");
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failed} of {} drill(s) failed autoplay",
            files.len()
        ))
    }
}
