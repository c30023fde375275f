//! What a beacon member does (PROTOCOL.md section 11): deal once per DKG, check every dealing
//! and complain about a bad share, and post its share of each open round.
//!
//! As for jobs, every decision is a pure function of a view of one block's state and the
//! member's local progress ([`BeaconProgress`], no secrets). Nothing secret is stored between
//! runs either: the member's key share `x_i` is recomputed from the chain's dealings and `e`
//! whenever a round needs it, so a restart loses nothing and a reorganisation that changes the
//! dealings changes the share with them.
//!
//! Fork safety: a dealing is made for an epoch, a complaint names the dealing by its digest
//! `h_j` (which covers `R`, the commitments and every ciphertext), a round share is bound to
//! its epoch, round and seed. On another branch the chain refuses them with
//! an error; it never judges them. A complaint is sent only after the member opened and
//! checked the share again from the chain's current data.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use mpc_primitives::{
	deal_key, DealerContext, EncryptionKey, EphemeralKey, EpochContext, KeyDealing, KeyShare,
	ParticipantIndex, Point, RoundContext, RoundShare, Scalar, WorkerSecret,
	KEY_SHARE_CIPHERTEXT_LEN,
};
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use zeroize::Zeroizing;

use crate::Limits;

/// One accepted dealing, as the member reads it: only its own ciphertext.
#[derive(Clone, Debug)]
pub struct DealingView {
	/// The dealer's index `j`.
	pub dealer: ParticipantIndex,
	/// The dealing's digest `h_j`, as on chain.
	pub digest: [u8; 32],
	/// Its `R`.
	pub ephemeral_key: EphemeralKey,
	/// Its commitments `A_{j,0}..A_{j,t}`.
	pub commitments: Vec<Point>,
	/// The member's ciphertext `ct_{j,i}`.
	pub ciphertext: [u8; KEY_SHARE_CIPHERTEXT_LEN],
}

/// A DKG the member sits in.
#[derive(Clone, Debug)]
pub struct DkgView<'a> {
	/// The epoch.
	pub epoch: u64,
	/// The member's index `i`.
	pub index: ParticipantIndex,
	/// Every member's key `E_1..E_n`.
	pub committee: &'a [EncryptionKey],
	/// Dealings are taken until this block (exclusive).
	pub deals_until: u32,
	/// Complaints are taken until this block (exclusive).
	pub complaints_until: u32,
	/// Whether the chain has the member's dealing.
	pub dealt: bool,
	/// The accepted dealings not disqualified yet.
	pub dealings: &'a [DealingView],
}

/// An open round whose committee the member sits in.
#[derive(Clone, Debug)]
pub struct RoundView<'a> {
	/// The round.
	pub round: u64,
	/// The epoch whose key serves it.
	pub epoch: u64,
	/// The member's index `i` in that epoch's committee.
	pub index: ParticipantIndex,
	/// The committee's size `n_B`.
	pub members: u32,
	/// The block the round opened in.
	pub opened: u32,
	/// Its seed `s_r`.
	pub seed: [u8; 32],
	/// Whether the chain has the member's share of it.
	pub posted: bool,
	/// The member's public share `X_i`, as on chain.
	pub public_share: Point,
	/// The epoch's qualified dealings.
	pub dealings: &'a [DealingView],
}

/// What the member sees of the beacon in one block.
#[derive(Clone, Debug)]
pub struct BeaconView<'a> {
	/// The chain's genesis hash.
	pub genesis: [u8; 32],
	/// The member's account.
	pub account: [u8; 32],
	/// The current block.
	pub now: u32,
	/// The DKG in progress, if the member sits in it.
	pub dkg: Option<DkgView<'a>>,
	/// The open round, if the member sits in its committee.
	pub round: Option<RoundView<'a>>,
}

