//! The plan to the interview: quotas, the final window, forecasts, and following the plan.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

use super::focus::{Focus, RelevantCard};
use super::model::{InterviewDate, PlanLimits};
use super::plan::{PlanSettings, plan};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CardKey, CategoryId, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};
use crate::core::schedule::{Model, Phase, Progress, SchedulerConfig, replay};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00Z")
        .unwrap()
        .to_utc()
}

fn offset() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn config() -> SchedulerConfig {
    SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    }
}

fn key(i: usize) -> CardKey {
    CardKey {
        deck: DeckId::new("d"),
        card: CardId::new(format!("c{i}")),
    }
}

/// `n` cards over two categories, c0 the most relevant.
fn focus(n: usize) -> Focus {
    Focus {
        categories: vec![
            (DeckId::new("d"), CategoryId::new("a")),
            (DeckId::new("d"), CategoryId::new("b")),
        ],
        cards: (0..n)
            .map(|i| RelevantCard {
                key: key(i),
                category: CategoryId::new(if i % 2 == 0 { "a" } else { "b" }),
                relevance: 1.0 - i as f64 / 100.0,
            })
            .collect(),
    }
}

fn in_days(days: i64) -> InterviewDate {
    InterviewDate {
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap() + Duration::days(days),
        time: None,
    }
}

fn settings(at: DateTime<Utc>, limits: PlanLimits) -> PlanSettings {
    PlanSettings {
        now: at,
        offset: offset(),
        day_starts_at: 4,
        desired_retention: 0.9,
        limits,
    }
}

#[derive(Default)]
struct Log(Vec<Record>);

impl Log {
    fn review(&mut self, k: &CardKey, grade: Grade, at: DateTime<Utc>) {
        let id = RecordId::new(format!("r{:06}", self.0.len() + 1));
        self.0.push(Record::new(
            id,
            at,
            RecordBody::Review(Review {
                deck: k.deck.clone(),
                card: k.card.clone(),
                grade,
                took_ms: 1000,
                mode: ReviewMode::Drill,
            }),
        ));
    }

    fn progress(&self) -> Progress {
        replay(&self.0, &config())
    }
}

#[test]
fn unseen_cards_are_spread_over_the_learning_days_most_relevant_first() {
    let p = plan(
        &focus(12),
        &Progress::default(),
        &Model::default(),
        in_days(10),
        &settings(now(), PlanLimits::default()),
    );
    assert_eq!(p.days_left, 10);
    assert_eq!(p.final_days, 2);
    assert!(!p.in_final_window);
    // 12 cards over the 8 days before the window.
    assert_eq!(p.new_per_day, 2);
    assert_eq!(p.today.new, [key(0), key(1)]);
    assert!(p.today.reviews.is_empty());
    assert!(p.feasible);
    assert_eq!(p.not_learned_in_time, 0);
    assert_eq!(p.final_reviews_per_day, 6);
    assert_eq!(p.recall_on_day, 0.0);
    assert_eq!(p.categories.len(), 2);
    assert_eq!(p.categories[0].cards, 6);
    assert_eq!(p.categories[0].learned, 0);
}

#[test]
fn a_tight_limit_says_what_will_not_be_learned() {
    let limits = PlanLimits {
        new_per_day: Some(1),
        reviews_per_day: None,
    };
    let p = plan(
        &focus(12),
        &Progress::default(),
        &Model::default(),
        in_days(10),
        &settings(now(), limits),
    );
    assert_eq!(p.new_per_day, 1);
    assert_eq!(p.not_learned_in_time, 4);
    assert!(!p.feasible);
}

#[test]
fn cards_learned_today_count_against_the_quota() {
    let mut log = Log::default();
    log.review(&key(0), Grade::Good, now() - Duration::minutes(30));
    let p = plan(
        &focus(12),
        &log.progress(),
        &Model::default(),
        in_days(10),
        &settings(now(), PlanLimits::default()),
    );
    assert_eq!(p.today.new_done, 1);
    assert_eq!(p.new_per_day, 2);
    assert_eq!(p.today.new, [key(1)]);
    assert_eq!(p.learned, 1);
}

