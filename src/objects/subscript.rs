//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]`, with slices.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::Kind;
use crate::value::{PyStr, RangeObj, Value};
use crate::vm::{PyResult, Vm};

/// CPython's PySlice_GetIndicesEx: (start, stop, step, length).
pub fn slice_indices(vm: &Vm, s: &[Value; 3], len: i64) -> PyResult<(i64, i64, i64, i64)> {
    // Machine ints and Nones (nearly every slice) without the conversions.
    if let Some((start, stop, step)) = int_bounds(s) {
        return Ok(adjust(start, stop, step, len));
    }
    let opt = |v: &Value| match v {
        Value::None => Ok(None),
        v => clamp_index(vm, v).map(Some),
    };
    let step = opt(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (start, stop) = (opt(&s[0])?, opt(&s[1])?);
    Ok(adjust(start, stop, step, len))
}

/// `o[start:stop]` or `o[start:stop:step]` of a list or tuple with
/// bounds that are machine ints or None (`parts`, 2 or 3 of them), as
/// `getitem` gives it; None for anything else (and a step of 0), which
/// `getitem` answers with its errors.
#[inline(always)]
pub fn slice_fast(o: &Value, parts: &[Value]) -> Option<Value> {
    let (start, stop, step) = int_bounds(parts)?;
    match o {
        Value::List(l) => {
            let l = l.try_borrow().ok()?;
            let (start, _, step, n) = adjust(start, stop, step, l.len() as i64);
            Some(Value::list(slice_vec(&l, start, step, n)))
        }
        Value::Tuple(t) => {
            let (start, _, step, n) = adjust(start, stop, step, t.len() as i64);
            Some(tuple_slice(o, t, start, step, n))
        }
        _ => None,
    }
}

/// A slice's parts (start, stop and an optional step) when each is a
/// machine int or None: the bounds, and the step (1 if None); None for
/// anything else and for a step of 0, which the general path handles.
#[inline(always)]
fn int_bounds(parts: &[Value]) -> Option<(Option<i64>, Option<i64>, i64)> {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(Some(*i)),
        Value::None => Some(None),
        _ => None,
    };
    let (start, stop) = (int(parts.first()?)?, int(parts.get(1)?)?);
    let step = match parts.get(2) {
        Some(v) => int(v)?.unwrap_or(1),
        None => 1,
    };
    (step != 0).then_some((start, stop, step))
}

