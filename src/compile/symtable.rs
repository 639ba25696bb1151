//! Scope analysis: which names are local, global, free or cell variables in
//! each scope. Scopes are compiler scratch data and live in the compile arena.

use std::cell::Cell as StdCell;
use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use rustpython_parser::ast::{self, Ranged};

use super::CompileError;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub const ASSIGNED: u32 = 1;
pub const PARAM: u32 = 2;
pub const USED: u32 = 4;
pub const GLOBAL: u32 = 8;
pub const NONLOCAL: u32 = 16;

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: IndexMap<String, u32>,
    pub scopes: HashMap<String, SymScope>,
    pub params: Vec<String>,
    pub children: Vec<Scope>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub is_generator: bool,
    /// Class scopes whose methods use `super()` / `__class__`.
    pub needs_class_cell: bool,
    /// Where the scope's defining node (def, class, lambda, comprehension)
    /// starts in the source: how the compiler finds it among its parent's
    /// children, since it compiles some code more than once (a `finally`
    /// body on each way out of the `try`).
    pub origin: u32,
    /// The child the compiler most likely visits next.
    pub cursor: StdCell<usize>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, origin: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: IndexMap::new(),
            scopes: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            origin,
            cursor: StdCell::new(0),
        }
    }
    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Comprehension)
    }
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.scopes.get(name).copied().unwrap_or(SymScope::GlobalImplicit)
    }
    /// The child scope defined by the node starting at `origin`: usually
    /// the one after the last found, since the compiler visits code in
    /// the order the table was built.
    pub fn child(&self, origin: u32) -> Option<&Scope> {
        let i = self.cursor.get();
        let i = match self.children.get(i) {
            Some(c) if c.origin == origin => i,
            _ => self.children.iter().position(|c| c.origin == origin)?,
        };
        self.cursor.set(i + 1);
        Some(&self.children[i])
    }
}

pub struct Builder {
    stack: Vec<Scope>,
    /// The enclosing class name of each scope on the stack (for name mangling).
    private: Vec<Option<String>>,
}

/// Private name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(c) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let c = c.trim_start_matches('_');
            if !c.is_empty() {
                return format!("_{}{}", c, name);
            }
        }
    }
    name.to_string()
}

type R = Result<(), CompileError>;

pub fn build(body: &[ast::Stmt], kind: ScopeKind) -> Result<Scope, CompileError> {
    let mut b = Builder {
        stack: vec![Scope::new(kind, "top", 0)],
        private: vec![None],
    };
    for s in body {
        b.stmt(s)?;
    }
    let mut top = b.stack.pop().unwrap();
    analyze(&mut top, &HashSet::new())?;
    Ok(top)
}

