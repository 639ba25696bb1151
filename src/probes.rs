//! Where the VM fires probes. Each helper checks the probe's is-enabled flag
//! first and builds arguments only inside that branch, out of line, so idle
//! probes cost a branch (CPython's `DTRACE_FUNCTION_ENTRY` pattern).

use std::rc::Rc;

use crate::objects::{Args, Builtin, Class};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

#[cfg(feature = "probes")]
use sonde_arch as arch;

#[inline(always)]
pub fn function_entry(frame: &Frame) {
    #[cfg(feature = "probes")]
    if arch::function_entry::enabled() {
        fire_function_entry(frame);
    }
    let _ = frame;
}

#[cfg(feature = "probes")]
#[inline(never)]
#[cold]
fn fire_function_entry(frame: &Frame) {
    let c = &frame.code;
    arch::function_entry::fire(c.c_filename.as_ptr(), c.c_name.as_ptr(), c.firstlineno as i32);
}

#[inline(always)]
pub fn function_return(frame: &Frame) {
    #[cfg(feature = "probes")]
    if arch::function_return::enabled() {
        fire_function_return(frame);
    }
    let _ = frame;
}

#[cfg(feature = "probes")]
#[inline(never)]
#[cold]
fn fire_function_return(frame: &Frame) {
    let c = &frame.code;
    arch::function_return::fire(c.c_filename.as_ptr(), c.c_name.as_ptr(), c.line_of(frame.lasti) as i32);
}

/// Whether function__entry or line is enabled: one check at a frame's start
/// for both (their semaphores share a word under SDT).
#[inline(always)]
pub fn frame_watched() -> bool {
    #[cfg(feature = "probes")]
    return arch::frame_watched();
    #[cfg(not(feature = "probes"))]
    false
}

/// Whether the line probe is enabled (read at frame start and backward jumps).
#[inline(always)]
pub fn line_enabled() -> bool {
    #[cfg(feature = "probes")]
    return arch::line::enabled();
    #[cfg(not(feature = "probes"))]
    false
}

/// Called before every instruction while the frame runs in line-traced mode:
/// fires `line` with CPython's rule, when execution reaches a new line or
/// jumps backward (a loop header fires on every iteration).
#[inline(always)]
pub fn line(f: &mut Frame) {
    let ip = f.ip;
    let c = &f.code;
    // A backward jump is transparent: the line it lands on fires instead
    // (CPython's JUMP_BACKWARD never starts a line of its own).
    if let crate::vm::instr::Instr::Jump { target } = c.instrs[ip] {
        if (target as usize) < ip {
            return;
        }
    }
    let prev = std::mem::replace(&mut f.trace_prev, ip);
    let line = c.line_of(ip);
    let fires = if prev == crate::vm::frame::NO_PREV {
        line != c.trace_start_line
    } else {
        ip <= prev || line != c.line_of(prev)
    };
    if line != 0 && fires {
        fire_line(f, line);
    }
}

#[inline(never)]
#[cold]
fn fire_line(f: &Frame, line: u32) {
    #[cfg(feature = "probes")]
    if arch::line::enabled() {
        let c = &f.code;
        arch::line::fire(c.c_filename.as_ptr(), c.c_name.as_ptr(), line as i32);
    }
    let _ = (f, line);
}

/// Call a builtin.
#[inline(always)]
pub fn cfunction_call(vm: &Vm, b: &Rc<Builtin>, args: Args) -> PyResult<Value> {
    // A method's code takes its self (or a `__new__` its class) from the
    // first argument: called through the type with none, it is an error.
    if b.is_method {
        if let Some(e) = bad_method_call(vm, b, &args.args) {
            return Err(e);
        }
    }
    (b.func)(vm, args)
}

/// What a built-in method's code assumes of its arguments and cannot
/// check itself without failing hard: a first argument (self, or a
/// `__new__`'s class), the class, and a binary operator's operand.
#[inline(always)]
fn bad_method_call(vm: &Vm, b: &Builtin, args: &[Value]) -> Option<crate::vm::PyErr> {
    match args {
        [] => Some(no_self(vm, b)),
        [first, ..] if b.name == "__new__" && !matches!(first, Value::Class(_)) => Some(new_of_non_type(vm, b, first)),
        [this] if b.name == "__format__" => {
            Some(vm.type_error(format!("{}.__format__() takes exactly one argument (0 given)", vm.type_name(this))))
        }
        [_] if takes_operand(b.name) => Some(vm.type_error("expected 1 argument, got 0")),
        _ => None,
    }
}

