//! Compiler: `rustpython-parser` AST to code objects.
//!
//! Symbol tables are a tree of boxed scopes dropped when compiling ends
//! (they were in an arena once, which never ran their destructors and so
//! leaked their names and maps); what survives is the immutable `Code` tree.

pub mod symtable;
pub mod syntax_error;

use std::ffi::CString;
use std::rc::Rc;

use indexmap::IndexMap;
use rustpython_parser::ast::{self, Ranged};

use crate::value::{PyStr, Value};
use crate::vm::code::{Code, Position, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
use crate::vm::instr::{op, Instr};
use symtable::{Scope, ScopeKind, SymScope};

pub struct CompileError {
    pub kind: &'static str,
    pub msg: String,
    /// Byte offsets in the source (start, and end when known).
    pub offset: usize,
    pub end: Option<usize>,
    /// The SyntaxError fields as CPython reports them (filled in by `compile`).
    pub located: Option<Box<syntax_error::Located>>,
}

impl std::fmt::Debug for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.msg)
    }
}

impl CompileError {
    pub fn new(kind: &'static str, msg: &str, offset: usize) -> CompileError {
        CompileError {
            kind,
            msg: msg.to_string(),
            offset,
            end: None,
            located: None,
        }
    }
    pub fn spanning(kind: &'static str, msg: &str, r: ast::text_size::TextRange) -> CompileError {
        CompileError {
            kind,
            msg: msg.to_string(),
            offset: r.start().to_usize(),
            end: Some(r.end().to_usize()),
            located: None,
        }
    }
    pub fn lineno(&self) -> usize {
        self.located.as_ref().map(|l| l.lineno).unwrap_or(0)
    }
}

thread_local! {
    /// SyntaxWarnings found while compiling, as CPython's warnings module prints them.
    static WARNINGS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Take the warnings of the last compilation.
pub fn take_warnings() -> Vec<String> {
    WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    /// Interactive: expression statements print their values.
    Single,
}

pub struct Options {
    pub optimize: bool,
    /// Keep the source in code objects so tracebacks can quote it.
    pub keep_source: bool,
}

pub fn compile(source: &str, filename: &str, mode: Mode, opts: &Options) -> Result<Rc<Code>, CompileError> {
    let lines = LineIndex::new(source);
    let fix = |mut e: CompileError| {
        e.located = Some(Box::new(syntax_error::from_compile(source, &e)));
        e
    };
    if let Some(l) = syntax_error::pre_check(source) {
        return Err(CompileError {
            kind: l.kind,
            msg: l.msg.clone(),
            offset: 0,
            end: None,
            located: Some(Box::new(l)),
        });
    }
    let src_rc: Option<Rc<str>> = if opts.keep_source { Some(Rc::from(source)) } else { None };
    match mode {
        Mode::Eval => {
            let expr =
                rustpython_parser::parse(source, rustpython_parser::Mode::Expression, filename).map_err(|e| parse_error(source, e))?;
            let ast::Mod::Expression(expr) = expr else { unreachable!() };
            let scope = symtable::build_expr(&expr.body).map_err(fix)?;
            let mut c = Compiler::new(filename, &lines, opts, src_rc);
            c.push_unit(&scope, "<module>", "<module>", 1);
            c.expr(&expr.body).map_err(fix)?;
            c.emit(Instr::ReturnValue);
            Ok(c.pop_unit(0, 0, 0, 0))
        }
        Mode::Exec | Mode::Single => {
            let m = rustpython_parser::parse(source, rustpython_parser::Mode::Module, filename).map_err(|e| parse_error(source, e))?;
            let ast::Mod::Module(m) = m else { unreachable!() };
            let scope = symtable::build(&m.body, ScopeKind::Module).map_err(fix)?;
            let mut c = Compiler::new(filename, &lines, opts, src_rc);
            c.interactive = mode == Mode::Single;
            c.push_unit(&scope, "<module>", "<module>", 1);
            let mut body: &[ast::Stmt] = &m.body;
            if let Some(doc) = docstring(body) {
                if mode == Mode::Exec {
                    c.set_loc(body[0].range());
                    let k = c.konst(Value::str(doc));
                    c.emit(Instr::LoadConst { idx: k });
                    c.store_name("__doc__");
                    body = &body[1..];
                }
            }
            c.setup_annotations(body);
            c.stmts(body).map_err(fix)?;
            let k = c.konst(Value::None);
            c.emit(Instr::LoadConst { idx: k });
            c.emit(Instr::ReturnValue);
            Ok(c.pop_unit(0, 0, 0, 0))
        }
    }
}

fn parse_error(source: &str, e: rustpython_parser::ParseError) -> CompileError {
    let l = syntax_error::refine(source, &e);
    CompileError {
        kind: l.kind,
        msg: l.msg.clone(),
        offset: e.offset.to_usize(),
        end: None,
        located: Some(Box::new(l)),
    }
}

fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::Constant(c) = &*e.value {
            if let ast::Constant::Str(s) = &c.value {
                return Some(s);
            }
        }
    }
    None
}

/// Byte offset to (1-based line, 0-based byte column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }
    pub fn line_col(&self, off: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        ((line + 1) as u32, (off - self.starts[line]) as u32)
    }
}

#[derive(Clone)]
enum FBlock<'a> {
    While {
        start: u32,
        end: u32,
    },
    For {
        start: u32,
        end: u32,
    },
    TryExcept,
    TryFinally {
        body: &'a [ast::Stmt],
    },
    /// Running a finally body because of an exception: [prev, exc] on the stack.
    FinallyEnd,
    /// Inside an except clause: [prev] on the stack.
    Handler,
    /// The `except E as name` cleanup handler.
    HandlerName {
        name: String,
    },
    With,
}

struct Unit<'a> {
    scope: &'a Scope,
    /// The class whose private names (`__x`) are mangled here.
    private: Option<String>,
    name: String,
    qualname: String,
    firstlineno: u32,
    instrs: Vec<Instr>,
    positions: Vec<Position>,
    consts: Vec<Value>,
    names: IndexMap<String, u32>,
    varnames: IndexMap<String, u32>,
    cellvars: IndexMap<String, u32>,
    freevars: IndexMap<String, u32>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    pos: Position,
    tmp: u32,
}

struct Compiler<'a> {
    filename: Rc<str>,
    lines: &'a LineIndex,
    optimize: bool,
    interactive: bool,
    /// Compiling the targets of `a = b` (for CPython's error hint).
    plain_assign: bool,
    /// Expression nesting depth.
    depth: usize,
    source: Option<Rc<str>>,
    units: Vec<Unit<'a>>,
    /// One string object per distinct name or string constant of the
    /// module: dict keys stored by one code object and looked up by another
    /// are then the same object, which key comparison checks first.
    interned: std::collections::HashMap<String, Rc<PyStr>>,
}

type R = Result<(), CompileError>;

const UNSET: u32 = u32::MAX;

