//! Cross-checks: every rule fires on an injected inconsistency, and the real
//! 2023 report gives exactly its known inconsistencies.

use tiltak::check::run;
use tiltak::model::{Finding, HeadingKind, Rule};
use tiltak::render::lang::Lang;

use crate::util;

/// The (rule, measure) pairs of a report's findings.
fn pairs(findings: &[Finding]) -> Vec<(Rule, String)> {
    findings
        .iter()
        .map(|f| (f.rule, f.measure.clone()))
        .collect()
}

fn reference_findings() -> Vec<Finding> {
    run(&util::parse_text(&util::reference_text()))
}

/// Replaces the single occurrence of `old` in `text`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(
        text.matches(old).count(),
        1,
        "{old:?} should occur exactly once"
    );
    text.replacen(old, new, 1)
}

/// Replaces the first `old` in the body section whose heading line starts
/// with `heading` (the TOC line of the same measure, which ends in a tab and
/// a page number, is skipped), before the next heading.
fn replace_in_section(text: &str, heading: &str, old: &str, new: &str) -> String {
    let start = text
        .match_indices(&format!("\n{heading}"))
        .map(|(i, _)| i + 1)
        .find(|&i| !text[i..].lines().next().unwrap().contains('\t'))
        .unwrap_or_else(|| panic!("no section {heading:?}"));
    let body_start = start + text[start..].find('\n').unwrap();
    let end = text[body_start..]
        .find("\nTiltak ")
        .map_or(text.len(), |e| body_start + e);
    let at = text[body_start..end]
        .find(old)
        .unwrap_or_else(|| panic!("{old:?} not in section {heading:?}"));
    let at = body_start + at;
    format!("{}{}{}", &text[..at], new, &text[at + old.len()..])
}

/// Asserts the mutated text gives a `rule` finding for `measure` that the
/// untouched reference does not, and returns that finding.
fn injected(mutated: &str, rule: Rule, measure: &str) -> Finding {
    assert_ne!(
        mutated,
        util::reference_text(),
        "the mutation changed nothing"
    );
    let is_it = |f: &&Finding| f.rule == rule && f.measure == measure;
    assert!(
        !reference_findings().iter().any(|f| is_it(&f)),
        "the reference already has ({rule}, {measure})"
    );
    let findings = run(&util::parse_text(mutated));
    findings
        .iter()
        .find(is_it)
        .cloned()
        .unwrap_or_else(|| panic!("no ({rule}, {measure}) in {:#?}", pairs(&findings)))
}

#[test]
fn the_2023_report_has_exactly_its_known_inconsistencies() {
    // Read from the reference text:
    // - the overview table leaves "innvandrere" out of measure 2's title;
    // - the TOC writes "grunnopplæringen" where heading 9 a) has "grunnsopplæringen";
    // - the table writes "barnevernstjenestens" where heading 11 has "barneverntjenestens";
    // - the TOC writes "kunnskapsgrunnet" where heading 18 has "kunnskapsgrunnlaget";
    // - the table writes "nordiske" where heading 30 has "nordisk".
    // Everything else agrees: statuses (9 = its sub-measures' shared status,
    // 10's differ), responsibles (19: "BFD og AID" vs "BFD, i samarbeid med
    // HOD og AID"), areas, counts (33 = 26 + 7), numbering and departments.
    let findings = reference_findings();
    let want = [
        (Rule::TableTitleMismatch, "2"),
        (Rule::TocTitleMismatch, "9a"),
        (Rule::TableTitleMismatch, "11"),
        (Rule::TocTitleMismatch, "18"),
        (Rule::TableTitleMismatch, "30"),
    ];
    assert_eq!(pairs(&findings), want.map(|(r, m)| (r, m.to_string())));
    let diffs: Vec<&str> = findings
        .iter()
        .map(|f| {
            f.message
                .rsplit_once(" (")
                .unwrap()
                .1
                .trim_end_matches(").")
        }) // the word diff
        .collect();
    assert_eq!(
        diffs,
        [
            "−innvandrere",
            "grunnsopplæringen → grunnopplæringen",
            "barneverntjenestens → barnevernstjenestens",
            "kunnskapsgrunnlaget → kunnskapsgrunnet",
            "nordisk → nordiske",
        ]
    );
    let f = &findings[4];
    assert_eq!(
        f.message,
        "Tiltak 30: the overview table says \"Styrke det nordiske samarbeidet\" but the heading says \"Styrke det nordisk samarbeidet\" (nordisk → nordiske)."
    );
    assert_eq!(
        (f.expected.as_str(), f.found.as_str()),
        (
            "Styrke det nordisk samarbeidet",
            "Styrke det nordiske samarbeidet"
        )
    );
}