/// The built-in methods whose one argument besides self is required.
fn takes_operand(name: &str) -> bool {
    matches!(
        name,
        "__eq__"
            | "__ne__"
            | "__lt__"
            | "__le__"
            | "__gt__"
            | "__ge__"
            | "__contains__"
            | "__getitem__"
            | "__add__"
            | "__radd__"
            | "__sub__"
            | "__rsub__"
            | "__mul__"
            | "__rmul__"
            | "__truediv__"
            | "__rtruediv__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__mod__"
            | "__rmod__"
            | "__pow__"
            | "__rpow__"
            | "__divmod__"
            | "__rdivmod__"
            | "__and__"
            | "__rand__"
            | "__or__"
            | "__ror__"
            | "__xor__"
            | "__rxor__"
            | "__lshift__"
            | "__rlshift__"
            | "__rshift__"
            | "__rrshift__"
            | "__iadd__"
            | "__imul__"
    )
}

#[cold]
#[inline(never)]
fn new_of_non_type(vm: &Vm, b: &Builtin, first: &Value) -> crate::vm::PyErr {
    vm.type_error(format!("{}.__new__(X): X is not a type object ({})", b.owner, vm.type_name(first)))
}

#[cold]
#[inline(never)]
fn no_self(vm: &Vm, b: &Builtin) -> crate::vm::PyErr {
    if b.name == "__new__" {
        vm.type_error(format!("{}.__new__(): not enough arguments", b.owner))
    } else {
        vm.type_error(format!("descriptor '{}' of '{}' object needs an argument", b.name, b.owner))
    }
}

/// Whether either cfunction probe is enabled (checked by the VM's call
/// instructions before they call a builtin).
#[inline(always)]
pub fn cfunction_enabled() -> bool {
    #[cfg(feature = "probes")]
    return arch::cfunction_watched();
    #[cfg(not(feature = "probes"))]
    false
}

/// Call builtin `b` from the Python code of frame `f` with the cfunction
/// probes around it: filename and lineno are the caller's, module is where the
/// builtin lives (`builtins` for methods of built-in types).
#[inline(never)]
#[cold]
pub fn cfunction_traced(vm: &Vm, f: &Frame, b: &Rc<Builtin>, args: Args) -> PyResult<Value> {
    #[cfg(feature = "probes")]
    {
        let c = &f.code;
        let line = c.line_of(f.lasti) as i32;
        let name = interned(b.name);
        let module = interned(if b.is_method || b.owner.is_empty() { "builtins" } else { b.owner });
        if arch::cfunction_entry::enabled() {
            arch::cfunction_entry::fire(c.c_filename.as_ptr(), name, line, module);
        }
        let r = vm.call_args(&Value::Builtin(b.clone()), args);
        if arch::cfunction_return::enabled() {
            arch::cfunction_return::fire(c.c_filename.as_ptr(), name, line, module);
        }
        r
    }
    #[cfg(not(feature = "probes"))]
    {
        let _ = f;
        vm.call_args(&Value::Builtin(b.clone()), args)
    }
}

/// The NUL-terminated copy of `s` that probes pass for it, made the first
/// time a probe fires with that string (a builtin's name, a module name, an
/// audit event, a compiled file name) and kept for the thread's lifetime, so
/// repeated events reuse it: no allocation per event, and the bytes sit in
/// heap pages already touched, which a BPF program can read.
#[cfg(feature = "probes")]
fn interned(s: &str) -> *const std::os::raw::c_char {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::ffi::CString;
    thread_local! {
        static STRINGS: RefCell<HashMap<Box<str>, CString>> = RefCell::new(HashMap::new());
    }
    // At thread exit the table may be gone: an empty string then.
    STRINGS
        .try_with(|m| {
            let mut m = m.borrow_mut();
            if let Some(c) = m.get(s) {
                return c.as_ptr();
            }
            let c = crate::objects::c_string(s);
            // The CString's buffer is its own heap allocation: moving the map's
            // entries when it grows does not move the bytes the pointer names.
            let p = c.as_ptr();
            m.insert(s.into(), c);
            p
        })
        .unwrap_or(c"".as_ptr())
}

