//! Simulated people: responders, the seat holders who fill any seat no human
//! takes, executives and customers. They are clients of the loop like
//! humans: they read the world and hand in `Command`s (and outsiders' acts)
//! that go through the same checks, so the core's rules bind them too.

mod commander;
mod communications;
mod liaison;
mod mind;
mod operations;
mod outsiders;
mod responder;
mod scribe;
mod text;

pub(crate) use mind::Mind;
pub use outsiders::STALE_STATUS;

use crate::world::{Drill, Turn};
use outsiders::Outsiders;

/// Everyone simulated in one drill: the outsiders (injects, executives,
/// customers) and a mind for each simulated participant. Each has its own
/// dice, seeded from the drill's seed, so the same inputs give the same drill.
#[derive(Debug, Clone)]
pub struct Cast {
    seed: u64,
    outsiders: Outsiders,
    minds: Vec<Mind>,
}

impl Cast {
    /// The cast of a drill that is about to start.
    pub fn new(drill: &Drill) -> Cast {
        let mut cast = Cast {
            seed: drill.seed(),
            outsiders: Outsiders::new(drill.scenario()),
            minds: Vec::new(),
        };
        cast.take_in_newcomers(drill);
        cast
    }

    /// Their part of a tick: outsiders first, then each simulated participant
    /// who is present, in turn; each one's commands land before the next thinks.
    pub fn act(&mut self, turn: &mut Turn) {
        self.outsiders.act(turn);
        self.take_in_newcomers(turn.world());
        for mind in &mut self.minds {
            if !turn.world().people().is_present(&mind.id) {
                continue;
            }
            for command in mind.think(turn.world()) {
                turn.act(&mind.id, command);
            }
        }
    }

    /// The minds, for the game master's view of what each person means to do.
    pub(crate) fn minds(&self) -> &[Mind] {
        &self.minds
    }

    /// A mind for every simulated participant who has none yet (all of them
    /// at the start; later, whoever the game master adds).
    fn take_in_newcomers(&mut self, drill: &Drill) {
        for (index, p) in drill.people().list.iter().enumerate() {
            if !p.human && !self.minds.iter().any(|m| m.id == p.id) {
                self.minds.push(Mind::new(&p.id, self.seed, index));
            }
        }
    }
}
