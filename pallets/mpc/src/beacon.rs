//! The committee key and the randomness beacon (PROTOCOL.md section 11): epochs, the DKG
//! through the chain, rounds, and [`BeaconRandomness`] for other pallets.
//!
//! An epoch's committee is the first [`Config::MaxBeaconCommittee`] workers of the pool (at
//! least three). `on_initialize` starts a DKG when no key is active, when a member of the active
//! committee left or was evicted, or when the key is [`Config::BeaconEpochLength`] blocks old;
//! members deal ([`Pallet::submit_key_dealing`]) for [`Config::DkgDealingWindow`] blocks and
//! complain ([`Pallet::complain_dealing`]) until [`Config::DkgComplaintWindow`] blocks after
//! that; then the chain computes the group key from the qualified dealings, or the DKG failed
//! and a new one starts. Under the active key a round opens every [`Config::BeaconPeriod`]
//! blocks; members post their shares ([`Pallet::submit_round_share`]) and the `t_B + 1`-th
//! valid one completes the round. An open round stays open until it completes: rounds are
//! never skipped. A round also opens at once when a job waits for one (job committees are
//! drawn from round outputs: `lifecycle.rs`, `process_draws`) or when someone paid for one
//! ([`Pallet::request_round`]).
//!
//! Every transaction a member sends names what it was made for (the epoch, the dealing's `R`,
//! the round), so one made on another branch of a fork is refused with an error, never judged
//! as a fault. Only a false complaint is a fault.

use crate::*;
use frame_support::{defensive, traits::Randomness};
use mpc_primitives::{
	combine_round, dealing_digest, judge_key_complaint, verify_key_dealing, verify_round_share,
	CommitteeShape, ComplaintVerdict, DealerContext, EphemeralKey, EpochContext, GroupKey,
	KeyComplaintSubject, KeyDealing, KeyDealingParts, Point, RoundContext, RoundShare,
	KEY_DEALING_PROOF_LEN, KEY_SHARE_CIPHERTEXT_LEN,
};
use sp_runtime::traits::{Saturating, Zero};

/// An epoch's committee in order (member `i` at position `i - 1`), keys as when it started.
pub type BeaconCommittee<T> = BoundedVec<CommitteeMember<T>, <T as Config>::MaxBeaconCommittee>;
/// Points of a beacon committee in wire form: commitments `A_0..A_t` or `Â_0..Â_t`, public
/// shares `X_1..X_n`.
pub type BeaconPoints<T> = BoundedVec<[u8; 32], <T as Config>::MaxBeaconCommittee>;
/// Member indices of a beacon committee.
pub type BeaconIndices<T> = BoundedVec<ParticipantIndex, <T as Config>::MaxBeaconCommittee>;
/// One key-share ciphertext (PROTOCOL.md section 11.2, step 6).
pub type KeyShareCiphertext = [u8; KEY_SHARE_CIPHERTEXT_LEN];

/// A DKG in progress.
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
pub struct Dkg<T: Config> {
	/// The epoch it makes a key for.
	pub epoch: u64,
	/// The committee.
	pub committee: BeaconCommittee<T>,
	/// Dealings are taken until this block (exclusive).
	pub deals_until: BlockNumberOf<T>,
	/// Complaints are taken until this block (exclusive); then the key is computed.
	pub complaints_until: BlockNumberOf<T>,
	/// Dealers disqualified by complaints.
	pub disqualified: BeaconIndices<T>,
}

/// A dealing as `submit_key_dealing` takes it: what `mpc_primitives::deal_key` returns, in
/// bounded vectors.
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
pub struct BoundedKeyDealing<T: Config> {
	/// `R`.
	pub ephemeral_key: [u8; 32],
	/// The proof of knowledge of `a_{j,0}` and `r`, `c || z_1 || z_2`.
	pub proof: [u8; KEY_DEALING_PROOF_LEN],
	/// `A_{j,0}..A_{j,t}`.
	pub commitments: BeaconPoints<T>,
	/// `ct_{j,1}..ct_{j,n}`.
	pub ciphertexts: BoundedVec<KeyShareCiphertext, T::MaxBeaconCommittee>,
}

impl<T: Config> BoundedKeyDealing<T> {
	/// The parts, as the acceptance check takes them.
	pub fn as_parts(&self) -> KeyDealingParts<'_> {
		KeyDealingParts {
			ephemeral_key: &self.ephemeral_key,
			proof: &self.proof,
			commitments: &self.commitments,
			ciphertexts: &self.ciphertexts,
		}
	}
}

