//! Data attributes of built-in values (`f.__name__`, `x.real`, `s.start`, ...).

use std::rc::Rc;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn special_attr(vm: &Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Class(vm.type_of(obj))));
    }
    Ok(match (obj, name) {
        (Value::Func(f), _) => match name {
            "__name__" => Some(Value::str(&f.name.borrow())),
            "__qualname__" => Some(Value::str(&f.qualname.borrow())),
            "__doc__" => Some(f.doc.borrow().clone()),
            "__module__" => Some(f.module.clone()),
            "__code__" => Some(Value::Code(f.code.clone())),
            "__globals__" => Some(Value::Dict(f.globals.clone())),
            "__defaults__" => {
                let d = f.defaults.borrow();
                Some(if d.is_empty() { Value::None } else { Value::tuple(d.clone()) })
            }
            "__kwdefaults__" => {
                let d = f.kwdefaults.borrow();
                if d.is_empty() {
                    Some(Value::None)
                } else {
                    let mut dict = crate::objects::Dict::new();
                    for (k, v) in d.iter() {
                        dict.set_str(k.as_str(), v.clone());
                    }
                    Some(Value::dict(dict))
                }
            }
            "__closure__" => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
            }),
            "__annotations__" => Some(Value::dict(crate::objects::Dict::new())),
            "__dict__" => {
                let mut d = f.dict.borrow_mut();
                let d = d.get_or_insert_with(|| Rc::new(std::cell::RefCell::new(crate::objects::Dict::new())));
                Some(Value::Dict(d.clone()))
            }
            _ => f.dict.borrow().as_ref().and_then(|d| d.borrow().get_str(name)),
        },
        (Value::Method(m), "__self__") => Some(m.obj.clone()),
        (Value::Method(m), "__func__") => Some(m.func.clone()),
        (Value::Method(m), "__name__" | "__qualname__" | "__doc__" | "__module__") => return vm.getattr_opt(&m.func, name),
        (Value::Builtin(b), "__name__" | "__qualname__") => Some(Value::str(b.name)),
        (Value::Builtin(b), "__self__") => Some(b.bound.clone().unwrap_or(Value::None)),
        (Value::Builtin(b), "__module__") => Some(if b.is_method { Value::None } else { Value::str(b.owner) }),
        (Value::Builtin(_), "__doc__") => Some(Value::None),
        (Value::Generator(g), "__name__") => Some(Value::str(&g.name)),
        (Value::Generator(g), "__qualname__") => Some(Value::str(&g.qualname)),
        (Value::Generator(g), "gi_running") => Some(Value::Bool(g.running.get())),
        (Value::Generator(g), "gi_code") => Some(Value::Code(g.code.clone())),
        (Value::Generator(g), "gi_frame") => Some(if g.frame.borrow().is_some() {
            Value::str("<frame>")
        } else {
            Value::None
        }),
        (Value::Property(p), "fget") => Some(p.fget.clone()),
        (Value::Property(p), "fset") => Some(p.fset.clone()),
        (Value::Property(p), "fdel") => Some(p.fdel.clone()),
        (Value::Property(p), "__doc__") => Some(if p.doc.is_none() {
            vm.getattr_opt(&p.fget, "__doc__")?.unwrap_or(Value::None)
        } else {
            p.doc.clone()
        }),
        (Value::StaticMethod(f) | Value::ClassMethod(f), "__func__") => Some((**f).clone()),
        (Value::StaticMethod(f) | Value::ClassMethod(f), "__name__" | "__doc__" | "__qualname__") => return vm.getattr_opt(f, name),
        (Value::Range(r), "start") => Some(Value::Int(r.start)),
        (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
        (Value::Range(r), "step") => Some(Value::Int(r.step)),
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), "real" | "numerator") => Some(match obj {
            Value::Bool(b) => Value::Int(*b as i64),
            o => o.clone(),
        }),
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Code(c), _) => match name {
            "co_name" => Some(Value::str(&c.name)),
            "co_qualname" => Some(Value::str(&c.qualname)),
            "co_filename" => Some(Value::str(&c.filename)),
            "co_firstlineno" => Some(Value::Int(c.firstlineno as i64)),
            "co_argcount" => Some(Value::Int(c.argcount as i64)),
            "co_varnames" => Some(Value::tuple(
                c.varnames
                    .iter()
                    .filter(|v| !v.as_str().starts_with('$'))
                    .map(|v| Value::Str(v.clone()))
                    .collect(),
            )),
            _ => None,
        },
        (Value::Cell(c), "cell_contents") => match &*c.borrow() {
            Some(v) => Some(v.clone()),
            None => return Err(vm.value_error("Cell is empty")),
        },
        (Value::File(f), "name") => Some(Value::str(&f.borrow().name)),
        (Value::File(f), "mode") => Some(Value::str(&f.borrow().mode)),
        (Value::File(f), "closed") => Some(Value::Bool(f.borrow().closed)),
        (_, "__doc__") => Some(Value::None),
        _ => None,
    })
}
