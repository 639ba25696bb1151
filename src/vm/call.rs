//! Calls: binding arguments to parameters, instantiating classes, and
//! building classes from their bodies.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::objects::{Args, Class, Dict, Function, Kind};
use crate::value::{PyStr, Value};
use crate::vm::code::{CO_VARARGS, CO_VARKEYWORDS};
use crate::vm::eval;
use crate::vm::frame::Frame;
use crate::vm::types::{c3_mro, make_class};
use crate::vm::{PyResult, Vm};

thread_local! {
    /// Lowest safe stack address for this thread (0: unknown, no check).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Record how much native stack the interpreter may use from here on.
pub fn set_stack_budget(bytes: usize) {
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    STACK_LIMIT.with(|l| l.set(addr.saturating_sub(bytes)));
}

/// Whether this thread has a stack budget yet.
pub fn has_stack_budget() -> bool {
    STACK_LIMIT.with(|l| l.get() != 0)
}

/// Set the budget from the current thread's real stack bounds, keeping a
/// margin, so an embedding host's thread of any size gets RecursionError
/// rather than a stack overflow.
pub fn set_stack_budget_from_thread() {
    if has_stack_budget() {
        return;
    }
    match thread_stack_low() {
        Some(low) => STACK_LIMIT.with(|l| l.set(low + (256 << 10))),
        None => set_stack_budget(1 << 20),
    }
}

#[cfg(target_os = "linux")]
fn thread_stack_low() -> Option<usize> {
    // SAFETY: pthread_getattr_np fills the attr for the calling thread; we
    // read its stack address/size and destroy the attr. No pointers escape.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if ok && !addr.is_null() {
            Some(addr as usize)
        } else {
            None
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn thread_stack_low() -> Option<usize> {
    None
}

/// True when the native stack is nearly used up: deep recursion then raises
/// RecursionError instead of overflowing.
#[inline]
pub fn stack_exhausted() -> bool {
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    STACK_LIMIT.with(|l| addr < l.get())
}

/// A built-in type's method called through the type (`list.append(l, x)`):
/// a self of another type fails inside the method, whose message then
/// becomes CPython's for a descriptor applied to the wrong object.
#[inline(never)]
fn call_unbound_method(vm: &Vm, b: &Rc<crate::objects::Builtin>, args: Args) -> PyResult<Value> {
    let first = args.args.first().cloned();
    let r = crate::probes::cfunction_call(vm, b, args);
    match (r, first) {
        (Err(e), Some(t)) if vm.is_exc(&e, &vm.types.exc.type_error) => {
            let wrong_self = crate::vm::exc::exception_str(vm, &e.0).is_ok_and(|m| m.starts_with("descriptor requires a"));
            if wrong_self {
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    b.name,
                    b.owner,
                    vm.type_name(&t)
                )));
            }
            Err(e)
        }
        (r, _) => r,
    }
}

pub fn call(vm: &Vm, f: &Value, mut args: Args) -> PyResult<Value> {
    match f {
        Value::Func(func) => call_function(vm, func, std::mem::take(&mut args.args), std::mem::take(&mut args.kwargs)),
        Value::Builtin(b) => {
            if let Some(s) = &b.bound {
                args.args.insert(0, s.clone());
            } else if b.is_method {
                return call_unbound_method(vm, b, args);
            }
            crate::probes::cfunction_call(vm, b, args)
        }
        Value::Method(m) => {
            args.args.insert(0, m.obj.clone());
            call(vm, &m.func, args)
        }
        Value::Class(c) => call_class(vm, c, args),
        Value::StaticMethod(inner) => call(vm, inner, args),
        Value::Instance(i) => {
            let cls = i.class();
            match cls.lookup("__call__") {
                Some(m) => {
                    args.args.insert(0, f.clone());
                    call(vm, &m, args)
                }
                None => Err(vm.type_error(format!("'{}' object is not callable", cls.name))),
            }
        }
        _ => Err(vm.type_error(format!("'{}' object is not callable", vm.type_name(f)))),
    }
}

