//! The worker's side: its encryption secret `e_i`, opening and checking its shares
//! (PROTOCOL.md section 6), and complaints (section 7) with the chain's judgement of them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use curve25519_dalek::scalar::Scalar as DalekScalar;
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::{
	dkg::{open_key_share, DealerContext, KeyDleqStatement, KEY_SHARE_CIPHERTEXT_LEN},
	encryption::{decrypt_share, derive_key, share_aad},
	generators::basepoint_table,
	pedersen::{verify_public_opening, verify_share},
	proof::{hedged_nonce, DleqProof, DleqStatement, PossessionProof},
	shamir::ParticipantIndex,
	AccountBytes, Commitment, ComplaintError, EncryptionKey, EphemeralKey, Error, InputContext,
	Point, Scalar, Share, ShareError, SharedKey, SharedSecret,
};

/// Domain tag of the key that seals a worker's running sum of its shares in its own node's
/// storage ([`WorkerSecret::seal_local`]). Local: not part of the wire protocol.
pub const DST_LOCAL_SUM: &[u8] = b"substrate-mpc/v1/local/running-sum";

/// Length of the random salt in front of what [`WorkerSecret::seal_local`] seals.
const LOCAL_SALT_LEN: usize = 32;

/// A worker's encryption secret `e` with its public key `E = e * G`.
///
/// Never zero; zeroized on drop; `Debug` prints only the public key.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct WorkerSecret {
	secret: DalekScalar,
	#[zeroize(skip)]
	public: EncryptionKey,
}

impl WorkerSecret {
	fn from_scalar(secret: DalekScalar) -> Result<Self, Error> {
		let public = EncryptionKey::try_from(Point::from(basepoint_table() * &secret))?;
		Ok(Self { secret, public })
	}

	/// A fresh random secret.
	pub fn random<R: CryptoRngCore + ?Sized>(rng: &mut R) -> Self {
		loop {
			if let Ok(secret) = Self::from_scalar(DalekScalar::random(rng)) {
				return secret;
			}
		}
	}

	/// A secret from its canonical encoding; zero is rejected.
	pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, Error> {
		let scalar = Zeroizing::new(crate::Scalar::from_canonical_bytes(*bytes)?);
		Self::from_scalar(scalar.0)
	}

	/// A secret derived from 64 uniformly random bytes (reduced mod `l`), e.g. the output of
	/// a key-derivation function; zero is rejected.
	pub fn from_uniform_bytes(bytes: &[u8; 64]) -> Result<Self, Error> {
		Self::from_scalar(DalekScalar::from_bytes_mod_order_wide(bytes))
	}

