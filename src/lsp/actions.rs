//! Code actions: the wizard's quick fixes, each a versioned edit that changes only the value it must
//! (or inserts only the fields it adds).

use super::source::Source;
use super::tree::Node;
use crate::manifest::AuthenticationType;
use crate::manifest::auth_switch::added_field;
use crate::manifest::rules::codes::Rule;
use crate::manifest::rules::trailing_break::without_trailing_break;
use crate::manifest::write::pretty;
use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, DocumentChanges, NumberOrString, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

/// The fixes of the editor's `findings` (those of this server) in the document at `uri`.
pub(crate) fn fixes(source: &Source, uri: &Uri, version: i32, findings: &[Diagnostic]) -> Vec<CodeAction> {
    let mut actions: Vec<CodeAction> = Vec::new();
    for finding in findings {
        let (Some(NumberOrString::String(code)), Some(serde_json::Value::String(pointer))) =
            (&finding.code, &finding.data)
        else {
            continue;
        };
        let Some((title, edits)) = fix(source, code, pointer) else { continue };
        // Several findings share one fix (each missing OAuth field): offered once.
        if let Some(action) = actions.iter_mut().find(|action| action.title == title) {
            action.diagnostics.get_or_insert_with(Vec::new).push(finding.clone());
            continue;
        }
        let edit = TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: Some(version) },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        };
        actions.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![finding.clone()]),
            edit: Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![edit])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..CodeAction::default()
        });
    }
    actions
}

/// The title and edits of the quick fix of one finding, when it has one.
fn fix(source: &Source, code: &str, pointer: &str) -> Option<(String, Vec<TextEdit>)> {
    match Rule::of_code(code)? {
        Rule::DisplayUppercase | Rule::DescriptionUppercase => {
            let text = source.string_at(pointer)?;
            let mut chars = text.chars();
            let first = chars.next().filter(|c| c.is_uppercase())?;
            let fixed: String = first.to_lowercase().chain(chars).collect();
            let title = format!("Start it in lowercase: Talkdesk shows \"Then {}\"", one_line(&fixed));
            Some((title, vec![replace(source, pointer, &fixed)?]))
        }
        Rule::TrailingLineBreak => {
            let text = source.string_at(pointer)?;
            let fixed = without_trailing_break(&text)?;
            Some(("Remove the line break at the end".to_owned(), vec![replace(source, pointer, fixed)?]))
        }
        Rule::SecretNotMasked => {
            Some(("Make it a password (masked)".to_owned(), vec![replace(source, pointer, "password")?]))
        }
        Rule::ProviderMismatch => {
            let name = source.string_at(&format!("{}/name", source.integration_pointer()))?;
            let title = format!("Set the provider to the integration's name \"{}\"", one_line(&name));
            Some((title, vec![replace(source, pointer, &name)?]))
        }
        // An empty list under an OAuth type is reported as missing fields: the same fix fills it.
        Rule::OauthFieldMissing | Rule::AuthenticationFieldsMissing => add_required_fields(source, pointer),
        _ => None,
    }
}

/// Replaces the value at `pointer` with the string `value`, as JSON.
fn replace(source: &Source, pointer: &str, value: &str) -> Option<TextEdit> {
    let (_, node) = source.root.member_at(pointer)?;
    let json = serde_json::to_string(value).ok()?;
    Some(TextEdit::new(source.range(&node.span), json))
}

/// Adds, at the end of the list at `pointer`, the fields the OAuth type requires that it lacks.
fn add_required_fields(source: &Source, pointer: &str) -> Option<(String, Vec<TextEdit>)> {
    let kind = source.string_at(&format!("{}/authentication_type", source.integration_pointer()))?;
    let kind = AuthenticationType::parse(&kind)?;
    let (_, list) = source.root.member_at(pointer)?;
    let written: Vec<String> = list
        .members
        .iter()
        .filter_map(|member| {
            member.value.as_ref()?.get("field_name")?.string(source.text).map(|name| name.into_owned())
        })
        .collect();
    let missing: Vec<_> =
        kind.required_fields().iter().filter(|field| !written.iter().any(|name| name == field.field_name)).collect();
    if missing.is_empty() || !list.closed {
        return None;
    }
    let indent = element_indent(source, list);
    let fields: Vec<String> =
        missing.iter().map(|field| pretty(&added_field(field)).replace('\n', &format!("\n{indent}"))).collect();
    let names: Vec<&str> = missing.iter().map(|field| field.field_name).collect();
    let title = format!("Add the fields {} requires: {}", kind.as_str(), names.join(", "));
    let close = list.span.end - 1;
    let edit = match list.members.last().and_then(|member| member.value.as_ref()) {
        Some(last) => {
            let at = last.span.end;
            TextEdit::new(source.range(&(at..at)), fields.iter().map(|field| format!(",\n{indent}{field}")).collect())
        }
        None => {
            let outer = indent.get(2..).unwrap_or_default();
            let body: Vec<String> = fields.iter().map(|field| format!("{indent}{field}")).collect();
            TextEdit::new(source.range(&(list.span.start + 1..close)), format!("\n{}\n{outer}", body.join(",\n")))
        }
    };
    Some((title, vec![edit]))
}

