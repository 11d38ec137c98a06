//! Team drills from the command line: `host` runs one, `bot` plays a
//! script's part in one headlessly.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::net::bot::{self, BotConfig};
use crate::net::client::Target;
use crate::net::host::{self, HostConfig, HostHandle, HostPace};
use crate::scenario::Knobs;

/// `firedrill host`'s arguments.
#[derive(Debug, clap::Args)]
pub struct HostArgs {
    /// The scenario (not with --resume).
    #[arg(required_unless_present = "resume")]
    scenario: Option<PathBuf>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: String,
    /// A script or team file: who plays, in which seat, from when (default: a code per seat).
    #[arg(long)]
    team: Option<PathBuf>,
    /// Simulated seconds per wall second, or `lockstep` (a tick once every client confirms).
    #[arg(long, default_value = "1")]
    pace: String,
    /// Also write the codes to this file, one `PERSON CODE` a line.
    #[arg(long)]
    codes: Option<PathBuf>,
    /// The session file (default: a new file in the data directory's sessions/).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Codes for latecomers, who join as responders just paged.
    #[arg(long, default_value_t = 2)]
    spare: usize,
    /// Encrypt: a certificate of the host's own, its fingerprint in every code.
    #[arg(long)]
    tls: bool,
    /// Continue a hosted drill whose host stopped (the same codes work).
    #[arg(long, conflicts_with_all = ["seed", "team", "out", "spare", "tls"])]
    resume: Option<PathBuf>,
    #[command(flatten)]
    knobs: super::knobs::KnobArgs,
}

fn bind_address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("--bind takes an address and port like 127.0.0.1:7878, not `{text}`"))
}

pub(super) fn host_cmd(options: HostArgs) -> Result<(), String> {
    let knobs: Knobs = options.knobs.into();
    let bind = bind_address(&options.bind)?;
    let pace = HostPace::parse(&options.pace)?;
    let handle = match &options.resume {
        Some(session) => {
            let handle = host::resume(session, options.scenario.as_deref(), bind, pace)?;
            say!("Resuming the hosted drill in {}", session.display());
            handle
        }
        None => {
            let scenario = options
                .scenario
                .as_ref()
                .ok_or("name the scenario to host (or --resume SESSION)")?;
            let loaded = super::commands::load_scenario(scenario)?;
            let team = match &options.team {
                Some(path) => Some(
                    crate::run::script::load_team(path, &knobs.apply(&loaded.scenario))
                        .map_err(|d| d.to_string())?,
                ),
                None => None,
            };
            let out = options.out.clone().unwrap_or_else(|| {
                crate::base::files::new_session_path(&format!("{}-team", loaded.scenario.id))
            });
            if out.exists() {
                return Err(format!(
                    "{}: a file is already there; a hosted drill never replaces a recording",
                    out.display()
                ));
            }
            say!("Hosting {} (seed {})", loaded.scenario.title, options.seed);
            host::start(HostConfig {
                scenario: loaded,
                seed: options.seed,
                knobs,
                bind,
                team,
                spare: options.spare,
                pace,
                out,
                tls: options.tls,
            })?
        }
    };
    announce(&handle, options.codes.as_deref())?;
    let session = handle.wait()?;
    say!("Session saved to {}", session.display());
    Ok(())
}

/// Prints where to join and everyone's code; writes them to `codes` too.
fn announce(handle: &HostHandle, codes: Option<&Path>) -> Result<(), String> {
    say!("Join at {}", handle.address);
    for (who, ticket) in &handle.tickets {
        say!("  {who:<14} {ticket}");
    }
    say!("Session file: {}", handle.session.display());
    if let Some(path) = codes {
        let text: String = handle
            .tickets
            .iter()
            .map(|(who, ticket)| format!("{who} {ticket}\n"))
            .collect();
        crate::base::files::write_atomic(path, text.as_bytes())?;
        say!("Codes written to {}", path.display());
    }
    Ok(())
}

/// `firedrill bot`'s arguments.
#[derive(Debug, clap::Args)]
pub struct BotArgs {
    /// The host: host:port, or wss://host:port when encrypted.
    address: String,
    /// The join code the host printed.
    code: String,
    /// The script whose commands for this code's person to play.
    #[arg(long)]
    script: PathBuf,
    /// Write every frame received to this file (a restarted bot continues it).
    #[arg(long)]
    dump: Option<PathBuf>,
    #[arg(long)]
    name: Option<String>,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 3600)]
    timeout: u64,
}

pub(super) fn bot_cmd(options: BotArgs) -> Result<(), String> {
    let target = Target::parse(&options.address, &options.code)?;
    let script = crate::run::script::read(&options.script).map_err(|d| d.to_string())?;
    let report = bot::run(BotConfig {
        target,
        name: options.name,
        script,
        dump: options.dump,
        timeout: Duration::from_secs(options.timeout),
    })?;
    say!(
        "{}: {} commands sent, {} events received{}",
        report.person,
        report.commands_sent,
        report.events,
        if report.debriefed {
            ", debrief received"
        } else {
            ""
        }
    );
    Ok(())
}
