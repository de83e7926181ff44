//! The genre corpus (`tests/genre/`, written by `make.py`): fictional plans
//! in many layouts, wordings and producers, each PDF with the truth its
//! generator wrote. Every PDF is parsed and compared with its truth field
//! by field; the checks must find exactly the planted inconsistencies, and
//! each year pair must differ in exactly the known changes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tiltak::Report;

use crate::util;

/// Every truth file of a PDF (the diff truths are `*-diff.json`).
fn truths() -> Vec<(PathBuf, Value)> {
    let dir = util::repo("tests/genre");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.to_string_lossy().ends_with("-diff.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let truth: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, truth)
        })
        .collect()
}

fn read(dir: &Path, file: &str) -> Report {
    tiltak::read_report(&dir.join(file)).unwrap_or_else(|e| panic!("{e}"))
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

fn opt(v: &Option<String>) -> String {
    v.as_deref().unwrap_or("").to_string()
}

/// Where `report` differs from `truth`, one line each.
fn mismatches(truth: &Value, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut same = |what: String, want: String, got: String| {
        if want != got {
            out.push(format!("{what}: want {want:?}, got {got:?}"));
        }
    };
    same(
        "plan_title".into(),
        text(&truth["plan_title"]),
        report.plan_title.clone(),
    );
    same("period".into(), text(&truth["period"]), opt(&report.period));
    same("as_of".into(), text(&truth["as_of"]), report.as_of.clone());
    same(
        "final_report".into(),
        truth["final_report"].to_string(),
        report.final_report.to_string(),
    );
    let want_ids: Vec<String> = list(truth, "measures")
        .iter()
        .map(|m| text(&m["id"]))
        .collect();
    let got_ids: Vec<String> = report.measures.iter().map(|m| m.id.to_string()).collect();
    same("measure ids".into(), want_ids.join(" "), got_ids.join(" "));
    for m in list(truth, "measures") {
        let id = text(&m["id"]);
        let Some(got) = report.measures.iter().find(|g| g.id.to_string() == id) else {
            continue;
        };
        let parent = got.parent.as_ref().map(ToString::to_string);
        for (field, value) in [
            ("parent", opt(&parent)),
            ("area", got.area.clone()),
            ("title", got.title.clone()),
            ("status", opt(&got.status)),
            ("responsible", opt(&got.responsible)),
            ("lead", opt(&got.lead)),
            ("partners", got.partners.join(";")),
            ("description", got.description.clone()),
            ("progress", got.progress.clone()),
            ("page", opt(&got.page)),
        ] {
            let want = match field {
                "partners" => m[field]
                    .as_array()
                    .map(|a| a.iter().map(text).collect::<Vec<_>>().join(";"))
                    .unwrap_or_default(),
                _ => text(&m[field]),
            };
            same(format!("measure {id} {field}"), want, value);
        }
    }
    overview(truth, report, &mut same);
    toc_and_departments(truth, report, &mut same);
    out
}

fn list<'a>(truth: &'a Value, key: &str) -> &'a [Value] {
    truth[key].as_array().map_or(&[], Vec::as_slice)
}

