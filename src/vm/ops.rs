//! Operators: arithmetic, comparison, containment and subscription, with the
//! built-in types handled directly and everything else through dunder methods.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::{Dict, Kind, Set};
use crate::value::{PyStr, Value};
use crate::vm::instr::op;
use crate::vm::{PyResult, Vm};

/// Int op on two machine ints when the result cannot overflow or raise.
#[inline(always)]
pub fn int_fast(a: i64, b: i64, o: u32) -> Option<Value> {
    match o {
        op::ADD => a.checked_add(b).map(Value::Int),
        op::SUB => a.checked_sub(b).map(Value::Int),
        op::MUL => a.checked_mul(b).map(Value::Int),
        op::AND => Some(Value::Int(a & b)),
        op::OR => Some(Value::Int(a | b)),
        op::XOR => Some(Value::Int(a ^ b)),
        op::FLOORDIV if b != 0 && !(a == i64::MIN && b == -1) => Some(Value::Int(floor_div(a, b))),
        op::MOD if b != 0 && !(a == i64::MIN && b == -1) => Some(Value::Int(floor_mod(a, b))),
        _ => None,
    }
}

/// `a // b` for `b` not 0 and not `i64::MIN // -1` (num-integer's
/// `div_floor` checked both again). Out of line, as that was: inlined
/// into `step`, both of these cut loops by 3.4% but moved the probes-out
/// build's register allocation, and fib's idle-probe ratio went from
/// 0.9940x to 1.0061x.
#[inline(never)]
fn floor_div(a: i64, b: i64) -> i64 {
    let q = a.wrapping_div(b);
    // Truncated toward zero; a remainder with the operands' signs
    // differing means the floor is one less.
    if a.wrapping_rem(b) != 0 && (a ^ b) < 0 {
        q - 1
    } else {
        q
    }
}

/// `a % b` for `b` not 0 and not `i64::MIN % -1`: the remainder takes
/// the divisor's sign, as Python's does.
#[inline(never)]
fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && (r ^ b) < 0 {
        r + b
    } else {
        r
    }
}

