//! A connection to a host that keeps itself connected: a thread of its own
//! runs it, hands every frame the host sends to whoever holds the `Client`
//! (the window, a bot), and sends theirs. When the connection drops it comes
//! back by itself, with backoff, saying how many events it already holds so
//! it gets exactly the ones it missed, once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc as std_mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use super::codes::Ticket;
use super::protocol::{ClientFrame, HostFrame, MAX_HOST_FRAME, PROTOCOL, read_host_frame, write};

/// The longest wait between two attempts to get back in.
const MOST_BACKOFF: Duration = Duration::from_secs(5);

/// The host pings every 15 s: this long without a word, the connection is dead.
const SILENT_FOR: Duration = Duration::from_secs(45);

/// What the connection tells its holder.
#[derive(Debug, Clone)]
pub enum Incoming {
    /// Connected (again): the host's `Welcome` follows.
    Connected,
    /// A frame from the host (events already seen are left out).
    Frame(HostFrame),
    /// The connection dropped; it is trying again.
    Lost(String),
    /// It gave up: a wrong code, another protocol, or told to stop.
    Failed(String),
}

/// Where to connect and as whom.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// `host:port`.
    pub host: String,
    /// The host's certificate fingerprint, for an encrypted host.
    pub fingerprint: Option<String>,
    pub code: String,
}

impl Target {
    /// Reads an address (`host:port`, `ws://host:port` or `wss://host:port`)
    /// and a join code, saying what to fix when either is wrong.
    pub fn parse(address: &str, ticket: &str) -> Result<Target, String> {
        let ticket = Ticket::parse(ticket)?;
        let address = address.trim();
        let (encrypted, host) = if let Some(rest) = address.strip_prefix("wss://") {
            (true, rest)
        } else if let Some(rest) = address.strip_prefix("ws://") {
            (false, rest)
        } else {
            (ticket.fingerprint.is_some(), address)
        };
        let host = host.trim_end_matches('/');
        let port_ok = host
            .rsplit_once(':')
            .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
        if !port_ok {
            return Err(format!(
                "`{address}` is not a host address: write it as host:port (e.g. 127.0.0.1:7878), or wss://host:port for an encrypted host"
            ));
        }
        if encrypted && ticket.fingerprint.is_none() {
            return Err(
                "an encrypted host's code carries its fingerprint after a dot (abcd-efgh-jkmn-pqrs.FINGERPRINT): copy the whole code the host printed"
                    .into(),
            );
        }
        Ok(Target {
            host: host.to_string(),
            fingerprint: ticket.fingerprint.filter(|_| encrypted),
            code: ticket.code,
        })
    }
}

/// A live connection to a host.
pub struct Client {
    to_host: mpsc::UnboundedSender<ClientFrame>,
    /// Behind a lock so a client can live in shared state (a Bevy resource).
    from_host: std::sync::Mutex<std_mpsc::Receiver<Incoming>>,
    received: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    _thread: Option<JoinHandle<()>>,
}

impl Client {
    /// Connects (and keeps connecting) to `target`; `received` events are
    /// already held from before (0 for a first connection).
    pub fn connect(target: Target, name: Option<String>, received: u64) -> Client {
        let (to_host, outgoing) = mpsc::unbounded_channel();
        let (incoming, from_host) = std_mpsc::channel();
        let received = Arc::new(AtomicU64::new(received));
        let stop = Arc::new(AtomicBool::new(false));
        let link = Link {
            target,
            name,
            received: received.clone(),
            stop: stop.clone(),
            incoming,
        };
        let thread = std::thread::Builder::new()
            .name("firedrill-client".into())
            .spawn(move || {
                match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime.block_on(link.run(outgoing)),
                    Err(e) => {
                        let _ = link
                            .incoming
                            .send(Incoming::Failed(format!("cannot start the client: {e}")));
                    }
                }
            })
            .ok();
        Client {
            to_host,
            from_host: std::sync::Mutex::new(from_host),
            received,
            stop,
            _thread: thread,
        }
    }

    /// Sends a frame (while disconnected it is dropped: after `Connected`,
    /// say again what still matters).
    pub fn send(&self, frame: ClientFrame) {
        let _ = self.to_host.send(frame);
    }

    /// The next thing that happened, if any, without waiting.
    pub fn try_recv(&self) -> Option<Incoming> {
        self.from_host.lock().ok()?.try_recv().ok()
    }

    /// The next thing that happens, waiting at most `wait`.
    pub fn recv_timeout(&self, wait: Duration) -> Option<Incoming> {
        self.from_host.lock().ok()?.recv_timeout(wait).ok()
    }

    /// How many events of this person's stream are held.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::SeqCst)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // The thread notices within a quarter second, or as its backoff ends.
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Anything a WebSocket can run over: a TCP stream, or TLS on one.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

struct Link {
    target: Target,
    name: Option<String>,
    received: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    incoming: std_mpsc::Sender<Incoming>,
}

/// How one connection ended.
enum End {
    /// Dropped: try again.
    Lost(String),
    /// Refused for good.
    Refused(String),
    /// The holder hung up.
    Closed,
}

impl Link {
    async fn run(self, mut outgoing: mpsc::UnboundedReceiver<ClientFrame>) {
        let mut backoff = Duration::from_millis(100);
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            let end = match self.open().await {
                Ok(ws) => {
                    backoff = Duration::from_millis(100);
                    self.session(ws, &mut outgoing).await
                }
                Err(reason) => End::Lost(reason),
            };
            let reason = match end {
                End::Closed => return,
                End::Refused(reason) => {
                    let _ = self.incoming.send(Incoming::Failed(reason));
                    return;
                }
                End::Lost(reason) => reason,
            };
            if self.incoming.send(Incoming::Lost(reason)).is_err() {
                return;
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(MOST_BACKOFF);
        }
    }