pub fn callable_name(vm: &Vm, f: &Value) -> String {
    match f {
        Value::Func(func) => format!("{}()", func.qualname.borrow()),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Method(m) => callable_name(vm, &m.func),
        Value::Class(c) => format!("{}()", c.name),
        _ => format!("{} object", vm.type_name(f)),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {}", n, word)
    } else {
        format!("{} {}s", n, word)
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Fill a new frame's locals from the call's arguments.
pub fn bind_args(vm: &Vm, func: &Function, frame: &mut Frame, mut args: Vec<Value>, kwargs: Vec<(Rc<PyStr>, Value)>) -> PyResult<()> {
    let code = &func.code;
    let argc = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let posonly = code.posonlyargcount as usize;
    let has_varargs = code.flags & CO_VARARGS != 0;
    let has_varkw = code.flags & CO_VARKEYWORDS != 0;
    let nargs = args.len();
    let fname = || func.qualname.borrow().clone();

    if nargs == argc && kwargs.is_empty() && !has_varargs && !has_varkw && kwonly == 0 {
        for (i, a) in args.into_iter().enumerate() {
            frame.fast[i] = Some(a);
        }
    } else {
        let mut extra = Vec::new();
        if nargs > argc {
            if !has_varargs {
                let ndef = func.defaults.borrow().len();
                let given_kwonly = kwargs
                    .iter()
                    .filter(|(k, _)| code.varnames[argc..argc + kwonly].iter().any(|v| v.as_str() == k.as_str()))
                    .count();
                let takes = if ndef > 0 {
                    format!("from {} to {} positional arguments", argc - ndef, argc)
                } else {
                    plural(argc, "positional argument")
                };
                let given = if given_kwonly > 0 {
                    format!(
                        "{} positional argument{} (and {} keyword-only argument{}) were given",
                        nargs,
                        if nargs == 1 { "" } else { "s" },
                        given_kwonly,
                        if given_kwonly == 1 { "" } else { "s" }
                    )
                } else if nargs == 1 {
                    "1 was given".to_string()
                } else {
                    format!("{} were given", nargs)
                };
                return Err(vm.type_error(format!("{}() takes {} but {}", fname(), takes, given)));
            }
            extra = args.split_off(argc);
        }
        for (i, a) in args.into_iter().enumerate() {
            frame.fast[i] = Some(a);
        }
        let mut idx = argc + kwonly;
        if has_varargs {
            frame.fast[idx] = Some(Value::tuple(extra));
            idx += 1;
        }
        let kwdict = if has_varkw {
            let d = Rc::new(RefCell::new(Dict::new()));
            let v = Value::Dict(d.clone());
            crate::gc::track(&v);
            frame.fast[idx] = Some(v);
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (name, v) in kwargs {
            let pos = code.varnames[posonly..argc + kwonly]
                .iter()
                .position(|n| n.as_str() == name.as_str())
                .map(|p| p + posonly);
            match pos {
                Some(p) => {
                    if frame.fast[p].is_some() {
                        return Err(vm.type_error(format!("{}() got multiple values for argument '{}'", fname(), name.as_str())));
                    }
                    frame.fast[p] = Some(v);
                }
                None => {
                    if let Some(d) = &kwdict {
                        let k = vm.key(&Value::Str(name))?;
                        d.borrow_mut().insert(k, v);
                    } else if code.varnames[..posonly].iter().any(|n| n.as_str() == name.as_str()) {
                        posonly_as_kw.push(name.as_str().to_string());
                    } else {
                        return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{}'", fname(), name.as_str())));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(vm.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname(),
                posonly_as_kw.join(", ")
            )));
        }
        let defaults = func.defaults.borrow();
        let ndef = defaults.len();
        let mut missing = Vec::new();
        for i in 0..argc {
            if frame.fast[i].is_none() {
                if i + ndef >= argc {
                    frame.fast[i] = Some(defaults[i + ndef - argc].clone());
                } else {
                    missing.push(code.varnames[i].as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let kwdefaults = func.kwdefaults.borrow();
        for i in argc..argc + kwonly {
            if frame.fast[i].is_none() {
                let name = code.varnames[i].as_str();
                match kwdefaults.iter().find(|(k, _)| k.as_str() == name) {
                    Some((_, v)) => frame.fast[i] = Some(v.clone()),
                    None => missing.push(name.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    for (ci, arg) in code.cell2arg.iter().enumerate() {
        if let Some(a) = arg {
            let v = frame.fast[*a as usize].take();
            *frame.cells[ci].borrow_mut() = v;
        }
    }
    Ok(())
}

pub fn function_frame(vm: &Vm, func: &Function, args: Vec<Value>, kwargs: Vec<(Rc<PyStr>, Value)>) -> PyResult<Frame> {
    let mut frame = Frame::new(func.code.clone(), func.globals.clone(), None);
    frame.cells.extend(func.closure.iter().cloned());
    bind_args(vm, func, &mut frame, args, kwargs)?;
    Ok(frame)
}

pub fn call_function(vm: &Vm, func: &Rc<Function>, args: Vec<Value>, kwargs: Vec<(Rc<PyStr>, Value)>) -> PyResult<Value> {
    let mut frame = function_frame(vm, func, args, kwargs)?;
    if func.code.is_generator() {
        return Ok(eval::make_generator(func.code.clone(), frame, func));
    }
    eval::run_frame(vm, &mut frame)
}

pub(crate) fn is_builtin(v: &Value, owner: &str, name: &str) -> bool {
    matches!(v, Value::Builtin(b) if b.owner == owner && b.name == name)
}

pub fn call_class(vm: &Vm, cls: &Rc<Class>, mut args: Args) -> PyResult<Value> {
    let meta = cls.meta.borrow().clone();
    if let Some(m) = meta {
        if let Some(f) = m
            .mro_iter()
            .take_while(|c| !c.builtin)
            .find_map(|c| c.dict.borrow().get_str("__call__"))
        {
            args.args.insert(0, Value::Class(cls.clone()));
            return call(vm, &f, args);
        }
    }
    type_call(vm, cls, args)
}

/// type.__call__: __new__ then __init__.
pub fn type_call(vm: &Vm, cls: &Rc<Class>, mut args: Args) -> PyResult<Value> {
    if Rc::ptr_eq(cls, &vm.types.type_) && args.args.len() == 1 && args.kwargs.is_empty() {
        return Ok(Value::Class(vm.type_of(&args.args[0])));
    }
    let new = cls.special(crate::objects::Special::New).unwrap_or(Value::None);
    let obj_new = is_builtin(&new, "object", "__new__");
    if cls.builtin && !obj_new {
        // A built-in type with a __new__ of its own: that does the whole job.
        args.args.insert(0, Value::Class(cls.clone()));
        return call(vm, &new, args);
    }
    let init = cls.special(crate::objects::Special::Init).unwrap_or(Value::None);
    let obj_init = is_builtin(&init, "object", "__init__");
    if obj_new && obj_init && (!args.args.is_empty() || !args.kwargs.is_empty()) {
        return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
    }
    if cls.builtin {
        args.args.insert(0, Value::Class(cls.clone()));
        return call(vm, &new, args);
    }
    crate::probes::instance_new_start(cls);
    let r = (|| {
        let obj = if obj_new {
            eval::new_instance(cls, default_base(vm, cls))
        } else {
            let mut a = Args {
                args: Vec::with_capacity(args.args.len() + 1),
                kwargs: args.kwargs.clone(),
            };
            a.args.push(Value::Class(cls.clone()));
            a.args.extend(args.args.iter().cloned());
            call(vm, &new, a)?
        };
        if !vm.isinstance(&obj, cls) {
            return Ok(obj);
        }
        if !obj_init {
            // The usual __init__(self, positional...): its frame is filled
            // directly, as a simple call's is.
            if let Value::Func(func) = &init {
                if args.kwargs.is_empty() && eval::simple_call(func, args.args.len() + 1) {
                    let mut frame = crate::vm::frame::Frame::new(func.code.clone(), func.globals.clone(), None);
                    frame.cells.extend(func.closure.iter().cloned());
                    frame.fast[0] = Some(obj.clone());
                    for (slot, v) in frame.fast[1..].iter_mut().zip(std::mem::take(&mut args.args)) {
                        *slot = Some(v);
                    }
                    init_returned(vm, eval::run_frame(vm, &mut frame)?)?;
                    return Ok(obj);
                }
            }
            // A function binds to the instance; other objects bind as
            // attributes do (a built-in function or a callable instance
            // without __get__ is called without it).
            let r = if let Value::Func(_) = &init {
                let mut a = args;
                a.args.insert(0, obj.clone());
                call(vm, &init, a)?
            } else {
                let bound = vm.descriptor_get(&init, &obj, cls)?;
                call(vm, &bound, args)?
            };
            init_returned(vm, r)?;
        }
        Ok(obj)
    })();
    crate::probes::instance_new_done(cls);
    r
}

/// What `__init__` returned: anything but None is a TypeError. (The
/// error is made in a function of its own: with its formatting in here,
/// every `__init__`'s return saved and restored six registers. Out of
/// line, as it was: inlined into `step` it moved the register allocation
/// there, fib +0.6% instructions.)
#[inline(never)]
pub(crate) fn init_returned(vm: &Vm, r: Value) -> PyResult<()> {
    if let Value::None = r {
        return Ok(());
    }
    init_returned_other(vm, r)
}

#[cold]
#[inline(never)]
fn init_returned_other(vm: &Vm, r: Value) -> PyResult<()> {
    Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_name(&r))))
}

/// The built-in value inside a fresh instance of a class deriving from a built-in type.
pub fn default_base(_vm: &Vm, cls: &Rc<Class>) -> Value {
    match cls.kind {
        Kind::List => Value::list(vec![]),
        Kind::Dict => Value::dict(Dict::new()),
        Kind::Set => Value::set(crate::objects::Set::new()),
        Kind::BaseException => Value::tuple(vec![]),
        Kind::Int => Value::Int(0),
        Kind::Float => Value::Float(0.0),
        Kind::Str => Value::str(""),
        Kind::Tuple => Value::tuple(vec![]),
        _ => Value::None,
    }
}

/// `__build_class__(func, name, *bases, **kwds)`: run the class body, then make the class.
pub fn build_class(vm: &Vm, mut args: Args) -> PyResult<Value> {
    let mut it = std::mem::take(&mut args.args).into_iter();
    let (Some(Value::Func(body)), Some(name)) = (it.next(), it.next()) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let bases: Vec<Value> = it.collect();
    let mut meta: Option<Value> = None;
    let mut kwargs = Vec::new();
    for (k, v) in std::mem::take(&mut args.kwargs) {
        if k.as_str() == "metaclass" {
            meta = Some(v);
        } else {
            kwargs.push((k, v));
        }
    }
    if meta.is_none() {
        for b in &bases {
            if let Value::Class(c) = b {
                if let Some(m) = c.meta.borrow().clone() {
                    meta = Some(Value::Class(m));
                    break;
                }
            }
        }
    }
    let ns = Rc::new(RefCell::new(Dict::new()));
    let mut frame = Frame::new(body.code.clone(), body.globals.clone(), Some(ns.clone()));
    frame.cells.extend(body.closure.iter().cloned());
    eval::run_frame(vm, &mut frame)?;
    let cell = ns.borrow_mut().remove_str("__classcell__");
    let name = name.as_str().unwrap_or("?").to_string();
    let cls = match meta {
        Some(Value::Class(m)) if !m.builtin => {
            // A user metaclass: call it like type(name, bases, ns).
            let r = call(
                vm,
                &Value::Class(m),
                Args::new(vec![Value::str(&name), Value::tuple(bases), Value::Dict(ns)]),
            )?;
            if let (Some(Value::Cell(c)), Value::Class(_)) = (&cell, &r) {
                *c.borrow_mut() = Some(r.clone());
            }
            return Ok(r);
        }
        _ => type_new(vm, &name, bases, ns, &body.code.filename, kwargs)?,
    };
    if let Some(Value::Cell(c)) = cell {
        *c.borrow_mut() = Some(Value::Class(cls.clone()));
    }
    Ok(Value::Class(cls))
}

pub fn type_new(
    vm: &Vm,
    name: &str,
    bases: Vec<Value>,
    ns: Rc<RefCell<Dict>>,
    filename: &str,
    kwargs: Vec<(Rc<PyStr>, Value)>,
) -> PyResult<Rc<Class>> {
    let mut base_classes = Vec::new();
    for b in &bases {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    if base_classes.is_empty() {
        base_classes.push(vm.types.object.clone());
    }
    for b in &base_classes {
        if b.builtin
            && matches!(
                b.kind,
                Kind::Bool | Kind::Range | Kind::Slice | Kind::Function | Kind::Generator | Kind::NoneType
            )
        {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", b.name)));
        }
    }
    let mro = match c3_mro(&base_classes) {
        Some(m) => m,
        None => {
            let names: Vec<String> = base_classes.iter().map(|b| b.name.clone()).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    let kind = mro.iter().map(|c| c.kind).find(|k| *k != Kind::Object).unwrap_or(Kind::Object);
    let mut dict = ns.borrow().clone();
    for special in ["__init_subclass__", "__class_getitem__"] {
        if let Some(Value::Func(f)) = dict.get_str(special) {
            dict.set_str(special, Value::ClassMethod(Rc::new(Value::Func(f))));
        }
    }
    if let Some(Value::Func(f)) = dict.get_str("__new__") {
        dict.set_str("__new__", Value::StaticMethod(Rc::new(Value::Func(f))));
    }
    let module = match dict.get_str("__module__") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "builtins".to_string(),
    };
    let qualname = match dict.get_str("__qualname__") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => name.to_string(),
    };
    dict.remove_str("__qualname__");
    if !dict.contains_str("__doc__") {
        dict.set_str("__doc__", Value::None);
    }
    let cls = Rc::new(Class {
        name: name.to_string(),
        qualname: RefCell::new(qualname),
        module: RefCell::new(module),
        bases: base_classes,
        mro,
        dict: crate::objects::ClassDict::new(dict),
        cache: Default::default(),
        kind,
        builtin: false,
        filename: filename.to_string(),
        c_name: crate::objects::c_string(name),
        c_filename: crate::objects::c_string(filename),
        meta: RefCell::new(None),
        inst_attrs: Default::default(),
    });
    let _ = make_class;
    crate::gc::track(&Value::Class(cls.clone()));
    if let Some(m) = cls.bases.iter().find_map(|b| b.meta.borrow().clone()) {
        *cls.meta.borrow_mut() = Some(m);
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    let items = cls.dict.borrow().items();
    for (k, v) in items {
        if let Value::Instance(i) = &v {
            if let Some(m) = i.class().lookup("__set_name__") {
                vm.call(&m, vec![v.clone(), Value::Class(cls.clone()), k.clone()])?;
            }
        }
    }
    if let Some(parent) = cls.mro.first() {
        if let Some(Value::ClassMethod(f)) = parent.lookup("__init_subclass__") {
            call(
                vm,
                &f,
                Args {
                    args: vec![Value::Class(cls.clone())],
                    kwargs,
                },
            )?;
        } else if !kwargs.is_empty() {
            return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.mro[0].name)));
        }
    }
    Ok(cls)
}
