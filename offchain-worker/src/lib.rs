//! # mpc-offchain-worker
//!
//! The off-chain half of substrate-mpc: what a validator's node does, as a committee worker,
//! for each MPC job. The pallet's `offchain_worker` hook reads the chain, calls [`step`], and
//! submits what it returns; every decision is here, as pure functions over a view of the chain
//! and the worker's local progress, so it is tested without a node.
//!
//! ## The worker key and the encryption secret `e`
//!
//! A worker is an ed25519 key of type `mpcw` in the node's keystore, inserted with the standard
//! tools (`mpc-node key insert --key-type mpcw --scheme ed25519`, or `author_insertKey`). Its
//! public key is the worker's account, which signs the worker's transactions.
//!
//! The protocol's encryption secret `e` (PROTOCOL.md section 3) is derived from that key
//! without ever exporting it: the keystore signs the fixed message
//! [`key_derivation_message`]`(account)` and `e = HashToScalar(DST || signature)`
//! ([`worker_secret_from_signature`]). Why this is safe:
//! - **Same after a restart.** ed25519 signatures are deterministic (RFC 8032): the same key
//!   signs the same message to the same signature, so `e` never changes while the key stays
//!   in the keystore, and the worker can still decrypt the inputs of running jobs.
//! - **Secret.** Producing that signature needs the private key (unforgeability), and the
//!   message starts with a domain tag no transaction or other signed payload starts with, so
//!   the node never publishes it. `e` exists only in the memory of the offchain worker while
//!   it runs, is zeroized on drop, and is never logged or written to disk.
//! - **Bound to the key.** A rotated worker key yields a new `e`, which the worker registers.
//!
//! ## What the worker does for a job ([`step`])
//!
//! - **Collecting and verifying:** open and check every new input's share (batched: one
//!   multiscalar multiplication for all of them, falling back to find the failing ones), at
//!   most [`Limits::checks_per_run`] inputs per run, resuming from a cursor. For each bad
//!   share, complain with `K_i` and the DLEQ proof (section 7), naming the input by its index
//!   and its `R`; again after [`Limits::resubmit_after`] blocks if the input is still
//!   qualified. Before every complaint, first or repeated, the share is opened and checked
//!   again from the chain's current data: a worker never complains about a share that checks.
//! - **Forks:** the cursor remembers the chain's running inputs digest after the last input
//!   it checked (PROTOCOL.md section 10). When a reorganisation changes any of those inputs,
//!   the digest no longer matches and the worker starts checking again from input 0; a
//!   complaint or result share made on the abandoned branch names state (`R`, the aggregate's
//!   digest) the chain refuses with an error, never a fault.
//! - **Running sum:** while checking, add each share that checks to a running sum, kept in
//!   [`JobProgress::sum`] sealed under a key derived from `e`
//!   ([`WorkerSecret::seal_local`]: offchain storage is the node's database, and its RPC can
//!   read it), bound to the job, the member and the inputs it covers.
//! - **Computing:** the result share (section 8) is the running sum less the shares of the
//!   inputs other members' complaints disqualified ([`running_result_share`]): no second pass
//!   over the inputs. It is checked against `Ĉ` before it is used; a sum that is missing or
//!   does not check (lost progress, a bad share of a qualified input) gives way to summing
//!   from scratch ([`result_share`]). Submit it; again after [`Limits::resubmit_after`]
//!   blocks if it is not on chain. The result share is a deterministic function of the frozen
//!   qualified set and `e`, so a resubmission is the same share, never a conflicting one.
//!   After the job completes, a share that is still missing is sent until the compute
//!   deadline (late shares are paid).
//!
//! - **Deadlines:** when a phase is [`Limits::advance_after`] blocks past its deadline (the
//!   chain moves deadlines in block order, a batch a block, so a flood of other jobs can
//!   delay one), committee member 1 moves the job itself with `advance_job`, which is free
//!   when it moves a job; member `i` waits `i - 1` blocks more.
//!
//! Progress ([`JobProgress`]) is kept by the caller in offchain persistent storage, under a
//! lock, so overlapping or restarted runs neither lose nor repeat work. The one secret in it,
//! the running sum, is sealed.
//!
//! ## Why signed transactions
//!
//! The worker's transactions are signed by its account through `CreateSignedTransaction`. We
//! did not use feeless authorized transactions (`#[pallet::authorize]` with
//! `CreateAuthorizedTransaction`), for four reasons:
//! - **Spam is priced.** Every transaction pays a fee up front. The pallet refunds it
//!   (`Pays::No`) only for work that checks out: a valid result share, or a complaint that
//!   disqualifies an input. A false complaint or an invalid share costs the fee and also a
//!   penalty from the worker's bond. An authorized call would need its own rate limiting.
//! - **Ordering and deduplication.** The account nonce orders a worker's transactions and
//!   lets the pool drop duplicates. Resending after [`Limits::resubmit_after`] blocks reuses
//!   the on-chain nonce, so a copy that did land makes the resent one stale instead of
//!   applying it twice. The pallet also refuses a second result share per worker and job.
//! - **Priority.** The pallet makes every worker duty (complaints, confirmations, result
//!   shares, `advance_job`, the beacon's and the threshold keys' messages) `Operational`: the
//!   pool ranks it above every ordinary transaction without a tip, and each block keeps the
//!   share `Normal` transactions may not fill, so a flood of inputs to other jobs cannot hold
//!   a job's duties out of its windows (it did, at the inputs' priority, on five nodes with
//!   10,000 inputs). Anyone else sending a member's duty pays its fee and gets an error
//!   (`advance_job` is open to all, and free only when it moves a job); docs/SECURITY.md
//!   weighs what that leaves to a spammer.
//! - **Longevity.** Mortal eras of up to 2048 blocks let a transaction that never landed
//!   expire.
//! - **Eligibility lives in the pallet.** Only committee members can complain or submit
//!   result shares for a job. That is a runtime check on the signer, and the signer is the
//!   worker key's own account.
//!
//! The cost is that a worker account must hold funds: the bond, and fees in flight.

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

