//! # MPC development runtime
//!
//! A solo-chain runtime for developing and demonstrating `pallet-mpc`: Aura block production
//! with a 2 s slot, GRANDPA finality, balances with a 12-decimal token, transaction fees, sudo,
//! an insecure (dev-only) randomness source for committee draws, and the MPC pallet.
//!
//! What the MPC off-chain worker needs from a runtime is here too:
//!
//! - the worker key (`pallet_mpc::crypto::Public`, ed25519, key type `mpcw`) is part of
//!   [`opaque::SessionKeys`], so `author_rotateKeys` and the node's `--dev`/`--alice` seeding
//!   create it in the keystore;
//! - [`Runtime`] implements `frame_system::offchain::{SigningTypes, CreateTransactionBase,
//!   CreateTransaction, CreateBare, CreateSignedTransaction, CreateAuthorizedTransaction}` for
//!   every call type, so the worker can sign (mortal era, nonce from the caller) and submit;
//! - the `MpcApi` runtime API exposes jobs, committees, results, proof-of-MPC records and
//!   workers to clients.
//!
//! Genesis presets (`development`, `local_testnet`) are in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` and `impl_runtime_apis!` expand to large items.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod dev_workers;
pub mod genesis_config_presets;
pub mod operational;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureSigned,
};
use pallet_revive::evm::{
	fees::{BlockRatioFee, Info as FeeInfo},
	runtime::EthExtra,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, One, SaturatedConversion, Verify},
	MultiAddress, MultiSignature, MultiSigner, Perbill,
};
use sp_version::RuntimeVersion;

pub use pallet_mpc;

// ---------------------------------------------------------------------------------------------
// Basic types
// ---------------------------------------------------------------------------------------------

/// A block number.
pub type BlockNumber = u32;
/// A transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account: the 32-byte public key (or its hash, for ecdsa) of a [`Signature`] signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, in the smallest unit (10^-12 of a token).
pub type Balance = u128;
/// How many transactions an account has sent.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// One token: 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// 10^-3 of a token.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// 10^-6 of a token.
pub const MICRO_UNIT: Balance = MILLI_UNIT / 1_000;
/// The least balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The target block time. Aura's slot duration is this value: it is read from
/// `pallet_aura::Config::SlotDuration` and cannot change once the chain runs.
pub const MILLI_SECS_PER_BLOCK: u64 = 2_000;
/// Aura's slot duration.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Opaque types, for the node: it need not know the runtime's call and extrinsic types.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator node holds: Aura (sr25519), GRANDPA (ed25519) and the MPC
		/// worker key (ed25519, key type `mpcw`). `pallet_mpc::crypto::Public` is an app
		/// public key, so sp-application-crypto's blanket
		/// `impl<T: RuntimeAppPublic> BoundToRuntimeAppPublic for T` covers it: no pallet is
		/// needed in that position.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
			pub mpc: pallet_mpc::crypto::Public,
		}
	}
}

/// The runtime's version. Bump `spec_version` with every change of the runtime's logic, and
/// `transaction_version` with every change of a call's index or arguments or of the
/// transaction extensions.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("mpc-runtime"),
	impl_name: Cow::Borrowed("mpc-runtime"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

// ---------------------------------------------------------------------------------------------
// The runtime
// ---------------------------------------------------------------------------------------------

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	// Before Aura: the timestamp inherent comes first and Aura reads it.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(8)]
	pub type Mpc = pallet_mpc;

	#[runtime::pallet_index(9)]
	pub type Revive = pallet_revive;

	#[runtime::pallet_index(10)]
	pub type MpcContracts = pallet_mpc_contracts;
}

// ---------------------------------------------------------------------------------------------
// Pallet configuration
// ---------------------------------------------------------------------------------------------

