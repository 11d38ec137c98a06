//! One drill: a scenario running tick by tick under the participants'
//! commands, producing an append-only event log.

mod apply;
pub mod command;
mod conditions;
pub mod harm;
mod instructor;
mod mirror;
pub use instructor::{check_custom_inject, check_new_responder, check_note};
pub mod event;
pub mod orders;
mod outside;
pub mod people;
pub mod threads;
mod tick;
pub mod work;

pub use mirror::Readings;
pub use outside::Outside;
pub use tick::Turn;

use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

pub use command::{Command, GAME_MASTER, Input, Task};
pub use event::{Entry, Event, Health, Outcome, SegmentImpact, Violation};
pub use people::{HumanSpec, Participant, People};

use crate::base::time::{MINUTE, Tick};
use crate::scenario::{Scenario, Seat};
use crate::world::comms::{Isd, Message, StatusPost};
use crate::world::sim::alerts::AlertState;
use crate::world::sim::faults::FaultState;
use crate::world::sim::platform::PlatformState;
use orders::OrderState;
use work::Work;

/// After resolution, the drill ends by itself this long later if nobody closes it.
pub const CLOSE_GRACE: Tick = 15 * MINUTE;

/// A running drill. All state changes go through `step`.
#[derive(Clone)]
pub struct Drill {
    scenario: Scenario,
    seed: u64,
    now: Tick,
    rng: ChaCha8Rng,
    log: Vec<Entry>,
    people: People,
    platform: PlatformState,
    faults: Vec<FaultState>,
    alerts: Vec<AlertState>,
    work: Vec<Work>,
    done: Vec<bool>,
    messages: Vec<Message>,
    threads: threads::Threads,
    orders: Vec<OrderState>,
    status: Vec<StatusPost>,
    isd: Isd,
    declared: Option<Tick>,
    mitigated_at: Option<Tick>,
    resolved_at: Option<Tick>,
    closed: bool,
    outcome: Option<Outcome>,
    /// The scenario's injects delivered so far (on schedule or by the game master).
    delivered_injects: std::collections::BTreeSet<usize>,
    /// Customer tickets filed so far.
    tickets: u32,
    /// Where each of the scenario's obligations stands.
    owing: Vec<harm::Owing>,
    /// What is owed now, as everyone was told (a mirror learns it from the
    /// events): obligation id, name and the seat whose duty it is.
    debts: Vec<(String, String, Seat)>,
    /// Per segment, the kinds of harm already announced (bit per `Harm`).
    harm_noted: Vec<u8>,
    /// The current second has been opened (people joined, commands may come).
    tick_open: bool,
    /// Where the current second's events begin in the log.
    tick_start: usize,
}

impl Drill {
    /// Sets up a drill: the humans given take their seats, simulated people
    /// fill the rest. The IC seat's holder is the on-call and holds IC from the start.
    pub fn new(scenario: Scenario, seed: u64, humans: &[HumanSpec]) -> Drill {
        let people = People::cast(&scenario, humans);
        let mut drill = Drill {
            people,
            ..Drill::new_empty(scenario)
        };
        drill.seed = seed;
        drill.rng = ChaCha8Rng::seed_from_u64(seed);
        drill.emit(Event::DrillStarted {
            scenario: drill.scenario.id.clone(),
            seed,
        });
        drill
    }

    /// A drill on `scenario` with nobody in it and nothing logged yet.
    fn new_empty(scenario: Scenario) -> Drill {
        Drill {
            platform: PlatformState::new(&scenario),
            faults: vec![FaultState::DORMANT; scenario.faults.len()],
            alerts: vec![AlertState::default(); scenario.alerts.len()],
            done: vec![false; scenario.actions.len()],
            rng: ChaCha8Rng::seed_from_u64(0),
            seed: 0,
            now: 0,
            log: Vec::new(),
            people: People::default(),
            work: Vec::new(),
            messages: Vec::new(),
            threads: threads::Threads::default(),
            orders: Vec::new(),
            status: Vec::new(),
            isd: Isd::default(),
            declared: None,
            mitigated_at: None,
            resolved_at: None,
            closed: false,
            outcome: None,
            delivered_injects: Default::default(),
            tickets: 0,
            owing: vec![Default::default(); scenario.obligations.len()],
            harm_noted: vec![0; scenario.segments.len()],
            debts: Vec::new(),
            tick_open: false,
            tick_start: 0,
            scenario,
        }
    }

    /// Opens the current second if it is not open yet (people due to join
    /// join). False once the drill is over.
    pub fn begin_tick(&mut self) -> bool {
        tick::begin(self)
    }

    /// Applies an input now, in the open second (opening it if need be):
    /// everyone sees its effect before the second runs. False once over.
    pub fn apply_now(&mut self, input: &Input) -> bool {
        if !tick::begin(self) {
            return false;
        }
        self.apply_input(&input.by, input.command.clone());
        true
    }

    /// Where the open second's events begin in the log (its joins first).
    pub fn tick_start(&self) -> usize {
        if self.tick_open {
            self.tick_start
        } else {
            self.log.len()
        }
    }

