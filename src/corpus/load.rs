//! Loading a corpus from the bundled seeds or from files and folders.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use thiserror::Error;

use super::article::Article;
use super::intern::{self, Interner};
use super::people_index;
use super::seeds::SEEDS;

/// File endings read as plain-text articles.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];
/// Bytes looked at to decide that a file is binary.
const SNIFF_BYTES: usize = 8192;
/// Folders nested deeper than this are not entered (a guard against link cycles).
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone)]
pub enum Source {
    /// The four embedded seed articles.
    Seeds,
    /// Files and folders, in the order given.
    Paths(Vec<PathBuf>),
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{}: no such file or directory", shown(.0))]
    NotFound(PathBuf),
    #[error("{}: the folder holds no articles (looked for .txt and .md files)", shown(.0))]
    EmptyFolder(PathBuf),
    #[error("no articles could be read from the paths given")]
    NoArticles,
    #[error("{}: {source}", shown(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl LoadError {
    /// The process exit code documented in the README.
    pub fn exit_code(&self) -> i32 {
        2
    }
}

/// Why a file was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Binary,
    Unreadable(String),
    Unsupported,
    TooLarge,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Binary => write!(f, "binary file, skipped"),
            SkipReason::Unreadable(e) => write!(f, "cannot be read ({e}), skipped"),
            SkipReason::Unsupported => write!(f, "not a .txt or .md article, skipped"),
            SkipReason::TooLarge => write!(f, "larger than 4 GiB, skipped"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

/// A path as it may be shown on a terminal: a file name can hold escape sequences too.
pub fn shown(path: &Path) -> String {
    super::safe::printable_owned(path.display().to_string())
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", shown(&self.path), self.reason)
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", shown(&self.path), self.message)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

#[derive(Debug)]
pub struct LoadOutcome {
    pub corpus: Corpus,
    /// Bytes read from the files that loaded.
    pub bytes: u64,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
}

impl LoadOutcome {
    /// One line for stderr that sums up what was passed over, if anything was.
    pub fn summary(&self) -> Option<String> {
        if self.skipped.is_empty() && self.warnings.is_empty() {
            return None;
        }
        let unsupported = self.skipped.iter().filter(|s| s.reason == SkipReason::Unsupported).count();
        let failed = self.skipped.len() - unsupported;
        Some(format!(
            "loaded {} articles; skipped {} unreadable or binary files and {} other files; {} warnings",
            self.corpus.articles.len(),
            failed,
            unsupported,
            self.warnings.len()
        ))
    }
}

/// What a loader reports as it goes; articles arrive in store order.
#[derive(Debug)]
pub enum LoadEvent {
    /// The files to read are known.
    Found {
        files: usize,
        skipped: Vec<Skipped>,
    },
    /// The next articles, with the files passed over among them.
    Batch {
        articles: Vec<Article>,
        bytes: u64,
        skipped: Vec<Skipped>,
        warnings: Vec<Warning>,
    },
    /// Every file was read.
    Done,
    Failed(LoadError),
}

/// Files read and extracted together, on all cores, before the reader hears of them.
pub const BATCH: usize = 1024;

impl Corpus {
    pub fn load(source: &Source) -> Result<LoadOutcome, LoadError> {
        let mut articles = Vec::new();
        let mut total = 0;
        let (mut skipped, mut warnings) = (Vec::new(), Vec::new());
        let mut failure = None;
        stream(source, |event| {
            match event {
                LoadEvent::Found { skipped: s, .. } => skipped.extend(s),
                LoadEvent::Batch { articles: a, skipped: s, warnings: w, bytes } => {
                    total += bytes;
                    articles.extend(a);
                    skipped.extend(s);
                    warnings.extend(w);
                }
                LoadEvent::Done => {}
                LoadEvent::Failed(e) => failure = Some(e),
            }
            true
        });
        if let Some(e) = failure {
            return Err(e);
        }
        let mut corpus = Corpus { articles };
        corpus.finish();
        Ok(LoadOutcome { corpus, bytes: total, skipped, warnings })
    }

    pub fn seeds() -> LoadOutcome {
        let articles = SEEDS
            .iter()
            .map(|s| Article::parse(stem(Path::new(s.file_name)), format!("seeds/{}", s.file_name), s.text))
            .collect();
        let bytes = SEEDS.iter().map(|s| s.text.len() as u64).sum();
        LoadOutcome {
            corpus: Corpus::from_articles(articles),
            bytes,
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Build a corpus from parsed articles: resolves people across the whole corpus.
    pub fn from_articles(mut articles: Vec<Article>) -> Corpus {
        let mut interner = Interner::default();
        articles.iter_mut().for_each(|a| {
            intern::compact(a);
            interner.article(a);
        });
        let mut corpus = Corpus { articles };
        corpus.finish();
        corpus
    }

    /// What can only be done once every article is in: titled surnames resolved corpus-wide.
    pub fn finish(&mut self) {
        people_index::merge_across(&mut self.articles);
    }

    pub fn from_paths(paths: &[PathBuf]) -> Result<LoadOutcome, LoadError> {
        Corpus::load(&Source::Paths(paths.to_vec()))
    }
}

/// Fail fast on paths that do not exist, before any screen is drawn.
pub fn check_paths(source: &Source) -> Result<(), LoadError> {
    if let Source::Paths(paths) = source {
        for path in paths {
            fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => LoadError::NotFound(path.clone()),
                _ => LoadError::Io { path: path.clone(), source: e },
            })?;
        }
    }
    Ok(())
}

/// Find the files a source names, in store order, each with its id.
/// Files to read, each with the id it will have, and the files passed over.
type Found = (Vec<(PathBuf, String)>, Vec<Skipped>);

/// One file read and extracted: the article, its size in bytes and any warning.
type Read = Result<(Article, u64, Option<Warning>), Skipped>;

fn discover(paths: &[PathBuf]) -> Result<Found, LoadError> {
    check_paths(&Source::Paths(paths.to_vec()))?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            let mut seen = HashSet::new();
            walk(path, 0, &mut seen, &mut files, &mut skipped);
            if files.len() == before {
                return Err(LoadError::EmptyFolder(path.clone()));
            }
        } else if has_article_extension(path) {
            files.push(path.clone());
        } else {
            skipped.push(Skipped { path: path.clone(), reason: SkipReason::Unsupported });
        }
    }
    let mut ids = Ids::default();
    Ok((
        files
            .into_iter()
            .map(|p| {
                let id = ids.assign(&p);
                (p, id)
            })
            .collect(),
        skipped,
    ))
}

