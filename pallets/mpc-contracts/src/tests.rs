//! The precompile through `pallet_revive::Pallet::bare_call`: from accounts, and from small
//! EVM contracts assembled here (a forwarder that calls the precompile with CALL, STATICCALL or
//! DELEGATECALL, and records, rejects or burns the gas of the callback it receives).

use crate::{mock::*, Callback, Callbacks, IMpc, IMpcConsumer, PRECOMPILE_ADDRESS};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
	weights::Weight,
	BoundedVec,
};
use mpc_primitives::Scalar;
use pallet_mpc::{testing_utils, Committees, JobId, JobPhase, Jobs, NextJobId, Results};
use pallet_revive::{
	precompiles::alloy::{
		primitives::{FixedBytes, I256},
		sol_types::{Revert, SolCall, SolError, SolEvent},
	},
	AddressMapper, Code, ExecConfig, ExecReturnValue, TransactionLimits, H160, H256, U256,
};

const OWNER: u8 = 40;
const ANYONE: u8 = 41;
/// Plenty of gas for any callback here.
const CALLBACK_GAS: u64 = 2_000_000;

fn precompile() -> H160 {
	H160(PRECOMPILE_ADDRESS)
}

fn limits() -> TransactionLimits<Test> {
	TransactionLimits::WeightAndDeposit {
		weight_limit: Weight::from_parts(1_000_000_000_000, 5 * 1024 * 1024),
		deposit_limit: 100_000_000_000_000,
	}
}

/// `bare_call` from account `from`; panics on a trap (not a revert).
fn call_with(
	from: u8,
	dest: H160,
	value: U256,
	data: Vec<u8>,
	limits: TransactionLimits<Test>,
) -> (ExecReturnValue, Weight) {
	let r = Revive::bare_call(
		RuntimeOrigin::signed(acc(from)),
		dest,
		value,
		limits,
		data,
		&ExecConfig::new_substrate_tx(),
	);
	(r.result.expect("the call does not trap"), r.weight_consumed)
}

fn call(from: u8, dest: H160, data: Vec<u8>) -> ExecReturnValue {
	call_with(from, dest, U256::zero(), data, limits()).0
}

/// The `Error(string)` a reverted call returned.
fn revert_reason(out: &ExecReturnValue) -> String {
	assert!(out.did_revert(), "expected a revert, got {:?}", out.data);
	Revert::abi_decode(&out.data).expect("Error(string)").reason
}

fn ok(out: ExecReturnValue) -> Vec<u8> {
	assert!(!out.did_revert(), "reverted: {:?}", Revert::abi_decode(&out.data).map(|r| r.reason));
	out.data
}

/// A view of the precompile called by `ANYONE`, decoded.
fn read_view<C: SolCall>(c: C) -> C::Return {
	C::abi_decode_returns(&ok(call(ANYONE, precompile(), c.abi_encode()))).expect("the view's ABI")
}

fn register_workers(k: u8) {
	for n in 1..=k {
		let secret = worker_secret(n);
		let proof =
			secret.prove_possession(&Mpc::genesis_hash(), acc(n).as_ref(), &mut rng(n.into()));
		assert_ok!(Mpc::register_worker(
			RuntimeOrigin::signed(acc(n)),
			secret.public_key().to_bytes(),
			proof.to_bytes()
		));
	}
}

fn spec(callback_gas: u64) -> IMpc::JobSpec {
	IMpc::JobSpec {
		committeeSize: 3,
		threshold: 1,
		dimension: 2,
		decimals: 0,
		inputWindow: 5,
		maxInputs: 10,
		minInputs: 2,
		allowedProviders: vec![],
		metadata: b"poll".to_vec().into(),
		rewardPerWorker: 1_000,
		ruleKind: 0,
		lows: vec![],
		highs: vec![],
		callbackGas: callback_gas,
	}
}

fn create_call(spec: IMpc::JobSpec) -> Vec<u8> {
	IMpc::createJobCall { spec }.abi_encode()
}

/// What the tests compare to show that a refused call changed nothing.
fn state() -> (JobId, u32, usize, Balance, Balance) {
	let owner = acc(OWNER);
	(
		NextJobId::<Test>::get(),
		Jobs::<Test>::iter().count() as u32,
		Callbacks::<Test>::iter().count(),
		Balances::balance(&owner),
		Balances::total_balance_on_hold(&owner),
	)
}

// ----- EVM test contracts --------------------------------------------------------------------

/// How the forwarder reaches the precompile.
#[derive(Clone, Copy)]
enum Via {
	Call,
	StaticCall,
	DelegateCall,
}

