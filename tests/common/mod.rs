//! What the test binaries that drive outside tools share.

use std::process::Command;

/// Whether `tool --version` runs here. If it does not, the test fails with
/// `why`, unless the environment variable `optional_var` is `optional`,
/// in which case the caller skips and says so.
pub fn tool_available(tool: &str, why: &str, optional_var: &str) -> bool {
    let ok = Command::new(tool)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        assert!(
            std::env::var(optional_var).is_ok_and(|v| v == "optional"),
            "{tool} cannot run here ({why}); set {optional_var}=optional to skip"
        );
        eprintln!("skipping: {tool} not available and {optional_var}=optional");
    }
    ok
}
