//! What a figure counts, reduced to a few words that articles quoting the same thing share:
//! "98% of junior doctors balloted" and "Ninety per cent of 1,000 junior doctors polled" both
//! count `junior doctor`. The corpus groups figures by these words and their unit (see
//! `corpus::coverage`), so that values quoted for one thing can be set side by side.

use std::borrow::Cow;

use super::lexicon::{self, Kinds};
use super::{Figure, Unit};

/// Content words kept: two name most things ("junior doctor", "picket line") without running
/// into what is said of them.
const WORDS: usize = 2;

/// Words that say nothing of what is counted; `stopwords.txt` lists the ones names never
/// begin with, these are the rest of English's function words and hedges around a number.
const FUNCTION_WORDS: [&str; 87] = [
    "aged",
    "between",
    "within",
    "ago",
    "later",
    "earlier",
    "old",
    "time",
    "times",
    "long",
    "away",
    "far",
    "so",
    "past",
    "next",
    "last",
    "previous",
    "recent",
    "top",
    "first",
    "total",
    "least",
    "most",
    "other",
    "another",
    "further",
    "additional",
    "extra",
    "only",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "can",
    "could",
    "do",
    "does",
    "did",
    "it",
    "its",
    "they",
    "them",
    "their",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "who",
    "whom",
    "which",
    "that",
    "this",
    "these",
    "those",
    "than",
    "more",
    "less",
    "fewer",
    "over",
    "under",
    "around",
    "about",
    "almost",
    "nearly",
    "some",
    "per",
    "cent",
    "each",
];

/// Counts below this ("two men", "three goals") are everyday words: two articles giving
/// different small counts of one noun are almost always about different things.
const SMALL_COUNT: f64 = 10.0;

/// What `figure` counts, in lower case and the singular: the first content words of a context
/// that follows it, else the last ones of a context before it. None for moments (dates, times of
/// day) and bare numbers, which are not amounts of anything, for small counts, and when no
/// content word is left.
pub fn what(figure: &Figure, body: &str) -> Option<String> {
    // Bare numbers (scores, ratios, fractions) are no amounts either, as the sidebar's bars
    // already hold.
    let moment = matches!(figure.unit, Unit::Date | Unit::Time | Unit::Number);
    if moment || (figure.unit == Unit::Count && figure.value < SMALL_COUNT) {
        return None;
    }
    let context = figure.context(body);
    let after = figure.context.start >= figure.span.end;
    let mut words: Vec<&str> = context.split_whitespace().collect();
    if !after {
        words.reverse();
    }
    let mut kept: Vec<String> = Vec::with_capacity(WORDS);
    for raw in words {
        // Punctuation that ends a phrase ends what is counted ("doctors, nurses").
        let ends = raw.ends_with([',', ';', ':', '.', '!', '?', ')', '"', '”']);
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let stop = word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) || is_function_word(word);
        if stop {
            if kept.is_empty() && !ends {
                continue;
            }
            break;
        }
        // An age's context is a name ("Dr Jason Seebaluk, 27"): names keep their last letter.
        kept.push(if figure.unit == Unit::Age { lower_no_possessive(word) } else { normal(word) });
        // "40 companies' profits" counts companies: a possessive ends the noun counted.
        let possessive = raw.ends_with(['\'', '’']) || raw.ends_with("'s") || raw.ends_with("’s");
        if kept.len() == WORDS || (after && (ends || possessive)) {
            break;
        }
        if !after && raw.starts_with(['(', '"', '“']) {
            break;
        }
    }
    if !after {
        kept.reverse();
    }
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The unit figures must share to be compared: a percentage with percentages, hours with hours
/// ("48 hours" is 48, "two days" is 2), pounds with pounds.
pub fn unit_key<'a>(figure: &Figure, body: &'a str) -> Cow<'a, str> {
    match figure.unit {
        Unit::Percent => Cow::Borrowed("%"),
        Unit::Count => Cow::Borrowed("count"),
        Unit::Number => Cow::Borrowed("number"),
        Unit::Age => Cow::Borrowed("age"),
        Unit::Date => Cow::Borrowed("date"),
        Unit::Time => Cow::Borrowed("time"),
        Unit::Measure(d) => Cow::Borrowed(d.base()),
        Unit::Money => {
            let text = figure.text(body);
            let symbol = text.chars().find(|c| matches!(c, '£' | '$' | '€' | '¥'));
            match symbol {
                Some(c) => Cow::Owned(c.to_string()),
                None => Cow::Owned(last_word(text).map_or_else(|| "money".to_string(), normal)),
            }
        }
        Unit::Duration => Cow::Owned(last_word(figure.text(body)).map_or_else(|| "time".to_string(), normal)),
    }
}

