#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    prepdeck::cli::main()
}
