//! Attribute access: descriptors, instance dicts, `__getattr__`, and method binding.

use std::cell::Cell;
use std::rc::Rc;

use crate::objects::{class_epoch, Builtin, Class, Function, Instance, Kind, Special};
use crate::value::{PyStr, Value};
use crate::vm::code::{AttrCache, AttrWays};
use crate::vm::{exc, PyErr, PyResult, Vm};

/// `AttrCache::func` of a load or store cache: the fast path applies.
const FAST: usize = 0;
/// `AttrCache::func` of a load or store cache: it does not (so the slow
/// path need not learn again until the class or the epoch changes).
const SLOW: usize = 1;
// Any other `func` of a load cache: the address of what the class gives
// for the name, to be bound when the instance dict lacks it. Its `index`
// says what that is:
/// a plain function (`Rc<Function>`), bound as a method;
pub const BINDS_FUNC: u32 = 0;
/// a built-in method (`Rc<Builtin>`, unbound), bound as `Vm::bind` does.
pub const BINDS_BUILTIN: u32 = 1;

/// `AttrCache::class` of a module attribute's entry (no class is at this
/// address); its `epoch` is then the module dict's keys version.
const MODULE: usize = usize::MAX;

/// The address of an instance's class, as the attribute caches key it.
#[inline(always)]
fn class_addr(inst: &Instance) -> usize {
    // SAFETY: only the class pointer is read, and nothing runs while it
    // is; a class being replaced right now (`__class__` assignment holds
    // the borrow) is refused and gives 0, which no cache entry has.
    match unsafe { inst.class.try_borrow_unguarded() } {
        Ok(cls) => Rc::as_ptr(cls) as usize,
        Err(_) => 0,
    }
}

/// The answer `cache` holds for the class at address `class` at this
/// epoch, of the kind `builtin` says, if any, and the way it is in.
#[inline(always)]
fn cache_find(cache: &AttrWays, class: usize, builtin: bool) -> Option<(&Cell<AttrCache>, AttrCache)> {
    let epoch = class_epoch();
    cache
        .ways
        .iter()
        .map(|w| (w, w.get()))
        .find(|(_, c)| c.class == (class | usize::from(builtin)) && c.epoch == epoch)
}

/// The answer `cache` holds for `inst`'s class at this epoch, if any.
#[inline(always)]
fn cache_hit<'a>(cache: &'a AttrWays, inst: &Instance) -> Option<(&'a Cell<AttrCache>, AttrCache)> {
    cache_find(cache, class_addr(inst), false)
}

/// LOAD_ATTR's hit, inline (`getattr_cached_slow` does the rest): an
/// instance attribute found where the cache says.
#[inline(always)]
pub fn cached_hit(obj: &Value, cache: &AttrWays) -> Option<Value> {
    if let Value::Instance(inst) = obj {
        if let Some((_, c)) = cache_hit(cache, inst) {
            if c.func == FAST {
                // SAFETY: the dict is only read (one value cloned: an `Rc`
                // increment) and nothing runs meanwhile; one borrowed
                // mutably right now is refused, and the slow path answers.
                let dict = unsafe { inst.dict.try_borrow_unguarded() }.ok()?;
                return dict.value_at_if_name(c.index as usize, cache.name);
            }
        }
    }
    None
}

/// STORE_ATTR's hit, inline: `v` replaces the value of an instance
/// attribute found where the cache says, or, out of line, is appended
/// there if that is the dict's end (where this class's instances keep the
/// name, `names[idx]`: the class's `inst_attrs` already counts that
/// position, `setattr_cached_slow` set it when it cached it). `v` comes
/// back when the cache does not answer (`Vm::setattr_cached_slow` does
/// the rest).
#[inline(always)]
pub fn store_hit(obj: &Value, v: Value, cache: &AttrWays, names: &[Value], idx: u32) -> Result<(), Value> {
    if let Value::Instance(inst) = obj {
        if let Some((_, c)) = cache_hit(cache, inst) {
            if c.func == FAST {
                if let Ok(mut d) = inst.dict.try_borrow_mut() {
                    return match d.replace_at_if_name(c.index as usize, cache.name, v) {
                        Ok(old) => {
                            // The old value dies after the dict is released.
                            drop(d);
                            old.release();
                            Ok(())
                        }
                        Err(v) => append_named(&mut d, c.index as usize, names, idx, v),
                    };
                }
            }
        }
    }
    Err(v)
}

