//! X's data files are JavaScript, not JSON: `window.YTD.tweets.part0 = [ … ]` (the name and the
//! part number vary), `window.__THAR_CONFIG = { … }` for the manifest. This module strips the
//! assignment and splits the array into its items without parsing them, so each item can be
//! parsed on its own (borrowing from the file's text): one malformed item is skipped and
//! counted instead of losing the whole file, and a file cut off part way still yields every
//! complete item before the cut.

use rayon::prelude::*;
use serde::Deserialize;

use super::problems::Problems;

/// The JSON value a data file assigns: everything after the first `=`, without a trailing `;`.
/// A file that is already plain JSON (starts with `[` or `{`) is taken whole.
pub fn payload(text: &str) -> Result<&str, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let body = match trimmed.bytes().next() {
        None => return Err("is empty".to_owned()),
        Some(b'[' | b'{') => trimmed,
        Some(_) => {
            let Some(eq) = trimmed.find('=') else {
                return Err(format!("starts with `{}` and has no `=`", excerpt(trimmed)));
            };
            if !is_assignment_target(&trimmed[..eq]) {
                return Err(format!(
                    "starts with `{}`, not an assignment",
                    excerpt(trimmed)
                ));
            }
            &trimmed[eq + 1..]
        }
    };
    let body = body.trim_end();
    Ok(body.strip_suffix(';').unwrap_or(body).trim())
}

/// `window.YTD.tweets.part0 `, `var user_details `: a (dotted) JavaScript name.
fn is_assignment_target(head: &str) -> bool {
    let head = head.trim();
    let name = ["var ", "let ", "const "]
        .iter()
        .find_map(|kw| head.strip_prefix(kw))
        .unwrap_or(head)
        .trim_start();
    name.split('.').all(|part| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    })
}

/// The items of a JSON array, each as its own slice of the text.
#[derive(Debug)]
#[cfg(test)]
pub struct Elements<'a> {
    pub items: Vec<&'a str>,
    /// Where the array stopped making sense, if it did (a cut-off file, garbage between items).
    pub broken: Option<String>,
}

/// Splits a whole JSON array at once (see `ArraySplitter`).
#[cfg(test)]
pub fn split_array(json: &str) -> Result<Elements<'_>, String> {
    let mut splitter = ArraySplitter::new(json)?;
    let items = splitter.next_chunk(usize::MAX);
    Ok(Elements {
        items,
        broken: splitter.broken,
    })
}

/// Splits a JSON array into its items by tracking brackets and strings only; the items
/// themselves are checked when they are parsed. Items come a chunk at a time, so parsing
/// and checking the first chunk of a 256 MB part file overlaps with splitting the rest.
pub struct ArraySplitter<'a> {
    json: &'a str,
    pos: usize,
    /// Items handed out so far.
    count: usize,
    done: bool,
    /// Where the array stopped making sense, if it did (a cut-off file, garbage between
    /// items); known once the splitter is done.
    pub broken: Option<String>,
}

impl<'a> ArraySplitter<'a> {
    /// Fails when the text is not an array at all.
    pub fn new(json: &'a str) -> Result<ArraySplitter<'a>, String> {
        let bytes = json.as_bytes();
        let pos = skip_ws(bytes, 0);
        match bytes.get(pos) {
            Some(b'[') => {}
            Some(_) => return Err(format!("holds `{}`, not a list", excerpt(&json[pos..]))),
            None => return Err("holds no value".to_owned()),
        }
        Ok(ArraySplitter {
            json,
            pos: pos + 1,
            count: 0,
            done: false,
            broken: None,
        })
    }

    /// The next items, at most `max`; empty once the array is done.
    pub fn next_chunk(&mut self, max: usize) -> Vec<&'a str> {
        let mut items = Vec::new();
        while items.len() < max && !self.done {
            if let Some(item) = self.next_item() {
                items.push(item);
            }
        }
        items
    }

