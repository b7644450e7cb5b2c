//! Word lists of the Situation and the Task: time and place anchors, states, and the words of
//! goals and duties ([`super::scene`]).

/// Words that set a scene in time or place ("last year", "at a university", "when I joined").
pub const TIME_ANCHORS: &[&str] = &[
    "last year",
    "last month",
    "last summer",
    "last winter",
    "last spring",
    "last autumn",
    "years ago",
    "months ago",
    "a while ago",
    "back in",
    "one example",
    "one time",
    "for example",
    "for instance",
    "in my last",
    "in my previous",
    "in my old",
    "in my first",
    "in my current",
    "in my second",
    "at my last",
    "at my previous",
    "at my old",
    "at my current",
    "at my first",
    "when i joined",
    "when i took over",
    "when i started",
    "when i arrived",
    "when i inherited",
    "when i moved",
    "when i was",
    "shortly after i",
    "soon after i",
    "a few weeks in",
    "a few months in",
    "early on",
    "previous manager",
    "previous role",
    "previous job",
    "previous company",
    "previous employer",
    "years back",
    "months back",
    "a while back",
    "at the time",
    "back when",
    "earlier this year",
    "last quarter",
    "last week",
    "not long ago",
    "a few years",
    "a couple of years",
    "while i was",
    "when i worked",
    "there was a time",
    "there was one time",
    "i was working at",
    "i worked at",
    "i worked for",
    "i worked in",
    "where i worked",
    "i was working as",
    "i used to work",
    "during my time",
    "in my time at",
    "in my role as",
    "at one point",
    "one day",
    "one morning",
    "one evening",
    "one night",
    "one weekend",
];

/// After "at a/an/the/one", words that are not a place ("at the end", "at first").
pub const NOT_PLACES: &[&str] = &[
    "row",
    "end",
    "start",
    "time",
    "moment",
    "same",
    "least",
    "most",
    "first",
    "last",
    "point",
    "beginning",
    "heart",
    "top",
    "bottom",
    "risk",
    "level",
    "stage",
    "once",
    "all",
    "best",
    "worst",
    "lot",
    "rate",
    "cost",
    "expense",
    "pace",
    "speed",
    "way",
    "weekend",
    "minimum",
    "whole",
    "bit",
    "couple",
    "hurry",
    "rush",
];

/// Words that tell a state: the scene, not an action.
pub const STATE_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "wasn",
    "weren",
    "hadn",
    "failed",
    "failing",
    "faced",
    "struggled",
    "struggling",
    "couldn",
    "kept",
    "used",
    "lacked",
    "needed",
    "been",
    "suffered",
    "lost",
];

/// Phrases that state a goal or a responsibility: the task.
pub const TASK_PHRASES: &[&str] = &[
    "my aim",
    "my goal",
    "my job",
    "my task",
    "my role",
    "my brief",
    "my remit",
    "my priority",
    "my objective",
    "my responsibility",
    "my challenge",
    "my project",
    "the aim was",
    "the goal was",
    "the brief was",
    "the task was",
    "the job was",
    "the challenge was",
    "the target was",
    "our goal",
    "our aim",
    "our target",
    "i was asked",
    "i was tasked",
    "i was brought in",
    "i was hired",
    "i was charged",
    "i was given",
    "i was told to",
    "i was responsible",
    "i was in charge",
    "i was put in charge",
    "i was appointed",
    "i got asked",
    "i got the job",
    "i had to",
    "i needed to",
    "i wanted to",
    "i set out to",
    "i had been asked",
    "i was expected",
    "responsible for",
    "in charge of",
    "up to me",
    "fell to me",
    "it was on me",
    "asked me to",
    "wanted me to",
    "needed me to",
    "told me to",
    "tasked me",
];

