//! Threshold keys (PROTOCOL.md section 14): Ed25519 keys that a committee holds and nobody
//! holds alone, made by FROST's DKG through the chain, and signatures by `t + 1` of their
//! members, every share checked here.
//!
//! A key's life: [`Pallet::create_key`] → `Drawing` (when the pool is larger than the
//! committee: the committee is drawn from a beacon round, as a job's) → `Generating` in
//! attempts, each through round 1 ([`Pallet::submit_key_round1`]), round 2
//! ([`Pallet::submit_key_envelope`]) and complaints ([`Pallet::complain_key_envelope`]) →
//! `Active` (or `Failed`). An attempt that fails for a silent or proven-bad member is followed
//! by one without its culprits, at most [`Config::MaxKeyAttempts`] in all. The round-1 packages
//! and envelopes of the attempt that made the key stay while it is active: the members
//! recompute their key packages from them, so no worker stores a key share.
//!
//! A signature: [`Pallet::request_signature`] (the key's owner) or
//! [`Pallet::do_request_signature`] (another pallet) → members commit
//! ([`Pallet::submit_sign_commitment`]); the `t + 1`-th commitment fixes the signers → each
//! posts its share ([`Pallet::submit_sign_share`]), checked against its verifying share → the
//! aggregate is verified as an ordinary Ed25519 signature and stored. A bad share is a fault
//! and the request goes on without its member; a silent signer is left out after
//! [`Config::SignWindow`] blocks.
//!
//! Every transaction a member sends names its key or request and the attempt, so one made on
//! another branch of a fork is refused with an error, never judged.

use crate::{money::add_entry, *};
use frame_support::{defensive, traits::Footprint};
use mpc_primitives::{
	frost::{
		attempt_digest, confirm_digest, envelope_digest, envelope_slot, judge_frost_complaint,
		key_committee_seed, package_digest, signing_package, verify_envelope, verify_round1,
		verify_signing_commitment, AttemptContext, Envelope, FrostComplaintSubject, FrostGroup,
		FrostShareCiphertext, Round1Package, SenderContext, SigningCommitment, FROST_PROOF_LEN,
		SIGNATURE_LEN,
	},
	ComplaintVerdict, EphemeralKey,
};
use sp_runtime::traits::{Saturating, Zero};

/// A threshold key's number `k`: assigned in creation order, from 0.
pub type KeyId = u64;
/// A signing request's number `s`: assigned in creation order, from 0.
pub type SignRequestId = u64;
/// A key's members in order (member `i` at position `i - 1`), keys as when it was drawn.
pub type KeyCommittee<T> = BoundedVec<CommitteeMember<T>, <T as Config>::MaxKeyCommittee>;
/// Ed25519 points of a key committee in wire form: commitments `φ_{i,0..t}`, shares `Y_i`.
pub type KeyPoints<T> = BoundedVec<[u8; 32], <T as Config>::MaxKeyCommittee>;
/// Member indices (positions in an attempt, or identifiers) within a key.
pub type KeyIndices<T> = BoundedVec<ParticipantIndex, <T as Config>::MaxKeyCommittee>;
/// A message to sign.
pub type SignMessage<T> = BoundedVec<u8, <T as Config>::MaxSignMessage>;

/// The step of a DKG attempt (PROTOCOL.md sections 14.3-14.5).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum DkgStep {
	/// Members post their round-1 packages.
	Round1,
	/// Members post their envelopes.
	Round2,
	/// Members complain about bad shares; at the end the key is made.
	Complaints,
}

/// Where a key stands.
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
pub enum KeyStatus<T: Config> {
	/// Waiting for beacon round `round` to draw the committee from `candidates` (the pool
	/// at the request); fails at block `until`.
	Drawing {
		/// The draw round.
		round: u64,
		/// The pool when the key was requested, in pool order.
		candidates: WorkerPool<T>,
		/// The key fails in `on_initialize` of this block if the round has not completed.
		until: BlockNumberOf<T>,
	},
	/// Attempt `attempt` of the DKG runs with `members`.
	Generating {
		/// The attempt `a`.
		attempt: u32,
		/// `M_a`, in order.
		members: KeyCommittee<T>,
		/// The step.
		step: DkgStep,
		/// The first block of the step.
		opened: BlockNumberOf<T>,
		/// In `on_initialize` of this block the step times out (round 1 or 2: the attempt
		/// fails) or ends (complaints: the key is made).
		until: BlockNumberOf<T>,
		/// Who posted in this step: a round's members and their `φ_{i,0}` or `E`; in the
		/// complaint step, the members that confirmed and their `C`.
		posted: BoundedVec<(ParticipantIndex, [u8; 32]), T::MaxKeyCommittee>,
	},
	/// The key is made.
	Active {
		/// The attempt that made it (its packages and envelopes are stored).
		attempt: u32,
		/// The members of that attempt, `M_a`: identifier `i` is `members[i - 1]`, for the
		/// key's life (PROTOCOL.md section 14.9).
		members: KeyCommittee<T>,
		/// The identifiers of the members that hold shares now, in increasing order: all of
		/// `M_a` until a refresh leaves some out.
		ids: KeyIndices<T>,
		/// `Y`: the key, and its account's 32 bytes.
		group_key: [u8; 32],
		/// The verifying shares `Y_i` of the members `ids`, in the same order.
		verifying_shares: KeyPoints<T>,
		/// The key's digest (PROTOCOL.md section 14.5).
		digest: [u8; 32],
		/// The block it was made in.
		activated: BlockNumberOf<T>,
		/// The attempts of the completed refreshes, in order: the epoch is their number.
		refreshes: BoundedVec<u32, T::MaxKeyRefreshes>,
		/// The first block of the epoch.
		epoch_start: BlockNumberOf<T>,
		/// The key's last attempt number (DKG or refresh).
		last_attempt: u32,
		/// The attempt of the refresh running, if one is.
		refreshing: Option<u32>,
		/// The culprits of the last refresh if it failed: left out of the next one.
		left_out: KeyIndices<T>,
	},
	/// The key lived its last epoch (PROTOCOL.md section 14.10): no more signatures, its
	/// members' seats are free and its transcripts removed.
	Expired {
		/// `Y`.
		group_key: [u8; 32],
		/// The block it expired in.
		at: BlockNumberOf<T>,
	},
	/// No key: too few members or too many attempts, or no committee.
	Failed {
		/// The block it failed in.
		at: BlockNumberOf<T>,
	},
}

/// A threshold key.
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
pub struct ThresholdKey<T: Config> {
	/// Who asked for it: it alone asks it to sign, and gets the deposit back.
	pub owner: AccountIdOf<T>,
	/// `t`: `t + 1` members sign.
	pub threshold: u32,
	/// The committee's size `n`.
	pub size: u32,
	/// The storage deposit held from the owner.
	pub deposit: BalanceOf<T>,
	/// The block it was requested in.
	pub created: BlockNumberOf<T>,
	/// Signing requests not ended yet.
	pub open_requests: u32,
	/// Where it stands.
	pub status: KeyStatus<T>,
}

