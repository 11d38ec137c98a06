//! Small helpers for the lookup indexes scoring builds: a fast hasher for
//! maps that are only ever looked up (never iterated, so hash order cannot
//! reach a score), and searches in sorted lists of times.

use std::hash::{BuildHasherDefault, Hasher};

use crate::base::time::Tick;

/// A small, fast hasher for the lookup-only indexes (FxHash's mixing step);
/// the standard SipHash is built for untrusted keys and costs more here.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;
pub(crate) type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fx>>;

/// The first time in a sorted list at or after `t`.
pub fn first_from(times: &[Tick], t: Tick) -> Option<Tick> {
    times.get(times.partition_point(|&x| x < t)).copied()
}

/// Whether a sorted list has a time in `from..=to`.
pub fn any_within(times: &[Tick], from: Tick, to: Tick) -> bool {
    first_from(times, from).is_some_and(|x| x <= to)
}
