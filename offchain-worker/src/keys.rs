//! What a threshold-key member does (PROTOCOL.md section 14): post its round-1 package and its
//! envelope in each DKG attempt it sits in, complain about a bad share, and take part in
//! signing with nonces it uses once.
//!
//! As for jobs and the beacon, every decision is a pure function of a view of one block's state.
//! The DKG keeps no secret state: a member's package and envelope are derived from its worker
//! secret and everything they depend on (section 14.3), so a restart or a fork that keeps the
//! inputs gives the same bytes, and its key package is recomputed from the chain's packages and
//! envelopes whenever it signs.
//!
//! Signing nonces are the one secret kept between blocks. They live in a [`NonceStore`] (the
//! node's offchain persistent storage), one slot per request and attempt:
//! - a commitment is sent only from the slot's nonces: made fresh when the slot is empty,
//!   reused (the same commitment sent again) while they are unused;
//! - before a share is made the slot is set to [`NonceSlot::Used`] (compare-and-set), and
//!   the share is made only if that succeeded and the stored nonces commit to exactly the
//!   chain's commitment of the member: a pair signs once, over one package, whatever the
//!   forks and restarts (section 14.6, "Nonces").

use alloc::vec::Vec;
use codec::{Decode, Encode};
use mpc_primitives::{
	frost::{
		attempt_digest, commit, confirm_digest, finish_dkg, nonce_commitment, nonces_from_bytes,
		nonces_to_bytes, package_digest,
		refresh::{
			finish_refresh, refresh_attempt_digest, refresh_round1, seal_refresh_envelope,
			RefreshMember, RefreshOutcome, RefreshPackage,
		},
		round1, seal_envelope, sign, signing_package, AttemptContext, DkgOutcome, Envelope,
		FrostGroup, KeyPackage, Member, MemberShape, Round1Package, SigningCommitment,
	},
	Complaint, EncryptionKey, ParticipantIndex, WorkerSecret,
};
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
/// Secret bytes wiped on drop: how nonces leave a [`NonceStore`].
pub use zeroize::Zeroizing;

use crate::Limits;

/// The step of a DKG attempt, as the chain stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
	/// Round-1 packages.
	Round1,
	/// Envelopes (open from block `opened`).
	Round2,
	/// Complaints (open from block `opened`).
	Complaints,
}

/// A DKG attempt the member sits in.
#[derive(Clone, Debug)]
pub struct AttemptView<'a> {
	/// The key `k`.
	pub key: u64,
	/// The attempt `a`.
	pub attempt: u32,
	/// `t`.
	pub threshold: u32,
	/// The member's index `i` in the attempt.
	pub index: ParticipantIndex,
	/// `E_1..E_{n_a}` as the chain stores them.
	pub members: &'a [EncryptionKey],
	/// `W_1..W_{n_a}`, in the same order.
	pub accounts: &'a [[u8; 32]],
	/// The step.
	pub step: Step,
	/// Its first block.
	pub opened: u32,
	/// The block in whose `on_initialize` it ends.
	pub until: u32,
	/// Whether the chain has the member's package (round 1), envelope (round 2) or
	/// confirmation (complaint step).
	pub posted: bool,
	/// Every member's package, in order: read from round 2 on, empty before.
	pub packages: &'a [Round1Package],
	/// Every member's envelope and its digest `h_j`, in order: read in the complaint step.
	pub envelopes: &'a [(Envelope, [u8; 32])],
}

/// The chain's context of a member: genesis, its account, the current block.
#[derive(Clone, Copy, Debug)]
pub struct MemberContext {
	/// The chain's genesis hash.
	pub genesis: [u8; 32],
	/// The member's account `W_i`.
	pub account: [u8; 32],
	/// The current block.
	pub now: u32,
}

