//! The world: the rules of a drill. The `Drill` holds its state (people and
//! roles, orders, messages, the status page, the ISD, the platform) and is
//! changed only by commands that pass the doctrine's checks; `sim` moves the
//! platform, `comms` holds what people write, `classify` says who may see
//! each event and which ones matter.

pub mod classify;
pub mod comms;
pub mod drill;
pub mod sim;

pub use classify::{Audience, Class, MarkerKind, can_read, classify, instructor_only, visible_to};
pub use drill::command::{Command, GAME_MASTER, Input, Task};
pub use drill::event::{Entry, Event, Outcome, SegmentImpact, Violation};
pub use drill::people::{HumanSpec, Participant, People};
pub use drill::{
    Drill, Outside, Readings, Turn, check_custom_inject, check_new_responder, check_note, event,
    orders, people, threads, work,
};
pub use sim::platform::Health;
