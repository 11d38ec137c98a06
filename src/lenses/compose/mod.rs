//! The chat composer's language: what a trainee types becomes a `Command`.
//! Plain text is a message of the chosen kind; a leading `/` is a slash
//! command (`/order @ana fail over orders-db 5m`). Pure, so the app and its
//! tests share it.

use crate::base::diagnostic::did_you_mean;
use crate::base::time::{Dur, parse_duration, timebox_in};
use crate::scenario::{Role, Scenario, Severity};
use crate::world::comms::{Channel, MessageKind, Task};
use crate::world::{Command, People};

/// The slash commands, for help and completion.
pub const SLASH_COMMANDS: [(&str, &str); 17] = [
    (
        "/declare",
        "/declare SEV1 — declare the incident; you take command",
    ),
    (
        "/assign",
        "/assign @name OL|CL|PL|scribe|observer [briefing]",
    ),
    ("/handoff", "/handoff @name ROLE briefing — offer your role"),
    ("/accept", "/accept ROLE — take a role offered to you"),
    ("/release", "/release ROLE — give a role back to the IC"),
    (
        "/order",
        "/order @name task 10m — an order with owner, task and time box",
    ),
    (
        "/standby",
        "/standby @name — hands off production until given a task",
    ),
    ("/ack", "/ack — acknowledge your latest order"),
    (
        "/report",
        "/report [@name] C: … A: … N: … — conditions, actions, needs",
    ),
    ("/propose", "/propose text — put a decision to the room"),
    ("/decide", "/decide text — record a decision (IC)"),
    (
        "/run",
        "/run action-id — run a diagnostic or remediation yourself",
    ),
    (
        "/team",
        "/team NAME @lead — form a team; /team NAME +@name adds someone",
    ),
    (
        "/status",
        "/status investigating|identified|monitoring|resolved impact … [next 20m]",
    ),
    (
        "/isd",
        "/isd SECTION text — edit the ISD (summary, status, impact, timeline…)",
    ),
    (
        "/ackalert",
        "/ackalert alert-id — acknowledge a firing alert",
    ),
    ("/close", "/close — close a resolved incident (IC)"),
];

/// What the composer needs to know to turn text into a command.
pub struct Context<'a> {
    pub scenario: &'a Scenario,
    pub people: &'a People,
    /// The channel the composer is posting to.
    pub channel: Channel,
    /// The message kind chosen with the kind buttons.
    pub kind: MessageKind,
    /// Public names of the components a `/status` post lists (see `affected_components`).
    pub affected: Vec<String>,
}

/// What a `/status` post lists: the customer-facing components impaired now,
/// or (once all is well again) those the last post listed.
pub fn affected_components(drill: &crate::world::Drill) -> Vec<String> {
    let impaired: Vec<String> = drill
        .scenario()
        .components
        .iter()
        .zip(&drill.platform().health)
        .filter(|(c, h)| c.customers.is_some() && **h != crate::world::Health::Healthy)
        .map(|(c, _)| c.name.clone())
        .collect();
    if impaired.is_empty() {
        drill
            .status_posts()
            .last()
            .map(|p| p.components.clone())
            .unwrap_or_default()
    } else {
        impaired
    }
}

/// Parses one line from the composer.
pub fn parse(input: &str, cx: &Context) -> Result<Command, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("type a message, or / for commands".into());
    }
    let Some(rest) = input.strip_prefix('/') else {
        return Ok(Command::Say {
            channel: cx.channel.clone(),
            kind: cx.kind,
            text: input.to_string(),
        });
    };
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let args = args.trim();
    match word.to_lowercase().as_str() {
        "declare" => Ok(Command::Declare(severity(args)?)),
        "assign" => {
            let (to, rest) = person(args, cx)?;
            let (role, briefing) = role(rest)?;
            Ok(Command::Assign {
                role,
                to,
                briefing: briefing.to_string(),
            })
        }
        "handoff" => {
            let (to, rest) = person(args, cx)?;
            let (role, briefing) = role(rest)?;
            if briefing.is_empty() {
                return Err("a handoff needs a briefing: situation, objectives, organisation, tasks, decisions, commitments, risks".into());
            }
            Ok(Command::Handoff {
                role,
                to,
                briefing: briefing.to_string(),
            })
        }
        "accept" => Ok(Command::AcceptHandoff(role(args)?.0)),
        "release" => Ok(Command::Release(role(args)?.0)),
        "order" => order(args, cx),
        "standby" => {
            let (to, _) = person(args, cx)?;
            let text = format!("@{to} stand by, hands off production until you get a task");
            Ok(Command::Order {
                to: Some(to),
                task: Task::StandBy,
                timebox: None,
                text,
            })
        }
        "ack" => Ok(Command::Ack),
        "report" => report(args, cx),
        "propose" if !args.is_empty() => Ok(Command::Propose(args.to_string())),
        "decide" if !args.is_empty() => Ok(Command::Decide(args.to_string())),
        "propose" | "decide" => Err(format!("/{word} needs the text of the decision")),
        "run" => {
            let id = args
                .split_whitespace()
                .next()
                .ok_or("/run needs an action id")?;
            known(
                id,
                cx.scenario.actions.iter().map(|a| a.id.as_str()),
                "action",
            )
            .map(|a| Command::Run(a.to_string()))
        }
        "team" => team(args, cx),
        "status" => status(args, &cx.affected),
        "isd" => isd(args),
        "ackalert" => {
            let id = args
                .split_whitespace()
                .next()
                .ok_or("/ackalert needs an alert id")?;
            known(
                id,
                cx.scenario.alerts.iter().map(|a| a.id.as_str()),
                "alert",
            )
            .map(|a| Command::AckAlert(a.to_string()))
        }
        "close" => Ok(Command::Close),
        other => {
            let names = SLASH_COMMANDS.iter().map(|(name, _)| &name[1..]);
            let hint = did_you_mean(other, names)
                .map(|b| format!("; did you mean /{b}?"))
                .unwrap_or_default();
            Err(format!("unknown command /{other}{hint} (F1 lists them)"))
        }
    }
}

