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

/// Mutants of each original, the kinds in turn: 300 in all. With the
/// reading crates optimised in the dev profile a mutant takes about 0.3 s
/// of CPU; the bench runs the thousands (700 of each, all optimised).
const PER_ORIGINAL: usize = 100;

#[test]
fn damage_that_loses_data_is_always_reported() {
    let originals = mutate::originals(&util::repo(""));
    let dir = tempfile::tempdir().unwrap();
    let mut tally = mutate::Tally::default();
    for t in mutate::run_per_original(&originals, PER_ORIGINAL, 2024, dir.path()) {
        tally.merge(t);
    }
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
