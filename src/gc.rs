//! The cycle collector: CPython's generational algorithm over sonde's
//! reference-counted objects.
//!
//! Reference counting (`Rc`) frees almost everything the moment it dies;
//! what it cannot free is a cycle. Every container that can be part of one
//! registers a weak handle here when it is made (`track`): lists, dicts,
//! sets, tuples and frozensets holding containers, functions, bound
//! methods, classes, instances, modules, generators (with their frames) and
//! closure cells. A weak handle does not
//! keep its object alive, so the registry never changes when objects die;
//! dead handles are dropped when a generation is scanned. Young instances,
//! the objects most programs make most of, are the exception: they are
//! linked into a list through the instances themselves (`Young`), leave it
//! as they die, and become handles only when something reads generation 0
//! (`flush_young`).
//!
//! A collection of generation N takes the live objects of generations
//! 0..=N and, as CPython's `deduce_unreachable` does, starts from each one's
//! reference count, subtracts the references the candidates hold to each
//! other (`traverse`), and keeps whatever is still referenced from outside
//! the set, plus everything reachable from that. References held by Rust
//! code (a frame's value stack and locals, the VM, an embedding host's
//! values) are simply never subtracted, so such objects always count as
//! referenced from outside: a collection can run at any point where no
//! `RefCell` of a candidate is mutably borrowed, and one that is (a
//! container in the middle of an update) is treated as externally held.
//!
//! Unreachable objects are finalized first (PEP 442: an instance's
//! `__del__` runs once, a suspended generator is closed), then checked
//! again, because a finalizer may have stored a reference somewhere: what is
//! reachable again survives. The collector then lets go of the rest and, as
//! CPython's `delete_garbage` does, clears each piece still alive in turn
//! (lists, dicts, sets, instances, functions, classes and cells drop what
//! they hold): that breaks the cycles, reference counting frees the
//! objects, and most of them die in the first clears without being
//! cleared themselves.
//!
//! Triggering follows CPython: allocations of tracked objects minus their
//! deaths above `threshold0` (700) collect generation 0; every `threshold1`
//! (10) of those, generation 1; every `threshold2` of those, generation 2,
//! but only once the objects waiting to enter generation 2 are a quarter of
//! it (CPython's long-lived heuristic). Deaths are counted lazily: when the
//! allocation count passes the threshold the young generation is pruned of
//! dead handles, and only if the live ones still exceed it does a collection
//! become due. It runs at the interpreter's next safe point (a call or a
//! loop's backward jump, as CPython 3.12 does), or at once for
//! `gc.collect()`.
//!
//! Weak references do not exist in sonde yet, so there are none to clear.
//! Objects not tracked (iterators, builtin methods bound to an object)
//! count as references from outside: a cycle passing through one of them
//! is not found.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::Ordering;

use crate::objects::{BoundMethod, Class, Dict, Function, Generator, Instance, Module, Set};
use crate::value::Value;
use crate::vm::frame::CellRef;
use crate::vm::Vm;

/// A weak handle on one tracked container.
pub enum Node {
    List(Weak<RefCell<Vec<Value>>>),
    Tuple(Weak<Box<[Value]>>),
    Dict(Weak<RefCell<Dict>>),
    Set(Weak<RefCell<Set>>),
    FrozenSet(Weak<Set>),
    Func(Weak<Function>),
    Class(Weak<Class>),
    Instance(Weak<Instance>),
    Module(Weak<Module>),
    Generator(Weak<Generator>),
    Cell(Weak<RefCell<Option<Value>>>),
    Method(Weak<BoundMethod>),
}

impl Node {
    /// The handle of `v`, if `v` is a kind of object the collector tracks.
    fn of(v: &Value) -> Option<Node> {
        Some(match v {
            Value::List(r) => Node::List(Rc::downgrade(r)),
            Value::Tuple(r) => Node::Tuple(Rc::downgrade(r)),
            Value::Dict(r) => Node::Dict(Rc::downgrade(r)),
            Value::Set(r) => Node::Set(Rc::downgrade(r)),
            Value::FrozenSet(r) => Node::FrozenSet(Rc::downgrade(r)),
            Value::Func(r) => Node::Func(Rc::downgrade(r)),
            Value::Class(r) => Node::Class(Rc::downgrade(r)),
            Value::Instance(r) => Node::Instance(Rc::downgrade(r)),
            Value::Module(r) => Node::Module(Rc::downgrade(r)),
            Value::Generator(r) => Node::Generator(Rc::downgrade(r)),
            Value::Cell(r) => Node::Cell(Rc::downgrade(r)),
            Value::Method(r) => Node::Method(Rc::downgrade(r)),
            _ => return None,
        })
    }

    fn alive(&self) -> bool {
        match self {
            Node::List(w) => w.strong_count() > 0,
            Node::Tuple(w) => w.strong_count() > 0,
            Node::Dict(w) => w.strong_count() > 0,
            Node::Set(w) => w.strong_count() > 0,
            Node::FrozenSet(w) => w.strong_count() > 0,
            Node::Func(w) => w.strong_count() > 0,
            Node::Class(w) => w.strong_count() > 0,
            Node::Instance(w) => w.strong_count() > 0,
            Node::Module(w) => w.strong_count() > 0,
            Node::Generator(w) => w.strong_count() > 0,
            Node::Cell(w) => w.strong_count() > 0,
            Node::Method(w) => w.strong_count() > 0,
        }
    }

