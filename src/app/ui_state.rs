//! UI-only state: what the trainee is typing, looking at and has read. Never
//! part of the drill; losing it loses nothing.

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::world::comms::{Channel, IsdSection, Message, MessageKind, StatusState};

/// Positions of the log entries the panels list, kept up to date
/// incrementally: the team-visible timeline, customer tickets and refusals.
#[derive(Debug, Default)]
pub struct LogIndex {
    seen: usize,
    pub timeline: Vec<usize>,
    pub tickets: Vec<usize>,
    pub refusals: Vec<usize>,
    /// Commands refused (to whoever sent them).
    pub command_refusals: Vec<usize>,
}

impl LogIndex {
    /// Takes in entries logged since the last call.
    pub fn update(&mut self, log: &[crate::world::Entry]) {
        use crate::world::Event;
        if log.len() < self.seen {
            *self = LogIndex::default();
        }
        for (i, entry) in log.iter().enumerate().skip(self.seen) {
            match entry.event {
                Event::CustomerTicket { .. } => self.tickets.push(i),
                Event::ActionRefused { .. } => self.refusals.push(i),
                Event::CommandRefused { .. } => self.command_refusals.push(i),
                _ => {}
            }
            if crate::world::classify(&entry.event).timeline {
                self.timeline.push(i);
            }
        }
        self.seen = log.len();
    }
}

/// Message positions by channel, kept up to date incrementally so a long
/// chat costs nothing per frame beyond the rows on screen.
#[derive(Debug, Default)]
pub struct ChannelIndex {
    seen: usize,
    by_channel: BTreeMap<Channel, Vec<usize>>,
}

impl ChannelIndex {
    /// Takes in messages posted since the last call.
    pub fn update(&mut self, messages: &[Message]) {
        if messages.len() < self.seen {
            *self = ChannelIndex::default();
        }
        for (i, m) in messages.iter().enumerate().skip(self.seen) {
            self.by_channel
                .entry(m.channel.clone())
                .or_default()
                .push(i);
        }
        self.seen = messages.len();
    }

    /// Positions of a channel's messages, oldest first.
    pub fn rows(&self, channel: &Channel) -> &[usize] {
        self.by_channel.get(channel).map_or(&[], Vec::as_slice)
    }

    /// Channels that have messages.
    pub fn channels(&self) -> impl Iterator<Item = &Channel> {
        self.by_channel.keys()
    }
}

/// The panels F6 cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Chat,
    Topology,
    Dashboards,
    Ops,
    StatusPage,
    Isd,
}

impl Focus {
    /// The next panel in F6 order that this seat has.
    pub fn next_for(self, kit: crate::lenses::view::Instruments) -> Focus {
        let mut focus = self.next();
        while !focus.shown(kit) {
            focus = focus.next();
        }
        focus
    }

    /// Whether the seat's instruments include this panel.
    pub fn shown(self, kit: crate::lenses::view::Instruments) -> bool {
        match self {
            Focus::Chat => true,
            Focus::Topology => kit.topology,
            Focus::Dashboards => kit.dashboards,
            Focus::Ops => kit.ops_console,
            Focus::StatusPage => kit.status_composer,
            Focus::Isd => kit.isd,
        }
    }

    /// The next panel in F6 order.
    pub fn next(self) -> Focus {
        match self {
            Focus::Chat => Focus::Topology,
            Focus::Topology => Focus::Dashboards,
            Focus::Dashboards => Focus::Ops,
            Focus::Ops => Focus::StatusPage,
            Focus::StatusPage => Focus::Isd,
            Focus::Isd => Focus::Chat,
        }
    }
}

/// A status post being written.
#[derive(Debug, Clone)]
pub struct StatusDraft {
    pub state: StatusState,
    pub impact: String,
    pub text: String,
    pub components: Vec<String>,
    pub next_update_minutes: u32,
}

impl Default for StatusDraft {
    fn default() -> Self {
        StatusDraft {
            state: StatusState::Investigating,
            impact: String::new(),
            text: String::new(),
            components: Vec::new(),
            next_update_minutes: 20,
        }
    }
}

/// Everything the drill screen remembers between frames.
#[derive(Resource, Debug, Default)]
pub struct UiState {
    pub composer: String,
    pub channel: Option<Channel>,
    pub kind: Option<MessageKind>,
    /// The last composer problem, shown under the input.
    pub composer_error: Option<String>,
    /// The message opened whole under the history (a click on a row opens
    /// it; rows are one line each so long channels scroll fast).
    pub reading: Option<crate::world::comms::MessageId>,
    /// Messages read per channel (a count), for unread markers.
    pub read: BTreeMap<Channel, usize>,
    /// Where each channel's messages are.
    pub index: ChannelIndex,
    /// Where the listed log entries are.
    pub log_index: LogIndex,
    pub selected_component: Option<usize>,
    pub status_draft: StatusDraft,
    pub isd_section: Option<IsdSection>,
    pub isd_draft: String,
    pub focus: Focus,
    /// F6 moved the focus this frame (the composer takes keyboard focus when it lands there).
    pub focus_moved: bool,
    pub show_help: bool,
    pub show_doctrine: bool,
    /// The seat whose doctrine card is shown (the trainee's until another is picked).
    pub doctrine_seat: Option<crate::scenario::Seat>,
    pub show_pause_menu: bool,
    pub show_settings: bool,
    /// The game master's console (instructor drills only).
    pub gm: crate::app::instructor::GmState,
}

impl UiState {
    /// The channel the composer posts to.
    pub fn channel(&self) -> Channel {
        self.channel.clone().unwrap_or(Channel::CommandPost)
    }

    /// The message kind chosen for plain text.
    pub fn kind(&self) -> MessageKind {
        self.kind.unwrap_or(MessageKind::Chat)
    }
}
