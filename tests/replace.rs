//! The main job's folders: each replaced whole (a reader never sees a
//! mix of two runs, an interrupted or failed run leaves the old set), the
//! folders of an input that cannot be read this time kept with their
//! place in the index and the timeline, and only the tool's own folders
//! removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util;

/// The committed 2023 report and the 2024 final report.
const STATUS_2023: &str = "frihet-status-2023.pdf";
const FINAL_2024: &str = "frihet-sluttrapport-2024.pdf";

/// An inputs folder holding copies of the committed `reports`, and an
/// outputs folder beside it (not yet made).
fn workspace(reports: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for name in reports {
        std::fs::copy(util::repo(&format!("inputs/{name}")), inputs.join(name)).unwrap();
    }
    let outputs = dir.path().join("outputs");
    (dir, inputs, outputs)
}

/// The main job over `inputs` into `outputs`, quiet, with `extra` options.
fn main_job(inputs: &Path, outputs: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tiltak"));
    command
        .args(["-q", "--inputs", inputs.to_str().unwrap()])
        .args(["--outputs", outputs.to_str().unwrap()])
        .args(extra);
    command
}

fn run(inputs: &Path, outputs: &Path, extra: &[&str]) -> Output {
    main_job(inputs, outputs, extra).output().unwrap()
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                into.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut all = BTreeMap::new();
    walk(dir, dir, &mut all);
    all
}

/// Every name under `dir`, folders included, that is a temporary file's
/// or a staging folder's (`.NAME.tmpPID`).
fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.contains(".tmp") {
            found.push(name);
        }
        if entry.path().is_dir() {
            found.extend(leftovers(&entry.path()));
        }
    }
    found
}

/// The files of a report's folder, as the output contract lists them.
pub const REPORT_FILES: [&str; 12] = [
    "commitments.csv",
    "departments.csv",
    "findings.csv",
    "findings.json",
    "findings.md",
    "findings.xlsx",
    "measures.csv",
    "overview.csv",
    "report.json",
    "report.md",
    "report.xlsx",
    "toc.csv",
];

/// Which run wrote a report folder's files, as each file shows it: the
/// default run (bokmål, plain CSV) is `Some(false)`, `--lang en --excel`
/// is `Some(true)`; `None` when the files disagree or one is missing.
fn generation(folder: &Path) -> Option<bool> {
    let read = |name: &str| std::fs::read(folder.join(name)).ok();
    let report = String::from_utf8(read("report.md")?).ok()?;
    let findings = String::from_utf8(read("findings.md")?).ok()?;
    let measures = read("measures.csv")?;
    let english = [
        report.contains("\n- Period: "),
        findings.starts_with("# Cross-check findings"),
        measures.starts_with("\u{feff}".as_bytes()),
    ];
    let bokmal = [
        report.contains("\n- Periode: "),
        findings.starts_with("# Funn i kontrollen"),
        !measures.starts_with("\u{feff}".as_bytes()),
    ];
    match (english.iter().all(|&e| e), bokmal.iter().all(|&b| b)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A reader that keeps reading `outputs/2023` while the main job rewrites
/// it, alternately in bokmål and in English with Excel CSV: whenever the
/// folder was one and the same throughout a read (its inode unchanged),
/// it holds exactly the contract's files, all of one run. Written file
/// by file in place, the folder showed temporary files and, between two
/// renames, a report.md of one run beside a findings.md of the other.
#[test]
fn a_reader_sees_one_whole_set_at_a_time() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, inputs, outputs) = workspace(&[STATUS_2023]);
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    let folder = outputs.join("2023");
    let done = std::sync::atomic::AtomicBool::new(false);
    let (snapshots, seen) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let (mut snapshots, mut seen) = (0, [false; 2]);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let before = std::fs::metadata(&folder).expect("the folder is always there");
                let mut names: Vec<String> = std::fs::read_dir(&folder)
                    .map(|d| {
                        d.flatten()
                            .map(|e| e.file_name().to_string_lossy().into())
                            .collect()
                    })
                    .unwrap_or_default();
                names.sort();
                let generation = generation(&folder);
                let after = std::fs::metadata(&folder).expect("the folder is always there");
                if before.ino() != after.ino() {
                    continue; // swapped while reading: not one snapshot
                }
                assert_eq!(names, REPORT_FILES, "snapshot {snapshots}");
                let english =
                    generation.unwrap_or_else(|| panic!("snapshot {snapshots} mixes runs"));
                seen[usize::from(english)] = true;
                snapshots += 1;
            }
            (snapshots, seen)
        });
        for extra in [
            &["--lang", "en", "--excel"][..],
            &[],
            &["--lang", "en", "--excel"],
        ] {
            util::assert_exit(&run(&inputs, &outputs, extra), 0);
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        reader.join().unwrap()
    });
    assert!(snapshots > 20, "only {snapshots} snapshots");
    assert_eq!(seen, [true, true], "both runs seen");
    assert_eq!(generation(&folder), Some(true));
    assert_eq!(leftovers(&outputs), Vec::<String>::new());
}

