//! TOC rules: the table of contents against the headings of the body.
//!
//! Gives [`Rule::TocMissing`], [`Rule::TocTitleMismatch`] and [`Rule::TocPageMismatch`].

use super::compare::{heading_label, heading_name, same, word_diff};
use super::finding;
use crate::model::{Finding, Heading, HeadingKind, MeasureId, Report, Rule, TocEntry};

/// Whether a TOC entry and a heading are the same item of the document.
fn toc_matches(kind: HeadingKind, id: &str, title: &str, heading: &Heading) -> bool {
    kind == heading.kind
        && match kind {
            HeadingKind::Section => same(title, &heading.title),
            _ => id == heading.id,
        }
}

/// Pairs every heading with the first unused TOC entry for the same item
/// and reports headings without an entry, entries without a heading, and
/// paired titles or printed pages that differ.
pub(super) fn toc(report: &Report, findings: &mut Vec<Finding>) {
    if report.toc.is_empty() {
        // No TOC at all is not a TOC inconsistency; nothing to compare.
        return;
    }
    let mut used = vec![false; report.toc.len()];
    for h in &report.headings {
        let entry = report
            .toc
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && toc_matches(e.kind, &e.id, &e.title, h));
        match entry {
            Some((i, entry)) => {
                used[i] = true;
                compare(report, h, entry, findings);
            }
            None if listed(report, h) => {
                let name = heading_name(report, h.kind, &h.id, &h.title);
                findings.push(finding(
                    Rule::TocMissing,
                    heading_label(report, h.kind, &h.id, &h.title),
                    h.page.as_ref(),
                    &h.text,
                    "",
                    format!(
                        "{name} has a heading (\"{}\") but no entry in the table of contents.",
                        h.text
                    ),
                ));
            }
            None => {}
        }
    }
    for (entry, _) in report.toc.iter().zip(&used).filter(|(_, used)| !**used) {
        let name = heading_name(report, entry.kind, &entry.id, &entry.title);
        findings.push(finding(
            Rule::TocMissing,
            heading_label(report, entry.kind, &entry.id, &entry.title),
            None,
            "",
            &entry.text,
            format!(
                "{name}: the table of contents lists \"{}\" on page {} but there is no such heading in the report.",
                entry.text, entry.page
            ),
        ));
    }
}

/// Whether the TOC lists headings of this kind: a TOC may list only the
/// areas (or chapters), or leave out the sub-measures, and a heading of a
/// kind it never lists is not missing from it.
fn listed(report: &Report, h: &Heading) -> bool {
    let sub = h.kind == HeadingKind::Measure
        && MeasureId::parse(&h.id)
            .and_then(|id| report.measure(&id))
            .is_some_and(|m| m.parent.is_some());
    report
        .toc
        .iter()
        .any(|e| e.kind == h.kind && (!sub || e.level == 3))
}

/// Compares a heading with its TOC entry: the title, and the printed page.
fn compare(report: &Report, h: &Heading, entry: &TocEntry, findings: &mut Vec<Finding>) {
    let subject = heading_label(report, h.kind, &h.id, &h.title);
    let name = heading_name(report, h.kind, &h.id, &h.title);
    if !same(&entry.title, &h.title) {
        findings.push(finding(
            Rule::TocTitleMismatch,
            &subject,
            h.page.as_ref(),
            &h.title,
            &entry.title,
            format!(
                "{name}: the table of contents says \"{}\" but the heading says \"{}\" ({}).",
                entry.title,
                h.title,
                word_diff(&h.title, &entry.title)
            ),
        ));
    }
    if let Some(page) = &h.page
        && !entry.page.trim().is_empty()
        && entry.page.trim() != page.trim()
    {
        findings.push(finding(
            Rule::TocPageMismatch,
            subject,
            h.page.as_ref(),
            page,
            &entry.page,
            format!(
                "{name}: the table of contents gives page {} but the heading is on page {page}.",
                entry.page
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::run;
    use super::super::tests::{paged_report, rules};
    use crate::model::Rule;

    #[test]
    fn toc_page_mismatch_uses_printed_pages() {
        let mut report = paged_report();
        assert_eq!(rules(&report), []);
        report.toc[1].page = "6".into();
        let findings = run(&report);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            (f.rule, f.measure.as_str(), f.page.as_deref()),
            (Rule::TocPageMismatch, "2", Some("5"))
        );
        assert_eq!((f.expected.as_str(), f.found.as_str()), ("5", "6"));
        // Without a printed page (text input) there is nothing to compare.
        report.headings[1].page = None;
        assert_eq!(rules(&report), []);
    }

    #[test]
    fn a_toc_of_areas_only_does_not_miss_the_measures() {
        use crate::model::{Heading, HeadingKind, TocEntry};
        let mut report = paged_report();
        report.toc.clear();
        let area = |title: &str| TocEntry {
            kind: HeadingKind::Area,
            id: "1".into(),
            title: title.into(),
            page: "3".into(),
            text: format!("Innsatsområde 1: {title}"),
            level: 1,
        };
        report.toc.push(area("Forebygging"));
        report.headings.insert(
            0,
            Heading {
                kind: HeadingKind::Area,
                id: "1".into(),
                title: "Forebygging".into(),
                page: Some("3".into()),
                text: "Innsatsområde 1: Forebygging".into(),
            },
        );
        assert_eq!(rules(&report), []);
        report.toc[0] = area("Forebyging");
        assert_eq!(
            rules(&report),
            [(Rule::TocTitleMismatch, "Innsatsområde 1".to_string())]
        );
    }
}
