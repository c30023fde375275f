//! Input validity proofs (PROTOCOL.md section 12): the rule a job states for its inputs, and
//! the proofs that an input obeys it, bound to the input's context `(genesis, job, provider)`
//! and to its commitment `C_0`.
//!
//! - One-hot (section 12.2): a disjunctive (Cramer-Damgard-Schoenmakers) Schnorr proof that
//!   `C_0 - G_k = b_0 * H` for one `k` (or `C_0 = b_0 * H`, an abstention), which says that
//!   the committed vector is a ballot without saying which. The prover treats the chosen
//!   branch as the secret it is: every branch is computed the same way and the real one is
//!   selected in constant time.
//! - Range (section 12.3): Bulletproofs, in [`crate::range`].

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use curve25519_dalek::{
	ristretto::RistrettoPoint, scalar::Scalar as DalekScalar, traits::VartimeMultiscalarMul,
};
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use subtle::{ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroizing;

use crate::{
	dealer::{deal_with_randomness, DealingRandomness},
	domain::DST_ONEHOT,
	generators::{blinding_generator, blinding_table, value_generator},
	hash::Transcript,
	proof::hedged_nonce,
	range::{prove_range, range_bits, range_proof_len, verify_range},
	Commitment, EncryptionKey, Error, InputContext, JobShape, Submission,
};

/// What a job accepts as an input (PROTOCOL.md section 12.1). Its SCALE encoding is the
/// `rule` every proof hashes. `Bounds` holds the range rule's `(lo_l, hi_l)` pairs: a `Vec`
/// here, a bounded vector in a runtime's storage; both encode alike.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum InputRule<Bounds = Vec<(i128, i128)>> {
	/// Any value: protocol v1, no proof.
	None,
	/// `lo_l <= x_l <= hi_l` for every component `l`, one `(lo_l, hi_l)` per component.
	Range(Bounds),
	/// A ballot: one component is 1 and the others 0; with `abstain`, all 0 as well.
	OneHot {
		/// Whether the all-zero vector (an abstention) is allowed.
		abstain: bool,
	},
}

impl<B: AsRef<[(i128, i128)]>> InputRule<B> {
	/// Checks the rule for a job of dimension `d` (section 12.1): a range rule has `d` bound
	/// pairs, each with `lo <= hi` and `hi - lo < 2^64`.
	pub fn check(&self, d: u32) -> Result<(), Error> {
		match self {
			InputRule::Range(bounds) => {
				let bounds = bounds.as_ref();
				if bounds.len() != d as usize || range_bits(bounds).is_none() {
					return Err(Error::InvalidRule);
				}
				Ok(())
			}
			InputRule::None | InputRule::OneHot { .. } => Ok(()),
		}
	}

	/// The same rule with its bounds in a `Vec`, as the provers and verifiers take it.
	pub fn to_vec(&self) -> InputRule {
		match self {
			InputRule::None => InputRule::None,
			InputRule::Range(bounds) => InputRule::Range(bounds.as_ref().to_vec()),
			InputRule::OneHot { abstain } => InputRule::OneHot { abstain: *abstain },
		}
	}

	/// The length of every valid proof under this rule for dimension `d`: 0 for `None`,
	/// `64 m` for one-hot, section 12.3's for a range; `None` for a rule [`Self::check`]
	/// refuses.
	pub fn proof_len(&self, d: u32) -> Option<usize> {
		self.check(d).ok()?;
		match self {
			InputRule::None => Some(0),
			InputRule::OneHot { abstain } => Some(64 * (d as usize + usize::from(*abstain))),
			InputRule::Range(bounds) => {
				Some(range_proof_len(d as usize, range_bits(bounds.as_ref())?))
			}
		}
	}
}

/// The longest valid proof of any rule for a job of dimension at most `max_d`: a range proof
/// at 64 bits and dimension `max_d`, or a one-hot proof with abstention, whichever is longer.
pub fn max_proof_len(max_d: u32) -> usize {
	let range = range_proof_len(max_d.max(1) as usize, 64);
	range.max(64 * (max_d as usize + 1))
}

/// A one-hot proof (section 12.2): a challenge `c_k` and a response `z_k` per branch.
#[derive(Clone, PartialEq, Eq)]
pub struct OneHotProof {
	challenges: Vec<DalekScalar>,
	responses: Vec<DalekScalar>,
}

