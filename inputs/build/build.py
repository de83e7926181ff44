#!/usr/bin/env python3
"""Build the input PDFs of this repository from the plain-text report sources.

One entry point:

    python3 inputs/build/build.py            # rebuild every PDF (see TARGETS)
    python3 inputs/build/build.py --source X.txt --producer chromium \
            --style final --out Y.pdf         # render one source
    python3 inputs/build/build.py --verify   # only re-check existing PDFs

Only the Python standard library is used.  External programs: LibreOffice
(soffice/libreoffice), Chromium, and poppler-utils (pdftotext/pdfinfo).
See inputs/build/README.md.
"""

import argparse
import difflib
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
# The 2023 source text is kept in the repository (copied verbatim from the shared
# reference); the shared file is only compared against, if it exists.
SOURCE_2023 = os.path.join(HERE, "sources", "frihet-status-2023.txt")
SHARED_REFERENCE_2023 = "/work/shared/reference/frihet-status-2023.txt"

# Fixed document date written into the PDF metadata (Info dictionary) so that
# rebuilding produces byte-identical files where the producer allows it.
FIXED_PDF_DATE = "20240315120000"

MAX_PASSES = 4


# --------------------------------------------------------------------------
# Source model
# --------------------------------------------------------------------------

@dataclass
class TocEntry:
    title: str          # title exactly as in the source's TOC (leader dots removed)
    page: str           # page number printed in the source's TOC (initial guess)
    level: int
    heading_index: Optional[int] = None   # index into Doc.headings


@dataclass
class Block:
    kind: str           # h | p | meta | list | table | dept
    text: str = ""
    level: int = 0      # for headings
    label: str = ""     # for meta ("Status" / "Ansvarlig")
    items: List[str] = field(default_factory=list)          # for lists
    rows: List[List[str]] = field(default_factory=list)     # for tables (row 0 = header)
    anchor: str = ""    # for headings


@dataclass
class Doc:
    title: str                  # markup text, may contain newlines
    subtitles: List[str]
    toc_heading: str
    toc: List[TocEntry]
    blocks: List[Block]
    headings: List[Block]
    joins: List[Tuple[str, str]]  # (end of first, start of second) for README/report

    @property
    def title_plain(self):
        return " ".join(strip_markup(self.title).split())

    @property
    def subtitle_plain(self):
        return " – ".join(" ".join(strip_markup(s).split()) for s in self.subtitles)

    @property
    def title_short(self):
        # running-header form: plan title without a trailing "(2021-2024)"
        return re.sub(r"\s*\([^()]*\d{4}[^()]*\)\s*$", "", self.title_plain)


TERMINAL = tuple(".:;?!»)]”\"'…")
# Norwegian function words: a paragraph ending in one of these was cut by a page
# break even if the continuation starts with a capital (e.g. "... fra" /
# "Kompetanseteamet, RVTS og andre.").
FUNCTION_WORDS = set("""
og i fra til av for med om på som at en et ei det den de der eller men å ved mot
under over etter hos uten mellom gjennom samt blant både når hvis fordi slik er har
vil skal kan ble var jf. f.eks. bl.a. dette disse denne sin sitt sine deres
""".split())


def strip_markup(s: str) -> str:
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\*([^*]+)\*", r"\1", s, flags=re.S)
    return s


def heading_level(title: str) -> int:
    t = title.strip()
    if re.match(r"^Tiltak\s+\d+\s*[a-zæøå]\)", t):
        return 3
    if re.match(r"^Tiltak\s+\d+\s*[.:]", t):
        return 2
    return 1


HEADING_PATTERN = re.compile(
    r"^(Tiltak\s+\d+\s*[a-zæøå]\)|Tiltak\s+\d+\s*[.:]|Innsatsområde\s+\d+\s*[.:])\s+\S")
TOC_LINE = re.compile(r"^(.*?)\t+\s*(\d+)\s*$")
META_LINE = re.compile(r"^(Status|Ansvarlig)\s*:\s*(.*)$", re.S)
DEPT_LINE = re.compile(r"^[A-ZÆØÅ][^.\t\n]{2,90}\s\([A-Za-zÆØÅæøå][A-Za-zÆØÅæøå\-]{0,12}\)$")
LIST_LINE = re.compile(r"^[-•]\s+")


def norm_cmp(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm_cmp(a).lower(), norm_cmp(b).lower()).ratio()


