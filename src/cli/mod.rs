//! The `firedrill` command line: validate scenarios, play scripted drills
//! headlessly, replay and resume sessions.

#[macro_use]
mod commands;
mod knobs;
mod report;
mod review;
pub mod team;

pub use commands::scenarios_dir;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Incident-response drill simulator.
#[derive(Debug, Parser)]
#[command(
    name = "firedrill",
    version,
    about = "Incident-response drills under the Incident Command System"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Action>,
}

/// A headless entry point.
#[derive(Debug, Subcommand)]
pub enum Action {
    /// Check scenario files; every problem is reported with file:line:column and a hint.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also play each drill's exemplary and chaotic scripts (scripts/ beside it):
        /// can it be won, and do the teams score as they should?
        #[arg(long)]
        autoplay: bool,
    },
    /// Scaffold a new drill: a commented scenario and its exemplary and chaotic scripts.
    NewScenario {
        /// The new drill's id, e.g. dns-outage.
        name: String,
        /// The library to put it in (scripts go in its scripts/); default: the scenario library.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Play a scripted drill to its end with simulated people in the unscripted seats.
    Play {
        scenario: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Command script (RON); without one, simulated people hold every seat.
        #[arg(long)]
        script: Option<PathBuf>,
        /// Session file to journal the drill to (default: a new file under the data directory's sessions/).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Simulated seconds per wall-clock second (default: as fast as possible).
        #[arg(long)]
        pace: Option<u32>,
        /// Print every event as it happens.
        #[arg(long)]
        log: bool,
        /// Replace the session file if it already exists.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        knobs: knobs::KnobArgs,
    },
    /// Open the replay viewer on a recording; with --check or --log, re-simulate it headlessly.
    Replay {
        session: PathBuf,
        /// Verify headlessly that re-simulation reproduces the recording, event for event.
        #[arg(long)]
        check: bool,
        /// The scenario file, if not where the session says.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Print every event (headless).
        #[arg(long)]
        log: bool,
        /// Viewer tour: drill times to photograph, e.g. 8m,20m; exits after the last.
        #[arg(long, value_delimiter = ',')]
        shots: Vec<String>,
        /// Where the tour's screenshots go.
        #[arg(long, default_value = "screenshots")]
        shot_dir: PathBuf,
        /// Viewer tour: end on the comparison with this other run.
        #[arg(long)]
        compare_with: Option<PathBuf>,
    },
    /// Compare two runs of the same scenario: score per criterion and key timings.
    Compare {
        a: PathBuf,
        b: PathBuf,
        /// Print the comparison as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Pin an observer note to a moment of a recording (saved into it atomically).
    Note {
        session: PathBuf,
        /// The drill time, e.g. 12m30s.
        #[arg(long)]
        at: String,
        #[arg(long, value_enum)]
        area: review::AreaArg,
        /// A behaviour rating from 1 to 5.
        #[arg(long)]
        rating: Option<u8>,
        text: String,
        #[arg(long)]
        scenario: Option<PathBuf>,
    },
    /// Score a recorded session against the rubric (C1-C16).
    Score {
        session: PathBuf,
        /// Print the whole scorecard as JSON.
        #[arg(long)]
        json: bool,
        /// The scenario file, if not where the session says.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// After-action answers (RON); default: SESSION.answers.ron if present.
        #[arg(long)]
        answers: Option<PathBuf>,
    },
    /// Write the After Action Report of a session as Markdown (.md) or HTML (.html).
    Aar {
        session: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// After-action answers (RON); default: SESSION.answers.ron if present.
        #[arg(long)]
        answers: Option<PathBuf>,
        /// Replace the report if it already exists.
        #[arg(long)]
        force: bool,
    },
    /// Open the game window straight into a drill in one seat.
    #[cfg(feature = "app")]
    Drill {
        scenario: PathBuf,
        /// The seat you take; simulated people hold the others.
        #[arg(long, value_enum, default_value_t = SeatArg::Ic)]
        seat: SeatArg,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Show every seat's instruments.
        #[arg(long)]
        practice: bool,
        /// Play this command script in the window, take screenshots and exit.
        #[arg(long)]
        autopilot: Option<PathBuf>,
        /// Drill times for screenshots, e.g. 8m,15m (autopilot only).
        #[arg(long, value_delimiter = ',', default_value = "5m")]
        shots: Vec<String>,
        /// Where screenshots go (autopilot only).
        #[arg(long, default_value = "screenshots")]
        shot_dir: PathBuf,
        /// Simulated seconds per wall second (autopilot only).
        #[arg(long, default_value_t = 30)]
        speed: u32,
        /// Run the drill as its game master: every seat's view, the ground truth, injects, notes.
        #[arg(long)]
        instructor: bool,
        /// With --instructor: no trainee; simulated people hold every seat.
        #[arg(long, requires = "instructor")]
        no_trainee: bool,
        /// Host a team drill from the window as its game master (the lobby shows the codes).
        #[arg(long, conflicts_with_all = ["instructor", "autopilot"])]
        host: bool,
        /// With --host: where to listen.
        #[arg(long, default_value = "127.0.0.1:7878", requires = "host")]
        bind: String,
        /// With --host: encrypt (the codes carry the host's certificate fingerprint).
        #[arg(long, requires = "host")]
        tls: bool,
        /// With --host: also write the address and codes to this file.
        #[arg(long, requires = "host")]
        codes: Option<PathBuf>,
        /// With --host: start once this many trainees are here, photograph at --shots, exit after the debrief.
        #[arg(long, requires = "host")]
        start_when: Option<usize>,
        /// With --host: a script or team file saying who plays (default: a code per seat).
        #[arg(long, requires = "host")]
        team: Option<PathBuf>,
        #[command(flatten)]
        knobs: knobs::KnobArgs,
    },
    /// Join a hosted team drill in the game window: the lobby, then your seat.
    #[cfg(feature = "app")]
    Join {
        /// The host: host:port, or wss://host:port when encrypted.
        address: String,
        /// Your join code, as the host printed it.
        code: String,
        /// Your name as the team sees it.
        #[arg(long)]
        name: Option<String>,
        /// Play this script's commands for your person in the window, take screenshots and exit.
        #[arg(long)]
        autopilot: Option<PathBuf>,
        /// Drill times for screenshots, e.g. 5m,10m (autopilot only).
        #[arg(long, value_delimiter = ',', default_value = "5m")]
        shots: Vec<String>,
        #[arg(long, default_value = "screenshots")]
        shot_dir: PathBuf,
    },
    /// Open the game window on the guided tutorial (scribe, then CL, then IC).
    #[cfg(feature = "app")]
    Tutorial {
        /// A scripted new hire plays every stage while screenshots are taken; then the window closes.
        #[arg(long)]
        autopilot: bool,
        /// Where the autopilot's screenshots go.
        #[arg(long, default_value = "screenshots")]
        shot_dir: PathBuf,
        /// Simulated seconds per wall second (autopilot only).
        #[arg(long, default_value_t = 60)]
        speed: u32,
    },
    /// Play a drill from the title screen to the debrief with the keyboard
    /// alone, as a keyboard plan says (Press, Type, At, Hear); exits non-zero
    /// naming the step it could not do.
    #[cfg(feature = "app")]
    Keys {
        /// The keyboard plan (RON), e.g. scenarios/keyboard/matching-engine-failure.ron.
        plan: PathBuf,
        /// Where the screenshots of each screen go.
        #[arg(long, default_value = "screenshots")]
        shot_dir: PathBuf,
    },
    /// Measure the game window on a stress drill: frame times, own-system time, start-up.
    #[cfg(feature = "app")]
    BenchUi {
        #[arg(long, default_value_t = 100)]
        components: usize,
        #[arg(long, default_value_t = 20_000)]
        messages: usize,
        #[arg(long, default_value_t = 300)]
        frames: usize,
    },
    /// Host a team drill: prints a join code per person (and the game master's)
    /// and runs the drill for the people who join (loopback unless --bind says otherwise).
    Host(team::HostArgs),
    /// Play a script's part in a hosted drill, headless (tests, load, an instructor short of trainees).
    Bot(team::BotArgs),
    /// Continue an interrupted session to its end.
    Resume {
        session: PathBuf,
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long)]
        pace: Option<u32>,
        /// Resume even if the file is damaged before its end (from the last good line).
        #[arg(long)]
        force: bool,
    },
}

