//! The MPC precompile (PROTOCOL.md section 13).

use alloc::{string::String, vec::Vec};
use codec::{DecodeAll, Encode};
use core::{marker::PhantomData, num::NonZero};
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight, BoundedVec};
use pallet_mpc::{InputRule, JobId, JobPhase, JobSpec, Jobs, Results, WeightInfo};
use pallet_revive::{
	evm::fees::InfoT,
	precompiles::{
		alloy::{
			primitives::{Address, FixedBytes, I256, U256 as AbiU256},
			sol,
			sol_types::{SolCall, SolEvent},
		},
		AddressMatcher, Error, Ext, Precompile, ReentrancyProtection, RuntimeCosts, H160, H256,
		U256,
	},
	AddressMapper, CallResources,
};
use sp_runtime::{DispatchError, SaturatedConversion};

use crate::{Callback, Callbacks, Config};

sol!("../../contracts/IMpc.sol");

/// The precompile's index in pallet-revive's address space: `AddressMatcher::Fixed(0x0D00)`.
pub const PRECOMPILE_INDEX: u16 = 0x0D00;

/// The precompile's address, `0x000000000000000000000000000000000D000000`: the index
/// big-endian in bytes 16..18.
pub const PRECOMPILE_ADDRESS: [u8; 20] = {
	let mut a = [0u8; 20];
	a[16] = (PRECOMPILE_INDEX >> 8) as u8;
	a[17] = PRECOMPILE_INDEX as u8;
	a
};

/// Gas `fulfill` must have left beyond `callbackGas + callbackGas / 64` (section 13.4).
pub const CALLBACK_GAS_MARGIN: u64 = 10_000;

/// The group order `l = 2^252 + 27742317777372353535851937790883648493`.
const GROUP_ORDER: AbiU256 =
	AbiU256::from_limbs([0x5812_631a_5cf5_d3ed, 0x14de_f9de_a2f7_9cd6, 0, 0x1000_0000_0000_0000]);

/// An output scalar (32 bytes, little-endian, canonical) decoded per section 4: `s` if
/// `s <= (l - 1) / 2`, otherwise `s - l`. Always within an int256.
pub fn decode_output(scalar: &[u8; 32]) -> I256 {
	let s = AbiU256::from_le_bytes(*scalar);
	let half = (GROUP_ORDER - AbiU256::from(1u8)) >> 1;
	if s <= half {
		I256::from_raw(s)
	} else {
		-I256::from_raw(GROUP_ORDER - s)
	}
}

/// `floor(a / b)` for `b > 0`, rounding towards negative infinity.
pub fn floor_div(a: I256, b: u32) -> I256 {
	let b = I256::try_from(b).unwrap_or(I256::ONE);
	let (q, r) = (a / b, a % b);
	if r.is_negative() {
		q - I256::ONE
	} else {
		q
	}
}

/// The MPC precompile: add it to `pallet_revive::Config::Precompiles`.
pub struct MpcPrecompile<T>(PhantomData<T>);

fn revert(name: &str) -> Error {
	Error::Revert(String::from(name).into())
}

/// A pallet refusal as `Error(string)` with the error's name (section 13.1).
fn refusal(e: impl Into<DispatchError>) -> Error {
	match e.into() {
		DispatchError::Module(m) => revert(m.message.unwrap_or("ModuleError")),
		DispatchError::BadOrigin => revert("BadOrigin"),
		other => Error::from(other),
	}
}

impl<T: Config> Precompile for MpcPrecompile<T> {
	type T = T;
	type Interface = IMpc::IMpcCalls;
	const MATCHER: AddressMatcher = AddressMatcher::Fixed(match NonZero::new(PRECOMPILE_INDEX) {
		Some(i) => i,
		None => panic!("non-zero"),
	});
	const HAS_CONTRACT_INFO: bool = false;

