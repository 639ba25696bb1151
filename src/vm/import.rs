//! The import system: built-in modules, bundled pure-Python modules, and `.py`
//! files and packages found on `sys.path`, each run once and cached in
//! `sys.modules`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::compile::{self, Mode, Options};
use crate::objects::{Dict, Module};
use crate::value::Value;
use crate::vm::eval;
use crate::vm::frame::Frame;
use crate::vm::{exc, PyResult, Vm};

pub fn new_module(vm: &Vm, name: &str) -> Rc<Module> {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    d.set_str("__doc__", Value::None);
    d.set_str("__package__", Value::None);
    d.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    let m = Rc::new(Module {
        name: name.to_string(),
        dict: Rc::new(RefCell::new(d)),
    });
    crate::gc::track(&Value::Dict(m.dict.clone()));
    crate::gc::track(&Value::Module(m.clone()));
    m
}

fn resolve_name(vm: &Vm, name: &str, level: usize, globals: &Rc<RefCell<Dict>>) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let g = globals.borrow();
    let package = match g.get_str("__package__") {
        Some(Value::Str(s)) if !s.as_str().is_empty() => s.as_str().to_string(),
        _ => {
            let modname = g
                .get_str("__name__")
                .and_then(|v| v.as_str().map(|s| s.to_string()))
                .unwrap_or_default();
            if g.contains_str("__path__") {
                modname
            } else {
                match modname.rfind('.') {
                    Some(i) => modname[..i].to_string(),
                    None => String::new(),
                }
            }
        }
    };
    if package.is_empty() {
        return Err(vm.err(&vm.types.exc.import_error, "attempted relative import with no known parent package"));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    if level - 1 > parts.len() {
        return Err(vm.err(&vm.types.exc.import_error, "attempted relative import beyond top-level package"));
    }
    parts.truncate(parts.len() + 1 - level);
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else if base.is_empty() {
        name.to_string()
    } else {
        format!("{}.{}", base, name)
    })
}

