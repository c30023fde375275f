//! Tests of the pallet in the mock runtime, with real dealings from `mpc-primitives`.

use crate::testing_utils::{self, index};
use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
	BoundedVec,
};
use mpc_primitives::{deal, InputContext, InputRule, ResultShare, Submission};
use sp_runtime::DispatchError;

const OWNER: u8 = 30;
const REWARD: Balance = 500;
const ATTACKER: u8 = 50;
const MIN_REWARD: Balance = 10;

fn origin(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn register(n: u8) {
	let secret = worker_secret(n);
	let proof = secret.prove_possession(&Mpc::genesis_hash(), acc(n).as_ref(), &mut rng(n.into()));
	assert_ok!(Mpc::register_worker(origin(n), secret.public_key().to_bytes(), proof.to_bytes()));
}

/// Workers are accounts `1..=k`.
fn register_workers(k: u8) {
	for n in 1..=k {
		register(n);
	}
}

fn spec(n: u32, t: u32, d: u32) -> JobSpec<Test> {
	JobSpec {
		committee_size: n,
		threshold: t,
		dimension: d,
		decimals: 2,
		input_window: 10,
		max_inputs: 20,
		min_inputs: 1,
		allowed_providers: None,
		metadata: BoundedVec::truncate_from(b"average salary".to_vec()),
		reward_per_worker: REWARD,
		input_rule: InputRule::None,
	}
}

/// Creates a job and, when the pool is larger than its committee, draws the committee at
/// once with a beacon output the test makes up (the beacon itself is tested in
/// `tests_beacon`).
fn create(spec: JobSpec<Test>) -> JobId {
	create_by(OWNER, spec)
}

/// [`create`] by `owner`.
fn create_by(owner: u8, spec: JobSpec<Test>) -> JobId {
	let id = NextJobId::<Test>::get();
	assert_ok!(create_as(owner, spec));
	if job(id).phase == JobPhase::Drawing {
		testing_utils::draw_now::<Test>(id, [id as u8; 32]);
		assert_eq!(job(id).phase, JobPhase::Collecting);
	}
	id
}

/// `create_job` by `owner`, with the beacon switched on for the call: the mock runs no
/// beacon, so a job that needs a draw would be refused with `NoBeacon`.
fn create_as(owner: u8, spec: JobSpec<Test>) -> DispatchResult {
	BeaconMembers::set(3);
	let result = Mpc::create_job(origin(owner), spec);
	BeaconMembers::set(0);
	result
}

fn job(id: JobId) -> Job<Test> {
	Jobs::<Test>::get(id).expect("job exists")
}

fn ctx(job_id: JobId, provider: u8) -> InputContext {
	InputContext::new(Mpc::genesis_hash(), job_id, *acc(provider).as_ref())
}

fn dealing(job_id: JobId, provider: u8, values: &[i128]) -> Submission {
	let keys: Vec<_> = Committees::<Test>::get(job_id).iter().map(|m| m.key).collect();
	let t = job(job_id).shape.t();
	deal(&ctx(job_id, provider), &keys, t, values, &mut rng(u64::from(provider) + job_id * 1000))
		.expect("deal")
}

fn submit_as(job_id: JobId, provider: u8, s: &Submission) -> DispatchResult {
	submit_proven(job_id, provider, s, &[])
}

/// `submit_input` of a dealing with its validity proof.
fn submit_proven(job_id: JobId, provider: u8, s: &Submission, validity: &[u8]) -> DispatchResult {
	let digest = testing_utils::committee_digest::<Test>(job_id);
	let validity = BoundedVec::try_from(validity.to_vec()).expect("within MaxValidityProofLen");
	Mpc::submit_input(origin(provider), job_id, digest, testing_utils::bounded(s.clone()), validity)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// `provider`'s dealing of `values` to the job with its validity proof under the job's rule.
fn proven_dealing(job_id: JobId, provider: u8, values: &[i128]) -> (Submission, Vec<u8>) {
	let keys: Vec<_> = Committees::<Test>::get(job_id).iter().map(|m| m.key).collect();
	let job = job(job_id);
	let seed = u64::from(provider) + job_id * 1000;
	mpc_primitives::deal_with_rule(
		&ctx(job_id, provider),
		&keys,
		job.shape.t(),
		values,
		&job.input_rule.to_vec(),
		&mut rng(seed),
	)
	.expect("values that obey the rule")
}

fn submit(job_id: JobId, provider: u8, values: &[i128]) {
	let s = dealing(job_id, provider, values);
	assert_ok!(submit_as(job_id, provider, &s));
}

/// Account number of committee member `i` (1-based).
fn member(job_id: JobId, i: u32) -> u8 {
	let m = &Committees::<Test>::get(job_id)[i as usize - 1];
	AsRef::<[u8; 32]>::as_ref(&m.account)[0]
}

/// What honest committee member `i` computes: the sum of its shares of the qualified inputs.
fn honest_result_share(job_id: JobId, i: u32) -> ResultShare {
	testing_utils::honest_result_share::<Test>(job_id, index(i), &worker_secret(member(job_id, i)))
}

fn submit_share(job_id: JobId, i: u32, share: &ResultShare) -> DispatchResultWithPostInfo {
	let (digest, sum_shares, blinding) = testing_utils::result_share_args::<Test>(job_id, share);
	Mpc::submit_result_share(origin(member(job_id, i)), job_id, digest, sum_shares, blinding)
}

/// `complain` with the hash of the complaining worker's ciphertext of input `k` as the chain
/// stores it (what an honest worker names).
fn complain_as(
	origin: RuntimeOrigin,
	id: JobId,
	k: InputIndex,
	r: [u8; 32],
	shared_key: [u8; 32],
	proof: [u8; 64],
) -> DispatchResultWithPostInfo {
	let who = frame_system::ensure_signed(origin.clone()).expect("signed");
	let hash = WorkerJobs::<Test>::get(&who, id)
		.zip(Inputs::<Test>::get(id, k))
		.and_then(|(i, input)| input.ciphertexts.get(i.get() as usize - 1).cloned())
		.map(|c| mpc_primitives::hash::ciphertext_hash(&c))
		.unwrap_or_default();
	Mpc::complain(origin, id, k, r, hash, shared_key, proof)
}

/// Runs blocks until the job leaves its current phase.
fn run_to_deadline(job_id: JobId) {
	run_to_block(job(job_id).deadline);
}

fn total_issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance()
}

fn held(n: u8, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &acc(n))
}

fn free(n: u8) -> Balance {
	Balances::balance(&acc(n))
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Money is neither created nor destroyed: the sum of every account's free and held balance
/// is the total issuance, which never moves (penalties go to the treasury).
fn assert_money_conserved(issuance: Balance) {
	assert_eq!(total_issuance(), issuance);
	let sum: Balance = frame_system::Account::<Test>::iter()
		.map(|(_, info)| info.data.free + info.data.reserved)
		.sum();
	assert_eq!(sum, issuance);
	assert_ok!(Mpc::do_try_state());
}

/// Runs a whole job with honest providers and workers and checks the output, the record and
/// the money.
fn lifecycle(n: u32, t: u32, d: u32) {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(n as u8 + 1);
		let id = create(spec(n, t, d));
		let owner_before = free(OWNER);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), REWARD * n as u128);

		let inputs: Vec<Vec<i128>> =
			(0..4).map(|k| (0..d as i128).map(|l| 425_075 + 1_000 * k - 7 * l).collect()).collect();
		for (k, values) in inputs.iter().enumerate() {
			submit(id, 40 + k as u8, values);
		}
		let deposit = Inputs::<Test>::get(id, 0).expect("input").deposit;
		assert!(deposit > 0);
		assert_eq!(held(40, HoldReason::InputDeposit), deposit);

		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Verifying);
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Computing);

		let worker_before: Vec<Balance> = (1..=n).map(|i| free(member(id, i))).collect();
		for i in 1..=n {
			let share = honest_result_share(id, i);
			assert_ok!(submit_share(id, i, &share));
			if i == t + 1 {
				assert_eq!(job(id).phase, JobPhase::Completed);
			} else if i <= t {
				assert_eq!(job(id).phase, JobPhase::Computing);
			}
		}
		let result = Results::<Test>::get(id).expect("result");
		for l in 0..d as usize {
			let sum: i128 = inputs.iter().map(|v| v[l]).sum();
			assert_eq!(result.sums[l], Some(sum));
			assert_eq!(result.means[l], Some(sum.div_euclid(4)));
		}
		assert_eq!(result.qualified_inputs, 4);
		assert_eq!(COMPLETED.with(|c| c.borrow().clone()), vec![(id, result.sums.to_vec(), 4)]);
		let record = Mpc::proof_of_mpc(id).expect("record");
		assert!(Mpc::verify_record(&record));
		assert_eq!(record.result_shares.len(), n as usize);

		// Every worker delivered before the deadline, so every worker is paid.
		for i in 1..=n {
			assert_eq!(free(member(id, i)), worker_before[i as usize - 1] + REWARD);
		}
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Settled);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);
		assert_eq!(free(OWNER), owner_before);

		// Cleanup returns every provider's deposit and removes the bulky data.
		run_to_block(System::block_number() + 2);
		assert!(!Cleanup::<Test>::contains_key(id));
		for k in 0..4u8 {
			assert_eq!(held(40 + k, HoldReason::InputDeposit), 0);
			assert_eq!(free(40 + k), INITIAL_BALANCE);
		}
		assert_eq!(Inputs::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(InputOf::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(EphemeralKeys::<Test>::iter_prefix(id).count(), 0);
		// The record survives the cleanup.
		assert!(Mpc::verify_record(&Mpc::proof_of_mpc(id).expect("record")));
		assert_money_conserved(issuance);

		let deposit = job(id).deposit;
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		assert_eq!(free(OWNER), owner_before + deposit);
		// The rewards, and the draw's fee (a pool of n + 1: the committee was drawn).
		let fee: Balance = <Test as Config>::RoundRequestFee::get();
		assert_eq!(free(OWNER), INITIAL_BALANCE - REWARD * n as u128 - fee);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_money_conserved(issuance);
	});
}

#[test]
fn lifecycle_3_1_1_outputs_the_sum() {
	lifecycle(3, 1, 1);
}

#[test]
fn lifecycle_5_2_1_outputs_the_sum() {
	lifecycle(5, 2, 1);
}

#[test]
fn lifecycle_5_2_3_outputs_the_sum() {
	lifecycle(5, 2, 3);
}

#[test]
fn workers_that_do_not_deliver_are_not_paid_and_the_owner_gets_the_rest() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(5);
		let id = create(spec(5, 2, 1));
		submit(id, 40, &[100]);
		submit(id, 41, &[-30]);
		run_to_deadline(id);
		run_to_deadline(id);
		let silent = member(id, 5);
		let silent_before = free(silent);
		for i in 1..=3 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		assert_eq!(Results::<Test>::get(id).expect("result").sums[0], Some(70));
		run_to_deadline(id);
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::Mpc(Event::JobSettled { job_id: id, refunded: 2 * REWARD })));
		assert_eq!(free(silent), silent_before);
		// Too late now.
		assert_noop!(submit_share(id, 5, &honest_result_share(id, 5)), Error::<Test>::NotComputing);
		assert_money_conserved(issuance);
	});
}

#[test]
fn registration_checks_key_proof_and_pool() {
	new_test_ext().execute_with(|| {
		let genesis = Mpc::genesis_hash();
		let s = worker_secret(1);
		let proof = s.prove_possession(&genesis, acc(1).as_ref(), &mut rng(1)).to_bytes();
		let key = s.public_key().to_bytes();
		// A proof made for another account.
		let other = s.prove_possession(&genesis, acc(2).as_ref(), &mut rng(2)).to_bytes();
		assert_noop!(
			Mpc::register_worker(origin(1), key, other),
			Error::<Test>::InvalidPossessionProof
		);
		assert_noop!(Mpc::register_worker(origin(1), [0u8; 32], proof), Error::<Test>::InvalidKey);
		assert_noop!(Mpc::register_worker(origin(1), [0xff; 32], proof), Error::<Test>::InvalidKey);
		let mut bad = proof;
		bad[40] ^= 1;
		assert_noop!(
			Mpc::register_worker(origin(1), key, bad),
			Error::<Test>::InvalidPossessionProof
		);
		assert_ok!(Mpc::register_worker(origin(1), key, proof));
		assert_eq!(held(1, HoldReason::WorkerBond), WORKER_BOND);
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::WorkerRegistered { worker: acc(1), key })
		);
		assert_noop!(Mpc::register_worker(origin(1), key, proof), Error::<Test>::AlreadyRegistered);
		// The same key from another account, even with a valid proof for that account.
		assert_noop!(Mpc::register_worker(origin(2), key, other), Error::<Test>::KeyInUse);
		// An account that cannot pay the bond.
		let poor = AccountId32::new([200; 32]);
		let s = worker_secret(200);
		let proof = s.prove_possession(&genesis, poor.as_ref(), &mut rng(3)).to_bytes();
		assert_noop!(
			Mpc::register_worker(RuntimeOrigin::signed(poor), s.public_key().to_bytes(), proof),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Mpc::register_worker(RuntimeOrigin::none(), key, proof),
			DispatchError::BadOrigin
		);
	});
}

use sp_runtime::AccountId32;

#[test]
fn the_pool_is_bounded() {
	new_test_ext().execute_with(|| {
		register_workers(16);
		let s = worker_secret(17);
		let proof = s.prove_possession(&Mpc::genesis_hash(), acc(17).as_ref(), &mut rng(17));
		assert_noop!(
			Mpc::register_worker(origin(17), s.public_key().to_bytes(), proof.to_bytes()),
			Error::<Test>::TooManyWorkers
		);
	});
}

