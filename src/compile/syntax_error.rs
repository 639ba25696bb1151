//! Turning parser failures into CPython 3.11's SyntaxError messages and
//! positions. CPython first reports a generic "invalid syntax" at the failing
//! token, then lets tokenizer-level problems found in the whole source
//! (unclosed brackets, unterminated strings, bad indentation) override it;
//! this module follows the same order.

use rustpython_parser::lexer::LexicalErrorType as L;
use rustpython_parser::{ParseErrorType as P, Tok};

use super::CompileError;

/// A SyntaxError's fields as CPython sets them (1-based offsets, -1/0 as CPython).
pub struct Located {
    pub kind: &'static str,
    pub msg: String,
    pub lineno: usize,
    pub offset: i64,
    pub end_offset: i64,
    pub text: Option<String>,
}

/// The nearest char boundary at or before `b` (offsets from the parser or
/// `+ 1` arithmetic may land inside a multi-byte character).
fn floor(source: &str, b: usize) -> usize {
    let mut b = b.min(source.len());
    while b > 0 && !source.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn line_of(source: &str, byte: usize) -> (usize, usize) {
    let byte = floor(source, byte);
    let line = source[..byte].matches('\n').count() + 1;
    let start = source[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, start)
}

fn line_text(source: &str, line: usize) -> String {
    source.split('\n').nth(line - 1).unwrap_or("").to_string()
}

/// 1-based column in characters of byte offset `byte` on its line.
fn col1(source: &str, byte: usize) -> i64 {
    let byte = floor(source, byte);
    let (_, start) = line_of(source, byte);
    source[start..byte].chars().count() as i64 + 1
}

fn at(kind: &'static str, msg: &str, source: &str, start: usize, end: usize, newline: bool) -> Located {
    let (line, _) = line_of(source, start);
    let text = line_text(source, line);
    let (eline, _) = line_of(source, end);
    let end_offset = if eline == line {
        col1(source, end)
    } else {
        text.chars().count() as i64 + 1
    };
    Located {
        kind,
        msg: msg.to_string(),
        lineno: line,
        offset: col1(source, start),
        end_offset,
        text: Some(if newline { format!("{}\n", text) } else { text }),
    }
}

/// Tokenizer-level errors in the whole source, which take precedence.
fn scan_tokens(source: &str) -> Option<Located> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for tok in rustpython_parser::lexer::lex(source, rustpython_parser::Mode::Module) {
        let (tok, range) = match tok {
            Ok(t) => t,
            Err(e) => {
                let off = e.location.to_usize();
                return match e.error {
                    L::Eof | L::OtherError(_) | L::StringError | L::UnicodeError => {
                        if let Some((c, pos)) = stack.last() {
                            return Some(unclosed(source, *c, *pos));
                        }
                        string_error(source, off)
                    }
                    L::NestingError => {
                        let c = source[floor(source, off)..].chars().next().unwrap_or(')');
                        Some(at("SyntaxError", &format!("unmatched '{}'", c), source, off, off, false))
                    }
                    _ => None,
                };
            }
        };
        let start = range.start().to_usize();
        let open = match tok {
            Tok::Lpar => Some('('),
            Tok::Lsqb => Some('['),
            Tok::Lbrace => Some('{'),
            _ => None,
        };
        if let Some(c) = open {
            stack.push((c, start));
            continue;
        }
        let close = match tok {
            Tok::Rpar => Some((')', '(')),
            Tok::Rsqb => Some((']', '[')),
            Tok::Rbrace => Some(('}', '{')),
            _ => None,
        };
        if let Some((c, want)) = close {
            match stack.pop() {
                Some((o, _)) if o == want => {}
                Some((o, opos)) => {
                    let (oline, _) = line_of(source, opos);
                    let (cline, _) = line_of(source, start);
                    let msg = if oline == cline {
                        format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c, o)
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c, o, oline
                        )
                    };
                    return Some(at("SyntaxError", &msg, source, start, start, false));
                }
                None => return Some(at("SyntaxError", &format!("unmatched '{}'", c), source, start, start, false)),
            }
        }
    }
    stack.last().map(|(c, pos)| unclosed(source, *c, *pos))
}

fn unclosed(source: &str, c: char, pos: usize) -> Located {
    let mut l = at("SyntaxError", &format!("'{}' was never closed", c), source, pos, pos, false);
    l.end_offset = 0;
    l
}

