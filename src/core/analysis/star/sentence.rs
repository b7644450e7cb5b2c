//! The grammar STAR parts are read from: one sentence as words, which verbs are past or
//! present, and who is the subject of a verb. How the story around it is told (in the past or
//! in the present) is read in `narrative.rs`; what a sentence imagines, habits and judgements
//! are in `mood.rs`.

use super::lexicon::*;
pub(super) use super::narrative::Story;
use crate::core::figures;
use crate::core::matcher::STOP_WORDS;
use crate::core::matcher::verbs::{irregular_base, is_irregular_participle, is_irregular_past};

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Regular past tenses end in `-ed`; these words do too but are not past tenses.
const NOT_PAST: &[&str] = &[
    "need", "feed", "seed", "speed", "bleed", "breed", "proceed", "exceed", "succeed", "embed",
    "shed", "bed", "red", "hundred", "indeed", "weed", "greed", "steed", "reed", "freed",
];

pub(super) fn is_past(w: &str) -> bool {
    is_irregular_past(w) || is_regular_past(w)
}

/// A verb's "-ing" form, by its ending ("writing", "losing"; not "ring" or "thing").
pub(super) fn is_gerund(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing")
}

pub(super) fn is_regular_past(w: &str) -> bool {
    w.len() >= 4 && w.ends_with("ed") && !is_in(NOT_PAST, w)
}

/// A past participle: what follows "I had", "I'd" or "I've" in a told action ("I'd already
/// booked", "I had rung", "I've rewritten").
pub(super) fn is_participle(w: &str) -> bool {
    is_irregular_participle(w) || is_regular_past(w)
}

/// An irregular past that is also its verb's base ("set", "put", "cut"): past or present
/// according to the words around it.
pub(super) fn is_ambiguous_past(w: &str) -> bool {
    is_irregular_past(w) && irregular_base(w).is_none()
}

/// Words that may stand between the subject and its verb: the listed adverbs and any `-ly`
/// adverb ("I quietly moved").
pub(super) fn is_adverb(w: &str) -> bool {
    is_in(ADVERBS, w) || is_in(HABITUAL, w) || (w.len() >= 5 && w.ends_with("ly"))
}

/// Whether the base form `base` ("plan", "get") is the verb of one of the past forms in
/// `list` ("planned", "got"): the lists of past forms serve a story told in the present.
/// A participle that is no past form ("given", "been") stands for no present: "I give them
/// access" is not "I was given".
pub(super) fn base_in(list: &[&str], base: &str) -> bool {
    list.iter().any(|p| {
        (irregular_base(p) == Some(base) && is_irregular_past(p))
            || p.strip_suffix("ed").is_some_and(|stem| {
                stem == base
                    || format!("{stem}e") == base
                    || stem
                        .strip_suffix('i')
                        .is_some_and(|s| format!("{s}y") == base)
                    || (stem.len() > 2
                        && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
                        && &stem[..stem.len() - 1] == base)
            })
    })
}

/// Words that start a new clause with another subject: a verb after them is not the
/// speaker's.
pub(super) const CLAUSE_STARTS: &[&str] = &[
    "we", "they", "he", "she", "it", "you", "i", "but", "because", "so", "which", "who", "that",
    "when", "while", "if", "until", "although", "though", "whether", "where",
];

/// Words that open a clause of cause or condition: what it tells explains, it does not
/// advance the story.
const CAUSES: &[&str] = &["because", "if", "unless", "whether", "although", "though"];

/// One sentence, as lowercase words (apostrophes split: "didn't" is "didn", "t").
pub(super) struct Sentence {
    pub words: Vec<String>,
    /// Whether each word is joined to the one before by a hyphen ("ITIL-aligned").
    hyphened: Vec<bool>,
    /// Whether a comma, colon or dash stands before each word: a clause or list boundary.
    comma: Vec<bool>,
    /// The words joined by single spaces, with a space at each end, for phrase tests.
    joined: String,
    percent: bool,
}

