//! `_random`: CPython's Mersenne Twister (MT19937, init_by_array seeding), so
//! that `random.seed(n)` reproduces CPython's sequences exactly. The state
//! lives in a bytearray owned by the Python-level `random.Random`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::objects::hash::hash_str;
use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;

struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mt { mt, index: N }
    }

    fn init_by_array(key: &[u32]) -> Mt {
        let mut s = Mt::init_genrand(19650218);
        let mt = &mut s.mt;
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        s
    }

    /// Regenerate the block of N words (MT19937's twist).
    fn twist(mt: &mut [u32; N]) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        let mag = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
    }

    fn temper(mut y: u32) -> u32 {
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(N * 4 + 4);
        for w in &self.mt {
            b.extend_from_slice(&w.to_le_bytes());
        }
        b.extend_from_slice(&(self.index as u32).to_le_bytes());
        b
    }
}

/// The generator read and advanced in place in its state bytes (N words
/// and the index, little-endian): a draw touches two words, and only every
/// N-th one decodes the whole block to twist it.
struct MtBytes<'a>(&'a mut [u8]);

impl MtBytes<'_> {
    fn word(&self, i: usize) -> u32 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&self.0[i * 4..i * 4 + 4]);
        u32::from_le_bytes(w)
    }
    fn set_word(&mut self, i: usize, w: u32) {
        self.0[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    }
    fn next_u32(&mut self) -> u32 {
        let mut index = self.word(N) as usize;
        if index >= N {
            let mut mt = [0u32; N];
            for (i, w) in mt.iter_mut().enumerate() {
                *w = self.word(i);
            }
            Mt::twist(&mut mt);
            for (i, w) in mt.iter().enumerate() {
                self.set_word(i, *w);
            }
            index = 0;
        }
        let y = self.word(index);
        self.set_word(N, index as u32 + 1);
        Mt::temper(y)
    }
}

/// `f` on the generator whose state bytes are `v` (borrowed where they
/// lie: a draw changes two words of them).
fn with_mt<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut MtBytes) -> R) -> PyResult<R> {
    if let Value::ByteArray(b) = v {
        if let Ok(mut bytes) = b.try_borrow_mut() {
            if bytes.len() == N * 4 + 4 {
                return Ok(f(&mut MtBytes(&mut bytes)));
            }
        }
    }
    Err(vm.type_error("invalid random state"))
}

/// seed_state(n): the state for integer seed n (CPython's init_by_array of |n|'s 32-bit words).
fn seed_state(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "seed_state", 1, 1)?;
    let n = crate::vm::ops::to_bigint(&args.args[0]).ok_or_else(|| vm.type_error("seed must be an int"))?;
    let (_, mut words) = n.to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    Ok(Value::ByteArray(Rc::new(RefCell::new(Mt::init_by_array(&words).to_bytes()))))
}

// Where `_state` was last found in a `random.Random`'s dict: `seed`
// sets it first, so most often 0.
thread_local!(static STATE_AT: Cell<usize> = const { Cell::new(0) });

/// `f` on the generator of a `random.Random` (its `_state` attribute).
/// Read from the instance dict when it is there, at the position it was
/// found last, without hashing the name: CPython keeps the state in the C
/// object, out of reach of descriptors and `__getattr__`, and a full
/// attribute lookup cost more than drawing the number.
fn with_state<R>(vm: &Vm, this: &Value, f: impl FnOnce(&mut MtBytes) -> R) -> PyResult<R> {
    if let Value::Instance(inst) = this {
        if let Ok(dict) = inst.dict.try_borrow() {
            let found = match dict.value_ref_at_if_str(STATE_AT.get(), "_state") {
                Some(v) => Some(v),
                None => dict.index_of_str_h("_state", hash_str("_state")).and_then(|i| {
                    STATE_AT.set(i);
                    dict.value_ref_at_if_str(i, "_state")
                }),
            };
            if let Some(st) = found {
                return with_mt(vm, st, f);
            }
        }
    }
    let st = vm.getattr(this, "_state")?;
    with_mt(vm, &st, f)
}

