//! Invented Indonesian social-media text: templates with `{slot}`s filled from word banks.
//! Everything here was written for this generator; nothing is taken from real posts, the
//! evaluation sets or the format samples. The harmless banks avoid the words the audit rules
//! react to (candidates, numbers that look like phone numbers, "sebarkan", prices, trips
//! that leave the house empty…) so a zero-violation corpus audits clean.

use super::rng::Rng;

const CITIES: &[&str] = &[
    "Bandung",
    "Jogja",
    "Semarang",
    "Surabaya",
    "Medan",
    "Makassar",
    "Palembang",
    "Malang",
    "Solo",
    "Bogor",
    "Depok",
    "Bekasi",
    "Pontianak",
    "Manado",
    "Padang",
    "Denpasar",
    "Balikpapan",
    "Kupang",
    "Ambon",
    "Jayapura",
    "Banjarmasin",
    "Pekanbaru",
    "Cirebon",
];
const FOODS: &[&str] = &[
    "nasi goreng",
    "soto ayam",
    "bakso",
    "mie ayam",
    "gado-gado",
    "pecel lele",
    "rendang",
    "nasi uduk",
    "ketoprak",
    "sate padang",
    "batagor",
    "seblak",
    "lontong sayur",
    "rawon",
    "nasi kuning",
    "pempek",
    "coto makassar",
    "gudeg",
    "martabak manis",
    "bubur ayam",
    "es cendol",
    "es teh manis",
    "kopi susu gula aren",
    "pisang goreng",
    "tahu gejrot",
];
const WEATHER: &[&str] = &[
    "cerah",
    "mendung",
    "gerimis",
    "hujan deres",
    "panas terik",
    "adem",
    "berkabut",
];
const FAMILY: &[&str] = &[
    "anak-anak",
    "si kecil",
    "istri",
    "suami",
    "ibu",
    "bapak",
    "mertua",
    "adik",
    "keponakan",
    "nenek",
    "kakak",
];
const FAMILY_ACTIVITY: &[&str] = &[
    "belajar naik sepeda",
    "main ke taman kota",
    "belanja sayur",
    "berenang",
    "ngerjain PR",
    "nonton film kartun",
    "bikin kue",
    "jalan pagi",
    "main layangan",
    "beres-beres rumah",
    "nanam cabai di halaman",
    "latihan menggambar",
];
const PLACES: &[&str] = &[
    "alun-alun",
    "taman kota",
    "pasar pagi",
    "perpustakaan daerah",
    "car free day",
    "masjid dekat rumah",
    "gereja",
    "lapangan kompleks",
    "kebun binatang",
    "museum",
    "toko buku",
    "pantai",
    "warung langganan",
];
const ROADS: &[&str] = &[
    "jalan protokol",
    "perempatan pasar",
    "flyover",
    "pintu tol",
    "jalan lingkar",
    "depan sekolah",
    "bundaran",
    "jalan arteri",
];
const TRAFFIC: &[&str] = &[
    "sabar aja deh",
    "mending berangkat lebih pagi besok",
    "untung bawa motor",
    "kayaknya ada perbaikan jalan",
    "hati-hati di jalan ya semua",
    "jalan kaki aja lebih cepet",
    "udah kayak parkiran",
    "gak gerak sama sekali",
];
const OFFICE_TOPIC: &[&str] = &[
    "pelayanan publik",
    "penyusunan laporan kinerja",
    "evaluasi program",
    "digitalisasi arsip",
    "survei kepuasan masyarakat",
    "pelatihan aplikasi baru",
    "rencana kerja tahunan",
    "inovasi layanan",
    "sosialisasi SOP",
    "penilaian mandiri",
    "monitoring kegiatan",
];
const UNITS: &[&str] = &[
    "bidang pelayanan",
    "sekretariat",
    "subbag umum",
    "bidang perencanaan",
    "tim IT",
    "bagian keuangan",
    "bidang SDM",
    "puskesmas",
    "kelurahan",
    "kecamatan",
    "UPT",
];
const HOBBY: &[&str] = &[
    "gowes",
    "lari pagi",
    "badminton",
    "futsal",
    "senam",
    "mancing",
    "baca novel",
    "berkebun",
    "main catur",
    "yoga",
    "renang",
];
const FEELINGS: &[&str] = &[
    "seneng bgt",
    "alhamdulillah",
    "syukur",
    "lumayan capek tapi puas",
    "bahagia itu sederhana",
    "jadi semangat lagi",
    "capek tapi happy",
    "adem rasanya",
    "berasa muda lagi",
];
const CLOSINGS: &[&str] = &[
    "Semangat semua!",
    "Selamat beraktivitas!",
    "Have a nice day!",
    "Tetap sehat ya.",
    "Jangan lupa bahagia.",
    "Selamat pagi dari kami.",
    "Semoga berkah.",
    "Sampai jumpa besok.",
    "Alhamdulillah.",
    "Mantap.",
    "Makasih semuanya.",
    "Salam hangat.",
];
const EMOJI: &[&str] = &[
    "😊", "😂", "🙏", "👍", "🔥", "❤️", "😍", "🤣", "☕", "🍜", "🚗", "🌧️", "☀️", "💪", "🎉", "🥰",
    "😅", "🤲", "🇮🇩", "📚", "🏃", "🚴", "🌿", "✨",
];
const HASHTAGS: &[&str] = &[
    "#kuliner",
    "#jalanjalan",
    "#keluarga",
    "#senin",
    "#jumatberkah",
    "#olahraga",
    "#sehat",
    "#ASNBerAKHLAK",
    "#BanggaMelayaniBangsa",
    "#pelayananpublik",
    "#hujan",
    "#macet",
    "#kopi",
    "#weekend",
    "#family",
    "#indonesia",
    "#pagi",
    "#kerjabakti",
    "#bacabuku",
];
const FIRST_NAMES: &[&str] = &[
    "Budi", "Sari", "Dewi", "Agus", "Rina", "Yusuf", "Joko", "Wulan", "Andi", "Fitri", "Dimas",
    "Ayu", "Rizky", "Putri", "Hendra", "Nur", "Bayu", "Lestari", "Fajar", "Indah", "Eko", "Maya",
    "Taufik", "Ratna", "Gilang", "Siti", "Arif", "Nanda", "Yohanes", "Made", "Ketut", "Ani",
    "Rudi", "Tika",
];
const LAST_NAMES: &[&str] = &[
    "Santoso",
    "Wulandari",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Lestari",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Wijaya",
    "Setiawan",
    "Rahmawati",
    "Sihombing",
    "Putra",
    "Utami",
    "Gunawan",
    "Harahap",
    "Permana",
    "Susanti",
    "Manurung",
    "Tanjung",
];
const GROUPS: &[&str] = &[
    "Warga Perumahan Griya Asri",
    "Info Kuliner {city}",
    "Komunitas Gowes {city}",
    "Alumni SMA Negeri 3 {city}",
    "Jual Beli Tanaman Hias {city}",
    "Pecinta Kucing {city}",
    "Resep Masakan Rumahan",
    "Ibu-Ibu Arisan RT",
    "Pemancing Mania {city}",
    "Komunitas Lari {city}",
];
const PAGES: &[&str] = &[
    "Perpustakaan Daerah {city}",
    "Resep Nusantara",
    "Info Cuaca {city}",
    "Taman Kota {city}",
    "Kedai Kopi Senja",
    "Toko Buku Cahaya",
    "Dinas Perhubungan {city}",
    "Puskesmas {city}",
    "Batik Lestari",
    "Klub Badminton {city}",
    "Jelajah Kuliner Nusantara",
];
const GREETINGS: &[&str] = &[
    "Selamat Hari Raya Idulfitri, mohon maaf lahir dan batin {emoji}",
    "Selamat menunaikan ibadah puasa Ramadan, semoga lancar sampai akhir {emoji}",
    "Selamat Hari Natal bagi yang merayakan, damai selalu {emoji}",
    "Selamat Hari Raya Nyepi, rahajeng nyanggra rahina Nyepi {emoji}",
    "Selamat Hari Raya Waisak, semoga semua makhluk berbahagia {emoji}",
    "Gong Xi Fa Cai, selamat Tahun Baru Imlek {emoji}",
    "Selamat Idul Adha, semoga kurbannya berkah {emoji}",
    "Selamat Tahun Baru Islam, semoga tahun ini lebih baik {emoji}",
    "Dirgahayu Republik Indonesia! Merdeka! {emoji}",
    "Selamat Hari Guru untuk semua guru hebat {emoji}",
    "Selamat Hari Ibu, terima kasih untuk semua ibu yg luar biasa {emoji}",
];

