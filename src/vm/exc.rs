//! Exceptions: creation, matching, chaining, and CPython-format tracebacks.

use std::rc::Rc;

use crate::objects::{Class, ExcData, Instance};
use crate::value::Value;
use crate::vm::eval::new_instance;
use crate::vm::{PyErr, PyResult, Vm};

pub fn new_exception(cls: &Rc<Class>, args: Vec<Value>) -> Value {
    new_instance(cls, Value::tuple(args))
}

fn data_mut<R>(inst: &Instance, f: impl FnOnce(&mut ExcData) -> R) -> R {
    let mut e = inst.exc.borrow_mut();
    let d = e.get_or_insert_with(|| {
        Box::new(ExcData {
            traceback: Vec::new(),
            cause: None,
            context: None,
            suppress_context: false,
        })
    });
    f(d)
}

pub fn set_cause(exc: &Value, cause: Value) {
    if let Value::Instance(i) = exc {
        data_mut(i, |d| {
            d.cause = if cause.is_none() { None } else { Some(cause) };
            d.suppress_context = true;
        });
    }
}

pub fn in_context_chain(start: &Value, target: &Value) -> bool {
    let mut cur = start.clone();
    for _ in 0..1000 {
        let next = match &cur {
            Value::Instance(i) => i.exc.borrow().as_ref().and_then(|d| d.context.clone()),
            _ => None,
        };
        match next {
            Some(n) => {
                if n.is(target) {
                    return true;
                }
                cur = n;
            }
            None => return false,
        }
    }
    false
}

pub fn args_of(e: &Value) -> Vec<Value> {
    match e {
        Value::Instance(i) => match &*i.base.borrow() {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![],
        },
        _ => vec![],
    }
}

pub fn stop_iteration_value(e: &Value) -> Value {
    args_of(e).into_iter().next().unwrap_or(Value::None)
}

/// `raise X`: X may be an exception class (instantiated with no arguments) or instance.
pub fn make_raisable(vm: &Vm, v: Value) -> PyResult<Value> {
    match &v {
        Value::Class(c) if c.is_subclass(&vm.types.exc.base_exception) => {
            let inst = vm.call(&v, vec![])?;
            if !vm.isinstance(&inst, &vm.types.exc.base_exception) {
                return Err(vm.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr(&v)?,
                    vm.type_name(&inst)
                )));
            }
            Ok(inst)
        }
        Value::Instance(i) if i.class().is_subclass(&vm.types.exc.base_exception) => Ok(v),
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

