//! The compact binary form of prepdeck's caches (`<home>/cache/`): little-endian integers,
//! length-prefixed strings, tagged options, behind a magic and a checksum of the whole entry.
//! Reading never panics and never trusts a length: the first thing that does not fit gives
//! `None`, and the caller treats the entry as missing.

use chrono::{DateTime, Utc};
use std::io::Read;

use xxhash_rust::xxh3::Xxh3Default;

/// Room for the magic and the checksum before the payload.
const HEADER: usize = 8 + 16;

/// The payload of what [`Enc::seal`] wrote with `magic` and `key`; `None` if anything of it
/// changed, or it was sealed with another key (see [`crate::store::cache_key`]).
pub(crate) fn unseal<'a>(magic: &[u8; 8], key: u128, bytes: &'a [u8]) -> Option<&'a [u8]> {
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let (sum, payload) = rest.split_at_checked(16)?;
    let sum = u128::from_le_bytes(sum.try_into().ok()?);
    (checksum(key, payload) == sum).then_some(payload)
}

/// A 128-bit hash of the key and the payload.
fn checksum(key: u128, payload: &[u8]) -> u128 {
    let mut h = Xxh3Default::new();
    h.update(&key.to_le_bytes());
    h.update(payload);
    h.digest128()
}

/// FNV-1a, usable at compile time (to fingerprint the source a cache format depends on).
pub(crate) const fn fnv(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// FNV-1a's starting value.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// A cache format's build fingerprint: FNV-1a over `sources` (the crate version and the text
/// of every source file the cached data depends on), at compile time.
pub(crate) const fn fingerprint(sources: &[&str]) -> u64 {
    let mut hash = FNV_START;
    let mut i = 0;
    while i < sources.len() {
        hash = fnv(sources[i].as_bytes(), hash);
        i += 1;
    }
    hash
}

/// Writes values one after another.
pub(crate) struct Enc(Vec<u8>);

impl Enc {
    /// An entry of about `n` bytes, to be finished with [`Enc::seal`].
    pub(crate) fn with_capacity(n: usize) -> Enc {
        let mut v = Vec::with_capacity(HEADER + n);
        v.resize(HEADER, 0);
        Enc(v)
    }

    /// The entry: `magic`, a 128-bit checksum of `key` and what was written, then what was
    /// written.
    pub(crate) fn seal(mut self, magic: &[u8; 8], key: u128) -> Vec<u8> {
        let sum = checksum(key, &self.0[HEADER..]);
        self.0[..8].copy_from_slice(magic);
        self.0[8..HEADER].copy_from_slice(&sum.to_le_bytes());
        self.0
    }

    pub(crate) fn u8(&mut self, n: u8) {
        self.0.push(n);
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    pub(crate) fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    pub(crate) fn f64(&mut self, x: f64) {
        self.u64(x.to_bits());
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }

    pub(crate) fn opt_u64(&mut self, n: Option<u64>) {
        match n {
            None => self.0.push(0),
            Some(n) => {
                self.0.push(1);
                self.u64(n);
            }
        }
    }

    pub(crate) fn strs(&mut self, v: &[String]) {
        self.u64(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    /// An instant to the nanosecond.
    pub(crate) fn time(&mut self, t: DateTime<Utc>) {
        self.u64(t.timestamp() as u64);
        self.0
            .extend_from_slice(&t.timestamp_subsec_nanos().to_le_bytes());
    }

    pub(crate) fn opt_time(&mut self, t: Option<DateTime<Utc>>) {
        match t {
            None => self.0.push(0),
            Some(t) => {
                self.0.push(1);
                self.time(t);
            }
        }
    }
}

/// Reads what [`Enc`] wrote; `None` at the first thing that does not fit. Reads from bytes in
/// memory, or from a file a piece at a time ([`Dec::sealed_stream`]: a long entry is never held
/// whole, nor copied into fresh memory the system must first clear).
pub(crate) struct Dec<'a> {
    b: &'a [u8],
    i: usize,
    stream: Option<Stream<'a>>,
}

/// A sealed entry read in pieces: the bytes not yet decoded are `buf[start..end]`, `left` more
/// are in the file; everything read is hashed on the way, checked by [`Dec::finish`].
struct Stream<'a> {
    read: &'a mut dyn Read,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    left: u64,
    hash: Box<Xxh3Default>,
    sum: u128,
}

/// How much of a streamed entry is read at a time.
const PIECE: usize = 1 << 16;

impl Stream<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let have = self.end - self.start;
        if have < n {
            if (n - have) as u64 > self.left {
                return None;
            }
            self.buf.copy_within(self.start..self.end, 0);
            self.start = 0;
            self.end = have;
            if self.buf.len() < n {
                self.buf.resize(n.max(PIECE), 0);
            }
            while self.end < n {
                let room = (self.buf.len() - self.end)
                    .min(usize::try_from(self.left).unwrap_or(usize::MAX));
                let got = self
                    .read
                    .read(&mut self.buf[self.end..self.end + room])
                    .ok()?;
                if got == 0 {
                    return None;
                }
                self.hash.update(&self.buf[self.end..self.end + got]);
                self.end += got;
                self.left -= got as u64;
            }
        }
        let out = &self.buf[self.start..self.start + n];
        self.start += n;
        Some(out)
    }
}

