//! The panels driven through egui without a window: what a trainee types and
//! clicks becomes the core command they meant.

use bevy_egui::egui;

use super::{Action, View, drill_screen};
use crate::app::ui_state::UiState;
use crate::base::time::Dur;
use crate::lenses::view::Lens;
use crate::run::Simulation;
use crate::scenario::Seat;
use crate::testing::{drill, idle_until};
use crate::world::comms::{Channel, MessageKind, Task};
use crate::world::{Command, Drill};

mod access;

fn view<'a>(drill: &'a Drill, me: &'a str, seat: Seat) -> View<'a> {
    View {
        drill,
        me,
        lens: Lens::Seat(seat),
        speed: 1,
        paused: false,
        practice: false,
        read_only: false,
        console_on_left: false,
        instructor: false,
        remote: false,
    }
}

/// Runs one frame with the given input events and returns the panels' actions.
fn frame(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    view: &View,
    state: &mut UiState,
) -> Vec<Action> {
    frame_with_texts(ctx, events, view, state).0
}

/// One frame, also returning every text painted.
fn frame_with_texts(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    view: &View,
    state: &mut UiState,
) -> (Vec<Action>, Vec<String>) {
    let mut actions = Vec::new();
    let texts =
        crate::app::ui_test::frame(ctx, events, |ui| actions = drill_screen(ui, view, state));
    (actions, texts)
}

fn key(key: egui::Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// Focuses the composer, types `text` and presses Enter.
fn type_and_send(text: &str, view: &View, state: &mut UiState) -> Vec<Action> {
    let ctx = egui::Context::default();
    frame(&ctx, vec![], view, state);
    ctx.memory_mut(|m| m.request_focus(egui::Id::new("composer")));
    frame(&ctx, vec![], view, state);
    frame(&ctx, vec![egui::Event::Text(text.into())], view, state);
    frame(&ctx, vec![key(egui::Key::Enter)], view, state)
}

#[test]
fn typing_an_order_and_pressing_enter_yields_the_core_order() {
    let d = drill();
    let v = view(&d, "ben", Seat::OL);
    let mut state = UiState::default();
    let actions = type_and_send("/order @Ana fail over orders-db 5m", &v, &mut state);
    assert_eq!(
        actions,
        [Action::Drill(Command::Order {
            to: Some("ana".into()),
            task: Task::Free("fail over orders-db".into()),
            timebox: Some(Dur(300)),
            text: "@ana fail over orders-db 5m".into(),
        })]
    );
    assert!(
        state.composer.is_empty(),
        "the composer clears after sending"
    );
}

#[test]
fn plain_text_goes_to_the_open_channel_with_the_chosen_kind_and_mistakes_stay_to_fix() {
    let d = drill();
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState {
        kind: Some(MessageKind::Question),
        ..Default::default()
    };
    let actions = type_and_send("where are we on the db?", &v, &mut state);
    assert_eq!(
        actions,
        [Action::Drill(Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Question,
            text: "where are we on the db?".into()
        })]
    );
    let actions = type_and_send("/order @zed look 5m", &v, &mut state);
    assert!(actions.is_empty());
    assert_eq!(
        state.composer, "/order @zed look 5m",
        "the text stays so it can be fixed"
    );
    assert!(
        state
            .composer_error
            .as_deref()
            .is_some_and(|e| e.contains("nobody called @zed"))
    );
}

#[test]
fn each_seat_sees_its_own_panels() {
    let mut d = drill();
    idle_until(&mut d, 120);
    let ctx = egui::Context::default();
    let mut state = UiState::default();
    for (seat, visible, hidden) in [
        (Seat::OL, "Ops console", "Status page"),
        (Seat::CL, "Status page", "Ops console"),
        (Seat::IC, "Incident State Document", "Ops console"),
        (Seat::Scribe, "Timeline", "Status page"),
    ] {
        let v = view(&d, "ana", seat);
        let (_, shown) = frame_with_texts(&ctx, vec![], &v, &mut state);
        assert!(
            shown.iter().any(|t| t == visible),
            "{seat:?} should see {visible}"
        );
        assert!(
            !shown.iter().any(|t| t == hidden),
            "{seat:?} should not see {hidden}"
        );
    }
}

#[test]
fn tab_moves_through_the_seats_panels_only() {
    use crate::app::ui_state::Focus;
    let ol = Lens::Seat(Seat::OL).instruments();
    let mut focus = Focus::Chat;
    let mut visited = vec![];
    for _ in 0..5 {
        focus = focus.next_for(ol);
        visited.push(focus);
    }
    assert_eq!(
        visited,
        [
            Focus::Topology,
            Focus::Dashboards,
            Focus::Ops,
            Focus::Chat,
            Focus::Topology
        ]
    );
    let cl = Lens::Seat(Seat::CL).instruments();
    assert_eq!(
        Focus::Topology.next_for(cl),
        Focus::StatusPage,
        "the CL has no dashboards or ops console"
    );
}

