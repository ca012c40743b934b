//! Catalogue benches (filled in with the loader).

fn main() {}