/// What the forwarder does when the precompile calls it back.
#[derive(Clone, Copy)]
enum OnCallback {
	/// `sstore(1, keccak256(calldata))`.
	Record,
	Revert,
	/// Loops until out of gas.
	Burn,
}

fn push20(code: &mut Vec<u8>, a: [u8; 20]) {
	code.push(0x73);
	code.extend_from_slice(&a);
}

/// Runtime code: if `msg.sender` is the precompile, `on_callback`; otherwise forward the
/// calldata to the precompile `via` and return (or revert with) what it returned.
fn forwarder_runtime(via: Via, on_callback: OnCallback) -> Vec<u8> {
	let mut c = vec![0x33]; // CALLER
	push20(&mut c, PRECOMPILE_ADDRESS);
	c.push(0x14); // EQ
	let callback_jump = c.len() + 1;
	c.extend_from_slice(&[0x61, 0, 0, 0x57]); // PUSH2 <callback> JUMPI
										   // CALLDATACOPY(0, 0, CALLDATASIZE)
	c.extend_from_slice(&[0x36, 0x60, 0, 0x60, 0, 0x37]);
	// retSize, retOffset, argsSize, argsOffset, [value], address, gas
	c.extend_from_slice(&[0x60, 0, 0x60, 0, 0x36, 0x60, 0]);
	if matches!(via, Via::Call) {
		c.extend_from_slice(&[0x60, 0]);
	}
	push20(&mut c, PRECOMPILE_ADDRESS);
	c.push(0x5a); // GAS
	c.push(match via {
		Via::Call => 0xf1,
		Via::StaticCall => 0xfa,
		Via::DelegateCall => 0xf4,
	});
	// RETURNDATACOPY(0, 0, RETURNDATASIZE)
	c.extend_from_slice(&[0x3d, 0x60, 0, 0x60, 0, 0x3e]);
	let ok_jump = c.len() + 1;
	c.extend_from_slice(&[0x61, 0, 0, 0x57]); // PUSH2 <ok> JUMPI
	c.extend_from_slice(&[0x3d, 0x60, 0, 0xfd]); // REVERT(0, RETURNDATASIZE)
	let ok = c.len() as u16;
	c.extend_from_slice(&[0x5b, 0x3d, 0x60, 0, 0xf3]); // JUMPDEST RETURN(0, RETURNDATASIZE)
	let callback = c.len() as u16;
	c.push(0x5b); // JUMPDEST
	match on_callback {
		OnCallback::Record => c.extend_from_slice(&[
			0x36, 0x60, 0, 0x60, 0, 0x37, // CALLDATACOPY(0, 0, CALLDATASIZE)
			0x36, 0x60, 0, 0x20, // KECCAK256(0, CALLDATASIZE)
			0x60, 1, 0x55, 0x00, // SSTORE(1, hash) STOP
		]),
		OnCallback::Revert => c.extend_from_slice(&[0x60, 0, 0x60, 0, 0xfd]),
		OnCallback::Burn => {
			let lp = c.len() as u16 - 1;
			c.extend_from_slice(&[0x61, (lp >> 8) as u8, lp as u8, 0x56]); // PUSH2 <loop> JUMP
		}
	}
	c[callback_jump..callback_jump + 2].copy_from_slice(&callback.to_be_bytes());
	c[ok_jump..ok_jump + 2].copy_from_slice(&ok.to_be_bytes());
	c
}

/// Init code that returns `runtime`.
fn deployable(runtime: Vec<u8>) -> Vec<u8> {
	let len = runtime.len() as u16;
	let mut c =
		vec![0x61, (len >> 8) as u8, len as u8, 0x80, 0x60, 14, 0x60, 0, 0x39, 0x60, 0, 0xf3];
	c.extend_from_slice(&[0, 0]); // padding to the 14-byte header
	c.extend(runtime);
	c
}

/// Deploys a forwarder funded with `funds` and returns its address.
fn deploy(via: Via, on_callback: OnCallback, funds: Balance) -> H160 {
	let salt = [via as u8 * 3 + on_callback as u8; 32];
	let r = Revive::bare_instantiate(
		RuntimeOrigin::signed(acc(OWNER)),
		U256::zero(),
		limits(),
		Code::Upload(deployable(forwarder_runtime(via, on_callback))),
		vec![],
		Some(salt),
		&ExecConfig::new_substrate_tx(),
	);
	let out = r.result.expect("instantiated");
	assert!(!out.result.did_revert());
	let account = <Test as pallet_revive::Config>::AddressMapper::to_account_id(&out.addr);
	assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(acc(50)), account, funds));
	out.addr
}

