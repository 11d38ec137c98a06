//! The subcommands' bodies. Each returns a message for the user on failure.

use std::path::{Path, PathBuf};

/// Prints a line; a closed pipe (`firedrill play --log | head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

use crate::lenses::describe::describe;
use crate::run::play::{Pace, Summary, play_tuned};
use crate::run::script::{self, Script};
use crate::run::session;
use crate::scenario::{self, LoadedScenario};

pub(super) fn validate(files: &[PathBuf]) -> Result<(), String> {
    let mut failed = 0;
    for file in files {
        match scenario::check(file) {
            Ok((loaded, warnings)) => {
                for warning in &warnings {
                    eprintln!("{warning}");
                }
                say!(
                    "{}: ok — {} ({} components, {} faults, {} actions){}",
                    file.display(),
                    loaded.scenario.title,
                    loaded.scenario.components.len(),
                    loaded.scenario.faults.len(),
                    loaded.scenario.actions.len(),
                    match warnings.len() {
                        0 => String::new(),
                        n => format!(", {n} warning(s)"),
                    }
                )
            }
            Err(diagnostics) => {
                failed += 1;
                eprintln!("{diagnostics}");
                eprintln!("{}: {} error(s)", file.display(), diagnostics.0.len());
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failed} of {} file(s) failed validation",
            files.len()
        ))
    }
}

pub(super) fn load_scenario(path: &Path) -> Result<LoadedScenario, String> {
    scenario::load(path).map_err(|d| {
        format!(
            "{d}\n{}: the scenario does not validate; run `firedrill validate {}`",
            path.display(),
            path.display()
        )
    })
}

/// How `play` runs and reports.
pub(super) struct PlayOptions {
    pub pace: Option<u32>,
    pub log: bool,
    pub force: bool,
    pub knobs: crate::scenario::Knobs,
}

pub(super) fn play(
    scenario_path: &Path,
    seed: u64,
    script_path: Option<&Path>,
    out: Option<&Path>,
    options: PlayOptions,
) -> Result<(), String> {
    let PlayOptions {
        pace,
        log,
        force,
        knobs,
    } = options;
    if let Some(out) = out
        && out.exists()
        && !force
    {
        return Err(format!(
            "{}: the file already exists\n  hint: choose another --out path, or pass --force to replace it",
            out.display()
        ));
    }
    let loaded = load_scenario(scenario_path)?;
    // The script is checked against the drill it will drive: the tuned scenario.
    let script = match script_path {
        Some(path) => {
            script::load(path, &knobs.apply(&loaded.scenario)).map_err(|d| d.to_string())?
        }
        None => Script::empty(&loaded.scenario.id),
    };
    // Every drill is recorded: without --out, into the data directory.
    let recorded;
    let out = match out {
        Some(out) => out,
        None => {
            recorded = recording_path(&loaded.scenario.id, seed);
            if let Some(dir) = recorded.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            &recorded
        }
    };
    let drill = play_tuned(
        &loaded,
        &script,
        seed,
        knobs,
        Some(out),
        Pace(pace),
        |events| {
            if log {
                for entry in events {
                    say!("{}", describe(entry));
                }
            }
        },
    )?;
    say!(
        "{} — {} (seed {seed}; {})",
        loaded.scenario.title,
        script.title,
        knobs.describe()
    );
    let late = script
        .commands
        .iter()
        .filter(|c| c.at.0 >= drill.now())
        .count();
    if late > 0 {
        say!(
            "note: {late} script command(s) came after the drill ended at {} and were not played",
            crate::base::time::clock(drill.now())
        );
    }
    say!("{}", Summary::of(&drill));
    say!("Session saved to {}", out.display());
    Ok(())
}

/// Where a headless drill without `--out` is recorded: the data directory's sessions.
fn recording_path(scenario: &str, seed: u64) -> PathBuf {
    crate::base::files::new_session_path(&format!("{scenario}-headless-seed{seed}"))
}

pub(super) fn read_session(path: &Path) -> Result<session::Recovered, String> {
    let recovered = session::read(path).map_err(|d| d.to_string())?;
    if let Some(damage) = &recovered.damage {
        eprintln!("warning: {damage}");
    }
    Ok(recovered)
}

