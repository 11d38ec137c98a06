//! Command scripts: a team and the commands its people issue at given drill
//! times. Used by `firedrill play`, by tests and by the app's autopilot.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::base::diagnostic::{Diagnostic, Diagnostics, Source, did_you_mean, ron_options};
use crate::base::time::{Dur, Tick};
use crate::scenario::{Scenario, Seat, validate::valid_id};
use crate::world::{Command, HumanSpec, Input, Task};

/// A scripted team and its commands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub title: String,
    /// Id of the scenario the script was written for.
    pub scenario: String,
    pub team: Vec<HumanSpec>,
    pub commands: Vec<ScriptCommand>,
}

/// One timed command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptCommand {
    pub at: Dur,
    pub by: String,
    #[serde(rename = "do")]
    pub command: Command,
    /// Once its time has come, wait for this too (instead of guessing when
    /// it will have happened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Wait>,
}

impl ScriptCommand {
    fn input(&self) -> Input {
        Input {
            by: self.by.clone(),
            command: self.command.clone(),
        }
    }
}

/// What a scripted command can wait for once its time has come. It lands at
/// the first second, from its time on, that opens with the wait over; the
/// same person's later commands wait behind it (a script reads top to
/// bottom), then land at their own time or at once if it has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wait {
    /// The latest proposal has been decided (by whoever holds IC: a script
    /// that handed command to a simulated IC waits for its decision).
    Decided,
}

impl Wait {
    /// Whether the wait is over, by the drill's threads of talk.
    pub fn over(self, threads: &crate::world::threads::Threads) -> bool {
        match self {
            Wait::Decided => threads.last_proposal.is_some() && threads.open_proposal().is_none(),
        }
    }
}

impl Script {
    /// The script's inputs for the second `tick`, which opens on `threads`,
    /// in file order. `waiting` holds the commands whose time has come and
    /// that have not landed (indices, in file order): it takes in those
    /// whose time is `tick` and lets go of those that land.
    pub fn due(
        &self,
        tick: Tick,
        waiting: &mut Vec<usize>,
        threads: &crate::world::threads::Threads,
    ) -> Vec<Input> {
        waiting.extend(
            self.commands
                .iter()
                .enumerate()
                .filter(|(_, c)| c.at.0 == tick)
                .map(|(i, _)| i),
        );
        let mut blocked: BTreeSet<&str> = BTreeSet::new();
        let mut due = Vec::new();
        waiting.retain(|&i| {
            let c = &self.commands[i];
            if blocked.contains(c.by.as_str()) {
                return true;
            }
            if c.after.is_some_and(|w| !w.over(threads)) {
                blocked.insert(&c.by);
                return true;
            }
            due.push(c.input());
            false
        });
        due
    }

    /// The commands of a recording resumed at `tick` still waiting then:
    /// each person's commands land in file order, so those past as many as
    /// the person's recorded inputs before `tick` are the waiting ones.
    pub fn still_waiting(&self, tick: Tick, recorded: &[(Tick, Input)]) -> Vec<usize> {
        let mut landed: std::collections::BTreeMap<&str, usize> = Default::default();
        for (_, input) in recorded.iter().filter(|(at, _)| *at < tick) {
            *landed.entry(input.by.as_str()).or_default() += 1;
        }
        let mut waiting = Vec::new();
        for (i, c) in self
            .commands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.at.0 < tick)
        {
            match landed.get_mut(c.by.as_str()) {
                Some(n) if *n > 0 => *n -= 1,
                _ => waiting.push(i),
            }
        }
        waiting
    }

    /// A script with no humans: simulated people hold every seat.
    pub fn empty(scenario: &str) -> Script {
        Script {
            title: "No humans: simulated people in every seat".into(),
            scenario: scenario.into(),
            team: vec![],
            commands: vec![],
        }
    }
}

/// Reads and checks a script against the scenario it will drive.
pub fn load(path: &Path, scenario: &Scenario) -> Result<Script, Diagnostics> {
    let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
    parse(&source, scenario).map_err(Diagnostics)
}

/// Reads a script without a scenario to check it against (a bot's: the
/// host checks every command it sends).
pub fn read(path: &Path) -> Result<Script, Diagnostics> {
    let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
    ron_options()
        .from_str(&source.text)
        .map_err(|e| Diagnostics(vec![source.ron_error(&e)]))
}

