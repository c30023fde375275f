//! A job's life: creation, every phase transition (in [`Pallet::advance`]), deadlines, the
//! end of a job, the cleanup of its inputs and the removal of its record.

use crate::{money::add_entry, *};
use frame_support::{defensive, traits::Footprint};
use mpc_primitives::{Commitment, JobShape, Scalar};
use sp_runtime::traits::{CheckedMul, One, Saturating, Zero};

/// How many empty blocks the deadline cursor may pass per transition of its budget.
pub(crate) const EMPTY_BLOCKS_PER_TRANSITION: u32 = 8;

/// What moves a job from one phase to the next (see [`Pallet::advance`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trigger {
	/// The current phase's deadline arrived.
	Deadline,
	/// Collecting ended early: the owner closed it or `max_inputs` was reached.
	InputsClosed,
	/// The `t + 1`-th valid result share arrived.
	ThresholdReached,
	/// The owner cancelled.
	Cancel,
	/// The committee was drawn and seated ([`Pallet::process_draws`]).
	Drawn,
	/// Every committee member confirmed its checks ([`Pallet::confirm_inputs`]).
	Confirmed,
}

impl<T: Config> Pallet<T> {
	/// Creates a job owned and paid for by `owner`, exactly as [`Pallet::create_job`] signed by
	/// `owner` does, and returns its id: the entry point for other pallets and for the
	/// contracts precompile (`pallet-mpc-contracts`). Charge [`Pallet::create_job_weight`].
	pub fn do_create_job(owner: T::AccountId, spec: JobSpec<T>) -> Result<JobId, Error<T>> {
		let n = spec.committee_size;
		ensure!(spec.threshold >= 1 && spec.threshold < n, Error::<T>::InvalidThreshold);
		ensure!(n <= T::MaxCommittee::get(), Error::<T>::CommitteeTooLarge);
		ensure!(
			spec.dimension >= 1 && spec.dimension <= T::MaxDimension::get(),
			Error::<T>::InvalidDimension
		);
		ensure!(
			!spec.input_window.is_zero() && spec.input_window <= T::MaxInputWindow::get(),
			Error::<T>::InvalidInputWindow
		);
		ensure!(
			spec.min_inputs >= 1
				&& spec.min_inputs <= spec.max_inputs
				&& spec.max_inputs <= T::MaxInputsPerJob::get(),
			Error::<T>::InvalidInputLimits
		);
		ensure!(spec.decimals <= 38, Error::<T>::InvalidDecimals);
		ensure!(spec.input_rule.check(spec.dimension).is_ok(), Error::<T>::InvalidInputRule);
		ensure!(spec.reward_per_worker >= T::MinRewardPerWorker::get(), Error::<T>::RewardTooLow);
		let shape = JobShape::new(n, spec.threshold, spec.dimension).map_err(|_| {
			defensive!("a job shape the checks above accepted was refused");
			Error::<T>::Inconsistent
		})?;
		let mut pool = WorkerList::<T>::get();
		ensure!(pool.len() >= n as usize, Error::<T>::NotEnoughWorkers);
		// With more workers than seats the committee is drawn from the beacon (PROTOCOL.md
		// section 11.7); with exactly `n` there is nothing to choose.
		let needs_draw = pool.len() > n as usize;
		if needs_draw {
			ensure!(Self::beacon_enabled(), Error::<T>::NoBeacon);
			ensure!(
				(DrawQueue::<T>::decode_len().unwrap_or(0) as u32) < T::MaxWaitingJobs::get(),
				Error::<T>::TooManyWaitingJobs
			);
		}

		let job_id = NextJobId::<T>::get();
		// The committee to seat now, or one of the same size to price the deposit with.
		let committee = Self::committee_of(pool.iter().take(n as usize))?;
		let escrow = spec
			.reward_per_worker
			.checked_mul(&BalanceOf::<T>::from(n))
			.ok_or(Error::<T>::RewardOverflow)?;
		let identity: Vec<Commitment> =
			(0..=spec.threshold).map(|_| Commitment::identity()).collect();
		let aggregate = Commitments::<T>::try_from(identity).map_err(|_| {
			defensive!("t + 1 <= n <= MaxCommittee commitments did not fit");
			Error::<T>::Inconsistent
		})?;
		let now = frame_system::Pallet::<T>::block_number();
		let (phase, deadline, drawn) = if needs_draw {
			(JobPhase::Drawing, now.saturating_add(T::DrawWindow::get()), None)
		} else {
			(JobPhase::Collecting, now.saturating_add(spec.input_window), Some(now))
		};
		let mut job = Job {
			owner: owner.clone(),
			shape,
			decimals: spec.decimals,
			max_inputs: spec.max_inputs,
			min_inputs: spec.min_inputs,
			allowed_providers: spec.allowed_providers,
			metadata: spec.metadata,
			reward_per_worker: spec.reward_per_worker,
			input_rule: spec.input_rule,
			escrow,
			deposit: Zero::zero(),
			phase,
			deadline,
			timeline: Timeline { created: now, drawn, ..Default::default() },
			input_count: 0,
			qualified_count: 0,
			inputs_digest: [0u8; 32],
			committee_digest: if needs_draw {
				[0u8; 32]
			} else {
				record::committee_digest(&committee)
			},
			valid_shares: 0,
		};
		let mut footprint = Self::job_footprint(job_id, &job, &committee);
		let drawing = needs_draw.then(|| Drawing::<T> {
			round: 0,
			candidates: pool.clone(),
			input_window: spec.input_window,
		});
		if let Some(drawing) = &drawing {
			add_entry(&mut footprint, &Drawings::<T>::hashed_key_for(job_id), drawing);
		}
		job.deposit = Self::deposit_for(footprint);

		// Everything checked; now write. A draw costs what a round request costs, kept
		// whatever becomes of the job: each draw is one try at a committee.
		if needs_draw {
			Self::charge_fee(&owner, T::RoundRequestFee::get())?;
		}
		Self::hold(HoldReason::JobEscrow, &owner, escrow)?;
		Self::hold(HoldReason::JobDeposit, &owner, job.deposit)?;
		Self::schedule(deadline, job_id);
		NextJobId::<T>::put(job_id.saturating_add(1));
		Aggregates::<T>::insert(job_id, aggregate);
		Jobs::<T>::insert(job_id, &job);
		match drawing {
			Some(mut drawing) => {
				drawing.round = Self::want_round();
				let round = drawing.round;
				Drawings::<T>::insert(job_id, drawing);
				DrawQueue::<T>::try_append(job_id).map_err(|_| {
					defensive!("a draw queue fuller than checked");
					Error::<T>::Inconsistent
				})?;
				Self::deposit_event(Event::JobCreated { job_id, owner, draw_round: Some(round) });
			}
			None => {
				Self::deposit_event(Event::JobCreated { job_id, owner, draw_round: None });
				Self::seat_committee(job_id, committee, &mut pool, None);
			}
		}
		log::info!(target: LOG_TARGET, "job {job_id} created: n={n} t={} d={}", spec.threshold, spec.dimension);
		Ok(job_id)
	}

