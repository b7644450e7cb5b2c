//! Reading a job posting: which lines say what the job needs, and which are boilerplate.
//!
//! A posting is read line by line. Short lines without a full stop are headings; a heading
//! about the employer, pay, benefits, diversity or how to apply starts a section that is left
//! out, "nice to have" sections count half. Lines anywhere that carry pay ranges, benefits,
//! equal-opportunity statements or application logistics are left out too. What remains is
//! split into requirements: one per bullet, one per sentence of prose.

/// How much a requirement counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weight {
    /// The job's duties and essential criteria.
    Core,
    /// "Nice to have", "desirable": counts half.
    Nice,
    /// The lines before the first heading (title, place): not a requirement, does not rank.
    Header,
    /// Prose in a job section that says nothing the job asks of the candidate ("This is our
    /// only IT post", "The next two years bring an ERP upgrade"): counts half in ranking, is
    /// not a requirement.
    Context,
}

impl Weight {
    pub fn factor(self) -> f64 {
        match self {
            Weight::Core => 1.0,
            Weight::Nice | Weight::Header | Weight::Context => 0.5,
        }
    }

    /// Whether a line of this weight is one of the job's requirements.
    pub fn is_requirement(self) -> bool {
        matches!(self, Weight::Core | Weight::Nice)
    }
}

/// One thing the posting asks for, as written (bullet marks removed, whitespace collapsed).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub weight: Weight,
    /// A bullet of a list (duties, criteria), not a sentence of prose.
    pub bullet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Core,
    Nice,
    Skip,
}

/// The lines of `posting` that describe the job, in order, with their weights. Header lines
/// (before the first heading) are included with [`Weight::Header`].
pub fn job_lines(posting: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut section = Section::Header;
    let mut saw_heading = false;
    for raw in posting.lines() {
        let line = collapse(raw);
        if line.is_empty() {
            continue;
        }
        let bullet = strip_bullet(&line);
        let is_bullet = bullet.len() != line.len();
        if !is_bullet
            && is_heading(&line)
            && let Some(next) = classify_heading(&line)
        {
            section = next;
            saw_heading = true;
            continue;
        }
        if section == Section::Skip || is_boilerplate(bullet) {
            continue;
        }
        let weight = match section {
            Section::Header => Weight::Header,
            Section::Nice => Weight::Nice,
            Section::Core | Section::Skip => Weight::Core,
        };
        let pieces = if is_bullet {
            vec![bullet.to_string()]
        } else {
            sentences(bullet)
        };
        for text in pieces {
            if !text.is_empty() && !is_boilerplate(&text) {
                let weight = if weight == Weight::Core && !is_bullet && !asks_something(&text) {
                    Weight::Context
                } else {
                    weight
                };
                out.push(Line {
                    text,
                    weight,
                    bullet: is_bullet,
                });
            }
        }
    }
    if !saw_heading {
        // A posting without headings (pasted from a page that lost them): the first line is
        // its title; the rest is read as the job.
        for line in out.iter_mut().skip(1) {
            line.weight = if line.bullet || asks_something(&line.text) {
                Weight::Core
            } else {
                Weight::Context
            };
        }
    }
    out
}

/// Whether a sentence of prose asks something of the candidate or names a duty: it speaks to
/// "you", names the post holder's duties or the experience, knowledge or skills wanted.
/// Sentences about the employer ("We are family-owned", "This is our only IT post") do not.
fn asks_something(sentence: &str) -> bool {
    let l = format!(" {} ", sentence.to_lowercase().replace(['’', '‘'], "'"));
    let words: Vec<&str> = l
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    const WORDS: &[&str] = &[
        "you",
        "you'll",
        "you're",
        "you've",
        "your",
        "must",
        "responsible",
        "accountable",
        "experience",
        "experienced",
        "knowledge",
        "skills",
        "required",
        "essential",
        "leads",
        "manages",
        "owns",
        "oversees",
        "duties",
        "candidate",
        "postholder",
    ];
    const PHRASES: &[&str] = &[
        "able to",
        "ability to",
        "we need",
        "looking for",
        "post holder",
        "will be expected",
        "the successful",
        "will lead",
        "will manage",
        "will own",
    ];
    words.iter().any(|w| WORDS.contains(w)) || PHRASES.iter().any(|p| l.contains(p))
}

fn collapse(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start_matches(['•', '-', '*', '·', '–', '—', '▪', '◦', '●', '>']);
    if t.len() != line.len() {
        return t.trim_start();
    }
    // "1." or "2)" numbering.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')'])
            && r.starts_with(' ')
        {
            return r.trim_start();
        }
    }
    line
}

