//! The doctrine cards: the few rules each seat keeps in mind, one key away.

use crate::scenario::Seat;

pub use crate::scenario::Area;

/// The short rules for a seat.
pub fn card(seat: Seat) -> &'static [&'static str] {
    match seat {
        Seat::IC => &[
            "Declare early; say you are IC. You hold every role you have not delegated.",
            "Delegate: name an OL, a CL and a scribe. Hands off the keyboard.",
            "Orders go to a named person, with a clear task and a time box; expect an ack.",
            "Never \"can someone…\": name someone.",
            "Decisions: propose, ask for strong objections, decide, have it recorded.",
            "Mitigate first, root cause second.",
            "Hand off with a briefing: situation, objectives, organisation, tasks, decisions, commitments, risks.",
        ],
        Seat::OL => &[
            "Only you and your teams change production. Everyone else asks you.",
            "Split work into small teams with a named lead; tell idle hands to stand by.",
            "Give each order an owner, a task and a time box; chase the ack.",
            "Report to the IC every 10 minutes: Conditions, Actions, Needs.",
            "Propose risky changes to the IC before you make them.",
            "Mitigate first; fix the cause once customers are safe.",
        ],
        Seat::CL => &[
            "First status page post within 5 minutes of the declaration.",
            "Every post: state, customer impact, affected components, next update time.",
            "No promised fix times, no internal host names in public.",
            "Keep every promised update; post on every change of state.",
            "Update executives before they have to ask; answer their questions fast.",
            "Keep the ISD current and point joiners to it.",
            "The final post confirms recovery and says whether data was lost.",
        ],
        Seat::Scribe => &[
            "Record every declaration, role change, decision and finding in the ISD timeline.",
            "Write decisions in the Decisions section with who decided and when.",
            "Timestamp every line; write what happened, not opinions.",
            "Keep up: record within a minute or two.",
        ],
        Seat::Responder => &[
            "Acknowledge orders; ask back if an order has no owner, task or time box.",
            "Change production only when the OL's chain tells you to.",
            "Report in CAN form when done, and when your time box runs out.",
            "Idle? Stand by and say so; do not freelance.",
        ],
        Seat::Observer => &["Watch, take notes, do not act."],
    }
}

/// A short explanation of ICS words, for the glossary.
pub const GLOSSARY: [(&str, &str); 22] = [
    (
        "ICS",
        "Incident Command System: one commander, named roles, clear orders, written state.",
    ),
    (
        "IC",
        "Incident Commander: decides and delegates, keeps the big picture, hands off the keyboard.",
    ),
    (
        "OL",
        "Operations Lead: owns every production change, runs the teams that do the work.",
    ),
    (
        "CL",
        "Communications Lead: status page, executive updates, the ISD.",
    ),
    (
        "PL",
        "Planning Lead: the longer horizon — shifts, follow-ups, what comes after.",
    ),
    ("Scribe", "Records the timeline and the decisions."),
    (
        "Team lead",
        "Leads one small team under the OL and reports to them.",
    ),
    (
        "Command post",
        "The one channel where the incident is run (#command-post).",
    ),
    (
        "Declare",
        "Say out loud that this is an incident, with a severity; the declarer is IC.",
    ),
    (
        "Severity (Sev1-3)",
        "How bad: Sev1 is customers broadly hurt or money at risk, Sev3 is minor.",
    ),
    (
        "ISD",
        "Incident State Document: one current page on the incident.",
    ),
    (
        "Status page",
        "The public page customers read: state, impact, components, next update.",
    ),
    (
        "Executive update",
        "A short note to leadership on #exec: what, impact, what is being done, next update.",
    ),
    (
        "CAN",
        "A report in three parts: Conditions, Actions, Needs.",
    ),
    (
        "Closed loop",
        "An order to a named person, with a time box, acknowledged and reported back.",
    ),
    (
        "Time box",
        "How long before the owner reports back, done or not.",
    ),
    (
        "Proposal",
        "A decision put to the room: \"any strong objections?\" — then the IC decides.",
    ),
    (
        "Handoff",
        "Passing a role with a briefing, an explicit acceptance and an announcement.",
    ),
    (
        "Freelancing",
        "Changing production without being asked to by the Operations chain.",
    ),
    (
        "Mitigate",
        "Make the symptoms go away for customers; the cause may remain.",
    ),
    (
        "Resolve",
        "Fix the cause too; then the incident can be closed.",
    ),
    (
        "Span of control",
        "How many people one person directs; keep it under seven.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_has_a_card() {
        for seat in [
            Seat::IC,
            Seat::OL,
            Seat::CL,
            Seat::Scribe,
            Seat::Responder,
            Seat::Observer,
        ] {
            assert!(!card(seat).is_empty());
        }
        assert!(
            card(Seat::OL)
                .iter()
                .any(|rule| rule.contains("Only you and your teams change production"))
        );
    }
}
