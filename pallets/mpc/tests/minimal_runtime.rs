//! The smallest runtime that uses `pallet-mpc`: `frame_system`, `pallet_balances` and the
//! pallet, each with its defaults, and only what a runtime must choose itself (the currency,
//! who registers workers, the randomness, the worker key, and how the offchain worker signs).
//! `docs/RUNTIME.md` shows the same steps; this test keeps them true by running a job through
//! it from genesis to a verified result, dealing and computing with the pallet's own test
//! support (`testing_utils`, feature `test-utils`). Its transactions carry pallet-mpc's
//! `CheckWorkerDuty`, which refuses a worker duty from outside the committee it names.

use codec::Encode;
use frame_support::{assert_ok, derive_impl, dispatch::GetDispatchInfo, traits::Hooks};
use frame_system::{
	offchain::{AppCrypto, CreateSignedTransaction, CreateTransactionBase, SigningTypes},
	EnsureSigned,
};
use mpc_primitives::WorkerSecret;
use pallet_mpc::testing_utils;
use sp_runtime::{
	traits::{DispatchTransaction, IdentityLookup},
	transaction_validity::InvalidTransaction,
	AccountId32, BuildStorage, MultiSignature, MultiSigner,
};

type AccountId = AccountId32;
type Block = frame_system::mocking::MockBlock<Runtime, MultiSignature>;
type Extrinsic = frame_system::mocking::MockUncheckedExtrinsic<
	Runtime,
	MultiSignature,
	pallet_mpc::CheckWorkerDuty<Runtime>,
>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system,
		Balances: pallet_balances,
		Mpc: pallet_mpc,
	}
);

// 1. System: 32-byte accounts (the protocol binds providers and workers by their bytes).
#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

// 2. A fungible currency with holds.
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type AccountStore = System;
}

// 3. The pallet: defaults for everything else.
#[derive_impl(pallet_mpc::config_preludes::TestDefaultConfig)]
impl pallet_mpc::Config for Runtime {
	type AuthorityId = pallet_mpc::crypto::AuthorityId;
	type Currency = Balances;
	type RegisterOrigin = EnsureSigned<AccountId>;
}

// 4. The offchain worker signs its transactions with the worker key.
impl SigningTypes for Runtime {
	type Public = MultiSigner;
	type Signature = MultiSignature;
}

impl<C> CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> CreateSignedTransaction<C> for Runtime
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
		Some(Extrinsic::new_signed(call, account, signature, pallet_mpc::CheckWorkerDuty::new()))
	}
}

fn account(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

fn secret(n: u8) -> WorkerSecret {
	WorkerSecret::from_uniform_bytes(&[n; 64]).expect("non-zero")
}

fn run_to(block: u64) {
	while System::block_number() < block {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Mpc::on_initialize(next);
	}
}

#[test]
fn a_job_runs_on_a_runtime_with_the_default_config() {
	let workers: Vec<u8> = (1..=3).collect();
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: (1..=20).map(|n| (account(n), 1_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_mpc::GenesisConfig::<Runtime> {
		workers: workers.iter().map(|&n| (account(n), secret(n).public_key().to_bytes())).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		System::set_block_number(1);
		let spec = pallet_mpc::JobSpec::<Runtime> {
			committee_size: 3,
			threshold: 1,
			dimension: 1,
			decimals: 0,
			input_window: 5,
			max_inputs: 10,
			min_inputs: 1,
			allowed_providers: None,
			metadata: Default::default(),
			reward_per_worker: 10,
			input_rule: mpc_primitives::InputRule::None,
		};
		assert_ok!(Mpc::create_job(RuntimeOrigin::signed(account(10)), spec));
		for (k, value) in [(11u8, 40i128), (12, 2)] {
			let dealt = testing_utils::dealing::<Runtime>(0, &account(k), &[value], k.into());
			let submission = pallet_mpc::BoundedSubmission::try_from(dealt).expect("in bounds");
			// Dealt to the committee whose digest the job names.
			let digest = pallet_mpc::Jobs::<Runtime>::get(0).expect("job").committee_digest;
			let validity = Default::default();
			assert_ok!(Mpc::submit_input(
				RuntimeOrigin::signed(account(k)),
				0,
				digest,
				submission,
				validity
			));
		}
		run_to(pallet_mpc::Jobs::<Runtime>::get(0).unwrap().deadline);
		run_to(pallet_mpc::Jobs::<Runtime>::get(0).unwrap().deadline);
		for (i, member) in pallet_mpc::Committees::<Runtime>::get(0).iter().enumerate().take(2) {
			let index = testing_utils::index(i as u32 + 1);
			let worker = secret(AsRef::<[u8; 32]>::as_ref(&member.account)[0]);
			let share = testing_utils::honest_result_share::<Runtime>(0, index, &worker);
			let (digest, sums, blinding) = testing_utils::result_share_args::<Runtime>(0, &share);
			let call = RuntimeCall::Mpc(pallet_mpc::Call::submit_result_share {
				job_id: 0,
				aggregate_digest: digest,
				sum_shares: sums,
				blinding,
			});
			let info = call.get_dispatch_info();
			let apply = |who: &AccountId| {
				pallet_mpc::CheckWorkerDuty::<Runtime>::new().dispatch_transaction(
					RuntimeOrigin::signed(who.clone()),
					call.clone(),
					&info,
					0,
					0,
				)
			};
			// Through the runtime's transaction extension: refused from outside the committee,
			// applied from the member.
			assert_eq!(apply(&account(20)), Err(InvalidTransaction::BadSigner.into()));
			assert_ok!(apply(&member.account).expect("valid"));
		}
		let result = pallet_mpc::Results::<Runtime>::get(0).expect("a result");
		assert_eq!(result.sums.to_vec(), vec![Some(42)]);
		assert!(Mpc::verify_record(&Mpc::proof_of_mpc(0).expect("a record")));
		assert!(workers.iter().all(|&n| pallet_mpc::Workers::<Runtime>::contains_key(account(n))));
	});
}
