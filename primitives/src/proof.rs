//! The three Schnorr-style proofs of the protocol, all `c || z` (64 bytes) with
//! `c = HashToScalar(DST || context || ... || A [|| B])` and `z = k + c * secret`:
//! - [`PossessionProof`]: knowledge of `e` for a worker key `E` (PROTOCOL.md section 3);
//! - [`DealingProof`]: knowledge of `r` for a submission's `R` (section 5, step 4);
//! - [`DleqProof`]: `log_G(E_i) == log_R(K_i)` in a complaint (section 7).
//!
//! Each is bound to its whole context (chain, job, account, worker index, every public point)
//! by its own domain tag. Verification recomputes `A' = z G - c X` (and `B'`) in variable
//! time, which is fine: everything it touches is public. Decoding rejects non-canonical `c`
//! or `z`. Nonces come from a cryptographically secure RNG and are zeroized after use.

use codec::{Decode, DecodeWithMemTracking, Encode, EncodeLike, Input, MaxEncodedLen, Output};
use core::fmt;
use curve25519_dalek::{
	ristretto::RistrettoPoint, scalar::Scalar as DalekScalar, traits::VartimeMultiscalarMul,
};
use rand_core::CryptoRngCore;
use scale_info::{build::Fields, Path, Type, TypeInfo};
use zeroize::Zeroizing;

use crate::{
	domain::{DST_DEALING, DST_DLEQ, DST_NONCE, DST_POP},
	generators::basepoint_table,
	group::write_hex,
	hash::Transcript,
	shamir::ParticipantIndex,
	AccountBytes, Commitment, EncryptionKey, EphemeralKey, Error, InputContext, Scalar, SharedKey,
};

/// Length of every proof: `c || z`.
pub const PROOF_LEN: usize = 64;

/// The common form `(c, z)`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Proof {
	c: DalekScalar,
	z: DalekScalar,
}

impl Proof {
	pub(crate) fn from_bytes(bytes: &[u8; PROOF_LEN]) -> Result<Self, Error> {
		let (c, z) = bytes.split_at(32);
		Ok(Self { c: Scalar::from_canonical_slice(c)?.0, z: Scalar::from_canonical_slice(z)?.0 })
	}

	pub(crate) fn to_bytes(self) -> [u8; PROOF_LEN] {
		let mut out = [0u8; PROOF_LEN];
		let (c, z) = out.split_at_mut(32);
		c.copy_from_slice(self.c.as_bytes());
		z.copy_from_slice(self.z.as_bytes());
		out
	}

	/// `z = k + c * secret` for the challenge `c`.
	pub(crate) fn respond(k: &DalekScalar, c: DalekScalar, secret: &DalekScalar) -> Self {
		Self { c, z: k + c * secret }
	}

	/// The challenge `c`.
	pub(crate) fn c(&self) -> DalekScalar {
		self.c
	}

	/// `z * base - c * public`, variable time.
	fn commitment(&self, base: &RistrettoPoint, public: &RistrettoPoint) -> RistrettoPoint {
		RistrettoPoint::vartime_multiscalar_mul([self.z, -self.c], [*base, *public])
	}

	/// `z * G - c * public`, variable time with the basepoint table.
	pub(crate) fn commitment_base(&self, public: &RistrettoPoint) -> RistrettoPoint {
		RistrettoPoint::vartime_double_scalar_mul_basepoint(&-self.c, public, &self.z)
	}
}

/// A hedged nonce: `HashToScalar(DST_NONCE || secret || statement || 32 random bytes)`, where
/// `statement` appends the public statement the proof is about (everything its challenge
/// hashes except the commitments).
///
/// A good RNG alone makes `k` uniform. Hashing in the secret as well keeps `k` unpredictable
/// even if the RNG is weak, and hashing in the statement keeps a repeating RNG from giving
/// two proofs of one secret about two statements the same `k` (which would reveal the secret
/// from their two responses).
pub(crate) fn hedged_nonce<R: CryptoRngCore + ?Sized>(
	secret: &DalekScalar,
	statement: impl FnOnce(&mut Transcript),
	rng: &mut R,
) -> Zeroizing<DalekScalar> {
	let mut randomness = Zeroizing::new([0u8; 32]);
	rng.fill_bytes(&mut *randomness);
	let mut t = Transcript::new(DST_NONCE);
	t.append(secret.as_bytes());
	statement(&mut t);
	t.append(&*randomness);
	Zeroizing::new(t.finalize_scalar())
}

