//! A scripted new hire: does each step the coach is waiting for, a set time
//! after it becomes the step to do, the way a trainee following the prompts
//! would. Tests use it to prove every stage can be completed and to see the
//! hints come and go; the screenshot run uses it to play a stage.

use super::coach::Coach;
use super::step::{ChannelKind, Deed, StatusStates};
use crate::base::time::{Dur, MINUTE, Tick, clock};
use crate::scenario::{AlertSeverity, Role, Seat, Trait};
use crate::world::comms::{Channel, IsdSection, MessageKind, StatusState};
use crate::world::{Command, Drill, Event, Task};

/// The scripted trainee.
#[derive(Debug, Clone)]
pub struct NewHire {
    /// How long they take to act once a step is theirs to do.
    pub delay: Tick,
    /// The step they last acted on, so each step gets one try.
    acted_on: Option<usize>,
}

impl NewHire {
    /// A new hire who acts `delay` simulated seconds after a step becomes theirs.
    pub fn new(delay: Tick) -> NewHire {
        NewHire {
            delay,
            acted_on: None,
        }
    }

    /// What they do this second, if anything (call after `Coach::observe`).
    pub fn act(&mut self, coach: &Coach, drill: &Drill, me: &str) -> Option<Command> {
        let (i, since) = coach.current_step()?;
        if self.acted_on == Some(i) || drill.now() < since + self.delay {
            return None;
        }
        self.acted_on = Some(i);
        Some(command_for(coach.stage().steps[i].deed, drill, me))
    }
}

/// A good command for a deed, written from what the drill shows.
pub fn command_for(deed: Deed, drill: &Drill, me: &str) -> Command {
    let now = drill.now();
    match deed {
        Deed::Post(ChannelKind::CommandPost) => Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Ack,
            text: format!("Ack, I have {}.", roles_of(drill, me)),
        },
        Deed::Post(ChannelKind::Executive) => Command::Say {
            channel: Channel::Executive,
            kind: MessageKind::StatusUpdate,
            text: format!(
                "Update at {}: {}. The team is on it; next update within 15 minutes.",
                clock(now),
                situation(drill)
            ),
        },
        Deed::EditIsd(section) => Command::EditIsd {
            section,
            text: isd_text(section, drill),
        },
        Deed::StatusPost(states) => {
            let state = match states {
                StatusStates::Open => StatusState::Investigating,
                StatusStates::Progress => StatusState::Monitoring,
                StatusStates::Resolved => StatusState::Resolved,
            };
            let resolved = state == StatusState::Resolved;
            Command::PostStatus {
                state,
                impact: if resolved {
                    "None. Sign-in works normally again.".into()
                } else {
                    "Some customers cannot sign in to the web and mobile apps; customers already signed in can trade.".into()
                },
                components: crate::lenses::compose::affected_components(drill),
                next_update: (!resolved).then_some(Dur(15 * MINUTE)),
                text: if resolved {
                    "This incident is resolved. No orders or account data were lost.".into()
                } else {
                    "We are working on it and will update this page.".into()
                },
            }
        }
        Deed::AckAlert => Command::AckAlert(first_page(drill).unwrap_or_default()),
        Deed::Declare => Command::Declare(drill.scenario().severity),
        Deed::Assign(seat) => {
            let role = seat.role().unwrap_or(Role::Scribe);
            Command::Assign {
                to: seated(drill, seat),
                briefing: format!(
                    "{}. You are {}: {}",
                    situation(drill),
                    role.label(),
                    crate::lenses::doctrine::card(seat)
                        .first()
                        .copied()
                        .unwrap_or_default()
                ),
                role,
            }
        }
        Deed::Order => {
            let ol = drill
                .people()
                .holder(&Role::OL)
                .unwrap_or_default()
                .to_string();
            let component = first_page_component(drill).unwrap_or_default();
            Command::Order {
                text: format!("@{ol} find out what is wrong with {component}; report back in 10m"),
                to: Some(ol),
                task: Task::Investigate(component),
                timebox: Some(Dur(10 * MINUTE)),
            }
        }
        Deed::Decide => Command::Decide(format!("Approved: {}", last_proposal(drill))),
        Deed::Handoff(seat) => Command::Handoff {
            role: seat.role().unwrap_or(Role::IC),
            to: seasoned_commander(drill).unwrap_or_default(),
            briefing: format!(
                "Situation: {}. Objectives: restore sign-in, then fix the cause. Organisation: OL {}, CL {}, scribe {}. Tasks in flight: see the ISD, the OL reports every 10 minutes. Pending decisions: none. External commitments: status update due, executives updated. Risks: no restarts of the sign-in service.",
                situation(drill),
                holder_name(drill, Role::OL),
                holder_name(drill, Role::CL),
                holder_name(drill, Role::Scribe),
            ),
        },
    }
}

