//! PDF bytes → document: whatever the bytes, extraction returns a result
//! (an error naming the problem) and never panics, hangs or aborts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tiltak::extract::from_bytes(data, std::path::Path::new("fuzz.pdf"));
});
