//! The virtual machine: interpreter state, the object protocols (attributes,
//! calls, operators, iteration), and the evaluation loop (in `eval`).

pub mod attr;
pub mod call;
pub mod code;
pub mod eval;
pub mod exc;
pub mod frame;
pub mod import;
pub mod instr;
pub mod ops;
pub mod stack;
pub mod types;

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

use crate::objects::dict::Key;
use crate::objects::{Args, Class, Dict, IterState};
use crate::value::{PyStr, Value};
pub use types::Types;

/// A raised Python exception (an instance of a BaseException subclass).
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

thread_local! {
    static CURRENT: RefCell<Option<Rc<Vm>>> = const { RefCell::new(None) };
}

/// Run `f` with the VM running on this thread. Used where Rust code has no VM
/// at hand: `Drop` (for `__del__`) and dict key equality.
pub fn with_current<R: Default>(f: impl FnOnce(&Vm) -> R) -> R {
    let vm = CURRENT.try_with(|c| c.borrow().clone()).ok().flatten();
    match vm {
        Some(vm) => f(&vm),
        None => R::default(),
    }
}

/// Write out what the running VM has buffered for stdout, taking no
/// borrow that could fail: for the `sonde` command's panic hook. The
/// release build aborts on a panic (Cargo.toml), so nothing unwinds to
/// `Interpreter`'s drop, which flushes it otherwise.
pub fn flush_current_stdout() {
    let _ = CURRENT.try_with(|c| {
        if let Ok(Some(vm)) = c.try_borrow().as_deref() {
            vm.flush_stdout();
        }
    });
    // (Without a VM, what the command itself printed.)
    let _ = std::io::stdout().flush();
}

pub fn set_current(vm: Option<Rc<Vm>>) {
    CURRENT.with(|c| *c.borrow_mut() = vm);
}

/// Where `print` and tracebacks go: the process streams, or buffers an
/// embedding host reads back.
pub enum Sink {
    Stdout,
    Stderr,
    Buffer(Rc<RefCell<Vec<u8>>>),
}

pub struct Vm {
    pub types: Types,
    pub builtins: Rc<RefCell<Dict>>,
    pub modules: Rc<RefCell<Dict>>,
    pub sys_path: Value,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled: RefCell<Value>,
    pub depth: Cell<u32>,
    pub recursion_limit: Cell<u32>,
    pub optimize: bool,
    pub stdout: RefCell<Sink>,
    pub stderr: RefCell<Sink>,
    pub out_buf: RefCell<Vec<u8>>,
    /// Set while a finalizer's exception is reported (avoid recursion).
    pub in_finalizer: Cell<bool>,
    pub next_id: Cell<u64>,
    /// Storage of in-loop call chains (`eval::execute`), kept for reuse.
    pub spare_chains: crate::vm::frame::SpareChains,
    /// The address of a namespace that outlives every frame (`__main__`'s,
    /// which the `Interpreter` holds for its lifetime), or 0: an ended
    /// in-loop frame may keep it (`frame::Chain::pop`), since keeping it
    /// keeps nothing alive that would not be anyway.
    pub lasting_globals: Cell<usize>,
}

impl Vm {
    pub fn new(optimize: bool) -> Rc<Vm> {
        let types = Types::new();
        let vm = Rc::new(Vm {
            types,
            builtins: Rc::new(RefCell::new(Dict::new())),
            modules: Rc::new(RefCell::new(Dict::new())),
            sys_path: Value::list(vec![]),
            handled: RefCell::new(Value::None),
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            optimize,
            stdout: RefCell::new(Sink::Stdout),
            stderr: RefCell::new(Sink::Stderr),
            out_buf: RefCell::new(Vec::new()),
            in_finalizer: Cell::new(false),
            next_id: Cell::new(0),
            spare_chains: RefCell::new(Vec::new()),
            lasting_globals: Cell::new(0),
        });
        set_current(Some(vm.clone()));
        crate::builtins::install(&vm);
        crate::modules::install(&vm);
        vm
    }