	/// Seats a job's committee: its members' seats and job entries, the committee itself, and
	/// the event. `pool` is the pool as read (a member at its seat limit leaves it).
	fn seat_committee(
		job_id: JobId,
		committee: BoundedVec<CommitteeMember<T>, T::MaxCommittee>,
		pool: &mut WorkerPool<T>,
		round: Option<u64>,
	) {
		if Self::take_seats(&committee, pool) {
			WorkerList::<T>::put(&*pool);
		}
		for (i, member) in committee.iter().enumerate() {
			let Ok(index) = ParticipantIndex::new(i as u32 + 1) else { continue };
			WorkerJobs::<T>::insert(&member.account, job_id, index);
		}
		let accounts = committee.iter().map(|m| m.account.clone()).collect();
		Committees::<T>::insert(job_id, committee);
		Self::deposit_event(Event::CommitteeDrawn { job_id, round, committee: accounts });
	}

	/// The `on_initialize` draws: the waiting jobs whose draw round has completed, in
	/// creation order, at most [`Config::DeadlineBatch`] per block (PROTOCOL.md section 11.7).
	pub(crate) fn process_draws(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::DbWeight::get().reads(1);
		let mut queue = DrawQueue::<T>::get();
		if queue.is_empty() {
			return weight;
		}
		let budget = T::DeadlineBatch::get();
		let (mut drawn, before) = (0u32, queue.len());
		while drawn < budget {
			let Some(&job_id) = queue.first() else { break };
			// The job, its drawing and its round.
			weight.saturating_accrue(T::DbWeight::get().reads(3));
			let (Some(job), Some(drawing)) = (Jobs::<T>::get(job_id), Drawings::<T>::get(job_id))
			else {
				defensive!("a waiting job without its drawing", job_id);
				queue.remove(0);
				continue;
			};
			let output = BeaconRounds::<T>::get(drawing.round).and_then(|r| r.output);
			let Some((rho, _)) = output else { break };
			queue.remove(0);
			weight.saturating_accrue(T::WeightInfo::draw_job(job.shape.n()));
			Self::draw_job(job_id, job, drawing, &rho, now);
			drawn = drawn.saturating_add(1);
		}
		if queue.len() != before {
			DrawQueue::<T>::put(queue);
			weight.saturating_accrue(T::DbWeight::get().writes(1));
		}
		weight
	}

