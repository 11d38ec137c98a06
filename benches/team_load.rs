//! Team drills under load: R rooms in one host process, C clients in each
//! over loopback, at speed x10. Every client says something in the command
//! post every two seconds and times how long its words take to come back to
//! it as an event. Reports p50/p99 of that latency, the host process's CPU
//! (share of one core) and resident memory, and dropped clients; then finds
//! where p99 passes 50 ms.
//!
//! `cargo bench --no-default-features --bench team_load [-- ROOMS,ROOMS… [CLIENTS [SECONDS]]]`
//! (default: 1,5,10,20,30,40 rooms of 8 clients, 20 seconds each). The host
//! runs in a child process of this program, so its figures are its own.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use firedrill::net::client::{Client, Incoming, Target};
use firedrill::net::host::{self, HostConfig, HostPace};
use firedrill::net::protocol::{ClientFrame, HostFrame};
use firedrill::scenario::Seat;
use firedrill::world::comms::{Channel, MessageKind};
use firedrill::world::{Command, Event, HumanSpec};

const SPEED: u32 = 10;

fn team(clients: usize) -> Vec<HumanSpec> {
    let seats = [Seat::IC, Seat::OL, Seat::CL, Seat::Scribe];
    (0..clients)
        .map(|i| HumanSpec {
            id: format!("p{i}"),
            name: format!("Person {i}"),
            seat: seats.get(i).copied().unwrap_or(Seat::Responder),
            joins: Default::default(),
        })
        .collect()
}

/// The child: hosts `rooms` rooms and prints `ROOM address person ticket` lines.
fn serve(rooms: usize, clients: usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = firedrill::scenario::load(&root.join("scenarios/matching-engine-failure.ron"))
        .expect("the bundled scenario");
    let dir = std::env::temp_dir().join(format!("firedrill-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut handles = Vec::new();
    for r in 0..rooms {
        let handle = host::start(HostConfig {
            scenario: loaded.clone(),
            seed: r as u64,
            knobs: Default::default(),
            bind: "127.0.0.1:0".parse().unwrap(),
            team: Some(team(clients)),
            spare: 0,
            pace: HostPace::PerSecond(SPEED),
            out: dir.join(format!("room-{r}.ron")),
            tls: false,
        })
        .expect("a room starts");
        for (who, ticket) in &handle.tickets {
            println!("ROOM {r} {} {who} {ticket}", handle.address);
        }
        handles.push(handle);
    }
    println!("READY");
    // Serve until the parent closes our input.
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    drop(handles);
    let _ = std::fs::remove_dir_all(&dir);
}

/// CPU seconds (user + system) of a process so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are the 12th and 13th fields after the command name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Resident and peak resident memory of a process, in MiB.
fn memory_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kib("VmRSS:") / 1024.0, kib("VmHWM:") / 1024.0)
}

