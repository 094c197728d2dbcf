//! The middle pane: the current page's rows, with values, inline problems and the open editor.

use super::super::app::{App, Mode};
use super::super::display::{fit, shown};
use super::super::editor::{self, TextBox};
use super::super::form::Row;
use super::super::layout::{self, MAX_EDITOR_LINES, inline_diagnostics, placed_rows};
use super::super::shown::summaries::{add_label, item_label};
use super::super::steps::Page;
use crate::escape::one_line;
use crate::manifest::edit::ListRef;
use crate::manifest::{Severity, Slot};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Draws the page's rows in `area`.
pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let title = match &app.filter {
        Some(filter) => {
            let count = filter.matches.len();
            let cursor = if matches!(app.mode(), Mode::Filtering) { "▏" } else { "" };
            let plural = if count == 1 { "" } else { "es" };
            format!(
                " {} — filter: {}{cursor} ({count} match{plural}) ",
                breadcrumb(app),
                one_line(filter.input.value())
            )
        }
        None if auth_fields_unused(app) => {
            format!(" {}: not used with type none (see step 3) ", breadcrumb(app))
        }
        None => format!(" {} ", breadcrumb(app)),
    };
    frame.render_widget(Block::bordered().title(Span::styled(title, app.theme.title())), area);
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    let rows = app.rows();
    if rows.is_empty() {
        frame.render_widget(Paragraph::new("nothing here yet").style(app.theme.dim()), inner);
        return;
    }
    let width = layout::label_width(&rows, &app.doc.manifest, inner.width);
    for (index, row_area) in placed_rows(app, inner) {
        render_row(app, frame, row_area, index, rows[index], width);
    }
    if auth_fields_unused(app) {
        // Greyed out but still there: leftover fields can be reviewed and removed.
        frame.buffer_mut().set_style(inner, Style::new().add_modifier(ratatui::style::Modifier::DIM));
    }
    if app.scroll > 0 {
        frame.render_widget(
            Span::styled(format!("↑ {} more", app.scroll), app.theme.dim()),
            Rect::new(inner.right().saturating_sub(12), area.y, 12, 1),
        );
    }
}

/// True on the authentication fields' pages while the type is `none`: Talkdesk then asks for no fields.
pub(crate) fn auth_fields_unused(app: &App) -> bool {
    app.page.step() == super::super::steps::Step::AuthFields
        && app.doc.manifest.authentication_type() == Some(crate::manifest::AuthenticationType::None)
}

/// Where the page is: `Actions › create_ticket › email`; a list's step counts its elements.
pub(crate) fn breadcrumb(app: &App) -> String {
    let manifest = &app.doc.manifest;
    match app.page {
        Page::Step(super::super::steps::Step::Actions) => format!("Actions ({})", manifest.action_count()),
        Page::Step(super::super::steps::Step::AuthFields) => format!("Auth fields ({})", manifest.auth_field_count()),
        page => super::super::shown::places::page_name(page, manifest),
    }
}

