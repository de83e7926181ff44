#!/usr/bin/env python3
"""Derive a SYNTHETIC stand-in for the final report ("sluttrapport", status per
31.12.2024) of the action plan "Frihet fra negativ sosial kontroll og
æresrelatert vold (2021-2024)" from the real 2023 status report text.

The published final report was not available when this project was built.
This script applies explicit, documented edits to the 2023 text and writes
`inputs/build/sources/frihet-sluttrapport-2024.txt` in exactly the same text
format (title lines, "Innhold" with TAB-separated page numbers, TAB-separated
overview table, one paragraph per line, blank line between blocks), which
`inputs/build/build.py` renders to `inputs/frihet-sluttrapport-2024.pdf`.

Every edit names the 2023 text it expects and fails loudly if that text is
missing or ambiguous, so a change in the source cannot go unnoticed. The edits
that were applied are printed as a table at the end (the same table is kept in
`inputs/README.md` between the `edits:begin`/`edits:end` markers; run with
`--update-readme` to refresh it).

Facts used for measure 21 (NOU 2024: 13 «Lov og frihet», delivered 24 June
2024, public consultation until 28 October 2024) are public; everything else
written for 2024 is invented but plausible. The output is NOT an official
document.

Usage:  python3 inputs/build/make_final_report.py [--source FILE] [--out FILE]
                                                  [--update-readme]
Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = HERE / "sources" / "frihet-sluttrapport-2024.txt"
README = REPO / "inputs" / "README.md"
# The real 2023 text: preferably a copy inside the repo, else the shared reference.
SOURCE_CANDIDATES = [
    HERE / "sources" / "frihet-status-2023.txt",
    REPO.parent / "shared" / "reference" / "frihet-status-2023.txt",
    Path("/work/shared/reference/frihet-status-2023.txt"),
]

FERDIG = "Ferdigstilt"
VIDERE = "Videreført i ny handlingsplan"
IKKE = "Ikke gjennomført"
PAGAAR = "Pågående"
# Order of the statuses in the summary sentence.
STATUS_ORDER = [FERDIG, VIDERE, IKKE, PAGAAR]

HEADING_RE = re.compile(r"^Tiltak (\d+)(?: ([a-z])\))?\.? (.+)$")


class EditError(Exception):
    """The 2023 text did not look as an edit expected."""


def fail(msg: str) -> None:
    raise EditError(msg)


def measure_id(num: str, letter: str | None) -> str:
    return num + (letter or "")


class Report:
    """The report text as lines, with the regions located once per edit."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.log: "OrderedDict[str, dict[str, list[str]]]" = OrderedDict()
        self.original_sections: dict[str, str] = {}

    # ---------------------------------------------------------------- regions
    def _index(self, pred, start: int = 0, what: str = "") -> int:
        for i in range(start, len(self.lines)):
            if pred(self.lines[i]):
                return i
        fail(f"could not find {what}")
        return -1

    def regions(self) -> dict[str, tuple[int, int]]:
        """Line ranges [start, end) of the TOC, the overview table and the body."""
        toc0 = self._index(lambda l: l == "Innhold", what="'Innhold'")
        intro = self._index(lambda l: l == "Om denne rapporten:", toc0 + 1, "'Om denne rapporten:'")
        overview = self._index(lambda l: l == "Oversikt over status for tiltak", intro, "overview heading")
        table0 = self._index(lambda l: l.startswith("Nr\tTiltak\t"), overview, "table header")
        depts = self._index(lambda l: l == "Ansvarlige departementer og direktorater", table0, "department list")
        body = self._index(lambda l: l.startswith("Innsatsområde 1") and "\t" not in l, depts, "first area heading")
        return {
            "toc": (toc0 + 1, intro),
            "intro": (intro + 1, overview),
            "overview": (overview + 1, table0),
            "table": (table0 + 1, depts),
            "body": (body, len(self.lines)),
        }

    def section(self, mid: str) -> tuple[int, int]:
        """Line range of measure `mid`'s section (heading included)."""
        b0, b1 = self.regions()["body"]
        start = None
        for i in range(b0, b1):
            m = HEADING_RE.match(self.lines[i])
            if not m or "\t" in self.lines[i]:
                continue
            if start is None and measure_id(m.group(1), m.group(2)) == mid:
                start = i
            elif start is not None:
                return start, i
        if start is None:
            fail(f"no section heading for measure {mid}")
        # Last measure: ends at the end of the document.
        return start, b1

    def all_sections(self) -> "OrderedDict[str, str]":
        b0, b1 = self.regions()["body"]
        out: "OrderedDict[str, str]" = OrderedDict()
        for i in range(b0, b1):
            m = HEADING_RE.match(self.lines[i])
            if m and "\t" not in self.lines[i]:
                mid = measure_id(m.group(1), m.group(2))
                s, e = self.section(mid)
                out[mid] = "\n".join(self.lines[s:e]).strip("\n")
        return out

    def table_row(self, nr: str) -> int:
        t0, t1 = self.regions()["table"]
        hits = [i for i in range(t0, t1) if self.lines[i].split("\t")[0] == nr]
        if len(hits) != 1:
            fail(f"expected one overview row {nr}, found {len(hits)}")
        return hits[0]

    def toc_line(self, mid: str) -> int:
        t0, t1 = self.regions()["toc"]
        hits = []
        for i in range(t0, t1):
            m = HEADING_RE.match(self.lines[i].split("\t")[0])
            if m and measure_id(m.group(1), m.group(2)) == mid:
                hits.append(i)
        if len(hits) != 1:
            fail(f"expected one TOC line for measure {mid}, found {len(hits)}")
        return hits[0]

    # ---------------------------------------------------------------- logging
    def note(self, mid: str, field: str, text: str) -> None:
        self.log.setdefault(mid, {}).setdefault(field, []).append(text)

    # ---------------------------------------------------------- whole-text edits
    def replace_text(self, old: str, new: str, why: str) -> None:
        text = "\n".join(self.lines)
        n = text.count(old)
        if n != 1:
            fail(f"{why}: expected exactly one occurrence of {old[:60]!r}, found {n}")
        self.lines = text.replace(old, new).split("\n")

    def replace_block(self, region: str, old: str, new: str, why: str) -> None:
        """Replace one whole line (paragraph) inside a region; `old` ending in
        '…' matches a line by prefix."""
        r0, r1 = self.regions()[region]
        hits = [i for i in range(r0, r1) if _matches(self.lines[i], old)]
        if len(hits) != 1:
            fail(f"{why}: expected one paragraph {old[:60]!r} in {region}, found {len(hits)}")
        self.lines[hits[0]:hits[0] + 1] = new.split("\n")

    # ------------------------------------------------------------ measure edits
    def set_status(self, mid: str, old: str, new: str) -> None:
        """Status in the section (if the section has a Status line) and in the
        overview row (if `mid` has a row; sub-measures have none)."""
        done = False
        s, e = self.section(mid)
        hits = [i for i in range(s, e) if self.lines[i].startswith("Status:")]
        if hits:
            if len(hits) != 1 or self.lines[hits[0]] != f"Status: {old}":
                fail(f"measure {mid}: expected 'Status: {old}' once")
            self.lines[hits[0]] = f"Status: {new}"
            done = True
        if mid.isdigit():
            i = self.table_row(mid)
            cells = self.lines[i].split("\t")
            if cells[3] != old:
                fail(f"overview row {mid}: expected status {old!r}, found {cells[3]!r}")
            cells[3] = new
            self.lines[i] = "\t".join(cells)
            done = True
        if not done:
            fail(f"measure {mid}: nowhere to set a status")
        self.note(mid, "status", f"{old} → {new}")

    def set_responsible(self, mid: str, old: str, new: str,
                        table_old: str | None = None, table_new: str | None = None) -> None:
        s, e = self.section(mid)
        hits = [i for i in range(s, e) if self.lines[i] == f"Ansvarlig: {old}"]
        if len(hits) != 1:
            fail(f"measure {mid}: expected 'Ansvarlig: {old}' once")
        self.lines[hits[0]] = f"Ansvarlig: {new}"
        self.note(mid, "responsible", f"«{old}» → «{new}»")
        if table_old is not None:
            i = self.table_row(mid)
            cells = self.lines[i].split("\t")
            if cells[2] != table_old:
                fail(f"overview row {mid}: expected {table_old!r}, found {cells[2]!r}")
            cells[2] = table_new
            self.lines[i] = "\t".join(cells)
            self.note(mid, "responsible", f"table {table_old} → {table_new}")

    def retitle(self, mid: str, old: str, new: str) -> None:
        """Same new title in the TOC line, the overview row and the heading."""
        i = self.toc_line(mid)
        entry, _, page = self.lines[i].partition("\t")
        m = HEADING_RE.match(entry)
        if not m or m.group(3).rstrip(".") != old:
            fail(f"TOC {mid}: expected title {old!r}")
        self.lines[i] = entry.replace(old, new, 1) + "\t" + page
        r = self.table_row(mid)
        cells = self.lines[r].split("\t")
        if cells[1] != old:
            fail(f"overview row {mid}: expected title {old!r}, found {cells[1]!r}")
        cells[1] = new
        self.lines[r] = "\t".join(cells)
        s, _ = self.section(mid)
        m = HEADING_RE.match(self.lines[s])
        if m.group(3) != old:
            fail(f"heading {mid}: expected title {old!r}, found {m.group(3)!r}")
        self.lines[s] = self.lines[s][: m.start(3)] + new
        self.note(mid, "title", f"«{old}» → «{new}»")

    def replace_para(self, mid: str, old: str, new: str, what: str) -> None:
        """Replace one progress paragraph of a measure (exact text, or prefix if
        `old` ends with '…')."""
        s, e = self.section(mid)
        hits = [i for i in range(s + 1, e) if _matches(self.lines[i], old)]
        if len(hits) != 1:
            fail(f"measure {mid}: expected one paragraph {old[:60]!r}, found {len(hits)}")
        self.lines[hits[0]:hits[0] + 1] = new.split("\n")
        self.note(mid, "text", what)

    def replace_in_section(self, mid: str, old: str, new: str, what: str) -> None:
        """Replace a phrase inside the measure's section (must occur once)."""
        s, e = self.section(mid)
        sec = "\n".join(self.lines[s:e])
        n = sec.count(old)
        if n != 1:
            fail(f"measure {mid}: expected {old!r} once, found {n}")
        self.lines[s:e] = sec.replace(old, new).split("\n")
        self.note(mid, "text", what)

    def add_para_after(self, mid: str, anchor: str, new: str, what: str) -> None:
        """Insert a new paragraph after the paragraph/line matching `anchor`."""
        s, e = self.section(mid)
        hits = [i for i in range(s, e) if _matches(self.lines[i], anchor)]
        if len(hits) != 1:
            fail(f"measure {mid}: expected one anchor {anchor[:60]!r}, found {len(hits)}")
        self.lines[hits[0] + 1: hits[0] + 1] = ["", new]
        self.note(mid, "text", what)


