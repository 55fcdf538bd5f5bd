//! The English verb-second patterns of `word-order`: a finite verb right after a fronted
//! phrase ("At the summit demanded Olaf Scholz …"), an auxiliary or modal in second place,
//! and "said" first.

use super::*;

impl WordOrder {
    /// False when no key of `first_words` can be the lower-case word `lw` (by its length and
    /// first byte).
    pub(super) fn may_be_first(&self, lw: &str) -> bool {
        match lw.as_bytes().first() {
            Some(&b) if lw.len() < 32 && b.is_ascii_lowercase() => {
                self.first_keys[lw.len()] & (1 << (b - b'a')) != 0
            }
            _ => self.first_keys[0] == u32::MAX,
        }
    }

    /// Noun-like word before a verb: a name, or a lower-case content word.
    pub(super) fn noun_like(&self, s: &Sentence<'_>, i: usize) -> bool {
        let lw = s.lower(i);
        s.function_mask(i) & EN_FUNCTION == 0 && !lw.ends_with("ly") && !STOP.contains(&lw)
    }

    /// "At … emphasized Putin (on Thursday) the importance …", "In … said Selenskyj that …"
    pub(super) fn verb_second(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if n < 6 || !self.fronting.contains(s.lower(0)) || !is_capitalized(s.word(0)) {
            return None;
        }
        for j in 1..n.min(MAX_FRONTED_WORDS + 1) {
            if !phrase_gap(gap(s, j - 1)) {
                return None;
            }
            let w = s.word(j);
            let lw = s.lower(j);
            if is_lower(w) && self.report.contains(lw) {
                let lone_adverb = j == 1 && TIME_WORDS.contains(&s.lower(0));
                if (j < 2 && !lone_adverb) || !self.noun_like(s, j - 1) {
                    return None;
                }
                if let Some(f) = self.verb_second_tail(s, j) {
                    return Some(f);
                }
                if let Some(f) = self.verb_second_short(s, j) {
                    return Some(f);
                }
                return self.verb_second_det(s, j);
            }
            if STOP.contains(&lw) || PERFECT.contains(&lw) {
                return None;
            }
            if is_lower(w) && self.is_participle(w, wf) {
                return None;
            }
        }
        None
    }

