//! A frame's value stack: a vector kept as a pointer to its top, so that
//! the evaluation loop's pushes and pops are a load, a store and an add
//! (a `Vec` keeps a length, which a push must scale and write back beside
//! the pointer it reloads).
//!
//! The storage is a `Vec<Value>`'s allocation, taken over by `from_vec`
//! and given back by `into_vec` (frames keep it for their code's next
//! frame). `pop_unchecked` is for the evaluation loop, whose stack depth
//! the compiler bounds; pushes and inserts check, and grow like a `Vec` (a push kept
//! unchecked stored values piece by piece, and the 16-byte loads that pop
//! them missed store-to-load forwarding: see `Frame::push`).

use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use crate::value::Value;

pub struct ValueStack {
    /// The allocation's start (a `Vec`'s pointer: dangling when `cap` is 0).
    base: *mut Value,
    /// One past the last value: `base + len`.
    top: *mut Value,
    /// One past the allocation: `base + capacity`.
    end: *mut Value,
}

impl ValueStack {
    /// Take over `v`'s allocation and values.
    pub fn from_vec(v: Vec<Value>) -> ValueStack {
        let mut v = ManuallyDrop::new(v);
        let base = v.as_mut_ptr();
        // `wrapping_add`: in bounds (`len <= cap`), and safe to compute.
        ValueStack {
            base,
            top: base.wrapping_add(v.len()),
            end: base.wrapping_add(v.capacity()),
        }
    }

    /// Give the allocation and the values back as a `Vec`.
    pub fn into_vec(self) -> Vec<Value> {
        let me = ManuallyDrop::new(self);
        // SAFETY: `base` and `cap` are the allocation `from_vec` took over
        // (or `grow` made), and the first `len` values are initialised.
        // `self` is not dropped, so the allocation has one owner.
        unsafe { Vec::from_raw_parts(me.base, me.len(), me.capacity()) }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        (self.top as usize - self.base as usize) / std::mem::size_of::<Value>()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.top == self.base
    }

    pub fn capacity(&self) -> usize {
        (self.end as usize - self.base as usize) / std::mem::size_of::<Value>()
    }