pub fn import_name(vm: &Vm, name: &str, fromlist: &Value, level: usize, globals: &Rc<RefCell<Dict>>) -> PyResult<Value> {
    let full = resolve_name(vm, name, level, globals)?;
    let module = import_module(vm, &full)?;
    let has_fromlist = !fromlist.is_none() && vm.truthy(fromlist)?;
    if has_fromlist {
        // `from pkg import sub` may name submodules.
        if let Value::Module(m) = &module {
            if m.dict.borrow().contains_str("__path__") {
                for item in vm.to_vec(fromlist)? {
                    let item = vm.str(&item)?;
                    if item != "*" && !m.dict.borrow().contains_str(&item) {
                        let sub = format!("{}.{}", full, item);
                        match import_module(vm, &sub) {
                            Ok(_) => {}
                            Err(e) if vm.is_exc(&e, &vm.types.exc.module_not_found_error) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
        return Ok(module);
    }
    if level == 0 {
        let top = full.split('.').next().unwrap();
        return import_module(vm, top);
    }
    Ok(module)
}

fn cached(vm: &Vm, name: &str) -> Option<Value> {
    vm.modules.borrow().get_str(name)
}

pub fn import_module(vm: &Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = cached(vm, name) {
        return Ok(m);
    }
    crate::probes::import_start(name);
    let r = load_module(vm, name);
    crate::probes::import_done(name, r.is_ok());
    r
}

fn load_module(vm: &Vm, name: &str) -> PyResult<Value> {
    let (parent, last) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let search: Vec<PathBuf> = match parent {
        Some(p) => {
            let pm = import_module(vm, p)?;
            if let Some(m) = cached(vm, name) {
                return Ok(m);
            }
            if let Some(src) = crate::modules::bundled_source(name) {
                return exec_source_module(vm, name, src, &format!("<frozen {}>", name), None);
            }
            let path = match &pm {
                Value::Module(m) => m.dict.borrow().get_str("__path__"),
                _ => None,
            };
            match path {
                Some(p) => vm.to_vec(&p)?.iter().filter_map(|v| v.as_str().map(PathBuf::from)).collect(),
                None => {
                    return Err(vm.err(
                        &vm.types.exc.module_not_found_error,
                        format!("No module named '{}'; '{}' is not a package", name, parent.unwrap()),
                    ))
                }
            }
        }
        None => {
            if let Some(m) = crate::modules::builtin_module(vm, name)? {
                vm.modules.borrow_mut().set_str(name, m.clone());
                return Ok(m);
            }
            let mut dirs = Vec::new();
            for p in vm.to_vec(&vm.sys_path_value())? {
                if let Some(s) = p.as_str() {
                    dirs.push(PathBuf::from(if s.is_empty() { "." } else { s }));
                }
            }
            dirs
        }
    };
    for dir in &search {
        let pkg_init = dir.join(last).join("__init__.py");
        if pkg_init.is_file() {
            return exec_file_module(vm, name, &pkg_init, Some(dir.join(last)));
        }
        let file = dir.join(format!("{}.py", last));
        if file.is_file() {
            return exec_file_module(vm, name, &file, None);
        }
    }
    if parent.is_none() {
        if let Some(src) = crate::modules::bundled_source(name) {
            return exec_source_module(vm, name, src, &format!("<frozen {}>", name), None);
        }
    }
    let e = vm.err(&vm.types.exc.module_not_found_error, format!("No module named '{}'", name));
    if let Value::Instance(i) = &e.0 {
        i.dict.borrow_mut().set_str("name", Value::str(name));
    }
    Err(e)
}

fn exec_file_module(vm: &Vm, name: &str, path: &Path, pkg_dir: Option<PathBuf>) -> PyResult<Value> {
    let src = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Err(vm.err(&vm.types.exc.import_error, format!("{}: {}", path.display(), e))),
    };
    let src = match String::from_utf8(src) {
        Ok(s) => s,
        Err(_) => return Err(vm.err(&vm.types.exc.syntax_error, format!("Non-UTF-8 code in file {}", path.display()))),
    };
    let display = path.to_string_lossy().to_string();
    exec_source_module(vm, name, &src, &display, pkg_dir)
}

fn exec_source_module(vm: &Vm, name: &str, src: &str, filename: &str, pkg_dir: Option<PathBuf>) -> PyResult<Value> {
    let module = new_module(vm, name);
    {
        let mut d = module.dict.borrow_mut();
        d.set_str("__file__", Value::str(filename));
        match &pkg_dir {
            Some(dir) => {
                d.set_str("__path__", Value::list(vec![Value::str(&dir.to_string_lossy())]));
                d.set_str("__package__", Value::str(name));
            }
            None => {
                let pkg = name.rfind('.').map(|i| &name[..i]).unwrap_or("");
                d.set_str("__package__", Value::str(pkg));
            }
        }
    }
    let mv = Value::Module(module.clone());
    vm.modules.borrow_mut().set_str(name, mv.clone());
    let r = run_module_code(vm, src, filename, &module.dict);
    if let Err(e) = r {
        vm.modules.borrow_mut().remove_str(name);
        return Err(e);
    }
    // Bind the submodule in its parent package.
    if let Some(i) = name.rfind('.') {
        if let Some(Value::Module(parent)) = cached(vm, &name[..i]) {
            parent.dict.borrow_mut().set_str(&name[i + 1..], mv.clone());
        }
    }
    Ok(cached(vm, name).unwrap_or(mv))
}

pub fn compile_source(vm: &Vm, src: &str, filename: &str, mode: Mode, keep_source: bool) -> PyResult<Rc<crate::vm::code::Code>> {
    crate::probes::compile_start(filename);
    let r = compile::compile(
        src,
        filename,
        mode,
        &Options {
            optimize: vm.optimize,
            keep_source,
        },
    );
    crate::probes::compile_done(filename, r.is_ok());
    for w in compile::take_warnings() {
        vm.write_stderr(&w);
    }
    r.map_err(|e| exc::syntax_error(vm, &e, filename, src))
}

pub fn run_module_code(vm: &Vm, src: &str, filename: &str, globals: &Rc<RefCell<Dict>>) -> PyResult<Value> {
    let code = compile_source(vm, src, filename, Mode::Exec, !filename.starts_with('<'))?;
    let mut frame = Frame::new(code, globals.clone(), None);
    eval::run_frame(vm, &mut frame)
}

#[inline(never)]
pub fn import_from(vm: &Vm, m: &Value, name: &str) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(m, name)? {
        return Ok(v);
    }
    if let Value::Module(md) = m {
        let full = format!("{}.{}", md.name, name);
        if let Some(v) = cached(vm, &full) {
            return Ok(v);
        }
        let file = md.dict.borrow().get_str("__file__");
        let loc = match file {
            Some(Value::Str(s)) if !s.as_str().starts_with('<') => s.as_str().to_string(),
            _ => "unknown location".to_string(),
        };
        return Err(vm.err(
            &vm.types.exc.import_error,
            format!("cannot import name '{}' from '{}' ({})", name, md.name, loc),
        ));
    }
    Err(vm.err(&vm.types.exc.import_error, format!("cannot import name '{}'", name)))
}

#[inline(never)]
pub fn import_star(vm: &Vm, m: &Value, ns: &Rc<RefCell<Dict>>) -> PyResult<()> {
    let Value::Module(md) = m else { return Ok(()) };
    let all = md.dict.borrow().get_str("__all__");
    let names: Vec<String> = match all {
        Some(a) => vm.to_vec(&a)?.iter().map(|v| vm.str(v)).collect::<PyResult<_>>()?,
        None => md
            .dict
            .borrow()
            .keys()
            .iter()
            .filter_map(|k| k.as_str().map(|s| s.to_string()))
            .filter(|k| !k.starts_with('_'))
            .collect(),
    };
    for n in names {
        let v = vm.getattr(m, &n)?;
        ns.borrow_mut().set_str(&n, v);
    }
    Ok(())
}

impl Vm {
    pub fn sys_path_value(&self) -> Value {
        match self.modules.borrow().get_str("sys") {
            Some(Value::Module(m)) => m.dict.borrow().get_str("path").unwrap_or_else(|| self.sys_path.clone()),
            _ => self.sys_path.clone(),
        }
    }
}
