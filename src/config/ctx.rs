//! What every resolver of the config reads: the config's text and file name (for the line of an
//! error) and the names of its fields (to resolve a field reference), with the two helpers that
//! make an error and resolve a reference.

use super::{line_of, ConfigError, FieldId};

/// The config being resolved.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) file: &'a str,
    pub(super) names: Vec<String>,
}

impl Ctx<'_> {
    pub(super) fn err<T>(
        &self,
        offset: usize,
        key: &str,
        message: impl Into<String>,
    ) -> Result<T, ConfigError> {
        Err(ConfigError {
            file: self.file.to_string(),
            line: Some(line_of(self.text, offset)),
            message: format!("key `{key}`: {}", message.into()),
        })
    }

    pub(super) fn field(
        &self,
        name: &str,
        offset: usize,
        key: &str,
    ) -> Result<FieldId, ConfigError> {
        match self.names.iter().position(|n| n == name) {
            Some(i) => Ok(i),
            None => self.err(
                offset,
                key,
                format!(
                    "no field named '{name}'; define it under [fields.{name}] (fields defined: {})",
                    self.names.join(", ")
                ),
            ),
        }
    }
}
