//! Dealing an input (PROTOCOL.md section 5): the data provider's side, and the chain's
//! acceptance check of a submission (the last paragraph of section 5).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use curve25519_dalek::scalar::Scalar as DalekScalar;
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::{
	encryption::{ciphertext_len, derive_key, encrypt_share, share_aad},
	generators::basepoint_table,
	pedersen::commit,
	proof::{DealingProof, PROOF_LEN},
	shamir::{ParticipantIndex, Polynomial},
	value::encode_value,
	Commitment, EncryptionKey, EphemeralKey, Error, InputContext, Point, Scalar, Share,
	SharedSecret, SubmissionError,
};

/// The largest committee this crate accepts. Runtimes set their own, smaller bounds.
pub const MAX_COMMITTEE: u32 = 1024;
/// The largest dimension this crate accepts, so every length fits comfortably in a `u32`.
pub const MAX_DIMENSION: u32 = 1024;

/// The public shape of a job: committee size `n`, threshold `t` and dimension `d`, with
/// `1 <= t < n <= MAX_COMMITTEE` and `1 <= d <= MAX_DIMENSION`.
///
/// SCALE-encoded as three `u32`; decoding re-checks the invariants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, TypeInfo, MaxEncodedLen)]
pub struct JobShape {
	n: u32,
	t: u32,
	d: u32,
}

impl JobShape {
	/// Checks `1 <= t < n <= MAX_COMMITTEE` and `1 <= d <= MAX_DIMENSION`.
	pub fn new(n: u32, t: u32, d: u32) -> Result<Self, Error> {
		if t == 0 || t >= n || n > MAX_COMMITTEE {
			return Err(Error::InvalidThreshold);
		}
		if d == 0 || d > MAX_DIMENSION {
			return Err(Error::InvalidDimension);
		}
		Ok(Self { n, t, d })
	}

	/// Worker index `i` of this committee: `1 <= i <= n`.
	pub fn index(&self, i: u32) -> Result<ParticipantIndex, Error> {
		ParticipantIndex::within(i, self.n)
	}

	/// Committee size `n`.
	pub fn n(&self) -> u32 {
		self.n
	}

	/// Threshold `t`: `t + 1` workers reconstruct.
	pub fn t(&self) -> u32 {
		self.t
	}

	/// Dimension `d`.
	pub fn d(&self) -> u32 {
		self.d
	}

	/// Length of each ciphertext: `32 (d + 1) + 16`.
	pub fn ciphertext_len(&self) -> usize {
		ciphertext_len(self.d as usize)
	}
}

impl Decode for JobShape {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let (n, t, d) = <(u32, u32, u32)>::decode(input)?;
		Self::new(n, t, d).map_err(|_| "invalid job shape".into())
	}
}

impl DecodeWithMemTracking for JobShape {}

/// A submission as it goes on chain (PROTOCOL.md section 5, step 6), in wire form.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Submission {
	/// `R = r * G`.
	pub ephemeral_key: [u8; 32],
	/// The proof of knowledge of `r`, `c || z`.
	pub proof: [u8; PROOF_LEN],
	/// `C_0..C_t`.
	pub commitments: Vec<[u8; 32]>,
	/// `ct_1..ct_n`, in committee order.
	pub ciphertexts: Vec<Vec<u8>>,
}

impl Submission {
	/// The submission as borrowed parts, for [`verify_submission`].
	pub fn as_parts(&self) -> SubmissionParts<'_, Vec<u8>> {
		SubmissionParts {
			ephemeral_key: &self.ephemeral_key,
			proof: &self.proof,
			commitments: &self.commitments,
			ciphertexts: &self.ciphertexts,
		}
	}
}

/// A submission's parts, borrowed from wherever they are (the pallet's bounded vectors).
#[derive(Clone, Copy, Debug)]
pub struct SubmissionParts<'a, C> {
	/// `R`, undecoded.
	pub ephemeral_key: &'a [u8; 32],
	/// The proof, undecoded.
	pub proof: &'a [u8; PROOF_LEN],
	/// The commitments, undecoded.
	pub commitments: &'a [[u8; 32]],
	/// The ciphertexts.
	pub ciphertexts: &'a [C],
}

/// The secret randomness of one dealing. Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct DealingRandomness {
	/// `a_{l,1..t}` for every component `l`.
	pub(crate) coefficients: Vec<Vec<Scalar>>,
	/// `b_0..b_t`.
	pub(crate) blinding: Vec<Scalar>,
	/// The ephemeral secret `r`; never zero.
	pub(crate) r: DalekScalar,
	/// The proof nonce `k`.
	pub(crate) k: DalekScalar,
}

impl DealingRandomness {
	pub(crate) fn random<R: CryptoRngCore + ?Sized>(shape: JobShape, rng: &mut R) -> Self {
		let t = shape.t as usize;
		let coefficients =
			(0..shape.d).map(|_| (0..t).map(|_| Scalar::random(rng)).collect()).collect();
		let blinding = (0..=t).map(|_| Scalar::random(rng)).collect();
		let mut r = DalekScalar::random(rng);
		while r == DalekScalar::ZERO {
			r = DalekScalar::random(rng);
		}
		let k = DalekScalar::random(rng);
		Self { coefficients, blinding, r, k }
	}
}