impl<T: Config> TryFrom<KeyDealing> for BoundedKeyDealing<T> {
	type Error = Error<T>;

	/// Fails with the error the chain would give a dealing that does not fit its bounds.
	fn try_from(d: KeyDealing) -> Result<Self, Error<T>> {
		Ok(Self {
			ephemeral_key: d.ephemeral_key,
			proof: d.proof,
			commitments: BoundedVec::try_from(d.commitments)
				.map_err(|_| Error::<T>::WrongCommitmentCount)?,
			ciphertexts: BoundedVec::try_from(d.ciphertexts)
				.map_err(|_| Error::<T>::WrongCiphertextCount)?,
		})
	}
}

/// An accepted dealing: what members and the chain need later (the proof was checked).
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
pub struct StoredKeyDealing<T: Config> {
	/// `h_j`, which a complaint must name (PROTOCOL.md section 11.3).
	pub digest: [u8; 32],
	/// `R`.
	pub ephemeral_key: EphemeralKey,
	/// `A_{j,0}..A_{j,t}`.
	pub commitments: BeaconPoints<T>,
	/// `ct_{j,1}..ct_{j,n}`.
	pub ciphertexts: BoundedVec<KeyShareCiphertext, T::MaxBeaconCommittee>,
}

/// An epoch's group key (PROTOCOL.md section 11.4).
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
pub struct BeaconKey<T: Config> {
	/// The committee.
	pub committee: BeaconCommittee<T>,
	/// The qualified dealers, whose dealings sum to the key.
	pub qualified: BeaconIndices<T>,
	/// `Â_0..Â_t`; `Â_0` is the group key `X`.
	pub commitments: BeaconPoints<T>,
	/// `X_1..X_n`.
	pub public_shares: BeaconPoints<T>,
	/// `keydigest_e`.
	pub digest: [u8; 32],
	/// The block it became active in.
	pub activated: BlockNumberOf<T>,
}

/// A round share as stored: the member, `Y_i` and its proof, so anyone can re-verify.
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
pub struct StoredRoundShare {
	/// The member's index `i`.
	pub index: ParticipantIndex,
	/// `Y_i`.
	pub point: [u8; 32],
	/// The DLEQ proof `c || z`.
	pub proof: [u8; 64],
}

/// A beacon round.
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
pub struct BeaconRound<T: Config> {
	/// The epoch whose key serves it.
	pub epoch: u64,
	/// The block it opened in (or moved to its epoch in).
	pub opened: BlockNumberOf<T>,
	/// `s_r`: the hash of that block's parent.
	pub seed: [u8; 32],
	/// The valid shares, in arrival order: at most `t_B + 1`, the ones combined.
	pub shares: BoundedVec<StoredRoundShare, T::MaxBeaconCommittee>,
	/// `rho_r` and the block it was published in, once the round completed.
	pub output: Option<([u8; 32], BlockNumberOf<T>)>,
}

impl<T: Config> Pallet<T> {
	/// Whether this runtime runs the beacon ([`Config::MaxBeaconCommittee`] at least 3).
	pub fn beacon_enabled() -> bool {
		T::MaxBeaconCommittee::get() >= CommitteeShape::MIN_MEMBERS
	}

	fn epoch_context(epoch: u64) -> EpochContext {
		EpochContext { genesis: Self::genesis_hash(), epoch }
	}

	fn shape_of(committee: &[CommitteeMember<T>]) -> Result<CommitteeShape, Error<T>> {
		CommitteeShape::new(committee.len() as u32).map_err(|_| {
			defensive!("a beacon committee of fewer than three");
			Error::<T>::Inconsistent
		})
	}

	fn beacon_index(
		committee: &[CommitteeMember<T>],
		who: &T::AccountId,
	) -> Result<ParticipantIndex, Error<T>> {
		committee
			.iter()
			.position(|m| &m.account == who)
			.and_then(|p| ParticipantIndex::new(p as u32 + 1).ok())
			.ok_or(Error::<T>::NotBeaconMember)
	}

