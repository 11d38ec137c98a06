//! Hosting a team drill: the one loop (`run::Room`) with remote people as its
//! clients. `start` binds, makes the join codes and runs the host on a thread
//! of its own; `resume` picks up a hosted drill whose host was killed.

mod connection;
mod lobby;
mod outbox;
mod project;
mod room;

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use tokio::sync::{mpsc, oneshot};

pub use lobby::{Guests, Invitee, guests_path};
use project::Projection;
use room::{Resumed, RoomTask, Setup};

use crate::net::protocol::{ClientFrame, HostFrame};
use crate::scenario::{Knobs, LoadedScenario};
use crate::world::HumanSpec;

/// How the host's clock runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostPace {
    /// This many simulated seconds per wall second (the game master may change it).
    PerSecond(u32),
    /// A tick only once every connected client has confirmed the last (tests, bots).
    Lockstep,
}

impl HostPace {
    /// Reads `--pace`: a number of simulated seconds per second, or `lockstep`.
    pub fn parse(text: &str) -> Result<HostPace, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "lockstep" => Ok(HostPace::Lockstep),
            n => n
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=600).contains(n))
                .map(HostPace::PerSecond)
                .ok_or_else(|| {
                    format!("--pace takes a number from 1 to 600 (simulated seconds per second) or `lockstep`, not `{text}`")
                }),
        }
    }
}

/// What `firedrill host` was asked for.
pub struct HostConfig {
    pub scenario: LoadedScenario,
    pub seed: u64,
    pub knobs: Knobs,
    pub bind: SocketAddr,
    /// The people from `--team` (a script's or a team file's); none: a code per seat.
    pub team: Option<Vec<HumanSpec>>,
    /// Codes for latecomers, who join as paged responders.
    pub spare: usize,
    pub pace: HostPace,
    /// The session file (journaled like any drill).
    pub out: PathBuf,
    /// Encrypt (TLS with a certificate of the host's own).
    pub tls: bool,
}

/// A running host.
pub struct HostHandle {
    pub addr: SocketAddr,
    /// What clients join: `host:port`, or `wss://host:port` when encrypted.
    pub address: String,
    /// (who, ticket) for every person, the game master's last.
    pub tickets: Vec<(String, String)>,
    pub session: PathBuf,
    thread: Option<JoinHandle<Result<(), String>>>,
    /// Dropping the handle stops the host (the session stays resumable).
    stop: Option<oneshot::Sender<()>>,
}

impl HostHandle {
    /// Waits until the host has finished (the drill over and everyone gone).
    pub fn wait(mut self) -> Result<PathBuf, String> {
        if let Some(thread) = self.thread.take() {
            thread
                .join()
                .map_err(|_| "the host stopped unexpectedly".to_string())??;
        }
        Ok(self.session.clone())
    }

    /// The ticket of one person (`gm` for the game master).
    pub fn ticket(&self, who: &str) -> Option<&str> {
        self.tickets
            .iter()
            .find(|(w, _)| w == who)
            .map(|(_, t)| t.as_str())
    }

    /// Whether the host has finished.
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(|t| t.is_finished())
    }
}

impl Drop for HostHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts hosting a new drill.
pub fn start(config: HostConfig) -> Result<HostHandle, String> {
    let guests = Guests::invite(config.team.as_deref(), config.spare, config.tls)?;
    if let Some(dir) = config.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let setup = Setup {
        loaded: config.scenario,
        seed: config.seed,
        knobs: config.knobs,
        pace: config.pace,
        out: config.out,
        team_file: config.team.is_some(),
    };
    launch(config.bind, setup, guests, None)
}

/// Picks up a hosted drill whose host stopped: the session is re-simulated
/// and checked, its file kept as `.ron.bak` and continued; the people keep
/// their codes and get back in by themselves.
pub fn resume(
    session_path: &Path,
    scenario: Option<&Path>,
    bind: SocketAddr,
    pace: HostPace,
) -> Result<HostHandle, String> {
    let guests = Guests::load(session_path)?;
    let recovered = crate::run::session::read(session_path).map_err(|d| d.to_string())?;
    let session = recovered.session;
    let loaded = crate::run::session::locate_scenario(session_path, &session, scenario)?;
    let resumed = reopen(session_path, &session, &loaded, &guests)?;
    let setup = Setup {
        loaded,
        seed: session.header.seed,
        knobs: session.header.knobs,
        pace,
        out: session_path.to_path_buf(),
        team_file: true,
    };
    launch(bind, setup, guests, Some(resumed))
}

