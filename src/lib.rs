//! sonde: a Python interpreter with DTrace-style probes built in.
//!
//! The library surface is [`Interpreter`]: run source or files and get the
//! result or a [`PyError`] carrying the Python exception's type, message and
//! CPython-format traceback. The `sonde` command is a thin user of it.

#![allow(clippy::new_without_default)]
#![warn(clippy::undocumented_unsafe_blocks)]

pub mod builtins;
pub mod compile;
pub mod format;
pub mod gc;
pub mod modules;
pub mod objects;
pub mod probes;
pub mod value;
pub mod vm;

use std::cell::RefCell;
use std::rc::Rc;

pub use value::Value;
use vm::{exc, import, Sink, Vm};

/// A Python exception that escaped to the host.
#[derive(Debug, Clone)]
pub struct PyError {
    /// The exception class name, e.g. "ValueError".
    pub type_name: String,
    /// str() of the exception.
    pub message: String,
    /// The full traceback text as CPython prints it (ends with a newline).
    pub traceback: String,
    /// For SystemExit: the exit status it asks for.
    pub exit_code: Option<i32>,
}

impl std::fmt::Display for PyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.traceback.trim_end())
    }
}

impl std::error::Error for PyError {}

/// Make sonde's probes visible to tracers, as early as the embedding program
/// likes. On illumos, FreeBSD and macOS this registers the `python`
/// provider's DOF with the kernel's DTrace helper device; it already runs
/// when the binary is loaded and again for the first [`Interpreter`], and
/// does nothing after the first time. On Linux the SDT notes need no
/// registration. An `Err` says why `dtrace` will not list the probes (no
/// DTrace in the kernel, no permission on the device); the interpreter runs
/// the same either way. `SONDE_DEBUG=1` prints the outcome on stderr.
pub fn register_probes() -> Result<(), String> {
    sonde_arch::register()
}

pub struct Options {
    /// `-O`: drop asserts, `__debug__` is False.
    pub optimize: bool,
}

/// An embedded interpreter. Not `Send`: one per thread.
pub struct Interpreter {
    vm: Rc<Vm>,
    main: Rc<RefCell<objects::Dict>>,
}

impl Interpreter {
    pub fn new() -> Interpreter {
        Interpreter::with_options(Options { optimize: false })
    }

    pub fn with_options(opts: Options) -> Interpreter {
        // Failure is silent here by design (see register_probes).
        let _ = register_probes();
        vm::call::set_stack_budget_from_thread();
        let vm = Vm::new(opts.optimize);
        let main = import::new_module(&vm, "__main__");
        vm.modules.borrow_mut().set_str("__main__", Value::Module(main.clone()));
        // (Held by `Interpreter::main` for as long as the VM runs code.)
        vm.lasting_globals.set(Rc::as_ptr(&main.dict) as usize);
        Interpreter {
            vm,
            main: main.dict.clone(),
        }
    }

    /// Send print() output to a buffer instead of the process's stdout.
    pub fn capture_output(&self) -> Rc<RefCell<Vec<u8>>> {
        let buf = Rc::new(RefCell::new(Vec::new()));
        *self.vm.stdout.borrow_mut() = Sink::Buffer(buf.clone());
        buf
    }

    pub fn set_argv(&self, argv: &[String]) {
        modules::sys::set_argv(&self.vm, argv);
    }

    /// Put a directory first on sys.path (the script's directory, or '' for -c).
    pub fn set_path0(&self, dir: &str) {
        let path = self.vm.sys_path_value();
        if let Value::List(l) = path {
            l.borrow_mut().insert(0, Value::str(dir));
        }
    }

    fn convert(&self, e: vm::PyErr) -> PyError {
        let vm = &self.vm;
        let type_name = vm.type_name(&e.0);
        let message = vm.str(&e.0).unwrap_or_default();
        let exit_code = if vm.isinstance(&e.0, &vm.types.exc.system_exit) {
            Some(system_exit_code(vm, &e.0))
        } else {
            None
        };
        PyError {
            type_name,
            message,
            traceback: exc::format_exception(vm, &e.0),
            exit_code,
        }
    }

