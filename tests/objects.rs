//! lopdf's hand-written object reader (vendor/lopdf/FORK.md) against its
//! nom parser, the oracle: wherever the fast reader gives an object, it must
//! be the object nom gives, key order included; where it is unsure it says
//! so and nom reads. Also how often it answers, since a reader that always
//! says "unsure" would pass the first check and save nothing.

use pdf_extract::object_readers::{
    direct_object_fast, direct_object_nom, indirect_object_fast, indirect_object_nom,
};
use pdf_extract::{Dictionary, Object, StringFormat};
use std::path::PathBuf;

use crate::mutate::Rng;
use crate::util::{files_below, repo};

/// Objects as comparable values: `Object` equality tells an integer from a
/// real, the debug form tells dictionary key order.
fn same(a: &Object, b: &Object) -> bool {
    a == b && format!("{a:?}") == format!("{b:?}")
}

/// Compares both readers of the direct object at `input`; true if the fast
/// one answered.
fn agree_direct(input: &[u8]) -> bool {
    let Some(fast) = direct_object_fast(input) else {
        return false;
    };
    let nom = direct_object_nom(input);
    assert!(
        nom.as_ref().is_some_and(|nom| same(&fast, nom)),
        "fast {fast:?} but nom {nom:?} for {:?}",
        String::from_utf8_lossy(input)
    );
    true
}

/// Compares both readers of the indirect object at `input`; true if the
/// fast one answered.
fn agree_indirect(input: &[u8]) -> bool {
    let Some((id, fast)) = indirect_object_fast(input) else {
        return false;
    };
    let nom = indirect_object_nom(input);
    assert!(
        nom.as_ref()
            .is_some_and(|(nom_id, nom)| *nom_id == id && same(&fast, nom)),
        "fast {id:?} {fast:?} but nom {nom:?} for {:?}",
        String::from_utf8_lossy(&input[..input.len().min(200)])
    );
    true
}

fn committed_pdfs() -> Vec<PathBuf> {
    let mut found = files_below(&repo("inputs"), "pdf");
    found.extend(files_below(&repo("tests"), "pdf"));
    found
}

/// Places in `bytes` where an indirect object's `N G obj` may start: a
/// digit at the start of a line.
fn object_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..bytes.len()).filter(move |&at| {
        bytes[at].is_ascii_digit() && (at == 0 || matches!(bytes[at - 1], b'\n' | b'\r'))
    })
}

#[test]
fn fast_reader_reads_the_committed_pdfs_as_nom_does() {
    let (mut objects, mut fast) = (0, 0);
    let mut streams = 0;
    for path in committed_pdfs() {
        let bytes = std::fs::read(&path).unwrap();
        for at in object_starts(&bytes) {
            let Some((_, nom)) = indirect_object_nom(&bytes[at..]) else {
                continue;
            };
            objects += 1;
            if agree_indirect(&bytes[at..]) {
                fast += 1;
            }
            if let Object::Stream(stream) = nom {
                streams += agree_in_object_stream(&stream) as usize;
            }
        }
    }
    // Measured when written: the fast reader read 6,482 of the 6,622
    // objects in the committed PDFs and 214 object streams were compared;
    // the rest are streams with an indirect /Length, comments, damage.
    assert!(objects > 3000, "only {objects} objects found");
    assert!(
        fast * 10 > objects * 9,
        "fast reader read only {fast} of {objects}"
    );
    assert!(streams > 0, "no object stream was compared");
}

/// Compares both readers at every object of an object stream; false if
/// `stream` is not one (or cannot be unpacked).
fn agree_in_object_stream(stream: &pdf_extract::Stream) -> bool {
    if stream.dict.get(b"Type").ok() != Some(&Object::Name(b"ObjStm".to_vec())) {
        return false;
    }
    let Ok(content) = stream.decompressed_content() else {
        return false;
    };
    let first = stream.dict.get(b"First").and_then(Object::as_i64).unwrap() as usize;
    let header = String::from_utf8_lossy(&content[..first]).into_owned();
    let offsets: Vec<usize> = header
        .split_whitespace()
        .skip(1)
        .step_by(2)
        .map(|o| o.parse().unwrap())
        .collect();
    let read = offsets
        .iter()
        .filter(|&&offset| agree_direct(&content[first + offset..]))
        .count();
    assert!(
        read * 10 > offsets.len() * 9,
        "fast reader read only {read} of {} in an object stream",
        offsets.len()
    );
    true
}

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