    fn verb_second_tail(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j + 2 >= n || gap(s, j) != " " {
            return None;
        }
        // the subject: a name of one to four capitalized words, not a possessive.
        let mut k = j + 1;
        while k < n && is_capitalized(s.word(k)) && s.words[k].alpha && !en_function(s, k) {
            if s.word(k).ends_with("'s") || s.word(k).ends_with("’s") {
                return None;
            }
            if k > j + 1 && !matches!(gap(s, k - 1), " " | "-") {
                break;
            }
            k += 1;
        }
        let name = k - (j + 1);
        if name == 0 || name > 4 {
            return None;
        }
        // optional adverbial ("on Thursday (November 9th)", "(14. February)"), then the object.
        let mut m = k;
        while m < n && m < k + 7 {
            let day_dot = gap(s, m - 1) == ". "
                && s.word(m - 1).len() <= 2
                && s.word(m - 1).bytes().all(|b| b.is_ascii_digit());
            if !phrase_gap(gap(s, m - 1)) && !day_dot {
                return None;
            }
            let w = s.word(m);
            let lw = s.lower(m);
            if is_lower(w) && OPENERS.contains(&lw) {
                if lw == "that" {
                    if !self.say.contains(s.lower(j)) {
                        return None;
                    }
                } else if m + 1 >= n || TIME.contains(&s.lower(m + 1)) {
                    return None;
                }
                let verb = s.word(j);
                let subj = &s.text[s.words[j + 1].start..s.words[k - 1].end];
                return Some((
                    s.words[j].start..s.words[k - 1].end,
                    format!(
                        "\"{verb} {subj}\": verb before its subject after a fronted phrase (German verb-second order); English puts the subject first: \"{subj} {verb}\""
                    ),
                ));
            }
            if (is_lower(w) && ADVERBIAL.contains(&lw)) || is_capitalized(w) || !s.words[m].alpha {
                m += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// "At the summit in Brussels demanded the chancellor a faster expansion …": a fronted
    /// chain of prepositional phrases (one noun phrase after each preposition, so no room for
    /// a subject), the verb, a determiner subject of at most four words, then "a"/"an" opening
    /// the object (or "that" after a verb of saying).
    fn verb_second_det(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if !pp_chain(s, j) || j + 3 >= n || gap(s, j) != " " {
            return None;
        }
        let det = s.word(j + 1);
        if !matches!(det, "the" | "his" | "her" | "its" | "their") {
            return None;
        }
        for m in j + 2..n.min(j + 7) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if !is_lower(w) {
                return None;
            }
            if m >= j + 3
                && (matches!(w, "a" | "an") || (w == "that" && self.say.contains(s.lower(j))))
            {
                let verb = s.word(j);
                let subj = &s.text[s.words[j + 1].start..s.words[m - 1].end];
                return Some((
                    s.words[j].start..s.words[m - 1].end,
                    format!(
                        "\"{verb} {subj}\": verb before its subject after a fronted phrase (German verb-second order); English puts the subject first: \"{subj} {verb}\""
                    ),
                ));
            }
            if en_function(s, m)
                || STOP.contains(&w)
                || w.ends_with("ly")
                || self.report.contains(w)
                || w.ends_with("ed")
            {
                return None;
            }
        }
        None
    }

    /// "On Tuesday announced the government new relief …": a fronted time phrase with no room
    /// for a subject, then the verb, then a determiner.
    fn verb_second_short(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j > 3 || j + 2 >= n || gap(s, j) != " " {
            return None;
        }
        let prev = s.word(j - 1);
        let time = TIME_WORDS.contains(&s.lower(j - 1)) || prev.chars().all(|c| c.is_ascii_digit());
        let next = s.word(j + 1);
        let ln = s.lower(j + 1);
        if !time || !is_lower(next) || !DETS.contains(&ln) || TIME.contains(&s.lower(j + 2)) {
            return None;
        }
        let verb = s.word(j);
        Some((
            s.words[j].start..s.words[j + 1].end,
            format!("\"{verb} {next} …\": verb before its subject after a fronted phrase (German verb-second order)"),
        ))
    }

    /// "Said the president that …": a reporting verb opening the sentence, its subject, then "that".
    pub(super) fn said_first(&self, s: &Sentence<'_>) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        let w0 = s.word(0);
        if n < 5 || !is_capitalized(w0) || !self.say.contains(s.lower(0)) || gap(s, 0) != " " {
            return None;
        }
        for k in 1..n.min(6) {
            if k > 1 && gap(s, k - 1) != " " {
                return None;
            }
            let w = s.word(k);
            if w == "that" && k >= 2 {
                return Some((
                    s.words[0].start..s.words[k - 1].end,
                    format!(
                        "\"{}\": verb before its subject (German verb-second order)",
                        &s.text[s.words[0].start..s.words[k - 1].end]
                    ),
                ));
            }
            let lw = s.lower(k);
            if STOP.contains(&lw) || (en_function(s, k) && !DETS.contains(&lw)) {
                return None;
            }
        }
        None
    }

    /// "Because the talks failed, will the strike continue": a modal opening a main clause
    /// after a comma, followed by its subject, in a sentence that is not a question.
    /// `is`: the indices to try, in order (all of `2..n - 2` or those of them that may pass).
    pub(super) fn modal_after_comma(
        &self,
        s: &Sentence<'_>,
        is: impl Iterator<Item = usize>,
    ) -> Option<(Range<usize>, String)> {
        for i in is {
            // A comma before (tested below: the gap trims to ","), a modal of 3 to 6 letters
            // starting with c, m, s or w: most words are ruled out on bytes, without
            // comparing them with the list.
            let wi = s.words[i];
            let bytes = s.text.as_bytes();
            if !(3..=6).contains(&(wi.end - wi.start))
                || !matches!(bytes[wi.start], b'c' | b'm' | b's' | b'w')
            {
                continue;
            }
            let gap_before = &bytes[s.words[i - 1].end..wi.start];
            if gap_before == b" " || !gap_before.contains(&b',') {
                continue;
            }
            let w = s.word(i);
            if !MODALS.contains(&w) || gap(s, i - 1).trim() != "," || gap(s, i) != " " {
                continue;
            }
            let next = s.word(i + 1);
            if !DETS.contains(&next) || TIME.contains(&s.lower(i + 2)) {
                continue;
            }
            return Some((
                s.words[i].start..s.words[i + 1].end,
                format!("\"{w} {next}\": modal verb before its subject after a fronted clause (German verb-second order)"),
            ));
        }
        None
    }

    /// "Since the beginning of the war have more than six million people fled."
    pub(super) fn aux_second(
        &self,
        s: &Sentence<'_>,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if n < 7 || !self.clause_openers.contains(s.lower(0)) || !is_capitalized(s.word(0)) {
            return None;
        }
        let mut seg_start = 1; // first word after the last preposition
        let mut dets_in_seg = 0;
        for j in 1..n.min(14) {
            if !phrase_gap(gap(s, j - 1)) {
                return None;
            }
            let w = s.word(j);
            let lw = s.lower(j);
            if is_lower(w) && PERFECT.contains(&lw) {
                if j < 2 || is_capitalized(s.word(j - 1)) || !self.noun_like(s, j - 1) {
                    return None;
                }
                return self.aux_second_tail(s, j, wf);
            }
            if is_lower(w) && MODALS.contains(&lw) {
                return self.modal_second(s, j);
            }
            if is_lower(w) && BE.contains(&lw) {
                return self.be_second(s, j, wf);
            }
            if STOP.contains(&lw) {
                return None;
            }
            if is_lower(w) && self.is_participle(w, wf) {
                return None;
            }
            if is_lower(w) && (LINKING_PREPS.contains(&lw) || TIME_PREPS.contains(&lw)) {
                seg_start = j + 1;
                dets_in_seg = 0;
                continue;
            }
            // one noun phrase per preposition: a determiner or quantifier later in the
            // segment starts a second noun phrase, which would be an English subject.
            if DETS.contains(&lw) || QUANT.contains(&lw) || !s.words[j].alpha {
                dets_in_seg += 1;
                if j != seg_start || dets_in_seg > 1 {
                    return None;
                }
            }
        }
        None
    }

    /// "In the coming weeks will the council vote …"
    fn modal_second(&self, s: &Sentence<'_>, j: usize) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j < 2 || j + 2 >= n || gap(s, j) != " " || !self.noun_like(s, j - 1) {
            return None;
        }
        let modal = s.word(j);
        // "in his last will the writer …": the noun "will"
        if modal == "will" && (WILL_NOUN.contains(&s.lower(j - 1)) || s.word(j - 1).ends_with("al"))
        {
            return None;
        }
        let next = s.word(j + 1);
        let ln = s.lower(j + 1);
        let subject = (is_lower(next) && (DETS.contains(&ln) || QUANT.contains(&ln)))
            || (is_capitalized(next) && s.words[j + 1].alpha && !en_function(s, j + 1));
        if !subject || TIME.contains(&s.lower(j + 2)) {
            return None;
        }
        Some((
            s.words[j].start..s.words[j + 1].end,
            format!("\"{modal} {next}\": modal verb before its subject after a fronted phrase (German verb-second order)"),
        ))
    }