macro_rules! proof_type {
	($(#[$doc:meta])* $name:ident) => {
		$(#[$doc])*
		#[derive(Clone, Copy, PartialEq, Eq)]
		pub struct $name(Proof);

		impl $name {
			/// Decodes `c || z`; rejects non-canonical scalars.
			pub fn from_bytes(bytes: &[u8; PROOF_LEN]) -> Result<Self, Error> {
				Proof::from_bytes(bytes).map(Self)
			}

			/// The encoding `c || z`.
			pub fn to_bytes(&self) -> [u8; PROOF_LEN] {
				self.0.to_bytes()
			}
		}

		impl fmt::Debug for $name {
			fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				write!(f, concat!(stringify!($name), "("))?;
				write_hex(f, &self.to_bytes())?;
				write!(f, ")")
			}
		}

		impl Encode for $name {
			fn size_hint(&self) -> usize {
				PROOF_LEN
			}
			fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
				dest.write(&self.to_bytes());
			}
		}

		impl EncodeLike for $name {}

		impl Decode for $name {
			fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
				let mut bytes = [0u8; PROOF_LEN];
				input.read(&mut bytes)?;
				Self::from_bytes(&bytes).map_err(|_| "non-canonical proof scalar".into())
			}
		}

		impl DecodeWithMemTracking for $name {}

		impl MaxEncodedLen for $name {
			fn max_encoded_len() -> usize {
				PROOF_LEN
			}
		}

		impl TypeInfo for $name {
			type Identity = Self;
			fn type_info() -> Type {
				Type::builder()
					.path(Path::new(stringify!($name), module_path!()))
					.docs(&["A proof `c || z`: two canonical scalars, 64 bytes."])
					.composite(
						Fields::unnamed().field(|f| f.ty::<[u8; PROOF_LEN]>().type_name("[u8; 64]")),
					)
			}
		}
	};
}

proof_type!(
	/// Proof of possession of a worker's encryption secret `e` (PROTOCOL.md section 3).
	PossessionProof
);

proof_type!(
	/// Proof of knowledge of a submission's ephemeral secret `r` (PROTOCOL.md section 5).
	DealingProof
);

proof_type!(
	/// DLEQ proof `log_G(E_i) == log_R(K_i)` of a complaint (PROTOCOL.md section 7).
	DleqProof
);

fn pop_challenge(
	genesis: &[u8; 32],
	account: &AccountBytes,
	key: &EncryptionKey,
	a: &RistrettoPoint,
) -> DalekScalar {
	let mut t = Transcript::new(DST_POP);
	t.append(genesis).append(account).append(key.as_bytes()).append(a.compress().as_bytes());
	t.finalize_scalar()
}

impl PossessionProof {
	/// Proves knowledge of `secret` for `key = secret * G`, registered by `account`.
	pub(crate) fn create<R: CryptoRngCore + ?Sized>(
		genesis: &[u8; 32],
		account: &AccountBytes,
		secret: &DalekScalar,
		key: &EncryptionKey,
		rng: &mut R,
	) -> Self {
		let statement = |t: &mut Transcript| {
			t.append(genesis).append(account).append(key.as_bytes());
		};
		Self::create_with_nonce(
			genesis,
			account,
			secret,
			key,
			&hedged_nonce(secret, statement, rng),
		)
	}

	pub(crate) fn create_with_nonce(
		genesis: &[u8; 32],
		account: &AccountBytes,
		secret: &DalekScalar,
		key: &EncryptionKey,
		k: &DalekScalar,
	) -> Self {
		let a = basepoint_table() * k;
		Self(Proof::respond(k, pop_challenge(genesis, account, key, &a), secret))
	}

	/// Verifies the proof for `key` registered by `account` on the chain `genesis`.
	pub fn verify(&self, genesis: &[u8; 32], account: &AccountBytes, key: &EncryptionKey) -> bool {
		let a = self.0.commitment_base(key.as_dalek());
		pop_challenge(genesis, account, key, &a) == self.0.c
	}
}

fn dealing_challenge(
	ctx: &InputContext,
	ephemeral_key: &EphemeralKey,
	commitments: &[Commitment],
	a: &RistrettoPoint,
) -> DalekScalar {
	let mut t = Transcript::new(DST_DEALING);
	ctx.append_to(&mut t);
	t.append(ephemeral_key.as_bytes());
	for c in commitments {
		t.append(c.as_bytes());
	}
	t.append(a.compress().as_bytes());
	t.finalize_scalar()
}

impl DealingProof {
	/// Proves knowledge of `r` for `R = r * G`, bound to the input and its commitments.
	pub(crate) fn create_with_nonce(
		ctx: &InputContext,
		r: &DalekScalar,
		ephemeral_key: &EphemeralKey,
		commitments: &[Commitment],
		k: &DalekScalar,
	) -> Self {
		let a = basepoint_table() * k;
		Self(Proof::respond(k, dealing_challenge(ctx, ephemeral_key, commitments, &a), r))
	}

	/// Verifies the proof for `R` and the commitments of the input `ctx`.
	pub fn verify(
		&self,
		ctx: &InputContext,
		ephemeral_key: &EphemeralKey,
		commitments: &[Commitment],
	) -> bool {
		let a = self.0.commitment_base(ephemeral_key.as_dalek());
		dealing_challenge(ctx, ephemeral_key, commitments, &a) == self.0.c
	}
}

