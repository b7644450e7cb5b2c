//! Insights on a table of example answers.

use super::*;

struct Case {
    text: &'static str,
    kind: Kind,
    words: usize,
    fillers: usize,
    hedges: usize,
    ownership: (usize, usize),
    star: Option<&'static [StarPart]>,
    top: &'static [&'static str],
}

#[test]
fn example_answers() {
    use StarPart::*;
    let cases = [
        Case {
            text: "Um, so basically at my last company our team was drowning in incidents. \
                   My goal was to cut pages, so I built an alerting review and I led the \
                   on-call rota. As a result pages dropped 60%. I think we learned a lot.",
            kind: Kind::Behavioral,
            words: 44,
            fillers: 2,
            hedges: 1,
            ownership: (5, 2),
            star: Some(&[Situation, Task, Action, Result]),
            top: &["pages", "last", "company", "team", "drowning"],
        },
        Case {
            text: "We, like, kind of just shipped it. We were, you know, probably fine. \
                   We shipped and shipped.",
            kind: Kind::Behavioral,
            words: 17,
            fillers: 3,
            hedges: 2,
            ownership: (0, 3),
            star: Some(&[]),
            top: &["shipped", "fine"],
        },
        Case {
            text: "A hash map buckets keys by hash; collisions chain. Resize when the load \
                   factor passes a threshold, rehashing every key.",
            kind: Kind::Technical,
            words: 20,
            fillers: 0,
            hedges: 0,
            ownership: (0, 0),
            star: None,
            top: &["hash", "map", "buckets", "keys", "collisions"],
        },
        Case {
            text: "",
            kind: Kind::Behavioral,
            words: 0,
            fillers: 0,
            hedges: 0,
            ownership: (0, 0),
            star: Some(&[]),
            top: &[],
        },
    ];
    for c in cases {
        let i = Insights::of(c.text, c.kind);
        assert_eq!(i.word_count, c.words, "words in {:?}", c.text);
        assert_eq!(
            i.count(FillerKind::Filler),
            c.fillers,
            "fillers in {:?}",
            c.text
        );
        assert_eq!(
            i.count(FillerKind::Hedge),
            c.hedges,
            "hedges in {:?}",
            c.text
        );
        assert_eq!(
            (i.ownership.i, i.ownership.we),
            c.ownership,
            "ownership in {:?}",
            c.text
        );
        assert_eq!(
            i.star.map(|s| s.present()),
            c.star.map(|s| s.to_vec()),
            "STAR in {:?}",
            c.text
        );
        let top: Vec<&str> = i.top_words.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(top, c.top, "top words in {:?}", c.text);
        for h in &i.fillers {
            assert!(c.text.get(h.range.clone()).is_some());
        }
    }
}

#[test]
fn filler_counts_group_phrases() {
    let i = Insights::of("um, just um, just, just", Kind::Technical);
    assert_eq!(i.filler_counts(), vec![("just", 3), ("um", 2)]);
}

/// STAR parts read from sentence roles: any verb in the past (irregular too), perfects, verbs
/// joined to the speaker's clause, a group with the speaker, duties given or taken on.
#[test]
fn star_sentence_roles() {
    use StarPart::*;
    let cases: &[(&str, &[StarPart])] = &[
        // Actions: irregular pasts, `-ly` adverbs, "had"/"'d" + participle.
        ("I rang the supplier.", &[Action]),
        ("I quietly moved the backups offsite.", &[Action]),
        ("I'd already booked the room.", &[Action]),
        ("I had rewritten the runbook.", &[Action]),
        // "'d" + a base form is "would"; "had to" is a duty, not an action.
        ("I'd set up a call with them.", &[]),
        ("I'd spend the first bit of every call on them.", &[]),
        ("I had to fix the rota.", &[Task]),
        // A verb joined to the speaker's clause; not an adjective after a state.
        ("I was asked to help and rewrote the rota.", &[Task, Action]),
        ("I was tired and stressed.", &[]),
        // A group's action is not the speaker's; a vague verb with a particle stays vague.
        ("We rolled out single sign-on to 400 staff.", &[]),
        ("I rolled out single sign-on to 400 staff.", &[Action]),
        ("We brought in better processes.", &[]),
        ("We implemented better processes and a new culture.", &[]),
        // Tasks as roles.
        ("My main aim was to get them talking.", &[Task]),
        ("We were tasked with cutting the backlog.", &[Task]),
        ("I'd been brought in to sort out the service desk.", &[Task]),
        ("The CIO asked me to take on the migration.", &[Task]),
        ("I had two weeks to replace the firewall.", &[Task]),
        ("We needed to move the data centre.", &[Task]),
        ("I had a chat with him.", &[]),
        // A scene: an anchor with a state or an event that is not the speaker's own.
        (
            "A few years back our main supplier went bust overnight.",
            &[Situation],
        ),
        (
            "In my previous role I helped the team become more ITIL-aligned.",
            &[],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            StarCues::detect(text).present(),
            want.to_vec(),
            "in {text:?}"
        );
    }
}

