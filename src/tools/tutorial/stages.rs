//! The three stages of the tutorial: the scribe's seat, the CL's, the IC's.
//! Each takes the same small incident from another seat, and each guides less
//! than the one before.

use serde::{Deserialize, Serialize};

use super::step::{ChannelKind, Cue, Deed, StatusStates, Step};
use crate::scenario::Seat;
use crate::world::comms::IsdSection;

/// Which stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StageId {
    /// Follow the command post and record it.
    Scribe,
    /// Run the status page and the executive updates.
    Communications,
    /// Declare, delegate, decide and hand off.
    Command,
}

impl StageId {
    /// The stages in the order a new hire takes them.
    pub const ALL: [StageId; 3] = [StageId::Scribe, StageId::Communications, StageId::Command];

    /// Its place, from 1.
    pub fn number(self) -> usize {
        StageId::ALL.iter().position(|&s| s == self).unwrap_or(0) + 1
    }
}

/// How much the coach says during a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scaffolding {
    /// Every step spelled out the moment it can be done.
    Prompts,
    /// Nothing until the trainee stalls on a step, then a hint.
    HintsWhenStalled,
    /// Nothing at all: the trainee is on their own.
    None,
}

/// One stage: a seat, how much help, and the steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: StageId,
    pub seat: Seat,
    pub title: &'static str,
    /// What the seat is for, said before the drill starts.
    pub intro: &'static [&'static str],
    pub scaffolding: Scaffolding,
    pub steps: Vec<Step>,
}

/// A stage by id.
pub fn stage(id: StageId) -> Stage {
    match id {
        StageId::Scribe => scribe(),
        StageId::Communications => communications(),
        StageId::Command => command(),
    }
}

fn scribe() -> Stage {
    Stage {
        id: StageId::Scribe,
        seat: Seat::Scribe,
        title: "Stage 1 of 3 — the scribe: follow the command post and write it down",
        intro: &[
            "Customers cannot sign in. A simulated Incident Commander (IC) runs the response; an Operations Lead (OL) and their team fix it; a Communications Lead (CL) talks to customers and executives.",
            "You are the scribe. You change nothing in production and talk to nobody outside: you watch the #command-post channel and keep the Incident State Document (ISD) — the one page anyone can read to catch up.",
            "Each step appears in the coach at the bottom left the moment it can be done, with what to click. The drill starts paused; press Space or the play button when you are ready. Speed it up with x2..x10 while you wait.",
        ],
        scaffolding: Scaffolding::Prompts,
        steps: vec![
            Step {
                goal: "Acknowledge your role",
                prompt: "The IC has made you scribe. Say so in the command post: click in the message box at the bottom of the chat, type \"Ack, I'm scribe, the ISD is open\" and press Enter.",
                hint: "Acknowledge the role you were given: type a short message in #command-post.",
                cue: Cue::RoleGiven(Seat::Scribe),
                deed: Deed::Post(ChannelKind::CommandPost),
                early: false,
            },
            Step {
                goal: "Record the declaration in the timeline",
                prompt: "The incident was declared before you were made scribe. In the ISD (right), click \"edit\" beside Timeline and write one line — who declared, which severity, who is IC — e.g. \"Sev2 declared, Morgan is IC\". Save; the time is added for you.",
                hint: "The declaration belongs in the ISD timeline.",
                cue: Cue::Declared,
                deed: Deed::EditIsd(IsdSection::Timeline),
                early: false,
            },
            Step {
                goal: "Record the work in flight",
                prompt: "The OL has given someone a task. In the ISD, click \"edit\" beside ActionsInFlight and write who is doing what and when they report back, e.g. \"Rosa: reading the sign-in logs, report due T+08\".",
                hint: "Who is working on what, and when is it due? That is ActionsInFlight.",
                cue: Cue::WorkOrdered,
                deed: Deed::EditIsd(IsdSection::ActionsInFlight),
                early: false,
            },
            Step {
                goal: "Record the decision",
                prompt: "The IC just decided (look for [Decision] in the chat). In the ISD, click \"edit\" beside Decisions and write what was decided, by whom and when, e.g. \"T+08 revert config push #4812 (Morgan, no objections)\".",
                hint: "A decision was made: the Decisions section records what, who and when.",
                cue: Cue::Decision,
                deed: Deed::EditIsd(IsdSection::Decisions),
                early: false,
            },
            Step {
                goal: "Record the mitigation",
                prompt: "\"INCIDENT MITIGATED\": customers can sign in again. Add a Timeline line saying what fixed it and who did it, e.g. \"config reverted by Rosa, sign-in healthy\".",
                hint: "The incident was mitigated: that moment goes in the timeline.",
                cue: Cue::Mitigated,
                deed: Deed::EditIsd(IsdSection::Timeline),
                early: false,
            },
            Step {
                goal: "Record the resolution",
                prompt: "\"INCIDENT RESOLVED\": the cause is fixed too. Add the last Timeline line, e.g. \"settings fixed and range check added, resolved\". That completes the record the After Action Report is built from.",
                hint: "Close the timeline: when was it resolved, and how?",
                cue: Cue::Resolved,
                deed: Deed::EditIsd(IsdSection::Timeline),
                early: false,
            },
        ],
    }
}

