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
pub(super) struct HostOptions {
    pub scenario: Option<PathBuf>,
    pub seed: u64,
    pub bind: String,
    pub team: Option<PathBuf>,
    pub pace: String,
    pub codes: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub spare: usize,
    pub tls: bool,
    pub resume: Option<PathBuf>,
    pub knobs: Knobs,
}

fn bind_address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("--bind takes an address and port like 127.0.0.1:7878, not `{text}`"))
}

pub(super) fn host_cmd(options: HostOptions) -> Result<(), String> {
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
                    crate::run::script::load_team(path, &options.knobs.apply(&loaded.scenario))
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
                knobs: options.knobs,
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
pub(super) struct BotOptions {
    pub address: String,
    pub code: String,
    pub script: PathBuf,
    pub dump: Option<PathBuf>,
    pub name: Option<String>,
    pub timeout: u64,
}

pub(super) fn bot_cmd(options: BotOptions) -> Result<(), String> {
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
