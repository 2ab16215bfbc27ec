//! Every format, encoding and bad input the README lists, through the release binary's `export`:
//! fixtures are written by the tests themselves.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

fn export(paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strike-reader")).arg("export").args(paths).output().expect("binary runs")
}

fn export_stdin(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_strike-reader"))
        .args(["export", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("binary ends")
}

fn records(o: &Output) -> Vec<Value> {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), stderr(o));
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("json line")).collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn people(record: &Value) -> Vec<String> {
    record["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| p["name"].as_str().unwrap_or("").to_string())
        .collect()
}

fn figures(record: &Value) -> Vec<String> {
    record["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| f["text"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_saved_web_page_reads_as_its_article() {
    let dir = TempDir::new().expect("tempdir");
    let page = write(
        dir.path(),
        "page.html",
        r#"<html><head><title>Walkout | Example</title>
        <meta property="og:title" content="Junior doctors walk out">
        <meta name="author" content="Jane Smith">
        <meta property="article:published_time" content="2016-04-26T08:00:00Z">
        <script>var x = "Boris Johnson";</script><style>.a{}</style></head>
        <body><nav>Home | Sport | Jeremy Corbyn</nav>
        <article><p>Health Secretary Jeremy Hunt said 98% of operations went ahead.</p>
        <p>Mr Hunt spoke for 48 hours &amp; more.</p></article><footer>© 2016</footer></body></html>"#,
    );
    let r = &records(&export(&[&page]))[0];
    assert_eq!(r["title"], "Junior doctors walk out");
    assert_eq!(r["title_inferred"], false);
    assert_eq!(r["date"], "2016-04-26");
    assert_eq!(r["authors"], serde_json::json!(["Jane Smith"]));
    assert_eq!(people(r), ["Jeremy Hunt"], "script and navigation text is dropped");
    assert_eq!(figures(r), ["98%", "48 hours"]);
}

#[test]
fn json_arrays_and_json_lines_load_with_their_fields_and_report_bad_lines() {
    let dir = TempDir::new().expect("tempdir");
    let array = write(
        dir.path(),
        "dataset.json",
        r#"[{"title": "Strike day", "body": "Jeremy Hunt said 98% voted.", "date": "2016-04-26",
             "authors": ["Jane Smith"], "url": "https://e.com/1", "source": "E News"},
            {"title": "Second", "content": "The BMA cited 5,000 operations."}]"#,
    );
    let lines = write(
        dir.path(),
        "feed.jsonl",
        "{\"title\": \"One\", \"text\": \"Mr Hunt met Dr Jane Smith.\"}\n{\"title\": broken}\n\n{\"body\": \"Third article text.\"}\n",
    );
    let o = export(&[&array, &lines]);
    let rs = records(&o);
    assert_eq!(rs.len(), 4);
    assert_eq!(rs[0]["id"], "dataset:1");
    assert_eq!(rs[0]["date"], "2016-04-26");
    assert_eq!(rs[0]["url"], "https://e.com/1");
    assert_eq!(rs[0]["source"], "E News");
    assert_eq!(figures(&rs[1]), ["5,000"]);
    assert_eq!(rs[2]["title"], "One");
    assert_eq!(rs[3]["title"], "Third article text…", "a record without a title gets its opening sentence");
    let err = stderr(&o);
    assert!(err.contains("feed.jsonl: line 2: column 11: expected value"), "{err}");
}