	fn call(
		_address: &[u8; 20],
		input: &Self::Interface,
		env: &mut impl Ext<T = Self::T>,
	) -> Result<Vec<u8>, Error> {
		if env.is_delegate_call() {
			return Err(revert("DelegateCallDenied"));
		}
		use IMpc::IMpcCalls as C;
		match input {
			C::createJob(call) => create_job::<T>(&call.spec, env),
			C::job(call) => job::<T>(call.jobId, env),
			C::result(call) => result::<T>(call.jobId, env),
			C::fulfill(call) => fulfill::<T>(call.jobId, env),
			C::cancelJob(call) => owner_call::<T>(call.jobId, OwnerCall::Cancel, env),
			C::closeInputs(call) => owner_call::<T>(call.jobId, OwnerCall::Close, env),
			C::removeJob(call) => owner_call::<T>(call.jobId, OwnerCall::Remove, env),
			C::pendingCallback(call) => {
				env.charge(reads::<T>(1))?;
				let pending = Callbacks::<T>::get(call.jobId);
				let budget = callback_budget::<T>(pending.map_or(0, |c| c.gas));
				Ok(IMpc::pendingCallbackCall::abi_encode_returns(&IMpc::pendingCallbackReturn {
					owed: pending.is_some(),
					consumer: Address::from(pending.map_or([0; 20], |c| c.contract.0)),
					callbackGas: pending.map_or(0, |c| c.gas),
					refTimeNeeded: pending.map_or(0, |_| budget.ref_time_needed),
					depositNeeded: pending.map_or(0, |_| budget.deposit),
					proofSizeNeeded: pending.map_or(0, |_| budget.proof_size),
				}))
			}
			C::nextRound(_) => {
				env.charge(reads::<T>(1))?;
				Ok(
					IMpc::nextRoundCall::abi_encode_returns(
						&pallet_mpc::NextBeaconRound::<T>::get(),
					),
				)
			}
			C::randomness(call) => randomness::<T>(call.round, call.subject, env),
		}
	}
}

fn reads<T: Config>(n: u64) -> Weight {
	<T as frame_system::Config>::DbWeight::get().reads(n)
}

fn writes<T: Config>(n: u64) -> Weight {
	<T as frame_system::Config>::DbWeight::get().writes(n)
}

/// The caller's account and address (`msg.sender`).
fn caller<T: Config>(env: &impl Ext<T = T>) -> Result<(T::AccountId, H160), Error> {
	let origin = env.caller();
	let account = origin.account_id().map_err(|_| revert("BadOrigin"))?.clone();
	let address = <T as pallet_revive::Config>::AddressMapper::to_address(&account);
	Ok((account, address))
}

/// Charges an event's weight as pallet-revive prices it, then emits it.
fn emit<T: Config, E: SolEvent>(env: &mut impl Ext<T = T>, event: &E) -> Result<(), Error> {
	let log = event.encode_log_data();
	let topics: Vec<H256> = log.topics().iter().map(|t| H256(t.0)).collect();
	let data = log.data.to_vec();
	env.frame_meter_mut().charge_weight_token(RuntimeCosts::DepositEvent {
		num_topic: topics.len() as u32,
		len: data.len() as u32,
	})?;
	env.deposit_event(topics, data);
	Ok(())
}

/// The pallet's `JobSpec` for an ABI one (section 13.2).
fn job_spec<T: Config>(spec: &IMpc::JobSpec) -> Result<JobSpec<T>, Error> {
	let input_rule = match (spec.ruleKind, spec.lows.is_empty() && spec.highs.is_empty()) {
		(0, true) => InputRule::None,
		(2, true) => InputRule::OneHot { abstain: false },
		(3, true) => InputRule::OneHot { abstain: true },
		(1, _) if spec.lows.len() == spec.highs.len() => {
			let bounds: Vec<(i128, i128)> =
				spec.lows.iter().copied().zip(spec.highs.iter().copied()).collect();
			InputRule::Range(
				BoundedVec::try_from(bounds)
					.map_err(|_| refusal(pallet_mpc::Error::<T>::InvalidInputRule))?,
			)
		}
		_ => return Err(revert("BadRule")),
	};
	let allowed_providers = if spec.allowedProviders.is_empty() {
		None
	} else {
		// Counted before anything is decoded: the charge covers at most the bound.
		let max = <T as pallet_mpc::Config>::MaxAllowedProviders::get();
		if spec.allowedProviders.len() > max as usize {
			return Err(revert("TooManyProviders"));
		}
		let accounts = spec
			.allowedProviders
			.iter()
			.map(|a| T::AccountId::decode_all(&mut a.as_slice()).map_err(|_| revert("BadAccount")))
			.collect::<Result<Vec<_>, _>>()?;
		Some(BoundedVec::try_from(accounts).map_err(|_| revert("TooManyProviders"))?)
	};
	Ok(JobSpec {
		committee_size: spec.committeeSize,
		threshold: spec.threshold,
		dimension: spec.dimension,
		decimals: spec.decimals,
		input_window: spec.inputWindow.into(),
		max_inputs: spec.maxInputs,
		min_inputs: spec.minInputs,
		allowed_providers,
		metadata: BoundedVec::try_from(spec.metadata.to_vec())
			.map_err(|_| revert("MetadataTooLong"))?,
		reward_per_worker: spec.rewardPerWorker.try_into().map_err(|_| revert("BadAmount"))?,
		input_rule,
	})
}

