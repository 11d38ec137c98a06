//! The ground truth tab: hidden causes, what simulated people mean to do.

use bevy_egui::egui;

use crate::base::time::clock;
use crate::tools::instructor::Truth;

pub(super) fn show(ui: &mut egui::Ui, t: &Truth) {
    ui.strong("Hidden causes");
    for c in &t.causes {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(&c.fault);
            ui.label(format!("on {} — {}", c.component, c.state));
            if c.revealed {
                ui.label("found by the team");
            } else {
                ui.colored_label(super::WARN, "not found yet");
            }
        });
        ui.weak(&c.root_cause);
    }
    ui.add_space(6.0);
    ui.strong("Injects to come");
    let coming: Vec<_> = t.injects.iter().filter(|i| !i.delivered).collect();
    if coming.is_empty() {
        ui.weak("None: every scheduled inject has been delivered.");
    }
    for i in coming {
        ui.label(format!(
            "{} {}: {}",
            clock(i.at),
            crate::lenses::describe::persona(&i.from),
            i.text
        ));
    }
    ui.add_space(6.0);
    ui.strong("Simulated people: what they mean to do");
    for mind in &t.minds {
        let doing = if mind.doing.is_empty() {
            "no role, nothing running".to_string()
        } else {
            mind.doing.join("; ")
        };
        ui.label(format!("{} — {doing}", mind.name));
        for (at, what) in mind.next.iter().take(3) {
            ui.weak(format!("    {} {what}", clock(*at)));
        }
    }
}
