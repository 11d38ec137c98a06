//! Simulated people: responders, the seat holders who fill any seat no human
//! takes, executives and customers. They act only through `Command`s, the
//! same way humans do, so the core's rules bind them too.

mod commander;
mod communications;
mod mind;
mod operations;
mod responder;
mod scribe;
mod stakeholders;
mod text;

pub(crate) use mind::Mind;
pub(crate) use stakeholders::{
    Stakeholders, deliver, deliver_scheduled_now, inject_delivered, outsiders,
};

use crate::drill::{Drill, HumanSpec, Participant, People};
use crate::scenario::{Scenario, Seat, Skill};

/// Ids of the simulated people who hold a seat no human takes.
pub const SEAT_NPC_IDS: [&str; 4] = ["morgan", "sam", "casey", "riley"];

/// Whether an id belongs to a simulated seat holder.
pub fn is_seat_npc(id: &str) -> bool {
    SEAT_NPC_IDS.contains(&id)
}

/// The simulated holder of a seat: id, name and skills.
fn seat_npc(seat: Seat) -> Option<(&'static str, &'static str, Vec<Skill>)> {
    match seat {
        Seat::IC => Some(("morgan", "Morgan Reyes", vec![])),
        Seat::OL => Some((
            "sam",
            "Sam Okafor",
            vec![
                Skill::Infrastructure,
                Skill::Database,
                Skill::Trading,
                Skill::Storage,
                Skill::Network,
            ],
        )),
        Seat::CL => Some(("casey", "Casey Lindqvist", vec![])),
        Seat::Scribe => Some(("riley", "Riley Chen", vec![])),
        Seat::Responder | Seat::Observer => None,
    }
}

/// Everyone in the drill: the humans, a simulated holder for each staffed
/// seat no human takes, then the scenario's responders.
pub(crate) fn cast(scenario: &Scenario, humans: &[HumanSpec]) -> People {
    let mut list: Vec<Participant> = humans
        .iter()
        .map(|h| Participant {
            id: h.id.clone(),
            name: h.name.clone(),
            human: true,
            seat: Some(h.seat),
            skills: vec![],
            traits: vec![],
            joins_at: h.joins.0,
            present: false,
        })
        .collect();
    for seat in Seat::STAFFED {
        if humans.iter().any(|h| h.seat == seat) {
            continue;
        }
        if let Some((id, name, skills)) = seat_npc(seat) {
            list.push(Participant {
                id: id.into(),
                name: name.into(),
                human: false,
                seat: Some(seat),
                skills,
                traits: vec![],
                joins_at: 0,
                present: false,
            });
        }
    }
    for r in &scenario.responders {
        list.push(Participant {
            id: r.id.clone(),
            name: r.name.clone(),
            human: false,
            seat: None,
            skills: r.skills.clone(),
            traits: r.traits.clone(),
            joins_at: r.joins,
            present: false,
        });
    }
    People::new(list)
}

/// One mind per simulated participant.
pub(crate) fn minds_for(people: &People, seed: u64) -> Vec<Mind> {
    people
        .list
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.human)
        .map(|(i, p)| Mind::new(&p.id, seed, i))
        .collect()
}

/// Every simulated participant who is present thinks once and acts.
pub(crate) fn think_all(drill: &mut Drill) {
    let mut minds = std::mem::take(&mut drill.minds);
    for mind in &mut minds {
        if !drill.people.is_present(&mind.id) {
            continue;
        }
        for command in mind.think(drill) {
            drill.apply(&mind.id.clone(), command);
        }
    }
    drill.minds = minds;
}
