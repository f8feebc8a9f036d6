//! The `profilecheck` binary: hands the process's arguments, environment and
//! streams to the library and exits with the code it returns.

use std::io::IsTerminal;

fn main() {
    let env = profilecheck::cli::Env {
        vars: std::env::vars_os()
            .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
            .collect(),
        cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        stdout_is_terminal: std::io::stdout().is_terminal(),
        stdin: if profilecheck::cli::ClosedStdin::detect() {
            Box::new(profilecheck::cli::ClosedStdin)
        } else {
            Box::new(std::io::stdin())
        },
    };
    let code = profilecheck::cli::run(
        std::env::args_os().collect(),
        env,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