#[test]
fn keys_rotate_and_workers_leave_only_when_idle() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let new = worker_secret(99);
		let proof = new.prove_possession(&Mpc::genesis_hash(), acc(1).as_ref(), &mut rng(9));
		let id = create(spec(3, 1, 1));
		assert_noop!(
			Mpc::rotate_key(origin(1), new.public_key().to_bytes(), proof.to_bytes()),
			Error::<Test>::WorkerBusy
		);
		assert_noop!(Mpc::deregister_worker(origin(1)), Error::<Test>::WorkerBusy);
		assert_ok!(Mpc::cancel_job(origin(OWNER), id));

		let old = Workers::<Test>::get(acc(1)).expect("worker").key;
		assert_ok!(Mpc::rotate_key(origin(1), new.public_key().to_bytes(), proof.to_bytes()));
		assert!(WorkerKeys::<Test>::get(old.as_bytes()).is_none());
		assert_eq!(WorkerKeys::<Test>::get(new.public_key().as_bytes()), Some(acc(1)));
		// Another worker cannot take the rotated key.
		let p2 = new.prove_possession(&Mpc::genesis_hash(), acc(2).as_ref(), &mut rng(10));
		assert_noop!(
			Mpc::rotate_key(origin(2), new.public_key().to_bytes(), p2.to_bytes()),
			Error::<Test>::KeyInUse
		);
		assert_noop!(
			Mpc::rotate_key(origin(50), new.public_key().to_bytes(), p2.to_bytes()),
			Error::<Test>::NotRegistered
		);

		let before = free(1);
		assert_ok!(Mpc::deregister_worker(origin(1)));
		assert_eq!(free(1), before + WORKER_BOND);
		assert!(Workers::<Test>::get(acc(1)).is_none());
		assert_eq!(WorkerList::<Test>::get().len(), 2);
		assert_noop!(Mpc::deregister_worker(origin(1)), Error::<Test>::NotRegistered);
	});
}

#[test]
fn bad_job_parameters_are_rejected() {
	new_test_ext().execute_with(|| {
		register_workers(8);
		let check = |s: JobSpec<Test>, e: Error<Test>| {
			assert_noop!(create_as(OWNER, s), e);
		};
		check(spec(3, 0, 1), Error::<Test>::InvalidThreshold);
		check(spec(3, 3, 1), Error::<Test>::InvalidThreshold);
		check(spec(9, 2, 1), Error::<Test>::CommitteeTooLarge);
		check(spec(3, 1, 0), Error::<Test>::InvalidDimension);
		check(spec(3, 1, 5), Error::<Test>::InvalidDimension);
		check(JobSpec { input_window: 0, ..spec(3, 1, 1) }, Error::<Test>::InvalidInputWindow);
		check(JobSpec { input_window: 101, ..spec(3, 1, 1) }, Error::<Test>::InvalidInputWindow);
		check(JobSpec { min_inputs: 0, ..spec(3, 1, 1) }, Error::<Test>::InvalidInputLimits);
		check(
			JobSpec { min_inputs: 5, max_inputs: 4, ..spec(3, 1, 1) },
			Error::<Test>::InvalidInputLimits,
		);
		check(JobSpec { max_inputs: 33, ..spec(3, 1, 1) }, Error::<Test>::InvalidInputLimits);
		check(JobSpec { decimals: 39, ..spec(3, 1, 1) }, Error::<Test>::InvalidDecimals);
		for bounds in [vec![(0, 10), (0, 10)], vec![(5, 4)], vec![(0, i128::from(u64::MAX) + 1)]] {
			let input_rule = InputRule::Range(BoundedVec::truncate_from(bounds));
			check(JobSpec { input_rule, ..spec(3, 1, 1) }, Error::<Test>::InvalidInputRule);
		}
		assert_noop!(
			create_as(OWNER, JobSpec { reward_per_worker: u128::MAX, ..spec(3, 1, 1) }),
			Error::<Test>::RewardOverflow
		);
		assert_noop!(
			create_as(OWNER, JobSpec { reward_per_worker: INITIAL_BALANCE, ..spec(3, 1, 1) }),
			Error::<Test>::InsufficientBalance
		);
	});
	new_test_ext().execute_with(|| {
		register_workers(2);
		assert_noop!(
			Mpc::create_job(origin(OWNER), spec(3, 1, 1)),
			Error::<Test>::NotEnoughWorkers
		);
	});
}

#[test]
fn committees_are_distinct_registered_workers_with_snapshotted_keys() {
	new_test_ext().execute_with(|| {
		register_workers(8);
		let mut seen = Vec::new();
		for _ in 0..4 {
			let id = create(spec(5, 2, 1));
			let committee = Committees::<Test>::get(id);
			assert_eq!(committee.len(), 5);
			let mut accounts: Vec<_> = committee.iter().map(|m| m.account.clone()).collect();
			for (i, m) in committee.iter().enumerate() {
				assert_eq!(Workers::<Test>::get(&m.account).expect("registered").key, m.key);
				assert_eq!(WorkerJobs::<Test>::get(&m.account, id), Some(index(i as u32 + 1)));
			}
			accounts.sort();
			accounts.dedup();
			assert_eq!(accounts.len(), 5);
			seen.push(committee.iter().map(|m| m.account.clone()).collect::<Vec<_>>());
		}
		// The draw depends on the job: not every committee is the same.
		assert!(seen.windows(2).any(|w| w[0] != w[1]));
	});
}

/// A worker whose faults ate its bond has nothing left at stake: it leaves the pool and is
/// never drawn again, while it stays registered.
#[test]
fn workers_without_a_bond_to_lose_are_not_drawn() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		let faults = (WORKER_BOND / FAULT_PENALTY) as u32;
		for _ in 1..faults {
			Mpc::fault(&acc(4), 0);
		}
		assert!(WorkerList::<Test>::get().contains(&acc(4)), "one penalty left at stake");
		Mpc::fault(&acc(4), 0);
		assert_eq!(last_event(), RuntimeEvent::Mpc(Event::WorkerEvicted { worker: acc(4) }));
		assert!(!WorkerList::<Test>::get().contains(&acc(4)));
		assert_eq!(Workers::<Test>::get(acc(4)).expect("still registered").bond, 0);
		for _ in 0..6 {
			let id = create(spec(3, 1, 1));
			assert!(Committees::<Test>::get(id).iter().all(|m| m.account != acc(4)));
		}
		assert_noop!(
			Mpc::create_job(origin(OWNER), spec(4, 1, 1)),
			Error::<Test>::NotEnoughWorkers
		);
		assert_ok!(Mpc::do_try_state());
	});
}

/// Finding 2 of issue 13: a flood of cheap jobs whose deadlines fall where a victim's next
/// deadline goes. The old per-block index held 16 blocks of `MaxDeadlinesPerBlock` and then
/// refused: the flood's jobs could not even be created past that, and a victim scheduled behind
/// them stayed in `Verifying` for ever. Now no deadline is refused or lost: due entries carry
/// over in block order, `DeadlineBatch` a block, so each job moves at most its backlog late.
#[test]
fn a_flood_of_deadlines_loses_none_and_delays_each_by_its_backlog() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		// Enough workers for the flood's seats (`MaxJobsPerWorker` each).
		register_workers(16);
		let victim = create(spec(3, 1, 1));
		submit(victim, 40, &[7]);
		assert_ok!(Mpc::close_inputs(origin(OWNER), victim));
		let computing = job(victim).deadline;
		let due = computing + COMPUTE_WINDOW;
		let batch =
			u64::from(<<Test as Config>::DeadlineBatch as frame_support::traits::Get<u32>>::get());
		// Twenty blocks from `due` on, each with three batches of deadlines.
		let now = System::block_number();
		let per_block = 3 * batch;
		let mut flood = Vec::new();
		for at in due..due + 20 {
			for _ in 0..per_block {
				let cheap = JobSpec {
					input_window: at - now,
					reward_per_worker: MIN_REWARD,
					..spec(2, 1, 1)
				};
				flood.push(create_by(ATTACKER, cheap));
			}
		}
		assert_eq!(Deadlines::<Test>::iter().count(), flood.len() + 1);

		run_to_block(computing);
		assert_eq!(job(victim).phase, JobPhase::Computing);
		assert_eq!(job(victim).deadline, due);
		for i in 1..=2 {
			assert_ok!(submit_share(victim, i, &honest_result_share(victim, i)));
		}
		assert_eq!(job(victim).phase, JobPhase::Completed);

		// The victim shares block `due` with `per_block` flood jobs: it settles within the
		// blocks that take `per_block + 1` entries, `batch` a block.
		let bound = (per_block + 1).div_ceil(batch) - 1;
		run_to_block(due + bound);
		assert_eq!(job(victim).phase, JobPhase::Settled);
		assert!(job(victim).timeline.ended.expect("ended") <= due + bound);

		// Every flood job fails, none lost: the job due at `at` after `k` entries due no later
		// than it moves by block `due + ceil(k / batch) - 1`.
		let total = flood.len() as u64 + 1;
		run_to_block(due + total.div_ceil(batch));
		for (k, id) in flood.iter().enumerate() {
			let j = job(*id);
			assert_eq!(j.phase, JobPhase::Failed(FailureReason::TooFewInputs), "job {id}");
			let ended = j.timeline.ended.expect("ended");
			let at = j.deadline;
			let before = (k as u64 / per_block + 1) * per_block + 1;
			assert!(
				at <= ended && ended < due + before.div_ceil(batch),
				"job {id}: {at} -> {ended}"
			);
		}
		assert_eq!(Deadlines::<Test>::iter().count(), 0);
		// The cursor catches up with the chain, passing up to 8 empty blocks per transition.
		let lag = System::block_number() - (due + 20);
		run_to_block(System::block_number() + lag.div_ceil(8 * batch));
		assert_eq!(DeadlineCursor::<Test>::get(), Some(System::block_number() + 1));
		assert_money_conserved(issuance);
	});
}

/// Issue 13, findings 4 and 7: a job pays each committee worker at least
/// `MinRewardPerWorker`, and a result share is weighed for its job's committee (it was
/// declared and charged at the largest committee's weight, and free).
#[test]
fn jobs_pay_at_least_the_minimum_and_result_shares_weigh_what_they_cost() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let low = JobSpec { reward_per_worker: MIN_REWARD - 1, ..spec(3, 1, 1) };
		assert_noop!(Mpc::create_job(origin(OWNER), low), Error::<Test>::RewardTooLow);
		let id = create(JobSpec { reward_per_worker: MIN_REWARD, ..spec(3, 1, 1) });
		submit(id, 40, &[7]);
		run_to_deadline(id);
		run_to_deadline(id);
		let largest = <<Test as Config>::MaxCommittee as frame_support::traits::Get<u32>>::get();
		let declared = <() as WeightInfo>::submit_result_share(largest);
		let first = submit_share(id, 1, &honest_result_share(id, 1)).expect("valid");
		assert_eq!(first.actual_weight, Some(<() as WeightInfo>::submit_result_share(3)));
		assert!(first.actual_weight.expect("weight").all_lt(declared));
		// The share that completes the job adds the result consumer's weight.
		let second = submit_share(id, 2, &honest_result_share(id, 2)).expect("valid");
		let consumer = <RecordCompleted as OnJobCompleted<AccountId>>::weight();
		assert_eq!(
			second.actual_weight,
			Some(<() as WeightInfo>::submit_result_share(3).saturating_add(consumer))
		);
		assert_eq!(job(id).phase, JobPhase::Completed);
	});
}

/// Issue 13, finding 7: a worker sits in at most `MaxJobsPerWorker` running jobs, so one owner
/// cannot keep it (and its offchain worker's per-block work) busy without bound; and a worker
/// can stop accepting new jobs, finish the ones it has, and leave.
#[test]
fn a_worker_sits_in_a_bounded_number_of_jobs_and_can_stop_accepting() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let cap = <<Test as Config>::MaxJobsPerWorker as frame_support::traits::Get<u32>>::get();
		let ids: Vec<JobId> = (0..cap).map(|_| create(spec(3, 1, 1))).collect();
		for n in 1..=3u8 {
			assert_eq!(Workers::<Test>::get(acc(n)).expect("worker").jobs, cap);
		}
		assert!(WorkerList::<Test>::get().is_empty());
		assert_noop!(
			Mpc::create_job(origin(OWNER), spec(3, 1, 1)),
			Error::<Test>::NotEnoughWorkers
		);
		// A job ends: its committee rejoins the pool.
		assert_ok!(Mpc::cancel_job(origin(OWNER), ids[0]));
		assert_eq!(WorkerList::<Test>::get().len(), 3);
		let id = create(spec(3, 1, 1));
		assert_ok!(Mpc::do_try_state());

		// Worker 1 stops accepting: it is drawn no more, keeps its jobs, and rejoins only
		// when it says so.
		assert_noop!(Mpc::set_accepting(origin(45), false), Error::<Test>::NotRegistered);
		for job_id in &ids[1..] {
			assert_ok!(Mpc::cancel_job(origin(OWNER), *job_id));
		}
		assert_ok!(Mpc::set_accepting(origin(1), false));
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::WorkerAcceptingJobs { worker: acc(1), accepting: false })
		);
		assert!(!WorkerList::<Test>::get().contains(&acc(1)));
		assert_noop!(
			Mpc::create_job(origin(OWNER), spec(3, 1, 1)),
			Error::<Test>::NotEnoughWorkers
		);
		assert_noop!(Mpc::deregister_worker(origin(1)), Error::<Test>::WorkerBusy);
		assert_ok!(Mpc::cancel_job(origin(OWNER), id));
		assert!(!WorkerList::<Test>::get().contains(&acc(1)));
		assert_ok!(Mpc::set_accepting(origin(1), true));
		assert!(WorkerList::<Test>::get().contains(&acc(1)));
		create(spec(3, 1, 1));
		assert_ok!(Mpc::do_try_state());
	});
}

