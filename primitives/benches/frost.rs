//! Criterion benchmarks of threshold keys (PROTOCOL.md section 14) at committees of 5 and 16
//! (`t = floor((n - 1) / 2)`): each member's DKG work and each check the chain makes.
//! Figures: docs/PERFORMANCE.md, "Threshold keys".
//!
//! `cargo bench -p mpc-primitives --bench frost`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use mpc_primitives::{
	frost::{
		commit, finish_dkg, round1, seal_envelope, sign, signing_package, verify_envelope,
		verify_round1, AttemptContext, DkgOutcome, Envelope, FrostGroup, KeyPackage, Member,
		MemberShape, Round1Package, SenderContext,
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

fn accounts(n: u32) -> Vec<[u8; 32]> {
	(1..=n).map(|i| [i as u8; 32]).collect()
}

impl Key {
	fn member<'a>(&'a self, i: u32, accounts: &'a [[u8; 32]]) -> Member<'a> {
		Member {
			secret: &self.secrets[i as usize - 1],
			ctx: &CTX,
			shape: MemberShape { index: index(i), n: self.n, t: self.t },
			account: &accounts[i as usize - 1],
			keys: &self.keys,
		}
	}
}

fn make(n: u32) -> Key {
	let t = (n - 1) / 2;
	let mut rng = ChaCha20Rng::seed_from_u64(u64::from(n));
	let secrets: Vec<_> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let keys: Vec<_> = secrets.iter().map(|s| *s.public_key()).collect();
	let accounts = accounts(n);
	let member = |i: u32| Member {
		secret: &secrets[i as usize - 1],
		ctx: &CTX,
		shape: MemberShape { index: index(i), n, t },
		account: &accounts[i as usize - 1],
		keys: &keys,
	};
	let packages: Vec<_> = (1..=n).map(|i| round1(&member(i)).expect("round 1")).collect();
	let envelopes: Vec<_> =
		(1..=n).map(|j| seal_envelope(&member(j), &packages).expect("envelope")).collect();
	let members = (1..=n)
		.map(|i| match finish_dkg(&member(i), &packages, &envelopes, &mut rng).expect("dkg") {
			DkgOutcome::Key(k) => k,
			DkgOutcome::Complain { .. } => panic!("no complaint"),
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
			let accounts = accounts(k.n);
			b.iter(|| round1(&k.member(1, &accounts)))
		});
		g.bench_with_input(BenchmarkId::new("chain_verify_round1", n), &key, |b, k| {
			b.iter(|| verify_round1(index(1), k.t, black_box(&k.packages[0])))
		});
		g.bench_with_input(BenchmarkId::new("member_seal_envelope", n), &key, |b, k| {
			let accounts = accounts(k.n);
			b.iter(|| seal_envelope(&k.member(1, &accounts), &k.packages))
		});
		g.bench_with_input(BenchmarkId::new("chain_verify_envelope", n), &key, |b, k| {
			let sender = SenderContext { attempt: CTX, sender: index(1) };
			b.iter(|| verify_envelope(&sender, &[1u8; 32], k.n, black_box(&k.envelopes[0])))
		});
		g.bench_with_input(BenchmarkId::new("member_finish_dkg", n), &key, |b, k| {
			let mut rng = ChaCha20Rng::seed_from_u64(0);
			let accounts = accounts(k.n);
			b.iter(|| finish_dkg(&k.member(1, &accounts), &k.packages, &k.envelopes, &mut rng))
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
				(
					index(i),
					sign(&package, nonces.clone(), &key.members[i as usize - 1]).expect("share"),
				)
			})
			.collect();
		g.bench_with_input(BenchmarkId::new("member_sign", n), &key, |b, k| {
			b.iter(|| sign(&package, drawn[0].0.clone(), &k.members[0]))
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