def _matches(line: str, pattern: str) -> bool:
    if pattern.endswith("…"):
        return line.startswith(pattern[:-1])
    return line == pattern


# --------------------------------------------------------------------- layout
# The 2023 text was extracted from a PDF, and a paragraph that ran over a page
# break appears as two blocks ("... og annen" / "vold i nære relasjoner ...").
# The final report has another layout, so these paragraphs are joined again.
# Only body blocks are joined; a block ending without sentence punctuation is
# joined with the next block unless either is a heading, a Status/Ansvarlig
# line or a bullet. The 2023 text has exactly 12 such splits.
EXPECTED_PAGE_SPLITS = 12
NOT_PROSE = re.compile(r"^(Tiltak \d|Innsatsområde |Status:|Ansvarlig:|- )")


def join_page_splits(rep: Report) -> list[str]:
    b0, _ = rep.regions()["body"]
    head, body = rep.lines[:b0], rep.lines[b0:]
    blocks = "\n".join(body).split("\n\n")
    out: list[str] = []
    joined: list[str] = []
    for blk in blocks:
        prev = out[-1] if out else ""
        if (prev and blk and "\n" not in prev and "\n" not in blk
                and not NOT_PROSE.match(prev) and not NOT_PROSE.match(blk)
                and prev[-1] not in ".!?:»)"):
            joined.append(f"…{prev[-25:]} ¶ {blk[:25]}…")
            out[-1] = prev + " " + blk
        else:
            out.append(blk)
    if len(joined) != EXPECTED_PAGE_SPLITS:
        fail(f"expected {EXPECTED_PAGE_SPLITS} page-split paragraphs, found {len(joined)}:\n"
             + "\n".join(joined))
    rep.lines = head + "\n\n".join(out).split("\n")
    return joined