/// A worker out of the pool (not accepting, at its limit, or evicted) still counts against
/// `MaxWorkers`: its place cannot be taken by a new registration, and it always finds room in
/// the pool when it comes back.
#[test]
fn workers_out_of_the_pool_still_count_against_max_workers() {
	new_test_ext().execute_with(|| {
		let max = <<Test as Config>::MaxWorkers as frame_support::traits::Get<u32>>::get();
		register_workers(max as u8);
		assert_ok!(Mpc::set_accepting(origin(1), false));
		assert_eq!(WorkerList::<Test>::get().len() as u32, max - 1);
		let secret = worker_secret(45);
		let proof = secret.prove_possession(&Mpc::genesis_hash(), acc(45).as_ref(), &mut rng(45));
		assert_noop!(
			Mpc::register_worker(origin(45), secret.public_key().to_bytes(), proof.to_bytes()),
			Error::<Test>::TooManyWorkers
		);
		assert_ok!(Mpc::set_accepting(origin(1), true));
		assert_eq!(WorkerList::<Test>::get().len() as u32, max);
		assert_ok!(Mpc::deregister_worker(origin(2)));
		assert_ok!(Mpc::register_worker(
			origin(45),
			secret.public_key().to_bytes(),
			proof.to_bytes()
		));
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn anyone_moves_an_overdue_job_and_nothing_else() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		submit(id, 40, &[7]);
		let deadline = job(id).deadline;
		System::set_block_number(deadline - 1);
		assert_noop!(Mpc::advance_job(origin(45), id), Error::<Test>::NotOverdue);
		assert_noop!(Mpc::advance_job(origin(45), 99), Error::<Test>::UnknownJob);

		// The deadline came and `on_initialize` did not reach it (as behind a backlog).
		System::set_block_number(deadline + 2);
		let moved = Mpc::advance_job(origin(45), id).expect("moved");
		assert_eq!(moved.pays_fee, frame_support::dispatch::Pays::No);
		let j = job(id);
		assert_eq!(j.phase, JobPhase::Verifying);
		assert_eq!(j.timeline.inputs_closed, Some(deadline + 2));
		assert_eq!(j.deadline, deadline + 2 + COMPLAINT_WINDOW);
		assert!(!Deadlines::<Test>::contains_key(deadline, id));
		assert!(Deadlines::<Test>::contains_key(j.deadline, id));
		// It moved once: the old deadline's block has nothing left for it.
		Mpc::on_initialize(deadline);
		assert_eq!(job(id), j);
		assert_noop!(Mpc::advance_job(origin(45), id), Error::<Test>::NotOverdue);

		// An ended job has no deadline to pass.
		let cancelled = create(spec(3, 1, 1));
		assert_ok!(Mpc::cancel_job(origin(OWNER), cancelled));
		System::set_block_number(job(cancelled).deadline);
		assert_noop!(Mpc::advance_job(origin(45), cancelled), Error::<Test>::JobEnded);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn cancel_returns_the_escrow_and_only_before_inputs() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(spec(3, 1, 1));
		assert_noop!(Mpc::cancel_job(origin(41), id), Error::<Test>::NotJobOwner);
		assert_noop!(Mpc::cancel_job(origin(OWNER), 99), Error::<Test>::UnknownJob);
		let other = create(spec(3, 1, 1));
		submit(other, 40, &[1]);
		assert_noop!(Mpc::cancel_job(origin(OWNER), other), Error::<Test>::HasInputs);

		assert_ok!(Mpc::cancel_job(origin(OWNER), id));
		assert_eq!(job(id).phase, JobPhase::Cancelled);
		assert_eq!(last_event(), RuntimeEvent::Mpc(Event::JobCancelled { job_id: id }));
		assert_noop!(Mpc::cancel_job(origin(OWNER), id), Error::<Test>::NotCollecting);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), REWARD * 3);
		// The committee is free of the cancelled job.
		for m in Committees::<Test>::get(id) {
			assert!(WorkerJobs::<Test>::get(&m.account, id).is_none());
		}
		let deposit = job(id).deposit;
		let before = free(OWNER);
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		assert_eq!(free(OWNER), before + deposit);
		assert_money_conserved(issuance);
	});
}

/// Seats are not free: a job that ends without a result after its committee was seated
/// (cancelled, or too few inputs) pays each member `MinRewardPerWorker` from its escrow, and
/// the rest returns. A committee that does not deliver its result shares gets nothing.
#[test]
fn a_job_ending_without_a_result_pays_its_committee_for_the_seats() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let seat: Balance = <Test as Config>::MinRewardPerWorker::get();
		let balances = |accounts: &[AccountId]| -> Vec<Balance> {
			accounts.iter().map(Balances::balance).collect()
		};
		let plus =
			|v: &[Balance], x: Balance| -> Vec<Balance> { v.iter().map(|b| b + x).collect() };

		// Cancelled once seated.
		let owner_before = free(OWNER);
		let id = create(spec(3, 1, 1));
		let committee: Vec<AccountId> =
			Committees::<Test>::get(id).iter().map(|m| m.account.clone()).collect();
		let before = balances(&committee);
		assert_ok!(Mpc::cancel_job(origin(OWNER), id));
		assert_eq!(balances(&committee), plus(&before, seat));
		for worker in &committee {
			System::assert_has_event(
				Event::WorkerPaid { job_id: id, worker: worker.clone(), amount: seat }.into(),
			);
		}
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0, "the rest of the escrow returned");
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		assert_eq!(free(OWNER), owner_before - 3 * seat);

		// Too few inputs at the input deadline (the pool of 3 is the committee again).
		let id = create(JobSpec { min_inputs: 2, ..spec(3, 1, 1) });
		let before = balances(&committee);
		submit(id, 40, &[10]);
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::TooFewInputs));
		assert_eq!(balances(&committee), plus(&before, seat));
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);

		// Too few result shares: the committee did not deliver, and is not paid.
		let id = create(spec(3, 1, 1));
		submit(id, 40, &[10]);
		run_to_deadline(id);
		run_to_deadline(id);
		let before = balances(&committee);
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::NotEnoughResultShares));
		assert_eq!(balances(&committee), before);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);
		assert_money_conserved(issuance);
	});
}

#[test]
fn close_inputs_needs_the_owner_and_enough_inputs() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(JobSpec { min_inputs: 2, ..spec(3, 1, 1) });
		submit(id, 40, &[5]);
		assert_noop!(Mpc::close_inputs(origin(OWNER), id), Error::<Test>::TooFewInputs);
		submit(id, 41, &[6]);
		assert_noop!(Mpc::close_inputs(origin(40), id), Error::<Test>::NotJobOwner);
		let old_deadline = job(id).deadline;
		assert_ok!(Mpc::close_inputs(origin(OWNER), id));
		let j = job(id);
		assert_eq!(j.phase, JobPhase::Verifying);
		assert_eq!(j.deadline, System::block_number() + COMPLAINT_WINDOW);
		assert!(!Deadlines::<Test>::contains_key(old_deadline, id));
		assert!(Deadlines::<Test>::contains_key(j.deadline, id));
		assert_noop!(Mpc::close_inputs(origin(OWNER), id), Error::<Test>::NotCollecting);
		assert_noop!(submit_as(id, 42, &dealing(id, 42, &[1])), Error::<Test>::NotCollecting);
	});
}

/// The hash [`run_to_block`] gives block `b`.
fn hash_of(b: u64) -> sp_core::H256 {
	sp_core::H256::from_low_u64_be(0xb10c_0000 + b)
}

fn confirm(id: JobId, i: u32, at: u64) -> DispatchResultWithPostInfo {
	Mpc::confirm_inputs(origin(member(id, i)), id, at, hash_of(at))
}

/// PROTOCOL.md section 10, confirmations: refused ones change nothing; the committee's last
/// ends `Verifying` at once, as its deadline would have.
#[test]
fn confirmations_of_every_member_end_verifying_at_once() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(4);
		let id = create(spec(3, 1, 1));
		submit(id, 40, &[5]);
		submit(id, 41, &[6]);
		run_to_block(System::block_number() + 1);
		let now = System::block_number();
		assert_noop!(confirm(id, 1, now - 1), Error::<Test>::NotVerifying);
		assert_ok!(Mpc::close_inputs(origin(OWNER), id));
		let closed = now;
		let window_end = job(id).deadline;
		run_to_block(closed + 1);
		// Not a member, not a job, a block before the inputs closed, the block being built,
		// another branch's hash, a block the chain does not know (its hash reads as zero).
		let outsider = (1..=4u8)
			.find(|w| WorkerJobs::<Test>::get(acc(*w), id).is_none())
			.expect("a worker outside the committee");
		assert_noop!(
			Mpc::confirm_inputs(origin(outsider), id, closed, hash_of(closed)),
			Error::<Test>::NotInCommittee
		);
		assert_noop!(
			Mpc::confirm_inputs(origin(member(id, 1)), id + 1, closed, hash_of(closed)),
			Error::<Test>::UnknownJob
		);
		assert_noop!(confirm(id, 1, closed - 1), Error::<Test>::StaleConfirmation);
		assert_noop!(confirm(id, 1, closed + 1), Error::<Test>::StaleConfirmation);
		assert_noop!(
			Mpc::confirm_inputs(origin(member(id, 1)), id, closed, hash_of(closed + 7)),
			Error::<Test>::StaleConfirmation
		);
		assert_noop!(
			Mpc::confirm_inputs(origin(member(id, 1)), id, closed + 40, Default::default()),
			Error::<Test>::StaleConfirmation
		);

		let post = confirm(id, 1, closed).expect("accepted");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::InputsConfirmed { job_id: id, worker_index: index(1) })
		);
		assert_eq!(InputConfirmations::<Test>::get(id), 0b001);
		assert_noop!(confirm(id, 1, closed), Error::<Test>::AlreadyPosted);
		// A later block of this branch does as well.
		run_to_block(closed + 2);
		assert_ok!(confirm(id, 3, closed + 1));
		assert_eq!(job(id).phase, JobPhase::Verifying);
		assert_ok!(confirm(id, 2, closed));
		let j = job(id);
		let now = System::block_number();
		assert_eq!(j.phase, JobPhase::Computing);
		assert_eq!(j.timeline.computing_started, Some(now));
		assert_eq!(j.deadline, now + COMPUTE_WINDOW);
		assert!(now < window_end, "before the complaint window's end");
		assert!(!Deadlines::<Test>::contains_key(window_end, id));
		assert!(Deadlines::<Test>::contains_key(j.deadline, id));
		assert!(!InputConfirmations::<Test>::contains_key(id));
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Mpc(Event::ComputationStarted { job_id, qualified_inputs: 2, .. })
				if job_id == id
		)));
		assert_noop!(confirm(id, 1, closed), Error::<Test>::NotVerifying);
		assert_noop!(complain_by(id, 0, 1), Error::<Test>::ComplaintWindowClosed);
		for i in 1..=2 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		assert_eq!(Results::<Test>::get(id).expect("result").sums[0], Some(11));
		assert!(Mpc::verify_record(&Mpc::proof_of_mpc(id).expect("record")));
		assert_money_conserved(issuance);
	});
}

/// A member whose share was bad confirms once the input is disqualified; when the
/// disqualification leaves too few inputs, the last confirmation moves the deadline to the
/// next block, which fails the job and pays the committee for its seats.
#[test]
fn the_last_confirmation_fails_a_job_left_with_too_few_inputs() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let cheat = dealing_with_bad_share(id, 41, &[5], 2);
		assert_ok!(submit_as(id, 41, &cheat));
		assert_ok!(Mpc::close_inputs(origin(OWNER), id));
		let closed = System::block_number();
		assert_ok!(complain_by(id, 0, 2));
		run_to_block(closed + 1);
		let window_end = job(id).deadline;
		for i in 1..=3 {
			assert_ok!(confirm(id, i, closed));
		}
		assert_eq!(job(id).phase, JobPhase::Verifying);
		assert_eq!(job(id).deadline, closed + 2);
		assert!(!Deadlines::<Test>::contains_key(window_end, id));
		run_to_block(closed + 2);
		let j = job(id);
		assert_eq!(j.phase, JobPhase::Failed(FailureReason::TooFewInputs));
		assert_eq!(j.timeline.computing_started, Some(closed + 2));
		assert!(Deadlines::<Test>::iter_keys().all(|(_, job_id)| job_id != id));
		assert!(!InputConfirmations::<Test>::contains_key(id));
		for i in 1..=3 {
			assert!(WorkerJobs::<Test>::get(acc(member(id, i)), id).is_none(), "seat freed");
		}
		assert_money_conserved(issuance);
	});
}

#[test]
fn reaching_max_inputs_closes_collecting() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(JobSpec { max_inputs: 2, ..spec(3, 1, 1) });
		submit(id, 40, &[5]);
		assert_eq!(job(id).phase, JobPhase::Collecting);
		submit(id, 41, &[6]);
		assert_eq!(job(id).phase, JobPhase::Verifying);
		assert!(matches!(last_event(), RuntimeEvent::Mpc(Event::InputsClosed { inputs: 2, .. })));
	});
}

