//! A test runtime: `frame_system`, `pallet_balances` and this pallet, with 32-byte accounts
//! (the protocol binds them), a fixed-seed randomness, penalties resolved into a treasury
//! account (so total issuance never moves), and a recorder of completed jobs.

use crate as pallet_mpc;
use codec::Encode;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, Hooks},
};
use frame_system::offchain::{
	AppCrypto, CreateSignedTransaction, CreateTransactionBase, SigningTypes,
};
use frame_system::{CheckNonce, EnsureSigned};
use mpc_primitives::WorkerSecret;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, MultiSignature, MultiSigner};

pub type AccountId = AccountId32;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test, MultiSignature, CheckNonce<Test>>;
/// Extrinsics signed with `MultiSignature`, as the offchain worker sends them, carrying the
/// nonce it chose (tests read it; the mock pool does not check it).
pub type Extrinsic =
	frame_system::mocking::MockUncheckedExtrinsic<Test, MultiSignature, CheckNonce<Test>>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Mpc: pallet_mpc,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// `(job_id, sums, inputs)` of a completed job.
pub type Completion = (u64, Vec<Option<i128>>, u32);

thread_local! {
	/// Every completed job, in order.
	pub static COMPLETED: RefCell<Vec<Completion>> = const { RefCell::new(Vec::new()) };
}

/// Records completions, as a consuming pallet would.
pub struct RecordCompleted;

impl crate::OnJobCompleted<AccountId> for RecordCompleted {
	fn on_job_completed(job_id: u64, _: &AccountId, sums: &[Option<i128>], inputs: u32) {
		COMPLETED.with(|c| c.borrow_mut().push((job_id, sums.to_vec(), inputs)));
	}
}

/// `(request, key, signature)` of an ended signing request (`None`: it failed).
pub type Signed = (u64, u64, Option<[u8; 64]>);

thread_local! {
	/// Every ended signing request, in order.
	pub static SIGNED: RefCell<Vec<Signed>> = const { RefCell::new(Vec::new()) };
}

/// Records ended signing requests, as a consuming pallet would.
pub struct RecordSignatures;

impl crate::OnSignature for RecordSignatures {
	fn on_signature(request: u64, key: u64, signature: Option<&[u8; 64]>) {
		SIGNED.with(|s| s.borrow_mut().push((request, key, signature.copied())));
	}
}

parameter_types! {
	pub const TreasuryAccount: AccountId = AccountId32::new([0xee; 32]);
	/// Off (0) unless a test turns the beacon on with `BeaconMembers::set(n)`.
	pub static BeaconMembers: u32 = 0;
}

/// The defaults of `TestDefaultConfig` the tests rely on.
pub const WORKER_BOND: Balance = 1_000;
pub const FAULT_PENALTY: Balance = 100;
pub const COMPLAINT_WINDOW: u64 = 6;
pub const COMPUTE_WINDOW: u64 = 5;
pub const INITIAL_BALANCE: Balance = 1_000_000;

impl SigningTypes for Test {
	type Public = MultiSigner;
	type Signature = MultiSignature;
}

impl<C> CreateTransactionBase<C> for Test
where
	RuntimeCall: From<C>,
{
	type Extrinsic = Extrinsic;
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
	) -> Option<Extrinsic> {
		let signature = A::sign(&(&call, nonce).encode(), public)?;
		Some(Extrinsic::new_signed(call, account, signature, CheckNonce::from(nonce)))
	}
}

/// Everything but what a runtime must choose comes from the pallet's `TestDefaultConfig`.
#[derive_impl(pallet_mpc::config_preludes::TestDefaultConfig)]
impl pallet_mpc::Config for Test {
	type AuthorityId = crate::crypto::AuthorityId;
	type Currency = Balances;
	type RegisterOrigin = EnsureSigned<AccountId>;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type OnJobCompleted = RecordCompleted;
	type OnSignature = RecordSignatures;
	type MaxBeaconCommittee = BeaconMembers;
}

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
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		COMPLETED.with(|c| c.borrow_mut().clear());
		SIGNED.with(|s| s.borrow_mut().clear());
	});
	ext
}

/// [`new_test_ext`] with the beacon on for committees of up to 8: the benchmarks' mock.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	BeaconMembers::set(8);
	new_test_ext()
}

/// Runs blocks up to `n`, with every pallet's hooks and a distinct parent hash for each.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		// Each block has its own parent hash (the beacon seeds rounds with it).
		let parent = sp_core::H256::from_low_u64_be(0xb10c_0000 + System::block_number());
		frame_system::BlockHash::<Test>::insert(System::block_number(), parent);
		System::set_parent_hash(parent);
		System::set_block_number(next);
		Mpc::on_initialize(next);
	}
}
