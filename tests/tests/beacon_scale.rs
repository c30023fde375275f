//! Issue 14's figures on real nodes: the beacon's DKG and a requested round with a committee
//! of `n_B` members (`docs/PERFORMANCE.md`).
//!
//! Long: it runs only with `MPC_BEACON_SCALE` set to the sizes to measure, e.g.
//! `MPC_BEACON_SCALE=16,32` (`scripts/test --long` sets it). For each size, `--chain local` with
//! workers `W04..` added to Alice, Bob and Charlie, so that the pool, and the genesis beacon
//! committee, has `n_B` members. Alice, Bob and Charlie author and run their workers; Alice's
//! node also holds the added workers' keys (put in its keystore over RPC before block 1), so
//! one node runs `n_B - 2` members' offchain work. The test measures, from block timestamps:
//! the blocks and seconds from the DKG's start to its key, then from a paid round request to
//! that round's output, and asserts that every member dealt and the round verifies.

use mpc_e2e::Client;
use mpc_runtime::{pallet_mpc, MpcBeaconKey, RuntimeCall, RuntimeEvent};
use sp_keyring::Sr25519Keyring;
use std::time::{Duration, Instant};

/// The first block in `from..` whose events `pick` finds something in, and what it found.
async fn wait_event<R>(
	client: &Client,
	from: u32,
	timeout: Duration,
	pick: impl Fn(&pallet_mpc::Event<mpc_runtime::Runtime>) -> Option<R>,
) -> (u32, R) {
	let start = Instant::now();
	let mut next = from;
	loop {
		let best = client.best_number().await;
		while next <= best {
			let hash = client.block_hash(next).await.expect("a block on the best chain");
			for record in client.events(hash).await {
				if let RuntimeEvent::Mpc(e) = &record.event {
					if let Some(found) = pick(e) {
						return (next, found);
					}
				}
			}
			next += 1;
		}
		assert!(start.elapsed() < timeout, "no such event within {timeout:?} (best {best})");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

async fn measure(n_b: usize) {
	let (nodes, client, dir) = mpc_e2e::scale_network("scale", n_b).await;

	// The genesis DKG: started in block 1 with the whole pool, its key some blocks later.
	let (started, (epoch, members)) =
		wait_event(&client, 1, Duration::from_secs(120), |e| match e {
			pallet_mpc::Event::BeaconDkgStarted { epoch, members, .. } => {
				Some((*epoch, members.len()))
			}
			_ => None,
		})
		.await;
	assert_eq!(members, n_b, "the whole pool is the beacon committee");
	let (activated, qualified) =
		wait_event(&client, started, Duration::from_secs(300), |e| match e {
			pallet_mpc::Event::BeaconKeyActivated { epoch: e, qualified, .. } if *e == epoch => {
				Some(*qualified)
			}
			pallet_mpc::Event::BeaconDkgFailed { epoch: e, dealings } if *e == epoch => {
				panic!("the DKG of {n_b} failed with {dealings} dealings")
			}
			_ => None,
		})
		.await;
	assert_eq!(qualified as usize, n_b, "every member dealt and every dealing qualified");
	let key: Option<MpcBeaconKey> = client.runtime_api("MpcBeaconApi_key", epoch).await;
	let key = key.expect("the key is stored");
	assert_eq!(key.committee.len(), n_b);
	let dkg_seconds = client.seconds_between(started, activated).await;

	// A paid request: the next round, opened in a later block, and its output.
	let requester = Sr25519Keyring::Ferdie.pair();
	let request = client
		.submit_and_wait(&requester, RuntimeCall::Mpc(pallet_mpc::Call::request_round {}))
		.await
		.expect("the request is taken");
	let round = request
		.events
		.iter()
		.find_map(|e| match e {
			RuntimeEvent::Mpc(pallet_mpc::Event::BeaconRoundRequested { round, .. }) => {
				Some(*round)
			}
			_ => None,
		})
		.expect("a BeaconRoundRequested event");
	let (completed, ()) =
		wait_event(&client, request.block, Duration::from_secs(120), |e| match e {
			pallet_mpc::Event::BeaconRoundCompleted { round: r, .. } if *r == round => Some(()),
			_ => None,
		})
		.await;
	let round_seconds = client.seconds_between(request.block, completed).await;
	let t_b = (n_b - 1) / 2;
	println!(
		"beacon scale: n_B = {n_b}, t_B = {t_b}: DKG from block {started} to key in block \
		 {activated} ({} blocks, {dkg_seconds:.0} s), all {qualified} dealings qualified; round \
		 {round} requested in block {} completed in block {completed} ({} blocks, \
		 {round_seconds:.0} s)",
		activated - started,
		request.block,
		completed - request.block,
	);
	drop(nodes);
	let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_beacon_dkg_and_a_requested_round_at_scale() {
	let Ok(sizes) = std::env::var("MPC_BEACON_SCALE") else {
		eprintln!(
			"skipped: set MPC_BEACON_SCALE (e.g. 16,32) to measure; scripts/test --long does"
		);
		return;
	};
	for size in sizes.split(',').map(|s| s.trim()).filter(|s| !s.is_empty()) {
		let n_b: usize = size.parse().expect("MPC_BEACON_SCALE: sizes like 16,32");
		assert!((4..=32).contains(&n_b), "n_B from 4 to the dev runtime's 32");
		measure(n_b).await;
	}
}
