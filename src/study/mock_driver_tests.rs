//! The mock driver's records on disk: what a process killed mid-interview leaves.

use chrono::{DateTime, FixedOffset, Utc};

use super::*;
use crate::core::schedule::SchedulerConfig;
use crate::core::session::test_support::{at, question};
use crate::core::session::{Ending, MockSetup};
use crate::store::log;
use crate::store::paths::Home;
use crate::study::{LogStudy, open_study};

fn open(home: &Home) -> LogStudy<crate::store::log::StateLog> {
    let utc = FixedOffset::east_opt(0).unwrap();
    log::retry_while_locked(|| open_study(home, SchedulerConfig::default(), utc))
        .unwrap()
        .0
}

fn submit(text: &str) -> Event {
    Event::Submit { text: text.into() }
}

fn follow_up_shown(updates: &[MockUpdate]) -> bool {
    updates
        .iter()
        .any(|u| matches!(u, MockUpdate::Session(Effect::ShowFollowUp { .. })))
}

/// Submitting a main answer whose follow-up comes next writes it to the state file (the
/// durable append) before the driver hands the follow-up to the front end; a process that
/// dies then leaves a file that replays to the answer, ungraded, with its suggested grade.
/// The follow-up's answer, when given, joins it: one answer, both texts.
#[test]
fn a_main_answer_is_on_disk_before_its_follow_up_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let setup = MockSetup {
        prep_seconds: 0,
        ..MockSetup::default()
    };
    let qs = vec![question("b1", 60, Some("And then?"), &["rota"])];
    let t: DateTime<Utc> = at(0);
    let mut study = open(&home);
    let mut pending = Pending::default();
    let (mut driver, _) = MockDriver::start(&mut study, &mut pending, setup, qs, t);
    let updates = driver.handle(
        &mut study,
        &mut pending,
        submit("I fixed the rota"),
        at(9_000),
    );
    assert!(follow_up_shown(&updates), "{updates:?}");
    assert!(pending.is_empty());

    // Killed here: only what is in the file counts.
    let on_disk = log::read(home.state_file()).unwrap().records;
    let past = crate::core::session::past_interviews(&on_disk);
    assert_eq!(past.len(), 1, "{on_disk:?}");
    let p = &past[0];
    assert_eq!(p.ending, Ending::Interrupted);
    assert_eq!((p.answers.len(), p.ungraded()), (1, 1));
    assert_eq!(p.answers[0].answer, "I fixed the rota");
    assert_eq!(p.answers[0].coverage, [true]);
    assert!(p.answers[0].grade.is_some(), "a suggestion to offer again");

    // Not killed: the follow-up joins the main answer.
    let updates = driver.handle(&mut study, &mut pending, submit("Then I asked"), at(15_000));
    assert!(
        updates
            .iter()
            .any(|u| matches!(u, MockUpdate::Session(Effect::Finished { .. }))),
        "{updates:?}"
    );
    drop(study);
    let records = log::read(home.state_file()).unwrap().records;
    let answers = records
        .iter()
        .filter(|r| matches!(r.body, RecordBody::MockAnswered(_)))
        .count();
    assert_eq!(answers, 1, "the main answer is written once");
    let reopened = open(&home);
    let past = reopened.past_interviews();
    let a = &past[0].answers;
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].answer.as_str(), a[0].follow_up_answer.as_deref()),
        ("I fixed the rota", Some("Then I asked"))
    );
    assert_eq!(a[..], driver.interview().answers()[..]);
    // The follow-up record is kept apart with the mock records (and so in the progress cache).
    assert!(
        reopened
            .mock_records()
            .iter()
            .any(|r| matches!(r.body, RecordBody::MockFollowUp(_)))
    );
}
