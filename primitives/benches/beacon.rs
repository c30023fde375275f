//! Criterion benchmarks of the committee key and the beacon (PROTOCOL.md section 11), at
//! committees of 5, 16 and 32. Figures and method: docs/PERFORMANCE.md.
//!
//! `cargo bench -p mpc-primitives --bench beacon`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use mpc_primitives::{
	combine_round, deal_key, verify_key_dealing, verify_round_share, AcceptedKeyDealing,
	CommitteeShape, DealerContext, EncryptionKey, EpochContext, GroupKey, KeyDealing, KeyShare,
	ParticipantIndex, Point, RoundContext, Scalar, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const EPOCH: EpochContext = EpochContext { genesis: [1u8; 32], epoch: 0 };

fn index(i: usize) -> ParticipantIndex {
	ParticipantIndex::new(i as u32 + 1).expect("non-zero")
}

fn dealer(j: usize) -> DealerContext {
	DealerContext { epoch: EPOCH, dealer: index(j) }
}

struct Dkg {
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	dealings: Vec<KeyDealing>,
	accepted: Vec<AcceptedKeyDealing>,
	shape: CommitteeShape,
}

fn dkg(n: usize, rng: &mut ChaCha20Rng) -> Dkg {
	let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(rng)).collect();
	let keys: Vec<EncryptionKey> = secrets.iter().map(|s| *s.public_key()).collect();
	let shape = CommitteeShape::new(n as u32).expect("n >= 3");
	let dealings: Vec<KeyDealing> =
		(0..n).map(|j| deal_key(&dealer(j), &[j as u8; 32], &keys, rng).expect("deal")).collect();
	let accepted = dealings
		.iter()
		.enumerate()
		.map(|(j, d)| {
			verify_key_dealing(&dealer(j), &[j as u8; 32], shape, d.as_parts(), |_| false)
				.expect("accepted")
		})
		.collect();
	Dkg { secrets, keys, dealings, accepted, shape }
}

fn bench_dkg(c: &mut Criterion) {
	let mut g = c.benchmark_group("dkg");
	let mut rng = ChaCha20Rng::seed_from_u64(1);
	for n in [5usize, 16, 32] {
		let d = dkg(n, &mut rng);
		g.bench_function(BenchmarkId::new("deal", n), |b| {
			b.iter(|| deal_key(&dealer(0), &[0; 32], black_box(&d.keys), &mut rng).expect("deal"))
		});
		g.bench_function(BenchmarkId::new("verify dealing (chain)", n), |b| {
			b.iter(|| {
				verify_key_dealing(&dealer(0), &[0; 32], d.shape, d.dealings[0].as_parts(), |_| {
					false
				})
				.expect("accepted")
			})
		});
		g.bench_function(BenchmarkId::new("open and check one share (member)", n), |b| {
			let a = &d.accepted[0];
			b.iter(|| {
				d.secrets[1]
					.open_key_share(
						&dealer(0),
						index(1),
						&a.ephemeral_key,
						&d.dealings[0].ciphertexts[1],
						&a.commitments,
					)
					.expect("checks")
			})
		});
		g.bench_function(BenchmarkId::new("group key and n public shares (chain)", n), |b| {
			b.iter(|| {
				let key = GroupKey::combine(d.shape, d.accepted.iter().map(|a| &a.commitments[..]))
					.expect("key");
				(0..n).map(|i| key.public_share(index(i))).collect::<Vec<Point>>()
			})
		});
	}
	g.finish();
}

fn bench_rounds(c: &mut Criterion) {
	let mut g = c.benchmark_group("round");
	let mut rng = ChaCha20Rng::seed_from_u64(2);
	for n in [5usize, 16, 32] {
		let d = dkg(n, &mut rng);
		let key =
			GroupKey::combine(d.shape, d.accepted.iter().map(|a| &a.commitments[..])).expect("key");
		let shares: Vec<KeyShare> = (0..n)
			.map(|i| {
				let opened: Vec<Scalar> = d
					.accepted
					.iter()
					.enumerate()
					.map(|(j, a)| {
						*d.secrets[i]
							.open_key_share(
								&dealer(j),
								index(i),
								&a.ephemeral_key,
								&d.dealings[j].ciphertexts[i],
								&a.commitments,
							)
							.expect("checks")
					})
					.collect();
				KeyShare::from_shares(index(i), &opened)
			})
			.collect();
		let ctx = RoundContext { epoch: EPOCH, round: 7, seed: [3; 32] };
		g.bench_function(BenchmarkId::new("share (member)", n), |b| {
			b.iter(|| shares[0].round_share(black_box(&ctx), &mut rng))
		});
		let posted: Vec<_> =
			shares.iter().map(|s| (s.index(), s.round_share(&ctx, &mut rng))).collect();
		let x0 = key.public_share(index(0));
		g.bench_function(BenchmarkId::new("verify one share (chain)", n), |b| {
			b.iter(|| {
				verify_round_share(&ctx, index(0), &x0, black_box(&posted[0].1)).expect("valid")
			})
		});
		let t = d.shape.t() as usize;
		let points: Vec<(ParticipantIndex, Point)> = posted[..=t]
			.iter()
			.map(|(i, s)| (*i, Point::from_bytes(&s.point).expect("Y")))
			.collect();
		g.bench_function(BenchmarkId::new("combine t+1 shares (chain)", n), |b| {
			b.iter(|| combine_round(&ctx, black_box(&points)).expect("combined"))
		});
	}
	g.finish();
}

criterion_group!(benches, bench_dkg, bench_rounds);
criterion_main!(benches);
