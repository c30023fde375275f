//! [`CheckWorkerDuty`]: the transaction extension that keeps the operational lane for the
//! committees.
//!
//! Every worker duty (complaints, confirmations, result shares, `advance_job`, the beacon's and
//! the threshold keys' messages) is `DispatchClass::Operational`, so that a flood of inputs
//! and transfers cannot keep a committee's work out of blocks until its windows close. The
//! pool ranks an operational transaction above any ordinary one without a tip, and a quarter
//! of every block is open to it alone. Without this extension, anyone paying base fees
//! could send duties that fail on dispatch and still outrank every ordinary transaction.
//!
//! The extension refuses, in the pool and in blocks, a duty from an account outside the
//! committee the call names ([`Duty`], [`Pallet::may_perform`]): the job's committee, the
//! epoch's beacon committee, the round's, or the key's members. `advance_job` is open to
//! anyone once its job is overdue, as on dispatch; before that only the job's committee may
//! send it. A refused transaction never enters the pool and pays nothing; the node that
//! checked it read one to four storage items ([`WeightInfo::check_job_duty`] and its
//! siblings). Membership is what the extension checks, not the phase: a member's late duty
//! (a result share after the job completed, say) still lands and fails as before, so a
//! member's pending duty is not dropped from the pool when a phase ends (that would leave a
//! gap in its nonces). Where a committee outlives its members' seats (an ended job's, a
//! beacon key's, a threshold key's), a member must also still be a registered worker: one
//! that deregistered and took its bond back sends no duty.
//!
//! Calls of other pallets and the pallet's ordinary calls pass untouched. The extension sees
//! only the outer call: wrappers that take their inner call's class (batches, sudo), and other
//! pallets' operational calls, are the runtime's to refuse in the pool (docs/RUNTIME.md; the
//! dev runtime's `CheckOperational`).

use crate::{
	keys::{KeyId, KeyStatus, SignRequestId},
	BeaconDkg, BeaconKeys, BeaconRounds, Call, CommitteeMember, Committees, Config, JobId, Jobs,
	Pallet, SignRequests, ThresholdKeys, WeightInfo, WorkerJobs, Workers,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{IsSubType, OriginTrait},
	CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
	Weight,
};

/// What a worker duty names: its members alone may send it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Duty {
	/// `complain`, `submit_result_share`, `confirm_inputs`: the job's committee.
	Job(JobId),
	/// `advance_job`: the job's committee, or anyone once the job is overdue.
	AdvanceJob(JobId),
	/// `submit_key_dealing`, `complain_dealing`: the epoch's beacon committee (of its DKG
	/// while it runs, of its key after).
	BeaconEpoch(u64),
	/// `submit_round_share`: the committee of the round's epoch.
	BeaconRound(u64),
	/// The DKG's and refreshes' messages of a threshold key: its members.
	Key(KeyId),
	/// `submit_sign_commitment`, `submit_sign_share`: the members of the request's key.
	SignRequest(SignRequestId),
}

