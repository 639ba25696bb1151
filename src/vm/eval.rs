//! The evaluation loop.
//!
//! A Python frame starts and ends in one of two places, which do the same
//! (recursion limit, GC safe point, `function__entry` / `function__return`):
//! `run` for frames run by recursion (`run_frame`: calls from builtins and
//! the general call path, dunder methods, class and module bodies; and every
//! generator resumption), and `start_inline` (with `start_slow`) /
//! `end_inline` for plain Python calls made in-loop, whose frames `step`
//! pushes on a chain and switches to without recursion. `execute` runs
//! instructions until its frame returns, yields or raises; exceptions are
//! unwound against each frame's block stack in `handle_error`, and through
//! the chain in `unwind`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::{Args, ExcData, Function, Generator, Instance, IterState, Kind, TbEntry};
use crate::value::{PyStr, Value};
use crate::vm::frame::{Block, Chain, Frame, NO_PREV};
use crate::vm::instr::Instr;
use crate::vm::{call, exc, import, ops, PyErr, PyResult, Vm};

pub enum Exit {
    Return(Value),
    Yield(Value),
    /// Internal to `execute`: the line probe was enabled or disabled at a
    /// backward jump; continue the frame in the other mode.
    Switch,
}

/// How a generator is resumed.
pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// Run a fresh (non-generator) frame to completion.
pub fn run_frame(vm: &Vm, frame: &mut Frame) -> PyResult<Value> {
    // The frames it calls in-loop: storage from `Vm::spare_chains` at the
    // first such call, given back empty.
    let mut chain = Chain::default();
    let r = run(vm, frame, None, &mut chain);
    if chain.has_storage() {
        chain.give_back(&vm.spare_chains);
    }
    match r? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
        Exit::Switch => unreachable!("execute handles Switch"),
    }
}

