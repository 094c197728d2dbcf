//! The ticket document as an `.xlsx` workbook, formatted as a document: a sheet "Changes" for an
//! update, a sheet "Integration" and a sheet "Actions"; bold headings, columns fitted to their
//! content, wrapped values, the table's header row frozen, every value a string cell.
//!
//! Each sheet is written in `rust_xlsxwriter`'s constant-memory mode, row after row, so a workbook
//! of thousands of actions holds one row in memory rather than every cell. That mode cannot go back
//! to a row, so each sheet is filled twice from the document: a first pass only measures (column
//! widths, the row to freeze), the second sets them and then writes the rows in order.

use super::TicketError;
use super::document::{
    ADDITIONS_HEADING, ActionSection, CHANGE_COLUMNS, CHANGES_HEADING, ChangeRow, DETAILS_HEADING, Document,
    FIELD_VALUE, INPUT_COLUMNS, Row,
};
use crate::escape::document_text;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// The narrowest and widest a column is made (in characters): wider values wrap.
const WIDTH_RANGE: (usize, usize) = (10, 80);

/// The styles of the workbook's cells.
struct Styles {
    title: Format,
    heading: Format,
    value: Format,
    /// A sentence across the sheet's columns (the purpose, the header's lines).
    sentence: Format,
}

impl Styles {
    fn new() -> Styles {
        let value = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading: value.clone().set_bold().set_background_color("#E7E6E6"),
            sentence: Format::new().set_align(FormatAlign::Top),
            value,
        }
    }
}

/// The workbook's bytes.
pub(super) fn render(document: &Document) -> Result<Vec<u8>, TicketError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    // The level Excel itself saves with: compressing takes most of a large workbook's time, and
    // level 3 takes about 30% less than the default 6 for a file about 5% larger.
    workbook.set_zip_compression_level(3);
    if let Some(changes) = &document.changes {
        add_sheet(&mut workbook, "Changes", &styles, CHANGE_COLUMNS.len(), |sheet| {
            sheet.header(document)?;
            sheet.changes(changes)
        })?;
    }
    add_sheet(&mut workbook, "Integration", &styles, FIELD_VALUE.len(), |sheet| {
        if document.changes.is_none() {
            sheet.header(document)?;
        }
        sheet.sentence(DETAILS_HEADING, &styles.title)?;
        sheet.field_table(&document.details, true)?;
        sheet.row += 1;
        sheet.sentence(ADDITIONS_HEADING, &styles.title)?;
        sheet.field_table(&document.additions, false)
    })?;
    add_sheet(&mut workbook, "Actions", &styles, INPUT_COLUMNS.len(), |sheet| {
        if !document.has_actions() {
            sheet.sentence("This integration has no actions.", &styles.sentence)?;
        }
        // Made again for each pass, one at a time: only one action's rows are ever held.
        for action in document.actions() {
            sheet.action(&action)?;
        }
        Ok(())
    })?;
    workbook.save_to_buffer().map_err(internal)
}

/// Adds the sheet `name` of `columns` table columns, filled by `fill`: once to measure it, then
/// again to write it row by row into a constant-memory worksheet laid out from the measures.
fn add_sheet(
    workbook: &mut Workbook,
    name: &str,
    styles: &Styles,
    columns: usize,
    fill: impl Fn(&mut Sheet<'_>) -> Result<(), TicketError>,
) -> Result<(), TicketError> {
    let mut measured = Sheet::new(None, styles, columns);
    fill(&mut measured)?;
    let worksheet = workbook.add_worksheet_with_constant_memory().map_err(internal)?;
    worksheet.set_name(name).map_err(internal)?;
    // Printed on as many pages as needed, but one page wide.
    worksheet.set_print_fit_to_pages(1, 0);
    measured.lay_out(worksheet)?;
    fill(&mut Sheet::new(Some(worksheet), styles, columns))
}

/// A worksheet being filled from the top, one row after another, measuring its columns; without
/// a worksheet it only measures.
struct Sheet<'a> {
    sheet: Option<&'a mut Worksheet>,
    styles: &'a Styles,
    row: u32,
    /// How many columns the sheet's tables have: a sentence spans them all.
    columns: u16,
    /// The longest line met so far in each column's table cells, in characters.
    widths: Vec<usize>,
    /// The first row under the first table's header row, frozen on screen.
    frozen: Option<u32>,
}

