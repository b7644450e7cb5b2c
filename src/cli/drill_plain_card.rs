//! `prepdeck drill --plain`: one card shown, its header before the question and what the
//! reveal prints (key points ticked where the draft covers them, the STAR line, guidance, the
//! model answer, notes, follow-ups and the candidate's own material). See `drill_plain.rs`.

use std::io::{BufRead, Write};

use super::Plain;
use crate::core::deck::{Card, Deck};
use crate::core::session::debrief_text::star_line;
use crate::core::text::{sanitize, sanitize_line};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The card's place in the session, its deck, category and kind, and its question.
    pub(super) fn header(
        &mut self,
        pos: usize,
        total: usize,
        deck: &Deck,
        c: &Card,
    ) -> anyhow::Result<()> {
        let category = deck
            .category(&c.category)
            .map_or(c.category.as_str(), |x| x.title.as_str());
        writeln!(
            self.out,
            "Card {pos} of {total} | deck: {} | category: {} | {}",
            sanitize_line(&deck.title),
            sanitize_line(category),
            c.kind
        )?;
        writeln!(self.out, "Q: {}", sanitize_line(&c.question))?;
        Ok(())
    }

    pub(super) fn reveal(&mut self, c: &Card) -> anyhow::Result<()> {
        let ticks: Vec<bool> = self.driver.session().checklist().to_vec();
        if !c.key_points.is_empty() {
            let hit = ticks.iter().filter(|t| **t).count();
            if self.driver.session().draft().trim().is_empty() {
                writeln!(self.out, "Key points:")?;
            } else {
                writeln!(
                    self.out,
                    "Key points (your draft covers {hit} of {}):",
                    c.key_points.len()
                )?;
            }
            for (kp, t) in c
                .key_points
                .iter()
                .zip(ticks.iter().chain(std::iter::repeat(&false)))
            {
                let mark = if *t { "[x]" } else { "[ ]" };
                writeln!(self.out, "  {mark} {}", sanitize_line(&kp.text))?;
            }
        }
        if let Some(star) = self.driver.session().star() {
            writeln!(self.out, "{}", star_line(star))?;
        }
        if let Some(g) = &c.guidance {
            writeln!(self.out, "Guidance: {}", sanitize_line(g.trim()))?;
        }
        writeln!(self.out, "Model answer:")?;
        for line in sanitize(c.answer.trim()).lines() {
            writeln!(self.out, "  {line}")?;
        }
        for line in c.notes.reveal_lines() {
            writeln!(self.out, "{}", sanitize_line(&line))?;
        }
        for f in &c.follow_ups {
            writeln!(self.out, "Follow-up: {}", sanitize_line(f))?;
        }
        if let (Some(book), Some(card)) =
            (self.study.notebook(), self.driver.session().current_card())
        {
            use crate::cli::note_show::{Current, print_own_material};
            let typed = !self.driver.session().draft().trim().is_empty();
            let current = if typed {
                Current::Newest
            } else {
                Current::None
            };
            print_own_material(
                &mut self.out,
                book,
                self.study.replayed(),
                &card.key,
                current,
            )?;
        }
        Ok(())
    }
}
