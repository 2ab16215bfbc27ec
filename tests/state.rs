//! The reading-state file: atomic writes, a corrupt file moved aside, and readers that write at
//! the same time keeping each other's marks.

use std::path::Path;

use strike_reader::state::{self, Marks, ReadingState};
use tempfile::TempDir;

const READ: Marks = Marks { read: true, bookmarked: false };
const BOOKMARKED: Marks = Marks { read: false, bookmarked: true };

fn marks(path: &Path) -> Vec<(u64, Marks)> {
    let (state, note) = ReadingState::open(path.to_path_buf());
    assert_eq!(note, None);
    state.marks().collect()
}

#[test]
fn marks_are_saved_and_read_back() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("nested/state.json");
    let (mut s, note) = ReadingState::open(path.clone());
    assert_eq!(note, None, "a missing file is an empty state");
    s.set(7, READ);
    s.set(0xdead_beef, BOOKMARKED);
    assert_eq!(s.save().expect("saves"), None);
    assert_eq!(marks(&path), [(7, READ), (0xdead_beef, BOOKMARKED)]);
    let text = std::fs::read_to_string(&path).expect("file");
    assert!(text.contains("\"00000000deadbeef\""), "keys are 16 hex digits: {text}");
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left: {leftovers:?}");
}

#[test]
fn a_write_that_fails_leaves_the_old_file_whole() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("state.json");
    let (mut s, _) = ReadingState::open(path.clone());
    s.set(1, READ);
    s.save().expect("first save");
    let before = std::fs::read(&path).expect("file");
    // The temporary file cannot be created where a folder stands in its way.
    std::fs::create_dir(state::temp_path(&path)).expect("block the temp path");
    s.set(2, BOOKMARKED);
    let e = s.save().expect_err("the write fails");
    assert!(e.to_string().contains("state.json"), "{e}");
    assert_eq!(std::fs::read(&path).expect("file"), before, "the old file is untouched");
    // Once the way is clear, the mark that failed is written.
    std::fs::remove_dir(state::temp_path(&path)).expect("unblock");
    s.save().expect("second save");
    assert_eq!(marks(&path), [(1, READ), (2, BOOKMARKED)]);
}

#[test]
fn a_corrupt_file_is_moved_aside_never_emptied() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("state.json");
    std::fs::write(&path, "{\"version\": 1, \"articles\": {\"00ff\": tru").expect("write");
    std::fs::write(dir.path().join("state.json.corrupt"), "an older corrupt file").expect("write");
    let (mut s, note) = ReadingState::open(path.clone());
    let note = note.expect("a message says what happened");
    assert!(note.contains("state.json.corrupt.2") && note.contains("could not be read"), "{note}");
    assert_eq!(s.marks().count(), 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("state.json.corrupt.2")).expect("moved"),
        "{\"version\": 1, \"articles\": {\"00ff\": tru",
        "the corrupt file is kept byte for byte"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("state.json.corrupt")).expect("kept"),
        "an older corrupt file"
    );
    s.set(3, READ);
    s.save().expect("saves");
    assert_eq!(marks(&path), [(3, READ)]);
}

#[test]
fn a_file_from_a_newer_version_is_moved_aside_too() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("state.json");
    std::fs::write(&path, "{\"version\": 99, \"articles\": {}}").expect("write");
    let (_, note) = ReadingState::open(path.clone());
    assert!(note.is_some_and(|n| n.contains("newer strike-reader")));
    assert!(dir.path().join("state.json.corrupt").exists());
}

#[test]
fn two_readers_keep_each_others_marks() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("state.json");
    let (mut a, _) = ReadingState::open(path.clone());
    let (mut b, _) = ReadingState::open(path.clone());
    a.set(1, READ);
    b.set(2, BOOKMARKED);
    a.save().expect("a saves");
    b.save().expect("b saves");
    assert_eq!(marks(&path), [(1, READ), (2, BOOKMARKED)]);
    // b now sees a's mark as well.
    assert_eq!(b.marks().collect::<Vec<_>>(), [(1, READ), (2, BOOKMARKED)]);
    // The later change to one article wins.
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.set(1, Marks { read: false, bookmarked: true });
    b.save().expect("b saves again");
    a.save().expect("a has nothing pending");
    assert_eq!(marks(&path)[0], (1, Marks { read: false, bookmarked: true }));
}

#[test]
fn many_writers_at_once_lose_nothing() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("state.json");
    let writers: Vec<_> = (0..8u64)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let (mut s, _) = ReadingState::open(path);
                for i in 0..25 {
                    s.set(w * 1000 + i, READ);
                    s.save().expect("save");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer ends");
    }
    assert_eq!(marks(&path).len(), 8 * 25);
}