/// A slice's bounds (None: not given) clipped to a sequence of `len`
/// items, and the number of items it takes: (start, stop, step, length).
/// `step` is not 0.
#[inline]
fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64, i64, i64) {
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(mut i) => {
            if i < 0 {
                i += len;
                if i < lower {
                    i = lower;
                }
            } else if i > upper {
                i = upper;
            }
            i
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    let n = if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (start, stop, step, n)
}

fn clamp_index(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Long(b) => Ok(if num_traits::Signed::is_negative(&**b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        Value::Bool(_) | Value::Instance(_) => vm
            .index_value(v)
            .map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method")),
        _ => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

fn norm_index(vm: &Vm, k: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match k {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Long(_) => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        _ => vm.index_value(k)?,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(format!("{} index out of range", what)));
    }
    Ok(j as usize)
}

fn is_index(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Long(_))
}

fn has_index(vm: &Vm, v: &Value) -> bool {
    is_index(v) || matches!(v, Value::Instance(i) if i.class().lookup("__index__").is_some() || i.class().kind == Kind::Int) || {
        let _ = vm;
        false
    }
}

/// The items of tuple `o` (`t`) a slice takes; all of them in order is
/// the tuple itself, as in CPython (`t[:] is t`).
fn tuple_slice(o: &Value, t: &[Value], start: i64, step: i64, n: i64) -> Value {
    if start == 0 && step == 1 && n == t.len() as i64 {
        return o.clone();
    }
    Value::tuple(slice_vec(t, start, step, n))
}

pub fn slice_vec<T: Clone>(items: &[T], start: i64, step: i64, n: i64) -> Vec<T> {
    if step == 1 && n > 0 {
        // A run: copied whole.
        return items[start as usize..(start + n) as usize].to_vec();
    }
    let mut out = Vec::with_capacity(n.max(0) as usize);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}

impl Vm {
    pub fn getitem(&self, obj: &Value, k: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = k {
                    let l = l.borrow();
                    let (start, _, step, n) = slice_indices(self, s, l.len() as i64)?;
                    return Ok(Value::list(slice_vec(&l, start, step, n)));
                }
                if !has_index(self, k) {
                    return Err(self.type_error(format!("list indices must be integers or slices, not {}", self.type_name(k))));
                }
                let l = l.borrow();
                let i = norm_index(self, k, l.len(), "list")?;
                Ok(l[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = k {
                    let (start, _, step, n) = slice_indices(self, s, t.len() as i64)?;
                    return Ok(tuple_slice(obj, t, start, step, n));
                }
                if !has_index(self, k) {
                    return Err(self.type_error(format!("tuple indices must be integers or slices, not {}", self.type_name(k))));
                }
                let i = norm_index(self, k, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = k {
                    return str_slice(self, s, sl);
                }
                if !has_index(self, k) {
                    return Err(self.type_error(format!("string indices must be integers, not '{}'", self.type_name(k))));
                }
                let i = norm_index(self, k, s.char_len(), "string")?;
                Ok(Value::string(s.char_at(i).to_string()))
            }
            Value::Dict(d) => {
                // A str key (the usual one) is looked up as it is: no owned key.
                let v = match k {
                    Value::Str(s) => d.borrow().get_pystr(s),
                    _ => {
                        let key = self.key(k)?;
                        d.borrow().get(&key)
                    }
                };
                match v {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(k.clone())),
                }
            }
            Value::Range(r) => {
                if let Value::Slice(s) = k {
                    let (start, stop, step, _) = slice_indices(self, s, r.len())?;
                    return Ok(Value::Range(Rc::new(RangeObj {
                        start: r.get(start),
                        stop: r.get(stop),
                        step: r.step * step,
                    })));
                }
                let i = norm_index(self, k, r.len() as usize, "range object")?;
                Ok(Value::Int(r.get(i as i64)))
            }
            Value::Bytes(b) => {
                if let Value::Slice(s) = k {
                    let (start, _, step, n) = slice_indices(self, s, b.len() as i64)?;
                    return Ok(Value::Bytes(Rc::new(slice_vec(b, start, step, n))));
                }
                let i = norm_index(self, k, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::ByteArray(b) => {
                let b = b.borrow();
                if let Value::Slice(s) = k {
                    let (start, _, step, n) = slice_indices(self, s, b.len() as i64)?;
                    return Ok(Value::ByteArray(Rc::new(RefCell::new(slice_vec(&b, start, step, n)))));
                }
                let i = norm_index(self, k, b.len(), "bytearray")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = cls
                    .mro_iter()
                    .take_while(|c| !c.builtin)
                    .find_map(|c| c.dict.borrow().get_str("__getitem__"))
                {
                    return self.call(&m, vec![obj.clone(), k.clone()]);
                }
                let base = i.base.borrow().clone();
                if cls.kind == Kind::Dict {
                    if let Value::Dict(d) = &base {
                        let key = self.key(k)?;
                        let v = d.borrow().get(&key);
                        return match v {
                            Some(v) => Ok(v),
                            None => match cls.lookup("__missing__") {
                                Some(m) => self.call(&m, vec![obj.clone(), k.clone()]),
                                None => Err(self.key_error(k.clone())),
                            },
                        };
                    }
                }
                if !matches!(base, Value::None) && cls.kind != Kind::BaseException {
                    return self.getitem(&base, k);
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", cls.name)))
            }
            Value::Class(c) => {
                if let Some(m) = c.meta_method("__getitem__") {
                    return self.call(&m, vec![obj.clone(), k.clone()]);
                }
                if let Some(m) = c.lookup("__class_getitem__") {
                    let f = self.bind(&m, obj);
                    return self.call(&f, vec![k.clone()]);
                }
                if c.builtin {
                    // list[int] and friends: accept and return the class (annotations).
                    return Ok(obj.clone());
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name)))
            }
            _ => Err(self.type_error(format!("'{}' object is not subscriptable", self.type_name(obj)))),
        }
    }

    pub fn setitem(&self, obj: &Value, k: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    // A list nothing else holds (`a[i:j] = b[::-1]`; not
                    // `l` itself, which `obj` holds too) gives up its items
                    // instead of having them copied.
                    let mut items = match v {
                        Value::List(src) if Rc::strong_count(&src) == 1 => std::mem::take(&mut *src.borrow_mut()),
                        v @ (Value::List(_) | Value::Tuple(_)) => self.to_vec(&v)?,
                        other => {
                            // CPython's message when the value cannot be iterated.
                            let it = self.iter(&other).map_err(|e| {
                                if self.isinstance(&e.0, &self.types.exc.type_error) {
                                    self.type_error("can only assign an iterable")
                                } else {
                                    e
                                }
                            })?;
                            self.drain_iter(&it)?
                        }
                    };
                    let mut l = l.borrow_mut();
                    let (start, stop, step, n) = slice_indices(self, s, l.len() as i64)?;
                    // `items` ends up holding the replaced values, which die
                    // after the list is released (their __del__ may use it).
                    if step == 1 {
                        let (start, stop) = (start as usize, stop.max(start) as usize);
                        if stop - start == items.len() {
                            l[start..stop].swap_with_slice(&mut items);
                        } else {
                            items = l.splice(start..stop, items).collect();
                        }
                    } else {
                        if items.len() as i64 != n {
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                n
                            )));
                        }
                        let mut i = start;
                        for it in items.iter_mut() {
                            std::mem::swap(&mut l[i as usize], it);
                            i += step;
                        }
                    }
                    drop(l);
                    if step == 1 {
                        // Last first, as CPython releases a replaced run.
                        while let Some(old) = items.pop() {
                            drop(old);
                        }
                    }
                    drop(items);
                    return Ok(());
                }
                if !has_index(self, &k) {
                    return Err(self.type_error(format!("list indices must be integers or slices, not {}", self.type_name(&k))));
                }
                let len = l.borrow().len();
                let i = norm_index(self, &k, len, "list assignment")?;
                let _old = std::mem::replace(&mut l.borrow_mut()[i], v);
                Ok(())
            }
            Value::Dict(d) => {
                // A str key already there: its value replaced in place.
                if let Value::Str(s) = &k {
                    let mut map = d.borrow_mut();
                    if let Some(i) = map.index_of_str_h(s.as_str(), s.hash()) {
                        let old = map.replace_at(i, v);
                        // (The old value dies after the dict is released:
                        // its `__del__` may use the dict.)
                        drop(map);
                        drop(old);
                        return Ok(());
                    }
                }
                let key = self.into_key(k)?;
                let _old = d.borrow_mut().insert(key, v);
                Ok(())
            }
            Value::ByteArray(b) => {
                if let Value::Slice(s) = &k {
                    let items: Vec<u8> = match &v {
                        Value::Bytes(_) | Value::ByteArray(_) => crate::objects::bytes::bytes_of(self, &v)?,
                        other => self
                            .to_vec(other)?
                            .iter()
                            .map(|x| self.index_value(x).map(|n| n as u8))
                            .collect::<PyResult<_>>()?,
                    };
                    let mut b = b.borrow_mut();
                    let (start, stop, step, n) = slice_indices(self, s, b.len() as i64)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        b.splice(start as usize..stop as usize, items);
                    } else {
                        if items.len() as i64 != n {
                            return Err(self.value_error(format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                items.len(),
                                n
                            )));
                        }
                        let mut i = start;
                        for it in items {
                            b[i as usize] = it;
                            i += step;
                        }
                    }
                    return Ok(());
                }
                let len = b.borrow().len();
                let i = norm_index(self, &k, len, "bytearray")?;
                let byte = self.index_value(&v)?;
                if !(0..256).contains(&byte) {
                    return Err(self.value_error("byte must be in range(0, 256)"));
                }
                b.borrow_mut()[i] = byte as u8;
                Ok(())
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = cls
                    .mro_iter()
                    .take_while(|c| !c.builtin)
                    .find_map(|c| c.dict.borrow().get_str("__setitem__"))
                {
                    self.call(&m, vec![obj.clone(), k, v])?;
                    return Ok(());
                }
                let base = i.base.borrow().clone();
                if matches!(base, Value::List(_) | Value::Dict(_)) {
                    return self.setitem(&base, k, v);
                }
                Err(self.type_error(format!("'{}' object does not support item assignment", cls.name)))
            }
            _ => Err(self.type_error(format!("'{}' object does not support item assignment", self.type_name(obj)))),
        }
    }

    pub fn delitem(&self, obj: &Value, k: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = k {
                    let mut l = l.borrow_mut();
                    let (start, _, step, n) = slice_indices(self, s, l.len() as i64)?;
                    let mut idx: Vec<usize> = (0..n).map(|j| (start + j * step) as usize).collect();
                    idx.sort_unstable();
                    for i in idx.into_iter().rev() {
                        l.remove(i);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = norm_index(self, k, len, "list assignment")?;
                let _old = l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.key(k)?;
                let old = d.borrow_mut().remove(&key);
                match old {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(k.clone())),
                }
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = cls
                    .mro_iter()
                    .take_while(|c| !c.builtin)
                    .find_map(|c| c.dict.borrow().get_str("__delitem__"))
                {
                    self.call(&m, vec![obj.clone(), k.clone()])?;
                    return Ok(());
                }
                let base = i.base.borrow().clone();
                if matches!(base, Value::List(_) | Value::Dict(_)) {
                    return self.delitem(&base, k);
                }
                Err(self.type_error(format!("'{}' object does not support item deletion", cls.name)))
            }
            _ => Err(self.type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj)))),
        }
    }
}

pub fn str_slice(vm: &Vm, s: &Rc<PyStr>, sl: &[Value; 3]) -> PyResult<Value> {
    let len = s.char_len() as i64;
    let (start, stop, step, n) = slice_indices(vm, sl, len)?;
    if step == 1 {
        if n <= 0 {
            return Ok(Value::str(""));
        }
        let a = s.byte_offset(start as usize);
        let b = s.byte_offset(stop as usize);
        return Ok(Value::string(s.as_str()[a..b].to_string()));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let out: String = slice_vec(&chars, start, step, n).into_iter().collect();
    Ok(Value::string(out))
}
