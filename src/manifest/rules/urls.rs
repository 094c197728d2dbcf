//! URL keys: absolute http or https URLs with a host; endpoints over plain http and credentials warned about.

use super::codes::Rule;
use super::findings::Findings;
use super::place::Place;
use crate::escape::quoted;
use url::Url;

/// What a URL key points to, which decides whether plain http is worth a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// An image Talkdesk shows (logo_url, icon_url): SPEC §3 warns about plain http only for endpoints.
    Image,
    /// A bridge endpoint Talkdesk sends account data to.
    Endpoint,
}

/// Checks a non-blank URL key: an error when it is not an absolute http or https URL with a
/// host, warnings for an endpoint over plain http and for a user name or password in the URL.
pub(super) fn check(findings: &mut Findings, place: Place, key: &'static str, text: &str, role: Role, example: &str) {
    let url = match parse(text) {
        Ok(url) => url,
        Err(reason) => {
            findings.add(
                Rule::InvalidUrl,
                place.key(key),
                format!(
                    "{key} must be an absolute http or https URL, not {} ({reason}); write e.g. {example}",
                    quoted(text)
                ),
            );
            return;
        }
    };
    if role == Role::Endpoint && url.scheme() == "http" {
        findings.add(
            Rule::PlainHttp,
            place.key(key),
            format!("{key} uses plain http; use https so that account data travels encrypted"),
        );
    }
    // The URL itself is not quoted: it holds a secret.
    if !url.username().is_empty() || url.password().is_some() {
        findings.add(
            Rule::UrlCredentials,
            place.key(key),
            format!("{key} has a user name or password in it; remove them, Talkdesk sends the authentication fields to the bridge"),
        );
    }
}

/// Reports an optional URL key that is present but blank.
pub(super) fn blank(findings: &mut Findings, place: Place, key: &'static str, example: &str) {
    findings.add(
        Rule::InvalidUrl,
        place.key(key),
        format!("{key} is blank; write an absolute http or https URL, e.g. {example}, or remove the key"),
    );
}

/// Parses an absolute http or https URL with a host, or says in a few words why `text` is not one.
pub(super) fn parse(text: &str) -> Result<Url, String> {
    if text.chars().any(char::is_whitespace) {
        return Err("it has white space in it".to_owned());
    }
    let url = Url::parse(text).map_err(|error| match error {
        url::ParseError::RelativeUrlWithoutBase => "it does not start with https:// or http://".to_owned(),
        other => other.to_string(),
    })?;
    // The url crate accepts "https:example.org" and backslashes for special schemes; a manifest
    // should say what it means, so the scheme must be followed by "://" as written.
    let written_scheme = text.get(..url.scheme().len() + 3).unwrap_or_default();
    let http = ["http://", "https://"].iter().any(|scheme| written_scheme.eq_ignore_ascii_case(scheme));
    if !http || !matches!(url.scheme(), "http" | "https") {
        return Err("it does not start with https:// or http://".to_owned());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".to_owned());
    }
    Ok(url)
}