fn known<'a>(
    id: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
    kind: &str,
) -> Result<&'a str, String> {
    let wanted = id.to_lowercase();
    if let Some(found) = ids.clone().find(|i| *i == wanted) {
        return Ok(found);
    }
    let hint = did_you_mean(&wanted, ids)
        .map(|b| format!("; did you mean {b}?"))
        .unwrap_or_default();
    Err(format!("no {kind} `{id}`{hint}"))
}

fn severity(args: &str) -> Result<Severity, String> {
    match args.trim().to_lowercase().replace(' ', "").as_str() {
        "sev1" | "1" => Ok(Severity::Sev1),
        "sev2" | "2" | "" => Ok(Severity::Sev2),
        "sev3" | "3" => Ok(Severity::Sev3),
        other => Err(format!("`{other}` is not a severity: SEV1, SEV2 or SEV3")),
    }
}

/// The leading `@name` of `args` resolved to a participant id, and the rest.
fn person<'a>(args: &'a str, cx: &Context) -> Result<(String, &'a str), String> {
    let (first, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let name = first.strip_prefix('@').ok_or("name someone with @name")?;
    Ok((resolve_person(name, cx.people)?, rest.trim()))
}

/// `@Ana`, `@ana` or `@ana-sousa`: an id or a first name, any case.
pub fn resolve_person(name: &str, people: &People) -> Result<String, String> {
    let wanted = name.trim_end_matches([',', ':', '.']).to_lowercase();
    let found = people.list.iter().find(|p| p.id == wanted).or_else(|| {
        people.list.iter().find(|p| {
            p.name
                .split_whitespace()
                .next()
                .is_some_and(|first| first.to_lowercase() == wanted)
        })
    });
    match found {
        Some(p) => Ok(p.id.clone()),
        None => {
            let ids = people.list.iter().map(|p| p.id.as_str());
            let hint = did_you_mean(&wanted, ids)
                .map(|b| format!("; did you mean @{b}?"))
                .unwrap_or_default();
            Err(format!("nobody called @{name}{hint}"))
        }
    }
}

/// Mention completions for a partial `@na`: ids whose id or name starts with it.
pub fn complete_mention(partial: &str, people: &People) -> Vec<String> {
    let wanted = partial.trim_start_matches('@').to_lowercase();
    let mut ids: Vec<String> = people
        .list
        .iter()
        .filter(|p| {
            p.present && (p.id.starts_with(&wanted) || p.name.to_lowercase().starts_with(&wanted))
        })
        .map(|p| p.id.clone())
        .collect();
    ids.sort();
    ids
}

fn role(args: &str) -> Result<(Role, &str), String> {
    let (first, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let role = match first.to_lowercase().as_str() {
        "ic" => Role::IC,
        "ol" | "ops" => Role::OL,
        "cl" | "comms" => Role::CL,
        "pl" => Role::PL,
        "scribe" => Role::Scribe,
        "observer" => Role::Observer,
        "" => return Err("name a role: IC, OL, CL, PL, scribe or observer".into()),
        other => {
            return Err(format!(
                "`{other}` is not a role: IC, OL, CL, PL, scribe or observer"
            ));
        }
    };
    Ok((role, rest.trim()))
}

fn order(args: &str, cx: &Context) -> Result<Command, String> {
    let (to, rest) = person(args, cx)?;
    let timebox = timebox_in(rest);
    // The time box is not part of the task: drop its words from the end.
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    while let Some(last) = words.last() {
        let trimmed = last.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let is_duration = trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
            && parse_duration(trimmed).is_ok();
        if is_duration || ["min", "mins", "minutes", "in", "within", "report"].contains(&trimmed) {
            words.pop();
        } else {
            break;
        }
    }
    let task_text = words.join(" ");
    if task_text.is_empty() {
        return Err("say what the order is for: /order @name task 10m".into());
    }
    let task = task_from(&task_text, cx.scenario);
    Ok(Command::Order {
        to: Some(to.clone()),
        task,
        timebox: timebox.map(Dur),
        text: format!("@{to} {rest}"),
    })
}

/// The task a free-text order names: an action id, an investigation of a component, or words.
pub fn task_from(text: &str, scenario: &Scenario) -> Task {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(action) = scenario
        .actions
        .iter()
        .find(|a| words.contains(&a.id.as_str()))
    {
        return Task::Run(action.id.clone());
    }
    let investigating = ["investigate", "check", "look", "diagnose", "find"]
        .iter()
        .any(|v| lower.starts_with(v));
    if investigating
        && let Some(component) = scenario
            .components
            .iter()
            .find(|c| words.contains(&c.id.as_str()))
    {
        return Task::Investigate(component.id.clone());
    }
    Task::Free(text.to_string())
}

mod forms;

use forms::{isd, report, status, team};

#[cfg(test)]
mod tests;
