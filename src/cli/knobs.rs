//! The difficulty knobs on the command line (`play`, `drill`).

use crate::scenario::{Knobs, Level};

/// A knob's level as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelArg {
    Low,
    Normal,
    High,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Low => Level::Low,
            LevelArg::Normal => Level::Normal,
            LevelArg::High => Level::High,
        }
    }
}

/// `--alert-noise`, `--reliability`, `--injects`, `--pressure`.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct KnobArgs {
    /// Alerts that do not matter: low drops ticket alerts, high adds flapping ones.
    #[arg(long, value_enum, default_value_t = LevelArg::Normal)]
    pub alert_noise: LevelArg,
    /// Simulated responders: low makes them slow and one a freelancer, high makes all reliable.
    #[arg(long, value_enum, default_value_t = LevelArg::Normal)]
    pub reliability: LevelArg,
    /// Messages from outside: low keeps every other inject, high adds follow-ups.
    #[arg(long, value_enum, default_value_t = LevelArg::Normal)]
    pub injects: LevelArg,
    /// How fast things escalate: low gives 1.5x the time, high 0.6x.
    #[arg(long, value_enum, default_value_t = LevelArg::Normal)]
    pub pressure: LevelArg,
}

impl From<KnobArgs> for Knobs {
    fn from(k: KnobArgs) -> Knobs {
        Knobs {
            alert_noise: k.alert_noise.into(),
            npc_reliability: k.reliability.into(),
            inject_density: k.injects.into(),
            time_pressure: k.pressure.into(),
        }
    }
}
