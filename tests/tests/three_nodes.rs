//! Scenario 4: `--chain local` with Alice, Bob and Charlie, each the only worker on its node,
//! `t = 1`. After the inputs, one node is killed: the job completes from the other two (GRANDPA
//! stalls with one of three voters down; Aura goes on, and the job does not wait for
//! finality). The killed node restarts, catches up, and submits nothing conflicting.
//!
//! Scenario 5, on the same network: two of the three nodes go offline during a job, which
//! fails at its compute deadline and returns the escrow and the deposits.

use mpc_e2e::{mpc, Node};
use mpc_runtime::AccountId;
use sp_core::Pair;
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

const ALICE_NODE_KEY: &str = "0000000000000000000000000000000000000000000000000000000000000001";

#[tokio::test(flavor = "multi_thread")]
async fn a_three_node_network_completes_a_job_with_one_node_down() {
	// Alice authors even without peers (`--force-authoring`): in scenario 5 she is alone.
	let mut alice = Node::start(
		"alice",
		&["--chain", "local", "--alice", "--node-key", ALICE_NODE_KEY, "--force-authoring"],
	);
	let boot = alice.multiaddr(ALICE_NODE_KEY);
	// Validators need a persistent network key: fixed ones, distinct per node.
	let bob_key = ALICE_NODE_KEY.replace("01", "02");
	let charlie_key = ALICE_NODE_KEY.replace("01", "03");
	let mut bob = Node::start(
		"bob",
		&["--chain", "local", "--bob", "--node-key", &bob_key, "--bootnodes", &boot],
	);
	let mut charlie = Node::start(
		"charlie",
		&["--chain", "local", "--charlie", "--node-key", &charlie_key, "--bootnodes", &boot],
	);
	let client = alice.client(Duration::from_secs(180)).await;
	let bob_client = bob.client(Duration::from_secs(180)).await;
	let charlie_client = charlie.client(Duration::from_secs(180)).await;
	// All three produce and import blocks together, and GRANDPA finalizes.
	client.wait_for_block(4, Duration::from_secs(120)).await;
	bob_client.wait_for_block(4, Duration::from_secs(60)).await;
	charlie_client.wait_for_block(4, Duration::from_secs(60)).await;
	let start = std::time::Instant::now();
	while client.finalized_number().await < 2 {
		assert!(start.elapsed() < Duration::from_secs(90), "GRANDPA finalizes with all three");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}

	let owner = Sr25519Keyring::Ferdie.pair();
	let (job_id, _) = mpc::create_job(&client, &owner, mpc::spec(3, 1, 1, 3)).await.expect("job");
	let salaries = [300_000i128, 420_000, 510_000];
	let providers = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
	for (k, p) in providers.iter().enumerate() {
		mpc::submit_input(&client, &p.pair(), job_id, &[salaries[k]], k as u64)
			.await
			.expect("input");
	}
	// Inputs are in; one node goes down before anyone computes.
	charlie.kill();
	let finalized_at_kill = client.finalized_number().await;
	let job = mpc::wait_for(&client, job_id, Duration::from_secs(180), |j| {
		j.timeline.completed.is_some()
	})
	.await;
	let result = mpc::result(&client, job_id).await.expect("result");
	assert_eq!(result.sums.to_vec(), vec![Some(salaries.iter().sum())]);
	assert!(
		client.finalized_number().await <= finalized_at_kill + 2,
		"finality stalls with one of three voters down, yet the job completed"
	);
	let completed_at = job.timeline.completed.unwrap_or_default();

	// Charlie comes back, catches up, and its worker submits nothing conflicting.
	charlie.restart();
	let charlie_client = charlie.client(Duration::from_secs(180)).await;
	charlie_client.wait_for_block(client.best_number().await, Duration::from_secs(120)).await;
	let settled =
		mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| j.phase.has_ended()).await;
	for seed in ["//Alice", "//Bob", "//Charlie"] {
		let (account, _) = mpc::dev_worker_secret(seed);
		let info = mpc::worker(&client, &AccountId::from(account)).await.expect("registered");
		assert_eq!(info.faults, 0, "{seed}: no fault");
	}
	let figures = mpc::figures(&client, job_id).await;
	assert_eq!(figures.outcome, completed_at);
	assert_eq!(figures.client_transactions, 4, "create_job and three inputs");
	println!(
		"three nodes: result {:?} with one node down; {figures}; settled at {} with {} valid shares",
		result.sums,
		settled.timeline.ended.unwrap_or_default(),
		settled.valid_shares
	);

	// Scenario 5 on the same network: a job whose workers are two-thirds offline fails at its
	// compute deadline; the escrow returns to the owner, the deposits to the providers.
	let owner_id = AccountId::from(owner.public());
	let (job_id, created) =
		mpc::create_job(&client, &owner, mpc::spec(3, 1, 1, 2)).await.expect("job");
	let owner_before = client.account(&owner_id).await;
	let mut provider_before = Vec::new();
	let mut provider_fees = Vec::new();
	for (k, p) in providers[..2].iter().enumerate() {
		let who = AccountId::from(p.public());
		provider_before.push(client.account(&who).await);
		let inclusion =
			mpc::submit_input(&client, &p.pair(), job_id, &[salaries[k]], 10 + k as u64)
				.await
				.expect("input");
		provider_fees.push(inclusion.fee);
	}
	bob.kill();
	charlie.kill();
	let failed =
		mpc::wait_for(&client, job_id, Duration::from_secs(300), |j| j.phase.has_ended()).await;
	assert_eq!(
		failed.phase,
		mpc_runtime::pallet_mpc::JobPhase::Failed(
			mpc_runtime::pallet_mpc::FailureReason::NotEnoughResultShares
		)
	);
	assert!(mpc::result(&client, job_id).await.is_none());
	client.wait_for_block(client.best_number().await + 1, Duration::from_secs(60)).await;
	let owner_after = client.account(&owner_id).await;
	assert_eq!(
		owner_after.0,
		owner_before.0 + 3 * mpc_runtime::UNIT,
		"the whole escrow is back; the record deposit stays held"
	);
	for (k, p) in providers[..2].iter().enumerate() {
		let after = client.account(&AccountId::from(p.public())).await;
		assert_eq!(after.0, provider_before[k].0 - provider_fees[k], "deposit returned");
	}
	let figures = mpc::figures(&client, job_id).await;
	assert_eq!(figures.outcome, failed.timeline.ended.expect("ended"));
	assert_eq!(figures.client_transactions, 3, "create_job and two inputs");
	println!(
		"failed job: {:?} (created at block {}); {figures}; escrow and deposits returned",
		failed.phase, created.block
	);
	drop((alice, bob, charlie));
}
