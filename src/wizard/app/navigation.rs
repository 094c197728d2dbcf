//! Moving between steps, pages and rows: focus, opening items, going back, jumping to a finding, the mouse.

use super::*;
use crate::wizard::keys::Command;

impl App {
    pub(super) fn update_page(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let count = self.rows().len();
        match action {
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(count.saturating_sub(1)),
            Action::Next => self.next_row(count),
            Action::Previous => self.previous_row(),
            Action::PageUp => self.focus = self.focus.saturating_sub(self.page_height()),
            Action::PageDown => self.focus = (self.focus + self.page_height()).min(count.saturating_sub(1)),
            Action::First => self.focus = 0,
            Action::Last => self.focus = count.saturating_sub(1),
            Action::GoTo(step) => self.go_to(step),
            Action::Activate => self.activate(),
            Action::Toggle => self.toggle(),
            Action::Cycle(forward) => self.cycle(forward),
            Action::Back if self.filter.is_some() => {
                self.clear_filter();
                self.status = Some("filter cleared".into());
            }
            Action::Back => self.go_back(),
            Action::Filter => self.start_filter(),
            Action::Type(c) => self.type_to_edit(c, effects),
            Action::Unbound(c) => {
                self.status = Some(match self.focused_row() {
                    Some(Row::Text { .. } | Row::SelectOption { .. }) => {
                        format!("'{c}' was not typed: press Enter to edit this field first")
                    }
                    _ => format!("'{c}' does nothing here; ? lists every key"),
                });
            }
            Action::Add => self.add_item(),
            Action::Duplicate => self.duplicate_item(),
            Action::Delete => self.ask_delete(),
            Action::MoveItem { up } => self.move_item(up),
            Action::QuickFix => self.quick_fix(),
            Action::RemoveUnrequired => self.remove_unrequired(),
            Action::Save => self.save(effects),
            Action::Quit => self.quit(effects),
            Action::Help => self.open(crate::wizard::panels::keys::KeysPanel::default()),
            Action::WriteTicket => crate::wizard::panels::ticket::open(self),
            Action::TryIt => self.try_it(effects),
            Action::TogglePreview => self.preview_on_narrow = !self.preview_on_narrow,
            Action::Paste(text) if self.open_editor() => self.update_editor(Action::Paste(text), effects),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { down } => self.scroll(down, count),
            // Exhaustive on purpose: a new action must be placed here, or the build fails.
            // Pasted text with no text field to take it is dropped, as an unbound key is.
            Action::Paste(_) => {}
            // What only an editor, a filter or a panel answers; on a page these keys are not bound.
            Action::Edit(_) | Action::Newline | Action::EditorLine { .. } | Action::Finish | Action::Answer(_) => {}
            // Answered in `update` before a page sees them: the loop's results and the keys that work
            // everywhere.
            Action::Undo
            | Action::Redo
            | Action::Resize { .. }
            | Action::Saved { .. }
            | Action::Loaded { .. }
            | Action::OfferDraft { .. }
            | Action::RestoreDraft(_)
            | Action::TicketWritten { .. }
            | Action::Probed(..)
            | Action::Tick
            | Action::ExternalEditor
            | Action::ExternalEdited { .. }
            | Action::Suspend
            | Action::FolderRead { .. }
            | Action::DraftWritten(_)
            | Action::Notice(_)
            | Action::Configured { .. } => {}
        }
    }

    pub(super) fn page_height(&self) -> usize {
        usize::from(layout::areas(self).form.height.saturating_sub(2)).max(1)
    }

    pub(super) fn next_row(&mut self, count: usize) {
        if self.focus + 1 < count && !authentication::in_picker(self.focused_row()) {
            self.focus += 1;
        } else if let Some(step) = self.page.step().next() {
            self.go_to(step);
        }
    }

    pub(super) fn previous_row(&mut self) {
        if self.focus > 0 && !authentication::in_picker(self.focused_row()) {
            self.focus -= 1;
        } else if let Some(step) = self.page.step().previous() {
            self.go_to(step);
            // Coming back into the authentication picker lands on the chosen type, as going to it does.
            if step != Step::Authentication {
                self.focus = self.rows().len().saturating_sub(1);
            }
        }
    }

    /// After Enter finished a field: on to the next row that asks for something (a text, a list's add
    /// row, a yes/no or a choice with no value yet, an input's Mandatory), passing over the yes/no and
    /// choice fields that hold one already and "Needs CTI?", which the page never asks (↑↓ and Tab
    /// reach them). Past the last, an opened element goes back to its list, on
    /// its add row (to add another), and a step's page on to the next step.
    pub(super) fn go_on(&mut self) {
        let rows = self.rows();
        if let Some(next) = rows.iter().skip(self.focus + 1).position(|row| self.asks_for_something(*row)) {
            self.focus += 1 + next;
            return;
        }
        match self.page {
            Page::AuthField(_) | Page::Input { .. } if !self.back.is_empty() => {
                self.go_back();
                if let Some(add) = self.rows().iter().position(|row| matches!(row, Row::Add(_))) {
                    self.focus = add;
                }
            }
            Page::Step(step) => {
                if let Some(next) = step.next().filter(|next| *next != Step::Review) {
                    self.go_to(next);
                }
            }
            _ => {}
        }
    }

