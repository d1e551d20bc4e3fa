//! The least every run must do on a CSV file beyond parsing it (PRODUCT §9, decided
//! 2026-12-03), shared by `benches/corpus` (its CSV floor) and `benches/read_steps` (its
//! `least` step): the SHA-256 of the file (for `summary.json` and `verify`) and one
//! `respondents.csv` line per record, its fields joined by hand with no quoting checks (a lower
//! bound on making it).

/// Parse `bytes` with the csv crate, hash them and append a respondents line per record to
/// `w`; returns how many fields and hash bytes it saw (so that nothing is optimised away).
pub fn least(name: &str, bytes: &[u8], w: &mut Vec<u8>) -> usize {
    let hash = <sha2::Sha256 as sha2::Digest>::digest(bytes);
    let (mut n, mut row) = (0, String::new());
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    for (i, rec) in r.byte_records().enumerate() {
        let rec = rec.expect("record");
        row.clear();
        std::fmt::Write::write_fmt(&mut row, format_args!("{}", i + 1)).expect("row");
        let (id, key) = (rec.get(0).unwrap_or(b""), rec.get(1).unwrap_or(b""));
        let fields: [&[u8]; 11] = [
            b"2026Q3",
            name.as_bytes(),
            b"",
            row.as_bytes(),
            id,
            b"client",
            b"current client",
            b"false",
            b"",
            key,
            b"1",
        ];
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                w.push(b',');
            }
            w.extend_from_slice(f);
        }
        w.push(b'\n');
        n += rec.len();
    }
    n + hash.len()
}
