//! The "try it" panel (SPEC §8 in the wizard): one endpoint's probe, the confirmation an action
//! needs, the spinner while the probe runs on its thread (`Effect::Probe`), then the request sent
//! (credentials masked) and the answer, escaped. Every line shown comes out of the probe's [`Sink`],
//! as the command's output does. Its credentials are asked by `credentials.rs`.

use super::credentials::CredentialsPanel;
use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::manifest::Severity;
use crate::probe::contracts::{Bridge, Credentials};
use crate::probe::report::exchange_lines;
use crate::probe::shown::Sink;
use crate::probe::{EndpointReport, Finding, Outcome, Target};
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::centered;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// How many lines of each answer's body the panel shows.
const BODY_LINES: usize = 40;

/// What the probe panel shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ProbeStage {
    /// An action creates a real record: run it? (y / Enter)
    ConfirmAction,
    /// The probe runs on its thread; `frame` turns the spinner.
    Running {
        /// The spinner's frame.
        frame: usize,
    },
    /// Not sent: the URL is refused (plain http to another machine, not a URL).
    Refused(Finding),
    /// The probe's result, as lines already masked and escaped.
    Done {
        /// No finding is an error.
        ok: bool,
        /// The lines to show.
        lines: Vec<String>,
    },
}

/// The panel of one endpoint's probe.
#[derive(Debug, Clone)]
pub struct ProbePanel {
    /// The endpoint tried.
    pub target: Target,
    /// The endpoint's URL, as configured.
    pub url: String,
    /// Where the probe is.
    pub stage: ProbeStage,
    /// The first line shown of a long result.
    pub scroll: usize,
    /// What every line of the panel goes through: it masks the credentials in use.
    pub sink: Sink,
}

impl ProbePanel {
    /// The panel of `target` at `url`, at `stage`, masking `credentials` in what it shows.
    pub fn new(target: Target, url: String, stage: ProbeStage, credentials: &Credentials) -> ProbePanel {
        ProbePanel { target, url, stage, scroll: 0, sink: Sink::new(credentials) }
    }

    /// The panel's title: which endpoint.
    pub fn title(&self) -> String {
        title(&self.target)
    }
}

const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

/// An action creates a real record: it asks first; other endpoints are probed at once.
pub(crate) fn confirm_or_probe(app: &mut App, target: Target, url: String, effects: &mut Vec<Effect>) {
    if matches!(target, Target::Action(_)) {
        let known = app.credentials();
        app.open(ProbePanel::new(target, url, ProbeStage::ConfirmAction, &known));
    } else {
        start(app, target, url, effects);
    }
}

/// Asks the loop to probe `target`, the panel turning its spinner until the result comes back.
fn start(app: &mut App, target: Target, url: String, effects: &mut Vec<Effect>) {
    let bridge = Box::new(Bridge::from_manifest(&app.doc.manifest));
    let credentials = app.credentials();
    let panel = ProbePanel::new(target.clone(), url, ProbeStage::Running { frame: 0 }, &credentials);
    effects.push(Effect::Probe { bridge, credentials, target });
    app.open(panel);
}

