//! Heap objects behind `Value`'s pointer variants.

pub mod dict;
pub mod hash;
pub mod set;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub use dict::{Dict, Set};

use crate::value::{PyStr, Value};
use crate::vm::code::Code;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

/// Which built-in type a class is, or derives its instance layout from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Generator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Code,
    Cell,
    File,
    BaseException,
}

pub struct Class {
    pub name: String,
    pub qualname: RefCell<String>,
    pub module: RefCell<String>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself (C3).
    pub mro: Vec<Rc<Class>>,
    pub dict: ClassDict,
    /// What `lookup` found for each name, valid while no class dict has
    /// changed since (see `ClassDict`).
    pub cache: RefCell<LookupCache>,
    /// The built-in layout its instances have.
    pub kind: Kind,
    /// True for the built-in types themselves (not user subclasses).
    pub builtin: bool,
    /// The file the class was defined in (probes report it).
    pub filename: String,
    /// `name` and `filename` NUL-terminated, made once with the class, for
    /// the instance and exception probes.
    pub c_name: std::ffi::CString,
    pub c_filename: std::ffi::CString,
    /// The metaclass, when it is not `type`.
    pub meta: RefCell<Option<Rc<Class>>>,
    /// How many attributes an instance dict of this class has reached (at
    /// most `INST_ATTRS_MAX`): new instances' dicts start with that room,
    /// so that setting up an instance does not grow its dict.
    pub inst_attrs: Cell<u8>,
}

/// The most attributes a new instance dict is sized for.
pub const INST_ATTRS_MAX: usize = 8;

/// `n` arguments given to `name`, which takes `min..=max`: CPython's messages.
fn count_check(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let s = |k: usize| if k == 1 { "" } else { "s" };
    Err(vm.type_error(if min == 1 && max == 1 {
        format!("{}() takes exactly one argument ({} given)", name, n)
    } else if max == 0 {
        format!("{}() takes no arguments ({} given)", name, n)
    } else if n > max {
        if min == max {
            format!("{} expected {} argument{}, got {}", name, max, s(max), n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, s(max), n)
        }
    } else if min == max {
        format!("{} expected {} argument{}, got {}", name, min, s(min), n)
    } else {
        format!("{} expected at least {} argument{}, got {}", name, min, s(min), n)
    }))
}

/// A NUL-terminated copy of `s` for a probe argument. An interior NUL (not
/// possible in identifiers or paths the VM makes; possible in strings a
/// program passes to `sys.audit`) ends the string there, as C would read it.
pub fn c_string(s: &str) -> std::ffi::CString {
    let end = s.find('\0').unwrap_or(s.len());
    std::ffi::CString::new(&s[..end]).unwrap_or_default()
}