/// `store_hit`'s append: `names[idx]` with value `v` at position `at` of
/// `d`, if that is its end and the name is certainly absent.
#[inline(never)]
fn append_named(d: &mut crate::objects::Dict, at: usize, names: &[Value], idx: u32, v: Value) -> Result<(), Value> {
    match names.get(idx as usize) {
        Some(Value::Str(name)) => d.append_at(at, name, v),
        _ => Err(v),
    }
}

/// LOAD_METHOD's hit, inline, without the name: the function `obj`'s
/// class gives for it, when `obj` is an instance whose dict cannot shadow
/// it. A method cache entry of an instance's class keeps the name's bit
/// (`Dict::lacks_bit`) as its `index`; a dict that has held a key of that
/// bit goes the slow way, which looks the name up.
#[inline(always)]
pub fn method_hit(obj: &Value, cache: &AttrWays) -> Option<Rc<Function>> {
    let Value::Instance(inst) = obj else { return None };
    let (_, c) = cache_hit(cache, inst)?;
    if c.func == 0 {
        return None;
    }
    // SAFETY: only the dict's key bits are read, and nothing runs
    // meanwhile; one borrowed mutably right now is refused.
    let dict = unsafe { inst.dict.try_borrow_unguarded() }.ok()?;
    if !dict.lacks_bit(c.index) {
        return None;
    }
    // SAFETY: the entry matched at this epoch, and `c.func` is the
    // address of the function the class's lookup gave then.
    Some(unsafe { revive::<Function>(c.func) })
}

/// The address of the built-in method a method `cache` holds for values
/// of the built-in type `cls` (`Vm::builtin_method_cached` fills it), if
/// any. The entry matched at this epoch, so it is the `Rc<Builtin>` the
/// type's lookup gave then, which the type's dict still holds: `revive`
/// may make a reference of it.
#[inline(always)]
fn builtin_entry(cache: &AttrWays, cls: &Rc<Class>) -> Option<usize> {
    let (_, c) = cache_find(cache, Rc::as_ptr(cls) as usize, true)?;
    (c.func != 0).then_some(c.func)
}

/// Size the next instance dicts of `inst`'s class for `n` attributes (up
/// to `INST_ATTRS_MAX`), `inst` having that many now.
#[inline]
fn size_for(inst: &Instance, n: usize) {
    let n = n.min(crate::objects::INST_ATTRS_MAX) as u8;
    if let Ok(cls) = inst.class.try_borrow() {
        if cls.inst_attrs.get() < n {
            cls.inst_attrs.set(n);
        }
    }
}

/// A new strong reference to the object at `addr`, which a method cache
/// recorded with `Rc::as_ptr`.
///
/// # Safety
/// The cache entry must match at the current class epoch: then the class
/// dict that held the object when it was cached has not changed (every
/// change to a class dict and every class's death moves the epoch), so it
/// still holds a strong reference and the object is alive.
#[inline(always)]
unsafe fn revive<T>(addr: usize) -> Rc<T> {
    let p = addr as *const T;
    Rc::increment_strong_count(p);
    Rc::from_raw(p)
}

/// Whether `cls` keeps `object.__getattribute__` (no override of its own).
#[inline]
fn generic_getattribute(cls: &Rc<Class>) -> bool {
    matches!(cls.special(Special::GetAttribute), None | Some(Value::Builtin(_)))
}

/// Record an answer for `cls`: over its stale one if it has one, else in
/// the next way round.
fn remember(cache: &AttrWays, cls: &Rc<Class>, func: usize) {
    remember_as(cache, cls, func, 0, false)
}

/// `remember` with the entry's `index` and `builtin` given.
fn remember_as(cache: &AttrWays, cls: &Rc<Class>, func: usize, index: u32, builtin: bool) {
    let class = Rc::as_ptr(cls) as usize | usize::from(builtin);
    let slot = match cache.ways.iter().position(|c| c.get().class == class) {
        Some(i) => i,
        None => {
            let i = usize::from(cache.next.get()) % cache.ways.len();
            cache.next.set(((i + 1) % cache.ways.len()) as u8);
            i
        }
    };
    cache.ways[slot].set(AttrCache {
        class,
        epoch: class_epoch(),
        func,
        index,
    });
}

