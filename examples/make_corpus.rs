//! Write a scaled copy of a corpus for benchmarks: N articles made by repeating the source
//! articles, each copy varied by a numbered line so that no two files are identical.
//!
//! cargo run --release --example make_corpus -- ../shared/corpora/bbc 100000 /tmp/corpus-100k
//!
//! Never commit a generated corpus: it holds the source's text.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn articles(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            articles(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt")
            && p.file_name().is_some_and(|n| n != "README.TXT")
        {
            out.push(p);
        }
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, count, target] = args.as_slice() else {
        eprintln!("usage: make_corpus SOURCE_DIR COUNT TARGET_DIR");
        return std::process::ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("make_corpus: COUNT must be a whole number, not {count:?}");
        return std::process::ExitCode::from(2);
    };
    let mut sources = Vec::new();
    if let Err(e) = articles(Path::new(source), &mut sources) {
        eprintln!("make_corpus: {source}: {e}");
        return std::process::ExitCode::from(2);
    }
    if sources.is_empty() {
        eprintln!("make_corpus: {source} holds no .txt articles");
        return std::process::ExitCode::from(2);
    }
    let texts: Vec<String> = sources.iter().filter_map(|p| fs::read_to_string(p).ok()).collect();
    let mut bytes = 0usize;
    for i in 0..count {
        // A thousand files a folder keeps directories small.
        let dir = Path::new(target).join(format!("{:04}", i / 1000));
        if i % 1000 == 0
            && let Err(e) = fs::create_dir_all(&dir)
        {
            eprintln!("make_corpus: {}: {e}", dir.display());
            return std::process::ExitCode::from(1);
        }
        let text = &texts[i % texts.len()];
        let body = format!("{text}\n\nCopy {i} of this article in a generated benchmark corpus.\n");
        bytes += body.len();
        let written =
            fs::File::create(dir.join(format!("{i:06}.txt"))).and_then(|mut f| f.write_all(body.as_bytes()));
        if let Err(e) = written {
            eprintln!("make_corpus: {}: {e}", dir.display());
            return std::process::ExitCode::from(1);
        }
    }
    println!("wrote {count} articles, {bytes} bytes, to {target}");
    std::process::ExitCode::SUCCESS
}
