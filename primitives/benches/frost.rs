//! Criterion benchmarks of threshold keys (PROTOCOL.md section 14) at committees of 5 and 16
//! (`t = floor((n - 1) / 2)`): each member's DKG work and each check the chain makes.
//! Figures: docs/PERFORMANCE.md, "Threshold keys".
//!
//! `cargo bench -p mpc-primitives --bench frost`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use mpc_primitives::{
	frost::refresh::{
		finish_refresh, refresh_round1, seal_refresh_envelope, verify_refresh_round1, RefreshMember,
	},
	frost::{
		commit, finish_dkg, round1, seal_envelope, sign, signing_package,
		testing::{TestCommittee, TestKey},
		verify_envelope, verify_round1, AttemptContext, FrostGroup, SenderContext,
	},
	ParticipantIndex, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const CTX: AttemptContext = AttemptContext { genesis: [1u8; 32], key: 0, attempt: 0 };

fn index(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

struct Key {
	committee: TestCommittee,
	key: TestKey,
}

fn make(n: u32) -> Key {
	let t = (n - 1) / 2;
	let mut rng = ChaCha20Rng::seed_from_u64(u64::from(n));
	let secrets = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let accounts = (1..=n).map(|i| [i as u8; 32]).collect();
	let committee = TestCommittee::new(CTX, t, secrets, accounts);
	let key = committee.make_key(&mut rng).expect("an honest committee makes its key");
	Key { committee, key }
}

fn dkg(c: &mut Criterion) {
	let mut g = c.benchmark_group("frost/dkg");
	for n in [5u32, 16] {
		let Key { committee: c1, key } = make(n);
		let (first, t) = (c1.member(index(1)), c1.t);
		g.bench_function(BenchmarkId::new("member_round1", n), |b| b.iter(|| round1(&first)));
		g.bench_function(BenchmarkId::new("chain_verify_round1", n), |b| {
			b.iter(|| verify_round1(index(1), t, black_box(&key.packages[0])))
		});
		g.bench_function(BenchmarkId::new("member_seal_envelope", n), |b| {
			b.iter(|| seal_envelope(&first, &key.packages))
		});
		g.bench_function(BenchmarkId::new("chain_verify_envelope", n), |b| {
			let sender = SenderContext { attempt: CTX, sender: index(1) };
			b.iter(|| verify_envelope(&sender, first.account, n, black_box(&key.envelopes[0])))
		});
		g.bench_function(BenchmarkId::new("member_finish_dkg", n), |b| {
			let mut rng = ChaCha20Rng::seed_from_u64(0);
			b.iter(|| finish_dkg(&first, &key.packages, &key.envelopes, &mut rng))
		});
		g.bench_function(BenchmarkId::new("chain_group_key", n), |b| {
			b.iter(|| FrostGroup::from_round1(t, black_box(&key.packages)))
		});
	}
	g.finish();
}

fn signing(c: &mut Criterion) {
	let mut g = c.benchmark_group("frost/sign");
	for n in [5u32, 16] {
		let Key { committee, key } = make(n);
		let signers: Vec<u32> = (1..=committee.t + 1).collect();
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
				let z = sign(&package, nonces.clone(), &key.members[i as usize - 1]);
				(index(i), z.expect("share"))
			})
			.collect();
		g.bench_function(BenchmarkId::new("member_sign", n), |b| {
			b.iter(|| sign(&package, drawn[0].0.clone(), &key.members[0]))
		});
		g.bench_function(BenchmarkId::new("chain_verify_share", n), |b| {
			b.iter(|| key.group.verify_share(&package, index(1), black_box(&shares[0].1)))
		});
		g.bench_function(BenchmarkId::new("chain_aggregate", n), |b| {
			b.iter(|| key.group.aggregate(&package, black_box(&shares)))
		});
	}
	g.finish();
}

/// A refresh by every member but the last (`n - 1` stay), in attempt 1.
fn refresh(c: &mut Criterion) {
	let mut g = c.benchmark_group("frost/refresh");
	for n in [5u32, 16] {
		let Key { committee, key } = make(n);
		let t = committee.t;
		let ids: Vec<ParticipantIndex> = (1..n).map(index).collect();
		let keys = committee.keys[..n as usize - 1].to_vec();
		let ctx = AttemptContext { attempt: 1, ..CTX };
		let member = |p: usize| RefreshMember {
			secret: &committee.secrets[p],
			ctx: &ctx,
			t,
			position: index(p as u32 + 1),
			ids: &ids,
			keys: &keys,
			account: &committee.accounts[p],
		};
		let packages: Vec<_> =
			(0..n as usize - 1).map(|p| refresh_round1(&member(p)).expect("package")).collect();
		let envelopes: Vec<_> = (0..n as usize - 1)
			.map(|p| seal_refresh_envelope(&member(p), &packages).expect("envelope"))
			.collect();
		g.bench_function(BenchmarkId::new("chain_verify_round1", n), |b| {
			b.iter(|| verify_refresh_round1(t, black_box(&packages[0])))
		});
		g.bench_function(BenchmarkId::new("member_seal_envelope", n), |b| {
			b.iter(|| seal_refresh_envelope(&member(0), &packages))
		});
		g.bench_function(BenchmarkId::new("member_finish_refresh", n), |b| {
			let mut rng = ChaCha20Rng::seed_from_u64(0);
			b.iter(|| {
				finish_refresh(
					&member(0),
					&key.members[0],
					&key.group,
					&packages,
					&envelopes,
					&mut rng,
				)
			})
		});
		g.bench_function(BenchmarkId::new("chain_refreshed_key", n), |b| {
			b.iter(|| key.group.refreshed(&ids, black_box(&packages)))
		});
	}
	g.finish();
}

criterion_group!(benches, dkg, signing, refresh);
criterion_main!(benches);
