//! Spellings related as one name: by transliteration (Wladimir / Vladimir), by exonym
//! (Moskau / Moscow), and in groups of `variants.tsv`, of the same letters without accents or
//! with German letters written out.

use super::distance::MAX_EDIT_FORMS;
use super::forms::{form_of, Forms, Spellings};
use super::NameVariant;
use crate::lexicon::WordFreq;
use crate::translit::{fold, Translit};
use rustc_hash::FxHashMap;

/// Lower case with German letters written out (ä → ae, ö → oe, ü → ue, ß → ss): Muenchen and
/// München, Aidenbachstrasse and Aidenbachstraße are one spelling.
fn german_ascii(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 4);
    for c in w.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// True when an ASCII word may be a German spelling with the letters written out.
fn has_written_out_letter(w: &str) -> bool {
    w.as_bytes()
        .windows(2)
        .any(|p| matches!(p, b"ss" | b"ae" | b"oe" | b"ue"))
}

impl NameVariant {
    /// Groups of spellings that are one name: a group of `variants.tsv` (Kyiv / Kiev), the
    /// same letters without accents (Erdogan / Erdoğan), German letters written out
    /// (Schöneberg / Schoeneberg). Members in the order of `names`; only groups that can pair
    /// two spellings. The groups themselves come in no particular order.
    fn groups(&self, names: &[usize], f: &Forms<'_>) -> Vec<Vec<usize>> {
        let forms = &f.forms;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        // (Most documents have no spelling of `variants.tsv` and only ASCII ones: nothing to
        // group.)
        if !f.variants && !f.non_ascii {
            return groups;
        }
        // (group, position in `names`, name)
        let mut hits: Vec<(usize, usize, usize)> = names
            .iter()
            .enumerate()
            .filter_map(|(k, &n)| Some((forms[n].tables?.variant?, k, n)))
            .collect();
        hits.sort_unstable();
        for run in hits.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            groups.push(run.iter().map(|&(_, _, n)| n).collect());
        }
        // Without accents / with German letters written out: an ASCII name's key is its
        // lower-case form, so the ASCII names of a key have one lower-case form and make no
        // pair among themselves. Only the keys of non-ASCII names can pair spellings.
        let keys: Vec<(usize, String, String)> = names
            .iter()
            .filter(|&&n| !forms[n].ascii)
            .map(|&n| (n, fold(forms[n].text), german_ascii(forms[n].text)))
            .collect();
        if keys.is_empty() {
            return groups;
        }
        let mut folded: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut german: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (_, fk, gk) in &keys {
            folded.entry(fk).or_default();
            german.entry(gk).or_default();
        }
        let mut k = keys.iter().peekable();
        for &n in names {
            let t = forms[n].text;
            if let Some((_, fk, gk)) = k.next_if(|(m, _, _)| *m == n) {
                folded.entry(fk).or_default().push(n);
                german.entry(gk).or_default().push(n);
                continue;
            }
            // (`lower` of an ASCII name is its ASCII lower case: its folded and German forms.)
            let l = forms[n].lower.as_ref();
            if let Some(g) = folded.get_mut(l) {
                g.push(n);
            }
            if has_written_out_letter(t) {
                if let Some(g) = german.get_mut(l) {
                    g.push(n);
                }
            }
        }
        groups.extend(folded.into_values().filter(|g| g.len() > 1));
        groups.extend(german.into_values().filter(|g| g.len() > 1));
        groups
    }

    /// Pairs (rarer candidate, related spelling, whether two people may be meant), made by
    /// visiting the spellings in the order of their first occurrence. What makes a pair is the two spellings
    /// themselves; where they occur decides only whether they are two people
    /// ([`Forms::different_people`], left to the caller).
    pub(super) fn related(
        &self,
        f: &Forms<'_>,
        index: &Spellings<'_>,
        en: &WordFreq,
    ) -> Vec<(usize, usize, bool)> {
        let forms = &f.forms;
        let names = 0..forms.len();
        let mut related: Vec<(usize, usize, bool)> = Vec::new();
        // Transliteration: a German-style form whose English reading the document uses.
        for n in names.clone() {
            let form = &forms[n];
            // (An English count says "in English" without a lookup: tested first.)
            if form.en_count > 0 || !Translit::may_be_german_style(form.text) || form.in_english(en)
            {
                continue;
            }
            self.translit.with_readings(form.text, |readings| {
                for c in readings.iter() {
                    if let Some(k) = form_of(index, c) {
                        related.push((n, k, false));
                    }
                }
            });
        }
        // Exonyms (Moskau → Moscow): the foreign form is the variant.
        for n in names.clone() {
            if let Some(e) = forms[n].tables.and_then(|x| x.exonym.as_deref()) {
                if let Some(k) = form_of(index, e) {
                    related.push((n, k, false));
                }
            }
        }
        // Known alternative spellings (Kyiv / Kiev) and accent variants (Erdogan / Erdoğan).
        let all: Vec<usize> = names.clone().collect();
        for g in self.groups(&all, f) {
            for &a in &g {
                for &b in &g {
                    if a != b && !forms[a].same_lower(&forms[b]) {
                        related.push((a, b, true));
                    }
                }
            }
        }
        // A book-length document with tens of thousands of names: the quadratic comparison is
        // skipped (the transliteration, exonym and variant relations above still apply).
        if names.len() <= MAX_EDIT_FORMS {
            self.close_pairs(f, en, &mut related);
        }
        related
    }
}
