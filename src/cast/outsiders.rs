//! People outside the response: the scenario's scripted injects, executives
//! who want updates, and customers who complain while impact lasts. They
//! decide when to speak; the world carries their acts out.

use crate::base::time::{MINUTE, Tick};
use crate::scenario::{Role, Scenario};
use crate::world::comms::{Channel, MessageKind};
use crate::world::{Drill, Outside, Turn};

/// How long without a status post before customers call the page stale.
pub const STALE_STATUS: Tick = 30 * MINUTE;

#[derive(Debug, Clone, Default)]
struct ExecutiveState {
    asked_at: Option<Tick>,
    escalated: bool,
}

/// A party waits this long for an answer before writing again (twice at most).
pub const FOLLOW_UP: Tick = 10 * MINUTE;

/// A party's question nobody has answered yet.
#[derive(Debug, Clone)]
struct Waiting {
    from: String,
    since: Tick,
    followed_up: u32,
}

/// What the outsiders remember.
#[derive(Debug, Clone, Default)]
pub(super) struct Outsiders {
    /// The next of the scenario's injects to come due.
    next_inject: usize,
    executives: Vec<ExecutiveState>,
    /// When customers started to hurt, which starts the executives' clock
    /// if nobody has declared.
    impact_since: Option<Tick>,
    /// Messages read so far (for parties' questions and their answers).
    read: usize,
    waiting: Vec<Waiting>,
}

impl Outsiders {
    pub(super) fn new(scenario: &Scenario) -> Outsiders {
        Outsiders {
            executives: vec![ExecutiveState::default(); scenario.executives.len()],
            ..Default::default()
        }
    }

    /// Injects, executives and customers act for this tick.
    pub(super) fn act(&mut self, turn: &mut Turn) {
        self.injects(turn);
        self.executives(turn);
        complaints(turn);
        self.parties(turn);
    }

    /// Parties note their questions and the answers; one left unanswered
    /// writes again.
    fn parties(&mut self, turn: &mut Turn) {
        let drill = turn.world();
        for m in &drill.messages()[self.read.min(drill.messages().len())..] {
            if m.channel != Channel::Liaison {
                continue;
            }
            if drill.people().get(&m.from).is_none() {
                if m.kind == MessageKind::Question && !self.waiting.iter().any(|w| w.from == m.from)
                {
                    self.waiting.push(Waiting {
                        from: m.from.clone(),
                        since: m.at,
                        followed_up: 0,
                    });
                }
            } else {
                self.waiting.retain(|w| {
                    !crate::world::comms::names_party(
                        &m.text,
                        &m.mentions,
                        &w.from,
                        drill.scenario().party_name(&w.from),
                    )
                });
            }
        }
        self.read = drill.messages().len();
        let now = drill.now();
        let mut acts = Vec::new();
        for w in &mut self.waiting {
            if w.followed_up < 2 && now >= w.since + FOLLOW_UP * (w.followed_up + 1) {
                w.followed_up += 1;
                acts.push(Outside::FollowUp {
                    from: w.from.clone(),
                    text: format!(
                        "{}: we wrote {} minutes ago and have had no answer. We need a reply.",
                        drill.scenario().party_name(&w.from),
                        (now - w.since) / MINUTE
                    ),
                });
            }
        }
        for act in acts {
            turn.outside(act);
        }
    }

    fn injects(&mut self, turn: &mut Turn) {
        let (now, count) = (turn.world().now(), turn.world().scenario().injects.len());
        while self.next_inject < count
            && turn.world().scenario().injects[self.next_inject].at <= now
        {
            let index = self.next_inject;
            self.next_inject += 1;
            // The game master may have delivered it ahead of schedule.
            if !turn.world().inject_delivered(index) {
                turn.outside(Outside::Inject(index));
            }
        }
    }