    fn upgrade(&self) -> Option<Value> {
        Some(match self {
            Node::List(w) => Value::List(w.upgrade()?),
            Node::Tuple(w) => Value::Tuple(w.upgrade()?),
            Node::Dict(w) => Value::Dict(w.upgrade()?),
            Node::Set(w) => Value::Set(w.upgrade()?),
            Node::FrozenSet(w) => Value::FrozenSet(w.upgrade()?),
            Node::Func(w) => Value::Func(w.upgrade()?),
            Node::Class(w) => Value::Class(w.upgrade()?),
            Node::Instance(w) => Value::Instance(w.upgrade()?),
            Node::Module(w) => Value::Module(w.upgrade()?),
            Node::Generator(w) => Value::Generator(w.upgrade()?),
            Node::Cell(w) => Value::Cell(w.upgrade()?),
            Node::Method(w) => Value::Method(w.upgrade()?),
        })
    }
}

fn addr_of<T>(r: &Rc<T>) -> usize {
    Rc::as_ptr(r) as *const u8 as usize
}

/// The identity of `v` if it is a kind of object the collector tracks: the
/// address of its allocation, which a weak handle keeps from being reused.
pub fn addr(v: &Value) -> Option<usize> {
    Some(match v {
        Value::List(r) => addr_of(r),
        Value::Tuple(r) => addr_of(r),
        Value::Dict(r) => addr_of(r),
        Value::Set(r) => addr_of(r),
        Value::FrozenSet(r) => addr_of(r),
        Value::Func(r) => addr_of(r),
        Value::Class(r) => addr_of(r),
        Value::Instance(r) => addr_of(r),
        Value::Module(r) => addr_of(r),
        Value::Generator(r) => addr_of(r),
        Value::Cell(r) => addr_of(r),
        Value::Method(r) => addr_of(r),
        _ => None?,
    })
}

/// What `traverse` reports: every strong reference an object holds to
/// something that may be tracked, exactly once per reference held. The
/// collector's passes only need the address (`hit`).
pub trait Visit {
    /// A reference to the object at address `a` (see `addr`).
    fn hit(&mut self, a: usize);
    #[inline(always)]
    fn value(&mut self, v: &Value) {
        if let Some(a) = addr(v) {
            self.hit(a);
        }
    }
    #[inline(always)]
    fn dict(&mut self, d: &Rc<RefCell<Dict>>) {
        self.hit(addr_of(d));
    }
    #[inline(always)]
    fn cell(&mut self, c: &CellRef) {
        self.hit(addr_of(c));
    }
    #[inline(always)]
    fn class(&mut self, c: &Rc<Class>) {
        self.hit(addr_of(c));
    }
}

fn visit_entries(d: &Dict, visit: &mut impl Visit) {
    // (A str is never tracked: most dicts have no key to report.)
    let keys = !d.str_keys_only();
    for (k, v) in d.iter() {
        if keys {
            visit.value(&k.value);
        }
        visit.value(v);
    }
}

/// A dict owned by one object only (an instance's or a function's
/// `__dict__`, never tracked on its own): its entries count as that
/// object's references while nothing else holds the dict. When something
/// does, they are not reported at all (they look held from outside).
fn visit_owned_dict(d: &Rc<RefCell<Dict>>, visit: &mut impl Visit) -> bool {
    visit_owned_entries(d, Rc::strong_count(d) == 1, visit)
}

/// `visit_owned_dict` of a dict that its object holds alone when `owned`
/// (an instance's attributes: `InstDict::owned_only`).
fn visit_owned_entries(d: &RefCell<Dict>, owned: bool, visit: &mut impl Visit) -> bool {
    if !owned {
        return true;
    }
    match d.try_borrow() {
        Ok(d) => {
            visit_entries(&d, visit);
            true
        }
        Err(_) => false,
    }
}

