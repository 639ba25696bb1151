//! The command line: Python's conventions for options, exit status and argv.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sonde(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sonde"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut i = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            i.write_all(s.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn command_string_and_argv() {
    let o = sonde(&["-c", "import sys; print(sys.argv, __name__)", "a", "b"], None);
    assert_eq!(out(&o), "['-c', 'a', 'b'] __main__\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn program_from_stdin() {
    let o = sonde(&["-"], Some("print(40 + 2)\n"));
    assert_eq!(out(&o), "42\n");
    let o = sonde(&[], Some("x = [1, 2]\nprint(sum(x))\n"));
    assert_eq!(out(&o), "3\n");
}

#[test]
fn uncaught_exception_exits_1_with_traceback() {
    let o = sonde(&["-c", "def f():\n    raise ValueError('bad')\nf()"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        err(&o),
        "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in f\nValueError: bad\n"
    );
}

#[test]
fn system_exit_is_honoured() {
    assert_eq!(sonde(&["-c", "import sys; sys.exit(7)"], None).status.code(), Some(7));
    assert_eq!(sonde(&["-c", "raise SystemExit"], None).status.code(), Some(0));
    let o = sonde(&["-c", "import sys; sys.exit('goodbye')"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err(&o), "goodbye\n");
}

#[test]
fn usage_errors_exit_2() {
    let o = sonde(&["--bogus"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("unknown option --bogus"), "{}", err(&o));
    assert_eq!(sonde(&["-c"], None).status.code(), Some(2));
    let o = sonde(&["no_such_file.py"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("can't open file 'no_such_file.py'"), "{}", err(&o));
}

#[test]
fn version_and_help() {
    let o = sonde(&["-V"], None);
    assert!(out(&o).starts_with("Python 3.11"), "{}", out(&o));
    let o = sonde(&["--help"], None);
    assert!(out(&o).contains("-c cmd"));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn optimize_flag_removes_asserts() {
    let src = "assert False, 'x'\nprint(__debug__)";
    assert_eq!(sonde(&["-c", src], None).status.code(), Some(1));
    let o = sonde(&["-O", "-c", src], None);
    assert_eq!(out(&o), "False\n");
}

#[test]
fn run_module_with_m() {
    let o = sonde(&["-m", "tests.programs.main_guard"], None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).starts_with("running main __main__\n"), "{}", out(&o));
}

#[test]
fn disassembler_lists_instructions() {
    let o = sonde(&["--dis", "-c", "x = 1\nprint(x + 2)"], None);
    let text = out(&o);
    assert!(text.contains("Disassembly of <code object <module>"), "{}", text);
    for ins in ["LoadConst", "StoreName", "BinaryOp", "Call", "ReturnValue"] {
        assert!(text.contains(ins), "missing {} in\n{}", ins, text);
    }
}

#[test]
fn syntax_error_reports_like_cpython() {
    let o = sonde(&["-c", "x = (1,"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        err(&o),
        "  File \"<string>\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
    );
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let o = sonde(
        &["-c", "import sys\nsys.setrecursionlimit(100000)\ndef f(n): return f(n + 1)\nf(0)"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        err(&o)
    );
}

#[test]
fn interactive_mode_echoes_values() {
    // Not a terminal here, so feed the REPL path through the library instead.
    let interp = sonde::Interpreter::new();
    let buf = interp.capture_output();
    interp.run_interactive("1 + 2\n").unwrap();
    interp.run_interactive("None\n").unwrap();
    interp.run_interactive("x = 5\n").unwrap();
    interp.run_interactive("x * 2\n").unwrap();
    assert_eq!(String::from_utf8(buf.borrow().clone()).unwrap(), "3\n10\n");
}