impl OneHotProof {
	/// `c_0 || ... || c_{m-1} || z_0 || ... || z_{m-1}`, 64 `m` bytes.
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(64 * self.challenges.len());
		for s in self.challenges.iter().chain(&self.responses) {
			out.extend_from_slice(s.as_bytes());
		}
		out
	}

	/// Decodes a proof of `branches` branches; every scalar must be canonical.
	pub fn from_bytes(bytes: &[u8], branches: usize) -> Result<Self, Error> {
		if branches == 0 || bytes.len() != 64 * branches {
			return Err(Error::InvalidProof);
		}
		let scalars = bytes
			.chunks_exact(32)
			.map(|chunk| crate::Scalar::from_canonical_slice(chunk).map(|s| s.0))
			.collect::<Result<Vec<_>, _>>()?;
		let (challenges, responses) = scalars.split_at(branches);
		Ok(Self { challenges: challenges.to_vec(), responses: responses.to_vec() })
	}
}

/// The branches `D_k = C_0 - G_k` for `k < d`, and `D_d = C_0` with `abstain`.
pub(crate) fn branches(commitment: &RistrettoPoint, d: u32, abstain: bool) -> Vec<RistrettoPoint> {
	let mut out: Vec<RistrettoPoint> = (0..d).map(|k| commitment - value_generator(k)).collect();
	if abstain {
		out.push(*commitment);
	}
	out
}

fn one_hot_challenge(
	ctx: &InputContext,
	abstain: bool,
	commitment: &Commitment,
	a: &[RistrettoPoint],
) -> DalekScalar {
	let mut t = Transcript::new(DST_ONEHOT);
	ctx.append_to(&mut t);
	t.append(&InputRule::<Vec<(i128, i128)>>::OneHot { abstain }.encode())
		.append(commitment.as_bytes());
	for point in a {
		t.append(point.compress().as_bytes());
	}
	t.finalize_scalar()
}

/// Proves that `commitment` (an input's `C_0`, dimension `d`, constant blinding `b0`) is the
/// ballot `choice`: `Some(k)` for `e_k`, `None` for an abstention (allowed only with
/// `abstain`). Fails with [`Error::ValueOutOfRange`] if the commitment is not that ballot.
pub fn prove_one_hot<R: CryptoRngCore + ?Sized>(
	ctx: &InputContext,
	d: u32,
	abstain: bool,
	commitment: &Commitment,
	choice: Option<u32>,
	b0: &DalekScalar,
	rng: &mut R,
) -> Result<OneHotProof, Error> {
	let j = match choice {
		Some(k) if k < d => k,
		None if abstain => d,
		_ => return Err(Error::ValueOutOfRange),
	};
	let d_points = branches(commitment.as_dalek(), d, abstain);
	let real = d_points.get(j as usize).ok_or(Error::ValueOutOfRange)?;
	if !bool::from((blinding_table() * b0).ct_eq(real)) {
		return Err(Error::ValueOutOfRange);
	}
	let statement = |t: &mut Transcript| {
		ctx.append_to(t);
		t.append(commitment.as_bytes());
	};
	let rho = hedged_nonce(b0, statement, rng);
	let simulated: Vec<(DalekScalar, DalekScalar)> =
		d_points.iter().map(|_| (DalekScalar::random(rng), DalekScalar::random(rng))).collect();
	Ok(one_hot_with_randomness(ctx, abstain, commitment, &d_points, j, b0, &rho, &simulated))
}

/// The one-hot proof of branch `j` of `d_points` with the randomness given: `rho` for the real
/// branch, `(c_k, z_k)` for every branch (the real branch's pair is ignored, but drawn all the
/// same so that nothing depends on `j`). For [`prove_one_hot`] and the test vectors.
#[allow(clippy::too_many_arguments)]
pub(crate) fn one_hot_with_randomness(
	ctx: &InputContext,
	abstain: bool,
	commitment: &Commitment,
	d_points: &[RistrettoPoint],
	j: u32,
	b0: &DalekScalar,
	rho: &DalekScalar,
	simulated: &[(DalekScalar, DalekScalar)],
) -> OneHotProof {
	let h = blinding_generator();
	// Every branch simulated; the real one's commitment replaced, in constant time.
	let mut challenges: Vec<DalekScalar> = Vec::with_capacity(d_points.len());
	let mut responses: Vec<DalekScalar> = Vec::with_capacity(d_points.len());
	let mut a: Vec<RistrettoPoint> = Vec::with_capacity(d_points.len());
	let real_a = blinding_table() * rho;
	for (k, (point, (c, z))) in d_points.iter().zip(simulated).enumerate() {
		let is_real = (k as u32).ct_eq(&j);
		let simulated = h * z - point * c;
		a.push(RistrettoPoint::conditional_select(&simulated, &real_a, is_real));
		challenges.push(*c);
		responses.push(*z);
	}
	let c = one_hot_challenge(ctx, abstain, commitment, &a);
	let mut others = DalekScalar::ZERO;
	for (k, c_k) in challenges.iter().enumerate() {
		let is_real = (k as u32).ct_eq(&j);
		others += DalekScalar::conditional_select(c_k, &DalekScalar::ZERO, is_real);
	}
	let c_j = c - others;
	let z_j = Zeroizing::new(rho + c_j * b0);
	for (k, (c_k, z_k)) in challenges.iter_mut().zip(responses.iter_mut()).enumerate() {
		let is_real = (k as u32).ct_eq(&j);
		c_k.conditional_assign(&c_j, is_real);
		z_k.conditional_assign(&z_j, is_real);
	}
	OneHotProof { challenges, responses }
}

