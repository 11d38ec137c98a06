//! The Incident State Document: one current page on the incident, by section.
//! Every edit is an event in the log; this holds the latest text and who wrote it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;

/// A section of the ISD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IsdSection {
    Summary,
    Status,
    CommandHierarchy,
    Impact,
    ActionsInFlight,
    Decisions,
    Timeline,
    NextSteps,
}

impl IsdSection {
    /// All sections in document order.
    pub const ALL: [IsdSection; 8] = [
        IsdSection::Summary,
        IsdSection::Status,
        IsdSection::CommandHierarchy,
        IsdSection::Impact,
        IsdSection::ActionsInFlight,
        IsdSection::Decisions,
        IsdSection::Timeline,
        IsdSection::NextSteps,
    ];

    /// The section's name as a person reads it ("Command hierarchy").
    pub fn label(self) -> &'static str {
        match self {
            IsdSection::Summary => "Summary",
            IsdSection::Status => "Status",
            IsdSection::CommandHierarchy => "Command hierarchy",
            IsdSection::Impact => "Impact",
            IsdSection::ActionsInFlight => "Actions in flight",
            IsdSection::Decisions => "Decisions",
            IsdSection::Timeline => "Timeline",
            IsdSection::NextSteps => "Next steps",
        }
    }

    /// Sections that grow by appending a line rather than being rewritten.
    pub fn is_log(self) -> bool {
        matches!(self, IsdSection::Decisions | IsdSection::Timeline)
    }
}

/// The latest text of one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IsdEntry {
    pub text: String,
    pub edited_at: Tick,
    pub edited_by: String,
}

/// The document as it stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Isd {
    sections: BTreeMap<IsdSection, IsdEntry>,
}

impl Isd {
    /// Applies an edit: log sections append a line, others are replaced.
    pub fn edit(&mut self, section: IsdSection, text: &str, at: Tick, by: &str) {
        let entry = self.sections.entry(section).or_insert_with(|| IsdEntry {
            text: String::new(),
            edited_at: at,
            edited_by: by.to_string(),
        });
        if section.is_log() && !entry.text.is_empty() {
            entry.text.push('\n');
            entry.text.push_str(text);
        } else {
            entry.text = text.to_string();
        }
        entry.edited_at = at;
        entry.edited_by = by.to_string();
    }

    /// The current text of a section, if ever written.
    pub fn section(&self, section: IsdSection) -> Option<&IsdEntry> {
        self.sections.get(&section)
    }

    /// When the document was last edited.
    pub fn last_edit(&self) -> Option<Tick> {
        self.sections.values().map(|e| e.edited_at).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_sections_append_and_others_replace() {
        let mut isd = Isd::default();
        isd.edit(IsdSection::Timeline, "T+03:00 declared", 180, "dan");
        isd.edit(IsdSection::Timeline, "T+05:00 OL assigned", 300, "dan");
        isd.edit(IsdSection::Status, "investigating", 200, "cleo");
        isd.edit(IsdSection::Status, "mitigated", 900, "cleo");
        assert_eq!(
            isd.section(IsdSection::Timeline)
                .unwrap()
                .text
                .lines()
                .count(),
            2
        );
        assert_eq!(isd.section(IsdSection::Status).unwrap().text, "mitigated");
        assert_eq!(isd.last_edit(), Some(900));
    }
}
