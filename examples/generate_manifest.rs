//! Writes a large, valid manifest (N actions × M inputs, every input type) for benchmarks: `cargo run --release --example generate_manifest -- --actions 2000 --inputs 40 > big.json`.
//!
//! The manifest is built with the crate's own model and written with `to_json`, so it is in the
//! layout of SPEC §2.2. The output is deterministic (no randomness): the same flags give the same
//! bytes. With the defaults (2,000 actions of 40 inputs) it is about 16 MB; the size is printed
//! on standard error.
//!
//! Flags: `--actions N` (default 2000), `--inputs M` (default 40), `--out PATH` (default: stdout).
//! With `--files K`, writes K manifests of N actions × M inputs into the folder `--out` instead
//! (`manifest-00001.json`, ...), each with its own integration name, for the many-files benchmark.

// A development tool of its own, not the wizard: it writes what it generated and its size as it likes.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use integration_wizard::manifest::{
    Action, ActionInput, AuthField, AuthFieldType, AuthenticationType, InputType, Integration, Manifest, Slot, to_json,
};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: generate_manifest [--actions N] [--inputs M] [--files K] [--out PATH]";

/// The integration's name; every action's `provider` must equal it.
pub(crate) const PROVIDER: &str = "benchcrm";

/// Words that make names and descriptions of realistic length, picked by index (deterministic).
const OBJECTS: &[&str] = &[
    "ticket",
    "case",
    "contact",
    "account",
    "lead",
    "opportunity",
    "invoice",
    "order",
    "shipment",
    "refund",
    "subscription",
    "appointment",
    "task",
    "note",
    "complaint",
    "survey",
    "quote",
    "contract",
    "asset",
    "campaign",
];
const VERBS: &[&str] = &["create", "update", "close", "assign", "escalate", "archive", "reopen", "tag"];
const FIELDS: &[&str] = &[
    "subject",
    "priority",
    "requester",
    "category",
    "due date",
    "reference",
    "status",
    "channel",
    "region",
    "owner",
    "language",
    "source",
    "amount",
    "team",
    "product",
    "severity",
    "summary",
    "location",
    "tier",
    "segment",
];

