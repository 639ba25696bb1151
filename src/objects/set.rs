//! Sets: the same open-addressing table as CPython's `Objects/setobject.c`
//! (linear probes of 9, then perturbed probing; resize at 60% fill; `pop`
//! scanning from a finger), so that sets of ints iterate in CPython's order.

use super::dict::{keys_equal, Key};
use crate::value::Value;

/// `keys_equal`, with two word-sized ints (equal hashes, so nearly always
/// the same int) compared in place.
#[inline(always)]
fn same_key(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        _ => keys_equal(a, b),
    }
}

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Walk CPython's probe sequence for `hash` in `table` (a power of two
/// long): runs of `LINEAR_PROBES + 1` slots where they fit, then a
/// perturbed jump. `visit` sees each slot with its index until it gives
/// an answer.
#[inline(always)]
fn probe<R>(table: &[Slot], hash: i64, mut visit: impl FnMut(usize, &Slot) -> Option<R>) -> R {
    let mask = table.len() - 1;
    let mut i = hash as u64 as usize & mask;
    let mut perturb = hash as u64;
    loop {
        if i + LINEAR_PROBES <= mask {
            // (One bounds check for the run of slots, not one per slot.)
            for (j, slot) in table[i..=i + LINEAR_PROBES].iter().enumerate() {
                if let Some(r) = visit(i + j, slot) {
                    return r;
                }
            }
        } else if let Some(r) = visit(i, &table[i]) {
            // No run fits (near the table's end, or a small table's every
            // slot): one slot, without a run's setup.
            return r;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(Key),
}

#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

enum Found {
    Active,
    Free(usize),
}

impl Set {
    pub fn new() -> Set {
        Set {
            table: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Find `k` for an insertion: whether it is there, or where it would go
    /// (the first dummy seen, else the empty slot).
    fn find(&self, k: &Key) -> Found {
        let mut freeslot = None;
        probe(&self.table, k.hash, |idx, slot| match slot {
            Slot::Empty => Some(Found::Free(freeslot.unwrap_or(idx))),
            Slot::Dummy => {
                if freeslot.is_none() {
                    freeslot = Some(idx);
                }
                None
            }
            Slot::Full(e) => (e.hash == k.hash && same_key(&e.value, &k.value)).then_some(Found::Active),
        })
    }

    /// The slot holding `k`, if any: `find` without tracking where `k`
    /// would go (lookups, removals).
    #[inline]
    fn find_active(&self, k: &Key) -> Option<usize> {
        probe(&self.table, k.hash, |idx, slot| match slot {
            Slot::Full(e) => (e.hash == k.hash && same_key(&e.value, &k.value)).then_some(Some(idx)),
            Slot::Empty => Some(None),
            Slot::Dummy => None,
        })
    }

    pub fn contains(&self, k: &Key) -> bool {
        self.find_active(k).is_some()
    }

    /// Add `k`; false if it was already there.
    pub fn insert(&mut self, k: Key) -> bool {
        match self.find(&k) {
            Found::Active => false,
            Found::Free(idx) => {
                let was_empty = matches!(self.table[idx], Slot::Empty);
                self.table[idx] = Slot::Full(k);
                self.used += 1;
                if was_empty {
                    self.fill += 1;
                    if self.fill * 5 >= self.mask() * 3 {
                        let target = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                        self.resize(target);
                    }
                }
                true
            }
        }
    }

    pub fn remove(&mut self, k: &Key) -> bool {
        match self.find_active(k) {
            Some(idx) => {
                self.table[idx] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// Place `k` in a table with no dummies and no equal key: `probe`'s
    /// sequence, with the first slot (nearly always free) tried before a run.
    fn insert_clean(table: &mut [Slot], k: Key) {
        let mask = table.len() - 1;
        let mut i = (k.hash as u64 as usize) & mask;
        let mut perturb = k.hash as u64;
        loop {
            if matches!(table[i], Slot::Empty) {
                table[i] = Slot::Full(k);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(table[i + j], Slot::Empty) {
                        table[i + j] = Slot::Full(k);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Full(k) = s {
                Self::insert_clean(&mut self.table, k);
            }
        }
    }

    /// Keys in table order.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    pub fn items(&self) -> Vec<Value> {
        self.keys().map(|k| k.value.clone()).collect()
    }

    /// set.pop(): the first active slot from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Full(_)) {
            i = if i >= mask { 0 } else { i + 1 };
        }
        let Slot::Full(k) = std::mem::replace(&mut self.table[i], Slot::Dummy) else {
            unreachable!()
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(k.value)
    }

    /// set_merge: add every key of `other`, as `set.update(other_set)` does.
    pub fn merge(&mut self, other: &Set) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for k in other.keys() {
                Self::insert_clean(&mut self.table, k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for k in other.keys() {
            self.insert(k.clone());
        }
    }

    /// A copy built the way CPython copies a set (make_new_set + merge).
    pub fn copy(&self) -> Set {
        let mut s = Set::new();
        s.merge(self);
        s
    }
}

/// Hash of a constant (int, float, str, bytes, tuple of those) without a VM.
fn const_hash(v: &Value) -> i64 {
    use super::hash::*;
    match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
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
        Value::None => 0x5f3759df,
        Value::Tuple(t) => hash_tuple(&t.iter().map(const_hash).collect::<Vec<_>>()),
        _ => 0,
    }
}

/// A frozenset of constants, inserted in the given order.
pub fn const_frozenset(vals: &[Value]) -> Set {
    let mut s = Set::new();
    for v in vals {
        s.insert(Key {
            hash: const_hash(v),
            value: v.clone(),
        });
    }
    s
}

/// The set operators with CPython's algorithms (which decide result order).
pub fn set_op(x: &Set, y: &Set, o: u32) -> Set {
    use crate::vm::instr::op;
    match o {
        op::OR => {
            let mut r = x.copy();
            r.merge(y);
            r
        }
        op::AND => {
            let (small, big) = if y.len() > x.len() { (x, y) } else { (y, x) };
            let mut r = Set::new();
            for k in small.keys() {
                if big.contains(k) {
                    r.insert(k.clone());
                }
            }
            r
        }
        op::SUB => {
            if (x.len() >> 2) > y.len() {
                let mut r = x.copy();
                for k in y.keys() {
                    r.remove(k);
                }
                r
            } else {
                let mut r = Set::new();
                for k in x.keys() {
                    if !y.contains(k) {
                        r.insert(k.clone());
                    }
                }
                r
            }
        }
        _ => {
            let mut r = y.copy();
            for k in x.keys() {
                if !r.remove(k) {
                    r.insert(k.clone());
                }
            }
            r
        }
    }
}
