//! Issue 13, finding 1, on real nodes: four authorities (Alice, Bob, Charlie, Dave, each the
//! only MPC worker on its node) split into two halves, X = {Alice, Bob} and Y = {Charlie,
//! Dave}, that build competing forks. On X a provider submits an input with one bad share; on
//! Y an honest provider submits its input at the same index. One node of the side the run
//! wants to lose stops (never the one whose worker the case is about) until the other side
//! leads by two blocks; then the network heals, the node comes back, and the longer fork wins.
//! Runs alternate between the two cases:
//! - even runs, Y wins: the bad share is Bob's, whose worker complained about the bad input on
//!   X; on the canonical chain the honest input sits at that index and Bob's worker must not
//!   complain about it (its old complaint is refused as another branch's, without a fault);
//! - odd runs, X wins: the bad share is Charlie's, whose worker checked the honest input on Y
//!   and moved its cursor past it; on the canonical chain the bad input sits at that index and
//!   Charlie's worker must check it again and complain.
//!
//! The losing side's input is usually included again after the heal (the pool resubmits
//! retracted transactions; else its provider sends it again) at the next index.
//!
//! Then the test asserts, on the canonical chain: no worker faulted and no complaint rejected,
//! every complaint names the bad input's `R` (so no `K_i` of the honest input is ever
//! published), every copy of the bad input is disqualified, and the job completes with the
//! honest value only. It runs twice (one run of each case); `MPC_FORK_RUNS=n` runs it `n`
//! times (`scripts/test --long`: 6).
//!
//! The network: `--chain` a local spec with Dave added as the fourth authority and worker,
//! libp2p (`system_removeReservedPeer` disconnects there, not with litep2p), reserved-only
//! peering changed at runtime through the unsafe RPC.

use codec::Decode;
use mpc_e2e::{events_of, mpc, Client, Node};
use mpc_runtime::{pallet_mpc, AccountId, RuntimeCall, RuntimeEvent, SubstrateExtrinsic};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

const SEEDS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
const HONEST: i128 = 50_000;
const BAD: i128 = 100_000_000;

fn node_key(i: usize) -> String {
	format!("{:064x}", i + 1)
}

/// `--chain local` with Dave as a fourth Aura and GRANDPA authority and a fourth registered
/// MPC worker (funded like the others).
fn four_authority_spec(dir: &Path) -> PathBuf {
	mpc_e2e::local_spec_with(dir, &[("Dave", true)])
}

/// What the canonical chain (as `client` sees it) holds of the job, blocks `from..=to`.
#[derive(Default, Debug)]
struct Canonical {
	/// `(index, provider)` of every accepted input.
	inputs: Vec<(u32, AccountId)>,
	/// Indices disqualified.
	disqualified: Vec<u32>,
	/// The `R` named by every complaint extrinsic, whatever its outcome.
	complaint_keys: Vec<[u8; 32]>,
	/// Complaints refused with an error (another branch's, or duplicates).
	refused_complaints: u32,
	/// `WorkerFaulted` and `ComplaintRejected` events.
	faults: u32,
}

async fn read_canonical(client: &Client, job_id: u64, from: u32, to: u32) -> Canonical {
	let mut seen = Canonical::default();
	for n in from..=to {
		let hash = client.block_hash(n).await.expect("a canonical block");
		let events = client.events(hash).await;
		for record in &events {
			match &record.event {
				RuntimeEvent::Mpc(pallet_mpc::Event::InputSubmitted {
					job_id: j,
					index,
					provider,
					..
				}) if *j == job_id => seen.inputs.push((*index, provider.clone())),
				RuntimeEvent::Mpc(pallet_mpc::Event::InputDisqualified {
					job_id: j,
					index,
					..
				}) if *j == job_id => seen.disqualified.push(*index),
				RuntimeEvent::Mpc(
					pallet_mpc::Event::WorkerFaulted { .. }
					| pallet_mpc::Event::ComplaintRejected { .. },
				) => seen.faults += 1,
				_ => {}
			}
		}
		for (index, raw) in client.extrinsics(hash).await.iter().enumerate() {
			let Ok(xt) = SubstrateExtrinsic::decode(&mut &raw[..]) else { continue };
			if let RuntimeCall::Mpc(pallet_mpc::Call::complain {
				job_id: j, ephemeral_key, ..
			}) = xt.function
			{
				if j != job_id {
					continue;
				}
				seen.complaint_keys.push(ephemeral_key);
				let failed = events_of(&events, index).iter().any(|e| {
					matches!(e, RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }))
				});
				seen.refused_complaints += u32::from(failed);
			}
		}
	}
	seen
}