pub(super) fn session_scenario(
    path: &Path,
    session: &session::Session,
    given: Option<&Path>,
) -> Result<LoadedScenario, String> {
    session::locate_scenario(path, session, given)
}

pub(super) fn replay(
    path: &Path,
    check: bool,
    scenario: Option<&Path>,
    log: bool,
) -> Result<(), String> {
    let session = read_session(path)?.session;
    let loaded = session_scenario(path, &session, scenario)?;
    let drill = if check {
        session::check(&session, &loaded).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        // An interrupted session replays to where its recording stops, not beyond.
        let until = if session.end.is_some() {
            None
        } else {
            session.complete_through()
        };
        session::rerun(&session, &loaded, until).map_err(|e| format!("{}: {e}", path.display()))?
    };
    if session.end.is_none() {
        say!(
            "{}: the recording stops at {} (the drill was interrupted); `firedrill resume` continues it",
            path.display(),
            crate::base::time::clock(drill.now())
        );
    }
    if log {
        for entry in drill.log() {
            say!("{}", describe(entry));
        }
    }
    if check {
        say!(
            "{}: replay matches the recording ({} events)",
            path.display(),
            session.events.len()
        );
    }
    say!("{}", Summary::of(&drill));
    Ok(())
}

pub(super) fn resume(
    path: &Path,
    scenario: Option<&Path>,
    pace: Option<u32>,
    force: bool,
) -> Result<(), String> {
    let recovered = read_session(path)?;
    if let Some(damage) = &recovered.damage
        && !recovered.cut_off
        && !force
    {
        return Err(format!(
            "{}: the session is damaged at line {}, before its end; resuming would drop everything after that line\n  hint: repair the line, or pass --force to resume from the last good line (the original is kept as {})",
            path.display(),
            damage.line,
            session::backup_path(path).display()
        ));
    }
    let session = recovered.session;
    let loaded = session_scenario(path, &session, scenario)?;
    let mut room =
        session::resume(path, &session, &loaded).map_err(|e| format!("{}: {e}", path.display()))?;
    say!(
        "Resuming {} at {}",
        loaded.scenario.title,
        crate::base::time::clock(room.drill().now())
    );
    room.run_to_end(Pace(pace), |_| {})?;
    say!("{}", Summary::of(room.drill()));
    say!("Session saved to {}", path.display());
    Ok(())
}

/// `firedrill drill`'s arguments.
#[cfg(feature = "app")]
pub(super) struct DrillOptions {
    pub scenario: PathBuf,
    pub seat: crate::scenario::Seat,
    pub seed: u64,
    pub practice: bool,
    pub autopilot: Option<PathBuf>,
    pub shots: Vec<String>,
    pub shot_dir: PathBuf,
    pub speed: u32,
    pub instructor: bool,
    pub no_trainee: bool,
    pub knobs: crate::scenario::Knobs,
    /// Host a team drill from the window instead.
    pub host: Option<HostWindow>,
}

/// `firedrill drill … --host`'s arguments.
#[cfg(feature = "app")]
pub(super) struct HostWindow {
    pub bind: String,
    pub tls: bool,
    pub codes: Option<PathBuf>,
    pub start_when: Option<usize>,
    pub team: Option<PathBuf>,
}

/// `firedrill join ADDRESS CODE`: the window, in the hosted drill's lobby.
#[cfg(feature = "app")]
pub(super) fn join(
    address: String,
    code: String,
    name: Option<String>,
    autopilot: Option<PathBuf>,
    shots: &[String],
    shot_dir: PathBuf,
) -> Result<(), String> {
    use crate::app::launch::{JoinLaunch, Launch, TeamTour};
    crate::net::client::Target::parse(&address, &code)?;
    let tour = match autopilot {
        Some(path) => {
            std::fs::create_dir_all(&shot_dir)
                .map_err(|e| format!("{}: {e}", shot_dir.display()))?;
            Some(TeamTour {
                script: Some(script::read(&path).map_err(|d| d.to_string())?),
                shots: shot_times(shots)?,
                shot_dir,
            })
        }
        None => None,
    };
    let launch = Launch {
        join: Some(JoinLaunch {
            address,
            code,
            name,
            tour,
        }),
        ..Launch::title(scenarios_dir())
    };
    crate::app::run_to_result(launch, None)
}

