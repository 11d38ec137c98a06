//! The ground floor: simulated time and durations, errors a person can act
//! on (file, line:column, hint), and the files Firedrill keeps (the data
//! directory, atomic writes). Nothing here knows about drills.

pub mod diagnostic;
pub mod files;
pub mod time;
