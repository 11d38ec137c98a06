//! A simulated scribe: every declaration, role change, decision, finding and
//! change of state goes into the ISD timeline (and decisions log) within a minute.

use super::mind::Mind;
use crate::base::time::{Tick, clock};
use crate::world::comms::{IsdSection, MessageKind};
use crate::world::{Command, Drill, Event};

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    cursor: usize,
}

/// A line for the timeline, if the event belongs there.
fn line(drill: &Drill, event: &Event) -> Option<(IsdSection, String)> {
    let name = |id: &str| {
        drill
            .people()
            .get(id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    let text = match event {
        Event::Declared { by, severity } => format!("{severity:?} declared by {}", name(by)),
        Event::RoleAssigned { role, to, .. } => format!("{} is {}", name(to), role.label()),
        Event::HandoffAccepted { role, from, to } => {
            format!("{} handed {} to {}", name(from), role.label(), name(to))
        }
        Event::Posted(m) if m.kind == MessageKind::Decision => {
            return Some((
                IsdSection::Decisions,
                format!("{} — {} ({})", clock(m.at), m.text, name(&m.from)),
            ));
        }
        Event::CauseRevealed { .. } if drill.scenario().need_to_know => {
            "Cause found (details in #restricted)".into()
        }
        Event::CauseRevealed { root_cause, .. } => format!("Cause found: {root_cause}"),
        Event::ActionStarted { by, action, .. } => {
            let a = drill.scenario().actions.iter().find(|a| &a.id == action)?;
            if a.kind != crate::scenario::ActionKind::Remediation {
                return None;
            }
            format!("{} started: {}", name(by), a.name)
        }
        Event::FaultMitigated { .. } => "A fix took effect".to_string(),
        Event::IncidentMitigated => "Incident mitigated".into(),
        Event::IncidentResolved => "Incident resolved".into(),
        Event::StatusPosted(p) => format!("Status page: {:?}", p.state),
        _ => return None,
    };
    Some((IsdSection::Timeline, text))
}

pub(super) fn duties(mind: &mut Mind, drill: &Drill, out: &mut Vec<Command>) {
    // Record what happened at least 30 s ago, one edit per tick, as someone typing would.
    let settle: Tick = 30;
    while let Some(entry) = drill.log().get(mind.scribe.cursor) {
        if entry.at + settle > drill.now() {
            return;
        }
        mind.scribe.cursor += 1;
        if let Some((section, text)) = line(drill, &entry.event) {
            let text = if section == IsdSection::Timeline {
                format!("{} — {text}", clock(entry.at))
            } else {
                text
            };
            out.push(Command::EditIsd { section, text });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{idle_until, tiny};
    use crate::world::comms::IsdSection;

    #[test]
    fn a_simulated_scribe_records_the_timeline_and_decisions() {
        let mut d = crate::run::Simulation::new(tiny(), 2, &[]);
        idle_until(&mut d, 30 * 60);
        let timeline = &d
            .isd()
            .section(IsdSection::Timeline)
            .expect("a timeline")
            .text;
        assert!(timeline.contains("declared by Morgan Reyes"), "{timeline}");
        assert!(timeline.contains("Cause found: Disk full"), "{timeline}");
        assert!(timeline.contains("Incident resolved"), "{timeline}");
        let decisions = &d
            .isd()
            .section(IsdSection::Decisions)
            .expect("decisions")
            .text;
        assert!(decisions.contains("approved"), "{decisions}");
    }
}