impl Class {
    /// Iterate self then the MRO.
    pub fn mro_iter(self: &Rc<Class>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }
    pub fn lookup(self: &Rc<Class>, name: &str) -> Option<Value> {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            cache.sync(epoch);
            if let Some(v) = cache.map.get(name) {
                return v.clone();
            }
        }
        let found = self.lookup_uncached(name);
        // An instance stored on a class may have a __del__: the cache must
        // not keep it alive after the class lets it go.
        if !matches!(found, Some(Value::Instance(_))) {
            if let Ok(mut cache) = self.cache.try_borrow_mut() {
                if cache.epoch == epoch {
                    if cache.map.len() >= 512 {
                        cache.map.clear();
                    }
                    cache.map.insert(name.into(), found.clone());
                }
            }
        }
        found
    }
    /// `lookup` of a special method, memoized in its own slot.
    #[inline]
    pub fn special(self: &Rc<Class>, which: Special) -> Option<Value> {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        if let Ok(cache) = self.cache.try_borrow() {
            if cache.epoch == epoch {
                if let Some(v) = &cache.special[which as usize] {
                    return v.clone();
                }
            }
        }
        let found = self.lookup(which.name());
        if !matches!(found, Some(Value::Instance(_))) {
            if let Ok(mut cache) = self.cache.try_borrow_mut() {
                // lookup() has brought the cache to this epoch.
                if cache.epoch == epoch {
                    cache.special[which as usize] = Some(found.clone());
                }
            }
        }
        found
    }
    /// Whether the class is known, at this epoch, to have no `which`
    /// method (false when not yet looked up: ask `special`).
    #[inline(always)]
    pub fn lacks_special(&self, which: Special) -> bool {
        match self.cache.try_borrow() {
            Ok(cache) => cache.epoch == class_epoch() && matches!(cache.special[which as usize], Some(None)),
            Err(_) => false,
        }
    }
    /// Whether `object.__new__` makes this class's instances, with the plain
    /// object layout: then calling the class is allocating an instance and
    /// running `__init__` (no metaclass is checked here). Memoized for the epoch.
    pub fn plain_new(self: &Rc<Class>) -> bool {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        if let Ok(cache) = self.cache.try_borrow() {
            if cache.epoch == epoch {
                if let Some(b) = cache.plain_new {
                    return b;
                }
            }
        }
        let plain = !self.builtin
            && self.kind == Kind::Object
            && self
                .special(Special::New)
                .is_some_and(|new| crate::vm::call::is_builtin(&new, "object", "__new__"));
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            // special() has brought the cache to this epoch.
            if cache.epoch == epoch {
                cache.plain_new = Some(plain);
            }
        }
        plain
    }
    /// The `__init__` an instantiation of this class runs after making the
    /// instance with `object.__new__`, when that is all `cls(...)` does: a
    /// plain Python function, no `__new__` of the class's own, no
    /// metaclass. Remembered for the epoch: every instantiation asks.
    #[inline(always)]
    pub fn plain_init(self: &Rc<Class>) -> Option<Rc<Function>> {
        if let Ok(cache) = self.cache.try_borrow() {
            if cache.epoch == class_epoch() {
                if let Some(init) = &cache.plain_init {
                    return init.clone();
                }
            }
        }
        self.plain_init_slow()
    }
    #[inline(never)]
    fn plain_init_slow(self: &Rc<Class>) -> Option<Rc<Function>> {
        let epoch = class_epoch();
        let init = if self.builtin || !self.plain_new() || self.meta.borrow().is_some() {
            None
        } else {
            match self.special(Special::Init) {
                Some(Value::Func(init)) => Some(init),
                _ => None,
            }
        };
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            // plain_new() has brought the cache to this epoch.
            if cache.epoch == epoch {
                cache.plain_init = Some(init.clone());
            }
        }
        init
    }
    /// A memoized answer about `name` (see `LookupCache::slots_forbid`),
    /// or the computed one, remembered for this epoch.
    pub fn memo_slots_forbid(self: &Rc<Class>, name: &str, compute: impl FnOnce() -> bool) -> bool {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        if let Ok(cache) = self.cache.try_borrow() {
            if cache.epoch == epoch {
                if let Some(&b) = cache.slots_forbid.get(name) {
                    return b;
                }
            }
        }
        let b = compute();
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            cache.sync(epoch);
            if cache.slots_forbid.len() >= 512 {
                cache.slots_forbid.clear();
            }
            cache.slots_forbid.insert(name.into(), b);
        }
        b
    }
    /// The MRO walk `lookup` memoizes.
    pub fn lookup_uncached(self: &Rc<Class>, name: &str) -> Option<Value> {
        let h = hash::hash_str(name);
        for c in self.mro_iter() {
            if let Some(v) = c.dict.borrow().get_str_h(name, h) {
                return Some(v);
            }
        }
        None
    }
    /// A special method defined by a user metaclass.
    pub fn meta_method(&self, name: &str) -> Option<Value> {
        let meta = self.meta.borrow().clone()?;
        let found = meta
            .mro_iter()
            .take_while(|c| !c.builtin)
            .find_map(|c| c.dict.borrow().get_str(name));
        found
    }
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        self.mro_iter().any(|c| Rc::ptr_eq(c, other))
    }
}

thread_local! {
    /// Bumped by every change to any class's dict: lookup caches made
    /// before it are stale. (Global rather than per class: a change to a
    /// base must invalidate its subclasses, and classes change rarely once
    /// made.)
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// The current class epoch: an answer about a class computed at this
/// epoch still holds while it is unchanged.
#[inline(always)]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

impl Drop for Class {
    /// A class's death changes the epoch too: caches keyed by a class's
    /// address (`vm::code::AttrCache`) must not match a later class that
    /// reuses it.
    fn drop(&mut self) {
        let _ = CLASS_EPOCH.try_with(|e| e.set(e.get() + 1));
    }
}

/// A class's namespace. Reading is a plain `RefCell` borrow; every mutable
/// borrow counts as a change and invalidates all lookup caches.
pub struct ClassDict(RefCell<Dict>);

impl ClassDict {
    pub fn new(d: Dict) -> ClassDict {
        ClassDict(RefCell::new(d))
    }
    pub fn borrow(&self) -> std::cell::Ref<'_, Dict> {
        self.0.borrow()
    }
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Dict> {
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
        self.0.borrow_mut()
    }
    pub fn try_borrow(&self) -> Result<std::cell::Ref<'_, Dict>, std::cell::BorrowError> {
        self.0.try_borrow()
    }
    pub fn try_borrow_mut(&self) -> Result<std::cell::RefMut<'_, Dict>, std::cell::BorrowMutError> {
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
        self.0.try_borrow_mut()
    }
}

