//! Every movement of money: holds, releases, slashes, payments, and the storage deposits'
//! prices. One failure policy (see the crate doc): a hold is taken after every check and
//! before any write, and its failure is the call's error; releasing, slashing or paying what
//! is held cannot fail while the books are right, so such a failure is reported defensively
//! and never blocks a job.

use crate::*;
use frame_support::{
	defensive,
	traits::{
		fungible::{Balanced, BalancedHold, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Footprint,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Holds `amount` from `who` for `reason`.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		T::Currency::hold(&reason.into(), who, amount).map_err(|_| Error::<T>::InsufficientBalance)
	}

	/// Releases up to `amount` held from `who` for `reason`.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if let Err(e) = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort) {
			defensive!("releasing a hold failed", e);
		}
	}

	/// Takes up to `amount` held from `who` for `reason` and hands it to [`Config::Slash`].
	/// Returns what was taken.
	pub(crate) fn forfeit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		let (credit, missing) =
			<T::Currency as BalancedHold<T::AccountId>>::slash(&reason.into(), who, amount);
		if !missing.is_zero() {
			defensive!("less was held than forfeited");
		}
		let taken = amount.saturating_sub(missing);
		T::Slash::on_unbalanced(credit);
		taken
	}

	/// Takes `amount` from `who`'s free balance (keeping its account alive) and hands it to
	/// [`Config::Slash`]: the price of a beacon round request.
	pub(crate) fn charge_fee(who: &T::AccountId, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		if amount.is_zero() {
			return Ok(());
		}
		let credit = <T::Currency as Balanced<T::AccountId>>::withdraw(
			who,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Slash::on_unbalanced(credit);
		Ok(())
	}

	/// Records a fault of `worker` in `job_id` and takes [`Config::FaultPenalty`] (at most
	/// what is left of its bond). A worker whose bond no longer covers a penalty has nothing
	/// left at stake: it leaves the pool committees are drawn from (it stays registered, can
	/// finish its jobs, and gets the rest of its bond back when it deregisters).
	pub(crate) fn fault(worker: &T::AccountId, job_id: JobId) {
		let (penalty, evict, exhausted) = Self::penalize(worker);
		Self::deposit_event(Event::WorkerFaulted { worker: worker.clone(), job_id, penalty });
		log::warn!(target: LOG_TARGET, "job {job_id}: fault recorded for a committee worker");
		Self::evicted(worker, evict, exhausted);
	}

	/// Records a fault of beacon member `worker` in the DKG of `epoch` (a false complaint),
	/// with the penalty and eviction rules of [`Self::fault`].
	pub(crate) fn beacon_fault(worker: &T::AccountId, epoch: u64) {
		let (penalty, evict, exhausted) = Self::penalize(worker);
		Self::deposit_event(Event::BeaconMemberFaulted { worker: worker.clone(), epoch, penalty });
		log::warn!(target: LOG_TARGET, "beacon epoch {epoch}: fault recorded for a member");
		Self::evicted(worker, evict, exhausted);
	}

	/// Records a fault of key member `worker` (a proven-bad share or signature share, or a
	/// false complaint) for key `key`, with the penalty and eviction rules of [`Self::fault`].
	pub(crate) fn key_fault(worker: &T::AccountId, key: u64) {
		let (penalty, evict, exhausted) = Self::penalize(worker);
		Self::deposit_event(Event::KeyMemberFaulted { worker: worker.clone(), key, penalty });
		log::warn!(target: LOG_TARGET, "threshold key {key}: fault recorded for a member");
		Self::evicted(worker, evict, exhausted);
	}

	/// Counts a fault and takes the penalty; returns what was taken, whether the worker is
	/// no longer eligible, and whether its bond no longer covers a penalty.
	fn penalize(worker: &T::AccountId) -> (BalanceOf<T>, bool, bool) {
		let penalty = T::FaultPenalty::get();
		let mut due = Zero::zero();
		let (mut evict, mut exhausted) = (false, false);
		Workers::<T>::mutate(worker, |info| {
			if let Some(info) = info {
				info.faults = info.faults.saturating_add(1);
				due = penalty.min(info.bond);
				info.bond = info.bond.saturating_sub(due);
				evict = !Self::is_eligible(info);
				exhausted = info.bond < penalty || info.bond.is_zero();
			}
		});
		(Self::forfeit(HoldReason::WorkerBond, worker, due), evict, exhausted)
	}

	/// Takes a worker whose fault left it ineligible out of the pool (only the bond changed:
	/// a worker that leaves the pool here leaves it for that) and, in the pool or out of it
	/// already (at its seat limit), out of the beacon when its bond no longer covers a penalty.
	fn evicted(worker: &T::AccountId, evict: bool, exhausted: bool) {
		if evict && WorkerList::<T>::mutate(|pool| Self::leave_pool(pool, worker)) {
			Self::deposit_event(Event::WorkerEvicted { worker: worker.clone() });
		}
		if exhausted {
			Self::beacon_member_left(worker);
		}
	}

	/// Returns what is left of a job's escrow to its owner.
	pub(crate) fn refund_escrow(job: &mut Job<T>) -> BalanceOf<T> {
		let refunded = core::mem::take(&mut job.escrow);
		Self::release(HoldReason::JobEscrow, &job.owner, refunded);
		refunded
	}

	/// Pays every member of the job's committee [`Config::MinRewardPerWorker`] from the escrow
	/// (as far as it goes): what a job that ends without a result owes the workers whose seats
	/// it held (PROTOCOL.md section 10). Seats are not free, so filling workers' seats with
	/// jobs that get no inputs, or cancelling drawn jobs until a committee suits, costs the
	/// owner.
	pub(crate) fn pay_for_seats(job_id: JobId, job: &mut Job<T>, committee: &[CommitteeMember<T>]) {
		for member in committee {
			if job.escrow.is_zero() {
				return;
			}
			let Some(amount) =
				Self::pay_from_escrow(job, &member.account, T::MinRewardPerWorker::get())
			else {
				return;
			};
			let worker = member.account.clone();
			Self::deposit_event(Event::WorkerPaid { job_id, worker, amount });
		}
	}

	/// Pays committee member `index` of the job its reward from the escrow, once.
	pub(crate) fn pay(job_id: JobId, job: &mut Job<T>, index: ParticipantIndex) {
		let Some(mut share) = ResultShares::<T>::get(job_id, index) else { return };
		if share.paid {
			return;
		}
		let committee = Committees::<T>::get(job_id);
		let Ok(member) = Self::member(&committee, index) else { return };
		let reward = job.reward_per_worker;
		let Some(amount) = Self::pay_from_escrow(job, &member.account, reward) else { return };
		share.paid = true;
		ResultShares::<T>::insert(job_id, index, share);
		Self::deposit_event(Event::WorkerPaid { job_id, worker: member.account.clone(), amount });
	}

	/// Moves `amount`, or what is left of it in the job's escrow, from the owner's escrow hold
	/// to `worker`. Returns what was paid; `None` if the transfer failed (a defect: the
	/// escrow is held).
	fn pay_from_escrow(
		job: &mut Job<T>,
		worker: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Option<BalanceOf<T>> {
		let amount = amount.min(job.escrow);
		if amount.is_zero() {
			return Some(amount);
		}
		if let Err(e) = T::Currency::transfer_on_hold(
			&HoldReason::JobEscrow.into(),
			&job.owner,
			worker,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		) {
			defensive!("paying a worker from the escrow failed", e);
			return None;
		}
		job.escrow = job.escrow.saturating_sub(amount);
		Some(amount)
	}

	/// The storage deposit for a footprint: [`Config::DepositPerItem`] per entry plus
	/// [`Config::DepositPerByte`] per byte.
	pub fn deposit_for(footprint: Footprint) -> BalanceOf<T> {
		let items: BalanceOf<T> = footprint.count.saturated_into();
		let bytes: BalanceOf<T> = footprint.size.saturated_into();
		T::DepositPerItem::get()
			.saturating_mul(items)
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes))
	}
}

/// The bytes one storage entry takes: its full key and its encoded value.
pub(crate) fn entry_size(key: &[u8], value: &impl Encode) -> u64 {
	(key.len() + value.encoded_size()) as u64
}

/// Adds one entry of `key` and `value` to a footprint.
pub(crate) fn add_entry(footprint: &mut Footprint, key: &[u8], value: &impl Encode) {
	footprint.count = footprint.count.saturating_add(1);
	footprint.size = footprint.size.saturating_add(entry_size(key, value));
}
