//! Team drills over loopback: a host and one bot per person, in this
//! process. A lockstep host with a script's team records exactly the drill
//! `firedrill play` records for that script; nobody is sent what their person
//! may not see; nobody acts in someone else's name.

use std::path::PathBuf;
use std::time::Duration;

use firedrill::net::bot::{self, BotConfig, BotReport};
use firedrill::net::client::{Client, Incoming, Target};
use firedrill::net::host::{self, HostConfig, HostHandle, HostPace};
use firedrill::net::protocol::{ClientFrame, HostFrame};
use firedrill::run::script::Script;
use firedrill::run::session;
use firedrill::scenario::LoadedScenario;
use firedrill::world::{Event, GAME_MASTER};

use super::common::{play_to_end, scripts, temp_dir};

/// A lockstep host for the script's team on a free loopback port.
pub fn host_for(loaded: &LoadedScenario, script: &Script, seed: u64, out: PathBuf) -> HostHandle {
    host::start(HostConfig {
        scenario: loaded.clone(),
        seed,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 1,
        pace: HostPace::Lockstep,
        out,
        tls: false,
    })
    .expect("the host starts")
}

/// One bot per person of the script, each on a thread; their reports.
pub fn bots_for(
    handle: &HostHandle,
    script: &Script,
    dump: Option<&std::path::Path>,
) -> Vec<BotReport> {
    let threads: Vec<_> = script
        .team
        .iter()
        .map(|member| {
            let target =
                Target::parse(&handle.address, handle.ticket(&member.id).unwrap()).unwrap();
            let script = script.clone();
            let dump = dump.map(|d| d.join(format!("{}.frames", member.id)));
            std::thread::spawn(move || {
                bot::run(BotConfig {
                    target,
                    name: None,
                    script,
                    dump,
                    timeout: Duration::from_secs(300),
                })
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|t| t.join().expect("bot thread").expect("the bot finishes"))
        .collect()
}

#[test]
fn a_hosted_team_records_the_drill_play_records() {
    let dir = temp_dir("team-equivalence");
    let exemplary: Vec<_> = scripts()
        .into_iter()
        .filter(|(p, _, _)| p.to_string_lossy().ends_with(".exemplary.ron"))
        .collect();
    assert!(exemplary.len() >= 12, "every bundled scenario");
    for (path, loaded, script) in exemplary {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let out = dir.join(format!("{name}.session.ron"));
        let handle = host_for(&loaded, &script, 3, out.clone());
        let reports = bots_for(&handle, &script, None);
        assert!(
            reports.iter().all(|r| r.debriefed),
            "{name}: every bot got the debrief"
        );
        handle.wait().unwrap_or_else(|e| panic!("{name}: {e}"));
        let hosted = session::read(&out).unwrap().session;
        let played = play_to_end(&loaded, &script, 3);
        let describe = |log: &[firedrill::world::Entry]| -> Vec<String> {
            log.iter()
                .map(firedrill::lenses::describe::describe)
                .collect()
        };
        assert_eq!(
            describe(&hosted.events),
            describe(played.log()),
            "{name}: the hosted drill's log is the played one"
        );
        assert_eq!(hosted.events, played.log(), "{name}: event for event");
        session::check(&hosted, &loaded).unwrap_or_else(|e| panic!("{name}: replay check: {e}"));
    }
}

#[test]
fn nobody_is_sent_what_their_person_may_not_see() {
    let dir = temp_dir("team-leaks");
    for (path, loaded, script) in scripts()
        .into_iter()
        .filter(|(p, _, _)| p.to_string_lossy().ends_with(".exemplary.ron"))
    {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let out = dir.join(format!("{name}.session.ron"));
        let handle = host_for(&loaded, &script, 5, out.clone());
        // A game master watches every frame too.
        let gm_target =
            Target::parse(&handle.address, handle.ticket(GAME_MASTER).unwrap()).unwrap();
        let gm = std::thread::spawn(move || watch(gm_target));
        let dumps = dir.join(&name);
        std::fs::create_dir_all(&dumps).unwrap();
        // Lockstep waits for the game master's readiness as well: a watcher confirms each tick.
        bots_for(&handle, &script, Some(&dumps));
        let gm_frames = gm.join().unwrap();
        handle.wait().unwrap();
        let log = session::read(&out).unwrap().session.events;
        // Who was cleared for #restricted when each restricted message was posted.
        let mut everything = firedrill::world::Drill::mirror(loaded.scenario.shared());
        let mut cleared_for: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
        for entry in &log {
            everything.absorb(entry);
            if let Event::Posted(m) = &entry.event
                && m.channel == firedrill::world::comms::Channel::Restricted
            {
                let cleared = script
                    .team
                    .iter()
                    .filter(|p| everything.people().cleared_for_restricted(&p.id))
                    .map(|p| p.id.clone())
                    .collect();
                cleared_for.insert(m.id, cleared);
            }
        }
        let revealed_at = |fault: &str| {
            log.iter()
                .find(|e| matches!(&e.event, Event::CauseRevealed { fault: f, .. } if f == fault))
                .map(|e| e.at)
        };
        for member in &script.team {
            let frames =
                std::fs::read_to_string(dumps.join(format!("{}.frames", member.id))).unwrap();
            let mut now = 0;
            for line in frames.lines() {
                match firedrill::net::protocol::read_host_frame(line).unwrap() {
                    HostFrame::Clock { now: t, .. } => now = t,
                    HostFrame::Truth { .. } => {
                        panic!("{name}: {} was sent the ground truth", member.id)
                    }
                    HostFrame::Events { entries, .. } => {
                        for e in &entries {
                            assert!(
                                !matches!(
                                    e.event,
                                    Event::FaultStarted { .. }
                                        | Event::InjectDelivered { .. }
                                        | Event::ObserverNote { .. }
                                ),
                                "{name}: {} was sent ground truth: {:?}",
                                member.id,
                                e.event
                            );
                            if let Event::Posted(m) = &e.event
                                && m.channel == firedrill::world::comms::Channel::Restricted
                            {
                                assert!(
                                    cleared_for[&m.id].contains(&member.id),
                                    "{name}: {} was sent a #restricted message without clearance",
                                    member.id
                                );
                            }
                        }
                    }
                    _ => {}
                }
                for fault in &loaded.scenario.faults {
                    let hidden = revealed_at(&fault.id).is_none_or(|at| now < at);
                    if hidden {
                        assert!(
                            !line.contains(&fault.root_cause),
                            "{name}: {} was sent the hidden cause of {} before the team found it",
                            member.id,
                            fault.id
                        );
                    }
                }
            }
        }
        let gm_text = gm_frames.join("\n");
        for fault in &loaded.scenario.faults {
            let quoted = serde_json::to_string(&fault.root_cause).unwrap();
            assert!(
                gm_text.contains(&quoted[1..quoted.len() - 1]),
                "{name}: the game master is sent the cause of {}",
                fault.id
            );
        }
        assert!(
            gm_text.contains("\"type\":\"Truth\""),
            "{name}: the game master is sent the ground truth"
        );
    }
}

/// A game master's client that confirms every tick and keeps every frame until the debrief.
fn watch(target: Target) -> Vec<String> {
    let client = Client::connect(target, None, 0);
    let mut frames = Vec::new();
    loop {
        match client.recv_timeout(Duration::from_secs(120)) {
            Some(Incoming::Frame(frame)) => {
                let text = firedrill::net::protocol::write(&frame);
                if let HostFrame::Clock { now, .. } = &frame {
                    client.send(ClientFrame::Ready { tick: *now });
                }
                let done = matches!(frame, HostFrame::Debrief { .. });
                frames.push(text);
                if done {
                    return frames;
                }
            }
            Some(Incoming::Failed(reason)) => panic!("{reason}"),
            Some(_) => {}
            None => panic!("the game master heard nothing for two minutes"),
        }
    }
}

#[test]
fn a_command_in_someone_elses_name_is_refused_and_nothing_happens_in_their_name() {
    let (_, loaded, script) = scripts()
        .into_iter()
        .find(|(p, _, _)| p.to_string_lossy().ends_with("ics-practice.exemplary.ron"))
        .unwrap();
    let dir = temp_dir("team-impersonation");
    let handle = host::start(HostConfig {
        scenario: loaded.clone(),
        seed: 1,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 0,
        pace: HostPace::PerSecond(50),
        out: dir.join("s.ron"),
        tls: false,
    })
    .unwrap();
    let ic = script.team[0].id.clone();
    let other = script.team[1].id.clone();
    // The OL's connection says it is the IC: the frame is refused and the connection closed.
    let mut raw = RawClient::connect(&handle.address);
    raw.send(&format!(
        r#"{{"type":"Hello","protocol":1,"code":"{}"}}"#,
        handle.ticket(&other).unwrap()
    ));
    raw.send(&format!(
        r#"{{"type":"Command","command":{{"Declare":"Sev1"}},"by":"{ic}"}}"#
    ));
    let replies = raw.read_until_closed();
    assert!(
        replies
            .iter()
            .any(|r| r.contains("unknown field `by`") && r.contains("\"fatal\":true")),
        "{replies:?}"
    );
    // A command without a claimed name is taken as the connection's own person's.
    let mut honest = RawClient::connect(&handle.address);
    honest.send(&format!(
        r#"{{"type":"Hello","protocol":1,"code":"{}"}}"#,
        handle.ticket(&other).unwrap()
    ));
    honest.read_until(|f| f.contains("\"Lobby\""));
    // Start needs everyone: the IC connects too.
    let mut ic_client = RawClient::connect(&handle.address);
    ic_client.send(&format!(
        r#"{{"type":"Hello","protocol":1,"code":"{}"}}"#,
        handle.ticket(&ic).unwrap()
    ));
    for member in script.team.iter().skip(2) {
        let mut c = RawClient::connect(&handle.address);
        c.send(&format!(
            r#"{{"type":"Hello","protocol":1,"code":"{}"}}"#,
            handle.ticket(&member.id).unwrap()
        ));
        std::mem::forget(c);
    }
    honest.read_until(|f| f.contains("\"started\":true"));
    honest.send(r#"{"type":"Command","command":{"Declare":"Sev1"}}"#);
    // The declaration is the OL's own (and so refused: not theirs to make, or
    // not yet in the drill); nothing is done in the IC's name.
    let refused = honest.read_until(|f| f.contains("CommandRefused") && f.contains("Declare"));
    assert!(
        refused.contains(&format!("\"by\":\"{other}\"")),
        "{refused}"
    );
    drop(honest);
    drop(ic_client);
    drop(handle);
}

/// A bare WebSocket client for sending whatever text a test likes.
struct RawClient {
    socket: tokio_tungstenite::tungstenite::WebSocket<std::net::TcpStream>,
}

impl RawClient {
    fn connect(address: &str) -> RawClient {
        let stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let (socket, _) =
            tokio_tungstenite::tungstenite::client(format!("ws://{address}/"), stream).unwrap();
        RawClient { socket }
    }

    fn send(&mut self, text: &str) {
        let _ = self
            .socket
            .send(tokio_tungstenite::tungstenite::Message::text(text));
    }

    /// Frames until the host closes the connection.
    fn read_until_closed(&mut self) -> Vec<String> {
        let mut frames = Vec::new();
        while let Ok(message) = self.socket.read() {
            if let tokio_tungstenite::tungstenite::Message::Text(t) = message {
                frames.push(t.to_string());
            }
        }
        frames
    }

    /// Reads frames until one matches; returns it.
    fn read_until(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        loop {
            match self.socket.read() {
                Ok(tokio_tungstenite::tungstenite::Message::Text(t)) if wanted(t.as_str()) => {
                    return t.to_string();
                }
                Ok(_) => {}
                Err(e) => panic!("the connection ended before the frame came: {e}"),
            }
        }
    }
}

#[test]
fn an_encrypted_host_is_joined_with_the_fingerprint_in_the_code_and_only_with_it() {
    let (_, loaded, script) = scripts()
        .into_iter()
        .find(|(p, _, _)| p.to_string_lossy().ends_with("ics-practice.exemplary.ron"))
        .unwrap();
    let dir = temp_dir("team-tls");
    let handle = host::start(HostConfig {
        scenario: loaded.clone(),
        seed: 4,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 1,
        pace: HostPace::Lockstep,
        out: dir.join("s.ron"),
        tls: true,
    })
    .unwrap();
    assert!(handle.address.starts_with("wss://"));
    let ticket = handle.ticket("responder-1").unwrap().to_string();
    let (code, fingerprint) = ticket
        .split_once('.')
        .expect("the code carries the fingerprint");
    // Someone else's certificate (a wrong fingerprint) is refused before any frame.
    let forged = Target::parse(
        &handle.address,
        &format!("{code}.{}", "a".repeat(fingerprint.len())),
    )
    .unwrap();
    let impostor = Client::connect(forged, None, 0);
    match impostor.recv_timeout(Duration::from_secs(20)) {
        Some(Incoming::Lost(reason)) => {
            assert!(reason.contains("encrypted connection failed"), "{reason}")
        }
        other => panic!("a wrong fingerprint got {other:?}"),
    }
    drop(impostor);
    let reports = bots_for(&handle, &script, None);
    assert!(reports.iter().all(|r| r.debriefed));
    handle.wait().unwrap();
    let recorded = session::read(&dir.join("s.ron")).unwrap().session;
    assert_eq!(recorded.events, play_to_end(&loaded, &script, 4).log());
}

#[test]
fn a_latecomer_is_paged_in_as_a_responder_and_sees_the_command_post() {
    let (_, loaded, script) = scripts()
        .into_iter()
        .find(|(p, _, _)| p.to_string_lossy().ends_with("ics-practice.exemplary.ron"))
        .unwrap();
    let dir = temp_dir("team-late");
    let handle = host::start(HostConfig {
        scenario: loaded,
        seed: 1,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 1,
        pace: HostPace::PerSecond(200),
        out: dir.join("s.ron"),
        tls: false,
    })
    .unwrap();
    let team = {
        let handle = &handle;
        let script = script.clone();
        std::thread::scope(|scope| {
            let team = scope.spawn(move || bots_for(handle, &script, None));
            std::thread::sleep(Duration::from_secs(3));
            let late =
                Target::parse(&handle.address, handle.ticket("responder-1").unwrap()).unwrap();
            let client = Client::connect(late, Some("Late Lou".into()), 0);
            let mut saw_own_join = false;
            let mut saw_command_post = false;
            while let Some(incoming) = client.recv_timeout(Duration::from_secs(30)) {
                if let Incoming::Frame(HostFrame::Events { entries, .. }) = incoming {
                    for e in &entries {
                        match &e.event {
                            Event::Joined {
                                who, human, seat, ..
                            } if who == "responder-1" => {
                                assert!(*human);
                                assert_eq!(*seat, Some(firedrill::scenario::Seat::Responder));
                                saw_own_join = true;
                            }
                            Event::Posted(m)
                                if m.channel == firedrill::world::comms::Channel::CommandPost =>
                            {
                                saw_command_post = true;
                            }
                            _ => {}
                        }
                    }
                }
                if saw_own_join && saw_command_post {
                    break;
                }
            }
            assert!(saw_own_join, "the latecomer joined the drill");
            assert!(saw_command_post, "the latecomer reads the command post");
            drop(client);
            team.join().unwrap()
        })
    };
    assert!(team.iter().all(|r| r.debriefed));
}
