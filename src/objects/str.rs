//! str: the constructor and methods.

use std::rc::Rc;

use crate::objects::{add_method, add_static, Args, Class, Dict};
use crate::value::{PyStr, Value};
use crate::vm::{PyResult, Vm};

pub fn self_str(vm: &Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Str(s) => Ok(s.clone()),
            _ => Err(vm.type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_name(v)))),
    }
}

fn arg_str(vm: &Vm, v: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Instance(_) => self_str(vm, v).map_err(|_| vm.type_error(format!("{} arg must be None or str", what))),
        // (split's separator may be None; the others' arguments may not.)
        _ if matches!(what, "split" | "rsplit") => Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))),
        _ => Err(vm.type_error(format!("must be str, not {}", vm.type_name(v)))),
    }
}

fn s(v: &str) -> PyResult<Value> {
    Ok(Value::str(v))
}

/// What `strip` and its kin return: `st` itself when nothing was stripped
/// (an exact str, as CPython gives), else a new str.
fn trimmed(st: &Rc<PyStr>, t: &str) -> PyResult<Value> {
    if t.len() == st.as_str().len() {
        Ok(Value::Str(st.clone()))
    } else {
        Ok(Value::string_of(t.to_string(), st.is_ascii()))
    }
}

/// Char-index range from optional start/end arguments (like slicing, clamped).
fn char_range(vm: &Vm, st: &PyStr, start: Option<Value>, end: Option<Value>) -> PyResult<(usize, usize)> {
    let n = st.char_len() as i64;
    let conv = |v: Option<Value>, d: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(d),
            Some(v) => {
                let mut i = vm.index_value(&v)?;
                if i < 0 {
                    i += n;
                    if i < 0 {
                        i = 0;
                    }
                }
                Ok(i.min(n))
            }
        }
    };
    let a = conv(start, 0)?;
    let b = conv(end, n)?;
    Ok((a as usize, b as usize))
}

fn find_impl(vm: &Vm, args: &Args, rev: bool) -> PyResult<Option<usize>> {
    let st = self_str(vm, &args.args[0])?;
    let sub = arg_str(
        vm,
        &args
            .get(1, "sub")
            .ok_or_else(|| vm.type_error("find() takes at least 1 argument (0 given)"))?,
        "find",
    )?;
    let (a, b) = char_range(vm, &st, args.args.get(2).cloned(), args.args.get(3).cloned())?;
    if a > b {
        return Ok(None);
    }
    let ba = st.byte_offset(a);
    let bb = st.byte_offset(b);
    let hay = &st.as_str()[ba..bb];
    let r = if rev { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(r.map(|bi| a + hay[..bi].chars().count()))
}

fn str_find(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, false)?.map(|i| i as i64).unwrap_or(-1)))
}
fn str_rfind(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, true)?.map(|i| i as i64).unwrap_or(-1)))
}
fn str_index(vm: &Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "count", 2, 4)?;
    let st = self_str(vm, &args.args[0])?;
    let sub = arg_str(vm, &args.args[1], "count")?;
    let (a, b) = char_range(vm, &st, args.args.get(2).cloned(), args.args.get(3).cloned())?;
    if a > b {
        return Ok(Value::Int(0));
    }
    let hay = &st.as_str()[st.byte_offset(a)..st.byte_offset(b)];
    if sub.as_str().is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(sub.as_str()).count() as i64))
}

fn affix(vm: &Vm, args: &Args, name: &str, start: bool) -> PyResult<Value> {
    // startswith/endswith still parse with the old-style message in CPython 3.11.
    let given = args.args.len() + args.kwargs.len() - 1;
    if given > 3 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", name, given)));
    }
    args.check_m(vm, name, 2, 4)?;
    let st = self_str(vm, &args.args[0])?;
    let (a, b) = char_range(vm, &st, args.args.get(2).cloned(), args.args.get(3).cloned())?;
    let hay = if a <= b {
        &st.as_str()[st.byte_offset(a)..st.byte_offset(b)]
    } else {
        ""
    };
    let test = |p: &Value| -> PyResult<bool> {
        match p {
            Value::Str(p) => Ok(if start {
                hay.starts_with(p.as_str())
            } else {
                hay.ends_with(p.as_str())
            }),
            _ => Err(vm.type_error(format!("{} first arg must be str or a tuple of str, not {}", name, vm.type_name(p)))),
        }
    };
    match &args.args[1] {
        Value::Tuple(t) => {
            for p in t.iter() {
                if test(p)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        p => Ok(Value::Bool(test(p)?)),
    }
}
fn str_startswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", true)
}
fn str_endswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", false)
}

