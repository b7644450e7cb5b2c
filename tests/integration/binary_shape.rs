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
