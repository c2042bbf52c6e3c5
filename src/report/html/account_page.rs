//! An account's page: its coverage, then its findings as cards by category. An account with
//! more cards than one page holds well is split over numbered pages (`001-budi.html`,
//! `001-budi-p2.html`, …), so every page opens at once whatever the account's size.

use rayon::prelude::*;
use tera::Tera;

use serde::Serialize;

use super::cards::{card, item_groups, Card};
use super::{base_context, AccountRow, ErrorRow, HtmlError};
use crate::model::{Category, Finding};
use crate::report::i18n;
use crate::report::{AccountSummary, ReportInput};

/// Cards per page: a few hundred render in a moment in any browser, and one account page
/// with tens of thousands of cards (a heavy account, 3 % flagged) would not open at all.
pub(super) const CARDS_PER_PAGE: usize = 200;

#[derive(Serialize)]
struct Group {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    /// Cards of the category over all pages.
    total: usize,
    cards: Vec<Card>,
}

#[derive(Serialize)]
struct Pager {
    /// 1-based.
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
    links: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
}

/// The file of page `index` (0-based) of the account whose first page is `first_file`.
pub(super) fn page_file(first_file: &str, index: usize) -> String {
    if index == 0 {
        return first_file.to_owned();
    }
    let stem = first_file.strip_suffix(".html").unwrap_or(first_file);
    format!("{stem}-p{}.html", index + 1)
}

/// Renders every page of one account (on every core: a heavy account has dozens), each with
/// its file name, in page order.
pub(super) fn render_pages(
    tera: &Tera,
    input: &ReportInput<'_>,
    account: &AccountSummary,
    row: &AccountRow,
    findings: &[&Finding],
    first_file: &str,
) -> Result<Vec<(String, String)>, HtmlError> {
    let lang = input.lang;
    let by_category: Vec<(Category, Vec<Vec<&Finding>>)> = Category::ALL
        .iter()
        .filter_map(|&category| {
            let in_category: Vec<&Finding> = findings
                .iter()
                .copied()
                .filter(|f| f.category == category)
                .collect();
            let groups = item_groups(&in_category);
            (!groups.is_empty()).then_some((category, groups))
        })
        .collect();
    let total: usize = by_category.iter().map(|(_, groups)| groups.len()).sum();
    let pages = total.div_ceil(CARDS_PER_PAGE).max(1);
    let errors: Vec<ErrorRow> = account
        .errors
        .iter()
        .map(|e| ErrorRow {
            account: account.account.clone(),
            file: e.file.clone(),
            message: e.message.clone(),
        })
        .collect();
    let render = |page: usize| {
        let shown = page * CARDS_PER_PAGE..((page + 1) * CARDS_PER_PAGE).min(total);
        let mut groups = Vec::new();
        let mut offset = 0;
        for (category, items) in &by_category {
            let start = offset;
            offset += items.len();
            let from = shown.start.max(start);
            let to = shown.end.min(offset);
            if from < to {
                groups.push(Group {
                    id: category.as_str(),
                    name: i18n::category_name(*category, lang),
                    description: i18n::category_description(*category, lang),
                    total: items.len(),
                    cards: items[from - start..to - start]
                        .iter()
                        .map(|group| card(group, input))
                        .collect(),
                });
            }
        }
        let link = |index: usize| page_file(first_file, index);
        let pager = Pager {
            page: page + 1,
            pages,
            prev: page.checked_sub(1).map(link),
            next: (page + 1 < pages).then(|| link(page + 1)),
            links: (0..pages)
                .map(|index| PageLink {
                    number: index + 1,
                    href: link(index),
                    current: index == page,
                })
                .collect(),
        };
        let mut ctx = base_context(input, "../");
        ctx.insert("account", row);
        ctx.insert("groups", &groups);
        ctx.insert("errors", &errors);
        ctx.insert("pager", &pager);
        let html = tera
            .render("account.html", &ctx)
            .map_err(|e| HtmlError::Template("account.html".into(), e.to_string()))?;
        Ok((link(page), html))
    };
    (0..pages).into_par_iter().map(render).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_pages_are_named_after_the_first() {
        assert_eq!(page_file("001-budi.html", 0), "001-budi.html");
        assert_eq!(page_file("001-budi.html", 1), "001-budi-p2.html");
        assert_eq!(page_file("012-a-b.html", 9), "012-a-b-p10.html");
    }
}
