#!/usr/bin/env python3
"""Generate the genre corpus: fictional "Status for tiltak" reports.

For every plan in plans.py this writes, for its two years and for a planted
copy of year 1:  <slug>-<year>[-planted].pdf  and the matching .json truth,
plus <slug>-diff.json for the year pair.

    python3 make.py            # build everything
    python3 make.py ensomhet   # build one plan

Needs: pdftotext (poppler-utils), soffice (LibreOffice writer), pdflatex
(texlive), chromium, and the Python packages python-docx, reportlab, typst.
The intermediate sources are kept under build/ (not committed).
"""
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
sys.path.insert(0, HERE)
import plans  # noqa: E402

FIXED_EPOCH = 1735689600  # 2025-01-01T00:00:00Z, used wherever a producer lets us fix the date


# --------------------------------------------------------------------------
# small text helpers
# --------------------------------------------------------------------------

def join_og(items):
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " og " + items[-1]


def resp_text(lead, partners, form):
    if form == "samarbeid":
        return lead + (", i samarbeid med " + join_og(partners) if partners else "")
    if form == "med":
        return lead + (" (med " + join_og(partners) + ")" if partners else "")
    if form == "og":
        return join_og([lead] + list(partners))
    if form == "slash":
        return "/".join([lead] + list(partners))
    raise ValueError(form)


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def paras(text):
    """A text given as one string with blank lines, or a list -> list of paragraphs."""
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        return [norm_ws(t) for t in text if t.strip()]
    return [norm_ws(t) for t in re.split(r"\n\s*\n", text) if t.strip()]


# --------------------------------------------------------------------------
# building one report's state from a plan
# --------------------------------------------------------------------------

def year_view(plan, year):
    """The report for `year` as plain data (before planting)."""
    y0 = plan["years"][0]
    st = plan["style"]
    final = year in plan.get("final_years", [])
    areas = []
    for a in plan["areas"]:
        areas.append(dict(id=a["id"], title=a["title"], intro=a.get("intro", "")))
    measures = []
    for m in plan["measures"]:
        only = m.get("only")
        if only and year not in only:
            continue
        d = {}
        d.update(m.get("y", {}).get(y0, {}))
        if year != y0:
            d.update(m.get("y", {}).get(year, {}))
        title = m.get("titles", {}).get(year, m["title"])
        nofields = m.get("nofields", False)
        rec = dict(
            id=m["id"], parent=m.get("parent"), area=m.get("area_by_year", {}).get(year, m["area"]), title=title,
            desc=m.get("desc", ""), nofields=nofields,
            status=None if nofields else d["status"],
            lead=None if nofields else d["resp"][0],
            partners=[] if nofields else list(d["resp"][1]),
            form=None if nofields else (d["resp"][2] if len(d["resp"]) > 2 else st["resp_form"]),
            progress=[] if nofields else paras(d.get("progress")),
            comment=d.get("comment", ""),
        )
        measures.append(rec)
    return dict(plan=plan, year=year, final=final, areas=areas, measures=measures,
                intro=paras(plan["intro"](year, final)),
                findings=[], toc_title={}, toc_page_delta={}, summary_delta=None,
                table_missing=set(), table_status={}, table_title={}, table_area={},
                table_resp={}, section_status_missing=set())


def overview_rows(v):
    """Rows of the overview table in order, each with its area (as placed)."""
    st = v["plan"]["style"]
    rows = []
    for m in v["measures"]:
        if m["id"] in v["table_missing"]:
            continue
        if m["nofields"]:
            resp, status = "", ""
        else:
            if st.get("table_resp", "full") == "lead":
                resp = m["lead"]
            else:
                resp = resp_text(m["lead"], m["partners"], m["form"])
            status = m["status"]
        resp = v["table_resp"].get(m["id"], resp)
        status = v["table_status"].get(m["id"], status)
        title = v["table_title"].get(m["id"], m["title"])
        rows.append(dict(area=v["table_area"].get(m["id"], m["area"]), group="", id=m["id"],
                         title=title, responsible=resp, status=status,
                         extra={"Kommentar": m["comment"]} if st.get("comment_col") else {}))
    # keep the placed order: rows grouped by the area they are shown under
    order = [a["id"] for a in v["areas"]]
    rows.sort(key=lambda r: order.index(r["area"]))
    return rows


def summary_of(v, rows):
    st = v["plan"]["style"]
    counts = {}
    for r in rows:
        if r["status"]:
            k = r["status"].lower()
            counts[k] = counts.get(k, 0) + 1
    ordered = [(s, counts[s]) for s in st["status_order"] if s in counts]
    for s in counts:
        if s not in st["status_order"]:
            raise ValueError("status %r not in status_order of %s" % (s, v["plan"]["slug"]))
    total = sum(c for _, c in ordered)
    if v["summary_delta"]:
        s, d = v["summary_delta"]
        ordered = [(k, c + d if k == s else c) for k, c in ordered]
    return total, ordered


# --------------------------------------------------------------------------
# planting
# --------------------------------------------------------------------------

def find_m(v, mid):
    for m in v["measures"]:
        if m["id"] == mid:
            return m
    raise KeyError(mid)


def plant(v, spec):
    rule, mid = spec["rule"], spec.get("measure", "")
    if rule == "table-status-mismatch":
        v["table_status"][mid] = spec["status"]
    elif rule == "table-title-mismatch":
        v["table_title"][mid] = spec["title"]
    elif rule == "toc-title-mismatch":
        v["toc_title"][mid] = spec["title"]
    elif rule == "toc-page-mismatch":
        v["toc_page_delta"][mid] = spec.get("delta", 1)
    elif rule == "table-missing":
        v["table_missing"].add(mid)
    elif rule == "summary-count-mismatch":
        v["summary_delta"] = (spec["status"], spec.get("delta", 1))
    elif rule == "numbering":
        m = find_m(v, spec["from"])
        m["id"] = mid
    elif rule == "unknown-department":
        m = find_m(v, mid)
        m["lead"] = spec["abbr"]
    elif rule == "missing-field":
        m = find_m(v, mid)
        v["section_status_missing"].add(mid)
    elif rule == "rollup-status-mismatch":
        m = find_m(v, mid)
        m["status"] = spec["status"]
    elif rule == "table-area-mismatch":
        v["table_area"][mid] = spec["area"]
    else:
        raise ValueError(rule)
    v["findings"].append(dict(rule=rule, measure=mid))


