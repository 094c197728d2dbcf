//! The editor's outline (integration, authentication fields, actions, inputs) and go to definition:
//! from `{{name}}` in an authentication field's format to that field, from an action's provider to
//! the integration's name.

use super::source::Source;
use super::tree::{Node, Place, Segment};
use lsp_types::{DocumentSymbol, Location, Position, SymbolKind, Uri};

/// The outline of the manifest.
pub(crate) fn outline(source: &Source) -> Vec<DocumentSymbol> {
    let integration_pointer = source.integration_pointer();
    let mut symbols = Vec::new();
    if let Some((key, integration)) = source.root.member_at(integration_pointer) {
        let fields =
            children(source, integration.get("authentication_configuration"), "field_name", SymbolKind::FIELD, |_| {
                Vec::new()
            });
        let name = label(source, integration, "name", "integration");
        symbols.push(symbol(source, name, "integration", SymbolKind::MODULE, key, integration, fields));
    }
    if let Some(actions) = source.root.get("actions") {
        symbols.extend(children(source, Some(actions), "name", SymbolKind::FUNCTION, |action| {
            children(source, action.get("inputs"), "key", SymbolKind::VARIABLE, |_| Vec::new())
        }));
    }
    symbols
}

/// A symbol per object of `list`, named by its `name_key`.
fn children(
    source: &Source,
    list: Option<&Node>,
    name_key: &str,
    kind: SymbolKind,
    grandchildren: impl Fn(&Node) -> Vec<DocumentSymbol>,
) -> Vec<DocumentSymbol> {
    let Some(list) = list else { return Vec::new() };
    list.members
        .iter()
        .enumerate()
        .filter_map(|(index, member)| {
            let object = member.value.as_ref()?;
            let name = label(source, object, name_key, &format!("#{}", index + 1));
            Some(symbol(source, name, name_key, kind, None, object, grandchildren(object)))
        })
        .collect()
}

/// The object's name, or `fallback` while it has none.
fn label(source: &Source, object: &Node, key: &str, fallback: &str) -> String {
    object
        .get(key)
        .and_then(|name| name.string(source.text))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

#[allow(deprecated)] // `deprecated` is a required field of the type, replaced by `tags`.
fn symbol(
    source: &Source,
    name: String,
    detail: &str,
    kind: SymbolKind,
    key: Option<std::ops::Range<usize>>,
    value: &Node,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let start = key.as_ref().map_or(value.span.start, |key| key.start);
    DocumentSymbol {
        name,
        detail: Some(detail.to_owned()),
        kind,
        tags: None,
        deprecated: None,
        range: source.range(&(start..value.span.end)),
        selection_range: source.range(&key.unwrap_or(value.span.start..value.span.start + 1)),
        children: Some(children),
    }
}

/// Where what is at `position` is defined.
pub(crate) fn definition(source: &Source, uri: &Uri, position: Position) -> Option<Location> {
    let offset = source.lines.offset(position);
    let (path, place) = source.root.place(offset);
    let Place::Value(node) = place else { return None };
    let (Segment::Key(key), object_path) = path.split_last()? else { return None };
    let object = source.object(object_path)?;
    let target = match (object, key.as_str()) {
        (super::fields::Object::Action, "provider") => {
            source.root.member_at(&format!("{}/name", source.integration_pointer()))?.1
        }
        (super::fields::Object::AuthField, "format") => {
            let name = template_at(&source.text[node.span.clone()], offset - node.span.start)?;
            auth_field_named(source, name)?
        }
        _ => return None,
    };
    Some(Location::new(uri.clone(), source.range(&target.span)))
}

/// The name inside the `{{name}}` that holds byte `at` of `text`.
fn template_at(text: &str, at: usize) -> Option<&str> {
    let open = text[..at.min(text.len())].rfind("{{")?;
    let close = open + text[open..].find("}}")?;
    (at <= close + 2).then(|| text[open + 2..close].trim())
}

/// The `field_name` value of the authentication field called `name`.
fn auth_field_named<'s>(source: &'s Source, name: &str) -> Option<&'s Node> {
    let (_, list) = source.root.member_at(&format!("{}/authentication_configuration", source.integration_pointer()))?;
    list.members
        .iter()
        .filter_map(|member| member.value.as_ref()?.get("field_name"))
        .find(|field_name| field_name.string(source.text).is_some_and(|text| text == name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::lines::Lines;

    fn example() -> &'static str {
        include_str!("../../assets/examples/mycrm.json")
    }

    #[test]
    fn the_outline_has_the_integration_its_fields_the_actions_and_their_inputs() {
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, example().to_owned());
        let source = snapshot.source().expect("a manifest");
        let symbols = outline(&source);
        let names: Vec<&str> = symbols.iter().map(|symbol| symbol.name.as_str()).collect();
        assert_eq!(names, ["mycrm", "create_ticket"]);
        let fields: Vec<&str> = symbols[0].children.iter().flatten().map(|symbol| symbol.name.as_str()).collect();
        assert_eq!(fields, ["account", "token"]);
        let inputs: Vec<&str> = symbols[1].children.iter().flatten().map(|symbol| symbol.name.as_str()).collect();
        assert!(inputs.starts_with(&["subject"]), "{inputs:?}");
        for symbol in &symbols {
            assert!(
                symbol.range.start <= symbol.selection_range.start && symbol.selection_range.end <= symbol.range.end
            );
        }
    }

    #[test]
    fn definitions_of_a_template_and_a_provider() {
        let text = example();
        let snapshot = crate::lsp::snapshot::Snapshot::new(1, text.to_owned());
        let source = snapshot.source().expect("a manifest");
        let uri: Uri = "file:///mycrm.json".parse().expect("a URI");
        let lines = Lines::new(text);
        let account = text.find("{{account}}").expect("a template in the example") + 4;
        let found = definition(&source, &uri, lines.position(account)).expect("a definition");
        assert_eq!(found.range.start, lines.position(text.find("\"account\"").expect("the field")));
        let provider = text.find("\"provider\": \"mycrm\"").expect("a provider") + 14;
        let found = definition(&source, &uri, lines.position(provider)).expect("a definition");
        assert_eq!(found.range.start, lines.position(text.find("\"mycrm\"").expect("the name")));
    }
}
