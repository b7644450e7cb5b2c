//! The FSRS-6 memory model: stability and difficulty after a review, and the interval that
//! reaches the desired retention.
//!
//! The weights are `fsrs::DEFAULT_PARAMETERS` unless the user has their own (fitted by
//! `prepdeck optimize`, see [`super::SchedulerConfig::parameters`]). The formulas are written
//! out here in `f64` to follow the reference scheduler, py-fsrs 6.3.2, to the last digit; since
//! 6.3.2 (the same-day Hard stability floor) it and `fsrs::FSRS::next_states` agree on every
//! grade, which the tests check, and `tests/fixtures/py-fsrs/` holds a recorded py-fsrs run
//! that `super::tests::reference` replays.

use crate::core::grade::Grade;

/// Stability and difficulty of one card's memory.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Memory {
    /// Days until recall probability falls to 90%.
    pub stability: f64,
    /// 1 (easy) ..= 10 (hard).
    pub difficulty: f64,
}

const STABILITY_MIN: f64 = 0.001;
const DIFFICULTY_MIN: f64 = 1.0;
const DIFFICULTY_MAX: f64 = 10.0;

/// The FSRS-6 model with fixed weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    w: [f64; 21],
    decay: f64,
    factor: f64,
}

impl Default for Model {
    fn default() -> Self {
        Self::new(default_weights())
    }
}

/// How many weights FSRS-6 has.
pub const PARAMETER_COUNT: usize = 21;

/// The range each weight may take (py-fsrs 6.3.2's `LOWER/UPPER_BOUNDS_PARAMETERS`, the same
/// as the `fsrs` crate's parameter clipper).
pub const PARAMETER_BOUNDS: [(f64, f64); PARAMETER_COUNT] = [
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (1.0, 10.0),
    (0.001, 4.0),
    (0.001, 4.0),
    (0.001, 0.75),
    (0.0, 4.5),
    (0.0, 0.8),
    (0.001, 3.5),
    (0.001, 5.0),
    (0.001, 0.25),
    (0.001, 0.9),
    (0.0, 4.0),
    (0.0, 1.0),
    (1.0, 6.0),
    (0.0, 2.0),
    (0.0, 2.0),
    (0.0, 0.8),
    (0.1, 0.8),
];

/// Why a list of weights cannot be used: for the user, naming the first bad weight.
pub fn check_parameters(w: &[f64]) -> Result<(), String> {
    if w.len() != PARAMETER_COUNT {
        return Err(format!(
            "FSRS-6 has {PARAMETER_COUNT} parameters, not {}",
            w.len()
        ));
    }
    // A little slack: weights fitted in f32 and printed in decimal may sit a hair outside.
    for (i, (x, (lo, hi))) in w.iter().zip(PARAMETER_BOUNDS).enumerate() {
        if !x.is_finite() || *x < lo - 1e-6 || *x > hi + 1e-6 {
            return Err(format!("parameter {i} is {x}, outside {lo} to {hi}"));
        }
    }
    Ok(())
}

/// `fsrs::DEFAULT_PARAMETERS` as the decimal values they are published as (0.212, not
/// 0.2119999975), so results match the reference implementation to the last digit.
pub fn default_weights() -> [f64; 21] {
    fsrs::DEFAULT_PARAMETERS.map(|w| w.to_string().parse().unwrap_or(f64::from(w)))
}

impl Model {
    /// The model a scheduler with `config` uses: the user's parameters when set (and valid:
    /// validation rejects invalid ones before they get here), the defaults otherwise.
    pub fn for_config(config: &super::config::SchedulerConfig) -> Self {
        config
            .parameters
            .as_deref()
            .filter(|w| check_parameters(w).is_ok())
            .and_then(|w| <[f64; PARAMETER_COUNT]>::try_from(w).ok())
            .map_or_else(Model::default, Model::new)
    }

    /// The weights this model uses.
    pub fn weights(&self) -> &[f64; PARAMETER_COUNT] {
        &self.w
    }

    pub fn new(w: [f64; 21]) -> Self {
        let decay = -w[20];
        Self {
            w,
            decay,
            factor: 0.9f64.powf(1.0 / decay) - 1.0,
        }
    }

