//! Word tests of `untranslated` that rule a foreign-looking word out (British spellings,
//! typos, inflected target forms) or tell where quoted text is.

use crate::sentence::Sentence;

use super::MAX_CONTENT_EN_COUNT;

/// True when a British spelling of a known (American) English word: "programme",
/// "organisation", "labour", "centre", "analyse".
pub(super) fn british_spelling(en: &crate::lexicon::WordFreq, w: &str) -> bool {
    const REWRITES: [(&str, &str); 10] = [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("mme", "m"),
        ("tre", "ter"),
        ("yse", "yze"),
        ("ence", "ense"),
        ("ogue", "og"),
    ];
    let stems = ["", "s", "es"];
    for suffix in stems {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        for (gb, us) in REWRITES {
            if let Some(stem) = base.strip_suffix(gb) {
                if en.count(&format!("{stem}{us}")) > MAX_CONTENT_EN_COUNT {
                    return true;
                }
            }
        }
        if let Some(k) = base.find("our") {
            if en.count(&format!("{}or{}", &base[..k], &base[k + 3..])) > MAX_CONTENT_EN_COUNT {
                return true;
            }
        }
    }
    false
}

/// True when one edit (a letter dropped, added, changed or two swapped) turns the word into
/// a common English word: a typo ("corna"), not a foreign word.
pub(super) fn near_english(en: &crate::lexicon::WordFreq, w: &str, common: u32) -> bool {
    #[allow(non_snake_case)]
    let COMMON = common;
    let chars: Vec<char> = w.chars().collect();
    let hit = |v: &[char]| en.count(&v.iter().collect::<String>()) >= COMMON;
    let mut buf: Vec<char> = Vec::with_capacity(chars.len() + 1);
    for k in 0..chars.len() {
        buf.clear();
        buf.extend(
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, &c)| c),
        );
        if hit(&buf) {
            return true;
        }
        if k + 1 < chars.len() {
            buf.clear();
            buf.extend_from_slice(&chars);
            buf.swap(k, k + 1);
            if hit(&buf) {
                return true;
            }
        }
    }
    for k in 0..=chars.len() {
        for c in 'a'..='z' {
            buf.clear();
            buf.extend_from_slice(&chars[..k]);
            buf.push(c);
            buf.extend_from_slice(&chars[k..]);
            if hit(&buf) {
                return true;
            }
            if k < chars.len() && chars[k] != c {
                buf.clear();
                buf.extend_from_slice(&chars);
                buf[k] = c;
                if hit(&buf) {
                    return true;
                }
            }
        }
    }
    false
}

/// The count that makes a word "common" in list `tw`: 1000 in the English list, scaled by
/// the size of the other lists (their corpora are smaller).
pub(super) fn near_threshold(tw: &crate::lexicon::WordFreq, en: &crate::lexicon::WordFreq) -> u32 {
    if en.total() == 0 {
        return 1000;
    }
    let scaled = 1000.0 * tw.total() as f64 / en.total() as f64;
    (scaled.round() as u32).clamp(20, 1000)
}

/// True when the target's list knows another inflected form of the word: the German, French
/// and Spanish lists hold only their commonest forms ("stabile" → "stabil", "flexibles").
pub(super) fn inflected(target: &str, tw: &crate::lexicon::WordFreq, w: &str) -> bool {
    let endings: &[&str] = match target {
        "de" => &["e", "en", "er", "es", "em", "n", "s"],
        "fr" => &["e", "s", "es", "x", "ent"],
        "es" => &["s", "es", "a", "as", "o", "os"],
        _ => &[],
    };
    let mut stems = vec![w];
    stems.extend(endings.iter().filter_map(|e| w.strip_suffix(e)));
    stems.iter().any(|stem| {
        stem.chars().count() >= 3
            && (tw.count(stem) > 0 || endings.iter().any(|e| tw.count(&format!("{stem}{e}")) > 0))
    })
}

/// True when a lower-case word is spelled like a German word: umlauts, ß, or a German noun
/// or adjective ending ("Länder", "Regierung", "Gesellschaft", "Mehrheit").
pub(super) fn looks_german(w: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät", "chen",
        "lich", "isch",
    ];
    w.chars().any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß')) || ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Marks the words inside quotation marks (quoted foreign text is there on purpose). German
/// opens with „ and closes with “; English, French and Spanish open with “ « and close with ” ».
pub(super) fn quoted_words(s: &Sentence<'_>, target: &str) -> Vec<bool> {
    let n = s.words.len();
    let mut quoted = vec![false; n];
    let mut inside = false;
    let mut wi = 0;
    let german = target == "de";
    for (b, c) in s.text.char_indices() {
        while wi < n && s.words[wi].start < b {
            quoted[wi] = inside;
            wi += 1;
        }
        match c {
            '„' => inside = true,
            '“' if german => inside = false,
            '“' => inside = true,
            '«' | '»' if german => inside = !inside,
            '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            _ => {}
        }
    }
    while wi < n {
        quoted[wi] = inside;
        wi += 1;
    }
    quoted
}
