//! Entity extraction: people, hashtags, @handles and figures from an article body.
//!
//! One tokenizer pass feeds three readers. Everything is rule-based and runs on word lists
//! embedded from `assets/`, so extraction is fast, deterministic and needs no model download.

pub mod counts;
mod figures;
pub(crate) mod lexicon;
mod orgs;
mod people;
pub mod quotes;
pub(crate) mod speakers;
mod tags;
pub(crate) mod tokens;

use std::sync::Arc;

use serde::Serialize;
use smallvec::SmallVec;

/// Where an entity is mentioned. Most people and tags are mentioned once in an article, and
/// one span is kept inline rather than in an allocation of its own.
pub type Spans = SmallVec<[Span; 1]>;

/// A byte range in an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset just past the last byte.
    pub end: u32,
}

impl Span {
    /// The span `start..end`, offsets past `u32::MAX` clamped to it.
    pub fn new(start: usize, end: usize) -> Span {
        // Bodies above 4 GiB are refused at load time, so offsets fit.
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span { start: clamp(start), end: clamp(end) }
    }

    /// The span as a range to slice the body with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a figure is. `Measure` carries its dimension so that only like measures are compared
/// (the sidebar's bars); it is exported as `measure` alone, and the value says the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A percentage, as written: "98%" is 98, not 0.98.
    Percent,
    /// How many of something ("1,000 junior doctors", "three ministers").
    Count,
    /// An amount in the currency's main unit, currency not kept ("50p" is 0.5).
    Money,
    /// A span of time, in the unit written ("48 hours" is 48); a race time in seconds.
    Duration,
    /// A time of day, in hours since midnight ("17:30" is 17.5).
    Time,
    /// A year, a day of the month, or `YYYYMMDD` when the date is complete.
    Date,
    /// A number with nothing to say what it counts (fractions, ratios, codes).
    Number,
    /// A length, mass, speed, ...: the value is in the dimension's base unit.
    Measure(Dimension),
    /// How old someone or something is, in years.
    Age,
}

impl Unit {
    /// The name `export` writes; every measure is `measure`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Money => "money",
            Unit::Duration => "duration",
            Unit::Time => "time",
            Unit::Date => "date",
            Unit::Number => "number",
            Unit::Measure(_) => "measure",
            Unit::Age => "age",
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a measure measures. Values are converted to one base unit per dimension, so that
/// "6ft 2in" and "1.88m" are the same figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// In metres.
    Length,
    /// In square metres.
    Area,
    /// In litres.
    Volume,
    /// In kilograms.
    Mass,
    /// In km/h.
    Speed,
    /// In degrees Celsius.
    Temperature,
    /// Bytes of storage or data ("50GB").
    Data,
    /// Bits per second ("2Mbps", "an eight megabit service").
    DataRate,
    /// In hertz.
    Frequency,
    /// In watts.
    Power,
}

impl Dimension {
    /// The base unit a measure's value is given in.
    pub fn base(self) -> &'static str {
        match self {
            Dimension::Length => "m",
            Dimension::Area => "m²",
            Dimension::Volume => "l",
            Dimension::Mass => "kg",
            Dimension::Speed => "km/h",
            Dimension::Temperature => "°C",
            Dimension::Data => "B",
            Dimension::DataRate => "bit/s",
            Dimension::Frequency => "Hz",
            Dimension::Power => "W",
        }
    }
}

/// One person mentioned in an article, every form of their name merged.
///
/// Names are shared: a corpus interns every name and alias once (see `corpus::intern`).
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The fullest form seen, without title.
    pub name: Arc<str>,
    /// Every other form seen ("Mr Hunt", "Hunt"), in order of first appearance.
    pub aliases: Vec<Arc<str>>,
    /// One per mention: how often the person is mentioned is `spans.len()`.
    pub spans: Spans,
    /// The article writes only a short form ("Trump", "Mr Hunt"); the full name comes from
    /// the rest of the corpus, where one person of that surname dominates.
    pub linked: bool,
}

/// One organisation mentioned in an article: a union, employer, government body, company,
/// party, hospital or charity, its acronyms merged ("British Medical Association", "BMA").
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// The fullest name the article gives, without "the" ("British Medical Association").
    pub name: Arc<str>,
    /// Acronyms that stand for it in the article ("BMA").
    pub aliases: Vec<Arc<str>>,
    /// Where it is mentioned, by any of its names.
    pub spans: Spans,
}