/// Deals `values` (one per dimension) to the committee `E_1..E_n` with threshold `t`, for the
/// input `ctx` (PROTOCOL.md section 5). The result is ready to submit.
///
/// The values never leave this function unencrypted; all secret randomness comes from `rng`,
/// which must be a cryptographically secure generator.
pub fn deal<R: CryptoRngCore + ?Sized>(
	ctx: &InputContext,
	committee: &[EncryptionKey],
	t: u32,
	values: &[i128],
	rng: &mut R,
) -> Result<Submission, Error> {
	let n = u32::try_from(committee.len()).map_err(|_| Error::InvalidThreshold)?;
	let d = u32::try_from(values.len()).map_err(|_| Error::InvalidDimension)?;
	let shape = JobShape::new(n, t, d)?;
	deal_with_randomness(ctx, committee, values, DealingRandomness::random(shape, rng))
}

/// [`deal`] with the randomness given: for test vectors only.
pub(crate) fn deal_with_randomness(
	ctx: &InputContext,
	committee: &[EncryptionKey],
	values: &[i128],
	randomness: DealingRandomness,
) -> Result<Submission, Error> {
	if randomness.coefficients.len() != values.len() || values.is_empty() {
		return Err(Error::InvalidDimension);
	}
	let t = randomness.blinding.len().checked_sub(1).ok_or(Error::InvalidThreshold)?;
	if t == 0 || t >= committee.len() {
		return Err(Error::InvalidThreshold);
	}
	let polynomials = values
		.iter()
		.zip(&randomness.coefficients)
		.map(|(x, a)| {
			let mut coefficients = Vec::with_capacity(t + 1);
			coefficients.push(encode_value(*x));
			coefficients.extend_from_slice(a);
			Polynomial::from_coefficients(coefficients)
				.filter(|f| f.degree() as usize == t)
				.ok_or(Error::InvalidThreshold)
		})
		.collect::<Result<Vec<Polynomial>, Error>>()?;
	let blinding = Polynomial::from_coefficients(randomness.blinding.clone())
		.ok_or(Error::InvalidThreshold)?;
	let commitments = commit(&polynomials, &blinding)?;

	if randomness.r == DalekScalar::ZERO {
		return Err(Error::IdentityPoint);
	}
	let ephemeral_key = EphemeralKey::new_unchecked(Point::from(basepoint_table() * &randomness.r));
	let proof = DealingProof::create_with_nonce(
		ctx,
		&randomness.r,
		&ephemeral_key,
		&commitments,
		&randomness.k,
	);

	let ciphertexts = ParticipantIndex::all(committee.len() as u32)
		.zip(committee)
		.map(|(i, worker_key)| {
			let share = Share::new(
				polynomials.iter().map(|f| f.evaluate(i)).collect(),
				blinding.evaluate(i),
			)?;
			let shared = SharedSecret::multiply(worker_key.as_dalek(), &randomness.r);
			let key = derive_key(ctx, i, &ephemeral_key, worker_key, shared.as_bytes());
			Ok(encrypt_share(&key, &share_aad(ctx, i), &share))
		})
		.collect::<Result<Vec<Vec<u8>>, Error>>()?;

	Ok(Submission {
		ephemeral_key: ephemeral_key.to_bytes(),
		proof: proof.to_bytes(),
		commitments: commitments.iter().map(|c| c.to_bytes()).collect(),
		ciphertexts,
	})
}

/// A submission that passed [`verify_submission`], decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedSubmission {
	/// `R`.
	pub ephemeral_key: EphemeralKey,
	/// `C_0..C_t`.
	pub commitments: Vec<Commitment>,
}

/// The chain's acceptance check of a submission (PROTOCOL.md section 5, last paragraph),
/// job state aside: exactly `t + 1` canonical commitments, `n` ciphertexts of exactly
/// `32 (d + 1) + 16` bytes, `R` canonical and not the identity, not used before in this job
/// (`is_repeated`), and a valid proof of knowledge of `r`.
///
/// Cheap checks run first; the proof, the only expensive one, last.
pub fn verify_submission<C: AsRef<[u8]>>(
	ctx: &InputContext,
	shape: JobShape,
	submission: SubmissionParts<'_, C>,
	is_repeated: impl FnOnce(&EphemeralKey) -> bool,
) -> Result<AcceptedSubmission, SubmissionError> {
	if submission.commitments.len() != shape.t as usize + 1 {
		return Err(SubmissionError::WrongCommitmentCount);
	}
	if submission.ciphertexts.len() != shape.n as usize {
		return Err(SubmissionError::WrongCiphertextCount);
	}
	let expected = shape.ciphertext_len();
	if let Some(i) = submission.ciphertexts.iter().position(|c| c.as_ref().len() != expected) {
		return Err(SubmissionError::BadCiphertextLength {
			worker: ParticipantIndex::from_position(i),
		});
	}
	let ephemeral_key = match EphemeralKey::from_bytes(submission.ephemeral_key) {
		Ok(r) => r,
		Err(Error::IdentityPoint) => return Err(SubmissionError::IdentityEphemeralKey),
		Err(_) => return Err(SubmissionError::BadEphemeralKeyEncoding),
	};
	let commitments = submission
		.commitments
		.iter()
		.enumerate()
		.map(|(j, c)| {
			Commitment::from_bytes(c)
				.map_err(|_| SubmissionError::BadCommitmentEncoding { j: j as u32 })
		})
		.collect::<Result<Vec<Commitment>, SubmissionError>>()?;
	if is_repeated(&ephemeral_key) {
		return Err(SubmissionError::RepeatedEphemeralKey);
	}
	let proof =
		DealingProof::from_bytes(submission.proof).map_err(|_| SubmissionError::BadProof)?;
	if !proof.verify(ctx, &ephemeral_key, &commitments) {
		return Err(SubmissionError::BadProof);
	}
	Ok(AcceptedSubmission { ephemeral_key, commitments })
}