fn overview(truth: &Value, report: &Report, same: &mut impl FnMut(String, String, String)) {
    let want: Vec<String> = list(truth, "overview")
        .iter()
        .map(|r| {
            let extra: Vec<String> = r["extra"]
                .as_object()
                .map(|o| o.values().map(text).collect())
                .unwrap_or_default();
            format!(
                "{} | {} | {} | {} | {} | {} | {}",
                text(&r["area"]),
                text(&r["group"]),
                text(&r["id"]),
                text(&r["title"]),
                text(&r["responsible"]),
                text(&r["status"]),
                extra.join(";")
            )
        })
        .collect();
    let got: Vec<String> = report
        .overview
        .iter()
        .map(|r| {
            let extra: Vec<&str> = r.extra.iter().map(|e| e.value.as_str()).collect();
            format!(
                "{} | {} | {} | {} | {} | {} | {}",
                r.area,
                r.group,
                r.id,
                r.title,
                r.responsible,
                r.status,
                extra.join(";")
            )
        })
        .collect();
    for i in 0..want.len().max(got.len()) {
        let cell = |v: &[String]| v.get(i).cloned().unwrap_or_default();
        same(format!("overview row {i}"), cell(&want), cell(&got));
    }
    let counts: Vec<String> = list(&truth["summary"], "counts")
        .iter()
        .map(|c| format!("{} {}", text(&c["status"]).to_lowercase(), c["count"]))
        .collect();
    let got: Vec<String> = report
        .summary
        .counts
        .iter()
        .map(|c| format!("{} {}", c.status.to_lowercase(), c.count))
        .collect();
    same("summary counts".into(), counts.join(", "), got.join(", "));
    same(
        "summary total".into(),
        text(&truth["summary"]["total"]),
        report
            .summary
            .total
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
}

fn toc_and_departments(
    truth: &Value,
    report: &Report,
    same: &mut impl FnMut(String, String, String),
) {
    let want: Vec<String> = list(truth, "toc")
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                text(&e["kind"]),
                text(&e["id"]),
                text(&e["title"]),
                text(&e["page"])
            )
        })
        .collect();
    let got: Vec<String> = report
        .toc
        .iter()
        .map(|e| format!("{} {} {} {}", e.kind.as_str(), e.id, e.title, e.page))
        .collect();
    same("toc".into(), want.join("\n"), got.join("\n"));
    let want: BTreeSet<String> = list(truth, "departments")
        .iter()
        .map(|d| format!("{} = {}", text(&d["abbreviation"]), text(&d["name"])))
        .collect();
    let got: BTreeSet<String> = report
        .departments
        .iter()
        .map(|d| format!("{} = {}", d.abbreviation, d.name))
        .collect();
    same(
        "departments".into(),
        want.into_iter().collect::<Vec<_>>().join("; "),
        got.into_iter().collect::<Vec<_>>().join("; "),
    );
}

/// The (rule, measure) pairs of the findings, errors and warnings only.
fn finding_pairs(report: &Report) -> BTreeSet<(String, String)> {
    tiltak::check::run(report)
        .into_iter()
        .filter(|f| f.severity != tiltak::model::Severity::Info)
        .map(|f| (f.rule.to_string(), f.measure))
        .collect()
}

/// Every PDF of the corpus, field by field, and its findings.
#[test]
fn every_corpus_pdf_reads_as_its_truth() {
    let dir = util::repo("tests/genre");
    let all = truths();
    assert!(all.len() >= 20, "the corpus has {} PDFs", all.len());
    let mut failures = Vec::new();
    for (path, truth) in &all {
        let report = read(&dir, &text(&truth["file"]));
        let mut found = mismatches(truth, &report);
        let want: BTreeSet<(String, String)> = list(truth, "findings")
            .iter()
            .map(|f| (text(&f["rule"]), text(&f["measure"])))
            .collect();
        let got = finding_pairs(&report);
        if want != got {
            found.push(format!("findings: want {want:?}, got {got:?}"));
        }
        if !found.is_empty() {
            let name = path.file_name().unwrap().to_string_lossy();
            failures.push(format!("{name}:\n  {}", found.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each plan's two years differ in exactly the known changes.
#[test]
fn every_corpus_year_pair_differs_in_its_known_changes() {
    let dir = util::repo("tests/genre");
    let mut pairs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-diff.json"))
        .collect();
    pairs.sort();
    assert!(pairs.len() >= 5, "{} year pairs", pairs.len());
    let mut failures = Vec::new();
    for path in pairs {
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let (old, new) = (
            read(&dir, &text(&truth["old"])),
            read(&dir, &text(&truth["new"])),
        );
        let want: BTreeSet<(String, String, String)> = list(&truth, "changes")
            .iter()
            .map(|c| (text(&c["measure"]), text(&c["field"]), text(&c["change"])))
            .collect();
        assert!(
            want.len() >= 5,
            "{}: {} known changes",
            path.display(),
            want.len()
        );
        let got: BTreeSet<(String, String, String)> = tiltak::diff::run(&old, &new)
            .changes
            .iter()
            .filter(|c| c.measure.is_some())
            .map(|c| {
                let id = c
                    .measure
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                (id, c.field.to_string(), c.change.to_string())
            })
            .collect();
        if want != got {
            let missing: Vec<_> = want.difference(&got).collect();
            let extra: Vec<_> = got.difference(&want).collect();
            let name = path.file_name().unwrap().to_string_lossy();
            failures.push(format!("{name}: missing {missing:?}, unexpected {extra:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
