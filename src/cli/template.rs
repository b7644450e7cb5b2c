//! The commented template written by `prepdeck decks new`. A test checks that it validates.

pub const TEMPLATE: &str = r#"# A prepdeck deck (format 1). Lines starting with # are comments.
# Check it with:  prepdeck decks check THIS-FILE
# Full reference: docs/deck-format.md in the prepdeck repository.

format = 1                      # the deck format version; always 1 for now

[deck]
id = "my-deck"                  # lowercase letters, digits and '-'; progress is keyed by it, so keep it stable
title = "My interview questions"
description = "Questions I expect for the role I am applying for."   # optional
role = "IT Manager"             # optional: the job this deck prepares for
answer_seconds = 120            # optional: answer time in mock interviews, 10 to 3600 seconds

# At least one category. Every card names one of these ids.
[[category]]
id = "leadership"
title = "Leadership"
description = "Leading and developing a team."     # optional

[[category]]
id = "technical"
title = "Technical knowledge"

# At least one card. Copy a [[card]] block (with its key points) for each question.
[[card]]
id = "leadership-first-90-days"   # unique within this deck
category = "leadership"
kind = "situational"              # behavioral | situational | technical | knowledge | motivation
level = 2                         # optional: 1 entry, 2 experienced, 3 senior
tags = ["onboarding", "planning"] # optional
question = "What would you do in your first 90 days as our IT manager?"
guidance = """
The panel wants a plan that listens before it changes things. Structure it as learn, plan, act,
with one concrete early win. Avoid promising a big reorganisation before you know the team.
"""
answer = """
In the first month I would listen: one-to-ones with everyone in the team, meetings with the heads
of the main departments, and a look at the ticket data and the risk register. In the second month
I would agree three priorities with my manager and share them with the team. By day 90 I would
deliver one visible improvement, such as cutting the oldest tickets in the queue by half.
"""
outline = ["Listen: one-to-ones, heads of department, ticket data", "Agree three priorities", "One visible win by day 90"]   # optional: a spoken outline
own_story = "Swap in the first weeks of a role you have had."   # optional
answer_seconds = 150              # optional: overrides the deck's answer time
follow_ups = ["What would you do if the team resisted your priorities?"]   # optional

# Key points: what a strong answer must contain. Keywords are words someone would type;
# a typed answer covers the point when it contains any of them, or all the terms of one
# `together` group in one sentence (for words that say nothing alone). `require = [...]` makes
# a point count only when one of its terms appears too. Generic words ("priority", "team",
# "stakeholder"), alone or in a group of generic words, count only beside another word of the
# point. `prepdeck decks check` warns about
# keywords that padded answers would hit. See docs/deck-format.md.
[[card.key_point]]
text = "Listens first: one-to-ones and stakeholder meetings"
keywords = ["one-to-one", "one to one"]
together = [["listen", "team"], ["meet", "department"], ["meeting", "head"]]

[[card.key_point]]
text = "Agrees priorities with the manager"
together = [["priorities", "my manager"], ["priorities", "line manager"], ["priorities", "boss"]]

[[card.key_point]]
text = "Delivers an early, visible win"
keywords = ["early win", "visible improvement", "quick win"]

[[card]]
id = "technical-rto-rpo"
category = "technical"
kind = "knowledge"
question = "What is the difference between RTO and RPO?"
answer = """
RTO (recovery time objective) is how long a service may be down after a failure. RPO (recovery
point objective) is how much data, measured in time, you can afford to lose.
"""
manager_angle = "They turn 'how resilient are we?' into two numbers a budget can be set against."   # optional

[[card.key_point]]
text = "RTO is the tolerable downtime"
keywords = ["recovery time", "downtime"]

[[card.key_point]]
text = "RPO is the tolerable data loss"
keywords = ["recovery point", "data loss", "lose"]
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deck::{DeckSource, parse_deck};

    #[test]
    fn template_validates() {
        let deck = parse_deck(TEMPLATE, DeckSource::Builtin("template".into()))
            .unwrap_or_else(|d| panic!("template is invalid:\n{d}"));
        assert_eq!(deck.cards.len(), 2);
        let answer = &deck.cards[0].answer;
        let covered = crate::core::matcher::coverage(answer, &deck.cards[0].key_points);
        assert!(covered.iter().all(|c| *c), "{covered:?}");
    }
}
