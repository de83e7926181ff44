//! Year-over-year diff: known edits applied to the real 2023 text give
//! exactly the expected changes, layout-only edits give none, the renderers
//! produce a well-formed self-contained page, and the synthetic final report
//! differs from 2023 exactly as `inputs/README.md` documents.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use tiltak::Report;
use tiltak::diff::{Diff, Verdict, run};
use tiltak::render::lang::Lang;

use crate::util;

static REFERENCE: LazyLock<(String, Report)> = LazyLock::new(|| {
    let text = util::reference_text();
    let report = util::parse_text(&text);
    (text, report)
});

/// Replaces `old` in `text`, which must occur exactly `times` times.
fn replace(text: &str, old: &str, new: &str, times: usize) -> String {
    assert_eq!(
        text.matches(old).count(),
        times,
        "{old:?} should occur {times} time(s)"
    );
    text.replace(old, new)
}

/// The reference text with `edits` applied, each `(old, new, times)`.
fn edited(edits: &[(&str, &str, usize)]) -> String {
    edits
        .iter()
        .fold(REFERENCE.0.clone(), |text, (old, new, times)| {
            replace(&text, old, new, *times)
        })
}

/// Diffs the reference against its edited copy.
fn diff_edited(edits: &[(&str, &str, usize)]) -> Diff {
    run(&REFERENCE.1, &util::parse_text(&edited(edits)))
}

/// The (measure, field, change) triples of a diff.
fn triples(diff: &Diff) -> BTreeSet<(String, String, String)> {
    diff.changes
        .iter()
        .map(|c| {
            let measure = c.measure.as_ref().map(ToString::to_string);
            (
                measure.unwrap_or_default(),
                c.field.to_string(),
                c.change.to_string(),
            )
        })
        .collect()
}

fn expect(items: &[(&str, &str, &str)]) -> BTreeSet<(String, String, String)> {
    items
        .iter()
        .map(|(m, f, c)| (m.to_string(), f.to_string(), c.to_string()))
        .collect()
}

#[test]
fn reference_against_itself_has_no_changes() {
    let diff = run(&REFERENCE.1, &REFERENCE.1);
    assert!(diff.changes.is_empty(), "{:#?}", diff.changes);
    assert!(
        diff.measures
            .iter()
            .all(|m| m.changes.is_empty() && m.fields.is_empty())
    );
    // Unchanged statuses are transitions too: every measure is counted,
    // sub-measures apart.
    let counted: usize = diff.transitions.iter().map(|t| t.count).sum();
    let sub: usize = diff.sub_transitions.iter().map(|t| t.count).sum();
    assert_eq!((counted, sub), (33, 4));
    assert_eq!(counted + sub, diff.measures.len());
    assert!(diff.transitions.iter().all(|t| t.old == t.new));
    assert!(
        diff.commitments.is_empty(),
        "nothing was due by the old report's own date"
    );
}

#[test]
fn layout_only_edits_are_not_changes() {
    let diff = diff_edited(&[
        // A paragraph re-wrapped, with double spaces.
        (
            "Det er 18 deltakere i nettverket",
            "Det er 18\ndeltakere  i\nnettverket",
            1,
        ),
        // A word hyphenated across a line end.
        (
            "kunnskapsutvikling og kompetanseheving. Nettverket",
            "kunnskapsutvikling og kompetanse-\nheving. Nettverket",
            1,
        ),
        // A soft hyphen.
        (
            "styrke informasjon til tjenester",
            "styrke informa\u{ad}sjon til tjenester",
            1,
        ),
        // A page break inside a paragraph.
        (
            "og de ulike landene deltar",
            "og de ulike\n\n\u{c}landene deltar",
            1,
        ),
        // Partners listed in another order.
        (
            "Ansvarlig: AID, i samarbeid med BFD, HOD, JD og KUD\n\n[Lovutvalget]",
            "Ansvarlig: AID, i samarbeid med KUD, JD, HOD og BFD\n\n[Lovutvalget]",
            1,
        ),
    ]);
    assert_eq!(triples(&diff), expect(&[]));
}