impl Vm {
    /// LOAD_ATTR with the instruction's cache (`vm::code::AttrCaches`),
    /// when its hit (`cached_hit`, inline at the instruction) did not
    /// answer: for an instance whose class has the generic
    /// `__getattribute__` and no attribute of that name, the instance dict
    /// is the answer when it has the name; everything else takes
    /// `getattr_h`.
    #[inline(never)]
    pub fn getattr_cached_slow(&self, obj: &Value, name: &str, h: i64, cache: &AttrWays) -> PyResult<Value> {
        let inst = match obj {
            Value::Instance(inst) => inst,
            Value::Module(m) => return self.module_getattr_cached(obj, m, name, h, cache),
            _ => return self.getattr_h(obj, name, h),
        };
        if let Some((way, c)) = cache_hit(cache, inst) {
            if c.func == FAST {
                // Not at the cached position (`cached_hit` looked): find
                // it, and cache where it is.
                if let Some((i, v)) = inst.dict.borrow().get_full_str_h(name, h) {
                    way.set(AttrCache { index: i as u32, ..c });
                    return Ok(v);
                }
            } else if c.func != SLOW && !inst.dict.borrow().contains_str_h(name, h) {
                if c.index == BINDS_BUILTIN {
                    // SAFETY: the entry matched at this epoch, and `c.func`
                    // is the address of the built-in method the class's
                    // lookup gave then.
                    let b = unsafe { revive::<Builtin>(c.func) };
                    return Ok(self.bind(&Value::Builtin(b), obj));
                }
                // SAFETY: the entry matched at this epoch, and `c.func` is the
                // address of the function the class's lookup gave then.
                let func = unsafe { revive::<Function>(c.func) };
                return Ok(Value::method(Value::Func(func), obj.clone()));
            }
            return self.getattr_h(obj, name, h);
        }
        let v = self.getattr_h(obj, name, h)?;
        let cls = inst.class();
        // The fact, and the entry's index: a FAST entry's position hint
        // starts at 0; an address entry's says what it is the address of.
        let (fact, index) = if !generic_getattribute(&cls) {
            (SLOW, 0)
        } else {
            match cls.lookup(name) {
                None => (FAST, 0),
                // A plain function or an unbound built-in method binds to
                // the instance unless its dict shadows it.
                Some(Value::Func(f)) => (Rc::as_ptr(&f) as usize, BINDS_FUNC),
                Some(Value::Builtin(b)) if b.is_method && b.bound.is_none() => (Rc::as_ptr(&b) as usize, BINDS_BUILTIN),
                Some(_) => (SLOW, 0),
            }
        };
        remember_as(cache, &cls, fact, index, false);
        Ok(v)
    }

    /// A module's attribute, found where `cache` saw it last while the
    /// module dict's keys version is the one recorded (one way; module
    /// entries are keyed by `MODULE` in place of a class address).
    fn module_getattr_cached(&self, obj: &Value, m: &crate::objects::Module, name: &str, h: i64, cache: &AttrWays) -> PyResult<Value> {
        let way = &cache.ways[0];
        let c = way.get();
        {
            let d = m.dict.borrow();
            if c.class == MODULE && c.epoch == d.version() {
                if let Some(v) = d.value_at(c.index as usize) {
                    return Ok(v);
                }
            }
            if let Some((i, v)) = d.get_full_str_h(name, h) {
                if let Ok(index) = u32::try_from(i) {
                    way.set(AttrCache {
                        class: MODULE,
                        epoch: d.version(),
                        func: 0,
                        index,
                    });
                }
                return Ok(v);
            }
        }
        self.getattr_h(obj, name, h)
    }