/// Normal (non-operational) extrinsics may fill this share of a block.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	/// Block hashes kept for mortal transactions: 2400 blocks (80 minutes).
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// One second of compute per 2 s block: Aura proposes for 2/3 of a slot, and importing
	/// nodes must keep up. Proof size is unbounded: this is a solo chain, there is no PoV.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks: room for a job's worth of inputs (an input is at most ~19 KiB).
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// The generic Substrate SS58 prefix.
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB: its read and write costs as `benchmark storage`
	/// measured them on a dev chain after a load (`scripts/weights --db`).
	type DbWeight = weights::paritydb::ParityDbWeight;
	/// What every signed transaction's extensions cost (`CheckNonce`, `CheckWeight`, ...),
	/// benchmarked on this runtime and priced with its `DbWeight` (frame_system's defaults
	/// price RocksDB's reads and writes: 0.33 ms a transaction where these say 0.04 ms).
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Every account gets its Ethereum address mapped when it is created (pallet-revive).
	type OnNewAccount = pallet_revive::AutoMapper<Runtime>;
	type OnKilledAccount = pallet_revive::AutoMapper<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura's slot duration is twice this (`MinimumPeriodTimesTwo`).
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	/// `2 * MinimumPeriod` = [`SLOT_DURATION`] = 2000 ms.
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// No session pallet, so no key-ownership proofs and no equivocation reports: the
	/// runtime API stubs return `None`.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burnt (no treasury, no author reward on a dev chain).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// One unit per picosecond of weight: a typical call (~100 µs) costs 0.0001 token. (The
	/// form pallet-revive requires, so that Ethereum gas maps onto fees; the proof size is
	/// unbounded on this chain, so it never sets the fee.)
	type WeightToFee = BlockRatioFee<1, 1, Runtime, Balance>;
	/// 0.000001 token per byte: a maximal MPC input (~19 KiB) costs ~0.02 token in length fee.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_UNIT>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// The MPC pallet: the pallet's solo-chain defaults, and what a runtime must choose itself.
#[derive_impl(pallet_mpc::config_preludes::SolochainDefaultConfig)]
impl pallet_mpc::Config for Runtime {
	/// The worker key signs the worker's transactions (see `CreateSignedTransaction` below).
	type AuthorityId = pallet_mpc::crypto::AuthorityId;
	type Currency = Balances;
	/// Anyone with an account and the bond may run a worker: for a development chain only.
	/// A public chain restricts this to its validators (see `docs/RUNTIME.md`).
	type RegisterOrigin = EnsureSigned<AccountId>;
	/// The dev runtime's weights, generated by `scripts/weights`.
	type WeightInfo = pallet_mpc::weights::SubstrateWeight<Runtime>;
	/// A beacon round every 10 s (5 blocks): quick demos and tests on the dev chain.
	type BeaconPeriod = ConstU32<5>;
	/// Beacon committees of up to 32 (the default is 16), so that the beacon's figures
	/// (`docs/PERFORMANCE.md`) can be measured at 32 on this runtime; a dev chain has fewer
	/// workers than that.
	type MaxBeaconCommittee = ConstU32<32>;
}

parameter_types! {
	/// A third of a code's upload deposit stays locked while contracts use it.
	pub CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
}

/// Contracts: Solidity compiled to EVM bytecode (run by pallet-revive's interpreter) or to
/// PolkaVM, with Ethereum transactions (`eth_transact`) as polkadot-sdk's revive dev runtime
/// takes them, and the MPC precompile (`docs/PROTOCOL.md` section 13). Deposits and limits
/// are pallet-revive's defaults.
#[derive_impl(pallet_revive::config_preludes::TestDefaultConfig)]
impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	type AddressMapper = pallet_revive::AccountId32Mapper<Self>;
	/// Plain `solc` output runs.
	type AllowEVMBytecode = ConstBool<true>;
	type Precompiles = (pallet_mpc_contracts::MpcPrecompile<Self>,);
	/// The Ethereum chain id of the dev chain ("MPC" in ASCII).
	type ChainId = ConstU64<0x4d5043>;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	/// Ethereum amounts have 18 decimals, ours 12.
	type NativeToEthRatio = ConstU32<1_000_000>;
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
	type FeeInfo = FeeInfo<Address, Signature, EthExtraImpl>;
	type AutoMap = ConstBool<true>;
	/// One unit of Ethereum gas is 50,000 units of fee (50 ns of weight), as in polkadot-sdk's
	/// revive dev runtime.
	type GasScale = ConstU32<50_000>;
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Self>;
}

/// Contracts reach pallet-mpc through `pallet_mpc_contracts::MpcPrecompile`.
impl pallet_mpc_contracts::Config for Runtime {
	/// A result callback is given 256 KiB of proof size (PROTOCOL.md section 13.4): enough to
	/// load its code and read and write a few dozen storage items.
	type CallbackProofSize = ConstU64<{ 256 * 1024 }>;
}