#[test]
fn broken_json_is_skipped_with_where_it_broke() {
    let dir = TempDir::new().expect("tempdir");
    let bad = write(dir.path(), "bad.json", "[{\"title\": \"x\",\n \"body\": }]");
    let good = write(dir.path(), "good.txt", "Fine\n\nText.\n");
    let o = export(&[&bad, &good]);
    assert_eq!(records(&o).len(), 1);
    assert!(
        stderr(&o).contains("bad.json: invalid JSON: expected value at line 2 column 10, skipped"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rss_and_atom_items_are_articles() {
    let dir = TempDir::new().expect("tempdir");
    let rss = write(
        dir.path(),
        "news.rss",
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Health Desk</title>
        <item><title>Strike &amp; talks</title><link>https://e.com/a</link>
        <pubDate>Tue, 26 Apr 2016 08:00:00 GMT</pubDate><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Jane Smith</dc:creator>
        <description>&lt;p&gt;Jeremy Hunt said &lt;b&gt;98%&lt;/b&gt; went ahead.&lt;/p&gt;</description></item>
        <item><title>Second</title><author>nick@example.com (Nick Triggle)</author><description>Text.</description></item>
        <item><title>Third</title><author>Nick Triggle &lt;nick@example.com&gt;</author><description>Text.</description></item>
        <item><title>Fourth</title><author>desk@example.com</author><description>Text.</description></item>
        </channel></rss>"#,
    );
    let atom = write(
        dir.path(),
        "news.atom",
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
        <id>urn:x</id><updated>2016-04-27T00:00:00Z</updated>
        <entry><title>Walkout</title><id>urn:1</id><updated>2016-04-27T09:00:00Z</updated>
        <author><name>John Doe</name></author><link href="https://e.com/w"/>
        <content type="html">&lt;p&gt;The BMA said 5,000 operations moved.&lt;/p&gt;</content></entry></feed>"#,
    );
    let rs = records(&export(&[&rss, &atom]));
    assert_eq!(rs.len(), 5);
    // RSS authors are addresses by the standard: the name in them is what a reader wants.
    for (r, want) in rs[1..4].iter().zip(["Nick Triggle", "Nick Triggle", "desk@example.com"]) {
        assert_eq!(r["authors"], serde_json::json!([want]), "{}", r["title"]);
    }
    let rs = [rs[0].clone(), rs[4].clone()];
    assert_eq!(rs[0]["title"], "Strike & talks");
    assert_eq!(rs[0]["date"], "2016-04-26");
    assert_eq!(rs[0]["authors"], serde_json::json!(["Jane Smith"]));
    assert_eq!(rs[0]["url"], "https://e.com/a");
    assert_eq!(rs[0]["source"], "Health Desk");
    assert_eq!(people(&rs[0]), ["Jeremy Hunt"]);
    assert_eq!(figures(&rs[0]), ["98%"]);
    assert_eq!(rs[1]["title"], "Walkout");
    assert_eq!(rs[1]["authors"], serde_json::json!(["John Doe"]));
    assert_eq!(figures(&rs[1]), ["5,000"]);
}

#[test]
fn csv_rows_with_a_text_column_are_articles() {
    let dir = TempDir::new().expect("tempdir");
    let csv = write(
        dir.path(),
        "tweets.csv",
        "id,name,text,tweet_created\n1,kenzi,\"RT @NancyLeeGrahn: How did everyone feel? #GOPDebate\",2015-08-07 09:54:46 -0700\n",
    );
    let no_text = write(dir.path(), "scores.csv", "id,score\n1,2\n");
    let o = export(&[&csv, &no_text]);
    let rs = records(&o);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["hashtags"][0]["tag"], "#GOPDebate");
    assert_eq!(rs[0]["handles"][0]["handle"], "@NancyLeeGrahn");
    assert_eq!(rs[0]["date"], "2015-08-07");
    assert!(stderr(&o).contains("scores.csv: the CSV header names no text column"), "{}", stderr(&o));
}

#[test]
fn the_real_tweet_corpus_loads_one_article_per_row() {
    let Some(dir) = common::shared_corpus("gop_debate_tweets") else { return };
    let rs = records(&export(&[&dir.join("Sentiment.csv")]));
    assert_eq!(rs.len(), 13_871, "one article per tweet");
    let tagged = rs.iter().filter(|r| !r["hashtags"].as_array().is_some_and(Vec::is_empty)).count();
    assert!(tagged > 10_000, "most tweets carry a hashtag: {tagged}");
}

#[test]
fn standard_input_holds_one_article_or_json_lines() {
    let rs = records(&export_stdin(b"Strike called\n\nJeremy Hunt said 98% voted.\n"));
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["id"], "stdin");
    assert_eq!(rs[0]["path"], "(stdin)");
    assert_eq!(rs[0]["title"], "Strike called");
    assert_eq!(people(&rs[0]), ["Jeremy Hunt"]);
    let o = export_stdin(
        b"{\"title\": \"A\", \"body\": \"Mr Hunt said 98%.\"}\nnot json\n{\"body\": \"B text.\"}\n",
    );
    let rs = records(&o);
    assert_eq!(rs.len(), 2);
    assert!(stderr(&o).contains("(stdin): line 2: column 2: expected ident"), "{}", stderr(&o));
    let empty = export_stdin(b"");
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("(stdin): empty file, skipped"), "{}", stderr(&empty));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[test]
fn every_encoding_reads_to_the_same_article() {
    let dir = TempDir::new().expect("tempdir");
    let text = "Café strike\n\nJeremy Hunt said 98% of doctors voted «yes».\n";
    write(dir.path(), "1-utf8.txt", text);
    write(dir.path(), "2-bom.txt", [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat());
    write(dir.path(), "3-utf16le.txt", utf16(text, false));
    write(dir.path(), "4-utf16be.txt", utf16(text, true));
    write(
        dir.path(),
        "5-cp1252.txt",
        b"Caf\xe9 strike\n\nJeremy Hunt said 98% of doctors voted \xabyes\xbb.\n",
    );
    write(
        dir.path(),
        "6-entities.txt",
        "Caf&eacute; strike\n\nJeremy Hunt said 98% of doctors voted &#171;yes&#xBB;.\n",
    );
    let o = export(&[dir.path()]);
    let rs = records(&o);
    assert_eq!(rs.len(), 6);
    for r in &rs {
        assert_eq!(r["title"], "Café strike", "{}", r["id"]);
        assert_eq!(people(r), ["Jeremy Hunt"], "{}", r["id"]);
        assert_eq!(figures(r), ["98%"], "{}", r["id"]);
    }
    let err = stderr(&o);
    assert!(err.contains("3-utf16le.txt: read as UTF-16LE"), "{err}");
    assert!(err.contains("5-cp1252.txt: not UTF-8 (invalid at byte 3); read as Windows-1252"), "{err}");
    assert!(!err.contains("1-utf8.txt") && !err.contains("2-bom.txt"), "{err}");
}

#[test]
fn character_references_are_decoded_in_every_format() {
    let dir = TempDir::new().expect("tempdir");
    let json =
        write(dir.path(), "a.json", r#"[{"title": "Caf&eacute; &amp; co", "body": "Fees of &#163;5m."}]"#);
    let csv = write(dir.path(), "b.csv", "title,text\nCaf&eacute; &amp; co,Fees of &#163;5m.\n");
    let rss = write(
        dir.path(),
        "c.xml",
        "<rss version=\"2.0\"><channel><title>x</title><item><title>Caf&amp;eacute; &amp;amp; co</title>\
         <description>Fees of &amp;#163;5m.</description></item></channel></rss>",
    );
    let html = write(dir.path(), "d.html", "<title>Caf&eacute; &amp; co</title><p>Fees of &#163;5m.</p>");
    let txt = write(dir.path(), "e.txt", "Caf&eacute; &amp; co\n\nFees of &#163;5m.\n");
    let rs = records(&export(&[&json, &csv, &rss, &html, &txt]));
    assert_eq!(rs.len(), 5);
    for r in &rs {
        assert_eq!(r["title"], "Café & co", "{}", r["path"]);
        assert_eq!(figures(r), ["£5m"], "{}", r["path"]);
    }
}

#[test]
fn escapes_in_every_field_of_a_structured_record_are_removed() {
    let dir = TempDir::new().expect("tempdir");
    let json = write(
        dir.path(),
        "a.jsonl",
        "{\"title\": \"Strike\\u001b]52;c;cm0=\\u0007 talks\", \"body\": \"Jeremy \\u009b1mHunt &#27;[2Jspoke.\", \
          \"author\": \"Jo \\u001b[31mSmith\", \"url\": \"https://e.com/\\u001b[2J\", \"source\": \"E\\u0007 News\"}\n",
    );
    let o = export(&[&json]);
    let bad = o.stdout.iter().chain(&o.stderr).find(|&&b| (b < 0x20 && b != b'\n') || b == 0x7f);
    assert!(bad.is_none(), "control byte {bad:?} in {:?}", String::from_utf8_lossy(&o.stdout));
    let r = &records(&o)[0];
    assert_eq!(r["title"], "Strike talks");
    assert_eq!(r["authors"], serde_json::json!(["Jo Smith"]));
    assert_eq!(r["url"], "https://e.com/");
    assert_eq!(r["source"], "E News");
    assert_eq!(people(r), ["Jeremy Hunt"]);
}

#[test]
fn empty_huge_and_looping_files_are_passed_over_with_a_reason() {
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "good.txt", "Fine\n\nJeremy Hunt spoke.\n");
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.md", "\n  \n");
    // 200 MB without writing 200 MB: the size alone refuses it, before a byte is read.
    let huge = std::fs::File::create(dir.path().join("huge.txt")).expect("create");
    huge.set_len(200 << 20).expect("sparse file");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).expect("symlink");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).expect("symlink");
    }
    let o = export(&[dir.path()]);
    let rs = records(&o);
    assert_eq!(rs.len(), 1, "only good.txt loads");
    let err = stderr(&o);
    for want in [
        "empty.txt: empty file, skipped",
        "blank.md: empty file, skipped",
        "huge.txt: 200 MiB, more than the 32 MiB a file of this kind may hold, skipped",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    #[cfg(unix)]
    {
        assert!(err.contains("self.txt: cannot be read (filesystem loop"), "{err}");
        assert!(err.contains("up: a link to a folder already read, skipped"), "{err}");
    }
    for line in err.lines() {
        assert!(line.starts_with("strike-reader: "), "one line per reason: {line:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_passed_over() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().expect("tempdir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod dir");
    write(dir.path(), "ok.txt", "Fine\n\nText.\n");
    let secret = write(dir.path(), "secret.txt", "Hidden\n\nText.\n");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let mut command = Command::new(env!("CARGO_BIN_EXE_strike-reader"));
    // Root reads every file whatever its mode: the test then runs the binary as nobody, from a
    // copy that nobody can reach wherever the build folder is.
    if std::fs::read(&secret).is_ok() {
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).expect("mkdir");
        std::fs::copy(env!("CARGO_BIN_EXE_strike-reader"), bin.join("strike-reader")).expect("copy binary");
        command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin.join("strike-reader"));
    }
    let o = command.arg("export").arg(dir.path().join("ok.txt")).arg(&secret).output().expect("binary runs");
    assert_eq!(records(&o).len(), 1);
    assert!(stderr(&o).contains("secret.txt: cannot be read (permission denied), skipped"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_load_and_are_shown_readably() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().expect("tempdir");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(name), "Strike\n\nJeremy Hunt spoke.\n").expect("write");
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(b"bin\xff.dat")), "x").expect("write");
    let o = export(&[dir.path()]);
    let rs = records(&o);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["id"], "caf\u{fffd}");
    assert!(stderr(&o).contains("bin\u{fffd}.dat: not an article file"), "{}", stderr(&o));
}