fn render_row(app: &App, frame: &mut Frame, area: Rect, index: usize, row: Row, width: u16) {
    // What is left for a value after the focus marker and the label column.
    let value_columns = usize::from(area.width.saturating_sub(2 + width));
    let theme = app.theme;
    let focused = index == app.focus;
    let marker = if focused { "▶ " } else { "  " };
    let label_style = if focused { theme.focus().patch(theme.label()) } else { theme.label() };
    let mut spans = vec![Span::styled(marker, label_style)];
    let editing_here = focused && app.editor().is_some();
    match row {
        Row::Text { owner, key, label, .. } => {
            spans.push(Span::styled(pad(label, width), label_style));
            let (first, _) = layout::value_lines(app, index, row);
            if !first.is_empty() {
                // The focused row's value is read whole: its start here, the rest under the row.
                spans.push(Span::raw(first));
            } else if !editing_here {
                spans.extend(text_value(app, app.doc.manifest.text(owner, key), value_columns));
                // What the step list counts as "to fill", said quietly where it is (no error yet).
                if app.doc.to_fill_at(&row.pointer(&app.doc.manifest)) {
                    spans.push(Span::styled("  required", app.theme.dim()));
                }
            }
        }
        Row::Toggle { owner, key, label } => {
            spans.push(Span::styled(pad(label, width), label_style));
            spans.push(match app.doc.manifest.flag(owner, key) {
                Some(Slot::Value(true)) => Span::raw("[x] yes"),
                Some(Slot::Value(false)) => Span::raw("[ ] no"),
                Some(Slot::Absent) | None => Span::styled("[ ] no (not set)", theme.dim()),
                Some(other) => wrong_value(app, other.found()),
            });
        }
        Row::Choice { owner, key, label, options } => {
            spans.push(Span::styled(pad(label, width), label_style));
            let current = app.doc.manifest.term(owner, key);
            let current = current.as_ref();
            // The chosen value first, so a narrow pane still shows it; the others follow, dimmed.
            let chosen = current.and_then(Slot::as_str).filter(|value| options.values().contains(value));
            if let Some(chosen) = chosen {
                spans.push(Span::styled(format!("‹{chosen}›"), theme.focus()));
            }
            // Then what ← and → do, in words; the focused row's whole, the rest under it.
            let (first, _) = layout::value_lines(app, index, row);
            let others = match first.strip_prefix(&format!("‹{}›", chosen.unwrap_or_default())) {
                Some(start) if chosen.is_some() && !first.is_empty() => start.to_owned(),
                _ => options.keys_in_words(chosen),
            };
            spans.push(Span::styled(others.trim_end().to_owned(), theme.dim()));
            if let Some(slot) = current.filter(|_| chosen.is_none()) {
                spans.insert(spans.len() - 1, Span::raw(""));
                spans.splice(spans.len() - 1..spans.len() - 1, text_value(app, Some(slot), value_columns));
            }
        }
        Row::AuthType(kind) => {
            let chosen = app.doc.manifest.authentication_type() == Some(kind);
            let radio = if chosen { "(•) " } else { "( ) " };
            spans.push(Span::styled(format!("{radio}{}", pad(kind.as_str(), 27)), label_style));
            // The focused type's description is read whole: its start here, the rest under the row.
            let (first, _) = layout::value_lines(app, index, row);
            let description = if first.is_empty() {
                super::super::shown::help_text::help(&format!("authentication_type/{}", kind.as_str())).to_owned()
            } else {
                first
            };
            spans.push(Span::styled(description, theme.dim()));
        }
        Row::Item(list, item) => {
            let style = if focused { theme.focus() } else { Style::new() };
            if let Some(caption) = layout::item_caption(list) {
                spans.push(Span::styled(pad(caption, width), label_style));
            }
            if !(list == ListRef::InteractionTypes && editing_here) {
                // Problems first, so a long label cannot push them out of sight.
                spans.extend(problem_badge(app, &row.pointer(&app.doc.manifest)));
                spans.push(Span::styled(item_label(&app.doc.manifest, list, item), style));
            }
        }
        Row::Add(list) => {
            let text = format!("{}  (type or Enter)", add_label(list));
            // Under the values when it fits there, else from the label column, never cut.
            if layout::item_caption(list).is_some() && text.width() <= value_columns {
                spans.push(Span::raw(pad("", width)));
            }
            spans.push(Span::styled(text, if focused { theme.focus() } else { theme.ok() }));
        }
        Row::Kept { owner, index } => {
            let manifest = &app.doc.manifest;
            let key = super::super::steps::kept::key(manifest, owner, index).unwrap_or_default();
            spans.push(Span::styled(pad(&one_line(super::super::display::clip(key, 200)), width), theme.dim()));
            let value = super::super::steps::kept::value(manifest, owner, index).unwrap_or_default();
            let note = "  kept as written";
            let columns = value_columns.saturating_sub(note.width()).max(8);
            spans.push(Span::styled(fit(&one_line(&value), columns), theme.dim()));
            spans.push(Span::styled(note, theme.dim()));
        }
        Row::Finding(_) | Row::Change(_) => {}
        Row::Provider(action) => {
            spans.push(Span::styled(pad("Provider", width), label_style));
            let provider = app.doc.manifest.action(action).map(|a| &a.provider);
            spans.extend(text_value(app, provider, value_columns.saturating_sub(40).max(8)));
            spans.push(Span::styled("  = the integration's name (f sets it)", theme.dim()));
        }
        Row::SelectOption { action, input, index } => {
            let style = if focused { theme.focus() } else { Style::new() };
            if editing_here {
                spans.push(Span::styled(format!("option {}: ", index + 1), style));
            } else {
                let option = app.doc.manifest.select_options(action, input).get(index).cloned().unwrap_or_default();
                spans.push(Span::styled(format!("option {}: {}", index + 1, one_line(&option)), style));
            }
        }
        Row::AddOption { .. } => {
            if editing_here {
                spans.push(Span::styled("new option: ", label_style));
            } else {
                spans.push(Span::styled(
                    "+ add an option  (type or Enter)",
                    if focused { theme.focus() } else { theme.ok() },
                ));
            }
        }
    }
    frame.render_widget(Line::from(cut_spans(spans, usize::from(area.width))), Rect { height: 1, ..area });
    let mut y = area.y + 1;
    if editing_here {
        y = render_editor(app, frame, area, row, width);
    }
    if editing_here {
        y = render_completions(app, frame, area, y);
    }
    let columns = usize::from(area.width);
    for line in layout::value_lines(app, index, row).1 {
        y = draw_line(frame, area, y, Line::raw(line));
    }
    for note in layout::note_lines(app, index, row) {
        y = draw_line(frame, area, y, Line::styled(ellipsis(&format!("    {note}"), columns), theme.dim()));
    }
    let (shown, more) = inline_diagnostics(app, row);
    for diagnostic in shown {
        let style = match diagnostic.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        for line in layout::diagnostic_lines(app, index, diagnostic) {
            y = draw_line(frame, area, y, Line::styled(ellipsis(&line, columns), style));
        }
    }
    if more > 0 {
        draw_line(frame, area, y, Line::styled(format!("    … {more} more (see Review & save)"), theme.dim()));
    }
}

