//! The app's "new target" form: a name, the interview date, company, role, notes and the job
//! description pasted (or typed) into a text box. Tab moves between the fields, Ctrl-S checks
//! and saves (nothing is written when a check fails, and the form stays as typed), Esc closes
//! (a second Esc when something was typed, so a paste is not lost by one key).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::core::target::MAX_JOB_BYTES;
use crate::study::NewTarget;
use crate::tui::keys::{Action, TargetAction};

/// The form's fields, in order: label and placeholder.
pub const FIELDS: [(&str, &str); 6] = [
    (
        "Name",
        "a short name: lower-case letters, digits, hyphens (acme-it-manager)",
    ),
    (
        "Interview date",
        "YYYY-MM-DD or YYYY-MM-DDTHH:MM (empty: no date yet)",
    ),
    ("Company", "the employer (optional)"),
    ("Role", "the job title (optional)"),
    (
        "Notes",
        "interviewers, logistics; end a line with ? for a question to ask them",
    ),
    (
        "Job description",
        "paste the job description here (it stays on this computer)",
    ),
];
/// The job description's field (multi-line; the others are one line).
pub const JOB: usize = 5;

pub struct TargetForm {
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    /// Esc was pressed once with something typed: the next Esc closes.
    pub confirm_discard: bool,
}

/// What a key did to the form.
#[derive(Debug, PartialEq, Eq)]
pub enum FormKey {
    Typed,
    Save(NewTarget),
    Close,
    AskDiscard,
}

impl Default for TargetForm {
    fn default() -> Self {
        Self::new()
    }
}

impl TargetForm {
    pub fn new() -> TargetForm {
        let fields = FIELDS
            .iter()
            .enumerate()
            .map(|(i, (_, placeholder))| {
                let mut area = TextArea::default();
                area.set_placeholder_text(*placeholder);
                if i == JOB {
                    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
                }
                area
            })
            .collect();
        let mut form = TargetForm {
            fields,
            focus: 0,
            confirm_discard: false,
        };
        form.show_cursor();
        form
    }

    /// Only the field with the focus shows its cursor.
    fn show_cursor(&mut self) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            let style = if i == self.focus {
                ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                ratatui::style::Style::default()
            };
            f.set_cursor_style(style);
        }
    }

    fn text(&self, i: usize) -> String {
        self.fields[i].lines().join("\n")
    }

    pub fn values(&self) -> NewTarget {
        NewTarget {
            name: self.text(0),
            date: self.text(1),
            company: self.text(2),
            role: self.text(3),
            notes: self.text(4),
            job: self.text(JOB),
        }
    }

    pub fn changed(&self) -> bool {
        (0..self.fields.len()).any(|i| !self.text(i).trim().is_empty())
    }

    /// Pasted text goes into the field with the focus at once (a one-line field takes it as
    /// one line). A paste larger than a job description may be is refused whole (the form
    /// could not save it anyway), with the reason.
    pub fn paste(&mut self, text: &str) -> Result<(), String> {
        let so_far: usize = self.fields[self.focus]
            .lines()
            .iter()
            .map(String::len)
            .sum();
        if so_far + text.len() > MAX_JOB_BYTES {
            return Err(format!(
                "The paste is {} bytes; a job description may have {MAX_JOB_BYTES} (256 KB): \
                 nothing was pasted. Paste only the posting's text.",
                text.len()
            ));
        }
        let field = &mut self.fields[self.focus];
        if self.focus == JOB {
            field.insert_str(text);
        } else {
            let one: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            field.insert_str(one.join(" "));
        }
        self.confirm_discard = false;
        Ok(())
    }

    pub fn on_key(&mut self, key: KeyEvent, action: Option<Action>) -> FormKey {
        let n = self.fields.len();
        match action {
            Some(Action::Target(TargetAction::Save)) => return FormKey::Save(self.values()),
            Some(Action::Target(TargetAction::Cancel)) => {
                return if !self.changed() || self.confirm_discard {
                    FormKey::Close
                } else {
                    self.confirm_discard = true;
                    FormKey::AskDiscard
                };
            }
            Some(Action::Target(TargetAction::NextField)) => self.focus = (self.focus + 1) % n,
            Some(Action::Target(TargetAction::PrevField)) => self.focus = (self.focus + n - 1) % n,
            // One-line fields: Enter moves on (a pasted line break too).
            _ if key.code == KeyCode::Enter && self.focus != JOB => {
                self.focus = (self.focus + 1) % n
            }
            _ => {
                self.fields[self.focus].input(key);
            }
        }
        self.confirm_discard = false;
        self.show_cursor();
        FormKey::Typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn typed(form: &mut TargetForm, s: &str) {
        for c in s.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            form.on_key(KeyEvent::new(code, KeyModifiers::NONE), None);
        }
    }

    #[test]
    fn fields_fill_in_order_and_the_description_keeps_its_lines() {
        let mut f = TargetForm::new();
        typed(
            &mut f,
            "acme\n2027-01-10\nAcme\nIT Manager\nAsk about on-call?\n",
        );
        assert_eq!(f.focus, JOB);
        typed(
            &mut f,
            "Responsibilities\n- Run the network\n- Own the budget",
        );
        let v = f.values();
        assert_eq!(v.name, "acme");
        assert_eq!(v.date, "2027-01-10");
        assert_eq!(v.role, "IT Manager");
        assert_eq!(
            v.job,
            "Responsibilities\n- Run the network\n- Own the budget"
        );
    }

    #[test]
    fn a_paste_lands_whole_in_the_field_with_the_focus() {
        let mut f = TargetForm::new();
        f.paste("acme\n").unwrap();
        f.focus = JOB;
        f.paste("Duties\n- Run the network\n- Own the budget")
            .unwrap();
        assert!(f.paste(&"x".repeat(MAX_JOB_BYTES)).is_err());
        assert_eq!(f.values().name, "acme");
        assert_eq!(
            f.values().job,
            "Duties\n- Run the network\n- Own the budget"
        );
    }

    #[test]
    fn esc_asks_once_when_something_was_typed() {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let cancel = Some(Action::Target(TargetAction::Cancel));
        let mut f = TargetForm::new();
        assert_eq!(f.on_key(esc, cancel), FormKey::Close);
        typed(&mut f, "x");
        assert_eq!(f.on_key(esc, cancel), FormKey::AskDiscard);
        assert_eq!(f.on_key(esc, cancel), FormKey::Close);
    }
}
