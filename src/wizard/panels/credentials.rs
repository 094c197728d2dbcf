//! The credentials for trying an endpoint: one field per mandatory authentication field the run has
//! no value for yet, `password` values masked; asked once per run, kept in memory only, then the
//! endpoint is tried (an action asks first).

use super::probe::{confirm_or_probe, title};
use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::probe::Target;
use crate::probe::contracts::{Bridge, Credentials};
use crate::probe::shown::Sink;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::centered;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_input::Input;

/// What a `password` field shows for each character typed.
const MASK: char = '•';

/// One mandatory authentication field to type a value for.
#[derive(Debug, Clone)]
pub struct CredentialField {
    /// The auth field's name.
    pub name: String,
    /// What the field is called on screen: its `display` ("Account"), else its name; it stays while
    /// a value is typed beside it.
    pub label: String,
    /// A `password` field: shown as `•`.
    pub secret: bool,
    /// The value typed.
    pub input: Input,
}

/// The prompt for the credentials, then probing `target`.
#[derive(Debug, Clone)]
pub struct CredentialsPanel {
    /// The endpoint tried once the credentials are typed.
    pub target: Target,
    /// The fields asked for, in the manifest's order.
    pub fields: Vec<CredentialField>,
    /// The field being typed in.
    pub focus: usize,
}

impl CredentialsPanel {
    /// One field per mandatory authentication field of `bridge` that `known` has no value for (a
    /// field added to the manifest after the credentials were typed is asked for then).
    pub fn new(target: Target, bridge: &Bridge, known: &Credentials) -> CredentialsPanel {
        let fields = bridge
            .auth_fields
            .iter()
            .filter(|field| field.mandatory && known.get(&field.name).is_none())
            .map(|field| CredentialField {
                name: field.name.clone(),
                label: field.display.clone().unwrap_or_else(|| field.name.clone()),
                secret: field.secret,
                input: Input::default(),
            })
            .collect();
        CredentialsPanel { target, fields, focus: 0 }
    }

    /// `known` with the values typed, or the name of the first field left empty.
    pub fn credentials(&self, known: Credentials) -> Result<Credentials, String> {
        let mut credentials = known;
        for field in &self.fields {
            if field.input.value().is_empty() {
                return Err(field.name.clone());
            }
            credentials.set(&field.name, field.input.value().to_owned());
        }
        Ok(credentials)
    }
}

impl Panel for CredentialsPanel {
    fn update(mut self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        let last = self.fields.len().saturating_sub(1);
        match action {
            Action::Back => {
                app.status = Some("nothing was sent; t asks for the credentials again".into());
                return;
            }
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(last),
            Action::Activate if self.focus < last => self.focus += 1,
            Action::Activate => match self.credentials(app.credentials()) {
                Ok(credentials) => {
                    app.remember_credentials(credentials);
                    let bridge = Bridge::from_manifest(&app.doc.manifest);
                    let url = self.target.url(&bridge).unwrap_or_default().to_owned();
                    return confirm_or_probe(app, self.target, url, effects);
                }
                Err(empty) => {
                    self.focus = self.fields.iter().position(|field| field.name == empty).unwrap_or(0);
                    app.status = Some(Sink::default().line(&format!("type a value for {empty}, or Esc to cancel")));
                }
            },
            Action::Edit(request) => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    field.input.handle(request);
                }
            }
            Action::Paste(text) => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        field.input.handle(tui_input::InputRequest::InsertChar(c));
                    }
                }
            }
            _ => {}
        }
        app.open_boxed(self);
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Panel]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Activate, "next / try it"), (C::Move, "field"), (C::Back, "cancel")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        render(app, self, frame);
    }

    fn takes_text(&self) -> bool {
        true
    }

    panel_basics!();
}

/// Draws the credentials prompt: one line per mandatory field, `password` values masked.
fn render(app: &App, panel: &CredentialsPanel, frame: &mut Frame) {
    let theme = app.theme;
    let width = 72.min(frame.area().width);
    let height = u16::try_from(panel.fields.len() + 6).unwrap_or(u16::MAX);
    let area = centered(frame.area(), width, height);
    frame.render_widget(Clear, area);
    let title = format!(" Credentials to try the {} ", title(&panel.target));
    frame.render_widget(Block::bordered().title(Span::styled(title, theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let intro = "Asked once while the wizard runs, kept in memory only (never saved).";
    frame.render_widget(Paragraph::new(intro).style(theme.dim()), Rect { height: 1, ..inner });
    let label_width = 22u16.min(inner.width / 2);
    for (index, field) in panel.fields.iter().enumerate() {
        let y = inner.y + 2 + u16::try_from(index).unwrap_or(0);
        if y >= inner.bottom() {
            break;
        }
        let label =
            format!("{:<width$}", format!("{}:", crate::escape::line(&field.label)), width = usize::from(label_width));
        frame.render_widget(
            Paragraph::new(one_line(&label).into_owned()),
            Rect { y, height: 1, width: label_width, ..inner },
        );
        let value_area =
            Rect { x: inner.x + label_width, y, height: 1, width: inner.width.saturating_sub(label_width) };
        let visible = usize::from(value_area.width.saturating_sub(1));
        let scroll = field.input.visual_scroll(visible);
        let shown: String = if field.secret {
            std::iter::repeat_n(MASK, field.input.value().chars().count().saturating_sub(scroll)).collect()
        } else {
            one_line(field.input.value()).chars().skip(scroll).collect()
        };
        let style = if index == panel.focus { theme.focus() } else { ratatui::style::Style::default() };
        frame.render_widget(Paragraph::new(shown).style(style), value_area);
        if index == panel.focus {
            let cursor = u16::try_from(field.input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
            frame.set_cursor_position(Position::new(value_area.x + cursor.min(value_area.width.saturating_sub(1)), y));
        }
    }
    let hint = "Enter: next, then try; ↑↓ fields; Esc: cancel, nothing sent";
    let y = inner.bottom().saturating_sub(1);
    frame.render_widget(Paragraph::new(hint).style(theme.dim()), Rect { y, height: 1, ..inner });
}
