//! The three renderings of the 2023 report (LibreOffice PDF, Chromium PDF,
//! reference text) must give the same records, pages aside.

use tiltak::Report;

use crate::util;

fn read(path: &str) -> Report {
    tiltak::read_report(&util::repo(path)).unwrap_or_else(|e| panic!("{e}"))
}

/// Field-by-field differences between two reports, pages and source aside.
fn differences(a: &Report, b: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |what: String, x: &dyn std::fmt::Debug, y: &dyn std::fmt::Debug| {
        let (x, y) = (format!("{x:?}"), format!("{y:?}"));
        if x != y {
            out.push(format!("{what}:\n  {x}\n  {y}"));
        }
    };
    field("plan_title".into(), &a.plan_title, &b.plan_title);
    field("period".into(), &a.period, &b.period);
    field("as_of".into(), &a.as_of, &b.as_of);
    field("summary".into(), &a.summary, &b.summary);
    field("departments".into(), &a.departments, &b.departments);
    field("measure count".into(), &a.measures.len(), &b.measures.len());
    for (m, n) in a.measures.iter().zip(&b.measures) {
        let id = &m.id;
        field(format!("{id} id"), &m.id, &n.id);
        field(format!("{id} parent"), &m.parent, &n.parent);
        field(format!("{id} area"), &m.area, &n.area);
        field(format!("{id} title"), &m.title, &n.title);
        field(format!("{id} status"), &m.status, &n.status);
        field(format!("{id} responsible"), &m.responsible, &n.responsible);
        field(format!("{id} lead"), &m.lead, &n.lead);
        field(format!("{id} partners"), &m.partners, &n.partners);
        field(format!("{id} description"), &m.description, &n.description);
        field(format!("{id} progress"), &m.progress, &n.progress);
    }
    let rows = |r: &Report| -> Vec<_> {
        r.overview
            .iter()
            .map(|o| {
                (
                    o.area.clone(),
                    o.group.clone(),
                    o.id.clone(),
                    o.title.clone(),
                    o.responsible.clone(),
                    o.status.clone(),
                )
            })
            .collect()
    };
    for (x, y) in rows(a).iter().zip(rows(b).iter()) {
        field(format!("overview row {}", x.2), x, y);
    }
    field(
        "overview count".into(),
        &a.overview.len(),
        &b.overview.len(),
    );
    let toc = |r: &Report| -> Vec<_> {
        r.toc
            .iter()
            .map(|e| (e.kind, e.id.clone(), e.title.clone()))
            .collect()
    };
    field("toc".into(), &toc(a), &toc(b));
    let areas = |r: &Report| -> Vec<_> {
        r.areas
            .iter()
            .map(|x| (x.id.clone(), x.title.clone(), x.intro.clone()))
            .collect()
    };
    field("areas".into(), &areas(a), &areas(b));
    let headings = |r: &Report| -> Vec<_> {
        r.headings
            .iter()
            .map(|h| (h.kind, h.id.clone(), h.title.clone()))
            .collect()
    };
    field("headings".into(), &headings(a), &headings(b));
    field("commitments".into(), &a.commitments, &b.commitments);
    out
}

