//! The HTML record in a real browser: the four fixture records (English and Chinese, finished
//! and unfinished) exported by the binary, printed to A4 PDF by headless Chromium and read
//! back with poppler's pdftotext. Ignored by default so that a plain `cargo test` passes on a
//! machine without a browser; `.ci/run` installs chromium, fonts-noto-cjk and poppler-utils
//! and runs `cargo test --test cli browser -- --ignored`. The PDFs and a PNG of every page are
//! left in `target/tmp/browser/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use simcancel::session::Session;

use crate::fixtures;
use crate::harness::Env;

/// A4 in PostScript points, and the print stylesheet's left and right page margin (14 mm).
const A4: (f64, f64) = (595.28, 841.89);
const MARGIN: f64 = 14.0 * 72.0 / 25.4;
/// Chromium rounds the page box to whole device pixels; text may touch the margin.
const SLACK: f64 = 1.0;

/// What one record must show on paper.
struct Case {
    name: &'static str,
    session: Session,
    title: &'static str,
    /// The status row of the summary table, label and value.
    status: &'static str,
    /// The unfinished mark and the start of its explanation in the record's language, and
    /// whether they must be absent.
    mark: &'static str,
    note: &'static str,
    complete: bool,
    /// Chinese text that must survive the trip through fonts and PDF text.
    chinese: &'static [&'static str],
}

const EN_TITLE: &str = "Cancellation record: Demo Mobile <Prepaid> & Co";
const ZH_TITLE: &str = "注销记录：演示移动 <预付费> & Co";
const ZH_TEXT: &[&str] = &[
    "记下您的信息",
    "张伟",
    "巴黎第十一区丁香街12号",
    "余额为零",
    "客服说不收费",
];

#[test]
#[ignore = "needs chromium, fonts-noto-cjk, poppler-utils: .ci/run installs them"]
fn browser_english_finished() {
    check(Case {
        name: "en-finished",
        session: fixtures::completed(),
        title: EN_TITLE,
        status: "Status completed",
        mark: "INCOMPLETE",
        note: "This session is not finished",
        complete: true,
        chinese: &[],
    });
}

#[test]
#[ignore = "needs chromium, fonts-noto-cjk, poppler-utils: .ci/run installs them"]
fn browser_english_unfinished() {
    check(Case {
        name: "en-unfinished",
        session: fixtures::unfinished(),
        title: EN_TITLE,
        status: "Status in progress",
        mark: "INCOMPLETE",
        note: "This session is not finished",
        complete: false,
        chinese: &[],
    });
}

#[test]
#[ignore = "needs chromium, fonts-noto-cjk, poppler-utils: .ci/run installs them"]
fn browser_chinese_finished() {
    check(Case {
        name: "zh-finished",
        session: fixtures::chinese(),
        title: ZH_TITLE,
        status: "状态 已完成",
        mark: "未完成",
        note: "此记录尚未完成",
        complete: true,
        chinese: ZH_TEXT,
    });
}

#[test]
#[ignore = "needs chromium, fonts-noto-cjk, poppler-utils: .ci/run installs them"]
fn browser_chinese_unfinished() {
    check(Case {
        name: "zh-unfinished",
        session: fixtures::chinese_unfinished(),
        title: ZH_TITLE,
        status: "状态 进行中",
        mark: "未完成",
        note: "此记录尚未完成",
        complete: false,
        chinese: &ZH_TEXT[..4],
    });
}

/// Exports, prints and reads back one record, then checks it.
fn check(case: Case) {
    let p = Printed::new(&case);
    assert!(
        (p.width - A4.0).abs() < 2.0 && (p.height - A4.1).abs() < 2.0,
        "{}: page is {} x {} pt, not A4",
        case.name,
        p.width,
        p.height
    );
    first_page(&case, &p);
    marks(&case, &p);
    nothing_lost(&case, &p);
    margins_and_size(&case, &p);
}

/// One record exported by the binary, printed by Chromium and read back by poppler.
struct Printed {
    html: String,
    /// `pdftotext -raw`: the order in which Chromium painted, which is the order of the
    /// document, so a word wrapped inside a table cell is whole once line breaks are removed.
    text: String,
    /// The same, of the first page only.
    first: String,
    /// `pdftotext -bbox`, page by page.
    pages: Vec<Vec<Word>>,
    width: f64,
    height: f64,
}