# ---------------------------------------------------------------------- edits
def edit_front_matter(rep: Report) -> None:
    rep.replace_text("Status for tiltak per\n31.12.2023",
                     "Sluttrapport\n\nStatus for tiltak per\n31.12.2024",
                     "title page")
    # The renderer fills in real page numbers; the TOC titles stay as printed
    # in 2023 (typos included, e.g. "kunnskapsgrunnet", "det nordisk").
    t0, t1 = rep.regions()["toc"]
    n = 0
    for i in range(t0, t1):
        if "\t" in rep.lines[i]:
            entry, _, page = rep.lines[i].rpartition("\t")
            if not page.strip().isdigit():
                fail(f"TOC line without page number: {rep.lines[i]!r}")
            rep.lines[i] = entry + "\t0"
            n += 1
    if n < 40:
        fail(f"only {n} TOC lines found")

    rep.replace_block(
        "intro",
        "Dette er rapportering for tiltakene i handlingsplanen «Frihet fra negativ sosial kontroll og "
        "æresrelatert vold (2021-2024)» per 31.12.2023. Rapportering på status finner sted påfølgende år…",
        "Dette er sluttrapporten for tiltakene i handlingsplanen «Frihet fra negativ sosial kontroll og "
        "æresrelatert vold (2021-2024)», med status per 31.12.2024. Handlingsplanperioden ble avsluttet "
        "ved utgangen av 2024. Rapporten gir en samlet oversikt over gjennomføringen av tiltakene i hele "
        "planperioden og bygger på rapporteringen fra de ansvarlige departementene og direktoratene. "
        "Utviklingen etter 31.12.2024 er ikke omtalt, med unntak av enkelte planlagte leveranser som er "
        "nevnt under de aktuelle tiltakene.\n\n"
        "Tiltakenes status er angitt slik: «Ferdigstilt» betyr at tiltaket er gjennomført slik det er "
        "beskrevet i handlingsplanen. «Videreført i ny handlingsplan» betyr at arbeidet ikke var avsluttet "
        "ved utgangen av planperioden, og at det videreføres i regjeringens nye handlingsplan mot negativ "
        "sosial kontroll og æresrelatert vold. «Pågående» betyr at arbeidet fortsatt pågår innenfor det "
        "ordinære ansvaret til det ansvarlige departementet. «Ikke gjennomført» betyr at det er besluttet "
        "ikke å gjennomføre tiltaket slik det er beskrevet i handlingsplanen.",
        "Om denne rapporten, paragraph 1",
    )
    rep.replace_block(
        "intro",
        "Siden handlingsplanen ble lansert har integreringsarbeidet flyttet fra Kunnskapsdepartementet (KD) "
        "til Arbeids- og inkluderingsdepartementet (AID). I oversikten over status for tiltak under er "
        "kolonnen «ansvarlig departement» oppdatert deretter.",
        "Siden handlingsplanen ble lansert har integreringsarbeidet flyttet fra Kunnskapsdepartementet (KD) "
        "til Arbeids- og inkluderingsdepartementet (AID), og ansvaret for TryggEst er overført fra Kultur- "
        "og likestillingsdepartementet (KUD) til Barne- og familiedepartementet (BFD). I oversikten over "
        "status for tiltak under er kolonnen «ansvarlig departement» oppdatert deretter.",
        "Om denne rapporten, paragraph 2",
    )


