//! Structural validators for Indonesian identifiers (`../shared/domain/IDENTIFIERS.md`): a long
//! digit string is not a leak by itself, so a candidate must have the identifier's structure.

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

/// Province codes in use (Kemendagri), the first two digits of a NIK or KK.
const PROVINCES: [u8; 38] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

/// Mobile operator prefixes after the leading `08`.
const OPERATOR_PREFIXES: [&str; 27] = [
    "11", "12", "13", "21", "22", "23", "51", "52", "53", "14", "15", "16", "55", "56", "57", "58",
    "17", "18", "19", "59", "77", "78", "79", "31", "32", "33", "38",
];
const OPERATOR_PREFIX_RANGES: [(&str, &str); 2] = [("95", "99"), ("81", "89")];

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

    /// A regex finding candidates in the original text. Guards at both ends keep a candidate
    /// from being a slice of a longer number (a post id); `is_valid` strips them.
    pub fn candidate_pattern(self) -> &'static str {
        match self {
            Validator::Nik | Validator::NoKk => {
                r"(?:^|[^\w.,/-])(\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{6}[ .-]?\d{4})(?:$|[^\w/-]|[.,](?:\s|$))"
            }
            Validator::Nip => {
                r"(?:^|[^\w.,/-])(\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3})(?:$|[^\w/-]|[.,](?:\s|$))"
            }
            Validator::Npwp => {
                r"(?:^|[^\w.,/-])(\d{2}\.?\d{3}\.?\d{3}\.?\d[ .-]?\d{3}\.?\d{3}|0?\d{15}|\d{16})(?:$|[^\w/-]|[.,](?:\s|$))"
            }
            Validator::PhoneId => {
                r"(?:^|[^\w.,/+-])((?:\+62|62|0)[ .-]?8\d{1,2}(?:[ .-]?\d{2,4}){2,4})(?:$|[^\w/-]|[.,](?:\s|$))"
            }
            Validator::Email => r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b",
            Validator::PaymentCard => {
                r"(?:^|[^\w.,/-])(\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7})(?:$|[^\w/-]|[.,](?:\s|$))"
            }
        }
    }

    /// Whether a candidate (as the pattern matched it, guards included) has the structure.
    pub fn is_valid(self, candidate: &str) -> bool {
        if self == Validator::Email {
            return is_email(candidate.trim());
        }
        let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
        match self {
            Validator::Nik => nik_valid(&digits, true),
            Validator::NoKk => nik_valid(&digits, false),
            Validator::Nip => nip_valid(&digits),
            Validator::Npwp => npwp_valid(&digits),
            Validator::PhoneId => phone_valid(candidate.trim(), &digits),
            Validator::PaymentCard => card_valid(&digits),
            Validator::Email => unreachable!("handled above"),
        }
    }
}

fn two(digits: &str, at: usize) -> Option<u32> {
    digits.get(at..at + 2)?.parse().ok()
}

/// A real calendar date from two-digit year: valid in either century.
fn real_date(yy: u32, month: u32, day: u32) -> bool {
    [1900 + yy, 2000 + yy]
        .iter()
        .any(|&year| NaiveDate::from_ymd_opt(year as i32, month, day).is_some())
}

/// NIK (`PP RR DD DDMMYY SSSS`, women's day + 40) or, without the +40, a family card number.
fn nik_valid(digits: &str, female_offset: bool) -> bool {
    if digits.len() != 16 {
        return false;
    }
    let (Some(province), Some(regency), Some(district)) =
        (two(digits, 0), two(digits, 2), two(digits, 4))
    else {
        return false;
    };
    let (Some(mut day), Some(month), Some(yy)) = (two(digits, 6), two(digits, 8), two(digits, 10))
    else {
        return false;
    };
    if female_offset && (41..=71).contains(&day) {
        day -= 40;
    }
    PROVINCES.contains(&(province as u8))
        && regency != 0
        && district != 0
        && real_date(yy, month, day)
        && &digits[12..] != "0000"
}

