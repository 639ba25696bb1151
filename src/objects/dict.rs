//! Dicts and sets: insertion-ordered hash tables keyed by Python equality.
//!
//! A key carries its Python hash; equality of two keys is Python `==`, which for
//! built-in types is computed here and for instances calls `__eq__` through
//! the running VM.

use std::hash::{BuildHasherDefault, Hash, Hasher};

use indexmap::{Equivalent, IndexMap};

use crate::value::Value;

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

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value)
    }
}
impl Eq for Key {}

/// Python equality for dict keys.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match crate::vm::ops::builtin_eq(a, b) {
        Some(r) => r,
        None => crate::vm::with_current(|vm| vm.eq(a, b).unwrap_or(false)),
    }
}

/// Looks a str key up without building a `Value`.
pub struct StrKey<'a>(pub &'a str, pub i64);

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.1);
    }
}

impl Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        match &key.value {
            // The same string object (names are interned per module) needs
            // no byte comparison.
            Value::Str(s) => std::ptr::eq(s.as_str(), self.0) || s.as_str() == self.0,
            _ => false,
        }
    }
}

/// The hash is already a good Python hash; mix it so that small ints spread
/// over the table's control bytes.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ (*b as u64) ^ (self.0 >> 56);
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = i as u64;
    }
}

pub type Map<V> = IndexMap<Key, V, BuildHasherDefault<KeyHasher>>;

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
    map: Map<Value>,
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
    /// clear for most names. Removals leave their bits set.
    hash_bits: u64,
}

/// A key's bit in `Dict::hash_bits`.
#[inline(always)]
fn hash_bit(h: i64) -> u64 {
    1 << ((h as u64 >> 7) & 63)
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            map: Map::default(),
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
    /// The entries, for reading.
    pub fn map(&self) -> &Map<Value> {
        &self.map
    }
    pub fn version(&self) -> u64 {
        self.version
    }
    /// Where the str key `k` (hash `h`) sits in insertion order.
    #[inline]
    pub fn index_of_str_h(&self, k: &str, h: i64) -> Option<usize> {
        if self.hash_bits & hash_bit(h) == 0 {
            return None;
        }
        self.map.get_index_of(&StrKey(k, h))
    }
    /// The value at insertion-order position `i`.
    #[inline]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        self.map.get_index(i).map(|(_, v)| v.clone())
    }
    /// The value at position `i` if its key is the very string `k` (the
    /// same object: names are interned), found without hashing.
    #[inline]
    pub fn value_at_if_key(&self, i: usize, k: &str) -> Option<Value> {
        match self.map.get_index(i) {
            Some((Key { value: Value::Str(s), .. }, v)) if std::ptr::eq(s.as_str(), k) => Some(v.clone()),
            _ => None,
        }
    }
    /// `get_str_h`, also giving the entry's position.
    #[inline]
    pub fn get_full_str_h(&self, k: &str, h: i64) -> Option<(usize, Value)> {
        if self.hash_bits & hash_bit(h) == 0 {
            return None;
        }
        self.map.get_full(&StrKey(k, h)).map(|(i, _, v)| (i, v.clone()))
    }
    /// Replace the value at position `i` if its key is the very string `k`,
    /// giving back the old value; otherwise give `v` back.
    #[inline]
    pub fn replace_if_key(&mut self, i: usize, k: &str, v: Value) -> Result<Value, Value> {
        match self.map.get_index_mut(i) {
            Some((Key { value: Value::Str(s), .. }, slot)) if std::ptr::eq(s.as_str(), k) => Ok(std::mem::replace(slot, v)),
            _ => Err(v),
        }
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
            map: Map::with_capacity_and_hasher(n, Default::default()),
            version: fresh_version(),
            hash_bits: 0,
        }
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn get(&self, k: &Key) -> Option<Value> {
        self.map.get(k).cloned()
    }
    pub fn get_str(&self, k: &str) -> Option<Value> {
        self.get_str_h(k, super::hash::hash_str(k))
    }
    /// `get_str` with the key's hash already computed.
    #[inline]
    pub fn get_str_h(&self, k: &str, h: i64) -> Option<Value> {
        if self.hash_bits & hash_bit(h) == 0 {
            return None;
        }
        self.map.get(&StrKey(k, h)).cloned()
    }
    pub fn contains_str(&self, k: &str) -> bool {
        let h = super::hash::hash_str(k);
        self.map.contains_key(&StrKey(k, h))
    }
    pub fn insert(&mut self, k: Key, v: Value) -> Option<Value> {
        self.insert_full(k, v).1
    }
    /// `insert`, also giving the key's insertion-order position.
    pub fn insert_full(&mut self, k: Key, v: Value) -> (usize, Option<Value>) {
        // Python keeps the first key object on update; so does IndexMap.
        self.hash_bits |= hash_bit(k.hash);
        let (i, old) = self.map.insert_full(k, v);
        if old.is_none() {
            self.version = fresh_version();
        }
        (i, old)
    }
    /// Replace the value at insertion-order position `i` (the key stays).
    #[inline]
    pub fn replace_at(&mut self, i: usize, v: Value) -> Option<Value> {
        self.map.get_index_mut(i).map(|(_, slot)| std::mem::replace(slot, v))
    }
    pub fn set_str(&mut self, k: &str, v: Value) {
        let h = super::hash::hash_str(k);
        if let Some(slot) = self.map.get_mut(&StrKey(k, h)) {
            *slot = v;
        } else {
            self.version = fresh_version();
            self.hash_bits |= hash_bit(h);
            self.map.insert(
                Key {
                    hash: h,
                    value: Value::str(k),
                },
                v,
            );
        }
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
        self.map.keys().map(|k| k.value.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.map.values().cloned().collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map.iter().map(|(k, v)| (k.value.clone(), v.clone())).collect()
    }
    pub fn entry_at(&self, i: usize) -> Option<(Value, Value)> {
        self.map.get_index(i).map(|(k, v)| (k.value.clone(), v.clone()))
    }
}

pub use super::set::Set;
