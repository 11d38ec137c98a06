//! Property tests: random command streams against every scenario never panic
//! and never let anyone outside the Operations chain change production.

use std::collections::{BTreeMap, BTreeSet};

use firedrill::base::time::Dur;
use firedrill::run::Simulation;
use firedrill::scenario::{ActionKind, LoadedScenario, Role, Scenario, Seat, Severity};
use firedrill::world::comms::{Channel, IsdSection, MessageKind, StatusState};
use firedrill::world::{Command, Drill, Event, HumanSpec, Input, Task};
use proptest::prelude::*;

use super::common::scenarios;

fn team() -> Vec<HumanSpec> {
    [
        ("ana", Seat::IC),
        ("ben", Seat::OL),
        ("cleo", Seat::Responder),
        ("dan", Seat::Observer),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (id, seat))| HumanSpec {
        id: id.into(),
        name: id.into(),
        seat,
        joins: Dur(i as u32 * 30),
    })
    .collect()
}

fn pick(list: &[String], n: u64) -> &str {
    if list.is_empty() {
        "nothing"
    } else {
        &list[(n % list.len() as u64) as usize]
    }
}

/// Builds a command from random numbers, mostly with ids that exist, sometimes garbage.
fn command(s: &Scenario, people: &[String], kind: u8, n: u64) -> Command {
    let actions: Vec<String> = s.actions.iter().map(|a| a.id.clone()).collect();
    let components: Vec<String> = s.components.iter().map(|c| c.id.clone()).collect();
    let alerts: Vec<String> = s.alerts.iter().map(|a| a.id.clone()).collect();
    let roles = [
        Role::IC,
        Role::OL,
        Role::CL,
        Role::PL,
        Role::Scribe,
        Role::Observer,
        Role::TeamLead("db".into()),
    ];
    let role = roles[(n % roles.len() as u64) as usize].clone();
    let who = pick(people, n >> 8).to_string();
    match kind % 20 {
        0 => Command::AckAlert(pick(&alerts, n).into()),
        1 => Command::Declare([Severity::Sev1, Severity::Sev2, Severity::Sev3][(n % 3) as usize]),
        2 => Command::Assign {
            role,
            to: who,
            briefing: "brief".into(),
        },
        3 => Command::Handoff {
            role,
            to: who,
            briefing: String::new(),
        },
        4 => Command::AcceptHandoff(role),
        5 => Command::Release(role),
        6 => Command::CreateTeam {
            team: ["db", "ops", "Bad Name", ""][(n % 4) as usize].into(),
            lead: who,
        },
        7 => Command::JoinTeam {
            team: ["db", "ops"][(n % 2) as usize].into(),
            person: who,
        },
        8 => Command::Say {
            channel: [
                Channel::CommandPost,
                Channel::Executive,
                Channel::Team("db".into()),
                Channel::direct("ana", &who),
            ][(n % 4) as usize]
                .clone(),
            kind: MessageKind::Chat,
            text: format!("@{who} can someone look {n}"),
        },
        9 => Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Order,
            text: format!("@{who} do it in {}m", n % 30),
        },
        10 => Command::Order {
            to: (!n.is_multiple_of(3)).then_some(who),
            task: [
                Task::Run(pick(&actions, n).into()),
                Task::Investigate(pick(&components, n).into()),
                Task::StandBy,
                Task::Free("x y".into()),
            ][(n % 4) as usize]
                .clone(),
            timebox: n.is_multiple_of(2).then_some(Dur((n % 900) as u32)),
            text: String::new(),
        },
        11 => Command::Ack,
        12 => Command::Report {
            to: Some(who),
            conditions: "c".into(),
            actions: "a".into(),
            needs: "n".into(),
            channel: None,
        },
        13 => Command::Propose(format!("do {n}")),
        14 => Command::Decide("go".into()),
        15 | 16 => Command::Run(if n.is_multiple_of(7) {
            "no-such-action".into()
        } else {
            pick(&actions, n).into()
        }),
        17 => Command::PostStatus {
            state: [StatusState::Investigating, StatusState::Resolved][(n % 2) as usize],
            impact: if n.is_multiple_of(5) {
                String::new()
            } else {
                "impact".into()
            },
            components: vec![],
            next_update: Some(Dur(600)),
            text: String::new(),
        },
        18 => Command::EditIsd {
            section: IsdSection::ALL[(n % 8) as usize],
            text: if n.is_multiple_of(6) {
                " ".into()
            } else {
                "text".into()
            },
        },
        _ => Command::Close,
    }
}