#[test]
fn the_final_window_brings_back_every_card_not_seen_since_it_opened() {
    let mut log = Log::default();
    for i in 0..4 {
        log.review(&key(i), Grade::Easy, now() - Duration::days(20));
        log.review(&key(i), Grade::Easy, now() - Duration::days(12));
    }
    let progress = log.progress();
    // The interview is tomorrow: today is the window.
    let p = plan(
        &focus(4),
        &progress,
        &Model::default(),
        in_days(1),
        &settings(now(), PlanLimits::default()),
    );
    assert!(p.in_final_window);
    let mut reviews = p.today.reviews.clone();
    reviews.sort();
    assert_eq!(reviews, [key(0), key(1), key(2), key(3)]);
    assert!(p.today.new.is_empty());
    assert!(p.recall_on_day > 0.0 && p.recall_on_day < 1.0);
}

#[test]
fn recall_on_the_day_falls_with_the_days_since_the_last_review() {
    let mut log = Log::default();
    log.review(&key(0), Grade::Good, now() - Duration::days(2));
    let progress = log.progress();
    let near = plan(
        &focus(2),
        &progress,
        &Model::default(),
        in_days(1),
        &settings(now(), PlanLimits::default()),
    );
    let far = plan(
        &focus(2),
        &progress,
        &Model::default(),
        in_days(30),
        &settings(now(), PlanLimits::default()),
    );
    assert!(near.categories[0].recall_on_day > far.categories[0].recall_on_day);
    // The unseen card of category b counts 0.
    assert_eq!(near.categories[1].recall_on_day, 0.0);
}

#[test]
fn after_the_day_the_target_is_archived_and_asks_nothing() {
    let p = plan(
        &focus(3),
        &Progress::default(),
        &Model::default(),
        in_days(-1),
        &settings(now(), PlanLimits::default()),
    );
    assert!(p.archived);
    assert!(p.today.new.is_empty() && p.today.reviews.is_empty());
}

/// Doing each day's part of the plan (every card graded Good, learning steps done in the same
/// session) brings every card to the desired recall on the day.
#[test]
fn following_the_plan_gets_every_card_ready_on_the_day() {
    for (cards, days) in [(30usize, 14i64), (12, 5), (40, 21), (6, 2)] {
        let focus = focus(cards);
        let date = in_days(days);
        let mut log = Log::default();
        let model = Model::default();
        for day in 0..days {
            let at = now() + Duration::days(day);
            let p = plan(
                &focus,
                &log.progress(),
                &model,
                date,
                &settings(at, PlanLimits::default()),
            );
            assert!(p.feasible, "{cards} cards, {days} days, day {day}");
            let mut t = at;
            for k in p.today.new.iter().chain(&p.today.reviews) {
                log.review(k, Grade::Good, t);
                t += Duration::seconds(30);
            }
            // Learning steps: come back while any card is still learning today.
            for _ in 0..4 {
                let progress = log.progress();
                let learning: Vec<CardKey> = focus
                    .cards
                    .iter()
                    .filter(|c| {
                        progress.card(&c.key).is_some_and(|m| {
                            m.phase == Phase::Learning || m.phase == Phase::Relearning
                        })
                    })
                    .map(|c| c.key.clone())
                    .collect();
                t += Duration::minutes(15);
                for k in &learning {
                    log.review(k, Grade::Good, t);
                }
            }
        }
        let day = settings(date.at(offset()), PlanLimits::default());
        let p = plan(&focus, &log.progress(), &model, date, &day);
        assert_eq!(p.learned, cards, "{cards} cards in {days} days");
        let ready: usize = p.categories.iter().map(|c| c.ready).sum();
        assert_eq!(
            ready, cards,
            "{cards} cards in {days} days: {:?}",
            p.categories
        );
        assert!(p.recall_on_day >= 0.9);
    }
}