    /// STORE_ATTR with the instruction's cache (a plain store into the
    /// instance dict when the class allows one: see `plain_store`), when
    /// `store_hit` did not store.
    #[inline(never)]
    pub fn setattr_cached_slow(&self, obj: &Value, name: &Rc<PyStr>, v: Value, cache: &AttrWays) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            match cache_hit(cache, inst) {
                Some((way, c)) if c.func == FAST => {
                    // Not at the cached position (`store_hit` looked):
                    // stored by name, and where it is cached.
                    let old = {
                        let mut d = inst.dict.borrow_mut();
                        let (i, old) = match d.push_absent_name(name, v) {
                            Ok(i) => (i, None),
                            Err(v) => d.insert_full(crate::objects::dict::Key::name(name), v),
                        };
                        way.set(AttrCache { index: i as u32, ..c });
                        size_for(inst, d.len());
                        old
                    };
                    // The old value dies after the dict is released.
                    if let Some(old) = old {
                        old.release();
                    }
                    return Ok(());
                }
                Some(_) => {}
                None => {
                    let cls = inst.class();
                    let fast = self.plain_store(&cls, name.as_str());
                    remember(cache, &cls, if fast { FAST } else { SLOW });
                }
            }
        }
        self.setattr_named(obj, name, v)
    }

    /// The built-in method a list's LOAD_METHOD cache holds (`append`,
    /// `pop`). For LOAD_METHOD after another instruction
    /// (`self.queue.pop(0)`), where the object is often a list;
    /// LoadFastMethod's calls are mostly of instances. (Every common
    /// built-in type here, through `common_type`, made `step` compile
    /// worse: fib +6% CPU time for no instruction more.)
    #[inline(always)]
    pub fn list_method_hit(&self, obj: &Value, cache: &AttrWays) -> Option<Rc<Builtin>> {
        let Value::List(_) = obj else { return None };
        // SAFETY: see `builtin_entry`.
        builtin_entry(cache, &self.types.list).map(|b| unsafe { revive::<Builtin>(b) })
    }

    /// The built-in method LOAD_METHOD's `cache` holds for `obj`, a value
    /// of one of the usual built-in types (`common_type`).
    #[inline]
    pub fn builtin_method_hit(&self, obj: &Value, cache: &AttrWays) -> Option<Rc<Builtin>> {
        // SAFETY: see `builtin_entry`.
        builtin_entry(cache, self.common_type(obj)?).map(|b| unsafe { revive::<Builtin>(b) })
    }

    /// LOAD_METHOD with the instruction's cache, when its hits
    /// (`method_hit`, `list_method_hit`) did not answer: the class's plain
    /// function for the name, unless the instance dict shadows it (None:
    /// an attribute load answers).
    #[inline]
    pub fn lookup_method_cached_slow(&self, obj: &Value, name: &str, h: i64, cache: &AttrWays) -> PyResult<Option<Value>> {
        let Value::Instance(inst) = obj else {
            return self.builtin_method_cached(obj, name, h, cache);
        };
        if let Some((_, c)) = cache_hit(cache, inst) {
            if c.func == 0 {
                return self.lookup_method_h(obj, name, h);
            }
            if inst.dict.borrow().get_str_h(name, h).is_some() {
                return Ok(None);
            }
            // SAFETY: the entry matched at this epoch, and `c.func` is the
            // address of the function the class's lookup gave then.
            return Ok(Some(Value::Func(unsafe { revive::<Function>(c.func) })));
        }
        let found = self.lookup_method_h(obj, name, h)?;
        let cls = inst.class();
        let func = match cls.lookup(name) {
            Some(Value::Func(f)) if generic_getattribute(&cls) => Rc::as_ptr(&f) as usize,
            _ => 0,
        };
        // The entry's `index` is the name's hash bit (see `method_hit`).
        remember_as(cache, &cls, func, crate::objects::dict::hash_bit_index(h), false);
        Ok(found)
    }

    /// The fast form of the built-in method that LOAD_METHOD's `cache`
    /// holds for `obj`, a value of one of the usual built-in types (filled
    /// by `builtin_method_cached`): for a fused call, which needs no method
    /// object. None on a miss, for the instructions to fill the cache.
    #[inline]
    pub fn cached_builtin_fast(&self, obj: &Value, cache: &AttrWays) -> Option<crate::objects::FastFn> {
        let b = builtin_entry(cache, self.common_type(obj)?)?;
        // SAFETY: see `builtin_entry`; it is only read.
        let b = unsafe { &*(b as *const Builtin) };
        if b.bound.is_some() {
            return None;
        }
        b.fast
    }

    /// The type of `obj` if it is one of the usual receivers of built-in
    /// methods, borrowed (no `Rc` clone): method caches key them by address.
    #[inline(always)]
    fn common_type(&self, obj: &Value) -> Option<&Rc<Class>> {
        let t = &self.types;
        Some(match obj {
            Value::Str(_) => &t.str_,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Tuple(_) => &t.tuple,
            Value::Bytes(_) => &t.bytes,
            _ => return None,
        })
    }

    /// LOAD_METHOD on a value of a built-in type (a list's `append`, a
    /// str's `split`): the answer depends on the type and the name only.
    fn builtin_method_cached(&self, obj: &Value, name: &str, h: i64, cache: &AttrWays) -> PyResult<Option<Value>> {
        if matches!(obj, Value::Class(_) | Value::Module(_) | Value::Super(_) | Value::Func(_)) {
            return Ok(None);
        }
        let class = match self.common_type(obj) {
            Some(cls) => Rc::as_ptr(cls) as usize,
            None => Rc::as_ptr(&self.type_of(obj)) as usize,
        };
        if let Some((_, c)) = cache_find(cache, class, true) {
            if c.func == 0 {
                return Ok(None);
            }
            // SAFETY: the entry matched at this epoch, and `c.func` is the
            // address of the built-in method the type's lookup gave then.
            return Ok(Some(Value::Builtin(unsafe { revive::<Builtin>(c.func) })));
        }
        let cls = self.type_of(obj);
        let found = self.lookup_method_h(obj, name, h)?;
        let func = match &found {
            Some(Value::Builtin(b)) => Rc::as_ptr(b) as usize,
            _ => 0,
        };
        remember_as(cache, &cls, func, 0, true);
        Ok(found)
    }

    /// Whether storing `name` on an instance of `cls` is a plain store into
    /// its dict: no `__setattr__` of its own, no data descriptor of that
    /// name, not an exception (whose attributes are special), and allowed
    /// by `__slots__`.
    fn plain_store(&self, cls: &Rc<Class>, name: &str) -> bool {
        let plain_setattr = matches!(cls.special(Special::SetAttr), Some(Value::Builtin(_)) | None);
        let data_descr = match cls.lookup(name) {
            Some(Value::Property(_)) => true,
            Some(Value::Instance(i)) => i.class().lookup("__set__").is_some(),
            _ => false,
        };
        plain_setattr && !data_descr && cls.kind != Kind::BaseException && name != "__class__" && !self.slots_forbid(cls, name)
    }
}

