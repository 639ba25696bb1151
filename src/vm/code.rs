//! Code objects: immutable once compiled. File and function names are kept
//! as NUL-terminated C strings made once here, so probes never encode per event.

use std::cell::{Cell, RefCell};
use std::ffi::CString;
use std::rc::Rc;

use crate::value::{PyStr, Value};
use crate::vm::instr::Instr;

pub const CO_VARARGS: u32 = 1;
pub const CO_VARKEYWORDS: u32 = 2;
pub const CO_GENERATOR: u32 = 4;

/// Source span of one instruction (1-based lines, 0-based byte columns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `argcount` when a call with exactly that many positional arguments
    /// binds them straight to the first locals (no keyword-only, `*args`
    /// or `**kwargs` parameters, no cells, not a generator:
    /// `eval::simple_call`), `u32::MAX` otherwise.
    pub simple_argc: u32,
    pub flags: u32,
    /// Parameters first, then other locals, then compiler temporaries.
    pub varnames: Vec<Rc<PyStr>>,
    pub cellvars: Vec<Rc<PyStr>>,
    pub freevars: Vec<Rc<PyStr>>,
    /// For each cell variable that is also a parameter, the parameter's index.
    pub cell2arg: Vec<Option<u32>>,
    pub names: Vec<Value>,
    pub consts: Vec<Value>,
    pub instrs: Vec<Instr>,
    /// `instrs` with common pairs fused (`instr::fuse`): what the untraced
    /// loop runs. Same length and indices.
    pub fused: Box<[Instr]>,
    pub positions: Vec<Position>,
    pub max_stack: usize,
    /// The source text, when compiled from a file (tracebacks quote it).
    pub source: Option<Rc<str>>,
    pub c_filename: CString,
    pub c_name: CString,
    /// The line the line probe counts as already current when the frame
    /// starts: the `def`/`class`/`lambda` line (CPython 3.11's RESUME sits
    /// there, so a body starting on that line fires nothing until it moves),
    /// 0 for module code, whose first line always fires.
    pub trace_start_line: u32,
    /// What the attribute instructions learned about each name (indexed
    /// like `names`).
    pub attr_caches: AttrCaches,
    /// Where LOAD_GLOBAL last found each name (indexed like `names`).
    pub global_caches: Box<[Cell<GlobalCache>]>,
    /// Storage of finished frames of this code, for the next ones
    /// (`Frame::new`): a value stack with room for `max_stack`, and locals
    /// `varnames.len()` long, all unbound.
    pub spare_frames: RefCell<Vec<FrameStorage>>,
}

/// A frame's value stack and locals, kept between frames of one code.
pub type FrameStorage = (crate::vm::stack::ValueStack, Vec<Option<Value>>);

/// Where a global name was found: at insertion-order position `index` of
/// the globals dict (or of the builtins, `in_builtins`), while the globals
/// have version `globals` and the builtins version `builtins`. Versions are
/// unique to one dict in one state (`Dict::version`), so a match means the
/// same dicts, unchanged: the name is still at that position and nothing
/// shadows it. Version 0 is never handed out: an empty cache never matches.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals: u64,
    pub builtins: u64,
    pub index: u32,
    pub in_builtins: bool,
}

/// A fact about one (class, name) pair, learned by an attribute
/// instruction and valid while the class epoch (`objects::class_epoch`) is
/// the one recorded: no class dict has changed and no class has died since.
#[derive(Clone, Copy, Default)]
pub struct AttrCache {
    /// `Rc::as_ptr` of the class, plus 1 for a method load on a value of a
    /// built-in type (`func` is then the `Rc<Builtin>`'s address, held by
    /// the built-in class's dict); 0 when nothing is cached. (Classes are
    /// 8-aligned: the low bit is free, and one compare checks both.)
    pub class: usize,
    pub epoch: u64,
    /// For method loads: `Rc::as_ptr` of the function the class gives. The
    /// class dict that holds it keeps it alive while the epoch holds.
    pub func: usize,
    /// For loads and stores: where the name last was in an instance dict of
    /// the class (instances set up alike have their attributes in the same
    /// order). Only a hint: the key there is checked. For a load whose
    /// `func` is an address: what it is the address of (`attr::BINDS_FUNC`,
    /// `attr::BINDS_BUILTIN`).
    pub index: u32,
}

/// Ways per name and instruction: a site that sees instances of up to this
/// many classes (subclasses sharing a base's method, say) keeps an answer
/// for each.
pub const WAYS: usize = 4;

