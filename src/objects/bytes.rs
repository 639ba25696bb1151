//! bytes and bytearray.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::{add_method, Args, BuiltinFn};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The bytes of a bytes-like value.
pub fn bytes_of(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok((**b).clone()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        Value::Instance(i) => match &*i.base.borrow() {
            b @ (Value::Bytes(_) | Value::ByteArray(_)) => bytes_of(vm, b),
            _ => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

pub fn decode(vm: &Vm, b: &[u8], args: &Args) -> PyResult<Value> {
    let enc = match args.get(2, "encoding").or_else(|| args.kw("encoding")) {
        Some(v) => vm.str(&v)?.to_lowercase().replace('_', "-"),
        None => "utf-8".into(),
    };
    let errors = args
        .get(3, "errors")
        .and_then(|v| v.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "strict".into());
    decode_with(vm, b, &enc, &errors)
}

pub fn decode_with(vm: &Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<Value> {
    match enc {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => match errors {
                "replace" => Ok(Value::string(String::from_utf8_lossy(b).into_owned())),
                "ignore" => Ok(Value::string(String::from_utf8_lossy(b).replace('\u{fffd}', ""))),
                _ => {
                    let pos = e.valid_up_to();
                    Err(vm.err(
                        &vm.types.exc.unicode_decode_error,
                        format!(
                            "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                            b[pos], pos
                        ),
                    ))
                }
            },
        },
        "ascii" => {
            if let Some(pos) = b.iter().position(|c| *c >= 128) {
                if errors == "strict" {
                    return Err(vm.err(
                        &vm.types.exc.unicode_decode_error,
                        format!(
                            "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                            b[pos], pos
                        ),
                    ));
                }
            }
            Ok(Value::string(
                b.iter()
                    .filter_map(|c| {
                        if *c < 128 {
                            Some(*c as char)
                        } else if errors == "replace" {
                            Some('\u{fffd}')
                        } else {
                            None
                        }
                    })
                    .collect(),
            ))
        }
        "latin-1" | "latin1" | "iso-8859-1" => Ok(Value::string(b.iter().map(|c| *c as char).collect())),
        _ => Err(vm.err(&vm.types.exc.lookup_error, format!("unknown encoding: {}", enc))),
    }
}

fn make_bytes(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    match args.get(1, "source") {
        None => Ok(vec![]),
        Some(Value::Str(s)) => match args.get(2, "encoding") {
            Some(_) => {
                let r = crate::vm::call::call(
                    vm,
                    &vm.getattr(&Value::Str(s), "encode")?,
                    Args {
                        args: args.args[2..].to_vec(),
                        kwargs: vec![],
                    },
                )?;
                bytes_of(vm, &r)
            }
            None => Err(vm.type_error("string argument without an encoding")),
        },
        Some(Value::Int(n)) => {
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            Ok(vec![0; n as usize])
        }
        Some(v @ (Value::Bytes(_) | Value::ByteArray(_))) => bytes_of(vm, &v),
        Some(v) => {
            let mut out = Vec::new();
            for x in vm.to_vec(&v)? {
                let n = vm.index_value(&x)?;
                if !(0..256).contains(&n) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            Ok(out)
        }
    }
}

fn bytes_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let b = make_bytes(vm, &args)?;
    crate::objects::str::wrap(cls, Value::Bytes(Rc::new(b)))
}

fn bytearray_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = &args.args[0] else { unreachable!() };
    let b = make_bytes(vm, &args)?;
    crate::objects::str::wrap(cls, Value::ByteArray(Rc::new(RefCell::new(b))))
}

fn same_kind(orig: &Value, b: Vec<u8>) -> Value {
    match crate::vm::ops::unwrap_base(orig) {
        Value::ByteArray(_) => Value::ByteArray(Rc::new(RefCell::new(b))),
        _ => Value::Bytes(Rc::new(b)),
    }
}

fn b_decode(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    let enc = match args.get(1, "encoding") {
        Some(v) => vm.str(&v)?.to_lowercase().replace('_', "-"),
        None => "utf-8".into(),
    };
    let errors = args
        .get(2, "errors")
        .and_then(|v| v.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "strict".into());
    decode_with(vm, &b, &enc, &errors)
}

fn b_hex(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    Ok(Value::string(b.iter().map(|x| format!("{:02x}", x)).collect()))
}

fn b_fromhex(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = vm.str(args.args.last().unwrap_or(&Value::None))?;
    let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if !clean.len().is_multiple_of(2) {
        return Err(vm.value_error("non-hexadecimal number found in fromhex() arg"));
    }
    let mut out = Vec::new();
    for i in (0..clean.len()).step_by(2) {
        out.push(u8::from_str_radix(&clean[i..i + 2], 16).map_err(|_| vm.value_error("non-hexadecimal number found in fromhex() arg"))?);
    }
    Ok(Value::Bytes(Rc::new(out)))
}

/// A method's one required argument after self, checked before the
/// method reads it, with CPython's messages: `exactly` for methods that
/// take only it (`bytes.join() takes exactly one argument (0 given)`),
/// otherwise for those with optional ones after it (`find() takes at
/// least 1 argument (0 given)`). Self is always there (`cfunction_call`).
fn operand_check(vm: &Vm, args: &Args, name: &str, exactly: bool) -> PyResult<()> {
    let given = args.args.len().saturating_sub(1);
    if exactly && given != 1 {
        let owner = vm.type_name(&args.args[0]);
        return Err(vm.type_error(format!("{}.{}() takes exactly one argument ({} given)", owner, name, given)));
    }
    if given < 1 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument ({} given)", name, given)));
    }
    Ok(())
}

fn b_join(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "join", true)?;
    let sep = bytes_of(vm, &args.args[0])?;
    let mut out = Vec::new();
    for (i, it) in vm.to_vec(&args.args[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(bytes_of(vm, it)?);
    }
    Ok(same_kind(&args.args[0], out))
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn b_find(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "find", false)?;
    let b = bytes_of(vm, &args.args[0])?;
    let n = match &args.args[1] {
        Value::Int(i) => vec![*i as u8],
        v => bytes_of(vm, v)?,
    };
    Ok(Value::Int(find_sub(&b, &n).map(|i| i as i64).unwrap_or(-1)))
}

fn b_count(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "count", false)?;
    let b = bytes_of(vm, &args.args[0])?;
    if let Value::Int(i) = args.args[1] {
        // A single byte, given as an int.
        let Ok(byte) = u8::try_from(i) else {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        };
        return Ok(Value::Int(b.iter().filter(|&&c| c == byte).count() as i64));
    }
    let n = bytes_of(vm, &args.args[1])?;
    if n.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let mut count = 0;
    let mut i = 0;
    while i + n.len() <= b.len() {
        if b[i..i + n.len()] == n[..] {
            count += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(count))
}

fn b_replace(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() < 3 {
        return Err(vm.type_error(format!(
            "replace expected at least 2 arguments, got {}",
            args.args.len().saturating_sub(1)
        )));
    }
    let b = bytes_of(vm, &args.args[0])?;
    let old = bytes_of(vm, &args.args[1])?;
    let new = bytes_of(vm, &args.args[2])?;
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !old.is_empty() && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(same_kind(&args.args[0], out))
}

fn b_split(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    let parts: Vec<Vec<u8>> = match args.get(1, "sep") {
        None | Some(Value::None) => b
            .split(|c| c.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.to_vec())
            .collect(),
        Some(s) => {
            let sep = bytes_of(vm, &s)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut out = Vec::new();
            let mut start = 0;
            let mut i = 0;
            while i + sep.len() <= b.len() {
                if b[i..i + sep.len()] == sep[..] {
                    out.push(b[start..i].to_vec());
                    i += sep.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push(b[start..].to_vec());
            out
        }
    };
    Ok(Value::list(parts.into_iter().map(|p| same_kind(&args.args[0], p)).collect()))
}

fn b_strip(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    let chars: Vec<u8> = match args.get(1, "chars") {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(v) => bytes_of(vm, &v)?,
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !chars.contains(c)).map(|i| i + 1).unwrap_or(start);
    Ok(same_kind(&args.args[0], b[start..end.max(start)].to_vec()))
}

fn b_startswith(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "startswith", false)?;
    let b = bytes_of(vm, &args.args[0])?;
    let p = bytes_of(vm, &args.args[1])?;
    Ok(Value::Bool(b.starts_with(&p)))
}

fn b_endswith(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "endswith", false)?;
    let b = bytes_of(vm, &args.args[0])?;
    let p = bytes_of(vm, &args.args[1])?;
    Ok(Value::Bool(b.ends_with(&p)))
}

fn b_upper(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    Ok(same_kind(&args.args[0], b.to_ascii_uppercase()))
}

fn b_lower(vm: &Vm, args: Args) -> PyResult<Value> {
    let b = bytes_of(vm, &args.args[0])?;
    Ok(same_kind(&args.args[0], b.to_ascii_lowercase()))
}

fn ba_append(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "append", true)?;
    let Value::ByteArray(b) = crate::vm::ops::unwrap_base(&args.args[0]) else {
        return Err(vm.type_error("descriptor 'append' requires a 'bytearray' object"));
    };
    let n = vm.index_value(&args.args[1])?;
    if !(0..256).contains(&n) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    b.borrow_mut().push(n as u8);
    Ok(Value::None)
}

