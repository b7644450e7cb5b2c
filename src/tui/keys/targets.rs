//! The key contexts and actions of interview targets: the targets screen (list, what the job
//! stresses, requirements, plan, brief) and the form that adds one.

/// Where the candidate is among their targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetCtx {
    /// The targets and the selected one's tabs.
    List,
    /// The "new target" form (fields and the pasted job description).
    Form,
    /// "Remove this target?" was asked.
    ConfirmRemove,
}

impl TargetCtx {
    pub fn title(self) -> &'static str {
        match self {
            TargetCtx::List => "Interview targets",
            TargetCtx::Form => "New interview target",
            TargetCtx::ConfirmRemove => "Interview targets: remove?",
        }
    }
}

/// What a key asks for among the targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetAction {
    /// Home: open the targets screen.
    Open,
    /// A new target (the form).
    Add,
    /// Remove the selected target (asks first).
    Remove,
    ConfirmRemove,
    CancelRemove,
    /// Drill today's part of the target's plan, its cards first.
    Drill,
    /// Drill the weakest of the target's categories.
    Weakest,
    /// A mock interview drawn from the job (remembered for the next one).
    Mock,
    /// Form: next / previous field.
    NextField,
    PrevField,
    /// The plan's limits: one more / one fewer new card a day, ten more / fewer reviews.
    MoreNew,
    FewerNew,
    MoreReviews,
    FewerReviews,
    /// Mock interview setup: ask from the whole bank again (forget the remembered target).
    DropTarget,
    /// Form: check and save the target.
    Save,
    /// Form: close (asks first when something was typed).
    Cancel,
}

impl TargetAction {
    pub fn describe(self) -> &'static str {
        match self {
            TargetAction::Open => "interview targets (job description, date, plan, brief)",
            TargetAction::Add => "add a target: paste the job description, give a date",
            TargetAction::Remove => "remove the selected target (asks first)",
            TargetAction::ConfirmRemove => "yes, remove it",
            TargetAction::CancelRemove => "no, keep it",
            TargetAction::Drill => "drill today's part of the plan (the job's cards first)",
            TargetAction::Weakest => "drill the weakest of the job's categories",
            TargetAction::Mock => "mock interview drawn from the job",
            TargetAction::MoreNew => "the plan: one more new card a day (limit)",
            TargetAction::FewerNew => "the plan: one fewer new card a day (limit)",
            TargetAction::MoreReviews => "the plan: ten more reviews a day (limit)",
            TargetAction::FewerReviews => "the plan: ten fewer reviews a day (limit)",
            TargetAction::DropTarget => {
                "with a job target (named in the title): use the whole bank"
            }
            TargetAction::NextField => "next field",
            TargetAction::PrevField => "previous field",
            TargetAction::Save => "check and save the target",
            TargetAction::Cancel => "close the form (asks first when you typed something)",
        }
    }
}
