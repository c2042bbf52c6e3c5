//! Structural validators for the identifiers privacy rules look for (see
//! `shared/domain/IDENTIFIERS.md`): a long digit string is not a leak by itself, so each
//! validator checks the structure (region codes, embedded dates, check digits, operator
//! prefixes) before a candidate counts.
//!
//! Each validator has a candidate pattern (regex crate syntax) that finds digit groups in the
//! original text, possibly split by single spaces, dots or dashes, and bounded by ASCII word
//! boundaries `(?-u:\b)` so that digits inside a longer run of digits or letters are never a
//! candidate. [`Validator::is_valid`] then checks one candidate as matched.
//!
//! Decisions:
//! - Patterns use ASCII digits and ASCII word boundaries: with Unicode `\b` the regex crate
//!   leaves its fast DFA on any non-ASCII text (emoji), about 60 times slower on real posts.
//!   The cost is that a digit run right after a non-ASCII letter (`é3273…`) is a candidate.
//! - `is_valid` accepts labels or guard characters around the number (`NIK: 3273…`): it looks
//!   at the span from the first digit (or a `+` right before it) to the last digit, which may
//!   hold only digits and single separators (space, `.`, `-`). Anything else inside (a `/`, a
//!   letter, two separators in a row) makes the candidate invalid, which keeps dates such as
//!   `14/02/2024` out.
//! - A number written with thousands separators (`1.500.000.000.000.000`: a first group of one
//!   to three digits not starting with 0, then groups of exactly three, all split by dots) is
//!   an amount of money, never an identifier.
//! - NIK and No. KK share a shape; only context tells them apart. A NIK's date may be the
//!   women's form (day + 40); a KK's registration date may not.
//! - The two-digit year of NIK and KK dates is read as 19YY and 20YY: valid if either is a
//!   real date (it only matters for 29 February).
//! - NPWP (15 digits): Luhn over the first nine digits (the ninth is the check digit of the
//!   first eight, as python-stdnum and Business::ID::NPWP compute it) and a taxpayer serial
//!   (`sss.sss`) other than 000000. 16 digits: a valid NIK, or `0` + a valid 15-digit NPWP.
//! - Payment cards: Luhn, a known IIN prefix, and a length that network issues (Visa 13/16/19,
//!   Mastercard 16, Amex 15, Discover and JCB 16–19). Dots are not card separators.
//! - E-mail: a pragmatic shape check; image names such as `logo@2x.png` are refused.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Validator {
    Nik,
    NoKk,
    Nip,
    Npwp,
    PhoneId,
    Email,
    PaymentCard,
}

impl Validator {
    pub const ALL: [Validator; 7] = [
        Validator::Nik,
        Validator::NoKk,
        Validator::Nip,
        Validator::Npwp,
        Validator::PhoneId,
        Validator::Email,
        Validator::PaymentCard,
    ];

    /// The validator a rule names: `nik`, `no_kk`, `nip`, `npwp`, `phone_id`, `email`,
    /// `payment_card`.
    pub fn parse(name: &str) -> Option<Validator> {
        Validator::ALL.into_iter().find(|v| v.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Validator::Nik => "nik",
            Validator::NoKk => "no_kk",
            Validator::Nip => "nip",
            Validator::Npwp => "npwp",
            Validator::PhoneId => "phone_id",
            Validator::Email => "email",
            Validator::PaymentCard => "payment_card",
        }
    }

