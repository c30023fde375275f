//! Test and benchmark support, written once (as `pallet-staking`'s `testing_utils`): deal an
//! input to a job, cheat in one share, and compute a committee member's honest result share,
//! all from the chain's own state. Only with `cfg(test)`, `runtime-benchmarks` or the
//! `test-utils` feature.

use crate::*;
use mpc_primitives::{
	deal, testing::corrupt_share, EncryptionKey, InputContext, ResultShare, Scalar, Share,
	Submission, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

/// The protocol context of `provider`'s input to `job_id` on this chain.
pub fn input_context<T: Config>(job_id: JobId, provider: &T::AccountId) -> InputContext {
	InputContext::new(Pallet::<T>::genesis_hash(), job_id, *provider.as_ref())
}

/// `provider`'s dealing of `values` to the job's committee, with randomness from `seed`.
///
/// # Panics
/// If the job does not exist or `values` does not have its dimension.
pub fn dealing<T: Config>(
	job_id: JobId,
	provider: &T::AccountId,
	values: &[i128],
	seed: u64,
) -> Submission {
	let job = Jobs::<T>::get(job_id).expect("the job exists");
	let keys: Vec<EncryptionKey> = Committees::<T>::get(job_id).iter().map(|m| m.key).collect();
	let ctx = input_context::<T>(job_id, provider);
	deal(&ctx, &keys, job.shape.t(), values, &mut ChaCha20Rng::seed_from_u64(seed))
		.expect("a dealing of the job's dimension")
}

/// The same dealing with committee member `index`'s share off by one (so that member rightly
/// complains); `secret` is that member's encryption secret.
pub fn dealing_with_bad_share<T: Config>(
	job_id: JobId,
	provider: &T::AccountId,
	values: &[i128],
	seed: u64,
	index: ParticipantIndex,
	secret: &WorkerSecret,
) -> Submission {
	let mut submission = dealing::<T>(job_id, provider, values, seed);
	let d = values.len();
	let ctx = input_context::<T>(job_id, provider);
	corrupt_share(secret, &ctx, index, &mut submission, d, Scalar::ONE);
	submission
}

/// The digest of job `job_id`'s committee as stored, which an input names
/// ([`crate::committee_digest()`]).
pub fn committee_digest<T: Config>(job_id: JobId) -> [u8; 32] {
	crate::committee_digest(&Committees::<T>::get(job_id))
}

/// A submission in the call's bounded form.
///
/// # Panics
/// If it does not fit the runtime's bounds.
pub fn bounded<T: Config>(submission: Submission) -> BoundedSubmission<T> {
	BoundedSubmission::try_from(submission).expect("within the runtime's bounds")
}

/// What honest committee member `index` computes (section 8): the sum of its shares of the
/// job's qualified inputs, read from storage. `secret` is its encryption secret.
///
/// # Panics
/// If a qualified input's share does not open for `secret`.
pub fn honest_result_share<T: Config>(
	job_id: JobId,
	index: ParticipantIndex,
	secret: &WorkerSecret,
) -> ResultShare {
	let job = Jobs::<T>::get(job_id).expect("the job exists");
	let d = job.shape.d() as usize;
	let shares: Vec<Share> = (0..job.input_count)
		.filter_map(|k| {
			let input = Inputs::<T>::get(job_id, k).filter(|x| x.qualified)?;
			let ciphertext = &input.ciphertexts[index.get() as usize - 1];
			let ctx = input_context::<T>(job_id, &input.provider);
			Some(
				secret
					.open_share(&ctx, index, &input.ephemeral_key, ciphertext, d)
					.expect("an honest share opens"),
			)
		})
		.collect();
	ResultShare::aggregate(d, &shares).expect("shares of one dimension")
}

/// A result share as `submit_result_share` takes it, bound to the job's current aggregate:
/// `(aggregate_digest, sum_shares, blinding)`.
pub fn result_share_args<T: Config>(
	job_id: JobId,
	share: &ResultShare,
) -> ([u8; 32], RawResultValues<T>, [u8; 32]) {
	let values = share.values.iter().map(|v| v.to_bytes()).collect::<Vec<_>>();
	let digest = record::aggregate_digest(&Aggregates::<T>::get(job_id));
	(digest, BoundedVec::truncate_from(values), share.blinding.to_bytes())
}

/// Committee member `i` (1-based).
///
/// # Panics
/// If `i` is zero.
pub fn index(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("a 1-based index")
}

/// Completes beacon round `round` with output `rho` as if its shares had arrived, for tests
/// and benchmarks that need a drawn committee without running the beacon's DKG.
pub fn complete_round<T: Config>(round: u64, rho: [u8; 32]) {
	let now = frame_system::Pallet::<T>::block_number();
	BeaconRounds::<T>::insert(
		round,
		BeaconRound::<T> {
			epoch: 0,
			opened: now,
			seed: [0u8; 32],
			shares: BoundedVec::new(),
			output: Some((rho, now)),
		},
	);
	if OpenBeaconRound::<T>::get() == Some(round) {
		OpenBeaconRound::<T>::kill();
	}
	LatestBeaconRound::<T>::put(round);
	NextBeaconRound::<T>::mutate(|next| *next = (*next).max(round.saturating_add(1)));
}

/// Completes the draw round of waiting job `job_id` with output `rho` and draws the waiting
/// jobs now, as `on_initialize` of the next block would.
///
/// # Panics
/// If the job does not wait for a draw.
pub fn draw_now<T: Config>(job_id: JobId, rho: [u8; 32]) {
	let round = Drawings::<T>::get(job_id).expect("the job waits for a draw").round;
	complete_round::<T>(round, rho);
	Pallet::<T>::process_draws(frame_system::Pallet::<T>::block_number());
}

/// The calls a committee member's worker sends as its duties: `Operational`, so that the pool
/// ranks them above ordinary transactions (docs/SECURITY.md). Every other call is `Normal`.
pub const WORKER_DUTIES: [&str; 14] = [
	"complain",
	"submit_result_share",
	"advance_job",
	"confirm_inputs",
	"submit_key_dealing",
	"complain_dealing",
	"submit_round_share",
	"submit_key_round1",
	"submit_key_envelope",
	"complain_key_envelope",
	"submit_sign_commitment",
	"submit_sign_share",
	"submit_refresh_round1",
	"confirm_key_shares",
];

/// Every call of the pallet, by name, with each field at its smallest: decoded from filler
/// bytes (zeros, or ones where a zero is refused, as for a participant index). The smallest
/// transaction of each kind, so the highest pool priority it can have.
///
/// # Panics
/// If a call decodes from neither filler.
pub fn smallest_calls<T: Config>() -> Vec<(&'static str, Call<T>)> {
	use frame_support::traits::{GetCallIndex, GetCallName};
	let names = Call::<T>::get_call_names();
	let indices = Call::<T>::get_call_indices();
	assert_eq!(names.len(), indices.len());
	names
		.iter()
		.zip(indices)
		.map(|(name, index)| {
			let call = [0u8, 1]
				.iter()
				.find_map(|fill| {
					let bytes = [&[*index][..], &[*fill; 4096][..]].concat();
					Call::<T>::decode(&mut &bytes[..]).ok()
				})
				.unwrap_or_else(|| panic!("{name}: not decodable from zero or one bytes"));
			assert_eq!(call.get_call_name(), *name);
			(*name, call)
		})
		.collect()
}
