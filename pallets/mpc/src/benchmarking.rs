//! Benchmarks of `pallet_mpc`, each at the worst case of its parameters: real dealings,
//! proofs and result shares from `mpc-primitives`, the largest dimension, `t = n - 1` (the
//! most commitments), full pools.
//!
//! Two `extra` benchmarks measure the off-chain worker in the runtime's wasm, where it runs
//! in a node: checking a job's inputs and computing its result share. They cost no on-chain
//! weight, so they are left out of `weights.rs`; `docs/PERFORMANCE.md` reports them.

use super::*;
use crate::testing_utils::{self, index};
use crate::Pallet as Mpc;
use alloc::vec;
use codec::{Decode, Encode};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use mpc_offchain_worker::{InputView, JobProgress, JobView, Limits};
use mpc_primitives::{
	deal, testing::encrypt_share_to, Commitment, EncryptionKey, EphemeralKey, InputContext,
	InputRule, JobShape, ParticipantIndex, ResultShare, Scalar, Share, Submission, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_runtime::traits::{Saturating, Zero};

const SEED: u32 = 0;

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, SEED);
	let amount = T::WorkerBond::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(1_000_000u32.into()));
	T::Currency::set_balance(&who, amount);
	who
}

fn secret(i: u32) -> WorkerSecret {
	let mut bytes = [0u8; 64];
	bytes[..4].copy_from_slice(&i.to_le_bytes());
	bytes[4] = 1;
	WorkerSecret::from_uniform_bytes(&bytes).expect("non-zero")
}

/// Registers `count` workers, `worker(0..count)`, without proofs (as at genesis). Workers the
/// genesis registered (the dev runtime's) leave first: the benchmarks fill the pool with
/// workers whose secrets they know.
fn register<T: Config>(count: u32) -> Vec<T::AccountId> {
	for who in WorkerList::<T>::get() {
		Mpc::<T>::deregister_worker(RawOrigin::Signed(who).into()).expect("idle at genesis");
	}
	(0..count)
		.map(|i| {
			let who = funded::<T>("worker", i);
			Mpc::<T>::do_register(who.clone(), *secret(i).public_key()).expect("registers");
			who
		})
		.collect()
}

/// Sets how many running jobs each of `workers` sits in, and the pool to the eligible ones:
/// at `MaxJobsPerWorker - 1` a new seat takes a worker out of the pool, at `MaxJobsPerWorker`
/// a freed one brings it back (the pool rewrites the benchmarks measure).
fn set_seats<T: Config>(workers: &[T::AccountId], jobs: u32) {
	for who in workers {
		Workers::<T>::mutate(who, |info| {
			if let Some(info) = info {
				info.jobs = jobs;
			}
		});
	}
	WorkerList::<T>::mutate(|pool| {
		for who in workers {
			if Workers::<T>::get(who).is_some_and(|i| Mpc::<T>::is_eligible(&i)) {
				Mpc::<T>::join_pool(pool, who);
			} else {
				Mpc::<T>::leave_pool(pool, who);
			}
		}
	});
}

fn members<T: Config>(job_id: JobId) -> Vec<T::AccountId> {
	Committees::<T>::get(job_id).into_iter().map(|m| m.account).collect()
}

fn worker_index<T: Config>(who: &T::AccountId) -> u32 {
	(0..T::MaxWorkers::get())
		.find(|i| account::<T::AccountId>("worker", *i, SEED) == *who)
		.expect("a benchmark worker")
}

fn spec<T: Config>(n: u32) -> JobSpec<T> {
	JobSpec {
		committee_size: n,
		threshold: n - 1,
		dimension: T::MaxDimension::get(),
		decimals: 2,
		input_window: 10u32.into(),
		max_inputs: T::MaxInputsPerJob::get(),
		min_inputs: 1,
		allowed_providers: None,
		metadata: BoundedVec::truncate_from(vec![b'm'; T::MaxMetadataLen::get() as usize]),
		reward_per_worker: T::MinRewardPerWorker::get().max(T::Currency::minimum_balance()),
		input_rule: InputRule::None,
	}
}

/// A pool of `MaxWorkers` and a job with committee `n`, `t = n - 1`, `d = MaxDimension`.
fn job_with_committee<T: Config>(n: u32) -> (T::AccountId, JobId) {
	register::<T>(T::MaxWorkers::get());
	let owner = funded::<T>("owner", 0);
	let id = Mpc::<T>::do_create_job(owner.clone(), spec::<T>(n)).expect("job created");
	testing_utils::draw_now::<T>(id, [7u8; 32]);
	(owner, id)
}

fn dealing<T: Config>(job_id: JobId, provider: &T::AccountId, seed: u64) -> Submission {
	let d = Jobs::<T>::get(job_id).expect("job").shape.d() as usize;
	testing_utils::dealing::<T>(job_id, provider, &vec![7i128; d], seed)
}

fn submit<T: Config>(job_id: JobId, provider: &T::AccountId, s: &Submission) {
	let submission = testing_utils::bounded::<T>(s.clone());
	let digest = testing_utils::committee_digest::<T>(job_id);
	Mpc::<T>::do_submit_input(provider.clone(), job_id, digest, submission, Default::default())
		.expect("input accepted");
}

/// An input of `values` under `rule` with its validity proof, as a provider makes it: its
/// context, `C_0` and the proof.
fn proven_input<T: Config>(
	rule: &InputRuleOf<T>,
	values: &[i128],
) -> (InputContext, Commitment, Vec<u8>) {
	let provider = funded::<T>("provider", 0);
	let ctx = testing_utils::input_context::<T>(0, &provider);
	let keys: Vec<EncryptionKey> = (1..=2).map(|i| *secret(i).public_key()).collect();
	let (submission, proof) = mpc_primitives::deal_with_rule(
		&ctx,
		&keys,
		1,
		values,
		&rule.to_vec(),
		&mut ChaCha20Rng::seed_from_u64(3),
	)
	.expect("values that obey the rule");
	let c0 = Commitment::from_bytes(&submission.commitments[0]).expect("C_0");
	(ctx, c0, proof)
}

/// Checks the validity proof of a provider's input, as `submit_input` does.
fn check_proven<T: Config>(
	rule: &InputRuleOf<T>,
	d: u32,
	input: &(InputContext, Commitment, Vec<u8>),
) {
	let (ctx, c0, proof) = input;
	assert!(mpc_primitives::verify_validity(ctx, d, &rule.to_vec(), c0, proof));
}

/// A range rule of `d` components, each `[0, 2^bits - 1]` (bits 8) or the widest (64).
fn range_rule<T: Config>(d: u32, bits: u32) -> InputRuleOf<T> {
	let bound = if bits == 64 { (i128::from(i64::MIN), i128::from(i64::MAX)) } else { (0, 255) };
	InputRule::Range(BoundedVec::truncate_from(vec![bound; d as usize]))
}

/// Moves a job through its current deadline.
fn pass_deadline<T: Config>(job_id: JobId) {
	let deadline = Jobs::<T>::get(job_id).expect("job").deadline;
	frame_system::Pallet::<T>::set_block_number(deadline);
	DeadlineCursor::<T>::put(deadline);
	Mpc::<T>::on_initialize(deadline);
}

/// Committee member `i`'s honest result share of the job, as call arguments.
fn result_share<T: Config>(
	job_id: JobId,
	i: u32,
) -> (T::AccountId, [u8; 32], RawResultValues<T>, [u8; 32]) {
	let member = Committees::<T>::get(job_id)[i as usize - 1].clone();
	let secret = secret(worker_index::<T>(&member.account));
	let share = testing_utils::honest_result_share::<T>(job_id, index(i), &secret);
	let (digest, sum_shares, blinding) = testing_utils::result_share_args::<T>(job_id, &share);
	(member.account, digest, sum_shares, blinding)
}

