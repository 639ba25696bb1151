//! The `sonde` command's allocator: small blocks carved from chunks and
//! recycled through per-thread free lists, the job pymalloc does for
//! CPython; everything else from the system allocator.
//!
//! Python programs allocate and free small objects at a high rate (an
//! instance is four blocks, a tuple two), often many at once (a collection
//! frees whole cycles), and build up many at a time (a list of words, a
//! dict's keys). glibc's own per-thread cache keeps seven blocks per size,
//! so such bursts fall through to its slower paths, and every glibc block
//! carries a header. Here a block of up to 512 bytes has a 16-byte size
//! class; a freed one goes onto its class's free list and the next
//! allocation of that class takes it back; when the list is empty a new
//! block is cut from the thread's current 64 KiB chunk, with no header.
//! Small blocks are never given back to the system: memory the program
//! once used for small objects stays ready for more of them (pymalloc
//! likewise keeps an arena while any block in it lives). The library
//! leaves the choice of allocator to the program that embeds it.
//!
//! `SONDE_SYSTEM_ALLOC` set in the environment turns all this off, for
//! tools that track every block through malloc and free (valgrind's memcheck
//! in tests/gc.rs). The choice is made at the first allocation and never
//! changes, so every block goes back the way it came.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// Size classes of 16 bytes up to `MAX_SMALL`, pymalloc's limit: past 256
/// so that a function object (264 bytes with its counts: every closure,
/// lambda and generator expression makes one) is a small block, and up to
/// 512 so that a list growing to 32 items (a `Value` is 16 bytes, twice
/// CPython's pointer) is one too.
const GRAIN: usize = 16;
const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / GRAIN;
/// Small blocks are cut from chunks of this size.
const CHUNK: usize = 64 * 1024;

struct Cache {
    /// Each free block's first word points at the next one.
    heads: [Cell<*mut u8>; CLASSES],
    /// The unused part of the current chunk: `next..end`.
    next: Cell<*mut u8>,
    end: Cell<*mut u8>,
}

thread_local! {
    static CACHE: Cache = const {
        Cache {
            heads: [const { Cell::new(std::ptr::null_mut()) }; CLASSES],
            next: Cell::new(std::ptr::null_mut()),
            end: Cell::new(std::ptr::null_mut()),
        }
    };
}

/// 0: not chosen yet, 1: the system allocator alone, 2: with the cache.
static MODE: AtomicU8 = AtomicU8::new(0);

#[inline(always)]
fn cached() -> bool {
    match MODE.load(Ordering::Relaxed) {
        1 => false,
        2 => true,
        _ => choose(),
    }
}

#[cold]
fn choose() -> bool {
    // SAFETY: getenv reads the environment without allocating (this runs
    // inside the allocator); the name is a NUL-terminated literal.
    let system = unsafe { !libc::getenv(c"SONDE_SYSTEM_ALLOC".as_ptr()).is_null() };
    MODE.store(if system { 1 } else { 2 }, Ordering::Relaxed);
    !system
}

/// The size class of a layout the cache serves, if it serves it.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() <= MAX_SMALL && layout.align() <= GRAIN && cached() {
        Some(layout.size().saturating_sub(1) / GRAIN)
    } else {
        None
    }
}

/// The layout every block of class `c` really has.
#[inline(always)]
fn class_layout(c: usize) -> Layout {
    // SAFETY: (c + 1) * GRAIN is a non-zero multiple of the power-of-two
    // GRAIN, at most MAX_SMALL: a valid size for that alignment.
    unsafe { Layout::from_size_align_unchecked((c + 1) * GRAIN, GRAIN) }
}

/// A new block of `size` bytes cut from the thread's chunk (a new chunk
/// when the current one has too little left; its tail is abandoned).
#[inline(never)]
fn carve(cache: &Cache, size: usize) -> *mut u8 {
    let (next, end) = (cache.next.get(), cache.end.get());
    if (end as usize) - (next as usize) >= size {
        cache.next.set(next.wrapping_add(size));
        return next;
    }
    // SAFETY: CHUNK is a non-zero multiple of the power-of-two GRAIN.
    let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN)) };
    if chunk.is_null() {
        return chunk;
    }
    cache.next.set(chunk.wrapping_add(size));
    cache.end.set(chunk.wrapping_add(CHUNK));
    chunk
}

pub struct SmallAlloc;

// SAFETY: a block of class c is `class_layout(c)`-sized and GRAIN-aligned:
// cut from a GRAIN-aligned chunk at a multiple of GRAIN (each cut is a
// whole class size, and `next..end` never overlaps an earlier cut), or
// allocated from the system with `class_layout(c)` when the thread's cache
// is gone. Once freed it goes onto class c's free list, handed out only for
// layouts of class c (same size class, alignment at most GRAIN), which it
// fits; a block is never given to the system's free, so chunk memory never
// reaches it. Free lists and chunks are per thread, so no block is on two
// lists or handed out twice. Every other layout goes to the system
// allocator unchanged.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout) else {
            return System.alloc(layout);
        };
        let taken = CACHE.try_with(|cache| {
            let head = cache.heads[c].get();
            if head.is_null() {
                return carve(cache, (c + 1) * GRAIN);
            }
            // SAFETY: a block on the list holds the next block's address
            // in its first word (written by `dealloc`).
            cache.heads[c].set(unsafe { *(head as *mut *mut u8) });
            head
        });
        match taken {
            Ok(p) => p,
            // The thread's cache is gone (thread exit): a system block.
            Err(_) => System.alloc(class_layout(c)),
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(c) = class_of(layout) else {
            return System.dealloc(ptr, layout);
        };
        // When the thread's cache is gone (thread exit) the block is left
        // where it is: it may be part of a chunk.
        let _ = CACHE.try_with(|cache| {
            // SAFETY: the block is ours again and at least GRAIN bytes,
            // aligned to GRAIN: room for the link word.
            unsafe { *(ptr as *mut *mut u8) = cache.heads[c].get() };
            cache.heads[c].set(ptr);
        });
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if class_of(layout).is_none() {
            return System.alloc_zeroed(layout);
        }
        let p = self.alloc(layout);
        if !p.is_null() {
            std::ptr::write_bytes(p, 0, layout.size());
        }
        p
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY (of the layout): GlobalAlloc::realloc's contract makes
        // new_size, rounded up to layout.align(), a valid size.
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class_of(layout), class_of(new_layout)) {
            (None, None) => System.realloc(ptr, layout, new_size),
            (Some(a), Some(b)) if a == b => ptr,
            _ => {
                let p = self.alloc(new_layout);
                if !p.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                p
            }
        }
    }
}