fn last_word(text: &str) -> Option<&str> {
    text.rsplit(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())
}

fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    // A contraction ("they're", "don't", "we've") is a pronoun or auxiliary; a possessive is not.
    let contraction = lower.contains(['\'', '’']) && !lower.ends_with("'s") && !lower.ends_with("’s");
    contraction
        || lexicon::kinds(&lower).has(Kinds::STOPWORD)
        || FUNCTION_WORDS.contains(&lower.as_str())
        || super::figures::is_number_word(word)
}

/// Lower case, no possessive, and singular: "doctors'", "Doctors" and "DOCTORS" are `doctor`.
fn normal(word: &str) -> String {
    singular(&lower_no_possessive(word))
}

fn lower_no_possessive(word: &str) -> String {
    let word = word.trim_end_matches(['\'', '’']);
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    word.to_lowercase()
}

fn singular(word: &str) -> String {
    // Words that end like plurals and are their own singular.
    if ["series", "species", "news", "means", "headquarters"].contains(&word) {
        return word.to_string();
    }
    let n = word.chars().count();
    if n > 4
        && let Some(stem) = word.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    if n > 4
        && (word.ends_with("sses")
            || word.ends_with("ches")
            || word.ends_with("shes")
            || word.ends_with("xes"))
    {
        return word[..word.len() - 2].to_string();
    }
    if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn whats(text: &str) -> Vec<(String, Option<String>, String)> {
        let e = extract(text);
        e.figures
            .iter()
            .map(|f| (f.text(text).to_string(), what(f, text), unit_key(f, text).into_owned()))
            .collect()
    }

    fn of(text: &str, figure: &str) -> (Option<String>, String) {
        let found = whats(text).into_iter().find(|(t, _, _)| t == figure);
        let (_, what, unit) = found.unwrap_or_else(|| panic!("no figure {figure} in {:?}", whats(text)));
        (what, unit)
    }

    #[test]
    fn a_count_inside_the_context_and_words_around_it_are_passed_over() {
        let a = of("More than 98% of junior doctors balloted voted for strikes.", "98%");
        let b = of(
            "Ninety per cent of 1,000 junior doctors polled have said they would resign.",
            "Ninety per cent",
        );
        assert_eq!(a, (Some("junior doctor".into()), "%".into()));
        assert_eq!(a, b);
    }

    #[test]
    fn plurals_possessives_and_case_are_one_form() {
        let (w, _) = of("About 5,000 operations were cancelled.", "5,000");
        assert_eq!(w.as_deref(), Some("operation"));
        let (w, _) = of("It hit 40 companies' profits.", "40");
        assert_eq!(w.as_deref(), Some("company"));
        assert_eq!(singular("classes"), "class");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("analysis"), "analysis");
        assert_eq!(singular("series"), "series");
    }

    #[test]
    fn what_stops_at_a_function_word_or_a_clause_end() {
        let (w, _) = of("Some 60% of doctors in the NHS are women.", "60%");
        assert_eq!(w.as_deref(), Some("doctor"));
        let (w, _) = of("In all 5,000 operations and procedures were postponed.", "5,000");
        assert_eq!(w.as_deref(), Some("operation"));
        let (w, _) = of("He paid 300 nurses, then left.", "300");
        assert_eq!(w.as_deref(), Some("nurse"));
    }

    #[test]
    fn durations_compare_in_the_unit_written_and_look_back_when_nothing_follows() {
        let (w, unit) = of("Doctors provided only emergency care for 24 hours.", "24 hours");
        assert_eq!((w.as_deref(), unit.as_str()), (Some("emergency care"), "hour"));
        let (_, unit) = of("The 48-hour strike by junior doctors began.", "48-hour");
        assert_eq!(unit, "hour");
        let (_, unit) = of("It lasted two days in April.", "two days");
        assert_eq!(unit, "day");
    }

    #[test]
    fn moments_small_counts_and_contexts_of_function_words_count_nothing() {
        assert_eq!(of("Police said two men were held.", "two").0, None);
        assert!(whats("The strike began at 8am on 26 April.").iter().all(|(_, w, _)| w.is_none()));
        let (w, _) = of("Faced with 54,000 of them, he gave in.", "54,000");
        assert_eq!(w, None);
        let (w, _) = of("Some 300 they're sending home.", "300");
        assert_ne!(w.as_deref(), Some("they're"));
    }

    #[test]
    fn money_keeps_its_currency() {
        let (_, unit) = of("The deal is worth £15.8m to the trust.", "£15.8m");
        assert_eq!(unit, "£");
    }
}