/// The member's progress, kept in offchain storage between runs. No secrets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct BeaconProgress {
	/// The epoch and block of the last dealing sent.
	pub dealt: Option<(u64, u32)>,
	/// The DKG's dealings whose share checked: `(epoch, dealer, h_j)`.
	pub good: Vec<(u64, u32, [u8; 32])>,
	/// Complaints sent: `(epoch, dealer, h_j, block)`.
	pub complained: Vec<(u64, u32, [u8; 32], u32)>,
	/// The round and block of the last share sent.
	pub shared: Option<(u64, u32)>,
}

impl BeaconProgress {
	/// Forgets that `action` was sent (the pool refused it), so the next run sends it again.
	pub fn forget_sent(&mut self, action: &BeaconAction) {
		match action {
			BeaconAction::Deal { .. } => self.dealt = None,
			BeaconAction::Complain { epoch, dealer, digest, .. } => {
				self.complained.retain(|(e, d, h, _)| (e, d, h) != (epoch, &dealer.get(), digest))
			}
			BeaconAction::RoundShare { .. } => self.shared = None,
		}
	}
}

/// A transaction the member should send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BeaconAction {
	/// `submit_key_dealing(epoch, dealing)`.
	Deal {
		/// The epoch.
		epoch: u64,
		/// The dealing.
		dealing: KeyDealing,
	},
	/// `complain_dealing(epoch, dealer, h_j, K, proof)`.
	Complain {
		/// The epoch.
		epoch: u64,
		/// The dealer.
		dealer: ParticipantIndex,
		/// The dealing's digest `h_j`.
		digest: [u8; 32],
		/// `K_{j,i}`.
		shared_key: [u8; 32],
		/// The DLEQ proof.
		proof: [u8; 64],
	},
	/// `submit_round_share(round, Y_i, proof)`.
	RoundShare {
		/// The round.
		round: u64,
		/// `Y_i` and its proof.
		share: RoundShare,
	},
}

/// Blocks after a round opened before a backup member posts its share (see [`first_to_post`]).
pub const BACKUP_DELAY: u32 = 2;

/// Whether member `index` is one of the `t_B + 1` members who post a share of `round` as soon
/// as it opens. The others are backups: they post only if the round is still open
/// [`BACKUP_DELAY`] blocks after it opened. The first ones rotate with the round number.
/// Shares beyond `t_B + 1` are refused (the round is complete) and cost their fee, so in the
/// common case nobody pays; a missing member delays a round by [`BACKUP_DELAY`] blocks.
pub fn first_to_post(round: u64, index: ParticipantIndex, members: u32) -> bool {
	let n = u64::from(members.max(1));
	let t = u64::from(members.saturating_sub(1) / 2);
	let rank = (u64::from(index.get()).saturating_sub(1) + n - round % n) % n;
	rank <= t
}

/// Why the member cannot post a round share; the caller logs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BeaconError {
	/// Its share of a qualified dealing does not check (it missed the complaint window): it
	/// has no valid key share for this epoch.
	BadQualifiedDealing {
		/// The dealer.
		dealer: u32,
	},
	/// Its shares sum to a key share whose public part is not the chain's `X_i`.
	PublicShareMismatch,
}

fn due(sent: Option<u32>, now: u32, limits: &Limits) -> bool {
	sent.is_none_or(|at| now >= at.saturating_add(limits.resubmit_after))
}

