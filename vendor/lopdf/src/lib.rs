#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::all)]

pub mod content;
pub mod encryption;
pub mod filters;
pub mod xobject;
pub mod xref;

#[macro_use]
mod object;
mod document;
mod incremental_document;

mod bookmarks;
mod cmap_section;
mod common_data_structures;
mod creator;
mod datetime;
mod destinations;
mod encodings;
mod error;
mod outlines;
mod processor;
mod toc;
mod writer;

mod load_options;
mod object_stream;
mod parser;
mod parser_aux;
mod reader;
mod save_options;

mod font;

pub use document::Document;
pub use object::{Dictionary, Object, ObjectId, Stream, StringFormat};

pub use bookmarks::Bookmark;
pub use common_data_structures::{decode_text_string, text_string};
pub use destinations::Destination;
pub use encodings::{Encoding, encode_utf8, encode_utf16_be};
pub use encryption::{EncryptionState, EncryptionVersion, Permissions};
pub use error::{Error, Result};
pub use incremental_document::IncrementalDocument;
pub use load_options::{FilterFunc, LoadOptions};
pub use object_stream::{ObjectStream, ObjectStreamBuilder, ObjectStreamConfig};
pub use outlines::Outline;
pub use reader::{PdfMetadata, Reader};
pub use save_options::{SaveOptions, SaveOptionsBuilder};
pub use toc::Toc;

/// The two readers of one object: the hand-written one that reads the
/// common case and the nom parser that reads the rest, so that tests can
/// hold them to agree (FORK.md). Not part of lopdf's API.
#[doc(hidden)]
pub mod object_readers {
    pub use crate::parser::direct_object_nom;
    pub use crate::parser::fast::{direct_object as direct_object_fast, indirect_object as indirect_object_fast};

    /// The indirect object at the start of `input`, read by nom alone with
    /// a reader that knows no other object (so a stream with an indirect
    /// `/Length` keeps only its position, as the fast reader never reads it).
    pub fn indirect_object_nom(input: &[u8]) -> Option<(crate::ObjectId, crate::Object)> {
        let reader = crate::Reader {
            buffer: input,
            document: crate::Document::new(),
            encryption_state: None,
            raw_objects: Default::default(),
            password: None,
            strict: false,
        };
        crate::parser::indirect_object_nom(input, 0, None, &reader, &mut Default::default()).ok()
    }
}

pub use parser_aux::substr;
pub use parser_aux::substring;

pub use font::FontData;
