//! The `mtlint` binary: parse the command line, run, map the result to an exit code.

fn main() {
    let code = mtlint::cli::main_with(std::env::args().collect());
    std::process::exit(code);
}
