//! Communication: channels, structured messages, the public status page and
//! the Incident State Document.

mod isd;
mod message;
mod status;

pub use isd::{Isd, IsdSection};
pub use message::{
    Can, Channel, Message, MessageId, MessageKind, Task, mentions_in, names_party, vague_asks,
    vague_phrases,
};
pub use status::{StatusPost, StatusState};
