//! Rows stacked top to bottom without the constraint solver when they fit.
//!
//! `Layout::vertical(..).areas(..)` runs ratatui's constraint solver (kasuari), and the first
//! call of a start has no cached result: the home screen's one split of eight rows cost about
//! 1.1 million instructions of the 4.5 million a built-in start spends before its first frame
//! (callgrind, 2026-12-06; docs/performance.md). When every row's wish fits the area, the
//! solver's answer is plain arithmetic: each `Length(n)` and `Max(n)` gets `n` rows, the one
//! `Fill` gets what is left. [`vertical`] works that case out directly and leaves every other
//! case (a terminal too short for the wishes, other constraints) to the solver; a test compares
//! the two on every fitting case it can draw.

use ratatui::layout::{Constraint, Layout, Rect};

/// The areas `Layout::vertical(constraints).areas(area)` gives, without the solver when the
/// rows fit (see the module's note).
pub fn vertical<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    fitting(area, &constraints).unwrap_or_else(|| Layout::vertical(constraints).areas(area))
}

/// Row heights when `constraints` are `Length` and `Max` rows and exactly one `Fill`, and
/// their wishes fit `area`'s height; otherwise `None`.
fn fitting<const N: usize>(area: Rect, constraints: &[Constraint; N]) -> Option<[Rect; N]> {
    let mut wished: u32 = 0;
    let mut fills = 0;
    for c in constraints {
        match *c {
            Constraint::Length(n) | Constraint::Max(n) => wished += u32::from(n),
            Constraint::Fill(w) if w > 0 => fills += 1,
            _ => return None,
        }
    }
    if fills != 1 || wished > u32::from(area.height) {
        return None;
    }
    let rest = area.height - u16::try_from(wished).ok()?;
    let mut y = area.y;
    let mut out = [Rect::default(); N];
    for (slot, c) in out.iter_mut().zip(constraints) {
        let h = match *c {
            Constraint::Length(n) | Constraint::Max(n) => n,
            _ => rest,
        };
        *slot = Rect::new(area.x, y, area.width, h);
        y += h;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            (0u16..12).prop_map(Constraint::Length),
            (0u16..12).prop_map(Constraint::Max),
            (1u16..3).prop_map(Constraint::Fill),
            (0u16..6).prop_map(Constraint::Min),
        ]
    }

    proptest! {
        /// Whatever the shortcut answers is what the solver answers.
        #[test]
        fn the_shortcut_gives_the_solvers_areas(
            cs in proptest::collection::vec(constraint(), 8),
            x in 0u16..5, y in 0u16..5, width in 1u16..130, height in 0u16..60,
        ) {
            let cs: [Constraint; 8] = cs.try_into().expect("eight constraints");
            let area = Rect::new(x, y, width, height);
            if let Some(fast) = fitting(area, &cs) {
                prop_assert_eq!(fast, Layout::vertical(cs).areas(area));
            }
            prop_assert_eq!(vertical(area, cs), Layout::vertical(cs).areas(area));
        }
    }

    proptest! {
        /// Rows that fit, the case the shortcut takes: drawn directly, so that every case
        /// compares (the mixed strategy above reaches it in about one case in a hundred).
        #[test]
        fn fitting_rows_take_the_shortcut_and_match_the_solver(
            rows in proptest::collection::vec((any::<bool>(), 0u16..12), 7),
            fill_at in 0usize..8, weight in 1u16..4, spare in 0u16..25,
            x in 0u16..5, y in 0u16..5, width in 1u16..130,
        ) {
            let mut cs: Vec<Constraint> = rows
                .iter()
                .map(|&(max, n)| if max { Constraint::Max(n) } else { Constraint::Length(n) })
                .collect();
            cs.insert(fill_at, Constraint::Fill(weight));
            let wished: u16 = rows.iter().map(|&(_, n)| n).sum();
            let cs: [Constraint; 8] = cs.try_into().expect("eight constraints");
            let area = Rect::new(x, y, width, wished + spare);
            let fast = fitting(area, &cs);
            prop_assert!(fast.is_some());
            prop_assert_eq!(fast, Some(Layout::vertical(cs).areas(area)));
        }
    }

    #[test]
    fn the_home_screens_rows_take_the_shortcut_on_an_ordinary_terminal() {
        let area = Rect::new(0, 0, 120, 30);
        let cs = [
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(0),
            Constraint::Length(3),
            Constraint::Max(9),
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Length(2),
        ];
        let fast = fitting(area, &cs).expect("23 rows fit 30");
        assert_eq!(fast[4], Rect::new(0, 6, 120, 9));
        assert_eq!(fast[6], Rect::new(0, 21, 120, 7));
        assert_eq!(fast, Layout::vertical(cs).areas(area));
        // Too short for the wishes: the solver decides.
        assert!(fitting(Rect::new(0, 0, 120, 20), &cs).is_none());
    }
}
