//! The scoring curve and bands.

use serde::{Deserialize, Serialize};

/// Piecewise-linear score of a measure where lower is better: 1 at or below
/// `target`, 0 at or beyond `fail`, linear in between.
pub fn s(x: f64, target: f64, fail: f64) -> f64 {
    if x <= target {
        1.0
    } else if x >= fail || fail <= target {
        0.0
    } else {
        1.0 - (x - target) / (fail - target)
    }
}

/// HSEEP-style performance bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    /// Performed without challenges (≥ 0.85).
    P,
    /// Performed with some challenges (≥ 0.65).
    S,
    /// Performed with major challenges (≥ 0.40).
    M,
    /// Unable to be performed (< 0.40).
    U,
}

impl Band {
    /// The band a value falls in.
    pub fn of(value: f64) -> Band {
        if value >= 0.85 {
            Band::P
        } else if value >= 0.65 {
            Band::S
        } else if value >= 0.40 {
            Band::M
        } else {
            Band::U
        }
    }

    /// What the band means, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Band::P => "performed",
            Band::S => "some challenges",
            Band::M => "major challenges",
            Band::U => "unable to perform",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_is_flat_then_linear_then_zero() {
        assert_eq!(s(3.0, 5.0, 25.0), 1.0);
        assert_eq!(s(5.0, 5.0, 25.0), 1.0);
        assert!((s(15.0, 5.0, 25.0) - 0.5).abs() < 1e-9);
        assert_eq!(s(25.0, 5.0, 25.0), 0.0);
        assert_eq!(s(90.0, 5.0, 25.0), 0.0);
    }

    #[test]
    fn bands_follow_the_thresholds() {
        assert_eq!(Band::of(0.85), Band::P);
        assert_eq!(Band::of(0.84), Band::S);
        assert_eq!(Band::of(0.65), Band::S);
        assert_eq!(Band::of(0.64), Band::M);
        assert_eq!(Band::of(0.40), Band::M);
        assert_eq!(Band::of(0.39), Band::U);
    }
}
