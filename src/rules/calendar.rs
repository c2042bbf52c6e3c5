//! The election calendar: which election, and which phase of it, a date falls in.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use crate::model::Severity;
use crate::rules::schema::ElectionSpec;

/// Phases of an election, from the least to the most sensitive for an ASN's neutrality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Before candidates are formally set: support for a *bakal calon* (ethics, SKB 2022).
    PreCandidacy,
    /// From the day after voting until the result is set.
    Recount,
    /// Candidates set, campaign not yet begun: support is a disciplinary matter.
    Candidacy,
    Campaign,
    Quiet,
    Voting,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::PreCandidacy,
        Phase::Recount,
        Phase::Candidacy,
        Phase::Campaign,
        Phase::Quiet,
        Phase::Voting,
    ];

    /// The id used in `findings.jsonl` and in rule files' `phase_severity`.
    pub fn id(self) -> &'static str {
        match self {
            Phase::PreCandidacy => "pra_pencalonan",
            Phase::Candidacy => "pencalonan",
            Phase::Campaign => "kampanye",
            Phase::Quiet => "masa_tenang",
            Phase::Voting => "pemungutan_suara",
            Phase::Recount => "rekapitulasi",
        }
    }

    /// Severity when a rule does not set its own: acts after candidates are set are
    /// discipline under PP 94/2021; before, ethics under SKB 2022.
    pub fn default_severity(self) -> Severity {
        match self {
            Phase::PreCandidacy | Phase::Recount => Severity::Medium,
            Phase::Candidacy | Phase::Campaign | Phase::Quiet | Phase::Voting => Severity::High,
        }
    }
}

/// One election with its phases as date ranges (inclusive, WIB dates).
#[derive(Debug, Clone)]
pub struct Election {
    pub id: String,
    pub name: String,
    watch_from: NaiveDate,
    candidates_set: NaiveDate,
    campaign: (NaiveDate, NaiveDate),
    quiet: (NaiveDate, NaiveDate),
    voting: NaiveDate,
    result: Option<NaiveDate>,
    /// Ballot number → who it stood for.
    ballot: BTreeMap<u32, String>,
}

impl Election {
    pub fn from_spec(spec: &ElectionSpec) -> Result<Election, String> {
        let date = |field: &str, value: &str| {
            NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
                format!(
                    "election `{}`: `{field}` is {value:?}, expected a date YYYY-MM-DD",
                    spec.id
                )
            })
        };
        let registration = spec
            .registration
            .as_deref()
            .map(|d| date("registration", d))
            .transpose()?;
        let candidates_set = date("candidates_set", &spec.candidates_set)?;
        let watch_from = match (&spec.watch_from, registration) {
            (Some(d), _) => date("watch_from", d)?,
            (None, Some(reg)) => reg.checked_sub_days(Days::new(365)).unwrap_or(reg),
            (None, None) => candidates_set
                .checked_sub_days(Days::new(365))
                .unwrap_or(candidates_set),
        };
        let mut ballot = BTreeMap::new();
        for (number, meaning) in &spec.ballot {
            let n = number.trim().parse::<u32>().map_err(|_| {
                format!(
                    "election `{}`: ballot key {number:?} is not a ballot number (expected \"1\", \"2\"…)",
                    spec.id
                )
            })?;
            ballot.insert(n, meaning.clone());
        }
        let election = Election {
            id: spec.id.clone(),
            name: spec.name.clone(),
            watch_from,
            candidates_set,
            campaign: (
                date("campaign", &spec.campaign[0])?,
                date("campaign", &spec.campaign[1])?,
            ),
            quiet: (
                date("quiet", &spec.quiet[0])?,
                date("quiet", &spec.quiet[1])?,
            ),
            voting: date("voting", &spec.voting)?,
            result: spec
                .result
                .as_deref()
                .map(|d| date("result", d))
                .transpose()?,
            ballot,
        };
        let order = [
            election.watch_from,
            election.candidates_set,
            election.campaign.0,
            election.campaign.1,
            election.quiet.0,
            election.quiet.1,
            election.voting,
        ];
        if order.windows(2).any(|w| w[0] > w[1]) {
            return Err(format!(
                "election `{}`: dates are out of order; expected watch_from ≤ candidates_set ≤ campaign ≤ quiet ≤ voting",
                spec.id
            ));
        }
        Ok(election)
    }

    /// Who ballot number `number` stood for in this election, when the calendar says.
    pub fn ballot(&self, number: u32) -> Option<&str> {
        self.ballot.get(&number).map(String::as_str)
    }

    /// The phase `day` falls in, if it falls within this election's window at all.
    pub fn phase_on(&self, day: NaiveDate) -> Option<Phase> {
        let within = |(from, to): (NaiveDate, NaiveDate)| from <= day && day <= to;
        if day == self.voting {
            Some(Phase::Voting)
        } else if within(self.quiet) {
            Some(Phase::Quiet)
        } else if within(self.campaign) {
            Some(Phase::Campaign)
        } else if self.candidates_set <= day && day < self.campaign.0 {
            Some(Phase::Candidacy)
        } else if self.watch_from <= day && day < self.candidates_set {
            Some(Phase::PreCandidacy)
        } else if self
            .result
            .is_some_and(|result| self.voting < day && day <= result)
        {
            Some(Phase::Recount)
        } else {
            None
        }
    }
}

