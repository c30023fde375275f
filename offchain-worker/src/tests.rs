//! Tests of the decision functions against real dealings.

use super::*;
use mpc_primitives::{
	deal, reconstruct, testing::corrupt_share, verify_submission, EncryptionKey, Scalar, Submission,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [3u8; 32];
const JOB: u64 = 7;

struct Chain {
	shape: JobShape,
	secrets: Vec<WorkerSecret>,
	inputs: Vec<InputRecord>,
}

struct InputRecord {
	provider: [u8; 32],
	submission: Submission,
	commitments: Vec<Commitment>,
	ephemeral_key: EphemeralKey,
	qualified: bool,
}

fn provider(k: usize) -> [u8; 32] {
	let mut p = [0u8; 32];
	p[0] = k as u8 + 1;
	p
}

impl Chain {
	fn new(n: u32, t: u32, d: u32) -> Self {
		let mut rng = ChaCha20Rng::seed_from_u64(1);
		let secrets = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
		Self { shape: JobShape::new(n, t, d).expect("shape"), secrets, inputs: Vec::new() }
	}

	fn keys(&self) -> Vec<EncryptionKey> {
		self.secrets.iter().map(|s| *s.public_key()).collect()
	}

	fn add(&mut self, values: &[i128]) {
		let k = self.inputs.len();
		let ctx = InputContext::new(GENESIS, JOB, provider(k));
		let mut rng = ChaCha20Rng::seed_from_u64(100 + k as u64);
		let submission = deal(&ctx, &self.keys(), self.shape.t(), values, &mut rng).expect("deal");
		self.push(k, submission);
	}

	/// An honest input by provider `who`, whatever its position.
	fn add_by(&mut self, who: usize, values: &[i128]) {
		let ctx = InputContext::new(GENESIS, JOB, provider(who));
		let mut rng = ChaCha20Rng::seed_from_u64(300 + who as u64);
		let submission = deal(&ctx, &self.keys(), self.shape.t(), values, &mut rng).expect("deal");
		self.push(who, submission);
	}

	fn push(&mut self, k: usize, submission: Submission) {
		let ctx = InputContext::new(GENESIS, JOB, provider(k));
		let accepted = verify_submission(&ctx, self.shape, submission.as_parts(), |_| false)
			.expect("accepted");
		self.inputs.push(InputRecord {
			provider: provider(k),
			commitments: accepted.commitments,
			ephemeral_key: accepted.ephemeral_key,
			submission,
			qualified: true,
		});
	}

	/// An input whose share for worker `w` (0-based) is off by one.
	fn add_bad_for(&mut self, values: &[i128], w: usize) {
		let k = self.inputs.len();
		let ctx = InputContext::new(GENESIS, JOB, provider(k));
		let mut rng = ChaCha20Rng::seed_from_u64(200 + k as u64);
		let mut submission =
			deal(&ctx, &self.keys(), self.shape.t(), values, &mut rng).expect("deal");
		let i = ParticipantIndex::new(w as u32 + 1).expect("index");
		let d = self.shape.d() as usize;
		corrupt_share(&self.secrets[w], &ctx, i, &mut submission, d, Scalar::ONE);
		self.push(k, submission);
	}

	fn view(&self, w: usize, phase: JobPhase, now: u32) -> JobView {
		JobView {
			job_id: JOB,
			genesis: GENESIS,
			shape: self.shape,
			phase,
			input_count: self.inputs.len() as u32,
			index: ParticipantIndex::new(w as u32 + 1).expect("index"),
			result_share_on_chain: false,
			aggregate_digest: [9u8; 32],
			deadline: now + 10,
			now,
			block_hash: [now as u8; 32],
			confirmed: false,
			aggregate: self.aggregate(),
			disqualified: (0..self.inputs.len() as u32)
				.filter(|&k| !self.inputs[k as usize].qualified)
				.collect(),
		}
	}

	/// `Ĉ`: the sum of the qualified inputs' commitments, as the chain keeps it.
	fn aggregate(&self) -> Vec<Commitment> {
		mpc_primitives::pedersen::sum_commitments(
			self.shape.t() as usize + 1,
			self.inputs.iter().filter(|i| i.qualified).map(|i| i.commitments.as_slice()),
		)
		.expect("sizes")
	}

	/// The running digest after input `k`, as the chain keeps it (any collision-resistant
	/// chain of the inputs serves the worker, which only compares digests).
	fn digest_after(&self, k: usize) -> [u8; 32] {
		let mut digest = [0u8; 32];
		for (j, input) in self.inputs.iter().enumerate().take(k + 1) {
			let mut bytes = digest.to_vec();
			bytes.extend_from_slice(&(j as u32).to_le_bytes());
			bytes.extend_from_slice(input.ephemeral_key.as_bytes());
			digest.copy_from_slice(&mpc_primitives::hash::sha512(&bytes)[..32]);
		}
		digest
	}

	fn loader(&self, w: usize) -> impl FnMut(u32) -> Option<InputView> + '_ {
		move |k| {
			let input = self.inputs.get(k as usize)?;
			Some(InputView {
				provider: input.provider,
				ephemeral_key: input.ephemeral_key,
				commitments: input.commitments.clone(),
				ciphertext: input.submission.ciphertexts[w].clone(),
				qualified: input.qualified,
				digest: self.digest_after(k as usize),
			})
		}
	}

	/// Worker `w`'s result share from its running sum in `Computing`, and the inputs it read.
	fn share_from_running_sum(
		&self,
		w: usize,
		progress: &JobProgress,
	) -> (Option<ResultShare>, Vec<u32>) {
		let view = self.view(w, JobPhase::Computing, 10);
		let mut reads = Vec::new();
		let mut load = self.loader(w);
		let mut counting = |k: u32| {
			reads.push(k);
			load(k)
		};
		let share = running_result_share(&self.secrets[w], &view, progress, &mut counting);
		(share, reads)
	}

	fn run(
		&self,
		w: usize,
		phase: JobPhase,
		now: u32,
		progress: &mut JobProgress,
	) -> Result<Vec<Action>, StepError> {
		let mut rng = ChaCha20Rng::seed_from_u64(now.into());
		step(
			&self.secrets[w],
			&self.view(w, phase, now),
			progress,
			self.loader(w),
			&Limits { checks_per_run: 3, ..Limits::default() },
			&mut rng,
		)
		.map(|(actions, _)| actions)
	}
}

