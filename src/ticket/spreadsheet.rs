//! The ticket document as an `.xlsx` workbook, formatted as a document: a sheet "Changes" for an
//! update, a sheet "Integration" and a sheet "Actions"; bold headings, columns fitted to their
//! content, wrapped values, the table's header row frozen, every value a string cell.

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
    if let Some(changes) = &document.changes {
        let mut sheet = Sheet::new(workbook.add_worksheet(), "Changes", &styles, CHANGE_COLUMNS.len())?;
        sheet.header(document)?;
        sheet.changes(changes)?;
        sheet.finish()?;
    }
    let mut sheet = Sheet::new(workbook.add_worksheet(), "Integration", &styles, FIELD_VALUE.len())?;
    if document.changes.is_none() {
        sheet.header(document)?;
    }
    sheet.sentence(DETAILS_HEADING, &styles.title)?;
    sheet.field_table(&document.details, true)?;
    sheet.row += 1;
    sheet.sentence(ADDITIONS_HEADING, &styles.title)?;
    sheet.field_table(&document.additions, false)?;
    sheet.finish()?;

    let mut sheet = Sheet::new(workbook.add_worksheet(), "Actions", &styles, INPUT_COLUMNS.len())?;
    if document.actions.is_empty() {
        sheet.sentence("This integration has no actions.", &styles.sentence)?;
    }
    for action in &document.actions {
        sheet.action(action)?;
    }
    sheet.finish()?;
    workbook.save_to_buffer().map_err(internal)
}

/// A worksheet being filled from the top, one row after another, measuring its columns.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
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
    fn new(sheet: &'a mut Worksheet, name: &str, styles: &'a Styles, columns: usize) -> Result<Sheet<'a>, TicketError> {
        sheet.set_name(name).map_err(internal)?;
        // Printed on as many pages as needed, but one page wide.
        sheet.set_print_fit_to_pages(1, 0);
        let columns = u16::try_from(columns).unwrap_or(u16::MAX);
        Ok(Sheet { sheet, styles, row: 0, columns, widths: vec![0; usize::from(columns)], frozen: None })
    }

    /// Fits each column to its longest line (within [`WIDTH_RANGE`]) and freezes the header row.
    fn finish(self) -> Result<(), TicketError> {
        for (column, longest) in (0u16..).zip(&self.widths) {
            let width = (longest + 2).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
            self.sheet.set_column_width(column, width as f64).map_err(internal)?;
        }
        if let Some(row) = self.frozen {
            self.sheet.set_freeze_panes(row, 0).map_err(internal)?;
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
            self.header_row(&INPUT_COLUMNS, false)?;
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
        let text = document_text(text);
        let result = if self.columns > 1 {
            self.sheet.merge_range(self.row, 0, self.row, self.columns - 1, &text, style).map(|_| ())
        } else {
            self.sheet.write_string_with_format(self.row, 0, text, style).map(|_| ())
        };
        result.map_err(|error| cell_error(error, "a heading"))?;
        self.row += 1;
        Ok(())
    }

    /// Writes one row of string cells (never a formula, whatever a value starts with) and moves
    /// down; `what` names the row in an error.
    fn line(&mut self, cells: &[&str], style: &Format, what: &str) -> Result<(), TicketError> {
        for (column, value) in (0u16..).zip(cells) {
            let shown = document_text(value);
            let longest = shown.lines().map(|line| line.chars().count()).max().unwrap_or(0);
            if let Some(width) = self.widths.get_mut(usize::from(column)) {
                *width = (*width).max(longest);
            }
            self.sheet
                .write_string_with_format(self.row, column, shown, style)
                .map_err(|error| cell_error(error, what))?;
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
