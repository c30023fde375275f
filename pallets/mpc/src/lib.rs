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
//!   metadata and a reward per worker. The pallet holds `n` rewards in escrow plus a storage
//!   deposit. When the pool has more than `n` workers, the job waits in `Drawing` for its draw
//!   round of the randomness beacon (a round nobody could know at creation), and the committee
//!   is drawn from the pool as it stood at creation with that round's output (PROTOCOL.md
//!   section 11.7); with exactly `n`, the pool is the committee at once. Members' keys are
//!   snapshotted when they are seated.
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
//! A committee member has one identity per job: its [`ParticipantIndex`], its 1-based
//! position in the job's committee (the protocol's `i`). Storage, events and errors name a
//! member by that index (`worker_index`), and an account only where money or a registration
//! is meant.
//!
//! ## Lifecycle
//!
//! ```text
//!  create ──> Drawing ──(draw round completes)──┐   (pool of exactly n: no draw)
//!    │            └─ cancel | no committee ──> Cancelled | Failed
//!    └─────────────────────────────────────────┤
//!                                              v
//!               Collecting ──(window end | max inputs | owner closes)──> Verifying
//!                 │                                                      │ complaint window end
//!                 ├─ cancel (no inputs) ─> Cancelled                     v
//!                 └─ too few inputs ──────> Failed <── too few ──── Computing
//!                                            ^                         │ t + 1 valid shares
//!                                            └─ compute deadline ──────┤
//!                                                                      v
//!                                                 Completed ── compute deadline ──> Settled
//! ```
//!
//! The phase is one enum, [`JobPhase`], shared with the worker and the clients. Every
//! transition is in one function (`lifecycle.rs`). Each running job has exactly one deadline
//! entry, [`Deadlines`]`(block, job)`; `on_initialize` takes the due entries in block order, at
//! most [`Config::DeadlineBatch`] per block, and carries the rest over to the next block, so a
//! deadline is never lost however many fall in one block: a job moves at most
//! `ceil(due / DeadlineBatch)` blocks late. Anyone may also move an overdue job at once with
//! [`Pallet::advance_job`].
//!
//! ## Beacon and threshold keys
//!
//! The same workers run the randomness beacon ([`beacon`], PROTOCOL.md section 11), whose
//! rounds also draw committees, and hold threshold Ed25519 keys ([`keys`], section 14): a key
//! made by FROST's DKG through the chain ([`Pallet::create_key`]) signs for its owner
//! ([`Pallet::request_signature`]) or another pallet ([`Config::OnSignature`]), every share
//! checked here; its shares are refreshed without changing the key, when a member leaves or an
//! epoch ends, and it expires after its last epoch ([`refresh`], section 14.10).
//!
//! ## Money
//!
//! All money moves through `fungible` holds ([`HoldReason`]), in one module (`money.rs`) with
//! one failure policy: a hold is taken after every check and before any write, and its failure
//! is the call's error ([`Error::InsufficientBalance`]); releasing, slashing or paying what is
//! held cannot fail while the books are right, so a failure there is reported as a defensive
//! error and never blocks a job. The holds: the worker bond, the job escrow, the job's storage
//! deposit and each input's deposit. On completion each worker that delivered a valid result
//! share before the compute deadline is paid from the escrow; at the compute deadline the rest
//! returns to the owner. A failed or cancelled job returns the whole escrow. Input deposits
//! return when the job's bulky data is cleaned up, except those of disqualified inputs, which
//! are forfeited to [`Config::Slash`] like fault penalties. Apart from that handler, no path
//! creates or destroys funds.
//!
//! Storage deposits are priced from what is actually stored: [`Config::DepositPerItem`] per
//! storage entry and [`Config::DepositPerByte`] per byte of key and value, counted from the
//! encoded types ([`Pallet::input_footprint`], [`Pallet::job_footprint`]).
//!
//! ## Storage life
//!
//! Ciphertexts and per-input data are removed after a job ends, at most
//! [`Config::CleanupBatch`] inputs per block. What stays is the proof-of-MPC record: the job,
//! its committee, the aggregate commitments, the accepted result shares and the result
//! ([`Pallet::proof_of_mpc`], re-verified with [`mpc_primitives::verify_output`]); the record
//! names the blocks that hold the inputs themselves (PROTOCOL.md section 10). The owner
//! removes it with [`Pallet::remove_job`] and gets the storage deposit back.
//!
//! ## In a runtime
//!
//! The [`Config`] has defaults for everything but what a runtime must choose itself: the
//! currency, who may register workers, the randomness and the worker key type. Derive the
//! rest from [`config_preludes::SolochainDefaultConfig`] (or `TestDefaultConfig` in tests);
//! `docs/RUNTIME.md` walks through it, and the crate's `tests/minimal_runtime.rs` proves it.
//!
//! The workers' duties are `Operational` calls, which the pool ranks above every ordinary
//! transaction; add [`CheckWorkerDuty`] to the runtime's transaction extensions, so that only
//! the committee a duty names can send it ([`extension`]).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

pub mod beacon;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod committee;
pub mod crypto;
pub mod extension;
mod inputs;
pub mod keys;
mod lifecycle;
#[cfg(test)]
mod mock;
mod money;
mod ocw;
mod record;
pub mod refresh;
pub mod runtime_api;
#[cfg(any(test, feature = "runtime-benchmarks", feature = "test-utils"))]
pub mod testing_utils;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_frost;
#[cfg(test)]
mod tests_keys;
mod types;
pub mod weights;

