//! The ticket document as an `.xlsx` workbook: a sheet "Integration" and a sheet "Actions", every value a string cell.

use super::TicketError;
use super::document::{
    ActionSection, DETAILS_HEADING, Document, FIELD_VALUE, INPUT_COLUMNS, PURPOSE, Row, TICKET_INTRO, TICKET_SETTINGS,
    TITLE,
};
use super::visible::visible;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// Column widths (in characters) of the sheet "Integration": field names, then values.
const INTEGRATION_WIDTHS: [f64; 2] = [34.0, 90.0];

/// Column widths of the sheet "Actions": field or key, value or name, mandatory, type, format.
const ACTIONS_WIDTHS: [f64; 5] = [24.0, 48.0, 12.0, 12.0, 48.0];

/// The styles of the workbook's cells.
struct Styles {
    title: Format,
    heading: Format,
    value: Format,
}

impl Styles {
    fn new() -> Styles {
        let value = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading: value.clone().set_bold().set_background_color("#E7E6E6"),
            value,
        }
    }
}

/// The workbook's bytes.
pub(super) fn render(document: &Document) -> Result<Vec<u8>, TicketError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let integration = workbook.add_worksheet();
    integration.set_name("Integration").map_err(internal)?;
    let mut sheet = Sheet { sheet: integration, styles: &styles, row: 0 };
    sheet.widths(&INTEGRATION_WIDTHS)?;
    sheet.header(document)?;
    sheet.line(&[DETAILS_HEADING], &styles.title, "")?;
    sheet.field_table(&document.details)?;

    let actions = workbook.add_worksheet();
    actions.set_name("Actions").map_err(internal)?;
    let mut sheet = Sheet { sheet: actions, styles: &styles, row: 0 };
    sheet.widths(&ACTIONS_WIDTHS)?;
    if document.actions.is_empty() {
        sheet.line(&["This integration has no actions."], &styles.value, "")?;
    }
    for action in &document.actions {
        sheet.action(action)?;
    }
    workbook.save_to_buffer().map_err(internal)
}

/// A worksheet being filled from the top, one row after another.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    row: u32,
}

impl Sheet<'_> {
    fn widths(&mut self, widths: &[f64]) -> Result<(), TicketError> {
        for (column, width) in (0u16..).zip(widths) {
            self.sheet.set_column_width(column, *width).map_err(internal)?;
        }
        // Printed on as many pages as needed, but one page wide.
        self.sheet.set_print_fit_to_pages(1, 0);
        Ok(())
    }

    fn header(&mut self, document: &Document) -> Result<(), TicketError> {
        let styles = self.styles;
        self.line(&[TITLE], &styles.title, "")?;
        self.line(&[PURPOSE], &styles.value, "")?;
        self.row += 1;
        for (label, value) in &document.about {
            self.line(&[*label, value.as_str()], &styles.value, label)?;
        }
        self.row += 1;
        self.line(&[TICKET_INTRO], &styles.value, "")?;
        for (label, value) in TICKET_SETTINGS {
            self.line(&[label, value], &styles.value, label)?;
        }
        self.row += 1;
        Ok(())
    }

    fn field_table(&mut self, rows: &[Row]) -> Result<(), TicketError> {
        let styles = self.styles;
        self.line(&FIELD_VALUE, &styles.heading, "")?;
        for row in rows {
            self.line(&[row.field, &row.value.lines().join("\n")], &styles.value, row.field)?;
        }
        Ok(())
    }

    fn action(&mut self, action: &ActionSection) -> Result<(), TicketError> {
        let styles = self.styles;
        self.line(&[&action.heading], &styles.title, "")?;
        self.field_table(&action.rows)?;
        self.row += 1;
        if action.inputs.is_empty() {
            self.line(&["No inputs."], &styles.value, "")?;
        } else {
            self.line(&["Inputs:"], &styles.value, "")?;
            self.line(&INPUT_COLUMNS, &styles.heading, "")?;
            for input in &action.inputs {
                let cells: Vec<&str> = input.iter().map(String::as_str).collect();
                self.line(&cells, &styles.value, &input[0])?;
            }
        }
        self.row += 2;
        Ok(())
    }

    /// Writes one row of string cells (never a formula, whatever a value starts with) and moves
    /// down; `what` names the row in an error.
    fn line(&mut self, cells: &[&str], style: &Format, what: &str) -> Result<(), TicketError> {
        for (column, value) in (0u16..).zip(cells) {
            self.sheet.write_string_with_format(self.row, column, visible(value), style).map_err(
                |error| match error {
                    XlsxError::MaxStringLengthExceeded => TicketError::TooLongForSpreadsheet(what.to_owned()),
                    error => internal(error),
                },
            )?;
        }
        self.row += 1;
        Ok(())
    }
}

fn internal(error: XlsxError) -> TicketError {
    TicketError::Spreadsheet(error.to_string())
}
