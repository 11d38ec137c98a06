//! The processor time Firedrill's own systems spend, for `bench-ui`:
//! measured on the thread running them, so time the operating system gives
//! to other threads (a software renderer on a small machine) is not counted.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Nanoseconds this frame: the clock stepping the drill, and the drill screen.
pub static CLOCK_CPU_NS: AtomicU64 = AtomicU64::new(0);
pub static UI_CPU_NS: AtomicU64 = AtomicU64::new(0);

/// Adds the processor time the current thread spends until it is dropped
/// to a counter.
pub struct CpuTimer {
    since: Duration,
    into: &'static AtomicU64,
}

impl CpuTimer {
    pub fn start(into: &'static AtomicU64) -> CpuTimer {
        CpuTimer {
            since: thread_time(),
            into,
        }
    }
}

impl Drop for CpuTimer {
    fn drop(&mut self) {
        let spent = thread_time().saturating_sub(self.since);
        self.into
            .fetch_add(spent.as_nanos() as u64, Ordering::Relaxed);
    }
}

/// Takes this frame's total and starts the next at zero.
pub fn take_frame() -> Duration {
    Duration::from_nanos(
        CLOCK_CPU_NS.swap(0, Ordering::Relaxed) + UI_CPU_NS.swap(0, Ordering::Relaxed),
    )
}

/// The processor time this thread has used.
#[cfg(unix)]
fn thread_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill in.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Elsewhere the wall clock stands in.
#[cfg(not(unix))]
fn thread_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}
