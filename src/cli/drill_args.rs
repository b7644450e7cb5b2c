//! The arguments of `prepdeck drill` (also used by `--target` drills) and the card kind on the
//! command line.

/// Which cards `prepdeck drill` takes, and how it runs.
#[derive(Debug, Clone, clap::Args)]
pub struct DrillArgs {
    /// Only cards of this category id (repeatable)
    #[arg(long, value_name = "ID")]
    pub category: Vec<String>,
    /// Only cards of this kind (repeatable)
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// At most this many cards [default: all due; 20 with --weakest or --practice]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Practise the N weakest categories (lowest readiness in `prepdeck stats`), due or
    /// not: due cards first, then the ones you are least likely to recall, then unseen ones
    #[arg(long, value_name = "N", conflicts_with = "category", value_parser = clap::value_parser!(u32).range(1..))]
    pub weakest: Option<u32>,
    /// Practise ahead of schedule: every card in the chosen decks/categories/kinds (with
    /// --weakest: of the weakest categories), due or not, weakest first, 20 unless --limit;
    /// grades are kept as practice and move no due date
    #[arg(long)]
    pub practice: bool,
    /// With --practice: count the grades as real reviews, so they reschedule the cards
    #[arg(long, requires = "practice")]
    pub reschedule: bool,
    /// Line mode, for screen readers and scripts: prompts end in `> `, grades are 1-4
    #[arg(long)]
    pub plain: bool,
    /// Favour this interview target's cards and do today's part of its plan (line mode
    /// for now; with --weakest: the weakest of the target's categories)
    #[arg(long, value_name = "NAME")]
    pub target: Option<String>,
}

impl DrillArgs {
    /// The cards these flags choose.
    pub fn filter(&self) -> crate::study::DrillFilter {
        crate::study::DrillFilter {
            decks: vec![],
            categories: self
                .category
                .iter()
                .map(|c| crate::core::ids::CategoryId::new(c.as_str()))
                .collect(),
            kinds: self.kind.iter().map(|k| (*k).into()).collect(),
            limit: self.limit,
            weakest: self.weakest.map(|n| n as usize),
            ahead: self.practice.then_some(if self.reschedule {
                crate::study::GradeAs::Review
            } else {
                crate::study::GradeAs::Practice
            }),
        }
    }
}

/// A card kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    #[value(alias = "behavioural")]
    Behavioral,
    Situational,
    Technical,
    Knowledge,
    Motivation,
}

impl From<KindArg> for crate::core::deck::Kind {
    fn from(k: KindArg) -> Self {
        use crate::core::deck::Kind;
        match k {
            KindArg::Behavioral => Kind::Behavioral,
            KindArg::Situational => Kind::Situational,
            KindArg::Technical => Kind::Technical,
            KindArg::Knowledge => Kind::Knowledge,
            KindArg::Motivation => Kind::Motivation,
        }
    }
}
