//! The coverage as a whole: figure groups on hand-made articles, the timeline of the debate
//! tweets, dates from file names, and `--since`/`--until`/`--figure-groups` end to end.

mod common;

use std::process::Command;

use strike_reader::corpus::coverage::{Step, Timeline, figure_groups};
use strike_reader::corpus::index::Index;
use strike_reader::corpus::{Article, Corpus};

fn articles(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::parse(format!("a{i}"), format!("a{i}.txt"), &format!("Headline {i}\n\n{t}\n")))
        .collect()
}

/// A group as the tests read it: words, unit, (value, articles quoting it), values disagree.
type Group = (String, String, Vec<(f64, u32)>, bool);

fn groups(texts: &[&str]) -> Vec<Group> {
    let arts = articles(texts);
    let index = Index::build(&arts);
    let (groups, _) = figure_groups(&index, 0..arts.len(), 0, &|_| true);
    groups
        .iter()
        .map(|g| {
            let values = g.values.iter().map(|&(v, n)| (index.figures.values[v as usize].value, n)).collect();
            let f = &index.figures;
            (
                f.whats[g.group as usize].to_string(),
                f.units[g.group as usize].to_string(),
                values,
                g.disagree(&index),
            )
        })
        .collect()
}

#[test]
fn one_thing_written_two_ways_is_one_group_and_a_value_off_by_more_than_a_tenth_is_marked() {
    let g = groups(&[
        "Some 98% of junior doctors balloted voted for strikes.",
        "Ninety per cent of 1,000 Junior Doctors polled said they would resign.",
        "About 98% of junior doctors voted in favour, the union said.",
        "Turnout was high: 76% of junior doctors took part.",
    ]);
    let doctors = g.iter().find(|(w, u, _, _)| w == "junior doctor" && u == "%").expect("one group");
    assert_eq!(doctors.2, [(98.0, 2), (90.0, 1), (76.0, 1)], "largest first, articles per value");
    assert!(doctors.3, "76% differs from 98% (the most quoted) by more than 10%");
}

#[test]
fn values_within_a_tenth_agree_and_units_never_mix() {
    let g = groups(&[
        "The walkout lasted 48 hours across England.",
        "Doctors began a strike of 46 hours on Tuesday.",
        "Some 5,000 operations were postponed.",
        "In all 5,200 operations were cancelled.",
        "A strike of two days was called.",
    ]);
    let ops = g.iter().find(|(w, _, _, _)| w == "operation").expect("operations");
    assert_eq!(ops.1, "count");
    assert!(!ops.3, "5,000 and 5,200 are within 10%");
    let hours: Vec<_> = g.iter().filter(|(_, u, _, _)| u == "hour").collect();
    let days: Vec<_> = g.iter().filter(|(_, u, _, _)| u == "day").collect();
    assert!(!hours.is_empty() && !days.is_empty(), "hours and days are never one group: {g:?}");
}

#[test]
fn moments_and_small_counts_are_not_grouped() {
    let g = groups(&["The strike began at 08:00 on 26 April 2016, and two men were held."]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn an_article_quoting_a_value_twice_counts_once() {
    let g = groups(&["Some 5,000 operations were postponed. Again: 5,000 operations were postponed."]);
    assert_eq!(g[0].2, [(5000.0, 1)]);
}

#[test]
fn a_date_in_the_file_name_dates_an_article_with_no_other_date() {
    let a = Article::parse("x".into(), "news/2016-04-26-hunt-contract.txt".into(), "Hunt\n\nText.\n");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2016-04-26"));
    let a = Article::parse("x".into(), "news/2016-04-26-hunt.txt".into(), "Hunt\n\n10 May 2016\n\nText.\n");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2016-05-10"), "the text's dateline wins");
}

#[test]
fn the_debate_tweets_count_by_hour_and_a_handle_has_its_own_timeline() {
    let Some(dir) = common::shared_corpus("gop_debate_tweets") else { return };
    let corpus = Corpus::from_paths(&[dir.join("Sentiment.csv")]).expect("loads").corpus;
    let index = Index::build(&corpus.articles);
    let all = Timeline::over(&index, 0..corpus.articles.len());
    assert_eq!(all.step, Some(Step::Hour), "one night of tweets, by hour");
    assert_eq!(all.dated() + all.undated, corpus.articles.len(), "nothing dropped");
    assert!(all.buckets.len() >= 12, "{}", all.buckets.len());
    let trump = index.find_tags("@realDonaldTrump");
    let theirs: Vec<usize> = (0..corpus.articles.len())
        .filter(|&a| index.article_tags[a].iter().any(|(t, _)| trump.contains(t)))
        .collect();
    let one = Timeline::over(&index, theirs.iter().copied());
    assert!(one.dated() < all.dated() && one.dated() > 100);
    let share = |t: &Timeline| {
        let peak = t.busiest(1)[0];
        (t.buckets[peak].from, f64::from(t.buckets[peak].articles) / t.dated() as f64)
    };
    assert_ne!(share(&all), share(&one), "the handle's timeline is its own");
    common::report(&format!(
        "tweets: {} by hour over {} hours; @realDonaldTrump {} (peak {})",
        all.dated(),
        all.buckets.len(),
        one.dated(),
        Step::Hour.label(share(&one).0)
    ));
}

fn export(args: &[&str]) -> (String, String, i32) {
    let o = Command::new(env!("CARGO_BIN_EXE_strike-reader")).args(args).output().expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (text(&o.stdout), text(&o.stderr), o.status.code().unwrap_or(-1))
}

#[test]
fn since_and_until_select_by_date_and_bad_dates_exit_2() {
    let (out, _, code) = export(&["export", "--since", "2016-08"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "one seed is dated 10 August 2016");
    let (out, _, _) = export(&["export", "--since", "2016-08-10", "--until", "2016-08-10"]);
    assert_eq!(out.lines().count(), 1);
    let (out, _, _) = export(&["export", "--until", "2016-08-09"]);
    assert_eq!(out.lines().count(), 0, "undated articles are in no period");
    let (_, err, code) = export(&["export", "--since", "next tuesday"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a date"), "{err}");
    let (_, err, code) = export(&["export", "--since", "2017", "--until", "2016"]);
    assert_eq!(code, 2);
    assert!(err.contains("after --until"), "{err}");
}

#[test]
fn export_figure_groups_lists_values_with_the_articles_quoting_them() {
    let (out, err, code) = export(&["export", "--figure-groups", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let groups: serde_json::Value = serde_json::from_str(&out).expect("json");
    let first = &groups[0];
    assert_eq!(first["what"], "junior doctor");
    assert_eq!(first["unit"], "%");
    assert_eq!(first["differ"], true);
    let keys: Vec<&str> = first.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["what", "unit", "quotes", "differ", "generic", "values"]);
    let value = &first["values"][0];
    assert_eq!(value["text"], "98%");
    assert_eq!(value["articles"][0], "000_3d8d3efca1eb1b7a");
    let (csv, _, code) = export(&["export", "--figure-groups", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("what,unit,value,text,articles,differs,group_quotes,generic\n"));
}
