//! Typed group elements: canonical scalars and points of ristretto255 (PROTOCOL.md section 1).
//!
//! Every value that crosses a trust boundary is decoded into one of these types, and their
//! constructors enforce the encoding rules, so an invalid value cannot exist past the edge:
//! - [`Scalar`]: 32 bytes little-endian, canonical (`< l`).
//! - [`Point`]: a canonical compressed ristretto255 encoding (identity allowed; the role of
//!   commitments and aggregate commitments, see [`Commitment`]).
//! - [`EncryptionKey`] (`E_i`), [`EphemeralKey`] (`R`) and [`SharedKey`] (`K_i`): points that
//!   must not be the identity.
//!
//! All of them implement SCALE `Encode`/`Decode` (exactly 32 bytes; decoding rejects what the
//! constructors reject), `TypeInfo` (a 32-byte array, shown as hex by polkadot.js) and
//! `MaxEncodedLen`, so they can sit in pallet storage.

use codec::{Decode, DecodeWithMemTracking, Encode, EncodeLike, Input, MaxEncodedLen, Output};
use core::{
	fmt,
	ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign},
};
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar as DalekScalar,
	traits::{Identity, IsIdentity},
};
use rand_core::CryptoRngCore;
use scale_info::{build::Fields, Path, Type, TypeInfo};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroize;

use crate::Error;

/// An integer mod `l`, always reduced; its encoding is canonical.
///
/// Equality is constant time. Arithmetic is constant time (it is dalek's).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Scalar(pub(crate) DalekScalar);

impl Scalar {
	/// Zero.
	pub const ZERO: Self = Self(DalekScalar::ZERO);
	/// One.
	pub const ONE: Self = Self(DalekScalar::ONE);

	/// Decodes a canonical 32-byte little-endian scalar; rejects any encoding `>= l`.
	pub fn from_canonical_bytes(bytes: [u8; 32]) -> Result<Self, Error> {
		Option::<DalekScalar>::from(DalekScalar::from_canonical_bytes(bytes))
			.map(Self)
			.ok_or(Error::NonCanonicalScalar)
	}

	/// Decodes a canonical scalar from a slice of exactly 32 bytes.
	pub fn from_canonical_slice(bytes: &[u8]) -> Result<Self, Error> {
		let array: [u8; 32] = bytes.try_into().map_err(|_| Error::NonCanonicalScalar)?;
		Self::from_canonical_bytes(array)
	}

	/// The canonical 32-byte little-endian encoding.
	pub fn to_bytes(&self) -> [u8; 32] {
		self.0.to_bytes()
	}

	/// A uniformly random scalar.
	pub fn random<R: CryptoRngCore + ?Sized>(rng: &mut R) -> Self {
		Self(DalekScalar::random(rng))
	}

	/// The dalek scalar inside.
	pub fn as_dalek(&self) -> &DalekScalar {
		&self.0
	}

	/// Whether this is zero (constant time).
	pub fn is_zero(&self) -> bool {
		bool::from(self.0.ct_eq(&DalekScalar::ZERO))
	}
}

impl From<DalekScalar> for Scalar {
	fn from(s: DalekScalar) -> Self {
		Self(s)
	}
}

impl From<u64> for Scalar {
	fn from(x: u64) -> Self {
		Self(DalekScalar::from(x))
	}
}

impl From<u128> for Scalar {
	fn from(x: u128) -> Self {
		Self(DalekScalar::from(x))
	}
}

impl ConstantTimeEq for Scalar {
	fn ct_eq(&self, other: &Self) -> Choice {
		self.0.ct_eq(&other.0)
	}
}

impl ConditionallySelectable for Scalar {
	fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
		Self(DalekScalar::conditional_select(&a.0, &b.0, choice))
	}
}

impl Zeroize for Scalar {
	fn zeroize(&mut self) {
		self.0.zeroize();
	}
}

impl Add for Scalar {
	type Output = Scalar;
	fn add(self, rhs: Scalar) -> Scalar {
		Scalar(self.0 + rhs.0)
	}
}

