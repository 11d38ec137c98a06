//! The game master's commands: injects on demand, people joining or called
//! away, and observer notes. They come from `GAME_MASTER`, who holds no seat
//! and no role: the trainees' rules do not bind them, and they cannot play.

use super::Drill;
use super::command::{Command, GAME_MASTER};
use super::event::Event;
use super::people::Participant;
use crate::scenario::{Persona, Role, validate::valid_id};

/// Longest observer note or custom inject accepted, in characters.
pub const MAX_TEXT: usize = 2000;

/// Applies an input that is the game master's, or an instructor command from anyone.
pub(super) fn apply(drill: &mut Drill, by: &str, command: Command) {
    let result = if by != GAME_MASTER {
        Err("only the game master can inject events, add or remove people, or pin notes".into())
    } else if !command.is_instructor() {
        Err("the game master watches and injects; they do not play a seat".into())
    } else {
        try_apply(drill, &command)
    };
    if let Err(reason) = result {
        drill.emit(Event::CommandRefused {
            by: by.into(),
            command: Box::new(command),
            reason,
        });
    }
}

fn text_ok(text: &str, what: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("the {what} is empty; write what it says"));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(format!("the {what} is longer than {MAX_TEXT} characters"));
    }
    Ok(())
}

/// Whether an observer note can be pinned: some text, a rating of 1 to 5 if any.
pub fn check_note(rating: Option<u8>, text: &str) -> Result<(), String> {
    text_ok(text, "note")?;
    match rating {
        Some(r) if !(1..=5).contains(&r) => Err(format!("a rating is 1 to 5, not {r}")),
        _ => Ok(()),
    }
}

/// Whether a custom inject can be delivered now (the console checks before queueing).
pub fn check_custom_inject(drill: &Drill, from: &Persona, text: &str) -> Result<(), String> {
    text_ok(text, "inject")?;
    check_persona(drill, from)
}

/// Whether a responder with this id and name can join now.
pub fn check_new_responder(drill: &Drill, id: &str, name: &str) -> Result<(), String> {
    if !valid_id(id) || id == GAME_MASTER {
        return Err(format!(
            "`{id}` is not a usable id: lowercase letters, digits and '-', starting with a letter (and not `{GAME_MASTER}`)"
        ));
    }
    if drill.people.get(id).is_some()
        || drill.scenario.executives.iter().any(|e| e.id == id)
        || crate::scenario::stand_ins::is_seat_npc(id)
    {
        return Err(format!(
            "`{id}` is already taken (by someone in this drill, an executive, or a simulated seat holder)"
        ));
    }
    if name.trim().is_empty() {
        return Err("the new responder needs a name".into());
    }
    Ok(())
}

fn try_apply(drill: &mut Drill, command: &Command) -> Result<(), String> {
    match command {
        Command::TriggerInject(index) => {
            let count = drill.scenario.injects.len();
            if *index >= count {
                return Err(format!(
                    "there is no inject #{index}: the scenario has {count} (numbered from 0)"
                ));
            }
            if !drill.delivered_injects.insert(*index) {
                return Err(format!("inject #{index} has already been delivered"));
            }
            let inject = drill.scenario.injects[*index].clone();
            drill.deliver(inject.from, inject.text, true);
            Ok(())
        }
        Command::CustomInject { from, text } => {
            check_custom_inject(drill, from, text)?;
            drill.deliver(from.clone(), text.trim().to_string(), true);
            Ok(())
        }
        Command::AddResponder {
            id,
            name,
            skills,
            traits,
        } => {
            check_new_responder(drill, id, name)?;
            // Their mind is the cast's: it takes in whoever joins.
            drill.people.list.push(Participant {
                id: id.clone(),
                name: name.trim().to_string(),
                human: false,
                seat: None,
                skills: skills.clone(),
                traits: traits.clone(),
                joins_at: drill.now,
                present: true,
            });
            drill.emit(Event::Joined {
                who: id.clone(),
                name: name.trim().to_string(),
                human: false,
                seat: None,
            });
            Ok(())
        }
        Command::PageIn { id, name } => {
            check_new_responder(drill, id, name)?;
            drill.people.list.push(Participant {
                id: id.clone(),
                name: name.trim().to_string(),
                human: true,
                seat: Some(crate::scenario::Seat::Responder),
                skills: Vec::new(),
                traits: Vec::new(),
                joins_at: drill.now,
                present: true,
            });
            drill.emit(Event::Joined {
                who: id.clone(),
                name: name.trim().to_string(),
                human: true,
                seat: Some(crate::scenario::Seat::Responder),
            });
            Ok(())
        }
        Command::RemoveResponder(id) => remove(drill, id),
        Command::Note { area, rating, text } => {
            check_note(*rating, text)?;
            drill.emit(Event::ObserverNote {
                by: GAME_MASTER.into(),
                area: *area,
                rating: *rating,
                text: text.trim().to_string(),
            });
            Ok(())
        }
        _ => Err("not an instructor command".into()),
    }
}