/// FNV-1a over the bytes of a name.
#[derive(Default)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A class's memo of attribute lookups through its MRO (found values, and
/// names found nowhere), for the epoch it was filled in.
#[derive(Default)]
pub struct LookupCache {
    epoch: u64,
    pub(crate) map: std::collections::HashMap<Box<str>, Option<Value>, std::hash::BuildHasherDefault<NameHasher>>,
    /// The special methods the VM asks for on every attribute access,
    /// instantiation and death, by `Special` index (None: not looked up yet).
    pub(crate) special: [Option<Option<Value>>; SPECIALS],
    /// Whether __slots__ forbid storing an attribute of that name.
    pub(crate) slots_forbid: std::collections::HashMap<Box<str>, bool, std::hash::BuildHasherDefault<NameHasher>>,
    /// `Class::plain_new`'s answer (None: not asked yet).
    pub(crate) plain_new: Option<bool>,
    /// `Class::plain_init`'s answer (None: not asked yet).
    pub(crate) plain_init: Option<Option<Rc<Function>>>,
}

impl LookupCache {
    /// Bring the memo to `epoch`, forgetting everything if it is older.
    fn sync(&mut self, epoch: u64) {
        if self.epoch != epoch {
            self.map.clear();
            self.special = Default::default();
            self.slots_forbid.clear();
            self.plain_new = None;
            self.plain_init = None;
            self.epoch = epoch;
        }
    }
}

/// Special methods looked up on hot paths, memoized in a fixed slot each
/// rather than by name.
#[derive(Clone, Copy)]
pub enum Special {
    GetAttribute,
    GetAttr,
    SetAttr,
    Del,
    New,
    Init,
}

const SPECIALS: usize = 6;

impl Special {
    fn name(self) -> &'static str {
        match self {
            Special::GetAttribute => "__getattribute__",
            Special::GetAttr => "__getattr__",
            Special::SetAttr => "__setattr__",
            Special::Del => "__del__",
            Special::New => "__new__",
            Special::Init => "__init__",
        }
    }
}

pub struct ExcData {
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub instr: usize,
}

/// An instance's attributes. They live inside the instance (one
/// allocation fewer per object, one pointer fewer per attribute access)
/// until something asks for `__dict__` as an object; from then on they
/// live in a dict the instance shares with whoever holds it.
pub struct InstDict {
    /// Where the attributes are: `own`, or the shared dict's cell. Set by
    /// `Instance::place` once the instance is in its `Rc` (where it never
    /// moves: nothing takes an instance out of its `Rc`), and again when
    /// `share` moves them; both targets live as long as the instance.
    at: Cell<*const RefCell<Dict>>,
    own: RefCell<Dict>,
    shared: std::cell::OnceCell<Rc<RefCell<Dict>>>,
}