fn result_share_of(actions: &[Action]) -> ResultShare {
	match actions {
		[Action::SubmitResultShare { sum_shares, blinding, aggregate_digest }] => ResultShare {
			values: sum_shares
				.iter()
				.map(|v| Scalar::from_canonical_bytes(*v).expect("canonical"))
				.collect(),
			blinding: {
				assert_eq!(*aggregate_digest, [9u8; 32], "bound to the aggregate it read");
				Scalar::from_canonical_bytes(*blinding).expect("canonical")
			},
		},
		other => panic!("expected one result share, got {other:?}"),
	}
}

#[test]
fn honest_workers_submit_shares_that_reconstruct_the_sum() {
	let mut chain = Chain::new(5, 2, 2);
	for k in 0..7 {
		chain.add(&[1_000 + k, -k]);
	}
	let mut shares = Vec::new();
	for w in 0..5 {
		let mut progress = JobProgress::default();
		// Checking takes three runs of three inputs; nothing to complain about.
		for now in 1..=3 {
			assert_eq!(chain.run(w, JobPhase::Collecting, now, &mut progress), Ok(vec![]));
		}
		assert_eq!(progress.checked, 7);
		assert!(progress.bad.is_empty());
		let actions = chain.run(w, JobPhase::Computing, 10, &mut progress).expect("share");
		let share = result_share_of(&actions);
		let aggregate = mpc_primitives::pedersen::sum_commitments(
			3,
			chain.inputs.iter().map(|i| i.commitments.as_slice()),
		)
		.expect("sizes");
		assert!(share.verify(
			&chain.shape,
			ParticipantIndex::new(w as u32 + 1).expect("i"),
			&aggregate
		));
		shares.push(share);
	}
	let chosen: Vec<_> = [1usize, 3, 4]
		.iter()
		.map(|&w| (ParticipantIndex::new(w as u32 + 1).expect("i"), &shares[w]))
		.collect();
	let output = reconstruct(&chain.shape, &chosen).expect("reconstruct");
	let decoded: Vec<Option<i128>> = output.decode().iter().map(|v| v.to_i128()).collect();
	assert_eq!(decoded, vec![Some(7_021), Some(-21)]);
}