/// Frame entry/exit: recursion accounting and the function probes.
fn run(vm: &Vm, frame: &mut Frame, throw: Option<PyErr>, chain: &mut Chain) -> PyResult<Exit> {
    let depth = vm.depth.get() + 1;
    if depth > vm.recursion_limit.get() || call::stack_exhausted() {
        return Err(vm.err(&vm.types.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    vm.depth.set(depth);
    crate::gc::safe_point(vm);
    // One check for the two probes a frame's start looks at.
    let watched = crate::probes::frame_watched();
    if watched {
        crate::probes::function_entry(frame);
    }
    let r = execute(vm, frame, throw, watched, chain);
    crate::probes::function_return(frame);
    vm.depth.set(depth - 1);
    r
}

#[inline(always)]
fn pop(f: &mut Frame) -> Value {
    debug_assert!(!f.stack.is_empty(), "value stack underflow in {}", f.code.qualname);
    // SAFETY: the compiler's stack-depth analysis (`compile::stack_depth`)
    // follows every instruction's stack effect, so an instruction never
    // pops a value it was not given: the stack is not empty. (The
    // `checked` profile asserts it on every test program.)
    unsafe { f.stack.pop_unchecked() }
}

#[inline(always)]
fn top(f: &Frame) -> &Value {
    f.stack.last().unwrap()
}

/// Run the frame's instructions. `watched`: `probes::frame_watched()` at the
/// frame's start, so that the line probe need not be checked again there.
/// `chain`: empty, for the frames of the functions `f` calls in-loop
/// (`step` enters and leaves them without recursion), innermost last.
fn execute(vm: &Vm, f: &mut Frame, throw: Option<PyErr>, watched: bool, chain: &mut Chain) -> PyResult<Exit> {
    if let Some(e) = throw {
        f.reraise = false;
        handle_error(vm, f, e)?;
    }
    // A resumed generator continues from its yield, which the line probe
    // treats as the previous instruction (so resuming is not a new line).
    f.trace_prev = if f.ip == 0 { NO_PREV } else { f.lasti };
    // The line probe is noticed at the frame's start, after an exception is
    // caught and at backward jumps; the untraced loop never looks at it.
    let mut r = if watched && crate::probes::line_enabled() {
        step::<true>(vm, f, chain)
    } else {
        step::<false>(vm, f, chain)
    };
    loop {
        match r {
            Ok(Exit::Switch) => {}
            // Only `f` itself returns or yields out of `step`.
            Ok(exit) => return Ok(exit),
            Err(e) => unwind(vm, f, chain, e)?,
        }
        r = if crate::probes::line_enabled() {
            step::<true>(vm, f, chain)
        } else {
            step::<false>(vm, f, chain)
        };
    }
}

/// Handle `e` in the innermost frame. An in-loop callee without a handler
/// ends (as `run` ends a frame), and its caller's call raises `e` in turn;
/// `f` itself gives `e` back to its caller.
#[inline(never)]
fn unwind(vm: &Vm, f: &mut Frame, chain: &mut Chain, mut e: PyErr) -> PyResult<()> {
    loop {
        let Some(top) = chain.last_mut() else {
            return handle_error(vm, f, e);
        };
        match handle_error(vm, top, e) {
            Ok(()) => return Ok(()),
            Err(err) => {
                e = err;
                end_inline(vm, chain);
            }
        }
    }
}

/// Start a frame called in-loop, as `run` starts one (the Rust stack does
/// not grow, so only the recursion limit is checked). Its GC safe point
/// and function__entry probe are the caller's, once the frame has started
/// (`start_slow`).
#[inline(always)]
fn start_inline(vm: &Vm) -> PyResult<()> {
    let depth = vm.depth.get() + 1;
    if depth > vm.recursion_limit.get() {
        return Err(vm.err(&vm.types.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    vm.depth.set(depth);
    Ok(())
}

/// Whether a frame just started in-loop needs `start_slow`: a collection
/// is due, or function__entry or line is enabled. One compare for all
/// three (the collector's flag is the word beside the two semaphores), so
/// that the call's one not-taken branch and one cold call site are the
/// same with probes compiled in as out (a second one cost `step` its
/// register allocation: fib +2% instructions).
#[inline(always)]
fn start_needs_slow() -> bool {
    sonde_arch::frame_watched_or_flag()
}

/// The innermost frame of `chain` has just started in-loop and
/// `start_needs_slow` said so: the GC safe point, then its function__entry;
/// and whether `step` must return `Exit::Switch` so that `execute` runs it
/// in the other copy (the line probe's mode changed).
#[cold]
#[inline(never)]
fn start_slow<const TRACE: bool>(vm: &Vm, chain: &mut Chain) -> bool {
    crate::gc::safe_point(vm);
    if crate::probes::frame_watched() {
        if let Some(frame) = chain.last_mut() {
            crate::probes::function_entry(frame);
        }
    }
    crate::probes::line_enabled() != TRACE
}

/// An untraced loop's backward jump when `frame_watched_or_flag` said
/// so: the GC safe point, and whether the line probe is now enabled.
#[cold]
#[inline(never)]
fn back_jump_slow(vm: &Vm) -> bool {
    crate::gc::safe_point(vm);
    crate::probes::line_enabled()
}

/// End the innermost frame called in-loop, as `run` ends one. It is
/// dropped where it lies. Returns whether it ran an `__init__` (whose
/// instance_new_done probe fires after the frame is gone, as in
/// `instantiate_simple`).
#[inline(always)]
fn end_inline(vm: &Vm, chain: &mut Chain) -> bool {
    let Some(frame) = chain.last_mut() else { return false };
    let init_of = frame.init_of.take();
    crate::probes::function_return(frame);
    vm.depth.set(vm.depth.get() - 1);
    chain.pop(&vm.builtins, vm.lasting_globals.get());
    match init_of {
        None => false,
        Some(cls) => {
            crate::probes::instance_new_done(&cls);
            true
        }
    }
}

/// A callee `inline_other` found: the function, its first local (the
/// instance) and, for a class, the class whose `__init__` it is.
type InlineTarget = (Rc<Function>, Option<Value>, Option<Rc<crate::objects::Class>>);

/// A CALL of the callable at `f.stack[at - 1]` that can run in-loop: the
/// function, its first local and, for a class, the class whose `__init__`
/// it is. A bound method of a `simple_call`
/// function gets its instance in front. A class that `instantiate_simple`
/// would make gets its instance made here, in the class's place below the
/// arguments: the call's result once `__init__` returns None. `None`: call
/// it the usual way.
#[inline(never)]
fn inline_other(f: &mut Frame, at: usize) -> Option<InlineTarget> {
    let argc = f.stack.len() - at;
    match &f.stack[at - 1] {
        // (CALL takes these in its own arm; CALL_METHOD of a module's
        // function, say, comes here.)
        Value::Func(func) if simple_call(func, argc) => Some((func.clone(), None, None)),
        Value::Method(m) => match &m.func {
            Value::Func(func) if simple_call(func, argc + 1) => Some((func.clone(), Some(m.obj.clone()), None)),
            _ => None,
        },
        Value::Class(cls) if !cls.builtin => {
            let init = inline_init(cls, argc)?;
            let cls = cls.clone();
            crate::probes::instance_new_start(&cls);
            let obj = new_instance(&cls, Value::None);
            std::mem::replace(&mut f.stack[at - 1], obj.clone()).release();
            Some((init, Some(obj), Some(cls)))
        }
        _ => None,
    }
}

// An unbound local costs no more room than a value: `fill_from_stack`
// copies values into locals bitwise.
const _: () = assert!(std::mem::size_of::<Option<Value>>() == std::mem::size_of::<Value>());

/// Fill a new `frame` of `func` (a `simple_call` with these arguments) as
/// a call does: the closure's cells, then `first` (a bound method's
/// instance, or `__init__`'s new object) and the arguments at
/// `caller.stack[at..]` as its locals, moved off the caller's stack. Every
/// way a plain call starts, in-loop or by recursion, builds its frame here.
#[inline(always)]
fn fill_from_stack(frame: &mut Frame, func: &Function, caller: &mut Frame, at: usize, first: Option<Value>) {
    if !func.closure.is_empty() {
        frame.cells.extend(func.closure.iter().cloned());
    }
    let skip = first.is_some() as usize;
    let n = caller.stack.len() - at;
    // `simple_call` checked that the code has exactly `skip + n`
    // parameters, and a frame has a local for each name, unbound in a new
    // frame (`Frame::new`).
    assert!(frame.fast.len() >= skip + n);
    debug_assert!(frame.fast[..skip + n].iter().all(Option::is_none));
    // SAFETY: the `n` values above `at` move bitwise into locals `skip..`
    // (in range, just checked; unbound, so nothing is overwritten), and
    // the caller's stack is cut to `at`, so each is owned once.
    // `Option<Value>` is the size of `Value` (asserted above), so `Some(v)`
    // is `v`'s bytes at offset 0: a plain copy.
    // (One or two arguments, most calls, are moved by hand: for a count
    // it does not know, the compiler calls `memcpy`.)
    unsafe {
        let src = caller.stack.as_ptr().add(at);
        let dst = frame.fast.as_mut_ptr().add(skip).cast::<Value>();
        match n {
            0 => {}
            1 => dst.write(src.read()),
            2 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
        caller.stack.set_len(at);
    }
    if let Some(first) = first {
        frame.fast[0] = Some(first);
    }
}

/// `enter_inline` for `inline_other`'s targets, out of line; an
/// `__init__` frame is marked with its class.
#[inline(never)]
fn enter_other(
    vm: &Vm,
    chain: &mut Chain,
    f0: &mut Frame,
    func: &Function,
    at: usize,
    first: Option<Value>,
    init_of: Option<Rc<crate::objects::Class>>,
) -> PyResult<()> {
    let started = enter_inline(vm, chain, f0, func, at, first);
    if let Some(cls) = init_of {
        match chain.last_mut() {
            Some(frame) if started.is_ok() => frame.init_of = Some(cls),
            // Not started: the instance is made, its __init__ never ran.
            _ => crate::probes::instance_new_done(&cls),
        }
    }
    started
}

/// The function a CALL enters in-loop, borrowed from the caller's stack
/// slot that holds it, for the time `enter_inline` takes (a clone would
/// cost an increment and a decrement per call).
///
/// The slot below the arguments keeps the function until the callee
/// returns (ReturnValue replaces it with the result): nothing `enter_inline`
/// does truncates the caller's stack, and the `Function` lives on the heap,
/// where a growing chain or stack does not move it.
#[inline(always)]
fn callee_ref<'a>(func: &Rc<Function>) -> &'a Function {
    // SAFETY: see above: the caller's stack holds a strong reference for
    // longer than the returned borrow is used.
    unsafe { &*Rc::as_ptr(func) }
}

/// The `__init__` of `cls(...)` with `argc` arguments, when the call is
/// the one `instantiate_simple` makes: `object.__new__` and a plain
/// `__init__` taking self and exactly these.
#[inline(always)]
fn inline_init(cls: &Rc<crate::objects::Class>, argc: usize) -> Option<Rc<Function>> {
    cls.plain_init().filter(|init| simple_call(init, argc + 1))
}

/// Enter `func` (a `simple_call`) in-loop from the running frame (the
/// innermost of `chain`, or `f0`): its frame is pushed with `first` (a
/// bound method's instance, or `__init__`'s new object) and then the
/// arguments at the caller's `stack[at..]` as its locals, and started.
/// A frame that cannot start (the recursion limit) is ended again, and its
/// caller's call raises. The caller runs the safe point and fires the entry probe (`start_slow`).
#[inline(always)]
fn enter_inline(vm: &Vm, chain: &mut Chain, f0: &mut Frame, func: &Function, at: usize, first: Option<Value>) -> PyResult<()> {
    let (caller, frame) = chain.push(f0, &func.code, &func.globals, &vm.spare_chains);
    fill_from_stack(frame, func, caller, at, first);
    match start_inline(vm) {
        Ok(()) => Ok(()),
        Err(e) => {
            chain.pop(&vm.builtins, vm.lasting_globals.get());
            Err(e)
        }
    }
}

/// The arguments on the value stack from `at` up, moved into a vector with
/// room for one more in front: calling a bound method or a class prepends
/// self or the class, which would otherwise reallocate.
#[inline]
fn call_args(f: &mut Frame, at: usize) -> Vec<Value> {
    tail_vec::<1>(f, at)
}

/// The values on the stack from `at` up, moved into a new vector with room
/// for `ROOM` more, the stack cut to `at`.
#[inline(always)]
fn tail_vec<const ROOM: usize>(f: &mut Frame, at: usize) -> Vec<Value> {
    let n = f.stack.len() - at;
    let mut out = Vec::with_capacity(n + ROOM);
    // SAFETY: `out` was made with room for the `n` values above `at`; they
    // are moved bitwise into it and the stack is cut to `at`, so each is
    // owned once. (A drain moved them one by one, behind a guard.)
    unsafe {
        std::ptr::copy_nonoverlapping(f.stack.as_ptr().add(at), out.as_mut_ptr(), n);
        f.stack.set_len(at);
        out.set_len(n);
    }
    out
}

/// A call made by the Python code of frame `f`: where the cfunction probes
/// see calls of builtins.
#[inline(always)]
fn call_from(vm: &Vm, f: &Frame, func: &Value, args: Args) -> PyResult<Value> {
    if let Value::Builtin(b) = func {
        if crate::probes::cfunction_enabled() {
            return crate::probes::cfunction_traced(vm, f, b, args);
        }
    }
    vm.call_args(func, args)
}

/// Record the traceback entry, chain the context, and find a handler in this
/// frame (setting `ip` to it) or give the exception back.
fn handle_error(vm: &Vm, f: &mut Frame, e: PyErr) -> PyResult<()> {
    let reraise = std::mem::replace(&mut f.reraise, false);
    if let Value::Instance(inst) = &e.0 {
        let mut exc = inst.exc.borrow_mut();
        let data = exc.get_or_insert_with(|| {
            Box::new(ExcData {
                traceback: Vec::new(),
                cause: None,
                context: None,
                suppress_context: false,
            })
        });
        if !reraise {
            let fresh = data.traceback.is_empty();
            if fresh {
                crate::probes::exception_raise(vm, f, &e.0);
            }
            data.traceback.push(TbEntry {
                code: f.code.clone(),
                instr: f.lasti,
            });
            if fresh && data.context.is_none() {
                let handled = vm.handled.borrow().clone();
                if !handled.is_none() && !handled.is(&e.0) && !exc::in_context_chain(&handled, &e.0) {
                    data.context = Some(handled);
                }
            }
        }
    }
    while let Some(b) = f.blocks.pop() {
        if b.is_handler {
            let prev = f.stack.get(b.level as usize).cloned().unwrap_or(Value::None);
            *vm.handled.borrow_mut() = prev;
            f.stack.truncate(b.level as usize);
        } else {
            f.stack.truncate(b.level as usize);
            let prev = std::mem::replace(&mut *vm.handled.borrow_mut(), e.0.clone());
            f.blocks.push(Block {
                handler: 0,
                level: f.stack.len() as u32,
                is_handler: true,
            });
            f.stack.push(prev);
            f.stack.push(e.0);
            f.ip = b.handler as usize;
            return Ok(());
        }
    }
    Err(e)
}

fn unbound_local(vm: &Vm, name: &str) -> PyErr {
    vm.err(
        &vm.types.exc.unbound_local_error,
        format!("cannot access local variable '{}' where it is not associated with a value", name),
    )
}

fn load_global(vm: &Vm, f: &Frame, name: &Value) -> PyResult<Value> {
    let Value::Str(s) = name else {
        return Err(vm.name_error(""));
    };
    // The code object's name string caches its hash: no rehashing per access.
    let (key, h) = (s.as_str(), s.hash());
    if let Some(v) = f.globals.borrow().get_str_h(key, h) {
        return Ok(v);
    }
    if let Some(v) = vm.builtins.borrow().get_str_h(key, h) {
        return Ok(v);
    }
    if let Some(v) = crate::builtins::lazy_builtin(vm, key)? {
        return Ok(v);
    }
    Err(vm.name_error(key))
}

/// LOAD_GLOBAL through the code's cache of where the name was found (see
/// `GlobalCache`): two version compares and an indexed read when the
/// globals and builtins are unchanged since.
#[inline(always)]
fn load_global_cached(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, idx: u32) -> PyResult<Value> {
    let c = code.global_caches[idx as usize].get();
    // SAFETY: the dicts are only read here (versions, one value cloned:
    // an `Rc` increment), and nothing runs meanwhile that could borrow
    // them mutably; one borrowed mutably right now is not read
    // (`try_borrow_unguarded` refuses) and the slow path answers. Not
    // taking the shared borrows saves their counter writes on every
    // global load.
    if let Ok(g) = unsafe { f.globals.try_borrow_unguarded() } {
        if c.globals == g.version() {
            let hit = if c.in_builtins {
                // SAFETY: as for the globals; the builtins are only read
                // for a name cached there.
                match unsafe { vm.builtins.try_borrow_unguarded() } {
                    Ok(b) if c.builtins == b.version() => b.value_at(c.index as usize),
                    _ => None,
                }
            } else {
                g.value_at(c.index as usize)
            };
            if let Some(v) = hit {
                return Ok(v);
            }
        }
    }
    load_global_slow(vm, f, code, idx)
}

/// `load_global_cached` when the cache does not answer: look the name up
/// and remember where it was.
#[inline(never)]
fn load_global_slow(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, idx: u32) -> PyResult<Value> {
    let cache = &code.global_caches[idx as usize];
    let (key, h) = code.name_hashed(idx);
    let g = f.globals.borrow();
    let b = vm.builtins.borrow();
    let found = match g.index_of_str_h(key, h) {
        Some(i) => Some((i, false)),
        None => b.index_of_str_h(key, h).map(|i| (i, true)),
    };
    if let Some((i, in_builtins)) = found {
        if let Ok(index) = u32::try_from(i) {
            cache.set(crate::vm::code::GlobalCache {
                globals: g.version(),
                builtins: b.version(),
                index,
                in_builtins,
            });
        }
        let v = if in_builtins { b.value_at(i) } else { g.value_at(i) };
        if let Some(v) = v {
            return Ok(v);
        }
    }
    drop((g, b));
    load_global(vm, f, &code.names[idx as usize])
}

/// The index in `base`'s instructions of the one at `pc`.
#[inline(always)]
fn index(base: *const Instr, pc: *const Instr) -> usize {
    (pc as usize - base as usize) / std::mem::size_of::<Instr>()
}

/// Leave the instruction loop with `exit`, saving the instruction pointer.
#[inline(always)]
fn leave(f: &mut Frame, ip: usize, exit: Exit) -> PyResult<Exit> {
    f.ip = ip;
    Ok(exit)
}

/// Python index `i` (negative counts from the end) into a sequence of
/// `len` items, if it is in range.
#[inline(always)]
fn in_range(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// `o[k]` for a list or tuple `o` and an int `k` in range: BinarySubscr's
/// inline case. None for everything else (`Vm::getitem`'s to answer).
#[inline(always)]
fn subscr_fast(o: &Value, k: &Value) -> Option<Value> {
    match (o, k) {
        (Value::List(l), Value::Int(i)) => l.try_borrow().ok().and_then(|l| in_range(*i, l.len()).map(|i| l[i].clone())),
        (Value::Tuple(t), Value::Int(i)) => in_range(*i, t.len()).map(|i| t[i].clone()),
        _ => None,
    }
}

/// `o[k] = v` for a list `o` not borrowed elsewhere and an int `k` in
/// range: StoreSubscr's inline case. The old item is dropped after the
/// list is released (its `__del__` may run). Otherwise `v` comes back,
/// for `Vm::setitem`.
#[inline(always)]
fn store_subscr_fast(o: &Value, k: &Value, v: Value) -> Result<(), Value> {
    let (Value::List(l), Value::Int(i)) = (o, k) else { return Err(v) };
    let Ok(mut items) = l.try_borrow_mut() else { return Err(v) };
    let Some(i) = in_range(*i, items.len()) else { return Err(v) };
    let old = std::mem::replace(&mut items[i], v);
    drop(items);
    old.release();
    Ok(())
}

/// DUP2: the top two values pushed again, in order.
#[inline(always)]
fn dup2(f: &mut Frame) {
    let n = f.stack.len();
    let a = f.stack[n - 2].clone();
    let b = f.stack[n - 1].clone();
    f.push(a);
    f.push(b);
}

/// FOR_ITER's common cases: a range or list iterator with an item left.
#[inline(always)]
fn for_iter_fast(it: &Value) -> Option<Value> {
    let Value::Iter(st) = it else { return None };
    let mut s = st.try_borrow_mut().ok()?;
    match &mut *s {
        IterState::Range { cur, step, left } if *left > 0 => {
            let v = *cur;
            *left -= 1;
            *cur = cur.wrapping_add(*step);
            Some(Value::Int(v))
        }
        IterState::Seq { seq: Value::List(l), idx } => {
            let v = l.try_borrow().ok()?.get(*idx).cloned()?;
            *idx += 1;
            Some(v)
        }
        _ => None,
    }
}

/// A store into the frame's globals through the same cache: while the
/// globals' keys are unchanged, the value at the cached position is replaced
/// without hashing. The old value is dropped after the dict is released
/// (its `__del__` may run).
#[inline(always)]
fn store_global_cached(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, idx: u32, v: Value) -> PyResult<()> {
    let c = code.global_caches[idx as usize].get();
    if c.in_builtins {
        return store_global_slow(vm, f, code, idx, v);
    }
    let old = {
        let mut g = f.globals.borrow_mut();
        if c.globals != g.version() {
            drop(g);
            return store_global_slow(vm, f, code, idx, v);
        }
        g.replace_at(c.index as usize, v)
    };
    if let Some(old) = old {
        old.release();
    }
    Ok(())
}

/// `store_global_cached` when the cache does not answer: insert by name
/// and remember where.
#[inline(never)]
fn store_global_slow(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, idx: u32, v: Value) -> PyResult<()> {
    let old = {
        let mut g = f.globals.borrow_mut();
        let key = vm.key(&code.names[idx as usize])?;
        let (i, old) = g.insert_full(key, v);
        if let Ok(index) = u32::try_from(i) {
            code.global_caches[idx as usize].set(crate::vm::code::GlobalCache {
                globals: g.version(),
                builtins: 0,
                index,
                in_builtins: false,
            });
        }
        old
    };
    if let Some(old) = old {
        old.release();
    }
    Ok(())
}

/// Execute instructions until the frame returns or yields; errors go back to
/// `execute` for unwinding.
/// Run instructions until the frame returns, yields or raises. `TRACE` is the
/// line probe's mode: this function is compiled twice, and only the traced
/// copy checks lines.
///
/// `f0` is the frame `execute` runs; `chain` holds the frames of plain
/// Python functions called from it in-loop, innermost last. The innermost
/// frame is the one that runs: a call pushes the callee's frame and a
/// return pops it, without a Rust call. Errors go back to `execute`, which
/// unwinds the chain (`unwind`).
fn step<const TRACE: bool>(vm: &Vm, f0: &mut Frame, chain: &mut Chain) -> PyResult<Exit> {
    'frames: loop {
        let inlined = !chain.is_empty();
        let f: &mut Frame = match chain.last_mut() {
            Some(top) => top,
            None => &mut *f0,
        };
        // SAFETY: the frame holds its code (`Frame::code`) until it is
        // dropped or given another code (`Chain::push` of a later call),
        // and the frame outlives every use of `code`: the only arm that
        // ends the running frame (ReturnValue's `end_inline`) goes on to
        // the caller without touching `code`, and the error
        // path after the loop does not use it. (The `Code` allocation does
        // not move when the chain's storage grows.) Not cloning the `Rc`
        // saves an increment and a decrement per frame switch.
        let code: &crate::vm::code::Code = unsafe { &*Rc::as_ptr(&f.code) };
        // The untraced loop runs the fused copy; the traced one every instruction.
        let instrs = if TRACE { &code.instrs[..] } else { &code.fused[..] };
        // The instruction pointer lives in a local while the loop runs, as
        // a pointer into `instrs` (`index` gives it as a number); `f.ip`
        // is written back when the frame is left (`leave`). After an error
        // it is not needed: the handler search sets it, or the frame ends.
        //
        // `pc` is always one past the instruction being executed, and
        // `f.lasti` is not kept up to date per instruction (a store on
        // every dispatch): it is written where something reads it, namely
        // an error leaving the frame (below: tracebacks, the exception
        // probes), a call (a caller's traceback line, the cfunction
        // probes), a return or yield (function__return, a generator's
        // resumption), and every instruction of the traced loop.
        let instr0: *const Instr = instrs.as_ptr();
        // (Moved with `wrapping_add`: only reading through it needs the
        // bounds, below.)
        let mut pc: *const Instr = instr0.wrapping_add(f.ip);
        let err: PyErr = 'fail: {
            // `?` for the loop's body: an error leaves through `'fail`.
            macro_rules! t {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'fail e,
                    }
                };
            }
            loop {
                // SAFETY: `pc` is at 0, a jump target, or just past an
                // instruction that falls through, and the compiler checked for
                // every code object (`instr::stays_in_bounds`) that all of these
                // are in range. `instrs` and `fused` are the same length with
                // the same targets.
                let ins = unsafe { *pc };
                if TRACE {
                    let ip = index(instr0, pc);
                    f.ip = ip;
                    crate::probes::line(f);
                    f.lasti = ip;
                }
                pc = pc.wrapping_add(1);
                match ins {
                    Instr::Nop => {}
                    Instr::LoadConst { idx } => f.push(code.consts[idx as usize].clone()),
                    Instr::LoadFast { idx } => {
                        let v = t!(fast_local(vm, &f.fast, code, idx)).clone();
                        f.push(v);
                    }
                    Instr::StoreFast { idx } => {
                        let v = pop(f);
                        store_local(f, idx, v);
                    }
                    Instr::DeleteFast { idx } => {
                        if f.fast[idx as usize].take().is_none() {
                            break 'fail unbound_local(vm, code.varnames[idx as usize].as_str());
                        }
                    }
                    Instr::LoadDeref { idx } => {
                        let v = f.cells[idx as usize].borrow().clone();
                        match v {
                            Some(v) => f.push(v),
                            None => break 'fail unbound_deref(vm, code, idx),
                        }
                    }
                    Instr::StoreDeref { idx } => {
                        let v = pop(f);
                        let _old = f.cells[idx as usize].borrow_mut().replace(v);
                    }
                    Instr::DeleteDeref { idx } => {
                        if f.cells[idx as usize].borrow_mut().take().is_none() {
                            break 'fail unbound_deref(vm, code, idx);
                        }
                    }
                    Instr::LoadClosure { idx } => f.push(Value::Cell(f.cells[idx as usize].clone())),
                    Instr::LoadClassDeref { idx, name } => {
                        let key = code.name_str(name);
                        let found = f.locals.as_ref().and_then(|l| l.borrow().get_str(key));
                        match found {
                            Some(v) => f.push(v),
                            None => {
                                let v = f.cells[idx as usize].borrow().clone();
                                match v {
                                    Some(v) => f.push(v),
                                    None => break 'fail unbound_deref(vm, code, idx),
                                }
                            }
                        }
                    }
                    Instr::LoadName { idx } => {
                        let local = match &f.locals {
                            Some(l) => {
                                let (key, h) = code.name_hashed(idx);
                                l.borrow().get_str_h(key, h)
                            }
                            None => None,
                        };
                        let v = match local {
                            Some(v) => v,
                            None => t!(load_global_cached(vm, f, code, idx)),
                        };
                        f.push(v);
                    }
                    Instr::StoreName { idx } => {
                        let v = pop(f);
                        match &f.locals {
                            Some(l) => {
                                let key = t!(vm.key(&code.names[idx as usize]));
                                let _old = l.borrow_mut().insert(key, v);
                            }
                            None => t!(store_global_cached(vm, f, code, idx, v)),
                        }
                    }
                    Instr::DeleteName { idx } => {
                        let key = code.name_str(idx);
                        let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                        let old = ns.borrow_mut().remove_str(key);
                        if old.is_none() {
                            break 'fail vm.name_error(key);
                        }
                    }
                    Instr::LoadGlobal { idx } => {
                        let v = t!(load_global_cached(vm, f, code, idx));
                        f.push(v);
                    }
                    Instr::StoreGlobal { idx } => {
                        let v = pop(f);
                        t!(store_global_cached(vm, f, code, idx, v));
                    }
                    Instr::DeleteGlobal { idx } => {
                        let key = code.name_str(idx);
                        let old = f.globals.borrow_mut().remove_str(key);
                        if old.is_none() {
                            break 'fail vm.name_error(key);
                        }
                    }
                    Instr::LoadAttr { idx } => {
                        let obj = pop(f);
                        let cache = &code.attr_caches.load[idx as usize];
                        let v = match crate::vm::attr::cached_hit(&obj, cache) {
                            Some(v) => Ok(v),
                            None => {
                                let (name, h) = code.name_hashed(idx);
                                vm.getattr_cached_slow(&obj, name, h, cache)
                            }
                        };
                        obj.release();
                        f.push(t!(v));
                    }
                    Instr::LoadFastAttr { local, idx } => {
                        let obj = t!(fast_local(vm, &f.fast, code, local));
                        pc = pc.wrapping_add(1);
                        let cache = &code.attr_caches.load[idx as usize];
                        if let Some(v) = crate::vm::attr::cached_hit(obj, cache) {
                            // Pushed here, not in the shared push below: the
                            // value's two words go straight to the stack.
                            f.stack.push_words(v);
                            continue;
                        }
                        let (name, h) = code.name_hashed(idx);
                        let v = t!(vm.getattr_cached_slow(obj, name, h, cache));
                        f.push(v);
                    }
                    Instr::LoadFastMethod { local, idx } => {
                        let obj = t!(fast_local(vm, &f.fast, code, local));
                        let obj = obj.clone();
                        pc = pc.wrapping_add(1);
                        t!(load_method::<false>(vm, f, code, obj, idx));
                    }
                    Instr::BinaryFastFast { a, b } => {
                        // SAFETY: `fuse` makes this instruction only in front of the
                        // originals it stands for, which follow it in `instrs`.
                        let Instr::BinaryOp { op } = (unsafe { *pc.add(1) }) else {
                            unreachable!("fuse")
                        };
                        match fast_pair(f.fast[a as usize].as_ref(), f.fast[b as usize].as_ref(), op) {
                            Some(r) => {
                                f.push(r);
                                pc = pc.wrapping_add(2);
                            }
                            None => t!(push_locals_outlined(vm, f, code, a, b, &mut pc)),
                        }
                    }
                    Instr::BinaryFastConst { local, idx } => {
                        // SAFETY: `fuse` makes this instruction only in front of the
                        // originals it stands for, which follow it in `instrs`.
                        let Instr::BinaryOp { op } = (unsafe { *pc.add(1) }) else {
                            unreachable!("fuse")
                        };
                        match fast_pair(f.fast[local as usize].as_ref(), Some(&code.consts[idx as usize]), op) {
                            Some(r) => {
                                f.push(r);
                                pc = pc.wrapping_add(2);
                            }
                            None => t!(push_local_const_outlined(vm, f, code, local, idx, &mut pc)),
                        }
                    }
                    Instr::SubscrFastFast { a, b } => {
                        if let (Some(o), Some(k)) = (f.fast[a as usize].as_ref(), f.fast[b as usize].as_ref()) {
                            if let Some(v) = subscr_fast(o, k) {
                                f.push(v);
                                pc = pc.wrapping_add(2);
                                continue;
                            }
                        }
                        t!(push_locals_outlined(vm, f, code, a, b, &mut pc))
                    }
                    Instr::CallGlobalFast { glob, local } => {
                        let callee = t!(load_global_cached(vm, f, code, glob));
                        if fast_callee(vm, &callee) {
                            // (The Call's index: the caller's line in tracebacks.)
                            f.lasti = index(instr0, pc) + 1;
                            if let Some(r) = call_on_local(vm, f, &callee, local) {
                                callee.release();
                                // Past the LoadFast and the Call: an error is the Call's.
                                pc = pc.wrapping_add(2);
                                f.push(t!(r));
                                continue;
                            }
                        }
                        f.push(callee);
                    }
                    Instr::CallGlobalAttr { glob, local } => {
                        let callee = t!(load_global_cached(vm, f, code, glob));
                        if fast_callee(vm, &callee) {
                            // SAFETY: `fuse` makes this instruction only in front of the
                            // originals it stands for, which follow it in `instrs`.
                            let Instr::LoadAttr { idx } = (unsafe { *pc.add(1) }) else {
                                unreachable!("fuse")
                            };
                            f.lasti = index(instr0, pc) + 2;
                            if let Some(r) = call_on_attr(vm, f, code, &callee, local, idx) {
                                callee.release();
                                pc = pc.wrapping_add(3);
                                f.push(t!(r));
                                continue;
                            }
                        }
                        f.push(callee);
                    }
                    Instr::CallMethodFast1 { local, idx } => {
                        // SAFETY: `fuse` makes this instruction only in front of the
                        // originals it stands for, which follow it in `instrs`.
                        let Instr::LoadFast { idx: arg } = (unsafe { *pc.add(1) }) else {
                            unreachable!("fuse")
                        };
                        if !matches!(f.fast[local as usize], Some(Value::Instance(_))) {
                            f.lasti = index(instr0, pc) + 2;
                            if let Some(r) = call_method_fast(vm, f, code, local, idx, arg) {
                                pc = pc.wrapping_add(3);
                                f.push(t!(r));
                                continue;
                            }
                        }
                        let obj = t!(fast_local(vm, &f.fast, code, local)).clone();
                        pc = pc.wrapping_add(1);
                        t!(load_method::<false>(vm, f, code, obj, idx));
                    }
                    Instr::SubscrFastConst { local, idx } => {
                        if let Some(o) = f.fast[local as usize].as_ref() {
                            if let Some(v) = subscr_fast(o, &code.consts[idx as usize]) {
                                f.push(v);
                                pc = pc.wrapping_add(2);
                                continue;
                            }
                        }
                        t!(push_local_const_outlined(vm, f, code, local, idx, &mut pc))
                    }
                    Instr::CompareFastFastJump { a, b } => {
                        // SAFETY: as for BinaryFastFast.
                        let (Instr::CompareOp { op }, Instr::PopJumpIfFalse { target }) = (unsafe { (*pc.add(1), *pc.add(2)) }) else {
                            unreachable!("fuse")
                        };
                        match compare_pair(f.fast[a as usize].as_ref(), f.fast[b as usize].as_ref(), op) {
                            Some(true) => pc = pc.wrapping_add(3),
                            Some(false) => pc = instr0.wrapping_add(target as usize),
                            None => t!(push_locals_outlined(vm, f, code, a, b, &mut pc)),
                        }
                    }
                    Instr::CompareFastConstJump { local, idx } => {
                        // SAFETY: as for BinaryFastFast.
                        let (Instr::CompareOp { op }, Instr::PopJumpIfFalse { target }) = (unsafe { (*pc.add(1), *pc.add(2)) }) else {
                            unreachable!("fuse")
                        };
                        match compare_pair(f.fast[local as usize].as_ref(), Some(&code.consts[idx as usize]), op) {
                            Some(true) => pc = pc.wrapping_add(3),
                            Some(false) => pc = instr0.wrapping_add(target as usize),
                            None => t!(push_local_const_outlined(vm, f, code, local, idx, &mut pc)),
                        }
                    }
                    Instr::IsFastConstJump { local, idx } => {
                        // SAFETY: as for BinaryFastFast.
                        let (Instr::IsOp { invert }, jump) = (unsafe { (*pc.add(1), *pc.add(2)) }) else {
                            unreachable!("fuse")
                        };
                        let (when, target) = match jump {
                            Instr::PopJumpIfFalse { target } => (false, target),
                            Instr::PopJumpIfTrue { target } => (true, target),
                            _ => unreachable!("fuse"),
                        };
                        match f.fast[local as usize].as_ref() {
                            Some(v) => {
                                if (v.is(&code.consts[idx as usize]) != (invert != 0)) == when {
                                    pc = instr0.wrapping_add(target as usize);
                                } else {
                                    pc = pc.wrapping_add(3);
                                }
                            }
                            // Unbound: the loads raise, at the first.
                            None => t!(push_local_const_outlined(vm, f, code, local, idx, &mut pc)),
                        }
                    }
                    Instr::LoadFastStoreAttr { local, idx } => {
                        let obj = t!(fast_local(vm, &f.fast, code, local));
                        pc = pc.wrapping_add(1);
                        // SAFETY: as in `pop` (the stack holds the value to
                        // store); the field alone, as `obj` borrows `f.fast`.
                        let v = unsafe { f.stack.pop_unchecked() };
                        if let Err(v) = crate::vm::attr::store_hit(obj, v, &code.attr_caches.store[idx as usize], &code.names, idx) {
                            t!(store_attr_miss(vm, code, obj, idx, v));
                        }
                    }
                    Instr::LoadFastFast { a, b } => t!(push_locals(vm, f, code, a, b, &mut pc)),
                    Instr::LoadFastConst { local, idx } => t!(push_local_const(vm, f, code, local, idx, &mut pc)),
                    Instr::CompareJumpIfFalse { op, target } => {
                        let b = pop(f);
                        let a = pop(f);
                        let t = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => ops::cmp_ord(x.cmp(y), op),
                            (Value::Float(x), Value::Float(y)) => ops::float_cmp(*x, *y, op),
                            _ => {
                                let r = t!(vm.compare(&a, &b, op));
                                let t = match r {
                                    Value::Bool(t) => t,
                                    _ => match vm.truthy(&r) {
                                        Ok(t) => t,
                                        // Reported at the jump, the second instruction.
                                        Err(e) => {
                                            pc = pc.wrapping_add(1);
                                            break 'fail e;
                                        }
                                    },
                                };
                                r.release();
                                t
                            }
                        };
                        a.release();
                        b.release();
                        pc = if t {
                            pc.wrapping_add(1)
                        } else {
                            instr0.wrapping_add(target as usize)
                        };
                    }
                    Instr::StoreAttr { idx } => {
                        let obj = pop(f);
                        let v = pop(f);
                        let r = match crate::vm::attr::store_hit(&obj, v, &code.attr_caches.store[idx as usize], &code.names, idx) {
                            Ok(()) => Ok(()),
                            Err(v) => store_attr_miss(vm, code, &obj, idx, v),
                        };
                        obj.release();
                        t!(r);
                    }
                    Instr::DeleteAttr { idx } => {
                        let obj = pop(f);
                        t!(vm.delattr(&obj, code.name_str(idx)));
                    }
                    Instr::LoadMethod { idx } => {
                        let obj = pop(f);
                        t!(load_method::<true>(vm, f, code, obj, idx));
                    }
                    Instr::CallMethod { argc } => {
                        // (A caller's line in tracebacks, the cfunction probes.)
                        f.lasti = index(instr0, pc) - 1;
                        let n = argc as usize;
                        let base = f.stack.len() - n - 2;
                        let fast = match (&f.stack[base], &f.stack[base + 1]) {
                            (Value::Func(func), self_) if !matches!(self_, Value::Null) && simple_call(func, n + 1) => {
                                Some(callee_ref(func))
                            }
                            _ => None,
                        };
                        let r = if let Some(func) = fast {
                            f.ip = index(instr0, pc);
                            t!(enter_inline(vm, chain, f0, func, base + 1, None));
                            if start_needs_slow() && start_slow::<TRACE>(vm, chain) {
                                return Ok(Exit::Switch);
                            }
                            continue 'frames;
                        } else if let Value::Null = f.stack[base + 1] {
                            // No unbound method: a plain call of what sits below
                            // the marker (in-loop when CALL would be).
                            f.stack.remove(base + 1);
                            match inline_other(f, base + 1) {
                                Some((func, first, init_of)) => {
                                    f.ip = index(instr0, pc);
                                    t!(enter_other(vm, chain, f0, &func, base + 1, first, init_of));
                                    if start_needs_slow() && start_slow::<TRACE>(vm, chain) {
                                        return Ok(Exit::Switch);
                                    }
                                    continue 'frames;
                                }
                                None => t!(call_stacked_outlined(vm, f, base + 1)),
                            }
                        } else if let Some(r) = call_builtin_fast(vm, f, base + 1) {
                            t!(r)
                        } else {
                            let args = call_args(f, base + 1);
                            let func = pop(f);
                            t!(call_from(vm, f, &func, Args::new(args)))
                        };
                        f.push(r);
                    }
                    Instr::Pop => {
                        if let Some(v) = f.stack.pop() {
                            v.release();
                        }
                    }
                    Instr::Dup => {
                        let v = top(f).clone();
                        f.push(v);
                    }
                    Instr::Dup2 => dup2(f),
                    Instr::Dup2Subscr => {
                        let n = f.stack.len();
                        match subscr_fast(&f.stack[n - 2], &f.stack[n - 1]) {
                            Some(v) => {
                                f.push(v);
                                pc = pc.wrapping_add(1);
                            }
                            // Dup2, then the BinarySubscr that follows.
                            None => dup2(f),
                        }
                    }
                    Instr::InplaceStoreSubscr { op } => {
                        let n = f.stack.len();
                        match fast_pair(Some(&f.stack[n - 2]), Some(&f.stack[n - 1]), op) {
                            // InplaceOp, then the Rot3 and StoreSubscr that follow.
                            None => {
                                let r = t!(binary_top(vm, f, op, true));
                                f.push(r);
                            }
                            Some(r) => {
                                pop(f).release();
                                pop(f).release();
                                let k = pop(f);
                                let o = pop(f);
                                match store_subscr_fast(&o, &k, r) {
                                    Ok(()) => {
                                        o.release();
                                        pc = pc.wrapping_add(2);
                                    }
                                    // As Rot3 leaves them, for the StoreSubscr.
                                    Err(r) => {
                                        f.push(r);
                                        f.push(o);
                                        f.push(k);
                                        pc = pc.wrapping_add(1);
                                    }
                                }
                            }
                        }
                    }
                    Instr::Rot2 => {
                        let n = f.stack.len();
                        f.stack.swap(n - 1, n - 2);
                    }
                    Instr::Rot3 => {
                        let v = pop(f);
                        let n = f.stack.len();
                        f.stack.insert(n - 2, v);
                    }
                    Instr::Rot4 => {
                        let v = pop(f);
                        let n = f.stack.len();
                        f.stack.insert(n - 3, v);
                    }
                    Instr::UnaryOp { op } => {
                        let v = pop(f);
                        let r = ops::unary_op(vm, &v, op);
                        v.release();
                        f.push(t!(r));
                    }
                    Instr::BinaryOp { op } => {
                        let r = t!(binary_top(vm, f, op, false));
                        f.push(r);
                    }
                    Instr::InplaceOp { op } => {
                        let r = t!(binary_top(vm, f, op, true));
                        f.push(r);
                    }
                    Instr::BinaryOpStore { op, local } => {
                        let r = t!(binary_top(vm, f, op, false));
                        pc = pc.wrapping_add(1);
                        store_local(f, local, r);
                    }
                    Instr::InplaceOpStore { op, local } => {
                        let r = t!(binary_top(vm, f, op, true));
                        pc = pc.wrapping_add(1);
                        store_local(f, local, r);
                    }
                    Instr::CompareOp { op } => {
                        let b = pop(f);
                        let a = pop(f);
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => Value::Bool(ops::cmp_ord(x.cmp(y), op)),
                            (Value::Float(x), Value::Float(y)) => Value::Bool(ops::float_cmp(*x, *y, op)),
                            _ => t!(vm.compare(&a, &b, op)),
                        };
                        a.release();
                        b.release();
                        f.push(r);
                    }
                    Instr::IsOp { invert } => {
                        let b = pop(f);
                        let a = pop(f);
                        f.push(Value::Bool(a.is(&b) != (invert != 0)));
                        a.release();
                        b.release();
                    }
                    Instr::ContainsOp { invert } => {
                        let container = pop(f);
                        let item = pop(f);
                        let r = match ops::contains_fast(&container, &item) {
                            Some(r) => r,
                            None => t!(vm.contains(&container, &item)),
                        };
                        f.push(Value::Bool(r != (invert != 0)));
                    }
                    Instr::BinarySubscr => {
                        let k = pop(f);
                        let o = pop(f);
                        let r = match subscr_fast(&o, &k) {
                            Some(r) => r,
                            None => t!(vm.getitem(&o, &k)),
                        };
                        k.release();
                        o.release();
                        f.push(r);
                    }
                    Instr::StoreSubscr => {
                        let k = pop(f);
                        let o = pop(f);
                        let v = pop(f);
                        match store_subscr_fast(&o, &k, v) {
                            Ok(()) => o.release(),
                            Err(v) => t!(vm.setitem(&o, k, v)),
                        }
                    }
                    Instr::DeleteSubscr => {
                        let k = pop(f);
                        let o = pop(f);
                        t!(vm.delitem(&o, &k));
                    }
                    Instr::SliceSubscr { n } => {
                        let at = f.stack.len() - n as usize;
                        if let Some(v) = crate::objects::subscript::slice_fast(&f.stack[at - 1], &f.stack[at..]) {
                            release_call(f, at);
                            f.push(v);
                            // (Past the BinarySubscr this stands for.)
                            pc = pc.wrapping_add(1);
                            continue;
                        }
                        // As BuildSlice; the BinarySubscr follows.
                        let step = if n == 3 { pop(f) } else { Value::None };
                        let stop = pop(f);
                        let start = pop(f);
                        f.push(Value::Slice(Rc::new([start, stop, step])));
                    }
                    Instr::BuildSlice { n } => {
                        let step = if n == 3 { pop(f) } else { Value::None };
                        let stop = pop(f);
                        let start = pop(f);
                        f.push(Value::Slice(Rc::new([start, stop, step])));
                    }
                    Instr::BuildTuple { n } => {
                        let at = f.stack.len() - n as usize;
                        let items = tail_vec::<0>(f, at);
                        f.push(Value::tuple(items));
                    }
                    Instr::BuildList { n } => {
                        let at = f.stack.len() - n as usize;
                        let items = tail_vec::<0>(f, at);
                        f.push(Value::list(items));
                    }
                    Instr::BuildSet { n } => {
                        let at = f.stack.len() - n as usize;
                        let items = tail_vec::<0>(f, at);
                        let mut s = crate::objects::Set::new();
                        for it in items {
                            s.insert(t!(vm.key(&it)));
                        }
                        f.push(Value::set(s));
                    }
                    Instr::BuildMap { n } => {
                        let at = f.stack.len() - 2 * n as usize;
                        let items = tail_vec::<0>(f, at);
                        let mut d = crate::objects::Dict::new();
                        for kv in items.chunks(2) {
                            d.insert(t!(vm.key(&kv[0])), kv[1].clone());
                        }
                        f.push(Value::dict(d));
                    }
                    Instr::BuildString { n } => {
                        let at = f.stack.len() - n as usize;
                        let mut s = String::new();
                        for v in f.stack.split_off(at) {
                            if let Value::Str(p) = v {
                                s.push_str(p.as_str());
                            }
                        }
                        f.push(Value::string(s));
                    }
                    Instr::ListAppend { depth } => {
                        let v = pop(f);
                        let n = f.stack.len();
                        if let Value::List(l) = &f.stack[n - depth as usize] {
                            l.borrow_mut().push(v);
                        }
                    }
                    Instr::SetAdd { depth } => {
                        let v = pop(f);
                        let k = t!(vm.key(&v));
                        let n = f.stack.len();
                        if let Value::Set(s) = &f.stack[n - depth as usize] {
                            s.borrow_mut().insert(k);
                        }
                    }
                    Instr::MapAdd { depth } => {
                        let v = pop(f);
                        let k = pop(f);
                        let k = t!(vm.key(&k));
                        let n = f.stack.len();
                        if let Value::Dict(d) = &f.stack[n - depth as usize] {
                            d.borrow_mut().insert(k, v);
                        }
                    }
                    Instr::ListExtend { depth } => {
                        let v = pop(f);
                        let items = match vm.to_vec(&v) {
                            Ok(items) => items,
                            Err(e) if vm.is_exc(&e, &vm.types.exc.type_error) && !matches!(v, Value::Instance(_) | Value::Generator(_)) => {
                                break 'fail vm.type_error(format!("Value after * must be an iterable, not {}", vm.type_name(&v)));
                            }
                            Err(e) => break 'fail e,
                        };
                        let n = f.stack.len();
                        if let Value::List(l) = &f.stack[n - depth as usize] {
                            l.borrow_mut().extend(items);
                        }
                    }
                    Instr::SetUpdate { depth } => {
                        let v = pop(f);
                        let n = f.stack.len();
                        let target = f.stack[n - depth as usize].clone();
                        if let Value::Set(s) = target {
                            let mut cur = std::mem::take(&mut *s.borrow_mut());
                            let r = crate::objects::mapping::update_from(vm, &mut cur, &v);
                            *s.borrow_mut() = cur;
                            t!(r);
                        }
                    }
                    Instr::DictUpdate { depth } | Instr::DictMerge { depth } => {
                        let v = pop(f);
                        let n = f.stack.len();
                        let target = f.stack[n - depth as usize].clone();
                        let merge = matches!(ins, Instr::DictMerge { .. });
                        if let Value::Dict(d) = target {
                            let items = match vm.mapping_items(&v) {
                                Ok(items) => items,
                                Err(_) if merge => {
                                    break 'fail vm.type_error(format!("argument after ** must be a mapping, not {}", vm.type_name(&v)));
                                }
                                Err(_) => break 'fail vm.type_error(format!("'{}' object is not a mapping", vm.type_name(&v))),
                            };
                            for (k, val) in items {
                                let key = t!(vm.key(&k));
                                if merge && d.borrow().get(&key).is_some() {
                                    let fname = call_target_name(vm, f, depth);
                                    break 'fail vm.type_error(format!(
                                        "{} got multiple values for keyword argument '{}'",
                                        fname,
                                        t!(vm.str(&k))
                                    ));
                                }
                                d.borrow_mut().insert(key, val);
                            }
                        }
                    }
                    Instr::ListToTuple => {
                        let v = pop(f);
                        if let Value::List(l) = v {
                            let items = std::mem::take(&mut *l.borrow_mut());
                            f.push(Value::tuple(items));
                        }
                    }
                    Instr::UnpackSequence { n } => {
                        let v = pop(f);
                        // A tuple or list of exactly n items goes straight onto the
                        // stack, without the intermediate vector.
                        let done = match &v {
                            Value::Tuple(t) if t.len() == n as usize => {
                                for x in t.iter().rev() {
                                    f.push(x.clone());
                                }
                                true
                            }
                            Value::List(l) => match l.try_borrow() {
                                Ok(l) if l.len() == n as usize => {
                                    for x in l.iter().rev() {
                                        f.push(x.clone());
                                    }
                                    true
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                        if !done {
                            let items = t!(unpack(vm, &v, n as usize, None));
                            for x in items.into_iter().rev() {
                                f.push(x);
                            }
                        }
                        v.release();
                    }
                    Instr::UnpackEx { before, after } => {
                        let v = pop(f);
                        let items = t!(unpack(vm, &v, before as usize, Some(after as usize)));
                        for x in items.into_iter().rev() {
                            f.push(x);
                        }
                    }
                    Instr::FormatValue { flags } => {
                        let spec = if flags & 4 != 0 { Some(pop(f)) } else { None };
                        let v = pop(f);
                        let v = match flags & 3 {
                            1 => t!(vm.str_value(&v)),
                            2 => Value::string(t!(vm.repr(&v))),
                            3 => Value::string(crate::objects::repr::ascii(&t!(vm.repr(&v)))),
                            _ => v,
                        };
                        let spec_s = match &spec {
                            Some(Value::Str(s)) => s.as_str().to_string(),
                            _ => String::new(),
                        };
                        let r = match (&v, spec_s.is_empty()) {
                            (Value::Str(_), true) => v,
                            _ => Value::string(t!(crate::format::format_value(vm, &v, &spec_s))),
                        };
                        f.push(r);
                    }
                    Instr::Jump { target } => {
                        let at = pc.wrapping_sub(1);
                        pc = instr0.wrapping_add(target as usize);
                        // A loop's backward jump: a safe point for the
                        // collector, and where the line probe's mode is
                        // noticed. Untraced, one compare checks both (and
                        // function__entry: `back_jump_slow` sorts them out).
                        let switch = pc < at
                            && if TRACE {
                                crate::gc::safe_point(vm);
                                !crate::probes::line_enabled()
                            } else {
                                sonde_arch::frame_watched_or_flag() && back_jump_slow(vm)
                            };
                        if switch {
                            // The traced loop sees this jump as backward and fires the target's line.
                            f.trace_prev = index(instr0, at);
                            f.lasti = f.trace_prev;
                            return leave(f, index(instr0, pc), Exit::Switch);
                        }
                    }
                    Instr::PopJumpIfFalse { target } => {
                        let v = pop(f);
                        let t = match v {
                            Value::Bool(b) => b,
                            _ => t!(vm.truthy(&v)),
                        };
                        v.release();
                        if !t {
                            pc = instr0.wrapping_add(target as usize);
                        }
                    }
                    Instr::PopJumpIfTrue { target } => {
                        let v = pop(f);
                        let t = match v {
                            Value::Bool(b) => b,
                            _ => t!(vm.truthy(&v)),
                        };
                        v.release();
                        if t {
                            pc = instr0.wrapping_add(target as usize);
                        }
                    }
                    Instr::JumpIfFalseOrPop { target } => {
                        if !t!(vm.truthy(top(f))) {
                            pc = instr0.wrapping_add(target as usize);
                        } else {
                            pop(f).release();
                        }
                    }
                    Instr::JumpIfTrueOrPop { target } => {
                        if t!(vm.truthy(top(f))) {
                            pc = instr0.wrapping_add(target as usize);
                        } else {
                            pop(f).release();
                        }
                    }
                    Instr::GetIter => {
                        let v = pop(f);
                        let it = vm.iter(&v);
                        v.release();
                        f.push(t!(it));
                    }
                    Instr::ForIter { target } => {
                        // The next item of a range or list iterator, inline; the
                        // end of the iteration and every other iterator go the
                        // general way.
                        if let Some(v) = for_iter_fast(top(f)) {
                            f.push(v);
                            continue;
                        }
                        match t!(vm.next(top(f))) {
                            Some(v) => f.push(v),
                            None => {
                                pop(f).release();
                                pc = instr0.wrapping_add(target as usize);
                            }
                        }
                    }
                    Instr::ForIterStore { target, local } => {
                        // As ForIter, then the StoreFast it skips. An error
                        // from the iterator is reported at the ForIter.
                        if let Some(v) = for_iter_fast(top(f)) {
                            pc = pc.wrapping_add(1);
                            store_local(f, local, v);
                            continue;
                        }
                        match t!(vm.next(top(f))) {
                            Some(v) => {
                                pc = pc.wrapping_add(1);
                                store_local(f, local, v);
                            }
                            None => {
                                pop(f).release();
                                pc = instr0.wrapping_add(target as usize);
                            }
                        }
                    }
                    Instr::Call { argc } => {
                        f.lasti = index(instr0, pc) - 1;
                        let at = f.stack.len() - argc as usize;
                        // A plain function first and inline; bound methods and
                        // classes with a plain __init__ out of line.
                        match &f.stack[at - 1] {
                            Value::Func(func) if simple_call(func, argc as usize) => {
                                let func = callee_ref(func);
                                f.ip = index(instr0, pc);
                                t!(enter_inline(vm, chain, f0, func, at, None))
                            }
                            // (Built-in types, bool(x) among them, go straight
                            // to call_stacked.)
                            callee @ (Value::Method(_) | Value::Class(_)) if !matches!(callee, Value::Class(c) if c.builtin) => {
                                match inline_other(f, at) {
                                    Some((func, first, init_of)) => {
                                        f.ip = index(instr0, pc);
                                        t!(enter_other(vm, chain, f0, &func, at, first, init_of))
                                    }
                                    None => {
                                        let r = t!(call_stacked(vm, f, at));
                                        f.push(r);
                                        continue;
                                    }
                                }
                            }
                            _ => {
                                let r = t!(call_stacked(vm, f, at));
                                f.push(r);
                                continue;
                            }
                        }
                        if start_needs_slow() && start_slow::<TRACE>(vm, chain) {
                            return Ok(Exit::Switch);
                        }
                        continue 'frames;
                    }
                    Instr::CallKw { argc, names } => {
                        f.lasti = index(instr0, pc) - 1;
                        let Value::Tuple(names) = &code.consts[names as usize] else {
                            unreachable!()
                        };
                        let at = f.stack.len() - argc as usize;
                        let mut args = call_args(f, at);
                        let kwvals = args.split_off(args.len() - names.len());
                        let func = pop(f);
                        let kwargs = names
                            .iter()
                            .zip(kwvals)
                            .map(|(n, v)| match n {
                                Value::Str(s) => (s.clone(), v),
                                _ => unreachable!(),
                            })
                            .collect();
                        let r = t!(call_from(vm, f, &func, Args { args, kwargs }));
                        f.push(r);
                    }
                    Instr::CallEx { has_kw } => {
                        f.lasti = index(instr0, pc) - 1;
                        let kw = if has_kw != 0 { Some(pop(f)) } else { None };
                        let args = pop(f);
                        let func = pop(f);
                        let args = match args {
                            Value::Tuple(t) => t.to_vec(),
                            other => t!(vm.to_vec(&other)),
                        };
                        let mut kwargs = Vec::new();
                        if let Some(Value::Dict(d)) = kw {
                            for (k, v) in d.borrow().items() {
                                match k {
                                    Value::Str(s) => kwargs.push((s, v)),
                                    _ => break 'fail vm.type_error("keywords must be strings"),
                                }
                            }
                        }
                        let r = t!(call_from(vm, f, &func, Args { args, kwargs }));
                        f.push(r);
                    }
                    Instr::MakeFunction { flags } => {
                        let qualname = pop(f);
                        let c = pop(f);
                        let doc = if flags & 16 != 0 { pop(f) } else { Value::None };
                        let closure = if flags & 8 != 0 {
                            match pop(f) {
                                Value::Tuple(t) => t
                                    .iter()
                                    .map(|c| match c {
                                        Value::Cell(c) => c.clone(),
                                        _ => Rc::new(RefCell::new(None)),
                                    })
                                    .collect(),
                                _ => vec![],
                            }
                        } else {
                            vec![]
                        };
                        let kwdefaults = if flags & 2 != 0 {
                            match pop(f) {
                                Value::Dict(d) => d
                                    .borrow()
                                    .items()
                                    .into_iter()
                                    .filter_map(|(k, v)| match k {
                                        Value::Str(s) => Some((s, v)),
                                        _ => None,
                                    })
                                    .collect(),
                                _ => vec![],
                            }
                        } else {
                            vec![]
                        };
                        let defaults = if flags & 1 != 0 {
                            match pop(f) {
                                Value::Tuple(t) => t.to_vec(),
                                _ => vec![],
                            }
                        } else {
                            vec![]
                        };
                        let Value::Code(c) = c else { unreachable!() };
                        let module = f.globals.borrow().get_str("__name__").unwrap_or(Value::None);
                        let func = Function {
                            name: RefCell::new(c.name.clone()),
                            qualname: RefCell::new(qualname.as_str().unwrap_or("").to_string()),
                            code: c,
                            globals: f.globals.clone(),
                            defaults: RefCell::new(defaults),
                            kwdefaults: RefCell::new(kwdefaults),
                            closure,
                            dict: RefCell::new(None),
                            doc: RefCell::new(doc),
                            module,
                            annotations: RefCell::new(Value::None),
                        };
                        let func = Value::Func(Rc::new(func));
                        crate::gc::track(&func);
                        f.push(func);
                    }
                    Instr::ReturnValue => {
                        let v = pop(f);
                        f.lasti = index(instr0, pc) - 1;
                        if !inlined {
                            return leave(f, index(instr0, pc), Exit::Return(v));
                        }
                        // Back to the caller: it goes on after its call, the
                        // callable below the arguments replaced by the result.
                        let was_init = end_inline(vm, chain);
                        let caller = match chain.last_mut() {
                            Some(top) => top,
                            None => &mut *f0,
                        };
                        if was_init {
                            // The instance below stays as the call's result.
                            if let Err(e) = call::init_returned(vm, v) {
                                // Raised by the caller's call.
                                pc = instr0.wrapping_add(caller.ip);
                                break 'fail e;
                            }
                        } else {
                            pop(caller).release();
                            caller.stack.push(v);
                        }
                        continue 'frames;
                    }
                    Instr::YieldValue => {
                        let v = pop(f);
                        f.lasti = index(instr0, pc) - 1;
                        return leave(f, index(instr0, pc), Exit::Yield(v));
                    }
                    Instr::GetYieldFromIter => {
                        let v = pop(f);
                        let it = match v {
                            Value::Generator(_) => v,
                            other => t!(vm.iter(&other)),
                        };
                        f.push(it);
                    }
                    Instr::YieldFrom => {
                        let sent = pop(f);
                        let it = top(f).clone();
                        let r = match &it {
                            Value::Generator(g) => t!(resume(vm, g, Resume::Send(sent))),
                            _ => {
                                if sent.is_none() {
                                    match t!(vm.next(&it)) {
                                        Some(v) => GenResult::Yield(v),
                                        None => GenResult::Return(Value::None),
                                    }
                                } else {
                                    match vm.call_method(&it, "send", vec![sent]) {
                                        Ok(v) => GenResult::Yield(v),
                                        Err(e) if vm.is_exc(&e, &vm.types.exc.stop_iteration) => {
                                            GenResult::Return(exc::stop_iteration_value(&e.0))
                                        }
                                        Err(e) => break 'fail e,
                                    }
                                }
                            }
                        };
                        match r {
                            GenResult::Yield(v) => {
                                pc = pc.wrapping_sub(1);
                                f.lasti = index(instr0, pc);
                                return leave(f, f.lasti, Exit::Yield(v));
                            }
                            GenResult::Return(v) => {
                                pop(f).release();
                                f.push(v);
                            }
                        }
                    }
                    Instr::SetupFinally { target } => {
                        f.blocks.push(Block {
                            handler: target,
                            level: f.stack.len() as u32,
                            is_handler: false,
                        });
                    }
                    Instr::SetupWith { target } => {
                        let ctx = pop(f);
                        let (enter, exit) = match (vm.lookup_special(&ctx, "__enter__"), vm.lookup_special(&ctx, "__exit__")) {
                            (Some(en), Some(ex)) => (en, ex),
                            (None, _) => {
                                break 'fail vm.type_error(format!(
                                    "'{}' object does not support the context manager protocol",
                                    vm.type_name(&ctx)
                                ))
                            }
                            (_, None) => {
                                break 'fail vm.type_error(format!(
                                    "'{}' object does not support the context manager protocol (missed __exit__ method)",
                                    vm.type_name(&ctx)
                                ))
                            }
                        };
                        let exit_bound = vm.bind(&exit, &ctx);
                        let r = t!(vm.call(&vm.bind(&enter, &ctx), vec![]));
                        f.push(exit_bound);
                        f.blocks.push(Block {
                            handler: target,
                            level: f.stack.len() as u32,
                            is_handler: false,
                        });
                        f.push(r);
                    }
                    Instr::PopBlock => {
                        f.blocks.pop();
                    }
                    Instr::PopExcept => {
                        if let Some(b) = f.blocks.pop() {
                            let prev = f.stack.remove(b.level as usize);
                            *vm.handled.borrow_mut() = prev;
                        }
                    }
                    Instr::Reraise => {
                        let e = pop(f);
                        f.reraise = true;
                        break 'fail PyErr(e);
                    }
                    Instr::RaiseVarargs { n } => {
                        break 'fail t!(do_raise(vm, f, n));
                    }
                    Instr::ExcHandled => {
                        f.lasti = index(instr0, pc) - 1;
                        crate::probes::exception_handled(vm, f, top(f));
                    }
                    Instr::CheckExcMatch => {
                        let ty = pop(f);
                        let e = top(f).clone();
                        let r = t!(exc::exception_matches(vm, &e, &ty));
                        f.push(Value::Bool(r));
                    }
                    Instr::WithExceptStart => {
                        let n = f.stack.len();
                        let e = f.stack[n - 1].clone();
                        let exit = f.stack[n - 3].clone();
                        let ty = Value::Class(vm.type_of(&e));
                        let tb = Value::None;
                        let r = t!(vm.call(&exit, vec![ty, e, tb]));
                        f.push(r);
                    }
                    Instr::CallExitNone => {
                        let exit = pop(f);
                        t!(vm.call(&exit, vec![Value::None, Value::None, Value::None]));
                    }
                    Instr::ImportName { idx } => {
                        let fromlist = pop(f);
                        let level = pop(f);
                        let level = match level {
                            Value::Int(i) => i as usize,
                            _ => 0,
                        };
                        let m = t!(import::import_name(vm, code.name_str(idx), &fromlist, level, &f.globals));
                        f.push(m);
                    }
                    Instr::ImportFrom { idx } => {
                        let m = top(f).clone();
                        let v = t!(import::import_from(vm, &m, code.name_str(idx)));
                        f.push(v);
                    }
                    Instr::ImportStar => {
                        let m = pop(f);
                        let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                        t!(import::import_star(vm, &m, &ns));
                    }
                    Instr::LoadBuildClass => {
                        f.push(vm.builtin_fn("__build_class__", "builtins", call::build_class));
                    }
                    Instr::LoadLocals => {
                        let d = match &f.locals {
                            Some(l) => Value::Dict(l.clone()),
                            None if code.name == "<module>" => Value::Dict(f.globals.clone()),
                            None => {
                                let mut d = crate::objects::Dict::new();
                                for (i, v) in f.fast.iter().enumerate() {
                                    let name = code.varnames[i].as_str();
                                    if let (Some(v), false) = (v, name.starts_with('$')) {
                                        d.set_str(name, v.clone());
                                    }
                                }
                                for (i, c) in f.cells.iter().enumerate() {
                                    let name = code
                                        .cellvars
                                        .iter()
                                        .chain(code.freevars.iter())
                                        .nth(i)
                                        .map(|n| n.as_str().to_string());
                                    if let (Some(n), Some(v)) = (name, c.borrow().clone()) {
                                        d.set_str(&n, v);
                                    }
                                }
                                Value::dict(d)
                            }
                        };
                        f.push(d);
                    }
                    Instr::LoadGlobals => f.push(Value::Dict(f.globals.clone())),
                    Instr::LoadAssertionError => f.push(Value::Class(vm.types.exc.assertion_error.clone())),
                    Instr::PrintExpr => {
                        let v = pop(f);
                        if !v.is_none() {
                            let s = t!(vm.repr(&v));
                            vm.write_stdout(&(s + "\n"));
                            vm.builtins.borrow_mut().set_str("_", v);
                        }
                    }
                    Instr::MatchSequence => {
                        let v = pop(f);
                        let r = match &v {
                            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
                            Value::Instance(i) => {
                                let c = i.class();
                                c.kind == Kind::List || c.kind == Kind::Tuple
                            }
                            _ => false,
                        };
                        f.push(Value::Bool(r));
                    }
                    Instr::MatchMapping => {
                        let v = pop(f);
                        let r = match &v {
                            Value::Dict(_) => true,
                            Value::Instance(i) => i.class().kind == Kind::Dict,
                            _ => false,
                        };
                        f.push(Value::Bool(r));
                    }
                    Instr::MatchInstance => {
                        let cls = pop(f);
                        let subj = pop(f);
                        if !matches!(cls, Value::Class(_)) {
                            break 'fail vm.type_error("called match pattern must be a class");
                        }
                        // isinstance() semantics, so a metaclass __instancecheck__ counts.
                        let r = t!(crate::builtins::isinstance_of(vm, &subj, &cls));
                        f.push(Value::Bool(r));
                    }
                    Instr::MatchPos { pos, target } => {
                        let cls = pop(f);
                        let subj = pop(f);
                        match t!(match_positional(vm, &subj, &cls, pos as usize)) {
                            Some(v) => f.push(v),
                            None => pc = instr0.wrapping_add(target as usize),
                        }
                    }
                    Instr::MatchAttr { idx, target } => {
                        let subj = pop(f);
                        match t!(vm.getattr_opt(&subj, code.name_str(idx))) {
                            Some(v) => f.push(v),
                            None => pc = instr0.wrapping_add(target as usize),
                        }
                    }
                    Instr::GetLen => {
                        let v = pop(f);
                        let n = t!(vm.len(&v));
                        f.push(Value::Int(n as i64));
                    }
                    Instr::CopyDictWithoutKeys => {
                        let keys = pop(f);
                        let subj = pop(f);
                        let mut d = crate::objects::Dict::new();
                        for (k, v) in t!(vm.mapping_items(&subj)) {
                            d.insert(t!(vm.key(&k)), v);
                        }
                        for k in t!(vm.to_vec(&keys)) {
                            d.remove(&t!(vm.key(&k)));
                        }
                        f.push(Value::dict(d));
                    }
                }
            }
        };
        // The instruction that raised, in the innermost frame (a call that
        // failed to start left none of its own): tracebacks and the
        // exception probes read it.
        let f: &mut Frame = match chain.last_mut() {
            Some(top) => top,
            None => &mut *f0,
        };
        f.lasti = index(instr0, pc) - 1;
        return Err(err);
    }
}

