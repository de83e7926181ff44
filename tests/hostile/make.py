#!/usr/bin/env python3
"""Generate the hostile-input corpus in this folder.

Every file here is something a user might feed `tiltak` (a broken download,
a scan, a protected file, the wrong report) or something built to break a
PDF reader (loops, absurd sizes, malformed fonts). `tests/hostile.rs` runs
the real binary on each and expects exit status 2 within a time bound, one
plain sentence on stderr naming the file and the problem, no panic text and
no output files.

Needs Python 3 (standard library), qpdf and poppler's pdftotext. Reuses the tiny PDF writer of
tests/fixtures/bad/make_bad.py. Run from anywhere:

  python3 tests/hostile/make.py

All files are byte-for-byte reproducible except the AES-256 encrypted ones
(random salts); those are kept while they still decrypt to the same text.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests" / "fixtures" / "bad"))
import make_bad  # noqa: E402  (the shared PDF writer)
from make_bad import pdf_string, stream_obj, write_pdf  # noqa: E402

MAX_SIZE = 100 * 1024
MAX_SIZE_HUGE = 1024 * 1024
A4 = (595, 842)


def run(cmd: list[str], ok_codes=(0,)) -> subprocess.CompletedProcess:
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode not in ok_codes:
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout!r}{p.stderr!r}")
    return p


def qpdf(*args: str, ok_codes=(0, 3)) -> None:
    """qpdf exits 3 for warnings, which broken inputs are meant to give."""
    run(["qpdf", "--static-id", *args], ok_codes)


# ------------------------------------------------------------ the documents
def real_page() -> bytes:
    """Page 6 of the real 2023 report (LibreOffice, embedded TrueType
    subsets): a genuine PDF, cut out with qpdf, to truncate."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page.pdf"
        qpdf(str(REPO / "inputs" / "frihet-status-2023.pdf"), "--pages", ".", "6", "--", str(out))
        return out.read_bytes()


def unrelated() -> bytes:
    """A valid two-page PDF of another kind of document: a sports club's
    annual accounts, with a table (columns), Norwegian letters and a
    "Status" heading, but no measures."""
    rows = [
        ("Medlemskontingent", "184 500", "176 200"),
        ("Treningsavgifter", "312 750", "298 000"),
        ("Dugnadsinntekter", "45 300", "61 900"),
        ("Leie av hall", "-221 000", "-214 500"),
        ("Utstyr og drakter", "-96 420", "-88 100"),
        ("Dommerutgifter", "-31 800", "-29 950"),
    ]
    table = [(11, f"{a:<28}{b:>12}{c:>12}") for a, b, c in rows]
    pages = [
        [(16, "Årsregnskap 2023 for Solbakken idrettslag"), (11, ""),
         (11, "Styret legger med dette fram regnskapet for 2023."), (11, ""),
         (11, "Post                               2023        2022")] + table,
        [(13, "Status for anlegget"), (11, ""),
         (11, "Kunstgressbanen ble rehabilitert i august. Lysanlegget er byttet"),
         (11, "til LED, og strømforbruket har gått ned med om lag en tredel."), (11, ""),
         (11, "Solbakken, 14. februar 2024"), (11, "Styret")],
    ]
    return make_bad.text_pdf(pages, "Årsregnskap 2023 Solbakken IL")


def truncations(pdf: bytes) -> dict[str, bytes]:
    eof = pdf.rindex(b"%%EOF")
    xref = pdf.rindex(b"\nxref") + 1
    return {
        "truncated-10pct.pdf": pdf[: len(pdf) * 10 // 100],
        "truncated-50pct.pdf": pdf[: len(pdf) * 50 // 100],
        "truncated-90pct.pdf": pdf[: len(pdf) * 90 // 100],
        "truncated-before-xref.pdf": pdf[:xref],
        "truncated-before-eof.pdf": pdf[:eof],
        # The header only: what a download cut off at once leaves.
        "header-only.pdf": pdf[: pdf.index(b"\n") + 1],
    }


def self_referencing_tree() -> bytes:
    """The page tree's /Kids contain the tree itself (and one real page)."""
    content = b"BT /F1 12 Tf 72 770 Td (Sidetreet peker paa seg selv) Tj ET"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream_obj(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (make.py) >>",
    ])


def parent_loop() -> bytes:
    """A page with no /MediaBox or /Resources of its own whose /Parent chain
    loops (page -> node -> page): looking for the MediaBox never ends."""
    content = b"BT /F1 12 Tf 72 770 Td (Foreldrekjeden gaar i ring) Tj ET"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        stream_obj(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (make.py) >>",
    ])


def form_loop() -> bytes:
    """A form XObject that draws itself: a reader that follows `Do` without a
    guard recurses until its stack overflows."""
    form = stream_obj(b"BT /F1 12 Tf 72 770 Td (Skjemaet tegner seg selv) Tj ET /X Do",
                      b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                      b" /Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >>")
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
        stream_obj(b"/X Do"),
        form,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (make.py) >>",
    ])