fn communications() -> Stage {
    Stage {
        id: StageId::Communications,
        seat: Seat::CL,
        title: "Stage 2 of 3 — the Communications Lead: the status page and the executives",
        intro: &[
            "The same incident, one seat up. You are the Communications Lead (CL): you tell customers what is happening on the public status page, keep executives ahead of their questions, and keep the ISD's summary current.",
            "You will not be told each step this time. The coach stays quiet while you work and offers a hint only if you seem stuck for a minute and a half.",
            "Rules of thumb: first status post within 5 minutes of the declaration; every post says the customer impact, the affected components and when the next update comes; never promise a fix time; no internal host names in public.",
        ],
        scaffolding: Scaffolding::HintsWhenStalled,
        steps: vec![
            Step {
                goal: "Acknowledge your role",
                prompt: "The IC has made you CL. Acknowledge it in #command-post.",
                hint: "You were just made CL: type a short acknowledgement in #command-post so the IC knows the loop is closed.",
                cue: Cue::RoleGiven(Seat::CL),
                deed: Deed::Post(ChannelKind::CommandPost),
                early: false,
            },
            Step {
                goal: "First status page post",
                prompt: "Post \"Investigating\" on the status page with the customer impact, the affected components and a next-update time.",
                hint: "Customers are hitting errors and the status page is empty. The composer is on the right: state Investigating, the impact in plain words, tick the affected components, pick a next update, Post.",
                cue: Cue::RoleGiven(Seat::CL),
                deed: Deed::StatusPost(StatusStates::Open),
                early: false,
            },
            Step {
                goal: "Summarise the incident in the ISD",
                prompt: "Write the ISD Summary: what is broken, for whom, since when.",
                hint: "Anyone joining reads the ISD first. Give it a Summary: what is broken, who is affected, since when.",
                cue: Cue::RoleGiven(Seat::CL),
                deed: Deed::EditIsd(IsdSection::Summary),
                early: false,
            },
            Step {
                goal: "Update the executives",
                prompt: "Send a status update on #exec before anyone asks.",
                hint: "Executives hear it from you first. Switch to #exec, choose StatusUpdate and say what is affected, what is being done and when they will hear next.",
                cue: Cue::Declared,
                deed: Deed::Post(ChannelKind::Executive),
                early: false,
            },
            Step {
                goal: "Answer the executive's question",
                prompt: "Answer the question on #exec.",
                hint: "An executive asked a question on #exec. Answer it there, from what you know, without pulling the OL away; say when you will know more.",
                cue: Cue::ExecutiveQuestion,
                deed: Deed::Post(ChannelKind::Executive),
                early: false,
            },
            Step {
                goal: "Post the progress",
                prompt: "Post \"Monitoring\" (or \"Identified\") on the status page once the fix is in.",
                hint: "The fix is in and customers can sign in again. Post Monitoring, again with impact, components and the next update.",
                cue: Cue::Mitigated,
                deed: Deed::StatusPost(StatusStates::Progress),
                early: false,
            },
            Step {
                goal: "Post the resolution",
                prompt: "Post \"Resolved\" and say whether any data was lost.",
                hint: "It is resolved. Close the status page with a Resolved post: the impact (none now), the components that were affected, and whether any data was lost.",
                cue: Cue::Resolved,
                deed: Deed::StatusPost(StatusStates::Resolved),
                early: false,
            },
        ],
    }
}

