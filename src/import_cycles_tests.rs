//! A test that keeps the front ends free of import cycles between files.
//!
//! Every `.rs` file under `src/` is a module (`src/cli/target/show.rs` is `cli::target::show`,
//! a `mod.rs` is its folder). A file depends on another when its code (not its comments, not its
//! `#[cfg(test)]` items) names a path into it: `use super::cards::read_all`,
//! `crate::cli::history::choose(..)`, `super::args::{TextEdit, ..}`, or, from a `mod.rs`, a child
//! module by its bare name. A path resolves to the deepest file module it reaches. A file naming
//! one of its ancestors (`super::UserError` from a child of `cli/mod.rs`) is not counted: the
//! parent declares the child, so the two are one unit; the parent naming its children is.
//! Files that only tests compile (`#[cfg(test)] mod tests;`, `#[path = "x_tests.rs"]`) are
//! left out.
//!
//! The test fails when files in `src/tui` or `src/cli` depend on each other in a circle, and
//! names the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Which trees must stay free of cycles.
const CHECKED: [&str; 2] = ["tui", "cli"];

#[test]
fn no_import_cycles_between_files_in_tui_and_cli() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = Graph::read(&src);
    let cycles: Vec<Vec<String>> = graph
        .cycles()
        .into_iter()
        .filter(|c| c.iter().any(|m| CHECKED.contains(&m[0].as_str())))
        .map(|c| c.iter().map(|m| m.join("::")).collect())
        .collect();
    assert!(
        cycles.is_empty(),
        "files that import each other in a circle (break each by moving what both need into \
         its own file): {cycles:#?}"
    );
    // The checker itself sees the dependencies it should: a known edge of each kind.
    let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
    assert!(graph.edges[&m("cli::export")].contains(&m("cli::output")));
    assert!(graph.edges[&m("cli")].contains(&m("cli::args")));
    assert!(graph.edges[&m("tui::app")].contains(&m("tui::screen")));
}

#[test]
fn the_checker_finds_a_cycle_through_an_inline_path() {
    let mut files = BTreeMap::new();
    files.insert(
        vec!["cli".to_string(), "a".into()],
        "use super::b::X;\n// super::c::Z in a comment is not a dependency\n".to_string(),
    );
    files.insert(
        vec!["cli".to_string(), "b".into()],
        "fn f() { crate::cli::a::g() }\n#[cfg(test)]\nmod tests { use super::super::c::Y; }\n"
            .to_string(),
    );
    files.insert(
        vec!["cli".to_string(), "c".into()],
        "use super::{a::{self, W}, b};\n".to_string(),
    );
    let graph = Graph::from_sources(&files, &BTreeSet::new());
    let cycles = graph.cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert_eq!(cycles[0].len(), 2, "{cycles:?}");
    assert!(
        !graph.edges[&vec!["cli".to_string(), "a".into()]]
            .contains(&vec!["cli".to_string(), "c".into()])
    );
}

struct Graph {
    edges: BTreeMap<Module, BTreeSet<Module>>,
}

impl Graph {
    fn read(src: &Path) -> Graph {
        let mut files = BTreeMap::new();
        let mut test_only = BTreeSet::new();
        // `main.rs` is the binary's own crate: it names `prepdeck::cli`, never a file here.
        for path in rust_files(src)
            .into_iter()
            .filter(|p| !p.ends_with("main.rs"))
        {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let module = module_of(src, &path);
            for f in test_only_files(&path, &text) {
                test_only.insert(module_of(src, &f));
            }
            files.insert(module, text);
        }
        Graph::from_sources(&files, &test_only)
    }

    fn from_sources(files: &BTreeMap<Module, String>, test_only: &BTreeSet<Module>) -> Graph {
        let kept: BTreeSet<&Module> = files
            .keys()
            .filter(|m| !test_only.iter().any(|t| m.starts_with(t)))
            .collect();
        let mut edges = BTreeMap::new();
        for (module, text) in files {
            if !kept.contains(module) {
                continue;
            }
            let is_dir = files
                .keys()
                .any(|m| m.len() > module.len() && m.starts_with(module));
            let mut to = BTreeSet::new();
            for path in paths_in(&code_only(text)) {
                let Some(abs) = absolute(module, is_dir, &path) else {
                    continue;
                };
                let target = (1..=abs.len())
                    .rev()
                    .map(|n| abs[..n].to_vec())
                    .find(|m| kept.contains(m));
                if let Some(t) = target
                    && &t != module
                    && !module.starts_with(&t)
                {
                    to.insert(t);
                }
            }
            edges.insert(module.clone(), to);
        }
        Graph { edges }
    }

