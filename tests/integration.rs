//! Integration tests: one test binary (see Cargo.toml), one module per concern.

#[path = "integration/browser.rs"]
mod browser;
#[path = "integration/cli.rs"]
mod cli;
#[path = "integration/extract.rs"]
mod extract;
#[path = "integration/fuzz.rs"]
mod fuzz;
#[path = "integration/properties.rs"]
mod properties;
#[path = "integration/quality.rs"]
mod quality;
#[path = "integration/robustness.rs"]
mod robustness;
#[path = "integration/run.rs"]
mod run;
#[path = "integration/spellings.rs"]
mod spellings;
#[path = "integration/util.rs"]
mod util;