    async fn open(&self) -> Result<tokio_tungstenite::WebSocketStream<Box<dyn Io>>, String> {
        let tcp = tokio::net::TcpStream::connect(&self.target.host)
            .await
            .map_err(|e| format!("cannot reach {}: {e}", self.target.host))?;
        let _ = tcp.set_nodelay(true);
        let stream: Box<dyn Io> = match &self.target.fingerprint {
            Some(fingerprint) => {
                let tls = super::tls::connector(fingerprint)?
                    .connect(super::tls::server_name(), tcp)
                    .await
                    .map_err(|e| {
                        format!("{}: encrypted connection failed: {e}", self.target.host)
                    })?;
                Box::new(tls)
            }
            None => Box::new(tcp),
        };
        let scheme = if self.target.fingerprint.is_some() {
            "wss"
        } else {
            "ws"
        };
        let url = format!("{scheme}://{}/", self.target.host);
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_HOST_FRAME))
            .max_frame_size(Some(MAX_HOST_FRAME));
        let (ws, _) = tokio_tungstenite::client_async_with_config(url, stream, Some(config))
            .await
            .map_err(|e| format!("{}: not a Firedrill host: {e}", self.target.host))?;
        Ok(ws)
    }

    async fn session(
        &self,
        mut ws: tokio_tungstenite::WebSocketStream<Box<dyn Io>>,
        outgoing: &mut mpsc::UnboundedReceiver<ClientFrame>,
    ) -> End {
        // What was handed in while disconnected was meant for a drill that
        // has moved on: the holder hears `Connected` and says it again.
        while outgoing.try_recv().is_ok() {}
        let hello = ClientFrame::Hello {
            protocol: PROTOCOL,
            code: self.target.code.clone(),
            name: self.name.clone(),
            received: self.received.load(Ordering::SeqCst),
        };
        if let Err(e) = ws.send(Message::text(write(&hello))).await {
            return End::Lost(format!("connection dropped: {e}"));
        }
        let mut welcomed = false;
        let mut heard = std::time::Instant::now();
        let mut ticker = tokio::time::interval(Duration::from_millis(250));
        loop {
            tokio::select! {
                message = ws.next() => {
                    heard = std::time::Instant::now();
                    let text = match message {
                        Some(Ok(Message::Text(text))) => text,
                        Some(Ok(Message::Close(_))) | None => {
                            return End::Lost("the host closed the connection".into());
                        }
                        Some(Ok(_)) => continue,
                        Some(Err(e)) => return End::Lost(format!("connection dropped: {e}")),
                    };
                    let frame = match read_host_frame(text.as_str()) {
                        Ok(frame) => frame,
                        Err(reason) => return End::Refused(reason),
                    };
                    match frame {
                        HostFrame::Welcome { from, .. } => {
                            welcomed = true;
                            // The host no longer has all we hold: start over from `from`.
                            if from < self.received.load(Ordering::SeqCst) {
                                self.received.store(from, Ordering::SeqCst);
                            }
                            if self.incoming.send(Incoming::Connected).is_err() {
                                return End::Closed;
                            }
                        }
                        HostFrame::Error { reason, fatal: true, replaced } => {
                            return if welcomed && !replaced {
                                End::Lost(reason)
                            } else {
                                End::Refused(reason)
                            };
                        }
                        _ => {}
                    }
                    let Some(frame) = self.fresh(frame) else {
                        return End::Lost("events arrived out of order; reconnecting".into());
                    };
                    if let Some(frame) = frame
                        && self.incoming.send(Incoming::Frame(frame)).is_err()
                    {
                        return End::Closed;
                    }
                }
                frame = outgoing.recv() => {
                    let Some(frame) = frame else { return End::Closed };
                    if let Err(e) = ws.send(Message::text(write(&frame))).await {
                        return End::Lost(format!("connection dropped: {e}"));
                    }
                }
                _ = ticker.tick() => {
                    if self.stop.load(Ordering::SeqCst) {
                        let _ = ws.close(None).await;
                        return End::Closed;
                    }
                    if heard.elapsed() > SILENT_FOR {
                        return End::Lost("nothing heard from the host for 45 s; reconnecting".into());
                    }
                }
            }
        }
    }

    /// Leaves out events already held; `None` when there is a gap.
    fn fresh(&self, frame: HostFrame) -> Option<Option<HostFrame>> {
        let HostFrame::Events { first, entries } = frame else {
            return Some(Some(frame));
        };
        let held = self.received.load(Ordering::SeqCst);
        if first > held {
            return None;
        }
        let skip = (held - first) as usize;
        if skip >= entries.len() {
            return Some(None);
        }
        let entries: Vec<_> = entries.into_iter().skip(skip).collect();
        self.received
            .store(held + entries.len() as u64, Ordering::SeqCst);
        Some(Some(HostFrame::Events {
            first: held,
            entries,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_codes_are_read_with_a_fix_for_each_mistake() {
        let t = Target::parse("127.0.0.1:7878", "abcd-efgh").unwrap();
        assert_eq!(t.host, "127.0.0.1:7878");
        assert!(t.fingerprint.is_none());
        let t = Target::parse("wss://127.0.0.1:7878/", "abcd-efgh.xyz").unwrap();
        assert_eq!(t.fingerprint.as_deref(), Some("xyz"));
        assert!(
            Target::parse("wss://127.0.0.1:7878", "abcd")
                .unwrap_err()
                .contains("fingerprint")
        );
        assert!(
            Target::parse("localhost", "abcd")
                .unwrap_err()
                .contains("host:port")
        );
    }
}
