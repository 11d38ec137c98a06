//! Tools built on the floors below: the guided tutorial, the game master's
//! views, scenario authoring, and generated platforms and logs for benches.

pub mod authoring;
pub mod instructor;
pub mod synthetic;
pub mod tutorial;
