//! # MPC pallet
//!
//! Verifiable multi-party computation jobs: parties who do not trust each other submit private
//! values, a committee of workers computes their sum without learning them, and the chain
//! verifies every step. The cryptography is [`mpc_primitives`], implementing the project's
//! `PROTOCOL.md` (protocol v1); this pallet is its on-chain half. It trusts no worker: it
//! verifies every key, complaint, result share and output itself.
//!
//! ## Overview
//!
//! - **Workers** register an encryption key `E` with a proof of possession and bond a deposit
//!   ([`Pallet::register_worker`]). A key registered by anyone is refused. A worker can rotate
//!   its key or leave while it sits in no active committee.
//! - A **job owner** creates a job ([`Pallet::create_job`]): committee size `n`, threshold `t`,
//!   dimension `d`, decimals, input window, input limits, an optional provider allowlist,
//!   metadata and a reward per worker. The pallet draws the committee from the registered
//!   workers, snapshots their keys and holds `n` rewards in escrow plus a storage deposit.
//! - **Data providers** submit one input each ([`Pallet::submit_input`]): `R`, the proof of
//!   knowledge of `r`, `t + 1` commitments and `n` share ciphertexts (PROTOCOL.md section 5).
//!   The pallet applies every acceptance rule, holds a deposit, stores what workers need and
//!   keeps the aggregate commitments `Ĉ_j` up to date.
//! - **Committee workers** may complain about an input ([`Pallet::complain`], section 7). The
//!   pallet checks the DLEQ proof, decrypts and checks the share itself, and either
//!   disqualifies the input (its deposit is forfeited) or records a fault against the worker
//!   (a penalty from its bond).
//! - Committee workers then submit result shares ([`Pallet::submit_result_share`], section 8).
//!   Each is checked against `Ĉ`; an invalid one is not counted and is a fault. With `t + 1`
//!   valid shares the pallet reconstructs the output, checks it against `Ĉ_0`, stores the
//!   result and tells [`Config::OnJobCompleted`]: this is how other pallets consume results.
//!
//! ## Lifecycle
//!
//! ```text
//!  create ──> Collecting ──(window end | max inputs | owner closes)──> Verifying
//!                 │                                                      │ complaint window end
//!                 ├─ cancel (no inputs) ─> Cancelled                     v
//!                 └─ too few inputs ──────> Failed <── too few ──── Computing
//!                                            ^                         │ t + 1 valid shares
//!                                            └─ compute deadline ──────┤
//!                                                                      v
//!                                                 Completed ── compute deadline ──> settled
//! ```
//!
//! Every transition is in [`Pallet::advance`]. Deadlines are kept in a per-block index and
//! processed in `on_initialize`, at most [`Config::MaxDeadlinesPerBlock`] per block.
//!
//! ## Money
//!
//! All money moves through `fungible` holds ([`HoldReason`]): the worker bond, the job escrow,
//! the job's storage deposit and each input's deposit. On completion each worker that
//! delivered a valid result share before the compute deadline is paid from the escrow; at the
//! compute deadline the rest returns to the owner. A failed or cancelled job returns the whole
//! escrow. Input deposits return when the job's bulky data is cleaned up, except those of
//! disqualified inputs, which are forfeited to [`Config::Slash`] like fault penalties. Apart
//! from that handler, no path creates or destroys funds.
//!
//! ## Storage life
//!
//! Ciphertexts and per-input data are removed after a job ends, at most
//! [`Config::CleanupBatch`] inputs per block. What stays is the proof-of-MPC record: the job,
//! its committee, the aggregate commitments, the accepted result shares and the result
//! ([`Pallet::proof_of_mpc`], re-verified with [`mpc_primitives::verify_output`]). The owner
//! removes it with [`Pallet::remove_job`] and gets the storage deposit back.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod crypto;
#[cfg(test)]
mod mock;
mod ocw;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		OnUnbalanced, Randomness,
	},
};
use frame_system::pallet_prelude::*;
use mpc_primitives::{
	judge_complaint, verify_possession, verify_submission, Commitment, ComplaintSubject,
	ComplaintVerdict, InputContext, JobShape, ParticipantIndex, ResultShare, Scalar,
	SubmissionError, SubmissionParts,
};
use sp_runtime::{
	traits::{Hash, Saturating, Zero},
	ArithmeticError,
};

/// Log target of everything this pallet and its worker log.
pub const LOG_TARGET: &str = "mpc";

/// The account type of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The block number type of a runtime.
pub type BlockNumberOf<T> = BlockNumberFor<T>;
/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<AccountIdOf<T>>>::Balance;
/// A negative imbalance (slashed funds) of the pallet's currency.
pub type CreditOf<T> = fungible::Credit<AccountIdOf<T>, <T as Config>::Currency>;