impl<T: Config> ThresholdKey<T> {
	/// The members holding seats: the current attempt's, or those holding shares of the key.
	pub(crate) fn seated(&self) -> Vec<CommitteeMember<T>> {
		match &self.status {
			KeyStatus::Generating { members, .. } => members.to_vec(),
			KeyStatus::Active { members, ids, .. } => {
				ids.iter().filter_map(|i| members.get(i.get() as usize - 1).cloned()).collect()
			}
			KeyStatus::Drawing { .. } | KeyStatus::Expired { .. } | KeyStatus::Failed { .. } => {
				Vec::new()
			}
		}
	}
}

/// A round-1 package as `submit_key_round1` takes and stores it (PROTOCOL.md section 14.3).
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
pub struct BoundedRound1<T: Config> {
	/// `φ_{i,0}..φ_{i,t}`.
	pub commitments: KeyPoints<T>,
	/// `R_i || μ_i`.
	pub proof: [u8; FROST_PROOF_LEN],
}

impl<T: Config> BoundedRound1<T> {
	/// As `mpc_primitives::frost` takes it.
	pub fn to_package(&self) -> Round1Package {
		Round1Package { commitments: self.commitments.to_vec(), proof: self.proof }
	}
}

impl<T: Config> TryFrom<Round1Package> for BoundedRound1<T> {
	type Error = Error<T>;

	fn try_from(p: Round1Package) -> Result<Self, Error<T>> {
		Ok(Self {
			commitments: BoundedVec::try_from(p.commitments)
				.map_err(|_| Error::<T>::WrongCommitmentCount)?,
			proof: p.proof,
		})
	}
}

/// An envelope as `submit_key_envelope` takes it (PROTOCOL.md section 14.4).
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
pub struct BoundedEnvelope<T: Config> {
	/// `E`.
	pub ephemeral_key: [u8; 32],
	/// `c || z`.
	pub proof: [u8; FROST_PROOF_LEN],
	/// `ct_{j,i}` for every other member, in order.
	pub ciphertexts: BoundedVec<FrostShareCiphertext, T::MaxKeyCommittee>,
}

impl<T: Config> BoundedEnvelope<T> {
	/// As `mpc_primitives::frost` takes it.
	pub fn to_envelope(&self) -> Envelope {
		Envelope {
			ephemeral_key: self.ephemeral_key,
			proof: self.proof,
			ciphertexts: self.ciphertexts.to_vec(),
		}
	}
}

impl<T: Config> TryFrom<Envelope> for BoundedEnvelope<T> {
	type Error = Error<T>;

	fn try_from(e: Envelope) -> Result<Self, Error<T>> {
		Ok(Self {
			ephemeral_key: e.ephemeral_key,
			proof: e.proof,
			ciphertexts: BoundedVec::try_from(e.ciphertexts)
				.map_err(|_| Error::<T>::WrongCiphertextCount)?,
		})
	}
}

/// An accepted envelope and its digest `h_j` (which names it with the sender's package).
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
pub struct StoredEnvelope<T: Config> {
	/// The envelope.
	pub envelope: BoundedEnvelope<T>,
	/// `h_j` (PROTOCOL.md section 14.5).
	pub digest: [u8; 32],
}

/// Where a signing request stands.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum SignState<BlockNumber> {
	/// Members commit and sign.
	Open,
	/// Signed: `R || z`, an Ed25519 signature by the key, verified here.
	Signed {
		/// The signature.
		signature: [u8; SIGNATURE_LEN],
		/// The block it was made in.
		at: BlockNumber,
	},
	/// Not signed: too few members left, or the deadline passed.
	Failed {
		/// The block it failed in.
		at: BlockNumber,
	},
}

/// A signing request (PROTOCOL.md section 14.6).
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
pub struct SignRequest<T: Config> {
	/// The key.
	pub key: KeyId,
	/// Who asked: it gets the deposit back.
	pub requester: AccountIdOf<T>,
	/// `m`.
	pub message: SignMessage<T>,
	/// The storage deposit held from the requester.
	pub deposit: BalanceOf<T>,
	/// The request fails in `on_initialize` of this block if not signed.
	pub deadline: BlockNumberOf<T>,
	/// The attempt `b`.
	pub attempt: u32,
	/// Members left out of the request (a bad or a missing share).
	pub excluded: KeyIndices<T>,
	/// The attempt's commitments in arrival order: the first `t + 1` are the signers'.
	pub commitments: BoundedVec<(ParticipantIndex, SigningCommitment), T::MaxKeyCommittee>,
	/// The block the signers were fixed in (the `t + 1`-th commitment).
	pub fixed: Option<BlockNumberOf<T>>,
	/// The attempt's valid shares `z_i`.
	pub shares: BoundedVec<(ParticipantIndex, [u8; 32]), T::MaxKeyCommittee>,
	/// Where it stands.
	pub state: SignState<BlockNumberOf<T>>,
}

/// Who complained about whom, in which attempt of which key.
pub(crate) struct KeyComplaint {
	pub key: KeyId,
	pub attempt: u32,
	pub sender: ParticipantIndex,
	pub member: ParticipantIndex,
}

/// Consumers of signatures: how other pallets use threshold keys.
pub trait OnSignature {
	/// Called once per request, when it ends: the signature (verified against the key), or
	/// `None` if it failed.
	fn on_signature(request: SignRequestId, key: KeyId, signature: Option<&[u8; SIGNATURE_LEN]>);
	/// The most weight `on_signature` uses; charged to the share that completes a request.
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl OnSignature for () {
	fn on_signature(_: SignRequestId, _: KeyId, _: Option<&[u8; SIGNATURE_LEN]>) {}
}

impl<T: Config> Pallet<T> {
	/// Runs `f` in a storage layer: its writes stay only if it succeeds (for the entry points
	/// of other pallets, which may call outside a transaction).
	pub(crate) fn all_or_nothing<R>(
		f: impl FnOnce() -> Result<R, Error<T>>,
	) -> Result<R, Error<T>> {
		use frame_support::storage::{
			transactional::with_transaction_opaque_err, TransactionOutcome,
		};
		with_transaction_opaque_err(|| {
			let r = f();
			if r.is_ok() {
				TransactionOutcome::Commit(r)
			} else {
				TransactionOutcome::Rollback(r)
			}
		})
		.map_err(|()| Error::<T>::Inconsistent)?
	}

	pub(crate) fn attempt_context(key: KeyId, attempt: u32) -> AttemptContext {
		AttemptContext { genesis: Self::genesis_hash(), key, attempt }
	}

	/// Member `who`'s index in `members`.
	pub(crate) fn key_index(
		members: &[CommitteeMember<T>],
		who: &T::AccountId,
	) -> Result<ParticipantIndex, Error<T>> {
		members
			.iter()
			.position(|m| &m.account == who)
			.and_then(|p| ParticipantIndex::new(p as u32 + 1).ok())
			.ok_or(Error::<T>::NotKeyMember)
	}

