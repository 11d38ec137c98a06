//! What a screen reader and a keyboard-only trainee get from the drill
//! screen: the AccessKit tree as text, and Tab reaching every button.

use bevy_egui::egui;

use super::{drill, idle_until, key, view};
use crate::app::panels::drill_screen;
use crate::app::ui_state::UiState;
use crate::scenario::Seat;
use crate::world::Command;
use crate::world::comms::{Channel, MessageKind};

#[test]
fn a_screen_reader_is_given_the_clock_the_alerts_and_every_chat_message_whole() {
    let mut d = drill();
    idle_until(&mut d, 3 * 60);
    let long = "Orders are failing for every customer in the EU; I am paging the database \
                owner and will report again within ten minutes with what we learn";
    d.step(&[crate::world::Input {
        by: "ana".into(),
        command: Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Report,
            text: long.into(),
        },
    }]);
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState::default();
    let ctx = egui::Context::default();
    let heard = crate::app::ui_test::spoken(&ctx, vec![], |ui| {
        drill_screen(ui, &v, &mut state);
    });
    let clock = crate::base::time::clock(d.now());
    assert!(
        heard.says(&clock),
        "the clock {clock} is read out: {heard:?}"
    );
    let firing: Vec<&str> = d
        .scenario()
        .alerts
        .iter()
        .zip(d.alerts())
        .filter(|(_, s)| s.firing_since.is_some())
        .map(|(a, _)| a.text.as_str())
        .collect();
    assert!(!firing.is_empty(), "the tiny drill has paged by now");
    for text in firing {
        assert!(heard.says(text), "the alert `{text}` is read out");
    }
    // The row on screen is cut to one line; the reader is given it whole.
    assert!(
        heard.says(long),
        "the long report is read out whole: {heard:?}"
    );
    let messages = d.messages();
    for m in messages
        .iter()
        .filter(|m| m.channel == Channel::CommandPost)
    {
        assert!(heard.says(&m.text), "message `{}` is read out", m.text);
    }
}

#[test]
fn every_button_on_the_drill_screen_is_reached_by_tab_and_pressed_by_enter() {
    let mut d = drill();
    idle_until(&mut d, 3 * 60);
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState::default();
    let ctx = egui::Context::default();
    let show = |events: Vec<egui::Event>, state: &mut UiState| {
        crate::app::ui_test::spoken(&ctx, events, |ui| {
            drill_screen(ui, &v, state);
        })
    };
    let first = show(vec![], &mut state);
    let buttons: std::collections::BTreeSet<String> = first
        .nodes
        .iter()
        .filter(|(role, text)| *role == egui::accesskit::Role::Button && !text.is_empty())
        .map(|(_, text)| text.clone())
        .collect();
    assert!(buttons.contains("Status update"), "{buttons:?}");
    let mut reached = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let heard = show(vec![key(egui::Key::Tab)], &mut state);
        if let Some((_, text)) = heard.focused {
            reached.insert(text);
        }
    }
    let missed: Vec<&String> = buttons.difference(&reached).collect();
    assert!(missed.is_empty(), "Tab never reaches {missed:?}");
    // Tab to the kind, Enter chooses it.
    for _ in 0..300 {
        let heard = show(vec![key(egui::Key::Tab)], &mut state);
        if heard
            .focused
            .as_ref()
            .is_some_and(|(_, t)| t == "Status update")
        {
            break;
        }
    }
    show(vec![key(egui::Key::Enter)], &mut state);
    assert_eq!(state.kind(), MessageKind::StatusUpdate);
}
