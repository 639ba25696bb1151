//! The `builtins` module.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::compile::Mode;
use crate::objects::{add_method, Args, BuiltinFn, Dict, IterState, Kind};
use crate::value::Value;
use crate::vm::eval;
use crate::vm::frame::Frame;
use crate::vm::instr::op;
use crate::vm::ops::to_bigint;
use crate::vm::{import, PyResult, Vm};

fn print(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in &args.kwargs {
        match k.as_str() {
            "sep" => {
                if !v.is_none() {
                    sep = match v {
                        Value::Str(s) => s.as_str().to_string(),
                        _ => return Err(vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(v)))),
                    }
                }
            }
            "end" => {
                if !v.is_none() {
                    end = match v {
                        Value::Str(s) => s.as_str().to_string(),
                        _ => return Err(vm.type_error(format!("end must be None or a string, not {}", vm.type_name(v)))),
                    }
                }
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for print()", other))),
        }
    }
    if file.is_none() {
        file = crate::modules::sys::stdout(vm);
    }
    if !matches!(file, Value::File(_)) {
        // A user object: write() gets each piece, as CPython's print does.
        for (i, a) in args.args.iter().enumerate() {
            if i > 0 {
                crate::modules::io::write_to(vm, &file, &sep)?;
            }
            let s = vm.str(a)?;
            crate::modules::io::write_to(vm, &file, &s)?;
        }
        crate::modules::io::write_to(vm, &file, &end)?;
        if flush {
            crate::modules::io::flush(vm, &file)?;
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, a) in args.args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => out.push_str(&vm.str(a)?),
        }
    }
    out.push_str(&end);
    crate::modules::io::write_to(vm, &file, &out)?;
    if flush {
        crate::modules::io::flush(vm, &file)?;
    }
    Ok(Value::None)
}

fn len(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.args[0])? as i64))
}

/// `len`'s fast form (see `Builtin::fast`).
fn len_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [x] = args else { return None };
    Some(vm.len(x).map(|n| Value::Int(n as i64)))
}

fn repr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "repr", 1, 1)?;
    Ok(Value::string(vm.repr(&args.args[0])?))
}

fn ascii(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ascii", 1, 1)?;
    Ok(Value::string(crate::objects::repr::ascii(&vm.repr(&args.args[0])?)))
}

fn abs(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "abs", 1, 1)?;
    let v = &args.args[0];
    Ok(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Long(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Instance(i) => match i.class().lookup("__abs__") {
            Some(m) if !matches!(m, Value::Builtin(_)) => return vm.call(&m, vec![v.clone()]),
            _ => {
                let base = crate::vm::ops::unwrap_base(v);
                if !matches!(base, Value::Instance(_)) && !base.is_none() {
                    return abs(vm, Args::new(vec![base]));
                }
                return Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))));
            }
        },
        _ => return Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    })
}

