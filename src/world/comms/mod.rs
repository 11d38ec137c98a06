//! Communication: channels, structured messages, the public status page and
//! the Incident State Document.

mod isd;
mod message;
mod status;
mod words;

pub use isd::{Isd, IsdSection};
pub use message::{Can, Channel, Message, MessageId, MessageKind, Task};
pub use status::{StatusPost, StatusState};
pub use words::{mentions_in, names_party, vague_asks, vague_phrases};
