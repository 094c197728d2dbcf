//! One module per step or form of the wizard. Each declares its fields once, as data ([`Field`]), and
//! owns what is special about it; the form rows, the pointer → page mapping and the step list's states
//! are derived here from those declarations.

pub(crate) mod action;
pub(crate) mod actions;
pub(crate) mod auth_fields;
pub(crate) mod authentication;
pub(crate) mod features;
pub(crate) mod input;
pub(crate) mod integration;
pub(crate) mod kept;
pub(crate) mod page;
pub(crate) mod review;

pub use page::{Page, Step};

use super::document::Document;
use super::form::{Options, Row};

use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{Key, Manifest, ObjectKey, Shape};

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A text of one line.
    Line,
    /// A text that keeps line breaks.
    Lines,
    /// Yes or no.
    Toggle,
    /// One value of a fixed set.
    Choice(Options),
}

/// A field as a step declares it: its key in the manifest (typed: `IntegrationKey::Name`), its label
/// on the form and how it is edited. Its help is `assets/help.json`'s entry for the object and key
/// (`integration/name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field<K> {
    pub key: K,
    pub label: &'static str,
    pub kind: Kind,
}

impl<K: ObjectKey> Field<K> {
    /// A text field of one line.
    pub(crate) const fn line(key: K, label: &'static str) -> Self {
        Field { key, label, kind: Kind::Line }
    }

    /// A text field that keeps line breaks.
    pub(crate) const fn lines(key: K, label: &'static str) -> Self {
        Field { key, label, kind: Kind::Lines }
    }

    /// A yes / no field.
    pub(crate) const fn toggle(key: K, label: &'static str) -> Self {
        Field { key, label, kind: Kind::Toggle }
    }

    /// A field holding one of `options`.
    pub(crate) const fn choice(key: K, label: &'static str, options: Options) -> Self {
        Field { key, label, kind: Kind::Choice(options) }
    }

    /// The form row editing this field of `owner`.
    pub(crate) fn row(self, owner: Owner) -> Row {
        let Field { key, label, kind } = self;
        let key = key.key();
        match kind {
            Kind::Line => Row::Text { owner, key, label, multiline: false },
            Kind::Lines => Row::Text { owner, key, label, multiline: true },
            Kind::Toggle => Row::Toggle { owner, key, label },
            Kind::Choice(options) => Row::Choice { owner, key, label, options },
        }
    }

    /// True when `owner` holds anything (even a wrong value) under this field's key.
    pub(crate) fn is_present(self, manifest: &Manifest, owner: Owner) -> bool {
        manifest.has(owner, self.key)
    }
}

/// The rows of each field, for `owner`.
pub(crate) fn field_rows<K: ObjectKey>(fields: &[Field<K>], owner: Owner) -> impl Iterator<Item = Row> + '_ {
    fields.iter().map(move |field| field.row(owner))
}

/// Writes a text the author typed into the field `key` of `owner`. The integration's name is a
/// rename: every action's provider follows it. Returns how many providers changed.
pub(crate) fn write_text(manifest: &mut Manifest, owner: Owner, key: Key, text: &str) -> usize {
    if integration::is_name(owner, key) {
        manifest.rename_integration(text)
    } else {
        manifest.set_text(owner, key, text);
        0
    }
}

/// The rows of a list: its elements (or only those a filter matched), then "add".
pub(crate) fn list_rows(list: ListRef, count: usize, only: Option<&[usize]>) -> Vec<Row> {
    // Made at its full length at once: a list of thousands of actions is listed a few times a keystroke.
    let mut rows = Vec::with_capacity(only.map_or(count, <[usize]>::len) + 1);
    match only {
        Some(matches) => rows.extend(matches.iter().map(|&index| Row::Item(list, index))),
        None => rows.extend((0..count).map(|index| Row::Item(list, index))),
    }
    rows.push(Row::Add(list));
    rows
}

/// The row at `index` of `page`: `rows(page, ..).get(index)`, found without listing every element
/// of a long list (the focused row is asked for several times a keystroke, and a manifest may hold
/// thousands of actions or findings).
pub(crate) fn row(
    page: Page,
    manifest: &Manifest,
    listed: review::Listed,
    only: Option<&[usize]>,
    index: usize,
) -> Option<Row> {
    let (leading, found) = match page {
        Page::Step(Step::AuthFields) => list_row(ListRef::AuthFields, manifest.auth_field_count(), only, index),
        Page::Step(Step::Actions) => list_row(ListRef::Actions, manifest.action_count(), only, index),
        Page::Step(Step::Review) => review::row(listed, index),
        Page::Action(action) => action::row(manifest, action, only, index),
        _ => return rows(page, manifest, listed, only).get(index).copied(),
    };
    // Unknown keys come last, as in `rows`.
    found.or_else(|| kept::rows(page, manifest).get(index.checked_sub(leading)?).copied())
}