def edit_measures(rep: Report) -> None:
    # --- Innsatsområde 1 ---------------------------------------------------
    rep.set_status("1", PAGAAR, FERDIG)
    rep.replace_para(
        "1", "På grunnlag av denne rapporten utarbeider IMDi en strategi…",
        "På grunnlag av rapporten har IMDi, i samarbeid med HK-dir, utarbeidet en strategi for "
        "kompetanseheving om negativ sosial kontroll og æresrelatert vold i opplærings- og "
        "integreringstjenestene. Strategien ble ferdigstilt i 2024 og er sett i sammenheng med oppdraget "
        "i tildelingsbrevet for 2024 om å heve kompetansen i ordinære tjenester og gjøre de særskilte "
        "tjenestene mer kjent. Oppfølgingen av strategien inngår i direktoratenes ordinære arbeid.",
        "strategy finished in 2024 (promised 'gjennomføres i 2024')")

    rep.set_status("3", PAGAAR, FERDIG)
    rep.replace_para(
        "3", "IMDi har tildelt Proba oppdraget med å innhente kunnskap om frafall…",
        "IMDi tildelte Proba oppdraget med å innhente kunnskap om frafall fra ordningene under "
        "integreringsloven. Rapporten ble levert i februar 2024, som planlagt. Den beskriver omfanget av "
        "og årsakene til frafall, blant annet negativ sosial kontroll, æresrelatert vold og annen vold i "
        "nære relasjoner, og hvordan frafallet varierer mellom deltakere og mellom kommuner. Rapportens "
        "anbefalinger om tiltak som kan motvirke frafall og bygge ned barrierer for deltakelse, inngår i "
        "departementets videre arbeid med kvalifiseringsordningene.",
        "report delivered February 2024 as promised")

    rep.set_status("4", PAGAAR, VIDERE)
    rep.replace_para(
        "4", "Dialoggrupper om vold gjennomføres fremdeles i ordinære asylmottak…",
        "Dialoggrupper om vold ble gjennomført i ordinære asylmottak og ordinære asylmottak for enslige "
        "mindreårige gjennom hele 2024. Som følge av økningen i antall asylmottak ble tiltaket gjennomført "
        "i flere mottak enn tidligere år.",
        "paragraph 1 updated for 2024")
    rep.replace_para(
        "4", "Målgruppen for tiltaket er fortsatt menn og gutter over 15 år. Det er planlagt oppstart av et "
        "pilotprosjekt for utvikling av dialoggrupper for kvinner i 2024.",
        "Målgruppen for tiltaket er fortsatt menn og gutter over 15 år. Pilotprosjektet for dialoggrupper "
        "for kvinner startet opp høsten 2024 i et utvalg mottak. Erfaringene fra piloten skal vurderes før "
        "det tas stilling til om tilbudet skal gjøres permanent. Tiltaket videreføres i ny handlingsplan.",
        "pilot for women started autumn 2024; paragraph 2 kept")

    # --- Innsatsområde 2 ---------------------------------------------------
    rep.set_status("5", PAGAAR, FERDIG)
    rep.replace_para(
        "5", "IMDi har etablert et nasjonalt nettverk der direktorater…",
        "IMDi har etablert et nasjonalt nettverk der direktorater som følger opp tiltak i handlingsplanen "
        "inngår, samt en utvidet møtegruppe hvor RVTSene og NKVTS inviteres inn. Direktoratene i "
        "nettverket har hatt jevnlige møter med referansegruppen for handlingsplanen (referansegruppen), "
        "som består av sivilsamfunnsorganisasjoner. Det utvidede nettverket møtte referansegruppen i mai "
        "2024. Høsten 2024 startet IMDi arbeidet med å utvikle et aktørkart sammen med nettverket, og "
        "aktørkartet skal etter planen publiseres i løpet av 2025. Nettverket er etablert, og tiltaket "
        "regnes som gjennomført.",
        "network meetings 2024, actor map due 2025")

    rep.set_status("6", PAGAAR, FERDIG)
    rep.set_status("7", PAGAAR, FERDIG)

    rep.set_status("8", PAGAAR, FERDIG)
    rep.retitle("8", "Styrke informasjonen om de særskilte hjelpetjenestene",
                "Styrke og samordne informasjonen om de særskilte hjelpetjenestene")
    rep.replace_para(
        "8", "IMDi, i samarbeid med Bufdir, har i tildelingsbrev for 2024…",
        "IMDi og Bufdir har utarbeidet en felles strategi for å gjøre de særskilte tjenestene som jobber "
        "mot negativ sosial kontroll og æresrelatert vold bedre kjent. Strategien skulle etter planen "
        "ferdigstilles våren 2024, men arbeidet tok lengre tid enn forutsatt, og strategien ble "
        "ferdigstilt i oktober 2024. Strategien legger vekt på samordnet informasjon fra tjenestene og "
        "direktoratene, og følges opp i direktoratenes ordinære arbeid.",
        "strategy promised spring 2024, finished October 2024 (late)")

    rep.set_status("10a", PAGAAR, FERDIG)
    rep.add_para_after(
        "10a", "Flere av retningslinjene til helse- og sosialfagutdanningene inkluderer i dag…",
        "Kunnskapsdepartementet har i samråd med universitets- og høyskolesektoren vurdert behovet for "
        "kompetansehevingstiltak. Vurderingen er at temaene i hovedsak ivaretas gjennom gjeldende "
        "retningslinjer og de ordinære revisjonene i RETHOS, og at det ikke er behov for egne nasjonale "
        "tiltak utover dette. Tiltaket anses som ferdigstilt.",
        "new closing paragraph (assessment done)")
    # Overview row 10 (the parent section has no Status line): 10a and 10b are both finished now.
    rep.set_status("10", PAGAAR, FERDIG)

    rep.set_status("11", PAGAAR, VIDERE)
    rep.replace_para(
        "11", "I oktober 2023 leverte Bufdir en utredning om bedre statistikk i barnevernet…",
        "I oktober 2023 leverte Bufdir en utredning om bedre statistikk i barnevernet, der et tiltak er å "
        "gjøre en helhetlig gjennomgang av innrapporteringen fra det kommunale barnevernet. Bufdir har i "
        "2024 arbeidet med å få inn nye kategorier (negativ sosial kontroll, barneekteskap/tvangsekteskap "
        "og ufrivillig opphold i utlandet) i barnevernstjenestens registrering av innhold i melding og "
        "årsak til å iverksette tiltak. Endringene er planlagt innført i rapporteringen for 2026, og de "
        "første tallene vil etter planen bli publisert av Statistisk sentralbyrå i juli 2027. Tiltaket "
        "videreføres i ny handlingsplan.",
        "new categories planned for 2026 reporting")

    rep.replace_para(
        "12", "Veileder for risikovurdering og oppfølging av trusselutsatte barn er under utarbeidelse. "
        "Planlagt ferdigstilling er andre halvdel av 2024.",
        "Arbeidet med veileder for risikovurdering og oppfølging av trusselutsatte barn har tatt lengre "
        "tid enn planlagt, og veilederen ble ikke ferdigstilt i andre halvdel av 2024 slik det var "
        "forutsatt. Veilederen ventes nå ferdigstilt i løpet av første halvår 2025.",
        "guide promised H2 2024 NOT delivered, now expected H1 2025")
    rep.replace_para(
        "12", "NOVA har fått i oppdrag å evaluere bruken av adressesperre…",
        "NOVA leverte evalueringen av bruken av adressesperre og skjult adresse etter barnevernsloven "
        "våren 2024. Evalueringen gir et bedre kunnskapsgrunnlag om omfanget av bruken, om hva som "
        "kjennetegner sakene og om samarbeidet mellom politiet og barnevernstjenesten. Regjeringen følger "
        "opp evalueringen med relevante tiltak.",
        "NOVA evaluation delivered spring 2024 as promised")

    rep.set_status("13", PAGAAR, FERDIG)
    rep.set_responsible("13", "KUD", "BFD", table_old="KUD", table_new="BFD")
    rep.replace_para(
        "13", "Ved årsskiftet 2023-2024 har til sammen 55 kommuner…",
        "Ved utgangen av 2024 hadde til sammen 84 kommuner startet opp, eller vedtatt oppstart av, "
        "TryggEst. TryggEst er dermed etablert som et varig system, og videre spredning til nye kommuner "
        "skjer innenfor Bufdirs ordinære arbeid.",
        "84 municipalities by end of 2024")
    rep.replace_para(
        "13", "I 2023 har det blitt gjennomført arbeid med å utvikle et opplæringsverktøy…",
        "Opplæringsverktøyet basert på kunstig intelligens, som er utviklet med midler fra "
        "Stimulab-ordningen, ble lansert i 2024. Verktøyet skal styrke ansatte i TryggEst-team, "
        "studenter, ansatte innen helse- og omsorgstjenester, frivillige organisasjoner m.m. i å finne "
        "riktige tiltak ved vold og overgrep mot sårbare og risikoutsatte voksne. Minoritetsperspektivet "
        "er inkludert i verktøyet.",
        "AI training tool launched in 2024 as promised")

    rep.set_status("14", PAGAAR, FERDIG)
    rep.replace_in_section(
        "14",
        "Kripos arrangerte en nasjonal fagsamling på fagområdet høsten 2023 med deltagere fra "
        "politidistriktene.",
        "Kripos arrangerte nasjonale fagsamlinger på fagområdet høsten 2023 og høsten 2024 med deltagere "
        "fra politidistriktene.",
        "first sentence updated (gatherings 2023 and 2024)")
    rep.add_para_after(
        "14", "Kompetanseteamet mot negativ sosial kontroll og æresrelatert vold har opplevd en sterk økning…",
        "Kompetansehevingen om negativ sosial kontroll og æresrelatert vold er innarbeidet i politiets "
        "ordinære opplæring, og tiltaket regnes som gjennomført.",
        "new closing paragraph")

    rep.set_status("15", PAGAAR, FERDIG)
    rep.replace_para(
        "15", "Det arbeides med ferdigstilling av en felles nasjonal opplæring…",
        "Den felles nasjonale opplæringen i risikovurderingsarbeidet ble ferdigstilt i 2024 og er tatt i "
        "bruk i politidistriktene. Skjemaet som brukes i vurderingene er overført til digital plattform, "
        "for å gjøre arbeidet enklere å utføre og bidra til god oversikt over iverksatte vurderinger. "
        "Politiet har i 2024 forberedt implementeringen av omvendt voldsalarm (OVA) ved besøksforbud i "
        "distriktene.",
        "national training finished in 2024")

    rep.set_status("16", PAGAAR, FERDIG)

    rep.set_status("17", PAGAAR, FERDIG)
    rep.replace_para(
        "17", "Helsedirektoratet har i 2023, på oppdrag fra Helse- og omsorgsdepartementet…",
        "Helsedirektoratet gjennomførte, på oppdrag fra Helse- og omsorgsdepartementet og med innspill fra "
        "NKVTS, en spørreundersøkelse om helsetjenestetilbudet til personer som er kjønnslemlestet. "
        "Undersøkelsen omfattet både den kommunale helse- og omsorgstjenesten og spesialisthelsetjenesten, "
        "og svarfristen var 15. januar 2024. Helsedirektoratet oppsummerte resultatene i en rapport til "
        "departementet høsten 2024. Resultatene er et viktig grunnlag for videreutviklingen av "
        "behandlingstilbudet til kjønnslemlestede jenter og kvinner, som følges opp i de regionale "
        "helseforetakenes ordinære arbeid.",
        "survey results reported autumn 2024")

    rep.set_status("18", PAGAAR, VIDERE)
    rep.replace_para(
        "18", "På oppdrag fra Bufdir er Velferdsforskningsinstituttet NOVA…",
        "På oppdrag fra Bufdir gjennomfører Velferdsforskningsinstituttet NOVA ved OsloMet en studie av "
        "negativ sosial kontroll i ulike tros- og livssynssamfunn. Datainnsamlingen, med om lag 20 "
        "intervjuer med unge og voksne som har blitt utsatt for vold, tvang, press eller manipulering, ble "
        "gjennomført i 2024. Prosjektets arbeidstittel er: «Begrensinger, krenkelser og rettighetsbrudd i "
        "trossamfunn: En kvalitativ studie fra tidligere trossamfunnsmedlemmer.» Rapporten leveres som "
        "planlagt i juni 2025, og tiltaket videreføres i ny handlingsplan.",
        "data collection done, report still due June 2025")

    rep.set_status("19", PAGAAR, VIDERE)
    rep.set_responsible("19", "BFD, i samarbeid med HOD og AID", "BFD, i samarbeid med AID og KD")
    rep.replace_para(
        "19", "Samarbeidsrådet for tros- og livssynssamfunn (STL) har gjennom flere år…",
        "Samarbeidsrådet for tros- og livssynssamfunn (STL) har også i 2024 mottatt tilskudd til å "
        "videreutvikle kursopplegget om negativ sosial kontroll i tros- og livssynssamfunnene og i "
        "hjelpetjenestene, i samarbeid med organisasjonen Hjelpekilden. Hjelpekilden tilbyr bistand til "
        "mennesker med bakgrunn fra lukkede eller strenge religiøse miljøer, og har i 2024 holdt foredrag "
        "og fagdager om tematikken for tjenesteapparatet. Kunnskapsdepartementet er trukket inn i arbeidet "
        "for å se opplæringstiltakene i sammenheng med ressursene om negativ sosial kontroll for skolen. "
        "Arbeidet videreføres i ny handlingsplan.",
        "rewritten for 2024 (KD joins)")

    rep.set_status("20", PAGAAR, VIDERE)
    rep.replace_para(
        "20", "Arbeidet med veilederen er påbegynt.",
        "Arbeidet med ny veileder for tros- og livssynssamfunn har tatt lengre tid enn planlagt. Et utkast "
        "med et eget kapittel om negativ sosial kontroll, æresrelatert vold, tvangsekteskap og "
        "kjønnslemlestelse er under utarbeidelse i Barne- og familiedepartementet. Veilederen skal etter "
        "planen ferdigstilles i 2025, og tiltaket videreføres i ny handlingsplan.",
        "guide delayed, due 2025")

    # --- Innsatsområde 3 ---------------------------------------------------
    rep.set_status("21", PAGAAR, FERDIG)
    rep.replace_para(
        "21", "[Lovutvalget](#) startet arbeidet i februar 2022. Utvalgets frist for å levere sin utredning "
        "er utsatt fra 30. november 2023 til våren 2024.",
        "[Lovutvalget](#) startet arbeidet i februar 2022. Utvalgets frist for å levere sin utredning ble "
        "utsatt fra 30. november 2023, og utvalget la fram sin utredning [NOU 2024: 13 Lov og frihet](#) "
        "24. juni 2024. Utvalget foreslår blant annet endringer i straffeloven, slik at bestemmelsene om "
        "mishandling i nære relasjoner bedre tilpasses særtrekk ved æresmotivert vold, og endringer i "
        "barneloven og barnevernsloven for å styrke rettsvernet for barn og unge, blant annet ved "
        "ufrivillig utenlandsopphold. Utredningen var på offentlig høring med frist 28. oktober 2024. "
        "Departementene vurderer nå oppfølgingen av forslagene.",
        "NOU 2024: 13 delivered 24 June 2024 (promised spring 2024)")

    rep.set_status("23", PAGAAR, VIDERE)
    rep.replace_para(
        "23", "Et forslag om å unnta frihetsberøvelse og mishandling i nære relasjoner…",
        "Forslaget om å unnta frihetsberøvelse og mishandling i nære relasjoner fra kravet om dobbel "
        "straffbarhet, som ble sendt på høring høsten 2020, ligger fortsatt til vurdering i departementet. "
        "Spørsmålet ses nå i sammenheng med oppfølgingen av lovutvalgets utredning, jf. tiltak 21. "
        "Tiltaket videreføres i ny handlingsplan.",
        "still under assessment, linked to NOU follow-up")

    rep.set_status("25", PAGAAR, IKKE)
    rep.replace_para(
        "25", "Arbeids- og inkluderingsdepartementet har hatt forslag om endringer i sosialtjenesteloven…",
        "Arbeids- og inkluderingsdepartementet har hatt forslag om endringer i sosialtjenesteloven §§ 18 og "
        "22 på offentlig høring. I lys av høringsuttalelsene var det usikkert om intensjonen med forslagene "
        "best ville oppnås med de foreslåtte endringene. Det ble derfor besluttet å ikke arbeide videre med "
        "en lovproposisjon til Stortinget. Departementet har heller ikke funnet grunnlag for å iverksette "
        "egne tiltak innenfor rammene av dagens regelverk i planperioden. Tiltaket er dermed ikke "
        "gjennomført slik det er beskrevet i handlingsplanen.",
        "first paragraph ends with 'ikke gjennomført'; second kept")

    # --- Innsatsområde 4 ---------------------------------------------------
    rep.set_status("26", PAGAAR, FERDIG)

    rep.set_status("27", PAGAAR, FERDIG)
    rep.replace_in_section(
        "27", "I 2023 veiledet teamet totalt 311 saker slike saker.",
        "I 2024 veiledet teamet totalt 334 slike saker.",
        "one sentence updated (2024 case count)")
    rep.add_para_after(
        "27", "Tiltaket ivaretas gjennom FOU-prosjektet…",
        "Informasjonen om ufrivillige utenlandsopphold er i 2024 samordnet med den felles strategien for å "
        "gjøre de særskilte tjenestene bedre kjent, jf. tiltak 8.",
        "new paragraph linking to measure 8")

    rep.set_status("28", PAGAAR, FERDIG)
    rep.replace_in_section(
        "28", "Endelig rapport foreligger i februar 2024.",
        "Endelig rapport ble levert i februar 2024. Rapporten inneholder blant annet en vurdering av "
        "ordningen med spesialutsendinger for integreringssaker (tidligere integreringsrådgivere) ved "
        "utenriksstasjonene. Anbefalingene følges opp av Arbeids- og inkluderingsdepartementet og "
        "Utenriksdepartementet.",
        "ISF report delivered February 2024 as promised")

    rep.set_status("29", PAGAAR, FERDIG)
    rep.replace_in_section(
        "29", "Endelig rapport foreligger i februar 2024.",
        "Endelig rapport ble levert i februar 2024. Rapporten gir ny kunnskap om årsaker til og "
        "konsekvenser av at kvinner og barn blir holdt tilbake eller etterlatt i utlandet, og foreslår "
        "forebyggende tiltak. Funnene inngår i kunnskapsgrunnlaget for det videre arbeidet mot ufrivillige "
        "utenlandsopphold.",
        "ISF report delivered February 2024 as promised")

    # --- Innsatsområde 5 ---------------------------------------------------
    # One word changed inside an otherwise unchanged long paragraph.
    rep.replace_in_section("31", "Det er 18 deltakere i nettverket", "Det er 20 deltakere i nettverket",
                           "one word (18 → 20 participants) in a long paragraph")

    rep.set_status("33", PAGAAR, VIDERE)
    rep.replace_para(
        "33", "I 2023 ble det gjennomført bilaterale samtaler på politisk nivå…",
        "I 2024 deltok Norge på embetsnivå i møter om integrering i regi av Nordisk ministerråd, der "
        "arbeidet mot negativ sosial kontroll og æresrelatert vold inngikk. Det har i tillegg vært "
        "bilateral erfaringsutveksling med svenske og danske myndigheter om tiltak mot æresrelatert vold. "
        "Det internasjonale samarbeidet er løpende og videreføres i ny handlingsplan.",
        "rewritten for 2024")


