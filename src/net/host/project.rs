//! What each person is sent: after every second, the new events they may
//! see (by the roles they hold at that moment, `world::visible_to`), in the
//! order they happened. Each person's stream is numbered from 0, so a client
//! that reconnects says how many it holds and gets exactly the rest.

use std::collections::BTreeMap;

use crate::world::{Drill, Entry, GAME_MASTER, visible_to};

/// Each person's stream of events, as positions in the drill's log.
#[derive(Debug, Default)]
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
    /// by who holds what now (call it after every second).
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

    /// `person`'s events from position `from` on.
    pub fn from<'a>(&self, person: &str, from: u64, log: &'a [Entry]) -> Vec<&'a Entry> {
        self.streams
            .get(person)
            .map(|s| {
                s.iter()
                    .skip(from as usize)
                    .filter_map(|&i| log.get(i as usize))
                    .collect()
            })
            .unwrap_or_default()
    }
}