fn divmod(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "divmod", 2, 2)?;
    let (a, b) = (&args.args[0], &args.args[1]);
    if let (
        Value::Float(_) | Value::Int(_) | Value::Long(_) | Value::Bool(_),
        Value::Float(_) | Value::Int(_) | Value::Long(_) | Value::Bool(_),
    ) = (a, b)
    {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            let x = crate::vm::ops::to_f64(vm, a)?.unwrap();
            let y = crate::vm::ops::to_f64(vm, b)?.unwrap();
            let (q, r) = crate::vm::ops::float_divmod(vm, x, y)?;
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
        if matches!(a, Value::Long(_)) || matches!(b, Value::Long(_)) {
            if let Some((q, r)) = crate::vm::ops::big_divmod(vm, a, b)? {
                return Ok(Value::tuple(vec![q, r]));
            }
        }
        let q = crate::vm::ops::binary_op(vm, a, b, op::FLOORDIV)?;
        let r = crate::vm::ops::binary_op(vm, a, b, op::MOD)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Value::Instance(i) = a {
        if let Some(m) = i.class().lookup("__divmod__") {
            return vm.call(&m, vec![a.clone(), b.clone()]);
        }
    }
    if let Value::Instance(i) = b {
        if let Some(m) = i.class().lookup("__rdivmod__") {
            return vm.call(&m, vec![b.clone(), a.clone()]);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn pow(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = args.args.len() + args.kwargs.len();
    if n > 3 {
        return Err(vm.type_error(format!("pow() takes at most 3 arguments ({} given)", n)));
    }
    let base = args.required(vm, "pow", 0, "base")?;
    let exp = args.required(vm, "pow", 1, "exp")?;
    match args.get(2, "mod") {
        None | Some(Value::None) => crate::vm::ops::binary_op(vm, &base, &exp, op::POW),
        Some(m) => {
            let (b, e, m) = match (to_bigint(&base), to_bigint(&exp), to_bigint(&m)) {
                (Some(b), Some(e), Some(m)) => (b, e, m),
                _ => return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
            };
            if m.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let r = if e.is_negative() {
                let inv = mod_inverse(&b, &m).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
                inv.modpow(&(-e), &m)
            } else {
                b.modpow(&e, &m)
            };
            // Python's result has the sign of the modulus.
            let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
                r + &m
            } else {
                r
            };
            Ok(Value::from_bigint(r))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = num_integer::Integer::extended_gcd(a, m);
    if g.gcd != BigInt::from(1) && g.gcd != BigInt::from(-1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&g.x, m))
}

fn round(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({} given)", args.len())));
    }
    let x = args.required(vm, "round", 0, "number")?;
    args.check_kw(vm, "round", 1, 2)?;
    let nd = args.get(1, "ndigits").unwrap_or(Value::None);
    if let Value::Instance(i) = &x {
        if let Some(m) = i.class().lookup("__round__") {
            if !matches!(m, Value::Builtin(_)) {
                let mut a = vec![x.clone()];
                if !nd.is_none() {
                    a.push(nd);
                }
                return vm.call(&m, a);
            }
        }
    }
    match (&crate::vm::ops::unwrap_base(&x), &nd) {
        (Value::Float(f), Value::None) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow("cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            crate::objects::num::float_to_int(vm, r)
        }
        (Value::Float(f), n) => {
            let n = vm.index_value(n)?;
            Ok(Value::Float(round_float(*f, n)))
        }
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), Value::None) => {
            Ok(Value::from_bigint(to_bigint(&crate::vm::ops::unwrap_base(&x)).unwrap()))
        }
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), n) => {
            let n = vm.index_value(n)?;
            let v = to_bigint(&crate::vm::ops::unwrap_base(&x)).unwrap();
            if n >= 0 {
                return Ok(Value::from_bigint(v));
            }
            let p = num_traits::pow::pow(BigInt::from(10), (-n) as usize);
            let q = num_integer::Integer::div_floor(&v, &p);
            let r = &v - &q * &p;
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_bigint(q * p))
        }
        _ => Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(&x)))),
    }
}

/// Correctly rounded round(f, n), as CPython does through its decimal string.
pub fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 308 {
        return f;
    }
    if n < -308 {
        return 0.0 * f;
    }
    if n >= 0 {
        // Format with exactly n digits after the point (round-half-even on the
        // exact binary value), then parse back.
        let s = format!("{:.*}", n as usize, f);
        return s.parse().unwrap_or(f);
    }
    let p = 10f64.powi((-n) as i32);
    let y = f / p;
    let r = y.round_ties_even();
    let z = r * p;
    if z.is_finite() {
        z
    } else {
        f
    }
}

fn isinstance(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &args.args[0], &args.args[1])?))
}

/// `isinstance`'s fast form (see `Builtin::fast`).
fn isinstance_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [v, cls] = args else { return None };
    Some(isinstance_of(vm, v, cls).map(Value::Bool))
}

