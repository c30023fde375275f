//! Pedersen vector commitments and the share checks of PROTOCOL.md sections 5, 6 and 8.
//!
//! A dealing commits to `d` value polynomials and one blinding polynomial of degree `t`:
//! `C_j = sum_{l<d} a_{l,j} G_l + b_j H`. Worker `i`'s share `(s_0..s_{d-1}, u)` is good iff
//! `sum_l s_l G_l + u H == sum_j i^j C_j`.
//!
//! Shares are a worker's secrets, so the side of the equation that multiplies them runs in
//! constant time (fixed-base tables for `G` and `H`, constant-time multiscalar multiplication
//! for `G_1..`); the side over public commitments is variable time. Result shares and shares
//! revealed by a complaint are public, and are checked in variable time with one multiscalar
//! multiplication ([`verify_public_opening`]).

use alloc::vec::Vec;
use curve25519_dalek::{
	ristretto::RistrettoPoint,
	scalar::Scalar as DalekScalar,
	traits::{Identity, IsIdentity, MultiscalarMul, VartimeMultiscalarMul},
};
use rand_core::CryptoRngCore;

use crate::{
	generators::{basepoint_table, blinding_generator, blinding_table, value_generator},
	shamir::{powers, ParticipantIndex, Polynomial},
	Commitment, Error, JobShape, Scalar, Share,
};

/// Commits to the value polynomials `f_0..f_{d-1}` and the blinding polynomial `g`, all of
/// degree `t`: returns `C_0..C_t` (PROTOCOL.md section 5, step 2). Constant time in the
/// coefficients.
pub fn commit(values: &[Polynomial], blinding: &Polynomial) -> Result<Vec<Commitment>, Error> {
	let t = blinding.degree();
	if values.is_empty() {
		return Err(Error::InvalidDimension);
	}
	if values.iter().any(|f| f.degree() != t) {
		return Err(Error::WrongCommitmentCount);
	}
	let higher: Vec<RistrettoPoint> = (1..values.len() as u32).map(value_generator).collect();
	let commitments = (0..=t as usize)
		.map(|j| {
			let coefficient = |f: &Polynomial| f.coefficients().get(j).copied().unwrap_or_default();
			let b = coefficient(blinding);
			let mut c = blinding_table() * &b.0;
			let mut rest = values.iter().map(|f| coefficient(f).0);
			if let Some(a0) = rest.next() {
				c += basepoint_table() * &a0;
			}
			if !higher.is_empty() {
				c += RistrettoPoint::multiscalar_mul(rest, &higher);
			}
			Commitment::from(c)
		})
		.collect();
	Ok(commitments)
}

/// `sum_j i^j C_j`, over public values (variable time); `None` without commitments.
fn expected_opening(index: ParticipantIndex, commitments: &[Commitment]) -> Option<RistrettoPoint> {
	let t = commitments.len().checked_sub(1)?;
	let weights = powers(index, t);
	Some(RistrettoPoint::vartime_multiscalar_mul(
		weights.iter().map(|w| w.0),
		commitments.iter().map(|c| *c.as_dalek()),
	))
}

/// `sum_l s_l G_l + u H` for secret `s`, `u` (constant time).
fn secret_opening(s: &[Scalar], u: &Scalar) -> RistrettoPoint {
	let mut acc = blinding_table() * &u.0;
	if let Some((s0, rest)) = s.split_first() {
		acc += basepoint_table() * &s0.0;
		if !rest.is_empty() {
			let generators = (1..s.len() as u32).map(value_generator);
			acc += RistrettoPoint::multiscalar_mul(rest.iter().map(|x| x.0), generators);
		}
	}
	acc
}

/// The worker check of PROTOCOL.md section 6 for one secret share: constant time in the share.
pub fn verify_share(index: ParticipantIndex, share: &Share, commitments: &[Commitment]) -> bool {
	expected_opening(index, commitments)
		.is_some_and(|expected| secret_opening(share.values(), share.blinding()) == expected)
}

/// Checks a public opening `(s, u)` against commitments, in variable time with one
/// multiscalar multiplication: `sum_l s_l G_l + u H - sum_j i^j C_j == 0`.
///
/// For values that are public: result shares (section 8) and shares revealed by a complaint
/// (section 7). Never use it on a worker's secret share; use [`verify_share`].
pub fn verify_public_opening(
	index: ParticipantIndex,
	s: &[Scalar],
	u: &Scalar,
	commitments: &[Commitment],
) -> bool {
	if commitments.is_empty() || s.is_empty() {
		return false;
	}
	let weights = powers(index, commitments.len() - 1);
	let scalars =
		s.iter().map(|x| x.0).chain(core::iter::once(u.0)).chain(weights.iter().map(|w| -w.0));
	let points = (0..s.len() as u32)
		.map(value_generator)
		.chain(core::iter::once(blinding_generator()))
		.chain(commitments.iter().map(|c| *c.as_dalek()));
	RistrettoPoint::vartime_multiscalar_mul(scalars, points).is_identity()
}