extern crate alloc;

pub mod beacon;
pub mod keys;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use mpc_primitives::{
	batch_verify_shares, hash::sha512, Commitment, EphemeralKey, InputContext, JobPhase, JobShape,
	ParticipantIndex, ResultShare, Share, ShareError, WorkerSecret,
};
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use zeroize::Zeroizing;

/// Domain tag of the worker-secret derivation. Local: not part of the wire protocol.
pub const DST_WORKER_SECRET: &[u8] = b"substrate-mpc/v1/local/worker-secret";

/// The message the worker key signs to derive `e`: `DST_WORKER_SECRET || account`.
pub fn key_derivation_message(account: &[u8; 32]) -> Vec<u8> {
	let mut m = Vec::with_capacity(DST_WORKER_SECRET.len() + 32);
	m.extend_from_slice(DST_WORKER_SECRET);
	m.extend_from_slice(account);
	m
}

/// `e = SHA512(DST_WORKER_SECRET || signature)` reduced mod `l`, from the worker key's
/// signature of [`key_derivation_message`]. `None` only for a zero result (never, in practice).
pub fn worker_secret_from_signature(signature: &[u8; 64]) -> Option<WorkerSecret> {
	let mut input = Zeroizing::new(Vec::with_capacity(DST_WORKER_SECRET.len() + 64));
	input.extend_from_slice(DST_WORKER_SECRET);
	input.extend_from_slice(signature);
	let wide = Zeroizing::new(sha512(&input));
	WorkerSecret::from_uniform_bytes(&wide).ok()
}

/// The account and encryption secret `e` of the dev worker with seed `seed` (e.g. `//Alice`),
/// derived exactly as a node with that ed25519 key in its keystore derives them. Dev seeds are
/// public: anyone can compute these secrets, so a dev chain keeps nothing private.
///
/// # Panics
/// If `seed` is not a valid secret URI.
#[cfg(feature = "std")]
pub fn dev_worker_secret(seed: &str) -> ([u8; 32], WorkerSecret) {
	use sp_core::{ed25519, Pair};
	let pair = ed25519::Pair::from_string(seed, None).expect("a valid dev seed");
	let account = pair.public().0;
	let signature = pair.sign(&key_derivation_message(&account));
	let secret = worker_secret_from_signature(&signature.0).expect("non-zero secret");
	(account, secret)
}

