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

	/// The first 32 bytes of the digest (the protocol's 32-byte digests and keys).
	pub(crate) fn finalize_32(self) -> [u8; 32] {
		let digest = self.finalize();
		let mut out = [0u8; 32];
		out.copy_from_slice(digest.get(..32).unwrap_or(&[0u8; 32]));
		out
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

/// `SHA512(ct_i)[0..32]`: how a complaint names the ciphertext it judged (PROTOCOL.md section
/// 10). A provider knows its `r` and can submit, with the same `R` and commitments, a bad
/// ciphertext for a worker on one branch of a fork and a good one on another; naming the input
/// by `R` alone would let the worker's complaint about the first be judged against the second.
pub fn ciphertext_hash(ciphertext: &[u8]) -> [u8; 32] {
	let mut t = Transcript::new(b"");
	t.append(ciphertext);
	t.finalize_32()
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

#[cfg(test)]
mod tests {
	use super::*;

	/// The vector of PROTOCOL.md section 10 ("Bindings").
	#[test]
	fn ciphertext_hash_matches_the_protocol_vector() {
		assert_eq!(
			hex::encode(ciphertext_hash(&[1, 2, 3])),
			"27864cc5219a951a7a6e52b8c8dddf6981d098da1658d96258c870b2c88dfbcb"
		);
	}
}
