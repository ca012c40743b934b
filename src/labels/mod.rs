//! The domain's vocabularies in the person's words: one exhaustive `match` per vocabulary,
//! so a new phase, difficulty or status cannot go without a label in every language. The
//! words themselves are in [`crate::i18n`].

use crate::checklist::{
    Answer, Checklist, Condition, Difficulty, Flag, Kind, Phase, Question, QuestionKind,
    WaitDuration,
};
use crate::i18n::{Strings, fill};

mod citations;

use crate::session::{SessionStatus, StepStatus, WaitOutcome};
pub use citations::SourceText;

/// A phase, as step headers and records name it.
pub fn phase(phase: Phase, s: &Strings) -> &'static str {
    let p = &s.common.phases;
    match phase {
        Phase::Prepare => p.prepare,
        Phase::Login => p.login,
        Phase::FindOption => p.find_option,
        Phase::Confirm => p.confirm,
        Phase::Submit => p.submit,
        Phase::Wait => p.wait,
        Phase::After => p.after,
    }
}

/// A difficulty, as `list` and `show` name it.
pub fn difficulty(difficulty: Difficulty, s: &Strings) -> &'static str {
    let d = &s.catalog.difficulties;
    match difficulty {
        Difficulty::Easy => d.easy,
        Difficulty::Medium => d.medium,
        Difficulty::Hard => d.hard,
        Difficulty::Limited => d.limited,
        Difficulty::Impossible => d.impossible,
    }
}

/// A session's status, as records show it.
pub fn session_status(status: SessionStatus, s: &Strings) -> &'static str {
    let t = &s.export.session_status;
    match status {
        SessionStatus::InProgress => t.in_progress,
        SessionStatus::Completed => t.completed,
        SessionStatus::Abandoned => t.abandoned,
    }
}

/// A step's status, as records show it.
pub fn step_status(status: StepStatus, s: &Strings) -> &'static str {
    let t = &s.export.step_status;
    match status {
        StepStatus::Pending => t.pending,
        StepStatus::Done => t.done,
        StepStatus::Skipped => t.skipped,
        StepStatus::NotApplicable => t.not_applicable,
    }
}

/// "yes" or "no".
pub fn yes_no(value: bool, s: &Strings) -> &'static str {
    if value { s.common.yes } else { s.common.no }
}

/// An answer as the person sees it: yes or no, or the label of the choice (its id when
/// `question` does not have it, e.g. a hand-edited session).
pub fn answer(question: Option<&Question>, answer: &Answer, s: &Strings) -> String {
    match answer {
        Answer::Bool(b) => yes_no(*b, s).to_string(),
        Answer::Choice(id) => match question.map(|q| &q.kind) {
            Some(QuestionKind::Choice(choices)) => choices
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| id.clone(), |c| c.label.get(s.tag()).to_string()),
            _ => id.clone(),
        },
    }
}

/// A kind of line, as `list` and `show` name it.
pub fn kind(kind: Kind, s: &Strings) -> &'static str {
    let k = &s.common.kinds;
    match kind {
        Kind::Prepaid => k.prepaid,
        Kind::Postpaid => k.postpaid,
        Kind::Esim => k.esim,
        Kind::Travel => k.travel,
    }
}

/// A flag, as `show` names it.
pub fn flag(flag: Flag, s: &Strings) -> &'static str {
    let f = &s.common.flags;
    match flag {
        Flag::Fee => f.fee,
        Flag::NeedsCall => f.needs_call,
        Flag::NeedsLetter => f.needs_letter,
        Flag::NeedsId => f.needs_id,
        Flag::InAppOnly => f.in_app_only,
        Flag::RetentionOffer => f.retention_offer,
        Flag::Irreversible => f.irreversible,
    }
}

/// An expected wait in words, in the largest whole unit: `5 days`, `2 weeks`, `36 hours`.
pub fn wait(d: WaitDuration, s: &Strings) -> String {
    let t = &s.common.durations;
    let (n, one, many) = match d.hours {
        h if h % (24 * 7) == 0 => (h / (24 * 7), t.week, t.weeks),
        h if h % 24 == 0 => (h / 24, t.day, t.days),
        h => (h, t.hour, t.hours),
    };
    if n == 1 {
        one.to_string()
    } else {
        fill(many, &[("n", &n)])
    }
}

