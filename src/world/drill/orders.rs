//! Orders in flight: who asked whom for what, by when, and whether the loop
//! closed (acknowledged, reported back).

use super::command::Task;
use crate::base::time::Tick;
use crate::world::comms::{MessageId, vague_phrases};

/// One order and how its loop is going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderState {
    pub msg: MessageId,
    pub at: Tick,
    pub from: String,
    /// Whether the giver was in the Operations chain: only such orders authorize production changes.
    pub from_ops_chain: bool,
    pub to: Option<String>,
    pub task: Task,
    pub due: Option<Tick>,
    pub text: String,
    pub acked_at: Option<Tick>,
    pub reported_at: Option<Tick>,
    /// Closed by a final report.
    pub done: bool,
}

impl OrderState {
    /// What keeps this order from being well formed (named owner, clear task, time box).
    pub fn flaws(&self) -> Vec<&'static str> {
        let mut flaws = Vec::new();
        if self.to.is_none() {
            flaws.push("no named owner");
        }
        if self.due.is_none() && self.task != Task::StandBy {
            flaws.push("no time box");
        }
        if matches!(&self.task, Task::Free(text) if text.split_whitespace().count() < 2) {
            flaws.push("no clear task");
        }
        if !vague_phrases(&self.text).is_empty() {
            flaws.push("addressed to \"someone\"");
        }
        flaws
    }

    /// Still waiting for its owner to finish and report.
    pub fn is_open(&self) -> bool {
        !self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(to: Option<&str>, due: Option<Tick>, text: &str) -> OrderState {
        OrderState {
            msg: 1,
            at: 0,
            from: "ana".into(),
            from_ops_chain: false,
            to: to.map(Into::into),
            task: Task::Free(text.into()),
            due,
            text: text.into(),
            acked_at: None,
            reported_at: None,
            done: false,
        }
    }

    #[test]
    fn well_formed_orders_have_owner_task_and_time_box() {
        assert!(
            order(Some("raj"), Some(600), "check replication lag")
                .flaws()
                .is_empty()
        );
        assert_eq!(
            order(None, None, "can someone check the db").flaws(),
            ["no named owner", "no time box", "addressed to \"someone\""]
        );
        assert_eq!(
            order(Some("raj"), Some(600), "db").flaws(),
            ["no clear task"]
        );
    }
}
