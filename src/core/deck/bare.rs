//! A deck without its cards' texts: what the home screen needs of it (titles, categories, and
//! each card's id, category and kind), kept in the deck overview cache
//! ([`crate::store::deck_overview`]) so that the first frame does not decode every card's text.

use super::{Card, CardNotes, Deck};

impl Deck {
    /// This deck with every card's texts left out: question, answer, guidance, follow-ups, key
    /// points, tags and notes are empty; ids, categories, kinds, levels, answer times and lines
    /// are kept, and so is everything about the deck itself.
    ///
    /// Home's counts, today's numbers and the weakest categories read nothing else (a test
    /// compares the home screen drawn from these with the one drawn from whole decks), except
    /// the coverage of typed mock answers, which the key points decide: a start with mock
    /// records loads whole decks first.
    pub fn bare(&self) -> Deck {
        Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            role: self.role.clone(),
            answer_seconds: self.answer_seconds,
            categories: self.categories.clone(),
            cards: self.cards.iter().map(Card::bare).collect(),
            source: self.source.clone(),
        }
    }

    /// Whether `other` has the same bare form as this deck ([`Deck::bare`]), without making it.
    pub fn same_bare(&self, other: &Deck) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.description == other.description
            && self.role == other.role
            && self.answer_seconds == other.answer_seconds
            && self.categories == other.categories
            && self.source == other.source
            && self.cards.len() == other.cards.len()
            && self.cards.iter().zip(&other.cards).all(|(a, b)| {
                a.id == b.id
                    && a.category == b.category
                    && a.kind == b.kind
                    && a.level == b.level
                    && a.answer_seconds == b.answer_seconds
                    && a.line == b.line
            })
    }
}

impl Card {
    /// This card's id, category, kind, level, answer time and line, with no texts (see
    /// [`Deck::bare`]).
    pub fn bare(&self) -> Card {
        Card {
            id: self.id.clone(),
            category: self.category.clone(),
            kind: self.kind,
            level: self.level,
            tags: Vec::new(),
            question: String::new(),
            guidance: None,
            answer: String::new(),
            answer_seconds: self.answer_seconds,
            follow_ups: Vec::new(),
            key_points: Vec::new(),
            notes: CardNotes::default(),
            line: self.line,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::store::decks::{BUILTIN, load_builtin};

    #[test]
    fn a_bare_deck_keeps_ids_categories_and_kinds_only() {
        let (name, text) = BUILTIN[0];
        let deck = load_builtin(name, text).unwrap();
        let bare = deck.bare();
        assert_eq!(bare.id, deck.id);
        assert_eq!(bare.title, deck.title);
        assert_eq!(bare.categories, deck.categories);
        assert_eq!(bare.cards.len(), deck.cards.len());
        for (b, c) in bare.cards.iter().zip(&deck.cards) {
            assert_eq!(
                (&b.id, &b.category, b.kind, b.line),
                (&c.id, &c.category, c.kind, c.line)
            );
            assert!(b.question.is_empty() && b.answer.is_empty() && b.key_points.is_empty());
        }
        assert_eq!(bare.bare(), bare, "bare twice is bare once");
        assert!(deck.same_bare(&bare) && bare.same_bare(&deck));
        let mut moved = deck.clone();
        moved.cards[0].line += 1;
        assert!(!moved.same_bare(&bare));
        let mut renamed = deck.clone();
        renamed.categories[0].title.push('!');
        assert!(!renamed.same_bare(&bare));
        let mut edited = deck.clone();
        edited.cards[0].question.push('?');
        assert!(edited.same_bare(&bare), "texts are not part of it");
    }
}