fn create_job<T: Config>(
	spec: &IMpc::JobSpec,
	env: &mut impl Ext<T = T>,
) -> Result<Vec<u8>, Error> {
	// The larger of the two paths up front; refunded to the one taken below.
	let charged = env.charge(
		pallet_mpc::Pallet::<T>::create_job_weight(spec.committeeSize)
			.saturating_add(writes::<T>(1)),
	)?;
	if env.is_read_only() {
		return Err(revert("StateChangeDenied"));
	}
	if !env.value_transferred().is_zero() {
		return Err(revert("ValueNotAccepted"));
	}
	let (owner, address) = caller::<T>(env)?;
	if callback_budget::<T>(spec.callbackGas).ref_time_needed > max_callback_ref_time::<T>() {
		return Err(revert("CallbackGasTooHigh"));
	}
	let job_spec = job_spec::<T>(spec)?;
	let job_id = pallet_mpc::Pallet::<T>::do_create_job(owner, job_spec).map_err(refusal)?;
	if spec.callbackGas > 0 {
		Callbacks::<T>::insert(job_id, Callback { contract: address, gas: spec.callbackGas });
	}
	let drawing = Jobs::<T>::get(job_id).is_some_and(|j| j.phase == JobPhase::Drawing);
	let n = spec.committeeSize.min(<T as pallet_mpc::Config>::MaxCommittee::get());
	let taken = if drawing {
		<T as pallet_mpc::Config>::WeightInfo::create_drawing_job()
	} else {
		<T as pallet_mpc::Config>::WeightInfo::create_job(n)
	};
	let write = if spec.callbackGas > 0 { writes::<T>(1) } else { Weight::zero() };
	env.adjust_gas(charged, taken.saturating_add(write).saturating_add(reads::<T>(1)));
	emit(
		env,
		&IMpc::JobCreated {
			jobId: job_id,
			owner: Address::from(address.0),
			callbackGas: spec.callbackGas,
		},
	)?;
	Ok(IMpc::createJobCall::abi_encode_returns(&job_id))
}

fn job<T: Config>(job_id: JobId, env: &mut impl Ext<T = T>) -> Result<Vec<u8>, Error> {
	env.charge(reads::<T>(1))?;
	let job = Jobs::<T>::get(job_id).ok_or_else(|| refusal(pallet_mpc::Error::<T>::UnknownJob))?;
	let owner = <T as pallet_revive::Config>::AddressMapper::to_address(&job.owner);
	let mut account = [0u8; 32];
	let encoded = job.owner.encode();
	let len = encoded.len().min(32);
	account[..len].copy_from_slice(&encoded[..len]);
	let phase = job.phase.encode();
	let failure = match job.phase {
		JobPhase::Failed(_) => phase.get(1).copied().unwrap_or(0),
		_ => 0,
	};
	Ok(IMpc::jobCall::abi_encode_returns(&IMpc::jobReturn {
		owner: Address::from(owner.0),
		ownerAccount: FixedBytes(account),
		phase: phase[0],
		failure,
		committeeSize: job.shape.n(),
		threshold: job.shape.t(),
		dimension: job.shape.d(),
		inputCount: job.input_count,
		qualifiedCount: job.qualified_count,
		deadline: job.deadline.saturated_into::<u64>(),
	}))
}

/// The owner's controls (section 13.2).
#[derive(Clone, Copy)]
enum OwnerCall {
	Cancel,
	Close,
	Remove,
}