impl Vm {
    /// Bind a class attribute found by lookup to `obj`, as descriptors do.
    pub fn bind(&self, attr: &Value, obj: &Value) -> Value {
        match attr {
            Value::Func(_) => Value::method(attr.clone(), obj.clone()),
            Value::Builtin(b) if b.is_method && b.bound.is_none() => Value::Builtin(Rc::new(Builtin {
                name: b.name,
                func: b.func,
                owner: b.owner,
                is_method: true,
                bound: Some(obj.clone()),
                // (`call_builtin_fast` puts the bound object first.)
                fast: b.fast,
            })),
            Value::StaticMethod(f) => (**f).clone(),
            Value::ClassMethod(f) => Value::method((**f).clone(), Value::Class(self.type_of(obj))),
            _ => attr.clone(),
        }
    }

    /// A special method looked up on the type (not the instance), unbound.
    pub fn lookup_special(&self, obj: &Value, name: &str) -> Option<Value> {
        self.type_of(obj).lookup(name)
    }

    /// For LOAD_METHOD: the unbound function if `obj.name` is a plain method
    /// found on the type and not shadowed by the instance.
    /// `lookup_method` with the name's hash known (LOAD_METHOD passes the
    /// code name's cached one).
    pub fn lookup_method(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.lookup_method_h(obj, name, crate::objects::hash::hash_str(name))
    }

