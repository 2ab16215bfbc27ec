//! Keys -> actions -> state, on a headless app over the seed articles.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use strike_reader::corpus::Corpus;
use strike_reader::ui::app::{App, Overlay, Tab};
use strike_reader::ui::layout::Pane;
use strike_reader::ui::{Keymap, Theme, update};

fn app(size: (u16, u16)) -> App {
    App::new(Corpus::seeds().corpus, Keymap::default(), Theme::default_theme(true), size)
}

/// Send keys the way the terminal would: through the key map.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            '\u{8}' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        key(app, code, KeyModifiers::NONE);
    }
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let ev = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = app.keymap.action_for(&ev, app.typing()) {
        update(app, action);
    }
}

fn listed(app: &App) -> Vec<&str> {
    app.list.hits.iter().map(|h| &app.corpus().articles[h.article].id[..3]).collect()
}

#[test]
fn starts_on_the_first_article_with_everything_listed() {
    let a = app((160, 48));
    assert_eq!(listed(&a), ["000", "001", "002", "003"]);
    assert_eq!(a.reader.open, Some(0));
    assert_eq!(a.focus, Pane::List);
    assert!(!a.reader.doc.is_empty());
}

#[test]
fn fuzzy_filter_is_live_and_enter_keeps_while_esc_cancels() {
    let mut a = app((160, 48));
    press(&mut a, "/capal");
    assert!(a.typing());
    assert_eq!(listed(&a), ["000"], "filters on every keystroke");
    press(&mut a, "di\n");
    assert!(!a.typing());
    assert_eq!(a.filters.query, "capaldi");
    press(&mut a, "/x\u{1b}");
    assert_eq!(a.filters.query, "capaldi", "Esc restores the query the prompt opened with");
    press(&mut a, "\u{1b}");
    assert_eq!(a.filters.query, "", "Esc outside a prompt clears every filter");
    assert_eq!(a.list.hits.len(), 4);
}

#[test]
fn typing_q_into_the_prompt_does_not_quit() {
    let mut a = app((160, 48));
    press(&mut a, "/q");
    assert!(!a.quit);
    assert_eq!(a.filters.query, "q");
    press(&mut a, "\u{8}\u{1b}");
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit, "Ctrl-c quits even while typing");
}

#[test]
fn moving_and_opening_articles() {
    let mut a = app((160, 48));
    press(&mut a, "jj");
    assert_eq!(a.list.cursor.selected, 2);
    press(&mut a, "\n");
    assert_eq!(a.reader.open, Some(2));
    assert_eq!(a.focus, Pane::Reader, "Enter opens the article and moves to it");
    press(&mut a, "jjj");
    assert_eq!(a.scroll(), 3);
    press(&mut a, "g");
    assert_eq!(a.scroll(), 0);
    press(&mut a, "G");
    assert!(a.scroll() > 0);
    key(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "G");
    assert_eq!(a.list.cursor.selected, 3);
    press(&mut a, "g");
    assert_eq!(a.list.cursor.selected, 0);
}

#[test]
fn sidebar_enter_toggles_a_person_filter_and_counts_follow_it() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t1");
    assert_eq!(a.focus, Pane::Sidebar);
    let hunt = a.index().find_people("Jeremy Hunt")[0];
    assert_eq!(a.sidebar.people[0].tally.id, hunt, "the person in most articles comes first");
    assert_eq!(a.sidebar.people[0].tally.articles, 3);
    press(&mut a, "\n");
    assert_eq!(a.filters.people, [[hunt]]);
    assert_eq!(listed(&a), ["000", "001", "003"]);
    assert!(a.sidebar.people.iter().all(|r| r.tally.articles <= 3));
    assert!(
        !a.sidebar.people.iter().any(|r| a.index().people.name(r.tally.id) == "Justin Bieber"),
        "people follow the filter"
    );
    press(&mut a, "3");
    assert_eq!(a.sidebar.tab, Tab::Tags);
    let tags: Vec<&str> = a.sidebar.tags.iter().map(|r| a.index().tags.name(r.tally.id)).collect();
    assert!(tags.contains(&"#juniorcontract") && !tags.contains(&"#LoveYourNHS"), "{tags:?}");
    press(&mut a, "1\n");
    assert!(a.filters.people.is_empty(), "Enter again removes the filter");
}

#[test]
fn entity_and_query_filters_combine_with_and() {
    let mut a =
        app((160, 48)).with_filters(&["hunt".into()], &["#juniorcontract".into()], None).expect("known");
    assert_eq!(listed(&a), ["000", "003"]);
    press(&mut a, "/'capaldi\n");
    assert_eq!(listed(&a), ["000"]);
    let a = app((160, 48)).with_filters(&[], &["juniorcontract".into()], Some("capaldi")).expect("known");
    assert!(app((160, 48)).with_filters(&["Nobody Atall".into()], &[], None).is_err());
    assert_eq!(listed(&a), ["000"]);
}

