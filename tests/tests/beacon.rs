//! Issue 14 on real nodes: the committee key and the randomness beacon (PROTOCOL.md section 11).
//!
//! `--chain local` with Dave and Eve added as MPC workers (not authorities): Alice, Bob and
//! Charlie author and each runs its worker; Dave's node runs his worker; nobody runs Eve's (the
//! test signs as her). The beacon committee is the five of them, `t_B = 2`.
//! 1. The DKG from genesis gives a key and rounds; each round re-verifies from the chain alone.
//!    A job of 3 is drawn from the five with a round's output (section 11.7) and completes.
//! 2. A bad dealer is excluded: a worker the test controls (Ferdie's account, registered here)
//!    joins the pool, Eve leaves, which brings a new DKG; the test deals as Ferdie with a bad
//!    share for Alice; Alice's worker complains, Ferdie is disqualified, nobody honest is
//!    faulted, and the key is made of the other dealings.
//! 3. Liveness: with Dave's node down (two of five members, Ferdie and Dave, silent: `t_B`)
//!    rounds go on; with Charlie's down too (`t_B + 1`) the open round waits and no round is
//!    skipped; when both come back it completes and the next ones follow, numbered in order.

use mpc_e2e::{mpc, Client, Node};
use mpc_primitives::{
	testing::corrupt_key_share, verify_round, CommitteeShape, DealerContext, EpochContext,
	GroupKey, Point, RoundContext, RoundShare, Scalar, WorkerSecret,
};
use mpc_runtime::{pallet_mpc, AccountId, MpcBeaconKey, MpcBeaconRound, RuntimeCall, RuntimeEvent};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_core::{ed25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

/// `--chain local` with Dave and Eve as MPC workers (funded like the others), not authorities.
fn five_worker_spec(dir: &Path) -> PathBuf {
	mpc_e2e::local_spec_with(dir, &[("Dave", false), ("Eve", false)])
}

async fn round(client: &Client, r: u64) -> Option<MpcBeaconRound> {
	client.runtime_api("MpcBeaconApi_round", r).await
}

async fn key(client: &Client, epoch: u64) -> Option<MpcBeaconKey> {
	client.runtime_api("MpcBeaconApi_key", epoch).await
}

async fn latest(client: &Client) -> Option<u64> {
	client.runtime_api("MpcBeaconApi_latest_round", ()).await
}

/// Re-verifies round `r` from what the chain stores: its shares against its epoch's key.
async fn verify(client: &Client, genesis: [u8; 32], r: u64) -> [u8; 32] {
	let stored = round(client, r).await.unwrap_or_else(|| panic!("round {r} stored"));
	let (output, _) = stored.output.unwrap_or_else(|| panic!("round {r} complete"));
	let key = key(client, stored.epoch).await.expect("its key");
	let shape = CommitteeShape::new(key.committee.len() as u32).expect("shape");
	let group = GroupKey::from_commitments(
		shape,
		key.commitments.iter().map(|a| Point::from_bytes(a).expect("point")).collect(),
	)
	.expect("a group key");
	let shares: Vec<_> = stored
		.shares
		.iter()
		.map(|s| (s.index, RoundShare { point: s.point, proof: s.proof }))
		.collect();
	let ctx = RoundContext {
		epoch: EpochContext { genesis, epoch: stored.epoch },
		round: r,
		seed: stored.seed,
	};
	let verified = verify_round(&ctx, &group, &shares)
		.unwrap_or_else(|e| panic!("round {r} does not verify: {e:?} ({} shares)", shares.len()));
	assert_eq!(verified.value, output, "round {r}: the stored output is the shares' output");
	output
}

/// Waits until round `r` completed.
async fn wait_round(client: &Client, r: u64, timeout: Duration) {
	let start = Instant::now();
	loop {
		if latest(client).await.is_some_and(|l| l >= r) {
			return;
		}
		assert!(start.elapsed() < timeout, "round {r} did not complete in {timeout:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// The beacon events in blocks `from..=to`.
async fn beacon_events(
	client: &Client,
	from: u32,
	to: u32,
) -> Vec<pallet_mpc::Event<mpc_runtime::Runtime>> {
	let mut out = Vec::new();
	for n in from..=to {
		let Some(hash) = client.block_hash(n).await else { continue };
		for record in client.events(hash).await {
			if let RuntimeEvent::Mpc(e) = record.event {
				out.push(e);
			}
		}
	}
	out
}

/// Creates a job of `n = 3` from the five workers: it waits in `Drawing`, is drawn with its
/// round's output exactly as PROTOCOL.md section 11.6 says, and completes with the exact sum.
async fn drawn_job_runs(client: &Client, genesis: [u8; 32]) {
	let owner = Sr25519Keyring::Bob.pair();
	let (id, created) = mpc::create_job(client, &owner, mpc::spec(3, 1, 1, 2)).await.expect("job");
	let at = client.block_hash(created.block).await.expect("creation block");
	let drawing: pallet_mpc::Drawing<mpc_runtime::Runtime> = {
		let key = pallet_mpc::Drawings::<mpc_runtime::Runtime>::hashed_key_for(id);
		let raw = client.storage_raw(&key, Some(at)).await.expect("the job waits for a draw");
		codec::Decode::decode(&mut &raw[..]).expect("a drawing")
	};
	assert_eq!(drawing.candidates.len(), 5, "the whole pool are candidates");
	assert!(created.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::Mpc(pallet_mpc::Event::JobCreated { job_id, draw_round: Some(r), .. })
			if *job_id == id && *r == drawing.round
	)));
	let job = mpc::wait_for(client, id, Duration::from_secs(90), |j| {
		j.phase != pallet_mpc::JobPhase::Drawing
	})
	.await;
	assert_eq!(job.phase, pallet_mpc::JobPhase::Collecting);
	let rho = verify(client, genesis, drawing.round).await;
	let seed = mpc_primitives::committee_seed(&rho, id);
	let expected: Vec<AccountId> = mpc_primitives::draw_committee(&seed, 5, 3, |_| true)
		.into_iter()
		.map(|c| drawing.candidates[c].clone())
		.collect();
	let committee: Vec<AccountId> =
		mpc::committee(client, id).await.into_iter().map(|m| m.account).collect();
	assert_eq!(committee, expected, "the committee section 11.6 draws");
	let drawn = job.timeline.drawn.expect("drawn");
	assert!(drawn > created.block, "drawn in a later block than the creation");
	println!(
		"committee draw: job {id} created in block {}, draw round {}, drawn in block {drawn} \
		 ({} blocks)",
		created.block,
		drawing.round,
		drawn - created.block
	);
	for (seed, provider) in [(1u64, Sr25519Keyring::Charlie), (2, Sr25519Keyring::Dave)] {
		mpc::submit_input(client, &provider.pair(), id, &[20 + seed as i128], seed)
			.await
			.expect("input accepted");
	}
	// Until the job settles, its committee's seats are taken (Eve, drawn or not, leaves next).
	let done = mpc::wait_for(client, id, Duration::from_secs(150), |j| j.phase.has_ended()).await;
	assert_eq!(done.phase, pallet_mpc::JobPhase::Settled, "the drawn committee completed the job");
	let result = mpc::result(client, id).await.expect("a result");
	assert_eq!(result.sums.to_vec(), vec![Some(43)]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_beacon_survives_a_bad_dealer_and_t_members_down_and_never_skips_a_round() {
	let dir = std::env::temp_dir().join(format!("mpc-e2e-beacon-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("dir");
	let spec = five_worker_spec(&dir);
	let spec = spec.to_str().expect("path");
	let mut nodes =
		Node::start_network(spec, &["alice", "bob", "charlie", "dave"], &["--force-authoring"]);
	let client = nodes[0].client(Duration::from_secs(180)).await;
	let genesis = mpc::genesis(&client).await;

	// 1. The genesis DKG and its rounds.
	wait_round(&client, 1, Duration::from_secs(150)).await;
	let first = round(&client, 0).await.expect("round 0");
	let epoch0 = first.epoch;
	let key0 = key(&client, epoch0).await.expect("key 0");
	assert_eq!(key0.committee.len(), 5);
	assert!(key0.qualified.len() >= 3, "Eve never deals; the four others do");
	let o0 = verify(&client, genesis, 0).await;
	let o1 = verify(&client, genesis, 1).await;
	assert_ne!(o0, o1);

	// A job of 3 from the pool of 5 is drawn with a round nobody knew at its creation, from
	// the pool of that moment, and then runs with its drawn committee.
	drawn_job_runs(&client, genesis).await;

	// 2. Ferdie joins as a worker the test controls; Eve leaves: a new DKG with Ferdie in it.
	let ferdie = Sr25519Keyring::Ferdie.pair();
	let ferdie_account = AccountId::from(ferdie.public());
	let ferdie_secret = WorkerSecret::random(&mut ChaCha20Rng::seed_from_u64(6));
	let ferdie_bytes: [u8; 32] = *AsRef::<[u8; 32]>::as_ref(&ferdie_account);
	let proof =
		ferdie_secret.prove_possession(&genesis, &ferdie_bytes, &mut ChaCha20Rng::seed_from_u64(7));
	client
		.submit_and_wait(
			&ferdie,
			RuntimeCall::Mpc(pallet_mpc::Call::register_worker {
				key: ferdie_secret.public_key().to_bytes(),
				proof: proof.to_bytes(),
			}),
		)
		.await
		.expect("Ferdie registers");
	let eve = ed25519::Pair::from_string("//Eve", None).expect("seed");
	let from = client.best_number().await;
	let xt =
		client.submit_ed25519(&eve, RuntimeCall::Mpc(pallet_mpc::Call::deregister_worker {})).await;
	client.wait_for_inclusion(&xt, from, Duration::from_secs(60)).await.expect("Eve leaves");
	// The next DKG's committee: Alice, Bob, Charlie, Dave, Ferdie.
	let start = Instant::now();
	let dkg = loop {
		let now = client.best_number().await;
		let started = beacon_events(&client, from, now).await.into_iter().find_map(|e| match e {
			pallet_mpc::Event::BeaconDkgStarted { epoch, members, deals_until, .. } => {
				Some((epoch, members, deals_until))
			}
			_ => None,
		});
		if let Some(found) = started {
			break found;
		}
		assert!(start.elapsed() < Duration::from_secs(60), "a new DKG starts after Eve left");
		tokio::time::sleep(Duration::from_millis(300)).await;
	};
	let (epoch1, members, deals_until) = dkg;
	let ferdie_index = members.iter().position(|m| *m == ferdie_account).expect("Ferdie in it") + 1;
	let alice_worker = mpc::dev_worker_secret("//Alice");
	let alice_index = members.iter().position(|m| *m == alice_worker.0).expect("Alice in it") + 1;
	assert_eq!(members.len(), 5);
	// Ferdie deals, with a bad share for Alice.
	let member_keys: Vec<_> = {
		let mut keys = Vec::new();
		for m in &members {
			if *m == ferdie_account {
				keys.push(*ferdie_secret.public_key());
			} else {
				keys.push(mpc::worker(&client, m).await.expect("a worker").key);
			}
		}
		keys
	};
	let ctx = DealerContext {
		epoch: EpochContext { genesis, epoch: epoch1 },
		dealer: mpc_primitives::ParticipantIndex::new(ferdie_index as u32).expect("index"),
	};
	let mut dealing = mpc_primitives::deal_key(
		&ctx,
		&ferdie_bytes,
		&member_keys,
		&mut ChaCha20Rng::seed_from_u64(8),
	)
	.expect("deal");
	corrupt_key_share(
		&alice_worker.1,
		&ctx,
		mpc_primitives::ParticipantIndex::new(alice_index as u32).expect("index"),
		&mut dealing,
		Scalar::from(1u64),
	);
	client
		.submit_and_wait(
			&ferdie,
			RuntimeCall::Mpc(pallet_mpc::Call::submit_key_dealing {
				epoch: epoch1,
				dealing: dealing.try_into().expect("fits"),
			}),
		)
		.await
		.expect("Ferdie's dealing is well formed");
	assert!(client.best_number().await < deals_until, "dealt inside the window");
	// The DKG ends with a key without Ferdie's dealing.
	let start = Instant::now();
	let key1 = loop {
		if let Some(k) = key(&client, epoch1).await {
			break k;
		}
		assert!(start.elapsed() < Duration::from_secs(90), "the new key activates");
		tokio::time::sleep(Duration::from_millis(500)).await;
	};
	let qualified: Vec<u32> = key1.qualified.iter().map(|i| i.get()).collect();
	assert!(!qualified.contains(&(ferdie_index as u32)), "Ferdie excluded: {qualified:?}");
	assert!(qualified.len() >= 3);
	let now = client.best_number().await;
	let events = beacon_events(&client, from, now).await;
	assert!(events.iter().any(|e| matches!(
		e,
		pallet_mpc::Event::BeaconDealerDisqualified { epoch, dealer, member }
			if *epoch == epoch1 && dealer.get() == ferdie_index as u32 && member.get() == alice_index as u32
	)));
	assert!(!events.iter().any(|e| matches!(
		e,
		pallet_mpc::Event::BeaconComplaintRejected { .. }
			| pallet_mpc::Event::BeaconMemberFaulted { .. }
	)));
	// Rounds under the new key verify. (A round open when it activated may still complete
	// under the old one first.)
	let first_new = latest(&client).await.expect("a round") + 1;
	let mut served = false;
	for r in first_new..first_new + 3 {
		wait_round(&client, r, Duration::from_secs(60)).await;
		verify(&client, genesis, r).await;
		if round(&client, r).await.expect("round").epoch == epoch1 {
			served = true;
			break;
		}
	}
	assert!(served, "one of the next three rounds is under the new key");

	// 3. Dave's node down: with Ferdie silent too, t_B = 2 members are missing.
	nodes[3].kill();
	let r = latest(&client).await.expect("a round") + 2;
	wait_round(&client, r, Duration::from_secs(90)).await;
	verify(&client, genesis, r).await;
	// Charlie's down too: t_B + 1. Once what was in flight settled, the open round waits and
	// no round is skipped.
	nodes[2].kill();
	tokio::time::sleep(Duration::from_secs(12)).await;
	let done = latest(&client).await.expect("a round");
	let open = done + 1;
	let start = Instant::now();
	while round(&client, open).await.is_none() {
		assert!(start.elapsed() < Duration::from_secs(40), "round {open} opens");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	// Two periods and more (a round opens every 5 blocks of 2 s).
	tokio::time::sleep(Duration::from_secs(24)).await;
	assert_eq!(latest(&client).await, Some(done), "no round completes with t_B + 1 down");
	assert!(round(&client, open).await.expect("open").output.is_none());
	assert!(round(&client, open + 1).await.is_none(), "no round opens while {open} waits");
	// Both come back: the waiting round completes and the next ones follow.
	nodes[2].restart();
	nodes[3].restart();
	wait_round(&client, open + 1, Duration::from_secs(120)).await;
	let last = latest(&client).await.expect("a round");
	let oldest = last.saturating_sub(3);
	for r in oldest..=last {
		verify(&client, genesis, r).await;
	}
	for n in &mut nodes {
		n.assert_running();
	}
	let _ = std::fs::remove_dir_all(&dir);
}
