//! Frames: one activation of a code object. Generators keep theirs on the heap
//! between resumptions.

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use crate::objects::Dict;
use crate::value::Value;
use crate::vm::code::Code;
use crate::vm::stack::ValueStack;

#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// Where control goes when an exception reaches this block.
    pub handler: u32,
    /// Value stack depth to restore.
    pub level: u32,
    /// An except handler in progress (the previous handled exception sits at `level`).
    pub is_handler: bool,
}

pub type CellRef = Rc<RefCell<Option<Value>>>;

pub struct Frame {
    pub code: Rc<Code>,
    pub ip: usize,
    /// The value stack and the locals: dropped by hand (`Drop` keeps
    /// their storage for the code's next frame).
    pub stack: ManuallyDrop<ValueStack>,
    pub fast: ManuallyDrop<Vec<Option<Value>>>,
    pub cells: Vec<CellRef>,
    pub blocks: Vec<Block>,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace of module and class bodies (None in functions, where
    /// module frames use `globals`).
    pub locals: Option<Rc<RefCell<Dict>>>,
    /// The instruction that raised is re-raising: keep the traceback as is.
    pub reraise: bool,
    /// Index of the instruction being executed (for tracebacks and probes).
    pub lasti: usize,
    /// The instruction the line probe saw last in this frame (`NO_PREV`
    /// before the first); only maintained while the probe is enabled.
    pub trace_prev: usize,
    /// The class whose `__init__` this frame runs, when it was called
    /// in-loop (`eval::enter_inline`): its return leaves the new instance.
    pub init_of: Option<Rc<crate::objects::Class>>,
}

/// `Frame::trace_prev` before the frame has run an instruction under the line probe.
pub const NO_PREV: usize = usize::MAX;

/// Finished frames' storage kept per code object: enough for the frames
/// a recursion or a loop of calls keeps coming back to.
const SPARE_FRAMES: usize = 16;

impl Drop for Frame {
    fn drop(&mut self) {
        // Release the values (their __del__ may run frames of its own,
        // never this one), then keep the emptied storage for the next
        // frame of this code: the stack empty, the locals all unbound.
        self.release_values();
        // Storage made for this code (`Frame::new`): one local per name
        // (nothing resizes `fast`) and at least `max_stack` of stack (a
        // push only grows it).
        debug_assert!(self.fast.len() == self.code.varnames.len() && self.stack.capacity() >= self.code.max_stack);
        // SAFETY: the two vectors are moved out exactly once, here, and
        // never touched again (`ManuallyDrop` keeps the frame's own drop
        // from freeing them).
        let (stack, fast) = unsafe { (ManuallyDrop::take(&mut self.stack), ManuallyDrop::take(&mut self.fast)) };
        keep_storage(&self.code, stack, fast);
    }
}

/// A frame's emptied storage, kept for the next frame of `code` while its
/// spare list has room (and dropped otherwise).
#[inline(always)]
fn keep_storage(code: &Code, stack: ValueStack, fast: Vec<Option<Value>>) {
    if let Ok(mut spare) = code.spare_frames.try_borrow_mut() {
        if spare.len() < SPARE_FRAMES {
            spare.push((stack, fast));
        }
    }
}

/// Storage for a frame of `code`: a spare one, or made.
#[inline(always)]
fn take_storage(code: &Code) -> (ValueStack, Vec<Option<Value>>) {
    let spare = match code.spare_frames.try_borrow_mut() {
        Ok(mut s) => s.pop(),
        Err(_) => None,
    };
    match spare {
        Some(storage) => storage,
        None => fresh_storage(code),
    }
}

/// A value stack and unbound locals for a frame of `code`, when its code
/// has no spare ones.
#[cold]
#[inline(never)]
fn fresh_storage(code: &Code) -> (ValueStack, Vec<Option<Value>>) {
    let mut fast = Vec::with_capacity(code.varnames.len());
    fast.resize_with(code.varnames.len(), || None);
    (ValueStack::from_vec(Vec::with_capacity(code.max_stack)), fast)
}

impl Frame {
    /// Empty the value stack and unbind the locals.
    #[inline(always)]
    fn release_values(&mut self) {
        while let Some(v) = self.stack.pop() {
            v.release();
        }
        for slot in self.fast.iter_mut() {
            if let Some(v) = slot.take() {
                v.release();
            }
        }
    }

