//! The load tab: what is on each commander's plate right now.

use bevy_egui::egui;

use crate::tools::instructor::RoleLoad;

/// Beyond this many direct reports, span of control is lost (doctrine: 3-7).
const SPAN_LIMIT: usize = 7;

pub(super) fn show(ui: &mut egui::Ui, rows: &[RoleLoad]) {
    if rows.is_empty() {
        ui.weak("Nobody holds a command role yet.");
        return;
    }
    egui::Grid::new("gm-load").striped(true).show(ui, |ui| {
        for h in [
            "Who",
            "Roles",
            "Asks waiting",
            "Unacked orders",
            "Overdue",
            "Span",
        ] {
            ui.strong(h);
        }
        ui.end_row();
        for r in rows {
            ui.label(&r.name);
            ui.label(
                r.roles
                    .iter()
                    .map(|x| x.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            count(ui, r.pending_asks.len(), 0);
            count(ui, r.unacked_orders.len(), 0);
            count(ui, r.overdue.len(), 0);
            count(ui, r.span, SPAN_LIMIT);
            ui.end_row();
        }
    });
    for r in rows.iter().filter(|r| r.weight() > 0) {
        let items: Vec<&String> = r
            .pending_asks
            .iter()
            .chain(&r.unacked_orders)
            .chain(&r.overdue)
            .collect();
        ui.weak(format!(
            "{}: {}",
            r.name,
            items
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
}

fn count(ui: &mut egui::Ui, n: usize, ok_up_to: usize) {
    if n > ok_up_to {
        ui.colored_label(super::WARN, n.to_string());
    } else {
        ui.label(n.to_string());
    }
}