#[test]
fn every_bad_submission_is_rejected_without_a_trace() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(JobSpec {
			allowed_providers: Some(BoundedVec::truncate_from(vec![acc(40), acc(41), acc(42)])),
			..spec(3, 1, 1)
		});
		let good = dealing(id, 40, &[42]);
		let t = |s: &Submission, e: Error<Test>| {
			assert_noop!(submit_as(id, 40, s), e);
		};

		assert_noop!(submit_as(99, 40, &good), Error::<Test>::UnknownJob);
		assert_noop!(submit_as(id, 43, &dealing(id, 43, &[1])), Error::<Test>::ProviderNotAllowed);
		let mut s = good.clone();
		s.commitments.pop();
		t(&s, Error::<Test>::WrongCommitmentCount);
		let mut s = good.clone();
		s.commitments.push(s.commitments[0]);
		t(&s, Error::<Test>::WrongCommitmentCount);
		let mut s = good.clone();
		s.commitments[1] = [0xff; 32];
		t(&s, Error::<Test>::BadCommitmentEncoding);
		let mut s = good.clone();
		s.ciphertexts.pop();
		t(&s, Error::<Test>::WrongCiphertextCount);
		let mut s = good.clone();
		s.ciphertexts[1].pop();
		t(&s, Error::<Test>::BadCiphertextLength);
		let mut s = good.clone();
		s.ephemeral_key = [0xff; 32];
		t(&s, Error::<Test>::BadEphemeralKeyEncoding);
		let mut s = good.clone();
		s.ephemeral_key = [0; 32];
		t(&s, Error::<Test>::IdentityEphemeralKey);
		let mut s = good.clone();
		s.proof[33] ^= 1;
		t(&s, Error::<Test>::InvalidDealingProof);
		// Another account copying the submission.
		assert_noop!(submit_as(id, 41, &good), Error::<Test>::InvalidDealingProof);
		// Funds for the deposit.
		let id2 = create(spec(3, 1, 1));
		let poor = AccountId32::new([201; 32]);
		let keys: Vec<_> = Committees::<Test>::get(id2).iter().map(|m| m.key).collect();
		let s = deal(
			&InputContext::new(Mpc::genesis_hash(), id2, *poor.as_ref()),
			&keys,
			1,
			&[1],
			&mut rng(5),
		)
		.expect("deal");
		assert_noop!(
			Mpc::submit_input(
				RuntimeOrigin::signed(poor),
				id2,
				testing_utils::committee_digest::<Test>(id2),
				testing_utils::bounded(s),
				Default::default()
			),
			Error::<Test>::InsufficientBalance
		);

		assert_ok!(submit_as(id, 40, &good));
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::InputSubmitted { job_id: id, index: 0, provider: acc(40) })
		);
		assert_noop!(submit_as(id, 40, &dealing(id, 40, &[7])), Error::<Test>::AlreadySubmitted);
		// 42 re-uses 40's R: it knows r only if it is 40's owner; the chain refuses the R.
		let keys: Vec<_> = Committees::<Test>::get(id).iter().map(|m| m.key).collect();
		let mut s = deal(&ctx(id, 42), &keys, 1, &[9], &mut rng(1)).expect("deal");
		s.ephemeral_key = good.ephemeral_key;
		assert_noop!(submit_as(id, 42, &s), Error::<Test>::RepeatedEphemeralKey);

		run_to_deadline(id);
		assert_noop!(submit_as(id, 41, &dealing(id, 41, &[1])), Error::<Test>::NotCollecting);
	});
}

/// `provider`'s dealing of `values` with committee member `i`'s share off by one.
fn dealing_with_bad_share(job_id: JobId, provider: u8, values: &[i128], i: u32) -> Submission {
	let seed = u64::from(provider) + job_id * 1000;
	let secret = worker_secret(member(job_id, i));
	testing_utils::dealing_with_bad_share::<Test>(
		job_id,
		&acc(provider),
		values,
		seed,
		index(i),
		&secret,
	)
}

/// The `R` of a stored input (zeros for none), as a complaint names it.
fn r_of(job_id: JobId, input: InputIndex) -> [u8; 32] {
	Inputs::<Test>::get(job_id, input).map_or([0u8; 32], |i| i.ephemeral_key.to_bytes())
}

fn complaint(job_id: JobId, input: InputIndex, i: u32) -> mpc_primitives::Complaint {
	let secret = worker_secret(member(job_id, i));
	let record = Inputs::<Test>::get(job_id, input).expect("input");
	let c = InputContext::new(Mpc::genesis_hash(), job_id, *record.provider.as_ref());
	secret.complain(&c, index(i), &record.ephemeral_key, &mut rng(77))
}

/// Committee member `i` complains about input `k` as its worker would: its own `K_i` and proof.
fn complain_by(job_id: JobId, k: InputIndex, i: u32) -> DispatchResultWithPostInfo {
	let c = complaint(job_id, k, i);
	let (shared_key, proof) = (c.shared_key.to_bytes(), c.proof.to_bytes());
	complain_as(origin(member(job_id, i)), job_id, k, r_of(job_id, k), shared_key, proof)
}

#[test]
fn a_true_complaint_disqualifies_the_input_and_a_false_one_costs_the_worker() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(5);
		let id = create(spec(5, 2, 1));
		submit(id, 40, &[1_000]);
		let cheat = dealing_with_bad_share(id, 41, &[5_000], 3);
		assert_ok!(submit_as(id, 41, &cheat));
		submit(id, 42, &[2_000]);

		// Worker 3 finds its share of input 1 bad.
		let c = complaint(id, 1, 3);
		let treasury = Balances::balance(&TreasuryAccount::get());
		let deposit = held(41, HoldReason::InputDeposit);
		let post = complain_as(
			origin(member(id, 3)),
			id,
			1,
			r_of(id, 1),
			c.shared_key.to_bytes(),
			c.proof.to_bytes(),
		)
		.expect("complaint accepted");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		// Weighed for this committee of 5, not the largest one declared up front.
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::complain(5)));
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::InputDisqualified {
				job_id: id,
				index: 1,
				worker_index: index(3)
			})
		);
		assert_eq!(held(41, HoldReason::InputDeposit), 0);
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury + deposit);
		assert_eq!(job(id).qualified_count, 2);
		assert_eq!(Disqualified::<Test>::get(id, 0).to_vec(), vec![1]);
		assert_eq!(Mpc::disqualified_inputs(id, &job(id)), vec![1]);
		assert_noop!(
			complain_as(
				origin(member(id, 3)),
				id,
				1,
				r_of(id, 1),
				c.shared_key.to_bytes(),
				c.proof.to_bytes()
			),
			Error::<Test>::AlreadyDisqualified
		);
		// Worker 2 raced worker 3 (its complaint made before it saw the disqualification): the
		// first is free and changes nothing but the record of who complained; a second is
		// refused.
		let w2 = member(id, 2);
		let late = || complain_by(id, 1, 2);
		let post = late().expect("a first late complaint is taken");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(
			last_event(),
			RuntimeEvent::Mpc(Event::ComplaintRedundant {
				job_id: id,
				index: 1,
				worker_index: index(2)
			})
		);
		assert_eq!(Inputs::<Test>::get(id, 1).expect("input").complainants, 0b110);
		assert_eq!(Workers::<Test>::get(acc(w2)).expect("worker").faults, 0);
		assert_eq!((job(id).qualified_count, Mpc::disqualified_inputs(id, &job(id)).len()), (2, 1));
		assert_noop!(late(), Error::<Test>::AlreadyDisqualified);

		// Worker 1 complains about a good input: its fault.
		let c = complaint(id, 0, 1);
		let w1 = member(id, 1);
		assert_ok!(complain_as(
			origin(w1),
			id,
			0,
			r_of(id, 0),
			c.shared_key.to_bytes(),
			c.proof.to_bytes()
		));
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::Mpc(Event::ComplaintRejected {
				job_id: id,
				index: 0,
				worker_index: index(1)
			})));
		assert_eq!(held(w1, HoldReason::WorkerBond), WORKER_BOND - FAULT_PENALTY);
		assert_eq!(Workers::<Test>::get(acc(w1)).expect("worker").faults, 1);
		assert_eq!(job(id).qualified_count, 2);

		// Malformed and misdirected complaints.
		assert_noop!(
			complain_as(origin(w1), id, 0, r_of(id, 0), [0xff; 32], c.proof.to_bytes()),
			Error::<Test>::BadSharedKeyEncoding
		);
		assert_noop!(
			complain_as(origin(w1), id, 0, r_of(id, 0), c.shared_key.to_bytes(), [0xff; 64]),
			Error::<Test>::BadComplaintProofEncoding
		);
		let other = complaint(id, 2, 1);
		assert_noop!(
			complain_as(
				origin(w1),
				id,
				0,
				r_of(id, 0),
				other.shared_key.to_bytes(),
				other.proof.to_bytes()
			),
			Error::<Test>::InvalidComplaintProof
		);
		assert_noop!(
			complain_as(
				origin(50),
				id,
				0,
				r_of(id, 0),
				c.shared_key.to_bytes(),
				c.proof.to_bytes()
			),
			Error::<Test>::NotInCommittee
		);
		assert_noop!(
			complain_as(
				origin(w1),
				id,
				9,
				r_of(id, 9),
				c.shared_key.to_bytes(),
				c.proof.to_bytes()
			),
			Error::<Test>::UnknownInput
		);

		// The output counts only the honest inputs.
		run_to_deadline(id);
		run_to_deadline(id);
		assert_noop!(
			complain_as(
				origin(w1),
				id,
				2,
				r_of(id, 2),
				other.shared_key.to_bytes(),
				other.proof.to_bytes()
			),
			Error::<Test>::ComplaintWindowClosed
		);
		for i in 1..=3 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		let result = Results::<Test>::get(id).expect("result");
		assert_eq!(result.sums[0], Some(3_000));
		assert_eq!(result.qualified_inputs, 2);
		assert_eq!(result.means[0], Some(1_500));
		assert!(Mpc::verify_record(&Mpc::proof_of_mpc(id).expect("record")));
		assert_money_conserved(issuance);
	});
}

#[test]
fn invalid_result_shares_are_not_counted_and_are_faults() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 2));
		submit(id, 40, &[1, 2]);
		assert_noop!(submit_share(id, 1, &honest_result_share(id, 1)), Error::<Test>::NotComputing);
		run_to_deadline(id);
		run_to_deadline(id);

		let w = member(id, 1);
		let mut bad = honest_result_share(id, 1);
		bad.blinding += mpc_primitives::Scalar::ONE;
		assert_ok!(submit_share(id, 1, &bad));
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::Mpc(Event::ResultShareRejected {
				job_id: id,
				worker_index: index(1)
			})));
		assert_eq!(held(w, HoldReason::WorkerBond), WORKER_BOND - FAULT_PENALTY);
		assert_eq!(job(id).valid_shares, 0);
		assert!(ResultShares::<Test>::get(id, index(1)).is_none());
		// Another worker's valid share presented as worker 1's.
		assert_ok!(submit_share(id, 1, &honest_result_share(id, 2)));
		assert_eq!(job(id).valid_shares, 0);

		let mut short = honest_result_share(id, 1);
		short.values.pop();
		assert_noop!(submit_share(id, 1, &short), Error::<Test>::WrongDimension);
		assert_noop!(
			Mpc::submit_result_share(
				origin(w),
				id,
				[0; 32],
				BoundedVec::truncate_from(vec![[0xff; 32], [0; 32]]),
				[0; 32]
			),
			Error::<Test>::MalformedResultShare
		);
		assert_noop!(
			Mpc::submit_result_share(origin(50), id, [0; 32], BoundedVec::new(), [0; 32]),
			Error::<Test>::NotInCommittee
		);
		assert_ok!(submit_share(id, 1, &honest_result_share(id, 1)));
		assert_noop!(
			submit_share(id, 1, &honest_result_share(id, 1)),
			Error::<Test>::ResultShareAlreadySubmitted
		);
		assert_eq!(job(id).phase, JobPhase::Computing);
		assert_ok!(submit_share(id, 3, &honest_result_share(id, 3)));
		assert_eq!(Results::<Test>::get(id).expect("result").sums.to_vec(), vec![Some(1), Some(2)]);
	});
}

#[test]
fn too_few_result_shares_fail_the_job_and_return_everything() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(spec(3, 1, 1));
		submit(id, 40, &[10]);
		submit(id, 41, &[20]);
		run_to_deadline(id);
		run_to_deadline(id);
		assert_ok!(submit_share(id, 1, &honest_result_share(id, 1)));
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::NotEnoughResultShares));
		assert!(Results::<Test>::get(id).is_none());
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);
		run_to_block(System::block_number() + 1);
		assert_eq!(free(40), INITIAL_BALANCE);
		assert_eq!(free(41), INITIAL_BALANCE);
		assert_eq!(free(OWNER), INITIAL_BALANCE - job(id).deposit);
		assert_money_conserved(issuance);
	});
}

#[test]
fn too_few_inputs_fail_the_job() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(JobSpec { min_inputs: 2, ..spec(3, 1, 1) });
		submit(id, 40, &[10]);
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::TooFewInputs));
		run_to_block(System::block_number() + 1);
		assert_eq!(free(40), INITIAL_BALANCE);
		// Disqualifications can also leave too few.
		let id = create(JobSpec { min_inputs: 1, ..spec(3, 1, 1) });
		let cheat = dealing_with_bad_share(id, 41, &[5], 2);
		assert_ok!(submit_as(id, 41, &cheat));
		run_to_deadline(id);
		assert_ok!(complain_by(id, 0, 2));
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::TooFewInputs));
		assert_money_conserved(issuance);
	});
}

#[test]
fn remove_job_waits_for_the_end_and_the_cleanup() {
	use frame_support::dispatch::WithPostDispatchInfo;
	// A refused removal is charged as one that removed no page.
	let refused = |e: Error<Test>| e.with_weight(Mpc::remove_job_weight(0));
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		for p in 40..46 {
			submit(id, p, &[1]);
		}
		assert_noop!(Mpc::remove_job(origin(OWNER), id), refused(Error::<Test>::JobNotEnded));
		run_to_deadline(id);
		run_to_deadline(id);
		run_to_deadline(id); // fails: no shares
		assert_noop!(Mpc::remove_job(origin(40), id), refused(Error::<Test>::NotJobOwner));
		// CleanupBatch is 4 inputs per block, and the deadline block used its budget.
		assert_noop!(Mpc::remove_job(origin(OWNER), id), refused(Error::<Test>::CleanupPending));
		run_to_block(System::block_number() + 1);
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		assert_noop!(Mpc::remove_job(origin(OWNER), id), refused(Error::<Test>::UnknownJob));
	});
}

