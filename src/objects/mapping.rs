//! dict, set and frozenset: constructors and methods; dict views.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::set::set_op;
use crate::objects::{add_method, Args, BuiltinFn, Dict, Set};
use crate::value::Value;
use crate::vm::instr::op;
use crate::vm::ops::set_of;
use crate::vm::{PyResult, Vm};

pub fn self_dict(vm: &Vm, v: &Value) -> PyResult<Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Dict(d) => Ok(d.clone()),
            _ => Err(vm.type_error(format!("descriptor requires a 'dict' object but received a '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor requires a 'dict' object but received a '{}'", vm.type_name(v)))),
    }
}

fn self_set(vm: &Vm, v: &Value) -> PyResult<Rc<RefCell<Set>>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Set(s) => Ok(s.clone()),
            _ => Err(vm.type_error(format!("descriptor requires a 'set' object but received a '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor requires a 'set' object but received a '{}'", vm.type_name(v)))),
    }
}

/// Fill `d` from dict(...)-style arguments.
fn dict_fill(vm: &Vm, d: &Rc<RefCell<Dict>>, args: &[Value], kwargs: &[(Rc<crate::value::PyStr>, Value)], name: &str) -> PyResult<()> {
    if args.len() > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", name, args.len())));
    }
    if let Some(src) = args.first() {
        let is_mapping = match src {
            Value::Dict(_) => true,
            Value::Instance(i) => i.class().lookup("keys").is_some(),
            _ => false,
        };
        if is_mapping {
            for (k, v) in vm.mapping_items(src)? {
                let k = vm.key(&k)?;
                d.borrow_mut().insert(k, v);
            }
        } else {
            let it = vm.iter(src)?;
            let mut i = 0;
            while let Some(item) = vm.next(&it)? {
                let pair = match vm.to_vec(&item) {
                    Ok(p) => p,
                    Err(_) => return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{} to a sequence", i))),
                };
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        pair.len()
                    )));
                }
                let k = vm.key(&pair[0])?;
                d.borrow_mut().insert(k, pair[1].clone());
                i += 1;
            }
        }
    }
    for (k, v) in kwargs {
        d.borrow_mut().insert(vm.key(&Value::Str(k.clone()))?, v.clone());
    }
    Ok(())
}

fn dict_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let d = Rc::new(RefCell::new(Dict::new()));
    crate::gc::track(&Value::Dict(d.clone()));
    if !cls.builtin {
        return Ok(crate::vm::eval::new_instance(cls, Value::Dict(d)));
    }
    dict_fill(vm, &d, &args.args[1..], &args.kwargs, "dict")?;
    Ok(Value::Dict(d))
}

fn dict_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    dict_fill(vm, &d, &args.args[1..], &args.kwargs, "dict")?;
    Ok(Value::None)
}

fn dict_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    dict_fill(vm, &d, &args.args[1..], &args.kwargs, "update")?;
    Ok(Value::None)
}

fn view(vm: &Vm, args: &Args, kind: u8) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    Ok(Value::DictView(Rc::new((d, kind))))
}
fn dict_keys(vm: &Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, 0)
}
fn dict_values(vm: &Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, 1)
}
fn dict_items(vm: &Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, 2)
}

fn dict_get(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "get", 2, 3)?;
    let d = self_dict(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    let v = d.borrow().get(&k);
    Ok(v.unwrap_or_else(|| args.args.get(2).cloned().unwrap_or(Value::None)))
}

/// A plain dict, a key made hashable, and a default if given.
type KeyArgs<'a> = (&'a Rc<RefCell<Dict>>, crate::objects::dict::Key, Option<&'a Value>);

/// The arguments of `dict.get` or `dict.setdefault` where they lie on the
/// value stack: a plain dict, the key made hashable, and the default if
/// given. None: not this shape (a subclass, a wrong count), for the usual
/// path to handle.
fn dict_key_args<'a>(vm: &Vm, args: &'a [Value]) -> Option<PyResult<KeyArgs<'a>>> {
    let (d, k, default) = match args {
        [Value::Dict(d), k] => (d, k, None),
        [Value::Dict(d), k, default] => (d, k, Some(default)),
        _ => return None,
    };
    Some(vm.key(k).map(|k| (d, k, default)))
}

