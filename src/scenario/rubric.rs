//! The rubric's vocabulary: the sixteen criteria (scenario files reweight
//! them as "C1"…"C16") and the four areas of doctrine the After Action
//! Report and observers' notes are grouped by. How each is judged is the
//! judge's business; what they are belongs to the scenario's language.

use serde::{Deserialize, Serialize};

use super::Role;

/// Criteria ids as scenario files write them.
pub const CRITERIA: [&str; 16] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14", "C15",
    "C16",
];

/// The four areas of doctrine: the AAR groups findings by them and observers file notes under them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Area {
    Command,
    Operations,
    Communications,
    Documentation,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::Command,
        Area::Operations,
        Area::Communications,
        Area::Documentation,
    ];
}

/// The sixteen criteria of the rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Criterion {
    C1,
    C2,
    C3,
    C4,
    C5,
    C6,
    C7,
    C8,
    C9,
    C10,
    C11,
    C12,
    C13,
    C14,
    C15,
    C16,
}

impl Criterion {
    pub const ALL: [Criterion; 16] = [
        Criterion::C1,
        Criterion::C2,
        Criterion::C3,
        Criterion::C4,
        Criterion::C5,
        Criterion::C6,
        Criterion::C7,
        Criterion::C8,
        Criterion::C9,
        Criterion::C10,
        Criterion::C11,
        Criterion::C12,
        Criterion::C13,
        Criterion::C14,
        Criterion::C15,
        Criterion::C16,
    ];

    /// "C1": how scenario files and people name it.
    pub fn id(self) -> &'static str {
        CRITERIA[self as usize]
    }

    /// The criterion a scenario file names ("C1"…"C15").
    pub fn parse(id: &str) -> Option<Criterion> {
        CRITERIA
            .iter()
            .position(|c| *c == id)
            .map(|i| Criterion::ALL[i])
    }

    /// What the criterion looks at.
    pub fn title(self) -> &'static str {
        match self {
            Criterion::C1 => "Declare and take command",
            Criterion::C2 => "Staff roles and fan out",
            Criterion::C3 => "Span of control",
            Criterion::C4 => "IC hands off the keyboard",
            Criterion::C5 => "Only Operations changes production",
            Criterion::C6 => "Closed-loop orders and decisions",
            Criterion::C7 => "OL reports to the IC",
            Criterion::C8 => "Status page timeliness",
            Criterion::C9 => "Status page content",
            Criterion::C10 => "Executive communication",
            Criterion::C11 => "ISD freshness, scribing and joiners",
            Criterion::C12 => "Handoff quality",
            Criterion::C13 => "Command post discipline",
            Criterion::C14 => "Mitigation first",
            Criterion::C15 => "AAR and learning loop",
            Criterion::C16 => "External liaison",
        }
    }

    /// The rubric's weight, before a scenario's overrides.
    pub fn default_weight(self) -> f64 {
        match self {
            Criterion::C1 => 8.0,
            Criterion::C2 => 7.0,
            Criterion::C3 => 5.0,
            Criterion::C4 => 6.0,
            Criterion::C5 => 10.0,
            Criterion::C6 => 10.0,
            Criterion::C7 => 6.0,
            Criterion::C8 => 9.0,
            Criterion::C9 => 6.0,
            Criterion::C10 => 7.0,
            Criterion::C11 => 8.0,
            Criterion::C12 => 6.0,
            Criterion::C13 => 5.0,
            Criterion::C14 => 3.0,
            Criterion::C15 => 4.0,
            Criterion::C16 => 6.0,
        }
    }

    /// The roles that own the criterion; empty means everyone.
    pub fn owners(self) -> &'static [Role] {
        match self {
            Criterion::C1 | Criterion::C4 => &[Role::IC],
            Criterion::C2 | Criterion::C3 | Criterion::C14 => &[Role::IC, Role::OL],
            Criterion::C7 => &[Role::OL],
            Criterion::C8 | Criterion::C9 | Criterion::C10 | Criterion::C16 => &[Role::CL],
            Criterion::C11 => &[Role::CL, Role::Scribe],
            Criterion::C5 | Criterion::C6 | Criterion::C12 | Criterion::C13 | Criterion::C15 => &[],
        }
    }

    /// The AAR area the criterion belongs to.
    pub fn area(self) -> Area {
        match self {
            Criterion::C1 | Criterion::C2 | Criterion::C3 | Criterion::C4 | Criterion::C12 => {
                Area::Command
            }
            Criterion::C5 | Criterion::C6 | Criterion::C7 | Criterion::C14 => Area::Operations,
            Criterion::C8 | Criterion::C9 | Criterion::C10 | Criterion::C16 => Area::Communications,
            Criterion::C11 | Criterion::C13 | Criterion::C15 => Area::Documentation,
        }
    }
}
