#![forbid(unsafe_code)]

// mimalloc: start-up allocates ~100k small records at once; the system allocator spent as much
// time in page faults as in parsing (see docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    prepdeck::cli::main()
}
