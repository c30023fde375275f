//! # Privacy smart contracts: pallet-mpc for pallet-revive contracts
//!
//! A precompile, [`MpcPrecompile`], at `0x000000000000000000000000000000000D000000`, through
//! which Solidity (EVM bytecode) and PolkaVM contracts use [`pallet_mpc`]: they create jobs
//! (the contract owns them and pays for them from its balance), read their state and results,
//! read the randomness beacon, and receive each job's outcome in a callback that anyone may
//! trigger with `fulfill` once the job has ended. Its interface is `contracts/IMpc.sol`, the
//! same file this crate compiles its ABI from; its behaviour is specified in
//! `docs/PROTOCOL.md` section 13.
//!
//! Inputs never pass through a contract: data providers deal them to the job's committee and
//! submit them to `pallet_mpc::Pallet::submit_input`, as for any other job. A contract only
//! creates, reads and receives.
//!
//! ## Use in a runtime
//!
//! Implement [`Config`] (one item, the callbacks' proof size) for a runtime that has `pallet_mpc` and `pallet_revive`,
//! add this pallet to `construct_runtime` (it holds the pending callbacks) and the precompile
//! to `pallet_revive::Config::Precompiles`:
//!
//! ```ignore
//! impl pallet_mpc_contracts::Config for Runtime {
//!     type CallbackProofSize = ConstU64<{ 256 * 1024 }>;
//! }
//! impl pallet_revive::Config for Runtime {
//!     type Precompiles = (pallet_mpc_contracts::MpcPrecompile<Self>,);
//!     // ...
//! }
//! ```
//!
//! ## Costs
//!
//! Precompiles are not metered by the contract engine; every call charges its weight first:
//! `createJob` pallet-mpc's benchmarked `create_job` weight plus one write, the views their
//! reads, `fulfill` its reads and writes (the callback then spends the gas it was given), and
//! every event its size, as pallet-revive prices events.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod precompile;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use precompile::{
	callback_budget, decode_output, floor_div, CallbackBudget, IMpc, IMpcConsumer, MpcPrecompile,
	CALLBACK_GAS_MARGIN, PRECOMPILE_ADDRESS, PRECOMPILE_INDEX,
};

#[frame_support::pallet]
pub mod pallet {
	use codec::{Decode, Encode, MaxEncodedLen};
	use frame_support::{pallet_prelude::*, Twox64Concat};
	use pallet_mpc::JobId;
	use scale_info::TypeInfo;
	use sp_core::H160;

	/// Needs both pallets it joins.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_mpc::Config + pallet_revive::Config {
		/// The proof size a result callback is given, and that `fulfill`'s caller must have
		/// left for it (PROTOCOL.md section 13.4): without a floor, a caller could leave the
		/// callback too little proof size to read its own storage, and it would fail while
		/// counted as delivered.
		#[pallet::constant]
		type CallbackProofSize: Get<u64>;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The callback a job created through the precompile owes its creator.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
	pub struct Callback {
		/// Who created the job and receives `onMpcResult`.
		pub contract: H160,
		/// The gas (Ethereum units) the callback is called with.
		pub gas: u64,
	}

	/// Callbacks owed, by job: recorded by `createJob` with a non-zero `callbackGas`, removed
	/// when `fulfill` delivers them.
	#[pallet::storage]
	pub type Callbacks<T: Config> = StorageMap<_, Twox64Concat, JobId, Callback>;
}
