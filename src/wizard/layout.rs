//! Where everything goes on screen, as pure functions of the state: drawing and mouse clicks use the same ones.

use super::app::App;
use super::editor::TextBox;
use super::form::Row;
use super::keys::{Command, Scope};
use super::steps::Step;
use crate::manifest::edit::ListRef;
use crate::manifest::{AuthenticationType, Diagnostic, Manifest, Severity};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use unicode_width::UnicodeWidthStr;

/// Below this size the wizard shows only "terminal too small".
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 16;
/// From this width on, the JSON preview is always beside the form.
pub(crate) const WIDE: u16 = 120;
/// Inline problems shown under a row at most; the rest are counted.
const MAX_INLINE: usize = 2;
/// Lines a multi-line editor shows at most.
pub(crate) const MAX_EDITOR_LINES: usize = 6;
/// The help area's lines: at least two (so the screen does not jump for a short help), at most
/// six (the form keeps the rest).
const HELP_LINES: (usize, usize) = (2, 6);
/// Lines a status message may take at most.
const MAX_STATUS_LINES: usize = 3;
/// Columns a value keeps beside the label column, however long the page's labels are.
const MIN_VALUE_COLUMNS: u16 = 16;
/// The step list's width, and the inner height from which each step gets a second line for its state.
const STEPS_WIDTH: u16 = 24;
const TWO_LINE_STEPS: u16 = 12;
/// The keys panel (`?`): its width, and the column where each key's description starts.
pub const KEYS_PANEL_WIDTH: u16 = 76;
pub(crate) const KEYS_COLUMN: usize = 20;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub steps: Rect,
    pub form: Rect,
    pub preview: Option<Rect>,
    pub status: Rect,
    pub help: Rect,
    pub hints: Rect,
}

/// The regions for the app's terminal size.
pub fn areas(app: &App) -> Areas {
    areas_in(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// The regions inside `full` (the frame being drawn, which is what counts when it differs from
/// the size the state last heard of).
pub fn areas_in(app: &App, full: Rect) -> Areas {
    // A message too long for one line gets more, rather than being cut; so does the help.
    let text_width = full.width.saturating_sub(1);
    let status_lines = app.status.as_deref().map_or(1, |status| status_lines(status, text_width).len());
    let help_lines = help_lines(app, text_width).len().clamp(HELP_LINES.0, HELP_LINES.1);
    let hint_lines = super::view::bars::hint_lines(app, full.width).len().max(1);
    let [title, body, status, help, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_lines).unwrap_or(1)),
        Constraint::Length(u16::try_from(help_lines).unwrap_or(2)),
        Constraint::Length(u16::try_from(hint_lines).unwrap_or(1)),
    ])
    .areas(full);
    let (steps, form, preview) = columns(app, body);
    Areas { title, steps, form, preview, status, help, hints }
}

/// The step list, the form and the preview side by side in `body`.
fn columns(app: &App, body: Rect) -> (Rect, Rect, Option<Rect>) {
    let preview_shown = body.width >= WIDE || app.preview_on_narrow;
    // On a narrow screen the preview takes the step list's room (the title names the step), so the
    // form keeps room for its labels and values.
    let steps_width = if body.width < WIDE && app.preview_on_narrow { 0 } else { STEPS_WIDTH };
    let [steps, main] = Layout::horizontal([Constraint::Length(steps_width), Constraint::Fill(1)]).areas(body);
    if preview_shown {
        let [form, preview] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
        (steps, form, Some(preview))
    } else {
        (steps, main, None)
    }
}

/// The columns inside the form's border, what a row's text wraps to: `form_inner(&areas(app)).width`
/// without measuring the bars under the form (their heights need the hint bar's keys, and a row's
/// lines are measured several times a keystroke).
pub(crate) fn form_width(app: &App) -> u16 {
    let (_, form, _) = columns(app, Rect::new(0, 0, app.size.0, app.size.1));
    form.width.saturating_sub(2)
}

