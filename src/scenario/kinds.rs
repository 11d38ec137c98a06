//! Small vocabularies shared by scenario files, scripts, the simulation and the log.

use serde::{Deserialize, Serialize};

/// How hard a drill is, from a first drill to an expert's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Difficulty {
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

/// An Incident Command System role. One participant holds each at a time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Incident Commander: decides and delegates, hands off the keyboard.
    IC,
    /// Operations Lead: the only role (with its teams) that changes production.
    OL,
    /// Communications Lead: status page, executive updates, the ISD.
    CL,
    /// Planning Lead: tracks the longer horizon, shifts and follow-ups.
    PL,
    /// Scribe: records the timeline and decisions.
    Scribe,
    /// Lead of one team under the OL.
    TeamLead(String),
    /// A responder working under the OL chain.
    Responder,
    /// Watches, never acts.
    Observer,
}

impl Role {
    /// The roles that exist once per incident and that the IC holds until delegating.
    pub const COMMAND_ROLES: [Role; 5] = [Role::IC, Role::OL, Role::CL, Role::PL, Role::Scribe];

    /// A short label: "IC", "OL", "lead of db".
    pub fn label(&self) -> String {
        match self {
            Role::IC => "IC".into(),
            Role::OL => "OL".into(),
            Role::CL => "CL".into(),
            Role::PL => "PL".into(),
            Role::Scribe => "scribe".into(),
            Role::TeamLead(team) => format!("lead of {team}"),
            Role::Responder => "responder".into(),
            Role::Observer => "observer".into(),
        }
    }
}

/// A seat a trainee can take in solo practice, or a human takes in a team drill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Seat {
    IC,
    OL,
    CL,
    Scribe,
    /// A hands-on responder under the OL.
    Responder,
    /// Watches everything, holds no role.
    Observer,
}

impl Seat {
    /// The seats filled by a simulated responder when no human takes them.
    pub const STAFFED: [Seat; 4] = [Seat::IC, Seat::OL, Seat::CL, Seat::Scribe];

    /// The command role this seat holds, if any.
    pub fn role(self) -> Option<Role> {
        match self {
            Seat::IC => Some(Role::IC),
            Seat::OL => Some(Role::OL),
            Seat::CL => Some(Role::CL),
            Seat::Scribe => Some(Role::Scribe),
            Seat::Responder | Seat::Observer => None,
        }
    }
}

/// Incident severity at declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Sev1,
    Sev2,
    Sev3,
}

/// `text` as an id: lowercase, words (and CamelCase humps) joined by `-`.
pub fn id_of(text: &str) -> String {
    let mut id = String::new();
    let mut previous: Option<char> = None;
    for c in text.trim().chars() {
        if c == ' ' || c == '_' || c == '-' {
            if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        } else {
            if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
            {
                id.push('-');
            }
            id.extend(c.to_lowercase());
        }
        previous = Some(c);
    }
    id.trim_end_matches('-').to_string()
}

/// Defines a name from an open vocabulary: authors name their own as ids
/// ("messaging", "cache"), and the names files wrote as bare identifiers
/// (`Database`, `Queue`) keep reading, as the same lowercase id.
macro_rules! open_vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal, $($known:literal),+) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The names the bundled scenarios use (any other id is welcome).
            pub const KNOWN: &'static [&'static str] = &[$($known),+];

            /// The name for `text`, as an id: lowercase, words joined by
            /// `-` (`ThirdParty` and `third party` are `third-party`).
            pub fn named(text: &str) -> $name {
                $name(crate::scenario::kinds::id_of(text))
            }

            /// The id.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether this is the name `id`.
            pub fn is(&self, id: &str) -> bool {
                self.0 == id
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // Untagged: RON hands a bare identifier over as its text.
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Text {
                    Text(String),
                }
                let Text::Text(text) = Text::deserialize(d).map_err(|_| {
                    <D::Error as serde::de::Error>::custom(concat!(
                        "expected a ", $what, ": a name such as ", $($known, " "),+,
                        "or one of your own in quotes"
                    ))
                })?;
                Ok($name::named(&text))
            }
        }
    };
}

open_vocabulary!(
    /// What a platform component is (`service`, `database`, `cache`…).
    ComponentKind,
    "component kind",
    "service",
    "database",
    "storage",
    "queue",
    "third-party",
    "frontend",
    "network",
    "host"
);

open_vocabulary!(
    /// A responder's area of skill (`database`, `messaging`…); work in one's
    /// own area goes faster.
    Skill,
    "skill",
    "database",
    "trading",
    "infrastructure",
    "network",
    "security",
    "frontend",
    "payments",
    "storage"
);

/// How a simulated responder behaves beyond their skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Trait {
    /// Does what is asked, on time.
    Reliable,
    /// Takes 1.6 times as long, and answers late.
    Slow,
    /// Changes production unasked when idle and not told to stand by.
    Freelancer,
    /// Talks a lot in the command post.
    Chatty,
    /// Asks questions before starting.
    NewHire,
    /// An experienced commander who offers to take command on joining.
    SeasonedIc,
}

/// How loud an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AlertSeverity {
    /// Pages the on-call.
    Page,
    /// A ticket: worth a look.
    Ticket,
}

/// Whether an action only reads or changes production.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionKind {
    /// Reads logs, metrics, state: no production change.
    Diagnostic,
    /// Changes production: restart, fail over, roll back, restore…
    Remediation,
}
