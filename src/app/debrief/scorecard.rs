//! The scorecard view: overall band, each criterion with its evidence, the
//! change since the last attempt, and the team's individual cards.

use bevy_egui::egui;

use crate::judge::history::Attempt;
use crate::judge::score::Scorecard;

use crate::app::theme::band_colour;

pub fn show(
    ui: &mut egui::Ui,
    card: &Scorecard,
    previous: Option<&Attempt>,
    ratings: &[(crate::scenario::Area, Option<f64>, f64, usize)],
) {
    ui.horizontal(|ui| {
        let overall = crate::judge::aar::value_text(card.overall);
        ui.label(
            egui::RichText::new(format!("Overall {overall}"))
                .heading()
                .color(band_colour(card.band)),
        );
        ui.label(card.band.map_or("no opportunity to judge", |b| b.meaning()));
        ui.weak(card.mode.describe());
        if let Some(p) = previous {
            let change = match (p.overall, card.overall) {
                (Some(a), Some(b)) => format!("{:+.2} since the last attempt", b - a),
                _ => "first scored attempt".into(),
            };
            ui.weak(change);
        }
    });
    if !ratings.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Observer ratings, beside the automatic score (never blended):");
            for (area, score, mean, n) in ratings {
                ui.label(format!(
                    "{area:?} {} | observers {}",
                    crate::judge::aar::value_text(*score),
                    crate::judge::aar::observers::rating_text(*mean, *n)
                ));
                ui.separator();
            }
        });
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("scorecard")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("Criterion");
                    ui.strong("Score");
                    ui.strong("Change");
                    ui.strong("Evidence");
                    ui.end_row();
                    for j in &card.criteria {
                        let c = j.criterion;
                        ui.label(format!("{} {}", c.id(), c.title()));
                        ui.label(
                            egui::RichText::new(crate::judge::aar::value_text(j.value))
                                .color(band_colour(j.band))
                                .strong(),
                        );
                        let change = match (previous.and_then(|p| p.value(c)), j.value) {
                            (Some(a), Some(b)) => format!("{:+.2}", b - a),
                            _ => "—".into(),
                        };
                        ui.label(change);
                        let evidence = if j.value.is_none() {
                            j.note.clone()
                        } else {
                            j.evidence(2).join("\n")
                        };
                        ui.add(egui::Label::new(evidence).wrap());
                        ui.end_row();
                    }
                });
            if !card.cards.is_empty() {
                ui.separator();
                ui.strong("Individual cards (weighted by time in role)");
                for c in &card.cards {
                    let roles: Vec<String> = c
                        .roles
                        .iter()
                        .map(|(r, m)| format!("{r} {m} min"))
                        .collect();
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(crate::judge::aar::value_text(c.overall))
                                .color(band_colour(c.band)),
                        );
                        ui.label(&c.name);
                        ui.weak(roles.join(", "));
                    });
                }
            }
        });
}