	/// The storage a key of `n` members can take at most: its record, `n` packages and `n`
	/// envelopes, and those of `MaxKeyRefreshes` refreshes with their records, priced by
	/// [`Pallet::deposit_for`].
	pub fn key_footprint(key_id: KeyId, n: u32) -> Footprint {
		let mut footprint = Footprint::default();
		let record = ThresholdKeys::<T>::hashed_key_for(key_id);
		footprint.count = 1;
		footprint.size = (record.len() + ThresholdKey::<T>::max_encoded_len()) as u64;
		for i in ParticipantIndex::all(n) {
			let k1 = KeyRound1::<T>::hashed_key_for(key_id, i);
			let k2 = KeyEnvelopes::<T>::hashed_key_for(key_id, i);
			footprint.count = footprint.count.saturating_add(2);
			footprint.size = footprint.size.saturating_add(
				(k1.len() + BoundedRound1::<T>::max_encoded_len()) as u64
					+ (k2.len() + StoredEnvelope::<T>::max_encoded_len()) as u64,
			);
		}
		let refresh = Self::refresh_footprint(key_id, n);
		let times = u64::from(T::MaxKeyRefreshes::get());
		footprint.count = footprint.count.saturating_add(refresh.count.saturating_mul(times));
		footprint.size = footprint.size.saturating_add(refresh.size.saturating_mul(times));
		footprint
	}

	/// Requests a key of `n` members with threshold `t` for `owner`, exactly as
	/// [`Pallet::create_key`] signed by `owner` does; returns its number.
	pub fn do_create_key(owner: T::AccountId, n: u32, t: u32) -> Result<KeyId, Error<T>> {
		// All or nothing for a caller outside a transaction: the fee is not kept when the
		// deposit cannot be held.
		Self::all_or_nothing(|| Self::create_key_in_layer(owner, n, t))
	}

	fn create_key_in_layer(owner: T::AccountId, n: u32, t: u32) -> Result<KeyId, Error<T>> {
		ensure!(t >= 1 && t < n, Error::<T>::InvalidThreshold);
		ensure!(n <= T::MaxKeyCommittee::get(), Error::<T>::CommitteeTooLarge);
		// Workers with a free key seat; keys never take job seats.
		let pool: WorkerPool<T> = BoundedVec::truncate_from(
			WorkerList::<T>::get().into_iter().filter(Self::has_key_seat).collect::<Vec<_>>(),
		);
		ensure!(pool.len() >= n as usize, Error::<T>::NotEnoughWorkers);
		let needs_draw = pool.len() > n as usize;
		if needs_draw {
			ensure!(Self::beacon_enabled(), Error::<T>::NoBeacon);
		}
		ensure!(
			(PendingKeys::<T>::decode_len().unwrap_or(0) as u32) < T::MaxPendingKeys::get(),
			Error::<T>::TooManyPendingKeys
		);
		let key_id = NextKeyId::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let deposit = Self::deposit_for(Self::key_footprint(key_id, n));
		let committee = if needs_draw {
			None
		} else {
			Some(Self::committee_of::<T::MaxKeyCommittee>(pool.iter().take(n as usize))?)
		};

		// Everything checked; now pay and write.
		if needs_draw {
			Self::charge_fee(&owner, T::RoundRequestFee::get())?;
		}
		Self::charge_fee(&owner, T::KeyFee::get())?;
		Self::hold(HoldReason::KeyDeposit, &owner, deposit)?;
		NextKeyId::<T>::put(key_id.saturating_add(1));
		PendingKeys::<T>::try_append(key_id).map_err(|_| {
			defensive!("a pending-key list fuller than checked");
			Error::<T>::Inconsistent
		})?;
		let mut key = ThresholdKey::<T> {
			owner: owner.clone(),
			threshold: t,
			size: n,
			deposit,
			created: now,
			open_requests: 0,
			status: KeyStatus::Failed { at: now },
		};
		match committee {
			Some(committee) => {
				Self::deposit_event(Event::KeyRequested { key: key_id, owner, draw_round: None });
				Self::seat_key_committee(key_id, &mut key, committee, None, now);
			}
			None => {
				let round = Self::want_round();
				key.status = KeyStatus::Drawing {
					round,
					candidates: pool,
					until: now.saturating_add(T::DrawWindow::get()),
				};
				Self::deposit_event(Event::KeyRequested {
					key: key_id,
					owner,
					draw_round: Some(round),
				});
			}
		}
		ThresholdKeys::<T>::insert(key_id, key);
		Ok(key_id)
	}

	/// Seats a key's committee (key seats, apart from job seats) and starts attempt 0.
	fn seat_key_committee(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		committee: KeyCommittee<T>,
		round: Option<u64>,
		now: BlockNumberFor<T>,
	) {
		Self::take_key_seats(&committee);
		let accounts = committee.iter().map(|m| m.account.clone()).collect();
		Self::deposit_event(Event::KeyCommitteeDrawn { key: key_id, round, members: accounts });
		Self::start_attempt(key_id, key, 0, committee, now);
	}

	fn start_attempt(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		attempt: u32,
		members: KeyCommittee<T>,
		now: BlockNumberFor<T>,
	) {
		let until = now.saturating_add(T::KeyRoundWindow::get());
		let accounts = members.iter().map(|m| m.account.clone()).collect();
		key.status = KeyStatus::Generating {
			attempt,
			members,
			step: DkgStep::Round1,
			opened: now,
			until,
			posted: BoundedVec::new(),
		};
		Self::deposit_event(Event::KeyAttemptStarted {
			key: key_id,
			attempt,
			members: accounts,
			until,
		});
	}

	/// Removes a key's packages and envelopes (at most `MaxKeyCommittee` entries each).
	pub(crate) fn drop_key_rounds(key_id: KeyId) {
		let limit = T::MaxKeyCommittee::get();
		let _ = KeyRound1::<T>::clear_prefix(key_id, limit, None);
		let _ = KeyEnvelopes::<T>::clear_prefix(key_id, limit, None);
	}

	/// Ends attempt `attempt` without a key: the next attempt without `culprits`, or the key
	/// fails.
	fn fail_attempt(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		culprits: &[ParticipantIndex],
		now: BlockNumberFor<T>,
	) {
		let KeyStatus::Generating { attempt, members, .. } = &key.status else { return };
		let attempt = *attempt;
		let (mut rest, mut gone) = (Vec::new(), Vec::new());
		for (p, m) in members.iter().enumerate() {
			let culprit = ParticipantIndex::new(p as u32 + 1).is_ok_and(|i| culprits.contains(&i));
			if culprit {
				gone.push(m.clone());
			} else {
				rest.push(m.clone());
			}
		}
		Self::drop_key_rounds(key_id);
		Self::free_key_seats(&gone);
		Self::deposit_event(Event::KeyAttemptFailed {
			key: key_id,
			attempt,
			culprits: gone.into_iter().map(|m| m.account).collect(),
		});
		let next = attempt.saturating_add(1);
		if (rest.len() as u32) < key.threshold.saturating_add(1) || next >= T::MaxKeyAttempts::get()
		{
			Self::free_key_seats(&rest);
			Self::fail_key(key_id, key, now);
			return;
		}
		Self::start_attempt(key_id, key, next, BoundedVec::truncate_from(rest), now);
	}

	pub(crate) fn fail_key(key_id: KeyId, key: &mut ThresholdKey<T>, now: BlockNumberFor<T>) {
		key.status = KeyStatus::Failed { at: now };
		PendingKeys::<T>::mutate(|keys| keys.retain(|k| *k != key_id));
		Self::deposit_event(Event::KeyFailed { key: key_id });
	}

