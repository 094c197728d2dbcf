//! Lists edited by number: `add`, `edit N`, `delete N`, `move N M`, `done` (or Enter).

use super::form::{self};
use super::prompt::Answer;
use super::session::Session;
use crate::escape::one_line;
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{AuthenticationType, InputKey, Shape, Slot};
use crate::wizard::shown::help_text::help;
use std::io::{BufRead, Write};

/// One answer to a list's question; numbers are positions from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Command {
    Add,
    /// `add TEXT`: adds a text at once, in a list of texts (interaction types, a select's options).
    AddText(String),
    Edit(usize),
    Delete(usize),
    Move {
        from: usize,
        to: usize,
    },
    Done,
}

/// Reads an answer about a list of `count` elements numbered from 1, or says what is wrong with it.
pub(crate) fn command(answer: &str, count: usize) -> Result<Command, String> {
    let words: Vec<&str> = answer.split_whitespace().collect();
    let number = |word: &str| -> Result<usize, String> {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
            _ if count == 0 => Err("the list is empty; answer add, or done".to_owned()),
            _ => Err(format!("\"{}\" is not a number from 1 to {count}", one_line(word))),
        }
    };
    let verb = words.first().map(|word| word.to_lowercase());
    match (verb.as_deref(), &words[words.len().min(1)..]) {
        (None | Some("done" | "d"), []) => Ok(Command::Done),
        (Some("add" | "a"), []) => Ok(Command::Add),
        (Some("add" | "a"), [_, ..]) => {
            let verb_end = answer.find(words[0]).map_or(0, |at| at + words[0].len());
            Ok(Command::AddText(answer[verb_end..].trim().to_owned()))
        }
        (Some("edit" | "e"), [n]) => number(n).map(Command::Edit),
        (Some("delete" | "del"), [n]) => number(n).map(Command::Delete),
        (Some("move" | "m"), [from, to]) => Ok(Command::Move { from: number(from)?, to: number(to)? }),
        _ => Err(format!(
            "\"{}\" is not understood; answer add, edit N, delete N, move N M, or done",
            one_line(answer.trim())
        )),
    }
}

/// How a list is named when it is read out.
pub(super) fn title(list: ListRef) -> &'static str {
    match list {
        ListRef::AuthFields => "Authentication fields",
        ListRef::InteractionTypes => "Interaction types",
        ListRef::Actions => "Actions",
        ListRef::Inputs(_) => "Inputs",
    }
}

fn help_key(list: ListRef) -> &'static str {
    match list {
        ListRef::AuthFields => "integration/authentication_configuration",
        ListRef::InteractionTypes => "integration/interaction_types",
        ListRef::Actions => "wrapper/actions",
        ListRef::Inputs(_) => "action/inputs",
    }
}