    /// Run source as the `__main__` module; `filename` is what tracebacks show.
    pub fn run_source(&self, source: &str, filename: &str) -> Result<Value, PyError> {
        vm::set_current(Some(self.vm.clone()));
        self.main.borrow_mut().set_str("__file__", Value::str(filename));
        let keep = !filename.starts_with('<');
        let r = (|| {
            let code = import::compile_source(&self.vm, source, filename, compile::Mode::Exec, keep)?;
            let mut frame = vm::frame::Frame::new(code, self.main.clone(), None);
            vm::eval::run_frame(&self.vm, &mut frame)
        })();
        self.vm.flush_stdout();
        r.map_err(|e| self.convert(e))
    }

    pub fn run_file(&self, path: &str) -> Result<Value, PyError> {
        self.run_file_as(path, path)
    }

    /// Run the file at `path`, naming it `shown` in tracebacks and `__file__`.
    pub fn run_file_as(&self, path: &str, shown: &str) -> Result<Value, PyError> {
        let bytes = std::fs::read(path).map_err(|e| PyError {
            type_name: "OSError".into(),
            message: e.to_string(),
            traceback: format!("can't open file '{}': [Errno {}] {}\n", path, e.raw_os_error().unwrap_or(2), e),
            exit_code: Some(2),
        })?;
        let source = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
                let bad = e.as_bytes()[e.utf8_error().valid_up_to()];
                let msg = format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bad, shown, line
                );
                return Err(PyError {
                    type_name: "SyntaxError".into(),
                    message: msg.clone(),
                    traceback: format!("SyntaxError: {}\n", msg),
                    exit_code: None,
                });
            }
        };
        self.run_source(&source, shown)
    }

    /// Evaluate one expression in `__main__`'s namespace.
    pub fn eval(&self, expr: &str) -> Result<Value, PyError> {
        vm::set_current(Some(self.vm.clone()));
        let r = (|| {
            let code = import::compile_source(&self.vm, expr, "<string>", compile::Mode::Eval, false)?;
            let mut frame = vm::frame::Frame::new(code, self.main.clone(), None);
            vm::eval::run_frame(&self.vm, &mut frame)
        })();
        self.vm.flush_stdout();
        r.map_err(|e| self.convert(e))
    }

    /// One interactive statement: expression values are printed.
    pub fn run_interactive(&self, source: &str) -> Result<(), PyError> {
        vm::set_current(Some(self.vm.clone()));
        let r = (|| {
            let code = import::compile_source(&self.vm, source, "<stdin>", compile::Mode::Single, false)?;
            let mut frame = vm::frame::Frame::new(code, self.main.clone(), None);
            vm::eval::run_frame(&self.vm, &mut frame)
        })();
        self.vm.flush_stdout();
        r.map(|_| ()).map_err(|e| self.convert(e))
    }

    /// Import a module by name (as `-m` does, but without running it as __main__).
    pub fn run_module(&self, name: &str) -> Result<Value, PyError> {
        vm::set_current(Some(self.vm.clone()));
        let r = (|| {
            let spec = self.find_module_file(name)?;
            let src = std::fs::read_to_string(&spec).map_err(|e| self.vm.err(&self.vm.types.exc.import_error, e.to_string()))?;
            self.main.borrow_mut().set_str("__file__", Value::str(&spec));
            let code = import::compile_source(&self.vm, &src, &spec, compile::Mode::Exec, true)?;
            let mut frame = vm::frame::Frame::new(code, self.main.clone(), None);
            vm::eval::run_frame(&self.vm, &mut frame)
        })();
        self.vm.flush_stdout();
        r.map_err(|e| self.convert(e))
    }

    fn find_module_file(&self, name: &str) -> vm::PyResult<String> {
        let rel = name.replace('.', "/");
        let path = self.vm.to_vec(&self.vm.sys_path_value())?;
        for p in path {
            let dir = p.as_str().unwrap_or("").to_string();
            let dir = if dir.is_empty() { ".".to_string() } else { dir };
            for cand in [format!("{}/{}.py", dir, rel), format!("{}/{}/__main__.py", dir, rel)] {
                if std::path::Path::new(&cand).is_file() {
                    return Ok(cand.trim_start_matches("./").to_string());
                }
            }
        }
        Err(self
            .vm
            .err(&self.vm.types.exc.module_not_found_error, format!("No module named {}", name)))
    }

    /// The value of a global in `__main__`.
    pub fn get_global(&self, name: &str) -> Option<Value> {
        self.main.borrow().get_str(name)
    }

    /// Call a Python callable with positional arguments.
    pub fn call(&self, f: &Value, args: Vec<Value>) -> Result<Value, PyError> {
        vm::set_current(Some(self.vm.clone()));
        let r = self.vm.call(f, args);
        self.vm.flush_stdout();
        r.map_err(|e| self.convert(e))
    }

    pub fn repr(&self, v: &Value) -> String {
        self.vm.repr(v).unwrap_or_else(|_| "<repr failed>".into())
    }

    pub fn write_stderr(&self, s: &str) {
        self.vm.write_stderr(s);
    }

    pub fn flush(&self) {
        self.vm.flush_stdout();
    }
}

