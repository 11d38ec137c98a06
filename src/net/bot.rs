//! A bot: plays, headless, the commands a script gives its person, at their
//! drill times, over a real connection. With a dump file it writes every
//! frame it receives, one JSON line each; started again with the same file it
//! continues from what the file holds, so it gets only what it missed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::client::{Client, Incoming, Target};
use super::protocol::{ClientFrame, HostFrame, read_host_frame, write};
use crate::run::script::Script;
use crate::world::Event;
use crate::world::threads::Threads;

/// What a bot was asked to do.
pub struct BotConfig {
    pub target: Target,
    pub name: Option<String>,
    pub script: Script,
    pub dump: Option<PathBuf>,
    /// Give up after this long.
    pub timeout: Duration,
}

/// How a bot's drill went.
#[derive(Debug, Clone, PartialEq)]
pub struct BotReport {
    pub person: String,
    pub commands_sent: usize,
    pub events: u64,
    pub debriefed: bool,
}

/// Plays until the debrief arrives (or the drill ends and no debrief comes).
pub fn run(config: BotConfig) -> Result<BotReport, String> {
    let (mut dump, held, mut threads) = match &config.dump {
        Some(path) => {
            let (held, threads) = reopen_dump(path)?;
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| format!("{}: cannot write the dump: {e}", path.display()))?;
            (Some((path.clone(), file)), held, threads)
        }
        None => (None, 0, Threads::default()),
    };
    let client = Client::connect(config.target.clone(), config.name.clone(), held);
    let started = Instant::now();
    let mut person: Option<String> = None;
    let mut lockstep = false;
    // This person's commands in the order the drill applies them (each with its place in the script).
    let mut mine: Vec<(u32, &crate::run::script::ScriptCommand)> = Vec::new();
    // How many of them are sent; on every welcome, how many the drill applied.
    let mut next = 0;
    // The last tick this connection confirmed (reset on reconnect).
    let mut sent_for: Option<u32> = None;
    let mut commands_sent = 0;
    let mut over_at: Option<Instant> = None;
    loop {
        if started.elapsed() > config.timeout {
            return Err(format!(
                "the drill did not finish within {} s",
                config.timeout.as_secs()
            ));
        }
        if over_at.is_some_and(|at| at.elapsed() > Duration::from_secs(30)) {
            break;
        }
        let Some(incoming) = client.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        let frame = match incoming {
            Incoming::Connected => {
                sent_for = None;
                continue;
            }
            Incoming::Lost(reason) => {
                eprintln!("bot: {reason}; reconnecting");
                continue;
            }
            Incoming::Failed(reason) => return Err(reason),
            Incoming::Frame(frame) => frame,
        };
        if let Some((path, file)) = dump.as_mut() {
            if let HostFrame::Welcome { from: 0, .. } = frame {
                // The host sends everything again: the dump starts over.
                file.set_len(0)
                    .map_err(|e| format!("{}: cannot write the dump: {e}", path.display()))?;
            }
            writeln!(file, "{}", write(&frame))
                .and_then(|()| file.flush())
                .map_err(|e| format!("{}: cannot write the dump: {e}", path.display()))?;
        }
        match frame {
            HostFrame::Welcome {
                person: who,
                lockstep: step,
                applied,
                from,
                ..
            } => {
                if from == 0 {
                    // Everything comes again: so does the talk.
                    threads = Threads::default();
                }
                mine = config
                    .script
                    .commands
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.by == who)
                    .map(|(order, c)| (order as u32, c))
                    .collect();
                // In the order the drill applies them: by time, then script order.
                mine.sort_by_key(|(order, c)| (c.at.0, *order));
                next = (applied as usize).min(mine.len());
                person = Some(who);
                lockstep = step;
            }
            HostFrame::Clock { now, .. } => {
                if person.is_none() || (lockstep && sent_for.is_some_and(|t| t >= now)) {
                    continue;
                }
                // Everything due by now that the drill has not had yet, in
                // order; a command waiting for something holds up the rest.
                while let Some((order, c)) = mine
                    .get(next)
                    .filter(|(_, c)| c.at.0 <= now && c.after.is_none_or(|w| w.over(&threads)))
                {
                    client.send(ClientFrame::Command {
                        command: c.command.clone(),
                        order: Some(*order),
                    });
                    commands_sent += 1;
                    next += 1;
                }
                if lockstep {
                    client.send(ClientFrame::Ready { tick: now });
                    sent_for = Some(now);
                }
            }
            HostFrame::Events { entries, .. } => {
                take_in(&mut threads, &entries);
                if entries
                    .iter()
                    .any(|e| matches!(e.event, Event::DrillEnded { .. }))
                {
                    over_at = Some(Instant::now());
                }
            }
            HostFrame::Debrief { .. } => {
                return Ok(BotReport {
                    person: person.unwrap_or_default(),
                    commands_sent,
                    events: client.received(),
                    debriefed: true,
                });
            }
            HostFrame::Error { reason, .. } => eprintln!("bot: the host says: {reason}"),
            _ => {}
        }
    }
    Ok(BotReport {
        person: person.unwrap_or_default(),
        commands_sent,
        events: client.received(),
        debriefed: false,
    })
}

/// Follows who proposed and what was decided (a scripted command may wait for it).
fn take_in(threads: &mut Threads, entries: &[crate::world::Entry]) {
    for entry in entries {
        if let Event::Posted(message) = &entry.event {
            threads.record(message, true);
        }
    }
}

/// How many events a dump already holds, and the talk they tell of; a line
/// cut short by a kill is removed.
fn reopen_dump(path: &Path) -> Result<(u64, Threads), String> {
    let mut threads = Threads::default();
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok((0, threads));
    };
    let whole = match text.rfind('\n') {
        Some(end) => &text[..=end],
        None => "",
    };
    if whole.len() != text.len() {
        std::fs::write(path, whole).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mut held: u64 = 0;
    for (n, line) in whole.lines().enumerate() {
        match read_host_frame(line) {
            Ok(HostFrame::Welcome { from: 0, .. }) => {
                // The host sent everything again from here.
                held = 0;
                threads = Threads::default();
            }
            Ok(HostFrame::Events { first, entries }) => {
                let fresh = held.saturating_sub(first) as usize;
                take_in(&mut threads, entries.get(fresh..).unwrap_or_default());
                held = held.max(first + entries.len() as u64);
            }
            Ok(_) => {}
            Err(e) => return Err(format!("{}:{}: {e}", path.display(), n + 1)),
        }
    }
    Ok((held, threads))
}
