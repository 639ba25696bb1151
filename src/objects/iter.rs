//! The built-in iterators' `__next__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::IterState;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn next(vm: &Vm, st: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    let mut s = st.borrow_mut();
    match &mut *s {
        IterState::Seq { seq, idx } => {
            let i = *idx;
            let item = match seq {
                Value::List(l) => l.borrow().get(i).cloned(),
                Value::Tuple(t) => t.get(i).cloned(),
                Value::Bytes(b) => b.get(i).map(|x| Value::Int(*x as i64)),
                Value::ByteArray(b) => b.borrow().get(i).map(|x| Value::Int(*x as i64)),
                other => {
                    // __getitem__-based iteration: stop at IndexError.
                    let seq = other.clone();
                    drop(s);
                    return match vm.getitem(&seq, &Value::Int(i as i64)) {
                        Ok(v) => {
                            if let IterState::Seq { idx, .. } = &mut *st.borrow_mut() {
                                *idx += 1;
                            }
                            Ok(Some(v))
                        }
                        Err(e) if vm.is_exc(&e, &vm.types.exc.index_error) || vm.is_exc(&e, &vm.types.exc.stop_iteration) => {
                            *st.borrow_mut() = IterState::Exhausted;
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    };
                }
            };
            match item {
                Some(v) => {
                    *idx += 1;
                    Ok(Some(v))
                }
                None => {
                    *s = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::StrIter { s: string, byte } => {
            let rest = &string.as_str()[*byte..];
            match rest.chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Ok(Some(Value::string(c.to_string())))
                }
                None => Ok(None),
            }
        }
        IterState::Range { cur, step, left } => {
            if *left <= 0 {
                return Ok(None);
            }
            let v = *cur;
            *left -= 1;
            *cur = cur.wrapping_add(*step);
            Ok(Some(Value::Int(v)))
        }
        IterState::DictKeys { dict, idx, len } | IterState::DictValues { dict, idx, len } | IterState::DictItems { dict, idx, len } => {
            let d = dict.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                drop(d);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            let e = d.entry_at(*idx);
            drop(d);
            *idx += 1;
            let kind = match &*s {
                IterState::DictKeys { .. } => 0,
                IterState::DictValues { .. } => 1,
                _ => 2,
            };
            Ok(e.map(|(k, v)| match kind {
                0 => k,
                1 => v,
                _ => Value::tuple(vec![k, v]),
            }))
        }
        IterState::Items { items, idx } => {
            let r = items.get(*idx).cloned();
            *idx += 1;
            Ok(r)
        }
        IterState::Reversed { seq, idx } => {
            if *idx == 0 {
                return Ok(None);
            }
            *idx -= 1;
            let i = *idx;
            let seq = seq.clone();
            drop(s);
            let v = vm.getitem(&seq, &Value::Int(i as i64))?;
            Ok(Some(v))
        }
        IterState::Enumerate { it, count } => {
            let it = it.clone();
            let n = *count;
            drop(s);
            match vm.next(&it)? {
                Some(v) => {
                    if let IterState::Enumerate { count, .. } = &mut *st.borrow_mut() {
                        *count += 1;
                    }
                    Ok(Some(Value::tuple(vec![Value::Int(n), v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { its, strict } => {
            let its = its.clone();
            let strict = *strict;
            drop(s);
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict {
                            if i > 0 {
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i > 1 { "s" } else { "" },
                                    if i > 1 { format!("-{}", i) } else { String::new() }
                                )));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if vm.next(other)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{} 1{}",
                                        j + 1,
                                        if j > 1 { "s" } else { "" },
                                        if j > 1 { format!("-{}", j) } else { String::new() }
                                    )));
                                }
                            }
                        }
                        *st.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        IterState::Map { f, its } => {
            let (f, its) = (f.clone(), its.clone());
            drop(s);
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.call(&f, args)?))
        }
        IterState::Filter { f, it } => {
            let (f, it) = (f.clone(), it.clone());
            drop(s);
            while let Some(v) = vm.next(&it)? {
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    vm.truthy(&vm.call(&f, vec![v.clone()])?)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::CallIter { f, sentinel } => {
            let (f, sentinel) = (f.clone(), sentinel.clone());
            drop(s);
            let v = vm.call(&f, vec![])?;
            if vm.eq(&v, &sentinel)? {
                *st.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Count { cur, step } => {
            let (c, stp) = (cur.clone(), step.clone());
            drop(s);
            let next = crate::vm::ops::binary_op(vm, &c, &stp, crate::vm::instr::op::ADD)?;
            if let IterState::Count { cur, .. } = &mut *st.borrow_mut() {
                *cur = next;
            }
            Ok(Some(c))
        }
        IterState::Exhausted => Ok(None),
    }
}
