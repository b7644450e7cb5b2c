//! `prepdeck config`: the effective settings and where they come from.

use std::process::ExitCode;

use super::home::Home;
use crate::core::text::sanitize_line;
use crate::store::config::{config_path, load_config};

pub fn show(home: &Home) -> anyhow::Result<ExitCode> {
    let path = config_path(home.root());
    let config = load_config(home.root())?;
    let origin = if path.exists() {
        "settings from"
    } else {
        "no config file yet; defaults shown. Create"
    };
    println!("# {origin} {}", sanitize_line(&path.display().to_string()));
    print!("{}", config.to_toml_string());
    Ok(ExitCode::SUCCESS)
}
