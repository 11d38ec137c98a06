//! The simulated platform: faults, impairment flowing along dependencies,
//! metrics, alerts and customer impact. Pure functions of scenario, time and
//! seed; no wall clock, no unseeded randomness.

pub mod alerts;
pub mod faults;
pub mod noise;
pub mod platform;