    /// True for the rows Enter stops at on its way through a form (see `go_on`).
    fn asks_for_something(&self, row: Row) -> bool {
        match row {
            Row::Text { .. }
            | Row::Add(_)
            | Row::AddOption { .. }
            | Row::SelectOption { .. }
            | Row::Item(ListRef::InteractionTypes, _) => true,
            Row::Toggle { owner, key, .. } => {
                crate::wizard::steps::input::enter_stops_at(owner, key)
                    || (!crate::wizard::steps::features::enter_passes_over(owner, key)
                        && self.doc.manifest.flag(owner, key).is_none_or(|slot| slot.get().is_none()))
            }
            Row::Choice { owner, key, .. } => {
                self.doc.manifest.term(owner, key).is_none_or(|slot| slot.get().is_none())
            }
            _ => false,
        }
    }

    /// Enter on a yes/no or a choice: keeps the value shown (writing it when the field has none yet)
    /// and goes on; Space and ←→ change it. A value of the wrong type is explained first, as Space does.
    fn keep_and_go_on(&mut self) {
        let Some(Row::Toggle { owner, key, .. } | Row::Choice { owner, key, .. }) = self.focused_row() else {
            return;
        };
        match self.focused_row() {
            Some(Row::Toggle { .. }) => match self.doc.manifest.flag(owner, key) {
                Some(Slot::Value(_)) => {}
                Some(Slot::Absent) | None => {
                    if let Some(slot) = self.doc.manifest.flag_mut(owner, key) {
                        *slot = Slot::Value(false);
                        self.edited(owner.key_pointer(&self.doc.manifest, key));
                    }
                }
                Some(_) => return self.toggle(),
            },
            _ => {
                if self.doc.manifest.term(owner, key).is_none_or(|slot| slot.get().is_none()) {
                    return self.cycle(true);
                }
            }
        }
        self.go_on();
    }

    /// Enter on an authentication type: chooses it and goes on to its fields, unless the switch offers
    /// to remove fields, which the step keeps showing.
    fn choose_and_go_on(&mut self, kind: crate::manifest::seed_tables::AuthenticationType) {
        if self.doc.manifest.authentication_type() != Some(kind) {
            self.choose_authentication(kind);
        }
        if !self.pending.removable.is_empty() {
            return;
        }
        let said = self.status.take();
        self.go_to(Step::AuthFields);
        self.status = self.status.take().or(said);
    }

    /// Shows a step's own page.
    pub fn go_to(&mut self, step: Step) {
        self.clear_filter();
        self.page = Page::Step(step);
        self.focus = if step == Step::Authentication { authentication::chosen_row(&self.doc.manifest) } else { 0 };
        self.back.clear();
        self.status = None;
        if step == Step::AuthFields && auth_fields::not_needed(&self.doc.manifest) {
            self.status = Some(auth_fields::NOT_NEEDED.into());
        }
    }

    pub(super) fn open_page(&mut self, page: Page, focus: usize) {
        // Esc returns to the same element, in the list as it is without the filter.
        let unfiltered_focus = match (&self.filter, self.focused_row()) {
            (Some(_), Some(row)) => rows(self.page, &self.doc.manifest, Listed::of(&self.doc, self.page), None)
                .iter()
                .position(|r| *r == row),
            _ => None,
        };
        self.back.push((self.page, unfiltered_focus.unwrap_or(self.focus)));
        self.clear_filter();
        self.page = page;
        self.focus = focus;
    }

    pub(super) fn go_back(&mut self) {
        match self.back.pop() {
            Some((page, focus)) => {
                self.page = page;
                self.focus = focus;
            }
            None => {
                let (back, quit) = (self.keys.hint_key(Command::Back), self.keys.hint_key(Command::Quit));
                self.status = Some(format!("{back} goes back from an opened item; {quit} quits"));
            }
        }
    }

    pub(super) fn clamp_focus(&mut self) {
        let count = self.rows().len();
        self.focus = self.focus.min(count.saturating_sub(1));
        self.start.focus = self.start.focus.min(self.start.items.len().saturating_sub(1));
    }

    pub(super) fn activate(&mut self) {
        let Some(row) = self.focused_row() else {
            return;
        };
        match row {
            Row::Text { .. } => {
                self.open_editor();
            }
            Row::Toggle { .. } | Row::Choice { .. } => self.keep_and_go_on(),
            Row::AuthType(kind) => self.choose_and_go_on(kind),
            Row::Item(ListRef::InteractionTypes, _) => {
                self.open_editor();
            }
            Row::Item(ListRef::AuthFields, index) => self.open_page(Page::AuthField(index), 0),
            Row::Item(ListRef::Actions, index) => self.open_page(Page::Action(index), 0),
            Row::Item(ListRef::Inputs(action), input) => self.open_page(Page::Input { action, input }, 0),
            Row::Add(_) => self.add_item(),
            Row::Finding(index) => self.jump_to_finding(index),
            Row::Change(index) => self.jump_to_change(index),
            Row::Provider(_) => self.fix_providers(),
            Row::SelectOption { .. } => {
                self.open_editor();
            }
            Row::AddOption { action, input } => self.add_option(action, input),
            Row::Kept { .. } => {
                self.status =
                    Some("this key is kept as written: no field edits it; saving writes it back unchanged".into());
            }
        }
    }

