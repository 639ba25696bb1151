//! The `sys` module.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::{Args, Dict};
use crate::value::Value;
use crate::vm::types::make_class;
use crate::vm::{PyErr, PyResult, Vm};

fn exit(vm: &Vm, mut args: Args) -> PyResult<Value> {
    args.check(vm, "exit", 0, 1)?;
    Err(PyErr(vm.new_exc(&vm.types.exc.system_exit, std::mem::take(&mut args.args))))
}

fn getrecursionlimit(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.index_value(&args.args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit.set(n.min(u32::MAX as i64) as u32);
    Ok(Value::None)
}

fn exc_info(vm: &Vm, _args: Args) -> PyResult<Value> {
    let h = vm.handled.borrow().clone();
    if h.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let tb = vm.getattr(&h, "__traceback__")?;
    Ok(Value::tuple(vec![Value::Class(vm.type_of(&h)), h, tb]))
}

fn exception(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.handled.borrow().clone())
}

fn intern(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "intern", 1, 1)?;
    Ok(args.args[0].clone())
}

fn getsizeof(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = &args.required(vm, "getsizeof", 0, "object")?;
    Ok(Value::Int(match v {
        Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::List(l) => 56 + 8 * l.borrow().len() as i64,
        Value::Tuple(t) => 40 + 8 * t.len() as i64,
        Value::Dict(_) => 232,
        _ => {
            let _ = vm;
            64
        }
    }))
}

fn getdefaultencoding(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn audit(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.is_empty() {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    let event = vm.str(&args.args[0])?;
    crate::probes::audit(vm, &event, &args.args[1..])?;
    Ok(Value::None)
}

pub fn make(vm: &Vm) -> Value {
    let m = super::native_module(
        vm,
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("intern", intern),
            ("getsizeof", getsizeof),
            ("getdefaultencoding", getdefaultencoding),
            ("audit", audit),
        ],
    );
    {
        let mut d = m.dict.borrow_mut();
        d.set_str("argv", Value::list(vec![Value::str("")]));
        d.set_str("path", vm.sys_path.clone());
        d.set_str("modules", Value::Dict(vm.modules.clone()));
        d.set_str("maxsize", Value::Int(i64::MAX));
        d.set_str("maxunicode", Value::Int(0x10ffff));
        d.set_str(
            "byteorder",
            Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }),
        );
        d.set_str("platform", Value::str(std::env::consts::OS));
        d.set_str("version", Value::str(&format!("3.11.7 (sonde {})", env!("CARGO_PKG_VERSION"))));
        d.set_str(
            "executable",
            Value::str(&std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default()),
        );
        d.set_str("stdout", io_value(vm, "<stdout>", super::io::Kind::Stdout));
        d.set_str("stderr", io_value(vm, "<stderr>", super::io::Kind::Stderr));
        d.set_str("stdin", io_value(vm, "<stdin>", super::io::Kind::Stdin));
        for n in ["stdout", "stderr", "stdin"] {
            let v = d.get_str(n).unwrap();
            d.set_str(&format!("__{}__", n), v);
        }
        d.set_str("dont_write_bytecode", Value::Bool(true));
        d.set_str(
            "builtin_module_names",
            Value::tuple(
                ["builtins", "sys", "math", "time", "gc", "dtrace"]
                    .iter()
                    .map(|s| Value::str(s))
                    .collect(),
            ),
        );
        // version_info: a tuple with named fields.
        let vi_cls = make_class("version_info", crate::objects::Kind::Tuple, vec![vm.types.tuple.clone()], "sys");
        let vi = crate::vm::eval::new_instance(
            &vi_cls,
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        );
        if let Value::Instance(i) = &vi {
            let mut a = i.dict.borrow_mut();
            a.set_str("major", Value::Int(3));
            a.set_str("minor", Value::Int(11));
            a.set_str("micro", Value::Int(7));
            a.set_str("releaselevel", Value::str("final"));
            a.set_str("serial", Value::Int(0));
        }
        d.set_str("version_info", vi);
        let impl_ns = Rc::new(RefCell::new(Dict::new()));
        impl_ns.borrow_mut().set_str("name", Value::str("sonde"));
        d.set_str(
            "implementation",
            Value::Module(Rc::new(crate::objects::Module {
                name: "implementation".into(),
                dict: impl_ns,
            })),
        );
    }
    Value::Module(m)
}

fn io_value(_vm: &Vm, name: &str, kind: super::io::Kind) -> Value {
    Value::File(Rc::new(RefCell::new(super::io::File::new(
        name,
        if matches!(kind, super::io::Kind::Stdin) { "r" } else { "w" },
        kind,
    ))))
}

fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    match vm.modules.borrow().get_str("sys") {
        Some(Value::Module(m)) => m.dict.borrow().get_str(name),
        _ => None,
    }
}

pub fn stdout(vm: &Vm) -> Value {
    sys_attr(vm, "stdout").unwrap_or(Value::None)
}
pub fn stderr(vm: &Vm) -> Value {
    sys_attr(vm, "stderr").unwrap_or(Value::None)
}
pub fn stdin(vm: &Vm) -> Value {
    sys_attr(vm, "stdin").unwrap_or(Value::None)
}

pub fn set_argv(vm: &Vm, argv: &[String]) {
    if let Some(Value::Module(m)) = vm.modules.borrow().get_str("sys") {
        m.dict
            .borrow_mut()
            .set_str("argv", Value::list(argv.iter().map(|a| Value::str(a)).collect()));
    }
}
