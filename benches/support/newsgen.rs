//! A deterministic generator of news-like English text for benchmarks, the throughput report
//! and the stream-memory script. Everything here is invented for mtlint: a vocabulary of
//! common English words, made-up names and places, numbers, quotations, abbreviations and
//! paragraphs, plus a sprinkle of machine-translation artifacts (web chrome lines such as
//! "Split", words run together, credits, repeated words, „German quotes“) so that the rules
//! have work to do.
//!
//! Included with `#[path = ...] mod newsgen;` from benches, examples and tests.

#![allow(dead_code)]

/// splitmix64: small, fast, deterministic.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of a slice.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Peter", "Maria", "Thomas", "Sarah", "Daniel", "Laura", "Michael", "Julia", "Robert",
    "Elena", "Marcus", "Helen", "Omar", "Priya", "Tomasz", "Ingrid", "Kofi", "Lucia", "Viktor",
];
const LAST: &[&str] = &[
    "Hartley",
    "Morgan",
    "Kowalczyk",
    "Brennan",
    "Okafor",
    "Lindqvist",
    "Castellano",
    "Whitfield",
    "Nakamura",
    "Ferreira",
    "Dalton",
    "Sorensen",
    "Haddad",
    "Mendel",
    "Quinlan",
    "Radcliffe",
];
const PLACES: &[&str] = &[
    "Northbridge",
    "Port Calder",
    "Elmsworth",
    "the capital",
    "Lake Varen",
    "Westmoor",
    "New Ashford",
    "the northern province",
    "Brackenfield",
    "the coastal region",
    "Redhaven",
];
const ORGS: &[&str] = &[
    "the ministry",
    "the central bank",
    "the city council",
    "the opposition party",
    "the transport authority",
    "the health service",
    "the union",
    "the energy regulator",
    "the foreign office",
    "the national railway",
    "the finance committee",
    "the court",
];
const ROLES: &[&str] = &[
    "Prime Minister",
    "Foreign Minister",
    "Mayor",
    "President",
    "spokeswoman",
    "spokesman",
    "chief executive",
    "Finance Minister",
    "Gov.",
    "Sen.",
    "Dr.",
    "Mr.",
    "Ms.",
];
const SUBJECTS: &[&str] = &[
    "The government",
    "Officials",
    "The company",
    "Residents",
    "Analysts",
    "The committee",
    "Investors",
    "Police",
    "Lawmakers",
    "The agency",
    "Workers",
    "Doctors",
    "Farmers",
    "The two leaders",
    "Local authorities",
    "Economists",
    "The delegation",
    "Prosecutors",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "warned",
    "confirmed",
    "expected",
    "rejected",
    "approved",
    "proposed",
    "discussed",
    "reported",
    "denied",
    "criticized",
    "welcomed",
    "agreed",
    "planned",
    "signed",
];
const OBJECTS: &[&str] = &[
    "a new budget for the coming year",
    "plans to expand the railway network",
    "the proposal to raise the minimum wage",
    "an agreement on energy supplies",
    "the results of the inquiry",
    "talks with the neighbouring country",
    "higher prices for food and fuel",
    "a package of measures to support small businesses",
    "the decision to close two hospitals",
    "new rules for short-term rentals",
    "the construction of a bridge across the river",
    "a plan to cut emissions by half",
    "the sale of the state-owned airline",
    "stricter controls at the border",
    "cooperation in trade, farming and nuclear energy",
    "a ceasefire along the front line",
];
const TIMES: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "last week",
    "this month",
    "in recent months",
    "earlier this year",
    "on Nov. 9",
    "at 10 a.m.",
    "late on Sunday",
    "in March",
    "after a long meeting",
    "for the first time since 2019",
];
const CLAUSES: &[&str] = &[
    "although critics said the plan came too late",
    "according to a statement published by the U.S. embassy",
    "a move that surprised many observers",
    "while protesters gathered outside the building",
    "citing concerns about costs and delays",
    "which would take effect next spring",
    "but gave no further details",
    "after months of negotiations",
    "as inflation remained stubbornly high",
    "despite strong opposition from rural districts",
];
const QUOTES: &[&str] = &[
    "We will not give up on this",
    "This is a good day for the region",
    "Nobody wants a crisis, but we have to be prepared",
    "The numbers speak for themselves",
    "We need more time to study the details",
    "It is too early to say what this means for families",
];
const HEADLINES: &[&str] = &[
    "Talks on energy deal resume",
    "Council approves new budget",
    "Rail strike ends after five days",
    "Prices rise again in October",
    "Minister visits flooded towns",
    "Court rejects appeal",
];
/// Web page chrome and credits of the kind MT'd pages carry (invented wording).
const CHROME: &[&str] = &[
    "Split",
    "View photo series",
    "Read more",
    "Share",
    "Comments",
    "Home page politics",
    "© Jane Doe/dpa",
    "Credit: AP/John Smith",
    "(red/with material from dpa and AFP)",
    "Leave a Reply",
    "From: Clara Weiss",
];
/// Pairs whose link texts lost the space between them.
const FUSED: &[&str] = &[
    "railwayagriculture",
    "healthcareeducation",
    "Space travelfarming",
    "energytransport",
    "Northbridge.The",
    "housingtourism",
];
/// Sentences with MT artifacts (invented).
const MT_SENTENCES: &[&str] = &[
    "At the meeting emphasized Morgan on Thursday the importance of the trade route.",
    "The minister has his reluctance to do so in recent months strongly expressed.",
    "Since then the price war and that in March of the year the Arrest warrant issued.",
    "The the committee met again.",
    "„We are ready“, said the Mayor of Elmsworth.",
    "Growth reached 3,8 percent on 14. February.",
    "The talks were financially und militarily important.",
];

