//! The `sonde` command: Python's command-line conventions over the library.

use std::io::{BufRead, IsTerminal, Read, Write};

use sonde::{Interpreter, Options, PyError};

mod small_alloc;

#[global_allocator]
static ALLOCATOR: small_alloc::SmallAlloc = small_alloc::SmallAlloc;

const USAGE: &str = "usage: sonde [-O] [--dis] [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "usage: sonde [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-O     : remove assert statements and set __debug__ to False
-V     : print the Python version number and exit (also --version)
--dis  : print the disassembly of the program instead of running it
-X dis : the same as --dis
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

fn usage_error(msg: &str) -> ! {
    eprintln!("{}\n{}\nTry `sonde -h' for more information.", msg, USAGE);
    std::process::exit(2);
}

fn main() {
    // A panic is a bug, and the release build aborts on one (Cargo.toml:
    // no unwinding paths in the evaluation loop). Output the program
    // printed before it is written out first, then the usual message.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        sonde::vm::flush_current_stdout();
        report(info);
    }));
    // Python frames recurse on the native stack: give the interpreter a large one.
    const STACK: usize = 512 << 20;
    let child = std::thread::Builder::new().stack_size(STACK).spawn(|| {
        sonde::vm::call::set_stack_budget(STACK - (4 << 20));
        real_main()
    });
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => {
            sonde::vm::call::set_stack_budget(6 << 20);
            real_main()
        }
    };
    let _ = std::io::stdout().flush();
    std::process::exit(code);
}

fn real_main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    let mut optimize = false;
    let mut dis = false;
    let mut i = 1;
    let mut program = None;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-O" | "-OO" => optimize = true,
            "--dis" => dis = true,
            "-X" => {
                i += 1;
                match args.get(i).map(|s| s.as_str()) {
                    Some("dis") => dis = true,
                    Some(_) => {}
                    None => usage_error("Argument expected for the -X option"),
                }
            }
            "-V" | "--version" => {
                println!("Python 3.11.7 (sonde {})", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "-h" | "--help" | "-?" => {
                print!("{}", HELP);
                return 0;
            }
            "-c" => {
                i += 1;
                match args.get(i) {
                    Some(c) => program = Some(Program::Command(c.clone())),
                    None => usage_error("Argument expected for the -c option"),
                }
                break;
            }
            "-m" => {
                i += 1;
                match args.get(i) {
                    Some(m) => program = Some(Program::Module(m.clone())),
                    None => usage_error("Argument expected for the -m option"),
                }
                break;
            }
            "-" => {
                program = Some(Program::Stdin);
                break;
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-q" => {}
            s if s.starts_with('-') && s.len() > 1 => usage_error(&format!("unknown option {}", s)),
            _ => {
                program = Some(Program::File(a.clone()));
                break;
            }
        }
        i += 1;
    }
    let rest: Vec<String> = if i < args.len() { args[i + 1..].to_vec() } else { vec![] };
    let interp = Interpreter::with_options(Options { optimize });
    let program = program.unwrap_or(Program::Stdin);
    let (argv0, result) = match program {
        Program::File(path) => {
            // Like CPython 3.9+, the main script's path is made absolute.
            let abs = std::path::absolute(&path)
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_else(|_| path.clone());
            let dir = std::path::Path::new(&abs)
                .parent()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default();
            interp.set_path0(&dir);
            let mut argv = vec![path.clone()];
            argv.extend(rest);
            interp.set_argv(&argv);
            if dis {
                return disassemble_file(&path);
            }
            (path.clone(), interp.run_file_as(&path, &abs))
        }
        Program::Command(cmd) => {
            interp.set_path0("");
            let mut argv = vec!["-c".to_string()];
            argv.extend(rest);
            interp.set_argv(&argv);
            if dis {
                return disassemble(&cmd, "<string>");
            }
            ("-c".into(), interp.run_source(&cmd, "<string>"))
        }
        Program::Module(m) => {
            interp.set_path0(&std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_default());
            let mut argv = vec![m.clone()];
            argv.extend(rest);
            interp.set_argv(&argv);
            (m.clone(), interp.run_module(&m))
        }
        Program::Stdin => {
            interp.set_path0("");
            let mut argv = vec![if args.get(i).map(|s| s == "-").unwrap_or(false) {
                "-".to_string()
            } else {
                String::new()
            }];
            argv.extend(rest);
            interp.set_argv(&argv);
            if std::io::stdin().is_terminal() {
                return repl(&interp);
            }
            let mut src = String::new();
            if std::io::stdin().read_to_string(&mut src).is_err() {
                eprintln!("sonde: stdin is not valid UTF-8");
                return 1;
            }
            if dis {
                return disassemble(&src, "<stdin>");
            }
            ("-".into(), interp.run_source(&src, "<stdin>"))
        }
    };
    let _ = argv0;
    let code = match result {
        Ok(_) => 0,
        Err(e) => report(&interp, &e),
    };
    interp.finalize();
    code
}

fn report(interp: &Interpreter, e: &PyError) -> i32 {
    if let Some(code) = e.exit_code {
        if e.type_name == "SystemExit" {
            return code;
        }
        // A file that could not be opened.
        interp.write_stderr(&format!("sonde: {}", e.traceback));
        return code;
    }
    interp.write_stderr(&e.traceback);
    // Like CPython, dying of an uncaught KeyboardInterrupt exits as if by SIGINT.
    if e.type_name == "KeyboardInterrupt" {
        return 130;
    }
    1
}

fn disassemble(src: &str, filename: &str) -> i32 {
    match sonde::compile::compile(
        src,
        filename,
        sonde::compile::Mode::Exec,
        &sonde::compile::Options {
            optimize: false,
            keep_source: false,
        },
    ) {
        Ok(code) => {
            let mut out = String::new();
            code.disassemble(&mut out);
            print!("{}", out);
            0
        }
        Err(e) => {
            eprintln!("  File \"{}\", line {}\n{}: {}", filename, e.lineno(), e.kind, e.msg);
            1
        }
    }
}

fn disassemble_file(path: &str) -> i32 {
    match std::fs::read_to_string(path) {
        Ok(src) => disassemble(&src, path),
        Err(e) => {
            eprintln!("sonde: can't open file '{}': {}", path, e);
            2
        }
    }
}

/// The interactive prompt: `>>> ` and `... `, expression values echoed.
fn repl(interp: &Interpreter) -> i32 {
    eprintln!(
        "Python 3.11.7 (sonde {}) \nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
        env!("CARGO_PKG_VERSION")
    );
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        eprint!(">>> ");
        let mut src = match lines.next() {
            Some(Ok(l)) => l,
            _ => {
                eprintln!();
                return 0;
            }
        };
        let needs_more = |s: &str| {
            let t = s.trim_end();
            t.ends_with(':') || t.ends_with('\\') || open_brackets(s) > 0
        };
        if needs_more(&src) {
            loop {
                eprint!("... ");
                match lines.next() {
                    Some(Ok(l)) => {
                        let blank = l.trim().is_empty();
                        src.push('\n');
                        src.push_str(&l);
                        if blank && open_brackets(&src) <= 0 {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        src.push('\n');
        if let Err(e) = interp.run_interactive(&src) {
            if e.type_name == "SystemExit" {
                return e.exit_code.unwrap_or(0);
            }
            interp.write_stderr(&e.traceback);
        }
    }
}

fn open_brackets(s: &str) -> i32 {
    let mut n = 0;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => n += 1,
            ')' | ']' | '}' => n -= 1,
            _ => {}
        }
    }
    n
}
