//! The instruction set, defined once.
//!
//! Each line of `instructions!` gives an instruction's name, its operands (all
//! `u32`), its stack effect on the fall-through path, whether executing it can
//! run Python code (and so fire probes), and for jumps, which operand is the
//! target and the stack effect on the taken branch (relative to the depth before
//! the instruction). The enum, the names used by the disassembler, the stack
//! depth the compiler computes, and jump patching are all derived from it.

macro_rules! instructions {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $({ $($f:ident),* })? => ($eff:expr) calls $calls:literal $(, branch($t:ident, $jeff:expr))? ;
    )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Instr {
            $( $(#[doc = $doc])* $name $({ $($f: u32),* })?, )*
        }

        impl Instr {
            pub fn name(&self) -> &'static str {
                match self { $( Instr::$name { .. } => stringify!($name), )* }
            }
            /// Stack effect when execution falls through to the next instruction.
            #[allow(unused_variables, clippy::identity_op)]
            pub fn stack_effect(&self) -> i32 {
                match *self { $( Instr::$name $({ $($f),* })? => $eff, )* }
            }
            /// For jumps: the target and the stack effect when the jump is taken.
            #[allow(unused_variables)]
            pub fn branch(&self) -> Option<(u32, i32)> {
                match *self { $( Instr::$name $({ $($f),* })? => { None $( .or(Some(($t, $jeff))) )? } )* }
            }
            /// Whether executing this instruction can run Python code.
            pub fn may_call(&self) -> bool {
                match self { $( Instr::$name { .. } => $calls, )* }
            }
            #[allow(unused_variables)]
            pub fn set_target(&mut self, new: u32) {
                match self { $( Instr::$name $({ $($f),* })? => { $( *$t = new; )? } )* }
            }
            /// The operands, in definition order (for the disassembler).
            #[allow(unused_variables)]
            pub fn operands(&self) -> Vec<(&'static str, u32)> {
                match *self { $( Instr::$name $({ $($f),* })? => vec![$($((stringify!($f), $f)),*)?], )* }
            }
            /// Every instruction name, in definition order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];
            /// Every instruction with whether it can run Python code (and so
            /// fire the function probes): the tracing coverage test's checklist.
            pub const MAY_CALL: &'static [(&'static str, bool)] = &[$((stringify!($name), $calls)),*];
        }
    };
}

