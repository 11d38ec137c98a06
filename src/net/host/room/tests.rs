//! The room without a network: connections are channels.

use tokio::sync::oneshot;

use super::{RoomTask, Setup};
use crate::net::host::lobby::Guests;
use crate::net::host::outbox::{Inbox, outbox};
use crate::net::host::{HostPace, ToRoom};
use crate::net::protocol::{ClientFrame, HostFrame, read_host_frame};
use crate::scenario::{LoadedScenario, Role, Seat, Severity};
use crate::world::comms::{Channel, MessageKind};
use crate::world::{Command, Event, HumanSpec};

fn room() -> (RoomTask, Guests) {
    room_paced("room", HostPace::PerSecond(10))
}

fn loaded() -> LoadedScenario {
    LoadedScenario {
        scenario: crate::testing::tiny(),
        path: "tiny.ron".into(),
        hash: "h".into(),
    }
}

/// A room for Ana (IC) and Ben (OL) with one spare code, its session in a
/// directory of the test's own.
fn room_paced(test: &str, pace: HostPace) -> (RoomTask, Guests) {
    let team: Vec<HumanSpec> = [("ana", Seat::IC), ("ben", Seat::OL)]
        .into_iter()
        .map(|(id, seat)| HumanSpec {
            id: id.into(),
            name: id.into(),
            seat,
            joins: Default::default(),
        })
        .collect();
    let guests = Guests::invite(Some(&team), 1, false).unwrap();
    let dir = std::env::temp_dir().join(format!("firedrill-room-{test}-{}", std::process::id()));
    let setup = Setup {
        loaded: loaded(),
        seed: 1,
        knobs: Default::default(),
        pace,
        out: dir.join("s.ron"),
        team_file: true,
    };
    (RoomTask::new(setup, guests.clone(), None), guests)
}

/// A connection as the room sees it: its outbox, its kill signal, and the welcome's answer.
type Connected = (Inbox, oneshot::Receiver<HostFrame>, Result<(), String>);

/// Connects `who` with an outbox of `room_for` bytes.
fn connect(
    task: &mut RoomTask,
    guests: &Guests,
    conn: u64,
    who: &str,
    room_for: usize,
) -> Connected {
    let code = guests.get(who).unwrap().code.as_str().to_string();
    hello(task, conn, code, None, 0, room_for)
}

/// Says hello with any code, name and count of events held.
fn hello(
    task: &mut RoomTask,
    conn: u64,
    code: String,
    name: Option<&str>,
    received: u64,
    room_for: usize,
) -> Connected {
    let (to_client, outbox) = outbox(room_for);
    let (kill, killed) = oneshot::channel();
    let (answer, mut answered) = oneshot::channel();
    task.handle(ToRoom::Hello {
        conn,
        code,
        name: name.map(str::to_string),
        received,
        to_client,
        kill,
        answer,
    });
    (outbox, killed, answered.try_recv().unwrap())
}

fn say(task: &mut RoomTask, conn: u64, frame: ClientFrame) {
    task.handle(ToRoom::Frame { conn, frame });
}

fn command(task: &mut RoomTask, conn: u64, command: Command) {
    say(
        task,
        conn,
        ClientFrame::Command {
            command,
            order: None,
        },
    );
}

fn told(frames: &[HostFrame], words: &str) -> bool {
    frames
        .iter()
        .any(|f| matches!(f, HostFrame::Error { reason, .. } if reason.contains(words)))
}

fn log_len(task: &RoomTask) -> usize {
    task.running.as_ref().unwrap().room.drill().log().len()
}

fn frames(outbox: &mut Inbox) -> Vec<HostFrame> {
    let mut out = Vec::new();
    while let Some(text) = outbox.try_recv() {
        out.push(read_host_frame(&text).unwrap());
    }
    out
}

#[test]
fn a_client_that_cannot_keep_up_is_told_and_dropped_and_the_others_go_on() {
    let (mut task, guests) = room();
    let (_never_read, mut killed, answer) = connect(&mut task, &guests, 1, "ana", 8 * 1024);
    assert!(answer.is_ok());
    let (mut reader, _, answer) = connect(&mut task, &guests, 2, "ben", 1 << 30);
    assert!(answer.is_ok());
    assert!(
        task.running.is_some(),
        "everyone of the team is here: started"
    );
    for _ in 0..60 {
        task.step().unwrap();
        let _ = frames(&mut reader);
    }
    let last = killed.try_recv().expect("the slow client was told");
    assert!(
        matches!(&last, HostFrame::Error { reason, fatal: true, replaced: false } if reason.contains("could not keep up")),
        "{last:?}"
    );
    assert!(!task.conns.contains_key(&1), "and dropped");
    assert!(task.conns.contains_key(&2), "the other stays");
    // The drill did not wait for it: sixty seconds went by.
    assert_eq!(task.running.as_ref().unwrap().room.drill().now(), 60);
}

