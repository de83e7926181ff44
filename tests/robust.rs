//! Robustness of the binary: content bombs under a memory cap, reading
//! devices, closed and full stdout with every command, `--strict`.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use crate::util;

/// A one-page PDF that draws "Hello" in Helvetica, then `content`, packed
/// with Flate (so 60 MB of instructions make a file of some kilobytes).
pub fn one_page(content: &[u8]) -> Vec<u8> {
    let mut all = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n".to_vec();
    all.extend_from_slice(content);
    let mut packer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    packer.write_all(&all).unwrap();
    let packed = packer.finish().unwrap();
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    stream.extend_from_slice(&packed);
    stream.extend_from_slice(b"\nendstream");
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    pdf_of(&objects)
}

/// A PDF of `objects` (numbered from 1, the first the catalog), with its
/// cross-reference table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    let size = objects.len() + 1;
    pdf.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// Runs the binary with its address space capped at 1 GiB (which bounds
/// its resident memory too): an allocation past it aborts the process.
fn capped(args: &[&str]) -> Output {
    Command::new("prlimit")
        .arg(format!("--as={}", 1u64 << 30))
        .arg(env!("CARGO_BIN_EXE_tiltak"))
        .args(args)
        .output()
        .expect("prlimit (util-linux) runs")
}

/// Asserts a refusal: exit 2, one line on stderr naming the file and
/// saying `why`.
fn assert_refused(out: &Output, file: &Path, why: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}: {err}", file.display());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&file.display().to_string()) && err.contains(why),
        "{err}"
    );
}

/// 5 MB and 60 MB of `q `, `q Q ` and `0 0 m ` on one page (the
/// issue's bombs: 2.9 GB, or an abort) are refused in one sentence within
/// 1 GiB of address space.
#[test]
fn operator_bombs_are_refused_within_a_memory_cap() {
    let dir = tempfile::tempdir().unwrap();
    for megabytes in [5, 60] {
        for pattern in [&b"q "[..], b"q Q ", b"0 0 m "] {
            let content = pattern.repeat(megabytes * 1024 * 1024 / pattern.len());
            let file = dir.path().join(format!("bomb-{megabytes}.pdf"));
            std::fs::write(&file, one_page(&content)).unwrap();
            let out = capped(&["extract", file.to_str().unwrap()]);
            assert_refused(&out, &file, "more than 250000 drawing instructions");
        }
    }
}

/// Saved graphics states nested 200 000 deep, under the instruction
/// limit: the deep ones are flattened, the text is read, with a warning,
/// within the cap.
#[test]
fn deep_graphics_states_are_read_within_a_memory_cap() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.pdf");
    std::fs::write(&file, one_page(&b"q ".repeat(200_000))).unwrap();
    let out = capped(&["extract", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    util::assert_exit(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hello"));
    assert!(
        err.contains("page 1: graphics states nested more than 256 deep"),
        "{err}"
    );
}

/// `--max-mb` counts what is read: a device without end stops there.
#[test]
fn reading_a_device_stops_at_the_size_limit() {
    let start = std::time::Instant::now();
    let out = capped(&["parse", "/dev/zero", "--max-mb", "5"]);
    assert_refused(&out, Path::new("/dev/zero"), "more than the limit of 5 MB");
    assert!(start.elapsed().as_secs() < 20);
}

/// A damaged page read with a warning is refused with `--strict`.
#[test]
fn strict_turns_warnings_into_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("damaged.pdf");
    std::fs::write(&file, one_page(b"} (World) Tj")).unwrap();
    let name = file.to_str().unwrap();
    let out = util::tiltak(&["extract", name]);
    util::assert_exit(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("page 1: 1 damaged drawing instructions were skipped"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Hello") && text.contains("World"), "{text}");
    let out = util::tiltak(&["extract", name, "--strict"]);
    util::assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused because of --strict"), "{err}");
}

/// Every command with stdout: (arguments, exit status when all is well).
/// Text input keeps them quick; the PDF path is covered in cli.rs.
fn commands(out_dir: &str) -> Vec<(Vec<String>, i32)> {
    let text = "inputs/build/sources/frihet-status-2023.txt";
    let newer = "inputs/build/sources/frihet-sluttrapport-2024.txt";
    let to_strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        (to_strings(&["extract", text]), 0),
        (to_strings(&["parse", text]), 0),
        (
            to_strings(&["parse", text, "--out", "-", "--format", "csv"]),
            0,
        ),
        (to_strings(&["check", text]), 1),
        (to_strings(&["diff", text, newer]), 1),
        (to_strings(&["schema", "report"]), 0),
        (to_strings(&["completions", "bash"]), 0),
        (to_strings(&["--outputs", out_dir]), 0),
    ]
}

/// A reader who stops at once (`| head -1`): every command ends quietly
/// with its own status, and the main job still writes every file.
#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    for (args, code) in commands(out_dir.to_str().unwrap()) {
        let out = util::tiltak_closed_stdout(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    for file in [
        "index.html",
        "timeline.csv",
        "2023/report.json",
        "2024/findings.md",
    ] {
        assert!(out_dir.join(file).is_file(), "{file}");
    }
}

/// A full stdout (`> /dev/full`): one sentence and exit 2, every command.
#[test]
fn a_full_stdout_is_one_sentence_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    for (args, _) in commands(out_dir.to_str().unwrap()) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_tiltak"))
            .args(&args)
            .current_dir(util::repo(""))
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("standard output") && err.contains("No space left"),
            "{args:?}: {err}"
        );
    }
}

