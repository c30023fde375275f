//! Issue 17's figures on real nodes: a threshold key's DKG and one signature with a committee
//! of `n` members (`docs/PERFORMANCE.md`).
//!
//! Long: it runs only with `MPC_KEY_SCALE` set to the sizes to measure, e.g. `MPC_KEY_SCALE=16`
//! (`scripts/test --long` sets it). For each size, `--chain local` with workers `W04..` added to
//! Alice, Bob and Charlie, so that the pool has exactly `n` workers and the key's committee is
//! the pool (no draw). Alice's node also holds the added workers' keys (put in its keystore
//! over RPC before block 1), so one node runs `n - 2` members' offchain work. The test
//! measures, from block timestamps, the blocks and seconds from the request to the key, and from
//! a signing request to its signature, with `t = floor((n - 1) / 2)`.

use mpc_e2e::keys;
use mpc_runtime::pallet_mpc::KeyStatus;
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

async fn measure(n: usize) {
	let (nodes, client, dir) = mpc_e2e::scale_network("key-scale", n).await;
	client.wait_for_block(2, Duration::from_secs(120)).await;

	let owner = Sr25519Keyring::Ferdie.pair();
	let t = (n as u32 - 1) / 2;
	let (id, requested) = keys::create(&client, &owner, n as u32, t).await;
	let y = keys::wait_active(&client, id, Duration::from_secs(300)).await;
	let key = keys::key(&client, id).await.expect("key");
	let KeyStatus::Active { members, activated, .. } = key.status else { panic!("active") };
	assert_eq!(members.len(), n, "every member took part");
	let dkg_seconds = client.seconds_between(requested, activated).await;

	let message = b"a threshold signature at scale".to_vec();
	let (request, asked) = keys::ask(&client, &owner, id, message.clone()).await;
	let (signature, signed) = keys::wait_signed(&client, request, Duration::from_secs(120)).await;
	assert!(keys::verifies(&y, &message, &signature));
	let sign_seconds = client.seconds_between(asked.block, signed).await;
	println!(
		"key scale: n = {n}, t = {t}: requested in block {requested}, key in block {activated} \
		 ({} blocks, {dkg_seconds:.0} s); signature requested in block {}, signed in block \
		 {signed} ({} blocks, {sign_seconds:.0} s)",
		activated - requested,
		asked.block,
		signed - asked.block,
	);
	drop(nodes);
	let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_threshold_key_and_a_signature_at_scale() {
	let Ok(sizes) = std::env::var("MPC_KEY_SCALE") else {
		eprintln!("skipped: set MPC_KEY_SCALE (e.g. 16) to measure; scripts/test --long does");
		return;
	};
	for size in sizes.split(',').map(|s| s.trim()).filter(|s| !s.is_empty()) {
		let n: usize = size.parse().expect("MPC_KEY_SCALE: sizes like 16");
		assert!((4..=16).contains(&n), "n from 4 to the dev runtime's MaxKeyCommittee (16)");
		measure(n).await;
	}
}