/// Options for the generator.
#[derive(Debug, Clone, Copy)]
pub struct GenOptions {
    /// Percentage of sentences replaced by an artifact (0 = clean text).
    pub artifact_percent: u32,
    /// Paragraphs per article (min, max).
    pub paragraphs: (usize, usize),
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            artifact_percent: 4,
            paragraphs: (4, 9),
        }
    }
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(FIRST), r.pick(LAST))
}

fn number(r: &mut Rng) -> String {
    match r.below(6) {
        0 => format!("{}", r.below(100)),
        1 => format!("{}.{} percent", r.below(20), r.below(10)),
        2 => format!("{},{:03}", 1 + r.below(99), r.below(1000)),
        3 => format!("${} million", 1 + r.below(900)),
        4 => format!("{} people", 10 + r.below(5000)),
        _ => format!("{} kilometres", 2 + r.below(400)),
    }
}

/// One clean sentence.
pub fn sentence(r: &mut Rng) -> String {
    match r.below(8) {
        0 => format!(
            "{} {} {} {}, {}.",
            r.pick(SUBJECTS),
            r.pick(VERBS),
            r.pick(OBJECTS),
            r.pick(TIMES),
            r.pick(CLAUSES)
        ),
        1 => format!(
            "“{},” {} {} told reporters in {}.",
            r.pick(QUOTES),
            r.pick(ROLES),
            person(r),
            r.pick(PLACES)
        ),
        2 => format!(
            "According to {}, about {} were affected in {} {}.",
            r.pick(ORGS),
            number(r),
            r.pick(PLACES),
            r.pick(TIMES)
        ),
        3 => format!(
            "{} {} {} said {} had {} {}.",
            r.pick(ROLES),
            person(r),
            r.pick(TIMES),
            r.pick(ORGS),
            r.pick(VERBS),
            r.pick(OBJECTS)
        ),
        4 => format!(
            "The figure rose to {} from {} a year earlier, {}.",
            number(r),
            number(r),
            r.pick(CLAUSES)
        ),
        5 => format!(
            "{} {} {}?",
            if r.chance(50) { "Will" } else { "Can" },
            r.pick(ORGS),
            "keep its promise before the end of the year"
        ),
        6 => format!(
            "{} and {} {} in {} {}.",
            person(r),
            person(r),
            r.pick(VERBS),
            r.pick(PLACES),
            r.pick(TIMES)
        ),
        _ => format!(
            "{} {} {} {}.",
            r.pick(SUBJECTS),
            r.pick(VERBS),
            r.pick(OBJECTS),
            r.pick(TIMES)
        ),
    }
}

/// One article: a headline, paragraphs of sentences, and (sometimes) chrome lines.
pub fn article(r: &mut Rng, opts: GenOptions, out: &mut String) {
    out.push_str(r.pick(HEADLINES));
    out.push_str("\n\n");
    let paras = opts.paragraphs.0 + r.below(opts.paragraphs.1 - opts.paragraphs.0 + 1);
    for p in 0..paras {
        if p > 0 && opts.artifact_percent > 0 && r.chance(opts.artifact_percent * 3) {
            out.push_str(r.pick(CHROME));
            out.push_str("\n\n");
        }
        let n = 2 + r.below(4);
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            if opts.artifact_percent > 0 && r.chance(opts.artifact_percent) {
                if r.chance(50) {
                    out.push_str(r.pick(MT_SENTENCES));
                } else {
                    out.push_str(&format!(
                        "{} discussed {} and {}.",
                        r.pick(SUBJECTS),
                        r.pick(OBJECTS),
                        r.pick(FUSED)
                    ));
                }
            } else {
                out.push_str(&sentence(r));
            }
        }
        out.push_str("\n\n");
    }
}

/// Articles of about `bytes_per_doc` bytes each until `total` bytes are reached.
pub fn documents(seed: u64, total: usize, opts: GenOptions) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total {
        let mut d = String::new();
        article(&mut r, opts, &mut d);
        size += d.len();
        docs.push(d);
    }
    docs
}

/// One text of about `total` bytes (articles separated by blank lines).
pub fn text(seed: u64, total: usize, opts: GenOptions) -> String {
    documents(seed, total, opts).concat()
}
