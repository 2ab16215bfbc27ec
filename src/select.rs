//! What the command line selects (`--person`, `--org`, `--said-by`, `--tag`, `--query`), resolved against a corpus's
//! index into the filters the reader applies, so that `export` gets what the screen shows.
//! A name matching several people is one chip that any of them passes; a name matching no one
//! is an error that offers the closest names.

use crate::cli::SelectArgs;
use crate::corpus::coverage::{Period, minute_label};
use crate::corpus::index::{EntityId, Index, Table, Who};
use crate::filter::Filters;

/// A name or tag on the command line that nothing in the corpus answers to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// No person has this name or alias.
    #[error("no person named {name:?} in these articles{}", closest_note(.closest))]
    NoPerson {
        /// The name asked for.
        name: String,
        /// The nearest names there are, best first.
        closest: Vec<String>,
    },
    /// No organisation has this name or acronym.
    #[error("no organisation named {name:?} in these articles{}", closest_note(.closest))]
    NoOrg {
        /// The name asked for.
        name: String,
        /// The nearest names there are, best first.
        closest: Vec<String>,
    },
    /// No person or organisation of this name is quoted.
    #[error("no one named {name:?} is quoted in these articles{}", closest_note(.closest))]
    NoSpeaker {
        /// The name asked for.
        name: String,
        /// The nearest names of people and organisations, best first.
        closest: Vec<String>,
    },
    /// `--since` comes after `--until`.
    #[error("--since {since} is after --until {until}: no date is in between")]
    BackwardPeriod {
        /// The start asked for, as a day.
        since: String,
        /// The end asked for, as a day.
        until: String,
    },
    /// No hashtag or handle is spelled like this.
    #[error("no hashtag or handle {tag:?} in these articles{}", closest_note(.closest))]
    NoTag {
        /// The tag asked for.
        tag: String,
        /// The nearest tags there are, best first.
        closest: Vec<String>,
    },
}

fn closest_note(closest: &[String]) -> String {
    if closest.is_empty() { String::new() } else { format!("; closest: {}", closest.join(", ")) }
}

/// Suggestions offered for a name that matches no one.
const SUGGESTIONS: usize = 3;
/// How alike (0 to 1) a name must be to be offered.
const ALIKE: f64 = 0.6;

/// People and tags chosen by name: one chip per name given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// One chip per `--person`: the people with that name or alias (any of them passes).
    pub people: Vec<Vec<EntityId>>,
    /// One chip per `--tag`.
    pub tags: Vec<Vec<EntityId>>,
    /// One chip per `--org`.
    pub orgs: Vec<Vec<EntityId>>,
    /// One chip per `--said-by`: the people and organisations of that name who are quoted.
    pub said_by: Vec<Vec<Who>>,
    /// `--since` and `--until`.
    pub period: Option<Period>,
}

impl Selection {
    /// Resolve names and tags against an index.
    pub fn resolve(index: &Index, ask: &SelectArgs) -> Result<Selection, SelectError> {
        let mut chosen = Selection::default();
        for name in &ask.person {
            let found = index.find_people(name);
            if found.is_empty() {
                let closest = closest(&index.people, name, true);
                return Err(SelectError::NoPerson { name: name.clone(), closest });
            }
            chosen.people.push(found);
        }
        for name in &ask.org {
            let found = index.find_orgs(name);
            if found.is_empty() {
                let closest = closest(&index.orgs, name, true);
                return Err(SelectError::NoOrg { name: name.clone(), closest });
            }
            chosen.orgs.push(found);
        }
        for name in &ask.said_by {
            let quoted = quoted(index);
            let found: Vec<Who> = index
                .find_people(name)
                .into_iter()
                .map(Who::Person)
                .chain(index.find_orgs(name).into_iter().map(Who::Org))
                .filter(|w| quoted.contains(w))
                .collect();
            if found.is_empty() {
                let mut closest: Vec<String> = closest_speakers(index, &quoted, name);
                closest.truncate(SUGGESTIONS);
                return Err(SelectError::NoSpeaker { name: name.clone(), closest });
            }
            chosen.said_by.push(found);
        }
        for tag in &ask.tag {
            let found = index.find_tags(tag);
            if found.is_empty() {
                let closest = closest(&index.tags, tag.trim_start_matches(['#', '@']), false);
                return Err(SelectError::NoTag { tag: tag.clone(), closest });
            }
            chosen.tags.push(found);
        }
        if ask.since.is_some() || ask.until.is_some() {
            let from = ask.since.map_or(i64::MIN, |d| d.from);
            let to = ask.until.map_or(i64::MAX, |d| d.to);
            if from >= to {
                return Err(SelectError::BackwardPeriod {
                    since: minute_label(from),
                    until: minute_label(to - 1),
                });
            }
            chosen.period = Some(Period { from, to, step: None });
        }
        Ok(chosen)
    }

