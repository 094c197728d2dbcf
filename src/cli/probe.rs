//! `integration-wizard probe`: the command line around [`crate::probe`]: arguments, credentials from
//! flags, a file, the environment or masked prompts, and the choice of endpoints. Everything it
//! prints goes through the probe's [`Sink`], which masks every credential read so far.
// Nothing here may print but through the sink.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use super::exit;
use super::files;
use crate::manifest::check;
use crate::probe::codes;
use crate::probe::contracts::{Bridge, Contact, Credentials};
use crate::probe::shown::Sink;
use crate::probe::transport::Http;
use crate::probe::{EndpointReport, Options, Outcome, Prober, Target, report};
use clap::{Args, ValueEnum};
use serde_json::Value;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Prefix of the environment variables that hold credentials: `INTEGRATION_WIZARD_AUTH_<FIELD_NAME>`.
pub(crate) const AUTH_VARIABLE_PREFIX: &str = "INTEGRATION_WIZARD_AUTH_";

/// The arguments of `probe`.
#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// The manifest whose bridge to probe.
    #[arg(required_unless_present = "explain")]
    pub file: Option<PathBuf>,
    /// Show what a finding's CODE checks, the page that states the rule, its word (must, should,
    /// example) and the quote; without a CODE, list every check.
    #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
    pub explain: Option<String>,
    /// A credential: the value of an authentication field (repeatable). Visible to other users in the
    /// process list: prefer --auth-file or INTEGRATION_WIZARD_AUTH_<FIELD_NAME> variables for secrets.
    #[arg(long = "auth", value_name = "NAME=VALUE")]
    pub auth: Vec<String>,
    /// A JSON object of credentials: {"field_name": "value", ...}.
    #[arg(long, value_name = "F.json")]
    pub auth_file: Option<PathBuf>,
    /// Probe only one endpoint: auth, contacts, activity, agents, actions, or action:NAME.
    #[arg(long, value_name = "WHAT", value_parser = parse_only)]
    pub only: Option<Only>,
    /// Also run the actions (they create real records in the external system).
    #[arg(long)]
    pub actions: bool,
    /// The contact to ask about in contact activity and actions when the contact synchronization
    /// gives none (or is not probed, as with --only activity), as a synchronization returns one:
    /// {"id": "1", "name": "Jane Doe", "emails": [...], "phones": [...]}.
    #[arg(long, value_name = "F.json")]
    pub contact: Option<PathBuf>,
    /// How many pages of a synchronization to follow.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub pages: u32,
    /// Seconds each request may take, answer included.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
    /// Send requests over plain http:// to hosts other than loopback (credentials travel unencrypted).
    #[arg(long)]
    pub allow_http: bool,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = ProbeFormat::Text)]
    pub format: ProbeFormat,
}

/// Output formats of `probe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProbeFormat {
    /// One block per endpoint, then a summary.
    Text,
    /// One JSON object: {"endpoints": [...]}.
    Json,
}

/// The endpoints `--only` selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Only {
    Auth,
    Contacts,
    Activity,
    Agents,
    Actions,
    Action(String),
}

fn parse_only(text: &str) -> Result<Only, String> {
    Ok(match text {
        "auth" => Only::Auth,
        "contacts" => Only::Contacts,
        "activity" => Only::Activity,
        "agents" => Only::Agents,
        "actions" => Only::Actions,
        _ => match text.strip_prefix("action:") {
            Some(name) if !name.is_empty() => Only::Action(name.to_owned()),
            _ => return Err("use auth, contacts, activity, agents, actions or action:NAME".to_owned()),
        },
    })
}

/// Runs the probe and returns the exit code: 0 every endpoint kept its contract, 1 one did not (or
/// could not be reached), 3 the bridge refused the credentials, 2 a usage error or an unreadable
/// manifest.
pub(crate) fn run(args: &ProbeArgs) -> u8 {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    // Every value given is masked from the first message on, even one about the manifest.
    let mut read = Credentials::default();
    for (name, value) in std::env::vars() {
        if name.starts_with(AUTH_VARIABLE_PREFIX) {
            read.remember(&value);
        }
    }
    for pair in &args.auth {
        read.remember(pair.split_once('=').map_or(pair.as_str(), |(_, value)| value));
    }
    match prepare(args, &mut read) {
        Ok((mut prober, plan)) => {
            let reports: Vec<EndpointReport> = plan
                .into_iter()
                .map(|step| match step {
                    Step::Run(target) => prober.probe(&target),
                    Step::Skip(target, reason) => EndpointReport::skipped(&target, prober.bridge(), reason),
                })
                .collect();
            let sink = Sink::new(prober.credentials());
            match args.format {
                ProbeFormat::Text => sink.print(report::text(&reports)),
                ProbeFormat::Json => sink.print_json(&report::json(&reports)),
            }
            exit_code(&reports)
        }
        Err(message) => {
            Sink::new(&read).warn(&message);
            exit::USAGE
        }
    }
}