/// Verifies a one-hot proof for an input's `C_0` under the rule `OneHot { abstain }` of a job
/// of dimension `d`.
pub fn verify_one_hot(
	ctx: &InputContext,
	d: u32,
	abstain: bool,
	commitment: &Commitment,
	proof: &OneHotProof,
) -> bool {
	let d_points = branches(commitment.as_dalek(), d, abstain);
	if proof.challenges.len() != d_points.len() || proof.responses.len() != d_points.len() {
		return false;
	}
	let h = blinding_generator();
	let a: Vec<RistrettoPoint> = d_points
		.iter()
		.zip(proof.challenges.iter().zip(&proof.responses))
		.map(|(point, (c, z))| RistrettoPoint::vartime_multiscalar_mul([*z, -c], [h, *point]))
		.collect();
	let sum: DalekScalar = proof.challenges.iter().sum();
	sum == one_hot_challenge(ctx, abstain, commitment, &a)
}

/// Verifies the validity proof bytes of an input (`C_0` = `commitment`, dimension `d`)
/// against the job's rule: empty for [`InputRule::None`]. A proof of any other length than
/// [`InputRule::proof_len`] is refused before any curve arithmetic.
pub fn verify_validity(
	ctx: &InputContext,
	d: u32,
	rule: &InputRule,
	commitment: &Commitment,
	proof: &[u8],
) -> bool {
	if rule.proof_len(d) != Some(proof.len()) {
		return false;
	}
	match rule {
		InputRule::None => true,
		InputRule::OneHot { abstain } => {
			let branches = d as usize + usize::from(*abstain);
			OneHotProof::from_bytes(proof, branches)
				.is_ok_and(|p| verify_one_hot(ctx, d, *abstain, commitment, &p))
		}
		InputRule::Range(bounds) => verify_range(ctx, &rule.encode(), bounds, commitment, proof),
	}
}

/// The ballot `values` is, if it is one: `Some(Some(k))` for `e_k`, `Some(None)` for all zero.
fn ballot(values: &[i128]) -> Option<Option<u32>> {
	let mut choice = None;
	for (k, v) in values.iter().enumerate() {
		match (v, choice) {
			(0, _) => {}
			(1, None) => choice = Some(k as u32),
			_ => return None,
		}
	}
	Some(choice)
}

