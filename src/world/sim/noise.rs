//! Metric jitter that is a pure function of (seed, tick, component, metric),
//! so adding a metric never shifts the random choices NPCs make.

/// SplitMix64 finaliser: a well-mixed 64-bit hash.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A uniform number in [0, 1) from 53 random bits.
pub fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// A value in [-1, 1) for one metric sample.
pub fn jitter(seed: u64, tick: u32, component: usize, metric: usize) -> f64 {
    let key = seed ^ mix(u64::from(tick) << 24 ^ (component as u64) << 8 ^ metric as u64);
    unit(mix(key)) * 2.0 - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_is_repeatable_and_bounded() {
        let a: Vec<f64> = (0..1000).map(|t| jitter(7, t, 3, 1)).collect();
        let b: Vec<f64> = (0..1000).map(|t| jitter(7, t, 3, 1)).collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|v| (-1.0..1.0).contains(v)));
        let mean = a.iter().sum::<f64>() / a.len() as f64;
        assert!(
            mean.abs() < 0.1,
            "jitter should centre on zero, mean {mean}"
        );
        assert_ne!(jitter(7, 1, 3, 1), jitter(8, 1, 3, 1));
    }
}