fn contract_account(addr: &H160) -> AccountId {
	<Test as pallet_revive::Config>::AddressMapper::to_account_id(addr)
}

fn slot(addr: H160, n: u8) -> Option<Vec<u8>> {
	let mut key = [0u8; 32];
	key[31] = n;
	Revive::get_storage(addr, key).expect("a contract")
}

// ----- Driving a job to its end --------------------------------------------------------------

fn submit(job_id: JobId, provider: u8, values: &[i128]) {
	let s = testing_utils::dealing::<Test>(job_id, &acc(provider), values, provider.into());
	assert_ok!(Mpc::submit_input(
		RuntimeOrigin::signed(acc(provider)),
		job_id,
		testing_utils::committee_digest::<Test>(job_id),
		testing_utils::bounded::<Test>(s),
		BoundedVec::new(),
	));
}

fn phase(job_id: JobId) -> JobPhase {
	Jobs::<Test>::get(job_id).expect("job").phase
}

fn run_to_deadline(job_id: JobId) {
	run_to_block(Jobs::<Test>::get(job_id).expect("job").deadline);
}

/// Collecting -> Computing -> Completed with `t + 1 = 2` honest result shares.
fn complete(job_id: JobId) {
	run_to_deadline(job_id);
	assert_eq!(phase(job_id), JobPhase::Verifying);
	run_to_deadline(job_id);
	assert_eq!(phase(job_id), JobPhase::Computing);
	for i in 1..=2u32 {
		let member = &Committees::<Test>::get(job_id)[i as usize - 1];
		let n = AsRef::<[u8; 32]>::as_ref(&member.account)[0];
		let share = testing_utils::honest_result_share::<Test>(
			job_id,
			testing_utils::index(i),
			&worker_secret(n),
		);
		let (digest, values, blinding) = testing_utils::result_share_args::<Test>(job_id, &share);
		assert_ok!(Mpc::submit_result_share(
			RuntimeOrigin::signed(member.account.clone()),
			job_id,
			digest,
			values,
			blinding
		));
	}
	assert_eq!(phase(job_id), JobPhase::Completed);
}

/// The precompile's events, as `(topics, data)`.
fn precompile_events() -> Vec<(Vec<H256>, Vec<u8>)> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Revive(pallet_revive::Event::ContractEmitted {
				contract,
				data,
				topics,
			}) if contract == precompile() => Some((topics, data)),
			_ => None,
		})
		.collect()
}

fn delivered(job_id: JobId) -> Option<bool> {
	precompile_events().into_iter().find_map(|(topics, data)| {
		let event =
			IMpc::CallbackDelivered::decode_raw_log(topics.iter().map(|t| FixedBytes(t.0)), &data)
				.ok()?;
		(event.jobId == job_id).then_some(event.success)
	})
}

// ----- Tests ---------------------------------------------------------------------------------

#[test]
fn address_and_selectors_are_the_specified_ones() {
	assert_eq!(hex::encode(PRECOMPILE_ADDRESS), "000000000000000000000000000000000d000000");
	// PROTOCOL.md 13.1's canonical signatures.
	let keccak4 = |s: &str| pallet_revive::keccak_256(s.as_bytes())[..4].to_vec();
	assert_eq!(
		IMpc::createJobCall::SELECTOR.to_vec(),
		keccak4("createJob((uint32,uint32,uint32,uint8,uint32,uint32,uint32,bytes32[],bytes,uint128,uint8,int128[],int128[],uint64))")
	);
	assert_eq!(IMpc::jobCall::SELECTOR.to_vec(), keccak4("job(uint64)"));
	assert_eq!(IMpc::resultCall::SELECTOR.to_vec(), keccak4("result(uint64)"));
	assert_eq!(IMpc::fulfillCall::SELECTOR.to_vec(), keccak4("fulfill(uint64)"));
	assert_eq!(IMpc::nextRoundCall::SELECTOR.to_vec(), keccak4("nextRound()"));
	assert_eq!(IMpc::randomnessCall::SELECTOR.to_vec(), keccak4("randomness(uint64,bytes32)"));
	assert_eq!(
		IMpcConsumer::onMpcResultCall::SELECTOR.to_vec(),
		keccak4("onMpcResult(uint64,bool,int256[],uint32)")
	);
	assert_eq!(
		IMpc::JobCreated::SIGNATURE_HASH.0,
		pallet_revive::keccak_256(b"JobCreated(uint64,address,uint64)")
	);
	assert_eq!(
		IMpc::CallbackDelivered::SIGNATURE_HASH.0,
		pallet_revive::keccak_256(b"CallbackDelivered(uint64,bool)")
	);
}