/// A call that can bind positionally without building an argument vector:
/// exactly the parameters, no */** parameters, no cells, not a generator.
#[inline]
pub(crate) fn simple_call(func: &Function, nargs: usize) -> bool {
    func.code.simple_argc as usize == nargs
}

/// Call the callable at `f.stack[at - 1]` with the arguments above it,
/// leaving neither on the stack. Plain Python functions, bound methods of
/// them and classes get frames filled straight from the stack.
#[inline(always)]
fn call_stacked(vm: &Vm, f: &mut Frame, at: usize) -> PyResult<Value> {
    let argc = f.stack.len() - at;
    Ok(match &f.stack[at - 1] {
        Value::Func(func) if simple_call(func, argc) => {
            let func = func.clone();
            let r = call_simple(vm, &func, f, at);
            pop(f).release();
            r?
        }
        // bool(x): the truth test itself, without the class call (CPython's
        // CALL specialises type(x), str(x) and tuple(x) alike).
        Value::Class(cls) if argc == 1 && Rc::ptr_eq(cls, &vm.types.bool_) => {
            let v = pop(f);
            let r = vm.truthy(&v);
            v.release();
            pop(f).release();
            Value::Bool(r?)
        }
        Value::Class(cls) => {
            // range() of machine ints: the object at once, as range.__new__
            // makes it (the type call went through an argument vector and
            // the unbound method), unless the cfunction probes would see
            // that call.
            if !crate::probes::cfunction_enabled() {
                if let Some(r) = builtin_type_fast(vm, cls, &f.stack[at..]) {
                    release_call(f, at);
                    return Ok(r);
                }
            }
            let cls = cls.clone();
            let r = call_class_from(vm, &cls, f, at);
            pop(f).release();
            r?
        }
        Value::Method(m) if matches!(&m.func, Value::Func(func) if simple_call(func, argc + 1)) => {
            let m = m.clone();
            let Value::Func(func) = &m.func else { unreachable!() };
            let r = call_simple_self(vm, func, m.obj.clone(), f, at);
            pop(f).release();
            r?
        }
        _ => {
            if let Some(r) = call_builtin_fast(vm, f, at) {
                return r;
            }
            let args = call_args(f, at);
            let func = pop(f);
            let r = call_from(vm, f, &func, Args::new(args));
            func.release();
            r?
        }
    })
}