#[test]
fn a_code_serves_one_connection_the_newest_and_a_wrong_code_is_refused() {
    let (mut task, guests) = room();
    let (_a, mut first_killed, first) = connect(&mut task, &guests, 1, "ana", 1 << 20);
    assert!(first.is_ok());
    let (_b, _, second) = connect(&mut task, &guests, 2, "ana", 1 << 20);
    assert!(second.is_ok(), "the same person again takes over");
    let last = first_killed
        .try_recv()
        .expect("the older connection is told");
    assert!(
        matches!(&last, HostFrame::Error { reason, replaced: true, .. } if reason.contains("joined again")),
        "told not to come back, or the two would take turns: {last:?}"
    );
    assert!(!task.conns.contains_key(&1) && task.conns.contains_key(&2));
    let (to_client, _outbox) = outbox(1 << 20);
    let (kill, _) = oneshot::channel();
    let (answer, mut answered) = oneshot::channel();
    task.handle(ToRoom::Hello {
        conn: 3,
        code: "0000-0000-0000-0000".into(),
        name: None,
        received: 0,
        to_client,
        kill,
        answer,
    });
    let reason = answered.try_recv().unwrap().unwrap_err();
    assert!(reason.contains("not one of this drill's"), "{reason}");
}

#[test]
fn only_the_game_master_starts_the_drill_and_a_trainee_is_told_so() {
    let (mut task, guests) = room();
    let (mut outbox, _, _) = connect(&mut task, &guests, 1, "ana", 1 << 20);
    task.handle(ToRoom::Frame {
        conn: 1,
        frame: ClientFrame::Start,
    });
    assert!(task.running.is_none(), "a trainee cannot start it");
    let told = frames(&mut outbox).into_iter().any(|f| {
        matches!(f, HostFrame::Error { reason, fatal: false, .. } if reason.contains("only the game master"))
    });
    assert!(told);
}

#[test]
fn while_paused_a_command_waits_its_sender_is_told_and_it_lands_when_the_clock_runs() {
    let (mut task, guests) = room_paced("paused", HostPace::PerSecond(10));
    let (mut ana, _, _) = connect(&mut task, &guests, 1, "ana", 1 << 20);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 20);
    let gm = guests.game_master.as_str().to_string();
    let _gm = hello(&mut task, 3, gm, None, 0, 1 << 20);
    assert!(task.running.is_some());
    say(
        &mut task,
        3,
        ClientFrame::Clock {
            speed: None,
            paused: Some(true),
        },
    );
    let before = log_len(&task);
    frames(&mut ana);
    command(&mut task, 1, Command::Declare(Severity::Sev2));
    assert_eq!(log_len(&task), before, "nothing happens while paused");
    assert!(told(&frames(&mut ana), "paused"));
    say(
        &mut task,
        3,
        ClientFrame::Clock {
            speed: None,
            paused: Some(false),
        },
    );
    task.step().unwrap();
    let drill = task.running.as_ref().unwrap().room.drill();
    assert!(
        drill.log()[before..]
            .iter()
            .any(|e| matches!(e.event, Event::Declared { .. })),
        "it landed once the clock ran"
    );
}

#[test]
fn a_name_someone_else_goes_by_is_refused_with_a_reason_and_a_name_is_cleaned() {
    let (mut task, guests) = room_paced("names", HostPace::PerSecond(10));
    let code = guests.get("ana").unwrap().code.as_str().to_string();
    // Kim is the scenario's CTO, a simulated person.
    let (mut first, _, ok) = hello(&mut task, 1, code.clone(), Some("kim"), 0, 1 << 20);
    assert!(ok.is_ok(), "still welcome, under the name they had");
    assert!(told(&frames(&mut first), "already called kim"));
    assert_eq!(task.guests.get("ana").unwrap().name, "ana");
    let ben = task.guests.get("ben").unwrap().name.clone();
    let (mut second, _, _) = hello(&mut task, 2, code.clone(), Some(&ben), 0, 1 << 20);
    assert!(told(&frames(&mut second), "already called"));
    let _ = hello(&mut task, 3, code, Some(" Ana\u{7}\n Sousa "), 0, 1 << 20);
    assert_eq!(task.guests.get("ana").unwrap().name, "Ana Sousa");
}

