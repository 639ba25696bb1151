//! `_os`: the operating-system primitives under the bundled `os` module.

use std::rc::Rc;

use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn path_arg(vm: &Vm, args: &Args, i: usize) -> PyResult<String> {
    match args.args.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(v) => Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v)))),
        None => Err(vm.type_error("missing path argument")),
    }
}

fn os_err(vm: &Vm, e: std::io::Error, path: &str) -> PyErr {
    let (cls, errno, msg) = match e.kind() {
        std::io::ErrorKind::NotFound => (&vm.types.exc.file_not_found_error, 2, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (&vm.types.exc.permission_error, 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (&vm.types.exc.file_exists_error, 17, "File exists"),
        _ => (&vm.types.exc.os_error, e.raw_os_error().unwrap_or(5) as i64, "Input/output error"),
    };
    PyErr(vm.new_exc(cls, vec![Value::Int(errno), Value::str(msg), Value::str(path)]))
}

fn getcwd(vm: &Vm, _args: Args) -> PyResult<Value> {
    std::env::current_dir()
        .map(|p| Value::str(&p.to_string_lossy()))
        .map_err(|e| os_err(vm, e, "."))
}

fn listdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = if args.args.is_empty() {
        ".".to_string()
    } else {
        path_arg(vm, &args, 0)?
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_err(vm, e, &p))?;
    let mut names: Vec<Value> = Vec::new();
    for e in rd.flatten() {
        names.push(Value::str(&e.file_name().to_string_lossy()));
    }
    Ok(Value::list(names))
}

fn remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    std::fs::remove_file(&p).map_err(|e| os_err(vm, e, &p))?;
    Ok(Value::None)
}

fn mkdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    std::fs::create_dir(&p).map_err(|e| os_err(vm, e, &p))?;
    Ok(Value::None)
}

fn makedirs(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    let exist_ok = match args.get(2, "exist_ok") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if std::path::Path::new(&p).is_dir() && !exist_ok {
        return Err(os_err(vm, std::io::Error::from(std::io::ErrorKind::AlreadyExists), &p));
    }
    std::fs::create_dir_all(&p).map_err(|e| os_err(vm, e, &p))?;
    Ok(Value::None)
}

fn rmdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    std::fs::remove_dir(&p).map_err(|e| os_err(vm, e, &p))?;
    Ok(Value::None)
}

fn rename(vm: &Vm, args: Args) -> PyResult<Value> {
    let a = path_arg(vm, &args, 0)?;
    let b = path_arg(vm, &args, 1)?;
    std::fs::rename(&a, &b).map_err(|e| os_err(vm, e, &a))?;
    Ok(Value::None)
}

/// stat(path) -> (mode_kind, size, mtime): 1 file, 2 dir, 0 other.
fn stat(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    let m = std::fs::metadata(&p).map_err(|e| os_err(vm, e, &p))?;
    let kind = if m.is_file() {
        1
    } else if m.is_dir() {
        2
    } else {
        0
    };
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::tuple(vec![
        Value::Int(kind),
        Value::Int(m.len() as i64),
        Value::Float(mtime),
    ]))
}

fn getpid(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn cpu_count(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(std::thread::available_parallelism()
        .map(|n| Value::Int(n.get() as i64))
        .unwrap_or(Value::None))
}

fn chdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0)?;
    std::env::set_current_dir(&p).map_err(|e| os_err(vm, e, &p))?;
    Ok(Value::None)
}

fn putenv(vm: &Vm, args: Args) -> PyResult<Value> {
    let k = path_arg(vm, &args, 0)?;
    let v = path_arg(vm, &args, 1)?;
    std::env::set_var(k, v);
    Ok(Value::None)
}

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(
        vm,
        "_os",
        &[
            ("getcwd", getcwd),
            ("listdir", listdir),
            ("remove", remove),
            ("mkdir", mkdir),
            ("makedirs", makedirs),
            ("rmdir", rmdir),
            ("rename", rename),
            ("stat", stat),
            ("getpid", getpid),
            ("cpu_count", cpu_count),
            ("chdir", chdir),
            ("putenv", putenv),
        ],
    );
    let mut env = crate::objects::Dict::new();
    for (k, v) in std::env::vars() {
        env.set_str(&k, Value::str(&v));
    }
    m.dict.borrow_mut().set_str("environ", Value::dict(env));
    m
}