pub(crate) fn isinstance_of(vm: &Vm, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            if vm.isinstance(v, c) {
                return Ok(true);
            }
            if let Some(m) = c.meta_method("__instancecheck__") {
                let r = vm.call(&m, vec![cls.clone(), v.clone()])?;
                return vm.truthy(&r);
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for c in t.iter() {
                if isinstance_of(vm, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn issubclass(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issubclass", 2, 2)?;
    let Value::Class(c) = &args.args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    fn check(vm: &Vm, c: &Rc<crate::objects::Class>, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(p) => {
                if c.is_subclass(p) {
                    return Ok(true);
                }
                if let Some(m) = p.meta_method("__subclasscheck__") {
                    let r = vm.call(&m, vec![t.clone(), Value::Class(c.clone())])?;
                    return vm.truthy(&r);
                }
                Ok(false)
            }
            Value::Tuple(ts) => {
                for x in ts.iter() {
                    if check(vm, c, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        }
    }
    Ok(Value::Bool(check(vm, c, &args.args[1])?))
}

fn attr_name(vm: &Vm, v: &Value, _f: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v)))),
    }
}

fn getattr_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, &args.args[1], "getattr")?;
    match args.args.get(2) {
        Some(d) => Ok(vm.getattr_opt(&args.args[0], &name)?.unwrap_or_else(|| d.clone())),
        None => vm.getattr(&args.args[0], &name),
    }
}

fn setattr_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, &args.args[1], "setattr")?;
    vm.setattr(&args.args[0], &name, args.args[2].clone())?;
    Ok(Value::None)
}

fn delattr_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, &args.args[1], "delattr")?;
    vm.delattr(&args.args[0], &name)?;
    Ok(Value::None)
}

fn hasattr_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, &args.args[1], "hasattr")?;
    Ok(Value::Bool(vm.getattr_opt(&args.args[0], &name)?.is_some()))
}

fn id(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "id", 1, 1)?;
    let v = &args.args[0];
    Ok(Value::Int(match v.ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::None => 0x1000,
            Value::Bool(b) => 0x1010 + *b as i64 * 16,
            Value::Int(i) => 0x10_0000_0000 + i.wrapping_mul(32),
            Value::Float(f) => f.to_bits() as i64 >> 2,
            _ => 0x2000,
        },
    }))
}

fn hash(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.args[0])?))
}

fn chr_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "chr", 1, 1)?;
    let n = match &args.args[0] {
        Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        v => vm.index_value(v)?,
    };
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0..0x110000).contains(&n) => Ok(Value::string('\u{fffd}'.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ord", 1, 1)?;
    match &args.args[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.char_len())));
            }
            Ok(Value::Int(s.char_at(0) as i64))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
        v => Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(v)))),
    }
}

fn radix(vm: &Vm, args: &Args, name: &str, spec: &str) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let v = &args.args[0];
    let n = match v {
        Value::Int(_) | Value::Long(_) | Value::Bool(_) => v.clone(),
        _ => Value::Int(vm.index_value(v)?),
    };
    Ok(Value::string(crate::format::format_value(vm, &n, spec)?))
}
fn hex(vm: &Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "hex", "#x")
}
fn oct(vm: &Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "oct", "#o")
}
fn bin(vm: &Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "bin", "#b")
}

fn format_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "format", 1, 2)?;
    let spec = match args.args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(v)))),
        None => String::new(),
    };
    Ok(Value::string(crate::format::format_value(vm, &args.args[0], &spec)?))
}

fn iter_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "iter", 1, 2)?;
    if let Some(sentinel) = args.args.get(1) {
        return Ok(Value::Iter(Rc::new(RefCell::new(IterState::CallIter {
            f: args.args[0].clone(),
            sentinel: sentinel.clone(),
        }))));
    }
    vm.iter(&args.args[0])
}

