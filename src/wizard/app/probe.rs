//! Trying one endpoint against the bridge ("try it"): which endpoint the focus names, the credentials
//! (asked once per run, kept in memory only, asked again with `c` on a result), an action's
//! confirmation, and the result coming back from the probe's thread. The probe itself is an effect: update only asks for it.

use super::*;
use crate::probe::shown::Sink;
use crate::probe::{Outcome, Target, refuse_url_by_name};
use crate::wizard::panels::credentials::CredentialsPanel;
use crate::wizard::panels::probe::{ProbePanel, ProbeStage, confirm_or_probe, result_lines, title};
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
            self.open(ProbePanel::new(target, url, ProbeStage::Refused(refusal), &known));
            return;
        }
        let known = self.session.credentials.clone().unwrap_or_default();
        let panel = CredentialsPanel::new(target.clone(), &bridge, &known);
        if !panel.fields.is_empty() {
            self.open(panel);
            return;
        }
        self.session.credentials = Some(known);
        confirm_or_probe(self, target, url, effects);
    }

    /// The credentials typed so far in this run (none yet: empty).
    pub(crate) fn credentials(&self) -> Credentials {
        self.session.credentials.clone().unwrap_or_default()
    }

    /// Keeps the credentials typed, for the rest of the run (in memory only).
    pub(crate) fn remember_credentials(&mut self, credentials: Credentials) {
        self.session.credentials = Some(credentials);
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
        match self.panel_as_mut::<ProbePanel>() {
            // Only the panel of this endpoint: another probe may have been started after this one's panel closed.
            Some(panel) if matches!(panel.stage, ProbeStage::Running { .. }) && reports_on(&report, &panel.target) => {
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
        if let Some(ProbePanel { stage: ProbeStage::Running { frame }, .. }) = self.panel_as_mut::<ProbePanel>() {
            *frame = frame.wrapping_add(1);
        }
    }

    /// True while a probe runs and its panel shows a spinner: the loop then wakes up to turn it.
    pub fn probing(&self) -> bool {
        matches!(self.panel_as::<ProbePanel>(), Some(ProbePanel { stage: ProbeStage::Running { .. }, .. }))
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
