//! The `dtrace` module: whether this build can fire probes, and how.

use std::rc::Rc;

use crate::objects::Module;
use crate::value::Value;
use crate::vm::Vm;

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(vm, "dtrace", &[]);
    let available = cfg!(feature = "probes") && sonde_arch::AVAILABLE;
    m.dict.borrow_mut().set_str("available", Value::Bool(available));
    // "sdt" (Linux), "dtrace" (illumos, FreeBSD, macOS) or "none".
    let backend = if available { sonde_arch::BACKEND } else { "none" };
    m.dict.borrow_mut().set_str("backend", Value::str(backend));
    m
}
