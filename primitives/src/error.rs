//! Typed errors, split by layer.
//!
//! [`Error`] is what decoding and the local protocol steps report; [`SubmissionError`] names
//! the acceptance rule of PROTOCOL.md section 5 that a submission breaks (the pallet maps each
//! to its own error); [`ShareError`] is why a worker's share of one input is bad (section 6);
//! [`ComplaintError`] is why a complaint is refused without a verdict (section 7).
//! Variants carry the culprit where there is one, in the protocol's own terms: a commitment
//! by its `j`, a committee member by its [`ParticipantIndex`].

use core::fmt;

use crate::ParticipantIndex;

/// Errors of decoding and of the protocol steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
	/// A scalar encoding is not canonical (`>= l`) or not 32 bytes.
	NonCanonicalScalar,
	/// A point encoding is not a canonical ristretto255 encoding.
	InvalidPoint,
	/// A point that must not be the identity is the identity.
	IdentityPoint,
	/// A participant index is zero, or larger than the committee.
	InvalidIndex,
	/// The same participant index appears twice.
	DuplicateIndex {
		/// The repeated index.
		index: u32,
	},
	/// The threshold does not satisfy `1 <= t < n`.
	InvalidThreshold,
	/// The dimension `d` is zero, or vectors have different lengths.
	InvalidDimension,
	/// A list of commitments does not have `t + 1` entries.
	WrongCommitmentCount,
	/// Not enough shares to reconstruct (fewer than `t + 1`), or none at all.
	NotEnoughShares,
	/// A value lies outside what the encoding or the i128 output type can hold.
	ValueOutOfRange,
	/// A proof does not verify.
	InvalidProof,
	/// A ciphertext does not decrypt under its key and associated data.
	DecryptionFailed,
	/// A decrypted share does not match its commitments.
	ShareCheckFailed,
	/// The result share of worker `index` does not match the aggregate commitments, or has
	/// the wrong dimension.
	InvalidResultShare {
		/// The culprit.
		index: u32,
	},
	/// The reconstructed output does not open `Ĉ_0`.
	OutputCheckFailed,
	/// An input rule that is not valid for the job (PROTOCOL.md section 12.1).
	InvalidRule,
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Error::NonCanonicalScalar => write!(f, "scalar encoding is not canonical"),
			Error::InvalidPoint => write!(f, "point encoding is not canonical ristretto255"),
			Error::IdentityPoint => write!(f, "point must not be the identity"),
			Error::InvalidIndex => write!(f, "participant index out of range"),
			Error::DuplicateIndex { index } => write!(f, "participant index {index} repeated"),
			Error::InvalidThreshold => write!(f, "threshold must satisfy 1 <= t < n"),
			Error::InvalidDimension => write!(f, "dimension is zero or inconsistent"),
			Error::WrongCommitmentCount => write!(f, "expected exactly t + 1 commitments"),
			Error::NotEnoughShares => write!(f, "not enough shares to reconstruct"),
			Error::ValueOutOfRange => write!(f, "value out of range"),
			Error::InvalidProof => write!(f, "proof does not verify"),
			Error::DecryptionFailed => write!(f, "ciphertext does not decrypt"),
			Error::ShareCheckFailed => write!(f, "share does not match its commitments"),
			Error::InvalidResultShare { index } => {
				write!(f, "result share of worker {index} does not verify")
			}
			Error::OutputCheckFailed => write!(f, "output does not open the aggregate commitment"),
			Error::InvalidRule => write!(f, "invalid input rule"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// The acceptance rule of PROTOCOL.md section 5 that a submission breaks. Deliberately not
/// `#[non_exhaustive]`: a new rule must be mapped by every caller (the pallet gives each rule
/// its own error), not fall into a wildcard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmissionError {
	/// Not exactly `t + 1` commitments.
	WrongCommitmentCount,
	/// Commitment `C_j` is not a canonical point encoding.
	BadCommitmentEncoding {
		/// The culprit's `j` (`0..=t`, the power of the polynomials it commits to).
		j: u32,
	},
	/// Not exactly `n` ciphertexts.
	WrongCiphertextCount,
	/// The ciphertext `ct_i` for committee member `i` is not `32 (d + 1) + 16` bytes.
	BadCiphertextLength {
		/// The member whose ciphertext has the wrong length.
		worker: ParticipantIndex,
	},
	/// `R` is not a canonical point encoding.
	BadEphemeralKeyEncoding,
	/// `R` is the identity.
	IdentityEphemeralKey,
	/// The proof of knowledge of `r` does not verify (or its scalars are not canonical).
	BadProof,
	/// An earlier submission to the same job used the same `R`.
	RepeatedEphemeralKey,
}

impl fmt::Display for SubmissionError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			SubmissionError::WrongCommitmentCount => {
				write!(f, "expected exactly t + 1 commitments")
			}
			SubmissionError::BadCommitmentEncoding { j } => {
				write!(f, "commitment C_{j} is not a canonical point")
			}
			SubmissionError::WrongCiphertextCount => write!(f, "expected exactly n ciphertexts"),
			SubmissionError::BadCiphertextLength { worker } => {
				write!(f, "ciphertext for worker {} has the wrong length", worker.get())
			}
			SubmissionError::BadEphemeralKeyEncoding => write!(f, "R is not a canonical point"),
			SubmissionError::IdentityEphemeralKey => write!(f, "R is the identity"),
			SubmissionError::BadProof => write!(f, "proof of knowledge of r does not verify"),
			SubmissionError::RepeatedEphemeralKey => write!(f, "R was used before in this job"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for SubmissionError {}

/// Why a worker's share of one input is bad (PROTOCOL.md section 6): grounds for a complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
	/// The ciphertext does not decrypt (wrong key, tampered bytes or wrong length).
	DecryptionFailed,
	/// The plaintext holds a non-canonical scalar.
	NonCanonicalScalar,
	/// The share does not satisfy the commitment equation.
	CheckFailed,
}

impl fmt::Display for ShareError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ShareError::DecryptionFailed => write!(f, "share ciphertext does not decrypt"),
			ShareError::NonCanonicalScalar => write!(f, "share holds a non-canonical scalar"),
			ShareError::CheckFailed => write!(f, "share does not match the commitments"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for ShareError {}

/// Why the chain refuses a complaint without a verdict (PROTOCOL.md section 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplaintError {
	/// The revealed `K_i` is not a canonical, non-identity point encoding.
	BadSharedKeyEncoding,
	/// The DLEQ proof holds a non-canonical scalar.
	BadProofEncoding,
	/// The DLEQ proof does not verify.
	InvalidProof,
}

impl fmt::Display for ComplaintError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ComplaintError::BadSharedKeyEncoding => write!(f, "K is not a canonical point"),
			ComplaintError::BadProofEncoding => write!(f, "the proof is not canonically encoded"),
			ComplaintError::InvalidProof => write!(f, "the DLEQ proof does not verify"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for ComplaintError {}

impl From<ShareError> for Error {
	fn from(e: ShareError) -> Self {
		match e {
			ShareError::DecryptionFailed => Error::DecryptionFailed,
			ShareError::NonCanonicalScalar => Error::NonCanonicalScalar,
			ShareError::CheckFailed => Error::ShareCheckFailed,
		}
	}
}
