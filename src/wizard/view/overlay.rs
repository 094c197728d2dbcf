//! Panels drawn over the screen: the key list, questions, and path prompts.

use super::super::app::App;
use super::super::layout;
use super::super::overlay::Overlay;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Draws the open panel, if any, over the screen (not on a screen too small for the wizard).
pub(crate) fn render_panel(app: &App, frame: &mut Frame) {
    let Some(panel) = app.panel() else { return };
    let screen = frame.area();
    if screen.width < layout::MIN_WIDTH || screen.height < layout::MIN_HEIGHT {
        return;
    }
    panel.render(app, frame);
}

/// Draws a question, the key list or a path prompt, centred over the screen.
pub(crate) fn render(app: &App, overlay: &Overlay, frame: &mut Frame) {
    let screen = frame.area();
    let theme = app.theme;
    let (title, lines, height): (&str, Vec<Line>, u16) = match overlay {
        Overlay::Help { scroll } => return render_keys(app, frame, *scroll),
        Overlay::ConfirmQuit => {
            let mut lines = vec![Line::raw("This manifest has changes that are not saved.")];
            if let Some(failure) = &app.drafts_failing {
                lines.push(Line::styled("No draft can be written: this work is not protected.", theme.error()));
                lines.push(Line::styled(crate::escape::one_line(failure).into_owned(), theme.error()));
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![Span::styled(" s ", theme.key()), Span::raw("save, then quit")]));
            lines.push(Line::from(vec![Span::styled(" q ", theme.key()), Span::raw("quit without saving")]));
            lines.push(Line::from(vec![Span::styled(" Esc ", theme.key()), Span::raw("keep editing")]));
            ("Unsaved changes", lines, 0)
        }
        Overlay::ConfirmSave { path, reasons } => {
            let mut lines = vec![Line::raw(format!("Save {} anyway?", path.display()))];
            lines.extend(reasons.iter().map(|reason| Line::styled(format!("• {reason}"), theme.warning())));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(" y ", theme.key()),
                Span::raw("save   "),
                Span::styled(" n / Esc ", theme.key()),
                Span::raw("do not save"),
            ]));
            ("Save with problems?", lines, 0)
        }
        Overlay::ReplaceExisting { path } => (
            "The file exists",
            vec![
                Line::raw(format!(
                    "{} already exists. Replace it with this manifest? (Its content is kept as {}.)",
                    path.display(),
                    crate::storage::backup_path(path).display()
                )),
                Line::raw(""),
                Line::from(vec![
                    Span::styled(" y ", theme.key()),
                    Span::raw("replace it   "),
                    Span::styled(" n ", theme.key()),
                    Span::raw("choose another name   "),
                    Span::styled(" Esc ", theme.key()),
                    Span::raw("do not save"),
                ]),
            ],
            0,
        ),
        Overlay::DiskChanged { path } => (
            "The file changed on disk",
            vec![
                Line::raw(format!(
                    "{} changed since you opened it (another program or person saved it).",
                    path.display()
                )),
                Line::raw(""),
                Line::from(vec![
                    Span::styled(" o ", theme.key()),
                    Span::raw(format!(
                        "overwrite it with your version (theirs is kept as {})",
                        crate::storage::backup_path(path).display()
                    )),
                ]),
                Line::from(vec![Span::styled(" s ", theme.key()), Span::raw("save yours elsewhere")]),
                Line::from(vec![
                    Span::styled(" r ", theme.key()),
                    Span::raw("reload it from disk (your unsaved edits are discarded)"),
                ]),
                Line::from(vec![Span::styled(" Esc ", theme.key()), Span::raw("do nothing now")]),
            ],
            0,
        ),
        Overlay::Recover { draft, differences, file_is_newer, .. } => {
            let place =
                draft.path.as_ref().map_or_else(|| "a new manifest".to_owned(), |path| path.display().to_string());
            let age = crate::storage::drafts::now().saturating_sub(draft.written_at);
            let mut lines = vec![Line::raw(format!("Unsaved work on {place} was kept from {} ago.", human_age(age)))];
            if *file_is_newer {
                lines.push(Line::styled(
                    "The file was saved after this draft: recovering undoes that save (n keeps the file).",
                    theme.warning(),
                ));
            }
            lines.push(Line::raw("What it changes:"));
            lines.extend(differences.iter().map(|line| {
                let style = match line.chars().next() {
                    Some('-') => theme.error(),
                    Some('+') => theme.ok(),
                    _ => theme.dim(),
                };
                // One screen line each (shortened in the middle), so the count below always shows.
                Line::styled(super::super::display::fit(&crate::escape::one_line(line), 68), style)
            }));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(" y ", theme.key()),
                Span::raw("recover it   "),
                Span::styled(" n ", theme.key()),
                Span::raw("delete the draft and open the file as it is"),
            ]));
            ("Recover unsaved work?", lines, 0)
        }
        Overlay::DiscardDraft { place, .. } => (
            "Delete the draft?",
            delete_question(
                format!("Delete the unsaved work on {place}? It cannot be recovered afterwards."),
                "delete it",
                theme,
            ),
            0,
        ),
        Overlay::ConfirmDelete { label, .. } => {
            ("Delete?", delete_question(format!("Delete {label}?"), "delete", theme), 0)
        }
        Overlay::Prompt { purpose, input } => return super::path_prompt::render(app, *purpose, input, frame, screen),
    };
    panel(frame, theme, title, lines, height);
}

