//! The moments worth stopping at on a replay's timeline.

use crate::base::time::Tick;
use crate::world::Entry;

pub use crate::world::MarkerKind;

/// One flagged moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub at: Tick,
    pub kind: MarkerKind,
    /// One line saying what happened.
    pub text: String,
}

/// The markers of a log, in time order.
pub fn markers(log: &[Entry]) -> Vec<Marker> {
    log.iter()
        .filter_map(|entry| {
            let kind = crate::world::classify(&entry.event).marker?;
            Some(Marker {
                at: entry.at,
                kind,
                text: crate::lenses::describe::describe(entry),
            })
        })
        .collect()
}