fn strip_chars(vm: &Vm, args: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    match args.get(1, "chars") {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Str(_) | Value::Instance(_))) => Ok(Some(arg_str(vm, &v, name)?.as_str().chars().collect())),
        Some(_) => Err(vm.type_error(format!("{} arg must be None or str", name))),
    }
}
/// `str.isspace` of one character: Unicode's White_Space (Rust's
/// `char::is_whitespace`) and the four separators \x1c-\x1f, whose
/// bidirectional class Python also counts as space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}
/// The words of `text` between runs of space (`is_space`), as
/// `str.split()` gives them; `ascii` says the text is all ASCII, which is
/// then scanned byte by byte.
fn split_words(text: &str, ascii: bool) -> Vec<&str> {
    if !ascii {
        return text.split(is_space).filter(|w| !w.is_empty()).collect();
    }
    let mut words = Vec::new();
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let space = matches!(b, b'\t'..=b'\r' | b'\x1c'..=b'\x1f' | b' ');
        match (space, start) {
            (true, Some(s)) => {
                words.push(&text[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}
fn str_strip(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    match strip_chars(vm, &args, "strip")? {
        None => trimmed(&st, st.as_str().trim_matches(is_space)),
        Some(cs) => trimmed(&st, st.as_str().trim_matches(|c| cs.contains(&c))),
    }
}
/// `str.strip`'s fast form (see `Builtin::fast`): no argument, or a str
/// of characters to strip.
fn str_strip_fast(_: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    match args {
        [Value::Str(st)] => Some(trimmed(st, st.as_str().trim_matches(is_space))),
        [Value::Str(st), Value::Str(cs)] => Some(trimmed(st, st.as_str().trim_matches(|c| cs.as_str().contains(c)))),
        _ => None,
    }
}
fn str_lstrip(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    match strip_chars(vm, &args, "lstrip")? {
        None => trimmed(&st, st.as_str().trim_start_matches(is_space)),
        Some(cs) => trimmed(&st, st.as_str().trim_start_matches(|c| cs.contains(&c))),
    }
}
fn str_rstrip(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    match strip_chars(vm, &args, "rstrip")? {
        None => trimmed(&st, st.as_str().trim_end_matches(is_space)),
        Some(cs) => trimmed(&st, st.as_str().trim_end_matches(|c| cs.contains(&c))),
    }
}

fn str_split(vm: &Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}
fn str_rsplit(vm: &Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn split_impl(vm: &Vm, args: Args, rev: bool) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let sep = args.get(1, "sep").unwrap_or(Value::None);
    let maxsplit = match args.get(2, "maxsplit") {
        Some(v) => vm.index_value(&v)?,
        None => -1,
    };
    let text = st.as_str();
    let mut parts: Vec<String> = Vec::new();
    match &sep {
        Value::None => {
            let mut words = split_words(text, st.is_ascii());
            if rev {
                words.reverse();
            }
            if maxsplit < 0 || (words.len() as i64) <= maxsplit {
                parts = words.iter().map(|w| w.to_string()).collect();
            } else {
                // Split maxsplit times, keep the rest (stripped on the split side only).
                let mut rest = if rev {
                    text.trim_end_matches(is_space)
                } else {
                    text.trim_start_matches(is_space)
                };
                for _ in 0..maxsplit {
                    if rev {
                        let idx = rest.rfind(is_space).unwrap();
                        parts.push(rest[idx..].trim_start_matches(is_space).to_string());
                        rest = rest[..idx].trim_end_matches(is_space);
                    } else {
                        let idx = rest.find(is_space).unwrap();
                        parts.push(rest[..idx].to_string());
                        rest = rest[idx..].trim_start_matches(is_space);
                    }
                }
                if !rest.is_empty() {
                    parts.push(rest.to_string());
                }
            }
            if rev {
                parts.reverse();
            }
        }
        v => {
            let sep = arg_str(vm, v, "split")?;
            if sep.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if maxsplit < 0 {
                parts = text.split(sep.as_str()).map(|p| p.to_string()).collect();
            } else if rev {
                parts = text.rsplitn(maxsplit as usize + 1, sep.as_str()).map(|p| p.to_string()).collect();
                parts.reverse();
            } else {
                parts = text.splitn(maxsplit as usize + 1, sep.as_str()).map(|p| p.to_string()).collect();
            }
        }
    }
    // (Pieces of ASCII text are ASCII.)
    let ascii = st.is_ascii();
    Ok(Value::list(parts.into_iter().map(|p| Value::string_of(p, ascii)).collect()))
}

fn str_splitlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let keep = match args.get(1, "keepends") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut out = Vec::new();
    let text = st.as_str();
    let mut start = 0;
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (pos, c) = b[i];
        let is_break = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < b.len() && b[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &text[start..end] } else { &text[start..pos] }));
            start = end;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn str_join(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "join", 2, 2)?;
    let sep = self_str(vm, &args.args[0])?;
    let items = match vm.to_vec(&args.args[1]) {
        Ok(items) => items,
        // Not iterable at all (rather than failing while iterating): CPython's message.
        Err(e) if vm.is_exc(&e, &vm.types.exc.type_error) && vm.iter(&args.args[1]).is_err() => {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match it {
            Value::Str(x) => out.push_str(x.as_str()),
            Value::Instance(_) if self_str(vm, it).is_ok() => out.push_str(self_str(vm, it)?.as_str()),
            other => {
                return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, vm.type_name(other))));
            }
        }
    }
    Ok(Value::string(out))
}

