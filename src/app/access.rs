//! What a screen reader is given: egui's AccessKit tree, read as text. The
//! window hands it to the platform's screen reader (bevy_egui's `accesskit`
//! feature); the keyboard autopilot and the tests read it the same way.

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
