//! A threshold key on a 5-node network (PROTOCOL.md section 14): `--chain local` with Alice,
//! Bob and Charlie authoring and Dave and Eve added as workers, each node running its own
//! worker. The committee (all five, t = 2) makes a key and signs with every node up; with Dave
//! and Eve stopped (2 down) it still signs; with Charlie stopped too (3 down) a request waits
//! and is signed once Charlie is back. Meanwhile "Eve" (this test, holding Eve's public dev
//! key) commits and posts a bad signature share: the chain rejects it, Eve is faulted and left
//! out of the request, and the honest members sign without her.

use mpc_e2e::{keys, mpc, Client, Node};
use mpc_primitives::frost::{nonce_commitment, nonces_from_bytes};
use mpc_runtime::{
	pallet_mpc::{self, KeyStatus, SignState},
	AccountId, Runtime, RuntimeCall, RuntimeEvent,
};
use rand_core::{RngCore, SeedableRng};
use sp_core::{ed25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::time::{Duration, Instant};

/// A random canonical scalar (below `2^252 < l`).
fn scalar(rng: &mut impl RngCore) -> [u8; 32] {
	let mut bytes = [0u8; 32];
	rng.fill_bytes(&mut bytes);
	bytes[31] &= 0x0f;
	bytes
}

/// Waits until `check` holds for request `id`; returns the request then.
async fn wait_request(
	client: &Client,
	id: u64,
	timeout: Duration,
	check: impl Fn(&pallet_mpc::SignRequest<Runtime>) -> bool,
) -> pallet_mpc::SignRequest<Runtime> {
	let start = Instant::now();
	loop {
		if let Some(r) = keys::request(client, id).await {
			if check(&r) {
				return r;
			}
		}
		assert!(start.elapsed() < timeout, "request {id}: condition not reached in time");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_signs_with_two_nodes_down_waits_with_three_and_survives_a_bad_share() {
	let dir = std::env::temp_dir().join(format!("mpc-e2e-keys-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("dir");
	let spec = mpc_e2e::local_spec_with(&dir, &[("Dave", false), ("Eve", false)]);
	let spec = spec.to_str().expect("path");
	let mut nodes = Node::start_network(
		spec,
		&["alice", "bob", "charlie", "dave", "eve"],
		&["--force-authoring"],
	);
	let client = nodes[0].client(Duration::from_secs(180)).await;
	for node in nodes.iter_mut().skip(1) {
		node.client(Duration::from_secs(180))
			.await
			.wait_for_block(2, Duration::from_secs(120))
			.await;
	}
	let owner = Sr25519Keyring::Ferdie.pair();

	// All five up: the key, and a signature.
	let (id, requested) = keys::create(&client, &owner, 5, 2).await;
	let y = keys::wait_active(&client, id, Duration::from_secs(240)).await;
	let key = keys::key(&client, id).await.expect("key");
	let KeyStatus::Active { members, activated, .. } = key.status else { panic!("active") };
	assert_eq!(members.len(), 5, "every member took part");
	println!("5 nodes: key made {} blocks after the request", activated - requested);
	let (r, _) = keys::ask(&client, &owner, id, b"all five up".to_vec()).await;
	let (sig, _) = keys::wait_signed(&client, r, Duration::from_secs(120)).await;
	assert!(keys::verifies(&y, b"all five up", &sig));

	// Dave and Eve stop: t + 1 = 3 members are left, and they sign.
	nodes[3].kill();
	nodes[4].kill();
	let (r, asked) = keys::ask(&client, &owner, id, b"two nodes down".to_vec()).await;
	let (sig, at) = keys::wait_signed(&client, r, Duration::from_secs(120)).await;
	assert!(keys::verifies(&y, b"two nodes down", &sig));
	println!("2 nodes down: signed {} blocks after the request", at - asked.block);

	// Charlie stops too. "Eve" (this test) commits: with Alice and Bob she fixes the signers,
	// then posts a bad share.
	nodes[2].kill();
	let eve = ed25519::Pair::from_string("//Eve", None).expect("seed");
	let eve_account = AccountId::from(eve.public());
	let eve_index = members.iter().position(|m| m.account == eve_account).expect("Eve sits") + 1;
	let eve_before = mpc::worker(&client, &eve_account).await.expect("registered");
	let (r, asked) = keys::ask(&client, &owner, id, b"three nodes down".to_vec()).await;
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
	let mut nonces = [0u8; 64];
	nonces[..32].copy_from_slice(&scalar(&mut rng));
	nonces[32..].copy_from_slice(&scalar(&mut rng));
	let commitment =
		nonce_commitment(&nonces_from_bytes(&nonces).expect("nonces")).expect("commitment");
	let call = RuntimeCall::Mpc(pallet_mpc::Call::submit_sign_commitment {
		request: r,
		attempt: 0,
		commitment,
	});
	let from = client.best_number().await;
	let xt = client.submit_ed25519(&eve, call).await;
	client.wait_for_inclusion(&xt, from, Duration::from_secs(60)).await.expect("Eve commits");
	let fixed = wait_request(&client, r, Duration::from_secs(60), |q| q.fixed.is_some()).await;
	assert!(
		fixed.commitments.iter().any(|(i, _)| i.get() as usize == eve_index),
		"with three members up, Eve is a signer"
	);
	// The share names this branch's signing package (or it would be refused, not judged).
	let package_digest = mpc_primitives::frost::package_digest(
		&mpc::genesis(&client).await,
		id,
		r,
		0,
		&fixed.message,
		&fixed.commitments,
	);
	let call = RuntimeCall::Mpc(pallet_mpc::Call::submit_sign_share {
		request: r,
		attempt: 0,
		package_digest,
		share: scalar(&mut rng),
	});
	let from = client.best_number().await;
	let xt = client.submit_ed25519(&eve, call).await;
	let bad = client.wait_for_inclusion(&xt, from, Duration::from_secs(60)).await.expect("taken");
	assert!(bad.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::Mpc(pallet_mpc::Event::SignatureShareRejected { request, .. }) if *request == r
	)));
	assert!(bad.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::Mpc(pallet_mpc::Event::KeyMemberFaulted { worker, .. }) if *worker == eve_account
	)));
	let eve_after = mpc::worker(&client, &eve_account).await.expect("registered");
	assert_eq!(eve_after.faults, eve_before.faults + 1);
	assert!(eve_after.bond < eve_before.bond, "the penalty came from Eve's bond");

	// Attempt 1 without Eve: only Alice and Bob are up, so it waits.
	let waiting = keys::request(&client, r).await.expect("request");
	assert_eq!(waiting.attempt, 1);
	assert!(waiting.excluded.iter().any(|i| i.get() as usize == eve_index));
	let now = client.best_number().await;
	client.wait_for_block(now + 5, Duration::from_secs(120)).await;
	let still = keys::request(&client, r).await.expect("request");
	assert_eq!(still.state, SignState::Open, "two members cannot sign");
	assert!(still.fixed.is_none());

	// Charlie comes back: the request is signed.
	nodes[2].restart();
	let (sig, at) = keys::wait_signed(&client, r, Duration::from_secs(240)).await;
	assert!(keys::verifies(&y, b"three nodes down", &sig));
	println!(
		"3 nodes down and a bad share: waited, signed {} blocks after the request once Charlie was back",
		at - asked.block
	);
	// Nobody else was faulted.
	for seed in ["//Alice", "//Bob", "//Charlie", "//Dave"] {
		let (account, _) = mpc::dev_worker_secret(seed);
		let info = mpc::worker(&client, &account).await.expect("registered");
		assert_eq!(info.faults, 0, "{seed}: no fault");
	}
	drop(nodes);
	let _ = std::fs::remove_dir_all(&dir);
}
