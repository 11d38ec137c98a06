//! Validity of the rubric on the bundled library: exemplary teams score P,
//! chaotic teams U, and each single lapse lowers exactly the criterion it
//! violates, with evidence naming it. Plus the golden AAR.

use firedrill::base::time::{Dur, MINUTE};
use firedrill::judge::aar;
use firedrill::judge::score::{Answers, Criterion, Facts, Scorecard, score, score_facts};
use firedrill::run::script::{Script, ScriptCommand};
use firedrill::world::Command;
use firedrill::world::comms::{Channel, MessageKind};

use crate::common::{play_to_end, root, scripts};

fn scored(loaded: &firedrill::scenario::LoadedScenario, script: &Script) -> Scorecard {
    let drill = play_to_end(loaded, script, 1);
    score(&loaded.scenario, drill.log(), None)
}

#[test]
fn exemplary_teams_score_p_and_chaotic_teams_u_in_every_scenario() {
    let (mut exemplary, mut chaotic) = (Vec::new(), Vec::new());
    for (path, loaded, script) in scripts() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let card = scored(&loaded, &script);
        let overall = card.overall.expect("a played drill has an overall score");
        if name.ends_with(".exemplary.ron") {
            exemplary.push(script.scenario.clone());
            assert!(
                overall >= 0.85,
                "{name}: exemplary scored {overall:.2}\n{card:#?}"
            );
        } else if name.ends_with(".chaotic.ron") {
            chaotic.push(script.scenario.clone());
            assert!(overall < 0.40, "{name}: chaotic scored {overall:.2}");
        } else if name.contains(".solo-") {
            assert!(
                overall >= 0.85,
                "{name}: a good solo seat scored {overall:.2}"
            );
        }
    }
    // Every scenario in the library has both scripts.
    let mut ids: Vec<String> = super::common::scenarios()
        .into_iter()
        .map(|s| s.scenario.id)
        .collect();
    ids.sort();
    exemplary.sort();
    chaotic.sort();
    assert_eq!(exemplary, ids, "an exemplary script per scenario");
    assert_eq!(chaotic, ids, "a chaotic script per scenario");
}

/// A lapse applied to an exemplary script: its name, the criterion it must
/// lower, the criteria it may also move, and words its evidence must contain.
struct Lapse {
    name: &'static str,
    lowers: Criterion,
    may_move: &'static [Criterion],
    evidence: &'static str,
    apply: fn(&mut Script, &firedrill::scenario::Scenario) -> bool,
}

fn seat_holder(script: &Script, seat: firedrill::scenario::Seat) -> String {
    script
        .team
        .iter()
        .find(|h| h.seat == seat)
        .map(|h| h.id.clone())
        .expect("seat in team")
}

