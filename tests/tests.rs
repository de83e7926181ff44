//! Integration tests: one binary, a module per area.

mod batch;
mod check;
mod cli;
mod diff;
mod genre;
mod hostile;
mod layout;
mod mutants;
mod mutate;
mod objects;
mod pipeline;
mod replace;
mod robust;
mod sources;
mod usability;
mod util;
mod vocabulary;
mod web;
