//! Everything a person reads in the report, in Indonesian and English.

use std::collections::BTreeMap;

use crate::model::{Category, ItemKind, Severity};
use crate::report::Lang;

fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

pub fn category_name(c: Category, lang: Lang) -> &'static str {
    match c {
        Category::Politik => pick(lang, "Politik praktis", "Partisan politics"),
        Category::Hoaks => pick(lang, "Hoaks", "Hoaxes"),
        Category::Sara => pick(lang, "SARA", "Ethnic, religious and racial hatred (SARA)"),
        Category::Kebencian => pick(lang, "Ujaran kebencian", "Hate speech"),
        Category::Pelecehan => pick(lang, "Pelecehan & perundungan", "Harassment & bullying"),
        Category::Pornografi => pick(lang, "Pornografi", "Pornography"),
        Category::Radikalisme => pick(lang, "Radikalisme", "Radicalism"),
        Category::Rahasia => pick(lang, "Informasi rahasia", "Confidential information"),
        Category::Privasi => pick(lang, "Data pribadi", "Personal data"),
        Category::Lokasi => pick(lang, "Kebocoran lokasi", "Location leaks"),
        Category::Pemborosan => pick(
            lang,
            "Pemborosan & pamer kemewahan",
            "Waste & flaunting wealth",
        ),
        Category::Judi => pick(lang, "Judi online", "Online gambling"),
    }
}

pub fn category_description(c: Category, lang: Lang) -> &'static str {
    match c {
        Category::Politik => pick(
            lang,
            "Dukungan kepada calon presiden, kepala daerah, anggota legislatif atau partai; ajakan memilih; tagar dan salam kampanye. Bobotnya mengikuti tahapan pemilu.",
            "Support for candidates or parties, calls to vote, campaign hashtags and hand signs. Severity follows the election phase.",
        ),
        Category::Hoaks => pick(
            lang,
            "Informasi bohong atau belum terverifikasi: pesan berantai, ajakan menyebarkan, penipuan berkedok bantuan atau hadiah.",
            "False or unverified information: chain messages, calls to spread, scams posing as aid or prizes.",
        ),
        Category::Sara => pick(
            lang,
            "Kebencian atau diskriminasi berdasarkan suku, agama, ras dan antargolongan.",
            "Hatred or discrimination based on ethnicity, religion, race or group.",
        ),
        Category::Kebencian => pick(
            lang,
            "Ujaran kebencian terhadap Pancasila, UUD 1945, NKRI, pemerintah atau orang; penghinaan dan fitnah.",
            "Hate speech against Pancasila, the Constitution, the unitary state, the government or individuals; insults and defamation.",
        ),
        Category::Pelecehan => pick(
            lang,
            "Kata-kata kasar, makian, perundungan dan pelecehan yang ditujukan kepada orang lain.",
            "Abusive language, insults, bullying and harassment aimed at others.",
        ),
        Category::Pornografi => pick(lang, "Konten seksual atau pornografi.", "Sexual or pornographic content."),
        Category::Radikalisme => pick(
            lang,
            "Radikalisme, terorisme, ekstremisme kekerasan dan hasutan separatis.",
            "Radicalism, terrorism, violent extremism and separatist incitement.",
        ),
        Category::Rahasia => pick(
            lang,
            "Informasi rahasia atau non-publik: dokumen bertanda RAHASIA, memo internal, keputusan yang belum diumumkan, bocoran soal ujian.",
            "Confidential or non-public information: classified documents, internal memos, unreleased decisions, leaked exams.",
        ),
        Category::Privasi => pick(
            lang,
            "Data pribadi milik sendiri atau orang lain: NIK, KK, NIP, NPWP, nomor telepon, alamat rumah, data anak.",
            "Personal data, own or others': ID numbers, tax numbers, phone numbers, home addresses, children's data.",
        ),
        Category::Lokasi => pick(
            lang,
            "Kebocoran lokasi: unggahan bertanda lokasi, GPS di foto, check-in, kabar sedang tidak di rumah.",
            "Location leaks: geotagged posts, GPS in photos, check-ins, announcing being away from home.",
        ),
        Category::Pemborosan => pick(
            lang,
            "Unggahan perjalanan dinas yang terkesan memboroskan anggaran negara, dan pamer kemewahan.",
            "Posts from official trips that read as wasting the state budget, and flaunting wealth.",
        ),
        Category::Judi => pick(lang, "Promosi judi online.", "Online gambling promotion."),
    }
}

pub fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::High => pick(lang, "Tinggi", "High"),
        Severity::Medium => pick(lang, "Sedang", "Medium"),
        Severity::Low => pick(lang, "Rendah", "Low"),
    }
}

pub fn kind_name(k: ItemKind, lang: Lang) -> &'static str {
    match k {
        ItemKind::Post => pick(lang, "Unggahan", "Post"),
        ItemKind::Reply => pick(lang, "Balasan", "Reply"),
        ItemKind::Repost => pick(lang, "Unggah ulang", "Repost"),
        ItemKind::Quote => pick(lang, "Kutipan", "Quote"),
        ItemKind::Comment => pick(lang, "Komentar", "Comment"),
        ItemKind::Like => pick(lang, "Suka", "Like"),
        ItemKind::Follow => pick(lang, "Mengikuti", "Follow"),
        ItemKind::Group => pick(lang, "Grup", "Group"),
        ItemKind::CheckIn => pick(lang, "Check-in", "Check-in"),
        ItemKind::Story => pick(lang, "Cerita", "Story"),
        ItemKind::Message => pick(lang, "Pesan", "Message"),
        ItemKind::Profile => pick(lang, "Profil", "Profile"),
    }
}