fn command() -> Stage {
    Stage {
        id: StageId::Command,
        seat: Seat::IC,
        title: "Stage 3 of 3 — the Incident Commander: declare, delegate, decide, hand off",
        intro: &[
            "The same incident, from the top. You are on call, so you are the Incident Commander (IC) and hold every role until you give it away.",
            "No prompts and no hints this time: run it as you saw it run. The glossary (F1) and your doctrine card (F2) are still there.",
            "Your steps: acknowledge the page (its Ack button under the roster, or /ackalert signin-errors), declare (/declare SEV2), name an OL, a CL and a scribe with a briefing each (/assign @name OL briefing), give the OL a time-boxed order (/order @name investigate auth 10m), decide on the OL's proposal (/decide …), and hand IC to the seasoned commander who offers (/handoff @name IC briefing).",
            "The IC decides and delegates and keeps hands off the keyboard: no diagnostics, no production changes. Name an OL, a CL and a scribe; give orders to named people with a time box; decide on proposals; and when a more experienced commander offers, hand over with a full briefing.",
        ],
        scaffolding: Scaffolding::None,
        steps: vec![
            Step {
                goal: "Acknowledge the page",
                prompt: "Acknowledge the page.",
                hint: "A page fired: acknowledge it.",
                cue: Cue::Page,
                deed: Deed::AckAlert,
                early: false,
            },
            Step {
                goal: "Declare the incident",
                prompt: "Declare the incident with a severity.",
                hint: "Customers are affected: declare (/declare SEV2) and you are IC.",
                cue: Cue::Page,
                deed: Deed::Declare,
                early: true,
            },
            Step {
                goal: "Name an Operations Lead",
                prompt: "Assign the OL with a briefing.",
                hint: "Give the hands-on work away: /assign the person on the OL rota as OL, with a briefing (/assign @name OL briefing).",
                cue: Cue::Declared,
                deed: Deed::Assign(Seat::OL),
                early: true,
            },
            Step {
                goal: "Name a Communications Lead",
                prompt: "Assign the CL with a briefing.",
                hint: "Someone must talk to customers and executives: /assign the person on the CL rota as CL, with a briefing.",
                cue: Cue::Declared,
                deed: Deed::Assign(Seat::CL),
                early: true,
            },
            Step {
                goal: "Name a scribe",
                prompt: "Assign the scribe with a briefing.",
                hint: "Someone must keep the ISD: /assign a scribe with a briefing.",
                cue: Cue::Declared,
                deed: Deed::Assign(Seat::Scribe),
                early: true,
            },
            Step {
                goal: "Order the investigation",
                prompt: "Give the OL a closed-loop order.",
                hint: "Tell the OL what you need and by when: /order @name investigate auth 10m (auth is the sign-in service).",
                cue: Cue::Declared,
                deed: Deed::Order,
                early: true,
            },
            Step {
                goal: "Decide on the proposal",
                prompt: "Decide on the OL's proposal.",
                hint: "The OL proposed a fix and waits for you: /decide with what you approve.",
                cue: Cue::Proposal,
                deed: Deed::Decide,
                early: false,
            },
            Step {
                goal: "Hand command over with a briefing",
                prompt: "Hand IC to the seasoned commander with a full briefing.",
                hint: "A seasoned commander offered to take over: /handoff @name IC with situation, objectives, organisation, tasks, decisions, commitments and risks.",
                cue: Cue::SeasonedCommanderJoined,
                deed: Deed::Handoff(Seat::IC),
                early: false,
            },
        ],
    }
}
