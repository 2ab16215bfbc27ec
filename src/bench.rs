//! `strike-reader bench`: load a corpus as the reader does, then type queries into the reader's
//! own filter one keystroke at a time, with the search on the reader's own worker thread, and
//! time each keystroke to the frame that shows its first answer (the title and entity tier)
//! and to the frame that shows the complete answer (text matches included).

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use crate::corpus::load;
use crate::corpus::{LoadError, LoadEvent, Source};
use crate::ui::app::App;
use crate::ui::prompt::Edit;
use crate::ui::search::SearchWorker;
use crate::ui::{Action, Keymap, Theme, update};

/// The queries typed when none is given: fuzzy, tag, exact, body, OR, NOT, prefix and suffix
/// (the engine's own timing types the same).
pub const DEFAULT_QUERIES: [&str; 9] = crate::filter::timing::QUERIES;
/// The frame size every keystroke is drawn at.
pub const SIZE: (u16, u16) = (160, 48);

/// Timings of one query, typed a key at a time.
#[derive(Debug, Serialize)]
pub struct QueryTiming {
    /// The query.
    pub query: String,
    /// Keys typed.
    pub keystrokes: usize,
    /// Articles listed after the last keystroke.
    pub hits: usize,
    /// Keystroke to the frame with its first answer, median.
    pub first_p50_ms: f64,
    /// Keystroke to the frame with its first answer, 99th percentile.
    pub first_p99_ms: f64,
    /// Keystroke to the frame with the complete answer, median.
    pub p50_ms: f64,
    /// Keystroke to the frame with the complete answer, 99th percentile.
    pub p99_ms: f64,
    /// The slowest keystroke to its complete answer.
    pub max_ms: f64,
}

/// Timings of one view of the coverage: the key that shows it, worked out over every article
/// and drawn.
#[derive(Debug, Serialize)]
pub struct ViewTiming {
    /// `time` (the Time tab), `figures_across` (the Figures tab over every article), `with`
    /// (the With tab, following the People cursor).
    pub view: String,
    /// Keystrokes timed.
    pub keystrokes: usize,
    /// Keystroke to its frame, median.
    pub p50_ms: f64,
    /// Keystroke to its frame, 99th percentile.
    pub p99_ms: f64,
}

/// What a bench run measured.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Articles loaded.
    pub articles: usize,
    /// Bytes read.
    pub bytes: u64,
    /// From the start to the last batch in and the corpus finished.
    pub load_ms: f64,
    /// Peak resident memory of the process.
    pub peak_rss_bytes: u64,
    /// One 160x48 frame, median.
    pub render_p50_ms: f64,
    /// One 160x48 frame, 99th percentile.
    pub render_p99_ms: f64,
    /// Per view of the coverage.
    pub views: Vec<ViewTiming>,
    /// Per query.
    pub queries: Vec<QueryTiming>,
}

/// Keystrokes timed per view (the With tab: one per person down the People tab, up to this).
const VIEW_KEYS: usize = 100;

/// Why a bench run failed.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The corpus did not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A frame could not be drawn, or the search thread did not start or answer.
    #[error("drawing a frame failed: {0}")]
    Draw(String),
}

/// How long a keystroke may wait for its answer before the bench gives up on it.
const ANSWER_WAIT: Duration = Duration::from_secs(60);

/// The nearest-rank percentile of timings in milliseconds.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Peak resident memory of this process, from /proc (0 where that is not available).
pub fn peak_rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Load `source` and type `queries`, timing everything.
pub fn run(source: &Source, queries: &[String]) -> Result<Report, BenchError> {
    let mut terminal =
        Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).map_err(|e| BenchError::Draw(e.to_string()))?;
    let mut draw = |app: &App| -> Result<f64, BenchError> {
        let t = Instant::now();
        terminal.draw(|f| f.render_widget(app, f.area())).map_err(|e| BenchError::Draw(e.to_string()))?;
        Ok(ms(t))
    };

    // The reader's own path: a loader thread, each batch taken into the app and drawn.
    let start = Instant::now();
    let events = load::spawn(source.clone());
    let mut app = App::loading(Keymap::default(), Theme::default_theme(false), SIZE);
    let mut bytes = 0;
    for event in events {
        match event {
            LoadEvent::Failed(e) => return Err(e.into()),
            LoadEvent::Batch { bytes: b, .. } => bytes += b,
            _ => {}
        }
        app.ingest(event);
        draw(&app)?;
    }
    let load_ms = ms(start);
    let mut renders = Vec::new();
    for _ in 0..50 {
        renders.push(draw(&app)?);
    }
    let views = time_views(&mut app, &mut draw)?;
    // From here on searches go to the worker, as in the reader.
    let worker = SearchWorker::spawn().map_err(|e| BenchError::Draw(e.to_string()))?;
    app.search_in_background();
    let mut timings = Vec::new();
    for q in queries {
        update(&mut app, Action::Filter);
        let (mut first, mut complete) = (Vec::new(), Vec::new());
        for c in q.chars() {
            let t = Instant::now();
            update(&mut app, Action::Edit(Edit::Insert(c)));
            let mut first_frame = None;
            if let Some(job) = app.take_search() {
                let generation = job.generation;
                worker.submit(job);
                loop {
                    let Some(done) = worker.finished(ANSWER_WAIT) else {
                        return Err(BenchError::Draw(format!("no answer to {q:?} within a minute")));
                    };
                    let last = done.generation == generation && done.complete;
                    app.search_done(done);
                    if first_frame.is_none() {
                        draw(&app)?;
                        first_frame = Some(ms(t));
                    }
                    if last {
                        break;
                    }
                }
            }
            draw(&app)?;
            let total = ms(t);
            first.push(first_frame.unwrap_or(total));
            complete.push(total);
        }
        let hits = app.list.hits.len();
        // Leave the query, then clear it, as a person would before the next one.
        update(&mut app, Action::Activate);
        update(&mut app, Action::Escape);
        first.sort_by(f64::total_cmp);
        complete.sort_by(f64::total_cmp);
        timings.push(QueryTiming {
            query: q.clone(),
            keystrokes: complete.len(),
            hits,
            first_p50_ms: percentile(&first, 50.0),
            first_p99_ms: percentile(&first, 99.0),
            p50_ms: percentile(&complete, 50.0),
            p99_ms: percentile(&complete, 99.0),
            max_ms: complete.last().copied().unwrap_or(0.0),
        });
    }
    renders.sort_by(f64::total_cmp);
    Ok(Report {
        articles: app.corpus().articles.len(),
        bytes,
        load_ms,
        peak_rss_bytes: peak_rss_bytes(),
        render_p50_ms: percentile(&renders, 50.0),
        render_p99_ms: percentile(&renders, 99.0),
        views,
        queries: timings,
    })
}

