//! A mistake in the config, and where it is: the leaf that the keymap, the theme and the config
//! file all report through.

use std::ops::Range;

/// Something wrong in a config, and where (a byte range of the file) when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub(crate) span: Option<Range<usize>>,
    pub(crate) message: String,
}

impl Problem {
    /// A problem at a byte range of the file.
    pub(crate) fn at(span: Range<usize>, message: String) -> Problem {
        Problem { span: Some(span), message }
    }
}
