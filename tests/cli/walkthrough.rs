//! Every bundled checklist walked through the real binary (issue 5): `simcancel guide <id>
//! --plain`, every question answered in advance with `--answer` (those asked mid-walk with
//! `at` too), every input given a value its pattern accepts, every step done and every wait
//! confirmed, must end `completed` with exactly the steps the answers imply done and the
//! others not applicable. The combinations that between them reach every step are walked
//! again in Chinese.
//!
//! `checklists::walk` is the model of the walk, and `checklists` runs it for every
//! combination of answers (or the seeded sample of 200). The binary walks, for each checklist,
//! a few combinations that between them reach every step and give every answer to every
//! question (walking every combination through the binary took ten minutes with 31
//! checklists).

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::Regex;
use serde_json::Value;
use simcancel::checklist::{Answer, Answers, Checklist, Input};

use crate::checklists::{bundled, combinations, walk};
use crate::guide::{DAY1, event_types, step};
use crate::harness::{Env, Run};

/// The day every wait's confirmation is said to have come: the day of [`DAY1`].
pub const RECEIVED: &str = "2026-12-01";

/// Values tried, in order, for an input with a pattern that rejects its default value.
const PATTERN_SAMPLES: [&str; 3] = ["06 12 34 56 78", "AB12CD34EF56", "AB1234"];

/// How many `simcancel` processes run at once: one per core of the two-core machine the
/// tests run on (measured: 2 finish the ~270 walks as fast as 3 or 4: 13–25 s, with
/// other builds sharing the machine).
const WORKERS: usize = 2;

/// The value typed for `input`: `Value of <id>` (so a value typed at the wrong prompt shows
/// up under the wrong id), or, where the pattern refuses that, the first sample it accepts.
pub fn value_for(input: &Input) -> String {
    let named = format!("Value of {}", input.id);
    let Some(pattern) = &input.pattern else {
        return named;
    };
    // Anchored as the engine anchors it.
    let re = Regex::new(&format!("^(?:{pattern})$")).expect("a valid pattern");
    std::iter::once(named.as_str())
        .chain(PATTERN_SAMPLES)
        .find(|v| re.is_match(v))
        .unwrap_or_else(|| {
            panic!(
                "input {}: no sample value matches {pattern}; add one to PATTERN_SAMPLES",
                input.id
            )
        })
        .to_string()
}

/// What to type, in plain mode, to walk `steps` (ids, in order) of `c`: at each step the
/// answers in `typed` to the questions asked there (by number), a value for each input
/// (from `value`), then "Done" — or at a wait step "The answer came", the day `received` and
/// the outcome "done as asked". Each is the first item of its menu, in any language.
pub fn script(
    c: &Checklist,
    steps: &[String],
    typed: &Answers,
    value: &dyn Fn(&Input) -> String,
    received: &str,
) -> String {
    let mut out = String::new();
    for id in steps {
        let st = c
            .step(id)
            .unwrap_or_else(|| panic!("{}: no step {id}", c.id));
        for q in c.questions.iter().filter(|q| q.at.as_deref() == Some(id)) {
            if let Some(a) = typed.get(&q.id) {
                let n = q.answers().iter().position(|x| x == a).expect("an answer") + 1;
                out.push_str(&format!("{n}\n"));
            }
        }
        for input in &st.inputs {
            out.push_str(&value(input));
            out.push('\n');
        }
        out.push_str("1\n");
        if st.wait.is_some() {
            out.push_str(&format!("{received}\n1\n"));
        }
    }
    out
}

/// The `--answer ID=VALUE` arguments for `answers`.
pub fn answer_args(answers: &Answers) -> Vec<String> {
    answers
        .iter()
        .flat_map(|(q, a)| ["--answer".to_string(), format!("{q}={a}")])
        .collect()
}

