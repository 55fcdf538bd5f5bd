//! Runs `mtlint eval` over the labelled corpus (`tests/corpus/<lang>.tsv`) and fails when a
//! rule's precision drops below the floor recorded in `tests/corpus/precision_floor.tsv`, when
//! clean rows start to be flagged, or when a code without a floor produces a false positive.

use assert_cmd::Command;
use std::collections::BTreeMap;

fn eval(lang: &str) -> serde_json::Value {
    let out = Command::cargo_bin("mtlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "eval",
            &format!("tests/corpus/{lang}.tsv"),
            "--target",
            lang,
        ])
        .args(["--doc-column", "doc", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "eval of {lang}.tsv failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// lang → code → floor; the pseudo-code "(clean rows flagged, at most)" holds the ceiling.
fn floors() -> BTreeMap<String, BTreeMap<String, f64>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/precision_floor.tsv"
    );
    let mut out: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for (i, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let floor: f64 = cols
            .get(2)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("precision_floor.tsv:{}: bad row", i + 1));
        out.entry(cols[0].to_string())
            .or_default()
            .insert(cols[1].to_string(), floor);
    }
    out
}

const CLEAN: &str = "(clean rows flagged, at most)";

#[test]
fn precision_stays_at_or_above_the_recorded_floor() {
    let floors = floors();
    assert_eq!(floors.len(), 4, "floors for en, de, fr, es");
    let mut failures = Vec::new();
    for (lang, codes) in &floors {
        let report = eval(lang);
        let per_code = report["per_code"].as_object().expect("per_code");
        for (code, floor) in codes.iter().filter(|(c, _)| c.as_str() != CLEAN) {
            let p = per_code
                .get(code)
                .and_then(|v| v["precision"].as_f64())
                .unwrap_or(0.0);
            if p + 1e-9 < *floor {
                failures.push(format!(
                    "{lang} {code}: precision {p:.3} < floor {floor:.3}"
                ));
            }
        }
        for (code, v) in per_code {
            let fp = v["fp"].as_u64().unwrap_or(0);
            if fp > 0 && !codes.contains_key(code) {
                failures.push(format!("{lang} {code}: {fp} false positives and no floor"));
            }
        }
        let clean = report["clean_flag_rate"].as_f64().unwrap_or(1.0);
        let ceiling = codes.get(CLEAN).copied().unwrap_or(0.0);
        if clean > ceiling + 1e-9 {
            failures.push(format!(
                "{lang}: clean rows flagged {clean:.3} > {ceiling:.3}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
