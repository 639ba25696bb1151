//! The `gc` module. Reference counting frees everything but cycles; the cycle
//! collector itself is the garbage-collector issue's. Until then these report
//! CPython's defaults and `collect()` finds nothing.

use std::cell::Cell;
use std::rc::Rc;

use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

fn collect(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "collect", 0, 1)?;
    if let Some(g) = args.get(0, "generation") {
        let g = vm.index_value(&g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    Ok(Value::Int(0))
}
fn enable(_vm: &Vm, _args: Args) -> PyResult<Value> {
    ENABLED.with(|e| e.set(true));
    Ok(Value::None)
}
fn disable(_vm: &Vm, _args: Args) -> PyResult<Value> {
    ENABLED.with(|e| e.set(false));
    Ok(Value::None)
}
fn isenabled(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(ENABLED.with(|e| e.get())))
}
fn get_count(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::Int(0), Value::Int(0), Value::Int(0)]))
}
fn get_threshold(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let (a, b, c) = THRESHOLD.with(|t| t.get());
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}
fn set_threshold(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "set_threshold", 1, 3)?;
    let (_, mut b, mut c) = THRESHOLD.with(|t| t.get());
    let a = vm.index_value(&args.args[0])?;
    if let Some(v) = args.args.get(1) {
        b = vm.index_value(v)?;
    }
    if let Some(v) = args.args.get(2) {
        c = vm.index_value(v)?;
    }
    THRESHOLD.with(|t| t.set((a, b, c)));
    Ok(Value::None)
}
fn is_tracked(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(matches!(
        args.args.first(),
        Some(
            Value::List(_)
                | Value::Dict(_)
                | Value::Set(_)
                | Value::Tuple(_)
                | Value::Instance(_)
                | Value::Func(_)
                | Value::Class(_)
                | Value::Module(_)
                | Value::Generator(_)
                | Value::Method(_)
        )
    )))
}

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("is_tracked", is_tracked),
        ],
    );
    m.dict.borrow_mut().set_str("garbage", Value::list(vec![]));
    m.dict.borrow_mut().set_str("callbacks", Value::list(vec![]));
    m
}
