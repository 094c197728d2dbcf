//! The checks of an answer as HTTP, before its body is read: no answer at all, a slow one, a
//! redirect, the status, the content type and whether the body is JSON.

use super::super::Finding;
use super::super::transport::{Response, TransportError};
use serde_json::Value;

/// The finding for a request that got no answer.
pub(crate) fn transport(error: &TransportError) -> Finding {
    let (code, advice) = match error {
        TransportError::Timeout(_) => {
            ("timeout", "the bridge must answer faster (`integration-wizard probe --timeout N` shows how slow it is)")
        }
        TransportError::TooLarge => {
            ("body-too-large", "answer in smaller pages (next_offset) instead of one huge body")
        }
        TransportError::Tls(_) => {
            ("tls-error", "serve https with a certificate valid for this host name, signed by a public authority")
        }
        TransportError::HostNotFound => ("host-not-found", "check the host name of the endpoint in the manifest"),
        TransportError::Connection(_) => {
            ("connection-failed", "check that the bridge is running and reachable at this URL")
        }
        TransportError::Protocol(_) => ("invalid-http", "the bridge must answer with valid HTTP/1.1"),
    };
    Finding::new(code, None, format!("{error}; {advice}"))
}

/// How long an answer may take before it is worth a warning: Talkdesk does not document its
/// timeout, and a bridge that needs seconds on a test call risks it on a busy day.
pub(crate) const SLOW: std::time::Duration = std::time::Duration::from_secs(3);

/// A warning for an answer that took `elapsed`, when that is [`SLOW`] or more.
pub(crate) fn slow(elapsed: std::time::Duration) -> Option<Finding> {
    (elapsed >= SLOW).then(|| {
        Finding::new(
            "slow-answer",
            None,
            format!(
                "answered in {:.1} s; Talkdesk does not document how long it waits, so answer within a few seconds (page or cache the work)",
                elapsed.as_secs_f64()
            ),
        )
    })
}

/// A redirect: no page says whether Talkdesk follows one, and the probe does not, so nothing behind
/// it is checked.
pub(crate) fn redirect(response: &Response) -> Option<Finding> {
    (300..400).contains(&response.status).then(|| {
        let target = response.location.as_deref().map_or_else(String::new, |location| format!(" to {location}"));
        Finding::new(
            "redirect",
            None,
            format!(
                "answered {} redirecting{target}; no page says whether Talkdesk follows redirects, so the probe does not and checked nothing behind it: put the final URL in the manifest",
                response.status
            ),
        )
    })
}

/// The JSON body of an answer, checking its `Content-Type`; an empty body is None without a finding
/// when `may_be_empty` (a 204, an action without a message).
pub(crate) fn json_body(response: &Response, may_be_empty: bool, findings: &mut Vec<Finding>) -> Option<Value> {
    let empty = response.body.iter().all(u8::is_ascii_whitespace);
    if empty && may_be_empty {
        return None;
    }
    match response.content_type.as_deref() {
        None => findings.push(Finding::new(
            "missing-content-type",
            None,
            "the answer has no Content-Type; send \"Content-Type: application/json\"",
        )),
        Some(content_type) if !is_json_media_type(content_type) => findings.push(Finding::new(
            "wrong-content-type",
            None,
            format!("the answer's Content-Type is \"{content_type}\"; send \"Content-Type: application/json\""),
        )),
        Some(_) => {}
    }
    if empty {
        findings.push(Finding::new("empty-body", None, "the answer has no body; answer a JSON document"));
        return None;
    }
    match serde_json::from_slice::<Value>(&response.body) {
        Ok(value) => Some(value),
        Err(error) => {
            findings.push(Finding::new(
                "not-json",
                None,
                format!("the body is not JSON ({error}); answer a JSON document"),
            ));
            None
        }
    }
}

/// `application/json`, with or without parameters such as `charset=utf-8`.
fn is_json_media_type(content_type: &str) -> bool {
    content_type.split(';').next().is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"))
}

/// A status other than the expected ones, in a message that names what the contract wants.
pub(crate) fn unexpected_status(status: u16, expected: &str) -> Finding {
    let what = match status {
        401 => "401 (credentials refused: check them, or the bridge's own check of the `auth` hash)".to_owned(),
        500..=599 => format!("{status} (the bridge failed; see its logs)"),
        _ => status.to_string(),
    };
    Finding::new("unexpected-status", None, format!("answered {what}; {expected}"))
}