/// The account and encryption key `E` of the dev worker with seed `seed`: what a chain spec
/// registers at genesis (see [`dev_worker_secret`]).
#[cfg(feature = "std")]
pub fn dev_worker_encryption_key(seed: &str) -> ([u8; 32], [u8; 32]) {
	let (account, secret) = dev_worker_secret(seed);
	(account, secret.public_key().to_bytes())
}

/// What the worker sees of a job, read from one block's state.
#[derive(Clone, Debug)]
pub struct JobView {
	/// The job's identifier.
	pub job_id: u64,
	/// The chain's genesis hash (the protocol's `genesis`).
	pub genesis: [u8; 32],
	/// `n`, `t`, `d`.
	pub shape: JobShape,
	/// The phase, as the chain stores it.
	pub phase: JobPhase,
	/// Inputs accepted so far.
	pub input_count: u32,
	/// This worker's 1-based index in the committee.
	pub index: ParticipantIndex,
	/// Whether the chain already holds this worker's valid result share.
	pub result_share_on_chain: bool,
	/// The digest of the job's aggregate commitments `Ĉ` in the same state (PROTOCOL.md
	/// section 10): a result share is bound to it.
	pub aggregate_digest: [u8; 32],
	/// When the job's current phase ends: `on_initialize` of this block moves it, or later
	/// when deadlines queue up.
	pub deadline: u32,
	/// The current block.
	pub now: u32,
	/// The hash of block `now`, whose state this view was read from: a confirmation names it.
	pub block_hash: [u8; 32],
	/// Whether the chain holds this worker's confirmation of its checks (`Verifying` only).
	pub confirmed: bool,
	/// The job's aggregate commitments `Ĉ_0..Ĉ_t` in the same state, read once result shares
	/// are due (empty before): a result share from the running sum is checked against them.
	pub aggregate: Vec<Commitment>,
	/// The inputs disqualified so far, read once result shares are due (empty before).
	pub disqualified: Vec<u32>,
}

/// What the worker sees of one input.
#[derive(Clone, Debug)]
pub struct InputView {
	/// The provider `P`.
	pub provider: [u8; 32],
	/// `R`.
	pub ephemeral_key: EphemeralKey,
	/// `C_0..C_t`.
	pub commitments: Vec<Commitment>,
	/// This worker's ciphertext.
	pub ciphertext: Vec<u8>,
	/// Whether the input still counts (not disqualified).
	pub qualified: bool,
	/// The chain's running inputs digest after this input (PROTOCOL.md section 10).
	pub digest: [u8; 32],
}

/// The worker's progress on one job, kept in offchain storage between runs. Its one secret,
/// the running sum, is sealed ([`WorkerSecret::seal_local`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct JobProgress {
	/// Inputs `0..checked` have been checked.
	pub checked: u32,
	/// The chain's running inputs digest after input `checked - 1` when it was checked (zero
	/// bytes while nothing is checked): tells whether those inputs are still the chain's.
	pub checked_digest: [u8; 32],
	/// Inputs found bad.
	pub bad: Vec<BadInput>,
	/// The block the result share was last sent.
	pub result_sent: Option<u32>,
	/// The block an `advance_job` was last sent.
	pub advance_sent: Option<u32>,
	/// The block a confirmation of the checks was last sent.
	pub confirm_sent: Option<u32>,
	/// The running sum: this worker's shares of the inputs `0..checked` that checked, summed
	/// and sealed ([`WorkerSecret::seal_local`], for [`sum_context`]) so that the result share
	/// needs no second pass over the inputs. `None` where it was not kept (progress lost).
	pub sum: Option<Vec<u8>>,
}

impl JobProgress {
	/// Forgets that `action` was sent: the pool refused it, so the next run sends it again
	/// instead of waiting [`Limits::resubmit_after`] blocks for a transaction that never was.
	pub fn forget_sent(&mut self, action: &Action) {
		match action {
			Action::Complain { input, .. } => {
				for bad in self.bad.iter_mut().filter(|b| b.input == *input) {
					bad.sent = None;
				}
			}
			Action::AdvanceJob => self.advance_sent = None,
			Action::SubmitResultShare { .. } => self.result_sent = None,
			Action::ConfirmInputs { .. } => self.confirm_sent = None,
		}
	}
}

