//! Word lists of outcomes ([`super::outcome`], [`super::others`], [`super::achieved`]): verbs
//! and markers of how something turned out, achievements, judgements and lessons. Re-exported
//! by [`super::lexicon`].

/// Verbs (past tense) and words that tell how something turned out.
pub const OUTCOME_VERBS: &[&str] = &[
    "fell",
    "fallen",
    "dropped",
    "rose",
    "risen",
    "grew",
    "grown",
    "halved",
    "doubled",
    "tripled",
    "reduced",
    "cut",
    "increased",
    "decreased",
    "improved",
    "saved",
    "recovered",
    "shrank",
    "shrunk",
    "climbed",
    "reached",
    "hit",
    "stopped",
    "ended",
    "finished",
    "won",
    "launched",
    "passed",
    "returned",
    "disappeared",
    "vanished",
    "exceeded",
    "beat",
    "avoided",
    "prevented",
    "retained",
    "renewed",
    "signed",
    "approved",
    "adopted",
    "completed",
    "achieved",
    "freed",
    "went",
    "came",
    "sat",
    "stayed",
    "became",
    "meant",
    "resolved",
    "eliminated",
    "lowered",
    "raised",
    "shortened",
    "sped",
    "scored",
    "rated",
    "delivered",
    "met",
    "ran",
    "closed",
    "kept",
    "held",
    "stood",
    "turned",
    "moved",
    "settled",
    "promoted",
    "gained",
    "landed",
];

/// Outcome verbs so telling that they make a result alone, figure or not ("it reduced build
/// times", "complaints stopped").
pub const STRONG_OUTCOMES: &[&str] = &[
    "fell",
    "fallen",
    "dropped",
    "halved",
    "doubled",
    "tripled",
    "reduced",
    "cut",
    "decreased",
    "saved",
    "shrank",
    "shrunk",
    "eliminated",
    "lowered",
    "shortened",
    "exceeded",
    "disappeared",
    "vanished",
    "stopped",
    "recovered",
    "prevented",
    "avoided",
    "sped",
];

/// Phrases that say the work was not finished when the story ends: no outcome, unless a
/// figure that is not a time measures it ("80% done and still in progress").
pub const OPEN_ENDS: &[&str] = &[
    "in progress",
    "still ongoing",
    "still going on",
    "underway",
    "still waiting",
    "still to hear",
    "yet to hear",
    "too early to say",
    "too early to tell",
];

/// Phrases with which the speaker says they do not know how things ended: "I can't tell you
/// what the numbers ended up being", "I never found out".
pub const UNKNOWN_ENDS: &[&str] = &[
    "can t tell you",
    "cannot tell you",
    "couldn t tell you",
    "can t say how",
    "couldn t say how",
    "i never found out",
    "we never found out",
    "never heard how",
    "don t know how it",
    "don t know whether it",
    "didn t find out",
    "love to give you",
    "wish i could give you",
    "don t have the numbers",
    "don t have figures",
];

/// Words that may open a sentence before its subject without changing what it tells: "In the
/// end everything was delivered", "So finally everything worked".
pub const OPENING_MARKERS: &[&str] = &[
    "in",
    "the",
    "end",
    "so",
    "and",
    "then",
    "finally",
    "eventually",
    "overall",
    "by",
    "but",
];

/// What a team meets when it hits its mark: "we met the deadline to go live" met one.
pub const TARGET_NOUNS: &[&str] = &[
    "target",
    "targets",
    "deadline",
    "deadlines",
    "sla",
    "slas",
    "milestone",
    "milestones",
    "goal",
    "goals",
    "objective",
    "objectives",
    "budget",
    "date",
    "requirement",
    "requirements",
    "kpi",
    "kpis",
    "standard",
    "standards",
];

/// Phrases that announce an outcome.
pub const RESULT_MARKERS: &[&str] = &[
    "as a result",
    "the result",
    "the outcome",
    "in the end",
    "by the end",
    "since then",
    "from then on",
    "which meant",
    "that meant",
    "this meant",
    "ended up",
    "went ahead",
    "went live",
    "went from",
    "later",
    "afterwards",
    "eventually",
    "within",
    "by the time",
    "now",
    "these days",
    "to this day",
];