#[test]
fn a_bad_share_gives_exactly_one_complaint_about_the_right_input() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add_bad_for(&[2], 1);
	chain.add(&[3]);
	chain.add(&[4]);
	// Worker 2 (0-based 1) sees input 1 as bad.
	let mut progress = JobProgress::default();
	let actions = chain.run(1, JobPhase::Collecting, 1, &mut progress).expect("run");
	assert!(matches!(actions.as_slice(), [Action::Complain { input: 1, .. }]));
	// The complaint the chain would judge: it names input 1 by its R and disqualifies it.
	if let [Action::Complain { shared_key, proof, ephemeral_key, .. }] = actions.as_slice() {
		let input = &chain.inputs[1];
		assert_eq!(ephemeral_key, input.ephemeral_key.as_bytes());
		let ctx = InputContext::new(GENESIS, JOB, input.provider);
		let subject = mpc_primitives::ComplaintSubject {
			input: &ctx,
			index: ParticipantIndex::new(2).expect("i"),
			worker_key: chain.secrets[1].public_key(),
			ephemeral_key: &input.ephemeral_key,
			commitments: &input.commitments,
			ciphertext: &input.submission.ciphertexts[1],
			dimension: 1,
		};
		assert!(matches!(
			mpc_primitives::judge_complaint(&subject, shared_key, proof),
			Ok(mpc_primitives::ComplaintVerdict::InputDisqualified { .. })
		));
	}
	// Next block: checking continues, no repeated complaint yet.
	assert_eq!(chain.run(1, JobPhase::Collecting, 2, &mut progress), Ok(vec![]));
	assert_eq!(progress.checked, 4);
	// Still qualified after the resubmission delay: complain again.
	let again = chain.run(1, JobPhase::Verifying, 6, &mut progress).expect("run");
	assert!(matches!(again.as_slice(), [Action::Complain { input: 1, .. }]));
	// Once disqualified, no more complaints, and the worker confirms its checks; the other
	// workers never complain.
	chain.inputs[1].qualified = false;
	assert_eq!(
		chain.run(1, JobPhase::Verifying, 20, &mut progress),
		Ok(vec![Action::ConfirmInputs { at: 20, at_hash: [20u8; 32] }])
	);
	for w in [0, 2] {
		let mut p = JobProgress::default();
		assert_eq!(chain.run(w, JobPhase::Collecting, 1, &mut p), Ok(vec![]));
		assert_eq!(chain.run(w, JobPhase::Collecting, 2, &mut p), Ok(vec![]));
	}
	// The result share leaves the disqualified input out and verifies.
	let share =
		result_share_of(&chain.run(1, JobPhase::Computing, 30, &mut progress).expect("run"));
	let aggregate = mpc_primitives::pedersen::sum_commitments(
		2,
		chain.inputs.iter().filter(|i| i.qualified).map(|i| i.commitments.as_slice()),
	)
	.expect("sizes");
	assert!(share.verify(&chain.shape, ParticipantIndex::new(2).expect("i"), &aggregate));
}