pub(super) fn count(manifest: &crate::manifest::Manifest, list: ListRef) -> usize {
    match list {
        ListRef::AuthFields => manifest.auth_field_count(),
        ListRef::Actions => manifest.action_count(),
        ListRef::Inputs(action) => manifest.input_count(action),
        ListRef::InteractionTypes => {
            manifest.integration().and_then(|integration| integration.interaction_types.get()).map_or(0, Vec::len)
        }
    }
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Reads the list out and asks what to do with it until the author is done.
    pub(super) fn edit_list(&mut self, list: ListRef) -> Answer<()> {
        let mut first = true;
        loop {
            let count = count(&self.doc.manifest, list);
            let pointer = form::list_pointer(list, &self.doc.manifest);
            let labels: Vec<String> =
                (0..count).map(|index| form::item_label(&self.doc.manifest, list, index)).collect();
            let name = title(list);
            self.say_elements(name, &labels, first.then_some(help_key(list)), &pointer)?;
            first = false;
            let answer = self.ask(&format!("{name}: add, edit N, delete N, move N M, or done (Enter):"))?;
            match command(&answer, count) {
                Ok(Command::Done) => return Ok(()),
                Ok(Command::Add) => self.add_element(list)?,
                Ok(Command::AddText(text)) if list == ListRef::InteractionTypes => {
                    if let Some(index) = self.doc.manifest.add_interaction_type(&text) {
                        self.doc.edited(format!("{pointer}/{index}"));
                    }
                }
                Ok(Command::AddText(_)) => self
                    .prompt
                    .say(&format!("Answer add alone to add an element of {name}; its fields are asked next."))?,
                Ok(Command::Edit(index)) => self.edit_element(list, index)?,
                Ok(Command::Delete(index)) => self.delete_element(list, index, &labels[index])?,
                Ok(Command::Move { from, to }) => {
                    if let Some(items) = self.doc.manifest.list_mut(list) {
                        move_by_steps(from, to, |at, up| items.move_at(at, up));
                    }
                    self.doc.edited(pointer);
                }
                Err(message) if list == ListRef::InteractionTypes => self.prompt.say(&format!(
                    "{message}; to add it as an interaction type, answer: add {}.",
                    one_line(answer.trim())
                ))?,
                Err(message) => self.prompt.say(&format!("{message}."))?,
            }
        }
    }

    /// Reads out a list's elements by number, its help the first time, and its problems.
    fn say_elements(&mut self, name: &str, labels: &[String], help_key: Option<&str>, pointer: &str) -> Answer<()> {
        let items = if labels.len() == 1 { "element" } else { "elements" };
        self.prompt.say(&format!("{name}: {} {items}.", labels.len()))?;
        for (number, label) in labels.iter().enumerate() {
            self.prompt.say(&format!("{}. {label}", number + 1))?;
        }
        let help = help_key.map_or("", help);
        if !help.is_empty() {
            self.prompt.say(&format!("About: {help}"))?;
        }
        self.say_problems(pointer)
    }

    fn add_element(&mut self, list: ListRef) -> Answer<()> {
        if list == ListRef::AuthFields && self.doc.manifest.authentication_type() == Some(AuthenticationType::None) {
            return self.prompt.say(
                "The authentication type is none, so Talkdesk asks for no fields; choose a type in step 3 first.",
            );
        }
        let manifest = &mut self.doc.manifest;
        let index = match list {
            ListRef::AuthFields => manifest.add_auth_field(),
            ListRef::Actions => manifest.add_action(),
            ListRef::Inputs(action) => manifest.add_input(action),
            ListRef::InteractionTypes => {
                let text = self.ask("New interaction type (Enter adds nothing):")?;
                if text.trim().is_empty() {
                    return Ok(());
                }
                self.doc.manifest.add_interaction_type(&text)
            }
        };
        let Some(index) = index else {
            return self.prompt.say("This list holds a value that is not a list; fix it in the file first.");
        };
        self.doc.edited(format!("{}/{index}", form::list_pointer(list, &self.doc.manifest)));
        if list == ListRef::Actions && self.doc.manifest.shape == Shape::Bare {
            self.prompt.say("This file was a bare integration document; with actions it is saved as {\"integration\": ..., \"actions\": [...]}.")?;
        }
        match Self::element_page(list, index) {
            Some(page) => {
                self.prompt.say(&format!("New element {} of {}:", index + 1, title(list)))?;
                self.page(page)
            }
            None => Ok(()),
        }
    }

    fn edit_element(&mut self, list: ListRef, index: usize) -> Answer<()> {
        if let Some(page) = Self::element_page(list, index) {
            if form::rows(page, &self.doc.manifest).is_empty() || !self.is_object(list, index) {
                return self.prompt.say("This element is not an object; fix it in the file first.");
            }
            return self.edit_fields(page, &format!("Element {} of {}", index + 1, title(list)));
        }
        // An interaction type: a text edited in place.
        let current = form::item_label(&self.doc.manifest, list, index);
        self.prompt.say(&format!("Interaction type {}: {current}", index + 1))?;
        let text = self.ask("New value (Enter keeps it):")?;
        if text.is_empty() {
            return Ok(());
        }
        if let Some(slot) = self.doc.manifest.interaction_type_mut(index) {
            *slot = Slot::Value(text);
        }
        self.doc.edited(format!("{}/{index}", form::list_pointer(list, &self.doc.manifest)));
        Ok(())
    }

    fn is_object(&self, list: ListRef, index: usize) -> bool {
        let manifest = &self.doc.manifest;
        match list {
            ListRef::AuthFields => manifest.auth_field(index).is_some(),
            ListRef::Actions => manifest.action(index).is_some(),
            ListRef::Inputs(action) => manifest.input(action, index).is_some(),
            ListRef::InteractionTypes => true,
        }
    }

    fn delete_element(&mut self, list: ListRef, index: usize, label: &str) -> Answer<()> {
        if list == ListRef::AuthFields && self.doc.manifest.is_required_auth_field(index) {
            let kind = self.doc.manifest.authentication_type().map_or("", AuthenticationType::as_str);
            return self
                .prompt
                .say(&format!("{kind} requires this field; choose another authentication type to remove it."));
        }
        if !self.ask_yes_no(&format!("Delete {}. {label}?", index + 1), false)? {
            return self.prompt.say("Not deleted.");
        }
        if let Some(items) = self.doc.manifest.list_mut(list) {
            items.remove_at(index);
        }
        self.doc.edited(form::list_pointer(list, &self.doc.manifest));
        self.prompt.say("Deleted.")
    }

    /// A select input's options (its `format`, comma separated), edited as a list.
    pub(super) fn edit_options(&mut self, action: usize, input: usize) -> Answer<()> {
        let owner = Owner::Input { action, input };
        let mut first = true;
        loop {
            let options = self.doc.manifest.select_options(action, input);
            let pointer = owner.key_pointer(&self.doc.manifest, InputKey::Format);
            let labels: Vec<String> = options.iter().map(|option| one_line(option).into_owned()).collect();
            self.say_elements("Options", &labels, first.then_some("input_type/select"), &pointer)?;
            first = false;
            let answer = self.ask("Options: add, edit N, delete N, move N M, or done (Enter):")?;
            let mut changed = options.clone();
            match command(&answer, options.len()) {
                Ok(Command::Done) => return Ok(()),
                Ok(Command::Add) => {
                    let text = self.ask("New option (Enter adds nothing):")?;
                    if text.is_empty() {
                        continue;
                    }
                    changed.push(text);
                }
                Ok(Command::AddText(text)) => changed.push(text),
                Ok(Command::Edit(index)) => {
                    self.prompt.say(&format!("Option {}: {}", index + 1, labels[index]))?;
                    let text = self.ask("New value (Enter keeps it):")?;
                    if text.is_empty() {
                        continue;
                    }
                    changed[index] = text;
                }
                Ok(Command::Delete(index)) => {
                    changed.remove(index);
                }
                Ok(Command::Move { from, to }) => move_by_steps(from, to, |at, up| {
                    let target = if up { at.checked_sub(1)? } else { at + 1 };
                    (target < changed.len()).then(|| changed.swap(at, target)).map(|()| target)
                }),
                Err(message) => {
                    self.prompt
                        .say(&format!("{message}; to add it as an option, answer: add {}.", one_line(answer.trim())))?;
                    continue;
                }
            }
            // Stored the way the wizard stores them: joined with commas (a comma typed makes two options).
            self.doc.manifest.set_select_options(action, input, &changed);
            self.doc.edited(owner.key_pointer(&self.doc.manifest, InputKey::Format));
        }
    }
}