/// `next(it)` of a generator or a built-in iterator, without an argument vector.
fn next_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    match args {
        [Value::Generator(g)] => Some(match eval::resume(vm, g, eval::Resume::Send(Value::None)) {
            Ok(eval::GenResult::Yield(v)) => Ok(v),
            Ok(eval::GenResult::Return(v)) => Err(vm.stop_iteration(v)),
            Err(e) => Err(e),
        }),
        [it @ Value::Iter(_)] => Some(match vm.next(it) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(vm.stop_iteration(Value::None)),
            Err(e) => Err(e),
        }),
        _ => None,
    }
}

fn next_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "next", 1, 2)?;
    let it = &args.args[0];
    let is_iter = match it {
        Value::Iter(_) | Value::Generator(_) | Value::File(_) => true,
        Value::Instance(i) => i.class().lookup("__next__").is_some(),
        _ => false,
    };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    // StopIteration with a value (from generators returning) must propagate as is.
    if let (Value::Generator(g), None) = (it, args.args.get(1)) {
        return match eval::resume(vm, g, eval::Resume::Send(Value::None))? {
            eval::GenResult::Yield(v) => Ok(v),
            eval::GenResult::Return(v) => Err(vm.stop_iteration(v)),
        };
    }
    if let (Value::Instance(i), None) = (it, args.args.get(1)) {
        let m = i.class().lookup("__next__").unwrap();
        return vm.call(&m, vec![it.clone()]);
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn callable(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "callable", 1, 1)?;
    Ok(Value::Bool(match &args.args[0] {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) | Value::StaticMethod(_) => true,
        Value::Instance(i) => i.class().lookup("__call__").is_some(),
        _ => false,
    }))
}

fn vars(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "vars", 1, 1)?;
    match vm.getattr_opt(&args.args[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

pub fn dir_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |d: &Dict| {
        for k in d.keys() {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    };
    match v {
        Value::Module(m) => add(&m.dict.borrow()),
        Value::Class(c) => {
            for k in c.mro_iter() {
                add(&k.dict.borrow());
            }
        }
        Value::Instance(i) => {
            add(&i.dict.borrow());
            for k in i.class().mro_iter() {
                add(&k.dict.borrow());
            }
        }
        other => {
            for k in vm.type_of(other).mro_iter() {
                add(&k.dict.borrow());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn dir_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "dir", 0, 1)?;
    match args.args.first() {
        Some(v) => {
            if let Value::Instance(i) = v {
                if let Some(m) = i.class().lookup("__dir__") {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = vm.call(&m, vec![v.clone()])?;
                        let mut items = vm.to_vec(&r)?;
                        crate::objects::list::sort_values(vm, &mut items, &Value::None, false)?;
                        return Ok(Value::list(items));
                    }
                }
            }
            dir_of(vm, v)
        }
        None => Ok(Value::list(vec![])),
    }
}

fn sum(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", args.len())));
    }
    if args.args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    args.check(vm, "sum", 1, 2)?;
    let mut acc = args.get(1, "start").unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(&args.args[0])?;
    if let Value::Generator(g) = &it {
        // Sums of machine ints and floats run no Python code: the
        // generator is driven until an item needs the general addition.
        let refused = eval::gen_drive(vm, g, |x| match add_numbers(&acc, &x) {
            Some(r) => {
                acc = r;
                None
            }
            None => Some(x),
        })?;
        match refused {
            eval::Driven::Done => return Ok(acc),
            eval::Driven::Refused(x) => acc = crate::vm::ops::binary_op(vm, &acc, &x, op::ADD)?,
        }
    }
    // Float sums use Neumaier compensation as CPython 3.12 does not; 3.11 adds plainly.
    while let Some(x) = vm.next(&it)? {
        acc = match add_numbers(&acc, &x) {
            Some(r) => r,
            None => crate::vm::ops::binary_op(vm, &acc, &x, op::ADD)?,
        };
    }
    Ok(acc)
}

/// `sum`'s step for machine ints and floats (no overflow): what the
/// general addition would give, without it; None for everything else.
#[inline]
fn add_numbers(acc: &Value, x: &Value) -> Option<Value> {
    match (acc, x) {
        (Value::Int(a), Value::Int(b)) => a.checked_add(*b).map(Value::Int),
        _ => crate::vm::ops::float_fast(acc, x, op::ADD),
    }
}

fn minmax(vm: &Vm, args: Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let key = args.kw("key").unwrap_or(Value::None);
    let default = args.kw("default");
    for (k, _) in &args.kwargs {
        if k.as_str() != "key" && k.as_str() != "default" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k.as_str(), name)));
        }
    }
    let items = match args.args.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => vm.to_vec(&args.args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            args.args.clone()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = if key.is_none() {
        best.clone()
    } else {
        crate::vm::eval::call_one(vm, &key, best.clone())?
    };
    for it in items.into_iter().skip(1) {
        let k = if key.is_none() {
            it.clone()
        } else {
            crate::vm::eval::call_one(vm, &key, it.clone())?
        };
        let better = vm.compare(&k, &best_key, if is_max { op::GT } else { op::LT })?;
        if vm.truthy(&better)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, false)
}
fn max(vm: &Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, true)
}

