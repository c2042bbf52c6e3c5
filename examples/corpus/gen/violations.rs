//! Posts that break the ASN guidelines, one category at a time, in sentences written for this
//! generator. Partisan posts are dated inside a campaign period so the election-aware rules
//! see them the way an inspectorate would; a geotag violation is a harmless text pinned to
//! coordinates (the writers add the point).

use super::rng::Rng;
use super::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Partisan,
    Hoax,
    Sara,
    Insult,
    Gambling,
    PersonalData,
    Secret,
    Geotag,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Partisan,
        Category::Hoax,
        Category::Sara,
        Category::Insult,
        Category::Gambling,
        Category::PersonalData,
        Category::Secret,
        Category::Geotag,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Partisan => "partisan",
            Category::Hoax => "hoax",
            Category::Sara => "sara",
            Category::Insult => "insult",
            Category::Gambling => "gambling",
            Category::PersonalData => "personal_data",
            Category::Secret => "secret",
            Category::Geotag => "geotag",
        }
    }
}

/// A violating post: its text, and when it must be dated (campaign periods) or pinned.
pub struct Violation {
    pub category: Category,
    pub text: String,
    /// Unix-second range the post must be dated in.
    pub window: Option<(i64, i64)>,
    pub geotag: bool,
}

/// Campaign periods (KPU calendar, UTC midnight bounds) and the tickets on the ballot.
const CAMPAIGNS: &[(i64, i64, &[&str])] = &[
    // Pilpres 2014: 4 Jun – 5 Jul 2014.
    (
        1_401_840_000,
        1_404_518_400,
        &["Jokowi-JK", "Prabowo-Hatta"],
    ),
    // Pemilu 2019: 23 Sep 2018 – 13 Apr 2019.
    (
        1_537_660_800,
        1_555_113_600,
        &["Jokowi-Ma'ruf", "Prabowo-Sandi"],
    ),
    // Pemilu 2024: 28 Nov 2023 – 10 Feb 2024.
    (
        1_701_129_600,
        1_707_523_200,
        &["Anies-Muhaimin", "Prabowo-Gibran", "Ganjar-Mahfud"],
    ),
];

const PARTISAN: &[&str] = &[
    "Ayo coblos {pair}!",
    "Saya dukung {pair} untuk Indonesia yg lebih baik. Jangan salah pilih ya teman-teman {emoji}",
    "Bismillah, kami sekeluarga pilih {pair}. Menang satu putaran!",
    "Mari menangkan {pair}! Ajak keluarga dan tetangga ke TPS {emoji}",
];
const HOAX: &[&str] = &[
    "Info dari grup sebelah: mulai besok semua ATM di {city} tutup 3 hari karena sistem diretas. Tarik uang sekarang, sebarkan ke semua grup!",
    "VIRAL!!! Rebusan daun sirsak tiap pagi terbukti menyembuhkan kanker dalam seminggu, dokter pun kaget. Bagikan sebelum dihapus!",
    "Copas dari grup: ada penculikan anak pakai mobil putih di sekitar {city}, sudah 5 korban. Tolong sebarkan!!",
    "PENTING!!! Besok ada gempa susulan besar di {city} jam 10 pagi kata orang BMKG, segera sebarkan ke keluarga!",
];
const SARA: &[&str] = &[
    "Dasar {faith} kafir, usir saja dari kampung kita!",
    "Umat {faith} itu sesat semua, jangan mau bertetangga sama mereka",
    "Orang cina biadab semua, ganyang saja!",
];
const INSULT: &[&str] = &[
    "Pelayanan di loket tadi lambat bgt, petugasnya goblok semua",
    "Dasar tolol, kerja gitu aja gak becus",
    "Bangsat, motor gw diserempet orang gak tau diri",
    "Kepala dinas kita itu memang dungu, kebijakannya ngawur terus",
];
const GAMBLING: &[&str] = &[
    "Slot gacor malam ini, maxwin terus! Daftar lewat link di bio {emoji}",
    "Bonus new member 100% langsung WD, situs slot paling gacor {emoji}",
    "Prediksi togel HK malam ini, angka jitu 4D dijamin tembus",
    "Main mix parlay bareng agen terpercaya, deposit pulsa tanpa potongan",
];
const PERSONAL: &[&str] = &[
    "Yang mau pesan kue kering lebaran bisa WA ke {phone} ya {emoji}",
    "Ini nomor HP orang yg nipu saya {phone}, serbu aja rame-rame!",
    "Ketemu dompet di parkiran, ada KTP atas nama {first} {last} NIK {nik}, yg kenal hubungi saya",
    "Info lowongan ART, hubungi HP {phone} (Bu {first})",
];
const SECRET: &[&str] = &[
    "Nota dinas hari ini, SANGAT RAHASIA, hasil rapat pimpinan soal mutasi pejabat eselon",
    "Bocoran SK mutasi bulan depan, sifat: RAHASIA. Jangan disebar ya, untuk kalangan sendiri",
    "Bocoran soal SKD CPNS tahun ini lengkap dengan kunci jawaban, minat DM",
    "Surat edaran RAHASIA tentang anggaran dinas tahun depan, foto dari meja kabag",
];
const FAITHS: &[&str] = &["kristen", "islam", "hindu", "buddha", "katolik", "konghucu"];