# --------------------------------------------------------------------------
# blocks: a producer-neutral description of the document
# --------------------------------------------------------------------------

def label_of(st, m):
    """Printed numbering of a measure heading, e.g. 'Tiltak 4 a)'."""
    return st["head"](m["id"], m["parent"])


def build_blocks(v, toc_pages):
    """toc_pages: key -> printed page string (or None in the first pass)."""
    plan, st, year, final = v["plan"], v["plan"]["style"], v["year"], v["final"]
    B = []
    B.append(("title", plan["title_lines"], st["title_page"](year, final)))
    heads = []  # (key, kind, id, printed heading, toc text, toc title, level)

    def head(key, kind, ident, text, toc_text, toc_title, level):
        heads.append((key, kind, ident, text, toc_text, toc_title, level))
        B.append(("h", level, text, key, kind))

    sec_titles = st["sections"]
    # sections
    head("s:intro", "section", "", sec_titles["intro"], sec_titles["intro"], sec_titles["intro"], 1)
    for p in v["intro"]:
        B.append(("p", p))
    total = counts = rows = None

    def do_overview():
        nonlocal total, counts, rows
        head("s:overview", "section", "", sec_titles["overview"], sec_titles["overview"], sec_titles["overview"], 1)
        rows = overview_rows(v)
        total, counts = summary_of(v, rows)
        if st["summary"] == "table":
            B.append(("p", st["summary_lead"](year)))
            trs = [("row", [s[0].upper() + s[1:], str(c)]) for s, c in counts]
            trs.append(("row", ["Totalt", str(total)]))
            B.append(("table", dict(header=["Status", "Antall"], widths=[0.6, 0.4], rows=trs,
                                    repeat=False, bold_last=True, narrow=True)))
        else:
            B.append(("p", st["summary"](total, counts, year)))
        # overview table
        areas = {a["id"]: a for a in v["areas"]}
        cols = st["table_cols"]
        trs = []
        cur = None
        for r in rows:
            if st.get("table_area_rows", True) and r["area"] != cur:
                cur = r["area"]
                trs.append(("area", st["area_head"](cur, areas[cur]["title"])))
            cells = []
            m = find_m(v, r["id"])
            for c in cols:
                if c == "Nr":
                    cells.append(st["row_label"](r["id"], m["parent"]))
                elif c == "Tiltak":
                    if "Nr" in cols:
                        cells.append(r["title"])
                    else:
                        cells.append(st["row_label"](r["id"], m["parent"]) + " " + r["title"])
                elif c in ("Ansvarlig", "Ansvarlig dep.", "Ansvar"):
                    cells.append(r["responsible"])
                elif c == "Status":
                    cells.append(r["status"])
                elif c == "Kommentar":
                    cells.append(r["extra"].get("Kommentar", ""))
            trs.append(("row", cells))
        B.append(("table", dict(header=cols, widths=st["table_widths"], rows=trs, repeat=True)))

    def do_depts():
        # departments
        if st.get("depts"):
            head("s:depts", "section", "", sec_titles["depts"], sec_titles["depts"], sec_titles["depts"], 1)
            if st["depts"] == "lines":
                for abbr, name in plan["departments"]:
                    B.append(("p", "%s (%s)" % (name, abbr)))
            else:
                B.append(("table", dict(header=["Forkortelse", "Departement"], widths=[0.25, 0.75],
                                        rows=[("row", [a, n]) for a, n in plan["departments"]],
                                        repeat=True)))

    for part in st.get("order", ["overview", "depts"]):
        (do_overview if part == "overview" else do_depts)()
    # areas and measures
    for a in v["areas"]:
        ah = st["area_head"](a["id"], a["title"])
        head("a:" + a["id"], "area", a["id"], ah, ah, a["title"], 1)
        for p in paras(a["intro"]):
            B.append(("p", p))
        for m in v["measures"]:
            if m["area"] != a["id"]:
                continue
            lab = label_of(st, m)
            text = lab + " " + m["title"]
            toc_lab = st.get("toc_head", st["head"])(m["id"], m["parent"])
            toc_title = v["toc_title"].get(m["id"], m["title"])
            head("m:" + m["id"], "measure", m["id"], text, toc_lab + " " + toc_title, toc_title, 2)
            fields = []
            if not m["nofields"]:
                if m["id"] not in v["section_status_missing"]:
                    fields.append((st["status_label"](year), m["status"]))
                fields.append((st["resp_label"], resp_text(m["lead"], m["partners"], m["form"])))
            mode = st["fields"]
            if mode == "before":
                if fields:
                    B.append(("fields", fields))
                for p in paras(m["desc"]):
                    B.append(("p", p))
                for p in m["progress"]:
                    B.append(("p", p))
            else:
                for p in paras(m["desc"]):
                    B.append(("p", p))
                if fields:
                    B.append(("kv" if mode == "table" else "fields", fields))
                for p in m["progress"]:
                    B.append(("p", p))
    # title page, then the table of contents on its own page, then the rest
    out = [B[0], ("pagebreak",)]
    if st.get("toc"):
        out.append(("tochead", st.get("toc_heading", "Innhold")))
        for key, kind, ident, text, toc_text, toc_title, level in heads:
            page = toc_pages.get(key) if toc_pages else None
            out.append(("tocline", level, toc_text, page if page is not None else "00", key))
        out.append(("pagebreak",))
    out += B[1:]
    return out, heads, rows, (total, counts)


# --------------------------------------------------------------------------
# page finding with pdftotext -bbox-layout: headings are the large words
# --------------------------------------------------------------------------

def page_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    out = out.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("page"):
        words = []
        for line in page.iter("line"):
            for w in line.iter("word"):
                h = float(w.get("yMax")) - float(w.get("yMin"))
                words.append((w.text or "", h, float(w.get("yMin"))))
        pages.append(words)
    return pages