/// Worker 1's view of a job of shape `(n, ⌊n/2⌋, d)` with `count` honest inputs.
///
/// One dealing's commitments and worker 1's share of it serve every input, each encrypted
/// again under its own provider and `R`: the worker opens and checks every input exactly as
/// it would distinct dealings, and the setup stays cheap in wasm. The inputs stay
/// SCALE-encoded, as the chain stores them, so the measured run also decodes each one
/// ([`load_input`]: `R` and the `t + 1` commitments decompressed and checked canonical), as
/// the worker's loader does when it reads storage.
fn worker_job(
	n: u32,
	d: u32,
	count: u32,
	phase: JobPhase,
) -> (WorkerSecret, JobView, Vec<Vec<u8>>, Share) {
	const GENESIS: [u8; 32] = [7u8; 32];
	let shape = JobShape::new(n, n / 2, d).expect("t < n");
	let secrets: Vec<WorkerSecret> = (0..n).map(secret).collect();
	let keys: Vec<EncryptionKey> = secrets.iter().map(|s| *s.public_key()).collect();
	let worker = secrets.into_iter().next().expect("n >= 2");
	let index = ParticipantIndex::new(1).expect("non-zero");
	let ctx = InputContext::new(GENESIS, 1, [0u8; 32]);
	let values = vec![7i128; d as usize];
	let dealt =
		deal(&ctx, &keys, shape.t(), &values, &mut ChaCha20Rng::seed_from_u64(u64::from(n)))
			.expect("deal");
	let r = EphemeralKey::from_bytes(&dealt.ephemeral_key).expect("R");
	let share =
		worker.open_share(&ctx, index, &r, &dealt.ciphertexts[0], d as usize).expect("opens");
	let commitments: Vec<Commitment> =
		dealt.commitments.iter().map(|c| Commitment::from_bytes(c).expect("point")).collect();
	let inputs = (0..count)
		.map(|k| {
			let mut provider = [0u8; 32];
			provider[..4].copy_from_slice(&k.to_le_bytes());
			let ctx = InputContext::new(GENESIS, 1, provider);
			let r = EphemeralKey::from_bytes(&secret(1_000_000 + k).public_key().to_bytes())
				.expect("R");
			let ciphertext = encrypt_share_to(&worker, &ctx, index, &r, &share);
			(provider, r, commitments.clone(), ciphertext).encode()
		})
		.collect();
	let view = JobView {
		job_id: 1,
		genesis: GENESIS,
		shape,
		phase,
		input_count: count,
		index,
		result_share_on_chain: false,
		aggregate_digest: [0u8; 32],
		deadline: 2,
		now: 1,
		block_hash: [1u8; 32],
		// Confirmed already: the measured run checks, and sends nothing else.
		confirmed: true,
		aggregate: Vec::new(),
		disqualified: Vec::new(),
	};
	(worker, view, inputs, share)
}

/// Decodes an input that [`worker_job`] encoded.
fn load_input(raw: &[u8]) -> Option<InputView> {
	let (provider, ephemeral_key, commitments, ciphertext) =
		<([u8; 32], EphemeralKey, Vec<Commitment>, Vec<u8>)>::decode(&mut &raw[..]).ok()?;
	Some(InputView {
		provider,
		ephemeral_key,
		commitments,
		ciphertext,
		qualified: true,
		digest: [0u8; 32],
	})
}

/// A beacon DKG of `n` benchmark workers (`worker(0..n)`, member `i` is `worker(i - 1)`),
/// started now; returns its epoch.
fn beacon_dkg<T: Config>(n: u32) -> u64 {
	register::<T>(n);
	BeaconDkg::<T>::kill();
	Mpc::<T>::start_dkg(frame_system::Pallet::<T>::block_number());
	BeaconDkg::<T>::get().expect("a DKG started").epoch
}

/// Member `i`'s honest dealing in the running DKG.
fn key_dealing<T: Config>(i: u32) -> mpc_primitives::KeyDealing {
	let dkg = BeaconDkg::<T>::get().expect("DKG");
	let keys: Vec<EncryptionKey> = dkg.committee.iter().map(|m| m.key).collect();
	let ctx = mpc_primitives::DealerContext {
		epoch: mpc_primitives::EpochContext { genesis: Mpc::<T>::genesis_hash(), epoch: dkg.epoch },
		dealer: index(i),
	};
	let who = dkg.committee[i as usize - 1].account.clone();
	mpc_primitives::deal_key(&ctx, who.as_ref(), &keys, &mut ChaCha20Rng::seed_from_u64(i.into()))
		.expect("deal")
}

/// Every member of the running DKG deals; returns the DKG.
fn all_deal<T: Config>() -> Dkg<T> {
	let dkg = BeaconDkg::<T>::get().expect("DKG");
	for i in 1..=dkg.committee.len() as u32 {
		let who = dkg.committee[i as usize - 1].account.clone();
		let dealing = key_dealing::<T>(i).try_into().expect("fits");
		Mpc::<T>::do_submit_key_dealing(who, dkg.epoch, dealing).expect("dealt");
	}
	dkg
}

/// A full DKG of `n`: its key is active.
fn beacon_key<T: Config>(n: u32) -> u64 {
	let epoch = beacon_dkg::<T>(n);
	let dkg = all_deal::<T>();
	Mpc::<T>::finish_dkg(dkg, frame_system::Pallet::<T>::block_number());
	assert_eq!(ActiveBeaconEpoch::<T>::get().map(|(e, _)| e), Some(epoch));
	epoch
}

/// Member `i`'s share of round `round` under `epoch`.
fn round_share<T: Config>(epoch: u64, round: u64, i: u32) -> mpc_primitives::RoundShare {
	let key = BeaconKeys::<T>::get(epoch).expect("key");
	let ctx = mpc_primitives::EpochContext { genesis: Mpc::<T>::genesis_hash(), epoch };
	let seed = BeaconRounds::<T>::get(round).expect("round").seed;
	let round_ctx = mpc_primitives::RoundContext { epoch: ctx, round, seed };
	let secret = secret(i - 1);
	let shares: Vec<Scalar> = key
		.qualified
		.iter()
		.map(|&j| {
			let d = KeyDealings::<T>::get(epoch, j).expect("dealing");
			let commitments: Vec<mpc_primitives::Point> = d
				.commitments
				.iter()
				.map(|a| mpc_primitives::Point::from_bytes(a).expect("A"))
				.collect();
			let dealer = mpc_primitives::DealerContext { epoch: ctx, dealer: j };
			*secret
				.open_key_share(
					&dealer,
					index(i),
					&d.ephemeral_key,
					&d.ciphertexts[i as usize - 1],
					&commitments,
				)
				.expect("share")
		})
		.collect();
	mpc_primitives::KeyShare::from_shares(index(i), &shares)
		.round_share(&round_ctx, &mut ChaCha20Rng::seed_from_u64(round))
}

// ---------------------------------------------------------------------------------------------
// Threshold keys

/// The committee of key `id`'s current attempt, with the secrets the benchmarks know.
fn key_committee<T: Config>(id: keys::KeyId) -> mpc_primitives::frost::testing::TestCommittee {
	let key = ThresholdKeys::<T>::get(id).expect("key");
	let (attempt, members) = match &key.status {
		KeyStatus::Generating { attempt, members, .. } => (*attempt, members.clone()),
		KeyStatus::Active { attempt, members, .. } => (*attempt, members.clone()),
		_ => panic!("no committee"),
	};
	let pool: Vec<T::AccountId> =
		(0..T::MaxWorkers::get()).map(|i| account("worker", i, SEED)).collect();
	let secrets = members
		.iter()
		.map(|m| {
			secret(pool.iter().position(|a| *a == m.account).expect("a benchmark worker") as u32)
		})
		.collect();
	let accounts = members.iter().map(|m| *m.account.as_ref()).collect();
	let ctx = mpc_primitives::frost::AttemptContext {
		genesis: Mpc::<T>::genesis_hash(),
		key: id,
		attempt,
	};
	mpc_primitives::frost::testing::TestCommittee::new(ctx, key.threshold, secrets, accounts)
}

fn key_digest<T: Config>(id: keys::KeyId) -> [u8; 32] {
	Mpc::<T>::key_attempt_digest(id, &ThresholdKeys::<T>::get(id).expect("key"))
		.expect("an attempt")
}

