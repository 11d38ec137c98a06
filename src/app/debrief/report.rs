//! The After Action Report drawn from its document blocks: headings, text,
//! bullets and tables as egui widgets, not raw Markdown.

use bevy_egui::egui;

use crate::judge::aar::doc::{Block, Doc};

pub fn show(ui: &mut egui::Ui, doc: &Doc) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, block) in doc.blocks.iter().enumerate() {
                match block {
                    Block::Heading(1, text) => {
                        ui.heading(text);
                    }
                    Block::Heading(2, text) => {
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(text).size(18.0).strong());
                    }
                    Block::Heading(_, text) => {
                        ui.strong(text);
                    }
                    Block::Para(text) => {
                        ui.add(egui::Label::new(plain(text)).wrap());
                    }
                    Block::Bullets(items) => {
                        for item in items {
                            ui.add(egui::Label::new(format!("• {}", plain(item))).wrap());
                        }
                    }
                    Block::Table { head, rows } => {
                        egui::Grid::new(("aar-table", i))
                            .striped(true)
                            .num_columns(head.len())
                            .show(ui, |ui| {
                                for h in head {
                                    ui.strong(h);
                                }
                                ui.end_row();
                                for row in rows {
                                    for (c, cell) in row.iter().enumerate() {
                                        // Short cells keep their line; long ones and the last column wrap.
                                        let label = egui::Label::new(plain(cell));
                                        if c + 1 < row.len() && cell.chars().count() <= 40 {
                                            ui.add(label.extend());
                                        } else {
                                            ui.add(label.wrap());
                                        }
                                    }
                                    ui.end_row();
                                }
                            });
                    }
                }
            }
        });
}

/// Markdown emphasis and code marks dropped for display.
fn plain(text: &str) -> String {
    text.replace("**", "").replace('`', "")
}
