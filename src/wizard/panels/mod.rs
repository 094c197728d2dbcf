//! Panels over the screen that hold state of their own: writing the ticket document, and trying an
//! endpoint against the bridge (its credentials prompt and its result).

pub(crate) mod probe;
pub(crate) mod ticket;
