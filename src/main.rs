#![forbid(unsafe_code)]

// mimalloc, its v2 allocator (the `v2` feature): measured in session 10 against mimalloc's v3 and
// the system allocator (docs/performance.md): the system allocator starts the built-in decks
// 0.5 ms faster but replays the state file twice as slowly (over the 50 ms budget) and is slower
// at 100,000 reviews and at a million; v2 starts faster than v3.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    prepdeck::cli::main()
}
