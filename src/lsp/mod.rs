//! `integration-wizard lsp`: the manifest's rules, help, quick fixes and layout in any editor, as a
//! Language Server over standard input and output.
//!
//! The main loop (`Server::run`) reads the editor's messages in order, keeps the open documents
//! (`documents`, a `snapshot` per version), hands each new version to the diagnostics coordinator
//! (`diagnostics`, a check thread per document) and each request, with the version it was asked
//! on, to its document's requests thread (`requests`): the loop itself never waits for a large
//! document to be mapped or checked, and a small document never waits behind a large one.
//! Files that are not manifests (the test `validate` uses) get nothing.

mod actions;
mod completion;
mod diagnostics;
mod documents;
mod fields;
mod format;
mod hover;
mod lines;
mod remap;
mod requests;
mod snapshot;
mod source;
mod symbols;
mod transport;
mod tree;
mod workspace;

use documents::Documents;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Exit, Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeResult, OneOf,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde_json::Value;
use snapshot::Snapshot;
use source::Source;
use std::process::ExitCode;
use std::sync::Arc;

/// Runs the server until the editor says `exit` (exit code 0 after `shutdown`, 1 without) or goes away (1).
pub fn run() -> ExitCode {
    let (connection, threads) = transport::stdio();
    let code = match serve(&connection) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            crate::output::message(format!("integration-wizard lsp: {message}"));
            ExitCode::FAILURE
        }
    };
    drop(connection);
    threads.join();
    code
}

/// The handshake, then the main loop.
fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) =
        connection.initialize_start().map_err(|error| format!("{error}; start the server from an editor"))?;
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "integration-wizard".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|error| error.to_string())?;
    connection.initialize_finish(id, result).map_err(|error| format!("{error}; start the server from an editor"))?;
    let published = diagnostics::Published::default();
    let workspace = workspace::Workspace::new(roots(params));
    let worker = diagnostics::spawn(connection.sender.clone(), published.clone(), workspace);
    let requests = requests::Queues::default();
    let mut server = Server { documents: Documents::default(), worker, requests, published };
    server.run(connection)
}