fn is_const_true(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Bool(b) => *b,
            ast::Constant::Int(i) => !num_traits::Zero::is_zero(i),
            ast::Constant::Str(s) => !s.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    fn new(filename: &str, lines: &'a LineIndex, opts: &Options, source: Option<Rc<str>>) -> Compiler<'a> {
        Compiler {
            filename: Rc::from(filename),
            lines,
            optimize: opts.optimize,
            interactive: false,
            plain_assign: false,
            depth: 0,
            source,
            units: Vec::new(),
            interned: std::collections::HashMap::new(),
        }
    }

    fn intern(&mut self, s: &str) -> Rc<PyStr> {
        if let Some(p) = self.interned.get(s) {
            return p.clone();
        }
        let p = Rc::new(PyStr::new(s.to_string()));
        self.interned.insert(s.to_string(), p.clone());
        p
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }
    fn scope(&self) -> &'a Scope {
        self.units.last().unwrap().scope
    }

    /// The symbol table's scope for the def, class, lambda or comprehension
    /// at `range` (the same one each time that code is compiled again).
    fn child_scope(&self, range: ast::text_size::TextRange) -> Result<&'a Scope, CompileError> {
        let start = range.start();
        self.scope()
            .child(start.to_u32())
            .ok_or_else(|| CompileError::new("SystemError", "no symbol table for a nested scope", start.to_usize()))
    }

    fn push_unit(&mut self, scope: &'a Scope, name: &str, qualname: &str, firstlineno: u32) {
        let mut varnames = IndexMap::new();
        for p in &scope.params {
            let n = varnames.len() as u32;
            varnames.entry(p.clone()).or_insert(n);
        }
        if scope.is_function_like() {
            for (name, sc) in &scope.scopes {
                let _ = (name, sc);
            }
            for name in scope.symbols.keys() {
                if scope.scope_of(name) == SymScope::Local {
                    let n = varnames.len() as u32;
                    varnames.entry(name.clone()).or_insert(n);
                }
            }
        }
        let mut cellvars = IndexMap::new();
        for c in &scope.cellvars {
            let n = cellvars.len() as u32;
            cellvars.insert(c.clone(), n);
        }
        let mut freevars = IndexMap::new();
        for f in &scope.freevars {
            let n = freevars.len() as u32;
            freevars.insert(f.clone(), n);
        }
        let private = if scope.kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        self.units.push(Unit {
            scope,
            private,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            names: IndexMap::new(),
            varnames,
            cellvars,
            freevars,
            labels: Vec::new(),
            fblocks: Vec::new(),
            pos: Position {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            },
            tmp: 0,
        });
    }

    fn pop_unit(&mut self, argcount: u32, posonly: u32, kwonly: u32, mut flags: u32) -> Rc<Code> {
        let u = self.units.pop().unwrap();
        if u.scope.is_generator {
            flags |= CO_GENERATOR;
        }
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            if let Some((label, _)) = ins.branch() {
                ins.set_target(u.labels[label as usize]);
            }
        }
        let max_stack = stack_depth(&instrs);
        let mut strs = |m: &IndexMap<String, u32>| m.keys().map(|k| self.intern(k)).collect::<Vec<_>>();
        let varnames = strs(&u.varnames);
        let cellvars = strs(&u.cellvars);
        let freevars = strs(&u.freevars);
        let names: Vec<Value> = u.names.keys().map(|k| Value::Str(self.intern(k))).collect();
        let cell2arg = u
            .cellvars
            .keys()
            .map(|c| {
                let params = &u.scope.params;
                params.iter().position(|p| p == c).map(|i| i as u32)
            })
            .collect();
        let c_name = CString::new(u.name.replace('\0', "?")).unwrap_or_default();
        let c_filename = CString::new(self.filename.replace('\0', "?")).unwrap_or_default();
        let names_len = names.len();
        let attr_caches = crate::vm::code::AttrCaches::new(&names);
        // The evaluation loop relies on this (it fetches unchecked).
        assert!(
            crate::vm::instr::stays_in_bounds(&instrs),
            "internal compiler error: {} can run past its last instruction",
            u.qualname
        );
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            simple_argc: if kwonly == 0 && flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) == 0 && cellvars.is_empty() {
                argcount
            } else {
                u32::MAX
            },
            flags,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            names,
            consts: u.consts,
            fused: crate::vm::instr::fuse(&instrs),
            instrs,
            positions: u.positions,
            max_stack,
            source: self.source.clone(),
            c_filename,
            c_name,
            trace_start_line: if u.scope.kind == ScopeKind::Module { 0 } else { u.firstlineno },
            attr_caches,
            global_caches: (0..names_len).map(|_| Default::default()).collect(),
            spare_frames: Default::default(),
        })
    }

    fn set_loc(&mut self, r: ast::text_size::TextRange) {
        let (line, col) = self.lines.line_col(r.start().to_usize());
        let (end_line, end_col) = self.lines.line_col(r.end().to_usize());
        self.u().pos = Position {
            line,
            end_line,
            col,
            end_col,
        };
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.u();
        u.instrs.push(i);
        u.positions.push(u.pos);
        u.instrs.len() - 1
    }

    fn new_label(&mut self) -> u32 {
        let u = self.u();
        u.labels.push(UNSET);
        (u.labels.len() - 1) as u32
    }
    fn bind(&mut self, l: u32) {
        let u = self.u();
        u.labels[l as usize] = u.instrs.len() as u32;
    }

    fn konst(&mut self, v: Value) -> u32 {
        let v = match v {
            Value::Str(s) => Value::Str(self.intern(s.as_str())),
            v => v,
        };
        let u = self.u();
        // Share simple constants.
        for (i, c) in u.consts.iter().enumerate() {
            let same = match (c, &v) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Int(a), Value::Int(b)) => a == b,
                (Value::Str(a), Value::Str(b)) => a.as_str() == b.as_str(),
                _ => false,
            };
            if same {
                return i as u32;
            }
        }
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }
    fn load_const(&mut self, v: Value) {
        let k = self.konst(v);
        self.emit(Instr::LoadConst { idx: k });
    }
    fn name_idx(&mut self, n: &str) -> u32 {
        let u = self.u();
        let l = u.names.len() as u32;
        *u.names.entry(n.to_string()).or_insert(l)
    }
    fn new_tmp(&mut self) -> u32 {
        let u = self.u();
        let name = format!("$t{}", u.tmp);
        u.tmp += 1;
        let n = u.varnames.len() as u32;
        *u.varnames.entry(name).or_insert(n)
    }
    fn cell_idx(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.cellvars.get(n) {
            return *i;
        }
        let nc = u.cellvars.len() as u32;
        nc + u.freevars.get(n).copied().unwrap_or(0)
    }

    fn err(&self, msg: &str, r: ast::text_size::TextRange) -> CompileError {
        CompileError::spanning("SyntaxError", msg, r)
    }

    // ---- names

    fn mangle(&self, n: &str) -> String {
        symtable::mangle(self.units.last().and_then(|u| u.private.as_deref()), n)
    }

    fn attr_idx(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.name_idx(&m)
    }

    fn load_name(&mut self, n: &str) {
        let n = &self.mangle(n);
        let scope = self.scope();
        let sc = scope.scope_of(n);
        let fl = scope.is_function_like();
        let i = match (sc, scope.kind) {
            (SymScope::Local, _) if fl => Instr::LoadFast { idx: self.u().varnames[n] },
            (SymScope::Cell, _) => Instr::LoadDeref { idx: self.cell_idx(n) },
            (SymScope::Free, ScopeKind::Class) => {
                let idx = self.cell_idx(n);
                let name = self.name_idx(n);
                Instr::LoadClassDeref { idx, name }
            }
            (SymScope::Free, _) => Instr::LoadDeref { idx: self.cell_idx(n) },
            (SymScope::GlobalExplicit, _) => Instr::LoadGlobal { idx: self.name_idx(n) },
            (SymScope::GlobalImplicit, _) if fl => Instr::LoadGlobal { idx: self.name_idx(n) },
            _ => Instr::LoadName { idx: self.name_idx(n) },
        };
        self.emit(i);
    }

    /// Whether `n` is one of a function's fast locals (not a cell, a free
    /// variable or a global).
    fn is_fast_local(&mut self, n: &str) -> bool {
        let n = &self.mangle(n);
        let scope = self.scope();
        scope.is_function_like() && matches!(scope.scope_of(n), SymScope::Local)
    }

    fn store_name(&mut self, n: &str) {
        let n = &self.mangle(n);
        let scope = self.scope();
        let sc = scope.scope_of(n);
        let fl = scope.is_function_like();
        let i = match sc {
            SymScope::Local if fl => Instr::StoreFast { idx: self.u().varnames[n] },
            SymScope::Cell | SymScope::Free => Instr::StoreDeref { idx: self.cell_idx(n) },
            SymScope::GlobalExplicit => Instr::StoreGlobal { idx: self.name_idx(n) },
            SymScope::GlobalImplicit if fl => Instr::StoreGlobal { idx: self.name_idx(n) },
            _ => Instr::StoreName { idx: self.name_idx(n) },
        };
        self.emit(i);
    }

    fn delete_name(&mut self, n: &str) {
        let n = &self.mangle(n);
        let scope = self.scope();
        let sc = scope.scope_of(n);
        let fl = scope.is_function_like();
        let i = match sc {
            SymScope::Local if fl => Instr::DeleteFast { idx: self.u().varnames[n] },
            SymScope::Cell | SymScope::Free => Instr::DeleteDeref { idx: self.cell_idx(n) },
            SymScope::GlobalExplicit => Instr::DeleteGlobal { idx: self.name_idx(n) },
            SymScope::GlobalImplicit if fl => Instr::DeleteGlobal { idx: self.name_idx(n) },
            _ => Instr::DeleteName { idx: self.name_idx(n) },
        };
        self.emit(i);
    }

    // ---- statements

    fn stmts(&mut self, body: &'a [ast::Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// SETUP_ANNOTATIONS: a module or class body with annotations gets `__annotations__`.
    fn setup_annotations(&mut self, body: &'a [ast::Stmt]) {
        fn has(body: &[ast::Stmt]) -> bool {
            body.iter().any(|s| match s {
                ast::Stmt::AnnAssign(a) => a.simple,
                ast::Stmt::If(i) => has(&i.body) || has(&i.orelse),
                ast::Stmt::For(f) => has(&f.body) || has(&f.orelse),
                ast::Stmt::While(w) => has(&w.body) || has(&w.orelse),
                ast::Stmt::With(w) => has(&w.body),
                ast::Stmt::Try(t) => has(&t.body) || has(&t.orelse) || has(&t.finalbody),
                _ => false,
            })
        }
        if has(body) {
            self.emit(Instr::BuildMap { n: 0 });
            self.store_name("__annotations__");
        }
    }

    fn stmt(&mut self, s: &'a ast::Stmt) -> R {
        use ast::Stmt::*;
        self.set_loc(s.range());
        match s {
            FunctionDef(f) => self.function_def(f)?,
            ClassDef(c) => self.class_def(c)?,
            Return(r) => {
                if !self.scope().is_function_like() {
                    return Err(self.err("'return' outside function", s.range()));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.set_loc(s.range());
                self.unwind_fblocks(true, None)?;
                self.emit(Instr::ReturnValue);
            }
            Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Dup);
                    }
                    self.plain_assign = true;
                    let r = self.store_target(t);
                    self.plain_assign = false;
                    r?;
                }
            }
            AugAssign(a) => self.aug_assign(a)?,
            AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                } else if !a.simple || !matches!(&*a.target, ast::Expr::Name(_)) {
                    // `obj.x: int` evaluates obj.
                    if let ast::Expr::Attribute(at) = &*a.target {
                        self.expr(&at.value)?;
                        self.emit(Instr::Pop);
                    }
                }
                // Module and class bodies record simple annotations in __annotations__.
                if let (ast::Expr::Name(n), true) = (&*a.target, a.simple && !self.scope().is_function_like()) {
                    self.expr(&a.annotation)?;
                    self.load_name("__annotations__");
                    self.load_const(Value::str(n.id.as_str()));
                    self.emit(Instr::StoreSubscr);
                }
            }
            For(f) => self.for_stmt(f)?,
            While(w) => self.while_stmt(w)?,
            If(i) => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, else_l)?;
                self.stmts(&i.body)?;
                if !i.orelse.is_empty() {
                    self.emit(Instr::Jump { target: end });
                }
                self.bind(else_l);
                self.stmts(&i.orelse)?;
                self.bind(end);
            }
            With(w) => self.with_stmt(&w.items, &w.body)?,
            Match(m) => self.match_stmt(m)?,
            Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.range());
                self.emit(Instr::RaiseVarargs { n });
            }
            Try(t) => self.try_stmt(t)?,
            Assert(a) => {
                if let ast::Expr::Tuple(t) = &*a.test {
                    if !t.elts.is_empty() {
                        self.warn("assertion is always true, perhaps remove parentheses?", s.range());
                    }
                }
                if !self.optimize {
                    let end = self.new_label();
                    self.cond_jump(&a.test, true, end)?;
                    // CPython attributes the failure to the test expression
                    // (to the statement when the test is a constant).
                    let at = if matches!(&*a.test, ast::Expr::Constant(_)) {
                        s.range()
                    } else {
                        a.test.range()
                    };
                    self.set_loc(at);
                    self.emit(Instr::LoadAssertionError);
                    if let Some(m) = &a.msg {
                        self.expr(m)?;
                        self.set_loc(at);
                        self.emit(Instr::Call { argc: 1 });
                    }
                    self.emit(Instr::RaiseVarargs { n: 1 });
                    self.bind(end);
                }
            }
            Import(i) => {
                for a in &i.names {
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let idx = self.name_idx(a.name.as_str());
                    self.emit(Instr::ImportName { idx });
                    match &a.asname {
                        Some(asn) => {
                            for part in a.name.split('.').skip(1) {
                                let idx = self.name_idx(part);
                                self.emit(Instr::LoadAttr { idx });
                            }
                            self.store_name(asn.as_str());
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap().to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            ImportFrom(i) => {
                let level = i.level.map(|l| l.to_u32()).unwrap_or(0);
                self.load_const(Value::Int(level as i64));
                let names: Vec<Value> = i.names.iter().map(|a| Value::str(a.name.as_str())).collect();
                self.load_const(Value::tuple(names));
                let modname = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                let idx = self.name_idx(&modname);
                self.emit(Instr::ImportName { idx });
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in &i.names {
                        let idx = self.name_idx(a.name.as_str());
                        self.emit(Instr::ImportFrom { idx });
                        let target = a.asname.as_ref().unwrap_or(&a.name);
                        self.store_name(target.as_str());
                    }
                    self.emit(Instr::Pop);
                }
            }
            Global(_) | Nonlocal(_) => {}
            Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                } else if let ast::Expr::Constant(_) = &*e.value {
                    // A constant statement does nothing.
                    self.emit(Instr::Nop);
                } else {
                    self.expr(&e.value)?;
                    self.emit(Instr::Pop);
                }
            }
            Pass(_) => {
                self.emit(Instr::Nop);
            }
            Break(_) => {
                if !self.unwind_fblocks(false, Some(true))? {
                    return Err(self.err("'break' outside loop", s.range()));
                }
            }
            Continue(_) => {
                // The backward jump is transparent to the line probe (a
                // loop's closing jump must not fire a line); CPython's
                // `continue` does fire its own line, which this Nop carries.
                self.emit(Instr::Nop);
                if !self.unwind_fblocks(false, Some(false))? {
                    return Err(self.err("'continue' not properly in loop", s.range()));
                }
            }
            _ => return Err(self.err("unsupported statement", s.range())),
        }
        Ok(())
    }

    /// Emit what leaving the enclosing blocks requires. For `return` (`ret`)
    /// the value is on the stack; `brk` is Some(true) for break, Some(false) for
    /// continue, which stop at the innermost loop and jump. Returns false if a
    /// break/continue found no loop.
    fn unwind_fblocks(&mut self, ret: bool, brk: Option<bool>) -> Result<bool, CompileError> {
        let saved = self.u().fblocks.clone();
        let mut found = false;
        while let Some(fb) = self.u().fblocks.pop() {
            match fb {
                FBlock::While { start, end } => {
                    if let Some(is_break) = brk {
                        self.emit(Instr::Jump {
                            target: if is_break { end } else { start },
                        });
                        found = true;
                        break;
                    }
                }
                FBlock::For { start, end } => {
                    if let Some(is_break) = brk {
                        if is_break {
                            self.emit(Instr::Pop);
                            self.emit(Instr::Jump { target: end });
                        } else {
                            self.emit(Instr::Jump { target: start });
                        }
                        found = true;
                        break;
                    }
                    if ret {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Instr::PopBlock);
                }
                FBlock::TryFinally { body } => {
                    self.emit(Instr::PopBlock);
                    self.stmts(body)?;
                }
                FBlock::FinallyEnd => {
                    if ret {
                        self.emit(Instr::Rot2);
                    }
                    self.emit(Instr::Pop);
                    self.emit(Instr::PopExcept);
                }
                FBlock::Handler => {
                    self.emit(Instr::PopExcept);
                }
                FBlock::HandlerName { name } => {
                    self.emit(Instr::PopBlock);
                    self.load_const(Value::None);
                    self.store_name(&name);
                    self.delete_name(&name);
                }
                FBlock::With => {
                    self.emit(Instr::PopBlock);
                    if ret {
                        self.emit(Instr::Rot2);
                    }
                    self.emit(Instr::CallExitNone);
                }
            }
        }
        self.u().fblocks = saved;
        Ok(found || brk.is_none())
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let first_line = f
            .decorator_list
            .first()
            .map(|d| self.lines.line_col(d.range().start().to_usize()).0)
            .unwrap_or_else(|| self.lines.line_col(f.range.start().to_usize()).0);
        let doc = docstring(&f.body).map(Value::str);
        let body: &'a [ast::Stmt] = if doc.is_some() { &f.body[1..] } else { &f.body };
        self.make_function(f.name.as_str(), &f.args, first_line, f.range, doc, |c| {
            c.stmts(body)?;
            c.load_const(Value::None);
            c.emit(Instr::ReturnValue);
            Ok(())
        })?;
        self.apply_decorators(&f.decorator_list, f.range);
        self.store_name(f.name.as_str());
        Ok(())
    }

    /// Call the decorators (already on the stack) innermost first, each call
    /// at its decorator's location as CPython 3.11 does (a traceback through
    /// a decorator points at the `@` line), then go back to the statement's.
    fn apply_decorators(&mut self, decorators: &'a [ast::Expr], stmt: ast::text_size::TextRange) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range());
            self.emit(Instr::Call { argc: 1 });
        }
        self.set_loc(stmt);
    }

    fn qualname(&self, name: &str) -> String {
        let parent = self.units.last().unwrap();
        if self.units.len() <= 1 {
            return name.to_string();
        }
        match parent.scope.kind {
            ScopeKind::Function | ScopeKind::Comprehension => format!("{}.<locals>.{}", parent.qualname, name),
            ScopeKind::Class => format!("{}.{}", parent.qualname, name),
            ScopeKind::Module => name.to_string(),
        }
    }

    /// Compile defaults, the body (through `body`) and MAKE_FUNCTION.
    fn make_function(
        &mut self,
        name: &str,
        args: &'a ast::Arguments,
        first_line: u32,
        range: ast::text_size::TextRange,
        doc: Option<Value>,
        body: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let mut flags = 0;
        let defaults: Vec<&ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple { n: defaults.len() as u32 });
            flags |= 1;
        }
        let kwd: Vec<&ast::ArgWithDefault> = args.kwonlyargs.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            for a in &kwd {
                self.load_const(Value::str(a.def.arg.as_str()));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Instr::BuildMap { n: kwd.len() as u32 });
            flags |= 2;
        }
        let qualname = self.qualname(name);
        let scope = self.child_scope(range)?;
        self.push_unit(scope, name, &qualname, first_line);
        self.set_loc(range);
        body(self)?;
        let mut cflags = 0;
        if args.vararg.is_some() {
            cflags |= CO_VARARGS;
        }
        if args.kwarg.is_some() {
            cflags |= CO_VARKEYWORDS;
        }
        let argc = (args.posonlyargs.len() + args.args.len()) as u32;
        let code = self.pop_unit(argc, args.posonlyargs.len() as u32, args.kwonlyargs.len() as u32, cflags);
        self.emit_closure_and_make(code, &qualname, flags, doc)
    }

    fn emit_closure_and_make(&mut self, code: Rc<Code>, qualname: &str, mut flags: u32, doc: Option<Value>) -> R {
        if !code.freevars.is_empty() {
            for fv in code.freevars.iter() {
                let idx = self.cell_idx(fv.as_str());
                self.emit(Instr::LoadClosure { idx });
            }
            self.emit(Instr::BuildTuple {
                n: code.freevars.len() as u32,
            });
            flags |= 8;
        }
        if let Some(d) = doc {
            flags |= 16;
            self.load_const(d);
        }
        self.load_const(Value::Code(code));
        self.load_const(Value::str(qualname));
        self.emit(Instr::MakeFunction { flags });
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        let first_line = c
            .decorator_list
            .first()
            .map(|d| self.lines.line_col(d.range().start().to_usize()).0)
            .unwrap_or_else(|| self.lines.line_col(c.range.start().to_usize()).0);
        self.set_loc(c.range);
        self.emit(Instr::LoadBuildClass);
        let qualname = self.qualname(c.name.as_str());
        let scope = self.child_scope(c.range)?;
        self.push_unit(scope, c.name.as_str(), &qualname, first_line);
        self.set_loc(c.range);
        self.load_name("__name__");
        self.store_name("__module__");
        self.load_const(Value::str(&qualname));
        self.store_name("__qualname__");
        let mut body: &'a [ast::Stmt] = &c.body;
        if let Some(doc) = docstring(body) {
            self.load_const(Value::str(doc));
            self.store_name("__doc__");
            body = &body[1..];
        }
        self.setup_annotations(body);
        self.stmts(body)?;
        if scope.needs_class_cell {
            let idx = self.cell_idx("__class__");
            self.emit(Instr::LoadClosure { idx });
            self.store_name("__classcell__");
        }
        self.load_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit(0, 0, 0, 0);
        self.emit_closure_and_make(code, &qualname, 0, None)?;
        self.load_const(Value::str(c.name.as_str()));
        self.call_args(&c.bases, &c.keywords, 2)?;
        self.apply_decorators(&c.decorator_list, c.range);
        self.store_name(c.name.as_str());
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let opn = binop(&a.op);
        match &*a.target {
            ast::Expr::Name(n) => {
                self.set_loc(n.range);
                self.load_name(n.id.as_str());
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Instr::InplaceOp { op: opn });
                self.store_name(n.id.as_str());
            }
            ast::Expr::Attribute(at) => {
                // `a.x += v` on a function's local `a`: `a` is loaded again
                // for the store instead of kept under the value (Dup, Rot2),
                // which lets both ends fuse (LoadFastAttr,
                // LoadFastStoreAttr). The same object either way: `v` cannot
                // rebind `a` (`may_rebind`).
                let reload = matches!(&*at.value, ast::Expr::Name(n) if self.is_fast_local(n.id.as_str())) && !may_rebind(&a.value);
                self.expr(&at.value)?;
                if !reload {
                    self.emit(Instr::Dup);
                }
                let idx = self.attr_idx(at.attr.as_str());
                self.set_loc(at.range);
                self.emit(Instr::LoadAttr { idx });
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Instr::InplaceOp { op: opn });
                // The store is at the target, as in CPython (its traceback
                // line marks the target).
                self.set_loc(at.range);
                if reload {
                    self.expr(&at.value)?;
                    self.set_loc(at.range);
                } else {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::StoreAttr { idx });
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Dup2);
                self.set_loc(s.range);
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Instr::InplaceOp { op: opn });
                self.set_loc(s.range);
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            t => {
                return Err(self.err(
                    &format!("'{}' is an illegal expression for augmented assignment", expr_kind(t)),
                    t.range(),
                ))
            }
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Instr::GetIter);
        self.bind(start);
        self.set_loc(f.range);
        self.emit(Instr::ForIter { target: cleanup });
        self.store_target(&f.target)?;
        self.u().fblocks.push(FBlock::For { start, end });
        self.stmts(&f.body)?;
        self.u().fblocks.pop();
        self.set_loc(f.target.range());
        self.emit(Instr::Jump { target: start });
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.bind(start);
        if !is_const_true(&w.test) {
            self.cond_jump(&w.test, false, else_l)?;
        } else {
            self.set_loc(w.test.range());
            self.emit(Instr::Nop);
        }
        self.u().fblocks.push(FBlock::While { start, end });
        self.stmts(&w.body)?;
        self.u().fblocks.pop();
        self.set_loc(w.test.range());
        self.emit(Instr::Jump { target: start });
        self.bind(else_l);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [ast::Stmt]) -> R {
        let item = &items[0];
        let handler = self.new_label();
        let end = self.new_label();
        let suppress = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(item.context_expr.range());
        self.emit(Instr::SetupWith { target: handler });
        self.u().fblocks.push(FBlock::With);
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        if items.len() > 1 {
            self.with_stmt(&items[1..], body)?;
        } else {
            self.stmts(body)?;
        }
        self.u().fblocks.pop();
        self.set_loc(item.context_expr.range());
        self.emit(Instr::PopBlock);
        self.emit(Instr::CallExitNone);
        self.emit(Instr::Jump { target: end });
        self.bind(handler);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::PopJumpIfTrue { target: suppress });
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R {
        let fin_handler = self.new_label();
        let end = self.new_label();
        if !t.finalbody.is_empty() {
            self.emit(Instr::SetupFinally { target: fin_handler });
            self.u().fblocks.push(FBlock::TryFinally { body: &t.finalbody });
        }
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            let exc_handler = self.new_label();
            let end_try = self.new_label();
            self.emit(Instr::SetupFinally { target: exc_handler });
            self.u().fblocks.push(FBlock::TryExcept);
            self.stmts(&t.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.stmts(&t.orelse)?;
            self.emit(Instr::Jump { target: end_try });
            self.bind(exc_handler);
            self.u().fblocks.push(FBlock::Handler);
            for (i, h) in t.handlers.iter().enumerate() {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                self.set_loc(h.range);
                let next = self.new_label();
                match &h.type_ {
                    Some(ty) => {
                        self.expr(ty)?;
                        self.set_loc(h.range);
                        self.emit(Instr::CheckExcMatch);
                        self.emit(Instr::PopJumpIfFalse { target: next });
                    }
                    None => {
                        if i + 1 != t.handlers.len() {
                            return Err(self.err("default 'except:' must be last", h.range));
                        }
                    }
                }
                self.emit(Instr::ExcHandled);
                match &h.name {
                    Some(name) => {
                        let cleanup = self.new_label();
                        self.store_name(name.as_str());
                        self.emit(Instr::SetupFinally { target: cleanup });
                        self.u().fblocks.push(FBlock::HandlerName { name: name.to_string() });
                        self.stmts(&h.body)?;
                        self.u().fblocks.pop();
                        self.emit(Instr::PopBlock);
                        self.load_const(Value::None);
                        self.store_name(name.as_str());
                        self.delete_name(name.as_str());
                        self.emit(Instr::PopExcept);
                        self.emit(Instr::Jump { target: end_try });
                        self.bind(cleanup);
                        self.load_const(Value::None);
                        self.store_name(name.as_str());
                        self.delete_name(name.as_str());
                        self.emit(Instr::Reraise);
                    }
                    None => {
                        self.emit(Instr::Pop);
                        self.stmts(&h.body)?;
                        self.emit(Instr::PopExcept);
                        self.emit(Instr::Jump { target: end_try });
                    }
                }
                self.bind(next);
            }
            self.emit(Instr::Reraise);
            self.u().fblocks.pop();
            self.bind(end_try);
        }
        if !t.finalbody.is_empty() {
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.stmts(&t.finalbody)?;
            self.emit(Instr::Jump { target: end });
            self.bind(fin_handler);
            self.u().fblocks.push(FBlock::FinallyEnd);
            self.stmts(&t.finalbody)?;
            self.u().fblocks.pop();
            self.emit(Instr::Reraise);
        }
        self.bind(end);
        Ok(())
    }

    // ---- match

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let subj = self.new_tmp();
        self.emit(Instr::StoreFast { idx: subj });
        let end = self.new_label();
        for (i, case) in m.cases.iter().enumerate() {
            let next = self.new_label();
            self.set_loc(case.pattern.range());
            let irrefutable = matches!(&case.pattern, ast::Pattern::MatchAs(a) if a.pattern.is_none());
            if irrefutable && case.guard.is_none() && i + 1 != m.cases.len() {
                let msg = match &case.pattern {
                    ast::Pattern::MatchAs(a) if a.name.is_some() => {
                        format!("name capture '{}' makes remaining patterns unreachable", a.name.as_ref().unwrap())
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.err(&msg, case.pattern.range()));
            }
            self.pattern(&case.pattern, subj, next)?;
            if let Some(g) = &case.guard {
                self.cond_jump(g, false, next)?;
            }
            self.stmts(&case.body)?;
            self.emit(Instr::Jump { target: end });
            self.bind(next);
        }
        self.bind(end);
        Ok(())
    }

    /// Test the value in temp `subj` against `p`, jumping to `fail` if it does not match.
    fn pattern(&mut self, p: &'a ast::Pattern, subj: u32, fail: u32) -> R {
        use ast::Pattern::*;
        match p {
            MatchValue(v) => {
                self.emit(Instr::LoadFast { idx: subj });
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp { op: op::EQ });
                self.emit(Instr::PopJumpIfFalse { target: fail });
            }
            MatchSingleton(s) => {
                self.emit(Instr::LoadFast { idx: subj });
                self.load_const(constant(&s.value));
                self.emit(Instr::IsOp { invert: 0 });
                self.emit(Instr::PopJumpIfFalse { target: fail });
            }
            MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p, subj, fail)?;
                }
                if let Some(n) = &a.name {
                    self.emit(Instr::LoadFast { idx: subj });
                    self.store_name(n.as_str());
                }
            }
            MatchOr(o) => {
                let ok = self.new_label();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 == o.patterns.len() {
                        self.pattern(alt, subj, fail)?;
                    } else {
                        let next = self.new_label();
                        self.pattern(alt, subj, next)?;
                        self.emit(Instr::Jump { target: ok });
                        self.bind(next);
                    }
                }
                self.bind(ok);
            }
            MatchSequence(s) => {
                self.emit(Instr::LoadFast { idx: subj });
                self.emit(Instr::MatchSequence);
                self.emit(Instr::PopJumpIfFalse { target: fail });
                let star = s.patterns.iter().position(|p| matches!(p, MatchStar(_)));
                let n = s.patterns.len() as i64;
                self.emit(Instr::LoadFast { idx: subj });
                self.emit(Instr::GetLen);
                match star {
                    None => {
                        self.load_const(Value::Int(n));
                        self.emit(Instr::CompareOp { op: op::EQ });
                    }
                    Some(_) => {
                        self.load_const(Value::Int(n - 1));
                        self.emit(Instr::CompareOp { op: op::GE });
                    }
                }
                self.emit(Instr::PopJumpIfFalse { target: fail });
                self.emit(Instr::LoadFast { idx: subj });
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence { n: n as u32 });
                    }
                    Some(i) => {
                        self.emit(Instr::UnpackEx {
                            before: i as u32,
                            after: (n as u32) - 1 - i as u32,
                        });
                    }
                }
                let temps: Vec<u32> = s.patterns.iter().map(|_| self.new_tmp()).collect();
                for t in &temps {
                    self.emit(Instr::StoreFast { idx: *t });
                }
                for (p, t) in s.patterns.iter().zip(temps) {
                    match p {
                        MatchStar(st) => {
                            if let Some(n) = &st.name {
                                self.emit(Instr::LoadFast { idx: t });
                                self.store_name(n.as_str());
                            }
                        }
                        _ => self.pattern(p, t, fail)?,
                    }
                }
            }
            MatchMapping(m) => {
                self.emit(Instr::LoadFast { idx: subj });
                self.emit(Instr::MatchMapping);
                self.emit(Instr::PopJumpIfFalse { target: fail });
                for (k, p) in m.keys.iter().zip(&m.patterns) {
                    self.expr(k)?;
                    self.emit(Instr::LoadFast { idx: subj });
                    self.emit(Instr::ContainsOp { invert: 0 });
                    self.emit(Instr::PopJumpIfFalse { target: fail });
                    self.emit(Instr::LoadFast { idx: subj });
                    self.expr(k)?;
                    self.emit(Instr::BinarySubscr);
                    let t = self.new_tmp();
                    self.emit(Instr::StoreFast { idx: t });
                    self.pattern(p, t, fail)?;
                }
                if let Some(rest) = &m.rest {
                    self.emit(Instr::LoadFast { idx: subj });
                    for k in &m.keys {
                        self.expr(k)?;
                    }
                    self.emit(Instr::BuildTuple { n: m.keys.len() as u32 });
                    self.emit(Instr::CopyDictWithoutKeys);
                    self.store_name(rest.as_str());
                }
            }
            MatchClass(c) => {
                self.emit(Instr::LoadFast { idx: subj });
                self.expr(&c.cls)?;
                self.emit(Instr::MatchInstance);
                self.emit(Instr::PopJumpIfFalse { target: fail });
                for (i, p) in c.patterns.iter().enumerate() {
                    self.emit(Instr::LoadFast { idx: subj });
                    self.expr(&c.cls)?;
                    self.emit(Instr::MatchPos {
                        pos: i as u32,
                        target: fail,
                    });
                    let t = self.new_tmp();
                    self.emit(Instr::StoreFast { idx: t });
                    self.pattern(p, t, fail)?;
                }
                for (name, p) in c.kwd_attrs.iter().zip(&c.kwd_patterns) {
                    self.emit(Instr::LoadFast { idx: subj });
                    let idx = self.name_idx(name.as_str());
                    self.emit(Instr::MatchAttr { idx, target: fail });
                    let t = self.new_tmp();
                    self.emit(Instr::StoreFast { idx: t });
                    self.pattern(p, t, fail)?;
                }
            }
            MatchStar(_) => return Err(self.err("can't use starred name here", p.range())),
        }
        Ok(())
    }

    // ---- targets

    fn store_target(&mut self, t: &'a ast::Expr) -> R {
        use ast::Expr::*;
        match t {
            Name(n) => self.store_name(n.id.as_str()),
            Attribute(a) => {
                self.expr(&a.value)?;
                let idx = self.attr_idx(a.attr.as_str());
                self.set_loc(a.range);
                self.emit(Instr::StoreAttr { idx });
            }
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Instr::StoreSubscr);
            }
            Tuple(ast::ExprTuple { elts, range, .. }) | List(ast::ExprList { elts, range, .. }) => {
                self.set_loc(*range);
                let star = elts.iter().position(|e| matches!(e, Starred(_)));
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence { n: elts.len() as u32 });
                    }
                    Some(i) => {
                        if elts.iter().filter(|e| matches!(e, Starred(_))).count() > 1 {
                            return Err(self.err("multiple starred expressions in assignment", *range));
                        }
                        self.emit(Instr::UnpackEx {
                            before: i as u32,
                            after: (elts.len() - i - 1) as u32,
                        });
                    }
                }
                let plain = std::mem::replace(&mut self.plain_assign, false);
                for e in elts {
                    match e {
                        Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
                self.plain_assign = plain;
            }
            Starred(s) => return Err(self.err("starred assignment target must be in a list or tuple", s.range)),
            _ => {
                let what = expr_kind(t);
                let named =
                    matches!(t, Constant(c) if matches!(c.value, ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis));
                let msg = if self.plain_assign && !named {
                    format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what)
                } else {
                    format!("cannot assign to {}", what)
                };
                return Err(self.err(&msg, t.range()));
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a ast::Expr) -> R {
        use ast::Expr::*;
        self.set_loc(t.range());
        match t {
            Name(n) => self.delete_name(n.id.as_str()),
            Attribute(a) => {
                self.expr(&a.value)?;
                let idx = self.attr_idx(a.attr.as_str());
                self.set_loc(a.range);
                self.emit(Instr::DeleteAttr { idx });
            }
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Instr::DeleteSubscr);
            }
            Tuple(ast::ExprTuple { elts, .. }) | List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.err(&format!("cannot delete {}", expr_kind(t)), t.range())),
        }
        Ok(())
    }

    // ---- expressions

    /// Jump to `target` if the truth of `e` equals `when`.
    fn cond_jump(&mut self, e: &'a ast::Expr, when: bool, target: u32) -> R {
        match e {
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => return self.cond_jump(&u.operand, !when, target),
            ast::Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let n = b.values.len();
                if is_and != when {
                    // and-when-false / or-when-true: any operand decides
                    for v in &b.values {
                        self.cond_jump(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !when, skip)?;
                        } else {
                            self.cond_jump(v, when, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        // The test's jump is at the enclosing location (the `if`/`while`
        // statement, the comprehension, the conditional expression), as in
        // CPython 3.11: a failing __bool__ points there, and the line probe
        // sees the jump on that line. After a comparison it is at the
        // comparison's, as in CPython.
        self.expr(e)?;
        let enclosing = self.u().pos;
        if matches!(e, ast::Expr::Compare(_)) {
            self.set_loc(e.range());
        }
        if when {
            self.emit(Instr::PopJumpIfTrue { target });
        } else {
            self.emit(Instr::PopJumpIfFalse { target });
        }
        self.u().pos = enclosing;
        Ok(())
    }

    fn expr(&mut self, e: &'a ast::Expr) -> R {
        // Deeply nested expressions (long operator chains) exhaust CPython's
        // compiler recursion limit; follow it rather than the native stack.
        self.depth += 1;
        // Like CPython 3.11's compiler_visit_expr, an expression's location
        // lasts only while it is compiled: what follows it (a store, a
        // MAKE_FUNCTION after its defaults) is at its statement's location.
        let pos = self.u().pos;
        let r = if self.depth > 3000 {
            Err(CompileError::new(
                "RecursionError",
                "maximum recursion depth exceeded during compilation",
                e.range().start().to_usize(),
            ))
        } else {
            self.expr_inner(e)
        };
        self.u().pos = pos;
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a ast::Expr) -> R {
        use ast::Expr::*;
        self.set_loc(e.range());
        match e {
            Constant(c) => {
                if let ast::Constant::Complex { real, imag } = c.value {
                    let f = Value::Builtin(Rc::new(crate::objects::Builtin {
                        name: "complex",
                        func: crate::builtins::complex_literal,
                        owner: "builtins",
                        is_method: false,
                        bound: None,
                        fast: None,
                    }));
                    let k = self.u().consts.len() as u32;
                    self.u().consts.push(f);
                    self.emit(Instr::LoadConst { idx: k });
                    self.load_const(Value::Float(real));
                    self.load_const(Value::Float(imag));
                    self.emit(Instr::Call { argc: 2 });
                    return Ok(());
                }
                self.load_const(constant(&c.value));
            }
            Name(n) => self.load_name(n.id.as_str()),
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_loc(b.range);
                self.emit(Instr::BinaryOp { op: binop(&b.op) });
            }
            UnaryOp(u) => match folded_number(e) {
                // A signed or inverted number literal (`-1`, `-1.5`, `~0`)
                // is one constant, as CPython's AST optimizer makes it.
                Some(v) => {
                    self.set_loc(u.range);
                    self.load_const(v);
                }
                None => {
                    self.expr(&u.operand)?;
                    self.set_loc(u.range);
                    let o = match u.op {
                        ast::UnaryOp::USub => op::NEG,
                        ast::UnaryOp::UAdd => op::POS,
                        ast::UnaryOp::Invert => op::INVERT,
                        ast::UnaryOp::Not => op::NOT,
                    };
                    self.emit(Instr::UnaryOp { op: o });
                }
            },
            BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.set_loc(b.range);
                        match b.op {
                            ast::BoolOp::And => self.emit(Instr::JumpIfFalseOrPop { target: end }),
                            ast::BoolOp::Or => self.emit(Instr::JumpIfTrueOrPop { target: end }),
                        };
                    }
                }
                self.bind(end);
            }
            Compare(c) => self.compare(c)?,
            IfExp(i) => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, else_l)?;
                self.expr(&i.body)?;
                self.emit(Instr::Jump { target: end });
                self.bind(else_l);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Call(c) => self.call(c)?,
            Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let idx = self.attr_idx(a.attr.as_str());
                self.emit(Instr::LoadAttr { idx });
            }
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Instr::BinarySubscr);
            }
            Slice(s) => {
                let mut n = 2;
                for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr(p)?,
                        None if i < 2 => self.load_const(Value::None),
                        None => continue,
                    }
                    if i == 2 {
                        n = 3;
                    }
                }
                self.emit(Instr::BuildSlice { n });
            }
            Tuple(t) => {
                if t.elts.iter().any(|e| matches!(e, Starred(_))) {
                    self.starred_list(&t.elts)?;
                    self.emit(Instr::ListToTuple);
                } else if !t.elts.is_empty() && t.elts.iter().all(|e| matches!(e, Constant(_))) {
                    let vals = t
                        .elts
                        .iter()
                        .map(|e| match e {
                            Constant(c) => constant(&c.value),
                            _ => unreachable!(),
                        })
                        .collect();
                    let k = self.u().consts.len() as u32;
                    self.u().consts.push(Value::tuple(vals));
                    self.emit(Instr::LoadConst { idx: k });
                } else {
                    for e in &t.elts {
                        self.expr(e)?;
                    }
                    self.emit(Instr::BuildTuple { n: t.elts.len() as u32 });
                }
            }
            List(l) => {
                if l.elts.iter().any(|e| matches!(e, Starred(_))) {
                    self.starred_list(&l.elts)?;
                } else {
                    for e in &l.elts {
                        self.expr(e)?;
                    }
                    self.set_loc(l.range);
                    self.emit(Instr::BuildList { n: l.elts.len() as u32 });
                }
            }
            Set(s) => {
                let all_const = s.elts.len() > 2
                    && s.elts
                        .iter()
                        .all(|e| matches!(e, Constant(c) if !matches!(c.value, ast::Constant::Complex { .. })));
                if all_const {
                    // As CPython: BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE. The
                    // constant is built, then rebuilt from its own iteration order
                    // (the compiler's constant merging), which fixes its layout.
                    let vals: Vec<Value> = s
                        .elts
                        .iter()
                        .map(|e| match e {
                            Constant(c) => constant(&c.value),
                            _ => unreachable!(),
                        })
                        .collect();
                    let once = crate::objects::set::const_frozenset(&vals);
                    let twice = crate::objects::set::const_frozenset(&once.items());
                    self.emit(Instr::BuildSet { n: 0 });
                    let k = self.u().consts.len() as u32;
                    self.u().consts.push(Value::FrozenSet(Rc::new(twice)));
                    self.emit(Instr::LoadConst { idx: k });
                    self.emit(Instr::SetUpdate { depth: 1 });
                } else if s.elts.iter().any(|e| matches!(e, Starred(_))) {
                    self.emit(Instr::BuildSet { n: 0 });
                    for e in &s.elts {
                        match e {
                            Starred(st) => {
                                self.expr(&st.value)?;
                                self.emit(Instr::SetUpdate { depth: 1 });
                            }
                            _ => {
                                self.expr(e)?;
                                self.emit(Instr::SetAdd { depth: 1 });
                            }
                        }
                    }
                } else {
                    for e in &s.elts {
                        self.expr(e)?;
                    }
                    self.set_loc(s.range);
                    self.emit(Instr::BuildSet { n: s.elts.len() as u32 });
                }
            }
            Dict(d) => {
                if d.keys.iter().all(|k| k.is_some()) {
                    for (k, v) in d.keys.iter().zip(&d.values) {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.set_loc(d.range);
                    self.emit(Instr::BuildMap { n: d.keys.len() as u32 });
                } else {
                    self.emit(Instr::BuildMap { n: 0 });
                    for (k, v) in d.keys.iter().zip(&d.values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd { depth: 1 });
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate { depth: 1 });
                            }
                        }
                    }
                }
            }
            ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators, 0)?,
            SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators, 1)?,
            DictComp(c) => self.comprehension(e, "<dictcomp>", &c.generators, 2)?,
            GeneratorExp(c) => self.comprehension(e, "<genexpr>", &c.generators, 3)?,
            Lambda(l) => {
                let line = self.lines.line_col(l.range.start().to_usize()).0;
                let body: &'a ast::Expr = &l.body;
                self.make_function("<lambda>", &l.args, line, l.range, None, |c| {
                    c.expr(body)?;
                    if c.scope().is_generator {
                        c.emit(Instr::Pop);
                        c.load_const(Value::None);
                    }
                    c.emit(Instr::ReturnValue);
                    Ok(())
                })?;
            }
            NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Dup);
                self.store_target(&n.target)?;
            }
            Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.set_loc(y.range);
                self.emit(Instr::YieldValue);
            }
            YieldFrom(y) => {
                self.expr(&y.value)?;
                self.set_loc(y.range);
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Instr::YieldFrom);
            }
            JoinedStr(j) => self.joined_str(j)?,
            FormattedValue(f) => {
                self.formatted_value(f)?;
            }
            Starred(s) => return Err(self.err("can't use starred expression here", s.range)),
            Await(a) => return Err(self.err("'await' outside function", a.range)),
        }
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> R {
        let mut n = 0;
        for v in &j.values {
            match v {
                ast::Expr::Constant(c) => self.load_const(constant(&c.value)),
                ast::Expr::FormattedValue(f) => self.formatted_value(f)?,
                other => self.expr(other)?,
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Value::str(""));
        } else if n > 1 {
            self.emit(Instr::BuildString { n });
        } else if let Some(ast::Expr::Constant(_)) = j.values.first() {
        } else {
            self.emit(Instr::BuildString { n: 1 });
        }
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> R {
        self.expr(&f.value)?;
        let mut flags = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            match &**spec {
                ast::Expr::JoinedStr(j) => self.joined_str(j)?,
                other => self.expr(other)?,
            }
            flags |= 4;
        }
        self.emit(Instr::FormatValue { flags });
        Ok(())
    }

    fn starred_list(&mut self, elts: &'a [ast::Expr]) -> R {
        self.emit(Instr::BuildList { n: 0 });
        for e in elts {
            match e {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend { depth: 1 });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend { depth: 1 });
                }
            }
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        let mut left: &ast::Expr = &c.left;
        for (o, right) in c.ops.iter().zip(&c.comparators) {
            self.check_is_literal(left, right, o, c.range);
            left = right;
        }
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_loc(c.range);
            self.cmp_op(&c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (o, v)) in c.ops.iter().zip(&c.comparators).enumerate() {
            self.expr(v)?;
            self.set_loc(c.range);
            if i + 1 < n {
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
                self.cmp_op(o);
                self.emit(Instr::JumpIfFalseOrPop { target: cleanup });
            } else {
                self.cmp_op(o);
                self.emit(Instr::Jump { target: end });
            }
        }
        self.bind(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    fn warn(&self, msg: &str, r: ast::text_size::TextRange) {
        let (line, _) = self.lines.line_col(r.start().to_usize());
        let mut text = format!("{}:{}: SyntaxWarning: {}\n", self.filename, line, msg);
        if let Some(src) = &self.source {
            if let Some(l) = src.split('\n').nth(line as usize - 1) {
                text.push_str(&format!("  {}\n", l.trim()));
            }
        }
        WARNINGS.with(|w| w.borrow_mut().push(text));
    }

    /// `x is 1`: CPython warns that identity with a literal is unreliable.
    fn check_is_literal(&self, a: &ast::Expr, b: &ast::Expr, o: &ast::CmpOp, r: ast::text_size::TextRange) {
        let lit = |e: &ast::Expr| match e {
            ast::Expr::Constant(c) => !matches!(c.value, ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis),
            ast::Expr::Tuple(t) => !t.elts.is_empty() && t.elts.iter().all(|x| matches!(x, ast::Expr::Constant(_))),
            _ => false,
        };
        if matches!(o, ast::CmpOp::Is | ast::CmpOp::IsNot) && (lit(a) || lit(b)) {
            let m = if matches!(o, ast::CmpOp::Is) {
                "\"is\" with a literal. Did you mean \"==\"?"
            } else {
                "\"is not\" with a literal. Did you mean \"!=\"?"
            };
            self.warn(m, r);
        }
    }

    fn cmp_op(&mut self, o: &ast::CmpOp) {
        use ast::CmpOp::*;
        let i = match o {
            Eq => Instr::CompareOp { op: op::EQ },
            NotEq => Instr::CompareOp { op: op::NE },
            Lt => Instr::CompareOp { op: op::LT },
            LtE => Instr::CompareOp { op: op::LE },
            Gt => Instr::CompareOp { op: op::GT },
            GtE => Instr::CompareOp { op: op::GE },
            Is => Instr::IsOp { invert: 0 },
            IsNot => Instr::IsOp { invert: 1 },
            In => Instr::ContainsOp { invert: 0 },
            NotIn => Instr::ContainsOp { invert: 1 },
        };
        self.emit(i);
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        if let ast::Expr::Constant(k) = &*c.func {
            let what = match &k.value {
                ast::Constant::Int(_) => Some("int"),
                ast::Constant::Float(_) => Some("float"),
                ast::Constant::Str(_) => Some("str"),
                ast::Constant::Bytes(_) => Some("bytes"),
                ast::Constant::None => Some("NoneType"),
                ast::Constant::Bool(_) => Some("bool"),
                ast::Constant::Tuple(_) => Some("tuple"),
                _ => None,
            };
            if let Some(t) = what {
                self.warn(&format!("'{}' object is not callable; perhaps you missed a comma?", t), c.range);
            }
        }
        let simple = !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) && c.keywords.iter().all(|k| k.arg.is_some());
        // super() without arguments: super(__class__, <first argument>)
        if let ast::Expr::Name(n) = &*c.func {
            if n.id.as_str() == "super" && c.args.is_empty() && c.keywords.is_empty() && self.scope().is_function_like() {
                let scope = self.scope();
                if let (Some(first), true) = (scope.params.first().cloned(), scope.freevars.iter().any(|f| f == "__class__")) {
                    self.load_name("super");
                    let idx = self.cell_idx("__class__");
                    self.emit(Instr::LoadDeref { idx });
                    self.load_name(&first);
                    self.set_loc(c.range);
                    self.emit(Instr::Call { argc: 2 });
                    return Ok(());
                }
            }
        }
        // locals()/globals()/vars() read the frame; eval/exec default to the caller's namespaces.
        if let ast::Expr::Name(n) = &*c.func {
            let name = n.id.as_str();
            let builtin = matches!(self.scope().scope_of(name), SymScope::GlobalImplicit);
            if builtin && c.keywords.is_empty() && c.args.is_empty() {
                match name {
                    "locals" | "vars" => {
                        self.emit(Instr::LoadLocals);
                        return Ok(());
                    }
                    "globals" => {
                        self.emit(Instr::LoadGlobals);
                        return Ok(());
                    }
                    "dir" => {
                        // dir() lists the current namespace's names.
                        let f = Value::Builtin(Rc::new(crate::objects::Builtin {
                            name: "dir",
                            func: crate::builtins::sorted_keys,
                            owner: "builtins",
                            is_method: false,
                            bound: None,
                            fast: None,
                        }));
                        let k = self.u().consts.len() as u32;
                        self.u().consts.push(f);
                        self.emit(Instr::LoadConst { idx: k });
                        self.emit(Instr::LoadLocals);
                        self.set_loc(c.range);
                        self.emit(Instr::Call { argc: 1 });
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if builtin && (name == "eval" || name == "exec") && c.args.len() == 1 && c.keywords.is_empty() && simple {
                self.load_name(name);
                self.expr(&c.args[0])?;
                self.emit(Instr::LoadGlobals);
                self.emit(Instr::LoadLocals);
                self.set_loc(c.range);
                self.emit(Instr::Call { argc: 3 });
                return Ok(());
            }
        }
        if let ast::Expr::Attribute(a) = &*c.func {
            if simple && c.keywords.is_empty() {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let idx = self.attr_idx(a.attr.as_str());
                self.emit(Instr::LoadMethod { idx });
                for arg in &c.args {
                    self.expr(arg)?;
                }
                self.set_loc(c.range);
                self.emit(Instr::CallMethod { argc: c.args.len() as u32 });
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.set_loc(c.range);
        self.call_args(&c.args, &c.keywords, 0)?;
        Ok(())
    }

    /// Arguments and the call instruction; `extra` arguments are already on the stack.
    fn call_args(&mut self, args: &'a [ast::Expr], keywords: &'a [ast::Keyword], extra: u32) -> R {
        let pos = self.u().pos;
        let simple = !args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.u().pos = pos;
            let argc = extra + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call { argc });
            } else {
                let names = keywords.iter().map(|k| Value::str(k.arg.as_ref().unwrap().as_str())).collect();
                let k = self.u().consts.len() as u32;
                self.u().consts.push(Value::tuple(names));
                self.emit(Instr::CallKw { argc, names: k });
            }
            return Ok(());
        }
        // General form: build the positional tuple and keyword dict.
        self.emit(Instr::BuildList { n: extra });
        for a in args {
            match a {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.u().pos = pos;
                    self.emit(Instr::ListExtend { depth: 1 });
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend { depth: 1 });
                }
            }
        }
        self.emit(Instr::ListToTuple);
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Instr::BuildMap { n: 0 });
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Value::str(name.as_str()));
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap { n: 1 });
                        self.emit(Instr::DictMerge { depth: 1 });
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.u().pos = pos;
                        self.emit(Instr::DictMerge { depth: 1 });
                    }
                }
            }
        }
        self.u().pos = pos;
        self.emit(Instr::CallEx { has_kw: has_kw as u32 });
        Ok(())
    }

    /// kind: 0 list, 1 set, 2 dict, 3 generator.
    fn comprehension(&mut self, e: &'a ast::Expr, name: &str, gens: &'a [ast::Comprehension], kind: u32) -> R {
        let range = e.range();
        self.expr(&gens[0].iter)?;
        let qualname = self.qualname(name);
        let line = self.lines.line_col(range.start().to_usize()).0;
        let scope = self.child_scope(range)?;
        self.push_unit(scope, name, &qualname, line);
        self.set_loc(range);
        match kind {
            0 => {
                self.emit(Instr::BuildList { n: 0 });
            }
            1 => {
                self.emit(Instr::BuildSet { n: 0 });
            }
            2 => {
                self.emit(Instr::BuildMap { n: 0 });
            }
            _ => {}
        }
        let mut loops: Vec<(u32, u32)> = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            let start = self.new_label();
            let end = self.new_label();
            if i == 0 {
                self.emit(Instr::LoadFast { idx: 0 });
            } else {
                self.expr(&g.iter)?;
                self.emit(Instr::GetIter);
            }
            self.bind(start);
            self.set_loc(range);
            self.emit(Instr::ForIter { target: end });
            self.store_target(&g.target)?;
            for cond in &g.ifs {
                self.cond_jump(cond, false, start)?;
            }
            loops.push((start, end));
        }
        let depth = gens.len() as u32 + 1;
        match e {
            ast::Expr::ListComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Instr::ListAppend { depth });
            }
            ast::Expr::SetComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Instr::SetAdd { depth });
            }
            ast::Expr::DictComp(c) => {
                self.expr(&c.key)?;
                self.expr(&c.value)?;
                self.emit(Instr::MapAdd { depth });
            }
            ast::Expr::GeneratorExp(c) => {
                self.expr(&c.elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
            _ => unreachable!(),
        }
        for (start, end) in loops.into_iter().rev() {
            self.emit(Instr::Jump { target: start });
            self.bind(end);
        }
        if kind == 3 {
            self.load_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit(1, 0, 0, 0);
        self.set_loc(range);
        self.emit_closure_and_make(code, &qualname, 0, None)?;
        self.set_loc(gens[0].iter.range());
        self.emit(Instr::Rot2);
        self.emit(Instr::GetIter);
        self.set_loc(range);
        self.emit(Instr::Call { argc: 1 });
        Ok(())
    }
}