fn str_replace(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "replace", 3, 4)?;
    let st = self_str(vm, &args.args[0])?;
    let old = arg_str(vm, &args.args[1], "replace")?;
    let new = arg_str(vm, &args.args[2], "replace")?;
    let count = match args.args.get(3) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    if count < 0 {
        if old.as_str().is_empty() {
            let mut out = String::from(new.as_str());
            for c in st.as_str().chars() {
                out.push(c);
                out.push_str(new.as_str());
            }
            return Ok(Value::string(out));
        }
        return Ok(Value::string(st.as_str().replace(old.as_str(), new.as_str())));
    }
    Ok(Value::string(st.as_str().replacen(old.as_str(), new.as_str(), count as usize)))
}

fn case_map(vm: &Vm, args: &Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("str.{}() takes no keyword arguments", name)));
    }
    let given = args.args.len() - 1;
    if given > 0 {
        return Err(vm.type_error(format!("str.{}() takes no arguments ({} given)", name, given)));
    }
    let st = self_str(vm, &args.args[0])?;
    Ok(Value::string(f(st.as_str())))
}
fn str_upper(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "upper", |s| s.to_uppercase())
}
fn str_lower(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "lower", |s| s.to_lowercase())
}
/// `str.lower`'s fast form (see `Builtin::fast`).
fn str_lower_fast(_: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [Value::Str(st)] = args else { return None };
    // (ASCII text, the usual case, without the Unicode case tables.)
    let ascii = st.is_ascii();
    let lower = if ascii {
        st.as_str().to_ascii_lowercase()
    } else {
        st.as_str().to_lowercase()
    };
    Some(Ok(Value::string_of(lower, ascii)))
}
fn str_casefold(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "casefold", |s| s.to_lowercase().replace('ß', "ss"))
}
fn str_swapcase(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "swapcase", |s| {
        s.chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect::<String>()
                }
            })
            .collect()
    })
}
fn str_capitalize(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "capitalize", |s| {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
            None => String::new(),
        }
    })
}
fn str_title(vm: &Vm, args: Args) -> PyResult<Value> {
    case_map(vm, &args, "title", |s| {
        let mut out = String::new();
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = c.is_alphabetic();
        }
        out
    })
}

