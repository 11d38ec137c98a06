//! One client's connection: the WebSocket handshake (over TLS when the host
//! encrypts), the first frame, then frames in both directions. Every frame a
//! client sends is size-checked, rate-limited and parsed here; anything wrong
//! gets the client a clear error and its connection closed, one line in the
//! host's log, and nothing reaches the drill.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use super::ToRoom;
use super::outbox::{OUTBOX_BYTES, outbox};
use crate::net::protocol::{
    ClientFrame, HostFrame, MAX_CLIENT_FRAME, PROTOCOL, RATE_BURST, RATE_PER_SECOND,
    read_client_frame, write,
};

/// A client has this long from connecting to saying hello (TLS and
/// WebSocket handshakes included).
const HELLO_WITHIN: Duration = Duration::from_secs(10);

/// At most this many connections at once (a host serves a team, not a crowd).
pub const MAX_CONNECTIONS: usize = 256;

/// The host pings a client this often…
const PING_EVERY: Duration = Duration::from_secs(5);

/// …and drops one it has heard nothing from (not even a pong) for this long.
const SILENT_FOR: Duration = Duration::from_secs(45);

/// A frame the client's network will not take within this long (it stopped
/// reading) ends the connection rather than holding it open.
const SEND_WITHIN: Duration = Duration::from_secs(10);

/// Serves one accepted connection until it ends, over TLS when the host
/// encrypts; `_slot` is its place among the host's connections.
pub async fn accept(
    stream: tokio::net::TcpStream,
    tls: Option<tokio_rustls::TlsAcceptor>,
    peer: SocketAddr,
    id: u64,
    room: mpsc::Sender<ToRoom>,
    _slot: tokio::sync::OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let deadline = tokio::time::Instant::now() + HELLO_WITHIN;
    match tls {
        Some(acceptor) => match tokio::time::timeout_at(deadline, acceptor.accept(stream)).await {
            Ok(Ok(stream)) => serve(stream, peer, id, room, deadline).await,
            Ok(Err(e)) => log(peer, &format!("TLS handshake failed: {e}")),
            Err(_) => log(peer, "no TLS handshake within 10 s"),
        },
        None => serve(stream, peer, id, room, deadline).await,
    }
}

