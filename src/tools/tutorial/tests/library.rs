//! Saved progress and the suggested order for the library.

use super::*;

#[test]
fn progress_is_saved_and_a_damaged_file_is_named_and_kept() {
    let dir = std::env::temp_dir().join(format!("firedrill-tutorial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tutorial.ron");
    let mut progress = Progress::load(&path).unwrap();
    assert_eq!(progress.next_stage(), Some(StageId::Scribe));

    let run = play(StageId::Scribe, Some(20));
    progress.record(&run.coach.result(&run.drill), None);
    progress.save(&path).unwrap();
    let loaded = Progress::load(&path).unwrap();
    assert_eq!(loaded, progress);
    assert_eq!(loaded.next_stage(), Some(StageId::Communications));
    assert!(loaded.weak_seats().is_empty());

    std::fs::write(
        &path,
        "Progress(stages: [(stage: Scribe, steps_done: 6,\n  steps: six)])",
    )
    .unwrap();
    let err = Progress::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:2:", path.display())), "{err}");
    assert!(err.contains("start the tutorial over"), "{err}");
    let aside = set_aside(&path).unwrap();
    assert!(!path.exists());
    assert!(std::fs::read_to_string(aside).unwrap().contains("six"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn finishing_suggests_the_library_easiest_first_and_the_weak_seat_first_within_a_level() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let library: Vec<Scenario> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| crate::scenario::load(&p).unwrap().scenario)
        .collect();
    let refs: Vec<&Scenario> = library.iter().collect();

    let mut progress = Progress::default();
    for (id, hints) in [
        (StageId::Scribe, 0),
        (StageId::Communications, 2),
        (StageId::Command, 0),
    ] {
        let steps = stage(id).steps.len();
        progress.stages.push(StageRecord {
            stage: id,
            steps_done: steps,
            steps,
            hints,
            session: None,
        });
    }
    assert!(progress.finished());
    assert_eq!(progress.weak_seats(), vec![Seat::CL]);

    let order = suggest_order(&refs, &progress.weak_seats());
    assert_eq!(order.len(), library.len(), "every drill once");
    assert!(order.windows(2).all(|w| w[0].difficulty <= w[1].difficulty));
    let recommends = |id: &str, seat| {
        refs.iter()
            .any(|r| r.id == id && r.recommended_seats.contains(&seat))
    };
    for level in order.chunk_by(|a, b| a.difficulty == b.difficulty) {
        // Each level opens in the hardest seat when one of its drills recommends it.
        if level.iter().any(|s| recommends(&s.id, Seat::CL)) {
            assert_eq!(level[0].seat, Seat::CL, "{level:?}");
            assert!(
                level[0].why.contains("where the tutorial was hardest"),
                "{:?}",
                level[0]
            );
        }
        for s in level {
            assert!(
                recommends(&s.id, s.seat),
                "{s:?} sits a seat its drill does not recommend"
            );
        }
    }
    // The rest rotate: the seat the tutorial never sat (OL) comes up, and no seat takes every drill.
    let seats: std::collections::BTreeSet<Seat> = order.iter().map(|s| s.seat).collect();
    assert!(seats.contains(&Seat::OL) && seats.len() >= 3, "{seats:?}");

    // A trainee who never struggled is sent nowhere "back".
    let calm = suggest_order(&refs, &[]);
    assert!(calm.iter().all(|s| !s.why.contains("hardest")));
}