impl Organisation {
    /// How often it is mentioned.
    pub fn count(&self) -> usize {
        self.spans.len()
    }
}

/// Whether a speaker is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// One of the article's people.
    Person,
    /// One of the article's organisations.
    Organisation,
}

/// Who a quote's words belong to: one of the article's people or organisations, by its name
/// there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// A person or an organisation.
    pub kind: SpeakerKind,
    /// The canonical name, as in the article's `people` or `organisations`.
    pub name: Arc<str>,
}

/// A quote and who said it, resolved through the article's entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The words, the cue and the words that name the speaker.
    pub quote: quotes::Quote,
    /// Who that is, when the article lets a careful reader tell; None for "a spokesman said".
    pub speaker: Option<Speaker>,
}

impl Attribution {
    /// The words in the text that name the speaker ("Mr Hunt", "he", "a spokesman").
    pub fn speaker_text<'a>(&self, body: &'a str) -> &'a str {
        self.quote.speaker.and_then(|s| body.get(s.range())).unwrap_or("")
    }

    /// The quoted words.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.quote.content.range()).unwrap_or("")
    }

    /// The cue ("said", "according to"); empty for a quote running on without one.
    pub fn cue<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.quote.cue.range()).unwrap_or("")
    }
}

/// A hashtag used in an article, case variants folded into one.
#[derive(Debug, Clone, PartialEq)]
pub struct Hashtag {
    /// With its `#`, in the spelling seen most often.
    pub tag: Arc<str>,
    /// One per use, in text order.
    pub spans: Spans,
}

/// An @handle used in an article, case variants folded into one.
#[derive(Debug, Clone, PartialEq)]
pub struct Handle {
    /// With its `@`, as first seen.
    pub handle: Arc<str>,
    /// One per use, in text order.
    pub spans: Spans,
}

impl Person {
    /// Mentions in the article.
    pub fn count(&self) -> usize {
        self.spans.len()
    }
}

impl Hashtag {
    /// Uses in the article.
    pub fn count(&self) -> usize {
        self.spans.len()
    }
}

impl Handle {
    /// Uses in the article.
    pub fn count(&self) -> usize {
        self.spans.len()
    }
}

/// A figure keeps only offsets into its article's body: the text is stored once.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The quantity as a number, in the terms `unit` gives ("£15.8m" is 15800000).
    pub value: f64,
    /// What kind of quantity it is, and so how to read `value`.
    pub unit: Unit,
    /// The exact text in the body.
    pub span: Span,
    /// What the figure counts, in the text's own words.
    pub context: Span,
    /// What it counts reduced to the words articles share ("junior doctor"), by which the
    /// corpus groups figures; None for dates and times, and when the context names nothing.
    pub what: Option<Arc<str>>,
}

impl Figure {
    /// The figure as written; `body` must be the body of the figure's article.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.span.range()).unwrap_or("")
    }

    /// The words saying what it counts (empty when none do); `body` as for `text`.
    pub fn context<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.context.range()).unwrap_or("")
    }
}

/// Everything extracted from one article body; every span is a byte range into that body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// People, each listed once.
    pub people: Vec<Person>,
    /// Hashtags, each listed once, in order of first use.
    pub hashtags: Vec<Hashtag>,
    /// @handles, each listed once, in order of first use.
    pub handles: Vec<Handle>,
    /// Figures, in text order.
    pub figures: Vec<Figure>,
    /// Organisations, most mentioned first.
    pub organisations: Vec<Organisation>,
    /// Who said what, in text order.
    pub quotes: Vec<Attribution>,
    /// One-word names the article does not resolve itself ("Trump" with no "Donald Trump"),
    /// kept until the corpus-wide stage has had a chance to (`corpus::resolve`).
    pub unlinked: Vec<Span>,
    /// Names the article shows to be works or bands, for the corpus-wide stage.
    pub works: Vec<Span>,
    /// Names of two words or more that nothing in the article vouches for, for the corpus-wide
    /// stage.
    pub pending: Vec<Span>,
    /// Acronyms the article shows to name a product, an index or an event ("Sony's PSP"), for
    /// the corpus-wide stage.
    pub not_orgs: Vec<Arc<str>>,
}