	/// Draws a waiting job's committee with its round's output `rho`, or fails the job when
	/// fewer than `n` of its candidates are still eligible. The caller took it off the queue.
	fn draw_job(
		job_id: JobId,
		mut job: Job<T>,
		drawing: Drawing<T>,
		rho: &[u8; 32],
		now: BlockNumberFor<T>,
	) {
		let seed = mpc_primitives::committee_seed(rho, job_id);
		let n = job.shape.n();
		let mut pool = WorkerList::<T>::get();
		let candidates = &drawing.candidates;
		let picked = mpc_primitives::draw_committee(&seed, candidates.len(), n as usize, |c| {
			pool.contains(&candidates[c])
		});
		let accounts: Vec<T::AccountId> = picked.iter().map(|&c| candidates[c].clone()).collect();
		let committee = match Self::committee_of(&accounts) {
			Ok(committee) if committee.len() == n as usize => committee,
			_ => {
				Self::fail(job_id, &mut job, FailureReason::NoCommittee, now);
				return;
			}
		};
		job.committee_digest = record::committee_digest(&committee);
		Self::seat_committee(job_id, committee, &mut pool, Some(drawing.round));
		if let Err(e) = Self::advance(job_id, &mut job, Trigger::Drawn, now) {
			log::error!(target: LOG_TARGET, "job {job_id}: draw transition failed: {e:?}");
		}
	}

	/// The weight [`Pallet::create_job`] is charged for a committee of `n`.
	pub fn create_job_weight(n: u32) -> Weight {
		T::WeightInfo::create_job(n.min(T::MaxCommittee::get()))
			.max(T::WeightInfo::create_drawing_job())
	}