	/// The attempt's round-1 packages, in member order.
	fn round1_packages(key_id: KeyId, n: u32) -> Result<Vec<Round1Package>, Error<T>> {
		ParticipantIndex::all(n)
			.map(|i| KeyRound1::<T>::get(key_id, i).map(|p| p.to_package()))
			.collect::<Option<Vec<_>>>()
			.ok_or_else(|| {
				defensive!("a key attempt past round 1 without every package");
				Error::<T>::Inconsistent
			})
	}

	/// Makes the key at the end of the complaint window (PROTOCOL.md section 14.5).
	fn make_key(key_id: KeyId, key: &mut ThresholdKey<T>, now: BlockNumberFor<T>) {
		let KeyStatus::Generating { attempt, members, .. } = &key.status else { return };
		let (attempt, members) = (*attempt, members.clone());
		let n = members.len() as u32;
		let made = Self::round1_packages(key_id, n).and_then(|packages| {
			let group = FrostGroup::from_round1(key.threshold, &packages)
				.map_err(|_| Error::<T>::Inconsistent)?;
			let ctx = Self::attempt_context(key_id, attempt);
			let digest = FrostGroup::digest(&ctx, key.threshold, &packages)
				.map_err(|_| Error::<T>::Inconsistent)?;
			Ok((group, digest))
		});
		match made {
			Ok((group, digest)) => {
				let group_key = group.group_key();
				key.status = KeyStatus::Active {
					attempt,
					ids: BoundedVec::truncate_from(ParticipantIndex::all(n).collect()),
					members,
					group_key,
					verifying_shares: BoundedVec::truncate_from(group.verifying_shares()),
					digest,
					activated: now,
					refreshes: BoundedVec::new(),
					epoch_start: now,
					last_attempt: attempt,
					refreshing: None,
					left_out: BoundedVec::new(),
				};
				PendingKeys::<T>::mutate(|keys| keys.retain(|k| *k != key_id));
				Self::deposit_event(Event::KeyActivated { key: key_id, group_key, digest });
			}
			// The identity as key (negligible) or a defect: the attempt failed, no culprit.
			Err(_) => Self::fail_attempt(key_id, key, &[], now),
		}
	}

	/// Draws a waiting key's committee with its round's output `rho`, or fails the key.
	pub(crate) fn draw_key(
		key_id: KeyId,
		key: &mut ThresholdKey<T>,
		round: u64,
		candidates: &WorkerPool<T>,
		rho: &[u8; 32],
		now: BlockNumberFor<T>,
	) {
		let seed = key_committee_seed(rho, key_id);
		let n = key.size as usize;
		let pool = WorkerList::<T>::get();
		let picked = mpc_primitives::draw_committee(&seed, candidates.len(), n, |c| {
			candidates.get(c).is_some_and(|a| pool.contains(a) && Self::has_key_seat(a))
		});
		let accounts: Vec<&T::AccountId> =
			picked.iter().filter_map(|&c| candidates.get(c)).collect();
		match Self::committee_of::<T::MaxKeyCommittee>(accounts) {
			Ok(committee) if committee.len() == n => {
				Self::seat_key_committee(key_id, key, committee, Some(round), now)
			}
			_ => Self::fail_key(key_id, key, now),
		}
	}

	/// The threshold keys' part of `on_initialize`: draws, timeouts, keys made and refreshed.
	/// At most one key is made, refreshed or drawn per block (the heavy step); the others wait.
	pub(crate) fn process_keys(now: BlockNumberFor<T>) -> Weight {
		let pending = PendingKeys::<T>::get();
		let mut weight = T::DbWeight::get().reads(1);
		let mut heavy_done = false;
		for key_id in pending {
			weight.saturating_accrue(T::DbWeight::get().reads(1));
			let Some(mut key) = ThresholdKeys::<T>::get(key_id) else {
				defensive!("a pending key without its record");
				PendingKeys::<T>::mutate(|keys| keys.retain(|k| *k != key_id));
				continue;
			};
			let n = key.size;
			let changed = match &key.status {
				KeyStatus::Drawing { round, candidates, until } => {
					weight.saturating_accrue(T::DbWeight::get().reads(1));
					let output = BeaconRounds::<T>::get(round).and_then(|r| r.output);
					match output {
						Some((rho, _)) if !heavy_done => {
							heavy_done = true;
							let (round, candidates) = (*round, candidates.clone());
							weight.saturating_accrue(T::WeightInfo::key_draw(n));
							// Up to every candidate's key seats, when many are ineligible.
							weight.saturating_accrue(
								T::DbWeight::get().reads(T::MaxWorkers::get().into()),
							);
							Self::draw_key(key_id, &mut key, round, &candidates, &rho, now);
							true
						}
						None if now >= *until => {
							weight.saturating_accrue(T::DbWeight::get().writes(2));
							Self::fail_key(key_id, &mut key, now);
							true
						}
						_ => false,
					}
				}
				KeyStatus::Generating { step, until, members, posted, .. } if now >= *until => {
					// Silent in a round, or unconfirmed at the end of the complaints.
					let silent: Vec<ParticipantIndex> = ParticipantIndex::all(members.len() as u32)
						.filter(|i| !posted.iter().any(|(p, _)| p == i))
						.collect();
					match step {
						_ if !silent.is_empty() => {
							weight.saturating_accrue(T::WeightInfo::key_timeout(n));
							Self::fail_attempt(key_id, &mut key, &silent, now);
							true
						}
						DkgStep::Round1 | DkgStep::Round2 => {
							defensive!("a complete round that did not end");
							false
						}
						DkgStep::Complaints if !heavy_done => {
							heavy_done = true;
							weight.saturating_accrue(T::WeightInfo::key_make(n));
							Self::make_key(key_id, &mut key, now);
							true
						}
						DkgStep::Complaints => false,
					}
				}
				KeyStatus::Active { refreshing: Some(attempt), .. } => {
					let attempt = *attempt;
					Self::process_refresh(
						key_id,
						&mut key,
						attempt,
						now,
						&mut heavy_done,
						&mut weight,
					)
				}
				_ => false,
			};
			if changed {
				ThresholdKeys::<T>::insert(key_id, key);
			}
		}
		weight
	}

	/// The member's attempt and its place: the key must be generating attempt `attempt`.
	fn generating(
		key: &ThresholdKey<T>,
		attempt: u32,
		who: &T::AccountId,
	) -> Result<(ParticipantIndex, u32), Error<T>> {
		let KeyStatus::Generating { attempt: current, members, .. } = &key.status else {
			return Err(Error::<T>::KeyNotGenerating);
		};
		ensure!(*current == attempt, Error::<T>::WrongKeyAttempt);
		Ok((Self::key_index(members, who)?, members.len() as u32))
	}

	/// `A` of the key's current attempt (PROTOCOL.md section 14.3).
	pub fn key_attempt_digest(key_id: KeyId, key: &ThresholdKey<T>) -> Option<[u8; 32]> {
		let KeyStatus::Generating { attempt, members, .. } = &key.status else { return None };
		let list: Vec<_> = members.iter().map(|m| (*m.account.as_ref(), m.key)).collect();
		Some(attempt_digest(&Self::attempt_context(key_id, *attempt), key.threshold, &list))
	}

