//! The mutation test: damaged copies of the three committed PDFs (flipped
//! bytes, bad instructions in page content, swapped fonts, cut files; see
//! [`crate::mutate`]), each read as `tiltak parse` reads it.
//!
//! For every mutant: no panic, an error of one line, and, the point,
//! whenever the records lose anything against the undamaged original
//! (TOC entries, overview rows, measures, characters of text), a warning
//! says so. Thousands more: `cargo bench --bench mutants`.

use crate::mutate;
use crate::util;

/// Mutants of each original, one of each kind: a debug build reads a
/// mutant in two to three seconds of CPU, and CI must stay within minutes.
/// The bench runs the thousands (700 of each, optimised).
const PER_ORIGINAL: usize = 4;

#[test]
fn damage_that_loses_data_is_always_reported() {
    let originals = mutate::originals(&util::repo(""));
    let dir = tempfile::tempdir().unwrap();
    let tally = mutate::run(&originals, PER_ORIGINAL, 2024, dir.path());
    assert!(tally.mutants >= 3 * PER_ORIGINAL * 3 / 4, "{tally:?}");
    assert!(tally.broken.is_empty(), "{:#?}", tally.broken);
    assert!(
        tally.silent.is_empty(),
        "silent losses:\n{}",
        tally.silent.join("\n")
    );
    // The mutants do damage: some are refused, some lose data with a
    // warning (else the test would prove nothing).
    assert!(tally.refused > 0 && tally.warned > 0, "{tally:?}");
}
