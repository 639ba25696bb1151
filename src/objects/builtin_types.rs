//! object, type, BaseException, and the smaller built-in types (generators,
//! iterators, property, staticmethod, classmethod, super, range, slice).

use std::rc::Rc;

use crate::objects::{add_method, Args, BuiltinFn, Class, Kind, Property, Super};
use crate::value::{RangeObj, Value};
use crate::vm::{call, eval, exc, PyResult, Vm};

fn object_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.args.first() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if cls.builtin && cls.kind != Kind::Object {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", cls.name, cls.name)));
    }
    if cls.builtin {
        return Ok(eval::new_instance(cls, Value::None));
    }
    Ok(eval::new_instance(cls, call::default_base(vm, cls)))
}

fn object_init(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 1 || !args.kwargs.is_empty() {
        let cls = vm.type_of(&args.args[0]);
        let init_overridden = cls.lookup("__init__").map(|i| !matches!(i, Value::Builtin(_))).unwrap_or(false);
        let new_overridden = cls.lookup("__new__").map(|n| !matches!(n, Value::Builtin(_))).unwrap_or(false);
        if init_overridden || !new_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let cls = vm.type_of(v);
    let module = cls.module.borrow().clone();
    let qual = cls.qualname.borrow().clone();
    let name = if module == "builtins" {
        qual
    } else {
        format!("{}.{}", module, qual)
    };
    Ok(Value::string(format!("<{} object at 0x{:x}>", name, v.ptr().unwrap_or(0))))
}

fn object_str(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&args.args[0])?))
}

fn object_eq(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(if args.args[0].is(&args.args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &Vm, args: Args) -> PyResult<Value> {
    let r = vm.compare(&args.args[0], &args.args[1], crate::vm::instr::op::EQ)?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_hash(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int((args.args[0].ptr().unwrap_or(0) >> 4) as i64))
}

fn object_setattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__setattr__", 3, 3)?;
    let name = vm.str(&args.args[1])?;
    vm.generic_setattr(&args.args[0], &name, args.args[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__delattr__", 2, 2)?;
    let name = vm.str(&args.args[1])?;
    vm.generic_delattr(&args.args[0], &name)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__getattribute__", 2, 2)?;
    let name = vm.str(&args.args[1])?;
    match vm.generic_getattr(&args.args[0], &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args.args[0], &name)),
    }
}

fn object_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.get(1).map(|s| vm.str(s)).transpose()?.unwrap_or_default();
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args.args[0])
        )));
    }
    Ok(Value::string(vm.str(&args.args[0])?))
}

fn object_init_subclass(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_dir(vm: &Vm, args: Args) -> PyResult<Value> {
    crate::builtins::dir_of(vm, &args.args[0])
}

fn type_mro(_vm: &Vm, args: Args) -> PyResult<Value> {
    match &args.args[0] {
        Value::Class(c) => Ok(Value::list(c.mro_iter().map(|k| Value::Class(k.clone())).collect())),
        _ => Ok(Value::list(vec![])),
    }
}

fn type_new(vm: &Vm, args: Args) -> PyResult<Value> {
    // type.__new__(meta, name, bases, ns) or type(name, bases, ns)
    let a = &args.args;
    if a.len() == 2 {
        return Ok(Value::Class(vm.type_of(&a[1])));
    }
    if a.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = vm.str(&a[1])?;
    let bases = vm.to_vec(&a[2])?;
    let ns = match &a[3] {
        Value::Dict(d) => Rc::new(std::cell::RefCell::new(d.borrow().clone())),
        _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
    };
    if !ns.borrow().contains_str("__module__") {
        ns.borrow_mut().set_str("__module__", Value::str("__main__"));
    }
    let cls = call::type_new(vm, &name, bases, ns, "", vec![])?;
    if let Value::Class(meta) = &a[0] {
        if !Rc::ptr_eq(meta, &vm.types.type_) {
            *cls.meta.borrow_mut() = Some(meta.clone());
        }
    }
    Ok(Value::Class(cls))
}

fn type_call_m(vm: &Vm, mut args: Args) -> PyResult<Value> {
    let Value::Class(c) = args.args.remove(0) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    call::type_call(vm, &c, args)
}

fn type_subclasses(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::list(vec![]))
}

// ---- exceptions

fn exc_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.args.first() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    // OSError(errno, msg) picks the subclass for the errno, as CPython does.
    let e = &vm.types.exc;
    if Rc::ptr_eq(cls, &e.os_error) && args.args.len() >= 3 {
        if let Value::Int(n) = args.args[1] {
            let sub = match n {
                2 => Some(&e.file_not_found_error),
                17 => Some(&e.file_exists_error),
                1 | 13 => Some(&e.permission_error),
                21 => Some(&e.is_a_directory_error),
                20 => Some(&e.not_a_directory_error),
                110 => Some(&e.timeout_error),
                32 => Some(&e.broken_pipe_error),
                111 => Some(&e.connection_refused_error),
                104 => Some(&e.connection_reset_error),
                103 => Some(&e.connection_aborted_error),
                11 | 115 => Some(&e.blocking_io_error),
                10 => Some(&e.child_process_error),
                4 => Some(&e.interrupted_error),
                3 => Some(&e.process_lookup_error),
                _ => None,
            };
            if let Some(sub) = sub {
                return Ok(exc::new_exception(sub, args.args[1..].to_vec()));
            }
        }
    }
    Ok(exc::new_exception(cls, args.args[1..].to_vec()))
}