/// `text` wrapped at spaces to `width` columns (a word longer than a line is broken).
pub(crate) fn wrap(text: &str, width: u16) -> Vec<String> {
    wrap_with(text, textwrap::Options::new(usize::from(width).max(1)))
}

/// `text` wrapped with `options`, where only spaces break a line (a path or a name with a hyphen
/// stays whole while it fits) and a word longer than a line is broken.
fn wrap_with(text: &str, options: textwrap::Options<'_>) -> Vec<String> {
    let options = options.break_words(true).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

/// A focused row's `text` wrapped to the form's width, its further lines indented by `indent` so
/// they read as part of the row.
fn wrap_in_form(app: &App, text: &str, indent: &str) -> Vec<String> {
    let width = usize::from(form_width(app)).max(8);
    wrap_with(text, textwrap::Options::new(width).subsequent_indent(indent))
}

/// The mark a problem is shown with: `✗` an error, `!` a warning.
fn severity_symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✗",
        Severity::Warning => "!",
    }
}

/// The status message's lines at `width`: wrapped, at most [`MAX_STATUS_LINES`] (the last one
/// says when more was cut).
pub(crate) fn status_lines(status: &str, width: u16) -> Vec<String> {
    let text = crate::escape::one_line(super::display::clip(status, super::display::MAX_DRAWN));
    let mut lines = wrap(&text, width);
    if lines.len() > MAX_STATUS_LINES {
        lines.truncate(MAX_STATUS_LINES);
        if let Some(last) = lines.last_mut() {
            *last = format!("{}…", super::display::clip(last, usize::from(width).saturating_sub(1)));
        }
    }
    lines
}

/// The help area of a change since the file was opened: why it breaks the live integration (as
/// an error), its values before and after, and where Enter goes.
fn change_help(change: &crate::manifest::changes::Change, width: u16) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    if let Some(why) = change.breaking() {
        let text = format!("✗ breaks the live integration: {why}");
        lines.extend(wrap(&text, width).into_iter().map(|text| HelpLine { text, severity: Some(Severity::Error) }));
    }
    let value = |value: &Option<String>| {
        value.as_deref().map_or_else(|| "(none)".to_owned(), |v| super::display::shown(v).into_owned())
    };
    let values = format!("since the file was opened: {} → {}", value(&change.before), value(&change.after));
    let go = if change.side == crate::manifest::changes::Side::Old {
        "Enter shows the list that held it."
    } else {
        "Enter jumps to its field."
    };
    for text in [values.as_str(), go] {
        lines.extend(wrap(text, width).into_iter().map(|text| HelpLine { text, severity: None }));
    }
    if lines.len() > HELP_LINES.1 {
        lines.truncate(HELP_LINES.1);
        if let Some(last) = lines.last_mut() {
            last.text = format!("{}…", super::display::clip(&last.text, usize::from(width).saturating_sub(1)));
        }
    }
    lines
}

/// One line of the help area: a problem's (with its severity) or the help's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub text: String,
    pub severity: Option<Severity>,
}

/// The help area's lines at `width`: the focused row's problem in full (a finding's, on the
/// review), then the row's help, each wrapped; at most [`HELP_LINES`]`.1`.
pub fn help_lines(app: &App, width: u16) -> Vec<HelpLine> {
    let Some(row) = app.focused_row() else { return Vec::new() };
    let problem = match row {
        Row::Finding(finding) => app.doc.diagnostics().get(finding),
        _ => inline_diagnostics(app, row).0.into_iter().next(),
    };
    let mut lines = Vec::new();
    if let Some(problem) = problem {
        let symbol = severity_symbol(problem.severity);
        let text = format!("{symbol} {}", super::display::shown(&problem.message));
        lines.extend(wrap(&text, width).into_iter().map(|text| HelpLine { text, severity: Some(problem.severity) }));
    }
    if let Row::Change(index) = row
        && let Some(change) = app.doc.changes().get(index)
    {
        return change_help(change, width);
    }
    let help = match row {
        Row::Finding(_) => "Enter jumps to the field with this problem.",
        Row::Kept { .. } => super::steps::kept::HELP,
        _ => super::shown::help_text::help(&row.help_key(&app.doc.manifest)),
    };
    lines.extend(wrap(help, width).into_iter().map(|text| HelpLine { text, severity: None }));
    if lines.len() > HELP_LINES.1 {
        lines.truncate(HELP_LINES.1);
        if let Some(last) = lines.last_mut() {
            last.text = format!("{}…", super::display::clip(&last.text, usize::from(width).saturating_sub(1)));
        }
    }
    lines
}