    /// Runs the open second (opening it if need be): faults start, work
    /// finishes and the platform moves. The simulated people then act on the
    /// returned turn, and closing it settles the exit criteria and moves on
    /// one second. `None` once the drill is over.
    pub fn run_tick(&mut self) -> Option<Turn<'_>> {
        tick::run(self)
    }

    /// The current tick (the next one to be simulated).
    pub fn now(&self) -> Tick {
        self.now
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The seed of this drill.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Everything that has happened so far.
    pub fn log(&self) -> &[Entry] {
        &self.log
    }

    /// How the drill ended, once it has.
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    /// Whether the IC has closed the incident.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Whether the drill has ended.
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }

    /// Participants and roles.
    pub fn people(&self) -> &People {
        &self.people
    }

    /// The platform's live state.
    pub fn platform(&self) -> &PlatformState {
        &self.platform
    }

    /// Runtime state of each fault (ground truth: for instructors and tests).
    pub fn faults(&self) -> &[FaultState] {
        &self.faults
    }

    /// Runtime state of each alert rule.
    pub fn alerts(&self) -> &[AlertState] {
        &self.alerts
    }

    /// Every message posted so far.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// Orders given so far.
    pub fn orders(&self) -> &[OrderState] {
        &self.orders
    }

    /// The public status page.
    pub fn status_posts(&self) -> &[StatusPost] {
        &self.status
    }

    /// The Incident State Document.
    pub fn isd(&self) -> &Isd {
        &self.isd
    }

    /// Actions in flight.
    pub fn work(&self) -> &[Work] {
        &self.work
    }

    /// When the incident was declared.
    pub fn declared_at(&self) -> Option<Tick> {
        self.declared
    }

    /// When the incident counted as mitigated (cleared if it reopened).
    pub fn mitigated_at(&self) -> Option<Tick> {
        self.mitigated_at
    }

    /// When the incident counted as resolved (cleared if it reopened).
    pub fn resolved_at(&self) -> Option<Tick> {
        self.resolved_at
    }

    /// Whether the action at this place in the scenario's list has run successfully.
    pub fn action_done(&self, action: usize) -> bool {
        self.done.get(action).copied().unwrap_or(false)
    }

    /// Who answered what: the indexes kept as messages are posted.
    pub fn threads(&self) -> &threads::Threads {
        &self.threads
    }

    /// When someone on the team last wrote in the executive channel.
    pub fn last_exec_update(&self) -> Option<Tick> {
        self.threads.last_exec_update
    }

    /// Whether `id` may run the remediation `action` now: they are in the
    /// Operations chain, or carry an order from it to run exactly that.
    pub fn may_change_production(&self, id: &str, action: &str) -> bool {
        self.people.in_ops_chain(id)
            || self
                .scenario
                .actions
                .iter()
                .position(|a| a.id == action)
                .is_some_and(|i| self.authorizing_order(id, i).is_some())
    }

    /// Seat of a human participant, if any.
    pub fn seat_of(&self, id: &str) -> Option<Seat> {
        self.people.get(id).and_then(|p| p.seat)
    }

    /// A copy of the state without the log, which replays keep once rather
    /// than in every keyframe.
    pub fn copy_without_log(&self) -> Drill {
        Drill {
            scenario: self.scenario.clone(),
            seed: self.seed,
            now: self.now,
            rng: self.rng.clone(),
            log: Vec::new(),
            people: self.people.clone(),
            platform: self.platform.clone(),
            faults: self.faults.clone(),
            alerts: self.alerts.clone(),
            work: self.work.clone(),
            done: self.done.clone(),
            messages: self.messages.clone(),
            threads: self.threads.clone(),
            orders: self.orders.clone(),
            status: self.status.clone(),
            isd: self.isd.clone(),
            declared: self.declared,
            mitigated_at: self.mitigated_at,
            resolved_at: self.resolved_at,
            closed: self.closed,
            outcome: self.outcome,
            delivered_injects: self.delivered_injects.clone(),
            tickets: self.tickets,
            owing: self.owing.clone(),
            harm_noted: self.harm_noted.clone(),
            debts: self.debts.clone(),
            tick_open: self.tick_open,
            tick_start: self.tick_start,
        }
    }

    /// Puts back the log of a copy made by `copy_without_log`: `log` must be
    /// the log up to this moment.
    pub fn restore_log(&mut self, log: Vec<Entry>) {
        debug_assert!(log.last().is_none_or(|e| e.at < self.now.max(1)));
        self.log = log;
    }

    pub(crate) fn emit(&mut self, event: Event) {
        self.log.push(Entry {
            at: self.now,
            event,
        });
    }

    /// The open order from the Operations chain that tells `id` to run this action.
    pub(crate) fn authorizing_order(
        &self,
        id: &str,
        action: crate::scenario::ActionIdx,
    ) -> Option<&OrderState> {
        let wanted = &self.scenario.actions[action].id;
        self.orders.iter().rev().find(|o| {
            o.is_open()
                && o.from_ops_chain
                && o.to.as_deref() == Some(id)
                && matches!(&o.task, Task::Run(a) if a == wanted)
        })
    }

    /// The latest open order addressed to `id`, other than "stand by".
    pub(crate) fn open_order_for(&self, id: &str) -> Option<&OrderState> {
        self.orders
            .iter()
            .rev()
            .find(|o| o.is_open() && o.to.as_deref() == Some(id) && o.task != Task::StandBy)
    }
}

impl std::fmt::Debug for Drill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Drill")
            .field("scenario", &self.scenario.id)
            .field("seed", &self.seed)
            .field("now", &self.now)
            .field("events", &self.log.len())
            .field("outcome", &self.outcome)
            .finish()
    }
}