/// Report the references `v` holds. False if part of it could not be read
/// (a `RefCell` mutably borrowed right now): the caller must then treat `v`
/// as held from outside, since references it holds went unreported.
pub fn traverse(v: &Value, visit: &mut impl Visit) -> bool {
    match v {
        // Last item first, as CPython's list and tuple traversal (the order
        // gc.get_referents shows).
        Value::List(l) => match l.try_borrow() {
            Ok(l) => l.iter().rev().for_each(|x| visit.value(x)),
            Err(_) => return false,
        },
        Value::Tuple(t) => t.iter().rev().for_each(|x| visit.value(x)),
        Value::Dict(d) => match d.try_borrow() {
            Ok(d) => visit_entries(&d, visit),
            Err(_) => return false,
        },
        Value::Set(s) => match s.try_borrow() {
            Ok(s) => s.keys().for_each(|k| visit.value(&k.value)),
            Err(_) => return false,
        },
        Value::FrozenSet(s) => s.keys().for_each(|k| visit.value(&k.value)),
        Value::Cell(c) => match c.try_borrow() {
            Ok(c) => c.iter().for_each(|x| visit.value(x)),
            Err(_) => return false,
        },
        Value::Func(f) => {
            visit.dict(&f.globals);
            let (Ok(defaults), Ok(kwdefaults), Ok(dict), Ok(doc), Ok(ann)) = (
                f.defaults.try_borrow(),
                f.kwdefaults.try_borrow(),
                f.dict.try_borrow(),
                f.doc.try_borrow(),
                f.annotations.try_borrow(),
            ) else {
                return false;
            };
            defaults.iter().for_each(|x| visit.value(x));
            kwdefaults.iter().for_each(|(_, x)| visit.value(x));
            f.closure.iter().for_each(|c| visit.cell(c));
            visit.value(&doc);
            visit.value(&f.module);
            visit.value(&ann);
            if let Some(d) = dict.as_ref() {
                return visit_owned_dict(d, visit);
            }
        }
        Value::Class(c) => {
            c.bases.iter().for_each(|b| visit.class(b));
            c.mro.iter().for_each(|b| visit.class(b));
            let (Ok(dict), Ok(meta), Ok(cache)) = (c.dict.try_borrow(), c.meta.try_borrow(), c.cache.try_borrow()) else {
                return false;
            };
            visit_entries(&dict, visit);
            // The lookup cache holds references too (values also in some
            // dict of the MRO).
            cache.map.values().flatten().for_each(|v| visit.value(v));
            cache.special.iter().flatten().flatten().for_each(|v| visit.value(v));
            if let Some(Some(init)) = &cache.plain_init {
                visit.hit(addr_of(init));
            }
            if let Some(m) = meta.as_ref() {
                visit.class(m);
            }
        }
        Value::Instance(i) => {
            let (Ok(cls), Ok(base), Ok(exc)) = (i.class.try_borrow(), i.base.try_borrow(), i.exc.try_borrow()) else {
                return false;
            };
            visit.class(&cls);
            visit.value(&base);
            if let Some(e) = exc.as_ref() {
                e.cause.iter().for_each(|x| visit.value(x));
                e.context.iter().for_each(|x| visit.value(x));
            }
            return visit_owned_entries(i.dict.cell(), i.dict.owned_only(), visit);
        }
        Value::Module(m) => visit.dict(&m.dict),
        Value::Method(m) => {
            visit.value(&m.func);
            visit.value(&m.obj);
        }
        Value::Generator(g) => match g.frame.try_borrow() {
            Ok(fr) => {
                if let Some(fr) = fr.as_ref() {
                    fr.stack.iter().for_each(|x| visit.value(x));
                    fr.fast.iter().flatten().for_each(|x| visit.value(x));
                    fr.cells.iter().for_each(|c| visit.cell(c));
                    visit.dict(&fr.globals);
                    if let Some(l) = &fr.locals {
                        visit.dict(l);
                    }
                }
            }
            Err(_) => return false,
        },
        _ => {}
    }
    true
}

/// Drop what `v` holds, breaking the cycles it is part of. Each container
/// is emptied with its borrow released before the contents die, since
/// their deaths may run Python code.
fn clear(v: &Value) {
    match v {
        Value::List(l) => {
            let items = l.try_borrow_mut().map(|mut l| std::mem::take(&mut *l));
            drop(items);
        }
        Value::Dict(d) => {
            let items = d.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
            drop(items);
        }
        Value::Set(s) => {
            let items = s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s));
            drop(items);
        }
        Value::Cell(c) => {
            let item = c.try_borrow_mut().map(|mut c| c.take());
            drop(item);
        }
        Value::Func(f) => {
            let defaults = f.defaults.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
            let kwdefaults = f.kwdefaults.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
            let dict = f.dict.try_borrow_mut().map(|mut d| d.take());
            let doc = f.doc.try_borrow_mut().map(|mut d| std::mem::replace(&mut *d, Value::None));
            let ann = f.annotations.try_borrow_mut().map(|mut d| std::mem::replace(&mut *d, Value::None));
            drop((defaults, kwdefaults, dict, doc, ann));
        }
        Value::Class(c) => {
            let dict = c.dict.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
            let meta = c.meta.try_borrow_mut().map(|mut m| m.take());
            let cache = c.cache.try_borrow_mut().map(|mut k| std::mem::take(&mut *k));
            drop((dict, meta, cache));
        }
        Value::Instance(i) => {
            let dict = if i.dict.owned_only() {
                i.dict.try_borrow_mut().map(|mut d| std::mem::take(&mut *d)).ok()
            } else {
                None
            };
            let base = i.base.try_borrow_mut().map(|mut b| std::mem::replace(&mut *b, Value::None));
            let exc = i.exc.try_borrow_mut().map(|mut e| e.take());
            drop((dict, base, exc));
        }
        Value::Generator(g) => {
            let frame = g.frame.try_borrow_mut().map(|mut f| f.take());
            drop(frame);
        }
        // Tuples, frozensets, bound methods and modules hold nothing
        // mutable: the cycles through them are broken at their mutable
        // members (a module at its dict).
        _ => {}
    }
}

/// The candidates of one collection by address: open addressing with
/// linear probing in a table at most half full, the address multiplied
/// for its slot (allocations are aligned, so the low bits say little).
/// Built once per collection and probed for every reference a candidate
/// holds; no address is 0, which marks a free slot.
struct AddrMap {
    slots: Vec<(usize, u32)>,
    shift: u32,
}

/// The most slots an `AddrMap`'s table keeps for the next collection
/// (1 MiB): young collections reuse one warm table instead of a fresh
/// zeroed allocation each (for the larger ones, new pages from the kernel).
const KEPT_SLOTS: usize = 1 << 16;

thread_local! {
    /// The last collection's table, kept for the next (see `KEPT_SLOTS`).
    static SPARE_SLOTS: Cell<Vec<(usize, u32)>> = const { Cell::new(Vec::new()) };
}

impl AddrMap {
    fn new(addrs: impl Iterator<Item = (usize, u32)>, len: usize) -> AddrMap {
        let cap = (len * 2).next_power_of_two().max(8);
        let mut slots = SPARE_SLOTS.try_with(Cell::take).unwrap_or_default();
        slots.clear();
        slots.resize(cap, (0, 0));
        let mut m = AddrMap {
            slots,
            shift: 64 - cap.trailing_zeros(),
        };
        let mask = cap - 1;
        for (a, i) in addrs {
            let mut j = m.slot(a);
            // (An address seen twice keeps its last index, as a map's insert does.)
            while m.slots[j].0 != 0 && m.slots[j].0 != a {
                j = (j + 1) & mask;
            }
            m.slots[j] = (a, i);
        }
        m
    }

