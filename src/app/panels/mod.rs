//! The drill screen's panels. Each is a function of a read-only view of the
//! drill and the UI state that returns what the trainee asked for; nothing
//! here mutates the drill. They run on any egui `Ui`, so tests drive them
//! without a window.

pub mod chat;
pub mod clock;
pub mod guide;
pub mod isd;
pub mod monitoring;
pub mod ops;
pub mod roster;
pub mod status_page;
pub mod timeline;
pub mod topology;

use bevy_egui::egui;

use super::ui_state::{Focus, UiState};
use crate::lenses::view::{Instruments, Lens};
use crate::world::{Command, Drill};

/// What the screen shows: the drill through one lens.
pub struct View<'a> {
    pub drill: &'a Drill,
    /// The trainee's participant id.
    pub me: &'a str,
    pub lens: Lens,
    pub speed: u32,
    pub paused: bool,
    pub practice: bool,
    /// A replay: everything shown, nothing typed or clicked reaches a drill.
    pub read_only: bool,
    /// The game master's console holds the left side (no roster or ops console there).
    pub console_on_left: bool,
    /// A game master runs the drill: their "View as" replaces the practice toggle.
    pub instructor: bool,
    /// A team drill joined over the network: one person at this window, the
    /// host keeps the clock (only the game master may pause it).
    pub remote: bool,
}

impl View<'_> {
    /// The instruments of this lens: a seat's, plus those of every role
    /// its person has been given since (a trainee made CL gets the status
    /// page composer). In a team drill they follow the roles held now alone:
    /// someone who handed IC on loses the IC's instruments, someone with no
    /// role yet has a responder's.
    pub fn instruments(&self) -> Instruments {
        let given = crate::lenses::view::given_roles(self.drill.people(), self.me);
        match self.lens {
            Lens::Seat(_) if self.remote && !given.is_empty() => Instruments {
                roster: true,
                ..Instruments::default()
            }
            .with_roles(&given),
            Lens::Seat(_) if self.remote => Instruments {
                roster: true,
                ..Lens::Seat(crate::scenario::Seat::Responder).instruments()
            },
            Lens::Seat(_) => self.lens.instruments().with_roles(&given),
            Lens::Everything => self.lens.instruments(),
        }
    }

    /// Whether the trainee reads a channel through this lens.
    pub fn reads(&self, channel: &crate::world::comms::Channel) -> bool {
        self.lens == Lens::Everything
            || crate::lenses::view::can_read(self.drill.people(), self.me, channel)
    }
}

/// What the trainee asked for this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command for the drill, applied on the next simulated second.
    Drill(Command),
    Speed(u32),
    Pause(bool),
    Practice(bool),
    /// Type and click as another human of the team (hot seat).
    ActAs(String),
}

/// Draws a panel's contents in a frame, outlined when F6 has put the focus there.
fn section<R>(ui: &mut egui::Ui, focused: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let stroke = if focused {
        egui::Stroke::new(2.0, ui.visuals().selection.bg_fill)
    } else {
        egui::Stroke::NONE
    };
    egui::Frame::new()
        .stroke(stroke)
        .inner_margin(2.0)
        .show(ui, add)
        .inner
}

/// Lays out the whole drill screen for the lens and returns the actions taken.
pub fn drill_screen(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    let kit = view.instruments();
    state.log_index.update(view.drill.log());
    egui::Panel::top("clock").show(ui, |ui| actions.extend(clock::show(ui, view, state)));
    if (kit.roster || kit.ops_console) && !view.console_on_left {
        // Side panels keep their width as content grows (a person can still
        // drag them within the range), so the chat is never squeezed.
        egui::Panel::left("left")
            .resizable(true)
            .default_size(300.0)
            .size_range(240.0..=420.0)
            .show(ui, |ui| {
                if kit.roster {
                    roster::show(ui, view);
                    ui.separator();
                }
                if kit.pager && !kit.dashboards {
                    actions.extend(monitoring::alert_feed(ui, view));
                    ui.separator();
                }
                if kit.ops_console {
                    let focused = state.focus == Focus::Ops;
                    actions.extend(section(ui, focused, |ui| ops::show(ui, view, state)));
                }
            });
    }
    if kit.isd || kit.status_composer || kit.timeline || kit.tickets {
        egui::Panel::right("right")
            .resizable(true)
            .default_size(360.0)
            .size_range(300.0..=440.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("right-scroll")
                    .show(ui, |ui| {
                        if kit.status_composer {
                            actions.extend(status_page::show(ui, view, state));
                            ui.separator();
                        }
                        if kit.isd {
                            actions.extend(isd::show(ui, view, state));
                            ui.separator();
                        }
                        if kit.timeline {
                            timeline::show(ui, view, state);
                        }
                        if kit.tickets {
                            status_page::tickets(ui, view, state);
                        }
                    });
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if kit.topology {
            let height = if kit.dashboards { 0.32 } else { 0.45 };
            let size = egui::vec2(ui.available_width(), ui.available_height() * height);
            let focused = state.focus == Focus::Topology;
            ui.allocate_ui(size, |ui| {
                actions.extend(section(ui, focused, |ui| topology::show(ui, view, state)))
            });
            ui.separator();
        }
        if kit.dashboards {
            let size = egui::vec2(ui.available_width(), ui.available_height() * 0.4);
            let focused = state.focus == Focus::Dashboards;
            ui.allocate_ui(size, |ui| {
                actions.extend(section(ui, focused, |ui| monitoring::show(ui, view, state)))
            });
            ui.separator();
        }
        let focused = state.focus == Focus::Chat;
        actions.extend(section(ui, focused, |ui| chat::show(ui, view, state)));
    });
    guide::windows(ui.ctx(), view, state);
    actions
}

#[cfg(test)]
mod tests;
