//! Argument forms of the structured slash commands: /report, /team, /status, /isd.

use super::{Context, person};
use crate::base::time::{Dur, parse_duration};
use crate::world::Command;
use crate::world::comms::{Can, Channel, IsdSection, StatusState};

pub(super) fn report(args: &str, cx: &Context) -> Result<Command, String> {
    let (to, rest) = if args.starts_with('@') {
        let (to, rest) = person(args, cx)?;
        (Some(to), rest)
    } else {
        (None, args)
    };
    let can = Can::parse(rest)?;
    Ok(Command::Report {
        to,
        conditions: can.conditions,
        actions: can.actions,
        needs: can.needs,
        channel: (cx.channel != Channel::CommandPost).then(|| cx.channel.clone()),
    })
}

pub(super) fn team(args: &str, cx: &Context) -> Result<Command, String> {
    let (name, rest) = args
        .split_once(char::is_whitespace)
        .ok_or("/team NAME @lead, or /team NAME +@name")?;
    let rest = rest.trim();
    if let Some(added) = rest.strip_prefix('+') {
        let (person, _) = person(added, cx)?;
        return Ok(Command::JoinTeam {
            team: name.to_lowercase(),
            person,
        });
    }
    let (lead, _) = person(rest, cx)?;
    Ok(Command::CreateTeam {
        team: name.to_lowercase(),
        lead,
    })
}

pub(super) fn status(args: &str, affected: &[String]) -> Result<Command, String> {
    let (first, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let state = match first.to_lowercase().as_str() {
        "investigating" => StatusState::Investigating,
        "identified" => StatusState::Identified,
        "monitoring" => StatusState::Monitoring,
        "resolved" => StatusState::Resolved,
        _ => {
            return Err(
                "/status investigating|identified|monitoring|resolved impact… [next 20m]".into(),
            );
        }
    };
    let (impact, next_update) = match rest.rsplit_once(" next ") {
        Some((impact, next)) => (impact, Some(Dur(parse_duration(next.trim())?))),
        None => (rest, None),
    };
    Ok(Command::PostStatus {
        state,
        impact: impact.trim().to_string(),
        components: affected.to_vec(),
        next_update,
        text: String::new(),
    })
}

pub(super) fn isd(args: &str) -> Result<Command, String> {
    let (first, text) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let section = match first.to_lowercase().as_str() {
        "summary" => IsdSection::Summary,
        "status" => IsdSection::Status,
        "hierarchy" | "command" => IsdSection::CommandHierarchy,
        "impact" => IsdSection::Impact,
        "actions" => IsdSection::ActionsInFlight,
        "decisions" => IsdSection::Decisions,
        "timeline" => IsdSection::Timeline,
        "next" | "nextsteps" => IsdSection::NextSteps,
        _ => {
            return Err(
                "/isd summary|status|hierarchy|impact|actions|decisions|timeline|next text".into(),
            );
        }
    };
    if text.trim().is_empty() {
        return Err("/isd needs the text to write".into());
    }
    Ok(Command::EditIsd {
        section,
        text: text.trim().to_string(),
    })
}