/// Draws a question panel centred over the screen: `title` on its border, `lines` wrapped to its
/// width, as tall as they are (a `height` of 0) or `height` rows. Returns the panel's area.
pub(crate) fn panel(frame: &mut Frame, theme: Theme, title: &str, lines: Vec<Line>, height: u16) -> Rect {
    let screen = frame.area();
    let width = 72.min(screen.width);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    // Wrapped here, at spaces, so the height counts exactly the lines drawn and the last one (the
    // keys) is never cut. A line that fits keeps its spans; a longer one takes its first span's style.
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|line| {
            if line.width() <= inner_width {
                return vec![line];
            }
            let style = line.spans.first().map_or(line.style, |span| line.style.patch(span.style));
            let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
            let width = u16::try_from(inner_width).unwrap_or(u16::MAX);
            layout::wrap(&text, width).into_iter().map(|part| Line::styled(part, style)).collect()
        })
        .collect();
    let wrapped = lines.len();
    let height = if height == 0 { u16::try_from(wrapped + 2).unwrap_or(u16::MAX) } else { height };
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
    area
}

/// The keys panel: as many of its lines as fit from `scroll` on, its title kept at the top and
/// where the list goes on said at the bottom.
fn render_keys(app: &App, frame: &mut Frame, scroll: usize) {
    let theme = app.theme;
    let (area, shown) = layout::keys_panel(app, frame.area());
    let lines = layout::keys_panel_lines(app, area.width.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let below = lines.len().saturating_sub(scroll + shown);
    let footer = match (scroll, below) {
        (0, 0) => " Esc closes ".to_owned(),
        (0, _) => format!(" ↓ {below} more below · Esc closes "),
        (_, 0) => " ↑ more above · Esc closes ".to_owned(),
        (_, _) => format!(" ↑↓ scroll: {below} more below · Esc closes "),
    };
    let block = Block::bordered()
        .title(Span::styled(" Keys ", theme.title()))
        .title_bottom(Line::styled(footer, theme.dim()).right_aligned());
    let column = layout::KEYS_COLUMN;
    let text: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(shown)
        .map(|(keys, what)| Line::from(vec![Span::styled(format!("{keys:<column$}"), theme.key()), Span::raw(what)]))
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(text).block(block), area);
}

pub(crate) fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(screen.height))]).flex(Flex::Center).areas(screen);
    let [area] = Layout::horizontal([Constraint::Length(width.min(screen.width))]).flex(Flex::Center).areas(row);
    area
}

/// "3 minutes", "2 hours", "5 days".
pub(crate) fn human_age(seconds: u64) -> String {
    let (amount, unit) = match seconds {
        0..=59 => (seconds, "second"),
        60..=3599 => (seconds / 60, "minute"),
        3600..=86_399 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{amount} {unit}{}", if amount == 1 { "" } else { "s" })
}

/// A question whose answers are `y` (`yes` says what it does) and `n` / Esc (keep it).
fn delete_question(question: String, yes: &str, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::raw(question),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y ", theme.key()),
            Span::raw(format!("{yes}   ")),
            Span::styled(" n / Esc ", theme.key()),
            Span::raw("keep it"),
        ]),
    ]
}
