//! Why each criterion matters and what to do about a lapse: the analysis
//! and recommendation halves of the AAR's findings.

use crate::judge::score::Criterion;

/// (why it matters, what to do next time, what to check on the re-run).
pub fn guidance(c: Criterion) -> (&'static str, &'static str, &'static str) {
    match c {
        Criterion::C1 => (
            "Until someone declares, nobody owns the incident: responders freelance and stakeholders guess.",
            "The first responder declares within the par time of the first page and says \"I am IC\"; declaring early and downgrading later is cheap.",
            "Declared within par of the first alert",
        ),
        Criterion::C2 => (
            "An IC who also runs operations and communications loses the big picture within minutes.",
            "Staff an OL within 5 minutes and a CL within 10 of declaring, each with a two-line briefing; the OL forms teams with named leads.",
            "OL ≤ 5 min and CL ≤ 10 min after declaring, both briefed",
        ),
        Criterion::C3 => (
            "Past about seven direct reports a supervisor stops tracking who is doing what.",
            "When a supervisor directs more than seven people, split them into teams with leads.",
            "No supervisor directs more than seven people",
        ),
        Criterion::C4 => (
            "An IC at the keyboard stops deciding and delegating; the incident drifts.",
            "The IC asks the OL for diagnostics and changes and keeps hands off production; orders to responders go through the OL.",
            "The IC runs no diagnostic or change",
        ),
        Criterion::C5 => (
            "Changes from outside the Operations chain collide with planned work and cannot be rolled back with confidence.",
            "Only the OL and the OL's teams change production, each change on an order or a recorded decision; idle responders are told to stand by.",
            "Every production change on an order or decision from the Ops chain; no freelancing",
        ),
        Criterion::C6 => (
            "Orders without an owner or a time box are orders nobody carries out; unacknowledged orders are orders nobody heard.",
            "Address one named person, state the task and a time box, expect an ack, and chase when the time box runs out; put decisions to the room (\"any strong objections?\").",
            "Every order has an owner and a time box and is acked within 2 minutes",
        ),
        Criterion::C7 => (
            "Without regular reports the IC decides on stale information.",
            "The OL reports to the IC at least every 10 minutes in Conditions / Actions / Needs form, unasked.",
            "No gap over 10 minutes between OL reports",
        ),
        Criterion::C8 => (
            "Customers who hear nothing assume the worst and flood support.",
            "Post within 5 minutes of declaring, promise a next-update time and keep it, and never go 20 minutes without a post.",
            "First post ≤ 5 min after declaring; every promised update on time",
        ),
        Criterion::C9 => (
            "Public posts are read by customers and the press: promised fix times and internal names come back to bite.",
            "State impact, affected components, the state and the next update time; no ETAs, no host names; the final post confirms recovery and says whether data was lost.",
            "Every post complete; no ETA or internal name",
        ),
        Criterion::C10 => (
            "Executives who are not told go looking, and pull responders off the work.",
            "The CL sends a first executive notice within 10 minutes, updates at least every 30, and answers questions within 5 minutes without pulling in the OL.",
            "First executive update ≤ 10 min; questions answered ≤ 5 min by the CL",
        ),
        Criterion::C16 => (
            "Regulators, partners and the press who hear nothing write again, then write about you; a notice the law requires is owed whether or not anyone asks.",
            "The CL (or a liaison) answers every outside party in #liaison within 10 minutes, says what the status page says, never promises a fix time, and sends every notice owed as soon as the harm is known.",
            "Every party answered ≤ 10 min, consistent with the status page; notices sent ≤ 15 min",
        ),
        Criterion::C11 => (
            "The ISD is how joiners and executives catch up without interrupting; an empty or stale one means interruptions.",
            "Start the ISD within 10 minutes, keep its status current, brief every joiner or point them to it, and let the scribe log each event and decision within 5 minutes.",
            "ISD started ≤ 10 min, never stale > 15 min, every key event in the timeline",
        ),
        Criterion::C12 => (
            "A handoff without a briefing loses tasks in flight and promises already made.",
            "Hand over with a briefing covering situation, objectives, organisation, tasks in flight, pending decisions, external commitments and risks; the new holder accepts explicitly and announces it.",
            "Every handoff briefed on all seven points, accepted and announced",
        ),
        Criterion::C13 => (
            "Chatter in the command post buries the orders and decisions everyone needs to see.",
            "Keep the command post to orders, acks, reports, decisions and updates; detail goes to team channels; nothing command-related in DMs.",
            "Under a quarter of each person's command-post messages untyped chatter",
        ),
        Criterion::C14 => (
            "Customers care about the service back, not the root cause: hunting the cause first prolongs the outage.",
            "Mitigate first (fail over, roll back, shed load), then fix the cause; avoid changes that gamble on making things better.",
            "Mitigated within par; no change that made things worse",
        ),
        Criterion::C15 => (
            "Drills teach only when the team reflects and re-runs.",
            "Answer the five after-action questions honestly, agree the improvement plan, and re-run the scenario.",
            "All after-action questions answered",
        ),
    }
}
