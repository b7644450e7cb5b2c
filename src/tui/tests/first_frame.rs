//! Home's first frame drawn from bare decks (the deck overview cache) is the one drawn from
//! whole decks, and stays so when the whole decks arrive; a changed deck file is read again.

use std::path::Path;

use chrono::Duration;

use super::support::{Harness, t0};
use crate::core::deck::{BareDeck, Deck, DeckProblem, StartDecks};
use crate::fixtures::{FixtureSpec, deck_toml, review_records};
use crate::store::decks::{FirstDecks, load_all_cached, load_first};
use crate::store::paths::Home;

/// A home with a generated deck (reviewed over the last month, today too), the test deck and
/// a broken deck, beside the built-in decks.
fn home_with_decks(root: &Path) -> Vec<crate::core::record::Record> {
    let decks = root.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let mut spec = FixtureSpec::new(240, 3_000, t0() - Duration::minutes(5));
    spec.categories = 12;
    spec.days = 30;
    std::fs::write(decks.join("bench.toml"), deck_toml(&spec)).unwrap();
    std::fs::write(decks.join("test-deck.toml"), include_str!("deck.toml")).unwrap();
    std::fs::write(
        decks.join("broken.toml"),
        "format = 1\n[deck]\nid = \"Bad Id\"\n",
    )
    .unwrap();
    review_records(&spec)
}

fn first(root: &Path) -> FirstDecks {
    let home = Home::at(root);
    load_first(&home.decks_dir(), &[], &home.deck_cache_dir())
}

fn whole(root: &Path) -> (Vec<Deck>, Vec<DeckProblem>) {
    let home = Home::at(root);
    let l = load_all_cached(&home.decks_dir(), &[], Some(&home.deck_cache_dir()));
    (l.decks, l.problems)
}

fn whole_decks(first: FirstDecks) -> Vec<Deck> {
    match first.decks {
        StartDecks::Whole(decks) => decks,
        StartDecks::Bare(_) => panic!("bare decks"),
    }
}

fn bare_decks(first: FirstDecks) -> Vec<BareDeck> {
    match first.decks {
        StartDecks::Bare(decks) => decks,
        StartDecks::Whole(_) => panic!("whole decks"),
    }
}

#[test]
fn home_from_the_overview_cache_is_home_from_whole_decks_until_a_deck_changes() {
    let dir = tempfile::tempdir().unwrap();
    let records = home_with_decks(dir.path());
    // A file's stamp is kept only once the file has been still for a second.
    std::thread::sleep(std::time::Duration::from_millis(1_100));

    // The first start reads every deck whole and saves the overview; the next is bare.
    let cold = first(dir.path());
    assert!(!cold.bare());
    let warm = first(dir.path());
    assert!(warm.bare());
    assert_eq!(
        warm.problems.len(),
        1,
        "the broken deck is diagnosed as before"
    );
    assert_eq!(warm.problems[0].diagnostics, cold.problems[0].diagnostics);
    let (cold_problems, warm_problems) = (cold.problems.clone(), warm.problems.clone());
    let (cold, warm) = (whole_decks(cold), bare_decks(warm));
    assert_eq!(warm.len(), 6, "4 built-in, bench, test-deck");
    for (bare, whole) in warm.iter().zip(&cold) {
        assert!(bare.is_of(whole), "{}", whole.id);
        assert!(bare.head.cards.is_empty());
    }

    let mut from_whole = Harness::with_decks(cold.clone(), records.clone());
    from_whole.app = from_whole.app.with_broken(cold_problems);
    let root = dir.path().to_path_buf();
    let mut from_bare = Harness::with_bare(warm, records, Box::new(move || whole(&root)));
    from_bare.app = from_bare.app.with_broken(warm_problems);
    assert!(from_bare.app.decks_bare());
    assert_eq!(from_bare.app.overview, from_whole.app.overview);
    assert!(from_whole.app.overview.reviewed_today > 0);
    assert!(!from_whole.app.overview.weakest.is_empty());
    for (w, h) in [(120, 30), (80, 24), (60, 20)] {
        assert_eq!(from_bare.screen(w, h), from_whole.screen(w, h), "{w}x{h}");
    }

    // The whole decks arrive after the first frame: nothing visible changes.
    assert!(from_bare.app.run_deferred(from_bare.now));
    assert!(!from_bare.app.decks_bare());
    assert_eq!(from_bare.app.decks, from_whole.app.decks);
    assert_eq!(from_bare.app.overview, from_whole.app.overview);
    assert_eq!(from_bare.screen(120, 30), from_whole.screen(120, 30));

    // An edit of the same length: the file's stamp changed, so that deck is read whole again
    // (and shows the edit); the others come from the overview.
    let path = dir.path().join("decks/test-deck.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("title = \"Test", "title = \"Best", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).unwrap();
    let after = bare_decks(first(dir.path()));
    let (now_whole, _) = whole(dir.path());
    assert_eq!(after.len(), now_whole.len());
    for (bare, whole) in after.iter().zip(&now_whole) {
        assert!(bare.is_of(whole), "{}", whole.id);
    }
    assert!(after.iter().any(|d| d.head.title.starts_with("Best")));
}

/// When the whole decks say something else than the bare ones did (the deck changed between
/// the two reads), home's counts follow the whole decks.
#[test]
fn whole_decks_that_differ_from_the_bare_ones_redo_home() {
    let deck = super::support::deck();
    let mut fewer = deck.clone();
    fewer.cards.pop();
    let whole = deck.clone();
    let mut h = Harness::with_bare(
        vec![BareDeck::of(&fewer).unwrap()],
        vec![],
        Box::new(move || (vec![whole], vec![])),
    );
    let before = h.app.overview.clone();
    assert_eq!(
        before,
        Harness::with_decks(vec![fewer], vec![]).app.overview,
        "drawn from the bare decks"
    );
    h.app.complete_decks(h.now);
    assert_eq!(h.app.decks, vec![deck.clone()]);
    assert_ne!(h.app.overview, before);
    assert_eq!(
        h.app.overview,
        Harness::with_decks(vec![deck], vec![]).app.overview
    );
}

/// Any key handled first puts the whole decks in place: no screen but home's first frame
/// sees a bare deck.
#[test]
fn a_key_before_the_whole_decks_loaded_waits_for_them() {
    let deck = super::support::deck();
    let whole = deck.clone();
    let mut h = Harness::with_bare(
        vec![BareDeck::of(&deck).unwrap()],
        vec![],
        Box::new(move || (vec![whole], vec![])),
    );
    assert!(h.app.decks[0].cards.is_empty());
    h.key(ratatui::crossterm::event::KeyCode::Char('d'));
    assert_eq!(h.app.decks, vec![deck]);
}
