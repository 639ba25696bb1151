//! The `gc` module: CPython's interface to the cycle collector of
//! `crate::gc`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::gc::GENERATIONS;
use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An optional generation argument, checked as CPython checks it.
fn generation(vm: &Vm, args: &Args, name: &str) -> PyResult<Option<usize>> {
    args.check(vm, name, 0, 1)?;
    match args.get(0, "generation") {
        None | Some(Value::None) => Ok(None),
        Some(g) => {
            let g = vm.index_value(&g)?;
            if !(0..GENERATIONS as i64).contains(&g) {
                return Err(vm.value_error("invalid generation"));
            }
            Ok(Some(g as usize))
        }
    }
}

fn collect(vm: &Vm, args: Args) -> PyResult<Value> {
    let gen = generation(vm, &args, "collect")?.unwrap_or(GENERATIONS - 1);
    Ok(Value::Int(crate::gc::collect(vm, gen) as i64))
}
fn enable(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "enable", 0, 0)?;
    crate::gc::set_enabled(true);
    Ok(Value::None)
}
fn disable(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "disable", 0, 0)?;
    crate::gc::set_enabled(false);
    Ok(Value::None)
}
fn isenabled(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isenabled", 0, 0)?;
    Ok(Value::Bool(crate::gc::enabled()))
}
fn ints(v: [usize; GENERATIONS]) -> Value {
    Value::tuple(v.iter().map(|&n| Value::Int(n as i64)).collect())
}
fn get_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_count", 0, 0)?;
    Ok(ints(crate::gc::count()))
}
fn get_threshold(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_threshold", 0, 0)?;
    Ok(ints(crate::gc::threshold()))
}
fn set_threshold(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs(vm, "set_threshold")?;
    args.check(vm, "set_threshold", 1, 3)?;
    let mut t = crate::gc::threshold();
    for (i, v) in args.args.iter().enumerate() {
        // CPython stores C ints; negative thresholds behave as 0 there.
        t[i] = vm.index_value(v)?.max(0) as usize;
    }
    crate::gc::set_threshold(t);
    Ok(Value::None)
}
fn is_tracked(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "is_tracked", 1, 1)?;
    Ok(Value::Bool(crate::gc::is_tracked(&args.args[0])))
}
fn is_finalized(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "is_finalized", 1, 1)?;
    Ok(Value::Bool(matches!(&args.args[0], Value::Instance(i) if i.finalized.get())))
}
fn get_objects(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_objects", 0, 1)?;
    let gen = match args.get(0, "generation") {
        None | Some(Value::None) => None,
        Some(g) => {
            let g = vm.index_value(&g)?;
            if g >= GENERATIONS as i64 {
                return Err(vm.value_error(format!(
                    "generation parameter must be less than the number of available generations ({GENERATIONS})"
                )));
            }
            if g < 0 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
    };
    Ok(Value::list(crate::gc::objects(gen)))
}
fn get_referents(_vm: &Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for a in &args.args {
        out.extend(crate::gc::referents(a));
    }
    Ok(Value::list(out))
}
fn get_referrers(_vm: &Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for o in crate::gc::objects(None) {
        let refs = crate::gc::referents(&o);
        if refs.iter().any(|r| args.args.iter().any(|t| r.is(t))) {
            out.push(o);
        }
    }
    Ok(Value::list(out))
}
fn freeze(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "freeze", 0, 0)?;
    crate::gc::freeze();
    Ok(Value::None)
}
fn unfreeze(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "unfreeze", 0, 0)?;
    crate::gc::unfreeze();
    Ok(Value::None)
}
fn get_freeze_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_freeze_count", 0, 0)?;
    Ok(Value::Int(crate::gc::freeze_count() as i64))
}
fn get_stats(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_stats", 0, 0)?;
    let stats = crate::gc::stats();
    let mut out = Vec::new();
    for s in stats {
        let mut d = crate::objects::Dict::new();
        d.set_str("collections", Value::Int(s[0] as i64));
        d.set_str("collected", Value::Int(s[1] as i64));
        d.set_str("uncollectable", Value::Int(0));
        out.push(Value::dict(d));
    }
    Ok(Value::list(out))
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
            ("is_finalized", is_finalized),
            ("get_objects", get_objects),
            ("get_referents", get_referents),
            ("get_referrers", get_referrers),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("get_stats", get_stats),
        ],
    );
    let callbacks = Rc::new(RefCell::new(Vec::new()));
    crate::gc::set_callbacks(&callbacks);
    let mut d = m.dict.borrow_mut();
    d.set_str("garbage", Value::list(vec![]));
    d.set_str("callbacks", Value::List(callbacks));
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        d.set_str(name, Value::Int(v));
    }
    drop(d);
    m
}
