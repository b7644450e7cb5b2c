//! Whether an answer answers the card's question or another one.
//!
//! A decent answer to a different question ("tell us about a failed release" answered with a
//! budget story) tells a story with numbers, people and decisions, so single words of it match
//! key points of any card ("per cent", "director", "tested"). A hiring manager would not tick
//! those points: the candidate did not answer the question. So before key points are ticked,
//! the answer is compared with every card of the built-in bank by the words they share, each
//! word weighted by how few cards use it (tf-idf over word stems, the matcher's stems): when
//! the card asked is not among the [`NEAREST`] closest cards and scores under [`SHARE`] of the
//! closest one, the answer reads as an answer to another question, no point is ticked, and the
//! debrief names the question it reads like.
//!
//! The bank's words are written by build.rs (`topics.rs`: each built-in card's words, once);
//! the asked card's own words come from its fields, so a card of the user's own deck is
//! measured the same way. Answers under [`MIN_STEMS`] distinct content words are not judged:
//! too few words to tell.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::core::deck::{Card, KeyPoint};
use crate::core::matcher::{content_stems, is_stop_word, stem};

include!(concat!(env!("OUT_DIR"), "/topics.rs"));

/// The asked card counts as answered when it is among this many closest cards of the bank.
pub const NEAREST: usize = 12;

/// ... or when its score is at least this share of the closest card's.
pub const SHARE: f64 = 0.45;

/// Answers with fewer distinct content words than this are not judged.
pub const MIN_STEMS: usize = 15;

/// What a card is about: its key (`deck/card`, to leave the same card of the bank out of the
/// comparison) and its words.
#[derive(Clone, Debug)]
pub struct Topic {
    key: String,
    stems: Vec<String>,
}

impl Topic {
    /// A card's topic from its fields: the question, guidance, model answer, follow-up
    /// questions and key points (texts and terms); for a card of the built-in bank (by its
    /// `deck/card` key), its words there too.
    pub fn new<'a>(
        key: String,
        texts: impl IntoIterator<Item = &'a str>,
        key_points: &[KeyPoint],
    ) -> Self {
        let mut all = String::new();
        if let Some((_, _, words)) = TOPICS.iter().find(|(k, _, _)| *k == key) {
            all.push_str(words);
            all.push('\n');
        }
        for t in texts {
            all.push_str(t);
            all.push('\n');
        }
        for p in key_points {
            all.push_str(&p.text);
            all.push('\n');
            for t in p
                .keywords
                .iter()
                .chain(p.together.iter().flatten())
                .chain(&p.require)
            {
                all.push_str(t);
                all.push('\n');
            }
        }
        Topic {
            key,
            stems: content_stems(&all),
        }
    }
}

impl Topic {
    /// A card's topic (keyed by its id alone: the card does not know its deck).
    pub fn of_card(card: &Card) -> Self {
        let texts = [card.question.as_str(), &card.answer]
            .into_iter()
            .chain(card.guidance.as_deref())
            .chain(card.follow_ups.iter().map(String::as_str));
        Topic::new(card.id.to_string(), texts, &card.key_points)
    }
}

/// The closest card of the bank to an answer that reads as an answer to another question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OtherQuestion {
    /// `deck/card` of the built-in card.
    pub card: String,
    pub question: String,
}

/// How an answer relates to the card asked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relevance {
    /// How many cards of the bank are closer to the answer than the asked card.
    pub rank: usize,
    /// The asked card's score as a share of the closest card's (1.0 when it is the closest).
    pub share: f64,
    /// Set when the answer reads as an answer to another question.
    pub reads_like: Option<OtherQuestion>,
}

impl Relevance {
    pub fn on_topic(&self) -> bool {
        self.reads_like.is_none()
    }
}