/// The row at `index` of a list's rows (as `list_rows` lists them), and how many rows the list has.
pub(super) fn list_row(list: ListRef, count: usize, only: Option<&[usize]>, index: usize) -> (usize, Option<Row>) {
    let shown = only.map_or(count, <[usize]>::len);
    let row = match index.cmp(&shown) {
        std::cmp::Ordering::Less => Some(Row::Item(list, only.map_or(index, |matches| matches[index]))),
        std::cmp::Ordering::Equal => Some(Row::Add(list)),
        std::cmp::Ordering::Greater => None,
    };
    (shown + 1, row)
}

/// The rows of `page`, top to bottom. `only` limits a list page to the elements a filter matched.
pub(crate) fn rows(page: Page, manifest: &Manifest, listed: review::Listed, only: Option<&[usize]>) -> Vec<Row> {
    let mut rows = match page {
        Page::Step(Step::Integration) => integration::rows(),
        Page::Step(Step::Features) => features::rows(manifest),
        Page::Step(Step::Authentication) => authentication::rows(),
        Page::Step(Step::AuthFields) => auth_fields::rows(manifest, only),
        Page::Step(Step::Actions) => actions::rows(manifest, only),
        Page::Step(Step::Review) => review::rows(listed),
        Page::AuthField(index) => auth_fields::form_rows(index),
        Page::Action(index) => action::rows(manifest, index, only),
        Page::Input { action, input } => input::rows(manifest, action, input),
    };
    // Unknown keys come last, read-only, after everything the page edits.
    rows.extend(kept::rows(page, manifest));
    rows
}

/// The step where a pointer's value is edited.
pub(crate) fn step_of(pointer: &str, manifest: &Manifest) -> Step {
    page_of(pointer, manifest).step()
}

/// The page where a pointer's value is edited (the review page for what no form shows).
pub(crate) fn page_of(pointer: &str, manifest: &Manifest) -> Page {
    if manifest.written_shape() == Shape::Wrapper {
        if features::owns_top_level(pointer) {
            return Page::Step(Step::Features);
        }
        if let Some(page) = actions::page_of(pointer) {
            return page;
        }
    }
    let Some(tokens) = integration_tokens(pointer, manifest) else {
        return if beside_integration(pointer, manifest) {
            Page::Step(Step::Integration)
        } else {
            Page::Step(Step::Review)
        };
    };
    let Some(first) = tokens.first().copied() else {
        return Page::Step(Step::Review);
    };
    if integration::owns(first) {
        Page::Step(Step::Integration)
    } else if authentication::owns(first) {
        Page::Step(Step::Authentication)
    } else if auth_fields::owns(first) {
        auth_fields::page_of(&tokens[1..])
    } else if features::owns(first) {
        Page::Step(Step::Features)
    } else {
        // A key no step declares (an unknown key, kept as written) belongs to the integration.
        Page::Step(Step::Integration)
    }
}

/// True for a key of the wrapper other than the integration and the actions (an unknown key kept
/// as written): the integration's step shows it, as the manifest's own.
fn beside_integration(pointer: &str, manifest: &Manifest) -> bool {
    manifest.written_shape() == Shape::Wrapper
        && pointer.strip_prefix('/').is_some_and(|key| !key.is_empty() && !key.contains('/'))
        && pointer != manifest.integration_pointer()
}

/// The pointer's tokens below the integration (None when the pointer is outside it).
fn integration_tokens<'a>(pointer: &'a str, manifest: &Manifest) -> Option<Vec<&'a str>> {
    let rest = pointer.strip_prefix(manifest.integration_pointer())?;
    let rest = rest.strip_prefix('/')?;
    Some(rest.split('/').collect())
}

/// A line of help drawn under a row, when its step has one: how a template renders, how Talkdesk
/// shows an action's display, or what an input's format means for its type. `fix_key` gives the
/// quick fix's key on a text field, where the note mentions it.
pub(crate) fn note(manifest: &Manifest, row: Row, fix_key: &dyn Fn() -> String) -> Option<String> {
    let Row::Text { owner, key, .. } = row else { return None };
    match key {
        Key::AuthField(key) => auth_fields::note(manifest, owner, key),
        Key::Action(key) => action::note(manifest, owner, key, fix_key),
        Key::Input(key) => input::note(manifest, owner, key),
        Key::Wrapper(_) | Key::Integration(_) => None,
    }
}

