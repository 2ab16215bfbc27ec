//! The binary in a real terminal: tmux runs it at 160x48, keys are sent with send-keys and the
//! screen is read with capture-pane, as a person would see it. Skips when tmux is missing
//! (`.ci/run` installs it).

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// The reader's exit status is written here when it ends.
    status: tempfile::NamedTempFile,
}

impl Tmux {
    /// The reader with a home of its own: its reading state and config never touch the user's.
    fn start(program: &str, args: &[&str], env: &[(&str, &str)]) -> Option<(Tmux, tempfile::TempDir)> {
        let home = tempfile::TempDir::new().expect("tempdir");
        Tmux::start_in(home.path(), program, args, env).map(|t| (t, home))
    }

    fn start_in(home: &std::path::Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            common::report("skipped: tmux is not installed (bash .ci/run installs it)");
            return None;
        }
        let status = tempfile::NamedTempFile::new().expect("temp file");
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let t = Tmux { socket: format!("strike-reader-e2e-{}-{n}", std::process::id()), status };
        let mut cmd = vec![program.to_string()];
        cmd.extend(args.iter().map(|a| a.to_string()));
        let (data, config) = (home.join("data"), home.join("config"));
        let mut env: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        env.push(format!("XDG_DATA_HOME={}", data.display()));
        env.push(format!("XDG_CONFIG_HOME={}", config.display()));
        let line =
            format!("env {} {}; echo $? > {}", env.join(" "), cmd.join(" "), t.status.path().display());
        // Esc must reach the program at once, and the pane must stay after it exits so that its
        // exit status and last screen can be read.
        t.tmux(&[
            "-f",
            "/dev/null",
            "start-server",
            ";",
            "set",
            "-g",
            "escape-time",
            "0",
            ";",
            "set",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "160",
            "-y",
            "48",
            &line,
        ]);
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "e2e", k]);
        }
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Wait until the screen shows `what`; the screen when it did.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "the screen never showed {what:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen no longer shows `what`; the screen when it did not.
    fn wait_gone(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if !s.contains(what) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "the screen still shows {what:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn exit_status(&self) -> Option<String> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            let status = std::fs::read_to_string(self.status.path()).unwrap_or_default();
            if !status.trim().is_empty() {
                return Some(status.trim().to_string());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// The reader's process id: the child of the pane's shell.
    fn reader_pid(&self) -> String {
        let shell = self.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
        let out = Command::new("ps").args(["-o", "pid=", "--ppid", shell.trim()]).output().expect("ps runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

#[test]
fn a_reader_session_in_tmux() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    let s = t.wait_for("4 of 4 articles");
    assert!(s.contains("Articles 4/4") && s.contains("People Orgs") && s.contains("Jeremy Hunt"), "{s}");
    assert!(s.contains("Doctors Are Sharing The Ways They Help"), "the first article is open:\n{s}");

    t.text("/capaldi");
    let s = t.wait_for("filter articles: capaldi");
    assert!(s.contains("Articles 1/4"), "the list filters while typing:\n{s}");
    assert!(s.contains("Peter Capaldi"), "{s}");

    t.keys(&["Enter"]);
    let s = t.wait_for("1 of 4 articles");
    assert!(s.contains("/capaldi"), "the query shows as a chip:\n{s}");

    t.keys(&["Tab"]);
    t.keys(&["4"]);
    let s = t.wait_for("5 figures");
    assert!(s.contains("98%") && s.contains("of junior doctors balloted"), "{s}");

    t.keys(&["Escape"]);
    let s = t.wait_for("4 of 4 articles");
    assert!(!s.contains("/capaldi"), "Esc cleared the filter:\n{s}");

    // The sidebar has the focus: q goes back to the list, and from there quits.
    t.keys(&["q", "q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"), "q quits with status 0");
    let s = t.screen();
    assert!(!s.contains("Articles 4/4"), "the terminal is restored (alternate screen left):\n{s}");
}

#[test]
fn start_filters_and_no_color_from_the_command_line() {
    let Some((t, _home)) = Tmux::start(
        env!("CARGO_BIN_EXE_strike-reader"),
        &["--person", "'mr hunt'", "--tag", "juniorcontract"],
        &[("NO_COLOR", "1")],
    ) else {
        return;
    };
    let s = t.wait_for("2 of 4 articles");
    assert!(s.contains("person: Jeremy Hunt") && s.contains("#juniorcontract"), "{s}");
    let styled = t.tmux(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    assert!(!styled.contains("38;5") && !styled.contains("38;2"), "NO_COLOR: no colours are drawn");
    t.keys(&["C-c"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &["--query", "hunt"], &[]) else {
        return;
    };
    t.wait_for("of 4 articles");
    let pid = t.reader_pid();
    assert!(!pid.is_empty(), "the reader runs in the pane");
    let killed = Command::new("kill").arg("-TERM").arg(&pid).status().expect("kill runs");
    assert!(killed.success());
    assert_eq!(t.exit_status().as_deref(), Some("0"), "SIGTERM ends the reader cleanly");
    assert!(!t.screen().contains("Articles"), "the alternate screen was left");
}

#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &["--query", "'a'"], &[]) else {
        return;
    };
    t.wait_for("of 4 articles");
    let pid = t.reader_pid();
    assert!(!pid.is_empty());
    // Closing the terminal hangs up the reader: it must end, not spin on end-of-file.
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "the reader still runs after its terminal closed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_unknown_start_person_ends_the_reader_with_code_2() {
    let err = tempfile::NamedTempFile::new().expect("temp file");
    let redirect = format!("2>{}", err.path().display());
    let Some((t, _home)) =
        Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &["--person", "'Nobody Atall'", &redirect], &[])
    else {
        return;
    };
    assert_eq!(t.exit_status().as_deref(), Some("2"), "bad input ends with code 2");
    let message = std::fs::read_to_string(err.path()).expect("stderr was captured");
    assert!(message.contains("no person named \"Nobody Atall\""), "{message:?}");
}

#[test]
fn a_big_folder_loads_behind_a_live_screen() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let text = "Strike talks\n\nHealth secretary Jeremy Hunt said 98% of doctors voted.\n";
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), format!("{text}Copy {i}.\n")).expect("write");
    }
    let path = dir.path().to_str().expect("utf8 path").to_string();
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[&path], &[]) else { return };
    let s = t.wait_for("of 3,000 articles");
    assert!(s.contains("Jeremy Hunt"), "{s}");
    // A body search run by the worker: the copies numbered 299, 1299, 2299 and 2990-2999.
    t.keys(&["/"]);
    t.text("'299");
    t.keys(&["Enter"]);
    let s = t.wait_for("13 of 3,000 articles");
    assert!(s.contains("Strike talks"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

#[test]
fn marks_survive_a_restart_and_bad_files_are_listed_in_the_reader() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Strike talks\n\nJeremy Hunt said 98% voted.\n").expect("write");
    std::fs::write(dir.path().join("b.txt"), "Second story\n\nThe BMA met.\n").expect("write");
    std::fs::write(dir.path().join("c.txt"), b"\x00\x01binary").expect("write");
    let path = dir.path().to_str().expect("utf8 path").to_string();
    let home = tempfile::TempDir::new().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_strike-reader");
    let Some(t) = Tmux::start_in(home.path(), bin, &[&path], &[]) else { return };
    let s = t.wait_for("Messages 1/1");
    assert!(s.contains("c.txt: binary file, skipped"), "{s}");
    t.keys(&["Escape"]);
    let s = t.wait_gone("Messages 1/1");
    assert!(s.contains("1 message (!)"), "Esc dismissed the list, which stays a key away:\n{s}");
    // Bookmark the first article, open the second (which reads it), then quit from the reader.
    t.keys(&["m", "j", "Enter", "Q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
    drop(t);
    let state =
        std::fs::read_to_string(home.path().join("data/strike-reader/state.json")).expect("state saved");
    assert_eq!(state.matches("\"bookmarked\":true").count(), 1, "{state}");
    assert_eq!(state.matches("\"read\":true").count(), 1, "{state}");

    let Some(t) = Tmux::start_in(home.path(), bin, &[&path], &[]) else { return };
    t.wait_for("Messages 1/1");
    t.keys(&["Escape", "B"]);
    let s = t.wait_for("1 of 2 articles");
    assert!(s.contains("★") && s.contains("Strike talks") && s.contains("bookmarked"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

#[test]
fn the_config_in_the_xdg_folder_rebinds_keys() {
    let home = tempfile::TempDir::new().expect("tempdir");
    let dir = home.path().join("config/strike-reader");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), "[keys]\nback = [\"x\"]\nhelp = [\"f1\", \"?\"]\n")
        .expect("write");
    let Some(t) = Tmux::start_in(home.path(), env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    t.wait_for("4 of 4 articles");
    t.keys(&["?"]);
    // The title is drawn before the rows below it: wait for the whole frame.
    t.wait_for("Help · Esc or F1 closes");
    let s = t.wait_for("this help");
    assert!(s.contains(" x ") && s.contains("F1 ?"), "the help lists the keys in use:\n{s}");
    t.keys(&["Escape"]);
    let s = t.wait_for("F1 help · x quit");
    assert!(!s.contains("? help"), "the status bar's hints follow the config:\n{s}");
    t.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(t.screen().contains("4 of 4 articles"), "q no longer quits");
    t.keys(&["x"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

/// A FIFO beside the articles is passed over, not waited on; a 30 MB article of one line opens
/// and every key still takes effect, the last line of it included.
#[test]
fn a_fifo_is_passed_over_and_a_30_mb_line_scrolls_like_any_article() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let sentence = "Health secretary Jeremy Hunt said 98% of junior doctors had voted to strike again. ";
    let mut big = String::from("Big story\n\n");
    while big.len() < 30_000_000 {
        big.push_str(sentence);
    }
    big.push_str("These are the very last words.\n");
    std::fs::write(dir.path().join("a-big.txt"), big).expect("write");
    std::fs::write(dir.path().join("b-small.txt"), "Small story\n\nThe BMA met.\n").expect("write");
    let made = Command::new("mkfifo").arg(dir.path().join("c-pipe.txt")).status().expect("mkfifo runs");
    assert!(made.success());
    let path = dir.path().to_str().expect("utf8 path").to_string();
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[&path], &[]) else { return };
    let s = t.wait_for("Messages 1/1");
    assert!(s.contains("c-pipe.txt: a named pipe (FIFO), not a regular file, skipped"), "{s}");
    t.keys(&["Escape"]);
    let s = t.wait_for("of 2 articles");
    assert!(s.contains("Big story") && s.contains("Jeremy Hunt said 98%"), "the big article is open:\n{s}");
    t.keys(&["Tab", "G"]);
    let s = t.wait_for("These are the very last words.");
    assert!(s.contains("Reader 100%"), "{s}");
    t.keys(&["g"]);
    t.wait_for("Big story");
    // Down the list and open the small one: keys reach the list as quickly.
    t.keys(&["BTab", "j", "Enter"]);
    let s = t.wait_for("The BMA met.");
    assert!(s.contains("Small story"), "{s}");
    t.keys(&["Q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

#[test]
fn q_backs_out_a_level_and_quits_only_from_the_list() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    t.wait_for("4 of 4 articles");
    t.keys(&["?"]);
    t.wait_for("Help · Esc or ? closes");
    t.keys(&["q"]);
    let s = t.wait_gone("Help ·");
    assert!(s.contains("Enter open"), "q closed the help and nothing more:\n{s}");
    t.keys(&["j", "Enter"]);
    let s = t.wait_for("n next match");
    assert!(s.contains("q back"), "the reader has the focus and q goes back:\n{s}");
    t.keys(&["q"]);
    let s = t.wait_for("q quit");
    assert!(s.contains("Articles 4/4"), "back in the list, still running:\n{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

#[test]
fn o_hands_the_link_to_the_browser_as_one_argument() {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let link = "https://example.org/strike?a=1&b=$(touch%20x);c";
    let record =
        serde_json::json!({"title": "Strike talks", "url": link, "text": "Jeremy Hunt met the BMA."});
    std::fs::write(dir.path().join("a.jsonl"), format!("{record}\n")).expect("write");
    let got = dir.path().join("browser-got");
    let browser = dir.path().join("browser.sh");
    std::fs::write(&browser, format!("#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > {}\n", got.display()))
        .expect("write");
    Command::new("chmod").arg("+x").arg(&browser).status().expect("chmod");
    let path = dir.path().join("a.jsonl").to_str().expect("utf8").to_string();
    let browser = browser.to_str().expect("utf8").to_string();
    let Some((t, _home)) =
        Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[&path], &[("BROWSER", &browser)])
    else {
        return;
    };
    t.wait_for("1 of 1 article");
    t.keys(&["o"]);
    t.wait_for("opened https://example.org/strike");
    let start = Instant::now();
    while !got.exists() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let got = std::fs::read_to_string(&got).expect("the browser ran");
    assert_eq!(got, format!("1|{link}"), "one argument, the URL as it was");
    t.keys(&["q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
    assert!(!dir.path().join("x").exists(), "nothing in the link ran");
}

#[test]
fn a_query_with_not_and_or() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    t.wait_for("4 of 4 articles");
    t.keys(&["/"]);
    t.text("capaldi | stratford");
    let s = t.wait_for("Articles 2/4");
    assert!(s.contains("Stratford") || s.contains("Capaldi"), "{s}");
    t.keys(&["C-u"]);
    t.text("!capaldi");
    t.wait_for("Articles 3/4");
    t.keys(&["Enter"]);
    let s = t.wait_for("3 of 4 articles");
    assert!(s.contains("/!capaldi"), "the query shows as a chip:\n{s}");
    t.keys(&["Q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}

/// Who said what, driven from the keyboard: the Orgs tab filters, the Quotes tab groups by
/// speaker and opens an article at a quote, `w` filters by speaker, `--org` starts filtered.
#[test]
fn quotes_organisations_and_said_by_in_a_real_terminal() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    t.wait_for("4 of 4 articles");
    t.keys(&["Tab", "Tab", "2"]);
    let s = t.wait_for("organisations");
    assert!(s.contains("British Medical Associa") && s.contains("NHS Employers"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("org: British Medical Association");
    assert!(s.contains("4 of 4 articles"), "the BMA is in every seed:\n{s}");
    t.keys(&["Escape", "5"]);
    let s = t.wait_for(" quotes ─");
    assert!(s.contains("Hannah Barnham-Bro") && s.contains("Jeremy Hunt"), "{s}");
    // The first row names the most quoted speaker; `w` keeps the articles quoting them.
    let sidebar = |line: &str| line.chars().skip(119).collect::<String>();
    let first =
        s.lines().map(sidebar).find(|l| l.starts_with("│ ") && !l.starts_with("│  ")).expect("a quote row");
    let speaker: String = first.trim_start_matches("│ ").split(' ').take(2).collect::<Vec<_>>().join(" ");
    t.keys(&["w"]);
    let s = t.wait_for(&format!("said by: {speaker}"));
    assert!(!s.contains("4 of 4 articles"), "{s}");
    // Enter opens the article at the quote: its words are in the reading pane.
    let rows: Vec<String> = s.lines().map(sidebar).collect();
    let quote_row = rows.iter().find(|l| l.contains(&speaker)).expect("the speaker's row");
    let words: String = quote_row
        .split('│')
        .nth(1)
        .unwrap_or("")
        .split_whitespace()
        .skip(3)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    t.keys(&["Enter"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let s = t.screen();
    let reader: String = s.lines().map(|l| l.chars().skip(44).take(75).collect::<String>() + "\n").collect();
    assert!(reader.contains(&words), "the reader shows {words:?}:\n{s}");
    t.keys(&["Q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));

    let Some((t, _home)) =
        Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &["--org", "'Department of Health'"], &[])
    else {
        return;
    };
    let s = t.wait_for("1 of 4 articles");
    assert!(s.contains("org: Department of Health"), "{s}");
    t.keys(&["C-c"]);
}

#[test]
fn the_time_figures_and_with_views_in_a_real_terminal() {
    let Some((t, _home)) = Tmux::start(env!("CARGO_BIN_EXE_strike-reader"), &[], &[]) else { return };
    t.wait_for("4 of 4 articles");
    // The Time tab: the dated seed by day, the others counted apart; Enter keeps that day.
    t.keys(&["Tab", "Tab", "6"]);
    let s = t.wait_for("1 by day");
    assert!(s.contains("▲Wed 10 Aug 2016"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("date: Wed 10 Aug 2016");
    assert!(s.contains("1 of 4 articles"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("4 of 4 articles");
    // Figures across the coverage: the junior doctors' percentages side by side, marked.
    t.keys(&["a"]);
    let s = t.wait_for("groups in 4 articles");
    assert!(s.contains("junior doctor (%)") && s.contains("Ninety per ce") && s.contains('≠'), "{s}");
    t.keys(&["j", "Enter"]);
    let s = t.wait_for("figure: 98% junior doctor");
    assert!(s.contains("1 of 4 articles"), "{s}");
    t.keys(&["Escape", "1", "c"]);
    // With: who appears with the most mentioned person; Enter filters by both.
    let s = t.wait_for("─ with ");
    let sidebar = |line: &str| line.chars().skip(119).collect::<String>();
    let row = s.lines().map(sidebar).find(|l| l.starts_with("│  ") && l.contains('█')).expect("a with row");
    let other: String = row.trim_start_matches("│  ").split("  ").next().unwrap_or("").trim().to_string();
    t.keys(&["Enter"]);
    let s = t.wait_for(&other.chars().take(12).collect::<String>());
    assert!(s.contains("person: ") || s.contains("org: "), "two filters:\n{s}");
    t.keys(&["Q"]);
    assert_eq!(t.exit_status().as_deref(), Some("0"));
}