/// A seat on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SeatArg {
    Ic,
    Ol,
    Cl,
    Scribe,
}

impl From<SeatArg> for crate::scenario::Seat {
    fn from(seat: SeatArg) -> Self {
        match seat {
            SeatArg::Ic => crate::scenario::Seat::IC,
            SeatArg::Ol => crate::scenario::Seat::OL,
            SeatArg::Cl => crate::scenario::Seat::CL,
            SeatArg::Scribe => crate::scenario::Seat::Scribe,
        }
    }
}

/// Runs one subcommand and turns its result into an exit status.
pub fn run(action: Action) -> ExitCode {
    let result = match action {
        Action::Validate { files, autoplay } => {
            if autoplay {
                review::autoplay_cmd(&files)
            } else {
                commands::validate(&files)
            }
        }
        Action::NewScenario { name, dir } => review::new_scenario_cmd(
            &name,
            &dir.unwrap_or_else(crate::base::files::scenarios_dir),
        ),
        Action::Play {
            scenario,
            seed,
            script,
            out,
            pace,
            log,
            force,
            knobs,
        } => {
            let options = commands::PlayOptions {
                pace,
                log,
                force,
                knobs: knobs.into(),
            };
            commands::play(&scenario, seed, script.as_deref(), out.as_deref(), options)
        }
        Action::Replay {
            session,
            check,
            scenario,
            log,
            shots,
            shot_dir,
            compare_with,
        } => {
            if check || log || !cfg!(feature = "app") {
                commands::replay(&session, check, scenario.as_deref(), log)
            } else {
                #[cfg(feature = "app")]
                {
                    review::viewer(
                        &session,
                        scenario.as_deref(),
                        &shots,
                        &shot_dir,
                        compare_with.as_deref(),
                    )
                }
                #[cfg(not(feature = "app"))]
                {
                    let _ = (shots, shot_dir, compare_with);
                    unreachable!("headless builds replay headlessly")
                }
            }
        }
        Action::Compare { a, b, json } => review::compare_cmd(&a, &b, json),
        Action::Note {
            session,
            at,
            area,
            rating,
            text,
            scenario,
        } => review::note_cmd(&session, &at, area, rating, &text, scenario.as_deref()),
        Action::Score {
            session,
            json,
            scenario,
            answers,
        } => report::score_cmd(&session, json, scenario.as_deref(), answers.as_deref()),
        Action::Aar {
            session,
            out,
            scenario,
            answers,
            force,
        } => report::aar_cmd(
            &session,
            &out,
            scenario.as_deref(),
            answers.as_deref(),
            force,
        ),
        Action::Resume {
            session,
            scenario,
            pace,
            force,
        } => commands::resume(&session, scenario.as_deref(), pace, force),
        Action::Host(args) => team::host_cmd(args),
        Action::Bot(args) => team::bot_cmd(args),
        #[cfg(feature = "app")]
        Action::Tutorial {
            autopilot,
            shot_dir,
            speed,
        } => commands::tutorial(autopilot, shot_dir, speed),
        #[cfg(feature = "app")]
        Action::Keys { plan, shot_dir } => commands::keys(plan, shot_dir),
        #[cfg(feature = "app")]
        Action::BenchUi {
            components,
            messages,
            frames,
        } => commands::bench_ui(components, messages, frames),
        #[cfg(feature = "app")]
        Action::Drill {
            scenario,
            seat,
            seed,
            practice,
            autopilot,
            shots,
            shot_dir,
            speed,
            instructor,
            no_trainee,
            host,
            bind,
            tls,
            codes,
            start_when,
            team,
            knobs,
        } => commands::drill(commands::DrillOptions {
            scenario,
            seat: seat.into(),
            seed,
            practice,
            autopilot,
            shots,
            shot_dir,
            speed,
            instructor,
            no_trainee,
            knobs: knobs.into(),
            host: host.then_some(commands::HostWindow {
                bind,
                tls,
                codes,
                start_when,
                team,
            }),
        }),
        #[cfg(feature = "app")]
        Action::Join {
            address,
            code,
            name,
            autopilot,
            shots,
            shot_dir,
        } => commands::join(address, code, name, autopilot, &shots, shot_dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