/// [`crate::deal`] for a job with a rule: the submission and its validity proof (empty for
/// [`InputRule::None`]). Fails with [`Error::ValueOutOfRange`] for values that break the rule
/// and [`Error::InvalidRule`] for a rule [`InputRule::check`] refuses.
pub fn deal_with_rule<R: CryptoRngCore + ?Sized>(
	ctx: &InputContext,
	committee: &[EncryptionKey],
	t: u32,
	values: &[i128],
	rule: &InputRule,
	rng: &mut R,
) -> Result<(Submission, Vec<u8>), Error> {
	let d = u32::try_from(values.len()).map_err(|_| Error::InvalidDimension)?;
	rule.check(d)?;
	let choice = match rule {
		InputRule::None => return Ok((crate::deal(ctx, committee, t, values, rng)?, Vec::new())),
		InputRule::OneHot { .. } => ballot(values).ok_or(Error::ValueOutOfRange)?,
		InputRule::Range(bounds) => {
			// Refused before dealing: a value out of its bounds is not worth a dealing.
			let inside = values.iter().zip(bounds).all(|(x, (lo, hi))| lo <= x && x <= hi);
			if !inside {
				return Err(Error::ValueOutOfRange);
			}
			None
		}
	};
	let n = u32::try_from(committee.len()).map_err(|_| Error::InvalidThreshold)?;
	let shape = JobShape::new(n, t, d)?;
	let randomness = DealingRandomness::random(shape, rng);
	let b0 = Zeroizing::new(randomness.blinding.first().ok_or(Error::InvalidThreshold)?.0);
	let submission = deal_with_randomness(ctx, committee, values, randomness)?;
	let c0 = submission.commitments.first().ok_or(Error::WrongCommitmentCount)?;
	let c0 = Commitment::from_bytes(c0)?;
	let proof = match rule {
		InputRule::OneHot { abstain } => {
			prove_one_hot(ctx, d, *abstain, &c0, choice, &b0, rng)?.to_bytes()
		}
		InputRule::Range(bounds) => {
			prove_range(ctx, &rule.encode(), bounds, &c0, values, &b0, rng)?
		}
		InputRule::None => Vec::new(),
	};
	Ok((submission, proof))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::WorkerSecret;
	use alloc::vec;
	use rand_chacha::ChaCha20Rng;
	use rand_core::SeedableRng;

	fn committee() -> Vec<EncryptionKey> {
		(1..=3u8)
			.map(|n| *WorkerSecret::from_uniform_bytes(&[n; 64]).expect("key").public_key())
			.collect()
	}

	fn ctx(job: u64, provider: u8) -> InputContext {
		InputContext::new([7u8; 32], job, [provider; 32])
	}

	fn c0(s: &Submission) -> Commitment {
		Commitment::from_bytes(&s.commitments[0]).expect("C_0")
	}

	#[test]
	fn every_ballot_proves_and_verifies_and_nothing_else_does() {
		let mut rng = ChaCha20Rng::seed_from_u64(1);
		for d in 1..=4usize {
			for abstain in [false, true] {
				let rule: InputRule = InputRule::OneHot { abstain };
				let mut ballots: Vec<Vec<i128>> =
					(0..d).map(|k| (0..d).map(|l| i128::from(l == k)).collect()).collect();
				if abstain {
					ballots.push(vec![0; d]);
				}
				for values in ballots {
					let (s, proof) =
						deal_with_rule(&ctx(3, 9), &committee(), 1, &values, &rule, &mut rng)
							.expect("a ballot deals");
					assert_eq!(proof.len(), 64 * (d + usize::from(abstain)));
					let ok = |c: &InputContext, d: u32, rule: &InputRule, p: &[u8]| {
						verify_validity(c, d, rule, &c0(&s), p)
					};
					assert!(ok(&ctx(3, 9), d as u32, &rule, &proof), "{values:?}");
					// Bound to the job, the provider, the rule and C_0.
					assert!(!ok(&ctx(4, 9), d as u32, &rule, &proof));
					assert!(!ok(&ctx(3, 8), d as u32, &rule, &proof));
					let other = InputRule::OneHot { abstain: !abstain };
					assert!(!ok(&ctx(3, 9), d as u32, &other, &proof));
					assert!(!ok(&ctx(3, 9), d as u32, &InputRule::None, &proof));
					let mut flipped = proof.clone();
					flipped[5] ^= 1;
					assert!(!ok(&ctx(3, 9), d as u32, &rule, &flipped));
					assert!(!ok(&ctx(3, 9), d as u32, &rule, &proof[..proof.len() - 32]));
					let (another, _) =
						deal_with_rule(&ctx(3, 9), &committee(), 1, &values, &rule, &mut rng)
							.expect("deals");
					assert!(!verify_validity(&ctx(3, 9), d as u32, &rule, &c0(&another), &proof));
				}
			}
		}
	}

	#[test]
	fn values_that_are_not_ballots_cannot_be_proven() {
		let mut rng = ChaCha20Rng::seed_from_u64(2);
		let rule: InputRule = InputRule::OneHot { abstain: false };
		for values in [vec![1, 1], vec![2, 0], vec![0, -1], vec![0, 0]] {
			assert_eq!(
				deal_with_rule(&ctx(1, 1), &committee(), 1, &values, &rule, &mut rng).err(),
				Some(Error::ValueOutOfRange),
				"{values:?}"
			);
		}
		// The prover refuses a branch the commitment is not, even with the right blinding.
		let two = deal_with_rule(&ctx(1, 1), &committee(), 1, &[1, 1], &InputRule::None, &mut rng)
			.expect("deals")
			.0;
		let mut randomness_rng = ChaCha20Rng::seed_from_u64(2);
		let b0 = DalekScalar::random(&mut randomness_rng);
		assert_eq!(
			prove_one_hot(&ctx(1, 1), 2, false, &c0(&two), Some(0), &b0, &mut rng).err(),
			Some(Error::ValueOutOfRange)
		);
		// A proof simulated on every branch (what someone without a ballot can make) fails.
		let simulated = OneHotProof {
			challenges: (0..2).map(|_| DalekScalar::random(&mut rng)).collect(),
			responses: (0..2).map(|_| DalekScalar::random(&mut rng)).collect(),
		};
		assert!(!verify_one_hot(&ctx(1, 1), 2, false, &c0(&two), &simulated));
		// The rule's encoding is the one section 12.1 gives.
		assert_eq!(InputRule::<Vec<(i128, i128)>>::OneHot { abstain: true }.encode(), vec![2, 1]);
		assert_eq!(InputRule::<Vec<(i128, i128)>>::None.encode(), vec![0]);
		let mut range_bytes = vec![1u8, 4];
		range_bytes.extend_from_slice(&(-5i128).to_le_bytes());
		range_bytes.extend_from_slice(&10i128.to_le_bytes());
		let range: InputRule = InputRule::Range(vec![(-5, 10)]);
		assert_eq!(range.encode(), range_bytes);
	}
}
