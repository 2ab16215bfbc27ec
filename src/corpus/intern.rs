//! One shared copy of every name, alias and tag in a corpus: articles hold `Arc<str>` handles to
//! it rather than strings of their own.

use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::Article;

/// The set of shared strings while a corpus loads; one for the whole corpus.
#[derive(Debug, Default)]
pub struct Interner {
    strings: FxHashSet<Arc<str>>,
}

impl Interner {
    fn share(&mut self, s: &mut Arc<str>) {
        match self.strings.get(&**s) {
            Some(shared) => *s = Arc::clone(shared),
            None => {
                self.strings.insert(Arc::clone(s));
            }
        }
    }

    /// Replace each of the article's names with the corpus's shared copy.
    pub fn article(&mut self, a: &mut Article) {
        self.share(&mut a.title);
        for p in &mut a.entities.people {
            self.share(&mut p.name);
            p.aliases.iter_mut().for_each(|alias| self.share(alias));
        }
        for o in &mut a.entities.organisations {
            self.share(&mut o.name);
            o.aliases.iter_mut().for_each(|alias| self.share(alias));
        }
        for q in &mut a.entities.quotes {
            if let Some(s) = &mut q.speaker {
                self.share(&mut s.name);
            }
        }
        for f in &mut a.entities.figures {
            if let Some(what) = &mut f.what {
                self.share(what);
            }
        }
        for h in &mut a.entities.hashtags {
            self.share(&mut h.tag);
        }
        for h in &mut a.entities.handles {
            self.share(&mut h.handle);
        }
    }
}

/// Give back the spare room extraction left in an article's lists: they are never grown again.
pub fn compact(a: &mut Article) {
    let e = &mut a.entities;
    e.people.shrink_to_fit();
    e.hashtags.shrink_to_fit();
    e.handles.shrink_to_fit();
    e.figures.shrink_to_fit();
    e.organisations.shrink_to_fit();
    e.quotes.shrink_to_fit();
    e.unlinked.shrink_to_fit();
    e.works.shrink_to_fit();
    e.pending.shrink_to_fit();
    e.not_orgs.shrink_to_fit();
    for p in &mut e.people {
        p.aliases.shrink_to_fit();
        p.spans.shrink_to_fit();
    }
    e.hashtags.iter_mut().for_each(|h| h.spans.shrink_to_fit());
    e.handles.iter_mut().for_each(|h| h.spans.shrink_to_fit());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn names_are_stored_once_across_articles() {
        let corpus = Corpus::seeds().corpus;
        let hunts: Vec<&Arc<str>> = corpus
            .articles
            .iter()
            .flat_map(|a| a.entities.people.iter().filter(|p| &*p.name == "Jeremy Hunt").map(|p| &p.name))
            .collect();
        assert_eq!(hunts.len(), 3);
        assert!(hunts.windows(2).all(|w| Arc::ptr_eq(w[0], w[1])), "one shared copy");
    }
}