#[test]
fn sidebar_filter_prompt_narrows_people() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t/turner\n");
    let names: Vec<&str> = a.sidebar.people.iter().map(|r| a.index().people.name(r.tally.id)).collect();
    assert_eq!(names, ["Sophie Turner", "Lauren Turner"]);
    assert_eq!(a.list.hits.len(), 4, "the sidebar query does not filter articles");
}

#[test]
fn figures_tab_jumps_to_the_figure_and_n_steps_through_matches() {
    let mut a = app((160, 48));
    press(&mut a, "jjj\n");
    assert_eq!(a.reader.open, Some(3));
    press(&mut a, "\t4");
    assert_eq!(a.sidebar.tab, Tab::Figures);
    press(&mut a, "G\n");
    let h = a.reader.current_match.expect("the figure is the current match");
    let line = a.reader.doc.highlight_line(h).expect("laid out");
    assert!(line >= a.scroll() && line < a.scroll() + 46, "the figure's line is in view");
    // With a person filter, n and N walk that person's mentions.
    press(&mut a, "1");
    let mut b = app((160, 48)).with_filters(&["Jeremy Hunt".into()], &[], None).expect("known");
    b.reader.open = None;
    press(&mut b, "G\n");
    assert_eq!(b.reader.open, Some(3));
    assert!(b.reader.matches.len() >= 6, "every mention of Hunt is a match: {}", b.reader.matches.len());
    press(&mut b, "n");
    let first = b.reader.current_match.expect("n selects a match");
    press(&mut b, "n");
    assert_ne!(b.reader.current_match, Some(first));
    press(&mut b, "N");
    assert_eq!(b.reader.current_match, Some(first));
}

#[test]
fn narrow_terminals_hide_the_sidebar_until_s() {
    let mut a = app((80, 24));
    assert!(a.panes().sidebar.is_none());
    press(&mut a, "s");
    assert!(a.panes().sidebar.is_some());
    assert_eq!(a.focus, Pane::Sidebar);
    press(&mut a, "s");
    assert!(a.panes().sidebar.is_none());
    let mut tiny = app((50, 20));
    assert!(tiny.panes().reader.is_none());
    press(&mut tiny, "\t");
    assert!(tiny.panes().reader.is_some() && tiny.panes().list.is_none(), "one pane at a time");
}

#[test]
fn resizing_rewraps_the_reader() {
    let mut a = app((160, 48));
    let wide = a.reader.doc.len();
    update(&mut a, strike_reader::ui::Action::Resize { width: 100, height: 30 });
    assert!(a.reader.doc.len() > wide, "a narrower reader has more lines");
    for (w, h) in [(1, 1), (0, 0), (2, 5), (59, 3), (300, 100)] {
        update(&mut a, strike_reader::ui::Action::Resize { width: w, height: h });
        press(&mut a, "jGg\t4\n?");
        press(&mut a, "\u{1b}");
    }
}

#[test]
fn help_is_generated_from_the_key_table_and_takes_keys() {
    let mut a = app((160, 48));
    press(&mut a, "?");
    assert!(matches!(a.top_overlay(), Some(Overlay::Help { .. })));
    press(&mut a, "jj");
    assert_eq!(a.list.cursor.selected, 0, "keys do not reach the panes under help");
    press(&mut a, "?");
    assert!(a.top_overlay().is_none());
}

#[test]
fn mouse_clicks_select_rows_and_focus_panes() {
    let mut a = app((160, 48));
    let list = a.panes().list.expect("list");
    update(&mut a, strike_reader::ui::Action::Click { column: list.x + 3, row: list.y + 1 + 4 });
    assert_eq!(a.list.cursor.selected, 2);
    assert_eq!(a.reader.open, Some(2));
    let reader = a.panes().reader.expect("reader");
    update(&mut a, strike_reader::ui::Action::ScrollDown { column: reader.x + 5, row: reader.y + 5 });
    assert_eq!(a.scroll(), 3);
    let side = a.panes().sidebar.expect("sidebar");
    update(&mut a, strike_reader::ui::Action::Click { column: side.x + side.width - 3, row: side.y + 1 });
    assert_eq!(a.sidebar.tab, Tab::With, "the last tab");
    assert_eq!(a.focus, Pane::Sidebar);
}