impl AddAssign for Scalar {
	fn add_assign(&mut self, rhs: Scalar) {
		self.0 += rhs.0;
	}
}

impl Sub for Scalar {
	type Output = Scalar;
	fn sub(self, rhs: Scalar) -> Scalar {
		Scalar(self.0 - rhs.0)
	}
}

impl SubAssign for Scalar {
	fn sub_assign(&mut self, rhs: Scalar) {
		self.0 -= rhs.0;
	}
}

impl Mul for Scalar {
	type Output = Scalar;
	fn mul(self, rhs: Scalar) -> Scalar {
		Scalar(self.0 * rhs.0)
	}
}

impl Neg for Scalar {
	type Output = Scalar;
	fn neg(self) -> Scalar {
		Scalar(-self.0)
	}
}

impl fmt::Debug for Scalar {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Scalar(")?;
		write_hex(f, &self.to_bytes())?;
		write!(f, ")")
	}
}

impl Encode for Scalar {
	fn size_hint(&self) -> usize {
		32
	}
	fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
		dest.write(self.0.as_bytes());
	}
}

impl EncodeLike for Scalar {}

impl Decode for Scalar {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let mut bytes = [0u8; 32];
		input.read(&mut bytes)?;
		Self::from_canonical_bytes(bytes).map_err(|_| "non-canonical scalar".into())
	}
}

impl DecodeWithMemTracking for Scalar {}

impl MaxEncodedLen for Scalar {
	fn max_encoded_len() -> usize {
		32
	}
}

impl TypeInfo for Scalar {
	type Identity = Self;
	fn type_info() -> Type {
		bytes32_type_info("Scalar", &["A canonical ristretto255 scalar, 32 bytes little-endian."])
	}
}

/// A ristretto255 group element together with its canonical encoding.
///
/// Decoding rejects non-canonical encodings (RFC 9496). The identity is a valid `Point`; the
/// roles that must not be the identity have their own types. Equality and ordering are those
/// of the canonical encodings, which are unique.
#[derive(Clone, Copy)]
pub struct Point {
	point: RistrettoPoint,
	bytes: [u8; 32],
}

impl Point {
	/// The identity element.
	pub fn identity() -> Self {
		Self { point: RistrettoPoint::identity(), bytes: [0u8; 32] }
	}

	/// Decodes a canonical compressed encoding.
	pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, Error> {
		let point = CompressedRistretto(*bytes).decompress().ok_or(Error::InvalidPoint)?;
		Ok(Self { point, bytes: *bytes })
	}

	/// Decodes a canonical compressed encoding from a slice of exactly 32 bytes.
	pub fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
		let array: &[u8; 32] = bytes.try_into().map_err(|_| Error::InvalidPoint)?;
		Self::from_bytes(array)
	}

	/// The canonical 32-byte encoding.
	pub fn to_bytes(&self) -> [u8; 32] {
		self.bytes
	}

	/// The canonical 32-byte encoding, borrowed.
	pub fn as_bytes(&self) -> &[u8; 32] {
		&self.bytes
	}

	/// The dalek point inside.
	pub fn as_dalek(&self) -> &RistrettoPoint {
		&self.point
	}

	/// Whether this is the identity element.
	pub fn is_identity(&self) -> bool {
		self.point.is_identity()
	}
}

impl From<RistrettoPoint> for Point {
	fn from(point: RistrettoPoint) -> Self {
		Self { point, bytes: point.compress().to_bytes() }
	}
}

impl PartialEq for Point {
	fn eq(&self, other: &Self) -> bool {
		self.bytes == other.bytes
	}
}

impl Eq for Point {}

impl PartialOrd for Point {
	fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
		Some(self.cmp(other))
	}
}

impl Ord for Point {
	fn cmp(&self, other: &Self) -> core::cmp::Ordering {
		self.bytes.cmp(&other.bytes)
	}
}

impl fmt::Debug for Point {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Point(")?;
		write_hex(f, &self.bytes)?;
		write!(f, ")")
	}
}