/// Drill times as typed (`8m,15m`).
#[cfg(feature = "app")]
fn shot_times(shots: &[String]) -> Result<Vec<crate::base::time::Tick>, String> {
    shots
        .iter()
        .map(|s| crate::base::time::parse_duration(s).map_err(|e| format!("--shots: {e}")))
        .collect()
}

#[cfg(feature = "app")]
pub(super) fn drill(options: DrillOptions) -> Result<(), String> {
    use crate::app::launch::{AutopilotPlan, DirectDrill, HostLaunch, Launch, TeamTour};
    let loaded = load_scenario(&options.scenario)?;
    if let Some(host) = options.host {
        let bind = host.bind.parse().map_err(|_| {
            format!(
                "--bind takes an address and port like 127.0.0.1:7878, not `{}`",
                host.bind
            )
        })?;
        let team = match &host.team {
            Some(path) => Some(
                script::load_team(path, &options.knobs.apply(&loaded.scenario))
                    .map_err(|d| d.to_string())?,
            ),
            None => None,
        };
        let tour = match host.start_when {
            Some(_) => {
                std::fs::create_dir_all(&options.shot_dir)
                    .map_err(|e| format!("{}: {e}", options.shot_dir.display()))?;
                Some(TeamTour {
                    script: None,
                    shots: shot_times(&options.shots)?,
                    shot_dir: options.shot_dir.clone(),
                })
            }
            None => None,
        };
        let launch = Launch {
            host: Some(HostLaunch {
                scenario: options.scenario,
                seed: options.seed,
                knobs: options.knobs,
                bind,
                tls: host.tls,
                speed: options.speed.clamp(1, 600),
                codes: host.codes,
                start_when: host.start_when,
                team,
                tour,
            }),
            ..Launch::title(scenarios_dir())
        };
        return crate::app::run_to_result(launch, None);
    }
    let autopilot = match &options.autopilot {
        Some(path) => {
            let tuned = options.knobs.apply(&loaded.scenario);
            let script = script::load(path, &tuned).map_err(|d| d.to_string())?;
            let shots = shot_times(&options.shots)?;
            std::fs::create_dir_all(&options.shot_dir)
                .map_err(|e| format!("{}: {e}", options.shot_dir.display()))?;
            Some(AutopilotPlan {
                script,
                shots,
                shot_dir: options.shot_dir.clone(),
                speed: options.speed.clamp(1, 600),
            })
        }
        None => None,
    };
    let direct = DirectDrill {
        scenario: options.scenario,
        seat: options.seat,
        seed: options.seed,
        practice: options.practice,
        autopilot,
        instructor: options.instructor,
        no_trainee: options.no_trainee,
        knobs: options.knobs,
    };
    let launch = Launch {
        direct: Some(direct),
        ..Launch::title(scenarios_dir())
    };
    crate::app::run_to_result(launch, None)
}

pub use crate::base::files::scenarios_dir;

#[cfg(feature = "app")]
pub(super) fn tutorial(autopilot: bool, shot_dir: PathBuf, speed: u32) -> Result<(), String> {
    use crate::app::launch::{TutorialAutopilot, TutorialLaunch};
    let launch = crate::app::launch::Launch {
        tutorial: Some(TutorialLaunch {
            autopilot: autopilot.then(|| TutorialAutopilot {
                shot_dir,
                speed: speed.clamp(1, 600),
            }),
        }),
        ..crate::app::launch::Launch::title(scenarios_dir())
    };
    crate::app::run_to_result(launch, None)
}

#[cfg(feature = "app")]
pub(super) fn keys(plan: PathBuf, shot_dir: PathBuf) -> Result<(), String> {
    let launch = crate::app::launch::Launch {
        keyboard: Some(crate::app::tours::keyboard_launch(plan, shot_dir)?),
        ..crate::app::launch::Launch::title(scenarios_dir())
    };
    crate::app::run_to_result(launch, None)
}

#[cfg(feature = "app")]
pub(super) fn bench_ui(components: usize, messages: usize, frames: usize) -> Result<(), String> {
    let plan = crate::app::bench::BenchPlan {
        components: components.clamp(2, 2000),
        messages,
        frames: frames.max(10),
        started: std::time::Instant::now(),
    };
    let launch = crate::app::launch::Launch::title(scenarios_dir());
    crate::app::run_to_result(launch, Some(plan))
}