	/// The caller's index in attempt `attempt`, which `digest` must name as the chain's.
	fn attempt_member(
		key_id: KeyId,
		key: &ThresholdKey<T>,
		attempt: u32,
		digest: &[u8; 32],
		who: &T::AccountId,
	) -> Result<(ParticipantIndex, u32), Error<T>> {
		let found = Self::generating(key, attempt, who)?;
		// Made for this attempt number on another branch of a fork: refused, not judged.
		ensure!(
			Self::key_attempt_digest(key_id, key).as_ref() == Some(digest),
			Error::<T>::AttemptMismatch
		);
		Ok(found)
	}

	pub(crate) fn do_submit_key_round1(
		who: T::AccountId,
		key_id: KeyId,
		attempt: u32,
		digest: [u8; 32],
		package: BoundedRound1<T>,
	) -> Result<(), Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		let (index, n) = Self::attempt_member(key_id, &key, attempt, &digest, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Generating { step, posted, .. } = &mut key.status else {
			return Err(Error::<T>::KeyNotGenerating);
		};
		ensure!(*step == DkgStep::Round1, Error::<T>::WrongKeyStep);
		ensure!(!posted.iter().any(|(i, _)| *i == index), Error::<T>::AlreadyPosted);
		let package_plain = package.to_package();
		verify_round1(index, key.threshold, &package_plain).map_err(|e| match e {
			mpc_primitives::Error::WrongCommitmentCount => Error::<T>::WrongCommitmentCount,
			mpc_primitives::Error::InvalidProof => Error::<T>::InvalidKeyProof,
			_ => Error::<T>::BadCommitmentEncoding,
		})?;
		let phi0 = *package.commitments.first().ok_or(Error::<T>::WrongCommitmentCount)?;
		ensure!(!posted.iter().any(|(_, p)| *p == phi0), Error::<T>::RepeatedCommitment);
		posted.try_push((index, phi0)).map_err(|_| Error::<T>::Inconsistent)?;
		KeyRound1::<T>::insert(key_id, index, package);
		Self::deposit_event(Event::KeyRound1Accepted { key: key_id, attempt, member: index });
		if posted.len() as u32 == n {
			Self::open_step(&mut key.status, DkgStep::Round2, T::KeyRoundWindow::get(), now);
		}
		ThresholdKeys::<T>::insert(key_id, key);
		Ok(())
	}

	/// The step after a complete one: it opens in the next block and lasts `window` blocks.
	pub(crate) fn open_step(
		status: &mut KeyStatus<T>,
		next: DkgStep,
		window: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		if let KeyStatus::Generating { step, opened, until, posted, .. } = status {
			*step = next;
			*opened = now.saturating_add(One::one());
			*until = opened.saturating_add(window);
			posted.clear();
		}
	}

	pub(crate) fn do_submit_key_envelope(
		who: T::AccountId,
		key_id: KeyId,
		attempt: u32,
		digest: [u8; 32],
		envelope: BoundedEnvelope<T>,
	) -> Result<(), Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		if matches!(key.status, KeyStatus::Active { .. }) {
			return Self::do_submit_refresh_envelope(who, key_id, key, attempt, digest, envelope);
		}
		let (index, n) = Self::attempt_member(key_id, &key, attempt, &digest, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Generating { step, posted, opened, .. } = &mut key.status else {
			return Err(Error::<T>::KeyNotGenerating);
		};
		ensure!(*step == DkgStep::Round2 && now >= *opened, Error::<T>::WrongKeyStep);
		ensure!(!posted.iter().any(|(i, _)| *i == index), Error::<T>::AlreadyPosted);
		ensure!(
			!posted.iter().any(|(_, e)| *e == envelope.ephemeral_key),
			Error::<T>::RepeatedEphemeralKey
		);
		let ctx = SenderContext { attempt: Self::attempt_context(key_id, attempt), sender: index };
		let plain = envelope.to_envelope();
		verify_envelope(&ctx, who.as_ref(), n, &plain).map_err(Self::submission_error)?;
		let commitments = KeyRound1::<T>::get(key_id, index).ok_or_else(|| {
			defensive!("round 2 without the sender's package");
			Error::<T>::Inconsistent
		})?;
		let digest = envelope_digest(&ctx, &commitments.commitments, &plain);
		posted.try_push((index, envelope.ephemeral_key)).map_err(|_| Error::<T>::Inconsistent)?;
		KeyEnvelopes::<T>::insert(key_id, index, StoredEnvelope { envelope, digest });
		Self::deposit_event(Event::KeyEnvelopeAccepted { key: key_id, attempt, member: index });
		if posted.len() as u32 == n {
			Self::open_step(&mut key.status, DkgStep::Complaints, T::ComplaintWindow::get(), now);
		}
		ThresholdKeys::<T>::insert(key_id, key);
		Ok(())
	}