/// `dict.get`'s fast form (see `Builtin::fast`).
fn dict_get_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    // A str key (the usual one) is looked up where it lies: no owned key.
    if let [Value::Dict(d), Value::Str(k), rest @ ..] = args {
        if rest.len() <= 1 {
            let found = d.try_borrow().ok()?.get_pystr(k);
            return Some(Ok(found.unwrap_or_else(|| rest.first().cloned().unwrap_or(Value::None))));
        }
    }
    let (d, k, default) = match dict_key_args(vm, args)? {
        Ok(a) => a,
        Err(e) => return Some(Err(e)),
    };
    let found = d.try_borrow().ok()?.get(&k);
    Some(Ok(found.unwrap_or_else(|| default.cloned().unwrap_or(Value::None))))
}

/// `dict.setdefault`'s fast form (see `Builtin::fast`): `dict_setdefault`
/// on the arguments where they lie.
fn dict_setdefault_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let (d, k, default) = match dict_key_args(vm, args)? {
        Ok(a) => a,
        Err(e) => return Some(Err(e)),
    };
    let existing = d.try_borrow().ok()?.get(&k);
    if let Some(v) = existing {
        return Some(Ok(v));
    }
    let v = default.cloned().unwrap_or(Value::None);
    d.try_borrow_mut().ok()?.insert(k, v.clone());
    Some(Ok(v))
}

fn dict_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "pop", 2, 3)?;
    let d = self_dict(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    let v = d.borrow_mut().remove(&k);
    match v {
        Some(v) => Ok(v),
        None => match args.args.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.key_error(args.args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    let last = d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "setdefault", 2, 3)?;
    let d = self_dict(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    let existing = d.borrow().get(&k);
    match existing {
        Some(v) => Ok(v),
        None => {
            let v = args.args.get(2).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(k, v.clone());
            Ok(v)
        }
    }
}

fn dict_clear(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    let _old = std::mem::take(&mut *d.borrow_mut());
    Ok(Value::None)
}

fn dict_copy(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args.args[0])?;
    let c = d.borrow().clone();
    Ok(Value::dict(c))
}

fn dict_fromkeys(vm: &Vm, args: Args) -> PyResult<Value> {
    // Called as a classmethod: args[0] is the class.
    args.check_m(vm, "fromkeys", 2, 3)?;
    let value = args.args.get(2).cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in vm.to_vec(&args.args[1])? {
        d.insert(vm.key(&k)?, value.clone());
    }
    match &args.args[0] {
        Value::Class(c) if !c.builtin => {
            let inst = vm.call(&args.args[0], vec![])?;
            for (k, v) in d.items() {
                vm.setitem(&inst, k, v)?;
            }
            Ok(inst)
        }
        _ => Ok(Value::dict(d)),
    }
}

fn base_of(v: &Value) -> Value {
    crate::vm::ops::unwrap_base(v)
}
fn dict_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__getitem__", 2, 2)?;
    vm.getitem(&base_of(&args.args[0]), &args.args[1])
}
fn dict_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__setitem__", 3, 3)?;
    vm.setitem(&base_of(&args.args[0]), args.args[1].clone(), args.args[2].clone())?;
    Ok(Value::None)
}
fn dict_delitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__delitem__", 2, 2)?;
    vm.delitem(&base_of(&args.args[0]), &args.args[1])?;
    Ok(Value::None)
}
fn m_len(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&base_of(&args.args[0]))? as i64))
}
fn m_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(&base_of(&args.args[0]), &args.args[1])?))
}
fn m_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    vm.iter(&base_of(&args.args[0]))
}
fn m_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&base_of(&args.args[0]))?))
}
fn m_eq(vm: &Vm, args: Args) -> PyResult<Value> {
    vm.compare(&base_of(&args.args[0]), &base_of(&args.args[1]), op::EQ)
}

// ---- sets

fn items_to_set(vm: &Vm, v: &Value) -> PyResult<Set> {
    let mut s = Set::new();
    update_from(vm, &mut s, v)?;
    Ok(s)
}

/// set.update(v): a set merges its table; anything else adds in iteration order.
pub fn update_from(vm: &Vm, s: &mut Set, v: &Value) -> PyResult<()> {
    match v {
        Value::Set(o) => {
            let o = o.borrow().clone();
            s.merge(&o);
        }
        Value::FrozenSet(o) => s.merge(o),
        _ => {
            for it in vm.to_vec(v)? {
                s.insert(vm.key(&it)?);
            }
        }
    }
    Ok(())
}

/// In-place set operators with CPython's algorithms.
pub fn set_inplace(s: &mut Set, other: &Set, o: u32) {
    match o {
        op::OR => s.merge(other),
        op::AND => *s = set_op(s, other, op::AND),
        op::SUB => {
            for k in other.keys() {
                s.remove(k);
            }
        }
        _ => {
            for k in other.keys() {
                if !s.remove(k) {
                    s.insert(k.clone());
                }
            }
        }
    }
}

