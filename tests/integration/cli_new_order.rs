//! Issue 13's done-when through the real binary: a fresh user drilling "All decks" meets every
//! built-in deck and most categories within the first 20 new cards (here in one sitting, with
//! `new_per_day = 20`), and no two of them share a category.

use std::collections::HashSet;

use assert_cmd::Command;

#[test]
fn the_first_twenty_new_cards_cover_every_deck_and_twenty_categories() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "[scheduler]\nnew_per_day = 20\n",
    )
    .unwrap();
    // Reveal and grade Good twenty times.
    let input = "\n3\n".repeat(20);
    let out = Command::cargo_bin("prepdeck")
        .unwrap()
        .env("PREPDECK_HOME", home.path())
        .args(["drill", "--plain", "--limit", "20"])
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    // "Card 3 of 20 | deck: IT fundamentals: ... | category: Security | knowledge"
    let headers: Vec<(String, String)> = stdout
        .lines()
        .filter(|l| l.starts_with("Card "))
        .map(|l| {
            let parts: Vec<&str> = l.split(" | ").collect();
            (
                parts[1].trim_start_matches("deck: ").to_string(),
                parts[2].trim_start_matches("category: ").to_string(),
            )
        })
        .collect();
    assert_eq!(headers.len(), 20, "{stdout}");
    let decks: HashSet<&String> = headers.iter().map(|(d, _)| d).collect();
    assert_eq!(decks.len(), 4, "every built-in deck: {headers:?}");
    let categories: HashSet<&(String, String)> = headers.iter().collect();
    assert_eq!(
        categories.len(),
        20,
        "twenty different categories: {headers:?}"
    );
    // The decks take turns: none of the four has more than five of the twenty.
    for d in &decks {
        let n = headers.iter().filter(|(x, _)| x == *d).count();
        assert!(n <= 5, "{d}: {n} of 20: {headers:?}");
    }
}