#[test]
fn outputs_decode_as_section_4_says() {
	let encode = |v: i128| mpc_primitives::encode_value(v).to_bytes();
	for v in [0i128, 1, -1, 42, -42, i128::MAX, i128::MIN, 1 << 100, -(1 << 100)] {
		assert_eq!(crate::decode_output(&encode(v)), I256::try_from(v).expect("fits"), "{v}");
	}
	// (l - 1) / 2 is the largest positive value, (l + 1) / 2 the most negative.
	let half_bytes = [
		246, 233, 122, 46, 141, 49, 9, 44, 107, 206, 123, 81, 239, 124, 111, 10, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 8,
	];
	let half = Scalar::from_canonical_bytes(half_bytes).expect("canonical");
	let top = crate::decode_output(&half.to_bytes());
	let bottom = crate::decode_output(&(half + Scalar::ONE).to_bytes());
	assert!(top.is_positive() && bottom.is_negative());
	assert_eq!(top, -bottom);
	// Sums beyond i128 are exact.
	let big = mpc_primitives::encode_value(i128::MAX) * mpc_primitives::encode_value(-4);
	let expected = I256::try_from(i128::MAX).expect("fits") * I256::try_from(-4).expect("fits");
	assert_eq!(crate::decode_output(&big.to_bytes()), expected);
	let floor = |a: i64, b: u32| crate::floor_div(I256::try_from(a).expect("fits"), b);
	assert_eq!(floor(7, 2), I256::try_from(3).expect("fits"));
	assert_eq!(floor(-7, 2), I256::try_from(-4).expect("fits"));
	assert_eq!(floor(-8, 2), I256::try_from(-4).expect("fits"));
}

#[test]
fn an_account_creates_a_job_and_reads_it() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let (out, weight) =
			call_with(OWNER, precompile(), U256::zero(), create_call(spec(CALLBACK_GAS)), limits());
		let id = IMpc::createJobCall::abi_decode_returns(&ok(out)).expect("uint64");
		assert_eq!(id, 0);
		let job = Jobs::<Test>::get(id).expect("created");
		assert_eq!(job.owner, acc(OWNER));
		assert_eq!((job.shape.n(), job.shape.t(), job.shape.d(), job.min_inputs), (3, 1, 2, 2));
		assert_eq!(job.escrow, 3_000);
		// Charged the larger path up front, refunded to the one taken (no draw here).
		let taken =
			<<Test as pallet_mpc::Config>::WeightInfo as pallet_mpc::WeightInfo>::create_job(3);
		assert!(weight.ref_time() >= taken.ref_time());
		let owner_address = <Test as pallet_revive::Config>::AddressMapper::to_address(&acc(OWNER));
		assert_eq!(
			Callbacks::<Test>::get(id),
			Some(Callback { contract: owner_address, gas: CALLBACK_GAS })
		);
		let (topics, data) = precompile_events().pop().expect("JobCreated");
		let event = IMpc::JobCreated::decode_raw_log(topics.iter().map(|t| FixedBytes(t.0)), &data)
			.expect("JobCreated");
		assert_eq!(
			(event.jobId, event.owner.0 .0, event.callbackGas),
			(0, owner_address.0, CALLBACK_GAS)
		);

		let view = read_view(IMpc::jobCall { jobId: id });
		assert_eq!(view.owner.0 .0, owner_address.0);
		assert_eq!(view.ownerAccount.0, *AsRef::<[u8; 32]>::as_ref(&acc(OWNER)));
		assert_eq!((view.phase, view.failure), (0, 0));
		assert_eq!((view.committeeSize, view.threshold, view.dimension), (3, 1, 2));
		assert_eq!((view.inputCount, view.qualifiedCount, view.deadline), (0, 0, job.deadline));

		let r = read_view(IMpc::resultCall { jobId: id });
		assert!(!r.ready && r.sums.is_empty() && r.means.is_empty());
	});
}

