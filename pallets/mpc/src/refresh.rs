//! Refreshing threshold keys (PROTOCOL.md sections 14.9 and 14.10): the members that stay
//! re-share zero, so the key `Y` stays, every share changes, and a member that left (or was
//! left out) holds nothing of the key any more.
//!
//! A refresh is asked for with [`Pallet::refresh_key`] (the owner at any time, anyone once the
//! epoch is over) or [`Pallet::leave_key`] (a member, who is left out). It runs in attempts of
//! the key, numbered on from its last one, like a DKG's: packages
//! ([`Pallet::submit_refresh_round1`]), envelopes and complaints (the DKG's calls, which turn
//! here for an active key), then the refreshed verifying shares in `on_initialize`. Silent or
//! proven-bad members are left out of the next attempt; a refresh that runs out of members
//! or attempts fails and leaves the key as it was. The key stays active throughout: signing
//! goes on under the old shares, and open requests restart once the shares changed.
//!
//! Every completed refresh's members, packages and envelopes stay on chain while the key
//! lives, at most [`Config::MaxKeyRefreshes`] of them: a member rebuilds its share from the
//! DKG and the refreshes in order, and keeps no share itself.

use crate::{keys::*, *};
use frame_support::{defensive, traits::Footprint};
use mpc_primitives::{
	frost::{
		confirm_digest, envelope_digest,
		refresh::{judge_refresh_complaint, refresh_attempt_digest, refresh_slot, RefreshPackage},
		verify_envelope, FrostComplaintSubject, FrostGroup, SenderContext,
	},
	EphemeralKey,
};
use sp_runtime::traits::{Saturating, Zero};

/// A refresh attempt of a key: its members `R` and where it stands. Kept after a completed
/// refresh (its members and identifiers rebuild the shares).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct KeyRefresh<T: Config> {
	/// `R`: the members, in increasing order of identifier, keys as when the key was drawn.
	pub members: KeyCommittee<T>,
	/// Their identifiers, in the same order.
	pub ids: KeyIndices<T>,
	/// The refresh's first attempt (at most `MaxKeyAttempts` from it).
	pub first: u32,
	/// The step.
	pub step: DkgStep,
	/// The first block of the step.
	pub opened: BlockNumberOf<T>,
	/// In `on_initialize` of this block the step times out (rounds 1 and 2) or ends
	/// (complaints: the key is refreshed).
	pub until: BlockNumberOf<T>,
	/// Who posted in this step, by identifier, with its `Ψ_{i,1}` or `E`; in the complaint
	/// step, the members that confirmed and their `C`.
	pub posted: BoundedVec<(ParticipantIndex, [u8; 32]), T::MaxKeyCommittee>,
}

/// A complaint against a refresh envelope, as [`Pallet::complain_key_envelope`] takes it.
pub struct RefreshComplaint {
	/// The sender's identifier.
	pub sender: ParticipantIndex,
	/// The envelope's digest `h_j`.
	pub digest: [u8; 32],
	/// `K_{j,i}`.
	pub shared_key: [u8; 32],
	/// The DLEQ proof.
	pub proof: [u8; 64],
}

impl<T: Config> Pallet<T> {
	/// The storage one refresh of a key of `n` members can take: its record, `n` packages and
	/// `n` envelopes.
	pub fn refresh_footprint(key_id: KeyId, n: u32) -> Footprint {
		let mut footprint = Footprint::default();
		let record = KeyRefreshes::<T>::hashed_key_for(key_id, 0u32);
		footprint.count = 1;
		footprint.size = (record.len() + KeyRefresh::<T>::max_encoded_len()) as u64;
		for i in ParticipantIndex::all(n) {
			let k1 = KeyRefreshRound1::<T>::hashed_key_for((key_id, 0u32, i));
			let k2 = KeyRefreshEnvelopes::<T>::hashed_key_for((key_id, 0u32, i));
			footprint.count = footprint.count.saturating_add(2);
			footprint.size = footprint.size.saturating_add(
				(k1.len() + KeyPoints::<T>::max_encoded_len()) as u64
					+ (k2.len() + StoredEnvelope::<T>::max_encoded_len()) as u64,
			);
		}
		footprint
	}