/// An input whose share this worker found bad.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct BadInput {
	/// Its index.
	pub input: u32,
	/// Its `R`, which names it together with the index.
	pub ephemeral_key: [u8; 32],
	/// The block the last complaint about it was sent.
	pub sent: Option<u32>,
}

/// Bounds on one run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	/// The most inputs checked in one run.
	pub checks_per_run: u32,
	/// Blocks to wait for a sent transaction to land before sending it again.
	pub resubmit_after: u32,
	/// Blocks past a job's deadline before committee member 1 moves the job itself with
	/// `advance_job`; member `i` waits `i - 1` blocks more, so that one usually does it.
	pub advance_after: u32,
}

impl Default for Limits {
	fn default() -> Self {
		Self { checks_per_run: 1_000, resubmit_after: 5, advance_after: 2 }
	}
}

/// A transaction the worker should send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
	/// Complain about input `input`: `K_i` and the DLEQ proof (section 7).
	Complain {
		/// The input's index.
		input: u32,
		/// The input's `R`.
		ephemeral_key: [u8; 32],
		/// `mpc_primitives::hash::ciphertext_hash` of the worker's ciphertext it judged bad.
		ciphertext_hash: [u8; 32],
		/// `K_i`.
		shared_key: [u8; 32],
		/// The DLEQ proof.
		proof: [u8; 64],
	},
	/// Move the job, whose deadline passed, to its next phase (`advance_job`).
	AdvanceJob,
	/// Confirm that, in the state of block `at` (hash `at_hash`), every share of this worker
	/// checks or belongs to a disqualified input (`confirm_inputs`, PROTOCOL.md section 10).
	ConfirmInputs {
		/// The block whose state was judged.
		at: u32,
		/// Its hash.
		at_hash: [u8; 32],
	},
	/// Submit the result share `(S_i, U_i)` (section 8).
	SubmitResultShare {
		/// The digest of the aggregate `Ĉ` the share was computed for.
		aggregate_digest: [u8; 32],
		/// `S_{i,0..d-1}`.
		sum_shares: Vec<[u8; 32]>,
		/// `U_i`.
		blinding: [u8; 32],
	},
}

/// Why a run could not do its work; the caller logs it and tries again next block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepError {
	/// An input the chain counts could not be read.
	MissingInput {
		/// Its index.
		input: u32,
	},
	/// The worker's share of a qualified input is bad, so no valid result share exists (the
	/// complaint window passed without the input being disqualified).
	BadQualifiedInput {
		/// Its index.
		input: u32,
		/// What is wrong with it.
		reason: ShareError,
	},
}

/// What one run did, for the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepReport {
	/// Inputs checked in this run.
	pub checked: u32,
	/// Inputs found bad in this run.
	pub found_bad: u32,
	/// Whether the inputs checked before had changed (a reorganisation), so checking started
	/// over.
	pub restarted: bool,
	/// Bad inputs dropped without a complaint: gone, replaced, or their share now checks.
	pub dropped: u32,
}

fn input_context(view: &JobView, input: &InputView) -> InputContext {
	InputContext::new(view.genesis, view.job_id, input.provider)
}

/// Decrypts this worker's share of `input` (unchecked).
fn open_own_share(
	secret: &WorkerSecret,
	view: &JobView,
	input: &InputView,
) -> Result<Share, ShareError> {
	secret.open_share(
		&input_context(view, input),
		view.index,
		&input.ephemeral_key,
		&input.ciphertext,
		view.shape.d() as usize,
	)
}

fn due(sent: Option<u32>, now: u32, limits: &Limits) -> bool {
	sent.is_none_or(|at| now >= at.saturating_add(limits.resubmit_after))
}

/// Whether the job's deadline passed long enough ago for this worker to move it: deadlines
/// normally move in `on_initialize` of their block, and late only behind a flood of others.
fn overdue(view: &JobView, limits: &Limits) -> bool {
	let wait = limits.advance_after.saturating_add(view.index.get().saturating_sub(1));
	view.now >= view.deadline.saturating_add(wait)
}