#[test]
fn status_flip() {
    let diff = diff_edited(&[
        (
            "Ett sosialt hållbart Norden.\n\nStatus: Ferdigstilt",
            "Ett sosialt hållbart Norden.\n\nStatus: Pågående",
            1,
        ),
        (
            "32\tArrangere et nordisk toppmøte\tAID\tFerdigstilt",
            "32\tArrangere et nordisk toppmøte\tAID\tPågående",
            1,
        ),
    ]);
    assert_eq!(triples(&diff), expect(&[("32", "status", "status")]));
    assert_eq!(
        (diff.changes[0].old.as_str(), diff.changes[0].new.as_str()),
        ("Ferdigstilt", "Pågående")
    );
    assert!(
        diff.transitions
            .iter()
            .any(|t| t.old == "Ferdigstilt" && t.new == "Pågående" && t.count == 1)
    );
}

#[test]
fn owner_change() {
    let diff = diff_edited(&[("Ansvarlig: KUD", "Ansvarlig: BFD", 1)]);
    assert_eq!(
        triples(&diff),
        expect(&[("13", "responsible", "responsible")])
    );
    assert_eq!(
        (diff.changes[0].old.as_str(), diff.changes[0].new.as_str()),
        ("KUD", "BFD")
    );
}

#[test]
fn title_change() {
    let heading = "\nTiltak 22. Vurdere endringer i reglene om bortfall av oppholdstillatelse ved ufrivillige utenlandsopphold\n";
    let diff = diff_edited(&[(
        heading,
        "\nTiltak 22. Vurdere endringer i reglene om tilbakekall av oppholdstillatelse ved ufrivillige utenlandsopphold\n",
        1,
    )]);
    assert_eq!(triples(&diff), expect(&[("22", "title", "title")]));
    assert!(diff.changes[0].new.contains("tilbakekall"));
}

#[test]
fn one_word_in_a_long_paragraph() {
    let diff = diff_edited(&[("Det er 18 deltakere", "Det er 20 deltakere", 1)]);
    assert_eq!(triples(&diff), expect(&[("31", "progress", "progress")]));
    let change = &diff.changes[0];
    // The changed word in context, not the whole paragraph.
    assert_eq!(
        change.old,
        "… de nordiske landene. Det er 18 deltakere i nettverket, og de …"
    );
    assert_eq!(
        change.new,
        "… de nordiske landene. Det er 20 deltakere i nettverket, og de …"
    );
    let field = &diff
        .measures
        .iter()
        .find(|m| m.id().to_string() == "31")
        .unwrap()
        .fields[0];
    assert!(field.new.len() > 1000, "diff.json keeps the whole text");
}

/// The TOC line, table row and section of measure 32.
const TOC_32: &str = "Tiltak 32. Arrangere et nordisk toppmøte.....\t28\n";
const ROW_32: &str = "32\tArrangere et nordisk toppmøte\tAID\tFerdigstilt\n";

fn section_32() -> String {
    let text = &REFERENCE.0;
    let start = text
        .find("Tiltak 32. Arrangere et nordisk toppmøte\n")
        .unwrap();
    let end = text
        .find("Tiltak 33. Øke det internasjonale samarbeidet\n\nInternasjonal")
        .unwrap();
    text[start..end].to_string()
}

#[test]
fn measure_removed() {
    let section = section_32();
    let diff = diff_edited(&[(TOC_32, "", 1), (ROW_32, "", 1), (&section, "", 1)]);
    assert_eq!(triples(&diff), expect(&[("32", "measure", "removed")]));
    let removed = diff
        .measures
        .iter()
        .position(|m| m.new_id.is_none())
        .unwrap();
    assert_eq!(
        diff.measures[removed - 1].id().to_string(),
        "31",
        "listed where it was"
    );
}