fn exc_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    if let Value::Instance(i) = &args.args[0] {
        *i.base.borrow_mut() = Value::tuple(args.args[1..].to_vec());
    }
    Ok(Value::None)
}

fn exc_str(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(exc::exception_str(vm, &args.args[0])?))
}

fn exc_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(exc::exception_repr(vm, &args.args[0])?))
}

fn exc_with_traceback(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn exc_add_note(vm: &Vm, args: Args) -> PyResult<Value> {
    if let Value::Instance(i) = &args.args[0] {
        let notes = i.dict.borrow().get_str("__notes__");
        let notes = match notes {
            Some(n) => n,
            None => {
                let l = Value::list(vec![]);
                i.dict.borrow_mut().set_str("__notes__", l.clone());
                l
            }
        };
        if let Value::List(l) = notes {
            l.borrow_mut().push(args.args.get(1).cloned().unwrap_or(Value::None));
        }
    }
    let _ = vm;
    Ok(Value::None)
}

// ---- generators and iterators

fn gen_of(vm: &Vm, v: &Value) -> PyResult<Rc<crate::objects::Generator>> {
    match v {
        Value::Generator(g) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_send(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "send", 2, 2)?;
    let g = gen_of(vm, &args.args[0])?;
    eval::gen_send(vm, &g, args.args[1].clone())
}

fn gen_throw(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "throw", 2, 4)?;
    let g = gen_of(vm, &args.args[0])?;
    let mut e = args.args[1].clone();
    if let (Value::Class(c), Some(val)) = (&e, args.args.get(2)) {
        if vm.isinstance(val, c) {
            e = val.clone();
        } else if !val.is_none() {
            e = vm.call(&e, vec![val.clone()])?;
        }
    }
    eval::gen_throw(vm, &g, e)
}

fn gen_close(vm: &Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(vm, &args.args[0])?;
    eval::gen_close(vm, &g)?;
    Ok(Value::None)
}

fn iter_next(vm: &Vm, args: Args) -> PyResult<Value> {
    match vm.next(&args.args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_iter(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

// ---- descriptors

fn none_new(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn property_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let get = |i: usize, n: &str| args.get(i, n).unwrap_or(Value::None);
    let _ = vm;
    Ok(Value::Property(Rc::new(Property {
        fget: get(1, "fget"),
        fset: get(2, "fset"),
        fdel: get(3, "fdel"),
        doc: get(4, "doc"),
    })))
}

fn property_with(vm: &Vm, args: &Args, which: u8) -> PyResult<Value> {
    let Value::Property(p) = &args.args[0] else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let f = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Property(Rc::new(Property {
        fget: if which == 0 { f.clone() } else { p.fget.clone() },
        fset: if which == 1 { f.clone() } else { p.fset.clone() },
        fdel: if which == 2 { f } else { p.fdel.clone() },
        doc: p.doc.clone(),
    })))
}
fn property_getter(vm: &Vm, args: Args) -> PyResult<Value> {
    property_with(vm, &args, 0)
}
fn property_setter(vm: &Vm, args: Args) -> PyResult<Value> {
    property_with(vm, &args, 1)
}
fn property_deleter(vm: &Vm, args: Args) -> PyResult<Value> {
    property_with(vm, &args, 2)
}
fn property_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Property(p) = &args.args[0] else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    match args.args.get(1) {
        Some(Value::None) | None => Ok(args.args[0].clone()),
        Some(obj) => vm.call(&p.fget, vec![obj.clone()]),
    }
}

fn staticmethod_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "staticmethod", 2, 2)?;
    Ok(Value::StaticMethod(Rc::new(args.args[1].clone())))
}

fn classmethod_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "classmethod", 2, 2)?;
    Ok(Value::ClassMethod(Rc::new(args.args[1].clone())))
}

fn super_new(vm: &Vm, args: Args) -> PyResult<Value> {
    match args.args.len() {
        1 => Err(vm.runtime_error("super(): no arguments")),
        3 => {
            let Value::Class(c) = &args.args[1] else {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&args.args[1]))));
            };
            let obj = args.args[2].clone();
            let of_type = matches!(&obj, Value::Class(oc) if oc.is_subclass(c));
            if !of_type && !vm.isinstance(&obj, c) {
                return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
            Ok(Value::Super(Rc::new(Super {
                class: c.clone(),
                obj,
                of_type,
            })))
        }
        _ => Err(vm.type_error("super() takes 0 or 2 arguments")),
    }
}

// ---- range and slice