    /// The filters this selection and a query make.
    pub fn filters(self, query: Option<&str>) -> Filters {
        Filters {
            people: self.people,
            tags: self.tags,
            orgs: self.orgs,
            said_by: self.said_by,
            period: self.period,
            query: query.unwrap_or_default().to_string(),
            ..Filters::default()
        }
    }
}

/// Everyone quoted anywhere in the corpus.
fn quoted(index: &Index) -> rustc_hash::FxHashSet<Who> {
    index.article_said.iter().flatten().map(|(w, _)| *w).collect()
}

/// The quoted people and organisations whose names are most like `want`.
fn closest_speakers(index: &Index, quoted: &rustc_hash::FxHashSet<Who>, want: &str) -> Vec<String> {
    let mut table = Table::default();
    let mut sorted: Vec<Who> = quoted.iter().copied().collect();
    sorted.sort_unstable();
    for who in sorted {
        table.names.push(index.who_name(who).to_string());
        table.aliases.push(match who {
            Who::Person(id) => index.people.aliases.get(id as usize).cloned().unwrap_or_default(),
            Who::Org(id) => index.orgs.aliases.get(id as usize).cloned().unwrap_or_default(),
        });
    }
    closest(&table, want, true)
}

/// The names of a table most like `want`: compared whole and word by word ("blare" is like
/// the "Blair" of "Tony Blair"), aliases too, most alike first.
fn closest(table: &Table, want: &str, with_aliases: bool) -> Vec<String> {
    let want = want.trim().to_lowercase();
    if want.is_empty() {
        return Vec::new();
    }
    let alike = |name: &str| -> f64 {
        let name = name.trim_start_matches(['#', '@']).to_lowercase();
        let whole = strsim::normalized_damerau_levenshtein(&want, &name);
        let words = name.split_whitespace().map(|w| strsim::normalized_damerau_levenshtein(&want, w));
        words.fold(whole, f64::max)
    };
    let mut scored: Vec<(f64, usize)> = (0..table.len())
        .filter_map(|i| {
            let aliases = if with_aliases { table.aliases[i].as_slice() } else { &[] };
            let best = aliases.iter().map(|a| alike(a)).fold(alike(&table.names[i]), f64::max);
            (best >= ALIKE).then_some((best, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut names: Vec<String> = Vec::new();
    for (_, i) in scored {
        let name = &table.names[i];
        if !names.contains(name) {
            names.push(name.clone());
        }
        if names.len() == SUGGESTIONS {
            break;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn a_name_is_one_chip_and_a_wrong_one_gets_suggestions() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        let ask = |person: &[&str], tag: &[&str]| SelectArgs {
            person: person.iter().map(|p| p.to_string()).collect(),
            tag: tag.iter().map(|t| t.to_string()).collect(),
            ..SelectArgs::default()
        };
        let s = Selection::resolve(&index, &ask(&["mr hunt"], &["juniorcontract"])).expect("known");
        assert_eq!(s.people.len(), 1);
        assert_eq!(s.tags.len(), 1);
        let e = Selection::resolve(&index, &ask(&["Jeremy Hnut"], &[])).expect_err("unknown");
        let SelectError::NoPerson { closest, .. } = &e else { panic!("{e}") };
        assert_eq!(closest.first().map(String::as_str), Some("Jeremy Hunt"));
        assert!(
            e.to_string().ends_with("; closest: Jeremy Hunt")
                || e.to_string().contains("closest: Jeremy Hunt,")
        );
        let e = Selection::resolve(&index, &ask(&["zzzzzz"], &[])).expect_err("unknown");
        assert_eq!(e.to_string(), "no person named \"zzzzzz\" in these articles");
        let e = Selection::resolve(&index, &ask(&[], &["#juniorcontrct"])).expect_err("unknown");
        assert!(e.to_string().contains("closest: #juniorcontract"), "{e}");
    }

    #[test]
    fn organisations_and_speakers_are_chosen_by_name_or_acronym() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        let ask =
            SelectArgs { org: vec!["bma".into()], said_by: vec!["hunt".into()], ..SelectArgs::default() };
        let s = Selection::resolve(&index, &ask).expect("known");
        assert_eq!(s.orgs.len(), 1);
        assert_eq!(index.orgs.name(s.orgs[0][0]), "British Medical Association");
        assert!(s.said_by[0].iter().any(|w| index.who_name(*w) == "Jeremy Hunt"), "{s:?}");
        let ask = SelectArgs { org: vec!["Britsh Medical Asociation".into()], ..SelectArgs::default() };
        let e = Selection::resolve(&index, &ask).expect_err("unknown");
        assert!(e.to_string().contains("closest: British Medical Association"), "{e}");
    }
}
