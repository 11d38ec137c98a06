//! Whole-flow tests of the drill core, in one test binary to keep link times down.

mod architecture;
mod authoring;
mod bundled;
mod common;
mod determinism;
mod faults;
mod golden;
mod hostile;
mod journal;
mod malformed;
mod mirror;
mod properties;
mod replay;
mod report;
mod review;
mod scoring;
mod team;
