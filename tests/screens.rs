//! Screen snapshots of the main states at 80x24 and 160x48, drawn to a TestBackend.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use strike_reader::corpus::Corpus;
use strike_reader::ui::app::{App, Overlay};
use strike_reader::ui::{Keymap, Theme, update};

fn screen(size: (u16, u16), keys: &str, people: &[&str]) -> Terminal<TestBackend> {
    let people: Vec<String> = people.iter().map(|p| p.to_string()).collect();
    let mut app = App::new(Corpus::seeds().corpus, Keymap::default(), Theme::default_theme(false), size)
        .with_filters(&people, &[], None)
        .expect("known person");
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        if let Some(a) =
            app.keymap.action_for(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), app.typing())
        {
            update(&mut app, a);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    terminal
}

macro_rules! screens {
    ($($name:ident: $keys:expr, $people:expr;)*) => {$(
        mod $name {
            use super::*;

            #[test]
            fn at_80x24() {
                insta::assert_snapshot!(screen((80, 24), $keys, $people).backend());
            }

            #[test]
            fn at_160x48() {
                insta::assert_snapshot!(screen((160, 48), $keys, $people).backend());
            }
        }
    )*};
}

screens! {
    start: "", &[];
    person_filter: "", &["Jeremy Hunt"];
    fuzzy_query: "/capaldi", &[];
    figures_tab: "jjj\n\t4s", &[];
    help: "?", &[];
    help_scrolled: "?jjjjjjjjjjjjjjjjjjjj", &[];
    help_at_the_end: "?G", &[];
    reading_with_the_list_cursor_elsewhere: "\njj", &[];
    time_tab: "6s", &[];
    figures_across_the_coverage: "a", &[];
    with_tab: "7s", &[];
    with_the_second_person: "s1jc", &[];
}

#[test]
fn a_rebound_key_shows_in_every_hint() {
    let config = strike_reader::ui::config::Config::parse(
        "[keys]\nfilter = [\"f\"]\nhelp = [\"f1\"]\nback = [\"x\"]\nescape = [\"ctrl-l\"]\n",
        std::path::Path::new("c.toml"),
        false,
    )
    .expect("config parses");
    let mut app = App::new(Corpus::seeds().corpus, config.keymap, config.theme, (160, 48))
        .with_filters(&[], &[], Some("zzzzqqq"))
        .expect("a query");
    update(&mut app, strike_reader::ui::Action::Resize { width: 160, height: 48 });
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    let screen = format!("{:?}", terminal.backend());
    assert!(
        screen.contains("f filter") && screen.contains("F1 help") && screen.contains("x quit"),
        "{screen}"
    );
    assert!(!screen.contains("/ filter") && !screen.contains("? help"), "{screen}");
    assert!(screen.contains("Ctrl-l clears them"), "the reader's hint follows the map too");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_message_list_over_the_reader() {
    let mut app = App::new(Corpus::seeds().corpus, Keymap::default(), Theme::default_theme(false), (80, 24));
    app.messages = vec![
        "notes/b.txt: binary file, skipped".to_string(),
        "feeds/today.jsonl: line 7: column 12: expected `,` or `}`".to_string(),
        "old/1998.txt: not UTF-8 (invalid at byte 211); read as Windows-1252".to_string(),
    ];
    app.overlays.push(Overlay::Messages { scroll: 0 });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn every_size_down_to_one_cell_draws() {
    for w in [1u16, 2, 5, 20, 59, 60, 61, 99, 100, 101] {
        for h in [1u16, 2, 3, 7, 24] {
            for keys in ["", "?", "\t\t4", "s"] {
                let _ = screen((w, h), keys, &[]);
            }
        }
    }
}

#[test]
fn wide_and_combining_characters_and_tabs_keep_the_panes_aligned() {
    use strike_reader::corpus::Article;
    let text = "日本の医師がストライキ — Cafe\u{301} talks\n\n\
                Jeremy Hunt met\tthe BMA in 東京 and said 98% of 医師 agreed. Zoe\u{308} and Jose\u{301} \
                wrote 👩‍⚕️ on the picket line.\n";
    let corpus = Corpus::from_articles(vec![Article::parse("wide".into(), "wide.txt".into(), text)]);
    let app = App::new(corpus, Keymap::default(), Theme::default_theme(true), (120, 30));
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("test terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    let buffer = terminal.backend().buffer();
    // Every pane's right border is where the layout put it, on every row: a character drawn
    // wider or narrower than it is would push it out of line.
    let border_columns: Vec<u16> =
        (0..120).filter(|&x| ["┐", "┤"].contains(&buffer[(x, 0)].symbol())).collect();
    assert!(border_columns.len() >= 2, "{border_columns:?}");
    for y in 1..28 {
        for &x in &border_columns {
            let s = buffer[(x, y)].symbol();
            assert!(["│", "┤", "┘", "▲", "▼", "█", "║"].contains(&s), "row {y} column {x}: {s:?}");
        }
    }
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("Jeremy Hunt met the BMA"), "a tab reads as a space:\n{screen}");
    assert!(!screen.contains('\t'));
}

screens! {
    orgs_tab: "s2", &[];
    quotes_tab: "s5", &[];
    said_by_a_quote: "s5jjjjjjw", &[];
}
