//! The `math` module.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::ops::to_bigint;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn f(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Long(_) => crate::vm::ops::to_f64(vm, v).map(|x| x.unwrap()),
        Value::Instance(_) => crate::objects::num::to_float(vm, v),
        _ => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    }
}

fn domain(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

fn check(vm: &Vm, r: f64, x: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow("math range error"));
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $e:expr;)*) => {
        $(
            fn $name(vm: &Vm, args: Args) -> PyResult<Value> {
                args.check(vm, concat!("math.", stringify!($name)), 1, 1)?;
                let x = f(vm, &args.args[0])?;
                let g: fn(f64) -> f64 = $e;
                check(vm, g(x), x)
            }
        )*
    };
}

unary! {
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    asin => f64::asin;
    acos => f64::acos;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    asinh => f64::asinh;
    acosh => f64::acosh;
    atanh => f64::atanh;
    exp => f64::exp;
    exp2 => f64::exp2;
    expm1 => f64::exp_m1;
    fabs => f64::abs;
    log1p => |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() };
    degrees => f64::to_degrees;
    radians => f64::to_radians;
    erf => erf_impl;
    erfc => |x| 1.0 - erf_impl(x);
    gamma => gamma_impl;
    lgamma => |x| gamma_impl(x).abs().ln();
}

fn erf_impl(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 refined with a series for small x.
    if x.abs() < 2.0 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= -x2 / n;
            let add = term / (2.0 * n + 1.0);
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        return sum * 2.0 / std::f64::consts::PI.sqrt();
    }
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let y = 1.0
        - t * (-x * x - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 {
        y
    } else {
        -y
    }
}

fn gamma_impl(x: f64) -> f64 {
    if x == x.floor() && x <= 0.0 {
        return f64::NAN;
    }
    if x == x.floor() && x > 0.0 && x < 30.0 {
        let mut r = 1.0;
        let mut i = 2.0;
        while i < x {
            r *= i;
            i += 1.0;
        }
        return r;
    }
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma_impl(1.0 - x));
    }
    let g = 7.0;
    let c = [
        0.999_999_999_999_809_9,
        676.5203681218851,
        -1259.1392167224028,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507343278686905,
        -0.13857109526572012,
        9.984_369_578_019_572e-6,
        1.5056327351493116e-7,
    ];
    let x = x - 1.0;
    let mut a = c[0];
    let t = x + g + 0.5;
    for (i, ci) in c.iter().enumerate().skip(1) {
        a += ci / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

fn sqrt(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.sqrt", 1, 1)?;
    let x = f(vm, &args.args[0])?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.sqrt()))
}

fn log(vm: &Vm, args: Args) -> PyResult<Value> {
    if !(1..=2).contains(&args.args.len()) || !args.kwargs.is_empty() {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let ln = |v: &Value| -> PyResult<f64> {
        // Exact for huge ints: log(m * 2**e) = log(m) + e*log(2).
        if let Value::Long(b) = v {
            if b.is_positive() {
                let bits = b.bits() as i64;
                let shift = (bits - 60).max(0);
                let m = (&**b >> shift as usize).to_f64().unwrap();
                return Ok(m.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = f(vm, v)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(x.ln())
    };
    let a = ln(&args.args[0])?;
    match args.args.get(1) {
        Some(b) => {
            let lb = ln(b)?;
            if lb == 0.0 {
                return Err(vm.zero_div("float division by zero"));
            }
            Ok(Value::Float(a / lb))
        }
        None => Ok(Value::Float(a)),
    }
}

fn log2(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.log2", 1, 1)?;
    let x = f(vm, &args.args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log2()))
}

fn log10(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.log10", 1, 1)?;
    let x = f(vm, &args.args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log10()))
}

fn pow(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "pow", 2, 2)?;
    let x = f(vm, &args.args[0])?;
    let y = f(vm, &args.args[1])?;
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow("math range error"));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "atan2", 2, 2)?;
    Ok(Value::Float(f(vm, &args.args[0])?.atan2(f(vm, &args.args[1])?)))
}

fn hypot(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for a in &args.args {
        let x = f(vm, a)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn copysign(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "copysign", 2, 2)?;
    Ok(Value::Float(f(vm, &args.args[0])?.copysign(f(vm, &args.args[1])?)))
}

fn fmod(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "fmod", 2, 2)?;
    let (x, y) = (f(vm, &args.args[0])?, f(vm, &args.args[1])?);
    if y == 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

fn to_int_rounded(vm: &Vm, v: &Value, how: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Long(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(i) => {
            if let Some(m) = i.class().lookup(dunder) {
                if !matches!(m, Value::Builtin(_)) {
                    return vm.call(&m, vec![v.clone()]);
                }
            }
            let x = f(vm, v)?;
            crate::objects::num::float_to_int(vm, how(x))
        }
        _ => {
            let x = f(vm, v)?;
            crate::objects::num::float_to_int(vm, how(x))
        }
    }
}

fn floor(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.floor", 1, 1)?;
    to_int_rounded(vm, &args.args[0], f64::floor, "__floor__")
}
fn ceil(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.ceil", 1, 1)?;
    to_int_rounded(vm, &args.args[0], f64::ceil, "__ceil__")
}
fn trunc(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.trunc", 1, 1)?;
    to_int_rounded(vm, &args.args[0], f64::trunc, "__trunc__")
}

fn int_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => to_bigint(v).or_else(|| vm.index_value(v).ok().map(BigInt::from)).ok_or_else(|| {
            let _ = fname;
            vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))
        }),
    }
}