pub fn build_expr(e: &ast::Expr) -> Result<Scope, CompileError> {
    let mut b = Builder {
        stack: vec![Scope::new(ScopeKind::Module, "top", 0)],
        private: vec![None],
    };
    b.expr(e)?;
    let mut top = b.stack.pop().unwrap();
    analyze(&mut top, &HashSet::new())?;
    Ok(top)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().unwrap()
    }
    fn add(&mut self, name: &str, flag: u32) {
        let name = &mangle(self.private.last().cloned().flatten().as_deref(), name);
        let cur = self.cur();
        *cur.symbols.entry(name.to_string()).or_insert(0) |= flag;
        if flag == USED && name == "super" && cur.is_function_like() {
            *cur.symbols.entry("__class__".to_string()).or_insert(0) |= USED;
        }
    }
    fn push(&mut self, kind: ScopeKind, name: &str, origin: ast::text_size::TextRange) {
        self.stack.push(Scope::new(kind, name, origin.start().to_u32()));
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.private.last().cloned().flatten()
        };
        self.private.push(private);
    }
    fn pop(&mut self) {
        self.private.pop();
        let s = self.stack.pop().unwrap();
        self.cur().children.push(s);
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn args(&mut self, args: &ast::Arguments) -> R {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) {
        let mut names: Vec<String> = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            names.push(a.def.arg.to_string());
        }
        for a in &args.kwonlyargs {
            names.push(a.def.arg.to_string());
        }
        if let Some(v) = &args.vararg {
            names.push(v.arg.to_string());
        }
        if let Some(v) = &args.kwarg {
            names.push(v.arg.to_string());
        }
        let private = self.private.last().cloned().flatten();
        let names: Vec<String> = names.iter().map(|n| mangle(private.as_deref(), n)).collect();
        for n in &names {
            self.add(n, PARAM | ASSIGNED);
        }
        self.cur().params = names;
    }

    fn stmt(&mut self, s: &ast::Stmt) -> R {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.args(&f.args)?;
                self.add(f.name.as_str(), ASSIGNED);
                self.push(ScopeKind::Function, f.name.as_str(), f.range);
                self.params(&f.args);
                self.stmts(&f.body)?;
                self.pop();
            }
            AsyncFunctionDef(f) => {
                return Err(CompileError::new(
                    "SyntaxError",
                    "async functions are not supported",
                    f.range.start().to_usize(),
                ));
            }
            ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.add(c.name.as_str(), ASSIGNED);
                self.push(ScopeKind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.pop();
            }
            Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.add(n.id.as_str(), USED | ASSIGNED);
                } else {
                    self.expr(&a.target)?;
                }
            }
            AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if !self.cur().is_function_like() {
                    self.expr(&a.annotation)?;
                    self.add("__annotations__", USED);
                }
                self.expr(&a.target)?;
            }
            For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(e) = &r.cause {
                    self.expr(e)?;
                }
            }
            Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(e) = &h.type_ {
                        self.expr(e)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n.as_str(), ASSIGNED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            TryStar(t) => {
                return Err(CompileError::new(
                    "SyntaxError",
                    "except* is not supported",
                    t.range.start().to_usize(),
                ));
            }
            Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap().to_string(),
                    };
                    self.add(&name, ASSIGNED);
                }
            }
            ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(CompileError::new(
                                "SyntaxError",
                                "import * only allowed at module level",
                                i.range.start().to_usize(),
                            ));
                        }
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    self.add(name.as_str(), ASSIGNED);
                }
            }
            Global(g) => {
                for n in &g.names {
                    let flags = self.cur().symbols.get(n.as_str()).copied().unwrap_or(0);
                    if flags & (ASSIGNED | USED) != 0 && self.cur().kind != ScopeKind::Module {
                        let what = if flags & ASSIGNED != 0 { "assigned to" } else { "used" };
                        return Err(CompileError::new(
                            "SyntaxError",
                            &format!("name '{}' is {} before global declaration", n, what),
                            g.range.start().to_usize(),
                        ));
                    }
                    self.add(n.as_str(), GLOBAL);
                }
            }
            Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(CompileError::new(
                        "SyntaxError",
                        "nonlocal declaration not allowed at module level",
                        g.range.start().to_usize(),
                    ));
                }
                for n in &g.names {
                    self.add(n.as_str(), NONLOCAL);
                }
            }
            Expr(e) => self.expr(&e.value)?,
            Pass(_) | Break(_) | Continue(_) => {}
            AsyncWith(a) => {
                return Err(CompileError::new(
                    "SyntaxError",
                    "async with is not supported",
                    a.range.start().to_usize(),
                ))
            }
            AsyncFor(a) => {
                return Err(CompileError::new(
                    "SyntaxError",
                    "async for is not supported",
                    a.range.start().to_usize(),
                ))
            }
            TypeAlias(a) => return Err(CompileError::new("SyntaxError", "invalid syntax", a.range.start().to_usize())),
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern::*;
        match p {
            MatchValue(v) => self.expr(&v.value)?,
            MatchSingleton(_) => {}
            MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add(r.as_str(), ASSIGNED);
                }
            }
            MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(p)?;
                }
            }
            MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add(n.as_str(), ASSIGNED);
                }
            }
            MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add(n.as_str(), ASSIGNED);
                }
            }
            MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &ast::Expr, name: &str, gens: &[ast::Comprehension], elts: &[&ast::Expr]) -> R {
        self.expr(&gens[0].iter)?;
        self.push(ScopeKind::Comprehension, name, e.range());
        self.add(".0", PARAM | ASSIGNED);
        self.cur().params = vec![".0".to_string()];
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                return Err(CompileError::new(
                    "SyntaxError",
                    "asynchronous comprehensions are not supported",
                    g.target.range().start().to_usize(),
                ));
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.expr(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> R {
        use ast::Expr::*;
        match e {
            BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            NamedExpr(n) => {
                self.expr(&n.value)?;
                if let Name(t) = &*n.target {
                    self.walrus_target(t.id.as_str());
                }
            }
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            UnaryOp(u) => self.expr(&u.operand)?,
            Lambda(l) => {
                self.args(&l.args)?;
                self.push(ScopeKind::Function, "<lambda>", l.range);
                self.params(&l.args);
                self.expr(&l.body)?;
                self.pop();
            }
            IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in &d.values {
                    self.expr(v)?;
                }
            }
            Set(s) => {
                for v in &s.elts {
                    self.expr(v)?;
                }
            }
            ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators, &[&c.elt])?,
            SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators, &[&c.elt])?,
            DictComp(c) => self.comprehension(e, "<dictcomp>", &c.generators, &[&c.key, &c.value])?,
            GeneratorExp(c) => self.comprehension(e, "<genexpr>", &c.generators, &[&c.elt])?,
            Await(a) => {
                return Err(CompileError::new(
                    "SyntaxError",
                    "'await' outside async function",
                    a.range.start().to_usize(),
                ))
            }
            Yield(y) => {
                self.mark_generator(e)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            YieldFrom(y) => {
                self.mark_generator(e)?;
                self.expr(&y.value)?;
            }
            Compare(c) => {
                self.expr(&c.left)?;
                for v in &c.comparators {
                    self.expr(v)?;
                }
            }
            Call(c) => {
                self.expr(&c.func)?;
                for a in &c.args {
                    self.expr(a)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            JoinedStr(j) => {
                for v in &j.values {
                    self.expr(v)?;
                }
            }
            Constant(_) => {}
            Attribute(a) => self.expr(&a.value)?,
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Starred(s) => self.expr(&s.value)?,
            Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USED,
                    _ => ASSIGNED,
                };
                self.add(n.id.as_str(), flag);
            }
            List(l) => {
                for v in &l.elts {
                    self.expr(v)?;
                }
            }
            Tuple(l) => {
                for v in &l.elts {
                    self.expr(v)?;
                }
            }
            Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, e: &ast::Expr) -> R {
        let cur = self.cur();
        match cur.kind {
            ScopeKind::Function => {
                cur.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension if cur.is_generator => Ok(()),
            ScopeKind::Comprehension => Err(CompileError::new(
                "SyntaxError",
                "'yield' inside list comprehension",
                e.range().start().to_usize(),
            )),
            _ => Err(CompileError::new(
                "SyntaxError",
                "'yield' outside function",
                e.range().start().to_usize(),
            )),
        }
    }

    /// `(x := v)` inside a comprehension binds x in the enclosing non-comprehension scope.
    fn walrus_target(&mut self, name: &str) {
        let n = self.stack.len();
        let mut i = n - 1;
        while i > 0 && self.stack[i].kind == ScopeKind::Comprehension {
            i -= 1;
        }
        if i == n - 1 {
            self.add(name, ASSIGNED);
            return;
        }
        let outer_is_module = self.stack[i].kind == ScopeKind::Module;
        *self.stack[i].symbols.entry(name.to_string()).or_insert(0) |= ASSIGNED;
        for s in &mut self.stack[i + 1..] {
            let flag = if outer_is_module { GLOBAL } else { NONLOCAL };
            *s.symbols.entry(name.to_string()).or_insert(0) |= flag;
        }
    }
}

/// Resolve every scope's names. `bound_above` holds the names bound in
/// enclosing function scopes; returns the names this scope needs from above.
fn analyze(scope: &mut Scope, bound_above: &HashSet<String>) -> Result<HashSet<String>, CompileError> {
    let mut newbound: HashSet<String> = match scope.kind {
        ScopeKind::Module => HashSet::new(),
        _ => bound_above.clone(),
    };
    if scope.is_function_like() {
        for (n, f) in &scope.symbols {
            if f & GLOBAL != 0 {
                newbound.remove(n);
            } else if f & (ASSIGNED | PARAM | NONLOCAL) != 0 {
                newbound.insert(n.clone());
            }
        }
    } else if scope.kind == ScopeKind::Class {
        for (n, f) in &scope.symbols {
            if f & GLOBAL != 0 {
                newbound.remove(n);
            }
        }
        newbound.insert("__class__".to_string());
    }
    let mut child_free: HashSet<String> = HashSet::new();
    for c in scope.children.iter_mut() {
        child_free.extend(analyze(c, &newbound)?);
    }
    let mut free: HashSet<String> = HashSet::new();
    let names: Vec<(String, u32)> = scope.symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
    for (name, f) in &names {
        let sc = if f & GLOBAL != 0 {
            SymScope::GlobalExplicit
        } else if f & NONLOCAL != 0 {
            if !bound_above.contains(name) {
                return Err(CompileError::new(
                    "SyntaxError",
                    &format!("no binding for nonlocal '{}' found", name),
                    0,
                ));
            }
            free.insert(name.clone());
            SymScope::Free
        } else if f & (ASSIGNED | PARAM) != 0 {
            if scope.kind == ScopeKind::Module {
                SymScope::GlobalImplicit
            } else if scope.is_function_like() && child_free.contains(name) {
                SymScope::Cell
            } else {
                SymScope::Local
            }
        } else if scope.kind != ScopeKind::Module && bound_above.contains(name) {
            free.insert(name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        scope.scopes.insert(name.clone(), sc);
    }
    let mut cells: Vec<String> = Vec::new();
    for (name, _) in &names {
        if scope.scopes.get(name) == Some(&SymScope::Cell) {
            cells.push(name.clone());
        }
    }
    let mut pass_through: Vec<String> = child_free.into_iter().collect();
    pass_through.sort();
    for name in pass_through {
        match scope.scopes.get(&name) {
            Some(SymScope::Cell) => {}
            Some(SymScope::GlobalExplicit) => {}
            _ if scope.kind == ScopeKind::Class && name == "__class__" => {
                scope.needs_class_cell = true;
                cells.push(name.clone());
            }
            _ if scope.kind == ScopeKind::Module => {}
            Some(SymScope::Local) if scope.kind != ScopeKind::Class => {}
            _ => {
                free.insert(name.clone());
            }
        }
    }
    scope.cellvars = cells;
    let mut fv: Vec<String> = free.iter().cloned().collect();
    fv.sort();
    scope.freevars = fv;
    Ok(free)
}