instructions! {
    /// Do nothing (a line marker).
    Nop => (0) calls false;
    /// Push consts[idx].
    LoadConst { idx } => (1) calls false;
    LoadFast { idx } => (1) calls false;
    StoreFast { idx } => (-1) calls true;
    DeleteFast { idx } => (0) calls true;
    /// Push the contents of cell or free variable idx.
    LoadDeref { idx } => (1) calls false;
    StoreDeref { idx } => (-1) calls true;
    DeleteDeref { idx } => (0) calls true;
    /// Push the cell object itself (to build a closure).
    LoadClosure { idx } => (1) calls false;
    /// A class body reading a free variable: its namespace first, then the cell.
    LoadClassDeref { idx, name } => (1) calls false;
    LoadName { idx } => (1) calls true;
    StoreName { idx } => (-1) calls true;
    DeleteName { idx } => (0) calls true;
    LoadGlobal { idx } => (1) calls true;
    StoreGlobal { idx } => (-1) calls true;
    DeleteGlobal { idx } => (0) calls true;
    LoadAttr { idx } => (0) calls true;
    StoreAttr { idx } => (-2) calls true;
    DeleteAttr { idx } => (-1) calls true;
    /// obj -> method, self (or bound, NULL): avoids building a bound method.
    LoadMethod { idx } => (1) calls true;
    /// method, self, args... -> result
    CallMethod { argc } => (-(argc as i32) - 1) calls true;
    Pop => (-1) calls true;
    Dup => (1) calls false;
    Dup2 => (2) calls false;
    Rot2 => (0) calls false;
    Rot3 => (0) calls false;
    Rot4 => (0) calls false;
    UnaryOp { op } => (0) calls true;
    BinaryOp { op } => (-1) calls true;
    InplaceOp { op } => (-1) calls true;
    CompareOp { op } => (-1) calls true;
    IsOp { invert } => (-1) calls false;
    ContainsOp { invert } => (-1) calls true;
    BinarySubscr => (-1) calls true;
    StoreSubscr => (-3) calls true;
    DeleteSubscr => (-2) calls true;
    BuildSlice { n } => (1 - n as i32) calls false;
    BuildTuple { n } => (1 - n as i32) calls false;
    BuildList { n } => (1 - n as i32) calls false;
    BuildSet { n } => (1 - n as i32) calls true;
    BuildMap { n } => (1 - 2 * n as i32) calls true;
    BuildString { n } => (1 - n as i32) calls false;
    /// Append TOS to the list `depth` below it (comprehensions).
    ListAppend { depth } => (-1) calls false;
    SetAdd { depth } => (-1) calls true;
    MapAdd { depth } => (-2) calls true;
    ListExtend { depth } => (-1) calls true;
    SetUpdate { depth } => (-1) calls true;
    DictUpdate { depth } => (-1) calls true;
    /// Like DictUpdate, but duplicate keys are an error (`f(**a, **b)`).
    DictMerge { depth } => (-1) calls true;
    ListToTuple => (0) calls false;
    UnpackSequence { n } => (n as i32 - 1) calls true;
    UnpackEx { before, after } => (before as i32 + after as i32) calls true;
    /// flags & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); flags & 4: a spec is on the stack.
    FormatValue { flags } => (if flags & 4 != 0 { -1 } else { 0 }) calls true;
    Jump { target } => (0) calls false, branch(target, 0);
    PopJumpIfFalse { target } => (-1) calls true, branch(target, -1);
    PopJumpIfTrue { target } => (-1) calls true, branch(target, -1);
    JumpIfFalseOrPop { target } => (-1) calls true, branch(target, 0);
    JumpIfTrueOrPop { target } => (-1) calls true, branch(target, 0);
    GetIter => (0) calls true;
    /// Push the next item, or pop the iterator and jump when it is exhausted.
    ForIter { target } => (1) calls true, branch(target, -1);
    /// f, args... -> result
    Call { argc } => (-(argc as i32)) calls true;
    /// f, args..., kwvalues... -> result; consts[names] is the tuple of keyword names.
    CallKw { argc, names } => (-(argc as i32)) calls true;
    /// f, args tuple, [kwargs dict] -> result
    CallEx { has_kw } => (if has_kw != 0 { -2 } else { -1 }) calls true;
    /// [defaults] [kwdefaults] [closure] code qualname -> function
    MakeFunction { flags } => (-1 - (flags & 0x1b).count_ones() as i32) calls false;
    ReturnValue => (-1) calls true;
    /// Yield TOS; on resumption TOS is the value sent in.
    YieldValue => (0) calls true;
    GetYieldFromIter => (0) calls true;
    /// iter, value -> result: delegate to iter until it returns.
    YieldFrom => (-1) calls true;
    /// Push an exception handler; at `target` the stack holds the previously
    /// handled exception and the new one.
    SetupFinally { target } => (0) calls false, branch(target, 2);
    /// ctx -> exit, enter(): like SetupFinally for the with body.
    SetupWith { target } => (1) calls true, branch(target, 2);
    PopBlock => (0) calls false;
    /// Leave an except handler: pop its block and restore the handled exception.
    PopExcept => (-1) calls false;
    /// Re-raise TOS, keeping its traceback.
    Reraise => (-1) calls false;
    RaiseVarargs { n } => (-(n as i32)) calls true;
    /// exc, type -> exc, matches
    CheckExcMatch => (0) calls true;
    /// exc -> exc: an except clause caught TOS (fires exception__handled).
    ExcHandled => (0) calls false;
    /// exit, prev, exc -> exit, prev, exc, exit(type, exc, tb)
    WithExceptStart => (1) calls true;
    /// exit -> : call exit(None, None, None)
    CallExitNone => (-1) calls true;
    /// level, fromlist -> module
    ImportName { idx } => (-1) calls true;
    ImportFrom { idx } => (1) calls true;
    ImportStar => (-1) calls true;
    LoadBuildClass => (1) calls false;
    /// locals() / vars(): the frame's namespace as a dict.
    LoadLocals => (1) calls false;
    /// globals()
    LoadGlobals => (1) calls false;
    LoadAssertionError => (1) calls false;
    /// Interactive mode: print a non-None expression value.
    PrintExpr => (-1) calls true;
    /// subject -> is it a sequence pattern candidate
    MatchSequence => (0) calls false;
    MatchMapping => (0) calls false;
    /// subject, cls -> isinstance(subject, cls)
    MatchInstance => (-1) calls true;
    /// subject, cls -> value of positional sub-pattern `pos`, or jump when absent.
    MatchPos { pos, target } => (-1) calls true, branch(target, -2);
    /// subject -> attribute, or jump when absent.
    MatchAttr { idx, target } => (0) calls true, branch(target, -1);
    /// subject -> len(subject)
    GetLen => (0) calls true;
    /// subject, keys -> copy of subject without keys
    CopyDictWithoutKeys => (-1) calls true;
    // Fused pairs: only in `Code::fused`, the copy of the code the untraced
    // loop runs (see `fuse`). Each does the pair's work and skips the
    // second instruction, which stays in place for jumps to it.
    /// LoadFast local; LoadAttr idx, reading the attribute off the local in place.
    LoadFastAttr { local, idx } => (1) calls true;
    /// LoadFast local; LoadMethod idx.
    LoadFastMethod { local, idx } => (2) calls true;
    /// LoadFast local; StoreAttr idx (`self.x = v`), storing onto the local in place.
    LoadFastStoreAttr { local, idx } => (-1) calls true;
    /// LoadFast a; LoadFast b.
    LoadFastFast { a, b } => (2) calls false;
    /// LoadFast a; LoadFast b; BinaryOp (the op read from there): ints and
    /// floats computed off the locals in place, anything else goes on as the
    /// three instructions would (the operands pushed, then the BinaryOp).
    BinaryFastFast { a, b } => (1) calls true;
    /// LoadFast local; LoadConst idx; BinaryOp, as BinaryFastFast.
    BinaryFastConst { local, idx } => (1) calls true;
    /// LoadFast a; LoadFast b; CompareOp; PopJumpIfFalse (op and target read
    /// from there), as BinaryFastFast.
    CompareFastFastJump { a, b } => (0) calls true;
    /// LoadFast local; LoadConst idx; CompareOp; PopJumpIfFalse.
    CompareFastConstJump { local, idx } => (0) calls true;
    /// BinaryOp op; StoreFast local.
    BinaryOpStore { op, local } => (-2) calls true;
    /// InplaceOp op; StoreFast local.
    InplaceOpStore { op, local } => (-2) calls true;
    /// LoadFast local; LoadConst idx.
    LoadFastConst { local, idx } => (2) calls false;
    /// CompareOp op; PopJumpIfFalse target.
    CompareJumpIfFalse { op, target } => (-2) calls true, branch(target, -2);
    /// Dup2; BinarySubscr (`o[k] op= v` reading `o[k]`): a list or tuple
    /// item at an int index in range pushed off the two in place; anything
    /// else goes on as the two instructions would.
    Dup2Subscr => (1) calls true;
    /// InplaceOp op; Rot3; StoreSubscr (`o[k] op= v` storing): ints and
    /// floats computed and stored into a list at an int index in range;
    /// anything else goes on as the three instructions would.
    InplaceStoreSubscr { op } => (-4) calls true;
    /// LoadFast a; LoadFast b; BinarySubscr (`o[i]`): a list or tuple item
    /// at an int index in range pushed off the locals in place; anything
    /// else goes on as the three instructions would.
    SubscrFastFast { a, b } => (1) calls true;
    /// LoadFast local; LoadConst idx; BinarySubscr (`o[0]`), as SubscrFastFast.
    SubscrFastConst { local, idx } => (1) calls true;
    /// LoadFast local; LoadConst idx; IsOp; PopJumpIfFalse or PopJumpIfTrue
    /// (`x is None`, `x is not None`; invert and target read from there):
    /// the identity test off the local in place.
    IsFastConstJump { local, idx } => (0) calls false;
    /// ForIter target; StoreFast local (`for x in ...`): the next item
    /// stored without passing through the stack.
    ForIterStore { target, local } => (0) calls true, branch(target, -1);
    /// LoadGlobal glob; LoadFast local; Call 1 (`len(x)`, `bool(x)`): a
    /// built-in function with a fast form, or bool, called on the local
    /// without the stack; anything else goes on as the three instructions
    /// would.
    CallGlobalFast { glob, local } => (1) calls true;
    /// LoadGlobal glob; LoadFast local; LoadAttr; Call 1 (`bool(self.queue)`),
    /// as CallGlobalFast on the attribute when its cache answers.
    CallGlobalAttr { glob, local } => (1) calls true;
    /// LoadFast local; LoadMethod idx; LoadFast; CallMethod 1
    /// (`out.append(x)`): a built-in method with a fast form, found in the
    /// LoadMethod's cache, called on the local with the second local as
    /// its argument, without the stack; anything else goes on as
    /// LoadFastMethod would.
    CallMethodFast1 { local, idx } => (1) calls true;
    /// BuildSlice n; BinarySubscr (`o[a:b]`): a list or tuple sliced
    /// by machine ints and Nones off the stack, without the slice object;
    /// anything else goes on as the two instructions would.
    SliceSubscr { n } => (-(n as i32)) calls true;
}

