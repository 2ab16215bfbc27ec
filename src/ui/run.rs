//! The terminal: entering and leaving it cleanly, and the event loop.

use std::io::{self, IsTerminal, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use std::sync::mpsc::{Receiver, RecvTimeoutError};

use super::app::{App, update};
use super::search::SearchWorker;
use crate::corpus::LoadEvent;
use crate::state::ReadingState;

/// How long the loop waits for an event before checking for signals.
const POLL: Duration = Duration::from_millis(200);

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Standard output is a pipe or a file.
    #[error("the reader needs a terminal; use `strike-reader export` to print to a pipe or file")]
    NotATerminal,
    /// The terminal failed.
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
}

fn restore() {
    // Best effort: each step may fail when the terminal is already gone.
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, DisableMouseCapture, crossterm::cursor::Show);
}

/// Raw mode, the alternate screen and mouse capture for as long as it lives.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// SIGTERM or SIGHUP ask the loop to stop. When the terminal has gone away, crossterm can be
/// stuck reading end-of-file and never come back to the loop; so if the loop has not ended
/// shortly after the signal, the terminal is restored from here and the process exits.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            restore();
            std::process::exit(0);
        }
    });
    Ok(())
}

/// How long the loop has to end by itself after a signal.
const GRACE: Duration = Duration::from_millis(600);

/// How long the loop waits for a search's answer before it draws without it.
const FRAME: Duration = Duration::from_millis(12);

/// How often a filtered list is searched again while articles are arriving.
const SEARCH_WHILE_LOADING: Duration = Duration::from_millis(250);

/// How long the loop waits for a key while articles are still arriving.
const POLL_LOADING: Duration = Duration::from_millis(15);

/// Marks are written at most this often while the reader runs, and once more as it ends.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Hands the app's changed marks to the state file, now and then and at the end.
struct Saver<'a> {
    state: Option<&'a mut ReadingState>,
    last: Instant,
    failed: bool,
}

impl Saver<'_> {
    fn save(&mut self, app: &mut App, now: bool) -> bool {
        let Some(state) = self.state.as_deref_mut() else {
            app.marks_changed.clear();
            return false;
        };
        for (key, marks) in app.marks_changed.drain(..) {
            state.set(key, marks);
        }
        // After a failure, one more try as the reader ends rather than a message a second.
        if !state.has_pending() || !(now || !self.failed && self.last.elapsed() >= SAVE_EVERY) {
            return false;
        }
        self.last = Instant::now();
        match state.save() {
            Ok(note) => {
                app.messages.extend(note);
                // What other readers marked meanwhile shows here too.
                app.marks = state.marks().collect();
            }
            Err(e) => {
                self.failed = true;
                app.messages.push(format!("{e}; marks are kept for another try"));
            }
        }
        true
    }
}

/// Run the reader until the user quits or a SIGTERM/SIGHUP arrives. Articles may still be
/// arriving from a loader thread through `loader`; marks are saved to `state` as they change.
pub fn run(
    mut app: App,
    loader: Option<Receiver<LoadEvent>>,
    state: Option<&mut ReadingState>,
) -> Result<App, RunError> {
    if !io::stdout().is_terminal() {
        return Err(RunError::NotATerminal);
    }
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let _guard = TerminalGuard::enter()?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let size = terminal.size()?;
    update(&mut app, super::Action::Resize { width: size.width, height: size.height });

    let worker = SearchWorker::spawn()?;
    app.search_in_background();
    // The generation of the search the worker has, until its answer is in.
    let mut in_flight: Option<u64> = None;
    let mut last_search: Option<Instant> = None;
    let mut dirty = true;
    let mut loader = loader;
    let mut saver = Saver { state, last: Instant::now(), failed: false };
    while !app.quit && app.fatal.is_none() && !stop.load(Ordering::Relaxed) {
        // Keys first: every key already typed is handled before more articles are taken in.
        let busy = dirty || in_flight.is_some() || loader.is_some() && app.loading.is_some();
        if event::poll(if busy { Duration::ZERO } else { POLL })? {
            while {
                let ev = event::read()?;
                if let Some(action) = app.keymap.action_for(&ev, app.typing()) {
                    update(&mut app, action);
                    dirty = true;
                }
                !app.quit && event::poll(Duration::ZERO)?
            } {}
            if app.quit {
                break;
            }
        }
        if let Some(url) = app.link_to_open.take() {
            app.flash = Some(match super::opener::open(&url) {
                Ok(()) => format!("opened {}", crate::corpus::safe::escaped(&url)),
                Err(e) => e.to_string(),
            });
            dirty = true;
        }
        dirty |= saver.save(&mut app, false);
        // Articles go in only between searches, when the worker holds no snapshot of the store.
        if in_flight.is_none()
            && let Some(rx) = &loader
        {
            match rx.recv_timeout(if dirty { Duration::ZERO } else { POLL_LOADING }) {
                Ok(event) => {
                    app.ingest(event);
                    dirty = true;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => loader = None,
            }
        }
        // While loading, the list is searched again now and then rather than after every batch.
        let due = app.loading.is_none() || last_search.is_none_or(|t| t.elapsed() >= SEARCH_WHILE_LOADING);
        // A newer query goes out at once: the worker drops the older search for it.
        if due && let Some(job) = app.take_search() {
            in_flight = Some(job.generation);
            last_search = Some(Instant::now());
            worker.submit(job);
        }
        if in_flight.is_some() {
            // A quick search is drawn with its answer, in one frame rather than two.
            if let Some(done) = worker.finished(FRAME) {
                if in_flight == Some(done.generation) && done.complete {
                    in_flight = None;
                }
                app.search_done(done);
                dirty = true;
            }
        }
        if dirty {
            terminal.draw(|f| f.render_widget(&app, f.area()))?;
            dirty = false;
        }
    }
    saver.save(&mut app, true);
    Ok(app)
}