/// The public statement of a DLEQ proof: worker `index` with key `E` claims `K = e * R`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DleqStatement<'a> {
	/// The input the complaint is about.
	pub input: &'a InputContext,
	/// The complaining worker.
	pub index: ParticipantIndex,
	/// Its key `E_i`.
	pub worker_key: &'a EncryptionKey,
	/// The input's `R`.
	pub ephemeral_key: &'a EphemeralKey,
	/// The revealed `K_i`.
	pub shared_key: &'a SharedKey,
}

impl DleqStatement<'_> {
	/// Appends `genesis || u64le(job_id) || P || u32le(i) || E_i || R || K_i`.
	fn append_to(&self, t: &mut Transcript) {
		self.input.append_to(t);
		t.append_u32(self.index.get())
			.append(self.worker_key.as_bytes())
			.append(self.ephemeral_key.as_bytes())
			.append(self.shared_key.as_bytes());
	}

	fn challenge(&self, a: &RistrettoPoint, b: &RistrettoPoint) -> DalekScalar {
		let mut t = Transcript::new(DST_DLEQ);
		self.append_to(&mut t);
		t.append(a.compress().as_bytes()).append(b.compress().as_bytes());
		t.finalize_scalar()
	}
}

impl DleqProof {
	/// A DLEQ proof of `log_G(secret * G) == log_base(secret * base)` with nonce `k`; the
	/// caller's `challenge` hashes its statement with the commitments `A = k G`, `B = k base`.
	pub(crate) fn prove_with(
		secret: &DalekScalar,
		base: &RistrettoPoint,
		k: &DalekScalar,
		challenge: impl FnOnce(&RistrettoPoint, &RistrettoPoint) -> DalekScalar,
	) -> Self {
		let a = basepoint_table() * k;
		let b = base * k;
		Self(Proof::respond(k, challenge(&a, &b), secret))
	}

	/// Verifies a DLEQ proof that `log_G(public) == log_base(image)`, recomputing
	/// `A' = z G - c public` and `B' = z base - c image` for the caller's `challenge`.
	pub(crate) fn verify_with(
		&self,
		public: &RistrettoPoint,
		base: &RistrettoPoint,
		image: &RistrettoPoint,
		challenge: impl FnOnce(&RistrettoPoint, &RistrettoPoint) -> DalekScalar,
	) -> bool {
		let a = self.0.commitment_base(public);
		let b = self.0.commitment(base, image);
		challenge(&a, &b) == self.0.c
	}

	pub(crate) fn create_with_nonce(
		statement: &DleqStatement<'_>,
		secret: &DalekScalar,
		k: &DalekScalar,
	) -> Self {
		Self::prove_with(secret, statement.ephemeral_key.as_dalek(), k, |a, b| {
			statement.challenge(a, b)
		})
	}

	pub(crate) fn create<R: CryptoRngCore + ?Sized>(
		statement: &DleqStatement<'_>,
		secret: &DalekScalar,
		rng: &mut R,
	) -> Self {
		let k = hedged_nonce(secret, |t| statement.append_to(t), rng);
		Self::create_with_nonce(statement, secret, &k)
	}

	/// Verifies the proof for its statement.
	pub fn verify(&self, statement: &DleqStatement<'_>) -> bool {
		self.verify_with(
			statement.worker_key.as_dalek(),
			statement.ephemeral_key.as_dalek(),
			statement.shared_key.as_dalek(),
			|a, b| statement.challenge(a, b),
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use rand_chacha::ChaCha20Rng;
	use rand_core::SeedableRng;

	/// An RNG that repeats itself (a seeded RNG reused, a restored VM snapshot) must not make
	/// two proofs of one secret about two statements share a nonce: from
	/// `z = k + c * secret` twice with one `k`, anyone gets `secret = (z_1 - z_2) / (c_1 - c_2)`.
	#[test]
	fn a_repeating_rng_does_not_reveal_the_secret_of_two_proofs() {
		let secret = DalekScalar::from_bytes_mod_order_wide(&[9u8; 64]);
		let key = EncryptionKey::from_bytes((basepoint_table() * &secret).compress().as_bytes())
			.expect("a key");
		let genesis = [1u8; 32];
		let prove = |account: &AccountBytes| {
			PossessionProof::create(
				&genesis,
				account,
				&secret,
				&key,
				&mut ChaCha20Rng::seed_from_u64(5),
			)
		};
		let (first, second) = (prove(&[2u8; 32]), prove(&[3u8; 32]));
		assert!(first.verify(&genesis, &[2u8; 32], &key));
		assert!(second.verify(&genesis, &[3u8; 32], &key));
		let (p, q) = (first.0, second.0);
		assert_ne!(p.c, q.c);
		let extracted = (p.z - q.z) * (p.c - q.c).invert();
		assert_ne!(extracted, secret, "the two proofs shared a nonce");
		// The same statement with the same randomness does give the same proof (the nonce is
		// a function of secret, statement and randomness only).
		assert!(prove(&[2u8; 32]).0 == p);
	}
}
