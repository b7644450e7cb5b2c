//! The commented template written by `prepdeck stories new`. Its example story is commented
//! out, so it never counts as one of yours (in `check`, `coverage`, `list`, `suggest` or the
//! drill); a test checks that the example, uncommented, validates without warnings.

pub const STORIES_TEMPLATE: &str = r##"# Your STAR story bank for prepdeck. Lines starting with # are comments.
# Check it with:  prepdeck stories check
# Reference:      docs/stories.md in the prepdeck repository.
#
# Aim for 8 to 10 stories, at least two for every competency the interview probes
# (`prepdeck stories coverage` shows which are short), each with a 90-second version and a
# result with a number.

format = 1                        # the story file format; always 1 for now

# An example story, commented out so that it does not count as yours. For each of your
# stories, copy the block below the example (or uncomment it: remove the "# " at the start
# of each line) and replace its text with your own story.
#
# [[story]]
# id = "crm-migration"              # lowercase letters, digits and '-'; drill progress is kept by it
# title = "Moving sales to the new CRM in one quarter"   # how you will recognise it
# situation = """
# Sales ran on a CRM that was going out of support in six months; 120 users,
# three regions, and a sales director who did not want any downtime at quarter end.
# """
# task = "I had to migrate every account and pipeline without losing a sale."
# action = """
# I ran a two-week pilot with the most sceptical region, fixed the import of
# custom fields it exposed, trained one champion per team and moved the regions
# one weekend at a time, with a rollback plan for each.
# """
# result = """
# All 120 users moved in 11 weeks, a week early; no deal was lost and support
# tickets were back to normal within 4 days.
# """
# competencies = ["projects", "communication"]   # category ids or words of your decks' categories
# short = """
# A CRM out of support in six months: I piloted with the toughest region, trained
# champions, moved a region per weekend. Done in 11 weeks, no deal lost.
# """                               # optional: the 90-second version
# tags = ["crm", "sales"]           # optional: more words to find the story by

# Your stories:
"##;

/// The template with its example story uncommented: what a user gets by removing the `# `
/// of the example's lines (for tests).
#[cfg(test)]
pub fn uncommented_example() -> String {
    let mut out = String::new();
    let mut in_example = false;
    for line in STORIES_TEMPLATE.lines() {
        if line == "# [[story]]" {
            in_example = true;
        }
        let line = if in_example {
            line.strip_prefix("# ").unwrap_or(line)
        } else {
            line
        };
        if line.is_empty() {
            in_example = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