impl Panel for ProbePanel {
    fn update(mut self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match (&self.stage, action) {
            (ProbeStage::ConfirmAction, Action::Answer('y') | Action::Activate) => {
                let ProbePanel { target, url, .. } = *self;
                return start(app, target, url, effects);
            }
            // After a refusal (or a typo), `c` asks every credential again, then tries the same endpoint.
            (ProbeStage::Done { .. }, Action::Answer('c')) => {
                let bridge = Bridge::from_manifest(&app.doc.manifest);
                let asking = CredentialsPanel::new(self.target.clone(), &bridge, &Credentials::default());
                if !asking.fields.is_empty() {
                    app.open(asking);
                    return;
                }
                app.status = Some("the manifest has no mandatory authentication field to ask for".into());
            }
            (ProbeStage::ConfirmAction, Action::Answer('n')) | (_, Action::Back) => {
                if matches!(self.stage, ProbeStage::Running { .. }) {
                    app.status = Some(format!("the probe of the {} goes on; its result shows here", self.title()));
                }
                return;
            }
            (_, Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            (ProbeStage::Done { lines, .. }, Action::Down) => {
                self.scroll = (self.scroll + 1).min(lines.len().saturating_sub(1))
            }
            (_, Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            (ProbeStage::Done { lines, .. }, Action::PageDown) => {
                self.scroll = (self.scroll + 10).min(lines.len().saturating_sub(1))
            }
            _ => {}
        }
        app.open_boxed(self);
    }

    fn scopes(&self) -> &'static [Scope] {
        match self.stage {
            ProbeStage::Done { .. } => &[Scope::ProbeResult, Scope::Panel],
            ProbeStage::ConfirmAction => &[Scope::Question],
            ProbeStage::Running { .. } | ProbeStage::Refused(_) => &[Scope::Panel],
        }
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        match self.stage {
            ProbeStage::ConfirmAction => keys(&[(C::Yes, "run it"), (C::No, "do not run it")]),
            ProbeStage::Done { .. } => {
                keys(&[(C::Move, "scroll"), (C::NewCredentials, "new credentials"), (C::Back, "close")])
            }
            ProbeStage::Running { .. } | ProbeStage::Refused(_) => keys(&[(C::Move, "scroll"), (C::Back, "close")]),
        }
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        render(app, self, frame);
    }

    panel_basics!();
}

/// "auth validation", "action create_ticket" (escaped: a name comes from the manifest).
pub(crate) fn title(target: &Target) -> String {
    match target {
        Target::Action(name) => format!("action {}", crate::escape::line(name)),
        other => other.kind().as_str().replace('_', " "),
    }
}

/// The lines of a finished probe, out of `sink`: the verdict, the findings, then each request and
/// its answer.
pub(crate) fn result_lines(report: &EndpointReport, sink: &Sink) -> Vec<String> {
    let verdict = match report.outcome() {
        Outcome::Skipped => "SKIPPED",
        Outcome::Pass => "PASS: the endpoint kept its contract",
        Outcome::Unreachable => "FAIL: the endpoint could not be reached",
        Outcome::Fail => "FAIL: the endpoint broke its contract",
        Outcome::Refused => "REFUSED",
    };
    let status = report.status.map_or_else(|| "no answer".to_owned(), |status| format!("status {status}"));
    let mut lines = vec![format!("{verdict} ({status})")];
    lines.extend(report.notes.iter().cloned());
    lines.extend(report.findings.iter().map(finding_line));
    for exchange in &report.exchanges {
        lines.push(String::new());
        lines.extend(exchange_lines(exchange, BODY_LINES));
    }
    sink.lines(lines)
}

/// `error[code] /pointer: message`, as the command prints it.
pub(crate) fn finding_line(finding: &Finding) -> String {
    let severity = if finding.severity == Severity::Error { "error" } else { "warning" };
    match &finding.pointer {
        Some(pointer) => format!("{severity}[{}] {pointer}: {}", finding.code, finding.message),
        None => format!("{severity}[{}]: {}", finding.code, finding.message),
    }
}

/// Draws one endpoint's probe panel, as large as the screen allows for a result.
fn render(app: &App, panel: &ProbePanel, frame: &mut Frame) {
    let theme = app.theme;
    let key = |key: &str| Span::styled(format!(" {key} "), theme.key());
    let url = panel.sink.line(&panel.url);
    let mut lines = vec![Line::raw(format!("POST {url}")), Line::raw("")];
    match &panel.stage {
        ProbeStage::ConfirmAction => {
            lines.push(Line::styled(
                "Actions create real records: this sends the action to the bridge, which creates one in the external system.",
                theme.warning(),
            ));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![key("y"), Span::raw("run it   "), key("n / Esc"), Span::raw("do not run it")]));
        }
        ProbeStage::Running { frame: turn } => {
            let spinner = SPINNER[turn % SPINNER.len()];
            lines.push(Line::raw(format!("{spinner} probing… (the wizard goes on; Esc closes this panel)")));
        }
        ProbeStage::Refused(finding) => {
            lines.push(Line::styled("not sent", theme.error()));
            lines.push(Line::raw(panel.sink.line(&finding.message)));
        }
        ProbeStage::Done { ok, lines: result } => {
            for (index, line) in result.iter().enumerate().skip(panel.scroll) {
                let style = match (index, ok) {
                    (0, true) => theme.ok(),
                    (0, false) => theme.error(),
                    _ if line.starts_with("error[") => theme.error(),
                    _ if line.starts_with("warning[") => theme.warning(),
                    _ => ratatui::style::Style::default(),
                };
                lines.push(Line::styled(line.clone(), style));
            }
        }
    }
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).clamp(20, 110);
    let tall = matches!(panel.stage, ProbeStage::Done { .. });
    let height =
        if tall { screen.height.saturating_sub(2) } else { u16::try_from(lines.len() + 3).unwrap_or(u16::MAX) };
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let keys = if tall { "c new credentials, Esc closes" } else { "Esc closes" };
    let title = format!(" Try the {} ({keys}) ", title(&panel.target));
    let block = Block::bordered().title(Span::styled(one_line(&title).into_owned(), theme.title()));
    // Long lines wrap (a finding's message is read whole); ↑↓ scroll through a long result.
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
