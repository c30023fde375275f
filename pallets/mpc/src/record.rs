//! Results and the proof-of-MPC record: result shares (PROTOCOL.md section 8),
//! reconstruction and its check, the inputs digest (section 10), and the record a third party
//! re-verifies.

use crate::*;
use frame_support::defensive;
use mpc_primitives::{ResultShare, Scalar};

/// The running digest of a job's inputs (PROTOCOL.md section 10):
/// `BLAKE2b-256(previous || u32le(index) || provider || C_0 || ... || C_t)`.
pub fn next_inputs_digest(
	previous: &[u8; 32],
	index: InputIndex,
	provider: &[u8; 32],
	commitments: &[[u8; 32]],
) -> [u8; 32] {
	let mut bytes = Vec::with_capacity(32 + 4 + 32 + 32 * commitments.len());
	bytes.extend_from_slice(previous);
	bytes.extend_from_slice(&index.to_le_bytes());
	bytes.extend_from_slice(provider);
	for c in commitments {
		bytes.extend_from_slice(c);
	}
	sp_io::hashing::blake2_256(&bytes)
}

/// The digest an input is bound to (PROTOCOL.md section 10): `BLAKE2b-256(A_1 || E_1 || ... ||
/// A_n || E_n)` over the committee's accounts and encryption keys, in committee order.
pub fn committee_digest<T: Config>(committee: &[CommitteeMember<T>]) -> [u8; 32] {
	committee_digest_of(committee.iter().map(|m| (*m.account.as_ref(), *m.key.as_bytes())))
}

/// [`committee_digest`] of `(A_i, E_i)` pairs, in committee order.
pub fn committee_digest_of(members: impl IntoIterator<Item = ([u8; 32], [u8; 32])>) -> [u8; 32] {
	let mut bytes = Vec::new();
	for (account, key) in members {
		bytes.extend_from_slice(&account);
		bytes.extend_from_slice(&key);
	}
	sp_io::hashing::blake2_256(&bytes)
}

