//! The domain's vocabularies in the person's words: one exhaustive `match` per vocabulary,
//! so a new phase, difficulty or status cannot go without a label in every language. The
//! words themselves are in [`crate::i18n`].

use crate::checklist::{Answer, Difficulty, Phase, Question, QuestionKind, WaitDuration};
use crate::i18n::Strings;
use crate::i18n::fill;
use crate::session::{SessionStatus, StepStatus, WaitOutcome};

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

/// An expected wait in words: `10 days`, `10 天`, in the largest whole unit.
pub fn duration(d: WaitDuration, s: &Strings) -> String {
    let c = &s.common;
    let (n, unit) = match d.hours {
        h if h % (24 * 7) == 0 => (h / (24 * 7), c.weeks),
        h if h % 24 == 0 => (h / 24, c.days),
        h => (h, c.hours),
    };
    fill(unit[usize::from(n != 1)], &[("n", &n)])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn waits_are_said_in_words_not_in_the_file_format() {
        let d = |s: &str| s.parse::<WaitDuration>().expect("duration");
        let zh = Lang::ZhCn.strings();
        let en = Lang::En.strings();
        assert_eq!(duration(d("10d"), zh), "10 天");
        assert_eq!(duration(d("10d"), en), "10 days");
        assert_eq!(duration(d("1d"), en), "1 day");
        assert_eq!(duration(d("2w"), zh), "2 周");
        assert_eq!(duration(d("14d"), en), "2 weeks");
        assert_eq!(duration(d("48h"), en), "2 days");
        assert_eq!(duration(d("36h"), zh), "36 小时");
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
