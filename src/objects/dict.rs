//! Dicts and sets: insertion-ordered hash tables keyed by Python equality.
//!
//! A key carries its Python hash; equality of two keys is Python `==`, which for
//! built-in types is computed here and for instances calls `__eq__` through
//! the running VM.

use std::rc::Rc;

use indexmap::Equivalent;

use crate::value::{PyStr, Value};

#[derive(Clone)]
pub struct Key {
    pub hash: i64,
    pub value: Value,
}

impl Key {
    /// The key for an interned name string, with its cached hash.
    pub fn name(s: &std::rc::Rc<crate::value::PyStr>) -> Key {
        Key {
            hash: s.hash(),
            value: Value::Str(s.clone()),
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value)
    }
}
impl Eq for Key {}

/// Python equality for dict keys.
#[inline]
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    // Two strs (most keys), without the general comparison's dispatch.
    if let (Value::Str(x), Value::Str(y)) = (a, b) {
        return crate::value::text_eq(x.as_str(), y.as_str());
    }
    match crate::vm::ops::builtin_eq(a, b) {
        Some(r) => r,
        None => crate::vm::with_current(|vm| vm.eq(a, b).unwrap_or(false)),
    }
}

/// Looks a str key up without building a `Value`.
pub struct StrKey<'a>(pub &'a str, pub i64);

impl Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        match &key.value {
            // The same string object (names are interned per module) needs
            // no byte comparison.
            Value::Str(s) => std::ptr::eq(s.as_str(), self.0) || crate::value::text_eq(s.as_str(), self.0),
            _ => false,
        }
    }
}

/// Up to this many keys a dict keeps only its entries, in insertion
/// order, and finds a key by scanning their hashes: no hash table to build,
/// fill and free. Instance dicts, keyword arguments and most literals stay
/// this small. The table is built when a key past it arrives.
const SMALL: usize = 8;

/// Whether `s` is the string object at `name` (`Rc::as_ptr`): one compare
/// of the key's own pointer, without reading the string (comparing the
/// address of its text took a load from the key's allocation, a cache
/// line of its own, on every cached attribute access).
#[inline(always)]
fn is_name(s: &Rc<PyStr>, name: *const PyStr) -> bool {
    std::ptr::eq(Rc::as_ptr(s), name)
}

/// A key looked for: its Python hash, and equality with the stored keys.
pub trait Probe: Equivalent<Key> {
    fn py_hash(&self) -> i64;
}

impl Probe for Key {
    #[inline(always)]
    fn py_hash(&self) -> i64 {
        self.hash
    }
}

impl Probe for StrKey<'_> {
    #[inline(always)]
    fn py_hash(&self) -> i64 {
        self.1
    }
}

/// Where a hash lands in the index: the Python hash, mixed so that small
/// ints spread over hashbrown's control bytes.
#[inline(always)]
fn mix(h: i64) -> u64 {
    (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26)
}