/// Who an inject may speak as: the scenario's executives, people in the drill, anyone outside.
fn check_persona(drill: &Drill, from: &Persona) -> Result<(), String> {
    match from {
        Persona::Executive(id) => {
            if drill.scenario.executives.iter().any(|e| &e.id == id) {
                Ok(())
            } else {
                let known: Vec<&str> = drill
                    .scenario
                    .executives
                    .iter()
                    .map(|e| e.id.as_str())
                    .collect();
                Err(format!(
                    "no executive `{id}` in this scenario (executives: {})",
                    if known.is_empty() {
                        "none".into()
                    } else {
                        known.join(", ")
                    }
                ))
            }
        }
        Persona::Responder(id) => match drill.people.get(id) {
            Some(p) if p.present && !p.human => Ok(()),
            Some(p) if p.human => Err(format!(
                "{} is a trainee; the game master does not speak for trainees",
                p.name
            )),
            Some(p) if p.joins_at < drill.now => Err(format!("{} has left the drill", p.name)),
            Some(p) => Err(format!("{} has not joined yet", p.name)),
            None => Err(format!("nobody called `{id}` is in this drill")),
        },
        Persona::Party(p) if *p < drill.scenario.parties.len() => Ok(()),
        Persona::Party(_) => Err("no such party in this scenario".into()),
        Persona::Customer(name) | Persona::Vendor(name) | Persona::Regulator(name) => {
            if name.trim().is_empty() {
                Err("say who the inject is from".into())
            } else if drill.people.get(name).is_some()
                || drill.scenario.executives.iter().any(|e| &e.id == name)
            {
                Err(format!(
                    "`{name}` is someone in the drill; an outsider needs a name of their own"
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// A simulated responder leaves: roles they hold return to the IC, they leave
/// their team. Work they already started still finishes (they hand it over).
fn remove(drill: &mut Drill, id: &str) -> Result<(), String> {
    let person = match drill.people.get(id) {
        Some(p) if p.human => {
            return Err(format!(
                "{} is a trainee; only simulated responders can be removed",
                p.name
            ));
        }
        Some(p) if !p.present => return Err(format!("{} is not in the drill now", p.name)),
        Some(p) => p.clone(),
        None => return Err(format!("nobody called `{id}` is in this drill")),
    };
    if drill.people.explicit_holder(&Role::IC) == Some(id) {
        return Err(format!(
            "{} is the IC; have command handed to someone else first",
            person.name
        ));
    }
    if let Some(team) = drill.people.team_led_by(id) {
        return Err(format!(
            "{} leads team {team}; have the OL give the team another lead first",
            person.name
        ));
    }
    for role in Role::COMMAND_ROLES {
        if drill.people.explicit_holder(&role) == Some(id) {
            drill.people.clear_holder(&role);
            drill.emit(Event::RoleReleased {
                role,
                by: id.to_string(),
            });
        }
    }
    if let Some(team) = drill.people.team_of(id).map(str::to_string) {
        drill.people.leave_team(id);
        drill.emit(Event::TeamLeft {
            team,
            who: id.to_string(),
        });
    }
    if let Some(p) = drill.people.list.iter_mut().find(|p| p.id == id) {
        p.present = false;
    }
    drill.emit(Event::Left {
        who: id.to_string(),
        name: person.name,
    });
    Ok(())
}