/// Each view's key, worked out afresh over the whole corpus and drawn, as when the list
/// changes under it: the Time tab (`6`), Figures across the coverage (`a`), and the With tab
/// following the cursor down the People tab (`j` then `c`, timed on `c`).
fn time_views(
    app: &mut App,
    draw: &mut dyn FnMut(&App) -> Result<f64, BenchError>,
) -> Result<Vec<ViewTiming>, BenchError> {
    let mut timed =
        |name: &str, app: &mut App, step: &mut dyn FnMut(&mut App)| -> Result<ViewTiming, BenchError> {
            let mut times = Vec::new();
            for _ in 0..VIEW_KEYS {
                let t = Instant::now();
                step(app);
                draw(app)?;
                times.push(ms(t));
            }
            times.sort_by(f64::total_cmp);
            Ok(ViewTiming {
                view: name.to_string(),
                keystrokes: times.len(),
                p50_ms: percentile(&times, 50.0),
                p99_ms: percentile(&times, 99.0),
            })
        };
    update(app, Action::FocusNext);
    update(app, Action::FocusNext);
    let time = timed("time", app, &mut |app| {
        app.sidebar.timeline_for = None;
        update(app, Action::TabPeople);
        update(app, Action::TabTime);
    })?;
    let figures = timed("figures_across", app, &mut |app| {
        app.sidebar.groups_for = None;
        app.sidebar.figures_all = false;
        update(app, Action::FiguresAcross);
    })?;
    update(app, Action::TabPeople);
    let mut row = 0;
    let with = timed("with", app, &mut |app| {
        update(app, Action::TabPeople);
        for _ in 0..row {
            update(app, Action::Down);
        }
        row += 1;
        update(app, Action::With);
    })?;
    update(app, Action::TabPeople);
    update(app, Action::Top);
    update(app, Action::FocusNext);
    Ok(vec![time, figures, with])
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "articles        {}", self.articles)?;
        writeln!(f, "bytes           {} ({:.1} MB)", self.bytes, self.bytes as f64 / 1e6)?;
        writeln!(
            f,
            "load_ms         {:.0} ({:.1} MB/s)",
            self.load_ms,
            self.bytes as f64 / 1e3 / self.load_ms.max(1e-9)
        )?;
        writeln!(
            f,
            "peak_rss_bytes  {} ({:.2}x the corpus)",
            self.peak_rss_bytes,
            self.peak_rss_bytes as f64 / self.bytes.max(1) as f64
        )?;
        writeln!(
            f,
            "render          p50 {:.2} ms, p99 {:.2} ms (one 160x48 frame)",
            self.render_p50_ms, self.render_p99_ms
        )?;
        for v in &self.views {
            writeln!(
                f,
                "view {:<14} p50 {:.2} ms, p99 {:.2} ms ({} keys, worked out and drawn)",
                v.view, v.p50_ms, v.p99_ms, v.keystrokes
            )?;
        }
        writeln!(
            f,
            "{:<18} {:>5} {:>8} {:>11} {:>11} {:>9} {:>9} {:>9}",
            "query", "keys", "hits", "first p50", "first p99", "p50 ms", "p99 ms", "max ms"
        )?;
        for q in &self.queries {
            writeln!(
                f,
                "{:<18} {:>5} {:>8} {:>11.2} {:>11.2} {:>9.2} {:>9.2} {:>9.2}",
                q.query, q.keystrokes, q.hits, q.first_p50_ms, q.first_p99_ms, q.p50_ms, q.p99_ms, q.max_ms
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&[3.0], 99.0), 3.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn a_bench_run_on_the_seeds() {
        let r = run(&Source::Seeds, &["capaldi".to_string()]).expect("bench runs");
        assert_eq!(r.articles, 4);
        assert_eq!(r.queries[0].keystrokes, 7);
        assert_eq!(r.queries[0].hits, 1);
        assert!(r.peak_rss_bytes > 0);
    }
}