/// One run of the worker on one job: reads inputs through `load_input`, updates `progress`,
/// and returns the transactions to send.
pub fn step<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	view: &JobView,
	progress: &mut JobProgress,
	mut load_input: impl FnMut(u32) -> Option<InputView>,
	limits: &Limits,
	rng: &mut R,
) -> Result<(Vec<Action>, StepReport), StepError> {
	let mut actions = Vec::new();
	let mut report = StepReport::default();
	match view.phase {
		JobPhase::Collecting | JobPhase::Verifying => {
			report.restarted = revalidate(progress, &mut load_input);
			let checked = check_new_inputs(secret, view, progress, &mut load_input, limits, rng)?;
			report.checked = checked.checked;
			report.found_bad = checked.found_bad;
			let mut kept = Vec::with_capacity(progress.bad.len());
			// Whether every bad input is disqualified on chain: nothing left to complain about.
			let mut settled = true;
			for mut bad in core::mem::take(&mut progress.bad) {
				if !due(bad.sent, view.now, limits) {
					// A complaint is on its way; it may have landed already.
					settled &= load_input(bad.input).is_some_and(|data| {
						data.ephemeral_key.to_bytes() == bad.ephemeral_key && !data.qualified
					});
					kept.push(bad);
					continue;
				}
				match recheck(secret, view, &bad, &mut load_input) {
					Recheck::Bad(data) => {
						let complaint = secret.complain(
							&input_context(view, &data),
							view.index,
							&data.ephemeral_key,
							rng,
						);
						actions.push(Action::Complain {
							input: bad.input,
							ephemeral_key: bad.ephemeral_key,
							ciphertext_hash: mpc_primitives::hash::ciphertext_hash(
								&data.ciphertext,
							),
							shared_key: complaint.shared_key.to_bytes(),
							proof: complaint.proof.to_bytes(),
						});
						bad.sent = Some(view.now);
						settled = false;
						kept.push(bad);
					}
					Recheck::Disqualified => kept.push(bad),
					Recheck::Drop => report.dropped = report.dropped.saturating_add(1),
				}
			}
			progress.bad = kept;
			// Every input checked, every bad one disqualified: complaints may close now. Not in
			// the block before the deadline: the confirmation would land in the deadline's
			// block, after its `on_initialize` ended `Verifying`, and only fail, at its fee.
			if view.phase == JobPhase::Verifying
				&& !view.confirmed
				&& settled && progress.checked == view.input_count
				&& view.now.saturating_add(1) < view.deadline
				&& due(progress.confirm_sent, view.now, limits)
			{
				actions.push(Action::ConfirmInputs { at: view.now, at_hash: view.block_hash });
				progress.confirm_sent = Some(view.now);
			}
		}
		JobPhase::Computing | JobPhase::Completed => {
			if !view.result_share_on_chain && due(progress.result_sent, view.now, limits) {
				let share = match running_result_share(secret, view, progress, &mut load_input) {
					Some(share) => share,
					None => result_share(secret, view, &mut load_input, rng)?,
				};
				actions.push(Action::SubmitResultShare {
					aggregate_digest: view.aggregate_digest,
					sum_shares: share.values.iter().map(|s| s.to_bytes()).collect(),
					blinding: share.blinding.to_bytes(),
				});
				progress.result_sent = Some(view.now);
			}
		}
		// A job in `Drawing` has no committee yet, so no worker of it to act.
		JobPhase::Drawing | JobPhase::Settled | JobPhase::Failed(_) | JobPhase::Cancelled => {
			return Ok((actions, report))
		}
	}
	if overdue(view, limits) && due(progress.advance_sent, view.now, limits) {
		actions.push(Action::AdvanceJob);
		progress.advance_sent = Some(view.now);
	}
	Ok((actions, report))
}