/// Every output grows linearly with its input: a text holding the report
/// 8 times gives files at most about twice those of 4 copies (report.md
/// grew with the square: every measure under every copy of its area).
#[test]
fn outputs_grow_linearly_with_repeated_content() {
    let text = util::reference_text();
    let dir = tempfile::tempdir().unwrap();
    let sizes = |copies: usize| {
        let input = dir.path().join(format!("copies-{copies}.txt"));
        std::fs::write(&input, vec![text.as_str(); copies].join("\x0c")).unwrap();
        let out = dir.path().join(format!("out-{copies}"));
        let (input, out) = (input.to_str().unwrap(), out.to_str().unwrap());
        for command in ["parse", "check"] {
            let run = util::tiltak(&[
                command,
                input,
                "--out",
                out,
                "--format",
                "csv,json,md,xlsx",
                "-q",
            ]);
            assert!(run.status.code().is_some_and(|c| c < 2), "{run:?}");
        }
        let mut sizes: Vec<(String, u64)> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().len(),
                )
            })
            .collect();
        sizes.sort();
        sizes
    };
    let (four, eight) = (sizes(4), sizes(8));
    assert_eq!(four.len(), 12, "{four:?}");
    for ((name, small), (_, large)) in four.iter().zip(&eight) {
        assert!(
            *large as f64 <= 2.5 * *small as f64,
            "{name}: {small} bytes for 4 copies, {large} for 8"
        );
    }
}

/// Every `.NAME.tmpPID` file under `dir`, at any depth.
fn temporary_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(temporary_files(&path));
        } else if entry.file_name().to_string_lossy().contains(".tmp") {
            found.push(path);
        }
    }
    found
}

/// The main job interrupted (SIGINT, SIGTERM) at moments spread over its
/// run, the writing included: it leaves no temporary file behind, and
/// ends with 130 or, when it had finished, 0.
#[test]
fn an_interrupted_main_job_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("out");
    for (i, (signal, delay_ms)) in [
        ("INT", 300),
        ("TERM", 1500),
        ("INT", 2500),
        ("TERM", 3500),
        ("TERM", 4500),
    ]
    .into_iter()
    .enumerate()
    {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tiltak"))
            .args(["-q", "--outputs", outputs.to_str().unwrap()])
            .current_dir(util::repo(""))
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let kill = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(kill.success() || status.code() == Some(0), "trial {i}");
        assert!(
            matches!(status.code(), Some(0 | 130)),
            "trial {i}: {status:?}"
        );
        assert_eq!(
            temporary_files(&outputs),
            Vec::<std::path::PathBuf>::new(),
            "trial {i}"
        );
    }
}