    /// Memory after the very first review.
    pub fn initial(&self, grade: Grade) -> Memory {
        Memory {
            stability: self.initial_stability(grade),
            difficulty: self
                .initial_difficulty(grade)
                .clamp(DIFFICULTY_MIN, DIFFICULTY_MAX),
        }
    }

    /// Memory after a review `days_elapsed` whole days after the previous one. Reviews on the
    /// same day (0 days) use the short-term formula.
    pub fn next(&self, m: Memory, grade: Grade, days_elapsed: i64) -> Memory {
        let stability = if days_elapsed < 1 {
            self.short_term_stability(m.stability, grade)
        } else {
            let r = self.retrievability(m.stability, days_elapsed);
            self.long_term_stability(m, r, grade)
        };
        Memory {
            stability,
            difficulty: self.next_difficulty(m.difficulty, grade),
        }
    }

    /// Probability of recall `days` whole days after the last review.
    pub fn retrievability(&self, stability: f64, days: i64) -> f64 {
        self.retrievability_after(stability, days.max(0) as f64)
    }

    /// [`Model::retrievability`] after a fractional number of days (for ranking cards
    /// reviewed the same day: the one with the lower stability is the less likely recalled).
    pub fn retrievability_after(&self, stability: f64, days: f64) -> f64 {
        (1.0 + self.factor * days.max(0.0) / stability).powf(self.decay)
    }

    /// Interval in whole days that reaches `desired_retention`, clamped to 1..=`maximum`.
    pub fn interval_days(&self, stability: f64, desired_retention: f64, maximum: u32) -> i64 {
        let raw = stability / self.factor * (desired_retention.powf(1.0 / self.decay) - 1.0);
        // py-fsrs uses Python's round(): ties go to the even number.
        let days = raw.round_ties_even();
        let days = if days.is_finite() { days as i64 } else { 1 };
        days.clamp(1, i64::from(maximum.max(1)))
    }

    fn initial_stability(&self, grade: Grade) -> f64 {
        self.w[grade as usize - 1].max(STABILITY_MIN)
    }

    fn initial_difficulty(&self, grade: Grade) -> f64 {
        self.w[4] - (self.w[5] * (f64::from(grade.number()) - 1.0)).exp() + 1.0
    }

    fn next_difficulty(&self, d: f64, grade: Grade) -> f64 {
        let delta = -(self.w[6] * (f64::from(grade.number()) - 3.0));
        let damped = d + (10.0 - d) * delta / 9.0;
        let target = self.initial_difficulty(Grade::Easy);
        (self.w[7] * target + (1.0 - self.w[7]) * damped).clamp(DIFFICULTY_MIN, DIFFICULTY_MAX)
    }

    fn short_term_stability(&self, s: f64, grade: Grade) -> f64 {
        let w = &self.w;
        let mut increase =
            (w[17] * (f64::from(grade.number()) - 3.0 + w[18])).exp() * s.powf(-w[19]);
        // py-fsrs 6.3.2 (and fsrs-rs): a same-day pass never shrinks stability; before 6.3.2
        // a same-day Hard could.
        if grade != Grade::Again {
            increase = increase.max(1.0);
        }
        (s * increase).max(STABILITY_MIN)
    }

