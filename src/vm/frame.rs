//! Frames: one activation of a code object. Generators keep theirs on the heap
//! between resumptions.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::Dict;
use crate::value::Value;
use crate::vm::code::Code;

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
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
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
}

/// `Frame::trace_prev` before the frame has run an instruction under the line probe.
pub const NO_PREV: usize = usize::MAX;

/// Value stacks and locals vectors of finished frames, in pairs.
type Pool = Vec<(Vec<Value>, Vec<Option<Value>>)>;

thread_local! {
    /// Value-stack and locals vectors of finished frames, reused by new ones
    /// (a call would otherwise allocate both).
    static POOL: RefCell<Pool> = const { RefCell::new(Vec::new()) };
}

impl Drop for Frame {
    fn drop(&mut self) {
        // Drop the values first (their __del__ may run frames of its own).
        let mut stack = std::mem::take(&mut self.stack);
        let mut fast = std::mem::take(&mut self.fast);
        while let Some(v) = stack.pop() {
            v.release();
        }
        while let Some(slot) = fast.pop() {
            if let Some(v) = slot {
                v.release();
            }
        }
        if stack.capacity() <= 1024 && fast.capacity() <= 1024 {
            let _ = POOL.try_with(|p| {
                if let Ok(mut p) = p.try_borrow_mut() {
                    if p.len() < 256 {
                        p.push((stack, fast));
                    }
                }
            });
        }
    }
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<RefCell<Dict>>, locals: Option<Rc<RefCell<Dict>>>) -> Frame {
        let nlocals = code.varnames.len();
        let ncells = code.cellvars.len();
        let (mut stack, mut fast) = POOL
            .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
            .ok()
            .flatten()
            .unwrap_or_default();
        stack.reserve(code.max_stack);
        fast.resize_with(nlocals, || None);
        Frame {
            stack,
            fast,
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
            ip: 0,
            code,
        }
    }
}
