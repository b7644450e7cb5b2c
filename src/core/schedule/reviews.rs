//! [`Reviews`]: a view of effective reviews in replay order, in up to two runs (the earlier
//! reviews of a long history, read when first asked for, and the recent ones).

use chrono::{DateTime, Utc};

use super::progress::ReviewEntry;

/// Effective reviews in replay order (time, then card, each card's in replay order): the
/// earlier run, then the later one. Cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Reviews<'a> {
    earlier: &'a [ReviewEntry],
    later: &'a [ReviewEntry],
}

impl<'a> Reviews<'a> {
    /// `earlier` and then `later`: every review of `earlier` sorts before every one of
    /// `later`.
    pub(super) fn new(earlier: &'a [ReviewEntry], later: &'a [ReviewEntry]) -> Reviews<'a> {
        Reviews { earlier, later }
    }

    pub fn len(&self) -> usize {
        self.earlier.len() + self.later.len()
    }

    pub fn is_empty(&self) -> bool {
        self.earlier.is_empty() && self.later.is_empty()
    }

    /// Oldest first.
    pub fn iter(
        &self,
    ) -> std::iter::Chain<std::slice::Iter<'a, ReviewEntry>, std::slice::Iter<'a, ReviewEntry>>
    {
        self.earlier.iter().chain(self.later.iter())
    }

    pub fn get(&self, i: usize) -> Option<&'a ReviewEntry> {
        match i.checked_sub(self.earlier.len()) {
            None => self.earlier.get(i),
            Some(j) => self.later.get(j),
        }
    }

    pub fn first(&self) -> Option<&'a ReviewEntry> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&'a ReviewEntry> {
        self.later.last().or(self.earlier.last())
    }

    /// The reviews at `from` or later (found by bisection).
    pub fn since(&self, from: DateTime<Utc>) -> Reviews<'a> {
        let cut = |s: &'a [ReviewEntry]| &s[s.partition_point(|r| r.at < from)..];
        Reviews::new(cut(self.earlier), cut(self.later))
    }

    /// The reviews before `to` (found by bisection).
    pub fn before(&self, to: DateTime<Utc>) -> Reviews<'a> {
        let cut = |s: &'a [ReviewEntry]| &s[..s.partition_point(|r| r.at < to)];
        Reviews::new(cut(self.earlier), cut(self.later))
    }

    /// The reviews from `from` to just before `to`.
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Reviews<'a> {
        self.since(from).before(to)
    }

    pub fn to_vec(&self) -> Vec<ReviewEntry> {
        self.iter().cloned().collect()
    }
}

impl<'a> IntoIterator for Reviews<'a> {
    type Item = &'a ReviewEntry;
    type IntoIter =
        std::iter::Chain<std::slice::Iter<'a, ReviewEntry>, std::slice::Iter<'a, ReviewEntry>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &Reviews<'a> {
    type Item = &'a ReviewEntry;
    type IntoIter =
        std::iter::Chain<std::slice::Iter<'a, ReviewEntry>, std::slice::Iter<'a, ReviewEntry>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::ops::Index<usize> for Reviews<'_> {
    type Output = ReviewEntry;

    fn index(&self, i: usize) -> &ReviewEntry {
        match i.checked_sub(self.earlier.len()) {
            None => &self.earlier[i],
            Some(j) => &self.later[j],
        }
    }
}

impl PartialEq for Reviews<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}
