//! Past mock interviews for the front ends: listed from the log, and questions left ungraded
//! (a quit, a closed terminal, a crash) graded later, durably.

use chrono::{DateTime, Utc};

use super::Journal;
use super::port::StudyError;
use crate::core::grade::Grade;
use crate::core::session::{Debrief, PastInterview, past_interviews};

/// Every interview in the journal, oldest first ([`past_interviews`]); those with
/// [`PastInterview::ungraded`] questions can be graded later.
pub fn interviews<J: Journal>(log: &J) -> Result<Vec<PastInterview>, StudyError> {
    Ok(past_interviews(&log.read_back()?))
}

/// Confirms `grade` for question `pos` of `debrief` (one without a grade) and makes its
/// records durable in order: the mock-mode review for the scheduler, then the candidate's
/// ticks and grade. `false` when there was nothing to grade there.
pub fn grade_question<J: Journal>(
    log: &mut J,
    debrief: &mut Debrief,
    pos: usize,
    grade: Grade,
    now: DateTime<Utc>,
) -> Result<bool, StudyError> {
    let Some(records) = debrief.confirm(pos, grade) else {
        return Ok(false);
    };
    for body in records {
        log.append(body, now)?;
    }
    Ok(true)
}

/// Makes the debrief's changed ticks durable (a spoken answer ticked before its grade).
pub fn save_ticks<J: Journal>(
    log: &mut J,
    debrief: &mut Debrief,
    now: DateTime<Utc>,
) -> Result<(), StudyError> {
    for r in debrief.take_records() {
        log.append(r.into(), now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::record::RecordBody;
    use crate::core::schedule::SchedulerConfig;
    use crate::core::session::test_support::{finished_interview, interview_deck, t0};
    use crate::store::paths::Home;
    use crate::study::{LogStudy, Study, open_study};

    #[test]
    fn an_ungraded_interview_is_graded_later_and_then_lists_as_graded() {
        let mut log: Vec<(RecordBody, DateTime<Utc>)> = finished_interview();
        let all = interviews(&log).unwrap();
        assert_eq!(all[0].ungraded(), 2);
        let mut d = all[0].debrief(&[]);
        assert!(grade_question(&mut log, &mut d, 1, Grade::Good, t0()).unwrap());
        assert!(!grade_question(&mut log, &mut d, 1, Grade::Easy, t0()).unwrap());
        let all = interviews(&log).unwrap();
        assert_eq!(all[0].ungraded(), 1);
        let reviews = log
            .iter()
            .filter(|(b, _)| matches!(b, RecordBody::Review(_)))
            .count();
        assert_eq!(reviews, 1, "the scheduler hears of it once");
    }

    /// The statistics' view of mock interviews (coverage by category, scores) is the same
    /// whether the study replayed the whole log or resumed from the progress cache.
    #[test]
    fn ticks_changed_in_the_debrief_reach_statistics_with_or_without_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        let config = SchedulerConfig::default();
        let utc = chrono::FixedOffset::east_opt(0).unwrap();
        let decks = vec![interview_deck()];
        let open = || {
            crate::store::log::retry_while_locked(|| open_study(&home, config.clone(), utc))
                .unwrap()
                .0
        };
        let mut study = open();
        for (body, at) in finished_interview() {
            study.append(body, at).unwrap();
        }
        let before = study.stats(&decks, t0()).categories[0].mock_coverage;
        assert_eq!(before, Some(0.5), "the matcher ticked one of two");
        // The candidate ticks the second answer's point and grades both.
        let mut d = interviews(&study_log(&home)).unwrap()[0].debrief(&decks);
        d.toggle_point(1, 0);
        let mut records = Vec::new();
        for pos in 0..2 {
            records.extend(d.confirm(pos, Grade::Good).unwrap());
        }
        for body in records {
            study.append(body, t0()).unwrap();
        }
        let full = study.stats(&decks, t0());
        assert_eq!(full.categories[0].mock_coverage, Some(1.0));
        study.close();
        drop(study);
        let cached = open();
        assert!(cached.resumed(), "resumed from the cache");
        let resumed = cached.stats(&decks, t0());
        assert_eq!(resumed.categories[0].mock_coverage, Some(1.0));
        assert_eq!(resumed.mock_scores, full.mock_scores);
        let records = crate::store::log::read(home.state_file()).unwrap().records;
        let reference = LogStudy::new(vec![], records, config.clone(), utc);
        assert_eq!(reference.stats(&decks, t0()).mock_scores, full.mock_scores);
    }

    fn study_log(home: &Home) -> crate::study::ReadOnlyLog {
        crate::study::ReadOnlyLog::new(home.state_file())
    }
}