/// Nouns of a goal or a duty: "my/our/the (main) NOUN was ..." states the task.
pub const GOAL_NOUNS: &[&str] = &[
    "aim",
    "goal",
    "job",
    "task",
    "brief",
    "remit",
    "priority",
    "objective",
    "responsibility",
    "challenge",
    "mission",
    "mandate",
    "focus",
    "target",
    "ask",
    "assignment",
    "purpose",
    "intention",
    "deadline",
];

/// Words of rank before a goal noun that opens a sentence without its article: "First
/// priority is the service", "main aim was".
pub const RANKS: &[&str] = &[
    "first",
    "main",
    "top",
    "biggest",
    "real",
    "immediate",
    "overall",
    "only",
    "key",
    "chief",
];

/// Passive verbs that give the speaker a duty when a goal follows ("I was asked to", "we were
/// tasked with", "I'd been brought in to"): see `Sentence::task`.
pub const DUTY_PASSIVES: &[&str] = &[
    "asked",
    "told",
    "tasked",
    "charged",
    "hired",
    "brought",
    "appointed",
    "assigned",
    "expected",
    "supposed",
    "meant",
    "required",
    "drafted",
    "chosen",
    "selected",
    "picked",
    "nominated",
    "approached",
    "invited",
    "elected",
    "called",
    "seconded",
    "challenged",
    "trusted",
    "given",
    "engaged",
    "employed",
    "recruited",
    "put",
    "handed",
    "instructed",
    "responsible",
    "accountable",
];

/// Verbs with which the speaker (or a group with them) takes on a goal: "I had to", "we needed
/// to", "I set out to", "I promised to".
pub const DUTY_VERBS: &[&str] = &[
    "had",
    "needed",
    "wanted",
    "aimed",
    "planned",
    "hoped",
    "promised",
    "committed",
    "volunteered",
    "offered",
    "undertook",
    "intended",
    "agreed",
    "got",
];

/// Verbs whose infinitive names no goal after "I was trying to": "help", "keep up".
pub const VAGUE_VERBS_BASE: &[&str] = &["help", "be", "keep", "stay"];

/// Verbs with which someone else gives the speaker a goal: "my boss asked me to", "they
/// brought me in to", "the CIO tasked us with".
pub const DUTY_GIVERS: &[&str] = &[
    "asked",
    "told",
    "wanted",
    "needed",
    "tasked",
    "charged",
    "hired",
    "brought",
    "got",
    "expected",
    "challenged",
    "trusted",
    "appointed",
    "chose",
    "picked",
    "assigned",
    "invited",
    "engaged",
    "recruited",
    "employed",
    "instructed",
    "gave",
    "handed",
];

/// Verbs of a post held now, with "I"/"we": with a place, they set the scene of an answer about
/// how the speaker works ("I manage seven people at a council", "we're a team of ten at a
/// charity").
pub const POST_VERBS: &[&str] = &[
    "am", "m", "are", "re", "manage", "run", "lead", "head", "oversee",
];

/// Participles of a reputation: "I was known for", "I was seen as" describe the speaker.
pub const REPUTATION: &[&str] = &[
    "known",
    "seen",
    "regarded",
    "considered",
    "described",
    "recognised",
    "recognized",
    "thought",
    "viewed",
    "praised",
    "valued",
];

/// Verbs in the present that tell a state, not an event: "nobody knows why", "it depends",
/// "the key is". Each in its base form and its `-s` form.
pub const PRESENT_STATES: &[&str] = &[
    "know", "knows", "depend", "depends", "matter", "matters", "mean", "means", "seem", "seems",
    "need", "needs", "want", "wants", "like", "likes", "belong", "belongs", "include", "includes",
    "involve", "involves", "require", "requires", "help", "helps", "make", "makes", "get", "gets",
    "go", "goes", "come", "comes", "feel", "feels", "look", "looks", "work", "works", "try",
    "tries", "keep", "keeps", "let", "lets",
];

