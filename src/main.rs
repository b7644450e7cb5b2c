#![forbid(unsafe_code)]

// The system allocator: measured against mimalloc in session 10 (docs/performance.md), it
// starts the app faster (no 2 MiB regions cleared before `main`) and keeps half the memory at a
// million reviews; `stats` at a million is slower but within its budget.
fn main() -> std::process::ExitCode {
    prepdeck::cli::main()
}
