//! Files: `open()` in text and binary mode, and the standard streams.

use std::cell::RefCell;
use std::io::{BufRead, Read, Write};
use std::rc::Rc;

use crate::objects::{add_method, Args, BuiltinFn};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub enum Kind {
    Stdout,
    Stderr,
    Stdin,
    Read { data: Vec<u8>, pos: usize },
    Write { w: Option<std::io::BufWriter<std::fs::File>> },
}

pub struct File {
    pub name: String,
    pub mode: String,
    pub closed: bool,
    pub binary: bool,
    pub kind: Kind,
}

impl File {
    pub fn new(name: &str, mode: &str, kind: Kind) -> File {
        File {
            name: name.to_string(),
            mode: mode.to_string(),
            closed: false,
            binary: mode.contains('b'),
            kind,
        }
    }
}

fn os_error(vm: &Vm, e: &std::io::Error, path: &str) -> crate::vm::PyErr {
    let (cls, errno, msg) = match e.kind() {
        std::io::ErrorKind::NotFound => (&vm.types.exc.file_not_found_error, 2, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (&vm.types.exc.permission_error, 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (&vm.types.exc.file_exists_error, 17, "File exists"),
        _ if e.raw_os_error() == Some(21) => (&vm.types.exc.is_a_directory_error, 21, "Is a directory"),
        _ => (&vm.types.exc.os_error, e.raw_os_error().unwrap_or(5) as i64, "Input/output error"),
    };
    let exc = vm.new_exc(cls, vec![Value::Int(errno), Value::str(msg), Value::str(path)]);
    crate::vm::PyErr(exc)
}

pub fn open(vm: &Vm, args: Args) -> PyResult<Value> {
    let file = args
        .get(0, "file")
        .ok_or_else(|| vm.type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = match &file {
        Value::Str(s) => s.as_str().to_string(),
        v => return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v)))),
    };
    let mode = match args.get(1, "mode") {
        Some(v) => vm.str(&v)?,
        None => "r".into(),
    };
    if !mode.chars().all(|c| "rwaxbt+".contains(c)) || mode.chars().filter(|c| "rwax".contains(*c)).count() != 1 {
        return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
    }
    let kind = if mode.contains('r') && !mode.contains('+') {
        match std::fs::read(&path) {
            Ok(data) => Kind::Read { data, pos: 0 },
            Err(e) => return Err(os_error(vm, &e, &path)),
        }
    } else {
        let mut o = std::fs::OpenOptions::new();
        if mode.contains('a') {
            o.append(true).create(true);
        } else if mode.contains('x') {
            o.write(true).create_new(true);
        } else {
            o.write(true).create(true).truncate(true);
        }
        match o.open(&path) {
            Ok(f) => Kind::Write {
                w: Some(std::io::BufWriter::new(f)),
            },
            Err(e) => return Err(os_error(vm, &e, &path)),
        }
    };
    Ok(Value::File(Rc::new(RefCell::new(File::new(&path, &mode, kind)))))
}