    /// Pop without an emptiness check.
    ///
    /// # Safety
    /// `len() > 0`.
    #[inline(always)]
    pub unsafe fn pop_unchecked(&mut self) -> Value {
        debug_assert!(!self.is_empty());
        // SAFETY: the caller guarantees a value; moving the top down first
        // hands its ownership to the read. The value is read as its two
        // words (`Value` is 16 bytes, `repr(u64)`: a tag word, then the
        // payload word), as `MaybeUninit` so that padding bytes and the
        // pointers' provenance come along unchanged, and the 16 bytes
        // are a valid `Value` again: the ones just read from one.
        //
        // Why words: values are often pushed as two 8-byte stores (the tag,
        // then the payload), and a 16-byte load of them (what a plain read
        // compiles to) cannot be forwarded from two stores; it waits for
        // them to reach the cache. Two 8-byte loads are each forwarded.
        unsafe {
            self.top = self.top.sub(1);
            let w = self.top as *const std::mem::MaybeUninit<u64>;
            let words = [w.read(), w.add(1).read()];
            std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>(words)
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        if self.top == self.end {
            self.grow();
        }
        // SAFETY: there is room (just checked or made); the slot is past
        // the values.
        unsafe {
            self.top.write(v);
            self.top = self.top.add(1);
        }
    }

    /// `push`, writing the value as its two words: for a value that was
    /// itself just written as two 8-byte stores (an attribute load's hit
    /// builds its result that way), which a 16-byte copy would have to
    /// wait for (`pop_unchecked` says why).
    #[inline(always)]
    pub fn push_words(&mut self, v: Value) {
        if self.top == self.end {
            self.grow();
        }
        // SAFETY: as in `push`; the value's 16 bytes are written as the
        // two words they are (see `pop_unchecked`), so the slot holds
        // exactly `v`, which is owned by the stack from here.
        unsafe {
            let words = std::mem::transmute::<Value, [std::mem::MaybeUninit<u64>; 2]>(v);
            let w = self.top as *mut std::mem::MaybeUninit<u64>;
            w.write(words[0]);
            w.add(1).write(words[1]);
            self.top = self.top.add(1);
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        // SAFETY: not empty, just checked.
        Some(unsafe { self.pop_unchecked() })
    }

    /// Room for one more value, as `Vec::reserve` makes it.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let mut v = std::mem::replace(self, ValueStack::from_vec(Vec::new())).into_vec();
        v.reserve(1);
        *self = ValueStack::from_vec(v);
    }

    /// Cut the stack to `n` values, dropping the rest (as `Vec::truncate`).
    pub fn truncate(&mut self, n: usize) {
        while self.len() > n {
            // SAFETY: not empty (len > n >= 0).
            drop(unsafe { self.pop_unchecked() });
        }
    }

    /// Set the length without dropping or initialising anything.
    ///
    /// # Safety
    /// As `Vec::set_len`: `n <= capacity()`, and the first `n` values are
    /// initialised.
    #[inline(always)]
    pub unsafe fn set_len(&mut self, n: usize) {
        debug_assert!(n <= self.capacity());
        self.top = self.base.wrapping_add(n);
    }

    /// Insert `v` at `i`, moving the values above up (as `Vec::insert`).
    pub fn insert(&mut self, i: usize, v: Value) {
        let n = self.len();
        assert!(i <= n, "insert past the top");
        if self.top == self.end {
            self.grow();
        }
        // SAFETY: room for one more (just checked or made); the `n - i` values from
        // `i` move up one bitwise, then `v` fills the gap, so each value
        // has one owner.
        unsafe {
            let at = self.base.add(i);
            std::ptr::copy(at, at.add(1), n - i);
            at.write(v);
            self.set_len(n + 1);
        }
    }

    /// Take the value at `i` out, moving the values above down (as
    /// `Vec::remove`).
    pub fn remove(&mut self, i: usize) -> Value {
        let n = self.len();
        assert!(i < n, "remove past the top");
        // SAFETY: `i` is in range; its value is read out, then the values
        // above move down one bitwise over it, so each has one owner.
        unsafe {
            let at = self.base.add(i);
            let v = at.read();
            std::ptr::copy(at.add(1), at, n - i - 1);
            self.set_len(n - 1);
            v
        }
    }

    /// The values from `at` on, taken off the stack in order.
    pub fn split_off(&mut self, at: usize) -> Vec<Value> {
        let n = self.len();
        assert!(at <= n, "split_off past the top");
        let mut out = Vec::with_capacity(n - at);
        // SAFETY: the `n - at` values from `at` move bitwise into `out`
        // (room made above) and the stack is cut to `at`, so each has one
        // owner.
        unsafe {
            std::ptr::copy_nonoverlapping(self.base.add(at), out.as_mut_ptr(), n - at);
            out.set_len(n - at);
            self.set_len(at);
        }
        out
    }
}

impl Deref for ValueStack {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        // SAFETY: `base` is the allocation's (non-null, aligned) pointer and
        // the first `len` values are initialised.
        unsafe { std::slice::from_raw_parts(self.base, self.len()) }
    }
}

impl DerefMut for ValueStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as for `deref`, and `&mut self` is the only access.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len()) }
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        // Values and allocation go as a `Vec`'s do.
        drop(std::mem::replace(self, ValueStack::from_vec(Vec::new())).into_vec());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_vec() {
        let mut s = ValueStack::from_vec(Vec::with_capacity(2));
        assert!(s.is_empty());
        for i in 0..5 {
            s.push(Value::Int(i));
        }
        assert_eq!(s.len(), 5);
        s.insert(1, Value::Int(10));
        assert!(matches!(s.remove(0), Value::Int(0)));
        assert!(matches!(s[0], Value::Int(10)));
        let tail = s.split_off(3);
        assert_eq!(tail.len(), 2);
        s.truncate(1);
        assert!(matches!(s.pop(), Some(Value::Int(10))));
        assert!(s.pop().is_none());
        s.push(Value::Int(7));
        let v = s.into_vec();
        assert!(matches!(v[..], [Value::Int(7)]));
    }
}