impl Printed {
    fn new(case: &Case) -> Printed {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
        std::fs::create_dir_all(&out).expect("target/tmp/browser");
        let mut env = Env::new();
        env.env("SIMCANCEL_NOW", "2026-12-10T18:00:00+01:00");
        let id = fixtures::save(&env, &case.session);
        let html_path = env.root().join(format!("{}.html", case.name));
        env.run(&["export", &id, "-o", &html_path.display().to_string()])
            .success()
            .stderr_has(&html_path.display().to_string());
        let html = std::fs::read_to_string(&html_path).expect("exported HTML");
        std::fs::copy(&html_path, out.join(format!("{}.html", case.name))).expect("keep the HTML");

        let pdf = out.join(format!("{}.pdf", case.name));
        print_to_pdf(&html_path, &pdf, &env.root().join("chromium-profile"));
        run(Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&pdf)
            .arg(out.join(case.name)));
        let (width, height) = page_size(&run(Command::new("pdfinfo").arg(&pdf)));
        let text = |args: &[&str]| run(Command::new("pdftotext").args(args).arg(&pdf).arg("-"));
        Printed {
            html,
            text: text(&["-raw"]),
            first: text(&["-raw", "-f", "1", "-l", "1"]),
            pages: words(&text(&["-bbox"])),
            width,
            height,
        }
    }
}

/// The first page holds the title, the status and the whole summary table; the steps begin
/// on the next one.
fn first_page(case: &Case, p: &Printed) {
    let first = &p.first;
    assert!(
        compact(first).contains(&compact(case.title)),
        "{}: the title is not on the first page:\n{first}",
        case.name
    );
    assert!(
        first.lines().any(|l| l.trim() == case.status),
        "{}: no line '{}' on the first page:\n{first}",
        case.name,
        case.status
    );
    let doc = Html::parse_document(&p.html);
    let rows = Selector::parse("table.facts tr").expect("selector");
    let facts: Vec<String> = doc
        .select(&rows)
        .map(|tr| tr.text().collect::<Vec<_>>().join(" "))
        .collect();
    // Fourteen rows today (checklist, provider, …, contact): a real table, not a stub.
    assert!(
        facts.len() >= 12,
        "{}: only {} summary rows",
        case.name,
        facts.len()
    );
    for row in &facts {
        assert!(
            compact(first).contains(&compact(row)),
            "{}: summary row '{row}' is not (whole) on the first page:\n{first}",
            case.name
        );
    }
    let steps = Selector::parse("#steps h2").expect("selector");
    let heading: String = doc
        .select(&steps)
        .next()
        .map(|h| h.text().collect())
        .expect("a steps heading");
    assert!(
        !first.lines().any(|l| l.trim() == heading),
        "{}: the steps begin on the summary page",
        case.name
    );
    assert!(
        p.text.lines().any(|l| l.trim() == heading),
        "{}: no steps heading",
        case.name
    );
}

/// An unfinished record says so in a box on the first page and on every page; a finished one
/// nowhere. The Chinese text came through fonts and PDF intact.
fn marks(case: &Case, p: &Printed) {
    let text = &p.text;
    if case.complete {
        assert!(
            !text.contains(case.mark) && !text.contains(case.note),
            "{}: {} in a finished record:\n{text}",
            case.name,
            case.mark
        );
    } else {
        assert!(
            compact(&p.first).contains(&compact(case.note)),
            "{}: the {} box is not on the first page:\n{}",
            case.name,
            case.mark,
            p.first
        );
        // pdftotext ends every page with a form feed.
        let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty());
        for (n, page) in pages.enumerate() {
            assert!(
                page.lines().any(|l| l.trim() == case.mark),
                "{}: page {} does not say {}:\n{page}",
                case.name,
                n + 1,
                case.mark
            );
        }
    }
    for zh in case.chinese {
        assert!(
            compact(text).contains(&compact(zh)),
            "{}: Chinese text {zh} is missing from the PDF",
            case.name
        );
    }
}

/// Every word the record shows (all but the aria-hidden watermark) is in the PDF: none was
/// cut off or hidden by an overflow.
fn nothing_lost(case: &Case, p: &Printed) {
    let all = compact(&p.text);
    let doc = Html::parse_document(&p.html);
    let body = Selector::parse("body").expect("selector");
    let shown: Vec<&str> = doc
        .select(&body)
        .flat_map(|b| b.descendants())
        .filter_map(|n| {
            let text = n.value().as_text()?;
            let hidden = n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.attr("aria-hidden") == Some("true"))
            });
            (!hidden).then_some(&**text)
        })
        .collect();
    let missing: Vec<&str> = shown
        .iter()
        .flat_map(|t| t.split_whitespace())
        .filter(|w| !all.contains(&compact(w)))
        .collect();
    assert!(
        missing.is_empty(),
        "{}: words missing from the PDF: {missing:?}",
        case.name
    );
}

