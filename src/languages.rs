//! The facts of each language, in one table: its code (ISO 639-1, as in every output), its
//! whatlang language (hence its ISO 639-3 code), its English name, its script, and whether the
//! lexicons hold its word list and function words. Every other list of languages in the crate
//! is read from here.

use whatlang::Lang;

/// The writing system of a language, coarsely (enough to tell "same script" apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Chinese characters (also Japanese).
    Han,
    /// Arabic.
    Arabic,
    /// Devanagari.
    Devanagari,
    /// Greek.
    Greek,
    /// Hebrew.
    Hebrew,
    /// Korean.
    Hangul,
    /// Thai.
    Thai,
}

/// One language.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// ISO 639-1 code, as outputs and options show it.
    pub code: &'static str,
    /// whatlang's language (its `code()` is the ISO 639-3 code).
    pub whatlang: Lang,
    /// English name, for messages.
    pub name: &'static str,
    /// Script family.
    pub script: Script,
}

impl Language {
    /// The ISO 639-3 code.
    pub fn iso3(&self) -> &'static str {
        self.whatlang.code()
    }
}

const fn lang(code: &'static str, whatlang: Lang, name: &'static str, script: Script) -> Language {
    Language {
        code,
        whatlang,
        name,
        script,
    }
}

/// How many languages, the first of [`LANGUAGES`], have word lists (`words/<code>.tsv`) and
/// function words (`function/<code>.txt`) in the lexicons.
pub const LEXICON_COUNT: usize = 8;

/// Every language with an ISO 639-1 code that whatlang detects. The first [`LEXICON_COUNT`]
/// are the lexicon languages, in the order of [`LEXICON_LANGS`].
pub const LANGUAGES: [Language; 36] = [
    lang("en", Lang::Eng, "English", Script::Latin),
    lang("de", Lang::Deu, "German", Script::Latin),
    lang("fr", Lang::Fra, "French", Script::Latin),
    lang("es", Lang::Spa, "Spanish", Script::Latin),
    lang("it", Lang::Ita, "Italian", Script::Latin),
    lang("pt", Lang::Por, "Portuguese", Script::Latin),
    lang("nl", Lang::Nld, "Dutch", Script::Latin),
    lang("ru", Lang::Rus, "Russian", Script::Cyrillic),
    lang("uk", Lang::Ukr, "Ukrainian", Script::Cyrillic),
    lang("pl", Lang::Pol, "Polish", Script::Latin),
    lang("cs", Lang::Ces, "Czech", Script::Latin),
    lang("sk", Lang::Slk, "Slovak", Script::Latin),
    lang("sv", Lang::Swe, "Swedish", Script::Latin),
    lang("da", Lang::Dan, "Danish", Script::Latin),
    lang("nb", Lang::Nob, "Bokmal", Script::Latin),
    lang("fi", Lang::Fin, "Finnish", Script::Latin),
    lang("et", Lang::Est, "Estonian", Script::Latin),
    lang("lv", Lang::Lav, "Latvian", Script::Latin),
    lang("lt", Lang::Lit, "Lithuanian", Script::Latin),
    lang("hu", Lang::Hun, "Hungarian", Script::Latin),
    lang("ro", Lang::Ron, "Romanian", Script::Latin),
    lang("bg", Lang::Bul, "Bulgarian", Script::Cyrillic),
    lang("hr", Lang::Hrv, "Croatian", Script::Latin),
    lang("sr", Lang::Srp, "Serbian", Script::Cyrillic),
    lang("sl", Lang::Slv, "Slovene", Script::Latin),
    lang("el", Lang::Ell, "Greek", Script::Greek),
    lang("tr", Lang::Tur, "Turkish", Script::Latin),
    lang("ar", Lang::Ara, "Arabic", Script::Arabic),
    lang("he", Lang::Heb, "Hebrew", Script::Hebrew),
    lang("zh", Lang::Cmn, "Mandarin", Script::Han),
    lang("ja", Lang::Jpn, "Japanese", Script::Han),
    lang("ko", Lang::Kor, "Korean", Script::Hangul),
    lang("hi", Lang::Hin, "Hindi", Script::Devanagari),
    lang("vi", Lang::Vie, "Vietnamese", Script::Latin),
    lang("id", Lang::Ind, "Indonesian", Script::Latin),
    lang("th", Lang::Tha, "Thai", Script::Thai),
];

