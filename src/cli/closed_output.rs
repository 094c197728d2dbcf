//! Ending quietly when standard output or error is closed under the tool (`… | head`), as `cat` does.

/// Makes a failed print to a closed standard output or error end the process as the signal for a
/// closed pipe would, quietly, instead of a panic (exit 101) whose message nobody can read.
///
/// Rust ignores SIGPIPE, so a write to a closed pipe fails and `println!` panics; the panic hook is
/// the one place every such print passes. Any other panic goes to the hook that was there before.
pub fn end_quietly_on_closed_output() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_failed_print(info.payload()) {
            end_as_by_closed_pipe();
        }
        previous(info);
    }));
}

/// True for the panic `print!`/`eprint!` raise when their stream cannot be written.
fn is_failed_print(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    message.starts_with("failed printing to stdout") || message.starts_with("failed printing to stderr")
}

#[cfg(unix)]
pub(crate) fn end_as_by_closed_pipe() {
    // The default action of SIGPIPE ends the process, as it ends `cat`; the shell sees 128 + 13.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGPIPE);
    std::process::exit(141);
}

#[cfg(not(unix))]
pub(crate) fn end_as_by_closed_pipe() {
    std::process::exit(141);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_failed_prints_are_taken_for_a_closed_output() {
        let failed: Box<dyn std::any::Any + Send> =
            Box::new(String::from("failed printing to stdout: Broken pipe (os error 32)"));
        assert!(is_failed_print(failed.as_ref()));
        let other: Box<dyn std::any::Any + Send> = Box::new("index out of bounds");
        assert!(!is_failed_print(other.as_ref()));
    }
}
