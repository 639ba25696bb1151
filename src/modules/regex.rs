//! `_re`: a backtracking regular-expression engine with Python's `re` syntax
//! (groups, named groups, backreferences, lazy quantifiers, lookaround,
//! character classes, inline flags). The `re` module (bundled Python) builds
//! Pattern and Match objects on top of `_re.search`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::objects::{Args, Module};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const I: u32 = 2;
const M: u32 = 8;
const S: u32 = 16;
const X: u32 = 64;

#[derive(Debug, Clone)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Debug, Clone)]
enum Node {
    Char(char),
    Any,
    Class(Vec<ClassItem>, bool),
    Start,
    End,
    StrStart,
    StrEnd,
    WordB(bool),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, usize, usize, bool),
    Backref(usize),
    Look(Box<Node>, bool, bool),
    Flags(u32, Box<Node>),
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: u32,
}

type PR<T> = Result<T, String>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn alt(&mut self) -> PR<Node> {
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap() } else { Node::Alt(alts) })
    }
    fn concat(&mut self) -> PR<Node> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if self.flags & X != 0 {
                if c.is_whitespace() {
                    self.i += 1;
                    continue;
                }
                if c == '#' {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                    continue;
                }
            }
            let atom = self.atom()?;
            let atom = self.quant(atom)?;
            items.push(atom);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Node::Concat(items)
        })
    }
    fn number(&mut self) -> Option<usize> {
        let st = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.i += 1;
        }
        if st == self.i {
            None
        } else {
            self.p[st..self.i].iter().collect::<String>().parse().ok()
        }
    }
    fn quant(&mut self, atom: Node) -> PR<Node> {
        let (min, max) = match self.peek() {
            Some('*') => {
                self.i += 1;
                (0, usize::MAX)
            }
            Some('+') => {
                self.i += 1;
                (1, usize::MAX)
            }
            Some('?') => {
                self.i += 1;
                (0, 1)
            }
            Some('{') => {
                let save = self.i;
                self.i += 1;
                let lo = self.number();
                let (lo, hi) = if self.eat(',') {
                    let hi = self.number();
                    (lo.unwrap_or(0), hi.unwrap_or(usize::MAX))
                } else {
                    match lo {
                        Some(n) => (n, n),
                        None => {
                            self.i = save;
                            return Ok(atom);
                        }
                    }
                };
                if !self.eat('}') {
                    self.i = save;
                    return Ok(atom);
                }
                if hi < lo {
                    return Err("min repeat greater than max repeat".into());
                }
                (lo, hi)
            }
            _ => return Ok(atom),
        };
        if matches!(atom, Node::Start | Node::End | Node::StrStart | Node::StrEnd | Node::WordB(_)) {
            return Err("nothing to repeat".into());
        }
        let greedy = !self.eat('?');
        if matches!(self.peek(), Some('*' | '+' | '?')) && self.p.get(self.i - 1) != Some(&'?') {
            return Err("multiple repeat".into());
        }
        Ok(Node::Repeat(Box::new(atom), min, max, greedy))
    }
    fn escape_class(&mut self, c: char) -> Option<ClassItem> {
        Some(match c {
            'd' => ClassItem::Digit(true),
            'D' => ClassItem::Digit(false),
            'w' => ClassItem::Word(true),
            'W' => ClassItem::Word(false),
            's' => ClassItem::Space(true),
            'S' => ClassItem::Space(false),
            _ => return None,
        })
    }
    fn escape_char(&mut self, c: char) -> PR<char> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            '0' => '\0',
            'x' => {
                let h: String = self.p[self.i..(self.i + 2).min(self.p.len())].iter().collect();
                self.i += 2;
                char::from_u32(u32::from_str_radix(&h, 16).map_err(|_| "bad escape \\x")?).ok_or("bad escape")?
            }
            'u' => {
                let h: String = self.p[self.i..(self.i + 4).min(self.p.len())].iter().collect();
                self.i += 4;
                char::from_u32(u32::from_str_radix(&h, 16).map_err(|_| "bad escape \\u")?).ok_or("bad escape")?
            }
            c if c.is_ascii_alphanumeric() => return Err(format!("bad escape \\{}", c)),
            c => c,
        })
    }
    fn atom(&mut self) -> PR<Node> {
        let c = self.peek().ok_or("unexpected end of pattern")?;
        self.i += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '*' | '+' | '?' => return Err(format!("nothing to repeat at position {}", self.i - 1)),
            '[' => {
                let open = self.i - 1;
                self.class().map_err(|e| {
                    if e == "unterminated character set" {
                        format!("{} at position {}", e, open)
                    } else {
                        e
                    }
                })?
            }
            '(' => self.group()?,
            '\\' => {
                let e = self.peek().ok_or("bad escape (end of pattern)")?;
                self.i += 1;
                if let Some(ci) = self.escape_class(e) {
                    return Ok(Node::Class(vec![ci], false));
                }
                match e {
                    'A' => Node::StrStart,
                    'Z' => Node::StrEnd,
                    'b' => Node::WordB(true),
                    'B' => Node::WordB(false),
                    '1'..='9' => {
                        self.i -= 1;
                        let n = self.number().unwrap_or(0);
                        if n > self.groups {
                            return Err(format!("invalid group reference {}", n));
                        }
                        Node::Backref(n)
                    }
                    _ => Node::Char(self.escape_char(e)?),
                }
            }
            c => Node::Char(c),
        })
    }
    fn class(&mut self) -> PR<Node> {
        let neg = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unterminated character set")?;
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                let e = self.peek().ok_or("bad escape")?;
                self.i += 1;
                if let Some(ci) = self.escape_class(e) {
                    items.push(ci);
                    continue;
                }
                if e == 'b' {
                    '\x08'
                } else {
                    self.escape_char(e)?
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.p.get(self.i + 1).map(|c| *c != ']').unwrap_or(false) {
                self.i += 1;
                let mut hi = self.peek().ok_or("unterminated character set")?;
                self.i += 1;
                if hi == '\\' {
                    let e = self.peek().ok_or("bad escape")?;
                    self.i += 1;
                    hi = self.escape_char(e)?;
                }
                if hi < lo {
                    return Err(format!("bad character range {}-{}", lo, hi));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Node::Class(items, neg))
    }
    fn group(&mut self) -> PR<Node> {
        let open = self.i - 1;
        self.group_at(open).map_err(|e| {
            if e == "missing ), unterminated subpattern" {
                format!("{} at position {}", e, open)
            } else {
                e
            }
        })
    }
    fn group_at(&mut self, _open: usize) -> PR<Node> {
        if self.eat('?') {
            let c = self.peek().ok_or("unexpected end of pattern")?;
            self.i += 1;
            match c {
                ':' => {
                    let n = self.alt()?;
                    self.close()?;
                    return Ok(Node::Group(Box::new(n), None));
                }
                'P' => {
                    if self.eat('<') {
                        let st = self.i;
                        while self.peek().map(|c| c != '>').unwrap_or(false) {
                            self.i += 1;
                        }
                        let name: String = self.p[st..self.i].iter().collect();
                        self.i += 1;
                        self.groups += 1;
                        let idx = self.groups;
                        self.names.push((name, idx));
                        let n = self.alt()?;
                        self.close()?;
                        return Ok(Node::Group(Box::new(n), Some(idx)));
                    }
                    if self.eat('=') {
                        let st = self.i;
                        while self.peek().map(|c| c != ')').unwrap_or(false) {
                            self.i += 1;
                        }
                        let name: String = self.p[st..self.i].iter().collect();
                        self.i += 1;
                        let idx = self
                            .names
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map(|(_, i)| *i)
                            .ok_or(format!("unknown group name '{}'", name))?;
                        return Ok(Node::Backref(idx));
                    }
                    return Err("unknown extension ?P".into());
                }
                '=' | '!' => {
                    let n = self.alt()?;
                    self.close()?;
                    return Ok(Node::Look(Box::new(n), true, c == '!'));
                }
                '<' => {
                    let kind = self.peek();
                    self.i += 1;
                    let neg = match kind {
                        Some('=') => false,
                        Some('!') => true,
                        _ => return Err("unknown extension ?<".into()),
                    };
                    let n = self.alt()?;
                    self.close()?;
                    return Ok(Node::Look(Box::new(n), false, neg));
                }
                '#' => {
                    while self.peek().map(|c| c != ')').unwrap_or(false) {
                        self.i += 1;
                    }
                    self.i += 1;
                    return Ok(Node::Concat(vec![]));
                }
                c if "aiLmsux".contains(c) => {
                    let mut fl = 0;
                    let mut c = c;
                    loop {
                        fl |= match c {
                            'i' => I,
                            'm' => M,
                            's' => S,
                            'x' => X,
                            _ => 0,
                        };
                        match self.peek() {
                            Some(')') => {
                                self.i += 1;
                                self.flags |= fl;
                                return Ok(Node::Flags(fl, Box::new(Node::Concat(vec![]))));
                            }
                            Some(':') => {
                                self.i += 1;
                                let saved = self.flags;
                                self.flags |= fl;
                                let n = self.alt()?;
                                self.flags = saved;
                                self.close()?;
                                return Ok(Node::Flags(fl, Box::new(n)));
                            }
                            Some(n) if "aiLmsux".contains(n) => {
                                self.i += 1;
                                c = n;
                            }
                            _ => return Err("unknown flag".into()),
                        }
                    }
                }
                _ => return Err(format!("unknown extension ?{}", c)),
            }
        }
        self.groups += 1;
        let idx = self.groups;
        let n = self.alt()?;
        self.close()?;
        Ok(Node::Group(Box::new(n), Some(idx)))
    }
    fn close(&mut self) -> PR<()> {
        if self.eat(')') {
            Ok(())
        } else {
            Err("missing ), unterminated subpattern".into())
        }
    }
}

pub struct Regex {
    node: Node,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: u32,
}

fn compile(pattern: &str, flags: u32) -> PR<Regex> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser {
        p: &chars,
        i: 0,
        groups: 0,
        names: Vec::new(),
        flags,
    };
    let node = p.alt()?;
    if p.i < chars.len() {
        return Err(format!("unbalanced parenthesis at position {}", p.i));
    }
    Ok(Regex {
        node,
        groups: p.groups,
        names: p.names,
        flags: p.flags,
    })
}

