//! A test runtime: balances, timestamp, transaction payment, pallet-revive with the MPC
//! precompile (and the Ethereum-transaction fee set-up revive requires), pallet-mpc and this
//! pallet, with 32-byte accounts.

use crate as pallet_mpc_contracts;
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstBool, ConstU128, ConstU32, Hooks},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::{
	offchain::{AppCrypto, CreateSignedTransaction, CreateTransactionBase, SigningTypes},
	EnsureSigned,
};
use mpc_primitives::WorkerSecret;
use pallet_revive::{
	evm::{
		fees::{BlockRatioFee, Info as FeeInfo},
		runtime::{EthExtra, SetWeightLimit},
	},
	AccountId32Mapper,
};
use pallet_transaction_payment::{ChargeTransactionPayment, ConstFeeMultiplier, Multiplier};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentityLookup, One},
	AccountId32, BuildStorage, MultiSignature, MultiSigner,
};

pub type AccountId = AccountId32;
pub type Balance = u128;
pub type Signature = MultiSignature;
pub type Address = AccountId;
pub type TxExtension = (
	frame_system::CheckNonce<Test>,
	ChargeTransactionPayment<Test>,
	pallet_revive::evm::tx_extension::SetOrigin<Test>,
);
pub type UncheckedExtrinsic =
	pallet_revive::evm::runtime::UncheckedExtrinsic<Address, Signature, EthExtraImpl>;
type Block = generic::Block<generic::Header<u64, BlakeTwo256>, UncheckedExtrinsic>;

/// The extensions of an Ethereum transaction, as revive's `FeeInfo` needs them.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EthExtraImpl;

impl EthExtra for EthExtraImpl {
	type Config = Test;
	type ExtensionV0 = TxExtension;
	type ExtensionOtherVersions = sp_runtime::traits::InvalidVersion;

	fn get_eth_extension(nonce: u32, tip: Balance) -> TxExtension {
		(
			frame_system::CheckNonce::from(nonce),
			ChargeTransactionPayment::from(tip),
			pallet_revive::evm::tx_extension::SetOrigin::<Test>::new_from_eth_transaction(),
		)
	}
}

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		TransactionPayment: pallet_transaction_payment,
		Revive: pallet_revive,
		Mpc: pallet_mpc,
		MpcContracts: pallet_mpc_contracts,
	}
);

impl SetWeightLimit for RuntimeCall {
	fn set_weight_limit(&mut self, new_weight_limit: Weight) -> Weight {
		match self {
			Self::Revive(
				pallet_revive::Call::eth_call { weight_limit, .. }
				| pallet_revive::Call::eth_instantiate_with_code { weight_limit, .. },
			) => core::mem::replace(weight_limit, new_weight_limit),
			_ => Weight::zero(),
		}
	}
}

parameter_types! {
	pub BlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::simple_max(
			Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, 10 * 1024 * 1024),
		);
	/// Non-zero, so that a storage access the precompile does not charge shows.
	pub const TestDbWeight: frame_support::weights::RuntimeDbWeight =
		frame_support::weights::RuntimeDbWeight { read: 100_000, write: 300_000 };
	pub FeeMultiplier: Multiplier = Multiplier::one();
	pub const TreasuryAccount: AccountId = AccountId32::new([0xee; 32]);
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type BlockWeights = BlockWeights;
	type DbWeight = TestDbWeight;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	type OnNewAccount = pallet_revive::AutoMapper<Test>;
	type OnKilledAccount = pallet_revive::AutoMapper<Test>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = frame_support::traits::VariantCountOf<RuntimeFreezeReason>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Test {
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type WeightToFee = BlockRatioFee<1, 1, Self, Balance>;
	type LengthToFee = BlockRatioFee<1, 1, Self, Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
}

#[derive_impl(pallet_revive::config_preludes::TestDefaultConfig)]
impl pallet_revive::Config for Test {
	type Time = Timestamp;
	type AddressMapper = AccountId32Mapper<Self>;
	type Balance = Balance;
	type Currency = Balances;
	type Precompiles = (crate::MpcPrecompile<Self>,);
	type FeeInfo = FeeInfo<Address, Signature, EthExtraImpl>;
	type AutoMap = ConstBool<true>;
	/// As the dev runtime: one unit of Ethereum gas is 50,000 units of fee (50 ns of weight).
	type GasScale = ConstU32<50_000>;
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
}

impl SigningTypes for Test {
	type Public = MultiSigner;
	type Signature = MultiSignature;
}

impl<C> CreateTransactionBase<C> for Test
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> CreateSignedTransaction<C> for Test
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<A: AppCrypto<Self::Public, Self::Signature>>(
		call: RuntimeCall,
		public: MultiSigner,
		account: AccountId,
		nonce: Self::Nonce,
	) -> Option<UncheckedExtrinsic> {
		let extension = EthExtraImpl::get_eth_extension(nonce, 0);
		let signature = A::sign(&(&call, nonce).encode(), public)?;
		Some(generic::UncheckedExtrinsic::new_signed(call, account, signature, extension).into())
	}
}

#[derive_impl(pallet_mpc::config_preludes::TestDefaultConfig)]
impl pallet_mpc::Config for Test {
	type AuthorityId = pallet_mpc::crypto::AuthorityId;
	type Currency = Balances;
	type RegisterOrigin = EnsureSigned<AccountId>;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type OnJobCompleted = ();
	type MaxBeaconCommittee = ConstU32<0>;
}

impl pallet_mpc_contracts::Config for Test {
	type CallbackProofSize = frame_support::traits::ConstU64<{ 256 * 1024 }>;
}

pub const INITIAL_BALANCE: Balance = 1_000_000_000_000_000;

/// Account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

/// The encryption secret of worker account `n` (deterministic).
pub fn worker_secret(n: u8) -> WorkerSecret {
	WorkerSecret::from_uniform_bytes(&[n; 64]).expect("non-zero")
}

/// A deterministic RNG for dealing and proofs in tests.
pub fn rng(seed: u64) -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(seed)
}

/// Accounts 1..=60 funded, plus the treasury at the existential deposit.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().expect("storage");
	let mut balances: Vec<(AccountId, Balance)> =
		(1..=60u8).map(|n| (acc(n), INITIAL_BALANCE)).collect();
	balances.push((TreasuryAccount::get(), 1));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.expect("balances");
	// Creates the pallet account that holds code deposits.
	pallet_revive::GenesisConfig::<Test>::default().assimilate_storage(&mut t).expect("revive");
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, with pallet-mpc's hooks.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Mpc::on_initialize(next);
	}
}
