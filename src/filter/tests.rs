use proptest::prelude::*;

use super::*;
use crate::corpus::Article;

fn ids(hits: &[Hit]) -> Vec<usize> {
    hits.iter().map(|h| h.article).collect()
}

fn query(q: &str) -> Filters {
    Filters { query: q.into(), ..Filters::default() }
}

fn seeds() -> (Corpus, Index) {
    let corpus = Corpus::seeds().corpus;
    let index = Index::build(&corpus.articles);
    (corpus, index)
}

/// The seeds and a few more articles with capitals, accents and short texts.
fn mixed() -> (Corpus, Index) {
    let mut corpus = Corpus::seeds().corpus;
    let extra = [
        "Élysée confirms the summit\n\nThe ÉLYSÉE said on Monday that the Prime Minister of France would attend.",
        "PRIME MINISTER QUESTIONS\n\nThe prime minister, Tony Blair, faced Labour MPs over the BMA dispute.",
        "Straße closed in Berlin\n\nThe STRAẞE was closed. İstanbul and Istanbul are both spelled here.",
        "Tory leader speaks\n\nMichael Howard said the Tories would not back the strike. #GOPDebate @BBCNews",
        "sport round-up\n\nNo strike here: only football, cricket and a Sport Relief appeal by Jeremy Vine.",
    ];
    for (i, text) in extra.iter().enumerate() {
        corpus.articles.push(Article::parse(format!("x{i}"), format!("x{i}.txt"), text));
    }
    let index = Index::build(&corpus.articles);
    (corpus, index)
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

#[test]
fn filtering_the_seeds() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    assert_eq!(ids(&e.apply(&corpus, &index, &Filters::default())), [0, 1, 2, 3]);
    assert_eq!(ids(&e.apply(&corpus, &index, &query("capaldi"))), [0]);
    // Fuzzy: "#JuniorDoctorContracts" matches too, ranked below the exact spelling.
    assert_eq!(ids(&e.apply(&corpus, &index, &query("#juniorcontract"))), [0, 3, 2]);
    assert!(e.apply(&corpus, &index, &query("#capaldi")).is_empty(), "# matches hashtags only");
    assert_eq!(ids(&e.apply(&corpus, &index, &query("@dr"))), [0], "@ matches handles only");
    assert_eq!(ids(&e.apply(&corpus, &index, &query("'Stratford"))), [3]);

    let hunt = index.find_people("mr hunt");
    assert_eq!(hunt.len(), 1);
    let by_person = Filters { people: vec![hunt.clone()], ..Filters::default() };
    assert_eq!(ids(&e.apply(&corpus, &index, &by_person)), [0, 1, 3]);
    let both = Filters { people: vec![hunt], query: "'juniorcontract".into(), ..Filters::default() };
    assert_eq!(ids(&e.apply(&corpus, &index, &both)), [0, 3]);
}

#[test]
fn plain_words_find_bodies_after_titles_people_and_tags() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    // Michelle Obama matches b…m…a; the others only say BMA in their text, and come after.
    assert_eq!(ids(&e.apply(&corpus, &index, &query("bma"))), [1, 0, 3]);
    let hits = e.apply(&corpus, &index, &query("bma"));
    assert!(hits[0].score > 0 && hits[1].score < 0 && hits[1].score == hits[2].score);
    // Exact terms look in titles too: titles first, then bodies.
    assert_eq!(ids(&e.apply(&corpus, &index, &query("'strike"))), [0, 3, 1, 2]);
}