#[test]
fn an_undecryptable_input_is_complained_about() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add(&[2]);
	chain.inputs[1].submission.ciphertexts[0][3] ^= 0x40;
	let mut progress = JobProgress::default();
	let actions = chain.run(0, JobPhase::Collecting, 1, &mut progress).expect("run");
	assert!(matches!(actions.as_slice(), [Action::Complain { input: 1, .. }]));
	// If the complaint window passes without a disqualification, there is no valid result
	// share: the worker says so instead of submitting a wrong one.
	assert_eq!(
		chain.run(0, JobPhase::Computing, 10, &mut progress),
		Err(StepError::BadQualifiedInput { input: 1, reason: ShareError::DecryptionFailed })
	);
}

#[test]
fn result_shares_are_sent_once_then_again_only_if_they_did_not_land() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[5]);
	let mut progress = JobProgress::default();
	let first = chain.run(0, JobPhase::Computing, 10, &mut progress).expect("run");
	assert_eq!(first.len(), 1);
	assert_eq!(chain.run(0, JobPhase::Computing, 11, &mut progress), Ok(vec![]));
	assert_eq!(chain.run(0, JobPhase::Computing, 14, &mut progress), Ok(vec![]));
	// Not on chain five blocks later: the same share again.
	let again = chain.run(0, JobPhase::Computing, 15, &mut progress).expect("run");
	assert_eq!(again, first);
	// On chain: nothing more.
	let mut view = chain.view(0, JobPhase::Completed, 30);
	view.result_share_on_chain = true;
	let (actions, _) = step(
		&chain.secrets[0],
		&view,
		&mut progress,
		chain.loader(0),
		&Limits::default(),
		&mut ChaCha20Rng::seed_from_u64(0),
	)
	.expect("run");
	assert!(actions.is_empty());
}

#[test]
fn lost_progress_recomputes_the_same_share() {
	let mut chain = Chain::new(4, 2, 3);
	for k in 0..4 {
		chain.add(&[k, 2 * k, -k]);
	}
	let first = chain.run(2, JobPhase::Computing, 10, &mut JobProgress::default()).expect("run");
	// The node restarted and lost its offchain storage: it sends the identical share, never a
	// conflicting one.
	let second = chain.run(2, JobPhase::Computing, 11, &mut JobProgress::default()).expect("run");
	assert_eq!(first, second);
}

/// The result share comes from the running sum kept while checking, with no second pass
/// over the inputs: only an input disqualified by another member's complaint is read again,
/// to take its share out. A sum lost or altered, or sealed for other inputs, is never used:
/// the worker sums from scratch and sends the same share.
#[test]
fn the_result_share_comes_from_the_running_sum_kept_while_checking() {
	let mut chain = Chain::new(5, 2, 2);
	for k in 0..7 {
		chain.add(&[10 * k, -k]);
	}
	let w = 3;
	let mut progress = JobProgress::default();
	for now in 1..=3 {
		assert_eq!(chain.run(w, JobPhase::Collecting, now, &mut progress), Ok(vec![]));
	}
	assert_eq!(progress.checked, 7);
	assert!(progress.sum.is_some(), "kept while checking");
	// Another member's complaint disqualifies input 4, good for this worker.
	chain.inputs[4].qualified = false;
	let view = chain.view(w, JobPhase::Computing, 10);
	let (share, reads) = chain.share_from_running_sum(w, &progress);
	let share = share.expect("from the running sum");
	assert_eq!(reads, vec![4], "only the disqualified input is read again");
	let index = ParticipantIndex::new(w as u32 + 1).expect("i");
	assert!(share.verify(&chain.shape, index, &chain.aggregate()));
	let from_scratch = result_share(
		&chain.secrets[w],
		&view,
		&mut chain.loader(w),
		&mut ChaCha20Rng::seed_from_u64(0),
	)
	.expect("share");
	assert_eq!(share, from_scratch);
	// What the step sends is that share.
	let mut sent = progress.clone();
	let actions = chain.run(w, JobPhase::Computing, 10, &mut sent).expect("run");
	assert_eq!(result_share_of(&actions), share);

	// Never used when it does not fit: lost, altered, another worker's, or sealed for fewer
	// inputs than the job has; the step then sums from scratch, to the same share.
	let mut lost = progress.clone();
	lost.sum = None;
	let mut altered = progress.clone();
	if let Some(sealed) = altered.sum.as_mut() {
		sealed[40] ^= 1;
	}
	let mut fewer = progress.clone();
	fewer.checked = 6;
	let other = chain.view(0, JobPhase::Computing, 10);
	let mut load = chain.loader(w);
	for (what, p, v) in
		[("lost", &lost, &view), ("altered", &altered, &view), ("fewer", &fewer, &view)]
	{
		assert!(running_result_share(&chain.secrets[w], v, p, &mut load).is_none(), "{what}");
	}
	assert!(running_result_share(&chain.secrets[0], &other, &progress, &mut load).is_none());
	for p in [&mut lost, &mut altered] {
		let actions = chain.run(w, JobPhase::Computing, 10, p).expect("run");
		assert_eq!(result_share_of(&actions), share);
	}
}