/// A call of a built-in type that needs no argument vector nor the
/// type's `__new__`: `range` of machine ints, `str` of an int or a str.
/// None for anything else, which `call_class_from` handles.
#[inline(never)]
fn builtin_type_fast(vm: &Vm, cls: &Rc<crate::objects::Class>, args: &[Value]) -> Option<Value> {
    if Rc::ptr_eq(cls, &vm.types.range) {
        return range_of_ints(args);
    }
    if Rc::ptr_eq(cls, &vm.types.str_) {
        return match args {
            [v @ Value::Str(_)] => Some(v.clone()),
            [Value::Int(i)] => Some(Value::int_text(*i)),
            _ => None,
        };
    }
    None
}

/// `range(stop)`, `range(start, stop)` or `range(start, stop, step)` of
/// machine ints with a step other than 0; None for anything else (bools,
/// big ints, objects with `__index__`, errors), which `range_new` handles.
#[inline(always)]
fn range_of_ints(args: &[Value]) -> Option<Value> {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    let (start, stop, step) = match args {
        [stop] => (0, int(stop)?, 1),
        [start, stop] => (int(start)?, int(stop)?, 1),
        [start, stop, step] => (int(start)?, int(stop)?, int(step)?),
        _ => return None,
    };
    if step == 0 {
        return None;
    }
    Some(Value::Range(Rc::new(crate::value::RangeObj { start, stop, step })))
}

