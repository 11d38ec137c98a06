//! The team-drill protocol, version 1 (docs/protocol.md is its reference):
//! JSON text frames over a WebSocket, one frame a message. A client says
//! `Hello` first; the host answers `Welcome` and from then on sends what the
//! client's person may see. Every frame a client sends is checked here, and
//! a bad one gets a reason the client can act on.

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;
use crate::judge::aar::Doc;
use crate::judge::score::{Answers, Card, Scorecard};
use crate::scenario::{Scenario, Seat};
use crate::tools::instructor::{RoleLoad, Truth};
use crate::world::{Command, Entry, Readings};

/// The protocol version this build speaks.
pub const PROTOCOL: u32 = 1;

/// The largest frame a client may send, in bytes.
pub const MAX_CLIENT_FRAME: usize = 64 * 1024;

/// The largest frame the host sends (a late joiner's history comes in pieces).
pub const MAX_HOST_FRAME: usize = 16 * 1024 * 1024;

/// How many frames a second a client may send on average, and in a burst.
pub const RATE_PER_SECOND: f64 = 20.0;
pub const RATE_BURST: f64 = 60.0;

/// At most this many events in one `Events` frame…
pub const EVENTS_PER_FRAME: usize = 500;

/// …and about this many bytes (a late joiner's history comes in pieces).
pub const EVENTS_FRAME_BYTES: usize = 1024 * 1024;

/// What a client sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum ClientFrame {
    /// The first frame: who is joining (their code), and how many events
    /// they already hold from an earlier connection (0 for a first one).
    Hello {
        protocol: u32,
        code: String,
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        received: u64,
    },
    /// A command in the drill, as the connection's own person. `order`: a
    /// scripted client's place for it in its script, so commands for the same
    /// second are applied in script order in a lockstep drill.
    Command {
        command: Command,
        #[serde(default)]
        order: Option<u32>,
    },
    /// Lockstep: everything up to `tick` is received and this client's
    /// commands for `tick` are sent.
    Ready { tick: Tick },
    /// The game master starts the drill now.
    Start,
    /// The game master sets the drill's speed or pauses it.
    Clock {
        #[serde(default)]
        speed: Option<u32>,
        #[serde(default)]
        paused: Option<bool>,
    },
    /// The person's answers to the after-action questions.
    Answers { answers: Answers },
}

/// Someone on the team as the lobby and the rosters show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// The seat they take, `None` for someone paged in as a responder.
    pub seat: Option<Seat>,
    pub connected: bool,
}

/// What the host sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum HostFrame {
    /// The answer to `Hello`: who this connection is and what drill it joined.
    Welcome {
        protocol: u32,
        /// The participant this connection acts as (`gm` for the game master).
        person: String,
        name: String,
        seat: Option<Seat>,
        game_master: bool,
        /// The scenario as this person may know it (the game master's is whole).
        scenario: Box<Scenario>,
        /// The host steps a tick only once every client is `Ready`.
        lockstep: bool,
        /// The position in this person's stream the host sends from: what
        /// the client said it holds, or 0 when the host no longer has that
        /// much (the client then drops what it holds and starts over).
        #[serde(default)]
        from: u64,
        /// How many of this person's commands the drill has applied: a
        /// scripted client sends only the ones after them.
        #[serde(default)]
        applied: u64,
    },
    /// Who is on the team and connected, before and during the drill.
    Lobby { members: Vec<Member>, started: bool },
    /// Events this person may see, numbered in their own stream from `first`.
    Events { first: u64, entries: Vec<Entry> },
    /// The drill's clock: `now` is the next tick to be simulated.
    Clock { now: Tick, speed: u32, paused: bool },
    /// What the platform's instruments read.
    Readings(Readings),
    /// Game master only: the ground truth and the load on each role.
    Truth { truth: Truth, load: Vec<RoleLoad> },
    /// The drill is over: the team's scorecard, this person's card, the
    /// After Action Report (with everyone's answers so far, attributed).
    Debrief {
        team: Box<Scorecard>,
        card: Option<Box<Card>>,
        aar: Box<Doc>,
    },
    /// Something this client did was not accepted. A fatal one closes the
    /// connection; `replaced`: by a newer connection with the same code, so
    /// this client should not come back (the two would take turns).
    Error {
        reason: String,
        fatal: bool,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        replaced: bool,
    },
}

/// Reads a client's frame, or says what is wrong with it and how to fix it.
pub fn read_client_frame(text: &str) -> Result<ClientFrame, String> {
    if text.len() > MAX_CLIENT_FRAME {
        return Err(format!(
            "a frame of {} bytes is over the limit of {MAX_CLIENT_FRAME}",
            text.len()
        ));
    }
    serde_json::from_str(text).map_err(|e| {
        format!(
            "malformed frame: {e}; frames are JSON objects like {{\"type\":\"Hello\",\"protocol\":{PROTOCOL},\"code\":\"…\"}} (see docs/protocol.md)"
        )
    })
}

/// Reads a host's frame.
pub fn read_host_frame(text: &str) -> Result<HostFrame, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "the host sent a frame this client cannot read ({e}); is it another Firedrill version?"
        )
    })
}

/// A frame as JSON text.
pub fn write<T: Serialize>(frame: &T) -> String {
    // Every frame type is plain data: encoding it cannot fail.
    serde_json::to_string(frame).unwrap_or_else(|e| {
        format!("{{\"type\":\"Error\",\"reason\":\"cannot encode a frame: {e}\",\"fatal\":true}}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_read_back_as_written() {
        let hello = ClientFrame::Hello {
            protocol: PROTOCOL,
            code: "abc".into(),
            name: Some("Ana".into()),
            received: 3,
        };
        assert_eq!(read_client_frame(&write(&hello)), Ok(hello));
        let ready = read_client_frame(r#"{"type":"Ready","tick":5}"#).unwrap();
        assert_eq!(ready, ClientFrame::Ready { tick: 5 });
        let command = read_client_frame(r#"{"type":"Command","command":"Ack"}"#).unwrap();
        assert_eq!(
            command,
            ClientFrame::Command {
                command: Command::Ack,
                order: None
            }
        );
    }

    #[test]
    fn a_claimed_identity_or_a_wrong_shape_is_refused_with_a_reason() {
        let claimed = read_client_frame(r#"{"type":"Command","command":"Ack","by":"ana"}"#);
        assert!(claimed.unwrap_err().contains("unknown field `by`"));
        assert!(
            read_client_frame("not json")
                .unwrap_err()
                .contains("malformed frame")
        );
        assert!(read_client_frame(r#"{"type":"Fly"}"#).is_err());
        let huge = format!(
            r#"{{"type":"Start","x":"{}"}}"#,
            "x".repeat(MAX_CLIENT_FRAME)
        );
        assert!(
            read_client_frame(&huge)
                .unwrap_err()
                .contains("over the limit")
        );
    }
}