/// Checks that the inputs counted as checked are still the chain's: the running digest after
/// the last of them must be the one recorded when it was checked. If not (a reorganisation
/// replaced or removed one of them), forgets all progress on inputs so that checking starts
/// over. Returns whether it did.
fn revalidate(
	progress: &mut JobProgress,
	load_input: &mut impl FnMut(u32) -> Option<InputView>,
) -> bool {
	let Some(last) = progress.checked.checked_sub(1) else { return false };
	if load_input(last).is_some_and(|input| input.digest == progress.checked_digest) {
		return false;
	}
	progress.checked = 0;
	progress.checked_digest = [0u8; 32];
	progress.bad.clear();
	progress.sum = None;
	true
}

/// What a bad input is now, read again from the chain before a complaint.
enum Recheck {
	/// Still there, still qualified, its share still bad: complain (with its data).
	Bad(alloc::boxed::Box<InputView>),
	/// Disqualified already: keep it, send nothing.
	Disqualified,
	/// Gone, replaced by another input (another `R`), or its share now checks: forget it.
	Drop,
}

fn recheck(
	secret: &WorkerSecret,
	view: &JobView,
	bad: &BadInput,
	load_input: &mut impl FnMut(u32) -> Option<InputView>,
) -> Recheck {
	let Some(data) = load_input(bad.input) else { return Recheck::Drop };
	if data.ephemeral_key.to_bytes() != bad.ephemeral_key {
		return Recheck::Drop;
	}
	if !data.qualified {
		return Recheck::Disqualified;
	}
	let checks = secret
		.open_and_check_share(
			&input_context(view, &data),
			view.index,
			&data.ephemeral_key,
			&data.ciphertext,
			&data.commitments,
			view.shape.d() as usize,
		)
		.is_ok();
	if checks {
		Recheck::Drop
	} else {
		Recheck::Bad(alloc::boxed::Box::new(data))
	}
}

/// Opens and checks inputs `progress.checked..` (at most `limits.checks_per_run`), batched.
fn check_new_inputs<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	view: &JobView,
	progress: &mut JobProgress,
	load_input: &mut impl FnMut(u32) -> Option<InputView>,
	limits: &Limits,
	rng: &mut R,
) -> Result<StepReport, StepError> {
	let start = progress.checked;
	let end = view.input_count.min(start.saturating_add(limits.checks_per_run));
	let d = view.shape.d() as usize;
	let mut opened: Vec<(u32, [u8; 32], Share, Vec<Commitment>)> = Vec::new();
	let mut bad: Vec<(u32, [u8; 32])> = Vec::new();
	let mut last_digest = progress.checked_digest;
	for input in start..end {
		let data = load_input(input).ok_or(StepError::MissingInput { input })?;
		last_digest = data.digest;
		let r = data.ephemeral_key.to_bytes();
		match open_own_share(secret, view, &data) {
			Ok(share) => opened.push((input, r, share, data.commitments)),
			Err(_) => bad.push((input, r)),
		}
	}
	let items: Vec<(&Share, &[Commitment])> =
		opened.iter().map(|(_, _, s, c)| (s, c.as_slice())).collect();
	let culprits = batch_verify_shares(&view.shape, view.index, &items, rng).err();
	let culprits = culprits.unwrap_or_default();
	bad.extend(culprits.iter().filter_map(|&k| opened.get(k).map(|(i, r, _, _)| (*i, *r))));
	bad.sort_unstable();
	if end > start {
		// The running sum, on from the inputs checked before (from zero at the first input).
		let sum = if start == 0 {
			Share::zero(d).ok()
		} else {
			progress.sum.as_ref().and_then(|sealed| {
				secret.open_local(&sum_context(view, start, &progress.checked_digest), sealed, d)
			})
		};
		// Plus the shares that checked in this batch.
		let sum = sum.and_then(|mut acc| {
			let mut checked = opened.iter().enumerate().filter(|(k, _)| !culprits.contains(k));
			checked.try_for_each(|(_, (_, _, share, _))| acc.add(share)).ok()?;
			Some(acc)
		});
		progress.sum =
			sum.map(|sum| secret.seal_local(&sum_context(view, end, &last_digest), &sum, rng));
	}
	for (input, ephemeral_key) in &bad {
		if !progress.bad.iter().any(|b| b.input == *input) {
			progress.bad.push(BadInput {
				input: *input,
				ephemeral_key: *ephemeral_key,
				sent: None,
			});
		}
	}
	progress.checked = end;
	progress.checked_digest = last_digest;
	Ok(StepReport {
		checked: end.saturating_sub(start),
		found_bad: bad.len() as u32,
		..Default::default()
	})
}

