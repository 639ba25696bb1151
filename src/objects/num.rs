//! int, float and bool: constructors, parsing, and methods.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Num, Signed, ToPrimitive, Zero};

use crate::objects::{add_method, Args, Kind};
use crate::value::Value;
use crate::vm::ops::to_bigint;
use crate::vm::{PyResult, Vm};

pub const MAX_STR_DIGITS: usize = 4300;

/// Parse an int literal the way int(str, base) does.
pub fn parse_int(vm: &Vm, text: &str, base: u32) -> PyResult<Value> {
    let bad = || {
        vm.value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            crate::objects::repr::str_repr(text)
        ))
    };
    let mapped = crate::objects::str::ascii_digits(text);
    let t = mapped.trim();
    let (neg, mut body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut radix = base;
    let lower = body.to_ascii_lowercase();
    let prefix = |p: &str| lower.starts_with(p);
    if base == 0 || base == 16 && prefix("0x") || base == 8 && prefix("0o") || base == 2 && prefix("0b") {
        if prefix("0x") {
            radix = 16;
            body = &body[2..];
        } else if prefix("0o") {
            radix = 8;
            body = &body[2..];
        } else if prefix("0b") {
            radix = 2;
            body = &body[2..];
        } else if base == 0 {
            radix = 10;
            if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
                return Err(bad());
            }
        }
        body = body.strip_prefix('_').unwrap_or(body);
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(bad());
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        // Unicode digits (e.g. Arabic-Indic) are valid in CPython; map them.
        let mapped: Option<String> = clean
            .chars()
            .map(|c| c.to_digit(radix).and_then(|d| std::char::from_digit(d, radix)))
            .collect();
        match mapped {
            Some(m) if !m.is_empty() => return finish_int(vm, &m, radix, neg),
            _ => return Err(bad()),
        }
    }
    finish_int(vm, &clean, radix, neg)
}

fn finish_int(vm: &Vm, digits: &str, radix: u32, neg: bool) -> PyResult<Value> {
    if radix == 10 && digits.len() > MAX_STR_DIGITS {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS,
            digits.len()
        )));
    }
    let v = if digits.len() < 18 && radix == 10 {
        Value::Int(digits.parse::<i64>().unwrap_or(0))
    } else {
        Value::from_bigint(BigInt::from_str_radix(digits, radix).map_err(|_| vm.value_error("invalid literal for int()"))?)
    };
    if neg {
        crate::vm::ops::unary_op(vm, &v, crate::vm::instr::op::NEG)
    } else {
        Ok(v)
    }
}

pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default()))
    }
}