fn draw_line(frame: &mut Frame, area: Rect, y: u16, line: Line) -> u16 {
    if y < area.bottom() {
        frame.render_widget(line, Rect::new(area.x, y, area.width, 1));
    }
    y + 1
}

/// The spans of a row in at most `columns` cells: when they are wider, the last cell is `…`, so a
/// row cut by a narrow pane says so.
fn cut_spans(spans: Vec<Span<'static>>, columns: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= columns {
        return spans;
    }
    let mut left = columns.saturating_sub(1);
    let mut cut = Vec::new();
    for span in spans {
        if left == 0 {
            break;
        }
        let width = span.width();
        if width <= left {
            left -= width;
            cut.push(span);
        } else {
            cut.push(Span::styled(truncate(&span.content, left), span.style));
            left = 0;
        }
    }
    let style = cut.last().map_or_else(Style::new, |span| span.style);
    cut.push(Span::styled("…", style));
    cut
}

/// `text` in at most `columns` cells, its end replaced by `…` when it is longer: a cut shows as one.
pub(crate) fn ellipsis(text: &str, columns: usize) -> String {
    if text.width() <= columns {
        return text.to_owned();
    }
    format!("{}…", truncate(text, columns.saturating_sub(1)))
}

fn problem_badge(app: &App, pointer: &str) -> Vec<Span<'static>> {
    let counts = app.doc.counts_under(pointer);
    let mut spans = Vec::new();
    if counts.errors > 0 {
        spans.push(Span::styled(format!("✗{} ", counts.errors), app.theme.error()));
    }
    if counts.warnings > 0 {
        spans.push(Span::styled(format!("!{} ", counts.warnings), app.theme.warning()));
    }
    spans
}

fn text_value(app: &App, slot: Option<&Slot<String>>, columns: usize) -> Vec<Span<'static>> {
    match slot {
        Some(Slot::Value(text)) if text.contains('\n') => {
            let first = text.split_once('\n').map_or(text.as_str(), |(first, _)| first);
            vec![Span::raw(shown(first).into_owned()), Span::styled(more_lines(text), app.theme.dim())]
        }
        Some(Slot::Value(text)) => vec![Span::raw(fit(&shown(text), columns))],
        Some(Slot::Null) => vec![Span::styled("null", app.theme.dim())],
        Some(Slot::Wrong(value)) => vec![wrong_value(app, crate::manifest::slot::json_type_name(value))],
        Some(Slot::Absent) | None => vec![Span::styled("(not set)", app.theme.dim())],
    }
}