/// The main job interrupted (SIGINT, SIGTERM) while it rewrites a folder
/// with another run's files: no staging folder or temporary file is left,
/// and the folder holds the old set byte for byte, or the whole new one.
///
/// The signals go out at fractions of an uninterrupted run's time, so the
/// trials spread over the run however fast this build and machine are.
#[test]
fn an_interrupted_main_job_leaves_the_old_set_or_the_new() {
    let (_dir, inputs, outputs) = workspace(&[STATUS_2023]);
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    let old = contents(&outputs.join("2023"));
    let started = std::time::Instant::now();
    util::assert_exit(&run(&inputs, &outputs, &["--lang", "en", "--excel"]), 0);
    let whole_run = started.elapsed();
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    assert_eq!(
        contents(&outputs.join("2023")),
        old,
        "a rerun is byte for byte"
    );
    let (mut old_kept, mut new_whole) = (0, 0);
    for (i, (signal, percent)) in [
        ("INT", 5),
        ("TERM", 25),
        ("INT", 45),
        ("TERM", 65),
        ("INT", 85),
        ("TERM", 105),
    ]
    .into_iter()
    .enumerate()
    {
        let mut child = main_job(&inputs, &outputs, &["--lang", "en", "--excel"])
            .spawn()
            .unwrap();
        std::thread::sleep(whole_run * percent / 100);
        let _ = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        // A signal that lands before `main` sets its handler ends the
        // process the default way; it has written nothing by then.
        use std::os::unix::process::ExitStatusExt;
        assert!(
            matches!(status.code(), Some(0 | 130)) || status.signal().is_some(),
            "trial {i}: {status:?}"
        );
        assert_eq!(leftovers(&outputs), Vec::<String>::new(), "trial {i}");
        let now = contents(&outputs.join("2023"));
        if now == old {
            old_kept += 1;
        } else {
            assert_eq!(generation(&outputs.join("2023")), Some(true), "trial {i}");
            assert_eq!(now.len(), REPORT_FILES.len(), "trial {i}");
            new_whole += 1;
            // Back to the old set for the next trial.
            util::assert_exit(&run(&inputs, &outputs, &[]), 0);
        }
    }
    assert!(old_kept > 0, "no trial stopped before the swap");
    eprintln!("interrupted: {old_kept} kept the old set, {new_whole} ended with the new");
}

/// Makes a path immutable (`chattr +i`: not even root can rename, change
/// or remove it) until dropped, when everything under `root` is made
/// mutable again (the path may have moved); `None` where the system does
/// not allow it.
struct Immutable(PathBuf);

impl Immutable {
    fn new(path: &Path, root: &Path) -> Option<Immutable> {
        let done = Command::new("chattr").arg("+i").arg(path).output().ok()?;
        done.status.success().then(|| Immutable(root.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr")
            .arg("-R")
            .arg("-i")
            .arg(&self.0)
            .output();
    }
}

/// The swap of one folder fails (the old folder cannot be moved): one
/// sentence naming it, exit 2, the old set whole and no staging folder;
/// the index is not rewritten to point at a set that is not there.
#[test]
fn a_failed_swap_leaves_the_old_set_whole() {
    let (_dir, inputs, outputs) = workspace(&[STATUS_2023, FINAL_2024]);
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    let before = contents(&outputs);
    let Some(lock) = Immutable::new(&outputs.join("2024"), &outputs) else {
        eprintln!("skipped: chattr +i is not allowed here");
        return;
    };
    let out = run(&inputs, &outputs, &["--lang", "en", "--excel"]);
    drop(lock);
    util::assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&outputs.join("2024").display().to_string())
            && err.contains("Operation not permitted"),
        "{err}"
    );
    let after = contents(&outputs);
    for (name, bytes) in &before {
        if !name.starts_with("2023/") {
            assert_eq!(after.get(name), Some(bytes), "{name} changed");
        }
    }
    assert_eq!(
        generation(&outputs.join("2023")),
        Some(true),
        "2023 was replaced whole"
    );
    assert_eq!(leftovers(&outputs), Vec::<String>::new());
}

