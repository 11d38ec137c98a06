//! The command post and the other channels: tabs with unread markers, a
//! history that only lays out the rows on screen (smooth at tens of thousands
//! of messages), message-kind buttons, and a composer that understands slash
//! commands and completes @mentions.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::ui_state::UiState;
use crate::base::time::clock;
use crate::lenses::compose::{self, Context};
use crate::world::comms::{Channel, Message, MessageKind};

/// Kinds offered as buttons, in the order people use them.
pub const KINDS: [MessageKind; 8] = MessageKind::ALL;

/// Height of one history row.
const ROW: f32 = 18.0;

/// What the empty composer says (a screen reader reads it as the field's placeholder).
pub const COMPOSER_HINT: &str = "Message, or / for commands (/order @name task 10m) — Enter sends";

/// Channels the trainee can open: those they read, plus direct messages with them.
pub fn channels(view: &View, state: &UiState) -> Vec<Channel> {
    let mut list = if view.lens == crate::lenses::view::Lens::Everything {
        let mut all = vec![
            Channel::CommandPost,
            Channel::Executive,
            Channel::Liaison,
            Channel::Restricted,
        ];
        all.extend(
            view.drill
                .people()
                .teams
                .keys()
                .map(|t| Channel::Team(t.clone())),
        );
        all
    } else {
        crate::lenses::view::readable_channels(view.drill.people(), view.me)
    };
    for channel in state.index.channels() {
        if matches!(channel, Channel::Direct(..)) && !list.contains(channel) && view.reads(channel)
        {
            list.push(channel.clone());
        }
    }
    list
}

/// The chat panel.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    let messages = view.drill.messages();
    state.index.update(messages);
    let channels = channels(view, state);
    if !channels.contains(&state.channel()) {
        state.channel = None;
    }
    let current = state.channel();
    ui.horizontal_wrapped(|ui| {
        for channel in &channels {
            let total = state.index.rows(channel).len();
            let unread = total.saturating_sub(state.read.get(channel).copied().unwrap_or(0));
            let label = if unread > 0 && channel != &current {
                format!("{} • {unread} new", channel.label())
            } else {
                channel.label()
            };
            if ui.selectable_label(channel == &current, label).clicked() {
                state.channel = Some(channel.clone());
            }
        }
    });
    let rows = state.index.rows(&current);
    state.read.insert(current.clone(), rows.len());
    let rows = state.index.rows(&current);
    let opened = state
        .reading
        // Ids ascend in the list (a mirror holds only some of them).
        .and_then(|id| {
            let at = messages.binary_search_by_key(&id, |m| m.id).ok()?;
            messages.get(at)
        })
        .filter(|m| m.channel == current);
    let composer_height = 92.0
        + if opened.is_some() {
            READING_HEIGHT
        } else {
            0.0
        };
    let history_height = (ui.available_height() - composer_height).max(60.0);
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("history")
        .stick_to_bottom(true)
        .auto_shrink(false)
        .max_height(history_height)
        .show_rows(ui, ROW, rows.len(), |ui, range| {
            for &i in &rows[range] {
                if message_row(ui, view, &messages[i]) {
                    clicked = Some(messages[i].id);
                }
            }
        });
    if let Some(id) = clicked {
        state.reading = (state.reading != Some(id)).then_some(id);
    }
    if let Some(message) = opened
        && reading_pane(ui, view, message)
    {
        state.reading = None;
    }
    if view.read_only {
        return actions;
    }
    ui.horizontal_wrapped(|ui| {
        for kind in KINDS {
            if ui
                .selectable_label(state.kind() == kind, kind.label())
                .clicked()
            {
                state.kind = Some(kind);
            }
        }
    });
    let composer_id = egui::Id::new("composer");
    let response = ui.add(
        egui::TextEdit::singleline(&mut state.composer)
            .id(composer_id)
            .hint_text(COMPOSER_HINT)
            .desired_width(f32::INFINITY),
    );
    if state.focus_moved && state.focus == crate::app::ui_state::Focus::Chat {
        response.request_focus();
    }
    state.focus_moved = false;
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        if let Some(action) = submit(view, state) {
            actions.push(action);
        }
        response.request_focus();
    }
    mention_suggestions(ui, view, state);
    if let Some(error) = &state.composer_error {
        ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
    } else if let Some(reason) = latest_refusal(view, state) {
        // The drill said no to something this person did: it stands out
        // where they type, for two minutes of drill time.
        ui.colored_label(
            egui::Color32::from_rgb(230, 110, 90),
            format!("⛔ Refused: {reason}"),
        );
    }
    actions
}

/// The reason the drill last refused a command of this person's, if recent.
/// (`drill_screen` brings the log index up to date at the frame's start.)
fn latest_refusal(view: &View, state: &UiState) -> Option<String> {
    let log = view.drill.log();
    state
        .log_index
        .command_refusals
        .iter()
        .rev()
        .map(|&i| &log[i])
        .take_while(|e| view.drill.now() <= e.at + 120)
        .find_map(|e| match &e.event {
            crate::world::Event::CommandRefused { by, reason, .. } if by == view.me => {
                Some(reason.clone())
            }
            _ => None,
        })
}