    #[inline(always)]
    fn slot(&self, a: usize) -> usize {
        ((a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The index of the candidate at address `a`, if it is one.
    #[inline]
    fn get(&self, a: usize) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut j = self.slot(a);
        loop {
            let (k, i) = self.slots[j];
            if k == a {
                return Some(i);
            }
            if k == 0 {
                return None;
            }
            j = (j + 1) & mask;
        }
    }
}

impl Drop for AddrMap {
    fn drop(&mut self) {
        if self.slots.capacity() <= KEPT_SLOTS {
            let slots = std::mem::take(&mut self.slots);
            let _ = SPARE_SLOTS.try_with(|s| s.set(slots));
        }
    }
}

pub const GENERATIONS: usize = 3;

/// The most handles' room a collection's vector keeps for the young
/// generation (256 KiB).
const KEPT_HANDLES: usize = 1 << 14;

struct Heap {
    gens: [Vec<Node>; GENERATIONS],
    /// `gc.freeze()`'s permanent generation: never scanned.
    frozen: Vec<Node>,
    /// CPython's counts: tracked allocations (less deaths, counted lazily)
    /// since the last collection of generation 0; collections of the
    /// generation below since the last of generation 1 and 2.
    count: [usize; GENERATIONS],
    threshold: [usize; GENERATIONS],
    /// Allocations since generation 0 was last pruned of dead handles.
    since_prune: usize,
    enabled: bool,
    collecting: bool,
    long_lived_total: usize,
    long_lived_pending: usize,
    /// `gc.callbacks`, the list the module exposes.
    callbacks: Option<Rc<RefCell<Vec<Value>>>>,
    /// Per generation: collections, unreachable objects found (`gc.get_stats()`).
    stats: [[usize; 2]; GENERATIONS],
}

thread_local! {
    static HEAP: RefCell<Heap> = const { RefCell::new(Heap {
        gens: [Vec::new(), Vec::new(), Vec::new()],
        frozen: Vec::new(),
        count: [0; GENERATIONS],
        threshold: [700, 10, 10],
        since_prune: 0,
        enabled: true,
        collecting: false,
        long_lived_total: 0,
        long_lived_pending: 0,
        callbacks: None,
        stats: [[0; 2]; GENERATIONS],
    }) };
}

/// Whether a tuple (or frozenset) with these items must be tracked: only
/// one holding a tracked object can be part of a cycle (CPython untracks the
/// others at their first collection; sonde never tracks them).
fn holds_tracked<'a>(mut items: impl Iterator<Item = &'a Value>) -> bool {
    items.any(|v| addr(v).is_some())
}

/// Register a new container (a no-op for other values and for tuples and
/// frozensets of untracked items).
#[inline]
pub fn track(v: &Value) {
    match v {
        Value::Tuple(t) if !holds_tracked(t.iter()) => return,
        Value::FrozenSet(s) if !holds_tracked(s.keys().map(|k| &k.value)) => return,
        Value::Instance(i) => return track_instance(i),
        _ => {}
    }
    if let Some(node) = Node::of(v) {
        add(node);
    }
}

/// Register a new generator. Finalizers run in the order their objects
/// were made, so it joins generation 0 after the young instances made
/// before it (`flush_young`). (Not a case of `track`: there it cost every
/// other caller, fannkuch +1%.)
#[inline(never)]
pub fn track_generator(g: &Value) {
    let _ = HEAP.try_with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            flush_young(&mut h);
        }
    });
    track(g);
}

/// The links of an instance in the young instances' list (`YOUNG`);
/// whether it is there is the instance's `gc_young` (beside its other
/// flags: the instance is 16 bytes smaller than with the flag in here).
pub struct Links {
    prev: Cell<*const Instance>,
    next: Cell<*const Instance>,
}

impl Links {
    pub const fn new() -> Links {
        Links {
            prev: Cell::new(std::ptr::null()),
            next: Cell::new(std::ptr::null()),
        }
    }
}

impl Default for Links {
    fn default() -> Links {
        Links::new()
    }
}

/// The young generation's instances, apart from its other objects: a list
/// through the instances themselves (CPython's header links, for the type
/// most programs make most of). An instance that dies young leaves the
/// list as it dies (`untrack_instance`), so its memory is freed then,
/// while warm, where a weak handle in `Heap::gens` would keep it until
/// the next prune, and it costs no handle, prune or upgrade. Before
/// anything reads the young generation, `flush_young` moves the list's
/// instances there as handles (a collection's candidates, `gc.get_objects`,
/// `gc.freeze`).
struct Young {
    head: Cell<*const Instance>,
    tail: Cell<*const Instance>,
    /// How many are linked: generation 0's live instances.
    len: Cell<usize>,
}

thread_local! {
    // (No destructor: an instance dying while the thread's locals are torn
    // down still finds the list.)
    static YOUNG: Young = const {
        Young {
            head: Cell::new(std::ptr::null()),
            tail: Cell::new(std::ptr::null()),
            len: Cell::new(0),
        }
    };
}