/// A transaction a key member sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
	/// `submit_key_round1(key, attempt, A, package)`.
	Round1 {
		/// The key.
		key: u64,
		/// The attempt.
		attempt: u32,
		/// The attempt's digest `A`.
		attempt_digest: [u8; 32],
		/// The package.
		package: Round1Package,
	},
	/// `submit_refresh_round1(key, attempt, A_r, Ψ)`.
	RefreshRound1 {
		/// The key.
		key: u64,
		/// The refresh attempt.
		attempt: u32,
		/// The attempt's digest `A_r`.
		attempt_digest: [u8; 32],
		/// `Ψ_{i,1..t}`.
		package: RefreshPackage,
	},
	/// `confirm_key_shares(key, attempt, A, C)` (`A_r` in a refresh).
	Confirm {
		/// The key.
		key: u64,
		/// The attempt.
		attempt: u32,
		/// The attempt's digest `A` or `A_r`.
		attempt_digest: [u8; 32],
		/// `C` over the envelopes checked.
		confirm_digest: [u8; 32],
	},
	/// `refresh_key(key)`: the key's epoch is over.
	Refresh {
		/// The key.
		key: u64,
	},
	/// `expire_key(key)`: the key's last epoch is over.
	Expire {
		/// The key.
		key: u64,
	},
	/// `submit_key_envelope(key, attempt, A, envelope)` (`A_r` in a refresh).
	Envelope {
		/// The key.
		key: u64,
		/// The attempt.
		attempt: u32,
		/// The attempt's digest `A`.
		attempt_digest: [u8; 32],
		/// The envelope.
		envelope: Envelope,
	},
	/// `complain_key_envelope(key, attempt, sender, h_j, K, proof)` (identifiers in a refresh).
	Complain {
		/// The key.
		key: u64,
		/// The attempt.
		attempt: u32,
		/// The sender of the bad share.
		sender: ParticipantIndex,
		/// Its envelope's digest.
		digest: [u8; 32],
		/// `K_{j,i}`.
		shared_key: [u8; 32],
		/// The DLEQ proof.
		proof: [u8; 64],
	},
	/// `submit_sign_commitment(request, attempt, commitment)`.
	Commit {
		/// The request.
		request: u64,
		/// The attempt.
		attempt: u32,
		/// `(D_i, F_i)`.
		commitment: SigningCommitment,
	},
	/// `submit_sign_share(request, attempt, P, z_i)`.
	Share {
		/// The request.
		request: u64,
		/// The attempt.
		attempt: u32,
		/// The signing package's digest `P`.
		package_digest: [u8; 32],
		/// `z_i`.
		share: [u8; 32],
	},
}

/// What the member sent in DKGs and refreshes, kept between runs (no secrets): `(key, attempt,
/// what, block)` of its last package, envelope, complaint or refresh request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct KeyProgress {
	/// Sent transactions: key, attempt (the epoch for a refresh request), what (0 package,
	/// 1 envelope, 2 complaint or check, 3 refresh request, 4 confirmation), block.
	pub sent: Vec<(u64, u32, u8, u32)>,
	/// Attempts whose shares all checked: key, attempt, and a digest of the envelopes' `h_j`
	/// (another set of envelopes, on another branch, is checked again).
	pub clean: Vec<(u64, u32, [u8; 32])>,
}

impl KeyProgress {
	fn last(&self, key: u64, attempt: u32, what: u8) -> Option<u32> {
		self.sent.iter().find(|s| (s.0, s.1, s.2) == (key, attempt, what)).map(|s| s.3)
	}

	fn record(&mut self, key: u64, attempt: u32, what: u8, at: u32) {
		self.sent.retain(|s| (s.0, s.1, s.2) != (key, attempt, what));
		self.sent.push((key, attempt, what, at));
	}

	/// Forgets that `action` was sent (the pool refused it), so the next run sends it again.
	pub fn forget_sent(&mut self, action: &KeyAction) {
		let (key, attempt, what) = match action {
			KeyAction::Round1 { key, attempt, .. }
			| KeyAction::RefreshRound1 { key, attempt, .. } => (*key, *attempt, 0),
			KeyAction::Envelope { key, attempt, .. } => (*key, *attempt, 1),
			KeyAction::Complain { key, attempt, .. } => (*key, *attempt, 2),
			KeyAction::Confirm { key, attempt, .. } => (*key, *attempt, 4),
			KeyAction::Commit { .. }
			| KeyAction::Share { .. }
			| KeyAction::Refresh { .. }
			| KeyAction::Expire { .. } => return,
		};
		self.sent.retain(|s| (s.0, s.1, s.2) != (key, attempt, what));
	}