fn constant(c: &ast::Constant) -> Value {
    match c {
        ast::Constant::None => Value::None,
        ast::Constant::Bool(b) => Value::Bool(*b),
        ast::Constant::Str(s) => Value::str(s),
        ast::Constant::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
        ast::Constant::Int(i) => Value::from_bigint(i.clone()),
        ast::Constant::Float(f) => Value::Float(*f),
        ast::Constant::Tuple(t) => Value::tuple(t.iter().map(constant).collect()),
        ast::Constant::Ellipsis => Value::Ellipsis,
        ast::Constant::Complex { .. } => Value::None,
    }
}

/// The value of a number literal under unary `-`, `+` and `~` (nested
/// too), when the expression is only that: what CPython's AST optimizer
/// folds into a constant. Booleans and complex literals are left alone.
fn folded_number(e: &ast::Expr) -> Option<Value> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => Some(Value::from_bigint(i.clone())),
            ast::Constant::Float(f) => Some(Value::Float(*f)),
            _ => None,
        },
        ast::Expr::UnaryOp(u) => {
            let v = folded_number(&u.operand)?;
            match (&u.op, v) {
                (ast::UnaryOp::UAdd, v) => Some(v),
                (ast::UnaryOp::USub, Value::Float(f)) => Some(Value::Float(-f)),
                (ast::UnaryOp::USub, v) => Some(Value::from_bigint(-crate::vm::ops::to_bigint(&v)?)),
                (ast::UnaryOp::Invert, Value::Float(_)) => None,
                (ast::UnaryOp::Invert, v) => Some(Value::from_bigint(-(crate::vm::ops::to_bigint(&v)? + 1u8))),
                (ast::UnaryOp::Not, _) => None,
            }
        }
        _ => None,
    }
}