    pub fn lookup_method_h(&self, obj: &Value, name: &str, h: i64) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        match obj {
            Value::Instance(i) => {
                if !generic_getattribute(&cls) {
                    return Ok(None);
                }
                match cls.lookup(name) {
                    Some(f @ Value::Func(_)) => {
                        if i.dict.borrow().get_str_h(name, h).is_some() {
                            return Ok(None);
                        }
                        Ok(Some(f))
                    }
                    Some(b @ Value::Builtin(_)) if matches!(&b, Value::Builtin(x) if x.is_method) => {
                        if i.dict.borrow().get_str_h(name, h).is_some() {
                            return Ok(None);
                        }
                        Ok(Some(b))
                    }
                    _ => Ok(None),
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Super(_) | Value::Func(_) => Ok(None),
            _ => match cls.lookup(name) {
                Some(b @ Value::Builtin(_)) if matches!(&b, Value::Builtin(x) if x.is_method) => Ok(Some(b)),
                _ => Ok(None),
            },
        }
    }

    pub fn getattr(&self, obj: &Value, name: &str) -> PyResult<Value> {
        self.getattr_h(obj, name, crate::objects::hash::hash_str(name))
    }

    /// `getattr` with the name's hash known (LOAD_ATTR passes the code
    /// name's cached one, so instance dicts are probed without rehashing).
    pub fn getattr_h(&self, obj: &Value, name: &str, h: i64) -> PyResult<Value> {
        match self.getattr_inner_h(obj, name, h)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// None when the attribute does not exist (AttributeError swallowed).
    pub fn getattr_opt(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr_inner(obj, name) {
            Ok(v) => Ok(v),
            Err(e) if self.is_exc(&e, &self.types.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), name),
        };
        self.attr_error(msg)
    }

    fn getattr_inner(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.getattr_inner_h(obj, name, crate::objects::hash::hash_str(name))
    }

    fn getattr_inner_h(&self, obj: &Value, name: &str, h: i64) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(ga) = cls.special(Special::GetAttribute) {
                    if !matches!(ga, Value::Builtin(_)) {
                        return match self.call(&ga, vec![obj.clone(), Value::str(name)]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.is_exc(&e, &self.types.exc.attribute_error) => self.getattr_fallback(obj, &cls, name, e),
                            Err(e) => Err(e),
                        };
                    }
                }
                if let Some(v) = self.generic_getattr_h(obj, name, h)? {
                    return Ok(Some(v));
                }
                if let Some(ga) = cls.special(Special::GetAttr) {
                    return Ok(Some(self.call(&ga, vec![obj.clone(), Value::str(name)])?));
                }
                let _ = inst;
                Ok(None)
            }
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                if let Some(v) = m.dict.borrow().get_str_h(name, h) {
                    return Ok(Some(v));
                }
                match name {
                    "__dict__" => Ok(Some(Value::Dict(m.dict.clone()))),
                    "__class__" => Ok(Some(Value::Class(self.types.module.clone()))),
                    _ => {
                        if let Some(ga) = m.dict.borrow().get_str("__getattr__") {
                            return Ok(Some(self.call(&ga, vec![Value::str(name)])?));
                        }
                        Ok(None)
                    }
                }
            }
            Value::Super(s) => {
                let start = match &s.obj {
                    Value::Class(c) if s.of_type => c.clone(),
                    o => self.type_of(o),
                };
                let mut found = false;
                for c in start.mro_iter() {
                    if found {
                        if let Some(v) = c.dict.borrow().get_str(name) {
                            let v = match (&v, s.of_type) {
                                (Value::ClassMethod(f), true) => return Ok(Some(Value::method((**f).clone(), s.obj.clone()))),
                                (Value::Func(_), true) => v.clone(),
                                (Value::Builtin(b), true) if b.name == "__new__" => v.clone(),
                                (Value::Property(p), false) => return Ok(Some(self.call(&p.fget, vec![s.obj.clone()])?)),
                                _ => {
                                    if s.of_type {
                                        self.bind_class_attr(&v, &start)
                                    } else {
                                        self.bind(&v, &s.obj)
                                    }
                                }
                            };
                            return Ok(Some(v));
                        }
                    } else if Rc::ptr_eq(c, &s.class) {
                        found = true;
                    }
                }
                if name == "__class__" {
                    return Ok(Some(Value::Class(self.types.super_.clone())));
                }
                Ok(None)
            }
            _ => {
                if let Some(v) = crate::objects::attrs::special_attr(self, obj, name)? {
                    return Ok(Some(v));
                }
                let cls = self.type_of(obj);
                match cls.lookup(name) {
                    Some(d) => Ok(Some(self.descriptor_get(&d, obj, &cls)?)),
                    None => Ok(None),
                }
            }
        }
    }

    /// object.__getattribute__: descriptors, the instance dict, the class.
    pub fn generic_getattr(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.generic_getattr_h(obj, name, crate::objects::hash::hash_str(name))
    }

    fn generic_getattr_h(&self, obj: &Value, name: &str, h: i64) -> PyResult<Option<Value>> {
        let Value::Instance(inst) = obj else {
            return self.getattr_inner_h(obj, name, h);
        };
        let cls = inst.class();
        let descr = cls.lookup(name);
        if let Some(d) = &descr {
            if let Some(v) = self.data_descriptor_get(d, obj, &cls)? {
                return Ok(Some(v));
            }
        }
        if let Some(v) = inst.dict.borrow().get_str_h(name, h) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return Ok(Some(self.descriptor_get(&d, obj, &cls)?));
        }
        match name {
            "__class__" => return Ok(Some(Value::Class(cls))),
            "__dict__" => {
                return match inst.dict.share() {
                    Some(d) => Ok(Some(Value::Dict(d))),
                    None => Err(self.err(&self.types.exc.runtime_error, "instance dictionary in use".to_string())),
                }
            }
            _ => {}
        }
        if cls.kind == Kind::BaseException {
            if let Some(v) = exc::exception_attr(self, obj, inst, name) {
                return Ok(Some(v));
            }
        }
        // Attributes of the built-in value inside (int subclass .real, ...).
        let base = inst.base.borrow().clone();
        if !matches!(base, Value::None) && cls.kind != Kind::BaseException {
            if let Some(v) = crate::objects::attrs::special_attr(self, &base, name)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    fn getattr_fallback(&self, obj: &Value, cls: &Rc<Class>, name: &str, e: PyErr) -> PyResult<Option<Value>> {
        if let Some(ga) = cls.special(Special::GetAttr) {
            return Ok(Some(self.call(&ga, vec![obj.clone(), Value::str(name)])?));
        }
        Err(e)
    }

    fn bind_class_attr(&self, v: &Value, cls: &Rc<Class>) -> Value {
        match v {
            Value::ClassMethod(f) => Value::method((**f).clone(), Value::Class(cls.clone())),
            Value::StaticMethod(f) => (**f).clone(),
            _ => v.clone(),
        }
    }

    pub fn class_getattr(&self, c: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
        for k in c.mro_iter() {
            if let Some(v) = k.dict.borrow().get_str(name) {
                if let Value::Instance(i) = &v {
                    if let Some(get) = i.class().lookup("__get__") {
                        return Ok(Some(self.call(&get, vec![v.clone(), Value::None, Value::Class(c.clone())])?));
                    }
                }
                return Ok(Some(self.bind_class_attr(&v, c)));
            }
        }
        let meta = c.meta.borrow().clone();
        if let Some(m) = meta {
            if let Some(v) = m.lookup(name) {
                return Ok(Some(match v {
                    Value::Property(p) => self.call(&p.fget, vec![Value::Class(c.clone())])?,
                    other => self.bind(&other, &Value::Class(c.clone())),
                }));
            }
        }
        Ok(match name {
            "__name__" => Some(Value::str(&c.name)),
            "__qualname__" => Some(Value::str(&c.qualname.borrow())),
            "__module__" => Some(Value::str(&c.module.borrow())),
            "__doc__" => Some(Value::None),
            "__dict__" => Some(Value::dict(c.dict.borrow().clone())),
            "__bases__" => Some(Value::tuple(c.bases.iter().map(|b| Value::Class(b.clone())).collect())),
            "__base__" => Some(c.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None)),
            "__mro__" => Some(Value::tuple(c.mro_iter().map(|b| Value::Class(b.clone())).collect())),
            "__class__" => Some(Value::Class(self.types.type_.clone())),
            _ => {
                // Methods of `type` itself (mro, __subclasses__...).
                self.types.type_.lookup(name).map(|v| self.bind(&v, &Value::Class(c.clone())))
            }
        })
    }

    /// Property and user data descriptors take precedence over the instance dict.
    fn data_descriptor_get(&self, d: &Value, obj: &Value, cls: &Rc<Class>) -> PyResult<Option<Value>> {
        match d {
            Value::Property(p) => {
                if p.fget.is_none() {
                    return Err(self.attr_error(format!("property of '{}' object has no getter", cls.name)));
                }
                Ok(Some(self.call(&p.fget, vec![obj.clone()])?))
            }
            Value::Instance(i) => {
                let dc = i.class();
                if dc.lookup("__set__").is_some() || dc.lookup("__delete__").is_some() {
                    if let Some(get) = dc.lookup("__get__") {
                        return Ok(Some(self.call(&get, vec![d.clone(), obj.clone(), Value::Class(cls.clone())])?));
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    pub(crate) fn descriptor_get(&self, d: &Value, obj: &Value, cls: &Rc<Class>) -> PyResult<Value> {
        match d {
            Value::Instance(i) => {
                if let Some(get) = i.class().lookup("__get__") {
                    return self.call(&get, vec![d.clone(), obj.clone(), Value::Class(cls.clone())]);
                }
                Ok(d.clone())
            }
            Value::Property(p) => self.call(&p.fget, vec![obj.clone()]),
            _ => Ok(self.bind(d, obj)),
        }
    }

    /// With `__slots__` on every user class of the MRO (and no `__dict__` slot),
    /// instances take only the slot names.
    fn slots_forbid(&self, cls: &Rc<Class>, name: &str) -> bool {
        cls.memo_slots_forbid(name, || self.slots_forbid_uncached(cls, name))
    }

    fn slots_forbid_uncached(&self, cls: &Rc<Class>, name: &str) -> bool {
        if !cls.dict.borrow().contains_str("__slots__") {
            return false;
        }
        for c in cls.mro_iter().take_while(|c| !c.builtin) {
            let slots = match c.dict.borrow().get_str("__slots__") {
                Some(s) => s,
                None => return false,
            };
            let allows = |n: &Value| n.as_str().is_some_and(|n| n == name || n == "__dict__");
            let allowed = match &slots {
                Value::Str(_) => allows(&slots),
                // The usual spellings, read in place (this runs on every
                // attribute store of a slotted class).
                Value::Tuple(t) => t.iter().any(allows),
                Value::List(l) => l.borrow().iter().any(allows),
                other => match self.to_vec(other) {
                    Ok(v) => v.iter().any(allows),
                    Err(_) => return false,
                },
            };
            if allowed {
                return false;
            }
        }
        true
    }

    /// STORE_ATTR with the code object's interned name: a plain instance
    /// attribute is stored without allocating a new key string.
    pub fn setattr_named(&self, obj: &Value, name: &Rc<crate::value::PyStr>, v: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            let cls = inst.class();
            if self.plain_store(&cls, name.as_str()) {
                let old = {
                    let mut d = inst.dict.borrow_mut();
                    let old = d.insert(crate::objects::dict::Key::name(name), v);
                    // (A class whose instances get one attribute, stored at
                    // the cached position 0 from then on, learns it here.)
                    size_for(inst, d.len());
                    old
                };
                // The old value dies after the dict is released.
                drop(old);
                return Ok(());
            }
        }
        self.setattr(obj, name.as_str(), v)
    }

    pub fn setattr(&self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(sa) = cls.special(Special::SetAttr) {
                    if !matches!(sa, Value::Builtin(_)) {
                        self.call(&sa, vec![obj.clone(), Value::str(name), v])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(obj, name, v)
            }
            Value::Class(c) => {
                if c.builtin {
                    return Err(self.type_error(format!("cannot set '{}' attribute of immutable type '{}'", name, c.name)));
                }
                match name {
                    "__qualname__" => *c.qualname.borrow_mut() = self.str(&v)?,
                    "__module__" => *c.module.borrow_mut() = self.str(&v)?,
                    _ => {}
                }
                let _old = c.dict.borrow_mut().insert(self.str_key(name), v);
                Ok(())
            }
            Value::Module(m) => {
                let _old = m.dict.borrow_mut().insert(self.str_key(name), v);
                Ok(())
            }
            Value::Func(f) => {
                match name {
                    "__name__" => *f.name.borrow_mut() = self.str(&v)?,
                    "__qualname__" => *f.qualname.borrow_mut() = self.str(&v)?,
                    "__doc__" => *f.doc.borrow_mut() = v,
                    "__defaults__" => {
                        *f.defaults.borrow_mut() = if v.is_none() { vec![] } else { self.to_vec(&v)? };
                    }
                    _ => {
                        let mut d = f.dict.borrow_mut();
                        let d = d.get_or_insert_with(|| Rc::new(std::cell::RefCell::new(crate::objects::Dict::new())));
                        let _old = d.borrow_mut().insert(self.str_key(name), v);
                    }
                }
                Ok(())
            }
            _ => Err(self.attr_error(format!("'{}' object has no attribute '{}'", self.type_name(obj), name))),
        }
    }

    /// object.__setattr__: descriptors, then the instance dict.
    pub fn generic_setattr(&self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let Value::Instance(inst) = obj else {
            return self.setattr(obj, name, v);
        };
        let cls = inst.class();
        if let Some(d) = cls.lookup(name) {
            match &d {
                Value::Property(p) => {
                    if p.fset.is_none() {
                        return Err(self.attr_error(format!("property '{}' of '{}' object has no setter", name, cls.name)));
                    }
                    self.call(&p.fset, vec![obj.clone(), v])?;
                    return Ok(());
                }
                Value::Instance(i) => {
                    if let Some(set) = i.class().lookup("__set__") {
                        self.call(&set, vec![d.clone(), obj.clone(), v])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if name == "__class__" {
            if let Value::Class(c) = v {
                *inst.class.borrow_mut() = c;
                return Ok(());
            }
            return Err(self.type_error("__class__ must be set to a class"));
        }
        if cls.kind == Kind::BaseException && exc::set_exception_attr(self, inst, name, &v) {
            return Ok(());
        }
        if self.slots_forbid(&cls, name) {
            return Err(self.no_attribute(obj, name));
        }
        let key = self.str_key(name);
        let _old = inst.dict.borrow_mut().insert(key, v);
        Ok(())
    }

    pub fn delattr(&self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(da) = cls.lookup("__delattr__") {
                    if !matches!(da, Value::Builtin(_)) {
                        self.call(&da, vec![obj.clone(), Value::str(name)])?;
                        return Ok(());
                    }
                }
                self.generic_delattr(obj, name)
            }
            Value::Class(c) => {
                if c.dict.borrow_mut().remove_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Module(m) => {
                if m.dict.borrow_mut().remove_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn generic_delattr(&self, obj: &Value, name: &str) -> PyResult<()> {
        let Value::Instance(inst) = obj else {
            return self.delattr(obj, name);
        };
        let cls = inst.class();
        if let Some(d) = cls.lookup(name) {
            match &d {
                Value::Property(p) => {
                    if p.fdel.is_none() {
                        return Err(self.attr_error(format!("property '{}' of '{}' object has no deleter", name, cls.name)));
                    }
                    self.call(&p.fdel, vec![obj.clone()])?;
                    return Ok(());
                }
                Value::Instance(i) => {
                    if let Some(del) = i.class().lookup("__delete__") {
                        self.call(&del, vec![d.clone(), obj.clone()])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let old = inst.dict.borrow_mut().remove_str(name);
        if old.is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }
}
