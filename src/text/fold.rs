//! Per-character folding: compatibility decomposition (NFKD), Unicode lowercase and removal of
//! diacritics, so that `É`, `𝐁`, `Ｂ` and `ⓑ` reach the same plain letters as `e` and `b`.
//!
//! Only diacritic marks (Latin/Greek/Cyrillic accents, Arabic vowel marks) are dropped. Other
//! combining marks — the vowel signs of Javanese, Balinese, Devanagari… — carry meaning and are
//! kept as part of the word.

use unicode_normalization::char::decompose_compatible;

/// Invisible characters that must neither split a word nor appear in the output: zero-width
/// space and joiners, soft hyphen, bidi controls, variation selectors, BOM, emoji tag characters.
/// `ban\u{200B}gsat` is still one word.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0001}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Diacritic marks removed by folding (accents and the Arabic harakat).
pub(crate) fn is_dropped_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Folds one character of the original text and calls `emit` with each resulting character
/// (none for a lone diacritic, several for ligatures such as `ﬁ` or `ﷺ`).
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        if is_dropped_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            if !is_dropped_mark(l) {
                emit(l);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold_char(c, |d| out.push(d));
        }
        out
    }

    #[test]
    fn lowercases_ascii_and_unicode() {
        assert_eq!(fold("BaNgSaT"), "bangsat");
        assert_eq!(fold("ÀÉÎÕÜ"), "aeiou");
        assert_eq!(fold("ΣΑΛΑΜ"), "σαλαμ");
    }

    #[test]
    fn strips_precomposed_and_decomposed_accents() {
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("cafe\u{0301}"), "cafe");
        assert_eq!(fold("İstanbul"), "istanbul");
        // "Zalgo" stacking of marks is removed too.
        assert_eq!(fold("a\u{0300}\u{0301}\u{0302}\u{0303}n"), "an");
    }

    #[test]
    fn compatibility_forms_reach_plain_letters() {
        assert_eq!(fold("ＢＡＮＧＳＡＴ"), "bangsat"); // fullwidth
        assert_eq!(fold("𝐁𝐚𝐧𝐠𝐬𝐚𝐭"), "bangsat"); // mathematical bold
        assert_eq!(fold("𝓫𝓪𝓷𝓰𝓼𝓪𝓽"), "bangsat"); // mathematical script
        assert_eq!(fold("ⓑⓐⓝⓖ"), "bang"); // circled
        assert_eq!(fold("ﬁtnah"), "fitnah"); // ligature
        assert_eq!(fold("²"), "2");
    }

    #[test]
    fn keeps_non_latin_scripts_and_their_vowel_signs() {
        // Javanese: vowel signs are combining marks that must survive.
        assert_eq!(fold("ꦲꦏ꧀ꦱꦫ"), "ꦲꦏ꧀ꦱꦫ");
        // Devanagari vowel sign kept.
        assert_eq!(fold("हिन्दी"), "हिन्दी");
        // Arabic letters kept, harakat dropped.
        assert_eq!(fold("بِسْمِ"), "بسم");
    }

    #[test]
    fn emoji_and_symbols_pass_through_for_the_tokenizer_to_reject() {
        assert_eq!(fold("😂!"), "😂!");
        assert!(is_ignorable('\u{200B}'));
        assert!(is_ignorable('\u{FE0F}'));
        assert!(!is_ignorable('a'));
        assert!(is_dropped_mark('\u{0301}'));
        assert!(!is_dropped_mark('\u{A9C0}'));
    }
}
