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

/// name -> verdict, from a `tests/fixtures/corpus/<file>` of `name<TAB>verdict<TAB>note` lines
/// under a header line.
pub fn corpus_labels(file: &str) -> std::collections::HashMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next().unwrap_or_default().to_string();
            let verdict = cols.next().unwrap_or_else(|| panic!("{file}: no verdict in {l:?}")).to_string();
            (name, verdict)
        })
        .collect()
}
