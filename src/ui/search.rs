//! Filtering off the UI thread. The app asks for a search (a `SearchJob`); a worker thread runs
//! it with its own engine and sends back the hits. Only the newest query matters: the worker
//! skips jobs that a newer one has overtaken and abandons a search as soon as one arrives.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::corpus::Snapshot;
use crate::filter::{Engine, Filters, Hit};

/// One search: the filters, and a snapshot of the store to run them on.
pub struct SearchJob {
    /// Counts every filter change; the app keeps only the answer to its latest.
    pub generation: u64,
    /// The store as it was; the engine's memo of the last search is good only within one of
    /// its versions.
    pub snapshot: Snapshot,
    /// What to search for.
    pub filters: Filters,
}

/// A search's answer.
#[derive(Debug)]
pub struct SearchDone {
    /// The filter change it answers.
    pub generation: u64,
    /// The articles that pass, in the order to list them.
    pub hits: Vec<Hit>,
    /// False for the fast tier of an answer (see `Engine::apply_until`): the rest follows.
    pub complete: bool,
}

/// A thread that runs searches, the newest first and only.
pub struct SearchWorker {
    jobs: Option<Sender<SearchJob>>,
    done: Receiver<SearchDone>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Start the thread.
    pub fn spawn() -> std::io::Result<SearchWorker> {
        let (jobs, inbox) = mpsc::channel::<SearchJob>();
        let (outbox, done) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || work(&inbox, &outbox, &newest))?;
        Ok(SearchWorker { jobs: Some(jobs), done, latest, thread: Some(thread) })
    }

    /// Hand a search to the worker; any search it is running for an older query stops.
    pub fn submit(&self, job: SearchJob) {
        self.latest.store(job.generation, Ordering::Relaxed);
        if let Some(jobs) = &self.jobs {
            // The worker only goes away with this handle, so sending cannot fail before then.
            let _ = jobs.send(job);
        }
    }

    /// The next finished search, waiting at most `wait` for one.
    pub fn finished(&self, wait: Duration) -> Option<SearchDone> {
        self.done.recv_timeout(wait).ok()
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        // Closing the channel ends the worker's loop; a search in progress is told to stop.
        self.latest.store(u64::MAX, Ordering::Relaxed);
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn work(inbox: &Receiver<SearchJob>, outbox: &Sender<SearchDone>, latest: &AtomicU64) {
    let mut engine = Engine::default();
    let mut version = None;
    while let Ok(mut job) = inbox.recv() {
        // Only the newest of the jobs waiting is worth running.
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        if job.generation != latest.load(Ordering::Relaxed) {
            continue;
        }
        if version != Some(job.snapshot.version) {
            engine.reset();
            version = Some(job.snapshot.version);
        }
        let generation = job.generation;
        let stop = || latest.load(Ordering::Relaxed) != generation;
        let mut sent = true;
        let mut partial = |hits: Vec<Hit>| {
            // An empty fast tier would only blank the list until the answer comes.
            if !hits.is_empty() {
                sent = outbox.send(SearchDone { generation, hits, complete: false }).is_ok();
            }
        };
        let hits =
            engine.apply_until(&job.snapshot.corpus, &job.snapshot.index, &job.filters, &stop, &mut partial);
        // The snapshot is let go before the answer is sent: the app may change the store as
        // soon as it has the answer, without copying it.
        drop(job);
        if !sent {
            return;
        }
        if let Some(hits) = hits
            && outbox.send(SearchDone { generation, hits, complete: true }).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::corpus::{Corpus, Store};

    fn job(generation: u64, query: &str) -> SearchJob {
        SearchJob {
            generation,
            snapshot: Store::new(Corpus::seeds().corpus).snapshot(),
            filters: Filters { query: query.to_string(), ..Filters::default() },
        }
    }

    #[test]
    fn the_newest_query_wins() {
        let worker = SearchWorker::spawn().expect("thread");
        for (g, q) in [(1, "h"), (2, "hu"), (3, "hunt")] {
            worker.submit(job(g, q));
        }
        // Older searches are skipped or abandoned; whatever comes back last answers "hunt".
        let mut last = None;
        while let Some(done) = worker.finished(Duration::from_secs(5)) {
            let finished_newest = done.generation == 3 && done.complete;
            last = Some(done);
            if finished_newest {
                break;
            }
        }
        let done = last.expect("an answer");
        assert_eq!(done.generation, 3);
        let mut engine = Engine::default();
        let j = job(3, "hunt");
        assert_eq!(done.hits, engine.apply(&j.snapshot.corpus, &j.snapshot.index, &j.filters));
    }
}
