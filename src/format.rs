//! String formatting: the format-spec mini-language (`format()`, f-strings,
//! `str.format`) and printf-style `%` formatting.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::objects::Kind;
use crate::value::Value;
use crate::vm::ops::to_bigint;
use crate::vm::{PyResult, Vm};

#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(vm: &Vm, s: &str) -> PyResult<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec {
        fill: ' ',
        ..Default::default()
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        sp.fill = chars[0];
        sp.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        sp.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        sp.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        sp.width = chars[start..i].iter().collect::<String>().parse().unwrap_or(0);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        sp.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        sp.precision = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
    }
    if i < chars.len() {
        sp.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    if sp.zero && sp.align.is_none() {
        sp.fill = '0';
        sp.align = Some('=');
    }
    Ok(sp)
}

fn pad(s: &str, sp: &Spec, default_align: char) -> String {
    let len = s.chars().count();
    if len >= sp.width {
        return s.to_string();
    }
    let n = sp.width - len;
    let fill = |k: usize| sp.fill.to_string().repeat(k);
    match sp.align.unwrap_or(default_align) {
        '<' => format!("{}{}", s, fill(n)),
        '>' => format!("{}{}", fill(n), s),
        '^' => format!("{}{}{}", fill(n / 2), s, fill(n - n / 2)),
        _ => {
            // '=': padding after the sign (and 0x prefix)
            let mut prefix_len = 0;
            let b: Vec<char> = s.chars().collect();
            if !b.is_empty() && matches!(b[0], '+' | '-' | ' ') {
                prefix_len = 1;
            }
            if b.len() > prefix_len + 1 && b[prefix_len] == '0' && matches!(b[prefix_len + 1], 'x' | 'X' | 'o' | 'b') {
                prefix_len += 2;
            }
            let (p, rest): (String, String) = (b[..prefix_len].iter().collect(), b[prefix_len..].iter().collect());
            format!("{}{}{}", p, fill(n), rest)
        }
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

fn format_int(vm: &Vm, n: &BigInt, sp: &Spec) -> PyResult<String> {
    let neg = n.is_negative();
    let mag = n.abs();
    let ty = sp.ty.unwrap_or('d');
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = n
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| vm.overflow("%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), sp, '<'));
        }
        _ => return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'int'", ty))),
    };
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let mut digits = match sp.grouping {
        Some(sep) => group(&digits, sep, if ty == 'd' || ty == 'n' { 3 } else { 4 }),
        None => digits,
    };
    if let (Some('='), '0', Some(sep)) = (sp.align, sp.fill, sp.grouping) {
        // Zero padding also gets grouped: pad the digits first.
        let want = sp
            .width
            .saturating_sub(sign_str(neg, sp.sign).len() + if sp.alt { prefix.len() } else { 0 });
        let every = if ty == 'd' || ty == 'n' { 3 } else { 4 };
        let mut raw: String = digits.chars().filter(|c| *c != sep).collect();
        while group(&raw, sep, every).len() < want {
            raw.insert(0, '0');
        }
        digits = group(&raw, sep, every);
    }
    let s = format!("{}{}{}", sign_str(neg, sp.sign), if sp.alt { prefix } else { "" }, digits);
    Ok(pad(&s, sp, '>'))
}

/// Format a float in fixed, exponent or general notation (the digits part).
pub fn float_digits(f: f64, ty: char, prec: usize, alt: bool) -> String {
    match ty {
        'f' | 'F' | '%' => format!("{:.*}", prec, f),
        'e' | 'E' => {
            let s = format!("{:.*e}", prec, f);
            let (m, e) = s.split_once('e').unwrap();
            let exp: i32 = e.parse().unwrap();
            let m = if alt && prec == 0 { format!("{}.", m) } else { m.to_string() };
            format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
        }
        _ => {
            // 'g': choose by the exponent after rounding to `prec` digits.
            let p = if prec == 0 { 1 } else { prec };
            if f == 0.0 {
                return if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
            }
            let s = format!("{:.*e}", p - 1, f);
            let exp: i32 = s.split_once('e').unwrap().1.parse().unwrap();
            let r = if exp >= -4 && exp < p as i32 {
                format!("{:.*}", (p as i32 - 1 - exp) as usize, f)
            } else {
                float_digits(f, 'e', p - 1, alt)
            };
            if alt {
                return r;
            }
            strip_zeros(&r)
        }
    }
}

fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let m = if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.')
    } else {
        m
    };
    format!("{}{}", m, e)
}