/// How far a step is, as the step list says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    /// Something is left: errors the author has seen, mandatory values not reached yet, warnings.
    Open {
        errors: usize,
        to_fill: usize,
        warnings: usize,
    },
    /// Every mandatory value filled and no error (warnings may remain).
    Done {
        warnings: usize,
    },
    /// Nothing is asked here and nothing written yet.
    Optional,
    /// The authentication fields, before a type is chosen: what they need depends on it.
    AfterType,
    /// The authentication fields with the type `none`: Talkdesk needs none.
    NotNeeded,
    /// The review: the file on disk is what the wizard holds, or not.
    Saved,
    NotSaved,
    /// The review of a file with changes not saved: how many (None when undo cannot count them).
    Unsaved(Option<usize>),
}

/// The step list's state of `step`, derived from the findings each step's declarations own: a
/// step is done only when none of its mandatory values is left and it has no error. Errors at
/// values not reached yet are counted as "to fill", not shown as errors.
pub(crate) fn progress(step: Step, doc: &Document) -> Progress {
    let counts = doc.step_counts(step);
    let to_fill = doc.to_fill(step);
    let (errors, warnings) = (counts.errors, counts.warnings);
    let manifest = &doc.manifest;
    if step == Step::AuthFields && errors + warnings + to_fill == 0 {
        if auth_fields::not_needed(manifest) {
            return Progress::NotNeeded;
        }
        if !auth_fields::touched(manifest) && !authentication::touched(manifest) {
            return Progress::AfterType;
        }
    }
    if errors + to_fill > 0 {
        return Progress::Open { errors, to_fill, warnings };
    }
    match step {
        Step::Review if touched(step, doc) => Progress::Saved,
        Step::Review if doc.path.is_some() && doc.modified => Progress::Unsaved(doc.history.unsaved()),
        Step::Review => Progress::NotSaved,
        _ if touched(step, doc) => Progress::Done { warnings },
        _ if warnings > 0 => Progress::Open { errors, to_fill, warnings },
        _ => Progress::Optional,
    }
}

impl Progress {
    /// The state in words, for the step list's second line: `✗1 · 3 to fill`, `✓ done`.
    pub(crate) fn words(self) -> String {
        match self {
            Progress::Open { errors, to_fill: 0, warnings: 0 } => {
                format!("✗{errors} error{}", if errors == 1 { "" } else { "s" })
            }
            Progress::Open { errors: 0, to_fill: 0, warnings } => {
                format!("!{warnings} warning{}", if warnings == 1 { "" } else { "s" })
            }
            Progress::Open { errors, to_fill, warnings } => {
                let parts = [
                    (errors > 0).then(|| format!("✗{errors}")),
                    (to_fill > 0).then(|| format!("{to_fill} to fill")),
                    (warnings > 0).then(|| format!("!{warnings}")),
                ];
                parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
            }
            Progress::Done { warnings: 0 } => "✓ done".into(),
            Progress::Done { warnings } => format!("✓ done · !{warnings}"),
            Progress::Optional => "· optional".into(),
            Progress::AfterType => "· after step 3".into(),
            Progress::NotNeeded => "– not needed".into(),
            Progress::Saved => "✓ saved".into(),
            Progress::NotSaved => "· not saved yet".into(),
            // The step list is narrow: the words fit its 22 columns.
            Progress::Unsaved(Some(1)) => "· 1 unsaved change".into(),
            Progress::Unsaved(Some(count)) if count < 10 => format!("· {count} unsaved changes"),
            Progress::Unsaved(Some(count)) => format!("· {count} unsaved"),
            Progress::Unsaved(None) => "· changes not saved".into(),
        }
    }

    /// The state in one or two cells, beside the step's name when there is no room for a second line.
    pub(crate) fn symbol(self) -> String {
        match self {
            Progress::Open { errors, .. } if errors > 0 => format!("✗{errors}"),
            Progress::Open { to_fill, .. } if to_fill > 0 => format!("○{to_fill}"),
            Progress::Open { warnings, .. } | Progress::Done { warnings } if warnings > 0 => format!("!{warnings}"),
            Progress::Open { .. } | Progress::Done { .. } | Progress::Saved => "✓".into(),
            Progress::NotNeeded => "–".into(),
            Progress::Optional | Progress::AfterType | Progress::NotSaved | Progress::Unsaved(_) => "·".into(),
        }
    }
}

