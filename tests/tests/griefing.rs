//! Issue 13, findings 2 and 4, against a dev node: a flood of cheap jobs whose deadlines all
//! fall in the block where a victim job's input window ends, and an attempt at zero-reward
//! jobs.
//!
//! Before, the deadline index held 16 jobs a block for 16 blocks and refused the rest, so a
//! victim could be left in a phase for ever. Now every deadline is kept; `on_initialize` moves
//! `DeadlineBatch` (16) jobs a block in block order and carries the rest over, and the victim's
//! committee moves it itself with `advance_job` once it is two blocks overdue. The bound this
//! test asserts: the victim leaves each phase at most `ceil(due / DeadlineBatch)` blocks after
//! its deadline, where `due` is the number of deadlines falling in that block; it completes
//! and settles; every flood job ends (fails for lack of inputs) within the same bound.
//!
//! Issue 18's review: worker duties outrank every ordinary transaction in the pool, so the
//! node refuses a duty from outside the committee it names before it enters the pool.

use frame_support::traits::Get;
use mpc_e2e::{mpc, Node};
use mpc_runtime::{pallet_mpc, AccountId, RuntimeCall};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

/// `DeadlineBatch` of the dev runtime (`SolochainDefaultConfig`).
const DEADLINE_BATCH: u32 = 16;
/// Flood jobs: with 5 workers of 32 seats each and committees of all 5 (a committee smaller
/// than the pool would wait for a beacon draw, and its window would start there), the pool
/// takes 31 beside the victim's.
const FLOOD: u32 = 30;

#[tokio::test(flavor = "multi_thread")]
async fn a_deadline_flood_delays_an_honest_job_by_a_bounded_time() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	client.wait_for_block(2, Duration::from_secs(60)).await;
	let attacker = Sr25519Keyring::Eve.pair();

	// Zero-reward jobs are refused: each job pays its workers at least the minimum.
	let free = pallet_mpc::JobSpec { reward_per_worker: 0, ..mpc::spec(2, 1, 1, 1) };
	let refused = mpc::create_job(&client, &attacker, free).await.expect_err("refused");
	assert_eq!(refused, "Mpc.RewardTooLow");

	// The victim: two honest inputs, collecting until block `due`.
	let owner = Sr25519Keyring::Ferdie.pair();
	let victim_spec = pallet_mpc::JobSpec { input_window: 24, ..mpc::spec(5, 2, 1, 3) };
	let (victim, created) = mpc::create_job(&client, &owner, victim_spec).await.expect("job");
	let due = created.block + 24;
	for (k, p) in [Sr25519Keyring::Alice, Sr25519Keyring::Bob].iter().enumerate() {
		mpc::submit_input(&client, &p.pair(), victim, &[1_000 * (k as i128 + 1)], k as u64)
			.await
			.expect("input");
	}

	// The flood: cheap jobs with no inputs whose input windows end in block `due` (they are
	// sent at once, so most land in the next block; the window counts from there).
	let minimum: mpc_runtime::Balance =
		<mpc_runtime::Runtime as pallet_mpc::Config>::MinRewardPerWorker::get();
	let from = client.best_number().await;
	let mut sent = Vec::new();
	for _ in 0..FLOOD {
		let window = due - (client.best_number().await + 1);
		let spec = pallet_mpc::JobSpec {
			input_window: window,
			reward_per_worker: minimum,
			..mpc::spec(5, 2, 1, 1)
		};
		let call = RuntimeCall::Mpc(pallet_mpc::Call::create_job { spec });
		sent.push(client.submit(&attacker, call).await);
	}
	let mut flood = Vec::new();
	for xt in &sent {
		let inclusion = client
			.wait_for_inclusion(xt, from, Duration::from_secs(120))
			.await
			.expect("a flood job");
		flood.push(mpc::job_created(&inclusion.events).expect("JobCreated"));
	}
	let mut per_block = std::collections::BTreeMap::<u32, u32>::new();
	for id in &flood {
		*per_block.entry(mpc::job(&client, *id).await.expect("job").deadline).or_default() += 1;
	}
	*per_block.entry(due).or_default() += 1;
	let at_due = per_block[&due];
	assert!(at_due > DEADLINE_BATCH, "more deadlines in block {due} than a block moves");
	// The backlog bound: the deadlines due up to a block, carried over at 16 a block.
	let bound = |block: u32| {
		let before: u32 = per_block.range(..=block).map(|(_, k)| k).sum();
		before.div_ceil(DEADLINE_BATCH)
	};

	// The victim completes, its collecting ended at most `bound(due)` blocks late.
	let done =
		mpc::wait_for(&client, victim, Duration::from_secs(300), |j| j.phase.has_ended()).await;
	assert_eq!(done.phase, pallet_mpc::JobPhase::Settled);
	let closed = done.timeline.inputs_closed.expect("closed");
	assert!(closed >= due && closed <= due + bound(due), "closed at {closed}, due {due}");
	let result = mpc::result(&client, victim).await.expect("result");
	assert_eq!(result.sums.to_vec(), vec![Some(3_000)]);

	// Every flood job ended, none lost, each within its backlog.
	let mut late = 0;
	for id in &flood {
		let j = mpc::job(&client, *id).await.expect("job");
		assert_eq!(
			j.phase,
			pallet_mpc::JobPhase::Failed(pallet_mpc::FailureReason::TooFewInputs),
			"job {id}"
		);
		let ended = j.timeline.ended.expect("ended");
		assert!(ended <= j.deadline + bound(j.deadline), "job {id}: {} -> {ended}", j.deadline);
		late = late.max(ended - j.deadline);
	}
	let figures = mpc::figures(&client, victim).await;
	println!(
		"deadline flood: {} jobs, {at_due} deadlines in block {due}; the victim closed at \
		 {closed} ({} late, bound {}), settled at {}; flood jobs at most {late} blocks late; \
		 {figures}",
		flood.len(),
		closed - due,
		bound(due),
		done.timeline.ended.unwrap_or_default(),
	);
	drop(node);
}