	/// Keeps only what concerns `keys` (the keys still generating or refreshing).
	pub fn retain_keys(&mut self, keys: &[u64]) {
		self.sent.retain(|s| keys.contains(&s.0));
		self.clean.retain(|c| keys.contains(&c.0));
	}

	/// Forgets key `key`'s attempts before `attempt` and its refresh requests of epochs
	/// before `epoch`.
	pub fn prune(&mut self, key: u64, attempt: u32, epoch: u32) {
		self.sent.retain(|s| s.0 != key || s.1 >= if s.2 == 3 { epoch } else { attempt });
		self.clean.retain(|c| c.0 != key || c.1 >= attempt);
	}
}

/// Why the member cannot act; the caller logs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyError {
	/// The chain's data does not fit the member (its package is not the one it makes, a
	/// count is wrong): a defect or another branch's data.
	Inconsistent,
	/// One of its shares does not check and the complaint window is over: it holds no share
	/// of this key.
	NoKeyShare,
	/// Its key package's group key is not the chain's.
	KeyMismatch,
	/// The nonce store failed (a concurrent run changed the slot): nothing sent.
	NonceStore,
}

fn due(sent: Option<u32>, now: u32, limits: &Limits) -> bool {
	sent.is_none_or(|at| now >= at.saturating_add(limits.resubmit_after))
}

fn member<'a>(
	secret: &'a WorkerSecret,
	ctx: &'a AttemptContext,
	view: &AttemptView<'a>,
	account: &'a [u8; 32],
) -> Member<'a> {
	Member {
		secret,
		ctx,
		shape: MemberShape { index: view.index, n: view.members.len() as u32, t: view.threshold },
		account,
		keys: view.members,
	}
}

/// Where an attempt (a DKG's or a refresh's) stands, as the member reads it.
struct Schedule<'a> {
	key: u64,
	attempt: u32,
	step: Step,
	opened: u32,
	until: u32,
	posted: bool,
	/// The envelopes' digests `h_j`, in member order (complaint step).
	digests: &'a [[u8; 32]],
}

/// What the member owes an attempt in this run.
enum Due {
	Package,
	Envelope,
	/// Check the shares (the envelope set's digest names what was checked).
	Check([u8; 32]),
	/// Confirm shares checked before.
	Confirm,
}

impl Schedule<'_> {
	fn due(&self, now: u32, progress: &KeyProgress, limits: &Limits) -> Option<Due> {
		let (key, attempt) = (self.key, self.attempt);
		// A transaction built now lands in the next block at the earliest.
		let lands = now.saturating_add(1);
		if lands >= self.until {
			return None;
		}
		match self.step {
			Step::Round1 if !self.posted && due(progress.last(key, attempt, 0), now, limits) => {
				Some(Due::Package)
			}
			Step::Round2
				if !self.posted
					&& now >= self.opened
					&& due(progress.last(key, attempt, 1), now, limits) =>
			{
				Some(Due::Envelope)
			}
			// `posted` in the complaint step: the chain has the member's confirmation.
			Step::Complaints if now >= self.opened && !self.posted => {
				// The same envelopes checked clean before: confirm again if the confirmation
				// did not land (no check every block).
				let set = envelope_set(self.digests);
				if progress.clean.contains(&(key, attempt, set)) {
					due(progress.last(key, attempt, 4), now, limits).then_some(Due::Confirm)
				} else {
					due(progress.last(key, attempt, 2), now, limits).then_some(Due::Check(set))
				}
			}
			_ => None,
		}
	}

	/// The member's confirmation `C` over the envelopes it checked (section 14.5).
	fn confirm(
		&self,
		ctx: &AttemptContext,
		attempt_digest: [u8; 32],
		progress: &mut KeyProgress,
		now: u32,
	) -> Option<KeyAction> {
		progress.record(self.key, self.attempt, 4, now);
		Some(KeyAction::Confirm {
			key: self.key,
			attempt: self.attempt,
			attempt_digest,
			confirm_digest: confirm_digest(ctx, self.digests),
		})
	}

	/// The complaint about the sender at `position` (0-based, in member order), `sender` as
	/// the transaction names it.
	fn complain(
		&self,
		sender: ParticipantIndex,
		position: usize,
		complaint: &Complaint,
		progress: &mut KeyProgress,
		now: u32,
	) -> Result<Option<KeyAction>, KeyError> {
		let digest = *self.digests.get(position).ok_or(KeyError::Inconsistent)?;
		progress.record(self.key, self.attempt, 2, now);
		Ok(Some(KeyAction::Complain {
			key: self.key,
			attempt: self.attempt,
			sender,
			digest,
			shared_key: complaint.shared_key.to_bytes(),
			proof: complaint.proof.to_bytes(),
		}))
	}
}

