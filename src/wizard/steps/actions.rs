//! Step 5, actions: the list of actions (each opens its form, [`super::action`]).

use super::list_rows;
use crate::manifest::Manifest;
use crate::manifest::edit::ListRef;
use crate::wizard::form::Row;
use crate::wizard::steps::{Page, Step};

/// The rows of step 5: the actions (or those a filter matched), then "add".
pub(crate) fn rows(manifest: &Manifest, only: Option<&[usize]>) -> Vec<Row> {
    list_rows(ListRef::Actions, manifest.action_count(), only)
}

/// The page of a pointer under `/actions`: the list, an action's form or an input's form.
pub(crate) fn page_of(pointer: &str) -> Option<Page> {
    let rest = pointer.strip_prefix("/actions")?;
    // Without collecting the tokens: the step counts ask this of every finding they count.
    let token = |i: usize| rest.split('/').nth(i + 1);
    let index = |i: usize| token(i).and_then(|token| token.parse::<usize>().ok());
    Some(match (index(0), token(1), index(2), rest.split('/').skip(1).take(4).count()) {
        (Some(action), Some("inputs"), Some(input), 4..) => Page::Input { action, input },
        (Some(action), Some(_), _, _) => Page::Action(action),
        _ => Page::Step(Step::Actions),
    })
}

/// True when there is an action.
pub(crate) fn touched(manifest: &Manifest) -> bool {
    manifest.action_count() > 0
}