/// Worker duties are operational: the pool ranks them above every ordinary transaction. So
/// that nobody else can buy that rank, the node refuses a duty from an account outside the
/// committee it names before it enters the pool (`CheckWorkerDuty`): the outsider's job,
/// beacon and key duties, and a root call that is operational too, are refused as from a bad
/// signer, it pays nothing and its nonce does not move, its ordinary transactions still pass, and the committee's own duties still land:
/// the job completes with the exact sum.
#[tokio::test(flavor = "multi_thread")]
async fn a_duty_from_outside_the_committee_never_enters_the_pool() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	client.wait_for_block(2, Duration::from_secs(60)).await;
	let owner = Sr25519Keyring::Ferdie.pair();
	// Two inputs at most: the second closes the input window.
	let (id, _) = mpc::create_job(&client, &owner, mpc::spec(5, 2, 1, 2)).await.expect("job");
	// The dev workers' accounts are their ed25519 keys: Eve's sr25519 account is no worker.
	let outsider = Sr25519Keyring::Eve.pair();
	let who = AccountId::from(outsider.public());
	let before = client.account(&who).await;

	let duties = [
		pallet_mpc::Call::complain {
			job_id: id,
			input: 0,
			ephemeral_key: [0; 32],
			ciphertext_hash: [0; 32],
			shared_key: [0; 32],
			proof: [0; 64],
		},
		pallet_mpc::Call::submit_result_share {
			job_id: id,
			aggregate_digest: [0; 32],
			sum_shares: vec![[0; 32]].try_into().expect("one value"),
			blinding: [0; 32],
		},
		pallet_mpc::Call::confirm_inputs { job_id: id, at: 1, at_hash: Default::default() },
		pallet_mpc::Call::advance_job { job_id: id },
		pallet_mpc::Call::submit_round_share { round: 0, share: [0; 32], proof: [0; 64] },
		pallet_mpc::Call::submit_sign_share {
			request: 0,
			attempt: 0,
			package_digest: [0; 32],
			share: [0; 32],
		},
	];
	// Nor another operational call (a root call of frame_system; the runtime's
	// `CheckOperational`: only the sudo key may send those).
	let root_call = RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 64 });
	for call in duties.into_iter().map(RuntimeCall::Mpc).chain([root_call]) {
		let name = format!("{call:?}");
		let refused = client.try_submit(&outsider, call).await.expect_err(&name);
		assert!(
			refused.contains("1010") && refused.contains("Invalid signing address"),
			"{name}: {refused}"
		);
	}
	assert_eq!(client.account(&who).await, before, "the outsider paid nothing");
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 8] });
	client.submit_and_wait(&outsider, remark).await.expect("an ordinary call passes");

	for (k, p) in [Sr25519Keyring::Alice, Sr25519Keyring::Bob].iter().enumerate() {
		mpc::submit_input(&client, &p.pair(), id, &[100 * (k as i128 + 1)], k as u64)
			.await
			.expect("input");
	}
	let done = mpc::wait_for(&client, id, Duration::from_secs(180), |j| {
		j.phase == pallet_mpc::JobPhase::Completed || j.phase.has_ended()
	})
	.await;
	assert!(
		matches!(done.phase, pallet_mpc::JobPhase::Completed | pallet_mpc::JobPhase::Settled),
		"{:?}",
		done.phase
	);
	let result = mpc::result(&client, id).await.expect("result");
	assert_eq!(result.sums.to_vec(), vec![Some(300)]);
	drop(node);
}
