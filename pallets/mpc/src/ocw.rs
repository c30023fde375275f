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
	Call, Config, Inputs, Job, JobPhase, Jobs, Pallet, ResultShares, WorkerJobs, Workers,
	LOG_TARGET,
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
	key_derivation_message, step, worker_secret_from_signature, Action, InputView, JobProgress,
	JobView, Limits, Phase,
};
use mpc_primitives::{ParticipantIndex, WorkerSecret};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_runtime::{
	offchain::{
		storage::StorageValueRef,
		storage_lock::{StorageLock, Time},
		Duration,
	},
	traits::{IdentifyAccount, Saturating, UniqueSaturatedInto},
	RuntimeAppPublic,
};

/// Blocks to wait before sending a registration again.
const REGISTER_RETRY: u32 = 10;

/// One worker key of this node.
struct LocalWorker<T: Config> {
	public: T::Public,
	account: T::AccountId,
	secret: WorkerSecret,
	/// The next nonce to use in this run.
	nonce: T::Nonce,
}

impl<T: Config> Pallet<T> {
	/// Entry point from the `offchain_worker` hook.
	pub(crate) fn run_offchain_worker(now: BlockNumberFor<T>) {
		let keys = <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all();
		for key in keys {
			match Self::local_worker(key) {
				Some(mut worker) => Self::work_as(&mut worker, now),
				None => log::warn!(target: LOG_TARGET, "a worker key could not derive its secret"),
			}
		}
	}

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
		Some(LocalWorker { public, account, secret, nonce })
	}

	fn work_as(worker: &mut LocalWorker<T>, now: BlockNumberFor<T>) {
		let now_u32: u32 = now.unique_saturated_into();
		let Some(info) = Workers::<T>::get(&worker.account) else {
			Self::maybe_register(worker, now_u32);
			return;
		};
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
		}
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
				worker.nonce = worker.nonce.saturating_add(1u32.into());
				true
			}
			Err(()) => {
				log::warn!(target: LOG_TARGET, "worker {:?}: transaction refused by the pool", worker.account);
				false
			}
		}
	}

	fn phase_of(job: &Job<T>) -> Phase {
		match job.phase {
			_ if job.settled => Phase::Ended,
			JobPhase::Collecting => Phase::Collecting,
			JobPhase::Verifying => Phase::Verifying,
			JobPhase::Computing => Phase::Computing,
			JobPhase::Completed => Phase::Completed,
			JobPhase::Failed(_) | JobPhase::Cancelled => Phase::Ended,
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
		let view = JobView {
			job_id,
			genesis: Self::genesis_hash(),
			shape: job.shape,
			phase: Self::phase_of(&job),
			input_count: job.input_count,
			index,
			result_share_on_chain: ResultShares::<T>::contains_key(job_id, index),
			// Only a result share uses it: read and hashed only once result shares are due.
			aggregate_digest: if matches!(job.phase, JobPhase::Computing | JobPhase::Completed) {
				crate::aggregate_digest(&crate::Aggregates::<T>::get(job_id))
			} else {
				[0u8; 32]
			},
			now,
		};
		if view.phase == Phase::Ended {
			store.clear();
			return;
		}
		let load = |k: u32| {
			let input = Inputs::<T>::get(job_id, k)?;
			let ciphertext = crate::Ciphertexts::<T>::get((job_id, k, index))?;
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
			step(&worker.secret, &view, &mut progress, load, &Limits::default(), &mut rng);
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
			let (what, call) = match action {
				Action::Complain { input, ephemeral_key, shared_key, proof } => (
					format!("complaint about input {input}"),
					Call::<T>::complain { job_id, input, ephemeral_key, shared_key, proof },
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
			}
		}
		store.set(&progress);
	}
}
