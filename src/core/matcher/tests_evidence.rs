//! Tests of what a keyword needs to count where an answer says nothing specific
//! ([`Evidence::Supported`]) and of key points that ask for a figure.

use super::point::asks_for_figure;
use super::*;

fn backups() -> KeyPoint {
    KeyPoint {
        text: "Proves the backups work by restoring them".into(),
        keywords: [
            "veeam",
            "air-gapped",
            "recovery drill",
            "rehearsed",
            "independently",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        ..KeyPoint::default()
    }
}

fn supported(text: &str) -> MatchText {
    MatchText::new(text).with_evidence(Evidence::Supported)
}

#[test]
fn a_keyword_naming_one_thing_needs_support_where_asked() {
    let p = backups();
    // Ordinarily one keyword is evidence enough...
    assert!(MatchText::new("We use Veeam.").covers(&p));
    assert!(MatchText::new("Our copies are air-gapped.").covers(&p));
    // ... but where support is asked for, naming the tool or the compound is not enough.
    assert!(!supported("We use Veeam.").covers(&p));
    assert!(!supported("Our copies are air-gapped.").covers(&p));
    // A word of the point's text in the same sentence supports it, and shows.
    let t = supported("We restore Veeam jobs into a sandbox.");
    assert_eq!(t.check(&p), Some(vec!["restore".into(), "Veeam".into()]));
    // Not in another sentence.
    assert!(!supported("We use Veeam. Restoring is slow.").covers(&p));
    // A phrase of two content words stands alone.
    assert!(supported("We hold a recovery drill.").covers(&p));
}

#[test]
fn a_keyword_that_tells_an_act_stands_alone_where_support_is_asked() {
    let p = backups();
    assert!(supported("We rehearsed it.").covers(&p));
    assert!(supported("An outside firm checks them independently.").covers(&p));
    // The table behind it.
    for (keyword, one_thing) in [
        ("jenkins", true),
        ("monitoring", true),
        ("in front of", false),
        ("follow up", false),
        ("self-service", true),
        ("cost", true),
        ("speed", true),
        ("restore test", false),
        ("apologised", false),
        ("wrote", false),
        ("separately", false),
    ] {
        assert_eq!(Term::new(keyword).names_one_thing(), one_thing, "{keyword}");
    }
}

#[test]
fn a_point_asks_for_a_figure_when_its_act_is_to_quantify() {
    for (text, asks) in [
        ("Quantifies the saving", true),
        ("Audits alerts and quantifies the noise", true),
        ("Calculates the payback period", true),
        ("Shows a measured result", true),
        ("Gives evidence with numbers", true),
        ("Reports the saving in figures", true),
        ("Explains how the figure was measured", false),
        ("Checks how the metrics are calculated", false),
        ("Keeps incident figures honest", false),
        ("Measures the effect", false),
        ("Says what they would measure", false),
    ] {
        assert_eq!(asks_for_figure(text), asks, "{text}");
    }
}

#[test]
fn a_point_that_asks_for_a_figure_needs_one_in_the_answer() {
    let p = KeyPoint {
        text: "Quantifies the saving".into(),
        keywords: vec!["cost avoidance".into(), "payback".into()],
        ..KeyPoint::default()
    };
    assert!(!MatchText::new("The cost avoidance was worth it.").covers(&p));
    assert!(MatchText::new("The cost avoidance was £40k a year.").covers(&p));
    assert!(MatchText::new("Payback came in eighteen months.").covers(&p));
    // The figure may be in another sentence of the answer.
    assert!(MatchText::new("We cut licences by a third. The payback was quick.").covers(&p));
    // A point that does not ask for one is made without.
    let plain = KeyPoint {
        text: "Names the saving".into(),
        ..p.clone()
    };
    assert!(MatchText::new("The cost avoidance was worth it.").covers(&plain));
}

#[test]
fn where_only_keywords_count_two_words_in_a_sentence_do_not() {
    let p = KeyPoint {
        text: "Keeps a risk register with owners and actions".into(),
        keywords: vec!["raid log".into()],
        together: vec![vec!["log".into(), "weekly".into()]],
        ..KeyPoint::default()
    };
    let own_words = "Every risk went on the register with an owner.";
    let group = "We went through the log weekly.";
    // Ordinarily words of the text, or a group, make the point, and say how.
    let t = MatchText::new(own_words);
    assert_eq!(
        t.check_route(&PreparedPoint::new(&p)).map(|(r, _)| r),
        Some(Route::OwnWords)
    );
    let t = MatchText::new(group);
    assert_eq!(
        t.check_route(&PreparedPoint::new(&p)).map(|(r, _)| r),
        Some(Route::Together)
    );
    // Where the text says too little, neither counts...
    assert!(!MatchText::new(own_words).keywords_only(true).covers(&p));
    assert!(!MatchText::new(group).keywords_only(true).covers(&p));
    // ... but a keyword the author wrote for the point does.
    let t = MatchText::new("We kept a RAID log, each line with an owner.").keywords_only(true);
    assert_eq!(
        t.check_route(&PreparedPoint::new(&p)),
        Some((Route::Keyword, vec!["RAID log".into()]))
    );
}

#[test]
fn where_only_keywords_count_a_keyword_needs_a_second_sign() {
    // A point that names one thing takes one keyword in an ordinary answer...
    let p = KeyPoint {
        text: "Schedules work against a change calendar".into(),
        keywords: vec!["change calendar".into()],
        ..KeyPoint::default()
    };
    let named = "Honestly the change calendar matters and I keep everyone aligned.";
    assert!(MatchText::new(named).covers(&p));
    // ... but where the text says too little, naming it is not yet making it: the keyword
    // needs a second sign, as on a point that names several things.
    assert!(!MatchText::new(named).keywords_only(true).covers(&p));
    let made = "We schedule every release against the change calendar.";
    assert!(MatchText::new(made).keywords_only(true).covers(&p));
}

#[test]
fn where_only_keywords_count_a_generic_keyword_with_support_does_not() {
    let p = KeyPoint {
        text: "Logs it at the right priority given the business impact".into(),
        keywords: vec!["priority".into()],
        ..KeyPoint::default()
    };
    let text = "I logged it as top priority.";
    assert_eq!(
        MatchText::new(text)
            .check_route(&PreparedPoint::new(&p))
            .map(|(r, _)| r),
        Some(Route::Supported)
    );
    assert!(!MatchText::new(text).keywords_only(true).covers(&p));
    // Where support is asked for as well, a name beside a word of the text no longer counts.
    let jenkins = KeyPoint {
        text: "Describes the pipeline: automated build, tests and deployment".into(),
        keywords: vec!["jenkins".into()],
        ..KeyPoint::default()
    };
    let text = "Jenkins ran the tests on every commit.";
    assert!(supported(text).covers(&jenkins));
    assert!(!supported(text).keywords_only(true).covers(&jenkins));
}