/// Temporary files and staging folders left by a process killed outright
/// (SIGKILL: no handler runs) are swept by the next run.
#[test]
fn the_next_run_sweeps_temporary_files_of_killed_runs() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("out");
    std::fs::create_dir_all(outputs.join("2023")).unwrap();
    std::fs::write(outputs.join("2023/.report.json.tmp4294967295"), "{").unwrap();
    std::fs::write(outputs.join(".index.html.tmp4294967294"), "<").unwrap();
    // A staging folder, half written, and an old set swapped out.
    std::fs::create_dir_all(outputs.join(".2024.tmp4294967295")).unwrap();
    std::fs::write(outputs.join(".2024.tmp4294967295/toc.csv"), "kind").unwrap();
    std::fs::create_dir_all(outputs.join(".diff-2023-2024.old.tmp4294967293")).unwrap();
    let out = util::tiltak(&["-q", "--outputs", outputs.to_str().unwrap()]);
    util::assert_exit(&out, 0);
    assert_eq!(temporary_files(&outputs), Vec::<std::path::PathBuf>::new());
    let mut names: Vec<String> = std::fs::read_dir(&outputs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".tiltak-manifest.json",
            "2023",
            "2024",
            "diff-2023-2024",
            "index.html",
            "timeline.csv"
        ]
    );
}

/// A stream whose length (kept in an object of its own, as LibreOffice
/// writes it) is wrong by 100 bytes either way: the PDF library would drop
/// the page's content unseen; the length is mended from `endstream`, every
/// record is the original's, with a warning.
#[test]
fn wrong_stream_lengths_are_mended() {
    let original = util::repo("inputs/frihet-status-2023.pdf");
    let truth = tiltak::read_report(&original).unwrap();
    let bytes = std::fs::read(&original).unwrap();
    // Object 27 holds the length of the content stream of object 26.
    let at = bytes
        .windows(13)
        .position(|w| w == b"\n27 0 obj\n428")
        .unwrap()
        + 10;
    let dir = tempfile::tempdir().unwrap();
    for wrong in ["4186", "4386"] {
        let mut damaged = bytes.clone();
        damaged.splice(at..at + 4, wrong.bytes());
        let file = dir.path().join(format!("length-{wrong}.pdf"));
        std::fs::write(&file, &damaged).unwrap();
        let (report, warnings) =
            tiltak::read_report_with_warnings(&file, &tiltak::Limits::default()).unwrap();
        assert_eq!(report.measures, truth.measures, "{wrong}");
        assert_eq!(report.commitments, truth.commitments, "{wrong}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("1 of its streams had a wrong length")),
            "{warnings:?}"
        );
    }
}

/// A one-page PDF drawing "Hello" in the font `font` (object 5, with
/// `extra` objects from 7 on) and "World" in Helvetica.
fn two_fonts(font: &[u8], extra: &[&[u8]]) -> Vec<u8> {
    let content = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\nBT /F2 12 Tf 72 600 Td (World) Tj ET";
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream,
        font.to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(extra.iter().map(|o| o.to_vec()));
    pdf_of(&objects)
}

