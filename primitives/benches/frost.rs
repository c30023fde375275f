//! Criterion benchmarks of threshold keys (PROTOCOL.md section 14) at committees of 5 and 16
//! (`t = floor((n - 1) / 2)`): each member's DKG work and each check the chain makes.
//! Figures: docs/PERFORMANCE.md, "Threshold keys".
//!
//! `cargo bench -p mpc-primitives --bench frost`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use mpc_primitives::{
	frost::{
		commit, finish_dkg, round1, seal_envelope, sign, signing_package, verify_envelope,
		verify_round1, AttemptContext, DkgOutcome, Envelope, FrostGroup, KeyPackage, MemberShape,
		Round1Package, SenderContext,
	},
	EncryptionKey, ParticipantIndex, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const CTX: AttemptContext = AttemptContext { genesis: [1u8; 32], key: 0, attempt: 0 };

fn index(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

struct Key {
	n: u32,
	t: u32,
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	packages: Vec<Round1Package>,
	envelopes: Vec<Envelope>,
	members: Vec<KeyPackage>,
	group: FrostGroup,
}

impl Key {
	fn shape(&self, i: u32) -> MemberShape {
		MemberShape { index: index(i), n: self.n, t: self.t }
	}
}

fn make(n: u32) -> Key {
	let t = (n - 1) / 2;
	let mut rng = ChaCha20Rng::seed_from_u64(u64::from(n));
	let secrets: Vec<_> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let keys: Vec<_> = secrets.iter().map(|s| *s.public_key()).collect();
	let shape = |i: u32| MemberShape { index: index(i), n, t };
	let packages: Vec<_> = (1..=n)
		.map(|i| round1(&secrets[i as usize - 1], &CTX, &shape(i)).expect("round 1"))
		.collect();
	let envelopes: Vec<_> = (1..=n)
		.map(|j| {
			let s = &secrets[j as usize - 1];
			seal_envelope(s, &CTX, &shape(j), &[j as u8; 32], &keys, &packages).expect("envelope")
		})
		.collect();
	let members = (1..=n)
		.map(|i| {
			let s = &secrets[i as usize - 1];
			match finish_dkg(s, &CTX, &shape(i), &packages, &envelopes, &mut rng).expect("dkg") {
				DkgOutcome::Key(k) => k,
				DkgOutcome::Complain { .. } => panic!("no complaint"),
			}
		})
		.collect();
	let group = FrostGroup::from_round1(t, &packages).expect("key");
	Key { n, t, secrets, keys, packages, envelopes, members, group }
}

fn dkg(c: &mut Criterion) {
	let mut g = c.benchmark_group("frost/dkg");
	for n in [5u32, 16] {
		let key = make(n);
		g.bench_with_input(BenchmarkId::new("member_round1", n), &key, |b, k| {
			b.iter(|| round1(&k.secrets[0], &CTX, &k.shape(1)))
		});
		g.bench_with_input(BenchmarkId::new("chain_verify_round1", n), &key, |b, k| {
			b.iter(|| verify_round1(index(1), k.t, black_box(&k.packages[0])))
		});
		g.bench_with_input(BenchmarkId::new("member_seal_envelope", n), &key, |b, k| {
			b.iter(|| {
				seal_envelope(&k.secrets[0], &CTX, &k.shape(1), &[1u8; 32], &k.keys, &k.packages)
			})
		});
		g.bench_with_input(BenchmarkId::new("chain_verify_envelope", n), &key, |b, k| {
			let sender = SenderContext { attempt: CTX, sender: index(1) };
			b.iter(|| verify_envelope(&sender, &[1u8; 32], k.n, black_box(&k.envelopes[0])))
		});
		g.bench_with_input(BenchmarkId::new("member_finish_dkg", n), &key, |b, k| {
			let mut rng = ChaCha20Rng::seed_from_u64(0);
			b.iter(|| {
				finish_dkg(&k.secrets[0], &CTX, &k.shape(1), &k.packages, &k.envelopes, &mut rng)
			})
		});
		g.bench_with_input(BenchmarkId::new("chain_group_key", n), &key, |b, k| {
			b.iter(|| FrostGroup::from_round1(k.t, black_box(&k.packages)))
		});
	}
	g.finish();
}

fn signing(c: &mut Criterion) {
	let mut g = c.benchmark_group("frost/sign");
	for n in [5u32, 16] {
		let key = make(n);
		let signers: Vec<u32> = (1..=key.t + 1).collect();
		let mut rng = ChaCha20Rng::seed_from_u64(1);
		let drawn: Vec<_> = signers
			.iter()
			.map(|&i| commit(&key.members[i as usize - 1], &mut rng).expect("commit"))
			.collect();
		let commitments: Vec<_> =
			signers.iter().zip(&drawn).map(|(&i, (_, c))| (index(i), *c)).collect();
		let message = [7u8; 128];
		let package = signing_package(&message, &commitments).expect("package");
		let shares: Vec<_> = signers
			.iter()
			.zip(&drawn)
			.map(|(&i, (nonces, _))| {
				(index(i), sign(&package, nonces, &key.members[i as usize - 1]).expect("share"))
			})
			.collect();
		g.bench_with_input(BenchmarkId::new("member_sign", n), &key, |b, k| {
			b.iter(|| sign(&package, &drawn[0].0, &k.members[0]))
		});
		g.bench_with_input(BenchmarkId::new("chain_verify_share", n), &key, |b, k| {
			b.iter(|| k.group.verify_share(&package, index(1), black_box(&shares[0].1)))
		});
		g.bench_with_input(BenchmarkId::new("chain_aggregate", n), &key, |b, k| {
			b.iter(|| k.group.aggregate(&package, black_box(&shares)))
		});
	}
	g.finish();
}

criterion_group!(benches, dkg, signing);
criterion_main!(benches);
