//! Hashtag splitting: `#2019GantiPresiden` → `2019 ganti presiden`,
//! `#jokowi2periode` → `jokowi 2 periode`, `#PNS_Netral` → `pns netral`,
//! `#ASNBerAKHLAK`… → split where the case says a new word starts.
//!
//! Boundaries: `_` (and any other non-word character left in the body), letter↔digit changes,
//! lower→upper changes (`gantiPresiden`), and the last capital of a capital run that is
//! followed by a lowercase letter (`PNSNetral` → `PNS Netral`). An all-lowercase hashtag stays
//! one word (`#gantipresiden`). Leetspeak is **not** applied inside hashtags: digits there are
//! far more often numbers (`#Jokowi3Periode`, `#salam2jari`) than disguised letters.

use unicode_normalization::char::is_combining_mark;

use super::tokenize::Unit;

fn is_boundary_unit(u: &Unit) -> bool {
    !(u.c.is_alphanumeric() || is_combining_mark(u.c))
}

fn starts_new_word(prev: &Unit, cur: &Unit, next: Option<&Unit>) -> bool {
    if is_combining_mark(cur.c) {
        return false;
    }
    let (prev_digit, cur_digit) = (prev.c.is_numeric(), cur.c.is_numeric());
    if prev_digit != cur_digit {
        return true;
    }
    if cur_digit || !cur.upper {
        return false;
    }
    // cur is an uppercase letter.
    if !prev.upper {
        return prev.c.is_alphabetic();
    }
    next.is_some_and(|n| n.c.is_alphabetic() && !n.upper)
}

/// Calls `f` with each word of a hashtag body (boundary units removed).
pub(crate) fn for_each_part(units: &[Unit], mut f: impl FnMut(&[Unit])) {
    let mut begin = 0;
    for k in 0..units.len() {
        let u = &units[k];
        if is_boundary_unit(u) {
            if k > begin {
                f(&units[begin..k]);
            }
            begin = k + 1;
        } else if k > begin && starts_new_word(&units[k - 1], u, units.get(k + 1)) {
            f(&units[begin..k]);
            begin = k;
        }
    }
    if units.len() > begin {
        f(&units[begin..]);
    }
}

/// Splits a hashtag (with or without its `#`) into normalised words:
/// `#2019GantiPresiden` and `2019GantiPresiden` → `"2019 ganti presiden"`,
/// `#jokowi2periode` → `"jokowi 2 periode"`. The words go through the same steps as
/// [`normalize`](super::normalize()) (repeated letters, slang), so the result can be matched against
/// normalised rule phrases.
pub fn split_hashtag(tag: &str) -> String {
    let body = tag.trim().trim_start_matches('#');
    let mut s = String::with_capacity(body.len() + 1);
    s.push('#');
    s.push_str(body);
    super::normalize(&s).as_str().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_units(s: &str) -> Vec<String> {
        let units: Vec<Unit> = s
            .chars()
            .enumerate()
            .map(|(i, c)| Unit {
                c: c.to_lowercase().next().unwrap(),
                start: i as u32,
                end: i as u32 + 1,
                upper: c.is_uppercase(),
            })
            .collect();
        let mut parts = Vec::new();
        for_each_part(&units, |p| parts.push(p.iter().map(|u| u.c).collect()));
        parts
    }

    #[test]
    fn splits_on_case_digits_and_underscores() {
        assert_eq!(
            split_units("2019GantiPresiden"),
            ["2019", "ganti", "presiden"]
        );
        assert_eq!(split_units("jokowi2periode"), ["jokowi", "2", "periode"]);
        assert_eq!(split_units("PNSNetral"), ["pns", "netral"]);
        assert_eq!(
            split_units("ganti_presiden__2024"),
            ["ganti", "presiden", "2024"]
        );
        assert_eq!(split_units("gantipresiden"), ["gantipresiden"]);
        assert_eq!(split_units("ASN"), ["asn"]);
        assert_eq!(split_units("_"), Vec::<String>::new());
    }

    #[test]
    fn split_hashtag_public_api() {
        assert_eq!(split_hashtag("#2019GantiPresiden"), "2019 ganti presiden");
        assert_eq!(split_hashtag("2019GantiPresiden"), "2019 ganti presiden");
        assert_eq!(split_hashtag("#jokowi2periode"), "jokowi 2 periode");
        assert_eq!(split_hashtag("#Jokowi3Periode"), "jokowi 3 periode");
        assert_eq!(split_hashtag("#gantipresiden"), "gantipresiden");
        assert_eq!(split_hashtag("#TolakPemiluCurang"), "tolak pemilu curang");
        // No leetspeak in hashtags: digits are numbers there.
        assert_eq!(split_hashtag("#salam2jari"), "salam 2 jari");
        // Words get the same collapse and slang steps as text.
        assert_eq!(split_hashtag("#GakPakaiLamaaa"), "tidak pakai lama");
        assert_eq!(split_hashtag(""), "");
        assert_eq!(split_hashtag("#"), "");
    }
}
