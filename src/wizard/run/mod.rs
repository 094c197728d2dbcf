//! A run's life around the state: the drafts kept while the author works, recovering them, lending
//! the terminal (the author's editor, the shell), reading a folder for a path prompt, and ending
//! cleanly on a signal, a panic or a terminal that went away. The I/O the loop does; `App` has none.

pub(crate) mod drafts;
pub(crate) mod folder;
pub(crate) mod handover;
pub(crate) mod recovery;
pub(crate) mod shutdown;
