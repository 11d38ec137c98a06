//! What the game master sees that the trainees do not: the ground truth
//! (hidden causes, what simulated people mean to do, the injects to come)
//! and the load on each role. Pure functions of a drill.

mod load;
mod truth;

pub use load::{RoleLoad, load};
pub use truth::{Cause, Intention, Truth, Upcoming, truth};

#[cfg(test)]
mod tests;