/// int(x) for any x.
pub fn to_int(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Long(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(vm, *f),
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        Value::Bytes(b) => parse_int(vm, &String::from_utf8_lossy(b), 10),
        Value::Instance(i) => {
            let cls = i.class();
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = cls.lookup(name) {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = vm.call(&m, vec![v.clone()])?;
                        return match r {
                            Value::Int(_) | Value::Long(_) => Ok(r),
                            Value::Bool(b) => Ok(Value::Int(b as i64)),
                            _ => Err(vm.type_error(format!("{} returned non-int (type {})", name, vm.type_name(&r)))),
                        };
                    }
                }
            }
            let base = i.base.borrow().clone();
            if !matches!(base, Value::None) && cls.kind != Kind::BaseException {
                return to_int(vm, &base);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                cls.name
            )))
        }
        _ => Err(vm.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn int_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let v = match (args.get(1, "x"), args.get(2, "base")) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => to_int(vm, &x)?,
        (Some(x), Some(b)) => {
            let base = vm.index_value(&b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match &x {
                Value::Str(s) => parse_int(vm, s.as_str(), base as u32)?,
                Value::Bytes(bs) => parse_int(vm, &String::from_utf8_lossy(bs), base as u32)?,
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    crate::objects::str::wrap(cls, v)
}

pub fn parse_float(vm: &Vm, text: &str) -> PyResult<f64> {
    let mapped = crate::objects::str::ascii_digits(text);
    let t = mapped.trim();
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    let l = clean.to_ascii_lowercase();
    let l = l.as_str();
    let r = match l {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => {
            let ok = !clean.is_empty()
                && clean
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
                && clean.chars().any(|c| c.is_ascii_digit())
                && !t.contains("__")
                && !t.starts_with('_')
                && !t.ends_with('_');
            if ok {
                clean.parse::<f64>().ok()
            } else {
                None
            }
        }
    };
    r.ok_or_else(|| {
        vm.value_error(format!(
            "could not convert string to float: {}",
            crate::objects::repr::str_repr(text)
        ))
    })
}

pub fn to_float(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Long(_) | Value::Bool(_) => Ok(crate::vm::ops::to_f64(vm, v)?.unwrap()),
        Value::Str(s) => parse_float(vm, s.as_str()),
        Value::Instance(i) => {
            let cls = i.class();
            for name in ["__float__", "__index__"] {
                if let Some(m) = cls.lookup(name) {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = vm.call(&m, vec![v.clone()])?;
                        return match r {
                            Value::Float(f) => Ok(f),
                            Value::Int(_) | Value::Long(_) if name == "__index__" => to_float(vm, &r),
                            _ => Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", cls.name, vm.type_name(&r)))),
                        };
                    }
                }
            }
            let base = i.base.borrow().clone();
            if !matches!(base, Value::None) && cls.kind != Kind::BaseException {
                return to_float(vm, &base);
            }
            Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", cls.name)))
        }
        _ => Err(vm.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn float_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let v = match args.args.get(1) {
        None => 0.0,
        Some(x) => to_float(vm, x)?,
    };
    crate::objects::str::wrap(cls, Value::Float(v))
}

fn bool_new(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    Ok(Value::Bool(match args.args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    }))
}

fn self_int(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    to_bigint(&crate::vm::ops::unwrap_base(v)).ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

fn int_bit_length(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 1 {
        return Err(vm.type_error(format!("int.bit_length() takes no arguments ({} given)", args.args.len() - 1)));
    }
    if let Some(r) = int_bit_length_fast(vm, &args.args) {
        return r;
    }
    let n = self_int(vm, &args.args[0])?;
    Ok(Value::Int(n.abs().bits() as i64))
}

/// `int.bit_length` of a machine-word int, without an argument vector.
fn int_bit_length_fast(_: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [Value::Int(i)] = args else { return None };
    Some(Ok(Value::Int(i64::from(64 - i.unsigned_abs().leading_zeros()))))
}

fn int_bit_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = self_int(vm, &args.args[0])?;
    Ok(Value::Int(n.abs().to_u32_digits().1.iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_conjugate(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from_bigint(self_int(vm, &args.args[0])?))
}

fn int_as_integer_ratio(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::from_bigint(self_int(vm, &args.args[0])?), Value::Int(1)]))
}

fn int_to_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = self_int(vm, &args.args[0])?;
    let length = match args.get(1, "length") {
        Some(v) => vm.index_value(&v)? as usize,
        None => 1,
    };
    let big = match args.get(2, "byteorder") {
        Some(v) => vm.str(&v)? == "big",
        None => true,
    };
    let signed = match args.kw("signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(vm.overflow("can't convert negative int to unsigned"));
    }
    let mut bytes = n.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && *bytes.last().unwrap() == 0 {
        bytes.pop();
    }
    if bytes.len() > length {
        return Err(vm.overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn int_from_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    let data = crate::objects::bytes::bytes_of(vm, &args.get(1, "bytes").unwrap_or(Value::None))?;
    let big = match args.get(2, "byteorder") {
        Some(v) => vm.str(&v)? == "big",
        None => true,
    };
    let signed = match args.kw("signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let n = match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

fn self_float(vm: &Vm, v: &Value) -> PyResult<f64> {
    match crate::vm::ops::unwrap_base(v) {
        Value::Float(f) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args.args[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args.args[0])?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = crate::objects::hash::frexp(f);
    let mut mant = m;
    let mut exp = e;
    for _ in 0..300 {
        if mant.fract() == 0.0 {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let mut num: BigInt = num_traits::FromPrimitive::from_f64(mant).unwrap_or_default();
    let mut den = BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    Ok(Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)]))
}

fn float_conjugate(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args.args[0])?))
}

fn float_hex(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args.args[0])?;
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let hex = format!("{:013x}", mant);
    Ok(Value::string(format!(
        "{}0x{}.{}p{}{}",
        sign,
        lead,
        hex,
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )))
}