	/// What a job's record takes in storage at its largest, from the stored types: the job,
	/// its committee and the committee's job entries, the aggregate, the disqualified list,
	/// `n` result shares and the result. Priced by [`Pallet::deposit_for`]. (The confirmations,
	/// one `u64`, live only while `Verifying`, before the larger result shares and result.)
	pub fn job_footprint(
		job_id: JobId,
		job: &Job<T>,
		committee: &[CommitteeMember<T>],
	) -> Footprint {
		let t1 = job.shape.t() as usize + 1;
		let d = job.shape.d() as usize;
		let mut footprint = Footprint::default();
		let mut largest = job.clone();
		let at = Some(job.timeline.created);
		largest.timeline = Timeline {
			drawn: at,
			inputs_closed: at,
			computing_started: at,
			completed: at,
			ended: at,
			..job.timeline
		};
		add_entry(&mut footprint, &Jobs::<T>::hashed_key_for(job_id), &largest);
		add_entry(&mut footprint, &Committees::<T>::hashed_key_for(job_id), &committee);
		let aggregate = alloc::vec![Commitment::identity(); t1];
		add_entry(&mut footprint, &Aggregates::<T>::hashed_key_for(job_id), &aggregate);
		// The disqualified list at its largest, `max_inputs` indices in full pages and a last
		// partial one, sized without building them.
		let per_page = T::DisqualifiedPageSize::get();
		let (full, rest) = (job.max_inputs / per_page, job.max_inputs % per_page);
		let key = Disqualified::<T>::hashed_key_for(job_id, 0).len();
		let page = |len: u32| {
			key + codec::Compact(len).encoded_size() + len as usize * InputIndex::max_encoded_len()
		};
		let pages = [(full, page(per_page)), (u32::from(rest > 0), page(rest))];
		for (count, size) in pages {
			footprint.count = footprint.count.saturating_add(u64::from(count));
			footprint.size = footprint.size.saturating_add(u64::from(count) * size as u64);
		}
		let share = StoredResultShare::<T> {
			sum_shares: BoundedVec::truncate_from(alloc::vec![Scalar::ZERO; d]),
			blinding: Scalar::ZERO,
			paid: true,
		};
		for (i, member) in committee.iter().enumerate() {
			let Ok(index) = ParticipantIndex::new(i as u32 + 1) else { continue };
			add_entry(&mut footprint, &ResultShares::<T>::hashed_key_for(job_id, index), &share);
			add_entry(
				&mut footprint,
				&WorkerJobs::<T>::hashed_key_for(&member.account, job_id),
				&index,
			);
		}
		let result = JobResult::<T> {
			sums: BoundedVec::truncate_from(alloc::vec![Some(i128::MAX); d]),
			means: BoundedVec::truncate_from(alloc::vec![Some(i128::MAX); d]),
			qualified_inputs: job.max_inputs,
			decimals: job.decimals,
			output: BoundedVec::truncate_from(alloc::vec![Scalar::ZERO; d]),
			output_blinding: Scalar::ZERO,
			reconstructed_from: BoundedVec::truncate_from(
				(1..=t1 as u32).filter_map(|i| ParticipantIndex::new(i).ok()).collect::<Vec<_>>(),
			),
		};
		add_entry(&mut footprint, &Results::<T>::hashed_key_for(job_id), &result);
		// Its one deadline entry at a time.
		let at = job.timeline.created;
		add_entry(&mut footprint, &Deadlines::<T>::hashed_key_for(at, job_id), &());
		footprint
	}

