//! Where an article's memory goes: a rough sum of the heap each part of the store holds.

use std::path::PathBuf;

use strike_reader::corpus::Corpus;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let Ok(outcome) = Corpus::from_paths(&paths) else {
        eprintln!("cannot load");
        std::process::exit(2);
    };
    let a = &outcome.corpus.articles;
    let body: usize = a.iter().map(|a| a.body.capacity()).sum();
    let strings: usize = a.iter().map(|a| a.id.capacity() + a.path.capacity()).sum();
    let figures: usize = a
        .iter()
        .map(|a| {
            a.entities.figures.capacity()
                * size_of_val(&a.entities.figures[..]).checked_div(a.entities.figures.len()).unwrap_or(0)
        })
        .sum();
    let people: usize = a
        .iter()
        .map(|a| {
            a.entities.people.capacity() * 80
                + a.entities
                    .people
                    .iter()
                    .map(|p| p.spans.capacity() * 8 + p.aliases.capacity() * 16)
                    .sum::<usize>()
        })
        .sum();
    let structs = a.capacity() * size_of::<strike_reader::corpus::Article>();
    println!(
        "bytes {} body {body} ids+paths {strings} figures {figures} people {people} article structs {structs}",
        outcome.bytes
    );
}