fn set_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    if !cls.builtin {
        return Ok(crate::vm::eval::new_instance(cls, Value::set(Set::new())));
    }
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    let s = match args.args.get(1) {
        Some(v) => items_to_set(vm, v)?,
        None => Set::new(),
    };
    Ok(Value::set(s))
}

fn set_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = self_set(vm, &args.args[0])?;
    let items = match args.args.get(1) {
        Some(v) => items_to_set(vm, v)?,
        None => Set::new(),
    };
    *s.borrow_mut() = items;
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let s = match args.args.get(1) {
        Some(v) => items_to_set(vm, v)?,
        None => Set::new(),
    };
    crate::objects::str::wrap(cls, Value::frozenset(s))
}

fn set_add(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "set.add", 2, 2)?;
    let s = self_set(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    s.borrow_mut().insert(k);
    Ok(Value::None)
}

/// `set.add` and `set.discard`'s fast forms (see `Builtin::fast`): the
/// set and the item's key, if the call is one they handle.
type SetAndKey<'a> = (&'a Rc<RefCell<Set>>, crate::objects::dict::Key);

fn set_and_key<'a>(vm: &Vm, args: &'a [Value]) -> Option<PyResult<SetAndKey<'a>>> {
    let [Value::Set(s), k] = args else { return None };
    Some(vm.key(k).map(|k| (s, k)))
}

fn set_add_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    Some(set_and_key(vm, args)?.map(|(s, k)| {
        s.borrow_mut().insert(k);
        Value::None
    }))
}

fn set_discard_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    Some(set_and_key(vm, args)?.map(|(s, k)| {
        s.borrow_mut().remove(&k);
        Value::None
    }))
}

fn set_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "set.remove", 2, 2)?;
    let s = self_set(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    if !s.borrow_mut().remove(&k) {
        return Err(vm.key_error(args.args[1].clone()));
    }
    Ok(Value::None)
}

fn set_discard(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "set.discard", 2, 2)?;
    let s = self_set(vm, &args.args[0])?;
    let k = vm.key(&args.args[1])?;
    s.borrow_mut().remove(&k);
    Ok(Value::None)
}

fn set_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = self_set(vm, &args.args[0])?;
    let first = s.borrow_mut().pop();
    match first {
        Some(k) => Ok(k),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = self_set(vm, &args.args[0])?;
    let _old = std::mem::take(&mut *s.borrow_mut());
    Ok(Value::None)
}

fn any_set(vm: &Vm, v: &Value) -> PyResult<Set> {
    match set_of(&base_of(v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("descriptor requires a 'set' object but received a '{}'", vm.type_name(v)))),
    }
}

fn rebuild(orig: &Value, s: Set) -> Value {
    match base_of(orig) {
        Value::FrozenSet(_) => Value::frozenset(s),
        _ => Value::set(s),
    }
}

fn set_copy(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = any_set(vm, &args.args[0])?;
    Ok(rebuild(&args.args[0], s.copy()))
}

/// x OP other where other may be any iterable, following CPython's method
/// implementations (which decide the result's table layout).
fn set_binop_iter(vm: &Vm, x: &Set, other: &Value, o: u32) -> PyResult<Set> {
    if let Some(y) = set_of(other) {
        return Ok(set_op(x, &y, o));
    }
    Ok(match o {
        op::OR => {
            let mut r = x.copy();
            update_from(vm, &mut r, other)?;
            r
        }
        op::AND => {
            let mut r = Set::new();
            for it in vm.to_vec(other)? {
                let k = vm.key(&it)?;
                if x.contains(&k) {
                    r.insert(k);
                }
            }
            r
        }
        op::SUB => {
            let mut r = x.copy();
            for it in vm.to_vec(other)? {
                r.remove(&vm.key(&it)?);
            }
            r
        }
        _ => {
            let y = items_to_set(vm, other)?;
            set_op(x, &y, o)
        }
    })
}

fn multi(vm: &Vm, args: &Args, o: u32) -> PyResult<Set> {
    let mut acc = any_set(vm, &args.args[0])?;
    if args.args.len() == 1 {
        return Ok(acc.copy());
    }
    for other in &args.args[1..] {
        acc = set_binop_iter(vm, &acc, other, o)?;
    }
    Ok(acc)
}

fn set_union(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(rebuild(&args.args[0], multi(vm, &args, op::OR)?))
}
fn set_intersection(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(rebuild(&args.args[0], multi(vm, &args, op::AND)?))
}
fn set_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(rebuild(&args.args[0], multi(vm, &args, op::SUB)?))
}
fn set_symmetric_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "symmetric_difference", 2, 2)?;
    Ok(rebuild(&args.args[0], multi(vm, &args, op::XOR)?))
}