fn any(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "any", 1, 1)?;
    let it = vm.iter(&args.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "all", 1, 1)?;
    let it = vm.iter(&args.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn sorted(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.args.len())));
    }
    let mut items = vm.to_vec(&args.args[0])?;
    let key = args.kw("key").unwrap_or(Value::None);
    let reverse = match args.kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    crate::objects::list::sort_values(vm, &mut items, &key, reverse)?;
    Ok(Value::list(items))
}

fn enumerate_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let it = args
        .get(1, "iterable")
        .ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = match args.get(2, "start") {
        Some(v) => vm.index_value(&v)?,
        None => 0,
    };
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Enumerate {
        it: vm.iter(&it)?,
        count: start,
    }))))
}

fn zip_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let strict = match args.kw("strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, a) in args.args[1..].iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => its.push(it),
            Err(e) if vm.is_exc(&e, &vm.types.exc.type_error) => {
                let _ = i;
                return Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(a))));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Zip { its, strict }))))
}

fn map_new(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = args.args[1].clone();
    let mut its = Vec::new();
    for a in &args.args[2..] {
        its.push(vm.iter(a)?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Map { f, its }))))
}

fn filter_new(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.args.len() - 1)));
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Filter {
        f: args.args[1].clone(),
        it: vm.iter(&args.args[2])?,
    }))))
}

fn reversed_new(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.args.len() - 1)));
    }
    let v = &args.args[1];
    if let Value::Instance(i) = v {
        if let Some(m) = i.class().lookup("__reversed__") {
            if !matches!(m, Value::Builtin(_)) {
                return vm.call(&m, vec![v.clone()]);
            }
        }
    }
    let base_dict = match v {
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Dict(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(d) = base_dict {
        let keys = d.borrow().keys();
        let n = keys.len();
        return Ok(Value::Iter(Rc::new(RefCell::new(IterState::Reversed {
            seq: Value::list(keys),
            idx: n,
        }))));
    }
    let seq = match v {
        Value::Dict(d) => Value::list(d.borrow().keys()),
        Value::DictView(dv) => Value::list(crate::objects::mapping::view_items(dv)),
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) | Value::ByteArray(_) => v.clone(),
        Value::Instance(i) if i.class().lookup("__getitem__").is_some() && i.class().lookup("__len__").is_some() => v.clone(),
        Value::Instance(i) if !matches!(&*i.base.borrow(), Value::None) => i.base.borrow().clone(),
        _ => return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))),
    };
    let n = vm.len(&seq)?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Reversed { seq, idx: n }))))
}