/// What a running sum is sealed for: the job (chain, id), the worker's index, and the inputs
/// it covers (how many, and the chain's running inputs digest after the last of them), so
/// that a sum is never taken for another job, member or set of inputs. Local, not protocol.
pub fn sum_context(view: &JobView, checked: u32, digest: &[u8; 32]) -> Vec<u8> {
	let mut context = Vec::with_capacity(32 + 8 + 4 + 4 + 32);
	context.extend_from_slice(&view.genesis);
	context.extend_from_slice(&view.job_id.to_le_bytes());
	context.extend_from_slice(&view.index.get().to_le_bytes());
	context.extend_from_slice(&checked.to_le_bytes());
	context.extend_from_slice(digest);
	context
}

/// The result share from the running sum, without a second pass over the inputs: the sum
/// over every input checked, less this worker's shares of the inputs disqualified since
/// (other members' complaints; its own bad ones were never added). `None` unless the sum
/// covers all of the job's inputs, and unless the share checks against the aggregate `Ĉ`
/// (a stale or lost sum, a bad share of a qualified input): the caller then sums from
/// scratch ([`result_share`]), which names a bad qualified input.
pub fn running_result_share(
	secret: &WorkerSecret,
	view: &JobView,
	progress: &JobProgress,
	load_input: &mut impl FnMut(u32) -> Option<InputView>,
) -> Option<ResultShare> {
	let d = view.shape.d() as usize;
	if progress.checked != view.input_count {
		return None;
	}
	let context = sum_context(view, progress.checked, &progress.checked_digest);
	let mut sum = secret.open_local(&context, progress.sum.as_ref()?, d)?;
	for &input in &view.disqualified {
		if progress.bad.iter().any(|bad| bad.input == input) {
			continue;
		}
		let share = open_own_share(secret, view, &load_input(input)?).ok()?;
		sum.subtract(&share).ok()?;
	}
	let mut share = ResultShare { values: sum.values().to_vec(), blinding: *sum.blinding() };
	if share.verify(&view.shape, view.index, &view.aggregate) {
		return Some(share);
	}
	// Not the share of the qualified inputs: never published, so still secret. Wiped.
	share.values.iter_mut().for_each(zeroize::Zeroize::zeroize);
	zeroize::Zeroize::zeroize(&mut share.blinding);
	None
}

/// The worker's result share: the sum of its shares of the qualified inputs (section 8).
/// The shares are checked first (batched), so the worker never submits a share the chain
/// would reject, even if it lost its progress and never checked them before.
pub fn result_share<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	view: &JobView,
	load_input: &mut impl FnMut(u32) -> Option<InputView>,
	rng: &mut R,
) -> Result<ResultShare, StepError> {
	let d = view.shape.d() as usize;
	let mut opened: Vec<(u32, Share, Vec<Commitment>)> = Vec::new();
	for input in 0..view.input_count {
		let data = load_input(input).ok_or(StepError::MissingInput { input })?;
		if !data.qualified {
			continue;
		}
		let share = open_own_share(secret, view, &data)
			.map_err(|reason| StepError::BadQualifiedInput { input, reason })?;
		opened.push((input, share, data.commitments));
	}
	let items: Vec<(&Share, &[Commitment])> =
		opened.iter().map(|(_, s, c)| (s, c.as_slice())).collect();
	if let Err(culprits) = batch_verify_shares(&view.shape, view.index, &items, rng) {
		let input = culprits.first().and_then(|&k| opened.get(k)).map_or(0, |(i, _, _)| *i);
		return Err(StepError::BadQualifiedInput { input, reason: ShareError::CheckFailed });
	}
	ResultShare::aggregate(d, opened.iter().map(|(_, s, _)| s))
		.map_err(|_| StepError::MissingInput { input: 0 })
}

#[cfg(test)]
mod tests;
