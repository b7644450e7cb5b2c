//! The key point a checklist's Space ticks: none until the candidate moves to one, so the
//! first Tab goes to point 1 (and Shift-Tab to the last), as a list's first Tab does.

/// The selected key point of a checklist, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PointCursor(Option<usize>);

impl PointCursor {
    /// The selected point (to highlight), if any.
    pub fn get(self) -> Option<usize> {
        self.0
    }

    /// Nothing selected (a new question or card).
    pub fn reset(&mut self) {
        self.0 = None;
    }

    /// The next of `points` (wrapping); from none, the first.
    pub fn next(&mut self, points: usize) {
        if points == 0 {
            return;
        }
        self.0 = Some(self.0.map_or(0, |p| (p + 1) % points));
    }

    /// The previous of `points` (wrapping); from none, the last.
    pub fn prev(&mut self, points: usize) {
        if points == 0 {
            return;
        }
        self.0 = Some(self.0.map_or(points - 1, |p| (p + points - 1) % points));
    }

    /// The point Space ticks: the selected one, else the first (which becomes selected, so
    /// the tick is seen where it landed). `None` without points.
    pub fn target(&mut self, points: usize) -> Option<usize> {
        if points == 0 {
            return None;
        }
        let p = self.0.filter(|p| *p < points).unwrap_or(0);
        self.0 = Some(p);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_tab_goes_to_point_one_and_shift_tab_to_the_last() {
        let mut c = PointCursor::default();
        assert_eq!(c.get(), None);
        c.next(3);
        assert_eq!(c.get(), Some(0));
        c.next(3);
        c.next(3);
        c.next(3);
        assert_eq!(c.get(), Some(0), "wraps");
        c.reset();
        c.prev(3);
        assert_eq!(c.get(), Some(2));
        c.prev(3);
        assert_eq!(c.get(), Some(1));
    }

    #[test]
    fn space_ticks_the_selected_point_else_the_first() {
        let mut c = PointCursor::default();
        assert_eq!(c.target(0), None);
        assert_eq!(c.target(4), Some(0));
        assert_eq!(c.get(), Some(0));
        c.next(4);
        assert_eq!(c.target(4), Some(1));
        c.next(0);
        assert_eq!(c.get(), Some(1), "no points: nothing moves");
    }
}