fn package_digest<T: Config>(r: keys::SignRequestId) -> [u8; 32] {
	Mpc::<T>::sign_package_digest(r, &SignRequests::<T>::get(r).expect("request"))
}

fn key_member<T: Config>(id: keys::KeyId, i: u32) -> T::AccountId {
	match ThresholdKeys::<T>::get(id).expect("key").status {
		KeyStatus::Generating { members, .. } | KeyStatus::Active { members, .. } => {
			members[i as usize - 1].account.clone()
		}
		_ => panic!("no committee"),
	}
}

/// A key of `n` workers (the whole pool) with threshold `t`, generating attempt 0.
fn generating_key<T: Config>(n: u32, t: u32) -> keys::KeyId {
	register::<T>(n);
	let owner = funded::<T>("owner", 0);
	Mpc::<T>::do_create_key(owner, n, t).expect("key requested")
}

fn next_block<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(1u32.into()));
}

/// Members `1..=upto` post their round-1 packages; returns every member's package.
fn post_round1<T: Config>(id: keys::KeyId, upto: u32) -> Vec<mpc_primitives::frost::Round1Package> {
	let c = key_committee::<T>(id);
	let packages = c.round1().expect("round 1");
	for i in 1..=upto {
		let p = packages[i as usize - 1].clone().try_into().expect("fits");
		let a = key_digest::<T>(id);
		Mpc::<T>::do_submit_key_round1(key_member::<T>(id, i), id, 0, a, p).expect("accepted");
	}
	packages
}

/// Members `1..=upto` post their envelopes over `packages` (round 2 open).
fn post_envelopes<T: Config>(
	id: keys::KeyId,
	packages: &[mpc_primitives::frost::Round1Package],
	upto: u32,
) -> Vec<mpc_primitives::frost::Envelope> {
	let c = key_committee::<T>(id);
	let envelopes = c.envelopes(packages).expect("envelopes");
	for i in 1..=upto {
		let e = envelopes[i as usize - 1].clone().try_into().expect("fits");
		let a = key_digest::<T>(id);
		Mpc::<T>::do_submit_key_envelope(key_member::<T>(id, i), id, 0, a, e).expect("accepted");
	}
	envelopes
}

/// `C` of key `id`'s current attempt.
fn key_confirmation<T: Config>(id: keys::KeyId) -> [u8; 32] {
	let key = ThresholdKeys::<T>::get(id).expect("key");
	let KeyStatus::Generating { attempt, members, .. } = &key.status else { panic!("generating") };
	let digests: Vec<[u8; 32]> = ParticipantIndex::all(members.len() as u32)
		.map(|j| KeyEnvelopes::<T>::get(id, j).expect("envelope").digest)
		.collect();
	let ctx = mpc_primitives::frost::AttemptContext {
		genesis: Mpc::<T>::genesis_hash(),
		key: id,
		attempt: *attempt,
	};
	mpc_primitives::frost::confirm_digest(&ctx, &digests)
}

/// Members `1..=upto` confirm their shares of key `id`'s current attempt (complaints open).
fn confirm_members<T: Config>(id: keys::KeyId, upto: u32) {
	let (a, c) = (key_digest::<T>(id), key_confirmation::<T>(id));
	let attempt = match ThresholdKeys::<T>::get(id).expect("key").status {
		KeyStatus::Generating { attempt, .. } => attempt,
		_ => panic!("generating"),
	};
	for i in 1..=upto {
		Mpc::<T>::do_confirm_key_shares(key_member::<T>(id, i), id, attempt, a, c)
			.expect("confirmed");
	}
}

fn key_until<T: Config>(id: keys::KeyId) -> BlockNumberFor<T> {
	match ThresholdKeys::<T>::get(id).expect("key").status {
		KeyStatus::Generating { until, .. } => until,
		_ => panic!("not generating"),
	}
}

/// An active key of `n` with `t = n - 1`; returns it and every member's key package.
fn active_key<T: Config>(n: u32) -> (keys::KeyId, Vec<mpc_primitives::frost::KeyPackage>) {
	let id = generating_key::<T>(n, n - 1);
	let packages = post_round1::<T>(id, n);
	next_block::<T>();
	let envelopes = post_envelopes::<T>(id, &packages, n);
	let members = key_committee::<T>(id)
		.key_packages(&packages, &envelopes, &mut ChaCha20Rng::seed_from_u64(3))
		.expect("key packages");
	next_block::<T>();
	confirm_members::<T>(id, n);
	let until = key_until::<T>(id);
	frame_system::Pallet::<T>::set_block_number(until);
	Mpc::<T>::process_keys(until);
	assert!(matches!(ThresholdKeys::<T>::get(id).expect("key").status, KeyStatus::Active { .. }));
	(id, members)
}

/// The running refresh of key `id`: its attempt, digest `A_r`, members' accounts and every
/// member's package and envelope, as the members make them.
struct BenchRefresh<T: Config> {
	attempt: u32,
	digest: [u8; 32],
	accounts: Vec<T::AccountId>,
	packages: Vec<mpc_primitives::frost::refresh::RefreshPackage>,
	envelopes: Vec<mpc_primitives::frost::Envelope>,
}

fn running_refresh<T: Config>(id: keys::KeyId) -> BenchRefresh<T> {
	use mpc_primitives::frost::refresh::{refresh_round1, seal_refresh_envelope, RefreshMember};
	let key = ThresholdKeys::<T>::get(id).expect("key");
	let KeyStatus::Active { refreshing: Some(attempt), .. } = key.status else {
		panic!("not refreshing")
	};
	let refresh = KeyRefreshes::<T>::get(id, attempt).expect("refresh");
	let pool: Vec<T::AccountId> =
		(0..T::MaxWorkers::get()).map(|i| account("worker", i, SEED)).collect();
	let secrets: Vec<WorkerSecret> = refresh
		.members
		.iter()
		.map(|m| secret(pool.iter().position(|a| *a == m.account).expect("a worker") as u32))
		.collect();
	let keys: Vec<_> = refresh.members.iter().map(|m| m.key).collect();
	let accounts: Vec<[u8; 32]> = refresh.members.iter().map(|m| *m.account.as_ref()).collect();
	let ctx = mpc_primitives::frost::AttemptContext {
		genesis: Mpc::<T>::genesis_hash(),
		key: id,
		attempt,
	};
	let member = |p: usize| RefreshMember {
		secret: &secrets[p],
		ctx: &ctx,
		t: key.threshold,
		position: index(p as u32 + 1),
		ids: &refresh.ids,
		keys: &keys,
		account: &accounts[p],
	};
	let packages: Vec<_> =
		(0..keys.len()).map(|p| refresh_round1(&member(p)).expect("package")).collect();
	let envelopes =
		(0..keys.len()).map(|p| seal_refresh_envelope(&member(p), &packages).expect("envelope"));
	BenchRefresh {
		attempt,
		digest: Mpc::<T>::refresh_digest(id, attempt, key.threshold, &refresh),
		accounts: refresh.members.iter().map(|m| m.account.clone()).collect(),
		envelopes: envelopes.collect(),
		packages,
	}
}

impl<T: Config> BenchRefresh<T> {
	/// Members `1..=upto` post their packages.
	fn post_packages(&self, id: keys::KeyId, upto: usize) {
		for p in 0..upto {
			let package = BoundedVec::truncate_from(self.packages[p].commitments.clone());
			let who = self.accounts[p].clone();
			Mpc::<T>::do_submit_refresh_round1(who, id, self.attempt, self.digest, package)
				.expect("accepted");
		}
	}

	/// Every member posts its envelope (round 2 open).
	fn post_envelopes(&self, id: keys::KeyId) {
		for (who, e) in self.accounts.iter().zip(&self.envelopes) {
			let e = e.clone().try_into().expect("fits");
			Mpc::<T>::do_submit_key_envelope(who.clone(), id, self.attempt, self.digest, e)
				.expect("accepted");
		}
	}