#[test]
fn a_folder_of_100000_files_loads_every_one() {
    // Memory-backed where there is such a place: this is about the reader, not the disk.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() { TempDir::new_in(shm) } else { TempDir::new() }.expect("tempdir");
    for shard in 0..100 {
        let sub = dir.path().join(format!("{shard:02}"));
        std::fs::create_dir(&sub).expect("mkdir");
        for i in 0..1000 {
            std::fs::write(
                sub.join(format!("{i:03}.txt")),
                format!("Story {shard} {i}\n\nJeremy Hunt spoke.\n"),
            )
            .expect("write");
        }
    }
    let o = export(&[dir.path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 100_000);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn nothing_readable_at_all_is_exit_code_2() {
    let dir = TempDir::new().expect("tempdir");
    let empty = write(dir.path(), "empty.txt", "");
    let binary = write(dir.path(), "b.json", b"\x00\x01binary");
    let o = export(&[&empty, &binary]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("no articles could be read"), "{}", stderr(&o));
}

#[test]
fn pages_and_feeds_are_read_in_the_encoding_they_declare() {
    let dir = TempDir::new().expect("tempdir");
    let page = write(
        dir.path(),
        "ru.html",
        b"<html><head><meta charset=\"windows-1251\"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></head><body><p>Jeremy Hunt spoke.</p></body></html>",
    );
    let feed = write(
        dir.path(),
        "latin1.rss",
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title>\
          <item><title>Caf\xe9 strike</title><description>Jeremy Hunt said 98%.</description></item></channel></rss>",
    );
    let mislabelled = write(
        dir.path(),
        "utf8.rss",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title>\
         <item><title>Café strike</title><description>Jeremy Hunt said 98%.</description></item></channel></rss>",
    );
    let o = export(&[&page, &feed, &mislabelled]);
    let rs = records(&o);
    assert_eq!(rs[0]["title"], "Привет");
    assert_eq!(rs[1]["title"], "Café strike");
    assert_eq!(rs[2]["title"], "Café strike", "valid UTF-8 wins over a wrong label");
    let err = stderr(&o);
    assert!(err.contains("ru.html: read as windows-1251, as the file declares"), "{err}");
    assert!(!err.contains("utf8.rss"), "{err}");
}

/// Run `export` with a guard: a reader that blocks on a FIFO would otherwise hang the test run.
fn export_within(args: &[&std::ffi::OsStr], limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_strike-reader"))
        .arg("export")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("export still runs after {limit:?}: it blocked on a special file");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("binary ends")
}

#[cfg(unix)]
#[test]
fn fifos_sockets_and_devices_are_passed_over_without_being_opened() {
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "good.txt", "Fine\n\nJeremy Hunt spoke.\n");
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("sock.json")).expect("socket");
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.txt")).expect("symlink");
    let sub = TempDir::new().expect("tempdir");
    let direct_fifo = sub.path().join("direct.txt");
    assert!(Command::new("mkfifo").arg(&direct_fifo).status().expect("mkfifo runs").success());
    let args = [dir.path().as_os_str(), direct_fifo.as_os_str(), std::ffi::OsStr::new("/dev/null")];
    let o = export_within(&args, std::time::Duration::from_secs(30));
    let rs = records(&o);
    assert_eq!(rs.len(), 1, "only good.txt loads");
    let err = stderr(&o);
    for want in [
        "pipe.txt: a named pipe (FIFO), not a regular file, skipped",
        "sock.json: a socket, not a regular file, skipped",
        "null.txt: a character device, not a regular file, skipped",
        "direct.txt: a named pipe (FIFO), not a regular file, skipped",
        "/dev/null: a character device, not a regular file, skipped",
        "skipped 0 files that could not be read and 5 files of other kinds",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_says_so() {
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "good.txt", "Fine\n\nJeremy Hunt spoke.\n");
    std::os::unix::fs::symlink("missing.txt", dir.path().join("dangling.txt")).expect("symlink");
    let o = export(&[dir.path()]);
    assert_eq!(records(&o).len(), 1);
    assert!(
        stderr(&o).contains("dangling.txt: a link to a file that does not exist, skipped"),
        "{}",
        stderr(&o)
    );
}

/// A file name's control characters are shown escaped everywhere it appears: the id, the path,
/// the messages, and every export format; none is a line break in the output.
#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let dir = TempDir::new().expect("tempdir");
    write(dir.path(), "new\nline.txt", "Strike talks\n\nJeremy Hunt said 98% voted.\n");
    write(dir.path(), "tab\tand\u{1b}[31mred\r.txt", "Second story\n\nThe BMA met.\n");
    write(dir.path(), "bad\nname.dat", "not an article");
    let path = dir.path().to_str().expect("utf8 path");
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_strike-reader"))
            .args(["export", "--format", format, path])
            .output()
            .expect("binary runs")
    };
    let o = run("jsonl");
    let rs = records(&o);
    let ids: Vec<&str> = rs.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["new\\nline", "tab\\tand\\x1b[31mred\\r"]);
    assert!(rs[0]["path"].as_str().unwrap_or("").ends_with("/new\\nline.txt"), "{}", rs[0]["path"]);
    let err = stderr(&o);
    assert!(err.contains("/bad\\nname.dat: not an article file"), "{err}");
    assert_eq!(err.lines().count(), 2, "one line per message: {err}");
    let o = run("json");
    let all: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(all[0]["id"], "new\\nline");
    let o = run("csv");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(!out.contains('\r') && !out.contains('\t') && !out.contains('\u{1b}'), "{out:?}");
    let ids: Vec<&str> = out.lines().skip(1).map(|l| l.split(',').next().unwrap_or("")).collect();
    assert!(ids.iter().all(|id| ["new\\nline", "tab\\tand\\x1b[31mred\\r"].contains(id)), "{out}");
    assert!(ids.contains(&"new\\nline"), "{out}");
}

