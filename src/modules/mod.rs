//! Built-in modules (written in Rust) and bundled modules (written in Python,
//! compiled on first import).

pub mod dtrace;
pub mod gc;
pub mod io;
pub mod math;
pub mod os;
pub mod random;
pub mod regex;
pub mod sys;
pub mod time;

use std::rc::Rc;

use crate::objects::{BuiltinFn, Module};
use crate::value::Value;
use crate::vm::{import, PyResult, Vm};

pub fn install(vm: &Vm) {
    let sys = sys::make(vm);
    vm.modules.borrow_mut().set_str("sys", sys);
    let b = import::new_module(vm, "builtins");
    let m = Rc::new(Module {
        name: "builtins".into(),
        dict: vm.builtins.clone(),
    });
    let _ = b;
    vm.modules.borrow_mut().set_str("builtins", Value::Module(m));
}

/// A module whose functions are Rust builtins.
pub fn native_module(vm: &Vm, name: &'static str, fns: &[(&'static str, BuiltinFn)]) -> Rc<Module> {
    let m = import::new_module(vm, name);
    {
        let mut d = m.dict.borrow_mut();
        for (n, f) in fns {
            d.set_str(
                n,
                Value::Builtin(Rc::new(crate::objects::Builtin {
                    name: n,
                    func: *f,
                    owner: name,
                    is_method: false,
                    bound: None,
                    fast: None,
                })),
            );
        }
    }
    m
}

pub fn builtin_module(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(Value::Module(match name {
        "math" => math::make(vm),
        "_time" => time::make(vm),
        "gc" => gc::make(vm),
        "dtrace" => dtrace::make(vm),
        "_os" => os::make(vm),
        "_random" => random::make(vm),
        "_re" => regex::make(vm),
        _ => return Ok(None),
    })))
}

/// Pure-Python modules shipped inside the binary.
pub fn bundled_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "collections" => include_str!("py/collections.py"),
        "functools" => include_str!("py/functools.py"),
        "itertools" => include_str!("py/itertools.py"),
        "operator" => include_str!("py/operator.py"),
        "string" => include_str!("py/string.py"),
        "abc" => include_str!("py/abc.py"),
        "copy" => include_str!("py/copy.py"),
        "heapq" => include_str!("py/heapq.py"),
        "bisect" => include_str!("py/bisect.py"),
        "contextlib" => include_str!("py/contextlib.py"),
        "typing" => include_str!("py/typing.py"),
        "dataclasses" => include_str!("py/dataclasses.py"),
        "enum" => include_str!("py/enum.py"),
        "random" => include_str!("py/random.py"),
        "json" => include_str!("py/json.py"),
        "statistics" => include_str!("py/statistics.py"),
        "textwrap" => include_str!("py/textwrap.py"),
        "re" => include_str!("py/re.py"),
        "datetime" => include_str!("py/datetime.py"),
        "io" => include_str!("py/io.py"),
        "time" => include_str!("py/time.py"),
        "_complex" => include_str!("py/_complex.py"),
        "cmath" => include_str!("py/cmath.py"),
        "collections.abc" => include_str!("py/collections_abc.py"),
        "os" => include_str!("py/os.py"),
        "posixpath" => include_str!("py/posixpath.py"),
        _ => return None,
    })
}