fn binop(o: &ast::Operator) -> u32 {
    use ast::Operator::*;
    match o {
        Add => op::ADD,
        Sub => op::SUB,
        Mult => op::MUL,
        MatMult => op::MATMUL,
        Div => op::TRUEDIV,
        Mod => op::MOD,
        Pow => op::POW,
        LShift => op::LSHIFT,
        RShift => op::RSHIFT,
        BitOr => op::OR,
        BitXor => op::XOR,
        BitAnd => op::AND,
        FloorDiv => op::FLOORDIV,
    }
}

/// Whether evaluating `e` could rebind a local of the scope it is in.
/// Only an assignment expression can (a call cannot, and a nested scope
/// that binds the name makes it a cell, not a fast local). Conservative:
/// every form but the usual simple ones counts as able to.
fn may_rebind(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) | ast::Expr::Name(_) => false,
        ast::Expr::Attribute(a) => may_rebind(&a.value),
        ast::Expr::BinOp(b) => may_rebind(&b.left) || may_rebind(&b.right),
        ast::Expr::UnaryOp(u) => may_rebind(&u.operand),
        ast::Expr::Subscript(s) => may_rebind(&s.value) || may_rebind(&s.slice),
        ast::Expr::Call(c) => may_rebind(&c.func) || c.args.iter().any(may_rebind) || c.keywords.iter().any(|k| may_rebind(&k.value)),
        _ => true,
    }
}

