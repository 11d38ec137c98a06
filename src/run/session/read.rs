//! Reading a session file back, recovering everything before any damage.

use std::path::Path;

use super::{FORMAT, Record, Session};
use crate::base::diagnostic::{Diagnostic, Source};
use crate::world::Input;

/// A session as read, and the damage found after its last good line, if any.
#[derive(Debug)]
pub struct Recovered {
    pub session: Session,
    pub damage: Option<Diagnostic>,
    /// The only damage is a last line cut off mid-write (an interrupted drill).
    pub cut_off: bool,
}

/// Reads a session file. A damaged line ends the reading: what came before is kept
/// and the damage is reported; a file without a usable header is an error.
pub fn read(path: &Path) -> Result<Recovered, Diagnostic> {
    let source = Source::read(path)?;
    parse(&source)
}

/// Parses session text (see `read`).
pub fn parse(source: &Source) -> Result<Recovered, Diagnostic> {
    let mut lines = source.text.split_inclusive('\n');
    let mut offset = 0;
    let first = lines.next().unwrap_or("");
    let header = match ron::from_str::<Record>(first.trim_end()) {
        Ok(Record::Header(h)) => h,
        Ok(_) => {
            return Err(source.at(
                0,
                "the session file does not start with its header",
                Some("is this a Firedrill session file?".into()),
            ));
        }
        Err(e) => {
            let mut d = source.ron_error(&e);
            d.message = format!("the session header is damaged: {}", d.message);
            d.hint = Some("the file is not a readable Firedrill session; nothing can be recovered without its header".into());
            return Err(d);
        }
    };
    if header.format != FORMAT {
        return Err(source.at(
            0,
            format!(
                "session format {} is not supported (this build reads format {FORMAT})",
                header.format
            ),
            Some("open it with the Firedrill version that recorded it".into()),
        ));
    }
    offset += first.len();
    let mut session = Session {
        header,
        inputs: Vec::new(),
        events: Vec::new(),
        end: None,
    };
    let mut damage = None;
    let mut cut_off = false;
    let mut last_tick = 0;
    for line in lines {
        let start = offset;
        offset += line.len();
        let text = line.trim_end();
        if text.is_empty() {
            continue;
        }
        if !line.ends_with('\n') {
            cut_off = true;
            damage = Some(source.at(
                start,
                "the last line was cut off (the drill was interrupted while writing)",
                Some("everything before it was recovered".into()),
            ));
            break;
        }
        let record = match ron::from_str::<Record>(text) {
            Ok(r) => r,
            Err(e) => {
                let mut d = source.ron_error(&e);
                let (line_no, _) = crate::base::diagnostic::line_column(&source.text, start);
                d.line = line_no;
                d.message = format!("damaged record: {}", d.message);
                d.hint = Some(
                    "the session was recovered up to the line before; later lines are ignored"
                        .into(),
                );
                damage = Some(d);
                break;
            }
        };
        let at = match &record {
            Record::Input { at, .. } | Record::End { at, .. } => *at,
            Record::Event(e) => e.at,
            Record::Header(_) => u32::MAX,
        };
        if at < last_tick || at == u32::MAX || session.end.is_some() {
            damage = Some(source.at(
                start,
                "records are out of order here",
                Some("the session was recovered up to the line before".into()),
            ));
            break;
        }
        last_tick = at;
        match record {
            Record::Input { at, by, command } => session.inputs.push((at, Input { by, command })),
            Record::Event(entry) => session.events.push(entry),
            Record::End { at, outcome, .. } => session.end = Some((at, outcome)),
            Record::Header(_) => unreachable!("rejected above"),
        }
    }
    Ok(Recovered {
        session,
        damage,
        cut_off,
    })
}