type Caps = Vec<Option<(usize, usize)>>;

struct Matcher<'a> {
    s: &'a [char],
    steps: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl<'a> Matcher<'a> {
    fn class_has(items: &[ClassItem], c: char, icase: bool) -> bool {
        items.iter().any(|it| match it {
            ClassItem::Range(lo, hi) => {
                (*lo <= c && c <= *hi)
                    || (icase && {
                        let l = fold(c);
                        let u = c.to_uppercase().next().unwrap_or(c);
                        (*lo <= l && l <= *hi) || (*lo <= u && u <= *hi)
                    })
            }
            ClassItem::Digit(p) => c.is_numeric() == *p && (c.is_ascii_digit() || c.is_numeric() || !*p),
            ClassItem::Word(p) => is_word(c) == *p,
            ClassItem::Space(p) => crate::objects::str::is_space(c) == *p,
        })
    }

    /// Match `n` at `i`, then the continuation `k`.
    fn m(&mut self, n: &Node, i: usize, fl: u32, caps: &mut Caps, k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool) -> bool {
        self.steps += 1;
        let s = self.s;
        match n {
            Node::Char(c) => {
                if i < s.len() && (s[i] == *c || (fl & I != 0 && fold(s[i]) == fold(*c))) {
                    k(self, i + 1, caps)
                } else {
                    false
                }
            }
            Node::Any => {
                if i < s.len() && (fl & S != 0 || s[i] != '\n') {
                    k(self, i + 1, caps)
                } else {
                    false
                }
            }
            Node::Class(items, neg) => {
                if i < s.len() && Self::class_has(items, s[i], fl & I != 0) != *neg {
                    k(self, i + 1, caps)
                } else {
                    false
                }
            }
            Node::Start => {
                if i == 0 || (fl & M != 0 && s[i - 1] == '\n') {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::End => {
                if i == s.len() || (i + 1 == s.len() && s[i] == '\n') || (fl & M != 0 && s[i] == '\n') {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::StrStart => i == 0 && k(self, i, caps),
            Node::StrEnd => i == s.len() && k(self, i, caps),
            Node::WordB(want) => {
                let a = i > 0 && is_word(s[i - 1]);
                let b = i < s.len() && is_word(s[i]);
                if (a != b) == *want {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::Flags(f, inner) => self.m(inner, i, fl | f, caps, k),
            Node::Group(inner, idx) => match idx {
                None => self.m(inner, i, fl, caps, k),
                Some(g) => {
                    let g = *g;
                    let start = i;
                    self.m(inner, i, fl, caps, &mut |me: &mut Self, j, caps: &mut Caps| {
                        let old = caps[g];
                        caps[g] = Some((start, j));
                        if k(me, j, caps) {
                            return true;
                        }
                        caps[g] = old;
                        false
                    })
                }
            },
            Node::Concat(items) => self.seq(items, 0, i, fl, caps, k),
            Node::Alt(alts) => {
                for a in alts {
                    if self.m(a, i, fl, caps, k) {
                        return true;
                    }
                }
                false
            }
            Node::Repeat(inner, min, max, greedy) => self.rep(inner, *min, *max, *greedy, 0, i, usize::MAX, fl, caps, k),
            Node::Backref(g) => match caps.get(*g).copied().flatten() {
                Some((a, b)) => {
                    let len = b - a;
                    if i + len <= s.len() && (0..len).all(|d| s[a + d] == s[i + d] || (fl & I != 0 && fold(s[a + d]) == fold(s[i + d]))) {
                        k(self, i + len, caps)
                    } else {
                        false
                    }
                }
                None => false,
            },
            Node::Look(inner, ahead, neg) => {
                let mut inner_caps = caps.clone();
                let found = if *ahead {
                    self.m(inner, i, fl, &mut inner_caps, &mut |_, _, _| true)
                } else {
                    (0..=i).rev().any(|st| {
                        let mut c2 = caps.clone();
                        let ok = self.m(inner, st, fl, &mut c2, &mut |_, j, _| j == i);
                        if ok {
                            inner_caps = c2;
                        }
                        ok
                    })
                };
                if found == *neg {
                    return false;
                }
                if found {
                    let saved = std::mem::replace(caps, inner_caps);
                    if k(self, i, caps) {
                        return true;
                    }
                    *caps = saved;
                    false
                } else {
                    k(self, i, caps)
                }
            }
        }
    }

    fn seq(
        &mut self,
        items: &[Node],
        idx: usize,
        i: usize,
        fl: u32,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        if idx == items.len() {
            return k(self, i, caps);
        }
        self.m(&items[idx], i, fl, caps, &mut |me: &mut Self, j, caps: &mut Caps| {
            me.seq(items, idx + 1, j, fl, caps, k)
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        inner: &Node,
        min: usize,
        max: usize,
        greedy: bool,
        count: usize,
        i: usize,
        last: usize,
        fl: u32,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        if count >= min && !greedy && k(self, i, caps) {
            return true;
        }
        // An iteration that consumed nothing cannot make progress.
        if count < max && !(count >= min && last == i) {
            let matched = self.m(inner, i, fl, caps, &mut |me: &mut Self, j, caps: &mut Caps| {
                if j == i && count >= min {
                    return false;
                }
                me.rep(inner, min, max, greedy, count + 1, j, i, fl, caps, k)
            });
            if matched {
                return true;
            }
        }
        count >= min && greedy && k(self, i, caps)
    }
}

impl Regex {
    /// Search from `pos`; `mode` 0 search, 1 match (anchored), 2 fullmatch.
    fn exec(&self, s: &[char], pos: usize, endpos: usize, mode: u8) -> Option<Caps> {
        let s = &s[..endpos.min(s.len())];
        let mut m = Matcher { s, steps: 0 };
        let starts: Vec<usize> = if mode == 0 { (pos..=s.len()).collect() } else { vec![pos] };
        for st in starts {
            let mut caps: Caps = vec![None; self.groups + 1];
            let mut end = None;
            let ok = m.m(
                &self.node,
                st,
                self.flags,
                &mut caps,
                &mut |me: &mut Matcher, j, _caps: &mut Caps| {
                    if mode == 2 && j != me.s.len() {
                        return false;
                    }
                    end = Some(j);
                    true
                },
            );
            if ok {
                caps[0] = Some((st, end.unwrap_or(st)));
                return Some(caps);
            }
        }
        None
    }
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, u32), Rc<Regex>>> = RefCell::new(HashMap::new());
}

fn get_regex(vm: &Vm, pattern: &str, flags: u32) -> PyResult<Rc<Regex>> {
    let key = (pattern.to_string(), flags);
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    match compile(pattern, flags) {
        Ok(r) => {
            let r = Rc::new(r);
            CACHE.with(|c| c.borrow_mut().insert(key, r.clone()));
            Ok(r)
        }
        Err(msg) => Err(re_error(vm, &msg)),
    }
}

fn re_error(vm: &Vm, msg: &str) -> PyErr {
    // The Python side turns ValueError("re:...") into re.error.
    vm.value_error(format!("re:{}", msg))
}

/// _re.info(pattern, flags) -> (groups, {name: index}, flags)
fn info(vm: &Vm, args: Args) -> PyResult<Value> {
    let pat = vm.str(&args.args[0])?;
    let flags = vm.index_value(&args.args[1])? as u32;
    let r = get_regex(vm, &pat, flags)?;
    let mut d = crate::objects::Dict::new();
    for (n, i) in &r.names {
        d.set_str(n, Value::Int(*i as i64));
    }
    Ok(Value::tuple(vec![
        Value::Int(r.groups as i64),
        Value::dict(d),
        Value::Int(r.flags as i64),
    ]))
}

/// _re.exec(pattern, flags, string, pos, endpos, mode) -> None or [spans...] (char offsets).
fn exec(vm: &Vm, args: Args) -> PyResult<Value> {
    let pat = vm.str(&args.args[0])?;
    let flags = vm.index_value(&args.args[1])? as u32;
    let s: Vec<char> = vm.str(&args.args[2])?.chars().collect();
    let pos = vm.index_value(&args.args[3])?.clamp(0, s.len() as i64) as usize;
    let endpos = vm.index_value(&args.args[4])?.clamp(0, s.len() as i64) as usize;
    let mode = vm.index_value(&args.args[5])? as u8;
    let r = get_regex(vm, &pat, flags)?;
    if pos > endpos {
        return Ok(Value::None);
    }
    Ok(match r.exec(&s, pos, endpos, mode) {
        None => Value::None,
        Some(caps) => Value::list(
            caps.into_iter()
                .map(|c| match c {
                    Some((a, b)) => Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64)]),
                    None => Value::None,
                })
                .collect(),
        ),
    })
}

pub fn make(vm: &Vm) -> Rc<Module> {
    super::native_module(vm, "_re", &[("info", info), ("exec", exec)])
}
