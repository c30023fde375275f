//! Hashing of PROTOCOL.md section 1: SHA-512, `HashToScalar` and `HashToPoint`.

use curve25519_dalek::{ristretto::RistrettoPoint, scalar::Scalar as DalekScalar};
use sha2::{Digest, Sha512};

/// An incremental SHA-512 over `dst || part || part || ...`.
///
/// Every protocol hash is a concatenation of fixed-width fields after a domain tag; this
/// keeps the concatenation in one place and never allocates.
#[derive(Clone)]
pub(crate) struct Transcript(Sha512);

impl Transcript {
	/// Starts a hash with its domain-separation tag.
	pub(crate) fn new(dst: &[u8]) -> Self {
		let mut hasher = Sha512::new();
		hasher.update(dst);
		Self(hasher)
	}

	/// Appends raw bytes.
	pub(crate) fn append(&mut self, bytes: &[u8]) -> &mut Self {
		self.0.update(bytes);
		self
	}

	/// Appends `u32le(x)`.
	pub(crate) fn append_u32(&mut self, x: u32) -> &mut Self {
		self.append(&x.to_le_bytes())
	}

	/// Appends `u64le(x)`.
	pub(crate) fn append_u64(&mut self, x: u64) -> &mut Self {
		self.append(&x.to_le_bytes())
	}

	/// The 64-byte digest.
	pub(crate) fn finalize(self) -> [u8; 64] {
		self.0.finalize().into()
	}

	/// `HashToScalar`: the digest as a 512-bit little-endian integer mod `l`.
	pub(crate) fn finalize_scalar(self) -> DalekScalar {
		DalekScalar::from_bytes_mod_order_wide(&self.finalize())
	}

	/// `HashToPoint`: RFC 9496 element derivation of the digest.
	pub(crate) fn finalize_point(self) -> RistrettoPoint {
		RistrettoPoint::from_uniform_bytes(&self.finalize())
	}
}

/// `SHA512(input)`.
pub fn sha512(input: &[u8]) -> [u8; 64] {
	Sha512::digest(input).into()
}

/// `HashToScalar(input)` of PROTOCOL.md section 1.
pub fn hash_to_scalar(input: &[u8]) -> crate::Scalar {
	crate::Scalar::from(DalekScalar::from_bytes_mod_order_wide(&sha512(input)))
}

/// `HashToPoint(input)` of PROTOCOL.md section 1.
pub fn hash_to_point(input: &[u8]) -> crate::Point {
	crate::Point::from(RistrettoPoint::from_uniform_bytes(&sha512(input)))
}