/// Lines each step takes in the step list: two (name, then state) when they fit, else one.
pub(crate) fn step_lines(areas: &Areas) -> u16 {
    if areas.steps.height.saturating_sub(2) >= TWO_LINE_STEPS { 2 } else { 1 }
}

/// The label column of a page: as wide as its longest label, as long as a value keeps
/// [`MIN_VALUE_COLUMNS`] beside it (the marker takes two).
pub(crate) fn label_width(rows: &[Row], manifest: &Manifest, inner_width: u16) -> u16 {
    let longest = rows
        .iter()
        .map(|row| match row {
            Row::Text { label, .. } | Row::Toggle { label, .. } | Row::Choice { label, .. } => label.width(),
            Row::Item(list, _) => item_caption(*list).map_or(0, UnicodeWidthStr::width),
            Row::Kept { owner, index } => super::steps::kept::key(manifest, *owner, *index)
                .map_or(0, |key| crate::escape::one_line(super::display::clip(key, 200)).width()),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let fits = inner_width.saturating_sub(2 + MIN_VALUE_COLUMNS);
    u16::try_from(longest + 2).unwrap_or(u16::MAX).min(fits).max(8)
}

/// The label in front of list elements that sit among a form's fields, so they do not read as more fields.
pub(crate) fn item_caption(list: ListRef) -> Option<&'static str> {
    match list {
        ListRef::InteractionTypes => Some("Interaction type"),
        ListRef::Inputs(_) => Some("Input"),
        ListRef::AuthFields | ListRef::Actions => None,
    }
}

/// The keys panel's lines at `inner_width`: each key, then its description wrapped beside it.
pub fn keys_panel_lines(app: &App, inner_width: u16) -> Vec<(String, String)> {
    let text_width = inner_width.saturating_sub(u16::try_from(KEYS_COLUMN).unwrap_or(20));
    let mut lines = Vec::new();
    for (keys, what) in app.keys.help_lines() {
        // Keys too wide for their column get a line of their own.
        let mut keys = if keys.width() < KEYS_COLUMN {
            Some(keys)
        } else {
            lines.push((keys, String::new()));
            None
        };
        for text in wrap(what, text_width) {
            lines.push((keys.take().unwrap_or_default(), text));
        }
    }
    lines
}

/// The keys panel's area on `screen` and how many of its lines show at once.
pub(crate) fn keys_panel(app: &App, screen: Rect) -> (Rect, usize) {
    let width = KEYS_PANEL_WIDTH.min(screen.width);
    let total = keys_panel_lines(app, width.saturating_sub(2)).len();
    // Borders, and a line of room above and below so the screen behind stays recognisable.
    let height = u16::try_from(total + 2).unwrap_or(u16::MAX).min(screen.height.saturating_sub(2));
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(ratatui::layout::Flex::Center).areas(screen);
    let [area] = Layout::horizontal([Constraint::Length(width)]).flex(ratatui::layout::Flex::Center).areas(row);
    (area, usize::from(height.saturating_sub(2)))
}

/// The furthest the keys panel scrolls: its last line at the bottom.
pub fn keys_panel_max_scroll(app: &App) -> usize {
    let screen = Rect::new(0, 0, app.size.0, app.size.1);
    let (area, shown) = keys_panel(app, screen);
    keys_panel_lines(app, area.width.saturating_sub(2)).len().saturating_sub(shown)
}

/// The inside of the form's border.
pub(crate) fn form_inner(areas: &Areas) -> Rect {
    areas.form.inner(Margin::new(1, 1))
}

/// The step listed at a cell of the step list.
pub(crate) fn step_at(areas: &Areas, column: u16, row: u16) -> Option<Step> {
    let inner = areas.steps.inner(Margin::new(1, 1));
    if !inner.contains((column, row).into()) {
        return None;
    }
    Step::ALL.get(usize::from((row - inner.y) / step_lines(areas))).copied()
}

/// The row of the form at a cell.
pub(crate) fn row_at(app: &App, areas: &Areas, column: u16, row: u16) -> Option<usize> {
    let inner = form_inner(areas);
    if !inner.contains((column, row).into()) {
        return None;
    }
    placed_rows(app, inner).into_iter().find(|(_, area)| area.contains((column, row).into())).map(|(index, _)| index)
}

/// The start screen's line under its title, wrapped to the width.
pub(crate) const START_INTRO: &str =
    "Create or change a Talkdesk integration manifest: the integration, its authentication and its actions.";

/// The start screen's introduction at the app's width.
pub(crate) fn start_intro(app: &App) -> Vec<String> {
    wrap(START_INTRO, app.size.0.saturating_sub(2))
}

/// Where the start screen's list begins, below its heading (title, introduction, a blank line, the question).
pub(crate) fn start_list_top(app: &App) -> u16 {
    u16::try_from(start_intro(app).len()).unwrap_or(1) + 4
}

/// The start screen's entries as drawn: each one's words wrapped to the width after its marker, so a
/// long example title or path is never cut.
pub(crate) fn start_entries(app: &App) -> Vec<Vec<String>> {
    let width = app.size.0.saturating_sub(3).max(1);
    (0..app.start.items.len()).map(|index| wrap(&super::view::start::label(&app.start, index), width)).collect()
}

/// The start screen entry at a screen line (any of its lines).
pub(crate) fn start_item_at(app: &App, row: u16) -> Option<usize> {
    let mut top = start_list_top(app);
    for (index, lines) in start_entries(app).iter().enumerate() {
        let bottom = top.saturating_add(u16::try_from(lines.len().max(1)).unwrap_or(u16::MAX));
        if (top..bottom).contains(&row) {
            return Some(index);
        }
        top = bottom;
    }
    None
}

/// The problems drawn under a row (at most `MAX_INLINE`), and how many more there are.
pub fn inline_diagnostics(app: &App, row: Row) -> (Vec<&Diagnostic>, usize) {
    // A field is judged when it is finished (Enter, Tab, Esc or leaving it): while its text is being
    // typed its problems wait, so a template half typed (`https://{{`) flashes no error.
    if app.editor().is_some() && app.focused_row() == Some(row) {
        return (Vec::new(), 0);
    }
    let manifest = &app.doc.manifest;
    let pointers: Vec<String> = match row {
        Row::Text { .. }
        | Row::Toggle { .. }
        | Row::Choice { .. }
        | Row::Add(_)
        | Row::Provider(_)
        | Row::AddOption { .. } => {
            vec![row.pointer(manifest)]
        }
        // The type's and the field list's problems show under the chosen type (or the first).
        Row::AuthType(kind) => {
            let chosen = manifest.authentication_type().unwrap_or(AuthenticationType::None);
            if kind != chosen {
                return (Vec::new(), 0);
            }
            let list =
                crate::manifest::edit::Owner::Integration.key_pointer(manifest, super::steps::auth_fields::LIST_KEY);
            vec![row.pointer(manifest), list]
        }
        Row::Kept { .. } => vec![row.pointer(manifest)],
        Row::Item(..) | Row::Finding(_) | Row::Change(_) | Row::SelectOption { .. } => return (Vec::new(), 0),
    };
    let all: Vec<&Diagnostic> = pointers.iter().flat_map(|pointer| app.doc.at(pointer).collect::<Vec<_>>()).collect();
    let more = all.len().saturating_sub(MAX_INLINE);
    (all.into_iter().take(MAX_INLINE).collect(), more)
}

/// The lines of a problem under the row at `index`: the focused row's wrapped in full (its words
/// are what the author reads to fix it), any other's on one line (cut with `…` when drawn).
pub(crate) fn diagnostic_lines(app: &App, index: usize, diagnostic: &Diagnostic) -> Vec<String> {
    let symbol = severity_symbol(diagnostic.severity);
    let text = format!("    {symbol} {}", super::display::shown(&diagnostic.message));
    if index != app.focus {
        return vec![text];
    }
    wrap_in_form(app, &text, "      ")
}

/// The focused text row's value beyond what fits beside its label: the rest of it, wrapped under
/// the row, so a URL's host and port or a long name is read whole. Nothing for a value that fits,
/// for a text of several lines (the editor shows those) and for any other row.
pub(crate) fn value_lines(app: &App, index: usize, row: Row) -> (String, Vec<String>) {
    if index != app.focus || app.editor().is_some() {
        return (String::new(), Vec::new());
    }
    let inner = form_width(app);
    if let Row::AuthType(kind) = row {
        let help = super::shown::help_text::help(&format!("authentication_type/{}", kind.as_str()));
        return split_and_wrap(help, usize::from(inner.saturating_sub(2 + AUTH_TYPE_COLUMN)), inner);
    }
    if let Row::Choice { owner, key, options, .. } = row {
        let current = app.doc.manifest.term(owner, key);
        let chosen = current.as_ref().and_then(crate::manifest::Slot::as_str).filter(|v| options.values().contains(v));
        let Some(chosen) = chosen else { return (String::new(), Vec::new()) };
        let text = format!("‹{chosen}›{}", options.keys_in_words(Some(chosen)));
        let columns = usize::from(inner.saturating_sub(2 + label_width(&app.rows(), &app.doc.manifest, inner)));
        return split_and_wrap(&text, columns, inner);
    }
    let Row::Text { owner, key, .. } = row else { return (String::new(), Vec::new()) };
    let Some(crate::manifest::Slot::Value(text)) = app.doc.manifest.text(owner, key) else {
        return (String::new(), Vec::new());
    };
    if text.contains('\n') {
        return (String::new(), Vec::new());
    }
    let rows = app.rows();
    let columns = usize::from(inner.saturating_sub(2 + label_width(&rows, &app.doc.manifest, inner)));
    let shown = super::display::shown(super::display::clip(text, super::display::MAX_DRAWN));
    split_and_wrap(&shown, columns, inner)
}

/// The columns an authentication type's name takes before its description (radio and padding).
pub(crate) const AUTH_TYPE_COLUMN: u16 = 31;

/// `text` as a row's end of `columns` cells and the rest wrapped under it at `inner` (indented);
/// nothing when it fits.
fn split_and_wrap(text: &str, columns: usize, inner: u16) -> (String, Vec<String>) {
    if text.width() <= columns {
        return (String::new(), Vec::new());
    }
    let (first, rest) = split_at_columns(text, columns);
    // A word cut at the row's end is carried whole onto the next line.
    let (first, rest) = match first.rfind(' ') {
        Some(space) if !first.ends_with(' ') && !rest.starts_with(' ') && space > 0 => {
            (&text[..space], &text[space + 1..])
        }
        _ => (first, rest),
    };
    let rest: Vec<String> =
        wrap(rest.trim_start(), inner.saturating_sub(4)).into_iter().map(|line| format!("    {line}")).collect();
    (first.to_owned(), rest)
}

/// `text` split after at most `columns` cells.
fn split_at_columns(text: &str, columns: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > columns {
            return text.split_at(at);
        }
    }
    (text, "")
}

