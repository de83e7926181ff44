//! Excel workbooks: one sheet per table.

use std::io::Write;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::render::tables::Table;

/// Writes the tables as one workbook, a sheet per table, with a bold,
/// frozen header row and wrapped long texts.
pub fn write(tables: &[Table], out: &mut dyn Write) -> std::io::Result<()> {
    let to_io = |e: rust_xlsxwriter::XlsxError| std::io::Error::other(e.to_string());
    let mut workbook = Workbook::new();
    // A fixed creation date: the same tables give the same bytes, so
    // committed outputs change only when their data does.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(to_io)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name).map_err(to_io)?;
        for (col, name) in table.header.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, name, &bold)
                .map_err(to_io)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                let (row, col) = (r as u32 + 1, col as u16);
                if cell.len() > 60 {
                    sheet
                        .write_string_with_format(row, col, cell, &wrap)
                        .map_err(to_io)?;
                } else {
                    sheet.write_string(row, col, cell).map_err(to_io)?;
                }
            }
        }
        for (col, name) in table.header.iter().enumerate() {
            let widest = table
                .rows
                .iter()
                .map(|r| r[col].chars().count())
                .max()
                .unwrap_or(0);
            let width = widest.max(name.len()).clamp(6, 80);
            sheet
                .set_column_width(col as u16, width as f64)
                .map_err(to_io)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(to_io)?;
    }
    let bytes = workbook.save_to_buffer().map_err(to_io)?;
    out.write_all(&bytes)
}