/// Operators for UnaryOp, BinaryOp / InplaceOp and CompareOp.
pub mod op {
    pub const ADD: u32 = 0;
    pub const SUB: u32 = 1;
    pub const MUL: u32 = 2;
    pub const MATMUL: u32 = 3;
    pub const TRUEDIV: u32 = 4;
    pub const MOD: u32 = 5;
    pub const POW: u32 = 6;
    pub const LSHIFT: u32 = 7;
    pub const RSHIFT: u32 = 8;
    pub const OR: u32 = 9;
    pub const XOR: u32 = 10;
    pub const AND: u32 = 11;
    pub const FLOORDIV: u32 = 12;
    pub const BIN_SYMBOLS: [&str; 13] = ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"];
    pub const BIN_DUNDERS: [(&str, &str, &str); 13] = [
        ("__add__", "__radd__", "__iadd__"),
        ("__sub__", "__rsub__", "__isub__"),
        ("__mul__", "__rmul__", "__imul__"),
        ("__matmul__", "__rmatmul__", "__imatmul__"),
        ("__truediv__", "__rtruediv__", "__itruediv__"),
        ("__mod__", "__rmod__", "__imod__"),
        ("__pow__", "__rpow__", "__ipow__"),
        ("__lshift__", "__rlshift__", "__ilshift__"),
        ("__rshift__", "__rrshift__", "__irshift__"),
        ("__or__", "__ror__", "__ior__"),
        ("__xor__", "__rxor__", "__ixor__"),
        ("__and__", "__rand__", "__iand__"),
        ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ];
    pub const NEG: u32 = 0;
    pub const POS: u32 = 1;
    pub const INVERT: u32 = 2;
    pub const NOT: u32 = 3;
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    pub const CMP_SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
    pub const CMP_DUNDERS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    /// The reflection of each comparison (a < b is b > a).
    pub const CMP_SWAPPED: [u32; 6] = [GT, GE, EQ, NE, LT, LE];
}