/// One walk to run: a checklist, the answers given in advance, the interface language.
struct Job<'a> {
    checklist: &'a Checklist,
    answers: Answers,
    /// The steps the model says these answers reach, in order.
    reached: Vec<String>,
    /// `Some("zh-CN")` for a Chinese run; English otherwise.
    lang: Option<&'static str>,
}

impl Job<'_> {
    fn name(&self) -> String {
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(q, a)| format!("{q}={a}"))
            .collect();
        format!(
            "{} [{}] ({})",
            self.checklist.id,
            answers.join(" "),
            self.lang.unwrap_or("en")
        )
    }

    /// Runs the walk in a fresh sandbox and returns what is wrong with it, if anything.
    fn run(&self) -> Result<(), String> {
        let c = self.checklist;
        let mut env = Env::new();
        env.env("SIMCANCEL_NOW", DAY1);
        let mut args: Vec<String> = vec!["--plain".into()];
        if let Some(lang) = self.lang {
            args.extend(["--lang".into(), lang.into()]);
        }
        args.extend(["guide".into(), c.id.clone()]);
        args.extend(answer_args(&self.answers));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let stdin = script(c, &self.reached, &Answers::new(), &value_for, RECEIVED);
        let run = env.run_with_stdin(&args, &stdin);
        if run.code != Some(0) {
            return Err(format!("exit code {:?}\n{run}", run.code));
        }
        self.check_output(&run)?;
        let ids = env.session_ids();
        let [id] = ids.as_slice() else {
            return Err(format!("expected one session, found {ids:?}"));
        };
        self.check_session(&env.session_json(id))
    }

    /// What the person saw: no value refused, no question asked (all were answered in
    /// advance, including those asked mid-walk with `at`), and in Chinese each reached step's
    /// Chinese title and never its English one.
    fn check_output(&self, run: &Run) -> Result<(), String> {
        let c = self.checklist;
        let tag = self.lang.unwrap_or("en");
        // A refusal is `! <why>`, printed after the prompt line (the answer is not echoed).
        let refused = Regex::new(r"(?m)(^|: )! .*").expect("regex");
        if let Some(m) = refused.find(&run.stdout) {
            return Err(format!("a typed value was refused: {}", m.as_str()));
        }
        if let Some(q) = c
            .questions
            .iter()
            .find(|q| run.stdout.contains(q.text.get(tag)))
        {
            return Err(format!(
                "question {} was asked though answered in advance",
                q.id
            ));
        }
        if self.lang.is_some() {
            for id in &self.reached {
                let st = c.step(id).expect("a reached step");
                let (zh, en) = (st.title.get("zh-CN"), st.title.get("en"));
                if !run.stdout.contains(&format!("\n{zh}\n")) {
                    return Err(format!("step {id}: Chinese title {zh:?} not shown"));
                }
                if run.stdout.contains(en) {
                    return Err(format!("step {id}: English title {en:?} shown in Chinese"));
                }
            }
        }
        Ok(())
    }

    /// What was saved: completed, the answers as given, every reached step done with its
    /// inputs (and its wait confirmed), every other step not applicable.
    fn check_session(&self, s: &Value) -> Result<(), String> {
        let c = self.checklist;
        let expect = |what: &str, got: &Value, want: &Value| {
            if got == want {
                Ok(())
            } else {
                Err(format!("{what}: {got} instead of {want}"))
            }
        };
        expect("status", &s["status"], &"completed".into())?;
        expect("lang", &s["lang"], &self.lang.unwrap_or("en").into())?;
        let answers = serde_json::to_value(&self.answers).expect("answers as JSON");
        expect("answers", &s["answers"], &answers)?;
        let events = event_types(s);
        if events.last().map(String::as_str) != Some("completed") {
            return Err(format!("the log does not end with completed: {events:?}"));
        }
        for st in &c.steps {
            let rec = step(s, &st.id);
            let here = |what: &str| format!("step {}: {what}", st.id);
            if !self.reached.contains(&st.id) {
                expect(&here("status"), &rec["status"], &"not-applicable".into())?;
                continue;
            }
            expect(&here("status"), &rec["status"], &"done".into())?;
            for input in &st.inputs {
                let want = Value::from(value_for(input));
                expect(&here(&input.id), &rec["inputs"][&input.id], &want)?;
            }
            if st.wait.is_some() {
                expect(
                    &here("received"),
                    &rec["wait"]["received"],
                    &RECEIVED.into(),
                )?;
            }
        }
        Ok(())
    }
}

