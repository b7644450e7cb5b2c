//! The card state machine: New -> Learning -> Review, Again on a review card -> Relearning.
//!
//! Follows py-fsrs 6 (`Scheduler.review_card`) step for step: elapsed time is counted in whole
//! days (`(now - last_review).days`), a review less than a day after the previous one uses the
//! short-term stability formula, intervals are whole days from the review time.

use chrono::{DateTime, Duration, Utc};

use super::card::{CardMemory, LEECH_LAPSES, Phase};
use super::config::{SchedulerConfig, Step};
use super::fsrs_formulas::Model;
use super::fuzz::fuzz_days;
use crate::core::grade::Grade;

/// Schedules reviews with one configuration.
#[derive(Clone, Debug)]
pub struct Scheduler {
    model: Model,
    config: SchedulerConfig,
}

/// Where one grade would send a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradePreview {
    pub grade: Grade,
    pub due: DateTime<Utc>,
    /// `due - now`, for the button label (see [`super::format_interval`]).
    pub interval: Duration,
}

impl Scheduler {
    pub fn new(config: &SchedulerConfig) -> Self {
        Self {
            model: Model::for_config(config),
            config: config.clone(),
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn config(&self) -> &SchedulerConfig {
        &self.config
    }

    /// The card after being graded `grade` at `now`. `fuzz_seed` (see [`super::fuzz_seed`])
    /// picks the point within the fuzz range when fuzz is on. Queue flags (suspended, buried)
    /// are carried over unchanged.
    pub fn review(
        &self,
        card: &CardMemory,
        grade: Grade,
        now: DateTime<Utc>,
        fuzz_seed: Option<u64>,
    ) -> CardMemory {
        let mut next = card.clone();
        let days = card
            .last_review
            .map(|last| (now - last).num_seconds().div_euclid(86_400));
        next.memory = Some(match (card.memory, days) {
            (Some(m), Some(days)) => self.model.next(m, grade, days),
            (Some(m), None) => self.model.next(m, grade, 0),
            (None, _) => self.model.initial(grade),
        });
        let interval = match card.phase {
            Phase::New | Phase::Learning => {
                self.stepped(&mut next, grade, &self.config.learning_steps)
            }
            Phase::Relearning => self.stepped(&mut next, grade, &self.config.relearning_steps),
            Phase::Review => {
                if grade == Grade::Again {
                    next.lapses += 1;
                    next.leech = next.lapses >= LEECH_LAPSES;
                }
                match (grade, self.config.relearning_steps.first()) {
                    (Grade::Again, Some(first)) => {
                        next.phase = Phase::Relearning;
                        next.step = 0;
                        first.duration()
                    }
                    _ => self.graduated(&next),
                }
            }
        };
        let interval = match (next.phase, fuzz_seed) {
            (Phase::Review, Some(seed)) if self.config.fuzz => {
                let max = i64::from(self.config.maximum_interval);
                Duration::days(fuzz_days(interval.num_days(), max, seed))
            }
            _ => interval,
        };
        // Saturates rather than panics: records' times are checked on read (see
        // `time::SUPPORTED_YEARS`), this only guards a `now` at the very end of time.
        next.due = Some(
            now.checked_add_signed(interval)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        );
        next.last_review = Some(now);
        next.reps += 1;
        next
    }

    /// Where each grade would send the card if graded at `now` (without fuzz).
    pub fn preview(&self, card: &CardMemory, now: DateTime<Utc>) -> [GradePreview; 4] {
        Grade::ALL.map(|grade| {
            let due = self.review(card, grade, now, None).due.unwrap_or(now);
            GradePreview {
                grade,
                due,
                interval: due - now,
            }
        })
    }

    /// Learning and relearning steps, as py-fsrs 6 walks them.
    fn stepped(&self, next: &mut CardMemory, grade: Grade, steps: &[Step]) -> Duration {
        let step = next.step;
        let learning = if next.phase == Phase::Relearning {
            Phase::Relearning
        } else {
            Phase::Learning
        };
        // No steps, or more steps done than now configured: graduate on any pass.
        if steps.is_empty() || (step >= steps.len() && grade != Grade::Again) {
            return self.graduate(next);
        }
        next.phase = learning;
        match grade {
            Grade::Again => {
                next.step = 0;
                steps[0].duration()
            }
            Grade::Hard => match (step, steps) {
                (0, [only]) => only.duration() * 3 / 2,
                (0, [first, second, ..]) => (first.duration() + second.duration()) / 2,
                _ => steps[step].duration(),
            },
            Grade::Good if step + 1 >= steps.len() => self.graduate(next),
            Grade::Good => {
                next.step = step + 1;
                steps[next.step].duration()
            }
            Grade::Easy => self.graduate(next),
        }
    }

    fn graduate(&self, next: &mut CardMemory) -> Duration {
        next.phase = Phase::Review;
        next.step = 0;
        self.graduated(next)
    }

    fn graduated(&self, next: &CardMemory) -> Duration {
        let stability = next.memory.map_or(0.0, |m| m.stability);
        Duration::days(self.model.interval_days(
            stability,
            self.config.desired_retention,
            self.config.maximum_interval,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn no_fuzz() -> Scheduler {
        Scheduler::new(&SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
    }

    /// The reference case of py-fsrs 6 (`test_review_card`), fuzz off.
    #[test]
    fn reproduces_py_fsrs_reference_intervals() {
        use Grade::{Again, Good};
        let s = no_fuzz();
        let grades = [
            Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
        ];
        let mut card = CardMemory::new();
        let mut now = at("2022-11-29T12:30:00Z");
        let mut ivls = vec![];
        for g in grades {
            card = s.review(&card, g, now, Some(7));
            let due = card.due.unwrap();
            ivls.push((due - card.last_review.unwrap()).num_days());
            now = due;
        }
        assert_eq!(ivls, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
        assert_eq!(card.lapses, 1);
        assert_eq!(card.reps, 13);
        assert_eq!(card.phase, Phase::Review);
    }

    #[test]
    fn learning_steps_follow_py_fsrs() {
        let s = no_fuzz();
        let now = at("2026-01-01T10:00:00Z");
        let new = CardMemory::new();
        let [again, hard, good, easy] = s.preview(&new, now);
        assert_eq!(again.interval, Duration::minutes(1));
        assert_eq!(hard.interval, Duration::seconds(330));
        assert_eq!(good.interval, Duration::minutes(10));
        assert!(easy.interval >= Duration::days(1));

        let step1 = s.review(&new, Grade::Good, now, None);
        assert_eq!((step1.phase, step1.step), (Phase::Learning, 1));
        let [again, hard, good, _] = s.preview(&step1, now + Duration::minutes(10));
        assert_eq!(again.interval, Duration::minutes(1));
        assert_eq!(hard.interval, Duration::minutes(10));
        assert!(good.interval >= Duration::days(1));
    }

    #[test]
    fn lapse_relearns_then_graduates() {
        let s = no_fuzz();
        let mut now = at("2026-01-01T10:00:00Z");
        let mut card = s.review(&CardMemory::new(), Grade::Easy, now, None);
        assert_eq!(card.phase, Phase::Review);
        now = card.due.unwrap();
        card = s.review(&card, Grade::Again, now, None);
        assert_eq!((card.phase, card.lapses), (Phase::Relearning, 1));
        assert_eq!(card.due, Some(now + Duration::minutes(10)));
        let [_, hard, _, _] = s.preview(&card, now + Duration::minutes(10));
        assert_eq!(hard.interval, Duration::minutes(15));
        card = s.review(&card, Grade::Good, now + Duration::minutes(10), None);
        assert_eq!(card.phase, Phase::Review);
    }

    #[test]
    fn without_steps_cards_graduate_at_once() {
        let s = Scheduler::new(&SchedulerConfig {
            learning_steps: vec![],
            relearning_steps: vec![],
            fuzz: false,
            ..SchedulerConfig::default()
        });
        let now = at("2026-01-01T10:00:00Z");
        let card = s.review(&CardMemory::new(), Grade::Again, now, None);
        assert_eq!(card.phase, Phase::Review);
        let later = s.review(&card, Grade::Again, card.due.unwrap(), None);
        assert_eq!((later.phase, later.lapses), (Phase::Review, 1));
    }

    #[test]
    fn eight_lapses_make_a_leech() {
        let s = no_fuzz();
        let mut now = at("2026-01-01T10:00:00Z");
        let mut card = s.review(&CardMemory::new(), Grade::Easy, now, None);
        for lapse in 1..=8 {
            now = card.due.unwrap();
            card = s.review(&card, Grade::Again, now, None);
            assert_eq!(card.leech, lapse >= 8, "lapse {lapse}");
            now = card.due.unwrap();
            card = s.review(&card, Grade::Good, now, None);
        }
        assert!(card.leech);
    }

    #[test]
    fn fuzz_only_moves_day_intervals_and_is_reproducible() {
        let s = Scheduler::new(&SchedulerConfig::default());
        let now = at("2026-01-01T10:00:00Z");
        let new = CardMemory::new();
        let a = s.review(&new, Grade::Good, now, Some(42));
        assert_eq!(a.due, Some(now + Duration::minutes(10)));
        let mut card = s.review(&new, Grade::Easy, now, Some(1));
        card = s.review(&card, Grade::Good, card.due.unwrap(), Some(99));
        let again = s.review(&card, Grade::Good, card.due.unwrap(), Some(5));
        assert_eq!(
            again,
            s.review(&card, Grade::Good, card.due.unwrap(), Some(5))
        );
    }
}