def parse_source(path: str) -> Doc:
    raw = open(path, encoding="utf-8").read().replace("\r\n", "\n").replace("\r", "\n")
    raw = raw.replace("\ufeff", "")
    chunks = [c.strip("\n") for c in re.split(r"\n[ \t]*\n", raw)]
    chunks = [c for c in chunks if c.strip()]

    def is_toc_chunk(c):
        lines = [l for l in c.split("\n") if l.strip()]
        return bool(lines) and all(TOC_LINE.match(l) for l in lines)

    def is_table_chunk(c):
        lines = [l for l in c.split("\n") if l.strip()]
        return bool(lines) and all("\t" in l for l in lines) and not is_toc_chunk(c)

    # ---- front matter: title page blocks, TOC heading, TOC lines
    first_toc = next((i for i, c in enumerate(chunks) if is_toc_chunk(c)), None)
    if first_toc is None or first_toc < 2:
        raise SystemExit(f"{path}: cannot find the table of contents (lines 'Title<TAB>page')")
    toc_heading = chunks[first_toc - 1].strip()
    front = chunks[:first_toc - 1]
    title, subtitles = front[0], front[1:]
    i = first_toc
    toc: List[TocEntry] = []
    while i < len(chunks) and is_toc_chunk(chunks[i]):
        for line in chunks[i].split("\n"):
            if not line.strip():
                continue
            m = TOC_LINE.match(line)
            t = re.sub(r"\s*\.{2,}\s*$", "", m.group(1)).strip()
            toc.append(TocEntry(title=t, page=m.group(2), level=heading_level(t)))
        i += 1
    body = chunks[i:]

    # ---- body blocks
    toc_titles = [e.title for e in toc]
    blocks: List[Block] = []
    j = 0
    while j < len(body):
        c = body[j]
        if is_table_chunk(c):
            lines = []
            while j < len(body) and is_table_chunk(body[j]):
                lines += [l for l in body[j].split("\n") if l.strip()]
                j += 1
            ncol = len(lines[0].split("\t"))
            rows = []
            for l in lines:
                cells = [x.strip() for x in l.split("\t")]
                cells = (cells + [""] * ncol)[:ncol] if len(cells) <= ncol else cells[:ncol - 1] + [" ".join(cells[ncol - 1:])]
                rows.append(cells)
            blocks.append(Block("table", rows=rows))
            continue
        j += 1
        lines = c.split("\n")
        if all(LIST_LINE.match(l) for l in lines if l.strip()):
            blocks.append(Block("list", items=[LIST_LINE.sub("", l).strip() for l in lines if l.strip()]))
            continue
        if any(LIST_LINE.match(l) for l in lines):
            # paragraph lines followed by list lines inside one block
            para, items = [], []
            for l in lines:
                if LIST_LINE.match(l):
                    items.append(LIST_LINE.sub("", l).strip())
                elif items:
                    items[-1] += " " + l.strip()
                else:
                    para.append(l.strip())
            if para:
                blocks.append(Block("p", text=" ".join(para)))
            blocks.append(Block("list", items=items))
            continue
        text = " ".join(l.strip() for l in lines)
        m = META_LINE.match(text)
        if m and len(text) < 200:
            blocks.append(Block("meta", label=m.group(1), text=m.group(2).strip()))
            continue
        single = len(lines) == 1 and len(text) < 300 and not text.rstrip().endswith(".")
        if single and (HEADING_PATTERN.match(text) or
                       any(similar(text, t) > 0.85 for t in toc_titles)):
            blocks.append(Block("h", text=text, level=heading_level(text)))
            continue
        blocks.append(Block("p", text=text))

    # ---- join paragraphs split by a page break in the original
    joins = []
    out: List[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind == "p" and prev is not None and prev.kind in ("p", "list"):
            prev_text = prev.text if prev.kind == "p" else prev.items[-1]
            last_word = prev_text.rstrip().split()[-1].lower() if prev_text.strip() else ""
            first = b.text.lstrip()[:1]
            if not prev_text.rstrip().endswith(TERMINAL) and (
                    first.islower() or last_word in FUNCTION_WORDS):
                joins.append((prev_text[-40:], b.text[:40]))
                if prev.kind == "p":
                    prev.text = prev_text.rstrip() + " " + b.text.lstrip()
                else:
                    prev.items[-1] = prev_text.rstrip() + " " + b.text.lstrip()
                continue
        out.append(b)
    blocks = out

    # ---- department list: runs of >= 3 "Name (ABBR)" paragraphs
    k = 0
    while k < len(blocks):
        n = k
        while n < len(blocks) and blocks[n].kind == "p" and DEPT_LINE.match(blocks[n].text):
            n += 1
        if n - k >= 3:
            for q in range(k, n):
                blocks[q].kind = "dept"
        k = max(n, k + 1)

    headings = [b for b in blocks if b.kind == "h"]
    for n, h in enumerate(headings):
        h.anchor = f"h{n + 1:03d}"

    # ---- align TOC entries with body headings (in order, fuzzy)
    cursor = 0
    for e in toc:
        best, best_r = None, 0.0
        for hi in range(cursor, min(len(headings), cursor + 6)):
            r = similar(e.title, headings[hi].text)
            if r > best_r:
                best, best_r = hi, r
            if r > 0.97:
                break
        if best is None or best_r < 0.7:
            raise SystemExit(f"{path}: TOC entry without heading: {e.title!r}")
        e.heading_index = best
        cursor = best + 1
    return Doc(title=title, subtitles=subtitles, toc_heading=toc_heading, toc=toc,
               blocks=blocks, headings=headings, joins=joins)


# --------------------------------------------------------------------------
# Inline markup
# --------------------------------------------------------------------------

INLINE = re.compile(r"\[(?P<lt>[^\]]+)\]\((?P<lu>[^)]*)\)|\*(?P<it>[^*]+)\*", re.S)


def inline_spans(s: str, italic=False, href=None):
    """-> list of (text, italic, href)"""
    spans = []
    pos = 0
    for m in INLINE.finditer(s):
        if m.start() > pos:
            spans.append((s[pos:m.start()], italic, href))
        if m.group("lt") is not None:
            spans += inline_spans(m.group("lt"), italic, link_url(m.group("lt"), m.group("lu")))
        else:
            spans += inline_spans(m.group("it"), True, href)
        pos = m.end()
    if pos < len(s):
        spans.append((s[pos:], italic, href))
    return spans


def slugify(s: str, maxlen=70) -> str:
    s = strip_markup(s).lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ö", "o"), ("é", "e")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > maxlen:
        s = s[:maxlen].rsplit("-", 1)[0]
    return s or "dokument"


def link_url(text: str, target: str) -> str:
    """The sources only carry '(#)'; give each link a stable, real-looking URL."""
    if target and target != "#" and re.match(r"^https?://", target):
        return target
    slug = slugify(text)
    h = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)
    low = text.lower()
    if any(w in low for w in ("rapport", "evaluering", "kartlegge", "bedre beskyttelse", "vil gjerne", "informasjonstiltak")):
        return f"https://www.imdi.no/om-imdi/rapporter/{slug}/"
    if any(w in low for w in ("udir", "nettside")):
        return f"https://www.udir.no/laring-og-trivsel/{slug}/"
    if "buffer" in low or "podcast" in low:
        return f"https://www.bufdir.no/podkast/{slug}/"
    return f"https://www.regjeringen.no/no/dokumenter/{slug}/id{2900000 + h % 99999}/"


# --------------------------------------------------------------------------
# LibreOffice (Flat ODT)
# --------------------------------------------------------------------------

def x(s: str) -> str:
    return html.escape(s, quote=True)


NOBREAK_AT = re.compile(r"(?<=\w)([-/–])(?=\w)")


def odt_text(s: str) -> str:
    """escape + ODF whitespace rules (runs of spaces, tabs, newlines).  A WORD JOINER
    (U+2060; zero width, not part of the PDF text layer) follows every hyphen, slash
    or dash inside a word, so that lines only end at spaces or at automatic
    hyphenation points."""
    s = NOBREAK_AT.sub("\\1\u2060", s)
    out = []
    for part in re.split(r"(\n|\t| {2,})", s):
        if part == "\n":
            out.append("<text:line-break/>")
        elif part == "\t":
            out.append("<text:tab/>")
        elif part.startswith("  "):
            out.append(f' <text:s text:c="{len(part) - 1}"/>')
        else:
            out.append(x(part))
    return "".join(out)


def odt_inline(s: str, keep_newlines=False) -> str:
    if not keep_newlines:
        s = " ".join(s.split())
    res = []
    for text, it, href in inline_spans(s):
        t = odt_text(text)
        if it:
            t = f'<text:span text:style-name="Emphasis">{t}</text:span>'
        if href:
            t = (f'<text:a xlink:type="simple" xlink:href="{x(href)}" '
                 f'text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">{t}</text:a>')
        res.append(t)
    return "".join(res)


PAGE_W, PAGE_H = 21.0, 29.7
LO_MARGIN_L, LO_MARGIN_R = 2.5, 2.5
LO_TEXT_W = PAGE_W - LO_MARGIN_L - LO_MARGIN_R