/// Consumers of results: how "privacy smart contracts" build on this pallet.
pub trait OnJobCompleted<AccountId> {
	/// Called once per job, right after its result is stored.
	fn on_job_completed(job_id: JobId, owner: &AccountId, values: &[Option<i128>], inputs: u32);
	/// The most weight `on_job_completed` uses; charged to the share that completes a job.
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl<AccountId> OnJobCompleted<AccountId> for () {
	fn on_job_completed(_: JobId, _: &AccountId, _: &[Option<i128>], _: u32) {}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::offchain::CreateSignedTransaction<Call<Self>>
		+ frame_system::Config<AccountId: AsRef<[u8; 32]>>
	{
		/// The worker key type the offchain worker signs with (see [`crate::crypto`]).
		type AuthorityId: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>;

		/// The currency bonds, escrows and deposits are held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may register as a worker (for example only validators); returns the account.
		type RegisterOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// Randomness for drawing committees when more workers are registered than a job needs.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Receives forfeited input deposits and fault penalties (burn, treasury, ...).
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Told about every completed job.
		type OnJobCompleted: OnJobCompleted<Self::AccountId>;

		/// The bond a worker holds while registered.
		#[pallet::constant]
		type WorkerBond: Get<BalanceOf<Self>>;

		/// Taken from a worker's bond for each fault (false complaint, invalid result share).
		#[pallet::constant]
		type FaultPenalty: Get<BalanceOf<Self>>;

		/// Deposit for an input, on top of the per-byte part.
		#[pallet::constant]
		type InputDepositBase: Get<BalanceOf<Self>>;

		/// Deposit per byte an input stores (its `R`, commitments and ciphertexts).
		#[pallet::constant]
		type InputDepositPerByte: Get<BalanceOf<Self>>;

		/// Deposit for a job's record, on top of the per-byte part.
		#[pallet::constant]
		type JobDepositBase: Get<BalanceOf<Self>>;

		/// Deposit per byte of a job's record (metadata, allowlist, committee, aggregate,
		/// result shares and result at their largest).
		#[pallet::constant]
		type JobDepositPerByte: Get<BalanceOf<Self>>;

		/// The most registered workers (bounds committee selection).
		#[pallet::constant]
		type MaxWorkers: Get<u32>;

		/// The largest committee `n`.
		#[pallet::constant]
		type MaxCommittee: Get<u32>;

		/// The largest dimension `d`.
		#[pallet::constant]
		type MaxDimension: Get<u32>;

		/// The most inputs a job takes.
		#[pallet::constant]
		type MaxInputsPerJob: Get<u32>;

		/// The longest metadata of a job, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The longest provider allowlist of a job.
		#[pallet::constant]
		type MaxAllowedProviders: Get<u32>;

		/// The longest input window, in blocks.
		#[pallet::constant]
		type MaxInputWindow: Get<BlockNumberFor<Self>>;

		/// How long committee workers may complain after collecting ends, in blocks.
		#[pallet::constant]
		type ComplaintWindow: Get<BlockNumberFor<Self>>;

		/// How long workers have to submit result shares, in blocks.
		#[pallet::constant]
		type ComputeWindow: Get<BlockNumberFor<Self>>;

		/// The most job deadlines that may fall in one block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// How many inputs of ended jobs are cleaned up per block.
		#[pallet::constant]
		type CleanupBatch: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A worker's bond.
		#[codec(index = 0)]
		WorkerBond,
		/// A job's rewards, held from its owner.
		#[codec(index = 1)]
		JobEscrow,
		/// A job's storage deposit, held from its owner.
		#[codec(index = 2)]
		JobDeposit,
		/// An input's storage deposit, held from its provider.
		#[codec(index = 3)]
		InputDeposit,
	}

	/// Registered workers. Set by `register_worker`, changed by `rotate_key`, removed by
	/// `deregister_worker`.
	#[pallet::storage]
	pub type Workers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, WorkerInfo<T>>;

	/// The owner of every registered key, so no key is registered twice.
	#[pallet::storage]
	pub type WorkerKeys<T: Config> = StorageMap<_, Identity, [u8; 32], T::AccountId>;

	/// Registered workers in registration order: the pool committees are drawn from.
	#[pallet::storage]
	pub type WorkerList<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxWorkers>, ValueQuery>;

	/// The jobs a worker sits in, with its 1-based index there; set when a job is created,
	/// removed when it ends. A worker with any entry may not rotate its key or leave.
	#[pallet::storage]
	pub type WorkerJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, u32>;

	/// The identifier of the next job.
	#[pallet::storage]
	pub type NextJobId<T: Config> = StorageValue<_, JobId, ValueQuery>;

	/// Jobs, from `create_job` until the owner's `remove_job`.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, Job<T>>;

	/// Each job's committee in order, keys snapshotted at creation. Lives as long as the job.
	#[pallet::storage]
	pub type Committees<T: Config> = StorageMap<
		_,
		Twox64Concat,
		JobId,
		BoundedVec<CommitteeMember<T>, T::MaxCommittee>,
		ValueQuery,
	>;

	/// Each job's aggregate commitments `Ĉ_0..Ĉ_t` over its qualified inputs: updated with
	/// every accepted input and disqualification. Lives as long as the job.
	#[pallet::storage]
	pub type Aggregates<T: Config> = StorageMap<_, Twox64Concat, JobId, Commitments<T>, ValueQuery>;

	/// Accepted inputs; removed by the cleanup after the job ends.
	#[pallet::storage]
	pub type Inputs<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Twox64Concat, InputIndex, InputRecord<T>>;

	/// Share ciphertexts by job, input and 1-based worker index, so each worker reads only its
	/// own; removed by the cleanup after the job ends.
	#[pallet::storage]
	pub type Ciphertexts<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, JobId>,
			NMapKey<Twox64Concat, InputIndex>,
			NMapKey<Twox64Concat, u32>,
		),
		Ciphertext<T>,
	>;

	/// Which input an account submitted to a job (one per account); removed by the cleanup.
	#[pallet::storage]
	pub type InputOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, InputIndex>;

	/// Every `R` used in a job, so none is used twice; removed by the cleanup.
	#[pallet::storage]
	pub type EphemeralKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Identity, [u8; 32], InputIndex>;

	/// Inputs of a job disqualified by complaints. Lives as long as the job.
	#[pallet::storage]
	pub type Disqualified<T: Config> =
		StorageMap<_, Twox64Concat, JobId, BoundedVec<InputIndex, T::MaxInputsPerJob>, ValueQuery>;

	/// Accepted result shares by job and 1-based worker index. Lives as long as the job.
	#[pallet::storage]
	pub type ResultShares<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Twox64Concat, u32, StoredResultShare<T>>;

	/// Verified results. Lives as long as the job.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, JobId, JobResult<T>>;

	/// Jobs whose current phase ends at a block. Filled when a phase starts, taken in that
	/// block's `on_initialize`.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// Ended jobs whose inputs are still to be cleaned up, with the next input to clean.
	#[pallet::storage]
	pub type Cleanup<T: Config> = StorageMap<_, Twox64Concat, JobId, InputIndex>;