	/// [`Pallet::cancel_job`] by `who`, for other pallets and the contracts precompile.
	pub fn do_cancel_job(who: T::AccountId, job_id: JobId) -> Result<(), Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.owner == who, Error::<T>::NotJobOwner);
		ensure!(
			matches!(job.phase, JobPhase::Drawing | JobPhase::Collecting),
			Error::<T>::NotCollecting
		);
		ensure!(job.input_count == 0, Error::<T>::HasInputs);
		let now = frame_system::Pallet::<T>::block_number();
		Self::advance(job_id, &mut job, Trigger::Cancel, now)
	}

	/// [`Pallet::close_inputs`] by `who`, for other pallets and the contracts precompile.
	pub fn do_close_inputs(who: T::AccountId, job_id: JobId) -> Result<(), Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.owner == who, Error::<T>::NotJobOwner);
		ensure!(job.phase == JobPhase::Collecting, Error::<T>::NotCollecting);
		ensure!(job.input_count >= job.min_inputs, Error::<T>::TooFewInputs);
		let now = frame_system::Pallet::<T>::block_number();
		Self::advance(job_id, &mut job, Trigger::InputsClosed, now)
	}

	/// [`Pallet::remove_job`] by `who`, for other pallets and the contracts precompile.
	/// Returns how many pages of the disqualified list it removed (for
	/// [`Pallet::remove_job_weight`]).
	pub fn do_remove_job(who: T::AccountId, job_id: JobId) -> Result<u32, Error<T>> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.owner == who, Error::<T>::NotJobOwner);
		ensure!(job.phase.has_ended(), Error::<T>::JobNotEnded);
		ensure!(!Cleanup::<T>::contains_key(job_id), Error::<T>::CleanupPending);
		Jobs::<T>::remove(job_id);
		Committees::<T>::remove(job_id);
		Aggregates::<T>::remove(job_id);
		let pages = Self::disqualified_pages(&job);
		for page in 0..pages {
			Disqualified::<T>::remove(job_id, page);
		}
		Results::<T>::remove(job_id);
		let _ = ResultShares::<T>::clear_prefix(job_id, job.shape.n(), None);
		Self::release(HoldReason::JobDeposit, &who, job.deposit);
		Self::deposit_event(Event::JobRemoved { job_id });
		Ok(pages)
	}

	/// Every phase transition of a job, in one place. Writes the job back.
	pub(crate) fn advance(
		job_id: JobId,
		job: &mut Job<T>,
		trigger: Trigger,
		now: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		let old_deadline = job.deadline;
		match (job.phase, trigger) {
			(JobPhase::Drawing, Trigger::Drawn) => {
				let Some(drawing) = Drawings::<T>::take(job_id) else {
					defensive!("a drawn job without its drawing", job_id);
					return Err(Error::<T>::Inconsistent);
				};
				Self::unschedule(old_deadline, job_id);
				job.phase = JobPhase::Collecting;
				job.timeline.drawn = Some(now);
				job.deadline = now.saturating_add(drawing.input_window);
				Self::schedule(job.deadline, job_id);
			}
			(JobPhase::Drawing, Trigger::Deadline) => {
				Self::fail(job_id, job, FailureReason::NoCommittee, now);
				return Ok(());
			}
			(JobPhase::Drawing | JobPhase::Collecting, Trigger::Cancel) => {
				job.phase = JobPhase::Cancelled;
				Self::unschedule(old_deadline, job_id);
				Self::end_job(job_id, job, now);
				Self::deposit_event(Event::JobCancelled { job_id });
			}
			(JobPhase::Collecting, Trigger::Deadline | Trigger::InputsClosed) => {
				job.timeline.inputs_closed = Some(now);
				if job.input_count < job.min_inputs {
					Self::fail(job_id, job, FailureReason::TooFewInputs, now);
					return Ok(());
				}
				if trigger == Trigger::InputsClosed {
					Self::unschedule(old_deadline, job_id);
				}
				job.phase = JobPhase::Verifying;
				job.deadline = now.saturating_add(T::ComplaintWindow::get());
				Self::schedule(job.deadline, job_id);
				Self::deposit_event(Event::InputsClosed {
					job_id,
					inputs: job.input_count,
					complaints_until: job.deadline,
				});
			}
			// Failing a job pays and frees `n` seats: left to the deadline, moved to the next
			// block, so that a confirmation's weight stays constant.
			(JobPhase::Verifying, Trigger::Confirmed) if job.qualified_count < job.min_inputs => {
				InputConfirmations::<T>::remove(job_id);
				Self::unschedule(old_deadline, job_id);
				job.deadline = now.saturating_add(One::one());
				Self::schedule(job.deadline, job_id);
			}
			(JobPhase::Verifying, Trigger::Deadline | Trigger::Confirmed) => {
				InputConfirmations::<T>::remove(job_id);
				if trigger == Trigger::Confirmed {
					Self::unschedule(old_deadline, job_id);
				}
				job.timeline.computing_started = Some(now);
				if job.qualified_count < job.min_inputs {
					Self::fail(job_id, job, FailureReason::TooFewInputs, now);
					return Ok(());
				}
				job.phase = JobPhase::Computing;
				job.deadline = now.saturating_add(T::ComputeWindow::get());
				Self::schedule(job.deadline, job_id);
				Self::deposit_event(Event::ComputationStarted {
					job_id,
					qualified_inputs: job.qualified_count,
					until: job.deadline,
				});
			}
			(JobPhase::Computing, Trigger::ThresholdReached) => {
				job.phase = JobPhase::Completed;
				job.timeline.completed = Some(now);
				// The compute deadline stays: that is when the job settles.
			}
			(JobPhase::Computing, Trigger::Deadline) => {
				Self::fail(job_id, job, FailureReason::NotEnoughResultShares, now);
				return Ok(());
			}
			(JobPhase::Completed, Trigger::Deadline) => {
				let refunded = job.escrow;
				job.phase = JobPhase::Settled;
				Self::end_job(job_id, job, now);
				Self::deposit_event(Event::JobSettled { job_id, refunded });
			}
			(phase, trigger) => {
				defensive!("unexpected job transition", (job_id, phase, trigger));
				return Err(Error::<T>::Inconsistent);
			}
		}
		Jobs::<T>::insert(job_id, &*job);
		Ok(())
	}

	fn fail(job_id: JobId, job: &mut Job<T>, reason: FailureReason, now: BlockNumberFor<T>) {
		Self::unschedule(job.deadline, job_id);
		job.phase = JobPhase::Failed(reason);
		Self::end_job(job_id, job, now);
		Jobs::<T>::insert(job_id, &*job);
		Self::deposit_event(Event::JobFailed { job_id, reason });
		log::info!(target: LOG_TARGET, "job {job_id} failed: {reason:?}");
	}

	/// Ends a job, whose final phase the caller has set: a committee seated for nothing is
	/// paid for its seats, the remaining escrow returns to the owner, the committee is freed
	/// and the inputs are queued for cleanup. The caller stores the job.
	fn end_job(job_id: JobId, job: &mut Job<T>, now: BlockNumberFor<T>) {
		debug_assert!(job.phase.has_ended());
		let committee = Committees::<T>::get(job_id);
		// Cancelled (no committee yet while `Drawing`: nobody to pay) or too few inputs, which
		// is nobody's fault in the committee. Too few result shares: the committee did not
		// deliver, and is not paid.
		if matches!(job.phase, JobPhase::Cancelled | JobPhase::Failed(FailureReason::TooFewInputs))
		{
			Self::pay_for_seats(job_id, job, &committee);
		}
		Self::refund_escrow(job);
		job.timeline.ended = Some(now);
		// A job that ends while it waits for its committee leaves the draw queue.
		if Drawings::<T>::take(job_id).is_some() {
			DrawQueue::<T>::mutate(|queue| queue.retain(|j| *j != job_id));
		}
		for member in &committee {
			WorkerJobs::<T>::remove(&member.account, job_id);
		}
		Self::free_seats(&committee);
		if job.input_count > 0 {
			Cleanup::<T>::insert(job_id, 0);
		}
	}

	/// The `on_initialize` work: the due deadlines in block order, at most
	/// [`Config::DeadlineBatch`] transitions, the rest carried over to the next block; then a
	/// batch of cleanup.
	///
	/// The cursor walks blocks `DeadlineCursor..=now`: a due entry costs a transition, an
	/// empty block one read (a hundredth of a transition's weight). Besides the transitions it
	/// passes at most [`EMPTY_BLOCKS_PER_TRANSITION`]` * DeadlineBatch + 1` empty blocks, so
	/// after a backlog it catches up with `now` that many times faster than it took the
	/// backlog.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>) -> Weight {
		let budget = T::DeadlineBatch::get();
		let mut block = DeadlineCursor::<T>::get().unwrap_or(now);
		let most_empty = budget.saturating_mul(EMPTY_BLOCKS_PER_TRANSITION);
		let (mut moved, mut empty) = (0u32, 0u32);
		while block <= now && moved < budget && empty <= most_empty {
			match Deadlines::<T>::iter_key_prefix(block).next() {
				Some(job_id) => {
					Deadlines::<T>::remove(block, job_id);
					Self::on_deadline(job_id, block, now);
					moved = moved.saturating_add(1);
				}
				None => {
					block = block.saturating_add(One::one());
					empty = empty.saturating_add(1);
				}
			}
		}
		DeadlineCursor::<T>::put(block);
		let mut weight = T::WeightInfo::on_initialize_deadlines(moved)
			.saturating_add(T::DbWeight::get().reads_writes(u64::from(empty) + 1, 1));
		weight.saturating_accrue(Self::cleanup(T::CleanupBatch::get()));
		weight
	}

	/// The deadline entry `(at, job_id)` came due (and was removed) in block `now >= at`.
	fn on_deadline(job_id: JobId, at: BlockNumberFor<T>, now: BlockNumberFor<T>) {
		let Some(mut job) = Jobs::<T>::get(job_id) else {
			defensive!("a deadline entry for a job that does not exist", job_id);
			return;
		};
		if job.deadline != at || job.phase.has_ended() {
			defensive!("a deadline entry that is not the job's", job_id);
			return;
		}
		if let Err(e) = Self::advance(job_id, &mut job, Trigger::Deadline, now) {
			log::error!(target: LOG_TARGET, "job {job_id}: deadline transition failed: {e:?}");
		}
	}

	/// Moves an overdue job now (the permissionless [`Pallet::advance_job`]).
	pub(crate) fn do_advance_job(job_id: JobId) -> Result<(), Error<T>> {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(!job.phase.has_ended(), Error::<T>::JobEnded);
		let now = frame_system::Pallet::<T>::block_number();
		// `on_initialize` of block `deadline` makes the transition: from then on the phase is
		// overdue.
		ensure!(job.deadline <= now, Error::<T>::NotOverdue);
		Deadlines::<T>::remove(job.deadline, job_id);
		Self::advance(job_id, &mut job, Trigger::Deadline, now)
	}

	/// Enters `job_id`'s deadline at block `at`. A job has one entry at a time.
	fn schedule(at: BlockNumberFor<T>, job_id: JobId) {
		Deadlines::<T>::insert(at, job_id, ());
	}

	fn unschedule(at: BlockNumberFor<T>, job_id: JobId) {
		Deadlines::<T>::remove(at, job_id);
	}

	/// Cleans up to `budget` inputs of ended jobs: returns qualified inputs' deposits and
	/// removes their data. Returns the weight used.
	pub(crate) fn cleanup(budget: u32) -> Weight {
		let mut weight = T::DbWeight::get().reads(1);
		let mut left = budget;
		while left > 0 {
			let Some((job_id, next)) = Cleanup::<T>::iter().next() else { break };
			let (input_count, n) = match Jobs::<T>::get(job_id) {
				Some(job) => (job.input_count, job.shape.n()),
				None => (0, 0),
			};
			let mut index = next;
			while left > 0 && index < input_count {
				Self::cleanup_input(job_id, index);
				weight.saturating_accrue(T::WeightInfo::cleanup_input(n));
				index = index.saturating_add(1);
				left = left.saturating_sub(1);
			}
			if index >= input_count {
				Cleanup::<T>::remove(job_id);
				Self::deposit_event(Event::JobCleanedUp { job_id });
			} else {
				Cleanup::<T>::insert(job_id, index);
			}
			weight.saturating_accrue(T::DbWeight::get().reads_writes(2, 1));
		}
		weight
	}

	/// As many inputs of ended jobs as fit in `remaining` weight (`on_idle`), counting each
	/// at its largest committee. Returns the weight used, never more than `remaining`.
	pub(crate) fn cleanup_within(remaining: Weight) -> Weight {
		let fixed = T::DbWeight::get().reads(1);
		let per_input = T::WeightInfo::cleanup_input(T::MaxCommittee::get())
			.saturating_add(T::DbWeight::get().reads_writes(2, 1));
		let budget = remaining
			.checked_sub(&fixed)
			.and_then(|left| left.checked_div_per_component(&per_input))
			.unwrap_or(0);
		if budget == 0 {
			return Weight::zero();
		}
		Self::cleanup(budget.min(u64::from(u32::MAX)) as u32)
	}

	/// Removes one input of an ended job and returns its deposit (a disqualified input's
	/// deposit was forfeited already). Returns the input's provider and what it got back;
	/// `None` if the input was removed already.
	fn cleanup_input(job_id: JobId, index: InputIndex) -> Option<(T::AccountId, BalanceOf<T>)> {
		let input = Inputs::<T>::take(job_id, index)?;
		let returned = if input.qualified { input.deposit } else { Zero::zero() };
		Self::release(HoldReason::InputDeposit, &input.provider, returned);
		InputOf::<T>::remove(job_id, &input.provider);
		EphemeralKeys::<T>::remove(job_id, input.ephemeral_key.as_bytes());
		Some((input.provider, returned))
	}

	pub(crate) fn do_reclaim_input_deposit(
		provider: T::AccountId,
		job_id: JobId,
	) -> Result<(), Error<T>> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.phase.has_ended(), Error::<T>::JobNotEnded);
		let index = InputOf::<T>::get(job_id, &provider).ok_or(Error::<T>::UnknownInput)?;
		let (provider, amount) = Self::cleanup_input(job_id, index).ok_or_else(|| {
			defensive!("a provider's input index without its input");
			Error::<T>::Inconsistent
		})?;
		Self::deposit_event(Event::InputReclaimed { job_id, index, provider, amount });
		Ok(())
	}

	/// Checks the pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		for (job_id, job) in Jobs::<T>::iter() {
			// While a job runs, all its inputs are stored: Ĉ must be the sum of the qualified
			// ones.
			if !job.phase.has_ended() {
				let qualified: Vec<Vec<Commitment>> = Inputs::<T>::iter_prefix(job_id)
					.filter(|(_, input)| input.qualified)
					.map(|(_, input)| input.commitments.into_inner())
					.collect();
				ensure!(qualified.len() as u32 == job.qualified_count, "qualified count mismatch");
				let sum = mpc_primitives::pedersen::sum_commitments(
					job.shape.t() as usize + 1,
					qualified.iter().map(|c| &c[..]),
				)
				.ok_or("inconsistent commitment sizes")?;
				ensure!(
					sum == Aggregates::<T>::get(job_id).into_inner(),
					"aggregate != sum of qualified inputs"
				);
			}
			ensure!(
				job.escrow
					<= T::Currency::balance_on_hold(&HoldReason::JobEscrow.into(), &job.owner),
				"escrow exceeds what is held"
			);
		}
		// Every running job has exactly its one deadline entry, none before the cursor.
		let running: Vec<(JobId, BlockNumberFor<T>)> = Jobs::<T>::iter()
			.filter(|(_, job)| !job.phase.has_ended())
			.map(|(id, job)| (id, job.deadline))
			.collect();
		for (job_id, deadline) in &running {
			ensure!(Deadlines::<T>::contains_key(deadline, job_id), "running job without deadline");
		}
		ensure!(Deadlines::<T>::iter().count() == running.len(), "a deadline entry without a job");
		if let Some(cursor) = DeadlineCursor::<T>::get() {
			ensure!(Deadlines::<T>::iter_keys().all(|(at, _)| at >= cursor), "entry behind cursor");
		}
		// Exactly the jobs in `Drawing` wait, each once, in order of their draw rounds.
		let queue = DrawQueue::<T>::get();
		let waiting: Vec<JobId> = Jobs::<T>::iter()
			.filter(|(_, job)| job.phase == JobPhase::Drawing)
			.map(|(id, _)| id)
			.collect();
		ensure!(queue.len() == waiting.len(), "draw queue != jobs in Drawing");
		ensure!(waiting.iter().all(|id| queue.contains(id)), "a job in Drawing not queued");
		ensure!(Drawings::<T>::iter().count() == queue.len(), "a drawing without a queued job");
		let rounds: Vec<u64> =
			queue.iter().filter_map(|id| Drawings::<T>::get(id).map(|d| d.round)).collect();
		ensure!(rounds.len() == queue.len(), "a queued job without its drawing");
		ensure!(rounds.windows(2).all(|w| w[0] <= w[1]), "draw rounds out of order");
		// The pool is exactly the eligible workers; each worker's seat count is its entries.
		let pool = WorkerList::<T>::get();
		let keys: Vec<(u64, keys::ThresholdKey<T>)> = ThresholdKeys::<T>::iter().collect();
		for (who, info) in Workers::<T>::iter() {
			ensure!(pool.contains(&who) == Self::is_eligible(&info), "pool != eligible workers");
			let seats = WorkerJobs::<T>::iter_prefix(&who).count() as u32;
			ensure!(info.jobs == seats, "worker seat count != its committee entries");
			// A key holds its members' key seats from its draw until it fails or is removed.
			let key_seats =
				keys.iter().filter(|(_, k)| k.seated().iter().any(|m| m.account == who)).count();
			ensure!(
				KeySeats::<T>::get(&who) == key_seats as u32,
				"worker key seat count != the keys it sits in"
			);
		}
		Self::keys_try_state(&keys)?;
		ensure!(pool.iter().all(Workers::<T>::contains_key), "unregistered in the pool");
		ensure!(
			WorkerCount::<T>::get() as usize == Workers::<T>::iter().count(),
			"worker count != registered workers"
		);
		for (who, info) in Workers::<T>::iter() {
			ensure!(
				info.bond == T::Currency::balance_on_hold(&HoldReason::WorkerBond.into(), &who),
				"worker bond != held"
			);
		}
		Ok(())
	}
}