#[test]
fn each_operator_on_the_seeds() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    let mut found = |q: &str| sorted(ids(&e.apply(&corpus, &index, &query(q))));
    assert_eq!(found("^jun"), [0, 2, 3], "a title, or a tag without its #");
    assert_eq!(found("^doctors"), [0]);
    assert_eq!(found("!^doctors"), [1, 2, 3]);
    assert_eq!(found("hunt$"), [0, 1, 3], "a name");
    assert_eq!(found("time$"), [0], "a title; bodies are not read for $");
    assert_eq!(found("!hunt$"), [2]);
    assert_eq!(found("^capaldi$"), [0], "an alias, whole");
    assert_eq!(found("^peter$"), Vec::<usize>::new());
    assert_eq!(found("^juniorcontract$"), [0, 3]);
    assert_eq!(found("!sport"), [0, 1, 2, 3]);
    assert_eq!(found("!bieber"), [0, 1, 3]);
    assert_eq!(found("!'bieber"), [0, 1, 3]);
    assert_eq!(found("!walkout"), [1, 2], "negation reads bodies");
    assert_eq!(found("!cameron"), [0, 2, 3]);
    // Smart case.
    assert_eq!(found("'BMA"), [0, 1, 3]);
    assert_eq!(found("'Bma"), Vec::<usize>::new());
    assert_eq!(found("'bma"), [0, 1, 3]);
    // OR within a group, AND between groups.
    assert_eq!(found("bieber | cameron"), [1, 2]);
    assert_eq!(found("bieber | cameron 'nhs"), [1, 2]);
    assert_eq!(found("bieber | cameron !nhs"), Vec::<usize>::new());
    assert_eq!(found("bieber | capaldi !walkout"), [2]);
    // Terms still being typed filter nothing.
    for q in ["'", "!", "^", "$", "!'", "|", "#", "hunt |", "hunt '"] {
        let expected = if q.starts_with("hunt") { found("hunt") } else { vec![0, 1, 2, 3] };
        assert_eq!(found(q), expected, "{q:?}");
    }
}

#[test]
fn unicode_and_case_on_made_up_articles() {
    let (corpus, index) = mixed();
    let mut e = Engine::default();
    let mut found = |q: &str| sorted(ids(&e.apply(&corpus, &index, &query(q))));
    assert_eq!(found("'élysée"), [4]);
    assert_eq!(found("élysée"), [4], "fuzzy over folded text");
    assert_eq!(found("'ÉLYSÉE"), [4], "in the body, case-sensitive");
    assert_eq!(found("^élysée"), [4]);
    assert_eq!(found("'straße"), [6]);
    assert_eq!(found("^prime"), [5]);
    assert_eq!(found("^Prime"), Vec::<usize>::new(), "case-sensitive: the title is in capitals");
    assert_eq!(found("minister$"), Vec::<usize>::new());
    assert_eq!(found("questions$"), [5]);
    assert_eq!(found("!sport"), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(found("!^sport"), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert!(found("labour | tory").contains(&5) && found("labour | tory").contains(&7));
}

#[test]
fn people_chips_are_ored_inside_and_anded_between() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    let one = |name: &str| index.find_people(name);
    let (hunt, bieber, capaldi, cameron) =
        (one("hunt"), one("justin bieber"), one("capaldi"), one("david cameron"));
    let mut chips = |people: Vec<Vec<EntityId>>| {
        ids(&e.apply(&corpus, &index, &Filters { people, ..Filters::default() }))
    };
    assert_eq!(chips(vec![[hunt.clone(), bieber.clone()].concat()]), [0, 1, 2, 3]);
    assert_eq!(chips(vec![hunt.clone(), bieber]), Vec::<usize>::new());
    assert_eq!(chips(vec![hunt, [capaldi, cameron].concat()]), [0, 1]);
    let tags = [index.find_tags("juniorcontract"), index.find_tags("lovenhs")];
    assert!(tags[1].is_empty());
    let f = Filters {
        tags: vec![[tags[0].clone(), index.find_tags("LoveYourNHS")].concat()],
        ..Filters::default()
    };
    assert_eq!(ids(&e.apply(&corpus, &index, &f)), [0, 2, 3]);
}

#[test]
fn chips_toggle() {
    let mut chips = vec![vec![1, 2]];
    toggle_chip(&mut chips, 3);
    assert_eq!(chips, [vec![1, 2], vec![3]]);
    toggle_chip(&mut chips, 2);
    assert_eq!(chips, [vec![3]]);
    let f = Filters { people: chips, ..Filters::default() };
    assert!(f.has_person(3) && !f.has_person(2) && !f.has_tag(3));
}

#[test]
fn sorts() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    let mut by = |sort: Sort, q: &str| ids(&e.apply(&corpus, &index, &Filters { sort, ..query(q) }));
    assert_eq!(by(Sort::Relevance, ""), [0, 1, 2, 3]);
    assert_eq!(by(Sort::Date, ""), [2, 0, 1, 3], "undated last, in store order");
    assert_eq!(by(Sort::Title, ""), [0, 3, 1, 2], "Doctors, Fourth, It, Junior");
    assert_eq!(by(Sort::People, ""), [3, 0, 1, 2], "20, 5, 4 and 3 people");
    assert_eq!(by(Sort::Date, "'strike"), [2, 0, 1, 3]);
    assert_eq!(by(Sort::Title, "bma"), [0, 3, 1]);
    assert_eq!(by(Sort::Relevance, "bma"), [1, 0, 3]);
    let mut s = Sort::default();
    let mut labels = Vec::new();
    for _ in 0..4 {
        labels.push(s.label());
        s = s.next();
    }
    assert_eq!(labels, ["relevance", "date", "title", "people"]);
    assert_eq!(s, Sort::Relevance);
}

