//! Layout fixtures (`tests/fixtures/layout/`, made by `make.py`): real-world
//! ways of laying text out, each read in the order a person reads it.

use crate::util;

/// The words of `tiltak extract FILE`, in order.
fn extracted_words(file: &str) -> Vec<String> {
    let out = util::tiltak(&["extract", file]);
    util::assert_exit(&out, 0);
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// The words the generator wrote, in reading order.
fn written_words(file: &str) -> Vec<String> {
    std::fs::read_to_string(util::repo(file))
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// A page turned by /Rotate 90, its text drawn running up the page, reads
/// left to right, line by line, as the turned page shows it.
#[test]
fn a_rotated_page_reads_upright() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/rotated-90.pdf"),
        written_words("tests/fixtures/layout/rotated-90.txt")
    );
}

/// Two columns whose lines share baselines read down the left column, then
/// down the right, under the title that spans both.
#[test]
fn two_columns_read_one_after_the_other() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/two-columns.pdf"),
        written_words("tests/fixtures/layout/two-columns.txt")
    );
}

/// Padding spaces laid over a cell's characters (Excel) are not word
/// breaks: the dates read whole, and the cells stay apart.
#[test]
fn padding_spaces_over_letters_do_not_split_words() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/padded-cells.pdf"),
        written_words("tests/fixtures/layout/padded-cells.txt")
    );
}

/// Superscripts set smaller and raised ("10th") stay with their word
/// instead of forming a line of their own ("th th").
#[test]
fn superscripts_stay_with_their_word() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/superscript.pdf"),
        written_words("tests/fixtures/layout/superscript.txt")
    );
}

/// Column headers set running up a portrait page read as words, after the
/// page's own text, instead of one letter per line.
#[test]
fn sideways_headers_read_as_words() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/vertical-header.pdf"),
        written_words("tests/fixtures/layout/vertical-header.txt")
    );
}

/// A form XObject drawn four times, moved by `cm` and scaled by its own
/// /Matrix, gives its text four times, top to bottom.
#[test]
fn a_form_drawn_four_times_reads_four_times() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/repeated-form.pdf"),
        written_words("tests/fixtures/layout/repeated-form.txt")
    );
}

/// A line's first letter drawn over a kerned-back space stays in its word
/// ("The", not "T he").
#[test]
fn a_space_under_a_letter_splits_no_word() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/space-under-letter.pdf"),
        written_words("tests/fixtures/layout/space-under-letter.txt")
    );
}

/// Console output caught in the file (a banner before %PDF, "Page 2" before
/// `endstream`): both pages read whole, with a warning.
#[test]
fn console_output_in_the_file_loses_no_page() {
    let file = "tests/fixtures/layout/console-junk.pdf";
    assert_eq!(
        extracted_words(file),
        written_words("tests/fixtures/layout/console-junk.txt")
    );
    let err = String::from_utf8(util::tiltak(&["extract", file]).stderr).unwrap();
    assert!(
        err.contains("2 of its streams had a wrong length, mended from where each ends"),
        "{err}"
    );
}

/// Hyphens mapped to U+00AD stay hyphens inside a line ("Lars-Erik"); at a
/// line end the soft hyphen joins the word's halves ("samarbeidet").
#[test]
fn soft_hyphens_inside_a_line_are_printed_hyphens() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/soft-hyphen.pdf"),
        written_words("tests/fixtures/layout/soft-hyphen.txt")
    );
}

/// Accents drawn as glyphs of their own over the letter compose with it.
#[test]
fn accents_drawn_over_letters_compose() {
    assert_eq!(
        extracted_words("tests/fixtures/layout/accents.pdf"),
        written_words("tests/fixtures/layout/accents.txt")
    );
}
