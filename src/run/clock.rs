//! Real time to simulated seconds: speed and pause. The loop is fed how much
//! wall time has passed (by the window's frame clock, a host's timer); the
//! world never sees the wall clock.

/// At most this many simulated seconds per call, so a slow frame never snowballs.
pub const MAX_STEPS_PER_ADVANCE: u32 = 120;

/// How fast simulated time runs against real time.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Simulated seconds per real second.
    pub speed: u32,
    pub paused: bool,
    /// Simulated time owed but not yet stepped, in seconds.
    owed: f64,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock {
            speed: 1,
            paused: false,
            owed: 0.0,
        }
    }
}

impl Clock {
    /// How many seconds to simulate now that `elapsed` real seconds have
    /// passed (none while paused; at most `MAX_STEPS_PER_ADVANCE`, the rest
    /// forgiven rather than piled up).
    pub fn due(&mut self, elapsed: f64) -> u32 {
        if self.paused {
            return 0;
        }
        self.owed += elapsed * f64::from(self.speed);
        let whole = self.owed.floor().min(f64::from(MAX_STEPS_PER_ADVANCE));
        self.owed -= whole;
        if whole >= f64::from(MAX_STEPS_PER_ADVANCE) {
            self.owed = self.owed.min(1.0);
        }
        whole as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_scales_real_time_and_fractions_carry_over() {
        let mut clock = Clock {
            speed: 2,
            ..Default::default()
        };
        assert_eq!(clock.due(0.3), 0);
        assert_eq!(clock.due(0.3), 1, "0.6 + 0.6 simulated seconds");
        assert_eq!(clock.due(1.0), 2);
    }

    #[test]
    fn a_pause_stops_time_and_a_long_stall_is_not_piled_up() {
        let mut clock = Clock {
            paused: true,
            ..Default::default()
        };
        assert_eq!(clock.due(10.0), 0);
        clock.paused = false;
        assert_eq!(clock.due(1000.0), MAX_STEPS_PER_ADVANCE);
        assert!(clock.due(0.0) <= 1);
    }
}
