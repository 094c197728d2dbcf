//! Every colour and emphasis the wizard uses, in one place: the default colours, a monochrome theme
//! (bold, reverse video and underline only), colours a config file sets per role; without colour
//! (NO_COLOR) focus stays visible through markers and reverse video.

use ratatui::style::{Color, Modifier, Style};
use strum::EnumCount;

/// A part of the screen with a style of its own; a config file names it in snake_case (`json_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::EnumCount, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// The focused row or step.
    Focus,
    /// The program's name and the steps' titles.
    Title,
    /// Field labels.
    Label,
    /// Help and other quiet text.
    Dim,
    /// Errors.
    Error,
    /// Warnings and the "modified" mark.
    Warning,
    /// Good news: saved, valid, the status line.
    Ok,
    /// Keys in the hint bar and the panels.
    Key,
    /// Keys in the JSON preview.
    JsonKey,
    /// Strings in the JSON preview.
    JsonString,
    /// Numbers, true, false and null in the JSON preview.
    JsonLiteral,
}

impl Role {
    /// Every role, in the order a config file lists them.
    pub fn all() -> impl Iterator<Item = Role> {
        <Role as strum::IntoEnumIterator>::iter()
    }

    /// The role's name in a config file.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The role a config file names, if there is one.
    pub fn named(name: &str) -> Option<Role> {
        Role::all().find(|role| role.name() == name)
    }

    /// What the role colours, for the commented default config.
    pub fn what(self) -> &'static str {
        match self {
            Role::Focus => "the focused row or step (reverse video)",
            Role::Title => "the program's name and the steps' titles",
            Role::Label => "field labels",
            Role::Dim => "help and other quiet text",
            Role::Error => "errors",
            Role::Warning => "warnings and the modified mark",
            Role::Ok => "good news and the status line",
            Role::Key => "keys in the hint bar and panels",
            Role::JsonKey => "keys in the JSON preview",
            Role::JsonString => "strings in the JSON preview",
            Role::JsonLiteral => "numbers, true, false and null in the JSON preview",
        }
    }

    /// The role's colour in the default theme, if it has one.
    pub fn default_color(self) -> Option<Color> {
        match self {
            Role::Focus | Role::Label => None,
            Role::Title | Role::Key => Some(Color::Cyan),
            Role::Dim => Some(Color::DarkGray),
            Role::Error => Some(Color::Red),
            Role::Warning => Some(Color::Yellow),
            Role::Ok | Role::JsonString => Some(Color::Green),
            Role::JsonKey => Some(Color::Blue),
            Role::JsonLiteral => Some(Color::Magenta),
        }
    }

    /// The role's emphasis: in the monochrome theme, errors and warnings are marked without colour.
    fn modifier(self, monochrome: bool) -> Modifier {
        match self {
            Role::Focus => Modifier::REVERSED,
            Role::Title | Role::Label | Role::Key => Modifier::BOLD,
            Role::Error if monochrome => Modifier::BOLD | Modifier::UNDERLINED,
            Role::Warning if monochrome => Modifier::UNDERLINED,
            _ => Modifier::empty(),
        }
    }
}

/// The styles of the wizard's elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False with NO_COLOR, which wins over any theme: no colour is drawn.
    pub color: bool,
    /// No colour at all, only bold, reverse video and underline.
    pub monochrome: bool,
    /// Colours a config file gives to roles, over the default ones.
    pub colors: [Option<Color>; Role::COUNT],
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true, monochrome: false, colors: [None; Role::COUNT] }
    }
}

impl Theme {
    /// Colours unless the NO_COLOR convention asks for none (any non-empty value).
    pub fn from_env() -> Self {
        Theme { color: no_color_unset(), ..Theme::default() }
    }

    /// This theme, with colours turned off if NO_COLOR asks for that.
    pub fn honouring_no_color(self) -> Self {
        Theme { color: self.color && no_color_unset(), ..self }
    }

    /// The monochrome theme.
    pub fn monochrome() -> Self {
        Theme { monochrome: true, ..Theme::default() }
    }

    /// The style of `role`.
    pub fn style(self, role: Role) -> Style {
        let style = Style::new().add_modifier(role.modifier(self.monochrome));
        let color = self.colors[role as usize].or_else(|| role.default_color());
        match color {
            Some(color) if self.color && !self.monochrome => style.fg(color),
            _ => style,
        }
    }

    /// The focused row or step: reverse video works with and without colour.
    pub fn focus(self) -> Style {
        self.style(Role::Focus)
    }

    /// Titles.
    pub fn title(self) -> Style {
        self.style(Role::Title)
    }

    /// Row labels.
    pub fn label(self) -> Style {
        self.style(Role::Label)
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        self.style(Role::Dim)
    }

    /// Errors.
    pub fn error(self) -> Style {
        self.style(Role::Error)
    }

    /// Warnings.
    pub fn warning(self) -> Style {
        self.style(Role::Warning)
    }

    /// What is fine.
    pub fn ok(self) -> Style {
        self.style(Role::Ok)
    }

    /// Keys in the hints and the `?` panel.
    pub fn key(self) -> Style {
        self.style(Role::Key)
    }

    /// Keys in the JSON preview.
    pub fn json_key(self) -> Style {
        self.style(Role::JsonKey)
    }

    /// Strings in the JSON preview.
    pub fn json_string(self) -> Style {
        self.style(Role::JsonString)
    }

    /// Numbers, booleans and null in the JSON preview.
    pub fn json_literal(self) -> Style {
        self.style(Role::JsonLiteral)
    }
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_draws_the_colours_it_always_drew() {
        let theme = Theme::default();
        assert_eq!(theme.focus(), Style::new().add_modifier(Modifier::REVERSED));
        assert_eq!(theme.title(), Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD));
        assert_eq!(theme.error(), Style::new().fg(Color::Red));
        assert_eq!(theme.dim(), Style::new().fg(Color::DarkGray));
    }

    #[test]
    fn monochrome_and_no_color_have_no_colour_and_monochrome_still_marks_errors() {
        let mut colored = Theme::monochrome();
        colored.colors[Role::Error as usize] = Some(Color::Red);
        for role in Role::all() {
            for theme in [colored, Theme { color: false, ..Theme::default() }] {
                assert_eq!(theme.style(role).fg, None, "{role:?}");
                assert_eq!(theme.style(role).bg, None, "{role:?}");
            }
        }
        assert!(colored.error().add_modifier.contains(Modifier::UNDERLINED | Modifier::BOLD));
        assert!(colored.focus().add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_colour_given_to_a_role_replaces_its_default() {
        let mut theme = Theme::default();
        theme.colors[Role::Error as usize] = Some(Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(theme.error().fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
        assert_eq!(theme.warning().fg, Some(Color::Yellow));
    }
}