	/// Workers registered at genesis, without a proof of possession (the genesis hash is not
	/// known yet when genesis is built).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, encryption key E)` of each worker; each account must hold the bond.
		pub workers: Vec<(T::AccountId, [u8; 32])>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (account, key) in &self.workers {
				let key = mpc_primitives::EncryptionKey::from_bytes(key)
					.expect("genesis worker keys must be valid, non-identity points");
				Pallet::<T>::do_register(account.clone(), key)
					.expect("genesis workers must be unique, fundable and within MaxWorkers");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A worker registered its key and bonded.
		WorkerRegistered { worker: T::AccountId, key: [u8; 32] },
		/// A worker changed its key.
		WorkerKeyRotated { worker: T::AccountId, key: [u8; 32] },
		/// A worker left; its bond was released.
		WorkerDeregistered { worker: T::AccountId },
		/// A job was created with this committee.
		JobCreated { job_id: JobId, owner: T::AccountId, committee: Vec<T::AccountId> },
		/// The owner cancelled a job.
		JobCancelled { job_id: JobId },
		/// A job stopped collecting inputs; complaints are open until the deadline.
		InputsClosed { job_id: JobId, inputs: u32, complaints_until: BlockNumberFor<T> },
		/// An input was accepted.
		InputSubmitted { job_id: JobId, index: InputIndex, provider: T::AccountId },
		/// A complaint proved a share bad: the input no longer counts, its deposit is forfeited.
		InputDisqualified { job_id: JobId, index: InputIndex, worker: u32 },
		/// A complaint was false: the share was good. The worker is at fault.
		ComplaintRejected { job_id: JobId, index: InputIndex, worker: u32 },
		/// A worker's fault was recorded and `penalty` taken from its bond.
		WorkerFaulted { worker: T::AccountId, job_id: JobId, penalty: BalanceOf<T> },
		/// Complaints closed; workers now submit result shares until the deadline.
		ComputationStarted { job_id: JobId, qualified_inputs: u32, until: BlockNumberFor<T> },
		/// A valid result share was accepted.
		ResultShareAccepted { job_id: JobId, worker: u32 },
		/// A result share did not verify and was not counted.
		ResultShareRejected { job_id: JobId, worker: u32 },
		/// The output was reconstructed and verified.
		JobCompleted { job_id: JobId, values: Vec<Option<i128>>, qualified_inputs: u32 },
		/// A worker was paid its reward.
		WorkerPaid { job_id: JobId, worker: T::AccountId, amount: BalanceOf<T> },
		/// A job failed; escrow and deposits are returned.
		JobFailed { job_id: JobId, reason: FailureReason },
		/// A completed job settled: what was not paid returned to the owner.
		JobSettled { job_id: JobId, refunded: BalanceOf<T> },
		/// An ended job's inputs were all cleaned up and their deposits settled.
		JobCleanedUp { job_id: JobId },
		/// The owner removed an ended job's record and got its deposit back.
		JobRemoved { job_id: JobId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered worker.
		NotRegistered,
		/// The account is already a registered worker.
		AlreadyRegistered,
		/// The key is already registered by some worker.
		KeyInUse,
		/// The key is not a canonical, non-identity ristretto255 point.
		InvalidKey,
		/// The proof of possession of the key does not verify for this account and chain.
		InvalidPossessionProof,
		/// The worker pool is full (`MaxWorkers`).
		TooManyWorkers,
		/// The worker sits in the committee of a job that has not ended.
		WorkerBusy,
		/// The threshold does not satisfy `1 <= t < n`.
		InvalidThreshold,
		/// The committee is larger than `MaxCommittee`.
		CommitteeTooLarge,
		/// Fewer workers are registered than the committee needs.
		NotEnoughWorkers,
		/// The dimension is zero or larger than `MaxDimension`.
		InvalidDimension,
		/// The input window is zero or longer than `MaxInputWindow`.
		InvalidInputWindow,
		/// `1 <= min_inputs <= max_inputs <= MaxInputsPerJob` does not hold.
		InvalidInputLimits,
		/// More than 38 decimals.
		InvalidDecimals,
		/// No room left in the deadline index for this block.
		DeadlineQueueFull,
		/// No job with this identifier.
		UnknownJob,
		/// Only the job's owner may do this.
		NotJobOwner,
		/// The job is not collecting inputs.
		NotCollecting,
		/// The job already has inputs, so it can no longer be cancelled.
		HasInputs,
		/// The job has fewer inputs than its minimum.
		TooFewInputs,
		/// The account may not submit inputs to this job (allowlist).
		ProviderNotAllowed,
		/// The account already submitted an input to this job.
		AlreadySubmitted,
		/// Not exactly `t + 1` commitments.
		WrongCommitmentCount,
		/// A commitment is not a canonical point encoding.
		BadCommitmentEncoding,
		/// Not exactly `n` ciphertexts.
		WrongCiphertextCount,
		/// A ciphertext is not `32 (d + 1) + 16` bytes.
		BadCiphertextLength,
		/// `R` is not a canonical point encoding.
		BadEphemeralKeyEncoding,
		/// `R` is the identity.
		IdentityEphemeralKey,
		/// The proof of knowledge of `r` does not verify.
		InvalidDealingProof,
		/// An earlier input to this job used the same `R`.
		RepeatedEphemeralKey,
		/// The account is not in this job's committee.
		NotInCommittee,
		/// Complaints are only taken while collecting and verifying.
		ComplaintWindowClosed,
		/// No input with this index in this job.
		UnknownInput,
		/// The input is already disqualified.
		AlreadyDisqualified,
		/// The complaint's `K` or proof is not canonically encoded.
		MalformedComplaint,
		/// The complaint's DLEQ proof does not verify.
		InvalidComplaintProof,
		/// Result shares are only taken while computing (and, once completed, until the
		/// compute deadline).
		NotComputing,
		/// The worker already submitted a valid result share to this job.
		ResultShareAlreadySubmitted,
		/// A result share value is not a canonical scalar.
		MalformedResultShare,
		/// A result share does not have `d` values.
		WrongDimension,
		/// The job has not ended yet.
		JobNotEnded,
		/// The job's inputs are still being cleaned up.
		CleanupPending,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Runs this node's MPC workers: every `mpcw` key in the keystore acts for its jobs.
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_offchain_worker(now);
		}

		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let deadlines = Deadlines::<T>::take(now);
			let mut weight = T::WeightInfo::on_initialize_deadlines(deadlines.len() as u32);
			for job_id in deadlines {
				Self::on_deadline(job_id, now);
			}
			weight.saturating_accrue(Self::cleanup(T::CleanupBatch::get()));
			weight
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the caller as a worker with encryption key `key` and its proof of
		/// possession (PROTOCOL.md section 3), holding [`Config::WorkerBond`].
		///
		/// Origin: [`Config::RegisterOrigin`]. Emits `WorkerRegistered`.
		/// Errors: `AlreadyRegistered`, `InvalidKey`, `KeyInUse`, `InvalidPossessionProof`,
		/// `TooManyWorkers`, or the hold's error. Complexity: O(`MaxWorkers`) to append to
		/// the pool.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_worker())]
		pub fn register_worker(
			origin: OriginFor<T>,
			key: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResult {
			let who = T::RegisterOrigin::ensure_origin(origin)?;
			ensure!(!Workers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			let key = Self::check_new_key(&who, &key, &proof)?;
			Self::do_register(who, key)
		}

		/// Replaces the caller's key (with a proof of possession of the new one). Only while
		/// the worker sits in no active committee.
		///
		/// Origin: a registered worker. Emits `WorkerKeyRotated`.
		/// Errors: `NotRegistered`, `WorkerBusy`, `InvalidKey`, `KeyInUse`,
		/// `InvalidPossessionProof`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rotate_key())]
		pub fn rotate_key(origin: OriginFor<T>, key: [u8; 32], proof: [u8; 64]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Workers::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
			ensure!(!Self::is_busy(&who), Error::<T>::WorkerBusy);
			let key = Self::check_new_key(&who, &key, &proof)?;
			WorkerKeys::<T>::remove(info.key.as_bytes());
			WorkerKeys::<T>::insert(key.as_bytes(), &who);
			info.key = key;
			info.since = frame_system::Pallet::<T>::block_number();
			Workers::<T>::insert(&who, info);
			Self::deposit_event(Event::WorkerKeyRotated { worker: who, key: key.to_bytes() });
			Ok(())
		}

		/// Leaves the worker pool and releases the bond. Only while the worker sits in no
		/// active committee.
		///
		/// Origin: a registered worker. Emits `WorkerDeregistered`.
		/// Errors: `NotRegistered`, `WorkerBusy`. Complexity: O(`MaxWorkers`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deregister_worker())]
		pub fn deregister_worker(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Workers::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
			ensure!(!Self::is_busy(&who), Error::<T>::WorkerBusy);
			Workers::<T>::remove(&who);
			WorkerKeys::<T>::remove(info.key.as_bytes());
			WorkerList::<T>::mutate(|list| list.retain(|a| a != &who));
			T::Currency::release(
				&HoldReason::WorkerBond.into(),
				&who,
				info.bond,
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::WorkerDeregistered { worker: who });
			Ok(())
		}

		/// Creates a job: draws a committee of `n` from the registered workers, snapshots
		/// their keys, and holds `n * reward_per_worker` in escrow plus the record deposit.
		///
		/// Origin: signed (the owner). Emits `JobCreated`.
		/// Errors: `InvalidThreshold`, `CommitteeTooLarge`, `NotEnoughWorkers`,
		/// `InvalidDimension`, `InvalidInputWindow`, `InvalidInputLimits`, `InvalidDecimals`,
		/// `DeadlineQueueFull`, arithmetic overflow, or a hold's error.
		/// Complexity: O(`n` + `MaxWorkers`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::create_job(spec.committee_size.min(T::MaxCommittee::get())))]
		pub fn create_job(origin: OriginFor<T>, spec: JobSpec<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_create_job(owner, spec).map(|_| ())
		}

		/// Cancels a job that has no inputs yet; escrow and deposit return to the owner.
		///
		/// Origin: the job's owner. Emits `JobCancelled`.
		/// Errors: `UnknownJob`, `NotJobOwner`, `NotCollecting`, `HasInputs`.
		/// Complexity: O(`n`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_job(T::MaxCommittee::get()))]
		pub fn cancel_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
			ensure!(job.owner == who, Error::<T>::NotJobOwner);
			ensure!(job.phase == JobPhase::Collecting, Error::<T>::NotCollecting);
			ensure!(job.input_count == 0, Error::<T>::HasInputs);
			let now = frame_system::Pallet::<T>::block_number();
			Self::advance(job_id, &mut job, Trigger::Cancel, now)
		}

		/// Ends collecting early, once the job has at least `min_inputs` inputs.
		///
		/// Origin: the job's owner. Emits `InputsClosed`.
		/// Errors: `UnknownJob`, `NotJobOwner`, `NotCollecting`, `TooFewInputs`,
		/// `DeadlineQueueFull`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::close_inputs())]
		pub fn close_inputs(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
			ensure!(job.owner == who, Error::<T>::NotJobOwner);
			ensure!(job.phase == JobPhase::Collecting, Error::<T>::NotCollecting);
			ensure!(job.input_count >= job.min_inputs, Error::<T>::TooFewInputs);
			let now = frame_system::Pallet::<T>::block_number();
			Self::advance(job_id, &mut job, Trigger::InputsClosed, now)
		}

		/// Submits the caller's private input to a job (PROTOCOL.md section 5): `R`, the proof
		/// of knowledge of `r`, `C_0..C_t` and `ct_1..ct_n`, made with
		/// `mpc_primitives::deal`.
		///
		/// Origin: signed (the provider). Emits `InputSubmitted`, and `InputsClosed` when the
		/// job reaches `max_inputs`.
		/// Errors: `UnknownJob`, `NotCollecting`, `ProviderNotAllowed`, `AlreadySubmitted`,
		/// the acceptance errors (`WrongCommitmentCount`, `BadCommitmentEncoding`,
		/// `WrongCiphertextCount`, `BadCiphertextLength`, `BadEphemeralKeyEncoding`,
		/// `IdentityEphemeralKey`, `InvalidDealingProof`, `RepeatedEphemeralKey`) or the
		/// deposit hold's error. Complexity: O(`n` + `t`) for the proof, `n` ciphertext writes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_input(ciphertexts.len() as u32))]
		pub fn submit_input(
			origin: OriginFor<T>,
			job_id: JobId,
			ephemeral_key: [u8; 32],
			proof: [u8; 64],
			commitments: RawCommitments<T>,
			ciphertexts: CiphertextList<T>,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_submit_input(provider, job_id, ephemeral_key, proof, commitments, ciphertexts)
		}

		/// A committee worker complains that its share of an input is bad (PROTOCOL.md
		/// section 7), revealing `K_i` with a DLEQ proof. The pallet decides: a bad share
		/// disqualifies the input (its deposit is forfeited); a good one makes the complaint
		/// false and the worker at fault. Honest complaints are free.
		///
		/// Origin: a member of the job's committee. Emits `InputDisqualified` or
		/// `ComplaintRejected` with `WorkerFaulted`.
		/// Errors: `UnknownJob`, `NotInCommittee`, `ComplaintWindowClosed`, `UnknownInput`,
		/// `AlreadyDisqualified`, `MalformedComplaint`, `InvalidComplaintProof`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::complain(T::MaxCommittee::get()))]
		pub fn complain(
			origin: OriginFor<T>,
			job_id: JobId,
			input: InputIndex,
			shared_key: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_complain(who, job_id, input, shared_key, proof)
		}

		/// A committee worker submits its result share `(S_i, U_i)` (PROTOCOL.md section 8).
		/// A valid share is stored (and, once the job completes, paid); the `t + 1`-th valid
		/// share completes the job. An invalid share is not counted and is a fault. Valid
		/// shares are free.
		///
		/// Origin: a member of the job's committee. Emits `ResultShareAccepted` (and
		/// `JobCompleted`, `WorkerPaid`) or `ResultShareRejected` with `WorkerFaulted`.
		/// Errors: `UnknownJob`, `NotInCommittee`, `NotComputing`,
		/// `ResultShareAlreadySubmitted`, `WrongDimension`, `MalformedResultShare`.
		#[pallet::call_index(8)]
		#[pallet::weight(
			T::WeightInfo::submit_result_share(T::MaxCommittee::get())
				.saturating_add(<T::OnJobCompleted as OnJobCompleted<T::AccountId>>::weight())
		)]
		pub fn submit_result_share(
			origin: OriginFor<T>,
			job_id: JobId,
			values: RawResultValues<T>,
			blinding: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_result_share(who, job_id, values, blinding)
		}

