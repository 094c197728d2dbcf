//! `integration-wizard lsp`: the manifest's rules, help, quick fixes and layout in any editor, as a
//! Language Server over standard input and output.
//!
//! The main loop (`Server::run`) reads the editor's messages in order, keeps the open documents
//! (`documents`), hands each new text to the diagnostics worker (`diagnostics`) and answers every
//! request from the current text. Files that are not manifests (the test `validate` uses) get nothing.

mod diagnostics;
mod documents;
mod lines;
mod transport;

use documents::Documents;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Exit, Notification as _,
};
use lsp_types::{
    InitializeResult, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use std::process::ExitCode;

/// Runs the server until the editor says `exit` (exit code 0 after `shutdown`, 1 without) or goes away (1).
pub fn run() -> ExitCode {
    let (connection, threads) = transport::stdio();
    let code = match serve(&connection) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("integration-wizard lsp: {message}");
            ExitCode::FAILURE
        }
    };
    drop(connection);
    threads.join();
    code
}

/// The handshake, then the main loop.
fn serve(connection: &Connection) -> Result<(), String> {
    let (id, _params) =
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
    let mut server = Server { documents: Documents::default(), worker: diagnostics::spawn(connection.sender.clone()) };
    server.run(connection)
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        ..ServerCapabilities::default()
    }
}

/// The server's state between messages.
struct Server {
    documents: Documents,
    worker: crossbeam_channel::Sender<diagnostics::Job>,
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
                Message::Request(request) => {
                    let response = self.answer(request);
                    send(connection, response);
                }
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
                    self.documents.open(document.uri.clone(), document.version, document.text);
                    self.check(&document.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                {
                    let document = params.text_document;
                    if self.documents.change(&document.uri, document.version, params.content_changes).is_some() {
                        self.check(&document.uri);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    self.documents.close(&uri);
                    let _ = self.worker.send(diagnostics::Job { uri, version: None, text: None });
                }
            }
            _ => {}
        }
    }

    /// Hands the current text of `uri` to the diagnostics worker.
    fn check(&self, uri: &Uri) {
        if let Some(document) = self.documents.get(uri) {
            let job = diagnostics::Job {
                uri: uri.clone(),
                version: Some(document.version),
                text: Some(document.text.clone()),
            };
            let _ = self.worker.send(job);
        }
    }

    /// The response to one request.
    fn answer(&mut self, request: Request) -> Response {
        let message = format!("integration-wizard lsp does not answer {}", request.method);
        Response::new_err(request.id, ErrorCode::MethodNotFound as i32, message)
    }
}

/// Sends a message to the editor; a closed connection ends the loop by itself.
fn send(connection: &Connection, message: impl Into<Message>) {
    let _ = connection.sender.send(message.into());
}