/// An input this worker found bad, and that its own complaint disqualified, was never added
/// to the running sum: the result share comes from the sum without reading it again.
#[test]
fn an_input_the_workers_own_complaint_disqualified_is_not_read_again() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add_bad_for(&[2], 1);
	chain.add(&[3]);
	let mut progress = JobProgress::default();
	let actions = chain.run(1, JobPhase::Collecting, 1, &mut progress).expect("run");
	assert!(matches!(actions.as_slice(), [Action::Complain { input: 1, .. }]));
	chain.inputs[1].qualified = false;
	let (share, reads) = chain.share_from_running_sum(1, &progress);
	let share = share.expect("from the running sum");
	assert!(reads.is_empty(), "read again: {reads:?}");
	let index = ParticipantIndex::new(2).expect("i");
	assert!(share.verify(&chain.shape, index, &chain.aggregate()));
}

#[test]
fn nothing_happens_once_the_job_ended() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[5]);
	for ended in [
		JobPhase::Settled,
		JobPhase::Failed(mpc_primitives::FailureReason::NotEnoughResultShares),
		JobPhase::Cancelled,
	] {
		let mut progress = JobProgress::default();
		assert_eq!(chain.run(0, ended, 10, &mut progress), Ok(vec![]));
		assert_eq!(progress, JobProgress::default());
	}
}

#[test]
fn the_derived_secret_is_stable_and_bound_to_the_key() {
	let (a1, e1) = dev_worker_encryption_key("//Alice");
	let (a2, e2) = dev_worker_encryption_key("//Alice");
	let (b, eb) = dev_worker_encryption_key("//Bob");
	assert_eq!((a1, e1), (a2, e2));
	assert_ne!(a1, b);
	assert_ne!(e1, eb);
	// The account is the ed25519 public key.
	use sp_core::{ed25519, Pair};
	assert_eq!(ed25519::Pair::from_string("//Alice", None).expect("seed").public().0, a1);
}

/// A fork put a bad input at index 1 and the worker complained; the canonical chain has an
/// honest input at index 1. The worker must never complain about it: it notices the inputs
/// changed, checks again from the start, and drops the stale complaint.
#[test]
fn a_reorg_that_replaces_a_bad_input_with_an_honest_one_draws_no_complaint() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add_bad_for(&[2], 0);
	chain.add(&[3]);
	let mut progress = JobProgress::default();
	let first = chain.run(0, JobPhase::Collecting, 1, &mut progress).expect("run");
	assert!(matches!(first.as_slice(), [Action::Complain { input: 1, .. }]));
	assert_eq!(progress.bad.len(), 1);
	// The reorganisation: the canonical chain's inputs 1 and 2 are honest, by other providers.
	let mut canonical = Chain::new(3, 1, 1);
	canonical.add(&[1]);
	canonical.add_by(7, &[20]);
	canonical.add_by(8, &[30]);
	assert_eq!(canonical.digest_after(0), chain.digest_after(0), "input 0 is on both");
	for now in [2, 6, 7, 20] {
		let actions = canonical.run(0, JobPhase::Verifying, now, &mut progress).expect("run");
		assert!(
			actions.iter().all(|a| matches!(a, Action::ConfirmInputs { .. })),
			"block {now}: {actions:?}"
		);
	}
	assert!(progress.bad.is_empty());
	assert_eq!(progress.checked, 3);
}

