//! The protocol's messages over standard input and output, surviving a malformed message.
//!
//! lsp-server's own stdio transport stops reading at the first message it cannot parse, which
//! ends the server; the protocol asks for an error reply instead. This one reads with the same
//! `Message::read`, answers a malformed message with a JSON-RPC parse error (id `null`) and reads
//! on. When standard input ends (the editor is gone) the incoming channel closes and the server ends.

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, Message};
use std::io::{self, BufRead, Write};
use std::thread::JoinHandle;

/// The JSON-RPC code of a message that is not valid JSON-RPC.
const PARSE_ERROR: i32 = -32700;

/// The threads reading and writing; joined when the server ends.
pub(crate) struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
}

impl Threads {
    /// Waits for the writer to flush what the server sent. The reader is not waited for: it may be
    /// blocked on standard input that an editor keeps open after `exit`.
    pub(crate) fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

/// A connection over standard input and output.
pub(crate) fn stdio() -> (Connection, Threads) {
    let (to_server, from_client) = crossbeam_channel::bounded::<Message>(0);
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    let (errors, error_replies) = crossbeam_channel::unbounded::<String>();
    let reader = std::thread::spawn(move || read(&mut io::stdin().lock(), &to_server, &errors));
    let writer = std::thread::spawn(move || write(&mut crate::output::screen().lock(), &from_server, &error_replies));
    (Connection { sender: to_client, receiver: from_client }, Threads { reader, writer })
}

/// Reads messages until the end of input or `exit`; a malformed one gets a parse error reply.
fn read(input: &mut impl BufRead, server: &Sender<Message>, errors: &Sender<String>) {
    loop {
        match Message::read(input) {
            Ok(Some(message)) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if server.send(message).is_err() || exit {
                    return;
                }
            }
            Ok(None) => return,
            // The whole message was consumed before it failed to parse: the next one can be read.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                let reply = serde_json::json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": PARSE_ERROR, "message": format!("a message that is not JSON-RPC was skipped: {error}") },
                });
                if errors.send(reply.to_string()).is_err() {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

/// Writes the server's messages and the reader's error replies until the server is done.
fn write(output: &mut impl Write, server: &Receiver<Message>, errors: &Receiver<String>) {
    loop {
        let written = select! {
            recv(server) -> message => match message {
                Ok(message) => message.write(output),
                Err(_) => return,
            },
            recv(errors) -> reply => match reply {
                Ok(reply) => write!(output, "Content-Length: {}\r\n\r\n{reply}", reply.len()).and_then(|()| output.flush()),
                // The reader has stopped; the server's own messages still go out.
                Err(_) => match server.recv() {
                    Ok(message) => message.write(output),
                    Err(_) => return,
                },
            },
        };
        // The editor is gone: nothing more can be said to it.
        if written.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_malformed_message_gets_an_error_and_the_next_one_is_read() {
        let input = framed("{not json") + &framed(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let (server, messages) = crossbeam_channel::unbounded();
        let (errors, replies) = crossbeam_channel::unbounded();
        read(&mut input.as_bytes(), &server, &errors);
        let reply: serde_json::Value =
            serde_json::from_str(&replies.try_recv().expect("an error reply")).expect("JSON");
        assert_eq!(reply["error"]["code"], PARSE_ERROR);
        assert_eq!(reply["id"], serde_json::Value::Null);
        assert!(matches!(messages.try_recv(), Ok(Message::Notification(n)) if n.method == "initialized"));
    }
}