    /// A regex (regex crate) finding candidates in the original text: the digit group possibly
    /// split by single spaces, dots or dashes, not preceded or followed by another digit or
    /// letter.
    pub fn candidate_pattern(self) -> &'static str {
        match self {
            Validator::Nik | Validator::NoKk => r"(?-u:\b)[0-9](?:[ .\-]?[0-9]){15}(?-u:\b)",
            Validator::Nip => r"(?-u:\b)[0-9](?:[ .\-]?[0-9]){17}(?-u:\b)",
            Validator::Npwp => r"(?-u:\b)[0-9](?:[ .\-]?[0-9]){14,15}(?-u:\b)",
            // 08 + 8 to 11 digits locally (10–13 in all), or 62 / +62 instead of the 0.
            Validator::PhoneId => {
                r"(?:\+62|(?-u:\b)62|(?-u:\b)0)[ .\-]?8(?:[ .\-]?[0-9]){8,11}(?-u:\b)"
            }
            Validator::Email => {
                r"(?-u:\b)[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?-u:\b)"
            }
            Validator::PaymentCard => r"(?-u:\b)[0-9](?:[ \-]?[0-9]){12,18}(?-u:\b)",
        }
    }

    /// Whether a text whose longest digit run ([`longest_digit_run`]) has `digits` digits
    /// (and with an address-like `@` or not, [`has_address_at`]) could hold a candidate: a
    /// cheap test that spares the candidate regex on most texts. Every number candidate is
    /// one such run, and every address has such an `@`.
    pub fn could_occur(self, digits: usize, has_at: bool) -> bool {
        match self {
            Validator::Email => has_at,
            Validator::PhoneId => digits >= 10,
            Validator::PaymentCard => digits >= 13,
            Validator::Npwp => digits >= 15,
            Validator::Nik | Validator::NoKk => digits >= 16,
            Validator::Nip => digits >= 18,
        }
    }

    /// Whether a candidate (as matched, guard characters and separators included) is
    /// structurally valid.
    pub fn is_valid(self, candidate: &str) -> bool {
        if self == Validator::Email {
            return email_valid(candidate);
        }
        let Some(number) = Number::parse(candidate) else {
            return false;
        };
        if number.is_amount() {
            return false;
        }
        let d = number.digits.as_str();
        match self {
            Validator::PhoneId => phone_valid(d, number.plus),
            _ if number.plus => false,
            Validator::Nik => nik_valid(d),
            Validator::NoKk => kk_valid(d),
            Validator::Nip => nip_valid(d),
            Validator::Npwp => npwp_valid(d),
            Validator::PaymentCard => !number.core.contains('.') && card_valid(d),
            Validator::Email => false,
        }
    }
}

/// Whether an '@' follows a character that can end an e-mail address's local part: an
/// address needs one, a mention (`@budi`, after a space) does not have one.
pub fn has_address_at(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'@', b)
        .any(|at| at > 0 && (b[at - 1].is_ascii_alphanumeric() || b"._%+-".contains(&b[at - 1])))
}

/// The number of digits in the longest run of ASCII digits in which one space, dot or dash
/// may stand between two digits (`3273 0512 0485 0001` is one run of 16): the shape of every
/// number candidate.
pub fn longest_digit_run(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut longest, mut run) = (0, 0);
    for (i, &x) in b.iter().enumerate() {
        if x.is_ascii_digit() {
            run += 1;
            longest = longest.max(run);
        } else {
            let joins = matches!(x, b' ' | b'.' | b'-')
                && i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !joins {
                run = 0;
            }
        }
    }
    longest
}

/// Luhn (mod 10) check over a string of ASCII digits, check digit last. Empty or non-digit
/// input is invalid.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The numeric part of a candidate.
struct Number<'a> {
    /// From the first digit (or the `+` before it) to the last digit.
    core: &'a str,
    /// The digits alone.
    digits: String,
    /// Written with a leading `+`.
    plus: bool,
}

