//! Per-platform probe emission for sonde, behind one small API.
//!
//! For every probe of `provider/python.d` this crate has a module with
//! `enabled()` (is a tracer attached?) and `fire(args)`. The VM calls `fire`
//! only inside `if enabled()`, and computes arguments only there, so an idle
//! probe costs one predictable branch.
//!
//! Backends (selected here, in one place):
//! - this first version has only the no-op backend: `enabled()` is a constant
//!   false and every probe compiles to nothing. The Linux SDT, DTrace/DOF and
//!   macOS backends replace `backend` per platform.

#![warn(clippy::undocumented_unsafe_blocks)]

include!(concat!(env!("OUT_DIR"), "/probes.rs"));

mod backend {
    /// No tracer can attach in the no-op backend.
    #[inline(always)]
    pub const fn enabled(_probe: &str) -> bool {
        false
    }
}

/// Whether this build can fire probes at all (the `probes` feature on a
/// platform with a backend).
pub const AVAILABLE: bool = false;
