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
    let mut out = io::BufWriter::new(io::stdout().lock());
    let printed = match cli.command {
        Command::Audit(args) => return audit_command::run(&args),
        Command::Merge(args) => return merge_command::run(&args),
        Command::Inspect(args) => inspect_command::run(&args, &mut out),
        Command::Rules(command) => rules_command::run(command, &mut out),
        Command::Eval(args) => eval_command::run(&args, &mut out),
    };
    finish_printing(printed.and_then(|exit| out.flush().map(|()| exit)))
}

/// The exit of a command that prints its answer. A reader that stops early (`| head`) closes
/// the pipe: that is the reader's choice, not a failure, so the command ends quietly as ripgrep
/// does; any other write error is reported.
fn finish_printing(printed: io::Result<Exit>) -> Exit {
    match printed {
        Ok(exit) => exit,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(e) => {
            eprintln!("jejak: standard output cannot be written: {e}");
            Exit::Trouble
        }
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
