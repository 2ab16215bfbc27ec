//! The binary end to end: `export` output and schema, and every bad input named in the README.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strike-reader")).args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const KEYS: [&str; 10] =
    ["id", "path", "title", "date", "authors", "words", "people", "hashtags", "handles", "figures"];

#[test]
fn export_prints_one_json_object_per_seed_with_the_documented_keys_in_order() {
    let o = run(&["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        let keys: Vec<&str> = v.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(&keys[..KEYS.len()], KEYS, "keys come first and in order");
        for f in v["figures"].as_array().expect("figures") {
            let unit = f["unit"].as_str().expect("unit");
            let units = ["percent", "count", "money", "duration", "time", "date", "number", "measure", "age"];
            assert!(units.contains(&unit), "{unit}");
            assert!(f["value"].is_f64() || f["value"].is_i64() || f["value"].is_u64());
        }
    }
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
    assert_eq!(first["path"], "seeds/000_3d8d3efca1eb1b7a.txt");
    assert_eq!(first["hashtags"][0], serde_json::json!({"tag": "#IAmTheDoctorWho", "count": 7}));
    assert_eq!(first["handles"][0], serde_json::json!({"handle": "@DrSherbert2", "count": 1}));
    let hunt = &serde_json::from_str::<serde_json::Value>(lines[1]).expect("json")["people"][0];
    assert_eq!(hunt["name"], "Jeremy Hunt");
    assert_eq!(hunt["aliases"], serde_json::json!(["Mr Hunt", "Hunt"]));
}

#[test]
fn figure_offsets_count_characters_in_the_exported_body() {
    let o = run(&["export", "--with-body"]);
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let body: Vec<char> = v["body"].as_str().expect("body").chars().collect();
        for f in v["figures"].as_array().expect("figures") {
            let text: Vec<char> = f["text"].as_str().expect("text").chars().collect();
            let at = f["offset"].as_u64().expect("offset") as usize;
            assert_eq!(&body[at..at + text.len()], &text[..]);
        }
    }
}