const LAPSES: &[Lapse] = &[
    Lapse {
        name: "late declaration",
        lowers: Criterion::C1,
        // The declaration the scribe must log moves with it.
        may_move: &[Criterion::C11],
        evidence: "after the first alert",
        apply: |script, scenario| {
            // Later than par, but before the IC hands command on.
            let handoff = script
                .commands
                .iter()
                .find(|c| matches!(c.command, Command::Handoff { .. }))
                .map_or(u32::MAX, |c| c.at.0 - 30);
            let Some(c) = script
                .commands
                .iter_mut()
                .find(|c| matches!(c.command, Command::Declare(_)))
            else {
                return false;
            };
            let late = (c.at.0 + scenario.par.declare + 10 * MINUTE).min(handoff);
            if late < c.at.0 + scenario.par.declare + 2 * MINUTE {
                return false;
            }
            c.at = Dur(late);
            script.commands.sort_by_key(|c| c.at);
            true
        },
    },
    Lapse {
        name: "silent status page",
        lowers: Criterion::C8,
        may_move: &[Criterion::C9],
        evidence: "status page stayed silent",
        apply: |script, _| {
            let before = script.commands.len();
            script
                .commands
                .retain(|c| !matches!(c.command, Command::PostStatus { .. }));
            script.commands.len() < before
        },
    },
    Lapse {
        name: "vague orders from the IC",
        lowers: Criterion::C6,
        may_move: &[Criterion::C3],
        evidence: "can someone",
        apply: |script, _| {
            let ic = seat_holder(script, firedrill::scenario::Seat::IC);
            let humans: Vec<String> = script.team.iter().map(|h| h.id.clone()).collect();
            let mut changed = false;
            for c in script.commands.iter_mut().filter(|c| c.by == ic) {
                if let Command::Order {
                    to: Some(to), task, ..
                } = &c.command
                    && humans.contains(to)
                {
                    let text = format!("can someone {}?", task.describe());
                    c.command = Command::Say {
                        channel: Channel::CommandPost,
                        kind: MessageKind::Order,
                        text,
                    };
                    changed = true;
                }
            }
            changed
        },
    },
    Lapse {
        name: "unbriefed handoff",
        lowers: Criterion::C12,
        may_move: &[],
        evidence: "missed",
        apply: |script, _| {
            let mut changed = false;
            for c in &mut script.commands {
                if let Command::Handoff { briefing, .. } = &mut c.command {
                    *briefing = "you take it".into();
                    changed = true;
                }
            }
            changed
        },
    },
    Lapse {
        name: "roles assigned without a briefing",
        lowers: Criterion::C2,
        may_move: &[],
        evidence: "with no briefing",
        apply: |script, _| {
            let mut changed = false;
            for c in &mut script.commands {
                if let Command::Assign { briefing, .. } = &mut c.command {
                    briefing.clear();
                    changed = true;
                }
            }
            changed
        },
    },
    Lapse {
        name: "IC runs a diagnostic",
        lowers: Criterion::C4,
        may_move: &[],
        evidence: "personally",
        apply: |script, scenario| {
            let Some(action) = scenario.actions.iter().find(|a| {
                a.kind == firedrill::scenario::ActionKind::Diagnostic
                    && a.effects.is_empty()
                    && a.requires.is_empty()
            }) else {
                return false;
            };
            let ic = seat_holder(script, firedrill::scenario::Seat::IC);
            let Some(declared) = script
                .commands
                .iter()
                .find(|c| matches!(c.command, Command::Declare(_)))
                .map(|c| c.at)
            else {
                return false;
            };
            script.commands.push(ScriptCommand {
                at: Dur(declared.0 + 5),
                by: ic,
                command: Command::Run(action.id.clone()),
                after: None,
            });
            script.commands.sort_by_key(|c| c.at);
            true
        },
    },
    Lapse {
        name: "silent OL",
        lowers: Criterion::C7,
        may_move: &[Criterion::C6],
        evidence: "never reported",
        apply: |script, _| {
            let ol = seat_holder(script, firedrill::scenario::Seat::OL);
            let before = script.commands.len();
            script.commands.retain(|c| {
                !(c.by == ol
                    && matches!(
                        c.command,
                        Command::Report { .. }
                            | Command::Say {
                                kind: MessageKind::Report,
                                ..
                            }
                    ))
            });
            script.commands.len() < before
        },
    },
    Lapse {
        name: "executives left in the dark",
        lowers: Criterion::C10,
        may_move: &[],
        evidence: "never heard",
        apply: |script, _| {
            let before = script.commands.len();
            script.commands.retain(|c| {
                !matches!(
                    &c.command,
                    Command::Say {
                        channel: Channel::Executive,
                        ..
                    }
                )
            });
            script.commands.len() < before
        },
    },
    Lapse {
        name: "no ISD",
        lowers: Criterion::C11,
        may_move: &[],
        evidence: "Nobody wrote the Incident State Document",
        apply: |script, _| {
            let before = script.commands.len();
            script
                .commands
                .retain(|c| !matches!(c.command, Command::EditIsd { .. }));
            script.commands.len() < before
        },
    },
];

