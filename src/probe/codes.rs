//! Every check `probe` makes, in one table: its code, the page that states the rule, the page's own
//! word for it, and the quote. A finding's severity comes from the word, never from the check: what a
//! page says "must" (or marks mandatory) is an error; what it says "should", shows only in an example,
//! or what the current and the old pages disagree on, is a warning.

use crate::manifest::Severity;

/// Where a rule is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Talkdesk's current "Implementing an Authorization Validator" page.
    AuthValidator,
    /// The old `Talkdesk/api` repository's general rules (`integrations/README.md`).
    OldGeneral,
    /// The old contact synchronization page (`contact-synchronization/README.md`); the current page
    /// repeats only the checkpoint rule.
    Contacts,
    /// The old interaction retriever page (`interaction-update/README.md`), today "Contact Activity".
    Activity,
    /// Talkdesk's current "Implementing an Agent Synchronization" page.
    Agents,
    /// The old action executor page (`action-execution/README.md`).
    OldAction,
    /// No page: this tool's own advice, or a request that got no answer.
    None,
}

impl Page {
    /// The page's name as the output and `--explain` show it.
    pub fn label(self) -> &'static str {
        match self {
            Page::AuthValidator => "Implementing an Authorization Validator (current; the old page differs)",
            Page::OldGeneral => "Talkdesk/api integrations/README.md (old; the current pages do not repeat it)",
            Page::Contacts => "Contact Synchronization (old page; the current one repeats the checkpoint rule)",
            Page::Activity => "Interaction Retriever (old page; today's Contact Activity page cuts off before it)",
            Page::Agents => "Implementing an Agent Synchronization (current)",
            Page::OldAction => "Action Executor (old page; the current one cuts off before its answers)",
            Page::None => "no page",
        }
    }
}

/// How strongly a page states a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// "must", "mandatory", "required", or a status the page names: the bridge breaks the contract.
    Must,
    /// "should": Talkdesk asks for it, and works without it.
    Should,
    /// Only shown in an example.
    Example,
    /// The current and the old pages disagree.
    Differ,
    /// No page says it: this tool's advice.
    Advice,
    /// The request got no answer (or none that is HTTP): nothing of the contract could be checked.
    NoAnswer,
}

impl Word {
    /// The word as the table and `--explain` show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Word::Must => "must",
            Word::Should => "should",
            Word::Example => "example",
            Word::Differ => "pages differ",
            Word::Advice => "advice",
            Word::NoAnswer => "no answer",
        }
    }

    /// The severity the word carries.
    pub fn severity(self) -> Severity {
        match self {
            Word::Must | Word::NoAnswer => Severity::Error,
            Word::Should | Word::Example | Word::Differ | Word::Advice => Severity::Warning,
        }
    }
}

/// One check: its code, page, word and what the page says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// The finding's code.
    pub code: &'static str,
    /// Where the rule is written.
    pub page: Page,
    /// How strongly the page states it: the severity comes from it.
    pub word: Word,
    /// The page's words (or, for `Advice` and `NoAnswer`, why there are none).
    pub quote: &'static str,
    /// What the check looks at, in one line.
    pub checks: &'static str,
}