pub fn bank(name: &str) -> &'static [&'static str] {
    match name {
        "faith" => FAITHS,
        _ => &["?"],
    }
}

/// A violation of a random category; `pinnable` says whether the item can carry coordinates
/// (comments cannot, so a geotag there would be a harmless comment counted as a violation).
pub fn violation(rng: &mut Rng, pinnable: bool) -> Violation {
    let categories = if pinnable {
        &Category::ALL[..]
    } else {
        &Category::ALL[..Category::ALL.len() - 1]
    };
    let category = *rng.pick(categories);
    of(rng, category)
}

pub fn of(rng: &mut Rng, category: Category) -> Violation {
    let mut window = None;
    let mut geotag = false;
    let template = match category {
        Category::Partisan => {
            let (start, end, pairs) = *rng.pick(CAMPAIGNS);
            window = Some((start, end));
            let pair = *rng.pick(pairs);
            let template = *rng.pick(PARTISAN);
            let filled = text::fill(rng, &template.replace("{pair}", pair));
            return Violation {
                category,
                text: filled,
                window,
                geotag,
            };
        }
        Category::Hoax => *rng.pick(HOAX),
        Category::Sara => *rng.pick(SARA),
        Category::Insult => *rng.pick(INSULT),
        Category::Gambling => *rng.pick(GAMBLING),
        Category::PersonalData => *rng.pick(PERSONAL),
        Category::Secret => *rng.pick(SECRET),
        Category::Geotag => {
            geotag = true;
            ""
        }
    };
    let text = if template.is_empty() {
        text::sentence(rng)
    } else {
        let with_numbers = template
            .replace("{phone}", &phone(rng))
            .replace("{nik}", &nik(rng));
        text::fill(rng, &with_numbers)
    };
    Violation {
        category,
        text,
        window,
        geotag,
    }
}

/// An Indonesian mobile number in one of the ways people write it.
fn phone(rng: &mut Rng) -> String {
    let prefix = *rng.pick(&["0812", "0813", "0821", "0852", "0857", "0878", "0896"]);
    let a = rng.digits(4);
    let b = rng.digits(4);
    match rng.below(3) {
        0 => format!("{prefix}-{a}-{b}"),
        1 => format!("{prefix}{a}{b}"),
        _ => format!("+62 {} {a} {b}", &prefix[1..]),
    }
}

/// A structurally valid NIK: province+regency+district code, birth date (day + 40 for
/// women), serial.
fn nik(rng: &mut Rng) -> String {
    let region = *rng.pick(&["327301", "317404", "357805", "337401", "127106", "737108"]);
    let mut day = rng.range(1, 28);
    if rng.chance(0.5) {
        day += 40;
    }
    let month = rng.range(1, 12);
    let year = rng.range(60, 99);
    let serial = rng.range(1, 40);
    format!("{region}{day:02}{month:02}{year:02}{serial:04}")
}

/// A point in a populated area of one of Indonesia's cities (lat, lon).
pub fn point(rng: &mut Rng) -> (f64, f64) {
    const CENTRES: &[(f64, f64)] = &[
        (-6.2088, 106.8456),
        (-6.9175, 107.6191),
        (-7.7956, 110.3695),
        (-7.2575, 112.7521),
        (3.5952, 98.6722),
        (-5.1477, 119.4327),
        (-8.6500, 115.2167),
        (-0.0263, 109.3425),
    ];
    let (lat, lon) = *rng.pick(CENTRES);
    let jitter = |rng: &mut Rng| (rng.unit() - 0.5) * 0.08;
    (lat + jitter(rng), lon + jitter(rng))
}