	pub(crate) fn do_complain_key_envelope(
		who: T::AccountId,
		key_id: KeyId,
		attempt: u32,
		sender: ParticipantIndex,
		digest: [u8; 32],
		shared_key: [u8; 32],
		proof: [u8; 64],
	) -> Result<PostDispatchInfo, Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		if matches!(key.status, KeyStatus::Active { .. }) {
			let complaint = refresh::RefreshComplaint { sender, digest, shared_key, proof };
			return Self::do_complain_refresh_envelope(who, key_id, key, attempt, complaint);
		}
		let (member, n) = Self::generating(&key, attempt, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Generating { step, opened, until, members, posted, .. } = &key.status else {
			return Err(Error::<T>::KeyNotGenerating);
		};
		// Until the block before the window's end, even when the key is made a block later.
		ensure!(
			*step == DkgStep::Complaints && now >= *opened && now < *until,
			Error::<T>::WrongKeyStep
		);
		ensure!(!posted.iter().any(|(i, _)| *i == member), Error::<T>::AlreadyPosted);
		let slot = envelope_slot(sender, member).ok_or(Error::<T>::UnknownEnvelope)?;
		let stored = KeyEnvelopes::<T>::get(key_id, sender).ok_or(Error::<T>::UnknownEnvelope)?;
		// Made against another envelope (on another branch of a fork): refused, not judged.
		ensure!(stored.digest == digest, Error::<T>::EnvelopeMismatch);
		let package = KeyRound1::<T>::get(key_id, sender).ok_or(Error::<T>::Inconsistent)?;
		let recipient_key = Self::member(members, member)?.key;
		let ephemeral = EphemeralKey::from_bytes(&stored.envelope.ephemeral_key)
			.map_err(|_| Error::<T>::Inconsistent)?;
		let ciphertext = stored.envelope.ciphertexts.get(slot).ok_or(Error::<T>::Inconsistent)?;
		let ctx = SenderContext { attempt: Self::attempt_context(key_id, attempt), sender };
		let subject = FrostComplaintSubject {
			sender: &ctx,
			recipient: member,
			recipient_key: &recipient_key,
			ephemeral_key: &ephemeral,
			commitments: &package.commitments,
			ciphertext,
		};
		let verdict =
			judge_frost_complaint(&subject, &shared_key, &proof).map_err(Self::complaint_error)?;
		let weight = Some(T::WeightInfo::complain_key_envelope(n));
		let culprit = Self::member(members, sender)?.account.clone();
		let subject = KeyComplaint { key: key_id, attempt, sender, member };
		if Self::settle_key_complaint(&subject, verdict, &culprit, &who) {
			Self::fail_attempt(key_id, &mut key, &[sender], now);
			ThresholdKeys::<T>::insert(key_id, key);
			return Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No });
		}
		Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::Yes })
	}

	/// The events and the fault of a judged complaint of `member` (account `who`) against
	/// `sender` (account `culprit`) in a DKG or refresh attempt; whether the share was bad
	/// (then the caller fails the attempt without the sender).
	pub(crate) fn settle_key_complaint(
		c: &KeyComplaint,
		verdict: ComplaintVerdict,
		culprit: &T::AccountId,
		who: &T::AccountId,
	) -> bool {
		let (key, attempt, sender, member) = (c.key, c.attempt, c.sender, c.member);
		match verdict {
			ComplaintVerdict::InputDisqualified { .. } => {
				Self::deposit_event(Event::KeyShareProvenBad { key, attempt, sender, member });
				Self::key_fault(culprit, key);
				true
			}
			ComplaintVerdict::WorkerAtFault => {
				Self::deposit_event(Event::KeyComplaintRejected { key, attempt, sender, member });
				Self::key_fault(who, key);
				false
			}
		}
	}

	/// A member confirms that its shares of attempt `attempt` all check (PROTOCOL.md section
	/// 14.5), naming the envelopes it checked by `C`; the DKG's or a refresh's.
	pub(crate) fn do_confirm_key_shares(
		who: T::AccountId,
		key_id: KeyId,
		attempt: u32,
		digest: [u8; 32],
		confirm: [u8; 32],
	) -> Result<(), Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		if matches!(key.status, KeyStatus::Active { .. }) {
			return Self::do_confirm_refresh_shares(who, key_id, &key, attempt, digest, confirm);
		}
		let (index, n) = Self::attempt_member(key_id, &key, attempt, &digest, &who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let KeyStatus::Generating { step, opened, until, posted, .. } = &mut key.status else {
			return Err(Error::<T>::KeyNotGenerating);
		};
		ensure!(
			*step == DkgStep::Complaints && now >= *opened && now < *until,
			Error::<T>::WrongKeyStep
		);
		ensure!(!posted.iter().any(|(i, _)| *i == index), Error::<T>::AlreadyPosted);
		let digests = ParticipantIndex::all(n)
			.map(|j| KeyEnvelopes::<T>::get(key_id, j).map(|e| e.digest))
			.collect::<Option<Vec<_>>>()
			.ok_or(Error::<T>::Inconsistent)?;
		let ctx = Self::attempt_context(key_id, attempt);
		// Made over another branch's envelopes: refused, not counted.
		ensure!(confirm_digest(&ctx, &digests) == confirm, Error::<T>::EnvelopeMismatch);
		posted.try_push((index, confirm)).map_err(|_| Error::<T>::Inconsistent)?;
		Self::deposit_event(Event::KeySharesConfirmed { key: key_id, attempt, member: index });
		// Everyone confirmed: nobody can complain, the key is made in the next block.
		if posted.len() as u32 == n {
			*until = (*until).min(now.saturating_add(One::one()));
		}
		ThresholdKeys::<T>::insert(key_id, key);
		Ok(())
	}

	/// Asks key `key_id` to sign `message` for `requester`, who pays [`Config::SignFee`] and the
	/// request's storage deposit; returns the request's number. The caller checks that
	/// `requester` may use the key: the extrinsic lets only its owner; a pallet decides itself.
	pub fn do_request_signature(
		requester: T::AccountId,
		key_id: KeyId,
		message: SignMessage<T>,
	) -> Result<SignRequestId, Error<T>> {
		Self::all_or_nothing(|| Self::request_signature_in_layer(requester, key_id, message))
	}

	fn request_signature_in_layer(
		requester: T::AccountId,
		key_id: KeyId,
		message: SignMessage<T>,
	) -> Result<SignRequestId, Error<T>> {
		let mut key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		ensure!(matches!(key.status, KeyStatus::Active { .. }), Error::<T>::KeyNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		// A key past its last epoch signs no more (it only waits for `expire_key`).
		ensure!(!Self::key_expiring(&key, now), Error::<T>::KeyNotActive);
		ensure!(
			(OpenSignRequests::<T>::decode_len().unwrap_or(0) as u32) < T::MaxOpenSignatures::get(),
			Error::<T>::TooManyOpenSignatures
		);
		let id = NextSignRequestId::<T>::get();
		let mut request = SignRequest::<T> {
			key: key_id,
			requester: requester.clone(),
			message,
			deposit: Zero::zero(),
			deadline: now.saturating_add(T::SignDeadline::get()),
			attempt: 0,
			excluded: BoundedVec::new(),
			commitments: BoundedVec::new(),
			fixed: None,
			shares: BoundedVec::new(),
			state: SignState::Open,
		};
		// Priced at its largest: every commitment and share slot filled.
		let mut footprint = Footprint::default();
		add_entry(&mut footprint, &SignRequests::<T>::hashed_key_for(id), &request);
		footprint.size = footprint.size.saturating_add(
			(T::MaxKeyCommittee::get() as u64)
				.saturating_mul((ParticipantIndex::max_encoded_len() * 3 + 32 * 4 + 4) as u64),
		);
		request.deposit = Self::deposit_for(footprint);
		Self::charge_fee(&requester, T::SignFee::get())?;
		Self::hold(HoldReason::SignDeposit, &requester, request.deposit)?;
		OpenSignRequests::<T>::try_append(id).map_err(|_| {
			defensive!("an open-request list fuller than checked");
			Error::<T>::Inconsistent
		})?;
		NextSignRequestId::<T>::put(id.saturating_add(1));
		key.open_requests = key.open_requests.saturating_add(1);
		ThresholdKeys::<T>::insert(key_id, key);
		SignRequests::<T>::insert(id, request);
		Self::deposit_event(Event::SignatureRequested { request: id, key: key_id, requester });
		Ok(id)
	}

	/// Member `who`'s identifier among `members` with identifiers `ids` (in the same order).
	pub(crate) fn key_identifier(
		members: &[CommitteeMember<T>],
		ids: &[ParticipantIndex],
		who: &T::AccountId,
	) -> Result<ParticipantIndex, Error<T>> {
		let position = Self::key_index(members, who)?;
		ids.get(position.get() as usize - 1).copied().ok_or(Error::<T>::Inconsistent)
	}

	/// Member `who`'s identifier in an active key: its position in `M_a`, if it holds a share.
	pub(crate) fn active_identifier(
		members: &[CommitteeMember<T>],
		ids: &[ParticipantIndex],
		who: &T::AccountId,
	) -> Result<ParticipantIndex, Error<T>> {
		let id = Self::key_index(members, who)?;
		ensure!(ids.contains(&id), Error::<T>::NotKeyMember);
		Ok(id)
	}

	/// The request's key, active, and the caller's identifier in it.
	fn signing_member(
		request: &SignRequest<T>,
		attempt: u32,
		who: &T::AccountId,
	) -> Result<(ThresholdKey<T>, ParticipantIndex), Error<T>> {
		ensure!(request.state == SignState::Open, Error::<T>::RequestEnded);
		ensure!(request.attempt == attempt, Error::<T>::WrongSignAttempt);
		let key = ThresholdKeys::<T>::get(request.key).ok_or(Error::<T>::Inconsistent)?;
		let KeyStatus::Active { members, ids, .. } = &key.status else {
			defensive!("an open signing request of a key not active");
			return Err(Error::<T>::Inconsistent);
		};
		let index = Self::active_identifier(members, ids, who)?;
		ensure!(!request.excluded.contains(&index), Error::<T>::MemberExcluded);
		Ok((key, index))
	}

	pub(crate) fn do_submit_sign_commitment(
		who: T::AccountId,
		request_id: SignRequestId,
		attempt: u32,
		commitment: SigningCommitment,
	) -> Result<(), Error<T>> {
		let mut request =
			SignRequests::<T>::get(request_id).ok_or(Error::<T>::UnknownSignRequest)?;
		let (key, index) = Self::signing_member(&request, attempt, &who)?;
		ensure!(request.fixed.is_none(), Error::<T>::SignersFixed);
		// A member with nothing left at stake signs no more: a bad share must cost something.
		let bond = Workers::<T>::get(&who).map(|w| w.bond).unwrap_or_default();
		ensure!(!bond.is_zero() && bond >= T::FaultPenalty::get(), Error::<T>::MemberNotBonded);
		ensure!(!request.commitments.iter().any(|(i, _)| *i == index), Error::<T>::AlreadyPosted);
		verify_signing_commitment(&commitment).map_err(|_| Error::<T>::BadCommitmentEncoding)?;
		request.commitments.try_push((index, commitment)).map_err(|_| Error::<T>::Inconsistent)?;
		Self::deposit_event(Event::SigningCommitmentAccepted {
			request: request_id,
			attempt,
			member: index,
		});
		if request.commitments.len() as u32 == key.threshold.saturating_add(1) {
			let now = frame_system::Pallet::<T>::block_number();
			request.fixed = Some(now);
			let signers = request.commitments.iter().map(|(i, _)| *i).collect();
			Self::deposit_event(Event::SignersFixed { request: request_id, attempt, signers });
		}
		SignRequests::<T>::insert(request_id, request);
		Ok(())
	}

	/// `P` of the request's current attempt (PROTOCOL.md section 14.6).
	pub fn sign_package_digest(request_id: SignRequestId, request: &SignRequest<T>) -> [u8; 32] {
		package_digest(
			&Self::genesis_hash(),
			request.key,
			request_id,
			request.attempt,
			&request.message,
			&request.commitments,
		)
	}

	pub(crate) fn do_submit_sign_share(
		who: T::AccountId,
		request_id: SignRequestId,
		attempt: u32,
		digest: [u8; 32],
		share: [u8; 32],
	) -> Result<PostDispatchInfo, Error<T>> {
		let mut request =
			SignRequests::<T>::get(request_id).ok_or(Error::<T>::UnknownSignRequest)?;
		let (mut key, index) = Self::signing_member(&request, attempt, &who)?;
		ensure!(request.fixed.is_some(), Error::<T>::SignersNotFixed);
		ensure!(request.commitments.iter().any(|(i, _)| *i == index), Error::<T>::NotASigner);
		ensure!(!request.shares.iter().any(|(i, _)| *i == index), Error::<T>::AlreadyPosted);
		// Made over another package (on another branch of a fork): refused, not judged.
		ensure!(
			Self::sign_package_digest(request_id, &request) == digest,
			Error::<T>::PackageMismatch
		);
		let KeyStatus::Active { group_key, verifying_shares, ids, .. } = &key.status else {
			return Err(Error::<T>::Inconsistent);
		};
		let n = verifying_shares.len() as u32;
		let group = FrostGroup::from_parts(key.threshold, group_key, ids, verifying_shares)
			.map_err(|_| Error::<T>::Inconsistent)?;
		let package = signing_package(&request.message, &request.commitments)
			.map_err(|_| Error::<T>::Inconsistent)?;
		let weight = Some(T::WeightInfo::submit_sign_share(n));
		let now = frame_system::Pallet::<T>::block_number();
		if group.verify_share(&package, index, &share).is_err() {
			// A bad share is a fault; the request goes on without the member.
			Self::deposit_event(Event::SignatureShareRejected {
				request: request_id,
				attempt,
				member: index,
			});
			Self::key_fault(&who, request.key);
			Self::restart_signing(request_id, &mut request, &mut key, &[index], now);
			SignRequests::<T>::insert(request_id, request);
			let weight = weight.map(|w| w.saturating_add(T::OnSignature::weight()));
			return Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::Yes });
		}
		request.shares.try_push((index, share)).map_err(|_| Error::<T>::Inconsistent)?;
		Self::deposit_event(Event::SignatureShareAccepted {
			request: request_id,
			attempt,
			member: index,
		});
		if request.shares.len() == request.commitments.len() {
			let signature = group.aggregate(&package, &request.shares).map_err(|_| {
				defensive!("verified signature shares that do not aggregate");
				Error::<T>::Inconsistent
			})?;
			request.state = SignState::Signed { signature, at: now };
			Self::end_request(request_id, &request, &mut key);
			Self::deposit_event(Event::Signed { request: request_id, key: request.key, signature });
			T::OnSignature::on_signature(request_id, request.key, Some(&signature));
			SignRequests::<T>::insert(request_id, request);
			let weight = weight.map(|w| w.saturating_add(T::OnSignature::weight()));
			return Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No });
		}
		SignRequests::<T>::insert(request_id, request);
		Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No })
	}

	/// Leaves `out` out of the request and starts its next attempt; fails the request when
	/// fewer than `t + 1` members remain.
	pub(crate) fn restart_signing(
		request_id: SignRequestId,
		request: &mut SignRequest<T>,
		key: &mut ThresholdKey<T>,
		out: &[ParticipantIndex],
		now: BlockNumberFor<T>,
	) {
		for i in out {
			if !request.excluded.contains(i) && request.excluded.try_push(*i).is_err() {
				defensive!("more excluded members than members");
			}
		}
		request.attempt = request.attempt.saturating_add(1);
		request.commitments.clear();
		request.shares.clear();
		request.fixed = None;
		// The members not excluded (a refresh may have left excluded members out of the key).
		let left = match &key.status {
			KeyStatus::Active { ids, .. } => {
				ids.iter().filter(|i| !request.excluded.contains(i)).count() as u32
			}
			_ => 0,
		};
		Self::deposit_event(Event::SigningRestarted {
			request: request_id,
			attempt: request.attempt,
			excluded: out.to_vec(),
		});
		if left < key.threshold.saturating_add(1) {
			Self::fail_request(request_id, request, key, now);
		}
	}

	pub(crate) fn fail_request(
		request_id: SignRequestId,
		request: &mut SignRequest<T>,
		key: &mut ThresholdKey<T>,
		now: BlockNumberFor<T>,
	) {
		request.state = SignState::Failed { at: now };
		Self::end_request(request_id, request, key);
		Self::deposit_event(Event::SignatureFailed { request: request_id, key: request.key });
		T::OnSignature::on_signature(request_id, request.key, None);
	}

	/// A request ended: off the open list, one fewer on its key (written here).
	fn end_request(request_id: SignRequestId, request: &SignRequest<T>, key: &mut ThresholdKey<T>) {
		OpenSignRequests::<T>::mutate(|open| open.retain(|r| *r != request_id));
		key.open_requests = key.open_requests.saturating_sub(1);
		ThresholdKeys::<T>::insert(request.key, key.clone());
	}

	/// The signing requests' part of `on_initialize`: silent signers left out after
	/// [`Config::SignWindow`] blocks, requests failed at their deadline.
	pub(crate) fn process_signatures(now: BlockNumberFor<T>) -> Weight {
		let open = OpenSignRequests::<T>::get();
		let mut weight = T::DbWeight::get().reads(1);
		for request_id in open {
			weight.saturating_accrue(T::DbWeight::get().reads(1));
			let Some(mut request) = SignRequests::<T>::get(request_id) else {
				defensive!("an open request without its record");
				OpenSignRequests::<T>::mutate(|open| open.retain(|r| *r != request_id));
				continue;
			};
			let late = request.fixed.is_some_and(|f| now >= f.saturating_add(T::SignWindow::get()));
			if now < request.deadline && !late {
				continue;
			}
			weight.saturating_accrue(T::WeightInfo::sign_timeout(T::MaxKeyCommittee::get()));
			weight.saturating_accrue(T::OnSignature::weight());
			let Some(mut key) = ThresholdKeys::<T>::get(request.key) else {
				defensive!("a request without its key");
				continue;
			};
			if now >= request.deadline {
				Self::fail_request(request_id, &mut request, &mut key, now);
			} else {
				let silent: Vec<ParticipantIndex> = request
					.commitments
					.iter()
					.map(|(i, _)| *i)
					.filter(|i| !request.shares.iter().any(|(s, _)| s == i))
					.collect();
				Self::restart_signing(request_id, &mut request, &mut key, &silent, now);
			}
			SignRequests::<T>::insert(request_id, request);
		}
		weight
	}

	/// The threshold keys' invariants (`try_state`): the pending and open lists, the open
	/// request counts and the deposits held.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn keys_try_state(
		keys: &[(KeyId, ThresholdKey<T>)],
	) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let pending = PendingKeys::<T>::get();
		for (id, key) in keys {
			let waits = matches!(
				key.status,
				KeyStatus::Drawing { .. }
					| KeyStatus::Generating { .. }
					| KeyStatus::Active { refreshing: Some(_), .. }
			);
			ensure!(pending.contains(id) == waits, "pending keys != keys drawing or generating");
			if let KeyStatus::Active { members, ids, verifying_shares, refreshes, .. } = &key.status
			{
				ensure!(
					ids.len() == verifying_shares.len(),
					"a key's identifiers and shares differ in number"
				);
				ensure!(ids.windows(2).all(|w| w[0] < w[1]), "a key's identifiers out of order");
				ensure!(
					ids.iter().all(|i| i.get() as usize <= members.len()),
					"an identifier past the key's committee"
				);
				for a in refreshes {
					ensure!(KeyRefreshes::<T>::contains_key(id, a), "a refresh without its record");
				}
				if let KeyStatus::Active { refreshing: Some(a), .. } = &key.status {
					ensure!(KeyRefreshes::<T>::contains_key(id, a), "a running refresh's record");
				}
			}
		}
		ensure!(
			pending.len() == keys.iter().filter(|(id, _)| pending.contains(id)).count(),
			"a pending key without its record"
		);
		let requests: Vec<(SignRequestId, SignRequest<T>)> = SignRequests::<T>::iter().collect();
		let open = OpenSignRequests::<T>::get();
		for (id, r) in &requests {
			ensure!(
				open.contains(id) == (r.state == SignState::Open),
				"open list != open requests"
			);
		}
		ensure!(
			open.iter().all(|id| requests.iter().any(|(r, _)| r == id)),
			"an open request without its record"
		);
		for (id, key) in keys {
			let count =
				requests.iter().filter(|(_, r)| r.key == *id && r.state == SignState::Open).count()
					as u32;
			ensure!(key.open_requests == count, "a key's open request count");
		}
		let mut owners: Vec<&T::AccountId> = keys.iter().map(|(_, k)| &k.owner).collect();
		owners.dedup();
		for owner in owners {
			let held: BalanceOf<T> = keys
				.iter()
				.filter(|(_, k)| &k.owner == owner)
				.fold(Zero::zero(), |sum, (_, k)| sum.saturating_add(k.deposit));
			ensure!(
				held == T::Currency::balance_on_hold(&HoldReason::KeyDeposit.into(), owner),
				"key deposits != held"
			);
		}
		let mut requesters: Vec<&T::AccountId> =
			requests.iter().map(|(_, r)| &r.requester).collect();
		requesters.dedup();
		for who in requesters {
			let held: BalanceOf<T> = requests
				.iter()
				.filter(|(_, r)| &r.requester == who)
				.fold(Zero::zero(), |sum, (_, r)| sum.saturating_add(r.deposit));
			ensure!(
				held == T::Currency::balance_on_hold(&HoldReason::SignDeposit.into(), who),
				"signing deposits != held"
			);
		}
		Ok(())
	}

	pub(crate) fn do_remove_key(who: T::AccountId, key_id: KeyId) -> Result<(), Error<T>> {
		let key = ThresholdKeys::<T>::get(key_id).ok_or(Error::<T>::UnknownKey)?;
		ensure!(key.owner == who, Error::<T>::NotKeyOwner);
		ensure!(
			matches!(
				key.status,
				KeyStatus::Active { .. } | KeyStatus::Expired { .. } | KeyStatus::Failed { .. }
			),
			Error::<T>::KeyNotEnded
		);
		ensure!(key.open_requests == 0, Error::<T>::KeyInUseBySignRequest);
		if let KeyStatus::Active { refreshing, refreshes, .. } = &key.status {
			ensure!(refreshing.is_none(), Error::<T>::RefreshInProgress);
			for attempt in refreshes {
				Self::drop_refresh_attempt(key_id, *attempt);
			}
		}
		Self::free_key_seats(&key.seated());
		Self::drop_key_rounds(key_id);
		ThresholdKeys::<T>::remove(key_id);
		Self::release(HoldReason::KeyDeposit, &key.owner, key.deposit);
		Self::deposit_event(Event::KeyRemoved { key: key_id });
		Ok(())
	}

	pub(crate) fn do_remove_signature(
		who: T::AccountId,
		request_id: SignRequestId,
	) -> Result<(), Error<T>> {
		let request = SignRequests::<T>::get(request_id).ok_or(Error::<T>::UnknownSignRequest)?;
		ensure!(request.requester == who, Error::<T>::NotRequester);
		ensure!(request.state != SignState::Open, Error::<T>::RequestOpen);
		SignRequests::<T>::remove(request_id);
		Self::release(HoldReason::SignDeposit, &who, request.deposit);
		Self::deposit_event(Event::SignRequestRemoved { request: request_id });
		Ok(())
	}
}
