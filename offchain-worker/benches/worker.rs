//! Criterion benchmarks of the worker: checking a job's inputs (decrypt and check, batched as
//! the worker does) and computing its result share, natively. Figures: docs/PERFORMANCE.md.
//!
//! `cargo bench -p mpc-offchain-worker --bench worker`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use mpc_offchain_worker::{result_share, step, InputView, JobProgress, JobView, Limits};
use mpc_primitives::{
	deal, verify_submission, EncryptionKey, InputContext, JobPhase, JobShape, ParticipantIndex,
	WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [5u8; 32];

struct Job {
	shape: JobShape,
	secret: WorkerSecret,
	inputs: Vec<InputView>,
}

/// A job with `count` honest inputs, from worker 1's point of view.
fn job(n: u32, t: u32, d: u32, count: usize) -> Job {
	let mut rng = ChaCha20Rng::seed_from_u64(u64::from(n * 100 + d));
	let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let keys: Vec<EncryptionKey> = secrets.iter().map(|s| *s.public_key()).collect();
	let shape = JobShape::new(n, t, d).expect("shape");
	let inputs = (0..count)
		.map(|k| {
			let mut provider = [0u8; 32];
			provider[..8].copy_from_slice(&(k as u64).to_le_bytes());
			let ctx = InputContext::new(GENESIS, 1, provider);
			let values = vec![k as i128; d as usize];
			let s = deal(&ctx, &keys, t, &values, &mut rng).expect("deal");
			let a = verify_submission(&ctx, shape, s.as_parts(), |_| false).expect("accepted");
			InputView {
				provider,
				ephemeral_key: a.ephemeral_key,
				commitments: a.commitments,
				ciphertext: s.ciphertexts[0].clone(),
				qualified: true,
				digest: [0u8; 32],
			}
		})
		.collect();
	Job { shape, secret: secrets.into_iter().next().expect("a worker"), inputs }
}

fn view(job: &Job, phase: JobPhase) -> JobView {
	JobView {
		job_id: 1,
		genesis: GENESIS,
		shape: job.shape,
		phase,
		input_count: job.inputs.len() as u32,
		index: ParticipantIndex::new(1).expect("non-zero"),
		result_share_on_chain: false,
		aggregate_digest: [0u8; 32],
		deadline: 2,
		now: 1,
		block_hash: [1u8; 32],
		// Confirmed already: the measured runs check inputs and send nothing else.
		confirmed: true,
		aggregate: Vec::new(),
		disqualified: Vec::new(),
	}
}

fn bench_checks(c: &mut Criterion) {
	let mut g = c.benchmark_group("worker: check a job's inputs (batched)");
	g.sample_size(10);
	// t = ⌊n/2⌋, as in the wasm benchmark (`worker_check_inputs` in pallet-mpc).
	for (n, t, d, count) in [
		(5u32, 2u32, 1u32, 1_000usize),
		(5, 2, 8, 1_000),
		(50, 25, 1, 1_000),
		(50, 25, 8, 1_000),
		(5, 2, 1, 10_000),
	] {
		let j = job(n, t, d, count);
		let limits = Limits { checks_per_run: count as u32, ..Limits::default() };
		g.throughput(Throughput::Elements(count as u64));
		g.bench_function(format!("n={n},t={t},d={d}, {count} inputs"), |b| {
			b.iter_batched(
				JobProgress::default,
				|mut progress| {
					let (actions, report) = step(
						&j.secret,
						&view(&j, JobPhase::Collecting),
						&mut progress,
						|k| j.inputs.get(k as usize).cloned(),
						&limits,
						&mut ChaCha20Rng::seed_from_u64(9),
					)
					.expect("run");
					assert!(actions.is_empty());
					assert_eq!(report.checked as usize, count);
				},
				BatchSize::SmallInput,
			)
		});
	}
	g.finish();
}

fn bench_result_share(c: &mut Criterion) {
	let mut g = c.benchmark_group("worker: result share");
	g.sample_size(10);
	for (n, t, d, count) in
		[(5u32, 2u32, 1u32, 1_000usize), (5, 2, 8, 1_000), (50, 25, 8, 1_000), (5, 2, 1, 10_000)]
	{
		let j = job(n, t, d, count);
		g.throughput(Throughput::Elements(count as u64));
		g.bench_function(format!("n={n},t={t},d={d}, {count} inputs"), |b| {
			b.iter(|| {
				result_share(
					&j.secret,
					&view(&j, JobPhase::Computing),
					&mut |k| j.inputs.get(k as usize).cloned(),
					&mut ChaCha20Rng::seed_from_u64(9),
				)
				.expect("share")
			})
		});
	}
	g.finish();
}

criterion_group!(benches, bench_checks, bench_result_share);
criterion_main!(benches);