impl InstDict {
    fn new(d: Dict) -> InstDict {
        InstDict {
            at: Cell::new(std::ptr::null()),
            own: RefCell::new(d),
            shared: std::cell::OnceCell::new(),
        }
    }
    /// Point `at` where the attributes are, in the instance's final place.
    fn place(&self) {
        self.at.set(match self.shared.get() {
            Some(d) => &**d,
            None => &self.own,
        });
    }
    /// Where the attributes are now: one load, as reading them through a
    /// pointer to a separate dict would be.
    #[inline(always)]
    pub fn cell(&self) -> &RefCell<Dict> {
        debug_assert!(!self.at.get().is_null());
        // SAFETY: `at` is set by `place` before the instance is handed out
        // (`Instance::new`, and the stand-in in `Drop`), to `own` or to the
        // shared dict, which live as long as `self` in the place `place`
        // saw; `share` repoints it before anything reads the shared dict.
        unsafe { &*self.at.get() }
    }
    #[inline(always)]
    pub fn borrow(&self) -> std::cell::Ref<'_, Dict> {
        self.cell().borrow()
    }
    #[inline(always)]
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Dict> {
        self.cell().borrow_mut()
    }
    #[inline(always)]
    pub fn try_borrow(&self) -> Result<std::cell::Ref<'_, Dict>, std::cell::BorrowError> {
        self.cell().try_borrow()
    }
    #[inline(always)]
    pub fn try_borrow_mut(&self) -> Result<std::cell::RefMut<'_, Dict>, std::cell::BorrowMutError> {
        self.cell().try_borrow_mut()
    }
    /// # Safety
    /// As `RefCell::try_borrow_unguarded`: no mutable borrow may begin
    /// while the reference lives.
    #[inline(always)]
    pub unsafe fn try_borrow_unguarded(&self) -> Result<&Dict, std::cell::BorrowError> {
        // SAFETY: passed on to the caller.
        unsafe { self.cell().try_borrow_unguarded() }
    }
    /// The attributes as a dict object (`__dict__`), moved out of the
    /// instance the first time. None while they are borrowed mutably.
    pub fn share(&self) -> Option<Rc<RefCell<Dict>>> {
        if let Some(d) = self.shared.get() {
            return Some(d.clone());
        }
        let d = std::mem::take(&mut *self.own.try_borrow_mut().ok()?);
        let d = self.shared.get_or_init(|| Rc::new(RefCell::new(d))).clone();
        self.place();
        Some(d)
    }
    /// Whether the instance is the attributes' only holder.
    #[inline]
    pub fn owned_only(&self) -> bool {
        self.shared.get().is_none_or(|d| Rc::strong_count(d) == 1)
    }
    /// The attributes for an instance's stand-in (see `Instance`'s `Drop`):
    /// moved there, or the shared dict both then hold.
    fn hand_over(&self) -> InstDict {
        match self.shared.get() {
            Some(d) => {
                let n = InstDict::new(Dict::new());
                let _ = n.shared.set(d.clone());
                n
            }
            None => InstDict::new(std::mem::take(&mut *self.own.borrow_mut())),
        }
    }
}

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: InstDict,
    /// Its place in the collector's young instances (`gc::track`), and
    /// whether it is there.
    pub gc_links: crate::gc::Links,
    pub gc_young: Cell<bool>,
    /// The built-in value inside an instance of a subclass of a built-in type
    /// (the list of a `class L(list)`, the args tuple of an exception).
    pub base: RefCell<Value>,
    pub exc: RefCell<Option<Box<ExcData>>>,
    pub finalized: Cell<bool>,
    /// Set on the stand-in an instance's `__del__` runs on (see `Drop`),
    /// whose death is the original's and must not fire the delete probes
    /// a second time.
    pub stand_in: Cell<bool>,
}

impl Instance {
    /// A new instance of `cls`, in its `Rc`.
    pub fn new(cls: &Rc<Class>, base: Value) -> Rc<Instance> {
        Instance {
            class: RefCell::new(cls.clone()),
            // Constant sizes let the sizing arithmetic fold away. Up to
            // INST_ATTRS_MAX (8) entries a dict has no hash index.
            dict: InstDict::new(match cls.inst_attrs.get() {
                0 => Dict::new(),
                1..=4 => Dict::with_capacity(4),
                _ => Dict::with_capacity(INST_ATTRS_MAX),
            }),
            gc_links: crate::gc::Links::new(),
            gc_young: Cell::new(false),
            base: RefCell::new(base),
            exc: RefCell::new(None),
            finalized: Cell::new(false),
            stand_in: Cell::new(false),
        }
        .place()
    }
    /// Put `self` in its `Rc` and its attributes' pointer where they are.
    fn place(self) -> Rc<Instance> {
        let inst = Rc::new(self);
        inst.dict.place();
        inst
    }
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
    /// Drop what the instance refers to now rather than after `Drop::drop`
    /// returns, so that objects dying with it die inside its delete probes
    /// (a cascade nests). A dict someone else still holds is left alone.
    fn release(&self) {
        let entries = if self.dict.owned_only() {
            std::mem::take(&mut *self.dict.borrow_mut())
        } else {
            Dict::new()
        };
        let base = std::mem::replace(&mut *self.base.borrow_mut(), Value::None);
        let exc = self.exc.borrow_mut().take();
        drop((entries, base, exc));
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        // Out of the collector's young list before anything can run.
        crate::gc::untrack_instance(self);
        // Most instances die with no probe watching and no `__del__`: seen
        // through `get_mut` (no borrow flag) and the class's memo, without
        // cloning the class.
        if !crate::probes::instance_delete_enabled() && (self.finalized.get() || self.class.get_mut().lacks_special(Special::Del)) {
            return;
        }
        let cls = self.class.borrow().clone();
        // Only classes defined in Python code fire (not built-in types, nor
        // types sonde makes natively, like sys.version_info's).
        let traced = !cls.builtin && !cls.filename.is_empty() && !self.stand_in.get() && crate::probes::instance_delete_enabled();
        if traced {
            crate::probes::instance_delete_start(&cls);
        }
        if !self.finalized.get() {
            if let Some(del) = cls.special(Special::Del) {
                // Resurrect into a stand-in Rc for the duration of __del__,
                // marked finalized so that it is not finalized twice.
                let inst = Instance {
                    class: RefCell::new(cls.clone()),
                    dict: self.dict.hand_over(),
                    gc_links: crate::gc::Links::new(),
                    gc_young: Cell::new(false),
                    base: RefCell::new(std::mem::replace(&mut *self.base.borrow_mut(), Value::None)),
                    exc: RefCell::new(self.exc.borrow_mut().take()),
                    finalized: Cell::new(true),
                    stand_in: Cell::new(false),
                }
                .place();
                crate::vm::with_current(|vm| vm.run_finalizer(del, Value::Instance(inst.clone())));
                if Rc::strong_count(&inst) == 1 {
                    // Not resurrected: the stand-in's death is this one's.
                    inst.stand_in.set(true);
                    if traced {
                        inst.release();
                    }
                } else {
                    // Resurrected: the stand-in lives on as the object.
                    crate::gc::track(&Value::Instance(inst.clone()));
                }
            }
        }
        if traced {
            self.release();
            crate::probes::instance_delete_done(&cls);
        }
    }
}