/// Whether running `instrs` keeps the instruction pointer inside them: every
/// jump target is an index into them, and the last instruction cannot fall
/// through (so every instruction that does has a successor). Every fused
/// instruction moves to a jump target or just past an instruction that falls
/// through. The evaluation loop fetches without a bounds check on this.
pub fn stays_in_bounds(instrs: &[Instr]) -> bool {
    let n = instrs.len();
    instrs.iter().all(|i| i.branch().is_none_or(|(t, _)| (t as usize) < n))
        && matches!(
            instrs.last(),
            Some(Instr::ReturnValue | Instr::Jump { .. } | Instr::Reraise | Instr::RaiseVarargs { .. })
        )
}

/// The untraced loop's copy of `instrs`: common pairs replaced by one fused
/// instruction at the first one's index, the second left in place (a jump
/// may land on it, and the fused instruction skips it). The traced loop runs
/// `instrs` itself, so line events see every instruction.
pub fn fuse(instrs: &[Instr]) -> Box<[Instr]> {
    let mut out = instrs.to_vec();
    let mut i = 0;
    while i + 1 < instrs.len() {
        let next_reads_local = matches!(
            instrs.get(i + 2),
            Some(Instr::LoadAttr { .. } | Instr::LoadMethod { .. } | Instr::StoreAttr { .. })
        );
        let (third, fourth) = (instrs.get(i + 2).copied(), instrs.get(i + 3).copied());
        let long = match (instrs[i], instrs[i + 1], third, fourth) {
            (Instr::LoadFast { idx: a }, Instr::LoadFast { idx: b }, Some(Instr::BinaryOp { .. }), _) => {
                Some((Instr::BinaryFastFast { a, b }, 3))
            }
            (Instr::LoadFast { idx: local }, Instr::LoadConst { idx }, Some(Instr::BinaryOp { .. }), _) => {
                Some((Instr::BinaryFastConst { local, idx }, 3))
            }
            (Instr::LoadFast { idx: a }, Instr::LoadFast { idx: b }, Some(Instr::CompareOp { .. }), Some(Instr::PopJumpIfFalse { .. })) => {
                Some((Instr::CompareFastFastJump { a, b }, 4))
            }
            (
                Instr::LoadFast { idx: local },
                Instr::LoadConst { idx },
                Some(Instr::IsOp { .. }),
                Some(Instr::PopJumpIfFalse { .. } | Instr::PopJumpIfTrue { .. }),
            ) => Some((Instr::IsFastConstJump { local, idx }, 4)),
            (Instr::LoadFast { idx: a }, Instr::LoadFast { idx: b }, Some(Instr::BinarySubscr), _) => {
                Some((Instr::SubscrFastFast { a, b }, 3))
            }
            (Instr::LoadFast { idx: local }, Instr::LoadConst { idx }, Some(Instr::BinarySubscr), _) => {
                Some((Instr::SubscrFastConst { local, idx }, 3))
            }
            (
                Instr::LoadFast { idx: local },
                Instr::LoadMethod { idx },
                Some(Instr::LoadFast { .. }),
                Some(Instr::CallMethod { argc: 1 }),
            ) => Some((Instr::CallMethodFast1 { local, idx }, 4)),
            (Instr::LoadGlobal { idx: glob }, Instr::LoadFast { idx: local }, Some(Instr::Call { argc: 1 }), _) => {
                Some((Instr::CallGlobalFast { glob, local }, 3))
            }
            (
                Instr::LoadGlobal { idx: glob },
                Instr::LoadFast { idx: local },
                Some(Instr::LoadAttr { .. }),
                Some(Instr::Call { argc: 1 }),
            ) => Some((Instr::CallGlobalAttr { glob, local }, 4)),
            (
                Instr::LoadFast { idx: local },
                Instr::LoadConst { idx },
                Some(Instr::CompareOp { .. }),
                Some(Instr::PopJumpIfFalse { .. }),
            ) => Some((Instr::CompareFastConstJump { local, idx }, 4)),
            _ => None,
        };
        if let Some((f, n)) = long {
            out[i] = f;
            i += n;
            continue;
        }
        if let (Instr::InplaceOp { op }, Instr::Rot3, Some(Instr::StoreSubscr)) = (instrs[i], instrs[i + 1], third) {
            out[i] = Instr::InplaceStoreSubscr { op };
            i += 3;
            continue;
        }
        let fused = match (instrs[i], instrs[i + 1]) {
            (Instr::Dup2, Instr::BinarySubscr) => Some(Instr::Dup2Subscr),
            (Instr::BuildSlice { n }, Instr::BinarySubscr) => Some(Instr::SliceSubscr { n }),
            (Instr::LoadFast { idx: local }, Instr::LoadAttr { idx }) => Some(Instr::LoadFastAttr { local, idx }),
            (Instr::LoadFast { idx: local }, Instr::LoadMethod { idx }) => Some(Instr::LoadFastMethod { local, idx }),
            (Instr::LoadFast { idx: local }, Instr::StoreAttr { idx }) => Some(Instr::LoadFastStoreAttr { local, idx }),
            // `a, b.x` and `b.x = a`: b pairs with its attribute instead.
            (Instr::LoadFast { idx: a }, Instr::LoadFast { idx: b }) if !next_reads_local => Some(Instr::LoadFastFast { a, b }),
            (Instr::LoadFast { idx: local }, Instr::LoadConst { idx }) => Some(Instr::LoadFastConst { local, idx }),
            (Instr::CompareOp { op }, Instr::PopJumpIfFalse { target }) => Some(Instr::CompareJumpIfFalse { op, target }),
            (Instr::ForIter { target }, Instr::StoreFast { idx: local }) => Some(Instr::ForIterStore { target, local }),
            (Instr::BinaryOp { op }, Instr::StoreFast { idx: local }) => Some(Instr::BinaryOpStore { op, local }),
            (Instr::InplaceOp { op }, Instr::StoreFast { idx: local }) => Some(Instr::InplaceOpStore { op, local }),
            _ => None,
        };
        match fused {
            Some(f) => {
                out[i] = f;
                i += 2;
            }
            None => i += 1,
        }
    }
    out.into_boxed_slice()
}