// ---------------------------------------------------------------------------------------------
// Extrinsics
// ---------------------------------------------------------------------------------------------

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in order. `AuthorizeCall` first: it validates calls with a
/// `#[pallet::authorize]` condition in general (unsigned, feeless) transactions.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// Before the payment: a worker duty from outside the committee it names is refused
	// before it could pay for operational priority (pallet-mpc's `extension` module), and so
	// is any other operational transaction not signed by the sudo key (`operational`). One
	// element of two (tuples of more than 12 are not `Debug`); it encodes as the two would.
	(pallet_mpc::CheckWorkerDuty<Runtime>, operational::CheckOperational),
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// After every extension that needs a signed origin: turns an Ethereum transaction's
	// origin into the signer's (pallet-revive).
	pallet_revive::evm::tx_extension::SetOrigin<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions an Ethereum transaction (`revive.eth_transact`) is checked with.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EthExtraImpl;

impl EthExtra for EthExtraImpl {
	type Config = Runtime;
	type ExtensionV0 = TxExtension;
	type ExtensionOtherVersions = sp_runtime::traits::InvalidVersion;

	fn get_eth_extension(nonce: Nonce, tip: Balance) -> TxExtension {
		extension(
			nonce,
			generic::Era::Immortal,
			tip,
			pallet_revive::evm::tx_extension::SetOrigin::<Runtime>::new_from_eth_transaction(),
		)
	}
}

/// A Substrate extrinsic of this runtime: what accounts sign and the offchain worker builds.
pub type SubstrateExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// Unchecked extrinsic type as expected by this runtime: Substrate extrinsics, and Ethereum
/// transactions wrapped in `revive.eth_transact` (pallet-revive's extrinsic type, which
/// encodes a Substrate extrinsic exactly as `SubstrateExtrinsic` does).
pub type UncheckedExtrinsic =
	pallet_revive::evm::runtime::UncheckedExtrinsic<Address, Signature, EthExtraImpl>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations of the runtime, beyond the pallets' own.
type Migrations = ();

/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The transaction extensions of a transaction from `nonce` in `era`, without a tip: what
/// the offchain worker and Rust clients sign.
pub fn tx_extension(nonce: Nonce, era: generic::Era) -> TxExtension {
	extension(nonce, era, 0, Default::default())
}

/// The extensions in order: what a Substrate transaction and an Ethereum one share.
fn extension(
	nonce: Nonce,
	era: generic::Era,
	tip: Balance,
	set_origin: pallet_revive::evm::tx_extension::SetOrigin<Runtime>,
) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		(pallet_mpc::CheckWorkerDuty::<Runtime>::new(), operational::CheckOperational),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		set_origin,
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

// ---------------------------------------------------------------------------------------------
// Off-chain transaction creation (for every pallet's `Call`, in particular `pallet_mpc::Call`)
// ---------------------------------------------------------------------------------------------

impl frame_system::offchain::SigningTypes for Runtime {
	/// `MultiSigner`: an ed25519 worker key maps to the account with the same 32 bytes.
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extension = TxExtension;

	fn create_transaction(call: RuntimeCall, extension: TxExtension) -> UncheckedExtrinsic {
		SubstrateExtrinsic::new_transaction(call, extension).into()
	}
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		SubstrateExtrinsic::new_bare(call).into()
	}
}

impl<C> frame_system::offchain::CreateSignedTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<
		A: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		public: MultiSigner,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		// The longest power-of-two era that `BlockHashCount` supports (2048 blocks), starting
		// at the parent of the block the off-chain worker runs for.
		let period =
			BlockHashCount::get().checked_next_power_of_two().map(|c| c / 2).unwrap_or(2) as u64;
		let current_block = System::block_number().saturated_into::<u64>().saturating_sub(1);
		let era = generic::Era::mortal(period, current_block);
		let raw_payload = SignedPayload::new(call, tx_extension(nonce, era)).ok()?;
		let signature = raw_payload.using_encoded(|payload| A::sign(payload, public))?;
		let (call, extension, _) = raw_payload.deconstruct();
		Some(
			SubstrateExtrinsic::new_signed(call, Address::Id(account), signature, extension).into(),
		)
	}
}

impl<C> frame_system::offchain::CreateAuthorizedTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	/// For calls validated by `#[pallet::authorize]`: no signer, so no nonce (0 is ignored
	/// for general transactions without an origin) and an immortal era.
	fn create_extension() -> TxExtension {
		tx_extension(0, generic::Era::Immortal)
	}
}