	/// The canonical encoding of `e`. Secret: keep it in a keystore.
	pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
		Zeroizing::new(self.secret.to_bytes())
	}

	/// `E = e * G`.
	pub fn public_key(&self) -> &EncryptionKey {
		&self.public
	}

	/// Proof of possession of `e`, for registering `E` from `account` (section 3).
	pub fn prove_possession<R: CryptoRngCore + ?Sized>(
		&self,
		genesis: &[u8; 32],
		account: &AccountBytes,
		rng: &mut R,
	) -> PossessionProof {
		PossessionProof::create(genesis, account, &self.secret, &self.public, rng)
	}

	/// Seals `sum`, a sum of this worker's shares (secret), for its own node's storage:
	/// ChaCha20-Poly1305 with the zero nonce under the key `SHA-512(DST_LOCAL_SUM || e ||
	/// salt)[..32]`, which a fresh random 32-byte salt makes single-use, with `context` as
	/// associated data. Returns `salt || ciphertext`. Only this secret opens it, and only with
	/// the same `context` ([`Self::open_local`]).
	pub fn seal_local<R: CryptoRngCore + ?Sized>(
		&self,
		context: &[u8],
		sum: &Share,
		rng: &mut R,
	) -> alloc::vec::Vec<u8> {
		let mut salt = [0u8; LOCAL_SALT_LEN];
		rng.fill_bytes(&mut salt);
		let key = self.local_key(&salt);
		let mut sealed = salt.to_vec();
		sealed.extend_from_slice(&crate::encryption::encrypt_share(&key, context, sum));
		sealed
	}

	/// Opens what [`Self::seal_local`] sealed for `context`, a share of dimension `d`; `None`
	/// if it was sealed by another secret or for another context, or altered.
	pub fn open_local(&self, context: &[u8], sealed: &[u8], d: usize) -> Option<Share> {
		let (salt, ciphertext) = sealed.split_first_chunk::<LOCAL_SALT_LEN>()?;
		let key = self.local_key(salt);
		decrypt_share(&key, context, ciphertext, d).ok()
	}

	fn local_key(&self, salt: &[u8; LOCAL_SALT_LEN]) -> Zeroizing<[u8; 32]> {
		let e = self.to_bytes();
		let mut input = Zeroizing::new(alloc::vec::Vec::with_capacity(
			DST_LOCAL_SUM.len() + 32 + LOCAL_SALT_LEN,
		));
		input.extend_from_slice(DST_LOCAL_SUM);
		input.extend_from_slice(e.as_ref());
		input.extend_from_slice(salt);
		let wide = Zeroizing::new(crate::hash::sha512(&input));
		// The first 32 of the 64 bytes.
		let mut key = Zeroizing::new([0u8; 32]);
		for (k, w) in key.iter_mut().zip(wide.iter()) {
			*k = *w;
		}
		key
	}

	/// `K = e * R`, secret until a complaint publishes it.
	pub fn shared_secret(&self, ephemeral_key: &EphemeralKey) -> SharedSecret {
		// e != 0 and R is not the identity, so K is not the identity.
		SharedSecret::multiply(ephemeral_key.as_dalek(), &self.secret)
	}

	/// Decrypts worker `index`'s share of the input `ctx` with ephemeral key `R`
	/// (PROTOCOL.md section 6, first half).
	pub fn open_share(
		&self,
		ctx: &InputContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		ciphertext: &[u8],
		d: usize,
	) -> Result<Share, ShareError> {
		let shared = self.shared_secret(ephemeral_key);
		let key = derive_key(ctx, index, ephemeral_key, &self.public, shared.as_bytes());
		decrypt_share(&key, &share_aad(ctx, index), ciphertext, d)
	}

	/// Decrypts and checks worker `index`'s share of an input against its commitments
	/// (PROTOCOL.md section 6). A bad share is grounds for a complaint.
	pub fn open_and_check_share(
		&self,
		ctx: &InputContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		ciphertext: &[u8],
		commitments: &[Commitment],
		d: usize,
	) -> Result<Share, ShareError> {
		let share = self.open_share(ctx, index, ephemeral_key, ciphertext, d)?;
		if verify_share(index, &share, commitments) {
			Ok(share)
		} else {
			Err(ShareError::CheckFailed)
		}
	}

	/// A complaint against the input `ctx` with ephemeral key `R`: `K_i` and the DLEQ proof
	/// (PROTOCOL.md section 7).
	///
	/// Publishing `K_i = e_i R` is safe only for an `R` that the chain accepted with a proof of
	/// knowledge of `r` (section 5): never call this for an `R` taken from anywhere else, or
	/// it becomes a Diffie-Hellman oracle on `e_i`.
	pub fn complain<R: CryptoRngCore + ?Sized>(
		&self,
		ctx: &InputContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		rng: &mut R,
	) -> Complaint {
		let shared_key = self.shared_secret(ephemeral_key).into_public();
		let statement = DleqStatement {
			input: ctx,
			index,
			worker_key: &self.public,
			ephemeral_key,
			shared_key: &shared_key,
		};
		let proof = DleqProof::create(&statement, &self.secret, rng);
		Complaint { shared_key, proof }
	}

	/// Decrypts and checks member `index`'s key share of the dealing of `ctx.dealer` with
	/// ephemeral key `R`, ciphertext and Feldman commitments as on chain (PROTOCOL.md section
	/// 11.3). A bad share is grounds for [`WorkerSecret::complain_key_dealing`].
	pub fn open_key_share(
		&self,
		ctx: &DealerContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		ciphertext: &[u8; KEY_SHARE_CIPHERTEXT_LEN],
		commitments: &[Point],
	) -> Result<Zeroizing<Scalar>, ShareError> {
		let shared = self.shared_secret(ephemeral_key);
		open_key_share(
			ctx,
			index,
			ephemeral_key,
			&self.public,
			shared.as_bytes(),
			ciphertext,
			commitments,
		)
	}

	/// A complaint against the dealing of `ctx.dealer` with ephemeral key `R`: `K_{j,i}` and
	/// the DLEQ proof (PROTOCOL.md section 11.3). As with [`WorkerSecret::complain`], only for
	/// an `R` the chain accepted with its proof of knowledge.
	pub fn complain_key_dealing<R: CryptoRngCore + ?Sized>(
		&self,
		ctx: &DealerContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		rng: &mut R,
	) -> Complaint {
		self.complain_key_dealing_with_nonce(
			ctx,
			index,
			ephemeral_key,
			&hedged_nonce(
				&self.secret,
				|t| {
					ctx.append_to(t);
					t.append_u32(index.get()).append(ephemeral_key.as_bytes());
				},
				rng,
			),
		)
	}

	pub(crate) fn complain_key_dealing_with_nonce(
		&self,
		ctx: &DealerContext,
		index: ParticipantIndex,
		ephemeral_key: &EphemeralKey,
		k: &DalekScalar,
	) -> Complaint {
		let shared_key = self.shared_secret(ephemeral_key).into_public();
		let statement = KeyDleqStatement {
			ctx,
			index,
			member_key: &self.public,
			ephemeral_key,
			shared_key: &shared_key,
		};
		let proof = DleqProof::prove_with(&self.secret, ephemeral_key.as_dalek(), k, |a, b| {
			statement.challenge(a, b)
		});
		Complaint { shared_key, proof }
	}

	/// A DLEQ proof that `log_G(E) == log_base(e * base)`, with a hedged nonce over
	/// `statement` and the caller's `challenge` (section 14.5's complaints).
	pub(crate) fn prove_dleq<R: CryptoRngCore + ?Sized>(
		&self,
		base: &curve25519_dalek::ristretto::RistrettoPoint,
		statement: impl FnOnce(&mut crate::hash::Transcript),
		rng: &mut R,
		challenge: impl FnOnce(
			&curve25519_dalek::ristretto::RistrettoPoint,
			&curve25519_dalek::ristretto::RistrettoPoint,
		) -> DalekScalar,
	) -> DleqProof {
		let k = hedged_nonce(&self.secret, statement, rng);
		DleqProof::prove_with(&self.secret, base, &k, challenge)
	}

	#[cfg(test)]
	pub(crate) fn secret_scalar(&self) -> &DalekScalar {
		&self.secret
	}
}