/// Asserts that a rendering of the 2023 report gives the reference text's
/// records.
fn assert_matches_reference(pdf: &str) {
    let reference = util::parse_text(&util::reference_text());
    let diffs = differences(&reference, &read(pdf));
    assert!(
        diffs.is_empty(),
        "{pdf}: {} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn libreoffice_pdf_matches_the_reference_text() {
    assert_matches_reference("inputs/frihet-status-2023.pdf");
}

#[test]
fn chromium_pdf_matches_the_reference_text() {
    assert_matches_reference("tests/fixtures/frihet-status-2023-chromium.pdf");
}

/// Renderings of the same text by other producers: LibreOffice justified
/// with Norwegian hyphenation, LaTeX and Typst (`tests/fixtures/producers/`).
const PRODUCERS: [&str; 3] = [
    "tests/fixtures/producers/frihet-2023-libreoffice-justified.pdf",
    "tests/fixtures/producers/frihet-2023-latex.pdf",
    "tests/fixtures/producers/frihet-2023-typst.pdf",
];

#[test]
fn every_producer_gives_the_reference_records() {
    for pdf in PRODUCERS {
        assert_matches_reference(pdf);
    }
}

/// Same text, five producers: every pair diffs to nothing (exit 0, no
/// change rows).
#[test]
fn the_same_text_from_any_two_producers_has_no_changes() {
    let mut all = vec![
        "inputs/frihet-status-2023.pdf",
        "tests/fixtures/frihet-status-2023-chromium.pdf",
    ];
    all.extend(PRODUCERS);
    let reports: Vec<Report> = all.iter().map(|p| read(p)).collect();
    for (i, a) in reports.iter().enumerate() {
        for (j, b) in reports.iter().enumerate().skip(i + 1) {
            let diff = tiltak::diff::run(a, b);
            assert!(
                diff.changes.is_empty(),
                "{} vs {}: {:#?}",
                all[i],
                all[j],
                diff.changes
            );
        }
    }
    let out = util::tiltak(&["diff", all[2], all[4]]);
    util::assert_exit(&out, 0);
}

#[test]
fn the_reference_has_what_the_report_says() {
    let r = util::parse_text(&util::reference_text());
    // Counts stated by the document itself: the summary sentence's total and
    // the TOC's measure entries.
    assert_eq!(Some(r.overview.len() as u32), r.summary.total);
    let toc_measures = r
        .toc
        .iter()
        .filter(|e| e.kind == tiltak::model::HeadingKind::Measure)
        .count();
    assert_eq!(r.measures.len(), toc_measures);
    assert_eq!(r.as_of, "2023-12-31");
    assert_eq!(r.period.as_deref(), Some("2021-2024"));
}

#[test]
fn pdf_pages_are_the_printed_ones() {
    let pdf = read("inputs/frihet-status-2023.pdf");
    // Every measure heading has a printed page, and the TOC (written by the
    // producer from where headings landed) agrees with it.
    for m in &pdf.measures {
        let toc = pdf
            .toc
            .iter()
            .find(|e| e.id == m.id.to_string() && e.kind == tiltak::model::HeadingKind::Measure)
            .unwrap();
        assert_eq!(
            m.page.as_deref(),
            Some(toc.page.as_str()),
            "measure {}",
            m.id
        );
    }
}

/// Nothing is tied to the 2023 report: a small report of another plan,
/// with other status words, another table layout and "Ansvarlig
/// departement:" lines, parses from its own words.
#[test]
fn a_report_of_another_plan_and_style() {
    let text = "\
Handlingsplan mot vold i nære relasjoner (2022-2025)

Sluttrapport

Status for tiltak per 31.12.2025

Innhold

Om rapporten\t3
Innsatsområde 1: Forebygging\t4
Tiltak 1 – Øke kunnskapen\t4
Tiltak 2 – Styrke hjelpetilbudet\t5

Om rapporten

Av totalt 2 tiltak er 1 avsluttet og 1 videreført.

Nr\tTiltak\tStatus\tAnsvarlig departement\tKommentar
Innsatsområde 1: Forebygging\t\t\t\t
1\tØke kunnskapen\tAvsluttet\tJD\tFerdig 2025
2\tStyrke hjelpetilbudet\tVidereført\tHOD og JD\t

Justis- og beredskapsdepartementet (JD)

Helse- og omsorgsdepartementet (HOD)

Innsatsområde 1: Forebygging

Innsatsen skal forebygge vold.

Tiltak 1 – Øke kunnskapen

Beskrivelse av tiltaket.

Status: Avsluttet

Ansvarlig departement: JD

Rapporten ble levert i mars 2025.

Tiltak 2 – Styrke hjelpetilbudet

Beskrivelse.

Status: Videreført

Ansvarlig departement: HOD, i samarbeid med JD

Arbeidet fortsetter, og en evaluering vil foreligge våren 2026.
";
    let r = util::parse_text(text);
    assert_eq!(r.plan_title, "Handlingsplan mot vold i nære relasjoner");
    assert_eq!(r.period.as_deref(), Some("2022-2025"));
    assert_eq!(r.as_of, "2025-12-31");
    assert!(r.final_report);
    let measures: Vec<_> = r
        .measures
        .iter()
        .map(|m| {
            (
                m.id.to_string(),
                m.status.as_deref(),
                m.lead.as_deref(),
                m.partners.clone(),
            )
        })
        .collect();
    assert_eq!(
        measures,
        [
            ("1".to_string(), Some("Avsluttet"), Some("JD"), vec![]),
            (
                "2".to_string(),
                Some("Videreført"),
                Some("HOD"),
                vec!["JD".to_string()]
            ),
        ]
    );
    let rows: Vec<_> = r
        .overview
        .iter()
        .map(|o| (o.status.as_str(), o.responsible.as_str()))
        .collect();
    assert_eq!(rows, [("Avsluttet", "JD"), ("Videreført", "HOD og JD")]);
    let counts: Vec<_> = r
        .summary
        .counts
        .iter()
        .map(|c| (c.status.as_str(), c.count))
        .collect();
    assert_eq!(counts, [("avsluttet", 1), ("videreført", 1)]);
    assert_eq!(r.departments.len(), 2);
    assert_eq!(r.commitments.len(), 1);
    assert_eq!(r.commitments[0].due.to_string(), "2026-H1");
    assert!(
        tiltak::check::run(&r).is_empty(),
        "{:#?}",
        tiltak::check::run(&r)
    );
}