#[test]
fn one_name_against_a_query() {
    let e = Engine::default();
    for (q, hit) in [
        ("jer", true),
        ("^jer", true),
        ("^hunt", false),
        ("hunt$", true),
        ("!hunt", false),
        ("!bieber", true),
        ("'rem", true),
        ("'REM", false),
        ("bieber | hunt", true),
        ("bieber | capaldi", false),
        ("jer !hunt", false),
        ("#jer", false),
        ("^jeremy hunt$", true),
        ("^hunt jeremy$", false),
        ("^jeremy\\ hunt$", true),
        ("", true),
    ] {
        assert_eq!(e.matches("Jeremy Hunt", q).is_some(), hit, "{q:?}");
    }
    assert!(e.matches("#juniorcontract", "^junior").is_some(), "a tag without its #");
    assert!(e.matches("#juniorcontract", "^#jun").is_some());
    assert!(e.matches("#juniorcontract", "#jc").is_some());
    assert!(e.matches("@DrSherbert2", "#dr").is_none());
    assert!(e.matches("Élysée", "ély").is_some() && e.matches("ÉLYSÉE", "élysée").is_some());
    assert!(e.matches("Jeremy Hunt", "jhunt") > e.matches("Jeremy Hunt", "jt"));
}

#[test]
fn title_highlights() {
    let e = Engine::default();
    let title = "Doctors Strike For A Second Time";
    let at = |q: &str| e.title_matches(title, &Query::parse(q));
    assert_eq!(at("'strike"), (8..14).collect::<Vec<_>>());
    assert_eq!(at("^doc"), [0, 1, 2]);
    assert_eq!(at("time$"), [28, 29, 30, 31]);
    assert_eq!(at("!strike"), Vec::<usize>::new(), "negated terms mark nothing");
    assert_eq!(at("dst"), [0, 8, 9], "fuzzy: the matcher's own positions");
    assert_eq!(at("^doc 'for"), [0, 1, 2, 15, 16, 17]);
    let french = "L'ÉLYSÉE répond";
    assert_eq!(e.title_matches(french, &Query::parse("'élysée")), [2, 3, 4, 5, 6, 7]);
    assert_eq!(e.title_matches(french, &Query::parse("lyr")), [3, 4, 9]);
}

#[test]
fn partial_answers_are_part_of_the_answer() {
    let (corpus, index) = mixed();
    for ranked_fast in [0, RANKED_FAST] {
        for q in ["bma", "'strike", "s", "!walkout", "bma | cameron !walkout", "Hunt 'BMA", "labour | tory"] {
            for sort in [Sort::Relevance, Sort::Date] {
                let mut e = Engine { ranked_fast, ..Engine::default() };
                let mut fast = None;
                let f = Filters { sort, ..query(q) };
                let all =
                    e.apply_until(&corpus, &index, &f, &|| false, &mut |h| fast = Some(h)).expect("done");
                if let Some(fast) = fast {
                    assert!(fast.iter().all(|h| all.iter().any(|a| a.article == h.article)), "{q:?}");
                }
            }
        }
    }
}