/// A review row's lines: `✗ where: message`, the place named as the author sees it ("Auth fields ›
/// token › Type"); the focused one wrapped in full, any other on one line (cut with `…` when drawn).
pub(crate) fn finding_lines(app: &App, index: usize, finding: usize) -> Vec<String> {
    let Some(diagnostic) = app.doc.diagnostics().get(finding) else { return Vec::new() };
    let marker = if index == app.focus { "▶ " } else { "  " };
    let symbol = severity_symbol(diagnostic.severity);
    let place = super::shown::places::place_name(&diagnostic.pointer, &app.doc.manifest);
    let text = format!("{marker}{symbol} {place}: {}", super::display::shown(&diagnostic.message));
    if index != app.focus {
        return vec![text];
    }
    wrap_in_form(app, &text, "    ")
}

/// A change row's lines: `diff`'s mark (+ added, - removed, ~ changed), `[breaking]` as `diff`
/// flags one that breaks the live integration, and `diff`'s words (why is in the help area); the focused one
/// wrapped in full, with the place Enter goes to, any other on one line.
pub(crate) fn change_lines(app: &App, index: usize, change: usize) -> Vec<String> {
    use crate::manifest::changes::ChangeCode as C;
    let Some(change) = app.doc.changes().get(change) else { return Vec::new() };
    let marker = if index == app.focus { "▶ " } else { "  " };
    let mark = match change.code {
        C::AuthFieldAdded | C::MandatoryAuthFieldAdded | C::ActionAdded | C::InputAdded | C::MandatoryInputAdded => "+",
        C::AuthFieldRemoved | C::ActionRemoved | C::InputRemoved => "-",
        _ => "~",
    };
    // The flag comes first: a long name cuts the end of the line, never the flag.
    let flag = if change.breaking().is_some() { "[breaking] " } else { "" };
    let text = format!("{marker}{mark} {flag}{}", super::display::shown(&change.words()));
    if index != app.focus {
        return vec![text];
    }
    let mut lines = wrap_in_form(app, &text, "    ");
    // Where Enter goes, named as the review names a problem's place.
    if let Some(since) = &app.doc.since_opened {
        let place = super::shown::places::place_name(&since.place(change, &app.doc.manifest), &app.doc.manifest);
        let at = format!("    at {place}");
        lines.extend(wrap_in_form(app, &at, "    "));
    }
    lines
}

