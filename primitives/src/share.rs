//! A worker's share of one input, `s_i = (f_0(i), ..., f_{d-1}(i), g(i))` (PROTOCOL.md section
//! 5, step 3): secret material.

use alloc::vec::Vec;
use core::fmt;
use subtle::{Choice, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::{Error, Scalar, ShareError};

/// A share of a `d`-dimensional input: `d` value scalars and one blinding scalar.
///
/// Zeroized on drop; `Debug` does not print it; equality is constant time.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Share {
	values: Vec<Scalar>,
	blinding: Scalar,
}

impl Share {
	/// A share from its parts; `values` must not be empty.
	pub fn new(values: Vec<Scalar>, blinding: Scalar) -> Result<Self, Error> {
		if values.is_empty() {
			return Err(Error::InvalidDimension);
		}
		Ok(Self { values, blinding })
	}

	/// The zero share of dimension `d`: where a sum of shares starts.
	pub fn zero(d: usize) -> Result<Self, Error> {
		Self::new(alloc::vec![Scalar::ZERO; d], Scalar::ZERO)
	}

	/// Adds `other` to this share, part by part (a sum of shares is a share of the sum).
	pub fn add(&mut self, other: &Share) -> Result<(), Error> {
		self.combine(other, |acc, s| *acc += s)
	}

	/// Subtracts `other` from this share, part by part.
	pub fn subtract(&mut self, other: &Share) -> Result<(), Error> {
		self.combine(other, |acc, s| *acc -= s)
	}

	fn combine(&mut self, other: &Share, op: impl Fn(&mut Scalar, Scalar)) -> Result<(), Error> {
		if other.values.len() != self.values.len() {
			return Err(Error::InvalidDimension);
		}
		for (acc, s) in self.values.iter_mut().zip(&other.values) {
			op(acc, *s);
		}
		op(&mut self.blinding, other.blinding);
		Ok(())
	}

	/// `s_0..s_{d-1}`.
	pub fn values(&self) -> &[Scalar] {
		&self.values
	}

	/// `u`, the blinding share.
	pub fn blinding(&self) -> &Scalar {
		&self.blinding
	}

	/// The dimension `d`.
	pub fn dimension(&self) -> usize {
		self.values.len()
	}

	/// Serialized length of a share of dimension `d`: `32 (d + 1)`.
	pub const fn serialized_len(d: usize) -> usize {
		32usize.saturating_mul(d.saturating_add(1))
	}

	/// `s_0 || ... || s_{d-1} || u`, 32 bytes each.
	pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
		let mut out = Zeroizing::new(Vec::with_capacity(Self::serialized_len(self.values.len())));
		for s in self.values.iter().chain(core::iter::once(&self.blinding)) {
			out.extend_from_slice(s.0.as_bytes());
		}
		out
	}

	/// Parses `32 (d + 1)` bytes; every scalar must be canonical.
	pub fn from_bytes(bytes: &[u8], d: usize) -> Result<Self, ShareError> {
		if d == 0 || bytes.len() != Self::serialized_len(d) {
			return Err(ShareError::DecryptionFailed);
		}
		// Sized up front and wiped on every exit, so no copy of the plaintext is left behind.
		let mut share = Self { values: Vec::with_capacity(d), blinding: Scalar::ZERO };
		let (values, blinding) = bytes.split_at(bytes.len().saturating_sub(32));
		for chunk in values.chunks_exact(32) {
			let s =
				Scalar::from_canonical_slice(chunk).map_err(|_| ShareError::NonCanonicalScalar)?;
			share.values.push(s);
		}
		share.blinding =
			Scalar::from_canonical_slice(blinding).map_err(|_| ShareError::NonCanonicalScalar)?;
		Ok(share)
	}
}

impl ConstantTimeEq for Share {
	fn ct_eq(&self, other: &Self) -> Choice {
		if self.values.len() != other.values.len() {
			return Choice::from(0);
		}
		self.values
			.iter()
			.zip(&other.values)
			.fold(self.blinding.ct_eq(&other.blinding), |acc, (a, b)| acc & a.ct_eq(b))
	}
}

impl PartialEq for Share {
	fn eq(&self, other: &Self) -> bool {
		self.ct_eq(other).into()
	}
}

impl Eq for Share {}

impl fmt::Debug for Share {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Share {{ dimension: {}, <redacted> }}", self.values.len())
	}
}