/// A job's disqualified inputs fill pages of `DisqualifiedPageSize` (2 here) in the order of
/// their disqualification; the record lists them all in that order, the job's deposit covers
/// its pages at their most, and `remove_job` removes them, charged for the most pages a job
/// can have and refunded down to the job's.
#[test]
fn disqualified_inputs_fill_pages_that_remove_job_clears() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(spec(3, 1, 1));
		// Inputs 0, 1, 3, 4 and 6 have a bad share for member 1; 2 and 5 are honest.
		for p in 40..47u8 {
			if matches!(p - 40, 2 | 5) {
				submit(id, p, &[i128::from(p)]);
			} else {
				assert_ok!(submit_as(id, p, &dealing_with_bad_share(id, p, &[1_000], 1)));
			}
		}
		let order = [4, 0, 6, 1, 3];
		for k in order {
			assert_ok!(complain_by(id, k, 1));
		}
		let pages: Vec<Vec<InputIndex>> =
			(0..4).map(|page| Disqualified::<Test>::get(id, page).into_inner()).collect();
		assert_eq!(pages, vec![vec![4, 0], vec![6, 1], vec![3], vec![]]);
		assert_eq!(Mpc::disqualified_pages(&job(id)), 3);
		assert_eq!(Mpc::disqualified_inputs(id, &job(id)), order.to_vec());
		// The deposit holds the most pages a job of 20 inputs can have: ten of two.
		let footprint = Mpc::job_footprint(id, &job(id), &Committees::<Test>::get(id));
		let page_of_two = (Disqualified::<Test>::hashed_key_for(id, 0).len() + 1 + 8) as u64;
		let without =
			Mpc::job_footprint(id, &Job { max_inputs: 0, ..job(id) }, &Committees::<Test>::get(id));
		assert_eq!(footprint.count - without.count, 10);
		assert_eq!(footprint.size - without.size, 10 * page_of_two);

		run_to_deadline(id);
		run_to_deadline(id);
		for i in 1..=3 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		assert_eq!(Results::<Test>::get(id).expect("result").sums[0], Some(42 + 45));
		let record = Mpc::proof_of_mpc(id).expect("record");
		assert_eq!(record.disqualified.to_vec(), order.to_vec());
		assert!(Mpc::verify_record(&record));

		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Settled);
		while Cleanup::<Test>::contains_key(id) {
			run_to_block(System::block_number() + 1);
		}
		// The list outlives the cleanup, in the record until the job is removed.
		let record = Mpc::proof_of_mpc(id).expect("record");
		assert_eq!(record.disqualified.to_vec(), order.to_vec());
		let most = Mpc::max_disqualified_pages();
		assert_eq!(most, 16);
		let call = Call::<Test>::remove_job { job_id: id };
		let declared = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call);
		assert_eq!(declared.call_weight, Mpc::remove_job_weight(most));
		let post = Mpc::remove_job(origin(OWNER), id).expect("removed");
		assert_eq!(post.actual_weight, Some(Mpc::remove_job_weight(3)));
		assert_eq!(Disqualified::<Test>::iter_prefix(id).count(), 0);
		assert_money_conserved(issuance);
	});
}

/// A provider need not wait for the cleanup: once the job ended it takes its deposit back
/// (nothing for a disqualified input), once; the cleanup then skips its input.
#[test]
fn providers_reclaim_their_deposit_once_the_job_ended() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(3);
		let id = create(JobSpec { min_inputs: 1, ..spec(3, 1, 1) });
		// Inputs 0..=4 (the failing block's cleanup takes 4 of them), then 40's and 41's.
		for p in 42..=46 {
			submit(id, p, &[2]);
		}
		submit(id, 40, &[1]);
		let cheat = dealing_with_bad_share(id, 41, &[5], 2);
		assert_ok!(submit_as(id, 41, &cheat));
		let deposit = Inputs::<Test>::get(id, 5).expect("input").deposit;
		assert!(deposit > 0);
		assert_noop!(Mpc::reclaim_input_deposit(origin(40), id), Error::<Test>::JobNotEnded);
		run_to_deadline(id);
		assert_ok!(complain_by(id, 6, 2));
		run_to_deadline(id);
		run_to_deadline(id); // fails: no result shares
		assert!(job(id).phase.has_ended());
		assert_noop!(Mpc::reclaim_input_deposit(origin(40), 99), Error::<Test>::UnknownJob);
		assert_noop!(Mpc::reclaim_input_deposit(origin(47), id), Error::<Test>::UnknownInput);
		assert!(Inputs::<Test>::contains_key(id, 5) && !Inputs::<Test>::contains_key(id, 3));

		let before = free(40);
		assert_ok!(Mpc::reclaim_input_deposit(origin(40), id));
		assert_eq!(free(40), before + deposit);
		assert_eq!(held(40, HoldReason::InputDeposit), 0);
		System::assert_last_event(
			Event::InputReclaimed { job_id: id, index: 5, provider: acc(40), amount: deposit }
				.into(),
		);
		assert!(Inputs::<Test>::get(id, 5).is_none());
		assert!(InputOf::<Test>::get(id, acc(40)).is_none());
		assert_noop!(Mpc::reclaim_input_deposit(origin(40), id), Error::<Test>::UnknownInput);
		// The disqualified input's deposit was forfeited: its data goes, nothing comes back.
		let before = free(41);
		assert_ok!(Mpc::reclaim_input_deposit(origin(41), id));
		assert_eq!(free(41), before);
		System::assert_last_event(
			Event::InputReclaimed { job_id: id, index: 6, provider: acc(41), amount: 0 }.into(),
		);
		// The cleanup returns the last one's deposit and skips the reclaimed ones.
		run_to_block(System::block_number() + 1);
		assert_eq!(held(46, HoldReason::InputDeposit), 0);
		assert!(!Cleanup::<Test>::contains_key(id));
		assert_ok!(Mpc::do_try_state());
		assert_money_conserved(issuance);
	});
}

/// Spare block weight cleans up more inputs than `CleanupBatch`, never more than it has.
#[test]
fn idle_weight_cleans_up_inputs_within_what_is_left() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(JobSpec { max_inputs: 20, ..spec(3, 1, 1) });
		for p in 40..50 {
			submit(id, p, &[1]);
		}
		let n: u32 = <<Test as Config>::MaxCommittee as frame_support::traits::Get<u32>>::get();
		let db = <<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get();
		let per_input =
			<Test as Config>::WeightInfo::cleanup_input(n).saturating_add(db.reads_writes(2, 1));
		let fixed = db.reads(1);
		let now = System::block_number();
		// Nothing to clean up yet: one read.
		assert_eq!(Mpc::on_idle(now, per_input.saturating_mul(100)), fixed);
		run_to_deadline(id);
		run_to_deadline(id);
		run_to_deadline(id); // fails: no result shares; the deadline block cleans up 4
		let left = |id| (0..10).filter(|k| Inputs::<Test>::contains_key(id, k)).count();
		assert_eq!(left(id), 6);
		let now = System::block_number();
		// Too little for one input: nothing.
		let short = fixed.saturating_add(per_input).saturating_sub(Weight::from_parts(1, 0));
		assert_eq!(Mpc::on_idle(now, short), Weight::zero());
		assert_eq!(left(id), 6);
		// Room for two.
		let room = fixed.saturating_add(per_input.saturating_mul(2));
		let used = Mpc::on_idle(now, room);
		assert!(used.all_lte(room), "{used:?} within {room:?}");
		assert_eq!(left(id), 4);
		// Plenty: the rest, and the job is cleaned up.
		Mpc::on_idle(now, per_input.saturating_mul(100));
		assert_eq!(left(id), 0);
		assert!(!Cleanup::<Test>::contains_key(id));
		System::assert_has_event(Event::JobCleanedUp { job_id: id }.into());
		for p in 40..50 {
			assert_eq!(held(p, HoldReason::InputDeposit), 0);
		}
	});
}

#[test]
fn outputs_beyond_i128_are_reported_as_overflow() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 2));
		submit(id, 40, &[i128::MAX, -7]);
		submit(id, 41, &[1, 0]);
		run_to_deadline(id);
		run_to_deadline(id);
		for i in 1..=2 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		let result = Results::<Test>::get(id).expect("result");
		assert_eq!(result.sums.to_vec(), vec![None, Some(-7)]);
		assert_eq!(result.means.to_vec(), vec![Some(1i128 << 126), Some(-4)]);
	});
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(12))]

		#[test]
		fn output_is_the_sum_and_money_is_conserved(
			(n, t, d) in (2u32..=6).prop_flat_map(|n| (Just(n), 1..n, 1u32..=4)),
			inputs in prop::collection::vec(prop::collection::vec(-(1i128 << 90)..(1i128 << 90), 4), 1..6),
			extra_workers in 0u8..3,
		) {
			new_test_ext().execute_with(|| {
				let issuance = total_issuance();
				register_workers(n as u8 + extra_workers);
				let id = create(spec(n, t, d));
				for (k, values) in inputs.iter().enumerate() {
					submit(id, 40 + k as u8, &values[..d as usize]);
				}
				run_to_deadline(id);
				run_to_deadline(id);
				for i in 1..=t + 1 {
					assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
				}
				let result = Results::<Test>::get(id).expect("result");
				for l in 0..d as usize {
					let sum: i128 = inputs.iter().map(|v| v[l]).sum();
					assert_eq!(result.sums[l], Some(sum));
				}
				assert!(Mpc::verify_record(&Mpc::proof_of_mpc(id).expect("record")));
				run_to_deadline(id);
				run_to_block(System::block_number() + 2);
				assert_money_conserved(issuance);
				for k in 0..inputs.len() as u8 {
					assert_eq!(free(40 + k), INITIAL_BALANCE);
				}
			});
		}
	}
}

/// The offchain worker in the mock runtime: keys in a keystore and nothing else produce a
/// completed, verified job.
mod offchain {
	use super::*;
	use codec::Decode;
	use frame_support::traits::{fungible::Mutate, Hooks};
	use frame_system::CheckNonce;
	use sp_core::offchain::{
		testing::{PoolState, TestOffchainExt, TestTransactionPoolExt},
		OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
	};
	use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
	use std::sync::Arc;

	const SEEDS: [&str; 5] = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve"];

	fn worker_account(seed: &str) -> AccountId {
		AccountId32::new(mpc_offchain_worker::dev_worker_encryption_key(seed).0)
	}

	fn ext_with_keystore(
		seeds: &[&str],
		funded: bool,
	) -> (sp_io::TestExternalities, Arc<parking_lot::RwLock<PoolState>>) {
		let mut ext = new_test_ext();
		let (offchain, _state) = TestOffchainExt::new();
		let (pool, pool_state) = TestTransactionPoolExt::new();
		let keystore = MemoryKeystore::new();
		for seed in seeds {
			keystore
				.ed25519_generate_new(crate::crypto::KEY_TYPE, Some(seed))
				.expect("key inserted");
		}
		ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
		ext.register_extension(OffchainDbExt::new(offchain));
		ext.register_extension(TransactionPoolExt::new(pool));
		ext.register_extension(KeystoreExt::new(keystore));
		if funded {
			ext.execute_with(|| {
				for seed in seeds {
					assert_ok!(Balances::mint_into(&worker_account(seed), 10 * WORKER_BOND));
				}
			});
		}
		(ext, pool_state)
	}

	/// Applies every pooled transaction as its signer (and takes its nonce); returns the calls.
	fn apply_pool(pool: &Arc<parking_lot::RwLock<PoolState>>) -> Vec<RuntimeCall> {
		apply_pool_as(pool, true)
	}

