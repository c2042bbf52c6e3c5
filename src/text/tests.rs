//! Tests of the whole normaliser: output text, the map back to the original, word indexes.

use super::*;

/// The original text behind the first occurrence of `needle` (whole words) in the normalised
/// text of `original`.
fn evidence<'a>(original: &'a str, needle: &str) -> &'a str {
    let n = normalize(original);
    let text = n.as_str();
    let at = text
        .match_indices(needle)
        .map(|(i, _)| i)
        .find(|&i| {
            let end = i + needle.len();
            (i == 0 || text.as_bytes()[i - 1] == b' ')
                && (end == text.len() || text.as_bytes()[end] == b' ')
        })
        .unwrap_or_else(|| panic!("{needle:?} not found in {text:?}"));
    let r = n.original_range(at, at + needle.len());
    &original[r]
}

fn norm(s: &str) -> String {
    normalize(s).as_str().to_owned()
}

#[test]
fn evidence_of_a_disguised_insult_is_the_disguised_word() {
    let original = "Dasar B4NGS4AAT!!";
    let n = normalize(original);
    assert_eq!(n.as_str(), "dasar bangsat");
    let r = n.original_range(6, 13);
    assert_eq!(r, 6..15);
    assert_eq!(&original[r], "B4NGS4AAT");
    assert_eq!(&original[n.original_range(0, 5)], "Dasar");
    // A match inside the word maps to the characters that produced it.
    assert_eq!(&original[n.original_range(11, 12)], "4AA"); // the collapsed `a`
    assert_eq!(&original[n.original_range(0, 13)], "Dasar B4NGS4AAT");
}

#[test]
fn lowercase_accents_and_punctuation() {
    assert_eq!(
        norm("  Halo,   DUNIA!!!  Apa kabar?? "),
        "halo dunia apa kabar"
    );
    assert_eq!(norm("Kafé résumé naïve"), "kafe resume naive");
    assert_eq!(norm("STOP!!!🙏🙏 sekarang…"), "stop sekarang");
    assert_eq!(norm("ＢＡＮＧＳＡＴ 𝐭𝐨𝐥𝐨𝐥"), "bangsat tolol");
}

#[test]
fn empty_and_whitespace_only_input() {
    for s in [
        "",
        " ",
        "\n\t  \r\n",
        "!!! ... 😂😂",
        "\u{200B}\u{FE0F}",
        "#",
        "@",
    ] {
        let n = normalize(s);
        assert_eq!(n.as_str(), "", "{s:?}");
        assert!(n.is_empty());
        assert_eq!(n.word_count(), 0);
        assert_eq!(n.word_index(0), 0);
        assert_eq!(n.original_range(0, 1), {
            let r = n.original_range(0, 1);
            r.start..r.start
        });
    }
    assert_eq!(normalize_phrase(""), "");
}

#[test]
fn multibyte_originals_keep_char_boundaries() {
    let original = "Café 😂 sangat ENAK… ꦲꦏ꧀ꦱꦫ مرحبا É";
    let n = normalize(original);
    assert_eq!(n.as_str(), "cafe sangat enak ꦲꦏ꧀ꦱꦫ مرحبا e");
    assert_eq!(evidence(original, "cafe"), "Café");
    assert_eq!(evidence(original, "enak"), "ENAK");
    assert_eq!(evidence(original, "ꦲꦏ꧀ꦱꦫ"), "ꦲꦏ꧀ꦱꦫ");
    assert_eq!(evidence(original, "مرحبا"), "مرحبا");
    assert_eq!(evidence(original, "e"), "É");
    // Every char boundary pair of the output maps to a char-boundary range.
    let text = n.as_str();
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for (a, &s) in bounds.iter().enumerate() {
        for &e in &bounds[a + 1..] {
            let r = n.original_range(s, e);
            assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
            assert!(r.start <= r.end);
        }
    }
    // A decomposed accent is highlighted with its letter.
    assert_eq!(evidence("cafe\u{301} enak", "cafe"), "cafe\u{301}");
}