#[test]
fn refused_creations_change_nothing() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let before = state();
		let cases: Vec<(IMpc::JobSpec, &str)> = vec![
			(IMpc::JobSpec { ruleKind: 4, ..spec(0) }, "BadRule"),
			(IMpc::JobSpec { ruleKind: 2, lows: vec![0], highs: vec![1], ..spec(0) }, "BadRule"),
			(IMpc::JobSpec { ruleKind: 1, lows: vec![0], highs: vec![1, 2], ..spec(0) }, "BadRule"),
			(
				IMpc::JobSpec { ruleKind: 1, lows: vec![0], highs: vec![1], ..spec(0) },
				"InvalidInputRule",
			),
			(IMpc::JobSpec { threshold: 3, ..spec(0) }, "InvalidThreshold"),
			(IMpc::JobSpec { minInputs: 0, ..spec(0) }, "InvalidInputLimits"),
			(IMpc::JobSpec { metadata: vec![0u8; 10_000].into(), ..spec(0) }, "MetadataTooLong"),
			(IMpc::JobSpec { rewardPerWorker: 1, ..spec(0) }, "RewardTooLow"),
			(IMpc::JobSpec { rewardPerWorker: u128::MAX / 2, ..spec(0) }, "RewardOverflow"),
			(IMpc::JobSpec { rewardPerWorker: INITIAL_BALANCE, ..spec(0) }, "InsufficientBalance"),
			// 1e9 gas at 50 ns each is 50 s of weight: no fulfill could carry it.
			(IMpc::JobSpec { callbackGas: 1_000_000_000, ..spec(0) }, "CallbackGasTooHigh"),
		];
		for (s, reason) in cases {
			let out = call(OWNER, precompile(), create_call(s));
			assert_eq!(revert_reason(&out), reason);
			assert_eq!(state(), before, "{reason}");
		}
		// With value: the precompile never takes any.
		let (out, _) = call_with(
			OWNER,
			precompile(),
			U256::from(1_000_000u64),
			create_call(spec(0)),
			limits(),
		);
		assert_eq!(revert_reason(&out), "ValueNotAccepted");
		assert_eq!(state(), before);
		// Calldata that is not the interface's.
		let mut data = create_call(spec(0));
		data.truncate(40);
		let out = call(OWNER, precompile(), data);
		assert!(out.did_revert());
		assert_eq!(state(), before);
		// Unknown jobs.
		for data in
			[IMpc::jobCall { jobId: 7 }.abi_encode(), IMpc::resultCall { jobId: 7 }.abi_encode()]
		{
			assert_eq!(revert_reason(&call(ANYONE, precompile(), data)), "UnknownJob");
		}
		assert_eq!(
			revert_reason(&call(ANYONE, precompile(), IMpc::fulfillCall { jobId: 7 }.abi_encode())),
			"NoCallback"
		);
		assert_eq!(state(), before);
	});
}

#[test]
fn delegate_and_static_calls_are_refused() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let delegating = deploy(Via::DelegateCall, OnCallback::Record, 1_000_000);
		let static_ = deploy(Via::StaticCall, OnCallback::Record, 1_000_000);
		let before = state();
		assert_eq!(
			revert_reason(&call(OWNER, delegating, create_call(spec(0)))),
			"DelegateCallDenied"
		);
		assert_eq!(revert_reason(&call(OWNER, static_, create_call(spec(0)))), "StateChangeDenied");
		assert_eq!(state(), before);
		assert_eq!(NextJobId::<Test>::get(), 0);
		// A view through STATICCALL is fine.
		let out = call(OWNER, static_, IMpc::nextRoundCall {}.abi_encode());
		assert_eq!(IMpc::nextRoundCall::abi_decode_returns(&ok(out)).expect("uint64"), 0);
	});
}