pub type BuiltinFn = fn(&Vm, Args) -> PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// Module (functions) or owner type name (methods), for reprs and probes.
    pub owner: &'static str,
    pub is_method: bool,
    pub bound: Option<Value>,
    /// The common case without an argument vector: called with the
    /// arguments still on the caller's value stack (self first for a
    /// method), it gives `None` for anything it does not handle, and the
    /// call goes to `func` as usual. Unused while the cfunction probes are
    /// enabled, and for bound builtins.
    pub fast: Option<FastFn>,
}

/// A builtin's `Builtin::fast` form.
pub type FastFn = fn(&Vm, &[Value]) -> Option<PyResult<Value>>;

/// Give the builtin `name` in `dict` (a type's or the builtins module's)
/// its fast form.
pub fn set_fast(dict: &mut Dict, name: &str, fast: FastFn) {
    if let Some(Value::Builtin(b)) = dict.get_str(name) {
        let with_fast = Builtin {
            name: b.name,
            func: b.func,
            owner: b.owner,
            is_method: b.is_method,
            bound: None,
            fast: Some(fast),
        };
        dict.set_str(name, Value::Builtin(Rc::new(with_fast)));
    }
}

pub struct Args {
    pub args: Vec<Value>,
    pub kwargs: Vec<(Rc<PyStr>, Value)>,
}

impl Drop for Args {
    fn drop(&mut self) {
        // Each argument through `release` (one count check) rather than
        // the drop glue's jump over every variant; the vectors free after.
        let n = self.args.len();
        let p = self.args.as_ptr();
        // SAFETY: the length is cut to 0 first, so each of the `n` values
        // is read out (and released) exactly once, even if a release
        // runs a `__del__` that panics.
        unsafe {
            self.args.set_len(0);
            for i in 0..n {
                std::ptr::read(p.add(i)).release();
            }
        }
    }
}

impl Args {
    pub fn new(args: Vec<Value>) -> Args {
        Args { args, kwargs: Vec::new() }
    }
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<RefCell<Dict>>,
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub defaults: RefCell<Vec<Value>>,
    pub kwdefaults: RefCell<Vec<(Rc<PyStr>, Value)>>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    pub dict: RefCell<Option<Rc<RefCell<Dict>>>>,
    pub doc: RefCell<Value>,
    pub module: Value,
    pub annotations: RefCell<Value>,
}

pub struct BoundMethod {
    pub func: Value,
    pub obj: Value,
}

pub struct Module {
    pub name: String,
    pub dict: Rc<RefCell<Dict>>,
}

