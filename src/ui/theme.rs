//! Styles for every part of the screen, from the `[theme]` tables of the config (the defaults
//! are in `assets/config.toml`). `NO_COLOR` keeps only the modifiers, so highlights stay
//! distinguishable without colour.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use super::problem::Problem;

/// One style for each part of the screen; a part's style is patched over the base it sits on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Article titles, headings and the counts in the status bar.
    pub title: Style,
    /// Secondary text: dates, authors, counts, context, inferred titles.
    pub meta: Style,
    /// The cursor row of the focused pane.
    pub selected: Style,
    /// Title characters the query matched, the prompt's text, bookmark stars and flash messages.
    pub matched: Style,
    /// People highlighted in the article body.
    pub person: Style,
    /// Hashtags highlighted in the article body.
    pub hashtag: Style,
    /// @handles highlighted in the article body.
    pub handle: Style,
    /// Figures highlighted in the body and listed in the sidebar.
    pub figure: Style,
    /// Organisations highlighted in the article body.
    pub organisation: Style,
    /// Quoted words in the body (direct and reported speech), and quotes in the sidebar.
    pub quote: Style,
    /// Who is speaking, shown beside a quote whose text says only "he" or "she".
    pub speaker: Style,
    /// Exact-match hits, and people or tags that are a filter in force.
    pub emphasis: Style,
    /// Laid over the highlight the reader jumped to last.
    pub current_match: Style,
    /// Borders of panes without focus.
    pub border: Style,
    /// The focused pane's border, overlays, and the open/unread markers.
    pub border_focused: Style,
    /// Active-filter chips, the message count and the prompt's block cursor.
    pub chip: Style,
    /// The status bar, under everything drawn on it.
    pub status: Style,
    /// Proportion bars: figures in the sidebar and the loading gauge.
    pub bar: Style,
}

/// One `[theme.<part>]` table, with where each value was written for error messages.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<Spanned<String>>,
}

/// The parts of the screen a theme styles, as the config names them.
pub const PARTS: [&str; 18] = [
    "title",
    "meta",
    "selected",
    "matched",
    "person",
    "hashtag",
    "handle",
    "figure",
    "organisation",
    "quote",
    "speaker",
    "emphasis",
    "current_match",
    "border",
    "border_focused",
    "chip",
    "status",
    "bar",
];

impl Theme {
    /// Modifiers only, no colour: the base the bundled theme is laid over, and what is left should
    /// it ever fail to parse.
    pub(crate) fn plain() -> Theme {
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
            organisation: s.add_modifier(Modifier::BOLD | Modifier::ITALIC),
            quote: s.add_modifier(Modifier::ITALIC),
            speaker: b,
            emphasis: s.add_modifier(Modifier::REVERSED),
            current_match: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: s,
            border_focused: b,
            chip: s.add_modifier(Modifier::REVERSED),
            status: s,
            bar: s,
        }
    }

    /// Style one part of the screen; `None` when there is no such part.
    pub(crate) fn set(
        &mut self,
        part: &str,
        spec: &StyleSpec,
        no_color: bool,
    ) -> Option<Result<(), Problem>> {
        let slot = match part {
            "title" => &mut self.title,
            "meta" => &mut self.meta,
            "selected" => &mut self.selected,
            "matched" => &mut self.matched,
            "person" => &mut self.person,
            "hashtag" => &mut self.hashtag,
            "handle" => &mut self.handle,
            "figure" => &mut self.figure,
            "organisation" => &mut self.organisation,
            "quote" => &mut self.quote,
            "speaker" => &mut self.speaker,
            "emphasis" => &mut self.emphasis,
            "current_match" => &mut self.current_match,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "chip" => &mut self.chip,
            "status" => &mut self.status,
            "bar" => &mut self.bar,
            _ => return None,
        };
        Some(to_style(spec, no_color).map(|style| *slot = style))
    }
}

fn to_style(spec: &StyleSpec, no_color: bool) -> Result<Style, Problem> {
    let colour = |v: &Option<Spanned<String>>| -> Result<Option<Color>, Problem> {
        match v {
            None => Ok(None),
            Some(v) => Color::from_str(v.get_ref()).map(Some).map_err(|_| {
                Problem::at(
                    v.span(),
                    format!("unknown colour {:?} (a name, \"#rrggbb\" or 0-255)", v.get_ref()),
                )
            }),
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
        let modifier = match m.get_ref().as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" => Modifier::UNDERLINED,
            "reversed" => Modifier::REVERSED,
            other => {
                return Err(Problem::at(
                    m.span(),
                    format!("unknown modifier {other:?} (bold, dim, italic, underlined or reversed)"),
                ));
            }
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
        let t = Theme::default_theme(false);
        assert!(t.person.fg.is_some());
        let plain = Theme::default_theme(true);
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
}