/// One run of a beacon member: the transactions to send now. Updates `progress`.
pub fn beacon_step<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	view: &BeaconView<'_>,
	progress: &mut BeaconProgress,
	limits: &Limits,
	rng: &mut R,
) -> (Vec<BeaconAction>, Option<BeaconError>) {
	let mut actions = Vec::new();
	let mut error = None;
	if let Some(dkg) = &view.dkg {
		let epoch = EpochContext { genesis: view.genesis, epoch: dkg.epoch };
		// Progress of older epochs is of no use any more.
		progress.good.retain(|(e, ..)| *e == dkg.epoch);
		progress.complained.retain(|(e, ..)| *e == dkg.epoch);
		let sent = progress.dealt.filter(|(e, _)| *e == dkg.epoch).map(|(_, at)| at);
		// A transaction built now lands in the next block at the earliest: it must be in time
		// there.
		let lands = view.now.saturating_add(1);
		if !dkg.dealt && lands < dkg.deals_until && due(sent, view.now, limits) {
			let ctx = DealerContext { epoch, dealer: dkg.index };
			if let Ok(dealing) = deal_key(&ctx, &view.account, dkg.committee, rng) {
				progress.dealt = Some((dkg.epoch, view.now));
				actions.push(BeaconAction::Deal { epoch: dkg.epoch, dealing });
			}
		}
		if lands < dkg.complaints_until {
			for d in dkg.dealings {
				let id = (dkg.epoch, d.dealer.get(), d.digest);
				if progress.good.contains(&id) {
					continue;
				}
				let ctx = DealerContext { epoch, dealer: d.dealer };
				let opened = secret.open_key_share(
					&ctx,
					dkg.index,
					&d.ephemeral_key,
					&d.ciphertext,
					&d.commitments,
				);
				if opened.is_ok() {
					progress.good.push(id);
					continue;
				}
				let last = progress
					.complained
					.iter()
					.find(|(e, j, r, _)| (*e, *j, *r) == id)
					.map(|(.., at)| *at);
				if !due(last, view.now, limits) {
					continue;
				}
				let complaint = secret.complain_key_dealing(&ctx, dkg.index, &d.ephemeral_key, rng);
				progress.complained.retain(|(e, j, r, _)| (*e, *j, *r) != id);
				progress.complained.push((id.0, id.1, id.2, view.now));
				actions.push(BeaconAction::Complain {
					epoch: dkg.epoch,
					dealer: d.dealer,
					digest: id.2,
					shared_key: complaint.shared_key.to_bytes(),
					proof: complaint.proof.to_bytes(),
				});
			}
		}
	}
	if let Some(round) = &view.round {
		let sent = progress.shared.filter(|(r, _)| *r == round.round).map(|(_, at)| at);
		let my_turn = first_to_post(round.round, round.index, round.members)
			|| view.now >= round.opened.saturating_add(BACKUP_DELAY);
		if !round.posted && my_turn && due(sent, view.now, limits) {
			match key_share(secret, view.genesis, round) {
				Ok(share) => {
					let ctx = RoundContext {
						epoch: EpochContext { genesis: view.genesis, epoch: round.epoch },
						round: round.round,
						seed: round.seed,
					};
					progress.shared = Some((round.round, view.now));
					actions.push(BeaconAction::RoundShare {
						round: round.round,
						share: share.round_share(&ctx, rng),
					});
				}
				Err(e) => error = Some(e),
			}
		}
	}
	(actions, error)
}

/// The member's key share of the round's epoch, from its shares of the qualified dealings.
pub fn key_share(
	secret: &WorkerSecret,
	genesis: [u8; 32],
	round: &RoundView<'_>,
) -> Result<KeyShare, BeaconError> {
	let epoch = EpochContext { genesis, epoch: round.epoch };
	let shares = round
		.dealings
		.iter()
		.map(|d| {
			let ctx = DealerContext { epoch, dealer: d.dealer };
			secret
				.open_key_share(&ctx, round.index, &d.ephemeral_key, &d.ciphertext, &d.commitments)
				.map_err(|_| BeaconError::BadQualifiedDealing { dealer: d.dealer.get() })
		})
		.collect::<Result<Vec<Zeroizing<Scalar>>, _>>()?;
	let share = KeyShare::from_shares(round.index, shares.iter().map(|s| &**s));
	if *share.public_share() == round.public_share {
		Ok(share)
	} else {
		Err(BeaconError::PublicShareMismatch)
	}
}

#[cfg(test)]
#[path = "beacon_tests.rs"]
mod tests;
