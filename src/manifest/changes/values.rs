//! How values are compared and shown in a change: slots as compact JSON, unknown keys by name, endpoints by host.

use super::{Change, ChangeCode, Side};
use crate::manifest::Slot;
use crate::manifest::diagnostic::escape_token;
use crate::manifest::object::Extra;
use serde::Serialize;

/// The slot as compact JSON, `None` when the key is absent.
pub(super) fn shown<T: Serialize>(slot: &Slot<T>) -> Option<String> {
    if slot.is_absent() { None } else { serde_json::to_string(slot).ok() }
}

/// Where changes of one object go: its subject, its code for a changed value, and its pointer in the new file.
pub(super) struct Object<'a> {
    pub subject: &'a str,
    pub code: ChangeCode,
    pub pointer: &'a str,
}

impl Object<'_> {
    /// Records a change of `key` when the two slots differ.
    pub(super) fn value<T: PartialEq + Serialize>(
        &self,
        changes: &mut Vec<Change>,
        key: &str,
        old: &Slot<T>,
        new: &Slot<T>,
    ) {
        if old != new {
            changes.push(self.change(self.code, key, shown(old), shown(new)));
        }
    }

    /// A change of `key` with the given code and values.
    pub(super) fn change(&self, code: ChangeCode, key: &str, before: Option<String>, after: Option<String>) -> Change {
        Change {
            code,
            subject: self.subject.to_owned(),
            key: Some(key.to_owned()),
            pointer: format!("{}/{}", self.pointer, escape_token(key)),
            side: Side::New,
            before,
            after,
        }
    }

    /// Records the unknown keys added, removed or changed; their order is not a change.
    pub(super) fn extra(&self, changes: &mut Vec<Change>, old: &Extra, new: &Extra) {
        for (key, value) in old {
            match new.iter().find(|(other, _)| other == key) {
                Some((_, other)) if other == value => {}
                Some((_, other)) => {
                    changes.push(self.change(self.code, key, Some(value.to_string()), Some(other.to_string())))
                }
                None => changes.push(self.change(self.code, key, Some(value.to_string()), None)),
            }
        }
        for (key, value) in new {
            if !old.iter().any(|(other, _)| other == key) {
                changes.push(self.change(self.code, key, None, Some(value.to_string())));
            }
        }
    }

    /// Records an endpoint's change: a move to another host is its own (breaking) kind.
    pub(super) fn endpoint(&self, changes: &mut Vec<Change>, key: &str, old: &Slot<String>, new: &Slot<String>) {
        if old == new {
            return;
        }
        let moved = match (old.as_str().and_then(host), new.as_str().and_then(host)) {
            (Some(before), Some(after)) => before != after,
            _ => false,
        };
        let code = if moved { ChangeCode::EndpointHostChanged } else { self.code };
        changes.push(self.change(code, key, shown(old), shown(new)));
    }
}

/// The unknown keys of two objects hold the same, whatever their order.
pub(super) fn same_extra(old: &Extra, new: &Extra) -> bool {
    old.len() == new.len() && old.iter().all(|(key, value)| new.iter().any(|(other, v)| other == key && v == value))
}

/// An endpoint's host and port (the scheme's default when not written), when it is a URL with a host.
fn host(endpoint: &str) -> Option<(String, Option<u16>)> {
    let url = url::Url::parse(endpoint.trim()).ok()?;
    Some((url.host_str()?.to_ascii_lowercase(), url.port_or_known_default()))
}

/// True when a mandatory flag goes from anything but `true` to `true`.
pub(super) fn made_mandatory(old: &Slot<bool>, new: &Slot<bool>) -> bool {
    old.as_bool() != Some(true) && new.as_bool() == Some(true)
}