fn factorial(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.factorial", 1, 1)?;
    let n = int_arg(vm, &args.args[0], "factorial")?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n
        .to_u64()
        .ok_or_else(|| vm.overflow("factorial() argument should not exceed 9223372036854775807"))?;
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn gcd(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for a in &args.args {
        acc = num_integer::Integer::gcd(&acc, &int_arg(vm, a, "gcd")?);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for a in &args.args {
        acc = num_integer::Integer::lcm(&acc, &int_arg(vm, a, "lcm")?);
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.isqrt", 1, 1)?;
    let n = int_arg(vm, &args.args[0], "isqrt")?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "comb", 2, 2)?;
    let n = int_arg(vm, &args.args[0], "comb")?;
    let k = int_arg(vm, &args.args[1], "comb")?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k).to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn perm(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "perm", 1, 2)?;
    let n = int_arg(vm, &args.args[0], "perm")?;
    let k = match args.args.get(1) {
        Some(Value::None) | None => n.clone(),
        Some(v) => int_arg(vm, v, "perm")?,
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

fn isclose(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.args.len()
        )));
    }
    let a = f(vm, &args.required(vm, "isclose", 0, "a")?)?;
    let b = f(vm, &args.required(vm, "isclose", 1, "b")?)?;
    let rel = match args.kw("rel_tol") {
        Some(v) => f(vm, &v)?,
        None => 1e-9,
    };
    let abs = match args.kw("abs_tol") {
        Some(v) => f(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs))
}

fn isfinite(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.isfinite", 1, 1)?;
    Ok(Value::Bool(f(vm, &args.args[0])?.is_finite()))
}
fn isinf(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.isinf", 1, 1)?;
    Ok(Value::Bool(f(vm, &args.args[0])?.is_infinite()))
}
fn isnan(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.isnan", 1, 1)?;
    Ok(Value::Bool(f(vm, &args.args[0])?.is_nan()))
}

fn modf(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.modf", 1, 1)?;
    let x = f(vm, &args.args[0])?;
    let fr = if x.is_infinite() { 0.0f64.copysign(x) } else { x.fract() };
    Ok(Value::tuple(vec![Value::Float(fr), Value::Float(x.trunc())]))
}

fn frexp(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.frexp", 1, 1)?;
    let x = f(vm, &args.args[0])?;
    let (m, e) = crate::objects::hash::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ldexp", 2, 2)?;
    let x = f(vm, &args.args[0])?;
    let e = vm.index_value(&args.args[1])?;
    let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
    check(vm, r, x)
}

fn prod(vm: &Vm, args: Args) -> PyResult<Value> {
    match args.args.len() {
        1 => {}
        n @ (0 | 2) => return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", n))),
        n => return Err(vm.type_error(format!("prod() takes at most 2 arguments ({} given)", n))),
    }
    let mut acc = args.kw("start").unwrap_or(Value::Int(1));
    for x in vm.to_vec(&args.args[0])? {
        acc = crate::vm::ops::binary_op(vm, &acc, &x, crate::vm::instr::op::MUL)?;
    }
    Ok(acc)
}

fn fsum(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.fsum", 1, 1)?;
    // Shewchuk's exact summation, as CPython's fsum.
    let mut partials: Vec<f64> = Vec::new();
    for v in vm.to_vec(&args.args[0])? {
        let mut x = f(vm, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn dist(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "dist", 2, 2)?;
    let p = vm.to_vec(&args.args[0])?;
    let q = vm.to_vec(&args.args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        acc = acc.hypot(f(vm, a)? - f(vm, b)?);
    }
    Ok(Value::Float(acc))
}

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(
        vm,
        "math",
        &[
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("fabs", fabs),
            ("log1p", log1p),
            ("degrees", degrees),
            ("radians", radians),
            ("erf", erf),
            ("erfc", erfc),
            ("gamma", gamma),
            ("lgamma", lgamma),
            ("sqrt", sqrt),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("pow", pow),
            ("atan2", atan2),
            ("hypot", hypot),
            ("copysign", copysign),
            ("fmod", fmod),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("comb", comb),
            ("perm", perm),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("prod", prod),
            ("fsum", fsum),
            ("dist", dist),
        ],
    );
    {
        let mut d = m.dict.borrow_mut();
        d.set_str("pi", Value::Float(std::f64::consts::PI));
        d.set_str("e", Value::Float(std::f64::consts::E));
        d.set_str("tau", Value::Float(std::f64::consts::TAU));
        d.set_str("inf", Value::Float(f64::INFINITY));
        d.set_str("nan", Value::Float(f64::NAN));
    }
    m
}
