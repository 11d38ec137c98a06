//! After the tutorial: an order for the rest of the library. Easiest first;
//! each level opens with a drill that puts the trainee back in the seat they
//! found hardest, and the rest rotate through the seats each drill
//! recommends, least practised first (the tutorial never sat them as OL).

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
    let mut ordered: Vec<&Scenario> = library.to_vec();
    ordered.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));
    // The tutorial sat the trainee as scribe, CL and IC once each.
    let mut practised: Vec<(Seat, usize)> = vec![
        (Seat::OL, 0),
        (Seat::IC, 1),
        (Seat::CL, 1),
        (Seat::Scribe, 1),
    ];
    let mut out = Vec::with_capacity(ordered.len());
    for level in ordered.chunk_by(|a, b| a.difficulty == b.difficulty) {
        let mut level = level.to_vec();
        // The level opens with a drill in the hardest seat, if one recommends it.
        let back_to = weak.first().copied().and_then(|seat| {
            let i = level
                .iter()
                .position(|s| s.recommended_seats.contains(&seat))?;
            Some((level.remove(i), seat))
        });
        if let Some((scenario, seat)) = back_to {
            count(&mut practised, seat);
            out.push(suggestion(
                scenario,
                seat,
                format!(
                    "back to the {} seat, where the tutorial was hardest for you",
                    seat_name(seat)
                ),
            ));
        }
        for scenario in level {
            let seat = least_practised(scenario, &practised);
            count(&mut practised, seat);
            let objective = scenario
                .objectives
                .first()
                .cloned()
                .unwrap_or_else(|| scenario.summary.clone());
            out.push(suggestion(
                scenario,
                seat,
                format!("as {}: {objective}", seat_name(seat)),
            ));
        }
    }
    out
}

fn suggestion(s: &Scenario, seat: Seat, why: String) -> Suggestion {
    Suggestion {
        id: s.id.clone(),
        title: s.title.clone(),
        difficulty: s.difficulty,
        seat,
        why: format!("{:?} — {why}", s.difficulty),
    }
}

/// The recommended seat practised least so far (the first recommended on a tie).
fn least_practised(s: &Scenario, practised: &[(Seat, usize)]) -> Seat {
    let times = |seat: &Seat| {
        practised
            .iter()
            .find(|(s, _)| s == seat)
            .map_or(0, |(_, n)| *n)
    };
    s.recommended_seats
        .iter()
        .filter(|seat| seat.role().is_some())
        .min_by_key(|seat| times(seat))
        .copied()
        .unwrap_or(Seat::IC)
}

fn count(practised: &mut Vec<(Seat, usize)>, seat: Seat) {
    match practised.iter_mut().find(|(s, _)| *s == seat) {
        Some((_, n)) => *n += 1,
        None => practised.push((seat, 1)),
    }
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