    /// The strongly connected components with more than one file (Tarjan).
    fn cycles(&self) -> Vec<Vec<Module>> {
        struct T<'a> {
            g: &'a Graph,
            index: BTreeMap<&'a Module, usize>,
            low: BTreeMap<&'a Module, usize>,
            stack: Vec<&'a Module>,
            out: Vec<Vec<Module>>,
        }
        fn visit<'a>(t: &mut T<'a>, v: &'a Module) {
            let i = t.index.len();
            t.index.insert(v, i);
            t.low.insert(v, i);
            t.stack.push(v);
            for w in &t.g.edges[v] {
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if t.stack.contains(&w) {
                    let iw = t.index[w];
                    let lv = t.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
            if t.low[v] == t.index[v] {
                let mut comp = vec![];
                while let Some(w) = t.stack.pop() {
                    comp.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    t.out.push(comp);
                }
            }
        }
        let mut t = T {
            g: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: vec![],
            out: vec![],
        };
        for v in self.edges.keys() {
            if !t.index.contains_key(v) {
                visit(&mut t, v);
            }
        }
        t.out
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut m: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(m.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        m.pop();
    }
    m
}

/// The files of modules this file declares under `#[cfg(test)]`.
fn test_only_files(file: &Path, text: &str) -> Vec<PathBuf> {
    let dir = file.parent().expect("a file has a folder");
    let own_dir = match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => dir.to_path_buf(),
        Some(stem) => dir.join(stem),
        None => return vec![],
    };
    let mut out = vec![];
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        rest = &rest[at + "#[cfg(test)]".len()..];
        let item: String = rest
            .chars()
            .take_while(|c| *c != ';' && *c != '{')
            .collect();
        let item = item.trim();
        let Some(name) = item
            .rsplit_once("mod ")
            .map(|(_, n)| n.trim())
            .filter(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_'))
        else {
            continue;
        };
        if let Some(p) = item
            .split("#[path = \"")
            .nth(1)
            .and_then(|s| s.split('"').next())
        {
            out.push(dir.join(p));
        } else {
            out.push(own_dir.join(format!("{name}.rs")));
            out.push(own_dir.join(name).join("mod.rs"));
        }
    }
    out
}

/// The text without comments, string and char literals, and `#[cfg(test)]` items.
fn code_only(text: &str) -> String {
    let b: Vec<char> = without_literals(text).chars().collect();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if text_at(&b, i, "#[cfg(test)]") {
            i = skip_item(&b, i + "#[cfg(test)]".len());
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The text without comments, and with every string and char literal emptied.
fn without_literals(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_char(&b, i) {
            // A raw string: r"..", r#".."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while j < b.len() && b[j] == '#' {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < b.len()
                && !(b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')))
            {
                j += 1;
            }
            i = j + 1 + hashes;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (next == Some('\\') || b.get(i + 2) == Some(&'\'')) {
            // A char literal ('x', '\n', '\u{..}'); a lifetime has no closing quote.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

fn text_at(b: &[char], i: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| b.get(i + k) == Some(&c))
}

/// Skips one item (through its `;` or its balanced `{ .. }`, attributes included).
fn skip_item(b: &[char], mut i: usize) -> usize {
    let mut depth = 0usize;
    let mut brackets = 0usize;
    while i < b.len() {
        match b[i] {
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            ';' if depth == 0 && brackets == 0 => return i + 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// Every path in the code, `use` groups expanded (`a::{b, c::d}` is `a::b` and `a::c::d`).
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let b: Vec<char> = code.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < b.len() {
        if (b[i].is_alphabetic() || b[i] == '_') && !ident_char(&b, i) {
            let (paths, end) = path_at(&b, i);
            out.extend(paths);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The path(s) starting at `i`, and where they end.
fn path_at(b: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = vec![];
    loop {
        let start = i;
        while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
            i += 1;
        }
        prefix.push(b[start..i].iter().collect::<String>());
        let after = skip_space(b, i);
        if !text_at(b, after, "::") {
            return (vec![prefix], i);
        }
        i = skip_space(b, after + 2);
        if b.get(i) == Some(&'{') {
            let mut out = vec![];
            i += 1;
            loop {
                i = skip_space(b, i);
                match b.get(i) {
                    None => return (out, i),
                    Some('}') => return (out, i + 1),
                    Some(',') => i += 1,
                    Some(c) if c.is_alphabetic() || *c == '_' => {
                        let (inner, end) = path_at(b, i);
                        for p in inner {
                            let mut full = prefix.clone();
                            full.extend(p);
                            out.push(full);
                        }
                        i = end;
                    }
                    Some(_) => i += 1,
                }
            }
        }
        if !b.get(i).is_some_and(|c| c.is_alphabetic() || *c == '_') {
            return (vec![prefix], i);
        }
    }
}

fn skip_space(b: &[char], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// The crate-absolute module path a path in `module` names, if it names one of ours.
fn absolute(module: &Module, is_dir: bool, path: &[String]) -> Option<Module> {
    let mut here = module.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            here.clear();
            rest = &rest[1..];
        }
        Some("self") | Some("super") => {
            while let Some(s) = rest.first() {
                match s.as_str() {
                    "self" => {}
                    "super" => {
                        here.pop()?;
                    }
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        // From a folder module, a child module by its bare name.
        Some(_) if is_dir && rest.len() > 1 => {}
        _ => return None,
    }
    here.extend(rest.iter().cloned());
    Some(here)
}