def heading_pages(pdf, heads, start_page=2):
    pages = page_words(pdf)
    hs = {}
    for ws in pages:
        for _, h, _ in ws:
            k = round(h, 1)
            hs[k] = hs.get(k, 0) + 1
    body = max(hs.items(), key=lambda kv: kv[1])[0]
    big = []
    for ws in pages:
        big.append(" " + " ".join(t for t, h, _ in ws if h > body * 1.12) + " ")
    found = {}
    p = start_page - 1  # 0-based index
    for key, kind, ident, text, *_ in heads:
        needle = " " + norm_ws(text) + " "
        q = p
        while q < len(pages) and needle not in big[q]:
            q += 1
        if q >= len(pages):
            raise RuntimeError("heading not found in %s: %r" % (pdf, text))
        found[key] = q + 1  # physical page
        p = q
    return found, len(pages)


def page_texts(pdf, layout=True):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    return out.split("\f")


# --------------------------------------------------------------------------
# producers
# --------------------------------------------------------------------------

def footer_text(fmt, n, m):
    if fmt == "N":
        return str(n)
    if fmt == "side":
        return "Side %s av %s" % (n, m)
    if fmt == "dash":
        return "– %s –" % n
    raise ValueError(fmt)


def normalize_pdf(path):
    """Pin creation dates and document ids (same byte length, so xref stays valid)."""
    data = open(path, "rb").read()
    data = re.sub(rb"D:\d{14}(Z|[+-]\d\d'\d\d'?)?",
                  lambda mo: (b"D:20250101000000" + (b"Z" if mo.group(1) == b"Z" else
                              (b"+00'00'" if mo.group(1) and mo.group(1).endswith(b"'") else
                               (b"+00'00" if mo.group(1) else b""))))[:len(mo.group(0))]
                  .ljust(len(mo.group(0)), b"0"), data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?",
                  lambda mo: b"2025-01-01T00:00:00" + (b"0" * (len(mo.group(0)) - 19) if not mo.group(2)
                              else (b"0" * (len(mo.group(0)) - 19 - len(mo.group(2)))
                                    + (b"Z" if mo.group(2) == b"Z" else b"+00:00"))), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
                  lambda mo: mo.group(0).replace(mo.group(1), b"0" * len(mo.group(1)))
                  .replace(mo.group(2), b"1" * len(mo.group(2))), data)
    data = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)", lambda mo: mo.group(0).replace(mo.group(1), b"0" * len(mo.group(1))), data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda mo: b"uuid:" + b"0" * 8 + b"-0000-0000-0000-" + b"0" * 12, data)
    open(path, "wb").write(data)


# ---- LaTeX ---------------------------------------------------------------

def tex_esc(s):
    rep = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
    return "".join(rep.get(c, c) for c in s)


def render_latex(blocks, meta, out_pdf, work):
    L = [r"""\documentclass[11pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[norsk]{babel}
\usepackage{lmodern}
\usepackage[a4paper,margin=2.4cm,bottom=2.8cm]{geometry}
\usepackage{longtable,array,fancyhdr}
\usepackage[table]{xcolor}
\pdfinfo{/Title (%s) /Author (Fiktivt departement) /Creator (tiltak genre corpus)}
\pdftrailerid{}
\setlength{\parindent}{0pt}\setlength{\parskip}{5pt plus 1pt}
\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}
\fancyfoot[C]{\small %s}
\newcommand{\hsec}[1]{\par\vspace{10pt}{\raggedright\interlinepenalty=10000\hyphenpenalty=10000\exhyphenpenalty=10000\LARGE\bfseries #1\par}\nobreak\vspace{4pt}\nobreak}
\newcommand{\hmeas}[1]{\par\vspace{8pt}{\raggedright\interlinepenalty=10000\hyphenpenalty=10000\exhyphenpenalty=10000\Large\bfseries #1\par}\nobreak\vspace{2pt}\nobreak}
\newcommand{\tocline}[3]{\par\noindent\hangindent=#1\hspace*{#1}{\hyphenpenalty=10000 #2\nobreak\dotfill\nobreak\ #3}\par}
\begin{document}
""" % (tex_esc(meta["title"]), footer_latex(meta))]
    for b in blocks:
        k = b[0]
        if k == "title":
            L.append(r"\thispagestyle{empty}\vspace*{4cm}\begin{center}")
            for line in b[1]:
                L.append(r"{\fontsize{24}{30}\selectfont\bfseries %s\par}" % tex_esc(line))
            L.append(r"\vspace{2cm}")
            for line in b[2]:
                L.append(r"{\fontsize{18}{24}\selectfont %s\par}\vspace{4pt}" % tex_esc(line))
            L.append(r"\end{center}")
        elif k == "pagebreak":
            L.append(r"\clearpage")
            if meta["offset"] and not meta.get("_reset"):
                L.append(r"\setcounter{page}{1}")
                meta["_reset"] = True
        elif k == "tochead":
            L.append(r"{\LARGE\bfseries %s\par}\vspace{8pt}" % tex_esc(b[1]))
        elif k == "tocline":
            ind = "0pt" if b[1] == 1 else "1.5em"
            L.append(r"\tocline{%s}{%s}{%s}" % (ind, tex_esc(b[2]), tex_esc(b[3])))
        elif k == "h":
            L.append((r"\hsec{%s}" if b[1] == 1 else r"\hmeas{%s}") % tex_esc(b[2]))
        elif k == "p":
            L.append(tex_esc(b[1]) + "\n")
        elif k == "fields":
            for lab, val in b[1]:
                L.append(r"\textbf{%s} %s\par" % (tex_esc(lab), tex_esc(val)))
        elif k == "kv":
            L.append(r"\begin{tabular}{|p{4.2cm}|p{10cm}|}\hline")
            for lab, val in b[1]:
                L.append(r"\textbf{%s} & %s \\ \hline" % (tex_esc(lab), tex_esc(val)))
            L.append(r"\end{tabular}\par")
        elif k == "table":
            t = b[1]
            tw = 15.8 if not t.get("narrow") else 8.0
            n = len(t["header"])
            spec = "|" + "|".join(r">{\raggedright\arraybackslash}p{%.2fcm}" % (w * tw - 0.3)
                                  for w in t["widths"]) + "|"
            L.append(r"{\small\begin{longtable}{%s}\hline" % spec)
            hdr = " & ".join(r"\textbf{%s}" % tex_esc(h) for h in t["header"]) + r" \\ \hline"
            L.append(r"\rowcolor{gray!20}" + hdr)
            if t.get("repeat"):
                L.append(r"\endfirsthead\hline\rowcolor{gray!20}" + hdr + r"\endhead")
            for i, r in enumerate(t["rows"]):
                if r[0] == "area":
                    L.append(r"\multicolumn{%d}{|l|}{\cellcolor{gray!8}\textbf{%s}} \\ \hline" % (n, tex_esc(r[1])))
                else:
                    cells = [tex_esc(c) for c in r[1]]
                    if t.get("bold_last") and i == len(t["rows"]) - 1:
                        cells = [r"\textbf{%s}" % c for c in cells]
                    L.append(" & ".join(cells) + r" \\ \hline")
            L.append(r"\end{longtable}}")
    L.append(r"\end{document}")
    tex = os.path.join(work, "report.tex")
    open(tex, "w", encoding="utf-8").write("\n".join(L))
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(FIXED_EPOCH), FORCE_SOURCE_DATE="1")
    for _ in range(2):
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "report.tex"],
                           cwd=work, env=env, capture_output=True)
        if r.returncode:
            sys.stderr.write(r.stdout.decode("utf-8", "replace")[-3000:])
            raise RuntimeError("pdflatex failed")
    shutil.copy(os.path.join(work, "report.pdf"), out_pdf)