// Visible to the crate so that `benches/wizard_latency.rs` makes its manifests with the same code.
pub(crate) struct Options {
    pub(crate) actions: usize,
    pub(crate) inputs: usize,
    pub(crate) files: Option<usize>,
    pub(crate) out: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options { actions: 2000, inputs: 40, files: None, out: None };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--actions" => options.actions = value("--actions")?.parse().map_err(|e| format!("--actions: {e}"))?,
            "--inputs" => options.inputs = value("--inputs")?.parse().map_err(|e| format!("--inputs: {e}"))?,
            "--files" => options.files = Some(value("--files")?.parse().map_err(|e| format!("--files: {e}"))?),
            "--out" => options.out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn text(value: impl Into<String>) -> Slot<String> {
    Slot::Value(value.into())
}

fn integration(name: &str) -> Integration {
    let auth_field = |name: &str, display: &str, kind: AuthFieldType, help: &str, format: Option<&str>| AuthField {
        field_name: text(name),
        display: text(display),
        mandatory: Slot::Value(true),
        field_type: Slot::Value(kind.into()),
        store: Slot::Value(true),
        help: text(help),
        format: format.map_or(Slot::Absent, text),
        extra: Vec::new(),
    };
    Integration {
        name: text(name),
        display_name: text("Bench CRM"),
        description: text(
            "A generated integration for benchmarks: every input type, value providers and literal defaults.",
        ),
        logo_url: text("https://talkdeskapp.s3.amazonaws.com/assets/integrations/benchcrm.png"),
        icon_url: text("https://talkdeskapp.s3.amazonaws.com/assets/integrations/benchcrm_icon.png"),
        authentication_type: Slot::Value(AuthenticationType::Custom.into()),
        authentication_configuration: Slot::Value(vec![
            Slot::Value(auth_field(
                "account",
                "Account",
                AuthFieldType::Input,
                "under Settings > Account",
                Some("https://{{account}}.example.org"),
            )),
            Slot::Value(auth_field("token", "API Token", AuthFieldType::Password, "under Settings > Channels", None)),
        ]),
        auth_validation_endpoint: text("https://benchcrm.example.org/auth_validation"),
        contact_synchronization_endpoint: text("https://benchcrm.example.org/contact_sync"),
        interaction_retrieval_endpoint: text("https://benchcrm.example.org/interaction_update"),
        agent_synchronization_endpoint: text("https://benchcrm.example.org/agent_sync"),
        interaction_types: Slot::Value(vec![text("Ticket"), text("Case")]),
        extra: Vec::new(),
    }
}

fn input(action: usize, index: usize) -> ActionInput {
    let kind = InputType::ALL[index % InputType::ALL.len()];
    let field = FIELDS[(action + index) % FIELDS.len()];
    let object = OBJECTS[(action / 3 + index) % OBJECTS.len()];
    let format = match kind {
        InputType::Text => "{{contact.email}}".to_owned(),
        InputType::Textarea => format!("from a Talkdesk call about the {object} {field}"),
        InputType::Number => format!("{}", (action * 37 + index * 11) % 1000),
        InputType::Tel => "{{contact.phone}}".to_owned(),
        InputType::Url => "{{contact.website}}".to_owned(),
        InputType::Datetime => format!("2024-{:02}-{:02}T09:30:00Z", 1 + index % 12, 1 + action % 28),
        InputType::Select => "low,normal,high,urgent".to_owned(),
    };
    ActionInput {
        key: text(format!("{}_{}_{index:02}", object, field.replace(' ', "_"))),
        name: text(format!("{} {}", capitalize(object), field)),
        mandatory: Slot::Value(index.is_multiple_of(3)),
        input_type: Slot::Value(kind.into()),
        format: text(format),
        extra: Vec::new(),
    }
}

fn action(provider: &str, index: usize, inputs: usize) -> Action {
    let verb = VERBS[index % VERBS.len()];
    let object = OBJECTS[(index / VERBS.len()) % OBJECTS.len()];
    let name = format!("{verb}_{object}_{index:04}");
    Action {
        provider: text(provider),
        name: text(name.clone()),
        display: text(format!("{verb} the {object} {index}")),
        description: text(format!(
            "{verb} the {object} in Bench CRM from the current interaction, filling in the fields below from the contact"
        )),
        endpoint: text(format!("https://benchcrm.example.org/actions/{name}")),
        inputs: Slot::Value((0..inputs).map(|input_index| Slot::Value(input(index, input_index))).collect()),
        extra: Vec::new(),
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

pub(crate) fn manifest(name: &str, options: &Options) -> String {
    let mut manifest = Manifest::new();
    manifest.wrapper.requires_cti = Slot::Value(false);
    *manifest.integration_mut() = integration(name);
    manifest.wrapper.actions =
        Slot::Value((0..options.actions).map(|index| Slot::Value(action(name, index, options.inputs))).collect());
    to_json(&manifest)
}

/// Writes `files` manifests into the folder `--out`, each named `benchcrm-<n>` so names stay unique.
fn write_many(files: usize, options: &Options) -> ExitCode {
    let Some(folder) = &options.out else {
        eprintln!("--files needs --out FOLDER\n{USAGE}");
        return ExitCode::from(2);
    };
    let mut bytes = 0;
    for index in 1..=files {
        let json = manifest(&format!("{PROVIDER}-{index:05}"), options);
        bytes += json.len();
        let path = folder.join(format!("manifest-{index:05}.json"));
        if let Err(error) = std::fs::create_dir_all(folder).and_then(|()| std::fs::write(&path, &json)) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::from(1);
        }
    }
    eprintln!("{files} manifests, {bytes} bytes in all: {} actions × {} inputs each", options.actions, options.inputs);
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(files) = options.files {
        return write_many(files, &options);
    }
    let json = manifest(PROVIDER, &options);
    let written = match &options.out {
        Some(path) => std::fs::write(path, &json),
        None => std::io::stdout().lock().write_all(json.as_bytes()),
    };
    if let Err(error) = written {
        eprintln!("cannot write the manifest: {error}");
        return ExitCode::from(1);
    }
    eprintln!(
        "{} bytes ({:.1} MB, {:.1} MiB): {} actions × {} inputs",
        json.len(),
        json.len() as f64 / 1e6,
        json.len() as f64 / (1024.0 * 1024.0),
        options.actions,
        options.inputs
    );
    ExitCode::SUCCESS
}
