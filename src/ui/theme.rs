//! Styles for every part of the screen, from `assets/theme.toml`. `NO_COLOR` keeps only the
//! modifiers, so highlights stay distinguishable without colour.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub meta: Style,
    pub selected: Style,
    pub matched: Style,
    pub person: Style,
    pub hashtag: Style,
    pub handle: Style,
    pub figure: Style,
    pub emphasis: Style,
    pub current_match: Style,
    pub border: Style,
    pub border_focused: Style,
    pub chip: Style,
    pub status: Style,
    pub bar: Style,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("theme: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("theme: [{section}] has an unknown colour {value:?}")]
    Colour { section: String, value: String },
    #[error("theme: [{section}] has an unknown modifier {value:?}")]
    Modifier { section: String, value: String },
    #[error("theme: unknown section [{0}]")]
    Section(String),
}

impl Theme {
    pub fn default_theme(no_color: bool) -> Theme {
        // The bundled theme is tested to parse; fall back to plain styles rather than panic.
        Theme::parse(DEFAULT_THEME, no_color).unwrap_or_else(|_| Theme::plain())
    }

    fn plain() -> Theme {
        let s = Style::default();
        let b = s.add_modifier(Modifier::BOLD);
        Theme {
            title: b,
            meta: s,
            selected: s.add_modifier(Modifier::REVERSED),
            matched: s.add_modifier(Modifier::UNDERLINED),
            person: b,
            hashtag: s.add_modifier(Modifier::ITALIC),
            handle: s.add_modifier(Modifier::ITALIC),
            figure: s.add_modifier(Modifier::UNDERLINED),
            emphasis: s.add_modifier(Modifier::REVERSED),
            current_match: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: s,
            border_focused: b,
            chip: s.add_modifier(Modifier::REVERSED),
            status: s,
            bar: s,
        }
    }

    pub fn parse(text: &str, no_color: bool) -> Result<Theme, ThemeError> {
        let specs: BTreeMap<String, StyleSpec> = toml::from_str(text)?;
        let mut theme = Theme::plain();
        for (section, spec) in specs {
            let style = to_style(&section, &spec, no_color)?;
            let slot = match section.as_str() {
                "title" => &mut theme.title,
                "meta" => &mut theme.meta,
                "selected" => &mut theme.selected,
                "matched" => &mut theme.matched,
                "person" => &mut theme.person,
                "hashtag" => &mut theme.hashtag,
                "handle" => &mut theme.handle,
                "figure" => &mut theme.figure,
                "emphasis" => &mut theme.emphasis,
                "current_match" => &mut theme.current_match,
                "border" => &mut theme.border,
                "border_focused" => &mut theme.border_focused,
                "chip" => &mut theme.chip,
                "status" => &mut theme.status,
                "bar" => &mut theme.bar,
                _ => return Err(ThemeError::Section(section)),
            };
            *slot = style;
        }
        Ok(theme)
    }
}

fn to_style(section: &str, spec: &StyleSpec, no_color: bool) -> Result<Style, ThemeError> {
    let colour = |v: &Option<String>| -> Result<Option<Color>, ThemeError> {
        match v {
            None => Ok(None),
            Some(v) => Color::from_str(v)
                .map(Some)
                .map_err(|_| ThemeError::Colour { section: section.to_string(), value: v.clone() }),
        }
    };
    let mut style = Style::default();
    let (fg, bg) = (colour(&spec.fg)?, colour(&spec.bg)?);
    if no_color {
        // Without colour a background becomes reverse video, so selections still show.
        if bg.is_some() {
            style = style.add_modifier(Modifier::REVERSED);
        }
    } else {
        if let Some(fg) = fg {
            style = style.fg(fg);
        }
        if let Some(bg) = bg {
            style = style.bg(bg);
        }
    }
    for m in &spec.modifiers {
        let modifier = match m.as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" => Modifier::UNDERLINED,
            "reversed" => Modifier::REVERSED,
            _ => return Err(ThemeError::Modifier { section: section.to_string(), value: m.clone() }),
        };
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_theme_parses_and_no_color_keeps_modifiers_only() {
        let t = Theme::parse(DEFAULT_THEME, false).expect("bundled theme parses");
        assert!(t.person.fg.is_some());
        let plain = Theme::parse(DEFAULT_THEME, true).expect("parses");
        assert_eq!(plain.person.fg, None);
        assert_eq!(plain.selected.bg, None);
        assert!(plain.person.add_modifier.contains(Modifier::BOLD));
        let kinds =
            [plain.person, plain.hashtag, plain.handle, plain.figure, plain.emphasis, plain.current_match];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                assert_ne!(a.add_modifier, b.add_modifier, "kinds must differ without colour");
            }
        }
    }

    #[test]
    fn bad_values_are_named() {
        let e = Theme::parse("[person]\nfg = \"chartreuse-ish\"\n", false).unwrap_err();
        assert!(e.to_string().contains("chartreuse-ish"));
        assert!(Theme::parse("[nope]\n", false).is_err());
    }
}
