//! Large, deterministic fixtures for benchmarks and load tests: a deck file with thousands of
//! cards and a state log with a year of reviews.
//!
//! Pure: returns text and records; `examples/gen_fixtures.rs` and the benches write them.
//! Not part of the app: the library compiles it only for its own tests, and the integration
//! tests, benches and examples that need it include this file
//! (`#[path = "../src/fixtures.rs"] mod fixtures;`). It names the library as `prepdeck`, which
//! inside the library is `extern crate self as prepdeck` (see `lib.rs`). (A cargo feature would
//! do the same, but `cargo build` and `cargo test` would then build the library twice.)

use chrono::{DateTime, Duration, Utc};

use prepdeck::core::grade::Grade;
use prepdeck::core::ids::{CardId, DeckId, RecordId};
use prepdeck::core::record::{Record, RecordBody, Review, ReviewMode};

/// What to generate.
#[derive(Clone, Debug)]
pub struct FixtureSpec {
    pub deck_id: String,
    pub cards: usize,
    pub categories: usize,
    pub reviews: usize,
    /// Reviews are spread over this many days before `now`.
    pub days: i64,
    pub now: DateTime<Utc>,
    pub seed: u64,
}

impl FixtureSpec {
    /// `cards` cards in 50 categories and `reviews` reviews over the last year.
    pub fn new(cards: usize, reviews: usize, now: DateTime<Utc>) -> Self {
        Self {
            deck_id: "bench".into(),
            cards,
            categories: 50,
            reviews,
            days: 365,
            now,
            seed: 7,
        }
    }
}

/// The deck file: `spec.cards` cards (each with a guidance text, an answer, two key points),
/// card `i` in category `i % spec.categories`.
pub fn deck_toml(spec: &FixtureSpec) -> String {
    let categories = spec.categories.max(1);
    let mut s = format!(
        "format = 1\n\n[deck]\nid = \"{}\"\ntitle = \"Benchmark deck\"\n\n",
        spec.deck_id
    );
    for c in 0..categories {
        s.push_str(&format!(
            "[[category]]\nid = \"cat-{c}\"\ntitle = \"Category {c}\"\n\n"
        ));
    }
    for i in 0..spec.cards {
        s.push_str(&format!(
            "[[card]]\nid = \"card-{i}\"\ncategory = \"cat-{}\"\nkind = \"technical\"\n\
             question = \"Question number {i}: how would you handle situation {i}?\"\n\
             guidance = \"Say what you would check first and why.\"\n\
             answer = \"\"\"\nFirst I would listen and gather the facts about case {i}. Then I \
             would agree priorities with the team and deliver an early, visible improvement.\n\"\"\"\n\n\
             [[card.key_point]]\ntext = \"Listens first\"\nkeywords = [\"listen\", \"facts\"]\n\n\
             [[card.key_point]]\ntext = \"Agrees priorities\"\nkeywords = [\"priorities\"]\n\n",
            i % categories
        ));
    }
    s
}

/// `spec.reviews` reviews in time order over `spec.days` days before `now`. Each study day
/// works through a slice of the deck, so most cards get many reviews; grades are mostly Good
/// (about 10% Again, 15% Hard, 65% Good, 10% Easy), took_ms 5 to 60 seconds.
pub fn review_records(spec: &FixtureSpec) -> Vec<Record> {
    let mut rng = SplitMix(spec.seed);
    let cards = spec.cards.max(1) as u64;
    let span = Duration::days(spec.days.max(1)).num_seconds();
    let start = spec.now - Duration::seconds(span);
    let step = span as f64 / spec.reviews.max(1) as f64;
    (0..spec.reviews)
        .map(|n| {
            let at = start + Duration::seconds((n as f64 * step) as i64);
            let card = rng.next() % cards;
            let grade = match rng.next() % 100 {
                0..10 => Grade::Again,
                10..25 => Grade::Hard,
                25..90 => Grade::Good,
                _ => Grade::Easy,
            };
            // Ids as the writer makes them (time in milliseconds, 64 random bits), so the
            // fixture's state file is as long as a real one and replays alike.
            let random =
                SplitMix(spec.seed ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).next();
            Record::new(
                RecordId::new(format!("{:012x}-{random:016x}", at.timestamp_millis())),
                at,
                RecordBody::Review(Review {
                    deck: DeckId::new(spec.deck_id.as_str()),
                    card: CardId::new(format!("card-{card}")),
                    grade,
                    took_ms: 5_000 + rng.next() % 55_000,
                    mode: ReviewMode::Drill,
                }),
            )
        })
        .collect()
}

/// Records as the state file holds them: one JSON object per line.
pub fn jsonl(records: &[Record]) -> String {
    let mut s = String::with_capacity(records.len() * 160);
    for r in records {
        // A record of plain strings and numbers always serializes.
        if let Ok(line) = serde_json::to_string(r) {
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}

/// A small deterministic generator (SplitMix64), so fixtures are the same on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