    /// Ends the split with `broken` as the reason.
    fn stop(&mut self, broken: Option<String>) -> Option<&'a str> {
        self.done = true;
        self.broken = broken;
        None
    }

    fn next_item(&mut self) -> Option<&'a str> {
        let (json, bytes) = (self.json, self.json.as_bytes());
        let mut pos = skip_ws(bytes, self.pos);
        match bytes.get(pos) {
            None => return self.stop(Some(cut_off(self.count))),
            Some(b']') => {
                pos += 1;
                let rest = json[pos..].trim();
                let rest = rest.strip_prefix(';').unwrap_or(rest).trim();
                let trailing = (!rest.is_empty()).then(|| {
                    format!(
                        "has `{}` after the end of the list (ignored)",
                        excerpt(rest)
                    )
                });
                return self.stop(trailing);
            }
            Some(_) => {}
        }
        let Some(end) = value_end(bytes, pos) else {
            return self.stop(Some(cut_off(self.count)));
        };
        let item = &json[pos..end];
        self.count += 1;
        pos = skip_ws(bytes, end);
        match bytes.get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => {}
            None => {
                self.stop(Some(cut_off(self.count)));
            }
            Some(_) => {
                self.stop(Some(format!(
                    "has `{}` after item {} where `,` or `]` was expected; the rest of the file was not read",
                    excerpt(&json[pos..]),
                    self.count
                )));
            }
        }
        self.pos = pos;
        Some(item)
    }
}

/// Strips the wrapper, splits the array and parses every item as `T`. Returns the number of
/// items the file holds and the parsed ones with their 1-based position; malformed items are
/// recorded in `problems`. `Err` when the file is not a list at all.
pub fn parse_items<'a, T: Deserialize<'a> + Send>(
    text: &'a str,
    problems: &mut Problems,
) -> Result<(usize, Vec<(usize, T)>), String> {
    let mut parsed = Vec::new();
    let found = convert_in_chunks(
        text,
        problems,
        |position, value: T, _| Some((position, value)),
        |chunk| parsed.extend(chunk),
    )?;
    Ok((found, parsed))
}

/// Items converted per chunk: enough to keep every core busy, few enough that a chunk's
/// parsed values stay a small fraction of a 256 MB part file.
const CHUNK: usize = 16 * 1024;

/// Strips the wrapper and splits the array; every item is parsed as `T` and turned into `U`
/// by `convert` (given its 1-based position), on every core, a chunk at a time, and `each`
/// gets each chunk's results in file order, so a file's values are never all in memory at
/// once. Malformed items and the problems `convert` finds are recorded in `problems` in file
/// order. Returns the number of items the file holds; `Err` when it is not a list at all.
pub fn convert_in_chunks<'a, T, U>(
    text: &'a str,
    problems: &mut Problems,
    convert: impl Fn(usize, T, &mut Problems) -> Option<U> + Sync,
    mut each: impl FnMut(Vec<U>),
) -> Result<usize, String>
where
    T: Deserialize<'a>,
    U: Send,
{
    let mut splitter = ArraySplitter::new(payload(text)?)?;
    let mut found = 0;
    // Kept from chunk to chunk: a chunk's results are megabytes, and memory the allocator
    // maps afresh for each one is cleared by the kernel page by page.
    let mut results: Vec<(Option<U>, Problems)> = Vec::new();
    loop {
        let chunk = splitter.next_chunk(CHUNK);
        if chunk.is_empty() {
            break;
        }
        let first = found + 1;
        found += chunk.len();
        results.clear();
        results.par_extend(
            chunk
                .par_iter()
                .with_min_len(256)
                .enumerate()
                .map(|(offset, item)| {
                    let position = first + offset;
                    let mut found = Problems::default();
                    let value = match serde_json::from_str::<T>(item) {
                        Ok(value) => convert(position, value, &mut found),
                        Err(e) => {
                            found.skip(position, e);
                            None
                        }
                    };
                    (value, found)
                }),
        );
        let mut values = Vec::with_capacity(results.len());
        for (value, found) in results.drain(..) {
            problems.absorb(found);
            values.extend(value);
        }
        each(values);
    }
    if let Some(broken) = splitter.broken {
        problems.broken(broken);
    }
    Ok(found)
}

