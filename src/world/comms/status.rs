//! The public status page: structured posts customers read.

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;

/// The incident's state as the public sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StatusState {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

/// One post on the status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusPost {
    pub at: Tick,
    pub by: String,
    pub state: StatusState,
    /// Customer impact in plain words.
    pub impact: String,
    /// Public names of affected components.
    pub components: Vec<String>,
    /// When the next update is promised.
    pub next_update: Option<Tick>,
    pub text: String,
}