fn input(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "input", 0, 1)?;
    if let Some(p) = args.args.first() {
        let s = vm.str(p)?;
        let out = crate::modules::sys::stdout(vm);
        crate::modules::io::write_to(vm, &out, &s)?;
    }
    vm.flush_stdout();
    let stdin = crate::modules::sys::stdin(vm);
    let line = crate::modules::io::readline(vm, &stdin)?;
    if line.is_empty() {
        return Err(vm.err(&vm.types.exc.eof_error, "EOF when reading a line"));
    }
    Ok(Value::string(line.strip_suffix('\n').unwrap_or(&line).to_string()))
}

/// exec/eval(source, globals=None, locals=None)
fn exec_eval(vm: &Vm, args: Args, mode: Mode) -> PyResult<Value> {
    let name = if mode == Mode::Eval { "eval" } else { "exec" };
    args.check(vm, name, 1, 3)?;
    let globals = match args.get(1, "globals") {
        Some(Value::Dict(d)) => d,
        Some(Value::None) | None => {
            let d = Rc::new(RefCell::new(Dict::new()));
            crate::gc::track(&Value::Dict(d.clone()));
            d
        }
        Some(v) => return Err(vm.type_error(format!("{}() globals must be a dict, not {}", name, vm.type_name(&v)))),
    };
    if !globals.borrow().contains_str("__builtins__") {
        globals.borrow_mut().set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    }
    let locals = match args.get(2, "locals") {
        Some(Value::Dict(d)) if !Rc::ptr_eq(&d, &globals) => Some(d),
        _ => None,
    };
    let code = match &args.args[0] {
        Value::Str(s) => {
            let src = if mode == Mode::Eval {
                s.as_str().trim_start_matches([' ', '\t']).to_string()
            } else {
                s.as_str().to_string()
            };
            import::compile_source(vm, &src, "<string>", mode, false)?
        }
        Value::Code(c) => c.clone(),
        v => {
            return Err(vm.type_error(format!(
                "{}() arg 1 must be a string, bytes or code object, not {}",
                name,
                vm.type_name(v)
            )))
        }
    };
    let mut frame = Frame::new(code, globals, locals);
    let r = eval::run_frame(vm, &mut frame)?;
    Ok(if mode == Mode::Eval { r } else { Value::None })
}

fn exec_b(vm: &Vm, args: Args) -> PyResult<Value> {
    exec_eval(vm, args, Mode::Exec)
}
fn eval_b(vm: &Vm, args: Args) -> PyResult<Value> {
    exec_eval(vm, args, Mode::Eval)
}

fn compile_b(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "compile", 3, 6)?;
    let src = vm.str(&args.args[0])?;
    let filename = vm.str(&args.args[1])?;
    let mode = match vm.str(&args.args[2])?.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    Ok(Value::Code(import::compile_source(vm, &src, &filename, mode, false)?))
}

fn import_b(vm: &Vm, args: Args) -> PyResult<Value> {
    let name = vm.str(&args.args[0])?;
    let fromlist = args.get(3, "fromlist").unwrap_or(Value::None);
    let level = match args.get(4, "level") {
        Some(v) => vm.index_value(&v)? as usize,
        None => 0,
    };
    let globals = match args.get(1, "globals") {
        Some(Value::Dict(d)) => d,
        _ => Rc::new(RefCell::new(Dict::new())),
    };
    import::import_name(vm, &name, &fromlist, level, &globals)
}

fn open_b(vm: &Vm, args: Args) -> PyResult<Value> {
    crate::modules::io::open(vm, args)
}

fn exit_b(vm: &Vm, args: Args) -> PyResult<Value> {
    let code = args.args.first().cloned();
    let e = vm.new_exc(&vm.types.exc.system_exit, code.into_iter().collect());
    Err(crate::vm::PyErr(e))
}

/// Builtins written in Python (the `complex` type), loaded on first use.
pub fn lazy_builtin(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    if name != "complex" {
        return Ok(None);
    }
    let m = import::import_module(vm, "_complex")?;
    let cls = vm.getattr(&m, "complex")?;
    vm.builtins.borrow_mut().set_str("complex", cls.clone());
    Ok(Some(cls))
}