fn expr_kind(e: &ast::Expr) -> &'static str {
    use ast::Expr::*;
    match e {
        Call(_) => "function call",
        Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        BinOp(_) | UnaryOp(_) => "expression",
        BoolOp(_) => "expression",
        Compare(_) => "comparison",
        Lambda(_) => "lambda",
        IfExp(_) => "conditional expression",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        GeneratorExp(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        JoinedStr(_) | FormattedValue(_) => "f-string expression",
        NamedExpr(_) => "named expression",
        _ => "expression",
    }
}

/// The deepest value stack a code object needs, from the instructions' stack effects.
fn stack_depth(instrs: &[Instr]) -> usize {
    let n = instrs.len();
    let mut depth_at: Vec<i32> = vec![-1; n + 1];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0;
    while let Some((mut pc, mut d)) = work.pop() {
        // The evaluation loop pops unchecked, and frames are made with room
        // for `max_stack` (`eval::pop`, `Frame::new`): a compiler bug that unbalances the
        // stack effects must stop here, not corrupt memory at run time.
        assert!(d <= 1 << 16, "internal compiler error: the value stack grows without bound");
        while pc < n {
            if depth_at[pc] >= d {
                break;
            }
            depth_at[pc] = d;
            let ins = &instrs[pc];
            if let Some((t, eff)) = ins.branch() {
                work.push((t as usize, d + eff));
                max = max.max(d + eff);
            }
            d += ins.stack_effect();
            assert!(d >= 0, "internal compiler error: {ins:?} at {pc} pops an empty value stack");
            max = max.max(d);
            match ins {
                Instr::Jump { .. } | Instr::ReturnValue | Instr::Reraise | Instr::RaiseVarargs { .. } => break,
                _ => pc += 1,
            }
        }
    }
    max.max(0) as usize + 1
}