/// Checks many shares of one worker at once (PROTOCOL.md section 6, batch verification).
///
/// Each item is a share and the commitments of its input. With random weights `ρ_k` the
/// batch holds iff `sum_l (sum_k ρ_k s_{k,l}) G_l + (sum_k ρ_k u_k) H ==
/// sum_{k,j} ρ_k i^j C_{k,j}`: one short constant-time multiplication for the secret side
/// and one variable-time multiscalar multiplication over all commitments. If the batch
/// fails, every item is checked alone; the positions of the bad ones are returned, in order.
/// An item whose share is not of dimension `d` or whose commitments are not `t + 1` is bad.
pub fn batch_verify_shares<R: CryptoRngCore + ?Sized>(
	shape: &JobShape,
	index: ParticipantIndex,
	items: &[(&Share, &[Commitment])],
	rng: &mut R,
) -> Result<(), Vec<usize>> {
	let d = shape.d() as usize;
	let t1 = shape.t() as usize + 1;
	let misfit = |share: &Share, commitments: &[Commitment]| {
		share.values().len() != d || commitments.len() != t1
	};
	let culprits: Vec<usize> = items
		.iter()
		.enumerate()
		.filter(|(_, (share, commitments))| misfit(share, commitments))
		.map(|(k, _)| k)
		.collect();
	if culprits.is_empty() && batch_holds(index, items, d, t1, rng) {
		return Ok(());
	}
	let culprits: Vec<usize> = items
		.iter()
		.enumerate()
		.filter(|(k, (share, commitments))| {
			culprits.contains(k) || !verify_share(index, share, commitments)
		})
		.map(|(k, _)| k)
		.collect();
	if culprits.is_empty() {
		Ok(())
	} else {
		Err(culprits)
	}
}

fn batch_holds<R: CryptoRngCore + ?Sized>(
	index: ParticipantIndex,
	items: &[(&Share, &[Commitment])],
	d: usize,
	t1: usize,
	rng: &mut R,
) -> bool {
	let weights = powers(index, t1 - 1);
	let mut s_sum = alloc::vec![Scalar::ZERO; d];
	let mut u_sum = Scalar::ZERO;
	let mut scalars: Vec<DalekScalar> = Vec::with_capacity(items.len().saturating_mul(t1));
	let mut points: Vec<RistrettoPoint> = Vec::with_capacity(items.len().saturating_mul(t1));
	for (share, commitments) in items {
		let rho = Scalar::random(rng);
		for (acc, s) in s_sum.iter_mut().zip(share.values()) {
			*acc += rho * *s;
		}
		u_sum += rho * *share.blinding();
		for (w, c) in weights.iter().zip(commitments.iter()) {
			scalars.push(rho.0 * w.0);
			points.push(*c.as_dalek());
		}
	}
	let rhs = RistrettoPoint::vartime_multiscalar_mul(scalars, points);
	let lhs = secret_opening(&s_sum, &u_sum);
	zeroize::Zeroize::zeroize(&mut s_sum);
	zeroize::Zeroize::zeroize(&mut u_sum);
	lhs == rhs
}

/// Adds `delta` into `acc` component-wise (`Ĉ_j += C_j`); sizes must match.
pub fn add_commitments(acc: &mut [Commitment], delta: &[Commitment]) -> Result<(), Error> {
	combine_commitments(acc, delta, |a, b| a + b)
}

/// Subtracts `delta` from `acc` component-wise (`Ĉ_j -= C_j`, a disqualified input).
pub fn subtract_commitments(acc: &mut [Commitment], delta: &[Commitment]) -> Result<(), Error> {
	combine_commitments(acc, delta, |a, b| a - b)
}

fn combine_commitments(
	acc: &mut [Commitment],
	delta: &[Commitment],
	op: impl Fn(RistrettoPoint, RistrettoPoint) -> RistrettoPoint,
) -> Result<(), Error> {
	if acc.len() != delta.len() {
		return Err(Error::WrongCommitmentCount);
	}
	for (a, c) in acc.iter_mut().zip(delta) {
		*a = Commitment::from(op(*a.as_dalek(), *c.as_dalek()));
	}
	Ok(())
}

/// The sum of many commitment vectors of `t + 1` entries each; `None` when sizes differ.
pub fn sum_commitments<'a>(
	t1: usize,
	inputs: impl IntoIterator<Item = &'a [Commitment]>,
) -> Option<Vec<Commitment>> {
	let mut acc = alloc::vec![RistrettoPoint::identity(); t1];
	for input in inputs {
		if input.len() != t1 {
			return None;
		}
		for (a, c) in acc.iter_mut().zip(input) {
			*a += c.as_dalek();
		}
	}
	Some(acc.into_iter().map(Commitment::from).collect())
}