/// One harmless sentence; the templates cover everyday life, office, family, food, traffic,
/// hobbies, weather and holiday greetings, in the informal register people post in.
const HARMLESS: &[&str] = &[
    "Pagi ini {weather} bgt di {city}, ngopi dulu sebelum berangkat {emoji}",
    "Akhirnya nyobain {food} yg lagi rame itu, ternyata enak bgt {emoji}",
    "Makan siang {food} di warung deket kantor, porsinya pas {emoji}",
    "Macet di {road} pagi ini, {traffic} {emoji}",
    "Rapat {office} bareng {unit} hari ini lancar, makasih semuanya {emoji}",
    "Hari ini belajar {office} bareng tim {unit}, ilmunya kepake bgt",
    "Nemenin {family} {activity} di {place}, {feeling} {emoji}",
    "Weekend ini {hobby} dulu biar badan seger {emoji}",
    "{feeling}, akhirnya kerjaan minggu ini beres juga {emoji}",
    "Gak kerasa udah hari Jumat lagi, {closing}",
    "Hujan dari sore, enaknya makan {food} anget {emoji}",
    "Alhamdulillah {family} udah sembuh, makasih doanya ya semua {emoji}",
    "Lagi baca buku bagus di {place}, recommended bgt",
    "Ada yg tau {food} paling enak di {city}? Kasih rekomendasi dong {emoji}",
    "Pulang kerja langsung {hobby}, biar gak stres {emoji}",
    "Kerja bakti bareng warga pagi ini, lingkungan jadi bersih {emoji}",
    "Baru nyampe kantor, langsung disambut kopi dari temen {emoji}",
    "Listrik sempet padam sebentar, untung cepet nyala lagi",
    "Hari pertama {family} masuk sekolah, semangat ya nak {emoji}",
    "Cuaca {weather} gini paling enak tidur siang {emoji}",
    "Senam pagi bareng rekan kantor, seru juga ternyata {emoji}",
    "Nyoba resep {food} dari internet, hasilnya lumayan lah {emoji}",
    "{greeting}",
    "Terima kasih untuk semua rekan di {unit} atas kerja samanya {emoji}",
    "Antre di bank lumayan lama tadi, tapi pelayanannya ramah",
    "Sore-sore {hobby} di {place}, {feeling}",
    "Motor baru selesai servis, jalan jadi enak lagi",
    "Tanaman cabai di halaman mulai berbuah, {feeling} {emoji}",
    "Jalan pagi keliling kompleks, udaranya seger bgt {emoji}",
    "Gak nyangka {food} buatan {family} seenak ini {emoji}",
];
/// Short replies and comments.
const COMMENTS: &[&str] = &[
    "Wah mantap {emoji}",
    "Setuju bgt",
    "Makasih infonya {emoji}",
    "Aamiin {emoji}",
    "Keren kak!",
    "Selamat ya {emoji}",
    "Hati-hati di jalan",
    "Semangat terus {emoji}",
    "Enak bgt kayaknya {emoji}",
    "Wkwkwk bener bgt",
    "Ikut seneng dengernya {emoji}",
    "Cepet sembuh ya",
    "Lokasinya di mana kak?",
    "Mau dong resepnya {emoji}",
    "Sama-sama {emoji}",
    "Luar biasa {emoji}",
    "Gak kebayang serunya",
    "Salam buat keluarga ya",
    "Siap, terima kasih",
    "Lucu bgt {emoji}",
];

