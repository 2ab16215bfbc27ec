//! The article store: what an article is, how a corpus is loaded, and what is extracted from it.
//! Nothing here knows about terminals; every failure is a typed error.

pub mod article;
pub mod coverage;
pub mod date;
pub mod decode;
pub mod extract;
pub mod formats;
pub mod index;
pub mod intern;
pub mod load;
pub mod resolve;
pub mod safe;
pub mod seeds;
pub mod store;
pub mod text;

pub use article::Article;
pub use date::{Date, Moment};
pub use extract::{
    Attribution, Dimension, Entities, Figure, Handle, Hashtag, Organisation, Person, Speaker, SpeakerKind,
    Unit,
};
pub use load::{Corpus, LoadError, LoadEvent, LoadOutcome, Skipped, Source, Warning};
pub use store::{Snapshot, Store};