/// One run of a member in a DKG attempt: the transaction to send now, if any. Updates
/// `progress`.
pub fn dkg_step<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	chain: &MemberContext,
	view: &AttemptView<'_>,
	progress: &mut KeyProgress,
	limits: &Limits,
	rng: &mut R,
) -> Result<Option<KeyAction>, KeyError> {
	let ctx = AttemptContext { genesis: chain.genesis, key: view.key, attempt: view.attempt };
	let me = member(secret, &ctx, view, &chain.account);
	let (key, attempt, now) = (view.key, view.attempt, chain.now);
	let members: Vec<([u8; 32], EncryptionKey)> =
		view.accounts.iter().copied().zip(view.members.iter().copied()).collect();
	if members.len() != view.members.len() {
		return Err(KeyError::Inconsistent);
	}
	let digest = attempt_digest(&ctx, view.threshold, &members);
	let digests: Vec<[u8; 32]> = view.envelopes.iter().map(|(_, h)| *h).collect();
	let schedule = Schedule {
		key,
		attempt,
		step: view.step,
		opened: view.opened,
		until: view.until,
		posted: view.posted,
		digests: &digests,
	};
	match schedule.due(now, progress, limits) {
		None => Ok(None),
		Some(Due::Package) => {
			let package = round1(&me).map_err(|_| KeyError::Inconsistent)?;
			progress.record(key, attempt, 0, now);
			Ok(Some(KeyAction::Round1 { key, attempt, attempt_digest: digest, package }))
		}
		Some(Due::Envelope) => {
			let envelope = seal_envelope(&me, view.packages).map_err(|_| KeyError::Inconsistent)?;
			progress.record(key, attempt, 1, now);
			Ok(Some(KeyAction::Envelope { key, attempt, attempt_digest: digest, envelope }))
		}
		Some(Due::Confirm) => Ok(schedule.confirm(&ctx, digest, progress, now)),
		Some(Due::Check(set)) => {
			let envelopes: Vec<Envelope> = view.envelopes.iter().map(|(e, _)| e.clone()).collect();
			// A check that cannot be made is tried again only after the resubmission delay.
			let outcome = finish_dkg(&me, view.packages, &envelopes, rng).map_err(|_| {
				progress.record(key, attempt, 2, now);
				KeyError::Inconsistent
			})?;
			match outcome {
				DkgOutcome::Key(_) => {
					progress.clean.push((key, attempt, set));
					Ok(schedule.confirm(&ctx, digest, progress, now))
				}
				DkgOutcome::Complain { sender, complaint } => {
					let position = sender.get() as usize - 1;
					schedule.complain(sender, position, &complaint, progress, now)
				}
			}
		}
	}
}

/// A digest of an attempt's envelopes (their `h_j` in order): names the set a member checked.
fn envelope_set(digests: &[[u8; 32]]) -> [u8; 32] {
	let mut all = Vec::with_capacity(digests.len() * 32);
	for h in digests {
		all.extend_from_slice(h);
	}
	let wide = mpc_primitives::hash::sha512(&all);
	let mut out = [0u8; 32];
	out.copy_from_slice(&wide[..32]);
	out
}