def render_fodt(doc: Doc, toc_pages: List[str]) -> str:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
          'xmlns:officeooo="http://openoffice.org/2009/office"')
    lang = 'fo:language="nb" fo:country="NO"'
    blue = "#1f3864"

    def contents_style(level):
        indent = [0.0, 0.0, 0.5, 1.0][level]
        tab = LO_TEXT_W - indent
        return f'''
  <style:style style:name="Contents_20_{level}" style:display-name="Contents {level}" style:family="paragraph" style:parent-style-name="Index" style:class="index">
   <style:paragraph-properties fo:margin-left="{indent}cm" fo:margin-right="1cm" fo:text-indent="0cm" fo:margin-top="{'0.14' if level == 1 else '0.04'}cm" fo:margin-bottom="0.04cm" fo:text-align="start">
    <style:tab-stops><style:tab-stop style:position="{tab:.2f}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties fo:font-size="{'10.5' if level == 1 else '10'}pt" {'fo:font-weight="bold"' if level == 1 else ''} fo:hyphenate="false"/>
  </style:style>'''

    styles = f'''
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
  <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="2" style:writing-mode="lr-tb" style:tab-stop-distance="1.25cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" {lang} fo:hyphenate="false" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3" loext:hyphenation-no-caps="true"/>
  </style:default-style>
  <style:default-style style:family="table-cell">
   <style:text-properties {lang}/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.24cm" fo:line-height="125%" fo:text-align="start" fo:orphans="2" fo:widows="2"/>
   <style:text-properties fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
  </style:style>
  <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
   <style:paragraph-properties fo:margin-bottom="0.12cm" fo:text-align="start"/>
  </style:style>
  <style:style style:name="Metadata" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/>
  </style:style>
  <style:style style:name="Metadata_20_Last" style:display-name="Metadata Last" style:family="paragraph" style:parent-style-name="Metadata">
   <style:paragraph-properties fo:margin-bottom="0.3cm" fo:keep-with-next="auto"/>
  </style:style>
  <style:style style:name="Department" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
  </style:style>
  <style:style style:name="Department_20_Keep" style:display-name="Department Keep" style:family="paragraph" style:parent-style-name="Department" style:class="text">
   <style:paragraph-properties fo:keep-with-next="always"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always" fo:keep-together="always" fo:text-align="start"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" fo:color="{blue}" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.3cm"/>
   <style:text-properties fo:font-size="16pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
   <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm"/>
   <style:text-properties fo:font-size="12.5pt"/>
  </style:style>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.18cm"/>
   <style:text-properties fo:font-size="11pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
   <style:paragraph-properties fo:margin-top="6.5cm" fo:margin-bottom="1.2cm" fo:line-height="115%" fo:text-align="start"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="28pt" fo:font-style="italic" fo:font-weight="bold" fo:color="{blue}" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
   <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:text-align="start"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:color="#404040" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Subtitle_20_Lead" style:display-name="Subtitle Lead" style:family="paragraph" style:parent-style-name="Subtitle" style:class="chapter">
   <style:paragraph-properties fo:margin-bottom="0.6cm"/>
   <style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="{blue}"/>
  </style:style>
  <style:style style:name="Index" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
   <style:text-properties fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="16pt"/>
  </style:style>
  {contents_style(1)}{contents_style(2)}{contents_style(3)}
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="start"/>
   <style:text-properties fo:font-size="9.5pt" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold" fo:color="#ffffff"/>
  </style:style>
  <style:style style:name="Table_20_Group" style:display-name="Table Group" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Table_20_Subgroup" style:display-name="Table Subgroup" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:padding-bottom="0.08cm" fo:border-bottom="0.5pt solid #808080">
    <style:tab-stops><style:tab-stop style:position="{LO_TEXT_W:.2f}cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties fo:font-size="8.5pt" fo:color="#505050" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Emphasis" style:family="text">
   <style:text-properties fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">
   <style:text-properties fo:color="#0563c1" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>
  </style:style>
  <style:style style:name="Visited_20_Internet_20_Link" style:display-name="Visited Internet Link" style:family="text">
   <style:text-properties fo:color="#0563c1" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>
  </style:style>
  <style:style style:name="Index_20_Link" style:display-name="Index Link" style:family="text"/>
  <style:style style:name="Bullet_20_Symbols" style:display-name="Bullet Symbols" style:family="text">
   <style:text-properties style:font-name="Liberation Sans"/>
  </style:style>
  <text:outline-style style:name="Outline">
   {"".join(f'<text:outline-level-style text:level="{l}" style:num-format=""><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:outline-level-style>' for l in range(1, 11))}
  </text:outline-style>
  <text:list-style style:name="Bullets">
   <text:list-level-style-bullet text:level="1" text:style-name="Bullet_20_Symbols" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.5cm" fo:margin-left="1cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="Title_20_Page"/>
  <style:style style:name="PTocHead" style:family="paragraph" style:parent-style-name="Contents_20_Heading" style:master-page-name="Standard">
   <style:paragraph-properties style:page-number="auto"/>
  </style:style>
  <style:style style:name="PBodyStart" style:family="paragraph" style:parent-style-name="Heading_20_1">
   <style:paragraph-properties fo:break-before="page" fo:margin-top="0cm"/>
  </style:style>
  <style:style style:name="SectToc" style:family="section">
   <style:section-properties style:editable="false"><style:columns fo:column-count="1" fo:column-gap="0cm"/></style:section-properties>
  </style:style>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="{LO_TEXT_W}cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.4cm" style:may-break-between-rows="true"/>
  </style:style>
  <style:style style:name="Tbl.A" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
  <style:style style:name="Tbl.B" style:family="table-column"><style:table-column-properties style:column-width="9.3cm"/></style:style>
  <style:style style:name="Tbl.C" style:family="table-column"><style:table-column-properties style:column-width="3.0cm"/></style:style>
  <style:style style:name="Tbl.D" style:family="table-column"><style:table-column-properties style:column-width="2.5cm"/></style:style>
  <style:style style:name="Tbl.R" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
  <style:style style:name="Tbl.Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:padding-top="0.06cm" fo:padding-bottom="0.06cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="Tbl.Head" style:family="table-cell">
   <style:table-cell-properties fo:background-color="{blue}" fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="Tbl.Group" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#d9e2f3" fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="Tbl.Sub" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#eef2f9" fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:page-layout style:name="pmTitle">
   <style:page-layout-properties fo:page-width="{PAGE_W}cm" fo:page-height="{PAGE_H}cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="{LO_MARGIN_L}cm" fo:margin-right="{LO_MARGIN_R}cm"/>
  </style:page-layout>
  <style:page-layout style:name="pmBody">
   <style:page-layout-properties fo:page-width="{PAGE_W}cm" fo:page-height="{PAGE_H}cm" style:print-orientation="portrait" fo:margin-top="1.3cm" fo:margin-bottom="1.2cm" fo:margin-left="{LO_MARGIN_L}cm" fo:margin-right="{LO_MARGIN_R}cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Title_20_Page" style:display-name="Title Page" style:page-layout-name="pmTitle" style:next-style-name="Standard"/>
  <style:master-page style:name="Standard" style:page-layout-name="pmBody">
   <style:header><text:p text:style-name="Header">{odt_text(doc.title_short)}<text:tab/>{odt_text(doc.subtitle_plain)}</text:p></style:header>
   <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>'''

    body = []
    # title page
    body.append(f'<text:p text:style-name="PTitle">{odt_inline(doc.title, keep_newlines=True)}</text:p>')
    for n, s in enumerate(doc.subtitles):
        st = "Subtitle_20_Lead" if n == 0 and len(doc.subtitles) > 1 else "Subtitle"
        body.append(f'<text:p text:style-name="{st}">{odt_inline(s, keep_newlines=True)}</text:p>')

    # table of contents (pre-filled index body with the source's TOC titles)
    tpl = []
    for lvl in (1, 2, 3):
        tpl.append(
            f'<text:table-of-content-entry-template text:outline-level="{lvl}" text:style-name="Contents_20_{lvl}">'
            '<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-chapter/>'
            '<text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
            '<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>')
    entries = []
    for e, pg in zip(doc.toc, toc_pages):
        h = doc.headings[e.heading_index]
        entries.append(
            f'<text:p text:style-name="Contents_20_{e.level}"><text:a xlink:type="simple" '
            f'xlink:href="#__RefHeading__{h.anchor}" text:style-name="Index_20_Link" '
            f'text:visited-style-name="Index_20_Link">{odt_text(strip_markup(e.title))}<text:tab/>{x(pg)}</text:a></text:p>')
    body.append(
        '<text:table-of-content text:style-name="SectToc" text:protected="true" text:name="Innholdsfortegnelse1">'
        '<text:table-of-content-source text:outline-level="3" text:use-index-marks="false">'
        f'<text:index-title-template text:style-name="Contents_20_Heading">{x(doc.toc_heading)}</text:index-title-template>'
        + "".join(tpl) +
        '</text:table-of-content-source><text:index-body>'
        '<text:index-title text:style-name="SectToc" text:name="Innholdsfortegnelse1_Head">'
        f'<text:p text:style-name="PTocHead">{odt_text(doc.toc_heading)}</text:p></text:index-title>'
        + "".join(entries) +
        '</text:index-body></text:table-of-content>')

    first_heading = True
    blocks = doc.blocks
    for bi, b in enumerate(blocks):
        if b.kind == "h":
            st = f"Heading_20_{b.level}"
            if first_heading:
                st = "PBodyStart"
                first_heading = False
            ref = f"__RefHeading__{b.anchor}"
            body.append(f'<text:h text:style-name="{st}" text:outline-level="{b.level}">'
                        f'<text:bookmark-start text:name="{ref}"/>{odt_inline(b.text)}'
                        f'<text:bookmark-end text:name="{ref}"/></text:h>')
        elif b.kind == "p":
            body.append(f'<text:p text:style-name="Text_20_body">{odt_inline(b.text)}</text:p>')
        elif b.kind == "dept":
            # keep the last two lines of the list together (no single-line widow)
            last2 = bi + 2 < len(blocks) and blocks[bi + 1].kind == "dept" and blocks[bi + 2].kind != "dept"
            st = "Department_20_Keep" if last2 else "Department"
            body.append(f'<text:p text:style-name="{st}">{odt_inline(b.text)}</text:p>')
        elif b.kind == "meta":
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            st = "Metadata" if (nxt is not None and nxt.kind == "meta") else "Metadata_20_Last"
            body.append(f'<text:p text:style-name="{st}"><text:span text:style-name="Strong_20_Emphasis">'
                        f'{x(b.label)}:</text:span> {odt_inline(b.text)}</text:p>')
        elif b.kind == "list":
            items = "".join(f'<text:list-item><text:p text:style-name="List_20_Paragraph">{odt_inline(it)}</text:p></text:list-item>'
                            for it in b.items)
            body.append(f'<text:list text:style-name="Bullets">{items}</text:list>')
        elif b.kind == "table":
            body.append(render_odt_table(b.rows))
    meta = (f'<office:meta><dc:title>{x(doc.title_plain)} – {x(doc.subtitle_plain)}</dc:title>'
            f'<dc:language>nb-NO</dc:language><meta:generator>inputs/build/build.py</meta:generator></office:meta>')
    settings = ('<office:settings><config:config-item-set config:name="ooo:configuration-settings" '
                'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
                '<config:config-item config:name="TabsRelativeToIndent" config:type="boolean">true</config:config-item>'
                '<config:config-item config:name="TabOverMargin" config:type="boolean">true</config:config-item>'
                '</config:config-item-set></office:settings>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ns} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">\n{meta}\n{settings}{styles}\n'
            f'<office:body><office:text>\n' + "\n".join(body) + '\n</office:text></office:body></office:document>\n')


