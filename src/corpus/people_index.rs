//! People across the corpus: a titled surname that an article could not resolve ("Mr Hunt" with
//! no "Jeremy Hunt" in the same piece) joins the one full name in the corpus that ends with it.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::article::Article;

pub fn merge_across(articles: &mut [Article]) {
    // Surname -> the distinct full names that end with it, corpus-wide.
    let mut by_surname: HashMap<&str, Vec<Arc<str>>> = HashMap::new();
    // Each distinct name once: a corpus repeats its names far more often than it has them.
    let names: FxHashSet<Arc<str>> =
        articles.iter().flat_map(|a| a.entities.people.iter().map(|p| Arc::clone(&p.name))).collect();
    let mut names: Vec<Arc<str>> = names.into_iter().collect();
    // Sorted so that nothing below depends on the order a hash set happens to give.
    names.sort_unstable();
    for name in &names {
        if let Some((_, last)) = name.rsplit_once(' ') {
            let full = by_surname.entry(last).or_default();
            if !full.contains(name) {
                full.push(Arc::clone(name));
            }
        }
    }
    for a in articles.iter_mut() {
        let people = &mut a.entities.people;
        let mut i = 0;
        while i < people.len() {
            // Only a titled surname ("Mr Hunt") is resolved across articles: a bare one from a
            // team sheet says too little about who it is.
            if people[i].name.contains(' ') || !people[i].aliases.iter().any(|a| a.contains(' ')) {
                i += 1;
                continue;
            }
            // Never guess: only a surname that one person in the corpus has is resolved.
            let Some([full]) = by_surname.get(&*people[i].name).map(Vec::as_slice) else {
                i += 1;
                continue;
            };
            let short = people.remove(i);
            match people.iter_mut().find(|p| &p.name == full) {
                Some(p) => {
                    p.spans.extend(short.spans);
                    for alias in short.aliases.into_iter().chain([short.name]) {
                        if !p.aliases.contains(&alias) {
                            p.aliases.push(alias);
                        }
                    }
                }
                None => {
                    let mut aliases = short.aliases;
                    aliases.push(short.name);
                    people.insert(i, super::Person { name: full.clone(), aliases, ..short });
                    i += 1;
                }
            }
        }
    }
}
