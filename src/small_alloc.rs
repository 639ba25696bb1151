//! The `sonde` command's allocator: the system allocator with a per-thread
//! cache of freed small blocks in front of it, the job pymalloc does for
//! CPython.
//!
//! Python programs allocate and free small objects at a high rate (an
//! instance is four blocks, a tuple two), often many at once (a collection
//! frees whole cycles). glibc's own per-thread cache keeps seven blocks per
//! size, so such bursts fall through to its slower paths. Here a freed block
//! of up to 256 bytes goes onto a free list for its 16-byte size class (at
//! most `KEEP` blocks a class) and the next allocation of that class takes
//! it back; everything else goes straight to the system allocator. The
//! library leaves the choice of allocator to the program that embeds it.
//!
//! `SONDE_SYSTEM_ALLOC` set in the environment turns the cache off, for
//! tools that track every block through malloc and free (valgrind's memcheck
//! in tests/gc.rs). The choice is made at the first allocation and never
//! changes, so every block goes back the way it came.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// Size classes of 16 bytes up to `MAX_SMALL`.
const GRAIN: usize = 16;
const MAX_SMALL: usize = 256;
const CLASSES: usize = MAX_SMALL / GRAIN;
/// Blocks kept per class and thread (at most 256 KiB for the largest).
const KEEP: u32 = 1024;

struct Cache {
    /// Each free block's first word points at the next one.
    heads: [Cell<*mut u8>; CLASSES],
    counts: [Cell<u32>; CLASSES],
}

thread_local! {
    static CACHE: Cache = const {
        Cache {
            heads: [const { Cell::new(std::ptr::null_mut()) }; CLASSES],
            counts: [const { Cell::new(0) }; CLASSES],
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

pub struct SmallAlloc;

// SAFETY: a block of class c is always allocated from the system with
// `class_layout(c)`, and returned to the system with that same layout, or
// kept on class c's free list and handed out only for layouts of class c
// (same size class, alignment at most GRAIN), which it fits. Free lists are
// per thread, so no block is on two lists or handed out twice. Every other
// layout goes to the system allocator unchanged.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout) else {
            return System.alloc(layout);
        };
        let taken = CACHE.try_with(|cache| {
            let head = cache.heads[c].get();
            if head.is_null() {
                return head;
            }
            // SAFETY: a block on the list holds the next block's address
            // in its first word (written by `dealloc`).
            cache.heads[c].set(unsafe { *(head as *mut *mut u8) });
            cache.counts[c].set(cache.counts[c].get() - 1);
            head
        });
        match taken {
            Ok(p) if !p.is_null() => p,
            _ => System.alloc(class_layout(c)),
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(c) = class_of(layout) else {
            return System.dealloc(ptr, layout);
        };
        let kept = CACHE.try_with(|cache| {
            if cache.counts[c].get() >= KEEP {
                return false;
            }
            // SAFETY: the block is ours again and at least GRAIN bytes,
            // aligned to GRAIN: room for the link word.
            unsafe { *(ptr as *mut *mut u8) = cache.heads[c].get() };
            cache.heads[c].set(ptr);
            cache.counts[c].set(cache.counts[c].get() + 1);
            true
        });
        if kept != Ok(true) {
            System.dealloc(ptr, class_layout(c));
        }
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
