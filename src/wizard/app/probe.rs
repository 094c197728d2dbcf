//! Trying one endpoint against the bridge ("try it"): which endpoint the focus names, the credentials
//! (asked once per run, kept in memory only, asked again with `c` on a result), an action's
//! confirmation, and the result coming back from the probe's thread. The probe itself is an effect: update only asks for it.

use super::*;
use crate::probe::shown::Sink;
use crate::probe::{Outcome, Target, refuse_url_by_name};
use crate::wizard::panels::probe::{CredentialsPanel, ProbePanel, ProbeStage, result_lines, title};
use crate::wizard::steps::features::ENDPOINTS;

impl App {
    /// The endpoint the focus names: one of the four endpoint rows of step 2, or an action (its row in
    /// the list, its form, or one of its inputs).
    pub fn try_target(&self) -> Option<Target> {
        let action = |index: usize| {
            let (_, action) = self.doc.manifest.actions().nth(index)?;
            action.name.get().filter(|name| !name.trim().is_empty()).map(|name| Target::Action(name.clone()))
        };
        match (self.page, self.focused_row()) {
            (Page::Step(Step::Features), Some(Row::Text { owner: Owner::Integration, key, .. })) => {
                let targets = [
                    Target::AuthValidation,
                    Target::ContactSynchronization,
                    Target::InteractionRetrieval,
                    Target::AgentSynchronization,
                ];
                ENDPOINTS
                    .iter()
                    .zip(targets)
                    .find(|(field, _)| Key::Integration(field.key) == key)
                    .map(|(_, target)| target)
            }
            (Page::Step(Step::Actions), Some(Row::Item(ListRef::Actions, index))) => action(index),
            (Page::Action(index) | Page::Input { action: index, .. }, _) => action(index),
            _ => None,
        }
    }

    /// `t`: tries the focused endpoint, asking for what is missing first.
    pub(super) fn try_it(&mut self, effects: &mut Vec<Effect>) {
        let Some(target) = self.try_target() else {
            self.status = Some(
                "t tries an endpoint: focus one of the four URLs of step 2 (Features), or an action with a name".into(),
            );
            return;
        };
        let bridge = Bridge::from_manifest(&self.doc.manifest);
        let Some(url) = target.url(&bridge).map(str::to_owned) else {
            self.status = Some(format!("the {} has no URL yet: type one first", title(&target)));
            return;
        };
        // Names only: resolving is I/O, which the probe's thread does before sending anything.
        if let Some(refusal) = refuse_url_by_name(&url, false) {
            let known = self.session.credentials.clone().unwrap_or_default();
            self.overlay = Some(Overlay::Probe(ProbePanel::new(target, url, ProbeStage::Refused(refusal), &known)));
            return;
        }
        let known = self.session.credentials.clone().unwrap_or_default();
        let panel = CredentialsPanel::new(target.clone(), &bridge, &known);
        if !panel.fields.is_empty() {
            self.overlay = Some(Overlay::Credentials(panel));
            return;
        }
        self.session.credentials = Some(known);
        self.confirm_or_probe(target, url, effects);
    }

    /// An action creates a real record: it asks first; other endpoints are probed at once.
    fn confirm_or_probe(&mut self, target: Target, url: String, effects: &mut Vec<Effect>) {
        if matches!(target, Target::Action(_)) {
            let known = self.session.credentials.clone().unwrap_or_default();
            self.overlay = Some(Overlay::Probe(ProbePanel::new(target, url, ProbeStage::ConfirmAction, &known)));
        } else {
            self.start_probe(target, url, effects);
        }
    }

    fn start_probe(&mut self, target: Target, url: String, effects: &mut Vec<Effect>) {
        let bridge = Box::new(Bridge::from_manifest(&self.doc.manifest));
        let credentials = self.session.credentials.clone().unwrap_or_default();
        let panel = ProbePanel::new(target.clone(), url, ProbeStage::Running { frame: 0 }, &credentials);
        effects.push(Effect::Probe { bridge, credentials, target });
        self.overlay = Some(Overlay::Probe(panel));
    }