#[test]
fn a_contract_owns_its_job_and_receives_the_exact_result() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let contract = deploy(Via::Call, OnCallback::Record, 1_000_000);
		let account = contract_account(&contract);
		let id = IMpc::createJobCall::abi_decode_returns(&ok(call(
			OWNER,
			contract,
			create_call(spec(CALLBACK_GAS)),
		)))
		.expect("uint64");
		let job = Jobs::<Test>::get(id).expect("job");
		assert_eq!(job.owner, account, "the contract, not the transaction's signer, owns the job");
		let held =
			|reason: pallet_mpc::HoldReason| Balances::balance_on_hold(&reason.into(), &account);
		assert_eq!(held(pallet_mpc::HoldReason::JobEscrow), job.escrow);
		assert_eq!(held(pallet_mpc::HoldReason::JobDeposit), job.deposit);
		assert_eq!(Callbacks::<Test>::get(id).map(|c| c.contract), Some(contract));

		let inputs = [[-5i128, 1_000_000_000_000], [12, 3], [-10, -7]];
		for (k, values) in inputs.iter().enumerate() {
			submit(id, 20 + k as u8, values);
		}
		// Not ended yet: nothing to deliver.
		assert_eq!(
			revert_reason(&call(
				ANYONE,
				precompile(),
				IMpc::fulfillCall { jobId: id }.abi_encode()
			)),
			"NotEnded"
		);
		complete(id);

		let r = read_view(IMpc::resultCall { jobId: id });
		let int = |v: i128| I256::try_from(v).expect("fits");
		assert!(r.ready);
		assert_eq!(r.qualifiedInputs, 3);
		assert_eq!(r.sums, vec![int(-3), int(1_000_000_000_000 - 4)]);
		assert_eq!(r.means, vec![int(-1), int((1_000_000_000_000 - 4) / 3)]);
		let stored = Results::<Test>::get(id).expect("result");
		assert_eq!(stored.sums.to_vec(), vec![Some(-3), Some(1_000_000_000_000 - 4)]);

		// What fulfill must have left, as the view tells it.
		let pending = read_view(IMpc::pendingCallbackCall { jobId: id });
		let budget = crate::callback_budget::<Test>(CALLBACK_GAS);
		assert!(pending.owed);
		assert_eq!(pending.consumer.0 .0, contract.0);
		assert_eq!(pending.callbackGas, CALLBACK_GAS);
		assert_eq!(
			(pending.refTimeNeeded, pending.depositNeeded, pending.proofSizeNeeded),
			(budget.ref_time_needed, budget.deposit, 256 * 1024)
		);
		// 2e6 gas at 50,000 fee units each: 1e11 fee, 0.1 s at one fee unit per picosecond.
		assert_eq!(budget.ref_time, 100_000_000_000);
		assert_eq!(budget.deposit, 100_000_000_000);
		assert!(budget.ref_time_needed > budget.ref_time);
		// Too little gas for the callback: refused, still owed.
		let starved = TransactionLimits::WeightAndDeposit {
			weight_limit: Weight::from_parts(20_000_000_000, 5 * 1024 * 1024),
			deposit_limit: 1_000_000_000,
		};
		let (out, _) = call_with(
			ANYONE,
			precompile(),
			U256::zero(),
			IMpc::fulfillCall { jobId: id }.abi_encode(),
			starved,
		);
		assert_eq!(revert_reason(&out), "NotEnoughGas");
		// Plenty of deposit allowance but little weight (or the reverse) is refused as well:
		// pallet-revive would split the callback's gas between them in that proportion.
		for (weight, deposit) in [(20_000_000_000, u128::MAX / 4), (1_000_000_000_000, 1_000_000)] {
			let lopsided = TransactionLimits::WeightAndDeposit {
				weight_limit: Weight::from_parts(weight, 5 * 1024 * 1024),
				deposit_limit: deposit,
			};
			let (out, _) = call_with(
				ANYONE,
				precompile(),
				U256::zero(),
				IMpc::fulfillCall { jobId: id }.abi_encode(),
				lopsided,
			);
			assert_eq!(revert_reason(&out), "NotEnoughGas");
		}
		assert!(Callbacks::<Test>::contains_key(id));
		assert_eq!(slot(contract, 1), None);

		// Less proof size left than the callback's: refused, still owed (a caller could
		// otherwise leave the callback too little to read its own storage).
		for (proof, refused) in [(8_000u64, true), (256 * 1024 - 1, true)] {
			let limits = TransactionLimits::WeightAndDeposit {
				weight_limit: Weight::from_parts(1_000_000_000_000, proof),
				deposit_limit: 100_000_000_000_000,
			};
			let r = Revive::bare_call(
				RuntimeOrigin::signed(acc(ANYONE)),
				precompile(),
				U256::zero(),
				limits,
				IMpc::fulfillCall { jobId: id }.abi_encode(),
				&ExecConfig::new_substrate_tx(),
			);
			match (refused, r.result) {
				(true, Ok(out)) => assert_eq!(revert_reason(&out), "NotEnoughGas"),
				(false, Err(_)) => {}
				(_, other) => panic!("proof {proof}: {other:?}"),
			}
			assert!(Callbacks::<Test>::contains_key(id));
			assert_eq!(delivered(id), None);
		}

		ok(call(ANYONE, precompile(), IMpc::fulfillCall { jobId: id }.abi_encode()));
		let expected = IMpcConsumer::onMpcResultCall {
			jobId: id,
			completed: true,
			sums: r.sums.clone(),
			qualifiedInputs: 3,
		}
		.abi_encode();
		assert_eq!(slot(contract, 1), Some(pallet_revive::keccak_256(&expected).to_vec()));
		assert_eq!(delivered(id), Some(true));
		assert!(!Callbacks::<Test>::contains_key(id));
		let pending = read_view(IMpc::pendingCallbackCall { jobId: id });
		assert!(!pending.owed && pending.refTimeNeeded == 0 && pending.depositNeeded == 0);
		// Once only.
		assert_eq!(
			revert_reason(&call(
				ANYONE,
				precompile(),
				IMpc::fulfillCall { jobId: id }.abi_encode()
			)),
			"NoCallback"
		);
		// Nobody else can pose as the precompile: a direct call is forwarded, not recorded.
		let spoof = IMpcConsumer::onMpcResultCall {
			jobId: id,
			completed: true,
			sums: vec![int(1)],
			qualifiedInputs: 1,
		};
		let out = call(ANYONE, contract, spoof.abi_encode());
		assert!(out.did_revert());
		assert_eq!(slot(contract, 1), Some(pallet_revive::keccak_256(&expected).to_vec()));
	});
}