#[test]
fn each_single_lapse_lowers_its_criterion_and_leaves_the_rest() {
    let mut failures = Vec::new();
    for (path, loaded, script) in scripts() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".exemplary.ron") {
            continue;
        }
        let base = scored(&loaded, &script);
        for lapse in LAPSES {
            let mut variant = script.clone();
            if !(lapse.apply)(&mut variant, &loaded.scenario) {
                failures.push(format!("{name}: lapse `{}` does not apply", lapse.name));
                continue;
            }
            let card = scored(&loaded, &variant);
            let (was, now) = (base.value(lapse.lowers), card.value(lapse.lowers));
            if now >= was {
                failures.push(format!(
                    "{name}: `{}` left {} at {now:?} (was {was:?})",
                    lapse.name,
                    lapse.lowers.id()
                ));
            }
            let evidence = card.get(lapse.lowers).evidence(10).join(" | ");
            if !evidence.contains(lapse.evidence) {
                failures.push(format!(
                    "{name}: `{}`: evidence of {} does not name the lapse: {evidence}",
                    lapse.name,
                    lapse.lowers.id()
                ));
            }
            for c in Criterion::ALL {
                if c == lapse.lowers || lapse.may_move.contains(&c) {
                    continue;
                }
                let (a, b) = (base.value(c), card.value(c));
                // The simulated world reacts to any change (people finish
                // work seconds apart), so unrelated criteria may drift a little;
                // and a drill the lapse made longer may give a criterion its
                // first opportunity, which a good team takes in full.
                let same = match (a, b) {
                    (Some(a), Some(b)) => (a - b).abs() <= 0.05,
                    (None, None) => true,
                    (None, Some(b)) => b >= 0.95,
                    _ => false,
                };
                if !same {
                    failures.push(format!(
                        "{name}: `{}` moved unrelated {} from {a:?} to {b:?}: {}",
                        lapse.name,
                        c.id(),
                        card.get(c).evidence(3).join(" | ")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn scoring_is_deterministic() {
    for (_, loaded, script) in scripts().into_iter().take(3) {
        assert_eq!(scored(&loaded, &script), scored(&loaded, &script));
    }
}

/// The AAR of one exemplary drill, kept in tests/golden and reviewed when it
/// changes. `UPDATE_GOLDEN=1 cargo test` rewrites it.
#[test]
fn golden_aar() {
    let (_, loaded, script) = scripts()
        .into_iter()
        .find(|(p, _, _)| p.ends_with("matching-engine-failure.exemplary.ron"))
        .expect("bundled script");
    let drill = play_to_end(&loaded, &script, 1);
    let answers = Answers {
        went_well: "Declared within a minute and staffed OL, CL and scribe before T+08.".into(),
        went_badly: "Nobody checked the status page wording with the OL.".into(),
        improve: "Agree the status page template before the next drill.".into(),
        liked: "The CAN reports made decisions quick.".into(),
        disliked: "The COO's question arrived while we were deciding.".into(),
        called_for_help: "At the first page; Ben and Cleo were paged at once.".into(),
        distrusted_data: "The orders DB dashboard, until Mei ruled it out.".into(),
        observer_notes: String::new(),
    };
    let facts = Facts::new(&loaded.scenario, drill.log());
    let card = score_facts(&facts, Some(&answers));
    let md = aar::markdown(&aar::Input {
        facts: &facts,
        seed: 1,
        card: &card,
        previous: None,
        answers: Some(&answers),
        knobs: Default::default(),
    });
    let golden = root().join("tests/golden/matching-engine-failure.aar.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &md).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    if md != expected {
        let line = md
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map_or(md.lines().count().min(expected.lines().count()), |i| i);
        panic!(
            "the AAR differs from {} from line {}:\n  now: {:?}\n  was: {:?}\nreview it, then UPDATE_GOLDEN=1 cargo test golden_aar",
            golden.display(),
            line + 1,
            md.lines().nth(line),
            expected.lines().nth(line)
        );
    }
}