/// Words of comparison and change that, with a figure and a verb in the past, make a result
/// ("we shipped 30% faster").
pub const CHANGE_WORDS: &[&str] = &[
    "fewer", "faster", "lower", "higher", "less", "more", "quicker", "cheaper", "shorter",
    "longer", "better", "worse", "down", "up", "saving", "savings", "instead",
];

/// Words that tell how things stand now, after the story ("she's now our lead").
pub const AFTERMATH_WORDS: &[&str] = &["now", "nowadays", "today", "still"];

/// Phrases that tell how things stand now.
pub const AFTERMATH_PHRASES: &[&str] = &[
    "these days",
    "to this day",
    "ever since",
    "since then",
    "after this",
    "after that",
    "from then on",
    "from that point",
];

/// Past verbs of an achievement ("we hit the deadline", "I passed the audit").
pub const ACHIEVEMENTS: &[&str] = &[
    "met",
    "hit",
    "beat",
    "achieved",
    "completed",
    "finished",
    "won",
    "passed",
    "exceeded",
    "launched",
];

/// Phrases that tell a step against its plan: "two days before the deadline", "under budget".
pub const AGAINST_PLAN: &[&str] = &[
    "on time",
    "on schedule",
    "on budget",
    "ahead of schedule",
    "ahead of plan",
    "ahead of time",
    "before the deadline",
    "under budget",
    "within budget",
    "to spare",
    "without a hitch",
    "without incident",
    "without a single",
    "with no downtime",
    "with zero downtime",
];

/// Words after an achievement verb that make it another step ("met with", "passed it on").
pub const STEP_ENDS: &[&str] = &[
    "up", "on", "to", "over", "by", "around", "through", "it", "them", "him", "her", "that",
    "this", "off", "back", "out", "along", "us", "me",
];

/// Words that make a sentence a bare judgement rather than an outcome.
pub const JUDGEMENTS: &[&str] = &[
    "better",
    "improvement",
    "difference",
    "success",
    "successful",
    "well",
    "great",
    "positive",
    "good",
    "experience",
    "learned",
    "learnt",
    "happy",
    "pleased",
    "proud",
    "fine",
    "ok",
    "okay",
    "smoothly",
    "brilliant",
    "fantastic",
    "amazing",
    "excellent",
    "perfect",
    "best",
    "rewarding",
    "supportive",
    "receptive",
    "enthusiastic",
    "appreciative",
];

/// Words before "lesson(s)" that make it a lesson drawn ("the main lesson", "lessons").
pub const LESSON_BEFORE: &[&str] = &[
    "",
    "a",
    "the",
    "my",
    "our",
    "main",
    "key",
    "big",
    "biggest",
    "real",
    "valuable",
    "important",
    "hard",
    "good",
    "great",
    "useful",
    "many",
    "some",
    "few",
    "those",
    "these",
];

/// Words after "lesson(s)" that make it a lesson drawn ("lessons learned", "the lesson was").
pub const LESSON_AFTER: &[&str] = &[
    "learned", "learnt", "was", "is", "were", "are", "for", "from", "i", "we", "here", "there",
];

/// Words after "learning" that make it a judgement ("a learning experience").
pub const LEARNING_AFTER: &[&str] = &["experience", "curve", "opportunity", "point", "journey"];

/// Verbs of change in their base form, watched by the speaker ("we saw tickets drop by a
/// third").
pub const WATCHED_CHANGES: &[&str] = &[
    "drop", "fall", "halve", "double", "triple", "shrink", "rise", "climb", "improve", "go", "come",
];

/// Nouns that announce how things turned out: "the result was that calls fell".
pub const OUTCOME_NOUNS: &[&str] = &[
    "result",
    "outcome",
    "upshot",
    "effect",
    "impact",
    "end",
    "verdict",
    "feedback",
    "conclusion",
];

/// Verbs of work done alongside the speaker: "they shaped the forms with us".
pub const JOINT_WORK: &[&str] = &[
    "shaped",
    "drew",
    "designed",
    "built",
    "wrote",
    "planned",
    "tested",
    "worked",
    "developed",
    "mapped",
    "reviewed",
    "defined",
    "drafted",
];

/// Nouns that name what a look into a problem found: "the main problem was that...", "the
/// cause was a timezone setting".
pub const DIAGNOSES: &[&str] = &[
    "problem",
    "issue",
    "cause",
    "reason",
    "culprit",
    "trouble",
    "bottleneck",
    "snag",
    "catch",
];
