//! Extraction throughput on one core over the whole BBC corpus (`../shared/corpora/bbc`), or
//! over the seeds when that corpus is absent. Criterion reports the rate in MiB/s.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use strike_reader::corpus::extract::extract;
use strike_reader::corpus::{Article, Corpus};

fn bodies() -> (String, Vec<String>) {
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    let articles: Vec<Article> = if bbc.is_dir() {
        match Corpus::from_paths(std::slice::from_ref(&bbc)) {
            Ok(o) => o.corpus.articles,
            Err(e) => panic!("{}: {e}", bbc.display()),
        }
    } else {
        eprintln!("{} is absent: benchmarking the four seed articles instead", display(&bbc));
        Corpus::seeds().corpus.articles
    };
    let label = format!("{} articles", articles.len());
    (label, articles.into_iter().map(|a| a.body).collect())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

fn extraction(c: &mut Criterion) {
    let (label, bodies) = bodies();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function(format!("bbc corpus ({label}, {bytes} bytes)"), |b| {
        b.iter(|| bodies.iter().map(|body| extract(body).figures.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
