//! A fast reader for the lines prepdeck itself writes: a flat JSON object of strings and
//! whole numbers, of one of the common record types (review, undo, suspend, unsuspend, bury).
//!
//! serde's `#[serde(flatten)]` on [`Record`] buffers every line into an intermediate tree
//! before reading it, which made loading 100,000 reviews take about 200 ms. This reader walks
//! the bytes once instead. It is only a shortcut: whenever a line is anything but the plain
//! case (an escape in a string, a nested value, a key it does not expect, a duplicate key, a
//! mock-interview record, a number that is not a plain whole number...), it answers `None`
//! and the caller parses the line with serde as before, so results and error messages stay
//! exactly serde's. A line it accepts is one serde accepts, with the same [`Record`].

use chrono::{DateTime, FixedOffset, Utc};

use crate::core::grade::Grade;
use crate::core::ids::{CardId, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};

/// A value of the flat object.
#[derive(Clone, Copy)]
enum Raw<'a> {
    Str(&'a str),
    Num(u64),
}

/// Slots for the keys the common records use.
const V: usize = 0;
const ID: usize = 1;
const AT: usize = 2;
const TYPE: usize = 3;
const DECK: usize = 4;
const CARD: usize = 5;
const GRADE: usize = 6;
const TOOK_MS: usize = 7;
const MODE: usize = 8;
const TARGET: usize = 9;
const UNTIL: usize = 10;

