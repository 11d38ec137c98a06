//! What each person is sent: after every input and every second, the new
//! events they may see (by the roles they hold at that moment,
//! `world::visible_to`), in the order they happened. The moments of sorting
//! are the recording's own (its inputs and seconds), so a resumed host sorts
//! the same streams again. Each person's stream is numbered from 0, so a
//! client that reconnects says how many it holds and gets exactly the rest.

use std::collections::BTreeMap;

use crate::world::{Drill, GAME_MASTER, visible_to};

/// Each person's stream of events, as positions in the drill's log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Projection {
    /// How much of the log has been sorted into streams.
    sorted: usize,
    streams: BTreeMap<String, Vec<u32>>,
}

impl Projection {
    /// Streams for these people (the game master's is everything).
    pub fn new<'a>(people: impl IntoIterator<Item = &'a str>) -> Projection {
        let mut streams: BTreeMap<String, Vec<u32>> = people
            .into_iter()
            .map(|p| (p.to_string(), Vec::new()))
            .collect();
        streams.insert(GAME_MASTER.to_string(), Vec::new());
        Projection { sorted: 0, streams }
    }

    /// Sorts the events logged since the last call into the streams, judged
    /// by who holds what now (call it after every input and every second).
    pub fn take_in(&mut self, drill: &Drill) {
        let log = drill.log();
        for (i, entry) in log.iter().enumerate().skip(self.sorted) {
            for (person, stream) in self.streams.iter_mut() {
                if person == GAME_MASTER || visible_to(&entry.event, drill.people(), person) {
                    stream.push(i as u32);
                }
            }
        }
        self.sorted = log.len();
    }

    /// How many events `person`'s stream holds.
    pub fn len(&self, person: &str) -> u64 {
        self.streams.get(person).map_or(0, |s| s.len() as u64)
    }

    /// Where in the drill's log `person`'s events from position `from` on are.
    pub fn positions(&self, person: &str, from: u64) -> &[u32] {
        self.streams
            .get(person)
            .and_then(|s| s.get(from as usize..))
            .unwrap_or_default()
    }
}