fn pred(vm: &Vm, args: &Args, f: fn(&str) -> bool) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    Ok(Value::Bool(f(st.as_str())))
}
fn str_isdigit(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c.is_numeric() && !c.is_alphabetic())
    })
}
/// Unicode decimal digits (category Nd): blocks of ten starting at these code points.
const ND_STARTS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090,
    0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

pub fn is_decimal(c: char) -> bool {
    let n = c as u32;
    ND_STARTS.iter().any(|s| n >= *s && n < s + 10)
}

/// Map Unicode decimal digits to ASCII ('١' -> '1'), as int()/float() accept them.
pub fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                let n = c as u32;
                match ND_STARTS.iter().find(|st| n >= **st && n < **st + 10) {
                    Some(st) => char::from(b'0' + (n - st) as u8),
                    None => c,
                }
            })
            .collect(),
    )
}

fn str_isdecimal(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| !s.is_empty() && s.chars().all(is_decimal))
}
fn str_isnumeric(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| !s.is_empty() && s.chars().all(|c| c.is_numeric()))
}
fn str_isalpha(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| !s.is_empty() && s.chars().all(|c| c.is_alphabetic()))
}
fn str_isalnum(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric()))
}
fn str_isspace(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| !s.is_empty() && s.chars().all(is_space))
}
fn str_isascii(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| s.is_ascii())
}
fn str_islower(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase())
    })
}
fn str_isupper(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase())
    })
}
fn str_istitle(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn str_isidentifier(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        let mut c = s.chars();
        match c.next() {
            Some(f) if f == '_' || f.is_alphabetic() => c.all(|x| x == '_' || x.is_alphanumeric()),
            _ => false,
        }
    })
}
fn str_isprintable(vm: &Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, |s| {
        s.chars().all(|c| c == ' ' || !crate::objects::repr::is_unprintable(c))
    })
}

fn justify(vm: &Vm, args: &Args, name: &str, kind: char) -> PyResult<Value> {
    args.check_m(vm, name, 2, 3)?;
    let st = self_str(vm, &args.args[0])?;
    let width = vm.index_value(&args.args[1])?;
    let fill = match args.args.get(2) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.char_at(0),
        Some(_) => return Err(vm.type_error("The fill character must be exactly one character long")),
        None => ' ',
    };
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(st));
    }
    let n = (width - len) as usize;
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(Value::string(match kind {
        'l' => format!("{}{}", st.as_str(), f(n)),
        'r' => format!("{}{}", f(n), st.as_str()),
        _ => {
            // CPython's center puts the extra fill on the left when width is odd... exactly:
            let left = n / 2 + (n & width as usize & 1);
            format!("{}{}{}", f(left), st.as_str(), f(n - left))
        }
    }))
}
fn str_ljust(vm: &Vm, args: Args) -> PyResult<Value> {
    justify(vm, &args, "ljust", 'l')
}
fn str_rjust(vm: &Vm, args: Args) -> PyResult<Value> {
    justify(vm, &args, "rjust", 'r')
}
fn str_center(vm: &Vm, args: Args) -> PyResult<Value> {
    justify(vm, &args, "center", 'c')
}
fn str_zfill(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "zfill", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    let width = vm.index_value(&args.args[1])?;
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(st));
    }
    let n = (width - len) as usize;
    let t = st.as_str();
    let (sign, rest) = if t.starts_with('+') || t.starts_with('-') {
        (&t[..1], &t[1..])
    } else {
        ("", t)
    };
    Ok(Value::string(format!("{}{}{}", sign, "0".repeat(n), rest)))
}