#[test]
fn measure_added() {
    let end = REFERENCE.0.trim_end().to_string();
    let text = format!(
        "{end}\n\nTiltak 34. Styrke samarbeidet med frivillige organisasjoner\n\nFrivillige organisasjoner når mange.\n\nStatus: Pågående\n\nAnsvarlig: BFD\n\nArbeidet startet i 2024.\n"
    );
    let text = replace(
        &text,
        "Tiltak 33. Øke det internasjonale samarbeidet.....\t28\n",
        "Tiltak 33. Øke det internasjonale samarbeidet.....\t28\nTiltak 34. Styrke samarbeidet med frivillige organisasjoner\t28\n",
        1,
    );
    let text = replace(
        &text,
        "33\tØke det internasjonale samarbeidet\tAID\tPågående\n",
        "33\tØke det internasjonale samarbeidet\tAID\tPågående\n34\tStyrke samarbeidet med frivillige organisasjoner\tBFD\tPågående\n",
        1,
    );
    let diff = run(&REFERENCE.1, &util::parse_text(&text));
    assert_eq!(triples(&diff), expect(&[("34", "measure", "added")]));
}

#[test]
fn renumbered_measure() {
    let diff = diff_edited(&[
        (
            "Tiltak 33. Øke det internasjonale samarbeidet",
            "Tiltak 34. Øke det internasjonale samarbeidet",
            2,
        ),
        (
            "33\tØke det internasjonale",
            "34\tØke det internasjonale",
            1,
        ),
    ]);
    assert_eq!(triples(&diff), expect(&[("34", "measure", "renumbered")]));
    assert_eq!(
        (diff.changes[0].old.as_str(), diff.changes[0].new.as_str()),
        ("33", "34")
    );
}

#[test]
fn swapped_numbers() {
    let diff = diff_edited(&[
        ("Tiltak 32. Arrangere", "Tiltak 3X. Arrangere", 2),
        ("Tiltak 33. Øke", "Tiltak 32. Øke", 2),
        ("Tiltak 3X. Arrangere", "Tiltak 33. Arrangere", 2),
        ("32\tArrangere", "33\tArrangere", 1),
        ("33\tØke", "32\tØke", 1),
    ]);
    assert_eq!(
        triples(&diff),
        expect(&[
            ("32", "measure", "renumbered"),
            ("33", "measure", "renumbered")
        ])
    );
}

#[test]
fn summary_count_change() {
    let diff = diff_edited(&[(
        "er 26 pågående og 7 tiltak er ferdigstilt",
        "er 25 pågående og 8 tiltak er ferdigstilt",
        1,
    )]);
    assert_eq!(
        triples(&diff),
        expect(&[
            ("", "summary.pågående", "status"),
            ("", "summary.ferdigstilt", "status")
        ])
    );
    let pending = diff
        .changes
        .iter()
        .find(|c| c.field.to_string() == "summary.pågående")
        .unwrap();
    assert_eq!((pending.old.as_str(), pending.new.as_str()), ("26", "25"));
}

