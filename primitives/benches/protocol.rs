//! Criterion benchmarks of the protocol crypto, with vsss-rs as a peer for Shamir split and
//! combine. Figures and method: docs/PERFORMANCE.md.
//!
//! `cargo bench -p mpc-primitives --bench protocol`

use criterion::{
	black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput,
};
use mpc_primitives::{
	batch_verify_shares, deal, deal_with_rule, judge_complaint, reconstruct,
	shamir::{ParticipantIndex, Polynomial},
	verify_possession, verify_share, verify_submission, verify_validity, Commitment,
	ComplaintSubject, EncryptionKey, EphemeralKey, InputContext, InputRule, JobShape, ResultShare,
	Scalar, Share, Submission, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [1u8; 32];

fn committee(rng: &mut ChaCha20Rng, n: usize) -> (Vec<WorkerSecret>, Vec<EncryptionKey>) {
	let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(rng)).collect();
	let keys = secrets.iter().map(|s| *s.public_key()).collect();
	(secrets, keys)
}

fn ctx(k: u64) -> InputContext {
	let mut p = [0u8; 32];
	p[..8].copy_from_slice(&k.to_le_bytes());
	InputContext::new(GENESIS, 1, p)
}

fn index(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

/// The threshold used for a committee of `n`: a third, as in a BFT setting.
fn threshold(n: u32) -> u32 {
	match n {
		5 => 2,
		_ => n / 3,
	}
}

fn bench_dealing(c: &mut Criterion) {
	let mut g = c.benchmark_group("deal");
	let mut rng = ChaCha20Rng::seed_from_u64(1);
	for n in [5u32, 20, 100] {
		for d in [1usize, 8] {
			let (_, keys) = committee(&mut rng, n as usize);
			let t = threshold(n);
			let values = vec![425_075_i128; d];
			g.bench_function(BenchmarkId::new(format!("n={n},t={t}"), format!("d={d}")), |b| {
				b.iter(|| deal(&ctx(1), &keys, t, black_box(&values), &mut rng).expect("deal"))
			});
		}
	}
	g.finish();
}

/// Everything the chain does to accept one submission.
fn bench_acceptance(c: &mut Criterion) {
	let mut g = c.benchmark_group("verify_submission");
	let mut rng = ChaCha20Rng::seed_from_u64(2);
	for (n, d) in [(5u32, 1usize), (20, 1), (100, 1), (20, 8)] {
		let t = threshold(n);
		let (_, keys) = committee(&mut rng, n as usize);
		let s = deal(&ctx(1), &keys, t, &vec![1; d], &mut rng).expect("deal");
		let shape = JobShape::new(n, t, d as u32).expect("shape");
		g.bench_function(format!("n={n},t={t},d={d}"), |b| {
			b.iter(|| {
				verify_submission(&ctx(1), shape, black_box(&s).as_parts(), |_| false)
					.expect("accepted")
			})
		});
	}
	g.finish();
}

struct WorkerInputs {
	secret: WorkerSecret,
	inputs: Vec<(InputContext, Submission, Vec<Commitment>)>,
	d: usize,
	shape: JobShape,
}

fn worker_inputs(count: usize, n: u32, t: u32, d: usize) -> WorkerInputs {
	let mut rng = ChaCha20Rng::seed_from_u64(3);
	let (mut secrets, keys) = committee(&mut rng, n as usize);
	let inputs = (0..count as u64)
		.map(|k| {
			let c = ctx(k);
			let s = deal(&c, &keys, t, &vec![k as i128; d], &mut rng).expect("deal");
			let commitments =
				s.commitments.iter().map(|b| Commitment::from_bytes(b).expect("point")).collect();
			(c, s, commitments)
		})
		.collect();
	let shape = JobShape::new(n, t, d as u32).expect("shape");
	WorkerInputs { secret: secrets.swap_remove(0), inputs, d, shape }
}

/// A worker's whole per-input check: decode R, K = e R, KDF, AEAD, share check.
fn bench_share_checks(c: &mut Criterion) {
	let mut g = c.benchmark_group("worker_check");
	let w = worker_inputs(1000, 5, 2, 1);
	let one = |(c, s, commitments): &(InputContext, Submission, Vec<Commitment>)| {
		let r = EphemeralKey::from_bytes(&s.ephemeral_key).expect("R");
		w.secret
			.open_and_check_share(c, index(1), &r, &s.ciphertexts[0], commitments, w.d)
			.expect("good share")
	};
	g.bench_function("single input, n=5,t=2,d=1", |b| b.iter(|| one(black_box(&w.inputs[0]))));

	let open = |(c, s, _): &(InputContext, Submission, Vec<Commitment>)| {
		let r = EphemeralKey::from_bytes(&s.ephemeral_key).expect("R");
		w.secret.open_share(c, index(1), &r, &s.ciphertexts[0], w.d).expect("decrypts")
	};
	let shares: Vec<Share> = w.inputs.iter().map(open).collect();
	let mut rng = ChaCha20Rng::seed_from_u64(4);
	g.bench_function("share equation only, single", |b| {
		b.iter(|| verify_share(index(1), black_box(&shares[0]), &w.inputs[0].2))
	});
	g.throughput(Throughput::Elements(1000));
	g.bench_function("1000 inputs batched, n=5,t=2,d=1 (whole check)", |b| {
		b.iter(|| {
			let shares: Vec<Share> = w.inputs.iter().map(open).collect();
			let items: Vec<(&Share, &[Commitment])> =
				shares.iter().zip(&w.inputs).map(|(s, (_, _, c))| (s, &c[..])).collect();
			batch_verify_shares(&w.shape, index(1), &items, &mut rng).expect("all good")
		})
	});
	g.bench_function("1000 inputs batched, share equation only", |b| {
		let items: Vec<(&Share, &[Commitment])> =
			shares.iter().zip(&w.inputs).map(|(s, (_, _, c))| (s, &c[..])).collect();
		b.iter(|| {
			batch_verify_shares(&w.shape, index(1), black_box(&items), &mut rng).expect("all good")
		})
	});
	g.finish();
}

fn result_shares(
	n: u32,
	t: u32,
	d: usize,
	inputs: usize,
) -> (JobShape, Vec<Commitment>, Vec<ResultShare>) {
	let mut rng = ChaCha20Rng::seed_from_u64(5);
	let (secrets, keys) = committee(&mut rng, n as usize);
	let subs: Vec<(InputContext, Submission)> = (0..inputs as u64)
		.map(|k| (ctx(k), deal(&ctx(k), &keys, t, &vec![7; d], &mut rng).expect("deal")))
		.collect();
	let aggregate = mpc_primitives::pedersen::sum_commitments(
		t as usize + 1,
		subs.iter()
			.map(|(_, s)| {
				s.commitments
					.iter()
					.map(|b| Commitment::from_bytes(b).expect("point"))
					.collect::<Vec<_>>()
			})
			.collect::<Vec<_>>()
			.iter()
			.map(|v| &v[..]),
	)
	.expect("sizes");
	let shares = secrets
		.iter()
		.enumerate()
		.map(|(i, secret)| {
			let own: Vec<Share> = subs
				.iter()
				.map(|(c, s)| {
					let r = EphemeralKey::from_bytes(&s.ephemeral_key).expect("R");
					secret
						.open_share(c, index(i as u32 + 1), &r, &s.ciphertexts[i], d)
						.expect("share")
				})
				.collect();
			ResultShare::aggregate(d, &own).expect("aggregate")
		})
		.collect();
	(JobShape::new(n, t, d as u32).expect("shape"), aggregate, shares)
}

fn bench_results(c: &mut Criterion) {
	let mut g = c.benchmark_group("result");
	for (n, t, d) in [(5u32, 2u32, 1usize), (100, 33, 1), (20, 6, 8)] {
		let (shape, aggregate, shares) = result_shares(n, t, d, 3);
		g.bench_function(format!("verify result share n={n},t={t},d={d}"), |b| {
			b.iter(|| assert!(black_box(&shares[1]).verify(&shape, index(2), &aggregate)))
		});
		let chosen: Vec<(ParticipantIndex, &ResultShare)> =
			(0..=t).map(|i| (index(i + 1), &shares[i as usize])).collect();
		g.bench_function(format!("reconstruct {} of {n}, d={d}", t + 1), |b| {
			b.iter(|| reconstruct(&shape, black_box(&chosen)).expect("reconstruct"))
		});
		let output = reconstruct(&shape, &chosen).expect("reconstruct");
		g.bench_function(format!("output check n={n},t={t},d={d}"), |b| {
			b.iter(|| assert!(black_box(&output).verify(&aggregate[0])))
		});
	}
	g.finish();
}

fn bench_proofs(c: &mut Criterion) {
	let mut g = c.benchmark_group("proofs");
	let mut rng = ChaCha20Rng::seed_from_u64(6);
	let secret = WorkerSecret::random(&mut rng);
	let account = [9u8; 32];
	g.bench_function("possession: create", |b| {
		b.iter(|| secret.prove_possession(&GENESIS, &account, &mut rng))
	});
	let proof = secret.prove_possession(&GENESIS, &account, &mut rng).to_bytes();
	let key = secret.public_key().to_bytes();
	g.bench_function("possession: verify (with key decoding)", |b| {
		b.iter(|| verify_possession(&GENESIS, &account, black_box(&key), &proof).expect("valid"))
	});

	let (secrets, keys) = committee(&mut rng, 5);
	let c0 = ctx(1);
	let s = deal(&c0, &keys, 2, &[1], &mut rng).expect("deal");
	let r = EphemeralKey::from_bytes(&s.ephemeral_key).expect("R");
	let commitments: Vec<Commitment> =
		s.commitments.iter().map(|b| Commitment::from_bytes(b).expect("point")).collect();
	let proof = mpc_primitives::DealingProof::from_bytes(&s.proof).expect("canonical");
	g.bench_function("dealing proof: verify", |b| {
		b.iter(|| assert!(black_box(&proof).verify(&c0, &r, &commitments)))
	});
	g.bench_function("complaint (DLEQ): create", |b| {
		b.iter(|| secrets[1].complain(&c0, index(2), black_box(&r), &mut rng))
	});
	let complaint = secrets[1].complain(&c0, index(2), &r, &mut rng);
	let subject = ComplaintSubject {
		input: &c0,
		index: index(2),
		worker_key: &keys[1],
		ephemeral_key: &r,
		commitments: &commitments,
		ciphertext: &s.ciphertexts[1],
		dimension: 1,
	};
	g.bench_function("complaint: judge (DLEQ verify, decrypt, check)", |b| {
		b.iter(|| {
			judge_complaint(
				black_box(&subject),
				complaint.shared_key.as_bytes(),
				&complaint.proof.to_bytes(),
			)
			.expect("well-formed")
		})
	});
	g.finish();
}

/// Shamir alone, next to vsss-rs 5.4 doing the same on the same curve.
fn bench_shamir_peer(c: &mut Criterion) {
	use vsss_rs::{
		curve25519::WrappedScalar, shamir, DefaultShare, IdentifierPrimeField, ReadableShareSet,
	};
	type PeerShare =
		DefaultShare<IdentifierPrimeField<WrappedScalar>, IdentifierPrimeField<WrappedScalar>>;

	let mut g = c.benchmark_group("shamir n=100, t+1=34");
	let mut rng = ChaCha20Rng::seed_from_u64(7);
	let secret = Scalar::random(&mut rng);

	g.bench_function("mpc-primitives: split", |b| {
		b.iter(|| {
			let f = Polynomial::random(black_box(secret), 33, &mut rng);
			ParticipantIndex::all(100).map(|i| f.evaluate(i)).collect::<Vec<Scalar>>()
		})
	});
	let f = Polynomial::random(secret, 33, &mut rng);
	let points: Vec<(ParticipantIndex, Scalar)> =
		ParticipantIndex::all(100).map(|i| (i, f.evaluate(i))).take(34).collect();
	g.bench_function("mpc-primitives: combine", |b| {
		b.iter(|| mpc_primitives::shamir::interpolate_at_zero(black_box(&points)).expect("combine"))
	});
	assert_eq!(mpc_primitives::shamir::interpolate_at_zero(&points), Ok(secret));

	let peer_secret = IdentifierPrimeField(WrappedScalar(*secret.as_dalek()));
	g.bench_function("vsss-rs 5.4: split", |b| {
		b.iter_batched(
			|| ChaCha20Rng::seed_from_u64(8),
			|mut r| {
				shamir::split_secret::<PeerShare>(34, 100, black_box(&peer_secret), &mut r)
					.expect("split")
			},
			BatchSize::SmallInput,
		)
	});
	let peer_shares =
		shamir::split_secret::<PeerShare>(34, 100, &peer_secret, &mut rng).expect("split");
	let subset: &[PeerShare] = &peer_shares[..34];
	assert_eq!(subset.combine().expect("combine"), peer_secret);
	g.bench_function("vsss-rs 5.4: combine", |b| {
		b.iter(|| black_box(subset).combine().expect("combine"))
	});
	g.finish();
}

/// One-hot validity proofs (PROTOCOL.md section 12.2): dealing with the proof, and the
/// chain's check, for ballots of `d` options.
fn bench_one_hot(c: &mut Criterion) {
	let mut g = c.benchmark_group("one_hot");
	let mut rng = ChaCha20Rng::seed_from_u64(12);
	let (_, keys) = committee(&mut rng, 5);
	for d in [2usize, 4, 16] {
		let rule: InputRule = InputRule::OneHot { abstain: true };
		let mut ballot = vec![0i128; d];
		ballot[d - 1] = 1;
		g.bench_function(format!("deal with proof n=5,t=2,d={d}"), |b| {
			b.iter(|| deal_with_rule(&ctx(1), &keys, 2, black_box(&ballot), &rule, &mut rng))
		});
		let (s, proof) =
			deal_with_rule(&ctx(1), &keys, 2, &ballot, &rule, &mut rng).expect("deals");
		let c0 = Commitment::from_bytes(&s.commitments[0]).expect("C_0");
		g.bench_function(format!("verify d={d} ({} bytes)", proof.len()), |b| {
			b.iter(|| verify_validity(&ctx(1), d as u32, &rule, &c0, black_box(&proof)))
		});
	}
	g.finish();
}

/// Range proofs (PROTOCOL.md section 12.3): dealing with the proof, and the chain's check, at
/// the shapes the pallet's weights are benchmarked at and a few between.
fn bench_range(c: &mut Criterion) {
	let mut g = c.benchmark_group("range");
	g.sample_size(20);
	let mut rng = ChaCha20Rng::seed_from_u64(13);
	let (_, keys) = committee(&mut rng, 5);
	let wide = (i128::from(i64::MIN), i128::from(i64::MAX));
	for (d, bounds) in
		[(1usize, (0, 255)), (1, wide), (4, (0, 255)), (4, wide), (16, (0, 255)), (16, wide)]
	{
		let rule: InputRule = InputRule::Range(vec![bounds; d]);
		let values = vec![7i128; d];
		let bits = if bounds == wide { 64 } else { 8 };
		g.bench_function(format!("deal with proof n=5,t=2,d={d},N={bits}"), |b| {
			b.iter(|| deal_with_rule(&ctx(1), &keys, 2, black_box(&values), &rule, &mut rng))
		});
		let (s, proof) =
			deal_with_rule(&ctx(1), &keys, 2, &values, &rule, &mut rng).expect("deals");
		let c0 = Commitment::from_bytes(&s.commitments[0]).expect("C_0");
		g.bench_function(format!("verify d={d},N={bits} ({} bytes)", proof.len()), |b| {
			b.iter(|| verify_validity(&ctx(1), d as u32, &rule, &c0, black_box(&proof)))
		});
	}
	g.finish();
}

criterion_group!(
	benches,
	bench_dealing,
	bench_acceptance,
	bench_share_checks,
	bench_results,
	bench_proofs,
	bench_one_hot,
	bench_range,
	bench_shamir_peer
);
criterion_main!(benches);
