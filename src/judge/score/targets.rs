//! Target and failure thresholds, from the scenario's par and the rubric.
//! Each pair is (target, fail) in seconds for the curve `s`.

use crate::base::time::{MINUTE, Tick};
use crate::scenario::Par;

/// The thresholds one drill is measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Targets {
    /// First alert to declaration.
    pub declare: (Tick, Tick),
    /// Declaration to an explicit OL, and to an explicit CL.
    pub staff_ol: (Tick, Tick),
    pub staff_cl: (Tick, Tick),
    /// Peak direct reports per supervisor.
    pub span: (u32, u32),
    /// Order to acknowledgement.
    pub ack: (Tick, Tick),
    /// Longest gap between OL reports.
    pub report_gap: (Tick, Tick),
    /// Declaration to the first status post, and the longest gap between posts.
    pub status_first: (Tick, Tick),
    pub status_gap: (Tick, Tick),
    /// Declaration to the first executive notice, gaps, and answering a question.
    pub exec_first: (Tick, Tick),
    pub exec_gap: (Tick, Tick),
    pub exec_answer: (Tick, Tick),
    /// A party's question to its answer, and harm to a notice owed for it.
    pub party_answer: (Tick, Tick),
    pub notice: (Tick, Tick),
    /// Declaration to the first ISD edit, and the longest time it went stale.
    pub isd_first: (Tick, Tick),
    pub isd_stale: (Tick, Tick),
    /// An event to its line in the ISD timeline or decision log.
    pub record: (Tick, Tick),
    /// First alert to mitigation.
    pub mitigate: (Tick, Tick),
}

const fn m(minutes: Tick) -> Tick {
    minutes * MINUTE
}

impl Targets {
    /// A team's thresholds: the rubric's, with the scenario's par for declaring and mitigating.
    pub fn team(par: &Par) -> Targets {
        Targets {
            declare: (par.declare, par.declare + m(20)),
            staff_ol: (m(5), m(20)),
            staff_cl: (m(10), m(30)),
            span: (7, 10),
            ack: (m(2), m(10)),
            report_gap: (m(10), m(20)),
            status_first: (m(5), m(30)),
            status_gap: (m(20), m(40)),
            exec_first: (m(10), m(30)),
            exec_gap: (m(30), m(60)),
            exec_answer: (m(5), m(15)),
            party_answer: (m(10), m(30)),
            notice: (m(15), m(45)),
            isd_first: (m(10), m(30)),
            isd_stale: (m(15), m(30)),
            record: (m(5), m(15)),
            mitigate: (par.mitigate, par.mitigate * 2),
        }
    }

    /// Solo par: one trainee types everything their seat says while the
    /// simulated people answer at once, so the windows for writing (status
    /// posts, updates, reports, the ISD, acks) are half as long again. Process
    /// targets (declaring, staffing, mitigating) stay the team's.
    pub fn solo(par: &Par) -> Targets {
        let team = Targets::team(par);
        let loose = |(t, f): (Tick, Tick)| (t * 3 / 2, f * 3 / 2);
        Targets {
            ack: loose(team.ack),
            report_gap: loose(team.report_gap),
            status_first: loose(team.status_first),
            status_gap: loose(team.status_gap),
            exec_first: loose(team.exec_first),
            exec_gap: loose(team.exec_gap),
            exec_answer: loose(team.exec_answer),
            party_answer: loose(team.party_answer),
            notice: loose(team.notice),
            isd_first: loose(team.isd_first),
            isd_stale: loose(team.isd_stale),
            record: loose(team.record),
            ..team
        }
    }
}

/// The curve over seconds.
pub fn score_time(seconds: Tick, (target, fail): (Tick, Tick)) -> f64 {
    super::s(f64::from(seconds), f64::from(target), f64::from(fail))
}