#[test]
fn urls_become_one_token_mapped_to_the_whole_url() {
    let original = "Baca https://www.anjing-lucu.com/bangsat?x=1 dan www.contoh.id/a. Oke";
    let n = normalize(original);
    assert_eq!(n.as_str(), "baca url dan url oke");
    assert_eq!(
        &original[n.original_range(5, 8)],
        "https://www.anjing-lucu.com/bangsat?x=1"
    );
    assert_eq!(&original[n.original_range(13, 16)], "www.contoh.id/a");
    assert!(!n.as_str().contains("anjing"));
    assert!(!n.as_str().contains("bangsat"));
}

#[test]
fn mentions_and_emails_become_tokens() {
    let original = "@anjingkampung balas ke budi.anjing@mail.go.id ya @Budi_88!";
    let n = normalize(original);
    assert_eq!(n.as_str(), "user balas ke email ya user");
    assert_eq!(evidence(original, "user balas"), "@anjingkampung balas");
    assert_eq!(evidence(original, "email"), "budi.anjing@mail.go.id");
    assert_eq!(&original[n.original_range(23, 27)], "@Budi_88");
    assert_eq!(MENTION_TOKEN, "user");
    assert_eq!(URL_TOKEN, "url");
    assert_eq!(EMAIL_TOKEN, "email");
}

#[test]
fn hashtags_split_and_map_back_into_the_hashtag() {
    let original = "Ayo! #2019GantiPresiden #jokowi2periode #PNS_Netral #gantipresiden";
    let n = normalize(original);
    assert_eq!(
        n.as_str(),
        "ayo 2019 ganti presiden jokowi 2 periode pns netral gantipresiden"
    );
    assert_eq!(evidence(original, "ganti presiden"), "GantiPresiden");
    assert_eq!(
        evidence(original, "2019 ganti presiden"),
        "#2019GantiPresiden"
    );
    assert_eq!(evidence(original, "presiden"), "Presiden");
    assert_eq!(evidence(original, "jokowi 2 periode"), "#jokowi2periode");
    assert_eq!(evidence(original, "2 periode"), "2periode");
    assert_eq!(evidence(original, "netral"), "Netral");
    assert_eq!(evidence(original, "pns netral"), "#PNS_Netral");
    assert_eq!(evidence(original, "gantipresiden"), "#gantipresiden");
}

#[test]
fn leetspeak_inside_words() {
    assert_eq!(
        norm("b4ngs4t anj1ng t0l0l g0bl0k b@ngsat"),
        "bangsat anjing tolol goblok bangsat"
    );
    assert_eq!(norm("4nj1ng lu"), "anjing lu");
    // Numbers and codes stay.
    // (Letters still collapse: `pph21` → `ph21`, as a rule phrase `pph21` would.)
    assert_eq!(
        norm("2019 02 covid19 p3k pph21 5ribu"),
        "2019 02 covid19 p3k ph21 5ribu"
    );
    // Leading digit alone: a known form through the slang table.
    assert_eq!(norm("4njing"), "anjing");
    assert_eq!(evidence("dasar 4nj1ng", "anjing"), "4nj1ng");
    // Censoring stars leave skeletons the slang table knows.
    assert_eq!(norm("b*ngsat k*nt*l anj*ng"), "bangsat kontol anjing");
    assert_eq!(evidence("dasar b*ngsat!", "bangsat"), "b*ngsat");
}

#[test]
fn repeated_letters_collapse_digits_do_not() {
    assert_eq!(norm("bangsaaaat ANJIIIING"), "bangsat anjing");
    assert_eq!(norm("maaf tinggi"), "maf tingi");
    assert_eq!(norm("tahun 2000 rp 1000000"), "tahun 2000 rp 1000000");
    assert_eq!(evidence("bangsaaaat!", "bangsat"), "bangsaaaat");
}

#[test]
fn spelled_out_words_are_joined() {
    assert_eq!(norm("dasar b.a.n.g.s.a.t!"), "dasar bangsat");
    assert_eq!(norm("a n j i n g kau"), "anjing kau");
    assert_eq!(norm("k-o-n-t-o-l"), "kontol");
    assert_eq!(norm("t_a_i"), "tai");
    assert_eq!(norm("b*a*b*i"), "babi");
    assert_eq!(norm("b - a - b - i"), "b a b i");
    assert_eq!(norm("b.4.n.g.s.4.t"), "bangsat");
    assert_eq!(evidence("dasar b.a.n.g.s.a.t!", "bangsat"), "b.a.n.g.s.a.t");
    // Not joined: only two letters, mixed or doubled separators, digits only.
    assert_eq!(norm("s.d. a.n."), "s d a n");
    assert_eq!(norm("a. b. c."), "a b c");
    assert_eq!(norm("b.a-n.g"), "b a n g");
    assert_eq!(norm("1 2 3 4"), "1 2 3 4");
    assert_eq!(norm("Jl. A. Yani"), "jalan a yani");
}

