//! Completion: the keys allowed where the cursor is (not those already written), enumeration
//! values, `{{contact.…}}` value providers and the integration's own fields inside `format`, and
//! snippets for a new authentication field, action or input.

use super::fields::Object;
use super::source::Source;
use super::tree::{Kind, Node, Place, Segment};
use crate::manifest::seed_tables::VALUE_PROVIDERS;
use crate::wizard::shown::help_text::help;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat, Position, TextEdit,
};
use std::ops::Range;

/// The completions at `position`.
pub(crate) fn complete(source: &Source, position: Position) -> Vec<CompletionItem> {
    let offset = source.lines.offset(position);
    let (path, place) = source.root.place(offset);
    match place {
        Place::Key(span) => {
            let Some((_, object_path)) = path.split_last() else { return Vec::new() };
            let Some(object) = source.object(object_path) else { return Vec::new() };
            let Some((_, node)) = source.root.member_at(&pointer(object_path)) else { return Vec::new() };
            keys(source, object, node, &span, false)
        }
        Place::Member(node) => {
            let Some(object) = source.object(&path) else { return Vec::new() };
            // Right after `"key":` with no value yet: the key's values.
            if let Some(key) = awaiting_value(source, node, offset) {
                return values(source, object, &key, &(offset..offset));
            }
            keys(source, object, node, &(offset..offset), true)
        }
        Place::Value(node) => {
            let Some((Segment::Key(key), object_path)) = path.split_last() else { return Vec::new() };
            let Some(object) = source.object(object_path) else { return Vec::new() };
            if key == "format" && node.kind == Kind::String {
                return templates(source, object, object_path, node, offset);
            }
            values(source, object, key, &node.span)
        }
        Place::Element(_) => snippets(source, &path),
    }
}

/// The pointer of a path.
fn pointer(path: &[Segment]) -> String {
    path.iter()
        .map(|segment| match segment {
            Segment::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
            Segment::Index(index) => format!("/{index}"),
        })
        .collect()
}

/// The key whose value is about to be typed at `offset` (`"type": |`).
fn awaiting_value(source: &Source, object: &Node, offset: usize) -> Option<String> {
    let member =
        object.members.iter().rev().find(|member| member.key.as_ref().is_some_and(|key| key.span.end <= offset))?;
    let key = member.key.as_ref()?;
    (member.value.is_none() && source.text[key.span.end..offset].trim() == ":").then(|| key.name.clone())
}

/// The object's known keys not yet written; `whole` inserts `"key": ` and a value to fill.
fn keys(source: &Source, object: Object, node: &Node, span: &Range<usize>, whole: bool) -> Vec<CompletionItem> {
    let written: Vec<&str> = node
        .members
        .iter()
        .filter_map(|member| member.key.as_ref())
        .filter(|key| key.span != *span)
        .map(|key| key.name.as_str())
        .collect();
    let range = source.range(span);
    object
        .keys()
        .iter()
        .filter(|key| !written.contains(key))
        .enumerate()
        .map(|(order, key)| {
            let (text, format) = if whole {
                (format!("\"{key}\": {}", placeholder(object, key)), Some(InsertTextFormat::SNIPPET))
            } else {
                (format!("\"{key}\""), None)
            };
            CompletionItem {
                label: (*key).to_owned(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(format!("{} key", object.label())),
                documentation: object.help(key).map(|help| Documentation::String(help.to_owned())),
                // The tool's order (the seed page's), not the alphabet's.
                sort_text: Some(format!("{order:02}")),
                filter_text: Some(format!("\"{key}\"")),
                insert_text_format: format,
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, text))),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// A snippet for the value of `key`: the right JSON type, with the cursor inside.
fn placeholder(object: Object, key: &str) -> &'static str {
    match (object, key) {
        (_, "mandatory" | "store" | "requires_cti") => "${1|true,false|}",
        (_, "authentication_configuration" | "actions" | "inputs" | "interaction_types") => "[$0]",
        (Object::Wrapper, "integration") => "{$0}",
        _ => "\"$0\"",
    }
}

/// The values of an enumeration key, replacing what `span` holds.
fn values(source: &Source, object: Object, key: &str, span: &Range<usize>) -> Vec<CompletionItem> {
    let Some(choices) = object.choices(key) else { return Vec::new() };
    let range = source.range(span);
    choices
        .into_iter()
        .enumerate()
        .map(|(order, (value, help))| CompletionItem {
            label: value.to_owned(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            documentation: Some(Documentation::String(help.to_owned())),
            sort_text: Some(format!("{order:02}")),
            filter_text: Some(format!("\"{value}\"")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, format!("\"{value}\"")))),
            ..CompletionItem::default()
        })
        .collect()
}

