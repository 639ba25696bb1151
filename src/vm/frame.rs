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
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<RefCell<Dict>>, locals: Option<Rc<RefCell<Dict>>>) -> Frame {
        let nlocals = code.varnames.len();
        let ncells = code.cellvars.len();
        Frame {
            stack: Vec::with_capacity(code.max_stack),
            fast: vec![None; nlocals],
            cells: (0..ncells).map(|_| Rc::new(RefCell::new(None))).collect(),
            blocks: Vec::new(),
            globals,
            locals,
            reraise: false,
            lasti: 0,
            ip: 0,
            code,
        }
    }
}
