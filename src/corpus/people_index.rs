//! People across the corpus: a titled surname that an article could not resolve ("Mr Hunt" with
//! no "Jeremy Hunt" in the same piece) joins the one full name in the corpus that ends with it.

use std::collections::HashMap;

use super::article::Article;

pub fn merge_across(articles: &mut [Article]) {
    // Surname -> the distinct full names that end with it, corpus-wide.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for a in articles.iter() {
        for p in &a.entities.people {
            if let Some((_, last)) = p.name.rsplit_once(' ') {
                let names = by_surname.entry(last.to_string()).or_default();
                if !names.contains(&p.name) {
                    names.push(p.name.clone());
                }
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
            let Some([full]) = by_surname.get(&people[i].name).map(Vec::as_slice) else {
                i += 1;
                continue;
            };
            let short = people.remove(i);
            match people.iter_mut().find(|p| &p.name == full) {
                Some(p) => {
                    p.count += short.count;
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
