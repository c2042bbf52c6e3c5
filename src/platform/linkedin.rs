//! LinkedIn reader: the CSV files of "Get a copy of your data" (`Basic_LinkedInDataExport_*.zip`
//! or the complete export).
//!
//! Read: `Shares.csv` → `post` (`ShareCommentary`, `ShareLink` as permalink, `SharedUrl`,
//! `MediaUrl`, `Visibility`); `Comments.csv` → `comment` on `Link`; `Reactions.csv` → `like`
//! of `Link`; `Connections.csv`, `Company Follows.csv` and `Member_Follows.csv` → `follow`;
//! `Profile.csv` → `profile` (headline, summary, place).
//!
//! Decisions:
//! - Dates (`2025-07-01 14:33:22`) are UTC, as LinkedIn writes them; `Connected On`
//!   (`15 Jan 2024`) is a day.
//! - LinkedIn writes multi-line commentary with every line wrapped in literal quotes; those
//!   wrappers are removed so the text reads as written.
//! - `Visibility` `MEMBER_NETWORK`/`CONNECTIONS` → followers (connections), anything naming
//!   the public → public; comments, reactions and follows of companies are public;
//!   connections are visible to connections only → followers.
//! - Connections files start with "Notes:" lines; the header is found by its column names.
//! - Invitations, messages, ads, learning, jobs and settings files are ignored with a reason.

use chrono::{NaiveDate, TimeZone, Utc};

use crate::archive::{Archive, Entry};
use crate::model::{Audience, Item, ItemKind, Location, LocationOrigin, Media, Platform};
use crate::platform::kit::{self, meaningful, Problems, Run, Table};
use crate::platform::{GenericColumns, PlatformReader, Reading};

pub struct LinkedinReader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Shares,
    Comments,
    Reactions,
    Connections,
    CompanyFollows,
    MemberFollows,
    Profile,
}

fn role(entry: &Entry) -> Option<Role> {
    match kit::lower_name(entry).as_str() {
        "shares.csv" => Some(Role::Shares),
        "comments.csv" => Some(Role::Comments),
        "reactions.csv" => Some(Role::Reactions),
        "connections.csv" => Some(Role::Connections),
        "company follows.csv" | "company_follows.csv" => Some(Role::CompanyFollows),
        "member_follows.csv" | "member follows.csv" => Some(Role::MemberFollows),
        "profile.csv" => Some(Role::Profile),
        _ => None,
    }
}

impl PlatformReader for LinkedinReader {
    fn platform(&self) -> Platform {
        Platform::Linkedin
    }

    fn recognise(&self, entries: &[Entry]) -> u32 {
        let export_folder = entries
            .iter()
            .any(|e| e.path.to_lowercase().contains("linkedindataexport"));
        let mut score: u32 = entries
            .iter()
            .map(|e| match role(e) {
                Some(Role::Shares) => 30,
                Some(Role::Connections) | Some(Role::CompanyFollows) => 25,
                Some(Role::MemberFollows) => 20,
                Some(Role::Reactions) => 15,
                Some(Role::Profile) | Some(Role::Comments) => 5,
                None => match kit::lower_name(e).as_str() {
                    "invitations.csv"
                    | "rich_media.csv"
                    | "skills.csv"
                    | "positions.csv"
                    | "endorsement_received_info.csv" => 10,
                    _ => 0,
                },
            })
            .sum();
        if export_folder {
            score += 40;
        }
        // A lone CSV is the generic reader's unless its name is LinkedIn's own.
        if let [only] = entries {
            if !matches!(role(only), Some(Role::Shares | Role::Connections)) {
                return 0;
            }
            return 20;
        }
        // Names such as `Comments.csv` or `Profile.csv` alone are too common to be sure.
        if score < 20 {
            return 0;
        }
        score.min(100)
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut run = Run::new(archive);
        for (index, entry) in archive.entries().iter().enumerate() {
            match role(entry) {
                Some(role) => read_file(&mut run, index, role),
                None if kit::lower_name(entry).ends_with(".csv") => run.ignore(
                    index,
                    "not audited: account data without posts, comments, reactions or follows",
                ),
                None => {}
            }
        }
        run.finish()
    }
}

