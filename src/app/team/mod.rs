//! Team drills in the window: joining one (the title screen's form,
//! `firedrill join`), hosting one (the briefing's "Host a team drill"), and
//! the lobby until the host starts. Once it starts, the drill screen shows
//! the mirror of what this person is told, like any drill.

mod form;
mod lobby;
#[cfg(test)]
mod tests;

pub use form::{JoinForm, join_window};
pub use lobby::{LobbyAction, lobby_panel};

use std::net::SocketAddr;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::launch::Launch;
use super::live::{Link, LiveDrill, Remote};
use super::screen::{Screen, full_screen};
use crate::net::client::Target;
use crate::net::host::{self, HostConfig, HostPace};
use crate::net::protocol::ClientFrame;
use crate::scenario::{Knobs, LoadedScenario};
use crate::world::GAME_MASTER;

/// A team drill joined, not started yet.
#[derive(Resource)]
pub struct Joining(pub Remote);

/// What the briefing asks for when hosting.
#[derive(Debug, Clone)]
pub struct Hosting {
    pub seed: u64,
    pub knobs: Knobs,
    pub bind: SocketAddr,
    pub tls: bool,
    /// Simulated seconds per second.
    pub speed: u32,
    /// Who plays (a script's or team file's people); none: a code per seat.
    pub team: Option<Vec<crate::world::HumanSpec>>,
}

/// Joins a hosted drill as the person `code` belongs to.
pub fn join(address: &str, code: &str, name: Option<String>) -> Result<Joining, String> {
    let target = Target::parse(address, code)?;
    Ok(Joining(Remote::connect(target, name, None)))
}

/// Hosts `loaded` from this window, loopback unless told otherwise, one
/// code per seat and two for latecomers, and joins it as the game master.
pub fn host(loaded: &LoadedScenario, hosting: &Hosting) -> Result<Joining, String> {
    let out = crate::base::files::new_session_path(&format!("{}-team", loaded.scenario.id));
    let handle = host::start(HostConfig {
        scenario: loaded.clone(),
        seed: hosting.seed,
        knobs: hosting.knobs,
        bind: hosting.bind,
        team: hosting.team.clone(),
        spare: 2,
        pace: HostPace::PerSecond(hosting.speed.max(1)),
        out,
        tls: hosting.tls,
    })?;
    let ticket = handle
        .ticket(GAME_MASTER)
        .ok_or("the host made no game master's code")?
        .to_string();
    let target = Target::parse(&handle.address, &ticket)?;
    Ok(Joining(Remote::connect(
        target,
        Some("Game master".into()),
        Some(handle),
    )))
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, join_from_the_command_line);
    app.add_systems(
        Update,
        (poll, into_the_drill)
            .chain()
            .run_if(in_state(Screen::Lobby).and_then(resource_exists::<Joining>)),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Lobby).and_then(resource_exists::<Joining>)),
    );
    app.add_systems(OnEnter(Screen::Title), |mut commands: Commands| {
        commands.remove_resource::<Joining>();
    });
}

/// `firedrill join ADDR CODE`: straight to the lobby.
fn join_from_the_command_line(
    mut commands: Commands,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(plan) = &launch.join else {
        return;
    };
    match join(&plan.address, &plan.code, plan.name.clone()) {
        Ok(joining) => {
            commands.insert_resource(joining);
            next.set(Screen::Lobby);
        }
        Err(e) => {
            error!("{e}");
            exit.write(AppExit::error());
        }
    }
}

fn poll(mut joining: ResMut<Joining>) {
    joining.0.poll();
}

/// The host started the drill: on to it.
fn into_the_drill(
    mut commands: Commands,
    joining: Res<Joining>,
    mut next: ResMut<NextState<Screen>>,
) {
    let remote = &joining.0;
    if remote.started && remote.mirror.is_some() && remote.link == Link::Connected {
        commands.queue(|world: &mut World| {
            if let Some(joining) = world.remove_resource::<Joining>() {
                world.insert_resource(LiveDrill::remote(joining.0));
            }
        });
        next.set(Screen::Drill);
    }
}

fn draw(
    mut contexts: EguiContexts,
    joining: Res<Joining>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut action = None;
    full_screen(ctx, |ui| action = lobby_panel(ui, &joining.0));
    match action {
        Some(LobbyAction::Start) => joining.0.send(ClientFrame::Start),
        Some(LobbyAction::Leave) => next.set(Screen::Title),
        None => {}
    }
    Ok(())
}