/// 1 when an endpoint broke a contract or could not be reached, else 3 when the bridge refused the
/// credentials, else 0.
fn exit_code(reports: &[EndpointReport]) -> u8 {
    let any = |outcome| reports.iter().any(|report| report.outcome() == outcome);
    if any(Outcome::Fail) || any(Outcome::Unreachable) {
        exit::INVALID
    } else if any(Outcome::Refused) {
        exit::REFUSED
    } else {
        exit::SUCCESS
    }
}

/// `probe --explain CODE`: the check's page, word and quote (every check, one a line, without a
/// CODE); exit 2 for a code no check has.
fn explain(code: &str) -> u8 {
    if code.is_empty() {
        Sink::default().print(codes::list().lines());
        return exit::SUCCESS;
    }
    match codes::check(code) {
        Some(check) => {
            Sink::default().print(codes::explain(check).lines());
            exit::SUCCESS
        }
        None => {
            Sink::default()
                .warn(&format!("probe has no check \"{code}\"; `integration-wizard probe --explain` lists every code"));
            exit::USAGE
        }
    }
}

/// What to do with each endpoint.
enum Step {
    Run(Target),
    Skip(Target, String),
}

fn prepare(args: &ProbeArgs, read: &mut Credentials) -> Result<(Prober<Http>, Vec<Step>), String> {
    let file = args.file.as_deref().ok_or("give the manifest whose bridge to probe")?;
    let shown = file.display().to_string();
    let source = files::read(file).map_err(|reason| format!("{shown}: {reason}"))?;
    let checked = check(&source);
    let errors = checked.errors();
    let Some(manifest) = checked.manifest else {
        return Err(format!("{shown}: not a manifest that can be read; see `integration-wizard validate {shown}`"));
    };
    if errors > 0 {
        Sink::default().warn(&format!(
            "note: {shown} has {errors} error(s) (see `integration-wizard validate {shown}`); probing the endpoints it configures"
        ));
    }
    let bridge = Bridge::from_manifest(&manifest);
    let plan = plan(&bridge, args, &shown)?;
    let contact = args.contact.as_deref().map(read_contact).transpose()?;
    credentials(&bridge, args, read)?;
    let credentials = read.clone();
    let options = Options { pages: args.pages as usize, allow_http: args.allow_http, contact };
    let transport = Http::new(Duration::from_secs(args.timeout));
    Ok((Prober::new(bridge, credentials, options, transport), plan))
}

/// The endpoints to call, in order, and those shown as skipped.
fn plan(bridge: &Bridge, args: &ProbeArgs, shown: &str) -> Result<Vec<Step>, String> {
    let configured = |target: Target, key: &str| match target.url(bridge) {
        Some(_) => Ok(vec![Step::Run(target)]),
        None => Err(format!("the manifest has no {key}; nothing to probe with that --only")),
    };
    let action_names = || bridge.actions.iter().map(|action| action.name.as_str()).collect::<Vec<_>>().join(", ");
    let steps = match &args.only {
        Some(Only::Auth) => configured(Target::AuthValidation, "auth_validation_endpoint")?,
        Some(Only::Contacts) => configured(Target::ContactSynchronization, "contact_synchronization_endpoint")?,
        Some(Only::Activity) => configured(Target::InteractionRetrieval, "interaction_retrieval_endpoint")?,
        Some(Only::Agents) => configured(Target::AgentSynchronization, "agent_synchronization_endpoint")?,
        Some(Only::Actions) if bridge.actions.is_empty() => return Err("the manifest has no actions".to_owned()),
        Some(Only::Actions) => bridge.actions.iter().map(|action| Step::Run(Target::Action(action.name.clone()))).collect(),
        Some(Only::Action(name)) => match bridge.action(name) {
            Some(_) => vec![Step::Run(Target::Action(name.clone()))],
            None => return Err(format!("the manifest has no action named \"{name}\"; its actions: {}", action_names())),
        },
        None => Target::all(bridge)
            .into_iter()
            .map(|target| match &target {
                Target::Action(name) if !args.actions => {
                    let reason = format!("not run: actions create real records in the external system; pass --actions or --only action:{name}");
                    Step::Skip(target, reason)
                }
                _ => Step::Run(target),
            })
            .collect(),
    };
    if steps.is_empty() {
        return Err(format!("{shown} configures no endpoint to probe; add one in the wizard (step 2)"));
    }
    if steps.iter().any(|step| matches!(step, Step::Run(Target::Action(_)))) {
        Sink::default().warn("note: running actions for real: they may create records in the external system");
    }
    Ok(steps)
}