/// Turns the composer's text into an action, or leaves an error to show.
pub fn submit(view: &View, state: &mut UiState) -> Option<Action> {
    let cx = Context {
        scenario: view.drill.scenario(),
        people: view.drill.people(),
        channel: state.channel(),
        kind: state.kind(),
        affected: compose::affected_components(view.drill),
    };
    match compose::parse(&state.composer, &cx) {
        Ok(command) => {
            state.composer.clear();
            state.composer_error = None;
            Some(Action::Drill(command))
        }
        Err(error) => {
            state.composer_error = Some(error);
            None
        }
    }
}

/// Height of the pane that shows one message whole.
const READING_HEIGHT: f32 = 96.0;

/// The opened message, whole and wrapped; true when it is closed.
fn reading_pane(ui: &mut egui::Ui, view: &View, message: &Message) -> bool {
    let mut close = false;
    ui.group(|ui| {
        ui.horizontal(|ui| {
            ui.weak(clock(message.at));
            ui.strong(sender(view, message));
            ui.weak(format!("[{}]", message.kind.label()));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                close = ui.small_button("Close").clicked();
            });
        });
        egui::ScrollArea::vertical()
            .id_salt("reading")
            .max_height(READING_HEIGHT - 40.0)
            .show(ui, |ui| {
                ui.add(egui::Label::new(&message.text).wrap());
            });
    });
    close
}

/// Who posted a message, by name when they are in the drill.
fn sender<'a>(view: &'a View, message: &'a Message) -> &'a str {
    view.drill
        .people()
        .get(&message.from)
        .map_or(message.from.as_str(), |p| p.name.as_str())
}

/// One message on one line; true when it was clicked (to open it whole).
/// The line is one piece of laid-out text (time, sender, kind, words, each
/// in its own colour), cut with "…" at the panel's edge: one widget per row
/// instead of four keeps a long chat cheap, and egui keeps its layout from
/// frame to frame. A screen reader hears the whole line.
fn message_row(ui: &mut egui::Ui, view: &View, message: &Message) -> bool {
    let name = sender(view, message);
    let mine = message.mentions.iter().any(|m| m == view.me);
    let kind_colour = kind_colour(ui, message.kind);
    let visuals = ui.visuals();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    let mut add = |text: &str, color: egui::Color32| {
        job.append(
            text,
            0.0,
            egui::TextFormat {
                font_id: font.clone(),
                color,
                ..Default::default()
            },
        );
    };
    add(&clock(message.at), visuals.weak_text_color());
    add("  ", visuals.text_color());
    add(name, visuals.strong_text_color());
    add("  ", visuals.text_color());
    add(&format!("[{}]", message.kind.label()), kind_colour);
    add("  ", visuals.text_color());
    let words = if mine {
        visuals.warn_fg_color
    } else {
        visuals.text_color()
    };
    add(&message.text, words);
    ui.horizontal(|ui| {
        ui.set_height(ROW);
        crate::app::icons::show(
            ui,
            crate::app::icons::kind(message.kind),
            ROW - 4.0,
            kind_colour,
        );
        ui.add(egui::Label::new(job).truncate().sense(egui::Sense::click()))
            .on_hover_text("Click to read it whole")
            .clicked()
    })
    .inner
}

/// The colour of a message kind in the chat (always beside its name).
fn kind_colour(ui: &egui::Ui, kind: MessageKind) -> egui::Color32 {
    match kind {
        MessageKind::Order => egui::Color32::from_rgb(240, 170, 70),
        MessageKind::Decision | MessageKind::Proposal => egui::Color32::from_rgb(150, 170, 250),
        MessageKind::Report => egui::Color32::from_rgb(120, 200, 150),
        MessageKind::Question => egui::Color32::from_rgb(230, 120, 200),
        _ => ui.visuals().weak_text_color(),
    }
}

/// Completions for an @mention being typed; a click completes it.
fn mention_suggestions(ui: &mut egui::Ui, view: &View, state: &mut UiState) {
    let Some(last) = state
        .composer
        .split_whitespace()
        .last()
        .filter(|w| w.starts_with('@') && !state.composer.ends_with(' '))
    else {
        return;
    };
    let options = compose::complete_mention(last, view.drill.people());
    if options.is_empty() || options.iter().any(|o| format!("@{o}") == last) {
        return;
    }
    let last = last.to_string();
    ui.horizontal(|ui| {
        ui.weak("mention:");
        for id in options.iter().take(6) {
            if ui.small_button(format!("@{id}")).clicked() {
                let keep = state.composer.len() - last.len();
                state.composer.truncate(keep);
                state.composer.push_str(&format!("@{id} "));
            }
        }
    });
}
