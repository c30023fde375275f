//! The randomness beacon's rounds (PROTOCOL.md sections 11.5 and 11.6): a threshold DDH coin
//! on ristretto255 under the committee key of [`crate::dkg`].
//!
//! A round is named by a [`RoundContext`]: the epoch, its number `r` and its seed `s_r` (the
//! hash of the parent of the block it opened in, so that a round opened on two branches of a
//! fork has two unrelated outputs).
//!
//! For round `r` of epoch `e`, member `i` posts `Y_i = x_i P_r` with a DLEQ proof against its
//! public share `X_i` ([`KeyShare::round_share`], checked by [`verify_round_share`]); any
//! `t_B + 1` valid shares combine to the unique `Y = x P_r` ([`combine_round`]), and the
//! round's output is a hash of `Y`. Since `Y` does not depend on which shares arrive, no
//! member can bias it by withholding; nobody can predict it without `t_B + 1` shares.
//! [`verify_round`] re-verifies a round from public data alone.

use curve25519_dalek::{
	ristretto::RistrettoPoint, scalar::Scalar as DalekScalar, traits::VartimeMultiscalarMul,
};
use rand_core::CryptoRngCore;

use crate::{
	dkg::{GroupKey, KeyShare},
	domain::{
		DST_BEACON_COMMITTEE, DST_BEACON_DLEQ, DST_BEACON_DRAW, DST_BEACON_OUTPUT,
		DST_BEACON_POINT, DST_BEACON_SUBJECT,
	},
	hash::Transcript,
	proof::{hedged_nonce, DleqProof, PROOF_LEN},
	shamir::{lagrange_coefficients_at_zero, ParticipantIndex},
	EpochContext, Error, Point,
};

/// A round: `genesis || u64le(e) || u64le(r) || s_r` in its point, and its epoch and number in
/// its proofs and output (PROTOCOL.md section 11.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundContext {
	/// The epoch whose key serves it.
	pub epoch: EpochContext,
	/// Its number `r`.
	pub round: u64,
	/// Its seed `s_r`: the hash of the parent of the block it opened in.
	pub seed: [u8; 32],
}

/// A round share as it goes on chain: `Y_i` and its DLEQ proof `c || z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundShare {
	/// `Y_i = x_i P_r`.
	pub point: [u8; 32],
	/// Proof that `log_G(X_i) == log_{P_r}(Y_i)`.
	pub proof: [u8; PROOF_LEN],
}

/// A completed round: `Y` and the output `rho_r`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundOutput {
	/// `Y = x P_r`.
	pub point: Point,
	/// `rho_r = SHA512(tag || genesis || e || r || Y)[0..32]`.
	pub value: [u8; 32],
}

/// `P_r = HashToPoint(tag || genesis || u64le(e) || u64le(r) || s_r)`.
pub fn round_point(ctx: &RoundContext) -> Point {
	let mut t = Transcript::new(DST_BEACON_POINT);
	ctx.epoch.append_to(&mut t);
	t.append_u64(ctx.round).append(&ctx.seed);
	Point::from(t.finalize_point())
}

struct RoundStatement<'a> {
	ctx: &'a RoundContext,
	index: ParticipantIndex,
	public_share: &'a Point,
	base: &'a Point,
	image: &'a Point,
}

impl RoundStatement<'_> {
	fn challenge(&self, a: &RistrettoPoint, b: &RistrettoPoint) -> DalekScalar {
		let mut t = Transcript::new(DST_BEACON_DLEQ);
		self.ctx.epoch.append_to(&mut t);
		t.append_u64(self.ctx.round)
			.append_u32(self.index.get())
			.append(self.public_share.as_bytes())
			.append(self.base.as_bytes())
			.append(self.image.as_bytes())
			.append(a.compress().as_bytes())
			.append(b.compress().as_bytes());
		t.finalize_scalar()
	}
}

impl KeyShare {
	/// This member's share of the round `ctx` (section 11.5).
	pub fn round_share<R: CryptoRngCore + ?Sized>(
		&self,
		ctx: &RoundContext,
		rng: &mut R,
	) -> RoundShare {
		let statement = |t: &mut Transcript| {
			ctx.epoch.append_to(t);
			t.append_u64(ctx.round).append(&ctx.seed).append_u32(self.index().get());
		};
		self.round_share_with_nonce(ctx, &hedged_nonce(self.secret(), statement, rng))
	}

	pub(crate) fn round_share_with_nonce(&self, ctx: &RoundContext, k: &DalekScalar) -> RoundShare {
		let base = round_point(ctx);
		let image = Point::from(base.as_dalek() * self.secret());
		let statement = RoundStatement {
			ctx,
			index: self.index(),
			public_share: self.public_share(),
			base: &base,
			image: &image,
		};
		let proof = DleqProof::prove_with(self.secret(), base.as_dalek(), k, |a, b| {
			statement.challenge(a, b)
		});
		RoundShare { point: image.to_bytes(), proof: proof.to_bytes() }
	}
}