/// Register a new instance: appended to the young instances' list.
fn track_instance(i: &Rc<Instance>) {
    let p = Rc::as_ptr(i);
    let l = &i.gc_links;
    if i.gc_young.get() {
        return;
    }
    let linked = YOUNG.try_with(|y| {
        l.prev.set(y.tail.get());
        l.next.set(std::ptr::null());
        i.gc_young.set(true);
        match y.tail.get() {
            // SAFETY: every linked pointer is a live instance: it unlinks
            // itself first thing as it dies (`untrack_instance`), and
            // `flush_young` unlinks the ones it takes.
            t if !t.is_null() => unsafe { (*t).gc_links.next.set(p) },
            _ => y.head.set(p),
        }
        y.tail.set(p);
        y.len.set(y.len.get() + 1);
    });
    if linked.is_ok() {
        count_young();
    }
}

/// An instance dies (its `Drop`, before anything else): out of the young
/// list if it is there.
#[inline]
pub fn untrack_instance(i: &Instance) {
    let l = &i.gc_links;
    if !i.gc_young.get() {
        return;
    }
    i.gc_young.set(false);
    let _ = YOUNG.try_with(|y| {
        let (p, n) = (l.prev.get(), l.next.get());
        // SAFETY: linked neighbours are live instances (see `track_instance`).
        unsafe {
            match p.is_null() {
                true => y.head.set(n),
                false => (*p).gc_links.next.set(n),
            }
            match n.is_null() {
                true => y.tail.set(p),
                false => (*n).gc_links.prev.set(p),
            }
        }
        y.len.set(y.len.get() - 1);
    });
}

/// Generation 0's live instances in the list.
fn young_len() -> usize {
    YOUNG.try_with(|y| y.len.get()).unwrap_or(0)
}

/// Move the young instances' list into generation 0 as handles, in the
/// order they were made.
fn flush_young(h: &mut Heap) {
    let _ = YOUNG.try_with(|y| {
        let mut p = y.head.replace(std::ptr::null());
        y.tail.set(std::ptr::null());
        h.gens[0].reserve(y.len.replace(0));
        while !p.is_null() {
            // SAFETY: `p` is a linked, so live, instance from `Rc::as_ptr`;
            // the `Rc` made of it is never dropped, so its count is
            // untouched (only a handle is taken through it).
            let rc = std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(p) });
            let l = &rc.gc_links;
            rc.gc_young.set(false);
            p = l.next.replace(std::ptr::null());
            l.prev.set(std::ptr::null());
            h.gens[0].push(Node::Instance(Rc::downgrade(&rc)));
        }
    });
}

/// Register a closure cell.
pub fn track_cell(c: &CellRef) {
    add(Node::Cell(Rc::downgrade(c)));
}

#[inline]
fn add(node: Node) {
    // try_with: objects are still made while thread-locals are torn down
    // (a finalizer at thread exit); they are then simply not tracked.
    let _ = HEAP.try_with(|h| {
        let Ok(mut h) = h.try_borrow_mut() else {
            return;
        };
        h.gens[0].push(node);
        count_one(&mut h);
    });
}

/// An instance joined the young list: counted as `add` counts.
#[inline]
fn count_young() {
    let _ = HEAP.try_with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            count_one(&mut h);
        }
    });
}

/// One more young object: prune (and maybe ask for a collection) when due.
#[inline(always)]
fn count_one(h: &mut Heap) {
    h.count[0] += 1;
    h.since_prune += 1;
    let t = h.threshold[0];
    // Prune only after a quarter of the threshold, or of the live young
    // objects (many while collection is disabled), in allocations: the
    // scan then costs a few handles per allocation.
    let live = h.count[0] - h.since_prune;
    if h.count[0] > t && h.since_prune > t.max(live) / 4 {
        prune_young(h);
    }
}

/// Drop generation 0's dead handles; if the live objects still exceed the
/// threshold, a collection is due.
#[cold]
#[inline(never)]
fn prune_young(h: &mut Heap) {
    // Pruning is also what returns dead objects' memory (a weak handle
    // keeps the allocation), so it goes on while collection is disabled.
    if h.collecting {
        return;
    }
    h.gens[0].retain(Node::alive);
    h.count[0] = h.gens[0].len() + young_len();
    h.since_prune = 0;
    let t = h.threshold[0];
    if t > 0 && h.enabled && h.count[0] > t {
        set_pending(true);
    }
}

/// Called by the VM at its safe points (frame start, backward jumps).
#[inline(always)]
pub fn safe_point(vm: &Vm) {
    if pending() {
        collect_due(vm);
    }
}

/// Whether a collection is due at the next safe point.
#[inline(always)]
pub fn pending() -> bool {
    sonde_arch::vm_flag().load(Ordering::Relaxed) != 0
}

/// Say a collection is due, or no longer. The flag is the process's, in
/// the word beside the frame probes' semaphores, so that an in-loop call
/// checks both with one compare (`eval::start_needs_slow`); with several
/// threads running Python, a collection another thread's heap asked for
/// makes this one's safe point look (`collect_due` finds nothing due and
/// clears it, and that heap's next prune asks again).
fn set_pending(on: bool) {
    sonde_arch::vm_flag().store(u32::from(on), Ordering::Relaxed);
}

/// The generation CPython's `gc_collect_generations` picks, and collect it.
#[cold]
#[inline(never)]
fn collect_due(vm: &Vm) {
    set_pending(false);
    let gen = HEAP.with(|h| {
        let h = h.borrow();
        if !h.enabled || h.collecting {
            return None;
        }
        (0..GENERATIONS)
            .rev()
            .find(|&i| h.count[i] > h.threshold[i] && !(i == GENERATIONS - 1 && h.long_lived_pending < h.long_lived_total / 4))
    });
    if let Some(gen) = gen {
        collect(vm, gen);
    }
}

