//! Per-platform probe emission for sonde, behind one small API.
//!
//! For every probe of `provider/python.d` this crate has a module with
//! `enabled()` (is a tracer attached?) and `fire(args)`. The VM calls `fire`
//! only inside `if enabled()`, and computes arguments only there, so an idle
//! probe costs one predictable branch.
//!
//! Backends (chosen by build.rs, in one place, from the target and the
//! `probes` feature):
//! - Linux on x86_64 and aarch64: SDT probes (`.note.stapsdt` v3 notes with
//!   typed argument specs and one `python_<probe>_semaphore` per probe in
//!   `.probes`), as sys/sdt.h makes them, so bpftrace, stap and gdb see them.
//! - everything else, and `--no-default-features`: `enabled()` is a constant
//!   false and every probe compiles to nothing. DTrace/DOF for illumos,
//!   FreeBSD and macOS is a later backend.

#![warn(clippy::undocumented_unsafe_blocks)]

pub mod dof;

include!(concat!(env!("OUT_DIR"), "/probes.rs"));
