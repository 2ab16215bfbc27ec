//! Write a corpus of COUNT made-up articles for benchmarks, built from real text so that search
//! and extraction meet the variety of real coverage: no two articles share a headline or a body,
//! and their lengths run from a few tweets to long reads.
//!
//! cargo run --release --example make_corpus -- ../shared/corpora 100000 /tmp/corpus-varied-100000
//!
//! SOURCE_DIR is read for `.txt` articles (first line the headline, as in `bbc/` and
//! `polnear-train/text/`) and for CSV files with a `text` column (`gop_debate_tweets/`, used as
//! short texts). Given only the `bbc` folder it works from that alone.
//!
//! Each headline is a real headline with words swapped in from other headlines, or two headlines
//! spliced; each body is runs of paragraphs from several source articles. The same sources, count
//! and seed give the same files, byte for byte.
//!
//! Never commit a generated corpus: it holds the sources' text.

use std::collections::HashSet;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Fixed, so that every run writes the same corpus and numbers measured on it compare.
const SEED: u64 = 0x5eed_2016_0426_0800;

/// A small deterministic generator (SplitMix64): the corpus must not change with a crate's
/// version, and nothing here needs more than uniform draws.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0); the modulo bias is far below what a benchmark notices.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One source article: its headline and its paragraphs.
struct Source {
    headline: String,
    paragraphs: Vec<String>,
    /// The year it was written in, roughly: generated dates stay near it.
    year: u16,
}

fn walk(dir: &Path, txt: &mut Vec<PathBuf>, csv: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    // Sorted: the order of a directory listing is not stable, and the output must be.
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if p.is_dir() {
            walk(&p, txt, csv)?;
        } else if name.ends_with(".txt") && !name.eq_ignore_ascii_case("README.TXT") {
            txt.push(p);
        } else if name.ends_with(".csv") {
            csv.push(p);
        }
    }
    Ok(())
}

/// A `.txt` article: the first non-empty line is the headline, blank lines end paragraphs.
fn article(path: &Path, text: &str) -> Option<Source> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let headline = clean_headline(lines.next()?);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    // File names like `breitbart_2015-11-11_...` date the piece; the BBC set is from 2004-05.
    let year = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.split('_').nth(1))
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or(2005);
    (!headline.is_empty() && !paragraphs.is_empty()).then_some(Source { headline, paragraphs, year })
}

/// The `text` column of a CSV file, one short text a row.
fn short_texts(path: &Path) -> Result<Vec<String>, csv::Error> {
    let mut reader = csv::Reader::from_path(path)?;
    let Some(column) = reader.headers()?.iter().position(|h| h == "text") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for record in reader.records() {
        if let Some(t) = record?.get(column) {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.len() > 20 {
                out.push(t);
            }
        }
    }
    Ok(out)
}

/// A line the reader will take for a headline: no markdown `#`, no list number, not ending like
/// a sentence, short enough.
fn clean_headline(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut h = words.join(" ");
    h = h.trim_start_matches(|c: char| c == '#' || c.is_ascii_digit() || c == '.' || c == ')').to_string();
    h = h.trim().trim_end_matches(['.', '!', ';', ',', ':']).trim().to_string();
    if h.chars().count() > 120 {
        h = h.chars().take(120).collect::<String>();
        if let Some(cut) = h.rfind(' ') {
            h.truncate(cut);
        }
    }
    h
}

/// Make a headline no article has yet: a real one varied by words of others.
fn headline<'a>(
    rng: &mut Rng,
    base: &'a str,
    headlines: &[&'a str],
    words: &[&'a str],
    seen: &mut HashSet<String>,
) -> String {
    let mut tries = 0;
    loop {
        tries += 1;
        let mut out: Vec<&'a str> = base.split_whitespace().collect();
        match rng.below(4) {
            // Swap one to three words for words from other headlines.
            0 | 1 => {
                for _ in 0..rng.range(1, 3) {
                    let at = rng.below(out.len());
                    out[at] = *rng.pick(words);
                }
            }
            // The start of one headline and the end of another.
            2 => {
                let other: Vec<&'a str> = rng.pick(headlines).split_whitespace().collect();
                let keep = rng.range(1, out.len().max(2) - 1).min(out.len());
                let tail = rng.below(other.len()).min(other.len().saturating_sub(1));
                out.truncate(keep);
                out.extend_from_slice(&other[tail..]);
            }
            // A word more, somewhere.
            _ => {
                let at = rng.below(out.len() + 1);
                out.insert(at, *rng.pick(words));
            }
        }
        // Past a few collisions (short headlines have few variants), add words until it is new.
        for _ in 3..tries.min(8) {
            out.push(*rng.pick(words));
        }
        let h = clean_headline(&out.join(" "));
        if !h.is_empty() && seen.insert(h.to_lowercase()) {
            return h;
        }
    }
}

/// Runs of paragraphs from `sources` articles, about `paragraphs` of them in all.
fn paragraphs_from<'a>(
    rng: &mut Rng,
    articles: &'a [Source],
    sources: usize,
    paragraphs: usize,
) -> Vec<&'a str> {
    let mut out = Vec::new();
    for s in 0..sources {
        let a = rng.pick(articles);
        let want = (paragraphs / sources + usize::from(s == 0 && !paragraphs.is_multiple_of(sources))).max(1);
        let start = rng.below(a.paragraphs.len());
        out.extend(a.paragraphs.iter().skip(start).take(want).map(String::as_str));
    }
    out
}