/// A heading: short, not ending in a full stop, and mostly capitalised words or ending in ':'.
/// A longer line without a full stop that introduces optional extras ("It would be great if
/// you also have") is one too.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if line.ends_with(':') && words <= 8 {
        return true;
    }
    if words <= 12 && !line.ends_with(['.', ',', ';']) && introduces_extras(line) {
        return true;
    }
    words <= 7
        && line.chars().count() <= 60
        && !line.ends_with(['.', ',', ';'])
        && !line.contains(": ")
        && line.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The section a heading starts; `None` when the short line reads as content (a list item
/// without a bullet, a job title).
fn classify_heading(line: &str) -> Option<Section> {
    let h = line.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if introduces_extras(line) {
        return Some(Section::Nice);
    }
    let words: Vec<&str> = h.split(|c: char| !c.is_alphanumeric()).collect();
    let about_job = words.iter().any(|w| {
        matches!(
            *w,
            "role" | "job" | "position" | "you" | "do" | "doing" | "need" | "day"
        ) || [
            "responsib",
            "dut",
            "criteri",
            "requir",
            "qualif",
            "skill",
            "experien",
            "looking",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    if has(&[
        "offer",
        "benefit",
        "perk",
        "salary",
        "compensation",
        "package",
        "reward",
        "equal",
        "diversity",
        "inclusion",
        "how to apply",
        "apply",
        "application",
        "who we are",
        "our values",
        "why join",
        "why work",
        "culture",
        "life at",
        "location",
        "closing",
        "recruitment",
        "in return",
    ]) && !has(&["responsib", "criteria", "require"])
    {
        return Some(Section::Skip);
    }
    if h.starts_with("about") && !about_job {
        return Some(Section::Skip);
    }
    let heading_word = |w: &&str| {
        matches!(
            *w,
            "what"
                | "role"
                | "duties"
                | "key"
                | "main"
                | "summary"
                | "overview"
                | "tasks"
                | "about"
                | "you"
                | "your"
                | "we"
                | "criteria"
                | "essential"
                | "bring"
                | "profile"
                | "qualifications"
                | "requirements"
                | "responsibilities"
                | "skills"
                | "experience"
                | "knowledge"
                | "purpose"
                | "team"
                | "opportunity"
                | "need"
        )
    };
    (about_job || words.iter().any(heading_word)).then_some(Section::Core)
}

/// Whether a heading names optional extras ("Nice to have", "Desirable", "Bonus points").
fn introduces_extras(line: &str) -> bool {
    let h = line.to_lowercase();
    [
        "nice to have",
        "desirable",
        "preferred",
        "bonus point",
        "would be great",
        "great if",
        "would be a plus",
        "advantage",
        "it would be",
        "not essential",
        "not required",
    ]
    .iter()
    .any(|w| h.contains(w))
}

/// Lines that are about pay, benefits, diversity statements or applying, wherever they are.
fn is_boilerplate(line: &str) -> bool {
    let l = line.to_lowercase();
    const KEYS: &[&str] = &[
        "salary",
        "location",
        "hours",
        "contract",
        "closing date",
        "start date",
        "reports to",
        "job type",
        "grade",
        "pay",
        "benefits",
        "deadline",
        "ref",
        "reference",
    ];
    if let Some((key, _)) = l.split_once(':')
        && KEYS.iter().any(|k| key.trim() == *k)
    {
        return true;
    }
    const PHRASES: &[&str] = &[
        "equal opportunit",
        "without regard to",
        "protected veteran",
        "sexual orientation",
        "national origin",
        "401(k)",
        "401k",
        "paid time off",
        "pto",
        "dental",
        "health insurance",
        "life insurance",
        "pension",
        "annual leave",
        "days' holiday",
        "days holiday",
        "bank holidays",
        "per annum",
        "salary",
        "visa sponsor",
        "right to work",
        "background check",
        "to apply",
        "apply now",
        "apply by",
        "applications from",
        "reasonable adjustment",
        "disability confident",
        "we value diversity",
        "employee assistance",
        "cycle to work",
        "wellbeing programme",
        "competitive pay",
        "depending on experience",
        "full-time",
        "full time, permanent",
        "hybrid working available",
        "welcome applications",
        "e-verify",
        "drug test",
        "affirmative action",
        "recruitment agencies",
        "agencies",
    ];
    let l_words = format!(" {} ", l.replace(['(', ')', ',', '.', ';'], " "));
    PHRASES.iter().any(|p| {
        if p.len() <= 3 {
            l_words.contains(&format!(" {p} "))
        } else {
            l.contains(p)
        }
    }) || has_pay_range(line)
}

/// "$115,000-$135,000", "£39,500 - £43,000", "€50k to €60k".
fn has_pay_range(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let money_at = |i: usize| -> Option<usize> {
        // A currency sign and digits; returns the index after the amount.
        if !matches!(chars.get(i), Some('$' | '£' | '€')) {
            return None;
        }
        let mut j = i + 1;
        let start = j;
        while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], ',' | '.')) {
            j += 1;
        }
        if j == start {
            return None;
        }
        if matches!(chars.get(j), Some('k' | 'K')) {
            j += 1;
        }
        Some(j)
    };
    for i in 0..chars.len() {
        if let Some(end) = money_at(i) {
            let rest: String = chars[end..].iter().take(6).collect();
            let rest = rest.trim_start();
            let after = rest
                .strip_prefix(['-', '–', '—'])
                .or_else(|| rest.strip_prefix("to"))
                .map(str::trim_start);
            if after.is_some_and(|a| a.starts_with(['$', '£', '€'])) {
                return true;
            }
        }
    }
    false
}

/// Splits prose into sentences at ". ", "! ", "? " (not after a short abbreviation like "e.g").
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| *n == ' ') {
            let last_word = current
                .trim_end_matches(['.', '!', '?'])
                .rsplit(' ')
                .next()
                .unwrap_or("");
            if last_word.len() <= 3 && last_word.contains('.') {
                continue;
            }
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

#[cfg(test)]
#[path = "posting_tests.rs"]
mod tests;
