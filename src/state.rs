//! Reading state that outlives the reader: which articles were read and which are bookmarked.
//!
//! Marks are keyed by a hash of each article's content (see `Article::key`), so a file that moves
//! keeps its marks. The file is JSON in the XDG data directory. Nothing the user has is ever
//! lost: a write goes to a temporary file that is synced and renamed over the old one; a file
//! that cannot be parsed is moved aside with a `.corrupt` suffix, never emptied; and writers
//! merge under a lock, so two readers open at once keep each other's marks.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::corpus::safe::escaped_path;
use serde::{Deserialize, Serialize};

const VERSION: u32 = 1;

/// What the reader knows of one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// The article was opened or marked read.
    #[serde(default)]
    pub read: bool,
    /// The user bookmarked it.
    #[serde(default)]
    pub bookmarked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    marks: Marks,
    /// When the marks were last changed, in milliseconds since 1970: the newer change wins a
    /// merge.
    at: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    /// Article key (16 hex digits) to its marks.
    articles: BTreeMap<String, Entry>,
}

/// Why the reading state could not be found, read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// A file operation on the state file, its lock or its temporary copy failed.
    #[error("reading state {}: {source}", escaped_path(.path))]
    Io {
        /// The file the operation was on.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// Neither `XDG_DATA_HOME` nor a home folder is known, so there is nowhere to keep it.
    #[error("reading state: no home folder to keep it in (set XDG_DATA_HOME)")]
    NoHome,
}

/// The marks of every article the user has touched, as on disk plus the changes not yet saved.
pub struct ReadingState {
    path: PathBuf,
    marks: BTreeMap<String, Entry>,
    /// Changes not yet written.
    pending: BTreeMap<String, Entry>,
    /// False when the file exists but could not be read: it is then never overwritten.
    writable: bool,
}

/// The key an article's marks are stored under.
pub fn key_text(key: u64) -> String {
    format!("{key:016x}")
}

/// `state.json` in the XDG data directory (`~/.local/share/strike-reader/` by default).
pub fn default_path() -> Result<PathBuf, StateError> {
    directories::ProjectDirs::from("", "", "strike-reader")
        .map(|d| d.data_dir().join("state.json"))
        .ok_or(StateError::NoHome)
}

impl ReadingState {
    /// Open the state at `path`. A missing file is an empty state; a corrupt one is moved aside
    /// and the returned note says where. An unreadable one leaves the state read-only.
    pub fn open(path: PathBuf) -> (ReadingState, Option<String>) {
        let mut state =
            ReadingState { path, marks: BTreeMap::new(), pending: BTreeMap::new(), writable: true };
        let note = match read_file(&state.path) {
            Ok(Loaded::Fine(file)) => {
                state.marks = file.articles;
                None
            }
            Ok(Loaded::Missing) => None,
            Ok(Loaded::Corrupt { moved_to, why }) => Some(corrupt_note(&state.path, &moved_to, &why)),
            Err(e) => {
                state.writable = false;
                Some(format!("{e}; marks made now will not be saved"))
            }
        };
        (state, note)
    }

    /// The state file this was opened from and saves to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every article's marks, by key.
    pub fn marks(&self) -> impl Iterator<Item = (u64, Marks)> + '_ {
        self.marks.iter().filter_map(|(k, e)| u64::from_str_radix(k, 16).ok().map(|k| (k, e.marks)))
    }

    /// Note a change, to be written by the next `save`.
    pub fn set(&mut self, key: u64, marks: Marks) {
        let entry = Entry { marks, at: now_ms() };
        self.marks.insert(key_text(key), entry);
        self.pending.insert(key_text(key), entry);
    }

    /// Some change has been noted with `set` and not yet written.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Write the pending changes: under the lock, read what is on disk now (another reader may
    /// have written since), keep the newer of each article's marks, and replace the file
    /// atomically. Returns a note when the file on disk had to be moved aside.
    pub fn save(&mut self) -> Result<Option<String>, StateError> {
        if self.pending.is_empty() || !self.writable {
            return Ok(None);
        }
        let io_error = |source| StateError::Io { path: self.path.clone(), source };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(io_error)?;
        }
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(with_suffix(&self.path, ".lock"))
            .map_err(io_error)?;
        lock.lock().map_err(io_error)?;
        let (mut merged, note) = match read_file(&self.path).map_err(io_error)? {
            Loaded::Fine(file) => (file.articles, None),
            Loaded::Missing => (BTreeMap::new(), None),
            Loaded::Corrupt { moved_to, why } => {
                (BTreeMap::new(), Some(corrupt_note(&self.path, &moved_to, &why)))
            }
        };
        for (key, mine) in &self.pending {
            match merged.get(key) {
                Some(theirs) if theirs.at > mine.at => {}
                _ => {
                    merged.insert(key.clone(), *mine);
                }
            }
        }
        let file = StateFile { version: VERSION, articles: merged };
        write_atomically(&self.path, &file).map_err(io_error)?;
        // The lock is let go when `lock` is dropped; the marks now include other readers'.
        self.marks = file.articles;
        self.pending.clear();
        drop(lock);
        Ok(note)
    }
}

enum Loaded {
    Fine(StateFile),
    Missing,
    Corrupt { moved_to: PathBuf, why: String },
}

fn read_file(path: &Path) -> io::Result<Loaded> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(e) => return Err(e),
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(file) if file.version <= VERSION => Ok(Loaded::Fine(file)),
        Ok(file) => Ok(Loaded::Corrupt {
            moved_to: move_aside(path)?,
            why: format!("written by a newer strike-reader (version {})", file.version),
        }),
        Err(e) => Ok(Loaded::Corrupt { moved_to: move_aside(path)?, why: e.to_string() }),
    }
}

/// `state.json` -> `state.json.corrupt`, or `.corrupt.2`, ... so that no earlier one is lost.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let mut target = with_suffix(path, ".corrupt");
    let mut n = 2;
    while target.exists() {
        target = with_suffix(path, &format!(".corrupt.{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

fn corrupt_note(path: &Path, moved_to: &Path, why: &str) -> String {
    format!(
        "reading state {} could not be read ({why}); it was moved to {} and marks start afresh",
        escaped_path(path),
        escaped_path(moved_to)
    )
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Temporary file in the same folder, synced, renamed over the target, folder synced: a crash
/// leaves either the old file or the new one, never a part of either.
fn write_atomically(path: &Path, file: &StateFile) -> io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut out = File::create(&temp)?;
        serde_json::to_writer(&mut out, file)?;
        out.write_all(b"\n")?;
        out.sync_all()?;
        fs::rename(&temp, path)?;
        if let Some(dir) = path.parent()
            && let Ok(dir) = File::open(dir)
        {
            // Makes the rename itself durable; not every platform can sync a folder.
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The temporary file a save writes before renaming it into place.
pub fn temp_path(path: &Path) -> PathBuf {
    with_suffix(path, &format!(".tmp-{}", std::process::id()))
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
