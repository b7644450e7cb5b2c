//! How the binary is linked, where it matters to the start-up budget (issue 17).

/// On Linux with glibc the binary is a position-dependent executable (build.rs): the dynamic
/// loader has no relative relocations to apply at each start (docs/performance.md, session 10).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_needs_no_relocating_at_start() {
    let path = env!("CARGO_BIN_EXE_prepdeck");
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF", "{path} is not an ELF file");
    // e_type, little-endian, at offset 16: 2 is an executable, 3 a shared object (PIE).
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    assert_eq!(
        e_type, 2,
        "{path} is linked position-independent (e_type {e_type})"
    );
}

/// On x86_64 Linux with glibc the binary is linked statically (.cargo/static-gcc): no dynamic
/// loader, no libraries to map or symbols to bind before `main` (about 0.5 ms of the built-in
/// decks' start, docs/performance.md, session 15). The linker falls back to dynamic linking
/// where the C library has no static archive or `PREPDECK_DYNAMIC` is set at build time; this
/// test then fails, so that such a build is known not to be the measured one.
#[cfg(all(target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
#[test]
fn the_binary_is_linked_statically() {
    let path = env!("CARGO_BIN_EXE_prepdeck");
    let bytes = std::fs::read(path).unwrap();
    let word = |at: usize, len: usize| {
        bytes[at..at + len]
            .iter()
            .rev()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b))
    };
    // ELF64 header: e_phoff at 32 (8 bytes), e_phentsize at 54, e_phnum at 56 (2 bytes each).
    let (phoff, size, count) = (word(32, 8) as usize, word(54, 2) as usize, word(56, 2));
    let types: Vec<u64> = (0..count as usize)
        .map(|i| word(phoff + i * size, 4))
        .collect();
    assert!(!types.is_empty(), "{path} has no program headers");
    // PT_INTERP (3) names the dynamic loader, PT_DYNAMIC (2) holds the dynamic section.
    assert!(
        !types.contains(&3) && !types.contains(&2),
        "{path} is linked dynamically (program header types {types:?})"
    );
}
