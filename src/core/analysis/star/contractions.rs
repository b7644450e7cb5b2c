//! Negative contractions typed without their apostrophe ("cant", "didnt", "wasnt"), read as
//! typed with it.

/// A negative contraction typed without its apostrophe ("cant", "didnt", "wasnt"), read as
/// typed with it ("can t"), as the grammar words expect.
pub(super) fn expand(
    words: Vec<String>,
    hyphened: Vec<bool>,
    comma: Vec<bool>,
) -> (Vec<String>, Vec<bool>, Vec<bool>) {
    const BASES: &[&str] = &[
        "can", "don", "didn", "doesn", "wasn", "weren", "isn", "aren", "couldn", "wouldn",
        "shouldn", "haven", "hasn", "hadn", "won",
    ];
    let mut out = (Vec::new(), Vec::new(), Vec::new());
    for ((w, h), c) in words.into_iter().zip(hyphened).zip(comma) {
        match w.strip_suffix('t').filter(|b| BASES.contains(b)) {
            Some(base) => {
                out.0.extend([base.to_string(), "t".to_string()]);
                out.1.extend([h, false]);
                out.2.extend([c, false]);
            }
            None => {
                out.0.push(w);
                out.1.push(h);
                out.2.push(c);
            }
        }
    }
    out
}