fn cut_off(complete: usize) -> String {
    format!(
        "the file ends before its list is closed: it looks cut off after {complete} complete items"
    )
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the JSON value starting at `start`, or `None` when the text ends
/// first. Objects and arrays end at their matching bracket; strings at their closing quote;
/// anything else (numbers, `true`, `null`, garbage) at the next `,`, `]` or space.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match bytes[start] {
        b'"' => string_end(bytes, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut pos = start;
            loop {
                pos = next_bracket_or_quote(bytes, pos);
                match *bytes.get(pos)? {
                    b'"' => {
                        pos = string_end(bytes, pos)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Some(pos + 1);
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
        }
        _ => Some(
            bytes[start..]
                .iter()
                .position(|&b| b == b',' || b == b']' || b.is_ascii_whitespace())
                .map_or(bytes.len(), |n| start + n),
        ),
    }
}

/// The first position from `pos` that may hold a quote or a bracket (or `bytes.len()`):
/// the stretches between an export's strings are mostly indentation, skipped eight bytes at
/// a time. The one other byte it may stop at is `0x02`, which the caller passes over.
fn next_bracket_or_quote(bytes: &[u8], mut pos: usize) -> usize {
    // Bit 5 set maps `[` onto `{` and `]` onto `}`, and leaves `"` as it is.
    const CASE: u64 = 0x2020_2020_2020_2020;
    while let Some(word) = word_at(bytes, pos) {
        let word = word | CASE;
        let found = flag_bytes(word, b'{') | flag_bytes(word, b'}') | flag_bytes(word, b'"');
        if found != 0 {
            return pos + lowest_flagged(found);
        }
        pos += 8;
    }
    let rest = &bytes[pos..];
    pos + rest
        .iter()
        .position(|b| matches!(b, b'"' | b'{' | b'}' | b'[' | b']'))
        .unwrap_or(rest.len())
}

/// `bytes[start]` is a quote; the position just after the closing quote.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    // Post texts are most of an export's bytes: jump from one quote or backslash to the next.
    // (Looking at the first two words eight bytes at a time before calling memchr cost 8 M
    // instructions more on a 20 MB account: most strings end further on.)
    while let Some(found) = bytes
        .get(pos..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        pos += found;
        if bytes[pos] == b'"' {
            return Some(pos + 1);
        }
        pos += 2;
    }
    None
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at `pos`, the first in the lowest bits.
fn word_at(bytes: &[u8], pos: usize) -> Option<u64> {
    let word = bytes.get(pos..pos.checked_add(8)?)?;
    Some(u64::from_le_bytes(word.try_into().ok()?))
}

/// The high bit of every byte of `word` equal to `needle` set (and maybe of bytes above
/// one: only the lowest flag is exact).
fn flag_bytes(word: u64, needle: u8) -> u64 {
    let v = word ^ (ONES * u64::from(needle));
    v.wrapping_sub(ONES) & !v & (ONES << 7)
}

/// Which byte of the word the lowest flag is on.
fn lowest_flagged(flags: u64) -> usize {
    (flags.trailing_zeros() / 8) as usize
}

/// The first few characters of `text`, on one line, for error messages.
pub fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(40).collect();
    if out.len() < line.len() || text.contains('\n') {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eight_byte_skip_stops_at_the_first_bracket_or_quote() {
        // Brackets, quotes, the one byte the masks let through (0x02), bytes one bit away
        // from a bracket or quote, spaces and a several-byte letter.
        let pieces: [&[u8]; 12] = [
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b"\x02",
            b"_",
            b"\x7f",
            b";",
            b"      ",
            b"a",
            "\u{e9}".as_bytes(),
        ];
        let mut random = crate::test_random::TestRandom::new(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..20_000 {
            let mut bytes = Vec::new();
            // Long enough for gaps of several words.
            for _ in 0..random.below(40) {
                bytes.extend_from_slice(pieces[random.below(pieces.len())]);
            }
            let from = random.below(bytes.len() + 1);
            let is_target = |b: &u8| matches!(b, b'"' | b'{' | b'}' | b'[' | b']');
            let first = bytes[from..]
                .iter()
                .position(is_target)
                .map_or(bytes.len(), |n| from + n);
            let stop = next_bracket_or_quote(&bytes, from);
            // Never past the first one; before it only on 0x02, which the caller passes over.
            assert!(stop <= first, "{bytes:?} from {from}");
            assert!(
                stop == first || bytes[stop] == 0x02,
                "{bytes:?} from {from}: stopped at {stop}"
            );
        }
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Thing {
        a: u32,
    }

    #[test]
    fn chunks_keep_file_order_and_positions_across_chunk_boundaries() {
        // CHUNK + 3 items; the one after the first chunk's end is malformed, and `convert`
        // drops odd values with a problem of its own.
        let bad = CHUNK + 2;
        let values: Vec<String> = (1..=CHUNK + 3)
            .map(|p| {
                if p == bad {
                    "\"x\"".into()
                } else {
                    p.to_string()
                }
            })
            .collect();
        let text = format!("window.YTD.x.part0 = [{}]", values.join(","));
        let mut problems = Problems::default();
        let mut chunks: Vec<Vec<usize>> = Vec::new();
        let found = convert_in_chunks(
            &text,
            &mut problems,
            |position, value: usize, problems| {
                assert_eq!(position, value, "positions are 1-based and in file order");
                if value % 2 == 1 && value > CHUNK {
                    problems.gap(position, "odd");
                }
                Some(value)
            },
            |chunk| chunks.push(chunk),
        )
        .unwrap();
        assert_eq!(found, CHUNK + 3);
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0], (1..=CHUNK).collect::<Vec<_>>());
        assert_eq!(chunks[1], [CHUNK + 1, CHUNK + 3]);
        assert_eq!(problems.skipped(), 1);
        let message = problems.into_error("f", found).unwrap().message;
        assert!(
            message.contains(&format!("item {bad}: invalid type")),
            "{message}"
        );
        assert!(
            message.contains(&format!("item {}: odd; item {}: odd", CHUNK + 1, CHUNK + 3)),
            "{message}"
        );
    }

    #[test]
    fn wrapper_variants() {
        assert_eq!(payload("window.YTD.tweets.part0 = [1]").unwrap(), "[1]");
        assert_eq!(payload("window.YTD.tweet.part12=[]\n").unwrap(), "[]");
        assert_eq!(
            payload("window.__THAR_CONFIG = {\"a\":1};\n").unwrap(),
            "{\"a\":1}"
        );
        assert_eq!(payload("\u{feff}  [ ]").unwrap(), "[ ]");
        assert_eq!(payload("  [1, 2] ").unwrap(), "[1, 2]");
        assert_eq!(payload("{\"x\": \"a=b\"}").unwrap(), "{\"x\": \"a=b\"}");
    }

    #[test]
    fn not_a_wrapper() {
        assert!(payload("").unwrap_err().contains("empty"));
        assert!(payload("hello world").unwrap_err().contains("no `=`"));
        assert!(payload("<html lang=\"id\">")
            .unwrap_err()
            .contains("not an assignment"));
        assert!(payload("window.YTD..part0 = []").is_err());
        assert_eq!(payload("var user_details = {}").unwrap(), "{}");
    }

    #[test]
    fn items_are_split_with_strings_and_nesting_respected() {
        let json = r#"[ {"t": "a ] } , \" ["}, [1, [2]], "s,]", 5 , null ]"#;
        let e = split_array(json).unwrap();
        assert_eq!(
            e.items,
            [
                r#"{"t": "a ] } , \" ["}"#,
                "[1, [2]]",
                r#""s,]""#,
                "5",
                "null"
            ]
        );
        assert!(e.broken.is_none());
        let empty = split_array("[ ]").unwrap();
        assert!(empty.items.is_empty() && empty.broken.is_none());
        // Long gaps, skipped eight bytes at a time, and 0x02, where the skip stops without
        // a bracket or quote.
        let gaps = "[ {        \u{2}        \"k\"        :        [ 1 ]        }, 2 ]";
        assert_eq!(
            split_array(gaps).unwrap().items,
            [
                "{        \u{2}        \"k\"        :        [ 1 ]        }",
                "2"
            ]
        );
    }

    #[test]
    fn a_cut_off_array_keeps_complete_items() {
        let e = split_array(r#"[{"a":1}, {"a":2}, {"a":"#).unwrap();
        assert_eq!(e.items, [r#"{"a":1}"#, r#"{"a":2}"#]);
        assert!(e.broken.unwrap().contains("after 2 complete items"));
        let e = split_array(r#"[{"a":1},"#).unwrap();
        assert_eq!(e.items.len(), 1);
        assert!(e.broken.is_some());
    }

    #[test]
    fn garbage_between_items_stops_the_split() {
        let e = split_array(r#"[{"a":1} {"a":2}]"#).unwrap();
        assert_eq!(e.items.len(), 1);
        assert!(e.broken.unwrap().contains("after item 1"));
        let e = split_array(r#"[{"a":1}] trailing"#).unwrap();
        assert_eq!(e.items.len(), 1);
        assert!(e.broken.unwrap().contains("after the end of the list"));
        assert!(split_array(r#"[{"a":1}];"#).unwrap().broken.is_none());
    }

    #[test]
    fn not_a_list() {
        assert!(split_array(r#"{"a": 1}"#)
            .unwrap_err()
            .contains("not a list"));
        assert!(split_array("").is_err());
    }

    #[test]
    fn malformed_items_are_skipped_and_counted() {
        let mut problems = Problems::default();
        let text = r#"window.YTD.x.part0 = [ {"a": 1}, {"a": "dua"}, {"a": 3}, {"a": 4,} ]"#;
        let (found, items) = parse_items::<Thing>(text, &mut problems).unwrap();
        assert_eq!(found, 4);
        assert_eq!(items, [(1, Thing { a: 1 }), (3, Thing { a: 3 })]);
        assert_eq!(problems.skipped(), 2);
        let e = problems.into_error("f.js", found).unwrap();
        assert!(e.message.contains("item 2: invalid type"), "{e}");
        assert!(e.message.contains("item 4:"), "{e}");
    }
}
