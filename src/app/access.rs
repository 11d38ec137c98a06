//! What a screen reader is given: egui's AccessKit tree, read as text. The
//! window hands it to the platform's screen reader (bevy_egui's `accesskit`
//! feature); the keyboard autopilot and the tests read it the same way.

use bevy::a11y::AccessibilityRequested;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::accesskit::{Node, Role, TreeUpdate};

/// One frame's tree, as text.
#[derive(Debug, Default, Clone)]
pub struct Spoken {
    /// Every node's role and text (its label, value and placeholder).
    pub nodes: Vec<(Role, String)>,
    /// The focused node's role and text, when a widget has the focus.
    pub focused: Option<(Role, String)>,
}

impl Spoken {
    pub fn of(update: &TreeUpdate) -> Spoken {
        let read = |node: &Node| (node.role(), text(node));
        Spoken {
            nodes: update.nodes.iter().map(|(_, node)| read(node)).collect(),
            focused: update
                .nodes
                .iter()
                .find(|(id, _)| *id == update.focus)
                .map(|(_, node)| read(node))
                .filter(|(role, _)| *role != Role::Window),
        }
    }

    /// Whether some node's text contains `needle`.
    pub fn says(&self, needle: &str) -> bool {
        self.nodes.iter().any(|(_, text)| text.contains(needle))
    }
}

/// A node's words: label, value and placeholder, in that order.
fn text(node: &Node) -> String {
    [node.label(), node.value(), node.placeholder()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// egui builds its AccessKit tree only while a screen reader (or another
/// assistive technology) is listening, or the keyboard autopilot reads it:
/// a trainee without one pays nothing for it.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, follow_screen_reader);
}

/// Keeps egui's AccessKit tree built whether or not a screen reader listens
/// (the keyboard autopilot finds its way by it).
#[derive(Resource, Debug, Default)]
pub struct KeepAccessTree;

fn follow_screen_reader(
    requested: Option<Res<AccessibilityRequested>>,
    keep: Option<Res<KeepAccessTree>>,
    mut contexts: EguiContexts,
) {
    let wanted = requested.is_some_and(|r| r.get()) || keep.is_some();
    if let Ok(ctx) = contexts.ctx_mut() {
        if wanted {
            ctx.enable_accesskit();
        } else {
            ctx.disable_accesskit();
        }
    }
}