		/// Removes an ended job's record and releases its storage deposit.
		///
		/// Origin: the job's owner. Emits `JobRemoved`.
		/// Errors: `UnknownJob`, `NotJobOwner`, `JobNotEnded`, `CleanupPending`.
		/// Complexity: O(`n`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_job(T::MaxCommittee::get()))]
		pub fn remove_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
			ensure!(job.owner == who, Error::<T>::NotJobOwner);
			ensure!(Self::has_ended(&job), Error::<T>::JobNotEnded);
			ensure!(!Cleanup::<T>::contains_key(job_id), Error::<T>::CleanupPending);
			Jobs::<T>::remove(job_id);
			Committees::<T>::remove(job_id);
			Aggregates::<T>::remove(job_id);
			Disqualified::<T>::remove(job_id);
			Results::<T>::remove(job_id);
			let _ = ResultShares::<T>::clear_prefix(job_id, job.shape.n(), None);
			T::Currency::release(
				&HoldReason::JobDeposit.into(),
				&who,
				job.deposit,
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::JobRemoved { job_id });
			Ok(())
		}
	}
}

/// The worker key is a session key of the runtime, so `--dev`/`--alice` and `author_rotateKeys`
/// put one in the keystore.
impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = crypto::Public;
}

/// What moves a job from one phase to the next (see [`Pallet::advance`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
	/// The current phase's deadline arrived.
	Deadline,
	/// Collecting ended early: the owner closed it or `max_inputs` was reached.
	InputsClosed,
	/// The `t + 1`-th valid result share arrived.
	ThresholdReached,
	/// The owner cancelled.
	Cancel,
}

impl<T: Config> Pallet<T> {
	/// Every phase transition of a job, in one place. Writes the job back.
	pub fn advance(
		job_id: JobId,
		job: &mut Job<T>,
		trigger: Trigger,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let old_deadline = job.deadline;
		match (job.phase, trigger) {
			(JobPhase::Collecting, Trigger::Cancel) => {
				job.phase = JobPhase::Cancelled;
				Self::unschedule(old_deadline, job_id);
				Self::end_job(job_id, job, now);
				Self::deposit_event(Event::JobCancelled { job_id });
			}
			(JobPhase::Collecting, Trigger::Deadline | Trigger::InputsClosed) => {
				job.timeline.inputs_closed = Some(now);
				if job.input_count < job.min_inputs {
					return Self::fail(job_id, job, FailureReason::TooFewInputs, now);
				}
				if trigger == Trigger::InputsClosed {
					Self::unschedule(old_deadline, job_id);
				}
				let until = now.saturating_add(T::ComplaintWindow::get());
				job.phase = JobPhase::Verifying;
				job.deadline = Self::schedule(until, job_id)?;
				Self::deposit_event(Event::InputsClosed {
					job_id,
					inputs: job.input_count,
					complaints_until: job.deadline,
				});
			}
			(JobPhase::Verifying, Trigger::Deadline) => {
				job.timeline.computing_started = Some(now);
				if job.qualified_count < job.min_inputs {
					return Self::fail(job_id, job, FailureReason::TooFewInputs, now);
				}
				let until = now.saturating_add(T::ComputeWindow::get());
				job.phase = JobPhase::Computing;
				job.deadline = Self::schedule(until, job_id)?;
				Self::deposit_event(Event::ComputationStarted {
					job_id,
					qualified_inputs: job.qualified_count,
					until: job.deadline,
				});
			}
			(JobPhase::Computing, Trigger::ThresholdReached) => {
				job.phase = JobPhase::Completed;
				job.timeline.completed = Some(now);
				// The compute deadline stays: that is when the job settles.
			}
			(JobPhase::Computing, Trigger::Deadline) => {
				return Self::fail(job_id, job, FailureReason::NotEnoughResultShares, now);
			}
			(JobPhase::Completed, Trigger::Deadline) => {
				let refunded = job.escrow;
				Self::end_job(job_id, job, now);
				Self::deposit_event(Event::JobSettled { job_id, refunded });
			}
			(phase, trigger) => {
				defensive!("unexpected job transition", (job_id, phase, trigger));
				return Ok(());
			}
		}
		Jobs::<T>::insert(job_id, &*job);
		Ok(())
	}

