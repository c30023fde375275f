//! Shamir secret sharing over the ristretto255 scalar field (PROTOCOL.md sections 5 and 8).
//!
//! Worker number `i` (1-based, the order of the committee on chain) owns x-coordinate `i`.
//! A [`Polynomial`] is secret material: it zeroizes on drop and does not print.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use curve25519_dalek::scalar::Scalar as DalekScalar;
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::{Error, Scalar};

/// A worker's Shamir x-coordinate: its 1-based position in the committee. Never zero.
///
/// SCALE-encoded as a `u32`; decoding rejects zero.
#[derive(
	Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Encode, TypeInfo, MaxEncodedLen,
)]
pub struct ParticipantIndex(u32);

impl Decode for ParticipantIndex {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		Self::new(u32::decode(input)?).map_err(|_| "participant index must not be zero".into())
	}
}

impl DecodeWithMemTracking for ParticipantIndex {}

impl ParticipantIndex {
	/// A 1-based index; zero is rejected.
	pub fn new(i: u32) -> Result<Self, Error> {
		if i == 0 {
			Err(Error::InvalidIndex)
		} else {
			Ok(Self(i))
		}
	}

	/// The index of the member at 0-based `position` in a committee list (saturating).
	pub(crate) fn from_position(position: usize) -> Self {
		Self(u32::try_from(position).unwrap_or(u32::MAX).saturating_add(1).max(1))
	}

	/// A 1-based index within a committee of `n`; rejects `0` and `i > n`.
	pub fn within(i: u32, n: u32) -> Result<Self, Error> {
		if i > n {
			Err(Error::InvalidIndex)
		} else {
			Self::new(i)
		}
	}

	/// The index as a number.
	pub fn get(&self) -> u32 {
		self.0
	}

	/// The index as a scalar.
	pub fn to_scalar(self) -> Scalar {
		Scalar::from(u64::from(self.0))
	}

	/// Every index of a committee of `n`: `1..=n`.
	pub fn all(n: u32) -> impl Iterator<Item = ParticipantIndex> {
		(1..=n).map(ParticipantIndex)
	}
}

/// A secret polynomial `f(X) = a_0 + a_1 X + ... + a_t X^t`.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Polynomial {
	coefficients: Vec<Scalar>,
}

impl Polynomial {
	/// A random polynomial of degree `t` with constant term `constant`.
	pub fn random<R: CryptoRngCore + ?Sized>(constant: Scalar, t: u32, rng: &mut R) -> Self {
		let mut coefficients = Vec::with_capacity(t as usize + 1);
		coefficients.push(constant);
		coefficients.extend((0..t).map(|_| Scalar::random(rng)));
		Self { coefficients }
	}

	/// A polynomial from its coefficients `a_0..a_t`; `None` when there are none.
	pub fn from_coefficients(coefficients: Vec<Scalar>) -> Option<Self> {
		if coefficients.is_empty() {
			None
		} else {
			Some(Self { coefficients })
		}
	}

	/// The coefficients `a_0..a_t`.
	pub fn coefficients(&self) -> &[Scalar] {
		&self.coefficients
	}

	/// The degree `t`.
	pub fn degree(&self) -> u32 {
		self.coefficients.len().saturating_sub(1) as u32
	}

	/// `f(i)`, by Horner's rule (constant time in the coefficients).
	pub fn evaluate(&self, i: ParticipantIndex) -> Scalar {
		let x = i.to_scalar();
		self.coefficients.iter().rev().fold(Scalar::ZERO, |acc, a| acc * x + *a)
	}
}

impl fmt::Debug for Polynomial {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Polynomial {{ degree: {}, coefficients: <redacted> }}", self.degree())
	}
}

/// `i^0, i^1, ..., i^t` as scalars: the weights of the commitment equation for worker `i`.
pub fn powers(i: ParticipantIndex, t: usize) -> Vec<Scalar> {
	let x = i.to_scalar();
	let mut out = Vec::with_capacity(t + 1);
	let mut acc = Scalar::ONE;
	for _ in 0..=t {
		out.push(acc);
		acc = acc * x;
	}
	out
}

/// The product of small signed integers as a scalar.
///
/// Exact integer products are accumulated in an `i128` until the next factor would overflow,
/// and only then multiplied into the scalar: with committee-sized indices this needs about a
/// tenth of the scalar multiplications.
fn product_of_small(factors: impl Iterator<Item = i64>) -> DalekScalar {
	let mut acc = DalekScalar::ONE;
	let mut small: i128 = 1;
	for f in factors {
		match small.checked_mul(i128::from(f)) {
			Some(p) => small = p,
			None => {
				acc *= signed_scalar(small);
				small = i128::from(f);
			}
		}
	}
	acc * signed_scalar(small)
}