fn read_contact(path: &Path) -> Result<Contact, String> {
    let shown = path.display();
    let source = files::read(path).map_err(|reason| format!("{shown}: {reason}"))?;
    let value: Value = serde_json::from_slice(&source).map_err(|error| format!("{shown}: not JSON ({error})"))?;
    Contact::from_json(&value).ok_or_else(|| {
        format!("{shown}: a contact is an object with at least a \"name\" string, e.g. {{\"id\": \"1\", \"name\": \"Jane Doe\", \"emails\": [\"jane@example.org\"]}}")
    })
}

/// The environment variable that holds a field's value.
pub(crate) fn auth_variable(field_name: &str) -> String {
    let suffix: String =
        field_name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    format!("{AUTH_VARIABLE_PREFIX}{suffix}")
}

/// The credentials into `credentials`, from (weakest first) the environment, `--auth-file` and
/// `--auth`; missing mandatory ones are asked for on a terminal.
fn credentials(bridge: &Bridge, args: &ProbeArgs, credentials: &mut Credentials) -> Result<(), String> {
    let known = |name: &str| -> Result<(), String> {
        if bridge.auth_fields.iter().any(|field| field.name == name) {
            return Ok(());
        }
        let names: Vec<&str> = bridge.auth_fields.iter().map(|field| field.name.as_str()).collect();
        Err(match names.is_empty() {
            true => format!("credential \"{name}\": the manifest has no authentication field"),
            false => format!(
                "credential \"{name}\": the manifest has no such authentication field; its fields: {}",
                names.join(", ")
            ),
        })
    };
    for field in &bridge.auth_fields {
        if let Ok(value) = std::env::var(auth_variable(&field.name)) {
            credentials.set(&field.name, value);
        }
    }
    if let Some(path) = &args.auth_file {
        let shown = path.display();
        let source = files::read(path).map_err(|reason| format!("{shown}: {reason}"))?;
        let value: Value = serde_json::from_slice(&source).map_err(|error| format!("{shown}: not JSON ({error})"))?;
        let Value::Object(values) = value else {
            return Err(format!("{shown}: write the credentials as one JSON object, {{\"field_name\": \"value\"}}"));
        };
        for (name, value) in values {
            known(&name).map_err(|message| format!("{shown}: {message}"))?;
            let value = match value {
                Value::String(text) => text,
                Value::Number(_) | Value::Bool(_) => value.to_string(),
                _ => return Err(format!("{shown}: the value of \"{name}\" must be a string")),
            };
            credentials.set(&name, value);
        }
    }
    for pair in &args.auth {
        let Some((name, value)) = pair.split_once('=') else {
            // The value given may be a secret typed without its name: never repeat it.
            return Err(
                "--auth takes NAME=VALUE, e.g. --auth account=acme; one of the values given has no =".to_owned()
            );
        };
        known(name)?;
        credentials.set(name, value.to_owned());
    }
    let missing: Vec<_> =
        bridge.auth_fields.iter().filter(|field| field.mandatory && credentials.get(&field.name).is_none()).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !(std::io::stdin().is_terminal() && crate::output::errors_on_terminal()) {
        let hints: Vec<String> =
            missing.iter().map(|field| format!("--auth {}=… or {}", field.name, auth_variable(&field.name))).collect();
        return Err(format!("missing mandatory credentials; give {}", hints.join("; ")));
    }
    for field in missing {
        let prompt = format!("{}{}: ", field.name, if field.secret { " (hidden)" } else { "" });
        let value = if field.secret {
            super::prompt::hidden(&prompt)
                .map_err(|error| format!("cannot read {}: {error}", field.name))?
                .ok_or_else(|| "cancelled: nothing was sent".to_owned())?
        } else {
            Sink::new(credentials).prompt(&prompt);
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|error| format!("cannot read {}: {error}", field.name))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        };
        if value.is_empty() {
            return Err(format!("no value given for {}; nothing was sent", field.name));
        }
        credentials.set(&field.name, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_one_endpoint_or_an_action() {
        assert_eq!(parse_only("contacts"), Ok(Only::Contacts));
        assert_eq!(parse_only("action:create_ticket"), Ok(Only::Action("create_ticket".to_owned())));
        assert!(parse_only("action:").is_err());
        assert!(parse_only("everything").is_err());
    }

    #[test]
    fn each_field_has_an_environment_variable() {
        assert_eq!(auth_variable("api_key"), "INTEGRATION_WIZARD_AUTH_API_KEY");
        assert_eq!(auth_variable("client-id"), "INTEGRATION_WIZARD_AUTH_CLIENT_ID");
    }
}
