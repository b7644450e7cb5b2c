//! The key-point lint behind `prepdeck decks check`: warnings about key points that the
//! matcher would tick for the wrong reasons, or never tick for the right ones.
//!
//! For every key point of every card:
//! - **filler**: one of [`FILLER_ANSWERS`] (confident, generic answers with no substance)
//!   covers it. A padded non-answer must not earn ticks.
//! - **question**: a keyword (or every term of a `together` group) is contained in the card's
//!   question, so it never counts (the matcher ignores it): the author meant something else.
//! - **stop words**: a keyword made only of words like "the", "we", "it".
//! - **story**: a keyword of two or more words that is used nowhere in the bank except in its
//!   own card's model answer: no other card's question, guidance, model answer, key point or
//!   follow-up, and not this card's question, guidance, follow-ups or key-point texts. Such a
//!   phrase is the wording of one story ("typed them up"), not a term a candidate telling their
//!   own story would use. Phrases the bank uses elsewhere are recognised terms
//!   ("change advisory board", "root cause").
//!
//! Pure: takes the decks, returns warnings; printing them is the front end's job.

use std::collections::HashSet;

use super::model::{Card, Deck, KeyPoint};
use crate::core::matcher::{MatchText, PreparedPoint, Term, content_stems};

/// Generic answers that say nothing: the lint warns when one of them covers a key point. They
/// are written to sound like a confident candidate padding an answer: communication,
/// stakeholders, lessons, teamwork, process and buzzwords, with no situation, no action and no
/// fact that belongs to any one question.
pub const FILLER_ANSWERS: &[&str] = &[
    "I always communicate with stakeholders and align with the business. Communication is key, \
     and I make sure everyone is on the same page. I learn lessons from everything and apply \
     best practice, and at the end of the day it is about delivering value.",
    "That is a great question. In my experience the most important thing is the people. I \
     believe in empowering the team, building trust and leading by example. I am passionate \
     about what I do and I always go the extra mile to get things done.",
    "I would take a structured approach. First I would understand the situation, then I would \
     look at the options, weigh them up and make a decision. I would keep everyone informed \
     along the way and review how it went afterwards.",
    "Honestly it is all about balance. You have to think strategically but also be hands-on, \
     and you need to be flexible because every situation is different. I adapt my approach to \
     the context and I am comfortable with ambiguity.",
    "I am a results-driven manager with a strong track record of success. I have worked on many \
     projects across different environments and I always deliver. My colleagues would describe \
     me as reliable, proactive and a good communicator.",
    "Quality matters a lot to me. I set high standards, I hold people accountable and I keep \
     things under control. Processes and governance are important, but so is common sense, and \
     I try to get the balance right so the work gets done properly.",
    "We always put the customer first. Understanding what the users need and keeping them happy \
     is the whole point of IT. I listen carefully, manage expectations and make sure we deliver \
     a good service.",
    "It went really well in the end. There were some challenges along the way, as there always \
     are, but we worked through them together as a team and it was a real success. Everyone \
     learned a lot from it.",
    "I keep up with the latest trends and technologies, and I am a big believer in continuous \
     improvement and innovation. Digital transformation, agile ways of working and automation \
     are the future, and I want to be part of that journey.",
    "I think it really depends on the situation. There are lots of factors to consider, like \
     cost, time and resources, and you have to look at the bigger picture. I would weigh the \
     pros and cons and go with what makes the most sense for the organisation.",
    "Risk management is something I take very seriously. I identify risks, keep an eye on them \
     and deal with issues as they come up. Planning is important and so is being proactive \
     rather than reactive.",
    "Good leadership is about supporting people and giving them what they need to succeed. I \
     have an open door, I give feedback regularly and I celebrate wins. A motivated team is a \
     productive team.",
    "Well, basically, you know, I just try to do the right thing and work hard. I am a fast \
     learner, I am good with people and I am very organised, so I am confident I would handle \
     it well.",
];

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintKind {
    Filler,
    InQuestion,
    StopWords,
    Story,
}

/// One warning about one key point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintWarning {
    pub kind: LintKind,
    /// Index of the card in its deck.
    pub card: usize,
    /// Index of the key point in its card.
    pub point: usize,
    /// 1-based line of the key point in its file (0 when unknown).
    pub line: usize,
    pub message: String,
}

/// The words of every card of the bank, to tell recognised terms from one story's wording.
struct Bank<'a> {
    cards: Vec<BankCard<'a>>,
}

