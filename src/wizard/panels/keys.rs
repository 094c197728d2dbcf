//! The key list (`?`): every key of the key table that works where the author is, scrolled with
//! the arrows; its lines and size are laid out by `layout` (the tests read them too).

use super::{Panel, keys, panel_basics};
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::layout;
use crate::wizard::view::bars::Hint;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The key list, scrolled down by `scroll` lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeysPanel {
    /// Lines scrolled down.
    pub scroll: usize,
}

impl Panel for KeysPanel {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Back | Action::Help | Action::Activate | Action::Answer(_) => {}
            Action::Quit => app.quit(effects),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = layout::keys_panel(app, Rect::new(0, 0, app.size.0, app.size.1)).1.max(1);
                let scroll = match action {
                    Action::Up => self.scroll.saturating_sub(1),
                    Action::Down => self.scroll + 1,
                    Action::PageUp => self.scroll.saturating_sub(page),
                    _ => self.scroll + page,
                };
                app.open(KeysPanel { scroll: scroll.min(layout::keys_panel_max_scroll(app)) });
            }
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        // The key list scrolls like the other panels.
        &[Scope::Panel]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Move, "scroll"), (C::Back, "close")])
    }

    /// As many of its lines as fit from `scroll` on, its title kept at the top and where the list
    /// goes on said at the bottom.
    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let (area, shown) = layout::keys_panel(app, frame.area());
        let lines = layout::keys_panel_lines(app, area.width.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(shown));
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
            .map(|(keys, what)| {
                Line::from(vec![Span::styled(format!("{keys:<column$}"), theme.key()), Span::raw(what)])
            })
            .collect();
        frame.render_widget(Clear, area);
        frame.render_widget(Paragraph::new(text).block(block), area);
    }

    panel_basics!();
}
