//! Generated scenarios of any size, for benchmarks and stress runs: a tree of
//! components (each depends on its parent), a fault at the root that the
//! whole tree feels, alerts on every tenth component.

use std::fmt::Write;

use crate::base::diagnostic::Source;
use crate::scenario::{self, Scenario};

/// Humans in every staffed seat (`h0` the IC, `h1` the OL, `h2` the CL,
/// `h3` the scribe), there from the start: with no script they do nothing,
/// so the platform, responders, executives and customers run unchecked.
pub fn seated_team() -> Vec<crate::world::HumanSpec> {
    crate::scenario::Seat::STAFFED
        .iter()
        .enumerate()
        .map(|(i, seat)| crate::world::HumanSpec {
            id: format!("h{i}"),
            name: format!("Human {i}"),
            seat: *seat,
            joins: crate::base::time::Dur(0),
        })
        .collect()
}

/// A valid scenario with `components` components (at least 2).
pub fn scenario(components: usize) -> Scenario {
    let source = Source {
        file: format!("synthetic-{components}.ron"),
        text: text(components),
    };
    scenario::parse(&source)
        .unwrap_or_else(|errors| panic!("synthetic scenario is invalid: {errors:?}"))
}

/// The RON text of `scenario(components)`.
pub fn text(components: usize) -> String {
    let n = components.max(2);
    let mut out = String::from(
        "Scenario(id: \"synthetic\", title: \"Synthetic platform\", summary: \"A generated platform for benchmarks.\",\n\
         difficulty: Expert, objectives: [\"Scale\"], time_limit: \"60m\",\n\
         par: (declare: \"5m\", mitigate: \"20m\", resolve: \"40m\"), severity: Sev2,\n components: [\n",
    );
    for i in 0..n {
        let deps = if i == 0 {
            String::new()
        } else {
            format!("depends_on: [\"c{}\"], ", (i - 1) / 2)
        };
        let customers = if i % 7 == 1 {
            "customers: (orders_per_min: 100.0, users: 1000), "
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  (id: \"c{i}\", name: \"Component {i}\", kind: Service, {deps}{customers}),"
        );
    }
    out.push_str(" ],\n alerts: [\n");
    for i in (0..n).step_by(10) {
        let _ = writeln!(
            out,
            "  (id: \"a{i}\", component: \"c{i}\", metric: \"error_rate\", above: 5.0, for: \"30s\", severity: Page, text: \"c{i} errors\"),"
        );
    }
    out.push_str(
        " ],\n faults: [(id: \"root\", component: \"c0\", start: At(\"2m\"), impairment: 0.9, ramp: \"3m\", root_cause: \"Root failure\")],\n\
         actions: [\n\
         (id: \"inspect\", name: \"Inspect the root\", kind: Diagnostic, target: \"c0\", duration: \"3m\", effects: [Reveal(\"root\")], finding: \"Root failure\"),\n\
         (id: \"restart\", name: \"Restart the root\", kind: Remediation, target: \"c0\", duration: \"4m\", effects: [Mitigate(\"root\")]),\n\
         (id: \"repair\", name: \"Repair the root\", kind: Remediation, target: \"c0\", duration: \"6m\", requires: [Revealed(\"root\")], effects: [Resolve(\"root\")]),\n\
         ],\n\
         responders: [(id: \"r1\", name: \"R One\", joins: \"3m\"), (id: \"r2\", name: \"R Two\", traits: [Slow], joins: \"5m\")],\n\
         executives: [(id: \"x\", name: \"X\", title: \"CEO\", patience: \"20m\")],\n\
         exit: (mitigated: [Mitigated(\"root\")], resolved: [Resolved(\"root\")]),\n)\n",
    );
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_scenarios_validate_at_any_size() {
        for n in [2, 14, 100, 400] {
            let s = super::scenario(n);
            assert_eq!(s.components.len(), n);
            assert_eq!(s.alerts.len(), n.div_ceil(10));
        }
    }
}

/// A long, busy event log on `scenario`: a four-person team working an
/// incident for four hours, `events` events in all, cycling through orders,
/// acks, production changes, reports, status posts, ISD edits, executive
/// traffic and customer tickets. For benchmarks of scoring and the AAR.
pub fn long_log(scenario: &Scenario, events: usize) -> Vec<crate::world::Entry> {
    use crate::scenario::{AlertSeverity, Role, Seat, Severity};
    use crate::world::comms::{Channel, IsdSection, MessageKind, StatusPost, StatusState, Task};
    use crate::world::{Event, Health};

    const SPAN: u32 = 4 * 3600;
    let responders: Vec<&str> = scenario.responders.iter().map(|r| r.id.as_str()).collect();
    let worker = |i: usize| {
        responders
            .get(i % responders.len().max(1))
            .copied()
            .unwrap_or("ben")
    };
    let action = |i: usize| scenario.actions[i % scenario.actions.len()].id.clone();
    let mut w = LogWriter::default();
    for (id, seat) in [
        ("ana", Seat::IC),
        ("ben", Seat::OL),
        ("cleo", Seat::CL),
        ("dan", Seat::Scribe),
    ] {
        let (who, name) = (id.to_string(), id.to_uppercase());
        w.push(
            0,
            Event::Joined {
                who,
                name,
                human: true,
                seat: Some(seat),
            },
        );
    }
    for r in &responders {
        let (who, name) = (r.to_string(), r.to_uppercase());
        w.push(
            60,
            Event::Joined {
                who,
                name,
                human: false,
                seat: None,
            },
        );
    }
    let component = scenario.components[0].id.clone();
    let alert = Event::AlertFired {
        alert: "a".into(),
        component,
        severity: AlertSeverity::Page,
        text: "alert".into(),
    };
    w.push(120, alert);
    w.push(
        180,
        Event::Declared {
            by: "ana".into(),
            severity: Severity::Sev1,
        },
    );
    for (role, to) in [(Role::OL, "ben"), (Role::CL, "cleo"), (Role::Scribe, "dan")] {
        let briefing = "You own this; report every 10 minutes.".to_string();
        w.push(
            200,
            Event::RoleAssigned {
                role,
                to: to.into(),
                by: "ana".into(),
                briefing,
            },
        );
    }
    // The mix of a real drill's log (measured on the bundled scenarios):
    // about a third customer tickets, a fifth messages, then health changes
    // and actions; status posts, ISD edits and executive traffic are rarer.
    let cycles = events.saturating_sub(w.log.len()) / 13 + 1;
    let step = ((SPAN - 300) / cycles as u32).max(1);
    let ops = Channel::Team("ops".into());
    let components = &scenario.components;
    for c in 0..cycles {
        let t = 300 + c as u32 * step;
        let who = worker(c);
        let task = Some(Task::Run(action(c)));
        let text = format!("@{who} run {}, report in 10m", action(c));
        let order = w.message(t, "ben", ops.clone(), MessageKind::Order, text, None, task);
        w.message(
            t,
            who,
            ops.clone(),
            MessageKind::Ack,
            "@ben ack".into(),
            Some(order),
            None,
        );
        let started = Event::ActionStarted {
            by: who.into(),
            action: action(c),
            order: Some(order),
            ends_at: t + 120,
        };
        w.push(t, started);
        let finished = Event::ActionFinished {
            by: who.into(),
            action: action(c),
            success: true,
            finding: None,
        };
        w.push(t, finished);
        w.message(
            t,
            who,
            ops.clone(),
            MessageKind::Report,
            "@ben C: done A: ran it N: nothing".into(),
            None,
            None,
        );
        w.message(
            t,
            who,
            ops.clone(),
            MessageKind::Chat,
            "looking at the next one".into(),
            None,
            None,
        );
        for _ in 0..4 {
            w.push(
                t,
                Event::CustomerTicket {
                    from: "Acme".into(),
                    text: "slow".into(),
                },
            );
        }
        for k in 0..2 {
            let component = components[(c + k) % components.len()].id.clone();
            let health = if (c + k) % 2 == 0 {
                Health::Degraded
            } else {
                Health::Healthy
            };
            w.push(t, Event::HealthChanged { component, health });
        }
        match c % 6 {
            0 => {
                let text = "@ana C: stable A: working N: nothing".to_string();
                w.message(
                    t,
                    "ben",
                    Channel::CommandPost,
                    MessageKind::Report,
                    text,
                    None,
                    None,
                );
            }
            1 => {
                let post = StatusPost {
                    at: t,
                    by: "cleo".into(),
                    state: StatusState::Identified,
                    impact: "Some orders are delayed.".into(),
                    components: vec![components[0].name.clone()],
                    next_update: Some(t + 1200),
                    text: "We are working on it. Next update within 20 minutes.".into(),
                };
                w.push(t, Event::StatusPosted(Box::new(post)));
            }
            2 => {
                let line = format!("{} order to {who}", crate::base::time::clock(t));
                w.push(
                    t,
                    Event::IsdEdited {
                        by: "dan".into(),
                        section: IsdSection::Timeline,
                        text: line,
                    },
                );
            }
            3 => {
                let text = "Update: still working".to_string();
                w.message(
                    t,
                    "cleo",
                    Channel::Executive,
                    MessageKind::StatusUpdate,
                    text,
                    None,
                    None,
                );
            }
            4 => match scenario.executives.first() {
                Some(exec) => {
                    let text = "Status?".to_string();
                    w.message(
                        t,
                        &exec.id,
                        Channel::Executive,
                        MessageKind::Question,
                        text,
                        None,
                        None,
                    );
                }
                None => w.push(
                    t,
                    Event::CustomerTicket {
                        from: "Acme".into(),
                        text: "slow".into(),
                    },
                ),
            },
            _ => {
                let status = "Identified, working".to_string();
                w.push(
                    t,
                    Event::IsdEdited {
                        by: "cleo".into(),
                        section: IsdSection::Status,
                        text: status,
                    },
                );
            }
        }
    }
    w.log.truncate(events);
    w.log
}

/// Builds a log with sequential message ids.
#[derive(Default)]
struct LogWriter {
    log: Vec<crate::world::Entry>,
    next_id: u32,
}

impl LogWriter {
    fn push(&mut self, at: u32, event: crate::world::Event) {
        self.log.push(crate::world::Entry { at, event });
    }

    #[allow(clippy::too_many_arguments)]
    fn message(
        &mut self,
        at: u32,
        from: &str,
        channel: crate::world::comms::Channel,
        kind: crate::world::comms::MessageKind,
        text: String,
        reply_to: Option<u32>,
        task: Option<crate::world::comms::Task>,
    ) -> u32 {
        self.next_id += 1;
        let message = crate::world::comms::Message {
            id: self.next_id,
            at,
            from: from.into(),
            channel,
            kind,
            mentions: crate::world::comms::mentions_in(&text),
            due: (kind == crate::world::comms::MessageKind::Order).then_some(at + 600),
            report: (kind == crate::world::comms::MessageKind::Report)
                .then(|| crate::world::comms::Can::parse(&text).ok().map(Box::new))
                .flatten(),
            text,
            reply_to,
            task,
        };
        self.push(at, crate::world::Event::Posted(Box::new(message)));
        self.next_id
    }
}
