//! The Python value: a small enum whose immediate variants (None, bools,
//! machine-size ints, floats) never touch the heap, and whose other variants
//! are reference-counted pointers to heap objects. Objects die when their last
//! `Rc` goes, which is what gives `__del__` its CPython timing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::objects::{BoundMethod, Builtin, Class, Dict, Function, Generator, Instance, IterState, Module, Property, Set, Super};
use crate::vm::code::Code;

/// The immediate variants come first, so `is_immediate` (the check before
/// every inline drop) is one compare of the tag. `repr(u64)` fixes the
/// layout: the tag as a whole first word, then every heap variant's `Rc`
/// at offset 8, which is what lets `clone` and `release` reach the count
/// without a jump table.
///
/// The tag is a word, not a byte, so that a value has no padding in its
/// first word. With a one-byte tag LLVM copied values as the tag byte,
/// the seven padding bytes (in odd pieces) and the payload, and the 16-byte
/// load that next read such a copy (a pop, a clone) could not be forwarded
/// from those stores: a stall on most pushes and attribute loads. With
/// the word, copies are two 8-byte moves or one 16-byte move (README:
/// geometric mean of the benchmarks -10% in wall time, ~same instructions).
#[repr(u64)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// Ints that fit in a machine word: no allocation.
    Int(i64),
    Float(f64),
    /// Internal marker on the value stack (LOAD_METHOD found no unbound method). Never visible to Python.
    Null,
    /// Everything bigger; always normalised so that a value fitting i64 is `Int`.
    Long(Rc<BigInt>),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    ByteArray(Rc<RefCell<Vec<u8>>>),
    /// A boxed slice, not a `Vec`: the `Rc` allocation is 32 bytes, not 48
    /// (peak RSS of programs that keep many tuples).
    Tuple(Rc<Box<[Value]>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<RangeObj>),
    /// dict.keys() / values() / items(): kind 0, 1, 2.
    DictView(Rc<(Rc<RefCell<Dict>>, u8)>),
    Slice(Rc<[Value; 3]>),
    Func(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iter(Rc<RefCell<IterState>>),
    Generator(Rc<Generator>),
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<Super>),
    Code(Rc<Code>),
    Cell(Rc<RefCell<Option<Value>>>),
    File(Rc<RefCell<crate::modules::io::File>>),
}

thread_local! {
    /// The empty tuple every `Value::tuple(vec![])` gives.
    static EMPTY_TUPLE: Rc<Box<[Value]>> = Rc::new(Box::new([]));
}

impl Value {
    /// Whether the value owns nothing on the heap (dropping it is a no-op).
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Value::None | Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::NotImplemented | Value::Ellipsis | Value::Null
        )
    }

    /// Drop `self`, with the check for an immediate value inline: the
    /// interpreter's hot paths drop mostly ints, floats and bools, for which
    /// the out-of-line drop glue would be a call that does nothing.
    #[inline(always)]
    pub fn release(self) {
        if self.is_immediate() {
            std::mem::forget(self);
            return;
        }
        let strong = self.strong_count_cell();
        let n = strong.get();
        if n > 1 {
            // Not the last reference: the count is all there is to do.
            strong.set(n - 1);
            std::mem::forget(self);
        } else {
            drop_last(self);
        }
    }

    /// The reference count of a heap value's `Rc`.
    #[inline(always)]
    fn strong_count_cell(&self) -> &Cell<usize> {
        debug_assert!(!self.is_immediate());
        // SAFETY: `repr(u64)` lays every variant out as the tag followed by
        // its fields, so a heap variant's only field, an `Rc<T>` with a
        // sized `T`, is the word at offset 8: a non-null pointer to std's
        // `RcInner<T>`, which is `repr(C)` with the strong count (a
        // `Cell<usize>`) first. The count lives as long as `self` holds the
        // reference. `tests::strong_count_layout` checks this against
        // `Rc::strong_count` for heap variants of five payload types.
        unsafe {
            let inner = *(self as *const Value as *const u8).add(8).cast::<*const Cell<usize>>();
            &*inner
        }
    }
}

/// The drop of a heap value's last reference, out of line: the variant's
/// own drop glue (a jump table) frees it.
#[inline(never)]
fn drop_last(v: Value) {
    drop(v);
}