/// A builtin at `f.stack[at - 1]` with a fast form (`Builtin::fast`),
/// called on the arguments where they lie; if it handled them, the builtin
/// and its arguments are popped. `None`: call it the usual way.
#[inline(always)]
fn call_builtin_fast(vm: &Vm, f: &mut Frame, at: usize) -> Option<PyResult<Value>> {
    let Value::Builtin(b) = &f.stack[at - 1] else { return None };
    let fast = b.fast?;
    if crate::probes::cfunction_enabled() {
        return None;
    }
    if let Some(this) = &b.bound {
        return call_bound_fast(vm, f, at, fast, this.clone());
    }
    let r = fast(vm, &f.stack[at..])?;
    release_call(f, at);
    Some(r)
}

/// `call_builtin_fast` of a bound builtin (`append = items.append`, then
/// `append(x)`): the bound object takes the builtin's slot below the
/// arguments, so the fast form sees self first as it does through the
/// type; if it does not handle them, the builtin goes back in its place.
#[inline(never)]
fn call_bound_fast(vm: &Vm, f: &mut Frame, at: usize, fast: crate::objects::FastFn, this: Value) -> Option<PyResult<Value>> {
    let callee = std::mem::replace(&mut f.stack[at - 1], this);
    match fast(vm, &f.stack[at - 1..]) {
        Some(r) => {
            // (The bound object is in the builtin's slot, released with the arguments.)
            release_call(f, at);
            callee.release();
            Some(r)
        }
        None => {
            std::mem::replace(&mut f.stack[at - 1], callee).release();
            None
        }
    }
}

