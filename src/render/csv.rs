//! CSV: RFC 4180 UTF-8 for scripts, or what Norwegian Excel expects.

use std::io::Write;

use crate::render::tables::Table;

/// CSV dialect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dialect {
    /// Write a UTF-8 byte order mark and use `;` as separator, so that
    /// Norwegian Excel shows æøå and splits the columns.
    pub excel: bool,
}

/// Writes one table with its header row.
///
/// ```
/// use tiltak::render::{csv, tables};
/// let report = tiltak::Report::default();
/// let mut out = Vec::new();
/// csv::write(&tables::departments(&report), &mut out, csv::Dialect { excel: true }).unwrap();
/// assert_eq!(out, "\u{feff}abbreviation;name\n".as_bytes());
/// ```
pub fn write<W: Write>(table: &Table, mut out: W, dialect: Dialect) -> std::io::Result<()> {
    if dialect.excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if dialect.excel { b';' } else { b',' })
        .from_writer(out);
    w.write_record(&table.header)?;
    for row in &table.rows {
        w.write_record(row)?;
    }
    w.into_inner().map_err(|e| e.into_error())?.flush()
}
