//! Loading a corpus from the bundled seeds or from files and folders.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::article::Article;
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
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    #[error("{}: the folder holds no articles (looked for .txt and .md files)", .0.display())]
    EmptyFolder(PathBuf),
    #[error("no articles could be read from the paths given")]
    NoArticles,
    #[error("{}: {source}", path.display())]
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

#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

#[derive(Debug)]
pub struct LoadOutcome {
    pub corpus: Corpus,
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

impl Corpus {
    pub fn load(source: &Source) -> Result<LoadOutcome, LoadError> {
        match source {
            Source::Seeds => Ok(Self::seeds()),
            Source::Paths(paths) => Self::from_paths(paths),
        }
    }

    pub fn seeds() -> LoadOutcome {
        let articles = SEEDS
            .iter()
            .map(|s| Article::parse(stem(Path::new(s.file_name)), format!("seeds/{}", s.file_name), s.text))
            .collect();
        LoadOutcome { corpus: Corpus::from_articles(articles), skipped: Vec::new(), warnings: Vec::new() }
    }

    /// Build a corpus from parsed articles: resolves people across the whole corpus.
    pub fn from_articles(mut articles: Vec<Article>) -> Corpus {
        people_index::merge_across(&mut articles);
        Corpus { articles }
    }

    pub fn from_paths(paths: &[PathBuf]) -> Result<LoadOutcome, LoadError> {
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        for path in paths {
            let meta = fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => LoadError::NotFound(path.clone()),
                _ => LoadError::Io { path: path.clone(), source: e },
            })?;
            if meta.is_dir() {
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

        let mut articles = Vec::with_capacity(files.len());
        let mut warnings = Vec::new();
        let mut ids = Ids::default();
        for path in files {
            match read_text(&path) {
                Ok((text, warning)) => {
                    if let Some(message) = warning {
                        warnings.push(Warning { path: path.clone(), message });
                    }
                    let id = ids.assign(&path);
                    articles.push(Article::parse(id, path.display().to_string(), &text));
                }
                Err(reason) => skipped.push(Skipped { path, reason }),
            }
        }
        if articles.is_empty() {
            return Err(LoadError::NoArticles);
        }
        Ok(LoadOutcome { corpus: Corpus::from_articles(articles), skipped, warnings })
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
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
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
