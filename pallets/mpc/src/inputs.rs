//! Inputs: acceptance (PROTOCOL.md section 5), storage, complaints (section 7) and
//! disqualification.

use crate::{money::add_entry, *};
use frame_support::{defensive, traits::Footprint};
use mpc_primitives::{
	judge_complaint, verify_submission, ComplaintError, ComplaintSubject, ComplaintVerdict,
	InputContext, InputRule, SubmissionError,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The pallet error for each acceptance rule of section 5; exhaustive, so a new rule
	/// cannot silently take another's error.
	pub(crate) fn submission_error(e: SubmissionError) -> Error<T> {
		match e {
			SubmissionError::WrongCommitmentCount => Error::<T>::WrongCommitmentCount,
			SubmissionError::BadCommitmentEncoding { .. } => Error::<T>::BadCommitmentEncoding,
			SubmissionError::WrongCiphertextCount => Error::<T>::WrongCiphertextCount,
			SubmissionError::BadCiphertextLength { .. } => Error::<T>::BadCiphertextLength,
			SubmissionError::BadEphemeralKeyEncoding => Error::<T>::BadEphemeralKeyEncoding,
			SubmissionError::IdentityEphemeralKey => Error::<T>::IdentityEphemeralKey,
			SubmissionError::BadProof => Error::<T>::InvalidDealingProof,
			SubmissionError::RepeatedEphemeralKey => Error::<T>::RepeatedEphemeralKey,
		}
	}

	/// The pallet error for each way a complaint can be malformed; exhaustive.
	pub(crate) fn complaint_error(e: ComplaintError) -> Error<T> {
		match e {
			ComplaintError::BadSharedKeyEncoding => Error::<T>::BadSharedKeyEncoding,
			ComplaintError::BadProofEncoding => Error::<T>::BadComplaintProofEncoding,
			ComplaintError::InvalidProof => Error::<T>::InvalidComplaintProof,
		}
	}

	/// Accepts `provider`'s input to the job; returns the weight of its validity check (the
	/// job rule's, [`Pallet::validity_weight`]).
	pub(crate) fn do_submit_input(
		provider: T::AccountId,
		job_id: JobId,
		committee_digest: [u8; 32],
		submission: BoundedSubmission<T>,
		validity: ValidityProof<T>,
	) -> Result<Weight, Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(job.phase == JobPhase::Collecting && now < job.deadline, Error::<T>::NotCollecting);
		// Dealt to another committee: on another branch of a fork this job id may have one.
		ensure!(job.committee_digest == committee_digest, Error::<T>::CommitteeMismatch);
		if let Some(allowed) = &job.allowed_providers {
			ensure!(allowed.contains(&provider), Error::<T>::ProviderNotAllowed);
		}
		ensure!(!InputOf::<T>::contains_key(job_id, &provider), Error::<T>::AlreadySubmitted);
		let (input, aggregate) = Self::accept_submission(job_id, &provider, &job, &submission)?;
		Self::check_validity(job_id, &provider, &job, &input, &validity)?;
		Self::store_input(job_id, &mut job, input, submission, aggregate)?;
		let weight = Self::validity_weight(&job.input_rule, job.shape.d());
		if job.input_count >= job.max_inputs {
			Self::advance(job_id, &mut job, lifecycle::Trigger::InputsClosed, now)?;
		} else {
			Jobs::<T>::insert(job_id, job);
		}
		Ok(weight)
	}

	/// Checks an accepted input's validity proof against the job's rule (PROTOCOL.md section
	/// 12): nothing is stored yet, so a refusal changes nothing.
	pub(crate) fn check_validity(
		job_id: JobId,
		provider: &T::AccountId,
		job: &Job<T>,
		input: &InputRecord<T>,
		validity: &[u8],
	) -> Result<(), Error<T>> {
		let c0 = input.commitments.first().ok_or_else(|| {
			defensive!("an accepted input without C_0");
			Error::<T>::Inconsistent
		})?;
		let ctx = InputContext::new(Self::genesis_hash(), job_id, *provider.as_ref());
		let rule = job.input_rule.to_vec();
		ensure!(
			mpc_primitives::verify_validity(&ctx, job.shape.d(), &rule, c0, validity),
			Error::<T>::InvalidValidityProof
		);
		Ok(())
	}

	/// The weight of checking a validity proof under `rule` for dimension `d`: one-hot from
	/// its benchmark per branch; a range proof from the benchmarked shape it fits under
	/// ([`Pallet::range_weight`]).
	pub fn validity_weight(rule: &InputRuleOf<T>, d: u32) -> Weight {
		match rule {
			InputRule::None => Weight::zero(),
			InputRule::OneHot { abstain } => {
				T::WeightInfo::validity_one_hot(d.saturating_add(u32::from(*abstain)))
			}
			InputRule::Range(bounds) => {
				let n_bits = mpc_primitives::range::range_bits(bounds).unwrap_or(64);
				Self::range_weight(d, n_bits)
			}
		}
	}

	/// The weight of a range proof of dimension `d` and width `n_bits`: the benchmark of the
	/// cheapest measured shape that costs at least as much. One component: 8 bits, else 64
	/// bits. More: 8 bits at the largest dimension while `N M` is at most that shape's, else
	/// 64 bits at the largest dimension. A shape costs more with more bits and with more
	/// components (more commitments, a longer linking proof), so each is charged at most what
	/// it costs; between measured shapes it is charged more (PERFORMANCE.md).
	pub fn range_weight(d: u32, n_bits: u32) -> Weight {
		if d <= 1 {
			return if n_bits <= 8 {
				T::WeightInfo::validity_range_narrowest()
			} else {
				T::WeightInfo::validity_range_single_widest()
			};
		}
		let max_m = mpc_primitives::range::aggregation(T::MaxDimension::get() as usize) as u64;
		let bits =
			u64::from(n_bits).saturating_mul(mpc_primitives::range::aggregation(d as usize) as u64);
		if bits <= 8 * max_m {
			T::WeightInfo::validity_range_narrow_widest_dimension()
		} else {
			T::WeightInfo::validity_range_widest()
		}
	}

	/// The most a validity proof of `len` bytes can cost to check, whatever the job's rule:
	/// the call's weight is this, refunded to [`Pallet::validity_weight`]. Every rule's proofs
	/// have one length for each shape (PROTOCOL.md section 12), so this is the costliest of
	/// the shapes whose proofs are `len` bytes long; a proof whose length is not its job
	/// rule's is refused before any curve arithmetic.
	pub fn validity_weight_bound(len: usize) -> Weight {
		let max_d = T::MaxDimension::get();
		let mut bound = Weight::zero();
		if len > 0 && len.is_multiple_of(64) {
			if let Ok(branches) = u32::try_from(len / 64) {
				if branches <= max_d.saturating_add(1) {
					bound = T::WeightInfo::validity_one_hot(branches);
				}
			}
		}
		for d in 1..=max_d {
			for n_bits in mpc_primitives::range::RANGE_BITS {
				if mpc_primitives::range::range_proof_len(d as usize, n_bits) == len {
					bound = bound.max(Self::range_weight(d, n_bits));
				}
			}
		}
		bound
	}

	/// The acceptance check of section 5 for `provider`'s submission to the job: the decoded
	/// input (its ciphertexts still empty, its deposit and digest zero) and the job's aggregate
	/// with it added.
	pub(crate) fn accept_submission(
		job_id: JobId,
		provider: &T::AccountId,
		job: &Job<T>,
		submission: &BoundedSubmission<T>,
	) -> Result<(InputRecord<T>, Vec<mpc_primitives::Commitment>), Error<T>> {
		let ctx = InputContext::new(Self::genesis_hash(), job_id, *provider.as_ref());
		let accepted = verify_submission(&ctx, job.shape, submission.as_parts(), |r| {
			EphemeralKeys::<T>::contains_key(job_id, r.as_bytes())
		})
		.map_err(Self::submission_error)?;
		let commitments = Commitments::<T>::try_from(accepted.commitments).map_err(|_| {
			defensive!("t + 1 accepted commitments exceed MaxCommittee");
			Error::<T>::Inconsistent
		})?;
		let mut aggregate = Aggregates::<T>::get(job_id).into_inner();
		mpc_primitives::pedersen::add_commitments(&mut aggregate, &commitments).map_err(|_| {
			defensive!("an input's commitments do not match its job's aggregate");
			Error::<T>::Inconsistent
		})?;
		let input = InputRecord {
			provider: provider.clone(),
			ephemeral_key: accepted.ephemeral_key,
			commitments,
			// Moved in from the submission when it is stored.
			ciphertexts: Default::default(),
			deposit: Zero::zero(),
			qualified: true,
			complainants: 0,
			digest: [0u8; 32],
		};
		Ok((input, aggregate))
	}

	/// Stores an accepted input as the next of its job: holds its deposit, then writes the
	/// record (with its ciphertexts), the indexes and the new aggregate, and updates the job
	/// (which the caller writes). The one place an input's storage layout is written; the
	/// benchmarks use it too.
	pub(crate) fn store_input(
		job_id: JobId,
		job: &mut Job<T>,
		mut input: InputRecord<T>,
		submission: BoundedSubmission<T>,
		aggregate: Vec<mpc_primitives::Commitment>,
	) -> Result<(), Error<T>> {
		let index = job.input_count;
		input.digest = record::next_inputs_digest(
			&job.inputs_digest,
			index,
			input.provider.as_ref(),
			&submission.commitments,
		);
		input.ciphertexts = submission.ciphertexts;
		input.deposit = Self::deposit_for(Self::input_footprint(job_id, index, &input));
		Self::hold(HoldReason::InputDeposit, &input.provider, input.deposit)?;
		job.inputs_digest = input.digest;
		InputOf::<T>::insert(job_id, &input.provider, index);
		EphemeralKeys::<T>::insert(job_id, submission.ephemeral_key, index);
		Aggregates::<T>::insert(job_id, Commitments::<T>::truncate_from(aggregate));
		let provider = input.provider.clone();
		Inputs::<T>::insert(job_id, index, input);
		job.input_count = job.input_count.saturating_add(1);
		job.qualified_count = job.qualified_count.saturating_add(1);
		Self::deposit_event(Event::InputSubmitted { job_id, index, provider });
		Ok(())
	}

	/// What one input takes in storage, from the stored types: its record (with its `n`
	/// ciphertexts), and its entries in the provider and `R` indexes. Priced by
	/// [`Pallet::deposit_for`].
	pub fn input_footprint(job_id: JobId, index: InputIndex, input: &InputRecord<T>) -> Footprint {
		let mut footprint = Footprint::default();
		add_entry(&mut footprint, &Inputs::<T>::hashed_key_for(job_id, index), input);
		let key = InputOf::<T>::hashed_key_for(job_id, &input.provider);
		add_entry(&mut footprint, &key, &index);
		let key = EphemeralKeys::<T>::hashed_key_for(job_id, input.ephemeral_key.as_bytes());
		add_entry(&mut footprint, &key, &index);
		footprint
	}

	/// [`Pallet::confirm_inputs`]: checks, records member `i`'s confirmation, and ends
	/// `Verifying` when it is the committee's last: at once, or, when too few inputs qualify,
	/// through a deadline in the next block (failing a job pays and frees `n` seats, work the
	/// deadline weighs; a confirmation's weight stays constant).
	pub(crate) fn do_confirm_inputs(
		who: T::AccountId,
		job_id: JobId,
		at: BlockNumberFor<T>,
		at_hash: T::Hash,
	) -> Result<(), Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.phase == JobPhase::Verifying, Error::<T>::NotVerifying);
		let worker_index = Self::committee_index(job_id, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		// The block whose state the member judged: on this chain, with the inputs final.
		let closed = job.timeline.inputs_closed.unwrap_or(now);
		ensure!(
			closed <= at
				&& at < now && at_hash != T::Hash::default()
				&& frame_system::Pallet::<T>::block_hash(at) == at_hash,
			Error::<T>::StaleConfirmation
		);
		let bit = Self::member_bit(worker_index);
		let confirmed = InputConfirmations::<T>::get(job_id);
		ensure!(confirmed & bit == 0, Error::<T>::AlreadyPosted);
		let confirmed = confirmed | bit;
		Self::deposit_event(Event::InputsConfirmed { job_id, worker_index });
		if confirmed.count_ones() < job.shape.n() {
			InputConfirmations::<T>::insert(job_id, confirmed);
			return Ok(());
		}
		Self::advance(job_id, &mut job, lifecycle::Trigger::Confirmed, now)
	}

	pub(crate) fn do_complain(
		who: T::AccountId,
		job_id: JobId,
		index: InputIndex,
		named: InputNaming,
		shared_key: [u8; 32],
		proof: [u8; 64],
	) -> Result<PostDispatchInfo, Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.phase.complaints_open(), Error::<T>::ComplaintWindowClosed);
		// The weight of this job's committee size, not the largest declared up front.
		let weight = Some(T::WeightInfo::complain(job.shape.n()));
		let worker_index = Self::committee_index(job_id, &who)?;
		let mut input = Inputs::<T>::get(job_id, index).ok_or(Error::<T>::UnknownInput)?;
		// On another branch of a fork, another input may sit at this index: the complaint is
		// about that one, so it is refused here, never judged (and never a fault).
		ensure!(input.ephemeral_key.as_bytes() == &named.ephemeral_key, Error::<T>::InputMismatch);
		let bit = Self::member_bit(worker_index);
		if !input.qualified {
			// Another member's complaint came first: an honest member whose share was bad
			// too races it. Its first such complaint is free and judged no further.
			ensure!(input.complainants & bit == 0, Error::<T>::AlreadyDisqualified);
			input.complainants |= bit;
			Inputs::<T>::insert(job_id, index, input);
			Self::deposit_event(Event::ComplaintRedundant { job_id, index, worker_index });
			return Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No });
		}
		let committee = Committees::<T>::get(job_id);
		let member = Self::member(&committee, worker_index)?;
		let ciphertext =
			input.ciphertexts.get(worker_index.get() as usize - 1).ok_or_else(|| {
				defensive!("a stored input without its ciphertext");
				Error::<T>::Inconsistent
			})?;
		// The same `R` with another ciphertext: another branch's input (its provider knows `r`
		// and may deal differently on each branch). Refused, never judged.
		ensure!(
			mpc_primitives::hash::ciphertext_hash(ciphertext) == named.ciphertext_hash,
			Error::<T>::InputMismatch
		);
		let ctx = InputContext::new(Self::genesis_hash(), job_id, *input.provider.as_ref());
		let subject = ComplaintSubject {
			input: &ctx,
			index: worker_index,
			worker_key: &member.key,
			ephemeral_key: &input.ephemeral_key,
			commitments: &input.commitments,
			ciphertext,
			dimension: job.shape.d() as usize,
		};
		let verdict =
			judge_complaint(&subject, &shared_key, &proof).map_err(Self::complaint_error)?;
		match verdict {
			ComplaintVerdict::InputDisqualified { .. } => {
				let mut aggregate = Aggregates::<T>::get(job_id).into_inner();
				mpc_primitives::pedersen::subtract_commitments(&mut aggregate, &input.commitments)
					.map_err(|_| {
						defensive!("an input's commitments do not match its job's aggregate");
						Error::<T>::Inconsistent
					})?;
				Self::push_disqualified(job_id, &job, index)?;
				Aggregates::<T>::insert(job_id, Commitments::<T>::truncate_from(aggregate));
				let deposit = core::mem::take(&mut input.deposit);
				input.qualified = false;
				input.complainants |= bit;
				let provider = input.provider.clone();
				Inputs::<T>::insert(job_id, index, input);
				job.qualified_count = job.qualified_count.saturating_sub(1);
				Jobs::<T>::insert(job_id, job);
				Self::forfeit(HoldReason::InputDeposit, &provider, deposit);
				Self::deposit_event(Event::InputDisqualified { job_id, index, worker_index });
				log::info!(
					target: LOG_TARGET,
					"job {job_id}: input {index} disqualified by worker {}",
					worker_index.get()
				);
				Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No })
			}
			ComplaintVerdict::WorkerAtFault => {
				Self::deposit_event(Event::ComplaintRejected { job_id, index, worker_index });
				Self::fault(&who, job_id);
				Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::Yes })
			}
		}
	}
}
