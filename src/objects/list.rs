//! list and tuple: constructors, methods, and the (stable, `<`-only) sort.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::{add_method, Args, BuiltinFn, Kind};
use crate::value::Value;
use crate::vm::instr::op;
use crate::vm::{PyResult, Vm};

pub fn self_list(vm: &Vm, v: &Value) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            Value::List(l) => Ok(l.clone()),
            _ => Err(vm.type_error(format!("descriptor requires a 'list' object but received a '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor requires a 'list' object but received a '{}'", vm.type_name(v)))),
    }
}

pub fn self_tuple(vm: &Vm, v: &Value) -> PyResult<Rc<Box<[Value]>>> {
    match v {
        Value::Tuple(t) => Ok(t.clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Tuple(t) => Ok(t.clone()),
            _ => Err(vm.type_error(format!("descriptor requires a 'tuple' object but received a '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor requires a 'tuple' object but received a '{}'", vm.type_name(v)))),
    }
}

fn list_append(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "list.append", 2, 2)
        .map_err(|_| vm.type_error(format!("list.append() takes exactly one argument ({} given)", args.len() - 1)))?;
    let l = self_list(vm, &args.args[0])?;
    l.borrow_mut().push(args.args[1].clone());
    Ok(Value::None)
}

/// `list.append`'s fast form (see `Builtin::fast`).
fn list_append_fast(_: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [Value::List(l), x] = args else { return None };
    l.try_borrow_mut().ok()?.push(x.clone());
    Some(Ok(Value::None))
}

/// `list.pop`'s fast form: an item there to pop, from the end or at an int
/// index in range.
fn list_pop_fast(_: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let (l, at) = match args {
        [Value::List(l)] => (l, None),
        [Value::List(l), Value::Int(i)] => (l, Some(*i)),
        _ => return None,
    };
    let mut items = l.try_borrow_mut().ok()?;
    let i = pop_position(items.len(), at)?;
    Some(Ok(items.remove(i)))
}

/// Where `list.pop(at)` takes its item from (the end without `at`; a
/// negative `at` counts from the end), if that is in the list.
fn pop_position(len: usize, at: Option<i64>) -> Option<usize> {
    let n = len as i64;
    let i = match at {
        None => n - 1,
        Some(i) if i < 0 => i + n,
        Some(i) => i,
    };
    (0..n).contains(&i).then_some(i as usize)
}

fn list_extend(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "extend", 2, 2)?;
    let l = self_list(vm, &args.args[0])?;
    let items = vm.to_vec(&args.args[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "insert", 3, 3)?;
    let l = self_list(vm, &args.args[0])?;
    let mut i = vm.index_value(&args.args[1])?;
    let n = l.borrow().len() as i64;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    l.borrow_mut().insert(i, args.args[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "pop", 1, 2)?;
    let l = self_list(vm, &args.args[0])?;
    let n = l.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let at = match args.args.get(1) {
        Some(v) => Some(vm.index_value(v)?),
        None => None,
    };
    let Some(i) = pop_position(n, at) else {
        return Err(vm.index_error("pop index out of range"));
    };
    let v = l.borrow_mut().remove(i);
    Ok(v)
}

fn list_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "remove", 2, 2)?;
    let l = self_list(vm, &args.args[0])?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&args.args[1]) || vm.eq(x, &args.args[1])? {
            let _old = l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_index(vm: &Vm, items: &[Value], args: &Args, what: &str) -> PyResult<Value> {
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => {
                let mut i = vm.index_value(v)?;
                if i < 0 {
                    i = (i + n).max(0);
                }
                Ok(i.min(n))
            }
        }
    };
    let start = norm(args.args.get(2), 0)?;
    let stop = norm(args.args.get(3), n)?;
    for i in start..stop {
        let x = &items[i as usize];
        if x.is(&args.args[1]) || vm.eq(x, &args.args[1])? {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error(format!("{}.index(x): x not in {}", what, what)))
}

fn list_index(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "index", 2, 4)?;
    let items = self_list(vm, &args.args[0])?.borrow().clone();
    seq_index(vm, &items, &args, "list").map_err(|e| {
        if vm.is_exc(&e, &vm.types.exc.value_error) {
            vm.value_error(format!("{} is not in list", vm.repr(&args.args[1]).unwrap_or_default()))
        } else {
            e
        }
    })
}

fn count_in(vm: &Vm, items: &[Value], x: &Value) -> PyResult<Value> {
    let mut n = 0;
    for it in items {
        if it.is(x) || vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "count", 2, 2)?;
    let items = self_list(vm, &args.args[0])?.borrow().clone();
    count_in(vm, &items, &args.args[1])
}

fn list_clear(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args.args[0])?;
    let _old = std::mem::take(&mut *l.borrow_mut());
    Ok(Value::None)
}

fn list_copy(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args.args[0])?;
    let v = l.borrow().clone();
    Ok(Value::list(v))
}

fn list_reverse(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args.args[0])?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

