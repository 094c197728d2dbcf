//! The example manifests bundled in `assets/examples`, offered on the start screen.

/// A bundled example: its title on the start screen and its JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub title: &'static str,
    pub json: &'static str,
}

/// Every bundled example.
pub const EXAMPLES: [Example; 2] = [
    Example {
        title: "mycrm: based on the Talkdesk page's example, one action",
        json: include_str!("../../assets/examples/mycrm.json"),
    },
    Example {
        title: "acmedesk: OAuth 2.0, CTI, two actions using every input type",
        json: include_str!("../../assets/examples/oauth2-helpdesk.json"),
    },
];