impl ConstantTimeEq for WorkerSecret {
	fn ct_eq(&self, other: &Self) -> subtle::Choice {
		self.secret.ct_eq(&other.secret)
	}
}

impl fmt::Debug for WorkerSecret {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "WorkerSecret {{ public: {:?}, secret: <redacted> }}", self.public)
	}
}

/// A complaint as it goes on chain: the revealed `K_i` and the DLEQ proof.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Complaint {
	/// `K_i = e_i * R`.
	pub shared_key: SharedKey,
	/// Proof that `log_G(E_i) == log_R(K_i)`.
	pub proof: DleqProof,
}

impl Complaint {
	/// Decodes a complaint as the chain receives it, `K` and the proof undecoded: the
	/// malformed-complaint errors shared by sections 7 and 11.3.
	pub(crate) fn decode_parts(
		shared_key: &[u8; 32],
		proof: &[u8; 64],
	) -> Result<(SharedKey, DleqProof), ComplaintError> {
		let shared_key =
			SharedKey::from_bytes(shared_key).map_err(|_| ComplaintError::BadSharedKeyEncoding)?;
		let proof = DleqProof::from_bytes(proof).map_err(|_| ComplaintError::BadProofEncoding)?;
		Ok((shared_key, proof))
	}
}

/// The chain's own state for judging a complaint: never taken from the complaint itself.
#[derive(Clone, Copy, Debug)]
pub struct ComplaintSubject<'a> {
	/// The input complained about.
	pub input: &'a InputContext,
	/// The complaining worker's index.
	pub index: ParticipantIndex,
	/// The complaining worker's key `E_i`, as snapshotted for the job.
	pub worker_key: &'a EncryptionKey,
	/// The input's `R`.
	pub ephemeral_key: &'a EphemeralKey,
	/// The input's commitments `C_0..C_t`.
	pub commitments: &'a [Commitment],
	/// The input's ciphertext for this worker.
	pub ciphertext: &'a [u8],
	/// The job's dimension `d`.
	pub dimension: usize,
}

