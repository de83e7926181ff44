//! Report text → records: the text reader, cleaning and the parser must
//! never panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let doc = tiltak::clean::run(tiltak::extract::text::read(text));
        let _ = tiltak::parse::run(&doc, "fuzz.txt");
    }
});
