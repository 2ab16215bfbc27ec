//! The articles a reader holds and the index over them, as one value that changes in three
//! ways only: a batch of articles is added, the corpus is finished (people resolved across
//! it), or it is read through a snapshot. Whoever shows the corpus never resolves it or
//! rebuilds its index; it asks the store.

use std::sync::Arc;

use super::index::Index;
use super::{Article, Corpus};

/// The corpus and its index, shared with readers (a search worker) through snapshots.
#[derive(Debug, Clone, Default)]
pub struct Store {
    corpus: Arc<Corpus>,
    index: Arc<Index>,
    version: u64,
    finished: bool,
}

/// What a search needs of the store, at one version; cheap to take and to send to a thread.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The articles.
    pub corpus: Arc<Corpus>,
    /// The index over them.
    pub index: Arc<Index>,
    /// The store's version when it was taken (see `Store::version`).
    pub version: u64,
}

impl Store {
    /// A finished store over a corpus that is already whole (`Corpus::load`, the seeds).
    pub fn new(corpus: Corpus) -> Store {
        let index = Arc::new(Index::build(&corpus.articles));
        Store { corpus: Arc::new(corpus), index, version: 1, finished: true }
    }

    /// An empty store that batches will fill; `finish` once the last one is in.
    pub fn filling() -> Store {
        Store::default()
    }

    /// The articles, in the order they were added.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The articles.
    pub fn articles(&self) -> &[Article] {
        &self.corpus.articles
    }

    /// People, tags and titles interned over the articles.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Counts changes: anything computed from a snapshot of one version is stale at another.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether every article is in and resolved across the corpus.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Room for this many more articles at once: growing by doubling would hold two copies of
    /// the article list at its peak.
    pub fn reserve(&mut self, articles: usize) {
        Arc::make_mut(&mut self.corpus).articles.reserve_exact(articles);
        Arc::make_mut(&mut self.index).reserve(articles);
    }

    /// Add articles at the end. Changes in place when no snapshot is held (the reader adds
    /// batches only between searches), otherwise copies once.
    pub fn add_batch(&mut self, articles: Vec<Article>) {
        if articles.is_empty() {
            return;
        }
        let (corpus, index) = (Arc::make_mut(&mut self.corpus), Arc::make_mut(&mut self.index));
        for a in articles {
            index.add(&a);
            corpus.articles.push(a);
        }
        self.version += 1;
    }

    /// Every article is in: resolve people across the corpus (which can rename them) and index
    /// the result.
    pub fn finish(&mut self) {
        Arc::make_mut(&mut self.corpus).finish();
        // The old index goes before the new one is built: never two at once.
        self.index = Arc::default();
        self.index = Arc::new(Index::build(&self.corpus.articles));
        self.version += 1;
        self.finished = true;
    }

    /// The store as it is now, for a search on another thread.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot { corpus: Arc::clone(&self.corpus), index: Arc::clone(&self.index), version: self.version }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_then_finish_give_what_a_whole_load_gives() {
        let whole = Store::new(Corpus::seeds().corpus);
        let mut filling = Store::filling();
        assert!(!filling.is_finished());
        let mut articles = Corpus::seeds().corpus.articles;
        let rest = articles.split_off(2);
        filling.reserve(4);
        filling.add_batch(articles);
        let held = filling.snapshot();
        filling.add_batch(rest);
        assert_eq!(held.corpus.articles.len(), 2, "a snapshot keeps what it saw");
        assert!(filling.version() > held.version);
        filling.finish();
        assert!(filling.is_finished());
        assert_eq!(filling.index().people.names, whole.index().people.names);
        assert_eq!(filling.articles().len(), 4);
    }
}
