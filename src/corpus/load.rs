//! Loading a corpus from the bundled seeds or from files and folders.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use thiserror::Error;

use super::article::Article;
use super::decode::{self, NotText};
use super::formats::{self, Document, Format};
use super::intern::{self, Interner};
use super::resolve;
use super::seeds::SEEDS;

/// The path that names standard input.
pub const STDIN: &str = "-";
/// A file of one article larger than this is not an article (a log, a dump, a book).
const ARTICLE_FILE_MAX: u64 = 32 << 20;
/// A dataset file (JSON, CSV, a feed) is read whole; past this it would not fit comfortably.
const DATASET_FILE_MAX: u64 = 2 << 30;
/// Folders nested deeper than this are not entered (a guard against link cycles).
const MAX_DEPTH: usize = 64;

/// What to load a corpus from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The four embedded seed articles.
    Seeds,
    /// Files and folders, in the order given.
    Paths(Vec<PathBuf>),
}

/// Why no corpus could be loaded: every variant is bad input (exit code 2).
#[derive(Debug, Error)]
pub enum LoadError {
    /// A path given does not exist.
    #[error("{}: no such file or directory", shown(.0))]
    NotFound(PathBuf),
    /// A folder given holds no file of a kind that can be read.
    #[error("{}: the folder holds no articles (looked for {})", shown(.0), extension_list())]
    EmptyFolder(PathBuf),
    /// With why each file was passed over, for the caller to show.
    #[error("no articles could be read from the paths given")]
    NoArticles {
        /// One line per file passed over and per warning, ready to print; filled in by
        /// `Corpus::load`, empty in a `LoadEvent::Failed`.
        passed_over: Vec<String>,
    },
    /// A path given exists but could not be looked at.
    #[error("{}: {source}", shown(path))]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
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
    /// A zero byte near the top: not text.
    Binary,
    /// Nothing but whitespace.
    Empty,
    /// Opening or reading it failed, with the error in words.
    Unreadable(String),
    /// An extension the loader does not read.
    Unsupported,
    /// Larger than a file of its kind may be.
    TooLarge {
        /// The file's size, in bytes.
        bytes: u64,
        /// The most a file of its kind may hold, in bytes.
        limit: u64,
    },
    /// The file is not what its name says (invalid JSON, a CSV without a text column).
    Malformed(String),
    /// It parsed, but holds no article.
    NoArticles,
    /// A folder reached a second time through a link.
    SeenBefore,
    /// A named pipe, socket or device: reading one could wait for ever or have effects.
    NotRegular(&'static str),
    /// A link to nothing.
    BrokenLink,
    /// It was there when the folder was read, and no longer when the file was opened.
    Gone,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Binary => write!(f, "binary file, skipped"),
            SkipReason::Empty => write!(f, "empty file, skipped"),
            SkipReason::Unreadable(e) => write!(f, "cannot be read ({e}), skipped"),
            SkipReason::Unsupported => write!(f, "not an article file ({}), skipped", extension_list()),
            SkipReason::TooLarge { bytes, limit } => write!(
                f,
                "{} MiB, more than the {} MiB a file of this kind may hold, skipped",
                bytes >> 20,
                limit >> 20
            ),
            SkipReason::Malformed(why) => write!(f, "{why}, skipped"),
            SkipReason::NoArticles => write!(f, "holds no articles, skipped"),
            SkipReason::SeenBefore => write!(f, "a link to a folder already read, skipped"),
            SkipReason::NotRegular(kind) => write!(f, "{kind}, not a regular file, skipped"),
            SkipReason::BrokenLink => write!(f, "a link to a file that does not exist, skipped"),
            SkipReason::Gone => write!(f, "gone while loading"),
        }
    }
}

/// A file passed over, and why; its `Display` is the line shown to the user.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// The file, as found (not yet escaped for display).
    pub path: PathBuf,
    /// Why it gave no article.
    pub reason: SkipReason,
}

/// Something off about a file that did load: an encoding guessed, a record passed over.
#[derive(Debug, Clone)]
pub struct Warning {
    /// The file, as found (not yet escaped for display).
    pub path: PathBuf,
    /// What was off, in words.
    pub message: String,
}

fn extension_list() -> String {
    formats::EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect::<Vec<_>>().join(" ")
}