#[test]
fn html_is_well_formed_escaped_and_self_contained() {
    let section = section_32();
    let diff = diff_edited(&[
        ("Det er 18 deltakere", "Det er 20 <deltakere> & «andre»", 1),
        ("Ansvarlig: KUD", "Ansvarlig: BFD", 1),
        (TOC_32, "", 1),
        (ROW_32, "", 1),
        (&section, "", 1),
    ]);
    let mut out = Vec::new();
    let pdfs = tiltak::render::diff::PdfLinks {
        old: Some("../in/a&b.pdf".into()),
        new: None,
    };
    tiltak::render::diff::html(&diff, Lang::Nb, &pdfs, &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    util::assert_balanced(&html);
    assert!(
        html.contains("<ins>20 &lt;deltakere&gt; &amp; «andre»</ins>"),
        "{html}"
    );
    assert!(html.contains("<del>18 deltakere</del>"));
    for external in ["http://", "https://", "src=", "<link"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    assert!(html.contains("data-kinds=\"removed\""));
    assert!(html.contains("<html lang=\"nb\">"));
    assert!(html.contains("name=\"viewport\""));
    assert!(html.contains("@media print"));
    // Every measure, changed or not, has its anchor; 31 is the changed one.
    for id in ["1", "9a", "31", "33"] {
        assert!(html.contains(&format!("id=\"tiltak-{id}\"")), "anchor {id}");
    }
    // Page links into the old PDF, escaped; the new side has no file.
    assert!(html.contains("href=\"../in/a&amp;b.pdf#page="), "{html}");
    // Statuses carry their word beside the colour.
    assert!(html.contains("<span class=\"st st-ongoing\">Pågående</span>"));
    let mut out = Vec::new();
    tiltak::render::diff::html(&diff, Lang::En, &pdfs, &mut out).unwrap();
    let english = String::from_utf8(out).unwrap();
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("status as of 2023-12-31"), "{english}");
}

#[test]
fn markdown_and_summary() {
    let diff = diff_edited(&[
        ("Det er 18 deltakere", "Det er 20 deltakere", 1),
        ("Ansvarlig: KUD", "Ansvarlig: BFD", 1),
    ]);
    let mut out = Vec::new();
    tiltak::render::diff::markdown(&diff, Lang::En, &mut out).unwrap();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("Det er ~~18~~ **20** deltakere"), "{md}");
    assert!(md.contains("- responsible: KUD → BFD"), "{md}");
    // The reference report has 33 measures and 4 sub-measures (9a, 9b,
    // 10a, 10b), counted apart as the ministry counts them.
    let summary = tiltak::render::diff::summary(&diff, Lang::En);
    assert!(
        summary.starts_with(
            "2023-12-31 → 2023-12-31: 33 measures and 4 sub-measures compared; 0 added, 0 removed, 0 renumbered."
        ),
        "{summary}"
    );
    assert!(
        summary.contains("1 text changes (title 0, description 0, progress 1), 1 responsible"),
        "{summary}"
    );
    let norsk = tiltak::render::diff::summary(&diff, Lang::Nb);
    assert!(
        norsk.starts_with("31.12.2023 → 31.12.2023: 33 tiltak og 4 deltiltak sammenlignet;"),
        "{norsk}"
    );
    let mut out = Vec::new();
    tiltak::render::diff::markdown(&diff, Lang::Nb, &mut out).unwrap();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("- ansvarlig: KUD → BFD"), "{md}");
    assert!(md.contains("status per 31.12.2023"), "{md}");
}