#[test]
fn a_failing_callback_never_undoes_the_result() {
	for on_callback in [OnCallback::Revert, OnCallback::Burn] {
		new_test_ext().execute_with(|| {
			register_workers(3);
			let contract = deploy(Via::Call, on_callback, 1_000_000);
			let id = IMpc::createJobCall::abi_decode_returns(&ok(call(
				OWNER,
				contract,
				create_call(spec(CALLBACK_GAS)),
			)))
			.expect("uint64");
			submit(id, 20, &[1, 2]);
			submit(id, 21, &[3, 4]);
			complete(id);
			ok(call(ANYONE, precompile(), IMpc::fulfillCall { jobId: id }.abi_encode()));
			assert_eq!(delivered(id), Some(false));
			assert!(!Callbacks::<Test>::contains_key(id));
			let r = Results::<Test>::get(id).expect("the result stays");
			assert_eq!(r.sums.to_vec(), vec![Some(4), Some(6)]);
			assert_eq!(phase(id), JobPhase::Completed);
		});
	}
}

#[test]
fn a_failed_job_is_delivered_without_a_result() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let contract = deploy(Via::Call, OnCallback::Record, 1_000_000);
		let id = IMpc::createJobCall::abi_decode_returns(&ok(call(
			OWNER,
			contract,
			create_call(spec(CALLBACK_GAS)),
		)))
		.expect("uint64");
		submit(id, 20, &[1, 2]); // one input; the job needs two
		run_to_deadline(id);
		assert!(matches!(phase(id), JobPhase::Failed(_)));
		let view = read_view(IMpc::jobCall { jobId: id });
		assert_eq!((view.phase, view.failure), (5, 0));
		ok(call(ANYONE, precompile(), IMpc::fulfillCall { jobId: id }.abi_encode()));
		assert_eq!(delivered(id), Some(true));
		let expected = IMpcConsumer::onMpcResultCall {
			jobId: id,
			completed: false,
			sums: vec![],
			qualifiedInputs: 0,
		}
		.abi_encode();
		assert_eq!(slot(contract, 1), Some(pallet_revive::keccak_256(&expected).to_vec()));
		assert_eq!(delivered(id), Some(true));
	});
}

#[test]
fn randomness_waits_for_a_completed_round_and_binds_the_caller() {
	new_test_ext().execute_with(|| {
		let data = IMpc::randomnessCall { round: 0, subject: FixedBytes([7; 32]) }.abi_encode();
		assert_eq!(revert_reason(&call(ANYONE, precompile(), data.clone())), "RoundNotReady");
		let rho = [9u8; 32];
		pallet_mpc::BeaconRounds::<Test>::insert(
			0,
			pallet_mpc::BeaconRound::<Test> {
				epoch: 0,
				opened: 1,
				seed: [0; 32],
				shares: BoundedVec::new(),
				output: Some((rho, 1)),
			},
		);
		// Published in this block: not yet.
		assert_eq!(revert_reason(&call(ANYONE, precompile(), data.clone())), "RoundNotReady");
		run_to_block(2);
		let value = |from: u8| {
			IMpc::randomnessCall::abi_decode_returns(&ok(call(from, precompile(), data.clone())))
				.expect("bytes32")
				.0
		};
		let address = <Test as pallet_revive::Config>::AddressMapper::to_address(&acc(ANYONE));
		let mut bound = address.0.to_vec();
		bound.extend_from_slice(&[7; 32]);
		assert_eq!(value(ANYONE), mpc_primitives::subject_value(&rho, &bound));
		assert_ne!(value(ANYONE), value(OWNER));
	});
}