fn set_inplace_m(vm: &Vm, args: &Args, o: u32) -> PyResult<Value> {
    let s = self_set(vm, &args.args[0])?;
    for other in &args.args[1..] {
        if o == op::OR {
            let mut cur = s.borrow().clone();
            update_from(vm, &mut cur, other)?;
            *s.borrow_mut() = cur;
        } else {
            let other = items_to_set(vm, other)?;
            let mut cur = s.borrow().clone();
            set_inplace(&mut cur, &other, o);
            *s.borrow_mut() = cur;
        }
    }
    Ok(Value::None)
}
fn set_update(vm: &Vm, args: Args) -> PyResult<Value> {
    set_inplace_m(vm, &args, op::OR)
}
fn set_intersection_update(vm: &Vm, args: Args) -> PyResult<Value> {
    set_inplace_m(vm, &args, op::AND)
}
fn set_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    set_inplace_m(vm, &args, op::SUB)
}
fn set_symmetric_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    set_inplace_m(vm, &args, op::XOR)
}

fn set_issubset(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "issubset", 2, 2)?;
    let a = any_set(vm, &args.args[0])?;
    let b = items_to_set(vm, &args.args[1])?;
    let r = a.keys().all(|k| b.contains(k));
    Ok(Value::Bool(r))
}
fn set_issuperset(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "issuperset", 2, 2)?;
    let a = any_set(vm, &args.args[0])?;
    let b = items_to_set(vm, &args.args[1])?;
    let r = b.keys().all(|k| a.contains(k));
    Ok(Value::Bool(r))
}
fn set_isdisjoint(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "isdisjoint", 2, 2)?;
    let a = any_set(vm, &args.args[0])?;
    let b = items_to_set(vm, &args.args[1])?;
    let r = !a.keys().any(|k| b.contains(k));
    Ok(Value::Bool(r))
}

// ---- views

pub fn view_items(v: &(Rc<RefCell<Dict>>, u8)) -> Vec<Value> {
    let d = v.0.borrow();
    match v.1 {
        0 => d.keys(),
        1 => d.values(),
        _ => d.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    }
}

pub fn register(t: &crate::vm::Types) {
    let d = &t.dict;
    add_method(d, "dict", "__new__", dict_new);
    add_method(d, "dict", "__init__", dict_init);
    let methods: [(&'static str, BuiltinFn); 20] = [
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("get", dict_get),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__len__", m_len),
        ("__contains__", m_contains),
        ("__iter__", m_iter),
        ("__repr__", m_repr),
        ("__eq__", m_eq),
        ("get", dict_get),
        ("copy", dict_copy),
    ];
    for (n, f) in methods {
        add_method(d, "dict", n, f);
    }
    crate::objects::set_fast(&mut d.dict.borrow_mut(), "get", dict_get_fast);
    crate::objects::set_fast(&mut d.dict.borrow_mut(), "setdefault", dict_setdefault_fast);
    d.dict.borrow_mut().set_str(
        "fromkeys",
        Value::ClassMethod(Rc::new(Value::Builtin(Rc::new(crate::objects::Builtin {
            name: "fromkeys",
            func: dict_fromkeys,
            owner: "dict",
            is_method: false,
            bound: None,
            fast: None,
        })))),
    );
    let s = &t.set;
    add_method(s, "set", "__new__", set_new);
    add_method(s, "set", "__init__", set_init);
    let set_methods: [(&'static str, BuiltinFn); 22] = [
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", m_len),
        ("__contains__", m_contains),
        ("__iter__", m_iter),
        ("__repr__", m_repr),
        ("__eq__", m_eq),
    ];
    for (n, f) in set_methods {
        add_method(s, "set", n, f);
    }
    crate::objects::set_fast(&mut s.dict.borrow_mut(), "add", set_add_fast);
    crate::objects::set_fast(&mut s.dict.borrow_mut(), "discard", set_discard_fast);
    let fs = &t.frozenset;
    add_method(fs, "frozenset", "__new__", frozenset_new);
    for (n, f) in set_methods {
        if matches!(
            n,
            "copy"
                | "union"
                | "intersection"
                | "difference"
                | "symmetric_difference"
                | "issubset"
                | "issuperset"
                | "isdisjoint"
                | "__len__"
                | "__contains__"
                | "__iter__"
                | "__repr__"
                | "__eq__"
        ) {
            add_method(fs, "frozenset", n, f);
        }
    }
}