/// The indentation of the list's elements: that of its last element's line, or the list's line and two spaces.
fn element_indent(source: &Source, list: &Node) -> String {
    let indent_of = |offset: usize| {
        let start = source.text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        source.text[start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect::<String>()
    };
    match list.members.last().and_then(|member| member.value.as_ref()) {
        Some(last) => indent_of(last.span.start),
        None => indent_of(list.span.start) + "  ",
    }
}

/// A value shortened to one line for a title.
fn one_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > 40 {
        format!("{}…", line.chars().take(39).collect::<String>())
    } else {
        line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::diagnostics::diagnose;

    /// Applies the first action's edits to `text` (last edit first, so offsets hold).
    fn fixed(text: &str, code: &str) -> String {
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, text.to_owned());
        let source = snapshot.source().expect("a manifest");
        let findings: Vec<Diagnostic> =
            diagnose(text, &[]).into_iter().filter(|d| d.code == Some(NumberOrString::String(code.into()))).collect();
        assert!(!findings.is_empty(), "no {code} in {text}");
        let uri: Uri = "file:///mycrm.json".parse().expect("a URI");
        let actions = fixes(&source, &uri, 1, &findings);
        let Some(DocumentChanges::Edits(edits)) =
            actions[0].edit.as_ref().and_then(|edit| edit.document_changes.clone())
        else {
            panic!("no edits")
        };
        let mut result = text.to_owned();
        let mut edits: Vec<TextEdit> = edits[0]
            .edits
            .iter()
            .filter_map(|edit| if let OneOf::Left(edit) = edit { Some(edit.clone()) } else { None })
            .collect();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
        for edit in edits {
            let lines = crate::lsp::lines::Lines::new(&result);
            let range = lines.offset(edit.range.start)..lines.offset(edit.range.end);
            result.replace_range(range, &edit.new_text);
        }
        result
    }

    fn example() -> String {
        include_str!("../../assets/examples/mycrm.json").to_owned()
    }

    #[test]
    fn an_uppercase_display_is_lowercased_and_nothing_else_changes() {
        let text = example().replace("\"display\": \"create a ticket\"", "\"display\": \"Create a ticket\"");
        assert_eq!(fixed(&text, Rule::DisplayUppercase.code()), example());
    }

    #[test]
    fn a_trailing_line_break_is_removed() {
        let text = example().replace("in My CRM\"", "in My CRM\\n\"");
        assert_eq!(fixed(&text, Rule::TrailingLineBreak.code()), example());
    }

    #[test]
    fn a_secret_becomes_a_password_and_a_provider_the_integrations_name() {
        let text = example().replacen("\"provider\": \"mycrm\"", "\"provider\": \"other\"", 1);
        assert_eq!(fixed(&text, Rule::ProviderMismatch.code()), example());
        let secret = "{\"integration\": {\"name\": \"m\", \"authentication_configuration\": [{\"field_name\": \"api_token\", \"type\": \"input\"}]}}";
        assert!(fixed(secret, Rule::SecretNotMasked.code()).contains("\"type\": \"password\""));
    }

    #[test]
    fn the_fields_an_oauth_type_requires_are_added_once() {
        let text = "{\n  \"integration\": {\n    \"name\": \"m\",\n    \"authentication_type\": \"oauth2\",\n    \"authentication_configuration\": [\n      {\"field_name\": \"site\", \"display\": \"Site\", \"mandatory\": true, \"type\": \"input\", \"store\": true}\n    ]\n  }\n}\n";
        let result = fixed(text, Rule::OauthFieldMissing.code());
        let left: Vec<_> = diagnose(&result, &[]).into_iter().filter_map(|d| d.code).collect();
        assert!(!left.contains(&NumberOrString::String(Rule::OauthFieldMissing.code().into())), "{result}");
        assert!(result.contains(",\n      {\n        \"field_name\": \"client_id\""), "{result}");
        let empty = text.replace("\n      {\"field_name\": \"site\", \"display\": \"Site\", \"mandatory\": true, \"type\": \"input\", \"store\": true}\n    ", "");
        let result = fixed(&empty, Rule::AuthenticationFieldsMissing.code());
        assert!(serde_json::from_str::<serde_json::Value>(&result).is_ok(), "{result}");
        assert_eq!(result.matches("\"field_name\"").count(), 5, "{result}");
    }
}