/// A path as it may be shown on a terminal or written to an export: a file name can hold
/// control characters and escape sequences, which are shown escaped (`\n`, `\x1b`).
pub fn shown(path: &Path) -> String {
    if is_stdin(path) {
        return "(stdin)".to_string();
    }
    super::safe::escaped_path(path)
}

/// What a file that is not a regular file (nor a folder) is, in words.
fn kind_of(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        } else if file_type.is_socket() {
            return "a socket";
        } else if file_type.is_char_device() {
            return "a character device";
        } else if file_type.is_block_device() {
            return "a block device";
        }
    }
    let _ = file_type;
    "a special file"
}

/// Files that vanished between the folder walk and reading them (a folder being cleaned up or
/// rotated under the reader): one line however many there are, rather than one each.
#[derive(Debug, Clone, Default)]
pub struct Gone {
    count: usize,
    first: Option<PathBuf>,
}

impl Gone {
    /// Count one more vanished file.
    pub fn add(&mut self, path: &Path) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some(path.to_path_buf());
        }
    }

    /// `dir/a.txt: gone while loading` for one file, `37 files gone while loading (dir/a.txt
    /// and 36 others)` for more.
    pub fn line(&self) -> Option<String> {
        let first = shown(self.first.as_deref()?);
        Some(match self.count {
            1 => format!("{first}: {}", SkipReason::Gone),
            n => format!("{n} files gone while loading ({first} and {} other{})", n - 1, plural(n - 1)),
        })
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One line per file passed over, in order, with every file that vanished summed up in one.
pub fn passed_over_lines(skipped: &[Skipped]) -> Vec<String> {
    let mut gone = Gone::default();
    let mut lines = Vec::with_capacity(skipped.len());
    let mut gone_at = None;
    for s in skipped {
        if s.reason == SkipReason::Gone {
            gone.add(&s.path);
            gone_at.get_or_insert(lines.len());
        } else {
            lines.push(s.to_string());
        }
    }
    if let (Some(at), Some(line)) = (gone_at, gone.line()) {
        lines.insert(at, line);
    }
    lines
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

/// The articles loaded; an article's position in `articles` is how the index and the reader
/// refer to it.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Every article: paths in the order given, a folder's files sorted by path.
    pub articles: Vec<Article>,
}

/// A corpus and what happened loading it.
#[derive(Debug)]
pub struct LoadOutcome {
    /// The articles, with people resolved across the corpus.
    pub corpus: Corpus,
    /// Bytes read from the files that loaded.
    pub bytes: u64,
    /// Files passed over, in the order met.
    pub skipped: Vec<Skipped>,
    /// Notes on files that loaded.
    pub warnings: Vec<Warning>,
}

impl LoadOutcome {
    /// One line for stderr that sums up what was passed over, if anything was.
    pub fn summary(&self) -> Option<String> {
        if self.skipped.is_empty() && self.warnings.is_empty() {
            return None;
        }
        let unsupported = self
            .skipped
            .iter()
            .filter(|s| matches!(s.reason, SkipReason::Unsupported | SkipReason::NotRegular(_)))
            .count();
        let failed = self.skipped.len() - unsupported;
        let count = |n: usize, what: &str| format!("{n} {what}{}", plural(n));
        Some(format!(
            "loaded {}; skipped {} that could not be read and {} of other kinds; {}",
            count(self.corpus.articles.len(), "article"),
            count(failed, "file"),
            count(unsupported, "file"),
            count(self.warnings.len(), "warning")
        ))
    }
}

/// What a loader reports as it goes; articles arrive in store order.
#[derive(Debug)]
pub enum LoadEvent {
    /// The files to read are known.
    Found {
        /// Files that will be read (and reported on in `Batch`es).
        files: usize,
        /// Paths passed over before reading: other kinds of file, special files, broken links.
        skipped: Vec<Skipped>,
    },
    /// The next articles, with the files passed over among them.
    Batch {
        /// Files this batch covers (a dataset file gives many articles).
        files: usize,
        /// Articles extracted, people not yet resolved across the corpus.
        articles: Vec<Article>,
        /// Bytes read from the batch's files that loaded.
        bytes: u64,
        /// The batch's files that gave no article.
        skipped: Vec<Skipped>,
        /// Notes on the batch's files that loaded.
        warnings: Vec<Warning>,
    },
    /// Every file was read.
    Done,
    /// Nothing can be loaded; the last event sent.
    Failed(LoadError),
}

/// Files read and extracted together, on all cores, before the reader hears of them.
pub const BATCH: usize = 1024;

impl Corpus {
    /// Load every article a source names, on all cores, and resolve people across them; fails
    /// when a path does not exist, a folder holds nothing readable or no file gives an article.
    pub fn load(source: &Source) -> Result<LoadOutcome, LoadError> {
        let mut articles = Vec::new();
        let mut total = 0;
        let (mut skipped, mut warnings) = (Vec::new(), Vec::new());
        let mut failure = None;
        stream(source, |event| {
            match event {
                LoadEvent::Found { skipped: s, .. } => skipped.extend(s),
                LoadEvent::Batch { articles: a, skipped: s, warnings: w, bytes, .. } => {
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
        if let Some(mut e) = failure {
            if let LoadError::NoArticles { passed_over } = &mut e {
                passed_over.extend(passed_over_lines(&skipped));
                passed_over.extend(warnings.iter().map(ToString::to_string));
            }
            return Err(e);
        }
        let mut corpus = Corpus { articles };
        corpus.finish();
        Ok(LoadOutcome { corpus, bytes: total, skipped, warnings })
    }

    /// The bundled seed articles, resolved; cannot fail.
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

    /// What can only be done once every article is in: people resolved corpus-wide.
    pub fn finish(&mut self) {
        resolve::resolve(&mut self.articles);
    }

    /// `load` from files and folders, in the order given.
    pub fn from_paths(paths: &[PathBuf]) -> Result<LoadOutcome, LoadError> {
        Corpus::load(&Source::Paths(paths.to_vec()))
    }
}

/// Fail fast on paths that do not exist, before any screen is drawn.
pub fn check_paths(source: &Source) -> Result<(), LoadError> {
    if let Source::Paths(paths) = source {
        for path in paths.iter().filter(|p| !is_stdin(p)) {
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

/// One file read and extracted: its articles, its size in bytes and any warnings.
type Read = Result<(Vec<Article>, u64, Vec<Warning>), Skipped>;

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
        } else if is_stdin(path) {
            files.push(path.clone());
        } else {
            // Named directly, a FIFO or a device is still not opened: it could block for ever.
            let reason = match fs::metadata(path) {
                Ok(m) if !m.is_file() => Some(SkipReason::NotRegular(kind_of(m.file_type()))),
                Ok(_) if Format::of(path).is_some() => None,
                Ok(_) => Some(SkipReason::Unsupported),
                Err(e) => Some(SkipReason::Unreadable(e.kind().to_string())),
            };
            match reason {
                None => files.push(path.clone()),
                Some(reason) => skipped.push(Skipped { path: path.clone(), reason }),
            }
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
                    files: SEEDS.len(),
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
                let skip = |reason| Skipped { path: path.clone(), reason };
                let (format, documents, bytes, notes) = read_documents(path).map_err(skip)?;
                if documents.is_empty() {
                    return Err(skip(SkipReason::NoArticles));
                }
                let shown_path = shown(path);
                // A dataset's records are numbered after the file's id; its articles are
                // extracted on all cores like files are.
                let numbered = format.holds_many() || documents.len() > 1;
                let articles = documents
                    .into_par_iter()
                    .enumerate()
                    .map(|(i, doc)| {
                        let id = if numbered { format!("{id}:{}", i + 1) } else { id.clone() };
                        let mut article = Article::from_document(id, shown_path.clone(), doc);
                        intern::compact(&mut article);
                        interner.lock().unwrap_or_else(PoisonError::into_inner).article(&mut article);
                        article
                    })
                    .collect();
                let warnings =
                    notes.into_iter().map(|message| Warning { path: path.clone(), message }).collect();
                Ok((articles, bytes, warnings))
            })
            .collect();
        let (mut articles, mut bytes, mut skipped, mut warnings) =
            (Vec::with_capacity(read.len()), 0, Vec::new(), Vec::new());
        for r in read {
            match r {
                Ok((a, n, w)) => {
                    articles.extend(a);
                    bytes += n;
                    warnings.extend(w);
                }
                Err(s) => skipped.push(s),
            }
        }
        loaded += articles.len();
        if !emit(LoadEvent::Batch { files: batch.len(), articles, bytes, skipped, warnings }) {
            return;
        }
    }
    if loaded == 0 {
        emit(LoadEvent::Failed(LoadError::NoArticles { passed_over: Vec::new() }));
    } else {
        emit(LoadEvent::Done);
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

fn stem(path: &Path) -> String {
    if is_stdin(path) {
        return "stdin".to_string();
    }
    path.file_stem().map_or_else(|| "article".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Ids are file stems; a stem seen before gets its folder's name in front, then a number.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
}

impl Ids {
    fn assign(&mut self, path: &Path) -> String {
        // Escaped before they are told apart: two names that look the same are two ids.
        let base = super::safe::escaped_owned(stem(path));
        let mut id = base.clone();
        if self.used.contains(&id)
            && let Some(parent) = path.parent().and_then(|p| p.file_name())
        {
            id = format!("{}-{base}", super::safe::escaped(&parent.to_string_lossy()));
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
        skipped.push(Skipped { path: dir.to_path_buf(), reason: SkipReason::SeenBefore });
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            skipped.push(Skipped { path: dir.to_path_buf(), reason: SkipReason::Gone });
            return;
        }
        Err(e) => {
            skipped.push(Skipped { path: dir.to_path_buf(), reason: SkipReason::Unreadable(e.to_string()) });
            return;
        }
    };
    // The entry's own type needs no extra system call; only links are followed to see what
    // they point at.
    let mut paths: Vec<(PathBuf, Entry)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let entry = match e.file_type() {
                Ok(t) if !t.is_symlink() => Entry::of(t),
                _ => match fs::metadata(&path) {
                    Ok(m) => Entry::of(m.file_type()),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Entry::Bad(SkipReason::BrokenLink),
                    Err(e) => Entry::Bad(SkipReason::Unreadable(e.kind().to_string())),
                },
            };
            (path, entry)
        })
        .collect();
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (path, entry) in paths {
        let article = Format::of(&path).is_some();
        let reason = match entry {
            Entry::Folder => {
                walk(&path, depth + 1, seen, files, skipped);
                continue;
            }
            Entry::File if article => {
                files.push(path);
                continue;
            }
            // Hidden files of other kinds are left alone, unmentioned.
            _ if !article && is_hidden(&path) => continue,
            Entry::File => SkipReason::Unsupported,
            // Never opened: opening a FIFO waits for a writer, for ever if none comes.
            Entry::Special(kind) => SkipReason::NotRegular(kind),
            Entry::Bad(reason) if article => reason,
            Entry::Bad(_) => SkipReason::Unsupported,
        };
        skipped.push(Skipped { path, reason });
    }
}

/// What a folder entry is, links followed.
enum Entry {
    Folder,
    File,
    Special(&'static str),
    /// A link that cannot be followed.
    Bad(SkipReason),
}

impl Entry {
    fn of(file_type: fs::FileType) -> Entry {
        if file_type.is_dir() {
            Entry::Folder
        } else if file_type.is_file() {
            Entry::File
        } else {
            Entry::Special(kind_of(file_type))
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Read a file (or standard input) and parse it in the format its name says. What was not
/// plain UTF-8, and records that failed, come back as notes.
fn read_documents(path: &Path) -> Result<(Format, Vec<Document>, u64, Vec<String>), SkipReason> {
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => SkipReason::Gone,
        kind => SkipReason::Unreadable(kind.to_string()),
    };
    let (bytes, format) = if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), DATASET_FILE_MAX + 1),
            &mut bytes,
        )
        .map_err(unreadable)?;
        check_size(bytes.len() as u64, DATASET_FILE_MAX)?;
        (bytes, None)
    } else {
        let format = Format::of(path).unwrap_or(Format::Text);
        // The size is checked before anything is read: a huge file costs no memory to refuse.
        // Asked of the open file, it costs no more system calls than `fs::read` makes anyway.
        let limit = if format.holds_many() { DATASET_FILE_MAX } else { ARTICLE_FILE_MAX };
        let mut file = open(path).map_err(unreadable)?;
        let meta = file.metadata().map_err(unreadable)?;
        // The walk saw a regular file; this is what was opened, should it have been swapped.
        if !meta.is_file() {
            return Err(SkipReason::NotRegular(kind_of(meta.file_type())));
        }
        let size = meta.len();
        check_size(size, limit)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(unreadable)?;
        (bytes, Some(format))
    };
    let size = bytes.len() as u64;
    // Pages and feeds may say what they are encoded in; other files cannot.
    let declared = match format {
        Some(Format::Html | Format::Feed) => decode::declared(&bytes),
        _ => None,
    };
    let (text, note) = decode::text(bytes, declared).map_err(|e| match e {
        NotText::Binary => SkipReason::Binary,
        NotText::Empty => SkipReason::Empty,
    })?;
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    let parsed = formats::parse(format, text).map_err(|e| SkipReason::Malformed(e.0))?;
    let notes = note.into_iter().chain(parsed.problems).collect();
    Ok((format, parsed.documents, size, notes))
}

/// Open for reading without waiting: a FIFO put where a file was found would otherwise block
/// the open until a writer came. Reading a regular file is the same either way.
fn open(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

fn check_size(bytes: u64, limit: u64) -> Result<(), SkipReason> {
    if bytes > limit { Err(SkipReason::TooLarge { bytes, limit }) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_of(n: usize) -> tempfile::TempDir {
        let dir = tempfile::TempDir::new().expect("tempdir");
        for i in 0..n {
            fs::write(dir.path().join(format!("{i:02}.txt")), format!("Story {i}\n\nJeremy Hunt spoke.\n"))
                .expect("write");
        }
        dir
    }

    /// Load a folder, deleting some of its files between the walk and the reading, as a clean-up
    /// running beside the reader would.
    fn load_deleting(dir: &Path, delete: &[&str]) -> (usize, Vec<Skipped>) {
        let (mut articles, mut skipped) = (0, Vec::new());
        stream(&Source::Paths(vec![dir.to_path_buf()]), |event| {
            match event {
                LoadEvent::Found { .. } => {
                    for name in delete {
                        fs::remove_file(dir.join(name)).expect("remove");
                    }
                }
                LoadEvent::Batch { articles: a, skipped: s, .. } => {
                    articles += a.len();
                    skipped.extend(s);
                }
                _ => {}
            }
            true
        });
        (articles, skipped)
    }

    #[test]
    fn a_file_gone_while_loading_says_so_in_one_line() {
        let dir = folder_of(3);
        let (articles, skipped) = load_deleting(dir.path(), &["01.txt"]);
        assert_eq!(articles, 2);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].reason, SkipReason::Gone);
        let lines = passed_over_lines(&skipped);
        assert_eq!(lines, [format!("{}: gone while loading", shown(&dir.path().join("01.txt")))]);
    }

    #[test]
    fn many_files_gone_while_loading_are_summed_up() {
        let dir = folder_of(40);
        let names: Vec<String> = (0..37).map(|i| format!("{i:02}.txt")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (articles, mut skipped) = load_deleting(dir.path(), &names);
        assert_eq!(articles, 3);
        assert_eq!(skipped.len(), 37);
        skipped.insert(5, Skipped { path: dir.path().join("x.bin"), reason: SkipReason::Unsupported });
        let lines = passed_over_lines(&skipped);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let first = shown(&dir.path().join("00.txt"));
        assert_eq!(lines[0], format!("37 files gone while loading ({first} and 36 others)"));
        assert!(lines[1].ends_with("x.bin: not an article file (.txt .md .text .html .htm .xhtml .json .jsonl .ndjson .csv .xml .rss .atom), skipped"));
    }

    #[test]
    fn what_is_opened_is_checked_to_be_a_regular_file() {
        // A folder where a file was expected stands for anything that is not a regular file.
        let dir = tempfile::TempDir::new().expect("tempdir");
        let folder = dir.path().join("swapped.txt");
        fs::create_dir(&folder).expect("mkdir");
        let err = read_documents(&folder).expect_err("not a file");
        assert!(matches!(err, SkipReason::NotRegular(_)), "{err:?}");
        assert_eq!(read_documents(&dir.path().join("nothing.txt")).expect_err("gone"), SkipReason::Gone);
    }

    #[test]
    fn ids_from_names_with_control_characters_are_escaped_and_kept_apart() {
        let mut ids = Ids::default();
        assert_eq!(ids.assign(Path::new("d/a\nb.txt")), "a\\nb");
        assert_eq!(ids.assign(Path::new("d/a\\nb.txt")), "d-a\\nb", "looks the same: told apart");
        assert_eq!(ids.assign(Path::new("e\u{1b}[2J/a\nb.txt")), "e\\x1b[2J-a\\nb");
        assert_eq!(shown(Path::new("dir/new\nline\t.txt")), "dir/new\\nline\\t.txt");
    }
}
