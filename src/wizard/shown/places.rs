//! Where a value is, in the words the screens use: "Auth fields › token › Type" (step › item › field
//! label) rather than a JSON pointer, for the review's list of problems.

use super::super::form::Row;
use super::super::steps::{Page, Step};
use super::super::steps::{kept, page_of, rows};
use super::summaries::item_label;
use crate::escape::one_line;
use crate::manifest::{Manifest, Slot};

/// The page's name as its title says it: `Actions › create_ticket › email`.
pub(crate) fn page_name(page: Page, manifest: &Manifest) -> String {
    let name = |slot: Option<&Slot<String>>, index: usize| {
        slot.and_then(Slot::non_blank).map_or_else(|| format!("#{}", index + 1), |text| one_line(text).into_owned())
    };
    match page {
        Page::Step(Step::AuthFields) => "Auth fields".to_owned(),
        Page::Step(step) => step.title().to_owned(),
        Page::AuthField(index) => {
            format!("Auth fields › {}", name(manifest.auth_field(index).map(|f| &f.field_name), index))
        }
        Page::Action(index) => format!("Actions › {}", name(manifest.action(index).map(|a| &a.name), index)),
        Page::Input { action, input } => format!(
            "Actions › {} › {}",
            name(manifest.action(action).map(|a| &a.name), action),
            name(manifest.input(action, input).map(|i| &i.key), input)
        ),
    }
}

/// Where `pointer` is edited, in words: its page, then the label of the row that edits it (the
/// deepest row whose value holds it). A pointer no page shows is named by the file.
pub(crate) fn place_name(pointer: &str, manifest: &Manifest) -> String {
    if pointer.is_empty() {
        return "the file".to_owned();
    }
    let page = page_of(pointer, manifest);
    if page == Page::Step(Step::Review) {
        return format!("the file, at {pointer}");
    }
    let holds = |row: &Row| {
        let at = row.pointer(manifest);
        !at.is_empty() && (pointer == at || pointer.starts_with(&format!("{at}/")))
    };
    let row = rows(page, manifest, super::super::steps::review::Listed::default(), None)
        .into_iter()
        .filter(holds)
        .max_by_key(|row| row.pointer(manifest).len());
    match row.and_then(|row| row_label(row, manifest)) {
        Some(label) => format!("{} › {label}", page_name(page, manifest)),
        None => page_name(page, manifest),
    }
}

/// The words a row shows for what it edits.
fn row_label(row: Row, manifest: &Manifest) -> Option<String> {
    match row {
        Row::Text { label, .. } | Row::Toggle { label, .. } | Row::Choice { label, .. } => Some(label.to_owned()),
        Row::Item(list, index) => Some(item_label(manifest, list, index)),
        Row::Kept { owner, index } => kept::key(manifest, owner, index).map(|key| one_line(key).into_owned()),
        Row::Provider(_) => Some("Provider".to_owned()),
        Row::AuthType(_) => Some("Type".to_owned()),
        Row::Add(_) | Row::AddOption { .. } | Row::SelectOption { .. } | Row::Finding(_) | Row::Change(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::read;

    fn mycrm() -> Manifest {
        read(crate::wizard::examples::EXAMPLES[0].json.as_bytes()).expect("the example reads").manifest
    }

    #[test]
    fn a_field_of_an_item_is_named_by_step_item_and_label() {
        let manifest = mycrm();
        assert_eq!(
            place_name("/integration/authentication_configuration/1/type", &manifest),
            "Auth fields › token › Type"
        );
        assert_eq!(place_name("/actions/0/inputs/1/format", &manifest), "Actions › create_ticket › email › Format");
    }

    #[test]
    fn a_field_of_a_step_is_named_by_step_and_label() {
        assert_eq!(place_name("/integration/logo_url", &mycrm()), "Integration › Logo URL");
    }

    #[test]
    fn the_whole_file_is_named_as_such() {
        assert_eq!(place_name("", &mycrm()), "the file");
    }
}
