//! The corpus-level yardstick: what a reader sees in the People sidebar over a whole corpus.
//!
//! - The top 100 people of the BBC corpus and of the debate tweets (most articles first, as the
//!   sidebar sorts them) are checked against hand labels in `tests/fixtures/corpus/`: is each
//!   row a person, under the right name? Rules in `tests/fixtures/corpus/LABELS.md`.
//! - No article lists a person whose name it never writes, unless the corpus-wide stage linked a
//!   short form to that name (and says so).
//! - Tweets that say "Trump" list Donald Trump.
//!
//! Skips with a message when `../shared/corpora` is absent.

mod common;

use std::collections::HashMap;
use std::path::Path;

use strike_reader::corpus::{Article, Corpus};

const TOP: usize = 100;
/// Rows of the top 100 that may lack a label (counted as wrong) before the labels must be
/// brought up to date.
const UNLABELLED_AT_MOST: usize = 5;

struct Row {
    name: String,
    articles: usize,
    mentions: usize,
}

/// The sidebar's People rows over every article: most articles first, then most mentions.
fn top_people(articles: &[Article], n: usize) -> Vec<Row> {
    let mut by_name: HashMap<&str, (usize, usize)> = HashMap::new();
    for a in articles {
        for p in &a.entities.people {
            let e = by_name.entry(&p.name).or_default();
            e.0 += 1;
            e.1 += p.count();
        }
    }
    let mut rows: Vec<Row> = by_name
        .into_iter()
        .map(|(name, (articles, mentions))| Row { name: name.to_string(), articles, mentions })
        .collect();
    rows.sort_by(|a, b| {
        b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name))
    });
    rows.truncate(n);
    rows
}

fn is_right(verdict: &str) -> bool {
    matches!(verdict, "ok" | "ok-partial" | "misspelled")
}

/// Top-100 precision against the labels, printing every row that is wrong or unlabelled.
fn top_precision(what: &str, articles: &[Article], label_file: &str) -> f64 {
    let labels = common::corpus_labels(label_file);
    let rows = top_people(articles, TOP);
    let mut right = 0;
    let mut unlabelled = Vec::new();
    for (rank, row) in rows.iter().enumerate() {
        match labels.get(&row.name) {
            Some(v) if is_right(v) => right += 1,
            Some(v) => common::report(&format!(
                "  {what} #{:<3} {:<28} {v} ({} articles, {} mentions)",
                rank + 1,
                row.name,
                row.articles,
                row.mentions
            )),
            None => unlabelled.push(format!("{} (#{}, {} articles)", row.name, rank + 1, row.articles)),
        }
    }
    let precision = right as f64 / rows.len().max(1) as f64;
    common::report(&format!("{what}: top-{TOP} people precision {precision:.2} ({right}/{})", rows.len()));
    assert!(
        unlabelled.len() <= UNLABELLED_AT_MOST,
        "{what}: {} of the top {TOP} are not labelled in {label_file}: {}",
        unlabelled.len(),
        unlabelled.join(", ")
    );
    if !unlabelled.is_empty() {
        common::report(&format!("  {what}: unlabelled (counted as wrong): {}", unlabelled.join(", ")));
    }
    precision
}

/// People an article lists under a name it never writes (title, body or byline), other than
/// the ones the corpus-wide stage marked as linked.
fn unwritten_names(articles: &[Article]) -> Vec<String> {
    let mut out = Vec::new();
    for a in articles {
        // "George W. Bush" and "Sen. Schumer" are written without their full stops.
        let text = format!("{}\n{}\n{}", a.title, a.body, a.authors.join("\n")).replace('.', "");
        // "Ahmed 'Mido' Hossam", "(Zinedine) Zidane": a nickname or a bracket inside the name.
        let text = format!("{text}\n{}\n{}", without_nicknames(&text), text.replace(['(', ')'], ""));
        for p in a.entities.people.iter().filter(|p| !p.linked) {
            if !text.contains(&p.name.replace('.', "")) {
                out.push(format!("{}: {:?} (aliases {:?})", a.id, p.name, p.aliases));
            }
        }
    }
    out
}