def many_pages(n: int = 20000) -> bytes:
    """n pages sharing one font and one content stream, in a balanced tree
    of 100-page nodes; qpdf packs the objects into compressed object streams
    so the file stays small."""
    content = b"BT /F1 24 Tf 72 400 Td (Side) Tj ET"
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # 2: the root, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_obj(content),
    ]
    per_node = 100
    nodes = []
    for start in range(0, n, per_node):
        node_id = len(objs) + 1
        objs.append(b"")
        kids = []
        for _ in range(min(per_node, n - start)):
            kids.append(len(objs) + 1)
            objs.append(b"<< /Type /Page /Parent %d 0 R /Contents 4 0 R >>" % node_id)
        objs[node_id - 1] = (b"<< /Type /Pages /Parent 2 0 R /Count %d /Kids [%s] >>"
                             % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
        nodes.append(node_id)
    objs[1] = (b"<< /Type /Pages /Count %d /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 3 0 R >> >> /Kids [%s] >>"
               % (n, b" ".join(b"%d 0 R" % k for k in nodes)))
    objs.append(b"<< /Producer (make.py) >>")
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(write_pdf(objs))
        qpdf("--object-streams=generate", "--compress-streams=y", str(src), str(dst))
        return dst.read_bytes()


def cid_font_pdf(widths: bytes, text: str = "Bredder som ikke henger sammen") -> bytes:
    """One page in a Type0 font (Identity-H, glyph id = position in `text`
    + 1, ToUnicode CMap) whose CIDFontType2 descendant has /W `widths`."""
    chars = list(dict.fromkeys(text))
    gid = {c: i + 1 for i, c in enumerate(chars)}
    shown = b"<" + b"".join(b"%04X" % gid[c] for c in text) + b">"
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"%d beginbfchar\n" % len(chars)
            + b"".join(b"<%04X> <%04X>\n" % (gid[c], ord(c)) for c in chars)
            + b"endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
    content = b"BT /F1 12 Tf 72 770 Td " + shown + b" Tj ET"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream_obj(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Liberation /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Liberation "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /DW 556 /W " + widths + b" >>",
        stream_obj(cmap),
        b"<< /Type /FontDescriptor /FontName /AAAAAA+Liberation /Flags 4 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 "
        b"/CapHeight 700 /StemV 80 >>",
        b"<< /Producer (make.py) >>",
    ])


def font_without_keys(font: bytes) -> bytes:
    content = b"BT /F1 12 Tf 72 770 Td (Skriften mangler noekler) Tj ET"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream_obj(content),
        font,
        b"<< /Producer (make.py) >>",
    ])


