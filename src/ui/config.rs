//! The config file: key overrides and the theme, in TOML. The defaults are a config file too
//! (`assets/config.toml`, printed by `--print-default-config`); a user's file is laid over them,
//! so it needs only the lines it changes. Every mistake is reported with the line it is on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::keymap::Keymap;
use super::problem::Problem;
use super::theme::{PARTS, StyleSpec, Theme};
use crate::corpus::safe::escaped_path;

/// The default config, embedded: what `--print-default-config` prints.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, StyleSpec>,
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("config {}: {source}", escaped_path(.path))]
    Io {
        /// The config file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML, or names a key, action, part or colour that does not exist.
    #[error("config {} line {line}: {message}", escaped_path(.path))]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line the mistake is on.
        line: usize,
        /// What is wrong, for the user.
        message: String,
    },
}

/// What a config sets: the keys and the theme.
pub struct Config {
    /// Keys to actions.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
}

impl Default for Keymap {
    /// The bundled keys.
    fn default() -> Self {
        Config::defaults(false).keymap
    }
}

impl Theme {
    /// The bundled theme; with `no_color`, its modifiers only.
    pub fn default_theme(no_color: bool) -> Theme {
        Config::defaults(no_color).theme
    }
}

impl Config {
    /// The bundled defaults. They are tested to parse; were they ever broken, plain styles and
    /// an empty key map (Ctrl-c still quits) would do rather than a panic.
    pub fn defaults(no_color: bool) -> Config {
        let mut config = Config { keymap: Keymap::empty(), theme: Theme::plain() };
        let _ = config.apply(DEFAULT_CONFIG, no_color);
        config
    }

    /// The defaults with `text` laid over them; `origin` names the file in errors.
    pub fn parse(text: &str, origin: &Path, no_color: bool) -> Result<Config, ConfigError> {
        let mut config = Config::defaults(no_color);
        config.apply(text, no_color).map_err(|p| ConfigError::Invalid {
            path: origin.to_path_buf(),
            line: p.span.map_or(1, |s| line_of(text, s.start)),
            message: p.message,
        })?;
        Ok(config)
    }

    /// The config named with `--config` (which must exist), else the one in the XDG config
    /// folder if there is one, else the defaults.
    pub fn load(explicit: Option<&Path>, no_color: bool) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::defaults(no_color)),
            },
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|source| ConfigError::Io { path: path.clone(), source })?;
        Config::parse(&text, &path, no_color)
    }

    fn apply(&mut self, text: &str, no_color: bool) -> Result<(), Problem> {
        let file: File =
            toml::from_str(text).map_err(|e| Problem { span: e.span(), message: one_line(e.message()) })?;
        for (name, keys) in &file.keys {
            self.keymap.bind(name.get_ref(), keys).unwrap_or_else(|| {
                Err(Problem::at(name.span(), format!("unknown action {:?} in [keys]", name.get_ref())))
            })?;
        }
        if let Some((key, first, second)) = self.keymap.conflict() {
            // Point at whichever of the two the file rebound.
            let span =
                [first, second].iter().find_map(|n| file.keys.get_key_value(*n)).map(|(k, _)| k.span());
            return Err(Problem {
                span,
                message: format!(
                    "key {key} is bound to both {first} and {second}; give one of them another key"
                ),
            });
        }
        for (part, spec) in &file.theme {
            self.theme.set(part.get_ref(), spec, no_color).unwrap_or_else(|| {
                Err(Problem::at(
                    part.span(),
                    format!("unknown part [theme.{}] (one of {})", part.get_ref(), PARTS.join(", ")),
                ))
            })?;
        }
        Ok(())
    }
}

/// `config.toml` in the XDG config folder (`~/.config/strike-reader/` by default).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "strike-reader").map(|d| d.config_dir().join("config.toml"))
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match Config::parse(text, Path::new("c.toml"), false) {
            Ok(_) => panic!("{text:?} should be refused"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_defaults_parse_and_bind_every_action() {
        let mut config = Config { keymap: Keymap::empty(), theme: Theme::plain() };
        config.apply(DEFAULT_CONFIG, false).expect("the bundled config parses");
        assert_eq!(config.keymap.help_rows().len(), super::super::keymap::BINDABLE.len());
    }

    #[test]
    fn a_file_changes_only_what_it_names() {
        let c = Config::parse(
            "[keys]\nquit = [\"x\"]\n\n[theme.person]\nfg = \"#ff0000\"\n",
            Path::new("c"),
            false,
        )
        .expect("parses");
        let rows = c.keymap.help_rows();
        assert_eq!(rows.iter().find(|(_, what)| what.starts_with("quit")).map(|r| r.0.as_str()), Some("x"));
        assert!(
            rows.iter().any(|(k, what)| k == "j ↓" && what.starts_with("move down")),
            "others keep theirs"
        );
        assert_eq!(c.theme.person.fg, Some(ratatui::style::Color::Rgb(255, 0, 0)));
        assert_eq!(c.theme.hashtag, Theme::default_theme(false).hashtag);
    }

    #[test]
    fn every_mistake_names_its_line() {
        assert_eq!(
            error("\n[keys]\nfly = [\"f\"]\n"),
            "config c.toml line 3: unknown action \"fly\" in [keys]"
        );
        assert_eq!(
            error("[keys]\n\nquit = [\"hyper-q\"]\n"),
            "config c.toml line 3: unknown key \"hyper-q\""
        );
        assert_eq!(
            error("[theme.person]\nbold = true\n"),
            "config c.toml line 2: unknown field `bold`, expected one of `fg`, `bg`, `modifiers`"
        );
        assert!(
            error("[theme.persons]\nfg = \"red\"\n")
                .starts_with("config c.toml line 1: unknown part [theme.persons]")
        );
        assert_eq!(
            error("[theme.person]\nfg = \"red\"\nbg = \"chartreuse-ish\"\n"),
            "config c.toml line 3: unknown colour \"chartreuse-ish\" (a name, \"#rrggbb\" or 0-255)"
        );
        assert!(
            error("[theme.meta]\nmodifiers = [\"blink\"]\n")
                .starts_with("config c.toml line 2: unknown modifier")
        );
        assert!(error("colours = 1\n").starts_with("config c.toml line 1: unknown field `colours`"));
        assert!(error("[keys]\nquit = \"q\"\n").starts_with("config c.toml line 2: invalid type"));
        assert!(error("[keys\n").starts_with("config c.toml line 1: "));
        assert_eq!(
            error("[keys]\nquit = [\"u\"]\n"),
            "config c.toml line 2: key u is bound to both quit and toggle_read; give one of them another key"
        );
    }
}
