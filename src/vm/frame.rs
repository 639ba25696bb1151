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
        while let Some(v) = self.stack.pop() {
            v.release();
        }
        for slot in self.fast.iter_mut() {
            if let Some(v) = slot.take() {
                v.release();
            }
        }
        // Storage made for this code (`Frame::new`): one local per name
        // (nothing resizes `fast`) and at least `max_stack` of stack (a
        // push only grows it).
        debug_assert!(self.fast.len() == self.code.varnames.len() && self.stack.capacity() >= self.code.max_stack);
        if let Ok(mut spare) = self.code.spare_frames.try_borrow_mut() {
            if spare.len() < SPARE_FRAMES {
                // SAFETY: the two vectors are moved out exactly once,
                // here, and never touched again (`ManuallyDrop` keeps
                // the frame's own drop from freeing them).
                let storage = unsafe { (ManuallyDrop::take(&mut self.stack), ManuallyDrop::take(&mut self.fast)) };
                spare.push(storage);
                return;
            }
        }
        // SAFETY: as above, on the path that did not move them.
        unsafe {
            ManuallyDrop::drop(&mut self.stack);
            ManuallyDrop::drop(&mut self.fast);
        }
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
        let spare = match code.spare_frames.try_borrow_mut() {
            Ok(mut s) => s.pop(),
            Err(_) => None,
        };
        let (stack, fast) = match spare {
            Some(storage) => storage,
            None => fresh_storage(&code),
        };
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