fn roles_of(drill: &Drill, me: &str) -> String {
    let roles: Vec<String> = drill
        .people()
        .roles_of(me)
        .iter()
        .map(Role::label)
        .collect();
    if roles.is_empty() {
        "my role".into()
    } else {
        roles.join(" and ")
    }
}

fn holder_name(drill: &Drill, role: Role) -> String {
    let people = drill.people();
    people
        .holder(&role)
        .and_then(|id| people.get(id))
        .map_or_else(|| "unstaffed".into(), |p| p.name.clone())
}

fn seated(drill: &Drill, seat: Seat) -> String {
    drill
        .people()
        .list
        .iter()
        .find(|p| p.seat == Some(seat))
        .map_or_else(String::new, |p| p.id.clone())
}

fn seasoned_commander(drill: &Drill) -> Option<String> {
    drill
        .people()
        .list
        .iter()
        .find(|p| p.present && p.has(Trait::SeasonedIc))
        .map(|p| p.id.clone())
}

fn pages(drill: &Drill) -> impl Iterator<Item = (&String, &String)> {
    drill.log().iter().filter_map(|e| match &e.event {
        Event::AlertFired {
            alert,
            component,
            severity: AlertSeverity::Page,
            ..
        } => Some((alert, component)),
        _ => None,
    })
}

fn first_page(drill: &Drill) -> Option<String> {
    pages(drill).next().map(|(alert, _)| alert.clone())
}

fn first_page_component(drill: &Drill) -> Option<String> {
    pages(drill).next().map(|(_, component)| component.clone())
}

fn last_proposal(drill: &Drill) -> String {
    drill
        .messages()
        .iter()
        .rev()
        .find(|m| m.kind == MessageKind::Proposal)
        .map_or_else(String::new, |m| m.text.clone())
}

fn situation(drill: &Drill) -> String {
    let state = if drill
        .log()
        .iter()
        .any(|e| e.event == Event::IncidentResolved)
    {
        "resolved"
    } else if drill
        .log()
        .iter()
        .any(|e| e.event == Event::IncidentMitigated)
    {
        "mitigated, monitoring"
    } else {
        "customers affected, under investigation"
    };
    format!(
        "{} {:?}: {state}",
        drill.scenario().title,
        drill.scenario().severity
    )
}

fn isd_text(section: IsdSection, drill: &Drill) -> String {
    let now = clock(drill.now());
    match section {
        IsdSection::Timeline => {
            let last = drill.log().iter().rev().find_map(|e| match &e.event {
                Event::IncidentResolved => Some("incident resolved".to_string()),
                Event::IncidentMitigated => Some("incident mitigated".to_string()),
                Event::Declared { by, severity } => Some(format!("{severity:?} declared by {by}")),
                _ => None,
            });
            format!("{now} {}", last.unwrap_or_else(|| "noted".into()))
        }
        IsdSection::ActionsInFlight => {
            let open: Vec<String> = drill
                .orders()
                .iter()
                .filter(|o| o.is_open() && o.task != Task::StandBy)
                .map(|o| {
                    format!(
                        "{}: {}",
                        o.to.as_deref().unwrap_or("unassigned"),
                        o.task.describe()
                    )
                })
                .collect();
            format!("{now} {}", open.join("; "))
        }
        IsdSection::Decisions => {
            let decision = drill
                .messages()
                .iter()
                .rev()
                .find(|m| m.kind == MessageKind::Decision)
                .map_or_else(String::new, |m| format!("{} ({})", m.text, m.from));
            format!("{now} {decision}")
        }
        _ => situation(drill),
    }
}