impl<'a> Sheet<'a> {
    fn new(sheet: Option<&'a mut Worksheet>, styles: &'a Styles, columns: usize) -> Sheet<'a> {
        let columns = u16::try_from(columns).unwrap_or(u16::MAX);
        Sheet { sheet, styles, row: 0, columns, widths: vec![0; usize::from(columns)], frozen: None }
    }

    /// Fits each column of `worksheet` to the longest line measured (within [`WIDTH_RANGE`]) and
    /// freezes the header row: before any row is written, as constant-memory mode wants.
    fn lay_out(&self, worksheet: &mut Worksheet) -> Result<(), TicketError> {
        for (column, longest) in (0u16..).zip(&self.widths) {
            let width = (longest + 2).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
            worksheet.set_column_width(column, width as f64).map_err(internal)?;
        }
        if let Some(row) = self.frozen {
            worksheet.set_freeze_panes(row, 0).map_err(internal)?;
        }
        Ok(())
    }

    /// The title, what the document is, and what it is about.
    fn header(&mut self, document: &Document) -> Result<(), TicketError> {
        let styles = self.styles;
        self.sentence(document.title, &styles.title)?;
        self.sentence(document.purpose, &styles.sentence)?;
        self.row += 1;
        for (label, value) in &document.about {
            self.sentence(&format!("{label}: {value}"), &styles.sentence)?;
        }
        self.row += 1;
        Ok(())
    }

    fn changes(&mut self, changes: &[ChangeRow]) -> Result<(), TicketError> {
        let styles = self.styles;
        self.sentence(CHANGES_HEADING, &styles.title)?;
        if changes.is_empty() {
            return self.sentence("No changes in meaning since the previous version.", &styles.sentence);
        }
        self.header_row(&CHANGE_COLUMNS, true)?;
        for change in changes {
            let cells = [&change.change, &change.before, &change.after, &change.breaks].map(String::as_str);
            self.line(&cells, &styles.value, &change.change)?;
        }
        Ok(())
    }

    fn field_table(&mut self, rows: &[Row], freeze: bool) -> Result<(), TicketError> {
        let styles = self.styles;
        self.header_row(&FIELD_VALUE, freeze)?;
        for row in rows {
            self.line(&[row.field, &row.value.lines().join("\n")], &styles.value, row.field)?;
        }
        Ok(())
    }

    fn action(&mut self, action: &ActionSection) -> Result<(), TicketError> {
        let styles = self.styles;
        self.sentence(&action.heading, &styles.title)?;
        self.field_table(&action.rows, false)?;
        self.row += 1;
        if action.inputs.is_empty() {
            self.sentence("No inputs.", &styles.sentence)?;
        } else {
            self.sentence("Inputs:", &styles.sentence)?;
            self.header_row(INPUT_COLUMNS, false)?;
            for input in &action.inputs {
                let cells: Vec<&str> = input.iter().map(String::as_str).collect();
                self.line(&cells, &styles.value, &input[0])?;
            }
        }
        self.row += 2;
        Ok(())
    }

    /// A table's header row, in bold; `freeze` keeps it (and what is above) on screen while scrolling.
    fn header_row(&mut self, cells: &[&str], freeze: bool) -> Result<(), TicketError> {
        let styles = self.styles;
        self.line(cells, &styles.heading, "")?;
        if freeze && self.frozen.is_none() {
            self.frozen = Some(self.row);
        }
        Ok(())
    }

    /// A sentence or heading across every column of the sheet (merged), so that it never wraps
    /// inside the first, narrow column.
    fn sentence(&mut self, text: &str, style: &Format) -> Result<(), TicketError> {
        if let Some(sheet) = self.sheet.as_deref_mut() {
            let text = document_text(text);
            let result = if self.columns > 1 {
                sheet.merge_range(self.row, 0, self.row, self.columns - 1, &text, style).map(|_| ())
            } else {
                sheet.write_string_with_format(self.row, 0, text, style).map(|_| ())
            };
            result.map_err(|error| cell_error(error, "a heading"))?;
        }
        self.row += 1;
        Ok(())
    }

    /// Writes one row of string cells (never a formula, whatever a value starts with) and moves
    /// down; `what` names the row in an error.
    fn line(&mut self, cells: &[&str], style: &Format, what: &str) -> Result<(), TicketError> {
        for (column, value) in (0u16..).zip(cells) {
            let shown = document_text(value);
            match self.sheet.as_deref_mut() {
                Some(sheet) => {
                    sheet
                        .write_string_with_format(self.row, column, shown, style)
                        .map_err(|error| cell_error(error, what))?;
                }
                None => {
                    let longest = shown.lines().map(|line| line.chars().count()).max().unwrap_or(0);
                    if let Some(width) = self.widths.get_mut(usize::from(column)) {
                        *width = (*width).max(longest);
                    }
                }
            }
        }
        self.row += 1;
        Ok(())
    }
}

fn cell_error(error: XlsxError, what: &str) -> TicketError {
    match error {
        XlsxError::MaxStringLengthExceeded => TicketError::TooLongForSpreadsheet(what.to_owned()),
        error => internal(error),
    }
}

fn internal(error: XlsxError) -> TicketError {
    TicketError::Spreadsheet(error.to_string())
}