/// "(+N lines)" after the first line of `text`. Lines are counted in the first MiB only, so that a
/// 50 MB description does not slow down every frame.
fn more_lines(text: &str) -> String {
    const COUNTED: usize = 1 << 20;
    let counted = &text.as_bytes()[..text.len().min(COUNTED)];
    let more = counted.iter().filter(|&&byte| byte == b'\n').count();
    if text.len() > COUNTED {
        format!("  (+{more}+ lines, {} MB)", text.len() / 1_000_000)
    } else {
        format!("  (+{more} line{})", if more == 1 { "" } else { "s" })
    }
}

fn wrong_value(app: &App, found: &str) -> Span<'static> {
    Span::styled(format!("⚠ {found} (wrong type: Enter to replace)"), app.theme.error())
}

fn pad(text: &str, width: u16) -> String {
    let width = usize::from(width);
    let shown = text.width();
    if shown >= width {
        format!("{} ", truncate(text, width.saturating_sub(1)))
    } else {
        format!("{text}{}", " ".repeat(width - shown))
    }
}

fn truncate(text: &str, width: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
            break;
        }
        out.push(c);
    }
    out
}

/// Draws the open editor in the focused row and places the terminal cursor; returns the next free line.
fn render_editor(app: &App, frame: &mut Frame, area: Rect, row: Row, label_width: u16) -> u16 {
    let Some(editor) = app.editor() else {
        return area.y + 1;
    };
    let value_x = match row {
        Row::Item(ListRef::InteractionTypes, _) => area.x + 2 + label_width,
        Row::Item(..) => area.x + 2,
        Row::SelectOption { index, .. } => {
            area.x + 2 + u16::try_from(format!("option {}: ", index + 1).len()).unwrap_or(10)
        }
        Row::AddOption { .. } => area.x + 2 + 12,
        _ => area.x + 2 + label_width,
    };
    match &editor.text {
        TextBox::Line(input) => {
            let width = area.right().saturating_sub(value_x).max(1);
            let (visible, cursor) = editor::scrolled(input, usize::from(width));
            let field = Rect::new(value_x, area.y, width, 1);
            frame.render_widget(Paragraph::new(visible).style(app.theme.focus()), field);
            let cursor = u16::try_from(cursor).unwrap_or(0);
            frame.set_cursor_position(Position::new((value_x + cursor).min(area.right().saturating_sub(1)), area.y));
            area.y + 1
        }
        TextBox::Area(text_area) => {
            // Wrapped to the form's width, so a description is read whole while it is typed.
            let x = area.x + 4;
            let width = area.right().saturating_sub(x).max(1);
            let shown = editor::rows(text_area, usize::from(width), MAX_EDITOR_LINES);
            let mut y = area.y + 1;
            for (index, text) in shown.text.iter().enumerate() {
                if y >= area.bottom() {
                    break;
                }
                frame.render_widget(
                    Paragraph::new(format!("│ {text}")).style(app.theme.focus()),
                    Rect::new(area.x + 2, y, width + 2, 1),
                );
                if index == shown.cursor.0 {
                    let cursor = u16::try_from(shown.cursor.1).unwrap_or(0);
                    frame.set_cursor_position(Position::new((x + cursor).min(area.right().saturating_sub(1)), y));
                }
                y += 1;
            }
            y
        }
    }
}

/// The completions offered under the open editor, the highlighted one marked; returns the next free line.
fn render_completions(app: &App, frame: &mut Frame, area: Rect, mut y: u16) -> u16 {
    let choices = app.completions();
    let highlighted = app.editor().map_or(0, |editor| editor.completion);
    let shown = crate::wizard::completion::MAX_SHOWN;
    for (index, choice) in choices.iter().take(shown).enumerate() {
        let (marker, style) = if index == highlighted { ("▸ ", app.theme.focus()) } else { ("  ", app.theme.dim()) };
        let more = if index + 1 == shown && choices.len() > shown {
            format!("  (+{} more: keep typing)", choices.len() - shown)
        } else {
            String::new()
        };
        let line = Line::from(vec![
            Span::raw("      "),
            Span::styled(format!("{marker}{{{{{choice}}}}}"), style),
            Span::styled(more, app.theme.dim()),
        ]);
        y = draw_line(frame, area, y, line);
    }
    y
}
