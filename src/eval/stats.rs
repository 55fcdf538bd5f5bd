//! Dependency-free statistics for evaluating mtlint against annotated data:
//! correlations (Pearson, Spearman, Kendall tau-b), partial and length-binned
//! correlations, ROC AUC, and precision/recall/F1 counts.
//!
//! Conventions shared by every function here:
//! - Paired inputs must have equal lengths; otherwise the result is `None`.
//! - A statistic that is undefined (too few points, zero variance, an empty
//!   class, ...) is `None`, never `NaN`.
//! - NaN is not treated as missing data. Callers must filter out rows with NaN
//!   before calling; results on inputs containing NaN are unspecified (though
//!   no function panics on them).
//! - `-0.0` and `0.0` are treated as equal (tied).

use std::cmp::Ordering;

/// Total order on `f64` used for sorting and tie detection: `-0.0 == 0.0`,
/// otherwise `f64::total_cmp`.
fn cmp_f64(a: f64, b: f64) -> Ordering {
    // Adding +0.0 maps -0.0 to +0.0 and leaves every other value unchanged.
    (a + 0.0).total_cmp(&(b + 0.0))
}

/// Arithmetic mean of `x`; `None` when `x` is empty.
pub fn mean(x: &[f64]) -> Option<f64> {
    if x.is_empty() {
        return None;
    }
    Some(x.iter().sum::<f64>() / x.len() as f64)
}

/// Pearson product-moment correlation of `x` and `y`.
///
/// Returns `None` when the lengths differ, when there are fewer than 2
/// points, when either input has zero variance, or when the result is not
/// finite (e.g. the input contained NaN or infinities).
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let mx = mean(x)?;
    let my = mean(y)?;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    // Written as a positive test so that NaN sums are rejected too.
    let has_variance = sxx > 0.0 && syy > 0.0;
    if !has_variance {
        return None;
    }
    let r = sxy / (sxx.sqrt() * syy.sqrt());
    if !r.is_finite() {
        return None;
    }
    Some(r.clamp(-1.0, 1.0))
}

/// 1-based ranks of `x`, where tied values all receive the average of the
/// ranks they span (e.g. `[10, 20, 20, 5]` → `[2, 3.5, 3.5, 1]`).
///
/// NaN values are not handled specially: callers must filter them out first.
pub fn average_ranks(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp_f64(x[a], x[b]));
    let mut ranks = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && cmp_f64(x[idx[start]], x[idx[end]]) == Ordering::Equal {
            end += 1;
        }
        // Positions start..end (0-based) hold ranks start+1..=end; average them.
        let avg = (start + 1 + end) as f64 / 2.0;
        for &i in &idx[start..end] {
            ranks[i] = avg;
        }
        start = end;
    }
    ranks
}

/// Spearman rank correlation: Pearson correlation of the average ranks of
/// `x` and `y`, so ties are handled exactly (no `1 - 6Σd²/...` shortcut).
///
/// `None` under the same conditions as [`pearson`] (applied to the ranks),
/// e.g. fewer than 2 points or all values of one input tied.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    pearson(&average_ranks(x), &average_ranks(y))
}

/// Number of tied pairs, `Σ t(t-1)/2` over runs of equal values, in a slice
/// whose equal elements are adjacent.
fn tied_pairs<T>(sorted: &[T], eq: impl Fn(&T, &T) -> bool) -> u64 {
    let mut total = 0u64;
    let mut run = 1u64;
    for w in sorted.windows(2) {
        if eq(&w[0], &w[1]) {
            run += 1;
        } else {
            total += run * (run - 1) / 2;
            run = 1;
        }
    }
    total + run * (run - 1) / 2
}