impl Encode for Point {
	fn size_hint(&self) -> usize {
		32
	}
	fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
		dest.write(&self.bytes);
	}
}

impl EncodeLike for Point {}

impl Decode for Point {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let mut bytes = [0u8; 32];
		input.read(&mut bytes)?;
		Self::from_bytes(&bytes).map_err(|_| "invalid ristretto255 encoding".into())
	}
}

impl DecodeWithMemTracking for Point {}

impl MaxEncodedLen for Point {
	fn max_encoded_len() -> usize {
		32
	}
}

impl TypeInfo for Point {
	type Identity = Self;
	fn type_info() -> Type {
		bytes32_type_info("Point", &["A canonical compressed ristretto255 element, 32 bytes."])
	}
}

/// A Pedersen vector commitment `C_j` or an aggregate `Ĉ_j` (PROTOCOL.md sections 5 and 8).
/// The identity is allowed.
pub type Commitment = Point;

/// Declares a point role that must not be the identity.
macro_rules! non_identity_point {
	($(#[$doc:meta])* $name:ident, $label:literal) => {
		$(#[$doc])*
		#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
		pub struct $name(Point);

		impl $name {
			/// Decodes a canonical encoding; rejects the identity.
			pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, Error> {
				Self::try_from(Point::from_bytes(bytes)?)
			}

			/// For a point that cannot be the identity: a nonzero multiple of a non-identity
			/// point (the group has prime order).
			#[allow(dead_code)]
			pub(crate) fn new_unchecked(point: Point) -> Self {
				debug_assert!(!point.is_identity());
				Self(point)
			}

			/// The canonical 32-byte encoding.
			pub fn to_bytes(&self) -> [u8; 32] {
				self.0.to_bytes()
			}

			/// The canonical 32-byte encoding, borrowed.
			pub fn as_bytes(&self) -> &[u8; 32] {
				self.0.as_bytes()
			}

			/// The point, as a general group element.
			pub fn as_point(&self) -> &Point {
				&self.0
			}

			/// The dalek point inside.
			pub fn as_dalek(&self) -> &RistrettoPoint {
				self.0.as_dalek()
			}
		}

		impl TryFrom<Point> for $name {
			type Error = Error;
			fn try_from(point: Point) -> Result<Self, Error> {
				if point.is_identity() {
					Err(Error::IdentityPoint)
				} else {
					Ok(Self(point))
				}
			}
		}

		impl fmt::Debug for $name {
			fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				write!(f, concat!($label, "("))?;
				write_hex(f, self.0.as_bytes())?;
				write!(f, ")")
			}
		}

		impl Encode for $name {
			fn size_hint(&self) -> usize {
				32
			}
			fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
				self.0.encode_to(dest)
			}
		}

		impl EncodeLike for $name {}

		impl Decode for $name {
			fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
				let point = Point::decode(input)?;
				Self::try_from(point).map_err(|_| "identity point".into())
			}
		}

		impl DecodeWithMemTracking for $name {}

		impl MaxEncodedLen for $name {
			fn max_encoded_len() -> usize {
				32
			}
		}

		impl TypeInfo for $name {
			type Identity = Self;
			fn type_info() -> Type {
				bytes32_type_info(
					$label,
					&[concat!("A ristretto255 element that is not the identity: ", $label, ".")],
				)
			}
		}
	};
}

non_identity_point!(
	/// A worker's public encryption key `E_i = e_i * G` (PROTOCOL.md section 3).
	EncryptionKey,
	"EncryptionKey"
);

non_identity_point!(
	/// A submission's ephemeral key `R = r * G` (PROTOCOL.md section 5).
	EphemeralKey,
	"EphemeralKey"
);

non_identity_point!(
	/// The Diffie-Hellman point `K_i = r * E_i = e_i * R` that keys worker `i`'s share of one
	/// input; published only in a complaint (PROTOCOL.md section 7).
	SharedKey,
	"SharedKey"
);

