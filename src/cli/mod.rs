//! Command-line parsing (clap) and the commands that print to stdout.