// ---------------------------------------------------------------------------------------------
// The MPC pallet's types as this runtime instantiates them (for clients of `MpcApi`)
// ---------------------------------------------------------------------------------------------

/// A job.
pub type MpcJob = pallet_mpc::Job<Runtime>;
/// A committee member.
pub type MpcCommitteeMember = pallet_mpc::CommitteeMember<Runtime>;
/// A verified result.
pub type MpcJobResult = pallet_mpc::JobResult<Runtime>;
/// A proof-of-MPC record.
pub type MpcProof = pallet_mpc::ProofOfMpc<Runtime>;
/// A registered worker.
pub type MpcWorkerInfo = pallet_mpc::WorkerInfo<Runtime>;
/// A beacon round, as `MpcBeaconApi` returns it.
pub type MpcBeaconRound = pallet_mpc::BeaconRound<Runtime>;
/// A beacon epoch's group key, as `MpcBeaconApi` returns it.
pub type MpcBeaconKey = pallet_mpc::BeaconKey<Runtime>;

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::dispatch::GetDispatchInfo;
	use pallet_mpc::testing_utils::{smallest_calls, WORKER_DUTIES};
	use pallet_transaction_payment::ChargeTransactionPayment;

	/// The pool priority of `call`, signed and without a tip, as `ChargeTransactionPayment`
	/// gives it (the signature, address and extensions taken as 110 bytes).
	fn priority(call: &RuntimeCall) -> u64 {
		let info = call.get_dispatch_info();
		let len = call.encoded_size() + 110;
		sp_io::TestExternalities::default().execute_with(|| {
			let fee = TransactionPayment::compute_fee(len as u32, &info, 0);
			ChargeTransactionPayment::<Runtime>::get_priority(&info, len, 0, fee)
		})
	}

	/// A worker's duties outrank every ordinary transaction without a tip in the pool, even
	/// the smallest, so that a flood of inputs or transfers cannot hold them out of blocks
	/// (pallet-mpc makes them `Operational`; this runtime's `OperationalFeeMultiplier` and the
	/// quarter of each block kept from `Normal` transactions do the rest).
	#[test]
	fn worker_duties_outrank_inputs_and_transfers() {
		let calls = smallest_calls::<Runtime>();
		let smallest = |name: &str| {
			let (_, call) = calls.iter().find(|(n, _)| *n == name).expect("a call");
			RuntimeCall::Mpc(call.clone())
		};
		let ordinary = [
			smallest("submit_input"),
			RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: MultiAddress::Id(AccountId::new([1; 32])),
				value: 1,
			}),
			RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() }),
		];
		let highest = ordinary.iter().map(priority).max().expect("three");
		for duty in WORKER_DUTIES {
			let duty_priority = priority(&smallest(duty));
			assert!(duty_priority > highest, "{duty}: {duty_priority} <= {highest}");
		}
	}

	/// How many inputs to a job of `n` members (no input rule) a block holds by weight: the
	/// `Normal` class's share of the block over an input's whole weight, its call's, the
	/// extrinsic base and its transaction extensions' (a mortal transaction), all from this
	/// runtime's weights (issue 18; docs/PERFORMANCE.md, "Throughput").
	fn inputs_per_block(n: u32) -> u64 {
		use frame_support::dispatch::DispatchClass;
		use pallet_mpc::WeightInfo;
		use sp_runtime::traits::TransactionExtension;
		let weights = RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal);
		let any_call = RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
		let extensions = tx_extension(0, generic::Era::mortal(256, 0)).weight(&any_call);
		let input = <Runtime as pallet_mpc::Config>::WeightInfo::submit_input(n)
			.saturating_add(normal.base_extrinsic)
			.saturating_add(extensions);
		let room = normal.max_total.expect("a normal limit").ref_time();
		room / input.ref_time()
	}

	/// Issue 18's throughput, as the weights price it: more than a thousand inputs a block at
	/// `n = 5` (561 with the default ParityDB and extension weights), and more than five
	/// hundred at the dev runtime's largest committee. A weight that grows past these fails.
	#[test]
	fn a_block_holds_a_thousand_inputs_at_five_members() {
		use frame_support::traits::Get;
		let largest = <Runtime as pallet_mpc::Config>::MaxCommittee::get();
		let (five, most) = (inputs_per_block(5), inputs_per_block(largest));
		println!("inputs per block by weight: {five} at n = 5, {most} at n = {largest}");
		assert!(five >= 1_000, "{five} inputs per block at n = 5");
		assert!(most >= 500, "{most} inputs per block at n = 32");
	}

	/// Runs `f` on a genesis in which `funded` hold 1,000 UNIT each and `sudo` is the sudo key.
	fn with_genesis(funded: &[AccountId], sudo: Option<AccountId>, f: impl FnOnce()) {
		use sp_runtime::BuildStorage;
		let storage = RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig {
				balances: funded.iter().map(|a| (a.clone(), 1_000 * UNIT)).collect(),
				..Default::default()
			},
			sudo: pallet_sudo::GenesisConfig { key: sudo },
			..Default::default()
		}
		.build_storage()
		.expect("genesis");
		sp_io::TestExternalities::new(storage).execute_with(f);
	}

	/// What the runtime's transaction extensions say of `call` signed by `who` (nonce 0,
	/// immortal, the signature, address and extensions taken as 110 bytes), in the pool.
	fn validate(
		who: &AccountId,
		call: RuntimeCall,
	) -> Result<(), sp_runtime::transaction_validity::TransactionValidityError> {
		use sp_runtime::{traits::DispatchTransaction, transaction_validity::TransactionSource};
		let info = call.get_dispatch_info();
		tx_extension(0, generic::Era::Immortal)
			.validate_only(
				RuntimeOrigin::signed(who.clone()),
				&call,
				&info,
				call.encoded_size() + 110,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
	}

	/// The runtime's transaction extensions refuse a worker duty from an account outside the
	/// committee it names (`pallet_mpc::CheckWorkerDuty`), so that nobody else can buy its
	/// operational priority; an ordinary call from the same funded account passes.
	#[test]
	fn the_extensions_refuse_a_duty_from_outside_its_committee() {
		use sp_runtime::transaction_validity::InvalidTransaction;
		let outsider = AccountId::new([5; 32]);
		with_genesis(core::slice::from_ref(&outsider), None, || {
			for (name, call) in smallest_calls::<Runtime>() {
				let verdict = validate(&outsider, RuntimeCall::Mpc(call));
				if WORKER_DUTIES.contains(&name) {
					assert_eq!(verdict, Err(InvalidTransaction::BadSigner.into()), "{name}");
				} else {
					assert_ne!(verdict, Err(InvalidTransaction::BadSigner.into()), "{name}");
				}
			}
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 8] });
			assert_eq!(validate(&outsider, remark), Ok(()));
		});
	}

	/// No other operational call buys the lane either (`operational::CheckOperational`): an
	/// outsider's root call, sudo wrappers (the one whose weight the sender picks included)
	/// and pallet-revive's fallback dispatch of a duty are refused in the pool; the sudo key's
	/// sudo passes, and so does everyone's ordinary call.
	#[test]
	fn the_extensions_refuse_other_operational_calls_but_the_sudo_keys() {
		use sp_runtime::transaction_validity::InvalidTransaction;
		let (outsider, sudo) = (AccountId::new([5; 32]), AccountId::new([6; 32]));
		with_genesis(&[outsider.clone(), sudo.clone()], Some(sudo.clone()), || {
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 8] });
			let duty = RuntimeCall::Mpc(pallet_mpc::Call::advance_job { job_id: 0 });
			let root_call = RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 64 });
			let wrappers = [
				root_call.clone(),
				RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(root_call.clone()) }),
				RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
					call: Box::new(duty.clone()),
					weight: Weight::zero(),
				}),
				RuntimeCall::Revive(pallet_revive::Call::dispatch_as_fallback_account {
					call: Box::new(duty),
				}),
			];
			for call in wrappers {
				let class = call.get_dispatch_info().class;
				assert_eq!(class, frame_support::dispatch::DispatchClass::Operational, "{call:?}");
				assert_eq!(
					validate(&outsider, call.clone()),
					Err(InvalidTransaction::BadSigner.into()),
					"{call:?}"
				);
			}
			let sudo_root =
				RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(root_call) });
			assert_eq!(validate(&sudo, sudo_root), Ok(()));
			assert_eq!(validate(&outsider, remark), Ok(()));
		});
	}
}
