//! Scenario 1: the average salary, on a single `--dev` node with its five dev workers.
//!
//! Ten employees each submit a private salary with a proof that it lies in the job's range;
//! the job completes with the exact sum, the mean
//! follows, the proof-of-MPC record re-verifies with `mpc-primitives`, and every balance moves
//! by exactly what the fee schedule, the rewards and the deposits explain.

use mpc_e2e::{mpc, Node};
use mpc_primitives::{verify_output, ParticipantIndex, ResultShare};
use mpc_runtime::{pallet_mpc, AccountId, Balance, RuntimeCall, UNIT};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::time::{Duration, Instant};

const REWARD: Balance = UNIT;

fn provider_keys() -> Vec<sr25519::Pair> {
	let mut keys: Vec<sr25519::Pair> = [
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
	]
	.iter()
	.map(|k| k.pair())
	.collect();
	for i in 1..=5 {
		keys.push(sr25519::Pair::from_string(&format!("//Employee{i}"), None).expect("seed"));
	}
	keys
}

#[tokio::test(flavor = "multi_thread")]
async fn average_salary_on_a_dev_node() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	client.wait_for_block(1, Duration::from_secs(60)).await;

	// The five dev workers are registered at genesis.
	let workers: Vec<AccountId> = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve"]
		.iter()
		.map(|s| mpc::dev_worker_secret(s).0)
		.collect();
	for w in &workers {
		assert!(mpc::worker(&client, w).await.is_some(), "dev worker {w} registered");
	}

	// Fund five more employees from Ferdie, who is also the job's owner.
	let owner = Sr25519Keyring::Ferdie.pair();
	let providers = provider_keys();
	for p in &providers[5..] {
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: AccountId::from(p.public()).into(),
			value: 1_000 * UNIT,
		});
		client.submit_and_wait(&owner, call).await.expect("funded");
	}

	let owner_id = AccountId::from(owner.public());
	let before_owner = client.account(&owner_id).await;
	let mut before_workers = Vec::new();
	for w in &workers {
		before_workers.push(client.account(w).await);
	}
	let mut before_providers = Vec::new();
	for p in &providers {
		before_providers.push(client.account(&AccountId::from(p.public())).await);
	}

	// The owner creates the job: n = 5, t = 2, d = 1, cents, each salary proven to lie in
	// [0, 100,000.00] (a range proof, PROTOCOL.md section 12.3).
	let spec = pallet_mpc::JobSpec::<mpc_runtime::Runtime> {
		committee_size: 5,
		threshold: 2,
		dimension: 1,
		decimals: 2,
		input_window: 30,
		max_inputs: 10,
		min_inputs: 1,
		allowed_providers: None,
		metadata: b"average salary".to_vec().try_into().expect("short"),
		reward_per_worker: REWARD,
		input_rule: pallet_mpc::InputRule::Range(vec![(0, 10_000_000)].try_into().expect("d = 1")),
	};
	let created = client
		.submit_and_wait(&owner, RuntimeCall::Mpc(pallet_mpc::Call::create_job { spec }))
		.await
		.expect("job created");
	let job_id = 0;
	let mut fees: Balance = created.fee;
	let mut transactions = 1;

	// Ten employees submit their salaries (in cents).
	let salaries: Vec<i128> = vec![
		425_075, 510_000, 387_550, 602_025, 499_999, 310_000, 745_010, 555_555, 400_000, 480_080,
	];
	let mut provider_fees = Vec::new();
	for (k, (p, salary)) in providers.iter().zip(&salaries).enumerate() {
		let inclusion = mpc::submit_input(&client, p, job_id, &[*salary], 1_000 + k as u64)
			.await
			.unwrap_or_else(|e| panic!("input {k}: {e}"));
		provider_fees.push(inclusion.fee);
		fees += inclusion.fee;
		transactions += 1;
	}

	// The tenth input closes collecting; the workers do the rest.
	let closed = mpc::wait_for(&client, job_id, Duration::from_secs(60), |j| {
		j.timeline.inputs_closed.is_some()
	})
	.await;
	let closed_at = Instant::now();
	let done = mpc::wait_for(&client, job_id, Duration::from_secs(180), |j| {
		j.timeline.completed.is_some()
	})
	.await;
	let seconds = closed_at.elapsed().as_secs_f64();
	let result = mpc::result(&client, job_id).await.expect("a result");
	let sum: i128 = salaries.iter().sum();
	assert_eq!(result.sums.to_vec(), vec![Some(sum)]);
	assert_eq!(result.means.to_vec(), vec![Some(sum.div_euclid(10))]);
	assert_eq!(result.qualified_inputs, 10);
	assert_eq!(result.decimals, 2);

	// Anyone can re-verify the record with mpc-primitives.
	let record = mpc::record(&client, job_id).await.expect("a record");
	let shares: Vec<(ParticipantIndex, ResultShare)> = result
		.reconstructed_from
		.iter()
		.map(|i| {
			let (_, s) =
				record.result_shares.iter().find(|(j, _)| j == i).expect("share in record");
			(*i, ResultShare { values: s.sum_shares.to_vec(), blinding: s.blinding })
		})
		.collect();
	let output = verify_output(&record.shape, &record.aggregate, &shares).expect("record verifies");
	assert_eq!(output.values, result.output.to_vec());

	// Settlement and cleanup, then the money.
	let ended =
		mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| j.phase.has_ended()).await;
	client.wait_for_block(client.best_number().await + 2, Duration::from_secs(30)).await;
	// Shares that land after the `t + 1`-th (the job completed before all arrived) are paid
	// too, until the job settles: count the record's shares now.
	let settled = mpc::record(&client, job_id).await.expect("a record");
	let paid_workers = settled.result_shares.len() as u128;
	let after_owner = client.account(&owner_id).await;
	assert_eq!(
		after_owner.0 + after_owner.1,
		before_owner.0 + before_owner.1 - created.fee - paid_workers * REWARD,
		"owner: total moves by the fee and the rewards paid"
	);
	assert_eq!(after_owner.1 - before_owner.1, ended.deposit, "owner: the record deposit is held");
	for (w, before) in workers.iter().zip(&before_workers) {
		let after = client.account(w).await;
		let delivered =
			record.committee.iter().position(|m| &m.account == w).is_some_and(|i| {
				settled.result_shares.iter().any(|(j, _)| j.get() == i as u32 + 1)
			});
		let reward = if delivered { REWARD } else { 0 };
		assert_eq!(after.0, before.0 + reward, "worker {w}: paid its reward, refunded its fees");
	}
	for ((p, before), fee) in providers.iter().zip(&before_providers).zip(&provider_fees) {
		let after = client.account(&AccountId::from(p.public())).await;
		assert_eq!(after.0, before.0 - fee, "provider: deposit returned, only the fee spent");
		assert_eq!(after.1, before.1, "provider: nothing held");
	}

	// The figures, read back from the chain, agree with what the test sent and paid.
	let figures = mpc::figures(&client, job_id).await;
	assert_eq!(figures.inputs_closed, closed.timeline.inputs_closed.expect("closed"));
	assert_eq!(figures.outcome, done.timeline.completed.expect("completed"));
	assert_eq!((figures.client_transactions, figures.client_fees), (transactions, fees));
	assert!(figures.worker_transactions >= 3, "at least t + 1 result shares");
	assert_eq!(figures.worker_fees, 0, "valid shares and true complaints are refunded");
	println!(
		"average salary: {} inputs, mean {}.{:02}; {figures}; settled at block {} \
		 ({seconds:.1} s of wall-clock time from the window's end to the result)",
		result.qualified_inputs,
		sum.div_euclid(10) / 100,
		sum.div_euclid(10) % 100,
		ended.timeline.ended.unwrap_or_default(),
	);
	drop(node);
}