/// Extract every entity from a body of text.
pub fn extract(body: &str) -> Entities {
    let tokens = tokens::tokenize(body);
    let (hashtags, handles) = tags::collect(body, &tokens);
    let (people, left) = people::collect(body, &tokens);
    let mut figures = figures::collect(body, &tokens);
    for f in &mut figures {
        f.what = counts::what(f, body).map(Arc::from);
    }
    let (organisations, not_orgs) = orgs::collect(body, &tokens, &people);
    let mut quotes: Vec<Attribution> = quotes::collect(body, &tokens)
        .into_iter()
        .map(|quote| Attribution { quote, speaker: None })
        .collect();
    speakers::attribute(body, &mut quotes, &people, &organisations);
    Entities {
        people,
        hashtags,
        handles,
        figures,
        organisations,
        quotes,
        not_orgs,
        unlinked: left.unlinked,
        works: left.works,
        pending: left.pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        extract(text)
            .people
            .into_iter()
            .map(|p| (p.name.to_string(), p.aliases.iter().map(|a| a.to_string()).collect()))
            .collect()
    }

    fn figures(text: &str) -> Vec<(String, f64, Unit)> {
        extract(text).figures.into_iter().map(|f| (f.text(text).to_string(), f.value, f.unit)).collect()
    }

    #[test]
    fn titles_roles_and_possessives_are_stripped_and_forms_merged() {
        let p = people("Health secretary Jeremy Hunt spoke. Later Mr Hunt's aides said Hunt would not.");
        assert_eq!(p, [("Jeremy Hunt".to_string(), vec!["Mr Hunt".to_string(), "Hunt".to_string()])]);
        assert_eq!(people("Actor John Hurt echoed it.")[0].0, "John Hurt");
        assert_eq!(people("Comedian Shappi Khorsandi was there.")[0].0, "Shappi Khorsandi");
    }

    #[test]
    fn organisations_places_and_works_are_not_people() {
        assert!(people("Teaching CPR outside Stratford Station and Ealing Hospital.").is_empty());
        assert!(people("The hashtag plays on the television show Doctor Who.").is_empty());
        assert!(
            people("Actors from medical comedy Green Wing stood there. Green Wing cast join.").is_empty()
        );
        assert!(people("She has starred in Miranda and Peep Show.").is_empty());
        assert!(people("Live Reporting\n\nGet Involved").is_empty());
    }

    #[test]
    fn lists_vouch_for_names_not_for_titles_of_works() {
        let p = people(
            "Michel Gondry for Eternal Sunshine of the Spotless Mind and Marc Forster for Finding Neverland.",
        );
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Michel Gondry", "Marc Forster"]);
    }

    #[test]
    fn a_shared_surname_is_never_guessed() {
        let p = people("Gordon Brown met Nick Brown. Mr Brown said no.");
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Gordon Brown", "Nick Brown"]);
        assert!(p.iter().all(|(_, a)| a.is_empty()), "{p:?}");
    }

    #[test]
    fn an_initial_joins_the_full_name_it_stands_for() {
        let p = people(
            "Brian O'Driscoll scored and Andy Robinson watched.\n\nIreland: G Murphy, B O'Driscoll, \
             S Horgan, J Robinson, R O'Gara.",
        );
        let driscoll = p.iter().find(|(n, _)| n == "Brian O'Driscoll").expect("merged");
        assert!(driscoll.1.contains(&"B O'Driscoll".to_string()), "{p:?}");
        assert!(p.iter().any(|(n, _)| n == "J Robinson"), "another initial stays apart: {p:?}");
        assert!(!p.iter().any(|(n, _)| n == "B O'Driscoll"));
    }

    #[test]
    fn cues_vouch_for_unfamiliar_names() {
        // A speech verb, an age, a list with a known person, an initial.
        assert_eq!(people("Maevis Tan said she was standing up.")[0].0, "Maevis Tan");
        assert_eq!(people("Dr Jason Seebaluk, 27, who works in Euston.")[0].0, "Jason Seebaluk");
        let list = people("Stars Tamsin Greig, Stephen Mangan and Julian Rhind-Tutt joined.");
        assert_eq!(list.len(), 3, "{list:?}");
        assert_eq!(people("Ref: S Dunn (Gloucestershire).")[0].0, "S Dunn");
    }

    fn names(text: &str) -> Vec<String> {
        people(text).into_iter().map(|(n, _)| n).collect()
    }

    /// The people of a text, as a sorted list of names.
    fn sorted(text: &str) -> Vec<String> {
        let mut n = names(text);
        n.sort();
        n
    }

    #[test]
    fn an_occupation_or_a_relation_introduces_a_one_name_person() {
        assert_eq!(names("The rapper Kano won. Kano thanked fans."), ["Kano"]);
        assert_eq!(people("Blazin' Squad singer Kenzie is second.")[0].0, "Kenzie");
        assert_eq!(names("Former dancer Bez was there."), ["Bez"]);
        assert_eq!(names("She arrived with her husband Stephen."), ["Stephen"]);
        assert_eq!(names("Barcelona striker Ronaldinho scored twice."), ["Ronaldinho"]);
        // Capitalised at the start of a sentence too.
        assert_eq!(names("Rapper Dizzee won."), ["Dizzee"]);
        // A plural before a list: "presenters Ant and Dec".
        assert_eq!(sorted("Told by presenters Anthony and Declan tonight."), ["Anthony", "Declan"]);
    }

    #[test]
    fn an_apposition_an_age_a_speech_verb_or_a_given_name_phrase_introduces_one() {
        assert_eq!(names("Kano, 19, said the award was his."), ["Kano"]);
        assert_eq!(names("Bez, the dancer, was favourite."), ["Bez"]);
        assert_eq!(names("Morrissey told the crowd he loved them."), ["Morrissey"]);
        assert_eq!(names("Mido said: \"I am sorry.\""), ["Mido"]);
        assert_eq!(names("Madonna topped the list. The 46-year-old earned most."), ["Madonna"]);
        assert_eq!(names("Mark Berry, better known as Bez, danced."), ["Mark Berry", "Bez"]);
        // A one-word name listed beside people is one of them.
        assert_eq!(
            sorted("Nominees are Kylie Minogue, Anastacia and Gwen Stefani."),
            ["Anastacia", "Gwen Stefani", "Kylie Minogue"]
        );
    }

    #[test]
    fn a_cue_before_a_firm_a_place_or_an_award_makes_no_one_name_person() {
        assert!(names("Market leader Diageo grew, as did rival Porsche.").is_empty());
        assert!(names("Sony said it would not, the analysts Gartner said.").is_empty());
        assert!(names("She won the best actress Oscar.").is_empty());
        assert!(names("The match against host Australia was close.").is_empty());
        assert!(names("Glenmorangie, one of Scotland's premier whisky firms, grew.").is_empty());
        assert!(names("Operator T-Mobile and co-author Jones.").iter().all(|n| n != "T-Mobile"));
        // A word the article also writes in lower case is a word.
        assert!(names("The star Usher led the usher to his seat.").is_empty());
    }

    #[test]
    fn names_are_read_as_written() {
        // Digits, apostrophes, particles, Mc/Mac, hyphens.
        assert_eq!(people("Rapper 50 Cent sold most. 50 Cent left.")[0], ("50 Cent".to_string(), vec![]));
        let p = people("Sinead O'Connor sang and O'Connor left.");
        assert_eq!(p, [("Sinead O'Connor".to_string(), vec!["O'Connor".to_string()])]);
        let p = people("Prime minister Dominique de Villepin spoke. Mr de Villepin left.");
        assert_eq!(p, [("Dominique de Villepin".to_string(), vec!["Mr de Villepin".to_string()])]);
        let p = people("Osama bin Laden hid; bin Laden was found.");
        assert_eq!(p, [("Osama bin Laden".to_string(), vec!["bin Laden".to_string()])]);
        let p = people("It was worse than Ruud van Nistelrooy's foul. Van Nistelrooy apologised.");
        assert_eq!(p, [("Ruud van Nistelrooy".to_string(), vec!["Van Nistelrooy".to_string()])]);
        assert_eq!(sorted("Steve McClaren and Kenny MacLeod met."), ["Kenny MacLeod", "Steve McClaren"]);
        assert_eq!(names("Jean-Paul Sartre wrote it."), ["Jean-Paul Sartre"]);
        assert_eq!(names("Rapper Jay-Z won."), ["Jay-Z"]);
        // Initials, with and without full stops.
        assert_eq!(names("J.K. Rowling wrote it."), ["J.K. Rowling"]);
        assert_eq!(names("Author JK Rowling wrote it."), ["JK Rowling"]);
        assert!(names("The U.S. and the UK Film Council agreed.").is_empty());
    }

    #[test]
    fn a_nickname_or_part_of_a_name_in_quotes_or_brackets_joins_the_name() {
        let p = people("Ahmed 'Mido' Hossam was dropped. Mido said sorry.");
        assert_eq!(p, [("Ahmed Hossam".to_string(), vec!["Mido".to_string()])]);
        let p = people("Marion \"Suge\" Knight was jailed.");
        assert_eq!(p, [("Marion Knight".to_string(), vec!["Suge".to_string()])]);
        assert_eq!(
            names("Stars like David Beckham and (Zinedine) Zidane came."),
            ["David Beckham", "Zinedine Zidane"]
        );
        assert!(names("Team sheet (Argentina) Perez.").iter().all(|n| !n.contains("Argentina")));
    }

    #[test]
    fn a_team_sheet_with_substitutes_lists_its_players() {
        let p = sorted(
            "Danny Williams scored.\n\nMawson, Travis, Mkandawire, James, Hyde (Pitman 105), Purdie \
             (Mills 83), Brown.",
        );
        for name in ["Mawson", "Travis", "Mkandawire", "Hyde", "Pitman", "Purdie", "Mills"] {
            assert!(p.iter().any(|n| n == name), "{name} missing from {p:?}");
        }
    }

    #[test]
    fn where_someone_is_from_introduces_a_name() {
        assert_eq!(names("He beat Scot Nick Smith easily."), ["Nick Smith"]);
        assert_eq!(names("It left Britain's Nick Buckfield third."), ["Nick Buckfield"]);
    }

    #[test]
    fn roles_nationalities_and_places_are_peeled_off_names() {
        assert_eq!(names("Chancellor of the Exchequer Gordon Brown said so."), ["Gordon Brown"]);
        assert_eq!(names("Argentine David Nalbandian won in four sets."), ["David Nalbandian"]);
        assert_eq!(names("Mayor of London Ken Livingstone said no."), ["Ken Livingstone"]);
        assert_eq!(names("Watch Jon Stewart America tonight."), ["Jon Stewart"]);
    }

    #[test]
    fn places_teams_plans_and_parties_are_not_people() {
        for text in [
            "Shares rose in Hong Kong and in Buenos Aires on Monday.",
            "The final is at the Stade de France next week.",
            "He left Real Madrid in the summer.",
            "The Marshall Plan rebuilt Europe.",
            "The Lib Dems said they would vote against it.",
            "The General Election is due in May. The election will be close.",
            "Analysts said Merrill Lynch are expected to cut jobs.",
            "Christian Brotherhood of America met on Sunday.",
        ] {
            assert!(people(text).is_empty(), "{text}: {:?}", people(text));
        }
    }

    #[test]
    fn plurals_possessives_and_strung_names_are_mended() {
        assert_eq!(names("We are the Bruce Keoghs of tomorrow."), ["Bruce Keogh"]);
        assert_eq!(names("Hillary Clinton Chris Wallace asked him."), ["Hillary Clinton", "Chris Wallace"]);
        assert!(names("Rubio Cruz Trump Trump was the order.").is_empty());
        assert!(names("Jeb Bore, said nobody. Rose Ceremony tonight.").is_empty());
        assert!(names("Follow BobbyJindal Vows to win.").is_empty());
    }

    #[test]
    fn a_sentence_s_first_word_is_not_a_given_name() {
        let e = extract("Ask Trump a question. Look at his face when Trump nails it.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        let unlinked: Vec<&str> = e
            .unlinked
            .iter()
            .map(|s| &"Ask Trump a question. Look at his face when Trump nails it."[s.range()])
            .collect();
        assert_eq!(unlinked.iter().filter(|w| **w == "Trump").count(), 2, "{unlinked:?}");
        assert_eq!(names("Sandy Robertson said he was there."), ["Sandy Robertson"]);
        // In prose an everyday word opening a sentence is nobody's surname ("Major companies");
        // a surname that opens a place's name is still one ("Cruz", as in "Cruz das Almas").
        let prose =
            format!("{} Major companies cut jobs. Analysts expect Cruz to win.", "Shares fell. ".repeat(60));
        let e = extract(&prose);
        let unlinked: Vec<&str> = e.unlinked.iter().map(|s| &prose[s.range()]).collect();
        assert_eq!(unlinked, ["Cruz"]);
        assert_eq!(names("Watch Hillary Clinton ask the question."), ["Hillary Clinton"]);
    }

    #[test]
    fn titles_keep_sex_and_name_forming_titles_stay_in_the_name() {
        let p = people("Michael Howard spoke. Mrs Howard said she was proud. Mr Howard agreed.");
        assert_eq!(p[0], ("Michael Howard".to_string(), vec!["Mr Howard".to_string()]));
        assert_eq!(p[1].0, "Mrs Howard");
        let p = people("Jeremy Hunt spoke. Doctors would resign if Hunt were to press ahead.");
        assert_eq!(p, [("Jeremy Hunt".to_string(), vec!["Hunt".to_string()])]);
        assert_eq!(names("Lord Falconer said so. Falconer later agreed."), ["Lord Falconer"]);
        assert_eq!(names("Prince Charles and Ray Charles met."), ["Prince Charles", "Ray Charles"]);
        // A holiday is nobody's name: "Father Christmas" is not "Merry Christmas", nor a person.
        assert!(names("Father Christmas visited. Merry Christmas to all.").is_empty());
    }

    #[test]
    fn names_from_outside_the_census_lists() {
        assert_eq!(names("Vladimir Putin met the press."), ["Vladimir Putin"]);
        assert!(names("British car maker Aston Martin has a new model.").is_empty());
        assert_eq!(names("Osama Bin Laden was not found."), ["Osama Bin Laden"]);
        assert_eq!(names("Dmitry Medvedev and Thierry Henry met."), ["Dmitry Medvedev", "Thierry Henry"]);
    }

    #[test]
    fn figures_with_units_and_values() {
        let f = figures(
            "more than 98% of junior doctors; Ninety per cent of 1,000 junior doctors; 1.6million staff",
        );
        assert_eq!(f[0], ("98%".into(), 98.0, Unit::Percent));
        assert_eq!(f[1], ("Ninety per cent".into(), 90.0, Unit::Percent));
        assert_eq!(f[2], ("1,000".into(), 1000.0, Unit::Count));
        assert_eq!(f[3], ("1.6million".into(), 1_600_000.0, Unit::Count));
        let f = figures("It cost £15.8m over 48 hours, from 08:00 to 5pm, on 26 and 27 April 2016.");
        assert_eq!(f[0], ("£15.8m".into(), 15_800_000.0, Unit::Money));
        assert_eq!(f[1], ("48 hours".into(), 48.0, Unit::Duration));
        assert_eq!(f[2], ("08:00".into(), 8.0, Unit::Time));
        assert_eq!(f[3], ("5pm".into(), 17.0, Unit::Time));
        assert_eq!(f[4].2, Unit::Date);
        assert_eq!(f[5], ("27 April".into(), 27.0, Unit::Date));
        assert_eq!(f[6], ("2016".into(), 2016.0, Unit::Date));
        assert_eq!(figures("a third of the workforce")[0], ("a third".into(), 0.333, Unit::Number));
    }

    #[test]
    fn no_figures_inside_tags_words_or_list_numbering() {
        assert!(figures("1. Fourth strike\n2. More\n#Walker16 @Justice4Health_ ps1.jpg V8 3G").is_empty());
        assert!(figures("It aired on Channel 4 and Radio 1 and one side met").is_empty());
    }

    #[test]
    fn contexts_say_what_a_figure_counts() {
        let body = "Doctors are providing cover, but 5,000 operations and procedures are postponed.";
        assert_eq!(extract(body).figures[0].context(body), "operations and procedures are postponed");
    }
}