#[test]
fn background_searches_answer_only_the_newest_query() {
    let mut a = app((160, 48));
    a.search_in_background();
    press(&mut a, "/capal");
    assert!(a.searching(), "the search is handed out, not run inside update");
    assert_eq!(listed(&a), ["000", "001", "002", "003"], "the list waits for the answer");
    let old = a.take_search().expect("a job for /capal");
    assert!(a.take_search().is_none(), "one job per change");
    press(&mut a, "di");
    let newest = a.take_search().expect("a job for /capaldi");
    assert!(newest.generation > old.generation);

    let mut engine = strike_reader::filter::Engine::default();
    let run = |engine: &mut strike_reader::filter::Engine, job: &strike_reader::ui::search::SearchJob| {
        engine.apply(&job.snapshot.corpus, &job.snapshot.index, &job.filters)
    };
    // An answer to an overtaken query changes nothing.
    let stale = run(&mut engine, &old);
    a.search_done(strike_reader::ui::search::SearchDone {
        generation: old.generation,
        hits: stale,
        complete: true,
    });
    assert!(a.searching());
    assert_eq!(listed(&a), ["000", "001", "002", "003"]);
    let hits = run(&mut engine, &newest);
    a.search_done(strike_reader::ui::search::SearchDone {
        generation: newest.generation,
        hits,
        complete: true,
    });
    assert!(!a.searching());
    assert_eq!(listed(&a), ["000"]);
    assert_eq!(a.reader.open, Some(0));
    // Clearing the filters needs no search at all.
    press(&mut a, "\n\u{1b}");
    assert!(!a.searching() && a.take_search().is_none());
    assert_eq!(a.list.hits.len(), 4);
}

#[test]
fn what_loading_passed_over_is_listed_until_dismissed_and_comes_back_on_bang() {
    use std::path::PathBuf;
    use strike_reader::corpus::LoadEvent;
    use strike_reader::corpus::load::{SkipReason, Skipped, Warning};
    let mut a = App::loading(Keymap::default(), Theme::default_theme(true), (160, 48));
    let seeds = Corpus::seeds().corpus.articles;
    a.ingest(LoadEvent::Found { files: 6, skipped: Vec::new() });
    a.ingest(LoadEvent::Batch {
        files: 6,
        articles: seeds,
        bytes: 100,
        skipped: vec![Skipped { path: PathBuf::from("b.txt"), reason: SkipReason::Binary }],
        warnings: vec![Warning {
            path: PathBuf::from("d.jsonl"),
            message: "line 2: column 1: expected value".into(),
        }],
    });
    assert!(a.top_overlay().is_none(), "the list waits for the load to end");
    a.ingest(LoadEvent::Done);
    assert_eq!(a.top_overlay(), Some(&Overlay::Messages { scroll: 0 }));
    assert_eq!(a.messages, ["b.txt: binary file, skipped", "d.jsonl: line 2: column 1: expected value"]);
    // While it is open, keys scroll it and do nothing else.
    press(&mut a, "j/");
    assert_eq!(a.top_overlay(), Some(&Overlay::Messages { scroll: 1 }));
    assert!(a.prompt().is_none());
    press(&mut a, "\u{1b}");
    assert!(a.top_overlay().is_none());
    assert_eq!(a.list.hits.len(), 4, "Esc closed the list and cleared nothing else");
    press(&mut a, "!");
    assert_eq!(a.top_overlay(), Some(&Overlay::Messages { scroll: 0 }));
    press(&mut a, "!");
    assert!(a.top_overlay().is_none());
}

