//! Scoring and the AAR of long logs: a synthetic four-hour drill of 50,000
//! events (target: scoring plus AAR in ≤ 20 ms), and at 12.5k/25k/50k/100k
//! events to show the cost is linear in the log.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use firedrill::judge::{aar, score};
use firedrill::scenario;
use firedrill::tools::synthetic;

fn scenario() -> scenario::Scenario {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/matching-engine-failure.ron");
    scenario::load(&path)
        .unwrap_or_else(|d| panic!("{d}"))
        .scenario
}

fn score_and_aar(scenario: &scenario::Scenario, log: &[firedrill::world::Entry]) -> usize {
    let facts = score::Facts::new(scenario, log);
    let card = score::score_facts(&facts, None);
    let md = aar::markdown(&aar::Input {
        facts: &facts,
        seed: 1,
        card: &card,
        previous: None,
        answers: None,
        knobs: Default::default(),
    });
    md.len()
}

fn bench(c: &mut Criterion) {
    let scenario = scenario();
    let mut group = c.benchmark_group("score_and_aar");
    group.sample_size(20);
    for events in [12_500usize, 25_000, 50_000, 100_000] {
        let log = synthetic::long_log(&scenario, events);
        group.throughput(Throughput::Elements(events as u64));
        group.bench_with_input(BenchmarkId::from_parameter(events), &log, |b, log| {
            b.iter(|| black_box(score_and_aar(&scenario, log)));
        });
    }
    group.finish();
    let log = synthetic::long_log(&scenario, 50_000);
    c.bench_function("score_only_50k", |b| {
        b.iter(|| black_box(score::score(&scenario, &log, None)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