    fn long_term_stability(&self, m: Memory, r: f64, grade: Grade) -> f64 {
        let w = &self.w;
        let (s, d) = (m.stability, m.difficulty);
        let next = if grade == Grade::Again {
            let long =
                w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
            let short = s / (w[17] * w[18]).exp();
            long.min(short)
        } else {
            let hard_penalty = if grade == Grade::Hard { w[15] } else { 1.0 };
            let easy_bonus = if grade == Grade::Easy { w[16] } else { 1.0 };
            s * (1.0
                + w[8].exp()
                    * (11.0 - d)
                    * s.powf(-w[9])
                    * (((1.0 - r) * w[10]).exp() - 1.0)
                    * hard_penalty
                    * easy_bonus)
        };
        next.max(STABILITY_MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fsrs_rs() -> fsrs::FSRS {
        fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap()
    }

    fn close(a: f64, b: f32) -> bool {
        (a - f64::from(b)).abs() <= 1e-3 * a.abs().max(1.0)
    }

    #[test]
    fn weights_are_the_published_decimals() {
        let w = default_weights();
        assert_eq!(w[0], 0.212);
        assert_eq!(w[20], 0.1542);
        for (a, b) in w.iter().zip(fsrs::DEFAULT_PARAMETERS) {
            assert_eq!(*a as f32, b);
        }
    }

    #[test]
    fn first_review_matches_fsrs_rs() {
        let model = Model::default();
        let next = fsrs_rs().next_states(None, 0.9, 0).unwrap();
        let theirs = [next.again, next.hard, next.good, next.easy];
        for (grade, item) in Grade::ALL.into_iter().zip(theirs) {
            let m = model.initial(grade);
            assert!(close(m.stability, item.memory.stability), "{grade}");
            assert!(close(m.difficulty, item.memory.difficulty), "{grade}");
        }
    }

    /// Compares every grade after every kind of gap with `fsrs::FSRS::next_states` for weights `w`.
    fn agree_with_fsrs_rs(w: [f64; PARAMETER_COUNT]) {
        let model = Model::new(w);
        let rs = fsrs::FSRS::new(&w.map(|x| x as f32)).unwrap();
        for (s, d) in [
            (0.05, 9.0),
            (0.5, 7.0),
            (2.3, 5.0),
            (20.0, 3.0),
            (300.0, 9.5),
        ] {
            for days in [0u32, 1, 3, 30, 400] {
                let theirs = rs
                    .next_states(
                        Some(fsrs::MemoryState {
                            stability: s as f32,
                            difficulty: d as f32,
                        }),
                        0.9,
                        days,
                    )
                    .unwrap();
                let theirs = [theirs.again, theirs.hard, theirs.good, theirs.easy];
                for (grade, item) in Grade::ALL.into_iter().zip(theirs) {
                    let ours = model.next(
                        Memory {
                            stability: s,
                            difficulty: d,
                        },
                        grade,
                        i64::from(days),
                    );
                    assert!(close(ours.difficulty, item.memory.difficulty));
                    assert!(
                        close(ours.stability, item.memory.stability),
                        "s={s} d={d} days={days} {grade}: {} vs {}",
                        ours.stability,
                        item.memory.stability
                    );
                }
            }
        }
    }

    #[test]
    fn later_reviews_match_fsrs_rs_for_every_grade() {
        agree_with_fsrs_rs(default_weights());
        // Personal weights too (as `prepdeck optimize` would fit): a steeper forgetting
        // curve, a stronger same-day effect.
        let mut w = default_weights();
        for (i, x) in w.iter_mut().enumerate() {
            let (lo, hi) = PARAMETER_BOUNDS[i];
            *x = (*x * if i % 2 == 0 { 1.3 } else { 0.8 }).clamp(lo, hi);
        }
        assert_eq!(check_parameters(&w), Ok(()));
        agree_with_fsrs_rs(w);
    }

    #[test]
    fn a_same_day_hard_never_lowers_stability() {
        let model = Model::default();
        for s in [0.01, 0.2, 1.0, 2.3, 10.0, 100.0, 1000.0] {
            let m = Memory {
                stability: s,
                difficulty: 5.0,
            };
            assert!(model.next(m, Grade::Hard, 0).stability >= s, "s={s}");
            assert!(model.next(m, Grade::Again, 0).stability < s, "s={s}");
        }
    }

    #[test]
    fn parameters_are_checked_and_used() {
        assert!(check_parameters(&default_weights()).is_ok());
        assert!(check_parameters(&[0.2; 19]).unwrap_err().contains("21"));
        let mut w = default_weights();
        w[20] = 0.9;
        assert!(check_parameters(&w).unwrap_err().contains("parameter 20"));
        w[20] = f64::NAN;
        assert!(check_parameters(&w).is_err());
        let mut config = crate::core::schedule::SchedulerConfig::default();
        assert_eq!(Model::for_config(&config), Model::default());
        let mut mine = default_weights();
        mine[2] = 5.0;
        config.parameters = Some(mine.to_vec());
        assert_eq!(
            Model::for_config(&config).initial(Grade::Good).stability,
            5.0
        );
    }

    #[test]
    fn interval_is_at_least_one_day_and_capped() {
        let model = Model::default();
        assert_eq!(model.interval_days(0.01, 0.9, 36500), 1);
        assert_eq!(model.interval_days(1e9, 0.9, 36500), 36500);
        assert_eq!(model.interval_days(10.0, 0.9, 36500), 10);
        assert!(model.interval_days(10.0, 0.8, 36500) > 10);
    }
}