/// `except T:` matching, T a class or a tuple of classes.
pub fn exception_matches(vm: &Vm, e: &Value, t: &Value) -> PyResult<bool> {
    match t {
        Value::Class(c) => {
            if !c.is_subclass(&vm.types.exc.base_exception) {
                return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            Ok(vm.isinstance(e, c))
        }
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if exception_matches(vm, e, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

pub fn exception_attr(vm: &Vm, obj: &Value, inst: &Instance, name: &str) -> Option<Value> {
    let data = |f: &dyn Fn(&ExcData) -> Option<Value>| inst.exc.borrow().as_ref().and_then(|d| f(d));
    Some(match name {
        "args" => inst.base.borrow().clone(),
        "__cause__" => data(&|d| d.cause.clone()).unwrap_or(Value::None),
        "__context__" => data(&|d| d.context.clone()).unwrap_or(Value::None),
        "__suppress_context__" => Value::Bool(inst.exc.borrow().as_ref().map(|d| d.suppress_context).unwrap_or(false)),
        "__traceback__" => {
            if inst.exc.borrow().as_ref().map(|d| !d.traceback.is_empty()).unwrap_or(false) {
                Value::str("<traceback>")
            } else {
                Value::None
            }
        }
        "value" if vm.isinstance(obj, &vm.types.exc.stop_iteration) => stop_iteration_value(obj),
        "code" if vm.isinstance(obj, &vm.types.exc.system_exit) => {
            let a = args_of(obj);
            match a.len() {
                0 => Value::None,
                1 => a[0].clone(),
                _ => Value::tuple(a),
            }
        }
        "msg" if vm.isinstance(obj, &vm.types.exc.syntax_error) => args_of(obj).into_iter().next().unwrap_or(Value::None),
        "errno" | "strerror" | "filename" if vm.isinstance(obj, &vm.types.exc.os_error) => {
            let a = args_of(obj);
            match name {
                "errno" if a.len() >= 2 => a[0].clone(),
                "strerror" if a.len() >= 2 => a[1].clone(),
                "filename" if a.len() >= 3 => a[2].clone(),
                _ => Value::None,
            }
        }
        "name" | "path" if vm.isinstance(obj, &vm.types.exc.import_error) => Value::None,
        "add_note" | "with_traceback" => return None,
        _ => return None,
    })
}

pub fn set_exception_attr(_vm: &Vm, inst: &Instance, name: &str, v: &Value) -> bool {
    match name {
        "args" => {
            *inst.base.borrow_mut() = match v {
                Value::Tuple(_) => v.clone(),
                other => Value::tuple(vec![other.clone()]),
            };
            true
        }
        "__cause__" => {
            data_mut(inst, |d| {
                d.cause = if v.is_none() { None } else { Some(v.clone()) };
                d.suppress_context = true;
            });
            true
        }
        "__context__" => {
            data_mut(inst, |d| d.context = if v.is_none() { None } else { Some(v.clone()) });
            true
        }
        "__suppress_context__" => {
            let b = matches!(v, Value::Bool(true));
            data_mut(inst, |d| d.suppress_context = b);
            true
        }
        "__traceback__" => {
            if v.is_none() {
                data_mut(inst, |d| d.traceback.clear());
            }
            true
        }
        _ => false,
    }
}

/// str(exc)
pub fn exception_str(vm: &Vm, e: &Value) -> PyResult<String> {
    let args = args_of(e);
    if vm.isinstance(e, &vm.types.exc.key_error) && args.len() == 1 {
        return vm.repr(&args[0]);
    }
    if vm.isinstance(e, &vm.types.exc.os_error) && (2..=3).contains(&args.len()) {
        if let Value::Int(n) = &args[0] {
            let mut s = format!("[Errno {}] {}", n, vm.str(&args[1])?);
            if let Some(f) = args.get(2) {
                s.push_str(&format!(": {}", vm.repr(f)?));
            }
            return Ok(s);
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

pub fn exception_repr(vm: &Vm, e: &Value) -> PyResult<String> {
    let args = args_of(e);
    let name = vm.type_name(e);
    match args.len() {
        1 => Ok(format!("{}({})", name, vm.repr(&args[0])?)),
        _ => {
            let r = vm.repr(&Value::tuple(args))?;
            if r == "()" {
                Ok(format!("{}()", name))
            } else {
                Ok(format!("{}{}", name, r))
            }
        }
    }
}

/// The last line of a traceback: `Type: message`.
pub fn exception_line(vm: &Vm, e: &Value) -> String {
    let cls = vm.type_of(e);
    let module = cls.module.borrow().clone();
    let qual = cls.qualname.borrow().clone();
    let name = if module == "builtins" || module == "__main__" {
        qual
    } else {
        format!("{}.{}", module, qual)
    };
    let msg = match vm.call_str_method(e) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

impl Vm {
    fn call_str_method(&self, e: &Value) -> PyResult<String> {
        self.str(e)
    }
}

/// The full traceback text of an exception, chained causes and contexts first.
pub fn format_exception(vm: &Vm, e: &Value) -> String {
    let mut out = String::new();
    let mut seen: Vec<Value> = Vec::new();
    format_chain(vm, e, &mut out, &mut seen);
    out
}

fn format_chain(vm: &Vm, e: &Value, out: &mut String, seen: &mut Vec<Value>) {
    seen.push(e.clone());
    let (cause, context, suppress) = match e {
        Value::Instance(i) => match &*i.exc.borrow() {
            Some(d) => (d.cause.clone(), d.context.clone(), d.suppress_context),
            None => (None, None, false),
        },
        _ => (None, None, false),
    };
    if let Some(c) = cause {
        if !seen.iter().any(|s| s.is(&c)) {
            format_chain(vm, &c, out, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if let (Some(c), false) = (context, suppress) {
        if !seen.iter().any(|s| s.is(&c)) {
            format_chain(vm, &c, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(vm, e, out);
}

fn format_one(vm: &Vm, e: &Value, out: &mut String) {
    let tb = match e {
        Value::Instance(i) => i.exc.borrow().as_ref().map(|d| d.traceback.clone()).unwrap_or_default(),
        _ => vec![],
    };
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        for entry in tb.iter().rev() {
            let code = &entry.code;
            let pos = code.positions.get(entry.instr).copied().unwrap_or_default();
            let key = (code.filename.to_string(), pos.line, code.name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    flush_repeat(out, repeat - 2);
                }
                repeat = 0;
                last = Some(key);
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.filename, pos.line, code.name));
            if let Some(line) = code.source_line(pos.line) {
                let stripped = line.trim_start();
                let indent = line.len() - stripped.len();
                let stripped = stripped.trim_end();
                if stripped.is_empty() {
                    continue;
                }
                out.push_str("    ");
                out.push_str(stripped);
                out.push('\n');
                if let Some(carets) = caret_line(line, indent, stripped, &pos) {
                    out.push_str(&carets);
                }
            }
        }
        if repeat >= 3 {
            flush_repeat(out, repeat - 2);
        }
    }
    if vm.isinstance(e, &vm.types.exc.syntax_error) {
        if let Some(s) = syntax_error_detail(vm, e) {
            out.push_str(&s);
        }
    }
    out.push_str(&exception_line(vm, e));
    out.push('\n');
}

fn flush_repeat(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n == 1 { "" } else { "s" }
    ));
}

fn syntax_error_detail(vm: &Vm, e: &Value) -> Option<String> {
    let Value::Instance(i) = e else { return None };
    let d = i.dict.borrow();
    let filename = d.get_str("filename")?;
    let lineno = d.get_str("lineno")?;
    let text = d.get_str("text").unwrap_or(Value::None);
    let offset = d.get_str("offset").unwrap_or(Value::None);
    let mut s = format!("  File \"{}\", line {}\n", vm.str(&filename).ok()?, vm.str(&lineno).ok()?);
    if let Value::Str(t) = &text {
        // CPython's print_error_text: strip leading blanks, shift the caret with them.
        let off = match offset {
            Value::Int(o) => o,
            _ => i64::MIN / 2,
        };
        let end_off = match d.get_str("end_offset") {
            Some(Value::Int(e)) => e,
            _ => -1,
        };
        let reps = if end_off > 0 && end_off > off {
            (end_off - off) as usize
        } else {
            1
        };
        let chars: Vec<char> = t.as_str().chars().collect();
        let mut start = 0;
        let mut col = off - 1;
        while start < chars.len() && matches!(chars[start], ' ' | '\t' | '\x0c') {
            start += 1;
            col -= 1;
        }
        let rest: String = chars[start..].iter().collect();
        let rest = rest.trim_end_matches('\n');
        let len = rest.chars().count() as i64;
        if col > len {
            col = len;
        }
        s.push_str(&format!("    {}\n", rest));
        if col >= 0 {
            s.push_str(&format!("    {}{}\n", " ".repeat(col as usize), "^".repeat(reps)));
        }
    }
    Some(s)
}

/// CPython 3.11's position carets: shown when the failing expression does not
/// cover the whole line; `~` and `^` split binary operations and subscripts.
fn caret_line(line: &str, indent: usize, stripped: &str, pos: &crate::vm::code::Position) -> Option<String> {
    let start = pos.col as usize;
    let end = if pos.end_line == pos.line {
        pos.end_col as usize
    } else {
        indent + stripped.len()
    };
    if end <= start || end > line.len() || start < indent {
        return None;
    }
    let to_chars = |b: usize| line[..b.min(line.len())].chars().count();
    let (cs, ce) = (to_chars(start), to_chars(end));
    let ci = to_chars(indent);
    let stripped_chars = stripped.chars().count();
    let segment = &line[start..end];
    let anchors = if pos.end_line == pos.line { binop_anchors(segment) } else { None };
    if ce - cs >= stripped_chars && anchors.is_none() {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(cs - ci));
    match anchors {
        Some((l, r)) => {
            let seg_chars = segment.chars().count();
            let l = segment[..l].chars().count();
            let r = segment[..r].chars().count();
            if ce - cs >= stripped_chars && r == l {
                return None;
            }
            s.push_str(&"~".repeat(l));
            s.push_str(&"^".repeat(r - l));
            s.push_str(&"~".repeat(seg_chars - r));
        }
        None => s.push_str(&"^".repeat(ce - cs)),
    }
    s.push('\n');
    Some(s)
}

/// For `a + b` or `a[b]`: byte offsets (in the segment) of the operator's span.
fn binop_anchors(seg: &str) -> Option<(usize, usize)> {
    let expr = rustpython_parser::parse(seg, rustpython_parser::Mode::Expression, "<caret>").ok()?;
    let rustpython_parser::ast::Mod::Expression(e) = expr else {
        return None;
    };
    use rustpython_parser::ast::{Expr, Ranged};
    match &*e.body {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            // The operator is the first non-space, non-paren text after the left operand.
            let between = &seg[left_end..right_start];
            let mut off = left_end;
            let mut found = None;
            for (i, ch) in between.char_indices() {
                if ch.is_whitespace() || ch == ')' {
                    continue;
                }
                found = Some(left_end + i);
                break;
            }
            let st = found.unwrap_or(off);
            off = st;
            let op_len = seg[off..right_start].trim_end().trim_end_matches('(').trim_end().len();
            Some((st, st + op_len.max(1)))
        }
        Expr::Subscript(s) => {
            let vend = s.value.range().end().to_usize();
            let rest = &seg[vend..];
            let open = rest.find('[')? + vend;
            Some((open, seg.len()))
        }
        _ => None,
    }
}

/// Build the SyntaxError for a compile error.
pub fn syntax_error(vm: &Vm, e: &crate::compile::CompileError, filename: &str, _source: &str) -> PyErr {
    let cls = match e.kind {
        "IndentationError" => vm.types.exc.indentation_error.clone(),
        "TabError" => vm.types.exc.tab_error.clone(),
        "RecursionError" => return vm.err(&vm.types.exc.recursion_error, e.msg.clone()),
        "MemoryError" => return PyErr(vm.new_exc(&vm.types.exc.memory_error, vec![])),
        _ => vm.types.exc.syntax_error.clone(),
    };
    let exc = vm.new_exc(&cls, vec![Value::str(&e.msg)]);
    if let (Value::Instance(i), Some(l)) = (&exc, &e.located) {
        let mut d = i.dict.borrow_mut();
        d.set_str("filename", Value::str(filename));
        d.set_str("lineno", Value::Int(l.lineno as i64));
        d.set_str(
            "offset",
            if l.offset == 0 && l.end_offset == 0 {
                Value::None
            } else {
                Value::Int(l.offset)
            },
        );
        d.set_str("end_lineno", Value::Int(l.lineno as i64));
        d.set_str("end_offset", Value::Int(l.end_offset));
        d.set_str("text", l.text.as_ref().map(|t| Value::str(t)).unwrap_or(Value::None));
    }
    PyErr(exc)
}
