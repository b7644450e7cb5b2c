//! The Task: a goal or duty, read from who is given or takes it on (stated, handed to the
//! speaker, taken on, owned), not from set phrases.

use super::lexicon::*;
use super::sentence::{
    CLAUSE_STARTS, Sentence, is_adverb, is_figure, is_in, is_participle, is_past, singular,
};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// Whether the goal noun phrase starting at `i` stands as a subject or after "is": not
    /// after a preposition ("a few months into my role", "at my last job the business was
    /// growing") nor as the object of a verb of someone's ("one of them covered my job").
    fn goal_not_object(&self, i: usize) -> bool {
        i == 0 || {
            let prev = self.at(i - 1);
            !is_in(PREPOSITIONS, prev) && (!is_past(prev) || is_in(LINKING, prev))
        }
    }

    /// "hear" or "listen" at `k`: after "I wanted to", a listener's wish ("I wanted to hear
    /// the full argument"), not a goal ("I wanted to hear back from every customer within a
    /// day" sets one).
    fn listening(&self, k: usize) -> bool {
        matches!(self.at(k), "hear" | "listen") && self.at(k + 1) != "back"
    }

    /// A goal word within the next `reach` words from `from` ("to", "with" a task, "for" a
    /// duty).
    pub(super) fn goal_follows(&self, from: usize, reach: usize) -> Option<usize> {
        (from..from + reach).find(|&k| matches!(self.at(k), "to" | "with" | "for"))
    }

    /// "to" at `k` followed by a verb, not by a noun phrase ("had to the end"); "gave a task
    /// to someone": a person after "to" receives the goal, no verb follows.
    pub(super) fn to_verb(&self, k: usize) -> bool {
        self.at(k) == "to"
            && !is_in(NOT_VERBS, self.at(k + 1))
            && !is_in(INDEFINITES, self.at(k + 1))
            && !self.at(k + 1).is_empty()
    }

    /// A goal or a duty, read from the sentence's roles rather than set phrases: a goal noun
    /// stated ("my main aim was", "the brief was", "I set myself the goal of"), the speaker
    /// (or a group with them) given a duty ("I was asked to", "we were tasked with", "I'd been
    /// brought in to", "the CIO asked me to", "the review was handed to me", "it was down to
    /// me", "the call was mine"), or taking on a goal ("I had to", "we needed to", "I wanted
    /// them to", "I set out to", "I had two weeks to"), or a responsibility ("responsible
    /// for"); or what a named stakeholder wanted ("the board wanted a single supplier").
    pub(super) fn task(&self) -> Option<String> {
        self.task_at().map(|(_, cue)| cue)
    }

    /// [`Sentence::task`], with the index of the word where the goal or duty starts.
    pub(super) fn task_at(&self) -> Option<(usize, String)> {
        // "When a supplier slipped I would make sure we had a plan to recover": what the
        // speaker would do whenever something happens is a habit, not a goal of the story.
        if matches!(self.at(0), "when" | "whenever" | "if")
            && self.words.iter().any(|w| w == "would")
        {
            return None;
        }
        // "my job", "my role" as the object of a preposition ("a few months into my role",
        // "in my job as") place the story; they state no goal.
        let phrase = TASK_PHRASES
            .iter()
            .filter_map(|p| self.phrase_at(p).map(|i| (i, p.to_string())))
            .filter(|(i, p)| {
                let noun = p.starts_with("my ") || p.starts_with("our ");
                // The goal noun heads its phrase: "our target market" is a market.
                let after = i + p.split(' ').count();
                let head = self.boundary(after)
                    || is_in(STOP_WORDS, self.at(after))
                    || is_past(self.at(after))
                    || is_in(&["involves", "covers", "includes", "means"], self.at(after));
                // "I wanted to hear the full argument": a listener's wish, no goal.
                let listening = p.ends_with("wanted to") && self.listening(after);
                !listening && (!noun || (self.goal_not_object(*i) && head))
            })
            .min_by_key(|(i, _)| *i);
        if phrase.is_some() {
            return phrase;
        }
        let w: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let at = |i: usize| w.get(i).copied().unwrap_or("");
        // A verb's "-ing" form ("was getting"), not a noun such as "thing" or "morning".
        let gerund =
            |k: usize| at(k).len() > 5 && at(k).ends_with("ing") && !is_in(NOT_GERUNDS, at(k));
        for i in 0..w.len() {
            // "Fixing the rota was mine to do", "the call was ours": a duty owned.
            if matches!(w[i], "mine" | "ours")
                && i > 0
                && is_in(LINKING, at(i - 1))
                && (at(i + 1) == "to"
                    || gerund(0)
                    || (i.saturating_sub(6)..i - 1)
                        .any(|k| is_in(DECISION_NOUNS, at(k)) || is_in(GOAL_NOUNS, at(k))))
            {
                return Some((i - 1, w[i - 1..=i].join(" ")));
            }
            // A goal noun set off by a colon, or opening a terse sentence: "The aim: one help
            // desk by Easter", "Goal was simple, get every laptop encrypted", "First priority
            // is the service" (a word of rank before it; "customer focus is key" names none).
            let ranked = i == 1 && is_in(RANKS, at(0));
            if is_in(GOAL_NOUNS, w[i])
                && ((self.boundary(i + 1)
                    && (i == 0 || matches!(at(i - 1), "the" | "my" | "our" | "main")))
                    || ((i == 0 || ranked) && matches!(at(i + 1), "was" | "is")))
                && !at(i + 1).is_empty()
            {
                return Some((i, w[i..=i + 1].join(" ")));
            }
            // Whose goal it was, judged, then the goal itself after a colon or comma: "my
            // manager's ask was blunt: make the retro produce improvements", "our brief was
            // simple, cut the backlog" ("the challenge was huge, we had 400 sites" tells the
            // scene).
            if is_in(GOAL_NOUNS, w[i])
                && i > 0
                && matches!(at(i - 1), "s" | "my" | "our" | "the")
                && matches!(at(i + 1), "was" | "is")
                && self.boundary(i + 3)
                && !at(i + 3).is_empty()
                && !is_in(SUBJECT_PRONOUNS, at(i + 3))
                && !is_in(DETERMINERS, at(i + 3))
            {
                return Some((i, w[i..=i + 1].join(" ")));
            }
            // One goal among the speaker's: "one of my objectives that year was to put a
            // measure in place".
            if i >= 3
                && w[i - 3] == "one"
                && w[i - 2] == "of"
                && matches!(w[i - 1], "my" | "our")
                && singular(w[i]).is_some_and(|g| is_in(GOAL_NOUNS, &g))
                && let Some(k) = (i + 1..(i + 5).min(w.len())).find(|&k| at(k) == "was")
                && self.to_verb(k + 1)
            {
                return Some((i - 3, w[i - 3..=k].join(" ")));
            }
            // The goal the speaker set, then what it was: "the goal I set myself was that
            // everyone could say what they worked on".
            if is_in(GOAL_NOUNS, w[i])
                && i > 0
                && matches!(at(i - 1), "the" | "my" | "our")
                && matches!(at(i + 1), "i" | "we")
                && matches!(at(i + 2), "set" | "agreed" | "chose" | "gave")
                && let Some(k) = (i + 3..(i + 6).min(w.len())).find(|&k| at(k) == "was")
                && !at(k + 1).is_empty()
                // "The target we set was missed by a mile", "was hit in six weeks": how it
                // ended.
                && !is_past(at(k + 1))
                && !is_participle(at(k + 1))
                && !matches!(at(k + 1), "not" | "never")
            {
                return Some((i, w[i..=k].join(" ")));
            }
            // A label that names whose goal it is before its colon: "Goal I set myself: ...",
            // "Objective from the board: ...".
            if i == 0
                && is_in(GOAL_NOUNS, w[0])
                && let Some(c) = (2..6).find(|&k| self.boundary(k))
                && !at(c).is_empty()
                && matches!(
                    at(1),
                    "i" | "we" | "from" | "for" | "given" | "set" | "agreed"
                )
            {
                return Some((0, w[..c].join(" ")));
            }
            // A goal noun opening a clause of a terse note: "Twelve buildings, goal was full
            // coverage by September".
            if is_in(GOAL_NOUNS, w[i])
                && i > 0
                && self.boundary(i)
                && matches!(at(i + 1), "was" | "is")
                && !at(i + 2).is_empty()
            {
                return Some((i, w[i..=i + 1].join(" ")));
            }
            // A need told in the past as what mattered: "it was important that he knew it
            // mattered", "it was vital to get the tills back first" ("it is important to
            // listen" is a general truth).
            if matches!(w[i], "it" | "this")
                && at(i + 1) == "was"
                && matches!(
                    at(i + 2),
                    "important" | "essential" | "vital" | "crucial" | "critical"
                )
            {
                let mut k = i + 3;
                if matches!(at(k), "to" | "for") && matches!(at(k + 1), "me" | "us" | "them") {
                    k += 2;
                }
                if at(k) == "that" || self.to_verb(k) {
                    return Some((i, w[i..=k].join(" ")));
                }
            }
            // A duty that rests on the speaker, with what it is: "it's on me to tell them",
            // "it was up to us to find the money".
            // The goal starts at its dummy subject ("it was down to me to"), so that no
            // scene is read in it.
            if matches!(w[i], "on" | "to")
                && matches!(at(i + 1), "me" | "us")
                && self.to_verb(i + 2)
                && let Some(be) = (i.saturating_sub(3)..i).find(|&k| is_in(BE_FORMS, at(k)))
            {
                let from = if be > 0 && matches!(at(be - 1), "it" | "this" | "that") {
                    be - 1
                } else {
                    be
                };
                return Some((from, w[from..=i + 2].join(" ")));
            }
            // Given a duty in a clause joined to the speaker's: "I joined as head of
            // operations and was asked to sort out the outages".
            if i > 0
                && at(i - 1) == "and"
                && matches!(w[i], "was" | "were")
                && is_in(DUTY_PASSIVES, at(i + 1))
                && (0..i)
                    .rev()
                    .map(at)
                    .find(|w| matches!(*w, "i" | "we" | "he" | "she" | "they"))
                    .is_some_and(|w| matches!(w, "i" | "we"))
                && let Some(g) = self.goal_follows(i + 2, 3)
            {
                return Some((i, w[i..=g].join(" ")));
            }
            // "I'd promised the board a working portal by March": a commitment made.
            if matches!(w[i], "i" | "we")
                && matches!(
                    at(i + 1),
                    "promised" | "pledged" | "guaranteed" | "d" | "had"
                )
            {
                let v = if matches!(at(i + 1), "d" | "had") {
                    i + 2
                } else {
                    i + 1
                };
                if matches!(at(v), "promised" | "pledged" | "guaranteed")
                    && !at(v + 1).is_empty()
                    && !is_in(CLAUSE_STARTS, at(v + 1))
                {
                    return Some((i, w[i..=v].join(" ")));
                }
            }
            // "my/our/the (one word) NOUN was/is": "my main aim was", "the real ask was"; and
            // "the NOUN was mine": "the call was mine".
            // A goal or a decision as the predicate: "getting the desk back was my first
            // priority", "keeping the lights on became our job", "it was my call whether".
            // "It's my call", in a story told in the present ("it's our job to support the
            // business" is a general truth).
            let decision = |n: usize| matches!(at(n), "call" | "decision" | "choice");
            let present = i > 1 && at(i - 1) == "s" && matches!(at(i - 2), "it" | "that");
            if matches!(w[i], "my" | "our")
                && i > 0
                && (is_in(LINKING, at(i - 1)) || present)
                && let Some(n) = [i + 1, i + 2]
                    .into_iter()
                    .find(|&n| decision(n) || (!present && is_in(GOAL_NOUNS, at(n))))
                && (n == i + 1 || !is_in(STOP_WORDS, at(i + 1)))
                // "It's my call" closes its clause ("it's my call I am proudest of" names one).
                && !(present
                    && !self.boundary(n + 1)
                    && (is_in(SUBJECT_PRONOUNS, at(n + 1)) || matches!(at(n + 1), "that" | "which")))
            {
                let from = if present { i - 2 } else { i - 1 };
                return Some((from, w[from..=n].join(" ")));
            }
            // A goal noun, however it is owned, with the goal as its predicate: "the
            // strategy's headline goal was to cut", "Sam's brief was to".
            if is_in(GOAL_NOUNS, w[i])
                && matches!(at(i + 1), "was" | "is")
                && self.to_verb(i + 2)
                && i > 0
                && !is_in(PREPOSITIONS, at(i - 1))
                // "Her job was to run payroll" tells someone else's.
                && !(i.saturating_sub(2)..i).any(|k| matches!(at(k), "his" | "her" | "their"))
            {
                return Some((i, w[i..=i + 2].join(" ")));
            }
            // What the speaker was after, in a clause that closes on it: "that's the change
            // I was after", "what we were after was one queue" ("I was after him in the
            // queue" goes on with its object).
            if w[i] == "after"
                && i >= 3
                && matches!(at(i - 1), "was" | "were")
                && matches!(at(i - 2), "i" | "we")
                && (at(i - 3) == "what" || !is_in(STOP_WORDS, at(i - 3)))
                && (i + 1 == w.len() || self.boundary(i + 1) || is_in(LINKING, at(i + 1)))
            {
                // The whole clause states the goal: "a shorter queue was the change I was
                // after" holds no scene.
                let from = (1..i - 2).rev().find(|&k| self.boundary(k)).unwrap_or(0);
                return Some((from, w[i - 2..=i].join(" ")));
            }
            // "I was the one who chose the vendor" ([`Sentence::one_who_decided`]).
            if self.one_who_decided(i) {
                return Some((i - 3, w[i - 3..=i + 1].join(" ")));
            }
            // The speaker's share of the work: "my part was the design".
            if matches!(w[i], "my" | "our")
                && matches!(at(i + 1), "part" | "share")
                && matches!(at(i + 2), "was" | "is")
            {
                return Some((i, w[i..=i + 2].join(" ")));
            }
            if matches!(w[i], "my" | "our" | "the") && self.goal_not_object(i) {
                for n in [i + 1, i + 2] {
                    let goal = is_in(GOAL_NOUNS, at(n)) || is_in(DECISION_NOUNS, at(n));
                    if goal
                        && matches!(at(n + 1), "was" | "is")
                        && matches!(at(n + 2), "mine" | "ours")
                    {
                        return Some((i, w[i..=n + 2].join(" ")));
                    }
                    // "My focus has been the suppliers": the goal held up to now ("the job
                    // has been done" is a passive).
                    let perfect = matches!(at(n + 1), "has" | "have")
                        && at(n + 2) == "been"
                        && !is_participle(at(n + 3));
                    if is_in(GOAL_NOUNS, at(n))
                        && (matches!(at(n + 1), "was" | "is" | "were" | "had") || perfect)
                        && (n == i + 1 || !is_in(STOP_WORDS, at(i + 1)))
                    {
                        return Some((i, w[i..=n + 1].join(" ")));
                    }
                    // With its complement: "the brief from the director was to", "the goal of
                    // the project was to".
                    // "the job in front of me was getting", "the task I was given was to".
                    if is_in(GOAL_NOUNS, at(n))
                        && !matches!(at(n + 1), "was" | "is")
                        && let Some(m) = (n + 1..n + 8)
                            .take_while(|&m| {
                                !self.boundary(m)
                                    && (!is_in(CLAUSE_STARTS, at(m)) || matches!(at(m), "i" | "we"))
                            })
                            .find(|&m| {
                                matches!(at(m), "was" | "is")
                                    && (self.to_verb(m + 1) || gerund(m + 1))
                            })
                    {
                        return Some((i, w[i..=m + 1].join(" ")));
                    }
                }
            }
            // A duty handed to the speaker: "the review was given to me", "it was down to me",
            // "it landed on my desk".
            if matches!(w[i], "to" | "on" | "with")
                && (matches!(at(i + 1), "me" | "us")
                    || (matches!(at(i + 1), "my" | "our") && is_in(PLATES, at(i + 2))))
                && (i.saturating_sub(2)..i).any(|k| is_in(ASSIGNING, at(k)))
            {
                return Some((
                    i.saturating_sub(2),
                    w[i.saturating_sub(2)..=i + 1].join(" "),
                ));
            }
            // A named stakeholder's want: "the board wanted a single supplier by April".
            if matches!(w[i], "wanted" | "needed" | "expected" | "demanded") && i > 0 {
                let mut s = i;
                while s > 0 && is_adverb(at(s - 1)) {
                    s -= 1;
                }
                let subject = if s == 0 { "" } else { at(s - 1) };
                // "Every time the sales team needed a report, they would email me": a want
                // inside a clause of time or condition is the moment, not the goal.
                let clause = (0..s)
                    .rev()
                    .take_while(|&k| !self.boundary(k + 1))
                    .any(|k| {
                        is_in(SUBORDINATORS, at(k))
                            || at(k) == "whenever"
                            || (at(k) == "time" && k > 0 && matches!(at(k - 1), "every" | "each"))
                    });
                // The goal starts after the want: the stakeholder who wanted it is also the
                // scene ("Our sales director wanted the CRM live before the trade show").
                // "Overnight two thousand staff needed to work from home": people counted
                // tell the scene, no stakeholder's want.
                let counted = s >= 2 && is_figure(at(s - 2));
                if !subject.is_empty()
                    && !clause
                    && !counted
                    && !is_in(STOP_WORDS, subject)
                    && !is_in(CLAUSE_STARTS, subject)
                    && !is_in(&["was", "is", "were"], at(i + 1))
                    && !at(i + 1).is_empty()
                {
                    return Some((i + 1, format!("{subject} {}", w[i])));
                }
            }
            // A commitment in a clause joined to the speaker's: "I took it to the board and
            // committed to closing the gap"; a charge owned so: "I was VP of IT and owned the
            // contract".
            let committed = matches!(
                at(i + 1),
                "committed" | "promised" | "pledged" | "undertook" | "volunteered"
            ) && self.to_verb(i + 2);
            let owned =
                at(i + 1) == "owned" && matches!(at(i + 2), "the" | "our" | "a" | "all" | "every");
            if w[i] == "and"
                && (committed || owned)
                && (0..i)
                    .rev()
                    .map(at)
                    .find(|w| matches!(*w, "i" | "we" | "he" | "she" | "they"))
                    .is_some_and(|w| matches!(w, "i" | "we"))
            {
                return Some((i + 1, w[i + 1..=i + 2].join(" ")));
            }
            if !matches!(w[i], "i" | "we") {
                continue;
            }
            let mut j = i + 1;
            while is_adverb(at(j)) {
                j += 1;
            }
            // The speaker given a duty: "I was asked to", "we'd been tasked with".
            let mut k = j;
            if matches!(at(k), "d" | "had" | "have" | "ve") && at(k + 1) == "been" {
                k += 2;
            } else if matches!(at(k), "was" | "were" | "got" | "m" | "am" | "are" | "re") {
                // "I'm expected to keep", "we're charged with": a duty held now.
                k += 1;
            }
            if k > j {
                while is_adverb(at(k)) {
                    k += 1;
                }
                if is_in(DUTY_PASSIVES, at(k))
                    && let Some(g) = self.goal_follows(k + 1, 3)
                {
                    return Some((i, w[i..=g].join(" ")));
                }
            }
            // The speaker taking on a goal: "I had to", "we needed to", "I had a week to", "I
            // wanted them to"; "agreed to" is a duty only for "I" ("we agreed to meet" is
            // a decision between people).
            // "I have to keep 400 laptops patched", "I need to show the board": a duty held
            // now, in an answer about how the speaker works ("you have to" is a truth).
            // "I have to say", "I need to get better at": a comment or a lesson, no duty.
            let held = w[i] == "i"
                && matches!(at(j), "have" | "need")
                && at(j + 1) == "to"
                && !matches!(
                    at(j + 2),
                    "say"
                        | "admit"
                        | "confess"
                        | "be"
                        | "get"
                        | "learn"
                        | "improve"
                        | "work"
                        | "think"
                        | "remember"
                )
                && !self.hypothetical();
            // "I was trying to explain to the managers why we needed backups": what the
            // speaker was out to do, told in the progressive.
            // Only the speaker's, to win someone over ("I was trying to get home when the CEO
            // rang" was interrupted; "we were trying to hire" is background).
            if w[i] == "i"
                && at(j) == "was"
                && at(j + 1) == "trying"
                && self.to_verb(j + 2)
                && matches!(
                    at(j + 3),
                    "explain" | "convince" | "persuade" | "show" | "get" | "win" | "sell"
                )
                && !w[j..].iter().any(|x| matches!(*x, "when" | "while" | "as"))
            {
                return Some((i, w[i..=j + 3].join(" ")));
            }
            // "I asked to own the tech side of it": a charge asked for is taken on.
            let asked_for = w[i] == "i"
                && at(j) == "asked"
                && at(j + 1) == "to"
                && matches!(
                    at(j + 2),
                    "own" | "lead" | "run" | "manage" | "handle" | "drive"
                );
            if (is_in(DUTY_VERBS, at(j)) || held || asked_for)
                && !(w[i] == "we" && at(j) == "agreed")
            {
                let reach = match at(j) {
                    "had" | "have" => 4,
                    "wanted" | "needed" => 3,
                    _ => 1,
                };
                if let Some(g) = (j + 1..j + 1 + reach)
                    .take_while(|&k| k == j + 1 || !is_in(CLAUSE_STARTS, at(k)))
                    .find(|&k| at(k) == "to")
                    && self.to_verb(g)
                    && !(matches!(at(j), "wanted" | "want") && g == j + 1 && self.listening(g + 1))
                {
                    return Some((i, w[i..=g].join(" ")));
                }
            }
            // A goal as what the speaker wanted, with what it was to do: "I wanted something
            // the team could rely on", "we wanted one queue that every site used"; "I wanted
            // a career in IT" is a wish, not a goal.
            // A need the same: "I need a rota that doesn't hang on one person".
            // "I wanted reviews with no surprises in them": a bare plural, with what it was
            // to be free of.
            let bare = at(j + 1).len() > 3
                && at(j + 1).ends_with('s')
                && !is_in(STOP_WORDS, at(j + 1))
                && !is_in(CLAUSE_STARTS, at(j + 1));
            if matches!(at(j), "wanted" | "needed" | "want" | "need")
                && (is_in(DETERMINERS, at(j + 1)) || is_in(INDEFINITES, at(j + 1)) || bare)
                && let Some(r) = (j + 2..j + 8)
                    .take_while(|&k| !self.boundary(k) && !at(k).is_empty())
                    .find(|&k| {
                        is_in(RELATIVES, at(k))
                            || is_in(MODALS, at(k))
                            || (matches!(at(k), "with" | "without")
                                && matches!(at(k + 1), "no" | "fewer" | "less" | "any"))
                    })
            {
                return Some((i, w[i..r].join(" ")));
            }
            // "What we had to do was get him up to speed".
            if i > 0
                && at(i - 1) == "what"
                && is_in(DUTY_VERBS, at(j))
                && at(j + 1) == "to"
                && at(j + 2) == "do"
                && at(j + 3) == "was"
            {
                return Some((i - 1, w[i - 1..=j + 3].join(" ")));
            }
            // A duty taken on oneself: "I took it upon myself to fix it".
            if let Some(r) = (j + 1..j + 4)
                .take_while(|&k| !is_in(CLAUSE_STARTS, at(k)) || at(k) == "it")
                .find(|&k| matches!(at(k), "myself" | "ourselves"))
                && self.to_verb(r + 1)
            {
                return Some((i, w[i..=r + 1].join(" ")));
            }
            // A responsibility taken on: "I took ownership of", "I owned the relationship",
            // "I stepped up to lead", "I was there to", "I was the one who had to".
            let took_on = at(j) == "took"
                && matches!(at(j + 1), "ownership" | "charge" | "responsibility")
                && matches!(at(j + 2), "of" | "for");
            // "The print contract, which I managed": a piece of work the speaker answered for.
            let owned = ((at(j) == "owned" || (w[i] == "i" && at(j) == "own"))
                && matches!(at(j + 1), "the" | "our" | "a" | "that" | "this" | "my"))
                || (w[i] == "i"
                    && i > 1
                    && matches!(at(i - 1), "which" | "that")
                    && matches!(at(j), "managed" | "owned")
                    && (at(j + 1).is_empty() || self.boundary(j + 1)));
            // "I was the budget holder", "I was the service owner": a post that names what
            // the speaker answers for.
            let holder = is_in(BE_FORMS, at(j))
                && matches!(at(j + 1), "the" | "a")
                && (j + 2..j + 5)
                    .any(|k| matches!(at(k), "holder" | "owner" | "owners") && at(k + 1) != "s");
            let stepped =
                at(j) == "stepped" && matches!(at(j + 1), "in" | "up") && self.to_verb(j + 2);
            let there = at(j) == "was" && at(j + 1) == "there" && self.to_verb(j + 2);
            // "I was the one who had to tell them", "I was the one leading it".
            let the_one = at(j) == "was"
                && matches!(at(j + 2), "one" | "person")
                && ((at(j + 3) == "who" && is_in(DUTY_VERBS, at(j + 4)) && self.to_verb(j + 5))
                    || gerund(j + 3));
            // "I was the support manager who had to make it work": a post with its duty.
            let post_duty = (at(j) == "was" && matches!(at(j + 1), "the" | "a" | "an"))
                .then(|| (j + 2..j + 6).find(|&k| at(k) == "who"))
                .flatten()
                .filter(|&k| matches!(at(k + 1), "had" | "needed") && self.to_verb(k + 2));
            if let Some(k) = post_duty {
                return Some((i, w[i..=(k + 2).min(w.len() - 1)].join(" ")));
            }
            if took_on || owned || holder || stepped || there || the_one {
                return Some((i, w[i..=(j + 2).min(w.len() - 1)].join(" ")));
            }
            if at(j) == "set" && at(j + 1) == "out" && at(j + 2) == "to" {
                return Some((i, w[i..=j + 2].join(" ")));
            }
            // A goal as the object of the speaker's verb: "I set myself the goal of", "we had
            // a clear brief to".
            if let Some(n) = (j + 1..j + 5)
                .take_while(|&k| !is_in(CLAUSE_STARTS, at(k)))
                .find(|&n| is_in(GOAL_NOUNS, at(n)))
                && matches!(
                    at(n - 1),
                    "a" | "an" | "the" | "my" | "our" | "clear" | "one"
                )
                && (at(n + 1) == "of" || self.to_verb(n + 1))
            {
                return Some((i, w[i..=n + 1].join(" ")));
            }
        }
        self.goal_given()
    }
}