/// The workspace's folders, from the editor's `initialize`.
fn roots(params: Value) -> Vec<std::path::PathBuf> {
    let Ok(params) = serde_json::from_value::<lsp_types::InitializeParams>(params) else { return Vec::new() };
    #[allow(deprecated)] // `root_uri` is what editors without workspace folders still send.
    let uris: Vec<Uri> = match (params.workspace_folders, params.root_uri) {
        (Some(folders), _) if !folders.is_empty() => folders.into_iter().map(|folder| folder.uri).collect(),
        (_, Some(root)) => vec![root],
        _ => Vec::new(),
    };
    uris.iter().filter_map(diagnostics::file_path).collect()
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            // A key or value starts with a quote; a value provider with `{{` or its collection's dot.
            trigger_characters: Some(vec!["\"".into(), "{".into(), ".".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The server's state between messages.
struct Server {
    documents: Documents,
    worker: crossbeam_channel::Sender<diagnostics::Job>,
    requests: requests::Queues,
    published: diagnostics::Published,
}

impl Server {
    /// Answers messages until `exit`, or until the editor is gone.
    fn run(&mut self, connection: &Connection) -> Result<(), String> {
        let mut shut_down = false;
        for message in &connection.receiver {
            match message {
                Message::Request(request) if request.method == "shutdown" => {
                    shut_down = true;
                    send(connection, Response::new_ok(request.id, ()));
                }
                Message::Request(request) if shut_down => {
                    let reply = "the server is shutting down; only exit is expected now";
                    send(connection, Response::new_err(request.id, ErrorCode::InvalidRequest as i32, reply.into()));
                }
                Message::Request(request) => self.answer(request, connection),
                Message::Notification(notification) if notification.method == Exit::METHOD => {
                    return if shut_down { Ok(()) } else { Err("exit without shutdown".into()) };
                }
                Message::Notification(notification) => self.notified(notification),
                Message::Response(_) => {}
            }
        }
        Err("the editor closed the connection without exit".into())
    }

    /// Handles a notification: documents opened, changed, closed.
    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let document = params.text_document;
                    let snapshot = self.documents.open(&document.uri, document.version, document.text);
                    self.check(document.uri, snapshot);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                {
                    let document = params.text_document;
                    if let Some(snapshot) =
                        self.documents.change(&document.uri, document.version, params.content_changes)
                    {
                        self.check(document.uri, snapshot);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    self.documents.close(&uri);
                    self.requests.close(uri.as_str());
                    let _ = self.worker.send(diagnostics::Job { uri, snapshot: None });
                }
            }
            _ => {}
        }
    }

    /// Hands the new version of `uri` to the diagnostics worker.
    fn check(&self, uri: Uri, snapshot: Arc<Snapshot>) {
        let _ = self.worker.send(diagnostics::Job { uri, snapshot: Some(snapshot) });
    }

    /// Answers one request: on the requests thread from the document's current version (`null`
    /// for a file that is not a manifest), or at once with an error that says what is wrong.
    fn answer(&mut self, request: Request, connection: &Connection) {
        let id = request.id.clone();
        let published = self.published.clone();
        let task = match request.method.as_str() {
            HoverRequest::METHOD => self.with::<HoverRequest>(request, move |params, _, source| {
                let uri = &params.text_document_position_params.text_document.uri;
                let findings = published.lock().ok().and_then(|published| published.get(uri.as_str()).cloned());
                to_value(hover::hover(
                    source,
                    params.text_document_position_params.position,
                    &findings.unwrap_or_default(),
                ))
            }),
            Completion::METHOD => self.with::<Completion>(request, |params, _, source| {
                to_value(completion::complete(source, params.text_document_position.position))
            }),
            CodeActionRequest::METHOD => self.with::<CodeActionRequest>(request, |params, snapshot, source| {
                let uri = &params.text_document.uri;
                let version = snapshot.version;
                let ours: Vec<_> = params
                    .context
                    .diagnostics
                    .into_iter()
                    .filter(|finding| finding.source.as_deref() == Some(diagnostics::SOURCE))
                    .collect();
                to_value(actions::fixes(source, uri, version, &ours))
            }),
            Formatting::METHOD => {
                self.with::<Formatting>(request, |_, _, source| match format::format(source.text, &source.lines) {
                    Ok(edits) => to_value(edits),
                    Err(message) => Err((ErrorCode::RequestFailed as i32, message)),
                })
            }
            DocumentSymbolRequest::METHOD => {
                self.with::<DocumentSymbolRequest>(request, |_, _, source| to_value(symbols::outline(source)))
            }
            GotoDefinition::METHOD => self.with::<GotoDefinition>(request, |params, _, source| {
                let position = params.text_document_position_params;
                to_value(symbols::definition(source, &position.text_document.uri, position.position))
            }),
            method => {
                Err((ErrorCode::MethodNotFound as i32, format!("integration-wizard lsp does not answer {method}")))
            }
        };
        let (document, work) = match task {
            Ok(task) => task,
            Err(error) => return send(connection, respond(id, Err(error))),
        };
        let sender = connection.sender.clone();
        self.requests.send(
            &document,
            Box::new(move || {
                let _ = sender.send(respond(id, work()).into());
            }),
        );
    }

    /// Reads the parameters of `request` and finds its open document's current version; returns
    /// the document's URI and the work that maps it (or waits for the thread mapping it) and lets
    /// `handle` answer.
    fn with<R>(
        &self,
        request: Request,
        handle: impl FnOnce(R::Params, &Snapshot, &Source) -> Result<Value, (i32, String)> + Send + 'static,
    ) -> Result<(String, Work), (i32, String)>
    where
        R: lsp_types::request::Request,
        R::Params: serde::de::DeserializeOwned + DocumentOf + Send + 'static,
    {
        let (_, params) = request
            .extract::<R::Params>(R::METHOD)
            .map_err(|error| (ErrorCode::InvalidParams as i32, format!("{error}; see the protocol's {}", R::METHOD)))?;
        let uri = params.document();
        let Some(snapshot) = self.documents.get(uri) else {
            return Err((ErrorCode::InvalidParams as i32, format!("{} is not open; send didOpen first", uri.as_str())));
        };
        let (document, snapshot) = (uri.as_str().to_owned(), Arc::clone(snapshot));
        let work: Work = Box::new(move || match snapshot.source() {
            Some(source) => handle(params, &snapshot, &source),
            None => Ok(Value::Null),
        });
        Ok((document, work))
    }
}

/// The work of answering one request, its result or an error code and message.
type Work = Box<dyn FnOnce() -> Result<Value, (i32, String)> + Send>;

/// The response carrying `result`.
fn respond(id: lsp_server::RequestId, result: Result<Value, (i32, String)>) -> Response {
    match result {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code, message),
    }
}

/// The parameters of a request about one document.
trait DocumentOf {
    /// The document's URI.
    fn document(&self) -> &Uri;
}

impl DocumentOf for lsp_types::HoverParams {
    fn document(&self) -> &Uri {
        &self.text_document_position_params.text_document.uri
    }
}

impl DocumentOf for lsp_types::CompletionParams {
    fn document(&self) -> &Uri {
        &self.text_document_position.text_document.uri
    }
}

impl DocumentOf for lsp_types::CodeActionParams {
    fn document(&self) -> &Uri {
        &self.text_document.uri
    }
}

impl DocumentOf for lsp_types::DocumentFormattingParams {
    fn document(&self) -> &Uri {
        &self.text_document.uri
    }
}

impl DocumentOf for lsp_types::DocumentSymbolParams {
    fn document(&self) -> &Uri {
        &self.text_document.uri
    }
}

impl DocumentOf for lsp_types::GotoDefinitionParams {
    fn document(&self) -> &Uri {
        &self.text_document_position_params.text_document.uri
    }
}

/// A result as JSON (serialising the protocol's types cannot fail).
fn to_value(result: impl serde::Serialize) -> Result<Value, (i32, String)> {
    serde_json::to_value(result).map_err(|error| (ErrorCode::InternalError as i32, error.to_string()))
}

/// Sends a message to the editor; a closed connection ends the loop by itself.
fn send(connection: &Connection, message: impl Into<Message>) {
    let _ = connection.sender.send(message.into());
}
