//! Excel workbooks: one sheet per [`Sheet`], made for handing on.
//!
//! Takes typed sheets ([`super::sheets`]), gives `.xlsx` bytes: a bold,
//! frozen header row with an autofilter, numbers as numbers, dates as
//! dates (31.12.2023), links, long texts wrapped and every cell aligned to
//! the top, word diffs as rich text (deleted words struck through in red,
//! inserted ones underlined in green, so neither depends on colour), and
//! print setup: landscape A4, fit to the page width, the header repeated.

use std::io::Write;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatUnderline, Url, Workbook,
    Worksheet, XlsxError,
};

use crate::diff::SegmentKind;
use crate::render::sheets::{Cell, Sheet};

/// The formats of a workbook.
struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    date: Format,
    link: Format,
    deleted: Format,
    inserted: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: top.clone().set_bold().set_text_wrap(),
            text: top.clone(),
            wrap: top.clone().set_text_wrap(),
            number: top.clone(),
            date: top.clone().set_num_format("dd.mm.yyyy"),
            link: top
                .clone()
                .set_font_color(Color::Blue)
                .set_underline(FormatUnderline::Single),
            deleted: Format::new()
                .set_font_strikethrough()
                .set_font_color(Color::RGB(0xA00000)),
            inserted: Format::new()
                .set_underline(FormatUnderline::Single)
                .set_font_color(Color::RGB(0x006030)),
        }
    }
}

/// Writes the sheets as one workbook.
pub fn write(sheets: &[Sheet], out: &mut dyn Write) -> std::io::Result<()> {
    let to_io = |e: XlsxError| std::io::Error::other(e.to_string());
    let mut workbook = Workbook::new();
    // A fixed creation date: the same tables give the same bytes, so
    // committed outputs change only when their data does.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(to_io)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let formats = Formats::new();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        write_sheet(ws, sheet, &formats).map_err(to_io)?;
    }
    let bytes = workbook.save_to_buffer().map_err(to_io)?;
    out.write_all(&bytes)
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let first = u32::from(!sheet.header.is_empty());
    for (col, name) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, name, &f.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            write_cell(ws, r as u32 + first, col as u16, cell, f)?;
        }
    }
    let columns = sheet
        .rows
        .iter()
        .map(Vec::len)
        .chain([sheet.header.len()])
        .max()
        .unwrap_or(0);
    for col in 0..columns {
        ws.set_column_width(col as u16, width(sheet, col))?;
    }
    if first == 1 && columns > 0 {
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, sheet.rows.len() as u32, columns as u16 - 1)?;
        ws.set_repeat_rows(0, 0)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string_with_format(row, col, s, &f.text)?;
        }
        Cell::Long(s) => {
            ws.write_string_with_format(row, col, s, &f.wrap)?;
        }
        Cell::Number(n) => {
            ws.write_number_with_format(row, col, *n, &f.number)?;
        }
        Cell::Date { year, month, day } => {
            let date = ExcelDateTime::from_ymd(*year, *month, *day)?;
            ws.write_datetime_with_format(row, col, &date, &f.date)?;
        }
        Cell::Link { url, text } => {
            // A relative file (the report's PDF beside the outputs) is an
            // "file:///" link to rust_xlsxwriter, stored relative; its #page=N rides along.
            let url = if url.contains("://") {
                url.clone()
            } else {
                format!("file:///{url}")
            };
            ws.write_url_with_format(row, col, Url::new(url).set_text(text), &f.link)?;
        }
        Cell::Marked(parts) => {
            let runs: Vec<(&Format, &str)> = parts
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(kind, t)| {
                    let format = match kind {
                        SegmentKind::Equal => &f.wrap,
                        SegmentKind::Delete => &f.deleted,
                        SegmentKind::Insert => &f.inserted,
                    };
                    (format, t.as_str())
                })
                .collect();
            write_marked(ws, row, col, &runs, f)?;
        }
    }
    Ok(())
}

/// A word diff as rich text, words separated by spaces.
fn write_marked(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    runs: &[(&Format, &str)],
    f: &Formats,
) -> Result<(), XlsxError> {
    if runs.is_empty() {
        return Ok(());
    }
    let spaced: Vec<(&Format, String)> = runs
        .iter()
        .enumerate()
        .map(|(i, (format, t))| {
            (
                *format,
                if i == 0 {
                    t.to_string()
                } else {
                    format!(" {t}")
                },
            )
        })
        .collect();
    let borrowed: Vec<(&Format, &str)> = spaced.iter().map(|(f, t)| (*f, t.as_str())).collect();
    ws.write_rich_string_with_format(row, col, &borrowed, &f.wrap)?;
    Ok(())
}

/// A column's width from its widest cell, long texts capped.
fn width(sheet: &Sheet, col: usize) -> f64 {
    let chars = |cell: &Cell| match cell {
        Cell::Empty => 0,
        Cell::Text(s) | Cell::Long(s) => s.chars().count(),
        Cell::Number(_) => 6,
        Cell::Date { .. } => 10,
        Cell::Link { text, .. } => text.chars().count(),
        Cell::Marked(parts) => parts.iter().map(|(_, t)| t.chars().count() + 1).sum(),
    };
    let widest = sheet
        .rows
        .iter()
        .filter_map(|r| r.get(col))
        .map(chars)
        .chain(sheet.header.get(col).map(|h| h.chars().count()))
        .max()
        .unwrap_or(0);
    widest.clamp(6, 70) as f64
}