/// A refresh attempt the member sits in (PROTOCOL.md section 14.9): what its shares are made
/// from.
#[derive(Clone, Debug)]
pub struct RefreshMaterial<'a> {
	/// The key `k`.
	pub key: u64,
	/// The refresh's attempt `a`.
	pub attempt: u32,
	/// `t`.
	pub threshold: u32,
	/// The member's position among the refresh's members (1-based).
	pub position: ParticipantIndex,
	/// The members' identifiers, in increasing order.
	pub ids: &'a [ParticipantIndex],
	/// Their worker keys, in the same order.
	pub members: &'a [EncryptionKey],
	/// Their accounts, in the same order.
	pub accounts: &'a [[u8; 32]],
	/// Every member's package, in order: read from round 2 on, empty before.
	pub packages: &'a [RefreshPackage],
	/// Every member's envelope, in order: read in the complaint step.
	pub envelopes: &'a [Envelope],
}

impl RefreshMaterial<'_> {
	fn member<'a>(
		&'a self,
		secret: &'a WorkerSecret,
		ctx: &'a AttemptContext,
		account: &'a [u8; 32],
	) -> RefreshMember<'a> {
		RefreshMember {
			secret,
			ctx,
			t: self.threshold,
			position: self.position,
			ids: self.ids,
			keys: self.members,
			account,
		}
	}

	fn digest(&self, ctx: &AttemptContext) -> Result<[u8; 32], KeyError> {
		if self.ids.len() != self.members.len() || self.ids.len() != self.accounts.len() {
			return Err(KeyError::Inconsistent);
		}
		let list: Vec<_> = self
			.ids
			.iter()
			.zip(self.accounts)
			.zip(self.members)
			.map(|((i, a), k)| (*i, *a, *k))
			.collect();
		Ok(refresh_attempt_digest(ctx, self.threshold, &list))
	}
}

/// A refresh attempt as the member reads it.
#[derive(Clone, Debug)]
pub struct RefreshView<'a> {
	/// The attempt's members and what they posted.
	pub material: RefreshMaterial<'a>,
	/// The step.
	pub step: Step,
	/// Its first block.
	pub opened: u32,
	/// The block in whose `on_initialize` it ends.
	pub until: u32,
	/// Whether the chain has the member's package (round 1), envelope (round 2) or
	/// confirmation (complaint step).
	pub posted: bool,
	/// The envelopes' digests `h_j`, in order (complaint step).
	pub digests: &'a [[u8; 32]],
}