	/// Starts a refresh of key `key_id` asked by `who`: [`Pallet::refresh_key`], or
	/// [`Pallet::leave_key`] when `leave` (without `who`).
	pub(crate) fn do_refresh_key(
		who: T::AccountId,
		key_id: KeyId,
		leave: bool,
	) -> Result<(), Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Active {
			members,
			ids,
			refreshes,
			epoch_start,
			last_attempt,
			refreshing,
			left_out,
			..
		} = &mut key.status
		else {
			return Err(Error::<T>::KeyNotActive);
		};
		ensure!(refreshing.is_none(), Error::<T>::RefreshInProgress);
		ensure!(refreshes.len() < T::MaxKeyRefreshes::get() as usize, Error::<T>::TooManyRefreshes);
		let mut stay_ids = ids.clone();
		let leaving = if leave {
			let id = Self::active_identifier(members, ids, &who)?;
			ensure!(
				ids.len() > key.threshold.saturating_add(1) as usize,
				Error::<T>::TooFewMembers
			);
			stay_ids.retain(|i| *i != id);
			Some(who.clone())
		} else {
			ensure!(
				who == key.owner || now >= epoch_start.saturating_add(T::KeyEpochLength::get()),
				Error::<T>::EpochNotOver
			);
			None
		};
		// Without the members that make refreshes fail or have nothing left at stake, unless
		// too few would stay.
		let penalty = T::FaultPenalty::get();
		let mut kept = stay_ids.clone();
		kept.retain(|i| {
			!left_out.contains(i)
				&& members.get(i.get() as usize - 1).is_some_and(|m| {
					Workers::<T>::get(&m.account)
						.is_some_and(|w| !w.bond.is_zero() && w.bond >= penalty)
				})
		});
		if kept.len() > key.threshold as usize {
			stay_ids = kept;
		}
		left_out.clear();
		let stay = BoundedVec::truncate_from(
			stay_ids
				.iter()
				.filter_map(|i| members.get(i.get() as usize - 1).cloned())
				.collect::<Vec<_>>(),
		);
		PendingKeys::<T>::try_append(key_id).map_err(|_| Error::<T>::TooManyPendingKeys)?;
		let attempt = last_attempt.saturating_add(1);
		Self::deposit_event(Event::KeyRefreshStarted { key: key_id, by: who, leaving });
		Self::start_refresh_attempt(key_id, &mut key, attempt, attempt, stay, stay_ids, now);
		ThresholdKeys::<T>::insert(key_id, key);
		Ok(())
	}

	fn start_refresh_attempt(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		attempt: u32,
		first: u32,
		members: KeyCommittee<T>,
		ids: KeyIndices<T>,
		now: BlockNumberFor<T>,
	) {
		let KeyStatus::Active { last_attempt, refreshing, .. } = &mut key.status else { return };
		*last_attempt = attempt;
		*refreshing = Some(attempt);
		let until = now.saturating_add(T::KeyRoundWindow::get());
		let accounts = members.iter().map(|m| m.account.clone()).collect();
		let refresh = KeyRefresh::<T> {
			members,
			ids,
			first,
			step: DkgStep::Round1,
			opened: now,
			until,
			posted: BoundedVec::new(),
		};
		KeyRefreshes::<T>::insert(key_id, attempt, refresh);
		Self::deposit_event(Event::KeyAttemptStarted {
			key: key_id,
			attempt,
			members: accounts,
			until,
		});
	}

	/// `A_r` of a refresh attempt (PROTOCOL.md section 14.9).
	pub fn refresh_digest(
		key_id: KeyId,
		attempt: u32,
		t: u32,
		refresh: &KeyRefresh<T>,
	) -> [u8; 32] {
		let list: Vec<_> = refresh
			.ids
			.iter()
			.zip(&refresh.members)
			.map(|(i, m)| (*i, *m.account.as_ref(), m.key))
			.collect();
		refresh_attempt_digest(&Self::attempt_context(key_id, attempt), t, &list)
	}

	/// The refresh attempt `attempt` running for the key, and the caller's identifier in it;
	/// `digest` must be the chain's `A_r`.
	fn refresh_member(
		key_id: KeyId,
		key: &ThresholdKey<T>,
		attempt: u32,
		digest: &[u8; 32],
		who: &T::AccountId,
	) -> Result<(KeyRefresh<T>, ParticipantIndex), Error<T>> {
		let KeyStatus::Active { refreshing, .. } = &key.status else {
			return Err(Error::<T>::KeyNotRefreshing);
		};
		let running = refreshing.ok_or(Error::<T>::KeyNotRefreshing)?;
		ensure!(running == attempt, Error::<T>::WrongKeyAttempt);
		let refresh = KeyRefreshes::<T>::get(key_id, attempt).ok_or_else(|| {
			defensive!("a running refresh without its record");
			Error::<T>::Inconsistent
		})?;
		let id = Self::key_identifier(&refresh.members, &refresh.ids, who)?;
		// Made for this attempt number on another branch of a fork: refused, not judged.
		ensure!(
			Self::refresh_digest(key_id, attempt, key.threshold, &refresh) == *digest,
			Error::<T>::AttemptMismatch
		);
		Ok((refresh, id))
	}

	/// The step after a complete one: it opens in the next block and lasts `window` blocks.
	fn open_refresh_step(
		refresh: &mut KeyRefresh<T>,
		next: DkgStep,
		window: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		refresh.step = next;
		refresh.opened = now.saturating_add(One::one());
		refresh.until = refresh.opened.saturating_add(window);
		refresh.posted.clear();
	}

	pub(crate) fn do_submit_refresh_round1(
		who: T::AccountId,
		key_id: KeyId,
		attempt: u32,
		digest: [u8; 32],
		package: KeyPoints<T>,
	) -> Result<(), Error<T>> {
		let key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		let (mut refresh, id) = Self::refresh_member(key_id, &key, attempt, &digest, &who)?;
		ensure!(refresh.step == DkgStep::Round1, Error::<T>::WrongKeyStep);
		ensure!(!refresh.posted.iter().any(|(i, _)| *i == id), Error::<T>::AlreadyPosted);
		let plain = RefreshPackage { commitments: package.to_vec() };
		mpc_primitives::frost::refresh::verify_refresh_round1(key.threshold, &plain).map_err(
			|e| match e {
				mpc_primitives::Error::WrongCommitmentCount => Error::<T>::WrongCommitmentCount,
				_ => Error::<T>::BadCommitmentEncoding,
			},
		)?;
		// A copy of another member's package is taken (there is no proof to bind it to its
		// sender): refusing it would let a copier that front-runs an honest member's package
		// push that member out. The copier cannot make shares that check against it, and its
		// recipients' complaints prove that (section 14.9).
		let psi1 = *package.first().ok_or(Error::<T>::WrongCommitmentCount)?;
		refresh.posted.try_push((id, psi1)).map_err(|_| Error::<T>::Inconsistent)?;
		KeyRefreshRound1::<T>::insert((key_id, attempt, id), package);
		Self::deposit_event(Event::KeyRefreshRound1Accepted { key: key_id, attempt, member: id });
		if refresh.posted.len() == refresh.members.len() {
			let now = frame_system::Pallet::<T>::block_number();
			Self::open_refresh_step(&mut refresh, DkgStep::Round2, T::KeyRoundWindow::get(), now);
		}
		KeyRefreshes::<T>::insert(key_id, attempt, refresh);
		Ok(())
	}

	pub(crate) fn do_submit_refresh_envelope(
		who: T::AccountId,
		key_id: KeyId,
		key: ThresholdKey<T>,
		attempt: u32,
		digest: [u8; 32],
		envelope: BoundedEnvelope<T>,
	) -> Result<(), Error<T>> {
		let (mut refresh, id) = Self::refresh_member(key_id, &key, attempt, &digest, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(refresh.step == DkgStep::Round2 && now >= refresh.opened, Error::<T>::WrongKeyStep);
		ensure!(!refresh.posted.iter().any(|(i, _)| *i == id), Error::<T>::AlreadyPosted);
		ensure!(
			!refresh.posted.iter().any(|(_, e)| *e == envelope.ephemeral_key),
			Error::<T>::RepeatedEphemeralKey
		);
		let ctx = SenderContext { attempt: Self::attempt_context(key_id, attempt), sender: id };
		let plain = envelope.to_envelope();
		let n = refresh.members.len() as u32;
		verify_envelope(&ctx, who.as_ref(), n, &plain).map_err(Self::submission_error)?;
		let package = KeyRefreshRound1::<T>::get((key_id, attempt, id)).ok_or_else(|| {
			defensive!("round 2 of a refresh without the sender's package");
			Error::<T>::Inconsistent
		})?;
		let h = envelope_digest(&ctx, &package, &plain);
		refresh
			.posted
			.try_push((id, envelope.ephemeral_key))
			.map_err(|_| Error::<T>::Inconsistent)?;
		KeyRefreshEnvelopes::<T>::insert(
			(key_id, attempt, id),
			StoredEnvelope { envelope, digest: h },
		);
		Self::deposit_event(Event::KeyEnvelopeAccepted { key: key_id, attempt, member: id });
		if refresh.posted.len() as u32 == n {
			let window = T::ComplaintWindow::get();
			Self::open_refresh_step(&mut refresh, DkgStep::Complaints, window, now);
		}
		KeyRefreshes::<T>::insert(key_id, attempt, refresh);
		Ok(())
	}

	pub(crate) fn do_complain_refresh_envelope(
		who: T::AccountId,
		key_id: KeyId,
		mut key: ThresholdKey<T>,
		attempt: u32,
		complaint: RefreshComplaint,
	) -> Result<PostDispatchInfo, Error<T>> {
		let KeyStatus::Active { refreshing, .. } = &key.status else {
			return Err(Error::<T>::KeyNotRefreshing);
		};
		ensure!(refreshing.is_some(), Error::<T>::KeyNotRefreshing);
		ensure!(*refreshing == Some(attempt), Error::<T>::WrongKeyAttempt);
		let refresh = KeyRefreshes::<T>::get(key_id, attempt).ok_or(Error::<T>::Inconsistent)?;
		let member = Self::key_identifier(&refresh.members, &refresh.ids, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		// Until the block before the window's end, even when the refresh ends a block later.
		ensure!(
			refresh.step == DkgStep::Complaints && now >= refresh.opened && now < refresh.until,
			Error::<T>::WrongKeyStep
		);
		ensure!(!refresh.posted.iter().any(|(i, _)| *i == member), Error::<T>::AlreadyPosted);
		let sender = complaint.sender;
		let slot = refresh_slot(&refresh.ids, sender, member).ok_or(Error::<T>::UnknownEnvelope)?;
		let stored = KeyRefreshEnvelopes::<T>::get((key_id, attempt, sender))
			.ok_or(Error::<T>::UnknownEnvelope)?;
		// Made against another envelope (on another branch of a fork): refused, not judged.
		ensure!(stored.digest == complaint.digest, Error::<T>::EnvelopeMismatch);
		let package = KeyRefreshRound1::<T>::get((key_id, attempt, sender))
			.ok_or(Error::<T>::Inconsistent)?;
		let position = |id: ParticipantIndex| refresh.ids.iter().position(|i| *i == id);
		let recipient = position(member)
			.and_then(|p| refresh.members.get(p))
			.ok_or(Error::<T>::Inconsistent)?;
		let ephemeral = EphemeralKey::from_bytes(&stored.envelope.ephemeral_key)
			.map_err(|_| Error::<T>::Inconsistent)?;
		let ciphertext = stored.envelope.ciphertexts.get(slot).ok_or(Error::<T>::Inconsistent)?;
		let ctx = SenderContext { attempt: Self::attempt_context(key_id, attempt), sender };
		let subject = FrostComplaintSubject {
			sender: &ctx,
			recipient: member,
			recipient_key: &recipient.key,
			ephemeral_key: &ephemeral,
			commitments: &package,
			ciphertext,
		};
		let verdict = judge_refresh_complaint(&subject, &complaint.shared_key, &complaint.proof)
			.map_err(Self::complaint_error)?;
		let weight = Some(T::WeightInfo::complain_key_envelope(refresh.members.len() as u32));
		let culprit = position(sender)
			.and_then(|p| refresh.members.get(p))
			.ok_or(Error::<T>::Inconsistent)?
			.account
			.clone();
		let subject = KeyComplaint { key: key_id, attempt, sender, member };
		if Self::settle_key_complaint(&subject, verdict, &culprit, &who) {
			Self::fail_refresh_attempt(key_id, &mut key, refresh, &[sender], now);
			ThresholdKeys::<T>::insert(key_id, key);
			return Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No });
		}
		Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::Yes })
	}

	/// A member confirms that its shares of refresh attempt `attempt` all check (PROTOCOL.md
	/// sections 14.5 and 14.9).
	pub(crate) fn do_confirm_refresh_shares(
		who: T::AccountId,
		key_id: KeyId,
		key: &ThresholdKey<T>,
		attempt: u32,
		digest: [u8; 32],
		confirm: [u8; 32],
	) -> Result<(), Error<T>> {
		let (mut refresh, id) = Self::refresh_member(key_id, key, attempt, &digest, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			refresh.step == DkgStep::Complaints && now >= refresh.opened && now < refresh.until,
			Error::<T>::WrongKeyStep
		);
		ensure!(!refresh.posted.iter().any(|(i, _)| *i == id), Error::<T>::AlreadyPosted);
		let digests = refresh
			.ids
			.iter()
			.map(|j| KeyRefreshEnvelopes::<T>::get((key_id, attempt, *j)).map(|e| e.digest))
			.collect::<Option<Vec<_>>>()
			.ok_or(Error::<T>::Inconsistent)?;
		let ctx = Self::attempt_context(key_id, attempt);
		// Made over another branch's envelopes: refused, not counted.
		ensure!(confirm_digest(&ctx, &digests) == confirm, Error::<T>::EnvelopeMismatch);
		refresh.posted.try_push((id, confirm)).map_err(|_| Error::<T>::Inconsistent)?;
		Self::deposit_event(Event::KeySharesConfirmed { key: key_id, attempt, member: id });
		// Everyone confirmed: nobody can complain, the key is refreshed in the next block.
		if refresh.posted.len() == refresh.members.len() {
			refresh.until = refresh.until.min(now.saturating_add(One::one()));
		}
		KeyRefreshes::<T>::insert(key_id, attempt, refresh);
		Ok(())
	}

	/// Removes a refresh attempt's record, packages and envelopes.
	pub(crate) fn drop_refresh_attempt(key_id: KeyId, attempt: u32) {
		let limit = T::MaxKeyCommittee::get();
		let _ = KeyRefreshRound1::<T>::clear_prefix((key_id, attempt), limit, None);
		let _ = KeyRefreshEnvelopes::<T>::clear_prefix((key_id, attempt), limit, None);
		KeyRefreshes::<T>::remove(key_id, attempt);
	}

	/// Ends a refresh attempt without new shares: the next attempt without `culprits`
	/// (identifiers), or the refresh fails and the key stays as it was.
	fn fail_refresh_attempt(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		refresh: KeyRefresh<T>,
		culprits: &[ParticipantIndex],
		now: BlockNumberFor<T>,
	) {
		let KeyStatus::Active { refreshing: Some(attempt), .. } = &key.status else { return };
		let attempt = *attempt;
		Self::drop_refresh_attempt(key_id, attempt);
		let (mut members, mut ids, mut gone) = (Vec::new(), Vec::new(), Vec::new());
		for (m, i) in refresh.members.into_iter().zip(refresh.ids) {
			if culprits.contains(&i) {
				gone.push(m.account);
			} else {
				members.push(m);
				ids.push(i);
			}
		}
		Self::deposit_event(Event::KeyAttemptFailed { key: key_id, attempt, culprits: gone });
		let next = attempt.saturating_add(1);
		let tries = next.saturating_sub(refresh.first);
		if (members.len() as u32) < key.threshold.saturating_add(1)
			|| tries >= T::MaxKeyAttempts::get()
		{
			// The key's members that did not reach the end of the last attempt are the
			// refresh's culprits: the next refresh runs without them.
			let culprits: Vec<ParticipantIndex> = match &key.status {
				KeyStatus::Active { ids: key_ids, .. } => {
					key_ids.iter().copied().filter(|i| !ids.contains(i)).collect()
				}
				_ => Vec::new(),
			};
			Self::end_refresh(key_id, key, now);
			if let KeyStatus::Active { left_out, .. } = &mut key.status {
				*left_out = BoundedVec::truncate_from(culprits);
			}
			Self::deposit_event(Event::KeyRefreshFailed { key: key_id });
			return;
		}
		let (members, ids) = (BoundedVec::truncate_from(members), BoundedVec::truncate_from(ids));
		Self::start_refresh_attempt(key_id, key, next, refresh.first, members, ids, now);
	}

	/// The refresh ended (either way): none running, a new epoch, off the pending list.
	fn end_refresh(key_id: KeyId, key: &mut ThresholdKey<T>, now: BlockNumberFor<T>) {
		if let KeyStatus::Active { refreshing, epoch_start, .. } = &mut key.status {
			*refreshing = None;
			*epoch_start = now;
		}
		PendingKeys::<T>::mutate(|keys| keys.retain(|k| *k != key_id));
	}

	/// Whether the key's last epoch is over (it is refreshed no more and waits to expire).
	pub(crate) fn key_expiring(key: &ThresholdKey<T>, now: BlockNumberFor<T>) -> bool {
		match &key.status {
			KeyStatus::Active { refreshes, epoch_start, refreshing: None, .. } => {
				refreshes.len() >= T::MaxKeyRefreshes::get() as usize
					&& now >= epoch_start.saturating_add(T::KeyEpochLength::get())
			}
			_ => false,
		}
	}

	/// Ends key `key_id` after its last epoch ([`Pallet::expire_key`], PROTOCOL.md section
	/// 14.10): open requests fail, seats are freed, transcripts removed.
	pub(crate) fn do_expire_key(key_id: KeyId) -> Result<(), Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Active { group_key, refreshes, epoch_start, refreshing, .. } = &key.status
		else {
			return Err(Error::<T>::KeyNotActive);
		};
		ensure!(refreshing.is_none(), Error::<T>::RefreshInProgress);
		ensure!(refreshes.len() >= T::MaxKeyRefreshes::get() as usize, Error::<T>::RefreshesLeft);
		ensure!(
			now >= epoch_start.saturating_add(T::KeyEpochLength::get()),
			Error::<T>::EpochNotOver
		);
		let group_key = *group_key;
		for attempt in refreshes {
			Self::drop_refresh_attempt(key_id, *attempt);
		}
		Self::drop_key_rounds(key_id);
		Self::free_key_seats(&key.seated());
		for request_id in OpenSignRequests::<T>::get() {
			let Some(mut request) = SignRequests::<T>::get(request_id) else { continue };
			if request.key == key_id && request.state == SignState::Open {
				Self::fail_request(request_id, &mut request, &mut key, now);
				SignRequests::<T>::insert(request_id, request);
			}
		}
		key.status = KeyStatus::Expired { group_key, at: now };
		ThresholdKeys::<T>::insert(key_id, key);
		Self::deposit_event(Event::KeyExpired { key: key_id });
		Ok(())
	}

	/// Refreshes the key at the end of the complaint window (PROTOCOL.md section 14.10).
	fn make_refresh(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		refresh: KeyRefresh<T>,
		now: BlockNumberFor<T>,
	) {
		let KeyStatus::Active {
			refreshing: Some(attempt), group_key, ids, verifying_shares, ..
		} = &key.status
		else {
			return;
		};
		let attempt = *attempt;
		let made = refresh
			.ids
			.iter()
			.map(|i| {
				KeyRefreshRound1::<T>::get((key_id, attempt, *i))
					.map(|p| RefreshPackage { commitments: p.to_vec() })
			})
			.collect::<Option<Vec<_>>>()
			.ok_or(mpc_primitives::Error::InvalidIndex)
			.and_then(|packages| {
				FrostGroup::from_parts(key.threshold, group_key, ids, verifying_shares)?
					.refreshed(&refresh.ids, &packages)
			});
		let group = match made {
			Ok(group) => group,
			// A defect (every package was checked): the attempt failed, no culprit.
			Err(_) => {
				defensive!("a refresh whose packages do not refresh the key");
				return Self::fail_refresh_attempt(key_id, key, refresh, &[], now);
			}
		};
		let KeyStatus::Active { members, ids, verifying_shares, refreshes, .. } = &mut key.status
		else {
			return;
		};
		let gone: Vec<CommitteeMember<T>> = ids
			.iter()
			.filter(|i| !refresh.ids.contains(i))
			.filter_map(|i| members.get(i.get() as usize - 1).cloned())
			.collect();
		Self::free_key_seats(&gone);
		*ids = refresh.ids.clone();
		*verifying_shares = BoundedVec::truncate_from(group.verifying_shares());
		if refreshes.try_push(attempt).is_err() {
			defensive!("a refresh past MaxKeyRefreshes");
		}
		let epoch = refreshes.len() as u32;
		Self::end_refresh(key_id, key, now);
		Self::deposit_event(Event::KeyRefreshed {
			key: key_id,
			epoch,
			members: refresh.members.iter().map(|m| m.account.clone()).collect(),
		});
		Self::restart_key_requests(key_id, key, now);
	}

	/// Every open signing request of the key starts its next attempt: the shares changed.
	fn restart_key_requests(key_id: KeyId, key: &mut ThresholdKey<T>, now: BlockNumberFor<T>) {
		for request_id in OpenSignRequests::<T>::get() {
			let Some(mut request) = SignRequests::<T>::get(request_id) else { continue };
			if request.key != key_id || request.state != SignState::Open {
				continue;
			}
			Self::restart_signing(request_id, &mut request, key, &[], now);
			SignRequests::<T>::insert(request_id, request);
		}
	}

	/// A refreshing key's part of `on_initialize`: timeouts, and the refresh made at the end
	/// of its complaint window. Whether the key changed.
	pub(crate) fn process_refresh(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		attempt: u32,
		now: BlockNumberFor<T>,
		heavy_done: &mut bool,
		weight: &mut Weight,
	) -> bool {
		weight.saturating_accrue(T::DbWeight::get().reads(1));
		let Some(refresh) = KeyRefreshes::<T>::get(key_id, attempt) else {
			defensive!("a refreshing key without its refresh");
			Self::end_refresh(key_id, key, now);
			return true;
		};
		if now < refresh.until {
			return false;
		}
		let n = refresh.members.len() as u32;
		// Silent in a round, or unconfirmed at the end of the complaints.
		let silent: Vec<ParticipantIndex> = refresh
			.ids
			.iter()
			.copied()
			.filter(|i| !refresh.posted.iter().any(|(p, _)| p == i))
			.collect();
		match refresh.step {
			_ if !silent.is_empty() => {
				weight.saturating_accrue(T::WeightInfo::key_timeout(n));
				Self::fail_refresh_attempt(key_id, key, refresh, &silent, now);
				true
			}
			DkgStep::Round1 | DkgStep::Round2 => {
				defensive!("a complete refresh round that did not end");
				false
			}
			DkgStep::Complaints if !*heavy_done => {
				*heavy_done = true;
				weight.saturating_accrue(T::WeightInfo::key_refresh_make(n));
				// The seats of members left out (the benchmark's refresh keeps everyone), and
				// the open requests of the key restarting.
				weight.saturating_accrue(T::DbWeight::get().reads_writes(n.into(), n.into()));
				weight.saturating_accrue(T::DbWeight::get().reads_writes(
					T::MaxOpenSignatures::get().into(),
					T::MaxOpenSignatures::get().into(),
				));
				// A request left with too few members fails (`on_signature`).
				weight.saturating_accrue(
					T::OnSignature::weight().saturating_mul(T::MaxOpenSignatures::get().into()),
				);
				Self::make_refresh(key_id, key, refresh, now);
				true
			}
			DkgStep::Complaints => false,
		}
	}
}
