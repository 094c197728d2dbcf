//! Where everything goes on screen, as pure functions of the state: drawing and mouse clicks use the same ones.

use super::app::App;
use super::editor::TextBox;
use super::form::Row;
use super::step::Step;
use crate::manifest::{AuthenticationType, Diagnostic};
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this size the wizard shows only "terminal too small".
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, the JSON preview is always beside the form.
pub const WIDE: u16 = 120;
/// Inline problems shown under a row at most; the rest are counted.
const MAX_INLINE: usize = 2;
/// Lines a multi-line editor shows at most.
pub const MAX_EDITOR_LINES: usize = 6;

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

/// True when the terminal is too small to draw the wizard.
pub fn too_small(app: &App) -> bool {
    app.size.0 < MIN_WIDTH || app.size.1 < MIN_HEIGHT
}

/// The regions for the app's terminal size.
pub fn areas(app: &App) -> Areas {
    areas_in(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// The regions inside `full` (the frame being drawn, which is what counts when it differs from
/// the size the state last heard of).
pub fn areas_in(app: &App, full: Rect) -> Areas {
    // A message too long for one line gets two, rather than being cut.
    let status_width = app.status.as_deref().map_or(0, unicode_width::UnicodeWidthStr::width);
    let status_lines = if status_width + 1 > usize::from(full.width) { 2 } else { 1 };
    let [title, body, status, help, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_lines),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(full);
    let preview_shown = full.width >= WIDE || app.preview_on_narrow;
    let [steps, main] = Layout::horizontal([Constraint::Length(24), Constraint::Fill(1)]).areas(body);
    let (form, preview) = if preview_shown {
        let [form, preview] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
        (form, Some(preview))
    } else {
        (main, None)
    };
    Areas { title, steps, form, preview, status, help, hints }
}

/// The inside of the form's border.
pub fn form_inner(areas: &Areas) -> Rect {
    areas.form.inner(Margin::new(1, 1))
}

/// The step listed at a cell of the step list.
pub fn step_at(areas: &Areas, column: u16, row: u16) -> Option<Step> {
    let inner = areas.steps.inner(Margin::new(1, 1));
    if !inner.contains((column, row).into()) {
        return None;
    }
    Step::ALL.get(usize::from(row - inner.y)).copied()
}

/// The row of the form at a cell.
pub fn row_at(app: &App, areas: &Areas, column: u16, row: u16) -> Option<usize> {
    let inner = form_inner(areas);
    if !inner.contains((column, row).into()) {
        return None;
    }
    placed_rows(app, inner).into_iter().find(|(_, area)| area.contains((column, row).into())).map(|(index, _)| index)
}

/// Where the start screen's list begins, below its heading.
pub fn start_list_top() -> u16 {
    5
}

/// The start screen entry at a screen line.
pub fn start_item_at(app: &App, row: u16) -> Option<usize> {
    let index = usize::from(row.checked_sub(start_list_top())?);
    (index < app.start.items.len()).then_some(index)
}

/// The problems drawn under a row (at most `MAX_INLINE`), and how many more there are.
pub fn inline_diagnostics(app: &App, row: Row) -> (Vec<&Diagnostic>, usize) {
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
        Row::Item(..) | Row::Finding(_) | Row::SelectOption { .. } => return (Vec::new(), 0),
    };
    let all: Vec<&Diagnostic> = pointers.iter().flat_map(|pointer| app.doc.at(pointer).collect::<Vec<_>>()).collect();
    let more = all.len().saturating_sub(MAX_INLINE);
    (all.into_iter().take(MAX_INLINE).collect(), more)
}

/// How many lines the row at `index` takes.
pub fn row_height(app: &App, index: usize, row: Row) -> u16 {
    let (shown, more) = inline_diagnostics(app, row);
    let mut height = 1 + shown.len() + usize::from(more > 0);
    if index == app.focus
        && let Some(editor) = &app.editor
        && let TextBox::Area(area) = &editor.text
    {
        height += area.lines().0.len().min(MAX_EDITOR_LINES);
    }
    if let Row::Finding(finding) = row
        && index == app.focus
        && let Some(diagnostic) = app.doc.diagnostics().get(finding)
    {
        let width = usize::from(form_inner(&areas(app)).width.saturating_sub(4)).max(1);
        height += unicode_width::UnicodeWidthStr::width(diagnostic.message.as_str()).div_ceil(width) + 1;
    }
    if super::steps::note(&app.doc.manifest, row).is_some() {
        height += 1;
    }
    if index == app.focus && app.editor.is_some() {
        height += app.completions().len().min(crate::wizard::completion::MAX_SHOWN);
    }
    u16::try_from(height).unwrap_or(u16::MAX)
}

/// The rows drawn from `app.scroll` on, with their areas inside `inner`.
pub fn placed_rows(app: &App, inner: Rect) -> Vec<(usize, Rect)> {
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
pub fn scroll_for(app: &App) -> usize {
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