/// Parses the record that starts at `text[0]` and ends at the first `\n` (or the end).
/// Returns the record and the length of its line (without the newline), or `None` when the
/// line needs serde. Takes text (UTF-8 checked once for a whole piece of the file, not once
/// per string).
pub(crate) fn parse_record_line(text: &str) -> Option<(Record, usize)> {
    let mut c = Cursor {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let mut fields: [Option<Raw<'_>>; 11] = [None; 11];
    c.space();
    c.eat(b'{')?;
    c.space();
    if c.peek()? == b'}' {
        return None;
    }
    loop {
        let key = c.string()?;
        let slot = match key {
            "v" => V,
            "id" => ID,
            "at" => AT,
            "type" => TYPE,
            "deck" => DECK,
            "card" => CARD,
            "grade" => GRADE,
            "took_ms" => TOOK_MS,
            "mode" => MODE,
            "target" => TARGET,
            "until" => UNTIL,
            _ => return None,
        };
        c.space();
        c.eat(b':')?;
        c.space();
        let value = match c.peek()? {
            b'"' => Raw::Str(c.string()?),
            b'0'..=b'9' => Raw::Num(c.number()?),
            _ => return None,
        };
        if fields[slot].replace(value).is_some() {
            return None;
        }
        c.space();
        match c.next()? {
            b',' => c.space(),
            b'}' => break,
            _ => return None,
        }
    }
    c.space();
    let end = c.i;
    match c.peek() {
        None | Some(b'\n') => {}
        Some(_) => return None,
    }
    let record = assemble(&fields)?;
    Some((record, end))
}

fn assemble(f: &[Option<Raw<'_>>; 11]) -> Option<Record> {
    let v = u32::try_from(num(f[V])?).ok()?;
    let id = RecordId::new(string(f[ID])?);
    let at = time(string(f[AT])?)?;
    // Which keys each type has besides v, id, at and type; any other key sends the line to
    // serde (which ignores or rejects it as before).
    let (body, used): (RecordBody, &[usize]) = match string(f[TYPE])? {
        "review" => (
            RecordBody::Review(Review {
                deck: DeckId::new(string(f[DECK])?),
                card: CardId::new(string(f[CARD])?),
                grade: grade(string(f[GRADE])?)?,
                took_ms: num(f[TOOK_MS])?,
                mode: mode(string(f[MODE])?)?,
            }),
            &[DECK, CARD, GRADE, TOOK_MS, MODE],
        ),
        "undo" => (
            RecordBody::Undo {
                target: RecordId::new(string(f[TARGET])?),
            },
            &[TARGET],
        ),
        "suspend" => (
            RecordBody::Suspend {
                deck: DeckId::new(string(f[DECK])?),
                card: CardId::new(string(f[CARD])?),
            },
            &[DECK, CARD],
        ),
        "unsuspend" => (
            RecordBody::Unsuspend {
                deck: DeckId::new(string(f[DECK])?),
                card: CardId::new(string(f[CARD])?),
            },
            &[DECK, CARD],
        ),
        "bury" => (
            RecordBody::Bury {
                deck: DeckId::new(string(f[DECK])?),
                card: CardId::new(string(f[CARD])?),
                until: time(string(f[UNTIL])?)?,
            },
            &[DECK, CARD, UNTIL],
        ),
        _ => return None,
    };
    let extra = (DECK..=UNTIL).any(|k| f[k].is_some() && !used.contains(&k));
    if extra {
        return None;
    }
    Some(Record { v, id, at, body })
}

fn string<'a>(raw: Option<Raw<'a>>) -> Option<&'a str> {
    match raw? {
        Raw::Str(s) => Some(s),
        Raw::Num(_) => None,
    }
}

fn num(raw: Option<Raw<'_>>) -> Option<u64> {
    match raw? {
        Raw::Num(n) => Some(n),
        Raw::Str(_) => None,
    }
}

fn grade(s: &str) -> Option<Grade> {
    match s {
        "again" => Some(Grade::Again),
        "hard" => Some(Grade::Hard),
        "good" => Some(Grade::Good),
        "easy" => Some(Grade::Easy),
        _ => None,
    }
}

fn mode(s: &str) -> Option<ReviewMode> {
    match s {
        "drill" => Some(ReviewMode::Drill),
        "mock" => Some(ReviewMode::Mock),
        _ => None,
    }
}

/// What chrono's `Deserialize for DateTime<Utc>` does with a string, with a shortcut for the
/// form prepdeck writes.
fn time(s: &str) -> Option<DateTime<Utc>> {
    utc_time(s.as_bytes()).or_else(|| {
        s.parse::<DateTime<FixedOffset>>()
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// `YYYY-MM-DDTHH:MM:SS[.f]Z` with 1 to 9 fraction digits, as chrono writes a UTC time; any
/// other form (offsets, a leap second, lowercase letters...) is left to chrono's parser.
fn utc_time(b: &[u8]) -> Option<DateTime<Utc>> {
    fn digits(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    }
    let (head, rest) = b.split_at_checked(19)?;
    if head[4] != b'-'
        || head[7] != b'-'
        || head[10] != b'T'
        || head[13] != b':'
        || head[16] != b':'
    {
        return None;
    }
    let year = digits(&head[0..4])?;
    if year < 1000 {
        return None;
    }
    let (month, day) = (digits(&head[5..7])?, digits(&head[8..10])?);
    let (hour, min, sec) = (
        digits(&head[11..13])?,
        digits(&head[14..16])?,
        digits(&head[17..19])?,
    );
    if sec > 59 {
        return None;
    }
    let (&last, rest) = rest.split_last()?;
    if last != b'Z' {
        return None;
    }
    let nanos = match rest {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.and_hms_nano_opt(hour, min, sec, nanos)?.and_utc())
}

struct Cursor<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// JSON whitespace except the newline, which ends the line.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// A string without escapes or control characters (those go to serde).
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        loop {
            match self.next()? {
                b'"' => break,
                b'\\' | 0..0x20 => return None,
                _ => {}
            }
        }
        // Both ends are at a `"`, so on character boundaries.
        self.s.get(start..self.i - 1)
    }

    /// A whole number as JSON writes it (no sign, fraction, exponent or leading zero).
    fn number(&mut self) -> Option<u64> {
        let start = self.i;
        let mut n: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.i += 1;
        }
        let len = self.i - start;
        if len == 0 || (len > 1 && self.b[start] == b'0') {
            return None;
        }
        match self.peek() {
            Some(b'.' | b'e' | b'E') => None,
            _ => Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(line: &str) -> Option<Record> {
        serde_json::from_str::<Record>(line).ok()
    }

    /// The fast reader either declines or agrees with serde.
    fn agrees(line: &str) {
        if let Some((fast, len)) = parse_record_line(line) {
            let (head, rest) = line.split_at(len);
            assert!(rest.is_empty() || rest.starts_with('\n'), "{line}");
            assert_eq!(Some(fast), serde(head), "{line}");
        }
    }

    const REVIEW: &str = r#"{"v":1,"id":"r1","at":"2026-01-02T03:04:05.123456789Z","type":"review","deck":"d","card":"c","grade":"good","took_ms":1500,"mode":"drill"}"#;

    #[test]
    fn reads_what_prepdeck_writes() {
        let (r, len) = parse_record_line(REVIEW).unwrap();
        assert_eq!(Some(r), serde(REVIEW));
        assert_eq!(len, REVIEW.len());
        for line in [
            r#"{"v":1,"id":"u","at":"2026-01-02T03:04:05Z","type":"undo","target":"r1"}"#,
            r#"{"v":1,"id":"s","at":"2026-01-02T03:04:05Z","type":"suspend","deck":"d","card":"c"}"#,
            r#"{"v":1,"id":"s","at":"2026-01-02T03:04:05Z","type":"unsuspend","deck":"d","card":"c"}"#,
            r#"{"v":1,"id":"b","at":"2026-01-02T03:04:05Z","type":"bury","deck":"d","card":"c","until":"2026-01-03T04:00:00Z"}"#,
            r#" { "card":"c" , "v" : 1,"id":"r","at":"2026-01-02T03:04:05+02:00","type":"review","deck":"dé","grade":"easy","took_ms":0,"mode":"mock"}  "#,
        ] {
            assert!(parse_record_line(line).is_some(), "{line}");
            agrees(line);
        }
    }

    #[test]
    fn stops_at_the_newline() {
        let text = format!("{REVIEW}\r\n{REVIEW}\n");
        let (_, len) = parse_record_line(&text).unwrap();
        assert_eq!(len, REVIEW.len() + 1);
        assert_eq!(text.as_bytes()[len], b'\n');
    }

    #[test]
    fn declines_everything_unusual() {
        for line in [
            "",
            "{}",
            "{oops",
            &REVIEW[..50],
            &REVIEW.replace("\"d\"", "\"d\\u0041\""),
            &REVIEW.replace("1500", "1500.0"),
            &REVIEW.replace("1500", "01500"),
            &REVIEW.replace("1500", "-1"),
            &REVIEW.replace("1500", "99999999999999999999999"),
            &REVIEW.replace("\"v\":1", "\"v\":4294967296"),
            &REVIEW.replace("good", "Good"),
            &REVIEW.replace("drill", "exam"),
            &REVIEW.replace("review", "teleport"),
            &REVIEW.replace("\"mode\"", "\"extra\":1,\"mode\""),
            &REVIEW.replace(
                "\"mode\":\"drill\"",
                "\"mode\":\"drill\",\"mode\":\"drill\"",
            ),
            &REVIEW.replace("\"mode\":\"drill\"", "\"mode\":[\"drill\"]"),
            &REVIEW.replace("\"took_ms\":1500,", ""),
            &REVIEW.replace("2026-01-02", "2026-13-02"),
            &format!("{REVIEW} x"),
            &format!("{REVIEW}}}"),
            r#"{"v":1,"id":"x","at":"2026-01-02T03:04:05Z","type":"undo","target":"y","deck":"d"}"#,
            r#"{"v":1,"id":"x","at":"2026-01-02T03:04:05Z","type":"mock_finished","interview":"m","score":1,"completed":true}"#,
        ] {
            assert!(parse_record_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn times_read_like_chrono() {
        for t in [
            "2026-01-02T03:04:05Z",
            "2026-01-02T03:04:05.1Z",
            "2026-01-02T03:04:05.123456789Z",
            "2026-01-02T03:04:05.000000001Z",
            "2024-02-29T23:59:59.5Z",
            "1999-12-31T00:00:00Z",
        ] {
            let chrono = t
                .parse::<DateTime<FixedOffset>>()
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(utc_time(t.as_bytes()), Some(chrono), "{t}");
        }
        for t in [
            "2026-01-02T03:04:60Z",
            "2026-02-29T03:04:05Z",
            "2026-01-02t03:04:05Z",
            "2026-01-02T03:04:05z",
            "2026-01-02 03:04:05Z",
            "2026-01-02T03:04:05+00:00",
            "2026-01-02T03:04:05.Z",
            "2026-01-02T03:04:05.1234567891Z",
            "2026-01-02T24:04:05Z",
            "0999-01-02T03:04:05Z",
            "2026-1-02T03:04:05Z",
        ] {
            assert_eq!(utc_time(t.as_bytes()), None, "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn times_never_disagree_with_chrono(
            y in 990u32..10000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..61,
            s in 0u32..62, frac in proptest::option::of(0u64..10_000_000_000), z in proptest::bool::ANY,
        ) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let t = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{}", if z { "Z" } else { "+00:00" });
            if let Some(ours) = utc_time(t.as_bytes()) {
                let chrono = t.parse::<DateTime<FixedOffset>>().map(|t| t.with_timezone(&Utc));
                proptest::prop_assert_eq!(Ok(ours), chrono, "{}", t);
            }
        }

        #[test]
        fn never_disagrees_with_serde(cut in 0usize..200, byte in 0u8..128, at in 0usize..200) {
            let mut bytes = REVIEW.as_bytes().to_vec();
            let at = at.min(bytes.len() - 1);
            bytes[at] = byte;
            bytes.truncate(cut.max(1));
            if let Ok(line) = String::from_utf8(bytes) {
                agrees(&line);
            }
        }
    }
}