fn owner_call<T: Config>(
	job_id: JobId,
	what: OwnerCall,
	env: &mut impl Ext<T = T>,
) -> Result<Vec<u8>, Error> {
	let max_n = <T as pallet_mpc::Config>::MaxCommittee::get();
	let remove =
		|pages| pallet_mpc::Pallet::<T>::remove_job_weight(pages).saturating_add(writes::<T>(1));
	let charged = env.charge(match what {
		OwnerCall::Cancel => <T as pallet_mpc::Config>::WeightInfo::cancel_job(max_n),
		OwnerCall::Close => <T as pallet_mpc::Config>::WeightInfo::close_inputs(),
		// At the most pages of disqualified inputs a job can have; refunded below to the job's.
		OwnerCall::Remove => remove(pallet_mpc::Pallet::<T>::max_disqualified_pages()),
	})?;
	if env.is_read_only() {
		return Err(revert("StateChangeDenied"));
	}
	if !env.value_transferred().is_zero() {
		return Err(revert("ValueNotAccepted"));
	}
	let (who, _) = caller::<T>(env)?;
	let done = match what {
		OwnerCall::Cancel => pallet_mpc::Pallet::<T>::do_cancel_job(who, job_id),
		OwnerCall::Close => pallet_mpc::Pallet::<T>::do_close_inputs(who, job_id),
		OwnerCall::Remove => pallet_mpc::Pallet::<T>::do_remove_job(who, job_id)
			.map(|pages| env.adjust_gas(charged, remove(pages))),
	};
	done.map_err(refusal)?;
	if matches!(what, OwnerCall::Remove) {
		Callbacks::<T>::remove(job_id);
	}
	Ok(Vec::new())
}

/// What `result` and the callback report of a job (section 13.3).
struct Outcome {
	phase: JobPhase,
	/// Whether a result is stored.
	ready: bool,
	/// `|Q|`.
	qualified: u32,
	decimals: u8,
	sums: Vec<I256>,
	means: Vec<I256>,
}

fn outcome<T: Config>(job_id: JobId) -> Option<Outcome> {
	let job = Jobs::<T>::get(job_id)?;
	let Some(result) = Results::<T>::get(job_id) else {
		return Some(Outcome {
			phase: job.phase,
			ready: false,
			qualified: 0,
			decimals: job.decimals,
			sums: Vec::new(),
			means: Vec::new(),
		});
	};
	let sums: Vec<I256> = result.output.iter().map(|y| decode_output(&y.to_bytes())).collect();
	let means = sums.iter().map(|s| floor_div(*s, result.qualified_inputs)).collect();
	Some(Outcome {
		phase: job.phase,
		ready: true,
		qualified: result.qualified_inputs,
		decimals: result.decimals,
		sums,
		means,
	})
}

fn result<T: Config>(job_id: JobId, env: &mut impl Ext<T = T>) -> Result<Vec<u8>, Error> {
	env.charge(reads::<T>(2))?;
	let o = outcome::<T>(job_id).ok_or_else(|| refusal(pallet_mpc::Error::<T>::UnknownJob))?;
	Ok(IMpc::resultCall::abi_encode_returns(&IMpc::resultReturn {
		ready: o.ready,
		qualifiedInputs: o.qualified,
		decimals: o.decimals,
		sums: o.sums,
		means: o.means,
	}))
}