/// Bidi controls, zero-width characters and C1 sequences written as characters are gone before
/// extraction: a zero-width space no longer hides a name, and a C1 CSI's parameters are not a
/// figure.
#[test]
fn invisible_characters_and_c1_sequences_never_reach_extraction() {
    let dir = TempDir::new().expect("tempdir");
    let page = write(
        dir.path(),
        "a.txt",
        "Strike \u{202e}talks\u{202c} go on\n\n\
         Health secretary Je\u{200b}remy Hunt met the BMA.\u{2066} Mr Hunt\u{2069} said the \u{9b}31mred\u{9b}0m line \
         held, and the \u{9d}52;c;cm0gLXJmIH4=\u{9c}union agreed.\u{feff}\n",
    );
    let o = Command::new(env!("CARGO_BIN_EXE_strike-reader"))
        .args(["export", "--with-body"])
        .arg(&page)
        .output()
        .expect("binary runs");
    let r = &records(&o)[0];
    assert_eq!(r["title"], "Strike talks go on");
    assert_eq!(people(r), ["Jeremy Hunt"]);
    assert_eq!(figures(r), Vec::<String>::new(), "\"31m\" is not a figure");
    let body = r["body"].as_str().unwrap_or("");
    assert!(body.contains("said the red line held, and the union agreed."), "{body:?}");
    let invisible =
        ['\u{200b}', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{9b}', '\u{9d}'];
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains(invisible),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