	/// As [`apply_pool`]; when not `strict`, a transaction may fail as on a node (a commitment
	/// after the signers were fixed, say), and only those that succeeded are returned.
	fn apply_pool_as(pool: &Arc<parking_lot::RwLock<PoolState>>, strict: bool) -> Vec<RuntimeCall> {
		let txs: Vec<Vec<u8>> = pool.write().transactions.drain(..).collect();
		txs.into_iter()
			.filter_map(|tx| {
				let xt = Extrinsic::decode(&mut &tx[..]).expect("a valid extrinsic");
				let sp_runtime::generic::Preamble::Signed(who, _, _) = xt.preamble else {
					panic!("workers send signed transactions")
				};
				let call = xt.function.clone();
				System::inc_account_nonce(&who);
				let result = frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
					xt.function,
					RuntimeOrigin::signed(who),
				);
				if strict {
					assert_ok!(result);
				}
				result.is_ok().then_some(call)
			})
			.collect()
	}

	/// This node's offchain worker on block `n`, which knows `n`'s hash (as `frame-executive`
	/// gives it; [`run_to_block`]'s scheme).
	fn offchain_worker(n: u64) {
		frame_system::BlockHash::<Test>::insert(n, sp_core::H256::from_low_u64_be(0xb10c_0000 + n));
		Mpc::offchain_worker(n);
	}

	/// Runs the next block as a node does: its hooks, the transactions this node's offchain
	/// worker made in the state of the block before (which land now, and are returned), then
	/// the offchain worker on the new block.
	fn next_block(pool: &Arc<parking_lot::RwLock<PoolState>>) -> Vec<RuntimeCall> {
		let n = System::block_number() + 1;
		run_to_block(n);
		let landed = apply_pool(pool);
		offchain_worker(n);
		landed
	}

	#[test]
	fn keys_in_a_keystore_register_and_complete_a_job() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			let issuance = total_issuance();
			// First run: every key registers itself (landing in the next block).
			assert!(next_block(&pool).is_empty());
			let calls = next_block(&pool);
			assert_eq!(calls.len(), 5);
			assert!(calls
				.iter()
				.all(|c| matches!(c, RuntimeCall::Mpc(Call::register_worker { .. }))));
			for seed in SEEDS {
				let (account, key) = mpc_offchain_worker::dev_worker_encryption_key(seed);
				let info = Workers::<Test>::get(AccountId32::new(account)).expect("registered");
				assert_eq!(info.key.to_bytes(), key);
			}
			// Registered workers do not register again.
			assert!(next_block(&pool).is_empty());

			let id = create(JobSpec { input_window: 4, ..spec(5, 2, 1) });
			let salaries = [420_000_i128, 510_050, 390_025, 600_000];
			for (k, s) in salaries.iter().enumerate() {
				submit(id, 40 + k as u8, &[*s]);
			}
			let mut completed_at = None;
			let mut confirmations = 0;
			for _ in 0..30 {
				confirmations += next_block(&pool)
					.iter()
					.filter(|c| matches!(c, RuntimeCall::Mpc(Call::confirm_inputs { .. })))
					.count();
				if completed_at.is_none() && Results::<Test>::get(id).is_some() {
					completed_at = Some(System::block_number());
				}
				if job(id).phase.has_ended() {
					break;
				}
			}
			// Every worker confirmed its checks once, so complaints closed the block after
			// the inputs did, and the result followed one block later (PROTOCOL.md section 10).
			assert_eq!(confirmations, 5);
			let timeline = job(id).timeline;
			let closed = timeline.inputs_closed.expect("closed");
			assert_eq!(timeline.computing_started, Some(closed + 1));
			assert_eq!(completed_at, Some(closed + 2), "the result two blocks after the inputs");
			let result = Results::<Test>::get(id).expect("result");
			assert_eq!(result.sums[0], Some(salaries.iter().sum()));
			assert_eq!(result.means[0], Some(salaries.iter().sum::<i128>() / 4));
			assert!(Mpc::verify_record(&Mpc::proof_of_mpc(id).expect("record")));
			// All five workers delivered, once each, and were paid.
			assert_eq!(ResultShares::<Test>::iter_prefix(id).count(), 5);
			assert_eq!(job(id).valid_shares, 5);
			for seed in SEEDS {
				let who = worker_account(seed);
				assert_eq!(Workers::<Test>::get(&who).expect("worker").faults, 0);
			}
			assert_money_conserved(issuance);
		});
	}

	/// The nonces of `who`'s transactions in the pool, which is emptied (as if it dropped them).
	fn drain_nonces(pool: &Arc<parking_lot::RwLock<PoolState>>, who: &AccountId) -> Vec<u32> {
		let txs: Vec<Vec<u8>> = pool.write().transactions.drain(..).collect();
		let mut nonces: Vec<u32> = txs
			.iter()
			.filter_map(|tx| {
				let xt = Extrinsic::decode(&mut &tx[..]).expect("a valid extrinsic");
				match xt.preamble {
					sp_runtime::generic::Preamble::Signed(signer, _, CheckNonce(nonce))
						if signer == *who =>
					{
						Some(nonce)
					}
					_ => None,
				}
			})
			.collect();
		nonces.sort();
		nonces
	}

	/// A job (committee of 5 dev workers, collecting for 20 blocks), the account of its
	/// committee member 3, and a dealer of inputs whose share for member 3 is bad.
	fn job_cheating_worker_3() -> (JobId, AccountId, impl Fn(u8) -> Submission) {
		let id = create(JobSpec { input_window: 20, ..spec(5, 2, 1) });
		let w3 = Committees::<Test>::get(id)[2].account.clone();
		let seed = SEEDS.iter().find(|s| worker_account(s) == w3).expect("a dev worker");
		let (_, secret) = mpc_offchain_worker::dev_worker_secret(seed);
		let cheat = move |provider: u8| {
			testing_utils::dealing_with_bad_share::<Test>(
				id,
				&acc(provider),
				&[1],
				provider.into(),
				index(3),
				&secret,
			)
		};
		(id, w3, cheat)
	}

	/// The next block and this node's offchain worker, leaving its transactions in the pool.
	fn run_offchain_only() {
		let n = System::block_number() + 1;
		run_to_block(n);
		offchain_worker(n);
	}

	/// Issue 13, finding 5: a worker read its nonce from the chain on every run, so a
	/// transaction sent while an earlier one was pending reused that one's nonce and the pool
	/// refused it (or replaced the first). Now pending transactions are numbered after each
	/// other; one the pool dropped is resent, within `resubmit_after` blocks (less than the
	/// complaint window), with the chain's nonce again.
	#[test]
	fn a_worker_numbers_pending_transactions_and_resends_dropped_ones_in_time() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			// The workers register, and the registrations land.
			next_block(&pool);
			next_block(&pool);
			let (id, w3, cheat) = job_cheating_worker_3();
			let limits = Mpc::worker_limits();
			assert!(u64::from(limits.resubmit_after) < COMPLAINT_WINDOW);
			let chain = System::account_nonce(&w3);

			assert_ok!(submit_as(id, 41, &cheat(41)));
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain]);
			// Before, the complaint about input 42 took the chain's nonce again.
			assert_ok!(submit_as(id, 42, &cheat(42)));
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain + 1]);
			// Both were dropped (drained). `resubmit_after` blocks after the first was sent, it
			// is resent from the chain's nonce, and the second after it: no gap.
			for _ in 2..limits.resubmit_after {
				run_offchain_only();
				assert_eq!(drain_nonces(&pool, &w3), Vec::<u32>::new());
			}
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain]);
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain + 1]);
			assert_eq!(System::account_nonce(&w3), chain);
			assert_eq!(job(id).phase, JobPhase::Collecting);
		});
	}

	/// Under load a run outlasts a block, and the node starts the next block's run while it
	/// works. Two runs for one worker numbered their transactions from the same remembered
	/// nonce, and the pool kept one of each pair, silently replacing the other (seen: every
	/// result share of one job lost until its deadline). A run that finds the worker's run lock
	/// held leaves that worker to the run in progress.
	#[test]
	fn a_run_leaves_a_worker_to_the_run_in_progress_for_it() {
		use sp_runtime::offchain::storage_lock::{StorageLock, Time};
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			next_block(&pool);
			next_block(&pool);
			let (id, w3, cheat) = job_cheating_worker_3();
			let chain = System::account_nonce(&w3);
			assert_ok!(submit_as(id, 41, &cheat(41)));
			let lock_key = [b"mpc::worker-run::".as_slice(), w3.as_ref()].concat();
			let mut lock = StorageLock::<Time>::new(&lock_key);
			{
				let _in_progress = lock.try_lock().expect("no run holds it");
				run_offchain_only();
				assert_eq!(drain_nonces(&pool, &w3), Vec::<u32>::new(), "left to the other run");
			}
			// That run ended (its guard dropped): the next one complains, at the chain's nonce.
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain]);
			assert!(lock.try_lock().is_ok(), "the run released the lock");
		});
	}

	/// A partial landing: of two pending complaints the first lands and the second is
	/// dropped. The second is resent from the chain's nonce, which the first moved on; a
	/// resend from the node's own count would leave a gap the pool never fills.
	#[test]
	fn after_a_partial_landing_a_dropped_transaction_is_resent_without_a_gap() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			// The workers register, and the registrations land.
			next_block(&pool);
			next_block(&pool);
			let (id, w3, cheat) = job_cheating_worker_3();
			let resend = Mpc::worker_limits().resubmit_after;
			let chain = System::account_nonce(&w3);
			assert_ok!(submit_as(id, 41, &cheat(41)));
			run_offchain_only();
			let first: Vec<Vec<u8>> = pool.write().transactions.drain(..).collect();
			assert_ok!(submit_as(id, 42, &cheat(42)));
			run_offchain_only();
			assert_eq!(drain_nonces(&pool, &w3), vec![chain + 1]);
			// The first complaint lands; the second was dropped (drained).
			pool.write().transactions.extend(first);
			apply_pool(&pool);
			assert_eq!(System::account_nonce(&w3), chain + 1);
			assert!(!Inputs::<Test>::get(id, 0).expect("input").qualified);
			let mut resent = Vec::new();
			for _ in 0..resend {
				run_offchain_only();
				resent.extend(drain_nonces(&pool, &w3));
			}
			assert_eq!(resent, vec![chain + 1], "the dropped complaint, from the chain's nonce");
		});
	}

	#[test]
	fn workers_complain_about_a_bad_input_and_it_is_left_out() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			// The workers register, and the registrations land.
			next_block(&pool);
			next_block(&pool);
			let id = create(JobSpec { input_window: 4, ..spec(5, 2, 1) });
			submit(id, 40, &[100]);
			// Corrupt worker 3's share, using the secret the node derives for it.
			let w3 = Committees::<Test>::get(id)[2].account.clone();
			let seed = SEEDS.iter().find(|s| worker_account(s) == w3).expect("a dev worker");
			let (_, secret) = mpc_offchain_worker::dev_worker_secret(seed);
			let cheat = testing_utils::dealing_with_bad_share::<Test>(
				id,
				&acc(41),
				&[1_000_000],
				41,
				index(3),
				&secret,
			);
			assert_ok!(submit_as(id, 41, &cheat));
			submit(id, 42, &[200]);

			assert!(next_block(&pool).is_empty(), "made now, landing in the next block");
			let calls = next_block(&pool);
			assert_eq!(calls.len(), 1, "exactly one complaint");
			assert!(matches!(calls[0], RuntimeCall::Mpc(Call::complain { input: 1, .. })));
			assert!(!Inputs::<Test>::get(id, 1).expect("input").qualified);
			for _ in 0..30 {
				next_block(&pool);
				if job(id).phase.has_ended() {
					break;
				}
			}
			let result = Results::<Test>::get(id).expect("result");
			assert_eq!(result.sums[0], Some(300));
			assert_eq!(result.qualified_inputs, 2);
		});
	}

	#[test]
	fn a_worker_that_cannot_pay_the_bond_waits_and_logs() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS[..1], false);
		ext.execute_with(|| {
			assert!(next_block(&pool).is_empty());
			assert!(Workers::<Test>::get(worker_account(SEEDS[0])).is_none());
		});
	}

	/// Issue 13 (lower): the offchain worker registered again a worker its operator had just
	/// deregistered.
	#[test]
	fn a_deregistered_worker_is_not_registered_again() {
		let (mut ext, pool) = ext_with_keystore(&SEEDS[..1], true);
		ext.execute_with(|| {
			let who = worker_account(SEEDS[0]);
			assert!(next_block(&pool).is_empty());
			let calls = next_block(&pool);
			assert!(matches!(calls[..], [RuntimeCall::Mpc(Call::register_worker { .. })]));
			// Remembered once the registration is 10 blocks deep (a shallower one may be
			// dropped by a reorganisation, and is then sent again).
			for _ in 0..10 {
				assert!(next_block(&pool).is_empty());
			}
			assert_ok!(Mpc::deregister_worker(RuntimeOrigin::signed(who.clone())));
			for _ in 0..15 {
				assert!(next_block(&pool).is_empty());
			}
			assert!(Workers::<Test>::get(&who).is_none());
		});
	}

	#[test]
	fn a_node_without_worker_keys_does_nothing() {
		let (mut ext, pool) = ext_with_keystore(&[], false);
		ext.execute_with(|| {
			register_workers(3);
			let id = create(spec(3, 1, 1));
			submit(id, 40, &[1]);
			for _ in 0..25 {
				assert!(next_block(&pool).is_empty());
			}
			assert_eq!(job(id).phase, JobPhase::Failed(FailureReason::NotEnoughResultShares));
		});
	}

	/// Five workers' offchain workers, and nothing else, make a threshold key, refresh it at
	/// every epoch's end, sign after a refresh, and let it expire after its last epoch
	/// (PROTOCOL.md section 14.10).
	#[test]
	fn workers_make_a_key_refresh_it_every_epoch_and_let_it_expire() {
		use crate::keys::{KeyStatus, SignState};
		let (mut ext, pool) = ext_with_keystore(&SEEDS, true);
		ext.execute_with(|| {
			// As on a node: a transaction a worker makes in block `n` lands in block `n + 1`.
			let block = || {
				let n = System::block_number() + 1;
				run_to_block(n);
				let landed = apply_pool_as(&pool, false);
				offchain_worker(n);
				landed
			};
			block();
			block();
			let owner = acc(30);
			assert_ok!(Mpc::create_key(RuntimeOrigin::signed(owner.clone()), 5, 2));
			let status = || ThresholdKeys::<Test>::get(0).expect("key").status;
			let mut sent = Vec::new();
			for _ in 0..12 {
				sent.extend(block());
				if matches!(status(), KeyStatus::Active { .. }) {
					break;
				}
			}
			let KeyStatus::Active { group_key, .. } = status() else { panic!("no key made") };
			assert!(sent.iter().any(|c| matches!(c, RuntimeCall::Mpc(Call::confirm_key_shares { .. }))));
			let limit = <<Test as Config>::MaxKeyRefreshes as Get<u32>>::get() as usize;
			let epoch: u64 = <<Test as Config>::KeyEpochLength as Get<u64>>::get();
			let mut signed = false;
			for _ in 0..(limit as u64 + 1) * (epoch + 12) {
				sent.extend(block());
				match status() {
					KeyStatus::Active { refreshes, refreshing: None, .. }
						if refreshes.len() == 1 && !signed && OpenSignRequests::<Test>::get().is_empty() =>
					{
						// After the first refresh the members sign with their new shares.
						let message = BoundedVec::truncate_from(b"after a refresh".to_vec());
						assert_ok!(Mpc::request_signature(RuntimeOrigin::signed(owner.clone()), 0, message));
						signed = true;
					}
					KeyStatus::Expired { .. } => break,
					_ => {}
				}
			}
			assert!(matches!(status(), KeyStatus::Expired { .. }), "{:?}", status());
			let asked = |c: &RuntimeCall, f: fn(&Call<Test>) -> bool| matches!(c, RuntimeCall::Mpc(call) if f(call));
			let refreshes = sent.iter().filter(|c| asked(c, |c| matches!(c, Call::refresh_key { .. }))).count();
			assert_eq!(refreshes, limit, "a refresh at every epoch's end");
			assert_eq!(sent.iter().filter(|c| asked(c, |c| matches!(c, Call::expire_key { .. }))).count(), 1);
			let request = SignRequests::<Test>::get(0).expect("request");
			let SignState::Signed { signature, .. } = request.state else { panic!("{:?}", request.state) };
			assert!(sp_io::crypto::ed25519_verify(
				&sp_core::ed25519::Signature::from_raw(signature),
				b"after a refresh",
				&sp_core::ed25519::Public::from_raw(group_key)
			));
			for seed in SEEDS {
				let w = Workers::<Test>::get(worker_account(seed)).expect("worker");
				assert_eq!(w.faults, 0);
				assert_eq!(KeySeats::<Test>::get(worker_account(seed)), 0, "seats freed");
			}
			assert_ok!(Mpc::do_try_state());
		});
	}
}