/// The reverse: the worker checked an honest input at index 1 on a fork; the canonical chain
/// has a bad one there. The worker checks it (the cursor is not trusted across the change)
/// and complains, naming the canonical input's `R`.
#[test]
fn a_reorg_that_puts_a_bad_input_under_the_cursor_is_checked() {
	let mut fork = Chain::new(3, 1, 1);
	fork.add(&[1]);
	fork.add(&[2]);
	fork.add(&[3]);
	let mut progress = JobProgress::default();
	assert_eq!(fork.run(0, JobPhase::Collecting, 1, &mut progress), Ok(vec![]));
	assert_eq!(progress.checked, 3);
	let mut canonical = Chain::new(3, 1, 1);
	canonical.add(&[1]);
	canonical.add_bad_for(&[2], 0);
	canonical.add(&[3]);
	let actions = canonical.run(0, JobPhase::Verifying, 2, &mut progress).expect("run");
	match actions.as_slice() {
		[Action::Complain { input: 1, ephemeral_key, .. }] => {
			assert_eq!(ephemeral_key, canonical.inputs[1].ephemeral_key.as_bytes())
		}
		other => panic!("expected one complaint about input 1, got {other:?}"),
	}
}

/// Whatever the progress says, a share that checks is never complained about.
#[test]
fn a_share_that_checks_when_rechecked_draws_no_complaint() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add(&[2]);
	let mut progress = JobProgress::default();
	assert_eq!(chain.run(1, JobPhase::Collecting, 1, &mut progress), Ok(vec![]));
	// Progress that wrongly lists input 1 as bad (a lost or corrupted store, an old bug).
	progress.bad.push(BadInput {
		input: 1,
		ephemeral_key: chain.inputs[1].ephemeral_key.to_bytes(),
		sent: None,
	});
	assert_eq!(
		chain.run(1, JobPhase::Verifying, 2, &mut progress),
		Ok(vec![Action::ConfirmInputs { at: 2, at_hash: [2u8; 32] }])
	);
	assert!(progress.bad.is_empty());
}