/// Count of unreachable objects found; a function with a closure counts
/// two, as in CPython, where the closure is a tuple object of its own.
fn weight(v: &Value) -> usize {
    match v {
        Value::Func(f) if !f.closure.is_empty() => 2,
        _ => 1,
    }
}

/// Collect generation `gen` (and the younger ones): returns the number of
/// unreachable objects found, as `gc.collect()` does. 0 without doing
/// anything if a collection is already running.
pub fn collect(vm: &Vm, gen: usize) -> usize {
    let gen = gen.min(GENERATIONS - 1);
    let nodes = HEAP.try_with(|h| {
        let mut h = h.borrow_mut();
        if h.collecting {
            return None;
        }
        h.collecting = true;
        flush_young(&mut h);
        // CPython merges the younger generations after the collected one's
        // objects, so finalizers run in that order.
        let mut nodes = std::mem::take(&mut h.gens[gen]);
        for g in 0..gen {
            let young = std::mem::take(&mut h.gens[g]);
            nodes.extend(young);
        }
        h.since_prune = 0;
        Some(nodes)
    });
    let Ok(Some(mut nodes)) = nodes else {
        return 0;
    };
    set_pending(false);
    crate::probes::gc_start(gen as i32);
    run_callbacks(vm, "start", gen, 0);

    // Strong references to every candidate for the whole collection: none
    // can die under us, and `strong_count - 1` is its reference count.
    // (Sized up front: these run for every collection, over every young object.)
    // (The handles of objects that died since they were taken, during the
    // callbacks above too, are dropped here.)
    let mut objs = Vec::with_capacity(nodes.len());
    nodes.retain(|n| match n.upgrade() {
        Some(v) => {
            objs.push(v);
            true
        }
        None => false,
    });
    let index = AddrMap::new(
        objs.iter().enumerate().filter_map(|(i, v)| addr(v).map(|a| (a, i as u32))),
        objs.len(),
    );
    // `refs[i] > 0`: reachable from outside the candidates.
    let refs = deduce_reachable(&objs, &index, None);
    let mut unreachable = Vec::with_capacity(objs.len());
    unreachable.extend((0..objs.len()).filter(|&i| refs[i] <= 0));

    // PEP 442: finalize, then see what the finalizers brought back.
    let mut freed_early = None;
    if !unreachable.is_empty() && finalize(vm, &objs, &unreachable) {
        let again = deduce_reachable(&objs, &index, Some(&unreachable));
        unreachable.retain(|&i| again[i] <= 0);
        freed_early = Some(freed_by_finalizers(&objs, &index, &unreachable));
    }
    // What a finalizer's work freed (CPython frees it at once, before
    // counting) is not counted as found.
    let found: usize = match &freed_early {
        None => unreachable.iter().map(|&i| weight(&objs[i])).sum(),
        Some(freed) => unreachable.iter().filter(|&&i| !freed[i]).map(|&i| weight(&objs[i])).sum(),
    };
    // Let go of the garbage, then clear each piece that is still alive:
    // as in CPython's `delete_garbage`, the first clears free most of the
    // rest through reference counting, and what died needs no clearing.
    // (A tracked object is never None: the None left in `objs` marks the
    // garbage for the survivors' filter below.)
    for &i in &unreachable {
        objs[i] = Value::None;
    }
    for &i in &unreachable {
        if let Some(v) = nodes[i].upgrade() {
            clear(&v);
        }
    }
    // Survivors move up a generation.
    let next = (gen + 1).min(GENERATIONS - 1);
    let mut survivors = nodes;
    if !unreachable.is_empty() {
        let mut garbage = objs.iter().map(|v| matches!(v, Value::None));
        survivors.retain(|_| garbage.next() != Some(true));
    }
    let survived = survivors.len();
    drop(objs);
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        h.gens[next].append(&mut survivors);
        // The emptied vector is the young generation's next: it has room
        // for about as many handles as the collection had, and growing one
        // from nothing again copied the handles over a dozen times. (Not
        // a large one: a full collection's room would stay held.)
        if h.gens[0].is_empty() && survivors.capacity() <= KEPT_HANDLES {
            h.gens[0] = survivors;
        }
        if gen + 1 < GENERATIONS {
            h.count[gen + 1] += 1;
        }
        for c in h.count.iter_mut().take(gen + 1) {
            *c = 0;
        }
        // Allocations made by finalizers while collecting are young again.
        h.count[0] = h.gens[0].len() + young_len();
        if gen == GENERATIONS - 1 {
            h.long_lived_pending = 0;
            h.long_lived_total = h.gens[gen].len();
        } else if gen == GENERATIONS - 2 {
            h.long_lived_pending += survived;
        }
        h.stats[gen][0] += 1;
        h.stats[gen][1] += found;
        h.collecting = false;
    });
    crate::probes::gc_done(found as i64);
    run_callbacks(vm, "stop", gen, found);
    found
}

/// Some of the candidates (indices into `objs`), found by address.
struct Subset<'a> {
    index: &'a AddrMap,
    /// Which are members; None when all are (a collection's first pass).
    member: Option<Vec<bool>>,
}