/// A font that cannot be loaded (pdf-extract panicked on each of these,
/// and the whole file was refused): the text in it is left out with a
/// warning naming the page and the font, the text in the page's other
/// font is read; `--strict` refuses the file.
#[test]
fn a_font_that_cannot_be_loaded_loses_only_its_own_text() {
    let type0 = b"<< /Type /Font /Subtype /Type0 /BaseFont /Kaputt /Encoding /Identity-H";
    // (file name, the font, objects it refers to, how the warning names it)
    type Case<'a> = (&'a str, Vec<u8>, Vec<&'a [u8]>, &'a str);
    let cases: [Case; 6] = [
        ("no-subtype", b"<< /Type /Font >>".to_vec(), vec![], "F1"),
        (
            "unknown-encoding",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /NoSuchEncoding >>"
                .to_vec(),
            vec![],
            "F1 (Helvetica)",
        ),
        (
            "encoding-not-a-dictionary",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 7 0 R >>".to_vec(),
            vec![b"(not a dictionary)"],
            "F1 (Helvetica)",
        ),
        (
            "differences-of-strings",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [(x) 3 /a] >> >>"
                .to_vec(),
            vec![],
            "F1 (Helvetica)",
        ),
        (
            "descendants-missing",
            [&type0[..], b" /DescendantFonts [9 0 R] >>"].concat(),
            vec![],
            "F1 (Kaputt)",
        ),
        (
            "tounicode-broken",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>".to_vec(),
            vec![b"<< /Length 11 >>\nstream\nbeginbfchar\nendstream"],
            "F1 (Helvetica)",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, font, extra, label) in cases {
        let file = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&file, two_fonts(&font, &extra)).unwrap();
        let path = file.to_str().unwrap();
        let out = util::tiltak(&["extract", path]);
        util::assert_exit(&out, 0);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("World") && !text.contains("Hello"),
            "{name}: {text}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err,
            format!(
                "tiltak: warning: {path}: page 1: the font {label} cannot be loaded; 1 piece of text in it was left out\n"
            ),
            "{name}"
        );
        let out = util::tiltak(&["extract", path, "--strict"]);
        util::assert_exit(&out, 2);
    }
    // Not a font at all: the cleaning of the content drops its Tf (and
    // says so), the text after it goes here.
    let file = dir.path().join("not-a-dictionary.pdf");
    std::fs::write(&file, two_fonts(b"42", &[])).unwrap();
    let out = util::tiltak(&["extract", file.to_str().unwrap()]);
    util::assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("World") && !text.contains("Hello"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("page 1: the font F1 cannot be loaded; 1 piece of text in it was left out"),
        "{err}"
    );
}

/// Runs the binary under `ulimit -f` (in the shell's blocks: 1024 bytes
/// for bash), so that writing any file past `kb` kilobytes fails as on a
/// full disk or a quota.
fn with_file_size_limit(kb: u64, args: &[&str]) -> Output {
    let mut script = format!("ulimit -f {kb} && exec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${i}\""));
    }
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_tiltak"))
        .args(args)
        .current_dir(util::repo(""))
        .output()
        .unwrap()
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// A write that fails part-way through a set (here: past a file-size
/// limit, as on a full disk) is one sentence naming the file, exit 2, and
/// leaves the earlier outputs exactly as they were, with no temporary
/// file or staging folder. Under a 16 KB limit the small CSVs can be
/// written, measures.csv (the long texts) cannot.
#[test]
fn a_write_that_fails_part_way_leaves_the_old_outputs_whole() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("out");
    let out = outputs.to_str().unwrap();
    let first = util::tiltak(&["-q", "--outputs", out]);
    util::assert_exit(&first, 0);
    let before = tree(&outputs);
    assert!(before.len() > 20, "{} files", before.len());
    assert!(before["2023/toc.csv"].len() < 16 * 1024);
    assert!(before["2023/measures.csv"].len() > 16 * 1024);

    // A second run in English would change every file, if it could write them.
    let second = with_file_size_limit(16, &["-q", "--lang", "en", "--outputs", out]);
    assert_eq!(second.status.code(), Some(2), "{second:?}");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    // It names the file the user knows, not the staging folder.
    let named = format!("{out}/2023/measures.csv: cannot write the output: File too large");
    assert!(stderr.contains(&named), "{stderr}");
    assert_eq!(tree(&outputs), before, "the old outputs changed");
    let hidden: Vec<_> = std::fs::read_dir(&outputs)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".tiltak-manifest.json")
        .collect();
    assert!(hidden.is_empty(), "left behind: {hidden:?}");

    // `parse --out` into a fresh folder: nothing half-written there either.
    let parse_dir = dir.path().join("parse");
    let parse = with_file_size_limit(
        16,
        &[
            "parse",
            "inputs/frihet-status-2023.pdf",
            "--out",
            parse_dir.to_str().unwrap(),
            "--format",
            "xlsx",
        ],
    );
    assert_eq!(parse.status.code(), Some(2), "{parse:?}");
    assert!(tree(&parse_dir).is_empty(), "{:?}", tree(&parse_dir).keys());
}