fn format_float(vm: &Vm, f: f64, sp: &Spec) -> PyResult<String> {
    let neg = f.is_sign_negative() && !(f.is_nan());
    let a = f.abs();
    let ty = sp.ty;
    let body = if a.is_nan() || a.is_infinite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if matches!(ty, Some('F' | 'E' | 'G')) {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if ty == Some('%') {
            format!("{}%", s)
        } else {
            s
        }
    } else {
        match ty {
            None => match sp.precision {
                None => crate::objects::repr::float_repr(a),
                Some(p) => {
                    let r = float_digits(a, 'g', p, sp.alt);
                    if r.contains('.') || r.contains('e') || r.contains("inf") {
                        r
                    } else {
                        format!("{}.0", r)
                    }
                }
            },
            Some(c @ ('f' | 'F' | 'e' | 'E' | 'g' | 'G')) => {
                let r = float_digits(a, c.to_ascii_lowercase(), sp.precision.unwrap_or(6), sp.alt);
                if c.is_uppercase() {
                    r.to_uppercase()
                } else {
                    r
                }
            }
            Some('n') => float_digits(a, 'g', sp.precision.unwrap_or(6), sp.alt),
            Some('%') => format!("{}%", float_digits(a * 100.0, 'f', sp.precision.unwrap_or(6), sp.alt)),
            Some(c) => return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'float'", c))),
        }
    };
    let body = match sp.grouping {
        Some(sep) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (&body[..i], &body[i..]),
                None => (&body[..], ""),
            };
            format!("{}{}", group(int_part, sep, 3), rest)
        }
        None => body,
    };
    let s = format!("{}{}", sign_str(neg, sp.sign), body);
    Ok(pad(&s, sp, '>'))
}

/// format(value, spec)
pub fn format_value(vm: &Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Value::Instance(i) = v {
        let cls = i.class();
        if let Some(m) = cls.lookup("__format__") {
            if !matches!(m, Value::Builtin(_)) {
                let r = vm.call(&m, vec![v.clone(), Value::str(spec)])?;
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    _ => Err(vm.type_error("__format__ must return a str")),
                };
            }
        }
        let base = i.base.borrow().clone();
        if !matches!(base, Value::None) && cls.kind != Kind::BaseException && !spec.is_empty() {
            return format_value(vm, &base, spec);
        }
        if spec.is_empty() {
            return vm.str(v);
        }
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", cls.name)));
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    let sp = parse_spec(vm, spec)?;
    match v {
        Value::Int(_) | Value::Long(_) | Value::Bool(_) => {
            if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = sp.ty {
                let f = crate::vm::ops::to_f64(vm, v)?.unwrap();
                return format_float(vm, f, &sp);
            }
            format_int(vm, &to_bigint(v).unwrap(), &sp)
        }
        Value::Float(f) => {
            if let Some('d' | 'x' | 'X' | 'o' | 'b' | 'c') = sp.ty {
                return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'float'", sp.ty.unwrap())));
            }
            format_float(vm, *f, &sp)
        }
        Value::Str(s) => {
            if let Some(t) = sp.ty {
                if t != 's' {
                    return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'str'", t)));
                }
            }
            if sp.sign.is_some() {
                return Err(vm.value_error("Sign not allowed in string format specifier"));
            }
            if sp.align == Some('=') {
                return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
            }
            let text: String = match sp.precision {
                Some(p) => s.as_str().chars().take(p).collect(),
                None => s.as_str().to_string(),
            };
            Ok(pad(&text, &sp, '<'))
        }
        _ => Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(v)))),
    }
}

