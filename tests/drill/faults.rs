//! Faults with real processes on loopback: a bot killed with SIGKILL and
//! started again gets exactly what it missed; a host killed with SIGKILL and
//! resumed takes its bots back, the drill finishes, and the session replays.
//! Every process here is bounded in time and stopped at the end.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use firedrill::net::protocol::{HostFrame, read_host_frame};
use firedrill::run::session;
use firedrill::world::Event;

use super::common::{root, scenario, temp_dir};

const SCRIPT: &str = "scenarios/scripts/matching-engine-failure.exemplary.ron";

/// Kills a child on drop, so a failing test leaves nothing running.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn firedrill(args: &[&str], log: &Path) -> Running {
    let log = std::fs::File::create(log).unwrap();
    Running(
        Command::new(env!("CARGO_BIN_EXE_firedrill"))
            .args(args)
            .current_dir(root())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("start firedrill"),
    )
}

/// Waits for the host's codes file and reads `PERSON CODE` lines.
fn codes(path: &Path) -> Vec<(String, String)> {
    let started = Instant::now();
    while !path.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the host printed no codes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn host(port: u16, dir: &Path, extra: &[&str]) -> Running {
    let bind = format!("127.0.0.1:{port}");
    let codes = dir.join("codes.txt");
    let out = dir.join("hosted.ron");
    let mut args = vec![
        "host",
        "scenarios/matching-engine-failure.ron",
        "--team",
        SCRIPT,
        "--pace",
        "100",
        "--bind",
        &bind,
        "--codes",
        codes.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    firedrill(&args, &dir.join("host.log"))
}

fn bot(port: u16, code: &str, dump: &Path, log: &Path) -> Running {
    let address = format!("127.0.0.1:{port}");
    firedrill(
        &[
            "bot",
            &address,
            code,
            "--script",
            SCRIPT,
            "--dump",
            dump.to_str().unwrap(),
            "--timeout",
            "240",
        ],
        log,
    )
}

fn wait_for(child: &mut Running, limit: Duration, what: &str) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            return status;
        }
        assert!(started.elapsed() < limit, "{what} did not finish in time");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The events in a bot's dump, checking that each arrived exactly once and in order.
fn events_once(dump: &Path) -> Vec<firedrill::world::Entry> {
    let mut events = Vec::new();
    for (n, line) in std::fs::read_to_string(dump).unwrap().lines().enumerate() {
        if let HostFrame::Events { first, entries } = read_host_frame(line).unwrap() {
            assert_eq!(
                first,
                events.len() as u64,
                "{}:{}: events arrive once each, in order",
                dump.display(),
                n + 1
            );
            events.extend(entries);
        }
    }
    events
}

fn sigkill(child: &mut Running) {
    // `Child::kill` sends SIGKILL on Unix: no chance to tidy up.
    child.0.kill().unwrap();
    child.0.wait().unwrap();
}

/// Waits until a dump holds at least `n` events.
fn until_events(dump: &Path, n: usize) {
    let started = Instant::now();
    while !dump.exists() || events_so_far(dump) < n {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no events arrived"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn events_so_far(dump: &Path) -> usize {
    std::fs::read_to_string(dump)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| read_host_frame(l).ok())
        .map(|f| match f {
            HostFrame::Events { entries, .. } => entries.len(),
            _ => 0,
        })
        .sum()
}

fn bots_for_everyone(
    port: u16,
    dir: &Path,
    codes: &[(String, String)],
) -> Vec<(String, PathBuf, Running)> {
    codes
        .iter()
        .filter(|(who, _)| !who.starts_with("responder") && who != "gm")
        .map(|(who, code)| {
            let dump = dir.join(format!("{who}.frames"));
            let child = bot(port, code, &dump, &dir.join(format!("{who}.log")));
            (who.clone(), dump, child)
        })
        .collect()
}

#[test]
fn a_bot_killed_and_started_again_gets_exactly_what_it_missed() {
    let dir = temp_dir("fault-bot");
    let port = free_port();
    let mut host = host(port, &dir, &[]);
    let codes = codes(&dir.join("codes.txt"));
    let mut bots = bots_for_everyone(port, &dir, &codes);
    let (who, dump, first) = bots.remove(0);
    until_events(&dump, 40);
    let mut first = first;
    sigkill(&mut first);
    std::thread::sleep(Duration::from_millis(500));
    let code = &codes.iter().find(|(w, _)| *w == who).unwrap().1;
    let mut again = bot(port, code, &dump, &dir.join(format!("{who}-again.log")));
    assert!(wait_for(&mut again, Duration::from_secs(240), "the restarted bot").success());
    for (_, _, mut b) in bots {
        assert!(wait_for(&mut b, Duration::from_secs(240), "a bot").success());
    }
    assert!(wait_for(&mut host, Duration::from_secs(60), "the host").success());
    let events = events_once(&dump);
    assert!(
        events
            .iter()
            .any(|e| matches!(e.event, Event::DrillEnded { .. })),
        "the restarted bot saw the drill to its end"
    );
    let recorded = session::read(&dir.join("hosted.ron")).unwrap().session;
    session::check(&recorded, &scenario("matching-engine-failure")).unwrap();
    // What the bot holds is its person's share of the log, in the log's order.
    let mut log = recorded.events.iter();
    for e in &events {
        assert!(
            log.any(|l| l == e),
            "{e:?} is not in the log where expected"
        );
    }
}

#[test]
fn a_host_killed_and_resumed_takes_its_bots_back_and_the_session_replays() {
    let dir = temp_dir("fault-host");
    let port = free_port();
    let mut first = host(port, &dir, &[]);
    let codes = codes(&dir.join("codes.txt"));
    let bots = bots_for_everyone(port, &dir, &codes);
    let ic_dump = bots[0].1.clone();
    until_events(&ic_dump, 60);
    sigkill(&mut first);
    std::thread::sleep(Duration::from_millis(700));
    let session_path = dir.join("hosted.ron");
    let bind = format!("127.0.0.1:{port}");
    let mut resumed = firedrill(
        &[
            "host",
            "--resume",
            session_path.to_str().unwrap(),
            "--bind",
            &bind,
            "--pace",
            "100",
        ],
        &dir.join("resumed.log"),
    );
    for (who, dump, mut b) in bots {
        let status = wait_for(&mut b, Duration::from_secs(240), &format!("bot {who}"));
        assert!(
            status.success(),
            "bot {who}: {}",
            std::fs::read_to_string(dir.join(format!("{who}.log"))).unwrap_or_default()
        );
        let events = events_once(&dump);
        assert!(
            events
                .iter()
                .any(|e| matches!(e.event, Event::DrillEnded { .. }))
        );
    }
    assert!(wait_for(&mut resumed, Duration::from_secs(60), "the resumed host").success());
    let recorded = session::read(&session_path).unwrap();
    assert!(recorded.damage.is_none());
    assert!(
        recorded.session.end.is_some(),
        "the resumed drill ran to its end"
    );
    session::check(&recorded.session, &scenario("matching-engine-failure")).unwrap();
    assert!(
        session::backup_path(&session_path).exists(),
        "the file as it was is kept"
    );
}
