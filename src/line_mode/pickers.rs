//! Pickers: numbered choices, answered by number (or by the value itself).

use super::prompt::Answer;
use super::session::Session;
use crate::escape::one_line;
use crate::manifest::edit::Owner;
use crate::manifest::{AuthenticationType, IntegrationKey};
use crate::wizard::shown::help_text::help;
use std::io::{BufRead, Write};

/// What an answer to a picker means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Picked {
    /// Enter: keep the current value.
    Keep,
    /// The choice at this index (from 0).
    Choice(usize),
    /// Neither a number of the list nor one of its values.
    Unknown,
}

/// Reads an answer to a picker of `values`: a number from 1, or a value as written (any letter case).
pub(crate) fn picked(answer: &str, values: &[&str]) -> Picked {
    let answer = answer.trim();
    if answer.is_empty() {
        return Picked::Keep;
    }
    if let Ok(number) = answer.parse::<usize>() {
        return if (1..=values.len()).contains(&number) { Picked::Choice(number - 1) } else { Picked::Unknown };
    }
    values.iter().position(|value| value.eq_ignore_ascii_case(answer)).map_or(Picked::Unknown, Picked::Choice)
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Lists `choices` (value and its help) by number and asks for one; None keeps the current value.
    pub(super) fn pick(
        &mut self,
        label: &str,
        choices: &[(String, String)],
        current: Option<&str>,
    ) -> Answer<Option<usize>> {
        self.prompt.say(&format!("Choices for {label}:"))?;
        for (number, (value, help)) in choices.iter().enumerate() {
            let help = if help.is_empty() { String::new() } else { format!(": {help}") };
            self.prompt.say(&format!("{}. {value}{help}", number + 1))?;
        }
        let values: Vec<&str> = choices.iter().map(|(value, _)| value.as_str()).collect();
        let keeps = match current {
            Some(value) => format!("Enter keeps {}", one_line(value)),
            None => "Enter leaves it empty".to_owned(),
        };
        loop {
            let answer = self.ask(&format!("{label}, a number from 1 to {} ({keeps}):", values.len()))?;
            match picked(&answer, &values) {
                Picked::Keep => return Ok(None),
                Picked::Choice(index) => return Ok(Some(index)),
                Picked::Unknown => self.prompt.say(&format!(
                    "\"{}\" is not one of the choices; answer a number from 1 to {}, or Enter to keep the value.",
                    one_line(answer.trim()),
                    values.len()
                ))?,
            }
        }
    }

    /// Step 3: the authentication type; an OAuth type adds the fields it requires and says which.
    pub(super) fn pick_authentication(&mut self) -> Answer<()> {
        let pointer = Owner::Integration.key_pointer(&self.doc.manifest, IntegrationKey::AuthenticationType);
        let current_type = self.doc.manifest.authentication_type();
        let slot = self.doc.manifest.term(Owner::Integration, IntegrationKey::AuthenticationType);
        let current = super::fields::spoken(slot.as_ref(), |text| one_line(text).into_owned());
        self.describe("Authentication type", &current, "integration/authentication_type", &pointer)?;
        let choices: Vec<(String, String)> = AuthenticationType::ALL
            .iter()
            .map(|kind| (kind.as_str().to_owned(), help(&format!("authentication_type/{}", kind.as_str())).to_owned()))
            .collect();
        let current_name = slot.as_ref().and_then(|slot| slot.as_str()).map(str::to_owned);
        let Some(index) = self.pick("Authentication type", &choices, current_name.as_deref())? else {
            return Ok(());
        };
        let kind = AuthenticationType::ALL[index];
        if current_type == Some(kind) && current_name.as_deref() == Some(kind.as_str()) {
            return Ok(());
        }
        let added = self.doc.manifest.set_authentication_type(kind);
        self.doc.edited(Owner::Integration.key_pointer(&self.doc.manifest, IntegrationKey::AuthenticationType));
        self.doc
            .edited(Owner::Integration.key_pointer(&self.doc.manifest, IntegrationKey::AuthenticationConfiguration));
        self.prompt.say(&if added.is_empty() {
            format!("Authentication type: {}.", kind.as_str())
        } else {
            format!("Authentication type: {}; added the fields it requires: {}.", kind.as_str(), added.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picker_takes_a_number_or_a_value_and_refuses_the_rest() {
        let values = ["none", "custom", "oauth2"];
        assert_eq!(picked("", &values), Picked::Keep);
        assert_eq!(picked(" 2 ", &values), Picked::Choice(1));
        assert_eq!(picked("OAuth2", &values), Picked::Choice(2));
        assert_eq!(picked("0", &values), Picked::Unknown);
        assert_eq!(picked("4", &values), Picked::Unknown);
        assert_eq!(picked("-1", &values), Picked::Unknown);
        assert_eq!(picked("basic", &values), Picked::Unknown);
    }
}