def is_group_row(row):
    return bool(row[0].strip()) and all(not c.strip() for c in row[1:])


def render_odt_table(rows):
    ncol = len(rows[0])
    cols = "".join(f'<table:table-column table:style-name="Tbl.{chr(65 + i)}"/>' for i in range(min(ncol, 4)))
    if ncol > 4:
        cols += f'<table:table-column table:style-name="Tbl.C" table:number-columns-repeated="{ncol - 4}"/>'
    head = "".join(f'<table:table-cell table:style-name="Tbl.Head" office:value-type="string">'
                   f'<text:p text:style-name="Table_20_Heading">{odt_inline(c)}</text:p></table:table-cell>' for c in rows[0])
    out = [f'<table:table table:name="Oversikt" table:style-name="Tbl">{cols}'
           f'<table:table-header-rows><table:table-row table:style-name="Tbl.R">{head}</table:table-row></table:table-header-rows>']
    for r in rows[1:]:
        if is_group_row(r):
            sub = not re.match(r"^Innsatsområde", r[0])
            cst, pst = ("Tbl.Sub", "Table_20_Subgroup") if sub else ("Tbl.Group", "Table_20_Group")
            out.append(f'<table:table-row table:style-name="Tbl.R"><table:table-cell table:style-name="{cst}" '
                       f'table:number-columns-spanned="{ncol}" office:value-type="string">'
                       f'<text:p text:style-name="{pst}">{odt_inline(r[0])}</text:p></table:table-cell>'
                       + '<table:covered-table-cell/>' * (ncol - 1) + '</table:table-row>')
        else:
            cells = "".join(f'<table:table-cell table:style-name="Tbl.Cell" office:value-type="string">'
                            f'<text:p text:style-name="Table_20_Contents">{odt_inline(c)}</text:p></table:table-cell>' for c in r)
            out.append(f'<table:table-row table:style-name="Tbl.R">{cells}</table:table-row>')
    out.append('</table:table>')
    return "".join(out)


def lo_binary():
    for b in ("libreoffice", "soffice"):
        p = shutil.which(b)
        if p:
            return p
    raise SystemExit("LibreOffice not found (apt-get install libreoffice-writer)")