/// Float arithmetic that cannot raise, on two floats or a float and a
/// machine int (converted as CPython converts: to the nearest double).
#[inline(always)]
pub fn float_fast(a: &Value, b: &Value, o: u32) -> Option<Value> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        _ => return None,
    };
    match o {
        op::ADD => Some(Value::Float(x + y)),
        op::SUB => Some(Value::Float(x - y)),
        op::MUL => Some(Value::Float(x * y)),
        op::TRUEDIV if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// A comparison of two floats, with IEEE semantics (NaN compares unequal
/// to everything), as CPython's float_richcompare.
#[inline(always)]
pub fn float_cmp(x: f64, y: f64, op_: u32) -> bool {
    match op_ {
        op::LT => x < y,
        op::LE => x <= y,
        op::EQ => x == y,
        op::NE => x != y,
        op::GT => x > y,
        _ => x >= y,
    }
}

#[inline(always)]
pub fn cmp_ord(o: Ordering, op_: u32) -> bool {
    match op_ {
        op::LT => o == Ordering::Less,
        op::LE => o != Ordering::Greater,
        op::EQ => o == Ordering::Equal,
        op::NE => o != Ordering::Equal,
        op::GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// `to_bigint` without copying a big int.
fn big_of(v: &Value) -> Option<std::borrow::Cow<'_, BigInt>> {
    match v {
        Value::Long(b) => Some(std::borrow::Cow::Borrowed(&**b)),
        _ => to_bigint(v).map(std::borrow::Cow::Owned),
    }
}

/// `divmod(a, b)` of two ints, at least one of them big: one division
/// for both results (the quotient and the remainder come out together).
/// None when either is not an int.
pub fn big_divmod(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<(Value, Value)>> {
    let (Some(x), Some(y)) = (big_of(a), big_of(b)) else {
        return Ok(None);
    };
    if y.is_zero() {
        return Err(vm.zero_div("integer division or modulo by zero"));
    }
    let (q, r) = match small_quotient(&x, &y) {
        Some(qr) => qr,
        None => x.div_mod_floor(&y),
    };
    Ok(Some((Value::from_bigint(q), Value::from_bigint(r))))
}

/// Floor division and modulo when the quotient is known to fit in 63
/// bits: the quotient estimated from the operands' top bits, then
/// corrected by at most a few steps of the remainder. Linear in the
/// operands' size, where the general division (Burnikel-Ziegler for
/// large divisors) makes and copies many partial numbers: a spigot's
/// `huge // huge` with a one-digit result. None for other quotients.
fn small_quotient(x: &BigInt, y: &BigInt) -> Option<(BigInt, BigInt)> {
    let (a, b) = (x.magnitude(), y.magnitude());
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits < 64 || abits > bbits + 62 {
        return None;
    }
    // b's top 64 bits, and a's bits from the same place (at most 126):
    // their quotient is within 2 of a / b's.
    let s = bbits - 64;
    let bt = (b >> s).to_u64()?;
    let at = (a >> s).to_u128()?;
    let mut q = (at / bt as u128).min(u64::MAX as u128) as u64;
    // The remainder a - q*b, as a magnitude and whether it is negative.
    let prod = b * q;
    let (mut r, mut neg) = if prod > *a { (prod - a, true) } else { (a - prod, false) };
    while neg {
        q -= 1;
        if r <= *b {
            r = b - r;
            neg = false;
        } else {
            r -= b;
        }
    }
    while r >= *b {
        q += 1;
        r -= b;
    }
    // The magnitudes' truncated quotient and remainder, floored for the
    // signs: the remainder takes the divisor's sign.
    let mut q = BigInt::from(q);
    if x.is_negative() != y.is_negative() {
        if r.is_zero() {
            q = -q;
        } else {
            q = -(q + 1u32);
            r = b - r;
        }
    }
    let sign = if y.is_negative() {
        num_bigint::Sign::Minus
    } else {
        num_bigint::Sign::Plus
    };
    Some((q, BigInt::from_biguint(sign, r)))
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Long(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_intlike(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Long(_) | Value::Bool(_))
}

pub fn to_f64(vm: &Vm, v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Long(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Some(f),
            _ => return Err(vm.overflow("int too large to convert to float")),
        },
        _ => None,
    })
}

fn int_op(vm: &Vm, a: &Value, b: &Value, o: u32) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        if let Some(r) = int_fast(x, y, o) {
            return Ok(r);
        }
        match o {
            op::TRUEDIV => {
                if y == 0 {
                    return Err(vm.zero_div("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
            }
            op::FLOORDIV | op::MOD if y == 0 => {
                return Err(vm.zero_div(if o == op::MOD {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            op::LSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 63 && x.unsigned_abs() < (1u64 << (63 - y)) {
                    return Ok(Value::Int(x << y));
                }
            }
            op::RSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                return Ok(Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }));
            }
            op::POW => {
                if y < 0 {
                    if x == 0 {
                        return Err(vm.zero_div("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                if y <= u32::MAX as i64 {
                    if let Some(r) = x.checked_pow(y as u32) {
                        return Ok(Value::Int(r));
                    }
                }
            }
            _ => {}
        }
    }
    // A big operand is borrowed, not copied: every operation below makes
    // its result from references.
    let (Some(x), Some(y)) = (big_of(a), big_of(b)) else {
        return Err(unsupported(vm, a, b, o));
    };
    let (x, y): (&BigInt, &BigInt) = (&x, &y);
    Ok(match o {
        op::ADD => Value::from_bigint(x + y),
        op::SUB => Value::from_bigint(x - y),
        op::MUL => Value::from_bigint(x * y),
        op::TRUEDIV => {
            if y.is_zero() {
                return Err(vm.zero_div("division by zero"));
            }
            Value::Float(big_truediv(vm, x, y)?)
        }
        op::FLOORDIV => {
            if y.is_zero() {
                return Err(vm.zero_div("integer division or modulo by zero"));
            }
            Value::from_bigint(match small_quotient(x, y) {
                Some((q, _)) => q,
                None => x.div_floor(y),
            })
        }
        op::MOD => {
            if y.is_zero() {
                return Err(vm.zero_div("integer modulo by zero"));
            }
            Value::from_bigint(match small_quotient(x, y) {
                Some((_, r)) => r,
                None => x.mod_floor(y),
            })
        }
        op::POW => {
            if y.is_negative() {
                let xf = to_f64(vm, a)?.unwrap();
                let yf = to_f64(vm, b)?.unwrap();
                if xf == 0.0 {
                    return Err(vm.zero_div("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float(xf.powf(yf)));
            }
            let e = match y.to_u32() {
                Some(e) => e,
                None => {
                    if x.is_zero() || num_traits::One::is_one(x) {
                        return Ok(Value::from_bigint(x.clone()));
                    }
                    if *x == BigInt::from(-1) {
                        return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
                    }
                    return Err(crate::vm::PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])));
                }
            };
            Value::from_bigint(num_traits::pow::pow(x.clone(), e as usize))
        }
        op::LSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let s = y.to_usize().ok_or_else(|| vm.overflow("too many digits in integer"))?;
            Value::from_bigint(x << s)
        }
        op::RSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => Value::from_bigint(x >> s),
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        op::AND => Value::from_bigint(x & y),
        op::OR => Value::from_bigint(x | y),
        op::XOR => Value::from_bigint(x ^ y),
        _ => return Err(unsupported(vm, a, b, o)),
    })
}

fn big_truediv(vm: &Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() && x.bits() < 53 && y.bits() < 53 => Ok(a / b),
        _ => {
            // Scale so the quotient keeps 64 significant bits, then round once.
            let shift = (x.bits() as i64) - (y.bits() as i64) - 64;
            let (n, d) = if shift > 0 {
                (x.clone(), y << shift as usize)
            } else {
                (x << (-shift) as usize, y.clone())
            };
            let q = n / d;
            let qf = q.to_f64().unwrap_or(f64::INFINITY);
            let r = qf * 2f64.powi(shift as i32);
            if !r.is_finite() {
                return Err(vm.overflow("integer division result too large for a float"));
            }
            Ok(r)
        }
    }
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

pub fn float_divmod(vm: &Vm, x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(vm.zero_div("float divmod()"));
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((fd, m))
}

fn float_op(vm: &Vm, x: f64, y: f64, o: u32, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(Value::Float(match o {
        op::ADD => x + y,
        op::SUB => x - y,
        op::MUL => x * y,
        op::TRUEDIV => {
            if y == 0.0 {
                return Err(vm.zero_div("float division by zero"));
            }
            x / y
        }
        op::FLOORDIV => {
            if y == 0.0 {
                return Err(vm.zero_div("float floor division by zero"));
            }
            float_divmod(vm, x, y)?.0
        }
        op::MOD => {
            if y == 0.0 {
                return Err(vm.zero_div("float modulo"));
            }
            float_divmod(vm, x, y)?.1
        }
        op::POW => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_div("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(vm.value_error("complex numbers are not supported"));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.overflow("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Err(unsupported(vm, a, b, o)),
    }))
}

pub fn unsupported(vm: &Vm, a: &Value, b: &Value, o: u32) -> crate::vm::PyErr {
    let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_));
    if o == op::ADD && seq(a) && !matches!(a, Value::Bytes(_)) {
        let t = vm.type_name(a);
        return vm.type_error(format!("can only concatenate {} (not \"{}\") to {}", t, vm.type_name(b), t));
    }
    if o == op::MUL && (seq(a) || seq(b)) {
        let other = if seq(a) { b } else { a };
        return vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(other)));
    }
    let sym = if o == op::POW { "** or pow()" } else { op::BIN_SYMBOLS[o as usize] };
    vm.type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        vm.type_name(a),
        vm.type_name(b)
    ))
}