fn read_file(run: &mut Run, index: usize, role: Role) {
    let Some(text) = run.text(index) else { return };
    let (anchors, expected): (&[&str], &str) = match role {
        Role::Shares => (
            &["ShareCommentary", "ShareLink"],
            "`Date,ShareLink,ShareCommentary,…`",
        ),
        Role::Comments => (&["Message"], "`Date,Link,Message`"),
        Role::Reactions => (&["Type", "Link"], "`Date,Type,Link`"),
        Role::Connections => (
            &["First Name", "Connected On"],
            "`First Name,Last Name,URL,…,Connected On`",
        ),
        Role::CompanyFollows => (&["Organization"], "`Organization,Followed On`"),
        Role::MemberFollows => (&["FullName"], "`Date,FullName,Status`"),
        Role::Profile => (
            &["Headline", "First Name"],
            "`First Name,Last Name,…,Headline,Summary`",
        ),
    };
    let mut problems = Problems::default();
    // LinkedIn escapes quotes inside fields both as `""` and as `\"`.
    let table = match Table::parse_with(&text, anchors, Some(b'\\'), &mut problems) {
        Ok(t) => t,
        Err(message) => return run.fail(index, message, expected),
    };
    let file = run.entries()[index].path.clone();
    let found = table.rows.len() + table.skipped;
    let mut items = Vec::new();
    let mut unfollowed = 0;
    let col = |names: &[&str]| table.column(names);
    let date = col(&["Date", "Followed On", "Connected On", "Created At"]);
    for (position, row) in &table.rows {
        let get = |c: Option<usize>| Table::get(row, c);
        let id = |prefix: &str| format!("{prefix}-{position}");
        let mut item = match role {
            Role::Shares => {
                let link = get(col(&["ShareLink"]));
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Post,
                    urn_id(link).unwrap_or_else(|| id("share")),
                    kit::source(&file, *position),
                );
                item.text = unwrap_lines(get(col(&["ShareCommentary"])));
                kit::entities(&item.text.clone(), &mut item);
                if let Some(url) = meaningful(get(col(&["SharedUrl"]))) {
                    kit::push_unique(&mut item.urls, url);
                }
                if let Some(media) = meaningful(get(col(&["MediaUrl"]))) {
                    item.media.push(Media {
                        path: media.to_owned(),
                        gps: None,
                    });
                }
                item.permalink = meaningful(link).map(str::to_owned);
                let visibility = get(col(&["Visibility"])).to_uppercase();
                item.audience =
                    if visibility.contains("NETWORK") || visibility.contains("CONNECTION") {
                        Audience::Followers
                    } else if visibility.contains("PUBLIC") || visibility.contains("ANYONE") {
                        Audience::Public
                    } else {
                        Audience::Unknown
                    };
                item
            }
            Role::Comments => {
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Comment,
                    id("comment"),
                    kit::source(&file, *position),
                );
                item.text = unwrap_lines(get(col(&["Message"])));
                kit::entities(&item.text.clone(), &mut item);
                let link = meaningful(get(col(&["Link"]))).map(str::to_owned);
                item.target.clone_from(&link);
                item.permalink = link;
                item.audience = Audience::Public;
                item
            }
            Role::Reactions => {
                let link = meaningful(get(col(&["Link"]))).map(str::to_owned);
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Like,
                    link.as_deref()
                        .and_then(urn_id)
                        .unwrap_or_else(|| id("reaction")),
                    kit::source(&file, *position),
                );
                item.target.clone_from(&link);
                item.permalink = link;
                item.audience = Audience::Public;
                item
            }
            Role::Connections => {
                let name = [get(col(&["First Name"])), get(col(&["Last Name"]))]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                let url = meaningful(get(col(&["URL", "Profile URL"]))).map(str::to_owned);
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Follow,
                    url.clone().unwrap_or_else(|| id("connection")),
                    kit::source(&file, *position),
                );
                let work = [get(col(&["Position"])), get(col(&["Company"]))]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                item.text = if work.is_empty() {
                    name.clone()
                } else {
                    format!("{name} ({work})")
                };
                item.target = url.clone().or(Some(name).filter(|n| !n.is_empty()));
                item.permalink = url;
                item.audience = Audience::Followers;
                item
            }
            Role::CompanyFollows | Role::MemberFollows => {
                let name = get(col(&["Organization", "FullName", "Name"])).to_owned();
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Follow,
                    if name.is_empty() {
                        id("follow")
                    } else {
                        name.clone()
                    },
                    kit::source(&file, *position),
                );
                item.target = Some(name).filter(|n| !n.is_empty());
                item.audience = Audience::Public;
                if role == Role::MemberFollows
                    && get(col(&["Status"])).eq_ignore_ascii_case("inactive")
                {
                    // An unfollowed member is no longer followed: nothing to clean up.
                    unfollowed += 1;
                    continue;
                }
                item
            }
            Role::Profile => {
                let mut item = Item::new(
                    Platform::Linkedin,
                    ItemKind::Profile,
                    "profile",
                    kit::source(&file, *position),
                );
                item.text = kit::paragraphs(&[get(col(&["Headline"])), get(col(&["Summary"]))]);
                kit::entities(&item.text.clone(), &mut item);
                if let Some(place) = meaningful(get(col(&["Geo Location", "Location"]))) {
                    item.location = Some(Location {
                        lat: None,
                        lon: None,
                        name: Some(place.to_owned()),
                        origin: LocationOrigin::Profile,
                    });
                }
                let name = [get(col(&["First Name"])), get(col(&["Last Name"]))].join(" ");
                if !name.trim().is_empty() && run.reading.display_name.is_none() {
                    run.reading.display_name = Some(name.trim().to_owned());
                }
                item.audience = Audience::Public;
                item
            }
        };
        let raw = get(date);
        if let Some(raw) = meaningful(raw) {
            item.created_at = kit::parse_utc(raw)
                .or_else(|| {
                    // Company Follows: `Mon Jan 01 10:00:00 UTC 2024`.
                    chrono::NaiveDateTime::parse_from_str(raw, "%a %b %d %H:%M:%S UTC %Y")
                        .ok()
                        .map(|d| Utc.from_utc_datetime(&d).fixed_offset())
                })
                .or_else(|| {
                    NaiveDate::parse_from_str(raw, "%d %b %Y")
                        .ok()
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                        .map(|d| Utc.from_utc_datetime(&d).fixed_offset())
                });
            if item.created_at.is_none() {
                problems.gap(*position, format!("unreadable date `{raw}`"));
            }
        }
        items.push(item);
    }
    run.exclude("unfollowed", unfollowed);
    run.done(index, items, found, problems);
}

