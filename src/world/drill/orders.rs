//! Orders in flight: who asked whom for what, by when, and whether the loop
//! closed (acknowledged, reported back).

use super::command::Task;
use crate::base::time::Tick;
use crate::world::comms::{MessageId, vague_asks};

/// Something that keeps an order from being well formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// Nobody is named to do it.
    NoOwner,
    /// No time by which to report back (a "stand by" needs none).
    NoTimebox,
    /// The task is a word or less.
    NoClearTask,
    /// Addressed to "someone": the phrase that gave it away.
    Vague(&'static str),
}

impl Flaw {
    /// What the order did wrong, as the evidence says it: "had no time box".
    pub fn lapse(self) -> String {
        match self {
            Flaw::NoOwner => "named no owner".into(),
            Flaw::NoTimebox => "had no time box".into(),
            Flaw::NoClearTask => "gave no clear task".into(),
            Flaw::Vague(phrase) => format!("said \"{phrase}\""),
        }
    }
}

/// The doctrine's one definition of a well-formed order: a named owner, a
/// clear task and a time box, addressed to a person rather than "someone".
/// Simulated people answer by it; the scorer's closed-loop criterion judges by it.
pub fn flaws(owner: Option<&str>, task: Option<&Task>, due: Option<Tick>, text: &str) -> Vec<Flaw> {
    let mut flaws = Vec::new();
    if owner.is_none() {
        flaws.push(Flaw::NoOwner);
    }
    if due.is_none() && task != Some(&Task::StandBy) {
        flaws.push(Flaw::NoTimebox);
    }
    if matches!(task, Some(Task::Free(words)) if words.split_whitespace().count() < 2) {
        flaws.push(Flaw::NoClearTask);
    }
    if let Some(phrase) = vague_asks(text, owner.is_some()).first() {
        flaws.push(Flaw::Vague(phrase));
    }
    flaws
}

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
    /// What keeps this order from being well formed (see `flaws`).
    pub fn flaws(&self) -> Vec<Flaw> {
        flaws(self.to.as_deref(), Some(&self.task), self.due, &self.text)
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
            [Flaw::NoOwner, Flaw::NoTimebox, Flaw::Vague("can someone")]
        );
        assert_eq!(
            order(Some("raj"), Some(600), "db").flaws(),
            [Flaw::NoClearTask]
        );
        // To a named person, "anyone" is a word; "can someone" is still an ask.
        assert!(
            order(
                Some("raj"),
                Some(600),
                "@raj ask anyone on the db team who changed the disks"
            )
            .flaws()
            .is_empty()
        );
        assert_eq!(
            order(Some("raj"), Some(600), "@raj can someone check the db").flaws(),
            [Flaw::Vague("can someone")]
        );
    }
}