	/// The beacon's part of `on_initialize`: finish or start a DKG, open a round.
	pub(crate) fn process_beacon(now: BlockNumberFor<T>) -> Weight {
		if !Self::beacon_enabled() {
			return Weight::zero();
		}
		// BeaconDkg, ActiveBeaconEpoch, BeaconRekey, OpenBeaconRound, LastRoundOpened,
		// WantedRound, NextBeaconRound.
		let mut weight = T::DbWeight::get().reads(7);
		match BeaconDkg::<T>::get() {
			Some(dkg) if now >= dkg.complaints_until => {
				let n = dkg.committee.len() as u32;
				Self::finish_dkg(dkg, now);
				// And each member's registration, read when a key is made.
				weight.saturating_accrue(
					T::WeightInfo::beacon_finish_dkg(n)
						.saturating_add(T::DbWeight::get().reads(u64::from(n))),
				);
			}
			Some(_) => {}
			None if Self::needs_new_epoch(now) => {
				weight.saturating_accrue(T::WeightInfo::beacon_start_dkg(
					T::MaxBeaconCommittee::get(),
				));
				Self::start_dkg(now);
			}
			None => {}
		}
		let active = ActiveBeaconEpoch::<T>::get();
		let last_opened = LastRoundOpened::<T>::get();
		match (OpenBeaconRound::<T>::get(), active) {
			// A round of an older key that its committee has not finished for a while moves to
			// the active key (PROTOCOL.md section 11.7). Rounds open under the active key, so
			// only a key activated after the open round opened can be older: the round itself
			// (its shares and all) is read only then.
			(Some(round), Some((epoch, activated))) => {
				let patience = T::BeaconPeriod::get().saturating_mul(4u32.into());
				let stale = last_opened.is_some_and(|opened| {
					activated > opened && now >= opened.saturating_add(patience)
				});
				if stale {
					if let Some(stored) = BeaconRounds::<T>::get(round).filter(|r| r.epoch != epoch)
					{
						Self::move_round(round, stored, epoch, now);
						weight.saturating_accrue(T::WeightInfo::beacon_open_round());
					}
				}
			}
			(None, Some((epoch, _))) => {
				let due = last_opened
					.is_none_or(|last| now >= last.saturating_add(T::BeaconPeriod::get()));
				let wanted =
					WantedRound::<T>::get().is_some_and(|w| w >= NextBeaconRound::<T>::get());
				if due || wanted {
					Self::open_round(epoch, now);
					weight.saturating_accrue(T::WeightInfo::beacon_open_round());
				}
			}
			_ => {}
		}
		weight
	}

	/// The first round whose output nobody can know now (PROTOCOL.md section 11.7), for a job's
	/// draw or a request: the next round to open, marked as wanted so that it opens as soon as
	/// it can (in the next block's `on_initialize` when no round is open). Never the open
	/// round, even one that opened in this block: its seed is this block's parent hash, which
	/// every sibling of this block shares, so on a fork its output can already be known.
	pub(crate) fn want_round() -> u64 {
		let next = NextBeaconRound::<T>::get();
		WantedRound::<T>::put(next);
		next
	}

	pub(crate) fn do_request_round(who: T::AccountId) -> Result<u64, Error<T>> {
		ensure!(Self::beacon_enabled(), Error::<T>::NoBeacon);
		Self::charge_fee(&who, T::RoundRequestFee::get())?;
		let round = Self::want_round();
		Self::deposit_event(Event::BeaconRoundRequested { who, round });
		Ok(round)
	}

	fn parent_hash() -> [u8; 32] {
		Self::hash_bytes(&frame_system::Pallet::<T>::parent_hash())
	}

	/// Moves open round `round` to the key of `epoch`: a fresh start under it.
	fn move_round(round: u64, mut stored: BeaconRound<T>, epoch: u64, now: BlockNumberFor<T>) {
		stored.epoch = epoch;
		stored.opened = now;
		stored.seed = Self::parent_hash();
		stored.shares = BoundedVec::new();
		BeaconRounds::<T>::insert(round, stored);
		LastRoundOpened::<T>::put(now);
		Self::deposit_event(Event::BeaconRoundMoved { round, epoch });
	}

	fn needs_new_epoch(now: BlockNumberFor<T>) -> bool {
		let Some((_, activated)) = ActiveBeaconEpoch::<T>::get() else { return true };
		BeaconRekey::<T>::get() || now >= activated.saturating_add(T::BeaconEpochLength::get())
	}