    /// Push onto the value stack. The capacity check stays although the
    /// compiler bounds the depth: written unchecked, the push stored each
    /// value piece by piece, and the 16-byte load that pops it missed
    /// store-to-load forwarding (fewer instructions, but loops.py 30% and
    /// closures_exc 20% slower in wall time). Checked, the value goes
    /// through one 16-byte store.
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v)
    }

    #[inline(always)]
    pub fn new(code: Rc<Code>, globals: Rc<RefCell<Dict>>, locals: Option<Rc<RefCell<Dict>>>) -> Frame {
        let ncells = code.cellvars.len();
        let (stack, fast) = take_storage(&code);
        Frame {
            stack: ManuallyDrop::new(stack),
            fast: ManuallyDrop::new(fast),
            cells: if ncells == 0 {
                Vec::new()
            } else {
                (0..ncells)
                    .map(|_| {
                        let c = Rc::new(RefCell::new(None));
                        crate::gc::track_cell(&c);
                        c
                    })
                    .collect()
            },
            blocks: Vec::new(),
            globals,
            locals,
            reraise: false,
            lasti: 0,
            trace_prev: NO_PREV,
            init_of: None,
            ip: 0,
            code,
        }
    }
}

/// Chains' storage kept for reuse (`Vm::spare_chains`): one per `execute`
/// in progress that made in-loop calls, which nested calls from builtins
/// and generators add to.
pub type SpareChains = RefCell<Vec<Vec<Frame>>>;
const SPARE_CHAINS: usize = 16;

/// The frames of the plain Python functions a frame calls in-loop
/// (`eval::enter_inline`), innermost last. A frame that returns is not
/// dropped: it stays in its slot, emptied, for the next call at that depth,
/// which takes it back whole when it runs the same code (a loop calling a
/// function, a recursion). That saves building a frame field by field and
/// dropping it (its `Rc`s, its storage handed back to the code's spare list).
///
/// An ended frame keeps its code (never a value of the call's, nor its
/// globals: `pop`); `give_back` drops the ended frames when the chain's
/// `execute` is over, so the chains kept for reuse hold none.
#[derive(Default)]
pub struct Chain {
    /// `frames[..live]` are running; `frames[live..]` have ended.
    frames: Vec<Frame>,
    live: usize,
}

impl Chain {
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The innermost running frame.
    #[inline(always)]
    pub fn last_mut(&mut self) -> Option<&mut Frame> {
        match self.live {
            0 => None,
            n => {
                // SAFETY: `live <= frames.len()` (every change of `live`
                // keeps it), so `n - 1` is in range.
                Some(unsafe { self.frames.get_unchecked_mut(n - 1) })
            }
        }
    }

    /// Whether the chain has storage (it made a call, or was reused).
    pub fn has_storage(&self) -> bool {
        self.frames.capacity() != 0
    }