/// Checks member `index`'s share of the round `ctx` against its public share `X_i` (section
/// 11.5). Returns `Y_i`.
pub fn verify_round_share(
	ctx: &RoundContext,
	index: ParticipantIndex,
	public_share: &Point,
	share: &RoundShare,
) -> Result<Point, Error> {
	let image = Point::from_bytes(&share.point)?;
	let proof = DleqProof::from_bytes(&share.proof)?;
	let base = round_point(ctx);
	let statement = RoundStatement { ctx, index, public_share, base: &base, image: &image };
	if proof.verify_with(public_share.as_dalek(), base.as_dalek(), image.as_dalek(), |a, b| {
		statement.challenge(a, b)
	}) {
		Ok(image)
	} else {
		Err(Error::InvalidProof)
	}
}

/// `rho_r` for `Y` (section 11.5).
pub fn round_output(ctx: &RoundContext, y: &Point) -> [u8; 32] {
	let mut t = Transcript::new(DST_BEACON_OUTPUT);
	ctx.epoch.append_to(&mut t);
	t.append_u64(ctx.round).append(y.as_bytes());
	t.finalize_32()
}

/// Combines verified shares `(i, Y_i)` with the Lagrange coefficients at zero: with `t_B + 1`
/// distinct indices the result is `Y = x P_r`, whichever they are. The caller checks each
/// share first ([`verify_round_share`]) and passes exactly `t_B + 1` of them.
pub fn combine_round(
	ctx: &RoundContext,
	shares: &[(ParticipantIndex, Point)],
) -> Result<RoundOutput, Error> {
	let indices: alloc::vec::Vec<ParticipantIndex> = shares.iter().map(|(i, _)| *i).collect();
	let lambdas = lagrange_coefficients_at_zero(&indices)?;
	let y = Point::from(RistrettoPoint::vartime_multiscalar_mul(
		lambdas.iter().map(|l| l.0),
		shares.iter().map(|(_, p)| *p.as_dalek()),
	));
	Ok(RoundOutput { point: y, value: round_output(ctx, &y) })
}

/// Re-verifies a round from public data (section 11.5, last paragraph): exactly `t_B + 1`
/// shares of distinct members, each checked against its public share under `key`, combined
/// and hashed. Returns the output, for the caller to compare with the published one.
pub fn verify_round(
	ctx: &RoundContext,
	key: &GroupKey,
	shares: &[(ParticipantIndex, RoundShare)],
) -> Result<RoundOutput, Error> {
	let shape = key.shape();
	if shares.len() != shape.t() as usize + 1 {
		return Err(Error::NotEnoughShares);
	}
	let verified = shares
		.iter()
		.map(|(i, share)| {
			let i = shape.index(i.get())?;
			verify_round_share(ctx, i, &key.public_share(i), share).map(|y| (i, y))
		})
		.collect::<Result<alloc::vec::Vec<_>, Error>>()?;
	combine_round(ctx, &verified)
}

/// The value for `subject` from a round's output (section 11.6):
/// `SHA512(tag || rho || u32le(len(subject)) || subject)[0..32]`.
pub fn subject_value(rho: &[u8; 32], subject: &[u8]) -> [u8; 32] {
	let mut t = Transcript::new(DST_BEACON_SUBJECT);
	t.append(rho).append_u32(subject.len() as u32).append(subject);
	t.finalize_32()
}

/// A job's committee seed from its draw round's output (section 11.6).
pub fn committee_seed(rho: &[u8; 32], job_id: u64) -> [u8; 32] {
	let mut t = Transcript::new(DST_BEACON_COMMITTEE);
	t.append(rho).append_u64(job_id);
	t.finalize_32()
}

/// Draws a committee of up to `n` from `candidates` candidates (indices `0..candidates`, in
/// pool order) with a job's committee seed (section 11.6): a partial Fisher-Yates shuffle,
/// keeping each candidate it places that `eligible` accepts, until `n` are kept or the
/// candidates run out. Returns the kept candidates in draw order (member `i` is the `i`-th);
/// fewer than `n` if too few were eligible. `eligible` is asked about each candidate at most
/// once, in draw order.
pub fn draw_committee(
	seed: &[u8; 32],
	candidates: usize,
	n: usize,
	mut eligible: impl FnMut(usize) -> bool,
) -> alloc::vec::Vec<usize> {
	let mut order: alloc::vec::Vec<usize> = (0..candidates).collect();
	let mut kept = alloc::vec::Vec::with_capacity(n.min(candidates));
	let mut k = 0;
	while kept.len() < n && k < candidates {
		let mut t = Transcript::new(DST_BEACON_DRAW);
		t.append(seed).append_u32(k as u32);
		let digest = t.finalize_32();
		let mut word = [0u8; 8];
		word.copy_from_slice(&digest[..8]);
		// `candidates - k` is at most the pool's bound: the modulo's bias is below 2^-50.
		let pick = k + (u64::from_le_bytes(word) % (candidates - k) as u64) as usize;
		order.swap(k, pick);
		let Some(&candidate) = order.get(k) else { break };
		if eligible(candidate) {
			kept.push(candidate);
		}
		k += 1;
	}
	kept
}