fn str_partition(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "partition", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    let sep = arg_str(vm, &args.args[1], "partition")?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match st.as_str().split_once(sep.as_str()) {
        Some((a, b)) => Value::tuple(vec![Value::str(a), Value::Str(sep.clone()), Value::str(b)]),
        None => Value::tuple(vec![Value::Str(st.clone()), Value::str(""), Value::str("")]),
    })
}
fn str_rpartition(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "rpartition", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    let sep = arg_str(vm, &args.args[1], "rpartition")?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match st.as_str().rsplit_once(sep.as_str()) {
        Some((a, b)) => Value::tuple(vec![Value::str(a), Value::Str(sep.clone()), Value::str(b)]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(st.clone())]),
    })
}
fn str_removeprefix(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let p = arg_str(vm, &args.get(1, "prefix").unwrap_or(Value::str("")), "removeprefix")?;
    s(st.as_str().strip_prefix(p.as_str()).unwrap_or(st.as_str()))
}
fn str_removesuffix(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let p = arg_str(vm, &args.get(1, "suffix").unwrap_or(Value::str("")), "removesuffix")?;
    s(st.as_str().strip_suffix(p.as_str()).unwrap_or(st.as_str()))
}
fn str_expandtabs(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let ts = match args.get(1, "tabsize") {
        Some(v) => vm.index_value(&v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in st.as_str().chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn str_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    Ok(Value::string(crate::format::str_format(
        vm,
        st.as_str(),
        &args.args[1..],
        &args.kwargs,
    )?))
}
fn str_format_map(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "format_map", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    let mut kw = Vec::new();
    for (k, v) in vm.mapping_items(&args.args[1])? {
        if let Value::Str(k) = k {
            kw.push((k, v));
        }
    }
    Ok(Value::string(crate::format::str_format(vm, st.as_str(), &[], &kw)?))
}

fn str_encode(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    let enc = match args.get(1, "encoding") {
        Some(v) => vm.str(&v)?.to_lowercase().replace('_', "-"),
        None => "utf-8".into(),
    };
    match enc.as_str() {
        "utf-8" | "utf8" => Ok(Value::Bytes(Rc::new(st.as_str().as_bytes().to_vec()))),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc == "ascii" { 128 } else { 256 };
            let mut out = Vec::new();
            for (i, c) in st.as_str().chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u8);
                } else {
                    let errors = args
                        .get(2, "errors")
                        .and_then(|v| v.as_str().map(|s| s.to_string()))
                        .unwrap_or_else(|| "strict".into());
                    match errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        _ => {
                            return Err(vm.err(
                                &vm.types.exc.unicode_encode_error,
                                format!(
                                    "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                                    if enc == "ascii" { "ascii" } else { "latin-1" },
                                    crate::objects::repr::ascii(&c.to_string()),
                                    i,
                                    limit
                                ),
                            ))
                        }
                    }
                }
            }
            Ok(Value::Bytes(Rc::new(out)))
        }
        _ => Err(vm.err(&vm.types.exc.lookup_error, format!("unknown encoding: {}", enc))),
    }
}