/// Phrases that name a moment in the past: a story after them is past, whatever its verbs'
/// forms ("Two years ago I work in a call centre").
pub const PAST_MOMENTS: &[&str] = &[
    "ago",
    "last year",
    "last month",
    "last week",
    "last summer",
    "last winter",
    "last spring",
    "last autumn",
    "one day",
    "one morning",
    "one night",
    "one time",
    "back then",
    "at the time",
    "at that time",
    "in my last",
    "in my previous",
    "at my last",
    "at my previous",
];

/// Words of order and of a particular moment in a story: "then", "after this", "now", "the
/// same day", "by the afternoon".
pub const SEQUENCE_WORDS: &[&str] = &[
    "then",
    "after",
    "afterwards",
    "next",
    "now",
    "later",
    "finally",
    "since",
    "same",
    "anymore",
    "suddenly",
    "immediately",
    "first",
    "clock",
];

/// Verbs of speech that may carry a demand: "my boss said it had to be done by Friday".
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "texted",
    "texts",
    "emailed",
    "emails",
    "wrote",
    "writes",
    "messaged",
    "messages",
    "warned",
    "warns",
    "insisted",
    "insists",
    "announced",
    "announces",
    "replied",
    "replies",
    "rang",
    "rings",
    "phoned",
    "phones",
    "called",
    "calls",
];

/// Words of an obligation before "to": "it had to be done", "we needed to be out".
pub const OBLIGATIONS: &[&str] = &["has", "have", "had", "needs", "need", "needed", "got"];

/// Verbs of someone turning to the speaker: "rang me", "came to me", "complained to us".
pub const CONTACT_VERBS: &[&str] = &[
    "rang",
    "phoned",
    "called",
    "emailed",
    "messaged",
    "texted",
    "chased",
    "came",
    "complained",
    "escalated",
    "turned",
    "asked",
    "pinged",
];

/// The base forms of [`CONTACT_VERBS`], after "would" or "kept": "would ring me", "kept
/// chasing us".
pub const CONTACT_BASES: &[&str] = &[
    "ring", "phone", "call", "email", "message", "text", "chase", "come", "complain", "escalate",
    "turn", "ask", "ping",
];

/// Nouns of a role in the events: "I was incident lead", "I was the project owner".
pub const ROLE_NOUNS: &[&str] = &["lead", "owner", "coordinator", "commander", "sponsor"];

/// The head of a post's name, held for the events ("I was duty incident manager", "as head
/// of IT, I"): wider than [`ROLE_NOUNS`], which names a role alone ("I was incident lead").
pub const POST_HEADS: &[&str] = &[
    "manager",
    "lead",
    "head",
    "director",
    "engineer",
    "officer",
    "owner",
    "administrator",
    "analyst",
    "coordinator",
    "commander",
    "architect",
    "supervisor",
    "controller",
];

/// Participles of something made or put in place: "a new rota was drawn up", "a review was
/// carried out" tell a step (whoever took it), not the scene.
pub const MADE_PARTICIPLES: &[&str] = &[
    "drawn",
    "written",
    "built",
    "created",
    "introduced",
    "implemented",
    "rolled",
    "carried",
    "designed",
    "developed",
    "installed",
    "produced",
    "arranged",
    "organised",
    "organized",
    "agreed",
    "adopted",
    "added",
    "replaced",
    "rewritten",
    "redesigned",
];

/// Verbs of a trouble: "customers couldn't pay", "the database crashed" (and "could not").
pub const TROUBLES: &[&str] = &[
    "couldn",
    "wasn",
    "weren",
    "didn",
    "failed",
    "crashed",
    "broke",
    "stopped",
    "collapsed",
    "froze",
    "died",
];

/// Participles of a change of quantity: "the budget was cut by a fifth".
pub const QUANTITY_CHANGES: &[&str] = &[
    "cut",
    "reduced",
    "halved",
    "slashed",
    "frozen",
    "increased",
    "doubled",
    "raised",
    "lowered",
    "trimmed",
];