/// dir() without arguments: the sorted names of the calling namespace.
pub fn sorted_keys(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut keys = match args.args.first() {
        Some(Value::Dict(d)) => d.borrow().keys(),
        _ => vec![],
    };
    crate::objects::list::sort_values(vm, &mut keys, &Value::None, false)?;
    Ok(Value::list(keys))
}

/// A complex literal `3j` (the compiler emits a call to this).
pub fn complex_literal(vm: &Vm, mut args: Args) -> PyResult<Value> {
    let cls = lazy_builtin(vm, "complex")?.unwrap_or(Value::None);
    vm.call(&cls, std::mem::take(&mut args.args))
}

pub fn install(vm: &Vm) {
    let t = &vm.types;
    crate::objects::builtin_types::register(t);
    crate::objects::str::register(t);
    crate::objects::list::register(t);
    crate::objects::mapping::register(t);
    crate::objects::num::register(t);
    crate::objects::bytes::register(t);
    crate::modules::io::register(t);
    add_method(&t.enumerate, "enumerate", "__new__", enumerate_new);
    add_method(&t.zip, "zip", "__new__", zip_new);
    add_method(&t.map, "map", "__new__", map_new);
    add_method(&t.filter, "filter", "__new__", filter_new);
    add_method(&t.reversed, "reversed", "__new__", reversed_new);

    let mut b = vm.builtins.borrow_mut();
    for cls in t.all() {
        if !matches!(
            cls.kind,
            Kind::NoneType
                | Kind::NotImplementedType
                | Kind::Ellipsis
                | Kind::Function
                | Kind::BuiltinFunction
                | Kind::Method
                | Kind::Module
                | Kind::Generator
                | Kind::Code
                | Kind::Cell
                | Kind::File
        ) && (cls.kind != Kind::Iterator || matches!(cls.name.as_str(), "enumerate" | "zip" | "map" | "filter" | "reversed"))
        {
            b.set_str(&cls.name, Value::Class(cls.clone()));
        }
    }
    for cls in &t.exc.all {
        b.set_str(&cls.name, Value::Class(cls.clone()));
    }
    b.set_str("EnvironmentError", Value::Class(t.exc.os_error.clone()));
    b.set_str("IOError", Value::Class(t.exc.os_error.clone()));
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr_b),
        ("setattr", setattr_b),
        ("delattr", delattr_b),
        ("hasattr", hasattr_b),
        ("id", id),
        ("hash", hash),
        ("chr", chr_b),
        ("ord", ord_b),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format_b),
        ("iter", iter_b),
        ("next", next_b),
        ("callable", callable),
        ("vars", vars),
        ("dir", dir_b),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("any", any),
        ("all", all),
        ("sorted", sorted),
        ("input", input),
        ("exec", exec_b),
        ("eval", eval_b),
        ("compile", compile_b),
        ("__import__", import_b),
        ("open", open_b),
        ("exit", exit_b),
        ("quit", exit_b),
        ("__build_class__", crate::vm::call::build_class),
    ];
    for (name, f) in fns {
        b.set_str(
            name,
            Value::Builtin(Rc::new(crate::objects::Builtin {
                name,
                func: *f,
                owner: "builtins",
                is_method: false,
                bound: None,
                fast: None,
            })),
        );
    }
    crate::objects::set_fast(&mut b, "len", len_fast);
    crate::objects::set_fast(&mut b, "next", next_fast);
    crate::objects::set_fast(&mut b, "isinstance", isinstance_fast);
    b.set_str("None", Value::None);
    b.set_str("True", Value::Bool(true));
    b.set_str("False", Value::Bool(false));
    b.set_str("Ellipsis", Value::Ellipsis);
    b.set_str("NotImplemented", Value::NotImplemented);
    b.set_str("__debug__", Value::Bool(!vm.optimize));
    b.set_str("__name__", Value::str("builtins"));
    let _ = ToPrimitive::to_i64(&BigInt::from(0));
}