/// One run of a member in a refresh attempt: the transaction to send now, if any. `current`
/// rebuilds the member's key package and the key as they stand before the refresh; it is
/// called only to check the shares. Updates `progress`.
pub fn refresh_step<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	chain: &MemberContext,
	view: &RefreshView<'_>,
	current: impl FnOnce(&mut R) -> Result<(KeyPackage, FrostGroup), KeyError>,
	progress: &mut KeyProgress,
	limits: &Limits,
	rng: &mut R,
) -> Result<Option<KeyAction>, KeyError> {
	let m = &view.material;
	let ctx = AttemptContext { genesis: chain.genesis, key: m.key, attempt: m.attempt };
	let me = m.member(secret, &ctx, &chain.account);
	let (key, attempt, now) = (m.key, m.attempt, chain.now);
	let digest = m.digest(&ctx)?;
	let schedule = Schedule {
		key,
		attempt,
		step: view.step,
		opened: view.opened,
		until: view.until,
		posted: view.posted,
		digests: view.digests,
	};
	match schedule.due(now, progress, limits) {
		None => Ok(None),
		Some(Due::Package) => {
			let package = refresh_round1(&me).map_err(|_| KeyError::Inconsistent)?;
			progress.record(key, attempt, 0, now);
			Ok(Some(KeyAction::RefreshRound1 { key, attempt, attempt_digest: digest, package }))
		}
		Some(Due::Envelope) => {
			let envelope =
				seal_refresh_envelope(&me, m.packages).map_err(|_| KeyError::Inconsistent)?;
			progress.record(key, attempt, 1, now);
			Ok(Some(KeyAction::Envelope { key, attempt, attempt_digest: digest, envelope }))
		}
		Some(Due::Confirm) => Ok(schedule.confirm(&ctx, digest, progress, now)),
		Some(Due::Check(set)) => {
			// A check that cannot be made (a member whose share cannot be rebuilt, say) is
			// tried again only after the resubmission delay, not every block; another set of
			// envelopes (another branch) is checked at once.
			let mut failed = |e: KeyError| {
				progress.record(key, attempt, 2, now);
				e
			};
			let (old, group) = current(rng).map_err(&mut failed)?;
			let outcome = finish_refresh(&me, &old, &group, m.packages, m.envelopes, rng)
				.map_err(|_| failed(KeyError::Inconsistent))?;
			match outcome {
				RefreshOutcome::Key(..) => {
					progress.clean.push((key, attempt, set));
					Ok(schedule.confirm(&ctx, digest, progress, now))
				}
				RefreshOutcome::Complain { sender, complaint } => {
					let position =
						m.ids.iter().position(|i| *i == sender).ok_or(KeyError::Inconsistent)?;
					schedule.complain(sender, position, &complaint, progress, now)
				}
			}
		}
	}
}

/// The member's key package and the key after a completed refresh, from those before it.
pub fn refreshed_key_package<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	chain: &MemberContext,
	(old, group): (KeyPackage, FrostGroup),
	material: &RefreshMaterial<'_>,
	rng: &mut R,
) -> Result<(KeyPackage, FrostGroup), KeyError> {
	let ctx =
		AttemptContext { genesis: chain.genesis, key: material.key, attempt: material.attempt };
	let me = material.member(secret, &ctx, &chain.account);
	match finish_refresh(&me, &old, &group, material.packages, material.envelopes, rng)
		.map_err(|_| KeyError::Inconsistent)?
	{
		RefreshOutcome::Key(package, group) => Ok((package, *group)),
		RefreshOutcome::Complain { .. } => Err(KeyError::NoKeyShare),
	}
}

/// An active key's epoch as a member reads it.
#[derive(Clone, Copy, Debug)]
pub struct EpochView {
	/// The key `k`.
	pub key: u64,
	/// The epoch (the number of completed refreshes).
	pub epoch: u32,
	/// The block from which anyone may refresh the key.
	pub end: u32,
	/// The member's rank among the key's members (0 for the lowest identifier).
	pub rank: u32,
	/// Blocks between two members' turns (`KeyRoundWindow`).
	pub window: u32,
	/// The current block.
	pub now: u32,
	/// Whether it is the key's last epoch (no refresh left: the key expires).
	pub last: bool,
}

/// A member's part in ending a key's epoch: `refresh_key` (or `expire_key` after the last
/// epoch) once the epoch is over, from the member of rank `rank` `rank * window` blocks later,
/// so that one member usually sends it (PROTOCOL.md section 14.10).
pub fn epoch_step(
	view: &EpochView,
	progress: &mut KeyProgress,
	limits: &Limits,
) -> Option<KeyAction> {
	let from = view.end.saturating_add(view.rank.saturating_mul(view.window));
	if view.now.saturating_add(1) < from
		|| !due(progress.last(view.key, view.epoch, 3), view.now, limits)
	{
		return None;
	}
	progress.record(view.key, view.epoch, 3, view.now);
	Some(if view.last {
		KeyAction::Expire { key: view.key }
	} else {
		KeyAction::Refresh { key: view.key }
	})
}