/// Replays the log's role and team events to know, at each event, who is in the
/// Operations chain; checks every production change against it.
fn assert_no_change_outside_the_ops_chain(drill: &Drill) {
    let s = drill.scenario();
    let mut explicit: BTreeMap<Role, String> = BTreeMap::new();
    let mut teams: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Orders given from inside the Operations chain: message id -> (owner, task).
    let mut ops_orders: BTreeMap<u32, (Option<String>, Option<Task>)> = BTreeMap::new();
    let in_chain = |explicit: &BTreeMap<Role, String>,
                    teams: &BTreeMap<String, BTreeSet<String>>,
                    who: &str| {
        let ol = explicit.get(&Role::OL).or_else(|| explicit.get(&Role::IC));
        ol.is_some_and(|ol| ol == who) || teams.values().any(|m| m.contains(who))
    };
    for entry in drill.log() {
        match &entry.event {
            Event::RoleAssigned { role, to, .. } | Event::HandoffAccepted { role, to, .. } => {
                explicit.insert(role.clone(), to.clone());
            }
            Event::RoleReleased { role, .. } => {
                explicit.remove(role);
            }
            Event::TeamCreated {
                team, lead: who, ..
            }
            | Event::TeamJoined { team, who, .. } => {
                for members in teams.values_mut() {
                    members.remove(who);
                }
                teams.entry(team.clone()).or_default().insert(who.clone());
            }
            Event::TeamLeft { team, who } => {
                teams.entry(team.clone()).or_default().remove(who);
            }
            Event::Posted(m)
                if m.kind == MessageKind::Order && in_chain(&explicit, &teams, &m.from) =>
            {
                ops_orders.insert(m.id, (m.mentions.first().cloned(), m.task.clone()));
            }
            Event::ActionStarted {
                by, action, order, ..
            } => {
                let remediation = s
                    .actions
                    .iter()
                    .any(|a| &a.id == action && a.kind == ActionKind::Remediation);
                let ordered = order
                    .and_then(|o| ops_orders.get(&o))
                    .is_some_and(|(to, task)| {
                        to.as_deref() == Some(by.as_str())
                            && *task == Some(Task::Run(action.clone()))
                    });
                assert!(
                    !remediation || in_chain(&explicit, &teams, by) || ordered,
                    "{by} changed production with `{action}` at {} from outside the Operations chain",
                    entry.at
                );
            }
            _ => {}
        }
    }
}

fn run(loaded: &LoadedScenario, stream: &[(u16, u8, u8, u64)]) -> Simulation {
    let mut drill = Simulation::new(loaded.scenario.clone(), 11, &team());
    let mut people: Vec<String> = drill.people().list.iter().map(|p| p.id.clone()).collect();
    people.push("ghost".into());
    let mut at = 0u32;
    let mut pending: BTreeMap<u32, Vec<Input>> = BTreeMap::new();
    for &(gap, who, kind, n) in stream {
        at += u32::from(gap);
        let by = pick(&people, u64::from(who)).to_string();
        pending.entry(at).or_default().push(Input {
            by,
            command: command(&loaded.scenario, &people, kind, n),
        });
    }
    let horizon = at + 600;
    while !drill.is_over() && drill.now() <= horizon {
        let inputs = pending.remove(&drill.now()).unwrap_or_default();
        drill.step(&inputs);
    }
    drill
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_never_panic_nor_bypass_the_ops_chain(
        scenario_index in 0usize..16,
        stream in prop::collection::vec((0u16..120, any::<u8>(), any::<u8>(), any::<u64>()), 0..80),
    ) {
        let all = scenarios();
        let loaded = &all[scenario_index % all.len()];
        let drill = run(loaded, &stream);
        assert_no_change_outside_the_ops_chain(&drill);
    }
}