/// True when the step holds anything the author wrote (for the review: the file is saved).
pub(crate) fn touched(step: Step, doc: &Document) -> bool {
    let manifest = &doc.manifest;
    if manifest.integration().is_none() {
        return false;
    }
    match step {
        Step::Integration => integration::touched(manifest),
        Step::Features => features::touched(manifest),
        Step::Authentication => authentication::touched(manifest),
        Step::AuthFields => auth_fields::touched(manifest),
        Step::Actions => actions::touched(manifest),
        Step::Review => review::touched(doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_lead_to_the_page_that_edits_them() {
        let manifest = Manifest::new();
        let cases = [
            ("/integration/name", Page::Step(Step::Integration)),
            ("/integration/interaction_types/2", Page::Step(Step::Features)),
            ("/requires_cti", Page::Step(Step::Features)),
            ("/integration/authentication_type", Page::Step(Step::Authentication)),
            ("/integration/authentication_configuration", Page::Step(Step::AuthFields)),
            ("/integration/authentication_configuration/1", Page::Step(Step::AuthFields)),
            ("/integration/authentication_configuration/1/display", Page::AuthField(1)),
            ("/actions", Page::Step(Step::Actions)),
            ("/actions/3", Page::Step(Step::Actions)),
            ("/actions/3/name", Page::Action(3)),
            ("/actions/3/inputs", Page::Action(3)),
            ("/actions/3/inputs/2", Page::Action(3)),
            ("/actions/3/inputs/2/format", Page::Input { action: 3, input: 2 }),
            ("/integration/x-unknown", Page::Step(Step::Integration)),
            ("/x-unknown", Page::Step(Step::Integration)),
            ("/integration", Page::Step(Step::Review)),
            ("", Page::Step(Step::Review)),
        ];
        for (pointer, page) in cases {
            assert_eq!(page_of(pointer, &manifest), page, "{pointer}");
        }
    }

    #[test]
    fn the_row_at_an_index_is_the_row_the_page_lists_there() {
        let json = r#"{"x-top": 1, "integration": {"name": "crm", "x-kept": true,
            "authentication_configuration": [{"field_name": "a"}, {"field_name": "b", "x-f": 2}]},
            "actions": [{"name": "one"}, {"name": "two", "x-a": 3}, {"name": "three"}]}"#;
        let manifest = crate::manifest::read(json.as_bytes()).expect("a manifest").manifest;
        let findings = [4, 0, 7];
        let pages = [
            Page::Step(Step::Integration),
            Page::Step(Step::Features),
            Page::Step(Step::Authentication),
            Page::Step(Step::AuthFields),
            Page::Step(Step::Actions),
            Page::Step(Step::Review),
            Page::AuthField(1),
            Page::Action(1),
            Page::Input { action: 0, input: 0 },
        ];
        let listings = [review::Listed::default(), review::Listed { changes: 2, findings: &findings }];
        for page in pages {
            for listed in listings {
                for only in [None, Some(&[][..]), Some(&[2, 0][..])] {
                    let listed_rows = rows(page, &manifest, listed, only);
                    for index in 0..listed_rows.len() + 2 {
                        assert_eq!(
                            row(page, &manifest, listed, only, index),
                            listed_rows.get(index).copied(),
                            "{page:?} {listed:?} {only:?} row {index}"
                        );
                    }
                }
            }
        }
    }

    fn keys<K: ObjectKey>(fields: &[Field<K>]) -> Vec<Key> {
        fields.iter().map(|field| field.key.key()).collect()
    }

    #[test]
    fn every_declared_field_is_edited_on_its_own_page() {
        let mut manifest = Manifest::new();
        let action = manifest.add_action().expect("actions list");
        let input = manifest.add_input(action).expect("inputs list");
        let field = manifest.add_auth_field().expect("fields list");
        let declared: [(Vec<Key>, Owner, Page); 6] = [
            (keys(integration::FIELDS), Owner::Integration, Page::Step(Step::Integration)),
            (keys(features::ENDPOINTS), Owner::Integration, Page::Step(Step::Features)),
            (keys(&[features::CTI]), Owner::Wrapper, Page::Step(Step::Features)),
            (keys(auth_fields::FIELDS), Owner::AuthField(field), Page::AuthField(field)),
            (keys(action::FIELDS), Owner::Action(action), Page::Action(action)),
            (keys(input::FIELDS), Owner::Input { action, input }, Page::Input { action, input }),
        ];
        for (fields, owner, page) in declared {
            for key in fields {
                let pointer = owner.key_pointer(&manifest, key);
                assert_eq!(page_of(&pointer, &manifest), page, "{pointer}");
                let on_page = rows(page, &manifest, review::Listed::default(), None);
                assert!(
                    on_page.iter().any(|row| row.pointer(&manifest) == pointer),
                    "{pointer} has no row on {page:?}"
                );
            }
        }
    }
}
