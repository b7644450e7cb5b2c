//! The key contexts and actions of the candidate's own material: the card browser, a card's
//! detail page, the text box for a note or an answer, and the story bank.

/// Where the candidate is among their own material.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OwnCtx {
    /// The card browser's list.
    Browser,
    /// Typing in the browser's search box.
    Search,
    /// One card's detail page.
    Card,
    /// Writing a note or an answer in the app's text box.
    Text,
    /// The story bank.
    Stories,
}

impl OwnCtx {
    pub fn title(self) -> &'static str {
        match self {
            OwnCtx::Browser => "Card browser",
            OwnCtx::Search => "Card browser: searching",
            OwnCtx::Card => "Card browser: one card",
            OwnCtx::Text => "Writing a note or an answer",
            OwnCtx::Stories => "Story bank",
        }
    }
}

/// What a key asks for among the candidate's own material.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OwnAction {
    /// Home: open the card browser.
    Browse,
    /// Home and browser: search (the browser with the search box ready).
    Search,
    /// Home: open the story bank.
    Stories,
    /// Leave the search box (the search stays).
    LeaveSearch,
    FilterDeck,
    FilterCategory,
    FilterKind,
    FilterState,
    ClearFilters,
    /// Drill the card (or story) now, due or not.
    DrillNow,
    ToggleSuspend,
    /// A buried card back in today's queue.
    Unbury,
    EditNote,
    EditAnswer,
    EditNoteExternal,
    EditAnswerExternal,
    /// Select the next attempt (for promoting it).
    NextAttempt,
    /// Keep an attempt as "my answer".
    Promote,
    SaveText,
    CancelText,
    /// Story bank: create the file from the template.
    CreateStories,
    /// Story bank: open the file in `$EDITOR` at the story.
    EditStory,
    /// Story bank: drill the stories (spaced repetition).
    DrillStories,
    /// Story bank: switch between the stories and the coverage table.
    SwitchPane,
}

impl OwnAction {
    pub fn describe(self) -> &'static str {
        match self {
            OwnAction::Browse => "browse every card (search, filters, history, notes)",
            OwnAction::Search => "search the cards (question, answer, notes, tags)",
            OwnAction::Stories => "the story bank (STAR stories, coverage, drill)",
            OwnAction::LeaveSearch => "leave the search box (the search stays)",
            OwnAction::FilterDeck => "filter by deck (next)",
            OwnAction::FilterCategory => "filter by category (next)",
            OwnAction::FilterKind => "filter by kind (next)",
            OwnAction::FilterState => {
                "filter by state: new, learning, due, suspended, buried, leech"
            }
            OwnAction::ClearFilters => "clear the search and every filter",
            OwnAction::DrillNow => "drill it now (due or not)",
            OwnAction::ToggleSuspend => "suspend / unsuspend the card",
            OwnAction::Unbury => "unbury the card (back in today's queue)",
            OwnAction::EditNote => "write your note (in the app)",
            OwnAction::EditAnswer => "write your own answer (in the app)",
            OwnAction::EditNoteExternal => "write your note in $EDITOR",
            OwnAction::EditAnswerExternal => "write your own answer in $EDITOR",
            OwnAction::NextAttempt => "select the next attempt",
            OwnAction::Promote => "keep the attempt as your answer",
            OwnAction::SaveText => "save",
            OwnAction::CancelText => "cancel (asks first when you changed the text)",
            OwnAction::CreateStories => "create the story bank from the template",
            OwnAction::EditStory => "edit the story bank in $EDITOR (checked when you come back)",
            OwnAction::DrillStories => "drill your stories (recall each from its title)",
            OwnAction::SwitchPane => "switch between the stories and the coverage table",
        }
    }
}
