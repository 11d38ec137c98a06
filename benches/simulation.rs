//! Simulation throughput (simulated seconds per wall second) on the bundled
//! scenarios under scripted play, an unattended hour of the largest
//! scenario, and scaling with the number of components.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use firedrill::base::time::MINUTE;
use firedrill::run::script::{self, Script};
use firedrill::run::{Pace, Room, Simulation};
use firedrill::scenario::{self, LoadedScenario, Scenario};

fn bundled() -> Vec<(LoadedScenario, Script)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let loaded = scenario::load(&path).unwrap_or_else(|d| panic!("{d}"));
            let script_path = root.join(format!("scripts/{}.exemplary.ron", loaded.scenario.id));
            let script = if script_path.exists() {
                script::load(&script_path, &loaded.scenario).unwrap()
            } else {
                Script::empty(&loaded.scenario.id)
            };
            (loaded, script)
        })
        .collect()
}

/// Plays to the end; returns the simulated seconds covered.
fn play(scenario: &Scenario, script: &Script) -> u32 {
    let sim = Simulation::new(scenario.clone(), 7, &script.team);
    let mut room = Room::new(sim, None).with_script(Some(script.clone()));
    room.run_to_end(Pace(None), |_| {}).unwrap();
    room.drill().now()
}

/// Humans hold every seat and do nothing: the platform, responders,
/// executives and customers run for the whole hour.
fn unattended_hour(scenario: &Scenario) -> u32 {
    let mut scenario = scenario.clone();
    scenario.time_limit = 60 * MINUTE;
    let team = firedrill::tools::synthetic::seated_team();
    let mut drill = Simulation::new(scenario, 7, &team);
    while !drill.is_over() {
        drill.step(&[]);
    }
    drill.now()
}

fn scripted(c: &mut Criterion) {
    let mut group = c.benchmark_group("scripted_drill");
    group.sample_size(20);
    for (loaded, script) in bundled() {
        let ticks = play(&loaded.scenario, &script);
        group.throughput(Throughput::Elements(u64::from(ticks)));
        group.bench_with_input(
            BenchmarkId::from_parameter(&loaded.scenario.id),
            &(loaded.scenario, script),
            |b, (s, script)| b.iter(|| black_box(play(s, script))),
        );
    }
    group.finish();
}

fn largest_hour(c: &mut Criterion) {
    let all = bundled();
    let largest = all
        .iter()
        .max_by_key(|(l, _)| (l.scenario.components.len(), l.scenario.actions.len()))
        .unwrap();
    let mut group = c.benchmark_group("unattended_hour");
    group.sample_size(20);
    group.throughput(Throughput::Elements(u64::from(60 * MINUTE)));
    group.bench_function(&largest.0.scenario.id, |b| {
        b.iter(|| black_box(unattended_hour(&largest.0.scenario)))
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let base = bundled()
        .iter()
        .map(|(l, _)| l.scenario.components.len())
        .max()
        .unwrap();
    let mut group = c.benchmark_group("scaling_hour");
    group.sample_size(10);
    for factor in [1, 2, 4, 8] {
        let scenario = firedrill::tools::synthetic::scenario(base * factor);
        group.throughput(Throughput::Elements(
            (base * factor) as u64 * u64::from(60 * MINUTE),
        ));
        group.bench_with_input(
            BenchmarkId::new("components", base * factor),
            &scenario,
            |b, s| b.iter(|| black_box(unattended_hour(s))),
        );
    }
    group.finish();
}

criterion_group!(benches, scripted, largest_hour, scaling);
criterion_main!(benches);