/// Waits until every client has the same block at the lowest best height, and returns it.
async fn wait_for_agreement(clients: &[Client], timeout: Duration) -> u32 {
	let start = Instant::now();
	loop {
		let mut best = u32::MAX;
		for c in clients {
			best = best.min(c.best_number().await);
		}
		let at = best.saturating_sub(1);
		let mut hashes = Vec::new();
		for c in clients {
			hashes.push(c.block_hash(at).await);
		}
		if at > 0 && hashes.windows(2).all(|w| w[0] == w[1]) {
			return at;
		}
		assert!(start.elapsed() < timeout, "the nodes did not agree on a chain after the heal");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// One partition and heal; `x_to_win` chooses the case. Returns whether that side won (a block
/// crossing the heal can make the other side win; the checks hold either way).
async fn one_run(run: usize, x_to_win: bool) -> bool {
	let dir = std::env::temp_dir().join(format!("mpc-e2e-forks-{}-{run}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let spec = four_authority_spec(&dir);
	let spec = spec.to_str().expect("utf-8 path");
	let mut nodes: Vec<Node> = SEEDS
		.iter()
		.enumerate()
		.map(|(i, seed)| {
			Node::start(
				seed,
				&[
					"--chain",
					spec,
					&format!("--{seed}"),
					"--node-key",
					&node_key(i),
					"--force-authoring",
					"--network-backend",
					"libp2p",
					"--reserved-only",
					"--rpc-methods",
					"unsafe",
				],
			)
		})
		.collect();
	let addrs: Vec<String> =
		nodes.iter().enumerate().map(|(i, n)| n.multiaddr(&node_key(i))).collect();
	let peer = |i: usize| addrs[i].rsplit('/').next().expect("peer id").to_string();
	let mut clients = Vec::new();
	for node in nodes.iter_mut() {
		clients.push(node.client(Duration::from_secs(180)).await);
	}
	for (i, c) in clients.iter().enumerate() {
		for (j, addr) in addrs.iter().enumerate() {
			if i != j {
				c.add_reserved_peer(addr).await;
			}
		}
	}
	let alice = &clients[0];
	alice.wait_for_block(3, Duration::from_secs(120)).await;
	let start = Instant::now();
	while alice.finalized_number().await < 2 {
		assert!(start.elapsed() < Duration::from_secs(120), "GRANDPA finalizes with all four");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}

	// A job whose committee is all four workers.
	let owner = Sr25519Keyring::Ferdie.pair();
	let spec = pallet_mpc::JobSpec { input_window: 24, ..mpc::spec(4, 1, 1, 4) };
	let (job_id, created) = mpc::create_job(alice, &owner, spec).await.expect("job");
	for c in &clients {
		c.wait_for_block(created.block, Duration::from_secs(60)).await;
	}
	let committee = mpc::committee(alice, job_id).await;
	let index_of = |seed: &str| {
		let (account, _) = mpc::dev_worker_secret(seed);
		let k = committee.iter().position(|m| m.account == account).expect("in the committee");
		mpc_primitives::ParticipantIndex::new(k as u32 + 1).expect("index")
	};

	// The cheat's dealing: a bad share for Bob's worker (on X) when Y is to win, for
	// Charlie's (on Y) when X is to win.
	let target = if x_to_win { "//Charlie" } else { "//Bob" };
	let cheat = Sr25519Keyring::Eve.pair();
	let honest = Sr25519Keyring::Dave.pair();
	let genesis = mpc::genesis(alice).await;
	let keys: Vec<_> = committee.iter().map(|m| m.key).collect();
	let cheat_ctx = mpc_primitives::InputContext::new(
		genesis,
		job_id,
		*AccountId::from(cheat.public()).as_ref(),
	);
	let mut rng = <rand_chacha::ChaCha20Rng as rand_core::SeedableRng>::seed_from_u64(run as u64);
	let mut bad = mpc_primitives::deal(&cheat_ctx, &keys, 1, &[BAD], &mut rng).expect("deal");
	let (_, secret) = mpc::dev_worker_secret(target);
	mpc_primitives::testing::corrupt_share(
		&secret,
		&cheat_ctx,
		index_of(target),
		&mut bad,
		1,
		mpc_primitives::Scalar::ONE,
	);
	let bad_r = bad.ephemeral_key;

	// Partition: {Alice, Bob} | {Charlie, Dave}.
	let (x, y) = ([0usize, 1], [2usize, 3]);
	for i in x {
		for j in y {
			clients[i].remove_reserved_peer(&peer(j)).await;
			clients[j].remove_reserved_peer(&peer(i)).await;
		}
	}
	let start = Instant::now();
	for c in &clients {
		while c.peers().await != 1 {
			assert!(start.elapsed() < Duration::from_secs(60), "the partition did not take");
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}
	// Side X gets the bad input at index 0, side Y the honest one.
	let on_x = mpc::submit_dealt(&clients[0], &cheat, job_id, bad.clone()).await.expect("bad in");
	let on_y = mpc::submit_input(&clients[2], &honest, job_id, &[HONEST], 1_000 + run as u64)
		.await
		.expect("honest in");
	// When Y is to win, Bob's worker complains on X. Both sides' workers check their input.
	let start = Instant::now();
	loop {
		let seen_x = mpc::job(&clients[0], job_id).await.expect("job on X");
		let complained = x_to_win || seen_x.qualified_count == 0;
		if seen_x.input_count == 1 && complained {
			break;
		}
		assert!(start.elapsed() < Duration::from_secs(120), "no complaint on side X");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let (x_at, y_at) = (clients[0].best_number().await, clients[2].best_number().await);
	clients[0].wait_for_block(x_at + 2, Duration::from_secs(60)).await;
	clients[2].wait_for_block(y_at + 2, Duration::from_secs(60)).await;
	// Charlie's worker checked the honest input on Y: its cursor is past index 0.
	let checked = format!("job {job_id}: checked 1 inputs (0 bad)");
	let start = Instant::now();
	while !nodes[2].log_tail(5_000).contains(&checked) {
		assert!(start.elapsed() < Duration::from_secs(60), "Charlie's worker did not check");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	// The side to win gets ahead: one node of the other side (not the one whose worker the
	// case is about) stops, so that side authors in half its slots, until the side to win
	// leads by two blocks. Then the network heals and the stopped node comes back.
	let (stopped, winner, loser) = if x_to_win { (3, 0, 2) } else { (0, 2, 1) };
	nodes[stopped].kill();
	let start = Instant::now();
	let (x_best, y_best) = loop {
		let (w, l) = (clients[winner].best_number().await, clients[loser].best_number().await);
		if w >= l + 2 {
			break (clients[1].best_number().await, clients[2].best_number().await);
		}
		assert!(start.elapsed() < Duration::from_secs(120), "the side to win never led");
		tokio::time::sleep(Duration::from_millis(200)).await;
	};
	for i in x {
		for j in y {
			if i != stopped && j != stopped {
				clients[i].add_reserved_peer(&addrs[j]).await;
				clients[j].add_reserved_peer(&addrs[i]).await;
			}
		}
	}
	nodes[stopped].restart();
	clients[stopped] = nodes[stopped].client(Duration::from_secs(180)).await;
	for (j, addr) in addrs.iter().enumerate() {
		if j != stopped {
			clients[stopped].add_reserved_peer(addr).await;
			clients[j].add_reserved_peer(&addrs[stopped]).await;
		}
	}
	let agreed = wait_for_agreement(&clients, Duration::from_secs(180)).await;
	// Charlie's node never stops: it reads the canonical chain from here on.
	let alice = &clients[2];
	let first = read_canonical(alice, job_id, created.block, agreed).await.inputs.first().cloned();
	let x_won = first.is_some_and(|(_, p)| p == AccountId::from(cheat.public()));
	println!(
		"run {run}: partition: X at #{x_best} (bad input in #{}), Y at #{y_best} (honest in #{}), \
		 {} stopped; \
		 healed, agreed at #{agreed}; input 0 on the canonical chain is the {} one; bad share \
		 for {target}'s worker",
		on_x.block,
		on_y.block,
		SEEDS[stopped],
		if x_won { "bad" } else { "honest" },
	);
	if x_won != x_to_win {
		println!("run {run}: the other side won; checked all the same, and tried again");
	}

	// A provider whose input is not on the canonical chain sends it again (the pool usually
	// re-includes retracted transactions itself; a copy that lands second is refused).
	alice.wait_for_block(agreed + 3, Duration::from_secs(60)).await;
	let now = read_canonical(alice, job_id, created.block, alice.best_number().await).await;
	let has =
		|who: &sr25519::Pair| now.inputs.iter().any(|(_, p)| *p == AccountId::from(who.public()));
	if !has(&cheat) {
		let _ = mpc::submit_dealt(alice, &cheat, job_id, bad.clone()).await;
	}
	if !has(&honest) {
		let _ = mpc::submit_input(alice, &honest, job_id, &[HONEST], 2_000 + run as u64).await;
	}

	// The job completes on the canonical chain.
	let done = mpc::wait_for(alice, job_id, Duration::from_secs(400), |j| {
		j.phase.has_result() || j.phase.has_ended()
	})
	.await;
	assert!(done.phase.has_result(), "the job completed: {:?}", done.phase);
	let result = mpc::result(alice, job_id).await.expect("a result");
	assert_eq!(result.sums.to_vec(), vec![Some(HONEST)], "only the honest input counts");
	let last = done.timeline.completed.expect("completed");
	let seen = read_canonical(alice, job_id, created.block, last).await;
	assert_eq!(seen.faults, 0, "no worker faulted, no complaint rejected: {seen:?}");
	assert!(
		seen.complaint_keys.iter().all(|r| *r == bad_r),
		"every complaint names the bad input: no K_i of the honest input published: {seen:?}"
	);
	let cheat_id = AccountId::from(cheat.public());
	for (index, _) in seen.inputs.iter().filter(|(_, p)| *p == cheat_id) {
		assert!(seen.disqualified.contains(index), "bad input {index} disqualified: {seen:?}");
	}
	assert!(
		seen.inputs.iter().any(|(_, p)| *p == AccountId::from(honest.public())),
		"the honest input is on the canonical chain"
	);
	for seed in ["//Alice", "//Bob", "//Charlie", "//Dave"] {
		let (account, _) = mpc::dev_worker_secret(seed);
		let info = mpc::worker(alice, &account).await.expect("registered");
		assert_eq!(info.faults, 0, "{seed}: no fault");
	}
	println!(
		"run {run}: job {job_id} completed at #{last}: {} inputs on the canonical chain, {:?} \
		 disqualified, {} complaints ({} refused as another branch's or late), no fault",
		seen.inputs.len(),
		seen.disqualified,
		seen.complaint_keys.len(),
		seen.refused_complaints,
	);
	drop(clients);
	nodes.clear();
	let _ = std::fs::remove_dir_all(&dir);
	x_won == x_to_win
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partitioned_network_never_costs_an_honest_party() {
	let runs: usize = std::env::var("MPC_FORK_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(2);
	// Cases alternate: the honest side wins, then the bad side. A run where the other side
	// won is checked all the same, and its case is tried again (three times at most).
	let mut attempt = 0;
	for run in 0..runs {
		let x_to_win = run % 2 == 1;
		let mut tries = 0;
		while !one_run(attempt, x_to_win).await {
			attempt += 1;
			tries += 1;
			assert!(tries < 3, "the {} side never won", if x_to_win { "bad" } else { "honest" });
		}
		attempt += 1;
	}
}