impl Sentence {
    pub fn new(text: &str) -> Self {
        let mut words = Vec::new();
        let mut hyphened = Vec::new();
        let mut comma = Vec::new();
        let mut word = String::new();
        let mut gap = String::new();
        // "IT" in capitals is the department, a noun, not the pronoun "it": kept as typed, it
        // matches no grammar word ("the backlog in IT fell", "only IT was testing").
        let mut raw = String::new();
        let push = |words: &mut Vec<String>, word: &mut String, raw: &mut String| {
            let w = std::mem::take(word);
            words.push(if raw == "IT" { std::mem::take(raw) } else { w });
            raw.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                if word.is_empty() {
                    hyphened.push(!words.is_empty() && gap == "-");
                    comma.push(
                        gap.contains([',', ':', '\u{2014}', '\u{2013}']) || gap.contains(" - "),
                    );
                    gap.clear();
                }
                word.extend(c.to_lowercase());
                raw.push(c);
            } else {
                if !word.is_empty() {
                    push(&mut words, &mut word, &mut raw);
                }
                gap.push(c);
            }
        }
        if !word.is_empty() {
            push(&mut words, &mut word, &mut raw);
        }
        let (words, hyphened, comma) = super::contractions::expand(words, hyphened, comma);
        let joined = format!(" {} ", words.join(" "));
        Sentence {
            words,
            hyphened,
            comma,
            joined,
            percent: text.contains('%'),
        }
    }

    /// The word at `i`, or "" past either end.
    pub fn at(&self, i: usize) -> &str {
        self.words.get(i).map(String::as_str).unwrap_or("")
    }

    /// Whether the verb at `j` is one of `list`'s past forms, or its base form when `base` (in
    /// a story told in the present).
    pub(super) fn verb_in(&self, j: usize, base: bool, list: &[&str]) -> bool {
        if base {
            base_in(list, self.at(j))
        } else {
            is_in(list, self.at(j))
        }
    }

    /// Whether the word at `i` is part of a hyphened compound ("cut-over", "follow-up"): a
    /// noun or a modifier, not a verb.
    pub fn compound(&self, i: usize) -> bool {
        self.hyphened.get(i).copied().unwrap_or(false)
            || self.hyphened.get(i + 1).copied().unwrap_or(false)
    }

    /// Whether a comma, colon or dash stands before the word at `i`: a clause or list
    /// boundary.
    pub fn boundary(&self, i: usize) -> bool {
        self.comma.get(i).copied().unwrap_or(false)
    }

    pub fn has_phrase(&self, phrase: &str) -> bool {
        self.joined.contains(&format!(" {phrase} "))
    }

    /// The index of the word where `phrase` (words separated by single spaces) first starts.
    pub fn phrase_at(&self, phrase: &str) -> Option<usize> {
        let want: Vec<&str> = phrase.split(' ').collect();
        self.words
            .windows(want.len())
            .position(|w| w.iter().zip(&want).all(|(a, b)| a == b))
    }

    pub fn first_phrase(&self, phrases: &[&str]) -> Option<String> {
        phrases
            .iter()
            .find(|p| self.has_phrase(p))
            .map(|p| p.to_string())
    }

    pub fn any(&self, list: &[&str]) -> Option<&str> {
        self.words
            .iter()
            .map(String::as_str)
            .find(|w| is_in(list, w))
    }

    pub fn has_figure(&self) -> bool {
        self.percent || self.words.iter().any(|w| is_figure(w))
    }

    /// Whether the sentence holds a percentage ("30%"; the sign is not kept in its words).
    pub fn has_percent(&self) -> bool {
        self.percent
    }

    /// A figure that measures something, not one that only says how long or when ("about six
    /// months in", "after 3 weeks"): a percentage, or a figure not followed by a unit of time.
    pub fn measures_something(&self) -> bool {
        self.percent
            || (0..self.words.len()).any(|k| {
                is_figure(self.at(k)) && !(k + 1..k + 3).any(|u| is_in(TIME_UNITS, self.at(u)))
            })
    }

    /// Whether the verb at `k` has its subject after `from` (a clause of its own): a noun or
    /// a pronoun, adverbs and auxiliaries skipped.
    pub fn subject_within(&self, k: usize, from: usize) -> bool {
        let mut s = k;
        while s > from && (is_adverb(self.at(s - 1)) || is_in(AUXILIARIES, self.at(s - 1))) {
            s -= 1;
        }
        let first = from + usize::from(is_in(&["and", "but", "so", "whereas"], self.at(from)));
        s > first && {
            let subject = self.at(s - 1);
            (is_subject(subject) && !is_in(CLAUSE_STARTS, subject))
                || matches!(subject, "it" | "they" | "he" | "she")
        }
    }

    /// The subject of the verb at `k`: the word before it, past adverbs and auxiliaries ("I
    /// had already", "we've").
    pub fn subject_of(&self, k: usize) -> &str {
        let mut s = k;
        while s > 0 && (is_adverb(self.at(s - 1)) || is_in(AUXILIARIES, self.at(s - 1))) {
            s -= 1;
        }
        if s == 0 { "" } else { self.at(s - 1) }
    }

    /// A regular `-ed` past whose subject is a noun ("our payroll system crashed", "the client
    /// threatened"): a verb, not an adjective ("an ITIL-aligned desk", "the planned start"),
    /// nor a verb after a list's comma ("I reviewed every licence, removed 60"), nor a verb
    /// after an object ("kept everyone informed"), nor what goes with something done ("with
    /// their manager copied in").
    pub fn noun_led_regular_past(&self, i: usize) -> bool {
        if !is_regular_past(self.at(i)) || self.hyphened[i] || self.comma[i] {
            return false;
        }
        let mut k = i;
        while k > 0 && is_adverb(self.at(k - 1)) && !self.comma[k] {
            k -= 1;
        }
        if k == 0 || self.comma[k] {
            return false;
        }
        let noun = self.at(k - 1);
        let object = (k.saturating_sub(5)..k - 1)
            .rev()
            .take_while(|&m| !self.comma[m + 1] && !is_in(CLAUSE_STARTS, self.at(m)))
            .any(|m| is_past(self.at(m)));
        noun.len() > 1
            && noun.chars().all(char::is_alphabetic)
            && !self.with_done(k)
            && !is_in(STOP_WORDS, noun)
            && !is_in(CLAUSE_STARTS, noun)
            && !is_figure(noun)
            && !is_past(noun)
            && !self.complement_at(k)
            && !object
    }

    /// Whether the verb at `k` follows "with" and its noun ("never with their manager copied
    /// in", "with every laptop encrypted"): how something was done, no clause of its own.
    pub fn with_done(&self, k: usize) -> bool {
        // "With this, customers started paying": a comma ends what goes with something.
        k >= 2
            && (k.saturating_sub(3)..k - 1).any(|m| {
                matches!(self.at(m), "with" | "without")
                    && (m + 1..k - 1).all(|b| is_in(DETERMINERS, self.at(b)))
                    && (m + 1..k).all(|b| !self.boundary(b))
            })
    }

    /// Whether the word at `i` stands in a clause that names a thing after "what" ("we looked
    /// at what went wrong", "listen to what people were saying"): no event nor state of the
    /// story. "What came out was..." opening its sentence or clause is no such thing, nor is
    /// "that's what saved the contract".
    pub fn what_named(&self, i: usize) -> bool {
        // "That is what cut the outage time in half", "which is what stopped the calls": what
        // something was credited with is an outcome.
        (i.saturating_sub(3)..i).any(|m| {
            m > 0
                && self.at(m) == "what"
                && !matches!(self.at(m - 1), "and" | "but" | "so")
                && !is_in(BE_FORMS, self.at(m - 1))
                && self.at(m - 1) != "s"
                && (m..=i).all(|k| !self.boundary(k))
        })
    }

    /// The nearest subject before the verb at `k` in its clause: "I rang them and moved half
    /// the order" has "I" for "moved".
    pub fn clause_subject(&self, k: usize) -> &str {
        (0..k)
            .rev()
            .map(|m| self.at(m))
            .find(|w| is_in(CLAUSE_STARTS, w))
            .unwrap_or("")
    }

    /// The index of the speaker's verb after "I"/"we" at `i` (adverbs and the hedges "kind
    /// of", "sort of" skipped).
    pub fn verb_after(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            if is_adverb(self.at(j)) {
                j += 1;
            } else if matches!(self.at(j), "kind" | "sort") && self.at(j + 1) == "of" {
                // A spoken hedge: "I sort of pulled together a plan".
                j += 2;
            } else {
                return j;
            }
        }
    }

    /// Whether a habit adverb stands between the subject at `i` and its verb at `j`.
    pub fn habit_between(&self, i: usize, j: usize) -> bool {
        (i + 1..j).any(|k| is_in(HABITUAL, self.at(k)))
    }

    /// "I"/"we" doing something (any verb but a form of "be" or "had" of possession): the
    /// speaker is in the story.
    pub fn speaker_clause(&self) -> bool {
        (0..self.words.len()).any(|i| self.speaker_clause_from(i))
    }

    /// [`Sentence::speaker_clause`] for the subject at `i`.
    fn speaker_clause_from(&self, i: usize) -> bool {
        {
            // "the bank where I worked" describes a place of the scene.
            matches!(self.at(i), "i" | "we") && (i == 0 || self.at(i - 1) != "where") && {
                let j = self.verb_after(i);
                let v = self.at(j);
                // "We had a junior developer who..." is a state; "we had rolled it back" is not.
                // "I was head of IT", "I'd been there three months": the speaker's state, no
                // step ("I was asked to", "I'd been told" are the speaker given a duty).
                let after = self.at(self.verb_after(j));
                let state = (v == "had" && !is_participle(after))
                    || (is_in(&["was", "were"], v)
                        && !is_participle(after)
                        && !matches!(after, "able" | "going"))
                    || (is_in(&["had", "d", "have", "ve"], v)
                        && after == "been"
                        && !is_participle(self.at(self.verb_after(self.verb_after(j)))));
                // "I think", "I noticed", "we had never tested": a comment, a discovery or
                // what was not done; the speaker has not acted yet.
                // "I work in a call centre", "I run the desk": a post held, not a step.
                let post = is_in(POST_VERBS, v)
                    || (matches!(v, "work" | "worked")
                        && matches!(self.at(j + 1), "in" | "at" | "for" | "as"));
                let quiet = post
                    || is_in(COMMENT_VERBS, v)
                    || is_in(DISCOVERY_VERBS, v)
                    || is_in(DISCOVERY_VERBS, self.at(self.verb_after(j)))
                    || self.negated(i)
                    // "I'll give a recent example": the speaker tells about the answer.
                    || self.preface_at(i);
                !state && !quiet && (is_in(AUXILIARIES, v) || is_present_form(v) || is_past(v))
            }
        }
    }

    /// Where the speaker first enters the sentence doing something (see
    /// [`Sentence::speaker_clause`]), or its length.
    /// The speaker as the subject of a clause of time that opens the sentence ("When we
    /// rolled out the new system, I...") has not entered yet: that clause is the scene.
    pub fn speaker_clause_at(&self) -> usize {
        let n = self.words.len();
        let opened = matches!(self.at(0), "when" | "while" | "as" | "after" | "once");
        (0..n)
            .filter(|&i| self.speaker_clause_from(i))
            .find(|&i| {
                let main = (i + 1..n).any(|k| {
                    matches!(self.at(k), "i" | "we")
                        || (self.boundary(k) && (k..n).any(|m| matches!(self.at(m), "i" | "we")))
                });
                // "When I join the hospital group, the network is outsourced": arriving is the
                // moment of the scene that the main clause tells.
                let j = self.verb_after(i);
                let arriving =
                    (i + 1..n).any(|k| self.boundary(k)) && !self.concrete(j, !is_past(self.at(j)));
                !(opened && i <= 3 && (main || arriving))
            })
            .unwrap_or(n)
    }

    /// Whether the verb of the subject at `i` is negated: "we had never tested", "I did not
    /// ring".
    pub fn negated(&self, i: usize) -> bool {
        let j = self.verb_after(i);
        let end = if is_in(AUXILIARIES, self.at(j)) || is_in(BE_FORMS, self.at(j)) {
            self.verb_after(j)
        } else {
            j
        };
        (i + 1..=end).any(|k| matches!(self.at(k), "never" | "not" | "t"))
    }

    /// "I"/"we" with a verb in the present ("I hold", "we always put"): the sentence speaks of
    /// the present, so a form such as "set" or "put" is present too. A comment on the story
    /// ("I think", "I remember") does not set its tense.
    pub fn present_speaker(&self) -> bool {
        (0..self.words.len()).any(|i| {
            matches!(self.at(i), "i" | "we") && {
                let v = self.at(self.verb_after(i));
                is_present_form(v) && !is_in(COMMENT_VERBS, v)
            }
        })
    }

    /// A verb in a form that is only past ("went", "crashed", "was"; not "set").
    /// A participle after a present form of "be" ("the network is outsourced") is no past.
    pub fn unambiguous_past(&self) -> bool {
        (0..self.words.len()).any(|k| self.unambiguous_past_at(k))
    }

    /// Whether the word at `k` is a form that is only past (see
    /// [`Sentence::unambiguous_past`]).
    pub(super) fn unambiguous_past_at(&self, k: usize) -> bool {
        let w = self.at(k);
        let mut b = k;
        while b > 0 && is_adverb(self.at(b - 1)) {
            b -= 1;
        }
        let present_passive =
            b > 0 && matches!(self.at(b - 1), "is" | "are" | "am" | "m" | "s" | "re");
        is_in(PAST_AUXILIARIES, w) || (is_past(w) && !is_ambiguous_past(w) && !present_passive)
    }

    /// Something done told in the passive without the speaker ("a matching tool was bought"):
    /// what follows it may be the outcome.
    /// A passive in a clause of cause or condition ("students were locked out because links
    /// were built wrong") explains the trouble: no event of the story.
    pub fn passive_event(&self) -> bool {
        !self.words.iter().any(|w| w == "i" || w == "we")
            && (1..self.words.len()).any(|k| {
                is_in(&["was", "were", "been"], self.at(k - 1))
                    && is_participle(self.at(k))
                    && !is_in(NOT_ACTIONS, self.at(k))
                    && !(0..k)
                        .rev()
                        .take_while(|&m| !self.boundary(m + 1))
                        .any(|m| is_in(CAUSES, self.at(m)))
            })
    }
}