/// The codes of the languages whose word lists and function words the lexicons hold. Bit `k`
/// of a function-word mask ([`crate::sentence::WordFacts::function`]) is language `k` here.
pub const LEXICON_LANGS: [&str; LEXICON_COUNT] = {
    let mut codes = [""; LEXICON_COUNT];
    let mut i = 0;
    while i < LEXICON_COUNT {
        codes[i] = LANGUAGES[i].code;
        i += 1;
    }
    codes
};

/// Index of English in [`LEXICON_LANGS`] (and its bit in function-word masks).
pub const EN: usize = lexicon_index("en").unwrap();

/// Index of a language in [`LEXICON_LANGS`], at compile time: `lexicon_index("de")`.
pub const fn lexicon_index(code: &str) -> Option<usize> {
    let mut i = 0;
    while i < LEXICON_COUNT {
        if same(LEXICON_LANGS[i].as_bytes(), code.as_bytes()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Byte equality, at compile time.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The language of an ISO 639-1 code.
pub fn by_code(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The code of a whatlang language: ISO 639-1 when the table has it, else ISO 639-3.
pub fn code_of(l: Lang) -> &'static str {
    match LANGUAGES.iter().find(|x| x.whatlang == l) {
        Some(x) => x.code,
        None => l.code(),
    }
}

/// Parses a language given by the user: ISO 639-1 (`en`) or 639-3 (`eng`), any case.
pub fn parse(s: &str) -> Option<&'static str> {
    let s = s.trim().to_lowercase();
    if let Some(l) = Lang::from_code(&s) {
        return Some(code_of(l));
    }
    Lang::all().iter().map(|&l| code_of(l)).find(|&c| c == s)
}

/// The ISO 639-3 code of a code from [`code_of`] (those without an ISO 639-1 code are that
/// already).
pub fn iso3(code: &str) -> &str {
    match by_code(code) {
        Some(l) => l.iso3(),
        None => code,
    }
}

/// The English name of a code from [`code_of`], or the code itself when whatlang does not know it.
pub fn name(code: &str) -> String {
    match by_code(code) {
        Some(l) => l.name.to_string(),
        None => {
            Lang::from_code(code).map_or_else(|| code.to_string(), |l| l.eng_name().to_string())
        }
    }
}

/// The script of a code from [`code_of`]; Latin for a language the table does not hold.
pub fn script(code: &str) -> Script {
    by_code(code).map_or(Script::Latin, |l| l.script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_agree_with_whatlang() {
        for l in LANGUAGES {
            assert_eq!(l.name, l.whatlang.eng_name(), "{}", l.code);
            assert_eq!(l.code.len(), 2, "{}", l.code);
            assert_eq!(code_of(l.whatlang), l.code);
            assert_eq!(parse(l.code), Some(l.code));
            assert_eq!(parse(&l.iso3().to_uppercase()), Some(l.code));
            assert_eq!(iso3(l.code), l.iso3());
        }
        let codes: std::collections::HashSet<&str> = LANGUAGES.iter().map(|l| l.code).collect();
        assert_eq!(codes.len(), LANGUAGES.len(), "a code is listed twice");
    }

    #[test]
    fn lexicon_languages_and_their_indices() {
        assert_eq!(
            LEXICON_LANGS,
            ["en", "de", "fr", "es", "it", "pt", "nl", "ru"]
        );
        assert_eq!(EN, 0);
        assert_eq!(lexicon_index("nl"), Some(6));
        assert_eq!(lexicon_index("pl"), None);
    }

    #[test]
    fn languages_outside_the_table() {
        // Romanian is in the table; Belarusian (whatlang "bel") has no code of ours.
        assert_eq!(name("ro"), "Romanian");
        assert_eq!(name("bel"), "Belarusian");
        assert_eq!(name("xx"), "xx");
        assert_eq!(iso3("bel"), "bel");
        assert_eq!(script("ru"), Script::Cyrillic);
        assert_eq!(script("bel"), Script::Latin);
        assert_eq!(parse("klingon"), None);
    }
}