async fn serve<S>(
    stream: S,
    peer: SocketAddr,
    id: u64,
    room: mpsc::Sender<ToRoom>,
    deadline: tokio::time::Instant,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_CLIENT_FRAME))
        .max_frame_size(Some(MAX_CLIENT_FRAME));
    let handshake = tokio_tungstenite::accept_async_with_config(stream, Some(config));
    let mut ws = match tokio::time::timeout_at(deadline, handshake).await {
        Ok(Ok(ws)) => ws,
        Ok(Err(e)) => return log(peer, &format!("not a WebSocket client: {e}")),
        Err(_) => return log(peer, "no WebSocket handshake within 10 s"),
    };
    // The first frame says who this is.
    let first = match tokio::time::timeout_at(deadline, ws.next()).await {
        Ok(Some(Ok(message))) => message,
        Ok(_) => return log(peer, "closed before saying hello"),
        Err(_) => return refuse(&mut ws, peer, "say hello within 10 s of connecting").await,
    };
    let hello = match text_of(&first).map(read_client_frame) {
        Some(Ok(frame)) => frame,
        Some(Err(reason)) => return refuse(&mut ws, peer, &reason).await,
        None => return refuse(&mut ws, peer, "frames are JSON text; the first says Hello").await,
    };
    let ClientFrame::Hello {
        protocol,
        code,
        name,
        received,
    } = hello
    else {
        return refuse(
            &mut ws,
            peer,
            "the first frame must be Hello (with the protocol version and your join code)",
        )
        .await;
    };
    if protocol != PROTOCOL {
        let reason = format!(
            "this host speaks protocol {PROTOCOL}, the client {protocol}: use the same Firedrill version as the host"
        );
        return refuse(&mut ws, peer, &reason).await;
    }
    let (to_client, mut outbox) = outbox(OUTBOX_BYTES);
    let (answer, answered) = oneshot::channel();
    let (kill, mut killed) = oneshot::channel::<HostFrame>();
    let joining = ToRoom::Hello {
        conn: id,
        code,
        name,
        received,
        to_client,
        kill,
        answer,
    };
    if room.send(joining).await.is_err() {
        return refuse(&mut ws, peer, "the drill has ended").await;
    }
    match answered.await {
        Ok(Ok(())) => {}
        Ok(Err(reason)) => return refuse(&mut ws, peer, &reason).await,
        Err(_) => return refuse(&mut ws, peer, "the drill has ended").await,
    }
    // Commands and the like are limited; lockstep confirmations, which a bot
    // sends every simulated second, have a budget of their own.
    let mut bucket = Bucket::new(RATE_PER_SECOND, RATE_BURST);
    let mut ready_bucket = Bucket::new(READY_PER_SECOND, READY_PER_SECOND);
    let mut heard = Instant::now();
    let mut pinger = tokio::time::interval(PING_EVERY);
    pinger.tick().await;
    loop {
        tokio::select! {
            biased;
            last = &mut killed => {
                let last = last.unwrap_or_else(|_| HostFrame::Error {
                    reason: "the drill has ended".into(),
                    fatal: true,
                    replaced: false,
                });
                if let HostFrame::Error { reason, .. } = &last {
                    log(peer, reason);
                }
                if send(&mut ws, Message::text(write(&last))).await {
                    let _ = tokio::time::timeout(SEND_WITHIN, ws.close(None)).await;
                }
                break;
            }
            _ = pinger.tick() => {
                if heard.elapsed() > SILENT_FOR {
                    log(peer, "nothing heard from the client for 45 s; closing");
                    let _ = tokio::time::timeout(SEND_WITHIN, ws.close(None)).await;
                    break;
                }
                if !send(&mut ws, Message::Ping(Vec::new().into())).await {
                    break;
                }
            }
            out = outbox.recv() => match out {
                Some(text) => {
                    if !send(&mut ws, Message::text(text.as_ref())).await {
                        log(peer, "the client stopped taking frames; closing");
                        break;
                    }
                }
                None => break,
            },
            incoming = ws.next() => {
                let message = match incoming {
                    Some(Ok(message)) => message,
                    Some(Err(e)) => {
                        let reason = format!("connection error: {e}");
                        log(peer, &reason);
                        send_error(&mut ws, &reason, true).await;
                        break;
                    }
                    None => break,
                };
                heard = Instant::now();
                if matches!(message, Message::Close(_)) {
                    break;
                }
                if matches!(message, Message::Ping(_) | Message::Pong(_)) {
                    continue;
                }
                let frame = match text_of(&message).map(read_client_frame) {
                    Some(Ok(frame)) => frame,
                    Some(Err(reason)) => {
                        log(peer, &reason);
                        send_error(&mut ws, &reason, true).await;
                        break;
                    }
                    None => {
                        let reason = "frames are JSON text, not binary";
                        log(peer, reason);
                        send_error(&mut ws, reason, true).await;
                        break;
                    }
                };
                let allowed = match frame {
                    ClientFrame::Ready { .. } => ready_bucket.take(),
                    _ => bucket.take(),
                };
                if !allowed {
                    let reason = format!("more than {RATE_PER_SECOND} frames a second: slow down");
                    log(peer, &reason);
                    send_error(&mut ws, &reason, true).await;
                    break;
                }
                if matches!(frame, ClientFrame::Hello { .. }) {
                    let reason = "you said hello already";
                    log(peer, reason);
                    send_error(&mut ws, reason, true).await;
                    break;
                }
                if room.send(ToRoom::Frame { conn: id, frame }).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = room.send(ToRoom::Gone { conn: id }).await;
}

fn text_of(message: &Message) -> Option<&str> {
    match message {
        Message::Text(text) => Some(text.as_str()),
        _ => None,
    }
}

fn log(peer: SocketAddr, reason: &str) {
    eprintln!("host: {peer}: {reason}");
}

/// Sends one message, giving up after `SEND_WITHIN`; false if it did not go.
async fn send<S>(ws: &mut tokio_tungstenite::WebSocketStream<S>, message: Message) -> bool
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    matches!(
        tokio::time::timeout(SEND_WITHIN, ws.send(message)).await,
        Ok(Ok(()))
    )
}

async fn send_error<S>(ws: &mut tokio_tungstenite::WebSocketStream<S>, reason: &str, fatal: bool)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let frame = write(&HostFrame::Error {
        reason: reason.to_string(),
        fatal,
        replaced: false,
    });
    send(ws, Message::text(frame)).await;
}

/// Says why, closes, and logs one line.
async fn refuse<S>(ws: &mut tokio_tungstenite::WebSocketStream<S>, peer: SocketAddr, reason: &str)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    log(peer, reason);
    send_error(ws, reason, true).await;
    let _ = tokio::time::timeout(SEND_WITHIN, ws.close(None)).await;
}

/// Lockstep confirmations a client may send a second.
const READY_PER_SECOND: f64 = 5000.0;

/// A token bucket: `rate` a second on average, `burst` at once.
struct Bucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn new(rate: f64, burst: f64) -> Bucket {
        Bucket {
            rate,
            burst,
            tokens: burst,
            last: Instant::now(),
        }
    }

    fn take(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * self.rate;
        self.tokens = (self.tokens + refill).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}
