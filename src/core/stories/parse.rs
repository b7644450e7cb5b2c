//! Reading `stories.toml` with the deck parser's walker: every problem located
//! (file:line:column, the line, a caret, did-you-mean for unknown keys), all of them at once.

use std::collections::HashMap;

use toml::de::DeValue;

use super::{Story, StoryBank};
use crate::core::deck::{Diagnostic, Diagnostics, TomlTable, Walker, toml_get};

/// The format this build reads (`format = 1`, optional).
pub const STORIES_FORMAT: i64 = 1;

const ROOT_KEYS: &[&str] = &["format", "story"];
const STORY_KEYS: &[&str] = &[
    "id",
    "title",
    "situation",
    "task",
    "action",
    "result",
    "competencies",
    "short",
    "tags",
];

/// Parses and validates a story bank. `origin` names the file in messages. On success also
/// returns the warnings (a result without a figure, a story without competencies), located
/// like errors.
pub fn parse_stories(text: &str, origin: &str) -> Result<(StoryBank, Diagnostics), Diagnostics> {
    let mut w = Walker::new(origin, text);
    if text.trim().is_empty() {
        return Ok((StoryBank::default(), Diagnostics::default()));
    }
    let Some(root) = w.parse_toml() else {
        return Err(w.finish());
    };
    let root = root.into_inner();
    w.unknown_keys(&root, ROOT_KEYS, "at the top level");
    if let Some(v) = toml_get(&root, "format")
        && let Some(n) = w.int(v, "format")
        && n != STORIES_FORMAT
    {
        let help = if n > STORIES_FORMAT {
            "update prepdeck to read this file"
        } else {
            "expected `format = 1`"
        };
        w.error(
            v.span(),
            format!(
                "this story file uses format {n}, but this prepdeck reads format {STORIES_FORMAT}"
            ),
            Some(help.into()),
        );
        return Err(w.finish());
    }
    let mut warnings = Vec::new();
    let mut stories = Vec::new();
    let tables = match toml_get(&root, "story") {
        None => Vec::new(),
        Some(v) => match v.get_ref() {
            DeValue::Array(items) => w.array_tables(items, "story", "[[story]]"),
            other => {
                w.type_error(v.span(), "story", "an array of tables ([[story]])", other);
                Vec::new()
            }
        },
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (t, span) in tables {
        w.unknown_keys(t, STORY_KEYS, "in [[story]]");
        let id = w.req_id(t, "id", &span, "[[story]]");
        if let (Some(id), Some(v)) = (&id, toml_get(t, "id")) {
            let line = w.line_of(v.span().start);
            match seen.get(id) {
                Some(first) => w.error(
                    v.span(),
                    format!("duplicate story id `{id}`"),
                    Some(format!(
                        "`{id}` is first used at line {first}; story ids must be unique (drill progress is kept by id)"
                    )),
                ),
                None => {
                    seen.insert(id.clone(), line);
                }
            }
        }
        let title = w.req_text(t, "title", &span, "[[story]]");
        let situation = w.req_text(t, "situation", &span, "[[story]]");
        let task = w.req_text(t, "task", &span, "[[story]]");
        let action = w.req_text(t, "action", &span, "[[story]]");
        let result = w.req_text(t, "result", &span, "[[story]]");
        let competencies = competencies(&mut w, t, &span, &mut warnings, origin, text);
        let short = w.opt_string(t, "short").filter(|s| !s.trim().is_empty());
        let tags = w.opt_strings(t, "tags");
        if let (Some(r), Some(v)) = (&result, toml_get(t, "result"))
            && !super::has_figure(r)
        {
            warnings.push(Diagnostic::at(
                origin,
                text,
                v.span(),
                "the result has no figure",
                Some(
                    "say what changed with a number: a percentage, money, time saved, people, a count"
                        .into(),
                ),
            ));
        }
        if let (Some(id), Some(title), Some(situation), Some(task), Some(action), Some(result)) =
            (id, title, situation, task, action, result)
        {
            stories.push(Story {
                id,
                title,
                situation,
                task,
                action,
                result,
                competencies,
                short,
                tags,
                line: w.line_of(span.start),
            });
        }
    }
    if w.has_errors() {
        return Err(w.finish());
    }
    warnings.sort_by_key(|d| (d.line, d.column));
    Ok((StoryBank { stories }, Diagnostics(warnings)))
}

/// `competencies = [...]`: at least one, none blank; a story without any is only a warning
/// (it cannot count towards coverage, but it is still a story to drill).
fn competencies(
    w: &mut Walker<'_>,
    t: &TomlTable<'_>,
    span: &std::ops::Range<usize>,
    warnings: &mut Vec<Diagnostic>,
    origin: &str,
    text: &str,
) -> Vec<String> {
    let Some(v) = toml_get(t, "competencies") else {
        warnings.push(Diagnostic::at(
            origin,
            text,
            w.header_span(span),
            "the story lists no competencies",
            Some(
                "add `competencies = [\"leadership\", \"budget\"]`: words or category ids of the decks you use"
                    .into(),
            ),
        ));
        return Vec::new();
    };
    let list = w.strings(v, "competencies");
    if list.iter().any(|c| c.trim().is_empty()) {
        w.error(
            v.span(),
            "`competencies` holds a blank entry",
            Some("every competency needs at least one letter".into()),
        );
    }
    list.into_iter().map(|c| c.trim().to_string()).collect()
}