impl Interpreter {
    /// Clear `__main__` as CPython does at exit, so `__del__` methods of
    /// objects still alive run: instances first, in definition order, then
    /// containers, functions and classes.
    pub fn finalize(&self) {
        vm::set_current(Some(self.vm.clone()));
        // As CPython's finalization: garbage first (if the collector is
        // enabled), then the module's names, then whatever cycles that
        // clearing left unreachable.
        if gc::enabled() {
            gc::collect(&self.vm, gc::GENERATIONS - 1);
        }
        // Names and kinds only: holding the values here would keep them alive.
        let names: Vec<(String, bool)> = self
            .main
            .borrow()
            .iter()
            .filter_map(|(k, v)| k.value.as_str().map(|s| (s.to_string(), matches!(v, Value::Instance(_)))))
            .collect();
        for pass in 0..2 {
            for (name, is_instance) in &names {
                if name == "__builtins__" || (pass == 0) != *is_instance {
                    continue;
                }
                let old = {
                    let mut d = self.main.borrow_mut();
                    let old = d.get_str(name);
                    if old.is_some() {
                        d.set_str(name, Value::None);
                    }
                    old
                };
                drop(old);
            }
        }
        gc::collect(&self.vm, gc::GENERATIONS - 1);
        self.vm.flush_stdout();
    }
}

impl Drop for Interpreter {
    /// Free what the interpreter made. `sys.modules` and the modules'
    /// namespaces are cycles (sys.modules holds sys, whose dict holds
    /// sys.modules; a module's functions hold its dict): empty the
    /// namespaces as CPython's `finalize_modules` does (all but builtins,
    /// which finalizers may still need), then collect what that left.
    fn drop(&mut self) {
        vm::set_current(Some(self.vm.clone()));
        let modules: Vec<Value> = std::mem::take(&mut *self.vm.modules.borrow_mut()).values();
        let mut namespaces = Vec::new();
        for m in &modules {
            if let Value::Module(m) = m {
                if !Rc::ptr_eq(&m.dict, &self.vm.builtins) {
                    if let Ok(mut d) = m.dict.try_borrow_mut() {
                        namespaces.push(std::mem::take(&mut *d));
                    }
                }
            }
        }
        drop(namespaces);
        drop(modules);
        gc::collect(&self.vm, gc::GENERATIONS - 1);
        self.vm.flush_stdout();
        vm::set_current(None);
    }
}

fn system_exit_code(vm: &Vm, e: &Value) -> i32 {
    let args = exc::args_of(e);
    match args.first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(i)) => *i as i32,
        Some(Value::Bool(b)) => *b as i32,
        Some(other) => {
            let s = vm.str(other).unwrap_or_default();
            vm.write_stderr(&format!("{}\n", s));
            1
        }
    }
}
