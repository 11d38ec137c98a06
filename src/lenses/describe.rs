//! One line of plain text per event, for logs, timelines and the CLI.

use crate::base::time::clock;
use crate::world::{Entry, Event};

/// The event as a line a person reads: "T+04:10 ana: Declaring a Sev1 incident…".
pub fn describe(entry: &Entry) -> String {
    let text = match &entry.event {
        Event::DrillStarted { scenario, seed } => {
            format!("drill started: {scenario} (seed {seed})")
        }
        Event::Joined {
            who,
            name,
            human,
            seat,
        } => {
            let kind = if *human { "trainee" } else { "simulated" };
            match seat {
                Some(seat) => format!("{name} (@{who}, {kind}, {seat:?} seat) joined"),
                None => format!("{name} (@{who}, {kind}) joined"),
            }
        }
        Event::FaultStarted { fault, component } => {
            format!("fault {fault} started on {component}")
        }
        Event::HealthChanged { component, health } => format!("{component} is now {health:?}"),
        Event::AlertFired {
            alert,
            severity,
            text,
            ..
        } => format!("ALERT {severity:?} {alert}: {text}"),
        Event::AlertResolved { alert } => format!("alert {alert} resolved"),
        Event::AlertAcked { alert, by } => format!("{by} acknowledged alert {alert}"),
        Event::Declared { by, severity } => format!("{by} declared a {severity:?} incident"),
        Event::RoleAssigned { role, to, by, .. } => {
            format!("{by} assigned {} to {to}", role.label())
        }
        Event::HandoffOffered { role, from, to, .. } => {
            format!("{from} offered {} to {to}", role.label())
        }
        Event::HandoffAccepted { role, from, to } => {
            format!("{to} took {} from {from}", role.label())
        }
        Event::RoleReleased { role, by } => format!("{by} released {}", role.label()),
        Event::TeamCreated { team, lead, by } => format!("{by} formed team {team} led by {lead}"),
        Event::TeamJoined { team, who, by } => format!("{by} put {who} on team {team}"),
        Event::TeamLeft { team, who } => format!("{who} left team {team}"),
        Event::Posted(m) => format!("{} {} [{:?}] {}", m.channel.label(), m.from, m.kind, m.text),
        Event::ActionStarted {
            by,
            action,
            ends_at,
            ..
        } => format!("{by} started {action} (done {})", clock(*ends_at)),
        Event::ActionFinished {
            by,
            action,
            success,
            finding,
        } => match (success, finding) {
            (true, Some(f)) => format!("{by} finished {action}: {f}"),
            (true, None) => format!("{by} finished {action}"),
            (false, _) => format!("{by}: {action} FAILED"),
        },
        Event::ActionRefused { by, action, reason } => format!("REFUSED {by} {action}: {reason}"),
        Event::ViolationNoted {
            by,
            violation,
            detail,
        } => format!("violation by {by}: {violation:?} — {detail}"),
        Event::CauseRevealed {
            fault,
            by,
            root_cause,
        } => format!("{by} found the cause of {fault}: {root_cause}"),
        Event::FaultMitigated { fault, by } => format!("{fault} mitigated by {by}"),
        Event::FaultResolved { fault, by } => format!("{fault} resolved by {by}"),
        Event::StatusPosted(p) => format!(
            "STATUS PAGE {:?} by {}: {} {}",
            p.state, p.by, p.impact, p.text
        ),
        Event::IsdEdited { by, section, text } => format!("{by} edited ISD {section:?}: {text}"),
        Event::CustomerTicket { from, text } => format!("ticket from {from}: {text}"),
        Event::InjectDelivered {
            from,
            text,
            instructor,
        } => format!(
            "{} from {}: {text}",
            if *instructor { "GM inject" } else { "inject" },
            persona(from)
        ),
        Event::Left { name, .. } => format!("{name} left the drill"),
        Event::ObserverNote {
            area, rating, text, ..
        } => format!(
            "NOTE [{area:?}{}] {text}",
            rating.map(|r| format!(", {r}/5")).unwrap_or_default()
        ),
        Event::ExecutiveEscalated { text, .. } => format!("ESCALATION {text}"),
        Event::CommandRefused {
            by,
            command,
            reason,
        } => format!("refused {by}'s {}: {reason}", command_name(command)),
        Event::IncidentMitigated => "INCIDENT MITIGATED".into(),
        Event::IncidentResolved => "INCIDENT RESOLVED".into(),
        Event::IncidentReopened { fault } => format!("INCIDENT REOPENED: {fault} started"),
        Event::Closed { by } => format!("{by} closed the incident"),
        Event::DrillEnded {
            outcome,
            failed_orders,
            peak_users_affected,
            impact,
        } if impact.is_empty() => format!(
            "drill ended: {outcome:?}, {failed_orders} failed orders, peak {peak_users_affected} users affected"
        ),
        Event::DrillEnded {
            outcome,
            peak_users_affected,
            impact,
            ..
        } => format!(
            "drill ended: {outcome:?}, {}, peak {peak_users_affected} people affected",
            impact_words(impact)
        ),
        Event::SegmentHarmed { segment, harm } => {
            format!("{segment}: first {} harm", harm.word())
        }
        Event::FaultDefused { fault, by } => format!("{by} defused {fault} before it struck"),
        Event::ObligationArose { name, owner, .. } => {
            format!("OWED ({owner:?}): {name}")
        }
        Event::ObligationDischarged { obligation, by } => {
            format!("{by} discharged {obligation}")
        }
    };
    // Ground truth is marked as such wherever the line is read.
    let hidden = match crate::world::classify(&entry.event).audience {
        crate::world::Audience::GroundTruth => "[hidden] ",
        _ => "",
    };
    format!("{} {hidden}{text}", clock(entry.at))
}

