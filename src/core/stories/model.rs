//! A story of the bank, as read from `stories.toml`.

use serde::Serialize;

/// One STAR story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Stable id (`[a-z0-9-]+`): drill progress is kept by it.
    pub id: String,
    pub title: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    /// What changed, ideally with a figure.
    pub result: String,
    /// Words or category ids of the competencies the story proves.
    pub competencies: Vec<String>,
    /// The 90-second version.
    pub short: Option<String>,
    /// Extra words to find the story by (people, systems, places).
    pub tags: Vec<String>,
    /// 1-based line of the story's `[[story]]` header.
    pub line: usize,
}

impl Story {
    /// The whole story as one text: title, S, T, A, R, the short version.
    pub fn full_text(&self) -> String {
        let mut s = format!(
            "{}\n{}\n{}\n{}\n{}",
            self.title, self.situation, self.task, self.action, self.result
        );
        if let Some(short) = &self.short {
            s.push('\n');
            s.push_str(short);
        }
        s
    }

    /// Whether the result gives a figure.
    pub fn result_has_figure(&self) -> bool {
        super::has_figure(&self.result)
    }
}

/// Every story of the file, in file order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoryBank {
    pub stories: Vec<Story>,
}

impl StoryBank {
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }
}