/// Stable merge sort using only `<`, propagating errors (as list.sort does).
pub fn sort_values(vm: &Vm, items: &mut Vec<Value>, key: &Value, reverse: bool) -> PyResult<()> {
    // All ints or all strs, no key function: the items are their own keys,
    // sorted in place (no key copies, no pairs).
    if key.is_none() {
        let all_int = items.iter().all(|v| matches!(v, Value::Int(_)));
        if all_int || items.iter().all(|v| matches!(v, Value::Str(_))) {
            sort_in_place(items, reverse, |a, b| match (a, b) {
                (Value::Int(x), Value::Int(y)) => x.cmp(y),
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => std::cmp::Ordering::Equal,
            });
            return Ok(());
        }
        // Other items that all compare without Python code (tuples of
        // numbers and strs, say): sorted in place as well.
        if never_fails(items.iter()) {
            sort_in_place(items, reverse, |a, b| {
                crate::vm::ops::simple_cmp(a, b).unwrap_or(std::cmp::Ordering::Equal)
            });
            return Ok(());
        }
    }
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in items.iter() {
            ks.push(crate::vm::eval::call_one(vm, key, it.clone())?);
        }
        ks
    };
    let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.drain(..)).collect();
    if reverse {
        pairs.reverse();
    }
    let all_int = pairs.iter().all(|(k, _)| matches!(k, Value::Int(_)));
    let all_str = !all_int && pairs.iter().all(|(k, _)| matches!(k, Value::Str(_)));
    if all_int {
        pairs.sort_by(|a, b| match (&a.0, &b.0) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
    } else if all_str {
        pairs.sort_by(|a, b| match (&a.0, &b.0) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
    } else if never_fails(pairs.iter().map(|(k, _)| k)) {
        pairs.sort_by(|a, b| crate::vm::ops::simple_cmp(&a.0, &b.0).unwrap_or(std::cmp::Ordering::Equal));
    } else if !sort_simple(&mut pairs) {
        merge_sort(vm, &mut pairs)?;
    }
    if reverse {
        pairs.reverse();
    }
    items.extend(pairs.into_iter().map(|(_, v)| v));
    Ok(())
}

/// A stable sort of `items` by `cmp`, descending when `reverse`:
/// reversing before and after keeps equal items in order, as CPython's
/// reverse does.
fn sort_in_place(items: &mut [Value], reverse: bool, cmp: impl FnMut(&Value, &Value) -> std::cmp::Ordering) {
    if reverse {
        items.reverse();
    }
    items.sort_by(cmp);
    if reverse {
        items.reverse();
    }
}

/// Which of `ops::simple_cmp`'s families a sort key (or a tuple key's
/// item) belongs to: any two of one family compare without failing.
#[derive(Clone, Copy, PartialEq)]
enum Family {
    /// Machine ints, bools and floats other than NaN.
    Number,
    Str,
}

fn family(v: &Value) -> Option<Family> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(Family::Number),
        Value::Float(f) if !f.is_nan() => Some(Family::Number),
        Value::Str(_) => Some(Family::Str),
        _ => None,
    }
}

/// True when `simple_cmp` cannot fail on any pair of `keys`: all are of one
/// family, or all are tuples whose items at each position are of one family
/// (as records sorted by their fields are). Then the keys can be sorted in
/// place, without the index permutation `sort_simple` needs to back out.
fn never_fails<'a>(mut keys: impl Iterator<Item = &'a Value>) -> bool {
    let Some(first) = keys.next() else { return true };
    if let Some(f) = family(first) {
        return keys.all(|k| family(k) == Some(f));
    }
    let mut columns: Vec<Family> = Vec::new();
    let mut fits = |k: &Value| {
        let Value::Tuple(t) = k else { return false };
        for (i, item) in t.iter().enumerate() {
            let Some(f) = family(item) else { return false };
            match columns.get(i) {
                Some(&c) if c != f => return false,
                Some(_) => {}
                None => columns.push(f),
            }
        }
        true
    };
    fits(first) && keys.all(fits)
}

/// Sort by keys that compare without Python code (`ops::simple_cmp`), with
/// Rust's stable sort. False, with `pairs` untouched, when some pair of keys
/// needs Python's comparison (which may raise): the caller sorts instead.
fn sort_simple(pairs: &mut Vec<(Value, Value)>) -> bool {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    let mut failed = false;
    order.sort_by(|&i, &j| {
        crate::vm::ops::simple_cmp(&pairs[i].0, &pairs[j].0).unwrap_or_else(|| {
            failed = true;
            std::cmp::Ordering::Equal
        })
    });
    if failed {
        return false;
    }
    let mut slots: Vec<Option<(Value, Value)>> = pairs.drain(..).map(Some).collect();
    pairs.extend(order.iter().filter_map(|&i| slots[i].take()));
    true
}

fn lt(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            let r = vm.compare(a, b, op::LT)?;
            vm.truthy(&r)
        }
    }
}