impl<'a> Subset<'a> {
    fn new(index: &'a AddrMap, len: usize, subset: Option<&[usize]>) -> Subset<'a> {
        let member = subset.map(|subset| {
            let mut member = vec![false; len];
            subset.iter().for_each(|&i| member[i] = true);
            member
        });
        Subset { index, member }
    }
    /// The member at address `a`, if any.
    #[inline]
    fn find(&self, a: usize) -> Option<usize> {
        let j = self.index.get(a)? as usize;
        match &self.member {
            Some(member) if !member[j] => None,
            _ => Some(j),
        }
    }
}

/// Each member's reference count less the one `collect` holds: references
/// from outside, until the members' own are subtracted.
fn counts(objs: &[Value], subset: Option<&[usize]>) -> Vec<isize> {
    match subset {
        None => objs.iter().map(|v| strong_count(v) as isize - 1).collect(),
        Some(subset) => {
            let mut refs = vec![0; objs.len()];
            for &i in subset {
                refs[i] = strong_count(&objs[i]) as isize - 1;
            }
            refs
        }
    }
}

/// Which members (`subset` of `objs`, or all of them) are reachable from
/// outside: each one's reference count minus the references the members
/// hold to each other, then everything reachable from what is left above
/// zero. Gives each member's count: above zero is reachable.
fn deduce_reachable(objs: &[Value], index: &AddrMap, subset: Option<&[usize]>) -> Vec<isize> {
    let members = Subset::new(index, objs.len(), subset);
    let mut refs = counts(objs, subset);
    struct Subtract<'a> {
        members: &'a Subset<'a>,
        refs: &'a mut [isize],
    }
    impl Visit for Subtract<'_> {
        #[inline(always)]
        fn hit(&mut self, a: usize) {
            if let Some(j) = self.members.find(a) {
                self.refs[j] -= 1;
            }
        }
    }
    let all: Vec<usize>;
    let each: &[usize] = match subset {
        Some(s) => s,
        None => {
            all = (0..objs.len()).collect();
            &all
        }
    };
    let mut opaque = Vec::new();
    {
        let mut sub = Subtract {
            members: &members,
            refs: &mut refs,
        };
        for &i in each {
            if !traverse(&objs[i], &mut sub) {
                opaque.push(i);
            }
        }
    }
    // An object we could not read may hold references we did not subtract:
    // it, and so everything it holds, counts as held from outside.
    for i in opaque {
        refs[i] = refs[i].max(1);
    }
    // Depth first from every member still referenced: what it reaches
    // becomes 1 when first seen.
    let mut work: Vec<usize> = each.iter().copied().filter(|&i| refs[i] > 0).collect();
    struct Mark<'a> {
        members: &'a Subset<'a>,
        refs: &'a mut [isize],
        work: &'a mut Vec<usize>,
    }
    impl Visit for Mark<'_> {
        #[inline(always)]
        fn hit(&mut self, a: usize) {
            if let Some(j) = self.members.find(a) {
                if self.refs[j] <= 0 {
                    self.refs[j] = 1;
                    self.work.push(j);
                }
            }
        }
    }
    while let Some(i) = work.pop() {
        let mut m = Mark {
            members: &members,
            refs: &mut refs,
            work: &mut work,
        };
        traverse(&objs[i], &mut m);
    }
    refs
}

/// Which of the unreachable objects no longer have any reference but ours
/// and those of others in the same state, after the finalizers ran (a
/// closed generator let go of its frame's locals): in CPython, which holds
/// no references while collecting, they die during finalization and are
/// not counted.
fn freed_by_finalizers(objs: &[Value], index: &AddrMap, unreachable: &[usize]) -> Vec<bool> {
    let members = Subset::new(index, objs.len(), Some(unreachable));
    let mut refs = counts(objs, Some(unreachable));
    let mut dead = vec![false; objs.len()];
    let mut work: Vec<usize> = unreachable.iter().copied().filter(|&i| refs[i] == 0).collect();
    work.iter().for_each(|&i| dead[i] = true);
    struct Release<'a> {
        members: &'a Subset<'a>,
        refs: &'a mut [isize],
        dead: &'a mut [bool],
        work: &'a mut Vec<usize>,
    }
    impl Visit for Release<'_> {
        fn hit(&mut self, a: usize) {
            if let Some(j) = self.members.find(a) {
                if !self.dead[j] {
                    self.refs[j] -= 1;
                    if self.refs[j] == 0 {
                        self.dead[j] = true;
                        self.work.push(j);
                    }
                }
            }
        }
    }
    while let Some(i) = work.pop() {
        let mut r = Release {
            members: &members,
            refs: &mut refs,
            dead: &mut dead,
            work: &mut work,
        };
        traverse(&objs[i], &mut r);
    }
    dead
}