/// `…urn%3Ali%3Ashare%3A7345821826846990338` or `urn:li:activity:…` → `share:7345…`.
fn urn_id(link: &str) -> Option<String> {
    let decoded = link.replace("%3A", ":").replace("%3a", ":");
    let urn = decoded.split("urn:li:").nth(1)?;
    let urn: String = urn
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '_')
        .collect();
    (!urn.is_empty()).then_some(urn)
}

/// Undoes LinkedIn's multi-line quoting: every line after the first starts with a literal `"`
/// and every line before the last ends with one.
fn unwrap_lines(value: &str) -> String {
    if !value.contains('\n') {
        return value.trim().to_owned();
    }
    let lines: Vec<&str> = value.split('\n').collect();
    let last = lines.len() - 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut line = line.trim_end_matches('\r');
            if i > 0 {
                line = line.strip_prefix('"').unwrap_or(line);
            }
            if i < last {
                line = line.strip_suffix('"').unwrap_or(line);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_commentary_loses_its_wrappers() {
        assert_eq!(
            unwrap_lines("Baris satu.\"\n\"\"\n\"Baris \"dua\".\"\n\"Akhir"),
            "Baris satu.\n\nBaris \"dua\".\nAkhir"
        );
        assert_eq!(unwrap_lines(" satu baris "), "satu baris");
    }

    #[test]
    fn urns() {
        assert_eq!(
            urn_id("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7345821826846990338")
                .as_deref(),
            Some("share:7345821826846990338")
        );
        assert_eq!(
            urn_id("https://www.linkedin.com/feed/update/urn:li:activity:123/").as_deref(),
            Some("activity:123")
        );
        assert_eq!(urn_id("https://contoh.id"), None);
    }
}