/// One file of the old set cannot be replaced (immutable): written file
/// by file, the folder would keep the files renamed before it beside the
/// old rest. Swapped whole, the folder is the new set; the old set that
/// could not be removed is swept by the next run.
#[test]
fn a_file_that_cannot_be_replaced_does_not_mix_the_sets() {
    let (_dir, inputs, outputs) = workspace(&[STATUS_2023]);
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    let Some(lock) = Immutable::new(&outputs.join("2023/report.md"), &outputs) else {
        eprintln!("skipped: chattr +i is not allowed here");
        return;
    };
    let out = run(&inputs, &outputs, &["--lang", "en", "--excel"]);
    drop(lock);
    util::assert_exit(&out, 0);
    assert_eq!(generation(&outputs.join("2023")), Some(true));
    util::assert_exit(&run(&inputs, &outputs, &["--lang", "en", "--excel"]), 0);
    assert_eq!(leftovers(&outputs), Vec::<String>::new());
}

/// An input read once, then unreadable (its file replaced by a damaged
/// one): the run says so and exits 2, its folder stays byte for byte, the
/// timeline keeps its column and the diff its comparison, the index names
/// it as failed this time with a link to the kept outputs. Once the file
/// is gone from the inputs, its folder and diff go too; a folder of the
/// user's in the outputs stays through it all.
#[test]
fn an_unreadable_input_keeps_its_older_outputs_until_it_is_removed() {
    let (_dir, inputs, outputs) = workspace(&[STATUS_2023, FINAL_2024]);
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    std::fs::create_dir(outputs.join("mine")).unwrap();
    std::fs::write(outputs.join("mine/notes.txt"), "my own").unwrap();
    let first = contents(&outputs);
    let timeline = String::from_utf8(first["timeline.csv"].clone()).unwrap();
    assert!(timeline.starts_with("id,title,2023,2024\n"), "{timeline}");

    let broken = inputs.join(STATUS_2023);
    std::fs::write(&broken, "%PDF-1.7\nthis download was cut short\n").unwrap();
    let out = run(&inputs, &outputs, &[]);
    util::assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&broken.display().to_string()), "{err}");
    let second = contents(&outputs);
    for (name, bytes) in &first {
        if name.starts_with("2023/")
            || name.starts_with("diff-2023-2024/")
            || name == "timeline.csv"
        {
            assert_eq!(second.get(name), Some(bytes), "{name} changed");
        }
    }
    assert_eq!(second["mine/notes.txt"], b"my own");
    let index = String::from_utf8(second["index.html"].clone()).unwrap();
    assert!(
        index.contains(&format!(
            "<li><code>{STATUS_2023}</code> kunne ikke leses denne gangen: "
        )),
        "{index}"
    );
    assert!(index.contains("<a href=\"#report-2023\">Eldre resultater er beholdt (2023/)</a>"));
    assert!(index.contains("<div class=\"card\" id=\"report-2023\">"));
    util::assert_balanced(&index);

    let out = run(&inputs, &outputs, &["--lang", "en"]);
    util::assert_exit(&out, 2);
    let index = std::fs::read_to_string(outputs.join("index.html")).unwrap();
    assert!(index.contains("could not be read this time"), "{index}");
    assert_eq!(
        contents(&outputs.join("2023")),
        contents_under(&first, "2023/")
    );

    std::fs::remove_file(&broken).unwrap();
    util::assert_exit(&run(&inputs, &outputs, &[]), 0);
    let third = contents(&outputs);
    assert!(!outputs.join("2023").exists() && !outputs.join("diff-2023-2024").exists());
    assert_eq!(third["mine/notes.txt"], b"my own");
    assert_eq!(third.get("2024/report.json"), first.get("2024/report.json"));
    let timeline = String::from_utf8(third["timeline.csv"].clone()).unwrap();
    assert!(timeline.starts_with("id,title,2024\n"), "{timeline}");
}

/// The files of `all` under `prefix`, named relative to it.
fn contents_under(all: &BTreeMap<String, Vec<u8>>, prefix: &str) -> BTreeMap<String, Vec<u8>> {
    all.iter()
        .filter_map(|(name, bytes)| Some((name.strip_prefix(prefix)?.to_string(), bytes.clone())))
        .collect()
}
