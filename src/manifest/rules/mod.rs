//! The validation rules of SPEC §3, one module per part of the manifest.
//!
//! [`validate`] walks the manifest once, in the order a save writes it: the wrapper's `$schema`
//! and `requires_cti`, the integration key by key, the actions and their inputs, and each object's
//! unknown keys after its known ones. Its diagnostics therefore come in file order. Pointers are
//! formatted only when something is reported, so a valid manifest costs no allocation per input.
//!
//! Reading reports what it normalises (legacy shape, enumerations not in lowercase, `text` for
//! `input`, a byte order mark); the rules see the normalised values and do not repeat those.
//! Names repeated across files are the CLI's to report, as only it sees several files.

mod actions;
pub(crate) mod authentication;
pub mod codes;
mod defaults;
mod findings;
mod inputs;
mod integration;
mod keys;
pub(crate) mod message;
mod names;
mod place;
mod suggest;
mod templates;
mod text;
pub(crate) mod trailing_break;
mod urls;
mod wrapper;

use super::{Diagnostic, Manifest};
pub use wrapper::Scope;

/// Every finding about a manifest, in file order (errors and warnings).
pub fn validate(manifest: &Manifest) -> Vec<Diagnostic> {
    validate_part(manifest, Scope::All)
}

/// As [`validate`], giving up between actions once `stop` is set: `None` then (an editor's check
/// of a text that a newer one replaced).
pub fn validate_until(manifest: &Manifest, stop: &std::sync::atomic::AtomicBool) -> Option<Vec<Diagnostic>> {
    let mut findings = findings::Findings::until(stop);
    wrapper::check(&mut findings, manifest, Scope::All);
    (!findings.stopped()).then(|| findings.into_vec())
}

/// The findings of one part of the manifest. [`Scope::Head`], each [`Scope::Action`] and
/// [`Scope::AcrossActions`] together find exactly what [`validate`] finds, so an editor can
/// re-check only the part an edit touched.
pub fn validate_part(manifest: &Manifest, scope: Scope) -> Vec<Diagnostic> {
    let mut findings = findings::Findings::default();
    wrapper::check(&mut findings, manifest, scope);
    findings.into_vec()
}

/// What [`Scope::AcrossActions`] finds about the action at `index` alone: its provider against the
/// integration's name, and its name when `first` (the first action of the same name; None for an
/// action without a name) is another action. An editor that keeps the actions' names in an index
/// re-checks only the actions an edit can affect, and [`Scope::AcrossActions`] is then the list's
/// own findings plus these, action by action.
pub fn validate_across_action(manifest: &Manifest, index: usize, first: Option<usize>) -> Vec<Diagnostic> {
    let mut findings = findings::Findings::default();
    let name = manifest.integration().and_then(|integration| integration.name.non_blank());
    if let Some(action) = manifest.action(index) {
        actions::check_across(&mut findings, index, action, name, first);
    }
    findings.into_vec()
}
