//! The `dtrace` module: whether this build can fire probes.

use std::rc::Rc;

use crate::objects::Module;
use crate::value::Value;
use crate::vm::Vm;

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(vm, "dtrace", &[]);
    let available = cfg!(feature = "probes") && sonde_arch::AVAILABLE;
    m.dict.borrow_mut().set_str("available", Value::Bool(available));
    m
}