/// The Diffie-Hellman point `K_i` before anyone published it: as secret as the share it
/// keys. Not `Copy`; zeroized on drop; `Debug` does not print it. A complaint turns it into a
/// public [`SharedKey`].
#[derive(Clone)]
pub struct SharedSecret {
	point: RistrettoPoint,
	bytes: [u8; 32],
}

impl SharedSecret {
	/// `secret * base` for a non-zero secret and a non-identity base: never the identity.
	pub(crate) fn multiply(base: &RistrettoPoint, secret: &DalekScalar) -> Self {
		let point = base * secret;
		Self { point, bytes: point.compress().to_bytes() }
	}

	/// The canonical encoding of `K_i`, for the key derivation.
	pub fn as_bytes(&self) -> &[u8; 32] {
		&self.bytes
	}

	/// Publishes `K_i` (PROTOCOL.md section 7): from here on it is public.
	pub(crate) fn into_public(self) -> SharedKey {
		SharedKey::new_unchecked(Point { point: self.point, bytes: self.bytes })
	}
}

impl Zeroize for SharedSecret {
	fn zeroize(&mut self) {
		self.point.zeroize();
		self.bytes.zeroize();
	}
}

impl Drop for SharedSecret {
	fn drop(&mut self) {
		self.zeroize();
	}
}

impl zeroize::ZeroizeOnDrop for SharedSecret {}

impl fmt::Debug for SharedSecret {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "SharedSecret(<redacted>)")
	}
}

fn bytes32_type_info(name: &'static str, docs: &'static [&'static str]) -> Type {
	Type::builder()
		.path(Path::new(name, module_path!()))
		.docs(docs)
		.composite(Fields::unnamed().field(|f| f.ty::<[u8; 32]>().type_name("[u8; 32]")))
}

pub(crate) fn write_hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
	for b in bytes {
		write!(f, "{b:02x}")?;
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::DecodeAll;
	use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;

	#[test]
	fn scalar_scale_round_trip_and_rejects_non_canonical() {
		let s = Scalar::from(123_456_789u64);
		let bytes = s.encode();
		assert_eq!(bytes.len(), 32);
		assert_eq!(Scalar::decode_all(&mut &bytes[..]).ok(), Some(s));
		// l itself is not canonical.
		let mut l = (-DalekScalar::ONE).to_bytes();
		l[0] += 1;
		assert!(Scalar::decode_all(&mut &l[..]).is_err());
		assert_eq!(Scalar::from_canonical_bytes(l), Err(Error::NonCanonicalScalar));
		// Too short.
		assert!(Scalar::decode_all(&mut &bytes[..31]).is_err());
	}

	#[test]
	fn point_scale_round_trip_and_roles_reject_identity() {
		let p = Point::from(RISTRETTO_BASEPOINT_POINT);
		let bytes = p.encode();
		assert_eq!(Point::decode_all(&mut &bytes[..]).ok(), Some(p));
		let id = Point::identity().encode();
		assert!(Point::decode_all(&mut &id[..]).is_ok());
		assert!(EncryptionKey::decode_all(&mut &id[..]).is_err());
		assert!(EphemeralKey::decode_all(&mut &id[..]).is_err());
		assert!(SharedKey::decode_all(&mut &id[..]).is_err());
		assert_eq!(EncryptionKey::from_bytes(&[0u8; 32]), Err(Error::IdentityPoint));
		let e = EncryptionKey::decode_all(&mut &bytes[..]).ok();
		assert_eq!(e.map(|e| e.to_bytes()), Some(p.to_bytes()));
		// A non-canonical field element encoding.
		assert_eq!(Point::from_bytes(&[0xff; 32]), Err(Error::InvalidPoint));
	}

	#[test]
	fn max_encoded_len_matches_encoding() {
		assert_eq!(Scalar::max_encoded_len(), Scalar::ONE.encode().len());
		assert_eq!(Point::max_encoded_len(), Point::identity().encode().len());
		assert_eq!(EncryptionKey::max_encoded_len(), 32);
	}
}