#[test]
fn json_and_csv_formats() {
    let o = run(&["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(v.as_array().map(Vec::len), Some(4));

    let o = run(&["export", "--format", "csv"]);
    assert!(o.status.success());
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = r.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(&header[..7], ["article_id", "kind", "name", "value", "unit", "count", "context"]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert!(rows.iter().any(|r| &r[1] == "figure" && &r[2] == "98%" && &r[4] == "percent"));
    assert!(rows.iter().any(|r| &r[1] == "person" && &r[2] == "Jeremy Hunt"));
    assert!(rows.iter().any(|r| &r[1] == "hashtag" && &r[2] == "#IAmTheDoctorWho" && &r[5] == "7"));
}

#[test]
fn a_missing_path_is_named_with_exit_code_2_and_nothing_on_stdout() {
    let o = run(&["export", "/no/such/place.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("/no/such/place.txt"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn an_empty_folder_is_refused_with_exit_code_2() {
    let dir = TempDir::new().expect("tempdir");
    let o = run(&["export", dir.path().to_str().expect("utf8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("holds no articles"), "{}", stderr(&o));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

#[test]
fn binary_files_are_skipped_and_invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "a.txt", b"Strike called\n\nDr Jane Smith said 98% voted yes.\n");
    write(dir.path(), "b.txt", b"\x00\x01\x02binary\x00");
    write(dir.path(), "c.txt", b"Caf\xe9 owners\n\nMr Hunt visited a caf\xe9.\n");
    write(dir.path(), "notes.pdf", b"%PDF-1.4");
    let o = run(&["export", dir.path().to_str().expect("utf8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).expect("utf8").lines().collect();
    assert_eq!(lines.len(), 2, "the two text articles load");
    let err = stderr(&o);
    assert!(err.contains("b.txt: binary file, skipped"), "{err}");
    assert!(err.contains("c.txt: not UTF-8 (invalid at byte 3); read as Windows-1252"), "{err}");
    assert!(err.contains("notes.pdf"), "{err}");
    assert!(
        err.lines().last().is_some_and(
            |l| l.contains("loaded 2 articles") && l.contains("skipped 1 file that could not be read")
        ),
        "{err}"
    );
    let c: serde_json::Value = serde_json::from_str(lines[1]).expect("json");
    assert_eq!(c["title"], "Café owners");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_with_a_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "ok.txt", b"Fine\n\nText.\n");
    write(dir.path(), "secret.txt", b"Hidden\n\nText.\n");
    let secret = dir.path().join("secret.txt");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to test.
        return;
    }
    let o = run(&["export", dir.path().to_str().expect("utf8 path")]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("secret.txt: cannot be read"), "{}", stderr(&o));
}

#[test]
fn folders_load_recursively_in_path_order_and_files_in_the_order_given() {
    let dir = TempDir::new().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("b/inner")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("a")).expect("mkdir");
    write(&dir.path().join("b/inner"), "z.md", b"Z\n\nz.\n");
    write(&dir.path().join("b"), "y.txt", b"Y\n\ny.\n");
    write(&dir.path().join("a"), "x.txt", b"X\n\nx.\n");
    let root = dir.path().to_str().expect("utf8");
    let ids = |o: Output| -> Vec<String> {
        stdout(&o)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(ids(run(&["export", root])), ["x", "z", "y"]);
    let y = format!("{root}/b/y.txt");
    let x = format!("{root}/a/x.txt");
    assert_eq!(ids(run(&["export", &y, &x])), ["y", "x"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_strike-reader"))
        .args(["export", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    out.read_exact(&mut first).expect("some output");
    drop(out);
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read");
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success() || status.code() == Some(0), "{status:?} {err}");
}

#[test]
fn the_reader_without_a_terminal_says_so() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // A missing path is named first, terminal or not.
    let o = run(&["/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/folder: no such file or directory"), "{}", stderr(&o));
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("export"));
    let o = run(&["--version"]);
    assert!(stdout(&o).starts_with("strike-reader "));
    let o = run(&["export", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Escape sequences in a file's title, byline and body never reach a terminal, nor do those in
/// its name (shown escaped): not in any export format, not in the messages on stderr.
#[test]
fn escape_sequences_are_removed_from_every_field_and_message() {
    let dir = TempDir::new().expect("tempdir");
    let nasty = "Strike \u{1b}]52;c;cm0gLXJmIH4=\u{7}talks\u{1b}[2J\n\nBy Jo \u{1b}[31mSmith\u{1b}[0m\n\n\
                 Health secretary Jeremy \u{9b}1mHunt said 98%\u{1b}P1$r\u{1b}\\ of doctors \u{8}voted.\n";
    std::fs::write(dir.path().join("a\u{1b}[2Jb.txt"), nasty).expect("write");
    std::fs::write(dir.path().join("c\u{1b}]0;x\u{7}.bin"), "not an article").expect("write");
    let path = dir.path().to_str().expect("utf8 path");
    for format in ["jsonl", "csv"] {
        let o = run(&["export", "--format", format, "--with-body", path]);
        assert!(o.status.success(), "{}", stderr(&o));
        for (name, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let bad = bytes.iter().find(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r')) || b == 0x7f);
            assert!(
                bad.is_none(),
                "{format} {name} holds control byte {bad:?}: {:?}",
                String::from_utf8_lossy(bytes)
            );
            assert!(!String::from_utf8_lossy(bytes).chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
        }
        let out = stdout(&o);
        assert!(format == "csv" || out.contains("Strike talks"), "the csv rows hold no title: {out}");
        let id = if format == "csv" { r"a\x1b[2Jb" } else { r"a\\x1b[2Jb" };
        assert!(out.contains(id), "the id from the file name, escaped: {out}");
        assert!(out.contains("Jeremy Hunt"), "the name is whole again: {out}");
        assert!(!out.contains("52;c;"), "the clipboard payload is gone with its sequence: {out}");
        assert!(stderr(&o).contains(r"c\x1b]0;x\x07.bin: not an article file"), "{}", stderr(&o));
    }
}

#[test]
fn the_default_config_is_printed_and_bad_configs_are_refused_naming_the_line() {
    let o = run(&["--print-default-config"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), include_str!("../assets/config.toml"));
    let dir = TempDir::new().expect("tempdir");
    // The printed defaults are a valid config as they stand: the reader gets as far as
    // asking for a terminal.
    write(dir.path(), "default.toml", &o.stdout);
    let o = run(&["--config", dir.path().join("default.toml").to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"), "{}", stderr(&o));
    for (text, want) in [
        ("[keys]\nquit = [\"q\"]\nfly = [\"f\"]\n", "line 3: unknown action \"fly\" in [keys]"),
        ("\n\n[theme.person]\nfg = \"nope\"\n", "line 4: unknown colour \"nope\""),
        ("[theme]\nperson = 3\n", "line 2: invalid type"),
    ] {
        write(dir.path(), "bad.toml", text.as_bytes());
        let o = run(&["--config", dir.path().join("bad.toml").to_str().expect("utf8")]);
        assert_eq!(o.status.code(), Some(2), "{text:?}");
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.starts_with("strike-reader: config ") && err.contains(want), "{want:?} not in {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    let o = run(&["--config", dir.path().join("missing.toml").to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.toml"), "{}", stderr(&o));
}

#[test]
fn export_selects_what_the_reader_would_list() {
    let ids = |o: &Output| -> Vec<String> {
        stdout(o)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).expect("json")["id"].as_str().unwrap_or("")[..3]
                    .to_string()
            })
            .collect()
    };
    let o = run(&["export", "--person", "mr hunt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ids(&o), ["000", "001", "003"]);
    let o = run(&["export", "--query", "capaldi"]);
    assert_eq!(ids(&o), ["000"]);
    let o = run(&["export", "--tag", "#juniorcontract", "--person", "Jeremy Hunt"]);
    assert_eq!(ids(&o), ["000", "003"]);
    let o = run(&["export", "--format", "csv", "--query", "capaldi"]);
    assert!(stdout(&o).lines().skip(1).all(|l| l.starts_with("000")), "{}", stdout(&o));
    let o = run(&["export", "--person", "Jeremy Hnut"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "strike-reader: no person named \"Jeremy Hnut\" in these articles; closest: Jeremy Hunt"
    );
    let o = run(&["export", "--tag", "nosuchtag"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no hashtag or handle \"nosuchtag\""), "{}", stderr(&o));
}

#[test]
fn export_lists_organisations_and_quotes_with_their_speakers() {
    let o = run(&["export", "--with-body"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let articles: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    for v in &articles {
        let keys: Vec<&str> = v.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(&keys[keys.len() - 3..], ["organisations", "quotes", "time"], "after the existing keys");
        // Offsets count characters, and the text is where they say.
        let body: Vec<char> = v["body"].as_str().expect("body").chars().collect();
        for q in v["quotes"].as_array().expect("quotes") {
            let text: Vec<char> = q["text"].as_str().expect("text").chars().collect();
            let at = q["offset"].as_u64().expect("offset") as usize;
            assert_eq!(&body[at..at + text.len()], &text[..]);
            assert!(["direct", "indirect", "mixed"].contains(&q["kind"].as_str().expect("kind")));
        }
    }
    let orgs = &articles[0]["organisations"];
    assert_eq!(
        orgs[0],
        serde_json::json!({"name": "British Medical Association", "aliases": ["BMA"], "count": 6})
    );
    let said_by = |i: usize, who: &str| {
        articles[i]["quotes"].as_array().expect("quotes").iter().filter(|q| q["speaker"] == who).count()
    };
    assert!(said_by(0, "Hannah Barnham-Brown") >= 2, "the BuzzFeed article quotes her");
    assert!(said_by(3, "Jeremy Hunt") >= 1, "the BBC live page quotes the health secretary");
    assert!(said_by(3, "NHS England") >= 1, "and NHS England");
    let hers = articles[0]["quotes"].as_array().expect("quotes").iter().find(|q| q["speaker_text"] == "she");
    assert_eq!(
        hers.map(|q| &q["speaker"]),
        Some(&serde_json::json!("Hannah Barnham-Brown")),
        "she is resolved"
    );

    let o = run(&["export", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = r.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(&header[10..], ["speaker_text", "cue", "quote_kind"]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert!(
        rows.iter()
            .any(|r| &r[1] == "organisation" && &r[2] == "British Medical Association" && &r[8] == "BMA")
    );
    assert!(rows.iter().any(|r| &r[1] == "quote" && &r[2] == "Hannah Barnham-Brown" && &r[10] == "she"));
}

#[test]
fn org_and_said_by_select_articles_and_unknown_names_get_suggestions() {
    let o = run(&["export", "--org", "doh"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "the Department of Health, by its acronym");
    let o = run(&["export", "--said-by", "hannah barnham-brown"]);
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(&["export", "--org", "British Medical Asociation"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no organisation named \"British Medical Asociation\" in these articles; closest: British Medical Association"), "{}", stderr(&o));
    let o = run(&["export", "--said-by", "Justin Bieber"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no one named \"Justin Bieber\" is quoted"), "{}", stderr(&o));
}
