//! Sounds, from assets/sounds through Bevy's asset server: a page when a
//! paging alert fires, a blip when someone acknowledges your order, two
//! rising notes at resolution, and two low beeps when something you did is
//! refused or doctrine is breached — unless sound is off in the settings.
//! Without an audio device Bevy logs once and the drill goes on silently.

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
use bevy::prelude::*;

use super::live::LiveDrill;
use super::settings::Settings;
use crate::scenario::AlertSeverity;
use crate::world::Event;
use crate::world::comms::MessageKind;

/// What a sound tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Page,
    Ack,
    Resolved,
    Warning,
}

impl Cue {
    const ALL: [Cue; 4] = [Cue::Page, Cue::Ack, Cue::Resolved, Cue::Warning];

    /// The file under assets/.
    pub fn path(self) -> &'static str {
        match self {
            Cue::Page => "sounds/page.wav",
            Cue::Ack => "sounds/ack.wav",
            Cue::Resolved => "sounds/resolved.wav",
            Cue::Warning => "sounds/warning.wav",
        }
    }
}

/// The sounds, loaded once at start-up.
#[derive(Resource)]
struct Sounds(Vec<(Cue, Handle<AudioSource>)>);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, load_sounds);
    app.add_systems(Update, play_cues.run_if(resource_exists::<LiveDrill>));
}

fn load_sounds(mut commands: Commands, assets: Res<AssetServer>) {
    commands.insert_resource(Sounds(
        Cue::ALL
            .iter()
            .map(|&c| (c, assets.load(c.path())))
            .collect(),
    ));
}

/// The sound an event calls for, for the person at the keyboard (`me`).
pub fn cue(event: &Event, me: &str) -> Option<Cue> {
    match event {
        Event::AlertFired {
            severity: AlertSeverity::Page,
            ..
        } => Some(Cue::Page),
        Event::Posted(m)
            if m.kind == MessageKind::Ack && m.from != me && m.mentions.iter().any(|x| x == me) =>
        {
            Some(Cue::Ack)
        }
        Event::IncidentResolved => Some(Cue::Resolved),
        Event::CommandRefused { by, .. } | Event::ActionRefused { by, .. } if by == me => {
            Some(Cue::Warning)
        }
        Event::ViolationNoted { .. } => Some(Cue::Warning),
        _ => None,
    }
}

/// Plays, once a frame, the most important cue among the new events.
fn play_cues(
    mut commands: Commands,
    live: Res<LiveDrill>,
    settings: Res<Settings>,
    sounds: Option<Res<Sounds>>,
    mut seen: Local<usize>,
) {
    let log = live.drill().log();
    if log.len() < *seen {
        *seen = 0; // a new drill
    }
    let due = log[*seen..]
        .iter()
        .filter_map(|e| cue(&e.event, &live.me))
        .min_by_key(|c| Cue::ALL.iter().position(|x| x == c));
    *seen = log.len();
    if let (Some(due), true, Some(sounds)) = (due, settings.sound, sounds)
        && let Some((_, handle)) = sounds.0.iter().find(|(c, _)| *c == due)
    {
        commands.spawn((AudioPlayer(handle.clone()), PlaybackSettings::DESPAWN));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::comms::{Channel, Message};

    #[test]
    fn each_sound_tells_one_thing_to_the_person_it_concerns() {
        let ack = |from: &str, to: &str| {
            let mut m = Message::new(from, Channel::CommandPost, MessageKind::Ack);
            m.mentions = vec![to.to_string()];
            Event::Posted(Box::new(m))
        };
        assert_eq!(cue(&ack("raj", "ben"), "ben"), Some(Cue::Ack));
        assert_eq!(cue(&ack("raj", "ana"), "ben"), None, "someone else's ack");
        assert_eq!(cue(&Event::IncidentResolved, "ben"), Some(Cue::Resolved));
        let refused = Event::CommandRefused {
            by: "ben".into(),
            command: Box::new(crate::world::Command::Run("x".into())),
            reason: "no".into(),
        };
        assert_eq!(cue(&refused, "ben"), Some(Cue::Warning));
        assert_eq!(cue(&refused, "ana"), None);
        for c in Cue::ALL {
            assert!(
                crate::base::files::ASSETS
                    .iter()
                    .any(|(p, _)| *p == c.path()),
                "{} is an asset",
                c.path()
            );
        }
    }
}
