//! Switching the authentication type: which fields the old type required and the new one does not,
//! and removing those still exactly as the wizard added them.
//!
//! "Never edited" is decided by content, not by history: a field counts as untouched while it is
//! exactly the field [`added_field`] makes (same name, display, `mandatory` and `store` true, the
//! type the wizard chose, no help, no format, no other key). This survives saving and reopening,
//! and a field the author changed in any way, even in another editor, is never removed.

use super::model::{AuthField, Manifest};
use super::seed_tables::{AuthFieldType, AuthenticationType, RequiredField};
use super::slot::Slot;

/// The field the wizard adds when a type requires `required` and the list lacks it.
pub(crate) fn added_field(required: &RequiredField) -> AuthField {
    let field_type = if required.masked { AuthFieldType::Password } else { AuthFieldType::Input };
    AuthField {
        field_name: Slot::Value(required.field_name.to_owned()),
        display: Slot::Value(required.display.to_owned()),
        mandatory: Slot::Value(true),
        field_type: Slot::Value(field_type.into()),
        store: Slot::Value(true),
        ..AuthField::default()
    }
}

/// A field in the list that the previous type required and the new one does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoLongerRequired {
    pub field_name: &'static str,
    /// Still exactly as the wizard added it (see the module's documentation): safe to remove.
    pub as_added: bool,
}

impl Manifest {
    /// The fields in the list (the first of each name) that `from` requires and `to` does not, in
    /// `from`'s order.
    pub fn no_longer_required(&self, from: AuthenticationType, to: AuthenticationType) -> Vec<NoLongerRequired> {
        from.required_fields()
            .iter()
            .filter(|required| !to.required_fields().iter().any(|kept| kept.field_name == required.field_name))
            .filter_map(|required| {
                let field = self.first_auth_field_named(required.field_name)?;
                Some(NoLongerRequired { field_name: required.field_name, as_added: *field == added_field(required) })
            })
            .collect()
    }

    /// The fields `to` requires that `from` did not and that were already in the list: required again.
    pub fn required_again(&self, from: Option<AuthenticationType>, to: AuthenticationType) -> Vec<&'static str> {
        let before: &[RequiredField] = from.map_or(&[], AuthenticationType::required_fields);
        to.required_fields()
            .iter()
            .filter(|required| !before.iter().any(|earlier| earlier.field_name == required.field_name))
            .filter(|required| self.first_auth_field_named(required.field_name).is_some())
            .map(|required| required.field_name)
            .collect()
    }

    /// Removes the first field of each of `names` that the chosen type does not require and that is
    /// still exactly as the wizard added it; returns the names removed, in list order.
    pub fn remove_fields_as_added(&mut self, names: &[&'static str]) -> Vec<&'static str> {
        let required_now = self.authentication_type().map_or(&[][..], AuthenticationType::required_fields);
        let removable: Vec<&RequiredField> = AuthenticationType::ALL
            .iter()
            .flat_map(|kind| kind.required_fields())
            .filter(|required| names.contains(&required.field_name))
            .filter(|required| !required_now.iter().any(|now| now.field_name == required.field_name))
            .collect();
        let Some(fields) = self.integration_mut().authentication_configuration.get_mut() else {
            return Vec::new();
        };
        let mut removed = Vec::new();
        fields.retain(|slot| {
            let Some(field) = slot.get() else { return true };
            let matching = removable.iter().find(|required| field.field_name.as_str() == Some(required.field_name));
            match matching {
                Some(required) if !removed.contains(&required.field_name) && *field == added_field(required) => {
                    removed.push(required.field_name);
                    false
                }
                _ => true,
            }
        });
        removed
    }

    fn first_auth_field_named(&self, name: &str) -> Option<&AuthField> {
        let fields = self.integration()?.authentication_configuration.get()?;
        fields.iter().filter_map(Slot::get).find(|field| field.field_name.as_str() == Some(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::edit::Owner;

    fn switched(from: AuthenticationType, to: AuthenticationType) -> Manifest {
        let mut manifest = Manifest::new();
        manifest.set_authentication_type(from);
        manifest.set_authentication_type(to);
        manifest
    }

    #[test]
    fn the_fields_the_new_type_no_longer_requires_are_named_in_the_old_types_order() {
        use AuthenticationType as T;
        let manifest = switched(T::OAuth2Password, T::OAuth2ClientCredentials);
        let names: Vec<_> = manifest.no_longer_required(T::OAuth2Password, T::OAuth2ClientCredentials);
        assert_eq!(
            names,
            vec![
                NoLongerRequired { field_name: "username", as_added: true },
                NoLongerRequired { field_name: "password", as_added: true }
            ]
        );
        assert!(manifest.no_longer_required(T::OAuth2ClientCredentials, T::OAuth2Password).is_empty());
    }

    #[test]
    fn an_edited_field_is_not_as_added_and_is_never_removed() {
        use AuthenticationType as T;
        let mut manifest = switched(T::OAuth2Password, T::OAuth2ClientCredentials);
        let index = (0..manifest.auth_field_count())
            .find(|&index| manifest.auth_field(index).and_then(|f| f.field_name.as_str()) == Some("username"))
            .expect("username was added");
        manifest.set_text(Owner::AuthField(index), crate::manifest::AuthFieldKey::Help, "your login");
        let found = manifest.no_longer_required(T::OAuth2Password, T::OAuth2ClientCredentials);
        assert_eq!(found[0], NoLongerRequired { field_name: "username", as_added: false });
        assert_eq!(manifest.remove_fields_as_added(&["username", "password"]), vec!["password"]);
        assert_eq!(manifest.auth_field_count(), 5, "site, client_id, client_secret, username, access_token_url");
    }

    #[test]
    fn a_field_the_chosen_type_requires_is_never_removed() {
        let mut manifest = switched(AuthenticationType::OAuth2, AuthenticationType::OAuth2);
        assert!(manifest.remove_fields_as_added(&["site", "client_id"]).is_empty());
        assert_eq!(manifest.auth_field_count(), 5);
    }

    #[test]
    fn fields_present_before_are_required_again_not_added() {
        use AuthenticationType as T;
        let manifest = switched(T::OAuth2Password, T::OAuth2ClientCredentials);
        assert_eq!(
            manifest.required_again(Some(T::OAuth2ClientCredentials), T::OAuth2Password),
            ["username", "password"]
        );
        assert!(manifest.required_again(Some(T::OAuth2Password), T::OAuth2ClientCredentials).is_empty());
    }
}
