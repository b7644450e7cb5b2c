//! Word lists of the speaker's steps ([`super::action`]): objects and modifiers that leave a
//! step vague, states kept up, departures. Re-exported by [`super::lexicon`].

/// Modifiers that leave an object as vague as its noun ("new processes", "better tools").
pub const VAGUE_MODIFIERS: &[&str] = &[
    "new",
    "better",
    "improved",
    "various",
    "several",
    "different",
    "more",
    "additional",
    "many",
    "few",
    "lots",
    "of",
    "clear",
    "proper",
    "robust",
    "modern",
    "stronger",
    "key",
];

/// Objects that name nothing in particular: "we implemented new processes", "I improved the
/// way we worked".
pub const GENERIC_OBJECTS: &[&str] = &[
    "process",
    "processes",
    "tools",
    "changes",
    "improvements",
    "initiatives",
    "practices",
    "measures",
    "solutions",
    "steps",
    "way",
    "ways",
    "things",
    "stuff",
    "approach",
    "approaches",
    "methods",
    "ideas",
    "culture",
];

/// What "kept X ..." keeps X as: a state kept up, not an action ("kept the client in the
/// loop", "kept everyone informed").
pub const KEPT_STATES: &[&str] = &[
    "loop",
    "informed",
    "updated",
    "posted",
    "aligned",
    "happy",
    "track",
    "board",
    "touch",
    "eye",
    "busy",
    "engaged",
    "motivated",
    // "I kept succession high on the agenda": a priority kept, no step.
    "agenda",
    // "I kept every cut-over away from month-end": a step keeping something apart.
    "away",
    "apart",
    "clear",
];

/// Verbs of leaving or arriving: an action only with somewhere or someone to go to ("I went
/// to the director"; "I left before the launch" is not one).
pub const DEPARTURES: &[&str] = &["left", "went", "came", "arrived", "returned"];

/// What ends a departure with no destination.
pub const DEPARTURE_ENDS: &[&str] = &[
    "", "before", "after", "when", "because", "and", "but", "so", "while", "as", "early", "home",
    "soon", "shortly",
];

/// Technical work named by a noun that looks abstract ("-ing", "-tion"): "I added alerting",
/// "we set up replication", "I turned on encryption" name a thing built or switched on, where
/// "I provided training" or "I introduced communication" name none.
pub const TECHNICAL_WORK: &[&str] = &[
    "alerting",
    "monitoring",
    "logging",
    "patching",
    "encryption",
    "replication",
    "versioning",
    "caching",
    "clustering",
    "mirroring",
    "sandboxing",
    "scanning",
    "filtering",
    "segmentation",
    "authentication",
    "deduplication",
    "virtualisation",
    "virtualization",
    "containerisation",
    "containerization",
    "tiering",
    "geofencing",
    "tokenisation",
    "tokenization",
    "journaling",
    "snapshotting",
    "throttling",
];

/// Verbs that build or switch something on: with [`TECHNICAL_WORK`] they name a step.
/// Past forms and bases (a story told in the present: "I add alerting").
pub const BUILD_VERBS: &[&str] = &[
    "added",
    "add",
    "set",
    "turned",
    "turn",
    "switched",
    "switch",
    "enabled",
    "enable",
    "implemented",
    "implement",
    "introduced",
    "introduce",
    "configured",
    "configure",
    "deployed",
    "deploy",
    "rolled",
    "roll",
    "built",
    "build",
    "installed",
    "install",
    "automated",
    "automate",
    "put",
    "brought",
    "bring",
];