fn ba_extend(vm: &Vm, args: Args) -> PyResult<Value> {
    operand_check(vm, &args, "extend", true)?;
    let Value::ByteArray(b) = crate::vm::ops::unwrap_base(&args.args[0]) else {
        return Err(vm.type_error("descriptor 'extend' requires a 'bytearray' object"));
    };
    let more = match &args.args[1] {
        v @ (Value::Bytes(_) | Value::ByteArray(_)) => bytes_of(vm, v)?,
        v => vm
            .to_vec(v)?
            .iter()
            .map(|x| vm.index_value(x).map(|n| n as u8))
            .collect::<PyResult<Vec<u8>>>()?,
    };
    b.borrow_mut().extend(more);
    Ok(Value::None)
}

pub fn register(t: &crate::vm::Types) {
    add_method(&t.bytes, "bytes", "__new__", bytes_new);
    add_method(&t.bytearray, "bytearray", "__new__", bytearray_new);
    let common: [(&'static str, BuiltinFn); 12] = [
        ("decode", b_decode),
        ("hex", b_hex),
        ("join", b_join),
        ("find", b_find),
        ("count", b_count),
        ("replace", b_replace),
        ("split", b_split),
        ("strip", b_strip),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("upper", b_upper),
        ("lower", b_lower),
    ];
    for (n, f) in common {
        add_method(&t.bytes, "bytes", n, f);
        add_method(&t.bytearray, "bytearray", n, f);
    }
    crate::objects::add_static(&t.bytes, "bytes", "fromhex", b_fromhex);
    add_method(&t.bytearray, "bytearray", "append", ba_append);
    add_method(&t.bytearray, "bytearray", "extend", ba_extend);
}