    /// Start a frame of `code` on top, with the stack and locals empty, and
    /// return it with its caller (`f0` when the chain is empty). An ended
    /// frame of the same code in the slot is taken back; a frame of another
    /// code there is replaced.
    #[inline(always)]
    pub fn push<'a>(
        &'a mut self,
        f0: &'a mut Frame,
        code: &Rc<Code>,
        globals: &Rc<RefCell<Dict>>,
        spare: &SpareChains,
    ) -> (&'a mut Frame, &'a mut Frame) {
        let len = self.live;
        if len == self.frames.len() {
            if len == self.frames.capacity() {
                self.grow(spare);
            }
            // SAFETY: there is room for a frame at `len` (just checked or
            // made). It is written whole before `set_len` counts it.
            // (Built in place: moving a `Frame` costs a memcpy call.)
            unsafe {
                self.frames
                    .as_mut_ptr()
                    .add(len)
                    .write(Frame::new(code.clone(), globals.clone(), None));
                self.frames.set_len(len + 1);
            }
        } else {
            let slot = &mut self.frames[len];
            if !Rc::ptr_eq(&slot.code, code) {
                slot.switch_code(code);
            }
            slot.restart(globals);
        }
        self.live = len + 1;
        let (below, top) = self.frames.split_at_mut(len);
        let caller = match below.last_mut() {
            Some(c) => c,
            None => f0,
        };
        (caller, &mut top[0])
    }

    /// End the innermost running frame: its values are released and it
    /// stays in its slot, emptied, for the next call. Its globals are let
    /// go as well (it holds `idle` in their place, a dict that lives as
    /// long as the VM): an ended frame must not keep a namespace alive
    /// that nothing else does, or the collector could not free it. The
    /// namespace at address `lasting` (`Vm::lasting_globals`) outlives
    /// the frames anyway and is kept: the next call, most often of the
    /// same module's code, then has its globals in place.
    #[inline(always)]
    pub fn pop(&mut self, idle: &Rc<RefCell<Dict>>, lasting: usize) {
        debug_assert!(self.live > 0);
        self.live -= 1;
        let frame = &mut self.frames[self.live];
        frame.release_values();
        if !frame.cells.is_empty() {
            frame.cells.clear();
        }
        frame.blocks.clear();
        if Rc::as_ptr(&frame.globals) as usize != lasting {
            frame.globals = idle.clone();
        }
    }

    /// Room for one more frame: a spare chain's storage if this one has
    /// none yet (a generator's every resumption would otherwise allocate it).
    #[cold]
    #[inline(never)]
    fn grow(&mut self, spare: &SpareChains) {
        if self.frames.capacity() == 0 {
            if let Some(storage) = spare.borrow_mut().pop() {
                self.frames = storage;
                return;
            }
        }
        self.frames.reserve(if self.frames.capacity() == 0 { 8 } else { 1 });
    }

    /// Keep the chain's storage for the next `execute` that calls in-loop,
    /// once all its frames have ended. The ended frames are dropped (their
    /// storage goes to their codes' spare lists).
    #[inline(never)]
    pub fn give_back(mut self, spare: &SpareChains) {
        debug_assert!(self.live == 0);
        self.frames.clear();
        let mut spare = spare.borrow_mut();
        if spare.len() < SPARE_CHAINS {
            spare.push(std::mem::take(&mut self.frames));
        }
    }
}

impl Frame {
    /// Make an ended frame one of `code`. Its storage serves when its value
    /// stack is deep enough (the locals, all unbound, are resized): two
    /// functions called in turn at one depth then trade no storage.
    /// Otherwise its storage goes to its code's spare list, and it takes
    /// `code`'s.
    #[inline(never)]
    fn switch_code(&mut self, code: &Rc<Code>) {
        if self.stack.capacity() >= code.max_stack {
            self.fast.resize_with(code.varnames.len(), || None);
            self.code = code.clone();
            return;
        }
        let (stack, fast) = take_storage(code);
        let old_stack = std::mem::replace(&mut *self.stack, stack);
        let old_fast = std::mem::replace(&mut *self.fast, fast);
        keep_storage(&self.code, old_stack, old_fast);
        self.code = code.clone();
    }

    /// Take back an ended frame (`Chain::pop`) for a new call of its code.
    #[inline(always)]
    fn restart(&mut self, globals: &Rc<RefCell<Dict>>) {
        debug_assert!(self.stack.is_empty() && self.fast.iter().all(Option::is_none));
        debug_assert!(self.cells.is_empty() && self.blocks.is_empty() && self.locals.is_none() && self.init_of.is_none());
        if !Rc::ptr_eq(&self.globals, globals) {
            self.globals = globals.clone();
        }
        self.ip = 0;
        self.lasti = 0;
        self.reraise = false;
        self.trace_prev = NO_PREV;
    }
}