/// The bank: each stem's weight and the cards that use it.
struct Bank {
    /// Stem -> (weight, cards using it).
    postings: HashMap<String, (f64, Vec<u32>)>,
    /// Each card's vector length.
    norms: Vec<f64>,
    /// Weight of a stem no card of the bank uses.
    unseen: f64,
}

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        let n = TOPICS.len() as f64;
        let mut postings: HashMap<String, (f64, Vec<u32>)> = HashMap::new();
        // The bank's words repeat across cards: each is stemmed once.
        let mut stems: HashMap<&str, Option<String>> = HashMap::new();
        for (i, (_, _, words)) in TOPICS.iter().enumerate() {
            for w in words.split(' ') {
                let Some(s) = stems
                    .entry(w)
                    .or_insert_with(|| (!w.is_empty() && !is_stop_word(w)).then(|| stem(w)))
                    .clone()
                else {
                    continue;
                };
                let entry = postings.entry(s).or_default();
                if entry.1.last() != Some(&(i as u32)) {
                    entry.1.push(i as u32);
                }
            }
        }
        for (w, cards) in postings.values_mut() {
            *w = idf(n, cards.len());
        }
        let mut norms = vec![0.0f64; TOPICS.len()];
        for (w, cards) in postings.values() {
            for &c in cards {
                norms[c as usize] += w * w;
            }
        }
        norms.iter_mut().for_each(|x| *x = x.sqrt());
        Bank {
            postings,
            norms,
            unseen: idf(n, 0),
        }
    })
}

/// Builds the bank's index now (a front end calls this off its key path; otherwise the first
/// answer checked builds it).
pub fn warm() {
    let _ = bank();
}

fn idf(n: f64, df: usize) -> f64 {
    ((n + 1.0) / (df as f64 + 1.0)).ln()
}

