//! `integration-wizard ticket`: the document of SPEC §7 in its three formats, run on the built binary.
//!
//! Golden files live in `tests/golden/ticket/`; after an intended change of the layout,
//! `UPDATE_GOLDEN=1 cargo test --test ticket` writes them again (review the diff before committing).
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use calamine::{Data, Reader, Xlsx};
use integration_wizard::manifest::{Manifest, read};
use integration_wizard::ticket::{self, Format};
use serde_json::{Value, json};
#[path = "support/golden.rs"]
mod golden;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

fn run(args: &[&str]) -> Output {
    Command::new(BINARY).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

fn example(name: &str) -> String {
    format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/ticket").join(name)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Compares `actual` with the golden file `name`, or writes it when `UPDATE_GOLDEN` is set.
fn assert_golden(name: &str, actual: &str) {
    golden::assert_golden_file(&golden_path(name), actual);
}

/// Runs `ticket FILE -o OUT` into a fresh folder and returns the bytes written.
fn ticket_file(manifest: &str, out_name: &str) -> Vec<u8> {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join(out_name);
    let output = run(&["ticket", manifest, "-o", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    std::fs::read(&out).expect("the document was written")
}

/// Every sheet of a workbook as rows of cell texts (from A1, empty cells as ""), checking on
/// the way that every cell is a string and that no cell holds a formula.
fn workbook_cells(bytes: &[u8]) -> Value {
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a readable xlsx");
    let mut sheets = serde_json::Map::new();
    for name in workbook.sheet_names() {
        let formulas = workbook.worksheet_formula(&name).expect("formulas");
        assert!(formulas.used_cells().all(|(_, _, formula)| formula.is_empty()), "{name} has a formula");
        let range = workbook.worksheet_range(&name).expect("sheet");
        let (height, width) = range.end().map_or((0, 0), |(row, column)| (row + 1, column + 1));
        let mut rows = Vec::new();
        for row in 0..height {
            let mut cells = Vec::new();
            for column in 0..width {
                let text = match range.get_value((row, column)) {
                    None | Some(Data::Empty) => String::new(),
                    Some(Data::String(text)) => text.clone(),
                    Some(other) => panic!("{name} ({row}, {column}) is not a string cell: {other:?}"),
                };
                cells.push(Value::String(text));
            }
            while cells.last().is_some_and(|cell| cell == "") {
                cells.pop();
            }
            rows.push(Value::Array(cells));
        }
        sheets.insert(name, Value::Array(rows));
    }
    Value::Object(sheets)
}

/// [`workbook_cells`] as JSON with one row per line, so that a golden file reads like the sheet.
fn cells_json(cells: &Value) -> String {
    let mut sheets = Vec::new();
    for (name, rows) in cells.as_object().into_iter().flatten() {
        let rows: Vec<String> = rows.as_array().into_iter().flatten().map(|row| format!("    {row}")).collect();
        sheets.push(format!("  {}: [\n{}\n  ]", Value::String(name.clone()), rows.join(",\n")));
    }
    format!("{{\n{}\n}}\n", sheets.join(",\n"))
}

#[test]
fn the_bundled_examples_match_their_golden_documents() {
    for name in ["mycrm", "oauth2-helpdesk"] {
        let markdown = ticket_file(&example(name), "ticket.md");
        assert_golden(&format!("{name}.md"), &String::from_utf8(markdown).expect("utf-8"));
        let html = ticket_file(&example(name), "ticket.html");
        assert_golden(&format!("{name}.html"), &String::from_utf8(html).expect("utf-8"));
        let cells = workbook_cells(&ticket_file(&example(name), "ticket.xlsx"));
        let text = cells_json(&cells);
        assert_golden(&format!("{name}.xlsx.json"), &text);
    }
}

#[test]
fn dash_prints_the_markdown_document() {
    let output = run(&["ticket", &example("mycrm"), "-o", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = ticket_file(&example("mycrm"), "t.md");
    assert_eq!(output.stdout, written);
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# Activate Custom Integration\n"));
}

#[test]
fn an_unknown_extension_is_a_usage_error_naming_the_three_formats() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("ticket.docx");
    let output = run(&["ticket", &example("mycrm"), "-o", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for extension in [".md", ".xlsx", ".html"] {
        assert!(message.contains(extension), "{message}");
    }
    assert!(!out.exists());
}

#[test]
fn a_manifest_with_errors_is_refused_with_its_errors_listed_as_validate_lists_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = folder.path().join("broken.json");
    std::fs::write(&manifest, "{\n  \"integration\": {\n    \"name\": \"\"\n  }\n}\n").expect("write");
    let manifest = manifest.to_str().expect("utf-8 path");
    let out = folder.path().join("ticket.md");
    let output = run(&["ticket", manifest, "-o", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let validate = String::from_utf8_lossy(&run(&["validate", manifest]).stdout).into_owned();
    assert!(validate.contains(":3:5: error[blank-value] /integration/name: "), "{validate}");
    let message = stderr(&output);
    for line in validate.lines().filter(|line| line.contains(": error[")) {
        assert!(message.lines().any(|shown| shown == line), "{line:?} not in:\n{message}");
    }
    assert!(message.contains("ticket refused"), "{message}");
    assert!(!out.exists(), "nothing is written");
    let printed = run(&["ticket", manifest, "-o", "-"]);
    assert_eq!(printed.status.code(), Some(1));
    assert!(printed.stdout.is_empty(), "no half document on standard output");
}

#[test]
fn an_existing_document_is_replaced_only_with_force() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("ticket.md");
    std::fs::write(&out, "my notes\n").expect("write");
    let out_arg = out.to_str().expect("utf-8 path");
    let output = run(&["ticket", &example("mycrm"), "-o", out_arg]);
    assert_eq!(output.status.code(), Some(1), "refused like export refuses a file it did not write");
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "my notes\n", "the file is kept");

    let output = run(&["ticket", &example("mycrm"), "-o", out_arg, "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read_to_string(&out).expect("read").starts_with("# Activate Custom Integration"));
    let leftovers: Vec<_> = std::fs::read_dir(folder.path()).expect("list").collect();
    assert_eq!(leftovers.len(), 1, "the save leaves no temporary file");
}

/// The Markdown "Integration Details" table as rows of (field, lines of the value).
fn markdown_details(markdown: &str) -> Vec<(String, Vec<String>)> {
    let table = markdown.split("## Integration Details\n\n").nth(1).expect("the details table");
    // A value of several lines continues on rows whose first cell is empty.
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for line in table.lines().skip(2).take_while(|line| line.starts_with('|')) {
        let inner = line.trim_start_matches('|').trim_end_matches('|');
        let (field, value) = inner.split_once(" | ").expect("two cells");
        let lines = value.trim().split("<br>").map(str::to_owned);
        match (field.trim(), rows.last_mut()) {
            ("", Some((_, previous))) => previous.extend(lines),
            (field, _) => rows.push((field.to_owned(), lines.collect())),
        }
    }
    rows
}

/// The page's "Examples" table (`Reference` and `Description` run together on each row's first
/// line) as rows of (field, lines of the value).
fn page_example_rows(page: &str) -> Vec<(String, Vec<String>)> {
    let fields = integration_wizard::manifest::Integration::KEYS;
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for line in page.lines().skip(1) {
        let field = fields.iter().filter(|field| line.starts_with(**field)).max_by_key(|field| field.len());
        match (field, rows.last_mut()) {
            (Some(field), _) => rows.push((field.to_string(), vec![line[field.len()..].to_owned()])),
            (None, Some((_, lines))) => lines.push(line.to_owned()),
            (None, None) => panic!("a value before any field: {line:?}"),
        }
    }
    rows
}

/// One line of a value as a reader compares it: without the bullet, the list item's closing
/// period the page adds, the bold of a block's heading, and the letter case of a `label:`.
fn comparable(line: &str) -> String {
    let line = line.trim().trim_start_matches("• ");
    let line = line.strip_suffix('.').unwrap_or(line);
    match line.split_once(": ") {
        Some((label, value)) if label.chars().all(|c| c.is_ascii_alphabetic() || c == '_') => {
            format!("{}: {value}", label.to_lowercase())
        }
        _ => line.to_owned(),
    }
}

#[test]
fn the_page_example_comes_out_as_talkdesks_example_table_row_for_row() {
    let page = std::fs::read_to_string(golden_path("seed-page-example.txt")).expect("the page's table");
    let expected = page_example_rows(&page);
    assert_eq!(expected.len(), 12, "{expected:?}");
    let markdown = ticket_file(golden_path("seed-mycrm.json").to_str().expect("utf-8 path"), "t.md");
    let actual = markdown_details(&String::from_utf8(markdown).expect("utf-8"));
    assert_eq!(actual.len(), expected.len(), "{actual:?}");
    for ((field, lines), (page_field, page_lines)) in actual.iter().zip(&expected) {
        assert_eq!(field, page_field);
        let lines: Vec<String> = lines.iter().map(|line| comparable(line)).collect();
        let page_lines: Vec<String> = page_lines.iter().map(|line| comparable(line)).collect();
        assert_eq!(lines, page_lines, "row {field}");
    }
}

#[test]
fn the_documented_excerpt_is_real_output() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/submitting-to-talkdesk.md"))
        .expect("the page on submitting");
    let section = page.split("# Submitting to Talkdesk").nth(1).expect("the page's section");
    let excerpt = section.split("```markdown\n").nth(1).and_then(|rest| rest.split("```").next()).expect("an excerpt");
    let output = String::from_utf8(run(&["ticket", &example("mycrm"), "-o", "-"]).stdout).expect("utf-8");
    assert!(excerpt.lines().count() > 10, "{excerpt}");
    // A line "…" leaves lines out; the parts must appear in the output in order.
    let mut rest = output.as_str();
    for part in excerpt.split("…\n") {
        let at = rest.find(part).unwrap_or_else(|| panic!("the page's excerpt is not the output:\n{part}"));
        rest = &rest[at + part.len()..];
    }
}

/// A valid manifest whose text values hold everything that could break a document.
const HOSTILE: &str = r#"{
  "integration": {
    "name": "hostile",
    "display_name": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "description": "pipe | and `backtick`\nsecond <script>alert(1)</script> \u202Eright-to-left",
    "logo_url": "https://example.org/logo.png",
    "icon_url": "https://example.org/icon.png",
    "authentication_type": "custom",
    "authentication_configuration": [
      { "field_name": "account", "display": "+1", "mandatory": true, "type": "input", "store": true,
        "help": "-2 | <b>bold</b>\nnext" }
    ],
    "interaction_retrieval_endpoint": "https://example.org/interactions",
    "interaction_types": ["@x", "\ttab"]
  },
  "actions": [
    { "provider": "hostile", "name": "do_it", "display": "do it", "description": "a | b\nc",
      "endpoint": "https://example.org/do",
      "inputs": [ { "key": "k", "name": "=1+1", "mandatory": false, "type": "text", "format": "@SUM(A1:A2)|`x`" } ] }
  ]
}
"#;

fn hostile_file(folder: &Path) -> String {
    let path = folder.join("hostile.json");
    std::fs::write(&path, HOSTILE).expect("write");
    path.to_str().expect("utf-8 path").to_owned()
}

/// The rows of every Markdown table, each split into its cells at unescaped pipes.
fn markdown_tables(markdown: &str) -> Vec<Vec<String>> {
    markdown
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| {
            let mut cells = vec![String::new()];
            let mut escaped = false;
            for c in line.chars() {
                match c {
                    '|' if !escaped => cells.push(String::new()),
                    c => cells.last_mut().expect("a cell").push(c),
                }
                escaped = c == '\\' && !escaped;
            }
            cells
        })
        .collect()
}

#[test]
fn markdown_tables_keep_their_shape_with_hostile_values() {
    let folder = tempfile::tempdir().expect("temp dir");
    let markdown = String::from_utf8(ticket_file(&hostile_file(folder.path()), "t.md")).expect("utf-8");
    for row in markdown_tables(&markdown) {
        // A row `| a | b |` splits into an empty start, its cells and an empty end.
        assert!(row.len() == 4 || row.len() == 7, "a row lost its shape: {row:?}\n{markdown}");
    }
    assert!(markdown.contains("| description | • pipe \\| and \\`backtick\\` |\n|  | • second \\<script>alert(1)\\</script> \\u{202e}right-to-left |"), "{markdown}");
    assert!(markdown.contains("help: -2 \\| \\<b>bold\\</b><br>next"), "{markdown}");
    assert!(markdown.contains("| k | =1+1 | false | text | @SUM(A1:A2)\\|\\`x\\` |"), "{markdown}");
    assert!(markdown.contains("• \\ttab"), "a tab is shown: {markdown}");
    assert!(!markdown.contains('\u{202e}') && !markdown.contains('\t'), "{markdown:?}");
}

#[test]
fn html_values_are_escaped_text() {
    let folder = tempfile::tempdir().expect("temp dir");
    let html = String::from_utf8(ticket_file(&hostile_file(folder.path()), "t.html")).expect("utf-8");
    assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
    assert!(html.contains("second &lt;script&gt;alert(1)&lt;/script&gt; \\u{202e}right-to-left"), "{html}");
    assert!(html.contains("help: -2 | &lt;b&gt;bold&lt;/b&gt;<br>next"), "{html}");
    assert!(!html.contains('\u{202e}') && !html.contains('\t'), "{html:?}");
    assert!(html.contains("<li>Integration: =HYPERLINK(\"http://evil.example\",\"click\")</li>"), "{html}");
    assert!(!html.contains("src=") && !html.contains("href="), "the page loads and links nothing");
}

/// Every cell text of [`workbook_cells`], sheet after sheet.
fn all_cells(cells: &Value) -> Vec<&str> {
    let sheets = cells.as_object().into_iter().flat_map(|sheets| sheets.values());
    let rows = sheets.flat_map(|rows| rows.as_array().into_iter().flatten());
    rows.flat_map(|row| row.as_array().into_iter().flatten()).filter_map(Value::as_str).collect()
}

#[test]
fn spreadsheet_values_that_look_like_formulas_are_plain_strings() {
    let folder = tempfile::tempdir().expect("temp dir");
    // Every cell is checked to be a string and not a formula while reading back.
    let cells = workbook_cells(&ticket_file(&hostile_file(folder.path()), "t.xlsx"));
    let all = all_cells(&cells);
    for expected in [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "=1+1",
        "@SUM(A1:A2)|`x`",
        "• pipe | and `backtick`\n• second <script>alert(1)</script> \\u{202e}right-to-left",
    ] {
        assert!(all.contains(&expected), "{expected:?} not in {all:?}");
    }
    let details = &cells["Integration"];
    let row = |field: &str| {
        details.as_array().expect("rows").iter().find(|row| row[0] == field).cloned().unwrap_or(Value::Null)
    };
    assert_eq!(row("interaction_types"), json!(["interaction_types", "• @x\n• \\ttab"]));
    let auth = row("authentication_configuration");
    assert!(auth[1].as_str().is_some_and(|text| text.contains("display: +1\n")), "{auth}");
    assert!(auth[1].as_str().is_some_and(|text| text.contains("help: -2 | <b>bold</b>\nnext")), "{auth}");
}

/// A manifest read without validation: control characters are errors for the command, but a
/// caller of the library must still get a safe document.
fn with_controls() -> Manifest {
    let json = r#"{"integration": {"name": "x", "display_name": "title\u001b]0;PWNED\u0007",
        "description": "clear\u001b[2J\u009bscreen\u2028next"}}"#;
    read(json.as_bytes()).expect("a manifest").manifest
}

#[test]
fn control_characters_never_reach_any_format_raw() {
    let manifest = with_controls();
    for format in Format::ALL {
        let bytes = ticket::render(&manifest, "x.json", b"{}", format).expect("a document");
        let text = match format {
            Format::Spreadsheet => all_cells(&workbook_cells(&bytes)).join("\n"),
            _ => String::from_utf8(bytes).expect("utf-8"),
        };
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n' || c == '\u{2028}'),
            "{format:?} let a control character through: {text:?}"
        );
        assert!(
            text.contains("title\\u{1b}") && text.contains("PWNED\\u{7}") && text.contains("\\u{9b}"),
            "{format:?}: {text}"
        );
    }
}

#[test]
fn a_value_too_long_for_a_spreadsheet_cell_says_which_and_what_to_do() {
    let mut manifest = with_controls();
    manifest.integration_mut().description = integration_wizard::manifest::Slot::Value("x".repeat(40_000));
    let error = ticket::render(&manifest, "x.json", b"{}", Format::Spreadsheet).expect_err("too long");
    let message = error.to_string();
    assert!(message.contains("description") && message.contains(".md"), "{message}");
    assert!(ticket::render(&manifest, "x.json", b"{}", Format::Markdown).is_ok());
}

#[test]
fn spreadsheet_header_rows_are_bold_and_values_wrap() {
    let bytes = ticket_file(&example("oauth2-helpdesk"), "t.xlsx");
    let cells = workbook_cells(&bytes);
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a readable xlsx");
    for sheet in ["Integration", "Actions"] {
        let styles = workbook.worksheet_style(sheet).expect("styles");
        let rows = cells[sheet].as_array().expect("rows");
        let headers: Vec<u32> =
            (0u32..).zip(rows).filter(|(_, row)| row[0] == "Field" || row[0] == "key").map(|(at, _)| at).collect();
        assert!(!headers.is_empty(), "{sheet} has a header row");
        for row in headers {
            let style = styles.get((row, 0)).expect("a styled header");
            assert!(style.font.as_ref().is_some_and(|font| font.is_bold()), "{sheet} row {row}: {style:?}");
        }
        let value_row = (0u32..).zip(rows).find(|(_, row)| row[0] == "endpoint" || row[0] == "description");
        let (row, _) = value_row.expect("a value row");
        let style = styles.get((row, 1)).expect("a styled value");
        assert!(style.alignment.as_ref().is_some_and(|alignment| alignment.wrap_text), "{sheet} row {row}: {style:?}");
    }
}

#[test]
fn a_manifest_with_warnings_gets_its_document_and_a_note_to_look_at_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(example("mycrm")).expect("the example")).expect("JSON");
    manifest["integration"]["auth_validation_endpoint"] = json!("http://mycrm.example.org/auth_validation");
    let file = folder.path().join("mycrm.json");
    std::fs::write(&file, manifest.to_string()).expect("written");
    let output = run(&["ticket", &file.display().to_string(), "-o", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("has 1 warning(s); `integration-wizard validate"), "{}", stderr(&output));
    let clean = run(&["ticket", &example("mycrm"), "-o", "-"]);
    assert_eq!(stderr(&clean), "", "no note without warnings");
}

/// The diff fixtures: a version Talkdesk activated and the next one, with every kind of change.
fn update_pair() -> (String, String) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/diff");
    let path = |name: &str| folder.join(name).to_str().expect("utf-8 path").to_owned();
    (path("old.json"), path("new.json"))
}