impl<'a> Number<'a> {
    fn parse(candidate: &'a str) -> Option<Number<'a>> {
        let first = candidate.find(|c: char| c.is_ascii_digit())?;
        let last = candidate.rfind(|c: char| c.is_ascii_digit())?;
        let plus = candidate[..first].ends_with('+');
        let start = if plus { first - 1 } else { first };
        let core = &candidate[start..=last];
        let body = &candidate[first..=last];
        let mut digits = String::with_capacity(body.len());
        let mut after_separator = false;
        for c in body.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                after_separator = false;
            } else if matches!(c, ' ' | '.' | '-') && !after_separator {
                after_separator = true;
            } else {
                return None;
            }
        }
        Some(Number { core, digits, plus })
    }

    /// Written like an amount of money: `1.500.000`, `150.000.000.000.000.000`.
    fn is_amount(&self) -> bool {
        if self.plus || !self.core.contains('.') {
            return false;
        }
        let groups: Vec<&str> = self.core.split('.').collect();
        let Some((head, rest)) = groups.split_first() else {
            return false;
        };
        (1..=3).contains(&head.len())
            && head.bytes().all(|b| b.is_ascii_digit())
            && !(head.len() > 1 && head.starts_with('0'))
            && !rest.is_empty()
            && rest
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// Parses `digits[range]` as a number; the caller guarantees ASCII digits.
fn num(digits: &str, from: usize, len: usize) -> u32 {
    digits[from..from + len]
        .bytes()
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// Province codes in use (IDENTIFIERS.md), the Papua provinces of 2022 (93–96) included.
fn province_valid(code: u32) -> bool {
    matches!(
        code,
        11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81..=82 | 91..=96
    )
}

fn region_valid(d: &str) -> bool {
    province_valid(num(d, 0, 2)) && num(d, 2, 2) != 0 && num(d, 4, 2) != 0
}

fn real_date(year: i32, month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(year, month, day).is_some()
}

/// A `DDMMYY` date, the year read as 19YY or 20YY.
fn ddmmyy_valid(day: u32, month: u32, yy: u32) -> bool {
    let yy = yy as i32;
    real_date(1900 + yy, month, day) || real_date(2000 + yy, month, day)
}

fn nik_valid(d: &str) -> bool {
    if d.len() != 16 || !region_valid(d) || num(d, 12, 4) == 0 {
        return false;
    }
    let mut day = num(d, 6, 2);
    if (41..=71).contains(&day) {
        day -= 40;
    }
    (1..=31).contains(&day) && ddmmyy_valid(day, num(d, 8, 2), num(d, 10, 2))
}

fn kk_valid(d: &str) -> bool {
    d.len() == 16
        && region_valid(d)
        && num(d, 12, 4) != 0
        && ddmmyy_valid(num(d, 6, 2), num(d, 8, 2), num(d, 10, 2))
}

fn nip_valid(d: &str) -> bool {
    if d.len() != 18 {
        return false;
    }
    let birth_year = num(d, 0, 4);
    let (service_year, service_month) = (num(d, 8, 4), num(d, 12, 2));
    (1940..=2010).contains(&birth_year)
        && real_date(birth_year as i32, num(d, 4, 2), num(d, 6, 2))
        && service_year >= birth_year + 17
        && service_year <= 2035
        && (1..=12).contains(&service_month)
        && matches!(num(d, 14, 1), 1 | 2)
        && num(d, 15, 3) >= 1
}

fn npwp_valid(d: &str) -> bool {
    match d.len() {
        15 => luhn_valid(&d[..9]) && num(d, 2, 6) != 0,
        16 => nik_valid(d) || (d.starts_with('0') && npwp_valid(&d[1..])),
        _ => false,
    }
}

/// Mobile operator prefixes after `08` (IDENTIFIERS.md).
fn operator_valid(prefix: u32) -> bool {
    matches!(
        prefix,
        11..=13 | 21..=23 | 51..=53 | 14..=16 | 55..=58 | 17..=19 | 59 | 77..=79 | 31..=33 | 38
            | 95..=99 | 81..=89
    )
}

fn phone_valid(d: &str, plus: bool) -> bool {
    let local = if let Some(rest) = d.strip_prefix("62") {
        format!("0{rest}")
    } else if !plus && d.starts_with('0') {
        d.to_owned()
    } else {
        return false;
    };
    (10..=13).contains(&local.len()) && local.starts_with("08") && operator_valid(num(&local, 2, 2))
}

fn card_valid(d: &str) -> bool {
    let len = d.len();
    if !(13..=19).contains(&len) || !luhn_valid(d) {
        return false;
    }
    let p2 = num(d, 0, 2);
    let p4 = num(d, 0, 4);
    if d.starts_with('4') {
        matches!(len, 13 | 16 | 19)
    } else if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) {
        len == 16
    } else if p2 == 34 || p2 == 37 {
        len == 15
    } else if p4 == 6011 || p2 == 65 || p2 == 35 {
        len >= 16
    } else {
        false
    }
}

/// File extensions that look like a top-level domain in `name@2x.png`.
const IMAGE_EXTENSIONS: [&str; 8] = ["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "heic"];

fn email_valid(candidate: &str) -> bool {
    // Guard characters around the address: anything a local part cannot hold before it,
    // anything but a letter or digit after it (a sentence's full stop).
    let email = candidate
        .trim_start_matches(|c: char| !(c.is_ascii_alphanumeric() || "._%+-".contains(c)))
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    if !local_ok || domain.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let labels_ok = labels.iter().all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let tld = labels[labels.len() - 1];
    labels_ok
        && (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !IMAGE_EXTENSIONS.contains(&tld.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Appends the Luhn check digit to `body`.
    fn with_luhn(body: &str) -> String {
        (0..=9)
            .map(|c| format!("{body}{c}"))
            .find(|s| luhn_valid(s))
            .unwrap()
    }

    /// Appends a digit that makes `body` fail Luhn.
    fn with_bad_luhn(body: &str) -> String {
        let good = with_luhn(body);
        let last = good.as_bytes()[good.len() - 1] - b'0';
        format!("{body}{}", (last + 1) % 10)
    }

    /// A 15-digit NPWP from its first eight digits, tax office and branch.
    fn make_npwp(first8: &str, office: &str, branch: &str) -> String {
        format!("{}{office}{branch}", with_luhn(first8))
    }

    fn check(v: Validator, valid: &[&str], invalid: &[&str]) {
        for c in valid {
            assert!(v.is_valid(c), "{} should accept {c:?}", v.name());
        }
        for c in invalid {
            assert!(!v.is_valid(c), "{} should refuse {c:?}", v.name());
        }
    }

    #[test]
    fn names_round_trip() {
        for v in Validator::ALL {
            assert_eq!(Validator::parse(v.name()), Some(v));
            Regex::new(v.candidate_pattern()).unwrap();
        }
        assert_eq!(Validator::parse("ktp"), None);
        assert_eq!(Validator::parse("NIK"), None);
    }

    #[test]
    fn luhn() {
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        assert!(luhn_valid("092542943"));
        assert!(luhn_valid("4111111111111111"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4111 1111"));
        assert_eq!(with_luhn("7992739871"), "79927398713");
        assert!(!luhn_valid(&with_bad_luhn("7992739871")));
    }

    #[test]
    fn nik() {
        check(
            Validator::Nik,
            &[
                "3273051204850001",    // Jawa Barat, 12 Apr 1985
                "3273055204850001",    // the same date for a woman (52 = 12 + 40)
                "1101010101000001",    // Aceh, 1 Jan 2000 / 1900
                "9601017112990123",    // province 96, 31 Dec (71 = 31 + 40)
                "3173 0512 0485 0001", // spaced
                "32.73.05.120485.0001",
                "3273-05-120485-0001",
                "NIK: 3273051204850001", // a label before
                " 3273051204850001 ",    // guard characters
                "3404012902000002",      // 29 Feb 2000
                "3404016902960002",      // 29 Feb 1996, woman
            ],
            &[
                "2073051204850001",    // province 20 does not exist
                "4173051204850001",    // nor 41
                "9773051204850001",    // nor 97
                "3200051204850001",    // regency 00
                "3273001204850001",    // district 00
                "3273053204850001",    // day 32
                "3273057204850001",    // day 72
                "3273050004850001",    // day 00
                "3273054004850001",    // day 40
                "3273051213850001",    // month 13
                "3273051200850001",    // month 00
                "3273053102850001",    // 31 Feb
                "3404012902010002",    // 29 Feb 1901 / 2001
                "3273051204850000",    // serial 0000
                "327305120485000",     // 15 digits
                "32730512048500011",   // 17 digits
                "1234567890123456789", // a post id
                "3273/05/120485/0001", // not a separator
                "3273  0512 0485 0001",
                "3.273.051.204.850.001", // an amount
                "+3273051204850001",
                "",
                "NIK",
            ],
        );
    }

    #[test]
    fn no_kk() {
        check(
            Validator::NoKk,
            &[
                "3273051204100003", // registered 12 Apr 2010
                "5171013112190007", // Bali, 31 Dec 2019
                "3273 0512 0410 0003",
                "1101012902000001",
            ],
            &[
                "3273055204100003", // day + 40 is only for NIK
                "3273051204100000", // serial 0000
                "3273053204100003", // day 32
                "3273051213100003", // month 13
                "8373051204100003", // province 83
                "3273001204100003", // district 00
                "327305120410000",
            ],
        );
    }

    #[test]
    fn nip() {
        check(
            Validator::Nip,
            &[
                "198609262015051001",
                "19860926 201505 1 001",
                "19860926-201505-1-001",
                "196001011985032002",
                "200012312020122999",
                "194002292000011001", // 29 Feb 1940
            ],
            &[
                "198609262015053001",      // gender 3
                "198609262015050001",      // gender 0
                "198609262015051000",      // serial 000
                "198609262015131001",      // service month 13
                "198609262015001001",      // service month 00
                "198609262002051001",      // service at 16
                "198609262036051001",      // service after 2035
                "193912312000011001",      // born before 1940
                "201101012030011001",      // born after 2010
                "198602302015051001",      // 30 Feb
                "198613012015051001",      // month 13
                "19860926201505100",       // 17 digits
                "1986092620150510011",     // 19 digits
                "19860926 201505 1 001 2", // more digits
            ],
        );
    }

    #[test]
    fn npwp_examples_from_the_sources() {
        assert!(Validator::Npwp.is_valid("09.254.294.3-407.000"));
        assert!(Validator::Npwp.is_valid("01.312.166.0-091.000"));
        assert!(Validator::Npwp.is_valid("016090524017000"));
        assert!(Validator::Npwp.is_valid("013000666091000"));
    }

    #[test]
    fn npwp_numbers() {
        let civil_servant = make_npwp("15123456", "407", "000");
        let company = make_npwp("02183241", "012", "001");
        let bad = format!("{}407000", with_bad_luhn("15123456"));
        let zero_serial = make_npwp("15000000", "407", "000");
        let sixteen = format!("0{civil_servant}");
        let sixteen_bad = format!("0{bad}");
        let dotted = format!(
            "{}.{}.{}.{}-{}.{}",
            &civil_servant[..2],
            &civil_servant[2..5],
            &civil_servant[5..8],
            &civil_servant[8..9],
            &civil_servant[9..12],
            &civil_servant[12..]
        );
        check(
            Validator::Npwp,
            &[
                &civil_servant,
                &company,
                &sixteen,
                &dotted,
                "3273051204850001", // the NIK is the new individual NPWP
            ],
            &[
                &bad,
                &zero_serial,
                &sixteen_bad,
                &format!("1{civil_servant}"), // 16 digits, neither NIK nor 0 + NPWP
                &civil_servant[..14],
                "09.254.294.4-407.000", // check digit off by one
                "000000000000000",
                "2073051204850001",
            ],
        );
    }

    #[test]
    fn phone() {
        check(
            Validator::PhoneId,
            &[
                "081234567890",
                "0812-3456-7890",
                "0812 3456 7890",
                "0812.3456.7890",
                "+62 812 3456 7890",
                "+6281234567890",
                "6281234567890",
                "62812345678",
                "0811234567",     // 10 digits
                "0895123456789",  // 13 digits
                "0859 1234 5678", // XL
                "0838-1234-5678", // Axis
                "0881 2345 6789", // Smartfren
                "HP/WA: 0857 1234 5678",
            ],
            &[
                "081023456789",   // 0810 is no operator
                "0820 1234 5678", // nor 0820
                "0834 1234 5678",
                "0860 1234 5678",
                "081234567",      // 9 digits: too short
                "08123456789012", // 14 digits
                "+081234567890",  // + without the country code
                "+1 812 3456 7890",
                "6581234567890",
                "021 1234 5678", // a landline
                "0812/3456/7890",
            ],
        );
        // Dotted in threes is how some people write phone numbers; it starts with 0 so it is
        // not an amount.
        assert!(Validator::PhoneId.is_valid("081.234.567.890"));
    }

    #[test]
    fn payment_card() {
        let visa = with_luhn("411111111111111");
        let visa13 = with_luhn("422222222222");
        let mastercard = with_luhn("555555555555444");
        let mastercard2 = with_luhn("222300000000000");
        let amex = with_luhn("37828224631000");
        let discover = with_luhn("601111111111111");
        let jcb = with_luhn("353011133330000");
        let spaced = format!(
            "{} {} {} {}",
            &visa[..4],
            &visa[4..8],
            &visa[8..12],
            &visa[12..]
        );
        let dashed = spaced.replace(' ', "-");
        let dotted = spaced.replace(' ', ".");
        check(
            Validator::PaymentCard,
            &[
                &visa,
                &visa13,
                &mastercard,
                &mastercard2,
                &amex,
                &discover,
                &jcb,
                &spaced,
                &dashed,
            ],
            &[
                &with_bad_luhn("411111111111111"),
                &with_luhn("91111111111111"),      // unknown IIN
                &with_luhn("12345678901234567"),   // unknown IIN
                &with_luhn("5555555555554"),       // Mastercard of 14 digits
                &with_luhn("3782822463100"),       // Amex of 14 digits
                &with_luhn("41111111111111"),      // Visa of 15 digits
                &with_luhn("1234567890123456789"), // a post id
                &dotted,
                "4111",
            ],
        );
    }

    #[test]
    fn email() {
        check(
            Validator::Email,
            &[
                "budi.santoso@example.go.id",
                "a_b+tag@mail.example.com",
                "(siti@example.co.id)",
                "x@y.id",
            ],
            &[
                "@budi",
                "budi@",
                "budi@localhost",
                ".budi@example.com",
                "budi..s@example.com",
                "budi@-example.com",
                "logo@2x.png",
                "foto@3x.JPG",
                "budi@example.c0m",
                "budi at example.com",
            ],
        );
    }

    #[test]
    fn dates_prices_and_ids_are_not_identifiers() {
        let not_ids = [
            "2024-02-14",
            "20240214",
            "14/02/2024",
            "Rp 150.000",
            "Rp1.500.000",
            "Rp 1.500.000.000",
            "1234567890123456789",
            "1707868800",
            "1707868800000",
        ];
        for v in Validator::ALL {
            for s in not_ids {
                let re = Regex::new(v.candidate_pattern()).unwrap();
                let valid: Vec<_> = re
                    .find_iter(s)
                    .map(|m| m.as_str())
                    .filter(|m| v.is_valid(m))
                    .collect();
                assert!(valid.is_empty(), "{} accepted {valid:?} in {s:?}", v.name());
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for v in Validator::ALL {
            for s in [
                "",
                "+",
                "++62",
                "-",
                "0",
                "08",
                "+6",
                "@",
                "a@",
                "@b.",
                "٣٢٧٣٠٥١٢٠٤٨٥٠٠٠١",
                "３２７３０５１２０４８５０００１",
                "é3273051204850001é",
                "3273051204850001\u{301}",
                "+ 62 812",
                "62",
                "620",
                "0000000000000000000000000000",
            ] {
                let _ = v.is_valid(s);
            }
        }
    }

    /// The valid candidates each validator's own pattern finds in `text`.
    fn found(v: Validator, text: &str) -> Vec<String> {
        Regex::new(v.candidate_pattern())
            .unwrap()
            .find_iter(text)
            .filter(|m| v.is_valid(m.as_str()))
            .map(|m| m.as_str().to_owned())
            .collect()
    }

    #[test]
    fn the_digit_prefilter_never_hides_a_valid_identifier() {
        use Validator::*;
        let valid: &[(Validator, &str)] = &[
            (Nik, "3273051204850001"),
            (NoKk, "3273051204100003"),
            (Nip, "19860926 201505 1 001"),
            (Npwp, "09.254.294.3-407.000"),
            (PhoneId, "0812-3456-7890"),
            (PhoneId, "+62 812 3456 7890"),
            (PaymentCard, "4111 1111 1111 1111"),
            (Email, "budi@contoh.go.id"),
        ];
        for &(v, text) in valid {
            assert!(v.is_valid(text), "{v:?} {text}");
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            assert!(v.could_occur(digits, text.contains('@')), "{v:?} {text}");
        }
        assert!(!Nik.could_occur(15, false));
        assert!(!Email.could_occur(40, false));
        assert!(!PhoneId.could_occur(9, true));
    }

    #[test]
    fn candidate_patterns_over_sentences() {
        use Validator::*;
        let cases: &[(Validator, &str, &[&str])] = &[
            (Nik, "NIK saya 3273051204850001 ya", &["3273051204850001"]),
            (Nik, "NIK: 3273 0512 0485 0001.", &["3273 0512 0485 0001"]),
            (
                Nik,
                "KTP 32.73.05.120485.0001 hilang",
                &["32.73.05.120485.0001"],
            ),
            (Nik, "lihat https://x.com/a/status/1234567890123456789", &[]),
            (Nik, "id 12345678901234567890", &[]),
            (Nik, "kode 3273051204850001234", &[]),
            (Nik, "kodeA3273051204850001", &[]),
            (Nik, "3273051204850001x", &[]),
            (Nik, "harga Rp 1.500.000", &[]),
            (Nik, "tanggal 2024-02-14 jam 10", &[]),
            (
                Nik,
                "dua: 3273051204850001 dan 3273055204850002",
                &["3273051204850001", "3273055204850002"],
            ),
            (
                Nik,
                "🙏 NIK 3273051204850001 🙏 terima kasih",
                &["3273051204850001"],
            ),
            (Nik, "٣٢٧٣٠٥١٢٠٤٨٥٠٠٠١", &[]),
            (NoKk, "No. KK 3273051204100003", &["3273051204100003"]),
            (Nip, "NIP 19860926 201505 1 001", &["19860926 201505 1 001"]),
            (Nip, "NIP198609262015051001", &[]),
            (
                Npwp,
                "NPWP 09.254.294.3-407.000 ok",
                &["09.254.294.3-407.000"],
            ),
            (Npwp, "NPWP 092542943407000", &["092542943407000"]),
            (Npwp, "harga Rp 150.000.000.000.000", &[]),
            (PhoneId, "WA 0812-3456-7890 ya", &["0812-3456-7890"]),
            (PhoneId, "hubungi +62 812 3456 7890", &["+62 812 3456 7890"]),
            (PhoneId, "hubungi 6281234567890!", &["6281234567890"]),
            (PhoneId, "status/1081234567890123456", &[]),
            (PhoneId, "harga Rp 1.500.000", &[]),
            (PhoneId, "kantor (021) 1234 5678", &[]),
            (
                Email,
                "kirim ke budi.santoso@example.go.id.",
                &["budi.santoso@example.go.id"],
            ),
            (Email, "lihat logo@2x.png", &[]),
            (
                PaymentCard,
                "kartu 4111 1111 1111 1111 ya",
                &["4111 1111 1111 1111"],
            ),
            (PaymentCard, "kartu 4111111111111112", &[]),
            (
                PaymentCard,
                "lihat https://x.com/a/status/1234567890123456789",
                &[],
            ),
            (PaymentCard, "NIK 3273051204850001", &[]),
        ];
        for (v, text, expected) in cases {
            assert_eq!(&found(*v, text), expected, "{} in {text:?}", v.name());
            // The cheap test before the pattern never rules out a text that has a candidate.
            if !expected.is_empty() {
                assert!(
                    v.could_occur(longest_digit_run(text), has_address_at(text)),
                    "{} in {text:?}",
                    v.name()
                );
            }
        }
    }

    #[test]
    fn an_address_at_needs_a_local_part_before_it() {
        assert!(has_address_at("kirim ke budi.santoso@example.go.id"));
        assert!(has_address_at("x_1@y.id"));
        assert!(!has_address_at("@budi halo @ani"));
        assert!(!has_address_at("(@budi) @"));
    }

    #[test]
    fn digit_runs_allow_one_separator_between_digits() {
        assert_eq!(longest_digit_run("NIK: 3273 0512 0485 0001."), 16);
        assert_eq!(longest_digit_run("KTP 32.73.05.120485.0001"), 16);
        assert_eq!(longest_digit_run("+62 812-3456-7890"), 13);
        assert_eq!(longest_digit_run("tanggal 2024-02-14 jam 10"), 8);
        assert_eq!(longest_digit_run("1 2  3"), 2);
        assert_eq!(longest_digit_run("12, 34"), 2);
        assert_eq!(longest_digit_run("tanpa angka"), 0);
        assert_eq!(longest_digit_run("-5-"), 1);
    }
}