#[test]
fn toc_missing() {
    let text = replace_once(
        &util::reference_text(),
        "Tiltak 13. Videreføre TryggEst\t17\n",
        "",
    );
    let f = injected(&text, Rule::TocMissing, "13");
    assert_eq!(f.expected, "Tiltak 13. Videreføre TryggEst");
    // And a TOC entry without a heading.
    let text = replace_once(
        &util::reference_text(),
        "Tiltak 33. Øke det internasjonale samarbeidet.....\t28\n",
        "Tiltak 33. Øke det internasjonale samarbeidet.....\t28\nTiltak 34. Evaluere handlingsplanen\t29\n",
    );
    let f = injected(&text, Rule::TocMissing, "34");
    assert_eq!(f.found, "Tiltak 34. Evaluere handlingsplanen");
}

#[test]
fn toc_title_mismatch() {
    let text = replace_once(
        &util::reference_text(),
        "Tiltak 14. Styrke kunnskapen og kompetansen i politiet\t18",
        "Tiltak 14. Styrke kunnskapen og kompetansen i politet\t18",
    );
    let f = injected(&text, Rule::TocTitleMismatch, "14");
    assert!(f.message.contains("(politiet → politet)"), "{}", f.message);
    // Punctuation after the number and at the end, and the case of the
    // first letter, are not differences.
    let text = replace_once(
        &util::reference_text(),
        "Tiltak 14. Styrke kunnskapen og kompetansen i politiet\t18",
        "Tiltak 14: styrke kunnskapen og kompetansen i politiet.\t18",
    );
    assert!(
        !pairs(&run(&util::parse_text(&text))).contains(&(Rule::TocTitleMismatch, "14".into()))
    );
}

/// A TOC entry that wraps after the real hyphen of "lhbtqi-personer" is
/// the heading's title, not "lhbtqi- personer" nor "lhbtqipersoner".
#[test]
fn toc_entry_wrapped_after_a_real_hyphen_gives_no_finding() {
    let old_title = "heve kompetansen i tjenestene som møter nyankomne flyktninger og innvandrere";
    let new_title = "heve kompetansen om lhbtqi-personer i tjenestene som møter nyankomne";
    let text = util::reference_text().replace(old_title, new_title);
    let text = replace_once(
        &text,
        &format!("Tiltak 1. Utvikle en strategi for å {new_title}....."),
        "Tiltak 1. Utvikle en strategi for å heve kompetansen om lhbtqi-\n\
         personer i tjenestene som møter nyankomne.....",
    );
    let report = util::parse_text(&text);
    let entry = report
        .toc
        .iter()
        .find(|e| e.kind == HeadingKind::Measure && e.id == "1")
        .unwrap();
    assert_eq!(
        entry.title,
        format!("Utvikle en strategi for å {new_title}")
    );
    assert_eq!(pairs(&run(&report)), pairs(&reference_findings()));
}

// toc-page-mismatch needs printed page labels, which text input lacks: see
// the unit tests in src/check/toc.rs.

#[test]
fn table_missing() {
    let text = replace_once(
        &util::reference_text(),
        "13\tVidereføre TryggEst\tKUD\tPågående\n",
        "",
    );
    injected(&text, Rule::TableMissing, "13");
}

#[test]
fn table_title_mismatch() {
    let text = replace_once(
        &util::reference_text(),
        "14\tStyrke kunnskapen og kompetansen i politiet\tJD",
        "14\tStyrke kunnskapen og kompetansen i politet\tJD",
    );
    let f = injected(&text, Rule::TableTitleMismatch, "14");
    assert_eq!(f.found, "Styrke kunnskapen og kompetansen i politet");
}

#[test]
fn table_status_mismatch() {
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 14.",
        "Status: Pågående",
        "Status: Ferdigstilt",
    );
    let f = injected(&text, Rule::TableStatusMismatch, "14");
    assert_eq!(
        (f.expected.as_str(), f.found.as_str()),
        ("Ferdigstilt", "Pågående")
    );
}

#[test]
fn table_responsible_mismatch() {
    let text = replace_once(
        &util::reference_text(),
        "kompetansen i politiet\tJD\tPågående",
        "kompetansen i politiet\tAID\tPågående",
    );
    let f = injected(&text, Rule::TableResponsibleMismatch, "14");
    assert!(
        f.message.contains("leaves out the lead \"JD\""),
        "{}",
        f.message
    );
    // Naming a partner next to the lead is fine; naming an outsider is not.
    let text = replace_once(
        &util::reference_text(),
        "\tBFD og AID\tPågående",
        "\tBFD og JD\tPågående",
    );
    let f = injected(&text, Rule::TableResponsibleMismatch, "19");
    assert!(
        f.message
            .contains("names \"JD\" which the section does not"),
        "{}",
        f.message
    );
}

#[test]
fn table_area_mismatch() {
    let group = "Innsatsområde 3: Et styrket rettsvern for utsatte personer\t\t\t\n";
    let row = "21\tGjennomføre en helhetlig juridisk utredning\tAID\tPågående\n";
    let text = replace_once(
        &util::reference_text(),
        &format!("{group}{row}"),
        &format!("{row}{group}"),
    );
    let f = injected(&text, Rule::TableAreaMismatch, "21");
    assert_eq!((f.expected.as_str(), f.found.as_str()), ("3", "2"));
}