#[test]
fn a_lockstep_client_back_in_is_told_the_tick_its_applied_commands_and_where_its_events_go_on() {
    let (mut task, guests) = room_paced("rejoin", HostPace::Lockstep);
    let (mut ana, _, _) = connect(&mut task, &guests, 1, "ana", 1 << 20);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 20);
    command(&mut task, 1, Command::Declare(Severity::Sev2));
    say(&mut task, 1, ClientFrame::Ready { tick: 0 });
    say(&mut task, 2, ClientFrame::Ready { tick: 0 });
    assert!(task.can_step());
    task.step().unwrap();
    let held = frames(&mut ana)
        .iter()
        .map(|f| match f {
            HostFrame::Events { entries, .. } => entries.len() as u64,
            _ => 0,
        })
        .sum::<u64>();
    assert!(held > 0);
    // Ana sends a command for tick 1, and her connection drops before it runs.
    command(&mut task, 1, Command::Ack);
    task.handle(ToRoom::Gone { conn: 1 });
    let code = guests.get("ana").unwrap().code.as_str().to_string();
    let (mut back, _, ok) = hello(&mut task, 4, code.clone(), None, held, 1 << 20);
    assert!(ok.is_ok());
    let got = frames(&mut back);
    let welcome = got.iter().find_map(|f| match f {
        HostFrame::Welcome { from, applied, .. } => Some((*from, *applied)),
        _ => None,
    });
    assert_eq!(
        welcome,
        Some((held, 1)),
        "her events go on where she is, and one command of hers was applied (the dropped one was not)"
    );
    assert!(
        got.iter()
            .any(|f| matches!(f, HostFrame::Clock { now: 1, .. })),
        "told the tick to confirm at once: {got:?}"
    );
    // A client claiming more than the host holds starts over from 0.
    let (mut again, _, _) = hello(&mut task, 5, code, None, held + 1000, 1 << 20);
    let got = frames(&mut again);
    assert!(
        got.iter()
            .any(|f| matches!(f, HostFrame::Welcome { from: 0, .. }))
    );
    assert!(
        got.iter()
            .any(|f| matches!(f, HostFrame::Events { first: 0, .. })),
        "and is sent everything again"
    );
}

#[test]
fn the_after_action_questions_wait_for_the_end() {
    let (mut task, guests) = room_paced("answers", HostPace::PerSecond(10));
    let (mut ana, _, _) = connect(&mut task, &guests, 1, "ana", 1 << 20);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 20);
    say(
        &mut task,
        1,
        ClientFrame::Answers {
            answers: Default::default(),
        },
    );
    assert!(told(&frames(&mut ana), "after the drill"));
    assert!(task.answers.is_empty());
}

#[test]
fn a_resumed_host_sorts_everyones_stream_as_the_live_host_did() {
    let (mut task, guests) = room_paced("resume", HostPace::PerSecond(10));
    let _ana = connect(&mut task, &guests, 1, "ana", 1 << 30);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 30);
    for _ in 0..3 {
        task.step().unwrap();
    }
    // In one second: Ana posts in the executive channel, then makes Ben CL.
    // Ben was not a reader when the post was made: it is not in his stream.
    command(
        &mut task,
        1,
        Command::Say {
            channel: Channel::Executive,
            kind: MessageKind::Chat,
            text: "for the executives only".into(),
        },
    );
    command(
        &mut task,
        1,
        Command::Assign {
            role: Role::CL,
            to: "ben".into(),
            briefing: "status page is yours".into(),
        },
    );
    task.step().unwrap();
    command(&mut task, 1, Command::Declare(Severity::Sev2));
    // The host is killed here, with Ana's last command in the second in
    // flight: the session file as it is now is what a resumed host finds.
    let out = task.setup.out.clone();
    let crashed = out.with_file_name("crashed.ron");
    std::fs::copy(&out, &crashed).unwrap();
    let shown = task.running.as_ref().unwrap().projection.clone();
    // What the live host went on to do: that second ran.
    task.step().unwrap();
    let running = task.running.as_ref().unwrap();
    let log = running.room.drill().log();
    let exec_post = log
        .iter()
        .position(|e| matches!(&e.event, Event::Posted(m) if m.channel == Channel::Executive))
        .unwrap() as u32;
    assert!(!running.projection.positions("ben", 0).contains(&exec_post));
    assert!(running.projection.positions("ana", 0).contains(&exec_post));

    let session = crate::run::session::read(&crashed).unwrap().session;
    let resumed = crate::net::host::reopen(&crashed, &session, &loaded(), &guests).unwrap();
    assert_eq!(
        resumed.room.drill().log(),
        log,
        "the second in flight was picked up and run"
    );
    assert_eq!(
        resumed.projection, running.projection,
        "everyone's stream is the same"
    );
    for person in ["ana", "ben", "gm"] {
        let held = shown.len(person);
        assert!(
            resumed.projection.len(person) >= held,
            "nobody holds more than the host"
        );
    }
    assert_eq!(resumed.room.applied_by("ana"), 3);
}