fn repeat<T: Clone>(vm: &Vm, items: &[T], n: &Value) -> PyResult<Vec<T>> {
    let n = match n {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Long(b) => {
            if b.is_negative() {
                0
            } else {
                return Err(vm.overflow("cannot fit 'int' into an index-sized integer"));
            }
        }
        _ => unreachable!(),
    };
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    if (items.len() as u128) * (n as u128) > (1u128 << 40) {
        return Err(crate::vm::PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])));
    }
    let mut out = Vec::new();
    // More than the machine can give is a MemoryError, not an abort.
    if out.try_reserve_exact(items.len() * n as usize).is_err() {
        return Err(crate::vm::PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])));
    }
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// Binary operators on built-in values; None when the types don't apply.
fn builtin_binop(vm: &Vm, a: &Value, b: &Value, o: u32) -> PyResult<Option<Value>> {
    use Value::*;
    if is_intlike(a) && is_intlike(b) {
        return int_op(vm, a, b, o).map(Some);
    }
    if let (Float(_) | Int(_) | Long(_) | Bool(_), Float(_) | Int(_) | Long(_) | Bool(_)) = (a, b) {
        if matches!(o, op::LSHIFT | op::RSHIFT | op::AND | op::OR | op::XOR | op::MATMUL) {
            return Ok(Option::None);
        }
        let x = to_f64(vm, a)?.unwrap();
        let y = to_f64(vm, b)?.unwrap();
        return float_op(vm, x, y, o, a, b).map(Some);
    }
    Ok(Some(match (a, b, o) {
        (Str(x), Str(y), op::ADD) => Value::Str(Rc::new(PyStr::concat(x, y))),
        (Str(x), n, op::MUL) | (n, Str(x), op::MUL) if is_intlike(n) => {
            let reps = match n {
                Int(i) => *i,
                Bool(b) => *b as i64,
                _ => return Err(vm.overflow("cannot fit 'int' into an index-sized integer")),
            };
            if reps <= 0 {
                Value::str("")
            } else {
                if (x.s.len() as u128) * (reps as u128) > (1u128 << 40) {
                    return Err(crate::vm::PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])));
                }
                let mut s = String::new();
                // More than the machine can give is a MemoryError, not an abort.
                if s.try_reserve_exact(x.s.len() * reps as usize).is_err() {
                    return Err(crate::vm::PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])));
                }
                // Doubling copies, as `str::repeat` makes them.
                let target = x.s.len() * reps as usize;
                s.push_str(&x.s);
                while s.len() < target {
                    s.extend_from_within(..s.len().min(target - s.len()));
                }
                Value::string(s)
            }
        }
        (Str(x), _, op::MOD) => Value::string(crate::format::percent_format(vm, x.as_str(), b)?),
        (List(x), List(y), op::ADD) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Value::list(v)
        }
        (List(x), n, op::MUL) | (n, List(x), op::MUL) if is_intlike(n) => {
            let items = x.borrow().clone();
            Value::list(repeat(vm, &items, n)?)
        }
        (Tuple(x), Tuple(y), op::ADD) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Value::tuple(v)
        }
        (Tuple(x), n, op::MUL) | (n, Tuple(x), op::MUL) if is_intlike(n) => Value::tuple(repeat(vm, x, n)?),
        (Bytes(x), Bytes(y), op::ADD) => {
            let mut v = (**x).clone();
            v.extend_from_slice(y);
            Value::Bytes(Rc::new(v))
        }
        (Bytes(x), n, op::MUL) | (n, Bytes(x), op::MUL) if is_intlike(n) => Value::Bytes(Rc::new(repeat(vm, x, n)?)),
        (Bytes(x), _, op::MOD) => {
            // Work in latin-1 so bytes arguments are inserted byte for byte.
            let latin = |v: &[u8]| Value::string(v.iter().map(|c| *c as char).collect());
            let conv = |v: &Value| match v {
                Bytes(bb) => latin(bb),
                other => other.clone(),
            };
            let args = match b {
                Tuple(t) => Value::tuple(t.iter().map(conv).collect()),
                other => conv(other),
            };
            let s = crate::format::percent_format(vm, &x.iter().map(|c| *c as char).collect::<String>(), &args)?;
            Value::Bytes(Rc::new(s.chars().map(|c| c as u32 as u8).collect()))
        }
        (ByteArray(x), Bytes(_) | ByteArray(_), op::ADD) => {
            let mut v = x.borrow().clone();
            match b {
                Bytes(y2) => v.extend_from_slice(y2),
                ByteArray(y2) => v.extend_from_slice(&y2.borrow()),
                _ => {}
            }
            Value::ByteArray(Rc::new(RefCell::new(v)))
        }
        (Dict(x), Dict(y), op::OR) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone());
            }
            Value::dict(d)
        }
        (Set(_) | FrozenSet(_) | DictView(_), Set(_) | FrozenSet(_) | DictView(_), op::OR | op::AND | op::SUB | op::XOR)
            if set_of(a).is_some() && set_of(b).is_some() =>
        {
            let (xs, ys) = (set_of(a).unwrap(), set_of(b).unwrap());
            let r = set_op(&xs, &ys, o);
            if let FrozenSet(_) = a {
                Value::frozenset(r)
            } else {
                Value::set(r)
            }
        }
        _ => return Ok(Option::None),
    }))
}

