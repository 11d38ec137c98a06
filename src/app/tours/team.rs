//! Team windows' autopilot (CI runs it under Xvfb, one window per person on
//! one display): a trainee's window plays its person's part of a script
//! through the window; the game master's window hosts, writes the codes,
//! starts once enough trainees are in the lobby. Each photographs the
//! lobby, the drill at the given times and the debrief, then closes.

use std::collections::BTreeSet;

use bevy::prelude::*;

use crate::app::camera::Camera;
use crate::app::debrief::Debrief;
use crate::app::launch::{Launch, TeamTour};
use crate::app::live::{LiveDrill, Remote};
use crate::app::screen::Screen;
use crate::app::team::{Hosting, Joining};
use crate::base::time::format_duration;
use crate::net::protocol::ClientFrame;
use crate::world::GAME_MASTER;

/// How long the game master's window waits, once everyone is in the lobby
/// and its own picture is taken, before it starts the drill.
const TRAINEES_PHOTOGRAPHED: std::time::Duration = std::time::Duration::from_secs(3);

#[derive(Resource, Default)]
struct Tour {
    camera: Camera,
    lobby_taken: bool,
    /// When the game master's lobby picture was done: the start waits a
    /// moment more, so every trainee's window has photographed its lobby
    /// too (their windows draw at their own pace).
    lobby_done: Option<std::time::Instant>,
    start_sent: bool,
    /// Drill times still to photograph, last first.
    pending: Option<Vec<u32>>,
    /// The script's commands already sent, by their place in the script.
    sent: BTreeSet<usize>,
    debrief_taken: bool,
    exit_in: Option<u32>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Tour>();
    app.add_systems(Startup, host_from_the_command_line);
    app.add_systems(Update, (in_the_lobby, in_the_drill, after_the_drill));
}

fn tour(launch: &Launch) -> Option<&TeamTour> {
    launch
        .join
        .as_ref()
        .and_then(|j| j.tour.as_ref())
        .or_else(|| launch.host.as_ref().and_then(|h| h.tour.as_ref()))
}

/// `firedrill drill SCENARIO --host`: host from this window, to the lobby.
fn host_from_the_command_line(
    mut commands: Commands,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(plan) = &launch.host else {
        return;
    };
    let hosted = crate::scenario::load(&plan.scenario)
        .map_err(|e| e.to_string())
        .and_then(|loaded| {
            crate::app::team::host(
                &loaded,
                &Hosting {
                    seed: plan.seed,
                    knobs: plan.knobs,
                    bind: plan.bind,
                    tls: plan.tls,
                    speed: plan.speed,
                    team: plan.team.clone(),
                },
            )
        });
    match hosted {
        Ok(joining) => {
            if let (Some(path), Some((address, tickets))) = (&plan.codes, joining.0.invitations()) {
                let text: String = std::iter::once(format!("address {address}\n"))
                    .chain(tickets.iter().map(|(who, t)| format!("{who} {t}\n")))
                    .collect();
                if let Err(e) = crate::base::files::write_atomic(path, text.as_bytes()) {
                    error!("{e}");
                }
            }
            commands.insert_resource(joining);
            next.set(Screen::Lobby);
        }
        Err(e) => {
            error!("{e}");
            exit.write(AppExit::error());
        }
    }
}

fn who(remote: &Remote) -> &str {
    if remote.game_master {
        "gm"
    } else {
        &remote.person
    }
}

fn in_the_lobby(
    mut commands: Commands,
    launch: Res<Launch>,
    joining: Option<Res<Joining>>,
    mut state: ResMut<Tour>,
) {
    let (Some(tour), Some(joining)) = (tour(&launch), joining) else {
        return;
    };
    if state.camera.busy(&mut commands) {
        return;
    }
    let remote = &joining.0;
    if remote.person.is_empty() || remote.mirror.is_none() {
        return;
    }
    let wanted = launch.host.as_ref().and_then(|h| h.start_when).unwrap_or(0);
    let trainees_here = remote
        .members
        .iter()
        .filter(|m| m.connected && m.id != GAME_MASTER)
        .count();
    if remote.game_master && trainees_here < wanted {
        return;
    }
    if !state.lobby_taken {
        state.lobby_taken = true;
        let scenario = &remote
            .mirror
            .as_ref()
            .map(|m| m.scenario().id.clone())
            .unwrap_or_default();
        let path = tour
            .shot_dir
            .join(format!("{scenario}-team-{}-lobby.png", who(remote)));
        state.camera.arm(path);
        return;
    }
    if remote.game_master && !state.start_sent && state.camera.idle() {
        let done = *state.lobby_done.get_or_insert_with(std::time::Instant::now);
        if done.elapsed() < TRAINEES_PHOTOGRAPHED {
            return;
        }
        state.start_sent = true;
        info!("{trainees_here} trainees here: starting the drill");
        remote.send(ClientFrame::Start);
    }
}

fn in_the_drill(
    mut commands: Commands,
    launch: Res<Launch>,
    live: Option<ResMut<LiveDrill>>,
    screen: Res<State<Screen>>,
    mut state: ResMut<Tour>,
) {
    let (Some(tour), Some(mut live)) = (tour(&launch), live) else {
        return;
    };
    if *screen.get() != Screen::Drill || state.camera.busy(&mut commands) {
        return;
    }
    let now = live.drill().now();
    // Play this person's part of the script, at its times.
    if let Some(script) = &tour.script {
        let me = live.me.clone();
        let due: Vec<(usize, crate::world::Command)> = script
            .commands
            .iter()
            .enumerate()
            .filter(|(i, c)| c.by == me && c.at.0 <= now && !state.sent.contains(i))
            .map(|(i, c)| (i, c.command.clone()))
            .collect();
        for (i, command) in due {
            state.sent.insert(i);
            live.queue(command);
        }
    }
    let pending = state.pending.get_or_insert_with(|| {
        let mut shots = tour.shots.clone();
        shots.sort_unstable();
        shots.reverse();
        shots
    });
    let Some(&due) = pending.last() else {
        return;
    };
    if now < due {
        return;
    }
    pending.pop();
    let who = live
        .remote_link()
        .map_or("local".to_string(), |r| who(r).to_string());
    let path = tour.shot_dir.join(format!(
        "{}-team-{who}-{}.png",
        live.drill().scenario().id,
        format_duration(due)
    ));
    state.camera.arm(path);
}

fn after_the_drill(
    mut commands: Commands,
    launch: Res<Launch>,
    live: Option<Res<LiveDrill>>,
    debrief: Option<Res<Debrief>>,
    screen: Res<State<Screen>>,
    mut state: ResMut<Tour>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(tour) = tour(&launch) else {
        return;
    };
    if *screen.get() != Screen::Debrief || state.camera.busy(&mut commands) {
        return;
    }
    let (Some(live), Some(_)) = (live, debrief) else {
        return;
    };
    if !state.debrief_taken {
        state.debrief_taken = true;
        let who = live
            .remote_link()
            .map_or("local".to_string(), |r| who(r).to_string());
        let path = tour.shot_dir.join(format!(
            "{}-team-{who}-debrief.png",
            live.drill().scenario().id
        ));
        state.camera.arm(path);
        return;
    }
    state.exit_in.get_or_insert(30);
    super::closing(&mut state.exit_in, &mut exit);
}