#[test]
fn a_resumed_lockstep_host_goes_on_from_what_every_client_holds() {
    let (mut task, guests) = room_paced("resume-lockstep", HostPace::Lockstep);
    let (mut ana, _, _) = connect(&mut task, &guests, 1, "ana", 1 << 30);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 30);
    for tick in 0..5 {
        if tick == 2 {
            command(&mut task, 1, Command::Declare(Severity::Sev2));
        }
        say(&mut task, 1, ClientFrame::Ready { tick });
        say(&mut task, 2, ClientFrame::Ready { tick });
        task.step().unwrap();
    }
    let held: u64 = frames(&mut ana)
        .iter()
        .map(|f| match f {
            HostFrame::Events { entries, .. } => entries.len() as u64,
            _ => 0,
        })
        .sum();
    let out = task.setup.out.clone();
    drop(task);
    let session = crate::run::session::read(&out).unwrap().session;
    let resumed = crate::net::host::reopen(&out, &session, &loaded(), &guests).unwrap();
    assert_eq!(
        resumed.projection.len("ana"),
        held,
        "Ana's count still means the same events: she goes on from it, not from 0"
    );
}

#[test]
fn commands_held_in_a_pause_leave_with_their_connection() {
    let (mut task, guests) = room_paced("paused-gone", HostPace::PerSecond(10));
    let _ana = connect(&mut task, &guests, 1, "ana", 1 << 20);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 20);
    let gm = guests.game_master.as_str().to_string();
    let _gm = hello(&mut task, 3, gm, None, 0, 1 << 20);
    say(
        &mut task,
        3,
        ClientFrame::Clock {
            speed: None,
            paused: Some(true),
        },
    );
    command(&mut task, 1, Command::Declare(Severity::Sev2));
    task.handle(ToRoom::Gone { conn: 1 });
    say(
        &mut task,
        3,
        ClientFrame::Clock {
            speed: None,
            paused: Some(false),
        },
    );
    task.step().unwrap();
    let drill = task.running.as_ref().unwrap().room.drill();
    assert!(
        !drill
            .log()
            .iter()
            .any(|e| matches!(e.event, Event::Declared { .. })),
        "not applied: her client is told on return that it was not"
    );
    assert_eq!(task.running.as_ref().unwrap().applied_by("ana"), 0);
}

#[test]
fn a_latecomer_paged_in_by_the_host_is_not_counted_as_the_game_masters_command() {
    let (mut task, guests) = room_paced("paged", HostPace::PerSecond(10));
    let _ana = connect(&mut task, &guests, 1, "ana", 1 << 20);
    let _ben = connect(&mut task, &guests, 2, "ben", 1 << 20);
    let (mut late, _, ok) = connect(&mut task, &guests, 3, "responder-1", 1 << 20);
    assert!(ok.is_ok());
    frames(&mut late);
    let drill = task.running.as_ref().unwrap().room.drill();
    assert!(drill.people().get("responder-1").is_some(), "paged in");
    let gm = guests.game_master.as_str().to_string();
    let (mut gm, _, _) = hello(&mut task, 4, gm, None, 0, 1 << 20);
    let applied = frames(&mut gm).iter().find_map(|f| match f {
        HostFrame::Welcome { applied, .. } => Some(*applied),
        _ => None,
    });
    assert_eq!(applied, Some(0));
    // And a client cannot page anyone in itself.
    command(
        &mut task,
        4,
        Command::PageIn {
            id: "eve".into(),
            name: "Eve".into(),
        },
    );
    assert!(told(&frames(&mut gm), "spare code"));
}
