//! Hostile frames: thousands of malformed, oversized, out-of-order or
//! impersonating frames thrown at a running host, each on its own
//! connection. The host answers each with an error and closes that
//! connection, never panics, and the well-behaved team beside them finishes
//! its drill.

use std::net::TcpStream;
use std::time::Duration;

use firedrill::net::host::{self, HostConfig, HostPace};
use firedrill::net::protocol::MAX_CLIENT_FRAME;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use tokio_tungstenite::tungstenite::{self, Message};

use super::common::{scripts, temp_dir};
use super::team::bots_for;

/// A frame from the worst client imaginable.
fn hostile() -> impl Strategy<Value = Message> {
    let json_value = prop_oneof![
        Just("null".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        "[a-z]{0,12}".prop_map(|s| format!("\"{s}\"")),
        Just("{}".to_string()),
        Just("[1,2,{\"x\":[]}]".to_string()),
    ];
    prop_oneof![
        // Any text at all.
        ".{0,200}".prop_map(Message::text),
        any::<Vec<u8>>().prop_map(Message::binary),
        // JSON of the wrong shape, or a frame type that does not exist.
        json_value.clone().prop_map(Message::text),
        ("[A-Za-z]{1,12}", json_value.clone())
            .prop_map(|(t, v)| Message::text(format!(r#"{{"type":"{t}","x":{v}}}"#))),
        // Frames before saying hello.
        Just(Message::text(r#"{"type":"Start"}"#)),
        Just(Message::text(r#"{"type":"Command","command":"Ack"}"#)),
        Just(Message::text(r#"{"type":"Ready","tick":3}"#)),
        // Hellos with a wrong version, a wrong code, or wrong types.
        (any::<u32>(), "[a-z0-9-]{0,30}").prop_map(|(p, c)| Message::text(format!(
            r#"{{"type":"Hello","protocol":{p},"code":"{c}"}}"#
        ))),
        json_value
            .prop_map(|v| Message::text(format!(r#"{{"type":"Hello","protocol":1,"code":{v}}}"#))),
        // Too big.
        Just(Message::text("x".repeat(MAX_CLIENT_FRAME + 1))),
    ]
}

/// Sends one frame (after a hello with `code`, when given) and reads what
/// comes back until the host closes the connection; returns the texts.
fn throw(address: &str, hello: Option<&str>, frame: Message) -> Vec<String> {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let (mut ws, _) = tungstenite::client(format!("ws://{address}/"), stream).unwrap();
    if let Some(code) = hello {
        let _ = ws.send(Message::text(format!(
            r#"{{"type":"Hello","protocol":1,"code":"{code}"}}"#
        )));
    }
    let _ = ws.send(frame);
    let mut replies = Vec::new();
    loop {
        match ws.read() {
            Ok(Message::Text(t)) => {
                let closing = t.contains("\"fatal\":true");
                replies.push(t.to_string());
                if closing && hello.is_none() {
                    let _ = ws.close(None);
                }
            }
            Ok(Message::Close(_)) => break,
            Ok(_) => {}
            Err(_) => break,
        }
        if hello.is_some()
            && replies.iter().any(|r| r.contains("\"type\":\"Welcome\""))
            && replies.len() > 3
        {
            // A well-formed person's connection stays open: done with it.
            break;
        }
    }
    replies
}

#[test]
fn thousands_of_hostile_frames_leave_the_host_and_a_real_team_unharmed() {
    let (_, loaded, script) = scripts()
        .into_iter()
        .find(|(p, _, _)| {
            p.to_string_lossy()
                .ends_with("matching-engine-failure.exemplary.ron")
        })
        .unwrap();
    let dir = temp_dir("hostile");
    let handle = host::start(HostConfig {
        scenario: loaded,
        seed: 2,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 1,
        pace: HostPace::PerSecond(40),
        out: dir.join("s.ron"),
        tls: false,
    })
    .unwrap();
    let address = handle.address.clone();
    let spare = handle.ticket("responder-1").unwrap().to_string();
    let team = std::thread::scope(|scope| {
        let team = scope.spawn(|| bots_for(&handle, &script, None));
        let mut runner = TestRunner::new(Config {
            cases: 2000,
            failure_persistence: None,
            ..Config::default()
        });
        let refused = std::sync::atomic::AtomicUsize::new(0);
        runner
            .run(&hostile(), |frame| {
                let oversized = frame.len() > MAX_CLIENT_FRAME;
                let replies = throw(&address, None, frame);
                // Each one is told why, and the connection closed (a frame
                // over the size limit is cut off by the WebSocket layer).
                prop_assert!(
                    replies.iter().any(|r| r.contains("\"type\":\"Error\"")) || oversized,
                    "{replies:?}"
                );
                refused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(())
            })
            .unwrap();
        // A latecomer with a real code who then sends garbage loses only their connection.
        let mut garbage = TestRunner::new(Config {
            cases: 200,
            failure_persistence: None,
            ..Config::default()
        });
        garbage
            .run(&hostile(), |frame| {
                throw(&address, Some(&spare), frame);
                Ok(())
            })
            .unwrap();
        assert!(refused.into_inner() >= 2000);
        team.join().unwrap()
    });
    assert!(
        team.iter().all(|r| r.debriefed),
        "the real team finished its drill"
    );
    drop(handle);
}
