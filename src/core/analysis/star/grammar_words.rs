//! The function words of the grammar STAR parts are read from (auxiliaries, determiners,
//! particles, habit adverbs...) and the few small classes of content words that decide a
//! clause's role (nouns of a step, of a goal handed over, generic objects).

/// Adverbs of habit: "I always put", "as there usually is" speak of what is usual, not of
/// one event.
pub const HABITUAL: &[&str] = &[
    "always",
    "usually",
    "often",
    "normally",
    "generally",
    "typically",
    "sometimes",
    "regularly",
    "constantly",
    "frequently",
];

/// Auxiliaries of tense, aspect and mood, with their negative contractions ("hadn't" is
/// "hadn", "t"); forms of "be" apart.
pub const AUXILIARIES: &[&str] = &[
    "had", "have", "has", "d", "ve", "do", "does", "did", "didn", "don", "doesn", "hadn", "haven",
    "hasn", "could", "couldn", "can", "will", "won", "would", "wouldn", "ll", "should", "shouldn",
    "might", "may", "must", "shall", "ought", "wasn", "weren", "isn", "aren",
];

/// Forms of "be": "I was", "I'm" are states, not actions.
pub const BE_FORMS: &[&str] = &[
    "am", "m", "is", "s", "are", "re", "was", "were", "be", "been", "being",
];

/// Finite verbs that are only past ("was", "had", "couldn't").
pub const PAST_AUXILIARIES: &[&str] = &[
    "was", "were", "had", "did", "didn", "wasn", "weren", "hadn", "could", "couldn",
];

/// Finite verbs that are present.
pub const PRESENT_AUXILIARIES: &[&str] = &[
    "is", "are", "s", "re", "has", "have", "does", "do", "isn", "aren", "can", "don",
];

/// Words of a moment: "it's my second week", "it's the Friday before Christmas" open a
/// story told in the present.
pub const TIME_NOUNS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "week",
    "weekend",
    "month",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christmas",
    "midnight",
    "lunchtime",
];

/// Words whose object "for" introduces, so "for a" after them names no place: "I ask for a
/// date", "responsible for a portfolio", "the case for a new server".
pub const FOR_OBJECTS: &[&str] = &[
    "ask",
    "asks",
    "asked",
    "asking",
    "responsible",
    "accountable",
    "look",
    "looks",
    "looked",
    "looking",
    "wait",
    "waits",
    "waited",
    "waiting",
    "pay",
    "pays",
    "paid",
    "apply",
    "applied",
    "applying",
    "plan",
    "planned",
    "planning",
    "prepare",
    "prepared",
    "call",
    "called",
    "calls",
    "argue",
    "argued",
    "case",
    "funding",
    "budget",
    "request",
    "requests",
    "prompted",
    "heading",
    "hoping",
    "hope",
    "push",
    "pushed",
    "pushing",
    "bid",
    "vote",
    "voted",
    "room",
    "need",
    "responsibility",
];

/// Periods of a schedule: "every fortnight", "once a quarter" (with the words of a moment).
pub const PERIODS: &[&str] = &[
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "sprint",
    "shift",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
];

/// Days of the week: "on Mondays" is a schedule.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Adverbs of a schedule: "I review the queue daily".
pub const FREQUENCIES: &[&str] = &[
    "daily",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "annually",
    "yearly",
    "nightly",
    "hourly",
];

/// After "to", words that begin a noun phrase, not a verb ("had to the end").
pub const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these",
    "those", "me", "us", "him", "them", "it", "do",
];

/// Nouns of a decision: "the call was mine".
pub const DECISION_NOUNS: &[&str] = &["call", "decision", "problem", "choice", "project"];

/// "on my desk", "on my plate": where a duty lands.
pub const PLATES: &[&str] = &["desk", "plate", "shoulders", "lap"];

/// Words that hand a duty to someone ("given to me", "down to me", "landed on my desk").
pub const ASSIGNING: &[&str] = &[
    "given",
    "handed",
    "assigned",
    "passed",
    "delegated",
    "entrusted",
    "allocated",
    "fell",
    "falls",
    "landed",
    "lands",
    "dropped",
    "down",
    "up",
];

/// Nouns that name a step taken: "my first move was to", "the action I took was", "my
/// approach was to".
pub const ACTION_NOUNS: &[&str] = &[
    "step", "move", "action", "act", "thing", "approach", "solution", "response", "answer", "fix",
    "strategy", "reaction",
];

/// Particles of phrasal verbs ("set up", "drawn up", "rolled out").
pub const PARTICLES: &[&str] = &[
    "in", "up", "out", "on", "down", "over", "back", "off", "forward", "together",
];

/// Determiners before an object.
pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "some", "our", "my", "their", "his", "her", "its", "this", "that", "these",
    "those", "every", "each", "all", "any",
];

/// "lots of", "many": an experience claim's object ("I've handled lots of").
pub const QUANTIFIERS: &[&str] = &[
    "lots",
    "loads",
    "many",
    "several",
    "plenty",
    "countless",
    "numerous",
    "various",
    "dozens",
    "hundreds",
    "all",
];