    pub(super) fn update_credentials(
        &mut self,
        mut panel: CredentialsPanel,
        action: Action,
        effects: &mut Vec<Effect>,
    ) {
        let last = panel.fields.len().saturating_sub(1);
        match action {
            Action::Back => {
                self.status = Some("nothing was sent; t asks for the credentials again".into());
                return;
            }
            Action::Up => panel.focus = panel.focus.saturating_sub(1),
            Action::Down => panel.focus = (panel.focus + 1).min(last),
            Action::Activate if panel.focus < last => panel.focus += 1,
            Action::Activate => match panel.credentials(self.session.credentials.clone().unwrap_or_default()) {
                Ok(credentials) => {
                    self.session.credentials = Some(credentials);
                    let bridge = Bridge::from_manifest(&self.doc.manifest);
                    let url = panel.target.url(&bridge).unwrap_or_default().to_owned();
                    return self.confirm_or_probe(panel.target, url, effects);
                }
                Err(empty) => {
                    panel.focus = panel.fields.iter().position(|field| field.name == empty).unwrap_or(0);
                    self.status = Some(Sink::default().line(&format!("type a value for {empty}, or Esc to cancel")));
                }
            },
            Action::Edit(request) => {
                if let Some(field) = panel.fields.get_mut(panel.focus) {
                    field.input.handle(request);
                }
            }
            Action::Paste(text) => {
                if let Some(field) = panel.fields.get_mut(panel.focus) {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        field.input.handle(tui_input::InputRequest::InsertChar(c));
                    }
                }
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Credentials(panel));
    }

    pub(super) fn update_probe(&mut self, mut panel: ProbePanel, action: Action, effects: &mut Vec<Effect>) {
        match (&panel.stage, action) {
            (ProbeStage::ConfirmAction, Action::Answer('y') | Action::Activate) => {
                return self.start_probe(panel.target, panel.url, effects);
            }
            // After a refusal (or a typo), `c` asks every credential again, then tries the same endpoint.
            (ProbeStage::Done { .. }, Action::Answer('c')) => {
                let bridge = Bridge::from_manifest(&self.doc.manifest);
                let asking = CredentialsPanel::new(panel.target.clone(), &bridge, &Credentials::default());
                if !asking.fields.is_empty() {
                    self.overlay = Some(Overlay::Credentials(asking));
                    return;
                }
                self.status = Some("the manifest has no mandatory authentication field to ask for".into());
            }
            (ProbeStage::ConfirmAction, Action::Answer('n')) | (_, Action::Back) => {
                if matches!(panel.stage, ProbeStage::Running { .. }) {
                    self.status = Some(format!("the probe of the {} goes on; its result shows here", panel.title()));
                }
                return;
            }
            (_, Action::Up) => panel.scroll = panel.scroll.saturating_sub(1),
            (ProbeStage::Done { lines, .. }, Action::Down) => {
                panel.scroll = (panel.scroll + 1).min(lines.len().saturating_sub(1))
            }
            (_, Action::PageUp) => panel.scroll = panel.scroll.saturating_sub(10),
            (ProbeStage::Done { lines, .. }, Action::PageDown) => {
                panel.scroll = (panel.scroll + 10).min(lines.len().saturating_sub(1))
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Probe(panel));
    }

    /// The loop's probe finished: its panel shows the result, or (closed meanwhile) the status says it.
    /// `credentials` are those the probe ended with (what the authorization validator returned too).
    pub(super) fn probed(&mut self, report: crate::probe::EndpointReport, credentials: &Credentials) {
        let mut seen = self.session.credentials.clone().unwrap_or_default();
        for value in credentials.every_value() {
            seen.remember(value);
        }
        let sink = Sink::new(&seen);
        let lines = result_lines(&report, &sink);
        let ok = report.outcome() == Outcome::Pass;
        match &mut self.overlay {
            // Only the panel of this endpoint: another probe may have been started after this one's panel closed.
            Some(Overlay::Probe(panel))
                if matches!(panel.stage, ProbeStage::Running { .. }) && reports_on(&report, &panel.target) =>
            {
                panel.stage = ProbeStage::Done { ok, lines };
                panel.scroll = 0;
                panel.sink = sink;
            }
            _ => {
                let target = match &report.action {
                    Some(name) => Target::Action(name.clone()),
                    None => Target::AuthValidation,
                };
                let name =
                    if report.action.is_some() { title(&target) } else { report.kind.as_str().replace('_', " ") };
                let verdict = match report.outcome() {
                    Outcome::Pass | Outcome::Skipped => "kept its contract",
                    Outcome::Unreachable => "could not be reached",
                    Outcome::Fail => "broke its contract",
                    Outcome::Refused => "refused the credentials",
                };
                self.status = Some(sink.line(&format!("the {name} {verdict} (t on it shows the details)")));
            }
        }
    }

    /// Turns the spinner of a running probe.
    pub(super) fn tick(&mut self) {
        if let Some(Overlay::Probe(ProbePanel { stage: ProbeStage::Running { frame }, .. })) = &mut self.overlay {
            *frame = frame.wrapping_add(1);
        }
    }

    /// True while a probe runs and its panel shows a spinner: the loop then wakes up to turn it.
    pub fn probing(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Probe(ProbePanel { stage: ProbeStage::Running { .. }, .. })))
    }
}

/// True when `report` is the result of probing `target`.
fn reports_on(report: &crate::probe::EndpointReport, target: &Target) -> bool {
    report.kind == target.kind()
        && match target {
            Target::Action(name) => report.action.as_deref() == Some(name.as_str()),
            _ => true,
        }
}
