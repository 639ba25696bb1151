//! The `time` module.

use std::rc::Rc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static START: Instant = Instant::now();
}

fn now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn time(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(now()))
}

fn time_ns(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(Value::from_bigint(num_bigint::BigInt::from(ns)))
}

fn perf_counter(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn perf_counter_ns(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(START.with(|s| s.elapsed().as_nanos() as i64)))
}

fn sleep(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sleep", 1, 1)?;
    let secs = crate::objects::num::to_float(vm, &args.args[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}

pub fn make(vm: &Vm) -> Rc<Module> {
    super::native_module(
        vm,
        "_time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", perf_counter),
            ("sleep", sleep),
        ],
    )
}