/// PROTOCOL.md section 10, confirmations: a worker confirms in `Verifying` once it has
/// checked every input and every bad one is disqualified, naming the block it read; it sends
/// again only after `resubmit_after` blocks, and never once the chain holds it.
#[test]
fn a_worker_confirms_once_every_share_checks_or_its_input_is_disqualified() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[1]);
	chain.add_bad_for(&[2], 1);
	chain.add(&[3]);
	chain.add(&[4]);
	let resend = Limits::default().resubmit_after;
	// Worker 1 checks three inputs per run: nothing while collecting, nor before the fourth.
	let mut progress = JobProgress::default();
	assert_eq!(chain.run(0, JobPhase::Collecting, 1, &mut progress), Ok(vec![]));
	assert_eq!(chain.run(0, JobPhase::Collecting, 2, &mut progress), Ok(vec![]));
	assert_eq!(progress.checked, 4);
	let mut fresh = JobProgress::default();
	assert_eq!(chain.run(0, JobPhase::Verifying, 3, &mut fresh), Ok(vec![]), "one unchecked");
	let confirm = |at: u32| Ok(vec![Action::ConfirmInputs { at, at_hash: [at as u8; 32] }]);
	assert_eq!(chain.run(0, JobPhase::Verifying, 3, &mut progress), confirm(3));
	assert_eq!(chain.run(0, JobPhase::Verifying, 4, &mut progress), Ok(vec![]));
	assert_eq!(chain.run(0, JobPhase::Verifying, 3 + resend, &mut progress), confirm(3 + resend));
	let run_as_1 = |view: &JobView, progress: &mut JobProgress, seed: u64| {
		let mut rng = ChaCha20Rng::seed_from_u64(seed);
		step(&chain.secrets[0], view, progress, chain.loader(0), &Limits::default(), &mut rng)
			.expect("run")
			.0
	};
	let mut view = chain.view(0, JobPhase::Verifying, 20);
	view.confirmed = true;
	assert_eq!(run_as_1(&view, &mut progress, 1), vec![], "on chain already");
	// Made in the block before the deadline, a confirmation would land after it: none is sent.
	let mut late = JobProgress::default();
	let mut view = chain.view(0, JobPhase::Verifying, 30);
	view.deadline = 31;
	assert_eq!(run_as_1(&view, &mut late, 2), vec![], "too late to land");
	assert_eq!(late.checked, 4, "the checks still run");
	view.deadline = 32;
	let confirm_30 = vec![Action::ConfirmInputs { at: 30, at_hash: [30; 32] }];
	assert_eq!(run_as_1(&view, &mut late, 3), confirm_30);
	// Worker 2 holds a bad share of input 1: it complains, and waits for the complaint.
	let mut progress = JobProgress::default();
	let first = chain.run(1, JobPhase::Verifying, 1, &mut progress).expect("run");
	assert!(matches!(first.as_slice(), [Action::Complain { input: 1, .. }]));
	assert_eq!(chain.run(1, JobPhase::Verifying, 2, &mut progress), Ok(vec![]));
	assert_eq!(progress.checked, 4);
	chain.inputs[1].qualified = false;
	assert_eq!(chain.run(1, JobPhase::Verifying, 3, &mut progress), confirm(3));
	// Result shares are not confirmations.
	let share = chain.run(1, JobPhase::Computing, 4, &mut progress).expect("run");
	assert!(matches!(share.as_slice(), [Action::SubmitResultShare { .. }]));
}

#[test]
fn an_overdue_job_is_moved_by_its_first_worker_first_and_once() {
	let mut chain = Chain::new(3, 1, 1);
	chain.add(&[5]);
	let limits = Limits::default();
	let run = |w: usize, now: u32, deadline: u32, progress: &mut JobProgress| {
		let mut view = chain.view(w, JobPhase::Verifying, now);
		view.deadline = deadline;
		// Confirmed already: only the move is tested here.
		view.confirmed = true;
		let mut rng = ChaCha20Rng::seed_from_u64(now.into());
		step(&chain.secrets[w], &view, progress, chain.loader(w), &limits, &mut rng).expect("run").0
	};
	let mut first = JobProgress::default();
	let mut second = JobProgress::default();
	// Checking the input first; the deadline at block 10 is not overdue before 10 + 2.
	assert_eq!(run(0, 10, 10, &mut first), vec![]);
	assert_eq!(run(1, 10, 10, &mut second), vec![]);
	assert_eq!(run(0, 11, 10, &mut first), vec![]);
	assert_eq!(run(0, 12, 10, &mut first), vec![Action::AdvanceJob]);
	// Worker 2 waits one block more; worker 1 does not send again before `resubmit_after`.
	assert_eq!(run(1, 12, 10, &mut second), vec![]);
	assert_eq!(run(1, 13, 10, &mut second), vec![Action::AdvanceJob]);
	assert_eq!(run(0, 13, 10, &mut first), vec![]);
	assert_eq!(run(0, 12 + limits.resubmit_after, 10, &mut first), vec![Action::AdvanceJob]);
	// Once moved, the new deadline is ahead: nothing to send.
	assert_eq!(run(0, 30, 33, &mut first), vec![]);
	// An ended job is never moved.
	let mut view = chain.view(0, JobPhase::Settled, 100);
	view.deadline = 10;
	let actions = step(
		&chain.secrets[0],
		&view,
		&mut first,
		chain.loader(0),
		&limits,
		&mut ChaCha20Rng::seed_from_u64(3),
	);
	assert_eq!(actions.expect("run").0, vec![]);
}