/// Every check of the probe, in the order the probe meets them.
pub const CHECKS: &[Check] = &[
    Check {
        code: "invalid-url",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "not sent: the manifest's endpoint is not an http(s) URL, so there is nothing to call",
        checks: "the endpoint's URL parses and is https (or http)",
    },
    Check {
        code: "plain-http",
        page: Page::OldGeneral,
        word: Word::Must,
        quote: "endpoints must be served over HTTPS",
        checks: "credentials are not sent over plain http, except to this machine or with --allow-http",
    },
    Check {
        code: "timeout",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "no page says how long Talkdesk waits; an endpoint that does not answer within --timeout cannot be checked",
        checks: "a complete answer arrives within --timeout seconds",
    },
    Check {
        code: "body-too-large",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "no page limits the size; an answer over 10 MiB is not read",
        checks: "the answer is at most 10 MiB",
    },
    Check {
        code: "tls-error",
        page: Page::OldGeneral,
        word: Word::NoAnswer,
        quote: "endpoints must be served over HTTPS (the TLS connection failed, so nothing was answered)",
        checks: "the TLS handshake succeeds with a certificate valid for the host",
    },
    Check {
        code: "host-not-found",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "the host name does not resolve, so nothing was sent",
        checks: "the endpoint's host name resolves",
    },
    Check {
        code: "connection-failed",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "no connection could be made, so nothing was answered",
        checks: "the bridge accepts a connection",
    },
    Check {
        code: "invalid-http",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "the answer is not HTTP, so nothing of it could be read",
        checks: "the answer is valid HTTP/1.1",
    },
    Check {
        code: "slow-answer",
        page: Page::None,
        word: Word::Advice,
        quote: "no page says how long Talkdesk waits; an answer of 3 s or more risks its timeout on a busy day",
        checks: "the answer takes less than 3 seconds",
    },
    Check {
        code: "redirect",
        page: Page::None,
        word: Word::NoAnswer,
        quote: "no page says whether Talkdesk follows a redirect; the probe does not, so no answer at the manifest's URL could be checked",
        checks: "the endpoint answers at the manifest's URL (no 3xx)",
    },
    Check {
        code: "missing-content-type",
        page: Page::OldGeneral,
        word: Word::Must,
        quote: "the bridge's responses must set Content-Type: application/json",
        checks: "the answer has a Content-Type header",
    },
    Check {
        code: "wrong-content-type",
        page: Page::OldGeneral,
        word: Word::Must,
        quote: "the bridge's responses must set Content-Type: application/json",
        checks: "the Content-Type is application/json (parameters such as charset allowed)",
    },
    Check {
        code: "empty-body",
        page: Page::OldGeneral,
        word: Word::Must,
        quote: "request and response bodies are JSON",
        checks: "an answer that needs a body has one",
    },
    Check {
        code: "not-json",
        page: Page::OldGeneral,
        word: Word::Must,
        quote: "request and response bodies are JSON",
        checks: "the body parses as JSON",
    },
    Check {
        code: "unexpected-status",
        page: Page::AuthValidator,
        word: Word::Must,
        quote: "200 OK when the credentials are valid, 401 otherwise (actions, old page: 201 on success, 400 on failure)",
        checks: "the status is one the endpoint's page names, or a success where the page names none",
    },
    Check {
        code: "auth-status-204",
        page: Page::AuthValidator,
        word: Word::Differ,
        quote: "current page: 200 OK when the credentials are valid; old page: 204 when valid",
        checks: "the authorization validator answers 200 to valid credentials",
    },
    Check {
        code: "accepts-wrong-credentials",
        page: Page::AuthValidator,
        word: Word::Must,
        quote: "200 OK when the credentials are valid, 401 otherwise",
        checks: "the same request with every mandatory value altered gets 401",
    },
    Check {
        code: "unknown-auth-field",
        page: Page::AuthValidator,
        word: Word::Differ,
        quote: "current page: anything returned is sent back under the same keys on later calls; old page: the keys must match fields pre-configured on Talkdesk's side",
        checks: "each key the validator returns is an authentication field of the manifest",
    },
    Check {
        code: "missing-checkpoint",
        page: Page::Contacts,
        word: Word::Must,
        quote: "synchronization_checkpoint: String, mandatory (both the current and the old page)",
        checks: "each contact synchronization answer has a synchronization_checkpoint",
    },
    Check {
        code: "next-offset-null",
        page: Page::Agents,
        word: Word::Should,
        quote: "leave the field out when nothing remains (Talkdesk asks for the next page while an answer has next_offset)",
        checks: "the last page leaves next_offset out instead of sending null",
    },
    Check {
        code: "missing-field",
        page: Page::Contacts,
        word: Word::Must,
        quote: "id and name are mandatory in each contact; id, subject, date and type in each interaction (old pages); agents, and each agent's id, name and email (current agent page)",
        checks: "each mandatory field of the answer is present",
    },
    Check {
        code: "wrong-type",
        page: Page::Contacts,
        word: Word::Must,
        quote: "each field has the type its page's table gives (String, Array of String, Integer, …); contact activity answers a top-level JSON array",
        checks: "each field present has its documented type",
    },
    Check {
        code: "duplicate-id",
        page: Page::Contacts,
        word: Word::Must,
        quote: "contacts[].id: mandatory, unique (contact page); id: mandatory, unique (interaction page)",
        checks: "no contact id repeats across the pages of a sync, no interaction id within an answer",
    },
    Check {
        code: "duplicate-agent-id",
        page: Page::None,
        word: Word::Advice,
        quote: "the agent page calls id the external agent ID and does not say it is unique; a repeat links two agents to one",
        checks: "no agent id repeats across the pages of a sync",
    },
    Check {
        code: "id-not-string",
        page: Page::Agents,
        word: Word::Example,
        quote: "agents[].id: String (both of the page's samples show the number 341231)",
        checks: "each agent id is a string",
    },
    Check {
        code: "type-not-requested",
        page: Page::Activity,
        word: Word::Should,
        quote: "type: should be one of the requested types",
        checks: "each interaction's type is one of meta.interaction_types",
    },
    Check {
        code: "type-case",
        page: Page::Activity,
        word: Word::Should,
        quote: "type: should be one of the requested types",
        checks: "an interaction's type is written as requested, not in another case",
    },
    Check {
        code: "not-in-enumeration",
        page: Page::Activity,
        word: Word::Must,
        quote: "priority: none | low | normal | high | urgent; status: new | open | pending | solved | closed",
        checks: "priority and status are values of their enumerations",
    },
    Check {
        code: "action-status-200",
        page: Page::OldAction,
        word: Word::Differ,
        quote: "old page: 201 on success, 400 on failure (the current page does not say)",
        checks: "an action that succeeded answers 201",
    },
    Check {
        code: "action-refused",
        page: Page::OldAction,
        word: Word::Must,
        quote: "201 on success, 400 on failure",
        checks: "the action accepts the data built from its inputs' defaults",
    },
    Check {
        code: "contact-pop-url",
        page: Page::OldAction,
        word: Word::Must,
        quote: "contact_external_url: URL of that contact. Required for contact pop.",
        checks: "an action answer that names a created contact (contact_external_id) gives its contact_external_url",
    },
];

