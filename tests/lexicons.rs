//! Lexicon integrity: every shipped file says where its entries come from and under which
//! licence, parses, and is accepted by the engine.

use mtlint::lexicon::Lexicons;

fn data_files() -> Vec<&'static str> {
    Lexicons::builtin()
        .paths()
        .filter(|p| p.ends_with(".txt") || p.ends_with(".tsv"))
        .map(|p| {
            let p: &'static str = Box::leak(p.to_string().into_boxed_str());
            p
        })
        .collect()
}

#[test]
fn every_file_names_its_source_and_licence() {
    let lex = Lexicons::builtin();
    let files = data_files();
    assert!(files.len() > 20, "lexicons missing: {files:?}");
    for p in files {
        let head: Vec<&str> = lex.file(p).unwrap().lines().take(12).collect();
        assert!(
            head.iter().any(|l| l.starts_with("# source:")),
            "{p} has no '# source:' line"
        );
        let licence = head
            .iter()
            .find(|l| l.starts_with("# licence:"))
            .unwrap_or_else(|| panic!("{p} has no '# licence:' line"));
        let lower = licence.to_lowercase();
        for banned in ["gpl", "research", "non-commercial", "share-alike", "by-sa"] {
            assert!(
                !lower.contains(banned),
                "{p}: licence not allowed: {licence}"
            );
        }
    }
}

#[test]
fn tables_parse() {
    let lex = Lexicons::builtin();
    for p in data_files().into_iter().filter(|p| p.ends_with(".tsv")) {
        lex.table(p, 2).unwrap_or_else(|e| panic!("{e}"));
    }
    let exonyms = lex.table("exonyms.tsv", 4).unwrap();
    assert!(exonyms
        .iter()
        .any(|r| r[0] == "Moskau" && r[1] == "de" && r[2] == "Moscow"));
}

#[test]
fn word_lists_have_counts() {
    let lex = Lexicons::builtin();
    for lang in mtlint::lexicon::LANGS {
        let w = lex.words(lang);
        assert!(w.len() > 10_000, "words/{lang}.tsv too small: {}", w.len());
        assert!(w.total() > 0);
    }
    let en = lex.words("en");
    assert!(en.count("the") > en.count("agriculture"));
    assert!(!en.contains("travelagriculture"));
}

#[test]
fn notice_credits_every_source() {
    let notice = Lexicons::builtin().file("NOTICE").expect("lexicons/NOTICE");
    for name in ["pyspellchecker", "CLDR", "Snowball"] {
        assert!(notice.contains(name), "NOTICE does not credit {name}");
    }
}

#[test]
fn the_engine_accepts_the_builtin_lexicons() {
    mtlint::Engine::default_engine().expect("engine builds from the built-in lexicons");
}