fn fingerprint(text: &str) -> u64 {
    // SipHash with fixed keys: the same on every run.
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, count, target] = args.as_slice() else {
        eprintln!("usage: make_corpus SOURCE_DIR COUNT TARGET_DIR");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("make_corpus: COUNT must be a whole number, not {count:?}");
        return ExitCode::from(2);
    };
    let (mut txt, mut csv) = (Vec::new(), Vec::new());
    if let Err(e) = walk(Path::new(source), &mut txt, &mut csv) {
        eprintln!("make_corpus: {source}: {e}");
        return ExitCode::from(2);
    }
    let articles: Vec<Source> =
        txt.iter().filter_map(|p| fs::read_to_string(p).ok().and_then(|t| article(p, &t))).collect();
    if articles.is_empty() {
        eprintln!("make_corpus: {source} holds no .txt articles");
        return ExitCode::from(2);
    }
    let mut tweets = Vec::new();
    for p in &csv {
        match short_texts(p) {
            Ok(t) => tweets.extend(t),
            Err(e) => eprintln!("make_corpus: {}: {e} (skipped)", p.display()),
        }
    }
    let headlines: Vec<&str> = articles.iter().map(|a| a.headline.as_str()).collect();
    let words: Vec<&str> = headlines.iter().flat_map(|h| h.split_whitespace()).collect();

    let mut rng = Rng(SEED);
    let mut seen_titles = HashSet::new();
    let mut seen_bodies = HashSet::new();
    let mut bytes = 0usize;
    let mut kinds = [0usize; 4];
    for i in 0..count {
        // A thousand files a folder keeps directories small.
        let dir = Path::new(target).join(format!("{:04}", i / 1000));
        if i % 1000 == 0
            && let Err(e) = fs::create_dir_all(&dir)
        {
            eprintln!("make_corpus: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
        let lead = rng.pick(&articles);
        // Briefs made of short texts, reports, features and long reads, in about the
        // proportions a news feed mixes them.
        let roll = rng.below(100);
        let kind = match roll {
            _ if roll < 22 && !tweets.is_empty() => 0,
            _ if roll < 72 => 1,
            _ if roll < 95 => 2,
            _ => 3,
        };
        kinds[kind] += 1;
        let body = loop {
            let parts: Vec<&str> = match kind {
                0 => {
                    let mut p: Vec<&str> = (0..rng.range(1, 4)).map(|_| rng.pick(&tweets).as_str()).collect();
                    // A brief still says where it comes from: one paragraph of reporting.
                    if rng.below(2) == 0 {
                        p.extend(paragraphs_from(&mut rng, &articles, 1, 1));
                    }
                    p
                }
                1 => {
                    let n = rng.range(2, 8);
                    let mut p: Vec<&str> =
                        lead.paragraphs.iter().take(n / 2 + 1).map(String::as_str).collect();
                    let sources = rng.range(1, 3);
                    p.extend(paragraphs_from(&mut rng, &articles, sources, n / 2 + 1));
                    p
                }
                2 => {
                    let n = rng.range(6, 16);
                    let mut p: Vec<&str> = lead.paragraphs.iter().take(n / 3).map(String::as_str).collect();
                    let sources = rng.range(2, 5);
                    p.extend(paragraphs_from(&mut rng, &articles, sources, n - n / 3));
                    p
                }
                _ => {
                    let (sources, n) = (rng.range(5, 12), rng.range(20, 50));
                    paragraphs_from(&mut rng, &articles, sources, n)
                }
            };
            let body = parts.join("\n\n");
            if seen_bodies.insert(fingerprint(&body)) {
                break body;
            }
        };
        let title = headline(&mut rng, &lead.headline, &headlines, &words, &mut seen_titles);
        // Most pieces carry a dateline near their source's year; some have none, as on the web.
        let dateline = if rng.below(10) < 8 {
            let year = lead.year.saturating_sub(1) + rng.below(3) as u16;
            format!("{year:04}-{:02}-{:02}\n", rng.range(1, 12), rng.range(1, 28))
        } else {
            String::new()
        };
        let text = format!("{dateline}{title}\n\n{body}\n");
        bytes += text.len();
        let written =
            fs::File::create(dir.join(format!("{i:06}.txt"))).and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = written {
            eprintln!("make_corpus: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    }
    println!(
        "wrote {count} articles, {bytes} bytes, to {target} ({} briefs, {} reports, {} features, {} long reads; \
         sources: {} articles, {} short texts)",
        kinds[0],
        kinds[1],
        kinds[2],
        kinds[3],
        articles.len(),
        tweets.len()
    );
    ExitCode::SUCCESS
}
