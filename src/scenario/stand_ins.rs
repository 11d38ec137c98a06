//! The simulated people who hold a seat no human takes. Their ids are
//! reserved: a scenario's responders may not use them.

use super::{Seat, Skill};

/// Ids of the simulated people who hold a seat no human takes.
pub const SEAT_NPC_IDS: [&str; 4] = ["morgan", "sam", "casey", "riley"];

/// Whether an id belongs to a simulated seat holder.
pub fn is_seat_npc(id: &str) -> bool {
    SEAT_NPC_IDS.contains(&id)
}

/// The simulated holder of a seat: id, name and skills.
pub fn seat_npc(seat: Seat) -> Option<(&'static str, &'static str, Vec<Skill>)> {
    match seat {
        Seat::IC => Some(("morgan", "Morgan Reyes", vec![])),
        Seat::OL => Some((
            "sam",
            "Sam Okafor",
            [
                "infrastructure",
                "database",
                "trading",
                "storage",
                "network",
            ]
            .map(Skill::named)
            .to_vec(),
        )),
        Seat::CL => Some(("casey", "Casey Lindqvist", vec![])),
        Seat::Scribe => Some(("riley", "Riley Chen", vec![])),
        Seat::Responder | Seat::Observer => None,
    }
}