mod follow_up {
    use crate::core::analysis::check_points_with_follow_up;
    use crate::core::deck::KeyPoint;
    use crate::core::matcher::content_stems;

    fn points() -> Vec<KeyPoint> {
        let question = content_stems("Two colleagues have fallen out. What would you do?");
        [
            (
                "Meets each person separately",
                vec!["separately", "one-to-one"],
            ),
            ("Knows when to involve HR", vec!["hr", "formal process"]),
            ("Follows up later", vec!["follow up", "check in"]),
        ]
        .into_iter()
        .map(|(text, kw)| KeyPoint {
            text: text.into(),
            keywords: kw.into_iter().map(String::from).collect(),
            question: question.clone(),
            ..KeyPoint::default()
        })
        .collect()
    }

    fn covered(answer: &str, follow_up: Option<(&str, &str)>) -> Vec<bool> {
        check_points_with_follow_up(&points(), answer, follow_up)
            .iter()
            .map(|p| p.covered)
            .collect()
    }

    #[test]
    fn a_point_made_in_the_follow_up_answer_counts_with_its_words() {
        let got = check_points_with_follow_up(
            &points(),
            "I would talk to each of them separately.",
            Some((
                "What would you do a month later?",
                "I would check in with both and start a formal process if nothing changed.",
            )),
        );
        let covered: Vec<bool> = got.iter().map(|p| p.covered).collect();
        assert_eq!(covered, [true, true, true]);
        assert_eq!(got[0].matched, ["separately"]);
        assert_eq!(got[1].matched, ["formal process"]);
        assert_eq!(got[2].matched, ["check in"]);
        // Where each word came from: the debrief says so.
        assert!(got[0].in_follow_up.is_empty());
        assert_eq!(got[1].in_follow_up, ["formal process"]);
        assert_eq!(got[2].in_follow_up, ["check in"]);
    }

    #[test]
    fn a_word_in_both_answers_is_the_main_answers() {
        let got = check_points_with_follow_up(
            &points(),
            "I would see them separately.",
            Some((
                "What would you do a month later?",
                "Again separately, then check in.",
            )),
        );
        assert_eq!(got[0].matched, ["separately"]);
        assert!(got[0].in_follow_up.is_empty(), "{got:?}");
        assert_eq!(got[2].in_follow_up, ["check in"]);
    }

    #[test]
    fn the_follow_up_question_words_do_not_count_in_its_answer() {
        // The follow-up asks about HR: answering "HR" repeats the question.
        let asked = "At what point would you involve HR?";
        assert_eq!(
            covered("I would listen.", Some((asked, "HR, at some point."))),
            [false, false, false]
        );
        // Said in the main answer, unprompted, it counts.
        assert_eq!(
            covered("I would involve HR early.", Some((asked, "As I said."))),
            [false, true, false]
        );
        // Another way of saying it in the follow-up counts.
        assert_eq!(
            covered(
                "I would listen.",
                Some((asked, "Once it becomes a formal process."))
            ),
            [false, true, false]
        );
    }

    #[test]
    fn no_follow_up_or_an_empty_one_is_the_answer_alone() {
        let alone = covered("We met one-to-one and I follow up weekly.", None);
        assert_eq!(alone, [true, false, true]);
        assert_eq!(
            covered(
                "We met one-to-one and I follow up weekly.",
                Some(("Why?", "  "))
            ),
            alone
        );
    }
}

mod sparse {
    use crate::core::analysis::{Substance, check_points};
    use crate::core::deck::KeyPoint;

    fn point() -> KeyPoint {
        KeyPoint {
            text: "Keeps a risk register with owners and actions".into(),
            keywords: vec!["raid log".into()],
            ..KeyPoint::default()
        }
    }

    const PADDING: &str = "I believe communication is key, so I always keep stakeholders \
        informed and aligned with the business and make sure the team works together. ";

    #[test]
    fn an_answer_of_generic_words_finds_a_point_only_through_a_keyword() {
        // Two words of the point's text in one sentence, in an answer that says little else.
        let sparse =
            format!("{PADDING}Every risk went on the register with an owner. We learn lessons.");
        assert!(Substance::of(&sparse).sparse());
        assert!(!check_points(&[point()], &sparse)[0].covered);
        // The same sentence in an answer that tells a story counts.
        let story = format!(
            "{PADDING}Every risk went on the register with an owner. The supplier missed the cabling \
             deadline, so the migration of the finance servers slipped into January, the \
             auditors asked for evidence and the warehouse scanners stayed on the old \
             network until the firewall rules were rewritten."
        );
        assert!(
            !Substance::of(&story).sparse(),
            "{:?}",
            Substance::of(&story)
        );
        assert!(check_points(&[point()], &story)[0].covered);
        // The author's keyword counts in the sparse answer.
        let keyword =
            format!("{PADDING}We kept a RAID log, each line with an owner. We learn lessons.");
        assert!(Substance::of(&keyword).sparse());
        assert!(check_points(&[point()], &keyword)[0].covered);
    }
}