#[test]
fn summary_count_mismatch() {
    let text = replace_once(&util::reference_text(), "er 26 pågående", "er 25 pågående");
    let f = injected(&text, Rule::SummaryCountMismatch, "");
    assert_eq!((f.expected.as_str(), f.found.as_str()), ("26", "25"));
    // A status the table uses but the sentence leaves out.
    let text = replace_once(
        &util::reference_text(),
        "er 26 pågående og 7 tiltak er ferdigstilt.",
        "er 26 pågående.",
    );
    let f = injected(&text, Rule::SummaryCountMismatch, "");
    assert!(f.message.contains("\"Ferdigstilt\""), "{}", f.message);
    assert_eq!((f.expected.as_str(), f.found.as_str()), ("7", "0"));
}

#[test]
fn rollup_status_mismatch() {
    // The table says 9 is finished while 9 b) is not.
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 9 b)",
        "Status: Ferdigstilt",
        "Status: Pågående",
    );
    let f = injected(&text, Rule::RollupStatusMismatch, "9");
    assert!(
        f.message.contains("Tiltak 9 b) is \"Pågående\""),
        "{}",
        f.message
    );
    // The reverse: every sub-measure of 10 finished, the table says ongoing.
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 10 a)",
        "Status: Pågående",
        "Status: Ferdigstilt",
    );
    injected(&text, Rule::RollupStatusMismatch, "10");
}

#[test]
fn numbering() {
    let text = replace_once(
        &util::reference_text(),
        "\nTiltak 9 b) Bidra til god undervisning om vold, kropp, kjønn, seksualitet og seksuell grensesetting\n",
        "\nTiltak 9 c) Bidra til god undervisning om vold, kropp, kjønn, seksualitet og seksuell grensesetting\n",
    );
    let f = injected(&text, Rule::Numbering, "9c");
    assert_eq!((f.expected.as_str(), f.found.as_str()), ("9b", "9c"));
    // A skipped top-level number in the table.
    let text = replace_once(
        &util::reference_text(),
        "\n13\tVidereføre TryggEst",
        "\n31\tVidereføre TryggEst",
    );
    let findings = run(&util::parse_text(&text));
    let numbering: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == Rule::Numbering)
        .collect();
    // One slip: 31 appears twice in the table; that 13 has no row is
    // table-missing's finding, not also a numbering one; the rows after
    // the slip are not each reported.
    assert_eq!(
        numbering
            .iter()
            .map(|f| (f.measure.as_str(), f.expected.as_str(), f.found.as_str()))
            .collect::<Vec<_>>(),
        [("31", "", "31")]
    );
    assert!(
        findings
            .iter()
            .any(|f| f.rule == Rule::TableMissing && f.measure == "13")
    );
    injected(&text, Rule::Numbering, "31");
}

#[test]
fn unknown_department() {
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 14.",
        "Ansvarlig: JD",
        "Ansvarlig: JD, i samarbeid med NKVTS",
    );
    let f = injected(&text, Rule::UnknownDepartment, "14");
    assert_eq!(f.found, "NKVTS");
    // Only the case differs: still reported, and the message says so.
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 14.",
        "Ansvarlig: JD",
        "Ansvarlig: JD, i samarbeid med Pod",
    );
    let f = injected(&text, Rule::UnknownDepartment, "14");
    assert_eq!(f.expected, "POD");
    assert!(f.message.contains("only the case differs"), "{}", f.message);
}

#[test]
fn missing_field() {
    let text = replace_in_section(
        &util::reference_text(),
        "Tiltak 14.",
        "Status: Pågående\n",
        "",
    );
    let f = injected(&text, Rule::MissingField, "14");
    assert_eq!(f.expected, "Status:");
}

#[test]
fn findings_markdown_and_summary_for_the_reference() {
    let report = util::parse_text(&util::reference_text());
    let findings = run(&report);
    let mut out = Vec::new();
    tiltak::render::findings::markdown(&report, &findings, Lang::En, &mut out).unwrap();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("## Warnings (5)"), "{md}");
    assert!(!md.contains("## Errors"), "{md}");
    assert!(
        md.contains("- **Tiltak 30**: the overview table says"),
        "{md}"
    );
    let summary = tiltak::render::findings::summary(&findings, Lang::En);
    assert!(
        summary.starts_with("5 findings: 0 errors, 5 warnings.\n"),
        "{summary}"
    );
    // The real 2023 report's table titles that differ from their headings
    // (README's table of its five findings): measures 2, 11 and 30.
    assert!(
        summary.contains("table-title-mismatch  3  (Tiltak 2, Tiltak 11, Tiltak 30)\n"),
        "{summary}"
    );
    let norsk = tiltak::render::findings::summary(&findings, Lang::Nb);
    assert!(
        norsk.starts_with("5 funn: 0 feil, 5 advarsler.\n"),
        "{norsk}"
    );
}