#[test]
fn inputs_digest_matches_the_protocol_vector() {
	// PROTOCOL.md section 10: one input, k = 0, P = 0x01^32, C_0 = 0x02^32, C_1 = 0x03^32.
	let digest = record::next_inputs_digest(&[0u8; 32], 0, &[1u8; 32], &[[2u8; 32], [3u8; 32]]);
	assert_eq!(
		digest,
		sp_core::hex2array!("849d881a8bcfa58ac888885ca0e167d4664a122ee0319a7e132819b5707dd67c")
	);
}

#[test]
fn the_job_digest_chains_every_accepted_input() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let first = dealing(id, 40, &[1]);
		let second = dealing(id, 41, &[2]);
		assert_ok!(submit_as(id, 40, &first));
		assert_ok!(submit_as(id, 41, &second));
		let d1 = record::next_inputs_digest(&[0u8; 32], 0, &[40u8; 32], &first.commitments);
		let d2 = record::next_inputs_digest(&d1, 1, &[41u8; 32], &second.commitments);
		assert_eq!(job(id).inputs_digest, d2);
	});
}

/// The deposits are priced from the bytes really written: every storage entry an input
/// creates, read back raw, key and value.
#[test]
fn input_deposits_price_what_is_really_stored() {
	new_test_ext().execute_with(|| {
		register_workers(5);
		let id = create(spec(5, 2, 3));
		let s = dealing(id, 40, &[1, 2, 3]);
		assert_ok!(submit_as(id, 40, &s));
		let keys = [
			Inputs::<Test>::hashed_key_for(id, 0),
			InputOf::<Test>::hashed_key_for(id, acc(40)),
			EphemeralKeys::<Test>::hashed_key_for(id, s.ephemeral_key),
		];
		let bytes: usize = keys
			.iter()
			.map(|k| k.len() + sp_io::storage::get(k).expect("an entry the input wrote").len())
			.sum();
		let items = keys.len() as u128;
		let per_item = <<Test as Config>::DepositPerItem as Get<Balance>>::get();
		let per_byte = <<Test as Config>::DepositPerByte as Get<Balance>>::get();
		let expected = per_item * items + per_byte * bytes as u128;
		let input = Inputs::<Test>::get(id, 0).expect("input");
		assert_eq!(input.deposit, expected);
		assert_eq!(held(40, HoldReason::InputDeposit), expected);
		// One entry holds the record and the `n` ciphertexts, in committee order.
		let stored: Vec<Vec<u8>> = input.ciphertexts.iter().map(|c| c.to_vec()).collect();
		assert_eq!(stored, s.ciphertexts);
	});
}

/// The job's deposit covers its record at its largest: every entry of a completed job whose
/// whole committee delivered, read back raw.
#[test]
fn job_deposits_cover_the_largest_record() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(JobSpec { max_inputs: 2, ..spec(3, 1, 2) });
		submit(id, 40, &[1, 2]);
		submit(id, 41, &[3, 4]);
		// The second input closed collecting; the complaint window ends at this deadline.
		run_to_deadline(id);
		assert_eq!(job(id).phase, JobPhase::Computing);
		for i in 1..=3 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		let mut keys = vec![
			Deadlines::<Test>::hashed_key_for(job(id).deadline, id),
			Jobs::<Test>::hashed_key_for(id),
			Committees::<Test>::hashed_key_for(id),
			Aggregates::<Test>::hashed_key_for(id),
			Results::<Test>::hashed_key_for(id),
		];
		for (i, m) in Committees::<Test>::get(id).iter().enumerate() {
			keys.push(ResultShares::<Test>::hashed_key_for(id, index(i as u32 + 1)));
			keys.push(WorkerJobs::<Test>::hashed_key_for(&m.account, id));
		}
		let stored: u64 = keys
			.iter()
			.map(|k| (k.len() + sp_io::storage::get(k).expect("a record entry").len()) as u64)
			.sum();
		let footprint = Mpc::job_footprint(id, &job(id), &Committees::<Test>::get(id));
		// The record's entries plus the disqualified list, which this job never wrote.
		assert_eq!(footprint.count, keys.len() as u64 + 1);
		assert!(footprint.size >= stored, "{} < {stored}", footprint.size);
		assert_eq!(job(id).deposit, Mpc::deposit_for(footprint));
		assert_eq!(held(OWNER, HoldReason::JobDeposit), job(id).deposit);
	});
}

#[test]
fn the_test_defaults_are_what_these_tests_assume() {
	assert_eq!(<<Test as Config>::WorkerBond as Get<Balance>>::get(), WORKER_BOND);
	assert_eq!(<<Test as Config>::FaultPenalty as Get<Balance>>::get(), FAULT_PENALTY);
	assert_eq!(<<Test as Config>::ComplaintWindow as Get<u64>>::get(), COMPLAINT_WINDOW);
	assert_eq!(<<Test as Config>::ComputeWindow as Get<u64>>::get(), COMPUTE_WINDOW);
}

#[test]
fn a_submission_too_large_for_the_bounds_is_refused_with_the_chain_error() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let mut s = dealing(id, 40, &[1]);
		s.commitments = vec![[0u8; 32]; 9];
		assert!(matches!(
			BoundedSubmission::<Test>::try_from(s.clone()),
			Err(Error::<Test>::WrongCommitmentCount)
		));
		let mut s = dealing(id, 40, &[1]);
		s.ciphertexts[0] = vec![0u8; 32 * 6 + 16];
		assert!(matches!(
			BoundedSubmission::<Test>::try_from(s),
			Err(Error::<Test>::BadCiphertextLength)
		));
	});
}

#[test]
fn committee_digest_matches_the_protocol_vector() {
	// PROTOCOL.md section 10: n = 2, A_1 = 0x01^32, E_1 = 0x02^32, A_2 = 0x03^32, E_2 = 0x04^32.
	let digest = record::committee_digest_of([([1u8; 32], [2u8; 32]), ([3u8; 32], [4u8; 32])]);
	assert_eq!(
		digest,
		sp_core::hex2array!("f22089d9e11f10ca939583cb03bc57a3a57b1163745c5d637fb5c2280f197439")
	);
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let members: Vec<_> = Committees::<Test>::get(id)
			.iter()
			.map(|m| (*m.account.as_ref(), *m.key.as_bytes()))
			.collect();
		assert_eq!(job(id).committee_digest, record::committee_digest_of(members));
	});
}

/// The same job id can have another committee on another branch of a fork (there, someone
/// else created job 0 from another pool). A provider's submission made on one branch and
/// replayed on the other is refused there with an error: not accepted and then disqualified
/// (which would forfeit its deposit), and nothing is stored or held.
#[test]
fn an_input_dealt_to_another_branch_committee_is_refused_not_disqualified() {
	// Branch A: workers 1, 2, 3; the provider deals to job 0's committee there.
	let (submission, digest_a) = new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		(dealing(id, 40, &[7]), job(id).committee_digest)
	});
	// Branch B: workers 1, 2, 4 (3 never registered): job 0 has another committee.
	new_test_ext().execute_with(|| {
		for n in [1, 2, 4] {
			register(n);
		}
		let id = create(spec(3, 1, 1));
		assert_ne!(job(id).committee_digest, digest_a);
		let before = free(40);
		assert_noop!(
			Mpc::submit_input(
				origin(40),
				id,
				digest_a,
				testing_utils::bounded(submission.clone()),
				Default::default()
			),
			Error::<Test>::CommitteeMismatch
		);
		assert_eq!((free(40), held(40, HoldReason::InputDeposit)), (before, 0));
		assert_eq!(job(id).input_count, 0);
		// A job still waiting for its draw names no committee: nothing can be dealt to it.
		register(5);
		let drawing = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		assert_eq!(job(drawing).phase, JobPhase::Drawing);
		assert_noop!(
			Mpc::submit_input(
				origin(40),
				drawing,
				[0u8; 32],
				testing_utils::bounded(submission),
				Default::default()
			),
			Error::<Test>::NotCollecting
		);
	});
}

/// A complaint made on another branch of a fork names the input it judged by its `R`; on this
/// branch another input sits at that index. The chain refuses it with an error: no verdict,
/// no fault, nothing changed.
#[test]
fn a_complaint_about_another_branch_input_is_refused_without_a_fault() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let bad_elsewhere = dealing_with_bad_share(id, 41, &[5], 1);
		submit(id, 40, &[7]);
		// Worker 1's complaint as it would have made it about the other branch's input 0.
		let other_ctx = ctx(id, 41);
		let r = mpc_primitives::EphemeralKey::from_bytes(&bad_elsewhere.ephemeral_key).expect("R");
		let c = worker_secret(member(id, 1)).complain(&other_ctx, index(1), &r, &mut rng(3));
		let w1 = member(id, 1);
		let bond = held(w1, HoldReason::WorkerBond);
		assert_noop!(
			complain_as(
				origin(w1),
				id,
				0,
				bad_elsewhere.ephemeral_key,
				c.shared_key.to_bytes(),
				c.proof.to_bytes()
			),
			Error::<Test>::InputMismatch
		);
		assert_eq!(held(w1, HoldReason::WorkerBond), bond);
		assert_eq!(Workers::<Test>::get(acc(w1)).expect("worker").faults, 0);
		assert!(Inputs::<Test>::get(id, 0).expect("input").qualified);
	});
}

/// A provider knows its `r`: on two branches of a fork it can submit the same `R` and
/// commitments with a bad ciphertext for worker 1 on one and a good one on the other. Worker
/// 1's complaint about the bad one names its ciphertext's hash, so on the other branch it is
/// refused, not judged (judged, the good share would make it a false complaint: a fault).
#[test]
fn a_complaint_about_another_branch_ciphertext_under_the_same_r_is_refused_without_a_fault() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		let good = dealing(id, 40, &[7]);
		assert_ok!(submit_as(id, 40, &good));
		let w1 = member(id, 1);
		let mut bad = good.clone();
		mpc_primitives::testing::corrupt_share(
			&worker_secret(w1),
			&ctx(id, 40),
			index(1),
			&mut bad,
			1,
			mpc_primitives::Scalar::from(1u64),
		);
		assert_eq!((bad.ephemeral_key, &bad.commitments), (good.ephemeral_key, &good.commitments));
		let r = mpc_primitives::EphemeralKey::from_bytes(&good.ephemeral_key).expect("R");
		let c = worker_secret(w1).complain(&ctx(id, 40), index(1), &r, &mut rng(3));
		let bad_hash = mpc_primitives::hash::ciphertext_hash(&bad.ciphertexts[0]);
		let bond = held(w1, HoldReason::WorkerBond);
		assert_noop!(
			Mpc::complain(
				origin(w1),
				id,
				0,
				good.ephemeral_key,
				bad_hash,
				c.shared_key.to_bytes(),
				c.proof.to_bytes()
			),
			Error::<Test>::InputMismatch
		);
		assert_eq!(held(w1, HoldReason::WorkerBond), bond);
		assert_eq!(Workers::<Test>::get(acc(w1)).expect("worker").faults, 0);
		// Named by `R` alone, the same complaint would have been judged here, and faulted.
		assert_ok!(complain_as(
			origin(w1),
			id,
			0,
			good.ephemeral_key,
			c.shared_key.to_bytes(),
			c.proof.to_bytes()
		));
		assert_eq!(Workers::<Test>::get(acc(w1)).expect("worker").faults, 1);
	});
}

/// A result share computed for another aggregate (another branch's qualified inputs) is
/// refused with an error, not judged invalid: no fault.
#[test]
fn a_result_share_for_another_aggregate_is_refused_without_a_fault() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let id = create(spec(3, 1, 1));
		submit(id, 40, &[7]);
		submit(id, 41, &[8]);
		run_to_deadline(id);
		run_to_deadline(id);
		let share = honest_result_share(id, 1);
		let (digest, sum_shares, blinding) = testing_utils::result_share_args::<Test>(id, &share);
		let w1 = member(id, 1);
		let mut other = digest;
		other[0] ^= 1;
		assert_noop!(
			Mpc::submit_result_share(origin(w1), id, other, sum_shares.clone(), blinding),
			Error::<Test>::AggregateMismatch
		);
		assert_eq!(Workers::<Test>::get(acc(w1)).expect("worker").faults, 0);
		assert_ok!(Mpc::submit_result_share(origin(w1), id, digest, sum_shares, blinding));
	});
}

#[test]
fn aggregate_digest_matches_the_protocol_vector() {
	// PROTOCOL.md section 10: t = 1, Ĉ_0 = 0x02^32, Ĉ_1 = 0x03^32 (as raw encodings).
	let mut bytes = [2u8; 32].to_vec();
	bytes.extend_from_slice(&[3u8; 32]);
	assert_eq!(
		sp_io::hashing::blake2_256(&bytes),
		sp_core::hex2array!("37cc5f0ab74be1a91ad84f951dc378ad2ea75b1fbb8d653589228f6a2da7e278")
	);
	// And the pallet's function hashes exactly those bytes for real commitments.
	let aggregate =
		vec![mpc_primitives::Commitment::identity(), mpc_primitives::Commitment::identity()];
	assert_eq!(record::aggregate_digest(&aggregate), sp_io::hashing::blake2_256(&[0u8; 64]));
}

#[path = "tests_beacon.rs"]
mod beacon;

