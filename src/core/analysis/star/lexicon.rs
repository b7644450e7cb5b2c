//! Word lists of the STAR detector ([`super`]): what a sentence does is read from its grammar
//! (who acts, in which tense) and from these few closed classes of words; the function words
//! of that grammar are in [`super::grammar_words`], the words of scenes and goals in
//! [`super::scene_words`].

pub use super::grammar_words::*;
pub use super::scene_words::*;

/// Past-tense verbs that tell a state, a thought or a feeling rather than an action, and
/// verbs so vague that a reader hears no action in them ("I helped", "I made sure", "I worked
/// closely with"): an "I" sentence built on one of these is not an action.
pub const NOT_ACTIONS: &[&str] = &[
    "was",
    "been",
    "gotten",
    "were",
    "had",
    "did",
    "felt",
    "thought",
    "knew",
    "wanted",
    "needed",
    "liked",
    "loved",
    "hoped",
    "believed",
    "learned",
    "learnt",
    "realised",
    "reflected",
    "realized",
    "noticed",
    "saw",
    "heard",
    "seemed",
    "became",
    "used",
    "tried",
    "joined",
    "worked",
    "helped",
    "ensured",
    "supported",
    "focused",
    "focussed",
    "engaged",
    "aligned",
    "communicated",
    "collaborated",
    "enjoyed",
    "found",
    "understood",
    "wondered",
    "guess",
    "guessed",
    "assumed",
    "expected",
    "remembered",
    "forgot",
    "meant",
    "got",
    "took",
    "inherited",
    "arrived",
    "started",
    "moved",
    "owned",
    "managed",
    "led",
    "oversaw",
    "headed",
    "looked",
    "kept",
    "lost",
    "spent",
    "happened",
    "mentioned",
    "said",
    "asked",
    "tasked",
    "told",
    "hired",
    "brought",
    "given",
    "charged",
    "based",
    "employed",
    "appointed",
    "promoted",
    "placed",
    "involved",
    "expected",
    "faced",
    "struggled",
    "agreed",
    "decided",
    "judged",
    "championed",
    "facilitated",
    "fostered",
    "spearheaded",
    "drove",
    "empowered",
    "leveraged",
    "leaned",
    "promised",
    "committed",
    "spotted",
    "discovered",
];

/// Past tenses of "I" + a light verb that do count as actions when something concrete follows
/// ("I got the analysts in a room", "I took the proposal to the board", "I told him").
pub const LIGHT_ACTIONS: &[&str] = &[
    "got", "took", "told", "asked", "brought", "kept", "led", "decided", "agreed", "judged",
    "managed", "started", "moved", "spent", "looked", "found", "did",
];

/// Words after a light verb that make it vague again ("I got involved", "I took ownership",
/// "I took a step back", "I kept a strong focus on value").
pub const VAGUE_OBJECTS: &[&str] = &[
    "involved",
    "ownership",
    "responsibility",
    "sure",
    "care",
    "certain",
    "on",
    "along",
    "closely",
    "together",
    "better",
    "used",
    "everyone",
    "people",
    "lot",
    "stuck",
    "through",
    "best",
    "everything",
    "what",
    "nothing",
    "anything",
    "from",
    "step",
    "steps",
    "focus",
];

/// Words that may stand between "I" and the verb ("I also dropped", "I then went").
pub const ADVERBS: &[&str] = &[
    "already",
    "both",
    "all",
    "also",
    "then",
    "just",
    "actually",
    "personally",
    "quickly",
    "immediately",
    "first",
    "finally",
    "eventually",
    "even",
    "still",
    "simply",
    "really",
    "only",
    "initially",
    "later",
    "soon",
    "myself",
    "deliberately",
    "directly",
    "instead",
    "never",
    "once",
    "again",
    "jointly",
    "carefully",
    "calmly",
    "now",
];

/// Verbs (past tense) and words that tell how something turned out.
pub const OUTCOME_VERBS: &[&str] = &[
    "fell",
    "dropped",
    "rose",
    "grew",
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
    "dropped",
    "halved",
    "doubled",
    "tripled",
    "reduced",
    "cut",
    "decreased",
    "saved",
    "shrank",
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
pub const OPEN_ENDS: &[&str] = &["in progress", "still ongoing", "still going on", "underway"];

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
];

/// Words after an achievement verb that make it another step ("met with", "passed it on").
pub const STEP_ENDS: &[&str] = &[
    "up", "on", "to", "over", "by", "around", "through", "it", "them", "him", "her", "that",
    "this", "off", "back", "out", "along",
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

/// Nouns of an undertaking, a piece of work with a start and an end: "I did a virtualisation
/// project a few years ago", "we had an audit last year" (placed in time or place, the scene).
pub const UNDERTAKINGS: &[&str] = &[
    "project",
    "projects",
    "programme",
    "program",
    "migration",
    "replacement",
    "refresh",
    "rollout",
    "upgrade",
    "implementation",
    "overhaul",
    "restructure",
    "reorganisation",
    "reorganization",
    "audit",
    "merger",
    "transition",
    "transformation",
    "consolidation",
    "deployment",
    "relocation",
    "tender",
    "procurement",
    "inspection",
];

/// Adverbs of emphasis: an outcome told with one and nothing measured is how the speaker rates
/// it ("the team really embraced it"), not what happened.
pub const INTENSIFIERS: &[&str] = &[
    "really",
    "definitely",
    "certainly",
    "truly",
    "genuinely",
    "hugely",
    "massively",
    "absolutely",
    "totally",
    "incredibly",
    "extremely",
    "pretty",
    "much",
];

/// Verbs of speech besides those that may carry a demand ([`SPEECH_VERBS`]): what others
/// said or asked, which the speaker may go on to answer ("he complained it was unfair").
pub const SAID_VERBS: &[&str] = &[
    "asked",
    "asks",
    "replied",
    "answered",
    "complained",
    "complains",
    "mentioned",
    "explained",
    "admitted",
    "argued",
    "claimed",
    "commented",
    "posted",
    "shouted",
    "objected",
    "pushed",
];

/// An end told with nothing in it: no outcome without a figure ("we got there in the end",
/// "it was resolved eventually", "still in progress when I left", "the right decision", "we
/// moved forward as a team").
pub const VAGUE_ENDS: &[&str] = &[
    "got there",
    "worked out",
    "was resolved",
    "got resolved",
    "was sorted",
    "got sorted",
    "got used to",
    "right decision",
    "right call",
    "right choice",
    "right thing",
    "moved forward",
    "moving forward",
];
