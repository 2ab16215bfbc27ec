//! The terminal reader. Depends on the corpus; the corpus knows nothing of it.

pub mod app;
pub mod config;
pub mod document;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod opener;
pub mod panes;
pub mod problem;
pub mod prompt;
pub mod run;
pub mod search;
pub mod text;
pub mod theme;
pub mod widgets;

pub use app::{App, update};
pub use keymap::{Action, Keymap};
pub use theme::Theme;
