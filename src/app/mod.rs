//! The subcommands: each turns parsed arguments into work and an exit code.

mod audit_command;
mod eval_command;
mod inspect_command;
mod merge_command;
mod rules_command;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::{Cli, Command, LangArg};
use crate::report::Lang;
use crate::rules::{Engine, RuleError, Rulebook};

/// Exit codes of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; no finding at or above `--fail-on`.
    Clean = 0,
    /// Done; findings at or above `--fail-on`.
    Findings = 1,
    /// Usage or rule error, or some input could not be read.
    Trouble = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

pub fn run(cli: Cli) -> Exit {
    match cli.command {
        Command::Audit(args) => audit_command::run(&args),
        Command::Merge(args) => merge_command::run(&args),
        Command::Inspect(args) => print_with(|out| inspect_command::run(&args, out)),
        Command::Rules(command) => print_with(|out| rules_command::run(command, out)),
        Command::Eval(args) => print_with(|out| eval_command::run(&args, out)),
    }
}

/// Runs a command that prints its answer on standard output, buffered.
fn print_with(command: impl FnOnce(&mut dyn Write) -> io::Result<Exit>) -> Exit {
    let mut out = UntilClosed::new(io::BufWriter::new(io::stdout().lock()));
    match command(&mut out).and_then(|exit| out.flush().map(|()| exit)) {
        Ok(exit) => exit,
        Err(e) => {
            eprintln!("jejak: standard output cannot be written: {e}");
            Exit::Trouble
        }
    }
}

/// Standard output that goes quiet once its reader closes the pipe (`jejak rules phrases |
/// head`): stopping early is the reader's choice, not a failure, so the command runs to its
/// end without printing and keeps its own exit code (failed rule examples still exit 1).
struct UntilClosed<W: Write> {
    out: W,
    closed: bool,
}

impl<W: Write> UntilClosed<W> {
    fn new(out: W) -> Self {
        UntilClosed { out, closed: false }
    }

    fn quiet_if_closed<T>(&mut self, result: io::Result<T>, otherwise: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(otherwise)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for UntilClosed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.out.write(buf);
        self.quiet_if_closed(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.flush();
        self.quiet_if_closed(result, ())
    }
}

pub(crate) fn lang_of(arg: LangArg) -> Lang {
    match arg {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    }
}

/// A message in the user's language.
pub(crate) fn say<'a>(lang: Lang, id: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Loads and compiles the rulebook, printing every rule error.
pub(crate) fn load_engine(
    extra: Option<&std::path::Path>,
    lang: Lang,
) -> Option<(Rulebook, Engine)> {
    let report = |errors: &[RuleError]| {
        eprintln!(
            "{}",
            say(
                lang,
                "jejak: berkas aturan bermasalah:",
                "jejak: rule files have errors:"
            )
        );
        for e in errors {
            eprintln!("  {e}");
        }
    };
    let book = match Rulebook::load(extra) {
        Ok(book) => book,
        Err(errors) => {
            report(&errors);
            return None;
        }
    };
    match Engine::compile(&book) {
        Ok(engine) => Some((book, engine)),
        Err(e) => {
            report(&[e]);
            None
        }
    }
}