    pub(super) fn jump_to_finding(&mut self, index: usize) {
        let Some(diagnostic) = self.doc.diagnostics().get(index) else {
            return;
        };
        let pointer = diagnostic.pointer.clone();
        let unknown_key = diagnostic.code == crate::manifest::rules::codes::Rule::UnknownKey.code();
        let review = (self.page, self.focus);
        self.jump_to(&pointer);
        // Esc goes back up to the list, then to the review.
        self.back.insert(0, review);
        if unknown_key {
            // No row edits it: say where the jump landed and why.
            self.status = Some("the unknown key is shown here, kept as written (no field edits it)".into());
        }
    }

    /// Shows the field of the change since opening at `index`; Esc comes back to the review.
    pub(super) fn jump_to_change(&mut self, index: usize) {
        let Some((change, since)) = self.doc.changes().get(index).zip(self.doc.since_opened.as_ref()) else {
            return;
        };
        let pointer = since.place(change, &self.doc.manifest);
        let removed = change.side == crate::manifest::changes::Side::Old;
        let words = change.words();
        let review = (self.page, self.focus);
        self.jump_to(&pointer);
        self.back.insert(0, review);
        if removed {
            // What was removed has no field left: say where the jump landed.
            let undo = self.keys.hint_key(Command::Undo);
            self.status = Some(format!("{words}: this is the list that held it ({undo} undoes changes one by one)"));
        }
    }

    /// Shows every finding and goes to the first error, in the review's order.
    pub(crate) fn jump_to_first_error(&mut self) {
        self.doc.reveal();
        let diagnostics = self.doc.diagnostics();
        let first = self
            .doc
            .review_order()
            .iter()
            .copied()
            .find(|index| diagnostics.get(*index).is_some_and(crate::manifest::Diagnostic::is_error))
            .or_else(|| diagnostics.iter().position(crate::manifest::Diagnostic::is_error));
        if let Some(index) = first {
            self.jump_to_finding(index);
        }
    }

    /// Shows the page and row where the value at `pointer` is edited.
    pub fn jump_to(&mut self, pointer: &str) {
        let page = page_of(pointer, &self.doc.manifest);
        self.back.clear();
        // Opened items return to their list on Esc.
        let parents: Vec<(Page, Row)> = match page {
            Page::AuthField(index) => vec![(Page::Step(Step::AuthFields), Row::Item(ListRef::AuthFields, index))],
            Page::Action(index) => vec![(Page::Step(Step::Actions), Row::Item(ListRef::Actions, index))],
            Page::Input { action, input } => vec![
                (Page::Step(Step::Actions), Row::Item(ListRef::Actions, action)),
                (Page::Action(action), Row::Item(ListRef::Inputs(action), input)),
            ],
            Page::Step(_) => Vec::new(),
        };
        for (parent, row) in parents {
            let focus =
                rows(parent, &self.doc.manifest, Listed::default(), None).iter().position(|r| *r == row).unwrap_or(0);
            self.back.push((parent, focus));
        }
        self.page = page;
        let rows = self.rows();
        let exact = rows.iter().position(|row| row.pointer(&self.doc.manifest) == pointer);
        let closest = || {
            rows.iter()
                .enumerate()
                .filter(|(_, row)| {
                    let row_pointer = row.pointer(&self.doc.manifest);
                    !row_pointer.is_empty() && pointer.starts_with(&format!("{row_pointer}/"))
                })
                .max_by_key(|(_, row)| row.pointer(&self.doc.manifest).len())
                .map(|(index, _)| index)
        };
        self.focus = exact.or_else(closest).unwrap_or(0);
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = layout::areas(self);
        if let Some(step) = layout::step_at(&areas, column, row) {
            self.go_to(step);
        } else if let Some(index) = layout::row_at(self, &areas, column, row) {
            if index == self.focus {
                self.activate();
            } else {
                self.focus = index;
            }
        }
    }

    pub(super) fn scroll(&mut self, down: bool, count: usize) {
        if self.page == Page::Step(Step::Review) && self.caches.review.generation.is_some() {
            let last = self.caches.review.line_starts.len().saturating_sub(1);
            let scroll = &mut self.caches.review.scroll;
            *scroll = if down { (*scroll + 3).min(last) } else { scroll.saturating_sub(3) };
            return;
        }
        self.focus = if down { (self.focus + 3).min(count.saturating_sub(1)) } else { self.focus.saturating_sub(3) };
    }
}
