//! repr() and str() of every value, with CPython's exact spellings.

use crate::objects::{IterState, Kind};
use crate::value::Value;
use crate::vm::{exc, PyResult, Vm};

/// Python's float repr: the shortest string that round-trips, switching to
/// exponent notation below 1e-4 and from 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let s = format!("{:e}", f);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = nearest_shortest(f.abs(), digits, exp);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let decpt = exp + 1;
    if (-4 < decpt) && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat((-decpt) as usize));
            out.push_str(&digits);
        } else if digits.len() as i32 <= decpt {
            out.push_str(&digits);
            out.push_str(&"0".repeat((decpt - digits.len() as i32) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Among equally short digit strings that round-trip, Python (David Gay's
/// dtoa) takes the one nearest the exact binary value, ties to even; Rust's
/// shortest formatting can pick the other one. Check the neighbours exactly.
fn nearest_shortest(f: f64, digits: String, exp: i32) -> String {
    use num_bigint::BigInt;
    use num_traits::Signed;
    if digits.len() < 2 {
        return digits;
    }
    let d: u64 = match digits.parse() {
        Ok(d) => d,
        Err(_) => return digits,
    };
    let k = exp - (digits.len() as i32 - 1);
    let parse = |n: u64| -> Option<f64> { format!("{}e{}", n, k).parse::<f64>().ok() };
    let mut cands = vec![d];
    for alt in [d - 1, d + 1] {
        if alt.to_string().len() == digits.len() && parse(alt) == Some(f) {
            cands.push(alt);
        }
    }
    if cands.len() == 1 {
        return digits;
    }
    // Exact value f = m * 2^e2; compare |D*10^k - f| over a common denominator.
    let bits = f.to_bits();
    let frac = bits & ((1u64 << 52) - 1);
    let eb = ((bits >> 52) & 0x7ff) as i32;
    let (m, e2) = if eb == 0 { (frac, -1074) } else { (frac | (1u64 << 52), eb - 1075) };
    // Scale both by 2^max(-e2,0) * 10^max(-k,0) so they are integers.
    let scale2 = (-e2).max(0) as u32;
    let fv = BigInt::from(m) * BigInt::from(2).pow(e2.max(0) as u32) * BigInt::from(10).pow((-k).max(0) as u32);
    let dist = |n: u64| -> BigInt {
        let c = BigInt::from(n) * BigInt::from(10).pow(k.max(0) as u32) * BigInt::from(2).pow(scale2);
        (c - &fv).abs()
    };
    let mut best = cands[0];
    let mut best_d = dist(best);
    for &c in &cands[1..] {
        let dc = dist(c);
        if dc < best_d || (dc == best_d && c % 2 == 0) {
            best = c;
            best_d = dc;
        }
    }
    best.to_string()
}

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unprintable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Not printable for str.isprintable()/repr(): control, format, separator
/// (other than space), surrogate and private-use characters.
pub fn is_unprintable(c: char) -> bool {
    let n = c as u32;
    matches!(n,
        0x00..=0x1f | 0x7f..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfeff
        | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f
        | 0xf0000..=0x10ffff)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

fn seq_repr(vm: &Vm, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&vm.repr(x)?);
    }
    s.push_str(close);
    Ok(s)
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Guard against infinite recursion in reprs of self-containing containers.
fn guarded(v: &Value, f: impl FnOnce() -> PyResult<String>, recursive: &str) -> PyResult<String> {
    let p = v.ptr().unwrap_or(0);
    if REPR_STACK.with(|s| s.borrow().contains(&p)) {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(p));
    let r = f();
    REPR_STACK.with(|s| s.borrow_mut().pop());
    r
}

pub fn repr(vm: &Vm, v: &Value) -> PyResult<String> {
    if REPR_STACK.with(|s| s.borrow().len()) > vm.recursion_limit.get() as usize || crate::vm::call::stack_exhausted() {
        return Err(vm.err(
            &vm.types.exc.recursion_error,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    Ok(match v {
        Value::None => "None".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Long(b) => {
            let s = b.to_string();
            if s.len() > 4300 + (s.starts_with('-') as usize) {
                return Err(vm.value_error(
                    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                ));
            }
            s
        }
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s.as_str()),
        Value::Bytes(b) => bytes_repr(b),
        Value::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
        Value::Tuple(t) => {
            if t.len() == 1 {
                return guarded(v, || Ok(format!("({},)", vm.repr(&t[0])?)), "(...)");
            }
            return guarded(v, || seq_repr(vm, t, "(", ")"), "(...)");
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            return guarded(v, || seq_repr(vm, &items, "[", "]"), "[...]");
        }
        Value::Dict(d) => {
            let items = d.borrow().items();
            return guarded(v, || dict_repr(vm, &items), "{...}");
        }
        Value::Set(s) => {
            let items = s.borrow().items();
            if items.is_empty() {
                return Ok("set()".into());
            }
            return guarded(v, || seq_repr(vm, &items, "{", "}"), "set(...)");
        }
        Value::FrozenSet(s) => {
            let items = s.items();
            if items.is_empty() {
                return Ok("frozenset()".into());
            }
            format!("frozenset({})", seq_repr(vm, &items, "{", "}")?)
        }
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::DictView(dv) => {
            let name = ["dict_keys", "dict_values", "dict_items"][dv.1 as usize];
            let items = crate::objects::mapping::view_items(dv);
            format!("{}({})", name, seq_repr(vm, &items, "[", "]")?)
        }
        Value::Slice(s) => format!("slice({}, {}, {})", vm.repr(&s[0])?, vm.repr(&s[1])?, vm.repr(&s[2])?),
        Value::Func(f) => format!("<function {} at 0x{:x}>", f.qualname.borrow(), v.ptr().unwrap_or(0)),
        Value::Builtin(b) => match &b.bound {
            Some(obj) if !matches!(obj, Value::Module(_)) => {
                format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    vm.type_name(obj),
                    obj.ptr().unwrap_or(0)
                )
            }
            None if b.is_method && b.name != "__new__" => format!("<method '{}' of '{}' objects>", b.name, b.owner),
            _ => format!("<built-in function {}>", b.name),
        },
        Value::Method(m) => {
            let fname = match &m.func {
                Value::Func(f) => f.qualname.borrow().clone(),
                other => vm.type_name(other),
            };
            format!("<bound method {} of {}>", fname, vm.repr(&m.obj)?)
        }
        Value::Class(c) if c.meta_method("__repr__").is_some() => {
            let m = c.meta_method("__repr__").unwrap();
            let r = vm.call(&m, vec![v.clone()])?;
            vm.str(&r)?
        }
        Value::Class(c) => {
            let module = c.module.borrow();
            if c.builtin || module.as_str() == "builtins" {
                format!("<class '{}'>", c.qualname.borrow())
            } else {
                format!("<class '{}.{}'>", module, c.qualname.borrow())
            }
        }
        Value::Module(m) => {
            let (file, loader) = {
                let d = m.dict.borrow();
                (d.get_str("__file__"), d.get_str("__loader__"))
            };
            match (file, loader) {
                (Some(Value::Str(f)), _) => format!("<module '{}' from '{}'>", m.name, f.as_str()),
                // Made by calling the module type: no loader, no file.
                (_, Some(Value::None)) => format!("<module '{}'>", m.name),
                _ => format!("<module '{}' (built-in)>", m.name),
            }
        }
        Value::Generator(g) => format!("<generator object {} at 0x{:x}>", g.qualname, v.ptr().unwrap_or(0)),
        Value::Iter(it) => {
            let name = match &*it.borrow() {
                IterState::Seq { seq: Value::List(_), .. } => "list_iterator",
                IterState::Seq { seq: Value::Tuple(_), .. } => "tuple_iterator",
                IterState::Range { .. } => "range_iterator",
                IterState::StrIter { .. } => "str_ascii_iterator",
                IterState::DictKeys { .. } => "dict_keyiterator",
                IterState::DictValues { .. } => "dict_valueiterator",
                IterState::DictItems { .. } => "dict_itemiterator",
                IterState::Enumerate { .. } => "enumerate",
                IterState::Zip { .. } => "zip",
                IterState::Map { .. } => "map",
                IterState::Filter { .. } => "filter",
                IterState::Reversed { .. } => "reversed",
                _ => "iterator",
            };
            format!("<{} object at 0x{:x}>", name, v.ptr().unwrap_or(0))
        }
        Value::Property(_) => format!("<property object at 0x{:x}>", v.ptr().unwrap_or(0)),
        Value::StaticMethod(_) => format!("<staticmethod object at 0x{:x}>", v.ptr().unwrap_or(0)),
        Value::ClassMethod(_) => format!("<classmethod object at 0x{:x}>", v.ptr().unwrap_or(0)),
        Value::Super(s) => format!("<super: <class '{}'>, <{} object>>", s.class.name, vm.type_name(&s.obj)),
        Value::Code(c) => format!(
            "<code object {} at 0x{:x}, file \"{}\", line {}>",
            c.name,
            v.ptr().unwrap_or(0),
            c.filename,
            c.firstlineno
        ),
        Value::Cell(_) | Value::Null => format!("<cell at 0x{:x}>", v.ptr().unwrap_or(0)),
        Value::File(f) => {
            let f = f.borrow();
            format!("<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>", str_repr(&f.name), f.mode)
        }
        Value::Instance(i) => {
            let cls = i.class();
            if let Some(m) = cls.lookup("__repr__") {
                if !matches!(m, Value::Builtin(_)) {
                    let r = vm.call(&m, vec![v.clone()])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        Value::Instance(ref ri) if ri.class().kind == Kind::Str => vm.str(&r),
                        _ => Err(vm.type_error(format!("__repr__ returned non-string (type {})", vm.type_name(&r)))),
                    };
                }
            }
            if cls.kind == Kind::BaseException {
                return exc::exception_repr(vm, v);
            }
            let base = i.base.borrow().clone();
            if let Value::Set(_) | Value::FrozenSet(_) = &base {
                // Set subclasses show their class name: MySet({1, 2}).
                let items = match &base {
                    Value::Set(s) => s.borrow().items(),
                    Value::FrozenSet(s) => s.items(),
                    _ => vec![],
                };
                if items.is_empty() {
                    return Ok(format!("{}()", cls.name));
                }
                return guarded(v, || Ok(format!("{}({})", cls.name, seq_repr(vm, &items, "{", "}")?)), "...");
            }
            if !matches!(base, Value::None) {
                return guarded(v, || repr(vm, &base), "...");
            }
            let module = cls.module.borrow().clone();
            let qual = cls.qualname.borrow().clone();
            let name = if module == "builtins" {
                qual
            } else {
                format!("{}.{}", module, qual)
            };
            format!("<{} object at 0x{:x}>", name, v.ptr().unwrap_or(0))
        }
    })
}

fn dict_repr(vm: &Vm, items: &[(Value, Value)]) -> PyResult<String> {
    let mut s = String::from("{");
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&vm.repr(k)?);
        s.push_str(": ");
        s.push_str(&vm.repr(v)?);
    }
    s.push('}');
    Ok(s)
}

pub fn str(vm: &Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Instance(i) => {
            let cls = i.class();
            if let Some(m) = cls.lookup("__str__") {
                if !matches!(m, Value::Builtin(_)) {
                    let r = vm.call(&m, vec![v.clone()])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        _ => Err(vm.type_error(format!("__str__ returned non-string (type {})", vm.type_name(&r)))),
                    };
                }
            }
            if cls.kind == Kind::BaseException {
                return exc::exception_str(vm, v);
            }
            if let Some(m) = cls.lookup("__repr__") {
                if !matches!(m, Value::Builtin(_)) {
                    return repr(vm, v);
                }
            }
            match &*i.base.borrow() {
                Value::Str(s) => Ok(s.as_str().to_string()),
                _ => repr(vm, v),
            }
        }
        _ => repr(vm, v),
    }
}