/// How many lines the row at `index` takes.
pub(crate) fn row_height(app: &App, index: usize, row: Row) -> u16 {
    if let Row::Finding(finding) = row {
        return u16::try_from(finding_lines(app, index, finding).len().max(1)).unwrap_or(1);
    }
    if let Row::Change(change) = row {
        return u16::try_from(change_lines(app, index, change).len().max(1)).unwrap_or(1);
    }
    let (shown, more) = inline_diagnostics(app, row);
    let problems: usize = shown.iter().map(|diagnostic| diagnostic_lines(app, index, diagnostic).len()).sum();
    let mut height = 1 + problems + usize::from(more > 0) + value_lines(app, index, row).1.len();
    if index == app.focus
        && let Some(editor) = app.editor()
        && let TextBox::Area(area) = &editor.text
    {
        height += super::editor::rows(area, editor_columns(app), MAX_EDITOR_LINES).text.len();
    }
    height += note_lines(app, index, row).len();
    if index == app.focus && app.editor().is_some() {
        height += app.completions().len().min(crate::wizard::completion::MAX_SHOWN);
    }
    u16::try_from(height).unwrap_or(u16::MAX)
}

/// The columns a text of several lines is wrapped to while it is edited: under its row, after the
/// editor's margin (`│ `).
pub(crate) fn editor_columns(app: &App) -> usize {
    usize::from(form_width(app).saturating_sub(4).max(1))
}

