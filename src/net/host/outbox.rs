//! What waits to go out to one client, bounded by its size in bytes: the
//! room queues frames without waiting, and a client that falls this far
//! behind is dropped (it comes back and catches up) rather than holding the
//! host's memory.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::mpsc;

/// How many bytes of frames may wait for one client.
pub const OUTBOX_BYTES: usize = 64 * 1024 * 1024;

/// A new outbox holding at most `limit` bytes: the room's end and the connection's.
pub fn outbox(limit: usize) -> (Outbox, Inbox) {
    let (tx, rx) = mpsc::unbounded_channel();
    let queued = Arc::new(AtomicUsize::new(0));
    (
        Outbox {
            tx,
            queued: queued.clone(),
            limit,
        },
        Inbox { rx, queued },
    )
}

/// The room's end: frames to send.
#[derive(Debug)]
pub struct Outbox {
    tx: mpsc::UnboundedSender<Arc<str>>,
    queued: Arc<AtomicUsize>,
    limit: usize,
}

impl Outbox {
    /// Queues a frame; false when it does not fit (the client is too far
    /// behind) or the connection is gone.
    pub fn push(&self, frame: Arc<str>) -> bool {
        let size = frame.len();
        if self.queued.load(Ordering::SeqCst) + size > self.limit {
            return false;
        }
        self.queued.fetch_add(size, Ordering::SeqCst);
        self.tx.send(frame).is_ok()
    }
}

/// The connection's end: frames to write to the socket.
#[derive(Debug)]
pub struct Inbox {
    rx: mpsc::UnboundedReceiver<Arc<str>>,
    queued: Arc<AtomicUsize>,
}

impl Inbox {
    /// The next frame to send, waiting for one; `None` once the room let go.
    pub async fn recv(&mut self) -> Option<Arc<str>> {
        let frame = self.rx.recv().await?;
        self.queued.fetch_sub(frame.len(), Ordering::SeqCst);
        Some(frame)
    }

    /// The next frame if one waits (tests read the room's output this way).
    #[cfg(test)]
    pub fn try_recv(&mut self) -> Option<Arc<str>> {
        let frame = self.rx.try_recv().ok()?;
        self.queued.fetch_sub(frame.len(), Ordering::SeqCst);
        Some(frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outbox_holds_up_to_its_size_and_frees_what_is_sent() {
        let (out, mut inbox) = outbox(10);
        assert!(out.push(Arc::from("123456")));
        assert!(!out.push(Arc::from("12345")), "11 bytes do not fit in 10");
        assert_eq!(inbox.try_recv().as_deref(), Some("123456"));
        assert!(out.push(Arc::from("12345")), "sent: room again");
        drop(inbox);
        assert!(!out.push(Arc::from("1")), "the connection is gone");
    }
}