def footer_latex(meta):
    f = meta["footer"]
    if f == "N":
        return r"\thepage"
    if f == "side":
        return r"Side \thepage\ av %d" % meta["total"]
    if f == "dash":
        return r"-- \thepage\ --"


# ---- Typst ---------------------------------------------------------------

def ty_str(s):
    return '#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_typst(blocks, meta, out_pdf, work):
    f = meta["footer"]
    if f == "N":
        foot = "counter(page).display()"
    elif f == "dash":
        foot = '[–#h(0.45em)#counter(page).display()#h(0.45em)–]'
    else:
        foot = '[Side #counter(page).display() av %d]' % meta["total"]
    L = ['#set document(title: %s, author: "Fiktivt departement", date: datetime(year: 2025, month: 1, day: 1))'
         % json.dumps(meta["title"]),
         '#set page(paper: "a4", margin: (x: 2.3cm, top: 2.3cm, bottom: 2.6cm), '
         'footer: context { if here().page() > %d { align(center, text(size: 9pt, %s)) } })'
         % (1, foot),
         '#set text(lang: "nb", size: 10.5pt, hyphenate: true)',
         '#set par(justify: true, spacing: 0.9em)',
         '#let hsec(body) = block(above: 1.4em, below: 0.7em, sticky: true, breakable: false, text(size: 16pt, weight: "bold", hyphenate: false, body))',
         '#let hmeas(body) = block(above: 1.2em, below: 0.6em, sticky: true, breakable: false, text(size: 12.5pt, weight: "bold", hyphenate: false, body))',
         ]
    if meta["offset"]:
        raise NotImplementedError
    for b in blocks:
        k = b[0]
        if k == "title":
            L.append('#v(4cm)')
            L.append('#align(center)[')
            for line in b[1]:
                L.append('#text(size: 24pt, weight: "bold", %s)\\' % ty_str(line).lstrip("#"))
            L.append('#v(2cm)')
            for line in b[2]:
                L.append('#text(size: 17pt, %s)\\' % ty_str(line).lstrip("#"))
            L.append(']')
        elif k == "pagebreak":
            L.append("#pagebreak()")
        elif k == "tochead":
            L.append('#hsec(%s)' % ty_str(b[1]).lstrip("#"))
        elif k == "tocline":
            ind = "0em" if b[1] == 1 else "1.5em"
            L.append('#block(above: 0.5em, below: 0.5em, pad(left: %s)[#set par(justify: false)\n#set text(hyphenate: false)\n%s #box(width: 1fr) %s])'
                     % (ind, ty_str(b[2]), ty_str(b[3])))
        elif k == "h":
            L.append('#%s(%s)' % ("hsec" if b[1] == 1 else "hmeas", ty_str(b[2]).lstrip("#")))
        elif k == "p":
            L.append(ty_str(b[1]) + "\n")
        elif k == "fields":
            for lab, val in b[1]:
                L.append('#block(above: 0.4em, below: 0.4em)[*%s* %s]' % (ty_str(lab), ty_str(val)))
        elif k == "kv":
            cells = ", ".join("[*%s*], [%s]" % (ty_str(l), ty_str(v)) for l, v in b[1])
            L.append('#table(columns: (4.6cm, 1fr), stroke: 0.5pt + luma(120), inset: 5pt, fill: (x, y) => if x == 0 { luma(235) }, %s)\n' % cells)
        elif k == "table":
            t = b[1]
            n = len(t["header"])
            cols = "(" + ", ".join("%gfr" % w for w in t["widths"]) + ")"
            parts = ["table.header(repeat: %s, %s)" % ("true" if t.get("repeat") else "false",
                                                      ", ".join("[*%s*]" % ty_str(h) for h in t["header"]))]
            for r in t["rows"]:
                if r[0] == "area":
                    parts.append("table.cell(colspan: %d, fill: luma(225))[*%s*]" % (n, ty_str(r[1])))
                else:
                    parts.append(", ".join("[%s]" % ty_str(c) for c in r[1]))
            width = "60%" if t.get("narrow") else "100%"
            L.append('#block(width: %s)[#set par(justify: false)\n#set text(size: 9pt, hyphenate: false)\n#table(columns: %s, stroke: 0.5pt + luma(120), inset: 4pt, %s)]\n'
                     % (width, cols, ", ".join(parts)))
    src = os.path.join(work, "report.typ")
    open(src, "w", encoding="utf-8").write("\n".join(L))
    import typst
    typst.compile(src, output=out_pdf, timestamp=FIXED_EPOCH)


# ---- HTML through Chromium -------------------------------------------------