#[test]
fn opening_reads_u_toggles_read_m_bookmarks_and_b_lists_only_bookmarks() {
    use strike_reader::state::Marks;
    let mut a = app((160, 48));
    let key_of = |a: &App, i: usize| a.corpus().articles[a.list.hits[i].article].key;
    assert!(a.marks.is_empty(), "nothing is read until it is opened");
    press(&mut a, "j\n");
    let second = key_of(&a, 1);
    assert_eq!(a.marks.get(&second), Some(&Marks { read: true, bookmarked: false }));
    assert_eq!(a.marks_changed, [(second, Marks { read: true, bookmarked: false })]);
    // In the reader, u and m act on the open article.
    press(&mut a, "um");
    assert_eq!(a.marks.get(&second), Some(&Marks { read: false, bookmarked: true }));
    // In the list, on the selected one.
    key(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    press(&mut a, "km");
    assert_eq!(a.focus, Pane::List);
    let first = key_of(&a, 0);
    assert!(a.marks.get(&first).is_some_and(|m| m.bookmarked));
    press(&mut a, "B");
    assert_eq!(listed(&a), ["000", "001"]);
    // Taking a bookmark away while only bookmarks are listed drops the article at once.
    press(&mut a, "m");
    assert_eq!(listed(&a), ["001"]);
    press(&mut a, "B");
    assert_eq!(a.list.hits.len(), 4);
    press(&mut a, "B\u{1b}");
    assert!(!a.bookmarked_only, "Esc clears the bookmark filter with the others");
    assert_eq!(a.list.hits.len(), 4);
}

#[test]
fn saved_marks_show_from_the_start() {
    use strike_reader::state::Marks;
    let seeds = Corpus::seeds().corpus;
    let key = seeds.articles[2].key;
    let mut a = App::new(seeds, Keymap::default(), Theme::default_theme(true), (160, 48))
        .with_marks([(key, Marks { read: true, bookmarked: true })]);
    press(&mut a, "B");
    assert_eq!(listed(&a), ["002"]);
}

/// A folder cleaned up under the reader: the files that vanished between the walk and reading
/// are one line in the message list, however many batches they come in.
#[test]
fn files_gone_while_loading_are_one_message() {
    use strike_reader::corpus::load::{self, LoadEvent, Source};
    let dir = tempfile::TempDir::new().expect("tempdir");
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), format!("Story {i}\n\nJeremy Hunt spoke.\n"))
            .expect("write");
    }
    std::fs::write(dir.path().join("x.bin"), "other").expect("write");
    let mut events = Vec::new();
    load::stream(&Source::Paths(vec![dir.path().to_path_buf()]), |event| {
        if let LoadEvent::Found { .. } = event {
            for i in 0..37 {
                std::fs::remove_file(dir.path().join(format!("{i:02}.txt"))).expect("remove");
            }
        }
        events.push(event);
        true
    });
    let mut a = App::loading(Keymap::default(), Theme::default_theme(true), (160, 48));
    for event in events {
        a.ingest(event);
    }
    assert_eq!(a.corpus().articles.len(), 3);
    assert_eq!(a.messages.len(), 2, "{:?}", a.messages);
    assert!(a.messages[0].contains("x.bin: not an article file"), "{:?}", a.messages);
    assert!(a.messages[1].starts_with("37 files gone while loading ("), "{:?}", a.messages);
    assert!(a.messages[1].ends_with("00.txt and 36 others)"), "{:?}", a.messages);
    assert!(a.messages.iter().all(|m| !m.contains("entity not found")));
}

/// A newline in a file name is shown escaped in the reader's header, not as a line break.
#[test]
fn the_reader_header_shows_a_file_name_escaped() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    std::fs::write(dir.path().join("new\nline\u{1b}[2J.txt"), "Strike talks\n\nJeremy Hunt spoke.\n")
        .expect("write");
    let corpus = Corpus::from_paths(&[dir.path().to_path_buf()]).expect("loads").corpus;
    let a = App::new(corpus, Keymap::default(), Theme::default_theme(true), (160, 48));
    let mut backend = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).expect("terminal");
    backend.draw(|f| f.render_widget(&a, f.area())).expect("draw");
    let screen: String = backend.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains(r"new\nline\x1b[2J.txt"), "the path, escaped, in the header");
    assert!(!screen.contains('\u{1b}'));
}

/// A resize rewraps the open article but keeps the text at the top of the reader.
#[test]
fn resizing_keeps_the_text_at_the_top() {
    let mut a = app((160, 48));
    press(&mut a, "jjj\n");
    press(&mut a, "jjjjjjjjjj");
    let before = a.reader.doc.top_offset();
    assert!(before > 0, "scrolled into the body");
    update(&mut a, strike_reader::ui::Action::Resize { width: 100, height: 30 });
    let line = a.reader.doc.visible(1).next().expect("a line").clone();
    assert!(
        line.offset <= before && before <= line.offset + line.text.len(),
        "the line at the top holds what was at the top: {line:?}"
    );
    assert_eq!(a.reader.doc.top_offset(), line.offset);
}

#[test]
fn q_goes_back_a_level_capital_q_and_ctrl_c_quit_from_anywhere() {
    let mut a = app((160, 48));
    press(&mut a, "j\n");
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, "q");
    assert!(!a.quit, "q in the reader goes back");
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "?q");
    assert!(a.top_overlay().is_none() && !a.quit, "q closes the help and nothing more");
    press(&mut a, "\t\tq");
    assert_eq!((a.focus, a.quit), (Pane::List, false), "q in the sidebar goes back to the list");
    press(&mut a, "q");
    assert!(a.quit, "q in the list quits");

    let mut a = app((160, 48));
    press(&mut a, "\n?Q");
    assert!(a.quit, "Q quits from under the help, in the reader");
    let mut a = app((50, 20));
    press(&mut a, "\n");
    assert_eq!(a.panes().reader.map(|r| r.width), Some(50), "narrow: the reader alone");
    press(&mut a, "q");
    assert!(a.panes().list.is_some() && a.panes().reader.is_none(), "q shows the list again");
    let mut a = app((160, 48));
    press(&mut a, "/q");
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit, "Ctrl-c quits while typing too");
}