/// Reads the people a team file lists, `[(id: "ana", name: "Ana", seat: IC), …]`,
/// or a script's team, checked against the scenario.
pub fn load_team(path: &Path, scenario: &Scenario) -> Result<Vec<HumanSpec>, Diagnostics> {
    let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
    if first_word(&source.text).starts_with("Script") {
        return parse(&source, scenario)
            .map(|s| s.team)
            .map_err(Diagnostics);
    }
    let team: Vec<HumanSpec> = ron_options()
        .from_str(&source.text)
        .map_err(|e| Diagnostics(vec![source.ron_error(&e)]))?;
    let errors: Vec<Diagnostic> = team_problems(&team, scenario)
        .into_iter()
        .map(|(index, problem)| {
            let at = source.find_definition(&team[index].id).unwrap_or(0);
            source.at(at, problem.message, Some(problem.hint))
        })
        .collect();
    if errors.is_empty() {
        Ok(team)
    } else {
        Err(Diagnostics(errors))
    }
}

/// The text from its first word on, past white space and comments.
fn first_word(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return text;
        }
    }
}

/// Parses and checks script text.
pub fn parse(source: &Source, scenario: &Scenario) -> Result<Script, Vec<Diagnostic>> {
    let script: Script = ron_options()
        .from_str(&source.text)
        .map_err(|e| vec![source.ron_error(&e)])?;
    let errors = check(&script, scenario, source);
    if errors.is_empty() {
        Ok(script)
    } else {
        Err(errors)
    }
}

/// Something wrong with a team member: what, and how to fix it.
pub struct TeamProblem {
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for TeamProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.hint)
    }
}

/// Checks a team (of a script or a session) against its scenario: valid and
/// unique ids, none shared with the scenario's people, one person per staffed
/// seat, joining inside the drill. Returns (member index, problem) pairs.
pub fn team_problems(team: &[HumanSpec], scenario: &Scenario) -> Vec<(usize, TeamProblem)> {
    let mut problems = Vec::new();
    let mut problem = |index: usize, message: String, hint: &str| {
        problems.push((
            index,
            TeamProblem {
                message,
                hint: hint.to_string(),
            },
        ));
    };
    let mut ids = BTreeSet::new();
    let mut seats = BTreeSet::new();
    for (index, member) in team.iter().enumerate() {
        if !valid_id(&member.id) {
            problem(
                index,
                format!("team id `{}` is not a valid id", member.id),
                "lowercase letters, digits and `-` (it is typed as @id)",
            );
        }
        let taken = scenario.responders.iter().any(|r| r.id == member.id)
            || scenario.executives.iter().any(|x| x.id == member.id)
            || crate::scenario::stand_ins::is_seat_npc(&member.id)
            || member.id == crate::world::GAME_MASTER;
        if !ids.insert(member.id.clone()) || taken {
            problem(
                index,
                format!("id `{}` is already taken", member.id),
                "each person needs their own id, distinct from the scenario's responders and executives",
            );
        }
        if Seat::STAFFED.contains(&member.seat) && !seats.insert(member.seat) {
            problem(
                index,
                format!("two people take the {:?} seat", member.seat),
                "one person per staffed seat; others can be Responder or Observer",
            );
        }
        if member.joins.0 > scenario.time_limit {
            problem(
                index,
                format!("`{}` joins after the drill ends", member.id),
                "join inside the time limit",
            );
        }
    }
    problems
}