/// All elections, answering "which election and phase is this moment in?".
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    elections: Vec<Election>,
}

impl Calendar {
    pub fn election(&self, id: &str) -> Option<&Election> {
        self.elections.iter().find(|e| e.id == id)
    }

    pub fn new(mut elections: Vec<Election>) -> Calendar {
        elections.sort_by(|a, b| a.voting.cmp(&b.voting).then_with(|| a.id.cmp(&b.id)));
        Calendar { elections }
    }

    pub fn elections(&self) -> &[Election] {
        &self.elections
    }

    /// The most sensitive phase any election is in at `when` (dates are read in WIB, where
    /// the calendar's days are defined), among `only` when it is not empty.
    pub fn phase_at(
        &self,
        when: &DateTime<FixedOffset>,
        only: &[String],
    ) -> Option<(&Election, Phase)> {
        let day = when
            .with_timezone(&crate::platform::dates::wib())
            .date_naive();
        self.elections
            .iter()
            .filter(|e| only.is_empty() || only.iter().any(|id| id == &e.id))
            .filter_map(|e| e.phase_on(day).map(|p| (e, p)))
            .max_by_key(|(e, p)| (*p, e.voting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pemilu_2024() -> Election {
        Election::from_spec(&ElectionSpec {
            id: "pemilu-2024".into(),
            name: "Pemilu 2024".into(),
            watch_from: None,
            registration: Some("2023-10-19".into()),
            candidates_set: "2023-11-13".into(),
            campaign: ["2023-11-28".into(), "2024-02-10".into()],
            quiet: ["2024-02-11".into(), "2024-02-13".into()],
            voting: "2024-02-14".into(),
            result: Some("2024-03-20".into()),
            ballot: Default::default(),
            notes: String::new(),
        })
        .unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_phase_boundary_is_inclusive_where_the_calendar_says() {
        let e = pemilu_2024();
        assert_eq!(e.phase_on(day("2022-10-18")), None);
        assert_eq!(e.phase_on(day("2022-10-19")), Some(Phase::PreCandidacy));
        assert_eq!(e.phase_on(day("2023-11-12")), Some(Phase::PreCandidacy));
        assert_eq!(e.phase_on(day("2023-11-13")), Some(Phase::Candidacy));
        assert_eq!(e.phase_on(day("2023-11-28")), Some(Phase::Campaign));
        assert_eq!(e.phase_on(day("2024-02-10")), Some(Phase::Campaign));
        assert_eq!(e.phase_on(day("2024-02-11")), Some(Phase::Quiet));
        assert_eq!(e.phase_on(day("2024-02-14")), Some(Phase::Voting));
        assert_eq!(e.phase_on(day("2024-03-20")), Some(Phase::Recount));
        assert_eq!(e.phase_on(day("2024-03-21")), None);
    }

    #[test]
    fn a_utc_evening_is_already_the_next_day_in_wib() {
        let calendar = Calendar::new(vec![pemilu_2024()]);
        // 2024-02-13 18:00 UTC is 2024-02-14 01:00 WIB: voting day.
        let when = DateTime::parse_from_rfc3339("2024-02-13T18:00:00+00:00").unwrap();
        let (e, phase) = calendar.phase_at(&when, &[]).unwrap();
        assert_eq!((e.id.as_str(), phase), ("pemilu-2024", Phase::Voting));
    }

    #[test]
    fn out_of_order_dates_are_rejected_with_the_election_named() {
        let mut spec = ElectionSpec {
            id: "x".into(),
            name: "X".into(),
            watch_from: None,
            registration: None,
            candidates_set: "2024-05-01".into(),
            campaign: ["2024-04-01".into(), "2024-04-02".into()],
            quiet: ["2024-04-03".into(), "2024-04-04".into()],
            voting: "2024-04-05".into(),
            result: None,
            ballot: Default::default(),
            notes: String::new(),
        };
        assert!(Election::from_spec(&spec).unwrap_err().contains("`x`"));
        spec.candidates_set = "2024-13-01".into();
        assert!(Election::from_spec(&spec)
            .unwrap_err()
            .contains("candidates_set"));
    }
}