pub fn phase_name(phase_id: &str, lang: Lang) -> String {
    let name = match phase_id {
        "pra_pencalonan" => pick(
            lang,
            "Sebelum penetapan calon",
            "Before candidates were set",
        ),
        "pencalonan" => pick(lang, "Setelah penetapan calon", "After candidates were set"),
        "kampanye" => pick(lang, "Masa kampanye", "Campaign period"),
        "masa_tenang" => pick(lang, "Masa tenang", "Quiet period"),
        "pemungutan_suara" => pick(lang, "Hari pemungutan suara", "Voting day"),
        "rekapitulasi" => pick(lang, "Rekapitulasi hasil", "Counting of results"),
        other => return other.to_string(),
    };
    name.to_string()
}

pub fn exclusion_reason_name(reason: &str, lang: Lang) -> String {
    let name = match reason {
        "private" => pick(
            lang,
            "pesan pribadi (tidak diaudit tanpa --include-private)",
            "private messages (not audited without --include-private)",
        ),
        "outside_date_range" => pick(
            lang,
            "di luar rentang --since/--until",
            "outside --since/--until",
        ),
        other => return other.to_string(),
    };
    name.to_string()
}

/// Every fixed string of the templates, so the templates hold no language of their own.
pub fn ui(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    let entries: [(&str, &str, &str); 56] = [
        ("title", "Laporan Audit Jejak Digital ASN", "ASN Digital Footprint Audit Report"),
        ("notice_title", "Indikasi untuk ditinjau, bukan putusan", "Indications for review, not verdicts"),
        (
            "notice",
            "Setiap temuan adalah indikasi yang perlu ditinjau oleh manusia dengan melihat konteks unggahan aslinya. Temuan bukan bukti pelanggaran dan bukan dasar sanksi tanpa pemeriksaan.",
            "Every finding is an indication for a person to review in the context of the original post. It is not proof of a breach and no ground for a sanction without examination.",
        ),
        (
            "confidential",
            "Laporan ini memuat data pribadi. Simpan secara rahasia dan bagikan hanya kepada yang berwenang.",
            "This report holds personal data. Keep it confidential and share it only with those entitled to it.",
        ),
        ("accounts", "Akun", "Accounts"),
        ("account", "Akun", "Account"),
        ("platform", "Platform", "Platform"),
        ("source", "Sumber", "Source"),
        ("items", "Item dibaca", "Items read"),
        ("excluded", "Dikecualikan", "Excluded"),
        ("findings", "Temuan", "Findings"),
        ("errors", "Kesalahan", "Errors"),
        ("category", "Kategori", "Category"),
        ("total", "Jumlah", "Total"),
        ("high", "Tinggi", "High"),
        ("medium", "Sedang", "Medium"),
        ("low", "Rendah", "Low"),
        ("by_category", "Temuan per kategori", "Findings per category"),
        ("by_account", "Temuan per akun", "Findings per account"),
        ("coverage", "Cakupan", "Coverage"),
        ("dates", "Rentang tanggal", "Date range"),
        ("no_findings", "Tidak ada temuan untuk akun ini.", "No findings for this account."),
        ("no_errors", "Tidak ada kesalahan.", "No errors."),
        ("no_accounts", "Tidak ada akun yang dapat dibaca.", "No account could be read."),
        ("input_errors", "Berkas yang tidak dapat dibaca", "Files that could not be read"),
        ("file", "Berkas", "File"),
        ("message", "Keterangan", "Message"),
        ("details", "Rincian", "Details"),
        ("back", "← Kembali ke ringkasan", "← Back to the overview"),
        ("pages", "Halaman temuan", "Pages of findings"),
        ("search", "Cari", "Search"),
        ("search_hint", "nama akun, berkas, platform", "account name, file, platform"),
        ("worst", "Temuan terberat", "Worst finding"),
        ("all", "Semua akun", "All accounts"),
        ("with_findings", "Dengan temuan", "With findings"),
        ("without_findings", "Tanpa temuan", "Without findings"),
        ("sort_hint", "klik judul kolom untuk mengurutkan", "click a column heading to sort"),
        ("page", "Halaman", "Page"),
        ("of", "dari", "of"),
        ("previous", "← Sebelumnya", "← Previous"),
        ("next", "Berikutnya →", "Next →"),
        ("undated", "tanpa tanggal", "undated"),
        ("election", "Pemilu", "Election"),
        ("phase", "Tahapan", "Phase"),
        ("why", "Mengapa", "Why"),
        ("guideline", "Pedoman", "Guideline"),
        ("regulation", "Peraturan", "Regulation"),
        ("action", "Saran tindakan", "Recommended action"),
        ("evidence", "Bukti", "Evidence"),
        ("open_post", "Buka unggahan", "Open the post"),
        ("rule", "Aturan", "Rule"),
        ("fingerprint", "Sidik", "Fingerprint"),
        ("kind", "Jenis", "Kind"),
        ("per_kind", "Item per jenis", "Items per kind"),
        ("per_reason", "Dikecualikan per alasan", "Excluded per reason"),
        ("worst_first", "Diurutkan dari temuan terberat.", "Sorted with the most serious findings first."),
    ];
    entries
        .into_iter()
        .map(|(key, id, en)| (key, pick(lang, id, en)))
        .collect()
}