/// Outcome verbs that need their figure close by ("went from 55 to 80 per cent", "sat at
/// 4.6"): "my deputy went on leave for three months" tells no outcome.
pub const WEAK_OUTCOMES: &[&str] = &[
    "went", "came", "sat", "stayed", "became", "meant", "ran", "kept", "held", "stood", "turned",
    "moved", "settled", "landed", "passed", "returned", "reached", "hit",
];

/// Verbs after which "and ...-ed" is an adjective of the speaker, not a second action ("I was
/// tired and stressed").
pub const COPULAS: &[&str] = &["was", "were", "been", "felt", "seemed", "became", "got"];

/// Pronouns that can be the subject of a verb.
pub const SUBJECT_PRONOUNS: &[&str] = &[
    "i",
    "we",
    "he",
    "she",
    "they",
    "it",
    "there",
    "who",
    "which",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "nothing",
    "everything",
    "none",
];

/// States a group with the speaker is in ("we were losing customers", "we lost our DBA"):
/// the scene, where "we needed to" is a goal and "we kept" an action.
pub const WE_STATES: &[&str] = &[
    "were",
    "weren",
    "had",
    "hadn",
    "lost",
    "couldn",
    "faced",
    "struggled",
    "lacked",
    "suffered",
];

/// Pronouns between a verb and its object ("set myself the goal", "gave them the brief").
pub const OBJECT_PRONOUNS: &[&str] = &["myself", "ourselves", "me", "us", "them", "him", "her"];

/// Words that open a subordinate clause at the start of a sentence ("When the numbers were
/// poor we met"): its state is the moment of what the main clause does.
pub const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "once", "after", "if", "since", "because", "before",
];

/// Words before a verb that make it an infinitive or a possibility, not a told outcome ("my
/// goal was to cut costs", "it might reduce").
pub const NOT_FINITE: &[&str] = &[
    "to", "would", "could", "will", "should", "can", "might", "may", "must",
];

/// Verbs of a comment on the story, in the present whatever the story's tense ("I think I
/// put", "I remember we set up").
pub const COMMENT_VERBS: &[&str] = &[
    "think", "believe", "guess", "suppose", "reckon", "mean", "know", "remember", "feel", "find",
    "recall", "say", "admit", "suspect", "imagine",
];

/// Verbs of finding something out or arriving: the speaker notices the scene ("I noticed a
/// storage account left open", "when I joined"), they do not act in it yet.
pub const DISCOVERY_VERBS: &[&str] = &[
    "noticed",
    "found",
    "discovered",
    "spotted",
    "realised",
    "realized",
    "saw",
    "learned",
    "learnt",
    "heard",
    "inherited",
    "joined",
    "arrived",
];

/// Prepositions: a noun phrase after one is no subject ("into my role").
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "into",
    "at",
    "during",
    "from",
    "of",
    "for",
    "with",
    "on",
    "about",
    "through",
    "throughout",
    "within",
    "after",
    "before",
    "since",
    "under",
    "as",
];

/// Pronouns that open a relative clause ("something that", "a rota which").
pub const RELATIVES: &[&str] = &["that", "which", "who", "whom", "where", "whose"];

/// Modal verbs: after a noun, they open a clause about it ("something people could rely on").
pub const MODALS: &[&str] = &[
    "could", "would", "can", "will", "might", "should", "d", "ll",
];

/// Pronouns that stand for a thing or person not yet named ("something", "everyone").
pub const INDEFINITES: &[&str] = &[
    "something",
    "someone",
    "somebody",
    "anything",
    "anyone",
    "everything",
    "everyone",
    "everybody",
    "one",
    "two",
    "three",
];

/// Verbs that link a subject to its predicate ("it was my call", "that became my job").
pub const LINKING: &[&str] = &["was", "is", "became", "becomes", "remained"];

/// Words in "-ing" that are nouns, not a verb's form ("the thing was", "the meeting").
pub const NOT_GERUNDS: &[&str] = &[
    "thing",
    "things",
    "something",
    "nothing",
    "anything",
    "everything",
    "morning",
    "evening",
    "meeting",
    "meetings",
    "building",
    "ceiling",
    "during",
    "being",
    "feeling",
    "funding",
    "training",
    "briefing",
    "booking",
    "thinking",
    "setting",
    "ring",
    "bring",
    "king",
    "spring",
    "string",
    "wing",
    "sing",
    "swing",
    "bling",
];

/// Units of time after a figure: "for thirty minutes", "two hours a week".
pub const TIME_UNITS: &[&str] = &[
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "fortnight",
    "fortnights",
    "quarter",
    "quarters",
    "year",
    "years",
];

/// Nouns of a post or a unit one takes on ("I took the team on"): taking one up is no step.
pub const POSTS: &[&str] = &[
    "team",
    "role",
    "job",
    "post",
    "position",
    "department",
    "desk",
    "function",
    "unit",
    "group",
    "service",
];
