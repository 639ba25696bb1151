//! The embedding API: run source, get results or errors back as Rust values.

use sonde::{Interpreter, Value};

#[test]
fn run_source_and_capture_output() {
    let interp = Interpreter::new();
    let out = interp.capture_output();
    interp.run_source("for i in range(3):\n    print(i * i)\n", "<embedded>").unwrap();
    assert_eq!(&*out.borrow(), b"0\n1\n4\n");
}

#[test]
fn errors_carry_type_message_and_traceback() {
    let interp = Interpreter::new();
    let _out = interp.capture_output();
    let e = interp.run_source("def f(d):\n    return d['k']\nf({})\n", "job.py").unwrap_err();
    assert_eq!(e.type_name, "KeyError");
    assert_eq!(e.message, "'k'");
    assert_eq!(
        e.traceback,
        "Traceback (most recent call last):\n  File \"job.py\", line 3, in <module>\n    f({})\n  File \"job.py\", line 2, in f\n    return d['k']\n           ~^^^^^\nKeyError: 'k'\n"
    );
    assert_eq!(e.exit_code, None);
}

#[test]
fn syntax_errors_are_errors_too() {
    let interp = Interpreter::new();
    let e = interp.run_source("if True print(1)", "bad.py").unwrap_err();
    assert_eq!(e.type_name, "SyntaxError");
    assert!(e.traceback.ends_with("SyntaxError: invalid syntax\n"), "{}", e.traceback);
}

#[test]
fn eval_and_call_python_from_rust() {
    let interp = Interpreter::new();
    interp
        .run_source("def add(a, b):\n    return a + b\nscale = 10\n", "<lib>")
        .unwrap();
    let v = interp.eval("add(2, 3) * scale").unwrap();
    assert!(matches!(v, Value::Int(50)));
    let f = interp.get_global("add").unwrap();
    let r = interp.call(&f, vec![Value::str("ab"), Value::str("cd")]).unwrap();
    assert_eq!(interp.repr(&r), "'abcd'");
    let e = interp.call(&f, vec![Value::Int(1)]).unwrap_err();
    assert_eq!(e.message, "add() missing 1 required positional argument: 'b'");
}

#[test]
fn state_persists_between_runs() {
    let interp = Interpreter::new();
    interp.run_source("counter = 0", "<a>").unwrap();
    interp.run_source("counter += 5", "<b>").unwrap();
    assert!(matches!(interp.eval("counter").unwrap(), Value::Int(5)));
}

#[test]
fn system_exit_reports_its_code() {
    let interp = Interpreter::new();
    let e = interp.run_source("raise SystemExit(3)", "<exit>").unwrap_err();
    assert_eq!(e.type_name, "SystemExit");
    assert_eq!(e.exit_code, Some(3));
}

#[test]
fn run_file_from_disk() {
    let dir = std::env::temp_dir().join(format!("sonde-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.py");
    std::fs::write(&path, "result = sorted({3, 1, 2})\nprint(result)\n").unwrap();
    let interp = Interpreter::new();
    let out = interp.capture_output();
    interp.run_file(path.to_str().unwrap()).unwrap();
    assert_eq!(&*out.borrow(), b"[1, 2, 3]\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deep_recursion_on_a_small_thread_is_a_recursion_error() {
    // A 1 MiB thread cannot hold 1000 Python frames; sonde must notice.
    let h = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let interp = Interpreter::new();
            let e = interp.run_source("def f(n):\n    return f(n + 1)\nf(0)\n", "<deep>").unwrap_err();
            e.type_name
        })
        .unwrap();
    assert_eq!(h.join().unwrap(), "RecursionError");
}
