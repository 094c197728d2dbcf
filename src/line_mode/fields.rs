//! One field at a time: its name, help, current value and problems, then the answer.

use super::form::Options;
use super::prompt::Answer;
use super::session::Session;
use crate::escape::{lines, one_line};
use crate::manifest::edit::Owner;
use crate::manifest::{
    ActionKey, AuthFieldKey, AuthenticationType, InputType, IntegrationKey, Key, Severity, Slot, WrapperKey,
};
use crate::wizard::shown::help_text::help;
use std::io::{BufRead, Write};

/// The answer that clears a value (an empty answer keeps it).
pub(crate) const CLEAR: &str = "-";

/// A text value as it is spoken: `empty`, the text, or a note that the file holds another type.
pub(crate) fn spoken<T>(slot: Option<&Slot<T>>, show: impl Fn(&T) -> String) -> String {
    match slot {
        None | Some(Slot::Absent) => "empty".to_owned(),
        Some(Slot::Null) => "null (kept as written until you change it)".to_owned(),
        Some(Slot::Value(value)) => show(value),
        Some(_) => "a value of the wrong type (kept as written until you change it)".to_owned(),
    }
}

/// A field as a row of the wizard's form declares it, with the help key the wizard shows for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field<'a> {
    pub owner: Owner,
    pub key: Key,
    pub label: &'a str,
    pub help_key: &'a str,
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Says a field's label and current value, its help and the problems at its pointer.
    pub(super) fn describe(&mut self, label: &str, current: &str, help_key: &str, pointer: &str) -> Answer<()> {
        self.say_value(label, current)?;
        let help = help(help_key);
        if !help.is_empty() {
            self.prompt.say(&format!("About: {help}"))?;
        }
        self.say_problems(pointer)
    }

    /// Says a field's label and current value (its help was said when it was first asked).
    fn say_value(&mut self, label: &str, current: &str) -> Answer<()> {
        let mut current_lines = current.split('\n');
        self.prompt.say(&format!("{label}: {}", current_lines.next().unwrap_or_default()))?;
        for line in current_lines {
            self.prompt.say(&format!("  {line}"))?;
        }
        Ok(())
    }

    /// Says the problems the author should see at `pointer`, one line each.
    pub(super) fn say_problems(&mut self, pointer: &str) -> Answer<()> {
        let problems: Vec<String> =
            self.doc.at(pointer).map(|d| format!("{}: {}", severity_word(d.severity), one_line(&d.message))).collect();
        problems.iter().try_for_each(|problem| self.prompt.say(problem))
    }

    fn has_error_at(&self, pointer: &str) -> bool {
        self.doc.at(pointer).any(|d| d.is_error())
    }

    /// Asks a text field; a changed value with an error is said and asked again (Enter then keeps it).
    pub(super) fn ask_text(&mut self, field: Field, multiline: bool) -> Answer<()> {
        let Field { owner, key, label, help_key } = field;
        let mut again = false;
        loop {
            let pointer = owner.key_pointer(&self.doc.manifest, key);
            let slot = self.doc.manifest.text(owner, key).cloned();
            let current = spoken(slot.as_ref(), |text| lines(text).collect::<Vec<_>>().join("\n"));
            // Asked again after a problem: the value and its problem, not the help once more.
            if again {
                self.say_value(label, &current)?;
                self.say_problems(&pointer)?;
            } else {
                self.describe(label, &current, help_key, &pointer)?;
            }
            again = true;
            if let Owner::AuthField(index) = owner
                && key == Key::AuthField(AuthFieldKey::FieldName)
                && self.doc.manifest.is_required_auth_field(index)
            {
                let kind = self.doc.manifest.authentication_type().map_or("", AuthenticationType::as_str);
                return self.prompt.say(&format!("{kind} requires this field name; it is kept."));
            }
            let question = format!("New value for {label} (Enter keeps it):");
            let answer = if multiline { self.ask_lines(&question)? } else { self.ask(&question)? };
            if answer.is_empty() {
                return Ok(());
            }
            let text = if answer == CLEAR { "" } else { answer.as_str() };
            if slot.as_ref().and_then(Slot::as_str) == Some(text) {
                return Ok(());
            }
            let renamed = crate::wizard::steps::write_text(&mut self.doc.manifest, owner, key, text);
            self.doc.edited(owner.key_pointer(&self.doc.manifest, key));
            if renamed > 0 {
                self.prompt
                    .say(&format!("Renamed the provider of {renamed} action(s) to match the integration name."))?;
            }
            let pointer = owner.key_pointer(&self.doc.manifest, key);
            if let Owner::AuthField(index) = owner
                && key == Key::AuthField(AuthFieldKey::FieldName)
            {
                self.offer_password(index, text)?;
            }
            if !self.has_error_at(&pointer) {
                // Warnings about the new value are said now, as the wizard shows them under the field.
                return self.say_problems(&pointer);
            }
            self.prompt.say(&format!("{label} has a problem; type it again, or Enter keeps what you typed."))?;
        }
    }

    /// A field just named like a secret (`token`) while of type input, as the wizard does it: the type
    /// stays input (the page's example has it so), the advice is said, and one answer (`y`) makes it a
    /// password.
    fn offer_password(&mut self, index: usize, name: &str) -> Answer<()> {
        let owner = Owner::AuthField(index);
        let input =
            self.doc.manifest.term(owner, AuthFieldKey::Type).is_some_and(|slot| slot.as_str() == Some("input"));
        if !input || !crate::manifest::rules::authentication::looks_secret(name) {
            return Ok(());
        }
        self.prompt.say(&format!(
            "{} looks like a secret: the page's example keeps it input (shown in clear).",
            one_line(name)
        ))?;
        let answer = self.ask("Make it a password, which Talkdesk masks? y, or Enter keeps input:")?;
        if super::prompt::yes_no(&answer) == Some(true) {
            self.doc.manifest.set_term(owner, AuthFieldKey::Type, "password");
            self.doc.edited(owner.key_pointer(&self.doc.manifest, AuthFieldKey::Type));
            self.prompt.say("Type: password.")?;
        }
        Ok(())
    }

    /// Asks a yes / no field.
    pub(super) fn ask_toggle(&mut self, field: Field) -> Answer<()> {
        let Field { owner, key, label, help_key } = field;
        let pointer = owner.key_pointer(&self.doc.manifest, key);
        let slot = self.doc.manifest.flag(owner, key).cloned();
        let current = spoken(slot.as_ref(), |value| if *value { "yes" } else { "no" }.to_owned());
        self.describe(label, &current, help_key, &pointer)?;
        let value = loop {
            let answer = self.ask(&format!("{label} yes or no (Enter keeps it):"))?;
            if answer.trim().is_empty() {
                return Ok(());
            }
            match super::prompt::yes_no(&answer) {
                Some(value) => break value,
                None => self.prompt.say(&format!(
                    "\"{}\" is not yes or no; answer yes (or y) or no (or n), or Enter to keep {current}.",
                    one_line(answer.trim())
                ))?,
            }
        };
        if slot.as_ref().and_then(Slot::as_bool) == Some(value) {
            return Ok(());
        }
        if let Some(slot) = self.doc.manifest.flag_mut(owner, key) {
            *slot = Slot::Value(value);
        }
        self.doc.edited(pointer);
        if owner == Owner::Wrapper && key == Key::Wrapper(WrapperKey::RequiresCti) {
            // CTI makes the agent endpoint mandatory: say at once what that asks for, as the wizard does.
            let agent =
                Owner::Integration.key_pointer(&self.doc.manifest, IntegrationKey::AgentSynchronizationEndpoint);
            self.doc.edited(agent.clone());
            self.say_problems(&agent)?;
        }
        Ok(())
    }

    /// Asks a field holding one value of a fixed set, as a numbered picker.
    pub(super) fn ask_choice(&mut self, field: Field, options: Options) -> Answer<()> {
        let Field { owner, key, label, help_key } = field;
        let pointer = owner.key_pointer(&self.doc.manifest, key);
        let slot = self.doc.manifest.term(owner, key);
        let current_value = slot.as_ref().and_then(Slot::as_str).map(str::to_owned);
        let current = spoken(slot.as_ref(), |text| one_line(text).into_owned());
        self.describe(label, &current, help_key, &pointer)?;
        let values = options.values();
        let choices: Vec<(String, String)> = values
            .iter()
            .map(|value| (value.to_string(), help(&format!("{}/{value}", options.help_prefix())).to_owned()))
            .collect();
        let Some(chosen) = self.pick(label, &choices, current_value.as_deref())? else { return Ok(()) };
        let value = values[chosen];
        if current_value.as_deref() == Some(value) {
            return Ok(());
        }
        self.doc.manifest.set_term(owner, key, value);
        self.doc.edited(pointer);
        if options == Options::InputTypes && value == InputType::Select.as_str() {
            self.prompt.say("A select's options are asked next, as a list.")?;
        }
        Ok(())
    }

    /// Says an action's provider: always the integration's name, not asked.
    pub(super) fn say_provider(&mut self, action: usize) -> Answer<()> {
        let owner = Owner::Action(action);
        let pointer = owner.key_pointer(&self.doc.manifest, ActionKey::Provider);
        let current = spoken(self.doc.manifest.text(owner, ActionKey::Provider), |text| one_line(text).into_owned());
        self.prompt.say(&format!("Provider: {current} (always the integration's name; not asked)"))?;
        self.say_problems(&pointer)
    }
}

/// How a finding's severity is said.
pub(crate) fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
    }
}