/// A job's input rule is enforced: the ballots of a poll, then the salaries of a range. Each
/// way of not obeying it is refused with `InvalidValidityProof` and changes nothing; the
/// outputs count exactly the inputs that were accepted.
#[test]
fn jobs_accept_only_inputs_that_prove_their_rule() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		let poll = InputRule::OneHot { abstain: true };
		let id = create(JobSpec { input_rule: poll.clone(), ..spec(3, 1, 3) });
		assert_eq!(job(id).input_rule, poll);
		let refused = |provider: u8, s: &Submission, validity: &[u8]| {
			let before = (free(provider), job(id).input_count, Aggregates::<Test>::get(id));
			assert_noop!(
				submit_proven(id, provider, s, validity),
				Error::<Test>::InvalidValidityProof
			);
			assert_eq!(before, (free(provider), job(id).input_count, Aggregates::<Test>::get(id)));
		};
		// Two votes in one ballot, carrying the proof of a real ballot (of the same voter).
		let (ballot, proof) = proven_dealing(id, 40, &[1, 0, 0]);
		let two_votes = dealing(id, 40, &[1, 1, 0]);
		refused(40, &two_votes, &proof);
		// No proof; a proof cut short; a proof of another voter's ballot; a flipped byte.
		refused(40, &ballot, &[]);
		refused(40, &ballot, &proof[..proof.len() - 64]);
		let (_, others) = proven_dealing(id, 41, &[1, 0, 0]);
		refused(40, &ballot, &others);
		let mut flipped = proof.clone();
		flipped[0] ^= 1;
		refused(40, &ballot, &flipped);
		// Real ballots, and an abstention.
		assert_ok!(submit_proven(id, 40, &ballot, &proof));
		for (provider, values) in [(41u8, [0, 0, 1]), (42, [1, 0, 0]), (43, [0, 0, 0])] {
			let (s, p) = proven_dealing(id, provider, &values);
			assert_ok!(submit_proven(id, provider, &s, &p));
		}
		assert_eq!(job(id).input_count, 4);
		run_to_deadline(id);
		run_to_deadline(id);
		for i in 1..=2 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		let result = Results::<Test>::get(id).expect("result");
		assert_eq!(result.sums.to_vec(), vec![Some(2), Some(0), Some(1)]);
		let record = Mpc::proof_of_mpc(id).expect("record");
		assert_eq!(record.input_rule, poll);

		// Salaries in [0, 100_000] and bonuses in [-5, 5]: a proof under a wider rule (a
		// salary of 100_001, proven under a rule that allows it) is no proof for this one.
		let bounds = vec![(0, 100_000), (-5, 5)];
		let salaries = InputRule::Range(BoundedVec::truncate_from(bounds));
		let id = create(JobSpec { input_rule: salaries.clone(), ..spec(3, 1, 2) });
		let other = create(JobSpec { input_rule: salaries.clone(), ..spec(3, 1, 2) });
		let refused = |provider: u8, s: &Submission, validity: &[u8]| {
			let before = (free(provider), job(id).input_count);
			assert_noop!(
				submit_proven(id, provider, s, validity),
				Error::<Test>::InvalidValidityProof
			);
			assert_eq!(before, (free(provider), job(id).input_count));
		};
		// Dealt alike (one seed, so one C_0), proven for another context or rule.
		let proven =
			|values: &[i128], (job_id, provider): (JobId, u8), rule: &InputRuleOf<Test>| {
				let keys: Vec<_> = Committees::<Test>::get(id).iter().map(|m| m.key).collect();
				let c = ctx(job_id, provider);
				mpc_primitives::deal_with_rule(&c, &keys, 1, values, &rule.to_vec(), &mut rng(99))
					.expect("values that obey the rule")
			};
		let wider = InputRule::Range(BoundedVec::truncate_from(vec![(0, 200_000), (-5, 5)]));
		let (too_much, wide_proof) = proven(&[100_001, 0], (id, 44), &wider);
		refused(44, &too_much, &wide_proof);
		let (mine, my_proof) = proven(&[50_000, -5], (id, 45), &salaries);
		let (same, for_other_job) = proven(&[50_000, -5], (other, 45), &salaries);
		let (_, for_other_provider) = proven(&[50_000, -5], (id, 46), &salaries);
		assert_eq!(same.commitments[0], mine.commitments[0], "one C_0");
		refused(45, &mine, &for_other_job);
		refused(45, &mine, &for_other_provider);
		assert_ok!(submit_proven(id, 45, &mine, &my_proof));
		let (s, p) = proven_dealing(id, 46, &[100_000, 5]);
		assert_ok!(submit_proven(id, 46, &s, &p));
		run_to_deadline(id);
		run_to_deadline(id);
		for i in 1..=2 {
			assert_ok!(submit_share(id, i, &honest_result_share(id, i)));
		}
		let result = Results::<Test>::get(id).expect("result");
		assert_eq!(result.sums.to_vec(), vec![Some(150_000), Some(0)]);

		// A job without a rule takes no proof.
		let plain = create(spec(3, 1, 1));
		let s = dealing(plain, 47, &[3]);
		assert_noop!(submit_proven(plain, 47, &s, &[0u8; 64]), Error::<Test>::InvalidValidityProof);
		assert_ok!(submit_proven(plain, 47, &s, &[]));
	});
}

/// The weight charged up front for a validity proof covers the check of any rule whose
/// proofs have that length, and the refund is to the job rule's own weight.
#[test]
fn validity_proofs_are_charged_up_front_for_the_costliest_check_of_their_length() {
	new_test_ext().execute_with(|| {
		let max_d = <<Test as Config>::MaxDimension as Get<u32>>::get();
		for d in 1..=max_d {
			let mut rules =
				vec![InputRule::OneHot { abstain: false }, InputRule::OneHot { abstain: true }];
			for bits in [8u32, 16, 32, 64] {
				let hi = (1i128 << bits) - 1;
				rules.push(InputRule::Range(BoundedVec::truncate_from(vec![(0, hi); d as usize])));
			}
			for rule in rules {
				let len = rule.proof_len(d).expect("a valid rule");
				let charged = Mpc::validity_weight_bound(len);
				let used = Mpc::validity_weight(&rule, d);
				assert!(used.all_lte(charged), "{rule:?} at d = {d}: {used} > {charged}");
				assert!(len <= MaxValidityProofLen::<Test>::get() as usize, "{rule:?}");
			}
		}
		assert_eq!(Mpc::validity_weight_bound(0), Weight::zero());
		// The bound is the costliest shape of exactly that length, not the costliest of all:
		// a d = 2, 8-bit range proof is charged as 8 bits, not 64.
		let len = mpc_primitives::range::range_proof_len(2, 8);
		assert_eq!(Mpc::validity_weight_bound(len), Mpc::range_weight(2, 8));
		let widest = <Test as Config>::WeightInfo::validity_range_widest();
		assert!(Mpc::range_weight(2, 8).ref_time() < widest.ref_time());
		// Lengths no rule has cost nothing up front: they are refused before any check.
		assert_eq!(Mpc::validity_weight_bound(33), Weight::zero());
		assert_eq!(Mpc::validity_weight(&InputRule::None, 3), Weight::zero());
		// A submission's dispatch info declares the bound; the refund is the rule's weight.
		register_workers(4);
		let rule = InputRule::OneHot { abstain: false };
		let id = create(JobSpec { input_rule: rule.clone(), ..spec(3, 1, 2) });
		let (s, p) = proven_dealing(id, 40, &[0, 1]);
		let digest = testing_utils::committee_digest::<Test>(id);
		let validity: ValidityProof<Test> = BoundedVec::truncate_from(p.clone());
		let call = crate::Call::<Test>::submit_input {
			job_id: id,
			committee_digest: digest,
			submission: testing_utils::bounded(s.clone()),
			validity: validity.clone(),
		};
		let declared =
			frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call).call_weight;
		let base = <Test as Config>::WeightInfo::submit_input(3);
		assert_eq!(declared, base.saturating_add(Mpc::validity_weight_bound(p.len())));
		let info = Mpc::submit_input(origin(40), id, digest, testing_utils::bounded(s), validity)
			.expect("accepted");
		assert_eq!(info.actual_weight, Some(base.saturating_add(Mpc::validity_weight(&rule, 2))));
	});
}

/// A worker's duties are `Operational`, so that the pool ranks them above every ordinary
/// transaction and blocks keep room for them: a flood of inputs to other jobs must not hold a
/// job's confirmations and result shares out of its windows (seen on the five-node network
/// with 10,000 inputs: at the inputs' priority they waited out whole compute windows).
/// Everything else, what users send, stays `Normal`. Every call is built from filler bytes,
/// so a call added later is classified here too.
#[test]
fn worker_duties_are_operational_and_every_other_call_normal() {
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	use testing_utils::{smallest_calls, WORKER_DUTIES};
	let calls = smallest_calls::<Test>();
	for name in WORKER_DUTIES {
		assert!(calls.iter().any(|(n, _)| *n == name), "{name} is not a call");
	}
	for (name, call) in calls {
		let expected = if WORKER_DUTIES.contains(&name) {
			DispatchClass::Operational
		} else {
			DispatchClass::Normal
		};
		assert_eq!(call.get_dispatch_info().class, expected, "{name}");
		// Exactly the operational calls are checked in the pool, each against what it names,
		// at its family's weight.
		let duty = call.duty();
		let family = match (name, duty) {
			("complain" | "submit_result_share" | "confirm_inputs", Some(Duty::Job(_))) => "job",
			("advance_job", Some(Duty::AdvanceJob(_))) => "job",
			("submit_key_dealing" | "complain_dealing", Some(Duty::BeaconEpoch(_))) => "beacon",
			("submit_round_share", Some(Duty::BeaconRound(_))) => "beacon",
			(
				"submit_key_round1"
				| "submit_key_envelope"
				| "complain_key_envelope"
				| "submit_refresh_round1"
				| "confirm_key_shares",
				Some(Duty::Key(_)),
			) => "key",
			("submit_sign_commitment" | "submit_sign_share", Some(Duty::SignRequest(_))) => "key",
			(_, None) if !WORKER_DUTIES.contains(&name) => "none",
			(_, duty) => panic!("{name} names {duty:?}"),
		};
		let expected_weight = match family {
			"job" => <Test as Config>::WeightInfo::check_job_duty(),
			"beacon" => <Test as Config>::WeightInfo::check_beacon_duty(),
			"key" => <Test as Config>::WeightInfo::check_key_duty(),
			_ => frame_support::weights::Weight::zero(),
		};
		let ext = CheckWorkerDuty::<Test>::new();
		let runtime_call = RuntimeCall::from(call);
		assert_eq!(
			sp_runtime::traits::TransactionExtension::weight(&ext, &runtime_call),
			expected_weight,
			"{name}"
		);
	}
}

/// A duty from outside the committee it names never reaches the pool (`CheckWorkerDuty`):
/// neither from an outsider nor from a registered worker not in the job's committee. The
/// committee's members pass while the job runs and after it ends (a late duty still lands and
/// fails as before, and is not dropped from the pool), until the job is removed. `advance_job`
/// is open to anyone once the job is overdue. Ordinary calls pass from anyone.
#[test]
fn the_pool_refuses_a_job_duty_from_outside_its_committee() {
	use extension::testing::{check, refused, zero_duties};
	new_test_ext().execute_with(|| {
		register_workers(4);
		let id = create(spec(3, 1, 1));
		assert_eq!(id, 0, "the calls built from zeros name job 0");
		let members: Vec<u8> = (1..=3).map(|i| member(id, i)).collect();
		let bystander = (1..=4u8).find(|w| !members.contains(w)).expect("a worker left out");
		let duties: Vec<_> = zero_duties()
			.into_iter()
			.filter(|(_, c)| matches!(c.duty(), Some(Duty::Job(_) | Duty::AdvanceJob(_))))
			.collect();
		let names: Vec<_> = duties.iter().map(|(n, _)| *n).collect();
		assert_eq!(names.len(), 4, "{names:?}");

		// Collecting, before the deadline.
		for (name, call) in &duties {
			for &m in &members {
				assert_eq!(check(&acc(m), call.clone()), Ok(()), "{name} from member {m}");
			}
			assert_eq!(check(&acc(ATTACKER), call.clone()), refused(), "{name} from outside");
			assert_eq!(check(&acc(bystander), call.clone()), refused(), "{name} from a worker");
		}
		// Ordinary calls, of this pallet and another, pass from anyone.
		let remark = frame_system::Call::<Test>::remark { remark: vec![1; 8] };
		assert_eq!(check(&acc(ATTACKER), remark), Ok(()));
		let close = Call::<Test>::close_inputs { job_id: id };
		assert_eq!(check(&acc(ATTACKER), close), Ok(()));

		// Overdue: anyone may move the job, as on dispatch; the other duties stay closed.
		submit(id, 40, &[5]);
		frame_system::Pallet::<Test>::set_block_number(job(id).deadline);
		for (name, call) in &duties {
			let outside = if *name == "advance_job" { Ok(()) } else { refused() };
			assert_eq!(check(&acc(ATTACKER), call.clone()), outside, "{name} overdue");
		}
		// And dispatch agrees: the outsider's `advance_job` moves it.
		assert_ok!(Mpc::advance_job(origin(ATTACKER), id));
		assert_eq!(job(id).phase, JobPhase::Verifying);

		// Ended (no result shares: the job fails), its seats freed: members still pass, and
		// nobody else, not even `advance_job` now that nothing can move.
		run_to_deadline(id);
		run_to_deadline(id);
		assert!(job(id).phase.has_ended(), "{:?}", job(id).phase);
		assert!(!WorkerJobs::<Test>::contains_key(acc(members[0]), id));
		for (name, call) in &duties {
			assert_eq!(check(&acc(members[0]), call.clone()), Ok(()), "{name} after the end");
			assert_eq!(check(&acc(ATTACKER), call.clone()), refused(), "{name} after the end");
		}
		// A member whose seat is free may leave with its bond: then it is refused, while the
		// others still pass.
		assert_ok!(Mpc::deregister_worker(origin(members[1])));
		for (name, call) in &duties {
			assert_eq!(check(&acc(members[1]), call.clone()), refused(), "{name} after leaving");
			assert_eq!(check(&acc(members[0]), call.clone()), Ok(()), "{name} after leaving");
		}

		// Removed: nobody is its member any more.
		run_to_block(job(id).deadline + 50);
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		for (name, call) in &duties {
			assert_eq!(check(&acc(members[0]), call.clone()), refused(), "{name} removed");
		}
	});
}