fn string_error(source: &str, off: usize) -> Option<Located> {
    // Find the opening quote of the unterminated string on or before `off`.
    let (line, start) = line_of(source, off.saturating_sub(1));
    let text = line_text(source, line);
    let total_lines = source.trim_end_matches('\n').matches('\n').count() + 1;
    // A triple-quoted string runs to the end of the file.
    let mut in_str: Option<(usize, &str)> = None;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < source.len() {
        match in_str {
            None => {
                if bytes[i] == b'#' {
                    while i < source.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                for q in ["'''", "\"\"\"", "'", "\""] {
                    if bytes[i..].starts_with(q.as_bytes()) {
                        in_str = Some((i, q));
                        i += q.len() - 1;
                        break;
                    }
                }
            }
            Some((s, q)) => {
                if bytes[i] == b'\\' {
                    i += 1;
                } else if bytes[i..].starts_with(q.as_bytes()) {
                    in_str = None;
                    i += q.len() - 1;
                } else if bytes[i] == b'\n' && q.len() == 1 {
                    let (qline, _) = line_of(source, s);
                    let mut l = at(
                        "SyntaxError",
                        &format!("unterminated string literal (detected at line {})", qline),
                        source,
                        s,
                        s,
                        false,
                    );
                    l.text = Some(line_text(source, qline));
                    return Some(l);
                }
            }
        }
        i += 1;
    }
    if let Some((s, q)) = in_str {
        let (qline, _) = line_of(source, s);
        if q.len() == 3 {
            let mut l = at(
                "SyntaxError",
                &format!("unterminated triple-quoted string literal (detected at line {})", total_lines),
                source,
                s,
                s,
                false,
            );
            l.text = Some(line_text(source, qline));
            return Some(l);
        }
        let mut l = at(
            "SyntaxError",
            &format!("unterminated string literal (detected at line {})", qline),
            source,
            s,
            s,
            false,
        );
        l.text = Some(line_text(source, qline));
        return Some(l);
    }
    let _ = (start, text);
    None
}

const COMPOUND: [(&str, &str); 13] = [
    ("def", "function definition"),
    ("async", "function definition"),
    ("class", "class definition"),
    ("if", "'if' statement"),
    ("elif", "'elif' statement"),
    ("else", "'else' statement"),
    ("for", "'for' statement"),
    ("while", "'while' statement"),
    ("try", "'try' statement"),
    ("except", "'except' statement"),
    ("finally", "'finally' statement"),
    ("with", "'with' statement"),
    ("match", "'match' statement"),
];

fn first_word(line: &str) -> &str {
    let t = line.trim_start();
    let end = t.find(|c: char| !c.is_alphanumeric() && c != '_').unwrap_or(t.len());
    &t[..end]
}

/// Limits CPython's tokenizer enforces even on otherwise valid code.
pub fn pre_check(source: &str) -> Option<Located> {
    if let Some(pos) = source.find('\0') {
        let (line, start) = line_of(source, pos);
        return Some(Located {
            kind: "SyntaxError",
            msg: "source code cannot contain null bytes".into(),
            lineno: line,
            offset: 0,
            end_offset: 0,
            text: Some(source[start..pos].to_string()),
        });
    }
    // Runs of prefix operators nest the parser as deeply as brackets do; CPython
    // gives up with RecursionError (compiler) or MemoryError (parser stack).
    let mut run = 0usize;
    let mut longest = 0usize;
    for b in source.bytes() {
        match b {
            b'-' | b'+' | b'~' => {
                run += 1;
                longest = longest.max(run);
            }
            b' ' | b'\t' => {}
            _ => run = 0,
        }
    }
    if longest >= 6000 {
        return Some(Located {
            kind: "MemoryError",
            msg: String::new(),
            lineno: 0,
            offset: 0,
            end_offset: 0,
            text: None,
        });
    }
    if longest >= 3000 {
        return Some(Located {
            kind: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
            lineno: 0,
            offset: 0,
            end_offset: 0,
            text: None,
        });
    }
    let brackets = source.bytes().filter(|b| matches!(b, b'(' | b'[' | b'{')).count();
    let deep_indent = source.lines().any(|l| l.len() - l.trim_start().len() >= 100);
    if brackets <= 200 && !deep_indent {
        return None;
    }
    let mut depth = 0;
    let mut indent = 0;
    for tok in rustpython_parser::lexer::lex(source, rustpython_parser::Mode::Module) {
        let Ok((tok, range)) = tok else { return None };
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                depth += 1;
                if depth > 200 {
                    let s = range.start().to_usize();
                    return Some(at("SyntaxError", "too many nested parentheses", source, s, s, true));
                }
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
            Tok::Indent => {
                indent += 1;
                if indent >= 100 {
                    let (line, _) = line_of(source, range.end().to_usize());
                    return Some(Located {
                        kind: "IndentationError",
                        msg: "too many levels of indentation".into(),
                        lineno: line,
                        offset: 1,
                        end_offset: 0,
                        text: Some(format!("{}\n", line_text(source, line))),
                    });
                }
            }
            Tok::Dedent => indent -= 1,
            _ => {}
        }
    }
    None
}