    /// "In Hamburg were several streets flooded after the storm."
    fn be_second(
        &self,
        s: &Sentence<'_>,
        j: usize,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        if j < 2 || j + 3 >= n || gap(s, j) != " " || !self.noun_like(s, j - 1) {
            return None;
        }
        let ln = s.lower(j + 1);
        if !(is_lower(s.word(j + 1)) && (DETS.contains(&ln) || QUANT.contains(&ln))) {
            return None;
        }
        for m in j + 2..n.min(j + 6) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if self.is_participle(w, wf) {
                let after_ok = clause_end(s, m)
                    || (m + 1 < n && gap(s, m) == " " && BE_AFTER.contains(&s.lower(m + 1)));
                if !after_ok {
                    return None;
                }
                return Some((
                    s.words[j].start..s.words[m].end,
                    format!(
                        "\"{}\": verb before its subject after a fronted phrase (German verb-second order)",
                        &s.text[s.words[j].start..s.words[m].end]
                    ),
                ));
            }
            let lw = s.lower(m);
            if STOP.contains(&lw)
                || lw == "to"
                || en_function(s, m) && !QUANT.contains(&lw) && lw != "of"
            {
                return None;
            }
        }
        None
    }

    fn aux_second_tail(
        &self,
        s: &Sentence<'_>,
        j: usize,
        wf: &Lexicons,
    ) -> Option<(Range<usize>, String)> {
        let n = s.words.len();
        let k = j + 1;
        if k >= n || gap(s, j) != " " {
            return None;
        }
        let first = s.word(k);
        if !(QUANT.contains(&first)
            || s.words[k].start < s.words[k].end && first.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        for m in k + 1..n.min(k + 9) {
            if gap(s, m - 1) != " " {
                return None;
            }
            let w = s.word(m);
            if self.is_participle(w, wf) {
                // "has a defined behaviour", "had the highest recorded rate": adjectives
                let adjective =
                    m == k + 1 || (m + 1 < n && gap(s, m) == " " && !en_function(s, m + 1));
                if adjective {
                    return None;
                }
                let aux = s.word(j);
                return Some((
                    s.words[j].start..s.words[m].end,
                    format!(
                        "\"{}\": auxiliary \"{aux}\" before its subject after a fronted phrase (German verb-second order)",
                        &s.text[s.words[j].start..s.words[m].end]
                    ),
                ));
            }
            let lw = s.lower(m);
            if STOP.contains(&lw) || PERFECT.contains(&lw) || lw == "to" {
                return None;
            }
        }
        None
    }
}