/// An active key the member holds a share of: what rebuilds its key package.
#[derive(Clone, Debug)]
pub struct KeyMaterial<'a> {
	/// The key `k`.
	pub key: u64,
	/// The attempt that made it.
	pub attempt: u32,
	/// `t`.
	pub threshold: u32,
	/// The member's index.
	pub index: ParticipantIndex,
	/// `E_1..E_n` of the key's members.
	pub members: &'a [EncryptionKey],
	/// `Y`, as the chain stores it.
	pub group_key: [u8; 32],
	/// The attempt's packages, in order.
	pub packages: &'a [Round1Package],
	/// The attempt's envelopes, in order.
	pub envelopes: &'a [Envelope],
}

/// The member's key package and the key as the DKG made them, recomputed from the chain
/// (checked against the chain's `Y`).
pub fn key_package<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	chain: &MemberContext,
	material: &KeyMaterial<'_>,
	rng: &mut R,
) -> Result<(KeyPackage, FrostGroup), KeyError> {
	let ctx =
		AttemptContext { genesis: chain.genesis, key: material.key, attempt: material.attempt };
	let me = Member {
		secret,
		ctx: &ctx,
		shape: MemberShape {
			index: material.index,
			n: material.members.len() as u32,
			t: material.threshold,
		},
		account: &chain.account,
		keys: material.members,
	};
	let package = match finish_dkg(&me, material.packages, material.envelopes, rng)
		.map_err(|_| KeyError::Inconsistent)?
	{
		DkgOutcome::Key(package) => package,
		DkgOutcome::Complain { .. } => return Err(KeyError::NoKeyShare),
	};
	let group = FrostGroup::from_round1(material.threshold, material.packages)
		.map_err(|_| KeyError::Inconsistent)?;
	let y = package.verifying_key().serialize().map_err(|_| KeyError::KeyMismatch)?;
	if y.as_slice() == material.group_key.as_slice() && group.group_key() == material.group_key {
		Ok((package, group))
	} else {
		Err(KeyError::KeyMismatch)
	}
}

/// An open signing request of a key the member holds a share of.
#[derive(Clone, Debug)]
pub struct SignView<'a> {
	/// The chain's genesis hash.
	pub genesis: [u8; 32],
	/// The key `k`.
	pub key: u64,
	/// The request `s`.
	pub request: u64,
	/// The attempt `b`.
	pub attempt: u32,
	/// `m`.
	pub message: &'a [u8],
	/// The member's identifier in the key.
	pub index: ParticipantIndex,
	/// Whether the member is left out of the request.
	pub excluded: bool,
	/// The attempt's commitments, in arrival order.
	pub commitments: &'a [(ParticipantIndex, SigningCommitment)],
	/// Whether the signers are fixed (the `t + 1`-th commitment arrived).
	pub fixed: bool,
	/// Whether the chain has the member's share of this attempt.
	pub shared: bool,
	/// The current block.
	pub now: u32,
}

/// One nonce slot of the store: `d || f`, or the mark that they signed. /// Encodes as `0 || d ||
/// f || u32le(sent)` or `1`.
#[derive(Clone, PartialEq, Eq)]
pub enum NonceSlot {
	/// Nonces not used yet, and the block their commitment was last sent in.
	Fresh(Zeroizing<[u8; 64]>, u32),
	/// They made a share and were erased.
	Used,
}

impl Encode for NonceSlot {
	fn encode_to<O: codec::Output + ?Sized>(&self, dest: &mut O) {
		match self {
			NonceSlot::Fresh(bytes, sent) => {
				dest.push_byte(0);
				dest.write(&bytes[..]);
				sent.encode_to(dest);
			}
			NonceSlot::Used => dest.push_byte(1),
		}
	}
}

impl Decode for NonceSlot {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		match input.read_byte()? {
			0 => {
				let mut bytes = Zeroizing::new([0u8; 64]);
				input.read(&mut bytes[..])?;
				Ok(NonceSlot::Fresh(bytes, u32::decode(input)?))
			}
			1 => Ok(NonceSlot::Used),
			_ => Err("unknown nonce slot".into()),
		}
	}
}

impl core::fmt::Debug for NonceSlot {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			NonceSlot::Fresh(_, sent) => write!(f, "Fresh(.., sent {sent})"),
			NonceSlot::Used => f.write_str("Used"),
		}
	}
}