def run_libreoffice(fodt_path: str, outdir: str, profile: str) -> str:
    filt = ('pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"},'
            '"ExportNotes":{"type":"boolean","value":"false"},'
            '"EmbedStandardFonts":{"type":"boolean","value":"true"}}')
    cmd = [lo_binary(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", filt, "--outdir", outdir, fodt_path]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(fodt_path))[0] + ".pdf")
    if r.returncode != 0 or not os.path.exists(pdf):
        raise SystemExit(f"LibreOffice failed:\n{r.stdout}\n{r.stderr}")
    return pdf


# --------------------------------------------------------------------------
# Chromium (HTML)
# --------------------------------------------------------------------------

def h_inline(s: str, keep_newlines=False) -> str:
    if keep_newlines:
        s = "\n".join(" ".join(l.split()) for l in s.split("\n"))
    else:
        s = " ".join(s.split())
    res = []
    for text, it, href in inline_spans(s):
        t = html.escape(text, quote=False).replace("\n", "<br>")
        # words with an inner hyphen/slash/dash never break there (see odt_text)
        t = re.sub(r"[^\s<>]*\w[-/–]\w[^\s<>]*", lambda m: f'<span class="nw">{m.group(0)}</span>', t)
        if it:
            t = f"<em>{t}</em>"
        if href:
            t = f'<a href="{html.escape(href)}">{t}</a>'
        res.append(t)
    return "".join(res)


def h_inline_lines(s: str) -> str:
    return h_inline(s, keep_newlines=True)


def css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


CSS_STATUS = """
@page {
  size: A4; margin: 24mm 24mm 22mm 24mm;
  @top-center { content: %(header)s; font-family: "DejaVu Serif"; font-size: 7.5pt; color: #666;
                font-style: italic; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { content: "Side " counter(page) " av " counter(pages); font-family: "DejaVu Serif";
                   font-size: 8pt; color: #333; vertical-align: top; padding-top: 4mm; }
}
@page :first {
  @top-center { content: none; } @bottom-center { content: none; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.nw { white-space: nowrap; }
body { font-family: "DejaVu Serif", serif; font-size: 9.8pt; line-height: 1.42; color: #111;
       font-variant-ligatures: common-ligatures; font-feature-settings: "liga" 1, "clig" 1;
       text-rendering: optimizeLegibility; margin: 0; }
.titlepage { height: 240mm; break-after: page; display: flex; flex-direction: column; justify-content: center; }
.titlepage .title { font-size: 25pt; line-height: 1.25; font-style: italic; font-weight: normal; margin: 0 0 10mm 0; color: #7a1c1c; }
.titlepage .subtitle { font-size: 15pt; margin: 0; color: #333; }
.titlepage .subtitle.lead { font-size: 20pt; margin: 0 0 5mm 0; }
.toc { break-after: page; }
.toc h2.tochead { font-size: 17pt; font-weight: normal; margin: 0 0 6mm 0; color: #7a1c1c; }
.toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; margin: 0 0 1.3mm 0; font-size: 9.3pt; }
.toc a .t { flex: 0 1 auto; }
.toc a .lead { flex: 1 0 6mm; border-bottom: 1px dotted #888; margin: 0 1.5mm 0.9mm 1.5mm; }
.toc a .pg { flex: 0 0 auto; min-width: 6mm; text-align: right; }
.toc a.l1 { font-weight: bold; margin-top: 2.6mm; }
.toc a.l2 { padding-left: 6mm; }
.toc a.l3 { padding-left: 12mm; font-style: italic; }
h1, h2, h3 { font-family: "DejaVu Serif", serif; break-after: avoid; page-break-after: avoid; hyphens: manual; }
h1 { font-size: 14.5pt; font-weight: normal; color: #7a1c1c; border-bottom: 0.6pt solid #7a1c1c; padding-bottom: 1mm; margin: 8mm 0 3.5mm 0; }
h1.first { margin-top: 0; }
h2 { font-size: 11pt; font-weight: bold; margin: 6mm 0 2.5mm 0; }
h3 { font-size: 10pt; font-weight: bold; font-style: italic; margin: 4.5mm 0 2mm 0; }
p { margin: 0 0 2.6mm 0; text-align: justify; hyphens: manual; orphans: 2; widows: 2; }
p.dept { margin: 0 0 1.2mm 0; text-align: left; }
p.keep { break-after: avoid; }
.meta { display: flex; gap: 4mm; margin: 1mm 0 3mm 0; break-inside: avoid; font-size: 9pt; }
.meta > div { flex: 1 1 0; border-top: 0.5pt solid #999; border-bottom: 0.5pt solid #999; padding: 1mm 0; }
.meta b { font-weight: bold; }
ul.bullets { list-style: none; margin: 0 0 2.6mm 0; padding: 0 0 0 6mm; }
ul.bullets li { margin: 0 0 1.2mm 0; text-indent: -4mm; }
ul.bullets li .b { display: inline-block; width: 4mm; text-indent: 0; }
a { color: #1a4f8b; }
table.overview { border-collapse: collapse; width: 82%%; margin: 2mm 0 4mm 0; font-size: 8.3pt; line-height: 1.3; }
table.overview th, table.overview td { border: none; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
table.overview thead th { border-bottom: 0.8pt solid #333; font-weight: bold; }
table.overview td.nr { width: 6%%; } table.overview td.tiltak { width: 52%%; }
table.overview td.dep { width: 20%%; } table.overview td.st { width: 22%%; }
table.overview tr { break-inside: avoid; }
table.overview tr.group td { font-weight: bold; padding-top: 3mm; color: #7a1c1c; }
table.overview tr.sub td { font-style: italic; padding-top: 2mm; }
"""

CSS_FINAL = """
@page {
  size: A4; margin: 20mm 28mm 24mm 28mm;
  @top-right { content: %(header)s; font-family: "Liberation Sans"; font-size: 7.5pt; color: #2d5f3f; }
  @bottom-right { content: "Side " counter(page); font-family: "Liberation Sans"; font-size: 8.5pt; color: #2d5f3f; }
}
@page :first {
  @top-right { content: none; } @bottom-right { content: none; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.nw { white-space: nowrap; }
body { font-family: "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.5; color: #1b1b1b; margin: 0; }
.titlepage { height: 245mm; break-after: page; position: relative; }
.titlepage .band { background: #2d5f3f; height: 14mm; margin-bottom: 60mm; }
.titlepage .title { font-family: "Liberation Serif", serif; font-size: 27pt; line-height: 1.2; font-style: italic; color: #2d5f3f; margin: 0 0 8mm 0; }
.titlepage .subtitle { font-size: 14pt; margin: 0; color: #444; }
.titlepage .subtitle.lead { font-size: 22pt; font-weight: bold; color: #2d5f3f; margin: 0 0 6mm 0; }
.toc { break-after: page; }
.toc h2.tochead { font-family: "Liberation Serif", serif; font-size: 19pt; font-weight: bold; margin: 0 0 5mm 0; color: #2d5f3f; }
.toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; margin: 0 0 1.1mm 0; font-size: 9pt; }
.toc a .t { flex: 0 1 auto; }
.toc a .lead { flex: 1 0 6mm; }
.toc a .pg { flex: 0 0 auto; min-width: 7mm; text-align: right; font-weight: bold; color: #2d5f3f; }
.toc a.l1 { font-weight: bold; margin-top: 2.4mm; }
.toc a.l2 { padding-left: 5mm; }
.toc a.l3 { padding-left: 10mm; }
h1, h2, h3 { font-family: "Liberation Serif", serif; break-after: avoid; page-break-after: avoid; color: #2d5f3f; }
h1 { font-size: 17pt; margin: 9mm 0 3mm 0; }
h1.first { margin-top: 0; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; }
h3 { font-size: 11pt; font-style: italic; margin: 4mm 0 2mm 0; }
p { margin: 0 0 3mm 0; text-align: left; orphans: 2; widows: 2; }
p.dept { margin: 0 0 1mm 0; }
p.keep { break-after: avoid; }
.meta { margin: 0 0 3mm 0; padding: 2mm 3mm; background: #eef5f0; border-left: 2pt solid #2d5f3f; break-inside: avoid; }
.meta > div { margin: 0; }
ul.bullets { list-style: none; margin: 0 0 3mm 0; padding: 0 0 0 7mm; }
ul.bullets li { margin: 0 0 1.5mm 0; text-indent: -5mm; }
ul.bullets li .b { display: inline-block; width: 5mm; text-indent: 0; color: #2d5f3f; }
a { color: #1f5fa8; }
table.overview { border-collapse: collapse; width: 100%%; margin: 2mm 0 5mm 0; font-size: 8.8pt; line-height: 1.35; }
table.overview th, table.overview td { border: 0.5pt solid #7d9c88; padding: 1.3mm 2mm; vertical-align: top; text-align: left; }
table.overview thead th { background: #2d5f3f; color: #fff; }
table.overview tbody tr:nth-child(even) td { background: #e9f2eb; }
table.overview td.nr { width: 7%%; } table.overview td.tiltak { width: 58%%; }
table.overview td.dep { width: 18%%; } table.overview td.st { width: 17%%; }
table.overview tr { break-inside: avoid; }
table.overview tr.group td { font-weight: bold; background: #d5e6da !important; }
table.overview tr.sub td { font-style: italic; font-weight: bold; background: #e6f0e9 !important; }
"""


def render_html(doc: Doc, toc_pages: List[str], style: str) -> str:
    header = f"{doc.title_short} · {doc.subtitle_plain}" if style == "status" else doc.title_short
    css = (CSS_STATUS if style == "status" else CSS_FINAL) % {"header": css_string(header)}
    out = ['<!DOCTYPE html>', '<html lang="nb"><head><meta charset="utf-8">',
           f'<title>{html.escape(doc.title_plain)} – {html.escape(doc.subtitle_plain)}</title>',
           f'<style>{css}</style></head><body>']
    out.append('<section class="titlepage">' + ('<div class="band"></div>' if style == "final" else ""))
    out.append(f'<p class="title">{h_inline_lines(doc.title)}</p>')
    for n, s in enumerate(doc.subtitles):
        lead = " lead" if n == 0 and len(doc.subtitles) > 1 else ""
        out.append(f'<p class="subtitle{lead}">{h_inline_lines(s)}</p>')
    out.append('</section>')
    out.append(f'<nav class="toc"><h2 class="tochead">{html.escape(doc.toc_heading)}</h2>')
    for e, pg in zip(doc.toc, toc_pages):
        h = doc.headings[e.heading_index]
        out.append(f'<a class="l{e.level}" href="#{h.anchor}"><span class="t">{h_inline(strip_markup(e.title))}</span>'
                   f'<span class="lead"></span><span class="pg">{html.escape(pg)}</span></a>')
    out.append('</nav><main>')
    first = True
    blocks = doc.blocks
    bi = 0
    while bi < len(blocks):
        b = blocks[bi]
        if b.kind == "h":
            tag = f"h{b.level}"
            cls = ' class="first"' if first and b.level == 1 else ""
            first = False
            out.append(f'<{tag} id="{b.anchor}"{cls}>{h_inline(b.text)}</{tag}>')
        elif b.kind == "p":
            out.append(f'<p>{h_inline(b.text)}</p>')
        elif b.kind == "dept":
            last2 = bi + 2 < len(blocks) and blocks[bi + 1].kind == "dept" and blocks[bi + 2].kind != "dept"
            out.append(f'<p class="dept{" keep" if last2 else ""}">{h_inline(b.text)}</p>')
        elif b.kind == "meta":
            group = [b]
            while bi + 1 < len(blocks) and blocks[bi + 1].kind == "meta":
                bi += 1
                group.append(blocks[bi])
            cells = "".join(f'<div class="{m.label.lower()}"><b>{html.escape(m.label)}:</b> {h_inline(m.text)}</div>'
                            for m in group)
            out.append(f'<div class="meta">{cells}</div>')
        elif b.kind == "list":
            # literal bullet character so that it is part of the text layer
            items = "".join(f'<li><span class="b">•</span>{h_inline(it)}</li>' for it in b.items)
            out.append(f'<ul class="bullets">{items}</ul>')
        elif b.kind == "table":
            out.append(render_html_table(b.rows))
        bi += 1
    out.append('</main></body></html>')
    return "\n".join(out)


def render_html_table(rows):
    ncol = len(rows[0])
    classes = ["nr", "tiltak", "dep", "st"] + ["x"] * max(0, ncol - 4)
    head = "".join(f'<th>{h_inline(c)}</th>' for c in rows[0])
    out = [f'<table class="overview"><thead><tr>{head}</tr></thead><tbody>']
    for r in rows[1:]:
        if is_group_row(r):
            cls = "group" if re.match(r"^Innsatsområde", r[0]) else "sub"
            out.append(f'<tr class="{cls}"><td colspan="{ncol}">{h_inline(r[0])}</td></tr>')
        else:
            out.append("<tr>" + "".join(f'<td class="{classes[i]}">{h_inline(c)}</td>' for i, c in enumerate(r)) + "</tr>")
    out.append('</tbody></table>')
    return "".join(out)


def chromium_binary():
    for b in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(b)
        if p:
            return p
    raise SystemExit("Chromium not found (apt-get install chromium)")


def run_chromium(html_path: str, pdf_path: str, profile: str):
    cmd = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-pdf-header-footer", "--generate-pdf-document-outline", f"--user-data-dir={profile}",
           f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)]
    if os.path.exists(pdf_path):
        os.unlink(pdf_path)
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if not os.path.exists(pdf_path):
        raise SystemExit(f"Chromium failed:\n{r.stdout}\n{r.stderr}")