impl<'a> Dec<'a> {
    /// Reads `b` (an entry in memory: see [`unseal`]).
    pub(crate) fn new(b: &'a [u8]) -> Dec<'a> {
        Dec {
            b,
            i: 0,
            stream: None,
        }
    }

    /// The entry [`Enc::seal`] wrote with `magic`, read from `read` (`size` bytes from here):
    /// `None` if it does not start as one. Whether it was sealed with `key` and nothing of it
    /// changed is known at the end, from [`Dec::finish`]; until then what is decoded may be
    /// anything a damaged entry says (never trusted before).
    pub(crate) fn sealed_stream(
        magic: &[u8; 8],
        key: u128,
        read: &'a mut dyn Read,
        size: u64,
    ) -> Option<Dec<'a>> {
        let mut header = [0u8; HEADER];
        read.read_exact(&mut header).ok()?;
        if header[..8] != magic[..] {
            return None;
        }
        let sum = u128::from_le_bytes(header[8..].try_into().ok()?);
        let mut hash = Box::new(Xxh3Default::new());
        hash.update(&key.to_le_bytes());
        Some(Dec {
            b: &[],
            i: 0,
            stream: Some(Stream {
                read,
                buf: vec![0; PIECE],
                start: 0,
                end: 0,
                left: size.checked_sub(HEADER as u64)?,
                hash,
                sum,
            }),
        })
    }

    /// Everything was read (trailing bytes mean the entry is not what it claims to be) and,
    /// for a streamed entry, its checksum holds.
    pub(crate) fn finish(self) -> bool {
        match &self.stream {
            None => self.at_end(),
            Some(s) => s.start == s.end && s.left == 0 && s.hash.digest128() == s.sum,
        }
    }

    /// Everything was read: trailing bytes mean the entry is not what it claims to be.
    pub(crate) fn at_end(&self) -> bool {
        match &self.stream {
            None => self.i == self.b.len(),
            Some(s) => s.start == s.end && s.left == 0,
        }
    }

    /// Bytes not yet decoded.
    fn remaining(&self) -> u64 {
        match &self.stream {
            None => (self.b.len() - self.i) as u64,
            Some(s) => (s.end - s.start) as u64 + s.left,
        }
    }

    pub(crate) fn take(&mut self, n: usize) -> Option<&[u8]> {
        if let Some(s) = &mut self.stream {
            return s.take(n);
        }
        let end = self.i.checked_add(n)?;
        let out = self.b.get(self.i..end)?;
        self.i = end;
        Some(out)
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        Some(u32::from_le_bytes(bytes))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        let bytes: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(u64::from_le_bytes(bytes))
    }

    pub(crate) fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }

    pub(crate) fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        // Every item takes at least a byte: a length past the end is corruption.
        (n as u64 <= self.remaining()).then_some(n)
    }

    pub(crate) fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).ok().map(str::to_string)
    }

    pub(crate) fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => f(self).map(Some),
            _ => None,
        }
    }

    pub(crate) fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        // Bounded: an item decodes to far more than its bytes, and a length is only checked
        // against what is left.
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            out.push(f(self)?);
        }
        Some(out)
    }

    pub(crate) fn small<T: TryFrom<u64>>(&mut self) -> Option<Option<T>> {
        self.opt(|d| T::try_from(d.u64()?).ok())
    }

    pub(crate) fn time(&mut self) -> Option<DateTime<Utc>> {
        // Written as the two's complement of a signed count of seconds.
        let secs = self.u64()? as i64;
        DateTime::from_timestamp(secs, self.u32()?)
    }

    pub(crate) fn opt_time(&mut self) -> Option<Option<DateTime<Utc>>> {
        self.opt(Self::time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_entry_with_any_byte_changed_or_cut_is_refused() {
        let mut e = Enc::with_capacity(0);
        e.str("some payload");
        let sealed = e.seal(b"TESTMAG\n", 7);
        let payload = &sealed[HEADER..];
        assert_eq!(unseal(b"TESTMAG\n", 7, &sealed), Some(payload));
        assert_eq!(unseal(b"OTHERMA\n", 7, &sealed), None);
        assert_eq!(unseal(b"TESTMAG\n", 8, &sealed), None, "another key");
        for i in 0..sealed.len() {
            let mut b = sealed.clone();
            b[i] ^= 0x20;
            assert_eq!(unseal(b"TESTMAG\n", 7, &b), None, "byte {i}");
            assert_eq!(unseal(b"TESTMAG\n", 7, &sealed[..i]), None, "cut at {i}");
        }
    }

    #[test]
    fn values_round_trip_and_every_cut_is_refused() {
        let t = DateTime::from_timestamp(-86_400 * 400, 123_456_789).unwrap();
        let mut e = Enc::with_capacity(0);
        e.u8(7);
        e.bool(true);
        e.u64(u64::MAX);
        e.f64(0.1);
        e.str("café");
        e.opt_str(None);
        e.opt_u64(Some(3));
        e.strs(&["a".into(), String::new()]);
        e.time(t);
        e.opt_time(Some(t));
        let bytes = e.0[HEADER..].to_vec();
        let read = |b: &[u8]| {
            let mut d = Dec::new(b);
            let v = (
                d.u8()?,
                d.bool()?,
                d.u64()?,
                d.f64()?,
                d.str()?,
                d.opt(Dec::str)?,
                d.small::<u32>()?,
                d.list(Dec::str)?,
                d.time()?,
                d.opt_time()?,
            );
            d.at_end().then_some(v)
        };
        let v = read(&bytes).unwrap();
        assert_eq!(v.0, 7);
        assert!(v.1);
        assert_eq!(v.2, u64::MAX);
        assert_eq!(v.3, 0.1);
        assert_eq!(v.4, "café");
        assert_eq!(v.5, None);
        assert_eq!(v.6, Some(3));
        assert_eq!(v.7, vec!["a".to_string(), String::new()]);
        assert_eq!((v.8, v.9), (t, Some(t)));
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_none(), "cut at {cut}");
        }
    }
}