/// Sorts `v` ascending with a stable merge sort and returns the number of
/// strict inversions (pairs `i < j` with `v[i] > v[j]`), i.e. the number of
/// adjacent exchanges a bubble sort would need. `buf` must have `v`'s length.
fn merge_sort_count(v: &mut [f64], buf: &mut [f64]) -> u64 {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let mut swaps = merge_sort_count(&mut v[..mid], &mut buf[..mid])
        + merge_sort_count(&mut v[mid..], &mut buf[mid..]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if cmp_f64(v[j], v[i]) == Ordering::Less {
            // v[j] jumps over every remaining element of the left half.
            buf[k] = v[j];
            j += 1;
            swaps += (mid - i) as u64;
        } else {
            buf[k] = v[i];
            i += 1;
        }
        k += 1;
    }
    buf[k..k + (mid - i)].copy_from_slice(&v[i..mid]);
    k += mid - i;
    buf[k..].copy_from_slice(&v[j..]);
    v.copy_from_slice(buf);
    swaps
}

/// Kendall's tau-b rank correlation, with the standard tie corrections:
///
/// `tau_b = (C - D) / sqrt((n0 - n1) * (n0 - n2))`, where `C`/`D` are the
/// concordant/discordant pair counts, `n0 = n(n-1)/2`, and `n1`/`n2` are the
/// numbers of pairs tied in `x`/`y`.
///
/// Runs in O(n log n) (Knight's algorithm: sort by `x` then `y`, count tied
/// pairs in `x` and jointly in `(x, y)`, then merge-sort `y` counting
/// exchanges, and count tied pairs in `y`), so n = 100,000 is fast.
///
/// Returns `None` when the lengths differ, for fewer than 2 points, or when
/// all values of `x` or of `y` are tied.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n != y.len() || n < 2 {
        return None;
    }
    let mut pairs: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
    pairs.sort_by(|a, b| cmp_f64(a.0, b.0).then_with(|| cmp_f64(a.1, b.1)));

    let n_u = n as u64;
    let n0 = n_u * (n_u - 1) / 2;
    let eq = |a: f64, b: f64| cmp_f64(a, b) == Ordering::Equal;
    let n1 = tied_pairs(&pairs, |a, b| eq(a.0, b.0));
    let n3 = tied_pairs(&pairs, |a, b| eq(a.0, b.0) && eq(a.1, b.1));

    // With x ascending (and y ascending within x ties), every strict
    // inversion of the y sequence is exactly one discordant pair.
    let mut ys: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let mut buf = vec![0.0; n];
    let discordant = merge_sort_count(&mut ys, &mut buf);
    let n2 = tied_pairs(&ys, |&a, &b| eq(a, b));

    if n1 >= n0 || n2 >= n0 {
        return None;
    }
    // C - D = (n0 - n1 - n2 + n3 - D) - D; computed in i128 to avoid overflow.
    let c_minus_d = n0 as i128 - n1 as i128 - n2 as i128 + n3 as i128 - 2 * discordant as i128;
    let denom = ((n0 - n1) as f64).sqrt() * ((n0 - n2) as f64).sqrt();
    Some((c_minus_d as f64 / denom).clamp(-1.0, 1.0))
}

/// First-order partial correlation from the three pairwise correlations:
/// `(r_xy - r_xz r_yz) / sqrt((1 - r_xz²)(1 - r_yz²))`.
/// `None` when `z` is (numerically) perfectly correlated with `x` or `y`:
/// `1 - r² <= 1e-12`, so rounding error in an exact ±1 cannot leak through.
fn partial_from(rxy: f64, rxz: f64, ryz: f64) -> Option<f64> {
    const MIN_UNEXPLAINED: f64 = 1e-12;
    let (ux, uy) = (1.0 - rxz * rxz, 1.0 - ryz * ryz);
    let well_defined = ux > MIN_UNEXPLAINED && uy > MIN_UNEXPLAINED;
    if !well_defined {
        return None;
    }
    let denom = (ux * uy).sqrt();
    let r = (rxy - rxz * ryz) / denom;
    if !r.is_finite() {
        return None;
    }
    Some(r.clamp(-1.0, 1.0))
}

