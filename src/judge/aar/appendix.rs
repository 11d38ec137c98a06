//! Appendices: status posts, ISD snapshots and the command post log.

use std::collections::BTreeMap;

use super::Doc;
use crate::base::time::{Tick, clock};
use crate::judge::score::Facts;
use crate::world::comms::IsdSection;

pub fn section(doc: &mut Doc, f: &Facts) {
    doc.h(2, "Appendix A: status page posts");
    if f.status.is_empty() {
        doc.p("No status page posts.");
    } else {
        let rows = f
            .status
            .iter()
            .map(|p| {
                vec![
                    clock(p.at),
                    f.name(&p.by).to_string(),
                    format!("{:?}", p.state),
                    p.impact.clone(),
                    p.components.join(", "),
                    p.next_update.map_or("—".into(), clock),
                    p.text.clone(),
                ]
            })
            .collect();
        doc.table(
            &[
                "Time",
                "By",
                "State",
                "Impact",
                "Components",
                "Next update",
                "Text",
            ],
            rows,
        );
    }

    doc.h(2, "Appendix B: ISD snapshots");
    let mut moments: Vec<(Tick, &str)> = Vec::new();
    if let Some(t) = f.mitigated {
        moments.push((t, "at mitigation"));
    }
    if let Some(t) = f.resolved {
        moments.push((t, "at resolution"));
    }
    moments.push((f.end, "at the end of the drill"));
    for (at, label) in moments {
        doc.h(3, format!("{} ({label})", clock(at)));
        let mut sections: BTreeMap<IsdSection, (String, Tick, &str)> = BTreeMap::new();
        for e in f.isd.iter().take_while(|e| e.at <= at) {
            let entry = sections
                .entry(e.section)
                .or_insert_with(|| (String::new(), e.at, e.by));
            if e.section.is_log() && !entry.0.is_empty() {
                entry.0.push('\n');
                entry.0.push_str(e.text);
            } else {
                entry.0 = e.text.to_string();
            }
            entry.1 = e.at;
            entry.2 = e.by;
        }
        if sections.is_empty() {
            doc.p("The ISD was empty.");
            continue;
        }
        let rows = IsdSection::ALL
            .iter()
            .filter_map(|s| {
                sections.get(s).map(|(text, t, by)| {
                    vec![
                        format!("{s:?}"),
                        text.clone(),
                        format!("{} by {}", clock(*t), f.name(by)),
                    ]
                })
            })
            .collect();
        doc.table(&["Section", "Text", "Last edit"], rows);
    }

    doc.h(2, "Appendix C: command post log");
    let rows: Vec<Vec<String>> = f
        .command_post
        .iter()
        .map(|m| {
            vec![
                clock(m.at),
                f.name(&m.from).to_string(),
                format!("{:?}", m.kind),
                m.text.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.p("Nobody wrote in the command post.");
    } else {
        doc.table(&["Time", "From", "Kind", "Message"], rows);
    }
}
