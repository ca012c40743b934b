//! Words for what checklists state: kinds of line, flags, waits, citations and their
//! sources, staleness and conditions — so no English is left in another language's output.

/// The name of each kind of line (`Kind` of the checklist model).
#[derive(Debug)]
pub struct Kinds {
    /// Pay-as-you-go card.
    pub prepaid: &'static str,
    /// Monthly plan.
    pub postpaid: &'static str,
    /// Embedded SIM profile.
    pub esim: &'static str,
    /// Travel eSIM or card.
    pub travel: &'static str,
}

/// The words of each flag (`Flag` of the checklist model).
#[derive(Debug)]
pub struct Flags {
    /// Cancelling costs money.
    pub fee: &'static str,
    /// A phone call is needed.
    pub needs_call: &'static str,
    /// A letter is needed.
    pub needs_letter: &'static str,
    /// An identity document is needed.
    pub needs_id: &'static str,
    /// Only in the provider's app.
    pub in_app_only: &'static str,
    /// Expect a retention offer.
    pub retention_offer: &'static str,
    /// Cannot be undone.
    pub irreversible: &'static str,
}

/// An expected wait in words; `{n}` is the number.
#[derive(Debug)]
pub struct Durations {
    /// One hour.
    pub hour: &'static str,
    /// `{n}` hours.
    pub hours: &'static str,
    /// One day.
    pub day: &'static str,
    /// `{n}` days.
    pub days: &'static str,
    /// One week.
    pub week: &'static str,
    /// `{n}` weeks.
    pub weeks: &'static str,
}

/// Sources, citations and how old a checklist is.
#[derive(Debug)]
pub struct Citations {
    /// One numbered source: `{n}` (with its brackets), `{title}`, `{publisher}`, `{url}`,
    /// `{retrieved}`.
    pub source: &'static str,
    /// The quote under a source: `{quote}`.
    pub quote: &'static str,
    /// The quote of a low-confidence source: `{quote}`; it says "one source says…; check".
    pub quote_low: &'static str,
    /// A checklist verified long ago: `{days}`.
    pub stale: &'static str,
    /// One condition of a step, in words: `{question}`, `{answers}`.
    pub condition: &'static str,
    /// One answer of a condition: `{answer}`.
    pub answer: &'static str,
    /// Between the answers of a condition that any of several satisfies.
    pub or: &'static str,
    /// Between two conditions that must all hold.
    pub and: &'static str,
}