/// Moves the element at `from` to `to` one neighbour at a time, with the list's own move.
fn move_by_steps(from: usize, to: usize, mut step: impl FnMut(usize, bool) -> Option<usize>) {
    let mut at = from;
    while at != to {
        match step(at, to < at) {
            Some(next) => at = next,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_answers_are_read_by_number_from_one() {
        assert_eq!(command("", 2), Ok(Command::Done));
        assert_eq!(command("done", 2), Ok(Command::Done));
        assert_eq!(command("ADD", 0), Ok(Command::Add));
        assert_eq!(command("edit 2", 2), Ok(Command::Edit(1)));
        assert_eq!(command("delete 1", 2), Ok(Command::Delete(0)));
        assert_eq!(command("move 2 1", 2), Ok(Command::Move { from: 1, to: 0 }));
        assert_eq!(command("add  Sales lead ", 2), Ok(Command::AddText("Sales lead".to_owned())));
        assert_eq!(command("a Case", 0), Ok(Command::AddText("Case".to_owned())));
    }

    #[test]
    fn a_wrong_list_answer_says_what_would_work() {
        assert_eq!(command("edit 3", 2), Err("\"3\" is not a number from 1 to 2".to_owned()));
        assert_eq!(command("edit 1", 0), Err("the list is empty; answer add, or done".to_owned()));
        assert!(command("remove 1", 2).is_err_and(|message| message.contains("add, edit N, delete N")));
        assert!(command("edit", 2).is_err());
    }

    #[test]
    fn moving_goes_one_neighbour_at_a_time_both_ways() {
        let mut items = vec!['a', 'b', 'c', 'd'];
        let mut swap = |at: usize, up: bool| {
            let target = if up { at - 1 } else { at + 1 };
            items.swap(at, target);
            Some(target)
        };
        move_by_steps(0, 2, &mut swap);
        move_by_steps(3, 0, &mut swap);
        assert_eq!(items, ['d', 'b', 'c', 'a']);
    }
}
