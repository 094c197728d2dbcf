//! The wizard's six steps and the pages inside them (a step's own page, or an item opened from its list).

/// A step of the wizard, in order (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Step {
    /// 1: the integration's name, texts and endpoints.
    Integration,
    /// 2: the features it offers.
    Features,
    /// 3: how users authenticate.
    Authentication,
    /// 4: the authentication fields.
    AuthFields,
    /// 5: the actions and their inputs.
    Actions,
    /// 6: the findings, then save.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] =
        [Step::Integration, Step::Features, Step::Authentication, Step::AuthFields, Step::Actions, Step::Review];

    /// The step's name in the step list.
    pub fn title(self) -> &'static str {
        match self {
            Step::Integration => "Integration",
            Step::Features => "Features",
            Step::Authentication => "Authentication",
            Step::AuthFields => "Auth fields",
            Step::Actions => "Actions",
            Step::Review => "Review & save",
        }
    }

    /// The step's position, counted from 0.
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|step| *step == self).unwrap_or(0)
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    /// The step before this one, if any.
    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|index| Step::ALL[index])
    }
}

/// What the middle of the screen shows: a step's page, or one item opened from a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Page {
    /// A step's own page.
    Step(Step),
    /// One authentication field's form.
    AuthField(usize),
    /// One action's form, with its inputs.
    Action(usize),
    /// One input's form.
    Input {
        /// The action's index.
        action: usize,
        /// The input's index within the action.
        input: usize,
    },
}

impl Page {
    /// The step this page belongs to.
    pub fn step(self) -> Step {
        match self {
            Page::Step(step) => step,
            Page::AuthField(_) => Step::AuthFields,
            Page::Action(_) | Page::Input { .. } => Step::Actions,
        }
    }
}