	fn fail(
		job_id: JobId,
		job: &mut Job<T>,
		reason: FailureReason,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::unschedule(job.deadline, job_id);
		job.phase = JobPhase::Failed(reason);
		Self::end_job(job_id, job, now);
		Jobs::<T>::insert(job_id, &*job);
		Self::deposit_event(Event::JobFailed { job_id, reason });
		log::info!(target: LOG_TARGET, "job {job_id} failed: {reason:?}");
		Ok(())
	}

	/// Ends a job: the remaining escrow returns to the owner, the committee is freed and the
	/// inputs are queued for cleanup. The caller stores the job.
	fn end_job(job_id: JobId, job: &mut Job<T>, now: BlockNumberFor<T>) {
		if !job.escrow.is_zero() {
			if let Err(e) = T::Currency::release(
				&HoldReason::JobEscrow.into(),
				&job.owner,
				job.escrow,
				Precision::BestEffort,
			) {
				defensive!("escrow release failed", e);
			}
			job.escrow = Zero::zero();
		}
		job.settled = true;
		job.timeline.ended = Some(now);
		for member in Committees::<T>::get(job_id) {
			WorkerJobs::<T>::remove(&member.account, job_id);
		}
		if job.input_count > 0 {
			Cleanup::<T>::insert(job_id, 0);
		}
	}

	/// Whether a job has ended (settled, failed or cancelled).
	pub fn has_ended(job: &Job<T>) -> bool {
		job.settled
	}

	fn on_deadline(job_id: JobId, now: BlockNumberFor<T>) {
		let Some(mut job) = Jobs::<T>::get(job_id) else { return };
		if job.deadline != now || job.settled {
			return;
		}
		if let Err(e) = Self::advance(job_id, &mut job, Trigger::Deadline, now) {
			// Only scheduling can fail here; the job keeps its phase and a later call (or
			// the owner) cannot move it, so record it loudly.
			log::error!(target: LOG_TARGET, "job {job_id}: deadline transition failed: {e:?}");
		}
	}