/// Pearson partial correlation of `x` and `y` controlling for `z`, computed
/// from the pairwise Pearson correlations
/// (`(r_xy - r_xz r_yz) / sqrt((1 - r_xz²)(1 - r_yz²))`).
///
/// Returns `None` when lengths differ, when any pairwise correlation is
/// undefined, or when `z` is perfectly correlated with `x` or `y`
/// (`1 - r² <= 1e-12`, to absorb rounding error).
pub fn partial_correlation(x: &[f64], y: &[f64], z: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() != z.len() {
        return None;
    }
    partial_from(pearson(x, y)?, pearson(x, z)?, pearson(y, z)?)
}

/// Spearman (rank) partial correlation of `x` and `y` controlling for `z`:
/// the same formula as [`partial_correlation`] applied to the pairwise
/// Spearman correlations (i.e. Pearson partial correlation of the average
/// ranks). `None` under the same conditions.
pub fn partial_spearman(x: &[f64], y: &[f64], z: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() != z.len() {
        return None;
    }
    partial_correlation(&average_ranks(x), &average_ranks(y), &average_ranks(z))
}

/// Area under the ROC curve: the probability that a randomly chosen positive
/// (`labels[i] == true`) has a higher score than a randomly chosen negative,
/// with ties counting one half. Computed via the Mann–Whitney U statistic on
/// average ranks, in O(n log n).
///
/// Returns `None` when the lengths differ or when either class is empty.
pub fn roc_auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    if scores.len() != labels.len() {
        return None;
    }
    let n_pos = labels.iter().filter(|&&l| l).count();
    let n_neg = labels.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return None;
    }
    let ranks = average_ranks(scores);
    let rank_sum: f64 = ranks
        .iter()
        .zip(labels)
        .filter(|(_, &l)| l)
        .map(|(&r, _)| r)
        .sum();
    let (p, q) = (n_pos as f64, n_neg as f64);
    let u = rank_sum - p * (p + 1.0) / 2.0;
    Some((u / (p * q)).clamp(0.0, 1.0))
}

/// Precision / recall / F1 together with the counts they come from.
///
/// Serializes with exactly the keys `"tp"`, `"fp"`, `"fn"`, `"precision"`,
/// `"recall"`, `"f1"` (undefined ratios serialize as `null`). Build it with
/// [`Prf::from_counts`] so the ratios agree with the counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: u64,
    /// False positives.
    pub fp: u64,
    /// False negatives (serialized as `"fn"`).
    #[serde(rename = "fn")]
    pub fn_: u64,
    /// `tp / (tp + fp)`; `None` when `tp + fp == 0`.
    pub precision: Option<f64>,
    /// `tp / (tp + fn)`; `None` when `tp + fn == 0`.
    pub recall: Option<f64>,
    /// `2tp / (2tp + fp + fn)` (the harmonic mean of precision and recall
    /// whenever both are defined); `None` only when `tp + fp + fn == 0`.
    /// So a system that predicts nothing while positives exist gets
    /// `precision: None, recall: Some(0.0), f1: Some(0.0)`.
    pub f1: Option<f64>,
}

impl Prf {
    /// Builds a [`Prf`] from raw counts, computing precision, recall and F1
    /// (each `None` when its denominator is zero).
    pub fn from_counts(tp: u64, fp: u64, fn_: u64) -> Self {
        let ratio = |num: u64, den: u64| (den > 0).then(|| num as f64 / den as f64);
        Prf {
            tp,
            fp,
            fn_,
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn_),
            f1: ratio(2 * tp, 2 * tp + fp + fn_),
        }
    }
}

