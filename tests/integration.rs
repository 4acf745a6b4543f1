//! Integration tests: one test binary (see Cargo.toml), one module per concern.

#[path = "integration/spellings.rs"]
mod spellings;