fn merge_sort(vm: &Vm, v: &mut [(Value, Value)]) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort small runs, then merge bottom-up.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(vm, &v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if lt(vm, &v[j].0, &v[i].0)? {
                        buf.push(v[j].clone());
                        j += 1;
                    } else {
                        buf.push(v[i].clone());
                        i += 1;
                    }
                }
                buf.extend_from_slice(&v[i..mid]);
                buf.extend_from_slice(&v[j..hi]);
                v[lo..hi].clone_from_slice(&buf);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

fn list_sort(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = self_list(vm, &args.args[0])?;
    let key = args.kw("key").unwrap_or(Value::None);
    let reverse = match args.kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(vm, &mut items, &key, reverse);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// list(iterable) / list subclass construction.
fn list_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    if !cls.builtin {
        return Ok(crate::vm::eval::new_instance(cls, Value::list(vec![])));
    }
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    match args.args.get(1) {
        Some(v) => Ok(Value::list(vm.to_vec(v)?)),
        None => Ok(Value::list(vec![])),
    }
}

fn list_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args.args[0])?;
    let items = match args.args.get(1) {
        Some(v) => vm.to_vec(v)?,
        None => vec![],
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn tuple_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    let v = match args.get(1, "iterable") {
        Some(Value::Tuple(t)) => Value::Tuple(t),
        Some(v) => Value::tuple(vm.to_vec(&v)?),
        None => Value::tuple(vec![]),
    };
    crate::objects::str::wrap(cls, v)
}

fn tuple_index(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "index", 2, 4)?;
    let t = self_tuple(vm, &args.args[0])?;
    seq_index(vm, &t, &args, "tuple").map_err(|e| {
        if vm.is_exc(&e, &vm.types.exc.value_error) {
            vm.value_error("tuple.index(x): x not in tuple")
        } else {
            e
        }
    })
}

fn tuple_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "count", 2, 2)?;
    let t = self_tuple(vm, &args.args[0])?;
    count_in(vm, &t, &args.args[1])
}

fn seq_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__getitem__", 2, 2)?;
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    vm.getitem(&base, &args.args[1])
}
fn seq_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__setitem__", 3, 3)?;
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    vm.setitem(&base, args.args[1].clone(), args.args[2].clone())?;
    Ok(Value::None)
}
fn seq_delitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__delitem__", 2, 2)?;
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    vm.delitem(&base, &args.args[1])?;
    Ok(Value::None)
}
fn seq_len(vm: &Vm, args: Args) -> PyResult<Value> {
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    Ok(Value::Int(vm.len(&base)? as i64))
}
fn seq_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    Ok(Value::Bool(vm.contains(&base, &args.args[1])?))
}
fn seq_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    vm.iter(&base)
}
fn seq_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let base = crate::vm::ops::unwrap_base(&args.args[0]);
    Ok(Value::string(vm.repr(&base)?))
}
fn seq_eq(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = crate::vm::ops::unwrap_base(&args.args[0]);
    let b = crate::vm::ops::unwrap_base(&args.args[1]);
    vm.compare(&a, &b, op::EQ)
}
fn seq_add(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = crate::vm::ops::unwrap_base(&args.args[0]);
    let b = crate::vm::ops::unwrap_base(&args.args[1]);
    crate::vm::ops::binary_op(vm, &a, &b, op::ADD)
}

pub fn register(t: &crate::vm::Types) {
    let l = &t.list;
    add_method(l, "list", "__new__", list_new);
    add_method(l, "list", "__init__", list_init);
    let methods: [(&'static str, BuiltinFn); 11] = [
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("clear", list_clear),
        ("copy", list_copy),
        ("reverse", list_reverse),
        ("sort", list_sort),
    ];
    for (n, f) in methods {
        add_method(l, "list", n, f);
    }
    crate::objects::set_fast(&mut l.dict.borrow_mut(), "append", list_append_fast);
    crate::objects::set_fast(&mut l.dict.borrow_mut(), "pop", list_pop_fast);
    let dunders: [(&'static str, BuiltinFn); 9] = [
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__len__", seq_len),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__repr__", seq_repr),
        ("__eq__", seq_eq),
        ("__add__", seq_add),
    ];
    for (n, f) in dunders {
        add_method(l, "list", n, f);
    }
    let tu = &t.tuple;
    add_method(tu, "tuple", "__new__", tuple_new);
    add_method(tu, "tuple", "index", tuple_index);
    add_method(tu, "tuple", "count", tuple_count);
    for (n, f) in dunders {
        if n != "__setitem__" && n != "__delitem__" {
            add_method(tu, "tuple", n, f);
        }
    }
    for (cls, owner) in [
        (&t.bytes, "bytes"),
        (&t.bytearray, "bytearray"),
        (&t.range, "range"),
        (&t.str_, "str"),
    ] {
        for (n, f) in dunders {
            if matches!(n, "__len__" | "__contains__" | "__iter__" | "__getitem__") && cls.dict.borrow().get_str(n).is_none() {
                add_method(cls, owner, n, f);
            }
        }
    }
    let _ = Kind::List;
}