#[test]
fn reduplication_with_2() {
    assert_eq!(norm("hati2 di jalan"), "hati hati di jalan");
    assert_eq!(norm("anak2nya"), "anak anaknya");
    assert_eq!(norm("org2 itu"), "orang orang itu");
    assert_eq!(norm("ke2 22 abc22"), "ke2 22 abc22");
    assert_eq!(evidence("hati2 ya", "hati hati"), "hati2");
    assert_eq!(evidence("hati2 ya", "hati ya"), "hati2 ya");
    assert_eq!(evidence("anak2nya", "anaknya"), "anak2nya");
    assert_eq!(evidence("anak2nya", "anak"), "anak");
}

#[test]
fn slang_replacement_and_its_map() {
    let original = "Gw gak tau yg BENER, udh gitu aja!!";
    let n = normalize(original);
    assert_eq!(n.as_str(), "gue tidak tahu yang benar sudah begitu saja");
    assert_eq!(evidence(original, "tidak"), "gak");
    assert_eq!(evidence(original, "tidak tahu yang"), "gak tau yg");
    assert_eq!(evidence(original, "benar"), "BENER");
    // Repeated letters collapse before the lookup.
    assert_eq!(norm("GAAAK nggaaak bgttt"), "tidak tidak banget");
    // Multi-word values: every byte maps to the slang word.
    let original = "makasiih gpp kok";
    let n = normalize(original);
    assert_eq!(n.as_str(), "terima kasih tidak apa apa kok");
    assert_eq!(evidence(original, "kasih"), "makasiih");
    assert_eq!(evidence(original, "apa"), "gpp");
    assert_eq!(n.word_index(n.as_str().find("kok").unwrap()), 5);
    // `anjir` is an exclamation, not the insult.
    assert_eq!(norm("anjir anjg"), "anjir anjing");
}

#[test]
fn phrases_and_texts_meet() {
    assert_eq!(normalize_phrase("Ganti Presiden"), "ganti presiden");
    assert_eq!(normalize_phrase("maaf"), normalize("MAAAF").as_str());
    assert_eq!(
        normalize_phrase("gak becus"),
        normalize("GA BECUSSS").as_str()
    );
    assert_eq!(normalize_phrase("bangsat"), normalize("b4ngs4aat").as_str());
    assert_eq!(
        normalize_phrase("#2019GantiPresiden"),
        "2019 ganti presiden"
    );
    assert_eq!(
        normalize_phrase("capres"),
        normalize("Calon Presiden").as_str()
    );
    assert_eq!(
        split_hashtag("#GantiPresiden"),
        normalize_phrase("ganti presiden")
    );
}

#[test]
fn normalisation_is_idempotent_on_ordinary_text() {
    for s in [
        "Dasar B4NGS4AAT!! #2019GantiPresiden https://x.id @budi",
        "hati2 di jalan, org2 gak tau",
        "Kafé 😂 ꦲꦏ꧀ꦱꦫ مرحبا 2019 covid19",
        "b.a.n.g.s.a.t maaf tinggi capres",
    ] {
        let once = norm(s);
        assert_eq!(norm(&once), once, "{s:?}");
    }
}

#[test]
fn word_index_counts_words_before() {
    let n = normalize("satu, dua!! tiga  empat");
    assert_eq!(n.as_str(), "satu dua tiga empat");
    assert_eq!(n.word_count(), 4);
    assert_eq!(n.word_index(0), 0);
    assert_eq!(n.word_index(3), 0);
    assert_eq!(n.word_index(4), 0); // the space after "satu"
    assert_eq!(n.word_index(5), 1);
    assert_eq!(n.word_index(9), 2);
    assert_eq!(n.word_index(14), 3);
    assert_eq!(n.word_index(100), 3);
    assert_eq!(n.word_range(1), Some(5..8));
    assert_eq!(n.word_range(3), Some(14..19));
    assert_eq!(n.word_range(4), None);
    // Slang values and hashtags add words.
    let n = normalize("gpp #GantiPresiden ok");
    assert_eq!(n.as_str(), "tidak apa apa ganti presiden oke");
    assert_eq!(n.word_index(n.as_str().find("presiden").unwrap()), 4);
}

