//! The room without a network: connections are channels.

use tokio::sync::{mpsc, oneshot};

use super::{RoomTask, Setup};
use crate::net::host::lobby::Guests;
use crate::net::host::{HostPace, Out, ToRoom};
use crate::net::protocol::{ClientFrame, HostFrame, read_host_frame};
use crate::scenario::{LoadedScenario, Seat};
use crate::world::HumanSpec;

fn room() -> (RoomTask, Guests) {
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
    let dir = std::env::temp_dir().join(format!("firedrill-room-{}", std::process::id()));
    let setup = Setup {
        loaded: LoadedScenario {
            scenario: crate::testing::tiny(),
            path: "tiny.ron".into(),
            hash: "h".into(),
        },
        seed: 1,
        knobs: Default::default(),
        pace: HostPace::PerSecond(10),
        out: dir.join("s.ron"),
        team_file: true,
    };
    (RoomTask::new(setup, guests.clone(), None), guests)
}

/// A connection as the room sees it: its outbox, its kill signal, and the welcome's answer.
type Connected = (
    mpsc::Receiver<Out>,
    oneshot::Receiver<String>,
    Result<(), (String, bool)>,
);

/// Connects `who` with an outbox of `room_for` frames.
fn connect(
    task: &mut RoomTask,
    guests: &Guests,
    conn: u64,
    who: &str,
    room_for: usize,
) -> Connected {
    let (to_client, outbox) = mpsc::channel(room_for);
    let (kill, killed) = oneshot::channel();
    let (answer, mut answered) = oneshot::channel();
    let code = guests.get(who).unwrap().code.as_str().to_string();
    task.handle(ToRoom::Hello {
        conn,
        code,
        name: None,
        received: 0,
        to_client,
        kill,
        answer,
    });
    (outbox, killed, answered.try_recv().unwrap())
}

fn frames(outbox: &mut mpsc::Receiver<Out>) -> Vec<HostFrame> {
    let mut out = Vec::new();
    while let Ok(Out::Text(text)) = outbox.try_recv() {
        out.push(read_host_frame(&text).unwrap());
    }
    out
}

#[test]
fn a_client_that_cannot_keep_up_is_told_and_dropped_and_the_others_go_on() {
    let (mut task, guests) = room();
    let (_never_read, mut killed, answer) = connect(&mut task, &guests, 1, "ana", 8);
    assert!(answer.is_ok());
    let (mut reader, _, answer) = connect(&mut task, &guests, 2, "ben", 100_000);
    assert!(answer.is_ok());
    assert!(
        task.running.is_some(),
        "everyone of the team is here: started"
    );
    for _ in 0..60 {
        task.step().unwrap();
        let _ = frames(&mut reader);
    }
    let reason = killed.try_recv().expect("the slow client was told");
    assert!(reason.contains("could not keep up"), "{reason}");
    assert!(!task.conns.contains_key(&1), "and dropped");
    assert!(task.conns.contains_key(&2), "the other stays");
    // The drill did not wait for it: sixty seconds went by.
    assert_eq!(task.running.as_ref().unwrap().room.drill().now(), 60);
}

#[test]
fn a_code_serves_one_connection_at_a_time_and_a_wrong_code_is_refused() {
    let (mut task, guests) = room();
    let (_a, _, first) = connect(&mut task, &guests, 1, "ana", 100);
    assert!(first.is_ok());
    let (_b, _, second) = connect(&mut task, &guests, 2, "ana", 100);
    let (reason, retry) = second.unwrap_err();
    assert!(reason.contains("in use") && retry, "{reason}");
    let (to_client, _outbox) = mpsc::channel(10);
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
    let (reason, retry) = answered.try_recv().unwrap().unwrap_err();
    assert!(
        reason.contains("not one of this drill's") && !retry,
        "{reason}"
    );
}

#[test]
fn only_the_game_master_starts_the_drill_and_a_trainee_is_told_so() {
    let (mut task, guests) = room();
    let (mut outbox, _, _) = connect(&mut task, &guests, 1, "ana", 100);
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
