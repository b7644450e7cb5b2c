//! STAR detection read as a person reads (issue 11 item 4, 2026-12-06): what a sentence does
//! from where it stands and who does what, on kinds of answers written by strangers. Every
//! sentence is written for these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// The scene: a date told in full in a story told in the present, a terse note with no verb,
/// a learner's present after a past moment, a place with a duty handed over, the moment of
/// arriving, the speaker's own state before they act, what the speaker had, and the time
/// before the actions told after them. Without them, no scene.
#[test]
fn scenes_as_a_reader_finds_them() {
    let wrong = disagreements(&[
        (
            "Grocery wholesaler, 80 staff, 2021. I was asked to cut the invoice backlog. I \
             sorted the invoices by supplier and paid the oldest first. The backlog fell from \
             400 to 30 in a month.",
            &[Situation, Task, Action, Result],
        ),
        // A verbless note with no place or time sets no scene.
        (
            "Lots of meetings, lots of emails. I sorted the invoices by supplier and paid the \
             oldest first.",
            &[Action],
        ),
        (
            "In my last company, it is a small shop in Porto, we have a problem with the \
             stock counts. I wrote a script that read the tills every night.",
            &[Situation, Action],
        ),
        (
            "At the hospital I was asked to cut the time patients wait on the phone. I added \
             a call-back option and moved two clerks to the morning peak.",
            &[Situation, Task, Action],
        ),
        // A goal stated beside a place is no scene.
        (
            "At a housing charity our aim was to move rent payments online. I ran three \
             workshops with tenants and wrote the payment form with them.",
            &[Task, Action],
        ),
        (
            "When I join the clinic as IT lead, the wifi is patchy and the nurses are angry. \
             First I map the dead spots with a laptop, every ward. I add four access points \
             and I move the router to the corridor.",
            &[Situation, Action],
        ),
        (
            "I was the only IT person there. The server in the cupboard kept overheating. I \
             moved it to the cooler back office and fitted a fan.",
            &[Situation, Action],
        ),
        (
            "I had a junior analyst whose reports kept arriving late. I sat with him for a \
             week and built him a checklist.",
            &[Situation, Action],
        ),
        (
            "I had a row with our finance lead about the laptop budget. I apologised the next \
             day and rewrote the budget with her.",
            &[Situation, Action],
        ),
        // Told of the time before the actions: a scene, not an outcome.
        (
            "I set up a shared calendar for the whole office. Before that, bookings were made \
             by email.",
            &[Situation, Action],
        ),
        (
            "I moved our payroll onto a cloud service. Before that, payroll ran on a server \
             under a desk. Now it runs without anyone touching it.",
            &[Situation, Action, Result],
        ),
        (
            "In my last job I was known for being calm under pressure.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
    // "It's June 2019": the moment of a story told in the present, with its month.
    let cues = StarCues::detect(
        "So it's June 2019 and I've just started at a bakery chain. Then a store manager \
         loses the weekend orders. I rebuild the order list from the till receipts and I \
         ring each customer.",
    );
    assert!(cues.has(Situation), "{cues:?}");
    assert_eq!(cues.action.as_deref(), Some("I rebuild"), "{cues:?}");
}

/// The task as a reader finds it: a need with what it is for, a duty resting on the speaker,
/// a duty given in a clause joined to theirs, an order inside reported speech, a goal opening
/// a clause of a terse note, the speaker's share of a group's work, and a piece of work the
/// speaker led (which is then no step of theirs; leading a meeting is).
#[test]
fn tasks_as_a_reader_finds_them() {
    let task = |text: &str| StarCues::detect(text).task;
    assert_eq!(
        task(
            "It's 2020 and the print room keeps losing jobs. I need a queue that shows every \
             job and that the teachers can check themselves. I install a print server."
        )
        .as_deref(),
        Some("i need a queue")
    );
    assert_eq!(
        task(
            "I'm the office manager and it's on me to tell the staff about the new rota. I \
             wrote a one-page note."
        )
        .as_deref(),
        Some("it s on me to")
    );
    assert_eq!(
        task(
            "I joined a removals firm as head of IT and was asked to stop the van tablets \
             dropping offline. I swapped the SIMs to a second network."
        )
        .as_deref(),
        Some("was asked to")
    );
    assert!(
        task(
            "My manager phoned and said, this one is yours now, get the tills working by \
             Friday. I drove down and replaced the router."
        )
        .is_some()
    );
    assert_eq!(
        task(
            "Twelve shops, one engineer, goal was a working till in every shop before \
             Christmas. I rebuilt the tills one shop a night."
        )
        .as_deref(),
        Some("goal was")
    );
    assert_eq!(
        task(
            "We decided to move the finance reports into the cloud. My part was the data \
             model and the testing. I wrote the model."
        )
        .as_deref(),
        Some("my part was")
    );
    let led = StarCues::detect(
        "In 2019 I led the migration of our phones to Teams. I ran a pilot with the sales \
         floor and fixed the headsets.",
    );
    assert_eq!(led.task.as_deref(), Some("i led"), "{led:?}");
    assert_eq!(led.action.as_deref(), Some("I ran"), "{led:?}");
    let workshop = StarCues::detect(
        "I led a workshop with the warehouse staff and wrote down every complaint.",
    );
    assert_eq!(workshop.task, None, "{workshop:?}");
    assert_eq!(workshop.action.as_deref(), Some("I led"), "{workshop:?}");
    assert_eq!(
        task(
            "One of my engineers had rebuilt the backup jobs on his own time. It was \
             important to me that the board heard about it. I put his name on the report."
        )
        .as_deref(),
        Some("it was important to me that")
    );
    // A general truth in the present is no goal.
    assert_eq!(task("It is important to listen to the team."), None);
    // Nothing that rests on the speaker, nor a habit of making sure.
    assert_eq!(task("The report was on my desk by nine."), None);
    assert_eq!(task("I always make sure my team has what it needs."), None);
}

/// Outcomes as a reader finds them: a measure told from what it was to what it became, with
/// or without its verb; an achievement beside a judgement of its own clause; a terse note of
/// the end. No outcome in a hyphened noun ("the cut-over weekend"), in a claim of many things
/// or of experience, nor in a project claimed ("I did a project").
#[test]
fn outcomes_and_claims_as_a_reader_reads_them() {
    let wrong = disagreements(&[
        (
            "I moved the alerts into one channel and wrote a runbook per alarm. Next \
             quarter's figure: complaints from 30 a month to 4.",
            &[Action, Result],
        ),
        (
            "I moved the alerts into one channel. The managers were pleased and we passed the \
             audit with two minor findings.",
            &[Action, Result],
        ),
        (
            "I split the rollout into three waves and trained a champion per floor. Finished \
             a month before the deadline.",
            &[Action, Result],
        ),
        (
            "I wrote the migration plan and booked the engineers. That's where we are going \
             into the cut-over weekend.",
            &[Action],
        ),
        (
            "I split the rollout into three waves. It brought a lot of benefits to everyone.",
            &[Action],
        ),
        (
            "I've run quite a few projects like this. Generally I plan carefully.",
            &[],
        ),
        // A project claimed is no step and no outcome; placed in time, it is the scene.
        (
            "I did a data centre project a few years ago. It was a great experience.",
            &[Situation],
        ),
        ("I did the cabling myself over a weekend.", &[Action]),
        // A verb of change in a story told in the present, beside a judgement.
        (
            "Two years ago I work for a school as technician. My director ask me to fix the \
             projectors. I check every classroom and I replace the old cables. After this the \
             complaints stop and the director is happy.",
            &[Situation, Task, Action, Result],
        ),
        // An order right after the speech verb, with no comma.
        (
            "This was at a hotel group. My boss said sort it out before summer. I changed \
             the schedule of the sync job.",
            &[Situation, Task, Action],
        ),
        // What someone wanted is no outcome; a particle is no word of change.
        (
            "The finance director wanted month-end closed in three days instead of seven. I \
             automated the bank reconciliation.",
            &[Situation, Task, Action],
        ),
        ("I set up a ten-minute call for the night shift.", &[Action]),
        // Gathering people names no step; making everything better tells no outcome.
        ("I got the team together and we talked it through.", &[]),
        (
            "I rebuilt the test server from scratch. It made everything faster and simpler.",
            &[Action],
        ),
        (
            "I rebuilt the test server from scratch. It made the nightly build 40 minutes \
             faster.",
            &[Action, Result],
        ),
        ("Our goal was to go from 40 tickets a day to 10.", &[Task]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The post the speaker held then, told in the past with the story's time or place, sets the
/// scene ("In 2019 at a college I managed the service desk"); a piece of work run then is an
/// undertaking and sets it as before; without a time or place, or denied, no scene.
#[test]
fn a_post_held_then_sets_the_scene() {
    let wrong = disagreements(&[
        (
            "Two summers ago at a water company I ran the network team. I moved the depots \
             onto one firewall policy and wrote the change plan myself. Outages fell by half \
             that winter.",
            &[Situation, Action, Result],
        ),
        (
            "In 2019 at a sixth-form college I headed a team of four. I rebuilt the timetable \
             server over a weekend.",
            &[Situation, Action],
        ),
        (
            "Back in 2020 I oversaw the field engineers for a wholesaler. I replanned their van \
             routes with a planning tool.",
            &[Situation, Action],
        ),
        // No time or place: the post alone is no scene.
        (
            "I managed the field engineers. I replanned their van routes with a planning tool.",
            &[Action],
        ),
        // A denial is no post held.
        (
            "Last year at the depot I never managed anyone. I replanned the van routes with a \
             planning tool.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