/// A hosted drill's room picked up from its session: re-simulated and
/// checked, and each person's stream sorted again at the moments the live
/// host sorted it (after every input and every second), so everyone's
/// count of events held still means the same events. The second that was
/// in flight runs at once: the clients may hold its events already (a
/// lockstep host sends them only once they are on disk).
fn reopen(
    session_path: &Path,
    session: &crate::run::session::Session,
    loaded: &LoadedScenario,
    guests: &Guests,
) -> Result<Resumed, String> {
    let mut projection = Projection::new(guests.invitees.iter().map(|i| i.id.as_str()));
    let mut room = crate::run::session::resume_watching(session_path, session, loaded, |sim, _| {
        projection.take_in(sim.drill())
    })
    .map_err(|e| format!("{}: {e}", session_path.display()))?;
    if let Err(e) = room.step() {
        eprintln!("host: {e}");
    }
    projection.take_in(room.drill());
    let paged = session
        .inputs
        .iter()
        .filter(|(_, input)| matches!(input.command, crate::world::Command::PageIn { .. }))
        .count() as u64;
    Ok(Resumed {
        room,
        projection,
        paged,
    })
}

fn launch(
    bind: SocketAddr,
    setup: Setup,
    guests: Guests,
    resumed: Option<Resumed>,
) -> Result<HostHandle, String> {
    let listener = TcpListener::bind(bind).map_err(|e| {
        format!("cannot listen on {bind}: {e}\n  hint: pick another port with --bind ADDR:PORT")
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("{bind}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| format!("{bind}: {e}"))?;
    let tls = match &guests.identity {
        Some(identity) => Some(identity.acceptor()?),
        None => None,
    };
    let address = if tls.is_some() {
        format!("wss://{addr}")
    } else {
        addr.to_string()
    };
    let tickets = guests.tickets();
    let session = setup.out.clone();
    let task = RoomTask::new(setup, guests, resumed);
    let (stop, stopped) = oneshot::channel();
    let thread = std::thread::Builder::new()
        .name("firedrill-host".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start the host's runtime: {e}"))?;
            runtime.block_on(serve(listener, tls, task, stopped))
        })
        .map_err(|e| format!("cannot start the host's thread: {e}"))?;
    Ok(HostHandle {
        addr,
        address,
        tickets,
        session,
        thread: Some(thread),
        stop: Some(stop),
    })
}

/// What connections tell the room.
pub(crate) enum ToRoom {
    Hello {
        conn: u64,
        code: String,
        name: Option<String>,
        received: u64,
        to_client: outbox::Outbox,
        /// The room's last word before it closes the connection.
        kill: oneshot::Sender<HostFrame>,
        /// Welcome, or why not.
        answer: oneshot::Sender<Result<(), String>>,
    },
    Frame {
        conn: u64,
        frame: ClientFrame,
    },
    Gone {
        conn: u64,
    },
}

async fn serve(
    listener: TcpListener,
    tls: Option<tokio_rustls::TlsAcceptor>,
    task: RoomTask,
    mut stopped: oneshot::Receiver<()>,
) -> Result<(), String> {
    let listener =
        tokio::net::TcpListener::from_std(listener).map_err(|e| format!("cannot listen: {e}"))?;
    let (to_room, inbox) = mpsc::channel(1024);
    let room = tokio::spawn(task.run(inbox));
    tokio::pin!(room);
    let mut next_id = 0u64;
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(connection::MAX_CONNECTIONS));
    loop {
        tokio::select! {
            _ = &mut stopped => return Ok(()),
            finished = &mut room => {
                return finished.map_err(|e| format!("the host's room stopped: {e}"))?;
            }
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        // Out of file descriptors, say: give it a moment rather than spin.
                        eprintln!("host: cannot accept a connection: {e}");
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    eprintln!(
                        "host: {peer}: refused: already {} connections",
                        connection::MAX_CONNECTIONS
                    );
                    continue;
                };
                next_id += 1;
                tokio::spawn(connection::accept(
                    stream,
                    tls.clone(),
                    peer,
                    next_id,
                    to_room.clone(),
                    slot,
                ));
            }
        }
    }
}
