//! Appending a session as it runs: every tick's records are written and
//! flushed together, so the file on disk is never more than one tick behind.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Header, Record};
use crate::base::time::Tick;
use crate::world::{Entry, Input, Outcome};

/// An open session file being appended to.
pub struct Journal {
    path: PathBuf,
    out: BufWriter<File>,
    /// How many events of the drill's log are already in the file.
    written: usize,
}

fn line(record: &Record) -> Result<String, String> {
    ron::to_string(record).map_err(|e| format!("cannot encode a session record: {e}"))
}

impl Journal {
    /// Starts a new session file (replacing any file at `path`) with its header.
    pub fn create(path: &Path, header: &Header) -> Result<Journal, String> {
        let file = File::create(path)
            .map_err(|e| format!("{}: cannot create the session file: {e}", path.display()))?;
        let mut journal = Journal {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
            written: 0,
        };
        journal.write(&Record::Header(header.clone()))?;
        journal.flush()?;
        Ok(journal)
    }

    /// Writes a whole session (header, inputs, events) atomically, then keeps appending.
    pub fn rewrite(
        path: &Path,
        header: &Header,
        inputs: &[(Tick, Input)],
        events: &[Entry],
    ) -> Result<Journal, String> {
        Self::write_whole(path, header, inputs, events, None)?;
        let mut journal = Journal::append(path)?;
        journal.written = events.len();
        Ok(journal)
    }

    /// Replaces the file at `path` with a whole session, atomically: a reader
    /// sees the old file or the new one, never a mix.
    pub fn write_whole(
        path: &Path,
        header: &Header,
        inputs: &[(Tick, Input)],
        events: &[Entry],
        end: Option<(Tick, Outcome)>,
    ) -> Result<(), String> {
        let mut text = String::new();
        let mut push = |record: &Record| -> Result<(), String> {
            text.push_str(&line(record)?);
            text.push('\n');
            Ok(())
        };
        push(&Record::Header(header.clone()))?;
        let mut ev = events.iter().peekable();
        let mut inp = inputs.iter().peekable();
        // Keep the per-tick order: a tick's inputs, then its events.
        loop {
            let next_in = inp.peek().map(|(t, _)| *t);
            let next_ev = ev.peek().map(|e| e.at);
            match (next_in, next_ev) {
                (None, None) => break,
                (Some(ti), te) if te.is_none_or(|te| ti <= te) => {
                    let (at, input) = inp.next().expect("peeked");
                    push(&Record::Input {
                        at: *at,
                        by: input.by.clone(),
                        command: input.command.clone(),
                    })?;
                }
                _ => push(&Record::Event(ev.next().expect("peeked").clone()))?,
            }
        }
        if let Some((at, outcome)) = end {
            push(&Record::End {
                at,
                outcome,
                events: events.len(),
            })?;
        }
        crate::base::files::write_atomic(path, text.as_bytes())
    }

    /// Opens an existing session file to append to it.
    fn append(path: &Path) -> Result<Journal, String> {
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| format!("{}: cannot open the session file: {e}", path.display()))?;
        Ok(Journal {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
            written: 0,
        })
    }

    fn write(&mut self, record: &Record) -> Result<(), String> {
        let text = line(record)?;
        writeln!(self.out, "{text}")
            .map_err(|e| format!("{}: cannot write: {e}", self.path.display()))
    }

    /// Records an input applied at `at`.
    fn input(&mut self, at: Tick, input: &Input) -> Result<(), String> {
        self.write(&Record::Input {
            at,
            by: input.by.clone(),
            command: input.command.clone(),
        })
    }

    /// Records an input applied at once in the open second `at`, and
    /// flushes: its events follow with the rest of the second.
    pub fn input_now(&mut self, at: Tick, input: &Input) -> Result<(), String> {
        self.input(at, input)?;
        self.flush()
    }

    /// Records one tick: its inputs, then the drill's events not yet in the
    /// file (on the first tick, those from before it too), then flushes.
    pub fn record(&mut self, at: Tick, inputs: &[Input], log: &[Entry]) -> Result<(), String> {
        let events = log.get(self.written..).unwrap_or_default();
        if inputs.is_empty() && events.is_empty() {
            return Ok(());
        }
        for input in inputs {
            self.input(at, input)?;
        }
        for entry in events {
            self.write(&Record::Event(entry.clone()))?;
        }
        self.written = log.len();
        self.flush()
    }

    /// Records the end of the drill.
    pub fn end(&mut self, at: Tick, outcome: Outcome, events: usize) -> Result<(), String> {
        self.write(&Record::End {
            at,
            outcome,
            events,
        })?;
        self.flush()
    }

    fn flush(&mut self) -> Result<(), String> {
        self.out
            .flush()
            .map_err(|e| format!("{}: cannot write: {e}", self.path.display()))
    }
}
