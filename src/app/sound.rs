//! The page tone: a short beep when a paging alert fires, unless sound is off
//! in the settings. Without an audio device Bevy logs once and the drill
//! goes on silently.

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
use bevy::prelude::*;

use super::live::LiveDrill;
use super::settings::Settings;
use crate::scenario::AlertSeverity;
use crate::world::Event;

/// The tone, made once at start-up.
#[derive(Resource)]
struct PageTone(Handle<AudioSource>);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, make_tone);
    app.add_systems(Update, page_on_alerts.run_if(resource_exists::<LiveDrill>));
}

fn make_tone(mut commands: Commands, mut sources: ResMut<Assets<AudioSource>>) {
    let bytes = tone_wav(880.0, 0.35, 22_050);
    commands.insert_resource(PageTone(sources.add(AudioSource {
        bytes: bytes.into(),
    })));
}

/// Plays the tone for each new paging alert since the last frame.
fn page_on_alerts(
    mut commands: Commands,
    live: Res<LiveDrill>,
    settings: Res<Settings>,
    tone: Option<Res<PageTone>>,
    mut seen: Local<usize>,
) {
    let log = live.drill().log();
    if log.len() < *seen {
        *seen = 0; // a new drill
    }
    let paged = log[*seen..].iter().any(|e| {
        matches!(
            e.event,
            Event::AlertFired {
                severity: AlertSeverity::Page,
                ..
            }
        )
    });
    *seen = log.len();
    if let (true, true, Some(tone)) = (paged, settings.sound, tone) {
        commands.spawn((AudioPlayer(tone.0.clone()), PlaybackSettings::DESPAWN));
    }
}

/// A mono 16-bit PCM WAV of a sine tone that fades out.
pub fn tone_wav(frequency: f32, seconds: f32, sample_rate: u32) -> Vec<u8> {
    let samples = (seconds * sample_rate as f32) as u32;
    let data_len = samples * 2;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&sample_rate.to_le_bytes());
    wav.extend_from_slice(&(sample_rate * 2).to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for i in 0..samples {
        let t = i as f32 / sample_rate as f32;
        let fade = 1.0 - i as f32 / samples as f32;
        let value = (t * frequency * std::f32::consts::TAU).sin() * fade * 0.4;
        wav.extend_from_slice(&((value * f32::from(i16::MAX)) as i16).to_le_bytes());
    }
    wav
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tone_is_a_well_formed_wav() {
        let wav = super::tone_wav(880.0, 0.1, 8000);
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        let data_len = u32::from_le_bytes([wav[40], wav[41], wav[42], wav[43]]) as usize;
        assert_eq!(data_len, 800 * 2);
        assert_eq!(wav.len(), 44 + data_len);
        assert!(wav[44..].iter().any(|&b| b != 0), "not silence");
    }
}
