//! The four bundled articles: the seed coverage of the 2016 junior doctors' strike, embedded so
//! that the reader works from any directory.

/// One bundled article, as its file.
pub struct Seed {
    /// The file's name in `seeds/`: the article's id is its stem, its path `seeds/<name>`.
    pub file_name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

macro_rules! seed {
    ($name:literal) => {
        Seed { file_name: $name, text: include_str!(concat!("../../seeds/", $name)) }
    };
}

/// The bundled articles, in load order.
pub const SEEDS: [Seed; 4] = [
    seed!("000_3d8d3efca1eb1b7a.txt"),
    seed!("001_09d835ca1b7d4575.txt"),
    seed!("002_a4846386e668493d.txt"),
    seed!("003_a631316694bc7d5d.txt"),
];
