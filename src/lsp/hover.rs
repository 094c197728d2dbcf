//! Hover: on a key, the help the wizard shows and whether it is mandatory; on an enumeration value,
//! what it means (for an authentication type, which fields it requires); on a finding, the rule's explanation.

use super::fields::{Object, Requirement};
use super::source::Source;
use super::tree::{Kind, Place, Segment};
use crate::manifest::AuthenticationType;
use crate::manifest::explain::explain;
use lsp_types::{Diagnostic, Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString, Position};

/// What to show at `position`; `findings` are the diagnostics last published for this text.
pub(crate) fn hover(source: &Source, position: Position, findings: &[Diagnostic]) -> Option<Hover> {
    let offset = source.lines.offset(position);
    let mut parts = Vec::new();
    let mut range = None;
    let (path, place) = source.root.place(offset);
    match place {
        Place::Key(span) => {
            if let Some((Segment::Key(key), object)) = path.split_last()
                && let Some(object) = source.object(object)
                && let Some(text) = key_help(object, key)
            {
                parts.push(text);
                range = Some(source.range(&span));
            }
        }
        Place::Value(node) if matches!(node.kind, Kind::String | Kind::Scalar) => {
            if let Some((Segment::Key(key), object)) = path.split_last()
                && let Some(object) = source.object(object)
                && let Some(value) = node.string(source.text)
                && let Some(text) = value_help(object, key, &value)
            {
                parts.push(text);
                range = Some(source.range(&node.span));
            }
        }
        _ => {}
    }
    for finding in findings.iter().filter(|finding| covers(finding, position)) {
        if let Some(NumberOrString::String(code)) = &finding.code
            && let Some(text) = rule(code)
        {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        return None;
    }
    let contents = MarkupContent { kind: MarkupKind::Markdown, value: parts.join("\n\n---\n\n") };
    Some(Hover { contents: HoverContents::Markup(contents), range })
}

/// The help of a known key and whether it is mandatory.
fn key_help(object: Object, key: &str) -> Option<String> {
    let help = object.help(key)?;
    let requirement = match object.requirement(key) {
        Requirement::Mandatory => "mandatory".to_owned(),
        Requirement::When(when) => format!("mandatory {when}"),
        Requirement::Optional => "optional".to_owned(),
    };
    Some(format!("**{key}** ({} of the {}): {help}", requirement, object.label()))
}

/// What an enumeration value means; for an authentication type, the fields it requires.
fn value_help(object: Object, key: &str, value: &str) -> Option<String> {
    let (_, help) = object.choices(key)?.into_iter().find(|(choice, _)| choice.eq_ignore_ascii_case(value))?;
    let mut text = format!("**{}**: {help}", value.to_lowercase());
    if object == Object::Integration
        && let Some(kind) = AuthenticationType::parse(value)
    {
        let required: Vec<String> =
            kind.required_fields().iter().map(|field| format!("`{}`", field.field_name)).collect();
        if required.is_empty() {
            text.push_str("\n\nIt requires no authentication field.");
        } else {
            text.push_str(&format!("\n\nIt requires the authentication fields {}.", required.join(", ")));
        }
    }
    Some(text)
}

/// The explanation of rule `code`, as `validate --explain` gives it.
fn rule(code: &str) -> Option<String> {
    let explanation = explain(code)?;
    let mut text = format!("**{code}**: {}\n\n{}", explanation.summary, explanation.why);
    if let Some(quote) = &explanation.quote {
        text.push_str(&format!("\n\n> {quote}"));
    }
    text.push_str(&format!("\n\nHow to fix it: {}", explanation.fix));
    Some(text)
}

/// True when the finding's range holds `position`.
fn covers(finding: &Diagnostic, position: Position) -> bool {
    finding.range.start <= position && position <= finding.range.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::lines::Lines;

    const TEXT: &str =
        "{\"integration\": {\"name\": \"mycrm\", \"display_name\": \" \", \"authentication_type\": \"oauth2\"}}";

    fn at(needle: &str) -> Position {
        Lines::new(TEXT).position(TEXT.find(needle).expect("in the text") + 1)
    }

    fn shown(hover: Option<Hover>) -> String {
        match hover.map(|hover| hover.contents) {
            Some(HoverContents::Markup(markup)) => markup.value,
            other => panic!("no markup: {other:?}"),
        }
    }

    #[test]
    fn a_key_shows_its_help_and_that_it_is_mandatory() {
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, TEXT.to_owned());
        let source = snapshot.source().expect("a manifest");
        let text = shown(hover(&source, at("\"name\""), &[]));
        assert!(text.starts_with("**name** (mandatory of the integration): The integration's system name"), "{text}");
    }

    #[test]
    fn an_authentication_type_says_what_it_requires() {
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, TEXT.to_owned());
        let source = snapshot.source().expect("a manifest");
        let text = shown(hover(&source, at("\"oauth2\""), &[]));
        assert!(text.contains("`client_secret`") && text.contains("`access_token_url`"), "{text}");
    }

    #[test]
    fn a_finding_shows_its_rule() {
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, TEXT.to_owned());
        let source = snapshot.source().expect("a manifest");
        let findings = crate::lsp::diagnostics::diagnose(TEXT, &[]);
        let text = shown(hover(&source, at("\"display_name\""), &findings));
        assert!(text.contains("**blank-value**"), "{text}");
        assert!(text.contains("How to fix it:"), "{text}");
    }
}