# --------------------------------------------------------------------------
# PDF analysis (poppler)
# --------------------------------------------------------------------------

def pdf_pages_text(pdf: str, layout=False) -> List[str]:
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, "-"]
    txt = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    pages = txt.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def page_labels(pages: List[str], producer: str) -> List[str]:
    labels = []
    for i, p in enumerate(pages):
        lines = [l.strip() for l in p.split("\n") if l.strip()]
        lab = None
        m = re.search(r"Side\s+(\d+)(?:\s+av\s+\d+)?", p)
        if m:
            lab = m.group(1)
        elif lines and re.fullmatch(r"\d{1,4}", lines[-1]):
            lab = lines[-1]
        labels.append(lab)
    return labels


def locate_headings(doc: Doc, pdf: str, producer: str):
    """-> (list of printed page label per heading, list of physical index, labels)"""
    pages = pdf_pages_text(pdf)
    labels = page_labels(pages, producer)
    normp = [norm_cmp(p) for p in pages]
    # body starts on the page after the last page that still contains TOC lines:
    # the first occurrence of the last TOC title is in the TOC itself.
    last_toc = norm_cmp(strip_markup(doc.toc[-1].title))
    toc_end = next((i for i, p in enumerate(normp) if last_toc in p), 1)
    page, pos = toc_end + 1, 0
    found = []
    for h in doc.headings:
        needle = norm_cmp(strip_markup(h.text))
        hit = None
        for pi in range(page, len(normp)):
            k = normp[pi].find(needle, pos if pi == page else 0)
            if k >= 0:
                hit = (pi, k)
                break
        if hit is None:
            raise SystemExit(f"{pdf}: heading not found in PDF text: {h.text!r}")
        page, pos = hit[0], hit[1] + len(needle)
        found.append(hit[0])
    return found, labels, toc_end