/// printf-style formatting: `fmt % args`.
///
/// The format is scanned as bytes: every part of a conversion
/// specifier is ASCII, and the text between specifiers is copied whole.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping): (&[Value], Option<&Value>) = match args {
        Value::Tuple(t) => (&t[..], None),
        Value::Dict(_) => (std::slice::from_ref(args), Some(args)),
        Value::Instance(i)
            if i.class().kind == Kind::Dict || i.class().lookup("__getitem__").is_some() && i.class().kind != Kind::Tuple =>
        {
            (std::slice::from_ref(args), Some(args))
        }
        other => (std::slice::from_ref(other), None),
    };
    let bytes = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut argi = 0;
    let mut used_mapping = false;
    let mut i = 0;
    let next_arg = |argi: &mut usize| -> PyResult<Value> {
        let v = items
            .get(*argi)
            .cloned()
            .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
        *argi += 1;
        Ok(v)
    };
    let digits = |i: &mut usize| -> Option<usize> {
        let st = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > st).then(|| fmt[st..*i].parse().unwrap_or(0))
    };
    while i < bytes.len() {
        // The text up to the next specifier, as is.
        let next = bytes[i..].iter().position(|&b| b == b'%').map_or(bytes.len(), |k| i + k);
        out.push_str(&fmt[i..next]);
        i = next + 1;
        if next == bytes.len() {
            break;
        }
        if i >= bytes.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key_val: Option<Value> = None;
        if bytes[i] == b'(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < bytes.len() && depth > 0 {
                if bytes[i] == b'(' {
                    depth += 1;
                } else if bytes[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            let key = &fmt[start..i - 1];
            let m = mapping.ok_or_else(|| vm.type_error("format requires a mapping"))?;
            key_val = Some(vm.getitem(m, &Value::str(key))?);
            used_mapping = true;
        }
        let mut sp = Spec {
            fill: ' ',
            ..Default::default()
        };
        let mut left = false;
        while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            match bytes[i] {
                b'-' => left = true,
                b'+' => sp.sign = Some('+'),
                b' ' => {
                    if sp.sign.is_none() {
                        sp.sign = Some(' ')
                    }
                }
                b'#' => sp.alt = true,
                _ => sp.zero = true,
            }
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'*' {
            sp.width = vm.index_value(&next_arg(&mut argi)?)?.max(0) as usize;
            i += 1;
        } else if let Some(w) = digits(&mut i) {
            sp.width = w;
        }
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            if i < bytes.len() && bytes[i] == b'*' {
                sp.precision = Some(vm.index_value(&next_arg(&mut argi)?)?.max(0) as usize);
                i += 1;
            } else {
                sp.precision = Some(digits(&mut i).unwrap_or(0));
            }
        }
        while i < bytes.len() && matches!(bytes[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        // (`i` is at a char boundary: everything stepped over is ASCII.)
        let Some(conv) = fmt[i..].chars().next() else {
            return Err(vm.value_error("incomplete format"));
        };
        let conv_at = i;
        i += conv.len_utf8();
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match key_val {
            Some(v) => v,
            None => next_arg(&mut argi)?,
        };
        // The common plain cases straight into the output: a machine int
        // with no flags, width or precision, and a str with no width or
        // precision.
        let plain = sp.width == 0 && sp.precision.is_none();
        match (&v, conv) {
            (Value::Int(n), 'd' | 'i' | 'u') if plain && sp.sign.is_none() => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("{n}"));
                continue;
            }
            (Value::Str(s), 's') if plain => {
                out.push_str(s.as_str());
                continue;
            }
            _ => {}
        }
        if left {
            sp.align = Some('<');
        } else if sp.zero && !matches!(conv, 's' | 'r' | 'a' | 'c') {
            sp.fill = '0';
            sp.align = Some('=');
        } else {
            sp.align = Some('>');
        }
        let s = match conv {
            's' => {
                let s = vm.str(&v)?;
                let s: String = match sp.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad(&s, &sp, '>')
            }
            'r' | 'a' => {
                let mut s = vm.repr(&v)?;
                if conv == 'a' {
                    s = crate::objects::repr::ascii(&s);
                }
                let s: String = match sp.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad(&s, &sp, '>')
            }
            'd' | 'i' | 'u' => {
                let n = match &v {
                    Value::Float(f) => {
                        if !f.is_finite() {
                            return Err(vm.overflow("cannot convert float infinity to integer"));
                        }
                        num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()
                    }
                    _ => match to_bigint(&crate::vm::ops::unwrap_base(&v)) {
                        Some(b) => b,
                        None => {
                            return Err(vm.type_error(format!("%{} format: a real number is required, not {}", conv, vm.type_name(&v))))
                        }
                    },
                };
                let mut sp2 = sp.clone();
                sp2.ty = Some('d');
                let prec = sp2.precision.take();
                let mut s = format_int(vm, &n, &Spec { width: 0, ..sp2.clone() })?;
                if let Some(p) = prec {
                    let neg = s.starts_with('-');
                    let digits = s.trim_start_matches(['-', '+', ' ']).to_string();
                    if digits.len() < p {
                        s = format!("{}{}{}", sign_str(neg, sp.sign), "0".repeat(p - digits.len()), digits);
                    }
                }
                pad(&s, &sp2, '>')
            }
            'x' | 'X' | 'o' => {
                let n = match to_bigint(&crate::vm::ops::unwrap_base(&v)) {
                    Some(b) => b,
                    None => return Err(vm.type_error(format!("%{} format: an integer is required, not {}", conv, vm.type_name(&v)))),
                };
                let mut sp2 = sp.clone();
                sp2.ty = Some(conv);
                sp2.precision = None;
                format_int(vm, &n, &sp2)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match crate::vm::ops::to_f64(vm, &crate::vm::ops::unwrap_base(&v))? {
                    Some(f) => f,
                    None => return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(&v)))),
                };
                let mut sp2 = sp.clone();
                sp2.ty = Some(conv);
                if sp2.precision.is_none() {
                    sp2.precision = Some(6);
                }
                format_float(vm, f, &sp2)?
            }
            'c' => {
                let s = match &v {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    Value::Int(n) => char::from_u32(*n as u32)
                        .map(|c| c.to_string())
                        .ok_or_else(|| vm.overflow("%c arg not in range(0x110000)"))?,
                    _ => return Err(vm.type_error("%c requires int or char")),
                };
                pad(&s, &sp, '>')
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    // (CPython shows only 0x1f..=0x7e as itself.)
                    if ('\x1f'..='~').contains(&other) { other } else { '?' },
                    other as u32,
                    fmt[..conv_at].chars().count()
                )));
            }
        };
        out.push_str(&s);
    }
    if argi < items.len() && !used_mapping && mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// str.format(*args, **kwargs)