/// The answers for one name, one per class, replaced round-robin.
pub struct AttrWays {
    pub ways: [Cell<AttrCache>; WAYS],
    pub next: Cell<u8>,
    /// The name's string object (`Rc::as_ptr`; null for a name that is not
    /// a str): a dict key that is this object is the name
    /// (`Dict::value_at_if_name`). The code's `names` keep it alive.
    pub name: *const PyStr,
}

/// Per-name caches of the three attribute instructions on instances:
/// - `load`: the class has the generic `__getattribute__` and no attribute
///   of that name, so the instance dict answers (or the slow path does);
/// - `store`: a plain store into the instance dict (no `__setattr__`, no
///   data descriptor, `__slots__` allow it);
/// - `method`: the class gives a plain function for the name.
pub struct AttrCaches {
    pub load: Box<[AttrWays]>,
    pub store: Box<[AttrWays]>,
    pub method: Box<[AttrWays]>,
}

impl AttrCaches {
    pub fn new(names: &[Value]) -> AttrCaches {
        let empty = || {
            names
                .iter()
                .map(|n| AttrWays {
                    ways: Default::default(),
                    next: Cell::new(0),
                    name: match n {
                        Value::Str(s) => Rc::as_ptr(s),
                        _ => std::ptr::null(),
                    },
                })
                .collect()
        };
        AttrCaches {
            load: empty(),
            store: empty(),
            method: empty(),
        }
    }
}

impl Code {
    pub fn is_generator(&self) -> bool {
        self.flags & CO_GENERATOR != 0
    }
    pub fn line_of(&self, instr: usize) -> u32 {
        self.positions.get(instr).map(|p| p.line).unwrap_or(self.firstlineno)
    }
    pub fn name_str(&self, idx: u32) -> &str {
        self.names[idx as usize].as_str().unwrap_or("")
    }
    /// A name and its str hash (cached in the string object).
    #[inline]
    pub fn name_hashed(&self, idx: u32) -> (&str, i64) {
        match &self.names[idx as usize] {
            Value::Str(s) => (s.as_str(), s.hash()),
            _ => ("", crate::objects::hash::hash_str("")),
        }
    }
    pub fn source_line(&self, line: u32) -> Option<&str> {
        let src = self.source.as_ref()?;
        src.split('\n').nth(line.checked_sub(1)? as usize)
    }

    /// The disassembly: one instruction a line, with line numbers and operand meanings.
    pub fn disassemble(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = writeln!(
            out,
            "Disassembly of <code object {} at {}, line {}>:",
            self.qualname, self.filename, self.firstlineno
        );
        let mut last_line = 0;
        for (i, ins) in self.instrs.iter().enumerate() {
            let line = self.line_of(i);
            let lcol = if line != last_line {
                last_line = line;
                format!("{:>4}", line)
            } else {
                "    ".to_string()
            };
            let ops = ins.operands();
            let mut arg = String::new();
            if let Some((name, v)) = ops.first() {
                arg = format!("{}", v);
                for (n, v) in ops.iter().skip(1) {
                    let _ = write!(arg, ", {}={}", n, v);
                }
                let meaning = match (ins, *name) {
                    (Instr::LoadConst { .. }, _) => Some(crate::vm::repr_plain(&self.consts[*v as usize])),
                    (Instr::LoadFast { .. } | Instr::StoreFast { .. } | Instr::DeleteFast { .. }, _) => {
                        self.varnames.get(*v as usize).map(|s| s.as_str().to_string())
                    }
                    (Instr::LoadDeref { .. } | Instr::StoreDeref { .. } | Instr::DeleteDeref { .. } | Instr::LoadClosure { .. }, _) => self
                        .cellvars
                        .iter()
                        .chain(self.freevars.iter())
                        .nth(*v as usize)
                        .map(|s| s.as_str().to_string()),
                    (Instr::CompareOp { .. }, _) => Some(crate::vm::instr::op::CMP_SYMBOLS[*v as usize].to_string()),
                    (Instr::BinaryOp { .. } | Instr::InplaceOp { .. }, _) => {
                        Some(crate::vm::instr::op::BIN_SYMBOLS[*v as usize].to_string())
                    }
                    (_, "target") => Some(format!("to {}", v)),
                    (_, "idx") => self.names.get(*v as usize).and_then(|n| n.as_str()).map(|s| s.to_string()),
                    _ => None,
                };
                if let Some(m) = meaning {
                    let _ = write!(arg, " ({})", m);
                }
            }
            let _ = writeln!(out, "{} {:>6} {:<20} {}", lcol, i, ins.name(), arg);
        }
        for c in &self.consts {
            if let Value::Code(inner) = c {
                out.push('\n');
                inner.disassemble(out);
            }
        }
    }
}
