//! Whole-program timing of `journeygap run` on each demo quarter (charts included), in process,
//! median of repeated runs. The reference-corpus benchmark of PRODUCT §9 builds on this.
//! Run: `cargo bench --bench demo_run`.

use std::path::PathBuf;
use std::time::Instant;

use journeygap::cli::RunArgs;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("temp dir");
    let runs = 15;
    for q in journeygap::demo::QUARTERS {
        let args = RunArgs {
            input: root.join("fixtures/demo").join(q),
            out: out.path().to_path_buf(),
            config: None,
            period: None,
            jobs: None,
            skip_bad_files: false,
            hash_ids: false,
            format: journeygap::cli::ChartFormat::Png,
            quiet: true,
        };
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                journeygap::cmd::run::run(&args).expect("demo run");
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "demo run {q}: median {:.1} ms, min {:.1} ms, max {:.1} ms ({runs} runs)",
            times[runs / 2] * 1e3,
            times[0] * 1e3,
            times[runs - 1] * 1e3
        );
    }
}