/// The digest a result share is bound to (PROTOCOL.md section 10):
/// `BLAKE2b-256(Ĉ_0 || ... || Ĉ_t)`.
pub fn aggregate_digest(aggregate: &[mpc_primitives::Commitment]) -> [u8; 32] {
	let mut bytes = Vec::with_capacity(32 * aggregate.len());
	for c in aggregate {
		bytes.extend_from_slice(c.as_bytes());
	}
	sp_io::hashing::blake2_256(&bytes)
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit_result_share(
		who: T::AccountId,
		job_id: JobId,
		for_aggregate: [u8; 32],
		sum_shares: RawResultValues<T>,
		blinding: [u8; 32],
	) -> Result<PostDispatchInfo, Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.phase.result_shares_open(), Error::<T>::NotComputing);
		// The weight of this job's committee size, not the largest declared up front.
		let weight = T::WeightInfo::submit_result_share(job.shape.n());
		let charged = |pays_fee, completes: bool| PostDispatchInfo {
			actual_weight: Some(if completes {
				weight.saturating_add(<T::OnJobCompleted as OnJobCompleted<T::AccountId>>::weight())
			} else {
				weight
			}),
			pays_fee,
		};
		let worker_index = Self::committee_index(job_id, &who)?;
		ensure!(
			!ResultShares::<T>::contains_key(job_id, worker_index),
			Error::<T>::ResultShareAlreadySubmitted
		);
		ensure!(sum_shares.len() == job.shape.d() as usize, Error::<T>::WrongDimension);
		let decoded = sum_shares
			.iter()
			.map(|v| Scalar::from_canonical_bytes(*v))
			.collect::<Result<Vec<Scalar>, _>>()
			.map_err(|_| Error::<T>::MalformedResultShare)?;
		let blinding =
			Scalar::from_canonical_bytes(blinding).map_err(|_| Error::<T>::MalformedResultShare)?;
		let share = ResultShare { values: decoded, blinding };
		let aggregate = Aggregates::<T>::get(job_id);
		// A share computed for another `Ĉ` (another branch of a fork) is refused, never judged.
		ensure!(aggregate_digest(&aggregate) == for_aggregate, Error::<T>::AggregateMismatch);
		if !share.verify(&job.shape, worker_index, &aggregate) {
			Self::deposit_event(Event::ResultShareRejected { job_id, worker_index });
			Self::fault(&who, job_id);
			return Ok(charged(Pays::Yes, false));
		}
		let stored = StoredResultShare {
			sum_shares: BoundedVec::try_from(share.values).map_err(|_| {
				defensive!("d checked values exceed MaxDimension");
				Error::<T>::Inconsistent
			})?,
			blinding: share.blinding,
			paid: false,
		};
		ResultShares::<T>::insert(job_id, worker_index, stored);
		job.valid_shares = job.valid_shares.saturating_add(1);
		Self::deposit_event(Event::ResultShareAccepted { job_id, worker_index });

		let now = frame_system::Pallet::<T>::block_number();
		let completes = job.phase == JobPhase::Computing && job.valid_shares > job.shape.t();
		if completes {
			let result = Self::reconstruct(job_id, &job)?;
			Self::advance(job_id, &mut job, lifecycle::Trigger::ThresholdReached, now)?;
			let sums: Vec<Option<i128>> = result.sums.to_vec();
			let inputs = result.qualified_inputs;
			Results::<T>::insert(job_id, result);
			Self::deposit_event(Event::JobCompleted {
				job_id,
				sums: sums.clone(),
				qualified_inputs: inputs,
			});
			log::info!(target: LOG_TARGET, "job {job_id} completed from {} shares", job.valid_shares);
			// Pay everyone who delivered so far.
			for (i, _) in ResultShares::<T>::iter_prefix(job_id).collect::<Vec<_>>() {
				Self::pay(job_id, &mut job, i);
			}
			Jobs::<T>::insert(job_id, &job);
			T::OnJobCompleted::on_job_completed(job_id, &job.owner, &sums, inputs);
		} else {
			if job.phase == JobPhase::Completed {
				Self::pay(job_id, &mut job, worker_index);
			}
			Jobs::<T>::insert(job_id, &job);
		}
		Ok(charged(Pays::No, completes))
	}

	/// Reconstructs and checks the output from the job's first `t + 1` valid result shares.
	fn reconstruct(job_id: JobId, job: &Job<T>) -> Result<JobResult<T>, Error<T>> {
		let t1 = job.shape.t() as usize + 1;
		let mut shares: Vec<(ParticipantIndex, ResultShare)> =
			ResultShares::<T>::iter_prefix(job_id)
				.map(|(i, s)| {
					(i, ResultShare { values: s.sum_shares.into_inner(), blinding: s.blinding })
				})
				.collect();
		shares.sort_by_key(|(i, _)| *i);
		shares.truncate(t1);
		// Every stored share was verified against `Ĉ` when it arrived, and `Ĉ` no longer
		// changes once computing starts: reconstruct and check the output against `Ĉ_0`
		// without verifying the `t + 1` shares again (`verify_output` does that for records).
		let aggregate = Aggregates::<T>::get(job_id);
		let borrowed: Vec<(ParticipantIndex, &ResultShare)> =
			shares.iter().map(|(i, s)| (*i, s)).collect();
		let output = mpc_primitives::reconstruct(&job.shape, &borrowed)
			.ok()
			.filter(|o| aggregate.first().is_some_and(|c0| o.verify(c0)))
			.ok_or_else(|| {
				defensive!("verified result shares did not reconstruct");
				Error::<T>::Inconsistent
			})?;
		let decoded = output.decode();
		let count = u64::from(job.qualified_count);
		let sums: Vec<Option<i128>> = decoded.iter().map(|v| v.to_i128()).collect();
		let means: Vec<Option<i128>> =
			decoded.iter().map(|v| v.floor_div(count).and_then(|m| m.to_i128())).collect();
		Ok(JobResult {
			sums: BoundedVec::truncate_from(sums),
			means: BoundedVec::truncate_from(means),
			qualified_inputs: job.qualified_count,
			decimals: job.decimals,
			output: BoundedVec::truncate_from(output.values),
			output_blinding: output.blinding,
			reconstructed_from: BoundedVec::truncate_from(
				shares.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
			),
		})
	}

	/// A job's disqualified inputs, in the order of their disqualification (all its pages of
	/// [`Disqualified`]).
	pub fn disqualified_inputs(job_id: JobId, job: &Job<T>) -> Vec<InputIndex> {
		(0..Self::disqualified_pages(job))
			.flat_map(|page| Disqualified::<T>::get(job_id, page).into_inner())
			.collect()
	}

	/// How many pages of [`Disqualified`] `job` has: its disqualified inputs
	/// (`input_count - qualified_count`) over [`Config::DisqualifiedPageSize`], rounded up.
	pub fn disqualified_pages(job: &Job<T>) -> u32 {
		job.input_count.saturating_sub(job.qualified_count).div_ceil(T::DisqualifiedPageSize::get())
	}

	/// The most pages of [`Disqualified`] a job can have.
	pub fn max_disqualified_pages() -> u32 {
		T::MaxInputsPerJob::get().div_ceil(T::DisqualifiedPageSize::get())
	}

	/// [`Pallet::remove_job`]'s weight when it removes `pages` pages of the disqualified list:
	/// the benchmarked removal (which has none) plus a write each.
	pub fn remove_job_weight(pages: u32) -> Weight {
		T::WeightInfo::remove_job(T::MaxCommittee::get())
			.saturating_add(T::DbWeight::get().writes(u64::from(pages)))
	}

	/// Records the disqualification of input `index` of `job`, before `job.qualified_count`
	/// counts it: it is the `input_count - qualified_count`-th, and goes on that page.
	pub(crate) fn push_disqualified(
		job_id: JobId,
		job: &Job<T>,
		index: InputIndex,
	) -> Result<(), Error<T>> {
		let k = job.input_count.saturating_sub(job.qualified_count);
		let page = k / T::DisqualifiedPageSize::get();
		Disqualified::<T>::try_mutate(job_id, page, |list| {
			list.try_push(index).map_err(|_| {
				defensive!("a full page of disqualified inputs");
				Error::<T>::Inconsistent
			})
		})
	}

	/// The proof-of-MPC record of a completed job: everything needed to re-verify its result
	/// with [`mpc_primitives::verify_output`], and where its inputs are (PROTOCOL.md
	/// section 10).
	pub fn proof_of_mpc(job_id: JobId) -> Option<ProofOfMpc<T>> {
		let job = Jobs::<T>::get(job_id)?;
		let result = Results::<T>::get(job_id)?;
		let disqualified = BoundedVec::truncate_from(Self::disqualified_inputs(job_id, &job));
		Some(ProofOfMpc {
			job_id,
			shape: job.shape,
			input_rule: job.input_rule,
			committee: Committees::<T>::get(job_id),
			input_count: job.input_count,
			inputs_digest: job.inputs_digest,
			disqualified,
			aggregate: Aggregates::<T>::get(job_id),
			result_shares: ResultShares::<T>::iter_prefix(job_id).collect(),
			result,
			timeline: job.timeline,
		})
	}

	/// Re-verifies a proof-of-MPC record: the result shares the output was reconstructed from
	/// against the aggregate commitments, the reconstruction, and the output check.
	pub fn verify_record(record: &ProofOfMpc<T>) -> bool {
		let shares: Vec<(ParticipantIndex, ResultShare)> = record
			.result
			.reconstructed_from
			.iter()
			.filter_map(|i| {
				let (_, s) = record.result_shares.iter().find(|(j, _)| j == i)?;
				Some((*i, ResultShare { values: s.sum_shares.to_vec(), blinding: s.blinding }))
			})
			.collect();
		mpc_primitives::verify_output(&record.shape, &record.aggregate, &shares).is_ok_and(|o| {
			o.values == record.result.output.to_vec() && o.blinding == record.result.output_blinding
		})
	}
}
