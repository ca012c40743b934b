//! Export benches: every format for the 12-step fixture session, and for the same session
//! with a 10,000-event log (the design's bar: well under 100 ms; issue 12's: txt < 15 ms).
//! The session is paused before its last step ([`fixtures::confirmed`]): a closed session
//! has nothing open to put in a calendar, so only an open one times every format. Each
//! iteration builds the record from the session, as `simcancel export` does.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use simcancel::export::{self, Format, Options};
use simcancel::fixtures;
use simcancel::i18n::Lang;

fn bench(c: &mut Criterion) {
    let options = Options {
        strings: Lang::En.strings(),
        redact: true,
        now: fixtures::export_now(),
    };
    for (name, session) in [
        ("12-steps", fixtures::confirmed()),
        (
            "10k-events",
            fixtures::padded(fixtures::confirmed(), 10_000),
        ),
    ] {
        let mut group = c.benchmark_group(format!("export/{name}"));
        for &format in Format::ALL {
            group.bench_with_input(
                BenchmarkId::from_parameter(format.extension()),
                &format,
                |b, &format| {
                    // Every format writes something for this session: a bench of an
                    // error would time nothing.
                    export::export(&session, format, &options).expect("a record");
                    b.iter(|| {
                        export::export(black_box(&session), format, &options).map(|s| s.len())
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
