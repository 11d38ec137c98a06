//! The lobby: who is on the team and connected, the seat this code gives,
//! and for the game master where to join, everyone's code, and Start.

use bevy_egui::egui;

use crate::app::live::{Link, Remote};

/// What the lobby asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LobbyAction {
    /// The game master starts the drill with whoever is here.
    Start,
    Leave,
}

/// The lobby, drawn from what the host has said so far.
pub fn lobby_panel(ui: &mut egui::Ui, remote: &Remote) -> Option<LobbyAction> {
    let mut action = None;
    ui.heading("Team drill: the lobby");
    match &remote.link {
        Link::Connecting => {
            ui.label("Connecting to the host…");
        }
        Link::Connected => {}
        Link::Lost(reason) => {
            ui.colored_label(
                warn(),
                format!("Connection lost ({reason}); getting back in…"),
            );
        }
        Link::Failed(reason) => {
            ui.colored_label(warn(), format!("The host refused: {reason}"));
        }
    }
    if let Some(mirror) = &remote.mirror {
        ui.label(format!("Drill: {}", mirror.scenario().title));
    }
    if !remote.person.is_empty() {
        let seat = match (remote.game_master, remote.seat) {
            (true, _) => "the game master".to_string(),
            (false, Some(seat)) => format!("the {seat:?} seat"),
            (false, None) => "a responder paged in when the drill runs".to_string(),
        };
        ui.label(format!("You are {} ({seat}).", remote.name));
    }
    ui.add_space(8.0);
    if let Some((address, _)) = remote.invitations() {
        ui.strong(format!("Trainees join at {address} with their code:"));
        ui.weak(
            "firedrill join ADDRESS CODE --name NAME, or \"Join a team drill\" on the title screen",
        );
    }
    egui::Grid::new("lobby-members")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Who");
            ui.strong("Seat");
            ui.strong("Here");
            if remote.invitations().is_some() {
                ui.strong("Code");
            }
            ui.end_row();
            for m in &remote.members {
                ui.label(&m.name);
                ui.label(m.seat.map_or("latecomer".to_string(), |s| format!("{s:?}")));
                if m.connected {
                    ui.label("✔ connected");
                } else {
                    ui.weak("not yet");
                }
                if let Some((_, tickets)) = remote.invitations() {
                    let code = tickets
                        .iter()
                        .find(|(who, _)| *who == m.id)
                        .map_or("", |(_, t)| t.as_str());
                    ui.monospace(code);
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    if remote.game_master {
        let here = remote.members.iter().filter(|m| m.connected).count();
        ui.label(format!(
            "{here} connected. Seats nobody takes are held by simulated people; a code used after the start joins as a paged responder."
        ));
        if ui
            .button(egui::RichText::new("Start the drill").size(20.0))
            .clicked()
        {
            action = Some(LobbyAction::Start);
        }
    } else if !remote.person.is_empty() {
        ui.label("Waiting for the host to start the drill…");
    }
    if let Some(notice) = &remote.notice {
        ui.colored_label(warn(), notice);
    }
    if ui.button("Leave").clicked() {
        action = Some(LobbyAction::Leave);
    }
    action
}

fn warn() -> egui::Color32 {
    egui::Color32::from_rgb(230, 160, 40)
}
