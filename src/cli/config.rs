//! `integration-wizard config`: checks the wizard's config file, prints where it is read from, or prints a
//! commented default one.

use super::exit;
use crate::output;
use crate::wizard::config::{self, default_file::default_file};

/// Runs `config` with its flags: `--print-default`, `--path`, or neither (check the file).
pub(super) fn run(print_default: bool, path: bool) -> u8 {
    let file = config::path();
    if print_default {
        let _ = output::document_as_is(default_file(file.as_deref()));
        return exit::SUCCESS;
    }
    let Some(file) = file else {
        output::message("this system has no config folder: the wizard uses its default settings");
        return exit::USAGE;
    };
    let shown = crate::escape::line(&file.display().to_string()).into_owned();
    if path {
        output::line(&shown);
        return exit::SUCCESS;
    }
    match config::read(&file) {
        Ok(Some(_)) => {
            output::line(format!("{shown}: the settings are valid"));
            exit::SUCCESS
        }
        Ok(None) => {
            output::line(format!(
                "{shown} does not exist: the wizard uses its default settings (`integration-wizard config --print-default > {shown}` writes them there to change)"
            ));
            exit::SUCCESS
        }
        Err(error) => {
            output::message(error.to_string());
            exit::INVALID
        }
    }
}