#[test]
fn only_the_owning_contract_controls_its_job() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let contract = deploy(Via::Call, OnCallback::Record, 1_000_000);
		let account = contract_account(&contract);
		let create = |gas| {
			IMpc::createJobCall::abi_decode_returns(&ok(call(
				OWNER,
				contract,
				create_call(spec(gas)),
			)))
			.expect("uint64")
		};
		let cancel = |id| IMpc::cancelJobCall { jobId: id }.abi_encode();
		let close = |id| IMpc::closeInputsCall { jobId: id }.abi_encode();
		let remove = |id| IMpc::removeJobCall { jobId: id }.abi_encode();
		let free_before = Balances::balance(&account);

		// Cancelled by its contract (the committee is paid for its seats, the rest of the
		// escrow returns); nobody else may.
		let a = create(0);
		assert_eq!(revert_reason(&call(ANYONE, precompile(), cancel(a))), "NotJobOwner");
		assert_eq!(phase(a), JobPhase::Collecting);
		let workers =
			|f: &dyn Fn(&AccountId) -> Balance| (1..=3u8).map(|n| f(&acc(n))).sum::<Balance>();
		let workers_before = workers(&|a| Balances::total_balance(a));
		ok(call(OWNER, contract, cancel(a)));
		assert_eq!(phase(a), JobPhase::Cancelled);
		let held =
			|reason: pallet_mpc::HoldReason| Balances::balance_on_hold(&reason.into(), &account);
		assert_eq!(held(pallet_mpc::HoldReason::JobEscrow), 0);
		let seat_pay = workers(&|a| Balances::total_balance(a)) - workers_before;
		assert!(seat_pay > 0);
		assert_eq!(
			Balances::balance(&account) + held(pallet_mpc::HoldReason::JobDeposit) + seat_pay,
			free_before
		);
		// Removed by its contract: the deposit returns too.
		let remove_a = IMpc::removeJobCall { jobId: a }.abi_encode();
		assert_eq!(revert_reason(&call(ANYONE, precompile(), remove_a.clone())), "NotJobOwner");
		ok(call(OWNER, contract, remove_a));
		assert_eq!(Balances::balance(&account) + seat_pay, free_before);

		// Closed early by its contract, once it has min_inputs; then removed after it ended.
		let b = create(CALLBACK_GAS);
		submit(b, 20, &[1, 2]);
		assert_eq!(revert_reason(&call(OWNER, contract, close(b))), "TooFewInputs");
		submit(b, 21, &[3, 4]);
		assert_eq!(revert_reason(&call(ANYONE, precompile(), close(b))), "NotJobOwner");
		ok(call(OWNER, contract, close(b)));
		assert_eq!(phase(b), JobPhase::Verifying);
		assert_eq!(revert_reason(&call(OWNER, contract, remove(b))), "JobNotEnded");
		run_to_deadline(b);
		let share_owner = |i: u32| Committees::<Test>::get(b)[i as usize - 1].account.clone();
		for i in 1..=2u32 {
			let n = AsRef::<[u8; 32]>::as_ref(&share_owner(i))[0];
			let share = testing_utils::honest_result_share::<Test>(
				b,
				testing_utils::index(i),
				&worker_secret(n),
			);
			let (digest, values, blinding) = testing_utils::result_share_args::<Test>(b, &share);
			assert_ok!(Mpc::submit_result_share(
				RuntimeOrigin::signed(share_owner(i)),
				b,
				digest,
				values,
				blinding
			));
		}
		run_to_deadline(b); // Completed -> Settled
		assert_eq!(phase(b), JobPhase::Settled);
		assert!(Callbacks::<Test>::contains_key(b));
		assert_eq!(revert_reason(&call(ANYONE, precompile(), remove(b))), "NotJobOwner");
		ok(call(OWNER, contract, remove(b)));
		assert!(Jobs::<Test>::get(b).is_none());
		assert!(!Callbacks::<Test>::contains_key(b), "the undelivered callback went with the job");
		assert_eq!(
			Balances::balance_on_hold(&pallet_mpc::HoldReason::JobDeposit.into(), &account),
			0
		);
	});
}

#[test]
fn root_and_oversized_allowlists_are_refused() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let before = state();
		let r = Revive::bare_call(
			RuntimeOrigin::root(),
			precompile(),
			U256::zero(),
			limits(),
			create_call(spec(0)),
			&ExecConfig::new_substrate_tx(),
		);
		assert_eq!(revert_reason(&r.result.expect("no trap")), "BadOrigin");
		let max = <<Test as pallet_mpc::Config>::MaxAllowedProviders as frame_support::traits::Get<u32>>::get() as usize;
		let many =
			IMpc::JobSpec { allowedProviders: vec![FixedBytes([9; 32]); max + 1], ..spec(0) };
		assert_eq!(
			revert_reason(&call(OWNER, precompile(), create_call(many))),
			"TooManyProviders"
		);
		assert_eq!(state(), before);
	});
}