/// NIP PNS: birth date, start of service (year, month), gender, serial.
fn nip_valid(digits: &str) -> bool {
    if digits.len() != 18 {
        return false;
    }
    let number = |range: std::ops::Range<usize>| digits[range].parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(4..6), number(6..8)) else {
        return false;
    };
    let (Some(start_year), Some(start_month)) = (number(8..12), number(12..14)) else {
        return false;
    };
    (1940..=2010).contains(&year)
        && NaiveDate::from_ymd_opt(year as i32, month, day).is_some()
        && start_year >= year + 17
        && start_year <= 2035
        && (1..=12).contains(&start_month)
        && matches!(&digits[14..15], "1" | "2")
        && &digits[15..] != "000"
}

/// NPWP: 15 digits with a Luhn check over the first nine, or the 16-digit form (a NIK, or 0 +
/// the 15 digits).
fn npwp_valid(digits: &str) -> bool {
    match digits.len() {
        15 => luhn_valid(&digits[..9]) && &digits[..9] != "000000000",
        16 if digits.starts_with('0') => npwp_valid(&digits[1..]),
        16 => nik_valid(digits, true),
        _ => false,
    }
}

fn phone_valid(candidate: &str, digits: &str) -> bool {
    let local = if let Some(rest) = digits
        .strip_prefix("62")
        .filter(|_| !candidate.starts_with('0'))
    {
        format!("0{rest}")
    } else {
        digits.to_string()
    };
    if !(10..=13).contains(&local.len()) || !local.starts_with("08") {
        return false;
    }
    let prefix = &local[2..4];
    OPERATOR_PREFIXES.contains(&prefix)
        || OPERATOR_PREFIX_RANGES
            .iter()
            .any(|(from, to)| prefix >= *from && prefix <= *to)
}