/// The note under a row (see [`super::steps::note`]): wrapped under the focused row, so it is read
/// in full; one line (cut with `…` when drawn) under the others.
pub fn note_lines(app: &App, index: usize, row: Row) -> Vec<String> {
    // The row is a text field: its quick fix takes the key it has there (Alt-f by default).
    // Asked only when a note names it: this runs for every row drawn or measured.
    let fix_key = || app.keys.hint_key_in(Command::QuickFix, &[Scope::Anywhere, Scope::Field, Scope::Browse]);
    let Some(note) = super::steps::note(&app.doc.manifest, row, &fix_key) else { return Vec::new() };
    let note = crate::escape::one_line(&note).into_owned();
    if index != app.focus {
        return vec![note];
    }
    wrap(&note, form_width(app).saturating_sub(4))
}

/// The rows drawn from `app.scroll` on, with their areas inside `inner`.
pub(crate) fn placed_rows(app: &App, inner: Rect) -> Vec<(usize, Rect)> {
    let rows = app.rows();
    let mut placed = Vec::new();
    let mut y = inner.y;
    for (index, row) in rows.iter().enumerate().skip(app.scroll) {
        if y >= inner.bottom() {
            break;
        }
        let height = row_height(app, index, *row).min(inner.bottom() - y);
        placed.push((index, Rect::new(inner.x, y, inner.width, height)));
        y += height;
    }
    placed
}