struct BankCard<'a> {
    /// Deck id and card id: a card is "another card" by id, so a deck checked from a file is
    /// told apart from its own copy in the bank.
    id: (&'a str, &'a str),
    stems: HashSet<String>,
    card: &'a Card,
    /// The card's text prepared for matching, on first need: most keywords are told apart by
    /// `stems` alone.
    text: std::cell::OnceCell<MatchText>,
}

impl BankCard<'_> {
    fn text(&self) -> &MatchText {
        self.text
            .get_or_init(|| MatchText::new(&card_text(self.card, Answer::Included)))
    }
}

/// Whether [`card_text`] includes the model answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Included,
    Left,
}

fn card_text(card: &Card, answer: Answer) -> String {
    let mut parts: Vec<&str> = vec![&card.question];
    parts.extend(card.guidance.as_deref());
    parts.extend(card.follow_ups.iter().map(String::as_str));
    parts.extend(card.key_points.iter().map(|k| k.text.as_str()));
    if answer == Answer::Included {
        parts.push(&card.answer);
    }
    parts.join("\n")
}

impl<'a> Bank<'a> {
    fn new(decks: &'a [Deck]) -> Self {
        let cards = decks
            .iter()
            .flat_map(|d| d.cards.iter().map(move |c| (d, c)))
            .map(|(deck, card)| BankCard {
                id: (deck.id.as_str(), card.id.as_str()),
                stems: content_stems(&card_text(card, Answer::Included))
                    .into_iter()
                    .collect(),
                card,
                text: std::cell::OnceCell::new(),
            })
            .collect();
        Bank { cards }
    }

    /// Whether `keyword` occurs in another card's text, or in this card outside its answer.
    fn recognised(&self, own: (&str, &str), own_text: &MatchText, keyword: &str) -> bool {
        let term = Term::new(keyword);
        let stems = term.content_stems();
        own_text.contains(keyword)
            || self.cards.iter().any(|c| {
                c.id != own
                    && stems.iter().all(|s| c.stems.contains(*s))
                    && c.text().contains(keyword)
            })
    }
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lints key points against a bank of decks (all loaded decks, the linted ones included).
pub struct Linter<'a> {
    decks: &'a [Deck],
    /// Built on first need: only story-like keywords are looked up in the bank.
    bank: std::sync::OnceLock<Bank<'a>>,
    fillers: Vec<MatchText>,
}

impl<'a> Linter<'a> {
    pub fn new(bank: &'a [Deck]) -> Self {
        Linter {
            decks: bank,
            bank: std::sync::OnceLock::new(),
            fillers: FILLER_ANSWERS.iter().map(|t| MatchText::new(t)).collect(),
        }
    }

    fn bank(&self) -> &Bank<'a> {
        self.bank.get_or_init(|| Bank::new(self.decks))
    }

    /// The warnings about the key points of `deck`, in card and key-point order.
    pub fn lint(&self, deck: &Deck) -> Vec<LintWarning> {
        let mut out = Vec::new();
        for (ci, card) in deck.cards.iter().enumerate() {
            let own = std::cell::OnceCell::new();
            let own = || own.get_or_init(|| MatchText::new(&card_text(card, Answer::Left)));
            for (pi, point) in card.key_points.iter().enumerate() {
                let mut warn = |kind, message: String| {
                    out.push(LintWarning {
                        kind,
                        card: ci,
                        point: pi,
                        line: point.line,
                        message,
                    })
                };
                self.fillers(point, &mut warn);
                lint_words(point, &mut warn);
                for k in &point.keywords {
                    if story_like(k)
                        && !self
                            .bank()
                            .recognised((deck.id.as_str(), card.id.as_str()), own(), k)
                    {
                        warn(
                            LintKind::Story,
                            format!(
                                "keyword \"{k}\" appears nowhere in the bank but this card's \
                                 model answer: it is that story's wording; name the idea in words \
                                 any candidate would use"
                            ),
                        );
                    }
                }
            }
        }
        out
    }

    /// Warns when a filler answer covers the point, naming the keywords and groups to blame.
    fn fillers(&self, point: &KeyPoint, warn: &mut impl FnMut(LintKind, String)) {
        let prepared = PreparedPoint::new(point);
        let ticking: Vec<&MatchText> = self
            .fillers
            .iter()
            .filter(|f| f.check_prepared(&prepared).is_some())
            .collect();
        if ticking.is_empty() {
            return;
        }
        let alone = |p: KeyPoint| ticking.iter().any(|f| f.covers(&p));
        let mut blamed = Vec::new();
        // The point's own text counts as evidence too (see the matcher's `concept` rule).
        if alone(KeyPoint {
            keywords: Vec::new(),
            together: Vec::new(),
            ..point.clone()
        }) {
            blamed.push("the words of its text".to_string());
        }
        for k in &point.keywords {
            if alone(KeyPoint {
                text: String::new(),
                keywords: vec![k.clone()],
                together: Vec::new(),
                ..point.clone()
            }) {
                blamed.push(format!("keyword \"{k}\""));
            }
        }
        for g in &point.together {
            if alone(KeyPoint {
                text: String::new(),
                keywords: Vec::new(),
                together: vec![g.clone()],
                ..point.clone()
            }) {
                blamed.push(format!("group {}", quoted(g)));
            }
        }
        let example = ticking[0].check(point).unwrap_or_default();
        warn(
            LintKind::Filler,
            format!(
                "ticked by {} of {} generic filler answers (through {}) by {}: make the point \
                 need words that say something (a `together` group, `require`)",
                ticking.len(),
                self.fillers.len(),
                quoted(&example),
                blamed.join(", ")
            ),
        );
    }
}

