//! Printing for the evaluation examples: a line to standard output, and a quiet exit when the
//! reader has gone (`eval_star ... | head` closes the pipe; `println!` would panic).

/// `println!`, ending the process quietly (exit 0) once standard output is closed, and with
/// exit 1 and a message on any other write error (a full disk).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("cannot write the report: {e}");
            std::process::exit(1);
        }
    }};
}