struct Figures {
    rooms: usize,
    clients: usize,
    samples: usize,
    p50: f64,
    p99: f64,
    max: f64,
    cpu: f64,
    rss: f64,
    peak: f64,
    dropped: usize,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn measure(rooms: usize, clients: usize, seconds: u64) -> Figures {
    let mut child = Process::new(std::env::current_exe().unwrap())
        .args(["--serve", &rooms.to_string(), &clients.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the host process");
    let pid = child.id();
    let mut people = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if line == "READY" {
            break;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 5 && parts[3] != "gm" {
            people.push((parts[2].to_string(), parts[4].to_string()));
        }
    }
    let latencies = Arc::new(Mutex::new(Vec::<f64>::new()));
    let dropped = Arc::new(Mutex::new(0usize));
    let stop_at = Instant::now() + Duration::from_secs(seconds + 8);
    let measure_from = Instant::now() + Duration::from_secs(6);
    let threads: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(n, (address, ticket))| {
            let (latencies, dropped) = (latencies.clone(), dropped.clone());
            std::thread::spawn(move || {
                let client = Client::connect(Target::parse(&address, &ticket).unwrap(), None, 0);
                let mut me = String::new();
                let mut started = false;
                let mut waiting: BTreeMap<String, Instant> = BTreeMap::new();
                let mut next_say =
                    Instant::now() + Duration::from_millis(2000 + (n as u64 * 137) % 2000);
                let mut seq = 0u64;
                while Instant::now() < stop_at {
                    while let Some(incoming) = client.recv_timeout(Duration::from_millis(5)) {
                        match incoming {
                            Incoming::Frame(HostFrame::Welcome { person, .. }) => me = person,
                            Incoming::Frame(HostFrame::Lobby { started: s, .. }) => started |= s,
                            Incoming::Frame(HostFrame::Events { entries, .. }) => {
                                for e in entries {
                                    if let Event::Posted(m) = &e.event
                                        && m.from == me
                                        && let Some(sent) = waiting.remove(&m.text)
                                        && sent >= measure_from
                                    {
                                        latencies
                                            .lock()
                                            .unwrap()
                                            .push(sent.elapsed().as_secs_f64() * 1000.0);
                                    }
                                }
                            }
                            Incoming::Lost(_) | Incoming::Failed(_) => {
                                *dropped.lock().unwrap() += 1
                            }
                            _ => {}
                        }
                    }
                    if started && Instant::now() >= next_say {
                        seq += 1;
                        let text = format!("ping {n} {seq}");
                        waiting.insert(text.clone(), Instant::now());
                        client.send(ClientFrame::Command {
                            command: Command::Say {
                                channel: Channel::CommandPost,
                                kind: MessageKind::Chat,
                                text,
                            },
                            order: None,
                        });
                        next_say += Duration::from_secs(2);
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(measure_from.saturating_duration_since(Instant::now()));
    let cpu_before = cpu_seconds(pid);
    let wall = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let cpu = (cpu_seconds(pid) - cpu_before) / wall.elapsed().as_secs_f64();
    let (rss, peak) = memory_mib(pid);
    for t in threads {
        let _ = t.join();
    }
    drop(child.stdin.take());
    let _ = child.kill();
    let _ = child.wait();
    let mut samples = latencies.lock().unwrap().clone();
    samples.sort_by(|a, b| a.total_cmp(b));
    Figures {
        rooms,
        clients,
        samples: samples.len(),
        p50: percentile(&samples, 0.5),
        p99: percentile(&samples, 0.99),
        max: samples.last().copied().unwrap_or(f64::NAN),
        cpu,
        rss,
        peak,
        dropped: *dropped.lock().unwrap(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("--serve") {
        let rooms = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
        let clients = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(8);
        return serve(rooms, clients);
    }
    let sweep: Vec<usize> = args
        .first()
        .map(|a| a.split(',').filter_map(|r| r.parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 5, 10, 20, 30, 40]);
    let clients = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(8);
    let seconds = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20);
    println!(
        "team_load: rooms x {clients} clients over loopback, speed x{SPEED}, {seconds} s measured per row"
    );
    println!(
        "rooms  clients  samples  p50 ms  p99 ms  max ms  host CPU (cores)  host RSS / peak MiB  dropped"
    );
    let mut breaks = None;
    for rooms in sweep {
        let f = measure(rooms, clients, seconds);
        println!(
            "{:>5}  {:>7}  {:>7}  {:>6.1}  {:>6.1}  {:>6.1}  {:>16.2}  {:>8.1} / {:>6.1}  {:>7}",
            f.rooms, f.clients, f.samples, f.p50, f.p99, f.max, f.cpu, f.rss, f.peak, f.dropped
        );
        if breaks.is_none() && (f.p99 > 50.0 || f.dropped > 0) {
            breaks = Some(rooms);
        }
    }
    match breaks {
        Some(rooms) => println!("p99 passes 50 ms (or a client drops) at {rooms} rooms"),
        None => println!("p99 stayed within 50 ms with no client dropped at every size tried"),
    }
}
