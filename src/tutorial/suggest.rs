//! After the tutorial: an order for the rest of the library. Easiest first;
//! within a level, drills that put the trainee back in the seat they found
//! hardest come first.

use crate::scenario::{Difficulty, Scenario, Seat};

/// One drill in the suggested order, with why it is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    /// The seat to take in it.
    pub seat: Seat,
    pub why: String,
}

/// Orders `library` for a trainee whose weak seats (hardest first) are `weak`.
pub fn suggest_order(library: &[&Scenario], weak: &[Seat]) -> Vec<Suggestion> {
    let practises = |s: &Scenario| {
        weak.iter()
            .position(|seat| s.recommended_seats.contains(seat))
    };
    let mut ordered: Vec<&Scenario> = library.to_vec();
    ordered.sort_by(|a, b| {
        (a.difficulty, practises(a).unwrap_or(usize::MAX), &a.title).cmp(&(
            b.difficulty,
            practises(b).unwrap_or(usize::MAX),
            &b.title,
        ))
    });
    ordered
        .into_iter()
        .map(|s| {
            let (seat, why) = match practises(s) {
                Some(i) => (
                    weak[i],
                    format!(
                        "{:?} — takes you back to the {} seat, where the tutorial was hardest for you",
                        s.difficulty,
                        seat_name(weak[i])
                    ),
                ),
                None => {
                    let seat = s.recommended_seats.first().copied().unwrap_or(Seat::IC);
                    (
                        seat,
                        format!("{:?} — {}", s.difficulty, first_objective(s)),
                    )
                }
            };
            Suggestion {
                id: s.id.clone(),
                title: s.title.clone(),
                difficulty: s.difficulty,
                seat,
                why,
            }
        })
        .collect()
}

fn seat_name(seat: Seat) -> &'static str {
    match seat {
        Seat::IC => "Incident Commander",
        Seat::OL => "Operations Lead",
        Seat::CL => "Communications Lead",
        Seat::Scribe => "scribe",
        Seat::Responder => "responder",
        Seat::Observer => "observer",
    }
}

fn first_objective(s: &Scenario) -> String {
    s.objectives
        .first()
        .map_or_else(|| s.summary.clone(), String::clone)
}