#[test]
fn spaces_map_to_the_separator_between_words() {
    let original = "satu,   dua";
    let n = normalize(original);
    assert_eq!(&original[n.original_range(4, 5)], ",   ");
}

#[test]
fn out_of_range_queries_do_not_panic() {
    let n = normalize("abc def");
    assert_eq!(n.original_range(4, 100), 4..7);
    assert_eq!(n.original_range(100, 200), 7..7);
    assert_eq!(n.original_range(3, 3), 3..3);
}

/// Random strings from tricky pieces: no panic, clean spacing, valid ranges everywhere.
#[test]
fn property_random_tricky_strings() {
    const PIECES: &[&str] = &[
        "a",
        "B",
        "z",
        "4",
        "0",
        "1",
        "2",
        "3",
        "@",
        "$",
        "#",
        "_",
        ".",
        "-",
        "*",
        " ",
        "  ",
        "\n",
        "\t",
        "!",
        "?",
        ",",
        "é",
        "E\u{301}",
        "\u{301}",
        "ß",
        "İ",
        "😂",
        "🇮🇩",
        "👍🏽",
        "\u{200B}",
        "\u{200D}",
        "\u{FE0F}",
        "ꦲ",
        "꧀",
        "ꦏ",
        "م",
        "\u{64E}",
        "中",
        "ﬁ",
        "ﷺ",
        "Ｂ",
        "𝐁",
        "½",
        "http://",
        "https://x.id/a",
        "www.",
        "@budi",
        "#Tag",
        "#2019Ganti",
        "x@y.co",
        "gak",
        "yg",
        "bangsaaat",
        "hati2",
        "nggak",
        "anjing",
        "\u{00c3}",
        "\u{0080}",
        "\u{FFFD}",
        "\u{10FFFF}",
        "\0",
        "&#",
        "b.",
        "a ",
        "'",
        "\"",
        "(",
        ")",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    for _ in 0..3000 {
        let len = next() % 24;
        let s: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        let n = normalize(&s);
        let text = n.as_str();
        assert!(!text.contains("  "), "double space for {s:?}: {text:?}");
        assert!(
            !text.starts_with(' ') && !text.ends_with(' '),
            "{s:?}: {text:?}"
        );
        assert!(
            text.chars().all(|c| c == ' '
                || c.is_alphanumeric()
                || unicode_normalization::char::is_combining_mark(c)),
            "unexpected character in {text:?} for {s:?}"
        );
        assert_eq!(text.to_lowercase(), text, "{s:?}");
        let mut words = 0;
        let mut pos = 0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let start = text[pos..].find(word).unwrap() + pos;
            let end = start + word.len();
            pos = end;
            assert_eq!(n.word_index(start), words, "{s:?}: {text:?}");
            assert_eq!(n.word_index(end - 1), words);
            assert_eq!(n.word_range(words), Some(start..end));
            words += 1;
            let r = n.original_range(start, end);
            assert!(r.start < r.end, "empty range for {word:?} in {s:?}");
            assert!(r.end <= s.len());
            assert!(
                s.is_char_boundary(r.start) && s.is_char_boundary(r.end),
                "range {r:?} for {word:?} splits a char in {s:?}"
            );
        }
        assert_eq!(n.word_count(), words, "{s:?}: {text:?}");
        // The phrase form is the same text.
        assert_eq!(normalize_phrase(&s), text);
        // Mojibake repair never panics and is a no-op on valid repaired output.
        let _ = repair_mojibake(&s);
    }
}

#[test]
fn a_reused_result_equals_a_fresh_one() {
    let texts = [
        "Dasar B4NGS4AAT!! lihat https://x.id/a @budi #GantiPresiden",
        "",
        "ok",
        &"kata panjang sekali ".repeat(5_000),
        "hati2 di jalan, yg penting b.a.n.g.s.a.t",
    ];
    let mut reused = NormalizedText::default();
    for text in texts {
        normalize_into(text, &mut reused);
        assert_eq!(reused, normalize(text), "text {text:?}");
    }
}
