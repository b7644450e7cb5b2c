//! Home's first frame drawn from bare decks (the deck overview cache) is the one drawn from
//! whole decks, and stays so when the whole decks arrive; a changed deck file is read again.

use std::path::Path;

use chrono::Duration;

use super::support::{Harness, t0};
use crate::core::deck::{Deck, DeckProblem};
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

fn harness(first: FirstDecks, records: &[crate::core::record::Record]) -> Harness {
    let mut h = Harness::with_decks(first.loaded.decks, records.to_vec());
    h.app = h.app.with_broken(first.loaded.problems);
    h
}

fn is_bare(d: &Deck) -> bool {
    d.cards.iter().all(|c| c.question.is_empty())
}

#[test]
fn home_from_the_overview_cache_is_home_from_whole_decks_until_a_deck_changes() {
    let dir = tempfile::tempdir().unwrap();
    let records = home_with_decks(dir.path());
    // A file's stamp is kept only once the file has been still for a second.
    std::thread::sleep(std::time::Duration::from_millis(1_100));

    // The first start reads every deck whole and saves the overview; the next is bare.
    let cold = first(dir.path());
    assert!(!cold.bare && !cold.loaded.decks.iter().any(is_bare));
    let warm = first(dir.path());
    assert!(warm.bare);
    assert!(
        warm.loaded.decks.iter().all(is_bare),
        "every deck that loads is bare"
    );
    assert_eq!(warm.loaded.decks.len(), 6, "4 built-in, bench, test-deck");
    assert_eq!(
        warm.loaded.problems.len(),
        1,
        "the broken deck is diagnosed as before"
    );
    assert_eq!(
        warm.loaded.problems[0].diagnostics,
        cold.loaded.problems[0].diagnostics
    );

    let mut from_whole = harness(cold, &records);
    let mut from_bare = harness(warm, &records);
    assert_eq!(from_bare.app.overview, from_whole.app.overview);
    assert!(from_whole.app.overview.reviewed_today > 0);
    assert!(!from_whole.app.overview.weakest.is_empty());
    for (w, h) in [(120, 30), (80, 24), (60, 20)] {
        assert_eq!(from_bare.screen(w, h), from_whole.screen(w, h), "{w}x{h}");
    }

    // The whole decks arrive after the first frame: nothing visible changes.
    let root = dir.path().to_path_buf();
    from_bare.app = from_bare
        .app
        .with_whole_decks(Box::new(move || whole(&root)));
    assert!(from_bare.app.run_deferred(from_bare.now));
    assert_eq!(from_bare.app.decks, from_whole.app.decks);
    assert_eq!(from_bare.app.overview, from_whole.app.overview);
    assert_eq!(from_bare.screen(120, 30), from_whole.screen(120, 30));

    // An edit of the same length: the file's stamp changed, so that deck is read whole (and
    // shows the edit); the others stay bare.
    let path = dir.path().join("decks/test-deck.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("title = \"Test", "title = \"Best", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).unwrap();
    let after = first(dir.path());
    assert!(after.bare);
    let test_deck = after
        .loaded
        .decks
        .iter()
        .find(|d| d.title.starts_with("Best"))
        .expect("the edited deck, read again");
    assert!(!is_bare(test_deck));
    assert_eq!(after.loaded.decks.iter().filter(|d| is_bare(d)).count(), 5);
}

/// When the whole decks say something else than the bare ones did (the deck changed between
/// the two reads), home's counts follow the whole decks.
#[test]
fn whole_decks_that_differ_from_the_bare_ones_redo_home() {
    let deck = super::support::deck();
    let mut fewer = deck.bare();
    fewer.cards.pop();
    let mut h = Harness::with_decks(vec![fewer], vec![]);
    let before = h.app.overview.clone();
    let whole = deck.clone();
    h.app = h
        .app
        .with_whole_decks(Box::new(move || (vec![whole], vec![])));
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
    let mut h = Harness::with_decks(vec![deck.bare()], vec![]);
    let whole = deck.clone();
    h.app = h
        .app
        .with_whole_decks(Box::new(move || (vec![whole], vec![])));
    h.key(ratatui::crossterm::event::KeyCode::Char('d'));
    assert_eq!(h.app.decks, vec![deck]);
}
