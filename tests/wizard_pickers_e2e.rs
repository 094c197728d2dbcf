//! End to end, in a pseudo-terminal: opening a file from the start screen by typing part of its name,
//! Tab and Enter.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;

#[test]
fn the_open_prompt_completes_a_typed_name_with_tab_and_opens_it() {
    for size in [(120, 40), (80, 24)] {
        open_by_completion(size);
    }
}

fn open_by_completion(size: (u16, u16)) {
    let folders = folders();
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json"))
        .expect("the bundled example");
    std::fs::write(folders.work.path().join("mycrm.json"), &example).expect("write the manifest");
    std::fs::write(folders.work.path().join("package.json"), "{\"name\": \"web\"}").expect("write other JSON");
    let mut session = Session::start_with(&[], folders.work.path(), folders.data.path(), size, &[]);
    session.wait_for("Open a manifest file");
    for _ in 0..3 {
        session.send(DOWN);
    }
    session.send(ENTER);
    session.wait_for("JSON files in this folder (manifests first)");
    session.wait_for("manifest");
    session.send("myc");
    session.wait_for_gone("package.json");
    session.send(TAB);
    // The typed path is completed: the name shows in the prompt's line and in its list.
    session.wait_until("the completed name", |screen| screen.matches("mycrm.json").count() >= 2);
    session.send(ENTER);
    session.wait_for("opened mycrm.json");
    assert!(session.screen().contains("My CRM"), "{}", session.screen());
    session.send(CTRL_Q);
    assert_eq!(session.wait_exit(), 0);
}