/// Load on a thread of its own, as the reader does: events arrive on the receiver, and the
/// loader stops when the receiver is dropped.
pub fn spawn(source: Source) -> std::sync::mpsc::Receiver<LoadEvent> {
    // A few batches in hand keep the cores busy without holding much of the corpus twice.
    let (tx, rx) = std::sync::mpsc::sync_channel(4);
    std::thread::spawn(move || stream(&source, |event| tx.send(event).is_ok()));
    rx
}

/// Read and extract a source batch by batch on all cores, reporting each step to `emit`; stops
/// early when `emit` returns false (the reader quit).
pub fn stream(source: &Source, mut emit: impl FnMut(LoadEvent) -> bool) {
    let paths = match source {
        Source::Seeds => {
            let seeds = Corpus::seeds();
            let bytes = SEEDS.iter().map(|s| s.text.len() as u64).sum();
            let _ = emit(LoadEvent::Found { files: SEEDS.len(), skipped: Vec::new() })
                && emit(LoadEvent::Batch {
                    articles: seeds.corpus.articles,
                    bytes,
                    skipped: Vec::new(),
                    warnings: Vec::new(),
                })
                && emit(LoadEvent::Done);
            return;
        }
        Source::Paths(paths) => paths,
    };
    let (files, skipped) = match discover(paths) {
        Ok(found) => found,
        Err(e) => {
            emit(LoadEvent::Failed(e));
            return;
        }
    };
    if !emit(LoadEvent::Found { files: files.len(), skipped }) {
        return;
    }
    // Shared by the workers: each takes it once per article, for a moment, so that no core
    // waits for a single-threaded step between batches.
    let interner = Mutex::new(Interner::default());
    let mut loaded = 0;
    for batch in files.chunks(BATCH) {
        let read: Vec<Read> = batch
            .par_iter()
            .map(|(path, id)| {
                let (text, warning) =
                    read_text(path).map_err(|reason| Skipped { path: path.clone(), reason })?;
                let warning = warning.map(|message| Warning { path: path.clone(), message });
                let mut article = Article::parse(id.clone(), path.display().to_string(), &text);
                intern::compact(&mut article);
                interner.lock().unwrap_or_else(PoisonError::into_inner).article(&mut article);
                Ok((article, text.len() as u64, warning))
            })
            .collect();
        let (mut articles, mut bytes, mut skipped, mut warnings) =
            (Vec::with_capacity(read.len()), 0, Vec::new(), Vec::new());
        for r in read {
            match r {
                Ok((a, n, w)) => {
                    articles.push(a);
                    bytes += n;
                    warnings.extend(w);
                }
                Err(s) => skipped.push(s),
            }
        }
        loaded += articles.len();
        if !emit(LoadEvent::Batch { articles, bytes, skipped, warnings }) {
            return;
        }
    }
    if loaded == 0 {
        emit(LoadEvent::Failed(LoadError::NoArticles));
    } else {
        emit(LoadEvent::Done);
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(|| "article".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Ids are file stems; a stem seen before gets its folder's name in front, then a number.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
}

impl Ids {
    fn assign(&mut self, path: &Path) -> String {
        let base = stem(path);
        let mut id = base.clone();
        if self.used.contains(&id)
            && let Some(parent) = path.parent().and_then(|p| p.file_name())
        {
            id = format!("{}-{base}", parent.to_string_lossy());
        }
        let mut n = 2;
        let first_try = id.clone();
        while self.used.contains(&id) {
            id = format!("{first_try}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// Collect article files under `dir`, sorted by path at every level.
fn walk(
    dir: &Path,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    // A folder reached twice through links is read once.
    if let Ok(real) = fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped { path: dir.to_path_buf(), reason: SkipReason::Unreadable(e.to_string()) });
            return;
        }
    };
    // The entry's own type needs no extra system call; only links are followed to see what
    // they point at.
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            (path, is_dir)
        })
        .collect();
    paths.sort_unstable();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, depth + 1, seen, files, skipped);
        } else if has_article_extension(&path) {
            files.push(path);
        } else if !is_hidden(&path) {
            skipped.push(Skipped { path, reason: SkipReason::Unsupported });
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Read a file as text. Binary files are refused; invalid UTF-8 is decoded with replacement
/// characters and a warning.
fn read_text(path: &Path) -> Result<(String, Option<String>), SkipReason> {
    let bytes = fs::read(path).map_err(|e| SkipReason::Unreadable(e.kind().to_string()))?;
    if u32::try_from(bytes.len()).is_err() {
        return Err(SkipReason::TooLarge);
    }
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return Err(SkipReason::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let bad_at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Ok((text, Some(format!("invalid UTF-8 at byte {bad_at}; decoded with replacement characters"))))
        }
    }
}