/// No word runs past the right margin (or the left one), and nothing was too wide for the
/// page: Chromium would rather shrink the whole record than cut it, which leaves small
/// print. The page number (8 pt, in the bottom margin, which is never shrunk) is the ruler
/// for the body text (10.5 pt, the most common size on every page).
fn margins_and_size(case: &Case, p: &Printed) {
    let outside: Vec<String> = p
        .pages
        .iter()
        .flatten()
        .filter(|w| w.x_max > p.width - MARGIN + SLACK || w.x_min < MARGIN - SLACK)
        .map(|w| format!("{} ({:.1}..{:.1})", w.text, w.x_min, w.x_max))
        .collect();
    assert!(
        outside.is_empty(),
        "{}: words outside the {MARGIN:.1} pt margins of a {} pt page: {outside:?}",
        case.name,
        p.width
    );
    for (n, page) in p.pages.iter().enumerate() {
        let (footer, body): (Vec<&Word>, Vec<&Word>) =
            page.iter().partition(|w| w.y_min > p.height - MARGIN);
        assert!(
            !footer.is_empty(),
            "{}: page {} has no page number",
            case.name,
            n + 1
        );
        // A last page with a few words (the record's closing "Exported: …" line and the
        // rotated INCOMPLETE mark) has no body text to measure.
        if body.len() < 20 {
            continue;
        }
        let ruler = footer.iter().map(|w| w.y_max - w.y_min).fold(0.0, f64::max);
        let ratio = most_common(body.iter().map(|w| w.y_max - w.y_min)) / ruler;
        assert!(
            (ratio - 10.5 / 8.0).abs() < 0.03,
            "{}: on page {} the text is {:.0} % of its size (shrunk to fit something too wide?)",
            case.name,
            n + 1,
            100.0 * ratio / (10.5 / 8.0)
        );
    }
}

/// Prints `html` to `pdf` with headless Chromium, killing it if it hangs.
fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let _ = std::fs::remove_file(pdf);
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium (Debian package chromium)");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                panic!(
                    "chromium did not finish printing {} in 90 s",
                    html.display()
                );
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let out = child.wait_with_output().expect("chromium output");
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF ({:?}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Debian names the browser `chromium`; `SIMCANCEL_CHROMIUM` points elsewhere.
fn chromium() -> PathBuf {
    std::env::var_os("SIMCANCEL_CHROMIUM").map_or_else(|| PathBuf::from("chromium"), PathBuf::from)
}

/// Runs a poppler tool and returns its standard output.
fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?} (Debian package poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Text without any whitespace, for comparing across line breaks.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `Page size: 594.96 x 841.92 pts (A4)` from pdfinfo.
fn page_size(info: &str) -> (f64, f64) {
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("pdfinfo prints the page size");
    let mut nums = line
        .split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok());
    (
        nums.next().expect("page width"),
        nums.next().expect("page height"),
    )
}

/// One word of `pdftotext -bbox`, in points from the top left corner of its page.
struct Word {
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
    text: String,
}

/// The words of `pdftotext -bbox` output, page by page:
/// `<page ..><word xMin=".." yMin=".." xMax=".." yMax="..">w</word>..</page>`.
fn words(bbox: &str) -> Vec<Vec<Word>> {
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect("bbox attribute") + name.len() + 2;
        let end = tag[start..].find('"').expect("closing quote") + start;
        tag[start..end].parse().expect("a number")
    };
    bbox.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|rest| {
                    let (tag, after) = rest.split_once('>').expect("word tag");
                    let text = after.split("</word>").next().unwrap_or_default();
                    Word {
                        x_min: attr(tag, "xMin"),
                        x_max: attr(tag, "xMax"),
                        y_min: attr(tag, "yMin"),
                        y_max: attr(tag, "yMax"),
                        text: text.to_string(),
                    }
                })
                .collect()
        })
        .collect()
}

/// The value that occurs most often, to a hundredth of a point.
fn most_common(values: impl Iterator<Item = f64>) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for v in values {
        let key = (v * 100.0).round() as i64;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let (key, _) = counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .expect("a page with text");
    key as f64 / 100.0
}