impl Clone for Value {
    /// An immediate is copied; a heap value's count goes up by one. Both are
    /// a bitwise copy of the 16 bytes, so there is no jump over the variants.
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.is_immediate() {
            let strong = self.strong_count_cell();
            let n = strong.get();
            // As `Rc::clone`: a count about to overflow aborts.
            if n == usize::MAX {
                std::process::abort();
            }
            strong.set(n + 1);
        }
        // SAFETY: the copy owns the reference counted just above (or an
        // immediate, which owns nothing).
        unsafe { std::ptr::read(self) }
    }
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    /// The number of values, wrapped into an i64 past `i64::MAX` (as the
    /// iterator's count is kept). Computed in u64: the distance between two
    /// i64s fits, and a 128-bit division is a call (`__divti3`) that every
    /// `for` over a range paid.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start, self.stop, self.step);
        let n: u64 = if step > 0 {
            if lo >= hi {
                0
            } else if step == 1 {
                hi.wrapping_sub(lo) as u64
            } else {
                (hi.wrapping_sub(lo) as u64 - 1) / step as u64 + 1
            }
        } else if lo > hi {
            (lo.wrapping_sub(hi) as u64 - 1) / step.unsigned_abs() + 1
        } else {
            0
        };
        n as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// A Python str: UTF-8 text with its hash cached and its length in code points
/// known, so that ASCII strings index in O(1).
pub struct PyStr {
    /// Boxed, not a `String`: no capacity word, so a `PyStr` is 32 bytes
    /// and its `Rc` allocation a 48-byte block (a `String` made it 64).
    pub s: Box<str>,
    hash: Cell<i64>,
    chars: usize,
}