/// CPython's SyntaxError for a parser failure.
pub fn refine(source: &str, err: &rustpython_parser::ParseError) -> Located {
    let off = err.offset.to_usize().min(source.len());
    match &err.error {
        P::Lexical(L::IndentationError) => {
            let (line, _) = line_of(source, off);
            // A block header with nothing after it at all.
            let rest_blank = source[floor(source, off)..].trim().is_empty();
            let mut hdr = line;
            while hdr > 1 && line_text(source, hdr).trim().is_empty() {
                hdr -= 1;
            }
            let htext = line_text(source, hdr);
            let _ = &htext;
            if rest_blank && htext.trim_end().ends_with(':') {
                let word = first_word(&htext).to_string();
                let what = COMPOUND
                    .iter()
                    .find(|(k, _)| *k == word)
                    .map(|(_, w)| *w)
                    .unwrap_or("'if' statement");
                // CPython points at the line after the header when the file has one.
                let nlines = source.matches('\n').count() + usize::from(!source.ends_with('\n'));
                let at_line = (hdr + 1).min(nlines.max(hdr));
                return Located {
                    kind: "IndentationError",
                    msg: format!("expected an indented block after {} on line {}", what, hdr),
                    lineno: at_line,
                    offset: -1,
                    end_offset: -1,
                    text: Some(format!("{}\n", line_text(source, at_line))),
                };
            }
            let text = line_text(source, line);
            // The lexer reports a bad dedent; an "expected indented block" shows up as Eof here.
            return Located {
                kind: "IndentationError",
                msg: "unindent does not match any outer indentation level".into(),
                lineno: line,
                offset: text.chars().count() as i64 + 1,
                end_offset: -1,
                text: Some(format!("{}\n", text)),
            };
        }
        P::Lexical(L::TabError) | P::Lexical(L::TabsAfterSpaces) => {
            let (line, _) = line_of(source, off);
            let text = line_text(source, line);
            return Located {
                kind: "TabError",
                msg: "inconsistent use of tabs and spaces in indentation".into(),
                lineno: line,
                offset: text.chars().count() as i64 + 1,
                end_offset: -1,
                text: Some(format!("{}\n", text)),
            };
        }
        _ => {}
    }
    if let Some(l) = scan_tokens(source) {
        return l;
    }
    match &err.error {
        P::UnrecognizedToken(Tok::Indent, _) => {
            let (line, _) = line_of(source, off);
            let text = line_text(source, line.max(1));
            let (line, text) = if text.trim().is_empty() {
                (line + 1, line_text(source, line + 1))
            } else {
                (line, text)
            };
            let indent = text.len() - text.trim_start().len();
            Located {
                kind: "IndentationError",
                msg: "unexpected indent".into(),
                lineno: line,
                offset: indent as i64,
                end_offset: -1,
                text: Some(format!("{}\n", text)),
            }
        }
        P::UnrecognizedToken(tok, Some(exp)) if exp == "Indent" => {
            // A block header with no indented block after it.
            let (line, _) = line_of(source, off);
            let mut hdr = line.saturating_sub(1);
            while hdr > 1 && (line_text(source, hdr).trim().is_empty() || line_text(source, hdr).trim_start().starts_with('#')) {
                hdr -= 1;
            }
            let word = first_word(&line_text(source, hdr)).to_string();
            let what = COMPOUND
                .iter()
                .find(|(k, _)| *k == word)
                .map(|(_, w)| *w)
                .unwrap_or("'if' statement");
            let end = off + tok_len(source, off, tok);
            let mut l = at(
                "IndentationError",
                &format!("expected an indented block after {} on line {}", what, hdr),
                source,
                off,
                end,
                true,
            );
            if matches!(tok, Tok::Newline | Tok::EndOfFile) {
                l.end_offset = l.offset;
            }
            l
        }
        P::UnrecognizedToken(Tok::Newline, _) => {
            let (line, _) = line_of(source, off);
            let text = line_text(source, line);
            let word = first_word(&text);
            if COMPOUND.iter().any(|(k, _)| *k == word) || word == "case" || word == "lambda" {
                let mut l = at("SyntaxError", "expected ':'", source, off, off, true);
                l.end_offset = l.offset;
                return l;
            }
            at("SyntaxError", "invalid syntax", source, off, off + 1, true)
        }
        P::UnrecognizedToken(tok, _) | P::ExtraToken(tok) => {
            let end = off + tok_len(source, off, tok);
            let (line, _) = line_of(source, off);
            let text = line_text(source, line);
            if first_word(&text) == "print"
                && text.trim_start()[5..]
                    .trim_start()
                    .chars()
                    .next()
                    .map(|c| c != '(' && c != '=' && c != '.')
                    .unwrap_or(false)
            {
                let (_, lstart) = line_of(source, off);
                let indent = text.len() - text.trim_start().len();
                let s = lstart + indent;
                let e = lstart + text.trim_end().len();
                return at(
                    "SyntaxError",
                    "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    source,
                    s,
                    e,
                    true,
                );
            }
            at("SyntaxError", "invalid syntax", source, off, end, true)
        }
        P::Eof | P::Lexical(L::Eof) => {
            let mut l = at("SyntaxError", "unexpected EOF while parsing", source, off, off, true);
            l.end_offset = l.offset;
            l
        }
        P::InvalidToken => at("SyntaxError", "invalid syntax", source, off, off + 1, true),
        P::Lexical(L::DuplicateKeywordArgumentError(n)) => {
            // CPython underlines the whole repeated `name=value`.
            let bytes = source.as_bytes();
            let mut end = off;
            let mut depth = 0i32;
            while end < bytes.len() {
                match bytes[end] {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' if depth == 0 => break,
                    b')' | b']' | b'}' => depth -= 1,
                    b',' | b'\n' if depth == 0 => break,
                    _ => {}
                }
                end += 1;
            }
            let end = off + source[off..floor(source, end)].trim_end().len();
            at("SyntaxError", &format!("keyword argument repeated: {}", n), source, off, end, true)
        }
        P::Lexical(e) => {
            let msg = match e {
                L::UnrecognizedToken { tok } => format!("invalid character '{}' (U+{:04X})", tok, *tok as u32),
                L::DuplicateArgumentError(n) => format!("duplicate argument '{}' in function definition", n),
                L::DuplicateKeywordArgumentError(n) => format!("keyword argument repeated: {}", n),
                L::DefaultArgumentError => "non-default argument follows default argument".into(),
                L::PositionalArgumentError => "positional argument follows keyword argument".into(),
                L::UnpackedArgumentError => "iterable argument unpacking follows keyword argument unpacking".into(),
                L::LineContinuationError => "unexpected character after line continuation character".into(),
                L::FStringError(f) => format!("f-string: {}", f),
                L::OtherError(m) => m.clone(),
                _ => "invalid syntax".into(),
            };
            at("SyntaxError", &msg, source, off, off + 1, true)
        }
    }
}

fn tok_len(source: &str, off: usize, tok: &Tok) -> usize {
    let rest = &source[floor(source, off)..];
    match tok {
        Tok::Newline | Tok::EndOfFile | Tok::Dedent | Tok::Indent => 0,
        Tok::Name { name } => name.len(),
        _ => {
            // Measure the token by lexing from here.
            match rustpython_parser::lexer::lex(rest, rustpython_parser::Mode::Module).next() {
                Some(Ok((_, r))) => r.len().to_usize().max(1),
                _ => 1,
            }
        }
    }
}

/// Compile errors (found after parsing) carry their node's byte range.
pub fn from_compile(source: &str, e: &CompileError) -> Located {
    let end = e.end.unwrap_or(e.offset);
    let mut l = at(e.kind, &e.msg, source, e.offset, end, true);
    if e.end.is_none() {
        l.end_offset = l.offset;
    }
    l
}
