//! The organisation a story is set in: introduced by its kind ("a bank in Lisbon", "SaaS
//! company, ~60 engineers") or named as the place ("at the university", "at head office").
//! See [`super::scene`].

use super::lexicon::*;
use super::sentence::{Sentence, is_figure, is_in, is_past};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// "a bank in Lisbon", "a small school trust", "a regional bus company": an organisation
    /// introduced by its kind ([`ORGANISATIONS`]) after "a" or "an" with only describing words
    /// between, closing its phrase; not the object of "for" ("a case for a new company
    /// policy") or inside a goal's clause ("to find and hire a firm"), not a general subject
    /// opening the sentence ("A company is only as good as its people"), not denied or
    /// supposed ("I have never worked at a bank", "I would never run a company on
    /// spreadsheets"). `placed`: only where the story is: set off by a comma ("In my last
    /// company, a bank in Lisbon, I...") or after "at", "in" or "of" ("the board of a regional
    /// bus company"); in the sentence of the speaker's step, an organisation after its verb is
    /// what the step was done to ("I phoned a recruitment agency", "I created a feature
    /// branch").
    pub(super) fn organisation_introduced(&self, placed: bool) -> Option<String> {
        let n = self.words.len();
        if (0..n).any(|k| matches!(self.at(k), "never" | "not" | "t" | "might")) || self.supposed()
        {
            return None;
        }
        // A note that opens on the organisation by its kind, set off by a comma: "SaaS
        // company, ~60 engineers, I ran platform ops", "A retail bank, 2,000 staff", "Charity,
        // 40 staff" (a kind alone needs its size after it: "Trust, in my view, is
        // everything"). A word of praise or blame is a remark: "Great company, great people,
        // but...", "Wrong company, I thought".
        let first = usize::from(matches!(self.at(0), "a" | "an"));
        let noted = (first..n.min(first + 4)).find(|&k| {
            let sized = k > first || (k + 1..k + 4).any(|m| is_figure(self.at(m)));
            is_in(ORGANISATIONS, self.at(k))
                && sized
                && (k + 1 == n || self.boundary(k + 1))
                && (first..k).all(|j| {
                    !self.boundary(j + 1)
                        && !is_in(STOP_WORDS, self.at(j))
                        && !is_past(self.at(j))
                        && !is_in(BE_FORMS, self.at(j))
                        && !is_in(JUDGED, self.at(j))
                })
        });
        if let Some(k) = noted {
            return Some(self.words[..=k].join(" "));
        }
        (0..n).find_map(|k| {
            if !is_in(ORGANISATIONS, self.at(k)) {
                return None;
            }
            let det = (k.saturating_sub(4)..k)
                .rev()
                .take_while(|&j| !self.boundary(j + 1))
                .take_while(|&j| j + 1 == k || !is_in(STOP_WORDS, self.at(j + 1)))
                .find(|&j| matches!(self.at(j), "a" | "an"))?;
            // "a website rebuild for a charity I worked for": the organisation the speaker
            // worked in, whatever stands before it ("I phoned for a courier" names none).
            let worked_in = (k + 1..k + 4).any(|m| {
                (self.at(m) == "worked" && self.at(m - 1) == "i")
                    || (self.at(m) == "i" && self.at(m - 1) == "where")
            });
            if det == 0 || (self.at(det - 1) == "for" && !worked_in) || self.in_goal_clause(det) {
                return None;
            }
            let set_off = self.boundary(det) || matches!(self.at(det - 1), "at" | "in" | "of");
            let closes = k + 1 == n || self.boundary(k + 1) || is_in(STOP_WORDS, self.at(k + 1));
            (closes && (set_off || !placed)).then(|| self.words[det..=k].join(" "))
        })
    }

    /// Whether word `i` stands in a goal's clause: after "to" and a verb with no clause boundary
    /// between ("to find and hire a firm", "I had to present it to the board at head office").
    fn in_goal_clause(&self, i: usize) -> bool {
        (0..i).any(|k| self.to_verb(k) && (k + 1..=i).all(|m| !self.boundary(m)))
    }

    /// "at the university", "at that insurance company", "in the head office": a place named
    /// by its kind of organisation ([`ORGANISATIONS`]) after a preposition of place and a
    /// determiner, with up to three words between, closing its phrase.
    pub(super) fn organisation_named(&self) -> Option<String> {
        let n = self.words.len();
        (0..n).find_map(|i| {
            // Not in a goal told before it ("I had to present the plan to the board at head
            // office").
            if !matches!(self.at(i), "at" | "in") || self.in_goal_clause(i) {
                return None;
            }
            let det = i + 1;
            let first = match self.at(det) {
                "the" | "that" | "a" | "an" | "our" => det + 1,
                // "at head office", "at HQ".
                "head" | "hq" => det,
                _ => return None,
            };
            let kind = (first..(first + 4).min(n))
                .take_while(|&k| k == first || !self.boundary(k))
                .find(|&k| is_in(ORGANISATIONS, self.at(k)))?;
            let closes = self.boundary(kind + 1)
                || kind + 1 == n
                || matches!(self.at(kind + 1), "i" | "we")
                || (is_in(STOP_WORDS, self.at(kind + 1)) && self.at(kind + 1) != "s");
            let plain = (first..kind)
                .all(|k| !is_in(NOT_PLACES, self.at(k)) && !is_in(TIME_UNITS, self.at(k)));
            (closes && plain).then(|| self.words[i..=kind].join(" "))
        })
    }
}

/// Words of praise or blame before an organisation's kind: "Great company, great people".
const JUDGED: &[&str] = &[
    "great",
    "good",
    "bad",
    "wrong",
    "right",
    "lovely",
    "amazing",
    "nice",
    "terrible",
    "awful",
    "brilliant",
    "fantastic",
    "horrible",
    "decent",
    "strange",
    "weird",
    "fun",
];