/// Runs `ticket NEW --since OLD -o OUT` into a fresh folder and returns the bytes written and what it printed.
fn update_file(out_name: &str) -> (Vec<u8>, String) {
    let (old, new) = update_pair();
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join(out_name);
    let output = run(&["ticket", &new, "--since", &old, "-o", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    (std::fs::read(&out).expect("the document was written"), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn since_writes_the_update_document_in_every_format() {
    let (markdown, printed) = update_file("update.md");
    let markdown = String::from_utf8(markdown).expect("utf-8");
    assert!(markdown.starts_with("# Update Custom Integration\n"), "{markdown}");
    assert!(
        printed.contains("Subject \"Update Custom Integration\""),
        "the screen says how to open the ticket: {printed}"
    );
    // The changes come first, breaking ones before the others, then Talkdesk's full tables.
    let changes = markdown.find("## What changes").expect("the changes");
    let details = markdown.find("## Integration Details").expect("the details");
    assert!(changes < details);
    let first_breaking = markdown.find("| yes: ").expect("a breaking change");
    let first_other = markdown.find("| no |").expect("another change");
    assert!(first_breaking < first_other, "breaking changes first");
    assert!(markdown.contains("| previous fingerprint | SHA-256 "), "both fingerprints");
    assert_golden("update.md", &markdown);
    let html = String::from_utf8(update_file("update.html").0).expect("utf-8");
    assert!(html.contains("<h1>Update Custom Integration</h1>") && html.contains("<h2>What changes</h2>"));
    assert_golden("update.html", &html);
    let cells = workbook_cells(&update_file("update.xlsx").0);
    assert_eq!(
        cells.as_object().map(|sheets| sheets.keys().cloned().collect::<Vec<_>>()).unwrap_or_default(),
        ["Changes", "Integration", "Actions"]
    );
    assert_golden("update.xlsx.json", &cells_json(&cells));
}

#[test]
fn since_reads_the_old_version_from_git_and_refuses_what_it_cannot_read() {
    let (old, new) = update_pair();
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("t.md");
    let missing = run(&["ticket", &new, "--since", "nowhere.json", "-o", out.to_str().expect("utf-8 path")]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nowhere.json: no such file"), "{}", stderr(&missing));
    assert!(stderr(&missing).contains("give --since the manifest Talkdesk activated"), "{}", stderr(&missing));
    assert!(!out.exists());
    let same = run(&["ticket", &old, "--since", &old, "-o", "-"]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert!(String::from_utf8_lossy(&same.stdout).contains("No changes in meaning since the previous version."));
}

#[test]
fn the_document_leaves_the_ticket_settings_to_the_screen_and_adds_its_own_rows_last() {
    let markdown = String::from_utf8(ticket_file(&example("mycrm"), "t.md")).expect("utf-8");
    assert!(!markdown.contains("Open a ticket"), "how to open the ticket is not for Talkdesk's staff");
    let additions = markdown.find("## Added by integration-wizard").expect("the tool's additions");
    let last_action = markdown.rfind("## Action: ").expect("an action");
    assert!(last_action < additions, "the additions come after Talkdesk's tables");
    for row in ["| requires CTI | no |", "| fingerprint | SHA-256 ", "| checked with | integration-wizard "] {
        assert!(markdown[additions..].contains(row), "{row} in the additions");
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("t.md");
    let output = run(&["ticket", &example("mycrm"), "-o", out.to_str().expect("utf-8 path")]);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.contains("next: open a ticket in Talkdesk's support form (Option \"Technical and Product Support\", Product area \"Integrations\", Subject \"Activate Custom Integration\")"),
        "{printed}"
    );
}

#[test]
fn open_warnings_are_listed_at_the_end() {
    let (_, new) = update_pair();
    let markdown = String::from_utf8(run(&["ticket", &new, "-o", "-"]).stdout).expect("utf-8");
    let additions = &markdown[markdown.find("## Added by integration-wizard").expect("the additions")..];
    assert!(additions.contains("| checked with | integration-wizard "), "{additions}");
    assert!(additions.contains(": 0 errors, 2 warnings |"), "{additions}");
    assert!(additions.contains("| open warnings | • unknown-key at /integration/x-team: "), "{additions}");
}

#[test]
fn markdown_auth_fields_keep_talkdesks_layout_one_line_per_row() {
    let markdown = String::from_utf8(ticket_file(&example("mycrm"), "t.md")).expect("utf-8");
    let lines: Vec<&str> = markdown.lines().collect();
    let at = lines.iter().position(|line| line.starts_with("| authentication_configuration |")).expect("the row");
    assert_eq!(lines[at], "| authentication_configuration | field_name: account |");
    assert_eq!(lines[at + 1], "|  | • display: Account |");
    assert!(!lines[at..at + 20].iter().any(|line| line.contains("<br>")), "no <br> to read around in plain text");
}

/// The XML of one sheet of a workbook (`xl/worksheets/sheetN.xml`).
fn sheet_xml(bytes: &[u8], number: usize) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let mut file = archive.by_name(&format!("xl/worksheets/sheet{number}.xml")).expect("the sheet");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).expect("utf-8 XML");
    xml
}

#[test]
fn the_spreadsheet_reads_like_a_formatted_document() {
    let bytes = ticket_file(&example("mycrm"), "t.xlsx");
    let integration = sheet_xml(&bytes, 1);
    // The header row of the details table stays on screen while scrolling.
    assert!(integration.contains("<pane ySplit=\"") && integration.contains("state=\"frozen\""), "{integration}");
    // Sentences span the columns instead of wrapping inside column A.
    assert!(integration.contains("<mergeCell ref=\"A1:B1\"/>"), "{integration}");
    // Columns fitted to their content: field names narrow, values wider.
    let widths: Vec<f64> = integration
        .split("<col ")
        .skip(1)
        .filter_map(|col| col.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(widths.len(), 2, "{integration}");
    assert!(widths[0] < widths[1] && widths[0] < 40.0 && widths[1] <= 81.0, "{widths:?}");
}

/// The bundled example with `count` copies of its first action, each named apart, and one warning
/// (a plain-http endpoint): a file of many chunks whose warning must be placed.
fn large_example(count: usize) -> String {
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(example("mycrm")).expect("the example")).expect("JSON");
    let first = manifest["actions"][0].clone();
    let actions: Vec<Value> = (0..count)
        .map(|index| {
            let mut action = first.clone();
            action["name"] = json!(format!("create_ticket_{index}"));
            action["display"] = json!(format!("create ticket {index}"));
            action
        })
        .collect();
    manifest["actions"] = Value::Array(actions);
    manifest["integration"]["auth_validation_endpoint"] = json!("http://mycrm.example.org/auth_validation");
    serde_json::to_string_pretty(&manifest).expect("JSON")
}

#[test]
fn a_large_manifest_read_as_it_is_parsed_gets_the_document_of_its_whole_text() {
    let folder = tempfile::tempdir().expect("temp dir");
    let text = large_example(1_500);
    assert!(text.len() > 1 << 20, "many chunks: {} bytes", text.len());
    let file = folder.path().join("big.json");
    std::fs::write(&file, &text).expect("written");
    let manifest = read(text.as_bytes()).expect("a manifest").manifest;
    for (format, name) in [(Format::Markdown, "t.md"), (Format::Html, "t.html"), (Format::Spreadsheet, "t.xlsx")] {
        let written = ticket_file(file.to_str().expect("utf-8 path"), name);
        // The library's document is made from the whole text: its fingerprint and placed findings.
        let whole = ticket::render(&manifest, "big.json", text.as_bytes(), format).expect("a document");
        if format == Format::Spreadsheet {
            assert_eq!(workbook_cells(&written), workbook_cells(&whole));
        } else {
            assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&whole), "{name}");
        }
    }
    let markdown = String::from_utf8(ticket_file(file.to_str().expect("utf-8 path"), "t.md")).expect("utf-8");
    assert!(markdown.contains("plain-http at /integration/auth_validation_endpoint"), "the warning is listed");
}