	/// Every member confirms its shares (complaints open).
	fn confirm(&self, id: keys::KeyId) {
		let refresh = KeyRefreshes::<T>::get(id, self.attempt).expect("refresh");
		let digests: Vec<[u8; 32]> = refresh
			.ids
			.iter()
			.map(|j| KeyRefreshEnvelopes::<T>::get((id, self.attempt, *j)).expect("e").digest)
			.collect();
		let ctx = mpc_primitives::frost::AttemptContext {
			genesis: Mpc::<T>::genesis_hash(),
			key: id,
			attempt: self.attempt,
		};
		let c = mpc_primitives::frost::confirm_digest(&ctx, &digests);
		for who in &self.accounts {
			Mpc::<T>::do_confirm_key_shares(who.clone(), id, self.attempt, self.digest, c)
				.expect("confirmed");
		}
	}
}

/// A signing request of key `id` over the longest message.
fn sign_request<T: Config>(id: keys::KeyId) -> keys::SignRequestId {
	let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
	let message = BoundedVec::truncate_from(vec![7u8; T::MaxSignMessage::get() as usize]);
	Mpc::<T>::do_request_signature(owner, id, message).expect("requested")
}

/// Members `1..=count` commit to request `r`; returns their nonces.
fn commit_members<T: Config>(
	id: keys::KeyId,
	r: keys::SignRequestId,
	members: &[mpc_primitives::frost::KeyPackage],
	count: u32,
) -> Vec<mpc_primitives::frost::SigningNonces> {
	(1..=count)
		.map(|i| {
			let (nonces, c) = mpc_primitives::frost::commit(
				&members[i as usize - 1],
				&mut ChaCha20Rng::seed_from_u64(i.into()),
			)
			.expect("commit");
			Mpc::<T>::do_submit_sign_commitment(key_member::<T>(id, i), r, 0, c)
				.expect("committed");
			nonces
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_worker() {
		register::<T>(T::MaxWorkers::get() - 1);
		let who = funded::<T>("worker", T::MaxWorkers::get() - 1);
		let s = secret(T::MaxWorkers::get() - 1);
		let proof = s.prove_possession(
			&Mpc::<T>::genesis_hash(),
			who.as_ref(),
			&mut ChaCha20Rng::seed_from_u64(1),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), s.public_key().to_bytes(), proof.to_bytes());
		assert!(Workers::<T>::contains_key(&who));
		assert_eq!(WorkerList::<T>::get().len() as u32, T::MaxWorkers::get());
	}

	#[benchmark]
	fn rotate_key() {
		let who = register::<T>(1).remove(0);
		let s = secret(10_000);
		let proof = s.prove_possession(
			&Mpc::<T>::genesis_hash(),
			who.as_ref(),
			&mut ChaCha20Rng::seed_from_u64(2),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), s.public_key().to_bytes(), proof.to_bytes());
		assert_eq!(Workers::<T>::get(&who).expect("worker").key, *s.public_key());
	}

	#[benchmark]
	fn deregister_worker() {
		let workers = register::<T>(T::MaxWorkers::get());
		let who = workers.last().expect("a worker").clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Workers::<T>::contains_key(&who));
	}

	/// A pool of exactly `n`: the committee is seated at once, and every member takes its last
	/// seat and leaves the pool.
	#[benchmark]
	fn create_job(n: Linear<2, { T::MaxCommittee::get() }>) {
		let workers = register::<T>(n);
		set_seats::<T>(&workers, T::MaxJobsPerWorker::get() - 1);
		let owner = funded::<T>("owner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), spec::<T>(n));
		assert_eq!(Committees::<T>::get(0).len() as u32, n);
		assert_eq!(WorkerList::<T>::get().len(), 0);
	}

	/// A full pool and a full draw queue but one: the job stores the pool as its candidates
	/// and wants the next round.
	#[benchmark]
	fn create_drawing_job() {
		beacon_key::<T>(T::MaxBeaconCommittee::get());
		register::<T>(T::MaxWorkers::get());
		let owner = funded::<T>("owner", 0);
		let spec = spec::<T>(2);
		for _ in 1..T::MaxWaitingJobs::get() {
			Mpc::<T>::do_create_job(owner.clone(), spec.clone()).expect("waits");
		}
		OpenBeaconRound::<T>::kill();
		let id = NextJobId::<T>::get();
		#[extrinsic_call]
		create_job(RawOrigin::Signed(owner), spec);
		assert_eq!(Jobs::<T>::get(id).expect("job").phase, JobPhase::Drawing);
		assert_eq!(DrawQueue::<T>::get().len() as u32, T::MaxWaitingJobs::get());
		assert_eq!(WantedRound::<T>::get(), Some(NextBeaconRound::<T>::get()));
	}

	/// One waiting job drawn from a full pool of candidates of which only `n` are still
	/// eligible (the shuffle walks the candidates until it finds them), every member taking
	/// its last seat.
	#[benchmark]
	fn draw_job(n: Linear<2, { T::MaxCommittee::get() }>) {
		let workers = register::<T>(T::MaxWorkers::get());
		let owner = funded::<T>("owner", 0);
		let id = Mpc::<T>::do_create_job(owner, spec::<T>(n)).expect("waits");
		let (stay, gone) = workers.split_at(n as usize);
		set_seats::<T>(gone, T::MaxJobsPerWorker::get());
		set_seats::<T>(stay, T::MaxJobsPerWorker::get() - 1);
		let round = Drawings::<T>::get(id).expect("waiting").round;
		testing_utils::complete_round::<T>(round, [7u8; 32]);
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Mpc::<T>::process_draws(now);
		}
		assert_eq!(Jobs::<T>::get(id).expect("job").phase, JobPhase::Collecting);
		assert_eq!(Committees::<T>::get(id).len() as u32, n);
	}

	/// Every member was at its limit and rejoins the pool.
	#[benchmark]
	fn cancel_job(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (owner, id) = job_with_committee::<T>(n);
		set_seats::<T>(&members::<T>(id), T::MaxJobsPerWorker::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert_eq!(Jobs::<T>::get(id).expect("job").phase, JobPhase::Cancelled);
		assert_eq!(WorkerList::<T>::get().len() as u32, T::MaxWorkers::get());
	}

	#[benchmark]
	fn close_inputs() {
		let (owner, id) = job_with_committee::<T>(T::MaxCommittee::get());
		let provider = funded::<T>("provider", 0);
		submit::<T>(id, &provider, &dealing::<T>(id, &provider, 1));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert_eq!(Jobs::<T>::get(id).expect("job").phase, JobPhase::Verifying);
	}

	#[benchmark]
	fn submit_input(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (_, id) = job_with_committee::<T>(n);
		let provider = funded::<T>("provider", 0);
		let submission = testing_utils::bounded::<T>(dealing::<T>(id, &provider, 2));
		let digest = testing_utils::committee_digest::<T>(id);
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id, digest, submission, Default::default());
		assert_eq!(Jobs::<T>::get(id).expect("job").input_count, 1);
	}

	/// A true complaint: the verdict with the most writes (disqualification, slash).
	#[benchmark]
	fn complain(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (_, id) = job_with_committee::<T>(n);
		let provider = funded::<T>("provider", 0);
		// Worker 1's share is bad.
		let member = Committees::<T>::get(id)[0].clone();
		let w = secret(worker_index::<T>(&member.account));
		let values = vec![7i128; T::MaxDimension::get() as usize];
		let s = testing_utils::dealing_with_bad_share::<T>(id, &provider, &values, 3, index(1), &w);
		submit::<T>(id, &provider, &s);
		let ctx = testing_utils::input_context::<T>(id, &provider);
		let r = EphemeralKey::from_bytes(&s.ephemeral_key).expect("R");
		let complaint = w.complain(&ctx, index(1), &r, &mut ChaCha20Rng::seed_from_u64(4));
		let hash = mpc_primitives::hash::ciphertext_hash(&s.ciphertexts[0]);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(member.account),
			id,
			0,
			s.ephemeral_key,
			hash,
			complaint.shared_key.to_bytes(),
			complaint.proof.to_bytes(),
		);
		assert!(!Inputs::<T>::get(id, 0).expect("input").qualified);
	}

	/// The last member's confirmation, which ends `Verifying` (PROTOCOL.md section 10): the
	/// move to `Computing`, which writes more than the alternative (too few qualified inputs:
	/// one deadline moved). Its work does not depend on `n`.
	#[benchmark]
	fn confirm_inputs() {
		let n = T::MaxCommittee::get();
		let (owner, id) = job_with_committee::<T>(n);
		let provider = funded::<T>("provider", 0);
		submit::<T>(id, &provider, &dealing::<T>(id, &provider, 5));
		Mpc::<T>::close_inputs(RawOrigin::Signed(owner).into(), id).expect("closed");
		let at = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(at + 1u32.into());
		let mut at_hash = T::Hash::default();
		at_hash.as_mut().fill(9);
		frame_system::BlockHash::<T>::insert(at, at_hash);
		let committee = members::<T>(id);
		InputConfirmations::<T>::insert(id, (1u64 << (n - 1)) - 1);
		let last = committee[n as usize - 1].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, at, at_hash);
		assert_eq!(Jobs::<T>::get(id).expect("job").phase, JobPhase::Computing);
		assert!(!InputConfirmations::<T>::contains_key(id));
	}

	/// The share that completes the job: verification, reconstruction, payment of all `n`.
	#[benchmark]
	fn submit_result_share(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (_, id) = job_with_committee::<T>(n);
		for p in 0..2 {
			let provider = funded::<T>("provider", p);
			submit::<T>(id, &provider, &dealing::<T>(id, &provider, 10 + u64::from(p)));
		}
		pass_deadline::<T>(id);
		pass_deadline::<T>(id);
		for i in 1..n {
			let (who, digest, sum_shares, blinding) = result_share::<T>(id, i);
			Mpc::<T>::do_submit_result_share(who, id, digest, sum_shares, blinding)
				.expect("accepted");
		}
		let (who, digest, sum_shares, blinding) = result_share::<T>(id, n);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, digest, sum_shares, blinding);
		assert!(Results::<T>::contains_key(id));
	}

	#[benchmark]
	fn remove_job(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (owner, id) = job_with_committee::<T>(n);
		Mpc::<T>::cancel_job(RawOrigin::Signed(owner.clone()).into(), id).expect("cancelled");
		for i in 1..=n {
			let share = StoredResultShare::<T> {
				sum_shares: BoundedVec::truncate_from(vec![Scalar::ZERO]),
				blinding: Scalar::ZERO,
				paid: true,
			};
			ResultShares::<T>::insert(id, index(i), share);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(!Jobs::<T>::contains_key(id));
		assert_eq!(ResultShares::<T>::iter_prefix(id).count(), 0);
	}

	/// `k` jobs of the largest committee failing at once (the transition with the most work),
	/// up to one block's batch.
	#[benchmark]
	fn on_initialize_deadlines(k: Linear<0, { T::DeadlineBatch::get() }>) {
		// A pool of exactly the committee: no draw.
		register::<T>(T::MaxCommittee::get());
		let owner = funded::<T>("owner", 0);
		let spec = JobSpec { min_inputs: 1, ..spec::<T>(T::MaxCommittee::get()) };
		let ids: Vec<JobId> = (0..k)
			.map(|_| Mpc::<T>::do_create_job(owner.clone(), spec.clone()).expect("job"))
			.collect();
		let deadline = frame_system::Pallet::<T>::block_number() + spec.input_window;
		frame_system::Pallet::<T>::set_block_number(deadline);
		DeadlineCursor::<T>::put(deadline);
		// Every worker at its limit: the first job that ends brings its committee back.
		let workers: Vec<T::AccountId> = Workers::<T>::iter_keys().collect();
		set_seats::<T>(&workers, T::MaxJobsPerWorker::get());
		#[block]
		{
			Mpc::<T>::process_deadlines(deadline);
		}
		for id in ids {
			assert_eq!(
				Jobs::<T>::get(id).expect("job").phase,
				JobPhase::Failed(FailureReason::TooFewInputs)
			);
		}
	}

	/// The last worker of a full pool stops accepting jobs (the longest search of the pool).
	#[benchmark]
	fn set_accepting() {
		let workers = register::<T>(T::MaxWorkers::get());
		let who = workers.last().expect("a full pool").clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), false);
		assert!(!WorkerList::<T>::get().contains(&who));
	}

	/// Anyone moves an overdue job of committee `n`: it fails (the transition with the most
	/// work, as in `on_initialize_deadlines`).
	#[benchmark]
	fn advance_job(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (_, id) = job_with_committee::<T>(n);
		set_seats::<T>(&members::<T>(id), T::MaxJobsPerWorker::get());
		let deadline = Jobs::<T>::get(id).expect("job").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert_eq!(
			Jobs::<T>::get(id).expect("job").phase,
			JobPhase::Failed(FailureReason::TooFewInputs)
		);
	}

	#[benchmark]
	fn cleanup_input(n: Linear<2, { T::MaxCommittee::get() }>) {
		let (owner, id) = job_with_committee::<T>(n);
		let provider = funded::<T>("provider", 0);
		submit::<T>(id, &provider, &dealing::<T>(id, &provider, 5));
		Mpc::<T>::close_inputs(RawOrigin::Signed(owner).into(), id).expect("closed");
		pass_deadline::<T>(id);
		// No shares: the job fails, and its deadline block cleans its input up already. Store
		// the input again, exactly as `submit_input` stores it, and queue it, to measure one.
		pass_deadline::<T>(id);
		if !Inputs::<T>::contains_key(id, 0) {
			let mut job = Jobs::<T>::get(id).expect("job");
			job.input_count = 0;
			let submission = testing_utils::bounded::<T>(dealing::<T>(id, &provider, 5));
			let (input, aggregate) =
				Mpc::<T>::accept_submission(id, &provider, &job, &submission).expect("accepted");
			Mpc::<T>::store_input(id, &mut job, input, submission, aggregate).expect("stored");
		}
		Cleanup::<T>::insert(id, 0);
		#[block]
		{
			Mpc::<T>::cleanup(1);
		}
		assert!(!Inputs::<T>::contains_key(id, 0));
	}

	/// A new beacon epoch: the committee of `n` read from the pool.
	#[benchmark]
	fn beacon_start_dkg(n: Linear<3, { T::MaxBeaconCommittee::get() }>) {
		register::<T>(n);
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Mpc::<T>::start_dkg(now);
		}
		assert_eq!(BeaconDkg::<T>::get().expect("DKG").committee.len() as u32, n);
	}

	/// The last member of a committee of `n` deals.
	#[benchmark]
	fn submit_key_dealing(n: Linear<3, { T::MaxBeaconCommittee::get() }>) {
		let epoch = beacon_dkg::<T>(n);
		let who = BeaconDkg::<T>::get().expect("DKG").committee[n as usize - 1].account.clone();
		let dealing: BoundedKeyDealing<T> = key_dealing::<T>(n).try_into().expect("fits");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), epoch, dealing);
		assert!(KeyDealings::<T>::contains_key(epoch, index(n)));
	}

	/// The last member complains falsely about the first dealing of a committee of `n`: the
	/// whole judgement and a fault.
	#[benchmark]
	fn complain_dealing(n: Linear<3, { T::MaxBeaconCommittee::get() }>) {
		let epoch = beacon_dkg::<T>(n);
		let dkg = all_deal::<T>();
		let who = dkg.committee[n as usize - 1].account.clone();
		let d = KeyDealings::<T>::get(epoch, index(1)).expect("dealing");
		let ctx = mpc_primitives::DealerContext {
			epoch: mpc_primitives::EpochContext { genesis: Mpc::<T>::genesis_hash(), epoch },
			dealer: index(1),
		};
		let complaint = secret(n - 1).complain_key_dealing(
			&ctx,
			index(n),
			&d.ephemeral_key,
			&mut ChaCha20Rng::seed_from_u64(1),
		);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			epoch,
			index(1),
			d.digest,
			complaint.shared_key.to_bytes(),
			complaint.proof.to_bytes(),
		);
		assert_eq!(Workers::<T>::get(&who).expect("worker").faults, 1);
	}

	/// The end of a DKG of `n` with every dealing qualified: the group key and `n` public
	/// shares, replacing an older key that no round uses (its dealings are removed).
	#[benchmark]
	fn beacon_finish_dkg(n: Linear<3, { T::MaxBeaconCommittee::get() }>) {
		let old = beacon_key::<T>(n);
		Mpc::<T>::start_dkg(frame_system::Pallet::<T>::block_number());
		let dkg = all_deal::<T>();
		let epoch = dkg.epoch;
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Mpc::<T>::finish_dkg(dkg, now);
		}
		assert_eq!(ActiveBeaconEpoch::<T>::get().map(|(e, _)| e), Some(epoch));
		assert!(BeaconKeys::<T>::get(old).is_none());
	}

	#[benchmark]
	fn beacon_open_round() {
		let epoch = beacon_key::<T>(3);
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Mpc::<T>::open_round(epoch, now);
		}
		assert!(OpenBeaconRound::<T>::get().is_some());
	}

	/// The share that completes a round of a committee of `n` (`t_B` shares are in): it
	/// combines `t_B + 1` shares and prunes the oldest round, the last of an older epoch, with
	/// that epoch's key and dealings.
	#[benchmark]
	fn submit_round_share(n: Linear<3, { T::MaxBeaconCommittee::get() }>) {
		let old = beacon_key::<T>(n);
		Mpc::<T>::start_dkg(frame_system::Pallet::<T>::block_number());
		let dkg = all_deal::<T>();
		let epoch = dkg.epoch;
		// Keep the old key as if round 0, still stored, used it.
		let old_key = BeaconKeys::<T>::get(old).expect("old key");
		let old_dealings: Vec<_> = KeyDealings::<T>::iter_prefix(old).collect();
		Mpc::<T>::finish_dkg(dkg, frame_system::Pallet::<T>::block_number());
		BeaconKeys::<T>::insert(old, old_key);
		for (j, d) in old_dealings {
			KeyDealings::<T>::insert(old, j, d);
		}
		let history = u64::from(T::BeaconHistory::get().max(1));
		BeaconRounds::<T>::insert(
			0,
			BeaconRound::<T> {
				epoch: old,
				opened: Zero::zero(),
				seed: [0u8; 32],
				shares: BoundedVec::new(),
				output: Some(([1u8; 32], Zero::zero())),
			},
		);
		OldestBeaconRound::<T>::put(0);
		NextBeaconRound::<T>::put(history);
		Mpc::<T>::open_round(epoch, frame_system::Pallet::<T>::block_number());
		let round = OpenBeaconRound::<T>::get().expect("open");
		let t = (n - 1) / 2;
		for i in 1..=t {
			let share = round_share::<T>(epoch, round, i);
			let who =
				BeaconKeys::<T>::get(epoch).expect("key").committee[i as usize - 1].account.clone();
			Mpc::<T>::do_submit_round_share(who, round, share.point, share.proof).expect("share");
		}
		let last = round_share::<T>(epoch, round, t + 1);
		let who = BeaconKeys::<T>::get(epoch).expect("key").committee[t as usize].account.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), round, last.point, last.proof);
		assert!(BeaconRounds::<T>::get(round).expect("round").output.is_some());
		assert!(BeaconKeys::<T>::get(old).is_none());
	}

	/// A paid request under an active key with no round open: the fee goes to `Slash` and
	/// the next round is wanted (it opens in the next block).
	#[benchmark]
	fn request_round() {
		beacon_key::<T>(T::MaxBeaconCommittee::get());
		OpenBeaconRound::<T>::kill();
		let who = funded::<T>("requester", 0);
		let round = NextBeaconRound::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who));
		assert_eq!(WantedRound::<T>::get(), Some(round));
	}

	/// The off-chain worker checks `k` new inputs of a job with committee `n` (`t = ⌊n/2⌋`)
	/// and dimension `d` in one run: decrypts each share and checks them in one batch.
	#[benchmark(extra)]
	fn worker_check_inputs(k: Linear<1, 10_000>, n: Linear<2, 50>, d: Linear<1, 8>) {
		let (worker, view, inputs, _) = worker_job(n, d, k, JobPhase::Collecting);
		let limits = Limits { checks_per_run: k, ..Limits::default() };
		let mut progress = JobProgress::default();
		let mut rng = ChaCha20Rng::seed_from_u64(9);
		let outcome;
		#[block]
		{
			outcome = mpc_offchain_worker::step(
				&worker,
				&view,
				&mut progress,
				|i| inputs.get(i as usize).and_then(|raw| load_input(raw)),
				&limits,
				&mut rng,
			);
		}
		let (actions, report) = outcome.expect("all inputs readable");
		assert!(actions.is_empty(), "honest inputs draw no complaint");
		assert_eq!((report.checked, report.found_bad), (k, 0));
		assert_eq!(progress.checked, k);
	}

	/// The off-chain worker computes its result share over `k` qualified inputs (opening and
	/// checking them again, then summing).
	#[benchmark(extra)]
	fn worker_result_share(k: Linear<1, 10_000>, n: Linear<2, 50>, d: Linear<1, 8>) {
		let (worker, view, inputs, share) = worker_job(n, d, k, JobPhase::Computing);
		let mut rng = ChaCha20Rng::seed_from_u64(9);
		let outcome;
		#[block]
		{
			outcome = mpc_offchain_worker::result_share(
				&worker,
				&view,
				&mut |i| inputs.get(i as usize).and_then(|raw| load_input(raw)),
				&mut rng,
			);
		}
		let computed = outcome.expect("a result share");
		let expected =
			ResultShare::aggregate(d as usize, (0..k).map(|_| &share)).expect("aggregate");
		assert_eq!(computed, expected, "k times the one share");
	}

	/// A one-hot validity proof of `m` branches (`d = m - 1` with abstention, or `d = 1`).
	#[benchmark]
	fn validity_one_hot(m: Linear<1, { T::MaxDimension::get() + 1 }>) {
		let (d, abstain) = if m == 1 { (1, false) } else { (m - 1, true) };
		let rule: InputRuleOf<T> = InputRule::OneHot { abstain };
		let mut ballot = vec![0; d as usize];
		ballot[0] = 1;
		let input = proven_input::<T>(&rule, &ballot);
		#[block]
		{
			check_proven::<T>(&rule, d, &input);
		}
	}

	/// The cheapest range proof: 8 bits, `d = 1` (16 bits in all).
	#[benchmark]
	fn validity_range_narrowest() {
		let rule = range_rule::<T>(1, 8);
		let input = proven_input::<T>(&rule, &[7]);
		#[block]
		{
			check_proven::<T>(&rule, 1, &input);
		}
	}

	/// The costliest range proof of one component: 64 bits (128 in all).
	#[benchmark]
	fn validity_range_single_widest() {
		let rule = range_rule::<T>(1, 64);
		let input = proven_input::<T>(&rule, &[-7]);
		#[block]
		{
			check_proven::<T>(&rule, 1, &input);
		}
	}

	/// 8-bit range proofs of every component at the largest dimension, with the linking
	/// proof.
	#[benchmark]
	fn validity_range_narrow_widest_dimension() {
		let d = T::MaxDimension::get();
		let rule = range_rule::<T>(d, 8);
		let input = proven_input::<T>(&rule, &vec![7; d as usize]);
		#[block]
		{
			check_proven::<T>(&rule, d, &input);
		}
	}

	/// The costliest range proof: 64 bits for every component at the largest dimension.
	#[benchmark]
	fn validity_range_widest() {
		let d = T::MaxDimension::get();
		let rule = range_rule::<T>(d, 64);
		let input = proven_input::<T>(&rule, &vec![-7; d as usize]);
		#[block]
		{
			check_proven::<T>(&rule, d, &input);
		}
	}

	/// A key of `n` requested with a pool of exactly `n`: the DKG starts at once.
	#[benchmark]
	fn create_key(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		register::<T>(n);
		let owner = funded::<T>("owner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), n, n - 1);
		assert_eq!(PendingKeys::<T>::get().len(), 1);
	}

	/// A key of `n` drawn from a full pool with its round's output.
	#[benchmark]
	fn key_draw(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		register::<T>(T::MaxWorkers::get());
		let owner = funded::<T>("owner", 0);
		let id = Mpc::<T>::do_create_key(owner, n, n - 1).expect("requested");
		let mut key = ThresholdKeys::<T>::get(id).expect("key");
		let KeyStatus::Drawing { round, candidates, .. } = key.status.clone() else {
			panic!("drawing")
		};
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Mpc::<T>::draw_key(id, &mut key, round, &candidates, &[5u8; 32], now);
		}
		assert!(matches!(key.status, KeyStatus::Generating { .. }));
	}

	/// Round 2 of a key of `n` (`t = n - 1`) times out with one member silent: fewer than
	/// `t + 1` members are left, so the key fails: its `n` packages and `n - 1` envelopes go,
	/// and every member's seat is freed (the worst of a timeout).
	#[benchmark]
	fn key_timeout(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n);
		next_block::<T>();
		post_envelopes::<T>(id, &packages, n - 1);
		let until = key_until::<T>(id);
		#[block]
		{
			Mpc::<T>::process_keys(until);
		}
		let key = ThresholdKeys::<T>::get(id).expect("key");
		assert!(matches!(key.status, KeyStatus::Failed { .. }));
	}

	/// The end of the complaint window of a key of `n` (`t = n - 1`): the group key and `n`
	/// verifying shares.
	#[benchmark]
	fn key_make(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n);
		next_block::<T>();
		post_envelopes::<T>(id, &packages, n);
		next_block::<T>();
		confirm_members::<T>(id, n);
		let until = key_until::<T>(id);
		#[block]
		{
			Mpc::<T>::process_keys(until);
		}
		let key = ThresholdKeys::<T>::get(id).expect("key");
		assert!(matches!(key.status, KeyStatus::Active { .. }));
	}

	/// The last confirmation of a key of `n` (`t = n - 1`): every envelope's digest read,
	/// `C` computed, the window ends. (A refresh's costs the same: one envelope fewer to read.)
	#[benchmark]
	fn confirm_key_shares(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n);
		next_block::<T>();
		post_envelopes::<T>(id, &packages, n);
		next_block::<T>();
		confirm_members::<T>(id, n - 1);
		let (a, c) = (key_digest::<T>(id), key_confirmation::<T>(id));
		#[extrinsic_call]
		_(RawOrigin::Signed(key_member::<T>(id, n)), id, 0, a, c);
		let now = frame_system::Pallet::<T>::block_number();
		assert_eq!(key_until::<T>(id), now.saturating_add(1u32.into()));
	}

	/// The last round-1 package of a key of `n` (`t = n - 1`): round 2 opens.
	#[benchmark]
	fn submit_key_round1(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n - 1);
		let last: keys::BoundedRound1<T> =
			packages[n as usize - 1].clone().try_into().expect("fits");
		let a = key_digest::<T>(id);
		#[extrinsic_call]
		_(RawOrigin::Signed(key_member::<T>(id, n)), id, 0, a, last);
		assert_eq!(KeyRound1::<T>::iter_prefix(id).count() as u32, n);
	}

	/// The last envelope of a key of `n` (`t = n - 1`): complaints open.
	#[benchmark]
	fn submit_key_envelope(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n);
		next_block::<T>();
		let envelopes = post_envelopes::<T>(id, &packages, n - 1);
		let last: keys::BoundedEnvelope<T> =
			envelopes[n as usize - 1].clone().try_into().expect("fits");
		let a = key_digest::<T>(id);
		#[extrinsic_call]
		_(RawOrigin::Signed(key_member::<T>(id, n)), id, 0, a, last);
		assert_eq!(KeyEnvelopes::<T>::iter_prefix(id).count() as u32, n);
	}

	/// Member `n` proves member 1's share bad (`t = n - 1`): the judgement, a fault, and the
	/// attempt's end, which fails the key (too few members left): its packages and envelopes
	/// removed, every seat freed.
	#[benchmark]
	fn complain_key_envelope(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let id = generating_key::<T>(n, n - 1);
		let packages = post_round1::<T>(id, n);
		next_block::<T>();
		let c = key_committee::<T>(id);
		let mut envelopes = c.envelopes(&packages).expect("envelopes");
		envelopes[0] = mpc_primitives::frost::seal_envelope_with_bad_share(
			&c.member(index(1)),
			&packages,
			index(n),
		)
		.expect("envelope");
		for i in 1..=n {
			let e = envelopes[i as usize - 1].clone().try_into().expect("fits");
			let a = key_digest::<T>(id);
			Mpc::<T>::do_submit_key_envelope(key_member::<T>(id, i), id, 0, a, e)
				.expect("accepted");
		}
		next_block::<T>();
		let complaint = c
			.complaint(index(1), index(n), &envelopes[0], &mut ChaCha20Rng::seed_from_u64(1))
			.expect("complaint");
		let digest = KeyEnvelopes::<T>::get(id, index(1)).expect("envelope").digest;
		let culprit = key_member::<T>(id, 1);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(key_member::<T>(id, n)),
			id,
			0,
			index(1),
			digest,
			complaint.shared_key.to_bytes(),
			complaint.proof.to_bytes(),
		);
		assert_eq!(Workers::<T>::get(&culprit).expect("worker").faults, 1);
		let key = ThresholdKeys::<T>::get(id).expect("key");
		assert!(matches!(key.status, KeyStatus::Failed { .. }));
	}

	/// The owner of an active key asks it to sign the longest message (the key's record is
	/// read and written at its bounded size whatever its committee).
	#[benchmark]
	fn request_signature() {
		let (id, _) = active_key::<T>(T::MaxKeyCommittee::get().min(4));
		let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
		let message = BoundedVec::truncate_from(vec![7u8; T::MaxSignMessage::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, message);
		assert_eq!(OpenSignRequests::<T>::get().len(), 1);
	}

	/// The `t + 1`-th commitment of a key of `n` (`t = n - 1`) fixes the signers.
	#[benchmark]
	fn submit_sign_commitment(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, members) = active_key::<T>(n);
		let r = sign_request::<T>(id);
		commit_members::<T>(id, r, &members, n - 1);
		let (_, last) = mpc_primitives::frost::commit(
			&members[n as usize - 1],
			&mut ChaCha20Rng::seed_from_u64(99),
		)
		.expect("commit");
		#[extrinsic_call]
		_(RawOrigin::Signed(key_member::<T>(id, n)), r, 0, last);
		assert!(SignRequests::<T>::get(r).expect("request").fixed.is_some());
	}

	/// The last share of a key of `n` (`t = n - 1`): checked, aggregated and verified.
	#[benchmark]
	fn submit_sign_share(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, members) = active_key::<T>(n);
		let r = sign_request::<T>(id);
		let nonces = commit_members::<T>(id, r, &members, n);
		let request = SignRequests::<T>::get(r).expect("request");
		let package =
			mpc_primitives::frost::signing_package(&request.message, &request.commitments)
				.expect("package");
		let mut last = None;
		for (i, nonce) in (1..=n).zip(nonces) {
			let share =
				mpc_primitives::frost::sign(&package, nonce, &members[i as usize - 1]).expect("z");
			if i == n {
				last = Some(share);
			} else {
				let p = package_digest::<T>(r);
				Mpc::<T>::do_submit_sign_share(key_member::<T>(id, i), r, 0, p, share)
					.expect("valid");
			}
		}
		let p = package_digest::<T>(r);
		#[extrinsic_call]
		_(RawOrigin::Signed(key_member::<T>(id, n)), r, 0, p, last.expect("share"));
		assert!(matches!(
			SignRequests::<T>::get(r).expect("request").state,
			keys::SignState::Signed { .. }
		));
	}

	/// Every signer of a request is silent past the window: all left out, and the request
	/// fails with too few members.
	#[benchmark]
	fn sign_timeout(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, members) = active_key::<T>(n);
		let r = sign_request::<T>(id);
		commit_members::<T>(id, r, &members, n);
		let fixed = SignRequests::<T>::get(r).expect("request").fixed.expect("fixed");
		let late = fixed.saturating_add(T::SignWindow::get());
		#[block]
		{
			Mpc::<T>::process_signatures(late);
		}
		assert!(matches!(
			SignRequests::<T>::get(r).expect("request").state,
			keys::SignState::Failed { .. }
		));
	}

	/// The owner removes an active key of `n`: seats freed, packages and envelopes removed.
	#[benchmark]
	fn remove_key(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, _) = active_key::<T>(n);
		let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(ThresholdKeys::<T>::get(id).is_none());
	}

	#[benchmark]
	fn remove_signature() {
		let (id, members) = active_key::<T>(T::MaxKeyCommittee::get().min(4));
		let r = sign_request::<T>(id);
		let n = members.len() as u32;
		commit_members::<T>(id, r, &members, n);
		let fixed = SignRequests::<T>::get(r).expect("request").fixed.expect("fixed");
		Mpc::<T>::process_signatures(fixed.saturating_add(T::SignWindow::get()));
		let requester = SignRequests::<T>::get(r).expect("request").requester;
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), r);
		assert!(SignRequests::<T>::get(r).is_none());
	}

	/// The owner refreshes an active key of `n` (`t = n - 1`): the refresh's first attempt
	/// with every member. (`leave_key` does the same work for one member fewer.)
	#[benchmark]
	fn refresh_key(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, _) = active_key::<T>(n);
		let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		let key = ThresholdKeys::<T>::get(id).expect("key");
		assert!(matches!(key.status, KeyStatus::Active { refreshing: Some(_), .. }));
	}

	/// The last refresh package of a key of `n` (`t = n - 1`): round 2 opens.
	#[benchmark]
	fn submit_refresh_round1(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, _) = active_key::<T>(n);
		let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
		Mpc::<T>::do_refresh_key(owner, id, false).expect("refresh");
		let r = running_refresh::<T>(id);
		r.post_packages(id, n as usize - 1);
		let last = BoundedVec::truncate_from(r.packages[n as usize - 1].commitments.clone());
		#[extrinsic_call]
		_(RawOrigin::Signed(r.accounts[n as usize - 1].clone()), id, r.attempt, r.digest, last);
		let refresh = KeyRefreshes::<T>::get(id, r.attempt).expect("refresh");
		assert_eq!(refresh.step, keys::DkgStep::Round2);
	}

	/// The refresh of a key of `n` (`t = n - 1`) made in `on_initialize` at the end of its
	/// complaint window: every refreshed verifying share, seats, and the key's open requests
	/// (counted apart, per request).
	#[benchmark]
	fn key_refresh_make(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, _) = active_key::<T>(n);
		let owner = ThresholdKeys::<T>::get(id).expect("key").owner;
		Mpc::<T>::do_refresh_key(owner, id, false).expect("refresh");
		let r = running_refresh::<T>(id);
		r.post_packages(id, n as usize);
		next_block::<T>();
		r.post_envelopes(id);
		next_block::<T>();
		r.confirm(id);
		let until = KeyRefreshes::<T>::get(id, r.attempt).expect("refresh").until;
		#[block]
		{
			Mpc::<T>::process_keys(until);
		}
		let key = ThresholdKeys::<T>::get(id).expect("key");
		let KeyStatus::Active { refreshes, refreshing, .. } = key.status else { panic!("active") };
		assert_eq!((refreshes.len(), refreshing), (1, None));
	}

	/// Key of `n` (`t = n - 1`) expires after its last epoch with `MaxKeyRefreshes` refresh
	/// transcripts of `n` members to remove, and its DKG's (open requests failing are charged
	/// apart).
	#[benchmark]
	fn expire_key(n: Linear<2, { T::MaxKeyCommittee::get() }>) {
		let (id, _) = active_key::<T>(n);
		let mut key = ThresholdKeys::<T>::get(id).expect("key");
		let KeyStatus::Active { members, ids, refreshes, epoch_start, .. } = &mut key.status else {
			panic!("active")
		};
		// Stand-in transcripts: removing them costs the same whatever they hold.
		let envelope = KeyEnvelopes::<T>::get(id, index(1)).expect("an envelope");
		let points: keys::KeyPoints<T> =
			BoundedVec::truncate_from(vec![[1u8; 32]; (n - 1) as usize]);
		for r in 0..T::MaxKeyRefreshes::get() {
			let attempt = 100 + r;
			let record = crate::refresh::KeyRefresh::<T> {
				members: members.clone(),
				ids: ids.clone(),
				first: attempt,
				step: keys::DkgStep::Complaints,
				opened: Zero::zero(),
				until: Zero::zero(),
				posted: BoundedVec::new(),
			};
			KeyRefreshes::<T>::insert(id, attempt, record);
			for i in ids.iter() {
				KeyRefreshRound1::<T>::insert((id, attempt, *i), points.clone());
				KeyRefreshEnvelopes::<T>::insert((id, attempt, *i), envelope.clone());
			}
			refreshes.try_push(attempt).expect("MaxKeyRefreshes");
		}
		let end = epoch_start.saturating_add(T::KeyEpochLength::get());
		ThresholdKeys::<T>::insert(id, key);
		frame_system::Pallet::<T>::set_block_number(end);
		let anyone = funded::<T>("anyone", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id);
		let key = ThresholdKeys::<T>::get(id).expect("key");
		assert!(matches!(key.status, KeyStatus::Expired { .. }));
		assert_eq!(KeyRefreshes::<T>::iter_prefix(id).count(), 0);
	}

	// -----------------------------------------------------------------------------------------
	// `CheckWorkerDuty`: what the pool reads to refuse a duty from outside its committee, each
	// family at its most (a duty's check costs its family's weight, `duty_check_weight`).

	/// A job duty at most: `advance_job` on an overdue job of `MaxCommittee` from its last
	/// member, without a seat and no longer registered (no seat; the whole committee read and
	/// searched, the registration, then the job read). The storage is set up directly: a
	/// running job's members hold their seats, so the chain reaches these reads through an
	/// ended job's committee and another job's deadline, never in one state.
	#[benchmark]
	fn check_job_duty() {
		let n = T::MaxCommittee::get();
		let (_, id) = job_with_committee::<T>(n);
		let deadline = Jobs::<T>::get(id).expect("job").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		let last = Committees::<T>::get(id)[n as usize - 1].account.clone();
		WorkerJobs::<T>::remove(&last, id);
		Workers::<T>::remove(&last);
		let allowed;
		#[block]
		{
			allowed = Mpc::<T>::may_perform(&last, Duty::AdvanceJob(id));
		}
		assert!(allowed);
	}

	/// A beacon duty at most: a round share from the last member of a `MaxBeaconCommittee`
	/// beacon key, the round holding a share of every member (the round, the key and the
	/// member's registration read).
	#[benchmark]
	fn check_beacon_duty() {
		let n = T::MaxBeaconCommittee::get();
		let epoch = beacon_key::<T>(n);
		let shares =
			(1..=n).map(|i| StoredRoundShare { index: index(i), point: [1; 32], proof: [2; 64] });
		let round = BeaconRound::<T> {
			epoch,
			opened: Zero::zero(),
			seed: [0u8; 32],
			shares: BoundedVec::truncate_from(shares.collect()),
			output: None,
		};
		BeaconRounds::<T>::insert(u64::MAX, round);
		let last =
			BeaconKeys::<T>::get(epoch).expect("key").committee[n as usize - 1].account.clone();
		let allowed;
		#[block]
		{
			allowed = Mpc::<T>::may_perform(&last, Duty::BeaconRound(u64::MAX));
		}
		assert!(allowed);
	}

	/// A key duty at most: a signature share from the last member of a `MaxKeyCommittee` key,
	/// the request over the longest message with every member's commitment (the request, the
	/// key and the member's registration read).
	#[benchmark]
	fn check_key_duty() {
		let n = T::MaxKeyCommittee::get();
		let (id, members) = active_key::<T>(n);
		let r = sign_request::<T>(id);
		commit_members::<T>(id, r, &members, n);
		let last = key_member::<T>(id, n);
		let allowed;
		#[block]
		{
			allowed = Mpc::<T>::may_perform(&last, Duty::SignRequest(r));
		}
		assert!(allowed);
	}

	impl_benchmark_test_suite!(Mpc, crate::mock::new_bench_ext(), crate::mock::Test);
}