pub fn str_format(vm: &Vm, fmt: &str, args: &[Value], kwargs: &[(std::rc::Rc<crate::value::PyStr>, Value)]) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut manual = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            // field: name[!conv][:spec]
            let (name_part, rest) = split_field(&field);
            let (conv, spec) = match rest.strip_prefix('!') {
                Some(r) => {
                    let mut it = r.splitn(2, ':');
                    let conv = it.next().unwrap_or("").to_string();
                    (Some(conv), it.next().unwrap_or("").to_string())
                }
                None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
            };
            // resolve name
            let (first, accessors) = split_accessors(&name_part);
            let mut v = if first.is_empty() {
                if manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = args
                    .get(auto)
                    .cloned()
                    .ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", auto)))?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if auto > 0 {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                manual = true;
                args.get(n)
                    .cloned()
                    .ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", n)))?
            } else {
                kwargs
                    .iter()
                    .find(|(k, _)| k.as_str() == first)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| vm.key_error(Value::str(&first)))?
            };
            for acc in accessors {
                v = match acc {
                    Accessor::Attr(a) => vm.getattr(&v, &a)?,
                    Accessor::Item(k) => {
                        let key = match k.parse::<i64>() {
                            Ok(n) => Value::Int(n),
                            Err(_) => Value::str(&k),
                        };
                        vm.getitem(&v, &key)?
                    }
                };
            }
            let v = match conv.as_deref() {
                Some("r") => Value::string(vm.repr(&v)?),
                Some("s") => Value::string(vm.str(&v)?),
                Some("a") => Value::string(crate::objects::repr::ascii(&vm.repr(&v)?)),
                Some(other) => return Err(vm.value_error(format!("Unknown conversion specifier {}", other))),
                None => v,
            };
            let spec = if spec.contains('{') {
                str_format_nested(vm, &spec, args, kwargs, &mut auto)?
            } else {
                spec
            };
            out.push_str(&format_value(vm, &v, &spec)?);
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn str_format_nested(
    vm: &Vm,
    spec: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<crate::value::PyStr>, Value)],
    auto: &mut usize,
) -> PyResult<String> {
    let mut out = String::new();
    let mut rest = spec;
    while let Some(st) = rest.find('{') {
        out.push_str(&rest[..st]);
        let en = rest[st..]
            .find('}')
            .map(|e| e + st)
            .ok_or_else(|| vm.value_error("unmatched '{' in format spec"))?;
        let name = &rest[st + 1..en];
        let v = if name.is_empty() {
            let v = args
                .get(*auto)
                .cloned()
                .ok_or_else(|| vm.index_error("Replacement index out of range"))?;
            *auto += 1;
            v
        } else if let Ok(n) = name.parse::<usize>() {
            args.get(n)
                .cloned()
                .ok_or_else(|| vm.index_error("Replacement index out of range"))?
        } else {
            kwargs
                .iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| vm.key_error(Value::str(name)))?
        };
        out.push_str(&vm.str(&v)?);
        rest = &rest[en + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn split_field(field: &str) -> (String, String) {
    let mut depth = 0;
    for (i, c) in field.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '!' | ':' if depth == 0 => return (field[..i].to_string(), field[i..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

enum Accessor {
    Attr(String),
    Item(String),
}

fn split_accessors(name: &str) -> (String, Vec<Accessor>) {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = name[..end].to_string();
    let mut accs = Vec::new();
    let mut rest = &name[end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            accs.push(Accessor::Attr(r[..e].to_string()));
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let e = r.find(']').unwrap_or(r.len());
            accs.push(Accessor::Item(r[..e].to_string()));
            rest = if e < r.len() { &r[e + 1..] } else { "" };
        } else {
            break;
        }
    }
    (first, accs)
}
