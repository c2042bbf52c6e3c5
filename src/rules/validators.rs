//! TEMPORARY stub (replaced by the real validators).
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
    pub fn parse(name: &str) -> Option<Validator> {
        match name {
            "nik" => Some(Validator::Nik),
            "phone_id" => Some(Validator::PhoneId),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        "nik"
    }
    pub fn candidate_pattern(self) -> &'static str {
        r"\b\d{16}\b"
    }
    pub fn is_valid(self, _candidate: &str) -> bool {
        true
    }
}