/// Where a member keeps its signing nonces: the node's offchain persistent storage. Slots are
/// named by request and attempt.
pub trait NonceStore {
	/// The slot of `(request, attempt)`.
	fn get(&self, request: u64, attempt: u32) -> Option<NonceSlot>;
	/// Fills the empty slot with fresh nonces whose commitment is sent in block `now`; `false`
	/// if it was not empty.
	fn put_fresh(&mut self, request: u64, attempt: u32, nonces: &[u8; 64], now: u32) -> bool;
	/// Records that the slot's commitment was sent again in block `now`.
	fn resent(&mut self, request: u64, attempt: u32, now: u32);
	/// Replaces the slot's nonces with [`NonceSlot::Used`] and returns them: atomic, so two
	/// runs never both get them. `None` if the slot held no fresh nonces.
	fn take(&mut self, request: u64, attempt: u32) -> Option<Zeroizing<[u8; 64]>>;
}

/// One run of a member for a signing request: commit, or sign once the signers are fixed.
/// `key` rebuilds its key package only when it acts.
pub fn sign_step<R: CryptoRngCore + ?Sized>(
	view: &SignView<'_>,
	key: impl FnOnce(&mut R) -> Result<KeyPackage, KeyError>,
	store: &mut impl NonceStore,
	limits: &Limits,
	rng: &mut R,
) -> Result<Option<KeyAction>, KeyError> {
	if view.excluded {
		return Ok(None);
	}
	let (request, attempt) = (view.request, view.attempt);
	let mine = view.commitments.iter().find(|(i, _)| *i == view.index).map(|(_, c)| *c);
	if !view.fixed {
		if mine.is_some() {
			return Ok(None);
		}
		let commitment = match store.get(request, attempt) {
			Some(NonceSlot::Used) => return Ok(None),
			Some(NonceSlot::Fresh(bytes, sent)) => {
				// Sent before and not on chain here: the same commitment again, once the last
				// send had time to land.
				if !due(Some(sent), view.now, limits) {
					return Ok(None);
				}
				let nonces = nonces_from_bytes(&bytes).map_err(|_| KeyError::NonceStore)?;
				let commitment = nonce_commitment(&nonces).map_err(|_| KeyError::NonceStore)?;
				store.resent(request, attempt, view.now);
				commitment
			}
			None => {
				let package = key(rng)?;
				let (nonces, commitment) =
					commit(&package, rng).map_err(|_| KeyError::Inconsistent)?;
				if !store.put_fresh(request, attempt, &nonces_to_bytes(&nonces), view.now) {
					return Err(KeyError::NonceStore);
				}
				commitment
			}
		};
		return Ok(Some(KeyAction::Commit { request, attempt, commitment }));
	}
	let Some(mine) = mine else { return Ok(None) };
	if view.shared {
		return Ok(None);
	}
	// The stored nonces must be the ones the chain has the commitment of; checked before
	// they are taken, so a slot of another branch's commitment stays as it is.
	let Some(NonceSlot::Fresh(bytes, _)) = store.get(request, attempt) else { return Ok(None) };
	let nonces = nonces_from_bytes(&bytes).map_err(|_| KeyError::NonceStore)?;
	if nonce_commitment(&nonces).map_err(|_| KeyError::NonceStore)? != mine {
		return Ok(None);
	}
	let package = key(rng)?;
	let signing =
		signing_package(view.message, view.commitments).map_err(|_| KeyError::Inconsistent)?;
	// Erased before the share exists, let alone leaves the node.
	let taken = store.take(request, attempt).ok_or(KeyError::NonceStore)?;
	let nonces = nonces_from_bytes(&taken).map_err(|_| KeyError::NonceStore)?;
	let share = sign(&signing, nonces, &package).map_err(|_| KeyError::Inconsistent)?;
	let package_digest =
		package_digest(&view.genesis, view.key, request, attempt, view.message, view.commitments);
	Ok(Some(KeyAction::Share { request, attempt, package_digest, share }))
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
