//! The tick model: the rules weighed with the evidence beside them.

use super::{Candidate, FEATURES, THRESHOLD, candidates, probability};
use crate::core::analysis::{Substance, check_points};
use crate::core::deck::KeyPoint;
use crate::core::matcher::Route;

fn point(text: &str, keywords: &[&str]) -> KeyPoint {
    KeyPoint {
        text: text.into(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        ..KeyPoint::default()
    }
}

/// A card about tracking a project's progress and risks.
fn points() -> Vec<KeyPoint> {
    vec![
        point(
            "Keeps a risk register",
            &[
                "raid log",
                "risk register",
                "risk log",
                "issue log",
                "risk owner",
                "mitigation",
                "contingency",
                "assumptions",
                "likelihood and impact",
            ],
        ),
        point(
            "Tracks progress against milestones and the baseline plan",
            &["milestone", "baseline", "burn-down", "earned value"],
        ),
        point(
            "Reports status honestly with RAG and escalates early",
            &["rag", "red", "amber", "escalate", "steering"],
        ),
        point(
            "Sets tolerances and escalation triggers in advance",
            &["tolerance", "trigger", "threshold"],
        ),
    ]
}

fn all(text: &str) -> Vec<Candidate> {
    candidates(&points(), text, Substance::of(text))
}

const GENUINE: &str = "On the warehouse move I kept a risk register with an owner and a \
    next action for every risk, and we went through it every Monday. Progress was tracked \
    against six milestones in the baseline plan, and when the cabling slipped two weeks I \
    turned the status amber and took it to the steering group the same day, rather than \
    hoping to catch up. We agreed a tolerance of one week on any milestone up front, so \
    nobody argued about when to escalate.";

#[test]
fn a_genuine_answer_keeps_the_points_it_makes() {
    let got = check_points(&points(), GENUINE);
    assert!(got.iter().all(|p| p.covered), "{got:?}");
    assert_eq!(got[0].matched, ["risk register"]);
}

#[test]
fn a_topic_named_once_in_a_padded_answer_is_weighed_not_taken() {
    let padded = "We moved the payroll servers to the new data centre over a weekend in 2024, and \
        the finance team was happy with how it went. I think communication was the key, with \
        the suppliers, the auditors and the warehouse managers all kept informed. We had a \
        risk log somewhere, and the main thing was staying proactive rather than reactive.";
    let got = all(padded);
    // The rules find the keyword...
    assert!(matches!(got[0].rule, Some((Route::Keyword, _))), "{got:?}");
    // ...but one keyword of a point the author gave many words for, once, in an answer that
    // makes no other point of the card, is not evidence enough.
    assert!(got[0].probability() < THRESHOLD, "{}", got[0].probability());
    assert!(!got[0].ticked());
}

#[test]
fn a_note_too_short_to_judge_keeps_the_rules_decision() {
    let got = all("We kept a RAID log with owners.");
    assert!(!got[0].judged);
    assert!(got[0].rule.is_some() && got[0].ticked());
    assert!(got[1].rule.is_none() && !got[1].ticked());
}

#[test]
fn a_gate_the_author_set_still_holds() {
    let mut gated = points();
    gated[0].require = vec!["owner".into()];
    let text = GENUINE.replace("with an owner and a next action for every risk", "");
    let got = candidates(&gated, &text, Substance::of(&text));
    assert!(!got[0].evidence.gates);
    assert!(!got[0].ticked());
}

#[test]
fn more_evidence_never_lowers_the_probability() {
    // Every feature is a count or share of evidence (or the answer's length, or how much of
    // the card the rules found): the fitted weights must not make more of it count against a
    // point.
    let base = [0.0, 0.0, 1.0, 0.5, 1.0, 0.3, 0.4, 2.0, 4.5, 0.2];
    for j in 0..FEATURES {
        let mut more = base;
        more[j] += 1.0;
        assert!(
            probability(&more) >= probability(&base),
            "feature {j} lowers the probability"
        );
    }
}