fn strong_count(v: &Value) -> usize {
    match v {
        Value::List(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::Dict(r) => Rc::strong_count(r),
        Value::Set(r) => Rc::strong_count(r),
        Value::FrozenSet(r) => Rc::strong_count(r),
        Value::Func(r) => Rc::strong_count(r),
        Value::Class(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Module(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::Cell(r) => Rc::strong_count(r),
        Value::Method(r) => Rc::strong_count(r),
        _ => 1,
    }
}

/// Run the finalizers of the unreachable objects, each at most once in the
/// object's life: `__del__` of instances, closing of generators suspended
/// inside a `try` or `with`. True if any ran.
fn finalize(vm: &Vm, objs: &[Value], unreachable: &[usize]) -> bool {
    let mut ran = false;
    // The last class seen to lack `__del__`: garbage comes in runs of one
    // class, and no Python code runs between two checks that reuse it.
    let mut no_del: *const crate::objects::Class = std::ptr::null();
    for &i in unreachable {
        match &objs[i] {
            Value::Instance(inst) if !inst.finalized.get() => {
                // (Most garbage has no __del__, and its class already knows.)
                {
                    let cls = inst.class.borrow();
                    if std::ptr::eq(Rc::as_ptr(&cls), no_del) {
                        continue;
                    }
                    if cls.lacks_special(crate::objects::Special::Del) {
                        no_del = Rc::as_ptr(&cls);
                        continue;
                    }
                }
                let cls = inst.class();
                if let Some(del) = cls.special(crate::objects::Special::Del) {
                    inst.finalized.set(true);
                    vm.run_finalizer(del, objs[i].clone());
                    no_del = std::ptr::null();
                    ran = true;
                }
            }
            Value::Generator(g) if crate::vm::eval::gen_finalize(vm, g) => {
                no_del = std::ptr::null();
                ran = true;
            }
            _ => {}
        }
    }
    ran
}

/// Call each of `gc.callbacks` with (phase, info) as CPython does.
fn run_callbacks(vm: &Vm, phase: &str, gen: usize, collected: usize) {
    let cbs: Vec<Value> = HEAP.with(|h| h.borrow().callbacks.as_ref().map(|c| c.borrow().clone()).unwrap_or_default());
    if cbs.is_empty() {
        return;
    }
    let mut info = Dict::new();
    info.set_str("generation", Value::Int(gen as i64));
    info.set_str("collected", Value::Int(collected as i64));
    info.set_str("uncollectable", Value::Int(0));
    let info = Value::dict(info);
    for cb in cbs {
        if let Err(e) = vm.call(&cb, vec![Value::str(phase), info.clone()]) {
            let msg = format!(
                "Exception ignored in garbage collection callback: {}\n",
                vm.repr(&cb).unwrap_or_default()
            );
            vm.write_stderr(&(msg + &crate::vm::exc::format_exception(vm, &e.0)));
        }
    }
}

// ---- what the gc module reads and sets ----

pub fn set_callbacks(list: &Rc<RefCell<Vec<Value>>>) {
    HEAP.with(|h| h.borrow_mut().callbacks = Some(list.clone()));
}

pub fn stats() -> [[usize; 2]; GENERATIONS] {
    HEAP.with(|h| h.borrow().stats)
}

pub fn enabled() -> bool {
    HEAP.with(|h| h.borrow().enabled)
}

pub fn set_enabled(on: bool) {
    HEAP.with(|h| h.borrow_mut().enabled = on);
}

pub fn threshold() -> [usize; GENERATIONS] {
    HEAP.with(|h| h.borrow().threshold)
}

pub fn set_threshold(t: [usize; GENERATIONS]) {
    HEAP.with(|h| h.borrow_mut().threshold = t);
}

/// `gc.get_count()`: generation 0's count is exact (pruned of the dead).
pub fn count() -> [usize; GENERATIONS] {
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        h.gens[0].retain(Node::alive);
        h.count[0] = h.gens[0].len() + young_len();
        h.since_prune = 0;
        h.count
    })
}

/// The live tracked objects of generation `gen`, or of all of them.
pub fn objects(gen: Option<usize>) -> Vec<Value> {
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        if gen.unwrap_or(0) == 0 {
            flush_young(&mut h);
        }
        let gens: Vec<&Vec<Node>> = match gen {
            Some(g) => vec![&h.gens[g]],
            None => h.gens.iter().collect(),
        };
        gens.into_iter().flatten().filter_map(Node::upgrade).collect()
    })
}

/// `gc.freeze()`: everything tracked moves to the permanent generation.
pub fn freeze() {
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        flush_young(&mut h);
        let mut all = Vec::new();
        for g in h.gens.iter_mut() {
            all.append(g);
        }
        all.retain(Node::alive);
        h.frozen.append(&mut all);
        h.count = [0; GENERATIONS];
    })
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest.
pub fn unfreeze() {
    HEAP.with(|h| {
        let mut h = h.borrow_mut();
        let mut frozen = std::mem::take(&mut h.frozen);
        frozen.retain(Node::alive);
        h.gens[GENERATIONS - 1].append(&mut frozen);
    })
}

pub fn freeze_count() -> usize {
    HEAP.with(|h| h.borrow().frozen.iter().filter(|n| n.alive()).count())
}

/// The objects `v` refers to (`gc.get_referents`), as Values.
pub fn referents(v: &Value) -> Vec<Value> {
    struct Collect(Vec<Value>);
    impl Visit for Collect {
        fn hit(&mut self, _: usize) {}
        fn value(&mut self, v: &Value) {
            // CPython's traverse reports every object; the atomic ones too.
            if !matches!(v, Value::Null) {
                self.0.push(v.clone());
            }
        }
        fn dict(&mut self, d: &Rc<RefCell<Dict>>) {
            self.0.push(Value::Dict(d.clone()));
        }
        fn cell(&mut self, c: &CellRef) {
            self.0.push(Value::Cell(c.clone()));
        }
        fn class(&mut self, c: &Rc<Class>) {
            self.0.push(Value::Class(c.clone()));
        }
    }
    let mut c = Collect(Vec::new());
    traverse(v, &mut c);
    c.0
}

/// Whether `gc.is_tracked(v)` is true: CPython's answers, where a dict or
/// tuple counts as tracked only while it holds a tracked object.
pub fn is_tracked(v: &Value) -> bool {
    match v {
        Value::Tuple(t) => holds_tracked(t.iter()),
        Value::FrozenSet(s) => holds_tracked(s.keys().map(|k| &k.value)),
        Value::Dict(d) => d
            .try_borrow()
            .map(|d| d.iter().any(|(k, v)| addr(&k.value).is_some() || addr(v).is_some()))
            .unwrap_or(true),
        _ => addr(v).is_some(),
    }
}