/// `Random.random(self)`: a built-in method, as CPython's `_random.Random` has.
fn random(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "Random.random", 1, 1)?;
    let f = with_state(vm, &args.args[0], draw_float)?;
    Ok(Value::Float(f))
}

/// `Random.getrandbits(self, k)`: a built-in method.
fn getrandbits(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "Random.getrandbits", 2, 2)?;
    let k = vm.index_value(&args.args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    with_state(vm, &args.args[0], |mt| {
        if k <= 32 {
            // One word, as CPython draws it; no big integer.
            return draw_bits(mt, k);
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        Value::from_bigint(BigInt::from_slice(num_bigint::Sign::Plus, &out))
    })
}

/// `random()`'s fast form (called as `self.random()` or bound).
fn random_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [this] = args else { return None };
    Some(with_state(vm, this, |mt| Value::Float(draw_float(mt))))
}

/// `getrandbits(k)`'s fast form for 1 to 32 bits (`_randbelow`'s draws):
/// one word, as `getrandbits` draws it.
fn getrandbits_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [this, Value::Int(k @ 1..=32)] = args else { return None };
    Some(with_state(vm, this, |mt| draw_bits(mt, *k)))
}

/// `Random._randbelow(self, n)`: a number in [0, n) drawn as CPython's
/// `_randbelow_with_getrandbits` draws it (`getrandbits(n.bit_length())`
/// until one is below n), from the generator's words directly. For
/// anything but a machine int n > 0, or an instance with a `getrandbits`
/// of its own, that Python method does it.
fn randbelow(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_m(vm, "Random._randbelow", 2, 2)?;
    if let Some(r) = randbelow_fast(vm, &args.args) {
        return r;
    }
    vm.call_method(&args.args[0], "_randbelow_with_getrandbits", vec![args.args[1].clone()])
}

/// `randbelow`'s fast form (`self._randbelow(n)`, from `choice` and
/// `randrange`).
fn randbelow_fast(vm: &Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let [this, Value::Int(n @ 1..)] = args else { return None };
    let n = *n as u64;
    if let Value::Instance(inst) = this {
        if inst.dict.try_borrow().map_or(true, |d| d.contains_str("getrandbits")) {
            return None;
        }
    }
    let k = 64 - n.leading_zeros();
    Some(with_state(vm, this, |mt| loop {
        // getrandbits(k): one word for up to 32 bits; above, the first word
        // is the low 32 bits and the second the rest, as CPython fills them.
        let r = if k <= 32 {
            u64::from(mt.next_u32() >> (32 - k))
        } else {
            let lo = u64::from(mt.next_u32());
            lo | u64::from(mt.next_u32() >> (64 - k)) << 32
        };
        if r < n {
            break Value::Int(r as i64);
        }
    }))
}

/// A float in [0, 1) from two words, as CPython's `random()` makes it.
fn draw_float(mt: &mut MtBytes) -> f64 {
    let a = (mt.next_u32() >> 5) as f64;
    let b = (mt.next_u32() >> 6) as f64;
    (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
}

/// `k` (1 to 32) random bits from one word, as CPython's `getrandbits` draws them.
fn draw_bits(mt: &mut MtBytes, k: i64) -> Value {
    Value::Int(i64::from(mt.next_u32() >> (32 - k)))
}

pub fn make(vm: &Vm) -> Rc<Module> {
    let m = super::native_module(vm, "_random", &[("seed_state", seed_state)]);
    // `random.Random`'s methods: bound like CPython's C methods of `_random.Random`.
    let methods: [(&str, crate::objects::BuiltinFn, Option<crate::objects::FastFn>); 3] = [
        ("random", random, Some(random_fast)),
        ("getrandbits", getrandbits, Some(getrandbits_fast)),
        ("randbelow", randbelow, Some(randbelow_fast)),
    ];
    for (name, func, fast) in methods {
        let method = crate::objects::Builtin {
            name,
            func,
            owner: "_random.Random",
            is_method: true,
            bound: None,
            fast,
        };
        m.dict.borrow_mut().set_str(name, Value::Builtin(Rc::new(method)));
    }
    m
}