	/// Puts `job_id` in the deadline index at `at`, or the next block with room (up to 16
	/// blocks later). Returns the block used.
	fn schedule(at: BlockNumberFor<T>, job_id: JobId) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut block = at;
		for _ in 0..16 {
			let pushed = Deadlines::<T>::mutate(block, |list| list.try_push(job_id).is_ok());
			if pushed {
				return Ok(block);
			}
			block = block.saturating_add(1u32.into());
		}
		Err(Error::<T>::DeadlineQueueFull.into())
	}

	fn unschedule(at: BlockNumberFor<T>, job_id: JobId) {
		Deadlines::<T>::mutate_exists(at, |list| {
			if let Some(l) = list {
				l.retain(|j| *j != job_id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	/// Cleans up to `budget` inputs of ended jobs: returns qualified inputs' deposits and
	/// removes their data. Returns the weight used.
	fn cleanup(budget: u32) -> Weight {
		let mut weight = T::DbWeight::get().reads(1);
		let mut left = budget;
		while left > 0 {
			let Some((job_id, next)) = Cleanup::<T>::iter().next() else { break };
			let (input_count, n) = match Jobs::<T>::get(job_id) {
				Some(job) => (job.input_count, job.shape.n()),
				None => (0, 0),
			};
			let mut index = next;
			while left > 0 && index < input_count {
				Self::cleanup_input(job_id, index, n);
				weight.saturating_accrue(T::WeightInfo::cleanup_input(n));
				index = index.saturating_add(1);
				left = left.saturating_sub(1);
			}
			if index >= input_count {
				Cleanup::<T>::remove(job_id);
				Self::deposit_event(Event::JobCleanedUp { job_id });
			} else {
				Cleanup::<T>::insert(job_id, index);
			}
			weight.saturating_accrue(T::DbWeight::get().reads_writes(2, 1));
		}
		weight
	}

	fn cleanup_input(job_id: JobId, index: InputIndex, n: u32) {
		let Some(input) = Inputs::<T>::take(job_id, index) else { return };
		if input.qualified && !input.deposit.is_zero() {
			if let Err(e) = T::Currency::release(
				&HoldReason::InputDeposit.into(),
				&input.provider,
				input.deposit,
				Precision::BestEffort,
			) {
				defensive!("input deposit release failed", e);
			}
		}
		let _ = Ciphertexts::<T>::clear_prefix((job_id, index), n, None);
		InputOf::<T>::remove(job_id, &input.provider);
		EphemeralKeys::<T>::remove(job_id, input.ephemeral_key.as_bytes());
	}

	fn is_busy(who: &T::AccountId) -> bool {
		WorkerJobs::<T>::iter_prefix(who).next().is_some()
	}

	/// The chain's genesis hash, as the protocol's `genesis`.
	pub fn genesis_hash() -> [u8; 32] {
		let hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let mut out = [0u8; 32];
		let bytes = hash.as_ref();
		let len = bytes.len().min(32);
		out[..len].copy_from_slice(&bytes[..len]);
		out
	}

	fn check_new_key(
		who: &T::AccountId,
		key: &[u8; 32],
		proof: &[u8; 64],
	) -> Result<mpc_primitives::EncryptionKey, DispatchError> {
		let decoded =
			mpc_primitives::EncryptionKey::from_bytes(key).map_err(|_| Error::<T>::InvalidKey)?;
		ensure!(!WorkerKeys::<T>::contains_key(key), Error::<T>::KeyInUse);
		verify_possession(&Self::genesis_hash(), who.as_ref(), key, proof)
			.map_err(|_| Error::<T>::InvalidPossessionProof)?;
		Ok(decoded)
	}

	pub(crate) fn do_register(
		who: T::AccountId,
		key: mpc_primitives::EncryptionKey,
	) -> DispatchResult {
		ensure!(!Workers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!WorkerKeys::<T>::contains_key(key.as_bytes()), Error::<T>::KeyInUse);
		let mut list = WorkerList::<T>::get();
		list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyWorkers)?;
		let bond = T::WorkerBond::get();
		T::Currency::hold(&HoldReason::WorkerBond.into(), &who, bond)?;
		WorkerList::<T>::put(list);
		WorkerKeys::<T>::insert(key.as_bytes(), &who);
		Workers::<T>::insert(
			&who,
			WorkerInfo { key, bond, faults: 0, since: frame_system::Pallet::<T>::block_number() },
		);
		Self::deposit_event(Event::WorkerRegistered { worker: who, key: key.to_bytes() });
		Ok(())
	}

	/// The deposit for a job's record at its largest.
	pub fn job_deposit(spec: &JobSpec<T>) -> BalanceOf<T> {
		let n = spec.committee_size as usize;
		let t1 = spec.threshold as usize + 1;
		let d = spec.dimension as usize;
		let allowlist = spec.allowed_providers.as_ref().map_or(0, |a| a.len() * 32);
		let bytes = spec.metadata.len() +
			allowlist + n * 64 + // committee: account and key
			t1 * 32 + // aggregate commitments
			n * (32 * (d + 1) + 1) + // result shares
			d * (2 * 17 + 32) + 32 + // result
			256; // the job itself
		let bytes: BalanceOf<T> = (bytes as u32).into();
		T::JobDepositBase::get().saturating_add(T::JobDepositPerByte::get().saturating_mul(bytes))
	}

	/// The deposit for one input of a job of this shape.
	pub fn input_deposit(shape: &JobShape) -> BalanceOf<T> {
		let bytes = 32 + // R
			32 * (shape.t() as usize + 1) + // commitments
			shape.n() as usize * shape.ciphertext_len() + // ciphertexts
			96; // provider, index, R index
		let bytes: BalanceOf<T> = (bytes as u32).into();
		T::InputDepositBase::get()
			.saturating_add(T::InputDepositPerByte::get().saturating_mul(bytes))
	}

	pub(crate) fn do_create_job(
		owner: T::AccountId,
		spec: JobSpec<T>,
	) -> Result<JobId, DispatchError> {
		let n = spec.committee_size;
		ensure!(spec.threshold >= 1 && spec.threshold < n, Error::<T>::InvalidThreshold);
		ensure!(n <= T::MaxCommittee::get(), Error::<T>::CommitteeTooLarge);
		ensure!(
			spec.dimension >= 1 && spec.dimension <= T::MaxDimension::get(),
			Error::<T>::InvalidDimension
		);
		ensure!(
			!spec.input_window.is_zero() && spec.input_window <= T::MaxInputWindow::get(),
			Error::<T>::InvalidInputWindow
		);
		ensure!(
			spec.min_inputs >= 1
				&& spec.min_inputs <= spec.max_inputs
				&& spec.max_inputs <= T::MaxInputsPerJob::get(),
			Error::<T>::InvalidInputLimits
		);
		ensure!(spec.decimals <= 38, Error::<T>::InvalidDecimals);
		let shape = JobShape::new(n, spec.threshold, spec.dimension).map_err(|e| match e {
			mpc_primitives::Error::InvalidDimension => Error::<T>::InvalidDimension,
			_ => Error::<T>::InvalidThreshold,
		})?;
		let pool = WorkerList::<T>::get();
		ensure!(pool.len() >= n as usize, Error::<T>::NotEnoughWorkers);

		let job_id = NextJobId::<T>::get();
		let committee = Self::draw_committee(job_id, &pool, n)?;
		let escrow = spec
			.reward_per_worker
			.checked_mul(&BalanceOf::<T>::from(n))
			.ok_or(ArithmeticError::Overflow)?;
		let deposit = Self::job_deposit(&spec);
		let now = frame_system::Pallet::<T>::block_number();
		let input_end = now.saturating_add(spec.input_window);

		// Everything checked; now write.
		T::Currency::hold(&HoldReason::JobEscrow.into(), &owner, escrow)?;
		T::Currency::hold(&HoldReason::JobDeposit.into(), &owner, deposit)?;
		let deadline = Self::schedule(input_end, job_id)?;
		NextJobId::<T>::put(job_id.saturating_add(1));
		for (i, member) in committee.iter().enumerate() {
			WorkerJobs::<T>::insert(&member.account, job_id, i as u32 + 1);
		}
		let accounts = committee.iter().map(|m| m.account.clone()).collect();
		Committees::<T>::insert(job_id, committee);
		let identity: Vec<Commitment> =
			(0..=spec.threshold).map(|_| Commitment::identity()).collect();
		Aggregates::<T>::insert(
			job_id,
			Commitments::<T>::try_from(identity).map_err(|_| Error::<T>::CommitteeTooLarge)?,
		);
		Jobs::<T>::insert(
			job_id,
			Job {
				owner: owner.clone(),
				shape,
				decimals: spec.decimals,
				max_inputs: spec.max_inputs,
				min_inputs: spec.min_inputs,
				allowed_providers: spec.allowed_providers,
				metadata: spec.metadata,
				reward_per_worker: spec.reward_per_worker,
				escrow,
				deposit,
				phase: JobPhase::Collecting,
				deadline,
				timeline: Timeline { created: now, ..Default::default() },
				input_count: 0,
				qualified_count: 0,
				inputs_digest: [0u8; 32],
				valid_shares: 0,
				settled: false,
			},
		);
		Self::deposit_event(Event::JobCreated { job_id, owner, committee: accounts });
		log::info!(target: LOG_TARGET, "job {job_id} created: n={n} t={} d={}", spec.threshold, spec.dimension);
		Ok(job_id)
	}

	/// Draws `n` distinct workers: the whole pool in order when it has exactly `n`, otherwise
	/// a partial Fisher-Yates shuffle seeded by the runtime's randomness and the job id.
	fn draw_committee(
		job_id: JobId,
		pool: &[T::AccountId],
		n: u32,
	) -> Result<BoundedVec<CommitteeMember<T>, T::MaxCommittee>, DispatchError> {
		let mut order: Vec<T::AccountId> = pool.to_vec();
		if order.len() > n as usize {
			let (seed, _) = T::Randomness::random(&(b"mpc/committee", job_id).encode());
			let len = order.len();
			for k in 0..n as usize {
				let h = T::Hashing::hash_of(&(seed, k as u32));
				let bytes = h.as_ref();
				let mut word = [0u8; 8];
				let take = bytes.len().min(8);
				word[..take].copy_from_slice(&bytes[..take]);
				let pick = k + (u64::from_le_bytes(word) % (len - k) as u64) as usize;
				order.swap(k, pick);
			}
			order.truncate(n as usize);
		}
		let members = order
			.into_iter()
			.map(|account| {
				let info = Workers::<T>::get(&account).ok_or(Error::<T>::NotRegistered)?;
				Ok(CommitteeMember { account, key: info.key })
			})
			.collect::<Result<Vec<_>, DispatchError>>()?;
		BoundedVec::try_from(members).map_err(|_| Error::<T>::CommitteeTooLarge.into())
	}

	fn submission_error(e: SubmissionError) -> Error<T> {
		match e {
			SubmissionError::WrongCommitmentCount => Error::<T>::WrongCommitmentCount,
			SubmissionError::BadCommitmentEncoding { .. } => Error::<T>::BadCommitmentEncoding,
			SubmissionError::WrongCiphertextCount => Error::<T>::WrongCiphertextCount,
			SubmissionError::BadCiphertextLength { .. } => Error::<T>::BadCiphertextLength,
			SubmissionError::BadEphemeralKeyEncoding => Error::<T>::BadEphemeralKeyEncoding,
			SubmissionError::IdentityEphemeralKey => Error::<T>::IdentityEphemeralKey,
			SubmissionError::RepeatedEphemeralKey => Error::<T>::RepeatedEphemeralKey,
			_ => Error::<T>::InvalidDealingProof,
		}
	}

	pub(crate) fn do_submit_input(
		provider: T::AccountId,
		job_id: JobId,
		ephemeral_key: [u8; 32],
		proof: [u8; 64],
		commitments: RawCommitments<T>,
		ciphertexts: CiphertextList<T>,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(job.phase == JobPhase::Collecting && now < job.deadline, Error::<T>::NotCollecting);
		if let Some(allowed) = &job.allowed_providers {
			ensure!(allowed.contains(&provider), Error::<T>::ProviderNotAllowed);
		}
		ensure!(!InputOf::<T>::contains_key(job_id, &provider), Error::<T>::AlreadySubmitted);
		let ctx = InputContext::new(Self::genesis_hash(), job_id, *provider.as_ref());
		let parts = SubmissionParts {
			ephemeral_key: &ephemeral_key,
			proof: &proof,
			commitments: &commitments,
			ciphertexts: &ciphertexts,
		};
		let accepted = verify_submission(&ctx, job.shape, parts, |r| {
			EphemeralKeys::<T>::contains_key(job_id, r.as_bytes())
		})
		.map_err(Self::submission_error)?;
		let input_commitments = Commitments::<T>::try_from(accepted.commitments)
			.map_err(|_| Error::<T>::WrongCommitmentCount)?;
		let mut aggregate = Aggregates::<T>::get(job_id).into_inner();
		mpc_primitives::pedersen::add_commitments(&mut aggregate, &input_commitments)
			.map_err(|_| Error::<T>::WrongCommitmentCount)?;
		let aggregate = Commitments::<T>::truncate_from(aggregate);

		// Everything checked; now write.
		let deposit = Self::input_deposit(&job.shape);
		T::Currency::hold(&HoldReason::InputDeposit.into(), &provider, deposit)?;
		let index = job.input_count;
		for (w, ct) in ciphertexts.into_iter().enumerate() {
			Ciphertexts::<T>::insert((job_id, index, w as u32 + 1), ct);
		}
		job.inputs_digest = Self::next_digest(&job.inputs_digest, index, &provider, &commitments);
		InputOf::<T>::insert(job_id, &provider, index);
		EphemeralKeys::<T>::insert(job_id, ephemeral_key, index);
		Inputs::<T>::insert(
			job_id,
			index,
			InputRecord {
				provider: provider.clone(),
				ephemeral_key: accepted.ephemeral_key,
				commitments: input_commitments,
				deposit,
				qualified: true,
			},
		);
		Aggregates::<T>::insert(job_id, aggregate);
		job.input_count = job.input_count.saturating_add(1);
		job.qualified_count = job.qualified_count.saturating_add(1);
		Self::deposit_event(Event::InputSubmitted { job_id, index, provider });
		if job.input_count >= job.max_inputs {
			Self::advance(job_id, &mut job, Trigger::InputsClosed, now)
		} else {
			Jobs::<T>::insert(job_id, job);
			Ok(())
		}
	}

	fn next_digest(
		previous: &[u8; 32],
		index: InputIndex,
		provider: &T::AccountId,
		commitments: &[[u8; 32]],
	) -> [u8; 32] {
		let mut bytes = Vec::with_capacity(32 + 4 + 32 + 32 * commitments.len());
		bytes.extend_from_slice(previous);
		bytes.extend_from_slice(&index.to_le_bytes());
		bytes.extend_from_slice(provider.as_ref());
		for c in commitments {
			bytes.extend_from_slice(c);
		}
		sp_io::hashing::blake2_256(&bytes)
	}

	/// The caller's 1-based index in the job's committee.
	fn committee_index(job_id: JobId, who: &T::AccountId) -> Result<ParticipantIndex, Error<T>> {
		let i = WorkerJobs::<T>::get(who, job_id).ok_or(Error::<T>::NotInCommittee)?;
		ParticipantIndex::new(i).map_err(|_| Error::<T>::NotInCommittee)
	}

	/// Takes a penalty from a worker's bond for a fault.
	fn fault(worker: &T::AccountId, job_id: JobId) {
		let penalty = T::FaultPenalty::get();
		let mut taken = Zero::zero();
		Workers::<T>::mutate(worker, |info| {
			if let Some(info) = info {
				info.faults = info.faults.saturating_add(1);
				taken = penalty.min(info.bond);
				info.bond = info.bond.saturating_sub(taken);
			}
		});
		if !taken.is_zero() {
			let (credit, _) = <T::Currency as fungible::BalancedHold<T::AccountId>>::slash(
				&HoldReason::WorkerBond.into(),
				worker,
				taken,
			);
			T::Slash::on_unbalanced(credit);
		}
		Self::deposit_event(Event::WorkerFaulted {
			worker: worker.clone(),
			job_id,
			penalty: taken,
		});
		log::warn!(target: LOG_TARGET, "job {job_id}: fault recorded for a committee worker");
	}

	pub(crate) fn do_complain(
		who: T::AccountId,
		job_id: JobId,
		index: InputIndex,
		shared_key: [u8; 32],
		proof: [u8; 64],
	) -> DispatchResultWithPostInfo {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(
			matches!(job.phase, JobPhase::Collecting | JobPhase::Verifying),
			Error::<T>::ComplaintWindowClosed
		);
		let worker = Self::committee_index(job_id, &who)?;
		let mut input = Inputs::<T>::get(job_id, index).ok_or(Error::<T>::UnknownInput)?;
		ensure!(input.qualified, Error::<T>::AlreadyDisqualified);
		let committee = Committees::<T>::get(job_id);
		let member = committee.get(worker.get() as usize - 1).ok_or(Error::<T>::NotInCommittee)?;
		let ciphertext =
			Ciphertexts::<T>::get((job_id, index, worker.get())).ok_or(Error::<T>::UnknownInput)?;
		let ctx = InputContext::new(Self::genesis_hash(), job_id, *input.provider.as_ref());
		let subject = ComplaintSubject {
			input: &ctx,
			index: worker,
			worker_key: &member.key,
			ephemeral_key: &input.ephemeral_key,
			commitments: &input.commitments,
			ciphertext: &ciphertext,
			dimension: job.shape.d() as usize,
		};
		let verdict = judge_complaint(&subject, &shared_key, &proof).map_err(|e| match e {
			mpc_primitives::Error::InvalidProof => Error::<T>::InvalidComplaintProof,
			_ => Error::<T>::MalformedComplaint,
		})?;
		match verdict {
			ComplaintVerdict::InputDisqualified { .. } => {
				let mut aggregate = Aggregates::<T>::get(job_id).into_inner();
				mpc_primitives::pedersen::subtract_commitments(&mut aggregate, &input.commitments)
					.map_err(|_| Error::<T>::WrongCommitmentCount)?;
				let aggregate = Commitments::<T>::truncate_from(aggregate);
				Disqualified::<T>::try_mutate(job_id, |list| list.try_push(index))
					.map_err(|_| Error::<T>::UnknownInput)?;
				Aggregates::<T>::insert(job_id, aggregate);
				let deposit = core::mem::take(&mut input.deposit);
				input.qualified = false;
				let provider = input.provider.clone();
				Inputs::<T>::insert(job_id, index, input);
				Jobs::<T>::mutate(job_id, |j| {
					if let Some(j) = j {
						j.qualified_count = j.qualified_count.saturating_sub(1);
					}
				});
				if !deposit.is_zero() {
					let (credit, _) = <T::Currency as fungible::BalancedHold<T::AccountId>>::slash(
						&HoldReason::InputDeposit.into(),
						&provider,
						deposit,
					);
					T::Slash::on_unbalanced(credit);
				}
				Self::deposit_event(Event::InputDisqualified {
					job_id,
					index,
					worker: worker.get(),
				});
				log::info!(target: LOG_TARGET, "job {job_id}: input {index} disqualified by worker {}", worker.get());
				Ok(Pays::No.into())
			}
			ComplaintVerdict::WorkerAtFault => {
				Self::deposit_event(Event::ComplaintRejected {
					job_id,
					index,
					worker: worker.get(),
				});
				Self::fault(&who, job_id);
				Ok(Pays::Yes.into())
			}
		}
	}

	pub(crate) fn do_submit_result_share(
		who: T::AccountId,
		job_id: JobId,
		values: RawResultValues<T>,
		blinding: [u8; 32],
	) -> DispatchResultWithPostInfo {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(
			matches!(job.phase, JobPhase::Computing | JobPhase::Completed) && !job.settled,
			Error::<T>::NotComputing
		);
		let worker = Self::committee_index(job_id, &who)?;
		ensure!(
			!ResultShares::<T>::contains_key(job_id, worker.get()),
			Error::<T>::ResultShareAlreadySubmitted
		);
		ensure!(values.len() == job.shape.d() as usize, Error::<T>::WrongDimension);
		let decoded = values
			.iter()
			.map(|v| Scalar::from_canonical_bytes(*v))
			.collect::<Result<Vec<Scalar>, _>>()
			.map_err(|_| Error::<T>::MalformedResultShare)?;
		let blinding =
			Scalar::from_canonical_bytes(blinding).map_err(|_| Error::<T>::MalformedResultShare)?;
		let share = ResultShare { values: decoded, blinding };
		let aggregate = Aggregates::<T>::get(job_id);
		if !share.verify(&job.shape, worker, &aggregate) {
			Self::deposit_event(Event::ResultShareRejected { job_id, worker: worker.get() });
			Self::fault(&who, job_id);
			return Ok(Pays::Yes.into());
		}
		let stored = StoredResultShare {
			values: BoundedVec::try_from(share.values).map_err(|_| Error::<T>::WrongDimension)?,
			blinding: share.blinding,
			paid: false,
		};
		ResultShares::<T>::insert(job_id, worker.get(), stored);
		job.valid_shares = job.valid_shares.saturating_add(1);
		Self::deposit_event(Event::ResultShareAccepted { job_id, worker: worker.get() });

		let now = frame_system::Pallet::<T>::block_number();
		let completes = job.phase == JobPhase::Computing && job.valid_shares > job.shape.t();
		if completes {
			let result = Self::reconstruct(job_id, &job)?;
			Self::advance(job_id, &mut job, Trigger::ThresholdReached, now)?;
			let values: Vec<Option<i128>> = result.values.to_vec();
			let inputs = result.qualified_inputs;
			Results::<T>::insert(job_id, result);
			Self::deposit_event(Event::JobCompleted {
				job_id,
				values: values.clone(),
				qualified_inputs: inputs,
			});
			log::info!(target: LOG_TARGET, "job {job_id} completed from {} shares", job.valid_shares);
			// Pay everyone who delivered so far.
			for (i, _) in ResultShares::<T>::iter_prefix(job_id).collect::<Vec<_>>() {
				Self::pay(job_id, &mut job, i);
			}
			Jobs::<T>::insert(job_id, &job);
			T::OnJobCompleted::on_job_completed(job_id, &job.owner, &values, inputs);
		} else {
			if job.phase == JobPhase::Completed {
				Self::pay(job_id, &mut job, worker.get());
			}
			Jobs::<T>::insert(job_id, &job);
		}
		Ok(Pays::No.into())
	}

	/// Pays worker `index` of the job its reward from the escrow, once.
	fn pay(job_id: JobId, job: &mut Job<T>, index: u32) {
		let Some(mut share) = ResultShares::<T>::get(job_id, index) else { return };
		if share.paid {
			return;
		}
		let committee = Committees::<T>::get(job_id);
		let Some(member) = committee.get(index as usize - 1) else {
			defensive!("result share of a worker outside the committee");
			return;
		};
		let amount = job.reward_per_worker.min(job.escrow);
		if !amount.is_zero() {
			if let Err(e) = T::Currency::transfer_on_hold(
				&HoldReason::JobEscrow.into(),
				&job.owner,
				&member.account,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			) {
				log::warn!(target: LOG_TARGET, "job {job_id}: paying worker {index} failed: {e:?}");
				return;
			}
			job.escrow = job.escrow.saturating_sub(amount);
		}
		share.paid = true;
		ResultShares::<T>::insert(job_id, index, share);
		Self::deposit_event(Event::WorkerPaid { job_id, worker: member.account.clone(), amount });
	}

	/// Reconstructs and checks the output from the job's first `t + 1` valid result shares.
	fn reconstruct(job_id: JobId, job: &Job<T>) -> Result<JobResult<T>, DispatchError> {
		let t1 = job.shape.t() as usize + 1;
		let mut shares: Vec<(ParticipantIndex, ResultShare)> =
			ResultShares::<T>::iter_prefix(job_id)
				.filter_map(|(i, s)| {
					let index = ParticipantIndex::new(i).ok()?;
					Some((
						index,
						ResultShare { values: s.values.into_inner(), blinding: s.blinding },
					))
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
				Error::<T>::NotComputing
			})?;
		let decoded = output.decode();
		let count = u64::from(job.qualified_count);
		let values: Vec<Option<i128>> = decoded.iter().map(|v| v.to_i128()).collect();
		let means: Vec<Option<i128>> =
			decoded.iter().map(|v| v.floor_div(count).and_then(|m| m.to_i128())).collect();
		Ok(JobResult {
			values: BoundedVec::truncate_from(values),
			means: BoundedVec::truncate_from(means),
			qualified_inputs: job.qualified_count,
			decimals: job.decimals,
			output: BoundedVec::truncate_from(output.values),
			output_blinding: output.blinding,
			reconstructed_from: BoundedVec::truncate_from(
				shares.iter().map(|(i, _)| i.get()).collect::<Vec<_>>(),
			),
		})
	}

	/// The proof-of-MPC record of a completed job: everything needed to re-verify its result
	/// with [`mpc_primitives::verify_output`].
	pub fn proof_of_mpc(job_id: JobId) -> Option<ProofOfMpc<T>> {
		let job = Jobs::<T>::get(job_id)?;
		let result = Results::<T>::get(job_id)?;
		Some(ProofOfMpc {
			job_id,
			shape: job.shape,
			committee: Committees::<T>::get(job_id),
			input_count: job.input_count,
			inputs_digest: job.inputs_digest,
			disqualified: Disqualified::<T>::get(job_id),
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
				Some((
					ParticipantIndex::new(*i).ok()?,
					ResultShare { values: s.values.to_vec(), blinding: s.blinding },
				))
			})
			.collect();
		mpc_primitives::verify_output(&record.shape, &record.aggregate, &shares).is_ok_and(|o| {
			o.values == record.result.output.to_vec() && o.blinding == record.result.output_blinding
		})
	}

	/// Checks the pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (job_id, job) in Jobs::<T>::iter() {
			// While a job runs, all its inputs are stored: Ĉ must be the sum of the qualified
			// ones.
			if !job.settled {
				let qualified: Vec<Vec<Commitment>> = Inputs::<T>::iter_prefix(job_id)
					.filter(|(_, input)| input.qualified)
					.map(|(_, input)| input.commitments.into_inner())
					.collect();
				ensure!(qualified.len() as u32 == job.qualified_count, "qualified count mismatch");
				let sum = mpc_primitives::pedersen::sum_commitments(
					job.shape.t() as usize + 1,
					qualified.iter().map(|c| &c[..]),
				)
				.ok_or("inconsistent commitment sizes")?;
				ensure!(
					sum == Aggregates::<T>::get(job_id).into_inner(),
					"aggregate != sum of qualified inputs"
				);
			}
			ensure!(
				job.escrow
					<= <T::Currency as fungible::InspectHold<_>>::balance_on_hold(
						&HoldReason::JobEscrow.into(),
						&job.owner
					),
				"escrow exceeds what is held"
			);
		}
		for (who, info) in Workers::<T>::iter() {
			ensure!(
				info.bond
					== <T::Currency as fungible::InspectHold<_>>::balance_on_hold(
						&HoldReason::WorkerBond.into(),
						&who
					),
				"worker bond != held"
			);
		}
		Ok(())
	}
}