fn num_index(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from_bigint(self_int(vm, &args.args[0])?))
}
fn num_float(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(to_float(vm, &crate::vm::ops::unwrap_base(&args.args[0]))?))
}
fn num_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&crate::vm::ops::unwrap_base(&args.args[0]))?))
}
fn num_hash(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&crate::vm::ops::unwrap_base(&args.args[0]))?))
}
fn num_binop(vm: &Vm, args: &Args, o: u32, rev: bool) -> PyResult<Value> {
    let a = crate::vm::ops::unwrap_base(&args.args[0]);
    let b = crate::vm::ops::unwrap_base(args.args.get(1).unwrap_or(&Value::None));
    let (x, y) = if rev { (b, a) } else { (a, b) };
    match crate::vm::ops::binary_op(vm, &x, &y, o) {
        Ok(v) => Ok(v),
        Err(e) if vm.is_exc(&e, &vm.types.exc.type_error) => Ok(Value::NotImplemented),
        Err(e) => Err(e),
    }
}
macro_rules! num_ops {
    ($($name:ident, $rname:ident => $op:ident;)*) => {
        $(
            fn $name(vm: &Vm, args: Args) -> PyResult<Value> { num_binop(vm, &args, crate::vm::instr::op::$op, false) }
            fn $rname(vm: &Vm, args: Args) -> PyResult<Value> { num_binop(vm, &args, crate::vm::instr::op::$op, true) }
        )*
        fn register_ops(c: &Rc<crate::objects::Class>, owner: &'static str) {
            $(
                add_method(c, owner, concat!("__", stringify!($op), "__"), $name);
            )*
            let _ = [$($rname as crate::objects::BuiltinFn),*];
        }
    };
}
num_ops! {
    n_add, n_radd => ADD;
    n_sub, n_rsub => SUB;
    n_mul, n_rmul => MUL;
    n_truediv, n_rtruediv => TRUEDIV;
    n_floordiv, n_rfloordiv => FLOORDIV;
    n_mod, n_rmod => MOD;
    n_pow, n_rpow => POW;
}
fn lower_ops(c: &Rc<crate::objects::Class>, owner: &'static str) {
    // Spelled as Python does.
    let items: Vec<(String, Value)> = c
        .dict
        .borrow()
        .items()
        .into_iter()
        .filter_map(|(k, v)| k.as_str().map(|s| (s.to_string(), v)))
        .collect();
    for (k, v) in items {
        let lower = k.to_lowercase();
        if lower != k {
            c.dict.borrow_mut().remove_str(&k);
            let name = static_name(lower);
            if let Value::Builtin(b) = v {
                add_method(c, owner, name, b.func);
            }
        }
    }
}

/// A `&'static str` for a method name made at run time: leaked once per
/// process and kept in a table, so that every interpreter created after
/// the first reuses it (and nothing is lost at exit).
fn static_name(name: String) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.get(&name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.clone().into_boxed_str());
    names.insert(name, leaked);
    leaked
}

pub fn register(t: &crate::vm::Types) {
    let i = &t.int;
    add_method(i, "int", "__new__", int_new);
    add_method(i, "int", "bit_length", int_bit_length);
    crate::objects::set_fast(&mut i.dict.borrow_mut(), "bit_length", int_bit_length_fast);
    add_method(i, "int", "bit_count", int_bit_count);
    add_method(i, "int", "conjugate", int_conjugate);
    add_method(i, "int", "as_integer_ratio", int_as_integer_ratio);
    add_method(i, "int", "to_bytes", int_to_bytes);
    add_method(i, "int", "__index__", num_index);
    add_method(i, "int", "__int__", num_index);
    add_method(i, "int", "__float__", num_float);
    add_method(i, "int", "__repr__", num_repr);
    add_method(i, "int", "__hash__", num_hash);
    register_ops(i, "int");
    lower_ops(i, "int");
    i.dict.borrow_mut().set_str(
        "from_bytes",
        Value::ClassMethod(Rc::new(Value::Builtin(Rc::new(crate::objects::Builtin {
            name: "from_bytes",
            func: int_from_bytes,
            owner: "int",
            is_method: false,
            bound: None,
            fast: None,
        })))),
    );
    let f = &t.float;
    add_method(f, "float", "__new__", float_new);
    add_method(f, "float", "is_integer", float_is_integer);
    add_method(f, "float", "as_integer_ratio", float_as_integer_ratio);
    add_method(f, "float", "conjugate", float_conjugate);
    add_method(f, "float", "hex", float_hex);
    add_method(f, "float", "__float__", num_float);
    add_method(f, "float", "__repr__", num_repr);
    add_method(f, "float", "__hash__", num_hash);
    register_ops(f, "float");
    lower_ops(f, "float");
    add_method(&t.bool_, "bool", "__new__", bool_new);
    let _ = ToPrimitive::to_i64(&BigInt::from(0));
}
