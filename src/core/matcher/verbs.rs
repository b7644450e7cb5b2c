//! English irregular verbs: their base, past and past-participle forms. Stemming knows nothing
//! of "broke" being "break" or "wrote" being "write"; the matcher compares such forms by their
//! base, and STAR detection tells a past tense of any verb ("I went", "I rang") from these
//! forms and the regular `-ed`.
//!
//! General English, not the vocabulary of any deck: the common irregular verbs, with prefixed
//! forms people use at work ("rebuilt", "overran", "undertook").

use std::collections::HashMap;
use std::sync::OnceLock;

/// `base past participle` per verb; `/` separates variants of one form ("learnt/learned").
const IRREGULAR: &[&str] = &[
    "arise arose arisen",
    "awake awoke awoken",
    "be was/were been",
    "bear bore borne/born",
    "beat beat beaten",
    "become became become",
    "begin began begun",
    "bend bent bent",
    "bet bet bet",
    "bid bid bid",
    "bind bound bound",
    "bite bit bitten",
    "bleed bled bled",
    "blow blew blown",
    "break broke broken",
    "breed bred bred",
    "bring brought brought",
    "broadcast broadcast broadcast",
    "build built built",
    "burn burnt/burned burnt/burned",
    "buy bought bought",
    "cast cast cast",
    "catch caught caught",
    "choose chose chosen",
    "cling clung clung",
    "come came come",
    "cost cost cost",
    "creep crept crept",
    "cut cut cut",
    "deal dealt dealt",
    "dig dug dug",
    "do did done",
    "draw drew drawn",
    "dream dreamt/dreamed dreamt/dreamed",
    "drink drank drunk",
    "drive drove driven",
    "eat ate eaten",
    "fall fell fallen",
    "feed fed fed",
    "feel felt felt",
    "fight fought fought",
    "find found found",
    "flee fled fled",
    "fling flung flung",
    "fly flew flown",
    "forbid forbade forbidden",
    "forecast forecast forecast",
    "foresee foresaw foreseen",
    "forget forgot forgotten",
    "forgive forgave forgiven",
    "freeze froze frozen",
    "get got got/gotten",
    "give gave given",
    "go went gone",
    "grind ground ground",
    "grow grew grown",
    "hang hung hung",
    "have had had",
    "hear heard heard",
    "hide hid hidden",
    "hit hit hit",
    "hold held held",
    "hurt hurt hurt",
    "keep kept kept",
    "know knew known",
    "lay laid laid",
    "lead led led",
    "lean leant/leaned leant/leaned",
    "leap leapt/leaped leapt/leaped",
    "learn learnt/learned learnt/learned",
    "leave left left",
    "lend lent lent",
    "let let let",
    "lie lay lain",
    "light lit lit",
    "lose lost lost",
    "make made made",
    "mean meant meant",
    "meet met met",
    "mislead misled misled",
    "mistake mistook mistaken",
    "misunderstand misunderstood misunderstood",
    "outdo outdid outdone",
    "outgrow outgrew outgrown",
    "overcome overcame overcome",
    "overdo overdid overdone",
    "overhear overheard overheard",
    "overrun overran overrun",
    "oversee oversaw overseen",
    "overtake overtook overtaken",
    "overthrow overthrew overthrown",
    "override overrode overridden",
    "pay paid paid",
    "prove proved proven/proved",
    "put put put",
    "quit quit quit",
    "read read read",
    "rebuild rebuilt rebuilt",
    "redo redid redone",
    "remake remade remade",
    "rerun reran rerun",
    "reset reset reset",
    "rethink rethought rethought",
    "retell retold retold",
    "rewrite rewrote rewritten",
    "rid rid rid",
    "ride rode ridden",
    "ring rang rung",
    "rise rose risen",
    "run ran run",
    "say said said",
    "see saw seen",
    "seek sought sought",
    "sell sold sold",
    "send sent sent",
    "set set set",
    "sew sewed sewn",
    "shake shook shaken",
    "shine shone shone",
    "shoot shot shot",
    "show showed shown",
    "shrink shrank shrunk",
    "shut shut shut",
    "sing sang sung",
    "sink sank sunk",
    "sit sat sat",
    "sleep slept slept",
    "slide slid slid",
    "speak spoke spoken",
    "speed sped sped",
    "spend spent spent",
    "spin spun spun",
    "split split split",
    "spread spread spread",
    "spring sprang sprung",
    "stand stood stood",
    "steal stole stolen",
    "stick stuck stuck",
    "sting stung stung",
    "stride strode stridden",
    "strike struck struck",
    "strive strove striven",
    "swear swore sworn",
    "sweep swept swept",
    "swim swam swum",
    "swing swung swung",
    "take took taken",
    "teach taught taught",
    "tear tore torn",
    "tell told told",
    "think thought thought",
    "throw threw thrown",
    "thrust thrust thrust",
    "undergo underwent undergone",
    "understand understood understood",
    "undertake undertook undertaken",
    "undo undid undone",
    "upset upset upset",
    "uphold upheld upheld",
    "wake woke woken",
    "wear wore worn",
    "weep wept wept",
    "win won won",
    "wind wound wound",
    "withdraw withdrew withdrawn",
    "withhold withheld withheld",
    "withstand withstood withstood",
    "write wrote written",
];

/// The forms of one irregular verb.
#[derive(Debug)]
pub struct Forms {
    pub base: &'static str,
    pub past: Vec<&'static str>,
    pub participle: Vec<&'static str>,
}

fn table() -> &'static (Vec<Forms>, HashMap<&'static str, usize>) {
    static TABLE: OnceLock<(Vec<Forms>, HashMap<&'static str, usize>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut verbs = Vec::new();
        let mut by_form = HashMap::new();
        for line in IRREGULAR {
            let mut parts = line.split(' ');
            let (Some(base), Some(past), Some(participle)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let forms = Forms {
                base,
                past: past.split('/').collect(),
                participle: participle.split('/').collect(),
            };
            // A base form that is another verb's past ("lay", "found", "ground") stays
            // that verb's base: the first entry of a form wins, bases are entered first.
            by_form.entry(base).or_insert(verbs.len());
            verbs.push(forms);
        }
        for (i, f) in verbs.iter().enumerate() {
            for w in f.past.iter().chain(&f.participle) {
                by_form.entry(*w).or_insert(i);
            }
        }
        (verbs, by_form)
    })
}

fn forms_of(word: &str) -> Option<&'static Forms> {
    let (verbs, by_form) = table();
    by_form.get(word).map(|&i| &verbs[i])
}

/// The base of an irregular past or participle ("broke", "broken" → "break"), if `word`
/// (lowercase) is one and is not itself a base form.
pub fn irregular_base(word: &str) -> Option<&'static str> {
    forms_of(word).filter(|f| f.base != word).map(|f| f.base)
}

/// Whether `word` (lowercase) is the past tense of an irregular verb ("went", "rang", "cut").
pub fn is_irregular_past(word: &str) -> bool {
    table()
        .0
        .iter()
        .any(|f| f.past.contains(&word) && f.base != "be")
}

/// Whether `word` (lowercase) is the past participle of an irregular verb ("gone", "written").
pub fn is_irregular_participle(word: &str) -> bool {
    table().0.iter().any(|f| f.participle.contains(&word))
}