fn card_valid(digits: &str) -> bool {
    if !(13..=19).contains(&digits.len()) || !luhn_valid(digits) {
        return false;
    }
    let prefix = |n: usize| digits[..n].parse::<u32>().unwrap_or(0);
    digits.starts_with('4')
        || (51..=55).contains(&prefix(2))
        || (2221..=2720).contains(&prefix(4))
        || matches!(prefix(2), 34 | 37 | 65 | 35)
        || prefix(4) == 6011
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The Luhn checksum over a string of digits (the last digit is the check digit).
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
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// Appends the Luhn check digit to `body`.
    fn with_luhn(body: &str) -> String {
        (0..10)
            .map(|d| format!("{body}{d}"))
            .find(|c| luhn_valid(c))
            .unwrap()
    }

    #[test]
    fn nik_structure() {
        let valid = [
            "3273051204850001",
            "3273055204850002",
            "1101010101000001",
            "9601010101990001",
            "32.73.05.120485.0001",
        ];
        for nik in valid {
            assert!(Validator::Nik.is_valid(nik), "{nik} should be valid");
        }
        let invalid = [
            "9912345678901234", // province 99
            "3174053208850003", // day 32
            "3273051213850001", // month 13
            "3273051204850000", // serial 0000
            "3200051204850001", // regency 00
            "3273053002850001", // 30 February
            "327305120485000",  // 15 digits
        ];
        for nik in invalid {
            assert!(!Validator::Nik.is_valid(nik), "{nik} should be invalid");
        }
        // A family card has no +40 for women.
        assert!(Validator::NoKk.is_valid("3273051204850001"));
        assert!(!Validator::NoKk.is_valid("3273055204850002"));
        assert!(!Validator::NoKk.is_valid("0000000000000000"));
    }

    #[test]
    fn nip_structure() {
        assert!(Validator::Nip.is_valid("198609262015051001"));
        assert!(Validator::Nip.is_valid("19860926 201505 1 001"));
        assert!(Validator::Nip.is_valid("197012312000122003"));
        for nip in [
            "198609262015053001", // gender 3
            "198609262015051000", // serial 000
            "198613262015051001", // month 13
            "198609262000051001", // service at 14
            "203009262015051001", // born 2030
            "198609262015131001", // service month 13
        ] {
            assert!(!Validator::Nip.is_valid(nip), "{nip} should be invalid");
        }
    }

    #[test]
    fn npwp_luhn() {
        let body = with_luhn("09254294");
        let npwp = format!(
            "{}.{}.{}.{}-407.000",
            &body[..2],
            &body[2..5],
            &body[5..8],
            &body[8..9]
        );
        assert!(Validator::Npwp.is_valid(&npwp), "{npwp}");
        let wrong_check = format!(
            "{}{}-407.000",
            &body[..8],
            (body.as_bytes()[8] - b'0' + 1) % 10
        );
        assert!(!Validator::Npwp.is_valid(&wrong_check), "{wrong_check}");
        assert!(Validator::Npwp.is_valid(&format!("0{}407000", body)));
        assert!(
            Validator::Npwp.is_valid("3273051204850001"),
            "a NIK is a 16-digit NPWP"
        );
        assert!(!Validator::Npwp.is_valid("000000000000000"));
    }

    #[test]
    fn phone_numbers() {
        for phone in [
            "081234567890",
            "0812-3456-7890",
            "+62 812 3456 7890",
            "6281234567890",
            "0857.1234.5678",
            "0896 1234 5678",
        ] {
            assert!(
                Validator::PhoneId.is_valid(phone),
                "{phone} should be valid"
            );
        }
        for phone in [
            "0810 1234 5678",
            "0212345678",
            "08123",
            "08123456789012345",
            "0800 1234 5678",
        ] {
            assert!(
                !Validator::PhoneId.is_valid(phone),
                "{phone} should be invalid"
            );
        }
    }

    #[test]
    fn cards_and_emails() {
        assert!(Validator::PaymentCard.is_valid("4111 1111 1111 1111"));
        assert!(!Validator::PaymentCard.is_valid("4111 1111 1111 1112"));
        assert!(!Validator::PaymentCard.is_valid("9111111111111111"));
        assert!(Validator::Email.is_valid("budi.contoh@example.co.id"));
        assert!(!Validator::Email.is_valid("budi@localhost"));
    }

    /// What the engine does: find candidates, then validate them.
    fn valid_candidates(v: Validator, text: &str) -> Vec<String> {
        let re = Regex::new(v.candidate_pattern()).unwrap();
        re.find_iter(text)
            .filter(|m| v.is_valid(m.as_str()))
            .map(|m| m.as_str().trim().to_string())
            .collect()
    }

    #[test]
    fn candidates_are_never_slices_of_ids_dates_or_prices() {
        assert_eq!(
            valid_candidates(Validator::Nik, "NIK saya 3273051204850001 ya").len(),
            1
        );
        assert_eq!(
            valid_candidates(Validator::Nik, "NIK: 3273051204850001."),
            ["3273051204850001."]
        );
        assert!(
            valid_candidates(Validator::Nik, "status 1327305120485000123 dibalas").is_empty(),
            "a 19-digit post id"
        );
        assert!(
            valid_candidates(Validator::Nik, "lihat x.com/a/status/3273051204850001").is_empty(),
            "inside a path"
        );
        assert!(valid_candidates(Validator::Nik, "tanggal 2024-02-14 jam 20240214").is_empty());
        assert!(valid_candidates(Validator::Nik, "harga Rp 1.500.000 dan Rp150.000").is_empty());
        assert_eq!(
            valid_candidates(Validator::PhoneId, "WA 0812-3456-7890 ya").len(),
            1
        );
        assert_eq!(
            valid_candidates(Validator::PhoneId, "hubungi +62 812 3456 7890").len(),
            1
        );
        assert!(valid_candidates(Validator::PhoneId, "id 1981234567890123456").is_empty());
        assert!(valid_candidates(Validator::PhoneId, "harga Rp 1.500.000").is_empty());
        assert_eq!(
            valid_candidates(Validator::Nip, "NIP 19860926 201505 1 001").len(),
            1
        );
    }
}