pub use beacon::{
	BeaconCommittee, BeaconKey, BeaconRandomness, BeaconRound, BoundedKeyDealing, Dkg,
	StoredKeyDealing, StoredRoundShare,
};
pub use extension::{CheckWorkerDuty, Duty};
pub use keys::{
	BoundedEnvelope, BoundedRound1, DkgStep, KeyId, KeyStatus, OnSignature, SignRequest,
	SignRequestId, SignState, StoredEnvelope, ThresholdKey,
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

pub use mpc_primitives::{FailureReason, InputRule, JobPhase, ParticipantIndex};
pub use record::{aggregate_digest, committee_digest, committee_digest_of, next_inputs_digest};

use alloc::vec::Vec;
use frame_support::{
	dispatch::PostDispatchInfo,
	pallet_prelude::*,
	traits::{fungible, OnUnbalanced},
};
use frame_system::pallet_prelude::*;

/// Log target of everything this pallet and its worker log.
pub const LOG_TARGET: &str = "mpc";

/// The account type of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The block number type of a runtime.
pub type BlockNumberOf<T> = BlockNumberFor<T>;
/// The pool committees are drawn from ([`WorkerList`]).
pub type WorkerPool<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxWorkers>;
/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<AccountIdOf<T>>>::Balance;
/// A negative imbalance (slashed funds) of the pallet's currency.
pub type CreditOf<T> = fungible::Credit<AccountIdOf<T>, <T as Config>::Currency>;

/// Consumers of results: how "privacy smart contracts" build on this pallet.
pub trait OnJobCompleted<AccountId> {
	/// Called once per job, right after its result is stored, with the decoded sums
	/// (`None` where a sum lies outside the i128 range) and the number of inputs they sum.
	fn on_job_completed(job_id: JobId, owner: &AccountId, sums: &[Option<i128>], inputs: u32);
	/// The most weight `on_job_completed` uses; charged to the share that completes a job.
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl<AccountId> OnJobCompleted<AccountId> for () {
	fn on_job_completed(_: JobId, _: &AccountId, _: &[Option<i128>], _: u32) {}
}

/// A constant number for any numeric type it fits in (balances, block numbers), saturating
/// at the type's maximum: lets [`config_preludes`] give defaults to items whose type the
/// runtime decides.
pub struct ConstNumber<const V: u64>;

impl<N: TryFrom<u64> + sp_runtime::traits::Bounded, const V: u64> Get<N> for ConstNumber<V> {
	fn get() -> N {
		N::try_from(V).unwrap_or_else(|_| N::max_value())
	}
}

/// Default configurations to derive a runtime's [`Config`] from (`#[derive_impl]`).
pub mod config_preludes {
	use super::*;
	use frame_support::{derive_impl, traits::ConstU32};

	/// Defaults for a solo chain whose token has 12 decimals and whose blocks come every
	/// 6 s or faster: bonds and deposits in whole tokens, windows in blocks.
	pub struct SolochainDefaultConfig;

	/// One token of 12 decimals.
	const UNIT: u64 = 1_000_000_000_000;

	#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig, no_aggregated_types)]
	impl frame_system::DefaultConfig for SolochainDefaultConfig {}

	#[frame_support::register_default_impl(SolochainDefaultConfig)]
	impl DefaultConfig for SolochainDefaultConfig {
		#[inject_runtime_type]
		type RuntimeHoldReason = ();
		/// Forfeits are burnt (the credit is dropped).
		type Slash = ();
		type OnJobCompleted = ();
		/// 100 tokens.
		type WorkerBond = ConstNumber<{ 100 * UNIT }>;
		/// 10 tokens: ten faults empty a bond.
		type FaultPenalty = ConstNumber<{ 10 * UNIT }>;
		/// 0.01 token: more than the fee of the free result share it pays for.
		type MinRewardPerWorker = ConstNumber<{ UNIT / 100 }>;
		type MaxJobsPerWorker = ConstU32<32>;
		/// 0.01 token per storage entry.
		type DepositPerItem = ConstNumber<{ UNIT / 100 }>;
		/// 0.00001 token per stored byte.
		type DepositPerByte = ConstNumber<{ UNIT / 100_000 }>;
		type MaxWorkers = ConstU32<64>;
		type MaxCommittee = ConstU32<32>;
		type MaxDimension = ConstU32<16>;
		/// A job of 100,000 inputs: what a job stores grows with its inputs only in entries
		/// its providers pay for, and in its disqualified list's pages.
		type MaxInputsPerJob = ConstU32<100_000>;
		/// 4 kB pages: at most 100 for a job of 100,000 inputs.
		type DisqualifiedPageSize = ConstU32<1_000>;
		type MaxMetadataLen = ConstU32<256>;
		type MaxAllowedProviders = ConstU32<64>;
		/// A day of 2 s blocks.
		type MaxInputWindow = ConstNumber<43_200>;
		/// 12 s: a complaint the pool dropped is resent within it (after 3 blocks).
		type ComplaintWindow = ConstNumber<6>;
		type ComputeWindow = ConstNumber<10>;
		type DeadlineBatch = ConstU32<16>;
		type CleanupBatch = ConstU32<16>;
		type MaxBeaconCommittee = ConstU32<16>;
		/// 12 s of 2 s blocks: a dealing the pool dropped is sent again within it.
		type DkgDealingWindow = ConstNumber<6>;
		type DkgComplaintWindow = ConstNumber<6>;
		/// A round every 20 s of 2 s blocks.
		type BeaconPeriod = ConstNumber<10>;
		/// A new key every 8 hours of 2 s blocks.
		type BeaconEpochLength = ConstNumber<14_400>;
		type BeaconHistory = ConstU32<256>;
		/// Ten beacon periods.
		type DrawWindow = ConstNumber<100>;
		type MaxWaitingJobs = ConstU32<64>;
		/// 0.1 token.
		type RoundRequestFee = ConstNumber<{ UNIT / 10 }>;
		type OnSignature = ();
		type MaxKeyCommittee = ConstU32<16>;
		type KeyRoundWindow = ConstNumber<10>;
		type MaxKeyAttempts = ConstU32<3>;
		type KeyFee = ConstNumber<UNIT>;
		type MaxPendingKeys = ConstU32<16>;
		type SignFee = ConstNumber<{ UNIT / 10 }>;
		type MaxSignMessage = ConstU32<1024>;
		type SignWindow = ConstNumber<5>;
		type SignDeadline = ConstNumber<200>;
		type MaxOpenSignatures = ConstU32<32>;
		type MaxKeysPerWorker = ConstU32<8>;
		type MaxKeyRefreshes = ConstU32<8>;
		type KeyEpochLength = ConstNumber<14_400>;
		type WeightInfo = ();
	}

	/// Defaults for tests: small bounds, small amounts, short windows.
	pub struct TestDefaultConfig;

	#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
	impl frame_system::DefaultConfig for TestDefaultConfig {}

	#[frame_support::register_default_impl(TestDefaultConfig)]
	impl DefaultConfig for TestDefaultConfig {
		#[inject_runtime_type]
		type RuntimeHoldReason = ();
		type Slash = ();
		type OnJobCompleted = ();
		type WorkerBond = ConstNumber<1_000>;
		type FaultPenalty = ConstNumber<100>;
		type MinRewardPerWorker = ConstNumber<10>;
		type MaxJobsPerWorker = ConstU32<64>;
		type DepositPerItem = ConstNumber<2>;
		type DepositPerByte = ConstNumber<1>;
		type MaxWorkers = ConstU32<16>;
		type MaxCommittee = ConstU32<8>;
		type MaxDimension = ConstU32<4>;
		type MaxInputsPerJob = ConstU32<32>;
		/// Pages of two, so that tests with a few disqualified inputs fill several.
		type DisqualifiedPageSize = ConstU32<2>;
		type MaxMetadataLen = ConstU32<64>;
		type MaxAllowedProviders = ConstU32<8>;
		type MaxInputWindow = ConstNumber<100>;
		type ComplaintWindow = ConstNumber<6>;
		type ComputeWindow = ConstNumber<5>;
		type DeadlineBatch = ConstU32<4>;
		type CleanupBatch = ConstU32<4>;
		/// The beacon is off in the default test configuration (fewer than 3).
		type MaxBeaconCommittee = ConstU32<0>;
		type DkgDealingWindow = ConstNumber<5>;
		type DkgComplaintWindow = ConstNumber<5>;
		type BeaconPeriod = ConstNumber<5>;
		type BeaconEpochLength = ConstNumber<100>;
		type BeaconHistory = ConstU32<4>;
		type DrawWindow = ConstNumber<20>;
		type MaxWaitingJobs = ConstU32<4>;
		type RoundRequestFee = ConstNumber<50>;
		type OnSignature = ();
		type MaxKeyCommittee = ConstU32<8>;
		type KeyRoundWindow = ConstNumber<5>;
		type MaxKeyAttempts = ConstU32<3>;
		type KeyFee = ConstNumber<40>;
		type MaxPendingKeys = ConstU32<4>;
		type SignFee = ConstNumber<5>;
		type MaxSignMessage = ConstU32<256>;
		type SignWindow = ConstNumber<3>;
		type SignDeadline = ConstNumber<30>;
		type MaxOpenSignatures = ConstU32<4>;
		type MaxKeysPerWorker = ConstU32<4>;
		type MaxKeyRefreshes = ConstU32<3>;
		type KeyEpochLength = ConstNumber<20>;
		type WeightInfo = ();
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version. 1: threshold keys hold their identifiers, refreshes and
	/// epoch (`KeyStatus::Active`), and may be `Expired`. 2: an input's ciphertexts are in its
	/// record (`Inputs`), not in an entry each. 3: a job's disqualified inputs are in pages
	/// (`Disqualified`), not in one list. No migrations: no chain but dev chains, which start
	/// again from genesis, held keys, inputs or disqualified lists of the older versions.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet. Everything but the items marked "no default" comes from
	/// [`config_preludes`] with `#[derive_impl]`.
	#[pallet::config(with_default)]
	pub trait Config:
		frame_system::offchain::CreateSignedTransaction<Call<Self>>
		+ frame_system::Config<AccountId: AsRef<[u8; 32]>>
	{
		/// The worker key type the offchain worker signs with (see [`crate::crypto`]).
		/// No default: the runtime puts it in its session keys.
		#[pallet::no_default]
		type AuthorityId: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>;

		/// The currency bonds, escrows and deposits are held in. No default.
		#[pallet::no_default]
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may register as a worker (for example only validators); returns the account.
		/// No default: `EnsureSigned` lets anyone with the bond run a worker, which suits a dev
		/// chain only.
		#[pallet::no_default]
		type RegisterOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// Receives forfeited input deposits and fault penalties (burn, treasury, ...).
		#[pallet::no_default_bounds]
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Told about every completed job.
		type OnJobCompleted: OnJobCompleted<Self::AccountId>;

		/// The bond a worker holds while registered.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type WorkerBond: Get<BalanceOf<Self>>;

		/// The least reward per committee worker a job may offer. A worker's result share is
		/// free to send and heavy to check, so every job pays its committee at least this:
		/// set it above the fee a result share would cost (issue 13, findings 4 and 7). A job
		/// that ends without a result after its committee was seated (too few inputs, or
		/// cancelled) pays each member this much for holding the seat.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinRewardPerWorker: Get<BalanceOf<Self>>;

		/// The most running jobs a worker sits in; at the limit it is drawn into no new
		/// committee until one ends. Bounds the work of its offchain worker per block.
		#[pallet::constant]
		type MaxJobsPerWorker: Get<u32>;

		/// Taken from a worker's bond for each fault (false complaint, invalid result share).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type FaultPenalty: Get<BalanceOf<Self>>;

		/// Storage deposit per storage entry a job or an input writes.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerItem: Get<BalanceOf<Self>>;

		/// Storage deposit per byte (key and value) a job or an input writes.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerByte: Get<BalanceOf<Self>>;

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

		/// How many disqualified inputs one page of [`Disqualified`] holds: a complaint reads
		/// and writes one page, and `remove_job` removes
		/// `ceil(MaxInputsPerJob / DisqualifiedPageSize)` pages at most.
		#[pallet::constant]
		type DisqualifiedPageSize: Get<u32>;

		/// The longest metadata of a job, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The longest provider allowlist of a job.
		#[pallet::constant]
		type MaxAllowedProviders: Get<u32>;

		/// The longest input window, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxInputWindow: Get<BlockNumberFor<Self>>;

		/// How long committee workers may complain after collecting ends, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ComplaintWindow: Get<BlockNumberFor<Self>>;

		/// How long workers have to submit result shares, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ComputeWindow: Get<BlockNumberFor<Self>>;

		/// The most deadline transitions one block's `on_initialize` makes; deadlines beyond
		/// it carry over to the next block, in order. At least 1.
		#[pallet::constant]
		type DeadlineBatch: Get<u32>;

		/// How many inputs of ended jobs are cleaned up per block.
		#[pallet::constant]
		type CleanupBatch: Get<u32>;

		/// The largest beacon committee: the first this many workers of the pool form it
		/// (PROTOCOL.md section 11.7). Below 3 the runtime runs no beacon.
		#[pallet::constant]
		type MaxBeaconCommittee: Get<u32>;

		/// How long members of a new beacon epoch may deal, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DkgDealingWindow: Get<BlockNumberFor<Self>>;

		/// How long after the dealing window members may complain about dealings, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DkgComplaintWindow: Get<BlockNumberFor<Self>>;

		/// A beacon round opens this many blocks after the previous one opened (or later,
		/// when that one is still open).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type BeaconPeriod: Get<BlockNumberFor<Self>>;

		/// A beacon key serves at most this many blocks before a new DKG replaces it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type BeaconEpochLength: Get<BlockNumberFor<Self>>;

		/// How many completed rounds stay in storage.
		#[pallet::constant]
		type BeaconHistory: Get<u32>;

		/// A job whose committee is not drawn this many blocks after its creation fails
		/// (its draw round did not complete: the beacon stalled).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DrawWindow: Get<BlockNumberFor<Self>>;

		/// The most jobs waiting for a committee draw at a time.
		#[pallet::constant]
		type MaxWaitingJobs: Get<u32>;

		/// What [`Pallet::request_round`] costs, and what a job whose committee needs a draw
		/// pays on creation (kept whatever becomes of the job: each draw is one try at a
		/// committee); it goes to [`Config::Slash`]. At least what a round's `t_B + 1` free
		/// share submissions cost the chain.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type RoundRequestFee: Get<BalanceOf<Self>>;

		/// Told of every signing request's end (`keys.rs`): how other pallets use threshold
		/// keys.
		type OnSignature: keys::OnSignature;

		/// The largest threshold-key committee (PROTOCOL.md section 14.8).
		#[pallet::constant]
		type MaxKeyCommittee: Get<u32>;

		/// Blocks a DKG round (round 1 or round 2) of a threshold key stays open before its
		/// attempt fails for the silent members.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type KeyRoundWindow: Get<BlockNumberFor<Self>>;

		/// The most DKG attempts of a threshold key.
		#[pallet::constant]
		type MaxKeyAttempts: Get<u32>;

		/// What a threshold key costs its owner ([`Pallet::create_key`]); it goes to
		/// [`Config::Slash`].
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type KeyFee: Get<BalanceOf<Self>>;

		/// The most threshold keys drawing or generating at a time.
		#[pallet::constant]
		type MaxPendingKeys: Get<u32>;

		/// What a signing request costs ([`Pallet::request_signature`]); it goes to
		/// [`Config::Slash`]. At least what its `t + 1` free commitments and shares cost.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type SignFee: Get<BalanceOf<Self>>;

		/// The longest message a threshold key signs.
		#[pallet::constant]
		type MaxSignMessage: Get<u32>;

		/// Blocks the signers of a signing attempt have to post their shares, from the block
		/// they were fixed in; then the attempt restarts without the silent ones.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type SignWindow: Get<BlockNumberFor<Self>>;

		/// Blocks a signing request has to be signed before it fails.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type SignDeadline: Get<BlockNumberFor<Self>>;

		/// The most signing requests open at a time.
		#[pallet::constant]
		type MaxOpenSignatures: Get<u32>;

		/// The most threshold keys a worker holds a seat in (drawing, generating or active):
		/// counted apart from its jobs, so keys never take the seats jobs are drawn into.
		#[pallet::constant]
		type MaxKeysPerWorker: Get<u32>;

		/// The most refreshes of a threshold key (PROTOCOL.md section 14.10): the chain keeps
		/// every refresh's transcript while the key lives, and its deposit covers them.
		#[pallet::constant]
		type MaxKeyRefreshes: Get<u32>;

		/// Blocks of a threshold key's epoch: once they passed anyone may refresh the key.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type KeyEpochLength: Get<BlockNumberFor<Self>>;

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
		/// A threshold key's storage deposit, held from its owner.
		#[codec(index = 4)]
		KeyDeposit,
		/// A signing request's storage deposit, held from its requester.
		#[codec(index = 5)]
		SignDeposit,
	}

	/// Registered workers. Set by `register_worker`, changed by `rotate_key`, removed by
	/// `deregister_worker`.
	#[pallet::storage]
	pub type Workers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, WorkerInfo<T>>;

	/// How many workers are registered (at most [`Config::MaxWorkers`]); the pool is a subset.
	#[pallet::storage]
	pub type WorkerCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The owner of every registered key, so no key is registered twice.
	#[pallet::storage]
	pub type WorkerKeys<T: Config> = StorageMap<_, Identity, [u8; 32], T::AccountId>;

	/// The pool committees are drawn from: the registered workers that are eligible
	/// ([`Pallet::is_eligible`]: accepting jobs, below [`Config::MaxJobsPerWorker`], with a
	/// bond that covers a penalty).
	#[pallet::storage]
	pub type WorkerList<T: Config> = StorageValue<_, WorkerPool<T>, ValueQuery>;

	/// The jobs a worker sits in, with its index there; set when a job is created, removed
	/// when it ends. A worker with any entry may not rotate its key or leave.
	#[pallet::storage]
	pub type WorkerJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, ParticipantIndex>;

	/// The identifier of the next job.
	#[pallet::storage]
	pub type NextJobId<T: Config> = StorageValue<_, JobId, ValueQuery>;

	/// Jobs, from `create_job` until the owner's `remove_job`.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, Job<T>>;

	/// Each job's committee in order (member `i` at position `i - 1`), keys snapshotted at
	/// creation. Lives as long as the job.
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

	/// Which input an account submitted to a job (one per account); removed by the cleanup.
	#[pallet::storage]
	pub type InputOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, InputIndex>;

	/// Every `R` used in a job, so none is used twice; removed by the cleanup.
	#[pallet::storage]
	pub type EphemeralKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Identity, [u8; 32], InputIndex>;

	/// The inputs of a job disqualified by complaints, in the order of their disqualification,
	/// in pages: the `k`-th (from 0) is in page `k / DisqualifiedPageSize`, and a job has
	/// `input_count - qualified_count` ([`Pallet::disqualified_inputs`] reads them all). Pages
	/// keep a complaint's work and proof size the same at any job size. Lives as long as the
	/// job.
	#[pallet::storage]
	pub type Disqualified<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		JobId,
		Twox64Concat,
		u32,
		BoundedVec<InputIndex, T::DisqualifiedPageSize>,
		ValueQuery,
	>;

	/// Committee members that confirmed their checks of a `Verifying` job's inputs (PROTOCOL.md
	/// section 10): bit `i - 1` for member `i`. Deleted when `Verifying` ends.
	#[pallet::storage]
	pub type InputConfirmations<T: Config> = StorageMap<_, Twox64Concat, JobId, u64, ValueQuery>;

	/// Accepted result shares by job and committee member. Lives as long as the job.
	#[pallet::storage]
	pub type ResultShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		JobId,
		Twox64Concat,
		ParticipantIndex,
		StoredResultShare<T>,
	>;

	/// Verified results. Lives as long as the job.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, JobId, JobResult<T>>;

	/// The deadline of each running job: `(block, job) -> ()`, one entry per job, written
	/// when a phase starts and removed when it ends. `on_initialize` takes the entries of
	/// blocks `DeadlineCursor..=now` in block order. Its size is bounded by the running jobs,
	/// each paid for by its owner's deposit.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, JobId, ()>;

	/// The earliest block whose deadlines may not all be processed yet. `None` until the
	/// first `on_initialize`, which starts it at its own block (no job is older).
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Ended jobs whose inputs are still to be cleaned up, with the next input to clean.
	#[pallet::storage]
	pub type Cleanup<T: Config> = StorageMap<_, Twox64Concat, JobId, InputIndex>;

	/// The beacon's DKG in progress, if any (PROTOCOL.md section 11).
	#[pallet::storage]
	pub type BeaconDkg<T: Config> = StorageValue<_, Dkg<T>>;

	/// Accepted dealings by epoch and dealer; kept while the epoch's key serves rounds.
	#[pallet::storage]
	pub type KeyDealings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Twox64Concat, ParticipantIndex, StoredKeyDealing<T>>;

	/// Every `R` dealt in an epoch, so none is used twice.
	#[pallet::storage]
	pub type DealingKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Identity, [u8; 32], ParticipantIndex>;

	/// Group keys by epoch: the active one, and older ones while a stored round uses them.
	#[pallet::storage]
	pub type BeaconKeys<T: Config> = StorageMap<_, Twox64Concat, u64, BeaconKey<T>>;

	/// The epoch whose key serves new rounds, with the block it became active in.
	#[pallet::storage]
	pub type ActiveBeaconEpoch<T: Config> = StorageValue<_, (u64, BlockNumberFor<T>)>;

	/// The number of the next epoch (DKG attempt).
	#[pallet::storage]
	pub type NextBeaconEpoch<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Set when a member of the active or running beacon committee leaves, rotates its key or
	/// is evicted: a new DKG starts when none runs, until a new key is active.
	#[pallet::storage]
	pub type BeaconRekey<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The members that did not deal in the last DKG, if it failed: the next one leaves them
	/// out (when at least three others remain). Cleared when a key activates.
	#[pallet::storage]
	pub type BeaconSkip<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxBeaconCommittee>, ValueQuery>;

	/// Beacon rounds: the open one and the last [`Config::BeaconHistory`] completed.
	#[pallet::storage]
	pub type BeaconRounds<T: Config> = StorageMap<_, Twox64Concat, u64, BeaconRound<T>>;

	/// The number the next round gets.
	#[pallet::storage]
	pub type NextBeaconRound<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The round waiting for shares, if any (at most one).
	#[pallet::storage]
	pub type OpenBeaconRound<T: Config> = StorageValue<_, u64>;

	/// The latest completed round.
	#[pallet::storage]
	pub type LatestBeaconRound<T: Config> = StorageValue<_, u64>;

	/// The oldest round still stored.
	#[pallet::storage]
	pub type OldestBeaconRound<T: Config> = StorageValue<_, u64>;

	/// The block the latest round opened in.
	#[pallet::storage]
	pub type LastRoundOpened<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Jobs in `Drawing`: their draw round and candidates (PROTOCOL.md section 11.7).
	/// Removed when the committee is drawn or the job ends.
	#[pallet::storage]
	pub type Drawings<T: Config> = StorageMap<_, Twox64Concat, JobId, Drawing<T>>;

	/// The latest round a job or a request waits for: it opens as soon as no round is open.
	#[pallet::storage]
	pub type WantedRound<T: Config> = StorageValue<_, u64>;

	/// The jobs in `Drawing`, in creation order (so in order of their draw rounds).
	#[pallet::storage]
	pub type DrawQueue<T: Config> =
		StorageValue<_, BoundedVec<JobId, T::MaxWaitingJobs>, ValueQuery>;

	/// The next threshold key's number.
	#[pallet::storage]
	pub type NextKeyId<T: Config> = StorageValue<_, keys::KeyId, ValueQuery>;

	/// Threshold keys (PROTOCOL.md section 14), until their owner removes them.
	#[pallet::storage]
	pub type ThresholdKeys<T: Config> =
		StorageMap<_, Twox64Concat, keys::KeyId, keys::ThresholdKey<T>>;

	/// The keys drawing, generating or refreshing, in order (`on_initialize` moves them).
	#[pallet::storage]
	pub type PendingKeys<T: Config> =
		StorageValue<_, BoundedVec<keys::KeyId, T::MaxPendingKeys>, ValueQuery>;

	/// The round-1 packages of a key's current attempt (or of the attempt that made it), by
	/// member.
	#[pallet::storage]
	pub type KeyRound1<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		keys::KeyId,
		Twox64Concat,
		ParticipantIndex,
		keys::BoundedRound1<T>,
	>;

	/// The envelopes of a key's current attempt (or of the attempt that made it), by sender.
	#[pallet::storage]
	pub type KeyEnvelopes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		keys::KeyId,
		Twox64Concat,
		ParticipantIndex,
		keys::StoredEnvelope<T>,
	>;

	/// A key's refresh attempts (PROTOCOL.md section 14.10): the one running, and those that
	/// completed, until the key is removed.
	#[pallet::storage]
	pub type KeyRefreshes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, keys::KeyId, Twox64Concat, u32, refresh::KeyRefresh<T>>;

	/// The packages `Ψ_{i,1..t}` of a key's refresh attempts, by key, attempt and identifier.
	#[pallet::storage]
	pub type KeyRefreshRound1<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, keys::KeyId>,
			NMapKey<Twox64Concat, u32>,
			NMapKey<Twox64Concat, ParticipantIndex>,
		),
		keys::KeyPoints<T>,
	>;

	/// The envelopes of a key's refresh attempts, by key, attempt and sender's identifier.
	#[pallet::storage]
	pub type KeyRefreshEnvelopes<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, keys::KeyId>,
			NMapKey<Twox64Concat, u32>,
			NMapKey<Twox64Concat, ParticipantIndex>,
		),
		keys::StoredEnvelope<T>,
	>;

	/// The next signing request's number.
	#[pallet::storage]
	pub type NextSignRequestId<T: Config> = StorageValue<_, keys::SignRequestId, ValueQuery>;

	/// Signing requests, until their requester removes them.
	#[pallet::storage]
	pub type SignRequests<T: Config> =
		StorageMap<_, Twox64Concat, keys::SignRequestId, keys::SignRequest<T>>;

	/// How many threshold keys each worker holds a seat in (at most
	/// [`Config::MaxKeysPerWorker`]); a worker with a seat can neither rotate its key nor
	/// deregister.
	#[pallet::storage]
	pub type KeySeats<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The open signing requests, in creation order.
	#[pallet::storage]
	pub type OpenSignRequests<T: Config> =
		StorageValue<_, BoundedVec<keys::SignRequestId, T::MaxOpenSignatures>, ValueQuery>;

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
		/// A worker's faults left its bond below one fault penalty: it is no longer drawn into
		/// committees. It stays registered until it deregisters.
		WorkerEvicted { worker: T::AccountId },
		/// A worker started or stopped accepting new jobs (it finishes the ones it has).
		WorkerAcceptingJobs { worker: T::AccountId, accepting: bool },
		/// A job was created. Its committee is drawn with the output of beacon round
		/// `draw_round`, or was drawn at once (`None`): see [`Event::CommitteeDrawn`].
		JobCreated { job_id: JobId, owner: T::AccountId, draw_round: Option<u64> },
		/// A job's committee (member `i` at position `i - 1`), drawn with the output of beacon
		/// round `round` (`None`: the pool was exactly the committee); the job now collects
		/// inputs.
		CommitteeDrawn { job_id: JobId, round: Option<u64>, committee: Vec<T::AccountId> },
		/// The owner cancelled a job.
		JobCancelled { job_id: JobId },
		/// A job stopped collecting inputs; complaints are open until the deadline.
		InputsClosed { job_id: JobId, inputs: u32, complaints_until: BlockNumberFor<T> },
		/// An input was accepted.
		InputSubmitted { job_id: JobId, index: InputIndex, provider: T::AccountId },
		/// A complaint by committee member `worker_index` proved its share bad: the input no
		/// longer counts, its deposit is forfeited.
		InputDisqualified { job_id: JobId, index: InputIndex, worker_index: ParticipantIndex },
		/// A complaint by committee member `worker_index` was false: the share was good. The
		/// worker is at fault.
		ComplaintRejected { job_id: JobId, index: InputIndex, worker_index: ParticipantIndex },
		/// Committee member `worker_index` complained about an input another member's
		/// complaint had already disqualified: nothing changes, and the complaint is free.
		ComplaintRedundant { job_id: JobId, index: InputIndex, worker_index: ParticipantIndex },
		/// A worker's fault was recorded and `penalty` taken from its bond.
		WorkerFaulted { worker: T::AccountId, job_id: JobId, penalty: BalanceOf<T> },
		/// Complaints closed; workers now submit result shares until the deadline.
		ComputationStarted { job_id: JobId, qualified_inputs: u32, until: BlockNumberFor<T> },
		/// A valid result share of committee member `worker_index` was accepted.
		ResultShareAccepted { job_id: JobId, worker_index: ParticipantIndex },
		/// A result share of committee member `worker_index` did not verify and was not
		/// counted.
		ResultShareRejected { job_id: JobId, worker_index: ParticipantIndex },
		/// The output was reconstructed and verified: the decoded sums (`None` beyond i128).
		JobCompleted { job_id: JobId, sums: Vec<Option<i128>>, qualified_inputs: u32 },
		/// A worker was paid its reward.
		WorkerPaid { job_id: JobId, worker: T::AccountId, amount: BalanceOf<T> },
		/// A job failed; escrow and deposits are returned.
		JobFailed { job_id: JobId, reason: FailureReason },
		/// A completed job settled: what was not paid returned to the owner.
		JobSettled { job_id: JobId, refunded: BalanceOf<T> },
		/// An ended job's inputs were all cleaned up and their deposits settled.
		JobCleanedUp { job_id: JobId },
		/// A provider took back the deposit of its input to an ended job (`amount`: zero for a
		/// disqualified input); the input's data is removed.
		InputReclaimed {
			job_id: JobId,
			index: InputIndex,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The owner removed an ended job's record and got its deposit back.
		JobRemoved { job_id: JobId },
		/// A beacon DKG started for `epoch` with these members (member `i` at position
		/// `i - 1`): dealings until `deals_until`, complaints until `complaints_until`.
		BeaconDkgStarted {
			epoch: u64,
			members: Vec<T::AccountId>,
			deals_until: BlockNumberFor<T>,
			complaints_until: BlockNumberFor<T>,
		},
		/// Member `dealer` dealt in the DKG of `epoch`.
		BeaconDealingAccepted { epoch: u64, dealer: ParticipantIndex },
		/// Member `member`'s complaint proved dealer `dealer`'s share bad: the dealing no
		/// longer counts.
		BeaconDealerDisqualified { epoch: u64, dealer: ParticipantIndex, member: ParticipantIndex },
		/// Member `member`'s complaint against `dealer` was false: it is at fault.
		BeaconComplaintRejected { epoch: u64, dealer: ParticipantIndex, member: ParticipantIndex },
		/// A beacon member's fault was recorded and `penalty` taken from its bond.
		BeaconMemberFaulted { worker: T::AccountId, epoch: u64, penalty: BalanceOf<T> },
		/// The DKG of `epoch` produced the group key `X` from `qualified` dealings; it now
		/// serves new rounds.
		BeaconKeyActivated { epoch: u64, group_key: [u8; 32], qualified: u32 },
		/// The DKG of `epoch` ended with too few qualified dealings; a new one starts.
		BeaconDkgFailed { epoch: u64, dealings: u32 },
		/// Round `round` opened under the key of `epoch`.
		BeaconRoundOpened { round: u64, epoch: u64 },
		/// Open round `round` of an older key, unfinished for `4 * BeaconPeriod` blocks, moved
		/// to the active key of `epoch` and starts again.
		BeaconRoundMoved { round: u64, epoch: u64 },
		/// A valid share of member `member` for round `round` was accepted.
		BeaconRoundShareAccepted { round: u64, member: ParticipantIndex },
		/// Round `round` completed with output `rho_r`.
		BeaconRoundCompleted { round: u64, epoch: u64, output: [u8; 32] },
		/// `who` paid for a round: `round` is the first whose output nobody knew when it asked.
		BeaconRoundRequested { who: T::AccountId, round: u64 },
		/// A threshold key was requested. Its committee is drawn with beacon round
		/// `draw_round`, or was taken at once (`None`).
		KeyRequested { key: keys::KeyId, owner: T::AccountId, draw_round: Option<u64> },
		/// A key's committee, member `i` at position `i - 1`.
		KeyCommitteeDrawn { key: keys::KeyId, round: Option<u64>, members: Vec<T::AccountId> },
		/// Attempt `attempt` of a key's DKG started with these members (round 1 until `until`).
		KeyAttemptStarted {
			key: keys::KeyId,
			attempt: u32,
			members: Vec<T::AccountId>,
			until: BlockNumberFor<T>,
		},
		/// Member `member`'s round-1 package was accepted.
		KeyRound1Accepted { key: keys::KeyId, attempt: u32, member: ParticipantIndex },
		/// Member `member`'s envelope was accepted.
		KeyEnvelopeAccepted { key: keys::KeyId, attempt: u32, member: ParticipantIndex },
		/// Member `member`'s complaint proved `sender`'s share bad: `sender` is a culprit.
		KeyShareProvenBad {
			key: keys::KeyId,
			attempt: u32,
			sender: ParticipantIndex,
			member: ParticipantIndex,
		},
		/// Member `member`'s complaint against `sender` was false: it is at fault.
		KeyComplaintRejected {
			key: keys::KeyId,
			attempt: u32,
			sender: ParticipantIndex,
			member: ParticipantIndex,
		},
		/// A key attempt failed; `culprits` leave the next one.
		KeyAttemptFailed { key: keys::KeyId, attempt: u32, culprits: Vec<T::AccountId> },
		/// The key is made: `group_key` is `Y` (and its account's 32 bytes).
		KeyActivated { key: keys::KeyId, group_key: [u8; 32], digest: [u8; 32] },
		/// No key: no committee, too few members left or too many attempts.
		KeyFailed { key: keys::KeyId },
		/// A key member's fault was recorded and `penalty` taken from its bond.
		KeyMemberFaulted { worker: T::AccountId, key: keys::KeyId, penalty: BalanceOf<T> },
		/// The owner removed a key; its deposit returned and its members' seats are free.
		KeyRemoved { key: keys::KeyId },
		/// A refresh of the key starts (PROTOCOL.md section 14.10), asked by `by`, without
		/// `leaving` if a member asked to leave; its attempts follow.
		KeyRefreshStarted { key: keys::KeyId, by: T::AccountId, leaving: Option<T::AccountId> },
		/// A refresh package `Ψ` was accepted.
		KeyRefreshRound1Accepted { key: keys::KeyId, attempt: u32, member: ParticipantIndex },
		/// The key is refreshed: the same key, new shares, `members` now hold it in `epoch`.
		KeyRefreshed { key: keys::KeyId, epoch: u32, members: Vec<T::AccountId> },
		/// The refresh failed: the key stays as it was.
		KeyRefreshFailed { key: keys::KeyId },
		/// The key lived its last epoch: it signs no more; its seats are free.
		KeyExpired { key: keys::KeyId },
		/// Member `member` confirmed that its shares of the attempt all check.
		KeySharesConfirmed { key: keys::KeyId, attempt: u32, member: ParticipantIndex },

		/// `requester` asked key `key` to sign.
		SignatureRequested {
			request: keys::SignRequestId,
			key: keys::KeyId,
			requester: T::AccountId,
		},
		/// Member `member` committed to sign in attempt `attempt`.
		SigningCommitmentAccepted {
			request: keys::SignRequestId,
			attempt: u32,
			member: ParticipantIndex,
		},
		/// The `t + 1`-th commitment fixed the attempt's signers.
		SignersFixed { request: keys::SignRequestId, attempt: u32, signers: Vec<ParticipantIndex> },
		/// Signer `member`'s share was valid.
		SignatureShareAccepted {
			request: keys::SignRequestId,
			attempt: u32,
			member: ParticipantIndex,
		},
		/// Signer `member`'s share did not verify: a fault; the request goes on without it.
		SignatureShareRejected {
			request: keys::SignRequestId,
			attempt: u32,
			member: ParticipantIndex,
		},
		/// A new signing attempt started without `excluded` (a bad or a missing share).
		SigningRestarted {
			request: keys::SignRequestId,
			attempt: u32,
			excluded: Vec<ParticipantIndex>,
		},
		/// The request is signed: an Ed25519 signature by the key, verified.
		Signed { request: keys::SignRequestId, key: keys::KeyId, signature: [u8; 64] },
		/// The request failed: too few members left, or its deadline passed.
		SignatureFailed { request: keys::SignRequestId, key: keys::KeyId },
		/// The requester removed an ended request; its deposit returned.
		SignRequestRemoved { request: keys::SignRequestId },
		/// Committee member `worker_index` checked its share of every input and has no
		/// complaint left to make; when every member has, complaints close at once.
		InputsConfirmed { job_id: JobId, worker_index: ParticipantIndex },
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
		/// This runtime runs no beacon: no round to request, and no committee draw (a job whose
		/// committee is smaller than the pool needs one).
		NoBeacon,
		/// `MaxWaitingJobs` jobs already wait for a committee draw.
		TooManyWaitingJobs,
		/// The dimension is zero or larger than `MaxDimension`.
		InvalidDimension,
		/// The input window is zero or longer than `MaxInputWindow`.
		InvalidInputWindow,
		/// `1 <= min_inputs <= max_inputs <= MaxInputsPerJob` does not hold.
		InvalidInputLimits,
		/// More than 38 decimals.
		InvalidDecimals,
		/// `n * reward_per_worker` overflows the balance type.
		RewardOverflow,
		/// The reward per worker is below [`Config::MinRewardPerWorker`].
		RewardTooLow,
		/// The account's free balance cannot cover the bond, escrow or deposit to hold.
		InsufficientBalance,
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
		/// The complaint names an input by an `R`, or a ciphertext by a hash, that the input at
		/// that index does not have (it was made on another branch of a fork).
		InputMismatch,
		/// The complaint's `K` is not a canonical, non-identity point encoding.
		BadSharedKeyEncoding,
		/// The complaint's proof holds a non-canonical scalar.
		BadComplaintProofEncoding,
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
		/// The result share was computed for another aggregate `Ĉ` than the job's (on another
		/// branch of a fork).
		AggregateMismatch,
		/// The job has not ended yet.
		JobNotEnded,
		/// The job's inputs are still being cleaned up.
		CleanupPending,
		/// An invariant of the pallet's state did not hold: a bug, reported (defensively)
		/// instead of a panic. Nothing was changed.
		Inconsistent,
		/// The job's current phase has not reached its deadline yet.
		NotOverdue,
		/// The job has ended; it has no more deadlines.
		JobEnded,
		/// No beacon DKG runs for this epoch.
		NoDkg,
		/// The DKG no longer takes dealings.
		DealingWindowClosed,
		/// The account is not in this beacon committee.
		NotBeaconMember,
		/// The member already dealt in this DKG.
		AlreadyDealt,
		/// The dealer has no dealing in this DKG.
		UnknownDealing,
		/// The complaint names a dealing by a digest that the dealer's dealing does not have
		/// (it was made on another branch of a fork).
		DealingMismatch,
		/// The dealer is already disqualified.
		DealerAlreadyDisqualified,
		/// Too few qualified dealings for a key (internal: the DKG fails).
		NotEnoughDealings,
		/// No beacon round with this number is stored.
		UnknownRound,
		/// The round already completed.
		RoundAlreadyComplete,
		/// The member already gave a valid share for this round.
		RoundShareAlreadySubmitted,
		/// The round share is malformed or its proof does not verify against the member's
		/// public share (or it was made for another epoch's round on another branch of a fork).
		InvalidRoundShare,
		/// The input names a committee by a digest that the job's committee does not have (it
		/// was dealt on another branch of a fork, or before the job had this committee).
		CommitteeMismatch,
		/// The job's input rule is not valid for its dimension (PROTOCOL.md section 12.1): a
		/// range with another number of bounds than `d`, `lo > hi`, or `hi - lo >= 2^64`.
		InvalidInputRule,
		/// The input's validity proof is missing, malformed, or does not prove that the input
		/// obeys the job's rule (PROTOCOL.md section 12).
		InvalidValidityProof,
		/// No threshold key with this number.
		UnknownKey,
		/// Only the key's owner may do this.
		NotKeyOwner,
		/// The account is not a member of the key's current attempt.
		NotKeyMember,
		/// The key is not generating.
		KeyNotGenerating,
		/// The transaction was made for another attempt of the key (a fork, or late).
		WrongKeyAttempt,
		/// The attempt is not in the step this transaction belongs to (or the step opens in
		/// a later block).
		WrongKeyStep,
		/// The member already posted in this step.
		AlreadyPosted,
		/// The round-1 package's proof of knowledge does not verify.
		InvalidKeyProof,
		/// Another member of the attempt posted the same `φ_{i,0}`.
		RepeatedCommitment,
		/// The sender has no envelope in this attempt, or the complaint names the complainer.
		UnknownEnvelope,
		/// The complaint names an envelope by a digest the sender's does not have (another
		/// branch of a fork).
		EnvelopeMismatch,
		/// The key is not active.
		KeyNotActive,
		/// The key is still drawing or generating.
		KeyNotEnded,
		/// The key has open signing requests.
		KeyInUseBySignRequest,
		/// `MaxPendingKeys` keys already draw or generate.
		TooManyPendingKeys,
		/// `MaxOpenSignatures` signing requests are already open.
		TooManyOpenSignatures,
		/// No signing request with this number.
		UnknownSignRequest,
		/// The signing request ended.
		RequestEnded,
		/// The signing request is still open.
		RequestOpen,
		/// Only the requester may do this.
		NotRequester,
		/// The transaction was made for another attempt of the request.
		WrongSignAttempt,
		/// The member is left out of this request (an earlier bad or missing share).
		MemberExcluded,
		/// The attempt's signers are already fixed: no more commitments.
		SignersFixed,
		/// The attempt's signers are not fixed yet: no shares.
		SignersNotFixed,
		/// The member is not one of the attempt's signers.
		NotASigner,
		/// The package or envelope names another attempt (its digest `A` differs: made on
		/// another branch of a fork).
		AttemptMismatch,
		/// The signature share names another signing package (its digest `P` differs: made on
		/// another branch of a fork).
		PackageMismatch,
		/// The member's bond no longer covers a fault penalty: it signs no more.
		MemberNotBonded,
		/// A refresh of the key is running.
		RefreshInProgress,
		/// The key was refreshed `MaxKeyRefreshes` times.
		TooManyRefreshes,
		/// Only the owner refreshes a key before its epoch is over.
		EpochNotOver,
		/// Fewer than `t + 1` members would stay.
		TooFewMembers,
		/// The key is not refreshing in this attempt.
		KeyNotRefreshing,
		/// The key may still be refreshed: it does not expire yet.
		RefreshesLeft,
		/// The job is not `Verifying`.
		NotVerifying,
		/// The confirmation names a block that is not this chain's, or one from before the
		/// job's inputs closed.
		StaleConfirmation,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Runs this node's MPC workers: every `mpcw` key in the keystore acts for its jobs.
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_offchain_worker(now);
		}

		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			// Draws first: a job waiting for a round completed in the last block gets its
			// committee before a new round opens.
			Self::process_draws(now)
				.saturating_add(Self::process_deadlines(now))
				.saturating_add(Self::process_beacon(now))
				.saturating_add(Self::process_keys(now))
				.saturating_add(Self::process_signatures(now))
		}

		/// Block weight left over cleans up more inputs of ended jobs (their deposits return
		/// sooner) than `on_initialize`'s [`Config::CleanupBatch`].
		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::cleanup_within(remaining)
		}

		fn integrity_test() {
			use sp_runtime::traits::{Saturating, Zero};
			assert!(T::DeadlineBatch::get() >= 1, "DeadlineBatch must be at least 1");
			assert!(T::CleanupBatch::get() >= 1, "CleanupBatch must be at least 1");
			assert!(T::DisqualifiedPageSize::get() >= 1, "DisqualifiedPageSize must be at least 1");
			// `remove_job` removes every page of a job in one call.
			assert!(
				Self::remove_job_weight(Self::max_disqualified_pages())
					.all_lte(T::BlockWeights::get().max_block),
				"MaxInputsPerJob / DisqualifiedPageSize pages do not fit in a block"
			);
			// `InputRecord::complainants` has a bit per member.
			assert!(T::MaxCommittee::get() <= 64, "MaxCommittee must be at most 64");
			assert!(!T::MaxInputWindow::get().is_zero(), "MaxInputWindow must be at least 1");
			assert!(!T::ComplaintWindow::get().is_zero(), "ComplaintWindow must be at least 1");
			assert!(!T::ComputeWindow::get().is_zero(), "ComputeWindow must be at least 1");
			// A worker resends a dropped complaint while the window is open (issue 13, 5).
			// A complaint first sent in the block that closes collecting is resent
			// `resubmit_after` blocks later and lands one block after that, while complaints
			// are taken until the block before the window's end.
			let resend: BlockNumberFor<T> = (Self::worker_limits().resubmit_after + 1).into();
			assert!(resend < T::ComplaintWindow::get(), "ComplaintWindow must be at least 3");
			assert!(T::MaxJobsPerWorker::get() >= 1, "MaxJobsPerWorker must be at least 1");
			assert!(!T::DrawWindow::get().is_zero(), "DrawWindow must be at least 1");
			assert!(
				T::WorkerBond::get() >= T::FaultPenalty::get(),
				"a bond must cover a fault penalty, or new workers are never eligible"
			);
			if T::MaxKeyCommittee::get() >= 2 {
				assert!(
					T::MaxKeyCommittee::get() <= T::MaxWorkers::get(),
					"MaxKeyCommittee must not exceed MaxWorkers"
				);
				// A member's transaction lands in the block after it saw the step open.
				let two: BlockNumberFor<T> = 2u32.into();
				assert!(T::KeyRoundWindow::get() >= two, "KeyRoundWindow must be at least 2");
				assert!(T::SignWindow::get() >= two, "SignWindow must be at least 2");
				assert!(
					T::SignDeadline::get() > T::SignWindow::get(),
					"SignDeadline must outlast SignWindow"
				);
				assert!(T::MaxKeyAttempts::get() >= 1, "MaxKeyAttempts must be at least 1");
				assert!(T::MaxKeysPerWorker::get() >= 1, "MaxKeysPerWorker must be at least 1");
			}
			if Self::beacon_enabled() {
				assert!(
					T::MaxBeaconCommittee::get() <= T::MaxWorkers::get(),
					"MaxBeaconCommittee must not exceed MaxWorkers"
				);
				// A dealing carries 80 bytes per member and the end of a DKG decodes n (t + 1)
				// points in `on_initialize`: both grow fast with n.
				assert!(
					T::MaxBeaconCommittee::get() <= 64,
					"MaxBeaconCommittee above 64 makes dealings and the end of a DKG too heavy"
				);
				// A dealing or complaint the pool dropped is sent again inside its window.
				assert!(
					resend < T::DkgDealingWindow::get(),
					"DkgDealingWindow too short to resend"
				);
				assert!(
					resend < T::DkgComplaintWindow::get(),
					"DkgComplaintWindow too short to resend"
				);
				assert!(!T::BeaconPeriod::get().is_zero(), "BeaconPeriod must be at least 1");
				assert!(T::BeaconHistory::get() >= 1, "BeaconHistory must be at least 1");
				// A job waits for the round after the open one: two periods, and the members'
				// backups two blocks after a round opened, fit in its draw window.
				let periods = T::BeaconPeriod::get().saturating_mul(2u32.into());
				assert!(
					T::DrawWindow::get() > periods.saturating_add(4u32.into()),
					"DrawWindow must outlast two beacon periods and the members' backups"
				);
				assert!(
					T::BeaconEpochLength::get()
						> T::DkgDealingWindow::get().saturating_add(T::DkgComplaintWindow::get()),
					"a beacon epoch must outlast its DKG"
				);
			}
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
		/// Origin: [`Config::RegisterOrigin`]. Emits [`Event::WorkerRegistered`].
		/// Errors: [`Error::AlreadyRegistered`], [`Error::InvalidKey`], [`Error::KeyInUse`],
		/// [`Error::InvalidPossessionProof`], [`Error::TooManyWorkers`],
		/// [`Error::InsufficientBalance`]. Complexity: O(`MaxWorkers`) to append to the pool.
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
			Ok(Self::do_register(who, key)?)
		}

		/// Replaces the caller's key (with a proof of possession of the new one). Only while
		/// the worker sits in no active committee.
		///
		/// Origin: a registered worker. Emits [`Event::WorkerKeyRotated`].
		/// Errors: [`Error::NotRegistered`], [`Error::WorkerBusy`], [`Error::InvalidKey`],
		/// [`Error::KeyInUse`], [`Error::InvalidPossessionProof`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rotate_key())]
		pub fn rotate_key(origin: OriginFor<T>, key: [u8; 32], proof: [u8; 64]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_rotate_key(who, key, proof)?)
		}

		/// Leaves the worker pool and releases the bond. Only while the worker sits in no
		/// active committee.
		///
		/// Origin: a registered worker. Emits [`Event::WorkerDeregistered`].
		/// Errors: [`Error::NotRegistered`], [`Error::WorkerBusy`].
		/// Complexity: O(`MaxWorkers`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deregister_worker())]
		pub fn deregister_worker(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_deregister(who)?)
		}

		/// Creates a job and holds `n * reward_per_worker` in escrow plus the record's storage
		/// deposit ([`Pallet::job_footprint`]). With exactly `n` workers in the pool they are
		/// the committee and the job collects inputs at once; with more, the job waits in
		/// `Drawing` for its draw round (opening one if none is open) and the committee is
		/// drawn from the pool of this moment with that round's output (PROTOCOL.md section
		/// 11.7).
		///
		/// Origin: signed (the owner). Emits [`Event::JobCreated`], and
		/// [`Event::CommitteeDrawn`] when no draw is needed.
		/// Errors: [`Error::InvalidThreshold`], [`Error::CommitteeTooLarge`],
		/// [`Error::NotEnoughWorkers`], [`Error::NoBeacon`], [`Error::TooManyWaitingJobs`],
		/// [`Error::InvalidDimension`], [`Error::InvalidInputRule`],
		/// [`Error::InvalidInputWindow`], [`Error::InvalidInputLimits`],
		/// [`Error::InvalidDecimals`], [`Error::RewardOverflow`],
		/// [`Error::InsufficientBalance`].
		/// Complexity: O(`n` + `MaxWorkers`).
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::create_job_weight(spec.committee_size))]
		pub fn create_job(origin: OriginFor<T>, spec: JobSpec<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_create_job(owner, spec)?;
			Ok(())
		}

		/// Cancels a job that has no inputs yet (collecting, or still waiting for its
		/// committee); escrow and deposit return to the owner.
		///
		/// Origin: the job's owner. Emits [`Event::JobCancelled`].
		/// Errors: [`Error::UnknownJob`], [`Error::NotJobOwner`], [`Error::NotCollecting`],
		/// [`Error::HasInputs`]. Complexity: O(`n`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_job(T::MaxCommittee::get()))]
		pub fn cancel_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_cancel_job(who, job_id)?)
		}

		/// Ends collecting early, once the job has at least `min_inputs` inputs.
		///
		/// Origin: the job's owner. Emits [`Event::InputsClosed`].
		/// Errors: [`Error::UnknownJob`], [`Error::NotJobOwner`], [`Error::NotCollecting`],
		/// [`Error::TooFewInputs`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::close_inputs())]
		pub fn close_inputs(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_close_inputs(who, job_id)?)
		}

		/// Submits the caller's private input to a job (PROTOCOL.md section 5): `R`, the proof
		/// of knowledge of `r`, `C_0..C_t` and `ct_1..ct_n`, as `mpc_primitives::deal` makes
		/// them (a [`BoundedSubmission`] converts from its `Submission`), with `validity`, the
		/// proof that the input obeys the job's rule (PROTOCOL.md section 12; empty for a job
		/// without one, as `mpc_primitives::deal_with_rule` makes it), dealt to the committee
		/// whose digest is `committee_digest` ([`committee_digest()`], PROTOCOL.md section
		/// 10), so that the input is refused, not disqualified, on a branch of a fork where the
		/// job has another committee. Holds the input's storage deposit
		/// ([`Pallet::input_footprint`]).
		///
		/// Origin: signed (the provider). Emits [`Event::InputSubmitted`], and
		/// [`Event::InputsClosed`] when the job reaches `max_inputs`.
		/// Errors: [`Error::UnknownJob`], [`Error::NotCollecting`], [`Error::CommitteeMismatch`],
		/// [`Error::ProviderNotAllowed`], [`Error::AlreadySubmitted`], the acceptance errors
		/// ([`Error::WrongCommitmentCount`], [`Error::BadCommitmentEncoding`],
		/// [`Error::WrongCiphertextCount`], [`Error::BadCiphertextLength`],
		/// [`Error::BadEphemeralKeyEncoding`], [`Error::IdentityEphemeralKey`],
		/// [`Error::InvalidDealingProof`], [`Error::RepeatedEphemeralKey`]),
		/// [`Error::InvalidValidityProof`], [`Error::InsufficientBalance`].
		/// Complexity: O(`n` + `t`) for the proof, `n` ciphertext writes, and the validity
		/// proof's check: charged up front for the longest check a proof of its length can
		/// need ([`Pallet::validity_weight_bound`]), refunded to the job rule's.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::submit_input(submission.ciphertexts.len() as u32)
				.saturating_add(Pallet::<T>::validity_weight_bound(validity.len()))
		)]
		pub fn submit_input(
			origin: OriginFor<T>,
			job_id: JobId,
			committee_digest: [u8; 32],
			submission: BoundedSubmission<T>,
			validity: ValidityProof<T>,
		) -> DispatchResultWithPostInfo {
			let provider = ensure_signed(origin)?;
			let n = submission.ciphertexts.len() as u32;
			let rule_weight =
				Self::do_submit_input(provider, job_id, committee_digest, submission, validity)?;
			let actual = T::WeightInfo::submit_input(n).saturating_add(rule_weight);
			Ok(Some(actual).into())
		}

		/// A committee worker complains that its share of input `input` is bad (PROTOCOL.md
		/// section 7), revealing `K_i` with a DLEQ proof. The input is named by its index, its
		/// `R` (`ephemeral_key`) and the hash of the worker's ciphertext it judged
		/// (`ciphertext_hash`, `SHA512(ct_i)[0..32]`), so that a complaint made on another
		/// branch of a fork is refused instead of judged (PROTOCOL.md section 10). The pallet decides: a bad share disqualifies the input
		/// (its deposit is forfeited); a good one makes the complaint false and the worker at
		/// fault. Honest complaints are free.
		///
		/// Origin: a member of the job's committee. Emits [`Event::InputDisqualified`] or
		/// [`Event::ComplaintRejected`] with [`Event::WorkerFaulted`].
		/// Errors: [`Error::UnknownJob`], [`Error::NotInCommittee`],
		/// [`Error::ComplaintWindowClosed`], [`Error::UnknownInput`], [`Error::InputMismatch`],
		/// [`Error::AlreadyDisqualified`], [`Error::BadSharedKeyEncoding`],
		/// [`Error::BadComplaintProofEncoding`], [`Error::InvalidComplaintProof`].
		#[pallet::call_index(7)]
		#[pallet::weight((
			T::WeightInfo::complain(T::MaxCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn complain(
			origin: OriginFor<T>,
			job_id: JobId,
			input: InputIndex,
			ephemeral_key: [u8; 32],
			ciphertext_hash: [u8; 32],
			shared_key: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let named = InputNaming { ephemeral_key, ciphertext_hash };
			Ok(Self::do_complain(who, job_id, input, named, shared_key, proof)?)
		}

		/// A committee worker submits its result share `(S_i, U_i)` (PROTOCOL.md section 8):
		/// `sum_shares` are the `d` scalars `S_{i,l}`, `blinding` is `U_i`, and
		/// `aggregate_digest` names the aggregate `Ĉ` they were computed for (section 10), so
		/// that a share made on another branch of a fork is refused instead of judged. A valid share is
		/// stored (and, once the job completes, paid); the `t + 1`-th valid share completes
		/// the job. An invalid share is not counted and is a fault. Valid shares are free.
		///
		/// Origin: a member of the job's committee. Emits [`Event::ResultShareAccepted`] (and
		/// [`Event::JobCompleted`], [`Event::WorkerPaid`]) or [`Event::ResultShareRejected`]
		/// with [`Event::WorkerFaulted`].
		/// Errors: [`Error::UnknownJob`], [`Error::NotInCommittee`], [`Error::NotComputing`],
		/// [`Error::ResultShareAlreadySubmitted`], [`Error::WrongDimension`],
		/// [`Error::MalformedResultShare`], [`Error::AggregateMismatch`].
		#[pallet::call_index(8)]
		#[pallet::weight((
			T::WeightInfo::submit_result_share(T::MaxCommittee::get())
				.saturating_add(<T::OnJobCompleted as OnJobCompleted<T::AccountId>>::weight()),
			DispatchClass::Operational,
		))]
		pub fn submit_result_share(
			origin: OriginFor<T>,
			job_id: JobId,
			aggregate_digest: [u8; 32],
			sum_shares: RawResultValues<T>,
			blinding: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Self::do_submit_result_share(who, job_id, aggregate_digest, sum_shares, blinding)?)
		}

		/// Removes an ended job's record and releases its storage deposit.
		///
		/// Origin: the job's owner. Emits [`Event::JobRemoved`].
		/// Errors: [`Error::UnknownJob`], [`Error::NotJobOwner`], [`Error::JobNotEnded`],
		/// [`Error::CleanupPending`]. Complexity: O(`n` + `p`), `p` the pages of its
		/// disqualified list; charged at the most pages, refunded down to the job's.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::remove_job_weight(Pallet::<T>::max_disqualified_pages()))]
		pub fn remove_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			use frame_support::dispatch::WithPostDispatchInfo;
			// A refused call removed no page.
			let pages = Self::do_remove_job(who, job_id)
				.map_err(|e| e.with_weight(Self::remove_job_weight(0)))?;
			Ok(Some(Self::remove_job_weight(pages)).into())
		}

		/// Starts (`true`) or stops (`false`) accepting new jobs: a worker that stops is drawn
		/// into no new committee, finishes the jobs it has, and may then deregister or rotate
		/// its key. Setting the state it is in changes nothing.
		///
		/// Origin: a registered worker. Emits [`Event::WorkerAcceptingJobs`].
		/// Errors: [`Error::NotRegistered`]. Complexity: O(`MaxWorkers`) to update the pool.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_accepting())]
		pub fn set_accepting(origin: OriginFor<T>, accepting: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_set_accepting(who, accepting)?)
		}

		/// A beacon member deals its contribution to the key of `epoch` (PROTOCOL.md section
		/// 11.2), as `mpc_primitives::deal_key` makes it. Free when accepted.
		///
		/// Origin: a member of the epoch's DKG committee. Emits
		/// [`Event::BeaconDealingAccepted`].
		/// Errors: [`Error::NoDkg`], [`Error::DealingWindowClosed`], [`Error::NotBeaconMember`],
		/// [`Error::AlreadyDealt`], the acceptance errors of inputs
		/// ([`Error::WrongCommitmentCount`], [`Error::BadCommitmentEncoding`],
		/// [`Error::WrongCiphertextCount`], [`Error::BadEphemeralKeyEncoding`],
		/// [`Error::IdentityEphemeralKey`], [`Error::InvalidDealingProof`],
		/// [`Error::RepeatedEphemeralKey`]).
		#[pallet::call_index(12)]
		#[pallet::weight((
			T::WeightInfo::submit_key_dealing(dealing.ciphertexts.len() as u32),
			DispatchClass::Operational,
		))]
		pub fn submit_key_dealing(
			origin: OriginFor<T>,
			epoch: u64,
			dealing: BoundedKeyDealing<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_key_dealing(who, epoch, dealing)?;
			Ok(Pays::No.into())
		}

		/// A beacon member complains that its share of `dealer`'s dealing is bad (PROTOCOL.md
		/// section 11.3), revealing `K` with a DLEQ proof; the dealing is named by its digest
		/// `h_j` (`mpc_primitives::dealing_digest`). A bad share disqualifies the dealer (free); a
		/// good one makes the member at fault.
		///
		/// Origin: a member of the epoch's DKG committee. Emits
		/// [`Event::BeaconDealerDisqualified`] or [`Event::BeaconComplaintRejected`] with
		/// [`Event::BeaconMemberFaulted`].
		/// Errors: [`Error::NoDkg`] (also once the complaint window closed: the DKG ended),
		/// [`Error::NotBeaconMember`], [`Error::UnknownDealing`], [`Error::DealingMismatch`],
		/// [`Error::DealerAlreadyDisqualified`], [`Error::BadSharedKeyEncoding`],
		/// [`Error::BadComplaintProofEncoding`], [`Error::InvalidComplaintProof`].
		#[pallet::call_index(13)]
		#[pallet::weight((
			T::WeightInfo::complain_dealing(T::MaxBeaconCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn complain_dealing(
			origin: OriginFor<T>,
			epoch: u64,
			dealer: ParticipantIndex,
			dealing_digest: [u8; 32],
			shared_key: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Self::do_complain_dealing(who, epoch, dealer, dealing_digest, shared_key, proof)?)
		}

		/// A beacon member posts its share `Y_i` of round `round` with its DLEQ proof
		/// (PROTOCOL.md section 11.5). The `t_B + 1`-th valid share completes the round. Free
		/// when valid.
		///
		/// Origin: a member of the round's committee. Emits [`Event::BeaconRoundShareAccepted`]
		/// and, when it completes the round, [`Event::BeaconRoundCompleted`].
		/// Errors: [`Error::UnknownRound`], [`Error::RoundAlreadyComplete`],
		/// [`Error::NotBeaconMember`], [`Error::RoundShareAlreadySubmitted`],
		/// [`Error::InvalidRoundShare`].
		#[pallet::call_index(14)]
		#[pallet::weight((
			T::WeightInfo::submit_round_share(T::MaxBeaconCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn submit_round_share(
			origin: OriginFor<T>,
			round: u64,
			share: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Self::do_submit_round_share(who, round, share, proof)?)
		}

		/// Asks for a beacon round whose output nobody knows yet, paying
		/// [`Config::RoundRequestFee`]: the next round, which opens in the next block when no
		/// round is open, or as soon as the open one completes (never in this block, PROTOCOL.md
		/// section 11.7). Read the output with the runtime API
		/// `MpcBeaconApi` once the round completes (PROTOCOL.md section 11.7).
		///
		/// Origin: signed. Emits [`Event::BeaconRoundRequested`] with the round.
		/// Errors: [`Error::NoBeacon`], [`Error::InsufficientBalance`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::request_round())]
		pub fn request_round(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_round(who)?;
			Ok(())
		}

		/// Moves a job whose current phase is past its deadline to its next phase now, as
		/// `on_initialize` would have: the escape hatch when deadlines queue up behind a flood
		/// (they carry over, [`Config::DeadlineBatch`] per block). Free when it moved a job.
		///
		/// Origin: signed, anyone. Emits the transition's event ([`Event::InputsClosed`],
		/// [`Event::ComputationStarted`], [`Event::JobSettled`] or [`Event::JobFailed`]).
		/// Errors: [`Error::UnknownJob`], [`Error::JobEnded`], [`Error::NotOverdue`].
		/// Complexity: O(`n`), as one deadline in `on_initialize`.
		#[pallet::call_index(10)]
		#[pallet::weight((
			T::WeightInfo::advance_job(T::MaxCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn advance_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_advance_job(job_id)?;
			Ok(Pays::No.into())
		}

		/// The provider of an input to an ended job takes its deposit back now, instead of
		/// waiting for the cleanup of the job's inputs: the input's data is removed and a
		/// qualified input's deposit released (a disqualified input's deposit was forfeited).
		/// The job's record keeps what an audit needs (PROTOCOL.md section 10).
		///
		/// Origin: signed, the provider. Emits [`Event::InputReclaimed`].
		/// Errors: [`Error::UnknownJob`], [`Error::JobNotEnded`], [`Error::UnknownInput`] (no
		/// input of the caller's is left).
		/// Complexity: O(`n`), as one input of the cleanup.
		#[pallet::call_index(16)]
		#[pallet::weight(
			T::WeightInfo::cleanup_input(T::MaxCommittee::get())
				.saturating_add(T::DbWeight::get().reads(2))
		)]
		pub fn reclaim_input_deposit(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Ok(Self::do_reclaim_input_deposit(provider, job_id)?)
		}

		/// Requests a threshold key of `committee_size` members, any `threshold + 1` of whom
		/// sign (PROTOCOL.md section 14.8), paying [`Config::KeyFee`] (and
		/// [`Config::RoundRequestFee`] when the committee is drawn) and holding a storage
		/// deposit. With exactly `committee_size` workers in the pool the DKG starts at once.
		///
		/// Origin: signed; the key's owner. Emits [`Event::KeyRequested`] and, without a draw,
		/// [`Event::KeyCommitteeDrawn`] and [`Event::KeyAttemptStarted`].
		/// Errors: [`Error::InvalidThreshold`], [`Error::CommitteeTooLarge`],
		/// [`Error::NotEnoughWorkers`], [`Error::NoBeacon`], [`Error::TooManyPendingKeys`],
		/// [`Error::InsufficientBalance`].
		#[pallet::call_index(17)]
		#[pallet::weight(
			T::WeightInfo::create_key(*committee_size)
				// Every pool member's key seats are read (the benchmark's pool is the committee).
				.saturating_add(T::DbWeight::get().reads(T::MaxWorkers::get().into()))
		)]
		pub fn create_key(
			origin: OriginFor<T>,
			committee_size: u32,
			threshold: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_key(who, committee_size, threshold)?;
			Ok(())
		}

		/// A key member posts its round-1 package for attempt `attempt`, named by its digest
		/// `A` (PROTOCOL.md section 14.3). Free when accepted.
		///
		/// Origin: a member of the attempt. Emits [`Event::KeyRound1Accepted`].
		/// Errors: [`Error::UnknownKey`], [`Error::KeyNotGenerating`],
		/// [`Error::WrongKeyAttempt`], [`Error::NotKeyMember`], [`Error::AttemptMismatch`],
		/// [`Error::WrongKeyStep`], [`Error::AlreadyPosted`], [`Error::WrongCommitmentCount`],
		/// [`Error::BadCommitmentEncoding`], [`Error::InvalidKeyProof`],
		/// [`Error::RepeatedCommitment`].
		#[pallet::call_index(18)]
		#[pallet::weight((
			T::WeightInfo::submit_key_round1(T::MaxKeyCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn submit_key_round1(
			origin: OriginFor<T>,
			key: keys::KeyId,
			attempt: u32,
			attempt_digest: [u8; 32],
			package: keys::BoundedRound1<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_key_round1(who, key, attempt, attempt_digest, package)?;
			Ok(Pays::No.into())
		}

		/// A key member posts its envelope for attempt `attempt`, named by its digest `A`
		/// (PROTOCOL.md section 14.4). Free when accepted.
		///
		/// Origin: a member of the attempt. Emits [`Event::KeyEnvelopeAccepted`].
		/// Errors: those of [`Pallet::submit_key_round1`] for the key, attempt and step,
		/// [`Error::RepeatedEphemeralKey`], [`Error::WrongCiphertextCount`],
		/// [`Error::BadEphemeralKeyEncoding`], [`Error::IdentityEphemeralKey`],
		/// [`Error::InvalidDealingProof`].
		#[pallet::call_index(19)]
		#[pallet::weight((
			T::WeightInfo::submit_key_envelope(T::MaxKeyCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn submit_key_envelope(
			origin: OriginFor<T>,
			key: keys::KeyId,
			attempt: u32,
			attempt_digest: [u8; 32],
			envelope: keys::BoundedEnvelope<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_key_envelope(who, key, attempt, attempt_digest, envelope)?;
			Ok(Pays::No.into())
		}

		/// A key member complains that its share in `sender`'s envelope is bad (PROTOCOL.md
		/// section 14.5), revealing `K` with a DLEQ proof; the envelope is named by its
		/// digest `h_j`. A bad share makes `sender` a culprit (at fault; free); a good one
		/// makes the member at fault.
		///
		/// Origin: a member of the attempt. Emits [`Event::KeyShareProvenBad`] or
		/// [`Event::KeyComplaintRejected`], with [`Event::KeyMemberFaulted`].
		/// Errors: those of [`Pallet::submit_key_round1`] for the key, attempt and step,
		/// [`Error::UnknownEnvelope`], [`Error::EnvelopeMismatch`],
		/// [`Error::BadSharedKeyEncoding`], [`Error::BadComplaintProofEncoding`],
		/// [`Error::InvalidComplaintProof`].
		#[pallet::call_index(20)]
		#[pallet::weight((
			T::WeightInfo::complain_key_envelope(T::MaxKeyCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn complain_key_envelope(
			origin: OriginFor<T>,
			key: keys::KeyId,
			attempt: u32,
			sender: ParticipantIndex,
			envelope_digest: [u8; 32],
			shared_key: [u8; 32],
			proof: [u8; 64],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Self::do_complain_key_envelope(
				who,
				key,
				attempt,
				sender,
				envelope_digest,
				shared_key,
				proof,
			)?)
		}

		/// The key's owner asks it to sign `message` (PROTOCOL.md section 14.6), paying
		/// [`Config::SignFee`] and holding the request's storage deposit.
		///
		/// Origin: signed; the key's owner. Emits [`Event::SignatureRequested`].
		/// Errors: [`Error::UnknownKey`], [`Error::NotKeyOwner`], [`Error::KeyNotActive`],
		/// [`Error::TooManyOpenSignatures`], [`Error::InsufficientBalance`].
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::request_signature())]
		pub fn request_signature(
			origin: OriginFor<T>,
			key: keys::KeyId,
			message: keys::SignMessage<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let owner = ThresholdKeys::<T>::get(key).ok_or(Error::<T>::UnknownKey)?.owner;
			ensure!(owner == who, Error::<T>::NotKeyOwner);
			Self::do_request_signature(who, key, message)?;
			Ok(())
		}

		/// A key member commits to sign attempt `attempt` of a request: `(D_i, F_i)`. The
		/// `t + 1`-th commitment fixes the signers. Free when accepted.
		///
		/// Origin: a member of the key. Emits [`Event::SigningCommitmentAccepted`] and, with
		/// the `t + 1`-th, [`Event::SignersFixed`].
		/// Errors: [`Error::UnknownSignRequest`], [`Error::RequestEnded`],
		/// [`Error::WrongSignAttempt`], [`Error::NotKeyMember`], [`Error::MemberExcluded`],
		/// [`Error::SignersFixed`], [`Error::MemberNotBonded`], [`Error::AlreadyPosted`],
		/// [`Error::BadCommitmentEncoding`].
		#[pallet::call_index(22)]
		#[pallet::weight((
			T::WeightInfo::submit_sign_commitment(T::MaxKeyCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn submit_sign_commitment(
			origin: OriginFor<T>,
			request: keys::SignRequestId,
			attempt: u32,
			commitment: mpc_primitives::frost::SigningCommitment,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_sign_commitment(who, request, attempt, commitment)?;
			Ok(Pays::No.into())
		}

		/// A signer posts its signature share `z_i` for attempt `attempt` of a request, naming
		/// the signing package by its digest `P` (PROTOCOL.md section 14.6). A valid share is
		/// free; the last one makes and verifies the signature. A bad share
		/// is a fault, and the request restarts without its member.
		///
		/// Origin: a signer of the attempt. Emits [`Event::SignatureShareAccepted`] (and
		/// [`Event::Signed`]), or [`Event::SignatureShareRejected`],
		/// [`Event::KeyMemberFaulted`] and [`Event::SigningRestarted`].
		/// Errors: those of [`Pallet::submit_sign_commitment`] for the request and member,
		/// [`Error::SignersNotFixed`], [`Error::NotASigner`], [`Error::AlreadyPosted`],
		/// [`Error::PackageMismatch`].
		#[pallet::call_index(23)]
		#[pallet::weight((
			T::WeightInfo::submit_sign_share(T::MaxKeyCommittee::get())
				.saturating_add(T::OnSignature::weight()),
			DispatchClass::Operational,
		))]
		pub fn submit_sign_share(
			origin: OriginFor<T>,
			request: keys::SignRequestId,
			attempt: u32,
			package_digest: [u8; 32],
			share: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Self::do_submit_sign_share(who, request, attempt, package_digest, share)?)
		}

		/// The owner removes an active, expired or failed key without open requests and not
		/// refreshing: its deposit returns, its members' seats are free, and its members can no
		/// longer sign with it.
		///
		/// Origin: the key's owner. Emits [`Event::KeyRemoved`].
		/// Errors: [`Error::UnknownKey`], [`Error::NotKeyOwner`], [`Error::KeyNotEnded`],
		/// [`Error::KeyInUseBySignRequest`], [`Error::RefreshInProgress`].
		#[pallet::call_index(24)]
		#[pallet::weight(
			T::WeightInfo::remove_key(T::MaxKeyCommittee::get())
				// Every refresh's record, packages and envelopes (not in the benchmark's key).
				.saturating_add(T::DbWeight::get().writes(
					u64::from(T::MaxKeyRefreshes::get())
						.saturating_mul(2 * u64::from(T::MaxKeyCommittee::get()) + 1),
				))
		)]
		pub fn remove_key(origin: OriginFor<T>, key: keys::KeyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_remove_key(who, key)?)
		}

		/// The requester removes an ended signing request; its deposit returns.
		///
		/// Origin: the requester. Emits [`Event::SignRequestRemoved`].
		/// Errors: [`Error::UnknownSignRequest`], [`Error::NotRequester`],
		/// [`Error::RequestOpen`].
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::remove_signature())]
		pub fn remove_signature(
			origin: OriginFor<T>,
			request: keys::SignRequestId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_remove_signature(who, request)?)
		}

		/// Refreshes an active key (PROTOCOL.md section 14.10): the same key, new shares for
		/// the same members. The owner may at any time; anyone once the key's epoch
		/// ([`Config::KeyEpochLength`]) is over.
		///
		/// Origin: signed. Emits [`Event::KeyRefreshStarted`], [`Event::KeyAttemptStarted`].
		/// Errors: [`Error::UnknownKey`], [`Error::KeyNotActive`], [`Error::RefreshInProgress`],
		/// [`Error::TooManyRefreshes`], [`Error::EpochNotOver`], [`Error::TooManyPendingKeys`].
		#[pallet::call_index(26)]
		#[pallet::weight(
			T::WeightInfo::refresh_key(T::MaxKeyCommittee::get())
				// Every member's bond (not in the benchmark, whose members all stay).
				.saturating_add(T::DbWeight::get().reads(T::MaxKeyCommittee::get().into()))
		)]
		pub fn refresh_key(origin: OriginFor<T>, key: keys::KeyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_refresh_key(who, key, false)?)
		}

		/// A member leaves a key: the key is refreshed without it (PROTOCOL.md section 14.10),
		/// so its share no longer counts, and its key seat is freed when the refresh completes.
		///
		/// Origin: a member of the key. Emits [`Event::KeyRefreshStarted`],
		/// [`Event::KeyAttemptStarted`].
		/// Errors: those of [`Pallet::refresh_key`] but [`Error::EpochNotOver`],
		/// [`Error::NotKeyMember`], [`Error::TooFewMembers`].
		#[pallet::call_index(27)]
		#[pallet::weight(
			T::WeightInfo::refresh_key(T::MaxKeyCommittee::get())
				.saturating_add(T::DbWeight::get().reads(T::MaxKeyCommittee::get().into()))
		)]
		pub fn leave_key(origin: OriginFor<T>, key: keys::KeyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Ok(Self::do_refresh_key(who, key, true)?)
		}

		/// A key member posts its refresh package `Ψ_{i,1..t}` for refresh attempt `attempt`,
		/// named by its digest `A_r` (PROTOCOL.md section 14.9). Free when accepted. Its
		/// envelope and complaints go through [`Pallet::submit_key_envelope`] and
		/// [`Pallet::complain_key_envelope`].
		///
		/// Origin: a member of the attempt. Emits [`Event::KeyRefreshRound1Accepted`].
		/// Errors: [`Error::UnknownKey`], [`Error::KeyNotRefreshing`],
		/// [`Error::WrongKeyAttempt`], [`Error::NotKeyMember`], [`Error::AttemptMismatch`],
		/// [`Error::WrongKeyStep`], [`Error::AlreadyPosted`], [`Error::WrongCommitmentCount`],
		/// [`Error::BadCommitmentEncoding`].
		#[pallet::call_index(28)]
		#[pallet::weight((
			T::WeightInfo::submit_refresh_round1(T::MaxKeyCommittee::get()),
			DispatchClass::Operational,
		))]
		pub fn submit_refresh_round1(
			origin: OriginFor<T>,
			key: keys::KeyId,
			attempt: u32,
			attempt_digest: [u8; 32],
			package: keys::KeyPoints<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_refresh_round1(who, key, attempt, attempt_digest, package)?;
			Ok(Pays::No.into())
		}

		/// Ends a key that was refreshed `MaxKeyRefreshes` times once that epoch is over
		/// (PROTOCOL.md section 14.10): its open signing requests fail, its members' seats are
		/// freed and its transcripts removed; it signs no more. The owner then removes it.
		///
		/// Origin: signed (anyone; a member's worker sends it). Emits [`Event::KeyExpired`].
		/// Errors: [`Error::UnknownKey`], [`Error::KeyNotActive`], [`Error::RefreshInProgress`],
		/// [`Error::RefreshesLeft`], [`Error::EpochNotOver`].
		#[pallet::call_index(29)]
		#[pallet::weight(
			T::WeightInfo::expire_key(T::MaxKeyCommittee::get())
				// The open requests failing (`on_signature` each).
				.saturating_add(
					T::DbWeight::get()
						.reads_writes(
							T::MaxOpenSignatures::get().into(),
							T::MaxOpenSignatures::get().into(),
						)
						.saturating_add(
							T::OnSignature::weight()
								.saturating_mul(T::MaxOpenSignatures::get().into()),
						),
				)
		)]
		pub fn expire_key(origin: OriginFor<T>, key: keys::KeyId) -> DispatchResult {
			ensure_signed(origin)?;
			Ok(Self::do_expire_key(key)?)
		}

		/// A key member confirms that its shares of attempt `attempt` (the DKG's or a
		/// refresh's, named by its digest `A` or `A_r`) all check, naming the envelopes it
		/// checked by `C` (PROTOCOL.md section 14.5). Every member must confirm before the key
		/// is made or refreshed; when all have, the complaint window ends early. Free when
		/// accepted.
		///
		/// Origin: a member of the attempt. Emits [`Event::KeySharesConfirmed`].
		/// Errors: those of [`Pallet::submit_key_round1`] (or [`Pallet::submit_refresh_round1`])
		/// for the key, attempt and step, [`Error::AlreadyPosted`], [`Error::EnvelopeMismatch`].
		#[pallet::call_index(30)]
		#[pallet::weight((
			T::WeightInfo::confirm_key_shares(T::MaxKeyCommittee::get())
				// A refresh's record (the benchmark confirms a DKG attempt).
				.saturating_add(T::DbWeight::get().reads(1)),
			DispatchClass::Operational,
		))]
		pub fn confirm_key_shares(
			origin: OriginFor<T>,
			key: keys::KeyId,
			attempt: u32,
			attempt_digest: [u8; 32],
			confirm_digest: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_confirm_key_shares(who, key, attempt, attempt_digest, confirm_digest)?;
			Ok(Pays::No.into())
		}

		/// A committee worker confirms that, in the state of its chain's block `at` (hash
		/// `at_hash`), it has checked its share of every input of the `Verifying` job and every
		/// input whose share failed is disqualified (PROTOCOL.md section 10). The confirmation
		/// that completes the committee's ends `Verifying` at once, as its deadline would.
		/// Free when accepted; a refused one changes nothing and is no fault.
		///
		/// Origin: a member of the job's committee. Emits [`Event::InputsConfirmed`] (and, from
		/// the last member, [`Event::ComputationStarted`]; with too few qualified inputs the job
		/// fails in the next block's `on_initialize` instead).
		/// Errors: [`Error::UnknownJob`], [`Error::NotVerifying`], [`Error::NotInCommittee`],
		/// [`Error::StaleConfirmation`], [`Error::AlreadyPosted`].
		#[pallet::call_index(31)]
		#[pallet::weight((T::WeightInfo::confirm_inputs(), DispatchClass::Operational))]
		pub fn confirm_inputs(
			origin: OriginFor<T>,
			job_id: JobId,
			at: BlockNumberFor<T>,
			at_hash: T::Hash,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_confirm_inputs(who, job_id, at, at_hash)?;
			Ok(Pays::No.into())
		}
	}
}

/// The worker key is a session key of the runtime, so `--dev`/`--alice` and `author_rotateKeys`
/// put one in the keystore.
impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = crypto::Public;
}
