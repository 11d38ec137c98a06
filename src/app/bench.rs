//! The bench mode: `firedrill bench-ui` runs a stress drill (a generated
//! platform of many components and a long chat) in the real window for a
//! number of frames, then prints frame-time percentiles, the time spent in
//! Firedrill's own systems, and the start-up time to the first drawn drill frame.
//!
//! Own time is measured twice: by the wall clock around the systems' sets,
//! and as the processor time of the threads running the drill's clock and
//! the drill screen (`cost`). On a small machine
//! drawing through a software renderer, the renderer's threads take the
//! processor from under our systems, so the wall figure counts their time
//! too; the processor figure is what our systems cost.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use bevy_egui::EguiPrimaryContextPass;

use super::live::LiveDrill;
use super::screen::AppSystems;
use crate::scenario::{LoadedScenario, Seat};
use crate::world::Command;
use crate::world::comms::{Channel, MessageKind};

/// What to measure.
#[derive(Resource, Debug, Clone)]
pub struct BenchPlan {
    pub components: usize,
    pub messages: usize,
    pub frames: usize,
    /// When the process started, for the start-up figure.
    pub started: Instant,
}

/// Measurements so far.
#[derive(Resource, Debug, Default)]
pub struct BenchStats {
    frame_times: Vec<Duration>,
    own_times: Vec<Duration>,
    /// Processor time of the clock and the drill screen's systems.
    cpu_times: Vec<Duration>,
    /// The same, split: the clock stepping the drill, and the drill screen.
    clock_times: Vec<Duration>,
    ui_times: Vec<Duration>,
    /// Own-system time within the current frame, clock then screen.
    clock_this_frame: Duration,
    ui_this_frame: Duration,
    /// When the set being timed began, if one is running.
    timing_since: Option<Instant>,
    first_frame: Option<Duration>,
    warmup: usize,
}

impl BenchStats {
    fn start_timing(mut stats: ResMut<BenchStats>) {
        stats.timing_since = Some(Instant::now());
    }

    fn stop_clock(mut stats: ResMut<BenchStats>) {
        if let Some(since) = stats.timing_since.take() {
            stats.clock_this_frame += since.elapsed();
        }
    }

    fn stop_ui(mut stats: ResMut<BenchStats>) {
        if let Some(since) = stats.timing_since.take() {
            stats.ui_this_frame += since.elapsed();
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start.run_if(resource_exists::<BenchPlan>));
    app.add_systems(Last, record.run_if(resource_exists::<BenchPlan>));
    // Firedrill's own time per frame: the clock stepping the drill and the
    // drill screen's drawing, timed from outside their sets.
    let timed = resource_exists::<BenchStats>;
    app.add_systems(
        Update,
        (
            BenchStats::start_timing.before(AppSystems::Clock),
            BenchStats::stop_clock.after(AppSystems::Clock),
        )
            .run_if(timed),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        (
            BenchStats::start_timing.before(AppSystems::DrillUi),
            BenchStats::stop_ui.after(AppSystems::DrillUi),
        )
            .run_if(timed),
    );
}

/// The stress drill: a generated platform and a chat already `messages` long.
pub fn stress_drill(components: usize, messages: usize) -> LiveDrill {
    let scenario = crate::tools::synthetic::scenario(components);
    let loaded = LoadedScenario {
        scenario,
        path: "synthetic".into(),
        hash: String::new(),
    };
    let mut live = LiveDrill::start(&loaded, Seat::OL, 1, None, None)
        .expect("a stress drill without a journal starts");
    for i in 0..messages {
        let text = format!(
            "Message {i}: @you checking c{} — latency looks {} than baseline",
            i % components.max(1),
            if i % 2 == 0 { "worse" } else { "better" }
        );
        // Through the loop like anyone's words: the simulated OL said it all in the first second.
        live.queue_as(
            "sam",
            Command::Say {
                channel: Channel::CommandPost,
                kind: MessageKind::Chat,
                text,
            },
        );
    }
    live.step_once();
    live.practice = true;
    live
}

fn start(
    mut commands: Commands,
    plan: Res<BenchPlan>,
    mut next: ResMut<NextState<super::screen::Screen>>,
) {
    commands.insert_resource(stress_drill(plan.components, plan.messages));
    commands.insert_resource(BenchStats {
        warmup: 30,
        ..Default::default()
    });
    next.set(super::screen::Screen::Drill);
}

fn record(
    time: Res<Time<Real>>,
    plan: Res<BenchPlan>,
    mut stats: ResMut<BenchStats>,
    live: Option<Res<LiveDrill>>,
    mut exit: MessageWriter<AppExit>,
) {
    let clock = std::mem::take(&mut stats.clock_this_frame);
    let ui = std::mem::take(&mut stats.ui_this_frame);
    let own = clock + ui;
    let cpu = super::cost::take_frame();
    if live.is_none() || ui.is_zero() {
        return; // the drill screen has not drawn yet
    }
    if stats.first_frame.is_none() {
        stats.first_frame = Some(plan.started.elapsed());
    }
    if stats.warmup > 0 {
        stats.warmup -= 1;
        return;
    }
    stats.frame_times.push(time.delta());
    stats.own_times.push(own);
    stats.cpu_times.push(cpu);
    stats.clock_times.push(clock);
    stats.ui_times.push(ui);
    if stats.frame_times.len() >= plan.frames {
        println!("{}", report(&plan, &stats));
        exit.write(AppExit::Success);
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn report(plan: &BenchPlan, stats: &BenchStats) -> String {
    let sorted = |v: &Vec<Duration>| {
        let mut v = v.clone();
        v.sort();
        v
    };
    let (frames, own) = (sorted(&stats.frame_times), sorted(&stats.own_times));
    let (clock, ui) = (sorted(&stats.clock_times), sorted(&stats.ui_times));
    let cpu = sorted(&stats.cpu_times);
    let mean = |v: &[Duration]| {
        v.iter().map(Duration::as_secs_f64).sum::<f64>() / v.len().max(1) as f64 * 1000.0
    };
    format!(
        "bench-ui: {} components, {} messages, {} frames\n  frame time ms: p50 {:.2}  p95 {:.2}  p99 {:.2}  mean {:.2}\n  Firedrill systems, wall clock ms/frame: p50 {:.3}  p95 {:.3}  p99 {:.3}  mean {:.3}\n    the clock stepping the drill: p50 {:.3}  p95 {:.3}  p99 {:.3}\n    the drill screen: p50 {:.3}  p95 {:.3}  p99 {:.3}\n  Firedrill systems, processor time ms/frame: p50 {:.3}  p95 {:.3}  p99 {:.3}  mean {:.3}\n  start-up to first drill frame: {:.2} s",
        plan.components,
        plan.messages,
        frames.len(),
        percentile(&frames, 0.5),
        percentile(&frames, 0.95),
        percentile(&frames, 0.99),
        mean(&frames),
        percentile(&own, 0.5),
        percentile(&own, 0.95),
        percentile(&own, 0.99),
        mean(&own),
        percentile(&clock, 0.5),
        percentile(&clock, 0.95),
        percentile(&clock, 0.99),
        percentile(&ui, 0.5),
        percentile(&ui, 0.95),
        percentile(&ui, 0.99),
        percentile(&cpu, 0.5),
        percentile(&cpu, 0.95),
        percentile(&cpu, 0.99),
        mean(&cpu),
        stats.first_frame.unwrap_or_default().as_secs_f64()
    )
}