fn str_maketrans(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut d = Dict::new();
    match args.args.len() {
        1 => {
            for (k, v) in vm.mapping_items(&args.args[0])? {
                let k = match &k {
                    Value::Str(s) if s.char_len() == 1 => Value::Int(s.char_at(0) as i64),
                    other => other.clone(),
                };
                d.insert(vm.key(&k)?, v);
            }
        }
        2 | 3 => {
            let a = arg_str(vm, &args.args[0], "maketrans")?;
            let b = arg_str(vm, &args.args[1], "maketrans")?;
            if a.char_len() != b.char_len() {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (x, y) in a.as_str().chars().zip(b.as_str().chars()) {
                d.insert(vm.key(&Value::Int(x as i64))?, Value::Int(y as i64));
            }
            if let Some(z) = args.args.get(2) {
                for c in arg_str(vm, z, "maketrans")?.as_str().chars() {
                    d.insert(vm.key(&Value::Int(c as i64))?, Value::None);
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(Value::dict(d))
}

fn str_translate(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "translate", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    let table = &args.args[1];
    let mut out = String::new();
    for c in st.as_str().chars() {
        match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => out.push(char::from_u32(n as u32).unwrap_or(c)),
            Ok(Value::Str(s)) => out.push_str(s.as_str()),
            Ok(_) => return Err(vm.type_error("character mapping must return integer, None or str")),
            Err(e) if vm.is_exc(&e, &vm.types.exc.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

/// str(object='') / str(bytes, encoding)
pub fn str_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let n = args.args.len() + args.kwargs.len() - 1;
    if n > 3 {
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({} given)", n)));
    }
    let (encoding, errors) = (args.get(2, "encoding"), args.get(3, "errors"));
    for (what, v) in [("encoding", &encoding), ("errors", &errors)] {
        if let Some(v) = v.as_ref().filter(|v| !matches!(v, Value::Str(_))) {
            return Err(vm.type_error(format!("str() argument '{}' must be str, not {}", what, vm.type_name(v))));
        }
    }
    let decoding = encoding.is_some() || errors.is_some();
    let v = match args.get(1, "object") {
        None => Value::str(""),
        Some(b @ (Value::Bytes(_) | Value::ByteArray(_))) if decoding => {
            let bytes = crate::objects::bytes::bytes_of(vm, &b)?;
            crate::objects::bytes::decode(vm, &bytes, &args)?
        }
        Some(Value::Str(_)) if decoding => return Err(vm.type_error("decoding str is not supported")),
        Some(v) if decoding => return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(&v)))),
        Some(v) => vm.str_value(&v)?,
    };
    wrap(cls, v)
}

pub fn wrap(cls: &Rc<Class>, v: Value) -> PyResult<Value> {
    if cls.builtin {
        Ok(v)
    } else {
        Ok(crate::vm::eval::new_instance(cls, v))
    }
}

fn str_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "__getitem__", 2, 2)?;
    let st = self_str(vm, &args.args[0])?;
    vm.getitem(&Value::Str(st), &args.args[1])
}
fn str_len(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    Ok(Value::Int(st.char_len() as i64))
}
fn str_str(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Str(self_str(vm, &args.args[0])?))
}
fn str_repr_m(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = self_str(vm, &args.args[0])?;
    Ok(Value::string(crate::objects::repr::str_repr(st.as_str())))
}
fn str_eq(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = self_str(vm, &args.args[0])?;
    Ok(match self_str(vm, &args.args[1]) {
        Ok(b) => Value::Bool(a.as_str() == b.as_str()),
        Err(_) => Value::NotImplemented,
    })
}
fn str_hash(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = self_str(vm, &args.args[0])?;
    Ok(Value::Int(a.hash()))
}
fn str_add(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = self_str(vm, &args.args[0])?;
    match self_str(vm, &args.args[1]) {
        Ok(b) => Ok(Value::string(format!("{}{}", a.as_str(), b.as_str()))),
        Err(_) => Ok(Value::NotImplemented),
    }
}
fn str_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = self_str(vm, &args.args[0])?;
    Ok(Value::Bool(vm.contains(&Value::Str(a), &args.args[1])?))
}
fn str_lt(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = self_str(vm, &args.args[0])?;
    Ok(match self_str(vm, &args.args[1]) {
        Ok(b) => Value::Bool(a.as_str() < b.as_str()),
        Err(_) => Value::NotImplemented,
    })
}

pub fn register(vm_types: &crate::vm::Types) {
    let c = &vm_types.str_;
    add_method(c, "str", "__new__", str_new);
    for (name, f) in [
        ("find", str_find as crate::objects::BuiltinFn),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("replace", str_replace),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("swapcase", str_swapcase),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("islower", str_islower),
        ("isupper", str_isupper),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("center", str_center),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("expandtabs", str_expandtabs),
        ("format", str_format),
        ("format_map", str_format_map),
        ("encode", str_encode),
        ("translate", str_translate),
        ("__getitem__", str_getitem),
        ("__len__", str_len),
        ("__str__", str_str),
        ("__repr__", str_repr_m),
        ("__eq__", str_eq),
        ("__hash__", str_hash),
        ("__add__", str_add),
        ("__contains__", str_contains),
        ("__lt__", str_lt),
    ] {
        let name: &'static str = name;
        add_method(c, "str", name, f);
    }
    crate::objects::set_fast(&mut c.dict.borrow_mut(), "strip", str_strip_fast);
    crate::objects::set_fast(&mut c.dict.borrow_mut(), "lower", str_lower_fast);
    add_static(c, "str", "maketrans", str_maketrans);
}
