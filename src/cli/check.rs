//! The check: every input linted on all cores, the reports handed back in
//! input order so output stays deterministic while memory stays flat (a
//! bounded window of files is in flight at any time; reporters that need
//! the whole run, such as HTML's summary table, buffer their own output).

use super::walk::{Input, display_name, read_capped, read_file};
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::yaml::Pos;
use crate::report::ProfileReport;
use crate::rules::engine::{self, LangChoice, RuleSet};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

fn lint_one(rules: &RuleSet, input: &Input, lang: LangChoice, stdin: Option<Vec<u8>>) -> ProfileReport {
    let file = display_name(input);
    let bytes = match input {
        Input::Broken(_, msg) => Err(msg.clone()),
        Input::File(p) => read_file(p),
        Input::Stdin => stdin.map_or_else(|| Ok(Vec::new()), Ok),
    };
    let mut report = match bytes {
        Ok(b) => engine::check_bytes(rules, &file, &b, lang),
        Err(msg) => engine::invalid(&file, &[Diagnostic::error(Pos::START, msg)], lang.for_profile(None)),
    };
    // A name that is not UTF-8 keeps its bytes for the formats that can
    // carry them (SARIF's percent-encoded URIs).
    if let Input::File(p) | Input::Broken(p, _) = input
        && p.to_str().is_none()
    {
        report.file_bytes = Some(crate::platform::path_bytes(p));
    }
    report
}

/// Lint every input, calling `emit` with each report in input order.
///
/// Each input comes with the index of its scope in `scopes` (the rules and
/// language choice of the config it falls under); `emit` is handed it back.
pub fn lint_all(
    scopes: &[(&RuleSet, LangChoice)],
    inputs: Vec<(Input, usize)>,
    stdin: Box<dyn Read + Send>,
    mut emit: impl FnMut(ProfileReport, usize),
) {
    // stdin is read once, up front, by whoever needs it.
    let stdin_bytes: Option<Result<Vec<u8>, Msg>> = inputs
        .iter()
        .any(|(i, _)| matches!(i, Input::Stdin))
        .then(|| read_capped(stdin));
    let stdin_input = |i: &Input| -> (Input, Option<Vec<u8>>) {
        match (i, &stdin_bytes) {
            (Input::Stdin, Some(Err(m))) => (Input::Broken(PathBuf::from("-"), m.clone()), None),
            (Input::Stdin, Some(Ok(b))) => (Input::Stdin, Some(b.clone())),
            (other, _) => (other.clone(), None),
        }
    };
    let lint = |(i, scope): &(Input, usize)| -> ProfileReport {
        let (input, data) = stdin_input(i);
        let (rules, lang) = scopes[*scope];
        lint_one(rules, &input, lang, data)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    if workers <= 1 || inputs.len() < 4 {
        for i in &inputs {
            emit(lint(i), i.1);
        }
        return;
    }
    in_parallel(&inputs, workers, &lint, |r, i| emit(r, i.1));
}

/// `lint` every input on `workers` threads, calling `emit` with each result
/// in input order.
fn in_parallel<T: Sync, R: Send>(
    inputs: &[T],
    workers: usize,
    lint: &(impl Fn(&T) -> R + Sync),
    mut emit: impl FnMut(R, &T),
) {
    // Workers take files in chunks and send each chunk's reports as one
    // message: one hand-over per file cost more than the rules themselves.
    let chunk = (inputs.len() / (workers * 8)).clamp(1, 32);
    let next = AtomicUsize::new(0);
    // Memory stays flat however many files there are: a worker does not
    // start a chunk more than `window` files ahead of what the writer has
    // emitted, so at most that many reports wait, in the channel or in the
    // reorder buffer. The chunk the writer waits for is never held back.
    let window = chunk * workers * 4;
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<R>)>(workers * 2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            let emitted = &emitted;
            s.spawn(move || {
                loop {
                    let start = next.fetch_add(chunk, Ordering::Relaxed);
                    if start >= inputs.len() {
                        break;
                    }
                    let (lock, cvar) = emitted;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while start > *done + window {
                        done = cvar.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    let end = (start + chunk).min(inputs.len());
                    let reports = inputs[start..end].iter().map(lint).collect();
                    if tx.send((start, reports)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Chunks arrive in any order; emit them in input order.
        let mut pending: BTreeMap<usize, Vec<R>> = BTreeMap::new();
        let mut want = 0;
        for (start, reports) in rx {
            pending.insert(start, reports);
            while let Some(reports) = pending.remove(&want) {
                let n = reports.len();
                for (k, r) in reports.into_iter().enumerate() {
                    emit(r, &inputs[want + k]);
                }
                want += n;
                let (lock, cvar) = &emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
                cvar.notify_all();
            }
        }
    });
}