pub fn set_of(v: &Value) -> Option<Set> {
    match v {
        Value::DictView(dv) if dv.1 != 1 => {
            let mut s = Set::new();
            for it in crate::objects::mapping::view_items(dv) {
                let k = crate::vm::with_current(|vm| vm.key(&it).ok())?;
                s.insert(k);
            }
            Some(s)
        }
        Value::Set(s) => Some(s.borrow().clone()),
        Value::FrozenSet(s) => Some((**s).clone()),
        _ => None,
    }
}

pub use crate::objects::set::set_op;

/// A user-defined (not inherited from a built-in type) special method.
fn user_method(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    if let Value::Instance(_) = v {
        let cls = vm.type_of(v);
        for c in cls.mro_iter() {
            if c.builtin {
                return None;
            }
            if let Some(m) = c.dict.borrow().get_str(name) {
                return Some(m);
            }
        }
    }
    None
}

/// The built-in value inside an instance of a built-in subclass.
pub fn unwrap_base(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        let k = i.class().kind;
        if k != Kind::Object && k != Kind::BaseException {
            return i.base.borrow().clone();
        }
    }
    v.clone()
}

pub fn binary_op(vm: &Vm, a: &Value, b: &Value, o: u32) -> PyResult<Value> {
    let a_inst = matches!(a, Value::Instance(_));
    let b_inst = matches!(b, Value::Instance(_));
    if !a_inst && !b_inst {
        if let Some(r) = builtin_binop(vm, a, b, o)? {
            return Ok(r);
        }
        return Err(unsupported(vm, a, b, o));
    }
    let (fwd, rev, _) = op::BIN_DUNDERS[o as usize];
    let am = user_method(vm, a, fwd);
    let bm = user_method(vm, b, rev);
    // A subclass's reflected method goes first.
    let b_first = bm.is_some() && b_inst && !vm.type_of(a).is(&vm.type_of(b)) && vm.type_of(b).is_subclass(&vm.type_of(a));
    if b_first {
        let r = vm.call(bm.as_ref().unwrap(), vec![b.clone(), a.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(m) = &am {
        let r = vm.call(m, vec![a.clone(), b.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if !b_first {
        if let Some(m) = &bm {
            let r = vm.call(m, vec![b.clone(), a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let (ua, ub) = (unwrap_base(a), unwrap_base(b));
    let unwrapped = !(ua.is(a) && ub.is(b));
    if !matches!(ua, Value::Instance(_)) && !matches!(ub, Value::Instance(_)) && unwrapped {
        if let Some(r) = builtin_binop(vm, &ua, &ub, o)? {
            return Ok(r);
        }
    }
    Err(unsupported(vm, a, b, o))
}

trait ClassIs {
    fn is(&self, other: &Self) -> bool;
}
impl ClassIs for Rc<crate::objects::Class> {
    fn is(&self, other: &Self) -> bool {
        Rc::ptr_eq(self, other)
    }
}

pub fn inplace_op(vm: &Vm, a: &Value, b: &Value, o: u32) -> PyResult<Value> {
    match (a, o) {
        (Value::List(l), op::ADD) => {
            let items = vm.to_vec(b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        (Value::List(l), op::MUL) if is_intlike(b) => {
            let items = l.borrow().clone();
            *l.borrow_mut() = repeat(vm, &items, b)?;
            return Ok(a.clone());
        }
        (Value::Set(s), op::OR | op::AND | op::SUB | op::XOR) => {
            if let Some(other) = set_of(b) {
                let mut cur = s.borrow().clone();
                crate::objects::mapping::set_inplace(&mut cur, &other, o);
                *s.borrow_mut() = cur;
                return Ok(a.clone());
            }
        }
        (Value::Dict(d), op::OR) => {
            for (k, v) in vm.mapping_items(b)? {
                let k = vm.key(&k)?;
                d.borrow_mut().insert(k, v);
            }
            return Ok(a.clone());
        }
        (Value::ByteArray(x), op::ADD) => {
            let more = crate::objects::bytes::bytes_of(vm, b)?;
            x.borrow_mut().extend(more);
            return Ok(a.clone());
        }
        (Value::Instance(_), _) => {
            let (_, _, iname) = op::BIN_DUNDERS[o as usize];
            if let Some(m) = user_method(vm, a, iname) {
                let r = vm.call(&m, vec![a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            // In-place ops on a built-in base mutate it (list subclass += ...).
            let base = unwrap_base(a);
            if matches!(base, Value::List(_) | Value::Set(_) | Value::Dict(_))
                && user_method(vm, a, op::BIN_DUNDERS[o as usize].0).is_none()
            {
                inplace_op(vm, &base, b, o)?;
                return Ok(a.clone());
            }
        }
        _ => {}
    }
    binary_op(vm, a, b, o).map_err(|e| inplace_unsupported(vm, e, a, b, o))
}

/// CPython names the in-place operator (`+=`) where `unsupported` names
/// the binary one: its generic message for these operands, made over.
fn inplace_unsupported(vm: &Vm, e: crate::vm::PyErr, a: &Value, b: &Value, o: u32) -> crate::vm::PyErr {
    let sym = op::BIN_SYMBOLS[o as usize];
    let binary = if o == op::POW { "** or pow()" } else { sym };
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    let generic = format!("unsupported operand type(s) for {}: '{}' and '{}'", binary, ta, tb);
    if vm.is_exc(&e, &vm.types.exc.type_error) && crate::vm::exc::exception_str(vm, &e.0).is_ok_and(|m| m == generic) {
        return vm.type_error(format!("unsupported operand type(s) for {}=: '{}' and '{}'", sym, ta, tb));
    }
    e
}

pub fn unary_op(vm: &Vm, v: &Value, o: u32) -> PyResult<Value> {
    use Value::*;
    if o == op::NOT {
        return Ok(Bool(!vm.truthy(v)?));
    }
    let r = match (v, o) {
        (Int(i), op::NEG) => match i.checked_neg() {
            Some(n) => Int(n),
            Option::None => Value::from_bigint(-BigInt::from(*i)),
        },
        (Long(b), op::NEG) => Value::from_bigint(-(**b).clone()),
        (Bool(b), op::NEG) => Int(-(*b as i64)),
        (Float(f), op::NEG) => Float(-f),
        (Int(_) | Long(_) | Float(_), op::POS) => v.clone(),
        (Bool(b), op::POS) => Int(*b as i64),
        (Int(i), op::INVERT) => Int(!i),
        (Bool(b), op::INVERT) => Int(!(*b as i64)),
        (Long(b), op::INVERT) => Value::from_bigint(-(**b).clone() - 1),
        (Instance(_), _) => {
            let name = match o {
                op::NEG => "__neg__",
                op::POS => "__pos__",
                _ => "__invert__",
            };
            if let Some(m) = user_method(vm, v, name) {
                return vm.call(&m, vec![v.clone()]);
            }
            let base = unwrap_base(v);
            if !matches!(base, Instance(_)) && !base.is(v) {
                return unary_op(vm, &base, o);
            }
            return Err(bad_unary(vm, v, o));
        }
        _ => return Err(bad_unary(vm, v, o)),
    };
    Ok(r)
}

fn bad_unary(vm: &Vm, v: &Value, o: u32) -> crate::vm::PyErr {
    let sym = match o {
        op::NEG => "-",
        op::POS => "+",
        _ => "~",
    };
    vm.type_error(format!("bad operand type for unary {}: '{}'", sym, vm.type_name(v)))
}

/// Equality of built-in values that needs no Python code; None otherwise.
pub fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || crate::value::text_eq(x.as_str(), y.as_str()),
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(*x, *y),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (Long(x), Long(y)) => x == y,
        (Long(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), Long(_)) => false,
        (Long(x), Float(y)) | (Float(y), Long(x)) => x.to_f64() == Some(*y) && y.fract() == 0.0,
        (Bytes(x), Bytes(y)) => x == y,
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if p.is(q) {
                    continue;
                }
                if !builtin_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (List(_) | Dict(_) | Set(_) | FrozenSet(_) | ByteArray(_) | Range(_) | Slice(_), _) => return Option::None,
        (_, List(_) | Dict(_) | Set(_) | FrozenSet(_) | ByteArray(_) | Range(_) | Slice(_)) => return Option::None,
        (Str(_) | Int(_) | Float(_) | Bool(_) | None | Long(_) | Bytes(_) | Tuple(_), _) => false,
        // Bound methods are equal when they bind the same object to the
        // same function (each load makes a new one), as in CPython.
        (Method(x), Method(y)) => x.obj.is(&y.obj) && x.func.is(&y.func),
        (Builtin(x), Builtin(y)) => Rc::ptr_eq(x, y) || same_builtin_binding(x, y),
        _ => a.is(b),
    })
}

/// Two bindings of one built-in method to one object (CPython compares
/// `__self__` by identity and the C function).
fn same_builtin_binding(x: &crate::objects::Builtin, y: &crate::objects::Builtin) -> bool {
    match (&x.bound, &y.bound) {
        (Some(p), Some(q)) => p.is(q) && std::ptr::fn_addr_eq(x.func, y.func) && x.name == y.name && x.owner == y.owner,
        _ => false,
    }
}

fn int_float_eq(i: i64, f: f64) -> bool {
    if f.fract() != 0.0 || !f.is_finite() {
        return false;
    }
    if f.abs() < 9.2e18 {
        f as i64 == i
    } else {
        false
    }
}

fn num_cmp(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        _ if is_intlike(a) && is_intlike(b) => Some(to_bigint(a).unwrap().cmp(&to_bigint(b).unwrap())),
        (Float(x), _) if is_intlike(b) => float_int_cmp(*x, b),
        (_, Float(y)) if is_intlike(a) => float_int_cmp(*y, a).map(|o| o.reverse()),
        _ => {
            let _ = vm;
            return Ok(Option::None);
        }
    })
}

/// The order of two values whose comparison runs no Python code: ints,
/// bools, floats other than NaN, strs (code point order, which UTF-8 byte
/// order is), and tuples of those compared element by element as Python
/// does. None where Python's own comparison must decide (other types, NaN,
/// or values that do not compare).
pub fn simple_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
        (Bool(x), Bool(y)) => Some(x.cmp(y)),
        (Bool(x), Int(y)) => Some(i64::from(*x).cmp(y)),
        (Int(x), Bool(y)) => Some(x.cmp(&i64::from(*y))),
        (Int(_) | Bool(_), Float(y)) => float_int_cmp(*y, a).map(Ordering::reverse),
        (Float(x), Int(_) | Bool(_)) => float_int_cmp(*x, b),
        (Tuple(x), Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                // Ints and strs, the usual sort-key items, without the
                // recursive call.
                let o = match (p, q) {
                    (Int(a), Int(b)) => a.cmp(b),
                    (Str(a), Str(b)) => a.as_str().cmp(b.as_str()),
                    _ => simple_cmp(p, q)?,
                };
                if o != Ordering::Equal {
                    return Some(o);
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => Option::None,
    }
}

fn float_int_cmp(f: f64, i: &Value) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    match i {
        Value::Int(n) if n.unsigned_abs() < (1 << 53) => f.partial_cmp(&(*n as f64)),
        Value::Bool(b) => f.partial_cmp(&(*b as i64 as f64)),
        _ => {
            // Exact: compare floor(f) as a bigint, then the fraction.
            let fl = f.floor();
            let bi = num_bigint::BigInt::from(fl as i128);
            let big = if fl.abs() < 1e38 {
                bi
            } else {
                num_traits::FromPrimitive::from_f64(fl).unwrap_or_default()
            };
            let other = to_bigint(i).unwrap();
            match big.cmp(&other) {
                Ordering::Equal => Some(if f > fl { Ordering::Greater } else { Ordering::Equal }),
                o => Some(o),
            }
        }
    }
}

impl Vm {
    /// Rich comparison.
    pub fn compare(&self, a: &Value, b: &Value, o: u32) -> PyResult<Value> {
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            return self.compare_dunder(a, b, o);
        }
        if let Some(ord) = num_cmp(self, a, b)? {
            return Ok(Value::Bool(cmp_ord(ord, o)));
        }
        let nan = matches!(a, Value::Float(x) if x.is_nan()) || matches!(b, Value::Float(y) if y.is_nan());
        if nan && (is_intlike(a) || matches!(a, Value::Float(_))) && (is_intlike(b) || matches!(b, Value::Float(_))) {
            return Ok(Value::Bool(o == op::NE));
        }
        match self.builtin_cmp(a, b, o)? {
            Some(r) => Ok(Value::Bool(r)),
            None => {
                if o == op::EQ || o == op::NE {
                    // Identity, or what `builtin_eq` knows (bound methods).
                    let eq = builtin_eq(a, b).unwrap_or_else(|| a.is(b));
                    return Ok(Value::Bool(eq == (o == op::EQ)));
                }
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op::CMP_SYMBOLS[o as usize],
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        }
    }

    fn compare_dunder(&self, a: &Value, b: &Value, o: u32) -> PyResult<Value> {
        let name = op::CMP_DUNDERS[o as usize];
        let swapped = op::CMP_DUNDERS[op::CMP_SWAPPED[o as usize] as usize];
        let am = user_method(self, a, name);
        let bm = user_method(self, b, swapped);
        let b_first = bm.is_some() && matches!(b, Value::Instance(_)) && {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta)
        };
        if b_first {
            let r = self.call(bm.as_ref().unwrap(), vec![b.clone(), a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(m) = &am {
            let r = self.call(m, vec![a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first {
            if let Some(m) = &bm {
                let r = self.call(m, vec![b.clone(), a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if o == op::NE && (user_method(self, a, "__eq__").is_some() || user_method(self, b, "__eq__").is_some()) {
            let r = self.compare_dunder(a, b, op::EQ)?;
            return Ok(Value::Bool(!self.truthy(&r)?));
        }
        let (ua, ub) = (unwrap_base(a), unwrap_base(b));
        if !matches!(ua, Value::Instance(_)) && !matches!(ub, Value::Instance(_)) {
            return self.compare(&ua, &ub, o);
        }
        match o {
            op::EQ => Ok(Value::Bool(a.is(b))),
            op::NE => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op::CMP_SYMBOLS[o as usize],
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn seq_cmp(&self, x: &[Value], y: &[Value], o: u32) -> PyResult<bool> {
        // Nested containers recurse like calls (Py_EnterRecursiveCall).
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() || crate::vm::call::stack_exhausted() {
            return Err(self.err(&self.types.exc.recursion_error, "maximum recursion depth exceeded in comparison"));
        }
        self.depth.set(depth);
        let r = self.seq_cmp_inner(x, y, o);
        self.depth.set(depth - 1);
        r
    }

    fn seq_cmp_inner(&self, x: &[Value], y: &[Value], o: u32) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if !self.eq(p, q)? {
                if o == op::EQ {
                    return Ok(false);
                }
                if o == op::NE {
                    return Ok(true);
                }
                let r = self.compare(p, q, o)?;
                return self.truthy(&r);
            }
        }
        Ok(cmp_ord(x.len().cmp(&y.len()), o))
    }

    fn builtin_cmp(&self, a: &Value, b: &Value, o: u32) -> PyResult<Option<bool>> {
        use Value::*;
        Ok(Some(match (a, b) {
            (Str(x), Str(y)) => cmp_ord(x.as_str().cmp(y.as_str()), o),
            (Bytes(x), Bytes(y)) => cmp_ord(x.as_slice().cmp(y.as_slice()), o),
            (ByteArray(x), ByteArray(y)) => cmp_ord(x.borrow().as_slice().cmp(y.borrow().as_slice()), o),
            (Tuple(x), Tuple(y)) => self.seq_cmp(x, y, o)?,
            (List(x), List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_cmp(&x, &y, o)?
            }
            (Dict(x), Dict(y)) if o == op::EQ || o == op::NE => {
                let eq = self.dict_eq(&x.borrow(), &y.borrow())?;
                eq == (o == op::EQ)
            }
            (Set(_) | FrozenSet(_) | DictView(_), Set(_) | FrozenSet(_) | DictView(_)) if set_of(a).is_some() && set_of(b).is_some() => {
                let (x, y) = (set_of(a).unwrap(), set_of(b).unwrap());
                let sub = x.keys().all(|k| y.contains(k));
                let sup = y.keys().all(|k| x.contains(k));
                match o {
                    op::EQ => sub && sup,
                    op::NE => !(sub && sup),
                    op::LE => sub,
                    op::LT => sub && x.len() < y.len(),
                    op::GE => sup,
                    _ => sup && x.len() > y.len(),
                }
            }
            (Range(x), Range(y)) if o == op::EQ || o == op::NE => {
                let same =
                    (x.is_empty() && y.is_empty()) || (x.len() == y.len() && x.start == y.start && (x.len() == 1 || x.step == y.step));
                same == (o == op::EQ)
            }
            (Slice(x), Slice(y)) if o == op::EQ || o == op::NE => {
                let eq = self.seq_cmp(&x[..], &y[..], op::EQ)?;
                eq == (o == op::EQ)
            }
            _ => return Ok(Option::None),
        }))
    }

    fn dict_eq(&self, x: &Dict, y: &Dict) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.iter() {
            match y.get(k) {
                Some(v2) => {
                    if !v.is(&v2) && !self.eq(v, &v2)? {
                        return Ok(false);
                    }
                }
                Option::None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::List(l) => {
                // By index, as CPython does: an __eq__ may change the list,
                // and copying it for every `in` made the test O(n) in
                // allocation too.
                let mut i = 0;
                loop {
                    let x = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => {
                let k = self.key(item)?;
                Ok(d.borrow().get(&k).is_some())
            }
            Value::Set(s) => {
                let k = self.key(item)?;
                Ok(s.borrow().contains(&k))
            }
            Value::FrozenSet(s) => {
                let k = self.key(item)?;
                Ok(s.contains(&k))
            }
            Value::Range(r) => {
                let n = match item {
                    Value::Int(n) => *n,
                    Value::Bool(b) => *b as i64,
                    _ => {
                        for i in 0..r.len() {
                            if self.eq(&Value::Int(r.get(i)), item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                };
                if r.step > 0 {
                    Ok(n >= r.start && n < r.stop && (n - r.start) % r.step == 0)
                } else {
                    Ok(n <= r.start && n > r.stop && (r.start - n) % (-r.step) == 0)
                }
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let hay = crate::objects::bytes::bytes_of(self, container)?;
                match item {
                    Value::Int(i) => Ok(hay.contains(&(*i as u8))),
                    _ => {
                        let needle = crate::objects::bytes::bytes_of(self, item)?;
                        Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice()))
                    }
                }
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = user_method(self, container, "__contains__") {
                    let r = self.call(&m, vec![container.clone(), item.clone()])?;
                    return self.truthy(&r);
                }
                let base = unwrap_base(container);
                if !matches!(base, Value::Instance(_) | Value::None) && cls.kind != Kind::BaseException {
                    return self.contains(&base, item);
                }
                self.contains_by_iter(container, item)
            }
            Value::DictView(dv) => match dv.1 {
                0 => {
                    let k = self.key(item)?;
                    Ok(dv.0.borrow().get(&k).is_some())
                }
                1 => self.contains_by_iter(container, item),
                _ => {
                    if let Value::Tuple(t) = item {
                        if t.len() == 2 {
                            let k = self.key(&t[0])?;
                            let v = dv.0.borrow().get(&k);
                            return match v {
                                Some(v) => self.eq(&v, &t[1]),
                                None => Ok(false),
                            };
                        }
                    }
                    Ok(false)
                }
            },
            Value::Iter(_) | Value::Generator(_) => self.contains_by_iter(container, item),
            Value::Class(c) if c.meta_method("__contains__").is_some() => {
                let m = c.meta_method("__contains__").unwrap();
                let r = self.call(&m, vec![container.clone(), item.clone()])?;
                self.truthy(&r)
            }
            Value::Class(c) if c.meta_method("__iter__").is_some() => self.contains_by_iter(container, item),
            _ => Err(self.type_error(format!("argument of type '{}' is not iterable", self.type_name(container)))),
        }
    }

    fn contains_by_iter(&self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => return Err(self.type_error(format!("argument of type '{}' is not iterable", self.type_name(container)))),
        };
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// (key, value) pairs of a mapping: a dict, or anything with keys() and __getitem__.
    pub fn mapping_items(&self, v: &Value) -> PyResult<Vec<(Value, Value)>> {
        match v {
            Value::Dict(d) => Ok(d.borrow().items()),
            Value::Instance(i) if i.class().kind == Kind::Dict && user_method(self, v, "keys").is_none() => {
                let b = i.base.borrow().clone();
                self.mapping_items(&b)
            }
            _ => {
                let keys = self.call_method(v, "keys", vec![])?;
                let mut out = Vec::new();
                for k in self.to_vec(&keys)? {
                    let val = self.getitem(v, &k)?;
                    out.push((k, val));
                }
                Ok(out)
            }
        }
    }
}

/// `item in container` for an int or str in a set, frozenset or dict,
/// inline: the hash needs no call. (It looks up as `Vm::contains` does.)
/// None for everything else, which `Vm::contains` answers.
#[inline(always)]
pub fn contains_fast(container: &Value, item: &Value) -> Option<bool> {
    let hash = crate::vm::quick_hash(item)?;
    let key = crate::objects::dict::Key { hash, value: item.clone() };
    match container {
        Value::Set(s) => Some(s.try_borrow().ok()?.contains(&key)),
        Value::FrozenSet(s) => Some(s.contains(&key)),
        Value::Dict(d) => Some(d.try_borrow().ok()?.contains_key(&key)),
        _ => None,
    }
}