def nested_arrays(depth: int = 40_000) -> bytes:
    """An object nested 40 000 arrays deep: a recursive parser without a
    depth limit overflows its stack."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Junk 3 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"[" * depth + b"]" * depth,
        b"<< /Producer (make.py) >>",
    ])


def xref_loop() -> bytes:
    """A trailer whose /Prev points back at its own xref section."""
    pdf = make_bad.text_pdf([[(12, "Kryssreferansen peker paa seg selv")]], "Loop")
    start = int(pdf[pdf.rindex(b"startxref") + 9:].split()[0])
    return pdf.replace(b"/Info", b"/Prev %d /Info" % start, 1)


def huge_stream_length() -> bytes:
    """A content stream whose /Length claims 2 GB."""
    pdf = make_bad.text_pdf([[(12, "Lengden lyver")]], "Length")
    return re.sub(rb"/Length \d+", b"/Length 2147483647", pdf, count=1)


def deflate_bomb(megabytes: int = 70) -> bytes:
    """A 70 KB content stream that unpacks to 70 MB of spaces after one line
    of text: unpacked whole (and again per page) it exhausts memory; one
    of 200 MB, the default size limit, would unpack to 200 GB."""
    data = b"BT /F1 12 Tf 72 770 Td (Bombe) Tj ET\n" + b" " * (megabytes * 1024 * 1024)
    packed = zlib.compress(data, 9)
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (make.py) >>",
    ])


# ----------------------------------------------------------------- writing
def encrypt(src: Path, dst: Path, user_pw: str, *how: str) -> None:
    """Re-encrypts only when needed: AES salts are random, so an existing
    file that still decrypts to the same text is kept."""
    if dst.exists():
        same = make_bad.pdftotext(dst, "-upw", user_pw)
        if same.returncode == 0 and same.stdout == make_bad.pdftotext(src).stdout:
            return
    weak = [h for h in how if h == "--allow-weak-crypto"]
    how = tuple(h for h in how if h != "--allow-weak-crypto")
    qpdf(*weak, "--encrypt", user_pw, "OWNERPW", *how, "--", str(src), str(dst), ok_codes=(0,))


def generate() -> list[str]:
    files: dict[str, bytes] = {}
    files["empty.pdf"] = b""
    files["whitespace.pdf"] = b" \n\r\n\t \n"
    files["text-named-pdf.pdf"] = ("Dette er et notat, ikke en PDF.\n\n"
                                   "Husk å sende rapporten innen fredag.\n").encode("utf-8")
    files["html-named-pdf.pdf"] = (b"<!DOCTYPE html><html><head><title>404 Not Found</title>"
                                   b"</head><body><h1>Not Found</h1></body></html>\n")
    rng = random.Random(6)
    files["random.pdf"] = rng.randbytes(4096)
    files["random-with-header.pdf"] = b"%PDF-1.7\n" + rng.randbytes(4096)
    files["nul-bytes.pdf"] = b"\0" * 2048
    page = real_page()
    files.update(truncations(page))
    files["unrelated.pdf"] = unrelated()
    files["image-only.pdf"] = make_bad.image_pdf()
    files["page-tree-loop.pdf"] = self_referencing_tree()
    files["parent-loop.pdf"] = parent_loop()
    files["form-loop.pdf"] = form_loop()
    files["many-pages.pdf"] = many_pages()
    files["cid-w-short.pdf"] = cid_font_pdf(b"[1 ]")
    files["cid-w-backwards.pdf"] = cid_font_pdf(b"[5 2 100]")
    files["cid-w-not-numbers.pdf"] = cid_font_pdf(b"[1 [500 600] 3 /a 700 5 [(b)]]")
    files["cid-w-huge-range.pdf"] = cid_font_pdf(b"[0 2147483647 500 -5 9223372036854775807 1]")
    files["cid-w-many-ranges.pdf"] = cid_font_pdf(b"[" + b"0 65535 500 " * 4000 + b"]")
    files["font-type0-no-descendants.pdf"] = font_without_keys(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo >>")
    files["font-no-subtype.pdf"] = font_without_keys(b"<< /Type /Font >>")
    files["font-not-a-dictionary.pdf"] = font_without_keys(b"42")
    files["nested-arrays.pdf"] = nested_arrays()
    files["xref-loop.pdf"] = xref_loop()
    files["huge-stream-length.pdf"] = huge_stream_length()
    files["deflate-bomb.pdf"] = deflate_bomb()
    for name, data in files.items():
        (HERE / name).write_bytes(data)

    unrelated_pdf = HERE / "unrelated.pdf"
    encrypt(unrelated_pdf, HERE / "encrypted-aes256-userpw.pdf", "USERPW", "256")
    encrypt(unrelated_pdf, HERE / "encrypted-aes256-empty-userpw.pdf", "", "256")
    encrypt(unrelated_pdf, HERE / "encrypted-rc4-userpw.pdf", "USERPW", "128", "--use-aes=n", "--allow-weak-crypto")
    encrypt(unrelated_pdf, HERE / "encrypted-rc4-empty-userpw.pdf", "", "128", "--use-aes=n", "--allow-weak-crypto")
    return sorted(files) + [
        "encrypted-aes256-userpw.pdf", "encrypted-aes256-empty-userpw.pdf",
        "encrypted-rc4-userpw.pdf", "encrypted-rc4-empty-userpw.pdf"]


def verify(names: list[str]) -> bool:
    ok = True
    for name in names:
        size = (HERE / name).stat().st_size
        limit = MAX_SIZE_HUGE if name == "many-pages.pdf" else MAX_SIZE
        if size >= limit:
            print(f"FAIL  {name}: {size} bytes, more than {limit}")
            ok = False
        else:
            print(f"ok    {name}: {size} bytes")
    checks = [
        ("unrelated.pdf", [], 0),
        ("encrypted-aes256-empty-userpw.pdf", [], 0),
        ("encrypted-rc4-empty-userpw.pdf", [], 0),
        ("encrypted-aes256-userpw.pdf", ["--password=USERPW"], 0),
        ("encrypted-aes256-userpw.pdf", [], 2),
        ("many-pages.pdf", [], 0),
    ]
    for name, opts, want in checks:
        got = subprocess.run(["qpdf", *opts, "--check", str(HERE / name)], capture_output=True).returncode
        good = got == want
        ok &= good
        print(f"{'ok   ' if good else 'FAIL '} qpdf --check {' '.join(opts)} {name}: exit {got}")
    pages = run(["qpdf", "--show-npages", str(HERE / "many-pages.pdf")]).stdout.strip()
    good = pages == b"20000"
    ok &= good
    print(f"{'ok   ' if good else 'FAIL '} many-pages.pdf has {pages.decode()} pages")
    return ok


if __name__ == "__main__":
    sys.exit(0 if verify(generate()) else 1)