/// The first row to draw so that the focused row is visible, moving as little as possible.
/// Only the rows between the old first row and the focus are measured, so long lists stay fast.
pub(crate) fn scroll_for(app: &App) -> usize {
    let inner = form_inner(&areas(app));
    let height = usize::from(inner.height.max(1));
    let rows = app.rows();
    if rows.is_empty() {
        return 0;
    }
    let focus = app.focus.min(rows.len() - 1);
    let measure = |index: usize| usize::from(row_height(app, index, rows[index]));
    let start = app.scroll.min(focus);
    if focus - start < height && (start..=focus).map(measure).sum::<usize>() <= height {
        return start;
    }
    // The focus is below the window: put it on the last lines.
    let mut used = 0;
    let mut first = focus;
    loop {
        used += measure(first);
        if used > height {
            return (first + 1).min(focus);
        }
        if first == 0 {
            return 0;
        }
        first -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::edit::Owner;
    use crate::manifest::{ActionKey, Manifest, read, to_json};
    use crate::wizard::action::Action;
    use crate::wizard::document::Document;
    use crate::wizard::form::Row;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// The wizard on the actions list of a manifest with `actions` actions, drawn once at 140x40.
    fn on_actions_list(actions: usize) -> (App, Terminal<TestBackend>) {
        let mut manifest = Manifest::new();
        for action in 0..actions {
            let index = manifest.add_action().expect("actions list");
            manifest.set_text(Owner::Action(index), ActionKey::Name, &format!("action_{action}"));
        }
        let parsed = read(to_json(&manifest).as_bytes()).expect("the manifest reads");
        let mut app = App::editing(Document::opened(parsed, None));
        app.update(Action::Resize { width: 140, height: 40 });
        app.update(Action::GoTo(Step::Actions));
        let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("test terminal");
        terminal.draw(|frame| crate::wizard::view::render(&app, frame)).expect("draw");
        (app, terminal)
    }

    /// The bytes one keystroke allocates (a move down the list, then the redraw).
    fn bytes_of_a_move((mut app, mut terminal): (App, Terminal<TestBackend>)) -> u64 {
        let counted = allocation_counter::measure(|| {
            app.update(Action::Down);
            terminal.draw(|frame| crate::wizard::view::render(&app, frame)).expect("draw");
        });
        assert_eq!(app.focus, 1, "Down moved in the list");
        counted.bytes_total
    }

    #[test]
    fn a_keystroke_on_a_long_list_lists_its_rows_a_few_times_not_once_per_hint_or_measured_row() {
        let (short, long) = (20, 2_000);
        let short_bytes = bytes_of_a_move(on_actions_list(short));
        let long_bytes = bytes_of_a_move(on_actions_list(long));
        // What the longer list costs more: the page's rows listed whole (the form, the scroll, the
        // move's bounds) a few times. The focused row and the hint bar's keys must not list them.
        let listing = ((long - short) * std::mem::size_of::<Row>()) as u64;
        let listings = long_bytes.saturating_sub(short_bytes) / listing;
        assert!(listings <= 8, "a move down a list of {long} actions listed its rows about {listings} times");
    }

    #[test]
    fn the_form_width_is_the_form_areas_inner_width() {
        let (mut app, _) = on_actions_list(3);
        for width in [60, 80, 99, 100, 101, 120, 140, 200] {
            for preview_on_narrow in [false, true] {
                app.update(Action::Resize { width, height: 30 });
                app.preview_on_narrow = preview_on_narrow;
                assert_eq!(form_width(&app), form_inner(&areas(&app)).width, "{width} columns, {preview_on_narrow}");
            }
        }
    }
}
