//! Title, date and byline inference on the four seed articles, and the body's shape.

use strike_reader::corpus::{Article, Corpus, Date};

fn seed(prefix: &str) -> Article {
    Corpus::seeds().corpus.articles.into_iter().find(|a| a.id.starts_with(prefix)).expect("seed exists")
}

#[test]
fn a_headline_on_the_first_line_is_the_title() {
    let a = seed("000");
    assert_eq!(&*a.title, "Doctors Are Sharing The Ways They Help Patients As They Strike For A Second Time");
    assert!(!a.title_inferred);
    assert_eq!(a.date, None);
    assert!(a.authors.is_empty());
    assert!(a.body.starts_with("Doctors wanted to put a “human face”"), "indentation is normalised");
    assert!(!a.body.contains(&*a.title), "the headline is not repeated in the body");
}

#[test]
fn prose_without_a_headline_gets_a_visibly_shortened_title() {
    let a = seed("001");
    assert!(a.title_inferred);
    assert_eq!(&*a.title, "It wasn't meant to go like this…");
    assert!(a.body.starts_with("It wasn't meant to go like this."), "nothing is cut from the body");
    assert_eq!(a.paragraphs().count(), 16, "each line of this piece is a paragraph");
}

#[test]
fn a_date_line_before_the_headline() {
    let a = seed("002");
    assert_eq!(&*a.title, "Junior Doctors and Social Media: Fighting for the NHS");
    assert_eq!(a.date, Date::new(2016, 8, 10));
    assert!(a.body.starts_with("ps1.jpg What happens"), "date line and headline leave the body");
}

#[test]
fn a_numbered_summary_first_and_a_byline() {
    let a = seed("003");
    assert!(a.title.starts_with("Fourth strike involving junior doctors in England"));
    assert!(a.title.ends_with('…') && a.title.chars().count() <= 90, "{}", a.title);
    assert_eq!(a.authors, ["Lauren Turner", "James Gallagher", "Dominic Howell"]);
    assert_eq!(a.date, None, "no year is given anywhere near the top");
    let paragraphs: Vec<&str> = a.paragraphs().collect();
    assert_eq!(
        paragraphs[1],
        "2. Doctors are providing emergency cover, but 5,000 operations and procedures are postponed"
    );
    assert!(
        paragraphs.iter().any(|p| p.starts_with("• If you have a planned operation")),
        "bullets are kept"
    );
}

#[test]
fn ids_paths_and_word_counts() {
    let corpus = Corpus::seeds().corpus;
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["000_3d8d3efca1eb1b7a", "001_09d835ca1b7d4575", "002_a4846386e668493d", "003_a631316694bc7d5d"]
    );
    assert_eq!(corpus.articles[0].path, "seeds/000_3d8d3efca1eb1b7a.txt");
    for a in &corpus.articles {
        let expected = a.body.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        assert_eq!(a.words, expected);
        assert!(a.words > 400, "{} has {} words", a.id, a.words);
    }
}

#[test]
fn hard_wrapped_markdown_is_joined_and_headings_titled() {
    let a = Article::parse(
        "note".into(),
        "note.md".into(),
        "# Strike talks resume\n\nBy Jane Smith\n\nTalks between the union and ministers resumed on\n\
         Monday after a week in which 5,000 operations were postponed across England.\n",
    );
    assert_eq!(&*a.title, "Strike talks resume");
    assert_eq!(a.authors, ["Jane Smith"]);
    assert!(a.body.contains("resumed on Monday after a week"));
}

#[test]
fn the_state_key_follows_the_content_not_the_file() {
    let text = "Strike day\n\nJeremy Hunt said 98% voted.\n";
    let a = Article::parse("a".into(), "old/a.txt".into(), text);
    let moved = Article::parse("b".into(), "new/place/b.txt".into(), text);
    let edited =
        Article::parse("a".into(), "old/a.txt".into(), "Strike day\n\nJeremy Hunt said 97% voted.\n");
    assert_eq!(a.key, moved.key);
    assert_ne!(a.key, edited.key);
}
