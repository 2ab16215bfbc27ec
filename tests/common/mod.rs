//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// `../shared/corpora/<name>` beside the repository, when this machine has it.
pub fn shared_corpus(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora").join(name);
    if path.is_dir() {
        Some(path)
    } else {
        report(&format!("skipped: {} is absent on this machine", path.display()));
        None
    }
}

/// Print past the test harness's capture, so that scores show in a normal `cargo test` run.
pub fn report(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}