def render_chromium(blocks, meta, out_pdf, work):
    f = meta["footer"]
    if f == "N":
        foot = "counter(page)"
    elif f == "dash":
        foot = '"– " counter(page) " –"'
    else:
        foot = '"Side " counter(page) " av " counter(pages)'
    css = """
@page { size: A4; margin: 2.2cm 2.2cm 2.5cm 2.2cm;
  @bottom-center { content: %s; font: 9pt "Liberation Sans", sans-serif; } }
@page :first { @bottom-center { content: none; } }
body { font-family: "Liberation Serif", serif; font-size: 11pt; line-height: 1.35; }
p { margin: 0 0 0.55em 0; text-align: left; }
h1, h2 { break-inside: avoid; }
h1 { font-family: "Liberation Sans", sans-serif; font-size: 17pt; margin: 1.2em 0 0.5em 0; break-after: avoid; }
h2 { font-family: "Liberation Sans", sans-serif; font-size: 13.5pt; margin: 1.1em 0 0.4em 0; break-after: avoid; }
.title { text-align: center; margin-top: 5cm; }
.title .t { font-family: "Liberation Sans", sans-serif; font-size: 26pt; font-weight: bold; margin: 0; line-height: 1.25; }
.title .s { font-size: 18pt; margin: 0; }
.pb { break-after: page; }
table { border-collapse: collapse; width: 100%%; font-size: 9.5pt; margin: 0.4em 0 1em 0; }
th, td { border: 0.6pt solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e3e3e3; }
td.area { background: #f0f0f0; font-weight: bold; }
tr { break-inside: avoid; }
.field { margin: 0 0 0.25em 0; }
.toc p { margin: 0 0 0.35em 0; display: flex; }
""" % foot
    H = ['<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>'
         % (html.escape(meta["title"]), css)]
    e = html.escape
    for b in blocks:
        k = b[0]
        if k == "title":
            H.append('<div class="title">' + "".join('<p class="t">%s</p>' % e(x) for x in b[1])
                     + '<p style="height:2cm"></p>' + "".join('<p class="s">%s</p>' % e(x) for x in b[2]) + "</div>")
        elif k == "pagebreak":
            H.append('<div class="pb"></div>')
        elif k == "tochead":
            H.append('<h1>%s</h1><div class="toc">' % e(b[1]))
        elif k == "tocline":
            H.append('<p style="margin-left:%s"><span>%s</span><span style="flex:1"></span><span>%s</span></p>'
                     % ("0" if b[1] == 1 else "1.5em", e(b[2]), e(b[3])))
        elif k == "h":
            H.append("<h%d>%s</h%d>" % (b[1], e(b[2]), b[1]))
        elif k == "p":
            H.append("<p>%s</p>" % e(b[1]))
        elif k == "fields":
            for lab, val in b[1]:
                H.append('<p class="field"><b>%s</b> %s</p>' % (e(lab), e(val)))
        elif k == "kv":
            H.append('<table style="width:80%%">' + "".join('<tr><th style="width:35%%">%s</th><td>%s</td></tr>' % (e(l), e(v)) for l, v in b[1]) + "</table>")
        elif k == "table":
            t = b[1]
            n = len(t["header"])
            w = ' style="width:50%"' if t.get("narrow") else ""
            s = ["<table%s><thead><tr>" % w + "".join('<th style="width:%d%%">%s</th>' % (round(wd * 100), e(h))
                                                   for h, wd in zip(t["header"], t["widths"])) + "</tr></thead><tbody>"]
            for i, r in enumerate(t["rows"]):
                if r[0] == "area":
                    s.append('<tr><td class="area" colspan="%d">%s</td></tr>' % (n, e(r[1])))
                else:
                    bold = t.get("bold_last") and i == len(t["rows"]) - 1
                    s.append("<tr>" + "".join(("<td><b>%s</b></td>" if bold else "<td>%s</td>") % e(c) for c in r[1]) + "</tr>")
            s.append("</tbody></table>")
            H.append("".join(s))
    H = [x for x in H]
    # close the toc div after the last tocline
    out = []
    in_toc = False
    for x in H:
        if x.startswith('<h1>') and 'class="toc"' in x:
            in_toc = True
        elif in_toc and not x.startswith('<p style="margin-left'):
            out.append("</div>")
            in_toc = False
        out.append(x)
    out.append("</body></html>")
    src = os.path.join(work, "report.html")
    open(src, "w", encoding="utf-8").write("\n".join(out))
    prof = tempfile.mkdtemp(prefix="chr-", dir=work)
    tmp_pdf = os.path.join(work, "chromium.pdf")
    r = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + prof, "--print-to-pdf=" + tmp_pdf, "--no-pdf-header-footer",
                        "file://" + src], capture_output=True, timeout=180)
    if not os.path.exists(tmp_pdf):
        sys.stderr.write(r.stderr.decode("utf-8", "replace")[-2000:])
        raise RuntimeError("chromium failed")
    shutil.move(tmp_pdf, out_pdf)
    shutil.rmtree(prof, ignore_errors=True)


# ---- reportlab -----------------------------------------------------------