# ------------------------------------------------------------- summary + checks
def overview_statuses(rep: Report) -> "OrderedDict[str, tuple[str, str, str]]":
    t0, t1 = rep.regions()["table"]
    rows: "OrderedDict[str, tuple[str, str, str]]" = OrderedDict()
    for i in range(t0, t1):
        cells = rep.lines[i].split("\t")
        if len(cells) == 4 and cells[0].isdigit():
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


def summary_sentence(counts: Counter, total: int) -> str:
    unknown = set(counts) - set(STATUS_ORDER)
    if unknown:
        fail(f"status words without a place in the summary sentence: {sorted(unknown)}")
    parts = [f"{counts[s]} {s.lower()}" for s in STATUS_ORDER if counts[s]]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
    return f"Av totalt {total} tiltak i handlingsplanen er {listed}."


def edit_summary(rep: Report) -> Counter:
    rows = overview_statuses(rep)
    counts = Counter(status for _, _, status in rows.values())
    rep.replace_block(
        "overview",
        "Av totalt 33 tiltak i handlingsplanen er 26 pågående og 7 tiltak er ferdigstilt.",
        summary_sentence(counts, len(rows)),
        "summary sentence",
    )
    return counts


def check(rep: Report) -> None:
    """Self-consistency of the produced text (fails loudly)."""
    rows = overview_statuses(rep)
    if list(rows) != [str(i) for i in range(1, 34)]:
        fail(f"overview rows are not 1..33: {list(rows)}")
    sections = rep.all_sections()
    section_status: dict[str, str] = {}
    section_lead: dict[str, str] = {}
    for mid, sec in sections.items():
        st = re.findall(r"^Status: (.+)$", sec, re.M)
        an = re.findall(r"^Ansvarlig: (.+)$", sec, re.M)
        if st:
            section_status[mid] = st[0]
        if an:
            section_lead[mid] = re.split(r"[ ,]", an[0])[0]
    for nr, (_title, resp, status) in rows.items():
        subs = [m for m in section_status if re.fullmatch(nr + r"[a-z]", m)]
        if nr in section_status:
            if section_status[nr] != status:
                fail(f"measure {nr}: table says {status!r}, section says {section_status[nr]!r}")
        elif subs:
            if {section_status[m] for m in subs} != {status}:
                fail(f"measure {nr}: table {status!r} vs sub-measures "
                     f"{[section_status[m] for m in subs]}")
        else:
            fail(f"measure {nr}: no status anywhere in its section")
        if nr in section_lead and section_lead[nr] not in resp:
            fail(f"measure {nr}: lead {section_lead[nr]} not in table column {resp!r}")
    counts = Counter(s for _, _, s in rows.values())
    if counts[IKKE] != 1 or counts[VIDERE] < 3:
        fail(f"unexpected status mix: {dict(counts)}")
    # TOC title = heading title for the retitled measure.
    toc = rep.lines[rep.toc_line("8")].split("\t")[0].rstrip(".")
    if not toc.endswith(rows["8"][0]) or rep.lines[rep.section("8")[0]] != toc:
        fail("measure 8: TOC, table and heading titles differ")


