//! Workers and committees: registration, key rotation, leaving, and the seats a job's
//! committee takes in the pool (the draw itself is in `lifecycle`). A committee member is
//! named by its [`ParticipantIndex`] within a job, its account only where money or
//! registration is concerned.

use crate::*;
use frame_support::defensive;
use mpc_primitives::{verify_possession, EncryptionKey};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The chain's genesis hash, as the protocol's `genesis`. `frame_system` records it when
	/// block 1 starts, so it is right in every block but the genesis state itself.
	pub fn genesis_hash() -> [u8; 32] {
		Self::hash_bytes(&frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero()))
	}

	/// Committee member `index`'s bit in a job's `u64` member sets (an input's complainants,
	/// the job's confirmations): bit `index - 1` (`MaxCommittee` is at most 64).
	pub(crate) fn member_bit(index: ParticipantIndex) -> u64 {
		1u64.checked_shl(index.get().saturating_sub(1)).unwrap_or(0)
	}

	/// The runtime hash whose [`Pallet::hash_bytes`] are `bytes`.
	pub(crate) fn hash_from(bytes: [u8; 32]) -> T::Hash {
		let mut hash = T::Hash::default();
		let len = hash.as_ref().len().min(32);
		hash.as_mut()[..len].copy_from_slice(&bytes[..len]);
		hash
	}

	/// A runtime hash as the protocol's 32 bytes (zero-padded if the hash is shorter).
	pub(crate) fn hash_bytes(hash: &T::Hash) -> [u8; 32] {
		let mut out = [0u8; 32];
		let bytes = hash.as_ref();
		let len = bytes.len().min(32);
		out[..len].copy_from_slice(&bytes[..len]);
		out
	}

	/// Decodes a new key and checks it is free and proven by `who` on this chain.
	pub(crate) fn check_new_key(
		who: &T::AccountId,
		key: &[u8; 32],
		proof: &[u8; 64],
	) -> Result<EncryptionKey, Error<T>> {
		let decoded = EncryptionKey::from_bytes(key).map_err(|_| Error::<T>::InvalidKey)?;
		ensure!(!WorkerKeys::<T>::contains_key(key), Error::<T>::KeyInUse);
		verify_possession(&Self::genesis_hash(), who.as_ref(), key, proof)
			.map_err(|_| Error::<T>::InvalidPossessionProof)?;
		Ok(decoded)
	}

	/// Registers `who` with `key` and holds the bond. The key's proof, where there is one, is
	/// checked by the caller.
	pub(crate) fn do_register(who: T::AccountId, key: EncryptionKey) -> Result<(), Error<T>> {
		ensure!(!Workers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!WorkerKeys::<T>::contains_key(key.as_bytes()), Error::<T>::KeyInUse);
		let count = WorkerCount::<T>::get();
		ensure!(count < T::MaxWorkers::get(), Error::<T>::TooManyWorkers);
		let bond = T::WorkerBond::get();
		let since = frame_system::Pallet::<T>::block_number();
		let info = WorkerInfo { key, bond, faults: 0, since, jobs: 0, accepting: true };
		Self::hold(HoldReason::WorkerBond, &who, bond)?;
		if Self::is_eligible(&info) {
			WorkerList::<T>::mutate(|pool| Self::join_pool(pool, &who));
		}
		WorkerCount::<T>::put(count.saturating_add(1));
		WorkerKeys::<T>::insert(key.as_bytes(), &who);
		Workers::<T>::insert(&who, info);
		Self::deposit_event(Event::WorkerRegistered { worker: who, key: key.to_bytes() });
		Ok(())
	}

	pub(crate) fn do_rotate_key(
		who: T::AccountId,
		key: [u8; 32],
		proof: [u8; 64],
	) -> Result<(), Error<T>> {
		let mut info = Workers::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.jobs == 0 && KeySeats::<T>::get(&who) == 0, Error::<T>::WorkerBusy);
		let key = Self::check_new_key(&who, &key, &proof)?;
		WorkerKeys::<T>::remove(info.key.as_bytes());
		WorkerKeys::<T>::insert(key.as_bytes(), &who);
		info.key = key;
		// The beacon committee holds the old key: a new DKG takes the new one.
		Self::beacon_member_left(&who);
		info.since = frame_system::Pallet::<T>::block_number();
		Workers::<T>::insert(&who, info);
		Self::deposit_event(Event::WorkerKeyRotated { worker: who, key: key.to_bytes() });
		Ok(())
	}

	pub(crate) fn do_deregister(who: T::AccountId) -> Result<(), Error<T>> {
		let info = Workers::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.jobs == 0 && KeySeats::<T>::get(&who) == 0, Error::<T>::WorkerBusy);
		Workers::<T>::remove(&who);
		WorkerCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		WorkerKeys::<T>::remove(info.key.as_bytes());
		WorkerList::<T>::mutate(|list| Self::leave_pool(list, &who));
		Self::beacon_member_left(&who);
		Self::release(HoldReason::WorkerBond, &who, info.bond);
		Self::deposit_event(Event::WorkerDeregistered { worker: who });
		Ok(())
	}

	/// Takes `who` out of the pool; returns whether it was there.
	pub(crate) fn leave_pool(pool: &mut WorkerPool<T>, who: &T::AccountId) -> bool {
		let before = pool.len();
		pool.retain(|a| a != who);
		pool.len() < before
	}

	/// Puts `who` in the pool unless it is there. The pool is a subset of the registered
	/// workers, at most `MaxWorkers`, so there is always room.
	pub(crate) fn join_pool(pool: &mut WorkerPool<T>, who: &T::AccountId) {
		if !pool.contains(who) && pool.try_push(who.clone()).is_err() {
			defensive!("a pool fuller than the registered workers");
		}
	}

	/// Whether a worker may be drawn into a new committee: it accepts jobs, sits in fewer than
	/// [`Config::MaxJobsPerWorker`] running ones, and its bond still covers a fault penalty.
	/// The pool ([`WorkerList`]) holds exactly these workers.
	pub fn is_eligible(info: &WorkerInfo<T>) -> bool {
		let penalty = T::FaultPenalty::get();
		info.accepting
			&& info.jobs < T::MaxJobsPerWorker::get()
			&& info.bond >= penalty
			&& !info.bond.is_zero()
	}

	pub(crate) fn do_set_accepting(who: T::AccountId, accepting: bool) -> Result<(), Error<T>> {
		let mut info = Workers::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
		if info.accepting == accepting {
			return Ok(());
		}
		info.accepting = accepting;
		let eligible = Self::is_eligible(&info);
		WorkerList::<T>::mutate(|pool| {
			if eligible {
				Self::join_pool(pool, &who);
			} else {
				Self::leave_pool(pool, &who);
			}
		});
		Workers::<T>::insert(&who, info);
		Self::deposit_event(Event::WorkerAcceptingJobs { worker: who, accepting });
		Ok(())
	}

	/// Counts a new seat of each member: a member at [`Config::MaxJobsPerWorker`] leaves the
	/// pool, which the caller passes in (read already to draw the committee) and writes back
	/// when it changed.
	pub(crate) fn take_seats(committee: &[CommitteeMember<T>], pool: &mut WorkerPool<T>) -> bool {
		let mut changed = false;
		for member in committee {
			Workers::<T>::mutate(&member.account, |info| {
				let Some(info) = info else { return };
				info.jobs = info.jobs.saturating_add(1);
				if !Self::is_eligible(info) {
					changed |= Self::leave_pool(pool, &member.account);
				}
			});
		}
		changed
	}

	/// Frees a seat of each member of an ended job; a member that was at the limit, and is
	/// otherwise eligible, rejoins the pool.
	pub(crate) fn free_seats(committee: &[CommitteeMember<T>]) {
		let mut rejoin = Vec::new();
		for member in committee {
			Workers::<T>::mutate(&member.account, |info| {
				let Some(info) = info else { return };
				let was = Self::is_eligible(info);
				info.jobs = info.jobs.saturating_sub(1);
				if !was && Self::is_eligible(info) {
					rejoin.push(member.account.clone());
				}
			});
		}
		if !rejoin.is_empty() {
			WorkerList::<T>::mutate(|pool| {
				for who in &rejoin {
					Self::join_pool(pool, who);
				}
			});
		}
	}

	/// Whether pool member `who` may be drawn into a new key's committee: a free key seat.
	pub(crate) fn has_key_seat(who: &T::AccountId) -> bool {
		KeySeats::<T>::get(who) < T::MaxKeysPerWorker::get()
	}

	/// Counts a key seat of each member (apart from job seats).
	pub(crate) fn take_key_seats(committee: &[CommitteeMember<T>]) {
		for member in committee {
			KeySeats::<T>::mutate(&member.account, |seats| *seats = seats.saturating_add(1));
		}
	}

	/// Frees a key seat of each member.
	pub(crate) fn free_key_seats(committee: &[CommitteeMember<T>]) {
		for member in committee {
			KeySeats::<T>::mutate_exists(&member.account, |seats| {
				let left = seats.unwrap_or_default().saturating_sub(1);
				*seats = (left > 0).then_some(left);
			});
		}
	}

	/// The caller's index in the job's committee.
	pub(crate) fn committee_index(
		job_id: JobId,
		who: &T::AccountId,
	) -> Result<ParticipantIndex, Error<T>> {
		WorkerJobs::<T>::get(who, job_id).ok_or(Error::<T>::NotInCommittee)
	}

	/// Committee member `index` of a job.
	pub(crate) fn member(
		committee: &[CommitteeMember<T>],
		index: ParticipantIndex,
	) -> Result<&CommitteeMember<T>, Error<T>> {
		committee.get(index.get() as usize - 1).ok_or_else(|| {
			defensive!("a committee index outside its committee");
			Error::<T>::Inconsistent
		})
	}

	/// A committee of `accounts` in this order, with their current keys: a job's (bound
	/// `MaxCommittee`) or a beacon epoch's (bound `MaxBeaconCommittee`).
	pub(crate) fn committee_of<'a, Bound: Get<u32>>(
		accounts: impl IntoIterator<Item = &'a T::AccountId>,
	) -> Result<BoundedVec<CommitteeMember<T>, Bound>, Error<T>> {
		let members = accounts
			.into_iter()
			.map(|account| {
				let info = Workers::<T>::get(account).ok_or_else(|| {
					defensive!("a pool member without a registration");
					Error::<T>::Inconsistent
				})?;
				Ok(CommitteeMember { account: account.clone(), key: info.key })
			})
			.collect::<Result<Vec<_>, Error<T>>>()?;
		BoundedVec::try_from(members).map_err(|_| Error::<T>::CommitteeTooLarge)
	}
}