	/// Starts the DKG of a new epoch with the first `MaxBeaconCommittee` workers of the pool;
	/// with fewer than three, the beacon waits.
	pub(crate) fn start_dkg(now: BlockNumberFor<T>) {
		let pool = WorkerList::<T>::get();
		// Members that did not deal in a failed DKG sit the next one out, if enough remain.
		let skip = BeaconSkip::<T>::get();
		let min = CommitteeShape::MIN_MEMBERS as usize;
		let mut candidates: Vec<&T::AccountId> =
			pool.iter().filter(|a| !skip.contains(a)).collect();
		if candidates.len() < min {
			candidates = pool.iter().collect();
		}
		let take = (T::MaxBeaconCommittee::get() as usize).min(candidates.len());
		if take < min {
			return;
		}
		// At most `MaxBeaconCommittee`: only a pool member without a registration fails here.
		let Ok(committee) =
			Self::committee_of::<T::MaxBeaconCommittee>(candidates.into_iter().take(take))
		else {
			return;
		};
		let epoch = NextBeaconEpoch::<T>::mutate(|e| {
			let epoch = *e;
			*e = e.saturating_add(1);
			epoch
		});
		let deals_until = now.saturating_add(T::DkgDealingWindow::get());
		let complaints_until = deals_until.saturating_add(T::DkgComplaintWindow::get());
		let members = committee.iter().map(|m| m.account.clone()).collect();
		BeaconDkg::<T>::put(Dkg {
			epoch,
			committee,
			deals_until,
			complaints_until,
			disqualified: BoundedVec::new(),
		});
		Self::deposit_event(Event::BeaconDkgStarted {
			epoch,
			members,
			deals_until,
			complaints_until,
		});
	}

	/// Ends a DKG: the qualified dealings make the new key (which replaces the active one), or
	/// the DKG failed and the next block starts another.
	pub(crate) fn finish_dkg(dkg: Dkg<T>, now: BlockNumberFor<T>) {
		BeaconDkg::<T>::kill();
		let epoch = dkg.epoch;
		let key = Self::shape_of(&dkg.committee).and_then(|shape| {
			let mut qualified = BeaconIndices::<T>::new();
			let mut dealings = Vec::new();
			for index in ParticipantIndex::all(shape.n()) {
				if dkg.disqualified.contains(&index) {
					continue;
				}
				let Some(dealing) = KeyDealings::<T>::get(epoch, index) else { continue };
				let points = dealing
					.commitments
					.iter()
					.map(Point::from_bytes)
					.collect::<Result<Vec<_>, _>>()
					.map_err(|_| {
						defensive!("a stored dealing with an invalid commitment");
						Error::<T>::Inconsistent
					})?;
				qualified.try_push(index).map_err(|_| Error::<T>::Inconsistent)?;
				dealings.push(points);
			}
			let group = GroupKey::combine(shape, dealings.iter().map(|d| &d[..]))
				.map_err(|_| Error::<T>::NotEnoughDealings)?;
			let public_shares = ParticipantIndex::all(shape.n())
				.map(|i| group.public_share(i).to_bytes())
				.collect::<Vec<_>>();
			Ok(BeaconKey::<T> {
				committee: dkg.committee.clone(),
				qualified,
				commitments: BoundedVec::truncate_from(
					group.commitments().iter().map(|a| a.to_bytes()).collect(),
				),
				public_shares: BoundedVec::truncate_from(public_shares),
				digest: group.digest(&Self::epoch_context(epoch)),
				activated: now,
			})
		});
		match key {
			Ok(key) => {
				// A member that left while the DKG ran sits in its key, and its round shares
				// are refused from the pool (`CheckWorkerDuty`): the request for a new key
				// stands.
				if key.committee.iter().all(|m| Workers::<T>::contains_key(&m.account)) {
					BeaconRekey::<T>::kill();
				}
				BeaconSkip::<T>::kill();
				let group_key = key.commitments.first().copied().unwrap_or_default();
				let qualified = key.qualified.len() as u32;
				BeaconKeys::<T>::insert(epoch, key);
				let previous = ActiveBeaconEpoch::<T>::get();
				ActiveBeaconEpoch::<T>::put((epoch, now));
				// The key it replaces stays while a stored round uses it. Rounds open in order
				// under the active key, so only the newest round can.
				if let Some((old, _)) = previous {
					let newest = OpenBeaconRound::<T>::get().or(LatestBeaconRound::<T>::get());
					if newest.and_then(BeaconRounds::<T>::get).is_none_or(|r| r.epoch != old) {
						Self::drop_epoch(old);
					}
				}
				Self::deposit_event(Event::BeaconKeyActivated { epoch, group_key, qualified });
			}
			Err(_) => {
				let qualified = KeyDealings::<T>::iter_prefix(epoch).count() as u32;
				let silent = dkg.committee.iter().enumerate().filter_map(|(p, m)| {
					let index = ParticipantIndex::new(p as u32 + 1).ok()?;
					(!KeyDealings::<T>::contains_key(epoch, index)).then(|| m.account.clone())
				});
				BeaconSkip::<T>::put(BoundedVec::truncate_from(silent.collect::<Vec<_>>()));
				Self::drop_dealings(epoch);
				Self::deposit_event(Event::BeaconDkgFailed { epoch, dealings: qualified });
			}
		}
	}