def unchanged_measures(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Leaf measures whose section text (heading, description, Ansvarlig,
    progress; the Status line ignored) is identical to 2023 after the layout
    joins."""
    strip = lambda s: re.sub(r"^Status: .*$", "", s, flags=re.M)  # noqa: E731
    return [m for m in before if m in after and strip(before[m]) == strip(after[m])
            and "Status:" in before[m]]


def edit_table(rep: Report, before: dict[str, str], unchanged: list[str]) -> str:
    """Markdown table: every measure with its 2023 → 2024 status and the edits
    applied to it (stable, machine-checkable)."""
    rows = overview_statuses(rep)
    after = rep.all_sections()
    out = ["| measure | status 2023 → 2024 | responsible | title | text |", "|---|---|---|---|---|"]
    for mid in after:
        f = rep.log.get(mid, {})
        if "status" in f:
            status = "; ".join(f["status"])
        else:
            st = re.findall(r"^Status: (.+)$", after[mid], re.M)
            status = f"{st[0] if st else rows[mid][2] if mid in rows else '(no status)'} (unchanged)"
        text = "; ".join(f.get("text", []))
        if not text:
            if mid in unchanged:
                text = "unchanged"
            elif "Status:" not in after[mid]:
                text = "parent heading only (its status lives in the overview row)"
            else:
                text = "—"
        cell = lambda k: "; ".join(f.get(k, [])) or "—"  # noqa: E731
        out.append(f"| {mid} | {status} | {cell('responsible')} | {cell('title')} | {text} |")
    out.append("")
    out.append(f"{len(unchanged)} measures keep their description and progress text word for word "
               "(only re-flowed): " + ", ".join(unchanged) + ".")
    return "\n".join(out)


def update_readme(table: str, write: bool) -> None:
    begin, end = "<!-- edits:begin -->", "<!-- edits:end -->"
    if not README.exists():
        print(f"note: {README} does not exist; edit table not checked", file=sys.stderr)
        return
    text = README.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        print(f"warning: {README} has no {begin}/{end} block", file=sys.stderr)
        return
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = f"{head}{begin}\n{table}\n{end}{tail}"
    if new == text:
        return
    if write:
        README.write_text(new, encoding="utf-8")
        print(f"updated the edit table in {README}")
    else:
        print(f"warning: the edit table in {README} is out of date "
              f"(run with --update-readme)", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="the 2023 report text")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--update-readme", action="store_true",
                    help="rewrite the edit table in inputs/README.md")
    args = ap.parse_args()

    src = args.source or next((p for p in SOURCE_CANDIDATES if p.exists()), None)
    if src is None or not src.exists():
        print("error: the 2023 report text was not found (tried "
              + ", ".join(map(str, SOURCE_CANDIDATES)) + ")", file=sys.stderr)
        return 2
    text = src.read_text(encoding="utf-8")
    rep = Report(text)
    try:
        joined = join_page_splits(rep)
        before = rep.all_sections()
        edit_front_matter(rep)
        edit_measures(rep)
        counts = edit_summary(rep)
        check(rep)
    except EditError as e:
        print(f"error: {src}: {e}", file=sys.stderr)
        return 2
    unchanged = unchanged_measures(before, rep.all_sections())
    if len(unchanged) < 8:
        print(f"error: only {len(unchanged)} measures left unchanged", file=sys.stderr)
        return 2

    out = "\n".join(rep.lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(out, encoding="utf-8")
    tmp.replace(args.out)

    table = edit_table(rep, before, unchanged)
    print(f"source: {src}")
    print(f"wrote:  {args.out} (SYNTHETIC stand-in, not an official document)")
    print(f"layout: joined {len(joined)} paragraphs split by 2023 page breaks")
    print("status counts: " + ", ".join(f"{s}={counts[s]}" for s in STATUS_ORDER))
    print(next(l for l in rep.lines if l.startswith("Av totalt")))
    print()
    print(table)
    update_readme(table, args.update_readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