/// Spearman correlation of `x` and `y` within quantile bins of `z`,
/// averaged over bins weighted by their row counts.
///
/// Rows are assigned to `bins` bins by the average rank of `z`
/// (bin = ⌊(rank − ½)·bins / n⌋), so bins hold near-equal numbers of rows
/// and rows with tied `z` always share a bin (heavy ties can therefore make
/// bins uneven or empty). Bins whose Spearman is undefined (fewer than 2
/// rows, or constant `x` or `y` within the bin) are skipped and do not count
/// towards the weights. With `z` = text length this gives a correlation that
/// length alone cannot produce.
///
/// Returns `None` when lengths differ, `bins == 0`, or no bin has a defined
/// correlation.
pub fn within_bins_spearman(x: &[f64], y: &[f64], z: &[f64], bins: usize) -> Option<f64> {
    let n = x.len();
    if n != y.len() || n != z.len() || bins == 0 || n == 0 {
        return None;
    }
    let mut bin_x: Vec<Vec<f64>> = vec![Vec::new(); bins];
    let mut bin_y: Vec<Vec<f64>> = vec![Vec::new(); bins];
    for (i, &r) in average_ranks(z).iter().enumerate() {
        let b = (((r - 0.5) * bins as f64 / n as f64).floor() as usize).min(bins - 1);
        bin_x[b].push(x[i]);
        bin_y[b].push(y[i]);
    }
    let (mut weighted, mut weight) = (0.0, 0usize);
    for (bx, by) in bin_x.iter().zip(&bin_y) {
        if let Some(rho) = spearman(bx, by) {
            weighted += rho * bx.len() as f64;
            weight += bx.len();
        }
    }
    (weight > 0).then(|| weighted / weight as f64)
}