	/// Removes an epoch's dealings (at most `MaxBeaconCommittee` entries each map).
	fn drop_dealings(epoch: u64) {
		let limit = T::MaxBeaconCommittee::get();
		let _ = KeyDealings::<T>::clear_prefix(epoch, limit, None);
		let _ = DealingKeys::<T>::clear_prefix(epoch, limit, None);
	}

	/// Drops an epoch's key and dealings.
	fn drop_epoch(epoch: u64) {
		BeaconKeys::<T>::remove(epoch);
		Self::drop_dealings(epoch);
	}

	pub(crate) fn open_round(epoch: u64, now: BlockNumberFor<T>) {
		let round = NextBeaconRound::<T>::mutate(|r| {
			let round = *r;
			*r = r.saturating_add(1);
			round
		});
		BeaconRounds::<T>::insert(
			round,
			BeaconRound::<T> {
				epoch,
				opened: now,
				seed: Self::parent_hash(),
				shares: BoundedVec::new(),
				output: None,
			},
		);
		if OldestBeaconRound::<T>::get().is_none() {
			OldestBeaconRound::<T>::put(round);
		}
		OpenBeaconRound::<T>::put(round);
		LastRoundOpened::<T>::put(now);
		Self::deposit_event(Event::BeaconRoundOpened { round, epoch });
	}