/// Inside a `format`, after an unclosed `{{`: value providers for an input, the integration's
/// authentication fields for an authentication field.
fn templates(
    source: &Source,
    object: Object,
    object_path: &[Segment],
    node: &Node,
    offset: usize,
) -> Vec<CompletionItem> {
    let before = &source.text[node.span.start + 1..offset.max(node.span.start + 1)];
    let Some(open) = before.rfind("{{").filter(|&open| !before[open..].contains("}}")) else { return Vec::new() };
    let start = node.span.start + 1 + open;
    // Up to a `}}` already typed after the cursor, so it is replaced rather than doubled.
    let after = &source.text[offset..node.span.end];
    let end = after
        .find("}}")
        .filter(|&close| !after[..close].contains(['"', '{']))
        .map_or(offset, |close| offset + close + 2);
    let range = source.range(&(start..end));
    let names: Vec<(String, String)> = match object {
        Object::Input => VALUE_PROVIDERS
            .iter()
            .flat_map(|(collection, fields)| {
                fields.iter().map(move |field| {
                    (format!("{collection}.{field}"), help(&format!("{collection}/{field}")).to_owned())
                })
            })
            .collect(),
        Object::AuthField => auth_field_names(source, object_path),
        _ => return Vec::new(),
    };
    names
        .into_iter()
        .map(|(name, help)| CompletionItem {
            label: format!("{{{{{name}}}}}"),
            kind: Some(CompletionItemKind::VARIABLE),
            documentation: Some(Documentation::String(help)),
            filter_text: Some(format!("{{{{{name}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, format!("{{{{{name}}}}}")))),
            ..CompletionItem::default()
        })
        .collect()
}

/// The other authentication fields of the integration, for `{{name}}` in a field's format.
fn auth_field_names(source: &Source, own: &[Segment]) -> Vec<(String, String)> {
    let list = format!("{}/authentication_configuration", source.integration_pointer());
    let Some((_, fields)) = source.root.member_at(&list) else { return Vec::new() };
    let own = own.last();
    fields
        .members
        .iter()
        .enumerate()
        .filter(|(index, _)| own != Some(&Segment::Index(*index)))
        .filter_map(|(_, member)| {
            let field = member.value.as_ref()?;
            let name = field.get("field_name")?.string(source.text)?.into_owned();
            let display = field.get("display").and_then(|display| display.string(source.text)).unwrap_or_default();
            Some((name, format!("the value of the authentication field {display}")))
        })
        .collect()
}

/// Snippets for a new element of the list the cursor is in.
fn snippets(source: &Source, path: &[Segment]) -> Vec<CompletionItem> {
    let Some(Segment::Key(list)) = path.last() else { return Vec::new() };
    let parent = source.object(&path[..path.len() - 1]);
    let (label, body) = match (parent, list.as_str()) {
        (Some(Object::Integration), "authentication_configuration") => (
            "new authentication field",
            "{\n  \"field_name\": \"${1:api_key}\",\n  \"display\": \"${2:API key}\",\n  \"mandatory\": ${3|true,false|},\n  \"type\": \"${4|input,password,oauth|}\",\n  \"store\": ${5|true,false|}\n}".to_owned(),
        ),
        (Some(Object::Wrapper), "actions") => {
            let name = source.string_at(&format!("{}/name", source.integration_pointer())).unwrap_or_default();
            let name = name.replace(['$', '}', '\\', '"'], "");
            (
                "new action",
                format!("{{\n  \"provider\": \"{name}\",\n  \"name\": \"${{1:create_ticket}}\",\n  \"display\": \"${{2:create a ticket}}\",\n  \"description\": \"${{3:create a new ticket}}\",\n  \"endpoint\": \"${{4:https://}}\",\n  \"inputs\": [$0]\n}}"),
            )
        }
        (Some(Object::Action), "inputs") => (
            "new input",
            "{\n  \"key\": \"${1:subject}\",\n  \"name\": \"${2:Subject}\",\n  \"mandatory\": ${3|true,false|},\n  \"type\": \"${4|text,textarea,number,tel,url,datetime,select|}\"\n}".to_owned(),
        ),
        _ => return Vec::new(),
    };
    vec![CompletionItem {
        label: label.to_owned(),
        kind: Some(CompletionItemKind::SNIPPET),
        insert_text: Some(body),
        insert_text_format: Some(InsertTextFormat::SNIPPET),
        ..CompletionItem::default()
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::lines::Lines;

    fn labels(text: &str, cursor: &str) -> Vec<String> {
        let offset = text.find(cursor).expect("the cursor mark");
        let text = text.replacen(cursor, "", 1);
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, text.clone());
        let source = snapshot.source().expect("a manifest");
        complete(&source, Lines::new(&text).position(offset)).into_iter().map(|item| item.label).collect()
    }

    #[test]
    fn keys_not_yet_written_in_the_tools_order() {
        let found = labels("{\"integration\": {\"name\": \"mycrm\", \"description\": \"x\", |}}", "|");
        assert_eq!(found[..3], ["display_name", "logo_url", "icon_url"]);
        assert!(!found.contains(&"name".to_owned()) && !found.contains(&"description".to_owned()));
    }

    #[test]
    fn a_key_being_typed_gets_the_keys_of_its_object() {
        let found = labels("{\"integration\": {\"name\": \"m\", \"authentication_configuration\": [{\"fi|\"}]}}", "|");
        assert!(found.contains(&"field_name".to_owned()) && found.contains(&"store".to_owned()), "{found:?}");
    }

    #[test]
    fn enumerations_offer_their_values() {
        let types = labels("{\"integration\": {\"name\": \"m\", \"authentication_type\": \"o|\"}}", "|");
        assert_eq!(types, ["none", "custom", "oauth2", "oauth2_password", "oauth2_client_credentials"]);
        let inputs = labels("{\"integration\": {\"name\": \"m\"}, \"actions\": [{\"inputs\": [{\"type\": |}]}]}", "|");
        assert_eq!(inputs, ["text", "textarea", "number", "tel", "url", "datetime", "select"]);
    }

    #[test]
    fn format_offers_value_providers_and_auth_fields() {
        let providers = labels(
            "{\"integration\": {\"name\": \"m\"}, \"actions\": [{\"inputs\": [{\"format\": \"{{con|\"}]}]}",
            "|",
        );
        assert!(providers.contains(&"{{contact.email}}".to_owned()), "{providers:?}");
        let fields = labels(
            "{\"integration\": {\"name\": \"m\", \"authentication_configuration\": [{\"field_name\": \"account\"}, {\"field_name\": \"site\", \"format\": \"https://{{|.example.org\"}]}}",
            "|",
        );
        assert_eq!(fields, ["{{account}}"]);
    }

    #[test]
    fn lists_offer_a_snippet_for_a_new_element() {
        let found = labels("{\"integration\": {\"name\": \"mycrm\"}, \"actions\": [|]}", "|");
        assert_eq!(found, ["new action"]);
        let found = labels("{\"integration\": {\"name\": \"m\", \"authentication_configuration\": [ | ]}}", "|");
        assert_eq!(found, ["new authentication field"]);
    }
}