/// What the answer that ended a wait said.
pub fn wait_outcome(outcome: WaitOutcome, s: &Strings) -> &'static str {
    let o = &s.export.outcomes;
    match outcome {
        WaitOutcome::Granted => o.granted,
        WaitOutcome::Refused => o.refused,
        WaitOutcome::StoreCredit => o.store_credit,
        WaitOutcome::Partial => o.partial,
    }
}

/// A checklist's link in words: what the common names (`site`, `arcep`, ...) are, and
/// any other by its web address's host, so no file key shows as a label.
pub fn link(name: &str, url: &str, s: &Strings) -> String {
    let l = &s.common.links;
    let known = match name {
        "site" => Some(l.site),
        "help" | "support" | "faq" | "refund-help" => Some(l.help),
        "refund-policy" => Some(l.refund_policy),
        "service-public" => Some(l.service_public),
        "arcep" => Some(l.arcep),
        "inc-conso" => Some(l.inc_conso),
        "cedef" => Some(l.cedef),
        _ => None,
    };
    match known {
        Some(label) => label.to_string(),
        None => {
            let host = url.split("://").nth(1).unwrap_or(url);
            let host = host.split(['/', '?', '#']).next().unwrap_or(host);
            host.trim_start_matches("www.").to_string()
        }
    }
}

/// A step's conditions in words: each question's text and the answers that let the step
/// apply (`"Keep your number?": yes`), never the ids a checklist writes.
pub fn conditions(when: &[Condition], checklist: &Checklist, s: &Strings) -> String {
    let c = &s.citations;
    when.iter()
        .map(|cond| {
            let q = checklist.question(&cond.question);
            let question = q.map_or(cond.question.as_str(), |q| q.text.get(s.tag()));
            let answers: Vec<String> = cond
                .any_of
                .iter()
                .map(|a| fill(c.answer, &[("answer", &answer(q, a, s))]))
                .collect();
            fill(
                c.condition,
                &[("question", &question), ("answers", &answers.join(c.or))],
            )
        })
        .collect::<Vec<_>>()
        .join(c.and)
}

/// Where a session's checklist came from, as stored (`bundled` or a path), in words.
pub fn stored_origin<'a>(origin: &'a str, s: &Strings) -> &'a str {
    if origin == crate::checklist::BUNDLED_ORIGIN {
        s.catalog.origin_bundled
    } else {
        origin
    }
}

/// "checked N days ago — confirm on the official page", when the checklist was verified
/// more than [`crate::checklist::STALE_AFTER_DAYS`] days before `today`.
pub fn stale(verified: chrono::NaiveDate, today: chrono::NaiveDate, s: &Strings) -> Option<String> {
    crate::checklist::stale_days(verified, today)
        .map(|days| fill(s.citations.stale, &[("days", &days)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn waits_read_in_the_largest_whole_unit_in_both_languages() {
        let w = |s: &str| s.parse::<WaitDuration>().expect("duration");
        let en = Lang::En.strings();
        let zh = Lang::ZhCn.strings();
        assert_eq!(wait(w("5d"), en), "5 days");
        assert_eq!(wait(w("1d"), en), "1 day");
        assert_eq!(wait(w("14d"), en), "2 weeks");
        assert_eq!(wait(w("36h"), en), "36 hours");
        assert_eq!(wait(w("48h"), zh), "2 天");
        assert_eq!(wait(w("1w"), zh), "1 周");
    }
    #[test]
    fn links_are_named_in_words_or_by_their_host() {
        let zh = Lang::ZhCn.strings();
        assert_eq!(link("site", "https://www.free.fr/", zh), "官网");
        assert_eq!(
            link("arcep", "https://arcep.fr/x.html", zh),
            "法国电信监管机构 ARCEP"
        );
        assert_eq!(
            link("sim-swap", "https://www.example.org/a/b?c", zh),
            "example.org"
        );
        assert_eq!(
            link("help", "https://x.example", Lang::En.strings()),
            "Help pages"
        );
    }
}