/// Runs `jobs` on [`WORKERS`] threads and returns every failure, by job.
fn run_all(jobs: &[Job]) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = job.run() {
                        failures
                            .lock()
                            .expect("no worker panics holding the lock")
                            .push(format!("{}: {e}", job.name()));
                    }
                }
            });
        }
    });
    failures.into_inner().expect("the workers are done")
}

/// Indices of the combinations to walk through the binary in English: the few that between
/// them reach every step ([`covering`]), then, in order, any combination that gives an answer
/// to a question none of the picked ones gave.
fn walked(combos: &[Answers], reached: &[Vec<String>]) -> Vec<usize> {
    let mut picked = covering(reached);
    let mut given: BTreeSet<(&String, &Answer)> =
        picked.iter().flat_map(|&i| combos[i].iter()).collect();
    for (i, answers) in combos.iter().enumerate() {
        if answers.iter().any(|pair| !given.contains(&pair)) {
            given.extend(answers.iter());
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked
}

/// Indices of a few of `reached` (greedily, the one reaching most new steps first) that
/// together reach every step any of them reaches.
fn covering(reached: &[Vec<String>]) -> Vec<usize> {
    let all: BTreeSet<&String> = reached.iter().flatten().collect();
    let mut covered: BTreeSet<&String> = BTreeSet::new();
    let mut picked = vec![];
    while covered.len() < all.len() {
        let best = (0..reached.len())
            .max_by_key(|&i| {
                let new = reached[i].iter().filter(|s| !covered.contains(s)).count();
                // Ties go to the earliest combination, so the choice is stable.
                (new, std::cmp::Reverse(i))
            })
            .expect("at least one combination");
        covered.extend(&reached[best]);
        picked.push(best);
    }
    picked
}

#[test]
fn every_bundled_checklist_walks_to_completed_reaching_every_step_with_every_answer() {
    let checklists = bundled();
    let mut jobs = vec![];
    let mut zh_jobs = vec![];
    for c in &checklists {
        let combos = combinations(c);
        let reached: Vec<Vec<String>> = combos
            .iter()
            .map(|a| walk(c, a).unwrap_or_else(|e| panic!("{}: {a:?}: {e}", c.id)))
            .collect();
        // The union over the combinations walked reaches every step.
        let ever: BTreeSet<&String> = reached.iter().flatten().collect();
        for st in &c.steps {
            assert!(
                ever.contains(&st.id),
                "{}: step {} is never reached",
                c.id,
                st.id
            );
        }
        let zh = covering(&reached);
        assert!(
            !zh.is_empty(),
            "{}: no combination to walk in Chinese",
            c.id
        );
        for i in zh {
            zh_jobs.push(Job {
                checklist: c,
                answers: combos[i].clone(),
                reached: reached[i].clone(),
                lang: Some("zh-CN"),
            });
        }
        for i in walked(&combos, &reached) {
            jobs.push(Job {
                checklist: c,
                answers: combos[i].clone(),
                reached: reached[i].clone(),
                lang: None,
            });
        }
    }
    let (en_count, zh_count) = (jobs.len(), zh_jobs.len());
    jobs.append(&mut zh_jobs);
    let failures = run_all(&jobs);
    assert!(
        failures.is_empty(),
        "{} of {} walks failed ({en_count} in English, {zh_count} in Chinese); the first:\n{}",
        failures.len(),
        jobs.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}