impl<T: Config> Call<T> {
	/// What this call names if it is a worker duty; `None` for every other call. Exactly the
	/// pallet's `Operational` calls are duties (`testing_utils::WORKER_DUTIES`; a test checks
	/// every call).
	pub fn duty(&self) -> Option<Duty> {
		Some(match self {
			Call::complain { job_id, .. }
			| Call::submit_result_share { job_id, .. }
			| Call::confirm_inputs { job_id, .. } => Duty::Job(*job_id),
			Call::advance_job { job_id } => Duty::AdvanceJob(*job_id),
			Call::submit_key_dealing { epoch, .. } | Call::complain_dealing { epoch, .. } => {
				Duty::BeaconEpoch(*epoch)
			}
			Call::submit_round_share { round, .. } => Duty::BeaconRound(*round),
			Call::submit_key_round1 { key, .. }
			| Call::submit_key_envelope { key, .. }
			| Call::complain_key_envelope { key, .. }
			| Call::submit_refresh_round1 { key, .. }
			| Call::confirm_key_shares { key, .. } => Duty::Key(*key),
			Call::submit_sign_commitment { request, .. }
			| Call::submit_sign_share { request, .. } => Duty::SignRequest(*request),
			_ => return None,
		})
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `who` may send a duty naming `duty` in the current block: it is a member of the
	/// committee the duty names (see [`Duty`]). Something that does not exist has no members.
	pub fn may_perform(who: &T::AccountId, duty: Duty) -> bool {
		let within = |members: &[CommitteeMember<T>]| Self::registered_member(who, members);
		match duty {
			Duty::Job(job) => Self::in_job_committee(who, job),
			Duty::AdvanceJob(job) => {
				Self::in_job_committee(who, job)
					|| Jobs::<T>::get(job).is_some_and(|j| {
						let now = frame_system::Pallet::<T>::block_number();
						!j.phase.has_ended() && j.deadline <= now
					})
			}
			Duty::BeaconEpoch(epoch) => match BeaconDkg::<T>::get().filter(|d| d.epoch == epoch) {
				Some(dkg) => within(&dkg.committee),
				None => BeaconKeys::<T>::get(epoch).is_some_and(|key| within(&key.committee)),
			},
			Duty::BeaconRound(round) => BeaconRounds::<T>::get(round)
				.and_then(|r| BeaconKeys::<T>::get(r.epoch))
				.is_some_and(|key| within(&key.committee)),
			Duty::Key(key) => ThresholdKeys::<T>::get(key).is_some_and(|k| match &k.status {
				KeyStatus::Generating { members, .. } | KeyStatus::Active { members, .. } => {
					within(members)
				}
				_ => false,
			}),
			Duty::SignRequest(request) => SignRequests::<T>::get(request)
				.is_some_and(|r| Self::may_perform(who, Duty::Key(r.key))),
		}
	}

	/// In the job's committee: its seat while the job runs (one small read; a seated member
	/// cannot deregister), its record after.
	fn in_job_committee(who: &T::AccountId, job: JobId) -> bool {
		WorkerJobs::<T>::contains_key(who, job)
			|| Self::registered_member(who, &Committees::<T>::get(job))
	}

	/// `who` is among `members` and still registered. A member of a committee that outlives its
	/// seats (an ended job's, a beacon key's, a threshold key's) counts only while it is: once
	/// it deregistered and took its bond back, it is no one the chain could hold to account.
	fn registered_member(who: &T::AccountId, members: &[CommitteeMember<T>]) -> bool {
		members.iter().any(|m| &m.account == who) && Workers::<T>::contains_key(who)
	}

	/// The weight of checking `duty` at worst: its family's benchmark.
	pub fn duty_check_weight(duty: Duty) -> Weight {
		match duty {
			Duty::Job(_) | Duty::AdvanceJob(_) => T::WeightInfo::check_job_duty(),
			Duty::BeaconEpoch(_) | Duty::BeaconRound(_) => T::WeightInfo::check_beacon_duty(),
			Duty::Key(_) | Duty::SignRequest(_) => T::WeightInfo::check_key_duty(),
		}
	}
}

/// Refuses a worker duty from an account outside the committee it names, with
/// `InvalidTransaction::BadSigner` (see the [module](self)). Put it in the runtime's
/// transaction extensions after `CheckNonce` and before the payment; it adds no bytes to a
/// transaction nor to what is signed.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	DefaultNoBound,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct CheckWorkerDuty<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> CheckWorkerDuty<T> {
	/// The extension (it carries nothing).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> CheckWorkerDuty<T>
where
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	fn duty_of(call: &<T as frame_system::Config>::RuntimeCall) -> Option<Duty> {
		call.is_sub_type().and_then(Call::<T>::duty)
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckWorkerDuty<T>
where
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "CheckWorkerDuty";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		Self::duty_of(call).map_or(Weight::zero(), Pallet::<T>::duty_check_weight)
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		if let Some(duty) = Self::duty_of(call) {
			// Signed duties only: the executive refuses an origin no extension authorized, and
			// every duty's dispatch asks for a signed one.
			if origin.as_signer().is_some_and(|who| !Pallet::<T>::may_perform(who, duty)) {
				return Err(InvalidTransaction::BadSigner.into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}

#[cfg(test)]
pub(crate) mod testing {
	use super::*;
	use crate::mock::{AccountId, RuntimeCall, RuntimeOrigin, Test};
	use alloc::vec::Vec;
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::{
		traits::DispatchTransaction, transaction_validity::TransactionValidityError, StateVersion,
	};

	/// What [`CheckWorkerDuty`] says of `call` signed by `who`, checking that saying it changed
	/// no state.
	pub(crate) fn check(
		who: &AccountId,
		call: impl Into<RuntimeCall>,
	) -> Result<(), TransactionValidityError> {
		let call = call.into();
		let info = call.get_dispatch_info();
		let before = sp_io::storage::root(StateVersion::V1);
		let verdict = CheckWorkerDuty::<Test>::new()
			.validate_only(
				RuntimeOrigin::signed(who.clone()),
				&call,
				&info,
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ());
		assert_eq!(sp_io::storage::root(StateVersion::V1), before, "validation changed state");
		verdict
	}

	/// The refusal [`check`] gives a duty from outside its committee.
	pub(crate) fn refused() -> Result<(), TransactionValidityError> {
		Err(InvalidTransaction::BadSigner.into())
	}

	/// The pallet's duty calls decodable with every field zero (`testing_utils::smallest_calls`):
	/// each names job, epoch, round, key or request 0.
	pub(crate) fn zero_duties() -> Vec<(&'static str, Call<Test>)> {
		crate::testing_utils::smallest_calls::<Test>()
			.into_iter()
			.filter(|(_, call)| {
				matches!(
					call.duty(),
					Some(
						Duty::Job(0)
							| Duty::AdvanceJob(0) | Duty::BeaconEpoch(0)
							| Duty::BeaconRound(0)
							| Duty::Key(0) | Duty::SignRequest(0)
					)
				)
			})
			.collect()
	}
}
