//! Scenarios 2 and 3 on a single `--dev` node: a cheating provider is disqualified by the
//! worker it cheated, and a poll of twenty one-hot ballots over four options, where the chain
//! refuses ballots that are not (PROTOCOL.md section 12.2).

use mpc_e2e::{mpc, Node};
use mpc_primitives::{
	deal, deal_with_rule, testing::corrupt_share, InputContext, InputRule, ParticipantIndex, Scalar,
};
use mpc_runtime::{pallet_mpc, AccountId, UNIT};
use rand_core::SeedableRng;
use sp_core::{sr25519, Pair};
use std::time::Duration;

const DEV_WORKERS: [&str; 5] = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve"];

fn employees(count: usize) -> Vec<sr25519::Pair> {
	(0..count)
		.map(|i| sr25519::Pair::from_string(&format!("//E2E-{i}"), None).expect("seed"))
		.collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cheating_provider_is_disqualified_and_the_output_counts_the_honest() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	let owner = sp_keyring::Sr25519Keyring::Ferdie.pair();
	let providers = employees(4);
	let accounts: Vec<AccountId> = providers.iter().map(|p| p.public().into()).collect();
	mpc::fund(&client, &owner, &accounts, 1_000 * UNIT).await;

	let (job_id, _) = mpc::create_job(&client, &owner, mpc::spec(5, 2, 1, 4)).await.expect("job");
	let committee = mpc::committee(&client, job_id).await;
	let genesis = mpc::genesis(&client).await;

	// Providers 0, 1, 3 are honest; provider 2 deals worker 3 a share off by one.
	let values = [100_000i128, 250_000, 9_999_900, 175_000];
	let mut cheat = None;
	for (k, p) in providers.iter().enumerate() {
		if k != 2 {
			mpc::submit_input(&client, p, job_id, &[values[k]], k as u64).await.expect("input");
			continue;
		}
		let who = accounts[k].clone();
		let ctx = InputContext::new(genesis, job_id, *who.as_ref());
		let keys: Vec<_> = committee.iter().map(|m| m.key).collect();
		let mut s =
			deal(&ctx, &keys, 2, &[values[k]], &mut rand_chacha::ChaCha20Rng::seed_from_u64(7))
				.expect("deal");
		let victim = &committee[2];
		let seed = DEV_WORKERS
			.iter()
			.find(|seed| mpc::dev_worker_secret(seed).0 == victim.account)
			.expect("a dev worker");
		let (_, secret) = mpc::dev_worker_secret(seed);
		let index = ParticipantIndex::new(3).expect("index");
		corrupt_share(&secret, &ctx, index, &mut s, 1, Scalar::ONE);
		let before = client.account(&who).await;
		let included =
			mpc::submit_dealt(&client, p, job_id, s).await.expect("the chain cannot tell");
		let deposit = client.account(&who).await.1 - before.1;
		assert!(deposit > 0);
		cheat = Some((who, before, included.fee, deposit));
	}
	let (who, before, fee, deposit) = cheat.expect("the cheat submitted");
	let job = mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| {
		j.timeline.completed.is_some()
	})
	.await;
	assert_eq!(job.qualified_count, 3);
	let after = client.account(&who).await;
	assert_eq!(after.1, before.1, "the cheat's deposit is no longer held");
	assert_eq!(after.0, before.0 - fee - deposit, "and it is forfeited");
	let result = mpc::result(&client, job_id).await.expect("result");
	assert_eq!(result.sums.to_vec(), vec![Some(values[0] + values[1] + values[3])]);
	assert_eq!(result.qualified_inputs, 3);
	let record = mpc::record(&client, job_id).await.expect("record");
	assert_eq!(record.disqualified.to_vec(), vec![2]);
	mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| j.phase.has_ended()).await;
	let figures = mpc::figures(&client, job_id).await;
	assert_eq!(figures.client_transactions, 5, "create_job and four inputs");
	assert!(figures.worker_transactions >= 4, "one complaint and at least t + 1 shares");
	assert_eq!(figures.worker_fees, 0, "valid shares and true complaints are refunded");
	println!(
		"cheating provider: disqualified by worker 3; output {:?} from 3 inputs; {figures}",
		result.sums
	);
	drop(node);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_poll_of_twenty_ballots_refuses_what_is_not_a_ballot() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	let owner = sp_keyring::Sr25519Keyring::Ferdie.pair();
	let providers = employees(20);
	let accounts: Vec<AccountId> = providers.iter().map(|p| p.public().into()).collect();
	mpc::fund(&client, &owner, &accounts, 1_000 * UNIT).await;

	let rule = InputRule::OneHot { abstain: false };
	let spec = pallet_mpc::JobSpec { input_rule: rule.clone(), ..mpc::spec(5, 2, 4, 20) };
	let (job_id, _) = mpc::create_job(&client, &owner, spec).await.expect("job");
	let keys: Vec<_> = mpc::committee(&client, job_id).await.iter().map(|m| m.key).collect();
	let genesis = mpc::genesis(&client).await;

	// Voter 0 tries to vote twice in one ballot, with the proof of a real ballot attached,
	// then to vote without a proof: both refused, and nothing counts.
	let stuffer = &providers[0];
	let ctx = InputContext::new(genesis, job_id, accounts[0].clone().into());
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
	let (ballot, proof) =
		deal_with_rule(&ctx, &keys, 2, &[1, 0, 0, 0], &rule.to_vec(), &mut rng).expect("ballot");
	let two_votes = deal(&ctx, &keys, 2, &[1, 1, 0, 0], &mut rng).expect("dealt");
	let refused = mpc::submit_proven(&client, stuffer, job_id, two_votes, proof.clone()).await;
	assert_eq!(refused.expect_err("two hot components"), "Mpc.InvalidValidityProof");
	let refused = mpc::submit_dealt(&client, stuffer, job_id, ballot).await;
	assert_eq!(refused.expect_err("no proof"), "Mpc.InvalidValidityProof");
	assert_eq!(mpc::job(&client, job_id).await.expect("job").input_count, 0);

	let mut counts = [0i128; 4];
	for (k, p) in providers.iter().enumerate() {
		let bucket = (k * 7 + k / 3) % 4;
		counts[bucket] += 1;
		let mut one_hot = [0i128; 4];
		one_hot[bucket] = 1;
		mpc::submit_input(&client, p, job_id, &one_hot, 100 + k as u64).await.expect("input");
	}
	mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| j.timeline.completed.is_some())
		.await;
	let result = mpc::result(&client, job_id).await.expect("result");
	assert_eq!(result.sums.to_vec(), counts.iter().map(|c| Some(*c)).collect::<Vec<_>>());
	let record = mpc::record(&client, job_id).await.expect("record");
	assert_eq!(record.input_rule, pallet_mpc::InputRule::OneHot { abstain: false });
	mpc::wait_for(&client, job_id, Duration::from_secs(120), |j| j.phase.has_ended()).await;
	let figures = mpc::figures(&client, job_id).await;
	assert_eq!(
		figures.client_transactions, 23,
		"create_job, two refused inputs and twenty ballots"
	);
	assert_eq!(figures.worker_fees, 0, "valid shares and true complaints are refunded");
	println!("poll: {counts:?} from 20 ballots, 2 refused; {figures}");
	drop(node);
}