/// How `answer` relates to `topic`. `None` when the answer is too short to judge.
pub fn relevance(topic: &Topic, answer: &str) -> Option<Relevance> {
    let stems = content_stems(answer);
    if stems.len() < MIN_STEMS {
        return None;
    }
    let bank = bank();
    let weight = |s: &str| bank.postings.get(s).map_or(bank.unseen, |p| p.0);
    // Scores against the bank's cards (the answer's length divides them all alike and is left
    // out: only their order and ratios matter).
    let mut dots = vec![0.0f64; TOPICS.len()];
    for s in &stems {
        if let Some((w, cards)) = bank.postings.get(s.as_str()) {
            for &c in cards {
                dots[c as usize] += w * w;
            }
        }
    }
    let own_stems: std::collections::HashSet<&str> =
        topic.stems.iter().map(String::as_str).collect();
    let own_norm = own_stems
        .iter()
        .map(|s| weight(s).powi(2))
        .sum::<f64>()
        .sqrt();
    let own_dot: f64 = stems
        .iter()
        .filter(|s| own_stems.contains(s.as_str()))
        .map(|s| weight(s).powi(2))
        .sum();
    let own = if own_norm > 0.0 {
        own_dot / own_norm
    } else {
        0.0
    };
    let same_card = |key: &str| {
        key == topic.key
            || (!topic.key.contains('/')
                && key.rsplit_once('/').is_some_and(|(_, c)| c == topic.key))
    };
    let mut closer = 0usize;
    let mut best: Option<(f64, usize)> = None;
    for (i, (key, _, _)) in TOPICS.iter().enumerate() {
        if same_card(key) || bank.norms[i] == 0.0 {
            continue;
        }
        let score = dots[i] / bank.norms[i];
        if score > own {
            closer += 1;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    let top = best.map_or(own, |(b, _)| b.max(own));
    let share = if top > 0.0 { own / top } else { 1.0 };
    let reads_like = (closer >= NEAREST && share < SHARE)
        .then(|| best.map(|(_, i)| i))
        .flatten()
        .map(|i| OtherQuestion {
            card: TOPICS[i].0.to_string(),
            question: TOPICS[i].1.to_string(),
        });
    Some(Relevance {
        rank: closer,
        share,
        reads_like,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A budget story: an answer to another question for most cards of the bank.
    const BUDGET: &str = "In my second year the finance director told me the IT budget would be \
    cut by twelve per cent for the next financial year. I went through every contract \
    and licence line with the accountant, found forty unused software licences and two \
    support contracts for servers we had already retired, cancelled them at renewal \
    and moved our backup storage to a cheaper tier. We met the cut without losing any \
    service and the savings were confirmed in the quarterly budget review.";

    fn topic_of(key: &str) -> Topic {
        let (k, q, words) = TOPICS
            .iter()
            .find(|(k, _, _)| *k == key)
            .copied()
            .unwrap_or_else(|| panic!("no built-in card {key}"));
        Topic::new(k.to_string(), [q, words], &[])
    }

    #[test]
    fn the_bank_holds_every_built_in_card_with_its_question() {
        assert!(TOPICS.len() > 250, "{}", TOPICS.len());
        assert!(
            TOPICS
                .iter()
                .all(|(k, q, w)| k.contains('/') && !q.is_empty() && w.split(' ').count() > 20)
        );
    }

    #[test]
    fn an_answer_to_another_question_is_named_as_such() {
        // A budget story given to a question about a failed software release.
        let r = relevance(
            &topic_of("it-manager/software-delivery-failed-release"),
            BUDGET,
        )
        .expect("long enough to judge");
        assert!(!r.on_topic(), "{r:?}");
        let other = r.reads_like.expect("names the question it reads like");
        assert!(other.card.starts_with("it-manager/budget"), "{other:?}");
    }

    #[test]
    fn an_answer_to_the_question_is_on_topic() {
        let release = "We released a new version of the booking site on a Friday and the \
            payment page started failing for about a third of customers. I decided to roll \
            back to the previous release rather than patch it live, had the service desk put a \
            banner on the site, and the next week ran a review with the developers and testers \
            without blaming anyone. The cause was a configuration setting that differed between \
            test and production, so we added an automated check to the deployment pipeline.";
        let r = relevance(
            &topic_of("it-manager/software-delivery-failed-release"),
            release,
        )
        .expect("long enough to judge");
        assert!(r.on_topic(), "{r:?}");
        assert!(r.rank < NEAREST, "{r:?}");
    }

    #[test]
    fn check_answer_ticks_nothing_in_an_answer_to_another_question() {
        use crate::core::analysis::{check_answer, check_points};
        let point = KeyPoint {
            text: "Takes personal ownership and shows the result".into(),
            keywords: vec!["without losing any service".into()],
            ..Default::default()
        };
        let answer = BUDGET;
        let points = [point];
        // The matcher alone ticks the point...
        assert!(check_points(&points, answer)[0].covered);
        // ... but the answer is to another question, so nothing is ticked.
        let topic = topic_of("it-manager/software-delivery-failed-release");
        let checked = check_answer(&topic, &points, answer, None);
        assert!(!checked.points[0].covered, "{checked:?}");
        assert!(checked.points[0].matched.is_empty());
        assert!(checked.relevance.is_some_and(|r| !r.on_topic()));
        // Asked where it belongs, it counts.
        let topic = topic_of("it-manager/budget-cut-costs-without-harm");
        assert!(check_answer(&topic, &points, answer, None).points[0].covered);
    }

    #[test]
    fn a_short_answer_is_not_judged() {
        let t = topic_of("it-manager/software-delivery-failed-release");
        assert_eq!(relevance(&t, "I cut the budget by ten per cent."), None);
    }

    #[test]
    fn a_card_outside_the_bank_is_measured_by_its_own_words() {
        // A user's own card on another field: an answer in its words is on topic.
        let t = Topic::new(
            "nursing/handover".into(),
            ["How do you run a safe shift handover on a busy ward?"],
            &[KeyPoint {
                text: "Uses a structured handover such as SBAR at the bedside".into(),
                keywords: vec!["sbar".into(), "bedside".into()],
                ..Default::default()
            }],
        );
        let answer = "On our ward I moved handover to the bedside and used SBAR for every \
            patient: situation, background, assessment and recommendation. The incoming nurse \
            checks drains, drips and wounds with the outgoing nurse and the patient can correct \
            us. Missed medication doses at shift change fell over the following months.";
        let r = relevance(&t, answer).expect("long enough");
        assert!(r.on_topic(), "{r:?}");
    }
}
