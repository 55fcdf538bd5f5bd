//! The English verb-last pattern of `word-order`: a verb stranded at the end of its clause
//! ("… have the proposal in principle welcomed").

use super::*;

impl WordOrder {
    /// False when `verb_last_at` cannot report the word `w`: it is neither "has", "have" nor
    /// "had" (the perfect pattern, `PERFECT` in lower case) nor ends with a letter that a
    /// participle of its length may end with (`is_participle`, which asks for lower-case
    /// ASCII letters).
    fn may_end_verb(&self, w: &[u8]) -> bool {
        match w {
            b"has" | b"have" | b"had" => true,
            [.., b] if b.is_ascii_lowercase() => {
                self.participle_ends[w.len().min(31)] & (1 << (b - b'a')) != 0
            }
            _ => false,
        }
    }

    /// Verb stranded at clause end.
    /// `es`: the indices to try, in order (all of `3..n` or those of them that may pass).
    #[inline(never)]
    pub(super) fn verb_last(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
        es: impl Iterator<Item = usize>,
    ) -> Option<(Range<usize>, String)> {
        let bytes = s.text.as_bytes();
        for e in es {
            // Both patterns need one space before word `e` (`gap(s, e - 1) == " "` or
            // `one_space`) and its first character in lower case (`is_lower` or
            // `is_participle`): tested on bytes first, most words fail here.
            let (we, before) = (s.words[e], s.words[e - 1]);
            let first = bytes[we.start];
            if we.start == before.end + 1
                && bytes[before.end] == b' '
                && (first.is_ascii_lowercase() || first >= 0x80)
                && self.may_end_verb(&bytes[we.start..we.end])
                && clause_end(s, e)
            {
                if let Some(f) = self.verb_last_at(s, wf, e) {
                    return Some(f);
                }
            }
        }
        None
    }

    /// [`WordOrder::verb_last`] at word `e`, which ends its clause.
    #[inline(never)]
    fn verb_last_at(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
        e: usize,
    ) -> Option<(Range<usize>, String)> {
        {
            let w = s.word(e);
            let lw = s.lower(e);
            // "… because the government the law passed has."
            if PERFECT.contains(&lw)
                && is_lower(w)
                && self.is_participle(s.word(e - 1), wf)
                && gap(s, e - 1) == " "
                && self.noun_like(s, e - 2)
                && gap(s, e - 2) == " "
            {
                let span = s.words[e - 1].start..s.words[e].end;
                return Some((span.clone(), format!("\"{}\": verb and auxiliary at the end of the clause (German verb-final order)", &s.text[span])));
            }
            // (The cheap tests first: one space before, a word before that is no function
            // word, as `noun_like` asks; then the participle.)
            let one_space = s.words[e].start == s.words[e - 1].end + 1
                && s.text.as_bytes()[s.words[e - 1].end] == b' ';
            if !one_space
                || en_function(s, e - 1)
                || !self.is_participle(w, wf)
                || !self.noun_like(s, e - 1)
            {
                return None;
            }
            // (1) the same verb earlier in the clause: "has expressed … expressed."
            // (2) perfect with its object and an adverbial before the participle:
            //     "has the problem for years ignored."
            // (3) subordinate clause: "that he the contract signed."
            let mut q = e;
            let mut saw_prep = false;
            let mut strict = true;
            while q > 0 {
                q -= 1;
                if q + 1 < e && !phrase_gap(gap(s, q)) {
                    break;
                }
                let wq = s.word(q);
                let lq = s.lower(q);
                if q + 1 < e && wq == w && q >= 1 && PERFECT.contains(&s.lower(q - 1)) {
                    return Some((
                        s.words[e].start..s.words[e].end,
                        format!("\"{w}\" stranded at the end of the clause (German verb-final order); it already stands after \"{}\"", s.word(q - 1)),
                    ));
                }
                if matches!(lq, "and" | "or" | "but" | "which" | "who" | "that") || e - q > 16 {
                    break;
                }
                if !strict {
                    continue;
                }
                if GERMAN_PREPS.contains(&lq) {
                    saw_prep = true;
                }
                if q + 2 < e && PERFECT.contains(&lq) && is_lower(wq) {
                    let next = s.lower(q + 1);
                    if DETS.contains(&next) && e - q >= 5 && saw_prep {
                        return Some((
                            s.words[e].start..s.words[e].end,
                            format!("\"{w}\" stranded at the end of the clause, far from \"{wq}\" (German verb-final order)"),
                        ));
                    }
                    strict = false;
                    continue;
                }
                if q + 2 < e && SUBJ.contains(&lq) && is_lower(wq) {
                    let next = s.lower(q + 1);
                    if DETS.contains(&next)
                        && gap(s, q) == " "
                        && q >= 1
                        && SUBORD.contains(&s.lower(q - 1))
                    {
                        return Some((
                            s.words[q].start..s.words[e].end,
                            format!("\"{}\": verb at the end of the clause after its object (German verb-final order)", &s.text[s.words[q].start..s.words[e].end]),
                        ));
                    }
                    strict = false;
                    continue;
                }
                if STOP.contains(&lq) || lq == "to" {
                    strict = false;
                }
            }
        }
        None
    }
}