pub struct Generator {
    pub frame: RefCell<Option<Box<Frame>>>,
    /// Storage for the frames its code calls in-loop (empty between
    /// resumptions; see `eval::execute`).
    pub chain: Cell<crate::vm::frame::Chain>,
    pub running: Cell<bool>,
    pub code: Rc<Code>,
    pub name: String,
    pub qualname: String,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pub struct Super {
    pub class: Rc<Class>,
    pub obj: Value,
    /// `obj` is a subclass of `class` (a classmethod's or `__new__`'s
    /// super): the search starts at `obj` itself and binds as class
    /// attributes. Otherwise `obj` is an instance of `class`, a class only
    /// when `class` is its metaclass, and the search starts at its type.
    pub of_type: bool,
}

/// The built-in iterators.
#[repr(u8)]
pub enum IterState {
    Seq { seq: Value, idx: usize },
    Range { cur: i64, step: i64, left: i64 },
    DictKeys { dict: Rc<RefCell<Dict>>, idx: usize, len: usize },
    DictValues { dict: Rc<RefCell<Dict>>, idx: usize, len: usize },
    DictItems { dict: Rc<RefCell<Dict>>, idx: usize, len: usize },
    Items { items: Vec<Value>, idx: usize },
    Enumerate { it: Value, count: i64 },
    Zip { its: Vec<Value>, strict: bool },
    Map { f: Value, its: Vec<Value> },
    Filter { f: Value, it: Value },
    Reversed { seq: Value, idx: usize },
    CallIter { f: Value, sentinel: Value },
    StrIter { s: Rc<PyStr>, byte: usize },
    Count { cur: Value, step: Value },
    Exhausted,
}

pub mod attrs;
pub mod builtin_types;
pub mod bytes;
pub mod iter;
pub mod list;
pub mod mapping;
pub mod num;
pub mod repr;
pub mod str;
pub mod subscript;

impl Args {
    pub fn len(&self) -> usize {
        self.args.len()
    }
    pub fn is_empty(&self) -> bool {
        self.args.is_empty()
    }
    /// Positional argument `i`, or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.args.get(i) {
            return Some(v.clone());
        }
        self.kw(name)
    }
    pub fn kw(&self, name: &str) -> Option<Value> {
        self.kwargs.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v.clone())
    }
    /// Check the positional count, with CPython's messages.
    pub fn check(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        self.positional_check(vm, name, min)?;
        count_check(vm, name, self.args.len() + self.kwargs.len(), min, max)
    }
    /// Like `check`, for methods: `self` (or `cls`) is not counted, as CPython counts.
    pub fn check_m(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        self.positional_check(vm, name, min)?;
        let n = (self.args.len() + self.kwargs.len()).saturating_sub(1);
        count_check(vm, name, n, min.saturating_sub(1), max.saturating_sub(1))
    }
    /// `check` for a function that reads its arguments with `get`, so a
    /// keyword may stand in for a positional one.
    pub fn check_kw(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        count_check(vm, name, self.args.len() + self.kwargs.len(), min, max)
    }
    /// Argument `i` (keyword `name`) that the function requires.
    pub fn required(&self, vm: &Vm, fname: &str, i: usize, name: &str) -> PyResult<Value> {
        self.get(i, name)
            .ok_or_else(|| vm.type_error(format!("{}() missing required argument '{}' (pos {})", fname, name, i + 1)))
    }
    /// The functions that count with `check` read their required
    /// arguments by position: keywords cannot stand in for them (CPython's
    /// are positional-only too).
    fn positional_check(&self, vm: &Vm, name: &str, min: usize) -> PyResult<()> {
        if self.args.len() < min && !self.kwargs.is_empty() {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
        }
        Ok(())
    }
    pub fn no_kwargs(&self, vm: &Vm, name: &str) -> PyResult<()> {
        if self.kwargs.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
        }
    }
}

/// Add a built-in method to a type's dict.
pub fn add_method(cls: &Rc<Class>, owner: &'static str, name: &'static str, func: BuiltinFn) {
    cls.dict.borrow_mut().set_str(
        name,
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            owner,
            is_method: true,
            bound: None,
            fast: None,
        })),
    );
}

/// Add a class-level function (static: no binding), e.g. `dict.fromkeys`, `str.maketrans`.
pub fn add_static(cls: &Rc<Class>, owner: &'static str, name: &'static str, func: BuiltinFn) {
    cls.dict.borrow_mut().set_str(
        name,
        Value::StaticMethod(Rc::new(Value::Builtin(Rc::new(Builtin {
            name,
            func,
            owner,
            is_method: false,
            bound: None,
            fast: None,
        })))),
    );
}