#[test]
fn bang_with_no_messages_says_so() {
    let mut a = app((160, 48));
    press(&mut a, "!");
    assert!(a.top_overlay().is_none());
    assert_eq!(a.flash.as_deref(), Some("no messages"));
    press(&mut a, "j");
    assert_eq!(a.flash, None, "the answer lasts until the next key");
}

#[test]
fn the_help_scrolls_and_stops_at_its_end() {
    use strike_reader::ui::help;
    let mut a = app((80, 24));
    press(&mut a, "?");
    let (max, visible) = help::extent(a.geometry.area, &a.keymap);
    assert!(max > 0 && visible == 22);
    press(&mut a, "jj");
    assert_eq!(a.top_overlay(), Some(&Overlay::Help { scroll: 2 }));
    press(&mut a, "G");
    assert_eq!(a.top_overlay(), Some(&Overlay::Help { scroll: max }));
    press(&mut a, "j");
    assert_eq!(a.top_overlay(), Some(&Overlay::Help { scroll: max }), "no scrolling past the end");
    key(&mut a, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(a.top_overlay(), Some(&Overlay::Help { scroll: max - 21 }));
    press(&mut a, "g");
    assert_eq!(a.top_overlay(), Some(&Overlay::Help { scroll: 0 }));
    assert_eq!(a.list.cursor.selected, 0, "the list never moved");
    press(&mut a, "\u{1b}");
    assert!(a.top_overlay().is_none());
}

#[test]
fn the_prompt_edits_as_a_shell_does() {
    let mut a = app((160, 48));
    press(&mut a, "/jeremy hunt");
    key(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(a.filters.query, "jeremy ");
    key(&mut a, KeyCode::Home, KeyModifiers::NONE);
    press(&mut a, "'");
    assert_eq!(a.filters.query, "'jeremy ");
    key(&mut a, KeyCode::End, KeyModifiers::NONE);
    key(&mut a, KeyCode::Left, KeyModifiers::NONE);
    key(&mut a, KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(a.filters.query, "' ", "Alt-Backspace deletes the word before the cursor");
    key(&mut a, KeyCode::Right, KeyModifiers::NONE);
    key(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(a.filters.query, "");
    press(&mut a, "capaldi");
    key(&mut a, KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(a.prompt().map(|p| p.line.cursor()), Some(6));
    press(&mut a, "\n");
    assert_eq!(a.filters.query, "capaldi");
}

#[test]
fn the_cursor_row_is_reverse_video_with_and_without_colour() {
    use ratatui::style::Modifier;
    for no_color in [false, true] {
        let theme = Theme::default_theme(no_color);
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED), "no_color={no_color}");
    }
    let mut a = app((160, 48));
    press(&mut a, "j");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).expect("terminal");
    terminal.draw(|f| f.render_widget(&a, f.area())).expect("draw");
    let buffer = terminal.backend().buffer();
    let list = a.panes().list.expect("list");
    // Row 0 is the open article, row 1 the cursor: marks that differ.
    let (open_row, cursor_row) = (list.y + 1, list.y + 3);
    assert_eq!(buffer[(list.x + 2, open_row)].symbol(), "▌");
    assert_eq!(buffer[(list.x + 1, cursor_row)].symbol(), "›");
    assert!(buffer[(list.x + 5, cursor_row)].modifier.contains(Modifier::REVERSED));
    assert!(!buffer[(list.x + 5, open_row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_person_name_several_people_share_is_one_chip_that_any_of_them_passes() {
    use strike_reader::corpus::Article;
    let texts = [
        "Blair speaks\n\nTony Blair spoke in London. Mr Blair said the war was right.\n",
        "Blair writes\n\nCherie Blair wrote a book. Mrs Blair said she was proud.\n",
        "Brown speaks\n\nGordon Brown spoke in Kirkcaldy.\n",
    ];
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::parse(format!("{i}"), format!("{i}.txt"), t))
        .collect();
    let corpus = Corpus::from_articles(articles);
    let a = App::new(corpus, Keymap::default(), Theme::default_theme(true), (160, 48))
        .with_filters(&["blair".into()], &[], None)
        .expect("blair is known");
    assert_eq!(a.filters.people.len(), 1, "one chip");
    assert_eq!(a.filters.people[0].len(), 2, "holding both Blairs");
    assert_eq!(a.list.hits.len(), 2, "either Blair lets an article in");
    let chips = strike_reader::ui::widgets::status::StatusBar::chips(&a);
    assert_eq!(chips.len(), 1, "{chips:?}");
    assert!(chips[0].contains("Tony Blair") && chips[0].contains("Cherie Blair"), "{chips:?}");
    let err = app((160, 48)).with_filters(&["Jeremy Hnut".into()], &[], None).err().expect("unknown");
    assert!(err.to_string().contains("closest: Jeremy Hunt"), "{err}");
}

#[test]
fn sort_next_unread_and_mark_all_read() {
    let mut a = app((160, 48));
    press(&mut a, "jS");
    assert_eq!(a.filters.sort, strike_reader::filter::Sort::Date);
    assert_eq!(a.list.selected_article(), Some(1), "the cursor stays on its article");
    assert!(strike_reader::ui::widgets::status::StatusBar::chips(&a).contains(&"sort: date".to_string()));
    press(&mut a, "SSS");
    assert_eq!(a.filters.sort, strike_reader::filter::Sort::Relevance);
    // Nothing is read yet: U opens the next article after the cursor.
    press(&mut a, "gU");
    assert_eq!(a.list.cursor.selected, 1);
    assert_eq!(a.reader.open, Some(a.list.hits[1].article));
    press(&mut a, "qU");
    assert_eq!(a.list.cursor.selected, 2, "the one just read is skipped");
    press(&mut a, "qA");
    assert_eq!(a.flash.as_deref(), Some("2 articles marked read"));
    press(&mut a, "U");
    assert_eq!(a.flash.as_deref(), Some("no unread articles in the list"));
}

#[test]
fn o_asks_for_web_links_only() {
    let mut a = app((160, 48));
    press(&mut a, "o");
    assert_eq!(a.link_to_open, None);
    assert_eq!(a.flash.as_deref(), Some("this article has no link"));
    let mut corpus = Corpus::seeds().corpus;
    corpus.articles[0].url = Some("https://www.bbc.co.uk/news/health-36139313".into());
    corpus.articles[1].url = Some("file:///etc/passwd".into());
    let mut a = App::new(corpus, Keymap::default(), Theme::default_theme(true), (160, 48));
    press(&mut a, "o");
    assert_eq!(a.link_to_open.as_deref(), Some("https://www.bbc.co.uk/news/health-36139313"));
    a.link_to_open = None;
    press(&mut a, "jo");
    assert_eq!(a.link_to_open, None);
    assert!(a.flash.as_deref().is_some_and(|f| f.starts_with("only http and https")));
}

#[test]
fn a_plain_term_finds_the_text_and_accents_highlight_and_step() {
    use strike_reader::corpus::Article;
    let mut a = app((160, 48));
    press(&mut a, "/bma\n");
    assert!(a.list.hits.len() >= 3, "three seeds say BMA in their text: {:?}", listed(&a));
    let text = "Paris talks\n\nThe ÉLYSÉE said the strike was over. Later the Élysée denied it.\n";
    let corpus = Corpus::from_articles(vec![
        Article::parse("0".into(), "0.txt".into(), "Other\n\nNothing here.\n"),
        Article::parse("1".into(), "1.txt".into(), text),
    ]);
    let mut a = App::new(corpus, Keymap::default(), Theme::default_theme(true), (160, 48));
    press(&mut a, "/'élysée\n");
    assert_eq!(a.list.hits.len(), 1);
    assert_eq!(a.reader.matches.len(), 2, "both spellings are highlighted");
    press(&mut a, "\tn");
    assert!(a.reader.current_match.is_some(), "n finds them");
}

#[test]
fn the_orgs_tab_lists_organisations_and_enter_filters_by_one() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t2");
    assert_eq!(a.sidebar.tab, Tab::Orgs);
    let names: Vec<&str> = a.sidebar.orgs.iter().map(|r| a.index().orgs.name(r.tally.id)).collect();
    assert_eq!(names.first(), Some(&"British Medical Association"), "{names:?}");
    assert!(names.contains(&"NHS Employers") && names.contains(&"Department of Health"), "{names:?}");
    press(&mut a, "\n");
    assert_eq!(a.filters.orgs.len(), 1);
    assert_eq!(listed(&a), ["000", "001", "002", "003"], "the BMA is in every seed");
    let doh = a.sidebar.orgs.iter().position(|r| a.index().orgs.name(r.tally.id) == "Department of Health");
    a.sidebar.cursors[Tab::Orgs.index()].selected = doh.expect("listed");
    press(&mut a, "\n");
    assert_eq!(listed(&a), ["003"], "two organisations: both must be in");
    assert!(a.sidebar.orgs.iter().all(|r| r.tally.articles == 1), "counts follow the filters");
    press(&mut a, "\u{1b}");
    assert!(a.filters.orgs.is_empty());
}

#[test]
fn quotes_are_grouped_by_speaker_and_enter_opens_the_article_at_one() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t5");
    assert_eq!(a.sidebar.tab, Tab::Quotes);
    let rows = &a.sidebar.quotes;
    assert!(rows.len() >= 20, "{}", rows.len());
    // Groups are contiguous, the most quoted first, unnamed speakers last.
    let groups: Vec<u32> = rows.iter().filter(|r| r.first).map(|r| r.group).collect();
    let named: Vec<u32> = rows.iter().filter(|r| r.first && r.who.is_some()).map(|r| r.group).collect();
    assert!(named.windows(2).all(|w| w[0] >= w[1]), "{groups:?}");
    assert!(rows.iter().skip_while(|r| r.who.is_some()).all(|r| r.who.is_none()));
    assert_eq!(groups.iter().sum::<u32>() as usize, rows.len());
    // A quote of the BBC live page, far down it: Enter opens it there.
    let far = rows
        .iter()
        .position(|r| {
            let q = &a.corpus().articles[r.article].entities.quotes[r.quote];
            r.article == 3 && q.quote.content.start > 5000
        })
        .expect("a quote far down the live page");
    a.sidebar.cursors[Tab::Quotes.index()].selected = far;
    press(&mut a, "\n");
    assert_eq!(a.reader.open, Some(3));
    assert_eq!(a.list.selected_article(), Some(3));
    assert!(a.scroll() > 0, "the reader scrolled to the quote");
    let row = a.sidebar.quotes[far];
    let start = a.corpus().articles[3].entities.quotes[row.quote].quote.content.start as usize;
    let shown = a.reader.doc.top_offset();
    assert!(shown <= start, "the quote is on screen: top {shown}, quote {start}");
}

#[test]
fn said_by_is_one_key_on_a_person_or_a_quote_and_shows_as_a_chip() {
    let mut a = app((160, 48));
    // Jeremy Hunt is first among people; he is quoted in the BuzzFeed and BBC articles.
    press(&mut a, "\t\t1w");
    assert_eq!(a.filters.said_by.len(), 1, "{:?}", a.flash);
    let said: Vec<&str> = listed(&a);
    assert!(!said.is_empty() && said.len() < 4, "{said:?}");
    let chips = strike_reader::ui::widgets::status::StatusBar::chips(&a);
    assert!(chips.iter().any(|c| c == "said by: Jeremy Hunt"), "{chips:?}");
    assert!(a.sidebar.people[0].quotes > 0, "people rows count their quotes");
    press(&mut a, "w");
    assert!(a.filters.said_by.is_empty(), "the same key takes it off");
    // On the Quotes tab, the row's speaker.
    press(&mut a, "5w");
    let who = a.sidebar.quotes.first().and_then(|r| r.who).expect("a named speaker first");
    assert_eq!(a.filters.said_by, [[who]]);
    assert!(a.sidebar.quotes.iter().filter(|r| r.first).count() >= 1);
    // Figures have no speaker: the key says where it works.
    press(&mut a, "\u{1b}4w");
    assert!(a.filters.said_by.is_empty());
    assert!(
        a.flash.as_deref().is_some_and(|f| f.contains("said by") || f.contains("quote")),
        "{:?}",
        a.flash
    );
}

#[test]
fn slash_filters_the_quotes_tab_by_speaker_or_words() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t5/matter of trust\n");
    assert_eq!(a.sidebar.quotes.len(), 1, "one quote holds the words");
    let mut a = app((160, 48));
    press(&mut a, "\t\t5/capaldi\n");
    assert!(a.sidebar.quotes.len() >= 2);
    let index = a.index();
    assert!(a.sidebar.quotes.iter().all(|r| {
        r.who.is_some_and(|w| index.who_name(w) == "Peter Capaldi")
            || a.corpus().articles[r.article].entities.quotes[r.quote]
                .text(&a.corpus().articles[r.article].body)
                .to_lowercase()
                .contains("capaldi")
    }),);
}

#[test]
fn command_line_orgs_and_speakers_filter_like_people() {
    let select =
        strike_reader::cli::SelectArgs { org: vec!["department of health".into()], ..Default::default() };
    let a = app((160, 48)).with_selection(&select).expect("known");
    assert_eq!(listed(&a), ["003"]);
    let select =
        strike_reader::cli::SelectArgs { said_by: vec!["Hannah Barnham-Brown".into()], ..Default::default() };
    let a = app((160, 48)).with_selection(&select).expect("quoted");
    assert_eq!(listed(&a), ["000"]);
    let select =
        strike_reader::cli::SelectArgs { said_by: vec!["Justin Bieber".into()], ..Default::default() };
    assert!(app((160, 48)).with_selection(&select).is_err(), "mentioned, never quoted");
}

#[test]
fn quoted_words_have_a_style_of_their_own_and_a_pronoun_shows_its_speaker() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut a = App::new(Corpus::seeds().corpus, Keymap::default(), Theme::default_theme(false), (160, 48));
    update(&mut a, strike_reader::ui::Action::Resize { width: 160, height: 48 });
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    terminal.draw(|f| f.render_widget(&a, f.area())).expect("draw");
    let buf = terminal.backend().buffer();
    let reader = a.panes().reader.expect("reader");
    let quote = a.theme.quote;
    let mut quoted = 0;
    let mut note = None;
    for y in reader.y..reader.y + reader.height {
        let row: String = (reader.x..reader.x + reader.width).map(|x| buf[(x, y)].symbol()).collect();
        if let Some(at) = row.find("‹Hannah Barnham-Brown›") {
            note = Some((y, row[..at].chars().count() as u16));
        }
        quoted += (reader.x..reader.x + reader.width)
            .filter(|&x| {
                buf[(x, y)].modifier.contains(ratatui::style::Modifier::ITALIC)
                    && buf[(x, y)].fg == quote.fg.unwrap_or_default()
            })
            .count();
    }
    assert!(quoted > 100, "quoted words are drawn in the quote style ({quoted} cells)");
    let (y, x) = note.expect("\"she\" is shown with who she is");
    assert_eq!(buf[(reader.x + x + 1, y)].fg, a.theme.speaker.fg.unwrap_or_default());
}

#[test]
fn the_time_tab_counts_listed_articles_and_enter_filters_to_a_period() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t6");
    assert_eq!(a.sidebar.tab, Tab::Time);
    let t = &a.sidebar.timeline;
    assert_eq!((t.dated(), t.undated), (1, 3), "one seed has a dateline, none is dropped");
    press(&mut a, "\n");
    assert!(a.filters.period.is_some());
    assert_eq!(listed(&a), ["002"], "only the article of that day");
    assert_eq!(a.sidebar.timeline.undated, 0);
    press(&mut a, "\u{1b}");
    assert_eq!(a.filters.period, None, "Esc clears it like the other filters");
    assert_eq!(a.list.hits.len(), 4);
}