/// The check of `code`.
pub fn check(code: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|check| check.code == code)
}

/// The severity of `code`'s findings, from its word (an error for an unknown code, so a check
/// missing from the table cannot pass as a warning; a test keeps the table whole).
pub fn severity(code: &str) -> Severity {
    check(code).map_or(Severity::Error, |check| check.word.severity())
}

/// `probe --explain CODE`: the check, its page, its word and the quote.
pub fn explain(check: &Check) -> String {
    format!(
        "{}: {}\n{} · the page's word: {}\n\nPage\n  {}\n  \"{}\"\n",
        check.code,
        check.checks,
        check.word.severity().as_str(),
        check.word.as_str(),
        check.page.label(),
        check.quote
    )
}

/// Every check, one a line: code, severity, word, page.
pub fn list() -> String {
    let width = CHECKS.iter().map(|check| check.code.len()).max().unwrap_or(0);
    CHECKS
        .iter()
        .map(|check| {
            format!(
                "{:width$}  {:7}  {:12}  {}\n",
                check.code,
                check.word.severity().as_str(),
                check.word.as_str(),
                check.page.label()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code a finding of the probe is made with, read from the source.
    fn codes_in_source() -> Vec<String> {
        let sources = [
            include_str!("mod.rs"),
            include_str!("checks.rs"),
            include_str!("checks/http.rs"),
            include_str!("prober.rs"),
        ];
        let mut codes = Vec::new();
        for source in sources {
            for (at, _) in source.match_indices("Finding::new(") {
                let rest = source[at + "Finding::new(".len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    codes.push(quoted[..end].to_owned());
                }
            }
            // The codes of failed requests are named in a match of their own: `=> ("timeout", …)`.
            for (at, _) in source.match_indices("(\"") {
                let before = source[..at].chars().next_back();
                let code: String = source[at + 2..].chars().take_while(|c| *c != '"').collect();
                let kebab = !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                if before.is_some_and(|c| c.is_whitespace() || c == '>')
                    && kebab
                    && source[at + 2 + code.len()..].starts_with("\",")
                {
                    codes.push(code);
                }
            }
        }
        codes.sort();
        codes.dedup();
        codes
    }

    #[test]
    fn every_check_of_the_probe_is_in_the_table_once() {
        let codes = codes_in_source();
        assert!(codes.len() > 20, "{codes:?}");
        for code in &codes {
            assert!(check(code).is_some(), "{code} is made but has no page and word in the table");
        }
        for check in CHECKS {
            assert_eq!(CHECKS.iter().filter(|other| other.code == check.code).count(), 1, "{}", check.code);
            assert!(codes.contains(&check.code.to_owned()), "{} is in the table but no check makes it", check.code);
            assert!(!check.quote.is_empty() && !check.checks.is_empty(), "{}", check.code);
        }
    }

    #[test]
    fn severity_comes_from_the_word() {
        assert_eq!(severity("missing-checkpoint"), Severity::Error);
        assert_eq!(severity("type-not-requested"), Severity::Warning);
        assert_eq!(severity("auth-status-204"), Severity::Warning);
        assert_eq!(severity("id-not-string"), Severity::Warning);
        assert_eq!(severity("contact-pop-url"), Severity::Error);
        for check in CHECKS {
            let expected = match check.word {
                Word::Must | Word::NoAnswer => Severity::Error,
                _ => Severity::Warning,
            };
            assert_eq!(severity(check.code), expected, "{}", check.code);
        }
    }

    #[test]
    fn explain_quotes_the_page_and_names_its_word() {
        let shown = explain(check("type-not-requested").expect("a check"));
        assert!(shown.starts_with("type-not-requested: "), "{shown}");
        assert!(shown.contains("warning · the page's word: should"), "{shown}");
        assert!(shown.contains("\"type: should be one of the requested types\""), "{shown}");
        let shown = explain(check("auth-status-204").expect("a check"));
        assert!(shown.contains("current page: 200 OK") && shown.contains("old page: 204"), "{shown}");
        assert_eq!(list().lines().count(), CHECKS.len());
    }
}