/// Generates a probe hook with `&str`-like arguments converted in a cold,
/// out-of-line helper that runs only while the probe is enabled.
macro_rules! str_probe {
    ($(#[$doc:meta])* $hook:ident, $probe:ident, ($($arg:ident: $ty:ty),*), |$($p:ident),*| $fire:expr) => {
        $(#[$doc])*
        #[inline(always)]
        pub fn $hook($($arg: $ty),*) {
            #[cfg(feature = "probes")]
            if arch::$probe::enabled() {
                #[inline(never)]
                #[cold]
                fn fire($($p: $ty),*) {
                    $fire
                }
                fire($($arg),*);
            }
            let _ = ($($arg,)*);
        }
    };
}

str_probe!(
    /// `instance__new__start`: a Python-level class is about to be instantiated.
    instance_new_start, instance_new_start, (cls: &Rc<Class>), |cls| {
        arch::instance_new_start::fire(cls.c_name.as_ptr(), cls.c_filename.as_ptr());
    }
);

str_probe!(
    /// `instance__new__done`: its `__new__`/`__init__` finished (or raised).
    instance_new_done, instance_new_done, (cls: &Rc<Class>), |cls| {
        arch::instance_new_done::fire(cls.c_name.as_ptr(), cls.c_filename.as_ptr());
    }
);

str_probe!(
    /// `gc__start`: a collection of `generation` (and the younger ones) begins.
    gc_start, gc_start, (generation: i32), |generation| {
        arch::gc_start::fire(generation);
    }
);

str_probe!(
    /// `gc__done`: it ended, having found `collected` unreachable objects.
    gc_done, gc_done, (collected: i64), |collected| {
        arch::gc_done::fire(collected);
    }
);

/// Whether either instance-delete probe is enabled (checked when an
/// instance dies, before anything is computed for them).
#[inline(always)]
pub fn instance_delete_enabled() -> bool {
    #[cfg(feature = "probes")]
    return arch::instance_delete_start::enabled() || arch::instance_delete_done::enabled();
    #[cfg(not(feature = "probes"))]
    false
}

str_probe!(
    /// `instance__delete__start`: an instance of a Python-level class is
    /// dying, before its `__del__` runs and its references are released.
    instance_delete_start, instance_delete_start, (cls: &Rc<Class>), |cls| {
        arch::instance_delete_start::fire(cls.c_name.as_ptr(), cls.c_filename.as_ptr());
    }
);

str_probe!(
    /// `instance__delete__done`: what it referred to has been released.
    instance_delete_done, instance_delete_done, (cls: &Rc<Class>), |cls| {
        arch::instance_delete_done::fire(cls.c_name.as_ptr(), cls.c_filename.as_ptr());
    }
);

str_probe!(
    /// `import__find__load__start`: finding and loading a module not yet in sys.modules.
    import_start, import_find_load_start, (name: &str), |name| {
        arch::import_find_load_start::fire(interned(name));
    }
);

str_probe!(
    /// `import__find__load__done`: found is 1 when the module loaded, 0 when the import failed.
    import_done, import_find_load_done, (name: &str, found: bool), |name, found| {
        arch::import_find_load_done::fire(interned(name), found as i32);
    }
);

str_probe!(
    /// `compile__start`: compiling a source file or string.
    compile_start, compile_start, (filename: &str), |filename| {
        arch::compile_start::fire(interned(filename));
    }
);

str_probe!(
    /// `compile__done`: ok is 1 when it compiled, 0 on SyntaxError.
    compile_done, compile_done, (filename: &str, ok: bool), |filename, ok| {
        arch::compile_done::fire(interned(filename), ok as i32);
    }
);

/// `exception__raise` (`handled` false) or `exception__handled` (true) for
/// `exc` in frame `f`, at the line executing there.
#[cfg(feature = "probes")]
#[inline(never)]
#[cold]
fn fire_exception(vm: &Vm, f: &Frame, exc: &Value, handled: bool) {
    let cls = vm.type_of(exc);
    let ty = cls.c_name.as_ptr();
    let c = &f.code;
    let line = c.line_of(f.lasti) as i32;
    if handled {
        arch::exception_handled::fire(ty, c.c_filename.as_ptr(), c.c_name.as_ptr(), line);
    } else {
        arch::exception_raise::fire(ty, c.c_filename.as_ptr(), c.c_name.as_ptr(), line);
    }
}

/// An exception starts unwinding from frame `f` (raised there by `raise` or
/// by the runtime).
#[inline(always)]
pub fn exception_raise(vm: &Vm, f: &Frame, exc: &Value) {
    #[cfg(feature = "probes")]
    if arch::exception_raise::enabled() {
        fire_exception(vm, f, exc, false);
    }
    let _ = (vm, f, exc);
}

/// An except clause of frame `f` caught `exc`.
#[inline(always)]
pub fn exception_handled(vm: &Vm, f: &Frame, exc: &Value) {
    #[cfg(feature = "probes")]
    if arch::exception_handled::enabled() {
        fire_exception(vm, f, exc, true);
    }
    let _ = (vm, f, exc);
}

/// sys.audit(event, *args): fires the audit probe with the repr of the args
/// tuple, built only while the probe is enabled.
pub fn audit(vm: &Vm, event: &str, args: &[Value]) -> PyResult<()> {
    #[cfg(feature = "probes")]
    if arch::audit::enabled() {
        let r = vm.repr(&Value::tuple(args.to_vec()))?;
        // The args repr differs from event to event: it is the one string
        // made per event, and only while a tracer listens.
        let a = crate::objects::c_string(&r);
        arch::audit::fire(interned(event), a.as_ptr());
    }
    let _ = (vm, event, args);
    Ok(())
}
