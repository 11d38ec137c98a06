//! Lenses: what a person sees of a drill and how they speak to it. What each
//! seat sees (`view`), one line per event (`describe`), the composer's
//! language (`compose`), the doctrine cards and the ICS glossary.

pub mod compose;
pub mod describe;
pub mod doctrine;
pub mod view;
