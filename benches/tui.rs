//! Key press to rendered frame, on a TestBackend at 80x24: the budget is 2 ms.
//!
//! `cargo bench --bench tui`. Plain `Instant` loops; prints the mean, the 99th percentile and the worst run.

// The binary runs on mimalloc (src/main.rs); measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use prepdeck::core::deck::Deck;
use prepdeck::core::ids::{CardKey, RecordId};
use prepdeck::core::record::{Record, RecordBody};
use prepdeck::core::schedule::{SchedulerConfig, replay};
use prepdeck::core::stats::{MockHistory, Stats, stats};
use prepdeck::study::{DrillFilter, Overview, Study, StudyError};
use prepdeck::tui::app::App;
use prepdeck::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Every card is due; writes go nowhere. The bench measures the UI, not the disk.
struct AllDue;

impl Study for AllDue {
    fn overview(&self, _: &[Deck], _: DateTime<Utc>) -> Overview {
        Overview::default()
    }
    fn queue(&self, decks: &[Deck], _: &DrillFilter, _: DateTime<Utc>) -> Vec<CardKey> {
        decks
            .iter()
            .flat_map(|d| d.cards.iter().map(|c| d.key(c)))
            .collect()
    }
    fn preview(&self, _: &CardKey, _: DateTime<Utc>) -> Option<[Duration; 4]> {
        Some([
            Duration::minutes(10),
            Duration::days(2),
            Duration::days(4),
            Duration::days(9),
        ])
    }
    fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + Duration::days(1)
    }
    fn stats(&self, decks: &[Deck], now: DateTime<Utc>) -> Stats {
        let utc = FixedOffset::east_opt(0).expect("utc");
        let config = SchedulerConfig::default();
        let progress = replay(&[], &config);
        stats(decks, &progress, &MockHistory::default(), &config, now, utc)
    }
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        Ok(Record::new(RecordId::new("bench"), now, body))
    }
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn bench(name: &str, app: &mut App, keys: &[KeyCode], now: DateTime<Utc>) {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    app.resize(80, 24);
    let runs = 2000;
    let mut times: Vec<StdDuration> = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        let _ = app.handle_key(key(keys[i % keys.len()]), now);
        term.draw(|f| f.render_widget(app.view(now), f.area()))
            .expect("draw");
        times.push(t.elapsed());
        if std::env::var_os("BENCH_TRACE").is_some() && t.elapsed() > StdDuration::from_millis(1) {
            eprintln!("{name} run {i}: {:?}", t.elapsed());
        }
    }
    let mean = times.iter().sum::<StdDuration>() / runs as u32;
    times.sort();
    let p99 = times[runs * 99 / 100];
    println!(
        "{name:<40} mean {mean:>9.2?}  p99 {p99:>9.2?}  max {:>9.2?}",
        times[runs - 1]
    );
}

fn main() {
    let decks = prepdeck::store::decks::load_all(Path::new("/nonexistent"), &[]).decks;
    let now = Utc
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .expect("date");
    println!("key press + frame at 80x24 (TestBackend), budget 2 ms");

    let mut app = App::new(decks.clone(), Box::new(AllDue), Theme::colored(), now);
    bench(
        "home: move selection (j/k)",
        &mut app,
        &[KeyCode::Char('j'), KeyCode::Char('k')],
        now,
    );

    app.start_drill(DrillFilter::default(), now);
    bench(
        "drill question: clock tick (no-op key)",
        &mut app,
        &[KeyCode::F(12)],
        now,
    );

    let _ = app.handle_key(key(KeyCode::Char(' ')), now);
    bench(
        "drill answer: scroll (j/k)",
        &mut app,
        &[KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Char('k')],
        now,
    );
    bench(
        "drill answer: tick key point (Tab, x)",
        &mut app,
        &[KeyCode::Tab, KeyCode::Char('x')],
        now,
    );

    let mut app = App::new(decks.clone(), Box::new(AllDue), Theme::colored(), now);
    let _ = app.handle_key(key(KeyCode::Char('s')), now);
    bench(
        "statistics: next section / scroll",
        &mut app,
        &[KeyCode::Tab, KeyCode::Char('j')],
        now,
    );

    let mut app = App::new(decks, Box::new(AllDue), Theme::colored(), now);
    app.start_drill(DrillFilter::default(), now);
    bench(
        "drill: reveal + grade Good (next card)",
        &mut app,
        &[KeyCode::Char(' '), KeyCode::Char('3')],
        now,
    );
}