/// Whether CallGlobalFast and CallGlobalAttr may call `callee` on their
/// argument themselves: a built-in function with a fast form (while the
/// cfunction probes are off: they see the call made the usual way), or
/// `bool`.
#[inline(always)]
fn fast_callee(vm: &Vm, callee: &Value) -> bool {
    match callee {
        Value::Builtin(b) => b.fast.is_some() && b.bound.is_none() && !crate::probes::cfunction_enabled(),
        Value::Class(cls) => Rc::ptr_eq(cls, &vm.types.bool_),
        _ => false,
    }
}

/// CallGlobalFast's call of a `fast_callee` on local `local`. None: do the
/// instructions (an unbound local, a fast form that does not answer).
#[inline(never)]
fn call_on_local(vm: &Vm, f: &Frame, callee: &Value, local: u32) -> Option<PyResult<Value>> {
    // (A clone: the call may run Python code, which must not see the
    // local borrowed.)
    let arg = f.fast[local as usize].clone()?;
    let r = call_fast_callee(vm, callee, &arg);
    arg.release();
    r
}

/// CallGlobalAttr's call: as `call_on_local`, on attribute `idx` of local
/// `local` when the attribute's cache answers.
#[inline(never)]
fn call_on_attr(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, callee: &Value, local: u32, idx: u32) -> Option<PyResult<Value>> {
    let obj = f.fast[local as usize].as_ref()?;
    let arg = crate::vm::attr::cached_hit(obj, &code.attr_caches.load[idx as usize])?;
    let r = call_fast_callee(vm, callee, &arg);
    arg.release();
    r
}