#[test]
fn figures_switch_to_every_listed_article_and_enter_lists_the_articles_quoting_a_value() {
    let mut a = app((160, 48));
    press(&mut a, "\t\ta");
    assert_eq!(a.sidebar.tab, Tab::Figures);
    assert!(a.sidebar.figures_all);
    let index = a.index();
    let first = &a.sidebar.groups[0];
    assert_eq!(&*index.figures.whats[first.group as usize], "junior doctor");
    assert!(first.disagree(index), "98% and 46% of junior doctors are not one figure");
    // The group's head row, then its first value: 98%.
    press(&mut a, "j\n");
    assert_eq!(a.filters.figures.len(), 1);
    assert_eq!(listed(&a), ["000"]);
    press(&mut a, "a");
    assert!(!a.sidebar.figures_all, "the same key goes back to this article's figures");
}

#[test]
fn the_with_tab_follows_the_name_under_the_cursor_and_enter_filters_by_both() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t2");
    let org =
        a.sidebar.orgs.iter().position(|r| a.index().orgs.name(r.tally.id) == "British Medical Association");
    for _ in 0..org.expect("the BMA is in the seeds") {
        press(&mut a, "j");
    }
    press(&mut a, "c");
    assert_eq!(a.sidebar.tab, Tab::With);
    let anchor = a.sidebar.anchor.expect("anchored");
    assert_eq!(anchor.name(a.index()), "British Medical Association");
    assert!(a.sidebar.together.articles >= 2);
    let hunt = a.sidebar.together.rows.iter().position(|(e, _)| e.name(a.index()) == "Jeremy Hunt");
    let hunt = hunt.expect("Jeremy Hunt appears with the BMA");
    for _ in 0..hunt {
        press(&mut a, "j");
    }
    press(&mut a, "\n");
    assert_eq!((a.filters.orgs.len(), a.filters.people.len()), (1, 1), "both, as AND filters");
    assert!(!a.list.hits.is_empty() && a.list.hits.len() < 4);
    // Walking on: `c` on a row of the With tab is about that row.
    press(&mut a, "c");
    assert_eq!(a.sidebar.anchor.map(|e| e.name(a.index()).to_string()).as_deref(), Some("Jeremy Hunt"));
}

#[test]
fn with_needs_a_name_under_the_cursor() {
    let mut a = app((160, 48));
    press(&mut a, "\t\t4c");
    assert!(a.flash.as_deref().is_some_and(|f| f.contains("person")), "{:?}", a.flash);
    assert_eq!(a.sidebar.tab, Tab::Figures);
}
