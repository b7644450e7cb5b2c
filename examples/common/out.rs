//! Printing for the evaluation examples: a line to standard output, and a quiet exit when the
//! reader has gone (`eval_star ... | head` closes the pipe; `println!` would panic).

/// `println!`, ending the process quietly (exit 0) once standard output is closed.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}