/// "executive coo", "customer Jo", …
pub fn persona(p: &crate::scenario::Persona) -> String {
    use crate::scenario::Persona;
    match p {
        Persona::Executive(id) => format!("executive {id}"),
        Persona::Customer(n) => format!("customer {n}"),
        Persona::Vendor(n) => format!("vendor {n}"),
        Persona::Regulator(n) => format!("regulator {n}"),
        Persona::Responder(id) => format!("responder {id}"),
        Persona::Party(p) => format!("party #{p}"),
    }
}

/// Each segment's harm in its own words: "Diners: 120 orders blocked, 30
/// stranded" (segments unharmed: "no harm"; segments whose business is
/// not counted, per_min 0, are left out).
pub fn impact_lines(
    scenario: &crate::scenario::Scenario,
    impact: &[crate::world::SegmentImpact],
) -> Vec<String> {
    impact
        .iter()
        .filter(|i| {
            i.blocked + i.stranded + i.wrong > 0
                || scenario
                    .segments
                    .iter()
                    .any(|s| s.id == i.segment && s.per_min > 0.0)
        })
        .map(|i| {
            let segment = scenario.segments.iter().find(|s| s.id == i.segment);
            let (name, unit) = segment.map_or((i.segment.as_str(), "units"), |s| {
                (s.name.as_str(), s.unit.as_str())
            });
            let parts: Vec<String> = [
                ("blocked", i.blocked),
                ("stranded", i.stranded),
                ("wrong (to repair)", i.wrong),
            ]
            .iter()
            .filter(|(_, n)| *n > 0)
            .enumerate()
            .map(|(k, (w, n))| {
                if k == 0 {
                    format!("{n} {unit} {w}")
                } else {
                    format!("{n} {w}")
                }
            })
            .collect();
            if parts.is_empty() {
                format!("{name}: no harm")
            } else {
                format!("{name}: {}", parts.join(", "))
            }
        })
        .collect()
}

/// "diners: 120 blocked, 30 stranded; couriers: none", by segment id.
pub fn impact_words(impact: &[crate::world::SegmentImpact]) -> String {
    impact
        .iter()
        .map(|i| {
            let parts: Vec<String> = [
                ("blocked", i.blocked),
                ("stranded", i.stranded),
                ("wrong", i.wrong),
            ]
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(w, n)| format!("{n} {w}"))
            .collect();
            let parts = if parts.is_empty() {
                "none".to_string()
            } else {
                parts.join(", ")
            };
            format!("{}: {parts}", i.segment)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn command_name(command: &crate::world::Command) -> String {
    let debug = format!("{command:?}");
    debug
        .split([' ', '(', '{'])
        .next()
        .unwrap_or("command")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{drill, idle_until};

    #[test]
    fn every_event_reads_as_one_timed_line() {
        let mut d = drill();
        idle_until(&mut d, 30 * 60);
        for entry in d.log() {
            let line = describe(entry);
            assert!(line.starts_with(&clock(entry.at)), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
        assert!(
            d.log()
                .iter()
                .map(describe)
                .any(|l| l.contains("ALERT Page db-errors: DB errors"))
        );
    }
}
