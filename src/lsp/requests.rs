//! The thread that answers requests, one after another in the order they came, so that the main
//! loop goes on reading the editor's messages while a request waits for a large document's map.

use crossbeam_channel::Sender;

/// One request's work, which sends its own response.
pub(crate) type Task = Box<dyn FnOnce() + Send>;

/// Starts the thread; it ends when the returned sender is dropped, after the tasks already sent.
/// When no thread can be started, the sender's receiver is gone and the caller answers in place.
pub(crate) fn spawn() -> Sender<Task> {
    let (tasks, incoming) = crossbeam_channel::unbounded::<Task>();
    let started = std::thread::Builder::new().name("requests".into()).spawn(move || {
        for task in incoming {
            task();
        }
    });
    started.map_or_else(|_| crossbeam_channel::unbounded().0, |_| tasks)
}
