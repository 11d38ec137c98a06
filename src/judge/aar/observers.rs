//! Observer notes: what the game master and observers saw, pinned to moments,
//! with their ratings beside the automatic score (never blended into it).

use super::{Doc, Input};
use crate::base::time::clock;
use crate::judge::score::Scorecard;
use crate::scenario::Area;
use crate::world::Event;

/// The automatic score of an area: its criteria's weighted mean.
pub fn area_score(card: &Scorecard, area: Area) -> Option<f64> {
    let (sum, weight) = card
        .criteria
        .iter()
        .filter(|j| j.criterion.area() == area)
        .filter_map(|j| j.value.map(|v| (v * j.weight, j.weight)))
        .fold((0.0, 0.0), |(s, w), (v, x)| (s + v, w + x));
    (weight > 0.0).then(|| sum / weight)
}

/// Each area's automatic score beside the observers' mean rating of it, for
/// the areas observers rated.
pub fn ratings_beside_scores(
    notes: &[&crate::world::Entry],
    card: &Scorecard,
) -> Vec<(Area, Option<f64>, f64, usize)> {
    Area::ALL
        .iter()
        .filter_map(|&area| {
            let (mean, n) = rating_of(notes, area)?;
            Some((area, area_score(card, area), mean, n))
        })
        .collect()
}

/// The observers' mean rating of an area (1-5) and how many ratings it rests on.
fn rating_of(notes: &[&crate::world::Entry], area: Area) -> Option<(f64, usize)> {
    let ratings: Vec<u8> = notes
        .iter()
        .filter_map(|e| match &e.event {
            Event::ObserverNote {
                area: a,
                rating: Some(r),
                ..
            } if *a == area => Some(*r),
            _ => None,
        })
        .collect();
    (!ratings.is_empty()).then(|| {
        (
            ratings.iter().map(|&r| f64::from(r)).sum::<f64>() / ratings.len() as f64,
            ratings.len(),
        )
    })
}

/// "4.0 / 5 (2 ratings)".
pub fn rating_text(mean: f64, n: usize) -> String {
    format!(
        "{mean:.1} / 5 ({n} rating{})",
        if n == 1 { "" } else { "s" }
    )
}

/// The "Observer notes" section, if anyone wrote any.
pub fn section(doc: &mut Doc, input: &Input) {
    let written = input
        .answers
        .map(|a| a.observer_notes.trim())
        .filter(|n| !n.is_empty());
    if input.facts.notes.is_empty() && written.is_none() {
        return;
    }
    doc.h(2, "Observer notes");
    doc.p("Written by the game master and observers during the drill or its replay. Their ratings (1–5) are shown beside the automatic score and never blended into it.");
    let rows: Vec<Vec<String>> = ratings_beside_scores(&input.facts.notes, input.card)
        .into_iter()
        .map(|(area, score, mean, n)| {
            vec![
                format!("{area:?}"),
                super::value_text(score),
                rating_text(mean, n),
            ]
        })
        .collect();
    if !rows.is_empty() {
        doc.table(&["Area", "Automatic score", "Observer rating"], rows);
    }
    let notes: Vec<Vec<String>> = input
        .facts
        .notes
        .iter()
        .filter_map(|e| match &e.event {
            Event::ObserverNote {
                area, rating, text, ..
            } => Some(vec![
                clock(e.at),
                format!("{area:?}"),
                rating.map_or("—".into(), |r| format!("{r}/5")),
                text.clone(),
            ]),
            _ => None,
        })
        .collect();
    if !notes.is_empty() {
        doc.table(&["Time", "Area", "Rating", "Note"], notes);
    }
    if let Some(text) = written {
        doc.h(3, "Written after the drill");
        doc.p(text);
    }
}