fn check(script: &Script, scenario: &Scenario, source: &Source) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut e = |offset: usize, message: String, hint: String| {
        errors.push(source.at(offset, message, Some(hint)))
    };
    if script.scenario != scenario.id {
        e(
            source.find_key("scenario", 0).unwrap_or(0),
            format!(
                "script is for scenario `{}`, not `{}`",
                script.scenario, scenario.id
            ),
            "play it with its own scenario, or change `scenario:`".into(),
        );
    }
    for (index, problem) in team_problems(&script.team, scenario) {
        let at = source.find_definition(&script.team[index].id).unwrap_or(0);
        e(at, problem.message, problem.hint);
    }
    let people: Vec<&str> = script
        .team
        .iter()
        .map(|m| m.id.as_str())
        .chain(scenario.responders.iter().map(|r| r.id.as_str()))
        .chain(crate::scenario::stand_ins::SEAT_NPC_IDS)
        .chain(script.commands.iter().filter_map(|c| match &c.command {
            Command::AddResponder { id, .. } => Some(id.as_str()),
            _ => None,
        }))
        .collect();
    let actions: Vec<&str> = scenario.actions.iter().map(|a| a.id.as_str()).collect();
    let components: Vec<&str> = scenario.components.iter().map(|c| c.id.as_str()).collect();
    let alerts: Vec<&str> = scenario.alerts.iter().map(|a| a.id.as_str()).collect();
    let mut search_from = source.find_key("commands", 0).unwrap_or(0);
    let mut previous = 0;
    for command in &script.commands {
        let here = source
            .find_quoted(&command.by, search_from)
            .unwrap_or(search_from);
        search_from = here + 1;
        if command.at.0 < previous {
            e(
                here,
                "commands are out of time order".into(),
                "list commands by increasing `at`".into(),
            );
        }
        previous = command.at.0;
        if command.at.0 >= scenario.time_limit {
            e(
                here,
                format!(
                    "command at {} is after the drill's time limit",
                    crate::base::time::format_duration(command.at.0)
                ),
                "move it earlier".into(),
            );
        }
        let game_master = command.by == crate::world::GAME_MASTER;
        if game_master != command.command.is_instructor() {
            e(
                here,
                if game_master {
                    "the game master (\"gm\") only injects, adds or removes responders and pins notes".into()
                } else {
                    format!("`{}` cannot issue an instructor command", command.by)
                },
                format!(
                    "instructor commands (TriggerInject, CustomInject, AddResponder, RemoveResponder, Note) are issued by \"{}\"",
                    crate::world::GAME_MASTER
                ),
            );
        } else if !game_master && !script.team.iter().any(|m| m.id == command.by) {
            let hint = did_you_mean(&command.by, script.team.iter().map(|m| m.id.as_str()))
                .map_or("only the script's team issues commands".into(), |b| {
                    format!("did you mean \"{b}\"?")
                });
            e(
                here,
                format!("`{}` is not on the script's team", command.by),
                hint,
            );
        }
        let mut reference = |kind: &str, id: &str, known: &[&str]| {
            if !known.contains(&id) {
                let hint = did_you_mean(id, known.iter().copied())
                    .map_or(format!("known {kind}s: {}", known.join(", ")), |b| {
                        format!("did you mean \"{b}\"?")
                    });
                e(
                    source.find_quoted(id, here).unwrap_or(here),
                    format!("unknown {kind} \"{id}\""),
                    hint,
                );
            }
        };
        match &command.command {
            Command::AckAlert(a) => reference("alert", a, &alerts),
            Command::Run(a) => reference("action", a, &actions),
            Command::Assign { to, .. } | Command::Handoff { to, .. } => {
                reference("person", to, &people)
            }
            Command::CreateTeam { lead, .. } => reference("person", lead, &people),
            Command::JoinTeam { person, .. } => reference("person", person, &people),
            Command::Order { to, task, .. } => {
                if let Some(to) = to {
                    reference("person", to, &people);
                }
                match task {
                    Task::Run(a) => reference("action", a, &actions),
                    Task::Investigate(c) => reference("component", c, &components),
                    Task::StandBy | Task::Free(_) => {}
                }
            }
            Command::Report { to: Some(to), .. } => reference("person", to, &people),
            Command::RemoveResponder(id) => reference("person", id, &people),
            Command::TriggerInject(index) if *index >= scenario.injects.len() => e(
                here,
                format!(
                    "there is no inject #{index}: the scenario has {}",
                    scenario.injects.len()
                ),
                "injects are numbered from 0 in time order".into(),
            ),
            _ => {}
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny;

    fn parse_text(text: &str) -> Result<Script, Vec<Diagnostic>> {
        parse(
            &Source {
                file: "s.ron".into(),
                text: text.into(),
            },
            &tiny(),
        )
    }

    #[test]
    fn a_command_that_waits_for_a_decision_holds_up_its_persons_later_ones() {
        let script = parse_text(r#"Script(title: "t", scenario: "tiny", team: [(id: "ana", name: "Ana", seat: IC), (id: "ben", name: "Ben", seat: OL)],
            commands: [
                (at: "1m", by: "ben", do: Propose("Fail over the database")),
                (at: "1m", by: "ben", do: Order(to: "raj", task: Run("free"), timebox: "5m"), after: Decided),
                (at: "1m10s", by: "ben", do: Ack),
                (at: "1m10s", by: "ana", do: Ack),
            ])"#).unwrap();
        let mut threads = crate::world::threads::Threads::default();
        let mut waiting = Vec::new();
        let by = |inputs: Vec<Input>| inputs.into_iter().map(|i| i.by).collect::<Vec<_>>();
        assert_eq!(
            by(script.due(60, &mut waiting, &threads)),
            ["ben"],
            "the proposal"
        );
        // Nothing proposed yet in the threads: the order waits, and Ben's ack behind it.
        assert_eq!(by(script.due(70, &mut waiting, &threads)), ["ana"]);
        assert_eq!(waiting, [1, 2]);
        let proposal = crate::world::comms::Message {
            id: 1,
            at: 60,
            from: "ben".into(),
            channel: crate::world::comms::Channel::CommandPost,
            kind: crate::world::comms::MessageKind::Proposal,
            text: "Fail over".into(),
            mentions: vec![],
            due: None,
            reply_to: None,
            task: None,
            report: None,
        };
        threads.record(&proposal, true);
        assert!(
            script.due(80, &mut waiting, &threads).is_empty(),
            "proposed, not decided"
        );
        let decision = crate::world::comms::Message {
            id: 2,
            kind: crate::world::comms::MessageKind::Decision,
            reply_to: Some(1),
            ..proposal
        };
        threads.record(&decision, true);
        let landed = script.due(90, &mut waiting, &threads);
        assert_eq!(
            by(landed.clone()),
            ["ben", "ben"],
            "the order, then the ack behind it"
        );
        assert!(matches!(landed[0].command, Command::Order { .. }));
        assert!(waiting.is_empty());
        // A recording resumed later knows what still waited.
        let ack = |by: &str| Input {
            by: by.into(),
            command: Command::Ack,
        };
        let recorded = vec![(60, ack("ben")), (70, ack("ana"))];
        assert_eq!(script.still_waiting(80, &recorded), [1, 2]);
    }

    #[test]
    fn scripts_parse_and_hand_out_inputs_by_tick() {
        let script = parse_text(r#"Script(title: "t", scenario: "tiny", team: [(id: "ana", name: "Ana", seat: IC)],
            commands: [(at: "1m", by: "ana", do: Declare(Sev2)), (at: "1m", by: "ana", do: Order(to: "raj", task: Run("look"), timebox: "5m")), (at: "2m", by: "ana", do: Ack)])"#).unwrap();
        let threads = crate::world::threads::Threads::default();
        let mut waiting = Vec::new();
        assert_eq!(script.due(60, &mut waiting, &threads).len(), 2);
        assert_eq!(script.due(61, &mut waiting, &threads).len(), 0);
        assert_eq!(
            script.due(120, &mut waiting, &threads)[0].command,
            Command::Ack
        );
        assert!(waiting.is_empty());
    }

    #[test]
    fn scripts_are_checked_against_their_scenario() {
        let errors = parse_text(r#"Script(title: "t", scenario: "other", team: [(id: "ana", name: "Ana", seat: IC), (id: "ana", name: "A2", seat: IC), (id: "raj", name: "R", seat: OL)],
            commands: [(at: "5m", by: "ana", do: Run("lok")), (at: "1m", by: "bob", do: Ack), (at: "2h", by: "ana", do: Ack)])"#).unwrap_err();
        let text: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
        for wanted in [
            "not `tiny`",
            "`ana` is already taken",
            "two people take the IC seat",
            "`raj` is already taken",
            "did you mean \"look\"",
            "out of time order",
            "`bob` is not on the script's team",
            "after the drill's time limit",
        ] {
            assert!(
                text.iter().any(|t| t.contains(wanted)),
                "missing `{wanted}` in {text:#?}"
            );
        }
    }
}
