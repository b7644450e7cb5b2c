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
    use crate::core::session::test_support::{finished_interview, t0};

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
}