/// CallMethodFast1's call: method `idx` of local `local`, a built-in
/// method with a fast form in the LoadMethod's cache (while the cfunction
/// probes are off), called with local `arg`. None: do the instructions (a
/// cache miss, an unbound local, a fast form that does not answer).
#[inline(never)]
fn call_method_fast(vm: &Vm, f: &Frame, code: &crate::vm::code::Code, local: u32, idx: u32, arg: u32) -> Option<PyResult<Value>> {
    let obj = f.fast[local as usize].as_ref()?;
    let fast = vm.cached_builtin_fast(obj, &code.attr_caches.method[idx as usize])?;
    if crate::probes::cfunction_enabled() {
        return None;
    }
    // (Clones: the call may run Python code, which must not see the locals
    // borrowed.)
    fast(vm, &[obj.clone(), f.fast[arg as usize].clone()?])
}

/// A `fast_callee` called on `arg`.
#[inline(always)]
fn call_fast_callee(vm: &Vm, callee: &Value, arg: &Value) -> Option<PyResult<Value>> {
    match callee {
        Value::Builtin(b) => (b.fast?)(vm, std::slice::from_ref(arg)),
        // `bool(self.queue)`: a list's truth in place, without the general
        // protocol's call and match.
        _ => Some(match arg {
            Value::List(l) => Ok(Value::Bool(!l.borrow().is_empty())),
            _ => vm.truthy(arg).map(Value::Bool),
        }),
    }
}

/// Pop and release a call's callable (at `at - 1`) and its arguments, once
/// a fast path has made the result from them where they lay.
#[inline(always)]
fn release_call(f: &mut Frame, at: usize) {
    while f.stack.len() >= at {
        pop(f).release();
    }
}

/// LOAD_METHOD of name `idx` on `obj`: pushes the unbound method and `obj`,
/// or the attribute and the Null marker. An instance's method is found
/// inline when the cache answers (`attr::method_hit`); `BUILTIN_FIRST`: a
/// list's built-in method as well (`Vm::list_method_hit`).
#[inline(always)]
fn load_method<const BUILTIN_FIRST: bool>(vm: &Vm, f: &mut Frame, code: &crate::vm::code::Code, obj: Value, idx: u32) -> PyResult<()> {
    let cache = &code.attr_caches.method[idx as usize];
    let hit = match crate::vm::attr::method_hit(&obj, cache) {
        Some(func) => Value::Func(func),
        None if BUILTIN_FIRST => match vm.list_method_hit(&obj, cache) {
            Some(b) => Value::Builtin(b),
            None => return load_method_slow(vm, f, code, obj, idx),
        },
        None => return load_method_slow(vm, f, code, obj, idx),
    };
    // As words: both were just built that way (a 16-byte copy would wait
    // for the two stores; see `ValueStack::push_words`).
    f.stack.push_words(hit);
    f.stack.push_words(obj);
    Ok(())
}

/// `load_method` when the cache's hits do not answer.
#[inline(never)]
fn load_method_slow(vm: &Vm, f: &mut Frame, code: &crate::vm::code::Code, obj: Value, idx: u32) -> PyResult<()> {
    let cache = &code.attr_caches.method[idx as usize];
    if let Some(b) = vm.builtin_method_hit(&obj, cache) {
        f.stack.push_words(Value::Builtin(b));
        f.stack.push_words(obj);
        return Ok(());
    }
    let (name, h) = code.name_hashed(idx);
    let (callee, self_) = match vm.lookup_method_cached_slow(&obj, name, h, cache)? {
        Some(m) => (m, obj),
        None => (load_method_attr(vm, code, &obj, idx)?, Value::Null),
    };
    f.stack.push_words(callee);
    f.stack.push_words(self_);
    Ok(())
}

/// STORE_ATTR of name `idx` when `attr::store_hit` did not store.
#[inline(never)]
fn store_attr_miss(vm: &Vm, code: &crate::vm::code::Code, obj: &Value, idx: u32, v: Value) -> PyResult<()> {
    match &code.names[idx as usize] {
        Value::Str(name) => vm.setattr_cached_slow(obj, name, v, &code.attr_caches.store[idx as usize]),
        _ => vm.setattr(obj, code.name_str(idx), v),
    }
}

/// LOAD_METHOD with no unbound method to push (a module's function, say):
/// what LOAD_ATTR would give, through the name's load cache.
#[inline(never)]
fn load_method_attr(vm: &Vm, code: &crate::vm::code::Code, obj: &Value, idx: u32) -> PyResult<Value> {
    let (name, h) = code.name_hashed(idx);
    vm.getattr_cached_slow(obj, name, h, &code.attr_caches.load[idx as usize])
}

/// The two operands on top of the stack, popped, and `a op b` (`a op= b`
/// when `inplace`): ints and floats inline, everything else the general way.
#[inline(always)]
fn binary_top(vm: &Vm, f: &mut Frame, op: u32, inplace: bool) -> PyResult<Value> {
    let b = pop(f);
    let a = pop(f);
    let r = match (&a, &b) {
        (Value::Int(x), Value::Int(y)) => match ops::int_fast(*x, *y, op) {
            Some(r) => r,
            None => ops::binary_op(vm, &a, &b, op)?,
        },
        (Value::Str(x), Value::Str(y)) if op == crate::vm::instr::op::ADD => Value::Str(Rc::new(PyStr::concat(x, y))),
        _ => match ops::float_fast(&a, &b, op) {
            Some(r) => r,
            None if inplace => ops::inplace_op(vm, &a, &b, op)?,
            None => ops::binary_op(vm, &a, &b, op)?,
        },
    };
    a.release();
    b.release();
    Ok(r)
}

/// `a op b` for two ints (without overflow) or floats (or an int and a
/// float) held in locals, without touching their reference counts; None for
/// everything else, unbound locals included.
#[inline(always)]
fn fast_pair(a: Option<&Value>, b: Option<&Value>, op: u32) -> Option<Value> {
    match (a?, b?) {
        (Value::Int(x), Value::Int(y)) => ops::int_fast(*x, *y, op),
        (x, y) => ops::float_fast(x, y, op),
    }
}

/// `a op b` as a truth value for two ints or two floats; None otherwise.
#[inline(always)]
fn compare_pair(a: Option<&Value>, b: Option<&Value>, op: u32) -> Option<bool> {
    match (a?, b?) {
        (Value::Int(x), Value::Int(y)) => Some(ops::cmp_ord(x.cmp(y), op)),
        (Value::Float(x), Value::Float(y)) => Some(ops::float_cmp(*x, *y, op)),
        _ => None,
    }
}

/// Local `idx`, or UnboundLocalError.
#[inline(always)]
fn fast_local<'a>(vm: &Vm, fast: &'a [Option<Value>], code: &crate::vm::code::Code, idx: u32) -> PyResult<&'a Value> {
    match &fast[idx as usize] {
        Some(v) => Ok(v),
        None => Err(unbound_local(vm, code.varnames[idx as usize].as_str())),
    }
}

/// Store `v` in local `idx`; the old value is dropped after the store (its
/// `__del__` may run).
#[inline(always)]
fn store_local(f: &mut Frame, idx: u32, v: Value) {
    if let Some(old) = f.fast[idx as usize].replace(v) {
        old.release();
    }
}

/// LoadFast a; LoadFast b, as a fused instruction at `*pc - 1` does them.
/// `*pc` moves on to the instruction after the pair before the second
/// load, so that an unbound b is reported at the second instruction
/// (`step` reports an error at `ip - 1`).
#[inline(always)]
fn push_locals(vm: &Vm, f: &mut Frame, code: &crate::vm::code::Code, a: u32, b: u32, pc: &mut *const Instr) -> PyResult<()> {
    let x = fast_local(vm, &f.fast, code, a)?.clone();
    *pc = pc.wrapping_add(1);
    let y = fast_local(vm, &f.fast, code, b)?.clone();
    f.push(x);
    f.push(y);
    Ok(())
}

/// LoadFast local; LoadConst idx, as `push_locals`.
#[inline(always)]
fn push_local_const(vm: &Vm, f: &mut Frame, code: &crate::vm::code::Code, local_idx: u32, idx: u32, pc: &mut *const Instr) -> PyResult<()> {
    let x = fast_local(vm, &f.fast, code, local_idx)?.clone();
    *pc = pc.wrapping_add(1);
    f.push(x);
    f.push(code.consts[idx as usize].clone());
    Ok(())
}

/// `push_locals` for a longer fused instruction that cannot finish inline:
/// it does the two loads and goes on at the original operation.
#[inline(never)]
fn push_locals_outlined(vm: &Vm, f: &mut Frame, code: &crate::vm::code::Code, a: u32, b: u32, pc: &mut *const Instr) -> PyResult<()> {
    push_locals(vm, f, code, a, b, pc)
}

/// `push_local_const` for a longer fused instruction, as `push_locals_outlined`.
#[inline(never)]
fn push_local_const_outlined(
    vm: &Vm,
    f: &mut Frame,
    code: &crate::vm::code::Code,
    local_idx: u32,
    idx: u32,
    pc: &mut *const Instr,
) -> PyResult<()> {
    push_local_const(vm, f, code, local_idx, idx, pc)
}

/// `call_stacked` for the less common sites, kept out of the loop's body.
#[inline(never)]
fn call_stacked_outlined(vm: &Vm, f: &mut Frame, at: usize) -> PyResult<Value> {
    call_stacked(vm, f, at)
}

/// Call `func` with the arguments at `caller.stack[at..]`, moving them
/// straight into the new frame's locals.
fn call_simple(vm: &Vm, func: &Rc<Function>, caller: &mut Frame, at: usize) -> PyResult<Value> {
    let mut frame = Frame::new(func.code.clone(), func.globals.clone(), None);
    fill_from_stack(&mut frame, func, caller, at, None);
    run_frame(vm, &mut frame)
}

/// `f(arg)` from Rust (a sort key, `min`'s key): a plain function taking
/// exactly one argument gets its frame filled directly, without the
/// argument vector and binding of `Vm::call`.
pub fn call_one(vm: &Vm, f: &Value, arg: Value) -> PyResult<Value> {
    if let Value::Func(func) = f {
        if simple_call(func, 1) {
            let mut frame = Frame::new(func.code.clone(), func.globals.clone(), None);
            if !func.closure.is_empty() {
                frame.cells.extend(func.closure.iter().cloned());
            }
            frame.fast[0] = Some(arg);
            return run_frame(vm, &mut frame);
        }
    }
    vm.call(f, vec![arg])
}

/// `cls(...)` with the arguments at `caller.stack[at..]` (the class below
/// them stays for the caller to pop).
#[inline(never)]
fn call_class_from(vm: &Vm, cls: &Rc<crate::objects::Class>, caller: &mut Frame, at: usize) -> PyResult<Value> {
    if cls.meta.borrow().is_none() {
        let n = caller.stack.len() - at;
        if cls.builtin {
            // (bool(x) is the truth test itself, in `call_stacked`.)
            // A built-in type's own __new__ makes the whole value
            // (`call::type_call`'s first case), given the class and the
            // arguments.
            if let Some(new) = cls.special(crate::objects::Special::New) {
                let own_new = matches!(&new, Value::Builtin(_)) && !call::is_builtin(&new, "object", "__new__");
                if own_new && !Rc::ptr_eq(cls, &vm.types.type_) {
                    let mut args = Vec::with_capacity(n + 1);
                    args.push(Value::Class(cls.clone()));
                    args.extend(caller.stack.split_off(at));
                    return call::call(vm, &new, Args::new(args));
                }
            }
        } else if cls.plain_new() {
            match cls.special(crate::objects::Special::Init) {
                Some(Value::Func(init)) if simple_call(&init, n + 1) => return instantiate_simple(vm, cls, &init, caller, at),
                // No __init__ of its own and no arguments: the new instance is all.
                Some(init) if n == 0 && call::is_builtin(&init, "object", "__init__") => {
                    crate::probes::instance_new_start(cls);
                    let obj = new_instance(cls, Value::None);
                    crate::probes::instance_new_done(cls);
                    return Ok(obj);
                }
                _ => {}
            }
        }
    }
    let args = call_args(caller, at);
    call::call_class(vm, cls, Args::new(args))
}

/// `cls(...)` with the arguments at `caller.stack[at..]`, for a class whose
/// instances `object.__new__` makes and whose `__init__` is a Python
/// function taking exactly self and these: the instance is made and the
/// `__init__` frame filled straight from the caller's stack (what
/// `call::type_call` does, without an argument vector).
fn instantiate_simple(vm: &Vm, cls: &Rc<crate::objects::Class>, init: &Rc<Function>, caller: &mut Frame, at: usize) -> PyResult<Value> {
    crate::probes::instance_new_start(cls);
    let obj = new_instance(cls, Value::None);
    let r = call_simple_self(vm, init, obj.clone(), caller, at);
    crate::probes::instance_new_done(cls);
    call::init_returned(vm, r?)?;
    Ok(obj)
}

/// `call_simple` with `first` before the arguments: a bound method's
/// instance, or `__init__`'s new object.
fn call_simple_self(vm: &Vm, func: &Rc<Function>, first: Value, caller: &mut Frame, at: usize) -> PyResult<Value> {
    let mut frame = Frame::new(func.code.clone(), func.globals.clone(), None);
    fill_from_stack(&mut frame, func, caller, at, Some(first));
    run_frame(vm, &mut frame)
}