/// Words that tell a story rather than name a thing: the people in it and what happened.
/// ("you" and "us" are left out: "something you know", "US federal".)
const NARRATIVE: &[&str] = &[
    "i", "me", "my", "we", "our", "he", "him", "his", "she", "her", "they", "them", "their", "was",
    "were", "had", "did", "told", "said",
];

/// Whether a keyword reads like a clause of a story rather than the name of a thing: two or
/// more words (a hyphenated word is one), one of them naming the people in the story or what
/// happened ("typed them up", "i was frustrated", "told the partners"). A compound such as
/// "earned value", "live migration" or "infrastructure as a service" names a thing, and is a
/// recognised term even when the bank uses it only once.
fn story_like(keyword: &str) -> bool {
    let words: Vec<String> = keyword
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace('\u{2019}', "'")
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && words.iter().any(|w| {
            let base = w.split('\'').next().unwrap_or(w);
            NARRATIVE.contains(&base)
        })
}

/// Lints the key points of `deck` (see [`Linter`]).
pub fn lint_key_points(deck: &Deck, bank: &[Deck]) -> Vec<LintWarning> {
    Linter::new(bank).lint(deck)
}

fn lint_words(point: &KeyPoint, warn: &mut impl FnMut(LintKind, String)) {
    for k in point.keywords.iter().chain(&point.require) {
        let term = Term::new(k);
        if term.only_stop_words() {
            warn(
                LintKind::StopWords,
                format!("keyword \"{k}\" holds only common words and matches almost any answer"),
            );
        } else if point.keywords.contains(k) && term.repeats_question(point) {
            warn(
                LintKind::InQuestion,
                format!("keyword \"{k}\" is in the question, so it never counts"),
            );
        }
    }
    for g in &point.together {
        if g.iter().all(|k| Term::new(k).repeats_question(point)) {
            warn(
                LintKind::InQuestion,
                format!(
                    "every term of the group {} is in the question, so it never counts",
                    quoted(g)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deck::{DeckSource, parse_deck};

    const DECK: &str = r#"
format = 1
[deck]
id = "d"
title = "D"
[[category]]
id = "c"
title = "C"
[[card]]
id = "c-one"
category = "c"
kind = "behavioral"
question = "How do you manage project risk?"
answer = "I typed them up every Friday and ran a pilot with the finance team."
[[card.key_point]]
text = "Communicates"
keywords = ["door"]
[[card.key_point]]
text = "Risk"
keywords = ["risk", "pilot"]
[[card.key_point]]
text = "Story"
keywords = ["typed them up", "i ran a pilot", "pilot programme"]
[[card.key_point]]
text = "Words"
keywords = ["the"]
[[card.key_point]]
text = "Fine"
together = [["pilot", "first"]]
"#;

    #[test]
    fn each_rule_warns_at_its_point() {
        let deck = parse_deck(DECK, DeckSource::File("d.toml".into())).unwrap();
        let w = lint_key_points(&deck, std::slice::from_ref(&deck));
        let got: Vec<(LintKind, usize, usize)> =
            w.iter().map(|w| (w.kind, w.point, w.line)).collect();
        assert_eq!(
            got,
            vec![
                (LintKind::Filler, 0, 15),
                (LintKind::InQuestion, 1, 18),
                (LintKind::Story, 2, 21),
                (LintKind::Story, 2, 21),
                (LintKind::Filler, 3, 24),
                (LintKind::StopWords, 3, 24),
            ]
        );
        assert!(w[0].message.contains("\"door\""), "{}", w[0].message);
    }
}