fn bank(name: &str) -> &'static [&'static str] {
    match name {
        "city" => CITIES,
        "food" => FOODS,
        "weather" => WEATHER,
        "family" => FAMILY,
        "activity" => FAMILY_ACTIVITY,
        "place" => PLACES,
        "road" => ROADS,
        "traffic" => TRAFFIC,
        "office" => OFFICE_TOPIC,
        "unit" => UNITS,
        "hobby" => HOBBY,
        "feeling" => FEELINGS,
        "closing" => CLOSINGS,
        "emoji" => EMOJI,
        "greeting" => GREETINGS,
        "first" => FIRST_NAMES,
        "last" => LAST_NAMES,
        "hashtag" => HASHTAGS,
        _ => super::violations::bank(name),
    }
}

/// Fills every `{slot}` of `template`; a filled value may hold slots of its own.
pub fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill_into(rng, template, &mut out, 0);
    out
}

fn fill_into(rng: &mut Rng, template: &str, out: &mut String, depth: u8) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let value = *rng.pick(bank(&after[..close]));
        if depth < 3 {
            fill_into(rng, value, out, depth + 1);
        } else {
            out.push_str(value);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

pub fn sentence(rng: &mut Rng) -> String {
    let template = *rng.pick(HARMLESS);
    fill(rng, template)
}

pub fn comment(rng: &mut Rng) -> String {
    let template = *rng.pick(COMMENTS);
    fill(rng, template)
}

/// A post of 20–`max` characters: one or more sentences, sometimes a hashtag.
pub fn post(rng: &mut Rng, max: usize, sentences: u64) -> String {
    let mut text = sentence(rng);
    for _ in 1..sentences {
        let next = sentence(rng);
        if text.chars().count() + next.chars().count() + 1 > max {
            break;
        }
        text.push(if rng.chance(0.5) { ' ' } else { '\n' });
        text.push_str(&next);
    }
    if rng.chance(0.3) {
        let tag = *rng.pick(HASHTAGS);
        if text.chars().count() + tag.len() < max {
            text.push(' ');
            text.push_str(tag);
        }
    }
    truncate(text, max)
}

/// Cuts on a character boundary, so a long greeting never exceeds the platform's limit.
pub fn truncate(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].trim_end().to_owned(),
        None => text,
    }
}

pub fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

/// An invented handle such as `sari_wulandari87`.
pub fn handle(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST_NAMES).to_lowercase();
    let last = rng.pick(LAST_NAMES).to_lowercase();
    let sep = *rng.pick(&["_", ".", ""]);
    format!("{first}{sep}{last}{}", rng.range(1, 99))
}

pub fn group(rng: &mut Rng) -> String {
    let template = *rng.pick(GROUPS);
    fill(rng, template)
}

pub fn page(rng: &mut Rng) -> String {
    let template = *rng.pick(PAGES);
    fill(rng, template)
}

pub fn city(rng: &mut Rng) -> &'static str {
    CITIES[rng.below(CITIES.len() as u64) as usize]
}