// Expected values below are derived by hand in the comments next to them;
// they were additionally cross-checked (not generated) with scipy
// (pearsonr, spearmanr, kendalltau), scikit-learn (roc_auc_score) and a
// least-squares residual computation for the partial correlations.
#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[track_caller]
    fn assert_close(got: Option<f64>, want: f64) {
        match got {
            Some(g) if close(g, want) => {}
            _ => panic!("got {got:?}, want {want}"),
        }
    }

    /// O(n²) tau-b straight from the definition, used as a reference.
    fn kendall_tau_b_naive(x: &[f64], y: &[f64]) -> Option<f64> {
        let n = x.len();
        if n != y.len() || n < 2 {
            return None;
        }
        let (mut c, mut d, mut tx, mut ty) = (0i64, 0i64, 0i64, 0i64);
        for i in 0..n {
            for j in i + 1..n {
                let sx = cmp_f64(x[i], x[j]);
                let sy = cmp_f64(y[i], y[j]);
                if sx == Ordering::Equal {
                    tx += 1;
                }
                if sy == Ordering::Equal {
                    ty += 1;
                }
                if sx != Ordering::Equal && sy != Ordering::Equal {
                    if sx == sy {
                        c += 1;
                    } else {
                        d += 1;
                    }
                }
            }
        }
        let n0 = (n * (n - 1) / 2) as i64;
        if tx >= n0 || ty >= n0 {
            return None;
        }
        Some((c - d) as f64 / (((n0 - tx) * (n0 - ty)) as f64).sqrt())
    }

    /// Tiny LCG (Numerical Recipes constants), high bits only.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn mean_basic_and_empty() {
        // (1+2+3+4)/4 = 10/4 = 2.5
        assert_close(mean(&[1.0, 2.0, 3.0, 4.0]), 2.5);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn pearson_hand_values() {
        // x=[1,2,3], y=[2,4,7]: means 2 and 13/3; dx=[-1,0,1],
        // dy=[-7/3,-1/3,8/3]; Sxy = 7/3+8/3 = 5, Sxx = 2,
        // Syy = (49+1+64)/9 = 114/9; r = 5/sqrt(2*114/9) = 15/sqrt(228).
        assert_close(
            pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]),
            15.0 / 228f64.sqrt(),
        );
        // Exact lines: r = ±1.
        assert_close(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0);
        assert_close(pearson(&[1.0, 2.0, 3.0], &[6.0, 4.0, 2.0]), -1.0);
        // y=[2,1,4,3,5] is a permutation of x=[1..5] so Pearson = Spearman:
        // d=[-1,1,-1,1,0], Σd²=4, 1 - 6*4/(5*24) = 0.8.
        assert_close(
            pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 1.0, 4.0, 3.0, 5.0]),
            0.8,
        );
    }

    #[test]
    fn pearson_degenerate() {
        assert_eq!(pearson(&[], &[]), None);
        assert_eq!(pearson(&[1.0], &[2.0]), None);
        assert_eq!(pearson(&[1.0, 2.0], &[1.0]), None);
        assert_eq!(pearson(&[3.0, 3.0, 3.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
    }

    #[test]
    fn average_ranks_ties() {
        // Sorted: 5 (rank 1), 10 (rank 2), 20, 20 (ranks 3,4 -> 3.5).
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![2.0, 3.5, 3.5, 1.0]
        );
        // All tied: ranks 1,2,3 -> mean 2.
        assert_eq!(average_ranks(&[7.0, 7.0, 7.0]), vec![2.0, 2.0, 2.0]);
        // -0.0 and 0.0 tie: ranks 1,2 -> 1.5 each.
        assert_eq!(average_ranks(&[0.0, -0.0, 1.0]), vec![1.5, 1.5, 3.0]);
        assert!(average_ranks(&[]).is_empty());
    }

    #[test]
    fn spearman_no_ties() {
        // x=[1..5], y=[2,1,4,3,5]: d=[-1,1,-1,1,0], Σd²=4,
        // rho = 1 - 6*4/(5*(25-1)) = 1 - 24/120 = 0.8.
        assert_close(
            spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 1.0, 4.0, 3.0, 5.0]),
            0.8,
        );
        // Monotone transforms do not change it (ranks are the same).
        assert_close(
            spearman(
                &[1.0, 8.0, 27.0, 64.0, 125.0],
                &[20.0, 10.0, 40.0, 30.0, 50.0],
            ),
            0.8,
        );
    }

    #[test]
    fn spearman_ties() {
        // x=[1,2,2,3] -> ranks [1,2.5,2.5,4]; y=[1,3,2,4] -> ranks [1,3,2,4].
        // Both mean 2.5. dx=[-1.5,0,0,1.5], dy=[-1.5,0.5,-0.5,1.5].
        // Sxy = 2.25+2.25 = 4.5, Sxx = 4.5, Syy = 2.25+0.25+0.25+2.25 = 5.
        // rho = 4.5/sqrt(4.5*5) = sqrt(0.9).
        assert_close(
            spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]),
            0.9f64.sqrt(),
        );
        // x=[1,1,2,3] -> ranks [1.5,1.5,3,4]; y=[2,1,1,3] -> [3,1.5,1.5,4].
        // dx=[-1,-1,0.5,1.5], dy=[0.5,-1,-1,1.5]:
        // Sxy = -0.5+1-0.5+2.25 = 2.25, Sxx = Syy = 1+1+0.25+2.25 = 4.5.
        // rho = 2.25/4.5 = 0.5.
        assert_close(spearman(&[1.0, 1.0, 2.0, 3.0], &[2.0, 1.0, 1.0, 3.0]), 0.5);
    }

    #[test]
    fn spearman_degenerate() {
        assert_eq!(spearman(&[1.0], &[1.0]), None);
        assert_eq!(spearman(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[4.0, 4.0, 4.0], &[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn kendall_no_ties() {
        // x=[1..5], y=[2,1,4,3,5]. Of the 10 pairs only (1,2) [y 2->1] and
        // (3,4) [y 4->3] are discordant: C=8, D=2, no ties,
        // tau = (8-2)/10 = 0.6.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [2.0, 1.0, 4.0, 3.0, 5.0];
        assert_close(kendall_tau_b(&x, &y), 0.6);
        // Perfect agreement / reversal.
        assert_close(kendall_tau_b(&x, &x), 1.0);
        assert_close(kendall_tau_b(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]), -1.0);
    }

    #[test]
    fn kendall_ties() {
        // x=[1,2,2,3], y=[1,3,2,4]; points a(1,1) b(2,3) c(2,2) d(3,4).
        // ab C, ac C, ad C, bc tied in x only, bd C, cd C.
        // C=5, D=0, n0=6, n1(x ties)=1, n2(y ties)=0:
        // tau_b = 5/sqrt((6-1)*(6-0)) = 5/sqrt(30).
        assert_close(
            kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]),
            5.0 / 30f64.sqrt(),
        );
        // x=[1,1,2,3], y=[2,1,1,3]; a(1,2) b(1,1) c(2,1) d(3,3).
        // ab x-tie, ac D (y 2->1), ad C, bc y-tie, bd C, cd C.
        // C=3, D=1, n1=1, n2=1: tau_b = 2/sqrt(5*5) = 0.4.
        assert_close(
            kendall_tau_b(&[1.0, 1.0, 2.0, 3.0], &[2.0, 1.0, 1.0, 3.0]),
            0.4,
        );
        // Joint tie: x=[1,1,2,2,3], y=[1,1,2,3,3];
        // a(1,1) b(1,1) c(2,2) d(2,3) e(3,3).
        // ab tied in both; cd x-tie; de y-tie; the other 7 pairs are C.
        // C=7, D=0, n0=10, n1=2, n2=2 (n3=1): tau_b = 7/sqrt(8*8) = 0.875.
        assert_close(
            kendall_tau_b(&[1.0, 1.0, 2.0, 2.0, 3.0], &[1.0, 1.0, 2.0, 3.0, 3.0]),
            0.875,
        );
    }

    #[test]
    fn kendall_degenerate() {
        assert_eq!(kendall_tau_b(&[], &[]), None);
        assert_eq!(kendall_tau_b(&[1.0], &[1.0]), None);
        assert_eq!(kendall_tau_b(&[1.0, 2.0], &[1.0]), None);
        assert_eq!(kendall_tau_b(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(kendall_tau_b(&[1.0, 2.0, 3.0], &[0.0, -0.0, 0.0]), None);
    }

    #[test]
    fn kendall_matches_naive_on_random_ties() {
        let mut rng = Lcg(42);
        for trial in 0..300 {
            let n = 2 + (rng.next() % 120) as usize;
            // Few distinct values -> many x, y and joint ties.
            let kx = 1 + rng.next() % 8;
            let ky = 1 + rng.next() % 8;
            let x: Vec<f64> = (0..n).map(|_| (rng.next() % kx) as f64).collect();
            let y: Vec<f64> = (0..n).map(|_| (rng.next() % ky) as f64 - 3.0).collect();
            let fast = kendall_tau_b(&x, &y);
            let slow = kendall_tau_b_naive(&x, &y);
            match (fast, slow) {
                (None, None) => {}
                (Some(a), Some(b)) if close(a, b) => {}
                _ => panic!("trial {trial}: fast {fast:?} vs naive {slow:?}"),
            }
        }
    }

    #[test]
    fn kendall_large_n() {
        // n = 100,000: n0 ≈ 5e9 pairs (overflows u32), must run in O(n log n).
        let n = 100_000;
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let rev: Vec<f64> = x.iter().rev().copied().collect();
        assert_close(kendall_tau_b(&x, &x), 1.0);
        assert_close(kendall_tau_b(&x, &rev), -1.0);
        let mut rng = Lcg(7);
        let xs: Vec<f64> = (0..n).map(|_| (rng.next() % 50) as f64).collect();
        let ys: Vec<f64> = (0..n).map(|_| (rng.next() % 50) as f64).collect();
        let t = kendall_tau_b(&xs, &ys).unwrap();
        assert!(t.abs() < 0.02, "independent data gave tau {t}");
    }

    #[test]
    fn partial_correlation_hand_values() {
        // z=[1,2,3,4] (centred [-1.5,-0.5,0.5,1.5]); a=[1,-1,-1,1] and
        // b=[-1,3,-3,1] are orthogonal to 1, to z and to each other.
        // x = z+a = [2,1,2,5], y = z+b = [0,5,0,5]: residuals on z are a and
        // b, so the partial correlation is 0. Check via the formula:
        // r_xz = 5/sqrt(9*5) = sqrt(5)/3, r_yz = 5/sqrt(25*5) = 1/sqrt(5),
        // r_xy = 5/sqrt(9*25) = 1/3 = r_xz*r_yz, numerator 0.
        let z = [1.0, 2.0, 3.0, 4.0];
        let x = [2.0, 1.0, 2.0, 5.0];
        assert!(
            partial_correlation(&x, &[0.0, 5.0, 0.0, 5.0], &z)
                .unwrap()
                .abs()
                < 1e-12
        );
        // y = z+a+b = [1,4,-1,6]: residuals a and a+b; |a|²=4, |b|²=20,
        // corr = a·(a+b)/(|a||a+b|) = 4/(2*sqrt(24)) = 1/sqrt(6).
        assert_close(
            partial_correlation(&x, &[1.0, 4.0, -1.0, 6.0], &z),
            1.0 / 6f64.sqrt(),
        );
    }

    #[test]
    fn partial_spearman_hand_values() {
        // x=[1..5], y=[2,1,4,3,5], z=[1,3,2,5,4] (already ranks, n=5):
        // r_xy: d=[-1,1,-1,1,0], Σd²=4  -> 1-24/120 = 0.8
        // r_xz: d=[0,-1,1,-1,1], Σd²=4  -> 0.8
        // r_yz: d=[1,-2,2,-2,1], Σd²=14 -> 1-84/120 = 0.3
        // partial = (0.8-0.8*0.3)/sqrt((1-0.64)(1-0.09)) = 0.56/sqrt(0.36*0.91).
        let want = 0.56 / (0.36f64 * 0.91).sqrt();
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [2.0, 1.0, 4.0, 3.0, 5.0];
        let z = [1.0, 3.0, 2.0, 5.0, 4.0];
        assert_close(partial_spearman(&x, &y, &z), want);
        // Strictly increasing transforms leave the rank version unchanged.
        let x3: Vec<f64> = x.iter().map(|v| v * v * v).collect();
        let ye: Vec<f64> = y.iter().map(|v| v.exp()).collect();
        let zl: Vec<f64> = z.iter().map(|v| 10.0 * v - 100.0).collect();
        assert_close(partial_spearman(&x3, &ye, &zl), want);
    }

    #[test]
    fn partial_degenerate() {
        let x = [1.0, 2.0, 3.0, 4.0];
        let y = [2.0, 1.0, 4.0, 3.0];
        // Constant z: r_xz undefined.
        assert_eq!(partial_correlation(&x, &y, &[1.0; 4]), None);
        assert_eq!(partial_spearman(&x, &y, &[1.0; 4]), None);
        // z = x: r_xz = 1, denominator 0.
        assert_eq!(partial_correlation(&x, &y, &x), None);
        assert_eq!(partial_spearman(&x, &y, &x), None);
        // Length mismatch.
        assert_eq!(partial_correlation(&x, &y, &[1.0, 2.0]), None);
    }

    #[test]
    fn roc_auc_hand_values() {
        // pos {0.35, 0.8} vs neg {0.1, 0.4}: 0.35>0.1, 0.35<0.4,
        // 0.8>0.1, 0.8>0.4 -> 3 of 4 pairs = 0.75.
        assert_close(
            roc_auc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]),
            0.75,
        );
        // Ties count half: pos {0.5, 0.9} vs neg {0.5, 0.2}:
        // (0.5,0.5)=½, (0.5,0.2)=1, (0.9,0.5)=1, (0.9,0.2)=1 -> 3.5/4 = 0.875.
        assert_close(
            roc_auc(&[0.5, 0.5, 0.2, 0.9], &[true, false, false, true]),
            0.875,
        );
        // All scores tied: every pair counts ½.
        assert_close(roc_auc(&[1.0; 4], &[true, false, true, false]), 0.5);
        // Perfect separation and perfect inversion.
        assert_close(roc_auc(&[0.0, 1.0], &[false, true]), 1.0);
        assert_close(roc_auc(&[0.0, 1.0], &[true, false]), 0.0);
    }

    #[test]
    fn roc_auc_degenerate() {
        assert_eq!(roc_auc(&[0.1, 0.2], &[true, true]), None);
        assert_eq!(roc_auc(&[0.1, 0.2], &[false, false]), None);
        assert_eq!(roc_auc(&[], &[]), None);
        assert_eq!(roc_auc(&[0.1, 0.2], &[true]), None);
    }

    #[test]
    fn prf_from_counts() {
        // tp=8, fp=2, fn=4: P = 8/10 = 0.8, R = 8/12 = 2/3,
        // F1 = 2*8/(16+2+4) = 8/11 (= 2PR/(P+R) = (16/15)/(22/15)).
        let p = Prf::from_counts(8, 2, 4);
        assert_eq!((p.tp, p.fp, p.fn_), (8, 2, 4));
        assert_close(p.precision, 0.8);
        assert_close(p.recall, 2.0 / 3.0);
        assert_close(p.f1, 8.0 / 11.0);
        // Nothing predicted, 5 positives: P undefined, R = F1 = 0.
        let p = Prf::from_counts(0, 0, 5);
        assert_eq!((p.precision, p.recall, p.f1), (None, Some(0.0), Some(0.0)));
        // Only false positives, no positives: R undefined, P = F1 = 0.
        let p = Prf::from_counts(0, 3, 0);
        assert_eq!((p.precision, p.recall, p.f1), (Some(0.0), None, Some(0.0)));
        // Nothing at all: everything undefined, equal to Default.
        assert_eq!(Prf::from_counts(0, 0, 0), Prf::default());
    }

    #[test]
    fn prf_json_keys() {
        let json = serde_json::to_value(Prf::from_counts(1, 1, 0)).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["f1", "fn", "fp", "precision", "recall", "tp"]);
        assert_eq!(json["fn"], 0);
        assert_eq!(json["recall"], 1.0);
        assert_eq!(json["precision"], 0.5);
        let none = serde_json::to_string(&Prf::default()).unwrap();
        assert_eq!(
            none,
            r#"{"tp":0,"fp":0,"fn":0,"precision":null,"recall":null,"f1":null}"#
        );
    }

    #[test]
    fn within_bins_hand_values() {
        // z=[1,1,1,1,2,2,2]: z ranks 2.5 (x4) and 6 (x3); with 2 bins,
        // floor((2.5-0.5)*2/7) = 0 and floor((6-0.5)*2/7) = 1.
        // Bin 0: x=[1,2,3,4], y=[2,1,4,3]: Σd²=4, 1-6*4/(4*15) = 0.6.
        // Bin 1: x=[11,12,13], y=[13,12,11]: -1.
        // Weighted: (4*0.6 + 3*(-1))/7 = -0.6/7.
        let x = [1.0, 2.0, 3.0, 4.0, 11.0, 12.0, 13.0];
        let y = [2.0, 1.0, 4.0, 3.0, 13.0, 12.0, 11.0];
        let z = [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0];
        assert_close(within_bins_spearman(&x, &y, &z, 2), -0.6 / 7.0);
        // Overall, the z-driven jump dominates: pooled Spearman is positive.
        assert!(spearman(&x, &y).unwrap() > 0.5);
        // One bin: plain Spearman.
        assert_close(
            within_bins_spearman(&x, &y, &z, 1),
            spearman(&x, &y).unwrap(),
        );
        // Undefined bin (constant y) is skipped: only bin 0 counts -> 0.6.
        let y2 = [2.0, 1.0, 4.0, 3.0, 5.0, 5.0, 5.0];
        assert_close(within_bins_spearman(&x, &y2, &z, 2), 0.6);
    }

    #[test]
    fn within_bins_degenerate() {
        let v = [1.0, 2.0, 3.0];
        assert_eq!(within_bins_spearman(&v, &v, &v, 0), None);
        assert_eq!(within_bins_spearman(&v, &v, &[1.0], 2), None);
        assert_eq!(within_bins_spearman(&[], &[], &[], 2), None);
        // 3 bins of one row each: no bin has a defined correlation.
        assert_eq!(within_bins_spearman(&v, &v, &v, 3), None);
    }
}
