//! Word lists of the Situation ([`super::scene`]): time and place anchors, states, posts,
//! moments and troubles (the words of goals and duties are in [`super::goal_words`]).

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
    "room",
    // Where something is written down, no place of the story: "logged every test in a
    // register", "in a spreadsheet".
    "register",
    "spreadsheet",
    "document",
    "wiki",
    "tracker",
    "log",
    "template",
    "memo",
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

/// People named by what they are to the speaker or the work: "a contractor's project" names
/// a person's, no place.
pub const PERSONS: &[&str] = &[
    "contractor",
    "developer",
    "colleague",
    "user",
    "customer",
    "client",
    "member",
    "employee",
    "student",
    "patient",
    "nurse",
    "doctor",
    "teacher",
    "consultant",
    "tester",
    "trainee",
    "volunteer",
    "friend",
    "boss",
    "person",
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

/// Kinds of organisation and site a story is set in: "at the council", "at that insurance
/// company", "at head office", "at a further education college". After "the" or "that" a
/// place must be named by one of them ("at the meeting", "at the board" name none); "at a"
/// with any noun is read as a place by the scene's anchor, this list names one after words
/// that anchor passes over.
pub const ORGANISATIONS: &[&str] = &[
    "company",
    "firm",
    "bank",
    "charity",
    "council",
    "borough",
    "university",
    "college",
    "school",
    "academy",
    "trust",
    "hospital",
    "clinic",
    "association",
    "authority",
    "agency",
    "ministry",
    "retailer",
    "manufacturer",
    "insurer",
    "carrier",
    "consultancy",
    "factory",
    "plant",
    "warehouse",
    "depot",
    "office",
    "headquarters",
    "hq",
    "branch",
    "store",
    "library",
    "museum",
    "airport",
    "hotel",
    "organisation",
    "organization",
    "startup",
];