	pub(crate) fn do_submit_key_dealing(
		who: T::AccountId,
		epoch: u64,
		dealing: BoundedKeyDealing<T>,
	) -> Result<(), Error<T>> {
		let dkg = BeaconDkg::<T>::get().filter(|d| d.epoch == epoch).ok_or(Error::<T>::NoDkg)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < dkg.deals_until, Error::<T>::DealingWindowClosed);
		let dealer = Self::beacon_index(&dkg.committee, &who)?;
		ensure!(!KeyDealings::<T>::contains_key(epoch, dealer), Error::<T>::AlreadyDealt);
		let shape = Self::shape_of(&dkg.committee)?;
		let ctx = DealerContext { epoch: Self::epoch_context(epoch), dealer };
		let accepted = verify_key_dealing(&ctx, who.as_ref(), shape, dealing.as_parts(), |r| {
			DealingKeys::<T>::contains_key(epoch, r.as_bytes())
		})
		.map_err(Self::submission_error)?;
		DealingKeys::<T>::insert(epoch, accepted.ephemeral_key.as_bytes(), dealer);
		KeyDealings::<T>::insert(
			epoch,
			dealer,
			StoredKeyDealing::<T> {
				digest: dealing_digest(&ctx, dealing.as_parts()),
				ephemeral_key: accepted.ephemeral_key,
				commitments: dealing.commitments,
				ciphertexts: dealing.ciphertexts,
			},
		);
		Self::deposit_event(Event::BeaconDealingAccepted { epoch, dealer });
		Ok(())
	}

	pub(crate) fn do_complain_dealing(
		who: T::AccountId,
		epoch: u64,
		dealer: ParticipantIndex,
		digest: [u8; 32],
		shared_key: [u8; 32],
		proof: [u8; 64],
	) -> Result<PostDispatchInfo, Error<T>> {
		// The DKG ends (and is removed) in `on_initialize` of `complaints_until`: later
		// complaints find no DKG.
		let mut dkg =
			BeaconDkg::<T>::get().filter(|d| d.epoch == epoch).ok_or(Error::<T>::NoDkg)?;
		let member = Self::beacon_index(&dkg.committee, &who)?;
		let dealing = KeyDealings::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealing)?;
		// On another branch of a fork the dealer may have dealt differently, even with the
		// same `R`: the complaint names the dealing by its digest, and another is refused,
		// never judged (PROTOCOL.md section 11.3).
		ensure!(dealing.digest == digest, Error::<T>::DealingMismatch);
		ensure!(!dkg.disqualified.contains(&dealer), Error::<T>::DealerAlreadyDisqualified);
		let member_key = &Self::member(&dkg.committee, member)?.key;
		let ciphertext = dealing.ciphertexts.get(member.get() as usize - 1).ok_or_else(|| {
			defensive!("a stored dealing without a ciphertext for every member");
			Error::<T>::Inconsistent
		})?;
		let commitments = dealing
			.commitments
			.iter()
			.map(Point::from_bytes)
			.collect::<Result<Vec<_>, _>>()
			.map_err(|_| Error::<T>::Inconsistent)?;
		let ctx = DealerContext { epoch: Self::epoch_context(epoch), dealer };
		let subject = KeyComplaintSubject {
			dealer: &ctx,
			index: member,
			member_key,
			ephemeral_key: &dealing.ephemeral_key,
			commitments: &commitments,
			ciphertext,
		};
		let verdict =
			judge_key_complaint(&subject, &shared_key, &proof).map_err(Self::complaint_error)?;
		let weight = Some(T::WeightInfo::complain_dealing(dkg.committee.len() as u32));
		match verdict {
			ComplaintVerdict::InputDisqualified { .. } => {
				dkg.disqualified.try_push(dealer).map_err(|_| {
					defensive!("more disqualified dealers than members");
					Error::<T>::Inconsistent
				})?;
				BeaconDkg::<T>::put(dkg);
				Self::deposit_event(Event::BeaconDealerDisqualified { epoch, dealer, member });
				Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::No })
			}
			ComplaintVerdict::WorkerAtFault => {
				Self::deposit_event(Event::BeaconComplaintRejected { epoch, dealer, member });
				Self::beacon_fault(&who, epoch);
				Ok(PostDispatchInfo { actual_weight: weight, pays_fee: Pays::Yes })
			}
		}
	}

	pub(crate) fn do_submit_round_share(
		who: T::AccountId,
		round: u64,
		point: [u8; 32],
		proof: [u8; 64],
	) -> Result<PostDispatchInfo, Error<T>> {
		let mut stored = BeaconRounds::<T>::get(round).ok_or(Error::<T>::UnknownRound)?;
		ensure!(stored.output.is_none(), Error::<T>::RoundAlreadyComplete);
		let key = BeaconKeys::<T>::get(stored.epoch).ok_or_else(|| {
			defensive!("an open round without its key");
			Error::<T>::Inconsistent
		})?;
		let index = Self::beacon_index(&key.committee, &who)?;
		ensure!(
			!stored.shares.iter().any(|s| s.index == index),
			Error::<T>::RoundShareAlreadySubmitted
		);
		let shape = Self::shape_of(&key.committee)?;
		let public_share = key
			.public_shares
			.get(index.get() as usize - 1)
			.and_then(|x| Point::from_bytes(x).ok())
			.ok_or(Error::<T>::Inconsistent)?;
		let ctx =
			RoundContext { epoch: Self::epoch_context(stored.epoch), round, seed: stored.seed };
		// A share made for this round number on another branch of a fork (another epoch or
		// seed) fails here too: an error, never a fault.
		verify_round_share(&ctx, index, &public_share, &RoundShare { point, proof })
			.map_err(|_| Error::<T>::InvalidRoundShare)?;
		stored
			.shares
			.try_push(StoredRoundShare { index, point, proof })
			.map_err(|_| Error::<T>::Inconsistent)?;
		let n = shape.n();
		Self::deposit_event(Event::BeaconRoundShareAccepted { round, member: index });
		if stored.shares.len() as u32 == shape.t() + 1 {
			let points = stored
				.shares
				.iter()
				.map(|s| Point::from_bytes(&s.point).map(|p| (s.index, p)))
				.collect::<Result<Vec<_>, _>>()
				.map_err(|_| Error::<T>::Inconsistent)?;
			let output = combine_round(&ctx, &points).map_err(|_| {
				defensive!("verified round shares that do not combine");
				Error::<T>::Inconsistent
			})?;
			let now = frame_system::Pallet::<T>::block_number();
			stored.output = Some((output.value, now));
			let epoch = stored.epoch;
			BeaconRounds::<T>::insert(round, stored);
			OpenBeaconRound::<T>::kill();
			LatestBeaconRound::<T>::put(round);
			Self::deposit_event(Event::BeaconRoundCompleted { round, epoch, output: output.value });
			Self::prune_rounds(round);
		} else {
			BeaconRounds::<T>::insert(round, stored);
		}
		Ok(PostDispatchInfo {
			actual_weight: Some(T::WeightInfo::submit_round_share(n)),
			pays_fee: Pays::No,
		})
	}

	/// Keeps the last [`Config::BeaconHistory`] rounds: drops the oldest beyond it, and its
	/// epoch's key once no stored round uses it.
	pub(crate) fn prune_rounds(latest: u64) {
		let Some(oldest) = OldestBeaconRound::<T>::get() else { return };
		let keep = u64::from(T::BeaconHistory::get().max(1));
		if latest.saturating_sub(oldest) < keep {
			return;
		}
		// A round stays until the jobs waiting for it are drawn (the first waiting job has
		// the earliest draw round).
		let first_waiting = DrawQueue::<T>::get().first().and_then(Drawings::<T>::get);
		if first_waiting.is_some_and(|d| d.round <= oldest) {
			return;
		}
		let dropped = BeaconRounds::<T>::take(oldest);
		let next = oldest.saturating_add(1);
		OldestBeaconRound::<T>::put(next);
		// The rounds of an epoch are consecutive: if the next one is of a later epoch, the
		// dropped round was its epoch's last, and a key no longer active can go.
		if let Some(dropped) = dropped {
			let epoch = dropped.epoch;
			let still_used = BeaconRounds::<T>::get(next).is_some_and(|r| r.epoch == epoch);
			let active = ActiveBeaconEpoch::<T>::get().is_some_and(|(e, _)| e == epoch);
			if !still_used && !active {
				Self::drop_epoch(epoch);
			}
		}
	}

	/// Asks for a new DKG when `who` sits in the active or the running beacon committee:
	/// called when a worker leaves, rotates its key or loses its eligibility for good. The
	/// request stands until a new key is active.
	pub(crate) fn beacon_member_left(who: &T::AccountId) {
		let sits = |committee: &[CommitteeMember<T>]| committee.iter().any(|m| &m.account == who);
		let in_dkg = BeaconDkg::<T>::get().is_some_and(|d| sits(&d.committee));
		let in_key = ActiveBeaconEpoch::<T>::get()
			.and_then(|(epoch, _)| BeaconKeys::<T>::get(epoch))
			.is_some_and(|k| sits(&k.committee));
		if in_dkg || in_key {
			BeaconRekey::<T>::put(true);
		}
	}

	/// The latest round completed before the current block: its number, output and the block
	/// it was published in. A round completed in the current block is passed over: its value
	/// was known (from the shares in the pool) before the block, whose author could order the
	/// completing share before or after a caller's transaction (PROTOCOL.md section 11.6).
	pub fn latest_beacon_output() -> Option<(u64, [u8; 32], BlockNumberOf<T>)> {
		let now = frame_system::Pallet::<T>::block_number();
		let latest = LatestBeaconRound::<T>::get()?;
		for round in [Some(latest), latest.checked_sub(1)].into_iter().flatten() {
			if let Some((output, at)) = BeaconRounds::<T>::get(round).and_then(|r| r.output) {
				if at < now {
					return Some((round, output, at));
				}
			}
		}
		None
	}
}

/// The beacon as [`Randomness`] for other pallets (PROTOCOL.md section 11.6): the latest
/// completed round's output, derived for the subject, with the block it was published in.
/// Before the first round completes it returns zeros and block zero: a consumer must check
/// the block (it is "known since" then, so a value with block zero is not random).
pub struct BeaconRandomness<T>(core::marker::PhantomData<T>);

impl<T: Config> Randomness<T::Hash, BlockNumberFor<T>> for BeaconRandomness<T> {
	fn random(subject: &[u8]) -> (T::Hash, BlockNumberFor<T>) {
		let (value, at) = match Pallet::<T>::latest_beacon_output() {
			Some((_, output, at)) => (mpc_primitives::subject_value(&output, subject), at),
			None => ([0u8; 32], Zero::zero()),
		};
		(Pallet::<T>::hash_from(value), at)
	}
}