#[test]
fn the_ic_on_call_acknowledges_a_page_from_the_pager_under_the_roster() {
    let mut d = drill();
    idle_until(&mut d, 3 * 60);
    assert!(
        d.alerts().iter().any(|a| a.firing_since.is_some()),
        "the tiny drill has paged by now"
    );
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState::default();
    let ctx = egui::Context::default();
    let mut texts = Vec::new();
    crate::app::ui_test::placed(&ctx, vec![], |ui| {
        drill_screen(ui, &v, &mut state);
    })
    .into_iter()
    .for_each(|t| texts.push(t));
    assert!(
        texts.iter().any(|(t, _)| t == "Page NEW"),
        "the page shows in the IC's view"
    );
    // The pager's Ack (in the left panel), not the composer's "Ack" message kind.
    let pager: Vec<(String, egui::Rect)> = texts
        .iter()
        .filter(|(t, r)| t == "Ack" && r.min.x < 400.0)
        .cloned()
        .collect();
    let mut actions = Vec::new();
    crate::app::ui_test::placed(&ctx, crate::app::ui_test::click_on(&pager, "Ack"), |ui| {
        actions = drill_screen(ui, &v, &mut state)
    });
    assert_eq!(
        actions,
        vec![Action::Drill(Command::AckAlert("db-errors".into()))]
    );

    // The scribe has no pager.
    let (_, texts) = frame_with_texts(
        &ctx,
        vec![],
        &view(&d, "riley", Seat::Scribe),
        &mut UiState::default(),
    );
    assert!(!texts.iter().any(|t| t == "Page NEW"), "{texts:?}");
    // Instruments follow the roles a person has been given: the IC keeps the
    // pager whichever seat's view they are shown.
    let (_, texts) = frame_with_texts(
        &ctx,
        vec![],
        &view(&d, "ana", Seat::Scribe),
        &mut UiState::default(),
    );
    assert!(texts.iter().any(|t| t == "Page NEW"), "{texts:?}");
}

#[test]
fn a_long_message_is_one_line_in_the_history_and_whole_after_a_click() {
    let mut d = drill();
    let long = "@ben the orders database disk is full because the audit log was never rotated; \
                free space first by moving the audit log to the archive volume, then grow the \
                disk by 200 GB, report back in 10m with what you found and what you changed";
    crate::testing::act(
        &mut d,
        "ana",
        Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Chat,
            text: long.into(),
        },
    );
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState::default();
    let ctx = egui::Context::default();
    let shown = crate::app::ui_test::placed(&ctx, Vec::new(), |ui| {
        drill_screen(ui, &v, &mut state);
    });
    let row = shown
        .iter()
        .find(|(t, _)| t.contains("Ana  [Chat]  @ben the orders database"))
        .cloned()
        .expect("the message's row: time, sender, kind and words on one line");
    let one_line = |r: &egui::Rect| r.height() < 24.0;
    assert!(one_line(&row.1), "one line in the history: {:?}", row.1);
    assert!(
        shown
            .iter()
            .filter(|(t, _)| t == long)
            .all(|(_, r)| one_line(r)),
        "nowhere whole before the click"
    );
    let click = crate::app::ui_test::click_on(&shown, &row.0);
    crate::app::ui_test::placed(&ctx, click, |ui| {
        drill_screen(ui, &v, &mut state);
    });
    let shown = crate::app::ui_test::placed(&ctx, Vec::new(), |ui| {
        drill_screen(ui, &v, &mut state);
    });
    assert!(
        shown.iter().any(|(t, r)| t == long && r.height() > 30.0),
        "the whole message is shown, wrapped, after the click"
    );
}

#[test]
fn the_map_keeps_each_name_inside_its_box_even_with_a_hundred_components() {
    let scenario = crate::tools::synthetic::scenario(100);
    let (boxes, _) = super::topology::layout(&scenario, 430.0, 300.0);
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.width() >= 80.0, "box {i} is {} wide", a.width());
        for b in &boxes[i + 1..] {
            assert!(!a.intersects(*b), "boxes overlap: {a:?} {b:?}");
        }
    }
    let d = Simulation::new(scenario.clone(), 1, &[]);
    let v = view(&d, "ana", Seat::IC);
    let mut state = UiState::default();
    let shown = crate::app::ui_test::placed(&egui::Context::default(), Vec::new(), |ui| {
        ui.set_width(430.0);
        super::topology::show(ui, &v, &mut state);
    });
    let names: Vec<&(String, egui::Rect)> =
        shown.iter().filter(|(t, _)| t.starts_with("✔ ")).collect();
    assert!(names.len() >= 20, "labels drawn: {}", names.len());
    for (text, rect) in &names {
        assert!(
            rect.width() <= 170.0 && rect.width() <= 430.0 / 4.0,
            "`{text}` is {} wide",
            rect.width()
        );
        assert!(text.lines().count() <= 2, "`{text}` on two lines at most");
    }
    for (i, (_, a)) in names.iter().enumerate() {
        for (_, b) in &names[i + 1..] {
            assert!(!a.shrink(0.5).intersects(b.shrink(0.5)), "labels overlap");
        }
    }
}

#[test]
fn a_refused_command_stands_out_where_the_trainee_types() {
    let mut d = crate::testing::drill_with_ol();
    crate::testing::act(
        &mut d,
        "ben",
        Command::Say {
            channel: Channel::Liaison,
            kind: MessageKind::Chat,
            text: "hello".into(),
        },
    );
    let v = view(&d, "ben", Seat::OL);
    let mut state = UiState::default();
    let (_, texts) = frame_with_texts(&egui::Context::default(), Vec::new(), &v, &mut state);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("⛔ Refused: #liaison speaks for the company")),
        "{texts:?}"
    );
    let v = view(&d, "ana", Seat::IC);
    let (_, texts) = frame_with_texts(
        &egui::Context::default(),
        Vec::new(),
        &v,
        &mut UiState::default(),
    );
    assert!(
        !texts.iter().any(|t| t.starts_with("⛔ Refused")),
        "only to the sender"
    );
}