def build_pdf(source: str, producer: str, style: str, out_pdf: str, keep_intermediate=None, log=print):
    doc = parse_source(source)
    toc_pages = [e.page for e in doc.toc]          # initial guess: the source's numbers
    work = tempfile.mkdtemp(prefix="pdfbuild-")
    base = os.path.splitext(os.path.basename(out_pdf))[0]
    profile = os.path.join(work, "profile")
    history = []
    try:
        for npass in range(1, MAX_PASSES + 1):
            if producer == "libreoffice":
                src = os.path.join(work, base + ".fodt")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(render_fodt(doc, toc_pages))
                pdf = run_libreoffice(src, work, profile)
            else:
                src = os.path.join(work, base + ".html")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(render_html(doc, toc_pages, style))
                pdf = os.path.join(work, base + ".pdf")
                run_chromium(src, pdf, profile)
            phys, labels, _ = locate_headings(doc, pdf, producer)
            new = []
            for e in doc.toc:
                pi = phys[e.heading_index]
                lab = labels[pi]
                if lab is None:
                    raise SystemExit(f"{pdf}: no printed page number on page {pi + 1}")
                new.append(lab)
            changed = sum(1 for a, b in zip(new, toc_pages) if a != b)
            log(f"  pass {npass}: {changed} TOC page numbers changed")
            history.append(changed)
            if new == toc_pages:
                break
            toc_pages = new
        else:
            raise SystemExit(f"{out_pdf}: TOC page numbers did not converge in {MAX_PASSES} passes")
        os.makedirs(os.path.dirname(os.path.abspath(out_pdf)), exist_ok=True)
        shutil.copyfile(pdf, out_pdf)
        normalize_pdf_dates(out_pdf)
        if keep_intermediate:
            os.makedirs(keep_intermediate, exist_ok=True)
            shutil.copyfile(src, os.path.join(keep_intermediate, os.path.basename(src)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return doc, toc_pages


def normalize_pdf_dates(pdf: str):
    """Replace creation/modification dates and the file ID by fixed values of the
    same byte length, so cross-reference offsets stay valid."""
    data = open(pdf, "rb").read()

    def fix_date(m):
        old = m.group(2)                       # e.g. D:20250101120000+01'00'
        new = b"D:" + FIXED_PDF_DATE.encode() + re.sub(rb"\d", b"0", old[16:])
        new = new[:len(old)].ljust(len(old), b"0")
        return m.group(1) + new + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()(D:[^)]*)(\))", fix_date, data)
    # XMP dates (if any)
    def fix_xmp(m):
        old = m.group(2)
        fixed = b"2024-03-15T12:00:00"
        return m.group(1) + (fixed + re.sub(rb"\d", b"0", old[len(fixed):]))[:len(old)] + m.group(3)
    data = re.sub(rb"(<(?:xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)([^<]*)(<)", fix_xmp, data)
    # trailer /ID and LibreOffice's /DocChecksum: derive both from the content
    # (with themselves blanked out), same length as before
    id_re = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
    ck_re = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
    blank = id_re.sub(lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5), data)
    blank = ck_re.sub(lambda m: m.group(1) + b"0" * len(m.group(2)), blank)
    h = (hashlib.md5(blank).hexdigest().upper().encode()) * 4
    data = id_re.sub(lambda m: m.group(1) + h[:len(m.group(2))] + m.group(3) + h[:len(m.group(4))] + m.group(5), data)
    data = ck_re.sub(lambda m: m.group(1) + h[:len(m.group(2))], data)
    open(pdf, "wb").write(data)


# --------------------------------------------------------------------------
# Verification
# --------------------------------------------------------------------------

WORD = re.compile(r"[\wÆØÅæøåéö§«»–\-.,:;()%/?!'’“”\"]+")


def reference_words(doc: Doc) -> List[str]:
    """Words of the source text in reading order (title page + body, no TOC), markup
    removed, split paragraphs joined."""
    parts = [strip_markup(doc.title), *[strip_markup(s) for s in doc.subtitles]]
    for b in doc.blocks:
        if b.kind in ("h", "p", "dept"):
            parts.append(strip_markup(b.text))
        elif b.kind == "meta":
            parts.append(f"{b.label}: {strip_markup(b.text)}")
        elif b.kind == "list":
            parts += ["• " + strip_markup(i) for i in b.items]
        elif b.kind == "table":
            for r in b.rows:
                parts += [strip_markup(c) for c in r if c.strip()]
    return " ".join(parts).split()


def clean_pages(doc: Doc, pdf: str, layout=False) -> List[List[str]]:
    """pdftotext per page as lines, running header and page footer removed."""
    pages = pdf_pages_text(pdf, layout=layout)
    header_variants = {norm_cmp(doc.title_short), norm_cmp(doc.subtitle_plain),
                       norm_cmp(doc.title_short + doc.subtitle_plain),
                       norm_cmp(f"{doc.title_short} · {doc.subtitle_plain}")}
    out = []
    for pi, p in enumerate(pages):
        lines = [unicodedata.normalize("NFKC", l).strip() for l in p.split("\n")]
        lines = [l for l in lines if l]
        if pi > 0:
            lines = [l for l in lines if norm_cmp(l) not in header_variants
                     and not re.fullmatch(r"Side\s+\d+(\s+av\s+\d+)?", l)]
            if lines and lines[-1] == str(pi + 1):
                lines = lines[:-1]
        out.append(lines)
    return out


def pdf_words(doc: Doc, pdf: str, toc_end: int) -> List[str]:
    """Words of the PDF text layer (title page + body pages after the TOC) without
    running header/footer; a line-end hyphen is undone when the joined word is a word
    of the source and the hyphenated fragment is not."""
    vocab = set(w.strip(".,:;()«»") for w in reference_words(doc))
    flat = []
    for pi, lines in enumerate(clean_pages(doc, pdf)):
        if 0 < pi <= toc_end:
            continue
        for l in lines:
            ws = l.split()
            if flat and ws and flat[-1].endswith("-") and flat[-1][:-1] and \
                    flat[-1].strip(".,:;()«»") not in vocab:
                cand = flat[-1][:-1] + ws[0]
                if cand.strip(".,:;()«»") in vocab:
                    flat[-1] = cand
                    ws = ws[1:]
            flat += ws
    return flat