/// What every complaint against a key share comes to (sections 11.3 and 14.5): decode `K`
/// and the proof, verify that `log_G(member_key) == log_{ephemeral_key}(K)` with the
/// section's `challenge` (given `K` and the commitments), then let `open` decrypt and check the
/// share with the now public `K`. `Err` means the complaint is malformed: no verdict.
pub(crate) fn judge_revealed_share<S>(
	shared_key: &[u8; 32],
	proof: &[u8; 64],
	member_key: &EncryptionKey,
	ephemeral_key: &EphemeralKey,
	challenge: impl FnOnce(
		&SharedKey,
		&curve25519_dalek::ristretto::RistrettoPoint,
		&curve25519_dalek::ristretto::RistrettoPoint,
	) -> DalekScalar,
	open: impl FnOnce(&SharedKey) -> Result<S, ShareError>,
) -> Result<ComplaintVerdict, ComplaintError> {
	let (shared_key, proof) = Complaint::decode_parts(shared_key, proof)?;
	let verified = proof.verify_with(
		member_key.as_dalek(),
		ephemeral_key.as_dalek(),
		shared_key.as_dalek(),
		|a, b| challenge(&shared_key, a, b),
	);
	if !verified {
		return Err(ComplaintError::InvalidProof);
	}
	// Once K is public, so is this share.
	Ok(match open(&shared_key) {
		Ok(_) => ComplaintVerdict::WorkerAtFault,
		Err(reason) => ComplaintVerdict::InputDisqualified { reason },
	})
}

/// The outcome of a complaint whose proof verifies (PROTOCOL.md section 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplaintVerdict {
	/// The share is bad: the input is disqualified.
	InputDisqualified {
		/// What is wrong with the share.
		reason: ShareError,
	},
	/// The share is good: the complaint is false and the worker is at fault.
	WorkerAtFault,
}

/// Judges a complaint (PROTOCOL.md section 7): verifies the DLEQ proof for the revealed
/// `K_i`, then decrypts and checks the share itself.
///
/// `Err` means the complaint is malformed (bad encoding of `K_i` or of the proof, or a proof
/// that does not verify); the chain rejects it without a verdict.
pub fn judge_complaint(
	subject: &ComplaintSubject<'_>,
	shared_key: &[u8; 32],
	proof: &[u8; 64],
) -> Result<ComplaintVerdict, ComplaintError> {
	let (shared_key, proof) = Complaint::decode_parts(shared_key, proof)?;
	let statement = DleqStatement {
		input: subject.input,
		index: subject.index,
		worker_key: subject.worker_key,
		ephemeral_key: subject.ephemeral_key,
		shared_key: &shared_key,
	};
	if !proof.verify(&statement) {
		return Err(ComplaintError::InvalidProof);
	}
	let key = derive_key(
		subject.input,
		subject.index,
		subject.ephemeral_key,
		subject.worker_key,
		shared_key.as_bytes(),
	);
	let aad = share_aad(subject.input, subject.index);
	// Once K_i is public, so is this share: the variable-time check is fine here.
	let verdict = match decrypt_share(&key, &aad, subject.ciphertext, subject.dimension) {
		Err(reason) => ComplaintVerdict::InputDisqualified { reason },
		Ok(share) => {
			if verify_public_opening(
				subject.index,
				share.values(),
				share.blinding(),
				subject.commitments,
			) {
				ComplaintVerdict::WorkerAtFault
			} else {
				ComplaintVerdict::InputDisqualified { reason: ShareError::CheckFailed }
			}
		}
	};
	Ok(verdict)
}
