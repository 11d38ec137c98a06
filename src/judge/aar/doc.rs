//! A small document model the AAR is built in, rendered to Markdown and HTML.

/// One block of a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    Heading(u8, String),
    Para(String),
    Bullets(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A document: blocks in order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn h(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub fn p(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(text.into()));
    }

    pub fn bullets(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    pub fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            rows,
        });
    }

    /// GitHub-flavoured Markdown, ready to paste into a wiki.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading(level, text) => {
                    out.push_str(&"#".repeat(usize::from(*level)));
                    out.push(' ');
                    out.push_str(text);
                    out.push('\n');
                }
                Block::Para(text) => {
                    out.push_str(text);
                    out.push('\n');
                }
                Block::Bullets(items) => {
                    for item in items {
                        out.push_str("- ");
                        out.push_str(&item.replace('\n', "\n  "));
                        out.push('\n');
                    }
                }
                Block::Table { head, rows } => {
                    table_row(&mut out, head);
                    out.push('|');
                    for _ in head {
                        out.push_str("---|");
                    }
                    out.push('\n');
                    for row in rows {
                        table_row(&mut out, row);
                    }
                }
            }
            out.push('\n');
        }
        out
    }

    /// A standalone HTML page.
    pub fn to_html(&self, title: &str) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1d1d1f}}\ntable{{border-collapse:collapse;margin:.5rem 0}}\ntd,th{{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}}\nth{{background:#f2f2f2}}\n</style>\n</head>\n<body>\n",
            escape(title)
        );
        for block in &self.blocks {
            match block {
                Block::Heading(level, text) => {
                    out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
                }
                Block::Para(text) => out.push_str(&format!("<p>{}</p>\n", inline(text))),
                Block::Bullets(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", inline(item)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", escape(h)));
                    }
                    out.push_str("</tr>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for c in row {
                            out.push_str(&format!("<td>{}</td>", inline(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</table>\n");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// One Markdown table row; pipes escaped, line breaks as `<br>`.
fn table_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        if !cell.contains(['|', '\n']) {
            out.push_str(cell);
            out.push_str(" |");
            continue;
        }
        for c in cell.chars() {
            match c {
                '|' => out.push_str("\\|"),
                '\n' => out.push_str("<br>"),
                _ => out.push(c),
            }
        }
        out.push_str(" |");
    }
    out.push('\n');
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text and renders the Markdown the AAR uses inline: **bold**, line breaks.
fn inline(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::new();
    for (i, part) in escaped.split("**").enumerate() {
        if i > 0 {
            out.push_str(if i % 2 == 1 { "<strong>" } else { "</strong>" });
        }
        out.push_str(part);
    }
    if escaped.matches("**").count() % 2 == 1 {
        out.push_str("</strong>");
    }
    out.replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_both_formats_and_escapes_html() {
        let mut doc = Doc::default();
        doc.h(1, "AAR <x>");
        doc.p("**Bold** & plain");
        doc.bullets(vec!["one".into(), "two\nlines".into()]);
        doc.table(&["A", "B"], vec![vec!["a|1".into(), "<b>".into()]]);
        let md = doc.to_markdown();
        assert!(md.contains("# AAR <x>\n"));
        assert!(md.contains("- two\n  lines\n"));
        assert!(md.contains("| a\\|1 | <b> |"));
        let html = doc.to_html("t");
        assert!(html.contains("<h1>AAR &lt;x&gt;</h1>"));
        assert!(html.contains("<p><strong>Bold</strong> &amp; plain</p>"));
        assert!(html.contains("<td>&lt;b&gt;</td>"));
        assert!(!html.contains("<b>"));
    }
}