fn closed_err(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// Write text to a file-like value (our files, or anything with .write).
pub fn write_to(vm: &Vm, f: &Value, s: &str) -> PyResult<()> {
    match f {
        Value::File(file) => {
            let mut file = file.borrow_mut();
            if file.closed {
                return Err(closed_err(vm));
            }
            match &mut file.kind {
                Kind::Stdout => vm.write_stdout(s),
                Kind::Stderr => vm.write_stderr(s),
                Kind::Write { w: Some(w) } => {
                    let _ = w.write_all(s.as_bytes());
                }
                _ => return Err(vm.err(&vm.types.exc.os_error, "not writable")),
            }
            Ok(())
        }
        Value::None => {
            vm.write_stdout(s);
            Ok(())
        }
        other => {
            vm.call_method(other, "write", vec![Value::str(s)])?;
            Ok(())
        }
    }
}

pub fn flush(vm: &Vm, f: &Value) -> PyResult<()> {
    match f {
        Value::File(file) => {
            match &mut file.borrow_mut().kind {
                Kind::Stdout => vm.flush_stdout(),
                Kind::Write { w: Some(w) } => {
                    let _ = w.flush();
                }
                _ => {}
            }
            Ok(())
        }
        other => {
            if let Some(m) = vm.getattr_opt(other, "flush")? {
                vm.call(&m, vec![])?;
            }
            Ok(())
        }
    }
}

/// One line (with its newline), or "" at EOF.
pub fn readline(vm: &Vm, f: &Value) -> PyResult<String> {
    match f {
        Value::File(file) => {
            let mut file = file.borrow_mut();
            if file.closed {
                return Err(closed_err(vm));
            }
            match &mut file.kind {
                Kind::Stdin => {
                    let mut line = String::new();
                    let _ = std::io::stdin().lock().read_line(&mut line);
                    Ok(line)
                }
                Kind::Read { data, pos } => {
                    let rest = &data[*pos..];
                    let n = rest.iter().position(|b| *b == b'\n').map(|i| i + 1).unwrap_or(rest.len());
                    let line = String::from_utf8_lossy(&rest[..n]).into_owned();
                    *pos += n;
                    Ok(line)
                }
                _ => Err(vm.err(&vm.types.exc.os_error, "not readable")),
            }
        }
        other => {
            let r = vm.call_method(other, "readline", vec![])?;
            vm.str(&r)
        }
    }
}

pub fn next_line(vm: &Vm, f: &Rc<RefCell<File>>) -> PyResult<Option<Value>> {
    let line = readline(vm, &Value::File(f.clone()))?;
    if line.is_empty() {
        Ok(None)
    } else {
        Ok(Some(Value::string(line)))
    }
}

fn self_file(vm: &Vm, v: &Value) -> PyResult<Rc<RefCell<File>>> {
    match v {
        Value::File(f) => Ok(f.clone()),
        _ => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn f_read(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_file(vm, &args.args[0])?;
    let n = match args.get(1, "size") {
        Some(Value::None) | None => -1,
        Some(v) => vm.index_value(&v)?,
    };
    let mut file = f.borrow_mut();
    if file.closed {
        return Err(closed_err(vm));
    }
    let binary = file.binary;
    let bytes = match &mut file.kind {
        Kind::Read { data, pos } => {
            let rest = &data[*pos..];
            let take = if n < 0 {
                rest.len()
            } else if binary {
                (n as usize).min(rest.len())
            } else {
                let s = String::from_utf8_lossy(rest);
                s.char_indices().nth(n as usize).map(|(b, _)| b).unwrap_or(rest.len())
            };
            let out = rest[..take].to_vec();
            *pos += take;
            out
        }
        Kind::Stdin => {
            let mut buf = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut buf);
            buf
        }
        _ => return Err(vm.err(&vm.types.exc.os_error, "not readable")),
    };
    if binary {
        Ok(Value::Bytes(Rc::new(bytes)))
    } else {
        Ok(Value::string(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

fn f_readline(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(readline(vm, &args.args[0])?))
}

fn f_readlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let l = readline(vm, &args.args[0])?;
        if l.is_empty() {
            break;
        }
        out.push(Value::string(l));
    }
    Ok(Value::list(out))
}

fn f_write(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "write", 2, 2)?;
    let f = self_file(vm, &args.args[0])?;
    let binary = f.borrow().binary;
    match (&args.args[1], binary) {
        (Value::Str(s), false) => {
            write_to(vm, &args.args[0], s.as_str())?;
            Ok(Value::Int(s.char_len() as i64))
        }
        (v @ (Value::Bytes(_) | Value::ByteArray(_)), true) => {
            let b = crate::objects::bytes::bytes_of(vm, v)?;
            let mut file = f.borrow_mut();
            if let Kind::Write { w: Some(w) } = &mut file.kind {
                let _ = w.write_all(&b);
            }
            Ok(Value::Int(b.len() as i64))
        }
        (v, false) => Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(v)))),
        (v, true) => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

fn f_writelines(vm: &Vm, args: Args) -> PyResult<Value> {
    for line in vm.to_vec(&args.args[1])? {
        f_write(vm, Args::new(vec![args.args[0].clone(), line]))?;
    }
    Ok(Value::None)
}

fn f_close(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_file(vm, &args.args[0])?;
    let mut file = f.borrow_mut();
    if let Kind::Write { w } = &mut file.kind {
        if let Some(mut w) = w.take() {
            let _ = w.flush();
        }
    }
    if !matches!(file.kind, Kind::Stdout | Kind::Stderr | Kind::Stdin) {
        file.closed = true;
    }
    Ok(Value::None)
}

fn f_flush(vm: &Vm, args: Args) -> PyResult<Value> {
    flush(vm, &args.args[0])?;
    Ok(Value::None)
}

fn f_enter(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn f_exit(vm: &Vm, args: Args) -> PyResult<Value> {
    f_close(vm, Args::new(vec![args.args[0].clone()]))?;
    Ok(Value::Bool(false))
}

fn f_iter(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn f_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_file(vm, &args.args[0])?;
    match next_line(vm, &f)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn f_isatty(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

pub fn register(t: &crate::vm::Types) {
    let methods: [(&'static str, BuiltinFn); 13] = [
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("close", f_close),
        ("flush", f_flush),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("isatty", f_isatty),
        ("readable", f_isatty),
    ];
    for (n, f) in methods {
        add_method(&t.file, "TextIOWrapper", n, f);
    }
}