    // ---- output

    pub fn write_stdout(&self, s: &str) {
        match &*self.stdout.borrow() {
            Sink::Buffer(b) => b.borrow_mut().extend_from_slice(s.as_bytes()),
            Sink::Stderr => {
                self.flush_stdout();
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
            Sink::Stdout => {
                let mut buf = self.out_buf.borrow_mut();
                buf.extend_from_slice(s.as_bytes());
                if buf.len() > 1 << 14 {
                    let _ = std::io::stdout().write_all(&buf);
                    buf.clear();
                }
            }
        }
    }
    pub fn flush_stdout(&self) {
        // (Never borrowed while a flush can come: `write_stdout` holds it
        // only to append. `try_` for the panic hook, which may run anywhere.)
        if let Ok(mut buf) = self.out_buf.try_borrow_mut() {
            if !buf.is_empty() {
                let _ = std::io::stdout().write_all(&buf);
                buf.clear();
            }
        }
        let _ = std::io::stdout().flush();
    }
    pub fn write_stderr(&self, s: &str) {
        match &*self.stderr.borrow() {
            Sink::Buffer(b) => b.borrow_mut().extend_from_slice(s.as_bytes()),
            _ => {
                self.flush_stdout();
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
        }
    }

    // ---- types

    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.notimpl_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::Long(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::DictView(v) => [&t.dict_keys, &t.dict_values, &t.dict_items][v.1 as usize].clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Func(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => c.meta.borrow().clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Iter(i) => match &*i.borrow() {
                IterState::Enumerate { .. } => t.enumerate.clone(),
                IterState::Zip { .. } => t.zip.clone(),
                IterState::Map { .. } => t.map.clone(),
                IterState::Filter { .. } => t.filter.clone(),
                IterState::Reversed { .. } => t.reversed.clone(),
                IterState::Seq { seq: Value::List(_), .. } => t.list_iterator.clone(),
                IterState::Seq { seq: Value::Tuple(_), .. } => t.tuple_iterator.clone(),
                IterState::Range { .. } => t.range_iterator.clone(),
                IterState::StrIter { .. } => t.str_iterator.clone(),
                IterState::DictKeys { .. } => t.dict_keyiterator.clone(),
                IterState::DictValues { .. } => t.dict_valueiterator.clone(),
                IterState::DictItems { .. } => t.dict_itemiterator.clone(),
                IterState::Items { .. } => t.set_iterator.clone(),
                IterState::CallIter { .. } => t.callable_iterator.clone(),
                _ => t.iterator.clone(),
            },
            Value::Generator(_) => t.generator.clone(),
            Value::Property(_) => t.property.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
            Value::Super(_) => t.super_.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) | Value::Null => t.cell.clone(),
            Value::File(_) => t.file.clone(),
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Instance(i) => i.class().name.clone(),
            _ => self.type_of(v).name.clone(),
        }
    }

    pub fn isinstance(&self, v: &Value, cls: &Rc<Class>) -> bool {
        self.type_of(v).is_subclass(cls)
    }

    // ---- errors

    pub fn new_exc(&self, cls: &Rc<Class>, args: Vec<Value>) -> Value {
        exc::new_exception(cls, args)
    }
    pub fn err(&self, cls: &Rc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr(self.new_exc(cls, vec![Value::string(msg.into())]))
    }
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.type_error, msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.value_error, msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.index_error, msg)
    }
    pub fn attr_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.attribute_error, msg)
    }
    pub fn name_error(&self, name: &str) -> PyErr {
        self.err(&self.types.exc.name_error, format!("name '{}' is not defined", name))
    }
    pub fn zero_div(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.zero_division_error, msg)
    }
    pub fn overflow(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.overflow_error, msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.exc.runtime_error, msg)
    }
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr(self.new_exc(&self.types.exc.key_error, vec![key]))
    }
    pub fn stop_iteration(&self, v: Value) -> PyErr {
        let args = if v.is_none() { vec![] } else { vec![v] };
        PyErr(self.new_exc(&self.types.exc.stop_iteration, args))
    }
    pub fn is_exc(&self, e: &PyErr, cls: &Rc<Class>) -> bool {
        self.isinstance(&e.0, cls)
    }

    // ---- protocols

    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(dv) => !dv.0.borrow().is_empty(),
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = cls.lookup("__bool__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(self.type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r)))),
                    };
                }
                if let Some(m) = cls.lookup("__len__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    return Ok(self.index_value(&r)? != 0);
                }
                if !cls.builtin && !matches!(&*i.base.borrow(), Value::None) && cls.kind != crate::objects::Kind::BaseException {
                    let b = i.base.borrow().clone();
                    return self.truthy(&b);
                }
                true
            }
            _ => true,
        })
    }

    pub fn repr(&self, v: &Value) -> PyResult<String> {
        crate::objects::repr::repr(self, v)
    }
    pub fn str(&self, v: &Value) -> PyResult<String> {
        crate::objects::repr::str(self, v)
    }
    pub fn str_value(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            Value::Int(i) => Ok(Value::int_text(*i)),
            _ => Ok(Value::string(self.str(v)?)),
        }
    }

    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        use crate::objects::hash::*;
        Ok(match v {
            Value::None => 0x5f3759df,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => hash_int(*i),
            Value::Long(b) => hash_bigint(b),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.is_finite() && f.abs() < 9.2e18 {
                    hash_int(*f as i64)
                } else {
                    hash_float(*f)
                }
            }
            Value::Str(s) => s.hash(),
            Value::Bytes(b) => hash_bytes(b),
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.len());
                for x in t.iter() {
                    hs.push(self.hash(x)?);
                }
                hash_tuple(&hs)
            }
            Value::FrozenSet(s) => {
                let mut h: i64 = 0;
                for k in s.keys() {
                    h ^= k.hash.wrapping_mul(0x5bd1e995);
                }
                h
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_) | Value::Slice(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Instance(i) => {
                let cls = i.class();
                match cls.lookup("__hash__") {
                    Some(Value::None) => return Err(self.type_error(format!("unhashable type: '{}'", cls.name))),
                    Some(h) if !matches!(h, Value::Builtin(_)) => {
                        let r = self.call(&h, vec![v.clone()])?;
                        match r {
                            Value::Int(i) => {
                                if i == -1 {
                                    -2
                                } else {
                                    i
                                }
                            }
                            Value::Long(b) => hash_bigint(&b),
                            Value::Bool(b) => b as i64,
                            _ => return Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    _ => {
                        // A class defining __eq__ but not __hash__ is unhashable.
                        if cls
                            .mro_iter()
                            .take_while(|c| !c.builtin)
                            .any(|c| c.dict.borrow().contains_str("__eq__") && !c.dict.borrow().contains_str("__hash__"))
                        {
                            return Err(self.type_error(format!("unhashable type: '{}'", cls.name)));
                        }
                        let b = i.base.borrow().clone();
                        match b {
                            Value::None | Value::Tuple(_)
                                if cls.kind == crate::objects::Kind::BaseException || matches!(b, Value::None) =>
                            {
                                (Rc::as_ptr(i) as usize >> 4) as i64
                            }
                            other => self.hash(&other)?,
                        }
                    }
                }
            }
            // Consistent with `ops::builtin_eq` on bound methods: the
            // object's identity and the function's.
            Value::Method(m) => ((m.obj.ptr().unwrap_or(0) >> 4) ^ (m.func.ptr().unwrap_or(0) >> 4)) as i64,
            Value::Builtin(b) => match &b.bound {
                Some(obj) => ((obj.ptr().unwrap_or(0) >> 4) ^ (b.func as usize >> 4)) as i64,
                None => (v.ptr().unwrap_or(0) >> 4) as i64,
            },
            _ => (v.ptr().unwrap_or(0) >> 4) as i64,
        })
    }

    #[inline]
    pub fn key(&self, v: &Value) -> PyResult<Key> {
        Ok(Key {
            hash: self.key_hash(v)?,
            value: v.clone(),
        })
    }

    /// `key` of a value given up to it: no clone.
    #[inline]
    pub fn into_key(&self, v: Value) -> PyResult<Key> {
        Ok(Key {
            hash: self.key_hash(&v)?,
            value: v,
        })
    }

    /// A key's hash: ints and strs, the usual keys, without the call to
    /// `hash`.
    #[inline(always)]
    fn key_hash(&self, v: &Value) -> PyResult<i64> {
        match quick_hash(v) {
            Some(h) => Ok(h),
            None => self.hash(v),
        }
    }

    pub fn str_key(&self, s: &str) -> Key {
        Key {
            hash: crate::objects::hash::hash_str(s),
            value: Value::str(s),
        }
    }

    /// Python `==` as a bool.
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = ops::builtin_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, instr::op::EQ)?;
        self.truthy(&r)
    }

    pub fn len(&self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.borrow().len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len() as usize,
            Value::DictView(dv) => dv.0.borrow().len(),
            Value::Class(c) if c.meta_method("__len__").is_some() => {
                let m = c.meta_method("__len__").unwrap();
                let r = self.call(&m, vec![v.clone()])?;
                return Ok(self.index_value(&r)? as usize);
            }
            Value::Instance(i) => {
                if let Some(m) = i.class().lookup("__len__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    let n = self.index_value(&r)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
                let b = i.base.borrow().clone();
                if !matches!(b, Value::None) && i.class().kind != crate::objects::Kind::BaseException {
                    return self.len(&b);
                }
                return Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v))));
            }
            _ => return Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v)))),
        })
    }

    /// An int-like value as i64 (`__index__`).
    pub fn index_value(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Long(_) => Err(self.err(&self.types.exc.index_error, "cannot fit 'int' into an index-sized integer")),
            Value::Instance(i) => {
                if let Some(m) = i.class().lookup("__index__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    return self.index_value(&r);
                }
                let b = i.base.borrow().clone();
                if let Value::Int(_) | Value::Long(_) | Value::Bool(_) = b {
                    return self.index_value(&b);
                }
                Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v))))
            }
            _ => Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v)))),
        }
    }

    // ---- iteration

    pub fn iter(&self, v: &Value) -> PyResult<Value> {
        let st = match v {
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => IterState::Seq { seq: v.clone(), idx: 0 },
            Value::Str(s) => IterState::StrIter { s: s.clone(), byte: 0 },
            Value::Range(r) => IterState::Range {
                cur: r.start,
                step: r.step,
                left: r.len(),
            },
            Value::Dict(d) => IterState::DictKeys {
                dict: d.clone(),
                idx: 0,
                len: d.borrow().len(),
            },
            Value::Set(s) => IterState::Items {
                items: s.borrow().items(),
                idx: 0,
            },
            Value::FrozenSet(s) => IterState::Items { items: s.items(), idx: 0 },
            Value::DictView(dv) => match dv.1 {
                0 => IterState::DictKeys {
                    dict: dv.0.clone(),
                    idx: 0,
                    len: dv.0.borrow().len(),
                },
                1 => IterState::DictValues {
                    dict: dv.0.clone(),
                    idx: 0,
                    len: dv.0.borrow().len(),
                },
                _ => IterState::DictItems {
                    dict: dv.0.clone(),
                    idx: 0,
                    len: dv.0.borrow().len(),
                },
            },
            Value::Iter(_) | Value::Generator(_) | Value::File(_) => return Ok(v.clone()),
            Value::Class(c) if c.meta_method("__iter__").is_some() => {
                let m = c.meta_method("__iter__").unwrap();
                return self.call(&m, vec![v.clone()]);
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(m) = cls.lookup("__iter__") {
                    let it = self.call(&m, vec![v.clone()])?;
                    if !self.is_iterator(&it) {
                        return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(&it))));
                    }
                    return Ok(it);
                }
                if cls.lookup("__getitem__").is_some() {
                    return Ok(Value::Iter(Rc::new(RefCell::new(IterState::Seq { seq: v.clone(), idx: 0 }))));
                }
                let b = i.base.borrow().clone();
                if !matches!(b, Value::None) && cls.kind != crate::objects::Kind::BaseException {
                    return self.iter(&b);
                }
                return Err(self.type_error(format!("'{}' object is not iterable", cls.name)));
            }
            _ => return Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v)))),
        };
        Ok(Value::Iter(Rc::new(RefCell::new(st))))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) | Value::File(_) => true,
            Value::Instance(i) => i.class().lookup("__next__").is_some(),
            _ => false,
        }
    }

    /// The next item, or None when exhausted.
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(st) => crate::objects::iter::next(self, st),
            Value::Generator(g) => crate::vm::eval::gen_next(self, g),
            Value::File(f) => crate::modules::io::next_line(self, f),
            Value::Instance(i) => {
                let m = match i.class().lookup("__next__") {
                    Some(m) => m,
                    None => return Err(self.type_error(format!("'{}' object is not an iterator", i.class().name))),
                };
                match self.call(&m, vec![it.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.is_exc(&e, &self.types.exc.stop_iteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it)))),
        }
    }

    /// Collect an iterable into a Vec.
    pub fn to_vec(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        self.drain_iter(&it)
    }

    /// The items an iterator still has, in a Vec.
    pub fn drain_iter(&self, it: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        if let Value::Generator(g) = it {
            // Collecting runs no Python code: the generator is driven.
            crate::vm::eval::gen_drive(self, g, |x| {
                out.push(x);
                None
            })?;
            return Ok(out);
        }
        while let Some(x) = self.next(it)? {
            out.push(x);
        }
        Ok(out)
    }

    pub fn new_id(&self) -> u64 {
        let n = self.next_id.get() + 1;
        self.next_id.set(n);
        n
    }

    /// `__del__` of an instance whose last reference went away.
    pub fn run_finalizer(&self, del: Value, inst: Value) {
        let saved = self.handled.borrow().clone();
        if let Err(e) = self.call(&del, vec![inst.clone()]) {
            let msg = format!("Exception ignored in: {}\n", self.repr(&del).unwrap_or_default());
            let tb = exc::format_exception(self, &e.0);
            self.write_stderr(&(msg + &tb));
        }
        *self.handled.borrow_mut() = saved;
    }

    pub fn builtin_fn(&self, name: &'static str, owner: &'static str, f: crate::objects::BuiltinFn) -> Value {
        Value::Builtin(Rc::new(crate::objects::Builtin {
            name,
            func: f,
            owner,
            is_method: false,
            bound: None,
            fast: None,
        }))
    }

    pub fn call_args(&self, f: &Value, args: Args) -> PyResult<Value> {
        call::call(self, f, args)
    }
    pub fn call(&self, f: &Value, args: Vec<Value>) -> PyResult<Value> {
        call::call(self, f, Args::new(args))
    }

    /// Call obj.name(*args).
    pub fn call_method(&self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let m = self.getattr(obj, name)?;
        self.call(&m, args)
    }

    pub fn pystr(&self, s: &str) -> Rc<PyStr> {
        Rc::new(PyStr::new(s.to_string()))
    }
}

/// repr for the disassembler (no VM needed for constants).
pub fn repr_plain(v: &Value) -> String {
    match v {
        Value::Code(c) => format!("<code object {}>", c.name),
        _ => with_current(|vm| vm.repr(v).unwrap_or_default()),
    }
}

/// The hash of an int or str, inline (a str's is cached); None for other
/// values, which `Vm::hash` answers.
#[inline(always)]
pub fn quick_hash(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(crate::objects::hash::hash_int(*i)),
        Value::Str(s) => Some(s.hash()),
        _ => None,
    }
}