/// Objects written out by hand from the PDF reference (7.3), each read by
/// the fast reader itself and as nom reads it.
#[test]
fn fast_reader_reads_each_kind_of_object() {
    let mut dict = Dictionary::new();
    dict.set("Type", name("StructElem"));
    dict.set(
        "K",
        Object::Array(vec![Object::Reference((12, 0)), Object::Integer(-3)]),
    );
    dict.set(
        "T",
        Object::String(
            b"a)b(c)\n\x08S\x08\t\r\x0c\\".to_vec(),
            StringFormat::Literal,
        ),
    );
    dict.set(
        "H",
        Object::String(vec![0x41, 0x40], StringFormat::Hexadecimal),
    );
    dict.set("R", Object::Real(0.5));
    dict.set("A B", Object::Null);
    dict.set("On", Object::Boolean(false));
    let text = b"<</Type/StructElem /K [12 0 R -3] /T (a\\)b(c)\\n\\010\\\n\\S\\b\\t\\r\\f\\\\)/H<4 1\n4>/R .5/A#20B null/On false>>";
    let read = direct_object_fast(text).expect("the fast reader reads a plain dictionary");
    assert!(same(&read, &Object::Dictionary(dict)), "{read:?}");
    assert!(agree_direct(text));

    // A repeated key keeps its first place and takes its last value.
    let mut repeated = Dictionary::new();
    repeated.set("A", Object::Integer(3));
    repeated.set("B", Object::Integer(2));
    let read = direct_object_fast(b"<</A 1/B 2/A 3>>").expect("a dictionary with a repeated key");
    assert!(same(&read, &Object::Dictionary(repeated)), "{read:?}");

    let stream = b"7 0 obj\n<</Length 5>>\nstream\r\nab\ncd\nendstream\nendobj\n";
    let (id, read) = indirect_object_fast(stream).expect("a stream with a direct length");
    assert_eq!(id, (7, 0));
    let Object::Stream(read) = read else {
        panic!("{read:?}")
    };
    assert_eq!(read.content, b"ab\ncd");
    assert!(agree_indirect(stream));
}

/// Forms the fast reader leaves to nom, since nom reads them in ways it
/// does not copy (comments, names cut at a bad `#`, tokens run together,
/// overflow, indirect lengths, deep nesting).
#[test]
fn fast_reader_is_unsure_where_nom_reads_otherwise() {
    let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
    let unsure: [&[u8]; 10] = [
        b"<</A 1 %c\n0 R>>",
        b"5 %c\n0 R",
        b"/A#4G",
        b"nullx",
        b"[1.5.5]",
        b"4 0 R5",
        b"99999999999999999999",
        b"[1 %c\n]",
        deep.as_bytes(),
        b"(open",
    ];
    for input in unsure {
        assert!(
            direct_object_fast(input).is_none(),
            "read {:?}",
            String::from_utf8_lossy(input)
        );
    }
    let indirect_length = b"1 0 obj <</Length 2 0 R>> stream\nab\nendstream";
    assert!(indirect_object_fast(indirect_length).is_none());
    let wrong_length = b"1 0 obj <</Length 9>> stream\nab\nendstream";
    assert!(indirect_object_fast(wrong_length).is_none());
}

/// Token soups from a seeded xorshift (`mutate::Rng`): every one both readers are given,
/// and the fast reader must agree with nom wherever it answers.
#[test]
fn fast_reader_agrees_with_nom_on_token_soup() {
    const PIECES: [&str; 49] = [
        "1",
        "0",
        "12",
        "R",
        " ",
        " ",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "\0",
        "%c\n",
        "/A",
        "/B#41",
        "/C#4",
        "#",
        "(",
        ")",
        "(x)",
        "\\",
        "\\n",
        "\\b",
        "\\t",
        "\\r",
        "\\f",
        "\\)",
        "\\053",
        "\\\n",
        "<",
        ">",
        "<<",
        ">>",
        "[",
        "]",
        "true",
        "null",
        "false",
        "1.5",
        ".5",
        "-3",
        "+",
        "-",
        ".",
        "obj",
        "stream\n",
        "endstream",
        "/Length 3",
        "abc",
        "4294967296",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut direct, mut indirect) = (0, 0);
    for _ in 0..30_000 {
        let pieces = 1 + rng.below(24);
        let soup: String = (0..pieces)
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect();
        direct += agree_direct(soup.as_bytes()) as usize;
        let wrapped = format!("3 0 obj {soup}");
        indirect += agree_indirect(wrapped.as_bytes()) as usize;
    }
    // Both readers must meet often for the agreement to mean something
    // (when written: 6,952 direct and 8,164 indirect objects read).
    assert!(
        direct > 3000 && indirect > 3000,
        "fast reader answered {direct} and {indirect} times"
    );
}
