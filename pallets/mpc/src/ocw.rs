//! The offchain-worker glue: read the chain, call `mpc_offchain_worker::step`, submit.
//!
//! For every `mpcw` key in the node's keystore: derive the worker's encryption secret (see
//! `mpc_offchain_worker`), register the worker if it is not registered yet and can pay the
//! bond, then run one step for each job the worker sits in. Progress per job and worker lives
//! in offchain persistent storage under a lock, so overlapping runs (fast blocks) and restarts
//! neither lose nor repeat work.
//!
//! Transactions are signed by the worker account (`CreateSignedTransaction`): fees price spam,
//! the nonce orders a worker's transactions, and the pallet refunds the fee of every valid
//! result share and true complaint (`Pays::No`), so honest work costs nothing. Only committee
//! members can submit for a job, once (the pallet checks both).

use crate::{
	keys::{DkgStep, KeyStatus, ThresholdKey},
	BeaconDkg, BeaconKeys, BeaconRounds, Call, Config, Inputs, Jobs, KeyDealings, KeyEnvelopes,
	KeyRefreshEnvelopes, KeyRefreshRound1, KeyRefreshes, KeyRound1, OpenBeaconRound,
	OpenSignRequests, Pallet, PendingKeys, ResultShares, SignRequests, ThresholdKeys, WorkerJobs,
	Workers, LOG_TARGET,
};
use alloc::{format, string::String, vec::Vec};
use codec::Encode;
use frame_support::{
	traits::{fungible::Inspect, Get},
	BoundedVec,
};
use frame_system::{
	offchain::{AppCrypto, CreateSignedTransaction, SubmitTransaction},
	pallet_prelude::BlockNumberFor,
};
use mpc_offchain_worker::{
	beacon::{
		beacon_step, BeaconAction, BeaconProgress, BeaconView, DealingView, DkgView, RoundView,
	},
	key_derivation_message,
	keys::{
		dkg_step, epoch_step, key_package, refresh_step, refreshed_key_package, sign_step,
		AttemptView, EpochView, KeyAction, KeyError, KeyMaterial, KeyProgress, MemberContext,
		NonceSlot, NonceStore, RefreshMaterial, RefreshView, SignView, Step, Zeroizing,
	},
	step, worker_secret_from_signature, Action, InputView, JobProgress, JobView, Limits,
};
use mpc_primitives::{
	frost::{refresh::RefreshPackage, Envelope, FrostGroup, KeyPackage},
	EncryptionKey, ParticipantIndex, Point, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_runtime::{
	offchain::{
		storage::StorageValueRef,
		storage_lock::{StorageLock, StorageLockGuard, Time},
		Duration,
	},
	traits::{IdentifyAccount, Saturating, UniqueSaturatedInto},
	RuntimeAppPublic,
};

/// Blocks to wait before sending a registration again.
const REGISTER_RETRY: u32 = 10;

/// How long a worker's run lock holds without being extended; a run extends it after each job.
/// It is also how long a node that stopped mid-run waits to work for that worker again. One
/// job's work took at most 2.5 s on a debug node with five 1,000-input jobs and the 2 cores
/// busy (its result share, which checks every input again).
const WORKER_RUN_LOCK_MS: u64 = 20_000;

/// What a node remembers of a worker's nonces between runs (offchain storage, per account).
#[derive(codec::Encode, codec::Decode)]
struct NonceState<Nonce> {
	/// The nonce after the last transaction sent.
	next: Nonce,
	/// When the oldest transaction still pending was sent.
	since: u32,
}

/// One worker key of this node.
struct LocalWorker<T: Config> {
	public: T::Public,
	account: T::AccountId,
	secret: WorkerSecret,
	/// The next nonce to use in this run.
	nonce: T::Nonce,
	/// Whether this run started from the chain's nonce (nothing counted as pending).
	from_chain: bool,
	/// Whether this run sent a transaction (and so must remember its nonce).
	sent: bool,
}

impl<T: Config> Pallet<T> {
	/// Entry point from the `offchain_worker` hook.
	pub(crate) fn run_offchain_worker(now: BlockNumberFor<T>) {
		let keys = <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all();
		let now: u32 = now.unique_saturated_into();
		for key in keys {
			let Some(mut worker) = Self::local_worker(key) else {
				log::warn!(target: LOG_TARGET, "a worker key could not derive its secret");
				continue;
			};
			// One run at a time per worker. A node starts a run for every block it imports,
			// and a run that outlasts a block overlaps the next one: two runs would number
			// their transactions from the same remembered nonce, and the pool would keep one
			// of each pair (the other silently replaced), so a duty that one run marked sent
			// would be lost until its resend, and lost again if the resend collided too (seen
			// under load: every result share of one job lost until its deadline). The later
			// run leaves this worker to the one in progress, whose next run picks up.
			let lock_key = [b"mpc::worker-run::".as_slice(), worker.account.as_ref()].concat();
			let mut lock = StorageLock::<Time>::with_deadline(
				&lock_key,
				Duration::from_millis(WORKER_RUN_LOCK_MS),
			);
			let Ok(mut guard) = lock.try_lock() else {
				log::debug!(
					target: LOG_TARGET,
					"worker {:?}: another run is working for it",
					worker.account
				);
				continue;
			};
			// Under the lock: the nonces a finished run remembered are read here.
			worker.nonce = Self::next_nonce(&worker.account, now);
			worker.from_chain =
				worker.nonce == frame_system::Pallet::<T>::account_nonce(&worker.account);
			Self::work_as(&mut worker, &mut guard, now);
			if worker.sent {
				Self::remember_nonce(&worker, now);
			}
		}
	}

	/// The worker of a keystore key, its nonce not yet read (the caller does, under the
	/// worker's run lock).
	fn local_worker(
		key: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic,
	) -> Option<LocalWorker<T>> {
		type Generic<T> = <<T as Config>::AuthorityId as AppCrypto<
			<T as frame_system::offchain::SigningTypes>::Public,
			<T as frame_system::offchain::SigningTypes>::Signature,
		>>::GenericPublic;
		let public: T::Public = Generic::<T>::from(key).into();
		let account = public.clone().into_account();
		let app: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic =
			Generic::<T>::try_from(public.clone()).ok()?.into();
		let signature = app.sign(&key_derivation_message(account.as_ref()))?;
		let bytes: [u8; 64] = signature.encode().try_into().ok()?;
		let secret = worker_secret_from_signature(&bytes)?;
		let nonce = frame_system::Pallet::<T>::account_nonce(&account);
		Some(LocalWorker { public, account, secret, nonce, from_chain: true, sent: false })
	}

	/// The bounds on one run of the worker. Transactions are resent after half the complaint
	/// window (at most 5 blocks), so that a complaint dropped by the pool is sent again while
	/// the window is still open (`integrity_test` checks it).
	pub(crate) fn worker_limits() -> Limits {
		let window: u32 = T::ComplaintWindow::get().unique_saturated_into();
		let default = Limits::default();
		Limits { resubmit_after: (window / 2).clamp(1, default.resubmit_after), ..default }
	}

	fn nonce_key(account: &T::AccountId) -> Vec<u8> {
		[b"mpc::nonce::".as_slice(), account.as_ref()].concat()
	}

	/// The nonce for this run's first transaction.
	///
	/// The chain's nonce counts only what landed: while a transaction this node sent is still
	/// pending, a new one with the chain's nonce would be refused by the pool as a replacement.
	/// So the node remembers the nonce after its last transaction ([`NonceState`]) and uses it
	/// while transactions are pending, that is while it is ahead of the chain's, for
	/// `resubmit_after` blocks ([`Self::worker_limits`]) after the oldest pending one was sent.
	/// After that the ones still pending count as dropped: the worker resends what is still due
	/// from the chain's nonce, so a dropped transaction leaves no gap.
	fn next_nonce(account: &T::AccountId, now: u32) -> T::Nonce {
		let chain = frame_system::Pallet::<T>::account_nonce(account);
		let key = Self::nonce_key(account);
		let stored = StorageValueRef::persistent(&key).get::<NonceState<T::Nonce>>();
		match stored {
			Ok(Some(state))
				if state.next > chain
					&& now < state.since.saturating_add(Self::worker_limits().resubmit_after) =>
			{
				state.next
			}
			_ => chain,
		}
	}

	/// Records the nonce after this run's last transaction.
	fn remember_nonce(worker: &LocalWorker<T>, now: u32) {
		let key = Self::nonce_key(&worker.account);
		let store = StorageValueRef::persistent(&key);
		let chain = frame_system::Pallet::<T>::account_nonce(&worker.account);
		// Pending since this run if it started from the chain's nonce (nothing older is
		// pending); otherwise since the oldest send still unconfirmed, which a partial landing
		// does not make younger.
		let since = match store.get::<NonceState<T::Nonce>>() {
			Ok(Some(old)) if !worker.from_chain && old.next > chain => old.since,
			_ => now,
		};
		store.set(&NonceState { next: worker.nonce, since });
	}

	/// One run of `worker`, holding its run lock (`run_lock`), which it extends after each job.
	fn work_as(
		worker: &mut LocalWorker<T>,
		run_lock: &mut StorageLockGuard<'_, '_, Time>,
		now_u32: u32,
	) {
		let seen_key = [b"mpc::registered::".as_slice(), worker.account.as_ref()].concat();
		let seen = StorageValueRef::persistent(&seen_key);
		let Some(info) = Workers::<T>::get(&worker.account) else {
			// A worker this node saw registered and that is gone was deregistered by its
			// operator: it is not registered again behind their back.
			if seen.get::<bool>().ok().flatten().is_some() {
				log::debug!(
					target: LOG_TARGET,
					"worker {:?} was deregistered; register it by hand to serve again",
					worker.account
				);
				return;
			}
			Self::maybe_register(worker, now_u32);
			return;
		};
		// Remembered once the registration is `REGISTER_RETRY` blocks deep, so that one a
		// reorganisation dropped is sent again.
		let since: u32 = info.since.unique_saturated_into();
		let deep = now_u32 >= since.saturating_add(REGISTER_RETRY);
		if deep && seen.get::<bool>().ok().flatten().is_none() {
			seen.set(&true);
		}
		if info.key != *worker.secret.public_key() {
			log::warn!(
				target: LOG_TARGET,
				"worker {:?}: registered key differs from the keystore key's; not acting",
				worker.account
			);
			return;
		}
		let jobs: Vec<(u64, ParticipantIndex)> =
			WorkerJobs::<T>::iter_prefix(&worker.account).collect();
		for (job_id, index) in jobs {
			Self::work_on_job(worker, job_id, index, now_u32);
			// A run over many jobs keeps its lock: the deadline covers one job's work. (If
			// this fails the lock expired mid-job: an overlapping run may now start, as before
			// the lock; nothing is lost but the guard.)
			let _ = run_lock.extend_lock();
		}
		if Self::beacon_enabled() {
			Self::work_on_beacon(worker, now_u32);
		}
		Self::work_on_keys(worker, now_u32);
		Self::work_on_signatures(worker, now_u32);
	}

	/// The worker's part in the threshold keys it sits in (PROTOCOL.md section 14): DKGs,
	/// refreshes, and asking for a refresh when a key's epoch is over. (Every key is read:
	/// fine for the keys a chain holds today; an index of a worker's keys would bound it.)
	fn work_on_keys(worker: &mut LocalWorker<T>, now: u32) {
		let key = [b"mpc::keys::".as_slice(), worker.account.as_ref()].concat();
		let lock_key = [key.as_slice(), b"::lock"].concat();
		let mut lock = StorageLock::<Time>::with_deadline(&lock_key, Duration::from_millis(20_000));
		let Ok(_guard) = lock.try_lock() else { return };
		let store = StorageValueRef::persistent(&key);
		let mut progress = store.get::<KeyProgress>().ok().flatten().unwrap_or_default();
		let keys: Vec<(u64, ThresholdKey<T>)> = ThresholdKeys::<T>::iter().collect();
		let live: Vec<u64> = keys.iter().map(|(k, _)| *k).collect();
		progress.retain_keys(&live);
		let chain = MemberContext {
			genesis: Self::genesis_hash(),
			account: Self::account_bytes(&worker.account),
			now,
		};
		for (key_id, stored) in &keys {
			let key_id = *key_id;
			if let KeyStatus::Active { .. } = &stored.status {
				if let Some(action) =
					Self::active_key_step(worker, &chain, key_id, stored, &mut progress)
				{
					if !Self::send_key_action(worker, action.clone()) {
						progress.forget_sent(&action);
					}
				}
				continue;
			}
			let KeyStatus::Generating { attempt, members, step, opened, until, posted } =
				&stored.status
			else {
				continue;
			};
			let Some(index) = Self::own_index(members, worker) else { continue };
			let n = members.len() as u32;
			let step = Self::step_of(*step);
			let posted_here = posted.iter().any(|(i, _)| *i == index);
			// Confirmed: nothing left to do in this attempt.
			if step == Step::Complaints && posted_here {
				continue;
			}
			// The packages only when they are used: an envelope still to seal, or the checks.
			let needs_packages = match step {
				Step::Round1 => false,
				Step::Round2 => !posted_here,
				Step::Complaints => true,
			};
			let packages =
				if needs_packages { Self::key_packages_of(key_id, n) } else { Vec::new() };
			let envelopes: Vec<_> = if step == Step::Complaints {
				ParticipantIndex::all(n)
					.filter_map(|j| KeyEnvelopes::<T>::get(key_id, j))
					.map(|e| (e.envelope.to_envelope(), e.digest))
					.collect()
			} else {
				Vec::new()
			};
			let keys: Vec<EncryptionKey> = members.iter().map(|m| m.key).collect();
			let accounts: Vec<[u8; 32]> =
				members.iter().map(|m| Self::account_bytes(&m.account)).collect();
			let view = AttemptView {
				key: key_id,
				attempt: *attempt,
				threshold: stored.threshold,
				index,
				members: &keys,
				accounts: &accounts,
				step,
				opened: (*opened).unique_saturated_into(),
				until: (*until).unique_saturated_into(),
				posted: posted_here,
				packages: &packages,
				envelopes: &envelopes,
			};
			let mut rng = Self::offchain_rng(&key_id.to_le_bytes());
			let action = match dkg_step(
				&worker.secret,
				&chain,
				&view,
				&mut progress,
				&Self::worker_limits(),
				&mut rng,
			) {
				Ok(Some(action)) => action,
				Ok(None) => continue,
				Err(e) => {
					log::warn!(target: LOG_TARGET, "key {key_id}: member {}: {e:?}", index.get());
					continue;
				}
			};
			if !Self::send_key_action(worker, action.clone()) {
				progress.forget_sent(&action);
			}
		}
		store.set(&progress);
	}

	/// The worker's index among a key's `members`. A member whose key changed since the
	/// committee was drawn sits it out.
	fn own_index(
		members: &[crate::CommitteeMember<T>],
		worker: &LocalWorker<T>,
	) -> Option<ParticipantIndex> {
		let own = worker.secret.public_key();
		let position = members.iter().position(|m| m.account == worker.account && m.key == *own)?;
		ParticipantIndex::new(position as u32 + 1).ok()
	}

	fn step_of(step: DkgStep) -> Step {
		match step {
			DkgStep::Round1 => Step::Round1,
			DkgStep::Round2 => Step::Round2,
			DkgStep::Complaints => Step::Complaints,
		}
	}

	/// An active key's part: its running refresh, or asking for one when its epoch is over.
	fn active_key_step(
		worker: &LocalWorker<T>,
		chain: &MemberContext,
		key_id: u64,
		key: &ThresholdKey<T>,
		progress: &mut KeyProgress,
	) -> Option<KeyAction> {
		let KeyStatus::Active {
			members,
			ids,
			refreshes,
			epoch_start,
			refreshing,
			last_attempt,
			..
		} = &key.status
		else {
			return None;
		};
		progress.prune(key_id, *last_attempt, refreshes.len() as u32);
		let own = Self::own_index(members, worker)?;
		let rank = ids.iter().position(|i| *i == own)? as u32;
		let Some(attempt) = refreshing else {
			let last = refreshes.len() as u32 >= T::MaxKeyRefreshes::get();
			// No refresh request while no key can start refreshing: it would fail.
			let full =
				PendingKeys::<T>::decode_len().unwrap_or(0) as u32 >= T::MaxPendingKeys::get();
			if full && !last {
				return None;
			}
			let end: u32 =
				epoch_start.saturating_add(T::KeyEpochLength::get()).unique_saturated_into();
			let view = EpochView {
				key: key_id,
				epoch: refreshes.len() as u32,
				end,
				rank,
				window: T::KeyRoundWindow::get().unique_saturated_into(),
				now: chain.now,
				last,
			};
			return epoch_step(&view, progress, &Self::worker_limits());
		};
		let attempt = *attempt;
		let refresh = KeyRefreshes::<T>::get(key_id, attempt)?;
		let own_key = *worker.secret.public_key();
		let position =
			refresh.members.iter().position(|m| m.account == worker.account && m.key == own_key)?;
		let id = *refresh.ids.get(position)?;
		let step = Self::step_of(refresh.step);
		let posted = refresh.posted.iter().any(|(i, _)| *i == id);
		// Confirmed: nothing left to do in this attempt.
		if step == Step::Complaints && posted {
			return None;
		}
		let packages = match step {
			Step::Round1 => Vec::new(),
			Step::Round2 if posted => Vec::new(),
			_ => Self::refresh_packages_of(key_id, attempt, &refresh.ids),
		};
		let (envelopes, digests) = if step == Step::Complaints {
			Self::refresh_envelopes_of(key_id, attempt, &refresh.ids)
		} else {
			(Vec::new(), Vec::new())
		};
		let keys: Vec<EncryptionKey> = refresh.members.iter().map(|m| m.key).collect();
		let accounts: Vec<[u8; 32]> =
			refresh.members.iter().map(|m| Self::account_bytes(&m.account)).collect();
		let view = RefreshView {
			material: RefreshMaterial {
				key: key_id,
				attempt,
				threshold: key.threshold,
				position: ParticipantIndex::new(position as u32 + 1).ok()?,
				ids: &refresh.ids,
				members: &keys,
				accounts: &accounts,
				packages: &packages,
				envelopes: &envelopes,
			},
			step,
			opened: refresh.opened.unique_saturated_into(),
			until: refresh.until.unique_saturated_into(),
			posted,
			digests: &digests,
		};
		let secret = &worker.secret;
		let current = |rng: &mut ChaCha20Rng| Self::rebuild_key(secret, chain, key_id, key, rng);
		let mut rng = Self::offchain_rng(&key_id.to_le_bytes());
		match refresh_step(
			secret,
			chain,
			&view,
			current,
			progress,
			&Self::worker_limits(),
			&mut rng,
		) {
			Ok(action) => action,
			Err(e) => {
				log::warn!(target: LOG_TARGET, "key {key_id}: refresh {attempt}: {e:?}");
				None
			}
		}
	}

	/// A refresh attempt's packages, by identifier in `ids` order (those on chain).
	fn refresh_packages_of(
		key_id: u64,
		attempt: u32,
		ids: &[ParticipantIndex],
	) -> Vec<RefreshPackage> {
		ids.iter()
			.filter_map(|i| KeyRefreshRound1::<T>::get((key_id, attempt, *i)))
			.map(|p| RefreshPackage { commitments: p.to_vec() })
			.collect()
	}

	/// A refresh attempt's envelopes and their digests, in `ids` order (those on chain).
	fn refresh_envelopes_of(
		key_id: u64,
		attempt: u32,
		ids: &[ParticipantIndex],
	) -> (Vec<Envelope>, Vec<[u8; 32]>) {
		ids.iter()
			.filter_map(|i| KeyRefreshEnvelopes::<T>::get((key_id, attempt, *i)))
			.map(|e| (e.envelope.to_envelope(), e.digest))
			.unzip()
	}

	/// The worker's key package and the key as they stand now: the DKG's, then every
	/// completed refresh in order (PROTOCOL.md section 14.10).
	fn rebuild_key(
		secret: &WorkerSecret,
		chain: &MemberContext,
		key_id: u64,
		key: &ThresholdKey<T>,
		rng: &mut ChaCha20Rng,
	) -> Result<(KeyPackage, FrostGroup), KeyError> {
		let KeyStatus::Active { attempt, members, group_key, refreshes, .. } = &key.status else {
			return Err(KeyError::Inconsistent);
		};
		let own = secret.public_key();
		let index = members
			.iter()
			.position(|m| Self::account_bytes(&m.account) == chain.account && m.key == *own)
			.and_then(|p| ParticipantIndex::new(p as u32 + 1).ok())
			.ok_or(KeyError::Inconsistent)?;
		let n = members.len() as u32;
		let packages = Self::key_packages_of(key_id, n);
		let envelopes: Vec<_> = ParticipantIndex::all(n)
			.filter_map(|j| KeyEnvelopes::<T>::get(key_id, j))
			.map(|e| e.envelope.to_envelope())
			.collect();
		let keys: Vec<EncryptionKey> = members.iter().map(|m| m.key).collect();
		let material = KeyMaterial {
			key: key_id,
			attempt: *attempt,
			threshold: key.threshold,
			index,
			members: &keys,
			group_key: *group_key,
			packages: &packages,
			envelopes: &envelopes,
		};
		let mut current = key_package(secret, chain, &material, rng)?;
		for a in refreshes {
			let refresh = KeyRefreshes::<T>::get(key_id, a).ok_or(KeyError::Inconsistent)?;
			let position = refresh
				.ids
				.iter()
				.position(|i| *i == index)
				.and_then(|p| ParticipantIndex::new(p as u32 + 1).ok())
				.ok_or(KeyError::NoKeyShare)?;
			let packages = Self::refresh_packages_of(key_id, *a, &refresh.ids);
			let (envelopes, _) = Self::refresh_envelopes_of(key_id, *a, &refresh.ids);
			let keys: Vec<EncryptionKey> = refresh.members.iter().map(|m| m.key).collect();
			let accounts: Vec<[u8; 32]> =
				refresh.members.iter().map(|m| Self::account_bytes(&m.account)).collect();
			let material = RefreshMaterial {
				key: key_id,
				attempt: *a,
				threshold: key.threshold,
				position,
				ids: &refresh.ids,
				members: &keys,
				accounts: &accounts,
				packages: &packages,
				envelopes: &envelopes,
			};
			current = refreshed_key_package(secret, chain, current, &material, rng)?;
		}
		Ok(current)
	}

	/// The attempt's round-1 packages in member order (those on chain).
	fn key_packages_of(key_id: u64, n: u32) -> Vec<mpc_primitives::frost::Round1Package> {
		ParticipantIndex::all(n)
			.filter_map(|i| KeyRound1::<T>::get(key_id, i))
			.map(|p| p.to_package())
			.collect()
	}

	fn account_bytes(account: &T::AccountId) -> [u8; 32] {
		let mut out = [0u8; 32];
		let bytes = account.as_ref();
		let len = bytes.len().min(32);
		out[..len].copy_from_slice(&bytes[..len]);
		out
	}

	/// The worker's part in the open signing requests of keys it holds a share of.
	fn work_on_signatures(worker: &mut LocalWorker<T>, now: u32) {
		let open = OpenSignRequests::<T>::get();
		let mut store = OffchainNonces { account: Self::account_bytes(&worker.account) };
		store.prune(&open, |r| SignRequests::<T>::get(r).map(|q| q.attempt));
		if open.is_empty() {
			return;
		}
		let chain = MemberContext {
			genesis: Self::genesis_hash(),
			account: Self::account_bytes(&worker.account),
			now,
		};
		for request_id in open {
			let Some(request) = SignRequests::<T>::get(request_id) else { continue };
			let Some(key) = ThresholdKeys::<T>::get(request.key) else { continue };
			let KeyStatus::Active { members, ids, .. } = &key.status else {
				continue;
			};
			let Some(index) = Self::own_index(members, worker) else { continue };
			if !ids.contains(&index) {
				continue;
			}
			let view = SignView {
				genesis: chain.genesis,
				key: request.key,
				request: request_id,
				attempt: request.attempt,
				message: &request.message,
				index,
				excluded: request.excluded.contains(&index),
				commitments: &request.commitments,
				fixed: request.fixed.is_some(),
				shared: request.shares.iter().any(|(i, _)| *i == index),
				now,
			};
			let (secret, key_id) = (&worker.secret, request.key);
			let rebuild = |rng: &mut ChaCha20Rng| {
				Self::rebuild_key(secret, &chain, key_id, &key, rng).map(|(package, _)| package)
			};
			let mut rng = Self::offchain_rng(&request_id.to_le_bytes());
			match sign_step(&view, rebuild, &mut store, &Self::worker_limits(), &mut rng) {
				Ok(Some(action)) => {
					Self::send_key_action(worker, action);
				}
				Ok(None) => {}
				Err(e) => log::warn!(
					target: LOG_TARGET,
					"signing request {request_id}: member {}: {e:?}",
					index.get()
				),
			}
		}
	}

	/// Sends a key member's transaction; whether the pool took it.
	fn send_key_action(worker: &mut LocalWorker<T>, action: KeyAction) -> bool {
		let (what, call) = match action {
			KeyAction::Round1 { key, attempt, attempt_digest, package } => match package.try_into()
			{
				Ok(package) => (
					format!("round-1 package for key {key} attempt {attempt}"),
					Call::<T>::submit_key_round1 { key, attempt, attempt_digest, package },
				),
				Err(_) => return false,
			},
			KeyAction::RefreshRound1 { key, attempt, attempt_digest, package } => {
				match package.commitments.try_into() {
					Ok(package) => (
						format!("refresh package for key {key} attempt {attempt}"),
						Call::<T>::submit_refresh_round1 { key, attempt, attempt_digest, package },
					),
					Err(_) => return false,
				}
			}
			KeyAction::Refresh { key } => {
				(format!("refresh request for key {key}"), Call::<T>::refresh_key { key })
			}
			KeyAction::Confirm { key, attempt, attempt_digest, confirm_digest } => (
				format!("confirmation for key {key} attempt {attempt}"),
				Call::<T>::confirm_key_shares { key, attempt, attempt_digest, confirm_digest },
			),
			KeyAction::Expire { key } => {
				(format!("expiry of key {key}"), Call::<T>::expire_key { key })
			}
			KeyAction::Envelope { key, attempt, attempt_digest, envelope } => {
				match envelope.try_into() {
					Ok(envelope) => (
						format!("envelope for key {key} attempt {attempt}"),
						Call::<T>::submit_key_envelope { key, attempt, attempt_digest, envelope },
					),
					Err(_) => return false,
				}
			}
			KeyAction::Complain { key, attempt, sender, digest, shared_key, proof } => (
				format!("complaint about member {} of key {key}", sender.get()),
				Call::<T>::complain_key_envelope {
					key,
					attempt,
					sender,
					envelope_digest: digest,
					shared_key,
					proof,
				},
			),
			KeyAction::Commit { request, attempt, commitment } => (
				format!("signing commitment for request {request} attempt {attempt}"),
				Call::<T>::submit_sign_commitment { request, attempt, commitment },
			),
			KeyAction::Share { request, attempt, package_digest, share } => (
				format!("signature share for request {request} attempt {attempt}"),
				Call::<T>::submit_sign_share { request, attempt, package_digest, share },
			),
		};
		let sent = Self::send(worker, call);
		if sent {
			log::info!(target: LOG_TARGET, "key member {:?}: sent {what}", worker.account);
		}
		sent
	}

	/// What member `index` reads of epoch `epoch`'s dealings `dealers`: its own ciphertexts.
	fn dealing_views(
		epoch: u64,
		index: ParticipantIndex,
		dealers: impl Iterator<Item = ParticipantIndex>,
	) -> Vec<DealingView> {
		dealers
			.filter_map(|dealer| {
				let d = KeyDealings::<T>::get(epoch, dealer)?;
				let commitments = d
					.commitments
					.iter()
					.map(|a| Point::from_bytes(a).ok())
					.collect::<Option<Vec<_>>>()?;
				let ciphertext = *d.ciphertexts.get(index.get() as usize - 1)?;
				Some(DealingView {
					dealer,
					digest: d.digest,
					ephemeral_key: d.ephemeral_key,
					commitments,
					ciphertext,
				})
			})
			.collect()
	}

	/// The worker's part in the beacon (PROTOCOL.md section 11): dealing and checking in a
	/// DKG it sits in, its share of the open round.
	fn work_on_beacon(worker: &mut LocalWorker<T>, now: u32) {
		let key = [b"mpc::beacon::".as_slice(), worker.account.as_ref()].concat();
		let lock_key = [key.as_slice(), b"::lock"].concat();
		let mut lock = StorageLock::<Time>::with_deadline(&lock_key, Duration::from_millis(20_000));
		let Ok(_guard) = lock.try_lock() else { return };
		let store = StorageValueRef::persistent(&key);
		let mut progress = store.get::<BeaconProgress>().ok().flatten().unwrap_or_default();

		let dkg = BeaconDkg::<T>::get();
		let dkg_keys: Vec<EncryptionKey> =
			dkg.as_ref().map(|d| d.committee.iter().map(|m| m.key).collect()).unwrap_or_default();
		// A committee holds the key of each member as it was when the committee was made: a
		// worker whose key changed since sits it out (the rotation asked for a new DKG).
		let own_key = *worker.secret.public_key();
		let dkg_part = dkg.as_ref().and_then(|d| {
			let i =
				d.committee.iter().position(|m| m.account == worker.account && m.key == own_key)?;
			let index = ParticipantIndex::new(i as u32 + 1).ok()?;
			let dealers = ParticipantIndex::all(d.committee.len() as u32)
				.filter(|j| !d.disqualified.contains(j));
			Some((d, index, Self::dealing_views(d.epoch, index, dealers)))
		});

		let round = OpenBeaconRound::<T>::get().and_then(|r| Some((r, BeaconRounds::<T>::get(r)?)));
		let round_part = round.and_then(|(r, stored)| {
			let key = BeaconKeys::<T>::get(stored.epoch)?;
			let i = key
				.committee
				.iter()
				.position(|m| m.account == worker.account && m.key == own_key)?;
			let index = ParticipantIndex::new(i as u32 + 1).ok()?;
			let public_share = Point::from_bytes(key.public_shares.get(i)?).ok()?;
			let posted = stored.shares.iter().any(|s| s.index == index);
			let dealings = if posted {
				Vec::new()
			} else {
				Self::dealing_views(stored.epoch, index, key.qualified.iter().copied())
			};
			let opened: u32 = stored.opened.unique_saturated_into();
			let members = key.committee.len() as u32;
			Some((
				r,
				stored.epoch,
				stored.seed,
				index,
				members,
				opened,
				posted,
				public_share,
				dealings,
			))
		});
		if dkg_part.is_none() && round_part.is_none() {
			return;
		}
		let view = BeaconView {
			genesis: Self::genesis_hash(),
			account: *worker.account.as_ref(),
			now,
			dkg: dkg_part.as_ref().map(|(d, index, dealings)| DkgView {
				epoch: d.epoch,
				index: *index,
				committee: &dkg_keys,
				deals_until: d.deals_until.unique_saturated_into(),
				complaints_until: d.complaints_until.unique_saturated_into(),
				dealt: KeyDealings::<T>::contains_key(d.epoch, index),
				dealings,
			}),
			round: round_part.as_ref().map(
				|(r, epoch, seed, index, members, opened, posted, public_share, dealings)| {
					RoundView {
						round: *r,
						epoch: *epoch,
						seed: *seed,
						index: *index,
						members: *members,
						opened: *opened,
						posted: *posted,
						public_share: *public_share,
						dealings,
					}
				},
			),
		};
		let mut rng = Self::offchain_rng(&key);
		let (actions, error) =
			beacon_step(&worker.secret, &view, &mut progress, &Self::worker_limits(), &mut rng);
		if let Some(e) = error {
			log::warn!(target: LOG_TARGET, "beacon member {:?}: {e:?}", worker.account);
		}
		for action in actions {
			let sent = action.clone();
			let (what, call) = match action {
				BeaconAction::Deal { epoch, dealing } => match dealing.try_into() {
					Ok(dealing) => (
						format!("dealing for epoch {epoch}"),
						Call::<T>::submit_key_dealing { epoch, dealing },
					),
					Err(_) => continue,
				},
				BeaconAction::Complain { epoch, dealer, digest, shared_key, proof } => (
					format!("complaint about dealer {} of epoch {epoch}", dealer.get()),
					Call::<T>::complain_dealing {
						epoch,
						dealer,
						dealing_digest: digest,
						shared_key,
						proof,
					},
				),
				BeaconAction::RoundShare { round, share } => (
					format!("share of round {round}"),
					Call::<T>::submit_round_share { round, share: share.point, proof: share.proof },
				),
			};
			if Self::send(worker, call) {
				log::info!(target: LOG_TARGET, "beacon member {:?}: sent {what}", worker.account);
			} else {
				progress.forget_sent(&sent);
			}
		}
		store.set(&progress);
	}

	fn maybe_register(worker: &mut LocalWorker<T>, now: u32) {
		let storage_key = [b"mpc::register::".as_slice(), worker.account.as_ref()].concat();
		let sent = StorageValueRef::persistent(&storage_key);
		if let Ok(Some(at)) = sent.get::<u32>() {
			if now < at.saturating_add(REGISTER_RETRY) {
				return;
			}
		}
		let bond = T::WorkerBond::get();
		if T::Currency::reducible_balance(
			&worker.account,
			frame_support::traits::tokens::Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		) < bond.saturating_add(bond / 10u32.into())
		{
			log::info!(
				target: LOG_TARGET,
				"worker {:?} is not registered and cannot pay the bond yet",
				worker.account
			);
			return;
		}
		let mut rng = Self::offchain_rng(worker.account.as_ref());
		let proof = worker.secret.prove_possession(
			&Self::genesis_hash(),
			worker.account.as_ref(),
			&mut rng,
		);
		let call = Call::<T>::register_worker {
			key: worker.secret.public_key().to_bytes(),
			proof: proof.to_bytes(),
		};
		if Self::send(worker, call) {
			sent.set(&now);
			log::info!(target: LOG_TARGET, "worker {:?}: registration sent", worker.account);
		}
	}

	fn offchain_rng(context: &[u8]) -> ChaCha20Rng {
		let mut seed = sp_io::offchain::random_seed();
		for (s, c) in seed.iter_mut().zip(context) {
			*s ^= c;
		}
		ChaCha20Rng::from_seed(seed)
	}

	fn send(worker: &mut LocalWorker<T>, call: Call<T>) -> bool {
		let Some(xt) = <T as CreateSignedTransaction<Call<T>>>::create_signed_transaction::<
			T::AuthorityId,
		>(call.into(), worker.public.clone(), worker.account.clone(), worker.nonce) else {
			log::warn!(target: LOG_TARGET, "worker {:?}: could not sign", worker.account);
			return false;
		};
		match SubmitTransaction::<T, Call<T>>::submit_transaction(xt) {
			Ok(()) => {
				log::debug!(
					target: LOG_TARGET,
					"worker {:?}: transaction with nonce {:?} in the pool",
					worker.account,
					worker.nonce
				);
				worker.nonce = worker.nonce.saturating_add(1u32.into());
				worker.sent = true;
				true
			}
			Err(()) => {
				log::warn!(target: LOG_TARGET, "worker {:?}: transaction refused by the pool", worker.account);
				false
			}
		}
	}

	fn work_on_job(worker: &mut LocalWorker<T>, job_id: u64, index: ParticipantIndex, now: u32) {
		let Some(job) = Jobs::<T>::get(job_id) else { return };
		let key = [b"mpc::progress::".as_slice(), &job_id.to_le_bytes(), worker.account.as_ref()]
			.concat();
		let lock_key = [key.as_slice(), b"::lock"].concat();
		let mut lock = StorageLock::<Time>::with_deadline(&lock_key, Duration::from_millis(20_000));
		let Ok(_guard) = lock.try_lock() else {
			log::debug!(target: LOG_TARGET, "job {job_id}: another run holds the lock");
			return;
		};
		let mut store = StorageValueRef::persistent(&key);
		let mut progress = store.get::<JobProgress>().ok().flatten().unwrap_or_default();
		// Only a result share uses the aggregate and the disqualified inputs: read once result
		// shares are due.
		let result_shares_open = job.phase.result_shares_open();
		let aggregate = if result_shares_open {
			crate::Aggregates::<T>::get(job_id)
		} else {
			Default::default()
		};
		let view = JobView {
			job_id,
			genesis: Self::genesis_hash(),
			shape: job.shape,
			phase: job.phase,
			input_count: job.input_count,
			index,
			result_share_on_chain: ResultShares::<T>::contains_key(job_id, index),
			aggregate_digest: if result_shares_open {
				crate::aggregate_digest(&aggregate)
			} else {
				[0u8; 32]
			},
			deadline: job.deadline.unique_saturated_into(),
			now,
			block_hash: Self::hash_bytes(&frame_system::Pallet::<T>::block_hash(
				BlockNumberFor::<T>::from(now),
			)),
			confirmed: job.phase == crate::JobPhase::Verifying
				&& crate::InputConfirmations::<T>::get(job_id) & Self::member_bit(index) != 0,
			aggregate: aggregate.into_inner(),
			disqualified: if result_shares_open {
				Self::disqualified_inputs(job_id, &job)
			} else {
				Vec::new()
			},
		};
		if view.phase.has_ended() {
			store.clear();
			return;
		}
		let load = |k: u32| {
			let input = Inputs::<T>::get(job_id, k)?;
			let ciphertext = input.ciphertexts.get(index.get() as usize - 1)?.clone();
			Some(InputView {
				provider: *input.provider.as_ref(),
				ephemeral_key: input.ephemeral_key,
				commitments: input.commitments.into_inner(),
				ciphertext: ciphertext.into_inner(),
				qualified: input.qualified,
				digest: input.digest,
			})
		};
		let started = sp_io::offchain::timestamp();
		let mut rng = Self::offchain_rng(&key);
		let outcome =
			step(&worker.secret, &view, &mut progress, load, &Self::worker_limits(), &mut rng);
		let elapsed = sp_io::offchain::timestamp().diff(&started).millis();
		let actions = match outcome {
			Ok((actions, report)) => {
				if report.restarted {
					log::info!(
						target: LOG_TARGET,
						"worker {}: job {job_id}: the inputs it had checked changed (a reorganisation); checking again",
						index.get()
					);
				}
				if report.dropped > 0 {
					log::info!(
						target: LOG_TARGET,
						"worker {}: job {job_id}: {} bad inputs gone or replaced; no complaint",
						index.get(),
						report.dropped
					);
				}
				if report.checked > 0 {
					log::info!(
						target: LOG_TARGET,
						"worker {}: job {job_id}: checked {} inputs ({} bad) in {elapsed} ms",
						index.get(),
						report.checked,
						report.found_bad
					);
				}
				actions
			}
			Err(e) => {
				log::warn!(target: LOG_TARGET, "worker {}: job {job_id}: {e:?}", index.get());
				return;
			}
		};
		for action in actions {
			let sent = action.clone();
			let (what, call) = match action {
				Action::Complain { input, ephemeral_key, ciphertext_hash, shared_key, proof } => (
					format!("complaint about input {input}"),
					Call::<T>::complain {
						job_id,
						input,
						ephemeral_key,
						ciphertext_hash,
						shared_key,
						proof,
					},
				),
				Action::AdvanceJob => {
					(String::from("advance_job (overdue)"), Call::<T>::advance_job { job_id })
				}
				Action::ConfirmInputs { at, at_hash } => (
					format!("confirmation of its checks in block {at}"),
					Call::<T>::confirm_inputs {
						job_id,
						at: at.into(),
						at_hash: Self::hash_from(at_hash),
					},
				),
				Action::SubmitResultShare { aggregate_digest, sum_shares, blinding } => (
					String::from("result share"),
					Call::<T>::submit_result_share {
						job_id,
						aggregate_digest,
						sum_shares: BoundedVec::truncate_from(sum_shares),
						blinding,
					},
				),
			};
			if Self::send(worker, call) {
				log::info!(
					target: LOG_TARGET,
					"worker {}: job {job_id}: sent {what} ({elapsed} ms)",
					index.get()
				);
			} else {
				progress.forget_sent(&sent);
			}
		}
		store.set(&progress);
	}
}

/// A worker's signing nonces in the node's offchain persistent storage, one entry per request
/// and attempt, with an index of the entries so that those of ended requests are removed.
struct OffchainNonces {
	account: [u8; 32],
}

impl OffchainNonces {
	fn slot_key(&self, request: u64, attempt: u32) -> Vec<u8> {
		[
			b"mpc::frost-nonce::".as_slice(),
			&self.account,
			&request.to_le_bytes(),
			&attempt.to_le_bytes(),
		]
		.concat()
	}

	fn index_key(&self) -> Vec<u8> {
		[b"mpc::frost-nonces::".as_slice(), &self.account].concat()
	}

	/// Removes the slots of requests no longer open, and of attempts before a request's
	/// current one. (A used slot removed and met again on another branch only lets the member
	/// commit with fresh nonces there; a pair is still never used twice.)
	fn prune(&mut self, open: &[u64], attempt_of: impl Fn(u64) -> Option<u32>) {
		let index_key = self.index_key();
		let index = StorageValueRef::persistent(&index_key);
		let Ok(Some(slots)) = index.get::<Vec<(u64, u32)>>() else { return };
		let stale = |(r, a): &(u64, u32)| {
			!(open.contains(r) && attempt_of(*r).is_some_and(|current| *a >= current))
		};
		let drop: Vec<(u64, u32)> = slots.iter().copied().filter(|s| stale(s)).collect();
		if drop.is_empty() {
			return;
		}
		for (r, a) in &drop {
			StorageValueRef::persistent(&self.slot_key(*r, *a)).clear();
		}
		let _ = index.mutate(|old: Result<Option<Vec<(u64, u32)>>, _>| {
			let mut slots = old.ok().flatten().unwrap_or_default();
			slots.retain(|s| !drop.contains(s));
			Ok::<_, ()>(slots)
		});
	}
}

impl NonceStore for OffchainNonces {
	fn get(&self, request: u64, attempt: u32) -> Option<NonceSlot> {
		StorageValueRef::persistent(&self.slot_key(request, attempt))
			.get::<NonceSlot>()
			.ok()
			.flatten()
	}

	fn put_fresh(&mut self, request: u64, attempt: u32, nonces: &[u8; 64], now: u32) -> bool {
		let key = self.slot_key(request, attempt);
		let slot = StorageValueRef::persistent(&key);
		let put = slot.mutate(|old: Result<Option<NonceSlot>, _>| match old {
			Ok(None) => Ok(NonceSlot::Fresh(Zeroizing::new(*nonces), now)),
			_ => Err(()),
		});
		if put.is_err() {
			return false;
		}
		// Compare-and-set too, so that a concurrent prune loses no entry.
		let index_key = self.index_key();
		let index = StorageValueRef::persistent(&index_key);
		let _ = index.mutate(|old: Result<Option<Vec<(u64, u32)>>, _>| {
			let mut slots = old.ok().flatten().unwrap_or_default();
			slots.push((request, attempt));
			Ok::<_, ()>(slots)
		});
		true
	}

	fn resent(&mut self, request: u64, attempt: u32, now: u32) {
		let key = self.slot_key(request, attempt);
		let slot = StorageValueRef::persistent(&key);
		let _ = slot.mutate(|old: Result<Option<NonceSlot>, _>| match old {
			Ok(Some(NonceSlot::Fresh(bytes, _))) => Ok(NonceSlot::Fresh(bytes, now)),
			_ => Err(()),
		});
	}

	fn take(&mut self, request: u64, attempt: u32) -> Option<Zeroizing<[u8; 64]>> {
		let key = self.slot_key(request, attempt);
		let slot = StorageValueRef::persistent(&key);
		let mut taken = None;
		// Compare-and-set: of two runs, one gets the nonces, the other an error.
		let result = slot.mutate(|old: Result<Option<NonceSlot>, _>| match old {
			Ok(Some(NonceSlot::Fresh(bytes, _))) => {
				taken = Some(bytes);
				Ok(NonceSlot::Used)
			}
			_ => Err(()),
		});
		result.ok().and(taken)
	}
}
