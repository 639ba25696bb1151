//! The built-in types and the exception hierarchy, as class objects.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::{Class, Dict, Kind};

pub fn make_class(name: &str, kind: Kind, bases: Vec<Rc<Class>>, module: &str) -> Rc<Class> {
    let mro = c3_mro(&bases).unwrap_or_else(|| bases.iter().flat_map(|b| b.mro_iter().cloned().collect::<Vec<_>>()).collect());
    Rc::new(Class {
        name: name.to_string(),
        qualname: RefCell::new(name.to_string()),
        module: RefCell::new(module.to_string()),
        bases,
        mro,
        dict: crate::objects::ClassDict::new(Dict::new()),
        cache: Default::default(),
        kind,
        builtin: module == "builtins",
        filename: String::new(),
        c_name: crate::objects::c_string(name),
        c_filename: Default::default(),
        meta: RefCell::new(None),
        inst_attrs: Default::default(),
    })
}

/// C3 linearisation of the bases (the result excludes the class itself).
pub fn c3_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro_iter().cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

macro_rules! exc_types {
    ($object:ident; $( $field:ident : $name:literal < $parent:ident ;)*) => {
        pub struct ExcTypes {
            $( pub $field: Rc<Class>, )*
            pub all: Vec<Rc<Class>>,
        }
        impl ExcTypes {
            fn new($object: &Rc<Class>) -> ExcTypes {
                let mut all = vec![];
                $(
                    let $field = make_class($name, Kind::BaseException, vec![$parent.clone()], "builtins");
                    all.push($field.clone());
                )*
                ExcTypes { $( $field, )* all }
            }
        }
    };
}

exc_types! {
    object;
    base_exception: "BaseException" < object;
    exception: "Exception" < base_exception;
    system_exit: "SystemExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    connection_error: "ConnectionError" < os_error;
    broken_pipe_error: "BrokenPipeError" < connection_error;
    connection_aborted_error: "ConnectionAbortedError" < connection_error;
    connection_refused_error: "ConnectionRefusedError" < connection_error;
    connection_reset_error: "ConnectionResetError" < connection_error;
    blocking_io_error: "BlockingIOError" < os_error;
    child_process_error: "ChildProcessError" < os_error;
    interrupted_error: "InterruptedError" < os_error;
    process_lookup_error: "ProcessLookupError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    stop_async_iteration: "StopAsyncIteration" < exception;
    stop_iteration: "StopIteration" < exception;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    warning: "Warning" < exception;
    deprecation_warning: "DeprecationWarning" < warning;
    user_warning: "UserWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    future_warning: "FutureWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    import_warning: "ImportWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    bytes_warning: "BytesWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
}

macro_rules! builtin_types {
    ($( $field:ident : $name:literal = $kind:ident $(< $base:ident)? ;)*) => {
        pub struct Types {
            pub object: Rc<Class>,
            $( pub $field: Rc<Class>, )*
            pub exc: ExcTypes,
        }
        impl Types {
            pub fn new() -> Types {
                let object = make_class("object", Kind::Object, vec![], "builtins");
                $(
                    #[allow(unused_mut, unused_assignments)]
                    let $field = {
                        let mut base = object.clone();
                        $( base = $base.clone(); )?
                        make_class($name, Kind::$kind, vec![base], "builtins")
                    };
                )*
                let exc = ExcTypes::new(&object);
                Types { object, $( $field, )* exc }
            }
            /// The built-in types exposed by name in `builtins`.
            pub fn all(&self) -> Vec<&Rc<Class>> {
                vec![&self.object, $( &self.$field, )*]
            }
        }
    };
}

builtin_types! {
    type_: "type" = Type;
    none_type: "NoneType" = NoneType;
    notimpl_type: "NotImplementedType" = NotImplementedType;
    ellipsis_type: "ellipsis" = Ellipsis;
    int: "int" = Int;
    bool_: "bool" = Bool < int;
    float: "float" = Float;
    str_: "str" = Str;
    bytes: "bytes" = Bytes;
    bytearray: "bytearray" = ByteArray;
    tuple: "tuple" = Tuple;
    list: "list" = List;
    dict: "dict" = Dict;
    set: "set" = Set;
    frozenset: "frozenset" = FrozenSet;
    range: "range" = Range;
    dict_keys: "dict_keys" = Iterator;
    dict_values: "dict_values" = Iterator;
    dict_items: "dict_items" = Iterator;
    slice: "slice" = Slice;
    function: "function" = Function;
    builtin_function: "builtin_function_or_method" = BuiltinFunction;
    method: "method" = Method;
    module: "module" = Module;
    iterator: "iterator" = Iterator;
    list_iterator: "list_iterator" = Iterator;
    tuple_iterator: "tuple_iterator" = Iterator;
    range_iterator: "range_iterator" = Iterator;
    str_iterator: "str_ascii_iterator" = Iterator;
    dict_keyiterator: "dict_keyiterator" = Iterator;
    dict_valueiterator: "dict_valueiterator" = Iterator;
    dict_itemiterator: "dict_itemiterator" = Iterator;
    set_iterator: "set_iterator" = Iterator;
    callable_iterator: "callable_iterator" = Iterator;
    enumerate: "enumerate" = Iterator;
    zip: "zip" = Iterator;
    map: "map" = Iterator;
    filter: "filter" = Iterator;
    reversed: "reversed" = Iterator;
    generator: "generator" = Generator;
    property: "property" = Property;
    staticmethod: "staticmethod" = StaticMethod;
    classmethod: "classmethod" = ClassMethod;
    super_: "super" = Super;
    code: "code" = Code;
    cell: "cell" = Cell;
    file: "TextIOWrapper" = File;
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}