/// A word that can be the subject of a verb: a noun or a subject pronoun, not a function word
/// ("to", "and") or a verb.
pub(super) fn is_subject(w: &str) -> bool {
    is_in(SUBJECT_PRONOUNS, w)
        || (w.len() > 1
            && w.chars().all(char::is_alphanumeric)
            && !is_in(STOP_WORDS, w)
            && !is_past(w))
}

/// A plural's singular ("objectives" -> "objective", "priorities" -> "priority"); `None` for
/// a word that does not end in "s".
pub(super) fn singular(w: &str) -> Option<String> {
    w.strip_suffix("ies")
        .map(|b| format!("{b}y"))
        .or_else(|| w.strip_suffix('s').map(String::from))
}

/// A word that is a figure: digits, a number word or "none" ([`figures::is_figure`]).
pub(super) fn is_figure(w: &str) -> bool {
    figures::is_figure(w)
}

/// A verb in the present after "I"/"we": a word that is no past, auxiliary, adverb or stop word.
pub(super) fn is_present_form(w: &str) -> bool {
    w.len() > 1
        && w.chars().all(char::is_alphabetic)
        && !is_past(w)
        && !is_adverb(w)
        && !is_in(STOP_WORDS, w)
        && !is_in(AUXILIARIES, w)
        && !is_in(BE_FORMS, w)
}