fn signed_scalar(v: i128) -> DalekScalar {
	let m = DalekScalar::from(v.unsigned_abs());
	if v < 0 {
		-m
	} else {
		m
	}
}

/// Lagrange coefficients at zero for the index set `indices`:
/// `λ_i = prod_{m != i} m / (m - i)`, in the order of `indices` (PROTOCOL.md section 8).
///
/// Rejects an empty set and repeated indices. One field inversion for the whole set.
pub fn lagrange_coefficients_at_zero(indices: &[ParticipantIndex]) -> Result<Vec<Scalar>, Error> {
	if indices.is_empty() {
		return Err(Error::NotEnoughShares);
	}
	let mut sorted: Vec<u32> = indices.iter().map(|i| i.0).collect();
	sorted.sort_unstable();
	if let Some(w) = sorted.windows(2).find(|w| w.first() == w.get(1)) {
		return Err(Error::DuplicateIndex { index: w.first().copied().unwrap_or_default() });
	}
	// λ_i = P / (i * prod_{m != i} (m - i)) with P = prod m.
	let numerator = product_of_small(indices.iter().map(|m| i64::from(m.0)));
	let mut denominators: Vec<DalekScalar> = indices
		.iter()
		.map(|i| {
			let others =
				indices.iter().filter(|m| m.0 != i.0).map(|m| i64::from(m.0) - i64::from(i.0));
			product_of_small(core::iter::once(i64::from(i.0)).chain(others))
		})
		.collect();
	DalekScalar::batch_invert(&mut denominators);
	Ok(denominators.into_iter().map(|inv| Scalar(numerator * inv)).collect())
}

/// Reconstructs `f(0)` from `t + 1` points `(i, f(i))` on a polynomial of degree `t`.
pub fn interpolate_at_zero(points: &[(ParticipantIndex, Scalar)]) -> Result<Scalar, Error> {
	let indices: Vec<ParticipantIndex> = points.iter().map(|(i, _)| *i).collect();
	let lambdas = lagrange_coefficients_at_zero(&indices)?;
	Ok(lambdas.iter().zip(points).fold(Scalar::ZERO, |acc, (l, (_, y))| acc + *l * *y))
}

#[cfg(test)]
mod tests {
	use super::*;
	use rand_chacha::ChaCha20Rng;
	use rand_core::SeedableRng;

	fn idx(i: u32) -> ParticipantIndex {
		ParticipantIndex::new(i).unwrap()
	}

	#[test]
	fn index_zero_and_beyond_committee_are_rejected() {
		assert_eq!(ParticipantIndex::new(0), Err(Error::InvalidIndex));
		assert_eq!(ParticipantIndex::within(6, 5), Err(Error::InvalidIndex));
		assert_eq!(ParticipantIndex::within(5, 5).map(|i| i.get()), Ok(5));
	}

	#[test]
	fn any_t_plus_one_points_reconstruct_the_secret() {
		let mut rng = ChaCha20Rng::seed_from_u64(7);
		let secret = Scalar::random(&mut rng);
		let f = Polynomial::random(secret, 3, &mut rng);
		let points: Vec<_> = (1..=9).map(|i| (idx(i), f.evaluate(idx(i)))).collect();
		for window in points.windows(4) {
			assert_eq!(interpolate_at_zero(window), Ok(secret));
		}
		// t points are not enough: they interpolate some other value.
		assert_ne!(interpolate_at_zero(&points[..3]), Ok(secret));
	}

	#[test]
	fn lagrange_matches_the_definition_for_large_indices() {
		let set = [idx(3), idx(70_000), idx(4_000_000_000), idx(17)];
		let lambdas = lagrange_coefficients_at_zero(&set).unwrap();
		for (i, lambda) in set.iter().zip(&lambdas) {
			let mut num = DalekScalar::ONE;
			let mut den = DalekScalar::ONE;
			for m in set.iter().filter(|m| m.0 != i.0) {
				num *= DalekScalar::from(m.0);
				den *= DalekScalar::from(m.0) - DalekScalar::from(i.0);
			}
			assert_eq!(lambda.0, num * den.invert());
		}
	}

	#[test]
	fn repeated_or_missing_indices_are_rejected() {
		assert_eq!(
			lagrange_coefficients_at_zero(&[idx(1), idx(2), idx(1)]),
			Err(Error::DuplicateIndex { index: 1 })
		);
		assert_eq!(lagrange_coefficients_at_zero(&[]), Err(Error::NotEnoughShares));
	}

	#[test]
	fn polynomial_debug_does_not_print_coefficients() {
		let f = Polynomial::from_coefficients(alloc::vec![Scalar::from(42u64)]).unwrap();
		let s = alloc::format!("{f:?}");
		assert!(!s.contains("2a00"));
	}
}
