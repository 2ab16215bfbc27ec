//! Opening a link in the browser: `$BROWSER` when it is set, else the system's opener. The URL
//! is passed as one argument to a program started directly, never through a shell, so nothing
//! in a link from a feed can run as a command. `update` has already checked it is http(s).

use std::process::{Command, Stdio};

/// Why a link did not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The opener could not be started.
    #[error("cannot open the link with {program}: {source}")]
    Spawn {
        /// The program tried.
        program: String,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
}

/// The program and arguments to open `url` with. `$BROWSER` may hold several commands separated
/// by `:` (the first is used) and a `%s` where the URL goes; without one the URL comes last.
pub fn command_for(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    let chosen = browser.and_then(|b| b.split(':').map(str::trim).find(|c| !c.is_empty()));
    let Some(command) = chosen else {
        let system = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        return (system.to_string(), vec![url.to_string()]);
    };
    let mut words = command.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_default();
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        args.iter_mut().for_each(|a| *a = a.replace("%s", url));
    } else {
        args.push(url.to_string());
    }
    (program, args)
}

/// Start the browser on `url` and let it run on its own; a thread waits for it so that it
/// leaves no zombie behind.
pub fn open(url: &str) -> Result<(), OpenError> {
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = command_for(url, browser.as_deref());
    let child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| OpenError::Spawn { program: program.clone(), source })?;
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_is_one_argument_whatever_it_holds() {
        let url = "https://example.org/a;rm -rf ~&b=$(x)";
        assert_eq!(command_for(url, Some("firefox")), ("firefox".into(), vec![url.to_string()]));
        assert_eq!(
            command_for(url, Some("w3m -N %s:lynx")),
            ("w3m".into(), vec!["-N".to_string(), url.to_string()])
        );
        assert_eq!(command_for(url, Some(" : ")).1, [url]);
        assert_eq!(command_for(url, None).1, [url]);
    }
}