fn fulfill<T: Config>(job_id: JobId, env: &mut impl Ext<T = T>) -> Result<Vec<u8>, Error> {
	env.charge(reads::<T>(3).saturating_add(writes::<T>(1)))?;
	if env.is_read_only() {
		return Err(revert("StateChangeDenied"));
	}
	if !env.value_transferred().is_zero() {
		return Err(revert("ValueNotAccepted"));
	}
	let callback = Callbacks::<T>::get(job_id).ok_or_else(|| revert("NoCallback"))?;
	let o = outcome::<T>(job_id).ok_or_else(|| refusal(pallet_mpc::Error::<T>::UnknownJob))?;
	let ended = o.ready || matches!(o.phase, JobPhase::Failed(_) | JobPhase::Cancelled);
	if !ended {
		return Err(revert("NotEnded"));
	}
	let budget = callback_budget::<T>(callback.gas);
	let meter = env.frame_meter();
	let weight_left = meter.weight_left().unwrap_or_default();
	let deposit_left: u128 = meter.deposit_left().unwrap_or_default().saturated_into();
	if weight_left.ref_time() < budget.ref_time_needed
		|| weight_left.proof_size() < budget.proof_size
		|| deposit_left < budget.deposit
	{
		return Err(revert("NotEnoughGas"));
	}
	let resources = CallResources::<T>::WeightDeposit {
		weight: Weight::from_parts(budget.ref_time, budget.proof_size),
		deposit_limit: budget.deposit.saturated_into(),
	};
	// Delivered before the call: the callback cannot have it delivered twice.
	Callbacks::<T>::remove(job_id);
	let data = IMpcConsumer::onMpcResultCall {
		jobId: job_id,
		completed: o.ready,
		sums: o.sums,
		qualifiedInputs: o.qualified,
	}
	.abi_encode();
	// What a contract's CALL pays before the callee runs.
	env.frame_meter_mut().charge_weight_token(RuntimeCosts::CallBase)?;
	env.frame_meter_mut().charge_weight_token(RuntimeCosts::CallInputCloned(data.len() as u32))?;
	let called = env.call(
		&resources,
		&callback.contract,
		U256::zero(),
		data,
		ReentrancyProtection::AllowReentry,
		false,
	);
	if let Err(e) = called {
		// Refused before the consumer's code ran (the call stack too deep, reentry denied,
		// too little left to load its code): the caller's doing, so nothing is delivered and
		// the callback stays owed. (ExecError's origin: Caller encodes as 0.)
		if e.origin.encode() == [0u8] {
			return Err(Error::Error(e));
		}
	}
	let success = called.is_ok() && !env.last_frame_output().did_revert();
	emit(env, &IMpc::CallbackDelivered { jobId: job_id, success })?;
	Ok(Vec::new())
}

/// What a callback of `gas` needs (section 13.4), in pallet-revive's conversion (one unit of
/// gas is `GasScale` units of fee).
pub struct CallbackBudget {
	/// The callback's ref_time: what `gas` buys.
	pub ref_time: u64,
	/// The ref_time `fulfill`'s caller must have left: what `gas + gas / 64 +
	/// CALLBACK_GAS_MARGIN` buys.
	pub ref_time_needed: u64,
	/// The callback's storage deposit limit, which `fulfill`'s caller must also have left:
	/// `gas * GasScale`.
	pub deposit: u128,
	/// The callback's proof size, which `fulfill`'s caller must also have left:
	/// [`Config::CallbackProofSize`](crate::Config::CallbackProofSize).
	pub proof_size: u64,
}

/// The budget of a callback of `gas`.
pub fn callback_budget<T: Config>(gas: u64) -> CallbackBudget {
	let scale = u128::from(<T as pallet_revive::Config>::GasScale::get());
	let fee = |gas: u64| u128::from(gas).saturating_mul(scale);
	let ref_time = |gas: u64| {
		<T as pallet_revive::Config>::FeeInfo::fee_to_weight(fee(gas).saturated_into()).ref_time()
	};
	let needed = gas.saturating_add(gas / 64).saturating_add(CALLBACK_GAS_MARGIN);
	CallbackBudget {
		ref_time: ref_time(gas),
		ref_time_needed: ref_time(needed),
		deposit: fee(gas),
		proof_size: T::CallbackProofSize::get(),
	}
}

/// The most ref_time a callback may need: 90 % of a normal extrinsic's, so that one `fulfill`
/// can always carry it (section 13.2).
fn max_callback_ref_time<T: Config>() -> u64 {
	let weights = <T as frame_system::Config>::BlockWeights::get();
	let max = weights.get(DispatchClass::Normal).max_extrinsic.unwrap_or(weights.max_block);
	max.ref_time() / 10 * 9
}

fn randomness<T: Config>(
	round: u64,
	subject: FixedBytes<32>,
	env: &mut impl Ext<T = T>,
) -> Result<Vec<u8>, Error> {
	env.charge(reads::<T>(1))?;
	let now = frame_system::Pallet::<T>::block_number();
	let (rho, _) = pallet_mpc::BeaconRounds::<T>::get(round)
		.and_then(|r| r.output)
		.filter(|(_, at)| *at < now)
		.ok_or_else(|| revert("RoundNotReady"))?;
	let (_, address) = caller::<T>(env)?;
	let mut bound = [0u8; 52];
	bound[..20].copy_from_slice(address.as_bytes());
	bound[20..].copy_from_slice(subject.as_slice());
	let value = mpc_primitives::subject_value(&rho, &bound);
	Ok(IMpc::randomnessCall::abi_encode_returns(&FixedBytes(value)))
}
