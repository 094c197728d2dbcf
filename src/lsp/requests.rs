//! The threads that answer requests: one per open document, each answering its document's requests
//! in the order they came, so that the main loop goes on reading the editor's messages while a
//! request waits for a large document's map, and a small document's requests never wait behind it.

use crossbeam_channel::Sender;
use std::collections::HashMap;

/// One request's work, which sends its own response.
pub(crate) type Task = Box<dyn FnOnce() + Send>;

/// Each document's queue, by its URI's text (`Uri` caches its parts inside, so it is no hash key).
#[derive(Default)]
pub(crate) struct Queues {
    documents: HashMap<String, Sender<Task>>,
}

impl Queues {
    /// Queues `task` on the thread of `document`, starting it on the document's first request.
    /// When no thread can be started, the task runs here rather than never.
    pub(crate) fn send(&mut self, document: &str, task: Task) {
        let queue = match self.documents.get(document) {
            Some(queue) => queue.clone(),
            None => {
                let Some(queue) = spawn() else { return task() };
                self.documents.insert(document.to_owned(), queue.clone());
                queue
            }
        };
        if let Err(unsent) = queue.send(task) {
            self.documents.remove(document);
            (unsent.into_inner())();
        }
    }

    /// The editor closed `document`: its thread ends after the requests already queued.
    pub(crate) fn close(&mut self, document: &str) {
        self.documents.remove(document);
    }
}

/// Starts a thread answering the tasks sent to it, in order; it ends when the sender is dropped.
fn spawn() -> Option<Sender<Task>> {
    let (tasks, incoming) = crossbeam_channel::unbounded::<Task>();
    let started = std::thread::Builder::new().name("requests".into()).spawn(move || {
        for task in incoming {
            task();
        }
    });
    started.ok().map(|_| tasks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_document_waiting_does_not_hold_up_another() {
        let mut queues = Queues::default();
        let (release, held) = crossbeam_channel::bounded::<()>(0);
        let (answers, answered) = crossbeam_channel::unbounded::<&str>();
        let big = answers.clone();
        queues.send(
            "file:///big.json",
            Box::new(move || {
                let _ = held.recv();
                let _ = big.send("big");
            }),
        );
        queues.send(
            "file:///small.json",
            Box::new(move || {
                let _ = answers.send("small");
            }),
        );
        assert_eq!(answered.recv_timeout(Duration::from_secs(30)), Ok("small"));
        let _ = release.send(());
        assert_eq!(answered.recv_timeout(Duration::from_secs(30)), Ok("big"));
    }
}