/// The synthetic final report against 2023: exactly the edits its README
/// documents (inputs/README.md, "What differs from the 2023 report").
#[test]
fn final_report_differs_as_documented() {
    let text = std::fs::read_to_string(util::repo(
        "inputs/build/sources/frihet-sluttrapport-2024.txt",
    ))
    .unwrap();
    let diff = run(&REFERENCE.1, &util::parse_text(&text));

    let status = [
        "1", "3", "4", "5", "6", "7", "8", "10", "10a", "11", "13", "14", "15", "16", "17", "18",
        "19", "20", "21", "23", "25", "26", "27", "28", "29", "33",
    ];
    let progress = [
        "1", "3", "4", "5", "8", "10a", "11", "12", "13", "14", "15", "17", "18", "19", "20", "21",
        "23", "25", "27", "28", "29", "31", "33",
    ];
    let mut expected = BTreeSet::new();
    for id in status {
        expected.insert((id.to_string(), "status".to_string(), "status".to_string()));
    }
    for id in progress {
        expected.insert((
            id.to_string(),
            "progress".to_string(),
            "progress".to_string(),
        ));
    }
    expected.extend(expect(&[
        ("8", "title", "title"),
        ("13", "responsible", "responsible"),
        ("19", "responsible", "responsible"),
        ("", "summary.pågående", "status"),
        ("", "summary.ferdigstilt", "status"),
        ("", "summary.videreført i ny handlingsplan", "status"),
        ("", "summary.ikke gjennomført", "status"),
    ]));
    assert_eq!(triples(&diff), expected);

    let one_word = diff
        .changes
        .iter()
        .find(|c| c.measure == "31".parse().ok())
        .unwrap();
    assert!(
        one_word.old.contains("Det er 18 deltakere")
            && one_word.new.contains("Det er 20 deltakere")
    );

    // Counted as the ministry counts: 17 measures went from Pågående to
    // Ferdigstilt, and sub-measure 10a beside them, not an 18th.
    let summary = tiltak::render::diff::summary(&diff, Lang::Nb);
    assert!(
        summary.contains("Pågående → Ferdigstilt: 17 (1, 3, 5, 6, 7, 8, 10, 13,"),
        "{summary}"
    );
    assert!(
        summary.contains("Pågående → Videreført i ny handlingsplan: 7 (4, 11, 18, 19, 20, 23, 33)"),
        "{summary}"
    );
    assert!(
        summary.contains("Pågående → Ferdigstilt: 1 (10a)"),
        "{summary}"
    );
    assert!(summary.contains("Ikke gjennomført: 25."), "{summary}");
    assert!(
        summary.contains("Forsinkede løfter: 8 (våren 2024), 12 (2. halvår 2024)."),
        "{summary}"
    );
    let top: usize = diff.transitions.iter().map(|t| t.count).sum();
    let sub: usize = diff.sub_transitions.iter().map(|t| t.count).sum();
    assert_eq!((top, sub), (33, 4));

    // Promises: the README's account of what became of them.
    let verdict = |measure: &str, due: &str| {
        diff.commitments
            .iter()
            .find(|f| f.measure.to_string() == measure && f.due.to_string() == due)
            .unwrap_or_else(|| panic!("no follow-up for {measure} {due}"))
            .verdict
    };
    for (measure, due) in [
        ("3", "2024-02"),
        ("28", "2024-02"),
        ("29", "2024-02"),
        ("12", "2024-H1"),
        ("21", "2024-H1"),
    ] {
        assert_eq!(verdict(measure, due), Verdict::Kept, "{measure} {due}");
    }
    assert_eq!(
        verdict("12", "2024-H2"),
        Verdict::Delayed,
        "guide not delivered, now 2025"
    );
    assert_eq!(
        verdict("8", "2024-H1"),
        Verdict::Delayed,
        "strategy came late, in October"
    );
    assert!(
        diff.commitments.iter().all(|f| f.due.year() < 2025),
        "18's June 2025 is not due yet"
    );
    // 2024 text: "Høsten 2024 startet IMDi arbeidet med å utvikle et
    // aktørkart …, og aktørkartet skal etter planen publiseres i løpet av
    // 2025": the promised start happened; 2025 is the next step.
    let five = diff
        .commitments
        .iter()
        .find(|f| f.measure.to_string() == "5" && f.due.to_string() == "2024-H2")
        .unwrap();
    assert_eq!(five.verdict, Verdict::Kept);
    assert!(
        five.evidence
            .as_deref()
            .is_some_and(|e| e.starts_with("Høsten 2024 startet IMDi")),
        "{five:?}"
    );
    // 2023 text, measure 17: "… og svarfristen er 15. januar 2024" is the
    // survey's deadline for its respondents, not a promise.
    assert!(
        !diff
            .commitments
            .iter()
            .any(|f| f.measure.to_string() == "17"),
        "a response deadline is no promise"
    );
    let eight = diff
        .commitments
        .iter()
        .find(|f| f.measure.to_string() == "8")
        .unwrap();
    assert_eq!(eight.reason, tiltak::diff::Reason::DeliveredLate);
    assert!(
        eight
            .evidence
            .as_deref()
            .is_some_and(|e| e.contains("oktober 2024")),
        "{eight:?}"
    );
}