/// Byte equality of two strs, without a `memcmp` call for the short ones
/// most dict keys and names are: two overlapping word loads from each end.
#[inline(always)]
pub fn text_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap());
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr {
            s: s.into_boxed_str(),
            hash: Cell::new(-1),
            chars,
        }
    }
    /// A str of `text` known to be ASCII (a piece or a case mapping of
    /// ASCII text): its length in chars is its length, without a scan.
    pub fn ascii(text: String) -> PyStr {
        debug_assert!(text.is_ascii());
        PyStr {
            chars: text.len(),
            s: text.into_boxed_str(),
            hash: Cell::new(-1),
        }
    }
    /// The decimal text of `i` (`str(i)`, `repr(i)`): the digits are
    /// written backwards into a buffer on the stack and copied once into
    /// an allocation of their exact size (`i.to_string()` allocated twice,
    /// the second time to shrink the text into a `Box<str>`).
    pub fn of_int(i: i64) -> PyStr {
        // i64::MIN is 19 digits and a sign.
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut n = i.unsigned_abs();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if i < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        let text = std::str::from_utf8(&buf[at..]).unwrap_or_default();
        PyStr {
            chars: text.len(),
            s: Box::from(text),
            hash: Cell::new(-1),
        }
    }
    /// `a + b`: the length in chars is the sum, so the text is not scanned.
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        let mut s = String::with_capacity(a.s.len() + b.s.len());
        s.push_str(&a.s);
        s.push_str(&b.s);
        PyStr {
            s: s.into_boxed_str(),
            hash: Cell::new(-1),
            chars: a.chars + b.chars,
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    pub fn char_len(&self) -> usize {
        self.chars
    }
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::objects::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }
    /// Byte offset of the code point at index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s.to_string())))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    /// `str(i)` of a machine int (`PyStr::of_int`).
    #[inline]
    pub fn int_text(i: i64) -> Value {
        Value::Str(Rc::new(PyStr::of_int(i)))
    }
    /// `string` of text known to be ASCII when `ascii` says so (see
    /// `PyStr::ascii`).
    pub fn string_of(s: String, ascii: bool) -> Value {
        Value::Str(Rc::new(if ascii { PyStr::ascii(s) } else { PyStr::new(s) }))
    }
    /// Containers are made through these constructors (or registered with
    /// `gc::track` where made otherwise), so that the cycle collector sees them.
    pub fn tuple(v: Vec<Value>) -> Value {
        if v.is_empty() {
            // One empty tuple, as in CPython (`() is tuple([])`).
            if let Ok(t) = EMPTY_TUPLE.try_with(Rc::clone) {
                return Value::Tuple(t);
            }
        }
        let t = Value::Tuple(Rc::new(v.into_boxed_slice()));
        crate::gc::track(&t);
        t
    }
    pub fn list(v: Vec<Value>) -> Value {
        let l = Value::List(Rc::new(RefCell::new(v)));
        crate::gc::track(&l);
        l
    }
    pub fn dict(d: Dict) -> Value {
        let d = Value::Dict(Rc::new(RefCell::new(d)));
        crate::gc::track(&d);
        d
    }
    pub fn method(func: Value, obj: Value) -> Value {
        let m = Value::Method(Rc::new(BoundMethod { func, obj }));
        crate::gc::track(&m);
        m
    }
    pub fn set(s: Set) -> Value {
        let s = Value::Set(Rc::new(RefCell::new(s)));
        crate::gc::track(&s);
        s
    }
    pub fn frozenset(s: Set) -> Value {
        let s = Value::FrozenSet(Rc::new(s));
        crate::gc::track(&s);
        s
    }
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Long(Rc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Address of the heap object, if any (used for `is` and `id`).
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            Long(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            ByteArray(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            DictView(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Func(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Property(r) => Rc::as_ptr(r) as *const u8 as usize,
            StaticMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            ClassMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Super(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            File(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.s),
            _ => None,
        }
    }
}

pub fn bool_val(b: bool) -> Value {
    Value::Bool(b)
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "Bool({})", b),
            Value::Int(i) => write!(f, "Int({})", i),
            Value::Long(b) => write!(f, "Long({})", b),
            Value::Float(x) => write!(f, "Float({})", x),
            Value::Str(s) => write!(f, "Str({:?})", s.as_str()),
            other => write!(f, "<{} object>", crate::vm::with_current(|vm| vm.type_name(other))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `RangeObj::len` in u64 gives what the 128-bit formula gives,
    /// extremes and negative steps included.
    #[test]
    fn range_len_matches_wide_arithmetic() {
        let wide = |lo: i64, hi: i64, step: i64| -> i64 {
            let (lo, hi, step) = (lo as i128, hi as i128, step as i128);
            let n = if step > 0 {
                if lo < hi {
                    (hi - lo - 1) / step + 1
                } else {
                    0
                }
            } else if lo > hi {
                (lo - hi - 1) / (-step) + 1
            } else {
                0
            };
            n as i64
        };
        let edges = [i64::MIN, i64::MIN + 1, -1000, -7, -1, 0, 1, 3, 10, 1000, i64::MAX - 1, i64::MAX];
        let steps = [i64::MIN, -1000, -3, -2, -1, 1, 2, 3, 7, 1000, i64::MAX];
        for &start in &edges {
            for &stop in &edges {
                for &step in &steps {
                    let r = RangeObj { start, stop, step };
                    assert_eq!(r.len(), wide(start, stop, step), "range({start}, {stop}, {step})");
                }
            }
        }
    }

    /// `Value::strong_count_cell` reads the count where `Rc` keeps it, for
    /// heap variants of several payload types, and `clone` / `release`
    /// move it as `Rc` does.
    #[test]
    fn strong_count_layout() {
        let s = Rc::new(PyStr::new("x".to_string()));
        let l = Rc::new(RefCell::new(vec![Value::Int(1)]));
        let t = Rc::new(vec![Value::None].into_boxed_slice());
        let b: Rc<BigInt> = Rc::new(BigInt::from(1u8) << 70u32);
        let c: Rc<RefCell<Option<Value>>> = Rc::new(RefCell::new(None));
        let values = [
            Value::Str(s.clone()),
            Value::List(l.clone()),
            Value::Tuple(t.clone()),
            Value::Long(b.clone()),
            Value::Cell(c.clone()),
        ];
        let counts = || {
            [
                Rc::strong_count(&s),
                Rc::strong_count(&l),
                Rc::strong_count(&t),
                Rc::strong_count(&b),
                Rc::strong_count(&c),
            ]
        };
        assert_eq!(counts(), [2; 5]);
        for (v, n) in values.iter().zip(counts()) {
            assert_eq!(v.strong_count_cell().get(), n);
        }
        let copies: Vec<Value> = values.iter().map(Value::clone).collect();
        assert_eq!(counts(), [3; 5]);
        for v in copies {
            v.release();
        }
        assert_eq!(counts(), [2; 5]);
        for v in values {
            v.release();
        }
        assert_eq!(counts(), [1; 5]);
        // The last reference goes through the variant's own drop.
        let last = Value::List(Rc::new(RefCell::new(vec![Value::Str(s.clone())])));
        assert_eq!(Rc::strong_count(&s), 2);
        last.release();
        assert_eq!(Rc::strong_count(&s), 1);
    }

    #[test]
    fn text_eq_agrees_with_byte_equality() {
        // Every length up to past the word loads, each byte position changed.
        for n in 0..24 {
            let a: String = (0..n).map(|i| (b'a' + i as u8) as char).collect();
            assert!(super::text_eq(&a, &a.clone()));
            for at in 0..n {
                let mut b = a.clone().into_bytes();
                b[at] = b'Z';
                let b = String::from_utf8(b).unwrap();
                assert!(!super::text_eq(&a, &b), "{a} vs {b}");
            }
            assert!(!super::text_eq(&a, &format!("{a}x")));
        }
        assert!(super::text_eq("héé", "héé") && !super::text_eq("héé", "hèé"));
    }
}