def render_reportlab(blocks, meta, out_pdf, work):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, PageBreak, Table,
                                    TableStyle, CondPageBreak)
    d = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DV", d + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", d + "DejaVuSans-Bold.ttf"))
    from reportlab.lib.fonts import addMapping
    addMapping("DV", 0, 0, "DV"); addMapping("DV", 1, 0, "DVB")
    addMapping("DV", 0, 1, "DV"); addMapping("DV", 1, 1, "DVB")
    body = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=13, spaceAfter=5)
    h1 = ParagraphStyle("h1", fontName="DVB", fontSize=15, leading=19, spaceBefore=12, spaceAfter=6, keepWithNext=1, allowWidows=0, allowOrphans=0)
    h2 = ParagraphStyle("h2", fontName="DVB", fontSize=12, leading=15, spaceBefore=10, spaceAfter=4, keepWithNext=1, allowWidows=0, allowOrphans=0)
    cell = ParagraphStyle("c", fontName="DV", fontSize=8.5, leading=10.5)
    cellb = ParagraphStyle("cb", fontName="DVB", fontSize=8.5, leading=10.5)
    tt = ParagraphStyle("tt", fontName="DVB", fontSize=24, leading=30, alignment=1)
    ts = ParagraphStyle("ts", fontName="DV", fontSize=17, leading=22, alignment=1)
    toc1 = ParagraphStyle("t1", fontName="DV", fontSize=9.5, leading=12, spaceAfter=3)
    toc2 = ParagraphStyle("t2", parent=toc1, leftIndent=14)
    e = html.escape
    story = []
    width = A4[0] - 4.4 * cm
    for b in blocks:
        k = b[0]
        if k == "title":
            story.append(Spacer(1, 5 * cm))
            for x in b[1]:
                story.append(Paragraph(e(x), tt))
            story.append(Spacer(1, 2 * cm))
            for x in b[2]:
                story.append(Paragraph(e(x), ts))
        elif k == "pagebreak":
            story.append(PageBreak())
        elif k == "tochead":
            story.append(Paragraph(e(b[1]), h1))
        elif k == "tocline":
            st = toc1 if b[1] == 1 else toc2
            # dot leaders: a two-column table, the dots fill the gap
            txt = Paragraph(e(b[2]), st)
            w1 = width - 1.2 * cm - st.leftIndent
            tw, th = txt.wrap(w1, 1000)
            last_w = txt.getActualLineWidths0()[-1] if hasattr(txt, "getActualLineWidths0") else 0
            dots_w = max(w1 - last_w - 4, 6)
            ndots = int(dots_w / pdfmetrics.stringWidth(" .", "DV", 9.5))
            p = Paragraph(e(b[2]) + " " + ". " * ndots, st)
            t = Table([[p, Paragraph(e(b[3]), ParagraphStyle("r", parent=toc1, alignment=2))]],
                      colWidths=[w1 + st.leftIndent, 1.2 * cm])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            story.append(t)
        elif k == "h":
            story.append(Paragraph(e(b[2]), h1 if b[1] == 1 else h2))
        elif k == "p":
            story.append(Paragraph(e(b[1]), body))
        elif k == "fields":
            for lab, val in b[1]:
                story.append(Paragraph("<b>%s</b> %s" % (e(lab), e(val)), ParagraphStyle("f", parent=body, spaceAfter=2)))
        elif k == "kv":
            t = Table([[Paragraph(e(l), cellb), Paragraph(e(v), cell)] for l, v in b[1]], colWidths=[4 * cm, width - 4 * cm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
            story.append(t)
        elif k == "table":
            t = b[1]
            n = len(t["header"])
            tw = width * (0.5 if t.get("narrow") else 1)
            data = [[Paragraph(e(h), cellb) for h in t["header"]]]
            sty = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88))]
            for i, r in enumerate(t["rows"]):
                if r[0] == "area":
                    data.append([Paragraph(e(r[1]), cellb)] + [""] * (n - 1))
                    j = len(data) - 1
                    sty += [("SPAN", (0, j), (-1, j)), ("BACKGROUND", (0, j), (-1, j), colors.Color(0.95, 0.95, 0.95))]
                else:
                    s = cellb if t.get("bold_last") and i == len(t["rows"]) - 1 else cell
                    data.append([Paragraph(e(c), s) for c in r[1]])
            tb = Table(data, colWidths=[w * tw for w in t["widths"]], repeatRows=1 if t.get("repeat") else 0, hAlign="LEFT")
            tb.setStyle(TableStyle(sty))
            story.append(tb)
            story.append(Spacer(1, 8))

    def on_page(c, doc):
        n = doc.page - meta["offset"]
        if doc.page == 1:
            return
        c.setFont("DV", 8.5)
        c.drawCentredString(A4[0] / 2, 1.4 * cm, footer_text(meta["footer"], n, meta["total"]))

    doc = SimpleDocTemplate(out_pdf, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2.2 * cm, bottomMargin=2.4 * cm, title=meta["title"],
                            author="Fiktivt departement", invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ---- LibreOffice from .docx ------------------------------------------------

def render_docx(blocks, meta, out_pdf, work):
    import datetime
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER, WD_BREAK
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    doc = Document()
    cp = doc.core_properties
    cp.title = meta["title"]; cp.author = "Fiktivt departement"; cp.last_modified_by = "Fiktivt departement"
    cp.created = datetime.datetime(2025, 1, 1); cp.modified = datetime.datetime(2025, 1, 1); cp.revision = 1
    sec = doc.sections[0]
    sec.page_height = Cm(29.7); sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.3); sec.top_margin = Cm(2.2); sec.bottom_margin = Cm(2.4)
    textw = Cm(21.0 - 4.6)
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Sans"; normal.font.size = Pt(10.5)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang"); lang.set(qn("w:val"), "nb-NO"); rpr.append(lang)
    rf = rpr.find(qn("w:rFonts"))
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(a), "Liberation Sans")
    normal.paragraph_format.space_after = Pt(5)
    # automatic hyphenation
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation"); ah.set(qn("w:val"), "true"); settings.append(ah)
    # footer with page field, none on the title page
    sec.different_first_page_header_footer = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = 1
    f = meta["footer"]
    pre, post = {"N": ("", ""), "dash": ("–  ", "  –"), "side": ("Side ", " av %d" % meta["total"])}[f]

    def add_field(par, instr):
        fld = OxmlElement("w:fldSimple"); fld.set(qn("w:instr"), instr)
        r = OxmlElement("w:r"); rp = OxmlElement("w:rPr"); sz = OxmlElement("w:sz"); sz.set(qn("w:val"), "18")
        rp.append(sz); r.append(rp); t = OxmlElement("w:t"); t.text = "1"; r.append(t); fld.append(r)
        par._p.append(fld)
    if pre:
        fp.add_run(pre)
    add_field(fp, "PAGE")
    if post:
        fp.add_run(post)
    for r in fp.runs:
        r.font.size = Pt(9)

    def para(text, bold=False, size=None, align=None, after=None, before=None, keep=False, hyph=True):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        if after is not None:
            p.paragraph_format.space_after = Pt(after)
        if before is not None:
            p.paragraph_format.space_before = Pt(before)
        if keep:
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.keep_together = True
        if not hyph:
            ppr = p._p.get_or_add_pPr()
            sh = OxmlElement("w:suppressAutoHyphens"); sh.set(qn("w:val"), "true"); ppr.append(sh)
        return p

    def shade(cell, fill):
        tcpr = cell._tc.get_or_add_tcPr()
        s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), fill)
        tcpr.append(s)

    def cell_text(cell, text, bold=False, size=9):
        cell.text = ""
        p = cell.paragraphs[0]
        r = p.add_run(text); r.bold = bold; r.font.size = Pt(size)
        p.paragraph_format.space_after = Pt(0)
        ppr = p._p.get_or_add_pPr()
        sh = OxmlElement("w:suppressAutoHyphens"); sh.set(qn("w:val"), "true"); ppr.append(sh)

    first_break_done = False
    pending_break = False
    for b in blocks:
        k = b[0]
        if k == "pagebreak":
            pending_break = True
            continue
        if pending_break:
            # page break before the next paragraph
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            pending_break = False
        if k == "title":
            para("", after=0).paragraph_format.space_before = Pt(150)
            for x in b[1]:
                para(x, bold=True, size=24, align=1, after=2, hyph=False)
            para("", after=40)
            for x in b[2]:
                para(x, size=17, align=1, after=4, hyph=False)
        elif k == "tochead":
            para(b[1], bold=True, size=16, after=10, hyph=False)
        elif k == "tocline":
            p = para("", after=3, hyph=False)
            if b[1] == 2:
                p.paragraph_format.left_indent = Cm(0.7)
            p.paragraph_format.tab_stops.add_tab_stop(textw, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.add_run(b[2] + "\t" + b[3])
        elif k == "h":
            if b[1] == 1:
                para(b[2], bold=True, size=16, before=14, after=6, keep=True, hyph=False)
            else:
                para(b[2], bold=True, size=12.5, before=10, after=4, keep=True, hyph=False)
        elif k == "p":
            para(b[1])
        elif k == "fields":
            for lab, val in b[1]:
                p = doc.add_paragraph()
                p.paragraph_format.space_after = Pt(2)
                r = p.add_run(lab); r.bold = True
                p.add_run(" " + val)
        elif k == "kv":
            t = doc.add_table(rows=len(b[1]), cols=2)
            t.style = "Table Grid"
            for i, (l, v) in enumerate(b[1]):
                cell_text(t.rows[i].cells[0], l, bold=True, size=10)
                cell_text(t.rows[i].cells[1], v, size=10)
                t.rows[i].cells[0].width = Cm(4.5); t.rows[i].cells[1].width = Cm(11.9)
            para("", after=2)
        elif k == "table":
            t = b[1]
            n = len(t["header"])
            tot = textw * (0.5 if t.get("narrow") else 1)
            tb = doc.add_table(rows=1, cols=n)
            tb.style = "Table Grid"
            tb.alignment = WD_TABLE_ALIGNMENT.LEFT
            hdr = tb.rows[0]
            if t.get("repeat"):
                trpr = hdr._tr.get_or_add_trPr()
                th = OxmlElement("w:tblHeader"); th.set(qn("w:val"), "true"); trpr.append(th)
            for j, h in enumerate(t["header"]):
                cell_text(hdr.cells[j], h, bold=True); shade(hdr.cells[j], "E0E0E0")
            for i, r in enumerate(t["rows"]):
                row = tb.add_row()
                trpr = row._tr.get_or_add_trPr()
                cs = OxmlElement("w:cantSplit"); cs.set(qn("w:val"), "true"); trpr.append(cs)
                if r[0] == "area":
                    c = row.cells[0].merge(row.cells[-1])
                    cell_text(c, r[1], bold=True); shade(c, "F0F0F0")
                else:
                    bold = t.get("bold_last") and i == len(t["rows"]) - 1
                    for j, x in enumerate(r[1]):
                        cell_text(row.cells[j], x, bold=bold)
            tb.autofit = False
            for j, col in enumerate(tb.columns):
                col.width = int(tot * t["widths"][j])
            for row in tb.rows:
                for j, c in enumerate(row.cells):
                    c.width = int(tot * t["widths"][min(j, n - 1)]) if len(row.cells) == n else int(tot)
            para("", after=4)
    src = os.path.join(work, "report.docx")
    doc.save(src)
    prof = "file://" + os.path.join(work, "lo-profile")
    r = subprocess.run(["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", "pdf",
                        "--outdir", work, src], capture_output=True, timeout=300)
    pdf = os.path.join(work, "report.pdf")
    if not os.path.exists(pdf):
        sys.stderr.write(r.stderr.decode("utf-8", "replace")[-2000:])
        raise RuntimeError("soffice failed")
    shutil.move(pdf, out_pdf)


PRODUCERS = {
    "latex": render_latex,
    "typst": render_typst,
    "chromium-html": render_chromium,
    "reportlab": render_reportlab,
    "libreoffice-docx": render_docx,
}


# --------------------------------------------------------------------------
# one PDF: render to a fixed point of TOC page numbers, then write the truth
# --------------------------------------------------------------------------

def make_pdf(v, name):
    plan, st = v["plan"], v["plan"]["style"]
    producer = plan["producer"]
    work = os.path.join(BUILD, name[:-4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out_pdf = os.path.join(HERE, name)
    offset = st.get("page_offset", 0)
    toc_pages, total = None, 9
    for attempt in range(5):
        blocks, heads, rows, summ = build_blocks(v, toc_pages)
        meta = dict(title=plan["plan_title"], footer=st["footer"], offset=offset, total=total)
        PRODUCERS[producer](blocks, meta, out_pdf, work)
        found, npages = heading_pages(out_pdf, heads, start_page=3 if st.get("toc") else 2)
        labels = {k: str(p - offset) for k, p in found.items()}
        new_total = npages - offset
        shown = {k: str(int(labels[k]) + (v["toc_page_delta"].get(k[2:], 0) if k.startswith("m:") else 0))
                 for k in labels}
        if shown == toc_pages and new_total == total:
            break
        toc_pages, total = shown, new_total
    else:
        raise RuntimeError("TOC pages do not settle for " + name)
    normalize_pdf(out_pdf)
    truth = make_truth(v, name, heads, rows, summ, labels, toc_pages if st.get("toc") else None)
    verify(out_pdf, truth, v, npages, offset, total)
    with open(out_pdf[:-4] + ".json", "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    size = os.path.getsize(out_pdf)
    print("%-34s %-17s %2d pages %4d KB" % (name, producer, npages, size // 1024))
    return truth


def make_truth(v, name, heads, rows, summ, labels, toc_pages):
    plan, st = v["plan"], v["plan"]["style"]
    toc = []
    if toc_pages is not None:
        for key, kind, ident, text, toc_text, toc_title, level in heads:
            toc.append(dict(kind=kind, id=ident, title=toc_title, page=toc_pages[key]))
    measures = []
    for m in v["measures"]:
        has_status = not m["nofields"] and m["id"] not in v["section_status_missing"]
        desc = " ".join(paras(m["desc"]))
        progress = " ".join(m["progress"])
        if st["fields"] == "before" and not m["nofields"]:
            progress = " ".join(paras(m["desc"]) + m["progress"])
            desc = ""
        measures.append(dict(
            id=m["id"], parent=m["parent"], area=m["area"], title=m["title"],
            status=m["status"] if has_status else None,
            responsible=None if m["nofields"] else resp_text(m["lead"], m["partners"], m["form"]),
            lead=m["lead"], partners=m["partners"],
            description=desc, progress=progress, page=labels["m:" + m["id"]]))
    total, counts = summ
    if not st.get("table_area_rows", True):
        rows = [dict(r, area="") for r in rows]
    return {
        "file": name, "producer": plan["producer"], "plan_title": plan["plan_title"],
        "period": plan["period"], "as_of": "%d-12-31" % v["year"], "final_report": v["final"],
        "toc": toc,
        "areas": [dict(id=a["id"], title=a["title"]) for a in v["areas"]],
        "measures": measures,
        "overview": rows,
        "departments": [dict(abbreviation=a, name=n) for a, n in plan["departments"]] if st.get("depts") else [],
        "summary": {"total": total, "counts": [dict(status=s, count=c) for s, c in counts]},
        "findings": v["findings"],
    }


def verify(pdf, truth, v, npages, offset, total):
    st = v["plan"]["style"]
    texts = page_texts(pdf)
    allt = "\n".join(texts)
    for ch in "æøå":
        if ch not in allt:
            raise RuntimeError("%s: letter %s not extracted" % (pdf, ch))
    if "Ã" in allt or "\ufffd" in allt:
        raise RuntimeError("%s: mojibake" % pdf)
    # footers carry the labels we claim
    for i in range(1, npages):
        lab = str(i + 1 - offset)
        want = footer_text(st["footer"], lab, total)
        tail = norm_ws(texts[i])[-40:]
        if not tail.endswith(want):
            raise RuntimeError("%s: page %d footer %r, expected %r" % (pdf, i + 1, tail, want))
    # every measure heading is on the page it says
    for m in truth["measures"]:
        phys = int(m["page"]) + offset
        head = norm_ws(st["head"](m["id"], m["parent"]) + " " + m["title"])
        if head[:30] not in norm_ws(texts[phys - 1]):
            raise RuntimeError("%s: heading %r not on page %d" % (pdf, head, phys))
    if not v["findings"] and truth["toc"]:
        for t in truth["toc"]:
            if t["kind"] == "measure":
                mm = [m for m in truth["measures"] if m["id"] == t["id"]][0]
                assert mm["page"] == t["page"] and mm["title"] == t["title"], (pdf, t)
    if not v["findings"]:
        ov = {r["id"]: r for r in truth["overview"]}
        for m in truth["measures"]:
            r = ov[m["id"]]
            assert r["title"] == m["title"] and r["area"] in (m["area"], ""), (pdf, m["id"])
            assert (r["status"] or None) == m["status"], (pdf, m["id"], r["status"], m["status"])
        if truth["departments"]:
            ab = {d["abbreviation"] for d in truth["departments"]}
            for m in truth["measures"]:
                for a in ([m["lead"]] if m["lead"] else []) + m["partners"]:
                    assert a in ab, (pdf, m["id"], a)


def diff_truth(a, b):
    A = {m["id"]: m for m in a["measures"]}
    Bm = {m["id"]: m for m in b["measures"]}
    ch = []
    ids = [m["id"] for m in a["measures"]] + [m["id"] for m in b["measures"] if m["id"] not in A]
    for i in ids:
        if i not in Bm:
            ch.append(dict(measure=i, field="measure", change="removed"))
            continue
        if i not in A:
            ch.append(dict(measure=i, field="measure", change="added"))
            continue
        for f in ("title", "area", "status", "responsible", "description", "progress"):
            if A[i][f] != Bm[i][f]:
                ch.append(dict(measure=i, field=f, change=f))
    return ch


def build_plan(plan):
    y1, y2 = plan["years"]
    t1 = make_pdf(year_view(plan, y1), "%s-%d.pdf" % (plan["slug"], y1))
    t2 = make_pdf(year_view(plan, y2), "%s-%d.pdf" % (plan["slug"], y2))
    v = year_view(plan, y1)
    for spec in plan["planted"]:
        plant(v, spec)
    make_pdf(v, "%s-%d-planted.pdf" % (plan["slug"], y1))
    d = {"old": t1["file"], "new": t2["file"], "changes": diff_truth(t1, t2)}
    want = plan.get("expect_changes")
    if want is not None:
        got = sorted((c["measure"], c["field"]) for c in d["changes"])
        if got != sorted(want):
            raise RuntimeError("%s: diff %s != expected %s" % (plan["slug"], got, sorted(want)))
    with open(os.path.join(HERE, "%s-diff.json" % plan["slug"]), "w", encoding="utf-8") as fh:
        json.dump(d, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def main(argv):
    os.makedirs(BUILD, exist_ok=True)
    todo = [p for p in plans.PLANS if not argv or p["slug"] in argv]
    for p in todo:
        build_plan(p)


if __name__ == "__main__":
    main(sys.argv[1:])
