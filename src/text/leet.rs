//! Leetspeak inside words: `b4ngs4t` → `bangsat`, `t0l0l` → `tolol`, `b@ngsat` → `bangsat`.
//!
//! Choices, made for Indonesian text:
//! * `2` is never a letter: Indonesian writes reduplication with it (`hati2` = `hati-hati`,
//!   `anak2nya`), which the normaliser expands instead (see `normalize.rs`).
//! * A digit is replaced only when it sits **between two letters** (one digit, or two equal ones
//!   as in `b00ngsat`) in a word with at least three letters. So `2019`, `covid19`, `pph21`,
//!   `p3k` (PPPK), `d3`, `s2` and `rt05rw03` keep their digits.
//! * A digit at the start or end of a word (`4nj1ng`, `anj1n9`) is replaced only when the same
//!   word already had a digit between letters and the three characters next to it are letters.
//!   Alone, a leading digit is too often a number glued to a word (`5ribu`, `2hari`, `1juta`,
//!   `4tahun`), so `4njing` stays as is and the slang table maps such well-known forms.
//! * `@` and `$` between letters always map (`a`, `s`); the tokenizer keeps them only there.
//! * `!` is not leet: a missing space after `!` (`iya!kamu`) is far more common than `anj!ng`.

use super::tokenize::Unit;

/// The letter a leet character stands for.
pub(crate) fn leet_letter(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'g',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '@' => 'a',
        '$' => 's',
        _ => return None,
    })
}

fn is_letter(u: &Unit) -> bool {
    u.c.is_alphabetic()
}

fn is_symbol(c: char) -> bool {
    c == '@' || c == '$'
}

fn replace(u: &mut Unit) {
    if let Some(l) = leet_letter(u.c) {
        u.c = l;
    }
}

/// Replaces leet characters in one word, in place.
pub(crate) fn apply(units: &mut [Unit]) {
    let n = units.len();
    if !units.iter().any(|u| leet_letter(u.c).is_some()) {
        return;
    }
    let digits_ok = units.iter().filter(|u| is_letter(u)).count() >= 3;
    let mut inner = 0;
    let mut i = 0;
    while i < n {
        if leet_letter(units[i].c).is_none() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && leet_letter(units[j].c).is_some() {
            j += 1;
        }
        let run_ok = j - i == 1 || (j - i == 2 && units[i].c == units[i + 1].c);
        let between_letters = i > 0 && j < n && is_letter(&units[i - 1]) && is_letter(&units[j]);
        let symbols = units[i..j].iter().all(|u| is_symbol(u.c));
        if run_ok && between_letters && (digits_ok || symbols) {
            for u in &mut units[i..j] {
                replace(u);
            }
            inner += 1;
        }
        i = j;
    }
    if inner == 0 || !digits_ok || n < 4 {
        return;
    }
    let is_digit_leet = |u: &Unit| u.c.is_ascii_digit() && leet_letter(u.c).is_some();
    if is_digit_leet(&units[0]) && units[1..4].iter().all(is_letter) {
        replace(&mut units[0]);
    }
    if is_digit_leet(&units[n - 1]) && units[n - 4..n - 1].iter().all(is_letter) {
        replace(&mut units[n - 1]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leet(s: &str) -> String {
        let mut units: Vec<Unit> = s
            .chars()
            .enumerate()
            .map(|(i, c)| Unit {
                c,
                start: i as u32,
                end: i as u32 + 1,
                upper: false,
            })
            .collect();
        apply(&mut units);
        units.iter().map(|u| u.c).collect()
    }

    #[test]
    fn digits_between_letters_become_letters() {
        assert_eq!(leet("b4ngs4t"), "bangsat");
        assert_eq!(leet("anj1ng"), "anjing");
        assert_eq!(leet("t0l0l"), "tolol");
        assert_eq!(leet("g0bl0k"), "goblok");
        assert_eq!(leet("k0nt0l"), "kontol");
        assert_eq!(leet("bod0h"), "bodoh");
        assert_eq!(leet("b00doh"), "boodoh");
        assert_eq!(leet("s3t4n"), "setan");
    }

    #[test]
    fn symbols_between_letters_become_letters() {
        assert_eq!(leet("b@ngsat"), "bangsat");
        assert_eq!(leet("ba$ta"), "basta");
        assert_eq!(leet("a@b"), "aab");
    }

    #[test]
    fn numbers_and_codes_keep_their_digits() {
        assert_eq!(leet("2019"), "2019");
        assert_eq!(leet("02"), "02");
        assert_eq!(leet("covid19"), "covid19");
        assert_eq!(leet("pph21"), "pph21");
        assert_eq!(leet("p3k"), "p3k");
        assert_eq!(leet("rt05rw03"), "rt05rw03");
        assert_eq!(leet("covid19x"), "covid19x");
        assert_eq!(leet("5ribu"), "5ribu");
        assert_eq!(leet("4njing"), "4njing");
        // `2` is reduplication, never `z`.
        assert_eq!(leet("anak2nya"), "anak2nya");
    }

    #[test]
    fn edge_digits_only_with_an_inner_substitution() {
        assert_eq!(leet("4nj1ng"), "anjing");
        assert_eq!(leet("anj1n9"), "anjing");
        assert_eq!(leet("b4ngs4t7"), "bangsatt");
        // Fewer than three letters in the word: nothing is replaced.
        assert_eq!(leet("4b1k"), "4b1k");
        assert_eq!(leet("b4b1"), "b4b1");
    }
}