fn call_target_name(vm: &Vm, f: &Frame, depth: u32) -> String {
    // The callable sits below the positional tuple and the kwargs dict.
    let n = f.stack.len();
    let idx = n.checked_sub(depth as usize + 2);
    match idx.and_then(|i| f.stack.get(i)) {
        Some(v) => call::callable_name(vm, v),
        None => "function".to_string(),
    }
}

fn unbound_deref(vm: &Vm, code: &crate::vm::code::Code, idx: u32) -> PyErr {
    let ncell = code.cellvars.len();
    if (idx as usize) < ncell {
        unbound_local(vm, code.cellvars[idx as usize].as_str())
    } else {
        let name = code.freevars[idx as usize - ncell].as_str();
        vm.err(
            &vm.types.exc.name_error,
            format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                name
            ),
        )
    }
}

fn unpack(vm: &Vm, v: &Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => match vm.iter(v) {
            Ok(it) => {
                let mut out = Vec::new();
                while let Some(x) = vm.next(&it)? {
                    out.push(x);
                    if after.is_none() && out.len() > n {
                        return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
                    }
                }
                out
            }
            Err(e) if vm.is_exc(&e, &vm.types.exc.type_error) => {
                return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_name(v))));
            }
            Err(e) => return Err(e),
        },
    };
    match after {
        None => {
            if items.len() < n {
                return Err(vm.value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
            }
            if items.len() > n {
                return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < n + after {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    n + after,
                    items.len()
                )));
            }
            let mut out: Vec<Value> = items[..n].to_vec();
            out.push(Value::list(items[n..items.len() - after].to_vec()));
            out.extend_from_slice(&items[items.len() - after..]);
            Ok(out)
        }
    }
}

#[inline(never)]
fn do_raise(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<PyErr> {
    if n == 0 {
        let h = vm.handled.borrow().clone();
        if h.is_none() {
            return Ok(vm.runtime_error("No active exception to reraise"));
        }
        f.reraise = true;
        return Ok(PyErr(h));
    }
    let cause = if n == 2 { Some(pop(f)) } else { None };
    let e = pop(f);
    let exc = exc::make_raisable(vm, e)?;
    if let Some(cause) = cause {
        let cause = match cause {
            Value::None => Value::None,
            c => exc::make_raisable(vm, c).map_err(|_| vm.type_error("exception causes must derive from BaseException"))?,
        };
        exc::set_cause(&exc, cause);
    }
    Ok(PyErr(exc))
}

#[inline(never)]
fn match_positional(vm: &Vm, subj: &Value, cls: &Value, pos: usize) -> PyResult<Option<Value>> {
    let Value::Class(c) = cls else {
        return Err(vm.type_error("called match pattern must be a class"));
    };
    let self_match = c.builtin
        && matches!(
            c.kind,
            Kind::Bool
                | Kind::ByteArray
                | Kind::Bytes
                | Kind::Dict
                | Kind::Float
                | Kind::FrozenSet
                | Kind::Int
                | Kind::List
                | Kind::Set
                | Kind::Str
                | Kind::Tuple
        );
    if self_match {
        if pos == 0 {
            return Ok(Some(subj.clone()));
        }
        return Err(vm.type_error(format!("{}() accepts 1 positional sub-pattern ({} given)", c.name, pos + 1)));
    }
    let args = match c.lookup("__match_args__") {
        Some(a) => vm.to_vec(&a)?,
        None => vec![],
    };
    if pos >= args.len() {
        return Err(vm.type_error(format!(
            "{}() accepts {} positional sub-pattern{} ({} given)",
            c.name,
            args.len(),
            if args.len() == 1 { "" } else { "s" },
            pos + 1
        )));
    }
    let name = vm.str(&args[pos])?;
    vm.getattr_opt(subj, &name)
}

// ---- generators

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

pub fn make_generator(code: Rc<crate::vm::code::Code>, frame: Frame, func: &Function) -> Value {
    let g = Value::Generator(Rc::new(Generator {
        frame: RefCell::new(Some(Box::new(frame))),
        chain: std::cell::Cell::new(Chain::default()),
        running: std::cell::Cell::new(false),
        name: func.name.borrow().clone(),
        qualname: func.qualname.borrow().clone(),
        code,
    }));
    crate::gc::track_generator(&g);
    g
}

pub fn resume(vm: &Vm, g: &Rc<Generator>, how: Resume) -> PyResult<GenResult> {
    if g.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    let mut frame = match g.frame.borrow_mut().take() {
        Some(fr) => fr,
        None => {
            return match how {
                Resume::Send(_) => Ok(GenResult::Return(Value::None)),
                Resume::Throw(e) => Err(e),
            };
        }
    };
    let mut throw = None;
    match how {
        Resume::Send(v) => {
            if frame.ip == 0 {
                if !v.is_none() {
                    *g.frame.borrow_mut() = Some(frame);
                    return Err(vm.type_error("can't send non-None value to a just-started generator"));
                }
            } else {
                frame.stack.push(v);
            }
        }
        Resume::Throw(e) => {
            let mut e = Some(e);
            // Delegate to a sub-generator suspended in `yield from`.
            if frame.ip > 0 && matches!(frame.code.instrs.get(frame.ip), Some(Instr::YieldFrom)) {
                if let Some(Value::Generator(sub)) = frame.stack.last().cloned() {
                    g.running.set(true);
                    let r = resume(vm, &sub, Resume::Throw(e.take().unwrap()));
                    g.running.set(false);
                    match r {
                        Ok(GenResult::Yield(v)) => {
                            *g.frame.borrow_mut() = Some(frame);
                            return Ok(GenResult::Yield(v));
                        }
                        Ok(GenResult::Return(v)) => {
                            frame.stack.pop();
                            frame.stack.push(v);
                            frame.ip += 1;
                            g.running.set(true);
                            let mut chain = g.chain.take();
                            let r = run(vm, &mut frame, None, &mut chain);
                            g.chain.set(chain);
                            g.running.set(false);
                            return finish(vm, g, frame, r);
                        }
                        Err(e2) => {
                            frame.stack.pop();
                            frame.ip += 1;
                            e = Some(e2);
                        }
                    }
                }
            }
            throw = e;
        }
    }
    let saved_handled = vm.handled.borrow().clone();
    g.running.set(true);
    // A generator keeps its chain's storage between resumptions.
    let mut chain = g.chain.take();
    let r = run(vm, &mut frame, throw, &mut chain);
    g.chain.set(chain);
    g.running.set(false);
    *vm.handled.borrow_mut() = saved_handled;
    finish(vm, g, frame, r)
}

/// Where `gen_drive` stopped.
pub enum Driven {
    /// The generator is exhausted (it returned, or had already).
    Done,
    /// `take` gave this item back: the generator is suspended after
    /// yielding it, as `next` would have left it.
    Refused(Value),
}

/// Resume `g` item after item, as repeated `next(g)` would, handing each
/// item to `take`; stop at the generator's end, at an error, or at an item
/// `take` gives back. `take` must not run Python code: between items the
/// generator stays marked as running with its frame out of it, which is
/// what lets `resume`'s per-item bookkeeping (the frame taken out and put
/// back, its chain's storage, the running flag) be done once. Each item
/// still starts and ends the frame as `run` does (the function probes, the
/// recursion limit, the collector's safe point), and leaves the caller's
/// handled exception as `resume` does.
pub fn gen_drive(vm: &Vm, g: &Rc<Generator>, mut take: impl FnMut(Value) -> Option<Value>) -> PyResult<Driven> {
    if g.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return Ok(Driven::Done);
    };
    // (A started generator gets the None that `next` sends.)
    if frame.ip != 0 {
        frame.stack.push(Value::None);
    }
    let saved_handled = vm.handled.borrow().clone();
    g.running.set(true);
    let mut chain = g.chain.take();
    let r = loop {
        let r = run(vm, &mut frame, None, &mut chain);
        *vm.handled.borrow_mut() = saved_handled.clone();
        match r {
            Ok(Exit::Yield(v)) => match take(v) {
                None => frame.stack.push(Value::None),
                Some(v) => break Ok(Exit::Yield(v)),
            },
            r => break r,
        }
    };
    g.chain.set(chain);
    g.running.set(false);
    match finish(vm, g, frame, r)? {
        GenResult::Yield(v) => Ok(Driven::Refused(v)),
        GenResult::Return(_) => Ok(Driven::Done),
    }
}

#[inline(always)]
fn finish(vm: &Vm, g: &Rc<Generator>, frame: Box<Frame>, r: PyResult<Exit>) -> PyResult<GenResult> {
    match r {
        Ok(Exit::Yield(v)) => {
            *g.frame.borrow_mut() = Some(frame);
            Ok(GenResult::Yield(v))
        }
        Ok(Exit::Return(v)) => Ok(GenResult::Return(v)),
        Ok(Exit::Switch) => unreachable!("execute handles Switch"),
        Err(e) => {
            if vm.is_exc(&e, &vm.types.exc.stop_iteration) {
                let new = vm.runtime_error("generator raised StopIteration");
                exc::set_cause(&new.0, e.0.clone());
                return Err(new);
            }
            Err(e)
        }
    }
}

/// `next(gen)`: Some(value) or None when it finishes.
#[inline(always)]
pub fn gen_next(vm: &Vm, g: &Rc<Generator>) -> PyResult<Option<Value>> {
    if g.frame.borrow().is_none() && !g.running.get() {
        return Ok(None);
    }
    match resume(vm, g, Resume::Send(Value::None))? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(_) => Ok(None),
    }
}

pub fn gen_send(vm: &Vm, g: &Rc<Generator>, v: Value) -> PyResult<Value> {
    match resume(vm, g, Resume::Send(v))? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

pub fn gen_throw(vm: &Vm, g: &Rc<Generator>, e: Value) -> PyResult<Value> {
    let e = exc::make_raisable(vm, e)?;
    match resume(vm, g, Resume::Throw(PyErr(e)))? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

pub fn gen_close(vm: &Vm, g: &Rc<Generator>) -> PyResult<()> {
    let started = match &*g.frame.borrow() {
        Some(fr) => fr.ip > 0,
        None => return Ok(()),
    };
    if !started {
        g.frame.borrow_mut().take();
        return Ok(());
    }
    let ge = vm.new_exc(&vm.types.exc.generator_exit, vec![]);
    match resume(vm, g, Resume::Throw(PyErr(ge))) {
        Ok(GenResult::Yield(_)) => {
            g.frame.borrow_mut().take();
            Err(vm.runtime_error("generator ignored GeneratorExit"))
        }
        Ok(GenResult::Return(_)) => Ok(()),
        Err(e) if vm.is_exc(&e, &vm.types.exc.generator_exit) || vm.is_exc(&e, &vm.types.exc.stop_iteration) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether generator `g` is suspended inside a `try` or `with`, so that
/// finalizing it means closing it (GeneratorExit at its yield).
fn gen_needs_close(g: &Generator) -> bool {
    matches!(g.frame.try_borrow().as_deref(), Ok(Some(fr)) if fr.ip > 0 && !fr.blocks.is_empty())
}

fn report_close_error(vm: &Vm, g: &Rc<Generator>, e: PyErr) {
    let msg = format!(
        "Exception ignored in: <generator object {} at 0x{:x}>\n",
        g.qualname,
        Rc::as_ptr(g) as usize
    );
    vm.write_stderr(&(msg + &exc::format_exception(vm, &e.0)));
}

/// The cycle collector's finalizer for an unreachable generator: close it
/// if it needs closing. True if it ran.
pub fn gen_finalize(vm: &Vm, g: &Rc<Generator>) -> bool {
    if g.running.get() || !gen_needs_close(g) {
        return false;
    }
    if let Err(e) = gen_close(vm, g) {
        report_close_error(vm, g, e);
    }
    // Closed for good: it will not be closed again when it dies.
    let frame = g.frame.borrow_mut().take();
    drop(frame);
    true
}

impl Drop for Generator {
    fn drop(&mut self) {
        // A generator suspended inside try/finally or with gets closed, as CPython does.
        if !gen_needs_close(self) {
            return;
        }
        let frame = self.frame.borrow_mut().take();
        let g = Rc::new(Generator {
            frame: RefCell::new(frame),
            chain: std::cell::Cell::new(self.chain.take()),
            running: std::cell::Cell::new(false),
            code: self.code.clone(),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
        });
        crate::vm::with_current(|vm| {
            if let Err(e) = gen_close(vm, &g) {
                report_close_error(vm, &g, e);
            }
        });
        // The temporary generator's frame is gone now; it will not re-close.
        g.frame.borrow_mut().take();
    }
}

/// Create an instance of a user class (no __init__ call).
pub fn new_instance(cls: &Rc<crate::objects::Class>, base: Value) -> Value {
    let inst = Value::Instance(Instance::new(cls, base));
    crate::gc::track(&inst);
    inst
}

pub fn pystr_rc(s: &str) -> Rc<PyStr> {
    Rc::new(PyStr::new(s.to_string()))
}