#[test]
fn a_stopped_search_gives_nothing_and_the_next_one_is_right() {
    let (corpus, index) = seeds();
    let mut e = Engine::default();
    assert_eq!(e.apply_until(&corpus, &index, &query("'strike"), &|| true, &mut |_| {}), None);
    assert_eq!(ids(&e.apply(&corpus, &index, &query("'strike"))), [0, 3, 1, 2]);
}

/// Type `q` one key at a time into one engine, checking every answer against a fresh engine's.
fn check_typing(corpus: &Corpus, index: &Index, typed: &mut Engine, q: &str, sort: Sort) {
    let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    for &end in &ends {
        let f = Filters { sort, ..query(&q[..end]) };
        let incremental = typed.apply(corpus, index, &f);
        let fresh = Engine::default().apply(corpus, index, &f);
        assert_eq!(incremental, fresh, "after typing {:?} sorted by {sort:?}", &q[..end]);
    }
    // Deleting keys starts from the caches kept for shorter terms, and still agrees.
    for &end in ends.iter().rev().step_by(2) {
        let f = Filters { sort, ..query(&q[..end]) };
        assert_eq!(
            typed.apply(corpus, index, &f),
            Engine::default().apply(corpus, index, &f),
            "{:?}",
            &q[..end]
        );
    }
}

#[test]
fn typing_one_key_at_a_time_gives_what_a_fresh_search_gives() {
    let (corpus, index) = mixed();
    let queries = [
        "jeremy hunt",
        "'strike doc",
        "#junior capaldi",
        "bma doctors",
        "mr hunt 'nhs",
        "labour | tory",
        "labour | tory 'strike | !walkout",
        "!sport",
        "!walkout",
        "^jun",
        "hunt$",
        "^juniorcontract$",
        "bma | cameron !walkout",
        "Hunt 'BMA",
        "élysée 'ÉLYSÉE",
        "!^prime minister",
    ];
    for sort in [Sort::Relevance, Sort::Date, Sort::Title, Sort::People] {
        // One engine for every query, as the reader's worker keeps one.
        let mut typed = Engine::default();
        for q in queries {
            check_typing(&corpus, &index, &mut typed, q, sort);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_typing_gives_what_a_fresh_search_gives(
        q in proptest::collection::vec(
            prop_oneof![
                Just("b"), Just("m"), Just("a"), Just("s"), Just("t"), Just("r"), Just("i"), Just("k"),
                Just("e"), Just("H"), Just("é"), Just("'"), Just("!"), Just("^"), Just("$"), Just("|"),
                Just(" "), Just(" | "), Just("#"), Just("@"), Just("\\ "),
            ],
            1..14,
        ),
        sort in prop_oneof![Just(Sort::Relevance), Just(Sort::Date), Just(Sort::Title), Just(Sort::People)],
    ) {
        let (corpus, index) = mixed();
        let mut typed = Engine::default();
        check_typing(&corpus, &index, &mut typed, &q.concat(), sort);
    }
}

#[test]
fn the_byte_pre_check_agrees_with_the_fuzzy_matcher() {
    let ignore = SkimMatcherV2::default().ignore_case();
    let respect = SkimMatcherV2::default().respect_case();
    let choices = ["Jeremy Hunt", "Dr Johann Malawana", "#JuniorDoctorsStrike", "Élysée", "ŠKODA", "a_b-c d"];
    for choice in choices {
        for pattern in [
            "j", "jh", "JH", "jun", "Jun", "ds", "ly", "ab", "a_b", "kd", "x", "hunt", "é", "ÉLY", "šk", "Šk",
        ] {
            let t = Term::parse(pattern).expect("a term");
            let fp = FuzzyPattern::of(&t);
            let skim = fuzzy(&ignore, &respect, &fp, pattern, choice);
            assert_eq!(fp.quick_match(choice), skim.is_some(), "{pattern:?} in {choice:?}");
        }
    }
}