fn range_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs(vm, "range")?;
    let a = &args.args[1..];
    let idx = |v: &Value| -> PyResult<i64> {
        match v {
            Value::Float(_) | Value::Str(_) | Value::None => {
                Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
            }
            Value::Long(_) => Err(vm.overflow("Python int too large to convert to C ssize_t")),
            _ => vm.index_value(v),
        }
    };
    let (start, stop, step) = match a.len() {
        1 => (0, idx(&a[0])?, 1),
        2 => (idx(&a[0])?, idx(&a[1])?, 1),
        3 => (idx(&a[0])?, idx(&a[1])?, idx(&a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

fn range_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "range.count", 2, 2)?;
    Ok(Value::Int(vm.contains(&args.args[0], &args.args[1])? as i64))
}

fn range_index(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "range.index", 2, 2)?;
    let Value::Range(r) = &args.args[0] else {
        return Err(vm.type_error(format!(
            "descriptor requires a 'range' object but received a '{}'",
            vm.type_name(&args.args[0])
        )));
    };
    if !vm.contains(&args.args[0], &args.args[1])? {
        return Err(vm.value_error(format!("{} is not in range", vm.repr(&args.args[1])?)));
    }
    let n = vm.index_value(&args.args[1])?;
    Ok(Value::Int((n - r.start) / r.step))
}

fn slice_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = &args.args[1..];
    let (s, e, st) = match a.len() {
        1 => (Value::None, a[0].clone(), Value::None),
        2 => (a[0].clone(), a[1].clone(), Value::None),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {}", n))),
    };
    Ok(Value::Slice(Rc::new([s, e, st])))
}

fn slice_indices(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "slice.indices", 2, 2)?;
    let Value::Slice(s) = &args.args[0] else {
        return Err(vm.type_error(format!(
            "descriptor requires a 'slice' object but received a '{}'",
            vm.type_name(&args.args[0])
        )));
    };
    let n = vm.index_value(&args.args[1])?;
    let (a, b, c, _) = crate::objects::subscript::slice_indices(vm, s, n)?;
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn add_all(cls: &Rc<Class>, owner: &'static str, list: &[(&'static str, BuiltinFn)]) {
    for (n, f) in list {
        add_method(cls, owner, n, *f);
    }
}

/// `module(name, doc=None)`: a new, empty module (`types.ModuleType`).
fn module_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "module", 1, 3)?;
    let name = match args.get(1, "name") {
        Some(Value::Str(s)) => s,
        Some(v) => return Err(vm.type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(&v)))),
        None => return Err(vm.type_error("module() missing required argument 'name' (pos 1)")),
    };
    let m = crate::vm::import::new_module(vm, name.as_str());
    {
        let mut d = m.dict.borrow_mut();
        d.set_str("__doc__", args.get(2, "doc").unwrap_or(Value::None));
        d.set_str("__loader__", Value::None);
        d.set_str("__spec__", Value::None);
    }
    Ok(Value::Module(m))
}

pub fn register(t: &crate::vm::Types) {
    add_method(&t.module, "module", "__new__", module_new);
    add_all(
        &t.object,
        "object",
        &[
            ("__new__", object_new),
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__format__", object_format),
            ("__dir__", object_dir),
        ],
    );
    t.object.dict.borrow_mut().set_str(
        "__init_subclass__",
        Value::ClassMethod(Rc::new(Value::Builtin(Rc::new(crate::objects::Builtin {
            name: "__init_subclass__",
            func: object_init_subclass,
            owner: "object",
            is_method: false,
            bound: None,
            fast: None,
        })))),
    );
    add_all(
        &t.type_,
        "type",
        &[
            ("mro", type_mro),
            ("__new__", type_new),
            ("__call__", type_call_m),
            ("__subclasses__", type_subclasses),
        ],
    );
    add_all(
        &t.exc.base_exception,
        "BaseException",
        &[
            ("__new__", exc_new),
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    add_all(
        &t.generator,
        "generator",
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__next__", iter_next),
            ("__iter__", iter_iter),
        ],
    );
    for it in [
        &t.iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.list_iterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.set_iterator,
        &t.callable_iterator,
    ] {
        add_all(it, "iterator", &[("__next__", iter_next), ("__iter__", iter_iter)]);
    }
    add_all(
        &t.property,
        "property",
        &[
            ("__new__", property_new),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
        ],
    );
    // Mutable containers are unhashable: __hash__ is None, as in CPython.
    for c in [&t.list, &t.dict, &t.set, &t.bytearray] {
        c.dict.borrow_mut().set_str("__hash__", Value::None);
    }
    add_method(&t.none_type, "NoneType", "__new__", none_new);
    add_method(&t.staticmethod, "staticmethod", "__new__", staticmethod_new);
    add_method(&t.classmethod, "classmethod", "__new__", classmethod_new);
    add_method(&t.super_, "super", "__new__", super_new);
    add_all(
        &t.range,
        "range",
        &[("__new__", range_new), ("count", range_count), ("index", range_index)],
    );
    add_all(&t.slice, "slice", &[("__new__", slice_new), ("indices", slice_indices)]);
}