def check_toc(doc: Doc, pdf: str, toc_pages: List[str], toc_end: int, log=print) -> bool:
    """Read the printed TOC (layout mode) and check every entry: its title verbatim
    (possibly wrapped over lines) followed by the expected page number."""
    lines = []
    for pl in clean_pages(doc, pdf, layout=True)[1:toc_end + 1]:
        lines += pl
    parsed = []
    for l in lines:
        m = re.match(r"^(.*?)[\s.]*?(?:\.{2,}\s*|\s{2,}|(?<=\.)|^)(\d{1,4})$", l)
        if m and m.group(1).strip():
            parsed.append((m.group(1).strip().rstrip("."), m.group(2)))
        elif m:
            parsed.append(("", m.group(2)))
        else:
            parsed.append((l, None))
    ok = True
    cur = 0
    for e, pg in zip(doc.toc, toc_pages):
        want = norm_cmp(strip_markup(e.title))
        found = False
        i = cur
        while i < len(parsed) and not found:
            acc = ""
            for k in range(i, min(i + 6, len(parsed))):
                acc += norm_cmp(parsed[k][0])
                if parsed[k][1] is not None and acc.rstrip(".") == want.rstrip("."):
                    found = True
                    if parsed[k][1] != pg:
                        ok = False
                        log(f"  TOC: {e.title!r} printed with page {parsed[k][1]}, expected {pg}")
                    cur = k + 1
                    break
                if not want.startswith(acc) or parsed[k][1] is not None:
                    break
            i += 1
        if not found:
            ok = False
            log(f"  TOC: entry not found verbatim with a page number: {e.title!r}")
    return ok


def verify_pdf(doc: Doc, pdf: str, toc_pages: List[str], producer: str, log=print) -> bool:
    ok = True
    phys, labels, toc_end = locate_headings(doc, pdf, producer)
    for e, pg in zip(doc.toc, toc_pages):
        actual = labels[phys[e.heading_index]]
        if actual != pg:
            ok = False
            log(f"  TOC MISMATCH: {e.title!r}: TOC says {pg}, heading is on printed page {actual}")
    if check_toc(doc, pdf, toc_pages, toc_end, log):
        log(f"  TOC: all {len(doc.toc)} entries printed verbatim with the page their heading is on")
    else:
        ok = False
    # every printed page label equals the physical page index (title page unnumbered)
    for i, lab in enumerate(labels):
        if i == 0:
            if lab is not None:
                ok = False
                log("  title page carries a page number")
        elif lab != str(i + 1):
            ok = False
            log(f"  page {i + 1}: footer label {lab!r}")
    # word fidelity
    ref = reference_words(doc)
    got = pdf_words(doc, pdf, toc_end)
    norm = lambda ws: [unicodedata.normalize("NFKC", w) for w in ws]
    sm = difflib.SequenceMatcher(None, norm(ref), norm(got), autojunk=False)
    diffs = [op for op in sm.get_opcodes() if op[0] != "equal"]
    # tolerated: the repeated table header row on a continuation page, and pdftotext's
    # own dehyphenation of "tros-"/"og" at a line end ("trosog")
    header_words = [" ".join(" ".join(b.rows[0]).split()) for b in doc.blocks if b.kind == "table"]

    def tolerated(tag, a1, a2, b1, b2):
        if tag == "insert" and " ".join(got[b1:b2]) in header_words:
            return True
        return tag == "replace" and "".join(ref[a1:a2]).replace("-", "") == "".join(got[b1:b2]).replace("-", "")
    bad = [d for d in diffs if not tolerated(*d)]
    for tag, a1, a2, b1, b2 in diffs:
        if (tag, a1, a2, b1, b2) in bad or tag == "insert":
            log(f"    {'DIFF' if (tag, a1, a2, b1, b2) in bad else 'ok'} {tag}: "
                f"src={' '.join(ref[a1:a2])[:100]!r} pdf={' '.join(got[b1:b2])[:100]!r}")
    log(f"  text layer: {len(ref)} source words; {len(diffs) - len(bad)} tolerated differences "
        f"(repeated table header / pdftotext dehyphenation of 'X- og'), {len(bad)} real differences")
    ok = ok and not bad
    return ok


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def targets():
    t = [
        dict(source=SOURCE_2023, producer="libreoffice", style="status",
             out=os.path.join(REPO, "inputs", "frihet-status-2023.pdf")),
        dict(source=SOURCE_2023, producer="chromium", style="status",
             out=os.path.join(REPO, "tests", "fixtures", "frihet-status-2023-chromium.pdf")),
    ]
    slutt = os.path.join(HERE, "sources", "frihet-sluttrapport-2024.txt")
    if os.path.exists(slutt):
        t.append(dict(source=slutt, producer="chromium", style="final",
                      out=os.path.join(REPO, "inputs", "frihet-sluttrapport-2024.pdf")))
    return t


def pdf_info(pdf):
    r = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    m = re.search(r"Pages:\s+(\d+)", r.stdout)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source")
    ap.add_argument("--producer", choices=["libreoffice", "chromium"])
    ap.add_argument("--style", choices=["status", "final"], default="status")
    ap.add_argument("--out")
    ap.add_argument("--verify", action="store_true", help="only verify existing PDFs")
    ap.add_argument("--keep", help="directory to keep the final .fodt/.html in")
    a = ap.parse_args()
    if a.source or a.out or a.producer:
        if not (a.source and a.out and a.producer):
            ap.error("--source, --producer and --out go together")
        jobs = [dict(source=a.source, producer=a.producer, style=a.style, out=a.out)]
    else:
        jobs = targets()
    if os.path.exists(SHARED_REFERENCE_2023) and os.path.exists(SOURCE_2023) and \
            open(SHARED_REFERENCE_2023, "rb").read() != open(SOURCE_2023, "rb").read():
        print(f"WARNING: {SOURCE_2023} differs from {SHARED_REFERENCE_2023}", file=sys.stderr)
    all_ok = True
    for j in jobs:
        print(f"{os.path.relpath(j['out'], REPO)}  <-  {j['source']}  [{j['producer']}, {j['style']}]")
        if a.verify:
            doc = parse_source(j["source"])
            phys, labels, _ = locate_headings(doc, j["out"], j["producer"])
            toc_pages = [labels[phys[e.heading_index]] for e in doc.toc]
        else:
            doc, toc_pages = build_pdf(j["source"], j["producer"], j["style"], j["out"], keep_intermediate=a.keep)
        ok = verify_pdf(doc, j["out"], toc_pages, j["producer"])
        all_ok &= ok
        print(f"  {'OK' if ok else 'FAILED'}: {pdf_info(j['out'])} pages, {os.path.getsize(j['out'])} bytes;"
              f" {len(doc.toc)} TOC entries, {len(doc.headings)} headings, {len(doc.joins)} joined paragraphs")
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