/// The text with every quoted or bracketed single word and its brackets taken out.
fn without_nicknames(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['\'', '"', '‘', '“', '(']) {
        out.push_str(&rest[..i]);
        let open = rest[i..].chars().next().unwrap_or('(');
        let after = &rest[i + open.len_utf8()..];
        let word_end = after.find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(after.len());
        let close = after[word_end..].chars().next();
        let closes = matches!(
            (open, close),
            ('(', Some(')')) | ('\'', Some('\'')) | ('‘', Some('’')) | ('"', Some('"')) | ('“', Some('”'))
        );
        if word_end > 0 && closes {
            // Drop the word, its brackets and one space after.
            let skip = word_end + close.map_or(0, char::len_utf8);
            rest = after[skip..].strip_prefix(' ').unwrap_or(&after[skip..]);
        } else {
            out.push(open);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn load(path: &Path) -> Vec<Article> {
    Corpus::from_paths(&[path.to_path_buf()]).expect("the shared corpus loads").corpus.articles
}

#[test]
fn bbc_sidebar_people_are_people_under_their_own_names() {
    let Some(bbc) = common::shared_corpus("bbc") else { return };
    let articles = load(&bbc);
    let precision = top_precision("BBC", &articles, "bbc-people.tsv");
    let unwritten = unwritten_names(&articles);
    assert!(
        unwritten.is_empty(),
        "{} people under names their article never writes:\n{}",
        unwritten.len(),
        unwritten.join("\n")
    );
    // 0.89 before corpus-wide resolution, 0.93 with it (README).
    assert!(precision >= 0.91, "BBC top-{TOP} people precision {precision:.2} is below 0.91");
}

#[test]
fn tweet_sidebar_people_are_people_and_trump_is_donald_trump() {
    let Some(dir) = common::shared_corpus("gop_debate_tweets") else { return };
    let articles = load(&dir);
    let precision = top_precision("tweets", &articles, "tweets-people.tsv");
    let unwritten = unwritten_names(&articles);
    assert!(
        unwritten.is_empty(),
        "{} people under names their tweet never writes:\n{}",
        unwritten.len(),
        unwritten.join("\n")
    );

    // "Trump" as a word of the text, as a reader would search for it; and the stricter share
    // that leaves out tweets where it is only part of a hashtag or handle ("#Trump").
    let word = |body: &str, tags_too: bool| {
        body.match_indices("Trump").any(|(i, _)| {
            let before = body[..i].chars().next_back();
            let after = body[i + "Trump".len()..].chars().next();
            let starts = before.is_none_or(|c| !c.is_alphanumeric() && (tags_too || (c != '#' && c != '@')));
            starts && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    let lists_trump = |a: &Article| a.entities.people.iter().any(|p| &*p.name == "Donald Trump");
    let tweets: Vec<&Article> = articles.iter().filter(|a| a.id.starts_with("Sentiment:")).collect();
    let share = |tags_too: bool| {
        let saying: Vec<&&Article> = tweets.iter().filter(|a| word(&a.body, tags_too)).collect();
        let listing = saying.iter().filter(|a| lists_trump(a)).count();
        (listing, saying.len())
    };
    let (all_listing, all_saying) = share(true);
    let (listing, saying) = share(false);
    common::report(&format!(
        "tweets saying \"Trump\" that list Donald Trump: {all_listing} of {all_saying} ({:.1}%); \
         outside hashtags and handles: {listing} of {saying} ({:.1}%)",
        100.0 * all_listing as f64 / all_saying.max(1) as f64,
        100.0 * listing as f64 / saying.max(1) as f64,
    ));
    assert!(saying > 1000, "expected the debate tweets, found {saying} saying Trump");
    // People the issue found missing: listed under their own names, and bare "Cruz" and
    // "Christie" linked to them.
    let listed =
        |name: &str| tweets.iter().filter(|a| a.entities.people.iter().any(|p| &*p.name == name)).count();
    for name in ["Megyn Kelly", "Jeb Bush", "Ted Cruz", "Chris Christie"] {
        assert!(listed(name) >= 5, "{name} is listed in only {} tweets", listed(name));
    }
    let linked_as = |name: &str, alias: &str| {
        tweets.iter().any(|a| {
            a.entities
                .people
                .iter()
                .any(|p| &*p.name == name && p.linked && p.aliases.iter().any(|x| &**x == alias))
        })
    };
    assert!(linked_as("Ted Cruz", "Cruz") && linked_as("Chris Christie", "Christie"));
    assert!(
        listing as f64 >= 0.9 * saying as f64,
        "only {listing} of {saying} Trump tweets list Donald Trump"
    );
    // 0.79 before corpus-wide resolution, 0.88 with it (README).
    assert!(precision >= 0.86, "tweets top-{TOP} people precision {precision:.2} is below 0.86");
}