/// A dict's entries in insertion order, and past `SMALL` of them an index
/// from hash to position. A position is the same whether or not the index
/// exists, so the caches that read an entry by position (`value_at_if_name`)
/// take no branch on the table's form.
#[derive(Clone, Default)]
struct Table {
    entries: Vec<(Key, Value)>,
    index: Option<hashbrown::HashTable<u32>>,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        Table {
            entries: Vec::with_capacity(n),
            index: (n > SMALL).then(|| hashbrown::HashTable::with_capacity(n)),
        }
    }
    #[inline]
    fn len(&self) -> usize {
        self.entries.len()
    }
    #[inline]
    fn index_of<Q: Probe + ?Sized>(&self, q: &Q) -> Option<usize> {
        let h = q.py_hash();
        match &self.index {
            None => self.entries.iter().position(|(k, _)| k.hash == h && q.equivalent(k)),
            Some(t) => t
                .find(mix(h), |&i| {
                    let k = &self.entries[i as usize].0;
                    k.hash == h && q.equivalent(k)
                })
                .map(|&i| i as usize),
        }
    }
    #[inline]
    fn get_index(&self, i: usize) -> Option<(&Key, &Value)> {
        self.entries.get(i).map(|(k, v)| (k, v))
    }
    #[inline]
    fn get_index_mut(&mut self, i: usize) -> Option<(&Key, &mut Value)> {
        self.entries.get_mut(i).map(|(k, v)| (&*k, v))
    }
    #[inline]
    fn get<Q: Probe + ?Sized>(&self, q: &Q) -> Option<&Value> {
        self.index_of(q).map(|i| &self.entries[i].1)
    }
    /// Insert or replace (keeping the first key object, as Python does).
    fn insert_full(&mut self, k: Key, v: Value) -> (usize, Option<Value>) {
        if let Some(i) = self.index_of(&k) {
            return (i, Some(std::mem::replace(&mut self.entries[i].1, v)));
        }
        (self.push_new(k, v), None)
    }
    /// Append a key known not to be present; its position.
    #[inline]
    fn push_new(&mut self, k: Key, v: Value) -> usize {
        let i = self.entries.len();
        let h = k.hash;
        self.entries.push((k, v));
        match &mut self.index {
            Some(t) => {
                let entries = &self.entries;
                t.insert_unique(mix(h), i as u32, |&j| mix(entries[j as usize].0.hash));
            }
            None if self.entries.len() > SMALL => self.build_index(),
            None => {}
        }
        i
    }
    #[cold]
    fn build_index(&mut self) {
        let mut t = hashbrown::HashTable::with_capacity(2 * self.entries.len());
        for (i, (k, _)) in self.entries.iter().enumerate() {
            t.insert_unique(mix(k.hash), i as u32, |&j| mix(self.entries[j as usize].0.hash));
        }
        self.index = Some(t);
    }
    /// Remove the entry at position `i`; later entries move down one.
    fn remove_at(&mut self, i: usize) -> (Key, Value) {
        if let Some(t) = &mut self.index {
            let h = mix(self.entries[i].0.hash);
            if let Ok(slot) = t.find_entry(h, |&j| j as usize == i) {
                slot.remove();
            }
            if i + 1 < self.entries.len() {
                for j in t.iter_mut() {
                    if *j as usize > i {
                        *j -= 1;
                    }
                }
            }
        }
        self.entries.remove(i)
    }
    fn shift_remove<Q: Probe + ?Sized>(&mut self, q: &Q) -> Option<Value> {
        let i = self.index_of(q)?;
        Some(self.remove_at(i).1)
    }
    fn pop(&mut self) -> Option<(Key, Value)> {
        let last = self.entries.len().checked_sub(1)?;
        Some(self.remove_at(last))
    }
    fn iter(&self) -> Entries<'_> {
        Entries(self.entries.iter())
    }
}

/// A dict's entries in order (`Dict::iter`).
pub struct Entries<'a>(std::slice::Iter<'a, (Key, Value)>);

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a Key, &'a Value);
    #[inline]
    fn next(&mut self) -> Option<(&'a Key, &'a Value)> {
        self.0.next().map(|(k, v)| (k, v))
    }
}

thread_local! {
    /// The last version handed out to any dict (see `Dict::version`).
    static DICT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn fresh_version() -> u64 {
    DICT_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

pub struct Dict {
    map: Table,
    /// The keys version: a number no other dict, and no other key set of
    /// this dict, has had. Every new dict and every change to which keys it
    /// holds, or where, draws a fresh one; a value replaced under an
    /// existing key does not. So a key found at a position while the
    /// version was V is still there while it is V (`vm::code::GlobalCache`).
    version: u64,
    /// One bit (`hash_bit`) for the hash of every key the dict has held:
    /// a key whose bit is clear is not there, found without probing. The
    /// common misses (a method name looked up in an instance dict, a
    /// name in each class dict of an MRO) are small dicts, where it is
    /// clear for most names. Removals leave their bits set. The top bit
    /// (`OTHER_KEYS`) is no hash's: it says a key other than an exact str
    /// has been in the dict.
    hash_bits: u64,
}

/// A key's bit in `Dict::hash_bits`: one of the low 63.
#[inline(always)]
fn hash_bit(h: i64) -> u64 {
    1 << hash_bit_index(h)
}

/// Which bit of `Dict::hash_bits` a key of hash `h` sets (below 63): what
/// a cache keeps for a name, to ask `lacks_bit` without the hash.
#[inline(always)]
pub fn hash_bit_index(h: i64) -> u32 {
    ((h as u64 >> 7) & 63).min(62) as u32
}

/// `Dict::hash_bits`' flag for a key that is not an exact str (an int, a
/// tuple, a str subclass's instance): until one comes, a str's text alone
/// tells whether it is a key.
const OTHER_KEYS: u64 = 1 << 63;

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            map: Table::default(),
            version: fresh_version(),
            hash_bits: 0,
        }
    }
}

impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            map: self.map.clone(),
            version: fresh_version(),
            hash_bits: self.hash_bits,
        }
    }
}

impl Dict {
    /// The entries, in insertion order.
    pub fn iter(&self) -> Entries<'_> {
        self.map.iter()
    }
    pub fn version(&self) -> u64 {
        self.version
    }
    /// Whether every key the dict has held is an exact str (the collector
    /// then has no key to visit).
    #[inline]
    pub fn str_keys_only(&self) -> bool {
        self.hash_bits & OTHER_KEYS == 0
    }
    /// Where the str key `k` (hash `h`) sits in insertion order. Where the
    /// text is not there but a key of another type (a str subclass's
    /// instance) could equal it, the general lookup settles it.
    #[inline]
    pub fn index_of_str_h(&self, k: &str, h: i64) -> Option<usize> {
        if self.hash_bits & hash_bit(h) == 0 {
            return None;
        }
        match self.map.index_of(&StrKey(k, h)) {
            None if self.hash_bits & OTHER_KEYS != 0 => self.index_of_other(k),
            found => found,
        }
    }
    /// `index_of_str_h` among keys that are not exact strs.
    #[cold]
    #[inline(never)]
    fn index_of_other(&self, k: &str) -> Option<usize> {
        let key = Key::name(&std::rc::Rc::new(crate::value::PyStr::new(k.to_string())));
        self.map.index_of(&key)
    }
    /// The value at insertion-order position `i`.
    #[inline]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        self.map.get_index(i).map(|(_, v)| v.clone())
    }
    /// The value at position `i`, borrowed, if its key is the exact str
    /// `k` (compared by text: any str object of that text will do).
    #[inline]
    pub fn value_ref_at_if_str(&self, i: usize, k: &str) -> Option<&Value> {
        match self.map.get_index(i) {
            Some((Key { value: Value::Str(s), .. }, v)) if s.as_str() == k => Some(v),
            _ => None,
        }
    }
    /// The value at position `i` if its key is the string object at `name`
    /// (names are interned: attribute names in code and in instance dicts
    /// are one object), found without hashing. A key of the same text in
    /// another object is not seen here, and its lookup takes the slow way.
    #[inline]
    pub fn value_at_if_name(&self, i: usize, name: *const PyStr) -> Option<Value> {
        match self.map.get_index(i) {
            Some((Key { value: Value::Str(s), .. }, v)) if is_name(s, name) => Some(v.clone()),
            _ => None,
        }
    }
    /// Replace the value at position `i` if its key is the string object at
    /// `name` (as `value_at_if_name` finds it), giving back the old value;
    /// otherwise `v` comes back. The keys stay, so the version does too.
    #[inline(always)]
    pub fn replace_at_if_name(&mut self, i: usize, name: *const PyStr, v: Value) -> Result<Value, Value> {
        match self.map.get_index_mut(i) {
            Some((Key { value: Value::Str(s), .. }, slot)) if is_name(s, name) => Ok(std::mem::replace(slot, v)),
            _ => Err(v),
        }
    }
    /// `get_str_h`, also giving the entry's position.
    #[inline]
    pub fn get_full_str_h(&self, k: &str, h: i64) -> Option<(usize, Value)> {
        let i = self.index_of_str_h(k, h)?;
        self.value_at(i).map(|v| (i, v))
    }
    /// The name `k` appended with value `v` where a cache expects it, at
    /// position `i`, if that is the end and `k` is certainly absent
    /// (`push_absent_name`). Otherwise `v` comes back. (Out of line in
    /// its one caller, `attr::append_named`.)
    #[inline]
    pub fn append_at(&mut self, i: usize, k: &std::rc::Rc<crate::value::PyStr>, v: Value) -> Result<(), Value> {
        if i != self.map.len() {
            return Err(v);
        }
        let t = &self.map;
        if t.index.is_some() || t.entries.len() >= t.entries.capacity().min(SMALL) {
            return self.push_absent_name(k, v).map(|_| ());
        }
        // A small table with room: the push without `push_new`'s index
        // upkeep or growth (a new instance's attributes, which its class
        // sized the table for).
        if !self.claim_absent(k.hash()) {
            return Err(v);
        }
        self.map.entries.push((Key::name(k), v));
        Ok(())
    }
    /// Remove and return the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Key, Value)> {
        self.version = fresh_version();
        self.map.pop()
    }
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            map: Table::with_capacity(n),
            version: fresh_version(),
            hash_bits: 0,
        }
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.len() == 0
    }
    pub fn contains_key(&self, k: &Key) -> bool {
        self.map.index_of(k).is_some()
    }
    pub fn get(&self, k: &Key) -> Option<Value> {
        self.map.get(k).cloned()
    }
    /// `get` of `k`, an exact str, found by its text without an owned key.
    #[inline]
    pub fn get_pystr(&self, k: &std::rc::Rc<crate::value::PyStr>) -> Option<Value> {
        self.value_at(self.index_of_str_h(k.as_str(), k.hash())?)
    }
    /// (Inline: for a literal name the hash folds to a constant.)
    #[inline]
    pub fn get_str(&self, k: &str) -> Option<Value> {
        self.get_str_h(k, super::hash::hash_str(k))
    }
    /// `get_str` with the key's hash already computed.
    #[inline]
    pub fn get_str_h(&self, k: &str, h: i64) -> Option<Value> {
        self.value_at(self.index_of_str_h(k, h)?)
    }
    pub fn contains_str(&self, k: &str) -> bool {
        self.index_of_str_h(k, super::hash::hash_str(k)).is_some()
    }
    /// Whether no key whose hash sets bit `index` (`hash_bit_index`) has
    /// ever been in the dict: then no key of that hash is in it now.
    #[inline(always)]
    pub fn lacks_bit(&self, index: u32) -> bool {
        self.hash_bits & (1 << index) == 0
    }
    /// `contains_str` with the key's hash already computed.
    #[inline]
    pub fn contains_str_h(&self, k: &str, h: i64) -> bool {
        self.index_of_str_h(k, h).is_some()
    }
    pub fn insert(&mut self, k: Key, v: Value) -> Option<Value> {
        self.insert_full(k, v).1
    }
    /// `insert`, also giving the key's insertion-order position.
    pub fn insert_full(&mut self, k: Key, v: Value) -> (usize, Option<Value>) {
        // Python keeps the first key object on update; so does `Table`.
        self.hash_bits |= hash_bit(k.hash) | if matches!(k.value, Value::Str(_)) { 0 } else { OTHER_KEYS };
        let (i, old) = self.map.insert_full(k, v);
        if old.is_none() {
            self.version = fresh_version();
        }
        (i, old)
    }
    /// Add the name `k` with value `v` if its hash bit says it cannot be
    /// there yet (a new instance's attributes): no scan for it. Gives `v`
    /// back when the bit is set; `insert_full` then decides.
    #[inline]
    pub fn push_absent_name(&mut self, k: &std::rc::Rc<crate::value::PyStr>, v: Value) -> Result<usize, Value> {
        if !self.claim_absent(k.hash()) {
            return Err(v);
        }
        Ok(self.map.push_new(Key::name(k), v))
    }
    /// For a key of hash `h` about to be added without a scan: false if
    /// its hash bit says it may be there; else the bit is set and the keys
    /// version renewed.
    #[inline(always)]
    fn claim_absent(&mut self, h: i64) -> bool {
        let bit = hash_bit(h);
        if self.hash_bits & bit != 0 {
            return false;
        }
        self.hash_bits |= bit;
        self.version = fresh_version();
        true
    }
    /// Replace the value at insertion-order position `i` (the key stays).
    #[inline]
    pub fn replace_at(&mut self, i: usize, v: Value) -> Option<Value> {
        self.map.get_index_mut(i).map(|(_, slot)| std::mem::replace(slot, v))
    }
    pub fn set_str(&mut self, k: &str, v: Value) {
        let h = super::hash::hash_str(k);
        self.insert_full(
            Key {
                hash: h,
                value: Value::str(k),
            },
            v,
        );
    }
    pub fn remove(&mut self, k: &Key) -> Option<Value> {
        self.version = fresh_version();
        self.map.shift_remove(k)
    }
    pub fn remove_str(&mut self, k: &str) -> Option<Value> {
        self.version = fresh_version();
        let h = super::hash::hash_str(k);
        self.map.shift_remove(&StrKey(k, h))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.map.iter().map(|(k, _)| k.value.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.map.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map.iter().map(|(k, v)| (k.value.clone(), v.clone())).collect()
    }
    pub fn entry_at(&self, i: usize) -> Option<(Value, Value)> {
        self.map.get_index(i).map(|(k, v)| (k.value.clone(), v.clone()))
    }
}

pub use super::set::Set;
