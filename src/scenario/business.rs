//! The business around the platform: who the customers are and what they
//! count, who outside the company writes in, and what the company owes once
//! harm is done.

use serde::{Deserialize, Serialize};

use super::kinds::Seat;
use super::model::{ActionIdx, ComponentIdx, FaultIdx};

/// Index of a segment in `Scenario::segments`.
pub type SegmentIdx = usize;
/// Index of a party in `Scenario::parties`.
pub type PartyIdx = usize;
/// Index of an obligation in `Scenario::obligations`.
pub type ObligationIdx = usize;

/// The kinds of harm a business counts, in its own units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Harm {
    /// Could not do it at all (could not order, could not send).
    Blocked,
    /// Accepted, often paid, and nothing delivered.
    Stranded,
    /// Done, but with data that will need repair.
    Wrong,
}

impl Harm {
    pub const ALL: [Harm; 3] = [Harm::Blocked, Harm::Stranded, Harm::Wrong];

    /// How a person reads it after a count: "12 orders blocked".
    pub fn word(self) -> &'static str {
        match self {
            Harm::Blocked => "blocked",
            Harm::Stranded => "stranded",
            Harm::Wrong => "wrong",
        }
    }
}

/// A group of customers with their own business: diners, restaurants and
/// couriers; retail and institutional.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Segment {
    pub id: String,
    pub name: String,
    /// What their business is counted in ("orders", "prescriptions").
    pub unit: String,
    /// Units per minute in normal operation.
    pub per_min: f64,
    pub people: u32,
    /// The components they depend on and the harm each does when impaired.
    pub uses: Vec<(ComponentIdx, Harm)>,
    /// Ticket lines of their own; empty: tickets name what is impaired.
    pub says: Vec<String>,
}

/// Someone outside the company who writes in: a vendor, a regulator, the
/// press, a partner (`kind` is the author's word).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub kind: String,
}

/// What the company owes once harm is done, and how it is paid.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Obligation {
    pub id: String,
    pub name: String,
    /// The seat whose duty it is.
    pub owner: Seat,
    pub arises: Arises,
    pub discharge: Discharge,
}

/// When an obligation arises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arises {
    /// The segment has suffered this harm (one unit or more).
    Harm(SegmentIdx, Harm),
    /// The fault has started.
    Fault(FaultIdx),
}

/// What discharges an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discharge {
    /// This action finishes after the obligation arose.
    Action(ActionIdx),
    /// A post in #liaison that mentions the party after the obligation arose.
    Notice(PartyIdx),
}
