//! Literal defaults of action inputs (a `format` without `{{`) and `select` options: do they fit the input's type?

use super::codes::Rule;
use super::findings::Findings;
use super::place::Place;
use super::urls;
use crate::escape::quoted;
use crate::manifest::model::InputKey;
use crate::manifest::seed_tables::{DATETIME_FORMS, InputType};
use time::macros::format_description;
use time::{Date, PrimitiveDateTime};

/// Checks a literal default against the input's type. A blank format is "no default" and fits
/// every type; text, textarea and tel take any text.
pub(super) fn check_literal(findings: &mut Findings, place: Place, input_type: InputType, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    match input_type {
        InputType::Number if !is_integer(text) => findings.add(
            Rule::DefaultNotNumber,
            place.key(InputKey::Format.as_str()),
            format!("format {} is not a default for a number input, which takes an integer such as 3; write an integer or remove format", quoted(text)),
        ),
        InputType::Datetime if !is_datetime(text) => findings.add(
            Rule::DefaultNotDatetime,
            place.key(InputKey::Format.as_str()),
            format!(
                "format {} is not a datetime default; write a real date as {}, e.g. 2026-01-31T09:00:00Z",
                quoted(text),
                super::message::one_of(&DATETIME_FORMS)
            ),
        ),
        // The seed page says only "a URL"; the same absolute http or https URL as every other
        // URL of the manifest is required, since Talkdesk links to it.
        InputType::Url => {
            if let Err(reason) = urls::parse(text) {
                findings.add(
                    Rule::DefaultNotUrl,
                    place.key(InputKey::Format.as_str()),
                    format!("format {} is not a default for a url input ({reason}); write an absolute http or https URL, e.g. https://example.org, or remove format", quoted(text)),
                );
            }
        }
        _ => {}
    }
}

/// Checks a select's options: the comma-separated parts of its format, trimmed. Blank parts are
/// not options; at least one is needed, and a repeated one is reported once, where it repeats.
pub(super) fn check_select(findings: &mut Findings, place: Place, format: Option<&str>) {
    let Some(format) = format else {
        findings.add(
            Rule::SelectWithoutOptions,
            place.key(InputKey::Format.as_str()),
            "a select input needs its options in format, separated by commas; add e.g. \"low,normal,high\"".to_owned(),
        );
        return;
    };
    let options = || format.split(',').map(str::trim).filter(|option| !option.is_empty());
    if options().next().is_none() {
        findings.add(
            Rule::SelectWithoutOptions,
            place.key(InputKey::Format.as_str()),
            format!("format {} has no option for this select input; write the options separated by commas, e.g. \"low,normal,high\"", quoted(format)),
        );
        return;
    }
    // Selects have a handful of options: comparing with the earlier ones needs no allocation.
    for (index, option) in options().enumerate() {
        let earlier = options().take(index).filter(|other| *other == option).count();
        if earlier == 1 {
            findings.add(
                Rule::DuplicateSelectOption,
                place.key(InputKey::Format.as_str()),
                format!("the option {} is listed more than once; remove the repeats", quoted(option)),
            );
        }
    }
}

/// An optional sign and digits: the integers a number input takes.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit())
}

/// One of the seed page's three forms, zero-padded, naming a real date and time.
fn is_datetime(text: &str) -> bool {
    // `time` checks that the date exists (no 2023-02-29) and the ranges of the hour, minute and
    // second; the shape is checked first, so every part is zero-padded and nothing else is accepted.
    let shape_fits = |shape: &str| {
        text.len() == shape.len()
            && text.bytes().zip(shape.bytes()).all(|(byte, expected)| match expected {
                b'9' => byte.is_ascii_digit(),
                _ => byte == expected,
            })
    };
    if shape_fits("9999-99-99") {
        Date::parse(text, format_description!("[year]-[month]-[day]")).is_ok()
    } else if shape_fits("9999-99-99T99:99:99") {
        PrimitiveDateTime::parse(text, format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]")).is_ok()
    } else if shape_fits("9999-99-99T99:99:99Z") {
        PrimitiveDateTime::parse(text, format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z")).is_ok()
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::{is_datetime, is_integer};

    #[test]
    fn integers_are_a_sign_and_digits() {
        for good in ["3", "-12", "+0", "007"] {
            assert!(is_integer(good), "{good}");
        }
        for bad in ["", "-", "3.5", "1e3", " 3", "3 ", "0x1F", "١٢"] {
            assert!(!is_integer(bad), "{bad}");
        }
    }

    #[test]
    fn datetimes_take_three_forms_of_a_real_date() {
        for good in ["2024-02-29", "2026-01-31T09:00:00", "2026-01-31T23:59:59Z", "0001-01-01"] {
            assert!(is_datetime(good), "{good}");
        }
        for bad in [
            "2023-02-29",
            "2023-2-3",
            "2026-01-31 09:00:00",
            "2026-01-31T24:00:00",
            "2026-01-31T09:00",
            "2026-13-01",
            "2026-01-31T09:00:00+01:00",
            "2026-01-31T09:00:00z",
            "tomorrow",
        ] {
            assert!(!is_datetime(bad), "{bad}");
        }
    }
}