    fn executives(&mut self, turn: &mut Turn) {
        let drill = turn.world();
        let now = drill.now();
        let impact = drill.platform().customer_impact();
        if impact > 0.2 && self.impact_since.is_none() {
            self.impact_since = Some(now);
        }
        // Executives start counting from the declaration, or from when customers start to hurt.
        let Some(clock_start) = drill.declared_at().or(self.impact_since) else {
            return;
        };
        if drill.resolved_at().is_some() {
            return;
        }
        let last = drill.last_exec_update();
        for i in 0..self.executives.len() {
            let drill = turn.world();
            let exec = &drill.scenario().executives[i];
            let since = last.unwrap_or(clock_start).max(clock_start);
            let state = &mut self.executives[i];
            if let Some(asked) = state.asked_at
                && last.is_some_and(|t| t >= asked)
            {
                state.asked_at = None;
                state.escalated = false;
            }
            let act = match state.asked_at {
                None if now >= since + exec.patience => {
                    state.asked_at = Some(now);
                    Outside::ExecutiveAsks {
                        executive: exec.id.clone(),
                        text: format!(
                            "{} ({}): what's the status? I'm getting questions and have heard nothing.",
                            exec.name, exec.title
                        ),
                    }
                }
                Some(asked) if !state.escalated && now >= asked + exec.patience / 2 => {
                    state.escalated = true;
                    Outside::ExecutiveEscalates {
                        executive: exec.id.clone(),
                        text: format!(
                            "{} is joining the command post: \"Why has nobody updated me? I need status now.\"",
                            exec.name
                        ),
                        demand: format!(
                            "@{} I need a status update now.",
                            drill.people().holder(&Role::IC).unwrap_or("ic")
                        ),
                    }
                }
                _ => continue,
            };
            turn.outside(act);
        }
    }
}

/// Customers complain while impact lasts, twice as fast while the status
/// page is stale.
fn complaints(turn: &mut Turn) {
    let per_minute = complaint_rate(turn.world());
    if let Some(per_minute) = per_minute {
        turn.outside(Outside::Complaints { per_minute });
    }
}

/// Tickets per minute customers would file now, or `None` while nobody hurts.
fn complaint_rate(drill: &Drill) -> Option<f64> {
    let impact = drill.platform().customer_impact();
    if impact <= 0.0 {
        return None;
    }
    let stale = drill
        .status_posts()
        .last()
        .is_none_or(|p| drill.now() >= p.at + STALE_STATUS);
    Some(drill.scenario().complaints_per_min * impact * if stale { 2.0 } else { 1.0 })
}

#[cfg(test)]
mod tests {
    use crate::scenario::Severity;
    use crate::testing::{act, drill, idle_until};
    use crate::world::comms::{Channel, MessageKind};
    use crate::world::{Command, Event};

    #[test]
    fn executives_ask_after_their_patience_and_escalate_after_half_again() {
        let mut d = drill();
        act(&mut d, "ana", Command::Declare(Severity::Sev2));
        // The simulated CL would update the CTO: take CL away from the bot by never assigning it.
        idle_until(&mut d, 5 * 60 + 1);
        let asked = d.messages().iter().find(|m| m.from == "cto").map(|m| m.at);
        assert_eq!(asked, Some(5 * 60), "patience 5m after the declaration");
        idle_until(&mut d, 8 * 60);
        assert!(
            d.log()
                .iter()
                .any(|e| matches!(e.event, Event::ExecutiveEscalated { .. }))
        );
    }

    #[test]
    fn an_update_keeps_executives_calm() {
        let mut d = drill();
        act(&mut d, "ana", Command::Declare(Severity::Sev2));
        idle_until(&mut d, 4 * 60);
        act(
            &mut d,
            "ana",
            Command::Say {
                channel: Channel::Executive,
                kind: MessageKind::StatusUpdate,
                text: "db disk full, fixing".into(),
            },
        );
        idle_until(&mut d, 8 * 60);
        assert!(!d.messages().iter().any(|m| m.from == "cto"));
    }

    #[test]
    fn customers_complain_while_impact_lasts() {
        let mut d = drill();
        idle_until(&mut d, 59);
        assert!(
            !d.log()
                .iter()
                .any(|e| matches!(e.event, Event::CustomerTicket { .. }))
        );
        idle_until(&mut d, 30 * 60);
        assert!(
            d.log()
                .iter()
                .filter(|e| matches!(e.event, Event::CustomerTicket { .. }))
                .count()
                > 3
        );
    }
}
